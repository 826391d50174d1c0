/* text/legacy.h - Vietnamese texts in the encodings of the 1990s font
 * packages, still found in old office files: TCVN3 (ABC, one byte a
 * letter, glibc's iconv reads it as TCVN5712-1), VNI Windows (a base
 * letter and one or two mark bytes; no iconv), and TCVN3 that some tool
 * read as Latin-1 and saved again as UTF-8 ("t¨ng tr­ëng" for "tăng
 * trưởng"). Such a text is told from its first 64 KiB and refused with
 * the command that converts it: a guess that is wrong would put garbled
 * names and figures into the database without a word. */
#ifndef CHITIEU_TEXT_LEGACY_H
#define CHITIEU_TEXT_LEGACY_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

enum text_legacy {
  TEXT_LEGACY_NONE,
  TEXT_LEGACY_TCVN3,    /* TCVN3 bytes (not UTF-8) */
  TEXT_LEGACY_VNI,      /* VNI Windows bytes (not UTF-8) */
  TEXT_LEGACY_MOJIBAKE, /* valid UTF-8 of TCVN3 bytes read as Latin-1 */
};

/* Which legacy encoding, if any, the 'len' bytes at 's' are in; 'valid'
 * says whether they are valid UTF-8 (the caller has checked). A text that
 * is not UTF-8 and not one of them is TEXT_LEGACY_NONE (it is just
 * invalid). */
enum text_legacy text_legacy_detect(const char *s, size_t len, bool valid);

/* If 's' is in a legacy encoding, set 'err' (file 'name') to one line
 * that names it and says how to convert the file, and return -1; else
 * return 0. Cheap on valid UTF-8 without a byte 0xC2 (one memchr over the
 * first 64 KiB), as most Vietnamese texts are. */
int text_legacy_check(const char *s, size_t len, bool valid, const char *name,
                      struct err *err);

#endif
