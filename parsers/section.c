/* Cutting a capture into command sections; see section.h.
 *
 *   NetsTuts_R1#show bootflash:          <- prompt: a new section
 *   -#- --length-- -----date/time------ path
 *   1 521347072 Mar 05 2026 09:14:22 isr4300-universalk9.16.09.06.SPA.bin
 *   NetsTuts_R1#sh run | i boot          <- prompt: the next one
 *   boot-start-marker
 *
 * A line is a prompt when it reads host#cmd or host>cmd (optionally
 * host(config-xx)#cmd) and cmd is empty or starts with an exec verb, so that
 * "admin>rules" inside a banner is not taken for one. Output without
 * prompts is cut where a known output visibly starts. */
#include <string.h>
#include <threads.h>

#include "error.h"
#include "rx.h"
#include "section.h"

enum { RX_PROMPT, RX_INVALID, RX_LAST };
static ip_rx sec_rx[] = {
	[RX_PROMPT] = { "^([A-Za-z0-9][A-Za-z0-9._-]{0,62})(\\((?:config[a-z0-9-]*|[a-z][a-z0-9-]*)\\))?([#>]) ?(.*)$", 0, NULL },
	[RX_INVALID] = { "^% ?(?:Invalid input detected|Ambiguous command|Incomplete command|Unknown command|Bad IP address|Invalid command)", 0, NULL },
};

/* Where bare output of a known command begins. */
typedef struct signature {
	const char *pattern_prefix; /* cheap literal test first */
	ip_cmd cmd;
} signature;

static const signature signatures[] = {
	{ "Cisco IOS XE Software", IP_CMD_SHOW_VERSION },
	{ "Cisco IOS Software", IP_CMD_SHOW_VERSION },
	{ "IOS (tm) ", IP_CMD_SHOW_VERSION },
	{ "Cisco Internetwork Operating System Software", IP_CMD_SHOW_VERSION },
	{ "Directory of ", IP_CMD_FLASH_LISTING },
	{ "-#- --length-- ", IP_CMD_FLASH_LISTING },
	{ "BOOT path-list", IP_CMD_SHOW_BOOT },
	{ "BOOT variable ", IP_CMD_SHOW_BOOT },
	{ "Current Boot Variables:", IP_CMD_SHOW_BOOT },
	{ "Boot Variables on next reload:", IP_CMD_SHOW_BOOT },
	{ "File Systems:", IP_CMD_FILE_SYSTEMS },
	{ "Switch/Stack Mac Address", IP_CMD_SHOW_SWITCH },
	/* show install summary/active/...: "[ Switch 1 2 ] Installed
	 * Package(s) Information:", "[ R0 R1 ] ..." (show_install.c) */
	{ "[ Switch ", IP_CMD_INSTALL_SUMMARY },
	{ "[ R0 ", IP_CMD_INSTALL_SUMMARY },
	{ "[ R1 ", IP_CMD_INSTALL_SUMMARY },
	{ "Redundant System Information", IP_CMD_REDUNDANCY },
	{ "Building configuration...", IP_CMD_RUNNING_CONFIG },
	{ "Current configuration : ", IP_CMD_RUNNING_CONFIG },
	{ "Current configuration: ", IP_CMD_RUNNING_CONFIG },
	{ "Using ", IP_CMD_STARTUP_CONFIG }, /* "Using 1823 out of 262136 bytes" */
	{ "! Last configuration change at ", IP_CMD_CONFIG },
	{ "version ", IP_CMD_CONFIG },
	{ "boot-start-marker", IP_CMD_CONFIG }, /* a saved "| include boot" */
	{ "boot system ", IP_CMD_CONFIG },
	{ "config-register 0x", IP_CMD_CONFIG },
	{ "Verified (", IP_CMD_VERIFY },
	{ "verify /md5 (", IP_CMD_VERIFY },
	{ "verify /sha512 (", IP_CMD_VERIFY },
	{ "%Error verifying ", IP_CMD_VERIFY },
	{ "Interface ", IP_CMD_IP_INT_BRIEF },
	{ "Port ", IP_CMD_INTERFACES_STATUS },
	{ "Neighbor ID ", IP_CMD_OSPF_NEIGHBOR },
	{ "BGP router identifier ", IP_CMD_BGP_SUMMARY },
	{ "For address family: ", IP_CMD_BGP_SUMMARY },
	{ "Capability Codes: ", IP_CMD_CDP_NEIGHBORS },
	{ "Device ID ", IP_CMD_CDP_NEIGHBORS },
	/* backup files: their comment blocks come before the configuration */
	{ "!RANCID-CONTENT-TYPE:", IP_CMD_RANCID },
	{ "! Cisco IOS Software", IP_CMD_OXIDIZED },
	{ "! Cisco IOS XE Software", IP_CMD_OXIDIZED },
	{ "! Cisco Internetwork Operating System", IP_CMD_OXIDIZED },
	{ "! IOS (tm) ", IP_CMD_OXIDIZED },
	{ "! Image: Software: ", IP_CMD_OXIDIZED },
};

#define N_SIGNATURES (sizeof(signatures) / sizeof(signatures[0]))
_Static_assert(N_SIGNATURES <= 64, "sig_first holds one bit per signature");

/* The signatures by first byte (bit i: signatures[i]): a line of a
 * configuration is tested against the two or three that could match, not
 * against the whole table. */
static uint64_t sig_first[256];
/* [A-Za-z0-9._-], the characters of a host name in a prompt */
static bool host_chars[256];
/* The first bytes of a line that may be a prompt ([A-Za-z0-9]), and of one
 * that may open bare output (a signature's, or a flattened verify's '.'
 * and 'D'). A line that starts with neither (" switchport", "!", an empty
 * one: most of a configuration) opens nothing. */
static bool prompt_first[256], bare_first[256];

static void sig_first_init(void)
{
	for (size_t i = 0; i < N_SIGNATURES; i++)
		sig_first[(unsigned char)signatures[i].pattern_prefix[0]] |= UINT64_C(1) << i;
	for (int c = 0; c < 256; c++) {
		host_chars[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
				(c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
		prompt_first[c] = host_chars[c] && c != '.' && c != '_' && c != '-';
		bare_first[c] = sig_first[c] != 0 || c == '.' || c == 'D';
	}
}

/* Table headers are plain words: the other column titles must be there too
 * ("Interface  IP-Address  OK? Method Status  Protocol"). */
static const struct {
	const char *prefix;
	const char *words[3];
} header_words[] = {
	{ "Interface ", { "IP-Address", "OK?", "Protocol" } },
	{ "Port ", { "Name", "Status", "Vlan" } },
	{ "Neighbor ID ", { " Pri ", "State", "Dead Time" } },
	{ "BGP router identifier ", { ", local AS number", NULL, NULL } },
	{ "Device ID ", { "Local Intrfce", "Holdtme", NULL } },
};

static bool header_words_ok(const ip_line *l, const signature *s)
{
	for (size_t i = 0; i < sizeof(header_words) / sizeof(header_words[0]); i++) {
		if (strcmp(header_words[i].prefix, s->pattern_prefix) != 0)
			continue;
		for (size_t w = 0; w < 3 && header_words[i].words[w]; w++)
			if (!strstr(l->text, header_words[i].words[w]))
				return false;
	}
	return true;
}

static bool is_config(ip_cmd c)
{
	return c == IP_CMD_RUNNING_CONFIG || c == IP_CMD_STARTUP_CONFIG || c == IP_CMD_CONFIG;
}

static bool starts_with(const ip_line *l, const char *p)
{
	size_t n = strlen(p);
	return l->len >= n && memcmp(l->text, p, n) == 0;
}

/* Extra shape checks for the signatures that are plain words. */
static bool signature_shape_ok(const ip_line *l, const signature *s)
{
	const char *t = l->text;
	if (!header_words_ok(l, s))
		return false;
	if (s->cmd == IP_CMD_STARTUP_CONFIG)
		return strstr(t, " out of ") && strstr(t, " bytes");
	if (s->cmd == IP_CMD_CONFIG && t[0] == 'v') /* "version 15.2" */
		return l->len >= 10 && l->len < 24 && t[8] >= '0' && t[8] <= '9' && strchr(t + 8, '.');
	if (s->cmd == IP_CMD_FLASH_LISTING && t[0] == 'D')
		return strchr(t + 13, ':') != NULL;
	if (s->cmd == IP_CMD_VERIFY && t[0] != '%')
		return strstr(t, ") =") != NULL;
	if (s->cmd == IP_CMD_INSTALL_SUMMARY) /* "[ R0 ] ... a log's brackets" */
		return strstr(t, "] ") && strstr(t, " Package(s) Information:");
	return true;
}

/* A flattened log puts the progress and the result on one line:
 * "....Done! verify /md5 (flash:x.bin) = 410db2a7…". */
static const signature verify_flat = { "", IP_CMD_VERIFY };

static bool verify_flattened(const ip_line *l)
{
	const char *t = l->text;
	if (t[0] != '.' && t[0] != 'D')
		return false;
	const char *v = strstr(t, "Done! verify /");
	return v && (strncmp(v + 14, "md5 (", 5) == 0 || strncmp(v + 14, "sha512 (", 8) == 0) &&
	       strstr(v, ") =");
}

static const signature *bare_signature(const ip_line *l)
{
	char c = l->text[0];
	if (l->len < 5 || !bare_first[(unsigned char)c])
		return NULL;
	if (verify_flattened(l))
		return &verify_flat;
	/* only the signatures that start with c, in table order */
	for (uint64_t m = sig_first[(unsigned char)c]; m; m &= m - 1) {
		const signature *sig = &signatures[__builtin_ctzll(m)];
		if (starts_with(l, sig->pattern_prefix) && signature_shape_ok(l, sig))
			return sig;
	}
	return NULL;
}

/* Whether a bare signature should open a new section given the one open:
 * the outputs that print several signature lines themselves must not be
 * cut (IOS-XE prints two version lines; recursive dir prints several
 * "Directory of"; show boot has current/next blocks; configs carry
 * "version" after "Building configuration"). */
static bool opens_new(const ip_section *cur, const signature *sig)
{
	if (!cur)
		return true;
	if (cur->prompt && cur->cmd != IP_CMD_OTHER && cur->cmd != IP_CMD_UNKNOWN)
		return false;
	/* `copy running-config startup-config` and `write memory` print
	 * "Building configuration..." and [OK]: that is no configuration */
	if (cur->prompt && cur->command && sig->cmd == IP_CMD_RUNNING_CONFIG &&
	    (strncasecmp(cur->command, "cop", 3) == 0 || strncasecmp(cur->command, "wr", 2) == 0))
		return false;
	if (cur->cmd == sig->cmd)
		return sig->cmd == IP_CMD_SHOW_VERSION && cur->n_lines > 6;
	if (is_config(cur->cmd) && is_config(sig->cmd))
		return false;
	/* RANCID writes show version's register as "config-register 0x2102"
	 * at the end of its comment block, before the configuration */
	if (cur->cmd == IP_CMD_RANCID && sig->cmd == IP_CMD_CONFIG && sig->pattern_prefix[0] == 'c')
		return false;
	return true;
}

typedef struct splitter {
	ip_arena *arena;
	const ip_capture *cap;
	ip_diags *diags;
	ip_section *v;
	size_t n, cap_v;
	ip_section *cur;
	const char *last_host; /* hostname of the last accepted prompt */
	bool ended;            /* the open configuration printed its "end" */
	char banner[3];        /* inside a configuration's banner: its delimiter */
	uint32_t banner_lines;
} splitter;

static void close_current(splitter *sp, uint32_t last_line)
{
	ip_section *s = sp->cur;
	if (!s)
		return;
	s->last_line = last_line >= s->first_line ? last_line : s->first_line;
	/* The device refused the command: its "output" is an error message. */
	for (size_t i = 0; i < s->n_lines && i < 4; i++) {
		if (s->lines[i].len && s->lines[i].text[0] == '%' &&
		    ip_rx_exec(&sec_rx[RX_INVALID], s->lines[i].text, s->lines[i].len, NULL)) {
			ip_diag_add(sp->diags, IP_DIAG_NOTE,
				    ip_line_span_all(&s->lines[i], s->file),
				    "the device rejected '%s'; its output is ignored",
				    s->command ? s->command : ip_cmd_name(s->cmd));
			s->cmd = IP_CMD_OTHER;
			break;
		}
	}
	sp->cur = NULL;
}

static ip_section *open_section(splitter *sp, const ip_line *first)
{
	sp->ended = false;
	sp->banner[0] = '\0';
	ip_section *s = IP_PUSH(sp->arena, sp->v, sp->n, sp->cap_v);
	s->file = sp->cap->path;
	s->first_line = first->lineno;
	s->last_line = first->lineno;
	sp->cur = s;
	return s;
}

static bool host_char(unsigned char c)
{
	return host_chars[c];
}

/* What RX_PROMPT needs before it can match: a host name ([A-Za-z0-9] then
 * up to 62 of [A-Za-z0-9._-]) followed by '#', '>' or a '(' mode. Most
 * lines of a log (" switchport mode access", "interface Gi1/0/1") fail
 * within a few bytes, without running the pattern. */
static bool may_be_prompt(const ip_line *l)
{
	const unsigned char *t = (const unsigned char *)l->text;
	if (!l->len || t[0] == '-' || t[0] == '.' || t[0] == '_' || !host_char(t[0]))
		return false;
	size_t i = 1;
	while (i < l->len && i < 63 && host_char(t[i]))
		i++;
	return i < l->len && (t[i] == '#' || t[i] == '>' || t[i] == '(');
}

/* Try to read l as a prompt line; on success opens its section. */
static bool take_prompt(splitter *sp, const ip_line *l)
{
	if (!may_be_prompt(l))
		return false;
	ip_rx_match m;
	if (!ip_rx_exec(&sec_rx[RX_PROMPT], l->text, l->len, &m))
		return false;
	const char *host = l->text;
	size_t hlen = m.end[1];
	const char *cmdtext = l->text + m.start[4];
	bool config_mode = ip_rx_group_set(&m, 2);
	bool known_host = sp->last_host && strlen(sp->last_host) == hlen &&
			  memcmp(sp->last_host, host, hlen) == 0;
	ip_cmd cmd = IP_CMD_OTHER;
	const char *canonical = NULL, *arg = NULL, *filter = NULL;
	bool is_cmd = *cmdtext && ip_command_identify(sp->arena, cmdtext, &cmd, &canonical,
						      &arg, &filter);
	if (config_mode)
		cmd = IP_CMD_CONFIG_MODE;
	if (!*cmdtext && !known_host && m.start[4] != l->len)
		return false;
	if (*cmdtext && !is_cmd && !(config_mode && known_host))
		return false;
	close_current(sp, l->lineno - 1);
	ip_section *s = open_section(sp, l);
	s->prompt = l;
	s->hostname = ip_arena_strndup(sp->arena, host, hlen);
	s->command = *cmdtext ? ip_arena_strdup(sp->arena, cmdtext) : NULL;
	s->cmd = *cmdtext ? cmd : IP_CMD_OTHER;
	s->canonical = canonical;
	s->arg = arg;
	s->filter = filter;
	s->lines = l + 1;
	sp->last_host = s->hostname;
	return true;
}

/* A bare configuration does not say whether it was the running or the
 * startup one; backup tools say it in the file name ("R1-startup.cfg"). */
static ip_cmd config_origin_from_name(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (strcasestr(base, "startup") || strcasestr(base, "start-up"))
		return IP_CMD_STARTUP_CONFIG;
	if (strcasestr(base, "running") || strcasestr(base, "-run") || strcasestr(base, "_run"))
		return IP_CMD_RUNNING_CONFIG;
	return IP_CMD_CONFIG;
}

static bool is_rule_line(const ip_line *l)
{
	if (l->len < 3)
		return false;
	for (uint32_t i = 0; i < l->len; i++)
		if (l->text[i] != '-')
			return false;
	return true;
}

static bool is_switch_banner(const ip_line *l)
{
	return l->len >= 8 && l->len <= 10 && memcmp(l->text, "Switch ", 7) == 0 &&
	       l->text[7] >= '0' && l->text[7] <= '9';
}

/* A stack's show boot opens with a banner before its first signature line:
 *   ---------------------------
 *   Switch 1
 *   ---------------------------
 *   Current Boot Variables:
 * The banner belongs to the new section, not to the output before it. */
static const ip_line *banner_start(const splitter *sp, const ip_line *l)
{
	const ip_line *floor = sp->cur ? sp->cur->lines + (sp->cur->prompt ? 0 : 1)
				       : sp->cap->lines;
	const ip_line *start = l;
	while (start - 1 >= floor && l - start < 3 &&
	       (is_rule_line(start - 1) || is_switch_banner(start - 1)))
		start--;
	return start;
}

/* The progress lines of a bare verify ("......", "Done!") belong to it. */
static const ip_line *progress_start(const splitter *sp, const ip_line *l)
{
	const ip_line *floor = sp->cur ? sp->cur->lines + (sp->cur->prompt ? 0 : 1)
				       : sp->cap->lines;
	const ip_line *start = l;
	while (start - 1 >= floor && l - start < 64 && start[-1].len &&
	       (strspn(start[-1].text, ".!") == start[-1].len ||
		strcmp(start[-1].text + strspn(start[-1].text, ".!"), "Done!") == 0))
		start--;
	return start;
}

/* A backup's comment block ends at its first line that is not a comment
 * (RANCID's "config-register" line aside): the running-config starts there
 * even when no signature line ("version 15.2") opens it. */
static bool take_backup_config(splitter *sp, const ip_line *l)
{
	const ip_section *cur = sp->cur;
	if (!cur || (cur->cmd != IP_CMD_RANCID && cur->cmd != IP_CMD_OXIDIZED) || !l->len ||
	    l->text[0] == '!' || (cur->cmd == IP_CMD_RANCID && starts_with(l, "config-register ")))
		return false;
	close_current(sp, l->lineno - 1);
	ip_section *s = open_section(sp, l);
	s->cmd = IP_CMD_RUNNING_CONFIG;
	s->inferred = true;
	s->canonical = ip_cmd_name(IP_CMD_RUNNING_CONFIG);
	s->lines = l;
	s->n_lines = 1;
	return true;
}

/* A configuration pasted after another one's "end" (a startup-config after
 * the running-config, under the one prompt) is a configuration of its own. */
static bool after_end(const splitter *sp, const signature *sig)
{
	return sp->cur && sp->ended && is_config(sp->cur->cmd) && is_config(sig->cmd);
}

/* A banner in a configuration is free text: a "R1#reload" or "Switch>" in
 * it is no prompt. It runs from "banner motd ^C" to the next "^C"; one
 * that does not end within 200 lines is taken as ended (a truncated
 * capture must not swallow the prompts after it). */
static bool banner_text(splitter *sp, const ip_line *l)
{
	if (!sp->cur || !is_config(sp->cur->cmd))
		return false;
	if (sp->banner[0]) {
		if (memmem(l->text, l->len, sp->banner, strlen(sp->banner)) || ++sp->banner_lines > 200)
			sp->banner[0] = '\0';
		return true;
	}
	if (l->len < 9 || memcmp(l->text, "banner ", 7) != 0)
		return false;
	const char *p = l->text + 7, *end = l->text + l->len;
	while (p < end && *p != ' ')
		p++; /* the banner's kind: motd, login, exec, ... */
	while (p < end && *p == ' ')
		p++;
	if (p == end)
		return false;
	size_t dl = p[0] == '^' && p + 1 < end ? 2 : 1; /* "^C" as show run prints it */
	if (memmem(p + dl, (size_t)(end - p) - dl, p, dl))
		return false; /* the whole banner on this line */
	memcpy(sp->banner, p, dl);
	sp->banner[dl] = '\0';
	sp->banner_lines = 0;
	return false; /* the banner's own line is configuration */
}

/* Whether any bare signature could open a section now (opens_new or
 * after_end): inside the output of a command typed at a prompt, none can
 * until a configuration's "end", so its lines are not looked up. */
static bool bare_may_open(const splitter *sp)
{
	const ip_section *cur = sp->cur;
	return !cur || !cur->prompt || cur->cmd == IP_CMD_OTHER || cur->cmd == IP_CMD_UNKNOWN ||
	       (sp->ended && is_config(cur->cmd));
}

static bool take_bare(splitter *sp, const ip_line *l)
{
	if (!bare_may_open(sp))
		return false;
	const signature *sig = bare_signature(l);
	if (!sig || !(opens_new(sp->cur, sig) || after_end(sp, sig)))
		return false;
	const ip_line *sig_line = l;
	if (sig->cmd == IP_CMD_SHOW_BOOT)
		l = banner_start(sp, l);
	else if (sig->cmd == IP_CMD_VERIFY)
		l = progress_start(sp, l);
	if (sp->cur && l < sp->cur->lines + sp->cur->n_lines)
		sp->cur->n_lines = (size_t)(l - sp->cur->lines);
	/* the configuration a backup tool saved is the running one */
	bool backup = sp->cur && (sp->cur->cmd == IP_CMD_RANCID || sp->cur->cmd == IP_CMD_OXIDIZED);
	close_current(sp, l->lineno - 1);
	ip_section *s = open_section(sp, l);
	s->cmd = backup && is_config(sig->cmd) ? IP_CMD_RUNNING_CONFIG : sig->cmd;
	if (s->cmd == IP_CMD_CONFIG && (s->cmd = config_origin_from_name(sp->cap->path)) != IP_CMD_CONFIG)
		ip_diag_add(sp->diags, IP_DIAG_NOTE, ip_line_span_all(l, s->file),
			    "taken as the %s because of the file name",
			    s->cmd == IP_CMD_STARTUP_CONFIG ? "startup-config" : "running-config");
	s->inferred = true;
	s->canonical = ip_cmd_name(sig->cmd);
	s->lines = l;
	s->n_lines = (size_t)(sig_line - l) + 1;
	return true;
}

/* Whether l can be left out of the tests below: it can open no section
 * (see prompt_first), no banner is open for it to close, and the open
 * section is no backup's comment block (any line but a comment ends it).
 * Three lines in four of a log with whole configurations are. */
static bool line_inert(const splitter *sp, const ip_line *l)
{
	if (sp->banner[0] || (sp->cur && (sp->cur->cmd == IP_CMD_RANCID ||
					  sp->cur->cmd == IP_CMD_OXIDIZED)))
		return false;
	unsigned char c = (unsigned char)l->text[0]; /* NUL when the line is empty */
	return !prompt_first[c] && (l->len < 5 || !bare_first[c]);
}

int ip_sections_split(ip_section **out, size_t *n_out, ip_arena *a,
		      const ip_capture *cap, ip_diags *diags)
{
	static once_flag sig_once = ONCE_FLAG_INIT;
	call_once(&sig_once, sig_first_init);
	splitter sp = { .arena = a, .cap = cap, .diags = diags };
	size_t stray = 0, stray_first = 0;
	for (size_t i = 0; i < cap->n_lines; i++) {
		const ip_line *l = &cap->lines[i];
		if (!line_inert(&sp, l) && !banner_text(&sp, l) &&
		    (take_prompt(&sp, l) || take_bare(&sp, l) || take_backup_config(&sp, l))) {
			if (sp.n > IP_MAX_SECTIONS)
				return ip_error_set(IP_E_LIMIT,
					"%s:%u: error: more than %u command sections: too many for "
					"one capture (split it per device)", cap->path, l->lineno,
					IP_MAX_SECTIONS);
			continue;
		}
		if (sp.cur) {
			sp.cur->n_lines = (size_t)(l - sp.cur->lines) + 1;
			sp.ended |= l->len == 3 && memcmp(l->text, "end", 3) == 0;
		} else if (l->len) {
			if (!stray++)
				stray_first = i;
		}
	}
	close_current(&sp, cap->n_lines ? cap->lines[cap->n_lines - 1].lineno : 1);
	if (stray && sp.n)
		ip_diag_add(diags, IP_DIAG_NOTE, ip_line_span_all(&cap->lines[stray_first], cap->path),
			    "%zu line%s before the first recognised command output ignored",
			    stray, stray == 1 ? "" : "s");
	*out = sp.v;
	*n_out = sp.n;
	return 0;
}
