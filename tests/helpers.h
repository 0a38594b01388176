/* Test helpers shared by every Criterion suite. */
#ifndef IOSPLAN_TEST_HELPERS_H
#define IOSPLAN_TEST_HELPERS_H

#include <stddef.h>

#include "device.h"
#include "section.h"

/* A section of command `cmd` whose output lines are `text` split on '\n'
 * (no cleaning, no prompt), as if read from file "test.txt" starting at
 * line 1. Arena-owned. */
ip_section *test_section(ip_arena *a, ip_cmd cmd, const char *text);

/* The same with a typed command, e.g. ("show flash0:", ...): identifies the
 * command, argument and filter exactly as a prompt line would. */
ip_section *test_section_cmd(ip_arena *a, const char *command, const char *text);

/* A fresh device plus a parse context on arena a. */
ip_device *test_device(ip_arena *a, ip_parse_ctx *ctx, ip_diags *diags);

/* Whole pipeline on an in-memory capture: clean, split, assemble. The set
 * holds the devices and the diagnostics; free with ip_device_set_free(). */
ip_device_set *test_load_text(const char *name, const char *text);
/* Whole pipeline on files under samples/ (NULL-terminated list). */
ip_device_set *test_load_samples(const char *first, ...);

/* Read a whole file into a malloc'd NUL-terminated buffer (NULL on error). */
char *test_read_file(const char *path, size_t *len);

/* A fresh directory /tmp/iosplan-TAG-XXXXXX in dir (a fixture's init), and
 * its removal with everything in it (the fixture's fini). */
void test_tmpdir_make(char *dir, size_t size, const char *tag);
void test_tmpdir_remove(const char *dir);
/* Run a shell command made from fmt; the test fails unless it exits 0. */
void test_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* 1 in an AddressSanitizer build, whose time and memory bounds differ. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* Under scripts/test's Valgrind pass (IOSPLAN_VALGRIND) every iosplan
 * process runs 30 to 50 times slower, and the large cross-product tables
 * (hostile names x doors x formats) cost minutes: there they run one row in
 * three and skip the others, saying so. The plain and ASan+UBSan passes run
 * every row; the rows memcheck runs still go through every code path. */
void test_memcheck_sample(size_t row);

/* samples/ directory (from IOSPLAN_SAMPLES, else the source tree). */
const char *test_samples_dir(void);

/* Table-driven Criterion tests, one TAP case per table row.
 *
 * Criterion may start each test in a freshly exec'd worker, where pointers
 * inside parameters (strings in a static table) are not valid: pass the row
 * index instead and look the row up in the worker's own copy of the table:
 *
 *   IP_TABLE_PARAMS(suite, name, cases)
 *   ParameterizedTest(size_t *row, suite, name) { const my_case *c = &cases[*row]; ... }
 */
#define IP_TABLE_PARAMS(suite, name, table)                                     \
	ParameterizedTestParameters(suite, name)                                \
	{                                                                       \
		static size_t idx_[sizeof(table) / sizeof((table)[0])];         \
		for (size_t i_ = 0; i_ < sizeof(idx_) / sizeof(idx_[0]); i_++)  \
			idx_[i_] = i_;                                          \
		return cr_make_param_array(size_t, idx_, sizeof(idx_) / sizeof(idx_[0])); \
	}

/* The ntc-templates corpus (IOSPLAN_CORPUS, else ../shared/corpus/ntc-templates
 * beside the source tree); NULL when absent, and the test should skip. */
const char *test_corpus_dir(void);

#endif
