/* text/text.h - Vietnamese text handling: UTF-8 checks, NFC, folding for
 * diacritic-aware matching, Vietnamese number parsing and formatting.
 * Backed by utf8proc; knows nothing of facts, config or storage. */
#ifndef CHITIEU_TEXT_TEXT_H
#define CHITIEU_TEXT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

/* Build the tables text_normalize and text_fold read. Each is built
 * exactly once (pthread_once) by the first thread that needs it, and only
 * read after that: calling this is never needed for correctness, only to
 * take the cost up front. */
void text_init(void);

/* Check that 's' ('len' bytes) is valid UTF-8 (no overlongs, surrogates or
 * code points above U+10FFFF). Returns 0, or -1 with '*bad' set to the byte
 * offset of the first invalid sequence. */
int text_utf8_check(const char *s, size_t len, size_t *bad);

/* Make a document's text ready for extraction: reject invalid UTF-8 (error
 * naming 'name', the line and the byte offset), drop a leading BOM, turn
 * CRLF and lone CR into LF, and normalise to NFC. Returns a new string
 * (caller frees) with its length in '*outlen', or NULL with 'err'. */
char *text_normalize(const char *s, size_t len, const char *name,
                     size_t *outlen, struct err *err);

/* NFC of the NUL-terminated UTF-8 string 's' (assumed valid); caller
 * frees. */
char *text_nfc(const char *s);

/* A matching key for 's' ('len' bytes): lower case, Vietnamese diacritics
 * removed, "đ" -> "d", runs of white space folded to one space. "Mường
 * Ảng" -> "muong ang". Caller frees. */
char *text_fold(const char *s, size_t len);
/* The same into 'buf' ('cap' bytes) when it fits, else into memory the
 * caller frees, which '*owned' then points to (else NULL). */
const char *text_fold_buf(const char *s, size_t len, char *buf, size_t cap,
                          char **owned);

/* Like text_fold, but keeps the diacritics (lower case and white space
 * only): "Mường Ảng" -> "mường ảng". Caller frees. */
char *text_lower(const char *s, size_t len);

/* Parse the Vietnamese number at the start of 's' ('len' bytes) into
 * '*out': decimal comma and thousands dot ("7,01" 7.01, "30.000" 30000,
 * "2.245.645", "10.412,7"). A dot not followed by exactly three digits is
 * a decimal point ("6.5"), as English-style texts write; several commas
 * each followed by three digits are thousands separators ("1,551,260").
 * A single comma is always the decimal comma: "104,267" is 104.267.
 * Returns the bytes consumed, or 0 if 's' does not start with a digit
 * ('*out' untouched). */
size_t text_number_parse(const char *s, size_t len, double *out);

/* Format 'v' the Vietnamese way into 'dst' ('n' bytes): thousands dot,
 * decimal comma, 'decimals' places (-1: as many as needed, up to 4, with
 * trailing zeros dropped). "-" for negatives. Returns 'dst'. */
char *text_number_format(char *dst, size_t n, double v, int decimals);

/* Number of Unicode code points in 's' (valid UTF-8, NUL-terminated). */
size_t text_utf8_len(const char *s);

/* Decode the code point at 's' into '*cp'; returns its byte length (1 for
 * an invalid byte, with '*cp' = 0xFFFD). */
int text_utf8_decode(const char *s, size_t len, int *cp);

#endif
