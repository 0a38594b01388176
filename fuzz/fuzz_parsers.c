/* Fuzz target: every section parser, through ip_section_parse.
 *
 * Input: one selector byte, then a capture. The capture reader cleans the
 * text (parsers are promised clean lines), and the whole capture becomes one
 * section of the command the selector names: (byte & 0x7f) modulo the number
 * of kinds is the ip_cmd, so every parser is reached (the RANCID and
 * Oxidized comment blocks and the post-change tables too). With bit 0x80
 * set the first line is the typed command instead ("show flash0:",
 * "sh run | i boot"), identified as a prompt line would be, so the argument
 * and filter paths are fuzzed too. The section is parsed twice into the
 * same device (a later capture of a command supersedes an
 * earlier one), then the device and diagnostics are checked. */
#include "error.h"
#include "fuzz.h"
#include "parsers.h"
#include "section.h"

static void build_section(ip_section *s, ip_arena *a, const ip_capture *cap, uint8_t sel)
{
	s->file = cap->path;
	s->cmd = (ip_cmd)((sel & 0x7f) % IP_CMD__COUNT);
	s->inferred = true;
	s->canonical = ip_cmd_name(s->cmd);
	s->lines = cap->lines;
	s->n_lines = cap->n_lines;
	s->first_line = 1;
	s->last_line = cap->n_lines ? (uint32_t)cap->n_lines : 1;
	if (!(sel & 0x80) || cap->n_lines == 0)
		return;
	ip_cmd typed;
	const char *canonical, *arg, *filter;
	if (ip_command_identify(a, cap->lines[0].text, &typed, &canonical, &arg, &filter)) {
		if (typed != IP_CMD_OTHER && typed != IP_CMD_UNKNOWN)
			s->cmd = typed;
		s->canonical = canonical ? canonical : s->canonical;
		s->arg = arg;
		s->filter = filter;
	}
	s->inferred = false;
	s->command = cap->lines[0].text;
	s->hostname = "R1";
	s->prompt = &cap->lines[0];
	s->lines = cap->lines + 1;
	s->n_lines = cap->n_lines - 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	ip_arena *a = ip_arena_new();
	ip_capture *cap = NULL;
	if (ip_capture_from_buffer(&cap, a, "fuzz.log", (const char *)data + 1, size - 1))
		goto done;
	ip_section sec = { 0 };
	build_section(&sec, a, cap, data[0]);
	ip_diags diags = { .arena = a };
	ip_parse_ctx ctx = { a, &diags, NULL, 0 };
	ip_device *dev = ip_arena_alloc(a, sizeof(*dev));
	dev->key = "";
	for (int pass = 0; pass < 2; pass++) {
		int rc = ip_section_parse(dev, &sec, &ctx);
		FUZZ_CHECK(rc == 0, "%s parser returned %d: %s", ip_cmd_name(sec.cmd), rc,
			   ip_error_last());
	}
	const ip_capture *caps[] = { cap };
	fuzz_check_device(caps, 1, dev);
	fuzz_check_diags(caps, 1, &diags);
done:
	ip_arena_free(a);
	return 0;
}
