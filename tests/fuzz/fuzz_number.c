/* tests/fuzz/fuzz_number.c - libFuzzer target for the text/ parsers that
 * read user input directly: Vietnamese numbers (text_number_parse), their
 * formatting (text_number_format) and periods (period_parse). Beyond "no
 * crash, no UB", it checks round trips: a period formats to a string that
 * parses back to itself, and a number formatted the Vietnamese way parses
 * back to (nearly) the same value. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/period.h"
#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Format 'v' with 'decimals' and, for values the formatter shows exactly
 * enough, parse it back. */
static void number_roundtrip(double v, int decimals) {
  char s[128];
  text_number_format(s, sizeof s, v, decimals);
  if (!isfinite(v) || fabs(v) >= 1e15 || decimals > 6)
    return;
  const char *p = s[0] == '-' ? s + 1 : s;
  double back = 0;
  size_t n = text_number_parse(p, strlen(p), &back);
  if (n != strlen(p))
    abort(); /* the formatter wrote something the parser stops in */
  if (s[0] == '-')
    back = -back;
  int dec = decimals < 0 ? 4 : decimals;
  if (fabs(back - v) > 0.5 * pow(10, -dec) + fabs(v) * 1e-12)
    abort();
}

static void period_roundtrip(const char *s) {
  struct period p, q;
  if (period_parse(s, &p) != 0)
    return;
  char a[64], b[64], label[128];
  period_format(&p, a, sizeof a);
  if (period_parse(a, &q) != 0)
    abort();
  period_format(&q, b, sizeof b);
  if (strcmp(a, b) != 0)
    abort();
  period_label(&p, label, sizeof label);
  struct period y = period_ytd(p);
  period_format(&y, a, sizeof a);
  struct period prev = period_prev_year(p);
  period_format(&prev, a, sizeof a);
  period_label(&prev, label, sizeof label);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* The parser on the raw bytes (not NUL-terminated: ASan sees overreads). */
  char *raw = malloc(size ? size : 1);
  memcpy(raw, data, size);
  double v = 0;
  size_t n = text_number_parse(raw, size, &v);
  if (n > size)
    abort();
  free(raw);
  if (n > 0) {
    number_roundtrip(v, -1);
    number_roundtrip(v, size > 0 ? data[0] % 8 : 1);
  }
  /* Any double the bytes spell, including NaN, infinities and huge ones. */
  if (size >= 9) {
    double d;
    memcpy(&d, data, sizeof d);
    number_roundtrip(d, (int)(data[8] % 12) - 1);
  }
  /* Periods are NUL-terminated strings from the command line and YAML. */
  char *s = malloc(size + 1);
  memcpy(s, data, size);
  s[size] = '\0';
  period_roundtrip(s);
  free(s);
  return 0;
}
