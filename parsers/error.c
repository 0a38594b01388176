#include "error.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The message at its real length: it names files by their whole path and
 * quotes input, and a cut path names another file. Each thread's text is
 * malloc'd and owned by its slot; the key's destructor frees it when the
 * thread ends (audit's workers), the process's own at exit by the OS. */
static _Thread_local char *message;
static _Thread_local int last_code;
static pthread_key_t owner;
static pthread_once_t owner_once = PTHREAD_ONCE_INIT;

static void owner_make(void)
{
	if (pthread_key_create(&owner, free) != 0)
		ip_out_of_memory();
}

int ip_error_set(int code, const char *fmt, ...)
{
	/* formatted before the old text is freed: callers may pass
	 * ip_error_last() as an argument */
	char *text = NULL;
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) < 0)
		ip_out_of_memory();
	va_end(ap);
	pthread_once(&owner_once, owner_make);
	free(message);
	message = text;
	pthread_setspecific(owner, text);
	last_code = code;
	return code;
}

const char *ip_error_last(void) { return message && *message ? message : "unknown error"; }
int ip_error_last_code(void) { return last_code; }

void ip_error_clear(void)
{
	if (message)
		*message = '\0';
	last_code = 0;
}

_Noreturn void ip_out_of_memory(void)
{
	static const char msg[] = "iosplan: error: out of memory\n";
	/* write(2), not stdio: it allocates nothing and takes no lock */
	ssize_t w = write(STDERR_FILENO, msg, sizeof(msg) - 1);
	(void)w;
	_exit(2);
}
