/* Where each expect line of a plan comes from (issue 20, point 14): a
 * documented form of the one table plan_expect.def, or text quoted from a
 * capture with its span. The planner writes every expect line through
 * one of the two (plan_build.c), the proof's R14 checks every line of
 * every plan against it (plan_sim.c), and the tests read the same table. */
#ifndef IOSPLAN_PLAN_EXPECT_H
#define IOSPLAN_PLAN_EXPECT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ip_expect_form {
	IP_EXPECT_QUOTED = 0, /* text from a capture: its span says where */
#define X(e, id, pattern, source) IP_EXPECT_##e,
#include "plan_expect.def"
#undef X
	IP_EXPECT_COUNT,
} ip_expect_form;

typedef struct ip_expect_row {
	const char *id;      /* "bytes-copied" */
	const char *pattern; /* "{n} bytes copied" (plan_expect.def) */
	const char *source;  /* where the device's line comes from */
} ip_expect_row;

/* The documented row of f, or NULL (IP_EXPECT_QUOTED, or out of range). */
const ip_expect_row *ip_expect_row_of(int f);

/* Whether line is an instance of f's pattern, whole. */
bool ip_expect_matches(int f, const char *line);

#endif
