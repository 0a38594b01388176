/* UTF-8 validity, byte by byte. Capture text is never checked on input (a
 * Latin-1 file name is read as it is); what must be UTF-8 on output (JSON,
 * LSP positions) is decided here, the same way everywhere. */
#ifndef IOSPLAN_UTF8_H
#define IOSPLAN_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Length of the valid UTF-8 sequence at s (n > 0 bytes available), 0 when
 * the byte starts none: overlong forms, surrogates and code points past
 * U+10FFFF are invalid. */
size_t ip_utf8_seq_len(const unsigned char *s, size_t n);

/* Whether the n bytes at s are all valid UTF-8. */
bool ip_utf8_valid(const char *s, size_t n);

/* s itself when it is valid UTF-8, else a copy in the arena with every
 * byte that starts no valid sequence replaced by U+FFFD (for writers whose
 * library refuses anything else, such as libyaml's emitter). */
struct ip_arena;
const char *ip_utf8_or_fffd(struct ip_arena *a, const char *s);

#endif
