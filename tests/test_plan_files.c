/* Issue 20, the files the plan finds on flash: a partial copy of the
 * target (point 10), a boot entry that names the target before it is
 * verified (point 12), the directory a tar-installed image leaves (point
 * 13), images without a .bin suffix (point 16).
 *
 * Each row is a capture (a file under samples/, optionally edited by up to
 * seven replacements, so that one capture gives several variants:
 * platform, release, layout) with a target, and what the plan must do:
 * refuse (naming why) or plan, with commands that must appear in this
 * order, commands that must not appear, and a proof that holds. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "plan.h"

typedef struct fcase {
	const char *name;
	const char *sample;  /* under samples/ */
	const char *edit[7][2]; /* {old, new}: edits made to the capture first */
	const char *target;
	unsigned long long size;
	unsigned long long server_size; /* the server copy's (--image-file), 0: unknown */
	bool refused;
	const char *blocks;     /* refused: a finding of this rule blocks, or NULL */
	const char *reason;     /* refused: part of a reason or a blocking finding's note */
	const char *must[5];    /* commands (prefixes) the plan has, in this order */
	const char *must_not[3]; /* commands (prefixes) it must not have */
} fcase;

#define MD5A "0123456789abcdef0123456789abcdef"
#define E9 "c2960x-universalk9-mz.152-7.E9.bin"
#define E8DIR "c2960x-universalk9-mz.152-7.E8"
#define R1_NEW "isr4300-universalk9.16.12.04.SPA.bin"
#define R1_OLD_LINE "  1  521347072 Mar 05 2026 09:14:22 isr4300-universalk9.16.09.06.SPA.bin"
#define R1_PARTIAL R1_OLD_LINE "\n 11  200278016 Dec 07 2026 10:02:11 " R1_NEW
#define X3750_E8 "c3750e-universalk9-mz.152-4.E8"
#define X3750_E10 "c3750e-universalk9-mz.152-4.E10.bin"
#define C65 "files/cat6500-sup720-nobin.log"
#define SXF7 "s72033-adventerprisek9_wan-mz.122-18.SXF7"
#define SXI5 "s72033-adventerprisek9_wan-mz.122-33.SXI5"
#define SXI11 "s72033-adventerprisek9_wan-mz.122-33.SXI11.bin"
#define C3K_NEW "cat3k_caa-universalk9.16.12.12.SPA.bin"
#define C3K_GUEST_2 " 12309  -rw-          1154048  Aug 19 2025 22:07:41 +00:00  cat3k_caa-guestshell.16.12.09.SPA.pkg"
#define R1_MARKER "boot-start-marker\n"
#define R1_BOOT_OLD "boot system bootflash:isr4300-universalk9.16.09.06.SPA.bin\n"
#define R1_BOOT_NEW "boot system bootflash:" R1_NEW "\n"
#define C9K_NEW "cat9k_iosxe.17.12.04.SPA.bin"
#define C9K_OLD_LINE "475155  -rw-       1442213753  Jan 14 2024 01:41:07 +00:00  cat9k_iosxe.17.09.04a.SPA.bin"

static const fcase cases[] = {
	/* --- point 10: a partial copy of the target is deleted, then copied afresh */
	{ "10: classic switch, partial E9 at the flash root", "files/partial-2960x-tarlayout.log",
	  { { NULL } }, E9, 26815488, 0, false, NULL, NULL,
	  { "copy running-config tftp://", "delete /force flash:" E9, "copy tftp://10.0.0.10/" E9,
	    "verify /md5 flash:" E9 },
	  { NULL } },
	{ "10: ISR4321, partial 16.12.04 on bootflash:", "netstuts-r1.log",
	  { { R1_OLD_LINE, R1_PARTIAL } }, R1_NEW, 521347072, 0, false, NULL, NULL,
	  { "copy running-config tftp://", "delete /force bootflash:" R1_NEW,
	    "copy tftp://10.0.0.10/" R1_NEW, "verify /md5 bootflash:" R1_NEW },
	  { NULL } },
	{ "10: ISR4321, the server copy transferred whole but the device's is short",
	  "netstuts-r1.log", { { R1_OLD_LINE, R1_PARTIAL } }, R1_NEW, 521347072, 521347072, false,
	  NULL, NULL, { "delete /force bootflash:" R1_NEW, "copy tftp://10.0.0.10/" R1_NEW }, { NULL } },
	{ "10: Cat9300 install mode, partial 17.12.04 .bin", "c9300-install.log",
	  { { C9K_OLD_LINE, C9K_OLD_LINE "\n475199  -rw-        512000000  Dec 07 2026 10:02:11 +00:00  " C9K_NEW } },
	  C9K_NEW, 1325314572, 0, false, NULL, NULL,
	  { "delete /force flash:" C9K_NEW, "copy tftp://10.0.0.10/" C9K_NEW,
	    "verify /md5 flash:" C9K_NEW, "install add file flash:" C9K_NEW },
	  { NULL } },
	{ "10: a bad download (the server copy is as short) still refuses", "netstuts-r1.log",
	  { { R1_OLD_LINE, R1_PARTIAL } }, R1_NEW, 521347072, 200278016, true, "image-integrity", NULL,
	  { NULL }, { NULL } },
	{ "10: no room even without the partial copy", "netstuts-r1.log",
	  { { "6927970304 bytes available", "100000000 bytes available" }, { R1_OLD_LINE, R1_PARTIAL } },
	  R1_NEW, 521347072, 0, true, "flash-space", NULL, { NULL }, { NULL } },

	/* --- point 12: a saved entry naming the target goes (and is saved)
	 * before anything on flash changes */
	{ "12: classic switch, one-line BOOT path-list names E9 first",
	  "files/partial-2960x-tarlayout.log", { { NULL } }, E9, 26815488, 0, false, NULL, NULL,
	  { "no boot system", "boot system flash:" E8DIR "/" E8DIR ".bin",
	    "copy running-config startup-config", "delete /force flash:" E9,
	    "copy tftp://10.0.0.10/" E9 },
	  { NULL } },
	{ "12: ISR4321, startup-config names the partial 16.12.04 first", "netstuts-r1.log",
	  { { R1_OLD_LINE, R1_PARTIAL }, { R1_MARKER R1_BOOT_OLD, R1_MARKER R1_BOOT_NEW R1_BOOT_OLD },
	    { R1_MARKER R1_BOOT_OLD, R1_MARKER R1_BOOT_NEW R1_BOOT_OLD } },
	  R1_NEW, 521347072, 0, false, NULL, NULL,
	  { "no boot system bootflash:" R1_NEW, "copy running-config startup-config",
	    "delete /force bootflash:" R1_NEW, "copy tftp://10.0.0.10/" R1_NEW,
	    "boot system bootflash:" R1_NEW },
	  { NULL } },
	{ "12: ISR4321, startup-config names 16.12.04, not on flash yet", "netstuts-r1.log",
	  { { R1_MARKER R1_BOOT_OLD, R1_MARKER R1_BOOT_NEW R1_BOOT_OLD },
	    { R1_MARKER R1_BOOT_OLD, R1_MARKER R1_BOOT_NEW R1_BOOT_OLD } },
	  R1_NEW, 521347072, 0, false, NULL, NULL,
	  { "no boot system bootflash:" R1_NEW, "copy running-config startup-config",
	    "copy tftp://10.0.0.10/" R1_NEW, "verify /md5 bootflash:" R1_NEW },
	  { NULL } },
	{ "12: ISR4321, only the startup-config names it, alone", "netstuts-r1.log",
	  { { "NetsTuts_R1#show startup-config | include boot\nlicense boot level securityk9\n"
	      R1_MARKER R1_BOOT_OLD,
	      "NetsTuts_R1#show startup-config | include boot\nlicense boot level securityk9\n"
	      R1_MARKER R1_BOOT_NEW } },
	  R1_NEW, 521347072, 0, false, NULL, NULL,
	  { "copy running-config startup-config", "copy tftp://10.0.0.10/" R1_NEW },
	  { NULL } },
	{ "12: 2960-X stack, member 2's BOOT variable names E9", "stack-2960x-bundle.log",
	  { { "Switch 2\n-------------------\nBOOT path-list      : flash:c2960x-universalk9-mz.152-7.E8.bin",
	      "Switch 2\n-------------------\nBOOT path-list      : flash:" E9
	      ";flash:c2960x-universalk9-mz.152-7.E8.bin" } },
	  E9, 26815488, 0, false, NULL, NULL,
	  { "copy running-config startup-config", "copy tftp://10.0.0.10/" E9 },
	  { NULL } },

	/* --- point 13: after a .bin upgrade, the old image's archive
	 * download-sw directory goes whole */
	{ "13: 2960-X, old image in its tar directory", "files/partial-2960x-tarlayout.log",
	  { { NULL } }, E9, 26815488, 0, false, NULL, NULL,
	  { "verify /md5 flash:" E9, "delete /force /recursive flash:" E8DIR },
	  { "delete /force flash:" E8DIR "/" E8DIR ".bin" } },
	{ "13: 3750-X stack, a .bin to every member's tar directory", "stack-3750x-tar.log",
	  { { NULL } }, X3750_E10, 21000000, 0, false, NULL, NULL,
	  { "delete /force /recursive flash:" X3750_E8, "delete /force /recursive flash2:" X3750_E8,
	    "delete /force /recursive flash3:" X3750_E8 },
	  { "delete /force flash:" X3750_E8 "/" } },
	{ "13: 2960-X, old image in a directory of another name keeps it", "files/partial-2960x-tarlayout.log",
	  { { "drwx          512  Jul 20 2026 21:55:40 +00:00  " E8DIR,
	      "drwx          512  Jul 20 2026 21:55:40 +00:00  images" },
	    { "Directory of flash:/" E8DIR "/html/", "Directory of flash:/images/html/" },
	    { "Directory of flash:/" E8DIR "/", "Directory of flash:/images/" },
	    { "System image file is \"flash:/" E8DIR "/", "System image file is \"flash:/images/" },
	    { "flash:/" E8DIR "/" E8DIR ".bin\nConfig", "flash:/images/" E8DIR ".bin\nConfig" },
	    { "E9.bin;flash:/" E8DIR "/" E8DIR ".bin\nboot-end", "E9.bin;flash:/images/" E8DIR ".bin\nboot-end" } },
	  E9, 26815488, 0, false, NULL, NULL,
	  { "verify /md5 flash:" E9, "delete /force flash:images/" E8DIR ".bin" },
	  { "delete /force /recursive", NULL } },

	/* --- point 16: images without .bin (Catalyst 6500), by their anatomy */
	{ "16: Sup720, non-.bin running image, non-.bin target", C65, { { NULL } },
	  SXI5, 120000000, 0, false, NULL, NULL,
	  { "verify /md5 disk0:" SXI5, "boot system disk0:" SXI5, "boot system disk0:" SXF7,
	    "reload", "delete /force disk0:" SXF7 },
	  { NULL } },
	{ "16: Sup720, room made by deleting a non-.bin image", C65,
	  { { "(148504576 bytes free)", "(60000000 bytes free)" } },
	  SXI5, 120000000, 0, false, NULL, NULL,
	  { "delete /force disk0:s72033-adventerprisek9_wan-mz.122-18.SXF14",
	    "copy tftp://10.0.0.10/" SXI5 " disk0:", "boot system disk0:" SXF7 },
	  { "delete /force disk0:s72033-adventerprisek9_wan_dbg", NULL } },
	{ "16: Sup720, a .bin target from a non-.bin image keeps it as fallback", C65, { { NULL } },
	  SXI11, 118706532, 0, false, NULL, NULL,
	  { "copy tftp://10.0.0.10/" SXI11, "boot system disk0:" SXI11, "boot system disk0:" SXF7 },
	  { NULL } },
	{ "16: Sup720, a partial non-.bin target is deleted and copied afresh", C65,
	  { { "    4  -rw-        4485", "    5  -rw-    40000000  Dec  7 2026 10:02:11 +00:00  " SXI5
	      "\n    4  -rw-        4485" } },
	  SXI5, 120000000, 0, false, NULL, NULL,
	  { "delete /force disk0:" SXI5, "copy tftp://10.0.0.10/" SXI5 " disk0:" }, { NULL } },
	{ "16: Sup720, no room even after the non-.bin deletions", C65,
	  { { "(148504576 bytes free)", "(10000000 bytes free)" } },
	  SXI5, 120000000, 0, true, "flash-space", NULL, { NULL }, { NULL } },

	/* --- point 3: install add copies the image to every member and
	 * expands it there: image + packages + margin on each */
	{ "3: 3850 stack, room on the active only after install remove inactive", "stack-3850.log",
	  { { NULL } }, C3K_NEW, 491470848, 0, false, NULL, NULL,
	  { "copy running-config tftp://", "install remove inactive", "copy tftp://10.0.0.10/" C3K_NEW,
	    "install add file flash:" C3K_NEW },
	  { "delete /force flash:cat3k_caa-universalk9.16.12.09.SPA.bin", NULL } },
	{ "3: 3850 stack, member 2 has room for the packages but not the image too", "stack-3850.log",
	  { { "1598627840 bytes total (1058508800 bytes free)", "1598627840 bytes total (800000000 bytes free)" } },
	  C3K_NEW, 491470848, 0, true, "flash-space", NULL, { NULL }, { NULL } },
	{ "3: 3850 stack, member 2 short, the reason names it and the bytes", "stack-3850.log",
	  { { "1598627840 bytes total (1058508800 bytes free)", "1598627840 bytes total (800000000 bytes free)" } },
	  C3K_NEW, 491470848, 0, true, NULL, "stack member 2: flash-2: needs 1007515238 bytes free",
	  { NULL }, { NULL } },
	{ "3: 3850 stack, member 2 short but an unused .bin there", "stack-3850.log",
	  { { "1598627840 bytes total (1058508800 bytes free)", "1598627840 bytes total (800000000 bytes free)" },
	    { C3K_GUEST_2, " 12308  -rw-        489711616  Aug 19 2025 21:40:16 +00:00  "
	      "cat3k_caa-universalk9.16.12.09.SPA.bin\n" C3K_GUEST_2 } },
	  C3K_NEW, 491470848, 0, false, NULL, NULL,
	  { "install remove inactive", "copy tftp://10.0.0.10/" C3K_NEW, "install add file flash:" C3K_NEW },
	  { NULL } },
	{ "3: 9300 stack, room on both members", "stack-9300-install.log", { { NULL } },
	  C9K_NEW, 1396867236, 0, false, NULL, NULL,
	  { "copy tftp://10.0.0.10/" C9K_NEW, "install add file flash:" C9K_NEW }, { NULL } },
	{ "3: 9300 stack, member 2 short by the image", "stack-9300-install.log",
	  { { "11353194496 bytes total (9524498432 bytes free)", "11353194496 bytes total (2000000000 bytes free)" } },
	  C9K_NEW, 1396867236, 0, true, NULL, "stack member 2: flash-2: needs", { NULL }, { NULL } },
};

/* The capture with its edits made, each old text replaced once. */
static ip_device_set *load(const fcase *c)
{
	if (!c->edit[0][0])
		return test_load_samples(c->sample, NULL);
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", test_samples_dir(), c->sample);
	char *text = test_read_file(path, NULL);
	cr_assert_not_null(text, "%s: cannot read %s", c->name, path);
	for (size_t i = 0; i < 7 && c->edit[i][0]; i++) {
		const char *old = c->edit[i][0], *new = c->edit[i][1];
		char *hit = strstr(text, old);
		cr_assert_not_null(hit, "%s: the capture has no '%s'", c->name, old);
		size_t n = strlen(text) - strlen(old) + strlen(new) + 1;
		char *edited = malloc(n);
		snprintf(edited, n, "%.*s%s%s", (int)(hit - text), text, new, hit + strlen(old));
		free(text);
		text = edited;
	}
	ip_device_set *set = test_load_text(c->sample, text);
	free(text);
	return set;
}

static bool has_prefix(const ip_plan_step *st, const char *cmd)
{
	for (size_t j = 0; j < st->n_commands; j++)
		if (!strncmp(st->commands[j], cmd, strlen(cmd)))
			return true;
	return false;
}

/* The index of the first step from `from` on with a command starting with
 * cmd, or n_steps. */
static size_t step_of(const ip_plan *p, size_t from, const char *cmd)
{
	for (size_t i = from; i < p->n_steps; i++)
		if (has_prefix(&p->steps[i], cmd))
			return i;
	return p->n_steps;
}

static void plan_dump(const ip_plan *p)
{
	for (size_t i = 0; i < p->n_reasons; i++)
		fprintf(stderr, "  reason: %s\n", p->reasons[i]);
	for (size_t i = 0; i < p->proof.n_violations; i++)
		fprintf(stderr, "  violation: %s\n", p->proof.violations[i]);
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t j = 0; j < p->steps[i].n_commands; j++)
			fprintf(stderr, "  %s: %s\n", ip_plan_phase_id(p->steps[i].phase),
				p->steps[i].commands[j]);
}

static void check(const fcase *c, const ip_plan *p)
{
	if (p->refused != c->refused)
		plan_dump(p);
	cr_assert_eq(p->refused, c->refused, "%s: %s", c->name, p->refused ? "refused" : "planned");
	if (c->blocks) {
		bool found = false;
		for (size_t i = 0; i < p->n_findings; i++)
			found |= !strcmp(p->findings[i].finding->rule_id, c->blocks) &&
				 p->findings[i].role == IP_ROLE_BLOCKS;
		cr_assert(found, "%s: no %s finding blocks", c->name, c->blocks);
	}
	if (c->reason) {
		bool found = false;
		for (size_t i = 0; i < p->n_reasons; i++)
			found |= strstr(p->reasons[i], c->reason) != NULL;
		/* or the note of the finding that blocks (the refusal prints it) */
		for (size_t i = 0; i < p->n_findings; i++)
			found |= p->findings[i].role == IP_ROLE_BLOCKS && p->findings[i].note &&
				 strstr(p->findings[i].note, c->reason) != NULL;
		cr_assert(found, "%s: no reason or blocking note with '%s'", c->name, c->reason);
	}
	if (c->refused)
		return;
	if (!p->proof.proven)
		plan_dump(p);
	cr_assert(p->proof.proven && p->proof.next.target, "%s: not proven", c->name);
	size_t at = 0;
	for (size_t i = 0; i < 5 && c->must[i]; i++) {
		size_t k = step_of(p, at, c->must[i]);
		if (k == p->n_steps)
			plan_dump(p);
		cr_assert_lt(k, p->n_steps, "%s: no '%s' after step %zu", c->name, c->must[i], at);
		at = k;
	}
	for (size_t i = 0; i < 3 && c->must_not[i]; i++) {
		if (step_of(p, 0, c->must_not[i]) != p->n_steps)
			plan_dump(p);
		cr_assert_eq(step_of(p, 0, c->must_not[i]), p->n_steps, "%s: has '%s'", c->name,
			     c->must_not[i]);
	}
}

IP_TABLE_PARAMS(plan_files, cases, cases)

ParameterizedTest(size_t *row, plan_files, cases)
{
	const fcase *c = &cases[*row];
	ip_device_set *set = load(c);
	cr_assert_eq(set->n, 1, "%s: %zu devices", c->name, set->n);
	ip_target *t = ip_target_from_name(set->arena, c->target, "--target");
	t->size.known = true;
	t->size.v = c->size;
	t->md5 = MD5A;
	if (c->server_size) {
		t->server.path = t->name;
		t->server.size.known = true;
		t->server.size.v = c->server_size;
	}
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "10.0.0.10";
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, &o);
	check(c, &p);
	ip_device_set_free(set);
}

/* --- point 12 with --allow-no-fallback -------------------------------------
 *
 * The running image unknown (no "System image file" line) and the
 * running-config names nothing, so only --allow-no-fallback plans: what is
 * left of the list comes from the BOOT variable besides the target, and
 * with nothing left the save would empty it (R11), so the plan refuses. */
static const fcase no_fallback_cases[] = {
	{ "12: 2960-X, running image unknown, BOOT keeps E8 after the stale E9",
	  "files/partial-2960x-tarlayout.log",
	  { { "System image file is \"flash:/" E8DIR "/" E8DIR ".bin\"\n", "" },
	    { "boot system flash:" E9 ";flash:/" E8DIR "/" E8DIR ".bin\n", "" } },
	  E9, 26815488, 0, false, NULL, NULL,
	  { "boot system flash:" E8DIR "/" E8DIR ".bin", "copy running-config startup-config",
	    "delete /force flash:" E9, "copy tftp://10.0.0.10/" E9 },
	  { NULL } },
	{ "12: 2960-X, running image unknown, BOOT names only the stale E9",
	  "files/partial-2960x-tarlayout.log",
	  { { "System image file is \"flash:/" E8DIR "/" E8DIR ".bin\"\n", "" },
	    { "boot system flash:" E9 ";flash:/" E8DIR "/" E8DIR ".bin\n", "" },
	    { "BOOT path-list      : flash:" E9 ";flash:/" E8DIR "/" E8DIR ".bin",
	      "BOOT path-list      : flash:" E9 } },
	  E9, 26815488, 0, true, NULL, "nothing else would be left in the boot list",
	  { NULL }, { NULL } },
};

IP_TABLE_PARAMS(plan_files, no_fallback, no_fallback_cases)

ParameterizedTest(size_t *row, plan_files, no_fallback)
{
	const fcase *c = &no_fallback_cases[*row];
	ip_device_set *set = load(c);
	ip_target *t = ip_target_from_name(set->arena, c->target, "--target");
	t->size.known = true;
	t->size.v = c->size;
	t->md5 = MD5A;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "10.0.0.10";
	o.allow_no_fallback = true;
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, &o);
	check(c, &p);
	ip_device_set_free(set);
}

/* --- point 10: no lint fix deletes the image the device runs ------------- */

typedef struct runcase {
	const char *name, *sample, *target;
	unsigned long long size;   /* not the running image's: a "different copy" */
	const char *running;       /* the running image as a delete would name it */
} runcase;

static const runcase run_cases[] = {
	{ "ISR4321 runs a file of the target's name", "netstuts-r1.log",
	  "isr4300-universalk9.16.09.06.SPA.bin", 521347073,
	  "bootflash:isr4300-universalk9.16.09.06.SPA.bin" },
	{ "2960 runs a file of the target's name", "netstuts-sw1.log",
	  "c2960-lanbasek9-mz.152-7.E6.bin", 12582913, "flash:c2960-lanbasek9-mz.152-7.E6.bin" },
	{ "Cat9300 bundle .bin of the target's name", "c9300-install.log",
	  "cat9k_iosxe.17.09.04a.SPA.bin", 1442213754, NULL },
};

IP_TABLE_PARAMS(lint_fix, never_deletes_running, run_cases)

ParameterizedTest(size_t *row, lint_fix, never_deletes_running)
{
	const runcase *c = &run_cases[*row];
	ip_device_set *set = test_load_samples(c->sample, NULL);
	ip_target *t = ip_target_from_name(set->arena, c->target, "--target");
	t->size.known = true;
	t->size.v = c->size;
	t->md5 = MD5A;
	ip_check_config cfg;
	ip_check_config_defaults(&cfg);
	ip_device_check chk;
	ip_check_device(&chk, set->arena, set->v[0], t, &cfg);
	const ip_path *run = &set->v[0]->system_image;
	for (size_t i = 0; i < chk.n_findings; i++)
		for (size_t j = 0; j < chk.findings[i].n_fix; j++) {
			const char *fx = chk.findings[i].fix[j];
			if (strncmp(fx, "delete ", 7) != 0)
				continue;
			/* the running image by its base name, whatever the prefix */
			const char *sl = strrchr(run->path, '/');
			cr_assert_null(strstr(fx, sl ? sl + 1 : run->path), "%s: fix '%s' (%s)",
				       c->name, fx, chk.findings[i].rule_id);
		}
	if (c->running) /* the running image is the one that differs: no copy over it either */
		for (size_t i = 0; i < chk.n_findings; i++)
			for (size_t j = 0; j < chk.findings[i].n_fix; j++)
				cr_assert(strncmp(chk.findings[i].fix[j], "copy ", 5) != 0 ||
					  !strstr(chk.findings[i].fix[j], c->running),
					  "%s: fix '%s' copies over the running image", c->name,
					  chk.findings[i].fix[j]);
	ip_device_set_free(set);
}

/* --- point 12: R8 catches a plan that leaves the entry in place ---------- */

/* The rows of `cases` whose plan removes a stale target entry: with that
 * step (and its save) undone, the proof must fail on R8. */
static const size_t r8_rows[] = { 6, 7, 8, 9, 10 };

IP_TABLE_PARAMS(plan_files, r8_catches, r8_rows)

ParameterizedTest(size_t *row, plan_files, r8_catches)
{
	const fcase *c = &cases[r8_rows[*row]];
	cr_assert(!strncmp(c->name, "12:", 3), "row %zu is not a point-12 row", r8_rows[*row]);
	ip_device_set *set = load(c);
	ip_target *t = ip_target_from_name(set->arena, c->target, "--target");
	t->size.known = true;
	t->size.v = c->size;
	t->md5 = MD5A;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "10.0.0.10";
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, &o);
	cr_assert(!p.refused && p.proof.proven, "%s: not planned", c->name);
	/* undo the removal: every boot or save effect before the first copy */
	for (size_t i = 0; i < p.n_steps && p.steps[i].phase <= IP_PHASE_TRANSFER; i++) {
		ip_plan_step *st = &p.steps[i];
		bool copies = false;
		for (size_t j = 0; j < st->n_effects; j++)
			copies |= st->effects[j].kind == IP_EFFECT_COPY;
		if (copies)
			break;
		size_t k = 0;
		for (size_t j = 0; j < st->n_effects; j++)
			if (st->effects[j].kind == IP_EFFECT_DELETE)
				st->effects[k++] = st->effects[j];
		st->n_effects = k;
	}
	ip_plan_proof proof;
	ip_plan_prove(&proof, set->arena, &p);
	cr_assert(!proof.proven, "%s: the proof accepts the stale entry", c->name);
	bool r8 = false;
	for (size_t i = 0; i < proof.n_violations; i++)
		r8 |= strstr(proof.violations[i], "a reload now would try it first") != NULL;
	cr_assert(r8, "%s: no R8 violation (first: %s)", c->name,
		  proof.n_violations ? proof.violations[0] : "-");
	ip_device_set_free(set);
}
