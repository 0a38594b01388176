/* libcrypto (OpenSSL EVP digests), opened on first use; see dl_lib.h.
 *
 *   const ip_libcrypto *c = ip_libcrypto_get();
 *   if (!c) return ...;               (message in ip_error_last())
 *   c->EVP_Digest(data, len, md, &n, c->EVP_md5(), NULL);
 *
 * Each member has the type of the function of the same name in OpenSSL's
 * headers. Users: lint/hash.c (hash, verify, --target with an image file),
 * lint/findings/format_codeclimate.c (fingerprints), lint/cmd_version.c. */
#ifndef IOSPLAN_LIBCRYPTO_DL_H
#define IOSPLAN_LIBCRYPTO_DL_H

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#define IP_LIBCRYPTO_FUNCTIONS(X) \
	X(OpenSSL_version)        \
	X(ERR_get_error)          \
	X(ERR_error_string_n)     \
	X(ERR_clear_error)        \
	X(EVP_md5)                \
	X(EVP_sha512)             \
	X(EVP_MD_get0_name)       \
	X(EVP_MD_CTX_new)         \
	X(EVP_MD_CTX_free)        \
	X(EVP_DigestInit_ex)      \
	X(EVP_DigestUpdate)       \
	X(EVP_DigestFinal_ex)     \
	X(EVP_Digest)

typedef struct ip_libcrypto {
#define IP_LIBCRYPTO_MEMBER(name) __typeof__(name) *name;
	IP_LIBCRYPTO_FUNCTIONS(IP_LIBCRYPTO_MEMBER)
#undef IP_LIBCRYPTO_MEMBER
} ip_libcrypto;

/* The functions, libcrypto opened on the first call (thread-safe; later
 * calls cost a pthread_once). NULL when it cannot be opened, the message
 * ("cannot load libcrypto.so.3 (...): install libssl3") in ip_error_last().
 * The table lives as long as the process. */
const ip_libcrypto *ip_libcrypto_get(void);

#endif
