/* libarchive opened on first use; see libarchive_dl.h. */
#include "libarchive_dl.h"

#include <pthread.h>

#include "dl_lib.h"
#include "error.h"
#include "iosplan_config.h"

static ip_dl_lib lib = { .soname = IOSPLAN_LIBARCHIVE_SONAME, .package = IOSPLAN_LIBARCHIVE_PACKAGE };
static ip_libarchive table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	if (!ip_dl_lib_open(&lib))
		return;
#define IP_LIBARCHIVE_LOAD(name)                                                  \
	if (!(table.name = (__typeof__(table.name))ip_dl_lib_sym(&lib, #name))) \
		return;
	IP_LIBARCHIVE_FUNCTIONS(IP_LIBARCHIVE_LOAD)
#undef IP_LIBARCHIVE_LOAD
}

const ip_libarchive *ip_libarchive_get(void)
{
	pthread_once(&once, load);
	if (lib.failure[0]) {
		ip_error_set(IP_E_IO, "%s", lib.failure);
		return NULL;
	}
	return &table;
}
