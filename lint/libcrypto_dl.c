/* libcrypto opened on first use; see libcrypto_dl.h. */
#include "libcrypto_dl.h"

#include <pthread.h>

#include "dl_lib.h"
#include "error.h"
#include "iosplan_config.h"

static ip_dl_lib lib = { .soname = IOSPLAN_LIBCRYPTO_SONAME, .package = IOSPLAN_LIBCRYPTO_PACKAGE };
static ip_libcrypto table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	if (!ip_dl_lib_open(&lib))
		return;
#define IP_LIBCRYPTO_LOAD(name)                                                  \
	if (!(table.name = (__typeof__(table.name))ip_dl_lib_sym(&lib, #name))) \
		return;
	IP_LIBCRYPTO_FUNCTIONS(IP_LIBCRYPTO_LOAD)
#undef IP_LIBCRYPTO_LOAD
}

const ip_libcrypto *ip_libcrypto_get(void)
{
	pthread_once(&once, load);
	if (lib.failure[0]) {
		ip_error_set(IP_E_IO, "%s", lib.failure);
		return NULL;
	}
	return &table;
}
