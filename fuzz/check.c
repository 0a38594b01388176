/* The invariants every fuzz target checks on what the parsers built; see
 * fuzz.h. They are the promises of the headers, made executable: a fact read
 * from text has a span into that text, strings the header says are set are
 * set, arrays stay within their capacity. */
#include <string.h>

#include "fuzz.h"

static const ip_capture *capture_of(const ip_capture *const *caps, size_t n, const char *file)
{
	for (size_t i = 0; i < n; i++)
		if (file && strcmp(caps[i]->path, file) == 0)
			return caps[i];
	return NULL;
}

void fuzz_check_span(const ip_capture *const *caps, size_t n_caps, ip_span s, const char *what)
{
	if (s.line == 0)
		return;
	const ip_capture *c = capture_of(caps, n_caps, s.file);
	FUZZ_CHECK(c, "%s: span names file '%s', not one of the captures", what,
		   s.file ? s.file : "(null)");
	FUZZ_CHECK(s.line <= c->n_lines || (c->n_lines == 0 && s.line == 1),
		   "%s: line %u past the last line %zu", what, s.line, c->n_lines);
	FUZZ_CHECK(s.end_line >= s.line && s.end_line <= (c->n_lines ? c->n_lines : 1),
		   "%s: end line %u (line %u, %zu lines)", what, s.end_line, s.line, c->n_lines);
	FUZZ_CHECK(s.col >= 1 && s.end_col >= 1, "%s: columns %u-%u count from 1", what,
		   s.col, s.end_col);
	FUZZ_CHECK(s.end_line > s.line || s.end_col >= s.col, "%s: %u:%u ends before it starts (%u)",
		   what, s.line, s.col, s.end_col);
}

static void check_text(const ip_capture *const *caps, size_t n, const ip_text *t, const char *what)
{
	if (!t->s)
		return;
	FUZZ_CHECK(t->span.line != 0, "%s '%s' was read from text but has no span", what, t->s);
	fuzz_check_span(caps, n, t->span, what);
}

static void check_u64(const ip_capture *const *caps, size_t n, const ip_u64 *u, const char *what)
{
	if (u->known)
		fuzz_check_span(caps, n, u->span, what);
}

static void check_register(const ip_capture *const *caps, size_t n, const ip_register *r,
			   const char *what)
{
	if (!r->known)
		return;
	FUZZ_CHECK(r->v <= 0xFFFF, "%s 0x%x does not fit the 16-bit register", what, r->v);
	FUZZ_CHECK(r->span.line != 0, "%s has no span", what);
	fuzz_check_span(caps, n, r->span, what);
}

static void check_boot_list(const ip_capture *const *caps, size_t n, const ip_boot_list *b,
			    const char *what)
{
	FUZZ_CHECK(b->n <= b->cap || (b->n == 0 && b->cap == 0), "%s: %zu entries, capacity %zu",
		   what, b->n, b->cap);
	FUZZ_CHECK(b->n == 0 || b->v, "%s: entries without storage", what);
	for (size_t i = 0; i < b->n; i++) {
		const ip_boot_entry *e = &b->v[i];
		FUZZ_CHECK(e->raw, "%s[%zu]: an entry without its text", what, i);
		FUZZ_CHECK(e->kind <= IP_BOOT_OTHER, "%s[%zu]: kind %d", what, i, (int)e->kind);
		FUZZ_CHECK(!e->path || e->path[0] != '/' || e->kind != IP_BOOT_FILE,
			   "%s[%zu]: path '%s' keeps its leading '/'", what, i, e->path);
		fuzz_check_span(caps, n, e->span, what);
	}
	if (b->known)
		fuzz_check_span(caps, n, b->span, what);
}

static void check_filesystem(const ip_capture *const *caps, size_t n, const ip_filesystem *fs)
{
	FUZZ_CHECK(fs->name && fs->name[0], "a filesystem without a name");
	FUZZ_CHECK(fs->n_files <= fs->cap_files, "%s: %zu files, capacity %zu", fs->name,
		   fs->n_files, fs->cap_files);
	check_u64(caps, n, &fs->total, "filesystem total");
	check_u64(caps, n, &fs->free, "filesystem free");
	FUZZ_CHECK(!fs->free_is_bound || (fs->free.known && fs->free_max >= fs->free.v),
		   "%s: a rounded free space whose upper end %llu is below %llu", fs->name,
		   (unsigned long long)fs->free_max, (unsigned long long)fs->free.v);
	fuzz_check_span(caps, n, fs->span, "filesystem");
	for (size_t i = 0; i < fs->n_files; i++) {
		const ip_file *f = &fs->files[i];
		FUZZ_CHECK(f->name, "%s: a file without a name", fs->name);
		check_u64(caps, n, &f->size, "file size");
		fuzz_check_span(caps, n, f->span, "file");
	}
}

static void check_members(const ip_capture *const *caps, size_t n, const ip_device *dev)
{
	FUZZ_CHECK(dev->n_members <= dev->cap_members || dev->cap_members == 0,
		   "%zu members, capacity %zu", dev->n_members, dev->cap_members);
	for (size_t i = 0; i < dev->n_members; i++) {
		const ip_member *m = &dev->members[i];
		const ip_text *t[] = { &m->model, &m->serial, &m->version, &m->image,
				       &m->mode, &m->role, &m->state };
		for (size_t k = 0; k < sizeof(t) / sizeof(t[0]); k++)
			check_text(caps, n, t[k], "member fact");
		fuzz_check_span(caps, n, m->span, "member");
	}
}

static void check_verifications(const ip_capture *const *caps, size_t n, const ip_device *dev)
{
	for (size_t i = 0; i < dev->n_verifications; i++) {
		const ip_verification *v = &dev->verifications[i];
		FUZZ_CHECK(v->result <= IP_VERIFY_FAILED && v->algorithm <= IP_HASH_SHA512,
			   "verification %zu: result %d, algorithm %d", i, (int)v->result,
			   (int)v->algorithm);
		check_text(caps, n, &v->computed, "computed hash");
		check_text(caps, n, &v->expected, "expected hash");
		/* a run cut short is unknown, never a pass */
		FUZZ_CHECK(v->result != IP_VERIFY_INCOMPLETE || !v->computed.s,
			   "an incomplete verify of %s has a hash", v->file.raw ? v->file.raw : "?");
		if (v->file.raw)
			fuzz_check_span(caps, n, v->file.span, "verified file");
		fuzz_check_span(caps, n, v->span, "verification");
	}
}

static void check_interfaces(const ip_capture *const *caps, size_t n, const ip_interface_list *l,
			     const char *what)
{
	FUZZ_CHECK(l->n <= l->cap || l->cap == 0, "%s: %zu rows, capacity %zu", what, l->n, l->cap);
	for (size_t i = 0; i < l->n; i++) {
		const ip_interface *f = &l->v[i];
		FUZZ_CHECK(f->name.s && f->key, "%s row %zu without a name or key", what, i);
		const ip_text *t[] = { &f->name, &f->address, &f->status, &f->protocol, &f->vlan,
				       &f->description };
		for (size_t k = 0; k < sizeof(t) / sizeof(t[0]); k++)
			check_text(caps, n, t[k], what);
		fuzz_check_span(caps, n, f->span, what);
	}
}

static void check_neighbors(const ip_capture *const *caps, size_t n, const ip_neighbor_list *l,
			    const char *what)
{
	FUZZ_CHECK(l->n <= l->cap || l->cap == 0, "%s: %zu rows, capacity %zu", what, l->n, l->cap);
	for (size_t i = 0; i < l->n; i++) {
		const ip_neighbor *b = &l->v[i];
		FUZZ_CHECK(b->id.s, "%s row %zu without an id", what, i);
		const ip_text *t[] = { &b->id, &b->address, &b->interface, &b->state, &b->remote,
				       &b->platform, &b->up_down };
		for (size_t k = 0; k < sizeof(t) / sizeof(t[0]); k++)
			check_text(caps, n, t[k], what);
		fuzz_check_span(caps, n, b->span, what);
	}
}

void fuzz_check_device(const ip_capture *const *caps, size_t n, const ip_device *dev)
{
	FUZZ_CHECK(dev->key, "a device without its grouping key");
	const ip_text *t[] = { &dev->hostname, &dev->version, &dev->xe_version, &dev->platform,
			       &dev->serial, &dev->rommon, &dev->uptime, &dev->reload_reason,
			       &dev->software_image };
	for (size_t k = 0; k < sizeof(t) / sizeof(t[0]); k++)
		check_text(caps, n, t[k], "device fact");
	if (dev->system_image.raw)
		fuzz_check_span(caps, n, dev->system_image.span, "system image");
	FUZZ_CHECK(dev->os <= IP_OS_IOSXE, "os %d", (int)dev->os);
	check_register(caps, n, &dev->confreg, "config register");
	check_register(caps, n, &dev->confreg_next, "next config register");
	check_register(caps, n, &dev->confreg_config, "config-register statement");
	for (size_t i = 0; i < dev->n_flash_sizes; i++)
		fuzz_check_span(caps, n, dev->flash_sizes[i].span, "flash size");
	if (dev->dram.known)
		fuzz_check_span(caps, n, dev->dram.span, "DRAM");
	for (int k = 0; k < IP_SECRET__COUNT; k++)
		if (ip_secrets_of(dev)->kind[k].seen)
			fuzz_check_span(caps, n, ip_secrets_of(dev)->kind[k].span, "secret kind");
	FUZZ_CHECK(dev->n_rom_slots <= IP_MAX_ROM_SLOTS, "%zu ROM slots", dev->n_rom_slots);
	for (size_t i = 0; i < dev->n_rom_slots; i++) {
		const ip_rom_slot *r = &dev->rom_slots[i];
		const ip_text *rt[] = { &r->rommon, &r->cpld, &r->fpga, &r->state };
		for (size_t k = 0; k < sizeof(rt) / sizeof(rt[0]); k++)
			check_text(caps, n, rt[k], "ROM slot fact");
		fuzz_check_span(caps, n, r->span, "ROM slot");
	}
	FUZZ_CHECK(dev->n_filesystems <= dev->cap_filesystems, "%zu filesystems, capacity %zu",
		   dev->n_filesystems, dev->cap_filesystems);
	for (size_t i = 0; i < dev->n_filesystems; i++)
		check_filesystem(caps, n, &dev->filesystems[i]);
	check_boot_list(caps, n, &dev->boot_running, "running boot list");
	check_boot_list(caps, n, &dev->boot_startup, "startup boot list");
	check_boot_list(caps, n, &dev->boot_config, "config boot list");
	check_boot_list(caps, n, &dev->bootvar, "BOOT variable");
	check_boot_list(caps, n, &dev->bootvar_current, "current BOOT variable");
	check_members(caps, n, dev);
	check_verifications(caps, n, dev);
	check_interfaces(caps, n, &dev->if_brief, "show ip interface brief");
	check_interfaces(caps, n, &dev->if_status, "show interfaces status");
	check_neighbors(caps, n, &dev->ospf_neighbors, "OSPF neighbour");
	check_neighbors(caps, n, &dev->bgp_neighbors, "BGP neighbour");
	check_neighbors(caps, n, &dev->cdp_neighbors, "CDP neighbour");
}

void fuzz_check_diags(const ip_capture *const *caps, size_t n, const ip_diags *d)
{
	FUZZ_CHECK(d->n <= d->cap || d->cap == 0, "%zu diagnostics, capacity %zu", d->n, d->cap);
	for (size_t i = 0; i < d->n; i++) {
		FUZZ_CHECK(d->v[i].level <= IP_DIAG_ERROR, "diagnostic level %d", (int)d->v[i].level);
		FUZZ_CHECK(d->v[i].message && d->v[i].message[0], "a diagnostic without a message");
		fuzz_check_span(caps, n, d->v[i].span, d->v[i].message);
	}
}

void fuzz_check_capture(const ip_capture *cap)
{
	uint32_t prev = 0;
	for (size_t i = 0; i < cap->n_lines; i++) {
		const ip_line *l = &cap->lines[i];
		FUZZ_CHECK(l->lineno == prev + 1, "line %zu numbered %u", i, l->lineno);
		prev = l->lineno;
		FUZZ_CHECK(l->len <= IP_MAX_LINE_BYTES, "line %u is %u bytes", l->lineno, l->len);
		FUZZ_CHECK(l->text[l->len] == '\0' && strlen(l->text) == l->len,
			   "line %u: text is not %u bytes NUL-terminated", l->lineno, l->len);
		FUZZ_CHECK(l->len == 0 || (l->text[l->len - 1] != ' ' && l->text[l->len - 1] != '\t'),
			   "line %u keeps trailing blanks", l->lineno);
		for (uint32_t k = 0; k < l->len; k++) {
			unsigned char c = (unsigned char)l->text[k];
			FUZZ_CHECK(c >= 0x20 || c == '\t', "line %u keeps control byte 0x%02x at %u",
				   l->lineno, c, k);
			FUZZ_CHECK(c != 0x7f, "line %u keeps DEL", l->lineno);
		}
		/* Every span of any part of the line is well formed. */
		size_t cuts[] = { 0, l->len / 3, l->len / 2, l->len ? l->len - 1 : 0, l->len };
		for (size_t a = 0; a < 5; a++)
			for (size_t b = 0; b < 5; b++)
				fuzz_check_span(&cap, 1, ip_line_span(l, cap->path, cuts[a], cuts[b]),
						"line span");
	}
	FUZZ_CHECK(cap->n_lines <= IP_MAX_LINES, "%zu lines", cap->n_lines);
}
