/* Opening a library on first use; see dl_lib.h. */
#include "dl_lib.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "error.h"

static void failed(ip_dl_lib *lib, const char *why)
{
	snprintf(lib->failure, sizeof(lib->failure), "cannot load %s (%s): install %s",
		 lib->soname, why ? why : "unknown error", lib->package);
}

bool ip_dl_lib_open(ip_dl_lib *lib)
{
	/* RTLD_LAZY: libarchive drags ICU and libstdc++ in, whose functions
	 * RTLD_NOW would all bind up front though a few dozen are called
	 * (--version: 10.8 M instructions with RTLD_NOW, 8.9 M without; the
	 * rest is their data relocations). RTLD_LOCAL: its symbols are
	 * reached through our table only, and interpose on nothing. */
	lib->handle = dlopen(lib->soname, RTLD_LAZY | RTLD_LOCAL);
	if (!lib->handle)
		failed(lib, dlerror());
	return lib->handle != NULL;
}

void *ip_dl_lib_sym(ip_dl_lib *lib, const char *name)
{
	dlerror();
	void *p = dlsym(lib->handle, name);
	if (!p) {
		char why[256];
		const char *e = dlerror();
		snprintf(why, sizeof(why), "%s", e ? e : name);
		failed(lib, why);
	}
	return p;
}

_Noreturn void ip_dl_lib_die(void)
{
	fprintf(stderr, "iosplan: error: %s\n", ip_error_last());
	fflush(stderr);
	/* _exit, not exit: other threads are running, and half a report is
	 * worth nothing. */
	_exit(EXIT_INPUT);
}
