/* One line per finding, for Vim's and Emacs's quickfix lists:
 *   file:line:col: error: message [rule-id]
 * A finding with no position in a file is given the device's name. */
#include <stdlib.h>

#include "error.h"
#include "escape.h"
#include "format.h"

typedef struct gcc_state {
	FILE *out;
	ip_arena *a; /* escaped copies of capture text */
} gcc_state;

static void *begin(FILE *out, const ip_lint_result *r)
{
	(void)r;
	gcc_state *st = malloc(sizeof(*st));
	if (!st)
		ip_out_of_memory();
	*st = (gcc_state){ out, ip_arena_new() };
	return st;
}

static void device(void *state, const ip_device_check *c)
{
	(void)state;
	(void)c;
}

static void finding(void *state, const ip_device_check *c, const ip_finding *f)
{
	gcc_state *st = state;
	/* one line per finding, whatever a file name or message holds */
	if (ip_span_known(f->span))
		fprintf(st->out, "%s:%u:%u: ", f->span.file ? ip_esc_text(st->a, f->span.file) : "<input>",
			f->span.line, f->span.col);
	else
		fprintf(st->out, "%s: ", ip_device_name(c->dev) ? ip_esc_text(st->a, ip_device_name(c->dev)) : "<device>");
	fprintf(st->out, "%s: %s [%s]\n", ip_severity_name(f->severity), ip_esc_text(st->a, f->message),
		f->rule_id);
}

static void end(void *state)
{
	gcc_state *st = state;
	ip_arena_free(st->a);
	free(st);
}

const ip_writer format_gcc = { "gcc", begin, device, finding, end };
