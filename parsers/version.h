/* IOS and IOS-XE version numbers: parse, normalise, compare.
 *
 * Accepted forms (see DOMAIN.md §3.1 and §6):
 *   classic IOS   15.2(7)E9   12.2(55)SE8   15.1(4)M8   12.3(6f)   12.2(2)XA1
 *                 15.2(4.0.55)E (engineering)  12.2(18)SXF7  15.0(1r)M16 (ROMMON)
 *   IOS-XE 16/17  16.12.04  16.12.4  17.09.04a  17.5.1a  16.9.1r (ROMMON)
 *   IOS-XE 3.x    03.06.05E  03.09.01.S  03.16.10.S  03.04.06.SG
 *   not ordered   17.07.01prd16  V169_5_SR689355441_2  17.4.20200702:124009
 *
 * Comparison is only defined inside one scheme and, for classic IOS, one
 * train (E vs SE vs M vs T are different trains): everything else is
 * IP_VER_INCOMPARABLE, never a guess. */
#ifndef IOSPLAN_VERSION_H
#define IOSPLAN_VERSION_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ip_ver_scheme {
	IP_VER_INVALID = 0,
	IP_VER_CLASSIC, /* M.m(R)TRAIN */
	IP_VER_XE,      /* MM.mm.rr[letter] and 03.xx.yy.TRAIN */
	IP_VER_SPECIAL, /* a build string that has no order */
} ip_ver_scheme;

typedef struct ip_version {
	ip_ver_scheme scheme;
	int major, minor, release; /* 15,2,7 / 16,12,4 / 3,6,5 */
	char maint[8];   /* classic maintenance suffix inside the parens: "f" in 12.3(6f), "0.55" */
	char train[8];   /* "E", "SE", "M", "T", "S", "SG", "XA"; "" if none */
	int train_num;   /* 9 in E9; -1 when the train has no number */
	char letter[4];  /* XE rebuild letter(s): "a" in 17.09.04a; "" if none */
	char raw[48];    /* as given (truncated to fit) */
} ip_version;

/* Returns true and fills *out when s (len bytes) is a version string. */
bool ip_version_parse(ip_version *out, const char *s, size_t len);

/* Canonical form: classic "15.2(7)E9", XE "16.12.4", "17.9.4a",
 * XE 3.x "3.6.5E", "3.9.1S". Writes "" for invalid. Built from the bounded
 * fields above, so it always fits whole in IP_VERSION_TEXT_SIZE bytes
 * (a smaller n cuts it, as snprintf does): classic, the
 * longest, is three ints (3 x 11), "." "(" "." ")" (4), maint, train, a
 * train number (11) and letter (7 + 7 + 11 + 3) and the NUL: 66 bytes;
 * raw (48) for the special scheme. */
#define IP_VERSION_TEXT_SIZE 80
void ip_version_normalise(const ip_version *v, char *buf, size_t n);

/* The one form every output shows beside the raw text (issue 23, point
 * 10: "16.9.6" from RANCID and "16.09.06" from show version are one
 * release): raw normalised into buf (IP_VERSION_TEXT_SIZE bytes), or NULL
 * when raw is NULL, not a version, or of the special scheme (shown raw). */
const char *ip_version_text_normalised(const char *raw, char *buf, size_t n);

enum { IP_VER_INCOMPARABLE = 2 };
/* -1, 0, 1, or IP_VER_INCOMPARABLE. */
int ip_version_cmp(const ip_version *a, const ip_version *b);

/* Same scheme, same major.minor, and (classic) same train. */
bool ip_version_same_train(const ip_version *a, const ip_version *b);

#endif
