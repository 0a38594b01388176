/* The fast paths of facts JSON (issue 10): trees built with json_build.h
 * are cJSON trees like any other, and ip_json_print_utf8's word-at-a-time
 * strings and remembered keys print what cJSON_Print prints. */
#include <criterion/criterion.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_build.h"
#include "json_utf8.h"
#include "utf8.h"

/* cJSON's text, then invalid bytes -> U+FFFD (as tests/test_json_utf8.c). */
static char *reference(const cJSON *doc, int pretty)
{
	char *text = pretty ? cJSON_Print(doc) : cJSON_PrintUnformatted(doc);
	cr_assert(text);
	size_t n = strlen(text), o = 0;
	char *out = malloc(3 * n + 1);
	for (size_t i = 0; i < n;) {
		size_t len = ip_utf8_seq_len((const unsigned char *)text + i, n - i);
		memcpy(out + o, len ? text + i : "\xEF\xBF\xBD", len ? len : 3);
		o += len ? len : 3;
		i += len ? len : 1;
	}
	out[o] = '\0';
	cJSON_free(text);
	return out;
}

static void same_as_cjson(const cJSON *doc, const char *what)
{
	for (int pretty = 0; pretty <= 1; pretty++) {
		char *want = reference(doc, pretty), *got = ip_json_print_utf8(doc, pretty);
		cr_expect_str_eq(got, want, "%s (pretty %d)", what, pretty);
		free(want);
		free(got);
	}
}

/* Every length up to 3 words, one byte that is not plain at every place:
 * the 1-3 and 4-7 byte paths, whole words and the shifted tail. */
Test(json_build, string_fast_paths)
{
	static const char *const specials[] = { "\"", "\\", "\n", "\x01", "\x1f", "\t",
						"\xe9", "\xc3\xa9", "\xe2\x82\xac", "\x80", "\x7f", "~" };
	char s[40], what[80];
	for (size_t len = 0; len <= 24; len++)
		for (size_t sp = 0; sp < sizeof(specials) / sizeof(*specials); sp++)
			for (size_t at = 0; at <= len; at++) {
				size_t k = strlen(specials[sp]);
				memset(s, 'a' + (int)(len % 26), len);
				s[len] = '\0';
				if (at < len && at + k <= len)
					memcpy(s + at, specials[sp], k);
				cJSON *doc = cJSON_CreateObject();
				cJSON_AddStringToObject(doc, s, s); /* as key and value */
				cJSON_AddItemToObject(doc, "list", cJSON_CreateStringArray((const char *[]){ s, s }, 2));
				snprintf(what, sizeof(what), "length %zu, special %zu at %zu", len, sp, at);
				same_as_cjson(doc, what);
				cJSON_Delete(doc);
			}
}

/* Remembered keys: the same pointer many times, hundreds of keys (the
 * slots collide), keys longer than a slot, keys that need escapes. */
Test(json_build, keys_remembered)
{
	cJSON *doc = cJSON_CreateArray();
	char *keys[300];
	for (size_t i = 0; i < 300; i++) {
		keys[i] = malloc(48);
		size_t len = i % 40 + 1;
		for (size_t k = 0; k < len; k++)
			keys[i][k] = (char)('a' + (i + k) % 26);
		keys[i][len] = '\0';
		if (i % 7 == 0)
			keys[i][len / 2] = '"';
		if (i % 11 == 0)
			keys[i][0] = '\xff';
	}
	for (size_t round = 0; round < 3; round++) {
		cJSON *o = cJSON_CreateObject();
		for (size_t i = 0; i < 300; i++) {
			cJSON *v = cJSON_CreateNumber((double)i);
			cJSON_AddItemToObjectCS(o, keys[(i * 7 + round) % 300], v);
		}
		cJSON_AddItemToObjectCS(o, "line", cJSON_CreateObject());
		cJSON_AddItemToObjectCS(cJSON_GetObjectItem(o, "line"), "line", cJSON_CreateNull());
		cJSON_AddItemToArray(doc, o);
	}
	same_as_cjson(doc, "keys");
	cJSON_Delete(doc);
	for (size_t i = 0; i < 300; i++)
		free(keys[i]);
}

/* A key's text is remembered for one print only. */
Test(json_build, keys_forgotten_between_prints)
{
	char key[] = "first";
	cJSON *doc = cJSON_CreateObject();
	cJSON_AddItemToObjectCS(doc, key, cJSON_CreateTrue());
	char *a = ip_json_print_utf8(doc, 0);
	memcpy(key, "other", 5);
	char *b = ip_json_print_utf8(doc, 0);
	cr_expect_str_eq(a, "{\"first\":true}");
	cr_expect_str_eq(b, "{\"other\":true}");
	free(a);
	free(b);
	cJSON_Delete(doc);
}

static const double numbers[] = { 0.0, -0.0, 1.0, -1.0, 48.0, (double)INT_MAX, (double)INT_MAX + 1.0,
				  (double)INT_MIN, (double)INT_MIN - 1.0, 4294967296.0, 6102413312.0,
				  9007199254740992.0, 18446744073709551615.0, 0.5, 1e300 };

/* The same document made both ways. */
static cJSON *with_jb(const char *long_text)
{
	cJSON *o = jb_object();
	jb_add(o, "ref", jb_ref("name"));
	jb_add(o, "none", jb_ref(NULL));
	jb_add(o, "copy", jb_copy("caf\xe9"));
	jb_add(o, "long", jb_copy(long_text));
	jb_add(o, "yes", jb_bool(true));
	jb_add(o, "no", jb_bool(false));
	jb_add(o, "null", jb_null());
	jb_add(o, "empty", jb_object());
	cJSON *a = jb_add(o, "numbers", jb_array());
	for (size_t i = 0; i < sizeof(numbers) / sizeof(*numbers); i++)
		jb_add(a, NULL, jb_number(numbers[i]));
	return o;
}

static cJSON *with_cjson(const char *long_text)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "ref", "name");
	cJSON_AddNullToObject(o, "none");
	cJSON_AddStringToObject(o, "copy", "caf\xe9");
	cJSON_AddStringToObject(o, "long", long_text);
	cJSON_AddTrueToObject(o, "yes");
	cJSON_AddFalseToObject(o, "no");
	cJSON_AddNullToObject(o, "null");
	cJSON_AddObjectToObject(o, "empty");
	cJSON *a = cJSON_AddArrayToObject(o, "numbers");
	for (size_t i = 0; i < sizeof(numbers) / sizeof(*numbers); i++)
		cJSON_AddItemToArray(a, cJSON_CreateNumber(numbers[i]));
	return o;
}

static char *long_text(size_t n)
{
	char *t = malloc(n + 1);
	memset(t, 'x', n);
	t[n] = '\0';
	return t;
}

Test(json_build, same_tree_as_cjson)
{
	char *text = long_text(100);
	cJSON *a = with_jb(text), *b = with_cjson(text);
	cr_expect(cJSON_Compare(a, b, 1));
	cJSON *na = cJSON_GetObjectItem(a, "numbers"), *nb = cJSON_GetObjectItem(b, "numbers");
	for (int i = 0; i < cJSON_GetArraySize(na); i++)
		cr_expect_eq(cJSON_GetArrayItem(na, i)->valueint, cJSON_GetArrayItem(nb, i)->valueint, "valueint %d", i);
	char *pa = cJSON_PrintUnformatted(a), *pb = cJSON_PrintUnformatted(b);
	cr_expect_str_eq(pa, pb);
	cJSON_free(pa);
	cJSON_free(pb);
	same_as_cjson(a, "jb tree");
	/* cJSON's own functions on the tree: append (the first item's prev is
	 * the last), detach the last, delete (keys and refs left alone). */
	cJSON_AddItemToArray(na, cJSON_CreateString("appended"));
	cJSON_AddItemToObject(a, "added", cJSON_CreateNumber(1));
	cr_expect_str_eq(cJSON_GetArrayItem(na, cJSON_GetArraySize(na) - 1)->valuestring, "appended");
	cJSON_Delete(cJSON_DetachItemFromArray(na, cJSON_GetArraySize(na) - 1));
	cJSON_DeleteItemFromObject(a, "copy");
	cJSON_DeleteItemFromObject(b, "copy");
	cJSON_DeleteItemFromObject(a, "added");
	cr_expect(cJSON_Compare(a, b, 1));
	cJSON_Delete(a);
	cJSON_Delete(b);
	free(text);
}

/* A pooled document: many chunks' worth of nodes, a string larger than a
 * chunk; jb_pool_end frees all (ASan and Valgrind see no leak). */
Test(json_build, pool)
{
	char *text = long_text(200000);
	jb_pool_begin();
	cJSON *root = jb_array();
	for (size_t i = 0; i < 3000; i++)
		cJSON_AddItemToArray(root, with_jb(i % 1000 ? "short" : text));
	char *got = ip_json_print_utf8(root, 1);
	jb_pool_end();
	cJSON *root2 = cJSON_CreateArray();
	for (size_t i = 0; i < 3000; i++)
		cJSON_AddItemToArray(root2, with_cjson(i % 1000 ? "short" : text));
	char *want = reference(root2, 1);
	cr_expect(strcmp(got, want) == 0, "pooled document prints as cJSON's");
	cJSON_Delete(root2);
	free(want);
	free(got);
	free(text);
}

/* cJSON's own allocator is left alone while a pool is open (issue 19: the
 * global hooks were swapped to it): what cJSON allocates then is malloc's,
 * freed by free() and by cJSON_Delete after the pool is gone, on this
 * thread and on another one. Under the swap, free() of pool memory and the
 * cJSON_Delete of a pooled node after jb_pool_end fail under ASan and
 * Valgrind. */
static void *use_cjson(void *arg)
{
	(void)arg;
	void *p = cJSON_malloc(64);
	cr_assert_not_null(p);
	free(p);
	return NULL;
}

Test(json_build, pool_leaves_cjson_hooks_alone)
{
	jb_pool_begin();
	cJSON *kept = cJSON_CreateObject();
	cJSON_AddStringToObject(kept, "key", "value, copied by cJSON");
	use_cjson(NULL);
	pthread_t t;
	cr_assert_eq(pthread_create(&t, NULL, use_cjson, NULL), 0);
	cr_assert_eq(pthread_join(t, NULL), 0);
	jb_pool_end();
	char *text = ip_json_print_utf8(kept, 0);
	cr_expect_str_eq(text, "{\"key\":\"value, copied by cJSON\"}");
	free(text);
	cJSON_Delete(kept);
}

/* One escape for every JSON byte printed (issue 19): ip_json_string_escape,
 * which the printer uses and which json_utf8.h documents, writes cJSON's
 * bytes (U+FFFD for invalid bytes) into the room IP_JSON_STRING_MAX says.
 * audit's jsonl had its own escape before: "\u000d" for CR and "\u007f"
 * for DEL where lint and facts wrote "\r" and the byte (the CLI side is
 * tests/test_audit_cli.c). */
static const char *const escape_cases[] = {
	"",
	"plain ascii",
	"q\" b\\ \b\f\n\r\t \x01\x1f",
	"del \x7f here",
	"line sep \xe2\x80\xa8 para sep \xe2\x80\xa9",
	"caf\xe9 \x80 \xc3 \xed\xa0\x80 \xf4\x90\x80\x80",
	"\x1b[2J\x1b]0;owned\x07 \xc2\x9b" "1m",
	"\xe2\x82\xac \xf0\x9f\x98\x80",
};

static void escape_same(const char *s, const char *what)
{
	cJSON *node = cJSON_CreateString(s);
	size_t n = strlen(s), cap = IP_JSON_STRING_MAX(n);
	char *want = reference(node, 0), *printed = ip_json_print_utf8(node, 0), *esc = malloc(cap + 1);
	size_t len = ip_json_string_escape(esc, s, n);
	cr_assert_leq(len, cap, "%s", what);
	esc[len] = '\0';
	cr_expect_str_eq(printed, want, "printer: %s", what);
	cr_expect_str_eq(esc, want, "escape: %s", what);
	free(esc);
	free(printed);
	free(want);
	cJSON_Delete(node);
}

Test(json_build, one_escape)
{
	for (size_t i = 0; i < sizeof(escape_cases) / sizeof(*escape_cases); i++)
		escape_same(escape_cases[i], escape_cases[i]);
	/* every kind of byte, and the worst case of the room: 6 bytes a byte */
	char *long_s = malloc(1200);
	for (size_t i = 0; i < 1199; i++)
		long_s[i] = "a\"\\\r\x01\x7f\xe9\xff"[i % 8];
	long_s[1199] = '\0';
	escape_same(long_s, "1199 bytes");
	memset(long_s, '\x01', 1199);
	escape_same(long_s, "1199 control bytes");
	free(long_s);
}
