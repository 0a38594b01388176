/* The regression replay: a main() for a fuzz target in the ordinary build.
 *
 *   fuzz-replay-<target> PATH...
 *
 * Feeds every file under each PATH (directories recursively, in name order)
 * to LLVMFuzzerTestOneInput, exactly as libFuzzer would. An invariant
 * violation aborts, so the test fails under plain gcc, ASan and Valgrind
 * alike. A PATH that does not exist counts as empty (a target with no crash
 * found yet has no tests/regress/<target>/); no input at all is a failure. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static size_t replayed;

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return 1;
	}
	size_t cap = 1 << 16, len = 0, k;
	uint8_t *buf = malloc(cap);
	while (buf && (k = fread(buf + len, 1, cap - len, f)) > 0)
		if ((len += k) == cap)
			buf = realloc(buf, cap *= 2);
	fclose(f);
	if (!buf)
		abort();
	fprintf(stderr, "replay %s (%zu bytes)\n", path, len);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	replayed++;
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int replay_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return 0;
	if (!S_ISDIR(st.st_mode))
		return replay_file(path);
	struct dirent **v;
	int n = scandir(path, &v, NULL, by_name), rc = 0;
	for (int i = 0; i < n; i++) {
		if (v[i]->d_name[0] != '.' && strcmp(v[i]->d_name, "README.md") != 0) {
			char sub[4096];
			snprintf(sub, sizeof(sub), "%s/%s", path, v[i]->d_name);
			rc |= replay_path(sub);
		}
		free(v[i]);
	}
	free(v);
	return rc;
}

/* Targets that set up their process (fuzz_lsp.c) define this, as libFuzzer
 * expects; the others do not. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

int main(int argc, char **argv)
{
	int rc = 0;
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++)
		rc |= replay_path(argv[i]);
	fprintf(stderr, "%zu inputs replayed\n", replayed);
	return rc || replayed == 0;
}
