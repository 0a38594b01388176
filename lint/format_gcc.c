/* One line per finding, for Vim's and Emacs's quickfix lists:
 *   file:line:col: error: message [rule-id]
 * A finding with no position in a file is given the device's name. */
#include <stdlib.h>

#include "format.h"

static void *begin(FILE *out, const ip_lint_result *r)
{
	(void)r;
	return out;
}

static void device(void *state, const ip_device_check *c)
{
	(void)state;
	(void)c;
}

static void finding(void *state, const ip_device_check *c, const ip_finding *f)
{
	FILE *out = state;
	if (ip_span_known(f->span))
		fprintf(out, "%s:%u:%u: ", f->span.file ? f->span.file : "<input>", f->span.line, f->span.col);
	else
		fprintf(out, "%s: ", c->dev->hostname.s ? c->dev->hostname.s : "<device>");
	fprintf(out, "%s: %s [%s]\n", ip_severity_name(f->severity), f->message, f->rule_id);
}

static void end(void *state)
{
	(void)state;
}

const ip_writer format_gcc = { "gcc", begin, device, finding, end };
