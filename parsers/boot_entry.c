/* One boot target: the text after `boot system` in a configuration, or one
 * element of a BOOT variable in show boot / show bootvar:
 *
 *   flash:c2960x-universalk9-mz.152-7.E3.bin      local file
 *   flash:/x.bin  flash0:/x.bin  bootflash:packages.conf  flash:dir/x.bin
 *   flash x.bin                                   keyword + bare name -> flash:
 *   flash bootflash:x.bin                         keyword + qualified name
 *   flash                                         first image in flash
 *   switch all flash:x.bin  /  switch 2 flash:x.bin   stack member (-1 / 2)
 *   tftp://10.1.0.41/x.bin                        URL: server 10.1.0.41
 *   tftp:/auto/x/img 255.255.255.255,12           URL path, server, retry
 *   tftp x.bin 10.1.1.1   ftp|rcp|http|https ...  keyword, name, server
 *   x.bin [10.1.1.1]                              bare name: a TFTP file
 *   rom                                           ROM monitor image
 *   mop x.bin [aa:bb:cc:dd:ee:ff] [Ethernet0]     MOP server (by MAC)
 *
 * A bare name with no filesystem is a TFTP filename: the IOS command
 * reference documents `boot system filename [ip-address]` as loading the
 * file over the network. A BOOT variable element may end in ",N" (printed
 * by IOS-XE; the meaning of N is not documented), which is not part of the
 * name. Text that fits none of these forms is IP_BOOT_OTHER, so the caller
 * can say it did not understand it. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers.h"

#define MAX_TOKENS 8

typedef struct tok {
	const char *s;
	size_t n;
} tok;

/* Splits on white space; returns MAX_TOKENS + 1 when there are more. */
static size_t tokenize(const char *s, size_t len, tok *t)
{
	size_t n = 0, i = 0;
	while (i < len) {
		while (i < len && isspace((unsigned char)s[i]))
			i++;
		if (i == len)
			break;
		size_t start = i;
		while (i < len && !isspace((unsigned char)s[i]))
			i++;
		if (n == MAX_TOKENS)
			return MAX_TOKENS + 1;
		t[n].s = s + start;
		t[n].n = i - start;
		n++;
	}
	return n;
}

static bool word_is(tok t, const char *w)
{
	return strlen(w) == t.n && strncasecmp(t.s, w, t.n) == 0;
}

/* Length without a trailing ",N" (digits only). */
static size_t strip_retry_suffix(const char *s, size_t len)
{
	size_t i = len;
	while (i > 0 && isdigit((unsigned char)s[i - 1]))
		i--;
	if (i < len && i > 0 && s[i - 1] == ',')
		return i - 1;
	return len;
}

static bool is_network_scheme(const char *fs)
{
	static const char *const schemes[] = {
		"tftp:", "ftp:", "rcp:", "http:", "https:", "scp:", "sftp:",
	};
	for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (strcasecmp(fs, schemes[i]) == 0)
			return true;
	return false;
}

static const char *lower_fs(ip_arena *a, tok t)
{
	char *s = ip_arena_printf(a, "%.*s:", (int)t.n, t.s);
	for (char *p = s; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return s;
}

/* A path without leading slashes; NULL when nothing is left. */
static const char *path_dup(ip_arena *a, const char *s, size_t n)
{
	while (n && *s == '/') {
		s++;
		n--;
	}
	return n ? ip_arena_strndup(a, s, n) : NULL;
}

/* "user:pw@[2001:db8::1]:69" or "10.1.0.41" -> the host alone. */
static const char *url_host(ip_arena *a, const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	for (; at; at = memchr(s, '@', n)) {
		n -= (size_t)(at - s) + 1;
		s = at + 1;
	}
	if (n >= 2 && s[0] == '[') {
		const char *close = memchr(s, ']', n);
		if (!close)
			return NULL;
		return close - s > 1 ? ip_arena_strndup(a, s + 1,
						       (size_t)(close - s - 1)) : NULL;
	}
	const char *colon = memchr(s, ':', n);
	if (colon)
		n = (size_t)(colon - s);
	return n ? ip_arena_strndup(a, s, n) : NULL;
}

/* "//host/path" after the scheme: server and path. */
static void split_url(ip_boot_entry *out, ip_arena *a, const char *s, size_t n)
{
	const char *slash = memchr(s, '/', n);
	size_t hlen = slash ? (size_t)(slash - s) : n;
	out->server = url_host(a, s, hlen);
	out->path = slash ? path_dup(a, slash, n - hlen) : NULL;
}

/* file is "fs:..." (ip_path_split found a filesystem); rest are the tokens
 * after it (a server address for network schemes). */
static void parse_qualified(ip_boot_entry *out, ip_arena *a, tok file,
			    const tok *rest, size_t nrest)
{
	ip_path p;
	ip_path_split(&p, a, file.s, file.n);
	out->filesystem = p.filesystem;
	if (!is_network_scheme(p.filesystem)) {
		out->path = *p.path ? p.path : NULL;
		out->kind = out->path ? IP_BOOT_FILE : IP_BOOT_FLASH_FIRST;
		if (nrest)
			out->kind = IP_BOOT_OTHER;
		return;
	}
	out->kind = IP_BOOT_NETWORK;
	size_t fl = strlen(p.filesystem);
	if (strncmp(p.raw + fl, "//", 2) == 0)
		split_url(out, a, p.raw + fl + 2, strlen(p.raw + fl + 2));
	else
		out->path = path_dup(a, p.path, strlen(p.path));
	if (nrest == 1 && !out->server)
		out->server = ip_arena_strndup(a, rest[0].s, rest[0].n);
	else if (nrest)
		out->kind = IP_BOOT_OTHER;
}

static bool has_filesystem(tok t)
{
	if (t.n < 2 || !isalpha((unsigned char)t.s[0]))
		return false;
	for (size_t i = 1; i < t.n; i++) {
		unsigned char c = (unsigned char)t.s[i];
		if (c == ':')
			return true;
		if (!isalnum(c) && c != '-' && c != '_')
			return false;
	}
	return false;
}

/* `flash`, `flash x.bin`, `flash bootflash:x.bin`, `flash slot0: x.bin`. */
static void parse_flash_keyword(ip_boot_entry *out, ip_arena *a,
				const tok *t, size_t n)
{
	if (n == 0) {
		out->kind = IP_BOOT_FLASH_FIRST;
		return;
	}
	if (n == 2 && has_filesystem(t[0]) && t[0].s[t[0].n - 1] == ':' &&
	    !has_filesystem(t[1])) {
		tok fs = {t[0].s, t[0].n - 1};
		out->filesystem = lower_fs(a, fs);
		out->path = path_dup(a, t[1].s, t[1].n);
		out->kind = out->path ? IP_BOOT_FILE : IP_BOOT_FLASH_FIRST;
		return;
	}
	if (n != 1)
		return;
	if (has_filesystem(t[0])) {
		parse_qualified(out, a, t[0], NULL, 0);
		if (out->kind == IP_BOOT_NETWORK)
			out->kind = IP_BOOT_OTHER;
		return;
	}
	out->filesystem = "flash:";
	out->path = path_dup(a, t[0].s, t[0].n);
	out->kind = out->path ? IP_BOOT_FILE : IP_BOOT_FLASH_FIRST;
}

/* `tftp x.bin [ip]` and a bare `x.bin [ip]` (TFTP by default). */
static void parse_network_words(ip_boot_entry *out, ip_arena *a,
				const char *fs, tok file, const tok *server,
				size_t nserver)
{
	if (nserver > 1)
		return;
	if (has_filesystem(file)) {
		/* "ftp ftp://h/x": the keyword repeats the URL's scheme */
		parse_qualified(out, a, file, server, nserver);
		if (out->kind != IP_BOOT_NETWORK)
			out->kind = IP_BOOT_OTHER;
		return;
	}
	out->filesystem = fs;
	out->kind = IP_BOOT_NETWORK;
	out->path = path_dup(a, file.s, file.n);
	if (nserver)
		out->server = ip_arena_strndup(a, server[0].s, server[0].n);
}

static void parse_target(ip_boot_entry *out, ip_arena *a, const tok *t,
			 size_t n)
{
	if (n == 0)
		return;
	if (word_is(t[0], "rom")) {
		out->kind = n == 1 ? IP_BOOT_ROM : IP_BOOT_OTHER;
	} else if (word_is(t[0], "flash")) {
		parse_flash_keyword(out, a, t + 1, n - 1);
	} else if (word_is(t[0], "mop")) {
		if (n < 2 || n > 4)
			return;
		out->kind = IP_BOOT_MOP;
		out->path = path_dup(a, t[1].s, t[1].n);
		if (n >= 3) /* the MOP server is named by its MAC address */
			out->server = ip_arena_strndup(a, t[2].s, t[2].n);
	} else if (word_is(t[0], "tftp") || word_is(t[0], "ftp") ||
		   word_is(t[0], "rcp") || word_is(t[0], "http") ||
		   word_is(t[0], "https")) {
		if (n >= 2)
			parse_network_words(out, a, lower_fs(a, t[0]), t[1],
					    t + 2, n - 2);
	} else if (has_filesystem(t[0])) {
		parse_qualified(out, a, t[0], t + 1, n - 1);
	} else {
		parse_network_words(out, a, "tftp:", t[0], t + 1, n - 1);
	}
}

/* `switch all` / `switch N` prefix: returns tokens consumed, or -1. */
static int parse_member(ip_boot_entry *out, const tok *t, size_t n)
{
	if (n == 0 || !word_is(t[0], "switch"))
		return 0;
	if (n < 2)
		return -1;
	if (word_is(t[1], "all")) {
		out->member = -1;
		return 2;
	}
	int v = 0;
	for (size_t i = 0; i < t[1].n; i++) {
		if (!isdigit((unsigned char)t[1].s[i]) || v > 999)
			return -1;
		v = v * 10 + (t[1].s[i] - '0');
	}
	if (v < 1 || v > 999)
		return -1;
	out->member = v;
	return 2;
}

void boot_entry_parse(ip_boot_entry *out, ip_arena *a, const char *text,
		      size_t len, ip_span span)
{
	memset(out, 0, sizeof(*out));
	while (len && isspace((unsigned char)*text)) {
		text++;
		len--;
	}
	while (len && isspace((unsigned char)text[len - 1]))
		len--;
	out->raw = ip_arena_strndup(a, text, len);
	out->span = span;
	out->kind = IP_BOOT_OTHER;
	len = strip_retry_suffix(text, len);

	tok t[MAX_TOKENS];
	size_t n = tokenize(text, len, t);
	if (n > MAX_TOKENS)
		return;
	int used = parse_member(out, t, n);
	if (used < 0)
		return;
	parse_target(out, a, t + used, n - (size_t)used);
}
