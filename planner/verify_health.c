/* After the reload: every interface that was up before is up, and every
 * neighbour (OSPF, BGP, CDP) that was there before is back. Each table is
 * compared with the same command's table from before the change; a table
 * captured on one side only is a check not made. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "verify_private.h"

enum { MAX_NAMED = 8 };

typedef struct bad_list {
	const char *text; /* "Gi0/0/1 (administratively down/down), Gi0/0/2 (missing)" */
	size_t n;
} bad_list;

static void bad_add(vctx *c, bad_list *b, const char *name, const char *why)
{
	if (b->n < MAX_NAMED)
		b->text = ip_arena_printf(c->a, "%s%s%s (%s)", b->text ? b->text : "",
					  b->n ? ", " : "", name, why);
	else if (b->n == MAX_NAMED)
		b->text = ip_arena_printf(c->a, "%s and more", b->text);
	b->n++;
}

/* --- interfaces ----------------------------------------------------------- */

/* The after tables, sorted once so that each row of the before table is
 * looked up in log n: comparing every row with every row took 6 s for
 * 60 000 rows. Ties keep table order, so a lookup finds the first row of
 * a key, as a scan from the top would. */
static int if_cmp(const void *x, const void *y)
{
	const ip_interface *a = *(const ip_interface *const *)x, *b = *(const ip_interface *const *)y;
	int c = strcmp(a->key, b->key);
	return c ? c : (a > b) - (a < b);
}

static const ip_interface **if_index(vctx *c, const ip_interface_list *l)
{
	const ip_interface **ix = ip_arena_alloc(c->a, (l->n + 1) * sizeof(*ix));
	for (size_t i = 0; i < l->n; i++)
		ix[i] = &l->v[i];
	qsort(ix, l->n, sizeof(*ix), if_cmp);
	return ix;
}

static const ip_interface *if_find(const ip_interface **ix, size_t n, const char *key)
{
	size_t lo = 0, hi = n; /* the first row whose key is not below key */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ix[mid]->key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(ix[lo]->key, key) == 0 ? ix[lo] : NULL;
}

static const char *if_state(vctx *c, const ip_interface *i)
{
	if (i->protocol.s)
		return ip_arena_printf(c->a, "%s/%s", i->status.s, i->protocol.s);
	return i->status.s ? i->status.s : "?";
}

/* The check is made first and judged at the end, once the related spans
 * of what failed are known. */
static void judge(vctx *c, ip_vcheck *k, ip_vstatus st, ip_span first_bad, ip_span was_bad)
{
	if (st == IP_VCHECK_FAIL && ip_span_known(first_bad))
		k->after = first_bad; /* the first row that is not up (or not back) */
	if (st == IP_VCHECK_FAIL && ip_span_known(was_bad))
		k->before = was_bad;  /* and the same row before the change */
	c->v->counts[k->status]--;
	c->v->counts[st]++;
	k->status = st;
}

static void compare_ifs(vctx *c, const ip_interface_list *was, const ip_interface_list *now,
			const char *cmd)
{
	bad_list bad = { 0 };
	size_t up = 0, hidden = 0;
	ip_span first_bad = { 0 }, was_bad = { 0 };
	ip_vcheck *k = vcheck(c, "interfaces", IP_VCHECK_PASS, now->span, was->span, "%s", "");
	const ip_interface **ix = if_index(c, now);
	for (size_t i = 0; i < was->n; i++) {
		const ip_interface *w = &was->v[i];
		if (!w->up)
			continue;
		up++;
		const ip_interface *x = if_find(ix, now->n, w->key);
		if (!x && now->filter) {
			hidden++;
		} else if (!x || !x->up) {
			const char *why = x ? if_state(c, x) : "missing after";
			if (!ip_span_known(was_bad))
				was_bad = w->span;
			if (x && !ip_span_known(first_bad))
				first_bad = x->span;
			bad_add(c, &bad, w->name.s, why);
			vcheck_related(c, k, x ? x->span : w->span, "%s: %s", w->name.s, why);
		}
	}
	judge(c, k, bad.n ? IP_VCHECK_FAIL : hidden ? IP_VCHECK_WARN : IP_VCHECK_PASS, first_bad, was_bad);
	if (bad.n)
		k->message = ip_arena_printf(c->a, "%zu of %zu interface%s up before the change %s "
					     "not up after (%s): %s", bad.n, up, up == 1 ? "" : "s",
					     bad.n == 1 ? "is" : "are", cmd, bad.text);
	else if (hidden)
		k->message = ip_arena_printf(c->a, "%zu of the %zu interfaces up before are not in the "
					     "after capture of %s, which was filtered ('| %s'): "
					     "capture it whole", hidden, up, cmd, now->filter);
	else
		k->message = ip_arena_printf(c->a, "all %zu interfaces up before the change are up "
					     "after (%s)", up, cmd);
}

void v_check_interfaces(vctx *c)
{
	const ip_device *d = c->v->after, *b = c->v->before;
	const struct {
		const ip_interface_list *was, *now;
		const char *cmd;
	} kinds[] = {
		{ b ? &b->if_brief : NULL, &d->if_brief, "show ip interface brief" },
		{ b ? &b->if_status : NULL, &d->if_status, "show interfaces status" },
	};
	bool made = false;
	for (size_t i = 0; i < 2; i++) {
		bool was = kinds[i].was && kinds[i].was->known, now = kinds[i].now->known;
		if (was && now)
			compare_ifs(c, kinds[i].was, kinds[i].now, kinds[i].cmd);
		else if (was || now)
			vcheck_missing(c, "interfaces", now, kinds[i].cmd,
				       "%s is captured %s the change only", kinds[i].cmd,
				       now ? "after" : "before");
		made |= was || now;
	}
	if (!made)
		vcheck_missing(c, "interfaces", true, "show ip interface brief",
			       "no interface table (show ip interface brief or show interfaces "
			       "status) before nor after the change");
}

/* --- neighbours ------------------------------------------------------------ */

typedef enum { KEY_INTERFACE, KEY_FAMILY } nbr_key;

static bool nbr_same(const ip_neighbor *a, const ip_neighbor *b, nbr_key k)
{
	if (!a->id.s || !b->id.s || strcasecmp(a->id.s, b->id.s) != 0)
		return false;
	if (k == KEY_FAMILY)
		return (!a->family && !b->family) ||
		       (a->family && b->family && strcasecmp(a->family, b->family) == 0);
	return (!a->if_key && !b->if_key) || (a->if_key && b->if_key && !strcmp(a->if_key, b->if_key));
}

static int nbr_cmp(const void *x, const void *y)
{
	const ip_neighbor *a = *(const ip_neighbor *const *)x, *b = *(const ip_neighbor *const *)y;
	int c = strcasecmp(a->id.s ? a->id.s : "", b->id.s ? b->id.s : "");
	return c ? c : (a > b) - (a < b);
}

static const ip_neighbor **nbr_index(vctx *c, const ip_neighbor_list *l)
{
	const ip_neighbor **ix = ip_arena_alloc(c->a, (l->n + 1) * sizeof(*ix));
	for (size_t i = 0; i < l->n; i++)
		ix[i] = &l->v[i];
	qsort(ix, l->n, sizeof(*ix), nbr_cmp);
	return ix;
}

/* The first row (in table order) that is w's session: among the rows of
 * w's id, which the index holds side by side in table order. */
static const ip_neighbor *nbr_find(const ip_neighbor **ix, size_t n, const ip_neighbor *w,
				   nbr_key key)
{
	if (!w->id.s)
		return NULL;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcasecmp(ix[mid]->id.s ? ix[mid]->id.s : "", w->id.s) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && ix[lo]->id.s && strcasecmp(ix[lo]->id.s, w->id.s) == 0; lo++)
		if (nbr_same(w, ix[lo], key))
			return ix[lo];
	return NULL;
}

static const char *nbr_name(vctx *c, const ip_neighbor *n)
{
	if (n->interface.s)
		return ip_arena_printf(c->a, "%s on %s", n->id.s, n->interface.s);
	if (n->family)
		return ip_arena_printf(c->a, "%s (%s)", n->id.s, n->family);
	return n->id.s;
}

static void compare_nbrs(vctx *c, const ip_neighbor_list *was, const ip_neighbor_list *now,
			 const char *proto, nbr_key key)
{
	bad_list bad = { 0 };
	size_t seen = 0, hidden = 0;
	ip_span first_bad = { 0 }, was_bad = { 0 };
	ip_vcheck *k = vcheck(c, "neighbors", IP_VCHECK_PASS, now->span, was->span, "%s", "");
	const ip_neighbor **ix = nbr_index(c, now);
	for (size_t i = 0; i < was->n; i++) {
		const ip_neighbor *w = &was->v[i];
		if (!w->established)
			continue;
		seen++;
		const ip_neighbor *x = nbr_find(ix, now->n, w, key);
		if (!x && now->filter) {
			hidden++;
		} else if (!x || !x->established) {
			const char *why = x ? ip_arena_printf(c->a, "%s after", x->state.s ? x->state.s : "down")
					    : "missing after";
			if (!ip_span_known(was_bad))
				was_bad = w->span;
			if (x && !ip_span_known(first_bad))
				first_bad = x->span;
			bad_add(c, &bad, nbr_name(c, w), why);
			vcheck_related(c, k, x ? x->span : w->span, "%s: %s", nbr_name(c, w), why);
		}
	}
	judge(c, k, bad.n ? IP_VCHECK_FAIL : hidden ? IP_VCHECK_WARN : IP_VCHECK_PASS, first_bad, was_bad);
	if (bad.n)
		k->message = ip_arena_printf(c->a, "%zu of %zu %s neighbour%s seen before the "
					     "change %s not back: %s", bad.n, seen, proto, seen == 1 ? "" : "s",
					     bad.n == 1 ? "is" : "are", bad.text);
	else if (hidden)
		k->message = ip_arena_printf(c->a, "%zu of the %zu %s neighbours seen before are not in "
					     "the after capture, which was filtered ('| %s')", hidden,
					     seen, proto, now->filter);
	else
		k->message = seen == 1 ? ip_arena_printf(c->a, "the %s neighbour seen before the change "
							 "is back", proto)
			     : ip_arena_printf(c->a, "all %zu %s neighbours seen before the change are "
					       "back", seen, proto);
}

void v_check_neighbors(vctx *c)
{
	const ip_device *d = c->v->after, *b = c->v->before;
	const struct {
		const ip_neighbor_list *was, *now;
		const char *proto, *cmd;
		nbr_key key;
	} kinds[] = {
		{ b ? &b->ospf_neighbors : NULL, &d->ospf_neighbors, "OSPF", "show ip ospf neighbor", KEY_INTERFACE },
		{ b ? &b->bgp_neighbors : NULL, &d->bgp_neighbors, "BGP", "show ip bgp summary", KEY_FAMILY },
		{ b ? &b->cdp_neighbors : NULL, &d->cdp_neighbors, "CDP", "show cdp neighbors", KEY_INTERFACE },
	};
	bool made = false;
	for (size_t i = 0; i < 3; i++) {
		bool was = kinds[i].was && kinds[i].was->known, now = kinds[i].now->known;
		if (was && now)
			compare_nbrs(c, kinds[i].was, kinds[i].now, kinds[i].proto, kinds[i].key);
		else if (was || now)
			vcheck_missing(c, "neighbors", now, kinds[i].cmd, "%s is captured %s the change only",
				       kinds[i].cmd, now ? "after" : "before");
		made |= was || now;
	}
	if (!made)
		vcheck_missing(c, "neighbors", true, "show ip ospf neighbor",
			       "no neighbour table (show ip ospf neighbor, show ip bgp summary, show "
			       "cdp neighbors) before nor after the change");
}
