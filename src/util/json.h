/* util/json.h - the two pieces of JSON writing chitieu needs. */
#ifndef CHITIEU_UTIL_JSON_H
#define CHITIEU_UTIL_JSON_H

#include <stddef.h>

#include "util/buf.h"

/* Append 's' ('len' bytes of UTF-8) as a quoted JSON string; control
 * characters are escaped, other characters kept as UTF-8. */
void json_string(struct buf *out, const char *s, size_t len);
/* Append 'v' in the shortest form that reads back the same ("7.01",
 * "30000"); non-finite values as null. */
void json_number(struct buf *out, double v);

#endif
