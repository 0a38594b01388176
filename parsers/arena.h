/* A bump allocator.
 *
 * Everything parsed from one set of captures (lines, sections, device
 * states, strings) lives in one arena and is freed at once with
 * ip_arena_free(). Nothing allocated from an arena is freed individually.
 * Allocation never returns NULL: on exhaustion of memory the program aborts
 * with a message, because a half-built device state is worse than none. */
#ifndef IOSPLAN_ARENA_H
#define IOSPLAN_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ip_arena ip_arena;

ip_arena *ip_arena_new(void);
/* One that starts with chunks of chunk_size bytes (still growing to the
 * usual largest) for one known to receive megabytes: growing from 16 KiB
 * costs a page fault per 4 KiB, huge chunks take huge pages. */
ip_arena *ip_arena_new_sized(size_t chunk_size);
void ip_arena_free(ip_arena *a);
/* Move everything src holds into dst and free src: what was allocated from
 * src now lives until ip_arena_free(dst). For work done on other threads,
 * each with its own arena (an arena is not thread-safe). */
void ip_arena_adopt(ip_arena *dst, ip_arena *src);

/* Zeroed, aligned for any type. */
void *ip_arena_alloc(ip_arena *a, size_t size);
/* The same, not zeroed: for buffers the caller fills whole (a file's bytes,
 * a copied string), where zeroing first is wasted work. */
void *ip_arena_alloc_raw(ip_arena *a, size_t size);
char *ip_arena_strndup(ip_arena *a, const char *s, size_t n);
char *ip_arena_strdup(ip_arena *a, const char *s);
/* Formatted text at its real length, however long: messages, fix commands
 * and plan lines name files whose names can be 64 KiB long, so nothing that
 * a person reads or pastes is built in a fixed-size buffer. */
char *ip_arena_printf(ip_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *ip_arena_vprintf(ip_arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Grow an arena-owned array of elem_size-byte elements so that it holds at
 * least need elements; *cap is updated. The old block is abandoned to the
 * arena (at most as much waste as the final array). */
void *ip_arena_grow(ip_arena *a, void *array, size_t *cap, size_t need,
		    size_t elem_size);

/* Append one element to an arena array: `IP_PUSH(arena, v, n, cap)` returns a
 * pointer to the new zeroed slot v[n-1]. */
#define IP_PUSH(arena, v, n, cap)                                            \
	((v) = ip_arena_grow((arena), (v), &(cap), (n) + 1, sizeof(*(v))),   \
	 &(v)[(n)++])

#endif
