/* chart/chart.h - plan-vs-actual charts drawn from a plain data struct.
 *
 * The caller fills a 'struct chart' (numbers and labels, nothing from the
 * store or the config) and calls chart_draw() with a canvas: the cairo
 * canvas (chart/canvas.h) for PNG/SVG, or the PDF canvas (pdf/pdf.h) to
 * put the chart as vectors and text into a PDF page. The notation follows
 * IBCS: actual solid dark grey, plan outlined, previous year lighter grey,
 * estimates ("ước") hatched, variances green when good and red when bad
 * according to the indicator's direction. Readable in grayscale.
 *
 *   struct chart_item it[] = {
 *     {"2021", CHART_V(6.1), CHART_V(6.5), CHART_NONE},
 *     {"2022", CHART_V(7.01), CHART_V(7.0), CHART_NONE}};
 *   struct chart c = {.kind = CHART_TREND, .title = "Tăng trưởng GRDP",
 *                     .unit = "%", .decimals = -1, .items = it, .n_items = 2};
 *   chart_write_file(&c, "grdp.png", "fonts", 480, 300, &err);
 */
#ifndef CHITIEU_CHART_CHART_H
#define CHITIEU_CHART_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "chart/canvas.h"
#include "config/config.h" /* enum direction only */
#include "util/err.h"

enum chart_kind {
  CHART_TREND,      /* actual columns over periods, plan outlined behind */
  CHART_COMPARISON, /* one indicator across localities: bars, plan ticks,
                       "% KH" at each bar */
  CHART_BULLET,     /* per item: actual bar, plan tick, qualitative bands */
  CHART_VARIANCE,   /* ΔKH as bars and ΔKH% as pins, green/red */
  CHART_STATUS,     /* counts met / near / missed / no data */
  CHART_MULTIPLES   /* grid of trend panels on one scale */
};

/* One number that may be missing ('has' false) or estimated ("ước"). */
struct chart_value {
  double v;
  bool has;
  bool estimated;
};
/* Initializers: {"2024", CHART_V(7.01), CHART_EST(6.5), CHART_NONE}. */
#define CHART_V(x)                                                             \
  { (x), true, false }
#define CHART_EST(x)                                                           \
  { (x), true, true }
#define CHART_NONE                                                             \
  { 0, false, false }

/* One category: a period ("2024", "2024-Q3") or a locality ("Mường Lay"). */
struct chart_item {
  const char *label;
  struct chart_value actual, plan, previous;
};

/* One panel of small multiples. */
struct chart_panel {
  const char *title;
  const struct chart_item *items;
  size_t n_items;
};

/* Everything a chart shows. Strings are UTF-8 and borrowed: they must stay
 * valid during chart_draw(); the chart never frees anything. */
struct chart {
  enum chart_kind kind;
  const char *title;        /* may be NULL */
  const char *subtitle;     /* second title line, e.g. "2024-Q3, ΔKH"; NULL */
  const char *unit;         /* "%", "tỷ đồng"; shown in the axis title */
  enum direction direction; /* DIR_HIGHER: more is better; DIR_LOWER */
  int decimals;             /* of value labels; -1: as needed (up to 2) */

  const struct chart_item *items; /* TREND, COMPARISON, BULLET, VARIANCE */
  size_t n_items;

  const struct chart_panel *panels; /* MULTIPLES */
  size_t n_panels;
  int columns; /* MULTIPLES: panels per row; 0: chosen */

  /* BULLET: upper bounds of the qualitative bands, ascending (2-4 values,
   * the last band runs to the scale end). n_bands 0: bands at 90 % and
   * 100 % of plan (or 100 %, 110 % for DIR_LOWER). */
  double bands[4];
  int n_bands;

  /* STATUS: how many indicators met (đạt và vượt), nearly met, missed the
   * plan, or have no figure yet. */
  int n_met, n_near, n_missed, n_nodata;

  /* A shared value scale, so that comparable charts on one page use the
   * same one (IBCS CHECK 4). Ignored unless 'fixed_scale'; widened to
   * round ticks and to include the data. */
  /* COMPARISON: "% KH" from this % of plan on is "near" (amber) rather
   * than missed (red), as the tables judge it; 0: good or bad only. */
  double near_pct;

  bool fixed_scale;
  double scale_min, scale_max;
};

/* Where things were drawn, for tests and for callers placing notes. */
#define CHART_LAYOUT_MAX 64
#define CHART_TICKS_MAX 16

struct chart_mark {
  bool has_bar;      /* an actual bar (or variance bar) was drawn */
  bool has_plan;     /* a plan marker was drawn */
  bool missing;      /* "chưa có số liệu" was written instead */
  double x, y, w, h; /* the actual bar's rectangle */
  double bar_end;    /* value-axis coordinate of the bar's end */
  double plan_at;    /* value-axis coordinate of the plan marker */
};

struct chart_layout {
  bool horizontal; /* value axis runs along x (COMPARISON, BULLET) */
  /* Value axis mapping: value 'v0' sits at 'p0', 'v1' at 'p1' (x for
   * horizontal charts, y otherwise), linear in between. */
  double v0, v1, p0, p1;
  double ticks[CHART_TICKS_MAX];
  int n_ticks;
  double tick_step;
  const char *scale_word; /* "", "nghìn", "triệu", "tỷ", "nghìn tỷ" */
  double scale_div;       /* 1, 1e3, 1e6, 1e9, 1e12 */
  /* Plot area of the (first) panel. */
  double plot_x, plot_y, plot_w, plot_h;
  /* One mark per item (TREND, COMPARISON, BULLET, VARIANCE), or per item
   * of each panel in turn (MULTIPLES), up to CHART_LAYOUT_MAX. */
  struct chart_mark marks[CHART_LAYOUT_MAX];
  int n_marks;
};

/* Draw 'c' onto 'cv' inside the box at ('x', 'y') of 'w' by 'h' points.
 * Fills 'layout' (may be NULL). Returns 0, or -1 with 'err' for a chart
 * that cannot be drawn (bad kind, invalid UTF-8 label, box too small). */
int chart_draw(const struct chart *c, struct canvas *cv, double x, double y,
               double w, double h, struct chart_layout *layout,
               struct err *err);

/* Map the value 'v' to a coordinate along the value axis of 'l'. */
double chart_layout_map(const struct chart_layout *l, double v);

/* Draw 'c' into a PNG (at 2x, so 'w' x 'h' points become 2w x 2h pixels)
 * or an SVG file, chosen by the extension of 'path' (".png", ".svg"), with
 * the fonts of 'fonts_dir'. Written to a temporary file and renamed.
 * Returns 0, or -1 with 'err'. */
int chart_write_file(const struct chart *c, const char *path,
                     const char *fonts_dir, double w, double h,
                     struct err *err);

/* The "nice" tick step (1, 2 or 5 times a power of ten) for about
 * 'target' ticks across 'lo'..'hi'. Exposed for tests. */
double chart_nice_step(double lo, double hi, int target);

enum chart_judgement { CHART_GOOD, CHART_NEAR, CHART_BAD };

/* How 'actual' stands against 'plan' for the chart's direction: good when
 * it reaches the plan (at or under it for DIR_LOWER), near when within
 * 'near_pct' (lower: at most plan x 100 / near_pct), else bad. */
enum chart_judgement chart_judge(const struct chart *c, double actual,
                                 double plan);

#endif
