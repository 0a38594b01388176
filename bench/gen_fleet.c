/* gen_fleet: writes a deterministic fleet of synthetic captures for the
 * benchmarks.
 *
 *   gen_fleet --out DIR --devices N [--seed S]
 *             [--style mixed|session|bare|rancid|oxidized|backups|log]
 *
 * It writes one file per device, DIR/<hostname>.log (or, for the backup
 * styles, the files RANCID and Oxidized write, and split folders
 * DIR/<hostname>/show_version.txt ...; for `log`, one session log
 * DIR/session.log of every device, each with its whole running-config). The templates follow the
 * captures in samples/: ISR4k, ISR G2, 2960/2960-Plus, 2960X, a 3850 stack,
 * C9300 and ASR1k. Each device varies in the facts the rules read:
 *   - the version, which matches between show version and the file names
 *   - the files on flash, and so the free space
 *   - the config register (mostly normal, a few 0x2142)
 *   - the boot list: single, with a fallback, none, a missing file, unsaved,
 *     or an upgrade staged for the next reload
 *   - how dirty the capture is: CRLF, --More-- residue, an ANSI banner.
 *
 *   NYC-ACC0007#show flash:
 *   Directory of flash:/
 *       2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin
 *   64016384 bytes total (50511872 bytes free)
 *
 * The same seed gives the same bytes everywhere. The program has its own PRNG
 * (xorshift64*), never reads the clock, and dates everything from one fixed
 * "today". Only libc and POSIX mkdir() are used. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

#define MAX_FILES 40
#define MAX_MEMBERS 4
#define MAX_BOOT 3
#define NAME_LEN 112
#define BOOT_LEN (NAME_LEN + 32)
#define TODAY 20519u /* 2026-03-07, in days since 1970-01-01 */
#define PAGE 23u     /* lines per --More-- page at terminal length 24 */

/* ---- deterministic randomness ------------------------------------------ */

typedef struct rng {
	uint64_t s;
} rng;

static uint64_t rng_next(rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * UINT64_C(2685821657736338717);
}

static uint32_t rng_below(rng *r, uint32_t n)
{
	return n ? (uint32_t)(rng_next(r) % n) : 0;
}

static bool rng_pct(rng *r, uint32_t percent)
{
	return rng_below(r, 100) < percent;
}

/* Sizes of one release's image must not depend on the device, so they come
 * from the name, not from the stream. */
static uint64_t name_hash(const char *s)
{
	uint64_t h = UINT64_C(1469598103934665603);
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return h;
}

/* ---- platforms ----------------------------------------------------------- */

typedef enum family {
	F_ISR4K, F_ISRG2, F_C2960, F_C2960X, F_C3850, F_C9300, F_ASR1K,
} family;

typedef struct release {
	const char *show;  /* "16.9.6" / "15.2(7)E6": the token after "Version" */
	const char *file;  /* "16.09.06" / "152-7.E6": as in file names */
	const char *train; /* XE code name, NULL on classic IOS */
	const char *built; /* "Thu 27-Aug-20 01:48" */
} release;

typedef struct model {
	family fam;
	const char *pid;     /* "ISR4321/K9" */
	const char *proc;    /* text between the pid and "with" */
	const char *mem;     /* "1647778K/6147K" or "65536K" */
	const char *prefix;  /* image prefix: "isr4300-universalk9" */
	const char *fs;      /* "bootflash:" */
	uint64_t flash_k;    /* "NNNK bytes of ..." in show version; 0 = none */
	uint64_t fs_total;   /* bytes the filesystem holds */
	uint64_t image_size; /* typical image size for this family */
	const char *sn;      /* serial number prefix */
	const char *ifaces;  /* interface count lines */
	unsigned ports;      /* switch table "Ports" */
	const release *rel;
	size_t n_rel;
} model;

static const release rel_isr4k[] = {
	{"16.9.6", "16.09.06", "Fuji", "Thu 27-Aug-20 01:48"},
	{"16.12.4", "16.12.04", "Gibraltar", "Thu 09-Jul-20 21:49"},
	{"17.3.4a", "17.03.04a", "Amsterdam", "Tue 20-Jul-21 04:17"},
	{"17.6.5", "17.06.05", "Bengaluru", "Wed 25-Jan-23 16:15"},
	{"17.9.4a", "17.09.04a", "Cupertino", "Fri 20-Oct-23 10:44"},
};
static const release rel_asr1k[] = {
	{"16.9.8", "16.09.08", "Fuji", "Wed 14-Jul-21 02:03"},
	{"17.3.6", "17.03.06", "Amsterdam", "Thu 06-Oct-22 09:22"},
	{"17.6.6a", "17.06.06a", "Bengaluru", "Fri 06-Oct-23 05:37"},
	{"17.9.5", "17.09.05", "Cupertino", "Tue 16-Jan-24 13:41"},
};
static const release rel_isrg2[] = {
	{"15.1(4)M8", "151-4.M8", NULL, "Fri 07-Feb-14 03:23"},
	{"15.4(3)M10", "154-3.M10", NULL, "Thu 21-Jun-18 18:28"},
	{"15.5(3)M9", "155-3.M9", NULL, "Tue 27-Nov-18 19:12"},
	{"15.7(3)M8", "157-3.M8", NULL, "Thu 04-Feb-21 20:37"},
};
static const release rel_c2960[] = {
	{"15.2(7)E4", "152-7.E4", NULL, "Sun 22-Mar-21 19:20"},
	{"15.2(7)E6", "152-7.E6", NULL, "Wed 13-Apr-22 20:11"},
	{"15.2(7)E9", "152-7.E9", NULL, "Fri 22-Mar-24 09:18"},
};
static const release rel_c2960x[] = {
	{"15.2(4)E10", "152-4.E10", NULL, "Fri 17-Jul-20 11:30"},
	{"15.2(7)E6", "152-7.E6", NULL, "Wed 13-Apr-22 20:32"},
	{"15.2(7)E8", "152-7.E8", NULL, "Fri 17-Mar-23 11:21"},
	{"15.2(7)E10", "152-7.E10", NULL, "Tue 02-Apr-24 14:02"},
};
static const release rel_c3850[] = {
	{"16.9.8", "16.09.08", "Fuji", "Mon 16-Nov-20 16:04"},
	{"16.12.9", "16.12.09", "Gibraltar", "Thu 30-Mar-23 22:07"},
	{"16.12.11", "16.12.11", "Gibraltar", "Tue 12-Mar-24 09:40"},
};
static const release rel_c9300[] = {
	{"16.12.5b", "16.12.05b", "Gibraltar", "Thu 25-Mar-21 13:21"},
	{"17.3.5", "17.03.05", "Amsterdam", "Fri 18-Mar-22 03:05"},
	{"17.6.5", "17.06.05", "Bengaluru", "Wed 25-Jan-23 15:10"},
	{"17.9.4a", "17.09.04a", "Cupertino", "Fri 20-Oct-23 10:44"},
	{"17.12.3", "17.12.03", "Dublin", "Wed 20-Mar-24 21:52"},
};

#define REL(a) a, sizeof(a) / sizeof((a)[0])
static const model models[] = {
	{F_ISR4K, "ISR4321/K9", "(1RU) processor", "1647778K/6147K", "isr4300-universalk9",
	 "bootflash:", 7697408, UINT64_C(7491821568), UINT64_C(521347072),
	 "FLM", "4 Gigabit Ethernet interfaces\n", 0, REL(rel_isr4k)},
	{F_ISR4K, "ISR4331/K9", "(1RU) processor", "1687137K/6147K", "isr4300-universalk9",
	 "bootflash:", 7341807, UINT64_C(7325925376), UINT64_C(521347072),
	 "FDO", "3 Gigabit Ethernet interfaces\n", 0, REL(rel_isr4k)},
	{F_ISR4K, "ISR4451-X/K9", "(2RU) processor", "1795979K/6147K", "isr4400-universalk9",
	 "bootflash:", 7341807, UINT64_C(7325925376), UINT64_C(588972032),
	 "FGL", "4 Gigabit Ethernet interfaces\n", 0, REL(rel_isr4k)},
	{F_ISRG2, "CISCO1941/K9", "(revision 1.0)", "491520K/32768K", "c1900-universalk9",
	 "flash0:", 250880, UINT64_C(256487424), UINT64_C(68831808),
	 "FGL", "2 Gigabit Ethernet interfaces\n1 terminal line\n", 0, REL(rel_isrg2)},
	{F_ISRG2, "CISCO2911/K9", "(revision 1.0)", "483328K/40960K", "c2900-universalk9",
	 "flash0:", 250880, UINT64_C(256487424), UINT64_C(106640948),
	 "FTX", "3 Gigabit Ethernet interfaces\n1 terminal line\n", 0, REL(rel_isrg2)},
	{F_ISRG2, "CISCO2921/K9", "(revision 1.0)", "483328K/40960K", "c2900-universalk9",
	 "flash0:", 250880, UINT64_C(256487424), UINT64_C(106640948),
	 "FTX", "3 Gigabit Ethernet interfaces\n1 terminal line\n", 0, REL(rel_isrg2)},
	{F_C2960, "WS-C2960+24TC-L", "(PowerPC405) processor (revision B0)", "65536K", "c2960-lanbasek9",
	 "flash:", 0, UINT64_C(64016384), UINT64_C(12582912), "FOC",
	 "1 Virtual Ethernet interface\n24 FastEthernet interfaces\n2 Gigabit Ethernet interfaces\n",
	 26, REL(rel_c2960)},
	{F_C2960, "WS-C2960+48TC-L", "(PowerPC405) processor (revision B0)", "65536K", "c2960-lanbasek9",
	 "flash:", 0, UINT64_C(64016384), UINT64_C(12582912), "FOC",
	 "1 Virtual Ethernet interface\n48 FastEthernet interfaces\n2 Gigabit Ethernet interfaces\n",
	 50, REL(rel_c2960)},
	{F_C2960X, "WS-C2960X-48FPD-L", "(APM86XXX) processor (revision D0)", "524288K", "c2960x-universalk9",
	 "flash:", 0, UINT64_C(122185728), UINT64_C(26775552), "FOC",
	 "1 Virtual Ethernet interface\n1 FastEthernet interface\n"
	 "50 Gigabit Ethernet interfaces\n2 Ten Gigabit Ethernet interfaces\n",
	 52, REL(rel_c2960x)},
	{F_C2960X, "WS-C2960X-24PS-L", "(APM86XXX) processor (revision D0)", "524288K", "c2960x-universalk9",
	 "flash:", 0, UINT64_C(122185728), UINT64_C(26775552), "FOC",
	 "1 Virtual Ethernet interface\n1 FastEthernet interface\n28 Gigabit Ethernet interfaces\n",
	 28, REL(rel_c2960x)},
	{F_C3850, "WS-C3850-48P", "(MIPS) processor (revision AB0)", "797359K/6147K", "cat3k_caa",
	 "flash:", 1609272, UINT64_C(1598627840), UINT64_C(489713664), "FOC",
	 "", 56, REL(rel_c3850)},
	{F_C9300, "C9300-48P", "(X86) processor", "1338934K/6147K", "cat9k",
	 "flash:", 11264000, UINT64_C(11353194496), UINT64_C(1231890432), "FOC",
	 "", 65, REL(rel_c9300)},
	{F_C9300, "C9300-24T", "(X86) processor", "1338934K/6147K", "cat9k",
	 "flash:", 11264000, UINT64_C(11353194496), UINT64_C(1231890432), "FCW",
	 "", 41, REL(rel_c9300)},
	{F_ASR1K, "ASR1001-X", "(1NG) processor (revision 1NG)", "3753733K/6147K", "asr1001x-universalk9",
	 "bootflash:", 6070271, UINT64_C(6102413312), UINT64_C(720431812), "FXS",
	 "6 Gigabit Ethernet interfaces\n2 Ten Gigabit Ethernet interfaces\n", 0,
	 REL(rel_asr1k)},
	{F_ASR1K, "ASR1002-X", "(2RU-X) processor (revision 2RU-X)", "3756289K/6147K", "asr1002x-universalk9",
	 "bootflash:", 6070271, UINT64_C(6102413312), UINT64_C(745361408), "JAE",
	 "6 Gigabit Ethernet interfaces\n", 0, REL(rel_asr1k)},
};
#define N_MODELS (sizeof(models) / sizeof(models[0]))

static bool fam_is_switch(family f)
{
	return f == F_C2960 || f == F_C2960X || f == F_C3850 || f == F_C9300;
}

static bool fam_is_xe(family f)
{
	return f == F_ISR4K || f == F_C3850 || f == F_C9300 || f == F_ASR1K;
}

/* ---- the generated device ----------------------------------------------- */

typedef enum boot_case {
	BC_SINGLE, BC_FALLBACK, BC_NONE, BC_MISSING, BC_UNSAVED, BC_STAGED,
} boot_case;

typedef struct file_ent {
	char name[NAME_LEN];
	uint64_t size;
	bool dir;
	uint32_t day, secs; /* modification time */
} file_ent;

typedef struct fs_list {
	char name[24];
	uint64_t free;
	file_ent f[MAX_FILES];
	size_t n;
} fs_list;

typedef struct device {
	const model *m;
	const release *cur, *other;
	char host[40], serial[16];
	uint32_t reg, reg_next;
	bool install, manual_boot, show_startup, listing_dir;
	unsigned members;
	uint32_t reload_day, reload_secs;
	uint32_t cur_day, other_day; /* when each release's files were copied */
	fs_list fs[MAX_MEMBERS];
	char running_image[NAME_LEN]; /* relative to m->fs */
	char run_boot[MAX_BOOT][BOOT_LEN];
	char start_boot[MAX_BOOT][BOOT_LEN];
	size_t n_run, n_start;
	char bootvar[MAX_BOOT][BOOT_LEN]; /* show boot / bootvar entries */
	size_t n_bootvar;
	bool crlf, pager, ansi, bare;
} device;

/* ---- output with dirtiness ---------------------------------------------- */

typedef struct sink {
	FILE *f;
	bool crlf, pager;
	unsigned lines; /* output lines since the last prompt */
	const char *prefix; /* backups: "!Flash: " before every line, or NULL */
} sink;

static void sink_raw(sink *s, const char *text)
{
	if (s->pager && s->lines > 0 && s->lines % PAGE == 0)
		fputs(" --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b", s->f);
	if (s->prefix)
		fputs(s->prefix, s->f);
	fputs(text, s->f);
	fputs(s->crlf ? "\r\n" : "\n", s->f);
	s->lines++;
}

static void out(sink *s, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void out(sink *s, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sink_raw(s, buf);
}

/* A '\n'-separated block, one output line per line. */
static void out_block(sink *s, const char *text)
{
	char line[512];

	while (*text) {
		size_t n = strcspn(text, "\n");
		if (n >= sizeof(line))
			n = sizeof(line) - 1;
		memcpy(line, text, n);
		line[n] = '\0';
		sink_raw(s, line);
		text += n;
		if (*text == '\n')
			text++;
	}
}

/* The prompt line; bare captures have none, only a blank line between
 * outputs, as when outputs are pasted one after the other. */
static void prompt(sink *s, const device *d, const char *cmd)
{
	if (d->bare) {
		if (cmd)
			fputs(s->crlf ? "\r\n" : "\n", s->f);
		s->lines = 0;
		return;
	}
	fprintf(s->f, "%s#%s%s", d->host, cmd ? cmd : "", s->crlf ? "\r\n" : "\n");
	s->lines = 0;
}

/* ---- dates --------------------------------------------------------------- */

static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
				     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const wdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};

/* Days since 1970-01-01 -> civil date (H. Hinnant's algorithm). */
static void civil(uint32_t days, unsigned *y, unsigned *m, unsigned *d)
{
	uint32_t z = days + 719468u;
	uint32_t era = z / 146097u, doe = z - era * 146097u;
	uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	uint32_t mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/* style 'd' = dir ("Mar 5 2026 09:31:10"), 'i' = ISR table ("Mar 05 2026
 * 09:31:10"), 'v' = show version ("09:31:10 UTC Thu Mar 5 2026"). */
static void fmt_date(char *buf, size_t len, uint32_t day, uint32_t secs, char style)
{
	unsigned y, m, d, hh = secs / 3600, mm = secs / 60 % 60, ss = secs % 60;

	civil(day, &y, &m, &d);
	if (style == 'i')
		snprintf(buf, len, "%s %02u %u %02u:%02u:%02u", months[m - 1], d, y, hh, mm, ss);
	else if (style == 'v')
		snprintf(buf, len, "%02u:%02u:%02u UTC %s %s %u %u", hh, mm, ss,
			 wdays[day % 7], months[m - 1], d, y);
	else
		snprintf(buf, len, "%s %u %u %02u:%02u:%02u", months[m - 1], d, y, hh, mm, ss);
}

/* ---- file names ---------------------------------------------------------- */

/* The monolithic image of a release; for the 2960X the path inside its
 * tar-extracted directory. */
static void image_name(char *buf, size_t len, const model *m, const release *r)
{
	switch (m->fam) {
	case F_ISRG2:
		snprintf(buf, len, "%s-mz.SPA.%s.bin", m->prefix, r->file);
		break;
	case F_C2960:
		snprintf(buf, len, "%s-mz.%s.bin", m->prefix, r->file);
		break;
	case F_C2960X:
		snprintf(buf, len, "%s-mz.%s/%s-mz.%s.bin", m->prefix, r->file, m->prefix, r->file);
		break;
	case F_C3850:
		snprintf(buf, len, "cat3k_caa-universalk9.%s.SPA.bin", r->file);
		break;
	case F_C9300:
		snprintf(buf, len, "cat9k_iosxe.%s.SPA.bin", r->file);
		break;
	default:
		snprintf(buf, len, "%s.%s.SPA.bin", m->prefix, r->file);
		break;
	}
}

static uint64_t image_size(const model *m, const release *r)
{
	uint64_t h = name_hash(r->file) ^ name_hash(m->prefix);

	return m->image_size - m->image_size / 16 + h % (m->image_size / 8);
}

static file_ent *fs_add(fs_list *fs, const char *name, uint64_t size, bool dir,
			uint32_t day, uint32_t secs)
{
	file_ent *f;

	if (fs->n == MAX_FILES)
		return NULL;
	f = &fs->f[fs->n++];
	snprintf(f->name, sizeof(f->name), "%s", name);
	f->size = size;
	f->dir = dir;
	f->day = day;
	f->secs = secs % 86400u;
	return f;
}

/* Adds a release's image; a 2960X image is a directory (its size is not its
 * content's size), so the caller's "used" must add the content separately. */
static uint64_t fs_add_image(fs_list *fs, const model *m, const release *r,
			     uint32_t day, uint32_t secs)
{
	char name[NAME_LEN];
	uint64_t size = image_size(m, r);

	image_name(name, sizeof(name), m, r);
	if (m->fam == F_C2960X) {
		name[strcspn(name, "/")] = '\0';
		fs_add(fs, name, 512, true, day, secs);
		return size + 4194304; /* .bin + html/ */
	}
	fs_add(fs, name, size, false, day, secs);
	return size;
}

static const char *const pkgs_c9300[] = {
	"cc_srdriver", "espbase", "guestshell", "lni", "rpbase", "rpboot",
	"sipbase", "sipspa", "srdriver", "webui", "wlc", NULL};
static const char *const pkgs_c3850[] = {
	"guestshell", "rpbase", "rpcore", "srdriver", "webui", NULL};
/* Share of the image each package takes, in 1/1000 (same order). */
static const unsigned share_c9300[] = {61, 98, 1, 302, 385, 46, 44, 26, 34, 23, 146};
static const unsigned share_c3850[] = {3, 608, 340, 18, 31};

/* Install mode: packages.conf, the release .conf and its .pkg files. */
static uint64_t fs_add_packages(fs_list *fs, const model *m, const release *r,
				uint32_t day, uint32_t secs)
{
	bool cat9k = m->fam == F_C9300;
	const char *const *p = cat9k ? pkgs_c9300 : pkgs_c3850;
	const unsigned *share = cat9k ? share_c9300 : share_c3850;
	uint64_t total = image_size(m, r), used = 0;
	char name[NAME_LEN];

	for (size_t i = 0; p[i]; i++) {
		uint64_t size = total / 1000 * share[i] + (name_hash(p[i]) & 0xfff);
		snprintf(name, sizeof(name), "%s-%s.%s.SPA.pkg", cat9k ? "cat9k" : "cat3k_caa",
			 p[i], r->file);
		fs_add(fs, name, size, false, day, secs);
		used += size;
	}
	snprintf(name, sizeof(name), "%s.%s.SPA.conf",
		 cat9k ? "cat9k_iosxe" : "cat3k_caa-universalk9", r->file);
	fs_add(fs, name, 8116, false, day, secs + 20);
	fs_add(fs, "packages.conf", 8116, false, day, secs + 21);
	return used + 2 * 8116;
}

/* ---- building a device ---------------------------------------------------- */

static const char *const sites[] = {"AMS", "FRA", "LON", "NYC", "SFO", "SIN",
				    "SYD", "TYO", "PAR", "MAD", "CHI", "DAL"};

static const char *role(family f)
{
	switch (f) {
	case F_ISR4K: return "WAN";
	case F_ISRG2: return "BR";
	case F_C2960: case F_C2960X: return "ACC";
	case F_C3850: return "DIS";
	case F_C9300: return "ACS";
	default: return "PE";
	}
}

static void pick_identity(device *d, rng *r, uint32_t index)
{
	d->m = &models[rng_below(r, N_MODELS)];
	d->cur = &d->m->rel[rng_below(r, (uint32_t)d->m->n_rel)];
	do
		d->other = &d->m->rel[rng_below(r, (uint32_t)d->m->n_rel)];
	while (d->other == d->cur);
	snprintf(d->host, sizeof(d->host), "%s-%s%04" PRIu32,
		 sites[rng_below(r, sizeof(sites) / sizeof(sites[0]))],
		 role(d->m->fam), index + 1);
	snprintf(d->serial, sizeof(d->serial), "%s%02u%02u%c%03u", d->m->sn,
		 16 + rng_below(r, 9), 1 + rng_below(r, 52),
		 (char)('A' + rng_below(r, 26)), rng_below(r, 1000));
	d->members = d->m->fam == F_C3850 ? 2 + rng_below(r, 3)
		   : d->m->fam == F_C9300 && rng_pct(r, 25) ? 2 : 1;
	d->reload_day = TODAY - 1 - rng_below(r, 700);
	d->reload_secs = rng_below(r, 86400);
	d->cur_day = d->reload_day - 1 - rng_below(r, 10);
	d->other_day = d->other < d->cur ? d->cur_day - 200 - rng_below(r, 300)
					 : TODAY - 1 - rng_below(r, 5);
}

static void pick_register(device *d, rng *r)
{
	family f = d->m->fam;

	if (f == F_C2960 || f == F_C2960X)
		d->reg = 0xF;
	else if (f == F_C3850 || f == F_C9300)
		d->reg = rng_pct(r, 3) ? 0x142 : 0x102;
	else
		d->reg = rng_pct(r, 4) ? 0x2142 : 0x2102;
	d->reg_next = d->reg;
	if (!fam_is_switch(f) && rng_pct(r, 2))
		d->reg_next = 0x2142; /* "(will be 0x2142 at next reload)" */
}

/* Filler that every filesystem of the family carries; returns the bytes
 * they and their directories hold. */
static uint64_t fs_add_filler(fs_list *fs, const device *d, rng *r)
{
	uint32_t old = d->reload_day - 400 - rng_below(r, 900);
	uint32_t t = rng_below(r, 86000);
	family f = d->m->fam;

	if (f == F_C2960 || f == F_C2960X) {
		uint32_t saved = TODAY - rng_below(r, 30);
		fs_add(fs, "vlan.dat", 736 + 4 * rng_below(r, 800), false, d->reload_day, t + 3600);
		fs_add(fs, "config.text", 2000 + rng_below(r, 9000), false, saved, t);
		fs_add(fs, "private-config.text", 1900 + rng_below(r, 300), false, saved, t);
		fs_add(fs, "multiple-fs", 3096, false, old, t + 120);
		fs_add(fs, "crashinfo", 192, true, old, t + 130);
		return 20000 + (uint64_t)rng_below(r, 900) * 1024;
	}
	if (f == F_ISRG2) {
		char cp[32];
		snprintf(cp, sizeof(cp), "cpconfig-%.2sxx.cfg", d->m->prefix + 1);
		fs_add(fs, cp, 2903, false, old, t + 50000);
		fs_add(fs, "cpexpress.tar", 3000320, false, old, t + 50018);
		fs_add(fs, "home.shtml", 1038, false, old, t + 50032);
		fs_add(fs, "home.tar", 122880, false, old, t + 50046);
		return 3127141 + 16384;
	}
	fs_add(fs, ".installer", 4096, true, d->reload_day, t + 600);
	fs_add(fs, "lost+found", 16384, true, old, t + 100);
	fs_add(fs, ".prst_sync", 4096, true, d->reload_day, t + 700);
	fs_add(fs, ".rollback_timer", 4096, true, old, t + 200);
	fs_add(fs, "core", 4096, true, old, t + 210);
	fs_add(fs, "tracelogs", 8192, true, TODAY, t + 300);
	if (f == F_C3850 || f == F_C9300)
		fs_add(fs, "nvram_config", 2097152, false, TODAY - 1, t + 4000);
	return 2097152 + (uint64_t)(20 + rng_below(r, 200)) * 1048576;
}

/* The files of one member's filesystem and its free space. */
static void build_fs(device *d, rng *r, size_t member, bool other_present)
{
	fs_list *fs = &d->fs[member];
	uint32_t t = 3600 + rng_below(r, 40000);
	uint64_t used;

	if (member == 0)
		snprintf(fs->name, sizeof(fs->name), "%s", d->m->fs);
	else
		snprintf(fs->name, sizeof(fs->name), "flash-%zu:", member + 1);
	used = fs_add_filler(fs, d, r);
	if (d->install)
		used += fs_add_packages(fs, d->m, d->cur, d->cur_day, d->reload_secs / 2 + 1800);
	if (!d->install || (member == 0 && rng_pct(r, 50)))
		used += fs_add_image(fs, d->m, d->cur, d->cur_day, d->reload_secs / 2);
	if (other_present)
		used += fs_add_image(fs, d->m, d->other, d->other_day, t);
	if (!fam_is_switch(d->m->fam) && rng_pct(r, 40))
		fs_add(fs, "backup-config.cfg", 3000 + rng_below(r, 6000), false, TODAY - 2, 40000);
	if (used > d->m->fs_total - d->m->fs_total / 64)
		used = d->m->fs_total - d->m->fs_total / 64;
	fs->free = (d->m->fs_total - used) & ~(uint64_t)4095;
}

static void set_list(char (*dst)[BOOT_LEN], size_t *n, const char *a, const char *b)
{
	*n = 0;
	if (a)
		snprintf(dst[(*n)++], BOOT_LEN, "%s", a);
	if (b)
		snprintf(dst[(*n)++], BOOT_LEN, "%s", b);
}

/* Routers and classic switches: config boot lists for the chosen case. */
static void build_boot_classic(device *d, boot_case bc)
{
	char cur[NAME_LEN + 16], oth[NAME_LEN + 16], img[NAME_LEN];

	image_name(img, sizeof(img), d->m, d->cur);
	snprintf(cur, sizeof(cur), "%s%s", d->m->fs, img);
	image_name(img, sizeof(img), d->m, d->other);
	snprintf(oth, sizeof(oth), "%s%s", d->m->fs, img);
	switch (bc) {
	case BC_SINGLE: set_list(d->run_boot, &d->n_run, cur, NULL); break;
	case BC_FALLBACK: set_list(d->run_boot, &d->n_run, cur, oth); break;
	case BC_NONE: d->n_run = 0; break;
	case BC_MISSING: set_list(d->run_boot, &d->n_run, oth, NULL); break;
	case BC_UNSAVED: case BC_STAGED: set_list(d->run_boot, &d->n_run, oth, cur); break;
	}
	memcpy(d->start_boot, d->run_boot, sizeof(d->run_boot));
	d->n_start = d->n_run;
	if (bc == BC_UNSAVED)
		set_list(d->start_boot, &d->n_start, cur, NULL);
	/* Switches write BOOT when the command is entered; routers show
	 * what the saved config will use. */
	d->n_bootvar = fam_is_switch(d->m->fam) ? d->n_run : d->n_start;
	for (size_t i = 0; i < d->n_bootvar; i++)
		snprintf(d->bootvar[i], sizeof(d->bootvar[i]), "%s",
			 fam_is_switch(d->m->fam) ? d->run_boot[i] : d->start_boot[i]);
}

/* Cat3k/Cat9k: "boot system switch all flash:packages.conf" or a .bin. */
static void build_boot_xe_switch(device *d, boot_case bc, rng *r)
{
	char img[NAME_LEN], entry[NAME_LEN + 16];

	if (d->install)
		snprintf(img, sizeof(img), "packages.conf");
	else
		image_name(img, sizeof(img), d->m, bc == BC_MISSING ? d->other : d->cur);
	snprintf(entry, sizeof(entry), "flash:%s", img);
	d->n_run = d->n_start = 0;
	if (bc != BC_NONE) {
		snprintf(d->run_boot[0], sizeof(d->run_boot[0]), "switch all %s", entry);
		d->n_run = d->n_start = 1;
		memcpy(d->start_boot, d->run_boot, sizeof(d->run_boot));
	}
	d->n_bootvar = bc == BC_NONE ? 0 : 1;
	snprintf(d->bootvar[0], sizeof(d->bootvar[0]), "%s", entry);
	d->manual_boot = rng_pct(r, 5);
}

static boot_case pick_boot_case(rng *r)
{
	uint32_t x = rng_below(r, 100);

	return x < 50 ? BC_SINGLE : x < 68 ? BC_FALLBACK : x < 78 ? BC_NONE
	     : x < 86 ? BC_MISSING : x < 93 ? BC_UNSAVED : BC_STAGED;
}

static void build_device(device *d, rng *r, uint32_t index, char style)
{
	boot_case bc;
	bool other;

	memset(d, 0, sizeof(*d));
	pick_identity(d, r, index);
	pick_register(d, r);
	bc = pick_boot_case(r);
	d->install = d->m->fam == F_C3850 || (d->m->fam == F_C9300 && rng_pct(r, 80));
	other = bc == BC_FALLBACK || bc == BC_UNSAVED || bc == BC_STAGED ||
		(bc == BC_NONE && rng_pct(r, 50));
	if (d->install)
		other = false; /* install mode keeps no second monolithic image */
	for (size_t i = 0; i < d->members; i++)
		build_fs(d, r, i, other && i == 0);
	if (d->m->fam == F_C3850 || d->m->fam == F_C9300)
		build_boot_xe_switch(d, bc, r);
	else
		build_boot_classic(d, bc);
	if (d->install)
		snprintf(d->running_image, sizeof(d->running_image), "packages.conf");
	else
		image_name(d->running_image, sizeof(d->running_image), d->m, d->cur);
	d->bare = style == 'b' || (style == 'm' && rng_pct(r, 30));
	d->crlf = rng_pct(r, 30);
	d->pager = !d->bare && rng_pct(r, 20);
	d->ansi = !d->bare && rng_pct(r, 10);
	d->show_startup = !fam_is_switch(d->m->fam) && rng_pct(r, 60);
	d->listing_dir = d->bare || rng_pct(r, 40);
}

/* ---- show version ---------------------------------------------------------- */

static const char crypto_text[] =
	"This product contains cryptographic features and is subject to United\n"
	"States and local country laws governing import, export, transfer and\n"
	"use. Delivery of Cisco cryptographic products does not imply\n"
	"third-party authority to import, export, distribute or use encryption.\n"
	"Importers, exporters, distributors and users are responsible for\n"
	"compliance with U.S. and local country laws. By using this product you\n"
	"agree to comply with applicable laws and regulations. If you are unable\n"
	"to comply with U.S. and local laws, return this product immediately.\n"
	"\n"
	"A summary of U.S. laws governing Cisco cryptographic products may be found at:\n"
	"http://www.cisco.com/wwl/export/crypto/tool/stqrg.html\n"
	"\n"
	"If you require further assistance please contact us by sending email to\n"
	"export@cisco.com.\n";

static const char gpl_text[] =
	"All rights reserved.  Certain components of Cisco IOS-XE software are\n"
	"licensed under the GNU General Public License (\"GPL\") Version 2.0.  The\n"
	"software code licensed under GPL Version 2.0 is free software that comes\n"
	"with ABSOLUTELY NO WARRANTY.  You can redistribute and/or modify such\n"
	"GPL code under the terms of GPL Version 2.0.  For more details, see the\n"
	"documentation or \"License Notice\" file accompanying the IOS-XE software,\n"
	"or the applicable URL provided on the flyer accompanying the IOS-XE\n"
	"software.\n";

static const char *software_name(family f)
{
	switch (f) {
	case F_ISR4K: return "ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M)";
	case F_ASR1K: return "ASR1000 Software (X86_64_LINUX_IOSD-UNIVERSALK9-M)";
	case F_C3850: return "Catalyst L3 Switch Software (CAT3K_CAA-UNIVERSALK9-M)";
	case F_C9300: return "Catalyst L3 Switch Software (CAT9K_IOSXE)";
	case F_ISRG2: return NULL;
	case F_C2960: return "C2960 Software (C2960-LANBASEK9-M)";
	case F_C2960X: return "C2960X Software (C2960X-UNIVERSALK9-M)";
	}
	return NULL;
}

static void ver_header(sink *s, const device *d)
{
	const release *r = d->cur;
	const char *sw = software_name(d->m->fam);
	char g2[64];

	if (fam_is_xe(d->m->fam)) {
		out(s, "Cisco IOS XE Software, Version %s", r->file);
		out(s, "Cisco IOS Software [%s], %s, Version %s, RELEASE SOFTWARE (fc2)",
		    r->train, sw, r->show);
	} else {
		if (!sw) { /* ISR G2: "C2900 Software (C2900-UNIVERSALK9-M)" */
			snprintf(g2, sizeof(g2), "C%.3s0 Software (C%.3s0-UNIVERSALK9-M)",
				 d->m->prefix + 1, d->m->prefix + 1);
			sw = g2;
		}
		out(s, "Cisco IOS Software, %s, Version %s, RELEASE SOFTWARE (fc1)", sw, r->show);
	}
	out(s, "Technical Support: http://www.cisco.com/techsupport");
	out(s, "Copyright (c) 1986-20%.2s by Cisco Systems, Inc.", r->built + 11);
	out(s, "Compiled %s by %s", r->built, fam_is_xe(d->m->fam) ? "mcpre" : "prod_rel_team");
	out(s, "%s", "");
	if (fam_is_xe(d->m->fam)) {
		out(s, "%s", "");
		out(s, "Cisco IOS-XE software, Copyright (c) 2005-20%.2s by cisco Systems, Inc.",
		    r->built + 11);
		out_block(s, gpl_text);
		out(s, "%s", "");
		out(s, "%s", "");
	}
}

static void ver_rom(sink *s, const device *d)
{
	switch (d->m->fam) {
	case F_ISR4K: out(s, "ROM: IOS-XE ROMMON"); break;
	case F_ASR1K: out(s, "ROM: 16.9(4r)"); break;
	case F_ISRG2:
		out(s, "ROM: System Bootstrap, Version 15.0(1r)M16, RELEASE SOFTWARE (fc1)");
		break;
	case F_C2960:
		out(s, "ROM: Bootstrap program is C2960 boot loader");
		out(s, "BOOTLDR: C2960 Boot Loader (C2960-HBOOT-M) Version 12.2(53r)SEY3, RELEASE SOFTWARE (fc1)");
		break;
	case F_C2960X:
		out(s, "ROM: Bootstrap program is C2960X boot loader");
		out(s, "BOOTLDR: C2960X Boot Loader (C2960X-HBOOT-M) Version 15.2(7r)E, RELEASE SOFTWARE (fc1)");
		break;
	case F_C3850:
		out(s, "ROM: IOS-XE ROMMON");
		out(s, "BOOTLDR: CAT3K_CAA Boot Loader (CAT3K_CAA-HBOOT-M) Version 4.78, RELEASE SOFTWARE (P)");
		break;
	case F_C9300:
		out(s, "ROM: IOS-XE ROMMON");
		out(s, "BOOTLDR: System Bootstrap, Version 17.9.1r[FC2], RELEASE SOFTWARE (P)");
		break;
	}
	out(s, "%s", "");
}

static void fmt_uptime(char *buf, size_t len, uint32_t days, uint32_t extra_min)
{
	uint32_t y = days / 365, w = days % 365 / 7, dd = days % 365 % 7;
	uint32_t h = extra_min / 60 % 24, mi = extra_min % 60;
	size_t n = 0;

	if (y)
		n += (size_t)snprintf(buf + n, len - n, "%u year%s, ", y, y > 1 ? "s" : "");
	if (w && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%u week%s, ", w, w > 1 ? "s" : "");
	if (dd && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%u day%s, ", dd, dd > 1 ? "s" : "");
	if (h && n < len) /* IOS leaves out the units that are zero */
		n += (size_t)snprintf(buf + n, len - n, "%u hour%s, ", h, h > 1 ? "s" : "");
	if (n < len)
		snprintf(buf + n, len - n, "%u minute%s", mi, mi == 1 ? "" : "s");
}

static void ver_uptime(sink *s, const device *d)
{
	char up[96], when[64];
	uint32_t days = TODAY - d->reload_day;
	uint32_t min = (d->reload_secs / 60 + 97) % 1440;

	fmt_uptime(up, sizeof(up), days, min);
	fmt_date(when, sizeof(when), d->reload_day, d->reload_secs, 'v');
	out(s, "%s uptime is %s", d->host, up);
	if (fam_is_xe(d->m->fam))
		out(s, "Uptime for this control processor is %s", up);
	out(s, "System returned to ROM by %s at %s",
	    fam_is_xe(d->m->fam) ? "Reload Command" : "reload", when);
	fmt_date(when, sizeof(when), d->reload_day, (d->reload_secs + 300) % 86400u, 'v');
	out(s, "System restarted at %s", when);
	out(s, "System image file is \"%s%s\"", d->m->fs, d->running_image);
	out(s, "Last reload reason: Reload Command");
	out(s, "%s", "");
	out(s, "%s", "");
	out(s, "%s", "");
	out_block(s, crypto_text);
	out(s, "%s", "");
}

static void ver_hardware(sink *s, const device *d)
{
	const model *m = d->m;

	out(s, "%s %s %s with %s bytes of memory.", m->fam == F_ISRG2 ? "Cisco" : "cisco",
	    m->pid, m->proc, m->mem);
	out(s, "Processor board ID %s", d->serial);
	if (m->fam == F_C3850 || m->fam == F_C9300) {
		out(s, "%u Virtual Ethernet interfaces", d->members);
		out(s, "%u Gigabit Ethernet interfaces", 52 * d->members);
		out(s, "%u Ten Gigabit Ethernet interfaces", 4 * d->members);
		out(s, "2048K bytes of non-volatile configuration memory.");
		for (size_t i = 0; i < d->members; i++)
			out(s, "%" PRIu64 "K bytes of Flash at %s.", m->flash_k, d->fs[i].name);
		return;
	}
	out_block(s, m->ifaces);
	if (m->fam == F_C2960 || m->fam == F_C2960X) {
		out(s, "The password-recovery mechanism is enabled.");
		out(s, "%s", "");
		out(s, "%s bytes of flash-simulated non-volatile configuration memory.",
		    m->fam == F_C2960 ? "64K" : "512K");
		out(s, "Model number                    : %s", m->pid);
		out(s, "System serial number            : %s", d->serial);
		return;
	}
	out(s, "%s bytes of non-volatile configuration memory.",
	    m->fam == F_ISRG2 ? "255K" : "32768K");
	if (m->fam == F_ISRG2)
		out(s, "%" PRIu64 "K bytes of ATA System CompactFlash 0 (Read/Write)", m->flash_k);
	else
		out(s, "%" PRIu64 "K bytes of %s at bootflash:.", m->flash_k,
		    m->fam == F_ASR1K ? "eUSB flash" : "flash memory");
}

/* The switch table, with a Mode column on IOS-XE. */
static void ver_switch_table(sink *s, const device *d)
{
	bool xe = fam_is_xe(d->m->fam);
	const char *img = xe ? (d->m->fam == F_C9300 ? "CAT9K_IOSXE" : "CAT3K_CAA-UNIVERSALK9")
			     : software_name(d->m->fam);
	char swimg[48];

	if (!xe) { /* "C2960X Software (C2960X-UNIVERSALK9-M)" -> inner name */
		const char *p = strchr(img, '(');
		snprintf(swimg, sizeof(swimg), "%.*s", (int)strcspn(p + 1, ")"), p + 1);
		img = swimg;
	}
	out(s, "%s", "");
	if (xe) {
		out(s, "Switch Ports Model              SW Version        SW Image              Mode   ");
		out(s, "------ ----- -----              ----------        ----------            ----   ");
	} else {
		out(s, "Switch Ports Model              SW Version            SW Image                 ");
		out(s, "------ ----- -----              ----------            ----------               ");
	}
	for (unsigned i = 0; i < d->members; i++)
		out(s, "%c %4u %-5u %-18s %-*s %-21s %s", i == 0 ? '*' : ' ', i + 1,
		    d->m->ports, d->m->pid, xe ? 17 : 21,
		    d->m->fam == F_C9300 ? d->cur->file : d->cur->show, img,
		    xe ? (d->install ? "INSTALL" : "BUNDLE") : "");
	out(s, "%s", "");
	for (unsigned i = 1; i < d->members; i++) {
		out(s, "%s", "");
		out(s, "Switch %02u", i + 1);
		out(s, "---------");
		out(s, "Model Number                       : %s", d->m->pid);
		out(s, "System Serial Number               : %s%u", d->m->sn, 21000000 + i * 7919);
	}
}

static void show_version(sink *s, const device *d)
{
	prompt(s, d, "show version");
	ver_header(s, d);
	ver_rom(s, d);
	ver_uptime(s, d);
	ver_hardware(s, d);
	if (fam_is_switch(d->m->fam))
		ver_switch_table(s, d);
	out(s, "%s", "");
	if (d->reg_next != d->reg)
		out(s, "Configuration register is 0x%" PRIX32 " (will be 0x%" PRIX32
		    " at next reload)", d->reg, d->reg_next);
	else
		out(s, "Configuration register is 0x%" PRIX32, d->reg);
	out(s, "%s", "");
}

/* ---- listings -------------------------------------------------------------- */

/* "Directory of flash:/" with IOS or IOS-XE columns. */
static void listing_dir(sink *s, const device *d, const fs_list *fs)
{
	bool xe = fam_is_xe(d->m->fam);
	char date[40], cmd[40];

	snprintf(cmd, sizeof(cmd), "dir %s", fs->name);
	prompt(s, d, cmd);
	out(s, "Directory of %s/", fs->name);
	out(s, "%s", "");
	for (size_t i = 0; i < fs->n; i++) {
		const file_ent *f = &fs->f[i];
		fmt_date(date, sizeof(date), f->day, f->secs, 'd');
		if (xe)
			out(s, "%6zu  %s %16" PRIu64 "  %20s +00:00  %s", 12289 + i * 7,
			    f->dir ? "drwx" : "-rw-", f->size, date, f->name);
		else
			out(s, "%5zu  %s %11" PRIu64 "  %20s +00:00  %s", i + 2,
			    f->dir ? "drwx" : (d->m->fam == F_ISRG2 ? "-rw-" : "-rwx"), f->size,
			    date, f->name);
	}
	out(s, "%s", "");
	out(s, "%" PRIu64 " bytes total (%" PRIu64 " bytes free)", d->m->fs_total, fs->free);
}

/* ISR "-#- --length-- -----date/time------ path": ISR4k as in the seed (no
 * time zone), ISR G2 with one. */
static void listing_isr(sink *s, const device *d, const fs_list *fs)
{
	bool g2 = d->m->fam == F_ISRG2;
	char date[40], cmd[40];

	snprintf(cmd, sizeof(cmd), "show %s", fs->name);
	prompt(s, d, cmd);
	out(s, "-#- --length-- -----date/time------ path");
	for (size_t i = 0; i < fs->n; i++) {
		const file_ent *f = &fs->f[i];
		fmt_date(date, sizeof(date), f->day, f->secs, 'i');
		if (g2)
			out(s, "%-3zu %10" PRIu64 " %s +00:00 %s", i + 1, f->size, date, f->name);
		else
			out(s, "%3zu %10" PRIu64 " %s %s%s", i + 1, f->size, date, f->name,
			    f->dir ? "/" : "");
	}
	out(s, "%s", "");
	out(s, "%" PRIu64 " bytes available (%" PRIu64 " bytes used)", fs->free,
	    d->m->fs_total - fs->free);
	out(s, "%s", "");
}

static void listings(sink *s, const device *d)
{
	for (size_t i = 0; i < d->members; i++) {
		if ((d->m->fam == F_ISR4K || d->m->fam == F_ISRG2) && !d->listing_dir)
			listing_isr(s, d, &d->fs[i]);
		else
			listing_dir(s, d, &d->fs[i]);
	}
}

/* ---- boot ------------------------------------------------------------------ */

static void boot_lines(sink *s, const device *d, bool startup)
{
	const char (*list)[BOOT_LEN] = startup ? d->start_boot : d->run_boot;
	size_t n = startup ? d->n_start : d->n_run;

	out(s, "boot-start-marker");
	if (d->m->fam == F_C2960 && n == 2) /* one command, ';'-separated */
		out(s, "boot system %s;%s", list[0], list[1]);
	else
		for (size_t i = 0; i < n; i++)
			out(s, "boot system %s", list[i]);
	out(s, "boot-end-marker");
}

/* `show running-config | include boot` with the lines the filter also
 * catches on each family. */
static void show_config_boot(sink *s, const device *d, bool startup)
{
	family f = d->m->fam;

	prompt(s, d, startup ? "show startup-config | include boot"
			     : "show running-config | include boot");
	if (f == F_ISR4K || f == F_ASR1K)
		out(s, "license boot level %s", f == F_ASR1K ? "advipservices" : "securityk9");
	boot_lines(s, d, startup);
	if (f == F_C3850 || f == F_C9300)
		out(s, "diagnostic bootup level minimal");
}

/* "16.9.6" -> "16.9", "15.2(7)E6" -> "15.2": the config's "version" line. */
static size_t config_version_len(const char *show)
{
	size_t n = strcspn(show, ".");

	if (show[n] == '.')
		n += 1 + strcspn(show + n + 1, ".(");
	return n;
}

/* A short but whole running-config, for captures without prompts. */
static void full_config(sink *s, const device *d)
{
	prompt(s, d, "show running-config");
	out(s, "Building configuration...");
	out(s, "%s", "");
	out(s, "Current configuration : %u bytes", 900 + (unsigned)(name_hash(d->host) % 4000));
	out(s, "!");
	out(s, "version %.*s", (int)config_version_len(d->cur->show), d->cur->show);
	out(s, "service timestamps debug datetime msec");
	out(s, "service timestamps log datetime msec");
	out(s, "!");
	out(s, "hostname %s", d->host);
	out(s, "!");
	boot_lines(s, d, false);
	out(s, "!");
	out(s, "interface %s", fam_is_switch(d->m->fam) ? "Vlan1"
			       : d->m->fam == F_ISRG2 ? "GigabitEthernet0/0" : "GigabitEthernet0/0/0");
	out(s, " ip address 10.%u.%u.1 255.255.255.0", (unsigned)(name_hash(d->host) % 200),
	    (unsigned)(name_hash(d->serial) % 250));
	out(s, "!");
	out(s, "line vty 0 4");
	out(s, " transport input ssh");
	out(s, "!");
	out(s, "end");
}

/* A whole running-config as a device of the family would show it: one
 * block per port, VLANs, an access list, management. About 10 KB on a
 * 48-port switch; what a session log of `show running-config` holds. */
static void long_config(sink *s, const device *d)
{
	bool sw = fam_is_switch(d->m->fam);
	unsigned ports = sw ? (d->m->ports ? d->m->ports : 48) : 8;
	uint64_t h = name_hash(d->host);

	prompt(s, d, "show running-config");
	out(s, "Building configuration...");
	out(s, "%s", "");
	out(s, "Current configuration : %u bytes", 6000 + ports * 180);
	out(s, "!");
	out(s, "! Last configuration change at 09:%02u:11 UTC Fri Mar 6 2026 by netops", (unsigned)(h % 60));
	out(s, "!");
	out(s, "version %.*s", (int)config_version_len(d->cur->show), d->cur->show);
	out(s, "service timestamps debug datetime msec");
	out(s, "service timestamps log datetime msec");
	out(s, "service password-encryption");
	out(s, "!");
	out(s, "hostname %s", d->host);
	out(s, "!");
	boot_lines(s, d, false);
	out(s, "!");
	out(s, "logging buffered 64000 informational");
	out(s, "enable secret 9 $9$%08llx$Qm2k1xV0o7cN4pZsEw", (unsigned long long)h);
	out(s, "!");
	out(s, "aaa new-model");
	out(s, "aaa authentication login default group tacacs+ local");
	out(s, "aaa authorization exec default group tacacs+ local");
	out(s, "clock timezone UTC 0 0");
	out(s, "ip domain name corp.example.net");
	out(s, "ip name-server 10.0.0.53 10.0.1.53");
	out(s, "!");
	for (unsigned v = 10; v <= 60; v += 10) {
		out(s, "vlan %u", v);
		out(s, " name %s-%u", v == 10 ? "USERS" : v == 20 ? "VOICE" : v == 30 ? "PRINTERS" : "INFRA", v);
		out(s, "!");
	}
	for (unsigned p = 1; p <= ports; p++) {
		if (sw)
			out(s, "interface GigabitEthernet1/0/%u", p);
		else
			out(s, "interface GigabitEthernet0/0/%u", p - 1);
		out(s, " description %s-%s-port%02u", p % 3 ? "user" : "ap", d->host, p);
		if (sw) {
			out(s, " switchport access vlan %u", p % 5 ? 10 : 30);
			out(s, " switchport mode access");
			out(s, " switchport voice vlan 20");
			out(s, " spanning-tree portfast");
			out(s, " spanning-tree bpduguard enable");
		} else {
			out(s, " ip address 10.%u.%u.1 255.255.255.252", (unsigned)(h % 200), p);
			out(s, " negotiation auto");
		}
		out(s, "!");
	}
	out(s, "interface Vlan1");
	out(s, " ip address 10.%u.%u.1 255.255.255.0", (unsigned)(h % 200), (unsigned)(name_hash(d->serial) % 250));
	out(s, "!");
	out(s, "ip access-list extended MGMT-IN");
	for (unsigned i = 1; i <= 12; i++)
		out(s, " %u permit tcp 10.%u.0.0 0.0.255.255 any eq 22", i * 10, i);
	out(s, " 1000 deny   ip any any log");
	out(s, "!");
	out(s, "snmp-server community 7 0822455D0A16 RO");
	out(s, "snmp-server location Site %s", d->host);
	out(s, "ntp server 10.0.0.123");
	out(s, "ntp server 10.0.1.123");
	out(s, "!");
	out(s, "line con 0");
	out(s, " exec-timeout 15 0");
	out(s, "line vty 0 4");
	out(s, " access-class MGMT-IN in");
	out(s, " transport input ssh");
	out(s, "!");
	out(s, "end");
}

/* Classic switch `show boot`. */
static void show_boot_classic(sink *s, const device *d)
{
	char path[MAX_BOOT * (BOOT_LEN + 1)] = "";

	for (size_t i = 0; i < d->n_bootvar; i++) {
		if (i)
			strcat(path, ";");
		strcat(path, d->bootvar[i]);
	}
	out(s, "BOOT path-list      : %s", path);
	out(s, "Config file         : flash:/config.text");
	out(s, "Private Config file : flash:/private-config.text");
	out(s, "Enable Break        : no");
	out(s, "Manual Boot         : %s", d->manual_boot ? "yes" : "no");
	out(s, "Allow Dev Key         : yes");
	out(s, "HELPER path-list    : ");
	out(s, "Auto upgrade        : yes");
	out(s, "Auto upgrade path   : ");
	out(s, "NVRAM/Config file");
	out(s, "      buffer size:   %s", d->m->fam == F_C2960 ? "65536" : "524288");
	out(s, "Timeout for Config");
	out(s, "          Download:    0 seconds");
	out(s, "Config Download ");
	out(s, "       via DHCP:       disabled (next boot: disabled)");
}

/* Cat3k/Cat9k `show boot`, one block per member. */
static void show_boot_xe_switch(sink *s, const device *d)
{
	for (unsigned i = 0; i < d->members; i++) {
		out(s, "---------------------------");
		out(s, "Switch %u", i + 1);
		out(s, "---------------------------");
		out(s, "Current Boot Variables:");
		if (d->n_bootvar)
			out(s, "BOOT variable = %s;", d->bootvar[0]);
		else
			out(s, "BOOT variable does not exist");
		out(s, "%s", "");
		out(s, "Boot Variables on next reload:");
		if (d->n_bootvar)
			out(s, "BOOT variable = %s;", d->bootvar[0]);
		else
			out(s, "BOOT variable does not exist");
		out(s, "Manual Boot = %s", d->manual_boot ? "yes" : "no");
		out(s, "Enable Break = yes");
		out(s, "Boot Mode = DEVICE");
		out(s, "iPXE Timeout = 0");
	}
}

/* Router `show bootvar` (ASR1k): entries with the ",12" suffix. */
static void show_bootvar(sink *s, const device *d)
{
	char list[MAX_BOOT * (BOOT_LEN + 4)] = "";

	prompt(s, d, "show bootvar");
	for (size_t i = 0; i < d->n_bootvar; i++) {
		strcat(list, d->bootvar[i]);
		strcat(list, ",12;");
	}
	out(s, "BOOT variable = %s", list);
	out(s, "CONFIG_FILE variable does not exist");
	out(s, "BOOTLDR variable does not exist");
	if (d->reg_next != d->reg) /* as show version prints it */
		out(s, "Configuration register is 0x%" PRIX32 " (will be 0x%" PRIX32
		    " at next reload)", d->reg, d->reg_next);
	else
		out(s, "Configuration register is 0x%" PRIX32, d->reg);
	out(s, "%s", "");
	out(s, "Standby not ready to show bootvar");
}

static void show_boot(sink *s, const device *d)
{
	family f = d->m->fam;

	if (f == F_ASR1K) {
		show_bootvar(s, d);
		return;
	}
	if (!fam_is_switch(f))
		return;
	prompt(s, d, "show boot");
	if (f == F_C3850 || f == F_C9300)
		show_boot_xe_switch(s, d);
	else
		show_boot_classic(s, d);
}

/* ---- one capture ------------------------------------------------------------ */

static void banner(sink *s)
{
	out(s, "\x1b[1;31m**************************************************************\x1b[0m");
	out(s, "\x1b[1;31m*\x1b[0m  \x1b[1;33mWARNING:\x1b[0m Authorised access only. "
	       "All sessions are logged.  \x1b[1;31m*\x1b[0m");
	out(s, "\x1b[1;31m**************************************************************\x1b[0m");
	out(s, "%s", "");
}

/* long_cfg: the session shows the whole running-config (--style log). */
static void write_capture(FILE *f, const device *d, bool long_cfg)
{
	sink s = {f, d->crlf, false, 0, NULL};

	if (d->ansi)
		banner(&s);
	if (!d->bare && !d->pager)
		prompt(&s, d, "terminal length 0");
	s.pager = d->pager;
	show_version(&s, d);
	listings(&s, d);
	show_boot(&s, d);
	if (d->bare) {
		full_config(&s, d);
		return;
	}
	if (long_cfg)
		long_config(&s, d);
	else
		show_config_boot(&s, d, false);
	if (d->show_startup)
		show_config_boot(&s, d, true);
	prompt(&s, d, NULL);
}

/* ---- backups: RANCID, Oxidized, split folders ---------------------------------- */

/* The image name inside "… Software (C2960X-UNIVERSALK9-M)". */
static void software_image(char *buf, size_t len, const device *d)
{
	const char *sw = software_name(d->m->fam);

	if (!sw) { /* ISR G2 */
		snprintf(buf, len, "C%.3s0-UNIVERSALK9-M", d->m->prefix + 1);
		return;
	}
	sw = strchr(sw, '(') + 1;
	snprintf(buf, len, "%.*s", (int)strcspn(sw, ")"), sw);
}

/* RANCID rounds the free space down to whole KB, MB or GB. */
static void rounded_free(char *buf, size_t len, uint64_t avail)
{
	if (avail >= (UINT64_C(1) << 30))
		snprintf(buf, len, "%" PRIu64 " GB free", avail >> 30);
	else if (avail >= (UINT64_C(1) << 20))
		snprintf(buf, len, "%" PRIu64 " MB free", avail >> 20);
	else if (avail >= 1024)
		snprintf(buf, len, "%" PRIu64 " KB free", avail >> 10);
	else
		snprintf(buf, len, avail ? "< 1KB free" : "0 bytes free");
}

/* The configuration without the lines backup tools drop. */
static void config_body(sink *s, const device *d)
{
	out(s, "version %.*s", (int)config_version_len(d->cur->show), d->cur->show);
	out(s, "service timestamps debug datetime msec");
	out(s, "service timestamps log datetime msec");
	out(s, "!");
	out(s, "hostname %s", d->host);
	out(s, "!");
	boot_lines(s, d, false);
	out(s, "!");
	out(s, "interface %s", fam_is_switch(d->m->fam) ? "Vlan1"
			       : d->m->fam == F_ISRG2 ? "GigabitEthernet0/0" : "GigabitEthernet0/0/0");
	out(s, " ip address 10.%u.%u.1 255.255.255.0", (unsigned)(name_hash(d->host) % 200),
	    (unsigned)(name_hash(d->serial) % 250));
	out(s, "!");
	out(s, "line vty 0 4");
	out(s, " transport input ssh");
	out(s, "!");
	out(s, "end");
}

/* The show version comments both tools write (keys from RANCID's ios.pm;
 * `lead` is "!" for RANCID, "! " for Oxidized). */
static void backup_version(sink *s, const device *d, const char *lead)
{
	char img[48], cpu[32];
	const char *p = strchr(d->m->proc, '(');

	software_image(img, sizeof(img), d);
	snprintf(cpu, sizeof(cpu), "%.*s", p ? (int)strcspn(p + 1, ")") : 0, p ? p + 1 : "");
	out(s, "%sChassis type: %s", lead, d->m->pid);
	if (cpu[0] && d->m->fam != F_ISRG2)
		out(s, "%sCPU: %s", lead, cpu);
	out(s, "%sMemory: main %s", lead, d->m->mem);
	if (d->m->flash_k && d->m->fam != F_ISRG2 && d->m->fam != F_ASR1K &&
	    d->m->fam != F_C3850 && d->m->fam != F_C9300)
		out(s, "%sMemory: flash %" PRIu64 "K", lead, d->m->flash_k);
	out(s, "%sProcessor ID: %s", lead, d->serial);
	out(s, "%sImage: Software: %s, %s, RELEASE SOFTWARE (fc2)", lead, img, d->cur->show);
	out(s, "%sImage: Compiled: %s by mcpre", lead, d->cur->built);
	out(s, "%sImage: %s%s", lead, d->m->fs, d->running_image);
	if (d->m->fam == F_ISRG2)
		out(s, "%sROM Bootstrap: Version 15.0(1r)M16, RELEASE SOFTWARE (fc1)", lead);
	else if (d->m->fam == F_C2960)
		out(s, "%sBOOTLDR: Version 12.2(53r)SEY3, RELEASE SOFTWARE (fc1)", lead);
	else if (d->m->fam == F_C2960X)
		out(s, "%sBOOTLDR: Version 15.2(7r)E, RELEASE SOFTWARE (fc1)", lead);
}

/* RANCID's "show boot" block: "!Variable:" on WS-C29xx (its "2900XL"
 * type), "!BootFlash:" elsewhere; routers other than ASR print none. */
static void rancid_boot(sink *s, const device *d)
{
	family f = d->m->fam;

	if (!fam_is_switch(f) && f != F_ASR1K)
		return;
	s->prefix = f == F_C2960 || f == F_C2960X ? "!Variable: " : "!BootFlash: ";
	if (f == F_ASR1K) {
		char list[MAX_BOOT * (BOOT_LEN + 4)] = "";
		for (size_t i = 0; i < d->n_bootvar; i++) {
			strcat(list, d->bootvar[i]);
			strcat(list, ",12;");
		}
		out(s, "BOOT variable = %s", list);
		out(s, "CONFIG_FILE variable does not exist");
		out(s, "BOOTLDR variable does not exist");
		out(s, "Configuration register is 0x%" PRIX32, d->reg);
	} else if (f == F_C3850 || f == F_C9300) {
		show_boot_xe_switch(s, d);
	} else {
		show_boot_classic(s, d);
	}
	s->prefix = NULL;
	out(s, "!");
}

/* RANCID's "!Flash:" block: show flash on classic IOS (the table form on
 * ISR G2), dir /all on IOS-XE with the device name after the key. */
static void rancid_flash(sink *s, const device *d, const fs_list *fs)
{
	bool xe = fam_is_xe(d->m->fam), g2 = d->m->fam == F_ISRG2;
	char date[40], pre[40], free_s[32];

	snprintf(pre, sizeof(pre), "!Flash: %.*s%s", xe ? (int)strlen(fs->name) : 0, fs->name,
		 xe ? " " : "");
	s->prefix = pre;
	rounded_free(free_s, sizeof(free_s), fs->free);
	if (g2) {
		out(s, "-#- --length-- -----date/time------ path");
		for (size_t i = 0; i < fs->n; i++) {
			fmt_date(date, sizeof(date), fs->f[i].day, fs->f[i].secs, 'i');
			out(s, "%-3zu %10" PRIu64 " %s +00:00 %s", i + 1, fs->f[i].size, date,
			    fs->f[i].name);
		}
		out(s, "%s", free_s);
		s->prefix = NULL;
		return;
	}
	out(s, "Directory of %s/", fs->name);
	for (size_t i = 0; i < fs->n; i++) {
		const file_ent *f = &fs->f[i];
		fmt_date(date, sizeof(date), f->day, f->secs, 'd');
		if (!strcmp(f->name, "vlan.dat") || !strcmp(f->name, "tracelogs"))
			out(s, "%*s  %s %16s  %20s %6s  %s", xe ? 6 : 5, "", f->dir ? "drwx" : "-rwx",
			    "", "", "", f->name);
		else
			out(s, "%*zu  %s %*" PRIu64 "  %20s +00:00  %s", xe ? 6 : 5,
			    xe ? 12289 + i * 7 : i + 2, f->dir ? "drwx" : xe ? "-rw-" : "-rwx",
			    xe ? 16 : 11, f->size, date, f->name);
	}
	out(s, "%" PRIu64 " bytes total (%s)", d->m->fs_total, free_s);
	s->prefix = NULL;
}

static void write_rancid(FILE *f, const device *d)
{
	sink s = {f, false, false, 0, NULL};

	out(&s, "!RANCID-CONTENT-TYPE: cisco");
	out(&s, "!");
	backup_version(&s, d, "!");
	out(&s, "!");
	rancid_boot(&s, d);
	for (size_t i = 0; i < d->members; i++)
		rancid_flash(&s, d, &d->fs[i]);
	out(&s, "!");
	if (d->reg_next != d->reg)
		out(&s, "config-register 0x%" PRIX32 " (will be 0x%" PRIX32 " at next reload)",
		    d->reg, d->reg_next);
	else
		out(&s, "config-register 0x%" PRIX32, d->reg);
	out(&s, "!");
	config_body(&s, d);
}

static void write_oxidized(FILE *f, const device *d)
{
	sink s = {f, false, false, 0, NULL};
	char img[48];

	software_image(img, sizeof(img), d);
	if (fam_is_xe(d->m->fam))
		out(&s, "! Cisco IOS XE Software, Version %s", d->cur->file);
	else
		out(&s, "! Cisco IOS Software, %s, Version %s, RELEASE SOFTWARE (fc2)",
		    software_name(d->m->fam) ? software_name(d->m->fam) : img, d->cur->show);
	backup_version(&s, d, "! ");
	out(&s, "!");
	out(&s, "! NAME: \"Chassis\", DESCR: \"Cisco %s Chassis\"", d->m->pid);
	out(&s, "! PID: %-18s, VID: V01  , SN: %s", d->m->pid, d->serial);
	out(&s, "!");
	config_body(&s, d);
}

static FILE *open_out(const char *path)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		fprintf(stderr, "gen_fleet: cannot write %s: %s\n", path, strerror(errno));
	return f;
}

static int close_out(FILE *f, const char *path)
{
	if (fclose(f) != 0) {
		fprintf(stderr, "gen_fleet: error writing %s\n", path);
		return 1;
	}
	return 0;
}

static bool path_in(char *buf, size_t len, const char *dir, const char *name)
{
	int n = snprintf(buf, len, "%s/%s", dir, name);
	return n > 0 && (size_t)n < len;
}

/* DIR/<host>/show_version.txt, dir_<fs>.txt, show_boot.txt, running-config.cfg:
 * bare outputs, one command per file, as scripts save them. */
static int write_split(const char *dir, device *d)
{
	char path[4096];
	FILE *f;
	int rc = 0;

	d->bare = true;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen_fleet: cannot create %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (!path_in(path, sizeof(path), dir, "show_version.txt") || !(f = open_out(path)))
		return 1;
	show_version(&(sink){f, d->crlf, false, 0, NULL}, d);
	rc |= close_out(f, path);
	for (size_t i = 0; i < d->members; i++) {
		char name[40];
		snprintf(name, sizeof(name), "dir_%.*s.txt", (int)strcspn(d->fs[i].name, ":"),
			 d->fs[i].name);
		if (!path_in(path, sizeof(path), dir, name) || !(f = open_out(path)))
			return 1;
		listing_dir(&(sink){f, d->crlf, false, 0, NULL}, d, &d->fs[i]);
		rc |= close_out(f, path);
	}
	if (fam_is_switch(d->m->fam) || d->m->fam == F_ASR1K) {
		if (!path_in(path, sizeof(path), dir, "show_boot.txt") || !(f = open_out(path)))
			return 1;
		show_boot(&(sink){f, d->crlf, false, 0, NULL}, d);
		rc |= close_out(f, path);
	}
	if (!path_in(path, sizeof(path), dir, "running-config.cfg") || !(f = open_out(path)))
		return 1;
	full_config(&(sink){f, d->crlf, false, 0, NULL}, d);
	return rc | close_out(f, path);
}

/* ---- command line ------------------------------------------------------------ */

typedef struct options {
	const char *out;
	unsigned long devices;
	uint64_t seed;
	char style; /* 'm', 's', 'b'; backups: 'r' rancid, 'o' oxidized, 'a' all;
		     * 'l': one session log of every device, whole configs */
	FILE *log;  /* --style log: DIR/session.log */
} options;

static int usage(void)
{
	fputs("usage: gen_fleet --out DIR --devices N [--seed S] "
	      "[--style mixed|session|bare|rancid|oxidized|backups|log]\n", stderr);
	return 2;
}

static char style_of(const char *v)
{
	static const char *const names[] = { "mixed", "session", "bare", "rancid", "oxidized",
					     "backups", "log" };
	static const char codes[] = "msbroal";
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(v, names[i]))
			return codes[i];
	return 0;
}

static bool parse_number(const char *s, unsigned long long max, unsigned long long *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 10);
	return s[0] >= '0' && s[0] <= '9' && *end == '\0' && errno == 0 && *v <= max;
}

static int parse_args(int argc, char **argv, options *o)
{
	unsigned long long v;

	*o = (options){NULL, 0, 1, 'm', NULL};
	for (int i = 1; i < argc; i += 2) {
		const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!val)
			return usage();
		if (!strcmp(a, "--out"))
			o->out = val;
		else if (!strcmp(a, "--devices") && parse_number(val, 1000000, &v))
			o->devices = (unsigned long)v;
		else if (!strcmp(a, "--seed") && parse_number(val, UINT64_MAX, &v))
			o->seed = v;
		else if (!strcmp(a, "--style") && style_of(val))
			o->style = style_of(val);
		else
			return usage();
	}
	return o->out && o->devices ? 0 : usage();
}

typedef enum kind { K_SESSION, K_RANCID, K_OXIDIZED, K_SPLIT } kind;

/* --style backups: 30 % session logs or bare outputs (as mixed), 25 %
 * RANCID, 25 % Oxidized, 20 % split folders; chosen from the host name so
 * that the devices are those of --style mixed. */
static kind kind_of(const options *o, const device *d)
{
	uint64_t h = name_hash(d->host) % 100;

	if (o->style == 'r')
		return K_RANCID;
	if (o->style == 'o')
		return K_OXIDIZED;
	if (o->style != 'a' || h < 30)
		return K_SESSION;
	return h < 55 ? K_RANCID : h < 80 ? K_OXIDIZED : K_SPLIT;
}

/* RANCID and Oxidized name the file after the device, lower case. */
static void backup_name(char *buf, size_t len, const char *dir, const char *host)
{
	size_t n = (size_t)snprintf(buf, len, "%s/", dir);

	for (const char *p = host; *p && n + 1 < len; p++)
		buf[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	buf[n] = '\0';
}

static int write_device(const options *o, device *d)
{
	char path[4096];
	FILE *f;
	kind k = kind_of(o, d);

	if (o->log) {
		write_capture(o->log, d, true);
		return ferror(o->log) ? 1 : 0;
	}
	if (k == K_SPLIT) {
		snprintf(path, sizeof(path), "%s/%s", o->out, d->host);
		return write_split(path, d);
	}
	if (k != K_SESSION) {
		backup_name(path, sizeof(path), o->out, d->host);
		if (!(f = open_out(path)))
			return 1;
		(k == K_RANCID ? write_rancid : write_oxidized)(f, d);
		return close_out(f, path);
	}
	snprintf(path, sizeof(path), "%s/%s.log", o->out, d->host);
	f = fopen(path, "wb");
	if (!f) {
		fprintf(stderr, "gen_fleet: cannot write %s: %s\n", path, strerror(errno));
		return 1;
	}
	write_capture(f, d, false);
	if (fclose(f) != 0) {
		fprintf(stderr, "gen_fleet: error writing %s\n", path);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	options o;
	device *d;
	rng r;
	int rc;

	if ((rc = parse_args(argc, argv, &o)) != 0)
		return rc;
	if (mkdir(o.out, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen_fleet: cannot create %s: %s\n", o.out, strerror(errno));
		return 1;
	}
	d = malloc(sizeof(*d));
	if (!d)
		return 1;
	if (o.style == 'l') {
		char path[4096];
		snprintf(path, sizeof(path), "%s/session.log", o.out);
		if (!(o.log = fopen(path, "wb"))) {
			fprintf(stderr, "gen_fleet: cannot write %s: %s\n", path, strerror(errno));
			free(d);
			return 1;
		}
	}
	r.s = o.seed * UINT64_C(0x9E3779B97F4A7C15) + UINT64_C(0x2545F4914F6CDD1D);
	if (r.s == 0) /* xorshift never leaves zero */
		r.s = 1;
	for (unsigned long i = 0; i < o.devices && rc == 0; i++) {
		build_device(d, &r, (uint32_t)i, strchr("roa", o.style) ? 'm' :
						 o.style == 'l' ? 's' : o.style);
		rc = write_device(&o, d);
	}
	if (o.log && fclose(o.log) != 0 && rc == 0) {
		fprintf(stderr, "gen_fleet: error writing %s/session.log\n", o.out);
		rc = 1;
	}
	free(d);
	return rc;
}
