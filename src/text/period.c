/* text/period.c - parsing, canonical forms and names of periods. */
#include "text/period.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int year_ok(long y) { return y >= 1900 && y <= 2200; }

/* Read exactly 'ndig' digits from 's'; -1 if not digits. */
static long digits_n(const char *s, int ndig) {
  long v = 0;
  for (int i = 0; i < ndig; i++) {
    if (!isdigit((unsigned char)s[i]))
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

int period_parse(const char *s, struct period *p) {
  size_t len = strlen(s);
  long y = len >= 4 ? digits_n(s, 4) : -1;
  if (!year_ok(y))
    return -1;
  struct period r = {PERIOD_YEAR, (int)y, 0};
  const char *t = s + 4;
  if (*t == '\0') {
    *p = r;
    return 0;
  }
  if ((t[0] == '-' || t[0] == '/') && strlen(t) == 5) {
    long y2 = digits_n(t + 1, 4);
    if (!year_ok(y2) || y2 < y)
      return -1;
    r.kind = t[0] == '-' ? PERIOD_SPAN : PERIOD_AVERAGE;
    r.n = (int)y;
    r.year = (int)y2;
    *p = r;
    return 0;
  }
  if (t[0] != '-')
    return -1;
  t++;
  if ((t[0] == 'Q' || t[0] == 'q') && t[1] >= '1' && t[1] <= '4' && !t[2]) {
    r.kind = PERIOD_QUARTER;
    r.n = t[1] - '0';
  } else if ((t[0] == 'H' || t[0] == 'h') && t[1] == '1' && !t[2]) {
    r.kind = PERIOD_HALF;
  } else if (t[0] == '9' && (t[1] == 'M' || t[1] == 'm') && !t[2]) {
    r.kind = PERIOD_9M;
  } else if ((t[0] == 'M' || t[0] == 'm') && strlen(t) == 3) {
    long m = digits_n(t + 1, 2);
    if (m < 1 || m > 12)
      return -1;
    r.kind = PERIOD_MONTH;
    r.n = (int)m;
  } else {
    return -1;
  }
  *p = r;
  return 0;
}

char *period_format(const struct period *p, char *dst, size_t n) {
  /* most are a year of four digits: written without snprintf */
  if (p->kind == PERIOD_YEAR && p->year >= 1000 && p->year <= 9999 &&
      n >= 5) {
    for (int k = 3, y = p->year; k >= 0; k--, y /= 10)
      dst[k] = (char)('0' + y % 10);
    dst[4] = '\0';
    return dst;
  }
  switch (p->kind) {
  case PERIOD_YEAR:
    snprintf(dst, n, "%d", p->year);
    break;
  case PERIOD_QUARTER:
    snprintf(dst, n, "%d-Q%d", p->year, p->n);
    break;
  case PERIOD_HALF:
    snprintf(dst, n, "%d-H1", p->year);
    break;
  case PERIOD_9M:
    snprintf(dst, n, "%d-9M", p->year);
    break;
  case PERIOD_MONTH:
    snprintf(dst, n, "%d-M%02d", p->year, p->n);
    break;
  case PERIOD_SPAN:
    snprintf(dst, n, "%d-%d", p->n, p->year);
    break;
  case PERIOD_AVERAGE:
    snprintf(dst, n, "%d/%d", p->n, p->year);
    break;
  }
  return dst;
}

struct period period_ytd(struct period p) {
  if (p.kind == PERIOD_HALF)
    return (struct period){PERIOD_QUARTER, p.year, 2};
  if (p.kind == PERIOD_9M)
    return (struct period){PERIOD_QUARTER, p.year, 3};
  if (p.kind == PERIOD_QUARTER && p.n == 4)
    return (struct period){PERIOD_YEAR, p.year, 0};
  return p;
}

struct period period_prev_year(struct period p) {
  p.year -= 1;
  if (p.kind == PERIOD_SPAN || p.kind == PERIOD_AVERAGE)
    p.n -= 1;
  return p;
}

char *period_label(const struct period *p, char *dst, size_t n) {
  static const char *const roman[] = {"", "I", "II", "III", "IV"};
  switch (p->kind) {
  case PERIOD_YEAR:
    snprintf(dst, n, "năm %d", p->year);
    break;
  case PERIOD_QUARTER:
    snprintf(dst, n, "quý %s/%d", roman[p->n], p->year);
    break;
  case PERIOD_HALF:
    snprintf(dst, n, "6 tháng đầu năm %d", p->year);
    break;
  case PERIOD_9M:
    snprintf(dst, n, "9 tháng năm %d", p->year);
    break;
  case PERIOD_MONTH:
    snprintf(dst, n, "tháng %d/%d", p->n, p->year);
    break;
  case PERIOD_SPAN:
    snprintf(dst, n, "giai đoạn %d-%d", p->n, p->year);
    break;
  case PERIOD_AVERAGE:
    snprintf(dst, n, "bình quân %d-%d", p->n, p->year);
    break;
  }
  return dst;
}
