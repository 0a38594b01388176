/* iosplan --version: the program's version, then the libraries this binary
 * runs with, asked at run time (a Debian package or a rebuilt library may
 * differ from the headers it was compiled against):
 *
 *   iosplan 0.1.0
 *   libyaml 0.2.5
 *   PCRE2 10.42 2022-12-11 (JIT: yes)
 *   cJSON 1.7.15
 *   OpenSSL 3.0.17 1 Jul 2025
 *   libarchive 3.6.2 zlib/1.2.13 liblzma/5.4.1 ...
 *
 * libcrypto and libarchive are opened on first use (dl_lib.h): this opens
 * them, and says so when one cannot be, exit 2: the install is broken. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <cjson/cJSON.h>
#include <pcre2.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "cli.h"
#include "commands.h"
#include "error.h"
#include "iosplan_config.h"
#include "libcrypto_dl.h"

#if IOSPLAN_HAVE_LIBARCHIVE
#include "libarchive_dl.h"
#endif

static void print_pcre2(FILE *out)
{
	char ver[64] = "unknown";
	uint32_t jit = 0;
	if (pcre2_config(PCRE2_CONFIG_VERSION, ver) < 0)
		strcpy(ver, "unknown");
	if (pcre2_config(PCRE2_CONFIG_JIT, &jit) < 0)
		jit = 0;
	fprintf(out, "PCRE2 %s (JIT: %s)\n", ver, jit ? "yes" : "no");
}

/* The line a library that cannot be opened gets, and its error. */
static int print_unloaded(const char *lib)
{
	printf("%s: not loaded\n", lib);
	fprintf(stderr, "iosplan: error: %s\n", ip_error_last());
	return EXIT_INPUT;
}

int cmd_version(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		fputs("usage: iosplan --version\n", stderr);
		return EXIT_INPUT;
	}
	printf("iosplan %s\n", IOSPLAN_VERSION);
	printf("libyaml %s\n", yaml_get_version_string());
	print_pcre2(stdout);
	printf("cJSON %s\n", cJSON_Version());
	int rc = EXIT_CLEAN;
	/* OpenSSL_version(OPENSSL_VERSION) already starts with "OpenSSL ". */
	const ip_libcrypto *c = ip_libcrypto_get();
	if (c)
		printf("%s\n", c->OpenSSL_version(OPENSSL_VERSION));
	else
		rc = print_unloaded("OpenSSL");
#if IOSPLAN_HAVE_LIBARCHIVE
	const ip_libarchive *la = ip_libarchive_get();
	if (la)
		printf("%s\n", la->archive_version_details());
	else
		rc = print_unloaded("libarchive");
#else
	puts("libarchive: not built in (archives in iosplan audit are not read)");
#endif
	return rc;
}
