/* What the device CLI can be given as typed text (issue 18, point 13).
 *
 * A plan is pasted into a terminal or sent by Ansible line by line, so a
 * name that reaches a command must be something IOS reads as the same one
 * token, and a line must stay one line:
 * - no control byte: C0 (a line break is Enter, ^Z ends configuration
 *   mode, ^U erases the line, Tab completes), DEL, and the C1 controls
 *   U+0080..U+009F as UTF-8 (a terminal's CSI and OSC), nor any other
 *   byte above 0x7E: the IOS CLI is ASCII;
 * - no `?`: IOS shows help wherever a `?` is typed and keeps the line
 *   without it ("Help may be requested at any point in a command by
 *   entering a question mark", IOS's own `help` text), so `flash:a?b`
 *   would name `flash:ab`;
 * - a token has no space either (it would be two arguments).
 * Names are checked where they enter (catalogue, configuration, options,
 * captures), with the first offending byte in the message. */
#ifndef IOSPLAN_CLI_TOKEN_H
#define IOSPLAN_CLI_TOKEN_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ip_cli_kind {
	IP_CLI_TOKEN = 0, /* one argument: a file name, a server, a hostname */
	IP_CLI_LINE,      /* a whole command line: spaces allowed */
	IP_CLI_TEXT,      /* a comment or expected output: no control byte only */
} ip_cli_kind;

/* NULL when s (NUL-terminated) can be typed as a `kind`; else why not, in
 * `buf` ("byte 0x0A (a line break) at offset 3"). An empty token is
 * refused ("it is empty"). The reason names a byte and an offset, never
 * the text, so its length is bounded: n must be at least IP_CLI_WHY_SIZE. */
/* the longest reason: "byte 0xNN" (9), the longest name_of() (34),
 * " at offset " (11), a 64-bit offset (20) and the NUL: 75 */
#define IP_CLI_WHY_SIZE 96
const char *ip_cli_check(const char *s, ip_cli_kind kind, char *buf, size_t n);

#endif
