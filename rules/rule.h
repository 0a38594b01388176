/* The rule interface.
 *
 * A rule is one file in rules/ exporting one `const ip_rule`. Its check
 * function reads a read-only context (the device state, the platform, the
 * predicted next boot, the target, the options) and reports findings through
 * ip_report(). It does no I/O and never knows its configured severity: the
 * engine stamps the rule id and severity on every finding and applies the
 * configuration (disabled rules, severities). Title, rationale, fix and the
 * examples live in rules/rules.yaml. */
#ifndef IOSPLAN_RULE_H
#define IOSPLAN_RULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "boot_sim.h"
#include "device.h"
#include "platform.h"
#include "target.h"

typedef enum ip_severity {
	IP_SEV_NONE = 0, /* disabled */
	IP_SEV_NOTE,
	IP_SEV_WARNING,
	IP_SEV_ERROR,    /* blocks the upgrade */
} ip_severity;

typedef struct ip_related {
	ip_span span;
	const char *message;
} ip_related;

typedef struct ip_finding {
	const char *rule_id;   /* stamped by the engine */
	ip_severity severity;  /* stamped by the engine */
	const char *device;    /* hostname, or NULL */
	const char *message;
	ip_span span;          /* primary location; line 0 when no text holds the fact */
	ip_related *related;
	size_t n_related, cap_related;
	const char **fix;      /* commands that fix it, in order */
	size_t n_fix, cap_fix;
	const char *capture;   /* the command whose output would decide it, or NULL */
	bool weak;             /* reported one level below the rule's severity */
} ip_finding;

typedef struct ip_findings ip_findings; /* collector; owned by the engine */

/* Options a rule may read: defaults overridden by .iosplan.yaml. */
typedef struct ip_normal_register {
	const char *model_prefix; /* "ISR4", "WS-C2960", "C9300" */
	uint32_t value;
} ip_normal_register;

typedef struct ip_rule_options {
	uint64_t flash_margin_bytes;    /* kept free beyond the image */
	unsigned flash_margin_percent;  /* of the image size, whichever is larger */
	uint64_t tftp_limit_bytes;      /* 65535 blocks of 512 bytes */
	const ip_normal_register *normal_registers;
	size_t n_normal_registers;
	/* Install mode: room for the .pkg files `install add` expands the .bin
	 * into, in % of the image size. The ratio is UNCONFIRMED (DOMAIN.md
	 * §9.6): "roughly the size of the .bin", hence 100 by default. */
	unsigned install_expand_percent;
} ip_rule_options;

typedef struct ip_rule_ctx {
	const ip_device *dev;
	const ip_platform *platform;
	const ip_boot_prediction *next_boot;
	const ip_target *target; /* NULL: no target given */
	const ip_rule_options *opts;
	ip_arena *arena;         /* for message text only */
} ip_rule_ctx;

typedef struct ip_rule {
	const char *id;              /* kebab-case, stable forever */
	ip_severity default_severity;
	void (*check)(const ip_rule_ctx *ctx, ip_findings *out);
} ip_rule;

/* Report a finding at span; the message is printf-formatted. Returns the
 * finding so that related spans, fixes and a capture hint can be added. */
ip_finding *ip_report(ip_findings *out, ip_span span, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same, one severity level below the rule's: for findings that depend on
 * a platform behaviour iosplan cannot confirm from the captures. */
ip_finding *ip_report_weak(ip_findings *out, ip_span span, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ip_finding_related(ip_findings *out, ip_finding *f, ip_span span,
			const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void ip_finding_fix(ip_findings *out, ip_finding *f, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A fact the rule needed is unknown: name the command that would supply it. */
void ip_finding_capture(ip_findings *out, ip_finding *f, const char *command);

/* Rules are listed in rules/rules.def, sorted by id. */
#define IP_RULE(sym, id) extern const ip_rule sym;
#include "rules.def"
#undef IP_RULE

extern const ip_rule *const ip_rules[];
extern const size_t ip_rules_count;
const ip_rule *ip_rule_find(const char *id);

#endif
