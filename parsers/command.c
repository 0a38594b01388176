/* Typed commands, as engineers abbreviate them.
 *
 *   sh ver            show version
 *   sh run | i boot   show running-config | include boot
 *   sh start          show startup-config
 *   show bootflash:   flash listing of bootflash:
 *   dir /all flash:   flash listing of flash:
 *   sh boot / show bootvar / show boot system
 *   verify /md5 flash:x.bin <hash>
 *   sh ip int br / sh int status / sh ip ospf [1] nei / sh ip bgp [vpnv4 all] summ /
 *   sh ver running / provisioned, sh software installer rollback-timer
 *                     (the IOS-XE 3.x install state)
 *   sh redun [states] show redundancy (the standby RP; other views stay OTHER)
 *   sh cdp nei        (the post-change health checks; their "detail" and
 *                     "err-disabled" views print other tables and stay OTHER)
 *   sh rom-monitor r0 / sh rom-mon slot R0 / sh platform / sh hw-prog all
 *                     (the boot firmware per slot, issue 22)
 *   do sh run         (the same from configuration mode)
 *
 * IOS accepts any unambiguous prefix of a keyword; each keyword below has the
 * shortest prefix we accept, chosen so that the prefix is unambiguous on the
 * platforms we read (e.g. "sh sta" could be standby, so startup needs "star"). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "section.h"
#include "rx.h"

typedef struct keyword {
	const char *word;
	size_t min;
} keyword;

typedef struct grammar {
	ip_cmd cmd;
	const char *canonical;
	keyword words[3];
} grammar;

static const grammar show_grammar[] = {
	/* IOS-XE 3.x install state (show_install.c, issue 21): before the
	 * bare "show version" row, which would take them */
	{ IP_CMD_SHOW_INSTALL, "show version running", { { "version", 2 }, { "running", 3 } } },
	{ IP_CMD_SHOW_INSTALL, "show version provisioned", { { "version", 2 }, { "provisioned", 4 } } },
	{ IP_CMD_SHOW_INSTALL, "show software installer rollback-timer",
	  { { "software", 4 }, { "installer", 5 }, { "rollback-timer", 8 } } },
	{ IP_CMD_SHOW_VERSION, "show version", { { "version", 2 } } },
	{ IP_CMD_RUNNING_CONFIG, "show running-config", { { "running-config", 3 } } },
	{ IP_CMD_STARTUP_CONFIG, "show startup-config", { { "startup-config", 4 } } },
	{ IP_CMD_STARTUP_CONFIG, "show configuration", { { "configuration", 4 } } },
	{ IP_CMD_SHOW_BOOT, "show bootvar", { { "bootvar", 5 } } },
	{ IP_CMD_SHOW_BOOT, "show boot", { { "boot", 4 } } },
	{ IP_CMD_FILE_SYSTEMS, "show file systems", { { "file", 4 }, { "systems", 3 } } },
	{ IP_CMD_SHOW_SWITCH, "show switch", { { "switch", 3 } } },
	{ IP_CMD_INSTALL_SUMMARY, "show install summary", { { "install", 4 }, { "summary", 3 } } },
	/* The other views of the install state (show_install.c). "sh inst
	 * in" would be inactive or a future keyword: three letters each. */
	{ IP_CMD_SHOW_INSTALL, "show install active", { { "install", 4 }, { "active", 3 } } },
	{ IP_CMD_SHOW_INSTALL, "show install inactive", { { "install", 4 }, { "inactive", 3 } } },
	{ IP_CMD_SHOW_INSTALL, "show install committed", { { "install", 4 }, { "committed", 3 } } },
	{ IP_CMD_SHOW_INSTALL, "show install uncommitted", { { "install", 4 }, { "uncommitted", 3 } } },
	{ IP_CMD_SHOW_INSTALL, "show install rollback", { { "install", 4 }, { "rollback", 3 } } },
	{ IP_CMD_IP_INT_BRIEF, "show ip interface brief", { { "ip", 2 }, { "interface", 3 }, { "brief", 1 } } },
	{ IP_CMD_INTERFACES_STATUS, "show interfaces status", { { "interfaces", 3 }, { "status", 4 } } },
	{ IP_CMD_OSPF_NEIGHBOR, "show ip ospf neighbor", { { "ip", 2 }, { "ospf", 2 }, { "neighbor", 3 } } },
	{ IP_CMD_CDP_NEIGHBORS, "show cdp neighbors", { { "cdp", 3 }, { "neighbors", 3 } } },
	/* the states row first: the one-word row would match it too */
	{ IP_CMD_REDUNDANCY, "show redundancy states", { { "redundancy", 4 }, { "states", 3 } } },
	{ IP_CMD_REDUNDANCY, "show redundancy", { { "redundancy", 4 } } },
};

/* First words that make a line after "host#" a command at all. */
static const keyword exec_verbs[] = {
	{ "show", 2 }, { "dir", 3 }, { "verify", 4 }, { "more", 3 }, { "copy", 3 },
	{ "terminal", 3 }, { "ping", 2 }, { "traceroute", 4 }, { "configure", 4 },
	{ "enable", 2 }, { "disable", 4 }, { "reload", 3 }, { "write", 2 },
	{ "delete", 3 }, { "clear", 3 }, { "exit", 3 }, { "end", 3 }, { "logout", 4 },
	{ "debug", 3 }, { "undebug", 3 }, { "install", 4 }, { "request", 3 },
	{ "archive", 4 }, { "squeeze", 4 }, { "format", 4 }, { "erase", 4 },
	{ "mkdir", 3 }, { "cd", 2 }, { "pwd", 3 }, { "rename", 3 }, { "ssh", 3 },
	{ "telnet", 3 }, { "license", 3 }, { "monitor", 3 }, { "test", 4 },
	{ "boot", 4 }, { "no", 2 }, { "do", 2 }, { "upgrade", 3 }, { "setup", 5 },
	{ "send", 4 }, { "ip", 2 }, { "interface", 3 }, { "hostname", 4 },
	{ "switch", 3 }, { "session", 4 }, { "redundancy", 4 }, { "wr", 2 },
};

static bool kw_match(const char *tok, size_t len, keyword k)
{
	return len >= k.min && len <= strlen(k.word) && strncasecmp(tok, k.word, len) == 0;
}

typedef struct tokens {
	const char *p[16];
	size_t len[16];
	int n;
} tokens;

static void tokenize(tokens *t, const char *s, size_t len)
{
	t->n = 0;
	size_t i = 0;
	while (i < len && t->n < 16) {
		while (i < len && isspace((unsigned char)s[i]))
			i++;
		if (i >= len)
			break;
		size_t j = i;
		while (j < len && !isspace((unsigned char)s[j]))
			j++;
		t->p[t->n] = s + i;
		t->len[t->n++] = j - i;
		i = j;
	}
}

static bool has_colon(const char *p, size_t len)
{
	return memchr(p, ':', len) != NULL;
}

/* The filesystem word of "show flash", "show bootflash:", "show flash-2:". */
static bool fs_word(const char *p, size_t len)
{
	static const char *bare[] = { "flash", "bootflash", "flash0", "flash1",
				      "slot0", "disk0", "harddisk", "usbflash0",
				      "usbflash1", "sdflash", "nvram" };
	if (len >= 2 && p[len - 1] == ':' && isalpha((unsigned char)p[0]))
		return true;
	for (size_t i = 0; i < sizeof(bare) / sizeof(bare[0]); i++)
		if (len == strlen(bare[i]) && strncasecmp(p, bare[i], len) == 0)
			return true;
	return false;
}

static const char *lower_dup(ip_arena *a, const char *p, size_t len, bool add_colon)
{
	char *s = ip_arena_alloc(a, len + 2);
	for (size_t i = 0; i < len; i++)
		s[i] = (char)tolower((unsigned char)p[i]);
	if (add_colon && (len == 0 || s[len - 1] != ':'))
		s[len++] = ':';
	s[len] = '\0';
	return s;
}

/* A word after the command that turns its table into another one. */
static bool other_view(const tokens *t, int from)
{
	static const keyword views[] = { { "detail", 3 }, { "err-disabled", 3 } };
	for (int i = from; i < t->n; i++)
		for (size_t k = 0; k < sizeof(views) / sizeof(views[0]); k++)
			if (kw_match(t->p[i], t->len[i], views[k]))
				return true;
	return false;
}

static bool has_views(ip_cmd c)
{
	return c == IP_CMD_INTERFACES_STATUS || c == IP_CMD_OSPF_NEIGHBOR ||
	       c == IP_CMD_CDP_NEIGHBORS;
}

static bool all_digits(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)p[i]))
			return false;
	return len > 0;
}

/* The forms a fixed grammar row cannot hold: "show ip ospf 10 neighbor"
 * (a process id), and the BGP summaries, whose address family or VRF sits
 * between "bgp" and "summary" ("show ip bgp vpnv4 vrf A summary",
 * "show bgp ipv4 unicast summary", "show ip bgp all summary"). */
static bool identify_routing(const tokens *t, ip_cmd *cmd, const char **canonical)
{
	int i = 1;
	if (t->n > 2 && kw_match(t->p[1], t->len[1], (keyword){ "ip", 2 }))
		i = 2;
	if (i == 2 && t->n >= 5 && kw_match(t->p[2], t->len[2], (keyword){ "ospf", 2 }) &&
	    all_digits(t->p[3], t->len[3]) && kw_match(t->p[4], t->len[4], (keyword){ "neighbor", 3 })) {
		*cmd = other_view(t, 5) ? IP_CMD_OTHER : IP_CMD_OSPF_NEIGHBOR;
		*canonical = "show ip ospf neighbor";
		return true;
	}
	if (t->n < i + 2 || !kw_match(t->p[i], t->len[i], (keyword){ "bgp", 2 }))
		return false;
	for (int k = i + 1; k < t->n; k++)
		if (kw_match(t->p[k], t->len[k], (keyword){ "summary", 2 })) {
			*cmd = IP_CMD_BGP_SUMMARY;
			*canonical = i == 2 ? "show ip bgp summary" : "show bgp summary";
			return true;
		}
	return false;
}

static const char *upper_dup(ip_arena *a, const char *p, size_t len)
{
	char *s = ip_arena_strndup(a, p, len);
	for (char *c = s; *c; c++)
		*c = (char)toupper((unsigned char)*c);
	return s;
}

/* The boot firmware commands of IOS-XE (issue 22): "show rom-monitor r0",
 * "show rom-monitor slot R0" (the slot is the argument), the bare "show
 * platform" (its many "show platform software|hardware ..." forms print
 * other tables and stay OTHER) and "show hw-programmable all". The
 * prefixes keep clear of "show romvar", "show policy-map", "show
 * hw-module". Forms: Cisco ASR 1000 Software Configuration Guide ("Router#
 * show rom-monitor r0", "show rom-monitor slot num {sp | rp}" in the
 * command reference), github.com/jflam2002/cisco "# Understand
 * ASR1000-RP2 CPLD and F.txt" (sh platform, sh hw-programmable all). */
static bool identify_firmware(ip_arena *a, const tokens *t, ip_cmd *cmd,
			      const char **canonical, const char **arg)
{
	if (t->n < 2)
		return false;
	if (kw_match(t->p[1], t->len[1], (keyword){ "rom-monitor", 5 })) {
		int i = 2;
		if (t->n > 3 && kw_match(t->p[2], t->len[2], (keyword){ "slot", 4 }))
			i = 3;
		*cmd = IP_CMD_ROM_MONITOR;
		*arg = i < t->n ? upper_dup(a, t->p[i], t->len[i]) : NULL;
		*canonical = *arg ? ip_arena_printf(a, "show rom-monitor %s", *arg) : "show rom-monitor";
		return true;
	}
	if (t->n == 2 && kw_match(t->p[1], t->len[1], (keyword){ "platform", 4 })) {
		*cmd = IP_CMD_SHOW_PLATFORM;
		*canonical = "show platform";
		return true;
	}
	if (kw_match(t->p[1], t->len[1], (keyword){ "hw-programmable", 4 }) &&
	    (t->n == 2 || (t->n == 3 && kw_match(t->p[2], t->len[2], (keyword){ "all", 1 })))) {
		*cmd = IP_CMD_HW_PROGRAMMABLE;
		*canonical = "show hw-programmable all";
		return true;
	}
	return false;
}

static bool identify_show(ip_arena *a, const tokens *t, ip_cmd *cmd,
			  const char **canonical, const char **arg)
{
	if (t->n >= 2 && fs_word(t->p[1], t->len[1])) {
		*cmd = IP_CMD_FLASH_LISTING;
		*arg = lower_dup(a, t->p[1], t->len[1], true);
		*canonical = ip_arena_printf(a, "show %s", *arg);
		return true;
	}
	if (identify_firmware(a, t, cmd, canonical, arg))
		return true;
	for (size_t g = 0; g < sizeof(show_grammar) / sizeof(show_grammar[0]); g++) {
		const grammar *gr = &show_grammar[g];
		int k = 0;
		while (k < 3 && gr->words[k].word && 1 + k < t->n &&
		       kw_match(t->p[1 + k], t->len[1 + k], gr->words[k]))
			k++;
		if (k > 0 && (k == 3 || !gr->words[k].word)) {
			*cmd = has_views(gr->cmd) && other_view(t, 1 + k) ? IP_CMD_OTHER : gr->cmd;
			/* "show redundancy clients / history / switchover"
			 * print other tables */
			if (gr->cmd == IP_CMD_REDUNDANCY && t->n > 1 + k)
				*cmd = IP_CMD_OTHER;
			*canonical = gr->canonical;
			return true;
		}
	}
	if (identify_routing(t, cmd, canonical))
		return true;
	*cmd = IP_CMD_OTHER;
	return true;
}

/* "dir", "dir /all", "dir /recursive bootflash:", "dir flash:/sub" */
static void identify_dir(ip_arena *a, const tokens *t, ip_cmd *cmd,
			 const char **canonical, const char **arg)
{
	*cmd = IP_CMD_FLASH_LISTING;
	for (int i = 1; i < t->n; i++)
		if (t->p[i][0] != '/' && has_colon(t->p[i], t->len[i]))
			*arg = lower_dup(a, t->p[i], t->len[i], false);
	*canonical = *arg ? ip_arena_printf(a, "dir %s", *arg) : "dir";
}

/* "more system:running-config", "more nvram:startup-config" */
static void identify_more(const tokens *t, ip_cmd *cmd, const char **canonical)
{
	*cmd = IP_CMD_OTHER;
	if (t->n < 2)
		return;
	if (strncasecmp(t->p[1], "system:running-config", t->len[1]) == 0 && t->len[1] > 7) {
		*cmd = IP_CMD_RUNNING_CONFIG;
		*canonical = "show running-config";
	} else if (strncasecmp(t->p[1], "nvram:startup-config", t->len[1]) == 0 && t->len[1] > 6) {
		*cmd = IP_CMD_STARTUP_CONFIG;
		*canonical = "show startup-config";
	}
}

bool ip_command_identify(ip_arena *a, const char *text, ip_cmd *cmd,
			 const char **canonical, const char **arg,
			 const char **filter)
{
	*cmd = IP_CMD_UNKNOWN;
	*canonical = NULL;
	*arg = NULL;
	*filter = NULL;
	size_t len = strlen(text);
	const char *bar = memchr(text, '|', len);
	size_t clen = bar ? (size_t)(bar - text) : len;
	tokens t;
	tokenize(&t, text, clen);
	if (t.n > 1 && t.len[0] == 2 && strncasecmp(t.p[0], "do", 2) == 0) {
		const char *rest = t.p[0] + 2; /* "do show ..." from config mode */
		tokenize(&t, rest, clen - (size_t)(rest - text));
	}
	if (t.n == 0)
		return false;
	if (!isalpha((unsigned char)t.p[0][0]))
		return false;
	bool verb = false;
	for (size_t i = 0; i < sizeof(exec_verbs) / sizeof(exec_verbs[0]); i++)
		verb = verb || kw_match(t.p[0], t.len[0], exec_verbs[i]);
	if (!verb)
		return false;
	if (kw_match(t.p[0], t.len[0], (keyword){ "show", 2 }))
		identify_show(a, &t, cmd, canonical, arg);
	else if (kw_match(t.p[0], t.len[0], (keyword){ "dir", 3 }))
		identify_dir(a, &t, cmd, canonical, arg);
	else if (kw_match(t.p[0], t.len[0], (keyword){ "more", 3 }))
		identify_more(&t, cmd, canonical);
	else if (kw_match(t.p[0], t.len[0], (keyword){ "verify", 4 })) {
		*cmd = IP_CMD_VERIFY;
		*canonical = "verify";
		for (int i = 1; i < t.n; i++)
			if (t.p[i][0] != '/' && has_colon(t.p[i], t.len[i])) {
				*arg = ip_arena_strndup(a, t.p[i], t.len[i]);
				break;
			}
	} else if (kw_match(t.p[0], t.len[0], (keyword){ "write", 2 }) && t.n >= 2 &&
		   kw_match(t.p[1], t.len[1], (keyword){ "terminal", 1 })) {
		*cmd = IP_CMD_RUNNING_CONFIG;
		*canonical = "show running-config";
	} else
		*cmd = IP_CMD_OTHER;
	if (bar) {
		const char *f = bar + 1;
		while (*f == ' ' || *f == '\t')
			f++;
		*filter = ip_arena_strdup(a, f);
		if (*canonical)
			*canonical = ip_arena_printf(a, "%s | %s", *canonical, *filter);
	}
	if (!*canonical)
		*canonical = ip_arena_strndup(a, text, clen);
	return true;
}

/* --- output filters ----------------------------------------------------- */

typedef enum { F_INCLUDE, F_EXCLUDE, F_BEGIN, F_SECTION, F_NONE_SHOWN, F_BAD } filter_op;

static filter_op filter_parse(const char *s, size_t len, const char **re, size_t *re_len)
{
	tokens t;
	tokenize(&t, s, len);
	if (t.n == 0)
		return F_BAD;
	static const struct { keyword k; filter_op op; } ops[] = {
		{ { "include", 1 }, F_INCLUDE }, { { "exclude", 1 }, F_EXCLUDE },
		{ { "begin", 1 }, F_BEGIN }, { { "section", 1 }, F_SECTION },
		{ { "count", 1 }, F_NONE_SHOWN },
	};
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (!kw_match(t.p[0], t.len[0], ops[i].k))
			continue;
		*re = t.n > 1 ? t.p[1] : t.p[0] + t.len[0];
		*re_len = (size_t)(s + len - *re);
		while (*re_len && isspace((unsigned char)(*re)[*re_len - 1]))
			(*re_len)--;
		return ops[i].op;
	}
	return F_BAD;
}

/* --- whether a filter provably keeps a whole kind of line -------------- */

/* Completeness is a proof, not a probe: one sample line that passes says
 * nothing of `boot system tftp:...` when the filter was `| include flash:`.
 * So the pattern is read, not run, and only shapes whose meaning is certain
 * are accepted: alternatives made of plain text, each optionally anchored
 * with a leading '^'. Anything else (classes, repeats, '.', '_', escapes)
 * proves nothing, and the caller must say the capture is incomplete. IOS
 * regular expressions are case-sensitive ("Regular expressions are case
 * sensitive", Cisco IOS Configuration Fundamentals, "Using the Cisco IOS
 * Command-Line Interface", Filtering the Output of show Commands), so "Boot"
 * does not keep "boot system". */
#define RX_META "\\[](){}.$?*+_"

typedef enum { ALT_KEEPS, ALT_DROPS_NONE } alt_goal;

/* One alternative: `^lit` or `lit`, against every line starting with prefix. */
static bool alt_proves(const char *alt, size_t n, const char *prefix, alt_goal goal)
{
	bool anchored = n > 0 && alt[0] == '^';
	const char *lit = alt + anchored;
	size_t len = n - anchored, plen = strlen(prefix);
	if (len == 0 || memchr(lit, '^', len))
		return false;
	if (goal == ALT_KEEPS) {
		if (anchored)
			return len <= plen && memcmp(prefix, lit, len) == 0;
		for (size_t i = 0; i + len <= plen; i++)
			if (memcmp(prefix + i, lit, len) == 0)
				return true;
		return false;
	}
	/* Excluded lines: an unanchored text may occur in any line's tail; an
	 * anchored one misses every line that starts with prefix only when the
	 * two differ before either ends. */
	size_t m = len < plen ? len : plen;
	return anchored && memcmp(prefix, lit, m) != 0;
}

/* The pattern keeps (or drops none of) the lines: any alternative keeping
 * them is enough, every alternative must drop none. */
static bool re_proves(const char *re, size_t len, const char *prefix, alt_goal goal)
{
	for (size_t i = 0; i < len; i++)
		if (strchr(RX_META, re[i]) && re[i] != '\0')
			return false;
	const char *p = re, *end = re + len;
	for (;;) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		size_t n = (size_t)((bar ? bar : end) - p);
		bool ok = alt_proves(p, n, prefix, goal);
		if (goal == ALT_KEEPS && ok)
			return true;
		if (goal == ALT_DROPS_NONE && !ok)
			return false;
		if (!bar)
			return goal == ALT_DROPS_NONE;
		p = bar + 1;
	}
}

/* `section [include|exclude] regex`: the documented keywords, typed in full
 * (Cisco IOS Configuration Fundamentals Command Reference, "show
 * running-config": "| section [include | exclude] regular-expression").
 * An abbreviation could be read as the regex itself, so it proves nothing. */
static filter_op section_mode(const char **re, size_t *len)
{
	static const struct { const char *w; filter_op op; } modes[] = {
		{ "include ", F_INCLUDE }, { "exclude ", F_EXCLUDE },
	};
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		size_t n = strlen(modes[i].w);
		if (*len > n && strncmp(*re, modes[i].w, n) == 0) {
			*re += n;
			*len -= n;
			while (*len && (**re == ' ' || **re == '\t'))
				(*re)++, (*len)--;
			return modes[i].op;
		}
	}
	return F_SECTION;
}

bool ip_section_filter_keeps(const ip_section *s, const char *prefix)
{
	if (!s->filter)
		return true;
	const char *re;
	size_t len;
	/* IOS reads the rest of the line after include/exclude/begin/section as
	 * the regex, '|' included, so the first stage is the only one. */
	filter_op op = filter_parse(s->filter, strlen(s->filter), &re, &len);
	if (op == F_SECTION)
		op = section_mode(&re, &len);
	switch (op) {
	case F_INCLUDE: /* every matching line is shown */
	case F_SECTION: /* ... with its indented children */
	case F_BEGIN:   /* from the first match on, so every later match too */
		return re_proves(re, len, prefix, ALT_KEEPS);
	case F_EXCLUDE:
		return re_proves(re, len, prefix, ALT_DROPS_NONE);
	default:        /* count, redirect, tee, ...: shows no lines */
		return false;
	}
}

static const char *const cmd_names[IP_CMD__COUNT][2] = {
	[IP_CMD_UNKNOWN] = { "unknown output", "unknown" },
	[IP_CMD_SHOW_VERSION] = { "show version", "show_version" },
	[IP_CMD_FLASH_LISTING] = { "flash listing", "flash_listing" },
	[IP_CMD_RUNNING_CONFIG] = { "show running-config", "running_config" },
	[IP_CMD_STARTUP_CONFIG] = { "show startup-config", "startup_config" },
	[IP_CMD_CONFIG] = { "configuration", "config" },
	[IP_CMD_SHOW_BOOT] = { "show boot", "show_boot" },
	[IP_CMD_FILE_SYSTEMS] = { "show file systems", "file_systems" },
	[IP_CMD_VERIFY] = { "verify", "verify" },
	[IP_CMD_SHOW_SWITCH] = { "show switch", "show_switch" },
	[IP_CMD_INSTALL_SUMMARY] = { "show install summary", "install_summary" },
	[IP_CMD_CONFIG_MODE] = { "configuration mode", "config_mode" },
	[IP_CMD_OTHER] = { "other command", "other" },
	[IP_CMD_IP_INT_BRIEF] = { "show ip interface brief", "ip_interface_brief" },
	[IP_CMD_INTERFACES_STATUS] = { "show interfaces status", "interfaces_status" },
	[IP_CMD_OSPF_NEIGHBOR] = { "show ip ospf neighbor", "ospf_neighbor" },
	[IP_CMD_BGP_SUMMARY] = { "show ip bgp summary", "bgp_summary" },
	[IP_CMD_CDP_NEIGHBORS] = { "show cdp neighbors", "cdp_neighbors" },
	[IP_CMD_RANCID] = { "RANCID backup", "rancid" },
	[IP_CMD_OXIDIZED] = { "Oxidized backup", "oxidized" },
	[IP_CMD_SHOW_INSTALL] = { "show install", "install_state" },
	[IP_CMD_REDUNDANCY] = { "show redundancy", "redundancy" },
	[IP_CMD_ROM_MONITOR] = { "show rom-monitor", "rom_monitor" },
	[IP_CMD_SHOW_PLATFORM] = { "show platform", "show_platform" },
	[IP_CMD_HW_PROGRAMMABLE] = { "show hw-programmable all", "hw_programmable" },
};

const char *ip_cmd_name(ip_cmd cmd)
{
	return cmd < IP_CMD__COUNT ? cmd_names[cmd][0] : "unknown output";
}

const char *ip_cmd_json_name(ip_cmd cmd)
{
	return cmd < IP_CMD__COUNT ? cmd_names[cmd][1] : "unknown";
}
