/* Which box a device of the audit is, across units (audit.h; issue 23,
 * point 2): two boxes with one hostname in two folders, or in two files
 * of a folder, are two devices, named apart; two backups of one box are
 * one device.
 *
 *   a/R1.log   R1, 7206VXR, board ID 4279256517   -> "R1"       (first)
 *   b/R1.log   R1, WS-C3850-24P, FOC1234X0AB      -> "R1 (FOC1234X0AB)"
 *   c/R1.log   R1, 7206VXR, board ID 4279256517   -> "R1", again (one device)
 *
 * Why the first keeps the plain name: the audit streams (its records go
 * out as the walk goes, in input order, and memory stays flat), so when
 * the second box of a hostname is read the first one's record may be out
 * already. The rule is therefore one that holds whatever is read later:
 * the first box of a hostname in input order keeps it; every box that
 * differs from that one (identity.h's test: serials, else models) is
 * named "R1 (serial)", as lint, facts and plan name it; a backup that
 * names no different hardware is the first box again. The summary lists
 * the hostnames that more than one box carries, so a reader knows that
 * plain "R1" there is one box of several (its serial is in its record).
 * Device assembly (parsers/device.c, step 4) names boxes by the same
 * rule, so lint, facts, plan and the language server agree with audit.
 *
 * Memory: one fixed table of FLEET_SLOTS hostname hashes (64 KiB), made
 * in input order by the walk. Past FLEET_FULL hostnames a new one is not
 * followed (its boxes keep their names within their own unit) and the
 * summary counts them: flat memory over a fleet of any size.
 *
 * Order: the decision for a unit that repeats a hostname waits until every
 * earlier unit has said what its boxes are (audit_fleet_done), so that the
 * names do not depend on --jobs. Only such units wait, and only on earlier
 * ones, which are on other workers already: no cycle. */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "error.h"

enum { FLEET_SLOTS = 1u << 13 };
#define FLEET_FULL (FLEET_SLOTS / 4u * 3u)

/* A slot is one word, so that the table is 64 KiB: three flags, 37 bits
 * of the case-folded hostname's hash (two of 6 144 hostnames share them
 * about once in 7 000 fleets), 12 bits each of the first box's serial and
 * model hashes (0: none). */
#define SLOT_USED (1ull << 63)
#define SLOT_FILLED (1ull << 62) /* the first box's identity is in */
#define SLOT_SPLIT (1ull << 61)  /* its first unit held several boxes */
#define HOST_BITS 37
#define HOST_MASK ((1ull << HOST_BITS) - 1)
#define HOST_OF(v) (((v) >> 24) & HOST_MASK)
#define SERIAL_OF(v) ((uint32_t)((v) >> 12) & 0xfffu)
#define MODEL_OF(v) ((uint32_t)(v)&0xfffu)
#define PACK(host, serial, model) (((uint64_t)(host) << 24) | ((uint64_t)(serial) << 12) | (model))

typedef uint64_t slot;

/* The boxes after the first of a shared hostname: few (two boxes with one
 * name are a mistake to fix), so a short list, searched whole. */
enum { FLEET_OTHERS = 1024 };

struct audit_fleet {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	slot *t;
	size_t used, untracked;
	slot *others;
	size_t n_others;
	/* units done: every seq below `low`, and those flagged in `ring` */
	size_t low, ring_n;
	bool *ring;
};

/* FNV-1a over the bytes, letter case aside. */
static uint64_t fold_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)tolower((unsigned char)*s)) * 1099511628211ull;
	return h;
}

static uint32_t id_hash(const char *s)
{
	return s && *s ? ((uint32_t)(fold_hash(s) >> 52) & 0xfffu) | 1u : 0;
}

audit_fleet *audit_fleet_new(size_t in_flight)
{
	audit_fleet *f = calloc(1, sizeof(*f));
	if (!f || !(f->t = calloc(FLEET_SLOTS, sizeof(*f->t))))
		ip_out_of_memory();
	f->ring_n = 64;
	while (f->ring_n < 2 * in_flight)
		f->ring_n *= 2;
	if (!(f->ring = calloc(f->ring_n, sizeof(*f->ring))))
		ip_out_of_memory();
	pthread_mutex_init(&f->mu, NULL);
	pthread_cond_init(&f->cv, NULL);
	return f;
}

void audit_fleet_free(audit_fleet *f)
{
	if (!f)
		return;
	pthread_mutex_destroy(&f->mu);
	pthread_cond_destroy(&f->cv);
	free(f->t);
	free(f->others);
	free(f->ring);
	free(f);
}

size_t audit_fleet_untracked(const audit_fleet *f)
{
	return f ? f->untracked : 0;
}

/* The hostname's slot, or the empty one where it would go; NULL when the
 * table is full and it is not there. With f->mu held. */
static slot *slot_find(audit_fleet *f, uint64_t h)
{
	size_t mask = FLEET_SLOTS - 1;
	for (size_t i = h & mask, k = 0; k < FLEET_SLOTS; i = (i + 1) & mask, k++) {
		slot *s = &f->t[i];
		if (!(*s & SLOT_USED) || HOST_OF(*s) == h)
			return s;
	}
	return NULL;
}

void audit_fleet_unit(audit_fleet *f, audit_unit *u)
{
	u->fleet = FLEET_UNIT_NONE;
	if (!f || u->kind != UNIT_DEVICE || !u->key)
		return;
	uint64_t h = fold_hash(u->key) & HOST_MASK;
	pthread_mutex_lock(&f->mu);
	slot *s = slot_find(f, h);
	if (s && (*s & SLOT_USED)) {
		u->fleet = FLEET_UNIT_REPEAT;
	} else if (s && f->used < FLEET_FULL) {
		*s = SLOT_USED | PACK(h, 0, 0);
		f->used++;
		u->fleet = FLEET_UNIT_FIRST;
	} else {
		f->untracked++;
	}
	pthread_mutex_unlock(&f->mu);
	u->fleet_key = h;
}

void audit_fleet_wait(audit_fleet *f, const audit_unit *u)
{
	if (!f || u->fleet != FLEET_UNIT_REPEAT)
		return;
	pthread_mutex_lock(&f->mu);
	while (f->low < u->seq)
		pthread_cond_wait(&f->cv, &f->mu);
	pthread_mutex_unlock(&f->mu);
}

void audit_fleet_done(audit_fleet *f, audit_unit *u)
{
	if (!f || u->fleet_done)
		return;
	u->fleet_done = true;
	pthread_mutex_lock(&f->mu);
	if (u->seq - f->low >= f->ring_n)
		abort(); /* more units in flight than audit_run said */
	f->ring[u->seq % f->ring_n] = true;
	bool moved = false;
	while (f->ring[f->low % f->ring_n]) {
		f->ring[f->low % f->ring_n] = false;
		f->low++;
		moved = true;
	}
	if (moved)
		pthread_cond_broadcast(&f->cv);
	pthread_mutex_unlock(&f->mu);
}

/* The name a hostname-holding device of unit u is known by. */
static const char *base_name(const ip_device *dev)
{
	return dev->hostname.s ? dev->hostname.s : dev->key && *dev->key ? dev->key : NULL;
}

static bool differs(slot s, uint32_t serial, uint32_t model)
{
	if (SERIAL_OF(s) && serial)
		return SERIAL_OF(s) != serial;
	return MODEL_OF(s) && model && MODEL_OF(s) != model;
}

/* A box that is not the first of its hostname: one seen before under it
 * (the same serial, or model when either lacks one) is that device again.
 * Past FLEET_OTHERS boxes they are not remembered: each is a device. With
 * f->mu held. */
static audit_fleet_box other_box(audit_fleet *f, uint64_t host, uint32_t serial, uint32_t model,
				 bool named)
{
	for (size_t i = 0; i < f->n_others; i++) {
		slot o = f->others[i];
		if (HOST_OF(o) == host && (serial || model) && !differs(o, serial, model))
			return named ? FLEET_BOX_NAMED_AGAIN : FLEET_BOX_OTHER_AGAIN;
	}
	if (f->n_others < FLEET_OTHERS && (serial || model)) {
		if (!f->others && !(f->others = calloc(FLEET_OTHERS, sizeof(*f->others))))
			ip_out_of_memory();
		f->others[f->n_others++] = PACK(host, serial, model);
	}
	return named ? FLEET_BOX_NAMED : FLEET_BOX_OTHER;
}

audit_fleet_box audit_fleet_decide(audit_fleet *f, const audit_unit *u, const ip_device_set *set,
				   size_t i)
{
	const ip_device *dev = set->v[i];
	/* a configuration pasted without a prompt names no device key; the
	 * unit's one device is the host its file named (audit_file_key) */
	const char *base = base_name(dev) ? base_name(dev) : set->n == 1 ? u->key : NULL;
	if (!f || u->fleet == FLEET_UNIT_NONE || !base || (fold_hash(base) & HOST_MASK) != u->fleet_key)
		return FLEET_BOX_SAME;
	size_t boxes = 0;
	for (size_t k = 0; k < set->n; k++) {
		const char *b = base_name(set->v[k]) ? base_name(set->v[k]) : base;
		boxes += b && (fold_hash(b) & HOST_MASK) == u->fleet_key;
	}
	uint32_t serial = id_hash(dev->serial.s), model = id_hash(dev->platform.s);
	audit_fleet_box r = FLEET_BOX_SAME;
	pthread_mutex_lock(&f->mu);
	slot *s = slot_find(f, u->fleet_key);
	if (!s || !(*s & SLOT_USED)) {
		r = FLEET_BOX_SAME;
	} else if (!(*s & SLOT_FILLED)) {
		/* the first unit of the hostname to name a box; an earlier one
		 * whose files could not be read named none */
		*s = SLOT_USED | SLOT_FILLED | (boxes > 1 ? SLOT_SPLIT : 0) |
		     PACK(u->fleet_key, serial, model);
	} else if (u->fleet == FLEET_UNIT_FIRST) {
		/* the first unit held several boxes of the name, each named
		 * "R1 (serial)" by device.c: the others are remembered */
		other_box(f, u->fleet_key, serial, model, true);
	} else if (!SERIAL_OF(*s) && !MODEL_OF(*s) && (serial || model)) {
		/* the first unit named no hardware (a configuration alone):
		 * nothing contradicts, and the box is now known, so that the
		 * count does not depend on which file came first */
		*s = (*s & (SLOT_USED | SLOT_FILLED | SLOT_SPLIT)) | PACK(u->fleet_key, serial, model);
		r = boxes > 1 ? FLEET_BOX_SAME : FLEET_BOX_AGAIN;
	} else if (differs(*s, serial, model) || (*s & SLOT_SPLIT && !serial && !model)) {
		r = other_box(f, u->fleet_key, serial, model, dev->name != NULL);
	} else if (*s & SLOT_SPLIT) {
		/* the first box of a name its first unit named apart */
		r = dev->name ? FLEET_BOX_NAMED_AGAIN : FLEET_BOX_OTHER_AGAIN;
	} else {
		r = boxes > 1 ? FLEET_BOX_SAME : FLEET_BOX_AGAIN;
	}
	pthread_mutex_unlock(&f->mu);
	return r;
}
