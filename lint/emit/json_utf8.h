/* Printing a cJSON document as UTF-8, whatever bytes the captures held. */
#ifndef IOSPLAN_JSON_UTF8_H
#define IOSPLAN_JSON_UTF8_H

#include <cjson/cJSON.h>
#include <stddef.h>

/* cJSON_Print (or cJSON_PrintUnformatted when !pretty) with every byte
 * that starts no valid UTF-8 sequence replaced by U+FFFD: cJSON copies
 * capture bytes as they are and JSON must be UTF-8 (RFC 8259). All JSON
 * syntax is ASCII, so this cannot change the document's structure. Out of
 * memory aborts; the caller frees the result with free(). */
char *ip_json_print_utf8(const cJSON *doc, int pretty);

/* A printer kept across documents, for a long array printed one element
 * at a time (the same bytes as printing it whole, in constant memory):
 * run() prints doc as if nested `depth` levels deep (an array's element is
 * at depth 1) into the printer's buffer, valid until the next run. Object
 * keys' printed text is remembered by the key's address across runs, so a
 * printer serves only documents whose keys are string literals. */
/* The one string escape of every JSON byte iosplan prints (this printer,
 * and audit's jsonl lines, which are written as they go): s[0..n) as a
 * JSON string, quotes included, into dst, which has IP_JSON_STRING_MAX(n)
 * bytes (the bytes past the returned length are scratch). Returns the
 * length written. The policy, decided here only:
 *   - '"', '\\' and \b \f \n \r \t get their short escapes, the other
 *     bytes under 0x20 "\u00XX" in lower-case hex: cJSON's bytes, which
 *     every golden holds;
 *   - DEL (0x7f) and every valid UTF-8 sequence are copied: JSON needs no
 *     escape for them (RFC 8259 section 7);
 *   - U+2028 and U+2029 are copied too: they are valid in JSON text (RFC
 *     8259; ECMAScript 2019 made them valid in string literals as well), and
 *     what reads our output is a JSON parser, not eval();
 *   - a byte that starts no valid UTF-8 sequence becomes U+FFFD: JSON text
 *     is UTF-8 (RFC 8259 section 8.1) and captures are not. */
#define IP_JSON_STRING_MAX(n) (6 * (size_t)(n) + 2 + 8)
size_t ip_json_string_escape(char *dst, const char *s, size_t n);

typedef struct ip_json_printer ip_json_printer;
ip_json_printer *ip_json_printer_new(int pretty);
const char *ip_json_printer_run(ip_json_printer *p, const cJSON *doc, size_t depth);
void ip_json_printer_free(ip_json_printer *p);

#endif
