/* show_version_parse(): whole outputs of every family DOMAIN.md §3 lists,
 * single-line variants, spans, diagnostics, and the ntc-templates corpus.
 * The whole outputs below are written for these tests (seed devices from
 * shared/seed plus one per family); the corpus is read from disk. */
#include <criterion/criterion.h>

#include <cJSON.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "helpers.h"
#include "parsers.h"

static const char ISR4321_16_9_6[] =
	"Cisco IOS XE Software, Version 16.09.06\n"
	"Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.6, RELEASE SOFTWARE (fc3)\n"
	"Technical Support: http://www.cisco.com/techsupport\n"
	"Copyright (c) 1986-2020 by Cisco Systems, Inc.\n"
	"Compiled Thu 27-Aug-20 08:26 by mcpre\n"
	"\n"
	"\n"
	"Cisco IOS-XE software, Copyright (c) 2005-2020 by cisco Systems, Inc.\n"
	"All rights reserved.  Certain components of Cisco IOS-XE software are\n"
	"licensed under the GNU General Public License (\"GPL\") Version 2.0.  The\n"
	"software code licensed under GPL Version 2.0 is free software that comes\n"
	"with ABSOLUTELY NO WARRANTY.  You can redistribute and/or modify such\n"
	"GPL code under the terms of GPL Version 2.0.  For more details, see the\n"
	"documentation or \"License Notice\" file accompanying the IOS-XE software,\n"
	"or the applicable URL provided on the flyer accompanying the IOS-XE\n"
	"software.\n"
	"\n"
	"\n"
	"ROM: IOS-XE ROMMON\n"
	"\n"
	"NetsTuts_R1 uptime is 12 weeks, 3 days, 4 hours, 51 minutes\n"
	"Uptime for this control processor is 12 weeks, 3 days, 4 hours, 53 minutes\n"
	"System returned to ROM by Reload Command at 09:41:12 UTC Thu Dec 11 2025\n"
	"System restarted at 09:44:02 UTC Thu Dec 11 2025\n"
	"System image file is \"bootflash:isr4300-universalk9.16.09.06.SPA.bin\"\n"
	"Last reload reason: Reload Command\n"
	"\n"
	"\n"
	"\n"
	"This product contains cryptographic features and is subject to United\n"
	"States and local country laws governing import, export, transfer and\n"
	"use. Delivery of Cisco cryptographic products does not imply\n"
	"third-party authority to import, export, distribute or use encryption.\n"
	"\n"
	"Technology Package License Information:\n"
	"\n"
	"-----------------------------------------------------------------\n"
	"Technology    Type         Technology-package   Technology-package\n"
	"                           Current              Next Reboot\n"
	"-----------------------------------------------------------------\n"
	"appxk9           None             None                 None\n"
	"securityk9       None             None                 None\n"
	"ipbase           Smart License    ipbasek9             ipbasek9\n"
	"\n"
	"cisco ISR4321/K9 (1RU) processor with 1647778K/6147K bytes of memory.\n"
	"Processor board ID FLM2044W0LT\n"
	"4 Gigabit Ethernet interfaces\n"
	"32768K bytes of non-volatile configuration memory.\n"
	"8388608K bytes of physical memory.\n"
	"7697408K bytes of flash memory at bootflash:.\n"
	"0K bytes of WebUI ODM Files at webui:.\n"
	"\n"
	"Configuration register is 0x2102";

static const char C2960_15_2_7_E6[] =
	"Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.2(7)E6, RELEASE SOFTWARE (fc3)\n"
	"Technical Support: http://www.cisco.com/techsupport\n"
	"Copyright (c) 1986-2022 by Cisco Systems, Inc.\n"
	"Compiled Tue 07-Jun-22 02:13 by mcpre\n"
	"\n"
	"ROM: Bootstrap program is C2960 boot loader\n"
	"BOOTLDR: C2960 Boot Loader (C2960-HBOOT-M) Version 12.2(53r)SEY3, RELEASE SOFTWARE (fc1)\n"
	"\n"
	"NetsTuts_SW1 uptime is 3 weeks, 1 day, 2 hours, 7 minutes\n"
	"System returned to ROM by power-on\n"
	"System restarted at 08:12:45 UTC Mon Feb 9 2026\n"
	"System image file is \"flash:c2960-lanbasek9-mz.152-7.E6.bin\"\n"
	"\n"
	"\n"
	"This product contains cryptographic features and is subject to United\n"
	"States and local country laws governing import, export, transfer and\n"
	"use. Delivery of Cisco cryptographic products does not imply\n"
	"third-party authority to import, export, distribute or use encryption.\n"
	"\n"
	"cisco WS-C2960-24TT-L (PowerPC405) processor (revision B0) with 65536K bytes of memory.\n"
	"Processor board ID FOC1010X104\n"
	"Last reset from power-on\n"
	"1 Virtual Ethernet interface\n"
	"24 FastEthernet interfaces\n"
	"2 Gigabit Ethernet interfaces\n"
	"The password-recovery mechanism is enabled.\n"
	"\n"
	"64K bytes of flash-simulated non-volatile configuration memory.\n"
	"Base ethernet MAC Address       : 00:1B:54:C2:8A:80\n"
	"Motherboard assembly number     : 73-10390-03\n"
	"Power supply part number        : 341-0097-02\n"
	"Motherboard serial number       : FOC10093R12\n"
	"Power supply serial number      : AZS1007032H\n"
	"Model revision number           : B0\n"
	"Motherboard revision number     : B0\n"
	"Model number                    : WS-C2960-24TT-L\n"
	"System serial number            : FOC1010X104\n"
	"Top Assembly Part Number        : 800-27221-02\n"
	"Top Assembly Revision Number    : A0\n"
	"Version ID                      : V02\n"
	"CLEI Code Number                : COM3L00BRA\n"
	"Hardware Board Revision Number  : 0x01\n"
	"\n"
	"\n"
	"Switch Ports Model              SW Version            SW Image\n"
	"------ ----- -----              ----------            ----------\n"
	"*    1 26    WS-C2960-24TT-L    15.2(7)E6             C2960-LANBASEK9-M\n"
	"\n"
	"\n"
	"Configuration register is 0xF";

static const char C3850_STACK_3X[] =
	"Cisco IOS Software, IOS-XE Software, Catalyst L3 Switch Software (CAT3K_CAA-UNIVERSALK9-M), Version 03.07.05E RELEASE SOFTWARE (fc1)\n"
	"Technical Support: http://www.cisco.com/techsupport\n"
	"Copyright (c) 1986-2017 by Cisco Systems, Inc.\n"
	"Compiled Wed 05-Jul-17 07:31 by prod_rel_team\n"
	"\n"
	"\n"
	"\n"
	"Cisco IOS-XE software, Copyright (c) 2005-2017 by cisco Systems, Inc.\n"
	"All rights reserved.  Certain components of Cisco IOS-XE software are\n"
	"licensed under the GNU General Public License (\"GPL\") Version 2.0.\n"
	"\n"
	"\n"
	"\n"
	"ROM: IOS-XE ROMMON\n"
	"BOOTLDR: CAT3K_CAA Boot Loader (CAT3K_CAA-HBOOT-M) Version 4.78, RELEASE SOFTWARE (P)\n"
	"\n"
	"dist-3850 uptime is 1 year, 4 weeks, 2 days, 11 hours, 3 minutes\n"
	"Uptime for this control processor is 1 year, 4 weeks, 2 days, 11 hours, 6 minutes\n"
	"System returned to ROM by reload at 02:10:41 CET Sat Jan 13 2024\n"
	"System restarted at 02:16:20 CET Sat Jan 13 2024\n"
	"System image file is \"flash:packages.conf\"\n"
	"Last reload reason: Reload Command\n"
	"\n"
	"\n"
	"\n"
	"License Level: Ipservices\n"
	"License Type: Permanent\n"
	"Next reload license Level: Ipservices\n"
	"\n"
	"cisco WS-C3850-24P (MIPS) processor with 4194304K bytes of physical memory.\n"
	"Processor board ID FOC1901X0AB\n"
	"2 Virtual Ethernet interfaces\n"
	"56 Gigabit Ethernet interfaces\n"
	"8 Ten Gigabit Ethernet interfaces\n"
	"2048K bytes of non-volatile configuration memory.\n"
	"4194304K bytes of physical memory.\n"
	"250456K bytes of Crash Files at crashinfo:.\n"
	"250456K bytes of Crash Files at crashinfo-2:.\n"
	"1609272K bytes of Flash at flash:.\n"
	"1609272K bytes of Flash at flash-2:.\n"
	"0K bytes of Dummy USB Flash at usbflash0:.\n"
	"0K bytes of Dummy USB Flash at usbflash0-2:.\n"
	"0K bytes of  at webui:.\n"
	"\n"
	"Base Ethernet MAC Address          : 70:db:98:11:22:00\n"
	"Motherboard Assembly Number        : 73-15805-05\n"
	"Motherboard Serial Number          : FOC19011AAA\n"
	"Model Revision Number              : L0\n"
	"Motherboard Revision Number        : B0\n"
	"Model Number                       : WS-C3850-24P\n"
	"System Serial Number               : FOC1901X0AB\n"
	"\n"
	"\n"
	"Switch Ports Model              SW Version        SW Image              Mode\n"
	"------ ----- -----              ----------        ----------            ----\n"
	"*    1 32    WS-C3850-24P       03.07.05E         cat3k_caa-universalk9 INSTALL\n"
	"     2 32    WS-C3850-24P       03.07.05E         cat3k_caa-universalk9 INSTALL\n"
	"\n"
	"\n"
	"Switch 02\n"
	"---------\n"
	"Switch uptime                      : 1 year, 4 weeks, 2 days, 11 hours, 9 minutes\n"
	"Base Ethernet MAC Address          : 70:db:98:33:44:00\n"
	"Motherboard Assembly Number        : 73-15805-05\n"
	"Motherboard Serial Number          : FOC19022BBB\n"
	"Model Revision Number              : L0\n"
	"Motherboard Revision Number        : B0\n"
	"Model Number                       : WS-C3850-24P\n"
	"System Serial Number               : FCW1902X0CD\n"
	"\n"
	"Configuration register is 0x102";

static const char C9300_BUNDLE[] =
	"Cisco IOS XE Software, Version 17.06.04\n"
	"Cisco IOS Software [Bengaluru], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.6.4, RELEASE SOFTWARE (fc1)\n"
	"Technical Support: http://www.cisco.com/techsupport\n"
	"Copyright (c) 1986-2022 by Cisco Systems, Inc.\n"
	"Compiled Sun 14-Aug-22 09:43 by mcpre\n"
	"\n"
	"\n"
	"Cisco IOS-XE software, Copyright (c) 2005-2022 by cisco Systems, Inc.\n"
	"All rights reserved.  Certain components of Cisco IOS-XE software are\n"
	"licensed under the GNU General Public License (\"GPL\") Version 2.0.\n"
	"\n"
	"\n"
	"ROM: IOS-XE ROMMON\n"
	"BOOTLDR: System Bootstrap, Version 17.6.1r[FC2], RELEASE SOFTWARE (P)\n"
	"\n"
	"access-9300 uptime is 5 days, 22 hours, 40 minutes\n"
	"Uptime for this control processor is 5 days, 22 hours, 43 minutes\n"
	"System returned to ROM by PowerOn\n"
	"System image file is \"flash:cat9k_iosxe.17.06.04.SPA.bin\"\n"
	"Last reload reason: PowerOn\n"
	"\n"
	"\n"
	"\n"
	"Technology Package License Information:\n"
	"\n"
	"------------------------------------------------------------------------------\n"
	"Technology-package                                     Technology-package\n"
	"Current                        Type                       Next reboot\n"
	"------------------------------------------------------------------------------\n"
	"network-advantage       Smart License                    network-advantage\n"
	"dna-advantage           Subscription Smart License       dna-advantage\n"
	"AIR License Level: AIR DNA Advantage\n"
	"Next reload AIR license Level: AIR DNA Advantage\n"
	"\n"
	"\n"
	"Smart Licensing Status: Smart Licensing Using Policy\n"
	"\n"
	"cisco C9300-48P (X86) processor with 1343703K/6147K bytes of memory.\n"
	"Processor board ID FOC2318X1YZ\n"
	"2 Virtual Ethernet interfaces\n"
	"52 Gigabit Ethernet interfaces\n"
	"8 Ten Gigabit Ethernet interfaces\n"
	"2048K bytes of non-volatile configuration memory.\n"
	"8388608K bytes of physical memory.\n"
	"1638400K bytes of Crash Files at crashinfo:.\n"
	"11264000K bytes of Flash at flash:.\n"
	"\n"
	"Base Ethernet MAC Address          : 2c:ab:eb:11:22:80\n"
	"Motherboard Assembly Number        : 73-17954-06\n"
	"Motherboard Serial Number          : FOC23170ABC\n"
	"Model Revision Number              : C0\n"
	"Motherboard Revision Number        : A0\n"
	"Model Number                       : C9300-48P\n"
	"System Serial Number               : FOC2318X1YZ\n"
	"CLEI Code Number                   :\n"
	"\n"
	"\n"
	"Switch Ports Model              SW Version        SW Image              Mode\n"
	"------ ----- -----              ----------        ----------            ----\n"
	"*    1 65    C9300-48P          17.06.04          CAT9K_IOSXE           BUNDLE\n"
	"\n"
	"\n"
	"Configuration register is 0x102";

static const char C9500_NO_REGISTER[] =
	"Cisco IOS XE Software, Version 16.12.04\n"
	"Cisco IOS Software [Gibraltar], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 16.12.4, RELEASE SOFTWARE (fc5)\n"
	"Technical Support: http://www.cisco.com/techsupport\n"
	"Copyright (c) 1986-2020 by Cisco Systems, Inc.\n"
	"Compiled Thu 09-Jul-20 21:49 by mcpre\n"
	"\n"
	"\n"
	"Cisco IOS-XE software, Copyright (c) 2005-2020 by cisco Systems, Inc.\n"
	"\n"
	"\n"
	"ROM: IOS-XE ROMMON\n"
	"BOOTLDR: System Bootstrap, Version 17.1.1[FC2], RELEASE SOFTWARE (P)\n"
	"\n"
	"core-svl uptime is 9 weeks, 2 days, 1 hour, 5 minutes\n"
	"Uptime for this control processor is 9 weeks, 2 days, 1 hour, 8 minutes\n"
	"System returned to ROM by Reload Command at 20:51:53 EET Mon Mar 8 2021\n"
	"System restarted at 20:57:50 EET Mon Mar 8 2021\n"
	"System image file is \"flash:packages.conf\"\n"
	"Last reload reason: Reload Command\n"
	"\n"
	"\n"
	"cisco C9500-48Y4C (X86) processor with 1867864K/6147K bytes of memory.\n"
	"Processor board ID CAT2301L0AA\n"
	"16 Virtual Ethernet interfaces\n"
	"96 TwentyFive Gigabit Ethernet interfaces\n"
	"8 Hundred Gigabit Ethernet interfaces\n"
	"32768K bytes of non-volatile configuration memory.\n"
	"16010152K bytes of physical memory.\n"
	"11161600K bytes of Bootflash at bootflash:.\n"
	"11161600K bytes of Bootflash at bootflash-2:.\n"
	"1638400K bytes of Crash Files at crashinfo:.\n"
	"1638400K bytes of Crash Files at crashinfo-2:.\n"
	"0K bytes of WebUI ODM Files at webui:.\n"
	"\n"
	"Base Ethernet MAC Address          : a0:b4:39:11:00:e0\n"
	"Motherboard Assembly Number        : 48XX\n"
	"Motherboard Serial Number          : CAT2300M0AA\n"
	"Model Revision Number              : V02\n"
	"Motherboard Revision Number        : 4\n"
	"Model Number                       : C9500-48Y4C\n"
	"System Serial Number               : CAT2301L0AA\n"
	"\n"
	"Switch 02\n"
	"---------\n"
	"Base Ethernet MAC Address          : a0:b4:39:11:00:00\n"
	"Motherboard Assembly Number        : 48XX\n"
	"Motherboard Serial Number          : CAT2300M0BB\n"
	"Model Revision Number              : V02\n"
	"Motherboard Revision Number        : 4\n"
	"Model Number                       : C9500-48Y4C\n"
	"System Serial Number               : CAT2301L0BB";

static const char ASR1006_WILL_BE[] =
	"Cisco IOS XE Software, Version 16.03.07\n"
	"Cisco IOS Software [Denali], ASR1000 Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.3.7, RELEASE SOFTWARE (fc3)\n"
	"Technical Support: http://www.cisco.com/techsupport\n"
	"Copyright (c) 1986-2018 by Cisco Systems, Inc.\n"
	"Compiled Fri 22-Jun-18 03:17 by mcpre\n"
	"\n"
	"\n"
	"Cisco IOS-XE software, Copyright (c) 2005-2018 by cisco Systems, Inc.\n"
	"\n"
	"\n"
	"ROM: IOS-XE ROMMON\n"
	"\n"
	"PE1 uptime is 32 minutes\n"
	"Uptime for this control processor is 34 minutes\n"
	"System returned to ROM by reload at 02:14:51 PDT Mon Apr 10 2017\n"
	"System restarted at 09:08:57 PDT Mon Apr 10 2017\n"
	"System image file is \"harddisk:asr1000rp2-adventerprisek9.16.03.07.SPA.bin\"\n"
	"Last reload reason: Reload Command\n"
	"\n"
	"\n"
	"License Type: RightToUse\n"
	"License Level: advipservices\n"
	"Next reload license Level: advipservices\n"
	"\n"
	"cisco ASR1006 (RP2) processor (revision RP2) with 4138965K/6147K bytes of memory.\n"
	"Processor board ID FOX1444GPXU\n"
	"5 Gigabit Ethernet interfaces\n"
	"32768K bytes of non-volatile configuration memory.\n"
	"8388608K bytes of physical memory.\n"
	"1925119K bytes of eUSB flash at bootflash:.\n"
	"78085207K bytes of SATA hard disk at harddisk:.\n"
	"0K bytes of  at webui:.\n"
	"\n"
	"Configuration register is 0x2000 (will be 0x2002 at next reload)";

static const char C4507_3X[] =
	"Cisco IOS Software, IOS-XE Software, Catalyst 4500 L3 Switch Software (cat4500e-UNIVERSALK9-M), Version 03.03.02.SG RELEASE SOFTWARE (fc1)\n"
	"Technical Support: http://www.cisco.com/techsupport\n"
	"Copyright (c) 1986-2012 by Cisco Systems, Inc.\n"
	"Compiled Tue 23-Oct-12 23:51 by prod_rel_team\n"
	"\n"
	"ROM: 15.0(1r)SG5\n"
	"distsw1 uptime is 6 years, 2 weeks, 13 hours, 31 minutes\n"
	"Uptime for this control processor is 6 years, 2 weeks, 13 hours, 33 minutes\n"
	"System returned to ROM by reload\n"
	"System restarted at 09:57:20 GMT Tue Oct 15 2013\n"
	"System image file is \"bootflash:cat4500e-universalk9.SPA.03.03.02.SG.151-1.SG2.bin\"\n"
	"Jawa Revision 7, Snowtrooper Revision 0x0.0x1C\n"
	"\n"
	"Last reload reason: Reload command\n"
	"\n"
	"\n"
	"License Information for 'WS-X45-SUP7-E'\n"
	"    License Level: entservices   Type: Permanent\n"
	"    Next reboot license Level: entservices\n"
	"\n"
	"cisco WS-C4507R+E (MPC8572) processor (revision 10) with 2097152K/20480K bytes of memory.\n"
	"Processor board ID FXS1729E2TD\n"
	"MPC8572 CPU at 1.5GHz, Supervisor 7\n"
	"Last reset from Reload\n"
	"9 Virtual Ethernet interfaces\n"
	"240 Gigabit Ethernet interfaces\n"
	"4 Ten Gigabit Ethernet interfaces\n"
	"511K bytes of non-volatile configuration memory.\n"
	"\n"
	"Configuration register is 0x2101 (will be 0x2102 at next reload)";

static const char IOSV[] =
	"Cisco IOS Software, IOSv Software (VIOS-ADVENTERPRISEK9-M), Version 15.9(3)M4, RELEASE SOFTWARE (fc3)\n"
	"Technical Support: http://www.cisco.com/techsupport\n"
	"Copyright (c) 1986-2021 by Cisco Systems, Inc.\n"
	"Compiled Thu 28-Oct-21 21:49 by mcpre\n"
	"\n"
	"\n"
	"ROM: Bootstrap program is IOSv\n"
	"\n"
	"lab-r1 uptime is 2 hours, 4 minutes\n"
	"System returned to ROM by reload\n"
	"System image file is \"flash0:/vios-adventerprisek9-m\"\n"
	"Last reload reason: Unknown reason\n"
	"\n"
	"\n"
	"Cisco IOSv (revision 1.0) with  with 460137K/62464K bytes of memory.\n"
	"Processor board ID 9ABCDEF0123456789AB01\n"
	"4 Gigabit Ethernet interfaces\n"
	"DRAM configuration is 72 bits wide with parity disabled.\n"
	"256K bytes of non-volatile configuration memory.\n"
	"2097152K bytes of ATA System CompactFlash 0 (Read/Write)\n"
	"0K bytes of ATA CompactFlash 1 (Read/Write)\n"
	"11217K bytes of ATA CompactFlash 2 (Read/Write)\n"
	"0K bytes of ATA CompactFlash 3 (Read/Write)\n"
	"\n"
	"\n"
	"\n"
	"Configuration register is 0x0";

static const char C2600_IOS_TM[] =
	"Cisco Internetwork Operating System Software\n"
	"IOS (tm) C2600 Software (C2600-I-M), Version 12.2(2)XA1, EARLY DEPLOYMENT RELEASE SOFTWARE (fc1)\n"
	"TAC Support: http://www.cisco.com/tac\n"
	"Copyright (c) 1986-2001 by cisco Systems, Inc.\n"
	"Compiled Wed 11-Jul-01 16:08 by ccai\n"
	"Image text-base: 0x80008088, data-base: 0x80C71F3C\n"
	"\n"
	"ROM: System Bootstrap, Version 11.3(2)XA4, RELEASE SOFTWARE (fc1)\n"
	"\n"
	"branch2600 uptime is 5 days, 3 hours, 12 minutes\n"
	"System returned to ROM by power-on\n"
	"System image file is \"flash:c2600-i-mz.122-2.XA1\"\n"
	"\n"
	"cisco 2621 (MPC860) processor (revision 0x102) with 27648K/5120K bytes of memory.\n"
	"Processor board ID JAB0425015Y (3146140826)\n"
	"M860 processor: part number 0, mask 49\n"
	"Bridging software.\n"
	"X.25 software, Version 3.0.0.\n"
	"2 FastEthernet/IEEE 802.3 interface(s)\n"
	"32K bytes of non-volatile configuration memory.\n"
	"8192K bytes of processor board System flash (Read/Write)\n"
	"\n"
	"Configuration register is 0x2102";

static const char C2960X_STACK[] =
	"Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(2)E7, RELEASE SOFTWARE (fc3)\n"
	"Technical Support: http://www.cisco.com/techsupport\n"
	"Copyright (c) 1986-2017 by Cisco Systems, Inc.\n"
	"Compiled Wed 12-Jul-17 13:03 by prod_rel_team\n"
	"\n"
	"ROM: Bootstrap program is C2960X boot loader\n"
	"BOOTLDR: C2960X Boot Loader (C2960X-HBOOT-M) Version 15.2(2r)E1, RELEASE SOFTWARE (fc1)\n"
	"\n"
	"acc-stack uptime is 1 year, 2 weeks, 3 days, 4 hours, 5 minutes\n"
	"System returned to ROM by power-on\n"
	"System restarted at 10:11:12 UTC Mon May 14 2018\n"
	"System image file is \"flash:c2960x-universalk9-mz.152-2.E7/c2960x-universalk9-mz.152-2.E7.bin\"\n"
	"Last reload reason: power-on\n"
	"\n"
	"\n"
	"cisco WS-C2960X-48FPD-L (APM86XXX) processor (revision F0) with 524288K bytes of memory.\n"
	"Processor board ID FOC2002X2BB\n"
	"Last reset from power-on\n"
	"2 Virtual Ethernet interfaces\n"
	"1 FastEthernet interface\n"
	"104 Gigabit Ethernet interfaces\n"
	"4 Ten Gigabit Ethernet interfaces\n"
	"The password-recovery mechanism is enabled.\n"
	"\n"
	"512K bytes of flash-simulated non-volatile configuration memory.\n"
	"Base ethernet MAC Address       : 70:E4:22:AA:BB:80\n"
	"Motherboard assembly number     : 73-14200-07\n"
	"Model number                    : WS-C2960X-48FPD-L\n"
	"System serial number            : FOC2002X2BB\n"
	"\n"
	"\n"
	"Switch Ports Model                     SW Version            SW Image\n"
	"------ ----- -----                     ----------            ----------\n"
	"     1 52    WS-C2960X-48FPD-L         15.2(2)E7             C2960X-UNIVERSALK9-M\n"
	"*    2 52    WS-C2960X-48FPD-L         15.2(2)E7             C2960X-UNIVERSALK9-M\n"
	"\n"
	"\n"
	"Switch 01\n"
	"---------\n"
	"Switch uptime                   : 1 year, 2 weeks, 3 days, 4 hours, 2 minutes\n"
	"Base ethernet MAC Address       : 70:E4:22:CC:DD:00\n"
	"Motherboard assembly number     : 73-14200-07\n"
	"Model number                    : WS-C2960X-48FPD-L\n"
	"System serial number            : FOC2002X1AA\n"
	"\n"
	"Configuration register is 0xF";

static const char ISR4451_SPECIAL[] =
	"Cisco IOS XE Software, Version V169_5_SR712345678_3\n"
	"Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.5, CUST-SPECIAL:V169_5_SR712345678_3\n"
	"This software is supported for a limited time under special agreement with Cisco Systems, Inc. SR712345678_3\n"
	"Copyright (c) 1986-2020 by Cisco Systems, Inc.\n"
	"Compiled Thu 17-Sep-20 16:00 by mcpre\n"
	"\n"
	"\n"
	"ROM: IOS-XE ROMMON\n"
	"\n"
	"wan-edge-2 uptime is 4 days, 1 hour, 12 minutes\n"
	"Uptime for this control processor is 4 days, 1 hour, 14 minutes\n"
	"System returned to ROM by Reload Command at 10:02:33 UTC Tue Oct 6 2020\n"
	"System image file is \"bootflash:packages.conf\"\n"
	"Last reload reason: Reload Command\n"
	"\n"
	"\n"
	"cisco ISR4451-X/K9 (2RU) processor with 1795979K/6147K bytes of memory.\n"
	"Processor board ID FOC20117ZZZ\n"
	"4 Gigabit Ethernet interfaces\n"
	"32768K bytes of non-volatile configuration memory.\n"
	"4194304K bytes of physical memory.\n"
	"7341807K bytes of flash memory at bootflash:.\n"
	"\n"
	"Configuration register is 0x2102";

static const char C1900_TRUNCATED[] =
	"Cisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), Version 15.1(4)M8, RELEASE SOFTWARE (fc2)\n"
	"Technical Support: http://www.cisco.com/techsupport\n"
	"Copyright (c) 1986-2014 by Cisco Systems, Inc.\n"
	"Compiled Fri 14-Feb-14 21:57 by prod_rel_team\n"
	"\n"
	"ROM: System Bootstrap, Version 15.0(1r)M16, RELEASE SOFTWARE (fc1)\n"
	"\n"
	"C1900 uptime is 2 weeks, 2 days, 18 hours, 23 minutes\n"
	"System returned to ROM by reload at 14:25:41 UTC Tue Sep 15 2020";

static const char JUNK[] =
	"                  ^\n"
	"% Invalid input detected at '^' marker.\n"
	"\n"
	"Interface              IP-Address      OK? Method Status                Protocol\n"
	"GigabitEthernet0/0     10.0.0.1        YES NVRAM  up                    up";

/* --- harness -------------------------------------------------------------- */

struct parsed {
	ip_arena *a;
	ip_device *dev;
	ip_diags diags;
	ip_parse_ctx ctx;
};

static void parse_text(struct parsed *p, const char *text, const char *filter)
{
	p->a = ip_arena_new();
	p->dev = test_device(p->a, &p->ctx, &p->diags);
	ip_section *s = test_section(p->a, IP_CMD_SHOW_VERSION, text);
	s->filter = filter;
	cr_assert_eq(show_version_parse(p->dev, s, &p->ctx), 0);
}

static void expect_str(const char *who, const char *field, const char *got,
		       const char *want)
{
	if (!want)
		cr_expect_null(got, "%s: %s must stay unknown, got \"%s\"", who,
			       field, got ? got : "");
	else
		cr_expect(got && strcmp(got, want) == 0,
			  "%s: %s: got \"%s\", want \"%s\"", who, field,
			  got ? got : "(unknown)", want);
}

struct at {
	uint32_t line, col, end_col;
};

static void expect_span(const char *who, const char *field, ip_span s,
			struct at want)
{
	cr_expect(s.line == want.line && s.end_line == want.line &&
			  s.col == want.col && s.end_col == want.end_col,
		  "%s: %s span: got %u:%u-%u:%u, want %u:%u-%u:%u", who, field,
		  s.line, s.col, s.end_line, s.end_col, want.line, want.col,
		  want.line, want.end_col);
}

#define UNKNOWN_REG (-1)

struct reg_want {
	int64_t v; /* UNKNOWN_REG: no register line */
	struct at at;
};

static void expect_reg(const char *who, const char *field, ip_register r,
		       struct reg_want want)
{
	if (want.v == UNKNOWN_REG) {
		cr_expect(!r.known, "%s: %s must stay unknown, got 0x%x", who,
			  field, r.v);
		return;
	}
	cr_expect(r.known && r.v == (uint32_t)want.v, "%s: %s: got %s0x%x, want 0x%x",
		  who, field, r.known ? "" : "unknown ", r.v, (uint32_t)want.v);
	expect_span(who, field, r.span, want.at);
}

/* --- whole outputs ---------------------------------------------------------- */

struct sv_case {
	const char *name;
	const char *text;
	ip_os os;
	const char *hostname, *version, *xe_version, *platform, *serial;
	const char *rommon, *uptime, *reload_reason, *software_image;
	const char *image_fs, *image_path;
	struct at version_at, image_at;
	struct reg_want reg, reg_next;
	ip_tri install;
	size_t n_flash, n_members, n_errors;
};

static const struct sv_case cases[] = {
	{ "seed ISR4321 16.9.6", ISR4321_16_9_6, IP_OS_IOSXE,
	  "NetsTuts_R1", "16.9.6", "16.09.06", "ISR4321/K9", "FLM2044W0LT",
	  NULL, "12 weeks, 3 days, 4 hours, 51 minutes", "Reload Command",
	  "X86_64_LINUX_IOSD-UNIVERSALK9-M",
	  "bootflash:", "isr4300-universalk9.16.09.06.SPA.bin",
	  { 2, 84, 90 }, { 25, 23, 69 },
	  { 0x2102, { 53, 27, 33 } }, { 0x2102, { 53, 27, 33 } },
	  IP_TRI_NO, 1, 0, 0 },
	{ "seed 2960 15.2(7)E6", C2960_15_2_7_E6, IP_OS_IOS,
	  "NetsTuts_SW1", "15.2(7)E6", NULL, "WS-C2960-24TT-L", "FOC1010X104",
	  "12.2(53r)SEY3", "3 weeks, 1 day, 2 hours, 7 minutes", "power-on",
	  "C2960-LANBASEK9-M",
	  "flash:", "c2960-lanbasek9-mz.152-7.E6.bin",
	  { 1, 65, 74 }, { 12, 23, 60 },
	  { 0xF, { 50, 27, 30 } }, { 0xF, { 50, 27, 30 } },
	  IP_TRI_UNKNOWN, 0, 1, 0 },
	{ "3850 IOS-XE 3.x stack, Mode column", C3850_STACK_3X, IP_OS_IOSXE,
	  "dist-3850", "03.07.05E", "03.07.05E", "WS-C3850-24P", "FOC1901X0AB",
	  "4.78", "1 year, 4 weeks, 2 days, 11 hours, 3 minutes",
	  "Reload Command", "CAT3K_CAA-UNIVERSALK9-M",
	  "flash:", "packages.conf",
	  { 1, 101, 110 }, { 21, 23, 42 },
	  { 0x102, { 71, 27, 32 } }, { 0x102, { 71, 27, 32 } },
	  IP_TRI_YES, 4, 2, 0 },
	{ "C9300 17.6 bundle", C9300_BUNDLE, IP_OS_IOSXE,
	  "access-9300", "17.6.4", "17.06.04", "C9300-48P", "FOC2318X1YZ",
	  "17.6.1r", "5 days, 22 hours, 40 minutes", "PowerOn", "CAT9K_IOSXE",
	  "flash:", "cat9k_iosxe.17.06.04.SPA.bin",
	  { 2, 84, 90 }, { 19, 23, 57 },
	  { 0x102, { 63, 27, 32 } }, { 0x102, { 63, 27, 32 } },
	  IP_TRI_NO, 1, 1, 0 },
	{ "C9500 16.12.4, no register line", C9500_NO_REGISTER, IP_OS_IOSXE,
	  "core-svl", "16.12.4", "16.12.04", "C9500-48Y4C", "CAT2301L0AA",
	  "17.1.1", "9 weeks, 2 days, 1 hour, 5 minutes", "Reload Command",
	  "CAT9K_IOSXE",
	  "flash:", "packages.conf",
	  { 2, 84, 91 }, { 18, 23, 42 },
	  { UNKNOWN_REG, { 0 } }, { UNKNOWN_REG, { 0 } },
	  IP_TRI_YES, 2, 2, 0 },
	{ "ASR1006 16.3, register will change", ASR1006_WILL_BE, IP_OS_IOSXE,
	  "PE1", "16.3.7", "16.03.07", "ASR1006", "FOX1444GPXU",
	  NULL, "32 minutes", "Reload Command", "X86_64_LINUX_IOSD-UNIVERSALK9-M",
	  "harddisk:", "asr1000rp2-adventerprisek9.16.03.07.SPA.bin",
	  { 2, 90, 96 }, { 17, 23, 75 },
	  { 0x2000, { 34, 27, 33 } }, { 0x2002, { 34, 43, 49 } },
	  IP_TRI_NO, 2, 0, 0 },
	{ "c4507 IOS-XE 3.3, 0x2101 -> 0x2102", C4507_3X, IP_OS_IOSXE,
	  "distsw1", "03.03.02.SG", "03.03.02.SG", "WS-C4507R+E", "FXS1729E2TD",
	  "15.0(1r)SG5", "6 years, 2 weeks, 13 hours, 31 minutes",
	  "Reload command", "cat4500e-UNIVERSALK9-M",
	  "bootflash:", "cat4500e-universalk9.SPA.03.03.02.SG.151-1.SG2.bin",
	  { 1, 105, 116 }, { 11, 23, 83 },
	  { 0x2101, { 30, 27, 33 } }, { 0x2102, { 30, 43, 49 } },
	  IP_TRI_NO, 0, 0, 0 },
	{ "IOSv, register 0x0", IOSV, IP_OS_IOS,
	  "lab-r1", "15.9(3)M4", NULL, "IOSv", "9ABCDEF0123456789AB01",
	  NULL, "2 hours, 4 minutes", "Unknown reason", "VIOS-ADVENTERPRISEK9-M",
	  "flash0:", "vios-adventerprisek9-m",
	  { 1, 69, 78 }, { 11, 23, 53 },
	  { 0x0, { 27, 27, 30 } }, { 0x0, { 27, 27, 30 } },
	  IP_TRI_UNKNOWN, 4, 0, 0 },
	{ "2600 IOS (tm) 12.2", C2600_IOS_TM, IP_OS_IOS,
	  "branch2600", "12.2(2)XA1", NULL, "2621", "JAB0425015Y",
	  "11.3(2)XA4", "5 days, 3 hours, 12 minutes", "power-on", "C2600-I-M",
	  "flash:", "c2600-i-mz.122-2.XA1",
	  { 2, 46, 56 }, { 12, 23, 49 },
	  { 0x2102, { 23, 27, 33 } }, { 0x2102, { 23, 27, 33 } },
	  IP_TRI_UNKNOWN, 1, 0, 0 },
	{ "2960X stack, no Mode column", C2960X_STACK, IP_OS_IOS,
	  "acc-stack", "15.2(2)E7", NULL, "WS-C2960X-48FPD-L", "FOC2002X2BB",
	  "15.2(2r)E1", "1 year, 2 weeks, 3 days, 4 hours, 5 minutes",
	  "power-on", "C2960X-UNIVERSALK9-M",
	  "flash:", "c2960x-universalk9-mz.152-2.E7/c2960x-universalk9-mz.152-2.E7.bin",
	  { 1, 69, 78 }, { 12, 23, 94 },
	  { 0xF, { 46, 27, 30 } }, { 0xF, { 46, 27, 30 } },
	  IP_TRI_UNKNOWN, 0, 2, 0 },
	{ "ISR4451 special build", ISR4451_SPECIAL, IP_OS_IOSXE,
	  "wan-edge-2", "16.9.5", "V169_5_SR712345678_3", "ISR4451-X/K9",
	  "FOC20117ZZZ", NULL, "4 days, 1 hour, 12 minutes", "Reload Command",
	  "X86_64_LINUX_IOSD-UNIVERSALK9-M",
	  "bootflash:", "packages.conf",
	  { 2, 84, 90 }, { 13, 23, 46 },
	  { 0x2102, { 24, 27, 33 } }, { 0x2102, { 24, 27, 33 } },
	  IP_TRI_YES, 1, 0, 0 },
	{ "C1900 cut short after the uptime", C1900_TRUNCATED, IP_OS_IOS,
	  "C1900", "15.1(4)M8", NULL, NULL, NULL,
	  "15.0(1r)M16", "2 weeks, 2 days, 18 hours, 23 minutes", "reload",
	  "C1900-UNIVERSALK9-M",
	  NULL, NULL,
	  { 1, 67, 76 }, { 0 },
	  { UNKNOWN_REG, { 0 } }, { UNKNOWN_REG, { 0 } },
	  IP_TRI_UNKNOWN, 0, 0, 1 },
	{ "not show version at all", JUNK, IP_OS_UNKNOWN,
	  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	  { 0 }, { 0 },
	  { UNKNOWN_REG, { 0 } }, { UNKNOWN_REG, { 0 } },
	  IP_TRI_UNKNOWN, 0, 0, 1 },
};

static void check_case(const struct sv_case *c)
{
	struct parsed p;
	parse_text(&p, c->text, NULL);
	const ip_device *d = p.dev;
	cr_expect_eq(d->os, c->os, "%s: os %d, want %d", c->name, d->os, c->os);
	expect_str(c->name, "hostname", d->hostname.s, c->hostname);
	expect_str(c->name, "version", d->version.s, c->version);
	expect_str(c->name, "xe_version", d->xe_version.s, c->xe_version);
	expect_str(c->name, "platform", d->platform.s, c->platform);
	expect_str(c->name, "serial", d->serial.s, c->serial);
	expect_str(c->name, "rommon", d->rommon.s, c->rommon);
	expect_str(c->name, "uptime", d->uptime.s, c->uptime);
	expect_str(c->name, "reload_reason", d->reload_reason.s, c->reload_reason);
	expect_str(c->name, "software_image", d->software_image.s, c->software_image);
	expect_str(c->name, "system_image.filesystem", d->system_image.filesystem, c->image_fs);
	expect_str(c->name, "system_image.path", d->system_image.path, c->image_path);
	if (c->version)
		expect_span(c->name, "version", d->version.span, c->version_at);
	if (c->image_path)
		expect_span(c->name, "system_image", d->system_image.span, c->image_at);
	expect_reg(c->name, "confreg", d->confreg, c->reg);
	expect_reg(c->name, "confreg_next", d->confreg_next, c->reg_next);
	cr_expect_eq(d->install_mode.v, c->install, "%s: install_mode %d, want %d",
		     c->name, d->install_mode.v, c->install);
	cr_expect_eq(d->n_flash_sizes, c->n_flash, "%s: %zu flash sizes, want %zu",
		     c->name, d->n_flash_sizes, c->n_flash);
	cr_expect_eq(d->n_members, c->n_members, "%s: %zu members, want %zu",
		     c->name, d->n_members, c->n_members);
	cr_expect_eq(ip_diags_count(&p.diags, IP_DIAG_ERROR), c->n_errors,
		     "%s: %zu errors, want %zu", c->name,
		     ip_diags_count(&p.diags, IP_DIAG_ERROR), c->n_errors);
	cr_expect_eq(ip_diags_count(&p.diags, IP_DIAG_WARNING), 0,
		     "%s: unexpected warning", c->name);
	ip_arena_free(p.a);
}

Test(parsers, show_version_whole_outputs)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_case(&cases[i]);
}

/* Where the OS verdict and the install-mode verdict were read. */
Test(parsers, show_version_evidence_spans)
{
	static const struct {
		const char *text;
		struct at os_at, mode_at;
	} t[] = {
		{ ISR4321_16_9_6, { 1, 7, 13 }, { 25, 23, 69 } }, /* "IOS XE"; the .bin */
		{ C2960_15_2_7_E6, { 1, 1, 19 }, { 0 } },          /* "Cisco IOS Software" */
		{ C3850_STACK_3X, { 1, 21, 27 }, { 56, 73, 80 } }, /* "IOS-XE"; active INSTALL */
		{ C9300_BUNDLE, { 1, 7, 13 }, { 60, 73, 79 } },    /* BUNDLE column */
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct parsed p;
		parse_text(&p, t[i].text, NULL);
		expect_span("evidence", "os", p.dev->os_span, t[i].os_at);
		if (t[i].mode_at.line)
			expect_span("evidence", "install_mode", p.dev->install_mode.span,
				    t[i].mode_at);
		ip_arena_free(p.a);
	}
}

/* --- stack members ---------------------------------------------------------- */

struct member_want {
	int number;
	bool active;
	const char *model, *serial, *version, *image, *mode;
};

Test(parsers, show_version_members)
{
	static const struct {
		const char *name, *text;
		struct member_want m[2];
	} t[] = {
		{ "3850 (Mode column, Switch 02 block)", C3850_STACK_3X, {
		  { 1, true, "WS-C3850-24P", "FOC1901X0AB", "03.07.05E", "cat3k_caa-universalk9", "INSTALL" },
		  { 2, false, "WS-C3850-24P", "FCW1902X0CD", "03.07.05E", "cat3k_caa-universalk9", "INSTALL" } } },
		{ "C9300 single member", C9300_BUNDLE, {
		  { 1, true, "C9300-48P", "FOC2318X1YZ", "17.06.04", "CAT9K_IOSXE", "BUNDLE" } } },
		{ "C9500 blocks without a table", C9500_NO_REGISTER, {
		  { 1, false, "C9500-48Y4C", "CAT2301L0AA", NULL, NULL, NULL },
		  { 2, false, "C9500-48Y4C", "CAT2301L0BB", NULL, NULL, NULL } } },
		{ "2960X stack, member 2 active", C2960X_STACK, {
		  { 1, false, "WS-C2960X-48FPD-L", "FOC2002X1AA", "15.2(2)E7", "C2960X-UNIVERSALK9-M", NULL },
		  { 2, true, "WS-C2960X-48FPD-L", "FOC2002X2BB", "15.2(2)E7", "C2960X-UNIVERSALK9-M", NULL } } },
		{ "seed 2960 single switch", C2960_15_2_7_E6, {
		  { 1, true, "WS-C2960-24TT-L", "FOC1010X104", "15.2(7)E6", "C2960-LANBASEK9-M", NULL } } },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct parsed p;
		parse_text(&p, t[i].text, NULL);
		for (size_t k = 0; k < 2 && t[i].m[k].number; k++) {
			const struct member_want *w = &t[i].m[k];
			const ip_member *m = NULL;
			for (size_t j = 0; j < p.dev->n_members; j++)
				if (p.dev->members[j].number == w->number)
					m = &p.dev->members[j];
			cr_expect_not_null(m, "%s: no member %d", t[i].name, w->number);
			if (!m)
				continue;
			cr_expect_eq(m->active, w->active, "%s: member %d active", t[i].name, w->number);
			expect_str(t[i].name, "member model", m->model.s, w->model);
			expect_str(t[i].name, "member serial", m->serial.s, w->serial);
			expect_str(t[i].name, "member version", m->version.s, w->version);
			expect_str(t[i].name, "member image", m->image.s, w->image);
			expect_str(t[i].name, "member mode", m->mode.s, w->mode);
		}
		/* listed in number order, whatever order the output names them
		 * (issue 23: the SVL pair was listed 2 before 1) */
		for (size_t j = 1; j < p.dev->n_members; j++)
			cr_expect_lt(p.dev->members[j - 1].number, p.dev->members[j].number,
				     "%s: member %d listed before member %d", t[i].name,
				     p.dev->members[j - 1].number, p.dev->members[j].number);
		ip_arena_free(p.a);
	}
}

/* --- flash size lines -------------------------------------------------------- */

Test(parsers, show_version_flash_sizes)
{
	static const struct {
		const char *line;
		bool counted;
		uint64_t kbytes;
		const char *fs, *label;
	} t[] = {
		{ "7697408K bytes of flash memory at bootflash:.", true, 7697408, "bootflash:", "flash memory" },
		{ "7741439K bytes of eUSB flash at bootflash:.", true, 7741439, "bootflash:", "eUSB flash" },
		{ "78085207K bytes of SATA hard disk at harddisk:.", true, 78085207, "harddisk:", "SATA hard disk" },
		{ "1609272K bytes of Flash at flash-2:.", true, 1609272, "flash-2:", "Flash" },
		{ "11161600K bytes of Bootflash at bootflash:.", true, 11161600, "bootflash:", "Bootflash" },
		{ "234430023K bytes of SATA hard disk at disk0:.", true, 234430023, "disk0:", "SATA hard disk" },
		{ "0K bytes of Dummy USB Flash at usbflash0:.", true, 0, "usbflash0:", "Dummy USB Flash" },
		{ "14589951K bytes of virtual hard disk at bootflash:.", true, 14589951, "bootflash:", "virtual hard disk" },
		{ "15557120K bytes of SD Flash  at sdflash:.", true, 15557120, "sdflash:", "SD Flash" },
		{ "255488K bytes of ATA System CompactFlash 0 (Read/Write)", true, 255488, NULL, "ATA System CompactFlash 0 (Read/Write)" },
		{ "125440K bytes of ATA CompactFlash (Read/Write)", true, 125440, NULL, "ATA CompactFlash (Read/Write)" },
		{ "32768K bytes of processor board System flash (Read/Write)", true, 32768, NULL, "processor board System flash (Read/Write)" },
		{ "65536K bytes of Flash internal SIMM (Sector size 512K).", true, 65536, NULL, "Flash internal SIMM (Sector size 512K)" },
		/* a 7600 RSP720's bootdisk: (genieparser ios/c7600/tests/ShowVersion/
		 * cli/equal/golden_output_c7600_1_output.txt): neither "flash" nor
		 * "disk" in the label, yet the image runs from this card */
		{ "500472K bytes of Internal ATA PCMCIA card (Sector size 512 bytes).", true, 500472, NULL, "Internal ATA PCMCIA card (Sector size 512 bytes)" },
		{ "255K bytes of non-volatile configuration memory.", false, 0, NULL, NULL },
		{ "512K bytes of flash-simulated non-volatile configuration memory.", false, 0, NULL, NULL },
		{ "8388608K bytes of physical memory.", false, 0, NULL, NULL },
		{ "8192K bytes of packet buffer memory.", false, 0, NULL, NULL },
		{ "1638400K bytes of Crash Files at crashinfo:.", false, 0, NULL, NULL },
		{ "0K bytes of WebUI ODM Files at webui:.", false, 0, NULL, NULL },
		{ "0K bytes of  at webui:.", false, 0, NULL, NULL },
		{ "99999999999999999999999K bytes of Flash at flash:.", false, 0, NULL, NULL },
		{ "4 Gigabit Ethernet interfaces", false, 0, NULL, NULL },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct parsed p;
		parse_text(&p, t[i].line, "include bytes");
		const ip_device *d = p.dev;
		cr_expect_eq(d->n_flash_sizes, t[i].counted ? 1u : 0u,
			     "\"%s\": %zu flash sizes", t[i].line, d->n_flash_sizes);
		if (t[i].counted && d->n_flash_sizes == 1) {
			const ip_flash_size *f = &d->flash_sizes[0];
			cr_expect_eq(f->bytes, t[i].kbytes * 1024, "\"%s\": bytes", t[i].line);
			expect_str(t[i].line, "filesystem", f->filesystem, t[i].fs);
			expect_str(t[i].line, "label", f->label, t[i].label);
			struct at all = { 1, 1, (uint32_t)strlen(t[i].line) + 1 };
			expect_span(t[i].line, "flash size", f->span, all);
		}
		ip_arena_free(p.a);
	}
}

/* --- total DRAM (issue 22) --------------------------------------------------
 * Each row a real line and where it was printed; `at` is the text the span
 * must cover, on the last line of the row. */

#define XE_HDR "Cisco IOS XE Software, Version 16.09.06\n"

Test(parsers, show_version_dram)
{
	static const struct {
		const char *source, *text;
		bool known;
		uint64_t kbytes;
		ip_dram_form form;
		bool lower_bound;
		const char *at;
	} t[] = {
		{ "ntc-templates tests/cisco_ios/show_version/cisco_ios_show_version.raw (WS-C4948E)",
		  "cisco WS-C4948E (MPC8548) processor (revision 4) with 1048576K bytes of memory.",
		  true, 1048576, IP_DRAM_PROCESSOR, false, "1048576K" },
		{ "gist LukeDRussell/07740b7dc00ec181c89af64f7f5fa088 (2960X)",
		  "cisco WS-C2960X-48TD-L (APM86XXX) processor (revision M0) with 524288K bytes of memory.",
		  true, 524288, IP_DRAM_PROCESSOR, false, "524288K" },
		{ "ntc-templates cisco_ios_show_version_01.raw (Cisco 1801: X + Y)",
		  "Cisco 1801 (MPC8500) processor (revision 0x400) with 118784K/12288K bytes of memory.",
		  true, 118784 + 12288, IP_DRAM_PROCESSOR_IO, false, "118784K/12288K" },
		{ "ntc-templates cisco_ios_show_version3.raw (IOSv, 'with  with')",
		  "Cisco IOSv (revision 1.0) with  with 460137K/62464K bytes of memory.",
		  true, 460137 + 62464, IP_DRAM_PROCESSOR_IO, false, "460137K/62464K" },
		{ "netkiller show.html (Cisco 2811, 12.4)",
		  "Cisco 2811 (revision 53.51) with 251904K/10240K bytes of memory.",
		  true, 251904 + 10240, IP_DRAM_PROCESSOR_IO, false, "251904K/10240K" },
		{ "ntc-templates cisco_ios_show_version2.raw (ASR1001: physical line wins)",
		  XE_HDR "cisco ASR1001 (1RU) processor with 1133939K/6147K bytes of memory.\n"
		  "32768K bytes of non-volatile configuration memory.\n"
		  "4194304K bytes of physical memory.",
		  true, 4194304, IP_DRAM_PHYSICAL, false, "4194304K" },
		{ "ntc-templates cisco_ios_show_version2.raw, no physical line (IOSd share only)",
		  XE_HDR "cisco ASR1001 (1RU) processor with 1133939K/6147K bytes of memory.",
		  true, 1133939 + 6147, IP_DRAM_PROCESSOR_IO, true, "1133939K/6147K" },
		{ "gist LukeDRussell (C9300 form, Cat9k processor line, IOS-XE)",
		  XE_HDR "cisco C9300-48P (X86) processor with 1392780K/6147K bytes of memory.",
		  true, 1392780 + 6147, IP_DRAM_PROCESSOR_IO, true, "1392780K/6147K" },
		{ "ntc-templates cisco_ios_show_version4.raw (C9500-40X)",
		  XE_HDR "cisco C9500-40X (X86) processor with 1419496K/6147K bytes of memory.\n"
		  "2048K bytes of non-volatile configuration memory.\n"
		  "16777216K bytes of physical memory.",
		  true, 16777216, IP_DRAM_PHYSICAL, false, "16777216K" },
		{ "ntc-templates cisco_ios_show_version1.raw (WS-C3850-48U processor line)",
		  "Cisco IOS Software, IOS-XE Software, Catalyst L3 Switch Software (CAT3K_CAA-UNIVERSALK9-M), Version 03.06.06E RELEASE SOFTWARE (fc1)\n"
		  "cisco WS-C3850-48U (MIPS) processor with 4194304K bytes of physical memory.",
		  true, 4194304, IP_DRAM_PHYSICAL, false, "4194304K" },
		{ "tests/test_show_version.c ISR4321 (issue 22 brief's form)",
		  XE_HDR "cisco ISR4321/K9 (1RU) processor with 1647778K/6147K bytes of memory.\n"
		  "8388608K bytes of physical memory.",
		  true, 8388608, IP_DRAM_PHYSICAL, false, "8388608K" },
		{ "overflow: no DRAM is that large",
		  "cisco X (Y) processor with 99999999999999999999999K bytes of memory.",
		  false, 0, IP_DRAM_PHYSICAL, false, NULL },
		{ "no number", "cisco X (Y) processor with bytes of memory.",
		  false, 0, IP_DRAM_PHYSICAL, false, NULL },
		{ "not a K count", "cisco X (Y) processor with 512M bytes of memory.",
		  false, 0, IP_DRAM_PHYSICAL, false, NULL },
		{ "NVRAM is not DRAM", "2048K bytes of non-volatile configuration memory.",
		  false, 0, IP_DRAM_PHYSICAL, false, NULL },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct parsed p;
		parse_text(&p, t[i].text, "include memory");
		const ip_dram *m = &p.dev->dram;
		cr_expect_eq(m->known, t[i].known, "%s: known", t[i].source);
		if (t[i].known && m->known) {
			cr_expect_eq(m->bytes, t[i].kbytes * 1024, "%s: %llu bytes", t[i].source,
				     (unsigned long long)m->bytes);
			cr_expect_eq(m->form, t[i].form, "%s: form %d", t[i].source, m->form);
			cr_expect_eq(m->lower_bound, t[i].lower_bound, "%s: lower bound", t[i].source);
			const char *last = strrchr(t[i].text, '\n');
			last = last ? last + 1 : t[i].text;
			uint32_t line = 1;
			for (const char *c = t[i].text; c < last; c++)
				line += *c == '\n';
			const char *a = strstr(last, t[i].at);
			cr_assert_not_null(a);
			struct at want = { line, (uint32_t)(a - last) + 1,
					   (uint32_t)(a - last + strlen(t[i].at)) + 1 };
			expect_span(t[i].source, "dram", m->span, want);
		}
		ip_arena_free(p.a);
	}
}

/* --- licensing (issue 22) -----------------------------------------------------
 * Each row real show version lines, its source named; pkg[] the first and
 * last package row as technology/current/type/next. */

#define LIC_G2_C3945 /* genieparser ios tests/test_show_platform.py (CISCO3945) */ \
	"Technology Package License Information for Module:'c3900' \n"          \
	"              \n"                                                       \
	"-----------------------------------------------------------------\n"    \
	"Technology    Technology-package           Technology-package\n"        \
	"              Current       Type           Next reboot  \n"             \
	"------------------------------------------------------------------\n"   \
	"ipbase        ipbasek9      Permanent      ipbasek9\n"                  \
	"security      securityk9    Permanent      securityk9\n"                \
	"uc            None          None           None\n"                      \
	"data          datak9        Permanent      datak9\n"                    \
	"              \n"                                                       \
	"Configuration register is 0x2102\n"

/* C4507_3X's "    License Level: entservices   Type: Permanent" line. */
#define C4507_LEVEL_LINE 18

Test(parsers, show_version_license)
{
	static const struct {
		const char *source, *text;
		const char *level, *type, *next, *air, *air_next, *smart;
		size_t n_pkgs;
		const char *first[4], *last[4];
		uint32_t level_line, level_col;
	} t[] = {
		{ "genieparser ios tests/test_show_platform.py (WS-C3750X-24P)",
		  "License Level: ipservices\nLicense Type: Permanent\nNext reload license Level: ipservices\n",
		  "ipservices", "Permanent", "ipservices", NULL, NULL, NULL, 0, { NULL }, { NULL }, 1, 16 },
		{ "ntc-templates cisco_ios_show_version1.raw (WS-C3850-48U)",
		  "License Level: Ipbase\nLicense Type: Permanent\nNext reload license Level: Ipbase\n",
		  "Ipbase", "Permanent", "Ipbase", NULL, NULL, NULL, 0, { NULL }, { NULL }, 1, 16 },
		/* the level and the type on one line, "Next reboot" (issue 23's
		 * real corpus: the level read "entservices   Type: Permanent") */
		{ "genieparser iosxe ShowVersion golden_output_9_output.txt (WS-C4507R+E Sup8-E)",
		  "License Information for 'WS-X45-SUP8-E'\n"
		  "    License Level: entservices   Type: Permanent Right-To-Use\n"
		  "    Next reboot license Level: entservices\n",
		  "entservices", "Permanent Right-To-Use", "entservices", NULL, NULL, NULL, 0, { NULL },
		  { NULL }, 2, 20 },
		{ "ntc-templates cisco_ios_show_version8.raw (C881-K9)",
		  "License Information for 'c800'\n"
		  "    License Level: advipservices   Type: RightToUse\n"
		  "    Next reboot license Level: advipservices\n",
		  "advipservices", "RightToUse", "advipservices", NULL, NULL, NULL, 0, { NULL }, { NULL },
		  2, 20 },
		{ "the one-line form, the next level changing at the reboot (Sup7-E form)",
		  "    License Level: entservices   Type: Permanent\n"
		  "    Next reboot license Level: ipbase\n",
		  "entservices", "Permanent", "ipbase", NULL, NULL, NULL, 0, { NULL }, { NULL }, 1, 20 },
		{ "a level alone on its line keeps its whole value",
		  "License Level: ipservices\n", "ipservices", NULL, NULL, NULL, NULL, NULL, 0, { NULL },
		  { NULL }, 1, 16 },
		{ "a level that changes at the reload (ntc show_version2 form, ASR1001)",
		  "License Level: advipservices\nLicense Type: Permanent\nNext reload license Level: adventerprise\n",
		  "advipservices", "Permanent", "adventerprise", NULL, NULL, NULL, 0, { NULL }, { NULL }, 1, 16 },
		{ "ISR G2 table, then the register line with no blank line between", LIC_G2_C3945,
		  NULL, NULL, NULL, NULL, NULL, NULL, 4,
		  { "ipbase", "ipbasek9", "Permanent", "ipbasek9" }, { "data", "datak9", "Permanent", "datak9" }, 0, 0 },
		{ "ISR G2 c1900, an evaluation licence (NetAcad lab capture)",
		  "Technology Package License Information for Module:'c1900'\n"
		  "----------------------------------------------------------------\n"
		  "Technology    Technology-package          Technology-package\n"
		  "              Current       Type          Next reboot\n"
		  "-----------------------------------------------------------------\n"
		  "ipbase        ipbasek9      Permanent     ipbasek9\n"
		  "security      securityk9    Evaluation    securityk9\n"
		  "data          disable       None          None\n",
		  NULL, NULL, NULL, NULL, NULL, NULL, 3,
		  { "ipbase", "ipbasek9", "Permanent", "ipbasek9" }, { "data", "disable", "None", "None" }, 0, 0 },
		{ "ISR 4000 16.9 table (Type before the packages)", ISR4321_16_9_6,
		  NULL, NULL, NULL, NULL, NULL, NULL, 3,
		  { "appxk9", "None", "None", "None" }, { "ipbase", "ipbasek9", "Smart License", "ipbasek9" }, 0, 0 },
		{ "ntc-templates cisco_ios_show_version5.raw (C9500-48Y4C, AIR, Smart Licensing)",
		  "Technology Package License Information: \n"
		  "\n"
		  "------------------------------------------------------------------------------\n"
		  "Technology-package                                     Technology-package\n"
		  "Current                        Type                       Next reboot  \n"
		  "------------------------------------------------------------------------------\n"
		  "network-advantage       Smart License                    network-advantage   \n"
		  "dna-advantage           Subscription Smart License       dna-advantage                 \n"
		  "AIR License Level: AIR DNA Advantage\n"
		  "Next reload AIR license Level: AIR DNA Advantage\n"
		  "\n"
		  "\n"
		  "Smart Licensing Status: UNREGISTERED/EVAL EXPIRED\n",
		  NULL, NULL, NULL, "AIR DNA Advantage", "AIR DNA Advantage", "UNREGISTERED/EVAL EXPIRED", 2,
		  { NULL, "network-advantage", "Smart License", "network-advantage" },
		  { NULL, "dna-advantage", "Subscription Smart License", "dna-advantage" }, 0, 0 },
		/* issue 23: level and type on one line, "reboot" for "reload" */
		{ "genieparser iosxe ShowVersion golden_output_c4507 (WS-C4507R+E, Sup7-E)", C4507_3X,
		  "entservices", "Permanent", "entservices", NULL, NULL, NULL, 0, { NULL }, { NULL },
		  C4507_LEVEL_LINE, 20 },
		{ "genieparser iosxe ShowVersion golden_output_1 (WS-C4510R+E), lines as printed",
		  "License Information for 'WS-X45-SUP7-E'\n"
		  "    License Level: entservices   Type: Permanent\n"
		  "    Next reboot license Level: entservices\n",
		  "entservices", "Permanent", "entservices", NULL, NULL, NULL, 0, { NULL }, { NULL }, 2, 20 },
		{ "the Cat4500 form pasted flush, one space before Type",
		  "License Level: ipbase Type: Permanent\nNext reboot license Level: entservices\n",
		  "ipbase", "Permanent", "entservices", NULL, NULL, NULL, 0, { NULL }, { NULL }, 1, 16 },
		{ "no licensing lines (2960, LAN Base)", C2960_15_2_7_E6,
		  NULL, NULL, NULL, NULL, NULL, NULL, 0, { NULL }, { NULL }, 0, 0 },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct parsed p;
		parse_text(&p, t[i].text, "include License|Technology|Next|AIR|Smart|ipbase");
		const ip_license *l = ip_license_of(p.dev);
		expect_str(t[i].source, "level", l->level.s, t[i].level);
		expect_str(t[i].source, "type", l->type.s, t[i].type);
		expect_str(t[i].source, "next level", l->next_level.s, t[i].next);
		expect_str(t[i].source, "AIR level", l->air_level.s, t[i].air);
		expect_str(t[i].source, "AIR next", l->air_next.s, t[i].air_next);
		expect_str(t[i].source, "smart status", l->smart_status.s, t[i].smart);
		cr_expect_eq(l->n_pkgs, t[i].n_pkgs, "%s: %zu packages", t[i].source, l->n_pkgs);
		if (strstr(t[i].text, "\nConfiguration register is 0x2102"))
			cr_expect(p.dev->confreg.known && p.dev->confreg.v == 0x2102,
				  "%s: the register line after the table is still read", t[i].source);
		if (t[i].level_line)
			cr_expect(l->level.span.line == t[i].level_line && l->level.span.col == t[i].level_col,
				  "%s: level span %u:%u", t[i].source, l->level.span.line, l->level.span.col);
		if (t[i].n_pkgs && l->n_pkgs == t[i].n_pkgs) {
			const ip_license_pkg *f = &l->pkgs[0], *z = &l->pkgs[l->n_pkgs - 1];
			const ip_text *fv[4] = { &f->technology, &f->current, &f->type, &f->next };
			const ip_text *zv[4] = { &z->technology, &z->current, &z->type, &z->next };
			for (int k = 0; k < 4; k++) {
				expect_str(t[i].source, "first package", fv[k]->s, t[i].first[k]);
				expect_str(t[i].source, "last package", zv[k]->s, t[i].last[k]);
			}
		}
		ip_arena_free(p.a);
	}
}

/* The one-line Cat4500 form: each value its own span, the level's ending
 * before the spaces, the type's at the end of the line. */
Test(parsers, show_version_license_one_line_spans)
{
	struct parsed p;
	parse_text(&p, "    License Level: entservices   Type: Permanent\n", NULL);
	const ip_license *l = ip_license_of(p.dev);
	cr_assert_not_null(l->level.s);
	cr_assert_not_null(l->type.s);
	cr_expect(l->level.span.col == 20 && l->level.span.end_col == 31, "level %u-%u",
		  l->level.span.col, l->level.span.end_col);
	cr_expect(l->type.span.line == 1 && l->type.span.col == 40 && l->type.span.end_col == 49,
		  "type %u:%u-%u", l->type.span.line, l->type.span.col, l->type.span.end_col);
	ip_arena_free(p.a);
}

/* --- single-line variants ------------------------------------------------------ */

enum field { F_VERSION, F_SWIMAGE, F_XE, F_PLATFORM, F_SERIAL, F_ROMMON,
	     F_RELOAD, F_HOSTNAME, F_IMAGE_PATH };

static const char *field_of(const ip_device *d, enum field f)
{
	switch (f) {
	case F_VERSION: return d->version.s;
	case F_SWIMAGE: return d->software_image.s;
	case F_XE: return d->xe_version.s;
	case F_PLATFORM: return d->platform.s;
	case F_SERIAL: return d->serial.s;
	case F_ROMMON: return d->rommon.s;
	case F_RELOAD: return d->reload_reason.s;
	case F_HOSTNAME: return d->hostname.s;
	case F_IMAGE_PATH: return d->system_image.path;
	}
	return NULL;
}

Test(parsers, show_version_line_variants)
{
	static const struct {
		enum field f;
		const char *text, *want; /* want NULL: must stay unknown */
	} t[] = {
		{ F_VERSION, "Cisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), Version 15.1(4)M8, RELEASE SOFTWARE (fc2)", "15.1(4)M8" },
		{ F_VERSION, "Cisco IOS Software, vios_l2 Software (vios_l2-ADVENTERPRISEK9-M), Version 15.2(4.0.55)E, TEST ENGINEERING ESTG_WEEKLY BUILD, synced to  END_OF_FLO_ISP", "15.2(4.0.55)E" },
		{ F_VERSION, "Cisco IOS Software [Bengaluru], Catalyst L3 Switch Software (CAT9K_IOSXE), Experimental Version 17.6.20210302:012459 [S2C-build-polaris_dev-132831 149]", "17.6.20210302:012459" },
		{ F_SWIMAGE, "Cisco IOS Software [Bengaluru], Catalyst L3 Switch Software (CAT9K_IOSXE), Experimental Version 17.6.20210302:012459 [S2C-build-polaris_dev-132831 149]", "CAT9K_IOSXE" },
		{ F_VERSION, "Cisco IOS Software [Cupertino], C9800-CL Software (C9800-CL-K9_IOSXE), Version 17.7.1prd16, RELEASE SOFTWARE (fc2)", "17.7.1prd16" },
		{ F_VERSION, "Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.5, CUST-SPECIAL:V169_5_SR689355441_2", "16.9.5" },
		{ F_VERSION, "IOS (tm) s72033_rp Software (s72033_rp-ADVENTERPRISEK9_WAN-M), Version 12.2(18)SXF7, RELEASE SOFTWARE (fc1)", "12.2(18)SXF7" },
		{ F_VERSION, "Cisco IOS XE Software, Version 16.09.06", NULL },
		{ F_VERSION, "Technical Support: http://www.cisco.com/techsupport", NULL },
		{ F_XE, "Cisco IOS Software, IOS-XE Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 15.3(2)S1, RELEASE SOFTWARE (fc1)\nIOS XE Version: 03.09.01.S", "03.09.01.S" },
		{ F_XE, "Cisco IOS XE Software, Version 03.16.10.S - Extended Support Release", "03.16.10.S" },
		{ F_XE, "Cisco IOS Software, ASR1000 Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 15.5(3)S10, RELEASE SOFTWARE (fc2)", NULL },
		{ F_XE, "Cisco IOS Software, IOS-XE Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 15.3(2)S1, RELEASE SOFTWARE (fc1)", NULL },
		{ F_PLATFORM, "cisco ISR4321/K9 (1RU) processor with 1647778K/6147K bytes of memory.", "ISR4321/K9" },
		{ F_PLATFORM, "Cisco CISCO1941/K9 (revision 1.0) with 491520K/32768K bytes of memory.", "CISCO1941/K9" },
		{ F_PLATFORM, "cisco WS-C2960X-48FPD-L (APM86XXX) processor (revision F0) with 524288K bytes of memory.", "WS-C2960X-48FPD-L" },
		{ F_PLATFORM, "Cisco 1801 (MPC8500) processor (revision 0x400) with 118784K/12288K bytes of memory.", "1801" },
		{ F_PLATFORM, "Cisco IOSv (revision 1.0) with  with 460137K/62464K bytes of memory.", "IOSv" },
		{ F_PLATFORM, "Cisco IOSv () processor (revision 1.0) with 935161K/111616K bytes of memory.", "IOSv" },
		{ F_PLATFORM, "Cisco CISCO3945-CHASSIS (revision 1.1) with C3900-SPE150/K9 with 2027520K/69632K bytes of memory.", "CISCO3945-CHASSIS" },
		{ F_PLATFORM, "cisco C9800-CL (VXE) processor (revision VXE) with 12293240K/3075K bytes of memory.", "C9800-CL" },
		{ F_PLATFORM, "cisco WS-C3850-48U (MIPS) processor with 4194304K bytes of physical memory.", "WS-C3850-48U" },
		{ F_PLATFORM, "Cisco IOS-XE software, Copyright (c) 2005-2020 by cisco Systems, Inc.", NULL },
		{ F_SERIAL, "Processor board ID FHK102KKKKK, with hardware revision 0000", "FHK102KKKKK" },
		{ F_SERIAL, "Processor board ID JAB0425015Y (3146140826)", "JAB0425015Y" },
		{ F_SERIAL, "System Serial Number               : FCW2233FFG3", "FCW2233FFG3" },
		{ F_SERIAL, "Processor board ID FOC11111111\nSystem Serial Number               : FCW99999999", "FOC11111111" },
		{ F_SERIAL, "Motherboard Serial Number          : FOC223855F9", NULL },
		{ F_ROMMON, "ROM: System Bootstrap, Version 15.0(1r)M16, RELEASE SOFTWARE (fc1)", "15.0(1r)M16" },
		{ F_ROMMON, "ROM: 12.2(44r)SG9", "12.2(44r)SG9" },
		{ F_ROMMON, "ROM: 16.9(4r)", "16.9(4r)" },
		{ F_ROMMON, "ROM: IOS-XE ROMMON", NULL },
		{ F_ROMMON, "ROM: Bootstrap program is IOSv", NULL },
		{ F_ROMMON, "ROM:", NULL },
		{ F_ROMMON, "ROM: IOS-XE ROMMON\nBOOTLDR: System Bootstrap, Version 16.9.1r [FC2], RELEASE SOFTWARE (P)", "16.9.1r" },
		{ F_ROMMON, "ROM: IOS-XE ROMMON\nBOOTLDR: System Bootstrap, Version 17.3.1r[FC2], RELEASE SOFTWARE (P)", "17.3.1r" },
		{ F_ROMMON, "ROM: System Bootstrap, Version 12.2(17r)S4, RELEASE SOFTWARE (fc1)\nBOOTLDR: s72033_rp Software (s72033_rp-ADVENTERPRISEK9_WAN-M), Version 12.2(18)SXF7, RELEASE SOFTWARE (fc1)", "12.2(17r)S4" },
		{ F_RELOAD, "System returned to ROM by reload at 14:25:41 UTC Tue Sep 15 2020", "reload" },
		{ F_RELOAD, "System returned to ROM by  power cycle at 21:57:23 UTC Sat Aug 28 2010 (SP by power on)", "power cycle" },
		{ F_RELOAD, "System returned to ROM by bus error at PC 0x60A4C3A4, address 0x0", "bus error at PC 0x60A4C3A4, address 0x0" },
		{ F_RELOAD, "System returned to ROM by power-on\nLast reload reason: Reload Command", "Reload Command" },
		{ F_RELOAD, "Last reload reason: LocalSoft\nSystem returned to ROM by reload", "LocalSoft" },
		{ F_RELOAD, "Last reset from power-on", "power-on" },
		{ F_RELOAD, "Last reload type: Normal Reload", NULL },
		{ F_HOSTNAME, "rtr-01 uptime is 1 week, 3 days, 16 hours, 11 minutes", "rtr-01" },
		{ F_HOSTNAME, "Switch uptime is 3 minutes", "Switch" },
		{ F_HOSTNAME, "Uptime for this control processor is 34 minutes", NULL },
		{ F_HOSTNAME, "Switch uptime                      : 28 weeks, 1 day, 8 hours", NULL },
		{ F_IMAGE_PATH, "System image file is \"flash:c2500-j-l.112-5.P\", booted via flash", "c2500-j-l.112-5.P" },
		{ F_IMAGE_PATH, "System image file is \"flash:/c180x-advipservicesk9-mz.124-6.T2.bin\"", "c180x-advipservicesk9-mz.124-6.T2.bin" },
		{ F_IMAGE_PATH, "System image file is \"\"", NULL },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct parsed p;
		parse_text(&p, t[i].text, NULL);
		expect_str(t[i].text, "field", field_of(p.dev, t[i].f), t[i].want);
		ip_arena_free(p.a);
	}
}

Test(parsers, show_version_register_variants)
{
	static const struct {
		const char *line;
		struct reg_want cur, next;
		size_t warnings;
	} t[] = {
		{ "Configuration Register is 0x102", { 0x102, { 1, 27, 32 } }, { 0x102, { 1, 27, 32 } }, 0 },
		{ "Configuration register is 0x142 (will be 0x102 at next reload)",
		  { 0x142, { 1, 27, 32 } }, { 0x102, { 1, 42, 47 } }, 0 },
		{ "Configuration register is 0x1822 (will be 0x3922 at next reload)",
		  { 0x1822, { 1, 27, 33 } }, { 0x3922, { 1, 43, 49 } }, 0 },
		{ "Configuration register is 0xFFFF", { 0xFFFF, { 1, 27, 33 } }, { 0xFFFF, { 1, 27, 33 } }, 0 },
		/* the register is 16 bits wide, as config_boot and show_boot read it */
		{ "Configuration register is 0x12345", { UNKNOWN_REG, { 0 } }, { UNKNOWN_REG, { 0 } }, 1 },
		{ "Configuration register is 0xFFFFFFFF", { UNKNOWN_REG, { 0 } }, { UNKNOWN_REG, { 0 } }, 1 },
		{ "Configuration register is 0x123456789", { UNKNOWN_REG, { 0 } }, { UNKNOWN_REG, { 0 } }, 1 },
		{ "Configuration register is 0x2102 (will be 0x1FFFFFFFF at next reload)", { UNKNOWN_REG, { 0 } }, { UNKNOWN_REG, { 0 } }, 1 },
		{ "Configuration register is garbled", { UNKNOWN_REG, { 0 } }, { UNKNOWN_REG, { 0 } }, 1 },
		{ "Standby Configuration register is 0x1  (will be 0x2102 at next reload)", { UNKNOWN_REG, { 0 } }, { UNKNOWN_REG, { 0 } }, 0 },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct parsed p;
		parse_text(&p, t[i].line, "include register");
		expect_reg(t[i].line, "confreg", p.dev->confreg, t[i].cur);
		expect_reg(t[i].line, "confreg_next", p.dev->confreg_next, t[i].next);
		cr_expect_eq(ip_diags_count(&p.diags, IP_DIAG_WARNING), t[i].warnings,
			     "\"%s\": warnings", t[i].line);
		cr_expect_eq(ip_diags_count(&p.diags, IP_DIAG_ERROR), 0,
			     "\"%s\": filtered output must not be an error", t[i].line);
		ip_arena_free(p.a);
	}
}

/* Direct evidence (Mode column, "Installation mode is") wins; the image name
 * counts only on IOS-XE. */
Test(parsers, show_version_install_mode)
{
	static const struct {
		const char *name, *text;
		ip_tri want;
	} t[] = {
		{ "XE packages.conf", "Cisco IOS XE Software, Version 16.09.03\nSystem image file is \"bootflash:packages.conf\"", IP_TRI_YES },
		{ "XE other .conf", "Cisco IOS XE Software, Version 03.16.04b.S\nSystem image file is \"bootflash:isr4300-packages-universalk9.03.16.04b.S.155-3.S4b-ext.conf\"", IP_TRI_YES },
		{ "XE .bin", "Cisco IOS XE Software, Version 16.09.03\nSystem image file is \"bootflash:isr4300-universalk9.16.09.03.SPA.bin\"", IP_TRI_NO },
		{ "XE netboot .bin", "Cisco IOS XE Software, Version 16.09.03\nSystem image file is \"tftp://10.1.6.241//auto/tftp-ssr/cat3k_caa-universalk9.SSA.bin\"", IP_TRI_NO },
		{ "XE neither", "Cisco IOS XE Software, Version 16.03.03\nSystem image file is \"harddisk:test-image-PE1-13113029\"", IP_TRI_UNKNOWN },
		{ "classic IOS .bin", "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(2)E7, RELEASE SOFTWARE (fc3)\nSystem image file is \"flash:c2960x-universalk9-mz.152-2.E7.bin\"", IP_TRI_UNKNOWN },
		{ "explicit line beats image", "Cisco IOS XE Software, Version 17.07.01\nSystem image file is \"bootflash:C9800-CL-universalk9.17.07.01.SPA.bin\"\nInstallation mode is INSTALL", IP_TRI_YES },
		{ "explicit line on IOS", "Installation mode is BUNDLE", IP_TRI_NO },
		{ "active row beats others", "Switch Ports Model              SW Version        SW Image              Mode\n------ ----- -----              ----------        ----------            ----\n     1 41    C9300-24P          17.06.01          CAT9K_IOSXE           INSTALL\n*    2 41    C9300-24P          17.06.01          CAT9K_IOSXE           BUNDLE", IP_TRI_NO },
		{ "Mode column, odd value", "Switch Ports Model              SW Version        SW Image              Mode\n------ ----- -----              ----------        ----------            ----\n*    1 41    C9300-24P          17.06.01          CAT9K_IOSXE           UNKNOWN", IP_TRI_UNKNOWN },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct parsed p;
		parse_text(&p, t[i].text, "include image|mode|Switch|-|\\*");
		cr_expect_eq(p.dev->install_mode.v, t[i].want, "%s: install_mode %d, want %d",
			     t[i].name, p.dev->install_mode.v, t[i].want);
		ip_arena_free(p.a);
	}
}

/* --- diagnostics ------------------------------------------------------------------ */

Test(parsers, show_version_diagnostics)
{
	static const struct {
		const char *name, *text, *filter;
		size_t errors;
		const char *message; /* substring of the error */
		struct at at;
	} t[] = {
		{ "cut short", C1900_TRUNCATED, NULL, 1, "show version output ends early", { 9, 1, 65 } },
		{ "no processor line", "Cisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), Version 15.1(4)M8, RELEASE SOFTWARE (fc2)\nC1900 uptime is 2 weeks\nSystem image file is \"flash0:c1900-universalk9-mz.SPA.151-4.M8.bin\"\n\n",
		  NULL, 1, "no processor line", { 3, 1, 68 } },
		{ "Cat4500 default software: no image line, yet complete",
		  "Cisco IOS Software, IOS-XE Software, Catalyst 4500 L3 Switch Software (cat4500e-UNIVERSALK9-M), Version 03.03.02.SG RELEASE SOFTWARE (fc1)\n"
		  "switchname uptime is 6 years, 2 weeks, 13 hours, 31 minutes\nSystem returned to ROM by reload\nRunning default software\n"
		  "cisco WS-C4507R+E (MPC8572) processor (revision 10) with 2097152K/20480K bytes of memory.\nProcessor board ID FXS1729E2TD\n",
		  NULL, 0, NULL, { 0 } },
		{ "processor line not understood still ends the header",
		  "Cisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), Version 15.1(4)M8, RELEASE SOFTWARE (fc2)\nC1900 uptime is 2 weeks\n"
		  "Cisco ??? with 491520K/32768K bytes of memory.\n",
		  NULL, 0, NULL, { 0 } },
		{ "junk", JUNK, NULL, 1, "does not look like show version output", { 1, 1, 20 } },
		{ "empty", "", NULL, 1, "does not look like show version output", { 1, 1, 1 } },
		{ "filtered", "Configuration register is 0x2102", "include register", 0, NULL, { 0 } },
		{ "filtered version only", "Cisco IOS XE Software, Version 16.09.06", "include Version", 0, NULL, { 0 } },
		{ "C9500 without register", C9500_NO_REGISTER, NULL, 0, NULL, { 0 } },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct parsed p;
		parse_text(&p, t[i].text, t[i].filter);
		cr_expect_eq(ip_diags_count(&p.diags, IP_DIAG_ERROR), t[i].errors,
			     "%s: %zu errors", t[i].name, ip_diags_count(&p.diags, IP_DIAG_ERROR));
		for (size_t k = 0; k < p.diags.n && t[i].message; k++) {
			const ip_diag *g = &p.diags.v[k];
			if (g->level != IP_DIAG_ERROR)
				continue;
			cr_expect(strstr(g->message, t[i].message), "%s: message \"%s\"",
				  t[i].name, g->message);
			expect_span(t[i].name, "error", g->span, t[i].at);
		}
		ip_arena_free(p.a);
	}
}

/* Hostile input must neither crash nor take long, and must not invent facts. */
Test(parsers, show_version_hostile_input, .timeout = 10)
{
	size_t n = 60000;
	char *buf = malloc(4 * n + 512);
	cr_assert_not_null(buf);
	char *w = buf;
	w += sprintf(w, "Switch Ports Model  SW Version  SW Image  Mode\n------\n");
	memset(w, ' ', n);
	w += n;
	*w++ = '\n';
	w += sprintf(w, "1K bytes of ");
	memset(w, ' ', n);
	w += n;
	w += sprintf(w, "x\nConfiguration register is 0x");
	memset(w, '0', n);
	w += n;
	w += sprintf(w, "2102\nROM: ");
	memset(w, '(', n);
	w += n;
	w += sprintf(w, "\nSwitch 99999999999\nSystem image file is \"\n");
	struct parsed p;
	parse_text(&p, buf, NULL);
	cr_expect_eq(p.dev->n_members, 0);
	cr_expect_eq(p.dev->n_flash_sizes, 0);
	cr_expect(p.dev->confreg.known && p.dev->confreg.v == 0x2102,
		  "leading zeros are still 0x2102");
	cr_expect_null(p.dev->rommon.s);
	cr_expect_null(p.dev->system_image.path);
	cr_expect_eq(ip_diags_count(&p.diags, IP_DIAG_ERROR), 1);
	ip_arena_free(p.a);
	free(buf);
}

/* --- the ntc-templates corpus -------------------------------------------------------- */


/* ntc's running_image drops the filesystem and keeps a leading '/'. */
static const char *strip_slash(const char *s)
{
	while (*s == '/')
		s++;
	return s;
}

static const char *json_str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const char *json_first(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	const cJSON *f = cJSON_IsArray(v) ? cJSON_GetArrayItem(v, 0) : NULL;
	return cJSON_IsString(f) ? f->valuestring : NULL;
}

static void check_corpus_record(const cJSON *rec, const char *raw_path)
{
	char *text = test_read_file(raw_path, NULL);
	cr_assert_not_null(text, "cannot read %s", raw_path);
	struct parsed p;
	parse_text(&p, text, NULL);
	const ip_device *d = p.dev;
	const char *who = json_str(rec, "file");
	expect_str(who, "version", d->version.s, json_str(rec, "version"));
	expect_str(who, "hostname", d->hostname.s, json_str(rec, "hostname"));
	const char *img = json_str(rec, "running_image");
	expect_str(who, "running_image", d->system_image.path, img ? strip_slash(img) : NULL);
	const char *reg = json_str(rec, "config_register");
	char got[16] = "";
	if (d->confreg.known)
		snprintf(got, sizeof(got), "0x%X", d->confreg.v);
	cr_expect(reg && strcasecmp(got, reg) == 0, "%s: config_register \"%s\", want \"%s\"",
		  who, got, reg ? reg : "(none)");
	expect_str(who, "hardware[0]", d->platform.s, json_first(rec, "hardware"));
	expect_str(who, "serial[0]", d->serial.s, json_first(rec, "serial"));
	cr_expect_eq(ip_diags_count(&p.diags, IP_DIAG_ERROR), 0, "%s: errors", who);
	ip_arena_free(p.a);
	free(text);
}

static cJSON *find_record(cJSON *const *recs, size_t n, const char *file)
{
	for (size_t i = 0; i < n; i++) {
		const char *f = json_str(recs[i], "file");
		if (f && strcmp(f, file) == 0)
			return recs[i];
	}
	return NULL;
}

static size_t load_facts(cJSON **recs, size_t cap)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/show_version_facts.jsonl", test_corpus_dir());
	char *text = test_read_file(path, NULL);
	cr_assert_not_null(text, "cannot read %s", path);
	size_t n = 0;
	for (char *line = strtok(text, "\n"); line && n < cap; line = strtok(NULL, "\n")) {
		cJSON *o = cJSON_Parse(line);
		cr_assert_not_null(o, "bad JSON line in %s", path);
		recs[n++] = o;
	}
	free(text);
	return n;
}

Test(parsers, show_version_ntc_corpus)
{
	char dir[1024];
	const char *corpus = test_corpus_dir();
	if (!corpus)
		cr_skip_test("corpus not found (../shared/corpus/ntc-templates beside the tree, or IOSPLAN_CORPUS)");
	snprintf(dir, sizeof(dir), "%s/cisco_ios/show_version", corpus);
	DIR *dp = opendir(dir);
	if (!dp)
		cr_skip_test("corpus has no %s", dir);
	cJSON *recs[256];
	size_t n = load_facts(recs, 256), checked = 0;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".raw") != 0)
			continue;
		char key[512], path[1536];
		snprintf(key, sizeof(key), "cisco_ios/show_version/%s", e->d_name);
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		const cJSON *rec = find_record(recs, n, key);
		cr_expect_not_null(rec, "%s has no record in show_version_facts.jsonl", key);
		if (rec)
			check_corpus_record(rec, path);
		checked++;
	}
	closedir(dp);
	cr_expect_gt(checked, 0, "no .raw files in %s", dir);
	for (size_t i = 0; i < n; i++)
		cJSON_Delete(recs[i]);
}

/* The prompt and the "X uptime is" line name two hosts: a warning at the
 * prompt names both; the section stays the prompt's device, whose name is
 * show version's. */
Test(parsers, show_version_prompt_hostname)
{
	static const struct {
		const char *name, *text;
		const char *key, *hostname; /* the device's */
		uint32_t line, end_col;     /* of the warning; 0: none */
	} t[] = {
		{ "the same", "R1#show version\nCisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), "
		  "Version 15.1(4)M8, RELEASE SOFTWARE (fc2)\nR1 uptime is 2 weeks\n", "R1", "R1", 0, 0 },
		{ "another host", "R1#show version\nCisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), "
		  "Version 15.1(4)M8, RELEASE SOFTWARE (fc2)\nR2 uptime is 2 weeks\n", "R1", "R2", 1, 3 },
		{ "another case", "core-sw1#sh ver\nCisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), "
		  "Version 15.1(4)M8, RELEASE SOFTWARE (fc2)\nCORE-SW1 uptime is 2 weeks\n", "core-sw1",
		  "CORE-SW1", 1, 9 },
		{ "a prefix only", "R1#show version\nCisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), "
		  "Version 15.1(4)M8, RELEASE SOFTWARE (fc2)\nR10 uptime is 2 weeks\n", "R1", "R10", 1, 3 },
		{ "no prompt", "Cisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), "
		  "Version 15.1(4)M8, RELEASE SOFTWARE (fc2)\nR2 uptime is 2 weeks\n", "R2", "R2", 0, 0 },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		ip_device_set *set = test_load_text("p.log", t[i].text);
		cr_assert_eq(set->n, 1, "%s", t[i].name);
		cr_expect_str_eq(set->v[0]->key, t[i].key, "%s: key", t[i].name);
		cr_expect_str_eq(set->v[0]->hostname.s, t[i].hostname, "%s: hostname", t[i].name);
		const ip_diag *w = NULL;
		for (size_t k = 0; k < set->diags.n; k++)
			if (strstr(set->diags.v[k].message, "the prompt names"))
				w = &set->diags.v[k];
		cr_expect_eq(w != NULL, t[i].line != 0, "%s: warning", t[i].name);
		if (w && t[i].line) {
			cr_expect_eq(w->level, IP_DIAG_WARNING);
			cr_expect_eq(w->span.line, t[i].line, "%s", t[i].name);
			cr_expect_eq(w->span.col, 1);
			cr_expect_eq(w->span.end_col, t[i].end_col, "%s: end col %u", t[i].name, w->span.end_col);
			cr_expect(strstr(w->message, t[i].key) && strstr(w->message, t[i].hostname),
				  "%s: names both: %s", t[i].name, w->message);
		}
		ip_device_set_free(set);
	}
}
