/* Building cJSON documents from data that outlives them, without copies.
 *
 * The facts document is hundreds of nodes a device; cJSON_Add*ToObject
 * copies every key and cJSON_CreateString every value, and each node went
 * through four library calls: that was half of `facts --format json`
 * (callgrind, issue 10). These make the same nodes (a cJSON tree like any
 * other: cJSON_Print, cJSON_Delete and the cJSON_Add* functions work on
 * it) with the keys and strings pointed at, not copied.
 *
 * Ownership: nodes come from cJSON_malloc (or the pool below) and go with
 * cJSON_Delete of the root, which leaves keys and jb_ref strings alone;
 * jb_copy's copy is the document's. Keys are pointed at too: they must
 * outlive the document, and be string literals when a kept
 * ip_json_printer prints it (it remembers keys by address); jb_ref
 * strings must outlive the document. Out of memory aborts. */
#ifndef IOSPLAN_JSON_BUILD_H
#define IOSPLAN_JSON_BUILD_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "span.h"

/* Between these, every jb_* node (and jb_copy's copy) on this thread
 * comes from one pool that jb_pool_end frees at once: for a document
 * built, printed and dropped (facts: a fleet is hundreds of thousands of
 * nodes). cJSON's own allocator is not touched: build such a document
 * from jb_* nodes only (a cJSON_Create* node in it would leak), and do
 * not cJSON_Delete it. */
void jb_pool_begin(void);
void jb_pool_end(void);

cJSON *jb_object(void);
cJSON *jb_array(void);
cJSON *jb_null(void);
cJSON *jb_bool(bool b);
cJSON *jb_number(double d);
/* A string (null when s is NULL), s pointed at. */
cJSON *jb_ref(const char *s);
/* A string (null when s is NULL), s copied. */
cJSON *jb_copy(const char *s);
/* {"file", "line", "col", "end_line", "end_col"} (null when s is
 * unknown), the file name pointed at. */
cJSON *jb_span(ip_span s);
/* Append item to obj under key, pointed at (to an array when key is
 * NULL); returns item. */
cJSON *jb_add(cJSON *obj, const char *key, cJSON *item);

#endif
