/* Running one rule on a capture, for the per-rule test tables. */
#ifndef IOSPLAN_RULE_HARNESS_H
#define IOSPLAN_RULE_HARNESS_H

#include <stdbool.h>
#include <stdint.h>

#include "engine.h"

typedef struct rule_run {
	ip_device_set *set;
	ip_device_check check; /* of the first device */
	const ip_target *target;
	const char *rule_id;   /* the rule that ran */
} rule_run;

/* Load `capture` (a path under samples/ when it has no newline, else the
 * capture text itself), build the target from `target` (NULL: none) and run
 * only rule `rule_id` with default options, adjusted by `tweak` if not NULL. */
rule_run *rule_run_new(const char *rule_id, const char *capture, const char *target,
		       void (*tweak)(ip_check_config *c));

/* Everything rule_run_new takes, plus the target facts a name alone does
 * not carry (what --size/--md5 or a catalogue give). */
typedef struct rule_run_opts {
	const char *target;       /* NULL: no target */
	uint64_t target_size;     /* bytes; 0: unknown */
	const char *target_md5;   /* NULL: unknown */
	const char *target_sha512;
	/* the copy on the transfer server (what --image-file computes) */
	const char *server_md5, *server_sha512;
	uint64_t server_size;     /* 0: unknown */
	const char *catalog;      /* image catalogue YAML text whose entry for
				   * the target gives its release facts */
	void (*tweak)(ip_check_config *c);
	bool input_errors_ok;     /* the capture is meant to be broken
				   * (a listing cut short): don't assert it
				   * reads cleanly */
} rule_run_opts;

rule_run *rule_run_new_opts(const char *rule_id, const char *capture,
			    const rule_run_opts *o);
void rule_run_free(rule_run *r);

/* The number of findings of the rule; and the first one (NULL if none). */
size_t rule_run_count(const rule_run *r);
const ip_finding *rule_run_first(const rule_run *r);

/* Assert the expectations of one table row: `n` findings; when n > 0 the
 * first is on `line` (and `col` when non-zero) and its message contains
 * `message_part` (when not NULL). */
void rule_run_expect(const rule_run *r, const char *row, size_t n, uint32_t line,
		     uint32_t col, const char *message_part);

/* Assert the first finding (when there is one): weak or not, stamped with
 * the rule's id, offering the fix command `fix` (when not NULL), asking for
 * the capture `ask` (NULL: asking for none). */
void rule_run_expect_first(const rule_run *r, const char *row, bool weak, const char *fix,
			   const char *ask);

#endif
