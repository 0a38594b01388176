/* See json_utf8.h. */
#include "json_utf8.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

char *ip_json_print_utf8(const cJSON *doc, int pretty)
{
	char *text = pretty ? cJSON_Print(doc) : cJSON_PrintUnformatted(doc);
	if (!text)
		abort(); /* out of memory, as everywhere in iosplan */
	size_t n = strlen(text);
	if (ip_utf8_valid(text, n)) {
		char *copy = malloc(n + 1);
		if (!copy)
			abort();
		memcpy(copy, text, n + 1);
		cJSON_free(text);
		return copy;
	}
	char *out = malloc(3 * n + 1);
	if (!out)
		abort();
	size_t o = 0;
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
