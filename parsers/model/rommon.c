/* The device's ROMMON version, from the first source that says it (see
 * rommon.h for the order and why). */
#include <string.h>

#include "fact_hint.h"
#include "rommon.h"

static bool route_processor(const ip_rom_slot *s)
{
	return s->slot[0] == 'R' && s->slot[1] >= '0' && s->slot[1] <= '9';
}

static bool active(const ip_rom_slot *s)
{
	return s->state.s && strstr(s->state.s, "active") != NULL;
}

/* The active route processor with a version, else R0's, else NULL. */
static const ip_rom_slot *active_rp(const ip_device *d)
{
	const ip_rom_slot *r0 = NULL;
	for (size_t i = 0; i < d->n_rom_slots; i++) {
		const ip_rom_slot *s = &d->rom_slots[i];
		if (!route_processor(s) || !s->rommon.s)
			continue;
		if (active(s))
			return s;
		if (strcmp(s->slot, "R0") == 0)
			r0 = s;
	}
	return r0;
}

static const ip_rom_slot *chassis_slot(const ip_device *d)
{
	for (size_t i = 0; i < d->n_rom_slots; i++) {
		const ip_rom_slot *s = &d->rom_slots[i];
		if (s->rommon.s && (strcmp(s->slot, "0") == 0 || strcmp(s->slot, "1") == 0))
			return s;
	}
	return NULL;
}

ip_rommon_answer ip_device_rommon(const ip_device *d)
{
	ip_rommon_answer a = { 0 };
	const ip_rom_slot *s = active_rp(d);
	if (!s && !d->rommon.s)
		s = chassis_slot(d);
	if (s) {
		a.version = &s->rommon;
		a.from = s->rommon_from;
		a.slot = s->slot;
	} else if (d->rommon.s) {
		a.version = &d->rommon;
		a.from = "show version";
	} else {
		/* what gives it on this platform (fact_hint.h decides); NULL when
		 * show version was captured and nothing else would tell */
		a.missing = ip_fact_hint_of(NULL, d, NULL, IP_FACT_ROMMON).capture;
		return a;
	}
	return a;
}
