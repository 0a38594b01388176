/* SD-WAN controller mode (issue 21): show version's "Router operating
 * mode:" line read with its span, and operating-mode's table: captures
 * that must fire it (line and column) and ones that must not. The line's
 * form is that of genieparser's iosxe ShowVersion tests (an ASR1001-X in
 * controller mode) and its parser's p61 comment. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "rule_harness.h"

/* lines 1-9; the mode line, when given, is line 8 */
#define VER(mode_line)                                                         \
	"R#show version\n"                                                     \
	"Cisco IOS XE Software, Version 17.09.04a\n"                           \
	"Cisco IOS Software [Cupertino], c8000be Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 17.9.4a, RELEASE SOFTWARE (fc3)\n" \
	"R uptime is 1 week, 2 days, 3 hours, 4 minutes\n"                     \
	"System image file is \"bootflash:packages.conf\"\n"                   \
	"cisco C8300-1N1S-6T (1RU) processor with 3723624K/6147K bytes of memory.\n" \
	"Processor board ID FDO2631M1AB\n"                                     \
	mode_line                                                              \
	"Configuration register is 0x2102\n"                                   \
	"R#\n"

typedef struct mode_case {
	const char *row;
	const char *capture;
	size_t n;
	uint32_t line, col;
	const char *message;
	const char *fix;
} mode_case;

static const mode_case cases[] = {
	{ "sample: C8300 in controller mode", "c8300-controller-mode.log", 1, 22, 24,
	  "SD-WAN controller mode (Controller-Managed)", "controller-mode disable" },
	{ "inline: Controller-Managed", VER("Router operating mode: Controller-Managed\n"), 1, 8, 24,
	  "upgraded from SD-WAN Manager (vManage)", "controller-mode disable" },
	{ "trailing blanks", VER("Router operating mode: Controller-Managed   \n"), 1, 8, 24,
	  "(Controller-Managed)", NULL },
	{ "autonomous", VER("Router operating mode: Autonomous\n"), 0, 0, 0, NULL, NULL },
	{ "no operating-mode line (before 17.2)", VER(""), 0, 0, 0, NULL, NULL },
	{ "sample: seed router", "netstuts-r1.log", 0, 0, 0, NULL, NULL },
};

IP_TABLE_PARAMS(rules_operating_mode, cases, cases)

ParameterizedTest(size_t *row, rules_operating_mode, cases)
{
	const mode_case *c = &cases[*row];
	char name[200];
	snprintf(name, sizeof(name), "operating-mode: %s", c->row);
	rule_run *r = rule_run_new("operating-mode", c->capture, NULL, NULL);
	rule_run_expect(r, name, c->n, c->line, c->col, c->message);
	rule_run_expect_first(r, name, false, c->fix, NULL);
	rule_run_free(r);
}

/* The fact itself: as printed, with its span; unknown without the line. */
Test(operating_mode, parsed_with_span)
{
	ip_device_set *s = test_load_text("v.log", VER("Router operating mode: Controller-Managed \n"));
	cr_assert_eq(s->n, 1);
	const ip_text *m = &s->v[0]->operating_mode;
	cr_assert_not_null(m->s);
	cr_expect_str_eq(m->s, "Controller-Managed");
	cr_expect_eq(m->span.line, 8);
	cr_expect_eq(m->span.col, 24);
	cr_expect_eq(m->span.end_col, 42);
	ip_device_set_free(s);
	s = test_load_text("v.log", VER(""));
	cr_expect_null(s->v[0]->operating_mode.s, "no line: unknown, not autonomous");
	ip_device_set_free(s);
}
