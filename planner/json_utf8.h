/* Printing a cJSON document as UTF-8, whatever bytes the captures held. */
#ifndef IOSPLAN_JSON_UTF8_H
#define IOSPLAN_JSON_UTF8_H

#include <cjson/cJSON.h>

/* cJSON_Print (or cJSON_PrintUnformatted when !pretty) with every byte
 * that starts no valid UTF-8 sequence replaced by U+FFFD: cJSON copies
 * capture bytes as they are and JSON must be UTF-8 (RFC 8259). All JSON
 * syntax is ASCII, so this cannot change the document's structure. Out of
 * memory aborts; the caller frees the result with free(). */
char *ip_json_print_utf8(const cJSON *doc, int pretty);

#endif
