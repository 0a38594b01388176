/* Limits on the YAML iosplan reads (rules.yaml, .iosplan.yaml, image
 * catalogues), checked on the event stream before the document is loaded.
 *
 * libyaml's loader keeps an alias as a second reference to one node, so a
 * "billion laughs" file loads small; it is the walk over the loaded document
 * that visits (and copies) an aliased list once per alias. So aliases may
 * only name plain values, and the text they stand for is counted: past
 * IP_YAML_MAX_EXPANSION bytes the file is refused. Nesting deeper than
 * IP_YAML_MAX_DEPTH, more than one document, or a file over
 * IP_YAML_MAX_BYTES are refused too (README "Input limits"). */
#ifndef IOSPLAN_YAML_GUARD_H
#define IOSPLAN_YAML_GUARD_H

#include <stddef.h>

#define IP_YAML_MAX_BYTES (8u * 1024u * 1024u)
#define IP_YAML_MAX_DEPTH 64u
#define IP_YAML_MAX_ANCHORS 1000u
#define IP_YAML_MAX_EXPANSION (1024u * 1024u)

/* 0 when `text` is within the limits and well-formed YAML; otherwise
 * IP_E_CONFIG (or IP_E_LIMIT for the size) with "name:line:col: error: ..."
 * in ip_error_last(), lines and columns from 1. */
int ip_yaml_guard(const char *name, const char *text, size_t len);

#endif
