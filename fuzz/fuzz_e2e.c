/* Fuzz target: the whole pipeline, as `iosplan lint` and `iosplan facts` run
 * it: captures -> device states -> next-boot prediction -> rules -> every
 * output format.
 *
 * Input: an optional first line "target=NAME [SIZE [MD5]]", then one or two
 * captures separated by a line "--8<--" (the second is named like a backup's
 * startup-config, so the file-name heuristics and the per-file device
 * grouping run too). The rules run without a target or, for inputs of odd
 * length, with one (the given one, else one of a fixed list picked by the
 * input's length); one output format per input, picked by the length too.
 *
 * Invariants: every device fact and diagnostic as in fuzz.h; the prediction
 * names an image when it says it boots one, and the capture it lacks when it
 * is unknown; findings carry a known rule id, a severity, a one-line message
 * and valid spans, sorted as the engine promises; the JSON and SARIF outputs
 * parse back as JSON. With a target, the plan of each device keeps the
 * planner's safety properties (tests/plan_invariants.h: the target boots at
 * the reload, nothing unverified is booted, the last bootable image is never
 * deleted before the verify, a fallback or a warning, one reload) and prints
 * in one of its formats. */
#include <stdlib.h>
#include <string.h>

#include "boot_sim.h"
#include "catalogue.h"
#include "engine.h"
#include "error.h"
#include "facts.h"
#include "format.h"
#include "fuzz.h"
#include "plan_write.h"
#include "plan_invariants.h"
#include "platform.h"
#include "target.h"
#include "utf8.h"

static const char *const default_targets[] = {
	"c2960-lanbasek9-mz.152-7.E9.bin",
	"isr4300-universalk9.16.12.04.SPA.bin",
	"cat9k_iosxe.17.09.04a.SPA.bin",
	"bootflash:packages.conf",
	"flash:c3750e-universalk9-tar.122-55.SE12.tar",
};

typedef struct input {
	const ip_capture *caps[2];
	size_t n_caps;
	ip_target *target;
} input;

static ip_target *target_line(ip_arena *a, const char *p, size_t len)
{
	char *line = ip_arena_strndup(a, p, len);
	char *save = NULL, *name = strtok_r(line, " ", &save);
	if (!name)
		return NULL;
	ip_target *t = ip_target_from_name(a, name, "--target");
	char *size = strtok_r(NULL, " ", &save), *md5 = strtok_r(NULL, " ", &save);
	if (size) {
		t->size.known = true;
		t->size.v = strtoull(size, NULL, 10);
	}
	t->md5 = md5;
	return t;
}

/* Cut the input into the target line and up to two captures. */
static void read_input(input *in, ip_device_set *set, const char *p, size_t size)
{
	memset(in, 0, sizeof(*in));
	const char *end = p + size;
	if (size > 7 && memcmp(p, "target=", 7) == 0) {
		const char *nl = memchr(p, '\n', size);
		const char *e = nl ? nl : end;
		in->target = target_line(set->arena, p + 7, (size_t)(e - p - 7));
		p = nl ? nl + 1 : end;
	}
	static const char cut[] = "\n--8<--\n";
	const char *m = memmem(p, (size_t)(end - p), cut, sizeof(cut) - 1);
	const char *names[] = { "fuzz.log", "R9-startup.cfg" };
	const char *parts[2][2] = { { p, m ? m + 1 : end }, { m ? m + sizeof(cut) - 1 : end, end } };
	for (int i = 0; i < (m ? 2 : 1); i++) {
		ip_capture *c = NULL;
		if (ip_capture_from_buffer(&c, set->arena, names[i], parts[i][0],
					   (size_t)(parts[i][1] - parts[i][0])) == 0)
			in->caps[in->n_caps++] = c;
	}
}

static void check_prediction(const input *in, const ip_boot_prediction *p)
{
	FUZZ_CHECK(p->outcome <= IP_NEXT_PLATFORM_ROM, "outcome %d", (int)p->outcome);
	FUZZ_CHECK(ip_next_outcome_name(p->outcome), "unnamed outcome");
	if (p->outcome == IP_NEXT_IMAGE || p->outcome == IP_NEXT_AMBIGUOUS)
		FUZZ_CHECK(p->path, "boots an image without naming it");
	if (p->outcome == IP_NEXT_AMBIGUOUS)
		FUZZ_CHECK(p->alt_path, "ambiguous without the alternative");
	if (p->outcome == IP_NEXT_UNKNOWN)
		FUZZ_CHECK(p->missing || p->unknown_why,
			   "unknown without naming the capture that would decide, or why none would");
	fuzz_check_span(in->caps, in->n_caps, p->span, "prediction");
	for (size_t i = 0; i < p->n_trace; i++) {
		FUZZ_CHECK(p->trace[i].text, "trace line %zu empty", i);
		fuzz_check_span(in->caps, in->n_caps, p->trace[i].span, p->trace[i].text);
	}
}

static void check_finding(const input *in, const ip_finding *f)
{
	FUZZ_CHECK(f->rule_id && ip_rule_find(f->rule_id), "unknown rule '%s'",
		   f->rule_id ? f->rule_id : "(null)");
	FUZZ_CHECK(f->severity >= IP_SEV_NOTE && f->severity <= IP_SEV_ERROR, "%s: severity %d",
		   f->rule_id, (int)f->severity);
	FUZZ_CHECK(f->message && f->message[0] && !strchr(f->message, '\n'),
		   "%s: message '%s' is not one line", f->rule_id,
		   f->message ? f->message : "(null)");
	fuzz_check_span(in->caps, in->n_caps, f->span, f->rule_id);
	for (size_t i = 0; i < f->n_related; i++) {
		FUZZ_CHECK(f->related[i].message, "%s: related %zu without text", f->rule_id, i);
		fuzz_check_span(in->caps, in->n_caps, f->related[i].span, f->related[i].message);
	}
	for (size_t i = 0; i < f->n_fix; i++)
		FUZZ_CHECK(f->fix[i] && f->fix[i][0], "%s: empty fix %zu", f->rule_id, i);
}

static int span_order(ip_span a, ip_span b)
{
	int c = strcmp(a.file ? a.file : "", b.file ? b.file : "");
	if (c)
		return c;
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return a.col < b.col ? -1 : a.col > b.col;
}

static void check_findings(const input *in, const ip_device_check *c)
{
	for (size_t i = 0; i < c->n_findings; i++) {
		check_finding(in, &c->findings[i]);
		if (i == 0)
			continue;
		const ip_finding *a = &c->findings[i - 1], *b = &c->findings[i];
		int o = span_order(a->span, b->span);
		FUZZ_CHECK(o < 0 || (o == 0 && strcmp(a->rule_id, b->rule_id) <= 0),
			   "findings %zu (%s) and %zu (%s) out of order", i - 1, a->rule_id, i,
			   b->rule_id);
	}
}

/* Run a writer into memory; JSON formats must parse back. */
static void write_all(const ip_writer *w, const ip_lint_result *r, bool is_json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	FUZZ_CHECK(out, "open_memstream");
	ip_lint_write(w, out, r);
	fclose(out);
	if (is_json) {
		cJSON *doc = cJSON_ParseWithLength(buf, len);
		FUZZ_CHECK(doc, "%s output is not JSON: %.200s", w->name, buf);
		FUZZ_CHECK(ip_utf8_valid(buf, len), "%s output is not UTF-8", w->name);
		cJSON_Delete(doc);
	}
	free(buf);
}

static void facts_out(const ip_device *d, const ip_boot_prediction *next)
{
	cJSON *doc = facts_device_json(d, next);
	char *s = ip_json_print_utf8(doc, 1);
	cJSON_Delete(doc);
	FUZZ_CHECK(s, "facts JSON did not print");
	cJSON *back = cJSON_Parse(s);
	FUZZ_CHECK(back, "facts JSON does not parse back: %.200s", s);
	FUZZ_CHECK(ip_utf8_valid(s, strlen(s)), "facts JSON is not UTF-8");
	cJSON_Delete(back);
	free(s);
	FILE *null = fopen("/dev/null", "w");
	if (null) {
		facts_device_text(null, d, next);
		fclose(null);
	}
}

/* The plan of every device (or its refusal) keeps the planner's safety
 * properties (tests/plan_invariants.h), and prints; JSON parses back. */
static void check_plans(ip_device_set *set, const ip_target *t, const ip_check_config *cfg,
			size_t size)
{
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.check = cfg;
	o.transfer = size & 4 ? IP_TRANSFER_SCP : IP_TRANSFER_TFTP;
	o.allow_delete_running = (size & 8) != 0;
	o.server = size & 16 ? "10.0.0.1" : NULL;
	const ip_plan **plans = ip_arena_alloc(set->arena, (set->n ? set->n : 1) * sizeof(*plans));
	for (size_t i = 0; i < set->n; i++) {
		ip_plan *p = ip_arena_alloc(set->arena, sizeof(*p));
		ip_plan_build(p, set->arena, set->v[i], t, &o);
		const char *broken = plan_invariants_check(p, set->arena);
		FUZZ_CHECK(!broken, "the plan for '%s' breaks %s", p->hostname, broken);
		plans[i] = p;
	}
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len), *err = fopen("/dev/null", "w");
	FUZZ_CHECK(out && err, "open_memstream");
	ip_plan_format f = (ip_plan_format)((size / 32) % 4);
	FUZZ_CHECK(ip_plan_write(f, out, err, plans, set->n) == 0, "the plan did not print");
	fclose(out);
	fclose(err);
	/* A playbook is YAML, which is UTF-8 (libyaml refuses anything else). */
	FUZZ_CHECK(f != IP_PLAN_ANSIBLE || ip_utf8_valid(buf, len), "the playbook is not UTF-8");
	if (f == IP_PLAN_JSON) {
		cJSON *doc = cJSON_ParseWithLength(buf, len);
		FUZZ_CHECK(doc, "plan JSON does not parse back: %.200s", buf);
		FUZZ_CHECK(ip_utf8_valid(buf, len), "plan JSON is not UTF-8");
		cJSON_Delete(doc);
	}
	free(buf);
}

/* One pass of the rules and one writer per input (picked by its length),
 * so that every execution stays cheap and all of them get run. */
static void check_set(const input *in, ip_device_set *set, size_t size)
{
	ip_check_config cfg;
	ip_check_config_defaults(&cfg);
	ip_device_check *checks = ip_arena_alloc(set->arena, (set->n ? set->n : 1) * sizeof(*checks));
	const ip_target *t = size & 1 ? in->target : NULL;
	for (size_t i = 0; i < set->n; i++) {
		ip_check_device(&checks[i], set->arena, set->v[i], t, &cfg);
		check_prediction(in, &checks[i].next_boot);
		check_findings(in, &checks[i]);
		if (!t)
			facts_out(set->v[i], &checks[i].next_boot);
	}
	ip_lint_result r = { set, checks, set->n, t, ip_catalogue_builtin(), (size & 2) != 0 };
	static const ip_writer *const writers[] = { &format_text, &format_gcc, &format_markdown,
						    &format_json, &format_sarif };
	size_t w = (size / 2) % 5;
	write_all(writers[w], &r, w >= 3);
	if (t)
		check_plans(set, t, &cfg, size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ip_device_set *set = ip_device_set_new();
	input in;
	read_input(&in, set, (const char *)data, size);
	if (!in.target)
		in.target = ip_target_from_name(set->arena, default_targets[size % 5], "--target");
	if (in.n_caps == 0)
		goto done;
	int rc = ip_device_set_add_captures(set, (ip_capture *const *)in.caps, in.n_caps);
	FUZZ_CHECK(rc == 0 || rc == IP_E_LIMIT, "assembly returned %d: %s", rc, ip_error_last());
	if (rc)
		goto done;
	fuzz_check_diags(in.caps, in.n_caps, &set->diags);
	for (size_t i = 0; i < set->n; i++)
		fuzz_check_device(in.caps, in.n_caps, set->v[i]);
	check_set(&in, set, size);
done:
	ip_device_set_free(set);
	return 0;
}
