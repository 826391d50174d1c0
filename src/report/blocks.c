/* report/blocks.c - the pieces the dashboard and the briefing pack are
 * made of: page cursor, footers, headings, the status summary, the
 * indicator table, trend charts, comparisons across localities and the
 * numbered sources. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report/report_int.h"
#include "text/text.h"
#include "util/xalloc.h"

static const struct rgba GREY = {0.35, 0.35, 0.35, 1};
static const struct rgba RULE = {0.6, 0.6, 0.6, 1};
static const struct rgba GOOD = {0.0, 0.45, 0.2, 1};
static const struct rgba BAD = {0.75, 0.1, 0.1, 1};
static const struct rgba INK = {0, 0, 0, 1};

long long report_now(char *dst, size_t n) {
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  snprintf(dst, n, "%02d/%02d/%04d", tm.tm_mday, tm.tm_mon + 1,
           tm.tm_year + 1900);
  return (long long)t;
}

void locality_title(const struct locality *l, char *dst, size_t n) {
  if (!l->level || !strcmp(l->level, "quốc gia")) {
    snprintf(dst, n, "%s", l->name);
    return;
  }
  /* "thị xã" -> "Thị xã": capitalise the first letter (ASCII or Vietnamese
   * letters of the level words: t, h, x, q, p, đ) */
  char lv[64];
  snprintf(lv, sizeof lv, "%s", l->level);
  if (lv[0] >= 'a' && lv[0] <= 'z')
    lv[0] = (char)(lv[0] - 'a' + 'A');
  else if (!strncmp(lv, "đ", strlen("đ")))
    memcpy(lv, "Đ", strlen("Đ"));
  snprintf(dst, n, "%s %s", lv, l->name);
}

double cursor_width(const struct cursor *c) { return c->right - c->left; }

int cursor_page(struct cursor *c, struct err *err) {
  if (pdf_page_add(c->doc, c->size, c->orient, err) < 0)
    return -1;
  double w = pdf_page_width(c->doc), h = pdf_page_height(c->doc);
  c->left = 42;
  c->right = w - 42;
  c->top = 40;
  c->bottom = h - 50;
  c->y = c->top;
  if (c->running_title) {
    /* the same on every page: written once (pdf_form_begin) */
    struct pdf_style st = PDF_SMALL;
    if (pdf_form_begin(c->doc, 0, 0, err) ||
        pdf_text(c->doc, c->left, c->y + 8, c->running_title, &st, err) ||
        pdf_line(c->doc, c->left, c->y + 12, c->right, c->y + 12, 0.4, RULE,
                 err) ||
        pdf_form_end(c->doc, err))
      return -1;
    c->y += 24;
  }
  return 0;
}

int cursor_need(struct cursor *c, double h, struct err *err) {
  if (pdf_page_current(c->doc) >= 0 && c->y + h <= c->bottom)
    return 0;
  return cursor_page(c, err);
}

int cursor_footers(struct cursor *c, const char *footer, struct err *err) {
  int n = pdf_page_count(c->doc);
  for (int i = 0; i < n; i++) {
    if (pdf_page_select(c->doc, i, err))
      return -1;
    double w = pdf_page_width(c->doc), h = pdf_page_height(c->doc);
    char page[64];
    snprintf(page, sizeof page, "Trang %d/%d", i + 1, n);
    struct pdf_style st = PDF_SMALL;
    if (pdf_form_begin(c->doc, 0, 0, err) ||
        pdf_line(c->doc, 42, h - 36, w - 42, h - 36, 0.4, RULE, err) ||
        (footer && pdf_text(c->doc, 42, h - 24, footer, &st, err)) ||
        pdf_form_end(c->doc, err))
      return -1;
    st.align = CANVAS_RIGHT;
    if (pdf_text(c->doc, w - 42, h - 24, page, &st, err))
      return -1;
  }
  return 0;
}

int block_heading(struct cursor *c, const char *text, struct err *err) {
  /* a heading never ends a page: keep room for what follows it */
  if (cursor_need(c, 200, err))
    return -1;
  c->y += 8;
  struct pdf_style st = PDF_H2;
  double h = 0;
  if (pdf_paragraph(c->doc, c->left, c->y, cursor_width(c), text, &st, true, &h,
                    err))
    return -1;
  c->y += h + 2;
  if (pdf_line(c->doc, c->left, c->y, c->right, c->y, 0.6, INK, err))
    return -1;
  c->y += 8;
  return 0;
}

void cell_format(char *dst, size_t n, const struct report_cell *cell,
                 int decimals) {
  if (!cell->has) {
    snprintf(dst, n, "—");
    return;
  }
  char num[64];
  text_number_format(num, sizeof num, cell->value, decimals);
  snprintf(dst, n, "%s%s", num, cell->estimated ? "*" : "");
}

/* Append ", k what" to 'b' when 'k' is not zero ('*first' says whether
 * this is the first part). */
static void count_part(struct buf *b, size_t k, const char *what, bool *first) {
  if (k == 0)
    return;
  buf_addf(b, "%s%zu %s", *first ? "" : ", ", k, what);
  *first = false;
}

int block_status(struct cursor *c, const struct report_model *m,
                 struct err *err) {
  size_t judged = m->counts[STATUS_MET] + m->counts[STATUS_NEAR] +
                  m->counts[STATUS_MISSED] + m->counts[STATUS_NODATA];
  if (cursor_need(c, 110, err))
    return -1;
  struct pdf_style st = PDF_SMALL;
  double h = 0;
  struct chart ch = {.kind = CHART_STATUS,
                     .n_met = (int)m->counts[STATUS_MET],
                     .n_near = (int)m->counts[STATUS_NEAR],
                     .n_missed = (int)m->counts[STATUS_MISSED],
                     .n_nodata = (int)m->counts[STATUS_NODATA],
                     .decimals = 0};
  if (judged > 0) {
    if (pdf_chart(c->doc, &ch, c->left, c->y, cursor_width(c), 60, NULL, err))
      return -1;
    c->y += 62;
  }
  /* "Trong 14 chỉ tiêu có kế hoạch: 6 đạt và vượt, 2 không đạt." Zero
   * counts are left out; the indicators without a result are named, so
   * that none is dropped silently. */
  struct buf b = BUF_INIT;
  bool first = true;
  if (judged > 0) {
    buf_addf(&b, "Trong %zu chỉ tiêu có kế hoạch: ", judged);
    count_part(&b, m->counts[STATUS_MET], "đạt và vượt", &first);
    count_part(&b, m->counts[STATUS_NEAR], "gần đạt", &first);
    count_part(&b, m->counts[STATUS_MISSED], "không đạt", &first);
    count_part(&b, m->counts[STATUS_NODATA], "chưa có số liệu thực hiện",
               &first);
    buf_addf(&b, ".");
  }
  if (m->counts[STATUS_NODATA]) {
    buf_addf(&b, " Chưa có số liệu thực hiện: ");
    size_t k = 0;
    for (size_t i = 0; i < m->n_rows; i++)
      if (m->rows[i].status == STATUS_NODATA)
        buf_addf(&b, "%s%s", k++ ? "; " : "", m->rows[i].ind->name);
    buf_addf(&b, ".");
  }
  if (m->counts[STATUS_NOPLAN])
    buf_addf(&b, " %zu chỉ tiêu có số liệu nhưng chưa có kế hoạch để so sánh.",
             m->counts[STATUS_NOPLAN]);
  if (m->n_empty)
    buf_addf(&b, " %zu chỉ tiêu trong danh mục chưa có số liệu nào.",
             m->n_empty);
  int rc = 0;
  const char *text = b.s && b.s[0] == ' ' ? b.s + 1 : b.s;
  if (text && text[0]) {
    rc = pdf_paragraph(c->doc, c->left, c->y, cursor_width(c), text, &st, true,
                       &h, err);
    c->y += h + 6;
  }
  buf_free(&b);
  return rc;
}

/* Draw 't' from its first row on, continuing on new pages with the header
 * repeated, and leave the cursor 'gap' points under it. */
int block_table_flow(struct cursor *c, const struct pdf_table *t, double gap,
                     struct err *err) {
  int first = 0;
  if (cursor_need(c, 40, err))
    return -1;
  while (first < t->n_rows) {
    double y_end = c->y;
    int drawn =
        pdf_table_draw(c->doc, t, first, c->left, c->y, c->bottom, &y_end, err);
    if (drawn < 0)
      return -1;
    first += drawn;
    if (drawn > 0)
      c->y = y_end + gap;
    if (first < t->n_rows && cursor_page(c, err))
      return -1;
  }
  return 0;
}

static bool in_group(const struct report_row *r, const char *group) {
  return !group || (r->ind->group && !strcmp(r->ind->group, group));
}

static void source_tag(char *dst, size_t n, const struct report_cell *cell,
                       struct sources *s) {
  if (!cell->has || !cell->src.source[0]) {
    dst[0] = '\0';
    return;
  }
  size_t k = sources_add(s, &cell->src);
  snprintf(dst, n, "[%zu]", k);
}

/* The indicator table of block_table, made: columns, cells and colours. */
struct unit_table {
  struct pdf_col cols[8];
  char **cells;
  struct rgba *colors;
  size_t n; /* rows */
  struct pdf_table t;
};

static const char table_note[] =
    "* số ước thực hiện. % KH: thực hiện so với kế hoạch năm; so cùng kỳ: so "
    "với cùng kỳ năm trước (chỉ tiêu tỷ lệ: chênh lệch điểm phần trăm).";

/* Make the table of 'm's rows (of 'group' when not NULL), numbering their
 * sources in 's'. 'u->n' is 0 when there are none. */
static void unit_table_make(const struct cursor *c,
                            const struct report_model *m, const char *group,
                            struct sources *s, struct unit_table *u) {
  static const char *const titles[] = {"Chỉ tiêu",  "Đơn vị", "Kế hoạch",
                                       "Thực hiện", "% KH",   "So cùng kỳ",
                                       "Đánh giá",  "Nguồn"};
  memset(u, 0, sizeof *u);
  double w = cursor_width(c);
  double fr[] = {0.25, 0.15, 0.1, 0.1, 0.07, 0.12, 0.11, 0.1};
  enum canvas_align al[] = {CANVAS_LEFT,  CANVAS_LEFT,  CANVAS_RIGHT,
                            CANVAS_RIGHT, CANVAS_RIGHT, CANVAS_RIGHT,
                            CANVAS_LEFT,  CANVAS_LEFT};
  for (int i = 0; i < 8; i++)
    u->cols[i] = (struct pdf_col){titles[i], fr[i] * w, al[i]};
  size_t n = 0;
  for (size_t i = 0; i < m->n_rows; i++)
    n += in_group(&m->rows[i], group);
  if (n == 0)
    return;
  char **cells = xcalloc(n * 8, sizeof *cells);
  struct rgba *colors = xcalloc(n * 8, sizeof *colors);
  size_t k = 0;
  for (size_t i = 0; i < m->n_rows; i++) {
    const struct report_row *r = &m->rows[i];
    if (!in_group(r, group))
      continue;
    char b[8][160];
    int dec = r->ind->decimals;
    snprintf(b[0], sizeof b[0], "%s", r->ind->name);
    snprintf(b[1], sizeof b[1], "%s", r->ind->unit ? r->ind->unit : "");
    cell_format(b[2], sizeof b[2], &r->plan, dec);
    cell_format(b[3], sizeof b[3], &r->actual, dec);
    cell_format(b[4], sizeof b[4], &r->plan_pct, 1);
    if (r->change_pct.has) {
      char num[64];
      text_number_format(num, sizeof num, r->change_pct.value, 1);
      snprintf(b[5], sizeof b[5], "%s%s%s%s",
               r->change_pct.value > 0 ? "+" : "", num,
               r->change_points ? " điểm" : "%",
               r->change_pct.estimated ? "*" : "");
    } else {
      snprintf(b[5], sizeof b[5], "—");
    }
    snprintf(b[6], sizeof b[6], "%s", report_status_name(r->status));
    char t1[24], t2[24];
    source_tag(t1, sizeof t1, &r->plan, s);
    source_tag(t2, sizeof t2, r->actual.has ? &r->actual : &r->plan_pct, s);
    if (t1[0] && t2[0] && strcmp(t1, t2))
      snprintf(b[7], sizeof b[7], "KH %s, TH %s", t1, t2);
    else
      snprintf(b[7], sizeof b[7], "%s", t1[0] ? t1 : t2);
    for (int j = 0; j < 8; j++) {
      cells[k * 8 + j] = xstrdup(b[j]);
      colors[k * 8 + j] = INK;
    }
    if (r->status == STATUS_MET)
      colors[k * 8 + 6] = GOOD;
    else if (r->status == STATUS_MISSED)
      colors[k * 8 + 6] = BAD;
    else if (r->status >= STATUS_NODATA)
      colors[k * 8 + 6] = GREY;
    k++;
  }
  u->cells = cells;
  u->colors = colors;
  u->n = n;
  u->t = (struct pdf_table){.cols = u->cols,
                            .n_cols = 8,
                            .cells = (const char *const *)cells,
                            .colors = colors,
                            .n_rows = (int)n,
                            .size = 8,
                            .zebra = true,
                            .rules = false,
                            .fixed_cols = 2};
}

static void unit_table_free(struct unit_table *u) {
  for (size_t i = 0; i < u->n * 8; i++)
    free(u->cells[i]);
  free(u->cells);
  free(u->colors);
  memset(u, 0, sizeof *u);
}

int block_table(struct cursor *c, const struct report_model *m,
                const char *group, struct sources *s, struct err *err) {
  struct unit_table u;
  unit_table_make(c, m, group, s, &u);
  if (u.n == 0)
    return 0;
  int rc = block_table_flow(c, &u.t, 4, err);
  unit_table_free(&u);
  if (rc == 0) {
    struct pdf_style st = PDF_SMALL;
    double h = 0;
    if (pdf_form_begin(c->doc, c->left, c->y, err) ||
        pdf_paragraph(c->doc, c->left, c->y, cursor_width(c), table_note, &st,
                      true, &h, err) ||
        pdf_form_end(c->doc, err))
      return -1;
    c->y += h + 8;
  }
  return rc;
}

/* The label of the last column of a trend: the year, or the part of it
 * the figure covers ("9T/2024"). */
static void period_short(const struct period *p, char *dst, size_t n) {
  struct period y = period_ytd(*p);
  if (y.kind == PERIOD_QUARTER && y.n == 1)
    snprintf(dst, n, "Q1/%d", y.year);
  else if (y.kind == PERIOD_QUARTER)
    snprintf(dst, n, "%dT/%d", 3 * y.n, y.year);
  else if (y.kind == PERIOD_MONTH)
    snprintf(dst, n, "T%d/%d", y.n, y.year);
  else
    snprintf(dst, n, "%d", y.year);
}

/* The years of 'r's trend from the first one with a figure. */
static int trend_first(const struct report_row *r) {
  for (int i = 0; i < REPORT_YEARS; i++)
    if (r->trend_plan[i].has || r->trend_actual[i].has)
      return i;
  return REPORT_YEARS;
}

static struct chart_value cv_of(const struct report_cell *c) {
  struct chart_value v = {c->value, c->has, c->estimated};
  return v;
}

/* The number of the source of 'cell' added to the set 'tags' ('n' used
 * of 'cap'), unless it is there already. */
static void tag_add(size_t *tags, size_t *n, size_t cap,
                    const struct report_cell *cell, struct sources *s) {
  if (!s || !cell->has || !cell->src.source[0])
    return;
  size_t k = sources_add(s, &cell->src);
  for (size_t i = 0; i < *n; i++)
    if (tags[i] == k)
      return;
  if (*n < cap)
    tags[(*n)++] = k;
}

static int cmp_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* "Nguồn số liệu biểu đồ: [1], [3]." under charts whose figures are not
 * in a table beside them. */
static void tags_text(size_t *tags, size_t n, struct buf *b) {
  qsort(tags, n, sizeof *tags, cmp_size);
  buf_addf(b, "Nguồn số liệu biểu đồ: ");
  for (size_t i = 0; i < n; i++)
    buf_addf(b, "%s[%zu]", i ? ", " : "", tags[i]);
  buf_addf(b, ".");
}

static int tags_draw(struct cursor *c, size_t *tags, size_t n,
                     struct err *err) {
  if (n == 0)
    return 0;
  struct buf b = BUF_INIT;
  tags_text(tags, n, &b);
  struct pdf_style st = PDF_SMALL;
  double h = 0;
  int rc = pdf_paragraph(c->doc, c->left, c->y, cursor_width(c), b.s, &st, true,
                         &h, err);
  c->y += h + 6;
  buf_free(&b);
  return rc;
}

#define TAGS_MAX 256
#define TREND_H 150 /* a trend chart's height, points */

size_t trend_items(const struct report_row *r, const struct period *p,
                   int first, struct chart_item *items, char (*labels)[16]) {
  size_t n = 0;
  for (int k = first < 0 ? 0 : first; k < REPORT_YEARS; k++, n++) {
    snprintf(labels[n], 16, "%d", r->years[k]);
    if (k == REPORT_YEARS - 1)
      period_short(p, labels[n], 16);
    items[n] = (struct chart_item){labels[n],
                                   cv_of(&r->trend_actual[k]),
                                   cv_of(&r->trend_plan[k]),
                                   {0, false, false}};
  }
  return n;
}

/* The sources of the trends of 'm' (the rows of 'group' when not NULL)
 * numbered in 's' and put in 'tags', in the order block_trends numbers
 * them; returns the number of charts. */
static size_t trends_tags(const struct report_model *m, const char *group,
                          struct sources *s, size_t *tags, size_t *n_tags) {
  size_t charts = 0;
  for (size_t i = 0; i < m->n_rows; i++) {
    const struct report_row *r = &m->rows[i];
    int first = trend_first(r);
    if (!in_group(r, group) || first >= REPORT_YEARS)
      continue;
    charts++;
    for (int k = first; k < REPORT_YEARS; k++) {
      tag_add(tags, n_tags, TAGS_MAX, &r->trend_plan[k], s);
      tag_add(tags, n_tags, TAGS_MAX,
              k == REPORT_YEARS - 1 && r->actual.has ? &r->actual
                                                     : &r->trend_actual[k],
              s);
    }
  }
  return charts;
}

static int trends_per_row(const struct cursor *c) {
  return c->orient == PDF_LANDSCAPE ? 4 : 3;
}

int block_trends(struct cursor *c, const struct report_model *m,
                 const char *group, struct sources *s, double chh,
                 struct err *err) {
  const int per_row = trends_per_row(c);
  double gap = 12;
  double cw = (cursor_width(c) - gap * (per_row - 1)) / per_row;
  if (chh <= 0)
    chh = TREND_H;
  int col = 0;
  size_t tags[TAGS_MAX], n_tags = 0;
  trends_tags(m, group, s, tags, &n_tags);
  for (size_t i = 0; i < m->n_rows; i++) {
    const struct report_row *r = &m->rows[i];
    if (!in_group(r, group))
      continue;
    int first = trend_first(r);
    if (first >= REPORT_YEARS)
      continue;
    struct chart_item items[REPORT_YEARS];
    char labels[REPORT_YEARS][16];
    size_t n = trend_items(r, &m->period, first, items, labels);
    struct chart ch = {.kind = CHART_TREND,
                       .title = r->ind->short_name ? r->ind->short_name
                                                   : r->ind->name,
                       .unit = r->ind->unit,
                       .direction = r->ind->direction,
                       .decimals = r->ind->decimals,
                       .items = items,
                       .n_items = n};
    if (col == 0 && cursor_need(c, chh + 6, err))
      return -1;
    double x = c->left + col * (cw + gap);
    if (pdf_chart(c->doc, &ch, x, c->y, cw, chh, NULL, err))
      return -1;
    if (++col == per_row) {
      col = 0;
      c->y += chh + 8;
    }
  }
  if (col)
    c->y += chh + 8;
  return tags_draw(c, tags, n_tags, err);
}

/* Forget the sources numbered after the first 'n'. */
static void sources_truncate(struct sources *s, size_t n) {
  for (size_t i = n; i < s->n; i++) {
    free(s->v[i].kind);
    free(s->v[i].doc);
    free(s->v[i].sentence);
  }
  if (n < s->n)
    s->n = n;
}

int block_trends_table_height(struct cursor *c, const struct report_model *tm,
                              const struct report_model *m, struct sources *s,
                              double chh, double *h, int *chart_rows,
                              struct err *err) {
  size_t mark = s->n;
  size_t tags[TAGS_MAX], n_tags = 0;
  size_t charts = trends_tags(tm, NULL, s, tags, &n_tags);
  size_t per_row = (size_t)trends_per_row(c);
  *chart_rows = (int)((charts + per_row - 1) / per_row);
  double total = *chart_rows * (chh + 8);
  struct pdf_style st = PDF_SMALL;
  double ph = 0;
  int rc = 0;
  if (n_tags) {
    struct buf b = BUF_INIT;
    tags_text(tags, n_tags, &b);
    rc = pdf_paragraph(c->doc, c->left, c->y, cursor_width(c), b.s, &st,
                       false, &ph, err);
    buf_free(&b);
    total += ph + 6;
  }
  struct unit_table u;
  unit_table_make(c, m, NULL, s, &u);
  if (rc == 0 && u.n) {
    double th = pdf_table_height(c->doc, &u.t, err);
    rc = th < 0 ? -1
                : pdf_paragraph(c->doc, c->left, c->y, cursor_width(c),
                                table_note, &st, false, &ph, err);
    total += th + 4 + ph + 8;
  }
  unit_table_free(&u);
  sources_truncate(s, mark);
  *h = total;
  return rc;
}

/* The row of indicator 'ind' in 'm', or NULL. */
static const struct report_row *row_of(const struct report_model *m,
                                       const struct indicator *ind) {
  for (size_t j = 0; j < m->n_rows; j++)
    if (m->rows[j].ind == ind)
      return &m->rows[j];
  return NULL;
}

/* The compact table under a comparison: đơn vị, kế hoạch, thực hiện,
 * % KH, đánh giá and the source of each row. */
static int comparison_table(struct cursor *c, const struct indicator *ind,
                            const struct report_model *models, size_t n,
                            struct sources *s, struct err *err) {
  char kh[96], th[96];
  snprintf(kh, sizeof kh, "Kế hoạch%s%s%s", ind->unit ? " (" : "",
           ind->unit ? ind->unit : "", ind->unit ? ")" : "");
  snprintf(th, sizeof th, "Thực hiện%s%s%s", ind->unit ? " (" : "",
           ind->unit ? ind->unit : "", ind->unit ? ")" : "");
  const char *titles[] = {"Đơn vị", kh, th, "% KH", "Đánh giá", "Nguồn"};
  double w = cursor_width(c);
  double fr[] = {0.28, 0.17, 0.17, 0.1, 0.14, 0.14};
  enum canvas_align al[] = {CANVAS_LEFT,  CANVAS_RIGHT, CANVAS_RIGHT,
                            CANVAS_RIGHT, CANVAS_LEFT,  CANVAS_LEFT};
  struct pdf_col cols[6];
  for (int i = 0; i < 6; i++)
    cols[i] = (struct pdf_col){titles[i], fr[i] * w, al[i]};
  char **cells = xcalloc(n * 6 + 1, sizeof *cells);
  struct rgba *colors = xcalloc(n * 6 + 1, sizeof *colors);
  for (size_t i = 0; i < n; i++) {
    const struct report_row *r = row_of(&models[i], ind);
    struct report_cell none = {0};
    char b[6][160];
    snprintf(b[0], sizeof b[0], "%s", models[i].loc->name);
    cell_format(b[1], sizeof b[1], r ? &r->plan : &none, ind->decimals);
    cell_format(b[2], sizeof b[2], r ? &r->actual : &none, ind->decimals);
    cell_format(b[3], sizeof b[3], r ? &r->plan_pct : &none, 1);
    snprintf(b[4], sizeof b[4], "%s",
             report_status_name(r ? r->status : STATUS_NODATA));
    char t1[24] = "", t2[24] = "";
    if (r) {
      source_tag(t1, sizeof t1, &r->plan, s);
      source_tag(t2, sizeof t2, r->actual.has ? &r->actual : &r->plan_pct, s);
    }
    if (t1[0] && t2[0] && strcmp(t1, t2))
      snprintf(b[5], sizeof b[5], "KH %s, TH %s", t1, t2);
    else
      snprintf(b[5], sizeof b[5], "%s", t1[0] ? t1 : t2);
    for (int j = 0; j < 6; j++) {
      cells[i * 6 + j] = xstrdup(b[j]);
      colors[i * 6 + j] = INK;
    }
    enum report_status st = r ? r->status : STATUS_NODATA;
    colors[i * 6 + 4] = st == STATUS_MET      ? GOOD
                        : st == STATUS_MISSED ? BAD
                        : st >= STATUS_NODATA ? GREY
                                              : INK;
  }
  struct pdf_table t = {.cols = cols,
                        .n_cols = 6,
                        .cells = (const char *const *)cells,
                        .colors = colors,
                        .n_rows = (int)n,
                        .size = 8,
                        .zebra = true,
                        .fixed_cols = 1};
  int rc = block_table_flow(c, &t, 8, err);
  for (size_t i = 0; i < n * 6; i++)
    free(cells[i]);
  free(cells);
  free(colors);
  return rc;
}

int block_comparison(struct cursor *c, const struct indicator *ind,
                     const struct report_model *models, size_t n,
                     const char *period_label, bool table, struct sources *s,
                     struct err *err) {
  struct chart_item *items = xcalloc(n ? n : 1, sizeof *items);
  for (size_t i = 0; i < n; i++) {
    const struct report_row *r = row_of(&models[i], ind);
    items[i].label = models[i].loc->name;
    if (r) {
      items[i].actual = cv_of(&r->actual);
      items[i].plan = cv_of(&r->plan);
    }
  }
  char sub[160];
  snprintf(sub, sizeof sub, "%s, thực hiện so với kế hoạch", period_label);
  /* One scale for every part of a long comparison, so that bars on
   * different pages can be compared (IBCS CHECK 4). */
  double lo = 0, hi = 0;
  for (size_t i = 0; i < n; i++) {
    const struct chart_value *v[2] = {&items[i].actual, &items[i].plan};
    for (int k = 0; k < 2; k++) {
      if (!v[k]->has)
        continue;
      lo = fmin(lo, v[k]->v);
      hi = fmax(hi, v[k]->v);
    }
  }
  struct chart ch = {.kind = CHART_COMPARISON,
                     .title = ind->name,
                     .subtitle = sub,
                     .unit = ind->unit,
                     .direction = ind->direction,
                     .near_pct = ind->near_pct,
                     .decimals = ind->decimals,
                     .fixed_scale = n > 1 && hi > lo,
                     .scale_min = lo,
                     .scale_max = hi};
  /* bars of 15 points, as many as fit on the rest of the page, at most
   * 50; the rest continues on the next pages */
  const double head = 60, bar = 15;
  int rc = 0;
  size_t first = 0;
  while (first < n && rc == 0) {
    size_t left = n - first;
    size_t want = left < 5 ? left : 5;
    if (cursor_need(c, head + bar * (double)want, err)) {
      rc = -1;
      break;
    }
    size_t fit = (size_t)((c->bottom - c->y - head) / bar);
    size_t cnt = left < fit ? left : fit;
    if (cnt > 50)
      cnt = 50;
    double h = head + bar * (double)cnt;
    ch.items = items + first;
    ch.n_items = cnt;
    rc = pdf_chart(c->doc, &ch, c->left, c->y, cursor_width(c), h, NULL, err);
    c->y += h + 10;
    first += cnt;
  }
  free(items);
  if (rc == 0 && n > 0 && table)
    rc = comparison_table(c, ind, models, n, s, err);
  if (rc == 0 && !table) {
    /* the chart's figures have no table beside them: name their sources */
    size_t tags[TAGS_MAX], n_tags = 0;
    for (size_t i = 0; i < n; i++) {
      const struct report_row *r = row_of(&models[i], ind);
      if (r) {
        tag_add(tags, &n_tags, TAGS_MAX, &r->plan, s);
        tag_add(tags, &n_tags, TAGS_MAX, &r->actual, s);
      }
    }
    rc = tags_draw(c, tags, n_tags, err);
  }
  return rc;
}

size_t sources_add(struct sources *s, const struct store_value *v) {
  const char *doc = v->doc ? v->doc : "";
  const char *sen = v->sentence ? v->sentence : "";
  for (size_t i = 0; i < s->n; i++) {
    const struct source *x = &s->v[i];
    if (!strcmp(x->kind, v->source) && !strcmp(x->doc ? x->doc : "", doc) &&
        (!strcmp(v->source, "csv") ||
         !strcmp(x->sentence ? x->sentence : "", sen)))
      return i + 1;
  }
  void *p = s->v;
  xgrow(&p, &s->cap, s->n + 1, sizeof *s->v);
  s->v = p;
  struct source *x = &s->v[s->n++];
  x->kind = xstrdup(v->source);
  x->doc = v->doc ? xstrdup(v->doc) : NULL;
  x->sentence =
      v->sentence && strcmp(v->source, "csv") ? xstrdup(v->sentence) : NULL;
  return s->n;
}

void sources_free(struct sources *s) {
  for (size_t i = 0; i < s->n; i++) {
    free(s->v[i].kind);
    free(s->v[i].doc);
    free(s->v[i].sentence);
  }
  free(s->v);
  memset(s, 0, sizeof *s);
}

int sources_draw(struct cursor *c, const struct sources *s, const char *title,
                 struct err *err) {
  if (s->n == 0)
    return 0;
  if (title && block_heading(c, title, err))
    return -1;
  struct pdf_style st = PDF_SMALL;
  st.color = INK;
  for (size_t i = 0; i < s->n; i++) {
    const struct source *x = &s->v[i];
    struct buf b = BUF_INIT;
    if (!strcmp(x->kind, "csv"))
      buf_addf(&b, "[%zu] Số liệu nhập từ tệp %s", i + 1, x->doc);
    else if (!strcmp(x->kind, "manual"))
      buf_addf(&b, "[%zu] Nhập tay%s%s", i + 1, x->sentence ? ": " : "",
               x->sentence ? x->sentence : "");
    else
      buf_addf(&b, "[%zu] %s: “%s”", i + 1, x->doc ? x->doc : "",
               x->sentence ? x->sentence : "");
    double h = 0;
    if (pdf_paragraph(c->doc, c->left, c->y, cursor_width(c), b.s, &st, false,
                      &h, err)) {
      buf_free(&b);
      return -1;
    }
    if (cursor_need(c, h + 3, err) ||
        pdf_paragraph(c->doc, c->left, c->y, cursor_width(c), b.s, &st, true,
                      &h, err)) {
      buf_free(&b);
      return -1;
    }
    c->y += h + 3;
    buf_free(&b);
  }
  return 0;
}
