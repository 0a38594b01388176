#include "arena.h"
#include "error.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Chunks grow geometrically so that a 50 MB capture does not make thousands
 * of small chunks, and a 2 KB capture does not reserve megabytes. */
#define CHUNK_MIN (16u * 1024u)
#define CHUNK_MAX (4u * 1024u * 1024u)

/* Chunks of 2 MiB and more are mapped 2 MiB-aligned and marked for
 * transparent huge pages: the first touch of each page is a fault, ~15 us
 * on the VMs iosplan was measured on, and a 52 MB session log touched
 * 4 KiB at a time spent more time in faults than in parsing (16 384
 * faults for 64 MiB: 250 ms; with huge pages 10-100 ms). */
#define HUGE_PAGE (2u * 1024u * 1024u)

struct chunk {
	struct chunk *next;
	size_t size;
	size_t used;
	size_t mapped; /* bytes mapped for it; 0: from malloc */
	_Alignas(max_align_t) unsigned char data[];
};

struct ip_arena {
	struct chunk *head;
	size_t next_size;
};

/* ip_out_of_memory() (error.h): exit 2 with a message, never abort(). */
#define out_of_memory ip_out_of_memory

ip_arena *ip_arena_new(void)
{
	ip_arena *a = calloc(1, sizeof(*a));
	if (!a)
		out_of_memory();
	a->next_size = CHUNK_MIN;
	return a;
}

ip_arena *ip_arena_new_sized(size_t chunk_size)
{
	ip_arena *a = ip_arena_new();
	if (chunk_size > a->next_size)
		a->next_size = chunk_size;
	return a;
}

void ip_arena_free(ip_arena *a)
{
	if (!a)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		if (c->mapped)
			munmap(c, c->mapped);
		else
			free(c);
		c = next;
	}
	free(a);
}

void ip_arena_adopt(ip_arena *dst, ip_arena *src)
{
	if (!src)
		return;
	struct chunk *first = src->head;
	if (first) {
		struct chunk *last = first;
		while (last->next)
			last = last->next;
		/* behind dst's head, which stays the chunk dst allocates from */
		if (dst->head) {
			last->next = dst->head->next;
			dst->head->next = first;
		} else {
			dst->head = first;
		}
	}
	free(src);
}

/* A chunk of at least `bytes` (header included) on whole huge pages, or
 * NULL if the system will not map it (then malloc is tried). */
static struct chunk *chunk_map(size_t bytes)
{
	size_t len = (bytes + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
	unsigned char *p = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	uintptr_t base = (uintptr_t)p;
	uintptr_t at = (base + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
	if (at > base)
		munmap(p, at - base);
	if (base + len + HUGE_PAGE > at + len)
		munmap((void *)(at + len), base + len + HUGE_PAGE - (at + len));
#ifdef MADV_HUGEPAGE
	madvise((void *)at, len, MADV_HUGEPAGE); /* advice: ignored where unsupported */
#endif
	struct chunk *c = (struct chunk *)at;
	c->mapped = len;
	c->size = len - sizeof(*c);
	return c;
}

static struct chunk *chunk_new(ip_arena *a, size_t need)
{
	size_t size = a->next_size;
	if (size < need)
		size = need;
	if (a->next_size < CHUNK_MAX)
		a->next_size *= 2;
	if (size > SIZE_MAX - sizeof(struct chunk) - HUGE_PAGE)
		out_of_memory();
	struct chunk *c = sizeof(struct chunk) + size >= HUGE_PAGE
		? chunk_map(sizeof(struct chunk) + size) : NULL;
	if (!c) {
		c = malloc(sizeof(*c) + size);
		if (!c)
			out_of_memory();
		c->mapped = 0;
		c->size = size;
	}
	c->used = 0;
	c->next = a->head;
	a->head = c;
	return c;
}

void *ip_arena_alloc_raw(ip_arena *a, size_t size)
{
	const size_t align = _Alignof(max_align_t);
	size = (size + align - 1) & ~(align - 1);
	if (size == 0)
		size = align;
	struct chunk *c = a->head;
	if (!c || c->size - c->used < size)
		c = chunk_new(a, size);
	void *p = c->data + c->used;
	c->used += size;
	return p;
}

void *ip_arena_alloc(ip_arena *a, size_t size)
{
	void *p = ip_arena_alloc_raw(a, size);
	memset(p, 0, size);
	return p;
}

char *ip_arena_strndup(ip_arena *a, const char *s, size_t n)
{
	char *p = ip_arena_alloc_raw(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *ip_arena_strdup(ip_arena *a, const char *s)
{
	return ip_arena_strndup(a, s, strlen(s));
}

char *ip_arena_vprintf(ip_arena *a, const char *fmt, va_list ap)
{
	/* one pass into a stack buffer for the common short text; a second,
	 * exactly sized, pass only when it did not fit */
	char small[256];
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n < 0) {
		va_end(again);
		return ip_arena_strdup(a, "");
	}
	char *p;
	if ((size_t)n < sizeof(small)) {
		p = ip_arena_strndup(a, small, (size_t)n);
	} else {
		p = ip_arena_alloc_raw(a, (size_t)n + 1);
		vsnprintf(p, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	return p;
}

char *ip_arena_printf(ip_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = ip_arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void *ip_arena_grow(ip_arena *a, void *array, size_t *cap, size_t need,
		    size_t elem_size)
{
	if (need <= *cap)
		return array;
	/* the first room: 8 small elements, fewer large ones (a device has one
	 * stack member far more often than eight, and zeroing 8 KiB for it
	 * cost more than the member's parsing) */
	size_t first = elem_size >= 512 ? 1 : 512 / elem_size < 8 ? 512 / elem_size : 8;
	size_t ncap = *cap ? *cap * 2 : first;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / elem_size)
		out_of_memory();
	/* the old elements are copied, only the new room is zeroed */
	unsigned char *n = ip_arena_alloc_raw(a, ncap * elem_size);
	size_t old = array ? *cap * elem_size : 0;
	if (old)
		memcpy(n, array, old);
	memset(n + old, 0, ncap * elem_size - old);
	*cap = ncap;
	return n;
}
