/* The way back, decided once (issue 22; release_back.h says why). */
#include <string.h>
#include <strings.h>

#include "release_back.h"

const ip_text *ip_release_running(const ip_device *d, const ip_target *t)
{
	return t && t->image.is_xe && d->xe_version.s ? &d->xe_version : &d->version;
}

static bool at_or_above(const char *a, const char *b)
{
	ip_rommon_order o = ip_rommon_cmp(a, b);
	return o == IP_ROM_SAME || o == IP_ROM_NEWER;
}

ip_rommon_crossing ip_release_rommon_crossing(const ip_target *t, const ip_device *d,
					      const ip_platform *p)
{
	ip_rommon_crossing c = { 0 };
	const ip_release_facts *r = t ? t->facts : NULL;
	c.min = r ? ip_release_min_rommon(r, d, p) : NULL;
	if (!c.min || !r->n_one_way)
		return c;
	c.now = ip_device_rommon(d);
	for (size_t i = 0; i < r->n_one_way; i++) {
		const ip_fact_text *v = &r->rommon_one_way[i];
		if (!at_or_above(c.min->version.text, v->text))
			continue;
		if (!c.now.version) {
			c.one_way = v;
			c.unknown = true;
			return c;
		}
		if (ip_rommon_cmp(c.now.version->s, v->text) == IP_ROM_OLDER) {
			c.one_way = v;
			return c;
		}
	}
	return c;
}

static bool before_secret_release(const ip_version *v)
{
	ip_version b;
	return v && ip_version_parse(&b, IP_SECRET_RELEASE, strlen(IP_SECRET_RELEASE)) &&
	       ip_version_cmp(v, &b) == -1;
}

ip_secret_lockout ip_secret_lockout_at(const ip_device *d, const ip_version *boots,
				       const ip_platform *p)
{
	ip_secret_lockout l = { 0 };
	if (!d->secrets || !before_secret_release(boots))
		return l;
	/* scanned here, only when a release could lock out (device.h) */
	const ip_secrets *s = ip_secrets_of(d);
	l.documented = p && p->family == IP_FAMILY_SWITCH_XE;
	if (s->kind[IP_SECRET_9_14].seen)
		l.s14 = &s->kind[IP_SECRET_9_14];
	if (s->kind[IP_SECRET_6].seen)
		l.six = &s->kind[IP_SECRET_6];
	return l;
}

bool ip_secret_release_crossed(const ip_version *from, const ip_version *to)
{
	ip_version b;
	return from && to && ip_version_parse(&b, IP_SECRET_RELEASE, strlen(IP_SECRET_RELEASE)) &&
	       ip_version_cmp(from, &b) == -1 && ip_version_cmp(to, &b) >= 0 &&
	       ip_version_cmp(to, &b) != IP_VER_INCOMPARABLE;
}

static bool parse(const char *s, ip_version *v)
{
	return s && ip_version_parse(v, s, strlen(s));
}

bool ip_release_license_crossing(const ip_target *t, const ip_device *d)
{
	const ip_release_facts *r = t ? t->facts : NULL;
	ip_version since, now;
	if (!r || !r->license_model.text || !t->parsed || !parse(r->license_since.text, &since) ||
	    !parse(ip_release_running(d, t)->s, &now))
		return false;
	int up = ip_version_cmp(&t->image.version, &since), was = ip_version_cmp(&now, &since);
	return up != IP_VER_INCOMPARABLE && was != IP_VER_INCOMPARABLE && up >= 0 && was < 0;
}

const ip_license *ip_license_level_change(const ip_device *d)
{
	const ip_license *l = d->license;
	if (!l || !l->level.s || !l->next_level.s || strcasecmp(l->level.s, l->next_level.s) == 0)
		return NULL;
	return l;
}
