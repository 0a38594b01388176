/* The escaper of each output kind (lint/emit/escape.h), one table per kind:
 * what a capture, a file name or an archive member may hold, and what the
 * reader of that kind must be shown. The end-to-end run of every command
 * and format over such names is test_output_hostile.c. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "escape.h"
#include "helpers.h"
#include "utf8.h"

typedef struct esc_case {
	const char *name;
	const char *in;
	const char *want;
} esc_case;

/* --- text ----------------------------------------------------------------- */

static const esc_case text_cases[] = {
	{ "plain", "R1-core.example", "R1-core.example" },
	{ "tab stays", "a\tb", "a\tb" },
	{ "clear screen", "\x1b[2Jx", "\\x1b[2Jx" },
	{ "OSC title", "\x1b]0;owned\x07", "\\x1b]0;owned\\x07" },
	{ "OSC 8 link", "\x1b]8;;http://evil\x1b\\x\x1b]8;;\x1b\\",
	  "\\x1b]8;;http://evil\\x1b\\x\\x1b]8;;\\x1b\\" },
	{ "CR forges the line", "R1\rOK", "R1\\rOK" },
	{ "LF forges a line", "R1\nerror: forged", "R1\\nerror: forged" },
	{ "DEL and NUL-adjacent C0", "a\x7f\x01z", "a\\x7f\\x01z" },
	{ "C1 CSI in UTF-8", "a\xc2\x9b" "2Jb", "a\\u009b2Jb" },
	{ "C1 OSC in UTF-8", "\xc2\x9d" "0;t\xc2\x9c", "\\u009d0;t\\u009c" },
	{ "NEL in UTF-8", "a\xc2\x85z", "a\\u0085z" },
	{ "raw C1 CSI (not UTF-8)", "a\x9b" "2J", "a\\x9b2J" },
	{ "Latin-1 byte", "caf\xe9", "caf\\xe9" },
	{ "truncated sequence", "x\xe2\x82", "x\\xe2\\x82" },
	{ "overlong slash", "\xc0\xaf", "\\xc0\\xaf" },
	{ "surrogate", "\xed\xa0\x80", "\\xed\\xa0\\x80" },
	{ "right-to-left override", "abc\xe2\x80\xae" "fdp.exe", "abc\\u202efdp.exe" },
	{ "isolate", "\xe2\x81\xa6x\xe2\x81\xa9", "\\u2066x\\u2069" },
	{ "line separator", "a\xe2\x80\xa8" "b", "a\\u2028b" },
	{ "valid UTF-8 kept", "R\xc3\xa9seau-\xe6\x97\xa5\xf0\x9f\x98\x80", "R\xc3\xa9seau-\xe6\x97\xa5\xf0\x9f\x98\x80" },
	{ "U+00A0 kept", "a\xc2\xa0" "b", "a\xc2\xa0" "b" },
	{ "empty", "", "" },
};

IP_TABLE_PARAMS(escape, text, text_cases)
ParameterizedTest(size_t *row, escape, text)
{
	const esc_case *c = &text_cases[*row];
	ip_arena *a = ip_arena_new();
	const char *got = ip_esc_text(a, c->in);
	cr_expect_str_eq(got, c->want, "%s", c->name);
	cr_expect(ip_utf8_valid(got, strlen(got)), "%s: not UTF-8", c->name);
	if (strcmp(c->in, c->want) == 0)
		cr_expect_eq(got, c->in, "%s: a clean string is returned as it is", c->name);
	ip_arena_free(a);
}

/* Every byte value, alone and after a valid lead byte: the result is one
 * line of valid UTF-8 without a control a terminal would act on. */
Test(escape, text_every_byte)
{
	ip_arena *a = ip_arena_new();
	for (int b = 1; b < 256; b++) {
		char in[4][4] = { { (char)b }, { '\xc2', (char)b }, { '\xe2', '\x80', (char)b }, { (char)b, 'x' } };
		for (size_t k = 0; k < 4; k++) {
			const char *got = ip_esc_text(a, in[k]);
			size_t n = strlen(got);
			cr_assert(ip_utf8_valid(got, n), "byte %02x form %zu", b, k);
			for (size_t i = 0; i < n; i++) {
				unsigned char c = (unsigned char)got[i];
				cr_assert((c >= 0x20 && c != 0x7f) || c == '\t', "byte %02x form %zu: %02x", b, k, c);
				cr_assert(!(c == 0xc2 && i + 1 < n && (unsigned char)got[i + 1] < 0xa0),
					  "byte %02x form %zu: a C1 control", b, k);
			}
		}
	}
	ip_arena_free(a);
}

/* --- markdown ---------------------------------------------------------------- */

static const esc_case md_cases[] = {
	{ "plain", "R1 core", "R1 core" },
	{ "raw HTML", "<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>" },
	{ "link", "[x](http://evil)", "\\[x\\](http\\://evil)" },
	{ "image", "![x](http://evil/p.png)", "!\\[x\\](http\\://evil/p.png)" },
	{ "bare URL autolink", "see https://evil.example/x", "see https\\://evil.example/x" },
	{ "www autolink", "www.evil.example and WWW.x.y", "www\\.evil.example and WWW\\.x.y" },
	{ "www inside a word is text", "awww.x", "awww.x" },
	{ "angle autolink", "<http://evil>", "\\<http\\://evil\\>" },
	{ "backticks", "`rm -rf`", "\\`rm -rf\\`" },
	{ "cell bar", "a|b", "a\\|b" },
	{ "emphasis", "*a* _b_ ~c~", "\\*a\\* \\_b\\_ \\~c\\~" },
	{ "underscore inside a word", "NetsTuts_R1 a__b _x x_", "NetsTuts_R1 a\\_\\_b \\_x x\\_" },
	{ "heading", "# h", "\\# h" },
	{ "entity", "&lt;", "\\&lt;" },
	{ "backslash", "a\\b", "a\\\\b" },
	{ "tab", "a\tb", "a b" },
	{ "line break", "a\n## forged", "a\\\\n\\#\\# forged" },
	{ "ESC visible", "\x1b[2J", "\\\\x1b\\[2J" },
	{ "C1 visible", "\xc2\x9b" "x", "\\\\u009bx" },
	{ "invalid UTF-8", "\xff", "\\\\xff" },
};

IP_TABLE_PARAMS(escape, markdown, md_cases)
ParameterizedTest(size_t *row, escape, markdown)
{
	const esc_case *c = &md_cases[*row];
	ip_arena *a = ip_arena_new();
	cr_expect_str_eq(ip_esc_md(a, c->in), c->want, "%s", c->name);
	ip_arena_free(a);
}

static const esc_case prose_cases[] = {
	{ "no code", "Copy the image to flash:.", "Copy the image to flash:." },
	{ "a command", "until then `reload cancel` aborts it", "until then `reload cancel` aborts it" },
	{ "two commands", "`a` or `b_c`", "`a` or `b_c`" },
	{ "text around is escaped", "*x* `y` [z](http://e)", "\\*x\\* `y` \\[z\\](http\\://e)" },
	{ "a name with a backtick", "delete (`delete /force flash:a`b`)", "delete (`delete /force flash:a`b\\`)" },
	{ "unpaired", "a ` b", "a \\` b" },
	{ "link inside code is literal", "`[x](http://e)`", "`[x](http://e)`" },
	{ "control inside code is visible", "`a\x1b" "b`", "`a\\x1bb`" },
};

IP_TABLE_PARAMS(escape, markdown_prose, prose_cases)
ParameterizedTest(size_t *row, escape, markdown_prose)
{
	const esc_case *c = &prose_cases[*row];
	ip_arena *a = ip_arena_new();
	cr_expect_str_eq(ip_esc_md_prose(a, c->in), c->want, "%s", c->name);
	ip_arena_free(a);
}

typedef struct code_case {
	const char *name;
	const char *in;
	bool in_table;
	const char *want;
} code_case;

static const code_case code_cases[] = {
	{ "plain", "flash:c2900.bin", false, "`flash:c2900.bin`" },
	{ "HTML is literal in code", "<b>", false, "`<b>`" },
	{ "one backtick", "a`b", false, "``a`b``" },
	{ "a run of three", "a```b", false, "````a```b````" },
	{ "backtick at the start", "`x", false, "`` `x ``" },
	{ "backtick at the end", "x`", false, "`` x` ``" },
	{ "bar in a table", "a|b", true, "`a\\|b`" },
	{ "bar outside a table", "a|b", false, "`a|b`" },
	{ "line break", "a\nb", false, "`a\\nb`" },
	{ "ESC", "\x1b]0;t\x07", false, "`\\x1b]0;t\\x07`" },
	{ "empty", "", false, "` `" },
};

IP_TABLE_PARAMS(escape, markdown_code, code_cases)
ParameterizedTest(size_t *row, escape, markdown_code)
{
	const code_case *c = &code_cases[*row];
	ip_arena *a = ip_arena_new();
	cr_expect_str_eq(ip_esc_md_code(a, c->in, c->in_table), c->want, "%s", c->name);
	ip_arena_free(a);
}

Test(escape, markdown_block)
{
	ip_arena *a = ip_arena_new();
	const char *plain[] = { "configure terminal", "boot system flash:x.bin" };
	cr_expect_str_eq(ip_esc_md_block(a, plain, 2), "```\nconfigure terminal\nboot system flash:x.bin\n```\n");
	const char *ticks[] = { "a", "x ```` y", "``" };
	cr_expect_str_eq(ip_esc_md_block(a, ticks, 3), "`````\na\nx ```` y\n``\n`````\n");
	const char *closing[] = { "```", "reload" };
	cr_expect_str_eq(ip_esc_md_block(a, closing, 2), "````\n```\nreload\n````\n");
	const char *broken[] = { "copy x\nreload\r\x1b[2J" };
	cr_expect_str_eq(ip_esc_md_block(a, broken, 1), "```\ncopy x\\nreload\\r\\x1b[2J\n```\n");
	cr_expect_str_eq(ip_esc_md_block(a, NULL, 0), "```\n```\n");
	ip_arena_free(a);
}

/* --- csv ---------------------------------------------------------------- */

static const esc_case csv_cases[] = {
	{ "plain", "R1", "R1" },
	{ "empty", "", "" },
	{ "DDE formula", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0" },
	{ "plus", "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0" },
	{ "minus", "-2+3", "'-2+3" },
	{ "at", "@SUM(A1:A9)", "'@SUM(A1:A9)" },
	{ "leading tab", "\t=1", "'\t=1" },
	{ "leading CR shown, not a formula", "\r=1", "\\r=1" },
	{ "formula with a comma", "=HYPERLINK(\"http://evil\",\"x\")",
	  "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"" },
	{ "inner equals is data", "a=b", "a=b" },
	{ "comma", "a,b", "\"a,b\"" },
	{ "quote", "say \"hi\"", "\"say \"\"hi\"\"\"" },
	{ "line break is one record", "a\nb", "a\\nb" },
	{ "invalid UTF-8", "caf\xe9", "caf\\xe9" },
	{ "C1", "\xc2\x9b" "1", "\\u009b1" },
	{ "valid UTF-8", "R\xc3\xa9seau", "R\xc3\xa9seau" },
};

IP_TABLE_PARAMS(escape, csv, csv_cases)
ParameterizedTest(size_t *row, escape, csv)
{
	const esc_case *c = &csv_cases[*row];
	ip_arena *a = ip_arena_new();
	const char *got = ip_esc_csv(a, c->in);
	cr_expect_str_eq(got, c->want, "%s", c->name);
	cr_expect(ip_utf8_valid(got, strlen(got)), "%s: not UTF-8", c->name);
	ip_arena_free(a);
}

Test(escape, null_is_null)
{
	ip_arena *a = ip_arena_new();
	cr_expect_null(ip_esc_text(a, NULL));
	cr_expect_null(ip_esc_md(a, NULL));
	cr_expect_null(ip_esc_md_code(a, NULL, true));
	cr_expect_null(ip_esc_csv(a, NULL));
	ip_arena_free(a);
}
