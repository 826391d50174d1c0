/* report/report.h - the dashboard and the briefing pack: store + config ->
 * charts + PDF. The model (what is shown) is built first from the store,
 * then laid out; the model can be tested without drawing. */
#ifndef CHITIEU_REPORT_REPORT_H
#define CHITIEU_REPORT_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "chart/chart.h"
#include "config/config.h"
#include "store/store.h"
#include "text/period.h"
#include "util/err.h"

/* How an indicator stands against its plan (REFERENCE.md: met means >=
 * plan for higher-is-better, <= plan for lower-is-better; "near" from the
 * indicator's near_pct of plan). */
enum report_status {
  STATUS_MET = 0,
  STATUS_NEAR,
  STATUS_MISSED,
  STATUS_NODATA, /* a plan but no result yet */
  STATUS_NOPLAN, /* a result but no plan to judge it by */
  STATUS_COUNT
};

#define REPORT_YEARS 5 /* years in a trend */

/* One figure shown, with where it came from. */
struct report_cell {
  bool has;
  double value;
  bool estimated;
  struct store_value src; /* valid when 'has' */
};

/* One indicator of one locality at one period. */
struct report_row {
  const struct indicator *ind;
  struct report_cell plan;       /* the annual plan */
  struct report_cell actual;     /* result at the period (year to date) */
  struct report_cell prev;       /* result a year earlier */
  struct report_cell plan_pct;   /* % of plan: computed, or as reported */
  struct report_cell change_pct; /* % change on a year earlier */
  bool change_points;            /* for rates (unit "%"): the change is in
                                    percentage points, not % */
  enum report_status status;
  /* The trend: the years ending at the period's year. */
  int years[REPORT_YEARS];
  struct report_cell trend_plan[REPORT_YEARS];
  struct report_cell trend_actual[REPORT_YEARS];
};

struct report_model {
  const struct locality *loc;
  struct period period;
  struct report_row *rows;
  size_t n_rows;
  size_t n_empty;              /* indicators left out: no figure at all */
  size_t counts[STATUS_COUNT]; /* rows per status */
};

/* Build the model of 'locality' at 'period': one row per indicator of
 * 'codes' ('n_codes'; NULL = every indicator of the catalogue that has a
 * figure for this locality in the period or the trend). Returns 0 or -1
 * with 'err'. Free with report_model_free. */
int report_model_build(struct store *st, const struct config *cfg,
                       const char *locality, struct period period,
                       const char *const *codes, size_t n_codes,
                       struct report_model *m, struct err *err);
void report_model_free(struct report_model *m);

/* How current the data shown by the models 'ms' ('n' of them) is, as a
 * phrase into 'dst' ("" when nothing is known): "số liệu đến ngày
 * 08/10/2024" from the newest own date of the documents their plans and
 * results come from, "số liệu nhập ngày ..." from the newest day a CSV
 * file was imported or a figure entered by hand, or both. Returns 0 or -1
 * with 'err'. */
int report_data_date(struct store *st, const struct report_model *ms, size_t n,
                     char *dst, size_t len, struct err *err);

/* Judge 'actual' against 'plan' for indicator 'ind'. */
enum report_status report_judge(const struct indicator *ind, double actual,
                                double plan);
/* "Đạt", "Gần đạt", "Không đạt", "Chưa có số liệu", "Chưa có kế hoạch". */
const char *report_status_name(enum report_status s);

/* Options of the documents. */
struct report_opts {
  const char *fonts_dir;
  const char *generated; /* "dd/mm/yyyy" shown as the generation date */
  long long epoch;       /* creation date for the PDF info (seconds) */
};

/* The generation date "dd/mm/yyyy" from SOURCE_DATE_EPOCH or the clock
 * into 'dst'; returns the epoch used. */
long long report_now(char *dst, size_t n);

/* Write the quarterly dashboard of 'locality' (with its children's
 * comparison when 'children') at 'period' to 'path' (atomically). */
int report_dashboard_write(struct store *st, const struct config *cfg,
                           const struct dashboard *dash, const char *locality,
                           struct period period, const struct report_opts *o,
                           const char *path, struct err *err);

/* Write the briefing pack of 'meeting' to 'path' (atomically). */
int report_brief_write(struct store *st, const struct config *cfg,
                       const struct meeting *meeting,
                       const struct report_opts *o, const char *path,
                       struct err *err);

/* One chart drawn from the store (chitieu chart --indicator): the trend
 * of 'indicator' in 'locality' over the years to 'period', or the
 * comparison of the localities below 'locality' at 'period'. */
struct report_chart_opts {
  enum chart_kind kind; /* CHART_TREND or CHART_COMPARISON */
  const char *indicator, *locality;
  struct period period;
  const char *fonts_dir;
  const char *path; /* .png or .svg */
  double w, h;      /* points; h 0 for a comparison: from the bars */
};

/* Write the chart of 'o' with chart_write_file. Returns 0 or -1 with
 * 'err'. */
int report_chart_write(struct store *st, const struct config *cfg,
                       const struct report_chart_opts *o, struct err *err);

#endif
