/* Fuzz target: the capture reader and the section splitter.
 *
 * Input: any bytes, read as one capture file. Checks that the reader either
 * refuses the file with a message or returns clean lines (fuzz_check_capture),
 * and that the splitter's sections are in order, inside the capture, never
 * overlapping, each with a known command kind. Every typed command also goes
 * through ip_command_identify and the filter test. */
#include <string.h>

#include "error.h"
#include "fuzz.h"
#include "section.h"

static void check_section(const ip_capture *cap, const ip_section *s, uint32_t *prev_last)
{
	FUZZ_CHECK(s->cmd < IP_CMD__COUNT, "command kind %d", (int)s->cmd);
	FUZZ_CHECK(s->file == cap->path, "section of another file");
	FUZZ_CHECK(s->first_line >= 1 && s->first_line <= s->last_line, "lines %u-%u",
		   s->first_line, s->last_line);
	FUZZ_CHECK(s->last_line <= (cap->n_lines ? cap->n_lines : 1), "last line %u of %zu",
		   s->last_line, cap->n_lines);
	FUZZ_CHECK(s->first_line > *prev_last, "section at %u overlaps the one ending at %u",
		   s->first_line, *prev_last);
	*prev_last = s->last_line;
	if (s->n_lines) {
		FUZZ_CHECK(s->lines >= cap->lines && s->lines + s->n_lines <= cap->lines + cap->n_lines,
			   "section lines outside the capture");
		FUZZ_CHECK(s->lines[0].lineno >= s->first_line &&
				   s->lines[s->n_lines - 1].lineno <= s->last_line,
			   "output lines %u-%u outside the section %u-%u", s->lines[0].lineno,
			   s->lines[s->n_lines - 1].lineno, s->first_line, s->last_line);
	}
	FUZZ_CHECK(!s->prompt || s->prompt->lineno == s->first_line, "prompt is not the first line");
	FUZZ_CHECK(!s->prompt || s->hostname, "a prompt without its hostname");
	FUZZ_CHECK(ip_cmd_name(s->cmd) && ip_cmd_json_name(s->cmd), "unnamed command kind");
	(void)ip_section_filter_keeps(s, "boot system ");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ip_arena *a = ip_arena_new();
	ip_capture *cap = NULL;
	int rc = ip_capture_from_buffer(&cap, a, "fuzz.log", (const char *)data, size);
	if (rc) {
		FUZZ_CHECK(rc == IP_E_INPUT || rc == IP_E_LIMIT, "reader returned %d", rc);
		FUZZ_CHECK(strstr(ip_error_last(), "fuzz.log:") == ip_error_last(),
			   "refusal does not name the file: %s", ip_error_last());
		goto done;
	}
	fuzz_check_capture(cap);
	ip_diags diags = { .arena = a };
	ip_section *secs = NULL;
	size_t n = 0;
	rc = ip_sections_split(&secs, &n, a, cap, &diags);
	FUZZ_CHECK(rc == 0 || rc == IP_E_LIMIT, "splitter returned %d", rc);
	uint32_t prev_last = 0;
	for (size_t i = 0; rc == 0 && i < n; i++)
		check_section(cap, &secs[i], &prev_last);
	const ip_capture *caps[] = { cap };
	fuzz_check_diags(caps, 1, &diags);
	/* Every line as if typed after a prompt. */
	for (size_t i = 0; i < cap->n_lines && i < 256; i++) {
		ip_cmd cmd;
		const char *canonical = NULL, *arg = NULL, *filter = NULL;
		if (ip_command_identify(a, cap->lines[i].text, &cmd, &canonical, &arg, &filter))
			FUZZ_CHECK(cmd < IP_CMD__COUNT, "'%s' identified as %d", cap->lines[i].text,
				   (int)cmd);
	}
done:
	ip_arena_free(a);
	return 0;
}
