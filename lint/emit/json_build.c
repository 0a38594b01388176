/* See json_build.h. The links are cJSON 1.7's: parent->child is the first
 * item, each item's prev the one before it and the first item's prev the
 * last, so that cJSON_AddItemToArray appends in O(1) to these trees too. */
#include "json_build.h"
#include "error.h"

#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* The pool: chunks bumped through, the newest first. A request larger
 * than a quarter chunk gets a chunk of its own, linked behind the newest,
 * which stays open. */
#define POOL_CHUNK (64u * 1024u)

struct chunk {
	struct chunk *next;
	_Alignas(max_align_t) char data[];
};

/* Per thread: a pooled document is built and printed on one thread, and
 * nothing global (cJSON's hooks included) changes while it lives. */
static _Thread_local struct pool {
	bool active;
	struct chunk *head;
	size_t used, size; /* of head */
} pool;

static void *pool_alloc(size_t n)
{
	const size_t align = _Alignof(max_align_t);
	n = (n + align - 1) & ~(align - 1);
	if (pool.head && pool.size - pool.used >= n) {
		void *p = pool.head->data + pool.used;
		pool.used += n;
		return p;
	}
	bool own = n > POOL_CHUNK / 4;
	struct chunk *c = malloc(sizeof(*c) + (own ? n : POOL_CHUNK));
	if (!c)
		ip_out_of_memory(); /* out of memory, as everywhere in iosplan */
	if (own && pool.head) {
		c->next = pool.head->next;
		pool.head->next = c;
		return c->data;
	}
	c->next = pool.head;
	pool.head = c;
	pool.used = n;
	pool.size = own ? n : POOL_CHUNK;
	return c->data;
}

/* cJSON's hooks are left alone (issue 19): swapping them made every cJSON
 * call in the process, on any thread, allocate from this pool. Only the
 * jb_* constructors below take from it. */
void jb_pool_begin(void)
{
	pool = (struct pool){ .active = true };
}

void jb_pool_end(void)
{
	for (struct chunk *c = pool.head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	pool = (struct pool){ 0 };
}

static cJSON *node(int type)
{
	cJSON *n = pool.active ? pool_alloc(sizeof(*n)) : cJSON_malloc(sizeof(*n));
	if (!n)
		ip_out_of_memory(); /* out of memory, as everywhere in iosplan */
	*n = (cJSON){ .type = type };
	return n;
}

cJSON *jb_object(void)
{
	return node(cJSON_Object);
}

cJSON *jb_array(void)
{
	return node(cJSON_Array);
}

cJSON *jb_null(void)
{
	return node(cJSON_NULL);
}

cJSON *jb_bool(bool b)
{
	return node(b ? cJSON_True : cJSON_False);
}

/* valueint as cJSON_CreateNumber sets it (saturated), for readers that use it. */
cJSON *jb_number(double d)
{
	cJSON *n = node(cJSON_Number);
	n->valuedouble = d;
	n->valueint = d >= INT_MAX ? INT_MAX : d <= (double)INT_MIN ? INT_MIN : (int)d;
	return n;
}

cJSON *jb_span(ip_span s)
{
	if (!ip_span_known(s))
		return jb_null();
	cJSON *o = jb_object();
	jb_add(o, "file", jb_ref(s.file));
	jb_add(o, "line", jb_number(s.line));
	jb_add(o, "col", jb_number(s.col));
	jb_add(o, "end_line", jb_number(s.end_line));
	jb_add(o, "end_col", jb_number(s.end_col));
	return o;
}

cJSON *jb_ref(const char *s)
{
	if (!s)
		return jb_null();
	cJSON *n = node(cJSON_String | cJSON_IsReference);
	n->valuestring = (char *)s; /* never written: IsReference */
	return n;
}

cJSON *jb_copy(const char *s)
{
	if (!s)
		return jb_null();
	size_t len = strlen(s) + 1;
	char *copy = pool.active ? pool_alloc(len) : cJSON_malloc(len);
	if (!copy)
		ip_out_of_memory();
	memcpy(copy, s, len);
	cJSON *n = node(cJSON_String);
	n->valuestring = copy;
	return n;
}

cJSON *jb_add(cJSON *obj, const char *key, cJSON *item)
{
	if (key) {
		item->string = (char *)key; /* never written: StringIsConst */
		item->type |= cJSON_StringIsConst;
	}
	cJSON *first = obj->child;
	if (!first) {
		obj->child = item;
		item->prev = item;
	} else {
		cJSON *last = first->prev;
		last->next = item;
		item->prev = last;
		first->prev = item;
	}
	return item;
}
