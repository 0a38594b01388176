/* libarchive, opened on first use; see dl_lib.h.
 *
 *   const ip_libarchive *la = ip_libarchive_get();
 *   if (!la) ...;                     (message in ip_error_last())
 *   struct archive *a = la->archive_read_new();
 *
 * Each member has the type of the function of the same name in
 * libarchive's headers. Users: lint/audit/audit_walk.c (the audit reading an
 * archive), lint/cmd_version.c. Only built when IOSPLAN_HAVE_LIBARCHIVE. */
#ifndef IOSPLAN_LIBARCHIVE_DL_H
#define IOSPLAN_LIBARCHIVE_DL_H

#include <archive.h>
#include <archive_entry.h>

#define IP_LIBARCHIVE_FUNCTIONS(X)         \
	X(archive_version_details)         \
	X(archive_read_new)                \
	X(archive_read_free)               \
	X(archive_read_support_filter_all) \
	X(archive_read_support_format_tar) \
	X(archive_read_support_format_zip) \
	X(archive_read_support_format_raw) \
	X(archive_read_open_fd)            \
	X(archive_read_next_header)        \
	X(archive_read_data)               \
	X(archive_read_data_skip)          \
	X(archive_error_string)            \
	X(archive_filter_bytes)            \
	X(archive_filter_code)             \
	X(archive_format)                  \
	X(archive_entry_pathname)          \
	X(archive_entry_filetype)          \
	X(archive_entry_hardlink)          \
	X(archive_entry_size)              \
	X(archive_entry_size_is_set)       \
	X(archive_entry_mtime)             \
	X(archive_entry_mtime_is_set)

typedef struct ip_libarchive {
#define IP_LIBARCHIVE_MEMBER(name) __typeof__(name) *name;
	IP_LIBARCHIVE_FUNCTIONS(IP_LIBARCHIVE_MEMBER)
#undef IP_LIBARCHIVE_MEMBER
} ip_libarchive;

/* The functions, libarchive opened on the first call (thread-safe; later
 * calls cost a pthread_once). NULL when it cannot be opened, the message
 * ("cannot load libarchive.so.13 (...): install libarchive13") in
 * ip_error_last(). The table lives as long as the process. */
const ip_libarchive *ip_libarchive_get(void);

#endif
