/* util/json.h - the two pieces of JSON writing chitieu needs. */
#ifndef CHITIEU_UTIL_JSON_H
#define CHITIEU_UTIL_JSON_H

#include <stddef.h>

#include "util/buf.h"

/* Append 's' ('len' bytes of UTF-8) as a quoted JSON string; control
 * characters are escaped, other characters kept as UTF-8. */
void json_string(struct buf *out, const char *s, size_t len);
/* The same written at 'p', which has room for JSON_STRING_MAX(len)
 * bytes; returns the end (no NUL). */
#define JSON_STRING_MAX(len) (6 * (len) + 2)
char *json_string_to(char *p, const char *s, size_t len);
/* Append 'v' as JSON: a whole number as its digits ("30000", "-7", not
 * "3e+04"), any other value as the shortest decimal that reads back the
 * same ("7.01", "0.30000000000000004"); non-finite values as null. The
 * one number writer of extract's and facts' JSON (and facts' CSV). */
void json_number(struct buf *out, double v);
/* json_string of the NUL-terminated 's', or null when 's' is NULL. */
void json_string_or_null(struct buf *out, const char *s);
/* Append the decimal digits of 'u'. */
void json_uint(struct buf *out, unsigned long long u);

#endif
