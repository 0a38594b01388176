/* Comparing what is known of one image along its chain (seed "Verify the
 * MD5 Checksum": "All three values must match: Cisco -> TFTP server ->
 * device flash"): the reference Cisco publishes, the copy on the transfer
 * server, and the copy on the device. Internal to rules/: image-integrity
 * uses it for the MD5, the SHA-512 and the size alike. */
#ifndef IOSPLAN_INTEGRITY_H
#define IOSPLAN_INTEGRITY_H

typedef enum ip_md5_source {
	IP_MD5_REFERENCE = 0, /* published by Cisco (--md5, a catalogue) */
	IP_MD5_SERVER,        /* md5sum of the copy on the transfer server */
	IP_MD5_DEVICE,        /* `verify /md5` on the device */
	IP_MD5_SOURCES,
} ip_md5_source;

typedef enum ip_md5_verdict {
	IP_MD5_UNDECIDED = 0, /* fewer than two hashes known */
	IP_MD5_MATCH,         /* every known hash agrees */
	IP_MD5_MISMATCH,      /* a and b disagree */
	IP_MD5_MALFORMED,     /* a is not 32 hex digits */
} ip_md5_verdict;

typedef struct ip_md5_check {
	ip_md5_verdict verdict;
	ip_md5_source a, b; /* MISMATCH: the first pair that disagrees, the
			     * reference-device pair first; MALFORMED: a */
} ip_md5_check;

/* Compare the known hashes (NULL = unknown), case-insensitively. Pure. */
void ip_md5_compare(ip_md5_check *out, const char *const md5[IP_MD5_SOURCES]);

/* Which link of the chain is broken, from the values known (NULL =
 * unknown), compared without case. Which link it is decides the fix: a bad
 * download is downloaded again, a bad transfer copied again. */
typedef enum ip_chain_break {
	IP_CHAIN_OK = 0,       /* every known pair agrees, or fewer than two known */
	IP_CHAIN_DOWNLOAD,     /* reference != server copy; the device, if known,
				* holds the same bad copy */
	IP_CHAIN_TRANSFER,     /* server copy != device; the reference, if known,
				* agrees with the server copy */
	IP_CHAIN_UNPLACED,     /* reference != device, server copy unknown: the
				* download or the transfer */
	IP_CHAIN_BOTH,         /* all three differ */
	IP_CHAIN_SERVER_STALE, /* device = reference, the server copy differs: the
				* device is fine, the server file is not */
} ip_chain_break;

ip_chain_break ip_chain_check(const char *const v[IP_MD5_SOURCES]);

/* "reference", "server copy", "device" */
const char *ip_md5_source_name(ip_md5_source s);

#endif
