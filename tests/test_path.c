/* ip_path_split: a filesystem-qualified path as IOS prints it. */
#include <criterion/criterion.h>
#include <string.h>

#include "arena.h"
#include "device.h"
#include "parsers.h"

Test(path, splits_filesystem_and_path)
{
	static const struct {
		const char *text, *fs, *path;
	} rows[] = {
		{ "flash:c2960-lanbasek9-mz.152-7.E9.bin", "flash:", "c2960-lanbasek9-mz.152-7.E9.bin" },
		{ "flash:/c3560.bin", "flash:", "c3560.bin" },
		{ "FLASH0:/vios-adventerprisek9-m", "flash0:", "vios-adventerprisek9-m" },
		{ "flash:c2960l.152-7.E2/c2960l.152-7.E2.bin", "flash:", "c2960l.152-7.E2/c2960l.152-7.E2.bin" },
		{ "  \"bootflash:packages.conf\" ", "bootflash:", "packages.conf" },
		{ "c2960-lanbasek9-mz.152-7.E9.bin", NULL, "c2960-lanbasek9-mz.152-7.E9.bin" },
		/* a local path never keeps a leading '/', however many (the
		 * parsers fuzzer: "sptp:////c3750e-un" kept two) */
		{ "flash://c3750e.bin", "flash:", "c3750e.bin" },
		{ "sptp:////c3750e-un", "sptp:", "c3750e-un" },
		{ "flash:///", "flash:", "" },
		/* a URL keeps its host: callers split it from raw */
		{ "tftp://10.1.6.241//auto/cat3k.bin", "tftp:", "10.1.6.241//auto/cat3k.bin" },
	};
	ip_arena *a = ip_arena_new();
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		ip_path p;
		ip_path_split(&p, a, rows[i].text, strlen(rows[i].text));
		if (rows[i].fs)
			cr_expect_str_eq(p.filesystem, rows[i].fs, "%s", rows[i].text);
		else
			cr_expect_null(p.filesystem, "%s", rows[i].text);
		cr_expect_str_eq(p.path, rows[i].path, "%s", rows[i].text);
	}
	ip_arena_free(a);
}
