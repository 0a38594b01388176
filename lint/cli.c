#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "escape.h"

void cli_error_print(const char *msg)
{
	ip_arena *a = ip_arena_new();
	fprintf(stderr, "%s\n", ip_esc_text(a, msg));
	ip_arena_free(a);
}

void cli_print_diags(FILE *out, const ip_diags *d, ip_diag_level min)
{
	ip_arena *a = ip_arena_new();
	for (size_t i = 0; i < d->n; i++) {
		const ip_diag *x = &d->v[i];
		if (x->level < min)
			continue;
		if (ip_span_known(x->span))
			fprintf(out, "%s:%u:%u: %s: %s\n", x->span.file ? ip_esc_text(a, x->span.file) : "<input>",
				x->span.line, x->span.col, ip_diag_level_name(x->level), ip_esc_text(a, x->message));
		else if (x->span.file) /* about a whole file: one that was not read */
			fprintf(out, "%s: %s: %s\n", ip_esc_text(a, x->span.file),
				ip_diag_level_name(x->level), ip_esc_text(a, x->message));
		else
			fprintf(out, "iosplan: %s: %s\n", ip_diag_level_name(x->level), ip_esc_text(a, x->message));
	}
	ip_arena_free(a);
}

int cli_load(ip_device_set **out, char **paths, int n)
{
	ip_device_set *set = ip_device_set_new();
	*out = set;
	int rc = ip_device_set_load(set, (const char *const *)paths, (size_t)n);
	if (rc) {
		cli_error_print(ip_error_last());
		return CLI_LOAD_FAILED;
	}
	cli_print_diags(stderr, &set->diags, IP_DIAG_WARNING);
	/* Files that disagree with nothing to order them are readable input: the
	 * disagreement is an answer about the device (lint exits 1 for it, the
	 * plan refuses), not a reason to read nothing (parsers/merge.c). */
	for (size_t i = 0; i < set->diags.n; i++)
		if (set->diags.v[i].level == IP_DIAG_ERROR && set->diags.v[i].kind != IP_DIAG_CONFLICT)
			return EXIT_INPUT;
	return EXIT_CLEAN;
}

int cli_exit_worst(int a, int b)
{
	/* the codes are ordered by how bad: 2 (input not used) > 1 > 0 */
	return a > b ? a : b;
}

bool cli_has_conflicts(const ip_device_set *s)
{
	for (size_t i = 0; s && i < s->n; i++)
		if (s->v[i]->n_conflicts)
			return true;
	return false;
}

int cli_format_index(const char *cmd, const char *value, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(value, names[i]) == 0)
			return i;
	fprintf(stderr, "iosplan %s: error: unknown format '%s' (one of:", cmd, value);
	for (int i = 0; names[i]; i++)
		fprintf(stderr, " %s", names[i]);
	fprintf(stderr, ")\n");
	return -1;
}

/* --- the standard streams -------------------------------------------------- */

void cli_stdio_init(void)
{
	/* A descriptor 0-2 the caller left closed (`2>&-`, some cron wrappers
	 * and service managers) would be handed to the next open(): audit's
	 * --output file would receive the progress bar and the errors. Each
	 * closed one gets /dev/null, opened the other way round (standard
	 * input write-only, output and error read-only), so that its number
	 * is taken and its reads or writes still fail as on a closed one: a
	 * report sent to a closed stdout is still an error (EBADF, exit 2). */
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		int n = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
		if (n < 0)
			_exit(EXIT_INPUT); /* nowhere to say it, and nothing safe to open */
		if (n != fd) {
			dup2(n, fd);
			close(n);
		}
	}
	/* A reader that leaves (`| head -1`) ends iosplan as it ends cat: by
	 * SIGPIPE at the next write, without a word (a shell shows 141). Set
	 * here because a parent that ignores SIGPIPE passes that on. */
	signal(SIGPIPE, SIG_DFL);
}

/* The write failed because the reader left with SIGPIPE blocked: end as
 * if it had been delivered, quietly. */
static void end_by_sigpipe(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	signal(SIGPIPE, SIG_DFL);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGPIPE);
	_exit(128 + SIGPIPE);
}

int cli_output_close(FILE *f, const char *what)
{
	/* stdio keeps no errno with its error flag: a write that failed before
	 * left its reason in errno, and the flush of what is still buffered
	 * (nearly always something) fails again with its own */
	int earlier = errno;
	errno = 0;
	bool failed = fflush(f) != 0;
	int why = failed ? errno : earlier;
	failed = failed || ferror(f);
	if (f != stdout && fclose(f) != 0 && !failed) {
		failed = true;
		why = errno;
	}
	return failed ? cli_write_failed(what, why) : 0;
}

int cli_write_failed(const char *what, int why)
{
	if (why == EPIPE)
		end_by_sigpipe();
	fprintf(stderr, "iosplan: error: cannot write %s: %s\n", what,
		why ? strerror(why) : "write error");
	return -1;
}
