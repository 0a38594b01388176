/* The room an image needs on a filesystem: one computation for the
 * flash-space rule and the planner (issue 19), which had three copies that
 * disagreed (the rule added the margin to nothing, the member text left
 * it out).
 *
 * need = what is copied there (the image, unless a whole copy is there)
 *      + what install add expands next to it (install_expand_percent of
 *        the image: DOMAIN.md §9.6 calls the ratio UNCONFIRMED)
 *      + the margin, max(margin bytes, margin percent of the image),
 *        when anything is put there at all.
 * Every sum saturates: a size near UINT64_MAX is refused, not wrapped. */
#ifndef IOSPLAN_SPACE_H
#define IOSPLAN_SPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "device.h"

typedef struct ip_space_opts {
	uint64_t margin_bytes;
	unsigned margin_percent;
	unsigned expand_percent; /* install mode: packages per image byte, % */
} ip_space_opts;

typedef struct ip_space_need {
	uint64_t size;   /* the image bytes copied there (0: already there) */
	uint64_t expand; /* the packages install add expands there */
	uint64_t margin;
	uint64_t total;  /* the free bytes the filesystem needs */
} ip_space_need;

/* The need for an image of `size` bytes; `copies`: the image is copied to
 * this filesystem; `expands`: install add unpacks it there. */
void ip_space_need_of(ip_space_need *out, const ip_space_opts *o, uint64_t size, bool copies,
		      bool expands);

uint64_t ip_space_percent(uint64_t v, unsigned pct); /* pct % of v, saturating */
uint64_t ip_space_add(uint64_t a, uint64_t b);       /* a + b, saturating */

/* What could be deleted to make room, in the order it should be: images
 * neither running nor in any boot list, then boot-list images (deleting
 * them loses the fallback), then the running image. A file is running or
 * boot-listed when its base name is the running image's or an entry's: on
 * a stack each member runs the same path from its own flash-N:, and
 * counting a same-named file in another directory as listed only keeps
 * more. Directories, files of unknown size, non-images and the target
 * itself are never candidates. */
typedef enum ip_del_class { IP_DEL_FREE, IP_DEL_FALLBACK, IP_DEL_RUNNING } ip_del_class;

typedef struct ip_del_cand {
	const ip_file *file;
	ip_del_class cls;
} ip_del_cand;

/* The candidates on fs for making room for `target` (an image name) on
 * device d, sorted: by class, the largest first, then by name. out holds
 * fs->n_files entries; returns how many were written. */
size_t ip_space_candidates(const ip_device *d, const ip_filesystem *fs, const char *target,
			   ip_del_cand *out);

/* How many of the sorted candidates c[0..k) to delete, in order, to bring
 * `free_b` free bytes up to `need`: deleting stops as soon as it is enough
 * and never reaches a class past `upto` (IP_DEL_FALLBACK: the running
 * image is kept). *have is the free space once they are deleted; it is
 * below need when even they are not enough. */
size_t ip_space_pick(const ip_del_cand *c, size_t k, uint64_t free_b, uint64_t need,
		     ip_del_class upto, uint64_t *have);

/* What `install remove inactive` frees on an install-mode filesystem
 * (issue 21): the .bin images there (nothing boots one in install mode;
 * DOMAIN.md §8: it "deletes unused packages and also unused .bin files")
 * but the target's, and the .pkg files of another release than the
 * running one. Which packages packages.conf names the listing does not
 * say; what it does say is each package's release in its name
 * ("cat9k-rpbase.17.06.05.SPA.pkg"): packages.conf of a committed
 * install names only the running release's, so a package of another
 * release is one it does not name. Packages whose name carries no 16.x or
 * 17.x release (IOS-XE 3.x: "cat3k_caa-base.SPA.03.06.05E.pkg") are not
 * counted, nor is anything when the running release is unknown: the
 * figure is a lower bound. An uncommitted activation (whose new packages
 * packages.conf does name) is the install-state rules' to refuse. */
#define IP_PKG_RELEASE_SIZE 24

typedef struct ip_inactive {
	uint64_t bin_bytes, pkg_bytes; /* of files whose size is listed */
	size_t n_bin, n_pkg;
	char pkg_release[IP_PKG_RELEASE_SIZE]; /* one such package's release, or "" */
} ip_inactive;

/* Whether name is a .pkg of another 16.x/17.x release than running
 * ("17.09.04a"); false when either is not such a release. The release is
 * written into rel (IP_PKG_RELEASE_SIZE bytes) when true. */
bool ip_space_pkg_other_release(const char *name, const char *running, char *rel);

/* The inactive files on fs (above); target: the image name install add is
 * given, never counted. */
void ip_space_inactive(ip_inactive *out, const ip_filesystem *fs, const char *running,
		       const char *target);

/* The first package the captured install state shows as I, inactive
 * (added, not booted: what `install remove inactive` removes; Cisco's
 * install-mode legend "I - Inactive"), in `show install summary` or `show
 * install inactive`; NULL when no capture shows one. Its size is not
 * printed there, so it counts as a reason to remove, not as room. */
const ip_install_pkg *ip_install_first_inactive(const ip_install_state *is);

#endif
