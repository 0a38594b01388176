/* The plan's way back (issue 22, "The plan": "what the rollback needs and
 * whether anything in this change makes it one-way (ROMMON, secrets,
 * licensing), so a reviewer sees both directions"). One table: a device
 * (captures under samples/ and tests/captures/way-back/, the README there
 * says what each shows), a target and its catalogue entry, and what the
 * way back must say, checked on the plan and in the text and JSON a
 * reviewer reads.
 *
 * Captures: traps/rommon-asr1001x.log (ASR1001-X, ROMMON 15.4(3r)S5, the
 * issue's case) and its 16.9(1r) twin; tests/captures/isr4321-rommon-old.log
 * (ISR4321 at 15.4(3r)S3); netstuts-r1.log (ISR4321 16.9.6, ROMMON not
 * captured); stack-3850-16-3.log (Cat3850 stack on 16.3.6); way-back/:
 * a $14$ secret for the 3850 and for the ISR, type 6 for the ISR, and the
 * ISR on 16.12.4; stack-3750x-tar.log with its next-reload level changed. */
#include <cJSON.h>
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "plan.h"
#include "plan_query.h"
#include "plan_invariants.h"
#include "escape.h"
#include "plan_write.h"

#define MD5_T "3c5d1e2f4a6b8c0d9e7f1a2b3c4d5e6f"
#define MD5_R "6d1f0c3b2a4e5f60718293a4b5c6d7e8"
#define PKG "{name: r.pkg, size: 4194304, md5: " MD5_R "}"
#define ENTRY(name, size, plat) "images:\n  - name: " name "\n    size: " size "\n" \
	"    md5: " MD5_T "\n    platforms: [" plat "]\n"
#define ONE_WAY(min) "    min_rommon: \"" min "\"\n    rommon_one_way: [\"16.9(1r)\"]\n" \
	"    rommon_image: " PKG "\n"
#define SLUP "    license_model: {model: Smart Licensing Using Policy, since: 17.3.2}\n"
#define ASR "asr1001x-universalk9.16.12.04.SPA.bin"
#define ISR "isr4300-universalk9.16.12.04.SPA.bin"
#define ISR17 "isr4300-universalk9.17.03.04a.SPA.bin"
#define ASR17 "asr1001x-universalk9.17.09.04a.SPA.bin"
#define C3K "cat3k_caa-universalk9.16.12.12.SPA.bin"
#define C3750 "c3750e-universalk9-tar.152-4.E10.tar"
#define WB "../tests/captures/way-back/"
#define NONE (-1)

typedef struct wcase {
	const char *row;
	const char *capture[3]; /* under samples/, NULL-ended */
	const char *swap[2];    /* a capture line replaced (from, to), or NULL */
	const char *target;
	const char *catalog;
	int kind;               /* the first one-way's ip_one_way_kind, NONE: none */
	bool unconfirmed;
	const char *why;        /* part of its sentence */
	bool rollback_warns;    /* the rollback has a warning */
} wcase;

static const wcase cases[] = {
	{ "ASR1001-X 15.4(3r)S5 past one-way 16.9(1r)", { "traps/rommon-asr1001x.log" }, { 0 },
	  ASR, ENTRY(ASR, "479215104", "asr1001x") ONE_WAY("16.9(1r)"), IP_ONE_WAY_ROMMON, false,
	  "the ROMMON goes from 15.4(3r)S5 to 16.9(1r) or later, past 16.9(1r)", false },
	{ "ISR4321 15.4(3r)S3 past one-way 16.9(1r)", { "../tests/captures/isr4321-rommon-old.log" },
	  { 0 }, ISR, ENTRY(ISR, "479215104", "isr4300") ONE_WAY("16.12(2r)"), IP_ONE_WAY_ROMMON,
	  false, "from 15.4(3r)S3 to 16.12(2r) or later, past 16.9(1r)", false },
	{ "ISR4321, ROMMON not captured: one-way if so", { "netstuts-r1.log" }, { 0 }, ISR,
	  ENTRY(ISR, "479215104", "isr4300") ONE_WAY("16.9(1r)"), IP_ONE_WAY_ROMMON, true,
	  "no capture shows the ROMMON now ('show rom-monitor r0' or 'show platform')", false },
	{ "ASR1001-X at 16.9(1r) already: open", { "traps/rommon-asr1001x-16-9.log" }, { 0 }, ASR,
	  ENTRY(ASR, "479215104", "asr1001x") ONE_WAY("16.9(1r)"), NONE, false, NULL, false },
	{ "Cat3850 16.3.6 with $14$, to 16.12.12: the rollback locks out",
	  { "stack-3850-16-3.log", WB "secret14-3850-163.log" }, { 0 }, C3K,
	  ENTRY(C3K, "491470848", "cat3k_caa"), IP_ONE_WAY_SECRETS, false,
	  "the rollback boots 16.03.06, before 16.12.1, which cannot read the $14$", true },
	{ "ISR4321 16.9.6 with $14$: a router, the boundary UNCONFIRMED",
	  { "netstuts-r1.log", WB "secret14-isr4321.log" }, { 0 }, ISR,
	  ENTRY(ISR, "479215104", "isr4300"), IP_ONE_WAY_SECRETS, true, "UNCONFIRMED here", true },
	{ "ISR4321 16.9.6 with a type 6 key", { "netstuts-r1.log", WB "type6-isr4321.log" }, { 0 },
	  ISR, ENTRY(ISR, "479215104", "isr4300"), IP_ONE_WAY_SECRETS, true,
	  "with type 6 passwords in 'show running-config", true },
	{ "ISR4321 16.12.4 to 17.3.4a crosses Smart Licensing Using Policy",
	  { WB "isr4321-16-12.log" }, { 0 }, ISR17, ENTRY(ISR17, "479215104", "isr4300") SLUP,
	  IP_ONE_WAY_LICENSE_MODEL, false,
	  "the target brings Smart Licensing Using Policy (from 17.3.2; catalogue, unsourced): "
	  "going back to 16.12.04", false },
	{ "ASR1001-X 16.9.4 to 17.9.4a crosses it too", { "traps/rommon-asr1001x-16-9.log" },
	  { 0 }, ASR17, ENTRY(ASR17, "479215104", "asr1001x") SLUP, IP_ONE_WAY_LICENSE_MODEL,
	  false, "going back to 16.09.04", false },
	{ "ISR4321 16.9.6 to 16.12.4 stays before it", { "netstuts-r1.log" }, { 0 }, ISR,
	  ENTRY(ISR, "479215104", "isr4300") SLUP, NONE, false, NULL, false },
	{ "3750-X stack, next-reload level ipbase", { NULL },
	  { "Next reload license Level: ipservices", "Next reload license Level: ipbase" }, C3750,
	  ENTRY(C3750, "23900160", "c3750e"), IP_ONE_WAY_LICENSE_LEVEL, false,
	  "from ipservices to ipbase, and the rollback does not change it back", false },
	{ "ISR4321, nothing one-way", { "netstuts-r1.log" }, { 0 }, ISR,
	  ENTRY(ISR, "479215104", "isr4300"), NONE, false, NULL, false },
};

enum { LEVEL_ROW = 10 }; /* the 3750-X next-reload row, for the hostile test */

typedef struct built {
	ip_device_set *set;
	ip_plan p;
} built;

/* stack-3750x-tar.log with one line swapped: the capture read as text */
static ip_device_set *swapped(const wcase *c)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/stack-3750x-tar.log", test_samples_dir());
	size_t n;
	char *text = test_read_file(path, &n);
	cr_assert_not_null(text);
	char *at = strstr(text, c->swap[0]);
	cr_assert_not_null(at, "%s: no '%s'", c->row, c->swap[0]);
	size_t a = (size_t)(at - text), fl = strlen(c->swap[0]), tl = strlen(c->swap[1]);
	char *out = malloc(n - fl + tl + 1);
	memcpy(out, text, a);
	memcpy(out + a, c->swap[1], tl);
	memcpy(out + a + tl, at + fl, n - a - fl + 1);
	ip_device_set *set = test_load_text("stack-3750x-tar.log", out);
	free(text);
	free(out); /* ip_capture_from_buffer copied it into the set's arena */
	return set;
}

static void build(built *b, const wcase *c)
{
	b->set = c->swap[0] ? swapped(c)
			    : test_load_samples(c->capture[0], c->capture[1], c->capture[2], NULL);
	cr_assert_not_null(b->set, "%s: loads", c->row);
	ip_arena *a = b->set->arena;
	ip_target *t = plan_catalog_target(a, c->catalog, c->target);
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "192.0.2.10";
	ip_plan_build(&b->p, a, b->set->v[0], t, &o);
}

typedef int (*writer)(FILE *, const ip_plan *const *, size_t);

static char *written(const ip_plan *p, writer w)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	const ip_plan *one[] = { p };
	cr_assert_eq(w(f, one, 1), 0);
	fclose(f);
	return buf;
}

static void check_text(const wcase *c, const ip_plan *p)
{
	char *s = written(p, ip_plan_write_text);
	const char *wb = strstr(s, "! Way back:\n");
	cr_assert_not_null(wb, "%s: no Way back in the text", c->row);
	cr_assert_lt(wb - s, strstr(s, "! Paste one phase") - s, "%s: after the steps' lead",
		     c->row);
	cr_assert(strstr(wb, "!   needs: "), "%s", c->row);
	/* one-way at the top: in the header, before the simulation */
	const char *top = strstr(s, "!   ONE-WAY"), *sim = strstr(s, "! Simulation");
	if (c->kind == NONE)
		cr_assert_null(top, "%s: one-way at the top", c->row);
	else
		cr_assert(top && sim && top < sim && strstr(top, ip_one_way_kind_name(c->kind)),
			  "%s: one-way not at the top:\n%.600s", c->row, s);
	if (c->kind == NONE)
		cr_assert(strstr(wb, "!   one-way: no"), "%s: not said open", c->row);
	else
		cr_assert(strstr(wb, c->unconfirmed ? "!   ONE-WAY (if so): " : "!   ONE-WAY: "),
			  "%s: not said one-way:\n%s", c->row, wb);
	free(s);
}

static void check_json(const wcase *c, const ip_plan *p)
{
	char *s = written(p, ip_plan_write_json);
	cJSON *doc = cJSON_Parse(s);
	cr_assert_not_null(doc, "%s: not JSON", c->row);
	const cJSON *kinds = cJSON_GetObjectItem(doc, "one_way");
	cr_assert_eq(cJSON_GetArraySize(kinds) > 0, c->kind != NONE, "%s: one_way at the top",
		     c->row);
	if (c->kind != NONE)
		cr_assert_str_eq(cJSON_GetArrayItem(kinds, 0)->valuestring,
				 ip_one_way_kind_name((ip_one_way_kind)c->kind), "%s", c->row);
	const cJSON *wb = cJSON_GetObjectItem(doc, "way_back");
	cr_assert(cJSON_IsObject(wb), "%s: no way_back", c->row);
	cr_assert_eq((size_t)cJSON_GetArraySize(cJSON_GetObjectItem(wb, "needs")), p->way_back.n_needs);
	const cJSON *ow = cJSON_GetObjectItem(wb, "one_way");
	if (c->kind == NONE) {
		cr_assert_eq(cJSON_GetArraySize(ow), 0, "%s", c->row);
	} else {
		const cJSON *e = cJSON_GetArrayItem(ow, 0);
		cr_assert_str_eq(cJSON_GetObjectItem(e, "kind")->valuestring,
				 ip_one_way_kind_name((ip_one_way_kind)c->kind), "%s", c->row);
		cr_assert_eq(cJSON_IsTrue(cJSON_GetObjectItem(e, "unconfirmed")), c->unconfirmed,
			     "%s", c->row);
		cr_assert(strstr(cJSON_GetObjectItem(e, "why")->valuestring, c->why), "%s", c->row);
	}
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(wb, "rollback_warnings")) > 0,
		     c->rollback_warns, "%s: rollback warnings", c->row);
	cJSON_Delete(doc);
	free(s);
}

/* Markdown and the playbook's head: one-way in their first lines too. */
static void check_heads(const wcase *c, const ip_plan *p)
{
	char *md = written(p, ip_plan_write_markdown);
	const char *q = strstr(md, "> **One-way");
	cr_assert_eq(q != NULL, c->kind != NONE, "%s: markdown one-way", c->row);
	if (q)
		cr_assert_lt(q - md, strstr(md, "| Device |") - md, "%s: below the summary", c->row);
	cr_assert(strstr(md, "\n## Way back\n"), "%s", c->row);
	free(md);
	char *yml = written(p, ip_plan_write_ansible);
	const char *y = strstr(yml, "#   ONE-WAY");
	cr_assert_eq(y != NULL, c->kind != NONE, "%s: ansible one-way", c->row);
	if (y)
		cr_assert_lt(y - yml, strstr(yml, "#   after the plan:") - yml, "%s", c->row);
	free(yml);
}

static void run_case(const wcase *c)
{
	built b;
	build(&b, c);
	ip_plan *p = &b.p;
	cr_assert(!p->refused, "%s: refused (%s)", c->row,
		  p->n_reasons ? p->reasons[0] : p->n_findings ? p->findings[0].finding->message : "");
	cr_assert(!p->self_refuted, "%s: fails its own proof", c->row);
	const ip_plan_way_back *w = &p->way_back;
	cr_assert(w->built, "%s: no way back", c->row);
	/* every need names the plan's own step that provides it */
	cr_assert_geq(w->n_needs, 2, "%s", c->row);
	for (size_t i = 0; i < w->n_needs; i++)
		cr_assert(strstr(w->needs[i], "step ") || strstr(w->needs[i], "captured listing"),
			  "%s: '%s' names no step", c->row, w->needs[i]);
	if (c->kind == NONE) {
		cr_assert_eq(w->n_one_way, 0, "%s: one-way: %s", c->row,
			     w->n_one_way ? w->one_way[0].why : "");
	} else {
		cr_assert_geq(w->n_one_way, 1, "%s: not one-way", c->row);
		cr_assert_eq((int)w->one_way[0].kind, c->kind, "%s: kind %s", c->row,
			     ip_one_way_kind_name(w->one_way[0].kind));
		cr_assert_eq(w->one_way[0].unconfirmed, c->unconfirmed, "%s", c->row);
		cr_assert(strstr(w->one_way[0].why, c->why), "%s: '%s' lacks '%s'", c->row,
			  w->one_way[0].why, c->why);
	}
	cr_assert_eq(w->n_rollback > 0, c->rollback_warns, "%s: rollback warnings %zu", c->row,
		     w->n_rollback);
	/* issue 22: "a warning in the rollback phase": the rollback's first
	 * step says it before its own why */
	const ip_plan_step *rb = NULL;
	for (size_t i = 0; i < p->n_steps && !rb; i++)
		if (p->steps[i].phase == IP_PHASE_ROLLBACK)
			rb = &p->steps[i];
	cr_assert_not_null(rb, "%s: no rollback phase", c->row);
	cr_assert_eq(rb->why && strncmp(rb->why, "WARNING: ", 9) == 0, c->rollback_warns,
		     "%s: rollback step says '%s'", c->row, rb->why ? rb->why : "");
	if (c->rollback_warns)
		cr_assert(strstr(rb->why, "locks you out"), "%s", c->row);
	check_text(c, p);
	check_json(c, p);
	check_heads(c, p);
	cr_assert_null(plan_invariants_check(p, b.set->arena), "%s: %s", c->row,
		       plan_invariants_check(p, b.set->arena));
	ip_device_set_free(b.set);
}

IP_TABLE_PARAMS(plan_way_back, table, cases)
ParameterizedTest(size_t *row, plan_way_back, table)
{
	run_case(&cases[*row]);
}

/* A refused plan has no way back: nothing is printed to go back from. */
Test(plan_way_back, refused_has_none)
{
	wcase c = cases[0];
	c.catalog = ENTRY(ASR, "479215104", "asr1001x") "    min_rommon: \"16.9(1r)\"\n";
	built b;
	build(&b, &c);
	cr_assert(b.p.refused, "no rommon_image: refused");
	cr_assert(!b.p.way_back.built);
	ip_device_set_free(b.set);
}

/* Capture text can hold anything (issue 22: "escape for each reader"): a
 * next-reload level with markdown, HTML and a C1 line break (U+0085, a
 * YAML line break) reaches the way back's one-way sentence, and each
 * writer prints it inert. */
#define HOSTILE "ipbase *x* <b>[l](http://e.example)</b> `y` | z\xc2\x85- evil: 1"

Test(plan_way_back, hostile_capture_text)
{
	wcase c = cases[LEVEL_ROW];
	c.swap[1] = "Next reload license Level: " HOSTILE;
	cr_assert_eq(c.kind, IP_ONE_WAY_LICENSE_LEVEL, "LEVEL_ROW is the level change");
	built b;
	build(&b, &c);
	const ip_plan *p = &b.p;
	cr_assert(!p->refused);
	cr_assert(p->way_back.n_one_way && strstr(p->way_back.one_way[0].why, HOSTILE),
		  "the sentence holds the capture's text");
	char *md = written(p, ip_plan_write_markdown);
	cr_assert_null(strstr(md, "<b>"), "raw HTML in the markdown");
	cr_assert_null(strstr(md, "*x*"), "raw emphasis in the markdown");
	cr_assert_null(strstr(md, "\xc2\x85"), "a raw NEL in the markdown");
	const char *wb = strstr(md, "\n## Way back\n");
	cr_assert_not_null(wb);
	cr_assert(strstr(wb, ip_esc_md_prose(b.set->arena, HOSTILE)), "not escaped as prose");
	free(md);
	char *yml = written(p, ip_plan_write_ansible);
	cr_assert_null(strstr(yml, "\xc2\x85"), "a raw NEL in a playbook comment");
	cr_assert_null(strstr(yml, "\n- evil"), "capture text became YAML");
	free(yml);
	char *txt = written(p, ip_plan_write_text);
	cr_assert_null(strstr(txt, "\xc2\x85"), "a raw NEL in the text");
	free(txt);
	char *js = written(p, ip_plan_write_json);
	cJSON *doc = cJSON_Parse(js);
	cr_assert_not_null(doc);
	const cJSON *e = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "way_back"),
								"one_way"), 0);
	cr_assert(strstr(cJSON_GetObjectItem(e, "why")->valuestring, HOSTILE),
		  "JSON keeps the text as it was");
	cJSON_Delete(doc);
	free(js);
	ip_device_set_free(b.set);
}

/* P16 (slice m22-way): the property test's invariant catches a way back
 * that hides a one-way ROMMON, a rollback warning not in the rollback
 * phase, and a printed plan without a way back. */
static void p16_catches(size_t row, void (*breaks)(ip_plan *), const char *what)
{
	built b;
	build(&b, &cases[row]);
	cr_assert_null(plan_invariants_check(&b.p, b.set->arena), "%s: holds before", what);
	breaks(&b.p);
	const char *why = plan_invariants_check(&b.p, b.set->arena);
	cr_assert(why && !strncmp(why, "P16", 3), "%s: P16 missed it (%s)", what, why ? why : "");
	ip_device_set_free(b.set);
}

static void hide_one_way(ip_plan *p) { p->way_back.n_one_way = 0; }
static void warn_elsewhere(ip_plan *p) { p->way_back.rollback_step = 0; }
static void no_way_back(ip_plan *p) { p->way_back.built = false; }

Test(plan_way_back, p16)
{
	p16_catches(0, hide_one_way, "one-way ROMMON hidden");
	p16_catches(4, warn_elsewhere, "the rollback warning outside the rollback phase");
	p16_catches(11, no_way_back, "no way back");
}
