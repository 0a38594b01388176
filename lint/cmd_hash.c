/* iosplan hash [--format text|json] FILE...
 *
 * MD5 and SHA-512 of each file in one read pass, to compare with the hashes
 * Cisco publishes and with `verify /md5` on the device. Text output is two
 * md5sum-style lines per file (the MD5 line, then the SHA-512 line), so
 * that `md5sum -c` and `sha512sum -c` each find their own lines:
 *
 *   410db2a7015eaa42b1fe71f1bf3d59a2  isr4300-universalk9.16.12.04.SPA.bin
 *   6f3c…(128 hex)…  isr4300-universalk9.16.12.04.SPA.bin
 *
 * As md5sum does, a name holding a newline or a backslash is printed
 * escaped, with a backslash before the line. Exit 0 when every file was
 * hashed, 2 when any could not be read (the others are still printed). */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "error.h"
#include "hash.h"
#include "json_utf8.h"
#include "libcrypto_dl.h"

#define IOSPLAN_HASH_FORMAT_VERSION 1

static const char *const formats[] = { "text", "json", NULL };
enum { FMT_TEXT, FMT_JSON };

static void usage(FILE *out)
{
	fputs("usage: iosplan hash [--format text|json] FILE...\n"
	      "  Print the MD5 and SHA-512 of each file (one read pass), md5sum-style.\n"
	      "  FILE may be '-' for standard input.\n"
	      "  exit: 0 all hashed, 2 usage error or a file that cannot be read\n", out);
}

static void print_line(const char *hex, const char *name)
{
	bool escape = strpbrk(name, "\\\n") != NULL;
	if (escape)
		putchar('\\');
	fputs(hex, stdout);
	fputs("  ", stdout);
	for (const char *p = name; *p; p++) {
		if (escape && *p == '\\')
			fputs("\\\\", stdout);
		else if (escape && *p == '\n')
			fputs("\\n", stdout);
		else
			putchar(*p);
	}
	putchar('\n');
}

static cJSON *file_json(const char *name, const ip_digests *d, const char *error)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "file", name);
	if (error) {
		cJSON_AddStringToObject(o, "error", error);
		return o;
	}
	cJSON_AddNumberToObject(o, "size", (double)d->size);
	cJSON_AddStringToObject(o, "md5", d->md5);
	cJSON_AddStringToObject(o, "sha512", d->sha512);
	return o;
}

static int hash_all(int fmt, char **files, int n)
{
	int rc = EXIT_CLEAN;
	cJSON *root = NULL, *arr = NULL;
	if (fmt == FMT_JSON) {
		root = cJSON_CreateObject();
		cJSON_AddNumberToObject(root, "version", IOSPLAN_HASH_FORMAT_VERSION);
		arr = cJSON_AddArrayToObject(root, "files");
	}
	for (int i = 0; i < n; i++) {
		ip_digests d;
		bool ok = ip_hash_file(&d, files[i]) == IP_OK;
		if (!ok) {
			fprintf(stderr, "iosplan hash: error: %s\n", ip_error_last());
			rc = EXIT_INPUT;
		}
		if (fmt == FMT_JSON) {
			cJSON_AddItemToArray(arr, file_json(files[i], &d, ok ? NULL : ip_error_last()));
		} else if (ok) {
			print_line(d.md5, files[i]);
			print_line(d.sha512, files[i]);
		}
		/* the writer contract (cli.h): once stdout fails, the files left
		 * (gigabytes each) are not read for nothing; main says why */
		if (fflush(stdout) || ferror(stdout)) {
			rc = EXIT_INPUT;
			break;
		}
	}
	if (root) {
		char *s = ip_json_print_utf8(root, 1); /* file names need not be UTF-8 */
		if (puts(s) < 0)
			rc = EXIT_INPUT;
		free(s);
		cJSON_Delete(root);
	}
	return rc;
}

int cmd_hash(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int fmt = FMT_TEXT, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		if (c == 'f' && (fmt = cli_format_index("hash", optarg, formats)) < 0)
			return EXIT_INPUT;
		if (c == 'h') {
			usage(stdout);
			return EXIT_CLEAN;
		}
		if (c == '?') {
			usage(stderr);
			return EXIT_INPUT;
		}
	}
	if (optind >= argc) {
		fputs("iosplan hash: error: no file given\n", stderr);
		usage(stderr);
		return EXIT_INPUT;
	}
	/* Once, not once per file: libcrypto is opened on first use. */
	if (!ip_libcrypto_get()) {
		fprintf(stderr, "iosplan: error: %s\n", ip_error_last());
		return EXIT_INPUT;
	}
	return hash_all(fmt, argv + optind, argc - optind);
}
