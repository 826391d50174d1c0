/* util/sha256.h - SHA-256 of a byte string, for telling documents and
 * imported files apart by content. Computed by Nettle, which uses the
 * CPU's SHA instructions where it has them. */
#ifndef CHITIEU_UTIL_SHA256_H
#define CHITIEU_UTIL_SHA256_H

#include <stddef.h>

/* The digest of 'len' bytes at 'data' as 64 lower-case hex digits and a
 * NUL, written into 'hex'. Returns 'hex'. */
char *sha256_hex(const void *data, size_t len, char hex[65]);

#endif
