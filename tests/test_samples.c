/* The bundled samples through the whole reader: the facts an engineer
 * would read off each one by eye. One row per sample (and per device). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "boot_sim.h"
#include "helpers.h"

typedef struct sample_case {
	const char *files[4];
	size_t n_devices;
	size_t device;        /* which device of the set the row checks */
	const char *hostname, *platform, *version, *image;
	const char *fs;       /* a filesystem and its free bytes */
	unsigned long long free;
	const char *boot0;    /* first entry of the list the device boots from */
	unsigned confreg;
	ip_tri install_mode;
	size_t n_members;
	ip_next_outcome next;
	const char *next_path;
} sample_case;

static const sample_case sample_cases[] = {
	{ { "netstuts-r1.log" }, 1, 0, "NetsTuts_R1", "ISR4321/K9", "16.9.6",
	  "bootflash:isr4300-universalk9.16.09.06.SPA.bin", "bootflash:", 6927970304ULL,
	  "bootflash:isr4300-universalk9.16.09.06.SPA.bin", 0x2102, IP_TRI_NO, 0,
	  IP_NEXT_IMAGE, "isr4300-universalk9.16.09.06.SPA.bin" },
	{ { "netstuts-sw1.log" }, 1, 0, "NetsTuts_SW1", "WS-C2960-24TT-L", "15.2(7)E6",
	  "flash:c2960-lanbasek9-mz.152-7.E6.bin", "flash:", 50511872ULL,
	  "flash:c2960-lanbasek9-mz.152-7.E6.bin", 0xF, IP_TRI_UNKNOWN, 1,
	  IP_NEXT_IMAGE, "c2960-lanbasek9-mz.152-7.E6.bin" },
	{ { "c9300-install.log" }, 1, 0, "SW-ACC-9300-01", "C9300-48P", "17.9.4a",
	  "flash:packages.conf", "flash:", 8282386432ULL, "flash:packages.conf", 0x102, IP_TRI_YES, 1,
	  IP_NEXT_IMAGE, "packages.conf" },
	{ { "stack-3850.log" }, 1, 0, "DIST-3850-STK", "WS-C3850-48P", "16.12.9",
	  "flash:packages.conf", "flash-2:", 1058508800ULL, "flash:packages.conf", 0x102, IP_TRI_YES, 3,
	  IP_NEXT_IMAGE, "packages.conf" },
	{ { "dirty-2960x.log" }, 1, 0, "ACC-SW-2960X-07", "WS-C2960X-48FPD-L", "15.2(7)E8",
	  "flash:/c2960x-universalk9-mz.152-7.E8/c2960x-universalk9-mz.152-7.E8.bin", "flash:", 84592640ULL,
	  "flash:/c2960x-universalk9-mz.152-7.E8/c2960x-universalk9-mz.152-7.E8.bin", 0xF, IP_TRI_UNKNOWN, 1,
	  IP_NEXT_UNKNOWN, NULL }, /* the listing does not show inside the image directory */
	{ { "two-routers.log" }, 2, 0, "BR-WAN-2911", "CISCO2911/K9", "15.4(3)M10", NULL, "flash0:",
	  46772224ULL, NULL, 0x2102, IP_TRI_UNKNOWN, 0, IP_NEXT_UNKNOWN, NULL }, /* no startup-config captured */
	{ { "two-routers.log" }, 2, 1, "BR-WAN-1941", "CISCO1941/K9", "15.1(4)M8", NULL, NULL, 0, NULL,
	  0x2102, IP_TRI_UNKNOWN, 0, IP_NEXT_UNKNOWN, NULL },
	{ { "bare/show_version.txt", "bare/dir_bootflash.txt", "bare/running-config.cfg", "bare/show_bootvar.txt" },
	  1, 0, "PE-EDGE-ASR01", "ASR1001-X", "17.3.6", NULL, "bootflash:", 4425314304ULL, NULL,
	  0x2102, IP_TRI_NO, 0, IP_NEXT_UNKNOWN, NULL },
};

IP_TABLE_PARAMS(samples, facts, sample_cases)

static const ip_boot_list *boot_source(const ip_device *d)
{
	if (d->bootvar.known)
		return &d->bootvar;
	return d->boot_startup.known ? &d->boot_startup : &d->boot_running;
}

ParameterizedTest(size_t *row, samples, facts)
{
	const sample_case *c = &sample_cases[*row];
	ip_device_set *set = test_load_samples(c->files[0], c->files[1], c->files[2], c->files[3], NULL);
	cr_assert_eq(ip_diags_count(&set->diags, IP_DIAG_ERROR), 0, "%s reads cleanly: %s", c->files[0],
		     set->diags.n ? set->diags.v[0].message : "");
	cr_assert_eq(set->n, c->n_devices, "%s: %zu devices", c->files[0], set->n);
	const ip_device *d = set->v[c->device];
	cr_assert_str_eq(d->hostname.s, c->hostname);
	cr_assert_str_eq(d->platform.s, c->platform);
	cr_assert_str_eq(d->version.s, c->version);
	if (c->image)
		cr_assert_str_eq(d->system_image.raw, c->image);
	if (c->fs) {
		const ip_filesystem *fs = ip_device_filesystem_find(d, c->fs);
		cr_assert_not_null(fs, "%s: filesystem %s", c->hostname, c->fs);
		cr_assert(fs->free.known && fs->free.v == c->free, "%s: %s free %llu", c->hostname, c->fs,
			  (unsigned long long)fs->free.v);
	}
	if (c->boot0) {
		const ip_boot_list *l = boot_source(d);
		cr_assert(l->known && l->n > 0, "%s: boot list", c->hostname);
		cr_assert_str_eq(l->v[0].raw, c->boot0);
	}
	cr_assert(d->confreg.known && d->confreg.v == c->confreg, "%s: register 0x%X", c->hostname, d->confreg.v);
	cr_assert_eq(d->install_mode.v, c->install_mode, "%s: install mode", c->hostname);
	cr_assert_eq(d->n_members, c->n_members, "%s: %zu members", c->hostname, d->n_members);
	ip_boot_prediction p;
	ip_boot_predict(&p, set->arena, d);
	cr_assert_eq(p.outcome, c->next, "%s: next boot %s (%s)", c->hostname, ip_next_outcome_name(p.outcome),
		     p.missing ? p.missing : "");
	if (c->next_path)
		cr_assert_str_eq(p.path, c->next_path);
	ip_device_set_free(set);
}
