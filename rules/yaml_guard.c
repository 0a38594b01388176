/* The guarded YAML loader of yaml_guard.h: libyaml's event stream, checked
 * against the limits and turned into a yaml_document_t in the same pass.
 * Memory is bounded by the file's size and the anchor table. */
#include "yaml_guard.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

typedef struct anchor {
	char *name;
	bool scalar;
	size_t len; /* a scalar's length */
	int node;   /* its node in the document */
} anchor;

/* An open sequence or mapping; a mapping holds its key until the value. */
typedef struct frame {
	int node;
	int key; /* 0: the next node is a key */
} frame;

typedef struct loader {
	const char *name;
	yaml_document_t *doc;
	size_t documents;
	size_t expansion;
	frame stack[IP_YAML_MAX_DEPTH];
	size_t depth;
	anchor *v; /* grown as anchors come: most files have none, and a
		    * table of the limit's size cost a `plan` 7 page faults */
	size_t n, cap;
} loader;

/* libyaml marks count from 0, iosplan's from 1. */
static int at(const loader *l, yaml_mark_t m, const char *what, const char *arg)
{
	return ip_error_set(IP_E_CONFIG, "%s:%zu:%zu: error: %s%s", l->name, m.line + 1,
			    m.column + 1, what, arg ? arg : "");
}

static int add_anchor(loader *l, const yaml_event_t *ev, const yaml_char_t *name, int node,
		      bool scalar)
{
	if (!name)
		return 0;
	if (l->n == IP_YAML_MAX_ANCHORS)
		return at(l, ev->start_mark, "more than 1000 anchors (&name)", NULL);
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = realloc(l->v, l->cap * sizeof(*l->v));
		if (!l->v)
			ip_out_of_memory();
	}
	anchor *a = &l->v[l->n++];
	a->name = strdup((const char *)name);
	if (!a->name)
		ip_out_of_memory();
	a->scalar = scalar;
	a->len = scalar ? ev->data.scalar.length : 0;
	a->node = node;
	return 0;
}

/* Hang `node` under the innermost open collection; the first node is the
 * root and hangs nowhere. */
static int attach(loader *l, const yaml_event_t *ev, int node)
{
	if (!l->depth)
		return 0;
	frame *f = &l->stack[l->depth - 1];
	yaml_node_t *parent = &l->doc->nodes.start[f->node - 1];
	int ok;
	if (parent->type == YAML_SEQUENCE_NODE) {
		ok = yaml_document_append_sequence_item(l->doc, f->node, node);
	} else if (!f->key) {
		f->key = node;
		ok = 1;
	} else {
		ok = yaml_document_append_mapping_pair(l->doc, f->node, f->key, node);
		f->key = 0;
	}
	return ok ? 0 : at(l, ev->start_mark, "out of memory", NULL);
}

/* The node just added: its marks, then its place in the tree. */
static int placed(loader *l, const yaml_event_t *ev, int node)
{
	if (!node)
		return at(l, ev->start_mark, "not valid YAML: a tag or value is not UTF-8", NULL);
	yaml_node_t *n = &l->doc->nodes.start[node - 1];
	n->start_mark = ev->start_mark;
	n->end_mark = ev->end_mark;
	return attach(l, ev, node);
}

/* libyaml's loader gives an absent or non-specific ("!") tag the default. */
static const yaml_char_t *tag_of(const yaml_char_t *tag)
{
	return tag && strcmp((const char *)tag, "!") != 0 ? tag : NULL;
}

static int alias(loader *l, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	const anchor *a = NULL;
	for (size_t i = l->n; i-- > 0 && !a;) /* the latest definition wins */
		if (strcmp(l->v[i].name, name) == 0)
			a = &l->v[i];
	if (!a)
		return at(l, ev->start_mark, "undefined alias *", name);
	if (!a->scalar)
		return at(l, ev->start_mark,
			  "an alias may only stand for a plain value, not a list or mapping: *", name);
	l->expansion += a->len + 1;
	if (l->expansion > IP_YAML_MAX_EXPANSION)
		return at(l, ev->start_mark,
			  "aliases expand to more than 1 MiB of text (a YAML bomb?)", NULL);
	return attach(l, ev, a->node);
}

static int open_node(loader *l, const yaml_event_t *ev, int node, const yaml_char_t *anchor_name)
{
	if (l->depth == IP_YAML_MAX_DEPTH)
		return at(l, ev->start_mark, "nested more than 64 levels deep", NULL);
	int rc = placed(l, ev, node);
	if (rc)
		return rc;
	l->stack[l->depth++] = (frame){ node, 0 };
	return add_anchor(l, ev, anchor_name, node, false);
}

static void close_node(loader *l, const yaml_event_t *ev)
{
	frame *f = &l->stack[--l->depth];
	l->doc->nodes.start[f->node - 1].end_mark = ev->end_mark;
}

static int scalar(loader *l, const yaml_event_t *ev)
{
	int node = yaml_document_add_scalar(l->doc, (yaml_char_t *)tag_of(ev->data.scalar.tag),
					    ev->data.scalar.value, (int)ev->data.scalar.length,
					    ev->data.scalar.style);
	int rc = placed(l, ev, node);
	return rc ? rc : add_anchor(l, ev, ev->data.scalar.anchor, node, true);
}

static int on_event(loader *l, const yaml_event_t *ev)
{
	const yaml_char_t *tag;
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++l->documents > 1)
			return at(l, ev->start_mark,
				  "a second YAML document ('---') would be ignored: keep one", NULL);
		return 0;
	case YAML_SEQUENCE_START_EVENT:
		tag = tag_of(ev->data.sequence_start.tag);
		return open_node(l, ev,
				 yaml_document_add_sequence(l->doc, (yaml_char_t *)tag,
							    ev->data.sequence_start.style),
				 ev->data.sequence_start.anchor);
	case YAML_MAPPING_START_EVENT:
		tag = tag_of(ev->data.mapping_start.tag);
		return open_node(l, ev,
				 yaml_document_add_mapping(l->doc, (yaml_char_t *)tag,
							   ev->data.mapping_start.style),
				 ev->data.mapping_start.anchor);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		close_node(l, ev);
		return 0;
	case YAML_SCALAR_EVENT:
		return scalar(l, ev);
	case YAML_ALIAS_EVENT:
		return alias(l, ev);
	default:
		return 0;
	}
}

static int parse(loader *l, const char *text, size_t len)
{
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	int rc = 0;
	for (bool end = false; !rc && !end;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			/* straight into the error slot, at its real length */
			rc = ip_error_set(IP_E_CONFIG, "%s:%zu:%zu: error: not valid YAML: %s%s%s",
					  l->name, p.problem_mark.line + 1,
					  p.problem_mark.column + 1,
					  p.problem ? p.problem : "syntax error",
					  p.context ? " " : "", p.context ? p.context : "");
			break;
		}
		rc = on_event(l, &ev);
		end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return rc;
}

/* --- duplicate keys ------------------------------------------------------
 *
 * YAML forbids a key twice in one mapping (YAML 1.2, 3.2.1.1: "the content
 * of a mapping node is an unordered set of key/value node pairs, with the
 * restriction that each of the keys is unique"), but libyaml keeps both,
 * and a loader walking the pairs lets the later one win: a `rules:` line
 * appended at the bottom of a file silently overrides the one a reviewer
 * reads at the top, and a second `rules:` block merges. So every mapping,
 * at any level, of every file iosplan reads is checked here, once. Sorted,
 * not compared pairwise, so a mapping of 100 000 keys stays O(n log n). */
typedef struct key_ref {
	const yaml_node_t *node;
	size_t order; /* position in the mapping */
} key_ref;

static int text_cmp(const yaml_node_t *a, const yaml_node_t *b)
{
	size_t la = a->data.scalar.length, lb = b->data.scalar.length;
	int c = memcmp(a->data.scalar.value, b->data.scalar.value, la < lb ? la : lb);
	return c ? c : (la > lb) - (la < lb);
}

static int key_cmp(const void *pa, const void *pb)
{
	const key_ref *a = pa, *b = pb;
	int c = text_cmp(a->node, b->node);
	return c ? c : (a->order > b->order) - (a->order < b->order);
}

/* A repeated key of mapping m: the repeat met first in the file, and the
 * key it repeats (*repeat stays as it is when m has none earlier). */
static void mapping_dups(yaml_document_t *doc, const yaml_node_t *m, key_ref *v,
			 const yaml_node_t **first, const yaml_node_t **repeat)
{
	size_t n = 0;
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(doc, p->key);
		if (k && k->type == YAML_SCALAR_NODE)
			v[n++] = (key_ref){ k, (size_t)(p - m->data.mapping.pairs.start) };
	}
	qsort(v, n, sizeof(*v), key_cmp);
	/* in each run of one text, in mapping order: the first, then its repeat */
	for (size_t i = 1; i < n; i++) {
		bool starts_run = i < 2 || text_cmp(v[i - 1].node, v[i - 2].node) != 0;
		if (!starts_run || text_cmp(v[i].node, v[i - 1].node) != 0)
			continue;
		if (!*repeat || v[i].node->start_mark.index < (*repeat)->start_mark.index) {
			*first = v[i - 1].node;
			*repeat = v[i].node;
		}
	}
}

static int no_duplicate_keys(const char *name, yaml_document_t *doc)
{
	size_t most = 0;
	for (yaml_node_t *n = doc->nodes.start; n < doc->nodes.top; n++)
		if (n->type == YAML_MAPPING_NODE) {
			size_t k = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
			most = k > most ? k : most;
		}
	if (most < 2)
		return 0;
	key_ref *v = malloc(most * sizeof(*v));
	if (!v)
		ip_out_of_memory();
	const yaml_node_t *first = NULL, *k = NULL;
	for (yaml_node_t *n = doc->nodes.start; n < doc->nodes.top; n++)
		if (n->type == YAML_MAPPING_NODE)
			mapping_dups(doc, n, v, &first, &k);
	free(v);
	if (!k)
		return 0;
	int shown = k->data.scalar.length > 200 ? 200 : (int)k->data.scalar.length;
	return ip_error_set(IP_E_CONFIG, "%s:%zu:%zu: error: duplicate key '%.*s%s' (first at line %zu)",
			    name, k->start_mark.line + 1, k->start_mark.column + 1, shown,
			    (const char *)k->data.scalar.value, shown < (int)k->data.scalar.length ? "..." : "",
			    first->start_mark.line + 1);
}

int ip_yaml_load(yaml_document_t *doc, const char *name, const char *text, size_t len)
{
	memset(doc, 0, sizeof(*doc));
	if (len > IP_YAML_MAX_BYTES)
		return ip_error_set(IP_E_LIMIT, "%s:1:1: error: %zu bytes is over the %u-byte limit for a YAML file",
				    name, len, IP_YAML_MAX_BYTES);
	if (!yaml_document_initialize(doc, NULL, NULL, NULL, 1, 1))
		ip_out_of_memory();
	loader *l = calloc(1, sizeof(*l));
	if (!l)
		ip_out_of_memory();
	l->name = name;
	l->doc = doc;
	int rc = parse(l, text, len);
	if (!rc)
		rc = no_duplicate_keys(name, doc);
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
	free(l);
	if (rc) {
		yaml_document_delete(doc);
		memset(doc, 0, sizeof(*doc));
	}
	return rc;
}
