/* The configuration register's repair (confreg.h says what and why). */
#include "confreg.h"

/* The bits a boot repair must keep. */
static uint32_t kept(uint32_t v)
{
	return v & ~(IP_CR_BOOT_FIELD | IP_CR_IGNORE);
}

uint32_t ip_confreg_repair(uint32_t v, bool has_normal, uint32_t normal)
{
	if (has_normal && (normal & IP_CR_BOOT_FIELD) > 1 && !(normal & IP_CR_IGNORE) &&
	    kept(normal) == kept(v))
		return normal;
	v &= ~IP_CR_IGNORE;
	if ((v & IP_CR_BOOT_FIELD) < 2)
		v = (v & ~IP_CR_BOOT_FIELD) | 0x2;
	return v;
}

bool ip_confreg_repair_only(uint32_t from, uint32_t to)
{
	return kept(from) == kept(to) && !(to & IP_CR_IGNORE & ~from);
}
