/* The device's ROMMON version, from the first source that says it (see
 * rommon.h for the order and why). */
#include <string.h>

#include "fact_hint.h"
#include "rommon.h"

static bool route_processor(const ip_rom_slot *s)
{
	return s->slot[0] == 'R' && s->slot[1] >= '0' && s->slot[1] <= '9';
}

static bool active(const ip_rom_slot *s)
{
	return s->state.s && strstr(s->state.s, "active") != NULL;
}

/* The active route processor with a version, else R0's, else NULL. */
static const ip_rom_slot *active_rp(const ip_device *d)
{
	const ip_rom_slot *r0 = NULL;
	for (size_t i = 0; i < d->n_rom_slots; i++) {
		const ip_rom_slot *s = &d->rom_slots[i];
		if (!route_processor(s) || !s->rommon.s)
			continue;
		if (active(s))
			return s;
		if (strcmp(s->slot, "R0") == 0)
			r0 = s;
	}
	return r0;
}

static const ip_rom_slot *chassis_slot(const ip_device *d)
{
	for (size_t i = 0; i < d->n_rom_slots; i++) {
		const ip_rom_slot *s = &d->rom_slots[i];
		if (s->rommon.s && (strcmp(s->slot, "0") == 0 || strcmp(s->slot, "1") == 0))
			return s;
	}
	return NULL;
}

ip_rommon_answer ip_device_rommon(const ip_device *d)
{
	ip_rommon_answer a = { 0 };
	const ip_rom_slot *s = active_rp(d);
	if (!s && !d->rommon.s)
		s = chassis_slot(d);
	if (s) {
		a.version = &s->rommon;
		a.from = s->rommon_from;
		a.slot = s->slot;
	} else if (d->rommon.s) {
		a.version = &d->rommon;
		a.from = "show version";
	} else {
		/* what gives it on this platform (fact_hint.h decides); NULL when
		 * show version was captured and nothing else would tell */
		a.missing = ip_fact_hint_of(NULL, d, NULL, IP_FACT_ROMMON).capture;
		return a;
	}
	return a;
}

/* --- the order of two ROMMON versions (rommon.h) ------------------------- */

#define ROM_MAX_NUMS 4

typedef struct rom_version {
	bool dotted;
	unsigned long nums[ROM_MAX_NUMS]; /* classic: major, minor, maintenance */
	size_t n_nums;
	const char *train; /* classic: "S", "SE"; points into the text */
	size_t train_len;
	unsigned long rebuild; /* classic: the 5 of S5; 0 when absent */
	const char *tag;       /* dotted: the FC2 of [FC2]; classic: the a of (8a) */
	size_t tag_len;
} rom_version;

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* A run of at most 6 digits at *p (a ROMMON number is never longer). */
static bool number(const char **p, unsigned long *out)
{
	const char *s = *p;
	unsigned long x = 0;
	while (digit(*s) && s - *p < 6)
		x = x * 10 + (unsigned long)(*s++ - '0');
	if (s == *p || digit(*s))
		return false;
	*out = x;
	*p = s;
	return true;
}

/* "15.4(3r)S5": the part after "15.4". */
static bool classic_tail(const char *s, rom_version *v)
{
	if (!number(&s, &v->nums[2]))
		return false;
	v->n_nums = 3;
	if (*s == 'r' && s[1] == ')')
		s++;
	v->tag = s; /* C8300 "ROM: 17.3(8a)": a letter, not the r mark */
	while (*s >= 'a' && *s <= 'z')
		s++;
	v->tag_len = (size_t)(s - v->tag);
	if (*s++ != ')')
		return false;
	v->train = s;
	while (letter(*s))
		s++;
	v->train_len = (size_t)(s - v->train);
	if (digit(*s) && !number(&s, &v->rebuild))
		return false;
	return *s == '\0';
}

/* "17.6.1r[FC2]", "17.06.05 [FC2]": the part after "17.6". */
static bool dotted_tail(const char *s, rom_version *v)
{
	v->dotted = true;
	while (*s == '.' && v->n_nums < ROM_MAX_NUMS) {
		s++;
		if (!number(&s, &v->nums[v->n_nums++]))
			return false;
	}
	if (*s == 'r')
		s++;
	if (*s == ' ')
		s++;
	if (*s == '[') {
		v->tag = ++s;
		while (*s && *s != ']')
			s++;
		v->tag_len = (size_t)(s - v->tag);
		if (*s++ != ']' || v->tag_len == 0)
			return false;
	}
	return *s == '\0';
}

static bool rom_parse(const char *s, rom_version *v)
{
	*v = (rom_version){ 0 };
	if (!s || !number(&s, &v->nums[0]) || *s++ != '.' || !number(&s, &v->nums[1]))
		return false;
	v->n_nums = 2;
	if (*s == '(')
		return classic_tail(s + 1, v);
	return dotted_tail(s, v);
}

static bool same_text(const char *a, size_t na, const char *b, size_t nb)
{
	return na == nb && (na == 0 || memcmp(a, b, na) == 0);
}

/* Numbers first; a missing trailing number counts as 0 (17.3 = 17.3.0). */
static int nums_cmp(const rom_version *a, const rom_version *b)
{
	size_t n = a->n_nums > b->n_nums ? a->n_nums : b->n_nums;
	for (size_t i = 0; i < n; i++) {
		unsigned long x = i < a->n_nums ? a->nums[i] : 0;
		unsigned long y = i < b->n_nums ? b->nums[i] : 0;
		if (x != y)
			return x < y ? -1 : 1;
	}
	return 0;
}

ip_rommon_order ip_rommon_cmp(const char *a, const char *b)
{
	rom_version x, y;
	if (!rom_parse(a, &x) || !rom_parse(b, &y) || x.dotted != y.dotted)
		return IP_ROM_INCOMPARABLE;
	bool same_train = same_text(x.train, x.train_len, y.train, y.train_len);
	if (x.train_len && y.train_len && !same_train)
		return IP_ROM_INCOMPARABLE;
	int c = nums_cmp(&x, &y);
	if (c)
		return c < 0 ? IP_ROM_OLDER : IP_ROM_NEWER;
	if (!same_train || !same_text(x.tag, x.tag_len, y.tag, y.tag_len))
		return IP_ROM_INCOMPARABLE;
	if (x.rebuild != y.rebuild)
		return x.rebuild < y.rebuild ? IP_ROM_OLDER : IP_ROM_NEWER;
	return IP_ROM_SAME;
}
