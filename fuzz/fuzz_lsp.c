/* Fuzz target: the language server, as `iosplan lsp` runs it.
 *
 * Input: the bytes a client writes to the server's standard input: frames
 * ("Content-Length: N\r\n\r\n{json}"), junk, truncated headers, messages
 * over the limit (64 KiB here, so that path is reached), JSON-RPC that is
 * not, and every method with any parameters: didOpen / didChange documents
 * are analysed (the whole lint pipeline on the document), hover, code
 * actions and commands run on them. The server reads the input from a
 * memory file and writes to /dev/null; after the input ends every document
 * still waiting is analysed. Nothing may crash, leak or hang.
 *
 * The loop (serve(): framing errors, JSON-RPC checks, dispatch) is static
 * in lint/cmd_lsp.c: this file compiles it in, so the target runs exactly
 * the server's code, unchanged. */
#include <sys/mman.h>

#include "../lint/cmd_lsp.c"
#include "fuzz.h"

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (names_files_to_hash(data, size))
		return 0;
	int in = memfd_create("lsp-input", MFD_CLOEXEC);
	int out = open("/dev/null", O_WRONLY | O_CLOEXEC);
	FUZZ_CHECK(in >= 0 && out >= 0, "memfd_create or /dev/null");
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
	close(in);
	close(out);
	return 0;
}
