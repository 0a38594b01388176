/* Issue 23: real captures nobody here wrote, one per platform family of
 * the list where a licence lets us keep it (tests/corpus/, see
 * tests/corpus/SOURCES.md), plus the ntc-templates show version fixtures
 * of ../shared/corpus when present (skipped, row by row, without it).
 *
 * 1. Expected facts per capture (read by hand from each capture), compared
 *    field by field; every field must be right on >= 99 % of captures, and
 *    the per-field accuracy is printed.
 * 2. lint, plan and audit over the whole corpus in one run each: no crash,
 *    no run-wide failure (exit 2), every device named in the output, two
 *    boxes with one hostname named apart; plan takes each device's image
 *    from tests/corpus/catalog.yaml, one per family of the corpus. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cjson/cJSON.h>

#include "boot_sim.h"
#include "helpers.h"
#include "iosplan_config.h"
#include "platform.h"
#include "rommon.h"

typedef struct corpus_case {
	const char *file;     /* "gp:" tests/corpus/genieparser/, "ntc:" the shared corpus,
			       * "nt:" tests/corpus/ntc-templates/ */
	const char *hostname;
	ip_os os;
	const char *platform; /* the processor line's model */
	ip_family family;
	const char *series;   /* NULL: no series (shared token, or guessed) */
	ip_tri install;       /* UNKNOWN also for classic IOS */
	const char *serial;   /* Processor board ID (show_version.c prefers it) */
	/* the second row of each case: the software and the box */
	const char *version;  /* token after "Version" on the Cisco IOS Software line */
	const char *xe;       /* "Cisco IOS XE Software, Version X", or the XE 3.x
			       * release of the IOS line; NULL when neither */
	const char *image;    /* System image file, as printed */
	int confreg;          /* current value; -1: not printed */
	const char *rommon;   /* the ROM line's version, else BOOTLDR's; NULL: none */
	unsigned long dram_k; /* physical memory line, else the processor line
			       * (X + Y); issue 22's reading, device.h ip_dram */
	size_t members;       /* rows of the switch table / "Switch 0N" blocks */
	bool guessed;         /* a model iosplan's table does not know: the family
			       * is a guess from the image, and must say so */
} corpus_case;

#define R_CL IP_FAMILY_ROUTER_CLASSIC
#define R_XE IP_FAMILY_ROUTER_XE
#define S_CL IP_FAMILY_SWITCH_CLASSIC
#define S_XE IP_FAMILY_SWITCH_XE
#define S_45 IP_FAMILY_SWITCH_CAT4500
#define VIRT IP_FAMILY_VIRTUAL
#define NTC "ntc:cisco_ios/show_version/"
#define GP "gp:"
#define NT "nt:"
#define U IP_TRI_UNKNOWN

/* Every value below was read from the capture by hand (issue 23: not
 * iosplan's output copied back). */
static const corpus_case cases[] = {
	/* in the tree: genieparser fixtures (Apache-2.0) */
	{ GP "ios_ShowVersion_golden_output_ios_cat6k_output.txt", "cat6k_tb1", IP_OS_IOS,
	  "WS-C6503-E", R_CL, "C6500", U, "FXS1821Q2H9",
	  "12.2(18)SXF7", NULL, "disk0:s72033-adventerprisek9_wan-mz.122-18.SXF7", 0x2102,
	  "12.2(17r)S4", 983008 + 65536, 0, false },
	{ GP "ios_ShowVersion_golden_output_ios_output.txt", "R5", IP_OS_IOS,
	  "WS-C3750X-24P", S_CL, "C3750E", U, "FDO2028F1WK",
	  "12.2(55)SE8", NULL, "flash:c3750e-universalk9-mz", 0xF, "15.2(3r)E", 262144, 1, false },
	{ GP "iosxe_ShowVersion_golden_output_1783_output.txt", "1783-CMS20DN", IP_OS_IOSXE,
	  "1783-CMS20DN", S_XE, "Stratix5200", IP_TRI_NO, "FDO2607J4SK",
	  "17.10.20220708:150333", "BLD_POLARIS_DEV_LATEST_20220708_143608",
	  "flash:s5200-universalk9.BLD_POLARIS_DEV_LATEST_20220708_143608.SSA.bin", 0x102,
	  "0.0.16", 3491972, 0, false },
	{ GP "iosxe_ShowVersion_golden_output_asr1k_output.txt", "PE1", IP_OS_IOSXE,
	  "ASR1006", R_XE, "ASR1000", U, "FOX1444GPXU",
	  "16.3.20170410:103306", "BLD_V163_MR_THROTTLE_LATEST_20170410_093453_V16_3_3_24",
	  "harddisk:test-image-PE1-13113029", 0x2000, NULL, 8388608, 0, false },
	{ GP "iosxe_ShowVersion_golden_output_c9800_output.txt", "vidya-ewlc-5", IP_OS_IOSXE,
	  "C9800-CL", R_XE, "C9800-CL", IP_TRI_NO, "9SV9FR9MWP9",
	  "17.7.1prd16", "17.07.01prd16", "bootflash:C9800-CL-universalk9.17.07.01prd16.SPA.bin",
	  0x102, NULL, 16332124, 0, false },
	/* indented as in genieparser's Python test (read since quoted and
	 * indented captures are): ASR 901, classic IOS; 4510R+E on a bundle */
	{ GP "iosxe_ShowVersion_golden_output_asr901.txt", "LAB-ASR901T", IP_OS_IOS,
	  "A901-6CZ-FT-D", R_CL, "ASR901", U, "CAT1733U070",
	  "15.6(2)SP4", NULL, "flash:asr901-universalk9-mz.156-2.SP4.bin", 0x2102, "15.6(2r)SP4",
	  393216 + 131072, 0, false },
	{ GP "iosxe_ShowVersion_golden_output_1.txt", "sample_4510r_e", IP_OS_IOSXE,
	  "WS-C4510R+E", S_45, "C4500", IP_TRI_NO, "JAD213101PP",
	  "03.04.06.SG", "03.04.06.SG", "bootflash:cat4500e-universalk9.SPA.03.04.06.SG.151-2.SG6.bin",
	  0x2102, "15.0(1r)SG10", 2097152 + 20480, 0, false },
	/* issue 23's families still without a capture in the tree (this
	 * slice): IE 3100, C8000V, a C9606R StackWise Virtual pair, a 3850
	 * stack of 5 (indented), a 2940 (indented), a 3650 stack in install
	 * mode (indented), a 2960-X stack, a 4507R+E Sup8-E. */
	{ GP "iosxe_ShowVersion_golden_output_IE_3105_18T2C_output.txt", "IE-3105-18T2C",
	  IP_OS_IOSXE, "IE-3105-18T2C", S_XE, "IE3100", U, "FDO2629J8ZN",
	  "17.10.20221030:080207", "BLD_V1710_THROTTLE_LATEST_20221030_072056", "flash:test_image",
	  0x102, "0.0.24", 3491840, 0, false },
	{ GP "iosxe_ShowVersion_golden_output_c8000v_output.txt", "ott-mdt-vm7", IP_OS_IOSXE,
	  "C8000V", R_XE, "C8000V", IP_TRI_YES, "9E42BIFKVLR",
	  "17.15.20240326:010319", "BLD_POLARIS_DEV_LATEST_20240326_003112",
	  "bootflash:packages.conf", 0x2102, NULL, 8082280, 0, false },
	{ GP "iosxe_ShowVersion_golden_output_9500h_svl_output.txt", "intrepid-2", IP_OS_IOSXE,
	  "C9606R", S_XE, "C9600", IP_TRI_NO, "FXS2522Q2PC",
	  "17.8.20211003:014100", "BLD_POLARIS_DEV_LATEST_20211003_004933",
	  "bootflash:cat9k_iosxe.BLD_POLARIS_DEV_LATEST_20211003_004933.SSA.bin", -1, "17.7.1r",
	  33554432, 2, false },
	{ GP "iosxe_ShowVersion_golden_output_c3850_output.txt", "R1", IP_OS_IOSXE,
	  "WS-C3850-24P", S_XE, "C3850", IP_TRI_NO, "FCW1932D0LB",
	  "16.4.20170410:165034", NULL,
	  "tftp://10.1.6.241//auto/tftp-ssr/Edison/"
	  "cat3k_caa-universalk9.BLD_V164_THROTTLE_LATEST_20170410_174845.SSA.bin",
	  0x102, "4.318", 4194304, 5, false },
	{ GP "iosxe_ShowVersion_golden_output_2_output.txt", "testsw01", IP_OS_IOS,
	  "WS-C2940-8TT-S", S_CL, "C2940", U, "FOC2345C3DB",
	  "12.1(22)EA12", NULL, "flash:f1111-aei43934-mz.121-22.EA12.bin", 0xF, NULL, 19868, 0, false },
	{ GP "iosxe_ShowVersion_golden_output_3_output.txt", "testhost", IP_OS_IOSXE,
	  "WS-C3650-48PD", S_XE, "C3650", IP_TRI_YES, "FDO0000E1C8",
	  "03.06.07E", "03.06.07E", "flash:packages.conf", 0x102, "1.2", 4194304, 2, false },
	{ GP "iosxe_ShowVersion_golden_output_4_output.txt", "testname", IP_OS_IOS,
	  "WS-C2960X-48FPD-L", S_CL, "C2960X", U, "FOC1913S46M",
	  "15.2(2)E7", NULL, "flash:c2960x-universalk9-mz.152-2.E7/c2960x-universalk9-mz.152-2.E7.bin",
	  0xF, "15.2(2r)E1", 524288, 2, false },
	{ GP "iosxe_ShowVersion_golden_output_9_output.txt", "sample_4507r_e", IP_OS_IOSXE,
	  "WS-C4507R+E", S_45, "C4500", IP_TRI_NO, "FXS1736Q1AS",
	  "03.06.06.E", "03.06.06.E", "bootflash:cat4500es8-universalk9.SPA.03.06.06.E.152-2.E6.bin",
	  0x2102, "15.1(1r)SG6", 4194304, 0, false },
	/* a 2500-series access server on IOS 11.2: two ROM lines, the image
	 * run from read-only flash ("8192K bytes of processor board System
	 * flash (Read ONLY)"). The 2500 is not in iosplan's table, and neither
	 * its software (C2500-J-L) nor its image names a family the table
	 * knows: the family stays unknown, not guessed, and the next boot says
	 * why (checked below). A copy onto a flash the image runs from is
	 * not a plain `copy` (the flash is read-only while it runs), so the
	 * row is not added on this capture's word alone. */
	{ GP "iosxe_ShowVersion_golden_output_ios_2_output.txt", "CS12-19-4", IP_OS_IOS,
	  "AS2511-RJ", IP_FAMILY_UNKNOWN, NULL, U, "11857685",
	  "11.2(5)P", NULL, "flash:c2500-j-l.112-5.P", 0x2102, "11.0(10c)XB1", 6144 + 2048, 0, false },
	/* a C9606R with a standby supervisor (bootflash-1-0:), no register line */
	{ GP "iosxe_ShowVersion_golden_output_standby_output.txt", "switch_1", IP_OS_IOSXE,
	  "C9606R", S_XE, "C9600", IP_TRI_YES, "FXS2319Q0C3",
	  "17.18.1prd21", "17.18.01prd21", "bootflash:packages.conf", -1, "17.10.1r", 33554432, 0, false },
	/* issue 23, second round: families the first round had no capture of.
	 * A 3945 (ISR G2), its capture opening with the prompt line */
	{ GP "ios_ShowVersion_device_output_output.txt", "best-c3945-IOS3", IP_OS_IOS,
	  "CISCO3945-CHASSIS", R_CL, "C3900", U, "FGL161010K8",
	  "15.0(1)M7", NULL, "flash0:c3900-universalk9-mz.SPA.150-1.M7.bin", 0x2102, "15.0(1r)M13",
	  2027520 + 69632, 0, false },
	/* a 6506-E on a Sup720, 12.2(18)SXD3, register 0x2142 */
	{ GP "ios_cat6k_ShowVersion_golden_output_1_output.txt", "TAAS-L2-SW1", IP_OS_IOS,
	  "WS-C6506-E", R_CL, "C6500", U, "SAL0939012J",
	  "12.2(18)SXD3", NULL, "disk0:s72033-pk9sv-mz.122-18.SXD3.bin", 0x2142, "12.2(17r)S4",
	  983008 + 65536, 0, false },
	/* 7600: a 7606-S on an RSP720 (bootdisk:, an ATA PCMCIA card), and a
	 * 7606 on a Sup720 running an engineering build, register 0x2 */
	{ GP "ios_c7600_ShowVersion_golden_output_c7600_1_output.txt", "my-hostname", IP_OS_IOS,
	  "CISCO7606-S", R_CL, "C7600", U, "FOX11290K24",
	  "12.2(33)SRE11", NULL, "bootdisk:c7600rsp72043-advipservicesk9-mz.122-33.SRE11.bin", 0x2102,
	  "12.2(33r)SRB4", 917504 + 65536, 0, false },
	{ GP "ios_c7600_ShowVersion_golden_output_output.txt", "ipcore-ssr-uut2", IP_OS_IOS,
	  "CISCO7606", R_CL, "C7600", U, "FOX11140RN8",
	  "15.4(0.10)S", NULL, "disk0:s72033-adventerprisek9_dbg-mz.154-0.10.S-ipcore-ssr-uut2", 0x2,
	  "12.2(17r)SX7", 983008 + 65536, 0, false },
	/* Catalyst 9500: a C9500-24Y4C on a bundle (8-space indented, no
	 * register line, no switch table), and a C9500X-28C8D in install mode */
	{ GP "iosxe_ShowVersion_golden_output_5_output.txt", "sisf-c9500-vtep-1", IP_OS_IOSXE,
	  "C9500-24Y4C", S_XE, "C9500", IP_TRI_NO, "CAT1111L41F",
	  "17.4.20200702:124009", "BLD_POLARIS_DEV_LATEST_20200702_122021_V17_4_0_67_2",
	  "bootflash:/cat9k_iosxe.BLD_POLARIS_DEV_LATEST_20200702_122021_V17_4_0_67_2.SSA.bin", -1,
	  "17.3.1r", 16002516, 0, false },
	{ GP "iosxe_ShowVersion_golden_output_9500h_standalone_output.txt", "farscape-pinfra-2",
	  IP_OS_IOSXE, "C9500X-28C8D", S_XE, "C9500", IP_TRI_YES, "FDO2446000Y",
	  "17.8.20211001:172846", "BLD_POLARIS_DEV_LATEST_20211001_150647", "bootflash:packages.conf",
	  -1, "17.7.0.12", 33554432, 0, false },
	/* IOSv, from genieparser's Python test (8-space indented, no newline
	 * at the end): "ROM: Bootstrap program is IOSv" names no version */
	{ GP "ios_ShowVersion_golden_output_iosv.txt", "N95_1", IP_OS_IOS, "IOSv", VIRT, "IOSv", U,
	  "9K66Z7TOKAACDEQA24N7S", "15.6(3)M2", NULL, "flash0:/vios-adventerprisek9-m", 0x0, NULL,
	  435457 + 87040, 0, false },
	/* in the tree: ntc-templates fixtures newer than the shared corpus */
	{ NT "cisco_ios_show_version7.raw", "Device-Hostname", IP_OS_IOS, "C921-4P", R_CL, "C900",
	  U, "PPP12345678", "15.8(3)M3b", NULL, "flash:c900-universalk9-mz.SPA.158-3.M3b.bin",
	  0x2102, "15.8(3r)M0b", 947200 + 101376, 0, false },
	{ NT "cisco_ios_show_version8.raw", "Device-Hostname", IP_OS_IOS, "C881-K9", R_CL, "C800",
	  U, "FFF12345678", "15.4(2)T", NULL, "flash:c800-universalk9-mz.SPA.154-2.T.bin", 0x2102,
	  "15.4(1r)T1", 944128 + 104448, 0, false },
	{ NT "cisco_ios_show_version_ab_stratix.raw", "PAS-IDF17-SW02", IP_OS_IOSXE,
	  "1783-CMS20DP", S_XE, "Stratix5200", IP_TRI_YES, "ABC123",
	  "17.12.4", "17.12.04", "flash:packages.conf", 0x102, "0.2.5", 3491708, 0, false },
	/* ../shared/corpus: ntc-templates fixtures */
	{ NTC "cisco_ios_show_version.raw", "router1", IP_OS_IOS, "WS-C4948E", S_45, "C4948E",
	  U, "CAT1451S15C", "12.2(54)SG1", NULL,
	  "bootflash:cat4500e-entservicesk9-mz.122-54.SG1.bin", 0x2102, "12.2(44r)SG9", 1048576, 0, false },
	{ NTC "cisco_ios_show_version1.raw", "city-building-4-sw", IP_OS_IOSXE, "WS-C3850-48U", S_XE,
	  "C3850", IP_TRI_YES, "FOC11111111", "03.06.05E", "03.06.05E", "flash:packages.conf",
	  0x102, "3.58", 4194304, 4, false },
	{ NTC "cisco_ios_show_version2.raw", "my_device", IP_OS_IOSXE, "ASR1001", R_XE, "ASR1001",
	  IP_TRI_NO, NULL, "15.3(2)S1", "03.09.01.S", /* the running image's name */
	  "bootflash:asr1001-universalk9.03.09.01.S.153-2.S1.bin", 0x2102, NULL, 4194304, 0, false },
	{ NTC "cisco_ios_show_version3.raw", "rtr-01", IP_OS_IOS, "IOSv", VIRT, "IOSv",
	  U, NULL, "15.8(3)M2", NULL, "flash0:/vios-adventerprisek9-m", 0x0, NULL,
	  460137 + 62464, 0, false },
	{ NTC "cisco_ios_show_version4.raw", "AKBTESTW01", IP_OS_IOSXE, "C9500-40X", S_XE, "C9500",
	  IP_TRI_YES, NULL, "16.9.3", "16.09.03", "flash:packages.conf", 0x102, "16.9.1r",
	  16777216, 2, false },
	{ NTC "cisco_ios_show_version5.raw", "Switch-Hostname", IP_OS_IOSXE, "C9500-48Y4C", S_XE,
	  "C9500", IP_TRI_YES, NULL, "16.12.4", "16.12.04", "flash:packages.conf", -1, "17.1.1",
	  16010152, 2, false },
	{ NTC "cisco_ios_show_version6.raw", "Switch5", IP_OS_IOS, "IOSv", VIRT, "vIOS-L2",
	  U, NULL, "15.2(4.0.55)E", NULL, "flash0:/vios_l2-adventerprisek9-m", 0x0, NULL,
	  935161 + 111616, 0, false },
	{ NTC "cisco_ios_show_version_01.raw", "stud-adsl", IP_OS_IOS, "1801", R_CL, "C180X",
	  U, NULL, "12.4(6)T2", NULL, "flash:/c180x-advipservicesk9-mz.124-6.T2.bin", 0x2102,
	  "12.3(8r)YH6", 118784 + 12288, 0, false },
	{ NTC "cisco_ios_show_version_special_build.raw", "AKBTESTW01", IP_OS_IOSXE, "C9500-40X", S_XE,
	  "C9500", IP_TRI_YES, NULL, "16.9.5", "V169_5_SR689355441_2", "flash:packages.conf",
	  0x102, "16.9.1r", 16777216, 2, false },
};
/* The storage show version lists ("NNNK bytes of <flash or disk> [at
 * fs:.]", not crashinfo, NVRAM or webui), read by hand: how many lines,
 * and the first one's size and filesystem (NULL where the line names
 * none, as old platforms print "(Read/Write)"). */
typedef struct flash_case {
	const char *file;
	size_t n;
	unsigned long first_k;
	const char *fs;
	/* the licence level in use: "License Level: X" when it names one, else
	 * the first technology-package row's Current column; NULL when show
	 * version prints neither (old releases, an empty "License Level:") */
	const char *license;
} flash_case;

static const flash_case flash_cases[] = {
	{ GP "ios_ShowVersion_golden_output_ios_cat6k_output.txt", 1, 65536, NULL, NULL },
	{ GP "ios_ShowVersion_golden_output_ios_output.txt", 0, 0, NULL, "ipservices" },
	{ GP "iosxe_ShowVersion_golden_output_1783_output.txt", 2, 1945600, "flash:", "network-essentials" },
	{ GP "iosxe_ShowVersion_golden_output_asr1k_output.txt", 2, 1925119, "bootflash:", "advipservices" },
	{ GP "iosxe_ShowVersion_golden_output_c9800_output.txt", 1, 6201343, "bootflash:", NULL },
	{ GP "iosxe_ShowVersion_golden_output_asr901.txt", 1, 98304, NULL, "AdvancedMetroIPAccess" },
	{ GP "iosxe_ShowVersion_golden_output_1.txt", 0, 0, NULL, "entservices" },
	{ GP "iosxe_ShowVersion_golden_output_IE_3105_18T2C_output.txt", 2, 1946624, "flash:", "network-essentials" },
	{ GP "iosxe_ShowVersion_golden_output_c8000v_output.txt", 1, 14589951, "bootflash:", NULL },
	{ GP "iosxe_ShowVersion_golden_output_9500h_svl_output.txt", 2, 11161600, "bootflash:", "network-advantage" },
	{ GP "iosxe_ShowVersion_golden_output_c3850_output.txt", 5, 1586119, "flash:", "ipservicesk9" },
	{ GP "iosxe_ShowVersion_golden_output_2_output.txt", 0, 0, NULL, NULL },
	{ GP "iosxe_ShowVersion_golden_output_3_output.txt", 4, 1550272, "flash:", "License" },
	{ GP "iosxe_ShowVersion_golden_output_4_output.txt", 0, 0, NULL, NULL },
	{ GP "iosxe_ShowVersion_golden_output_9_output.txt", 0, 0, NULL, "entservices" },
	{ GP "iosxe_ShowVersion_golden_output_ios_2_output.txt", 1, 8192, NULL, NULL },
	{ GP "iosxe_ShowVersion_golden_output_standby_output.txt", 5, 11161600, "bootflash:", "network-advantage" },
	{ GP "ios_ShowVersion_device_output_output.txt", 1, 2000880, NULL, "ipbasek9" },
	{ GP "ios_cat6k_ShowVersion_golden_output_1_output.txt", 1, 65536, NULL, NULL },
	{ GP "ios_c7600_ShowVersion_golden_output_c7600_1_output.txt", 1, 500472, NULL, NULL },
	{ GP "ios_c7600_ShowVersion_golden_output_output.txt", 1, 65536, NULL, NULL },
	{ GP "iosxe_ShowVersion_golden_output_5_output.txt", 1, 11161600, "bootflash:", "network-advantage" },
	{ GP "iosxe_ShowVersion_golden_output_9500h_standalone_output.txt", 2, 11161600, "bootflash:",
	  "network-advantage" },
	{ GP "ios_ShowVersion_golden_output_iosv.txt", 4, 2097152, NULL, NULL },
	{ NT "cisco_ios_show_version7.raw", 1, 1843200, NULL, "ipbasek9" },
	{ NT "cisco_ios_show_version8.raw", 1, 254976, NULL, "advipservices" },
	{ NT "cisco_ios_show_version_ab_stratix.raw", 2, 1945600, "flash:", "network-essentials" },
	{ NTC "cisco_ios_show_version.raw", 0, 0, NULL, NULL },
	{ NTC "cisco_ios_show_version1.raw", 8, 1609272, "flash:", "Ipbase" },
	{ NTC "cisco_ios_show_version2.raw", 1, 7741439, "bootflash:", "advipservices" },
	{ NTC "cisco_ios_show_version3.raw", 4, 2097152, NULL, NULL },
	{ NTC "cisco_ios_show_version4.raw", 2, 11264000, "flash:", "network-advantage" },
	{ NTC "cisco_ios_show_version5.raw", 2, 11161600, "bootflash:", "network-advantage" },
	{ NTC "cisco_ios_show_version6.raw", 4, 2097152, NULL, NULL },
	{ NTC "cisco_ios_show_version_01.raw", 1, 62720, NULL, NULL },
	{ NTC "cisco_ios_show_version_special_build.raw", 2, 11264000, "flash:", "network-advantage" },
};

static const flash_case *flash_case_of(const char *file)
{
	for (size_t i = 0; i < sizeof(flash_cases) / sizeof(flash_cases[0]); i++)
		if (strcmp(flash_cases[i].file, file) == 0)
			return &flash_cases[i];
	return NULL;
}

#define N_CASES (sizeof(cases) / sizeof(cases[0]))

static const char *path_of(const corpus_case *c, char *buf, size_t size)
{
	if (strncmp(c->file, "gp:", 3) == 0) {
		snprintf(buf, size, "%s/tests/corpus/genieparser/%s", IOSPLAN_SOURCE_ROOT, c->file + 3);
		return buf;
	}
	if (strncmp(c->file, "nt:", 3) == 0) {
		snprintf(buf, size, "%s/tests/corpus/ntc-templates/%s", IOSPLAN_SOURCE_ROOT, c->file + 3);
		return buf;
	}
	const char *root = test_corpus_dir();
	if (!root)
		return NULL;
	snprintf(buf, size, "%s/%s", root, c->file + 4);
	return buf;
}

typedef struct tally {
	const char *field;
	unsigned ok, total;
} tally;

static tally tallies[] = { { "hostname", 0, 0 }, { "os", 0, 0 }, { "platform", 0, 0 },
			   { "family", 0, 0 }, { "series", 0, 0 }, { "install mode", 0, 0 },
			   { "serial", 0, 0 }, { "next boot decided or asked", 0, 0 },
			   { "version", 0, 0 }, { "xe version", 0, 0 }, { "system image", 0, 0 },
			   { "config register", 0, 0 }, { "rommon", 0, 0 }, { "dram", 0, 0 },
			   { "stack members", 0, 0 }, { "flash sizes", 0, 0 },
			   { "license", 0, 0 } };

static void count(size_t k, bool ok, const char *file, const char *want, const char *got)
{
	tallies[k].total++;
	tallies[k].ok += ok;
	if (!ok)
		cr_log_warn("%s: %s: want '%s', got '%s'", file, tallies[k].field, want,
			    got ? got : "(unknown)");
}

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

Test(real_corpus, expected_facts)
{
	char path[2048];
	size_t read = 0, in_tree = 0;
	for (size_t i = 0; i < N_CASES; i++) {
		const corpus_case *c = &cases[i];
		if (!path_of(c, path, sizeof(path)))
			continue; /* the shared corpus is absent: its rows are skipped */
		size_t len;
		char *text = test_read_file(path, &len);
		cr_assert_not_null(text, "%s", path);
		ip_device_set *set = test_load_text(c->file, text);
		free(text);
		cr_assert_eq(set->n, 1, "%s: %zu devices", c->file, set->n);
		const ip_device *d = set->v[0];
		ip_platform p;
		ip_platform_classify(&p, d);
		count(0, same(d->hostname.s, c->hostname), c->file, c->hostname, d->hostname.s);
		count(1, d->os == c->os, c->file, ip_os_name(c->os), ip_os_name(d->os));
		count(2, same(d->platform.s, c->platform), c->file, c->platform, d->platform.s);
		count(3, p.family == c->family && p.guessed == c->guessed, c->file,
		      ip_family_name(c->family), ip_family_name(p.family));
		count(4, same(p.series, c->series), c->file, c->series, p.series);
		count(5, d->install_mode.v == c->install, c->file,
		      c->install == IP_TRI_YES ? "install" : c->install == IP_TRI_NO ? "bundle" : "unknown",
		      d->install_mode.v == IP_TRI_YES ? "install"
		      : d->install_mode.v == IP_TRI_NO ? "bundle" : "unknown");
		if (c->serial)
			count(6, same(d->serial.s, c->serial), c->file, c->serial, d->serial.s);
		/* show version alone never decides the next boot everywhere, but
		 * it must either decide it or name a capture / a reason: never
		 * "?" (issue 23, point 3) */
		ip_arena *a = ip_arena_new();
		ip_boot_prediction nb;
		ip_boot_predict(&nb, a, d);
		count(7, nb.outcome != IP_NEXT_UNKNOWN || nb.missing || nb.unknown_why, c->file,
		      "a capture or a reason", nb.missing);
		count(8, same(d->version.s, c->version), c->file, c->version, d->version.s);
		count(9, same(d->xe_version.s, c->xe), c->file, c->xe, d->xe_version.s);
		count(10, same(d->system_image.raw, c->image), c->file, c->image, d->system_image.raw);
		char want[64], got[64];
		snprintf(want, sizeof(want), "%#x", (unsigned)c->confreg);
		snprintf(got, sizeof(got), "%#x", (unsigned)d->confreg.v);
		count(11, c->confreg < 0 ? !d->confreg.known
					 : d->confreg.known && d->confreg.v == (uint32_t)c->confreg,
		      c->file, c->confreg < 0 ? NULL : want, d->confreg.known ? got : NULL);
		ip_rommon_answer rom = ip_device_rommon(d);
		const char *rom_s = rom.version ? rom.version->s : NULL;
		count(12, same(rom_s, c->rommon), c->file, c->rommon, rom_s);
		snprintf(want, sizeof(want), "%luK", c->dram_k);
		snprintf(got, sizeof(got), "%lluK", (unsigned long long)(d->dram.bytes / 1024));
		count(13, d->dram.known && d->dram.bytes == (uint64_t)c->dram_k * 1024, c->file, want,
		      d->dram.known ? got : NULL);
		snprintf(want, sizeof(want), "%zu", c->members);
		snprintf(got, sizeof(got), "%zu", d->n_members);
		count(14, d->n_members == c->members, c->file, want, got);
		const flash_case *fc = flash_case_of(c->file);
		cr_assert_not_null(fc, "%s: no flash row", c->file);
		bool flash_ok = d->n_flash_sizes == fc->n;
		if (flash_ok && fc->n)
			flash_ok = d->flash_sizes[0].bytes == (uint64_t)fc->first_k * 1024 &&
				   same(d->flash_sizes[0].filesystem, fc->fs);
		snprintf(want, sizeof(want), "%zu, first %luK %s", fc->n, fc->first_k,
			 fc->fs ? fc->fs : "-");
		snprintf(got, sizeof(got), "%zu, first %lluK %s", d->n_flash_sizes,
			 d->n_flash_sizes ? (unsigned long long)(d->flash_sizes[0].bytes / 1024) : 0ULL,
			 d->n_flash_sizes && d->flash_sizes[0].filesystem ? d->flash_sizes[0].filesystem
									   : "-");
		count(15, flash_ok, c->file, want, got);
		const char *lic = NULL;
		if (d->license && d->license->level.s && *d->license->level.s)
			lic = d->license->level.s;
		else if (d->license && d->license->n_pkgs)
			lic = d->license->pkgs[0].current.s;
		count(16, same(lic, fc->license), c->file, fc->license, lic);
		ip_arena_free(a);
		ip_device_set_free(set);
		read++;
		in_tree += strncmp(c->file, "ntc:", 4) != 0;
	}
	fprintf(stderr, "# real corpus: %zu captures (%zu in the tree)\n", read, in_tree);
	for (size_t k = 0; k < sizeof(tallies) / sizeof(tallies[0]); k++) {
		if (!tallies[k].total)
			continue;
		fprintf(stderr, "#   %-28s %3u/%-3u %6.1f %%\n", tallies[k].field, tallies[k].ok,
			tallies[k].total, 100.0 * tallies[k].ok / tallies[k].total);
		cr_expect(tallies[k].ok * 100 >= tallies[k].total * 99, "%s below 99 %%",
			  tallies[k].field);
	}
	cr_expect_geq(in_tree, 20);
}

/* A listing genieparser captured on the same device as a show version of
 * the corpus (it lists that show version's running image, named after the
 * host), read together with it, as two files of one device are: one
 * device, the listing's filesystem complete with its free bytes, and the
 * running image found in it at its listed size, so that plan no longer
 * asks for that listing (issue 23, point 1: dir where the same suite has
 * the same device). */
static char *run(const char *cmd, int *status);

Test(real_corpus, listing_beside_its_show_version)
{
	const char *bin = getenv("IOSPLAN_BIN");
	cr_assert_not_null(bin, "IOSPLAN_BIN is set by meson");
	static const struct {
		const char *version, *dir, *fs;
		uint64_t total, free, image_size;
		size_t n_files;
	} t[] = {
		/* the 7606 on a Sup720: ios/c7600 Dir golden_output_output.txt */
		{ "ios_c7600_ShowVersion_golden_output_output.txt", "ios_c7600_Dir_golden_output_output.txt",
		  "disk0:", 1024589824, 626180096, 210179540, 4 },
		/* cat6k_tb1 (the 6503-E): ios/cat6k Dir golden_output_output.txt,
		 * its totals line without a final newline */
		{ "ios_ShowVersion_golden_output_ios_cat6k_output.txt", "ios_cat6k_Dir_golden_output_output.txt",
		  "disk0:", 512065536, 27852800, 82524740, 5 },
		/* IOSv N95_1: the string golden_output_iosv of test_dir in the
		 * same Python test as its show version (both of the test's device
		 * 'iosv'), 8-space indented; two of its five entries directories */
		{ "ios_ShowVersion_golden_output_iosv.txt", "ios_Dir_golden_output_iosv.txt", "flash0:",
		  2142715904, 1989595136, 147988420, 5 },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char a[2048], b[2048];
		snprintf(a, sizeof(a), "%s/tests/corpus/genieparser/%s", IOSPLAN_SOURCE_ROOT, t[i].version);
		snprintf(b, sizeof(b), "%s/tests/corpus/genieparser/%s", IOSPLAN_SOURCE_ROOT, t[i].dir);
		const char *paths[] = { a, b };
		ip_device_set *set = ip_device_set_new();
		ip_device_set_load(set, paths, 2);
		cr_assert_eq(set->n, 1, "%s + %s: %zu devices", t[i].version, t[i].dir, set->n);
		const ip_device *d = set->v[0];
		const ip_filesystem *fs = ip_device_filesystem_find(d, t[i].fs);
		cr_assert_not_null(fs, "%s: no %s listing", t[i].dir, t[i].fs);
		cr_expect(fs->listed && fs->complete, "%s: %s not complete", t[i].dir, t[i].fs);
		cr_expect(fs->total.known && fs->total.v == t[i].total, "%s: total", t[i].dir);
		cr_expect(fs->free.known && fs->free.v == t[i].free, "%s: free", t[i].dir);
		cr_expect_eq(fs->n_files, t[i].n_files, "%s: %zu files", t[i].dir, fs->n_files);
		cr_assert_not_null(d->system_image.path, "%s: no image", t[i].version);
		cr_expect_str_eq(d->system_image.filesystem, t[i].fs);
		const ip_file *img = ip_filesystem_file_find(fs, d->system_image.path);
		cr_expect(img && img->size.known && img->size.v == t[i].image_size,
			  "%s: the running image %s not listed at its size", t[i].dir, d->system_image.path);
		ip_device_set_free(set);
		/* the plan reads the listing: it asks for it no longer (the 7606
		 * is planned; cat6k_tb1 is refused for disk0:'s free space, IOSv
		 * for its virtual disk) */
		char cmd[8192];
		snprintf(cmd, sizeof(cmd), "'%s' plan --catalog '%s/tests/corpus/catalog.yaml' '%s' '%s' 2>&1",
			 bin, IOSPLAN_SOURCE_ROOT, a, b);
		int st;
		char *out = run(cmd, &st);
		cr_expect(WIFEXITED(st) && WEXITSTATUS(st) <= 1, "%s: exit %d", t[i].version,
			  WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		cr_expect(strstr(out, "no complete listing of") == NULL, "%s: %.1500s", t[i].version, out);
		free(out);
	}
}

/* Runs cmd, returns its output (stdout and stderr) and its wait status. */
static char *run(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	cr_assert_not_null(p);
	size_t cap = 1 << 20, n = 0, got;
	char *out = malloc(cap);
	cr_assert_not_null(out);
	while (n < cap - 1 && (got = fread(out + n, 1, cap - 1 - n, p)) > 0)
		n += got;
	out[n] = '\0';
	*status = pclose(p);
	return out;
}

/* The name a device is reported under (issue 23, point 2): the hostname;
 * where an earlier box of the corpus (the files go to the commands in
 * table order) has the same hostname and another serial, the serial beside
 * it: "Device-Hostname (FFF12345678)". The first box keeps the plain name. */
static void reported_name(const corpus_case *c, char *buf, size_t size)
{
	snprintf(buf, size, "%s", c->hostname);
	for (const corpus_case *o = cases; o < c; o++)
		if (strcmp(o->hostname, c->hostname) == 0) {
			if (c->serial && o->serial && strcmp(o->serial, c->serial) != 0)
				snprintf(buf, size, "%s (%s)", c->hostname, c->serial);
			return;
		}
}

/* lint, plan and audit over every capture at once (issue 23's acceptance):
 * no crash (ASan runs this too), no run-wide failure, every device
 * reported. These captures are all usable show version outputs, so exit 2
 * ("an input could not be used") is a failure here: a finding may give 1.
 * plan takes each device's target from tests/corpus/catalog.yaml, one
 * image of the device's own family, so every family of the corpus is
 * planned against a plausible target (refused, here, for the listings
 * and the boot lists a bare show version does not give). */
Test(real_corpus, commands_over_whole_corpus, .timeout = 240)
{
	const char *bin = getenv("IOSPLAN_BIN");
	cr_assert_not_null(bin, "IOSPLAN_BIN is set by meson");
	char files[16384] = "", path[2048];
	for (size_t i = 0; i < N_CASES; i++) {
		if (!path_of(&cases[i], path, sizeof(path)))
			continue;
		strncat(files, " '", sizeof(files) - strlen(files) - 1);
		strncat(files, path, sizeof(files) - strlen(files) - 1);
		strncat(files, "'", sizeof(files) - strlen(files) - 1);
	}
	cr_assert_lt(strlen(files), sizeof(files) - 1, "the file list was cut");
	char catalog[2048];
	snprintf(catalog, sizeof(catalog), "%s/tests/corpus/catalog.yaml", IOSPLAN_SOURCE_ROOT);
	char plan_cmd[2200];
	snprintf(plan_cmd, sizeof(plan_cmd), "plan --catalog '%s'", catalog);
	const char *const cmds[] = { "lint", "audit", "audit --format jsonl", plan_cmd };
	for (size_t k = 0; k < sizeof(cmds) / sizeof(cmds[0]); k++) {
		char cmd[20000];
		snprintf(cmd, sizeof(cmd), "'%s' %s%s 2>&1", bin, cmds[k], files);
		int st;
		char *out = run(cmd, &st);
		cr_expect(WIFEXITED(st), "%s: did not exit normally", cmds[k]);
		/* sh reports a child killed by a signal as 128 + the signal */
		cr_expect(WIFEXITED(st) && WEXITSTATUS(st) <= 1, "%s: exit %d (2: an input not used; "
			  "more: a crash)\n%.2000s", cmds[k], WIFEXITED(st) ? WEXITSTATUS(st) : -1, out);
		cr_expect(strstr(out, "AddressSanitizer") == NULL && strstr(out, "runtime error") == NULL,
			  "%s: sanitizer report", cmds[k]);
		for (size_t i = 0; i < N_CASES; i++) {
			if (!path_of(&cases[i], path, sizeof(path)))
				continue;
			char name[256];
			reported_name(&cases[i], name, sizeof(name));
			cr_expect(strstr(out, name) != NULL, "%s: %s not reported", cmds[k], name);
		}
		free(out);
	}
}

/* Every device of the corpus gets an image of its own family from
 * tests/corpus/catalog.yaml (a family the catalogue misses would be
 * planned with no target, and the run would not test that family's plan),
 * and the plan says planned or refused, never an empty answer. */
Test(real_corpus, plan_target_per_family, .timeout = 240)
{
	const char *bin = getenv("IOSPLAN_BIN");
	cr_assert_not_null(bin, "IOSPLAN_BIN is set by meson");
	char path[2048];
	for (size_t i = 0; i < N_CASES; i++) {
		if (!path_of(&cases[i], path, sizeof(path)))
			continue;
		char cmd[8192];
		snprintf(cmd, sizeof(cmd),
			 "'%s' plan --format json --catalog '%s/tests/corpus/catalog.yaml' '%s' 2>/dev/null",
			 bin, IOSPLAN_SOURCE_ROOT, path);
		int st;
		char *out = run(cmd, &st);
		cr_expect(WIFEXITED(st) && WEXITSTATUS(st) <= 1, "%s: exit %d", cases[i].file,
			  WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		cJSON *j = cJSON_Parse(out);
		cr_assert_not_null(j, "%s: not JSON: %.300s", cases[i].file, out);
		cJSON *plan = cJSON_IsArray(j) ? cJSON_GetArrayItem(j, 0) : j;
		cJSON *target = cJSON_GetObjectItemCaseSensitive(plan, "target");
		cJSON *name = cJSON_GetObjectItemCaseSensitive(target, "name");
		cr_expect(cJSON_IsString(name), "%s: no target picked from the catalogue",
			  cases[i].file);
		cJSON *status = cJSON_GetObjectItemCaseSensitive(plan, "status");
		/* lint/plan/plan_json.c's four answers */
		cr_expect(cJSON_IsString(status) && (strcmp(status->valuestring, "planned") == 0 ||
						     strcmp(status->valuestring, "refused") == 0 ||
						     strcmp(status->valuestring, "nothing-to-do") == 0 ||
						     strcmp(status->valuestring, "remediation") == 0),
			  "%s: status %s", cases[i].file,
			  cJSON_IsString(status) ? status->valuestring : "(none)");
		cJSON_Delete(j);
		free(out);
	}
}
