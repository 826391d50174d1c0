/* report/model.c - what a report shows for one locality and period: for
 * every indicator the annual plan, the result at the period (year to
 * date), the result a year earlier, % of plan and % change, each with its
 * source, and a five-year trend. Figures come from store_value_get, which
 * applies the precedence manual > CSV > accepted fact > extracted fact. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "report/report.h"
#include "util/buf.h"
#include "util/xalloc.h"

const char *report_status_name(enum report_status s) {
  static const char *const names[STATUS_COUNT] = {
      "Đạt", "Gần đạt", "Không đạt", "Chưa có số liệu", "Chưa có kế hoạch"};
  return s < STATUS_COUNT ? names[s] : "";
}

enum report_status report_judge(const struct indicator *ind, double actual,
                                double plan) {
  /* one rule for tables and charts: chart_judge */
  struct chart c = {.direction = ind->direction,
                    .near_pct = ind->near_pct > 0 ? ind->near_pct : 90};
  switch (chart_judge(&c, actual, plan)) {
  case CHART_GOOD:
    return STATUS_MET;
  case CHART_NEAR:
    return STATUS_NEAR;
  default:
    return STATUS_MISSED;
  }
}

/* Fill 'cell' from the store; returns -1 on a store error. */
static int cell_get(struct store *st, const char *loc, const char *code,
                    struct period p, enum fact_kind kind,
                    struct report_cell *cell, struct err *err) {
  char ps[24];
  period_format(&p, ps, sizeof ps);
  memset(cell, 0, sizeof *cell);
  int rc = store_value_get(st, loc, code, ps, kind, &cell->src, err);
  if (rc < 0)
    return -1;
  if (rc == 1) {
    cell->has = true;
    cell->value = cell->src.value;
    cell->estimated = cell->src.estimated;
  }
  return 0;
}

static void cell_clear(struct report_cell *c) {
  if (c->has)
    store_value_clear(&c->src);
  memset(c, 0, sizeof *c);
}

/* The annual plan for a period: the plan of its year. */
static struct period plan_period(struct period p) {
  if (p.kind == PERIOD_SPAN || p.kind == PERIOD_AVERAGE)
    return p;
  return (struct period){PERIOD_YEAR, p.year, 0};
}

static int row_fill(struct store *st, const char *loc, struct period p,
                    struct report_row *r, struct err *err) {
  const char *code = r->ind->code;
  struct period ytd = period_ytd(p);
  if (cell_get(st, loc, code, plan_period(p), FACT_TARGET, &r->plan, err) ||
      cell_get(st, loc, code, ytd, FACT_ACTUAL, &r->actual, err) ||
      cell_get(st, loc, code, period_prev_year(ytd), FACT_ACTUAL, &r->prev,
               err) ||
      cell_get(st, loc, code, ytd, FACT_PLAN_PCT, &r->plan_pct, err) ||
      cell_get(st, loc, code, ytd, FACT_CHANGE_PCT, &r->change_pct, err))
    return -1;
  /* Computed figures win over reported percentages: they agree with the
   * plan and result shown beside them. */
  if (r->plan.has && r->actual.has && r->plan.value != 0) {
    cell_clear(&r->plan_pct);
    r->plan_pct.has = true;
    r->plan_pct.value = 100 * r->actual.value / r->plan.value;
    r->plan_pct.estimated = r->actual.estimated;
  }
  /* A rate's change is told in percentage points: 6,83% -> 7,84% is
   * "+1,01 điểm", not "+14,8%". */
  bool rate = r->ind->unit && r->ind->unit[0] == '%';
  if (r->prev.has && r->actual.has && rate) {
    cell_clear(&r->change_pct);
    r->change_pct.has = true;
    r->change_pct.value = r->actual.value - r->prev.value;
    r->change_pct.estimated = r->actual.estimated;
    r->change_points = true;
  } else if (r->prev.has && r->actual.has && r->prev.value != 0) {
    /* as for % of plan: the change of the two figures shown */
    cell_clear(&r->change_pct);
    r->change_pct.has = true;
    r->change_pct.value = 100 * (r->actual.value / r->prev.value - 1);
    r->change_pct.estimated = r->actual.estimated;
  }
  if (r->actual.has && r->plan.has)
    r->status = report_judge(r->ind, r->actual.value, r->plan.value);
  else if (r->plan_pct.has && !r->plan.has)
    r->status =
        r->plan_pct.value >= 100 ? STATUS_MET
        : r->plan_pct.value >= (r->ind->near_pct > 0 ? r->ind->near_pct : 90)
            ? STATUS_NEAR
            : STATUS_MISSED;
  else if (r->plan.has)
    r->status = STATUS_NODATA;
  else
    r->status = STATUS_NOPLAN;
  if (r->ind->direction == DIR_LOWER && r->plan_pct.has && !r->plan.has)
    r->status = STATUS_NOPLAN; /* % of plan means little when lower wins */
  for (int i = 0; i < REPORT_YEARS; i++) {
    struct period y = {PERIOD_YEAR, p.year - (REPORT_YEARS - 1) + i, 0};
    r->years[i] = y.year;
    if (cell_get(st, loc, code, y, FACT_TARGET, &r->trend_plan[i], err) ||
        cell_get(st, loc, code, y, FACT_ACTUAL, &r->trend_actual[i], err))
      return -1;
  }
  /* In-year, the trend ends with the result to date, not with a figure
   * for the whole year that a later report may hold. */
  if (ytd.kind != PERIOD_YEAR) {
    struct report_cell *c = &r->trend_actual[REPORT_YEARS - 1];
    cell_clear(c);
    if (r->actual.has) {
      c->has = true;
      c->value = r->actual.value;
      c->estimated = r->actual.estimated;
    }
  }
  return 0;
}

static bool row_empty(const struct report_row *r) {
  if (r->plan.has || r->actual.has || r->prev.has || r->plan_pct.has ||
      r->change_pct.has)
    return false;
  for (int i = 0; i < REPORT_YEARS; i++)
    if (r->trend_plan[i].has || r->trend_actual[i].has)
      return false;
  return true;
}

static void row_free(struct report_row *r) {
  cell_clear(&r->plan);
  cell_clear(&r->actual);
  cell_clear(&r->prev);
  cell_clear(&r->plan_pct);
  cell_clear(&r->change_pct);
  for (int i = 0; i < REPORT_YEARS; i++) {
    cell_clear(&r->trend_plan[i]);
    cell_clear(&r->trend_actual[i]);
  }
}

int report_model_build(struct store *st, const struct config *cfg,
                       const char *locality, struct period period,
                       const char *const *codes, size_t n_codes,
                       struct report_model *m, struct err *err) {
  memset(m, 0, sizeof *m);
  m->period = period;
  m->loc = config_locality(cfg, locality);
  if (!m->loc)
    return err_set(err, NULL, 0, 0, "unknown locality '%s'", locality);
  size_t n = codes ? n_codes : cfg->n_indicators;
  m->rows = xcalloc(n ? n : 1, sizeof *m->rows);
  for (size_t i = 0; i < n; i++) {
    const struct indicator *ind =
        codes ? config_indicator(cfg, codes[i]) : &cfg->indicators[i];
    if (!ind) {
      report_model_free(m);
      return err_set(err, NULL, 0, 0, "unknown indicator '%s'", codes[i]);
    }
    struct report_row *r = &m->rows[m->n_rows];
    memset(r, 0, sizeof *r);
    r->ind = ind;
    if (row_fill(st, locality, period, r, err) != 0) {
      row_free(r);
      report_model_free(m);
      return -1;
    }
    if (!codes && row_empty(r)) {
      row_free(r);
      m->n_empty++;
      continue;
    }
    m->counts[r->status]++;
    m->n_rows++;
  }
  return 0;
}

void report_model_free(struct report_model *m) {
  for (size_t i = 0; i < m->n_rows; i++)
    row_free(&m->rows[i]);
  free(m->rows);
  memset(m, 0, sizeof *m);
}

/* The newest dates of the sources of the figures: of documents, and of
 * CSV imports and manual entries. */
struct dates {
  char doc[16], entered[16];
  struct buf seen; /* "\nkind|document\n" already asked about */
};

/* Take the date of the source of 'c' into 'd'. A document or CSV file
 * has one date, so each is asked about once. */
static int date_of(struct store *st, const struct report_cell *c,
                   struct dates *d, struct err *err) {
  if (!c->has || !c->src.source[0])
    return 0;
  bool manual = !strcmp(c->src.source, "manual");
  char key[600];
  snprintf(key, sizeof key, "\n%s|%s\n", c->src.source,
           manual       ? ""
           : c->src.doc ? c->src.doc
                        : "");
  if (!manual && d->seen.s && strstr(d->seen.s, key))
    return 0;
  buf_addf(&d->seen, "%s", key);
  char day[16];
  int rc =
      store_source_date(st, c->src.source, c->src.id, day, sizeof day, err);
  if (rc < 0)
    return -1;
  char *best = strcmp(c->src.source, "fact") ? d->entered : d->doc;
  if (rc == 1 && strcmp(day, best) > 0)
    snprintf(best, sizeof d->doc, "%s", day);
  return 0;
}

/* "2024-10-08" -> "08/10/2024" into 'dst'; "" for no date. */
static void day_vn(const char *iso, char *dst, size_t n) {
  int y = 0, m = 0, d = 0;
  dst[0] = '\0';
  if (sscanf(iso, "%d-%d-%d", &y, &m, &d) == 3)
    snprintf(dst, n, "%02d/%02d/%04d", d, m, y);
}

int report_data_date(struct store *st, const struct report_model *ms, size_t n,
                     char *dst, size_t len, struct err *err) {
  struct dates d = {.seen = BUF_INIT};
  int rc = 0;
  for (size_t i = 0; i < n && rc == 0; i++)
    for (size_t j = 0; j < ms[i].n_rows && rc == 0; j++) {
      const struct report_row *r = &ms[i].rows[j];
      if (date_of(st, &r->plan, &d, err) || date_of(st, &r->actual, &d, err) ||
          date_of(st, &r->prev, &d, err))
        rc = -1;
    }
  buf_free(&d.seen);
  char doc[16], entered[16];
  day_vn(d.doc, doc, sizeof doc);
  day_vn(d.entered, entered, sizeof entered);
  /* A document's date says how current its figures are; a CSV file or a
   * manual figure only tells the day it was entered: say which is which. */
  if (rc != 0 || (!doc[0] && !entered[0]))
    dst[0] = '\0';
  else if (!entered[0])
    snprintf(dst, len, "số liệu đến ngày %s", doc);
  else if (!doc[0])
    snprintf(dst, len, "số liệu nhập ngày %s", entered);
  else
    snprintf(dst, len, "văn bản mới nhất ngày %s, số liệu nhập ngày %s", doc,
             entered);
  return rc;
}
