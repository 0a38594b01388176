/* What the files of `iosplan verify` share: the context of one device's
 * verification and the helpers that add checks. Internal to planner/. */
#ifndef IOSPLAN_VERIFY_PRIVATE_H
#define IOSPLAN_VERIFY_PRIVATE_H

#include "plan.h"
#include "platform.h"
#include "fs_model.h"
#include "verify.h"

typedef struct vctx {
	ip_verify_device *v;
	ip_arena *a;
	const ip_verify_options *o;
	ip_platform platform;        /* the after device's, else the before's */
	ip_fs_view fsv;              /* the model's filesystems of the after device */
	ip_fs_view fsv_before;       /* of the before device (the after one without it) */
	const ip_plan *plan;         /* built from the before-captures, or NULL */
	ip_path image;               /* v->image split */
	ip_path boots;               /* v->boots split */
	ip_path fallback;            /* v->fallback split (raw NULL: none) */
	bool up_after_known, up_before_known;
	uint64_t up_after, up_before; /* minutes */
} vctx;

/* Add a check; the message is printf-formatted. */
ip_vcheck *vcheck(vctx *c, const char *id, ip_vstatus st, ip_span after, ip_span before,
		  const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* A check that needs a capture nobody took: `capture` names it. */
ip_vcheck *vcheck_missing(vctx *c, const char *id, bool before, const char *capture,
			  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void vcheck_related(vctx *c, ip_vcheck *k, ip_span s, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void vcheck_fix(vctx *c, ip_vcheck *k, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Whether fs_a+path_a and fs_b+path_b name one file on the after device
 * (file names without case, prefixes through its aliases). */
bool v_same_file(const vctx *c, const char *fs_a, const char *path_a, const char *fs_b,
		 const char *path_b);
/* "bootflash:x.bin" (or "x.bin" with no filesystem). */
const char *v_path_text(ip_arena *a, const char *fs, const char *path);
/* The last element of a path. */
const char *v_base(const char *path);

/* verify_identity.c: whether both sides are one chassis (serial numbers,
 * model); false when they are not, and no other check may be made. */
bool v_check_same_device(vctx *c);

/* verify_image.c: transfer and reload checks about the image. */
void v_check_image_present(vctx *c);
void v_check_image_verified(vctx *c);
void v_check_version(vctx *c);
void v_check_system_image(vctx *c);
/* Each stack member's version after the reload (verify_image.c). */
void v_check_members(vctx *c);
void v_check_register(vctx *c);
void v_check_uptime(vctx *c);

/* verify_boot.c: the boot list after the change, saved, and after reload. */
void v_check_boot_order(vctx *c);
void v_check_boot_saved(vctx *c);
void v_check_boot_survived(vctx *c);
/* The index of the first entry of l that names the file fs+path, or -1. */
int v_boot_find(const vctx *c, const ip_boot_list *l, const char *fs, const char *path);

/* verify_health.c: interfaces and neighbours, before against after. */
void v_check_interfaces(vctx *c);
void v_check_neighbors(vctx *c);

#endif
