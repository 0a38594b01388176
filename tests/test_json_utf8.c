/* ip_json_print_utf8 prints what cJSON_Print / cJSON_PrintUnformatted
 * print, byte for byte, with every byte that starts no valid UTF-8 sequence
 * replaced by U+FFFD (lint/emit/json_utf8.c prints the document itself, for
 * speed). The reference here is that definition, written the slow way. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "json_utf8.h"
#include "utf8.h"

/* cJSON's text, then invalid bytes -> U+FFFD. */
static char *reference(const cJSON *doc, int pretty)
{
	char *text = pretty ? cJSON_Print(doc) : cJSON_PrintUnformatted(doc);
	cr_assert(text);
	size_t n = strlen(text), o = 0;
	char *out = malloc(3 * n + 1);
	for (size_t i = 0; i < n;) {
		size_t len = ip_utf8_seq_len((const unsigned char *)text + i, n - i);
		if (len) {
			memcpy(out + o, text + i, len);
			o += len;
			i += len;
		} else {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
		}
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

/* Documents as JSON text: layout, nesting, empty containers, escapes. */
static const char *const texts[] = {
	"{}",
	"[]",
	"null",
	"true",
	"\"\"",
	"{\"a\":{},\"b\":[],\"c\":[{}],\"d\":[[]]}",
	"[1,2,3,[4,[5,{\"x\":6}]],{\"y\":{\"z\":[true,false,null]}}]",
	"{\"esc\":\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f \\u007f /\"}",
	"{\"k\\ny\":\"v\",\"\":\"empty key\"}",
	"{\"utf8\":\"caf\\u00e9 \\u20ac \\ud83d\\ude00\"}",
	"[0,-0,1,-1,2147483647,-2147483648,2147483648,-2147483649,4294967296]",
	"[64016384,51331072,6102413312,999999999999999,1000000000000000,12345678901234567]",
	"[0.5,-0.25,1e-7,3.141592653589793,0.1,1e300,-1.5e-300,123456.789,2.5e15]",
	"{\"a\":1,\"b\":\"two\",\"c\":[3,{\"d\":null}],\"e\":{\"f\":{\"g\":{\"h\":[]}}}}",
};

IP_TABLE_PARAMS(json_utf8, text, texts)

ParameterizedTest(size_t *i, json_utf8, text)
{
	cJSON *doc = cJSON_Parse(texts[*i]);
	cr_assert(doc, "parse %s", texts[*i]);
	same_as_cjson(doc, texts[*i]);
	cJSON_Delete(doc);
}

/* Capture bytes that are not UTF-8, in values and keys: Latin-1, a lone
 * continuation byte, a truncated sequence before the closing quote, an
 * overlong form, a surrogate, past U+10FFFF. */
static const char *const raw_strings[] = {
	"caf\xe9.bin",
	"\x80",
	"abc\xe2\x82",
	"\xc0\xaf",
	"\xed\xa0\x80",
	"\xf4\x90\x80\x80",
	"ok \xe2\x82\xac and \xff",
	"\xc3",
};

IP_TABLE_PARAMS(json_utf8, invalid_bytes, raw_strings)

ParameterizedTest(size_t *i, json_utf8, invalid_bytes)
{
	cJSON *doc = cJSON_CreateObject();
	cJSON_AddStringToObject(doc, "name", raw_strings[*i]);
	cJSON_AddStringToObject(doc, raw_strings[*i], "as a key");
	cJSON *arr = cJSON_AddArrayToObject(doc, "list");
	cJSON_AddItemToArray(arr, cJSON_CreateString(raw_strings[*i]));
	same_as_cjson(doc, raw_strings[*i]);
	char *got = ip_json_print_utf8(doc, 1);
	cr_expect(ip_utf8_valid(got, strlen(got)), "output is UTF-8");
	free(got);
	cJSON_Delete(doc);
}

/* Items only the API makes: NaN and infinities (printed null), raw text,
 * a NULL string value, doubles past int and past 1e15. */
Test(json_utf8, api_items)
{
	cJSON *doc = cJSON_CreateArray();
	cJSON_AddItemToArray(doc, cJSON_CreateNumber(NAN));
	cJSON_AddItemToArray(doc, cJSON_CreateNumber(INFINITY));
	cJSON_AddItemToArray(doc, cJSON_CreateNumber(-INFINITY));
	cJSON_AddItemToArray(doc, cJSON_CreateRaw("{\"pre\": [1, 2]}"));
	cJSON_AddItemToArray(doc, cJSON_CreateRaw("\"raw caf\xe9\""));
	cJSON_AddItemToArray(doc, cJSON_CreateNumber(1e15 - 1));
	cJSON_AddItemToArray(doc, cJSON_CreateNumber(-1e15 + 1));
	cJSON_AddItemToArray(doc, cJSON_CreateNumber(1e15));
	cJSON_AddItemToArray(doc, cJSON_CreateNumber(9007199254740993.0));
	cJSON_AddItemToArray(doc, cJSON_CreateNumber(1.0 / 3.0));
	cJSON_AddItemToArray(doc, cJSON_CreateNumber(-0.0));
	cJSON *s = cJSON_CreateString("x");
	cJSON_free(s->valuestring);
	s->valuestring = NULL;
	cJSON_AddItemToArray(doc, s);
	same_as_cjson(doc, "api items");
	cJSON_Delete(doc);
}

/* An array printed one element at a time through a kept printer is the
 * same bytes as the array printed whole (facts streams a fleet this way),
 * for nested objects and arrays, pretty and compact, with the printer's
 * remembered keys reused from one element to the next. */
static cJSON *element(int i)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObjectCS(o, "hostname", cJSON_CreateString(i % 2 ? "R\xe9" : "R2"));
	cJSON_AddItemToObjectCS(o, "n", cJSON_CreateNumber(i));
	cJSON *a = cJSON_CreateArray();
	cJSON_AddItemToObjectCS(o, "list", a);
	for (int k = 0; k < i; k++) {
		cJSON *e = cJSON_CreateObject();
		cJSON_AddItemToObjectCS(e, "ok", cJSON_CreateBool(k % 2));
		cJSON_AddItemToArray(a, e);
	}
	cJSON_AddItemToObjectCS(o, "empty", cJSON_CreateObject());
	return o;
}

Test(json_utf8, printer_streams_an_array)
{
	for (int pretty = 0; pretty < 2; pretty++)
		for (int n = 2; n < 6; n++) {
			cJSON *whole = cJSON_CreateArray();
			for (int i = 0; i < n; i++)
				cJSON_AddItemToArray(whole, element(i));
			char *want = ip_json_print_utf8(whole, pretty);
			size_t cap = 1, len = 0;
			char *got = calloc(1, cap);
			ip_json_printer *pr = ip_json_printer_new(pretty);
			for (int pass = 0; pass < 2; pass++) { /* the printer reused */
				len = 0;
				got[0] = '\0';
				const char *parts[2 * 8 + 2];
				size_t np = 0;
				parts[np++] = "[";
				for (const cJSON *e = whole->child; e; e = e->next) {
					char *one = strdup(ip_json_printer_run(pr, e, 1));
					parts[np++] = one;
					parts[np++] = e->next ? (pretty ? ", " : ",") : "]";
				}
				for (size_t k = 0; k < np; k++) {
					size_t l = strlen(parts[k]);
					got = realloc(got, cap = len + l + 1);
					memcpy(got + len, parts[k], l + 1);
					len += l;
				}
				for (size_t k = 1; k < np; k += 2)
					free((char *)parts[k]);
				cr_assert_str_eq(got, want, "pretty %d, %d elements, pass %d", pretty, n, pass);
			}
			ip_json_printer_free(pr);
			free(got);
			free(want);
			cJSON_Delete(whole);
		}
}
