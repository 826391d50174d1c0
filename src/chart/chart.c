/* chart/chart.c - what every chart kind shares: the palette, round axes in
 * Vietnamese number format, fitting long labels, the title block and the
 * legend; chart_draw() dispatches to the kinds of chart_kinds.c, and
 * chart_write_file() renders one chart to PNG or SVG. */
#include "chart/chart_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-svg.h>

#include "text/text.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/xalloc.h"

const struct rgba CH_AC = {0.25, 0.25, 0.25, 1};
const struct rgba CH_PY = {0.72, 0.72, 0.72, 1};
const struct rgba CH_PL = {0.15, 0.15, 0.15, 1};
const struct rgba CH_EST = {0.80, 0.80, 0.80, 1};
const struct rgba CH_GOOD = {0.13, 0.47, 0.24, 1}; /* grey 0,34 */
const struct rgba CH_BAD = {0.85, 0.22, 0.20, 1};  /* grey 0,41 */
const struct rgba CH_NEAR = {0.72, 0.47, 0.0, 1};  /* grey 0,48: legible text */
const struct rgba CH_TEXT = {0.05, 0.05, 0.05, 1};
const struct rgba CH_MUTED = {0.38, 0.38, 0.38, 1};
const struct rgba CH_GRID = {0.86, 0.86, 0.86, 1};
const struct rgba CH_WHITE = {1, 1, 1, 1};

enum chart_judgement chart_judge(const struct chart *c, double actual,
                                 double plan) {
  bool lower = c->direction == DIR_LOWER;
  if (lower ? actual <= plan : actual >= plan)
    return CHART_GOOD;
  double near = c->near_pct;
  if (near > 0 && near <= 100 &&
      (lower ? actual <= plan * 100 / near : actual >= plan * near / 100))
    return CHART_NEAR;
  return CHART_BAD;
}

double chart_nice_step(double lo, double hi, int target) {
  double span = fabs(hi - lo);
  if (target < 1)
    target = 1;
  if (span <= 0 || !isfinite(span))
    span = fabs(hi) > 0 ? fabs(hi) : 1;
  double raw = span / target;
  double p = pow(10, floor(log10(raw)));
  double m = raw / p;
  double f = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
  return f * p;
}

/* The scale word for big numbers: the axis shows "12" and "triệu lượt"
 * rather than "12.000.000 lượt". Percentages are never scaled. */
static void scale_pick(const struct chart *c, double maxabs, struct axis *a) {
  static const struct {
    double div;
    const char *word;
  } words[] = {{1e12, "nghìn tỷ"}, {1e9, "tỷ"}, {1e6, "triệu"}, {1e4, "nghìn"}};
  a->div = 1;
  a->word = "";
  if (c->unit && strchr(c->unit, '%'))
    return;
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
    if (maxabs >= words[i].div) {
      a->div = words[i].div == 1e4 ? 1e3 : words[i].div;
      a->word = words[i].word;
      return;
    }
  }
}

void axis_make(const struct chart *c, double lo, double hi, bool zero,
               int target, struct axis *a) {
  if (c->fixed_scale && c->scale_max > c->scale_min) {
    lo = fmin(lo, c->scale_min);
    hi = fmax(hi, c->scale_max);
  }
  if (zero) {
    lo = fmin(lo, 0);
    hi = fmax(hi, 0);
  }
  if (!(hi > lo)) { /* one value, or none */
    double d = fabs(hi) > 0 ? fabs(hi) * 0.5 : 1;
    hi = hi + d;
    if (!zero || lo < 0)
      lo = lo - d;
  }
  a->step = chart_nice_step(lo, hi, target);
  a->v0 = floor(lo / a->step + 1e-9) * a->step;
  a->v1 = ceil(hi / a->step - 1e-9) * a->step;
  if (a->v1 <= a->v0)
    a->v1 = a->v0 + a->step;
  scale_pick(c, fmax(fabs(a->v0), fabs(a->v1)), a);
  double s = a->step / a->div;
  a->dec = s >= 1 ? 0 : (int)ceil(-log10(s) - 1e-9);
  if (a->dec > 6)
    a->dec = 6;
}

void axis_whole(struct axis *a) {
  if (a->step >= 1 || a->div != 1)
    return;
  a->step = 1;
  a->v0 = floor(a->v0);
  a->v1 = ceil(a->v1);
  if (a->v1 <= a->v0)
    a->v1 = a->v0 + 1;
  a->dec = 0;
}

bool items_whole(const struct chart_item *items, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const struct chart_value *v[3] = {&items[i].actual, &items[i].plan,
                                      &items[i].previous};
    for (int k = 0; k < 3; k++)
      if (v[k]->has && v[k]->v != floor(v[k]->v))
        return false;
  }
  return true;
}

double axis_map(const struct axis *a, double v, double p0, double p1) {
  return p0 + (v - a->v0) * (p1 - p0) / (a->v1 - a->v0);
}

void axis_label(const struct axis *a, double v, char *dst, size_t n) {
  double s = v / a->div;
  if (fabs(s) < a->step / a->div * 1e-6)
    s = 0;
  text_number_format(dst, n, s, a->dec);
}

void axis_title(const struct chart *c, const struct axis *a, char *dst,
                size_t n) {
  const char *u = c->unit ? c->unit : "";
  if (*a->word)
    snprintf(dst, n, "%s%s%s", a->word, *u ? " " : "", u);
  else
    snprintf(dst, n, "%s", u);
}

void axis_to_layout(const struct axis *a, double p0, double p1,
                    struct chart_layout *l) {
  l->v0 = a->v0;
  l->v1 = a->v1;
  l->p0 = p0;
  l->p1 = p1;
  l->tick_step = a->step;
  l->scale_word = a->word;
  l->scale_div = a->div;
  l->n_ticks = 0;
  for (double v = a->v0; v <= a->v1 + a->step * 1e-6; v += a->step)
    if (l->n_ticks < CHART_TICKS_MAX)
      l->ticks[l->n_ticks++] = fabs(v) < a->step * 1e-9 ? 0 : v;
}

double chart_layout_map(const struct chart_layout *l, double v) {
  if (l->v1 == l->v0)
    return l->p0;
  return l->p0 + (v - l->v0) * (l->p1 - l->p0) / (l->v1 - l->v0);
}

void value_label(const struct chart *c, double v, bool sign, char *dst,
                 size_t n) {
  char tmp[64];
  int dec = c->decimals;
  if (dec < 0) {
    /* as needed, at most 2 places, fewer for big numbers */
    double r = round(v * 100) / 100;
    dec = fabs(r) >= 1000 ? 0 : -1;
    v = r;
  } else {
    /* half away from zero, as people round: 2.500,25 -> 2.500,3 (printf
     * would give the even 2.500,2) */
    v = round(v * pow(10, dec)) / pow(10, dec);
  }
  text_number_format(tmp, sizeof tmp, v, dec);
  snprintf(dst, n, "%s%s", sign && v > 0 && strcmp(tmp, "0") != 0 ? "+" : "",
           tmp);
}

/* The byte length of the last UTF-8 character of 's' ('len' bytes). */
static size_t last_char(const char *s, size_t len) {
  size_t k = len;
  while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
    k--;
  return k > 0 ? len - (k - 1) : len;
}

/* 's' shortened to fit 'width' with a trailing "…". Caller frees. */
static char *ellipsize(struct ctx *x, const char *s, double size, bool bold,
                       double width) {
  struct buf b = BUF_INIT;
  size_t len = strlen(s);
  for (;;) {
    while (len > 0 && s[len - 1] == ' ')
      len--;
    buf_reset(&b);
    buf_add(&b, s, len);
    buf_adds(&b, "…");
    if (len == 0 || canvas_text_width(x->cv, b.s, size, bold) <= width)
      return buf_detach(&b);
    len -= last_char(s, len);
  }
}

int fit_label(struct ctx *x, const char *s, double size, bool bold,
              double width, int max_lines, char **lines) {
  int n = 0;
  const char *p = s ? s : "";
  while (*p == ' ')
    p++;
  while (*p && n < max_lines) {
    /* the longest run of words from 'p' that fits */
    size_t best = 0, end = 0;
    struct buf b = BUF_INIT;
    for (;;) {
      const char *sp = strchr(p + end, ' ');
      size_t next = sp ? (size_t)(sp - p) : strlen(p);
      buf_reset(&b);
      buf_add(&b, p, next);
      if (canvas_text_width(x->cv, b.s, size, bold) > width)
        break;
      best = next;
      if (!sp)
        break;
      end = next + 1;
    }
    buf_free(&b);
    bool last = n == max_lines - 1;
    if (best > 0 && (p[best] == '\0' || !last)) {
      lines[n++] = xstrndup(p, best);
      p += best;
    } else if (last) {
      /* text left over on the last line: shorten the rest with "…" */
      lines[n++] = ellipsize(x, p, size, bold, width);
      break;
    } else {
      /* one word wider than the box, not on the last line */
      size_t wl = strcspn(p, " ");
      char *word = xstrndup(p, wl);
      lines[n++] = ellipsize(x, word, size, bold, width);
      free(word);
      p += wl;
    }
    while (*p == ' ')
      p++;
  }
  return n;
}

int draw_label(struct ctx *x, const char *s, double px, double y, double size,
               bool bold, struct rgba col, double width, int max_lines,
               enum canvas_align align) {
  char *lines[8];
  if (max_lines > 8)
    max_lines = 8;
  int n = fit_label(x, s, size, bold, width, max_lines, lines);
  for (int i = 0; i < n; i++) {
    canvas_text(x->cv, px, y + i * size * 1.2, lines[i], size, bold, col,
                align);
    free(lines[i]);
  }
  return n;
}

void rect_fill(struct canvas *cv, double x, double y, double w, double h,
               struct rgba c) {
  cairo_new_path(cv->cr);
  cairo_rectangle(cv->cr, x, y, w, h);
  canvas_fill(cv, c);
}

void rect_stroke(struct canvas *cv, double x, double y, double w, double h,
                 struct rgba c, double lw) {
  /* inset by half the line so the outline stays inside the bar */
  cairo_new_path(cv->cr);
  double i = lw / 2;
  cairo_rectangle(cv->cr, x + i, y + i, fmax(w - lw, 0), fmax(h - lw, 0));
  canvas_stroke(cv, c, lw, NULL, 0);
}

void line(struct canvas *cv, double x0, double y0, double x1, double y1,
          struct rgba c, double lw) {
  cairo_new_path(cv->cr);
  cairo_move_to(cv->cr, x0, y0);
  cairo_line_to(cv->cr, x1, y1);
  canvas_stroke(cv, c, lw, NULL, 0);
}

void rect_hatch(struct canvas *cv, double x, double y, double w, double h,
                struct rgba fill, struct rgba ink) {
  rect_fill(cv, x, y, w, h, fill);
  canvas_save(cv);
  cairo_new_path(cv->cr);
  cairo_rectangle(cv->cr, x, y, w, h);
  canvas_clip(cv);
  cairo_new_path(cv->cr);
  double gap = 3.2;
  for (double d = -h; d < w; d += gap) {
    cairo_move_to(cv->cr, x + d, y + h);
    cairo_line_to(cv->cr, x + d + h, y);
  }
  canvas_stroke(cv, ink, 0.9, NULL, 0);
  canvas_restore(cv);
  rect_stroke(cv, x, y, w, h, ink, 0.8);
}

double draw_title(struct ctx *x, double bx, double by, double bw) {
  const struct chart *c = x->c;
  double y = by;
  double ts = x->fs * 1.25;
  if (c->title && *c->title) {
    int n = draw_label(x, c->title, bx, y + ts, ts, true, CH_TEXT, bw, 2,
                       CANVAS_LEFT);
    y += ts * 1.2 * n + ts * 0.2;
  }
  if (c->subtitle && *c->subtitle) {
    draw_label(x, c->subtitle, bx, y + x->fs, x->fs, false, CH_MUTED, bw, 1,
               CANVAS_LEFT);
    y += x->fs * 1.35;
  }
  return y > by ? y - by + x->fs * 0.4 : 0;
}

/* One legend entry: swatch drawn by 'kind' then its text; returns the
 * width used. */
static double legend_entry(struct ctx *x, double px, double y, int kind,
                           const char *text) {
  double s = x->fs * 0.9;
  double top = y - s * 0.85;
  if (kind == 0)
    rect_fill(x->cv, px, top, s, s, CH_AC);
  else if (kind == 1)
    rect_stroke(x->cv, px, top, s, s, CH_PL, 1);
  else if (kind == 2)
    rect_fill(x->cv, px, top, s, s, CH_PY);
  else
    rect_hatch(x->cv, px, top, s, s, CH_EST, CH_AC);
  double fs = x->fs * 0.9;
  canvas_text(x->cv, px + s + 3, y, text, fs, false, CH_TEXT, CANVAS_LEFT);
  return s + 3 + canvas_text_width(x->cv, text, fs, false) + 10;
}

double draw_legend(struct ctx *x, double bx, double by, double bw, bool plan,
                   bool previous, bool estimated) {
  static const char *const names[] = {"Thực hiện", "Kế hoạch", "Cùng kỳ",
                                      "Ước tính"};
  bool on[4] = {true, plan, previous, estimated};
  double fs = x->fs * 0.9;
  double total = 0;
  for (int k = 0; k < 4; k++)
    if (on[k])
      total += fs + 3 + canvas_text_width(x->cv, names[k], fs, false) + 10;
  double px = fmax(bx, bx + bw - total + 10);
  double y = by + x->fs;
  for (int k = 0; k < 4; k++)
    if (on[k])
      px += legend_entry(x, px, y, k, names[k]);
  return x->fs * 1.5;
}

bool items_range(const struct chart_item *items, size_t n, double *lo,
                 double *hi) {
  bool any = false;
  *lo = INFINITY;
  *hi = -INFINITY;
  for (size_t i = 0; i < n; i++) {
    const struct chart_value *v[3] = {&items[i].actual, &items[i].plan,
                                      &items[i].previous};
    for (int k = 0; k < 3; k++) {
      if (!v[k]->has || !isfinite(v[k]->v))
        continue;
      *lo = fmin(*lo, v[k]->v);
      *hi = fmax(*hi, v[k]->v);
      any = true;
    }
  }
  if (!any)
    *lo = *hi = 0;
  return any;
}

/* Reject labels that are not valid UTF-8 before any is drawn. */
static int check_str(const char *s, const char *what, struct err *err) {
  size_t bad;
  if (s && text_utf8_check(s, strlen(s), &bad) != 0)
    return err_set(err, NULL, 0, 0, "chart %s is not valid UTF-8 (byte %zu)",
                   what, bad);
  return 0;
}

static int check_items(const struct chart_item *it, size_t n, struct err *err) {
  for (size_t i = 0; i < n; i++)
    if (check_str(it[i].label, "label", err) != 0)
      return -1;
  return 0;
}

static int check_chart(const struct chart *c, struct err *err) {
  if (check_str(c->title, "title", err) ||
      check_str(c->subtitle, "subtitle", err) ||
      check_str(c->unit, "unit", err) || check_items(c->items, c->n_items, err))
    return -1;
  for (size_t i = 0; i < c->n_panels; i++)
    if (check_str(c->panels[i].title, "panel title", err) ||
        check_items(c->panels[i].items, c->panels[i].n_items, err))
      return -1;
  return 0;
}

int chart_draw(const struct chart *c, struct canvas *cv, double x, double y,
               double w, double h, struct chart_layout *layout,
               struct err *err) {
  struct chart_layout local;
  struct chart_layout *l = layout ? layout : &local;
  memset(l, 0, sizeof *l);
  l->scale_word = "";
  l->scale_div = 1;
  if (w < 60 || h < 40)
    return err_set(err, NULL, 0, 0, "chart box %.0fx%.0f pt is too small", w,
                   h);
  if (check_chart(c, err) != 0)
    return -1;
  /* the base font follows the box; a status chart has few lines of text
   * and may be short */
  double rows = c->kind == CHART_STATUS ? 13 : 24;
  struct ctx cx = {c, cv, l, fmin(fmax(fmin(h / rows, w / 40), 6.5), 10)};
  /* the title and a trend's legend repeat from unit to unit */
  double y_top = y;
  canvas_group_begin(cv, x, y_top);
  double th = draw_title(&cx, x, y, w);
  y += th;
  h -= th;
  double lh = 0;
  if (c->kind == CHART_TREND && c->n_items > 0) {
    bool plan = false, prev = false, est = false;
    for (size_t i = 0; i < c->n_items; i++) {
      plan |= c->items[i].plan.has;
      prev |= c->items[i].previous.has;
      est |= c->items[i].actual.has && c->items[i].actual.estimated;
    }
    lh = draw_legend(&cx, x, y, w, plan, prev, est);
  }
  canvas_group_end(cv);
  bool empty = c->kind == CHART_MULTIPLES ? c->n_panels == 0
               : c->kind == CHART_STATUS  ? false
                                          : c->n_items == 0;
  if (empty) {
    /* nothing to draw is still a visible statement */
    canvas_text(cv, x + w / 2, y + h / 2, "chưa có số liệu", cx.fs, false,
                CH_MUTED, CANVAS_CENTER);
    return 0;
  }
  int rc;
  switch (c->kind) {
  case CHART_TREND:
    rc = draw_trend(&cx, c->items, c->n_items, NULL, x, y + lh, w, h - lh, 0,
                    err);
    break;
  case CHART_COMPARISON:
    rc = draw_comparison(&cx, x, y, w, h, err);
    break;
  case CHART_BULLET:
    rc = draw_bullet(&cx, x, y, w, h, err);
    break;
  case CHART_VARIANCE:
    rc = draw_variance(&cx, x, y, w, h, err);
    break;
  case CHART_STATUS:
    rc = draw_status(&cx, x, y, w, h, err);
    break;
  case CHART_MULTIPLES:
    rc = draw_multiples(&cx, x, y, w, h, err);
    break;
  default:
    rc = err_set(err, NULL, 0, 0, "unknown chart kind %d", (int)c->kind);
  }
  if (rc != 0)
    return -1;
  if (cairo_status(cv->cr) != CAIRO_STATUS_SUCCESS)
    return err_set(err, NULL, 0, 0, "drawing failed: %s",
                   cairo_status_to_string(cairo_status(cv->cr)));
  return 0;
}

/* cairo's write callback onto our atomic file. */
static cairo_status_t write_fp(void *closure, const unsigned char *data,
                               unsigned int len) {
  FILE *fp = closure;
  return fwrite(data, 1, len, fp) == len ? CAIRO_STATUS_SUCCESS
                                         : CAIRO_STATUS_WRITE_ERROR;
}

static bool ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

int chart_write_file(const struct chart *c, const char *path,
                     const char *fonts_dir, double w, double h,
                     struct err *err) {
  bool png = ends_with(path, ".png") || ends_with(path, ".PNG");
  bool svg = ends_with(path, ".svg") || ends_with(path, ".SVG");
  if (!png && !svg)
    return err_set(err, path, 0, 0, "output must end in .png or .svg");
  struct file_atomic fa;
  if (file_atomic_open(&fa, path, err) != 0)
    return -1;
  int rc = -1;
  double scale = png ? 2 : 1;
  cairo_surface_t *s =
      png ? cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(w * 2),
                                       (int)ceil(h * 2))
          : cairo_svg_surface_create_for_stream(write_fp, fa.fp, w, h);
  struct canvas *cv = canvas_cairo_new(s, fonts_dir, err);
  if (!cv)
    goto out;
  cairo_scale(cv->cr, scale, scale);
  cairo_rectangle(cv->cr, 0, 0, w, h);
  cairo_set_source_rgb(cv->cr, 1, 1, 1);
  cairo_fill(cv->cr);
  double pad = 8;
  if (chart_draw(c, cv, pad, pad, w - 2 * pad, h - 2 * pad, NULL, err) != 0)
    goto out;
  if (canvas_cairo_status(cv, err) != 0)
    goto out;
  canvas_free(cv);
  cv = NULL;
  cairo_surface_flush(s);
  if (png) {
    if (cairo_surface_write_to_png_stream(s, write_fp, fa.fp) !=
        CAIRO_STATUS_SUCCESS) {
      err_set(err, path, 0, 0, "writing PNG failed");
      goto out;
    }
  } else {
    cairo_surface_finish(s);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
      err_set(err, path, 0, 0, "writing SVG failed");
      goto out;
    }
  }
  cairo_surface_destroy(s);
  s = NULL;
  rc = file_atomic_commit(&fa, err);
  return rc;
out:
  canvas_free(cv);
  if (s)
    cairo_surface_destroy(s);
  file_atomic_abort(&fa);
  return -1;
}
