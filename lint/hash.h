/* MD5 and SHA-512 of an image file in one read pass.
 *
 * A real image is 500 MB to 1 GB, and both digests are wanted (Cisco
 * publishes both; `verify /md5` and `verify /sha512` check either). The
 * file is read once by the calling thread into a small ring of buffers that
 * two digest threads (one MD5, one SHA-512, OpenSSL EVP) consume side by
 * side, so the two digests cost about what the slower one costs alone, and
 * memory stays at the ring's size (IP_HASH_RING_BYTES) whatever the file's
 * size. */
#ifndef IOSPLAN_HASH_H
#define IOSPLAN_HASH_H

#include <stddef.h>
#include <stdint.h>

#define IP_MD5_HEX_LEN 32
#define IP_SHA512_HEX_LEN 128

/* Ring: IP_HASH_SLOTS buffers of IP_HASH_SLOT_BYTES. */
#define IP_HASH_SLOT_BYTES (1u << 20)
#define IP_HASH_SLOTS 8u
#define IP_HASH_RING_BYTES (IP_HASH_SLOT_BYTES * IP_HASH_SLOTS)

typedef struct ip_digests {
	uint64_t size;                       /* bytes read */
	char md5[IP_MD5_HEX_LEN + 1];        /* lower-case hex */
	char sha512[IP_SHA512_HEX_LEN + 1];
} ip_digests;

/* Hash the file at `path` ("-" reads standard input). Returns 0, or IP_E_IO
 * when it cannot be opened or read (message naming the path in
 * ip_error_last()). */
int ip_hash_file(ip_digests *out, const char *path);

/* The same from an open descriptor; `name` is used in messages only. The
 * descriptor is read to its end and not closed. */
int ip_hash_fd(ip_digests *out, int fd, const char *name);

/* Digests of a buffer in memory (tests, small inputs); single-threaded. */
int ip_hash_buffer(ip_digests *out, const void *data, size_t len);

#endif
