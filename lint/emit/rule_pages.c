#include "rule_pages.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *ip_rule_page_path(const char *id)
{
	static const char *const beside_bin[] = {
		"../share/doc/iosplan/rules",
		"../docs/rules",
	};
	char exe[PATH_MAX], path[PATH_MAX + 128];
	/* A rule id is kebab-case: nothing in it may walk out of the folder. */
	if (!id || !*id || strchr(id, '/') || strstr(id, ".."))
		return NULL;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	for (size_t i = 0; i < sizeof(beside_bin) / sizeof(beside_bin[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s/%s.md", exe, beside_bin[i], id);
		if (access(path, R_OK) == 0)
			return realpath(path, NULL);
	}
	return NULL;
}
