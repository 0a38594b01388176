/* The space need (space.h). */
#include "space.h"

uint64_t ip_space_add(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

uint64_t ip_space_percent(uint64_t v, unsigned pct)
{
	uint64_t whole;
	if (__builtin_mul_overflow(v / 100, (uint64_t)pct, &whole))
		return UINT64_MAX;
	return ip_space_add(whole, (v % 100) * pct / 100);
}

void ip_space_need_of(ip_space_need *out, const ip_space_opts *o, uint64_t size, bool copies,
		      bool expands)
{
	out->size = copies ? size : 0;
	out->expand = expands ? ip_space_percent(size, o->expand_percent) : 0;
	out->margin = ip_space_percent(size, o->margin_percent);
	if (out->margin < o->margin_bytes)
		out->margin = o->margin_bytes;
	uint64_t put = ip_space_add(out->size, out->expand);
	out->total = put ? ip_space_add(put, out->margin) : 0;
}
