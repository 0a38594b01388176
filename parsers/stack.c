/* Switch stacks: the active member and each member's flash (stack.h).
 *
 * Member 2's flash is found under any of the names a capture may have
 * used for it: "flash-2:" / "bootflash-2:" listed directly, or a
 * filesystem whose `show file systems` aliases include them ("flash:
 * bootflash: flash-1:" on the active member). For the active member a
 * plain "flash:" / "bootflash:" listing is its own flash. */
#include <stdio.h>
#include <string.h>

#include "stack.h"

const ip_member *ip_stack_active(const ip_device *d)
{
	for (size_t i = 0; d && i < d->n_members; i++)
		if (d->members[i].active)
			return &d->members[i];
	return NULL;
}

/* The listed filesystem called `name`, or listed under a name `show file
 * systems` says is the same. */
static const ip_filesystem *listed_as(const ip_device *d, const char *name)
{
	for (size_t i = 0; i < d->n_filesystems; i++)
		if (d->filesystems[i].listed &&
		    strcmp(d->filesystems[i].name, name) == 0)
			return &d->filesystems[i];
	for (size_t i = 0; i < d->n_filesystems; i++)
		if (d->filesystems[i].listed &&
		    ip_fs_alias_has(d->filesystems[i].aliases, name))
			return &d->filesystems[i];
	return NULL;
}

const ip_filesystem *ip_stack_member_fs(const ip_device *d, const ip_member *m)
{
	if (!d || !m || m->number <= 0 || !d->n_filesystems)
		return NULL; /* no listing at all: no name to build (facts of show
			      * version alone ask this of every member) */
	static const char *const forms[] = {"flash-%d:", "bootflash-%d:", "flash%d:"};
	char name[40];
	for (size_t k = 0; k < 3; k++) {
		snprintf(name, sizeof(name), forms[k], m->number);
		const ip_filesystem *fs = listed_as(d, name);
		if (fs)
			return fs;
	}
	if (!m->active)
		return NULL;
	const ip_filesystem *fs = listed_as(d, "flash:");
	return fs ? fs : listed_as(d, "bootflash:");
}

/* Whether the device calls its member flashes bootflash-N: (C9500/9600
 * StackWise Virtual): a bootflash-N: name was seen, or the only flash
 * the device knows is bootflash:. */
static bool uses_bootflash(const ip_device *d)
{
	bool flash = false, bootflash = false;
	for (size_t i = 0; i < d->n_flash_sizes; i++)
		if (d->flash_sizes[i].filesystem &&
		    strncmp(d->flash_sizes[i].filesystem, "bootflash-", 10) == 0)
			return true;
	for (size_t i = 0; i < d->n_filesystems; i++) {
		const char *n = d->filesystems[i].name;
		if (strncmp(n, "bootflash-", 10) == 0)
			return true;
		if (strcmp(n, "flash:") == 0 ||
		    ip_fs_alias_has(d->filesystems[i].aliases, "flash:") ||
		    strncmp(n, "flash-", 6) == 0)
			flash = true;
		if (strcmp(n, "bootflash:") == 0)
			bootflash = true;
	}
	return bootflash && !flash;
}

/* Whether the capture names member n's flash "flashN:" (old classic
 * stacks: `dir flash2:`) and never "flash-N:". */
static bool uses_bare_number(const ip_device *d, int n)
{
	char dash[40], bare[40];
	snprintf(dash, sizeof(dash), "flash-%d:", n);
	snprintf(bare, sizeof(bare), "flash%d:", n);
	bool seen_bare = false;
	for (size_t i = 0; i < d->n_filesystems; i++) {
		const ip_filesystem *fs = &d->filesystems[i];
		if (strcmp(fs->name, dash) == 0 || ip_fs_alias_has(fs->aliases, dash))
			return false;
		seen_bare |= strcmp(fs->name, bare) == 0 || ip_fs_alias_has(fs->aliases, bare);
	}
	return seen_bare;
}

const char *ip_stack_member_fs_name(ip_arena *a, const ip_device *d, const ip_member *m)
{
	int n = m ? m->number : 0;
	if (d && uses_bare_number(d, n))
		return ip_arena_printf(a, "flash%d:", n);
	return ip_arena_printf(a, "%s-%d:", d && uses_bootflash(d) ? "bootflash" : "flash", n);
}

ip_member *ip_stack_member_get(ip_device *d, ip_arena *a, int number, ip_span span)
{
	size_t at = d->n_members;
	for (size_t i = 0; i < d->n_members; i++) {
		if (d->members[i].number == number)
			return &d->members[i];
		if (at == d->n_members && d->members[i].number > number)
			at = i;
	}
	IP_PUSH(a, d->members, d->n_members, d->cap_members);
	memmove(&d->members[at + 1], &d->members[at],
		(d->n_members - 1 - at) * sizeof(*d->members));
	ip_member *m = &d->members[at];
	memset(m, 0, sizeof(*m));
	m->number = number;
	m->span = span;
	return m;
}

const ip_boot_list *ip_stack_member_bootvar(const ip_device *d, const ip_member *m)
{
	if (!d || !m)
		return NULL;
	if (m->bootvar.known)
		return &m->bootvar;
	if (m->active && d->bootvar.known)
		return &d->bootvar;
	return NULL;
}

/* --- switch tables no stack can print ---------------------------------- */

/* One error per table: the first impossible row decides it. */
static void impossible(ip_stack_rows *t, ip_device *d, ip_diags *diags, ip_span span,
		       const char *what)
{
	if (t->bad++)
		return;
	const char *table = t->table;
	ip_diag_add(diags, IP_DIAG_ERROR, span,
		    "%s's switch table %s: no stack prints that, so the stack is "
		    "unknown (captures spliced or edited?); capture 'show version' "
		    "and 'show switch' again in one session", table, what);
	if (!ip_span_known(d->stack_impossible))
		d->stack_impossible = span;
}

bool ip_stack_row_check(ip_stack_rows *t, ip_device *d, ip_diags *diags, int number,
			bool active, ip_span span)
{
	if (!t->n++)
		t->first = span;
	if (number < 1 || number > IP_STACK_MAX_NUMBER)
		return true; /* the parsers' own range checks report these */
	unsigned char bit = (unsigned char)(1u << (number % 8));
	if (t->seen[number / 8] & bit) {
		char what[64];
		snprintf(what, sizeof(what), "lists member %d twice", number);
		impossible(t, d, diags, span, what);
		return false;
	}
	t->seen[number / 8] |= bit;
	if (!active)
		return true;
	if (t->active) {
		char what[128];
		snprintf(what, sizeof(what), "marks two members active ('*'): %d "
			 "(line %u) and %d", t->active, (unsigned)t->active_line, number);
		impossible(t, d, diags, span, what);
		return false;
	}
	t->active = number;
	t->active_line = span.line;
	return true;
}

void ip_stack_rows_end(ip_stack_rows *t, ip_device *d, ip_diags *diags, bool filtered)
{
	if (t->n >= 2 && !t->active && !filtered && !ip_span_known(d->stack_impossible))
		impossible(t, d, diags, t->first,
			   "marks no member active ('*', the member the command ran on)");
}
