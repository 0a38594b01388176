/* Capture text made safe for the reader of each output kind, one function
 * per kind. Host names, file names, archive member names and messages that
 * quote them come from files nobody vouches for (issue 18, points 7, 17
 * and 20); every writer passes such text through the escaper of its kind,
 * never through a call-site copy of one.
 *
 *   text      terminals, logs, compiler-style lines (lint text and gcc,
 *             facts, plan and verify text, the audit table, stderr)
 *   markdown  inline text (headings, table cells, list items, prose), code
 *             spans, and the fence of a code block
 *   csv       one field of RFC 4180 CSV opened in a spreadsheet
 *
 * JSON, SARIF and YAML need none of this: their libraries escape, and
 * json_utf8.h makes the document valid UTF-8.
 *
 * Each function returns s itself when nothing needed escaping (nearly
 * always), else a copy in arena a; NULL for NULL. Backslashes are not
 * doubled: the forms below are for people to read, not to be decoded. */
#ifndef IOSPLAN_ESCAPE_H
#define IOSPLAN_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* Nothing a terminal acts on: C0 controls and DEL as \n, \r or \xNN (a tab
 * stays), C1 controls U+0080-U+009F (CSI, OSC, NEL...) and the characters
 * that reorder or break a line (bidi controls, U+2028/9) as \uNNNN, and
 * every byte that starts no valid UTF-8 sequence (a raw 0x9B is CSI to an
 * 8-bit terminal) as \xNN. The result is one line of valid UTF-8. */
const char *ip_esc_text(ip_arena *a, const char *s);

/* Markdown inline text: ip_esc_text's form, then every character that
 * CommonMark or GitHub's tables give a meaning to backslash-escaped (raw
 * HTML, links, images, emphasis, code, cell bars, headings, entities;
 * not a '_' inside a word, which cannot emphasise),
 * tabs as spaces, and the starts of GFM's bare-URL autolinks ("://",
 * "www.") broken, so no link to a web page reaches the ticket. */
const char *ip_esc_md(ip_arena *a, const char *s);

/* The planner's own sentences, which mark commands with backticks ("until
 * then `reload cancel` aborts it") and may quote names from captures:
 * each backtick pair becomes a code span (ip_esc_md_code), the rest plain
 * text (ip_esc_md), an unpaired backtick text. A name holding a backtick
 * can only shift which parts are code; every part is escaped either way. */
const char *ip_esc_md_prose(ip_arena *a, const char *s);

/* A whole Markdown code span, backticks included: ip_esc_text's form in a
 * fence one backtick longer than any run inside. In a table cell
 * (in_table) '|' is escaped too, code span or not (GFM). */
const char *ip_esc_md_code(ip_arena *a, const char *s, bool in_table);

/* A whole fenced code block of n lines, "```" line to "```" line, each
 * line in ip_esc_text's form (so no line break hides inside one) and the
 * fence one backtick longer than any run inside, so no line closes it.
 * Always a copy in the arena. */
const char *ip_esc_md_block(ip_arena *a, const char *const *lines, size_t n);

/* One CSV field: ip_esc_text's form (so the file is valid UTF-8 and one
 * record per line); a leading '=', '+', '-', '@', tab or CR, which makes
 * a spreadsheet evaluate the cell as a formula, neutralised with a leading
 * apostrophe (OWASP, "CSV Injection"); then quoted per RFC 4180 when it
 * holds a comma or a double quote (doubled). */
const char *ip_esc_csv(ip_arena *a, const char *s);

#endif
