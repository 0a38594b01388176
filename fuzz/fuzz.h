/* What the fuzz targets share: the libFuzzer entry point, invariant checks
 * that abort (a crash for libFuzzer, a failed test for the regression
 * replay), and the checks every device state must pass.
 *
 * Each target fuzz/fuzz_<name>.c defines LLVMFuzzerTestOneInput. It is
 * linked either with libFuzzer (-Dfuzz=true, clang) or with replay.c, which
 * feeds it the files under tests/regress/<name>/ and samples/ in the
 * ordinary test suite, so a crash once found stays fixed in every build. */
#ifndef IOSPLAN_FUZZ_H
#define IOSPLAN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "device.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An invariant the code promises: on violation print where and what, then
 * abort so that libFuzzer keeps the input. */
#define FUZZ_CHECK(cond, ...)                                                        \
	do {                                                                         \
		if (!(cond)) {                                                       \
			fprintf(stderr, "%s:%d: invariant violated: %s: ", __FILE__, \
				__LINE__, #cond);                                    \
			fprintf(stderr, __VA_ARGS__);                                \
			fputc('\n', stderr);                                         \
			abort();                                                     \
		}                                                                    \
	} while (0)

/* A span read from text: a file of the set, a line of that file, columns
 * from 1, and an end not before its start. Line 0 ("no position") passes. */
void fuzz_check_span(const ip_capture *const *caps, size_t n_caps, ip_span s,
		     const char *what);

/* Every fact of dev: known values carry a valid span, strings are set where
 * the header says they are, counts are within capacities, registers fit
 * 16 bits. */
void fuzz_check_device(const ip_capture *const *caps, size_t n_caps,
		       const ip_device *dev);

/* Diagnostics: valid level, message, span. */
void fuzz_check_diags(const ip_capture *const *caps, size_t n_caps,
		      const ip_diags *d);

/* The capture reader's promises about its lines. */
void fuzz_check_capture(const ip_capture *cap);

#endif
