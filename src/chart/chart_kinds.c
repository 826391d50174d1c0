/* chart/chart_kinds.c - the six chart kinds: trend, comparison, bullet,
 * variance, status summary and small multiples. Each lays out its box,
 * builds shapes as cairo paths and ends them through the canvas, and
 * records where bars and markers went in the layout. */
#include "chart/chart_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

#define PI 3.14159265358979323846

static const char NO_DATA[] = "chưa có số liệu";

static struct chart_mark *mark_at(struct ctx *x, int i) {
  if (i < 0 || i >= CHART_LAYOUT_MAX)
    return NULL;
  if (x->l->n_marks < i + 1)
    x->l->n_marks = i + 1;
  return &x->l->marks[i];
}

/* "chưa có số liệu" centred at 'cx' with its last baseline at 'y': one
 * line if it fits 'width', else "chưa có" over "số liệu". */
static void no_data_note(struct ctx *x, double cx, double y, double width) {
  double fs = x->fs * 0.75;
  if (canvas_text_width(x->cv, NO_DATA, fs, false) <= width) {
    canvas_text(x->cv, cx, y, NO_DATA, fs, false, CH_MUTED, CANVAS_CENTER);
    return;
  }
  draw_label(x, "chưa có", cx, y - fs * 1.2, fs, false, CH_MUTED, width, 1,
             CANVAS_CENTER);
  draw_label(x, "số liệu", cx, y, fs, false, CH_MUTED, width, 1, CANVAS_CENTER);
}

/* Is 'actual' good against 'plan' for the chart's direction? */
static bool is_good(const struct chart *c, double actual, double plan) {
  return c->direction == DIR_LOWER ? actual <= plan : actual >= plan;
}

/* Draw the value-axis ticks of a vertical plot: light lines across and
 * labels to the left of 'px'. */
static void vticks(struct ctx *x, const struct axis *a, double px, double py,
                   double pw, double ph, bool labels) {
  double fs = x->fs * 0.85;
  for (double v = a->v0; v <= a->v1 + a->step * 1e-6; v += a->step) {
    double y = axis_map(a, v, py + ph, py);
    line(x->cv, px, y, px + pw, y, CH_GRID, 0.5);
    if (labels) {
      char t[64];
      axis_label(a, v, t, sizeof t);
      canvas_text(x->cv, px - 4, y + fs * 0.35, t, fs, false, CH_MUTED,
                  CANVAS_RIGHT);
    }
  }
}

/* The widest tick label of 'a'. */
static double ticks_width(struct ctx *x, const struct axis *a, double fs) {
  double w = 0;
  for (double v = a->v0; v <= a->v1 + a->step * 1e-6; v += a->step) {
    char t[64];
    axis_label(a, v, t, sizeof t);
    w = fmax(w, canvas_text_width(x->cv, t, fs, false));
  }
  return w;
}

/* A bar from 'from' to 'to' on a vertical axis: its top and height. */
static void span(double from, double to, double *top, double *h) {
  *top = fmin(from, to);
  *h = fabs(to - from);
}

/* The actual bar, solid or hatched when estimated. */
static void actual_bar(struct ctx *x, double bx, double by, double w, double h,
                       bool estimated) {
  if (estimated)
    rect_hatch(x->cv, bx, by, w, h, CH_EST, CH_AC);
  else
    rect_fill(x->cv, bx, by, w, h, CH_AC);
}

int draw_trend(struct ctx *x, const struct chart_item *items, size_t n,
               const struct axis *fixed, double bx, double by, double bw,
               double bh, int mark0, struct err *err) {
  const struct chart *c = x->c;
  double fs = x->fs;
  struct axis a;
  if (fixed) {
    a = *fixed;
  } else {
    double lo, hi;
    items_range(items, n, &lo, &hi);
    axis_make(c, lo, hi, true, 5, &a);
    if (items_whole(items, n))
      axis_whole(&a);
  }
  double lab_fs = fs * 0.9;
  double title_h = fs * 1.3;
  double cat_h = lab_fs * 1.2 * 2 + 4;
  double tw = ticks_width(x, &a, fs * 0.85);
  double px = bx + tw + 6, pw = bx + bw - px - 2;
  double py = by + title_h + fs * 1.9; /* room for value labels */
  double ph = by + bh - cat_h - py;
  if (ph < 12 || pw < 20 || n == 0)
    return n == 0 ? 0 : err_set(err, NULL, 0, 0, "chart box too small to draw");
  if (!fixed || mark0 == 0) {
    axis_to_layout(&a, py + ph, py, x->l);
    x->l->horizontal = false;
    x->l->plot_x = px;
    x->l->plot_y = py;
    x->l->plot_w = pw;
    x->l->plot_h = ph;
  }
  char at[128];
  axis_title(c, &a, at, sizeof at);
  double sw = pw / (double)n;
  /* the axis and the categories repeat wherever the scale does */
  canvas_group_begin(x->cv, bx, by);
  if (!fixed || mark0 == 0 || *at)
    canvas_text(x->cv, bx, by + fs, at, fs * 0.85, false, CH_MUTED,
                CANVAS_LEFT);
  vticks(x, &a, px, py, pw, ph, true);
  for (size_t i = 0; i < n; i++)
    draw_label(x, items[i].label, px + (i + 0.5) * sw,
               py + ph + lab_fs * 1.2 + 2, lab_fs, false, CH_TEXT, sw - 3, 2,
               CANVAS_CENTER);
  canvas_group_end(x->cv);

  double w = fmin(sw * 0.5, 40);
  double y0 = axis_map(&a, 0, py + ph, py);
  for (size_t i = 0; i < n; i++) {
    const struct chart_item *it = &items[i];
    struct chart_mark *m = mark_at(x, mark0 + (int)i);
    double cx = px + (i + 0.5) * sw;
    double top, h;
    if (it->previous.has) {
      span(y0, axis_map(&a, it->previous.v, py + ph, py), &top, &h);
      rect_fill(x->cv, cx - w / 2 - w * 0.35, top, w, h, CH_PY);
    }
    double label_y = y0; /* the bar end farthest from zero */
    if (it->plan.has) {
      double yp = axis_map(&a, it->plan.v, py + ph, py);
      span(y0, yp, &top, &h);
      rect_stroke(x->cv, cx - w / 2 + w * 0.35, top, w, h, CH_PL, 1.1);
      if (m) {
        m->has_plan = true;
        m->plan_at = yp;
      }
      label_y = yp;
    }
    if (it->actual.has) {
      double ya = axis_map(&a, it->actual.v, py + ph, py);
      span(y0, ya, &top, &h);
      actual_bar(x, cx - w / 2, top, w, fmax(h, 0.6), it->actual.estimated);
      if (m) {
        *m = (struct chart_mark){true, m->has_plan, false, cx - w / 2, top,
                                 w,    h,           ya,    m->plan_at};
      }
      bool neg = it->actual.v < 0;
      if (!it->plan.has || (neg ? ya > label_y : ya < label_y))
        label_y = ya;
      char t[64];
      /* on a scaled axis ("triệu lượt") labels are scaled too: "1,2" */
      if (a.div > 1)
        text_number_format(t, sizeof t, round(it->actual.v / a.div * 100) / 100,
                           -1);
      else
        value_label(c, it->actual.v, false, t, sizeof t);
      double ly = neg ? label_y + fs * 1.0 : label_y - 3;
      canvas_text(x->cv, cx, ly, t, fs * 0.85, true, CH_TEXT, CANVAS_CENTER);
      if (it->actual.estimated)
        canvas_text(x->cv, cx, neg ? ly + fs * 0.9 : ly - fs * 0.9, "ước",
                    fs * 0.75, false, CH_MUTED, CANVAS_CENTER);
    } else {
      /* a visible gap: say so instead of drawing nothing */
      double ny = fmin(y0, label_y) - 3 - fs * 0.8;
      no_data_note(x, cx, ny, sw - 2);
      if (m)
        m->missing = true;
    }
  }
  if (a.v0 < 0 || a.v1 > 0)
    line(x->cv, px, y0, px + pw, y0, CH_TEXT, 0.8);
  return 0;
}

/* Percent of plan "112,5%", or "" when it cannot be computed. */
static bool pct_of_plan(const struct chart_item *it, char *t, size_t n,
                        double *pct) {
  if (!it->actual.has || !it->plan.has || it->plan.v == 0) {
    snprintf(t, n, "%s", "");
    return false;
  }
  *pct = it->actual.v / it->plan.v * 100;
  text_number_format(t, n - 1, *pct, 1);
  strcat(t, "%");
  return true;
}

/* Shared frame of the horizontal kinds: a row per item, labels on the
 * left, a "% KH" column on the right, the value axis at the bottom. */
struct rows {
  double lx, lw;     /* label column */
  double px, pw;     /* plot */
  double py, ph, rh; /* plot top, height, row height */
  double rx;         /* right column's right edge */
  struct axis a;
};

static int rows_layout(struct ctx *x, double bx, double by, double bw,
                       double bh, double lo, double hi, struct rows *r,
                       struct err *err) {
  const struct chart *c = x->c;
  double fs = x->fs;
  axis_make(c, lo, hi, true, 5, &r->a);
  if (items_whole(c->items, c->n_items) && c->n_bands == 0)
    axis_whole(&r->a);
  double lw = 0;
  for (size_t i = 0; i < c->n_items; i++)
    lw = fmax(lw, canvas_text_width(x->cv,
                                    c->items[i].label ? c->items[i].label : "",
                                    fs * 0.9, false));
  r->lw = fmin(lw + 4, bw * 0.3);
  r->lx = bx;
  double right = canvas_text_width(x->cv, "100,0% KH", fs * 0.9, true) + 6;
  r->rx = bx + bw;
  r->px = bx + r->lw + 6;
  r->pw = bx + bw - right - r->px - 4;
  r->py = by + fs * 1.6;
  r->ph = by + bh - fs * 1.6 - r->py;
  if (c->n_items == 0)
    return 0;
  r->rh = r->ph / (double)c->n_items;
  if (r->pw < 30 || r->rh < fs * 0.8)
    return err_set(err, NULL, 0, 0, "chart box too small for %zu rows",
                   c->n_items);
  axis_to_layout(&r->a, r->px, r->px + r->pw, x->l);
  x->l->horizontal = true;
  x->l->plot_x = r->px;
  x->l->plot_y = r->py;
  x->l->plot_w = r->pw;
  x->l->plot_h = r->ph;
  /* ticks: light lines down the plot, labels under it */
  for (double v = r->a.v0; v <= r->a.v1 + r->a.step * 1e-6; v += r->a.step) {
    double tx = axis_map(&r->a, v, r->px, r->px + r->pw);
    line(x->cv, tx, r->py, tx, r->py + r->ph, CH_GRID, 0.5);
    char t[64];
    axis_label(&r->a, v, t, sizeof t);
    canvas_text(x->cv, tx, r->py + r->ph + fs * 1.1, t, fs * 0.85, false,
                CH_MUTED, CANVAS_CENTER);
  }
  char at[128];
  axis_title(c, &r->a, at, sizeof at);
  canvas_text(x->cv, r->px, by + fs, at, fs * 0.85, false, CH_MUTED,
              CANVAS_LEFT);
  canvas_text(x->cv, r->rx, by + fs, "% KH", fs * 0.85, true, CH_MUTED,
              CANVAS_RIGHT);
  return 0;
}

/* The row label, vertically centred on the row, wrapped to two lines. */
static void row_label(struct ctx *x, const struct rows *r, const char *s,
                      double top) {
  char *lines[2];
  double fs = x->fs * 0.9;
  int n = fit_label(x, s, fs, false, r->lw, r->rh > fs * 2.6 ? 2 : 1, lines);
  double y = top + r->rh / 2 - (n - 1) * fs * 0.6 + fs * 0.35;
  for (int i = 0; i < n; i++) {
    canvas_text(x->cv, r->lx, y + i * fs * 1.2, lines[i], fs, false, CH_TEXT,
                CANVAS_LEFT);
    free(lines[i]);
  }
}

/* The "% KH" of a row: green when good, amber when near, red when bad. */
static void row_pct(struct ctx *x, const struct rows *r,
                    const struct chart_item *it, double top) {
  char t[64];
  double pct;
  if (!pct_of_plan(it, t, sizeof t, &pct))
    return;
  enum chart_judgement j = chart_judge(x->c, it->actual.v, it->plan.v);
  struct rgba col = j == CHART_GOOD   ? CH_GOOD
                    : j == CHART_NEAR ? CH_NEAR
                                      : CH_BAD;
  canvas_text(x->cv, r->rx, top + r->rh / 2 + x->fs * 0.32, t, x->fs * 0.9,
              true, col, CANVAS_RIGHT);
}

int draw_comparison(struct ctx *x, double bx, double by, double bw, double bh,
                    struct err *err) {
  const struct chart *c = x->c;
  double lo, hi;
  items_range(c->items, c->n_items, &lo, &hi);
  struct rows r;
  if (rows_layout(x, bx, by, bw, bh, lo, hi, &r, err) != 0)
    return -1;
  double fs = x->fs;
  double x0 = axis_map(&r.a, 0, r.px, r.px + r.pw);
  /* the units' names repeat from indicator to indicator */
  canvas_group_begin(x->cv, bx, by);
  for (size_t i = 0; i < c->n_items; i++)
    row_label(x, &r, c->items[i].label, r.py + i * r.rh);
  canvas_group_end(x->cv);
  for (size_t i = 0; i < c->n_items; i++) {
    const struct chart_item *it = &c->items[i];
    struct chart_mark *m = mark_at(x, (int)i);
    double top = r.py + i * r.rh;
    double bh_ = fmin(r.rh * 0.55, fs * 2.2);
    double bt = top + (r.rh - bh_) / 2;
    if (it->previous.has) {
      double xp = axis_map(&r.a, it->previous.v, r.px, r.px + r.pw);
      rect_fill(x->cv, fmin(x0, xp), bt + bh_ * 0.3, fabs(xp - x0), bh_, CH_PY);
    }
    double label_x = x0;
    if (it->actual.has) {
      double xa = axis_map(&r.a, it->actual.v, r.px, r.px + r.pw);
      actual_bar(x, fmin(x0, xa), bt, fmax(fabs(xa - x0), 0.6), bh_,
                 it->actual.estimated);
      if (m)
        *m = (struct chart_mark){
            true, false, false, fmin(x0, xa), bt, fabs(xa - x0), bh_, xa, 0};
      label_x = xa;
    } else if (m) {
      m->missing = true;
    }
    if (it->plan.has) {
      double xp = axis_map(&r.a, it->plan.v, r.px, r.px + r.pw);
      /* a white halo keeps the tick visible on top of a dark bar */
      line(x->cv, xp, top + r.rh * 0.12, xp, top + r.rh * 0.88, CH_WHITE, 4);
      line(x->cv, xp, top + r.rh * 0.12, xp, top + r.rh * 0.88, CH_PL, 2);
      if (m) {
        m->has_plan = true;
        m->plan_at = xp;
      }
      if (it->actual.has && it->actual.v >= 0)
        label_x = fmax(label_x, xp + 1);
    }
    char t[80];
    if (it->actual.has) {
      value_label(c, it->actual.v, false, t, sizeof t);
      if (it->actual.estimated)
        strcat(t, " (ước)");
    } else {
      snprintf(t, sizeof t, "%s", NO_DATA);
    }
    bool neg = it->actual.has && it->actual.v < 0;
    canvas_text(x->cv, neg ? label_x - 3 : label_x + 3,
                top + r.rh / 2 + fs * 0.3, t, fs * 0.85, it->actual.has,
                it->actual.has ? CH_TEXT : CH_MUTED,
                neg ? CANVAS_RIGHT : CANVAS_LEFT);
    row_pct(x, &r, it, top);
  }
  line(x->cv, x0, r.py, x0, r.py + r.ph, CH_TEXT, 0.8);
  return 0;
}

/* The qualitative band bounds of one bullet row: the chart's, or derived
 * from the plan. Returns how many. */
static int bullet_bounds(const struct chart *c, const struct chart_item *it,
                         double *b) {
  if (c->n_bands > 0) {
    int n = c->n_bands > 4 ? 4 : c->n_bands;
    memcpy(b, c->bands, (size_t)n * sizeof *b);
    return n;
  }
  if (!it->plan.has)
    return 0;
  double p = it->plan.v;
  b[0] = c->direction == DIR_LOWER ? p : p * 0.9;
  b[1] = c->direction == DIR_LOWER ? p * 1.1 : p;
  return 2;
}

int draw_bullet(struct ctx *x, double bx, double by, double bw, double bh,
                struct err *err) {
  const struct chart *c = x->c;
  double lo, hi;
  items_range(c->items, c->n_items, &lo, &hi);
  for (size_t i = 0; i < c->n_items; i++) {
    double b[4];
    int nb = bullet_bounds(c, &c->items[i], b);
    for (int k = 0; k < nb; k++)
      hi = fmax(hi, b[k]);
  }
  struct rows r;
  if (rows_layout(x, bx, by, bw, bh, lo, hi * 1.05, &r, err) != 0)
    return -1;
  double x0 = axis_map(&r.a, 0, r.px, r.px + r.pw);
  double x1 = r.px + r.pw;
  for (size_t i = 0; i < c->n_items; i++) {
    const struct chart_item *it = &c->items[i];
    struct chart_mark *m = mark_at(x, (int)i);
    double top = r.py + i * r.rh;
    double band_h = fmin(r.rh * 0.7, x->fs * 3);
    double bt = top + (r.rh - band_h) / 2;
    row_label(x, &r, it->label, top);
    /* bands: darker = worse, one hue (Few's bullet graph) */
    double b[5];
    int nb = bullet_bounds(c, it, b);
    double from = r.px;
    for (int k = 0; k <= nb; k++) {
      double to = k < nb ? axis_map(&r.a, b[k], r.px, x1) : x1;
      to = fmin(fmax(to, r.px), x1);
      double t = nb ? (double)k / nb : 1;
      if (c->direction == DIR_LOWER)
        t = 1 - t;
      double g = 0.70 + 0.22 * t;
      if (to > from)
        rect_fill(x->cv, from, bt, to - from, band_h,
                  (struct rgba){g, g, g, 1});
      from = fmax(from, to);
    }
    if (it->actual.has) {
      double xa = axis_map(&r.a, it->actual.v, r.px, x1);
      double h3 = band_h / 3;
      actual_bar(x, fmin(x0, xa), bt + h3, fmax(fabs(xa - x0), 0.6), h3,
                 it->actual.estimated);
      if (m)
        *m = (struct chart_mark){true,         false,   false,
                                 fmin(x0, xa), bt + h3, fabs(xa - x0),
                                 h3,           xa,      0};
    } else {
      canvas_text(x->cv, x0 + 4, top + r.rh / 2 + x->fs * 0.3, NO_DATA,
                  x->fs * 0.85, false, CH_TEXT, CANVAS_LEFT);
      if (m)
        m->missing = true;
    }
    if (it->previous.has) {
      double xp = axis_map(&r.a, it->previous.v, r.px, x1);
      line(x->cv, xp, bt + band_h * 0.3, xp, bt + band_h * 0.7, CH_MUTED, 1.2);
    }
    if (it->plan.has) {
      double xp = axis_map(&r.a, it->plan.v, r.px, x1);
      line(x->cv, xp, bt + band_h / 6, xp, bt + band_h * 5 / 6, CH_WHITE, 4);
      line(x->cv, xp, bt + band_h / 6, xp, bt + band_h * 5 / 6, CH_TEXT, 2);
      if (m) {
        m->has_plan = true;
        m->plan_at = xp;
      }
    }
    row_pct(x, &r, it, top);
  }
  return 0;
}

/* One variance sub-panel: bars (absolute) or pins (relative) around zero
 * for each item, green when good and red when bad. */
static void variance_panel(struct ctx *x, double px, double py, double pw,
                           double ph, bool relative, bool record,
                           const char *title) {
  const struct chart *c = x->c;
  double fs = x->fs;
  double lo = 0, hi = 0;
  double d[CHART_LAYOUT_MAX];
  bool has[CHART_LAYOUT_MAX];
  size_t n = c->n_items < CHART_LAYOUT_MAX ? c->n_items : CHART_LAYOUT_MAX;
  for (size_t i = 0; i < n; i++) {
    const struct chart_item *it = &c->items[i];
    has[i] = it->actual.has && it->plan.has && (!relative || it->plan.v != 0);
    if (!has[i])
      continue;
    d[i] = it->actual.v - it->plan.v;
    if (relative)
      d[i] = d[i] / fabs(it->plan.v) * 100;
    lo = fmin(lo, d[i]);
    hi = fmax(hi, d[i]);
  }
  struct axis a;
  struct chart plain = *c;
  plain.fixed_scale = false;
  if (relative)
    plain.unit = "%";
  axis_make(&plain, lo, hi, true, 4, &a);
  /* leave room for the labels beyond the longest bars */
  double pad = fs * 1.3;
  double y_top = py + pad, y_bot = py + ph - pad;
  double y0 = axis_map(&a, 0, y_bot, y_top);
  if (record) {
    axis_to_layout(&a, y_bot, y_top, x->l);
    x->l->plot_x = px;
    x->l->plot_y = py;
    x->l->plot_w = pw;
    x->l->plot_h = ph;
  }
  canvas_text(x->cv, px, py - fs * 0.3, title, fs * 0.85, true, CH_MUTED,
              CANVAS_LEFT);
  double sw = pw / (double)(n ? n : 1);
  double w = fmin(sw * 0.5, 40);
  for (size_t i = 0; i < n; i++) {
    double cx = px + (i + 0.5) * sw;
    struct chart_mark *m = record ? mark_at(x, (int)i) : NULL;
    if (!has[i]) {
      no_data_note(x, cx, y0 - fs * 1.4, sw - 2);
      if (m)
        m->missing = true;
      continue;
    }
    const struct chart_item *it = &c->items[i];
    struct rgba col = is_good(c, it->actual.v, it->plan.v) ? CH_GOOD : CH_BAD;
    double yv = axis_map(&a, d[i], y_bot, y_top);
    double top = fmin(y0, yv), h = fabs(yv - y0);
    if (relative) {
      line(x->cv, cx, y0, cx, yv, col, 1.6);
      cairo_new_path(x->cv->cr);
      cairo_arc(x->cv->cr, cx, yv, fmin(w * 0.18, 3.5), 0, 2 * PI);
      canvas_fill(x->cv, col);
    } else if (it->actual.estimated) {
      rect_hatch(x->cv, cx - w / 2, top, w, fmax(h, 0.6), CH_EST, col);
    } else {
      rect_fill(x->cv, cx - w / 2, top, w, fmax(h, 0.6), col);
    }
    if (m)
      *m =
          (struct chart_mark){true, true, false, cx - w / 2, top, w, h, yv, y0};
    char t[64];
    if (relative) {
      char num[48];
      text_number_format(num, sizeof num, d[i], 1);
      snprintf(t, sizeof t, "%s%s%%", d[i] > 0 ? "+" : "", num);
    } else {
      value_label(c, d[i], true, t, sizeof t);
    }
    /* beyond the bar end, or beyond the pin's dot */
    double gap = relative ? fmin(w * 0.18, 3.5) + 2 : 3;
    double ly = d[i] < 0 ? yv + gap + fs * 0.75 : yv - gap;
    canvas_text(x->cv, cx, ly, t, fs * 0.8, true, CH_TEXT, CANVAS_CENTER);
  }
  line(x->cv, px, y0, px + pw, y0, CH_TEXT, 0.9);
}

int draw_variance(struct ctx *x, double bx, double by, double bw, double bh,
                  struct err *err) {
  const struct chart *c = x->c;
  double fs = x->fs;
  double lab_fs = fs * 0.9;
  double cat_h = lab_fs * 1.2 * 2 + 4;
  double avail = bh - cat_h - fs * 2.6;
  if (avail < 40 || bw < 60)
    return err_set(err, NULL, 0, 0, "chart box too small to draw");
  double h1 = avail * 0.55, h2 = avail - h1;
  double px = bx + 4, pw = bw - 8;
  char t1[160];
  snprintf(t1, sizeof t1, "ΔKH (thực hiện - kế hoạch)%s%s",
           c->unit && *c->unit ? ", " : "", c->unit ? c->unit : "");
  double y1 = by + fs * 1.2;
  variance_panel(x, px, y1, pw, h1, false, true, t1);
  double y2 = y1 + h1 + fs * 1.4;
  variance_panel(x, px, y2, pw, h2, true, false, "ΔKH %");
  size_t n = c->n_items ? c->n_items : 1;
  double sw = pw / (double)n;
  for (size_t i = 0; i < c->n_items; i++)
    draw_label(x, c->items[i].label, px + (i + 0.5) * sw,
               y2 + h2 + lab_fs * 1.2 + 2, lab_fs, false, CH_TEXT, sw - 3, 2,
               CANVAS_CENTER);
  return 0;
}

int draw_status(struct ctx *x, double bx, double by, double bw, double bh,
                struct err *err) {
  const struct chart *c = x->c;
  static const char *const names[] = {"Đạt và vượt", "Gần đạt", "Không đạt",
                                      "Chưa có số liệu"};
  /* distinct greys too (0,34 / 0,76 / 0,54 / hatched 0,88), so the
   * segments survive grayscale print */
  const struct rgba cols[] = {CH_GOOD,
                              {0.96, 0.76, 0.26, 1},
                              {0.91, 0.38, 0.36, 1},
                              {0.88, 0.88, 0.88, 1}};
  int counts[4] = {c->n_met, c->n_near, c->n_missed, c->n_nodata};
  int total = 0;
  for (int k = 0; k < 4; k++) {
    if (counts[k] < 0)
      return err_set(err, NULL, 0, 0, "negative count in status chart");
    total += counts[k];
  }
  double fs = x->fs;
  double big = fmin(fs * 2.2, bh / 4);
  char head[128];
  snprintf(head, sizeof head, "%d/%d chỉ tiêu đạt và vượt kế hoạch", c->n_met,
           total);
  /* the headline is the message: shrink it to fit rather than cut it */
  double hw = canvas_text_width(x->cv, head, big, true);
  if (hw > bw)
    big = fmax(big * bw / hw, fs);
  draw_label(x, head, bx, by + big, big, true, CH_TEXT, bw, 1, CANVAS_LEFT);
  double bar_y = by + big * 1.6;
  double bar_h = fmin(fmax(bh * 0.25, fs * 1.8), fs * 3.5);
  if (bar_y + bar_h + fs * 3 > by + bh + 1)
    return err_set(err, NULL, 0, 0, "chart box too small to draw");
  double px = bx;
  for (int k = 0; k < 4; k++) {
    struct chart_mark *m = mark_at(x, k);
    double w = total ? bw * counts[k] / total : 0;
    if (w > 0) {
      if (k == 3)
        rect_hatch(x->cv, px, bar_y, w, bar_h, cols[3], CH_PY);
      else
        rect_fill(x->cv, px, bar_y, w, bar_h, cols[k]);
      char t[32];
      snprintf(t, sizeof t, "%d", counts[k]);
      if (canvas_text_width(x->cv, t, fs, true) < w - 4)
        canvas_text(x->cv, px + w / 2, bar_y + bar_h / 2 + fs * 0.35, t, fs,
                    true, k == 0 || k == 2 ? CH_WHITE : CH_TEXT, CANVAS_CENTER);
      /* white gaps between segments */
      if (px > bx)
        line(x->cv, px, bar_y, px, bar_y + bar_h, CH_WHITE, 1.5);
    }
    if (m)
      *m = (struct chart_mark){w > 0, false, false,  px, bar_y,
                               w,     bar_h, px + w, 0};
    px += w;
  }
  /* legend under the bar, wrapping onto a second row if needed */
  double lx = bx, ly = bar_y + bar_h + fs * 1.6;
  for (int k = 0; k < 4; k++) {
    char t[96];
    snprintf(t, sizeof t, "%s: %d", names[k], counts[k]);
    double s = fs * 0.9;
    double ew = s + 4 + canvas_text_width(x->cv, t, fs * 0.9, false) + 12;
    if (lx + ew > bx + bw && lx > bx) {
      lx = bx;
      ly += fs * 1.5;
    }
    if (k == 3)
      rect_hatch(x->cv, lx, ly - s * 0.85, s, s, cols[3], CH_PY);
    else
      rect_fill(x->cv, lx, ly - s * 0.85, s, s, cols[k]);
    canvas_text(x->cv, lx + s + 4, ly, t, fs * 0.9, false, CH_TEXT,
                CANVAS_LEFT);
    lx += ew;
  }
  return 0;
}

int draw_multiples(struct ctx *x, double bx, double by, double bw, double bh,
                   struct err *err) {
  const struct chart *c = x->c;
  size_t n = c->n_panels;
  if (n == 0)
    return 0;
  int cols = c->columns > 0 ? c->columns
             : n <= 3       ? (int)n
             : n <= 4       ? 2
             : n <= 9       ? 3
                            : 4;
  int rows = (int)((n + (size_t)cols - 1) / (size_t)cols);
  /* one scale for every panel (IBCS CHECK 4) */
  double lo = INFINITY, hi = -INFINITY;
  bool plan = false, prev = false, est = false;
  for (size_t p = 0; p < n; p++) {
    double l0, h0;
    if (items_range(c->panels[p].items, c->panels[p].n_items, &l0, &h0)) {
      lo = fmin(lo, l0);
      hi = fmax(hi, h0);
    }
    for (size_t i = 0; i < c->panels[p].n_items; i++) {
      const struct chart_item *it = &c->panels[p].items[i];
      plan |= it->plan.has;
      prev |= it->previous.has;
      est |= it->actual.has && it->actual.estimated;
    }
  }
  if (!isfinite(lo))
    lo = hi = 0;
  double lh = draw_legend(x, bx, by, bw, plan, prev, est);
  by += lh;
  bh -= lh;
  struct ctx sub = *x;
  sub.fs = fmax(x->fs * 0.85, 6);
  double cw = bw / cols, ch = bh / rows;
  struct axis a;
  axis_make(c, lo, hi, true, ch > 120 ? 4 : 3, &a);
  bool whole = true;
  for (size_t p = 0; p < n; p++)
    whole = whole && items_whole(c->panels[p].items, c->panels[p].n_items);
  if (whole)
    axis_whole(&a);
  int mark = 0;
  for (size_t p = 0; p < n; p++) {
    double cx = bx + (double)(p % (size_t)cols) * cw;
    double cy = by + (double)(p / (size_t)cols) * ch;
    double ts = sub.fs * 1.05;
    draw_label(&sub, c->panels[p].title, cx, cy + ts, ts, true, CH_TEXT, cw - 8,
               1, CANVAS_LEFT);
    if (draw_trend(&sub, c->panels[p].items, c->panels[p].n_items, &a, cx,
                   cy + ts * 1.4, cw - 10, ch - ts * 1.4 - 6, mark, err) != 0)
      return -1;
    mark += (int)c->panels[p].n_items;
  }
  return 0;
}
