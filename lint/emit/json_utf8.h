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
typedef struct ip_json_printer ip_json_printer;
ip_json_printer *ip_json_printer_new(int pretty);
const char *ip_json_printer_run(ip_json_printer *p, const cJSON *doc, size_t depth);
void ip_json_printer_free(ip_json_printer *p);

#endif
