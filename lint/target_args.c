/* Resolving the target-image options; see target_args.h.
 *
 * Where each fact of a target comes from, in order:
 *   name       --target, else the configuration's target:, else the
 *              --image-file's base name, else (per device) the catalogue
 *   reference  --size/--md5/--sha512, and the catalogue entry of that name;
 *              the two must agree (a contradiction is the user's to fix
 *              before anything is checked)
 *   server     --image-file, or DIR/NAME under --tftp-root: hashed here,
 *              once per file however many devices share it */
#include "target_args.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli_token.h"
#include "error.h"
#include "fact_hint.h"
#include "hash.h"
#include "platform.h"

struct ip_targets {
	ip_arena *arena;
	const ip_target_args *args;
	ip_image_catalog *catalog;
	ip_target *fixed;            /* one target for every device, or NULL */
	const ip_target **per_entry; /* catalogue mode: built on first use */
	bool wanted;
};

bool ip_target_args_take(ip_target_args *a, int opt, const char *arg)
{
	switch (opt) {
	case IP_OPT_TARGET: a->target = arg; return true;
	case IP_OPT_MD5: a->md5 = arg; return true;
	case IP_OPT_SHA512: a->sha512 = arg; return true;
	case IP_OPT_SIZE: a->size = arg; return true;
	case IP_OPT_IMAGE_FILE: a->image_file = arg; return true;
	case IP_OPT_TFTP_ROOT: a->tftp_root = arg; return true;
	case IP_OPT_CATALOG: a->catalog = arg; return true;
	default: return false;
	}
}

static int hash_arg(const char *opt, const char *v, size_t want)
{
	if (!v || ip_target_hash_ok(v, want))
		return 0;
	size_t n = strlen(v);
	return ip_error_set(IP_E_USAGE, "%s '%.140s' is not %zu hex digits (%zu characters%s)", opt, v,
			    want, n, strspn(v, "0123456789abcdefABCDEF") < n ? ", not all hex" : "");
}

static int size_arg(const char *v, uint64_t *out)
{
	uint64_t x = 0;
	if (!v)
		return 0;
	for (const char *p = v; *p; p++) {
		unsigned d = (unsigned)((unsigned char)*p - '0');
		if (d > 9 || x > (UINT64_MAX - d) / 10)
			return ip_error_set(IP_E_USAGE, "--size '%.40s' is not a whole number of bytes", v);
		x = x * 10 + d;
	}
	if (!*v || x == 0)
		return ip_error_set(IP_E_USAGE, "--size '%.40s' is not a whole number of bytes above 0", v);
	*out = x;
	return 0;
}

static int args_check(const ip_target_args *a, bool have_name)
{
	uint64_t size;
	int rc = hash_arg("--md5", a->md5, 32);
	rc = rc ? rc : hash_arg("--sha512", a->sha512, 128);
	rc = rc ? rc : size_arg(a->size, &size);
	if (rc)
		return rc;
	if ((a->md5 || a->sha512 || a->size) && !have_name)
		return ip_error_set(IP_E_USAGE, "--md5, --sha512 and --size describe one image: "
				    "name it with --target (or --image-file)");
	if (a->image_file && a->tftp_root)
		return ip_error_set(IP_E_USAGE, "give --image-file or --tftp-root, not both");
	if (a->tftp_root && !have_name && !a->catalog)
		return ip_error_set(IP_E_USAGE, "--tftp-root needs the image's name: give --target "
				    "or --catalog");
	return 0;
}

static char *lower(ip_arena *a, const char *s)
{
	char *d = ip_arena_strdup(a, s);
	for (char *p = d; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	return d;
}

/* Command-line reference facts. */
static void apply_args(ip_targets *ts, ip_target *t)
{
	const ip_target_args *a = ts->args;
	if (a->md5) {
		t->md5 = lower(ts->arena, a->md5);
		t->md5_origin = "--md5";
	}
	if (a->sha512) {
		t->sha512 = lower(ts->arena, a->sha512);
		t->sha512_origin = "--sha512";
	}
	if (a->size) {
		size_arg(a->size, &t->size.v);
		t->size.known = true;
		t->size_origin = "--size";
	}
}

static int conflict(const char *what, const char *given, const char *cat, const char *name,
		    ip_span at)
{
	return ip_error_set(IP_E_USAGE, "--%s %s disagrees with the catalogue's %s for %s (%s:%u:%u): "
			    "fix one of them", what, given, cat, name, at.file, at.line, at.col);
}

/* Catalogue facts for t; a value the command line also gave must agree. */
static int apply_entry(ip_targets *ts, ip_target *t, const ip_catalog_image *e)
{
	const char *origin = ip_arena_printf(ts->arena, "catalogue %s", ts->catalog->path);
	if (e->md5 && t->md5 && strcmp(e->md5, t->md5) != 0)
		return conflict("md5", t->md5, e->md5, e->name, e->md5_span);
	if (e->sha512 && t->sha512 && strcmp(e->sha512, t->sha512) != 0)
		return conflict("sha512", t->sha512, e->sha512, e->name, e->sha512_span);
	if (e->size.known && t->size.known && e->size.v != t->size.v)
		return conflict("size", ip_arena_printf(ts->arena, "%llu", (unsigned long long)t->size.v),
				ip_arena_printf(ts->arena, "%llu", (unsigned long long)e->size.v),
				e->name, e->size.span);
	if (e->md5) {
		t->md5 = e->md5;
		t->md5_span = e->md5_span;
		t->md5_origin = origin;
	}
	if (e->sha512) {
		t->sha512 = e->sha512;
		t->sha512_span = e->sha512_span;
		t->sha512_origin = origin;
	}
	if (e->size.known) {
		t->size = e->size;
		t->size_origin = origin;
	}
	t->min_rommon = e->min_rommon;
	t->min_rommon_span = e->min_rommon_span;
	t->family = e->family;
	t->facts = &e->facts;
	return 0;
}

/* The server copy: hash the file (once per target). */
static int server_copy(ip_targets *ts, ip_target *t)
{
	const ip_target_args *a = ts->args;
	const char *path = a->image_file;
	if (!path && a->tftp_root)
		path = ip_arena_printf(ts->arena, "%s%s%s", a->tftp_root,
				       a->tftp_root[strlen(a->tftp_root) - 1] == '/' ? "" : "/", t->name);
	if (!path)
		return 0;
	ip_digests d;
	int rc = ip_hash_file(&d, path);
	if (rc) {
		/* a copy: the error slot is written from its own text */
		char *msg = strdup(ip_error_last());
		if (!msg)
			ip_out_of_memory();
		ip_error_set(rc, "%s%s", msg, a->image_file ? "" : " (the image under --tftp-root)");
		free(msg);
		return rc;
	}
	t->server.path = path;
	t->server.size = (ip_u64){ true, d.size, { 0 } };
	t->server.md5 = ip_arena_strdup(ts->arena, d.md5);
	t->server.sha512 = ip_arena_strdup(ts->arena, d.sha512);
	return 0;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static int fixed_target(ip_targets *ts, const char *name, const char *origin)
{
	char buf[IP_CLI_WHY_SIZE];
	const char *why = ip_cli_check(name, IP_CLI_TOKEN, buf, sizeof(buf));
	if (why)
		return ip_error_set(IP_E_USAGE, "the target from %s cannot be typed at the device "
				    "CLI: %s", origin, why);
	ip_target *t = ip_target_from_name(ts->arena, name, origin);
	if (!*t->name)
		return ip_error_set(IP_E_USAGE, "the target '%s' names no file", name);
	apply_args(ts, t);
	const ip_catalog_image *e = ip_image_catalog_find(ts->catalog, t->name);
	int rc = e ? apply_entry(ts, t, e) : 0;
	rc = rc ? rc : server_copy(ts, t);
	ts->fixed = t;
	return rc;
}

int ip_targets_new(ip_targets **out, ip_arena *a, const ip_target_args *args,
		   const char *fallback_target, const char *fallback_origin)
{
	ip_targets *ts = ip_arena_alloc(a, sizeof(*ts));
	*out = ts;
	ts->arena = a;
	ts->args = args;
	const char *name = args->target, *origin = "--target";
	if (!name && fallback_target) {
		name = fallback_target;
		origin = fallback_origin ? fallback_origin : "the configuration";
	}
	if (!name && args->image_file) {
		name = base_name(args->image_file);
		origin = "--image-file";
	}
	int rc = args_check(args, name != NULL);
	if (!rc && args->catalog)
		rc = ip_image_catalog_load(&ts->catalog, a, args->catalog);
	if (rc)
		return rc;
	ts->wanted = name || ts->catalog;
	if (name)
		return fixed_target(ts, name, origin);
	if (ts->catalog)
		ts->per_entry = ip_arena_alloc(a, ts->catalog->n * sizeof(*ts->per_entry));
	return 0;
}

static int entry_target(ip_targets *ts, const ip_catalog_image *e, const ip_target **out)
{
	size_t i = (size_t)(e - ts->catalog->v);
	if (ts->per_entry[i]) {
		*out = ts->per_entry[i];
		return 0;
	}
	const char *origin = ip_arena_printf(ts->arena, "catalogue %s", ts->catalog->path);
	ip_target *t = ip_target_from_name(ts->arena, e->name, origin);
	t->span = e->name_span;
	int rc = apply_entry(ts, t, e);
	rc = rc ? rc : server_copy(ts, t);
	if (rc)
		return rc;
	ts->per_entry[i] = t;
	*out = t;
	return 0;
}

static const char *platform_words(ip_arena *a, const ip_device *dev, const ip_platform *p)
{
	if (!dev->platform.s && !p->image_platforms)
		/* what would tell it (fact_hint.h): a show version cut short
		 * is asked for again in full, not as if never captured */
		return ip_arena_printf(a, "its platform is unknown (%s)",
				       ip_fact_hint_of(a, dev, p, IP_FACT_PLATFORM).text);
	if (!dev->platform.s) /* "for  (c2960)" said nothing of what was missing (issue 23) */
		return ip_arena_printf(a, "a device whose model is unknown (no processor line in "
				       "show version), its image of platform %s",
				       p->image_platforms);
	return ip_arena_printf(a, "%s%s%s%s", dev->platform.s,
			       p->image_platforms ? " (" : "",
			       p->image_platforms ? p->image_platforms : "",
			       p->image_platforms ? ")" : "");
}

int ip_targets_for_device(const ip_target **out, const char **why, ip_targets *ts,
			  const ip_device *dev)
{
	*out = ts->fixed;
	*why = NULL;
	if (ts->fixed || !ts->catalog)
		return 0;
	ip_platform p;
	ip_platform_classify(&p, dev);
	const ip_catalog_image *tie, *e = ip_image_catalog_for_device(ts->catalog, dev, &p, &tie);
	if (tie)
		return ip_error_set(IP_E_CONFIG, "%s:%u:%u: error: two catalogue images fit %s (%s) "
				    "equally: %s and %s; make their platforms more specific",
				    ts->catalog->path, tie->span.line, tie->span.col,
				    ip_device_name(dev) ? ip_device_name(dev) : dev->key,
				    platform_words(ts->arena, dev, &p), e->name, tie->name);
	if (!e) {
		*why = ip_arena_printf(ts->arena, "no image in catalogue %s for %s", ts->catalog->path,
				       platform_words(ts->arena, dev, &p));
		return 0;
	}
	return entry_target(ts, e, out);
}

const ip_target *ip_targets_fixed(const ip_targets *t)
{
	return t->fixed;
}

bool ip_targets_wanted(const ip_targets *t)
{
	return t->wanted;
}
