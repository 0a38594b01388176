/* A section's hardware identity (identity.h), from the lines that name it:
 *
 *   show version (IOS, IOS-XE routers; Cisco's "show version" reference,
 *   and genieparser's ios/iosxe show_platform test outputs):
 *     cisco WS-C2960X-48FPD-L (APM86XXX) processor (revision B0) with 524288K bytes of memory.
 *     Processor board ID FOC1234X0AB
 *   show version (Catalyst 3650/3850/9000 stacks: the active's block):
 *     System Serial Number               : FCW2223G0B9
 *   RANCID (bin/ios.pl, ShowVersion) and Oxidized (lib/oxidized/model/ios.rb),
 *   which copy show version's processor line and board ID:
 *     !Chassis type: WS-C2960X-48FPD-L - a 2960X switch
 *     !Processor ID: FOC1234X0AB
 *     ! Processor ID: FDO21520TGH
 *
 * show inventory's "SN:" is not read: on a 7200 its chassis SN is not the
 * board ID show version prints, so one box would look like two. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "identity.h"

static bool starts(const char *t, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n >= k && strncasecmp(t, w, k) == 0;
}

/* The token at t[i..n) up to a space or ',' (arena copy), or NULL. */
static const char *token(ip_arena *a, const char *t, size_t i, size_t n)
{
	while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == ':'))
		i++;
	size_t e = i;
	while (e < n && t[e] != ' ' && t[e] != '\t' && t[e] != ',')
		e++;
	return e > i ? ip_arena_strndup(a, t + i, e - i) : NULL;
}

static bool has(const char *t, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(t + i, w, k) == 0)
			return true;
	return false;
}

/* Dispatched on the first letter: this runs on every show version line
 * before anything is parsed, and three case-blind compares a line cost
 * facts 8 % of its instructions (bench/gate facts-ir). */
static void show_version_line(ip_identity *id, ip_arena *a, const char *t, size_t n)
{
	switch (n > 6 ? t[0] : 0) {
	case 'P':
		if (!id->serial && n > 19 && memcmp(t, "Processor board ID ", 19) == 0)
			id->serial = token(a, t, 19, n);
		break;
	case 'S':
		if (!id->serial && n > 20 && t[1] == 'y' && starts(t, n, "System Serial Number"))
			id->serial = token(a, t, 20, n);
		break;
	case 'c':
	case 'C':
		if (!id->model && memcmp(t + 1, "isco ", 5) == 0 && has(t, n, "bytes of"))
			id->model = token(a, t, 6, n);
		break;
	default:
		break;
	}
}

static void backup_line(ip_identity *id, ip_arena *a, const char *t, size_t n)
{
	size_t i = 0;
	while (i < n && (t[i] == '!' || t[i] == ' '))
		i++;
	if (!id->serial && starts(t + i, n - i, "Processor ID:"))
		id->serial = token(a, t, i + 13, n);
	else if (!id->model && starts(t + i, n - i, "Chassis type:"))
		id->model = token(a, t, i + 13, n);
}

bool ip_section_names_box(const ip_section *sec)
{
	return sec->cmd == IP_CMD_SHOW_VERSION || sec->cmd == IP_CMD_RANCID ||
	       sec->cmd == IP_CMD_OXIDIZED;
}

void ip_section_identity(ip_identity *id, ip_arena *a, const ip_section *sec)
{
	*id = (ip_identity){ 0 };
	bool sv = sec->cmd == IP_CMD_SHOW_VERSION;
	if (!ip_section_names_box(sec))
		return;
	for (size_t i = 0; i < sec->n_lines && !(id->serial && id->model); i++) {
		const ip_line *l = &sec->lines[i];
		if (sv)
			show_version_line(id, a, l->text, l->len);
		else if (l->len && l->text[0] == '!')
			backup_line(id, a, l->text, l->len);
	}
}

static bool text_differs(const char *x, const char *y)
{
	return x && y && strcasecmp(x, y) != 0;
}

bool ip_identity_differs(const ip_identity *x, const ip_identity *y)
{
	if (x->serial && y->serial)
		return strcasecmp(x->serial, y->serial) != 0;
	return text_differs(x->model, y->model);
}
