/* report/report_int.h - what the dashboard and the briefing pack share:
 * a page cursor with automatic page breaks and footers, the numbered list
 * of sources, and the blocks both documents draw (indicator table, trend
 * charts, comparison of localities). */
#ifndef CHITIEU_REPORT_REPORT_INT_H
#define CHITIEU_REPORT_REPORT_INT_H

#include "pdf/pdf.h"
#include "report/report.h"
#include "util/buf.h"

/* Where the next block goes on the current page. */
struct cursor {
  struct pdf_doc *doc;
  enum pdf_size size;
  enum pdf_orient orient;
  double left, right, top, bottom; /* margins as coordinates */
  double y;
  const char *running_title; /* small line at the top of each new page */
};

/* One source of the figures shown: a document and its sentence, a CSV
 * file, or manual entry. Numbered in order of first use. */
struct source {
  char *kind;     /* "fact", "csv", "manual" */
  char *doc;      /* document or CSV file name, NULL for manual */
  char *sentence; /* sentence (facts) or note (manual), may be NULL */
};

struct sources {
  struct source *v;
  size_t n, cap;
};

int cursor_page(struct cursor *c, struct err *err);
/* Start a new page unless 'h' points still fit on this one. */
int cursor_need(struct cursor *c, double h, struct err *err);
double cursor_width(const struct cursor *c);
/* "Trang k/N" and 'footer' at the bottom of every page. */
int cursor_footers(struct cursor *c, const char *footer, struct err *err);

/* The number (1-based) of the source of 'v', added if new. */
size_t sources_add(struct sources *s, const struct store_value *v);
void sources_free(struct sources *s);
/* Draw the numbered list of sources under the heading 'title' (NULL:
 * none). */
int sources_draw(struct cursor *c, const struct sources *s, const char *title,
                 struct err *err);

/* Format a figure for a table: 'decimals' places, Vietnamese style, "*"
 * after estimated ones; "—" when absent. */
void cell_format(char *dst, size_t n, const struct report_cell *cell,
                 int decimals);

/* A heading line (H2) with a thin rule under it. */
int block_heading(struct cursor *c, const char *text, struct err *err);

/* The status line and chart: "k/N chỉ tiêu đạt và vượt kế hoạch". */
int block_status(struct cursor *c, const struct report_model *m,
                 struct err *err);

/* The table of 'm's rows (all, or those of 'group' when not NULL), with
 * the sources numbered in 's'. */
int block_table(struct cursor *c, const struct report_model *m,
                const char *group, struct sources *s, struct err *err);

/* Trend charts (plan against result over the years) of the rows of 'm'
 * (those of 'group' when not NULL), three to a row, 'chh' points high (0:
 * the usual 150), and a line with the numbers in 's' of the sources of
 * their figures ('s' may be NULL). */
int block_trends(struct cursor *c, const struct report_model *m,
                 const char *group, struct sources *s, double chh,
                 struct err *err);

/* The height block_trends ('tm's rows, charts 'chh' high) and then
 * block_table (all of 'm's rows) would take from the cursor, with their
 * sources numbered as they would be in 's' (not NULL) and then forgotten
 * again; '*chart_rows' receives the number of rows of charts. */
int block_trends_table_height(struct cursor *c, const struct report_model *tm,
                              const struct report_model *m, struct sources *s,
                              double chh, double *h, int *chart_rows,
                              struct err *err);

/* The trend of 'r' as chart items from year index 'first' (0 = the
 * oldest of REPORT_YEARS) to the period 'p' (the last labelled "9T/2024"
 * in-year): fills 'items' and their 'labels' (REPORT_YEARS each) and
 * returns the count. */
size_t trend_items(const struct report_row *r, const struct period *p,
                   int first, struct chart_item *items, char (*labels)[16]);

/* One indicator across 'n' localities ('models', one per locality, all
 * at the same period): a comparison chart on one scale (continued over
 * pages when long), then, when 'table', a compact table of plan, result,
 * % KH, status and source number in 's'. */
int block_comparison(struct cursor *c, const struct indicator *ind,
                     const struct report_model *models, size_t n,
                     const char *period_label, bool table, struct sources *s,
                     struct err *err);

/* Draw table 't' from its first row, continuing on new pages with its
 * header repeated; the cursor ends 'gap' points below it. */
int block_table_flow(struct cursor *c, const struct pdf_table *t, double gap,
                     struct err *err);

/* The full name of a locality for titles: "Thị xã Mường Lay". */
void locality_title(const struct locality *l, char *dst, size_t n);

#endif
