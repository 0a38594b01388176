/* Shared libraries opened on first use (dlopen) instead of at start-up.
 *
 * Linking libarchive (which pulls libxml2, ICU, libstdc++, nettle and five
 * compressors) and libcrypto made the dynamic loader relocate all of them
 * before main(): ~10 ms, most of every short command's run time. Only
 * `iosplan audit` on an archive needs libarchive, and only hashing and the
 * codeclimate fingerprint need libcrypto, so each is opened, by the soname
 * iosplan_config.h names, the first time it is needed (lint/libarchive_dl.h,
 * lint/libcrypto_dl.h). The headers are still the real ones: the function
 * types are checked against them at compile time.
 *
 * A library that cannot be opened (a broken install) fails with
 * "cannot load SONAME (why): install PACKAGE", exit code 2. */
#ifndef IOSPLAN_DL_LIB_H
#define IOSPLAN_DL_LIB_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ip_dl_lib {
	const char *soname;  /* "libarchive.so.13" */
	const char *package; /* what installs it: "libarchive13" */
	void *handle;        /* never closed: the library stays for the process */
	char failure[512];   /* the message when it could not be loaded, else "" */
} ip_dl_lib;

/* dlopen(lib->soname); false, with lib->failure set, when it cannot be. */
bool ip_dl_lib_open(ip_dl_lib *lib);

/* The address of `name` in the opened library; NULL, with lib->failure
 * set, when it lacks it (a library too old for the headers). */
void *ip_dl_lib_sym(ip_dl_lib *lib, const char *name);

/* Print "iosplan: error: " and ip_error_last(), exit 2 at once: for the
 * audit's walk, which meets its first archive with worker threads running
 * and has no error path up to the command (a missing library is the
 * install's fault, not one input's). */
_Noreturn void ip_dl_lib_die(void);

#endif
