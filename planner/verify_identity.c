/* verify: whether the before- and after-captures are of one chassis.
 *
 * Devices are paired by hostname, and a hostname is no identity: the same
 * name at another site, a lab twin, or the wrong session log pass every
 * other check. The serial numbers decide it, as show version prints them:
 *
 *   Processor board ID FOC1932X0K7          (the chassis; on a stack, the
 *   System Serial Number : FOC1932X0K7        active member's)
 *   Switch 02 / System Serial Number : FOC1932X0K8   (each other member)
 *
 * A stack may elect another active member at the reload, so its "Processor
 * board ID" may change while the stack stays: two sides are one device when
 * they share a serial number, any member's. Sides with no serial in common,
 * or with another model on the processor line, are two chassis: the check
 * fails and the others are not made (they would judge one box by another).
 * A side without a serial is not compared: the check says so, and names the
 * capture that would decide it. */
#include <string.h>
#include <strings.h>

#include "verify_private.h"

/* Whether s is d's chassis serial or one of its members'. */
static bool has_serial(const ip_device *d, const char *s)
{
	if (d->serial.s && strcmp(d->serial.s, s) == 0)
		return true;
	for (size_t i = 0; i < d->n_members; i++)
		if (d->members[i].serial.s && strcmp(d->members[i].serial.s, s) == 0)
			return true;
	return false;
}

/* d's first serial: the chassis's, else a member's (NULL: none captured). */
static const ip_text *first_serial(const ip_device *d)
{
	if (d->serial.s)
		return &d->serial;
	for (size_t i = 0; i < d->n_members; i++)
		if (d->members[i].serial.s)
			return &d->members[i].serial;
	return NULL;
}

static bool share_serial(const ip_device *a, const ip_device *b)
{
	if (a->serial.s && has_serial(b, a->serial.s))
		return true;
	for (size_t i = 0; i < a->n_members; i++)
		if (a->members[i].serial.s && has_serial(b, a->members[i].serial.s))
			return true;
	return false;
}

/* "R1, serial FOC1, WS-C2960X-48FPD-L (r1.log:12)" */
static const char *side(vctx *c, const ip_device *d, const ip_text *serial)
{
	const char *name = ip_device_name(d) ? ip_device_name(d) : "(unnamed)";
	ip_span at = serial ? serial->span : d->platform.span;
	return ip_arena_printf(c->a, "%s, serial %s, %s (%s:%u)", name,
			       serial ? serial->s : "unknown",
			       d->platform.s ? d->platform.s : "model unknown",
			       at.file ? at.file : "?", (unsigned)at.line);
}

bool v_check_same_device(vctx *c)
{
	const ip_device *b = c->v->before, *a = c->v->after;
	if (!b)
		return true;
	const ip_text *sa = first_serial(a), *sb = first_serial(b);
	bool other_model = a->platform.s && b->platform.s &&
			   strcasecmp(a->platform.s, b->platform.s) != 0;
	if ((sa && sb && !share_serial(a, b)) || other_model) {
		vcheck(c, "same-device", IP_VCHECK_FAIL, sa ? sa->span : a->platform.span,
		       sb ? sb->span : b->platform.span,
		       "the after-captures are of another chassis than the before-captures "
		       "(paired by hostname only): before %s; after %s; capture the "
		       "after-state on the device that was changed",
		       side(c, b, sb), side(c, a, sa));
		return false;
	}
	if (!sa || !sb) {
		vcheck_missing(c, "same-device", !sb, "show version",
			       "the serial number was not compared: the %s-captures show none, "
			       "so nothing proves they are of the same chassis",
			       !sb ? "before" : "after");
		return true;
	}
	vcheck(c, "same-device", IP_VCHECK_PASS, sa->span, sb->span,
	       "serial number %s on both sides", sa->s);
	return true;
}
