/* The standby RP's two questions (redundancy.h). */
#include <strings.h>

#include "redundancy.h"

static bool simplex(const ip_redundancy *rd)
{
	return rd->hw_mode.s && strcasecmp(rd->hw_mode.s, "Simplex") == 0;
}

bool ip_standby_present(const ip_device *dev)
{
	const ip_redundancy *rd = ip_redundancy_of(dev);
	if (rd->known && rd->peer != IP_PEER_UNKNOWN && rd->peer != IP_PEER_ABSENT)
		return true;
	return rd->standby_bootvar.v == IP_TRI_YES && !(rd->known && simplex(rd));
}

bool ip_standby_syncs(const ip_device *dev)
{
	const ip_redundancy *rd = ip_redundancy_of(dev);
	return rd->known && rd->peer == IP_PEER_HOT &&
	       (rd->mode == IP_RED_MODE_SSO || rd->mode == IP_RED_MODE_UNKNOWN);
}
