/* One read pass, two digests; see hash.h.
 *
 *   reader (caller)     slot 0..7 (1 MiB each)      md5 thread, sha512 thread
 *   read() into the  -> published with pending=2 -> each digests every slot
 *   next free slot      freed when pending hits 0    in order
 *
 * The reader waits only when all slots are still being digested, a digest
 * thread only when it has caught up with the reader. One mutex guards the
 * slot bookkeeping; it is taken twice per MiB per thread, which costs
 * nothing next to the hashing. OpenSSL errors are read from its error queue
 * here and turned into ip_error_set() messages. */
#include "hash.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "libcrypto_dl.h"

enum { N_DIGESTS = 2 };

typedef struct slot {
	unsigned char *buf;
	size_t len;
	int pending; /* digest threads yet to read it; 0 = free */
} slot;

typedef struct ring {
	pthread_mutex_t mu;
	pthread_cond_t filled;  /* a slot was published, or the input ended */
	pthread_cond_t drained; /* a slot became free */
	slot slots[IP_HASH_SLOTS];
	uint64_t published; /* chunks published so far */
	bool ended;         /* no chunk will follow `published` */
	bool failed;        /* a digest thread gave up: stop reading */
} ring;

typedef struct digester {
	const ip_libcrypto *c;
	ring *r;
	const EVP_MD *md;
	unsigned char out[EVP_MAX_MD_SIZE];
	unsigned out_len;
	bool failed;
	char error[160]; /* OpenSSL's message when it failed, else "" */
} digester;

static void openssl_error(const ip_libcrypto *c, char *buf, size_t n, const char *what)
{
	unsigned long e = c->ERR_get_error();
	char detail[120] = "unknown error";
	if (e)
		c->ERR_error_string_n(e, detail, sizeof(detail));
	c->ERR_clear_error();
	snprintf(buf, n, "%s: %s", what, detail);
}

/* Wait for chunk `seq`; NULL when the input ended before it. */
static slot *chunk_wait(ring *r, uint64_t seq)
{
	pthread_mutex_lock(&r->mu);
	while (r->published <= seq && !r->ended)
		pthread_cond_wait(&r->filled, &r->mu);
	slot *s = r->published > seq ? &r->slots[seq % IP_HASH_SLOTS] : NULL;
	pthread_mutex_unlock(&r->mu);
	return s;
}

static void chunk_done(ring *r, slot *s)
{
	pthread_mutex_lock(&r->mu);
	if (--s->pending == 0)
		pthread_cond_signal(&r->drained);
	pthread_mutex_unlock(&r->mu);
}

static void *digest_thread(void *arg)
{
	digester *d = arg;
	const ip_libcrypto *c = d->c;
	EVP_MD_CTX *ctx = c->EVP_MD_CTX_new();
	bool ok = ctx && c->EVP_DigestInit_ex(ctx, d->md, NULL) == 1;
	for (uint64_t seq = 0;; seq++) {
		slot *s = chunk_wait(d->r, seq);
		if (!s)
			break;
		ok = ok && c->EVP_DigestUpdate(ctx, s->buf, s->len) == 1;
		chunk_done(d->r, s);
		if (!ok) {
			/* keep draining so the reader never waits on us */
			pthread_mutex_lock(&d->r->mu);
			d->r->failed = true;
			pthread_mutex_unlock(&d->r->mu);
		}
	}
	ok = ok && c->EVP_DigestFinal_ex(ctx, d->out, &d->out_len) == 1;
	if (!ok)
		openssl_error(c, d->error, sizeof(d->error), c->EVP_MD_get0_name(d->md));
	c->EVP_MD_CTX_free(ctx);
	d->failed = !ok;
	return NULL;
}

/* read() until n bytes or the end of the input (pipes return less). */
static ssize_t read_full(int fd, unsigned char *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t k = read(fd, buf + got, n - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0)
			break;
		got += (size_t)k;
	}
	return (ssize_t)got;
}

/* Fill and publish slots until the end of the input; returns 0 or errno. */
static int reader(ring *r, int fd, uint64_t *size)
{
	int err = 0;
	for (uint64_t seq = 0;; seq++) {
		slot *s = &r->slots[seq % IP_HASH_SLOTS];
		pthread_mutex_lock(&r->mu);
		while (s->pending && !r->failed)
			pthread_cond_wait(&r->drained, &r->mu);
		bool stop = r->failed;
		pthread_mutex_unlock(&r->mu);
		if (stop)
			break;
		ssize_t n = read_full(fd, s->buf, IP_HASH_SLOT_BYTES);
		if (n <= 0) {
			err = n < 0 ? errno : 0;
			break;
		}
		*size += (uint64_t)n;
		pthread_mutex_lock(&r->mu);
		s->len = (size_t)n;
		s->pending = N_DIGESTS;
		r->published++;
		pthread_cond_broadcast(&r->filled);
		pthread_mutex_unlock(&r->mu);
	}
	pthread_mutex_lock(&r->mu);
	r->ended = true;
	pthread_cond_broadcast(&r->filled);
	pthread_mutex_unlock(&r->mu);
	return err;
}

static void to_hex(char *out, const unsigned char *in, unsigned n)
{
	static const char hex[] = "0123456789abcdef";
	for (unsigned i = 0; i < n; i++) {
		out[2 * i] = hex[in[i] >> 4];
		out[2 * i + 1] = hex[in[i] & 15];
	}
	out[2 * n] = '\0';
}

static int ring_init(ring *r, unsigned char *mem)
{
	memset(r, 0, sizeof(*r));
	for (unsigned i = 0; i < IP_HASH_SLOTS; i++)
		r->slots[i].buf = mem + (size_t)i * IP_HASH_SLOT_BYTES;
	if (pthread_mutex_init(&r->mu, NULL))
		return -1;
	if (pthread_cond_init(&r->filled, NULL)) {
		pthread_mutex_destroy(&r->mu);
		return -1;
	}
	if (pthread_cond_init(&r->drained, NULL)) {
		pthread_cond_destroy(&r->filled);
		pthread_mutex_destroy(&r->mu);
		return -1;
	}
	return 0;
}

static void ring_destroy(ring *r)
{
	pthread_cond_destroy(&r->drained);
	pthread_cond_destroy(&r->filled);
	pthread_mutex_destroy(&r->mu);
}

/* Start the digest threads, read, join. */
static int run_pipeline(ring *r, digester d[N_DIGESTS], int fd, const char *name,
			ip_digests *out)
{
	pthread_t t[N_DIGESTS];
	int started = 0, rc = IP_OK;
	for (; started < N_DIGESTS; started++)
		if (pthread_create(&t[started], NULL, digest_thread, &d[started]))
			break;
	int err = 0;
	if (started == N_DIGESTS) {
		err = reader(r, fd, &out->size);
	} else {
		pthread_mutex_lock(&r->mu);
		r->ended = true;
		pthread_cond_broadcast(&r->filled);
		pthread_mutex_unlock(&r->mu);
		rc = ip_error_set(IP_E_IO, "%s: cannot start a digest thread", name);
	}
	for (int i = 0; i < started; i++) {
		pthread_join(t[i], NULL);
		if (d[i].failed && rc == IP_OK)
			rc = ip_error_set(IP_E_IO, "%s: %s", name, d[i].error);
	}
	if (err && rc == IP_OK)
		rc = ip_error_set(IP_E_IO, "%s: read error: %s", name, strerror(err));
	return rc;
}

int ip_hash_fd(ip_digests *out, int fd, const char *name)
{
	memset(out, 0, sizeof(*out));
	/* Opened here, before the digest threads start. */
	const ip_libcrypto *c = ip_libcrypto_get();
	if (!c)
		return IP_E_IO;
	unsigned char *mem = malloc(IP_HASH_RING_BYTES);
	ring r;
	if (!mem || ring_init(&r, mem)) {
		free(mem);
		return ip_error_set(IP_E_IO, "%s: out of memory for the read buffers", name);
	}
	digester d[N_DIGESTS] = { { .c = c, .r = &r, .md = c->EVP_md5() },
				  { .c = c, .r = &r, .md = c->EVP_sha512() } };
	int rc = run_pipeline(&r, d, fd, name, out);
	if (rc == IP_OK) {
		to_hex(out->md5, d[0].out, d[0].out_len);
		to_hex(out->sha512, d[1].out, d[1].out_len);
	}
	ring_destroy(&r);
	free(mem);
	return rc;
}

int ip_hash_file(ip_digests *out, const char *path)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return ip_error_set(IP_E_IO, "%s: %s", path, strerror(errno));
	(void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	int rc = ip_hash_fd(out, fd, path);
	if (!is_stdin)
		close(fd);
	return rc;
}

static int one_shot(const ip_libcrypto *c, const EVP_MD *md, const void *data, size_t len,
		    char *hex)
{
	unsigned char buf[EVP_MAX_MD_SIZE];
	unsigned n = 0;
	if (c->EVP_Digest(data, len, buf, &n, md, NULL) != 1) {
		char msg[160];
		openssl_error(c, msg, sizeof(msg), c->EVP_MD_get0_name(md));
		return ip_error_set(IP_E_IO, "%s", msg);
	}
	to_hex(hex, buf, n);
	return IP_OK;
}

int ip_hash_buffer(ip_digests *out, const void *data, size_t len)
{
	memset(out, 0, sizeof(*out));
	out->size = len;
	const ip_libcrypto *c = ip_libcrypto_get();
	if (!c)
		return IP_E_IO;
	int rc = one_shot(c, c->EVP_md5(), data, len, out->md5);
	return rc ? rc : one_shot(c, c->EVP_sha512(), data, len, out->sha512);
}
