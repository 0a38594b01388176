/* Fuzz target: the Ansible playbook (issue 18, points 1 and 2).
 *
 * Input: as fuzz_e2e.c's, an optional first line "target=NAME [SIZE [MD5]]"
 * then a capture; the plan of every device is built for the ansible format
 * (the options picked by the input's length) and written, and the playbook
 * is read back with libyaml. Invariants:
 * - it is one YAML document, a sequence of plays (mappings);
 * - no scalar holds template syntax (`{{`, `{%`, `{#`) unless it is tagged
 *   !unsafe or is one of iosplan's own templates (the guard's message, the
 *   operator's password answer);
 * - every `hosts:` is !unsafe and names a planned device whose name passes
 *   ip_plan_ansible_host_ok, and every plan refused for its hostname has
 *   none. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "error.h"
#include "fuzz.h"
#include "plan_write.h"
#include "target.h"

static const char *const default_targets[] = {
	"isr4300-universalk9.16.12.04.SPA.bin",
	"c2960-lanbasek9-mz.152-7.E9.bin",
	"cat9k_iosxe.17.09.04a.SPA.bin",
	"flash:c3750e-universalk9-tar.122-55.SE12.tar",
};

/* iosplan's own templates, the only ones a playbook may carry untagged
 * (plan_ansible.c writes them; the samples' replay fails if they drift). */
static bool own_template(const char *s)
{
	return strcmp(s, "{{ scp_password }}") == 0 || strcmp(s, "{{ scp_user }}") == 0 ||
	       strcmp(s, "{{ iosplan_scp_url[0] }}{{ scp_user }}@{{ iosplan_scp_url[1] }}") == 0 ||
	       strcmp(s, "{{ iosplan_cmd[0] }}{{ rollback_id | string | trim | int }}"
			 "{{ iosplan_cmd[1] }}") == 0 ||
	       strcmp(s, "hosts: matched {{ ansible_play_hosts_all | length }} host(s) and this one "
			 "is {{ inventory_hostname }}; the play is for the one inventory host "
			 "{{ iosplan_device }}: is a group named like it?") == 0;
}

static bool unsafe(const yaml_node_t *n)
{
	return n->tag && strcmp((const char *)n->tag, "!unsafe") == 0;
}

static void check_scalars(yaml_document_t *doc, yaml_node_t *n, int depth)
{
	FUZZ_CHECK(depth < 64, "the playbook nests too deep");
	if (n->type == YAML_SCALAR_NODE) {
		const char *s = (const char *)n->data.scalar.value;
		bool tmpl = strstr(s, "{{") || strstr(s, "{%") || strstr(s, "{#");
		FUZZ_CHECK(!tmpl || unsafe(n) || own_template(s),
			   "template syntax in an untagged scalar: %.300s", s);
	} else if (n->type == YAML_SEQUENCE_NODE) {
		for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++)
			check_scalars(doc, yaml_document_get_node(doc, *i), depth + 1);
	} else {
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
			check_scalars(doc, yaml_document_get_node(doc, p->key), depth + 1);
			check_scalars(doc, yaml_document_get_node(doc, p->value), depth + 1);
		}
	}
}

/* The value of key in mapping m, or NULL. */
static yaml_node_t *get(yaml_document_t *doc, yaml_node_t *m, const char *key)
{
	if (!m || m->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		if (k->type == YAML_SCALAR_NODE && strcmp((const char *)k->data.scalar.value, key) == 0)
			return yaml_document_get_node(doc, p->value);
	}
	return NULL;
}

/* The play's hosts: names a planned device, validated, and its first task
 * is the guard that fails a play matching more than that one host. */
static void check_hosts(yaml_document_t *doc, yaml_node_t *play, const ip_plan *const *plans,
			size_t n)
{
	FUZZ_CHECK(play->type == YAML_MAPPING_NODE, "a play is not a mapping");
	const yaml_node_t *hosts = get(doc, play, "hosts");
	FUZZ_CHECK(hosts && hosts->type == YAML_SCALAR_NODE && unsafe(hosts),
		   "a play without an !unsafe hosts:");
	yaml_node_t *tasks = get(doc, play, "tasks");
	FUZZ_CHECK(tasks && tasks->type == YAML_SEQUENCE_NODE &&
			   tasks->data.sequence.items.start < tasks->data.sequence.items.top,
		   "a play without tasks");
	yaml_node_t *when = get(doc, yaml_document_get_node(doc, *tasks->data.sequence.items.start),
				"when");
	FUZZ_CHECK(when && when->type == YAML_SCALAR_NODE &&
			   strcmp((const char *)when->data.scalar.value,
				  "ansible_play_hosts_all | length != 1 or inventory_hostname != "
				  "iosplan_device") == 0,
		   "a play whose first task is not the one-host guard");
	const char *h = (const char *)hosts->data.scalar.value;
	FUZZ_CHECK(ip_plan_ansible_host_ok(h), "hosts: '%.100s' is not a validated name", h);
	bool planned = false;
	for (size_t i = 0; i < n; i++)
		planned |= !plans[i]->refused && strcmp(plans[i]->hostname, h) == 0;
	FUZZ_CHECK(planned, "hosts: '%.100s' is no planned device", h);
}

static void read_back(const char *buf, size_t len, const ip_plan *const *plans, size_t n)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	FUZZ_CHECK(yaml_parser_load(&parser, &doc), "the playbook is not YAML: %s at line %zu",
		   parser.problem ? parser.problem : "?", parser.problem_mark.line + 1);
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	FUZZ_CHECK(root && root->type == YAML_SEQUENCE_NODE, "the playbook is not a list of plays");
	check_scalars(&doc, root, 0);
	for (yaml_node_item_t *i = root->data.sequence.items.start; i < root->data.sequence.items.top; i++)
		check_hosts(&doc, yaml_document_get_node(&doc, *i), plans, n);
	yaml_document_delete(&doc);
	/* one document only: a comment broken out of its line would add one */
	FUZZ_CHECK(yaml_parser_load(&parser, &doc), "the playbook does not end");
	FUZZ_CHECK(!yaml_document_get_root_node(&doc), "the playbook holds a second document");
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
}

static ip_target *target_of(ip_arena *a, const char **p, size_t *size)
{
	if (*size > 7 && memcmp(*p, "target=", 7) == 0) {
		const char *nl = memchr(*p, '\n', *size), *e = nl ? nl : *p + *size;
		char *line = ip_arena_strndup(a, *p + 7, (size_t)(e - *p - 7)), *save = NULL;
		char *name = strtok_r(line, " ", &save);
		*size -= (size_t)((nl ? nl + 1 : e) - *p);
		*p = nl ? nl + 1 : e;
		if (name) {
			ip_target *t = ip_target_from_name(a, name, "--target");
			char *sz = strtok_r(NULL, " ", &save), *md5 = strtok_r(NULL, " ", &save);
			t->size = (ip_u64){ sz != NULL, sz ? strtoull(sz, NULL, 10) : 0, { 0 } };
			t->md5 = md5;
			return t;
		}
	}
	ip_target *t = ip_target_from_name(a, default_targets[*size % 4], "--target");
	t->size = (ip_u64){ true, 521347072, { 0 } };
	t->md5 = "a3f8c12d9e4b72f1c8d5a0e3b6f91234";
	return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ip_device_set *set = ip_device_set_new();
	const char *p = (const char *)data;
	size_t n = size;
	ip_target *t = target_of(set->arena, &p, &n);
	ip_capture *cap = NULL;
	if (ip_capture_from_buffer(&cap, set->arena, "fuzz.log", p, n) != 0 ||
	    ip_device_set_add_captures(set, &cap, 1) != 0)
		goto done;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.ansible = true;
	o.transfer = size & 1 ? IP_TRANSFER_SCP : IP_TRANSFER_TFTP;
	o.allow_delete_running = (size & 2) != 0;
	o.server = size & 4 ? "10.0.0.1" : NULL;
	const ip_plan **plans = ip_arena_alloc(set->arena, (set->n ? set->n : 1) * sizeof(*plans));
	for (size_t i = 0; i < set->n; i++) {
		ip_plan *pl = ip_arena_alloc(set->arena, sizeof(*pl));
		ip_plan_build(pl, set->arena, set->v[i], t, &o);
		FUZZ_CHECK(pl->refused || ip_plan_ansible_host_ok(pl->hostname),
			   "planned for the ansible format with hostname '%.100s'", pl->hostname);
		plans[i] = pl;
	}
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	FUZZ_CHECK(out, "open_memstream");
	FUZZ_CHECK(ip_plan_write_ansible(out, plans, set->n) == 0, "the playbook did not print");
	fclose(out);
	read_back(buf, len, plans, set->n);
	free(buf);
done:
	ip_device_set_free(set);
	return 0;
}
