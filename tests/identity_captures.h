/* show version captures of boxes that share a hostname, for the tests of
 * device identity (test_device_identity.c) and of the audit across
 * folders (test_audit_fleet.c): one form each, so both test one reading. */
#ifndef IOSPLAN_TEST_IDENTITY_CAPTURES_H
#define IOSPLAN_TEST_IDENTITY_CAPTURES_H

/* A 7206VXR's show version: processor line and board ID as Cisco's 7200
 * documents print them ("Cisco 7206VXR (NPE-G1) processor ... with
 * 983040K/65536K bytes of memory.", "Processor board ID 4279256517"). */
#define V7206(host, board)                                                                         \
	host "#show version\n"                                                                     \
	"Cisco IOS Software, 7200 Software (C7200-ADVENTERPRISEK9-M), Version 15.2(4)M11, RELEASE SOFTWARE (fc2)\n" \
	host " uptime is 2 weeks, 1 day, 3 hours, 4 minutes\n"                                   \
	"System image file is \"disk0:c7200-adventerprisek9-mz.152-4.M11.bin\"\n"                  \
	"Cisco 7206VXR (NPE-G1) processor (revision B) with 983040K/65536K bytes of memory.\n"     \
	board                                                                                      \
	"Configuration register is 0x2102\n"
/* A 3850 stack's show version (samples/stack-3850.log's forms). */
#define V3850(host, serial)                                                                        \
	host "#show version\n"                                                                     \
	"Cisco IOS XE Software, Version 16.12.09\n"                                                \
	"Cisco IOS Software [Gibraltar], Catalyst L3 Switch Software (CAT3K_CAA-UNIVERSALK9-M), Version 16.12.9, RELEASE SOFTWARE (fc2)\n" \
	host " uptime is 28 weeks, 1 hour, 26 minutes\n"                                          \
	"System image file is \"flash:packages.conf\"\n"                                           \
	"cisco WS-C3850-24P (MIPS) processor (revision V02) with 830335K/6147K bytes of memory.\n" \
	serial                                                                                     \
	"Configuration register is 0x102\n"

#endif
