/* Assembling devices: which section belongs to which device. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "capture.h"
#include "device.h"
#include "helpers.h"

typedef struct file_text {
	const char *name;
	const char *text;
} file_text;

typedef struct group_case {
	const char *name;
	file_text files[4];
	size_t n_devices;
	const char *keys[3];
	size_t n_errors;
} group_case;

#define SHOWVER(host)                                                                              \
	"Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.2(7)E6, RELEASE SOFTWARE (fc3)\n" \
	host " uptime is 1 day, 2 hours, 3 minutes\n"                                             \
	"System image file is \"flash:c2960-lanbasek9-mz.152-7.E6.bin\"\n"                        \
	"cisco WS-C2960-24TT-L (PowerPC405) processor (revision B0) with 65536K bytes of memory.\n" \
	"Processor board ID FOC1010X0YZ\n"                                                         \
	"Configuration register is 0xF\n"
#define DIR "Directory of flash:/\n    2  -rwx    12582912  Mar 05 2026 00:00:00 +00:00  c.bin\n64016384 bytes total (50511872 bytes free)\n"

static const group_case group_cases[] = {
	{ "one session log", { { "a.log", "SW1#sh ver\n" SHOWVER("SW1") "SW1#dir\n" DIR } }, 1, { "SW1" }, 0 },
	{ "two devices in one log",
	  { { "a.log", "R1#sh ver\n" SHOWVER("R1") "R2#sh ver\n" SHOWVER("R2") } }, 2, { "R1", "R2" }, 0 },
	{ "bare files of one device",
	  { { "ver.txt", SHOWVER("SW1") }, { "dir.txt", DIR }, { "run.cfg", "!\nversion 15.2\nhostname SW1\nboot-start-marker\nboot system flash:c.bin\nboot-end-marker\nend\n" } },
	  1, { "SW1" }, 0 },
	{ "bare files, nothing names the device", { { "dir.txt", DIR } }, 1, { "" }, 0 },
	{ "anonymous listing with two devices is an error",
	  { { "a.log", "R1#sh ver\n" SHOWVER("R1") "R2#sh ver\n" SHOWVER("R2") }, { "dir.txt", DIR } },
	  2, { "R1", "R2" }, 1 },
	{ "anonymous listing in a file of one device",
	  { { "r1.log", "R1#sh ver\n" SHOWVER("R1") DIR }, { "r2.log", "R2#sh ver\n" SHOWVER("R2") } },
	  2, { "R1", "R2" }, 0 },
	{ "not a capture", { { "notes.txt", "remember to buy milk\n" } }, 0, { NULL }, 1 },
};

IP_TABLE_PARAMS(device, grouping, group_cases)

ParameterizedTest(size_t *row, device, grouping)
{
	const group_case *c = &group_cases[*row];
	ip_device_set *set = ip_device_set_new();
	ip_capture *caps[4];
	size_t n = 0;
	for (; n < 4 && c->files[n].name; n++)
		cr_assert_eq(ip_capture_from_buffer(&caps[n], set->arena, c->files[n].name,
						    c->files[n].text, strlen(c->files[n].text)), 0);
	cr_assert_eq(ip_device_set_add_captures(set, caps, n), 0);
	cr_assert_eq(set->n, c->n_devices, "%s: %zu devices", c->name, set->n);
	for (size_t i = 0; i < set->n; i++)
		cr_assert_str_eq(set->v[i]->key, c->keys[i], "%s", c->name);
	cr_assert_eq(ip_diags_count(&set->diags, IP_DIAG_ERROR), c->n_errors, "%s: errors", c->name);
	ip_device_set_free(set);
}

Test(device, sources_record_every_section)
{
	ip_device_set *set = test_load_text("a.log", "SW1#sh ver\n" SHOWVER("SW1") "SW1#dir\n" DIR "SW1#terminal length 0\n");
	cr_assert_eq(set->n, 1);
	const ip_device *d = set->v[0];
	cr_assert_eq(d->n_sources, 3);
	cr_assert_eq(d->sources[0].cmd, IP_CMD_SHOW_VERSION);
	cr_assert_str_eq(d->sources[0].command, "sh ver");
	cr_assert_eq(d->sources[0].first_line, 1);
	cr_assert_eq(d->sources[0].last_line, 7);
	cr_assert_eq(d->sources[1].cmd, IP_CMD_FLASH_LISTING);
	cr_assert_eq(d->sources[2].cmd, IP_CMD_OTHER);
	ip_device_set_free(set);
}

Test(device, hostname_from_prompt_only)
{
	ip_device_set *set = test_load_text("a.log", "core-sw#dir\n" DIR);
	cr_assert_eq(set->n, 1);
	cr_assert_str_eq(set->v[0]->hostname.s, "core-sw");
	cr_assert_eq(set->v[0]->hostname.span.line, 1);
	cr_assert_eq(set->v[0]->hostname.span.col, 1);
	cr_assert_eq(set->v[0]->hostname.span.end_col, 8);
	ip_device_set_free(set);
}
