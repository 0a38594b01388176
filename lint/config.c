#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "cli_token.h"
#include "version.h"
#include "error.h"
#include "small_file.h"
#include "yaml_guard.h"

typedef struct cfg_loader {
	yaml_document_t doc;
	const char *path;
	ip_arena *arena;
	ip_config *cfg;
	ip_normal_register *regs;
	size_t n_regs, cap_regs;
	ip_install_since *since;
	size_t n_since, cap_since;
} cfg_loader;

static int bad(const cfg_loader *l, const yaml_node_t *n, const char *fmt, const char *what)
{
	char *msg = NULL; /* at its real length: what is text from the file */
	if (asprintf(&msg, fmt, what) < 0)
		ip_out_of_memory();
	int rc = ip_error_set(IP_E_CONFIG, "%s:%zu:%zu: error: %s", l->path,
			      n ? n->start_mark.line + 1 : 1, n ? n->start_mark.column + 1 : 1, msg);
	free(msg);
	return rc;
}

static const char *text(const cfg_loader *l, const yaml_node_t *n)
{
	if (!n || n->type != YAML_SCALAR_NODE)
		return NULL;
	return ip_arena_strndup(l->arena, (const char *)n->data.scalar.value, n->data.scalar.length);
}

/* A non-negative integer, decimal or 0x-hex, within max. */
static int number(const cfg_loader *l, const yaml_node_t *n, uint64_t max, uint64_t *out)
{
	const char *s = text(l, n);
	if (!s || !*s || *s == '-')
		return bad(l, n, "%s", "expected a whole number");
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (errno || *end || v > max)
		return bad(l, n, "'%s' is not a whole number in range", s);
	*out = v;
	return 0;
}

#define FOR_PAIRS(l, node, k, v)                                                       \
	for (yaml_node_pair_t *p_ = (node)->data.mapping.pairs.start;                  \
	     p_ < (node)->data.mapping.pairs.top; p_++)                                \
		for (yaml_node_t *k = yaml_document_get_node(&(l)->doc, p_->key),      \
				 *v = yaml_document_get_node(&(l)->doc, p_->value), *o_ = k; \
		     o_; o_ = NULL)

static int rules_section(cfg_loader *l, yaml_node_t *n)
{
	if (n->type != YAML_MAPPING_NODE)
		return bad(l, n, "%s", "'rules' maps rule ids to error, warning, note or off");
	FOR_PAIRS(l, n, k, v) {
		const char *id = text(l, k), *sev = text(l, v);
		size_t i = 0;
		while (id && i < ip_rules_count && strcmp(ip_rules[i]->id, id) != 0)
			i++;
		if (!id || i == ip_rules_count)
			return bad(l, k, "unknown rule '%s' (iosplan rules lists them)", id ? id : "?");
		if (!sev || !ip_severity_parse(sev, &l->cfg->check.severity[i]))
			return bad(l, v, "'%s': use error, warning, note or off", sev ? sev : "?");
	}
	return 0;
}

static int flash_section(cfg_loader *l, yaml_node_t *n)
{
	if (n->type != YAML_MAPPING_NODE)
		return bad(l, n, "%s", "'flash' is a mapping (margin_bytes, margin_percent)");
	FOR_PAIRS(l, n, k, v) {
		const char *key = text(l, k);
		uint64_t x;
		int rc;
		if (key && strcmp(key, "margin_bytes") == 0) {
			if ((rc = number(l, v, UINT64_MAX / 2, &x)))
				return rc;
			l->cfg->check.opts.flash_margin_bytes = x;
		} else if (key && strcmp(key, "margin_percent") == 0) {
			if ((rc = number(l, v, 100, &x)))
				return rc;
			l->cfg->check.opts.flash_margin_percent = (unsigned)x;
		} else
			return bad(l, k, "unknown flash setting '%s' (margin_bytes, margin_percent)", key ? key : "?");
	}
	return 0;
}

static int tftp_section(cfg_loader *l, yaml_node_t *n)
{
	if (n->type != YAML_MAPPING_NODE)
		return bad(l, n, "%s", "'tftp' is a mapping (limit_bytes)");
	FOR_PAIRS(l, n, k, v) {
		const char *key = text(l, k);
		if (!key || strcmp(key, "limit_bytes") != 0)
			return bad(l, k, "unknown tftp setting '%s' (limit_bytes)", key ? key : "?");
		int rc = number(l, v, UINT64_MAX / 2, &l->cfg->check.opts.tftp_limit_bytes);
		if (rc)
			return rc;
	}
	return 0;
}

static int registers_section(cfg_loader *l, yaml_node_t *n)
{
	if (n->type != YAML_MAPPING_NODE)
		return bad(l, n, "%s", "'normal_registers' maps model prefixes to register values");
	FOR_PAIRS(l, n, k, v) {
		const char *model = text(l, k);
		uint64_t x;
		if (!model || !*model)
			return bad(l, k, "%s", "a model prefix is plain text");
		int rc = number(l, v, 0xFFFF, &x);
		if (rc)
			return rc;
		ip_normal_register *r = IP_PUSH(l->arena, l->regs, l->n_regs, l->cap_regs);
		r->model_prefix = model;
		r->value = (uint32_t)x;
	}
	l->cfg->check.opts.normal_registers = l->regs;
	l->cfg->check.opts.n_normal_registers = l->n_regs;
	return 0;
}

/* From which release a series has `install add` (issue 21): series
 * prefix -> release, over the model's table, whose UNCONFIRMED rows
 * (parsers/model/install_flow.c) a site that knows better corrects here. */
static int install_since_section(cfg_loader *l, yaml_node_t *n)
{
	if (n->type != YAML_MAPPING_NODE)
		return bad(l, n, "%s", "'install_commands_since' maps series prefixes to releases");
	FOR_PAIRS(l, n, k, v) {
		const char *series = text(l, k), *rel = text(l, v);
		ip_version ver;
		if (!series || !*series)
			return bad(l, k, "%s", "a series prefix is plain text");
		if (!rel || !ip_version_parse(&ver, rel, strlen(rel)) || ver.scheme != IP_VER_XE)
			return bad(l, v, "'%s' is not an IOS-XE release (16.10.1)", rel ? rel : "?");
		ip_install_since *r = IP_PUSH(l->arena, l->since, l->n_since, l->cap_since);
		r->series = series;
		r->release = rel;
	}
	l->cfg->check.opts.install_since = l->since;
	l->cfg->check.opts.n_install_since = l->n_since;
	return 0;
}

/* The target reaches the plan's commands: it must be one CLI token
 * (cli_token.h), refused here with its place in the file. */
static int target_setting(cfg_loader *l, yaml_node_t *v)
{
	char buf[IP_CLI_WHY_SIZE];
	const char *s = text(l, v), *why;
	if (!s)
		return bad(l, v, "%s", "'target' is an image name");
	if ((why = ip_cli_check(s, IP_CLI_TOKEN, buf, sizeof(buf))))
		return bad(l, v, "'target' cannot be typed at the device CLI: %s", why);
	l->cfg->target = s;
	return 0;
}

/* The letter-case policy of file lookups (parsers/model/fs_model.h says
 * why the default is exact and why it is one setting, not one per kind). */
static int name_case_setting(cfg_loader *l, yaml_node_t *v)
{
	if (!ip_name_case_parse(text(l, v), &l->cfg->name_case))
		return bad(l, v, "'%s' is exact or fold", IP_FS_CASE_SETTING);
	return 0;
}

/* Where a save rewrites the BOOT variable (rules/rule.h ip_save_boot says
 * what is confirmed where). */
static int save_boot_setting(cfg_loader *l, yaml_node_t *v)
{
	static const char *const names[] = { "ios-xe", "switches", "never" };
	const char *s = text(l, v);
	for (size_t i = 0; s && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0) {
			l->cfg->check.opts.save_rewrites_boot = (ip_save_boot)i;
			return 0;
		}
	return bad(l, v, "'%s': save_rewrites_boot is ios-xe, switches or never", s ? s : "?");
}

/* What a reload before install commit boots (planner/boot/boot_sim.h says
 * why it is a setting). */
static int install_reload_setting(cfg_loader *l, yaml_node_t *v)
{
	if (!ip_install_reload_parse(text(l, v), &l->cfg->install_reload))
		return bad(l, v, "'%s' is reverts or keeps", IP_INSTALL_RELOAD_SETTING);
	return 0;
}

static int top(cfg_loader *l)
{
	yaml_node_t *root = yaml_document_get_root_node(&l->doc);
	if (!root)
		return 0; /* an empty file: defaults */
	if (root->type != YAML_MAPPING_NODE)
		return bad(l, root, "%s", "the configuration is a mapping");
	FOR_PAIRS(l, root, k, v) {
		const char *key = text(l, k);
		int rc;
		if (!key)
			return bad(l, k, "%s", "keys are plain text");
		if (strcmp(key, "rules") == 0)
			rc = rules_section(l, v);
		else if (strcmp(key, "flash") == 0)
			rc = flash_section(l, v);
		else if (strcmp(key, "tftp") == 0)
			rc = tftp_section(l, v);
		else if (strcmp(key, "normal_registers") == 0)
			rc = registers_section(l, v);
		else if (strcmp(key, "target") == 0)
			rc = target_setting(l, v);
		else if (strcmp(key, IP_FS_CASE_SETTING) == 0)
			rc = name_case_setting(l, v);
		else if (strcmp(key, "save_rewrites_boot") == 0)
			rc = save_boot_setting(l, v);
		else if (strcmp(key, IP_INSTALL_RELOAD_SETTING) == 0)
			rc = install_reload_setting(l, v);
		else if (strcmp(key, "install_commands_since") == 0)
			rc = install_since_section(l, v);
		else
			rc = bad(l, k, "unknown setting '%s' (rules, flash, tftp, normal_registers, "
				 "target, " IP_FS_CASE_SETTING ", save_rewrites_boot, "
				 IP_INSTALL_RELOAD_SETTING ", install_commands_since)", key);
		if (rc)
			return rc;
	}
	return 0;
}

int ip_config_parse(ip_config *out, ip_arena *a, const char *name, const char *text, size_t len)
{
	memset(out, 0, sizeof(*out));
	ip_check_config_defaults(&out->check);
	out->path = ip_arena_strdup(a, name);
	cfg_loader l = { .path = name, .arena = a, .cfg = out };
	int rc = ip_yaml_load(&l.doc, name, text, len);
	if (rc)
		return rc;
	rc = top(&l);
	yaml_document_delete(&l.doc);
	return rc;
}

int ip_config_load(ip_config *out, ip_arena *a, const char *path)
{
	memset(out, 0, sizeof(*out));
	ip_check_config_defaults(&out->check);
	if (!path)
		return 0;
	char *text;
	size_t len;
	int rc = ip_small_file_read_regular(path, IP_CONFIG_MAX_BYTES, "configuration",
					    IP_E_CONFIG, &text, &len);
	if (rc)
		return rc;
	rc = ip_config_parse(out, a, path, text, len);
	free(text);
	return rc;
}

void ip_config_apply(const ip_config *cfg)
{
	ip_fs_case_policy_set(cfg->name_case);
	ip_install_reload_set(cfg->install_reload);
}

int ip_config_open(ip_config *out, ip_arena *a, const char *given, const char *first_input)
{
	int rc = ip_config_load(out, a, given ? given : ip_config_find(a, first_input));
	if (!rc)
		ip_config_apply(out);
	return rc;
}

bool ip_config_present(const char *path)
{
	/* lstat: a link to a pipe or to nothing is there too, and loading it
	 * says what is wrong with it, rather than a parent's file being used */
	struct stat st;
	return lstat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

const char *ip_config_find(ip_arena *a, const char *input)
{
	char dir[PATH_MAX];
	if (!input || strcmp(input, "-") == 0 || !realpath(input, dir))
		return NULL;
	struct stat st;
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		char *slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
	}
	for (;;) {
		char path[PATH_MAX + 16];
		snprintf(path, sizeof(path), "%s/.iosplan.yaml", dir[0] ? dir : "");
		if (ip_config_present(path))
			return ip_arena_strdup(a, path);
		char *slash = strrchr(dir, '/');
		if (!slash)
			return NULL;
		if (slash == dir) {
			if (!dir[1])
				return NULL;
			dir[1] = '\0';
		} else
			*slash = '\0';
	}
}
