/* Parse and lint throughput: every file of a folder through the whole
 * reader (clean lines, sections, parsers, device assembly), one device set
 * per file as the audit does, then (second figure) the same plus every rule
 * and the boot simulator. Files are read into memory first, so the figures
 * are the CPU's, not the disk's.
 *
 *   bench_parse DIR [ROUNDS]                 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "device.h"
#include "engine.h"

typedef struct blob {
	char *name;
	char *data;
	size_t len;
} blob;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static blob *load_dir(const char *dir, size_t *n_out, size_t *bytes)
{
	DIR *d = opendir(dir);
	if (!d) {
		perror(dir);
		exit(2);
	}
	blob *v = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "rb");
		if (!f)
			continue;
		fseek(f, 0, SEEK_END);
		long sz = ftell(f);
		fseek(f, 0, SEEK_SET);
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			v = realloc(v, cap * sizeof(*v));
		}
		v[n].name = strdup(path);
		v[n].data = malloc((size_t)sz + 1);
		v[n].len = fread(v[n].data, 1, (size_t)sz, f);
		*bytes += v[n].len;
		n++;
		fclose(f);
	}
	closedir(d);
	*n_out = n;
	return v;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: bench_parse DIR [ROUNDS]\n", stderr);
		return 2;
	}
	int rounds = argc > 2 ? atoi(argv[2]) : 3;
	size_t n = 0, bytes = 0;
	blob *files = load_dir(argv[1], &n, &bytes);
	ip_check_config cfg;
	ip_check_config_defaults(&cfg);
	for (int lint = 0; lint <= 1; lint++) {
		double best = 1e30;
		size_t devices = 0, findings = 0;
		for (int r = 0; r < rounds; r++) {
			double t0 = now();
			devices = findings = 0;
			for (size_t i = 0; i < n; i++) {
				ip_device_set *set = ip_device_set_new();
				ip_capture *cap;
				if (ip_capture_from_buffer(&cap, set->arena, files[i].name, files[i].data, files[i].len) == 0)
					ip_device_set_add_captures(set, &cap, 1);
				devices += set->n;
				for (size_t d = 0; lint && d < set->n; d++) {
					ip_device_check ck;
					ip_check_device(&ck, set->arena, set->v[d], NULL, &cfg);
					findings += ck.n_findings;
				}
				ip_device_set_free(set);
			}
			double t = now() - t0;
			if (t < best)
				best = t;
		}
		printf("%s: %zu captures, %.1f MB, %zu devices, %zu findings, best of %d: %.3f s -> %.0f captures/s, %.1f MB/s\n",
		       lint ? "lint " : "parse", n, (double)bytes / 1e6, devices, findings, rounds, best,
		       (double)n / best, (double)bytes / 1e6 / best);
	}
	for (size_t i = 0; i < n; i++) {
		free(files[i].name);
		free(files[i].data);
	}
	free(files);
	return 0;
}
