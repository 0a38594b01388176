#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

static _Thread_local char message[1024];
static _Thread_local int last_code;

int ip_error_set(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	last_code = code;
	return code;
}

const char *ip_error_last(void) { return message[0] ? message : "unknown error"; }
int ip_error_last_code(void) { return last_code; }

void ip_error_clear(void)
{
	message[0] = '\0';
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
