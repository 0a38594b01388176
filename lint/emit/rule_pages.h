/* Where a rule's page is (docs/rules/meson.build generates one per rule):
 * the first readable of
 *   <bindir>/../share/doc/iosplan/rules/<id>.md   an installed iosplan
 *   <bindir>/../docs/rules/<id>.md                a build tree (lint/iosplan)
 * `iosplan explain` prints it, SARIF's helpUri and the language server's
 * links point at it. */
#ifndef IOSPLAN_RULE_PAGES_H
#define IOSPLAN_RULE_PAGES_H

/* The page's absolute, resolved path, or NULL when there is none. The
 * caller frees it. */
char *ip_rule_page_path(const char *id);

#endif
