/* The secret kinds of a configuration (issue 22, point 4): which kinds a
 * configuration holds and where each is first seen, never the secret. The
 * line forms are Cisco's (the Catalyst 3650 16.12 security guide for
 * secret 5/8/9, $14$ and type 6; Cisco 46420 for "crypto isakmp key 6" and
 * "password encryption aes"; IOS line passwords "password 7"); the hashes
 * are placeholders, which is all a test of their kind needs. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define H9 "$9$PLACEHOLDERsalt$PLACEHOLDERhashPLACEHOLDERhash"
#define H14 "$14$PLAC$EHOLDERsaltPLACEHOLDERhashPLACEHOLDERhash"
#define H5 "$1$PLAC$EHOLDERhash0000000"
#define H8 "$8$PLACEHOLDERsalt$PLACEHOLDERhashPLACEHOLDER"

typedef struct sec_case {
	const char *name, *typed, *config;
	const char *kinds;     /* the kinds seen, "|"-joined in enum order */
	bool scanned;
	ip_secret_kind at_kind; /* whose first span is checked */
	uint32_t line, col, end_col;
} sec_case;

static const sec_case cases[] = {
	{ "IOS-XE 17: enable secret 9 and a convoluted $14$ user", "show running-config",
	  "hostname R1\n"
	  "enable secret 9 " H9 "\n"
	  "username admin privilege 15 secret 9 " H14 "\n"
	  "end\n",
	  "secret 9|secret 9 $14$", true, IP_SECRET_9_14, 3, 29, 37 },
	{ "classic IOS: secret 5, line passwords type 7", "show startup-config",
	  "enable secret 5 " H5 "\n"
	  "username ops password 7 0822455D0A16\n"
	  "line vty 0 4\n"
	  " password 7 045802150C2E\n"
	  " login\n"
	  "end\n",
	  "secret 5|type 7", true, IP_SECRET_7, 2, 14, 24 },
	{ "type 8 enable secret (16.x)", "show running-config",
	  "enable secret 8 " H8 "\nend\n",
	  "secret 8", true, IP_SECRET_8, 1, 8, 16 },
	{ "type 6 turned on: password encryption aes, an isakmp key 6 (Cisco 46420)", "show running-config",
	  "password encryption aes\n"
	  "crypto isakmp key 6 PLACEHOLDERaes address 10.1.1.1\n"
	  "end\n",
	  "type 6|password encryption aes", true, IP_SECRET_6, 2, 15, 20 },
	{ "the master key typed in a config capture", "show running-config",
	  "key config-key password-encrypt PLACEHOLDERmaster\nend\n",
	  "key config-key password-encrypt", true, IP_SECRET_MASTER_KEY, 1, 1, 32 },
	{ "OSPF md5 key and tacacs key 7", "show running-config",
	  "interface Gi0/1\n"
	  " ip ospf message-digest-key 1 md5 7 PLACEHOLDER7\n"
	  "tacacs-server key 7 PLACEHOLDER7\n"
	  "end\n",
	  "type 7", true, IP_SECRET_7, 2, 31, 36 },
	{ "a whole configuration without stored secrets", "show running-config",
	  "hostname R1\n"
	  "interface Gi0/1\n"
	  " description uplink 7 floor\n"
	  " ip address 10.0.0.1 255.255.255.0\n"
	  "logging buffered 8 debugging\n"
	  "end\n",
	  "", true, IP_SECRET_5, 0, 0, 0 },
	{ "a filtered configuration: what it shows, and not 'none'", "show running-config | include secret",
	  "enable secret 9 " H9 "\n",
	  "secret 9", false, IP_SECRET_9, 1, 8, 16 },
	{ "a configuration cut short: what it shows, and not 'none'", "show running-config",
	  "hostname R1\nenable secret 9 " H9 "\n",
	  "secret 9", false, IP_SECRET_9, 2, 8, 16 },
	{ "CRLF and trailing blanks: each line its own run, nothing missed", "show running-config",
	  "enable secret 9 " H9 "   \r\n"
	  "username ops password 7 0822455D0A16\r\n"
	  "line vty 0 4 \r\n"
	  " password 7 045802150C2E\r\n"
	  "end\r\n",
	  "secret 9|type 7", true, IP_SECRET_7, 2, 14, 24 },
	{ "a comment is no secret", "show running-config",
	  "! enable secret 5 was here\nend\n",
	  "", true, IP_SECRET_5, 0, 0, 0 },
};

IP_TABLE_PARAMS(secrets, kinds, cases)

ParameterizedTest(size_t *row, secrets, kinds)
{
	const sec_case *c = &cases[*row];
	char log[4096];
	snprintf(log, sizeof(log), "R1#%s\n%s", c->typed, c->config);
	ip_device_set *s = test_load_text("cfg.log", log);
	cr_assert_eq(s->n, 1);
	const ip_secrets *sec = ip_secrets_of(s->v[0]);
	char got[256] = "";
	for (int k = 0; k < IP_SECRET__COUNT; k++)
		if (sec->kind[k].seen) {
			if (*got)
				strcat(got, "|");
			strcat(got, ip_secret_kind_name((ip_secret_kind)k));
		}
	cr_expect_str_eq(got, c->kinds, "%s", c->name);
	cr_expect_eq(sec->scanned, c->scanned, "%s: scanned", c->name);
	if (c->line) {
		ip_span sp = sec->kind[c->at_kind].span;
		/* the prompt is line 1 of the log */
		cr_expect(sp.line == c->line + 1 && sp.col == c->col && sp.end_col == c->end_col,
			  "%s: span %u:%u-%u, want %u:%u-%u", c->name, sp.line, sp.col, sp.end_col,
			  c->line + 1, c->col, c->end_col);
	}
	ip_device_set_free(s);
}

/* The fact sheet and the JSON name the kinds and never carry the hash. */
Test(secrets, facts_never_print_the_hash)
{
	const char *bin = getenv("IOSPLAN_BIN");
	cr_assert_not_null(bin);
	char dir[256], path[300], cmd[1024];
	test_tmpdir_make(dir, sizeof(dir), "secrets");
	snprintf(path, sizeof(path), "%s/r.log", dir);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fprintf(f, "R1#show running-config\nenable secret 9 %s\nusername a secret 9 %s\n"
		   "username b password 7 0822455D0A16\npassword encryption aes\nend\n", H9, H14);
	fclose(f);
	const char *formats[] = { "text", "json" };
	for (int i = 0; i < 2; i++) {
		snprintf(cmd, sizeof(cmd), "'%s' facts --format %s '%s' > '%s/out' 2>&1", bin,
			 formats[i], path, dir);
		cr_assert_eq(system(cmd), 0, "%s", cmd);
		snprintf(cmd, sizeof(cmd), "%s/out", dir);
		char *out = test_read_file(cmd, NULL);
		cr_assert_not_null(out);
		cr_expect(strstr(out, "PLACEHOLDER") == NULL, "%s output carries a hash:\n%s", formats[i], out);
		cr_expect(strstr(out, "0822455D0A16") == NULL, "%s output carries a type 7 secret", formats[i]);
		cr_expect(strstr(out, "secret 9 $14$") != NULL, "%s: the kind is named:\n%s", formats[i], out);
		cr_expect(strstr(out, "type 7") != NULL, "%s", formats[i]);
		free(out);
	}
	test_tmpdir_remove(dir);
}

/* ip_find_type_digit (SSE2, 14 positions a load) against a byte-at-a-time
 * scan, with " D " at every offset of every length up to 80, so each load
 * boundary and the scalar tail are crossed. */
#include "bytescan.h"

static const char *naive(const char *p, size_t n)
{
	for (size_t k = 1; k + 1 < n; k++)
		if (p[k] >= '5' && p[k] <= '9' && p[k - 1] == ' ' && p[k + 1] == ' ')
			return p + k;
	return NULL;
}

Test(secrets, find_type_digit_matches_a_plain_scan)
{
	char buf[96];
	const char digits[] = "0456789";
	for (size_t n = 0; n <= 80; n++)
		for (size_t at = 0; at < n + 1; at++)
			for (size_t d = 0; d < sizeof(digits) - 1; d++) {
				memset(buf, 'x', sizeof(buf));
				for (size_t k = 0; k < n; k += 5)
					buf[k] = ' '; /* spaces that make no pattern */
				if (at + 2 < n) {
					buf[at] = ' ';
					buf[at + 1] = digits[d];
					buf[at + 2] = ' ';
				}
				const char *want = naive(buf, n), *got = ip_find_type_digit(buf, n);
				cr_assert_eq(got, want, "n %zu, at %zu, digit %c: got %td, want %td", n, at,
					     digits[d], got ? got - buf : -1, want ? want - buf : -1);
			}
}

/* The scan waits for the first ask (device.h ip_secrets): parsing leaves
 * the configuration to do, asking scans it, and a configuration read after
 * an ask is scanned at the next one. The section given to the parser is the
 * caller's and may be gone by then (here a stack frame that returned). */
static void parse_config(ip_device *dev, ip_arena *a, ip_diags *d, const ip_capture *cap)
{
	ip_section sec = { .file = cap->path, .cmd = IP_CMD_RUNNING_CONFIG,
			   .canonical = "show running-config", .lines = cap->lines,
			   .n_lines = cap->n_lines, .first_line = 1,
			   .last_line = (uint32_t)cap->n_lines };
	ip_parse_ctx ctx = { a, d, NULL, 0 };
	cr_assert_eq(ip_section_parse(dev, &sec, &ctx), 0);
	memset(&sec, 0, sizeof(sec)); /* as a returned frame's memory may be */
}

Test(secrets, scanned_when_asked)
{
	ip_arena *a = ip_arena_new();
	ip_diags d = { .arena = a };
	ip_capture *c1 = NULL, *c2 = NULL;
	const char *t1 = "hostname R1\nenable secret 9 " H9 "\n";
	const char *t2 = "line vty 0 4\n password 7 0822455D0A16\nend\n";
	cr_assert_eq(ip_capture_from_buffer(&c1, a, "one.cfg", t1, strlen(t1)), 0);
	cr_assert_eq(ip_capture_from_buffer(&c2, a, "two.cfg", t2, strlen(t2)), 0);
	ip_device *dev = ip_arena_alloc(a, sizeof(*dev));
	dev->key = "";
	parse_config(dev, a, &d, c1);
	cr_expect_eq(dev->secrets->n_todo, 1, "parsing defers the scan");
	cr_expect(!dev->secrets->kind[IP_SECRET_9].seen);
	cr_expect(ip_secrets_of(dev)->kind[IP_SECRET_9].seen);
	cr_expect_eq(dev->secrets->n_todo, 0);
	parse_config(dev, a, &d, c2);
	const ip_secrets *s = ip_secrets_of(dev);
	cr_expect(s->kind[IP_SECRET_7].seen && s->kind[IP_SECRET_9].seen);
	cr_expect(s->scanned, "the second configuration ran to its end");
	cr_expect_eq(s->kind[IP_SECRET_7].span.line, 2);
	ip_arena_free(a);
}
