/* Comparing the MD5 hashes of one image (seed "Verify the MD5 Checksum":
 * "All three values must match: Cisco -> TFTP server -> device flash").
 * Internal to rules/: image-integrity uses it, and the target-image issue
 * feeds it the server and device hashes once they are read. */
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

/* "reference", "server copy", "device" */
const char *ip_md5_source_name(ip_md5_source s);

#endif
