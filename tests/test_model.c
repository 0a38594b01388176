/* The model layer (parsers/model/): the one file lookup with its letter-case
 * policy, and the one space need; then the letter-case capture through the
 * CLI, where every command must give the answer the policy gives. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fs_model.h"
#include "helpers.h"
#include "space.h"

/* --- the lookup ----------------------------------------------------------- */

static ip_file listed[] = {
	{ .name = "c2960-lanbasek9-mz.152-7.E6.bin" },
	{ .name = "cat9k_iosxe.17.09.04a.SPA.bin" },
	{ .name = "packages.conf" },
	{ .name = "c2960x-universalk9-mz.152-7.E6", .is_dir = true },
	{ .name = "c2960x-universalk9-mz.152-7.E6/c2960x-universalk9-mz.152-7.E6.bin" },
	{ .name = "crashinfo/", .is_dir = true },
};

typedef struct look_case {
	const char *fs;   /* the filesystem's name */
	const char *path; /* what the entry names */
	int want;         /* under EXACT: index into listed, -1: not found */
	int fold;         /* under FOLD (file_name_case: fold) */
	bool file_only;   /* ip_fs_lookup_file (directories are not files) */
} look_case;

/* names x filesystems x letter case x aliases, under both policies: one
 * policy for every kind (fs_model.h), so a name that differs only in case
 * is absent wherever it is asked under EXACT, and found wherever it is
 * asked under FOLD. */
static const look_case looks[] = {
	{ "flash:", "c2960-lanbasek9-mz.152-7.E6.bin", 0, 0, false },
	{ "flash:", "/c2960-lanbasek9-mz.152-7.E6.bin", 0, 0, false },
	{ "flash:", "C2960-LANBASEK9-MZ.152-7.E6.bin", -1, 0, false },
	{ "flash:", "c2960-lanbasek9-mz.152-7.e6.bin", -1, 0, false },
	{ "bootflash:", "cat9k_iosxe.17.09.04a.SPA.bin", 1, 1, false },
	{ "bootflash:", "cat9k_iosxe.17.09.04a.spa.bin", -1, 1, false },
	{ "flash0:", "PACKAGES.CONF", -1, 2, false },
	{ "flash0:", "packages.conf", 2, 2, false },
	{ "flash-2:", "packages.conf", 2, 2, false },
	{ "flash-2:", "Packages.conf", -1, 2, false },
	{ "flash3:", "cat9k_iosxe.17.09.04a.SPA.bin", 1, 1, false },
	{ "usbflash0:", "CAT9K_IOSXE.17.09.04A.SPA.BIN", -1, 1, false },
	{ "harddisk:", "cat9k_iosxe.17.09.04a.SPA.bin", 1, 1, false },
	{ "flash:", "c2960x-universalk9-mz.152-7.E6/c2960x-universalk9-mz.152-7.E6.bin", 4, 4, false },
	{ "flash:", "C2960X-UNIVERSALK9-MZ.152-7.E6/c2960x-universalk9-mz.152-7.E6.bin", -1, 4, false },
	{ "flash:", "c2960x-universalk9-mz.152-7.E6", 3, 3, false },
	{ "flash:", "c2960x-universalk9-mz.152-7.E6", -1, -1, true }, /* a directory */
	{ "flash:", "CRASHINFO", -1, 5, false },                      /* listed "crashinfo/" */
	{ "flash:", "crashinfo", 5, 5, false },
	{ "flash:", "c2960", -1, -1, false },                         /* a prefix is not a name */
	{ "flash:", "", -1, -1, false },
};

static const ip_name_case policies[] = { IP_NAME_CASE_EXACT, IP_NAME_CASE_FOLD };

Test(model, lookup_table)
{
	for (size_t k = 0; k < 2; k++) {
		ip_fs_case_policy_set(policies[k]);
		for (size_t i = 0; i < sizeof(looks) / sizeof(looks[0]); i++) {
			const look_case *c = &looks[i];
			ip_filesystem fs = { .name = c->fs, .files = listed,
					     .n_files = sizeof(listed) / sizeof(listed[0]) };
			const ip_file *got = c->file_only ? ip_fs_lookup_file(&fs, c->path)
							  : ip_fs_lookup(&fs, c->path, strlen(c->path));
			int w = k ? c->fold : c->want;
			const ip_file *want = w < 0 ? NULL : &listed[w];
			cr_expect_eq(got, want, "%s: %s%s: got %s, want %s",
				     ip_name_case_name(policies[k]), c->fs, c->path,
				     got ? got->name : "none", want ? want->name : "none");
			cr_expect_eq(ip_fs_name_case(c->fs), policies[k], "%s", c->fs);
		}
	}
	ip_fs_case_policy_set(IP_NAME_CASE_EXACT);
}

/* The file the policy decided about is named, for the finding or trace to
 * say so: the same file whichever way the policy decided. */
Test(model, case_twin)
{
	ip_filesystem fs = { .name = "flash:", .files = listed, .n_files = 3 };
	for (size_t k = 0; k < 2; k++) {
		ip_fs_case_policy_set(policies[k]);
		const char *p = "C2960-LANBASEK9-MZ.152-7.E6.bin";
		cr_expect_eq(ip_fs_case_twin(&fs, p, strlen(p)), &listed[0]);
		p = "c2960-lanbasek9-mz.152-7.E6.bin"; /* the very name: no twin */
		cr_expect_null(ip_fs_case_twin(&fs, p, strlen(p)));
		p = "c2960-lanbasek9-mz.150-2.SE11.bin"; /* absent in any case */
		cr_expect_null(ip_fs_case_twin(&fs, p, strlen(p)));
		/* after a lookup: the same answers, the found entry passed in */
		const char *q[] = { "C2960-LANBASEK9-MZ.152-7.E6.bin", "/c2960-lanbasek9-mz.152-7.E6.bin",
				    "c2960-lanbasek9-mz.150-2.SE11.bin" };
		for (size_t i = 0; i < 3; i++) {
			const ip_file *found = ip_fs_lookup(&fs, q[i], strlen(q[i]));
			cr_expect_eq(ip_fs_case_twin_after(&fs, q[i], strlen(q[i]), found),
				     ip_fs_case_twin(&fs, q[i], strlen(q[i])), "%s %s", q[i],
				     ip_name_case_name(policies[k]));
		}
	}
	ip_fs_case_policy_set(IP_NAME_CASE_EXACT);
}

/* The setting's values, as the configuration spells them. */
Test(model, policy_names)
{
	static const struct {
		const char *s;
		bool ok;
		ip_name_case want;
	} t[] = {
		{ "exact", true, IP_NAME_CASE_EXACT }, { "fold", true, IP_NAME_CASE_FOLD },
		{ "Fold", false, 0 }, { "", false, 0 }, { "folded", false, 0 }, { NULL, false, 0 },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		ip_name_case got = IP_NAME_CASE_EXACT;
		cr_expect_eq(ip_name_case_parse(t[i].s, &got), t[i].ok, "%s", t[i].s ? t[i].s : "NULL");
		if (t[i].ok) {
			cr_expect_eq(got, t[i].want, "%s", t[i].s);
			cr_expect_str_eq(ip_name_case_name(got), t[i].s);
		}
	}
	cr_expect_eq(ip_fs_case_policy(), IP_NAME_CASE_EXACT, "the default");
}

Test(model, dir_listed)
{
	ip_filesystem fs = { .name = "flash:", .files = listed, .n_files = 6 };
	cr_expect(ip_fs_dir_listed(&fs, "c2960x-universalk9-mz.152-7.E6", 30));
	cr_expect_not(ip_fs_dir_listed(&fs, "C2960X-UNIVERSALK9-MZ.152-7.E6", 30));
	cr_expect_not(ip_fs_dir_listed(&fs, "packages.conf", 13));
}

/* Filesystem prefixes and kinds: CLI words, compared without case. */
Test(model, prefixes_and_kinds)
{
	cr_expect(ip_fs_prefix_eq("flash:", "FLASH:"));
	cr_expect_not(ip_fs_prefix_eq("flash:", "flash0:"));
	cr_expect_not(ip_fs_prefix_eq(NULL, "flash:"));
	cr_expect(ip_fs_word_in("flash: bootflash:", "BOOTFLASH:"));
	cr_expect_not(ip_fs_word_in("flash: bootflash:", "flash"));
	cr_expect_not(ip_fs_word_in(NULL, "flash:"));
	static const struct {
		const char *name;
		ip_fs_kind kind;
	} kinds[] = {
		{ "flash:", IP_FSK_FLASH },        { "bootflash:", IP_FSK_FLASH },
		{ "flash0:", IP_FSK_FLASH },       { "flash-2:", IP_FSK_MEMBER_FLASH },
		{ "flash3:", IP_FSK_MEMBER_FLASH }, { "usbflash0:", IP_FSK_USB },
		{ "harddisk:", IP_FSK_DISK },      { "nvram:", IP_FSK_OTHER },
		{ "usb0:", IP_FSK_USB },
		{ NULL, IP_FSK_OTHER },
	};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		cr_expect_eq(ip_fs_kind_of(kinds[i].name), kinds[i].kind, "%s",
			     kinds[i].name ? kinds[i].name : "NULL");
}

/* --- the space need ------------------------------------------------------- */

typedef struct space_case {
	const char *what;
	ip_space_opts o;
	uint64_t size;
	bool copies, expands;
	uint64_t want_margin, want_expand, want_total;
} space_case;

static const space_case spaces[] = {
	{ "image + margin bytes (the larger)", { 1000000, 1, 100 }, 20000000, true, false,
	  1000000, 0, 21000000 },
	{ "image + margin percent (the larger)", { 1000, 10, 100 }, 20000000, true, false,
	  2000000, 0, 22000000 },
	{ "install: image + expansion + margin", { 0, 5, 100 }, 10000000, true, true,
	  500000, 10000000, 20500000 },
	{ "install, expansion ratio 150 %", { 0, 0, 150 }, 1000, true, true, 0, 1500, 2500 },
	{ "member in install mode: the expansion only", { 100, 0, 100 }, 1000, false, true,
	  100, 1000, 1100 },
	{ "a whole copy already there: nothing needed", { 100, 10, 100 }, 1000, false, false,
	  100, 0, 0 },
	{ "saturates, never wraps", { UINT64_MAX, 100, 100 }, UINT64_MAX - 5, true, true,
	  UINT64_MAX, UINT64_MAX - 5, UINT64_MAX },
	{ "percent of a size not a multiple of 100", { 0, 3, 0 }, 199, true, false, 5, 0, 204 },
};

Test(model, space_need_table)
{
	for (size_t i = 0; i < sizeof(spaces) / sizeof(spaces[0]); i++) {
		const space_case *c = &spaces[i];
		ip_space_need n;
		ip_space_need_of(&n, &c->o, c->size, c->copies, c->expands);
		cr_expect_eq(n.margin, c->want_margin, "%s: margin %llu", c->what,
			     (unsigned long long)n.margin);
		cr_expect_eq(n.expand, c->want_expand, "%s: expand %llu", c->what,
			     (unsigned long long)n.expand);
		cr_expect_eq(n.total, c->want_total, "%s: total %llu", c->what,
			     (unsigned long long)n.total);
	}
}

/* --- the deletion candidates ------------------------------------------- */

#define SZ(n) { .known = true, .v = (n) }

/* Names x boot lists x letter case: free ones first, then the fallbacks,
 * then the running image; largest first in a class; never the target, a
 * directory, a non-image or a file of unknown size. A boot entry or the
 * running image naming a file in other letter case does not protect it:
 * the one case policy. */
Test(model, deletion_candidates)
{
	ip_file files[] = {
		{ .name = "c2960-lanbasek9-mz.150-2.SE11.bin", .size = SZ(11000000) }, /* in BOOT */
		{ .name = "c2960-lanbasek9-mz.152-7.E6.bin", .size = SZ(12500000) },   /* running */
		{ .name = "c2960-lanbasek9-mz.122-55.SE.bin", .size = SZ(9000000) },   /* free */
		{ .name = "c2960-lanbasek9-mz.122-50.SE5.bin", .size = SZ(9800000) },  /* free */
		{ .name = "c2960-lanbasek9-mz.152-7.E10.bin", .size = SZ(12700000) },  /* target */
		{ .name = "c2960-lanbasek9-mz.151-2.SE.bin", .size = SZ(10000000) },   /* case: free */
		{ .name = "c2960-lanbasek9-mz.150-1.SE.bin" },                         /* size unknown */
		{ .name = "config.text", .size = SZ(4414) },
		{ .name = "c2960-lanbasek9-mz.152-2.E", .size = SZ(512), .is_dir = true },
	};
	ip_filesystem fs = { .name = "flash:", .files = files, .n_files = 9 };
	ip_boot_entry boot[] = {
		{ .kind = IP_BOOT_FILE, .filesystem = "flash:", .path = "c2960-lanbasek9-mz.150-2.SE11.bin" },
		{ .kind = IP_BOOT_FILE, .filesystem = "flash:", .path = "C2960-LANBASEK9-MZ.151-2.SE.BIN" },
	};
	ip_device d = { 0 };
	d.system_image.filesystem = "flash:";
	d.system_image.path = "c2960-lanbasek9-mz.152-7.E6.bin";
	d.bootvar.v = boot;
	d.bootvar.n = 2;
	ip_del_cand c[9];
	size_t k = ip_space_candidates(&d, &fs, "c2960-lanbasek9-mz.152-7.E10.bin", c);
	static const struct {
		size_t file;
		ip_del_class cls;
	} want[] = {
		{ 5, IP_DEL_FREE }, { 3, IP_DEL_FREE }, { 2, IP_DEL_FREE },
		{ 0, IP_DEL_FALLBACK }, { 1, IP_DEL_RUNNING },
	};
	cr_assert_eq(k, sizeof(want) / sizeof(want[0]), "%zu candidates", k);
	for (size_t i = 0; i < k; i++) {
		cr_expect_eq(c[i].file, &files[want[i].file], "#%zu: %s", i, c[i].file->name);
		cr_expect_eq(c[i].cls, want[i].cls, "#%zu: %s class %d", i, c[i].file->name,
			     (int)c[i].cls);
	}
}

/* The deletions that make room: in order, as few as enough, never past the
 * class allowed. */
Test(model, pick_table)
{
	ip_file f[] = { { .name = "a", .size = SZ(500) }, { .name = "b", .size = SZ(300) },
			{ .name = "c", .size = SZ(400) }, { .name = "d", .size = SZ(900) } };
	ip_del_cand c[] = { { &f[0], IP_DEL_FREE }, { &f[1], IP_DEL_FREE },
			    { &f[2], IP_DEL_FALLBACK }, { &f[3], IP_DEL_RUNNING } };
	static const struct {
		uint64_t free_b, need;
		ip_del_class upto;
		size_t want;
		uint64_t have;
	} t[] = {
		{ 1000, 1000, IP_DEL_FALLBACK, 0, 1000 }, /* enough already */
		{ 100, 600, IP_DEL_FALLBACK, 1, 600 },    /* one is enough */
		{ 100, 601, IP_DEL_FALLBACK, 2, 900 },
		{ 100, 1300, IP_DEL_FALLBACK, 3, 1300 },  /* the fallback too */
		{ 100, 1301, IP_DEL_FALLBACK, 3, 1300 },  /* not enough: the running one kept */
		{ 100, 1301, IP_DEL_RUNNING, 4, 2200 },   /* allowed */
		{ 100, 700, IP_DEL_FREE, 2, 900 },
		{ 100, 901, IP_DEL_FREE, 2, 900 },        /* free ones only: not enough */
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		uint64_t have = 0;
		size_t n = ip_space_pick(c, 4, t[i].free_b, t[i].need, t[i].upto, &have);
		cr_expect_eq(n, t[i].want, "row %zu: picked %zu", i, n);
		cr_expect_eq(have, t[i].have, "row %zu: have %llu", i, (unsigned long long)have);
	}
}

/* --- the letter-case capture through the CLI ------------------------------ */

static char *run(const char *args, int *status)
{
	char cmd[2048], out[] = "/tmp/iosplan-model-XXXXXX";
	int fd = mkstemp(out);
	cr_assert(fd >= 0);
	close(fd);
	snprintf(cmd, sizeof(cmd), "cd '%s/..' && '%s' %s >'%s' 2>&1 </dev/null", test_samples_dir(),
		 getenv("IOSPLAN_BIN"), args, out);
	int st = system(cmd);
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
	char *text = test_read_file(out, NULL);
	remove(out);
	return text;
}

#define CASE_LOG "tests/model/letter-case.log"

/* The boot list names flash:C2960-LANBASEK9-MZ.152-7.E6.bin; the listing
 * holds c2960-lanbasek9-mz.152-7.E6.bin. Under the EXACT policy the entry is
 * missing: the simulator skips it, boot-missing-file reports it, and no
 * rule treats it as the image that boots. */
Test(model, letter_case_lint)
{
	int st;
	char *out = run("lint " CASE_LOG, &st);
	cr_expect_eq(st, 1, "%s", out);
	cr_expect(strstr(out, "every BOOT variable boot entry is skipped"), "%s", out);
	cr_expect(strstr(out, "[boot-missing-file]"), "%s", out);
	cr_expect(strstr(out, "differs only in letter case"), "%s", out);
	cr_expect(strstr(out, "boot system flash:c2960-lanbasek9-mz.152-7.E6.bin"), "%s", out);
	/* boot-fallback may not name the entry as the image the list loads:
	 * the running image, which the entry meant, is the fallback it adds */
	cr_expect_not(strstr(out, "no known-good fallback after it: c2960-lanbasek9-mz.150"), "%s",
		      out);
	free(out);
}

Test(model, letter_case_facts)
{
	int st;
	char *out = run("facts " CASE_LOG, &st);
	cr_expect_eq(st, 0, "%s", out);
	cr_expect(strstr(out, "skipped, flash: has no C2960-LANBASEK9-MZ.152-7.E6.bin"), "%s", out);
	cr_expect(strstr(out, "next boot        flash:c2960-lanbasek9-mz.150-2.SE11.bin"), "%s", out);
	free(out);
}

/* The plan reads the same model: it replaces the entry whose file is
 * missing, and its proof boots the target, never the mis-cased entry. */
Test(model, letter_case_plan)
{
	int st;
	char *out = run("plan " CASE_LOG " --target c2960-lanbasek9-mz.152-7.E10.bin --size 12700000"
			" --md5 0123456789abcdef0123456789abcdef", &st);
	cr_expect_eq(st, 0, "%s", out);
	cr_expect(strstr(out, "next boot as captured: flash:c2960-lanbasek9-mz.150-2.SE11.bin"), "%s",
		  out);
	cr_expect(strstr(out, "skips it at reload [boot-missing-file]"), "%s", out);
	cr_expect(strstr(out, "after the plan:        flash:c2960-lanbasek9-mz.152-7.E10.bin"), "%s",
		  out);
	free(out);
}

/* --- one answer per policy, from every command ----------------------------- */

/* The capture under each value of file_name_case: every command gives the
 * same next boot and the same verdict on the entry, and the setting that
 * decided is named. (The language server: tests/lsp/protocol.test.mjs.) */
typedef struct policy_case {
	const char *name;
	const char *config;  /* --config, or "" to find none */
	const char *next;    /* the image the next reload boots */
	bool missing;        /* the entry is reported missing */
	const char *decided; /* what the next-boot trace says about case */
	const char *planned; /* what the plan's warning says about it */
} policy_case;

#define MIXED "C2960-LANBASEK9-MZ.152-7.E6.bin"
#define LOWER "c2960-lanbasek9-mz.152-7.E6.bin"
#define FIRST "flash:c2960-lanbasek9-mz.150-2.SE11.bin"
#define MD5_ANY "0123456789abcdef0123456789abcdef"

static const policy_case policy_cases[] = {
	{ "default", "", FIRST, true,
	  MIXED " is listed as " LOWER ", which differs only in letter case: another file, "
	  "as file_name_case: exact assumes",
	  "the plan takes them for two files, as file_name_case: exact assumes" },
	{ "exact", "--config tests/model/exact.yaml", FIRST, true,
	  MIXED " is listed as " LOWER ", which differs only in letter case: another file, "
	  "as file_name_case: exact assumes",
	  "the plan takes them for two files, as file_name_case: exact assumes" },
	{ "fold", "--config tests/model/fold.yaml", "flash:" MIXED, false,
	  MIXED " is listed as " LOWER ": the same file, since letter case is not compared "
	  "(file_name_case: fold)",
	  "the plan takes them for one file, as file_name_case: fold says" },
};

typedef struct cmd_case {
	const char *args;    /* after the command name: the capture and options */
	const char *next_at; /* printf format: where the command prints the next boot */
	const char *rule_at; /* printf format: how it names a finding's rule, or
			      * NULL when it prints no findings */
	bool traces;         /* prints the next-boot trace */
	bool related;        /* prints the findings' related notes */
	bool warns;          /* prints the plan's warnings unwrapped */
} cmd_case;

static const cmd_case cmd_cases[] = {
	{ "lint " CASE_LOG, "  next boot: %s [", "[%s]", false, true, false },
	{ "lint --format gcc " CASE_LOG, NULL, "[%s]", false, false, false },
	{ "lint --format json " CASE_LOG, NULL, "\"rule\":\t\"%s\"", false, false, false },
	{ "facts " CASE_LOG, "next boot        %s (", NULL, true, false, false },
	{ "plan " CASE_LOG " --target c2960-lanbasek9-mz.152-7.E10.bin --size 12700000"
	  " --md5 0123456789abcdef0123456789abcdef", "next boot as captured: %s ", "[%s]", false, false, false },
	{ "plan --format json " CASE_LOG " --target c2960-lanbasek9-mz.152-7.E10.bin --size 12700000"
	  " --md5 0123456789abcdef0123456789abcdef", NULL, "\"rule\":\t\"%s\"", false, false, true },
};

Test(model, one_answer_per_policy)
{
	for (size_t p = 0; p < sizeof(policy_cases) / sizeof(policy_cases[0]); p++) {
		const policy_case *pc = &policy_cases[p];
		for (size_t c = 0; c < sizeof(cmd_cases) / sizeof(cmd_cases[0]); c++) {
			const cmd_case *cc = &cmd_cases[c];
			char args[512], want[256];
			snprintf(args, sizeof(args), "%s %s", cc->args, pc->config);
			int st;
			char *out = run(args, &st);
			cr_expect(st <= 1, "%s: %s: exit %d\n%s", pc->name, args, st, out);
			if (cc->next_at) {
				snprintf(want, sizeof(want), cc->next_at, pc->next);
				cr_expect(strstr(out, want), "%s: %s: no '%s'\n%s", pc->name, args, want, out);
			}
			/* boot-missing-file reports the entry, and alphabetical-boot
			 * says every entry is skipped, exactly when the lookup
			 * misses it: no rule disagrees with the model */
			static const char *const rules[] = { "boot-missing-file", "alphabetical-boot" };
			for (size_t r = 0; cc->rule_at && r < 2; r++) {
				snprintf(want, sizeof(want), cc->rule_at, rules[r]);
				cr_expect_eq(strstr(out, want) != NULL, pc->missing, "%s: %s: '%s'\n%s",
					     pc->name, args, want, out);
			}
			if (pc->missing && cc->related)
				cr_expect(strstr(out, "differs only in letter case: assumed not the same "
						      "file (file_name_case: exact)"), "%s: %s\n%s", pc->name, args, out);
			if (cc->warns)
				cr_expect(strstr(out, pc->planned), "%s: %s: no '%s'\n%s", pc->name, args,
					  pc->planned, out);
			if (cc->traces)
				cr_expect(strstr(out, pc->decided), "%s: %s: no '%s'\n%s", pc->name, args,
					  pc->decided, out);
			free(out);
		}
	}
}

/* audit and verify ask the same model: the next boot audit reports, and the
 * stage verify places the device at (a boot statement naming the target
 * only under another letter case is one only under fold). */
static const struct {
	const char *config, *args, *want;
} other_cmds[] = {
	{ "exact", "audit --format jsonl " CASE_LOG,
	  "\"next_boot\":{\"outcome\":\"image\",\"image\":\"" FIRST "\"" },
	{ "fold", "audit --format jsonl " CASE_LOG,
	  "\"next_boot\":{\"outcome\":\"image\",\"image\":\"flash:" MIXED "\"" },
	{ "exact", "audit --format jsonl " CASE_LOG, "{\"rule\":\"boot-missing-file\"" },
	/* the device runs the lower-case file: a target spelled in capitals
	 * is it only under fold (the plan agrees: nothing to do, issue 20
	 * point 9) */
	{ "exact", "audit --format jsonl --target " MIXED " --size 12582912 " CASE_LOG,
	  "\"upgrade\":\"blocked\"" },
	{ "fold", "audit --format jsonl --target " MIXED " --size 12582912 " CASE_LOG,
	  "\"upgrade\":\"current\"" },
	{ "exact", "plan --target " MIXED " --size 12582912 --md5 " MD5_ANY " " CASE_LOG,
	  "the release already running: a reinstall [version-change]" },
	{ "fold", "plan --target " MIXED " --size 12582912 --md5 " MD5_ANY " " CASE_LOG,
	  "NetsTuts_SW1 (WS-C2960-24TT-L, switch-classic): nothing to do\n" },
	{ "exact", "verify --before " CASE_LOG " --after " CASE_LOG " --target " LOWER,
	  "NetsTuts_SW1: after transfer\n" },
	{ "fold", "verify --before " CASE_LOG " --after " CASE_LOG " --target " LOWER,
	  "NetsTuts_SW1: after boot-statement change and save\n" },
};

Test(model, audit_and_verify_follow_policy)
{
	for (size_t i = 0; i < sizeof(other_cmds) / sizeof(other_cmds[0]); i++) {
		char args[512];
		snprintf(args, sizeof(args), "%s --config tests/model/%s.yaml", other_cmds[i].args,
			 other_cmds[i].config);
		int st;
		char *out = run(args, &st);
		cr_expect(st <= 1, "%s: exit %d\n%s", args, st, out);
		cr_expect(strstr(out, other_cmds[i].want), "%s: no '%s'\n%s", args, other_cmds[i].want, out);
		free(out);
	}
}

/* --- the install commands of the running release (issue 21) --------------- */

#include "install_flow.h"

typedef struct flow_case {
	const char *series;  /* ip_platform.series */
	ip_family family;
	const char *xe;      /* "Cisco IOS XE Software, Version" token, or NULL */
	const char *version; /* the Cisco IOS Software line's token */
	ip_install_flow want;
	bool assumed;        /* the boundary that decided is UNCONFIRMED */
	const char *ov_series, *ov_release; /* an install_commands_since row */
} flow_case;

/* platform x release x the boundary's source (install_flow.c): each side
 * of each boundary, IOS-XE 3.x on a switch and on a router, an unknown
 * release, and a configured row winning over the table. */
static const flow_case flows[] = {
	/* Catalyst 3650/3850: 3.x, 16.x before 16.10.1 (assumed), after */
	{ "C3850", IP_FAMILY_SWITCH_XE, NULL, "03.06.05E", IP_FLOW_SOFTWARE_INSTALL, false, NULL, NULL },
	{ "C3650", IP_FAMILY_SWITCH_XE, NULL, "03.07.05E", IP_FLOW_SOFTWARE_INSTALL, false, NULL, NULL },
	{ "C3850", IP_FAMILY_SWITCH_XE, "16.03.06", "16.3.6", IP_FLOW_REQUEST_PLATFORM, true, NULL, NULL },
	{ "C3850", IP_FAMILY_SWITCH_XE, "16.09.08", "16.9.8", IP_FLOW_REQUEST_PLATFORM, true, NULL, NULL },
	{ "C3850", IP_FAMILY_SWITCH_XE, "16.10.01", "16.10.1", IP_FLOW_INSTALL, true, NULL, NULL },
	{ "C3650", IP_FAMILY_SWITCH_XE, "16.12.09", "16.12.9", IP_FLOW_INSTALL, true, NULL, NULL },
	/* Catalyst 9000: 16.6.2 confirmed */
	{ "C9300", IP_FAMILY_SWITCH_XE, "16.05.01a", "16.5.1a", IP_FLOW_REQUEST_PLATFORM, false, NULL, NULL },
	{ "C9500", IP_FAMILY_SWITCH_XE, "16.06.01", "16.6.1", IP_FLOW_REQUEST_PLATFORM, false, NULL, NULL },
	{ "C9300", IP_FAMILY_SWITCH_XE, "16.06.02", "16.6.2", IP_FLOW_INSTALL, false, NULL, NULL },
	{ "C9200", IP_FAMILY_SWITCH_XE, "17.09.04a", "17.9.4a", IP_FLOW_INSTALL, false, NULL, NULL },
	/* routers: 3.x and 16.x before 16.6.1 are refused (NONE) */
	{ "ISR4300", IP_FAMILY_ROUTER_XE, "03.16.10.S", "15.5(3)S10", IP_FLOW_NONE, false, NULL, NULL },
	{ "ASR1001-X", IP_FAMILY_ROUTER_XE, "16.03.07", "16.3.7", IP_FLOW_NONE, true, NULL, NULL },
	{ "ASR1001-X", IP_FAMILY_ROUTER_XE, "17.03.06", "17.3.6", IP_FLOW_INSTALL, true, NULL, NULL },
	{ "C8300", IP_FAMILY_ROUTER_XE, "17.12.04", "17.12.4", IP_FLOW_INSTALL, true, NULL, NULL },
	/* no release in the captures: install add, said */
	{ "C3850", IP_FAMILY_SWITCH_XE, NULL, NULL, IP_FLOW_INSTALL, true, NULL, NULL },
	/* .iosplan.yaml's install_commands_since wins, and is not "assumed" */
	{ "C3850", IP_FAMILY_SWITCH_XE, "16.06.04", "16.6.4", IP_FLOW_INSTALL, false, "C38", "16.6.1" },
	{ "C3850", IP_FAMILY_SWITCH_XE, "16.12.09", "16.12.9", IP_FLOW_REQUEST_PLATFORM, false, "C3850", "17.1.1" },
	{ "C9300", IP_FAMILY_SWITCH_XE, "16.06.02", "16.6.2", IP_FLOW_INSTALL, false, "ISR4", "17.1.1" },
};

IP_TABLE_PARAMS(install_flow, gate, flows)

ParameterizedTest(size_t *row, install_flow, gate)
{
	const flow_case *c = &flows[*row];
	ip_device d = { 0 };
	d.xe_version.s = c->xe;
	d.version.s = c->version;
	ip_platform p = { .family = c->family, .series = c->series, .has_install_mode = true,
			  .confreg_ignored = c->series[1] == '9' };
	ip_install_since ov = { c->ov_series, c->ov_release };
	char buf[IP_VERSION_TEXT_SIZE];
	ip_install_gate g;
	ip_install_gate_decide(&g, &d, &p, c->ov_series ? &ov : NULL, c->ov_series ? 1 : 0, buf);
	cr_assert_eq(g.flow, c->want, "%s %s: flow %s, want %s", c->series,
		     c->xe ? c->xe : c->version ? c->version : "(none)", ip_install_flow_name(g.flow),
		     ip_install_flow_name(c->want));
	cr_assert_eq(g.assumed, c->assumed, "%s %s: assumed %d", c->series,
		     c->xe ? c->xe : "(none)", g.assumed);
	cr_assert_eq(g.configured, c->ov_series && !strncasecmp(c->series, c->ov_series,
								 strlen(c->ov_series)));
	cr_assert_eq(g.version_unknown, !c->xe && !c->version);
}

/* --- what install remove inactive frees (issue 21 pt 2) -------------------- */

typedef struct pkg_case {
	const char *name, *running;
	bool other;          /* a package of another release */
	const char *release; /* its release, when other */
} pkg_case;

/* Cat9k and Cat3k names, rebuild letters, SMU and 3.x names, an unknown
 * running release: only a 16.x/17.x .pkg of another release counts. */
static const pkg_case pkgs[] = {
	{ "cat9k-rpbase.17.06.05.SPA.pkg", "17.09.04a", true, "17.06.05" },
	{ "cat9k-rpbase.17.09.04a.SPA.pkg", "17.09.04a", false, NULL },
	{ "cat9k-rpbase.17.09.04.SPA.pkg", "17.09.04a", true, "17.09.04" },
	{ "cat9k-wlc.17.12.04.SPA.pkg", "17.09.04a", true, "17.12.04" },
	{ "cat3k_caa-rpcore.16.03.06.SPA.pkg", "16.12.09", true, "16.03.06" },
	{ "cat3k_caa-rpcore.16.12.09.SPA.pkg", "16.12.09", false, NULL },
	{ "cat3k_caa-base.SPA.03.06.05E.pkg", "16.03.06", false, NULL },
	{ "cat3k_caa-iosd-universalk9.SPA.152-2.E5.pkg", "16.03.06", false, NULL },
	{ "cat9k_iosxe.17.06.05.SPA.bin", "17.09.04a", false, NULL },
	{ "cat9k-rpbase.17.06.05.SPA.pkg", NULL, false, NULL },
	{ "cat9k-rpbase.17.06.05.SPA.pkg", "03.06.05E", false, NULL },
	{ "packages.conf", "17.09.04a", false, NULL },
	{ "isr4300-mono-universalk9.16.09.06.SPA.pkg", "16.12.04", true, "16.09.06" },
};

IP_TABLE_PARAMS(space_inactive, pkg_release, pkgs)

ParameterizedTest(size_t *row, space_inactive, pkg_release)
{
	const pkg_case *c = &pkgs[*row];
	char rel[IP_PKG_RELEASE_SIZE] = "";
	bool got = ip_space_pkg_other_release(c->name, c->running, rel);
	cr_assert_eq(got, c->other, "%s on %s: %d", c->name, c->running ? c->running : "?", got);
	if (c->other)
		cr_assert_str_eq(rel, c->release);
}

/* The whole of a listing: the .bin images but the target, the packages of
 * other releases, never the running release's or packages.conf. */
Test(space_inactive, listing)
{
	ip_file files[] = {
		{ .name = "cat9k_iosxe.17.06.05.SPA.bin" },
		{ .name = "cat9k_iosxe.17.12.04.SPA.bin" },
		{ .name = "cat9k-rpbase.17.06.05.SPA.pkg" },
		{ .name = "cat9k-lni.17.06.05.SPA.pkg" },
		{ .name = "cat9k-rpbase.17.09.04a.SPA.pkg" },
		{ .name = "packages.conf" },
		{ .name = "core", .is_dir = true },
		{ .name = "cat9k-webui.17.03.01.SPA.pkg" }, /* size unknown: not counted */
	};
	uint64_t sizes[] = { 1000, 2000, 300, 40, 500, 8, 4096, 0 };
	for (size_t i = 0; i < 8; i++) {
		files[i].size.known = i != 7;
		files[i].size.v = sizes[i];
	}
	ip_filesystem fs = { .name = "flash:", .files = files, .n_files = 8 };
	ip_inactive in;
	ip_space_inactive(&in, &fs, "17.09.04a", "cat9k_iosxe.17.12.04.SPA.bin");
	cr_assert_eq(in.n_bin, 1);
	cr_assert_eq(in.bin_bytes, 1000);
	cr_assert_eq(in.n_pkg, 2);
	cr_assert_eq(in.pkg_bytes, 340);
	cr_assert_str_eq(in.pkg_release, "17.06.05");
	ip_space_inactive(&in, &fs, NULL, NULL); /* running release unknown: images only */
	cr_assert_eq(in.n_bin, 2);
	cr_assert_eq(in.n_pkg, 0);
}

/* --- the ROMMON order (rommon.h) ------------------------------------------ */

#include "rommon.h"

typedef struct rom_case {
	const char *a, *b;
	ip_rommon_order want;
} rom_case;

/* Forms from real output: ASR1001-X/ISR 4000 boot logs (15.4(3r)S5,
 * 16.9(1r), 17.3(1r), 17.11(1r)), Cat3750 (12.2(44r)SE3), Cat9k BOOTLDR
 * lines (17.3.2r, 17.6.1r[FC2], 17.06.05 [FC2], 17.1.1[FC2]). */
static const rom_case roms[] = {
	{ "15.4(3r)S5", "16.9(1r)", IP_ROM_OLDER },      /* issue 22: ASR1001-X */
	{ "16.9(1r)", "15.4(3r)S5", IP_ROM_NEWER },
	{ "16.9(1r)", "16.9(1r)", IP_ROM_SAME },
	{ "16.9(5r)", "17.3(1r)", IP_ROM_OLDER },        /* ASR1006 R0 and R1 */
	{ "16.12(2r)", "16.9(1r)", IP_ROM_NEWER },       /* 12 > 9, not "1" < "9" */
	{ "17.11(1r)", "17.3(1r)", IP_ROM_NEWER },
	{ "16.7(4r)", "16.9(1r)", IP_ROM_OLDER },
	{ "12.2(44r)SE3", "12.2(44r)SE5", IP_ROM_OLDER },/* rebuilds of one train */
	{ "12.2(44r)SE", "12.2(44r)SE3", IP_ROM_OLDER }, /* no rebuild = 0 */
	{ "12.2(53r)SE", "12.2(44r)SE3", IP_ROM_NEWER },
	{ "15.4(3r)S5", "15.4(3r)S5", IP_ROM_SAME },
	{ "15.3(1r)S", "15.4(3r)S5", IP_ROM_OLDER },     /* ASR1002-X on 3.12 */
	{ "17.3.2r", "17.6.1r", IP_ROM_OLDER },          /* Cat9k dotted */
	{ "17.06.05", "17.6.5", IP_ROM_SAME },           /* leading zeros */
	{ "17.6.1r[FC2]", "17.6.1r[FC2]", IP_ROM_SAME },
	{ "17.06.05 [FC2]", "17.11.1r", IP_ROM_OLDER },
	{ "17.1.1[FC2]", "16.12.2r", IP_ROM_NEWER },
	{ "1.1.3", "1.1.10", IP_ROM_OLDER },
	{ "4.78", "4.200", IP_ROM_OLDER },                /* Cat3850 boot loader */
	{ "17.3(8a)", "17.3(8a)", IP_ROM_SAME },         /* C8300 ROM line */
	{ "17.3(8a)", "17.6(1r)", IP_ROM_OLDER },
	{ "12.2(44)SE5", "12.2(44)SE6", IP_ROM_OLDER },   /* 2960 BOOTLDR */
	/* not comparable: the answer is not guessed */
	{ "16.12(2r)", "16.12.2r", IP_ROM_INCOMPARABLE }, /* classic vs dotted */
	{ "17.3.1r", "17.3(1r)", IP_ROM_INCOMPARABLE },
	{ "15.0(1r)M15", "15.4(3r)S5", IP_ROM_INCOMPARABLE }, /* two trains */
	{ "12.2(44r)SE3", "12.2(44r)SG3", IP_ROM_INCOMPARABLE },
	{ "15.4(3r)S", "15.4(3r)", IP_ROM_INCOMPARABLE }, /* train on one side */
	{ "17.6.1r[FC2]", "17.6.1r[FC1]", IP_ROM_INCOMPARABLE },
	{ "17.6.1r[FC2]", "17.6.1r", IP_ROM_INCOMPARABLE },
	{ "IOS-XE ROMMON", "16.9(1r)", IP_ROM_INCOMPARABLE },
	{ "16.9(1r", "16.9(1r)", IP_ROM_INCOMPARABLE },
	{ "16.9(1r)S5x", "16.9(1r)", IP_ROM_INCOMPARABLE },
	{ "16", "16.9(1r)", IP_ROM_INCOMPARABLE },
	{ "", "16.9(1r)", IP_ROM_INCOMPARABLE },
	{ NULL, "16.9(1r)", IP_ROM_INCOMPARABLE },
	{ "1234567.1(1r)", "16.9(1r)", IP_ROM_INCOMPARABLE },
	{ "17.6.1r[]", "17.6.1r", IP_ROM_INCOMPARABLE },
	{ "17.3(8a)", "17.3(8r)", IP_ROM_INCOMPARABLE },
	{ "17.3(8a)", "17.3(8)", IP_ROM_INCOMPARABLE },
	{ "17.3(8A)", "17.3(8A)", IP_ROM_INCOMPARABLE },
};

Test(model, rommon_order_table)
{
	for (size_t i = 0; i < sizeof(roms) / sizeof(roms[0]); i++) {
		const rom_case *c = &roms[i];
		cr_expect_eq(ip_rommon_cmp(c->a, c->b), c->want, "row %zu: %s vs %s: %d, want %d", i,
			     c->a ? c->a : "(null)", c->b, ip_rommon_cmp(c->a, c->b), c->want);
		/* the order is antisymmetric, and "not comparable" both ways */
		ip_rommon_order back = ip_rommon_cmp(c->b, c->a);
		ip_rommon_order want = c->want == IP_ROM_INCOMPARABLE ? IP_ROM_INCOMPARABLE
								      : (ip_rommon_order)-c->want;
		cr_expect_eq(back, want, "row %zu reversed: %d, want %d", i, back, want);
	}
}
