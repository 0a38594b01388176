/* placeholder: being written */
#include <string.h>
#include "boot_sim.h"
void ip_boot_predict(ip_boot_prediction *out, ip_arena *a, const ip_device *dev) { (void)a; (void)dev; memset(out, 0, sizeof(*out)); }
const char *ip_next_outcome_name(ip_next_outcome o) { (void)o; return "unknown"; }
const char *ip_next_step_name(ip_next_step s) { (void)s; return "none"; }
