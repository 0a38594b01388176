/* Issue 23, point 7: install mode read from every form a platform's show
 * version shows it in: "Installation mode is INSTALL|BUNDLE" (C9800:
 * genieparser iosxe ShowVersion golden_output_c9800_output.txt), the
 * switch table's Mode column (Cat3k/9k), and the running image (a *.conf
 * provisioning file, a .bin bundle), also in captures cut down to the
 * version, image and processor lines, where the words "IOS-XE" never
 * appear and only the IOSd-on-Linux software image or the XE release in
 * the image name says IOS-XE (an ASR1006 on 3.x, an ASR-903). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"

typedef struct im_case {
	const char *what;
	const char *text;
	ip_os os;
	ip_tri mode;
} im_case;

#define ASR_STRIPPED(sw, img)                                                  \
	"PE2#show version\n"                                                   \
	"Cisco IOS Software, ASR1000 Software (" sw "), Version 15.1(3)S2, RELEASE SOFTWARE (fc1)\n" \
	"PE2 uptime is 32 minutes\n"                                           \
	"System image file is \"" img "\"\n"                                   \
	"cisco ASR1006 (RP1) processor with 1686124K/6147K bytes of memory.\n" \
	"Processor board ID FOX1444GPXU\n"                                     \
	"Configuration register is 0x2102\n"

#define ASR_FULL(img)                                                          \
	"PE1#show version\n"                                                   \
	"Cisco IOS XE Software, Version 03.16.04b.S - Extended Support Release\n" \
	"Cisco IOS Software, ASR1000 Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 15.5(3)S4b, RELEASE SOFTWARE (fc1)\n" \
	"ROM: IOS-XE ROMMON\n"                                                 \
	"PE1 uptime is 32 minutes\n"                                           \
	"System image file is \"" img "\"\n"                                   \
	"cisco ASR1006 (RP2) processor (revision RP2) with 4138965K/6147K bytes of memory.\n" \
	"Processor board ID FOX1444GPXU\n"                                     \
	"Configuration register is 0x2102\n"

#define WLC(img, mode)                                                         \
	"WLC1#show version\n"                                                  \
	"Cisco IOS XE Software, Version 17.07.01\n"                            \
	"Cisco IOS Software [Cupertino], C9800-CL Software (C9800-CL-K9_IOSXE), Version 17.7.1, RELEASE SOFTWARE (fc2)\n" \
	"WLC1 uptime is 4 weeks, 6 days, 21 hours, 48 minutes\n"               \
	"System image file is \"" img "\"\n"                                   \
	"cisco C9800-CL (VXE) processor (revision VXE) with 12293240K/3075K bytes of memory.\n" \
	"Processor board ID 9SV9FR9MWP9\n"                                     \
	"Installation mode is " mode " \n"                                     \
	"Configuration register is 0x102\n"

static const im_case cases[] = {
	{ "ASR1006 3.x, packages.conf", ASR_FULL("bootflash:packages.conf"), IP_OS_IOSXE, IP_TRI_YES },
	{ "ASR1006 3.x, sub-package provisioning file",
	  ASR_FULL("bootflash:asr1000rp2-packages-adventerprisek9.03.16.04b.S.155-3.S4b-ext.conf"),
	  IP_OS_IOSXE, IP_TRI_YES },
	{ "ASR1006 3.x, consolidated .bin",
	  ASR_FULL("bootflash:asr1000rp2-adventerprisek9.03.16.04b.S.155-3.S4b-ext.bin"), IP_OS_IOSXE, IP_TRI_NO },
	{ "ASR1006, a test image of no known form", ASR_FULL("harddisk:test-image-PE1-13113029"),
	  IP_OS_IOSXE, IP_TRI_UNKNOWN },
	/* cut down to three lines: the software image or the name says XE */
	{ "ASR1006 stripped, PPC_LINUX_IOSD, .bin",
	  ASR_STRIPPED("PPC_LINUX_IOSD-ADVENTERPRISEK9-M", "bootflash:asr1000rp1-adventerprisek9.03.04.02.S.151-3.S2.bin"),
	  IP_OS_IOSXE, IP_TRI_NO },
	{ "ASR1006 stripped, PPC_LINUX_IOSD, packages.conf",
	  ASR_STRIPPED("PPC_LINUX_IOSD-ADVENTERPRISEK9-M", "bootflash:packages.conf"), IP_OS_IOSXE, IP_TRI_YES },
	{ "ASR1006 stripped, X86_64_LINUX_IOSD, packages.conf",
	  ASR_STRIPPED("X86_64_LINUX_IOSD-UNIVERSALK9-M", "bootflash:/packages.conf"), IP_OS_IOSXE, IP_TRI_YES },
	{ "ASR1006 stripped to a version line without its software image",
	  "PE2#show version\n"
	  "Cisco IOS Software, Version 15.1(3)S2, RELEASE SOFTWARE (fc1)\n"
	  "System image file is \"bootflash:asr1000rp1-adventerprisek9.03.04.02.S.151-3.S2.bin\"\n"
	  "cisco ASR1006 (RP1) processor with 1686124K/6147K bytes of memory.\n",
	  IP_OS_IOSXE, IP_TRI_NO },
	{ "ASR-903 stripped",
	  "R9#show version\n"
	  "Cisco IOS Software [Fuji], ASR900 Software (PPC_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.1a, RELEASE SOFTWARE (fc1)\n"
	  "System image file is \"bootflash:asr900rsp3-universalk9.16.09.01a.SPA.bin\"\n"
	  "cisco ASR-903 (RSP3_400) processor (revision RSP3_400) with 1953664K/6147K bytes of memory.\n",
	  IP_OS_IOSXE, IP_TRI_NO },
	/* the line that says it, over the image's form */
	{ "C9800-CL BUNDLE", WLC("bootflash:C9800-CL-universalk9.17.07.01.SPA.bin", "BUNDLE"), IP_OS_IOSXE, IP_TRI_NO },
	{ "C9800-CL INSTALL", WLC("bootflash:packages.conf", "INSTALL"), IP_OS_IOSXE, IP_TRI_YES },
	/* the switch table's Mode column */
	{ "3850 table",
	  "SW1#show version\n"
	  "Cisco IOS Software, IOS-XE Software, Catalyst L3 Switch Software (CAT3K_CAA-UNIVERSALK9-M), Version 03.06.05E RELEASE SOFTWARE (fc2)\n"
	  "System image file is \"flash:packages.conf\"\n"
	  "cisco WS-C3850-48U (MIPS) processor with 4194304K bytes of physical memory.\n"
	  "Switch Ports Model              SW Version        SW Image              Mode   \n"
	  "------ ----- -----              ----------        ----------            ----   \n"
	  "*    1 56    WS-C3850-48U       03.06.05E         cat3k_caa-universalk9 INSTALL\n",
	  IP_OS_IOSXE, IP_TRI_YES },
	/* classic IOS: no install mode at all, whatever the name */
	{ "2811 classic", "R1#show version\n"
	  "Cisco IOS Software, 2800 Software (C2800NM-ADVIPSERVICESK9-M), Version 15.1(4)M12a, RELEASE SOFTWARE (fc1)\n"
	  "System image file is \"flash:c2800nm-advipservicesk9-mz.151-4.M12a.bin\"\n"
	  "Cisco 2811 (revision 53.51) with 249856K/12288K bytes of memory.\n",
	  IP_OS_IOS, IP_TRI_UNKNOWN },
};

IP_TABLE_PARAMS(install_mode, forms, cases)

ParameterizedTest(size_t *row, install_mode, forms)
{
	const im_case *c = &cases[*row];
	ip_device_set *set = test_load_text("t.txt", c->text);
	cr_assert_eq(set->n, 1, "%s", c->what);
	const ip_device *d = set->v[0];
	cr_expect_eq(d->os, c->os, "%s: os %s", c->what, ip_os_name(d->os));
	cr_expect_eq(d->install_mode.v, c->mode, "%s: install mode %d", c->what, d->install_mode.v);
	if (c->mode != IP_TRI_UNKNOWN)
		cr_expect(d->install_mode.span.line > 0, "%s: install mode has its evidence", c->what);
	ip_device_set_free(set);
}
