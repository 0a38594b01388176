/* Disagreements between the files of one device (merge.h), e.g. a stale
 * show_version.txt beside last night's RANCID backup:
 *
 *   R1/show_version.txt:9:  System image file is "flash:c2960x-…152-7.E8.bin"
 *   R1/R1.rancid:12:        !Image: flash:c2960x-…152-7.E9.bin
 *
 * Versions are compared by value (RANCID's "16.9.6" is show version's
 * "16.09.06"), image paths without case and without the leading '/' IOS
 * ignores; other texts exactly. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "merge.h"
#include "version.h"

void ip_merge_snapshot(ip_merge_snap *s, const ip_device *d)
{
	s->version = d->version;
	s->xe_version = d->xe_version;
	s->platform = d->platform;
	s->serial = d->serial;
	s->software_image = d->software_image;
	s->system_image = d->system_image;
	s->confreg = d->confreg;
}

static bool other_file(ip_span was, const ip_section *sec)
{
	return was.file && sec->file && strcmp(was.file, sec->file) != 0;
}

static bool same_version(const char *a, const char *b)
{
	ip_version x, y;
	if (ip_version_parse(&x, a, strlen(a)) && ip_version_parse(&y, b, strlen(b)) &&
	    x.scheme != IP_VER_SPECIAL && x.scheme == y.scheme)
		return ip_version_cmp(&x, &y) == 0;
	return strcmp(a, b) == 0;
}

static void report(ip_diags *diags, const char *what, const char *now, ip_span at,
		   const char *was, ip_span was_at)
{
	ip_diag *d = ip_diag_add(diags, IP_DIAG_WARNING, at,
				 IP_MERGE_CONFLICT_PREFIX "%s: %s here, %s at %s:%u:%u; this later "
				 "file's value is used (remove the stale file or capture again)",
				 what, now, was, was_at.file, was_at.line, was_at.col);
	d->kind = IP_DIAG_CONFLICT;
}

static void text_cmp(ip_diags *diags, const char *what, const ip_text *was, const ip_text *now,
		     const ip_section *sec, bool version)
{
	if (!was->s || !now->s || was->s == now->s || !other_file(was->span, sec))
		return;
	if (version ? same_version(was->s, now->s) : strcmp(was->s, now->s) == 0)
		return;
	report(diags, what, now->s, now->span, was->s, was->span);
}

static bool same_path(const ip_path *a, const ip_path *b)
{
	bool fs = (!a->filesystem || !b->filesystem) ||
		  strcasecmp(a->filesystem, b->filesystem) == 0;
	return fs && a->path && b->path && strcasecmp(a->path, b->path) == 0;
}

/* Within one file a later output supersedes an earlier one, but not with
 * another serial number: that is another device under the same name (two
 * factory-default "Switch"es in one log), and their facts must not mix. */
static void serial_in_file(ip_diags *diags, const ip_device *d, const ip_text *was,
			   const ip_text *now, const ip_section *sec)
{
	if (!was->s || !now->s || was->s == now->s || other_file(was->span, sec) ||
	    strcmp(was->s, now->s) == 0)
		return;
	ip_diag_add(diags, IP_DIAG_ERROR, now->span,
		    "a second device named '%s' in this file: serial number %s here, %s at "
		    "line %u; their facts would mix (give each device's captures a file of its "
		    "own)", d->key && d->key[0] ? d->key : "(unnamed)", now->s, was->s,
		    was->span.line);
}

void ip_merge_compare(const ip_merge_snap *before, const ip_device *d, const ip_section *sec,
		      ip_diags *diags)
{
	serial_in_file(diags, d, &before->serial, &d->serial, sec);
	text_cmp(diags, "running version", &before->version, &d->version, sec, true);
	text_cmp(diags, "IOS-XE version", &before->xe_version, &d->xe_version, sec, true);
	text_cmp(diags, "model", &before->platform, &d->platform, sec, false);
	text_cmp(diags, "serial number", &before->serial, &d->serial, sec, false);
	text_cmp(diags, "software image", &before->software_image, &d->software_image, sec, false);
	const ip_path *was = &before->system_image, *now = &d->system_image;
	if (was->raw && now->raw && was->raw != now->raw && other_file(was->span, sec) &&
	    !same_path(was, now))
		report(diags, "running image", now->raw, now->span, was->raw, was->span);
	const ip_register *rw = &before->confreg, *rn = &d->confreg;
	if (rw->known && rn->known && rw->v != rn->v && other_file(rw->span, sec)) {
		char a[16], b[16];
		snprintf(a, sizeof(a), "0x%X", (unsigned)rn->v);
		snprintf(b, sizeof(b), "0x%X", (unsigned)rw->v);
		report(diags, "configuration register", a, rn->span, b, rw->span);
	}
}
