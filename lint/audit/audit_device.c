/* One unit of the audit (audit.h): its files become a device set; each
 * device is checked against its approved image and handed to the planner,
 * and what the writers need is rendered before the set is freed.
 *
 * The approved image comes from target_args.h (--target, or the catalogue's
 * image for the device's platform). Whether the upgrade is plannable now is
 * the planner's own decision (ip_plan_build: its refusal and reasons), not
 * a second opinion. The reload verdict compares the boot simulator's next
 * image with the running one. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "error.h"
#include "platform.h"
#include "version.h"

static pthread_mutex_t targets_lock = PTHREAD_MUTEX_INITIALIZER;

const char *audit_upgrade_name(audit_upgrade u)
{
	static const char *const n[] = { "unknown", "current", "plannable", "blocked" };
	return u < UP__COUNT ? n[u] : "unknown";
}

const char *audit_reload_name(audit_reload r)
{
	static const char *const n[] = { "unknown", "ok", "changes", "fails", "uncertain" };
	return r < RL__COUNT ? n[r] : "unknown";
}

/* "fleet.tgz:R1/a.txt:1: error: binary ..." -> "binary ..." */
static const char *bare_message(const char *msg, const char *path)
{
	size_t n = strlen(path);
	if (strncmp(msg, path, n) == 0 && msg[n] == ':') {
		msg += n + 1;
		msg += strspn(msg, "0123456789:");
	}
	const char *e = strstr(msg, "error: ");
	return e && e - msg < 4 ? e + 7 : msg;
}

/* --- the approved image ---------------------------------------------------- */

/* The catalogue is asked first without a lock: a device it has no image
 * for is said here in the unit's arena, so nothing per device accumulates
 * in the shared targets. */
static const ip_target *approved(const audit_options *o, ip_arena *a, const ip_device *dev,
				 const char **why)
{
	*why = NULL;
	if (o->catalog && !ip_targets_fixed(o->targets)) {
		ip_platform p;
		ip_platform_classify(&p, dev);
		const ip_catalog_image *tie, *e = ip_image_catalog_for_device(o->catalog, dev, &p, &tie);
		if (!e || tie) {
			const char *model = dev->platform.s ? dev->platform.s : "unknown model";
			*why = tie ? ip_arena_printf(a, "two catalogue images fit %s equally (%s, %s): "
						    "make their platforms more specific", model,
						    e->name, tie->name)
				   : ip_arena_printf(a, "no image in catalogue %s for %s (%s)",
						     o->catalog->path, model, ip_family_name(p.family));
			return NULL;
		}
	}
	const ip_target *t = NULL;
	const char *w = NULL;
	pthread_mutex_lock(&targets_lock);
	int rc = ip_targets_for_device(&t, &w, o->targets, dev);
	if (rc)
		*why = ip_arena_strdup(a, bare_message(ip_error_last(), ""));
	else if (w)
		*why = ip_arena_strdup(a, w);
	pthread_mutex_unlock(&targets_lock);
	return rc ? NULL : t;
}

/* The planner's decision, and what blocks it. `current` is the planner's
 * nothing-to-do (issue 20 point 9): the device runs the approved image and
 * its next reload is proved to come back on it. One that runs it but would
 * boot something else gets the planner's remediation plan (`plannable`) or
 * its refusal (`blocked`), as `iosplan plan` would print. */
static void upgrade(audit_device *d, ip_arena *a, const ip_plan *p)
{
	if (p->nothing_to_do) {
		d->upgrade = UP_CURRENT;
		return;
	}
	if (!p->refused) {
		d->upgrade = UP_PLANNABLE;
		return;
	}
	d->upgrade = UP_BLOCKED;
	d->blocked_by = ip_arena_alloc(a, (p->n_reasons + p->n_findings + 1) * sizeof(char *));
	for (size_t i = 0; i < p->n_reasons; i++)
		d->blocked_by[d->n_blocked++] = p->reasons[i];
	for (size_t i = 0; i < p->n_findings; i++)
		if (p->findings[i].role == IP_ROLE_BLOCKS)
			d->blocked_by[d->n_blocked++] = ip_arena_printf(
				a, "%s: %s", p->findings[i].finding->rule_id, p->findings[i].finding->message);
}

/* --- the next reload --------------------------------------------------------- */

static bool same_image(const ip_boot_prediction *p, const ip_path *run)
{
	if (!p->path || !run->path)
		return false;
	const char *a = p->path, *b = run->path;
	while (*a == '/')
		a++;
	while (*b == '/')
		b++;
	return strcasecmp(a, b) == 0;
}

static void reload(audit_device *d, ip_arena *a)
{
	const ip_boot_prediction *p = &d->check->next_boot;
	if (p->path)
		d->next_image = ip_arena_printf(a, "%s%s", p->filesystem ? p->filesystem : "", p->path);
	switch (p->outcome) {
	case IP_NEXT_IMAGE:
		d->reload = !d->dev->system_image.path ? RL_UNCERTAIN
			    : same_image(p, &d->dev->system_image) ? RL_OK : RL_CHANGES;
		break;
	case IP_NEXT_ROMMON: d->reload = RL_FAILS; break;
	case IP_NEXT_NETWORK:
	case IP_NEXT_AMBIGUOUS:
	case IP_NEXT_PLATFORM_ROM: d->reload = RL_UNCERTAIN; break;
	default: d->reload = RL_UNKNOWN; break;
	}
}

/* --- findings and input problems --------------------------------------------- */

static bool file_of(const audit_device *d, const char *file)
{
	for (size_t i = 0; file && i < d->n_files; i++)
		if (strcmp(d->files[i], file) == 0)
			return true;
	return false;
}

static bool conflict(const ip_diag *x)
{
	return x->kind == IP_DIAG_CONFLICT;
}

static int finding_cmp(const void *pa, const void *pb)
{
	const audit_finding *a = pa, *b = pb;
	if (a->severity != b->severity)
		return a->severity > b->severity ? -1 : 1;
	int c = strcmp(a->span.file ? a->span.file : "", b->span.file ? b->span.file : "");
	if (c)
		return c;
	if (a->span.line != b->span.line)
		return a->span.line < b->span.line ? -1 : 1;
	if (a->span.col != b->span.col)
		return a->span.col < b->span.col ? -1 : 1;
	return strcmp(a->rule, b->rule);
}

static void count(audit_device *d, ip_severity s)
{
	if (s == IP_SEV_ERROR)
		d->n_errors++;
	else if (s == IP_SEV_WARNING)
		d->n_warnings++;
	else if (s == IP_SEV_NOTE)
		d->n_notes++;
}

/* The rules' findings, the files' disagreements as source-conflict, and
 * the other input problems of its files. */
static void findings(audit_device *d, ip_arena *a)
{
	const ip_device_check *c = d->check;
	const ip_diags *dg = &d->set->diags;
	d->findings = ip_arena_alloc(a, (c->n_findings + dg->n + 1) * sizeof(*d->findings));
	d->problems = ip_arena_alloc(a, (dg->n + 1) * sizeof(*d->problems));
	for (size_t i = 0; i < c->n_findings; i++) {
		const ip_finding *f = &c->findings[i];
		d->findings[d->n_findings++] = (audit_finding){ f->rule_id, f->severity, f->message,
								f->span, f->weak, f };
		count(d, f->severity);
	}
	for (size_t i = 0; i < dg->n; i++) {
		const ip_diag *x = &dg->v[i];
		if (!file_of(d, x->span.file) || x->level < IP_DIAG_WARNING)
			continue;
		if (!conflict(x)) {
			d->problems[d->n_problems++] = x;
			continue;
		}
		/* an error when nothing orders the files: the plan refuses then */
		ip_severity sev = x->level == IP_DIAG_ERROR ? IP_SEV_ERROR : IP_SEV_WARNING;
		d->findings[d->n_findings++] = (audit_finding){ AUDIT_CONFLICT_RULE, sev, x->message,
								x->span, false, NULL };
		count(d, sev);
	}
	qsort(d->findings, d->n_findings, sizeof(*d->findings), finding_cmp);
}

/* --- the device ------------------------------------------------------------ */

/* What made a file: a backup tool when any of its sections is its block. */
static ip_cmd file_kind(const ip_device *dev, const char *file)
{
	for (size_t i = 0; i < dev->n_sources; i++)
		if (strcmp(dev->sources[i].file, file) == 0 &&
		    (dev->sources[i].cmd == IP_CMD_RANCID || dev->sources[i].cmd == IP_CMD_OXIDIZED))
			return dev->sources[i].cmd;
	return IP_CMD_OTHER;
}

static void files_and_source(audit_device *d, ip_arena *a)
{
	const ip_device *dev = d->dev;
	bool rancid = false, oxidized = false, capture = false;
	d->files = ip_arena_alloc(a, (dev->n_sources + 1) * sizeof(char *));
	for (size_t i = 0; i < dev->n_sources; i++) {
		const char *file = dev->sources[i].file;
		if (file_of(d, file))
			continue;
		d->files[d->n_files++] = file;
		ip_cmd k = file_kind(dev, file);
		rancid |= k == IP_CMD_RANCID;
		oxidized |= k == IP_CMD_OXIDIZED;
		capture |= k == IP_CMD_OTHER;
	}
	const char *kind = rancid ? "rancid" : oxidized ? "oxidized" : "capture";
	d->source = (rancid || oxidized) && capture ? ip_arena_printf(a, "%s+capture", kind) : kind;
}

/* "R1 (FOC1234X0AB)": another box than the first R1 of the audit
 * (audit_fleet.c), by its serial as device.c names boxes, else its model. */
static const char *other_box_name(ip_arena *a, const ip_device *dev, const char *name)
{
	const char *id = dev->serial.s ? dev->serial.s : dev->platform.s;
	return id ? ip_arena_printf(a, "%s (%s)", name, id) : name;
}

static void device_build(audit_device *d, ip_arena *a, const ip_device *dev, const char *unit_name,
			 const audit_options *o)
{
	d->dev = dev;
	d->name = ip_device_name(dev) ? ip_device_name(dev) : unit_name;
	if (d->fleet == FLEET_BOX_OTHER || d->fleet == FLEET_BOX_OTHER_AGAIN)
		d->name = other_box_name(a, dev, d->name);
	d->version = dev->os == IP_OS_IOSXE && dev->xe_version.s ? dev->xe_version.s : dev->version.s;
	files_and_source(d, a);
	d->target = approved(o, a, dev, &d->target_why);
	if (d->target) {
		ip_plan *p = ip_arena_alloc(a, sizeof(*p));
		ip_plan_build(p, a, dev, d->target, &o->plan);
		d->check = &p->check;
		upgrade(d, a, p);
	} else {
		ip_device_check *c = ip_arena_alloc(a, sizeof(*c));
		ip_check_device(c, a, dev, NULL, &o->config->check);
		d->check = c;
	}
	reload(d, a);
	findings(d, a);
}

static char *xstrdup(const char *s)
{
	char *t = strdup(s ? s : "unknown");
	if (!t)
		ip_out_of_memory();
	return t;
}

/* "16.09.06" and "16.9.6" are one release in the summary. */
static char *version_key(const char *v)
{
	char buf[IP_VERSION_TEXT_SIZE];
	const char *n = ip_version_text_normalised(v, buf, sizeof(buf));
	return xstrdup(n ? n : v);
}

/* One allocation a device: its rules array, then the platform, the version
 * and the rule ids packed behind it. A tally lives from the worker that
 * makes it to the writer; as a dozen small strings each, tallies were
 * scattered through the worker's heap between the parsers' chunks, and
 * the heap grew with the length of the run (issue 10). */
static void tally(audit_tally *t, const audit_device *d)
{
	char *version = version_key(d->version);
	const char *platform = d->dev->platform.s ? d->dev->platform.s : "unknown";
	size_t np = strlen(platform) + 1, nv = strlen(version) + 1, nr = 0;
	for (size_t i = 0; i < d->n_findings; i++)
		nr += strlen(d->findings[i].rule) + 1;
	size_t head = (d->n_findings + 1) * sizeof(*t->rules);
	char *blk = malloc(head + np + nv + nr);
	if (!blk)
		ip_out_of_memory();
	t->rules = (char **)(void *)blk;
	char *at = blk + head;
	t->platform = memcpy(at, platform, np);
	t->version = memcpy(at += np, version, nv);
	at += nv;
	free(version);
	t->error = d->n_errors > 0;
	/* an error about one of its files that is not a disagreement (those
	 * are findings): a file, or a section, that could not be used, as
	 * cli_load() counts them for the other commands */
	for (size_t i = 0; i < d->n_problems && !t->input_error; i++)
		if ((t->input_error = d->problems[i]->level == IP_DIAG_ERROR) &&
		    !(t->input_error_path = strdup(audit_span_file(d->problems[i]->span))))
			ip_out_of_memory();
	t->upgrade = d->upgrade;
	t->reload = d->reload;
	t->again = d->fleet == FLEET_BOX_AGAIN || d->fleet == FLEET_BOX_OTHER_AGAIN ||
		   d->fleet == FLEET_BOX_NAMED_AGAIN;
	if (d->fleet == FLEET_BOX_OTHER || d->fleet == FLEET_BOX_NAMED) {
		const char *h = d->dev->hostname.s ? d->dev->hostname.s : d->dev->key;
		if (!(t->shared = strdup(h ? h : "")))
			ip_out_of_memory();
	}
	for (size_t i = 0; i < d->n_findings; i++) {
		size_t k = strlen(d->findings[i].rule) + 1;
		t->rules[t->n_rules++] = memcpy(at, d->findings[i].rule, k);
		at += k;
	}
}

void audit_tally_free(audit_tally *t)
{
	free(t->rules); /* the strings are in the same block */
	free(t->shared);
	free(t->input_error_path);
}

/* --- the unit -------------------------------------------------------------- */

typedef struct unit_out {
	FILE *m, *notes;
	audit_result *r;
	const audit_options *o;
} unit_out;

/* unused: an input that could not be used (the run exits 2); false for
 * a deliberate skip of what is no input (audit_sink.problem). */
static void problem(unit_out *uo, const char *path, const char *msg, bool unused)
{
	uo->o->format->problem(uo->m, uo->notes, path, msg);
	uo->r->problems++;
	if (!unused)
		return;
	audit_result *r = uo->r;
	if (!(r->unused_paths = realloc(r->unused_paths, (r->unused + 1) * sizeof(char *))) ||
	    !(r->unused_paths[r->unused] = strdup(path)))
		ip_out_of_memory();
	r->unused++;
}

/* Errors about files no device took (no device output in them, a section
 * no device could be told for) are problems of those files. */
static void orphan_diags(unit_out *uo, const ip_device_set *set, const audit_device *devs, size_t n)
{
	for (size_t i = 0; i < set->diags.n; i++) {
		const ip_diag *x = &set->diags.v[i];
		bool taken = false;
		for (size_t k = 0; k < n && !taken; k++)
			taken = file_of(&devs[k], x->span.file);
		if (!taken && x->level == IP_DIAG_ERROR)
			problem(uo, x->span.file ? x->span.file : "?", x->message, true);
	}
}

static void unit_devices(unit_out *uo, audit_unit *u)
{
	ip_device_set *set = ip_device_set_new();
	ip_capture **caps = ip_arena_alloc(set->arena, (u->n_files + 1) * sizeof(*caps));
	size_t nc = 0;
	for (size_t i = 0; i < u->n_files; i++) {
		audit_file *f = &u->files[i];
		uo->r->files++;
		uo->r->bytes += f->len;
		int rc = ip_capture_from_buffer(&caps[nc], set->arena, f->path, f->buf, f->len);
		free(f->buf);
		f->buf = NULL;
		if (rc) {
			problem(uo, f->path, bare_message(ip_error_last(), f->path), true);
			continue;
		}
		/* as `iosplan plan` reads it from disk, so both order files alike */
		caps[nc]->has_mtime = f->mtime != 0;
		caps[nc]->mtime = f->mtime;
		nc++;
	}
	if (ip_device_set_add_captures(set, caps, nc) == 0) {
		audit_device *devs = ip_arena_alloc(set->arena, (set->n + 1) * sizeof(*devs));
		uo->r->tallies = calloc(set->n + 1, sizeof(*uo->r->tallies));
		if (!uo->r->tallies)
			ip_out_of_memory();
		/* which boxes these are among the fleet's, before the checks and
		 * the plan (the costly part), so later units wait the least */
		audit_fleet_wait(uo->o->fleet, u);
		for (size_t i = 0; i < set->n; i++)
			devs[i].fleet = audit_fleet_decide(uo->o->fleet, u, set, i);
		audit_fleet_done(uo->o->fleet, u);
		for (size_t i = 0; i < set->n; i++) {
			devs[i].set = set;
			device_build(&devs[i], set->arena, set->v[i], u->name, uo->o);
			uo->o->format->device(uo->m, uo->notes, &devs[i]);
			tally(&uo->r->tallies[uo->r->n_tallies++], &devs[i]);
		}
		orphan_diags(uo, set, devs, set->n);
	} else {
		problem(uo, u->files[0].path, ip_error_last(), true);
	}
	ip_device_set_free(set);
}

/* Each thread renders into two memory streams it keeps open and rewinds per
 * unit; a result gets an exact-size copy. Opening two streams per unit cost
 * two zeroed 8 KiB buffers that then lived, shrunk, in the worker's heap
 * until the writer freed them, between the next units' parser chunks: the
 * heap fragmented and peak RSS grew with the fleet (bench/run-suite). */
typedef struct scratch {
	FILE *f;
	char *buf;
	size_t size;
} scratch;

static _Thread_local scratch tl_text, tl_notes;

/* A stream that grew past this for one unit is closed after it, so one
 * huge device does not pin its buffer for the rest of the run. */
#define SCRATCH_KEEP_BYTES (1u << 20)

static FILE *scratch_open(scratch *s)
{
	if (!s->f && !(s->f = open_memstream(&s->buf, &s->size)))
		ip_out_of_memory();
	return s->f;
}

static void scratch_close(scratch *s)
{
	if (s->f)
		fclose(s->f);
	free(s->buf);
	*s = (scratch){ 0 };
}

/* The bytes written since the last take, copied out (NULL when none). */
static char *scratch_take(scratch *s, size_t *len)
{
	if (fflush(s->f) != 0)
		ip_out_of_memory();
	off_t n = ftello(s->f);
	if (n < 0)
		ip_out_of_memory();
	*len = (size_t)n;
	char *t = NULL;
	if (n > 0) {
		if (!(t = malloc((size_t)n + 1)))
			ip_out_of_memory();
		memcpy(t, s->buf, (size_t)n);
		t[n] = '\0';
	}
	if ((size_t)n > SCRATCH_KEEP_BYTES)
		scratch_close(s);
	else
		rewind(s->f);
	return t;
}

void audit_thread_end(void)
{
	scratch_close(&tl_text);
	scratch_close(&tl_notes);
	audit_out_thread_end();
}

void audit_unit_process(audit_result *out, audit_unit *u, const audit_options *o)
{
	memset(out, 0, sizeof(*out));
	out->seq = u->seq;
	unit_out uo = { scratch_open(&tl_text), scratch_open(&tl_notes), out, o };
	if (u->kind == UNIT_PROBLEM)
		problem(&uo, u->problem_path, u->problem, u->unused);
	else
		unit_devices(&uo, u);
	audit_fleet_done(o->fleet, u); /* a unit no device came of is done too */
	out->text = scratch_take(&tl_text, &out->text_len);
	out->notes = scratch_take(&tl_notes, &out->notes_len);
}

void audit_result_free(audit_result *r)
{
	free(r->text);
	free(r->notes);
	for (size_t i = 0; i < r->n_tallies; i++)
		audit_tally_free(&r->tallies[i]);
	free(r->tallies);
	for (size_t i = 0; i < r->unused; i++)
		free(r->unused_paths[i]);
	free(r->unused_paths);
	memset(r, 0, sizeof(*r));
}
