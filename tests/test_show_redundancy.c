/* show_redundancy_parse and the "Standby" lines of show bootvar: the other
 * route processor's state, mode, BOOT and register, each with its span.
 * The captures are those of genieparser's iosxe ShowRedundancy,
 * ShowRedundancyStates and ShowBootvar tests and of ntc-templates'
 * cisco_ios show_redundancy fixtures (named per row), cut to the lines
 * that matter. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "parsers.h"

typedef struct rd_case {
	const char *name;
	const char *text;
	const char *my_state, *peer_state, *hw_mode, *mode_text, *location;
	ip_peer_state peer;
	ip_red_mode mode;
	uint32_t peer_line, peer_col; /* span of peer_state */
	const char *standby_boot0;    /* first entry of the peer's BOOT, or NULL */
	uint32_t standby_reg;         /* 0: unknown */
	const char *active_boot0;
	size_t warnings;
} rd_case;

#define SYS(hw, conf, oper)                                                    \
	"Redundant System Information :\n"                                     \
	"------------------------------\n"                                     \
	"       Available system uptime = 15 hours, 4 minutes\n"               \
	"Switchovers system experienced = 0\n"                                 \
	"              Standby failures = 0\n"                                 \
	"        Last switchover reason = none\n"                              \
	"\n"                                                                   \
	"                 Hardware Mode = " hw "\n"                            \
	"    Configured Redundancy Mode = " conf "\n"                          \
	"     Operating Redundancy Mode = " oper "\n"                          \
	"              Maintenance Mode = Disabled\n"                          \
	"                Communications = Up\n"                                \
	"\n"
/* lines 14-... */
#define CUR(loc, boot, reg)                                                    \
	"Current Processor Information :\n"                                    \
	"-------------------------------\n"                                    \
	"               Active Location = " loc "\n"                           \
	"        Current Software state = ACTIVE\n"                            \
	"       Uptime in current state = 15 hours, 4 minutes\n"               \
	"                 Image Version = Cisco IOS Software [Everest], ASR1000 Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.4.1\n" \
	"Copyright (c) 1986-2017 by Cisco Systems, Inc.\n"                     \
	"Compiled Tue 25-Apr-17 06:17 by mcpre\n"                              \
	"                          BOOT = " boot "\n"                          \
	"                   CONFIG_FILE = \n"                                  \
	"        Configuration register = " reg "\n"                           \
	"\n"
/* the peer block starts at line 26; its state is on line 29, column 34 */
#define PEER(loc, state, boot, reg)                                            \
	"Peer Processor Information :\n"                                       \
	"----------------------------\n"                                       \
	"              Standby Location = " loc "\n"                           \
	"        Current Software state = " state "\n"                         \
	"       Uptime in current state = 15 hours, 1 minute\n"                \
	"                 Image Version = Cisco IOS Software [Everest], ASR1000 Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.4.1\n" \
	"Copyright (c) 1986-2017 by Cisco Systems, Inc.\n"                     \
	"Compiled Tue 25-Apr-17 06:17 by mcpre\n"                              \
	"                          BOOT = " boot "\n"                          \
	"                   CONFIG_FILE = \n"                                  \
	"        Configuration register = " reg "\n"

static const rd_case cases[] = {
	/* genieparser ShowRedundancy golden_output_asr1k (ASR1006 dual RP) */
	{ "asr1k dual RP, standby hot",
	  SYS("Duplex", "sso", "sso") CUR("slot 6", "harddisk:test-image-PE1-13116843,12;", "0x2102")
	  PEER("slot 7", "STANDBY HOT ", "harddisk:test-image-PE1-13116843,12;", "0x2102"),
	  "ACTIVE", "STANDBY HOT", "Duplex", "sso", "slot 7", IP_PEER_HOT, IP_RED_MODE_SSO,
	  29, 34, "harddisk:test-image-PE1-13116843", 0x2102, "harddisk:test-image-PE1-13116843", 0 },
	/* the same with a standby whose BOOT and register differ */
	{ "asr1k dual RP, standby differs",
	  SYS("Duplex", "sso", "sso") CUR("slot 6", "bootflash:new.bin,12;", "0x2102")
	  PEER("slot 7", "STANDBY HOT", "bootflash:old.bin,12;", "0x2142"),
	  "ACTIVE", "STANDBY HOT", "Duplex", "sso", "slot 7", IP_PEER_HOT, IP_RED_MODE_SSO,
	  29, 34, "bootflash:old.bin", 0x2142, "bootflash:new.bin", 0 },
	/* genieparser golden_output_cat4500 (Sup7-E pair, IOS-XE 3.6) */
	{ "cat4500 stateful switchover",
	  SYS("Duplex", "Stateful Switchover", "Stateful Switchover")
	  CUR("slot 1/1", "bootflash:cat4500e-universalk9.SPA.03.06.01.E.152-2.E1.bin,1;", "0x2102")
	  PEER("slot 2/1", "STANDBY HOT", "bootflash:cat4500e-universalk9.SPA.03.06.01.E.152-2.E1.bin,1;", "0x2102"),
	  "ACTIVE", "STANDBY HOT", "Duplex", "Stateful Switchover", "slot 2/1", IP_PEER_HOT,
	  IP_RED_MODE_SSO, 29, 34, "bootflash:cat4500e-universalk9.SPA.03.06.01.E.152-2.E1.bin",
	  0x2102, "bootflash:cat4500e-universalk9.SPA.03.06.01.E.152-2.E1.bin", 0 },
	/* ntc-templates cisco_ios_show_redundancy5.raw: C9500 StackWise
	 * Virtual, locations "Switch 1"/"Switch 2", no register line */
	{ "svl switch 2 hot",
	  SYS("Duplex", "sso", "sso")
	  "Current Processor Information :\n"
	  "-------------------------------\n"
	  "               Active Location = Switch 1\n"
	  "        Current Software state = ACTIVE\n"
	  "                          BOOT = bootflash:packages.conf;\n"
	  "                   CONFIG_FILE =\n"
	  "             Fast Switchover   = Enabled\n"
	  " \n"
	  "Peer Processor Information :\n"
	  "----------------------------\n"
	  "              Standby Location = Switch 2\n"
	  "        Current Software state = STANDBY HOT\n"
	  "                          BOOT = bootflash:packages.conf;\n"
	  "                   CONFIG_FILE =\n",
	  "ACTIVE", "STANDBY HOT", "Duplex", "sso", "Switch 2", IP_PEER_HOT, IP_RED_MODE_SSO,
	  25, 34, "bootflash:packages.conf", 0, "bootflash:packages.conf", 0 },
	/* genieparser golden_output_asr1002: single RP, the peer DISABLED */
	{ "asr1002 simplex: no peer",
	  SYS("Simplex", "Non-redundant", "Non-redundant")
	  CUR("slot 6", "bootflash:asr1002x-universalk10.144.1.1.S.154-3.S9-ext.SPA.bin,1;bootflash:,1;", "0x1000")
	  "Peer (slot: 7) information is not available because it is in 'DISABLED' state\n",
	  "ACTIVE", "DISABLED", "Simplex", "Non-redundant", NULL, IP_PEER_ABSENT, IP_RED_MODE_NONE,
	  26, 63, NULL, 0, "bootflash:asr1002x-universalk10.144.1.1.S.154-3.S9-ext.SPA.bin", 0 },
	/* ntc-templates cisco_ios_show_redundancy3.raw (c6848x, one sup,
	 * configured sso) and genieparser golden_output_c3850 */
	{ "c6848x simplex, configured sso",
	  SYS("Simplex", "sso", "sso")
	  CUR("slot 1", "bootdisk:/c6848x-adventerprisek9-mz.SPA.154-1.SY4.bin,12;", "0x2102")
	  "Peer (slot: unavailable) information is not available because it is in 'DISABLED' state",
	  "ACTIVE", "DISABLED", "Simplex", "sso", NULL, IP_PEER_ABSENT, IP_RED_MODE_SSO,
	  26, 73, NULL, 0, "bootdisk:/c6848x-adventerprisek9-mz.SPA.154-1.SY4.bin", 0 },
	/* a duplex chassis whose standby is down: present, not ready */
	{ "duplex, peer disabled",
	  SYS("Duplex", "sso", "sso") CUR("slot 6", "bootflash:x.bin,12;", "0x2102")
	  "Peer (slot: 7) information is not available because it is in 'DISABLED' state\n",
	  "ACTIVE", "DISABLED", "Duplex", "sso", NULL, IP_PEER_DISABLED, IP_RED_MODE_SSO,
	  26, 63, NULL, 0, "bootflash:x.bin", 0 },
	/* RPR: the standby boots only as far as COLD (RF state names of
	 * CISCO-RF-MIB; the block's shape is the asr1k capture's) */
	{ "rpr, standby cold",
	  SYS("Duplex", "rpr", "rpr") CUR("slot 6", "bootflash:x.bin,12;", "0x2102")
	  PEER("slot 7", "STANDBY COLD", "bootflash:x.bin,12;", "0x2102"),
	  "ACTIVE", "STANDBY COLD", "Duplex", "rpr", "slot 7", IP_PEER_COLD, IP_RED_MODE_RPR,
	  29, 34, "bootflash:x.bin", 0x2102, "bootflash:x.bin", 0 },
	/* genieparser ShowRedundancyStates golden_output4 (duplex) */
	{ "states duplex hot",
	  "       my state = 13 -ACTIVE\n"
	  "     peer state = 8  -STANDBY HOT\n"
	  "           Mode = Duplex\n"
	  "           Unit = Secondary\n"
	  "        Unit ID = 6\n"
	  "\n"
	  "Redundancy Mode (Operational) = sso\n"
	  "Redundancy Mode (Configured)  = sso\n"
	  "Redundancy State              = sso\n",
	  "ACTIVE", "STANDBY HOT", "Duplex", "sso", NULL, IP_PEER_HOT, IP_RED_MODE_SSO,
	  2, 23, NULL, 0, NULL, 0 },
	/* genieparser ShowRedundancyStates golden_output1 (simplex) */
	{ "states simplex",
	  "       my state = 13 -ACTIVE \n"
	  "     peer state = 1  -DISABLED \n"
	  "           Mode = Simplex\n"
	  "    Redundancy Mode (Operational) = Non-redundant\n"
	  "    Redundancy Mode (Configured)  = Non-redundant\n",
	  "ACTIVE", "DISABLED", "Simplex", "Non-redundant", NULL, IP_PEER_ABSENT,
	  IP_RED_MODE_NONE, 2, 23, NULL, 0, NULL, 0 },
	/* filtered (| include state): no hardware mode, so a DISABLED peer
	 * may be no peer at all (genieparser golden_output_asr1002's line);
	 * a state line without its block heading could be either RP's */
	{ "filtered, peer disabled: unknown",
	  "        Current Software state = ACTIVE\n"
	  "Peer (slot: 7) information is not available because it is in 'DISABLED' state\n",
	  NULL, "DISABLED", NULL, NULL, NULL, IP_PEER_UNKNOWN, IP_RED_MODE_UNKNOWN,
	  2, 63, NULL, 0, NULL, 0 },
	{ "not show redundancy", "% Invalid input detected at '^' marker.\n",
	  NULL, NULL, NULL, NULL, NULL, IP_PEER_UNKNOWN, IP_RED_MODE_UNKNOWN, 0, 0, NULL, 0,
	  NULL, 1 },
};

IP_TABLE_PARAMS(show_redundancy, rows, cases)

static void expect_text(const char *name, const char *what, const ip_text *t, const char *want)
{
	if (!want) {
		cr_expect_null(t->s, "%s: %s stays unknown, got %s", name, what, t->s);
		return;
	}
	cr_assert_not_null(t->s, "%s: %s unknown", name, what);
	cr_expect_str_eq(t->s, want, "%s: %s", name, what);
	cr_expect_eq(t->span.end_col - t->span.col, strlen(want), "%s: %s span covers the value",
		     name, what);
	cr_expect_neq(t->span.line, 0u, "%s: %s has a span", name, what);
}

ParameterizedTest(size_t *row, show_redundancy, rows)
{
	const rd_case *c = &cases[*row];
	ip_arena *a = ip_arena_new();
	ip_diags diags;
	ip_parse_ctx ctx;
	ip_device *d = test_device(a, &ctx, &diags);
	cr_assert_eq(show_redundancy_parse(d, test_section(a, IP_CMD_REDUNDANCY, c->text), &ctx), 0);
	const ip_redundancy *rd = ip_redundancy_of(d);
	cr_expect_eq(rd->known, c->my_state || c->peer_state, "%s: known", c->name);
	expect_text(c->name, "my state", &rd->my_state, c->my_state);
	expect_text(c->name, "peer state", &rd->peer_state, c->peer_state);
	expect_text(c->name, "hardware mode", &rd->hw_mode, c->hw_mode);
	expect_text(c->name, "mode", &rd->mode_text, c->mode_text);
	expect_text(c->name, "standby location", &rd->standby_location, c->location);
	cr_expect_eq(rd->peer, c->peer, "%s: peer %d", c->name, rd->peer);
	cr_expect_eq(rd->mode, c->mode, "%s: mode %d", c->name, rd->mode);
	if (c->peer_state) {
		cr_expect_eq(rd->peer_state.span.line, c->peer_line, "%s: peer line %u", c->name,
			     rd->peer_state.span.line);
		cr_expect_eq(rd->peer_state.span.col, c->peer_col, "%s: peer col %u", c->name,
			     rd->peer_state.span.col);
	}
	if (c->standby_boot0) {
		cr_assert(rd->standby_boot.known && rd->standby_boot.n >= 1, "%s: standby BOOT", c->name);
		cr_expect_str_eq(rd->standby_boot.v[0].raw, c->standby_boot0, "%s", c->name);
		cr_expect_neq(rd->standby_boot.v[0].span.line, 0u, "%s: BOOT span", c->name);
	} else {
		cr_expect_not(rd->standby_boot.known, "%s: standby BOOT stays unknown", c->name);
	}
	if (c->active_boot0) {
		cr_assert(rd->active_boot.known && rd->active_boot.n >= 1, "%s: active BOOT", c->name);
		cr_expect_str_eq(rd->active_boot.v[0].raw, c->active_boot0, "%s", c->name);
	}
	cr_expect_eq(rd->standby_confreg.known, c->standby_reg != 0, "%s: standby register", c->name);
	if (c->standby_reg) {
		cr_expect_eq(rd->standby_confreg.v, c->standby_reg, "%s: 0x%X", c->name,
			     rd->standby_confreg.v);
		cr_expect_neq(rd->standby_confreg.span.line, 0u, "%s: register span", c->name);
	}
	cr_expect_eq(diags.n, c->warnings, "%s: %zu diagnostics", c->name, diags.n);
	ip_arena_free(a);
}

/* show bootvar's Standby lines. */
typedef struct sbv_case {
	const char *name;
	const char *text;
	ip_tri ready;            /* standby_bootvar */
	const char *boot0;       /* NULL: the standby BOOT stays unknown */
	size_t n_boot;
	uint32_t reg, reg_next;  /* 0: unknown */
	uint32_t reg_col;        /* column of the register value */
	const char *active0;     /* the active's list is not disturbed */
} sbv_case;

static const sbv_case sbv_cases[] = {
	/* genieparser ShowBootvar golden_output_cat9400 */
	{ "cat9400 dual sup",
	  "BOOT variable = bootflash:packages.conf;\n"
	  "MANUAL_BOOT variable = no\n"
	  "CONFIG_FILE variable = \n"
	  "\n"
	  "Standby BOOT variable = bootflash:packages.conf;\n"
	  "Standby MANUAL_BOOT variable = no\n"
	  "Standby BAUD variable = 9600\n"
	  "Standby CONFIG_FILE variable = \n",
	  IP_TRI_YES, "bootflash:packages.conf", 1, 0, 0, 0, "bootflash:packages.conf" },
	/* an ASR1000 after a change on the active only (register form of
	 * genieparser show_platform.py ShowBootvar's comments) */
	{ "asr1k standby differs",
	  "BOOT variable = bootflash:new.bin,12;bootflash:old.bin,12;\n"
	  "CONFIG_FILE variable does not exist\n"
	  "BOOTLDR variable does not exist\n"
	  "Configuration register is 0x2102\n"
	  "\n"
	  "Standby BOOT variable = bootflash:old.bin,12;\n"
	  "Standby CONFIG_FILE variable does not exist\n"
	  "Standby BOOTLDR variable does not exist\n"
	  "Standby Configuration register is 0x1  (will be 0x2102 at next reload)\n",
	  IP_TRI_YES, "bootflash:old.bin", 1, 0x1, 0x2102, 35, "bootflash:new.bin" },
	/* genieparser ShowBootvar golden_output_asr1k */
	{ "standby not ready",
	  "BOOT variable = bootflash:x.bin,12;\n"
	  "CONFIG_FILE variable does not exist\n"
	  "Configuration register is 0x2142\n"
	  "\n"
	  "Standby not ready to show bootvar\n",
	  IP_TRI_NO, NULL, 0, 0, 0, 0, "bootflash:x.bin" },
	{ "standby BOOT empty",
	  "BOOT variable = bootflash:x.bin,12;\n"
	  "Standby BOOT variable = \n"
	  "Standby Configuration register is 0x2102\n",
	  IP_TRI_YES, NULL, 0, 0x2102, 0x2102, 35, "bootflash:x.bin" },
	{ "no standby lines",
	  "BOOT variable = bootflash:x.bin,12;\nConfiguration register is 0x2102\n",
	  IP_TRI_UNKNOWN, NULL, 0, 0, 0, 0, "bootflash:x.bin" },
};

IP_TABLE_PARAMS(show_bootvar_standby, rows, sbv_cases)

ParameterizedTest(size_t *row, show_bootvar_standby, rows)
{
	const sbv_case *c = &sbv_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_diags diags;
	ip_parse_ctx ctx;
	ip_device *d = test_device(a, &ctx, &diags);
	cr_assert_eq(show_boot_parse(d, test_section_cmd(a, "show bootvar", c->text), &ctx), 0);
	const ip_redundancy *rd = ip_redundancy_of(d);
	cr_expect_eq(rd->standby_bootvar.v, c->ready, "%s: ready %d", c->name, rd->standby_bootvar.v);
	if (c->ready != IP_TRI_UNKNOWN)
		cr_expect_neq(rd->standby_bootvar.span.line, 0u, "%s: span", c->name);
	cr_expect_not(rd->known, "%s: show bootvar is not show redundancy", c->name);
	if (c->boot0) {
		cr_assert(rd->standby_boot.known, "%s", c->name);
		cr_assert_eq(rd->standby_boot.n, c->n_boot, "%s: %zu", c->name, rd->standby_boot.n);
		cr_expect_str_eq(rd->standby_boot.v[0].raw, c->boot0, "%s", c->name);
	} else if (c->ready == IP_TRI_YES && c->n_boot == 0 && c->reg) {
		cr_expect(rd->standby_boot.known && rd->standby_boot.n == 0, "%s: known, empty",
			  c->name);
	} else {
		cr_expect_not(rd->standby_boot.known, "%s: unknown", c->name);
	}
	cr_expect_eq(rd->standby_confreg.known, c->reg != 0, "%s: register", c->name);
	if (c->reg) {
		cr_expect_eq(rd->standby_confreg.v, c->reg, "%s", c->name);
		cr_expect_eq(rd->standby_confreg_next.v, c->reg_next, "%s", c->name);
		cr_expect_eq(rd->standby_confreg.span.col, c->reg_col, "%s: col %u", c->name,
			     rd->standby_confreg.span.col);
	}
	cr_assert(d->bootvar.known && d->bootvar.n >= 1, "%s: active BOOT", c->name);
	cr_expect_str_eq(d->bootvar.v[0].raw, c->active0, "%s: the active's list", c->name);
	if (c->reg == 0x1)
		cr_expect_eq(d->confreg.v, 0x2102, "%s: the active's register is its own", c->name);
	ip_arena_free(a);
}

/* Typed forms: the states view and abbreviations are read; the other
 * views print other tables. */
Test(show_redundancy, command_forms)
{
	static const struct { const char *cmd; ip_cmd want; } forms[] = {
		{ "show redundancy", IP_CMD_REDUNDANCY },
		{ "sh redu", IP_CMD_REDUNDANCY },
		{ "show redundancy states", IP_CMD_REDUNDANCY },
		{ "sh redun sta", IP_CMD_REDUNDANCY },
		{ "show redundancy | include state", IP_CMD_REDUNDANCY },
		{ "show redundancy clients", IP_CMD_OTHER },
		{ "show redundancy history", IP_CMD_OTHER },
		{ "show redundancy switchover history", IP_CMD_OTHER },
	};
	ip_arena *a = ip_arena_new();
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		ip_cmd cmd;
		const char *canon, *arg, *filter;
		cr_assert(ip_command_identify(a, forms[i].cmd, &cmd, &canon, &arg, &filter));
		cr_expect_eq(cmd, forms[i].want, "%s: %d", forms[i].cmd, cmd);
	}
	ip_arena_free(a);
}

/* The whole pipeline: a prompt-typed section and a pasted one both reach
 * the parser, beside show bootvar's Standby lines. */
Test(show_redundancy, pipeline)
{
	ip_device_set *s = test_load_text("rp.log",
		"ASR-RP#show redundancy\n"
		SYS("Duplex", "sso", "sso") CUR("slot 6", "bootflash:new.bin,12;", "0x2102")
		PEER("slot 7", "STANDBY HOT", "bootflash:old.bin,12;", "0x2102")
		"ASR-RP#show bootvar\n"
		"BOOT variable = bootflash:new.bin,12;\n"
		"Configuration register is 0x2102\n"
		"\n"
		"Standby BOOT variable = bootflash:old.bin,12;\n"
		"Standby Configuration register is 0x2102\n"
		"ASR-RP#\n");
	cr_assert_not_null(s);
	cr_assert_eq(s->n, 1);
	const ip_device *d = s->v[0];
	cr_expect(ip_redundancy_of(d)->known);
	cr_expect_eq(ip_redundancy_of(d)->peer, IP_PEER_HOT);
	cr_expect_eq(ip_redundancy_of(d)->standby_bootvar.v, IP_TRI_YES);
	cr_assert(ip_redundancy_of(d)->standby_boot.known && ip_redundancy_of(d)->standby_boot.n == 1);
	cr_expect_str_eq(ip_redundancy_of(d)->standby_boot.v[0].raw, "bootflash:old.bin");
	cr_expect_str_eq(d->bootvar.v[0].raw, "bootflash:new.bin");
	ip_device_set_free(s);

	s = test_load_text("pasted.txt", SYS("Duplex", "sso", "sso")
			   CUR("slot 6", "bootflash:x.bin,12;", "0x2102")
			   PEER("slot 7", "STANDBY COLD-BULK", "bootflash:x.bin,12;", "0x2102"));
	cr_assert_not_null(s);
	cr_assert_eq(s->n, 1);
	cr_expect(ip_redundancy_of(s->v[0])->known, "pasted output is recognised");
	cr_expect_eq(ip_redundancy_of(s->v[0])->peer, IP_PEER_COLD);
	ip_device_set_free(s);
}
