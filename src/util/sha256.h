/* util/sha256.h - SHA-256 of a byte string, for telling documents and
 * imported files apart by content (FIPS 180-4). */
#ifndef CHITIEU_UTIL_SHA256_H
#define CHITIEU_UTIL_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
  uint32_t h[8];
  uint64_t total; /* bytes fed so far */
  unsigned char blk[64];
  size_t nblk; /* bytes waiting in 'blk' */
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
/* Finish and write the 32-byte digest into 'out'. */
void sha256_final(struct sha256 *s, unsigned char out[32]);

/* The digest of 'len' bytes at 'data' as 64 lower-case hex digits and a
 * NUL, written into 'hex'. Returns 'hex'. */
char *sha256_hex(const void *data, size_t len, char hex[65]);

#endif
