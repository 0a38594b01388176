/* The one way iosplan loads YAML (rules.yaml, .iosplan.yaml, image
 * catalogues): one pass over libyaml's event stream that checks the limits
 * below and builds the document as it goes. (A separate check followed by
 * yaml_parser_load read every file twice: for `plan`, a fifth of its time.)
 *
 * libyaml's loader keeps an alias as a second reference to one node, so a
 * "billion laughs" file loads small; it is the walk over the loaded document
 * that visits (and copies) an aliased list once per alias. So aliases may
 * only name plain values, and the text they stand for is counted: past
 * IP_YAML_MAX_EXPANSION bytes the file is refused. Nesting deeper than
 * IP_YAML_MAX_DEPTH, more than one document, or a file over
 * IP_YAML_MAX_BYTES are refused too (docs/input.md, "Input limits"). */
#ifndef IOSPLAN_YAML_GUARD_H
#define IOSPLAN_YAML_GUARD_H

#include <stddef.h>
#include <yaml.h>

#define IP_YAML_MAX_BYTES (8u * 1024u * 1024u)
#define IP_YAML_MAX_DEPTH 64u
#define IP_YAML_MAX_ANCHORS 1000u
#define IP_YAML_MAX_EXPANSION (1024u * 1024u)

/* 0 when `text` is within the limits and well-formed YAML, with its
 * document in *doc (the caller yaml_document_delete()s it; an empty file
 * gives a document without a root node). Otherwise IP_E_CONFIG (or
 * IP_E_LIMIT for the size) with "name:line:col: error: ..." in
 * ip_error_last(), lines and columns from 1, and nothing to delete. Nodes
 * carry their marks as yaml_parser_load() sets them. */
int ip_yaml_load(yaml_document_t *doc, const char *name, const char *text, size_t len);

#endif
