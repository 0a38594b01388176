/* A report file written whole or not at all (`audit --output FILE`).
 *
 * The report goes to a temporary file beside FILE (".FILE.XXXXXX": a
 * hidden name, so an audit walking that folder skips it) and is renamed
 * onto FILE only when the command succeeded: a failed or refused run
 * leaves the previous report as it was, and FILE is never truncated
 * before the inputs are read (issue 18: `--output` naming one of the
 * inputs destroyed it). FILE that exists and is not a regular file (a
 * terminal, /dev/null, a pipe) is written in place.
 *
 * Usage:
 *   ip_report_file r;
 *   if (ip_report_file_open(&r, path)) ... ip_error_last();
 *   ... write to r.f ...
 *   if (ip_report_file_commit(&r)) ... ip_error_last();   or
 *   ip_report_file_abort(&r);
 * Exactly one of commit and abort ends it; both free what open took. */
#ifndef IOSPLAN_REPORT_FILE_H
#define IOSPLAN_REPORT_FILE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

typedef struct ip_report_file {
	FILE *f;
	char *path;     /* where the report ends up (links resolved) */
	char *tmp;      /* the temporary file, or NULL when written in place */
	/* the files that are the report: the existing FILE and the temporary,
	 * which the inputs must not be (n of them) */
	struct {
		dev_t dev;
		ino_t ino;
	} id[2];
	size_t n;
} ip_report_file;

/* 0, or IP_E_IO with "cannot write PATH: reason". */
int ip_report_file_open(ip_report_file *r, const char *path);
/* Flush, sync and rename into place: 0, or IP_E_IO (the temporary file
 * removed, FILE as it was). */
int ip_report_file_commit(ip_report_file *r);
void ip_report_file_abort(ip_report_file *r);

#endif
