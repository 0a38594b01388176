/* The kinds of stored secret in a configuration (issue 22, point 4), for
 * the downgrade that would lock the engineer out:
 *
 *   enable secret 9 $9$...                 username admin secret 9 $14$...
 *   username ops privilege 15 secret 5 $1$...   enable secret 8 $8$...
 *   password 7 0822455D0A16                tacacs-server key 7 ...
 *   crypto isakmp key 6 ... address 10.1.1.1    password encryption aes
 *   key config-key password-encrypt ...
 *
 * Why each matters, from Cisco's Catalyst 3650 16.12 security guide,
 * "Controlling Switch Access with Passwords and Privilege Levels"
 * (https://www.cisco.com/c/en/us/td/docs/switches/lan/catalyst3650/software/release/16-12/configuration_guide/sec/b_1612_sec_3650_cg/controlling_switch_access_with_passwords_and_privilege_levels.html):
 * a startup configuration with type 6 passwords locks you out after a
 * downgrade to a release without type 6; one with a "convoluted type 9
 * secret (password that starts with $14$)" locks you out below 16.12.1.
 * Type 6 needs "password encryption aes" and a master key set with "key
 * config-key password-encrypt", which the configuration does not store
 * (Cisco 46420, "Encrypt pre-shared keys in IOS routers",
 * https://www.cisco.com/c/en/us/support/docs/security-vpn/ipsec-negotiation-ike-protocols/46420-pre-sh-keys-ios-rtr-cfg.html).
 *
 * Only the kind and the span of its first keyword and type are kept. The
 * secret or hash itself is never copied anywhere: a fact sheet is pasted
 * into tickets, and a hash in it is a password to crack. The scan looks
 * for a lone type digit between spaces and only then reads the word
 * before it, so most configuration lines cost one pass of byte compares. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "bytescan.h"
#include "parsers.h"

static const char *const kind_names[IP_SECRET__COUNT] = {
	[IP_SECRET_5] = "secret 5", [IP_SECRET_8] = "secret 8", [IP_SECRET_9] = "secret 9",
	[IP_SECRET_9_14] = "secret 9 $14$", [IP_SECRET_7] = "type 7", [IP_SECRET_6] = "type 6",
	[IP_SECRET_AES] = "password encryption aes",
	[IP_SECRET_MASTER_KEY] = "key config-key password-encrypt",
};

const char *ip_secret_kind_name(ip_secret_kind k)
{
	return k < IP_SECRET__COUNT ? kind_names[k] : "?";
}

static void seen(ip_secrets *all, const ip_section *sec, ip_secret_kind k, const ip_line *l,
		 size_t a, size_t e)
{
	ip_secret_seen *s = &all->kind[k];
	if (s->seen)
		return;
	s->seen = true;
	s->span = ip_line_span(l, sec->file, a, e);
	s->command = sec->canonical ? sec->canonical : ip_cmd_name(sec->cmd);
}

/* The word ending at e: "secret", "password", "key", "key-string"... */
static bool word_before(const ip_line *l, size_t e, const char *w, size_t *a)
{
	size_t n = strlen(w);
	if (e < n || strncasecmp(l->text + e - n, w, n) != 0)
		return false;
	if (e > n && !isspace((unsigned char)l->text[e - n - 1]))
		return false;
	*a = e - n;
	return true;
}

/* The digit at i, between spaces: which kind the words around it make. */
static void type_digit(ip_secrets *all, const ip_section *sec, const ip_line *l, size_t i)
{
	char d = l->text[i];
	size_t a, e = i + 1;
	if (word_before(l, i - 1, "secret", &a)) {
		if (d == '5')
			seen(all, sec, IP_SECRET_5, l, a, e);
		else if (d == '8')
			seen(all, sec, IP_SECRET_8, l, a, e);
		else if (d == '9') {
			seen(all, sec, IP_SECRET_9, l, a, e);
			if (e + 5 <= l->len && memcmp(l->text + e + 1, "$14$", 4) == 0)
				seen(all, sec, IP_SECRET_9_14, l, a, e);
		}
		return;
	}
	if (d != '6' && d != '7')
		return;
	if (word_before(l, i - 1, "password", &a) || word_before(l, i - 1, "key", &a) ||
	    word_before(l, i - 1, "key-string", &a) || word_before(l, i - 1, "pre-shared-key", &a) ||
	    word_before(l, i - 1, "md5", &a)) /* "ip ospf message-digest-key 1 md5 7 ..." */
		seen(all, sec, d == '6' ? IP_SECRET_6 : IP_SECRET_7, l, a, e);
}

static bool starts(const ip_line *l, const char *p, size_t n)
{
	return l->len >= n && memcmp(l->text, p, n) == 0;
}

/* A candidate at c in line l: not in a comment, then the words around it. */
static void candidate(ip_secrets *all, const ip_section *sec, const ip_line *l, const char *c)
{
	size_t off = strspn(l->text, " \t");
	if (l->text[off] != '!')
		type_digit(all, sec, l, (size_t)(c - l->text));
}

/* b starts right after a's NUL: no byte between them to read, so none that
 * belongs to no line (arena padding, which Valgrind calls uninitialised,
 * or another allocation's redzone under ASan). */
static bool close_after(const ip_line *a, const ip_line *b)
{
	return b->text == a->text + a->len + 1;
}

/* Lines kept in place in the capture's buffer (capture.c take_clean) follow
 * each other there, each ended by the NUL that replaced its newline, so a
 * run of them is scanned as one block (bytescan.h ip_find_type_digit,
 * SSE2) and a hit mapped back to its line; the NUL keeps a " D " from
 * spanning two lines. A line with trailing blanks or a CR, or cleaned into
 * a copy, ends its run. A line at a time cost `lint` of 480 whole
 * configurations a fifth more (bench/gate). */
/* The hits of ip_find_type_digit in lines[k, end), one block. */
static void scan_run(ip_secrets *all, const ip_section *sec, size_t k, size_t end)
{
	const char *p = sec->lines[k].text;
	const char *stop = sec->lines[end - 1].text + sec->lines[end - 1].len;
	size_t j = k;
	for (const char *c = ip_find_type_digit(p, (size_t)(stop - p)); c;
	     c = ip_find_type_digit(c + 1, (size_t)(stop - c - 1))) {
		while (j < end && sec->lines[j].text + sec->lines[j].len <= c + 1)
			j++;
		if (j < end && c > sec->lines[j].text)
			candidate(all, sec, &sec->lines[j], c);
	}
}

void config_secrets_defer(ip_device *dev, const ip_section *sec, ip_arena *a)
{
	ip_secrets *s = ip_device_secrets(dev, a);
	*IP_PUSH(a, s->todo, s->n_todo, s->cap_todo) = *sec;
}

void config_secrets_scan(ip_secrets *s, const ip_section *sec)
{
	size_t last = 0, run = 0; /* the last line with text; where the run began */
	for (size_t k = 0; k < sec->n_lines; k++) {
		const ip_line *l = &sec->lines[k];
		if (k > run && !close_after(&sec->lines[k - 1], l)) {
			scan_run(s, sec, run, k);
			run = k;
		}
		/* global commands, at the first column of a configuration */
		switch (l->text[0]) {
		case 'p':
			if (starts(l, "password encryption aes", 23))
				seen(s, sec, IP_SECRET_AES, l, 0, 23);
			break;
		case 'k':
			if (starts(l, "key config-key password-encrypt", 31))
				seen(s, sec, IP_SECRET_MASTER_KEY, l, 0, 31);
			break;
		case '\0':
			continue;
		}
		last = k;
	}
	if (sec->n_lines)
		scan_run(s, sec, run, sec->n_lines);
	/* only a whole configuration, to its "end", proves a kind absent */
	if (sec->n_lines && !sec->filter) {
		const ip_line *l = &sec->lines[last];
		if (l->len == 3 && memcmp(l->text, "end", 3) == 0)
			s->scanned = true;
	}
}
