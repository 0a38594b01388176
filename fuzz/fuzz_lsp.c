/* Fuzz target: the language server, as `iosplan lsp` runs it.
 *
 * Input: the bytes a client writes to the server's standard input: frames
 * ("Content-Length: N\r\n\r\n{json}"), junk, truncated headers, messages
 * over the limit (64 KiB here, so that path is reached), JSON-RPC that is
 * not, and every method with any parameters: didOpen / didChange documents
 * are analysed (the whole lint pipeline on the document), hover, code
 * actions and commands run on them. The server reads the input from a
 * memory file and writes to another; after the input ends every document
 * still waiting is analysed. Nothing may crash, leak or hang, and what the
 * server wrote must be frames with exact lengths, each a JSON-RPC 2.0
 * object in UTF-8.
 *
 * The loop (serve(): framing errors, JSON-RPC checks, dispatch) is static
 * in lint/lsp/cmd_lsp.c: this file compiles it in, so the target runs exactly
 * the server's code, unchanged. */
#include <sys/mman.h>

#include "../lint/lsp/cmd_lsp.c"
#include "fuzz.h"
#include "utf8.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Rule pages are cached under $XDG_CACHE_HOME: not in the user's. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char dir[] = "/tmp/iosplan-fuzz-lsp-XXXXXX";
	if (mkdtemp(dir))
		setenv("XDG_CACHE_HOME", dir, 1);
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

/* The settings that name local files to hash (imageFile, tftpRoot) are the
 * editor's, not the input's: hashing /dev/zero never ends by design. */
static bool names_files_to_hash(const uint8_t *data, size_t size)
{
	return memmem(data, size, "imageFile", 9) || memmem(data, size, "tftpRoot", 8);
}

/* What the server wrote is a sequence of frames, each a JSON-RPC message
 * in UTF-8 whose Content-Length is exact. */
static void check_output(int fd)
{
	off_t n = lseek(fd, 0, SEEK_END);
	FUZZ_CHECK(n >= 0, "lseek");
	char *buf = malloc((size_t)n + 1);
	FUZZ_CHECK(buf && pread(fd, buf, (size_t)n, 0) == n, "pread");
	buf[n] = '\0';
	for (char *p = buf, *end = buf + n; p < end;) {
		unsigned long len;
		int used = 0;
		FUZZ_CHECK(sscanf(p, "Content-Length: %lu\r\n\r\n%n", &len, &used) == 1 && used > 0,
			   "output frame without its header at byte %td: %.60s", p - buf, p);
		p += used;
		FUZZ_CHECK(len <= (size_t)(end - p), "frame of %lu bytes, %td left", len, end - p);
		cJSON *msg = cJSON_ParseWithLength(p, len);
		FUZZ_CHECK(cJSON_IsObject(msg), "a frame that is no JSON object: %.200s", p);
		FUZZ_CHECK(ip_utf8_valid(p, len), "a frame not in UTF-8");
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(msg, "jsonrpc");
		FUZZ_CHECK(cJSON_IsString(v) && strcmp(v->valuestring, "2.0") == 0, "no jsonrpc 2.0");
		cJSON_Delete(msg);
		p += len;
	}
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (names_files_to_hash(data, size))
		return 0;
	int in = memfd_create("lsp-input", MFD_CLOEXEC);
	int out = memfd_create("lsp-output", MFD_CLOEXEC);
	FUZZ_CHECK(in >= 0 && out >= 0, "memfd_create");
	FUZZ_CHECK(size == 0 || write(in, data, size) == (ssize_t)size, "write");
	lseek(in, 0, SEEK_SET);
	lsp_server s;
	memset(&s, 0, sizeof(s));
	s.out_fd = out;
	lsp_reader_init(&s.in, in, 64 * 1024);
	int rc = serve(&s);
	FUZZ_CHECK(rc == 0 || rc == 1, "the server exited with %d", rc);
	lsp_flush(&s, 0);
	lsp_server_free(&s);
	check_output(out);
	close(in);
	close(out);
	return 0;
}
