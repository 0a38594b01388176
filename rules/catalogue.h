/* The rule catalogue (rules/rules.yaml, compiled into the binary): what each
 * rule is for, in words. Loaded with libyaml; lines and columns from 1. */
#ifndef IOSPLAN_CATALOGUE_H
#define IOSPLAN_CATALOGUE_H

#include <stddef.h>
#include <stdint.h>

#include "engine.h"

typedef struct ip_rule_example {
	const char *capture; /* path relative to the source tree, or NULL */
	const char *target;  /* target image name, or NULL */
	const char *size;    /* target size in bytes, or NULL */
	const char *md5;     /* target reference MD5, or NULL */
	const char *catalog; /* an image catalogue (--catalog) giving the
			      * target's release facts, or NULL */
} ip_rule_example;

typedef struct ip_rule_doc {
	const char *id;
	ip_severity severity;
	const char *title;
	const char *rationale;
	const char *fix;
	const char **captures;
	size_t n_captures;
	ip_rule_example bad, good;
	uint32_t line; /* of the entry in rules.yaml */
} ip_rule_doc;

typedef struct ip_catalogue {
	ip_arena *arena;
	ip_rule_doc *v;
	size_t n, cap;
} ip_catalogue;

/* The catalogue compiled into the binary. Loaded once; never freed. */
const ip_catalogue *ip_catalogue_builtin(void);

/* Parse catalogue text; on error returns IP_E_CONFIG with
 * "name:line:col: error: ..." in ip_error_last(). Free with ip_catalogue_free. */
int ip_catalogue_parse(ip_catalogue **out, const char *name, const char *text, size_t len);
void ip_catalogue_free(ip_catalogue *c);

const ip_rule_doc *ip_catalogue_find(const ip_catalogue *c, const char *id);

#endif
