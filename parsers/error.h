/* Error convention (after libgit2).
 *
 * Functions that can fail return 0 on success or a negative IP_E* code. The
 * human message goes into a per-thread slot with ip_error_set(); callers pass
 * the code up unchanged and the outermost caller (lint/) prints
 * ip_error_last(). Errors are never overwritten on the way up. */
#ifndef IOSPLAN_ERROR_H
#define IOSPLAN_ERROR_H

enum {
	IP_OK = 0,
	IP_E_IO = -1,        /* file cannot be read */
	IP_E_INPUT = -2,     /* input is not a usable capture */
	IP_E_LIMIT = -3,     /* input exceeds a documented limit */
	IP_E_CONFIG = -4,    /* bad configuration or catalogue file */
	IP_E_USAGE = -5,     /* bad command line */
	IP_E_NOTFOUND = -6,  /* asked-for thing does not exist */
};

/* Records the message for this thread; returns code, so callers can write
 * `return ip_error_set(IP_E_IO, "…")`. */
int ip_error_set(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
const char *ip_error_last(void);
int ip_error_last_code(void);
void ip_error_clear(void);

/* Allocation failed: prints "iosplan: error: out of memory" and ends the
 * process with exit status 2 (the README's "unusable input"), from any
 * thread. There is no unwinding a half-built device state (see arena.h), and
 * abort() would dump core and report SIGABRT for what is a limit of the
 * machine. _exit, not exit: another thread may be inside stdio or the
 * allocator, and atexit handlers would run under it; what stdout buffered
 * is lost, which is right for a run that did not finish. The language
 * server ends the same way: its client sees it exit and may start a new
 * one, where a half-answered request could not be trusted. */
_Noreturn void ip_out_of_memory(void);

#endif
