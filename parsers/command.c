/* placeholder: being written */
#include "section.h"
bool ip_command_identify(ip_arena *a, const char *text, ip_cmd *cmd, const char **canonical, const char **arg, const char **filter) { (void)a; (void)text; (void)cmd; (void)canonical; (void)arg; (void)filter; return false; }
bool ip_section_filter_passes(const ip_section *s, const char *probe) { (void)s; (void)probe; return true; }
const char *ip_cmd_name(ip_cmd cmd) { (void)cmd; return "unknown"; }
const char *ip_cmd_json_name(ip_cmd cmd) { (void)cmd; return "unknown"; }
