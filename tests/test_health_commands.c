/* The post-change health commands: typed forms and abbreviations, bare
 * output recognised by its header, interface names in one form, and the
 * show version uptime in minutes. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "parsers.h"

typedef struct cmd_case {
	const char *typed;
	ip_cmd cmd;
	const char *canonical;
} cmd_case;

static const cmd_case cmd_cases[] = {
	{ "show ip interface brief", IP_CMD_IP_INT_BRIEF, "show ip interface brief" },
	{ "sh ip int br", IP_CMD_IP_INT_BRIEF, "show ip interface brief" },
	{ "sh ip int b | ex unassigned", IP_CMD_IP_INT_BRIEF, "show ip interface brief | ex unassigned" },
	{ "show ip interface", IP_CMD_OTHER, "show ip interface" },
	{ "show interfaces status", IP_CMD_INTERFACES_STATUS, "show interfaces status" },
	{ "sh int status", IP_CMD_INTERFACES_STATUS, "show interfaces status" },
	{ "show interface stat", IP_CMD_INTERFACES_STATUS, "show interfaces status" },
	{ "sh int status err-disabled", IP_CMD_OTHER, "show interfaces status" },
	{ "sh int sta", IP_CMD_OTHER, "sh int sta" },
	{ "show ip ospf neighbor", IP_CMD_OSPF_NEIGHBOR, "show ip ospf neighbor" },
	{ "sh ip os nei", IP_CMD_OSPF_NEIGHBOR, "show ip ospf neighbor" },
	{ "show ip ospf 10 neighbor", IP_CMD_OSPF_NEIGHBOR, "show ip ospf neighbor" },
	{ "show ip ospf neighbor detail", IP_CMD_OTHER, "show ip ospf neighbor" },
	{ "show ip ospf 1 neighbor detail", IP_CMD_OTHER, "show ip ospf neighbor" },
	{ "show ip ospf database", IP_CMD_OTHER, "show ip ospf database" },
	{ "show ip bgp summary", IP_CMD_BGP_SUMMARY, "show ip bgp summary" },
	{ "sh ip bgp sum", IP_CMD_BGP_SUMMARY, "show ip bgp summary" },
	{ "show ip bgp all summary", IP_CMD_BGP_SUMMARY, "show ip bgp summary" },
	{ "show ip bgp vpnv4 vrf CUST summary", IP_CMD_BGP_SUMMARY, "show ip bgp summary" },
	{ "show bgp ipv4 unicast summary", IP_CMD_BGP_SUMMARY, "show bgp summary" },
	{ "show ip bgp", IP_CMD_OTHER, "show ip bgp" },
	{ "show ip bgp neighbors 10.0.0.1", IP_CMD_OTHER, "show ip bgp neighbors 10.0.0.1" },
	{ "show cdp neighbors", IP_CMD_CDP_NEIGHBORS, "show cdp neighbors" },
	{ "sh cdp nei", IP_CMD_CDP_NEIGHBORS, "show cdp neighbors" },
	{ "show cdp neighbors detail", IP_CMD_OTHER, "show cdp neighbors" },
	{ "show cdp entry *", IP_CMD_OTHER, "show cdp entry *" },
};

IP_TABLE_PARAMS(health, commands, cmd_cases)

ParameterizedTest(size_t *row, health, commands)
{
	const cmd_case *c = &cmd_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_cmd cmd;
	const char *canonical, *arg, *filter;
	cr_assert(ip_command_identify(a, c->typed, &cmd, &canonical, &arg, &filter), "%s", c->typed);
	cr_expect_eq(cmd, c->cmd, "'%s': %s", c->typed, ip_cmd_name(cmd));
	cr_expect_str_eq(canonical, c->canonical, "'%s'", c->typed);
	ip_arena_free(a);
}

typedef struct bare_case {
	const char *title;
	const char *text;
	size_t n;
	ip_cmd cmd[3];
	uint32_t first[3];
} bare_case;

static const bare_case bare_cases[] = {
	{ "ip brief header", "Interface              IP-Address      OK? Method Status                Protocol\n"
	  "GigabitEthernet0/0/0   192.168.1.1     YES NVRAM  up                    up\n",
	  1, { IP_CMD_IP_INT_BRIEF }, { 1 } },
	{ "a word Interface alone is no header", "Interface GigabitEthernet0/0/0 is up\n", 0, { 0 }, { 0 } },
	{ "interfaces status after show version",
	  "Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.2(7)E9, RELEASE SOFTWARE (fc3)\n"
	  "SW1 uptime is 9 minutes\n"
	  "Port      Name               Status       Vlan       Duplex  Speed Type\n"
	  "Fa0/1     uplink             connected    1          a-full  a-100 10/100BaseTX\n",
	  2, { IP_CMD_SHOW_VERSION, IP_CMD_INTERFACES_STATUS }, { 1, 3 } },
	{ "Port without the other titles", "Port security is enabled\n", 0, { 0 }, { 0 } },
	{ "ospf then bgp then cdp",
	  "Neighbor ID     Pri   State           Dead Time   Address         Interface\n"
	  "2.2.2.2           1   FULL/DR         00:00:37    10.0.12.2       Gi0/0/1\n"
	  "BGP router identifier 1.1.1.1, local AS number 65000\n"
	  "Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd\n"
	  "Capability Codes: R - Router, T - Trans Bridge, B - Source Route Bridge\n"
	  "Device ID        Local Intrfce     Holdtme    Capability  Platform  Port ID\n",
	  3, { IP_CMD_OSPF_NEIGHBOR, IP_CMD_BGP_SUMMARY, IP_CMD_CDP_NEIGHBORS }, { 1, 3, 5 } },
	{ "bgp all: one section for both families",
	  "For address family: IPv4 Unicast\n"
	  "BGP router identifier 1.1.1.1, local AS number 65000\n"
	  "\n"
	  "For address family: VPNv4 Unicast\n"
	  "BGP router identifier 2.2.2.2, local AS number 65010\n",
	  1, { IP_CMD_BGP_SUMMARY }, { 1 } },
	{ "cdp without its legend", "Device ID        Local Intrfce     Holdtme    Capability  Platform  Port ID\n",
	  1, { IP_CMD_CDP_NEIGHBORS }, { 1 } },
	{ "lldp is not cdp", "Capability codes:\n    (R) Router, (B) Bridge, (T) Telephone\n", 0, { 0 }, { 0 } },
};

IP_TABLE_PARAMS(health, bare, bare_cases)

ParameterizedTest(size_t *row, health, bare)
{
	const bare_case *c = &bare_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_diags diags = { .arena = a };
	ip_capture *cap;
	cr_assert_eq(ip_capture_from_buffer(&cap, a, "bare.txt", c->text, strlen(c->text)), 0);
	ip_section *s;
	size_t n;
	cr_assert_eq(ip_sections_split(&s, &n, a, cap, &diags), 0);
	cr_assert_eq(n, c->n, "%s: %zu sections", c->title, n);
	for (size_t i = 0; i < n; i++) {
		cr_expect_eq(s[i].cmd, c->cmd[i], "%s: section %zu is %s", c->title, i, ip_cmd_name(s[i].cmd));
		cr_expect_eq(s[i].first_line, c->first[i], "%s: section %zu first line", c->title, i);
		cr_expect(s[i].inferred, "%s", c->title);
	}
	ip_arena_free(a);
}

typedef struct key_case {
	const char *name, *key;
} key_case;

static const key_case key_cases[] = {
	{ "GigabitEthernet0/0/0", "gi0/0/0" },
	{ "Gi0/0/0", "gi0/0/0" },
	{ "Gig 1/0/10", "gi1/0/10" },
	{ "TenGigabitEthernet1/1/1", "te1/1/1" },
	{ "Ten 1/1/3", "te1/1/3" },
	{ "Te1/1/3", "te1/1/3" },
	{ "TwentyFiveGigE1/0/1", "twe1/0/1" },
	{ "Twe1/0/17", "twe1/0/17" },
	{ "Tw1/0/5", "tw1/0/5" },
	{ "TwoGigabitEthernet1/0/5", "tw1/0/5" },
	{ "FastEthernet0/1", "fa0/1" },
	{ "Fas 0/0", "fa0/0" },
	{ "Port-channel1", "po1" },
	{ "Po1", "po1" },
	{ "Vlan1000", "vl1000" },
	{ "GigabitEthernet0/2.101", "gi0/2.101" },
	{ "Loopback0", "lo0" },
	{ "mgmt0", "mgmt0" },
	{ "NVI0", "nvi0" },
};

IP_TABLE_PARAMS(health, interface_key, key_cases)

ParameterizedTest(size_t *row, health, interface_key)
{
	const key_case *c = &key_cases[*row];
	ip_arena *a = ip_arena_new();
	cr_expect_str_eq(ip_interface_key(a, c->name, strlen(c->name)), c->key, "%s", c->name);
	ip_arena_free(a);
}

typedef struct uptime_case {
	const char *text;
	bool ok;
	uint64_t minutes;
} uptime_case;

static const uptime_case uptime_cases[] = {
	{ "2 days, 4 hours, 47 minutes", true, (2 * 24 + 4) * 60 + 47 },
	{ "2 weeks, 2 days, 18 hours, 23 minutes", true, ((14 + 2) * 24 + 18) * 60 + 23 },
	{ "1 year, 10 weeks, 3 days, 5 hours, 6 minutes", true,
	  ((365 + 70 + 3) * 24 + 5) * 60 + 6 },
	{ "12 minutes", true, 12 },
	{ "1 minute", true, 1 },
	{ "1 hour", true, 60 },
	{ "0 minutes", true, 0 },
	{ "3 hours, 2 minutes, 45 seconds", true, 182 },
	{ "", false, 0 },
	{ "a while", false, 0 },
	{ "2 days, 4 fortnights", false, 0 },
	{ "2 days,, 4 hours", false, 0 },
	{ "99999999999999999999 minutes", false, 0 },
	{ "99999999999999999 years", false, 0 },
	{ "minutes", false, 0 },
};

IP_TABLE_PARAMS(health, uptime, uptime_cases)

ParameterizedTest(size_t *row, health, uptime)
{
	const uptime_case *c = &uptime_cases[*row];
	uint64_t m = 12345;
	cr_expect_eq(ip_uptime_minutes(c->text, &m), c->ok, "'%s'", c->text);
	if (c->ok)
		cr_expect_eq(m, c->minutes, "'%s': %llu", c->text, (unsigned long long)m);
}
