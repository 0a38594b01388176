/* lint/emit/sarif_build.c: the one SARIF builder of lint, verify and audit
 * (issue 19). The three writers' goldens prove the whole logs; these rows
 * pin the pieces each writer relies on, so a change to one piece shows
 * here before it shows as a diff in three goldens. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_utf8.h"
#include "sarif_build.h"

/* o printed compact; the caller frees. */
static char *compact(const cJSON *o)
{
	return ip_json_print_utf8(o, 0);
}

static void expect_json(cJSON *o, const char *want)
{
	char *got = compact(o);
	cr_expect_str_eq(got, want);
	free(got);
	cJSON_Delete(o);
}

Test(sarif_build, uri_keeps_relative_paths_relative)
{
	static const struct {
		const char *path, *uri;
	} rows[] = {
		{ "r1.log", "r1.log" },
		{ "traps/register-2142.log", "traps/register-2142.log" },
		{ "my captures/r1.log", "my%20captures/r1.log" },
		{ "flash:x.log", "flash%3Ax.log" }, /* ':' would read as a scheme */
		{ "/srv/backups/r1", "file:///srv/backups/r1" },
		{ "a~b_c-d.e", "a~b_c-d.e" },
		{ "caf\xc3\xa9", "caf%C3%A9" },
		{ "100%", "100%25" },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char *u = sarif_uri(rows[i].path);
		cr_expect_str_eq(u, rows[i].uri, "path \"%s\"", rows[i].path);
		free(u);
	}
}

Test(sarif_build, region_counts_utf16_units_and_never_ends_before_it_starts)
{
	/* "é" is 2 bytes, 1 unit; U+1F600 is 4 bytes, 2 units */
	ip_line l = { .text = "x \xc3\xa9 \xf0\x9f\x98\x80 y", .len = 11, .lineno = 3 };
	static const struct {
		ip_span s;
		bool lines; /* the line given: columns converted */
		const char *want;
	} rows[] = {
		{ { "f", 3, 0, 0, 0 }, true, "{\"startLine\":3}" },
		{ { "f", 3, 1, 0, 0 }, true, "{\"startLine\":3,\"startColumn\":1}" },
		{ { "f", 3, 3, 3, 5 }, true,
		  "{\"startLine\":3,\"startColumn\":3,\"endLine\":3,\"endColumn\":4}" },
		{ { "f", 3, 6, 3, 10 }, true,
		  "{\"startLine\":3,\"startColumn\":5,\"endLine\":3,\"endColumn\":7}" },
		{ { "f", 3, 6, 3, 10 }, false,
		  "{\"startLine\":3,\"startColumn\":6,\"endLine\":3,\"endColumn\":10}" },
		/* an end before the start on one line is clamped to the start */
		{ { "f", 3, 10, 3, 2 }, true,
		  "{\"startLine\":3,\"startColumn\":7,\"endLine\":3,\"endColumn\":7}" },
		/* an end on an earlier line is no end */
		{ { "f", 3, 2, 2, 4 }, true, "{\"startLine\":3,\"startColumn\":2}" },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const ip_line *p = rows[i].lines ? &l : NULL;
		cJSON *o = sarif_region(rows[i].s, p, p);
		char *got = compact(o);
		cr_expect_str_eq(got, rows[i].want, "row %zu", i);
		free(got);
		cJSON_Delete(o);
	}
}

Test(sarif_build, rule_leaves_out_what_the_caller_lacks)
{
	expect_json(sarif_rule(&(sarif_rule_text){ .id = "verify/x", .short_text = "T",
						   .full_text = "F" }),
		    "{\"id\":\"verify/x\",\"shortDescription\":{\"text\":\"T\"},"
		    "\"fullDescription\":{\"text\":\"F\"}}");
	expect_json(sarif_rule(&(sarif_rule_text){ .id = "a-b", .name = "AB", .short_text = "T",
						   .full_text = "F", .help_text = "H",
						   .help_markdown = "*H*", .help_uri = "u",
						   .level = "error" }),
		    "{\"id\":\"a-b\",\"name\":\"AB\",\"shortDescription\":{\"text\":\"T\"},"
		    "\"fullDescription\":{\"text\":\"F\"},\"help\":{\"text\":\"H\",\"markdown\":\"*H*\"},"
		    "\"helpUri\":\"u\",\"defaultConfiguration\":{\"level\":\"error\"}}");
	/* markdown only goes with text */
	expect_json(sarif_rule(&(sarif_rule_text){ .id = "r", .help_markdown = "m" }),
		    "{\"id\":\"r\"}");
}

Test(sarif_build, rules_table_indexes_in_insertion_order)
{
	sarif_rules rs = { 0 };
	static const char *const ids[] = { "a", "b", "c", "d", "e", "f", "g", "h", "i",
					   "j", "k", "l", "m", "n", "o", "p", "q", "r" };
	size_t n = sizeof(ids) / sizeof(ids[0]); /* past the first growth (16) */
	for (size_t i = 0; i < n; i++)
		cr_expect_eq(sarif_rules_add(&rs, ids[i], cJSON_CreateObject()), i);
	for (size_t i = 0; i < n; i++)
		cr_expect_eq(sarif_rules_find(&rs, ids[n - 1 - i]), n - 1 - i);
	cr_expect_eq(sarif_rules_find(&rs, "zz"), (size_t)-1);
	cr_expect_eq(cJSON_GetArraySize(rs.array), (int)n);
	cr_expect_eq(sarif_rules_add_id(&rs, "zz"), n);
	cr_expect_eq(cJSON_GetArraySize(rs.array), (int)n, "an id alone adds no descriptor");
	cJSON_Delete(rs.array);
	sarif_rules_free_ids(&rs);
	cr_expect_eq(rs.n, 0);
}

Test(sarif_build, result_location_and_notification_shapes)
{
	expect_json(sarif_result("r", 4, NULL, "warning", "m"),
		    "{\"ruleId\":\"r\",\"ruleIndex\":4,\"level\":\"warning\",\"message\":{\"text\":\"m\"}}");
	expect_json(sarif_result("verify/x", 0, "pass", "none", "ok"),
		    "{\"ruleId\":\"verify/x\",\"ruleIndex\":0,\"kind\":\"pass\",\"level\":\"none\","
		    "\"message\":{\"text\":\"ok\"}}");
	expect_json(sarif_location(sarif_physical(sarif_artifact_location("a b", 2), NULL), "why"),
		    "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"a%20b\",\"index\":2}},"
		    "\"message\":{\"text\":\"why\"}}");
	expect_json(sarif_notification("error", "bad", NULL),
		    "{\"level\":\"error\",\"message\":{\"text\":\"bad\"}}");
	expect_json(sarif_snippet("abcdef", 3), "{\"text\":\"abc\"}");
	expect_json(sarif_related(1, NULL, "r"), "{\"id\":1,\"message\":{\"text\":\"r\"}}");
	expect_json(sarif_related(-1, sarif_physical(sarif_artifact_location("f", -1), NULL), "r"),
		    "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"f\"}},"
		    "\"message\":{\"text\":\"r\"}}");
	expect_json(sarif_logical("r1", "device"), "{\"name\":\"r1\",\"kind\":\"device\"}");
	expect_json(sarif_artifact("/x y", 42),
		    "{\"location\":{\"uri\":\"file:///x%20y\"},\"length\":42,"
		    "\"roles\":[\"analysisTarget\"]}");
}

/* The streamed log (audit) and the whole one (lint, verify) open alike. */
Test(sarif_build, streamed_log_is_one_json_document)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	cr_assert_not_null(m);
	sarif_stream_begin(m, sarif_driver(NULL, true));
	/* items are ','-led; the audit runner drops the first one's comma
	 * (audit_format.list) */
	char *items = NULL;
	size_t n_items = 0;
	FILE *im = open_memstream(&items, &n_items);
	cr_assert_not_null(im);
	sarif_stream_item(im, sarif_result("r", 0, NULL, "note", "one"));
	sarif_stream_item(im, sarif_result("s", 1, NULL, "note", "two"));
	fclose(im);
	cr_assert(n_items > 0 && items[0] == ',');
	fwrite(items + 1, 1, n_items - 1, m);
	free(items);
	sarif_stream_notes(m, ",{\"level\":\"error\"}", strlen(",{\"level\":\"error\"}"));
	fputs("{}", m);
	sarif_stream_end(m);
	fclose(m);
	cr_assert(len > 0 && buf[len - 1] == '\n');
	cJSON *doc = cJSON_Parse(buf);
	cr_assert_not_null(doc, "%s", buf);
	cJSON *run;
	cJSON *whole = sarif_log(&run);
	cr_expect_str_eq(cJSON_GetObjectItem(doc, "$schema")->valuestring,
			 cJSON_GetObjectItem(whole, "$schema")->valuestring);
	cJSON *r0 = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "runs"), 0);
	cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItem(r0, "results")), 2);
	cJSON *inv = cJSON_GetArrayItem(cJSON_GetObjectItem(r0, "invocations"), 0);
	cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItem(inv, "toolExecutionNotifications")), 1);
	cJSON_Delete(whole);
	cJSON_Delete(doc);
	free(buf);
}
