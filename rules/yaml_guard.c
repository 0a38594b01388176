/* The YAML limits of yaml_guard.h, on libyaml's event stream: one pass,
 * nothing built, memory bounded by the anchor table. */
#include "yaml_guard.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "error.h"

typedef struct anchor {
	char *name;
	bool scalar;
	size_t len; /* a scalar's length */
} anchor;

typedef struct guard {
	const char *name;
	size_t depth;
	size_t documents;
	size_t expansion;
	anchor v[IP_YAML_MAX_ANCHORS];
	size_t n;
} guard;

/* libyaml marks count from 0, iosplan's from 1. */
static int at(const guard *g, yaml_mark_t m, const char *what, const char *arg)
{
	return ip_error_set(IP_E_CONFIG, "%s:%zu:%zu: error: %s%s", g->name, m.line + 1,
			    m.column + 1, what, arg ? arg : "");
}

static int add_anchor(guard *g, const yaml_event_t *ev, const yaml_char_t *name, bool scalar)
{
	if (!name)
		return 0;
	if (g->n == IP_YAML_MAX_ANCHORS)
		return at(g, ev->start_mark, "more than 1000 anchors (&name)", NULL);
	anchor *a = &g->v[g->n++];
	a->name = strdup((const char *)name);
	if (!a->name)
		abort();
	a->scalar = scalar;
	a->len = scalar ? ev->data.scalar.length : 0;
	return 0;
}

static int alias(guard *g, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	const anchor *a = NULL;
	for (size_t i = g->n; i-- > 0 && !a;) /* the latest definition wins */
		if (strcmp(g->v[i].name, name) == 0)
			a = &g->v[i];
	if (!a)
		return at(g, ev->start_mark, "undefined alias *", name);
	if (!a->scalar)
		return at(g, ev->start_mark,
			  "an alias may only stand for a plain value, not a list or mapping: *", name);
	g->expansion += a->len + 1;
	if (g->expansion > IP_YAML_MAX_EXPANSION)
		return at(g, ev->start_mark,
			  "aliases expand to more than 1 MiB of text (a YAML bomb?)", NULL);
	return 0;
}

static int open_node(guard *g, const yaml_event_t *ev, const yaml_char_t *anchor_name)
{
	if (++g->depth > IP_YAML_MAX_DEPTH)
		return at(g, ev->start_mark, "nested more than 64 levels deep", NULL);
	return add_anchor(g, ev, anchor_name, false);
}

static int on_event(guard *g, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++g->documents > 1)
			return at(g, ev->start_mark,
				  "a second YAML document ('---') would be ignored: keep one", NULL);
		return 0;
	case YAML_SEQUENCE_START_EVENT:
		return open_node(g, ev, ev->data.sequence_start.anchor);
	case YAML_MAPPING_START_EVENT:
		return open_node(g, ev, ev->data.mapping_start.anchor);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		g->depth--;
		return 0;
	case YAML_SCALAR_EVENT:
		return add_anchor(g, ev, ev->data.scalar.anchor, true);
	case YAML_ALIAS_EVENT:
		return alias(g, ev);
	default:
		return 0;
	}
}

int ip_yaml_guard(const char *name, const char *text, size_t len)
{
	if (len > IP_YAML_MAX_BYTES)
		return ip_error_set(IP_E_LIMIT, "%s:1:1: error: %zu bytes is over the %u-byte limit for a YAML file",
				    name, len, IP_YAML_MAX_BYTES);
	guard *g = calloc(1, sizeof(*g));
	if (!g)
		abort();
	g->name = name;
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	int rc = 0;
	for (bool end = false; !rc && !end;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			char why[300];
			snprintf(why, sizeof(why), "not valid YAML: %s%s%s",
				 p.problem ? p.problem : "syntax error", p.context ? " " : "",
				 p.context ? p.context : "");
			rc = at(g, p.problem_mark, why, NULL);
			break;
		}
		rc = on_event(g, &ev);
		end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	for (size_t i = 0; i < g->n; i++)
		free(g->v[i].name);
	free(g);
	return rc;
}
