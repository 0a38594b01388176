/* placeholder: being written */
#include "capture.h"
#include "error.h"
int ip_capture_read(ip_capture **out, ip_arena *a, const char *path) { (void)out; (void)a; (void)path; return IP_E_IO; }
int ip_capture_from_buffer(ip_capture **out, ip_arena *a, const char *name, const char *buf, size_t len) { (void)out; (void)a; (void)name; (void)buf; (void)len; return IP_E_IO; }
ip_span ip_line_span(const ip_line *l, const char *file, size_t start, size_t end) { ip_span s = {file, l->lineno, (uint32_t)start + 1, l->lineno, (uint32_t)end + 1}; return s; }
ip_span ip_line_span_all(const ip_line *l, const char *file) { return ip_line_span(l, file, 0, l->len); }
