/* Reading rules.yaml: a mapping with one key, `rules`, a sequence of
 * mappings (see the comment at the top of rules.yaml). Unknown keys are
 * errors, so a typo in the catalogue cannot silently drop a field. */
#include "catalogue.h"

#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <yaml.h>

#include "error.h"
#include "yaml_guard.h"

extern const char ip_rules_yaml[];
extern const size_t ip_rules_yaml_len;

typedef struct loader {
	yaml_document_t doc;
	const char *name;
	ip_catalogue *cat;
} loader;

static int fail(const loader *l, const yaml_node_t *n, const char *what)
{
	/* libyaml marks count from 0 */
	return ip_error_set(IP_E_CONFIG, "%s:%zu:%zu: error: %s", l->name,
			    n ? n->start_mark.line + 1 : 1, n ? n->start_mark.column + 1 : 1, what);
}

static const char *scalar(const loader *l, const yaml_node_t *n)
{
	if (!n || n->type != YAML_SCALAR_NODE)
		return NULL;
	return ip_arena_strndup(l->cat->arena, (const char *)n->data.scalar.value,
				n->data.scalar.length);
}

static int example(loader *l, yaml_node_t *n, ip_rule_example *out)
{
	if (n->type != YAML_MAPPING_NODE)
		return fail(l, n, "an example is a mapping with capture and target");
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&l->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&l->doc, p->value);
		const char *key = scalar(l, k), *val = scalar(l, v);
		if (!key || !val)
			return fail(l, k, "example keys and values are plain text");
		if (strcmp(key, "capture") == 0)
			out->capture = val;
		else if (strcmp(key, "target") == 0)
			out->target = val;
		else if (strcmp(key, "size") == 0)
			out->size = val;
		else if (strcmp(key, "md5") == 0)
			out->md5 = val;
		else if (strcmp(key, "catalog") == 0)
			out->catalog = val;
		else
			return fail(l, k, "unknown example key (capture, target, size, md5, catalog)");
	}
	return 0;
}

static int examples(loader *l, yaml_node_t *n, ip_rule_doc *d)
{
	if (n->type != YAML_MAPPING_NODE)
		return fail(l, n, "examples is a mapping with bad and good");
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&l->doc, p->key);
		const char *key = scalar(l, k);
		int rc = -1;
		if (key && strcmp(key, "bad") == 0)
			rc = example(l, yaml_document_get_node(&l->doc, p->value), &d->bad);
		else if (key && strcmp(key, "good") == 0)
			rc = example(l, yaml_document_get_node(&l->doc, p->value), &d->good);
		else
			return fail(l, k, "unknown examples key (bad, good)");
		if (rc)
			return rc;
	}
	return 0;
}

static int captures(loader *l, yaml_node_t *n, ip_rule_doc *d)
{
	if (n->type != YAML_SEQUENCE_NODE)
		return fail(l, n, "captures is a list of commands");
	if (d->n_captures) /* a second list would start over in a fresh array */
		return fail(l, n, "captures given twice");
	size_t cap = 0;
	for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++) {
		const char *c = scalar(l, yaml_document_get_node(&l->doc, *i));
		if (!c)
			return fail(l, n, "captures holds plain commands");
		*IP_PUSH(l->cat->arena, d->captures, d->n_captures, cap) = c;
	}
	return 0;
}

static int field(loader *l, ip_rule_doc *d, const char *key, yaml_node_t *k, yaml_node_t *v)
{
	if (strcmp(key, "examples") == 0)
		return examples(l, v, d);
	if (strcmp(key, "captures") == 0)
		return captures(l, v, d);
	const char *val = scalar(l, v);
	if (!val)
		return fail(l, v, "expected plain text");
	if (strcmp(key, "id") == 0)
		d->id = val;
	else if (strcmp(key, "title") == 0)
		d->title = val;
	else if (strcmp(key, "rationale") == 0)
		d->rationale = val;
	else if (strcmp(key, "fix") == 0)
		d->fix = val;
	else if (strcmp(key, "severity") == 0) {
		if (!ip_severity_parse(val, &d->severity) || d->severity == IP_SEV_NONE)
			return fail(l, v, "severity is error, warning or note");
	} else
		return fail(l, k, "unknown key (id, severity, title, rationale, fix, captures, examples)");
	return 0;
}

static int entry(loader *l, yaml_node_t *n)
{
	if (n->type != YAML_MAPPING_NODE)
		return fail(l, n, "each rule is a mapping");
	ip_rule_doc *d = IP_PUSH(l->cat->arena, l->cat->v, l->cat->n, l->cat->cap);
	d->line = (uint32_t)n->start_mark.line + 1;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&l->doc, p->key);
		const char *key = scalar(l, k);
		if (!key)
			return fail(l, k, "keys are plain text");
		int rc = field(l, d, key, k, yaml_document_get_node(&l->doc, p->value));
		if (rc)
			return rc;
	}
	if (!d->id || !d->title || !d->rationale || !d->fix || d->severity == IP_SEV_NONE)
		return fail(l, n, "a rule needs id, severity, title, rationale and fix");
	return 0;
}

static int walk(loader *l)
{
	yaml_node_t *root = yaml_document_get_root_node(&l->doc);
	if (!root || root->type != YAML_MAPPING_NODE)
		return fail(l, root, "the catalogue is a mapping with a 'rules' list");
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&l->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&l->doc, p->value);
		const char *key = scalar(l, k);
		if (!key || strcmp(key, "rules") != 0)
			return fail(l, k, "unknown top-level key (rules)");
		if (v->type != YAML_SEQUENCE_NODE)
			return fail(l, v, "'rules' is a list");
		for (yaml_node_item_t *i = v->data.sequence.items.start; i < v->data.sequence.items.top; i++) {
			int rc = entry(l, yaml_document_get_node(&l->doc, *i));
			if (rc)
				return rc;
		}
	}
	return 0;
}

int ip_catalogue_parse(ip_catalogue **out, const char *name, const char *text, size_t len)
{
	loader l = { .name = name };
	int rc = ip_yaml_load(&l.doc, name, text, len);
	if (rc)
		return rc;
	ip_catalogue *c = calloc(1, sizeof(*c));
	if (!c)
		ip_out_of_memory();
	c->arena = ip_arena_new();
	l.cat = c;
	rc = walk(&l);
	yaml_document_delete(&l.doc);
	if (rc) {
		ip_catalogue_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

void ip_catalogue_free(ip_catalogue *c)
{
	if (!c)
		return;
	ip_arena_free(c->arena);
	free(c);
}

const ip_rule_doc *ip_catalogue_find(const ip_catalogue *c, const char *id)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].id, id) == 0)
			return &c->v[i];
	return NULL;
}

static ip_catalogue *builtin;

static void load_builtin(void)
{
	/* The embedded catalogue is checked by the test suite; failing here is
	 * a build defect, reported and fatal. */
	if (ip_catalogue_parse(&builtin, "rules/rules.yaml", ip_rules_yaml, ip_rules_yaml_len)) {
		fprintf(stderr, "iosplan: internal error: %s\n", ip_error_last());
		abort();
	}
}

const ip_catalogue *ip_catalogue_builtin(void)
{
	static once_flag once = ONCE_FLAG_INIT;
	call_once(&once, load_builtin);
	return builtin;
}
