/* The json, sarif and markdown writers of `iosplan lint`.
 *
 * Two kinds of input: findings built by hand with the collector (so every
 * field a writer prints is exercised whatever the rules report today) on a
 * small inline capture, and the real engine over samples/. SARIF is checked
 * against the official 2.1.0 schema by Ajv (tests/sarif/validate.mjs); a
 * missing node or node_modules is a failure that says to run scripts/setup-tests. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "boot_sim.h"
#include "catalogue.h"
#include "facts.h"
#include "format.h"
#include "helpers.h"
#include "iosplan_config.h"
#include "report.h"

extern char **environ;

/* Line numbers below are those of this text. Line 6 holds two-byte
 * characters before the span, for the UTF-16 columns of SARIF. */
static const char CAPTURE[] =
	"LAB-R1#show version\n"
	"Cisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), Version 15.7(3)M8, RELEASE SOFTWARE (fc1)\n"
	"ROM: System Bootstrap, Version 15.0(1r)M16, RELEASE SOFTWARE (fc1)\n"
	"LAB-R1 uptime is 1 day, 2 hours, 14 minutes\n"
	"System image file is \"flash0:c1900-universalk9-mz.SPA.157-3.M8.bin\"\n"
	"Last reload reason: \xc2\xab" "power-on\xc2\xbb\n"
	"Cisco CISCO1941/K9 (revision 1.0) with 491520K/32768K bytes of memory.\n"
	"Processor board ID FGL1752223X\n"
	"Configuration register is 0x2142\n"
	"\n"
	"LAB-R1#show running-config | include boot\n"
	"boot-start-marker\n"
	"boot system flash0:c1900-universalk9-mz.SPA.157-3.M8.bin\n"
	"boot-end-marker\n"
	"LAB-R1#\n";

#define MSG_REGISTER "register `0x2142` | ignores the startup-config"
#define MSG_NOTE "reload reason <b>power-on</b> *was* [odd]"

typedef struct fixture {
	ip_device_set *set;
	ip_device_check checks[16];
	ip_lint_result r;
} fixture;

/* --- building results --------------------------------------------------- */

/* The span of `needle` on the first line starting with `line_start`. */
static ip_span span_in(const ip_device_set *set, const char *line_start, const char *needle)
{
	const ip_capture *cap = set->captures[0];
	for (size_t i = 0; i < cap->n_lines; i++) {
		const char *at = strstr(cap->lines[i].text, needle);
		if (at && strncmp(cap->lines[i].text, line_start, strlen(line_start)) == 0) {
			size_t off = (size_t)(at - cap->lines[i].text);
			return ip_line_span(&cap->lines[i], cap->path, off, off + strlen(needle));
		}
	}
	cr_assert_fail("'%s' is not in the capture", needle);
	return (ip_span){ 0 };
}

static ip_span span_of(const ip_device_set *set, const char *needle)
{
	return span_in(set, "", needle);
}

/* Three findings on CAPTURE, in the engine's order (no position first):
 * a weak warning with a capture hint, a note with a fenced-looking fix, an
 * error with a related span and three fix commands. */
static void hand_findings(ip_device_check *c, ip_device_set *set)
{
	ip_findings f;
	ip_findings_init(&f, set->arena);
	const char *host = c->dev->hostname.s;
	ip_findings_begin_rule(&f, "image-integrity", IP_SEV_ERROR, host);
	ip_finding *x = ip_report_weak(&f, ip_subj_target(),
				       (ip_span){ 0 }, "no reference md5 for c1900.bin");
	ip_finding_capture(&f, x, "verify /md5 flash0:c1900.bin");
	ip_findings_begin_rule(&f, "version-change", IP_SEV_NOTE, host);
	x = ip_report(&f, ip_subj_target(), span_of(set, "power-on"), MSG_NOTE);
	ip_finding_fix(&f, x, "banner motd ```done```");
	ip_findings_begin_rule(&f, "config-register", IP_SEV_ERROR, host);
	x = ip_report(&f, ip_subj_register(), span_of(set, "0x2142"), MSG_REGISTER);
	ip_finding_related(&f, x, span_in(set, "boot system", "flash0:c1900-universalk9-mz.SPA.157-3.M8.bin"),
			   "the boot statement");
	ip_finding_fix(&f, x, "configure terminal");
	ip_finding_fix(&f, x, "config-register 0x2102");
	ip_finding_fix(&f, x, "end");
	c->findings = f.v;
	c->n_findings = f.n;
}

static void check_by_hand(ip_device_check *c, ip_device_set *set, size_t dev)
{
	memset(c, 0, sizeof(*c));
	c->dev = set->v[dev];
	ip_platform_classify(&c->platform, c->dev);
	ip_boot_predict(&c->next_boot, set->arena, c->dev);
}

static void fixture_hand(fixture *fx, const char *file_name, bool with_target)
{
	memset(fx, 0, sizeof(*fx));
	fx->set = test_load_text(file_name, CAPTURE);
	cr_assert_eq(fx->set->n, 1, "the inline capture holds one device");
	cr_assert_str_eq(fx->set->v[0]->hostname.s, "LAB-R1");
	check_by_hand(&fx->checks[0], fx->set, 0);
	hand_findings(&fx->checks[0], fx->set);
	fx->r.set = fx->set;
	fx->r.checks = fx->checks;
	fx->r.n_checks = 1;
	fx->r.catalogue = ip_catalogue_builtin();
	if (with_target)
		fx->r.target = ip_target_from_name(fx->set->arena, "flash0:c1900-universalk9-mz.SPA.159-3.M9.bin",
						   "--target");
}

/* Every rule over every device of the samples, as `iosplan lint` runs them. */
static void fixture_samples(fixture *fx, const char *target)
{
	memset(fx, 0, sizeof(*fx));
	fx->set = test_load_samples("traps/missing-boot-file.log", "traps/register-2142.log",
				    "traps/alphabetical.log", "traps/no-space.log",
				    "two-routers.log", "stack-3850.log", NULL);
	cr_assert_geq(fx->set->n, 6, "the samples hold at least 6 devices, got %zu", fx->set->n);
	cr_assert_leq(fx->set->n, 16);
	const ip_target *t = target ? ip_target_from_name(fx->set->arena, target, "--target") : NULL;
	ip_check_config cfg;
	ip_check_config_defaults(&cfg);
	for (size_t i = 0; i < fx->set->n; i++)
		ip_check_device(&fx->checks[i], fx->set->arena, fx->set->v[i], t, &cfg);
	fx->r = (ip_lint_result){ fx->set, fx->checks, fx->set->n, t, ip_catalogue_builtin(), false };
}

static char *render(const ip_writer *w, const ip_lint_result *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	cr_assert_not_null(m);
	ip_lint_write(w, m, r);
	fclose(m);
	cr_assert_not_null(buf);
	return buf;
}

static cJSON *render_json(const ip_writer *w, const ip_lint_result *r)
{
	char *text = render(w, r);
	cJSON *doc = cJSON_Parse(text);
	cr_assert_not_null(doc, "%s output is not JSON near: %.60s", w->name,
			   cJSON_GetErrorPtr() ? cJSON_GetErrorPtr() : "?");
	free(text);
	return doc;
}

static cJSON *at(const cJSON *o, const char *path)
{
	/* "runs/0/results/1/level": object keys and array indexes. */
	char buf[256];
	snprintf(buf, sizeof(buf), "%s", path);
	const cJSON *cur = o;
	for (char *save = NULL, *k = strtok_r(buf, "/", &save); k; k = strtok_r(NULL, "/", &save)) {
		cr_assert_not_null(cur, "%s: missing before '%s'", path, k);
		if (cJSON_IsArray(cur))
			cur = cJSON_GetArrayItem(cur, atoi(k));
		else
			cur = cJSON_GetObjectItemCaseSensitive(cur, k);
	}
	return (cJSON *)cur;
}

static void expect_str(const cJSON *o, const char *path, const char *want)
{
	const cJSON *v = at(o, path);
	cr_assert(cJSON_IsString(v), "%s: not a string", path);
	cr_assert_str_eq(v->valuestring, want, "%s", path);
}

static void expect_num(const cJSON *o, const char *path, double want)
{
	const cJSON *v = at(o, path);
	cr_assert(cJSON_IsNumber(v), "%s: not a number", path);
	cr_assert_eq(v->valuedouble, want, "%s: %g, want %g", path, v->valuedouble, want);
}

static void expect_keys(const cJSON *o, const char *const *keys, size_t n, const char *what)
{
	const cJSON *k = o ? o->child : NULL;
	for (size_t i = 0; i < n; i++, k = k->next) {
		cr_assert_not_null(k, "%s: key %zu (%s) missing", what, i, keys[i]);
		cr_assert_str_eq(k->string, keys[i], "%s: key %zu", what, i);
	}
	cr_assert_null(k, "%s: extra key '%s'", what, k ? k->string : "");
}

static size_t count_severity(const fixture *fx, ip_severity s)
{
	size_t n = 0;
	for (size_t i = 0; i < fx->r.n_checks; i++)
		for (size_t k = 0; k < fx->checks[i].n_findings; k++)
			n += fx->checks[i].findings[k].severity == s;
	return n;
}

/* --- json --------------------------------------------------------------- */

Test(lint_formats, json_document_fields)
{
	fixture fx;
	fixture_hand(&fx, "r1.log", true);
	cJSON *d = render_json(&format_json, &fx.r);
	expect_num(d, "format_version", 1);
	expect_str(d, "tool/name", "iosplan");
	expect_str(d, "tool/version", IOSPLAN_VERSION);
	expect_str(d, "target/name", "c1900-universalk9-mz.SPA.159-3.M9.bin");
	expect_str(d, "target/filesystem", "flash0:");
	expect_str(d, "target/source", "--target");
	cr_assert_eq(cJSON_GetArraySize(at(d, "devices")), 1);
	expect_str(d, "devices/0/hostname", "LAB-R1");
	expect_str(d, "devices/0/platform/family", ip_family_name(fx.checks[0].platform.family));
	expect_str(d, "devices/0/next_boot/outcome", ip_next_outcome_name(fx.checks[0].next_boot.outcome));
	cr_assert_eq(cJSON_GetArraySize(at(d, "devices/0/findings")), 3);
	expect_str(d, "devices/0/findings/0/rule", "image-integrity");
	expect_str(d, "devices/0/findings/0/severity", "warning");
	cr_assert(cJSON_IsNull(at(d, "devices/0/findings/0/location")), "no position is null");
	expect_str(d, "devices/0/findings/0/capture", "verify /md5 flash0:c1900.bin");
	cr_assert(cJSON_IsTrue(at(d, "devices/0/findings/0/weak")));
	expect_str(d, "devices/0/findings/2/rule", "config-register");
	expect_str(d, "devices/0/findings/2/severity", "error");
	expect_str(d, "devices/0/findings/2/device", "LAB-R1");
	expect_str(d, "devices/0/findings/2/message", MSG_REGISTER);
	expect_str(d, "devices/0/findings/2/location/file", "r1.log");
	expect_num(d, "devices/0/findings/2/location/line", 9);
	expect_num(d, "devices/0/findings/2/location/col", 27);
	expect_num(d, "devices/0/findings/2/location/end_col", 33);
	expect_num(d, "devices/0/findings/2/related/0/line", 13);
	expect_str(d, "devices/0/findings/2/related/0/message", "the boot statement");
	expect_str(d, "devices/0/findings/2/fix/1", "config-register 0x2102");
	cr_assert(cJSON_IsFalse(at(d, "devices/0/findings/2/weak")));
	expect_num(d, "summary/errors", 1);
	expect_num(d, "summary/warnings", 1);
	expect_num(d, "summary/notes", 1);
	cJSON_Delete(d);
	ip_device_set_free(fx.set);
}

Test(lint_formats, json_keys_in_documented_order)
{
	fixture fx;
	fixture_hand(&fx, "r1.log", false);
	cJSON *d = render_json(&format_json, &fx.r);
	static const char *const root[] = { "format_version", "tool", "target", "devices", "summary" };
	static const char *const dev[] = { "hostname", "platform", "next_boot", "target", "findings" };
	static const char *const plat[] = { "family", "series" };
	static const char *const sum[] = { "errors", "warnings", "notes" };
	static const char *const fnd[] = { "rule", "severity", "device", "message", "location",
					   "related", "fix", "capture", "weak" };
	expect_keys(d, root, 5, "root");
	expect_keys(at(d, "devices/0"), dev, 5, "device");
	expect_keys(at(d, "devices/0/platform"), plat, 2, "platform");
	expect_keys(at(d, "summary"), sum, 3, "summary");
	expect_keys(at(d, "devices/0/findings/1"), fnd, 9, "finding");
	cr_assert(cJSON_IsNull(at(d, "target")), "no target is null");
	cr_assert(cJSON_IsNull(at(d, "devices/0/target")), "no target is null per device too");
	cJSON_Delete(d);
	ip_device_set_free(fx.set);
}

Test(lint_formats, json_matches_engine_on_samples)
{
	fixture fx;
	fixture_samples(&fx, "c2900-universalk9-mz.SPA.157-3.M8.bin");
	cJSON *d = render_json(&format_json, &fx.r);
	const cJSON *devs = at(d, "devices");
	cr_assert_eq((size_t)cJSON_GetArraySize(devs), fx.r.n_checks);
	size_t total = 0;
	for (size_t i = 0; i < fx.r.n_checks; i++) {
		const ip_device_check *c = &fx.checks[i];
		const cJSON *jd = cJSON_GetArrayItem(devs, (int)i);
		const cJSON *h = at(jd, "hostname");
		if (c->dev->hostname.s)
			cr_assert_str_eq(h->valuestring, c->dev->hostname.s);
		else
			cr_assert(cJSON_IsNull(h));
		const cJSON *fs = at(jd, "findings");
		cr_assert_eq((size_t)cJSON_GetArraySize(fs), c->n_findings, "%s", c->dev->hostname.s);
		for (size_t k = 0; k < c->n_findings; k++) {
			const cJSON *f = cJSON_GetArrayItem(fs, (int)k);
			cr_assert_str_eq(at(f, "rule")->valuestring, c->findings[k].rule_id);
			cr_assert_str_eq(at(f, "message")->valuestring, c->findings[k].message);
			cr_assert_str_eq(at(f, "severity")->valuestring, ip_severity_name(c->findings[k].severity));
		}
		total += c->n_findings;
	}
	expect_num(d, "summary/errors", (double)count_severity(&fx, IP_SEV_ERROR));
	expect_num(d, "summary/warnings", (double)count_severity(&fx, IP_SEV_WARNING));
	expect_num(d, "summary/notes", (double)count_severity(&fx, IP_SEV_NOTE));
	cr_log_info("samples: %zu devices, %zu findings", fx.r.n_checks, total);
	cJSON_Delete(d);
	ip_device_set_free(fx.set);
}

/* A platform in no table: no capture would decide its next boot, so the
 * JSON says why instead of naming one (a reader sees more than "unknown"). */
Test(lint_formats, json_next_boot_unknown_says_why)
{
	ip_device_set *set = test_load_text("frob.txt",
		"N1#show version\n"
		"Cisco IOS Software, Frobnicator Software (FROB-UNIVERSALK9-M), Version 15.2(4)M, RELEASE SOFTWARE (fc1)\n"
		"System image file is \"flash:frob-universalk9-mz.152-4.M.bin\"\n"
		"cisco FROB-9000 (X86) processor with 1000000K/6147K bytes of memory.\n"
		"Configuration register is 0x2102\n");
	cr_assert_eq(set->n, 1);
	ip_device_check c;
	check_by_hand(&c, set, 0);
	ip_lint_result r = { .set = set, .checks = &c, .n_checks = 1 };
	cJSON *d = render_json(&format_json, &r);
	expect_str(d, "devices/0/next_boot/outcome", "unknown");
	cr_assert(cJSON_IsNull(at(d, "devices/0/next_boot/missing")), "no capture is asked for");
	const cJSON *why = at(d, "devices/0/next_boot/unknown_why");
	cr_assert(cJSON_IsString(why) && strstr(why->valuestring, "FROB-9000"),
		  "the reason names the model");
	cJSON_Delete(d);
	ip_device_set_free(set);
}

Test(lint_formats, json_no_devices)
{
	ip_lint_result r = { 0 };
	cJSON *d = render_json(&format_json, &r);
	cr_assert_eq(cJSON_GetArraySize(at(d, "devices")), 0);
	expect_num(d, "summary/errors", 0);
	expect_num(d, "summary/notes", 0);
	cJSON_Delete(d);
}

/* --- the SARIF validator ------------------------------------------------ */

#define SARIF_DIR IOSPLAN_SOURCE_ROOT "/tests/sarif"
#define SETUP_HINT "run scripts/setup-tests (it runs `npm ci` in tests/sarif)"

static const char *schema_path(void)
{
	const char *env = getenv("IOSPLAN_SARIF_SCHEMA");
	const char *p = env && *env ? env : SARIF_DIR "/sarif-schema-2.1.0.json";
	cr_assert(access(p, R_OK) == 0,
		  "SARIF schema %s not found: set IOSPLAN_SARIF_SCHEMA to sarif-schema-2.1.0.json", p);
	return p;
}

static char *write_temp(const char *text, const char *suffix)
{
	const char *dir = getenv("TMPDIR");
	char *path = NULL;
	cr_assert_geq(asprintf(&path, "%s/iosplan-sarif-XXXXXX%s", dir && *dir ? dir : "/tmp", suffix), 0);
	int fd = mkstemps(path, (int)strlen(suffix));
	cr_assert_geq(fd, 0, "mkstemps: %s", strerror(errno));
	size_t n = strlen(text);
	cr_assert_eq(write(fd, text, n), (ssize_t)n);
	close(fd);
	return path;
}

/* Run `node tests/sarif/validate.mjs FILE SCHEMA`; its exit code, with what
 * it printed in *output (caller frees). Missing tools fail the test. */
static int run_validator(const char *sarif_text, char **output)
{
	cr_assert(access(SARIF_DIR "/node_modules/ajv-draft-04/package.json", R_OK) == 0 &&
			  access(SARIF_DIR "/node_modules/ajv-formats/package.json", R_OK) == 0,
		  "the SARIF validator's packages are missing in " SARIF_DIR "/node_modules: " SETUP_HINT);
	const char *node = getenv("IOSPLAN_NODE");
	node = node && *node ? node : "node";
	char *file = write_temp(sarif_text, ".sarif");
	char *log = write_temp("", ".log");
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_TRUNC, 0);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	char *argv[] = { (char *)node, (char *)SARIF_DIR "/validate.mjs", file, (char *)schema_path(), NULL };
	pid_t pid;
	int err = posix_spawnp(&pid, node, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	cr_assert_eq(err, 0, "cannot run '%s' (%s): install Node.js 18+ and " SETUP_HINT, node, strerror(err));
	int status = 0;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	*output = test_read_file(log, NULL);
	unlink(file);
	unlink(log);
	free(file);
	free(log);
	cr_assert(WIFEXITED(status), "validator killed by a signal");
	int rc = WEXITSTATUS(status);
	cr_assert(rc == 0 || rc == 1, "validator could not run (exit %d): %s\n" SETUP_HINT, rc,
		  *output ? *output : "");
	return rc;
}

static void expect_valid_sarif(const char *text, const char *what)
{
	char *out = NULL;
	int rc = run_validator(text, &out);
	cr_assert_eq(rc, 0, "%s: SARIF does not validate against the 2.1.0 schema:\n%s", what, out);
	cr_assert(strstr(out, "valid SARIF 2.1.0"), "%s: validator said: %s", what, out);
	free(out);
}

/* --- sarif -------------------------------------------------------------- */

Test(lint_formats, sarif_validates_hand_findings)
{
	fixture fx;
	fixture_hand(&fx, "r1.log", true);
	char *text = render(&format_sarif, &fx.r);
	expect_valid_sarif(text, "hand findings");
	free(text);
	ip_device_set_free(fx.set);
}

Test(lint_formats, sarif_validates_engine_on_samples)
{
	fixture fx;
	fixture_samples(&fx, "c2900-universalk9-mz.SPA.157-3.M8.bin");
	char *text = render(&format_sarif, &fx.r);
	expect_valid_sarif(text, "samples");
	cJSON *d = cJSON_Parse(text);
	size_t n = 0;
	for (size_t i = 0; i < fx.r.n_checks; i++)
		n += fx.checks[i].n_findings;
	cr_assert_eq((size_t)cJSON_GetArraySize(at(d, "runs/0/results")), n);
	cr_assert_eq((size_t)cJSON_GetArraySize(at(d, "runs/0/properties/devices")), fx.r.n_checks);
	/* Absolute capture paths are file URIs. */
	const char *uri = at(d, "runs/0/artifacts/0/location/uri")->valuestring;
	cr_assert(strncmp(uri, "file:///", 8) == 0, "artifact uri %s", uri);
	cJSON_Delete(d);
	free(text);
	ip_device_set_free(fx.set);
}

Test(lint_formats, sarif_validates_empty_run)
{
	ip_lint_result r = { 0 };
	r.catalogue = ip_catalogue_builtin();
	char *text = render(&format_sarif, &r);
	expect_valid_sarif(text, "no devices");
	free(text);
}

/* The validator must be able to say no: each row breaks a valid document
 * in one way the schema forbids. */
typedef struct broken_case {
	const char *name;
	const char *path;  /* of the object to change */
	const char *key;
	const char *value; /* JSON text; NULL deletes the key */
	const char *error; /* part of the validator's complaint */
} broken_case;

static const broken_case broken_cases[] = {
	{ "version", "", "version", "\"2.0\"", "/version" },
	{ "level", "runs/0/results/0", "level", "\"fatal\"", "/runs/0/results/0/level" },
	{ "no message", "runs/0/results/2", "message", NULL, "message" },
	{ "uri with a space", "runs/0/results/2/locations/0/physicalLocation/artifactLocation", "uri",
	  "\"my captures/r1.log\"", "uri-reference" },
	{ "line 0", "runs/0/results/2/locations/0/physicalLocation/region", "startLine", "0",
	  "/region/startLine" },
	{ "unknown run key", "runs/0", "findings", "[]", "additional" },
	{ "no driver name", "runs/0/tool/driver", "name", NULL, "name" },
};

IP_TABLE_PARAMS(lint_formats, sarif_broken_fails, broken_cases)
ParameterizedTest(size_t *row, lint_formats, sarif_broken_fails)
{
	const broken_case *bc = &broken_cases[*row];
	fixture fx;
	fixture_hand(&fx, "r1.log", false);
	cJSON *d = render_json(&format_sarif, &fx.r);
	cJSON *o = bc->path[0] ? at(d, bc->path) : d;
	cr_assert_not_null(o, "%s: %s missing in the writer's output", bc->name, bc->path);
	if (bc->value) {
		cJSON_DeleteItemFromObjectCaseSensitive(o, bc->key);
		cJSON_AddItemToObject(o, bc->key, cJSON_Parse(bc->value));
	} else
	{
		cJSON *gone = cJSON_DetachItemFromObjectCaseSensitive(o, bc->key);
		cr_assert_not_null(gone, "%s: no key %s", bc->name, bc->key);
		cJSON_Delete(gone);
	}
	char *text = cJSON_Print(d);
	char *out = NULL;
	int rc = run_validator(text, &out);
	cr_assert_eq(rc, 1, "%s: a broken document validated: %s", bc->name, out);
	cr_assert(strstr(out, bc->error), "%s: complaint lacks '%s': %s", bc->name, bc->error, out);
	free(out);
	cJSON_free(text);
	cJSON_Delete(d);
	ip_device_set_free(fx.set);
}

Test(lint_formats, sarif_rules_from_catalogue)
{
	fixture fx;
	fixture_hand(&fx, "r1.log", false);
	cJSON *d = render_json(&format_sarif, &fx.r);
	expect_str(d, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
	expect_str(d, "version", "2.1.0");
	cr_assert_eq(cJSON_GetArraySize(at(d, "runs")), 1);
	expect_str(d, "runs/0/tool/driver/name", "iosplan");
	expect_str(d, "runs/0/tool/driver/version", IOSPLAN_VERSION);
	cr_assert_null(at(d, "runs/0/tool/driver/informationUri"), "no made-up URL");
	const ip_catalogue *cat = ip_catalogue_builtin();
	const cJSON *rules = at(d, "runs/0/tool/driver/rules");
	cr_assert_eq((size_t)cJSON_GetArraySize(rules), cat->n);
	for (size_t i = 0; i < cat->n; i++) {
		const ip_rule_doc *doc = &cat->v[i];
		const cJSON *r = cJSON_GetArrayItem(rules, (int)i);
		cr_assert_str_eq(at(r, "id")->valuestring, doc->id);
		cr_assert_str_eq(at(r, "shortDescription/text")->valuestring, doc->title);
		cr_assert(strncmp(at(r, "fullDescription/text")->valuestring, doc->rationale, 40) == 0);
		cr_assert(strncmp(at(r, "help/text")->valuestring, doc->fix, 40) == 0);
		cr_assert_not_null(at(r, "help/markdown"));
		cr_assert_str_eq(at(r, "defaultConfiguration/level")->valuestring, ip_severity_name(doc->severity));
		cr_assert(cJSON_IsArray(at(r, "properties/tags")));
		const char *name = at(r, "name")->valuestring;
		cr_assert(name[0] >= 'A' && name[0] <= 'Z' && !strchr(name, '-'), "name %s", name);
	}
	cJSON *cfg = NULL;
	for (size_t i = 0; i < cat->n; i++)
		if (strcmp(cat->v[i].id, "config-register") == 0)
			cfg = cJSON_GetArrayItem(rules, (int)i);
	cr_assert_not_null(cfg);
	expect_str(cfg, "name", "ConfigRegister");
	/* The catalogue's indented commands become a fenced block. */
	const char *md = at(cfg, "help/markdown")->valuestring;
	cr_assert(strstr(md, "```\n"), "help.markdown has no fence: %s", md);
	cr_assert_null(strstr(md, "\n  "), "indented lines left in markdown: %s", md);
	cJSON_Delete(d);
	ip_device_set_free(fx.set);
}

Test(lint_formats, sarif_result_fields)
{
	fixture fx;
	fixture_hand(&fx, "r1.log", false);
	cJSON *d = render_json(&format_sarif, &fx.r);
	const cJSON *results = at(d, "runs/0/results");
	cr_assert_eq(cJSON_GetArraySize(results), 3);
	for (int i = 0; i < 3; i++) {
		const cJSON *res = cJSON_GetArrayItem(results, i);
		int idx = at(res, "ruleIndex")->valueint;
		const cJSON *rule = cJSON_GetArrayItem(at(d, "runs/0/tool/driver/rules"), idx);
		cr_assert_not_null(rule, "result %d: ruleIndex %d out of range", i, idx);
		cr_assert_str_eq(at(rule, "id")->valuestring, at(res, "ruleId")->valuestring,
				 "result %d: ruleIndex %d names another rule", i, idx);
	}
	const cJSON *r = cJSON_GetArrayItem(results, 2);
	expect_str(r, "ruleId", "config-register");
	expect_str(r, "level", "error");
	expect_str(r, "message/text", MSG_REGISTER);
	expect_str(r, "locations/0/physicalLocation/artifactLocation/uri", "r1.log");
	expect_num(r, "locations/0/physicalLocation/artifactLocation/index", 0);
	expect_num(r, "locations/0/physicalLocation/region/startLine", 9);
	expect_num(r, "locations/0/physicalLocation/region/startColumn", 27);
	expect_num(r, "locations/0/physicalLocation/region/endLine", 9);
	expect_num(r, "locations/0/physicalLocation/region/endColumn", 33);
	expect_str(r, "locations/0/physicalLocation/region/snippet/text", "0x2142");
	expect_str(r, "locations/0/physicalLocation/contextRegion/snippet/text", "Configuration register is 0x2142");
	expect_num(r, "relatedLocations/0/id", 1);
	expect_num(r, "relatedLocations/0/physicalLocation/region/startLine", 13);
	expect_num(r, "relatedLocations/0/physicalLocation/region/startColumn", 13);
	expect_str(r, "relatedLocations/0/message/text", "the boot statement");
	expect_str(r, "properties/device", "LAB-R1");
	expect_str(r, "properties/fix/0", "configure terminal");
	expect_str(r, "properties/fix/2", "end");
	cr_assert_null(at(r, "fixes"), "SARIF fixes need artifact changes; commands go to properties");
	cr_assert_null(at(r, "properties/capture"));
	/* Line 6 has a two-byte character before the span: SARIF columns count
	 * UTF-16 units, iosplan's count bytes (23 and 31). */
	const cJSON *n = cJSON_GetArrayItem(results, 1);
	expect_str(n, "level", "note");
	expect_num(n, "locations/0/physicalLocation/region/startLine", 6);
	expect_num(n, "locations/0/physicalLocation/region/startColumn", 22);
	expect_num(n, "locations/0/physicalLocation/region/endColumn", 30);
	expect_str(n, "locations/0/physicalLocation/region/snippet/text", "power-on");
	expect_str(d, "runs/0/columnKind", "utf16CodeUnits");
	cr_assert(cJSON_IsTrue(at(d, "runs/0/invocations/0/executionSuccessful")));
	cJSON_Delete(d);
	ip_device_set_free(fx.set);
}

Test(lint_formats, sarif_finding_without_position)
{
	fixture fx;
	fixture_hand(&fx, "r1.log", false);
	cJSON *d = render_json(&format_sarif, &fx.r);
	const cJSON *w = at(d, "runs/0/results/0");
	expect_str(w, "ruleId", "image-integrity");
	expect_str(w, "level", "warning");
	expect_str(w, "locations/0/logicalLocations/0/name", "LAB-R1");
	expect_str(w, "locations/0/physicalLocation/artifactLocation/uri", "r1.log");
	cr_assert_null(at(w, "locations/0/physicalLocation/region"), "no line: no region");
	expect_str(w, "properties/capture", "verify /md5 flash0:c1900.bin");
	cr_assert(cJSON_IsTrue(at(w, "properties/weak")));
	cr_assert_null(at(w, "properties/fix"));
	cJSON_Delete(d);
	ip_device_set_free(fx.set);
}

/* File names as given become URI references (RFC 3986). */
typedef struct uri_case {
	const char *path;
	const char *uri;
} uri_case;

static const uri_case uri_cases[] = {
	{ "r1.log", "r1.log" },
	{ "my captures/r1.log", "my%20captures/r1.log" },
	{ "flash:r1.log", "flash%3Ar1.log" },
	{ "100%#1?.log", "100%25%231%3F.log" },
	{ "/srv/caps/site a/r1.log", "file:///srv/caps/site%20a/r1.log" },
	{ "caf\xc3\xa9.log", "caf%C3%A9.log" },
	{ "./a~b_c-d.log", "./a~b_c-d.log" },
};

IP_TABLE_PARAMS(lint_formats, sarif_uri, uri_cases)
ParameterizedTest(size_t *row, lint_formats, sarif_uri)
{
	const uri_case *uc = &uri_cases[*row];
	fixture fx;
	fixture_hand(&fx, uc->path, false);
	cJSON *d = render_json(&format_sarif, &fx.r);
	expect_str(d, "runs/0/results/2/locations/0/physicalLocation/artifactLocation/uri", uc->uri);
	expect_str(d, "runs/0/artifacts/0/location/uri", uc->uri);
	cJSON_Delete(d);
	ip_device_set_free(fx.set);
}

Test(lint_formats, sarif_uris_validate)
{
	/* The encoded names above pass the schema's uri-reference format. */
	for (size_t i = 0; i < sizeof(uri_cases) / sizeof(uri_cases[0]); i++) {
		fixture fx;
		fixture_hand(&fx, uri_cases[i].path, false);
		char *text = render(&format_sarif, &fx.r);
		expect_valid_sarif(text, uri_cases[i].path);
		free(text);
		ip_device_set_free(fx.set);
	}
}

Test(lint_formats, sarif_without_catalogue)
{
	fixture fx;
	fixture_hand(&fx, "r1.log", false);
	fx.r.catalogue = NULL;
	char *text = render(&format_sarif, &fx.r);
	expect_valid_sarif(text, "no catalogue");
	cJSON *d = cJSON_Parse(text);
	const cJSON *rules = at(d, "runs/0/tool/driver/rules");
	cr_assert_eq(cJSON_GetArraySize(rules), 3, "one rule per rule reported");
	for (int i = 0; i < 3; i++) {
		const cJSON *res = at(d, "runs/0/results");
		res = cJSON_GetArrayItem(res, i);
		expect_num(res, "ruleIndex", i);
		cr_assert_str_eq(at(cJSON_GetArrayItem(rules, i), "id")->valuestring, at(res, "ruleId")->valuestring);
	}
	expect_str(rules, "2/defaultConfiguration/level", "error");
	cJSON_Delete(d);
	free(text);
	ip_device_set_free(fx.set);
}

/* --- markdown ----------------------------------------------------------- */

static bool has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	for (const char *p = text; (p = strstr(p, line)); p++)
		if ((p == text || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
			return true;
	return false;
}

static size_t count_prefixed_lines(const char *text, const char *prefix)
{
	size_t n = 0, k = strlen(prefix);
	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		n += strncmp(p, prefix, k) == 0;
	return n;
}

Test(lint_formats, markdown_ticket_summary)
{
	fixture fx;
	fixture_hand(&fx, "my|caps/r1_x.log", true);
	char *md = render(&format_markdown, &fx.r);
	static const char *const lines[] = {
		"# iosplan lint",
		"Target image: `flash0:c1900-universalk9-mz.SPA.159-3.M9.bin` (from --target)",
		"1 device checked: 1 blocked, 0 ready.",
		"## LAB-R1 (CISCO1941/K9, 15.7(3)M8)",
		"**blocked**: 1 error, 1 warning, 1 note",
		"| Severity | Rule | Location | Message |",
		"| --- | --- | --- | --- |",
		"| warning | image-integrity | - | no reference md5 for c1900.bin |",
		"| note | version-change | my\\|caps/r1_x.log:6 | "
		"reload reason \\<b\\>power-on\\</b\\> \\*was\\* \\[odd\\] |",
		"| error | config-register | my\\|caps/r1_x.log:9 | "
		"register \\`0x2142\\` \\| ignores the startup-config |",
		"Fix for config-register (my\\|caps/r1_x.log:9):",
		"configure terminal",
		"config-register 0x2102",
		"To decide image-integrity, capture `verify /md5 flash0:c1900.bin`.",
		"banner motd ```done```",
		"````",
	};
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		cr_assert(has_line(md, lines[i]), "markdown lacks the line\n%s\nin:\n%s", lines[i], md);
	cr_assert_eq(count_prefixed_lines(md, "| "), 5, "header, rule and 3 rows:\n%s", md);
	/* The fix blocks follow the table, in table order. */
	const char *table_end = strstr(md, "| error | config-register");
	const char *note_fix = strstr(md, "Fix for version-change");
	const char *reg_fix = strstr(md, "Fix for config-register");
	cr_assert(table_end && note_fix && reg_fix && table_end < note_fix && note_fix < reg_fix, "%s", md);
	cr_assert(strstr(md, "Next boot: "), "%s", md);
	free(md);
	ip_device_set_free(fx.set);
}

/* The verdict line for a device with findings of these severities. */
typedef struct verdict_case {
	ip_severity sev[3];
	const char *line;
} verdict_case;

static const verdict_case verdict_cases[] = {
	{ { IP_SEV_NONE }, "ready: no blocking findings" },
	{ { IP_SEV_WARNING }, "ready: no blocking findings (1 warning)" },
	{ { IP_SEV_NOTE, IP_SEV_WARNING, IP_SEV_NOTE }, "ready: no blocking findings (1 warning, 2 notes)" },
	{ { IP_SEV_ERROR }, "**blocked**: 1 error" },
	{ { IP_SEV_ERROR, IP_SEV_ERROR, IP_SEV_NOTE }, "**blocked**: 2 errors, 1 note" },
};

IP_TABLE_PARAMS(lint_formats, markdown_verdict, verdict_cases)
ParameterizedTest(size_t *row, lint_formats, markdown_verdict)
{
	const verdict_case *vc = &verdict_cases[*row];
	fixture fx;
	fixture_hand(&fx, "r1.log", false);
	ip_device_check *c = &fx.checks[0];
	ip_findings f;
	ip_findings_init(&f, fx.set->arena);
	for (size_t i = 0; i < 3 && vc->sev[i] != IP_SEV_NONE; i++) {
		ip_findings_begin_rule(&f, "boot-order", vc->sev[i], "LAB-R1");
		ip_report(&f, ip_subj_register(), span_of(fx.set, "0x2142"), "finding %zu", i);
	}
	c->findings = f.v;
	c->n_findings = f.n;
	char *md = render(&format_markdown, &fx.r);
	cr_assert(has_line(md, vc->line), "want verdict line\n%s\nin:\n%s", vc->line, md);
	cr_assert_eq(has_line(md, "No findings."), f.n == 0, "%s", md);
	cr_assert_eq(count_prefixed_lines(md, "| "), f.n ? f.n + 2 : 0, "%s", md);
	bool blocked = vc->sev[0] == IP_SEV_ERROR || vc->sev[1] == IP_SEV_ERROR;
	const char *summary = blocked ? "1 device checked: 1 blocked, 0 ready."
				      : "1 device checked: 0 blocked, 1 ready.";
	cr_assert(has_line(md, summary), "%s", md);
	free(md);
	ip_device_set_free(fx.set);
}

Test(lint_formats, markdown_matches_engine_on_samples)
{
	fixture fx;
	fixture_samples(&fx, "c2900-universalk9-mz.SPA.157-3.M8.bin");
	char *md = render(&format_markdown, &fx.r);
	size_t rows = 0, blocked = 0;
	for (size_t i = 0; i < fx.r.n_checks; i++) {
		const ip_device_check *c = &fx.checks[i];
		rows += c->n_findings ? c->n_findings + 2 : 0;
		blocked += ip_device_check_worst(c) == IP_SEV_ERROR;
		char heading[256];
		snprintf(heading, sizeof(heading), "## %s", c->dev->hostname.s);
		cr_assert(strstr(md, heading), "no heading for %s", c->dev->hostname.s);
	}
	cr_assert_eq(count_prefixed_lines(md, "| "), rows, "%s", md);
	cr_assert_eq(count_prefixed_lines(md, "## "), fx.r.n_checks);
	cr_assert_eq(count_prefixed_lines(md, "**blocked**: "), blocked);
	cr_assert_eq(count_prefixed_lines(md, "ready: no blocking findings"), fx.r.n_checks - blocked);
	/* Every fence opened is closed. */
	cr_assert_eq(count_prefixed_lines(md, "```") % 2, 0, "%s", md);
	free(md);
	ip_device_set_free(fx.set);
}

/* --- text from the captures is not always UTF-8 ------------------------- */

typedef struct utf8_case {
	const char *message;
	const char *want; /* after the writer: invalid bytes are U+FFFD */
} utf8_case;

static const utf8_case utf8_cases[] = {
	{ "file caf\xc3\xa9.bin", "file caf\xc3\xa9.bin" },
	{ "byte \xff here", "byte \xef\xbf\xbd here" },
	{ "overlong \xc0\xaf slash", "overlong \xef\xbf\xbd\xef\xbf\xbd slash" },
	{ "surrogate \xed\xa0\x80!", "surrogate \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd!" },
	{ "cut \xe2\x82", "cut \xef\xbf\xbd\xef\xbf\xbd" },
	{ "emoji \xf0\x9f\x99\x82 ok", "emoji \xf0\x9f\x99\x82 ok" },
};

IP_TABLE_PARAMS(lint_formats, json_output_is_utf8, utf8_cases)
ParameterizedTest(size_t *row, lint_formats, json_output_is_utf8)
{
	const utf8_case *uc = &utf8_cases[*row];
	fixture fx;
	fixture_hand(&fx, "r1.log", false);
	ip_findings f;
	ip_findings_init(&f, fx.set->arena);
	ip_findings_begin_rule(&f, "boot-order", IP_SEV_NOTE, "LAB-R1");
	ip_report(&f, ip_subj_register(), span_of(fx.set, "0x2142"), "%s", uc->message);
	fx.checks[0].findings = f.v;
	fx.checks[0].n_findings = f.n;
	cJSON *j = render_json(&format_json, &fx.r);
	expect_str(j, "devices/0/findings/0/message", uc->want);
	cJSON *s = render_json(&format_sarif, &fx.r);
	expect_str(s, "runs/0/results/0/message/text", uc->want);
	cJSON_Delete(j);
	cJSON_Delete(s);
	ip_device_set_free(fx.set);
}

Test(lint_formats, sarif_whole_line_span_has_no_context)
{
	fixture fx;
	fixture_hand(&fx, "r1.log", false);
	ip_findings f;
	ip_findings_init(&f, fx.set->arena);
	ip_findings_begin_rule(&f, "boot-order", IP_SEV_WARNING, "LAB-R1");
	ip_report(&f, ip_subj_register(),
		  span_in(fx.set, "Configuration register", "Configuration register is 0x2142"),
		  "whole line");
	fx.checks[0].findings = f.v;
	fx.checks[0].n_findings = f.n;
	cJSON *d = render_json(&format_sarif, &fx.r);
	const cJSON *pl = at(d, "runs/0/results/0/locations/0/physicalLocation");
	expect_num(pl, "region/startColumn", 1);
	expect_num(pl, "region/endColumn", 33);
	expect_str(pl, "region/snippet/text", "Configuration register is 0x2142");
	cr_assert_null(at(pl, "contextRegion"), "a context must be larger than the region");
	cJSON_Delete(d);
	ip_device_set_free(fx.set);
}

/* The writer contract (lint/cli.h, issue 19): every lint format, and the
 * facts sheet, returns 0 when its writes went through and -1 when one
 * failed, so that the command stops and exits 2. /dev/full unbuffered:
 * the first write fails, as on a full disk. */
static const char *const writer_names[] = { "text", "gcc", "json", "sarif", "markdown", "codeclimate" };

static FILE *full_stream(void)
{
	FILE *f = fopen("/dev/full", "w");
	cr_assert_not_null(f);
	setvbuf(f, NULL, _IONBF, 0);
	return f;
}

IP_TABLE_PARAMS(lint_formats, writer_reports_failed_write, writer_names)
ParameterizedTest(size_t *row, lint_formats, writer_reports_failed_write)
{
	const ip_writer *w = ip_writer_find(writer_names[*row]);
	cr_assert_not_null(w);
	fixture fx;
	fixture_samples(&fx, NULL);
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	cr_assert_not_null(m);
	cr_expect_eq(ip_lint_write(w, m, &fx.r), 0, "%s to memory", w->name);
	fclose(m);
	cr_expect_gt(len, 0, "%s wrote something", w->name);
	free(buf);
	FILE *f = full_stream();
	cr_expect_eq(ip_lint_write(w, f, &fx.r), -1, "%s to /dev/full", w->name);
	fclose(f);
	ip_device_set_free(fx.set);
}

Test(lint_formats, facts_text_reports_failed_write)
{
	fixture fx;
	fixture_samples(&fx, NULL);
	ip_boot_prediction next;
	ip_boot_predict(&next, fx.set->arena, fx.set->v[0]);
	FILE *m = fopen("/dev/null", "w");
	cr_assert_not_null(m);
	cr_expect_eq(facts_device_text(m, fx.set->v[0], &next), 0);
	fclose(m);
	FILE *f = full_stream();
	cr_expect_eq(facts_device_text(f, fx.set->v[0], &next), -1);
	fclose(f);
	ip_device_set_free(fx.set);
}
