/* text/period.h - the periods figures are reported for.
 *
 *   "2024"       the year              "2024-Q3"  year to date, quarter III
 *   "2024-H1"    six months (= Q2 ytd)  "2024-9M"  nine months (= Q3 ytd)
 *   "2024-M05"   a month               "2021-2025" a plan span
 *   "2021/2025"  a per-year average over a span
 */
#ifndef CHITIEU_TEXT_PERIOD_H
#define CHITIEU_TEXT_PERIOD_H

#include <stddef.h>

enum period_kind {
  PERIOD_YEAR,
  PERIOD_QUARTER, /* year to date at the end of quarter 'n' */
  PERIOD_HALF,    /* first half: year to date at Q2 */
  PERIOD_9M,      /* nine months: year to date at Q3 */
  PERIOD_MONTH,
  PERIOD_SPAN,    /* "2021-2025" */
  PERIOD_AVERAGE  /* "2021/2025" */
};

struct period {
  enum period_kind kind;
  int year;  /* the year, or the last year of a span */
  int n;     /* quarter 1-4, month 1-12, or the first year of a span */
};

/* Parse 's' ("2024", "2024-Q3", "2024-H1", "2024-9M", "2024-M05",
 * "2021-2025", "2021/2025"; "2024-q3" accepted). Returns 0 or -1. */
int period_parse(const char *s, struct period *p);

/* Write the canonical form of 'p' into 'dst' ('n' bytes). Returns 'dst'. */
char *period_format(const struct period *p, char *dst, size_t n);

/* The canonical year-to-date form: H1 -> Q2, 9M -> Q3, Q4 -> the year;
 * other kinds unchanged. */
struct period period_ytd(struct period p);

/* The same period one year earlier. */
struct period period_prev_year(struct period p);

/* Vietnamese name for people: "năm 2024", "quý III/2024", "6 tháng đầu
 * năm 2024", "9 tháng năm 2024", "tháng 5/2024", "giai đoạn 2021-2025". */
char *period_label(const struct period *p, char *dst, size_t n);

#endif
