/* util/json.c - JSON strings and numbers. */
#include "util/json.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Does the 8-byte word 'x' hold a byte below 0x20, '"' or '\\'? (The
 * classic SWAR tests: exact as to whether any byte matches.) */
static bool word_needs_escape(uint64_t x) {
  const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
  uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
  uint64_t lt20 = (x - ones * 0x20) & ~x;
  uint64_t zq = (q - ones) & ~q, zb = (b - ones) & ~b;
  return ((lt20 | zq | zb) & high) != 0;
}

static bool needs_escape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

/* The length of the run at 's' of bytes that need no escape: eight at a
 * time, as almost every string has none. */
static size_t plain_run(const char *s, size_t len) {
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    if (word_needs_escape(x))
      break;
  }
  while (i < len && !needs_escape((unsigned char)s[i]))
    i++;
  return i;
}

void json_string(struct buf *out, const char *s, size_t len) {
  buf_addc(out, '"');
  size_t i = 0;
  while (i < len) {
    size_t n = plain_run(s + i, len - i);
    buf_add(out, s + i, n);
    i += n;
    if (i >= len)
      break;
    unsigned char c = (unsigned char)s[i++];
    switch (c) {
    case '"':
      buf_add(out, "\\\"", 2);
      break;
    case '\\':
      buf_add(out, "\\\\", 2);
      break;
    case '\n':
      buf_add(out, "\\n", 2);
      break;
    case '\t':
      buf_add(out, "\\t", 2);
      break;
    case '\r':
      buf_add(out, "\\r", 2);
      break;
    default:
      buf_addf(out, "\\u%04x", c);
    }
  }
  buf_addc(out, '"');
}

/* A value with at most four decimals, below 1e11: written from its
 * integer n = v * 10^k (k the fewest decimals that give v back), which is
 * what the loop below finds with more work: n / 10^k, correctly rounded,
 * is v, and no shorter decimal is. 0 when 'v' is not such a value. */
static int short_decimal(struct buf *out, double v) {
  static const double p10[] = {1, 10, 100, 1000, 10000};
  double a = fabs(v);
  if (!(a >= 1e-4 && a < 1e11))
    return 0;
  for (int k = 1; k <= 4; k++) {
    double n = round(a * p10[k]);
    if (n / p10[k] != a)
      continue;
    unsigned long long u = (unsigned long long)n;
    unsigned long long ip = u / (unsigned long long)p10[k];
    unsigned long long fp = u % (unsigned long long)p10[k];
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%s%llu.%0*llu", v < 0 ? "-" : "", ip, k, fp);
    buf_adds(out, tmp);
    return 1;
  }
  return 0;
}

void json_number(struct buf *out, double v) {
  if (!isfinite(v)) {
    buf_adds(out, "null");
    return;
  }
  if (v != floor(v) && short_decimal(out, v))
    return;
  char tmp[40];
  for (int prec = 1; prec <= 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*g", prec, v);
    if (strtod(tmp, NULL) == v)
      break;
  }
  buf_adds(out, tmp);
}
