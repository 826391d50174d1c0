/* report/export.c - one chart from the store as a PNG or SVG file, for
 * slides: the trend of an indicator in a locality, or the comparison of
 * a locality's children. The same model and chart items as the PDF
 * documents, drawn by chart_write_file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_int.h"
#include "util/xalloc.h"

static int write_trend(struct store *st, const struct config *cfg,
                       const struct report_chart_opts *o, struct err *err) {
  struct report_model m;
  const char *codes[] = {o->indicator};
  if (report_model_build(st, cfg, o->locality, o->period, codes, 1, &m, err))
    return -1;
  const struct report_row *r = &m.rows[0];
  struct chart_item items[REPORT_YEARS];
  char labels[REPORT_YEARS][16];
  /* from the first year with a figure, as on the dashboard */
  int first = 0;
  while (first < REPORT_YEARS - 1 && !r->trend_plan[first].has &&
         !r->trend_actual[first].has)
    first++;
  size_t n = trend_items(r, &m.period, first, items, labels);
  char loc[256], plabel[64], sub[400];
  locality_title(m.loc, loc, sizeof loc);
  period_label(&m.period, plabel, sizeof plabel);
  snprintf(sub, sizeof sub, "%s, %d đến %s", loc, r->years[first], plabel);
  struct chart ch = {.kind = CHART_TREND,
                     .title = r->ind->name,
                     .subtitle = sub,
                     .unit = r->ind->unit,
                     .direction = r->ind->direction,
                     .decimals = r->ind->decimals,
                     .items = items,
                     .n_items = n};
  int rc = chart_write_file(&ch, o->path, o->fonts_dir, o->w, o->h, err);
  report_model_free(&m);
  return rc;
}

static int write_comparison(struct store *st, const struct config *cfg,
                            const struct report_chart_opts *o,
                            struct err *err) {
  const char *codes[] = {o->indicator};
  struct report_model *ms = NULL;
  size_t n = 0, cap = 0;
  int rc = 0;
  for (size_t i = 0; i < cfg->n_localities && rc == 0; i++) {
    const struct locality *l = &cfg->localities[i];
    if (!l->parent || strcmp(l->parent, o->locality))
      continue;
    void *p = ms;
    xgrow(&p, &cap, n + 1, sizeof *ms);
    ms = p;
    rc = report_model_build(st, cfg, l->code, o->period, codes, 1, &ms[n], err);
    if (rc == 0)
      n++;
  }
  if (rc == 0 && n == 0)
    rc = err_set(err, NULL, 0, 0,
                 "'%s' has no localities below it to compare (a comparison "
                 "shows the units of --locality)",
                 o->locality);
  struct chart_item *items = xcalloc(n + 1, sizeof *items);
  for (size_t i = 0; i < n && rc == 0; i++) {
    const struct report_row *r = &ms[i].rows[0];
    items[i] = (struct chart_item){
        ms[i].loc->name,
        {r->actual.value, r->actual.has, r->actual.estimated},
        {r->plan.value, r->plan.has, r->plan.estimated},
        {0, false, false}};
  }
  if (rc == 0) {
    const struct indicator *ind = ms[0].rows[0].ind;
    char loc[256], plabel[64], sub[400];
    locality_title(config_locality(cfg, o->locality), loc, sizeof loc);
    period_label(&o->period, plabel, sizeof plabel);
    snprintf(sub, sizeof sub, "%s, %s, thực hiện so với kế hoạch", loc, plabel);
    struct chart ch = {.kind = CHART_COMPARISON,
                       .title = ind->name,
                       .subtitle = sub,
                       .unit = ind->unit,
                       .direction = ind->direction,
                       .near_pct = ind->near_pct,
                       .decimals = ind->decimals,
                       .items = items,
                       .n_items = n};
    /* about 16 points a bar unless a size was asked for */
    double h = o->h > 0 ? o->h : 70 + 16.0 * (double)n;
    rc = chart_write_file(&ch, o->path, o->fonts_dir, o->w, h, err);
  }
  free(items);
  for (size_t i = 0; i < n; i++)
    report_model_free(&ms[i]);
  free(ms);
  return rc;
}

int report_chart_write(struct store *st, const struct config *cfg,
                       const struct report_chart_opts *o, struct err *err) {
  if (!config_indicator(cfg, o->indicator))
    return err_set(err, NULL, 0, 0, "unknown indicator '%s'", o->indicator);
  if (!config_locality(cfg, o->locality))
    return err_set(err, NULL, 0, 0, "unknown locality '%s'", o->locality);
  if (o->kind == CHART_TREND)
    return write_trend(st, cfg, o, err);
  if (o->kind == CHART_COMPARISON)
    return write_comparison(st, cfg, o, err);
  return err_set(err, NULL, 0, 0,
                 "from the store, a chart is a trend or a comparison");
}
