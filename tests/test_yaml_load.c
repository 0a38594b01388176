/* ip_yaml_load builds, in its one guarded pass, the document libyaml's own
 * loader (yaml_parser_load) builds: the same nodes, tags, values, styles,
 * order and marks. The limits themselves are tested end to end in
 * test_hostile.c; here, only that a file within them loads unchanged. */
#include <criterion/criterion.h>
#include <string.h>
#include <yaml.h>

#include "error.h"
#include "yaml_guard.h"

static const char *const texts[] = {
	"",
	"# only a comment\n",
	"plain\n",
	"images:\n  - name: c2960-lanbasek9-mz.152-7.E10.bin\n    md5: 0123456789abcdef0123456789abcdef\n"
	"    size: 26350080\n    platforms: [C2960, C2960X]\n",
	"check:\n  min_free: 10%\n  rules:\n    IOS001: off\n    IOS002: {severity: warning}\n",
	"a: &v 12.2(55)SE\nb: *v\nc: [*v, *v, x]\n",
	"? complex key\n: value\n'quoted': \"double\\tquoted\"\nfolded: >\n  one\n  two\nliteral: |\n  l1\n  l2\n",
	"tagged: !!str 123\nlocal: !mine x\nbare: ! y\nseq: !!seq [1, 2]\n",
	"- - - deep\n    - er\n  - {k: v, k2: [a, b]}\n- ~\n- ''\n",
	"---\nstarted: explicitly\n...\n",
	"k: v\r\nk2: v2\r\n",
};

static void expect_same_node(const yaml_document_t *want, const yaml_document_t *got, int id,
			     const char *text)
{
	const yaml_node_t *w = &want->nodes.start[id - 1], *g = &got->nodes.start[id - 1];
	cr_assert_eq(g->type, w->type, "%s: node %d type", text, id);
	cr_expect_str_eq((const char *)g->tag, (const char *)w->tag, "%s: node %d tag", text, id);
	cr_expect(memcmp(&g->start_mark, &w->start_mark, sizeof(w->start_mark)) == 0 &&
			  memcmp(&g->end_mark, &w->end_mark, sizeof(w->end_mark)) == 0,
		  "%s: node %d marks %zu:%zu-%zu:%zu, want %zu:%zu-%zu:%zu", text, id,
		  g->start_mark.line, g->start_mark.column, g->end_mark.line, g->end_mark.column,
		  w->start_mark.line, w->start_mark.column, w->end_mark.line, w->end_mark.column);
	if (w->type == YAML_SCALAR_NODE) {
		cr_assert_eq(g->data.scalar.length, w->data.scalar.length, "%s: node %d", text, id);
		cr_expect(memcmp(g->data.scalar.value, w->data.scalar.value, w->data.scalar.length) == 0,
			  "%s: node %d value", text, id);
		cr_expect_eq(g->data.scalar.style, w->data.scalar.style, "%s: node %d style", text, id);
	} else if (w->type == YAML_SEQUENCE_NODE) {
		ptrdiff_t n = w->data.sequence.items.top - w->data.sequence.items.start;
		cr_assert_eq(g->data.sequence.items.top - g->data.sequence.items.start, n,
			     "%s: node %d items", text, id);
		cr_expect(memcmp(g->data.sequence.items.start, w->data.sequence.items.start,
				 (size_t)n * sizeof(yaml_node_item_t)) == 0,
			  "%s: node %d item ids", text, id);
	} else {
		ptrdiff_t n = w->data.mapping.pairs.top - w->data.mapping.pairs.start;
		cr_assert_eq(g->data.mapping.pairs.top - g->data.mapping.pairs.start, n,
			     "%s: node %d pairs", text, id);
		cr_expect(memcmp(g->data.mapping.pairs.start, w->data.mapping.pairs.start,
				 (size_t)n * sizeof(yaml_node_pair_t)) == 0,
			  "%s: node %d pair ids", text, id);
	}
}

Test(yaml_load, builds_the_document_libyaml_builds)
{
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		const char *text = texts[i];
		yaml_parser_t p;
		yaml_document_t want, got;
		yaml_parser_initialize(&p);
		yaml_parser_set_input_string(&p, (const unsigned char *)text, strlen(text));
		cr_assert(yaml_parser_load(&p, &want), "libyaml loads %s", text);
		cr_assert_eq(ip_yaml_load(&got, "t.yaml", text, strlen(text)), 0, "%s: %s", text,
			     ip_error_last());
		ptrdiff_t n = want.nodes.top - want.nodes.start;
		cr_assert_eq(got.nodes.top - got.nodes.start, n, "%s: node count", text);
		cr_expect_eq(yaml_document_get_root_node(&got) == NULL, n == 0, "%s: root", text);
		for (int id = 1; id <= n; id++)
			expect_same_node(&want, &got, id, text);
		yaml_document_delete(&want);
		yaml_document_delete(&got);
		yaml_parser_delete(&p);
	}
}

/* A refused file leaves nothing to delete, and says where. */
Test(yaml_load, refusals_name_the_place)
{
	static const struct {
		const char *text, *error;
	} rows[] = {
		{ "a: [1, 2\n", "t.yaml:2:1: error: not valid YAML: " },
		{ "a: &l [1]\nb: *l\n", "t.yaml:2:4: error: an alias may only stand for a plain value" },
		{ "a: *nowhere\n", "t.yaml:1:4: error: undefined alias *nowhere" },
		{ "a: 1\n---\nb: 2\n", "t.yaml:2:1: error: a second YAML document" },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		yaml_document_t doc;
		cr_assert_neq(ip_yaml_load(&doc, "t.yaml", rows[i].text, strlen(rows[i].text)), 0,
			      "%s", rows[i].text);
		cr_expect(strncmp(ip_error_last(), rows[i].error, strlen(rows[i].error)) == 0,
			  "%s: got %s", rows[i].text, ip_error_last());
		cr_expect_null(doc.nodes.start, "%s: nothing left to delete", rows[i].text);
	}
}

/* A key twice in one mapping, at any level, is refused where the repeat
 * is, naming the first; the same key in two mappings is not a repeat. */
Test(yaml_load, duplicate_keys)
{
	static const struct {
		const char *text, *error; /* error NULL: loads */
	} rows[] = {
		{ "rules:\n  a: off\nflash:\n  margin_bytes: 1\nrules:\n  b: off\n",
		  "t.yaml:5:1: error: duplicate key 'rules' (first at line 1)" },
		{ "rules:\n  tftp-transfer: off\n  flash-space: error\n  tftp-transfer: error\n",
		  "t.yaml:4:3: error: duplicate key 'tftp-transfer' (first at line 2)" },
		{ "a:\n  b:\n    c: 1\n    c: 2\n", "t.yaml:4:5: error: duplicate key 'c' (first at line 3)" },
		{ "- {k: 1, k: 2}\n", "t.yaml:1:10: error: duplicate key 'k' (first at line 1)" },
		{ "x: 1\n'x': 2\n", "t.yaml:2:1: error: duplicate key 'x' (first at line 1)" },
		{ "a: 1\nb: 2\na: 3\nb: 4\n", "t.yaml:3:1: error: duplicate key 'a' (first at line 1)" },
		/* an inner repeat earlier in the file is met first */
		{ "o:\n  i: 1\n  i: 2\no: 3\n", "t.yaml:3:3: error: duplicate key 'i' (first at line 2)" },
		{ "a: {k: 1}\nb: {k: 1}\n", NULL },
		{ "- k: 1\n- k: 2\n", NULL },
		{ "x: 1\nX: 2\nx : 3\n", "t.yaml:3:1: error: duplicate key 'x' (first at line 1)" },
		{ "x: 1\nX: 2\n", NULL }, /* keys are case-sensitive, as YAML says */
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		yaml_document_t doc;
		int rc = ip_yaml_load(&doc, "t.yaml", rows[i].text, strlen(rows[i].text));
		if (!rows[i].error) {
			cr_expect_eq(rc, 0, "%s: %s", rows[i].text, ip_error_last());
			if (!rc)
				yaml_document_delete(&doc);
			continue;
		}
		cr_assert_eq(rc, IP_E_CONFIG, "%s", rows[i].text);
		cr_expect_str_eq(ip_error_last(), rows[i].error, "%s", rows[i].text);
		cr_expect_null(doc.nodes.start, "%s: nothing left to delete", rows[i].text);
	}
}
