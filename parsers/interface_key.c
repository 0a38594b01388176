/* One name per interface, whatever output printed it:
 *
 *   show ip interface brief   GigabitEthernet1/0/1
 *   show interfaces status    Gi1/0/1
 *   show cdp neighbors        Gig 1/0/1
 *   show ip ospf neighbor     GigabitEthernet0/2.101
 *
 * all become "gi1/0/1": the type word is looked up among its spellings and
 * replaced by one short form; the rest is kept, lower-cased, without
 * spaces. A type iosplan does not know keeps its own (lower-cased) word,
 * which still matches itself across captures. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "device.h"

typedef struct if_type {
	const char *key;
	const char *spellings[5];
} if_type;

/* Exact spellings only: "Tw" is TwoGigabitEthernet in `show interfaces
 * status` while "Twe" is TwentyFiveGigE, so prefixes would mix them up. */
static const if_type if_types[] = {
	{ "gi", { "GigabitEthernet", "Gig", "Gi", "GE", NULL } },
	{ "fa", { "FastEthernet", "Fas", "Fa", NULL } },
	{ "te", { "TenGigabitEthernet", "TenGigE", "Ten", "Te", NULL } },
	{ "twe", { "TwentyFiveGigE", "TwentyFiveGigabitEthernet", "Twe", NULL } },
	{ "tw", { "TwoGigabitEthernet", "Two", "Tw", NULL } },
	{ "fi", { "FiveGigabitEthernet", "Fiv", "Fi", NULL } },
	{ "fo", { "FortyGigabitEthernet", "FortyGigE", "For", "Fo", NULL } },
	{ "hu", { "HundredGigE", "HundredGigabitEthernet", "Hun", "Hu", NULL } },
	{ "ap", { "AppGigabitEthernet", "App", "Ap", NULL } },
	{ "et", { "Ethernet", "Eth", "Et", NULL } },
	{ "po", { "Port-channel", "Po", NULL } },
	{ "vl", { "Vlan", "Vl", NULL } },
	{ "lo", { "Loopback", "Lo", NULL } },
	{ "tu", { "Tunnel", "Tu", NULL } },
	{ "se", { "Serial", "Ser", "Se", NULL } },
};

static const char *type_key(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof(if_types) / sizeof(if_types[0]); i++)
		for (size_t k = 0; k < 5 && if_types[i].spellings[k]; k++)
			if (strlen(if_types[i].spellings[k]) == n &&
			    strncasecmp(if_types[i].spellings[k], s, n) == 0)
				return if_types[i].key;
	return NULL;
}

const char *ip_interface_key(ip_arena *a, const char *name, size_t len)
{
	size_t t = 0;
	while (t < len && (isalpha((unsigned char)name[t]) || name[t] == '-'))
		t++;
	const char *key = type_key(name, t);
	size_t klen = key ? strlen(key) : t;
	char *out = ip_arena_alloc(a, klen + len + 1), *p = out;
	for (size_t i = 0; i < klen; i++)
		*p++ = (char)tolower((unsigned char)(key ? key[i] : name[i]));
	for (size_t i = t; i < len; i++)
		if (!isspace((unsigned char)name[i]))
			*p++ = (char)tolower((unsigned char)name[i]);
	*p = '\0';
	return out;
}
