/* The show version comments of RANCID and Oxidized backups (backup.h):
 *
 *   !Chassis type: WS-C2960X-48FPD-L - a 2960X switch     (older RANCID adds " - a …")
 *   !Memory: flash 122880K
 *   !Processor ID: FOC1932X0AB
 *   !Image: Software: C2960X-UNIVERSALK9-M, 15.2(7)E9, RELEASE SOFTWARE (fc2)
 *   !Image: Compiled: Fri 22-Mar-24 09:18 by mcpre
 *   !Image: flash:c2960x-universalk9-mz.152-7.E9/c2960x-universalk9-mz.152-7.E9.bin
 *   !ROM Bootstrap: Version 15.0(1r)M16, RELEASE SOFTWARE (fc1)
 *   !BOOTLDR: Version 15.2(7r)E, RELEASE SOFTWARE (fc1)
 *   ! PID: ISR4331/K9         , VID: V04  , SN: FDO21520TGH      (inventory)
 *
 * Decisions:
 * - The tools keep no "IOS XE" word from the version line, so IOS-XE is
 *   recognised from Oxidized's first line, else from the version itself
 *   (16.x and later, or 03.xx.yy), else from an image name that only IOS-XE
 *   uses (X86_64_LINUX_IOSD, CAT9K_IOSXE, CAT3K_CAA). Without an IOS-XE
 *   header line the one version read is the XE release too (as show
 *   version's 3.x lines are).
 * - The ROM monitor version, as in show_version.c: the ROM line's if it has
 *   one, else the BOOTLDR line's.
 * - "Slave:" lines describe the standby supervisor and are skipped. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bytescan.h"
#include "backup.h"

#define KEY(s, n, lit) ((n) >= sizeof(lit) - 1 && memcmp((s), (lit), sizeof(lit) - 1) == 0)

void backup_init(ip_backup *b, ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	memset(b, 0, sizeof(*b));
	b->dev = dev;
	b->sec = sec;
	b->ctx = ctx;
}

static ip_span span_of(const ip_backup *b, const ip_line *l, size_t s, size_t e)
{
	return ip_line_span(l, b->sec->file, s, e);
}

static void text_set(const ip_backup *b, ip_text *t, const ip_line *l, size_t s, size_t e)
{
	t->s = ip_arena_strndup(b->ctx->arena, l->text + s, e - s);
	t->span = span_of(b, l, s, e);
}

static size_t skip_sp(const ip_line *l, size_t i)
{
	while (i < l->len && (l->text[i] == ' ' || l->text[i] == '\t'))
		i++;
	return i;
}

/* End of the token at i: white space or a byte of `stops` ends it. */
static size_t tok_end(const ip_line *l, size_t i, const char *stops)
{
	while (i < l->len && !isspace((unsigned char)l->text[i]) && !strchr(stops, l->text[i]))
		i++;
	return i;
}

/* Where "needle" occurs in l->text[from, len), or SIZE_MAX. */
static size_t find(const ip_line *l, size_t from, const char *needle)
{
	size_t n = strlen(needle);
	if (from > l->len)
		return SIZE_MAX;
	const char *p = ip_find(l->text + from, l->len - from, needle, n);
	return p ? (size_t)(p - l->text) : SIZE_MAX;
}

/* "Version 15.0(1r)M16, RELEASE …" from i: the version token, if one. */
static void version_after(const ip_backup *b, ip_text *out, const ip_line *l, size_t i)
{
	if (out->s)
		return;
	size_t v = find(l, i, "Version ");
	if (v == SIZE_MAX)
		return;
	size_t s = skip_sp(l, v + 8), e = tok_end(l, s, ",[");
	if (e > s && isdigit((unsigned char)l->text[s]))
		text_set(b, out, l, s, e);
}

/* "C2960X-UNIVERSALK9-M, 15.2(7)E9, RELEASE SOFTWARE (fc2)" */
static void software(ip_backup *b, const ip_line *l, size_t i)
{
	size_t ie = i;
	while (ie < l->len && l->text[ie] != ',')
		ie++;
	size_t vs = ie < l->len ? skip_sp(l, ie + 1) : l->len;
	size_t ve = tok_end(l, vs, ",");
	if (ie == i || ve == vs) {
		ip_diag_add(b->ctx->diags, IP_DIAG_WARNING, ip_line_span_all(l, b->sec->file),
			    "cannot read the image and version from this line (expected "
			    "'Software: IMAGE, VERSION, …')");
		return;
	}
	text_set(b, &b->dev->software_image, l, i, ie);
	text_set(b, &b->dev->version, l, vs, ve);
	b->ios = true;
	b->ios_span = b->dev->version.span;
}

static bool looks_like_path(const ip_line *l, size_t s, size_t e)
{
	return e > s && memchr(l->text + s, ':', e - s) && !memchr(l->text + s, ' ', e - s);
}

/* "Image: Software: …", "Image: flash:x.bin", "Image: booted flash:x.bin";
 * "Compiled:", "Slave:", install lines and the like are read and ignored. */
static void image(ip_backup *b, const ip_line *l, size_t i)
{
	const char *t = l->text + i;
	size_t n = l->len - i;
	if (KEY(t, n, "Software: ")) {
		software(b, l, skip_sp(l, i + 10));
		return;
	}
	if (KEY(t, n, "booted "))
		i = skip_sp(l, i + 7);
	if (!looks_like_path(l, i, l->len))
		return;
	ip_path_split(&b->dev->system_image, b->ctx->arena, l->text + i, l->len - i);
	b->dev->system_image.span = span_of(b, l, i, l->len);
	b->image_read = true;
}

/* "Chassis type: ISR4331/K9", "Chassis type: WS-C3550-24 - a 3550 switch" */
static void chassis(ip_backup *b, const ip_line *l, size_t i)
{
	size_t e = tok_end(l, i, "");
	if (e - i == 6 && memcmp(l->text + i, "Slave:", 6) == 0)
		return; /* the standby supervisor */
	if (e > i && !b->dev->platform.s)
		text_set(b, &b->dev->platform, l, i, e);
}

/* "Memory: flash 7341807K" / "Memory: bootflash 65536K" (Flash internal) */
static void memory(ip_backup *b, const ip_line *l, size_t i)
{
	const char *t = l->text + i;
	size_t n = l->len - i, k = 0;
	const char *fs = NULL, *label = "flash memory";
	if (KEY(t, n, "flash ") && !KEY(t, n, "flash partition"))
		k = 6;
	else if (KEY(t, n, "bootflash ")) {
		k = 10;
		fs = "bootflash:";
		label = "Flash internal";
	}
	if (!k)
		return;
	size_t s = skip_sp(l, i + k), e = s;
	while (e < l->len && isdigit((unsigned char)l->text[e]))
		e++;
	if (e == s || e >= l->len || (l->text[e] != 'K' && l->text[e] != 'k'))
		return;
	errno = 0;
	unsigned long long kb = strtoull(l->text + s, NULL, 10);
	if (errno == ERANGE || kb > UINT64_MAX / 1024 || e - s > 19)
		return;
	ip_device *d = b->dev;
	if (!b->flash_read) /* a newer backup replaces what an older one said */
		d->n_flash_sizes = 0;
	b->flash_read = true;
	ip_flash_size *f = IP_PUSH(b->ctx->arena, d->flash_sizes, d->n_flash_sizes,
				   d->cap_flash_sizes);
	f->bytes = (uint64_t)kb * 1024;
	f->filesystem = fs;
	f->label = label;
	f->span = span_of(b, l, s, e + 1);
}

/* "PID: ISR4331/K9         , VID: V04  , SN: FDO21520TGH": the first
 * inventory entry is the chassis. */
static void inventory(ip_backup *b, const ip_line *l, size_t i)
{
	if (b->model.s)
		return;
	size_t e = tok_end(l, i, ",");
	if (e > i)
		text_set(b, &b->model, l, i, e);
	size_t sn = find(l, e, "SN: ");
	if (sn == SIZE_MAX || b->serial.s)
		return;
	size_t s = skip_sp(l, sn + 4), se = tok_end(l, s, ",");
	if (se > s)
		text_set(b, &b->serial, l, s, se);
}

static void serial(ip_backup *b, ip_text *out, const ip_line *l, size_t i)
{
	size_t e = tok_end(l, i, ",");
	if (e > i && !out->s)
		text_set(b, out, l, i, e);
}

bool backup_comment(ip_backup *b, const ip_line *l, size_t off)
{
	const char *t = l->text + off;
	size_t n = l->len - off;
	if (KEY(t, n, "Image: "))
		image(b, l, skip_sp(l, off + 7));
	else if (KEY(t, n, "Chassis type: "))
		chassis(b, l, skip_sp(l, off + 14));
	else if (KEY(t, n, "Memory: "))
		memory(b, l, skip_sp(l, off + 8));
	else if (KEY(t, n, "ROM Bootstrap: ") || KEY(t, n, "ROM Image: "))
		version_after(b, &b->rom, l, off);
	else if (KEY(t, n, "BOOTLDR: "))
		version_after(b, &b->bootldr, l, off);
	else if (KEY(t, n, "Processor ID: ")) {
		b->proc_id = true;
		serial(b, &b->dev->serial, l, skip_sp(l, off + 14));
	} else if (KEY(t, n, "Serial Number: ") || KEY(t, n, "Serial number: "))
		serial(b, &b->serial, l, skip_sp(l, off + 15));
	else if (KEY(t, n, "PID: "))
		inventory(b, l, skip_sp(l, off + 5));
	else
		return KEY(t, n, "NAME: ") || KEY(t, n, "CPU: ") || KEY(t, n, "BOOTFLASH: ");
	return true;
}

/* "IOS-XE"/"IOS XE" in a header line is the strongest OS evidence. */
static void xe_word(ip_backup *b, const ip_line *l, size_t off)
{
	size_t p = find(l, off, "IOS-XE");
	if (p == SIZE_MAX)
		p = find(l, off, "IOS XE");
	if (p == SIZE_MAX || b->xe)
		return;
	b->xe = true;
	b->xe_span = span_of(b, l, p, p + 6);
}

bool backup_version_header(ip_backup *b, const ip_line *l, size_t off)
{
	const char *t = l->text + off;
	size_t n = l->len - off;
	if (KEY(t, n, "Cisco IOS XE Software")) {
		xe_word(b, l, off);
		ip_text v = { 0 };
		version_after(b, &v, l, off);
		if (v.s && !b->xe_version_read) {
			b->dev->xe_version = v;
			b->xe_version_read = true;
		}
		return true;
	}
	if (!KEY(t, n, "Cisco IOS Software") && !KEY(t, n, "IOS (tm)") &&
	    !KEY(t, n, "Cisco Internetwork Operating System Software"))
		return false;
	xe_word(b, l, off);
	return true;
}

/* 16.x and later, or IOS-XE 3.x ("03.06.05E"). */
static bool xe_version_text(const char *v)
{
	if (!v || !isdigit((unsigned char)v[0]))
		return false;
	if (v[0] == '0' && isdigit((unsigned char)v[1]) && v[2] == '.')
		return true;
	errno = 0;
	unsigned long major = strtoul(v, NULL, 10);
	return errno == 0 && major >= 16 && major < 100 && !strchr(v, '(');
}

static bool xe_image_text(const char *s)
{
	return s && (strcasestr(s, "IOSD") || strcasestr(s, "IOSXE") || strcasestr(s, "CAT3K_CAA"));
}

static bool ends_with_ci(const char *s, const char *suffix)
{
	size_t n = s ? strlen(s) : 0, k = strlen(suffix);
	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

static void os_finish(ip_backup *b)
{
	ip_device *d = b->dev;
	if (!b->xe && b->ios && (xe_version_text(d->version.s) || xe_image_text(d->software_image.s))) {
		b->xe = true;
		b->xe_span = xe_version_text(d->version.s) ? d->version.span : d->software_image.span;
	}
	if (b->xe) {
		d->os = IP_OS_IOSXE;
		d->os_span = b->xe_span;
	} else if (b->ios) {
		d->os = IP_OS_IOS;
		d->os_span = b->ios_span;
	}
	if (b->xe && b->ios && !b->xe_version_read && d->version.s && !strchr(d->version.s, '('))
		d->xe_version = d->version;
}

void backup_finish(ip_backup *b)
{
	ip_device *d = b->dev;
	os_finish(b);
	if (b->rom.s || b->bootldr.s)
		d->rommon = b->rom.s ? b->rom : b->bootldr;
	if (!b->proc_id && b->serial.s)
		d->serial = b->serial;
	if (!d->platform.s && b->model.s)
		d->platform = b->model;
	if (!b->xe || !b->image_read)
		return;
	if (ends_with_ci(d->system_image.path, ".conf"))
		d->install_mode.v = IP_TRI_YES;
	else if (ends_with_ci(d->system_image.path, ".bin"))
		d->install_mode.v = IP_TRI_NO;
	else
		return;
	d->install_mode.span = d->system_image.span;
}

/* --- derived lines -------------------------------------------------------- */

static uint32_t raw_col(const ip_line *l, size_t i)
{
	return l->colmap ? l->colmap[i] : (uint32_t)i + 1;
}

void backup_line_edit(ip_line *out, ip_arena *a, const ip_line *l, size_t start,
		      size_t end, const char *rep)
{
	size_t rl = rep ? strlen(rep) : 0;
	start = start > l->len ? l->len : start;
	end = end > l->len ? l->len : end < start ? start : end;
	out->lineno = l->lineno;
	if (start == 0 && rl == 0 && l->colmap) { /* a cut prefix: share the text */
		out->text = l->text + end;
		out->len = l->len - (uint32_t)end;
		out->colmap = l->colmap + end;
		return;
	}
	size_t n = start + rl + (l->len - end);
	char *t = (start == 0 && rl == 0) ? (char *)(uintptr_t)(l->text + end)
					  : ip_arena_alloc(a, n + 1);
	uint32_t *cm = ip_arena_alloc(a, (n + 1) * sizeof(*cm));
	if (!(start == 0 && rl == 0)) {
		memcpy(t, l->text, start);
		memcpy(t + start, rep, rl);
		memcpy(t + start + rl, l->text + end, l->len - end);
	}
	for (size_t i = 0; i < start; i++)
		cm[i] = raw_col(l, i);
	for (size_t j = 0; j < rl; j++)
		cm[start + j] = raw_col(l, start);
	for (size_t k = 0; end + k <= l->len; k++)
		cm[start + rl + k] = raw_col(l, end + k);
	out->text = t;
	out->len = (uint32_t)n;
	out->colmap = cm;
}

ip_section backup_section(const ip_section *parent, ip_cmd cmd, const char *canonical,
			  const char *arg, const ip_line *lines, size_t n)
{
	ip_section s = { 0 };
	s.file = parent->file;
	s.cmd = cmd;
	s.canonical = canonical;
	s.arg = arg;
	s.inferred = true;
	s.lines = lines;
	s.n_lines = n;
	s.first_line = n ? lines[0].lineno : parent->first_line;
	s.last_line = n ? lines[n - 1].lineno : parent->first_line;
	return s;
}
