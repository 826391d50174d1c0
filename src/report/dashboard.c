/* report/dashboard.c - the quarterly dashboard of one locality: header,
 * status summary, then per indicator group the trend charts (plan against
 * result over the years) and the table (Kế hoạch, Thực hiện, % KH, So cùng
 * kỳ, Đánh giá, Nguồn); then the comparison of its child localities, and
 * the numbered sources of every figure shown. A dashboard file
 * (config/dashboards/NAME.yaml) may choose the blocks and their charts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_int.h"
#include "text/text.h"
#include "util/xalloc.h"

/* Achievement against plan in %, so that indicators of different units
 * and directions share one scale: actual/plan for higher-is-better,
 * plan/actual for lower-is-better (100 = on plan, more is better). */
static bool achievement(const struct report_row *r, double *out) {
  if (!r->plan.has || !r->actual.has)
    return false;
  if (r->ind->direction == DIR_LOWER) {
    if (r->actual.value <= 0)
      return false;
    *out = 100 * r->plan.value / r->actual.value;
  } else {
    if (r->plan.value == 0)
      return false;
    *out = 100 * r->actual.value / r->plan.value;
  }
  return true;
}

static bool row_in_block(const struct report_row *r,
                         const struct dashboard_block *b) {
  if (b->group)
    return r->ind->group && !strcmp(r->ind->group, b->group);
  for (size_t i = 0; i < b->n_indicators; i++)
    if (!strcmp(b->indicators[i], r->ind->code))
      return true;
  return b->n_indicators == 0;
}

/* Bullet or variance chart of achievement % for the rows of a block. */
static int draw_achievement(struct cursor *c, const struct report_model *m,
                            const struct dashboard_block *b,
                            enum chart_kind kind, struct err *err) {
  struct chart_item *items = xcalloc(m->n_rows + 1, sizeof *items);
  size_t n = 0;
  for (size_t i = 0; i < m->n_rows; i++) {
    const struct report_row *r = &m->rows[i];
    if (!row_in_block(r, b))
      continue;
    double a;
    items[n].label = r->ind->short_name ? r->ind->short_name : r->ind->name;
    items[n].plan = (struct chart_value){100, true, false};
    if (achievement(r, &a))
      items[n].actual = (struct chart_value){a, true, r->actual.estimated};
    n++;
  }
  int rc = 0;
  if (n) {
    struct chart ch = {.kind = kind,
                       .title = b->title,
                       .subtitle = "mức đạt so với kế hoạch (100 = đúng kế "
                                   "hoạch; chỉ tiêu càng thấp càng tốt tính "
                                   "ngược)",
                       .unit = "% KH",
                       .direction = DIR_HIGHER,
                       .decimals = 1,
                       .items = items,
                       .n_items = n};
    double h = 60 + 18.0 * (double)n;
    if (kind == CHART_VARIANCE)
      h = 70 + 18.0 * (double)n;
    rc = cursor_need(c, h, err);
    if (rc == 0)
      rc = pdf_chart(c->doc, &ch, c->left, c->y, cursor_width(c), h, NULL, err);
    c->y += h + 8;
  }
  free(items);
  return rc;
}

/* The models of the children of 'm->loc' at the same period. */
static size_t children_models(struct store *st, const struct config *cfg,
                              const struct report_model *m,
                              struct report_model **out, struct err *err) {
  struct report_model *v = NULL;
  size_t n = 0, cap = 0;
  for (size_t i = 0; i < cfg->n_localities; i++) {
    const struct locality *l = &cfg->localities[i];
    if (!l->parent || strcmp(l->parent, m->loc->code))
      continue;
    void *p = v;
    xgrow(&p, &cap, n + 1, sizeof *v);
    v = p;
    if (report_model_build(st, cfg, l->code, m->period, NULL, 0, &v[n], err)) {
      for (size_t k = 0; k < n; k++)
        report_model_free(&v[k]);
      free(v);
      *out = NULL;
      return (size_t)-1;
    }
    if (v[n].n_rows == 0)
      report_model_free(&v[n]); /* nothing known of it: left out */
    else
      n++;
  }
  *out = v;
  return n;
}

static int draw_children(struct cursor *c, const struct report_model *m,
                         const struct report_model *kids, size_t n_kids,
                         const char *plabel, int *outline_parent,
                         struct sources *src, struct err *err) {
  if (n_kids == 0)
    return 0;
  char title[256];
  snprintf(title, sizeof title, "So sánh các đơn vị trực thuộc");
  if (cursor_page(c, err) || block_heading(c, title, err))
    return -1;
  *outline_parent = pdf_outline_add(c->doc, -1, title, pdf_page_current(c->doc),
                                    c->y - 30, err);
  if (*outline_parent < 0)
    return -1;
  for (size_t i = 0; i < m->n_rows; i++) {
    const struct indicator *ind = m->rows[i].ind;
    size_t with = 0;
    for (size_t k = 0; k < n_kids; k++)
      for (size_t j = 0; j < kids[k].n_rows; j++)
        with += kids[k].rows[j].ind == ind && kids[k].rows[j].actual.has;
    if (with == 0)
      continue;
    if (block_comparison(c, ind, kids, n_kids, plabel, true, src, err))
      return -1;
  }
  return 0;
}

static int draw_header(struct cursor *c, const struct dashboard *dash,
                       const struct report_model *m, const char *plabel,
                       const char *data_date, const struct report_opts *o,
                       struct err *err) {
  char loc[256], line[512];
  locality_title(m->loc, loc, sizeof loc);
  struct pdf_style h1 = PDF_H1;
  double h = 0;
  const char *title =
      dash && dash->title ? dash->title : "Báo cáo chỉ tiêu kinh tế - xã hội";
  if (pdf_paragraph(c->doc, c->left, c->y, cursor_width(c), title, &h1, true,
                    &h, err))
    return -1;
  c->y += h + 2;
  snprintf(line, sizeof line, "%s — %s", loc, plabel);
  struct pdf_style h2 = PDF_H2;
  if (pdf_paragraph(c->doc, c->left, c->y, cursor_width(c), line, &h2, true, &h,
                    err))
    return -1;
  c->y += h + 2;
  const char *ytd = m->period.kind == PERIOD_YEAR
                        ? "Thực hiện cả năm so với kế hoạch năm và năm trước."
                        : "Thực hiện lũy kế từ đầu năm so với kế hoạch năm "
                          "và cùng kỳ năm trước.";
  if (data_date[0])
    snprintf(line, sizeof line, "%s Nguồn: %s; lập ngày %s.", ytd, data_date,
             o->generated);
  else
    snprintf(line, sizeof line, "%s Lập ngày %s.", ytd, o->generated);
  struct pdf_style sm = PDF_SMALL;
  if (pdf_paragraph(c->doc, c->left, c->y, cursor_width(c), line, &sm, true, &h,
                    err))
    return -1;
  c->y += h + 8;
  return 0;
}

/* The groups of the rows in catalogue order, then any other. */
static int draw_groups(struct cursor *c, const struct config *cfg,
                       const struct report_model *m, struct sources *src,
                       struct err *err) {
  for (size_t g = 0; g <= cfg->n_groups; g++) {
    const char *group = g < cfg->n_groups ? cfg->groups[g] : NULL;
    size_t n = 0;
    for (size_t i = 0; i < m->n_rows; i++) {
      const char *rg = m->rows[i].ind->group;
      bool known = false;
      for (size_t k = 0; k < cfg->n_groups; k++)
        known |= rg && !strcmp(rg, cfg->groups[k]);
      n += group ? (rg && !strcmp(rg, group)) : !known;
    }
    if (n == 0 || (!group && n == 0))
      continue;
    if (!group)
      continue; /* every indicator has a known group (config check) */
    if (block_heading(c, group, err))
      return -1;
    if (pdf_outline_add(c->doc, -1, group, pdf_page_current(c->doc), c->y - 30,
                        err) < 0)
      return -1;
    if (block_trends(c, m, group, src, 0, err) ||
        block_table(c, m, group, src, err))
      return -1;
  }
  return 0;
}

/* The panels of one small-multiples chart: the trends of rows, one
 * panel each, with their item storage. */
struct panels {
  struct chart_panel *v;
  struct chart_item (*items)[REPORT_YEARS];
  char (*labels)[REPORT_YEARS][16];
  size_t n;
  int first; /* the first year index shown */
};

static void panels_alloc(struct panels *p, size_t n) {
  p->v = xcalloc(n + 1, sizeof *p->v);
  p->items = xcalloc(n + 1, sizeof *p->items);
  p->labels = xcalloc(n + 1, sizeof *p->labels);
  p->n = 0;
  p->first = REPORT_YEARS - 1;
}

static void panels_free(struct panels *p) {
  free(p->v);
  free(p->items);
  free(p->labels);
}

static void panel_add(struct panels *p, const char *title,
                      const struct report_row *r, const struct period *per) {
  size_t k = p->n++;
  size_t n = trend_items(r, per, p->first, p->items[k], p->labels[k]);
  p->v[k] = (struct chart_panel){title, p->items[k], n};
}

/* Lower 'p->first' to the first year of 'r' with a figure: the panels of
 * one chart share their years, from the first one any of them has. */
static void panel_years(struct panels *p, const struct report_row *r) {
  for (int i = 0; i < p->first; i++)
    if (r->trend_plan[i].has || r->trend_actual[i].has) {
      p->first = i;
      return;
    }
}

/* Draw 'p' as small multiples on one scale, 20 panels (5 rows of 4) to a
 * chart; every part of a long set shares the scale of the whole. */
static int panels_draw(struct cursor *c, const struct panels *p,
                       const char *title, const struct indicator *ind,
                       struct err *err) {
  double lo = 0, hi = 0;
  for (size_t i = 0; i < p->n; i++)
    for (size_t k = 0; k < p->v[i].n_items; k++) {
      const struct chart_item *it = &p->v[i].items[k];
      const struct chart_value *v[2] = {&it->actual, &it->plan};
      for (int j = 0; j < 2; j++) {
        if (!v[j]->has)
          continue;
        lo = fmin(lo, v[j]->v);
        hi = fmax(hi, v[j]->v);
      }
    }
  const size_t per_chart = 20;
  for (size_t first = 0; first < p->n; first += per_chart) {
    size_t cnt = p->n - first < per_chart ? p->n - first : per_chart;
    int cols = cnt <= 3 ? (int)cnt : cnt <= 4 ? 2 : cnt <= 9 ? 3 : 4;
    size_t rows = (cnt + (size_t)cols - 1) / (size_t)cols;
    double h = 50 + 115.0 * (double)rows;
    struct chart ch = {.kind = CHART_MULTIPLES,
                       .title = title,
                       .subtitle = "kế hoạch và thực hiện theo năm, cùng một "
                                   "thang đo",
                       .unit = ind->unit,
                       .direction = ind->direction,
                       .decimals = ind->decimals,
                       .panels = p->v + first,
                       .n_panels = cnt,
                       .columns = cols,
                       .fixed_scale = hi > lo,
                       .scale_min = lo,
                       .scale_max = hi};
    if (cursor_need(c, h, err) ||
        pdf_chart(c->doc, &ch, c->left, c->y, cursor_width(c), h, NULL, err))
      return -1;
    c->y += h + 8;
  }
  return 0;
}

/* small_multiples: with child localities, one chart per indicator of the
 * block with a panel per locality (the locality itself first); without
 * them, one chart per unit with a panel per indicator, so that a panel
 * never shares a scale with figures of another unit. */
static int draw_multiples(struct cursor *c, const struct report_model *m,
                          const struct dashboard_block *b,
                          const struct report_model *kids, size_t n_kids,
                          struct err *err) {
  struct panels p;
  int rc = 0;
  if (n_kids) {
    for (size_t i = 0; i < m->n_rows && rc == 0; i++) {
      const struct report_row *r = &m->rows[i];
      if (!row_in_block(r, b))
        continue;
      panels_alloc(&p, n_kids + 1);
      panel_years(&p, r);
      for (size_t k = 0; k < n_kids; k++)
        for (size_t j = 0; j < kids[k].n_rows; j++)
          if (kids[k].rows[j].ind == r->ind)
            panel_years(&p, &kids[k].rows[j]);
      panel_add(&p, m->loc->name, r, &m->period);
      for (size_t k = 0; k < n_kids; k++)
        for (size_t j = 0; j < kids[k].n_rows; j++)
          if (kids[k].rows[j].ind == r->ind)
            panel_add(&p, kids[k].loc->name, &kids[k].rows[j], &m->period);
      rc = panels_draw(c, &p, r->ind->name, r->ind, err);
      panels_free(&p);
    }
    return rc;
  }
  bool *done = xcalloc(m->n_rows + 1, sizeof *done);
  for (size_t i = 0; i < m->n_rows && rc == 0; i++) {
    const struct report_row *r = &m->rows[i];
    if (done[i] || !row_in_block(r, b))
      continue;
    const char *unit = r->ind->unit ? r->ind->unit : "";
    panels_alloc(&p, m->n_rows);
    for (size_t j = i; j < m->n_rows; j++)
      if (!done[j] && row_in_block(&m->rows[j], b) &&
          !strcmp(unit, m->rows[j].ind->unit ? m->rows[j].ind->unit : ""))
        panel_years(&p, &m->rows[j]);
    for (size_t j = i; j < m->n_rows; j++) {
      const struct report_row *q = &m->rows[j];
      if (done[j] || !row_in_block(q, b) ||
          strcmp(unit, q->ind->unit ? q->ind->unit : ""))
        continue;
      done[j] = true;
      panel_add(&p, q->ind->short_name ? q->ind->short_name : q->ind->name, q,
                &m->period);
    }
    rc = panels_draw(c, &p, b->title, r->ind, err);
    panels_free(&p);
  }
  free(done);
  return rc;
}

static int draw_blocks(struct cursor *c, const struct dashboard *dash,
                       const struct report_model *m,
                       const struct report_model *kids, size_t n_kids,
                       const char *plabel, struct sources *src,
                       struct err *err) {
  for (size_t b = 0; b < dash->n_blocks; b++) {
    const struct dashboard_block *blk = &dash->blocks[b];
    const char *title = blk->title   ? blk->title
                        : blk->group ? blk->group
                                     : "Chỉ tiêu";
    const char *kind = blk->chart ? blk->chart : "bullet";
    /* small multiples are tall: keep the heading with them */
    if (!strcmp(kind, "small_multiples") && cursor_need(c, 440, err))
      return -1;
    if (block_heading(c, title, err))
      return -1;
    if (pdf_outline_add(c->doc, -1, title, pdf_page_current(c->doc), c->y - 30,
                        err) < 0)
      return -1;
    /* the block's own rows, with their own status counts */
    struct report_model sub = *m;
    struct report_row *rows = xcalloc(m->n_rows + 1, sizeof *rows);
    sub.rows = rows;
    sub.n_rows = 0;
    sub.n_empty = 0;
    memset(sub.counts, 0, sizeof sub.counts);
    for (size_t i = 0; i < m->n_rows; i++)
      if (row_in_block(&m->rows[i], blk)) {
        rows[sub.n_rows++] = m->rows[i];
        sub.counts[m->rows[i].status]++;
      }
    int rc = 0;
    if (!strcmp(kind, "trend")) {
      rc = block_trends(c, &sub, NULL, src, 0, err);
    } else if (!strcmp(kind, "small_multiples")) {
      rc = draw_multiples(c, m, blk, kids, n_kids, err);
    } else if (!strcmp(kind, "comparison")) {
      for (size_t i = 0; i < sub.n_rows && rc == 0 && n_kids; i++)
        rc = block_comparison(c, sub.rows[i].ind, kids, n_kids, plabel, true,
                              src, err);
    } else if (!strcmp(kind, "variance")) {
      rc = draw_achievement(c, m, blk, CHART_VARIANCE, err);
    } else if (!strcmp(kind, "status")) {
      rc = block_status(c, &sub, err);
    } else {
      rc = draw_achievement(c, m, blk, CHART_BULLET, err);
    }
    if (rc == 0)
      rc = block_table(c, &sub, NULL, src, err);
    free(rows);
    if (rc)
      return -1;
  }
  return 0;
}

int report_dashboard_write(struct store *st, const struct config *cfg,
                           const struct dashboard *dash, const char *locality,
                           struct period period, const struct report_opts *o,
                           const char *path, struct err *err) {
  struct report_model m;
  if (report_model_build(st, cfg, locality, period, NULL, 0, &m, err))
    return -1;
  struct report_model *kids = NULL;
  size_t n_kids = 0;
  if (!dash || dash->children) {
    n_kids = children_models(st, cfg, &m, &kids, err);
    if (n_kids == (size_t)-1) {
      report_model_free(&m);
      return -1;
    }
  }
  char plabel[64], loc[256], running[512], footer[512];
  period_label(&period, plabel, sizeof plabel);
  locality_title(m.loc, loc, sizeof loc);
  snprintf(running, sizeof running, "%s — chỉ tiêu %s", loc, plabel);
  snprintf(footer, sizeof footer, "%s · %s · lập ngày %s", loc, plabel,
           o->generated);

  int rc = -1;
  struct sources src = {0};
  struct pdf_doc *doc = pdf_doc_new(o->fonts_dir, err);
  if (!doc)
    goto out;
  struct cursor c = {
      .doc = doc,
      .size = dash && dash->page_size && !strcmp(dash->page_size, "A3")
                  ? PDF_A3
                  : PDF_A4,
      .orient = dash && dash->landscape ? PDF_LANDSCAPE : PDF_PORTRAIT};
  if (cursor_page(&c, err))
    goto out;
  c.running_title = running;
  char data_date[160] = "";
  if (report_data_date(st, &m, 1, data_date, sizeof data_date, err) ||
      draw_header(&c, dash, &m, plabel, data_date, o, err) ||
      block_status(&c, &m, err))
    goto out;
  if (m.n_rows == 0) {
    struct pdf_style st_b = PDF_BODY;
    double h;
    if (pdf_paragraph(doc, c.left, c.y, cursor_width(&c),
                      "Chưa có số liệu nào cho đơn vị và kỳ này. Hãy nạp văn "
                      "bản (chitieu ingest), nhập tệp CSV (chitieu import) "
                      "hoặc nhập tay (chitieu set).",
                      &st_b, true, &h, err))
      goto out;
    c.y += h;
  }
  if (dash && dash->n_blocks) {
    if (draw_blocks(&c, dash, &m, kids, n_kids, plabel, &src, err))
      goto out;
  } else if (draw_groups(&c, cfg, &m, &src, err)) {
    goto out;
  }
  int parent = -1;
  if ((!dash || !dash->n_blocks) &&
      draw_children(&c, &m, kids, n_kids, plabel, &parent, &src, err))
    goto out;
  if (src.n) {
    if (sources_draw(&c, &src, "Nguồn số liệu", err) ||
        pdf_outline_add(doc, -1, "Nguồn số liệu", pdf_page_count(doc) - 1, 40,
                        err) < 0)
      goto out;
  }
  char title[512];
  snprintf(title, sizeof title, "Chỉ tiêu kinh tế - xã hội %s, %s", loc,
           plabel);
  if (cursor_footers(&c, footer, err) ||
      pdf_doc_info(doc, title, loc, "chitieu dashboard", err) ||
      pdf_doc_save(doc, path, err))
    goto out;
  rc = 0;
out:
  pdf_doc_free(doc);
  sources_free(&src);
  for (size_t i = 0; i < n_kids; i++)
    report_model_free(&kids[i]);
  free(kids);
  report_model_free(&m);
  return rc;
}
