/* chart/chart_int.h - what the chart kinds share: the drawing context,
 * the IBCS palette, axes with round ticks, label fitting. Private to
 * src/chart/. */
#ifndef CHITIEU_CHART_CHART_INT_H
#define CHITIEU_CHART_CHART_INT_H

#include "chart/chart.h"

/* The IBCS palette: scenarios told apart by fill, not colour. */
extern const struct rgba CH_AC;    /* actual: solid dark grey */
extern const struct rgba CH_PY;    /* previous year: lighter grey */
extern const struct rgba CH_PL;    /* plan outline */
extern const struct rgba CH_EST;   /* estimate: light fill under hatching */
extern const struct rgba CH_GOOD;  /* desired variance */
extern const struct rgba CH_BAD;   /* undesired variance */
extern const struct rgba CH_NEAR;  /* "% KH" near the plan: dark amber */
extern const struct rgba CH_TEXT;  /* labels */
extern const struct rgba CH_MUTED; /* axis labels, notes */
extern const struct rgba CH_GRID;  /* tick lines */
extern const struct rgba CH_WHITE;

/* Everything a kind needs while drawing. */
struct ctx {
  const struct chart *c;
  struct canvas *cv;
  struct chart_layout *l;
  double fs; /* base font size in points */
};

/* A value axis: 'v0'..'v1' in round 'step's, 'div' the scale divisor
 * ("triệu" = 1e6) of the tick labels. */
struct axis {
  double v0, v1, step, div;
  const char *word;
  int dec; /* decimals of tick labels */
};

/* Compute a round axis over 'lo'..'hi' (zero included when 'zero') with
 * about 'target' ticks, honouring the chart's fixed scale. */
void axis_make(const struct chart *c, double lo, double hi, bool zero,
               int target, struct axis *a);
/* Counts ("xã", "trường") have no fractional ticks: when every value is a
 * whole number, make a step below 1 into 1. */
void axis_whole(struct axis *a);
/* Are all present values of 'items' whole numbers? */
bool items_whole(const struct chart_item *items, size_t n);
/* Map 'v' onto p0..p1 along the axis. */
double axis_map(const struct axis *a, double v, double p0, double p1);
/* Write the tick label of 'v' into 'dst'. */
void axis_label(const struct axis *a, double v, char *dst, size_t n);
/* "triệu lượt", "%", "" : the axis title of 'a' for the chart's unit. */
void axis_title(const struct chart *c, const struct axis *a, char *dst,
                size_t n);
/* Record 'a' mapped onto p0..p1 as the layout's value axis. */
void axis_to_layout(const struct axis *a, double p0, double p1,
                    struct chart_layout *l);

/* Format a value label: the chart's decimals (or as needed, up to 2),
 * Vietnamese style; 'sign' adds "+" to positives (variances). */
void value_label(const struct chart *c, double v, bool sign, char *dst,
                 size_t n);

/* Fit 's' into at most 'max_lines' lines of 'width' points at 'size',
 * wrapping at spaces and ending with "…" when it still does not fit.
 * Fills 'lines' (each a malloc'd string the caller frees) and returns how
 * many. */
int fit_label(struct ctx *x, const char *s, double size, bool bold,
              double width, int max_lines, char **lines);
/* Draw 's' fitted as above, lines 'size'*1.2 apart, the first baseline at
 * 'y'. Returns the number of lines drawn. */
int draw_label(struct ctx *x, const char *s, double px, double y, double size,
               bool bold, struct rgba col, double width, int max_lines,
               enum canvas_align align);

/* Shape helpers: build a path, end it through the canvas. */
void rect_fill(struct canvas *cv, double x, double y, double w, double h,
               struct rgba c);
void rect_stroke(struct canvas *cv, double x, double y, double w, double h,
                 struct rgba c, double lw);
void line(struct canvas *cv, double x0, double y0, double x1, double y1,
          struct rgba c, double lw);
/* A hatched rectangle (estimates): light fill, dark diagonal lines. */
void rect_hatch(struct canvas *cv, double x, double y, double w, double h,
                struct rgba fill, struct rgba ink);

/* Draw the title block of the chart at the top of the box; returns its
 * height. */
double draw_title(struct ctx *x, double bx, double by, double bw);

/* Draw the legend swatches of a plan/actual chart in one row at ('bx',
 * 'by' top), right-aligned to 'bx'+'bw'. Returns its height. */
double draw_legend(struct ctx *x, double bx, double by, double bw, bool plan,
                   bool previous, bool estimated);

/* The kinds (chart_kinds.c). Each draws in the box below the title. */
int draw_trend(struct ctx *x, const struct chart_item *items, size_t n,
               const struct axis *fixed, double bx, double by, double bw,
               double bh, int mark0, struct err *err);
int draw_comparison(struct ctx *x, double bx, double by, double bw, double bh,
                    struct err *err);
int draw_bullet(struct ctx *x, double bx, double by, double bw, double bh,
                struct err *err);
int draw_variance(struct ctx *x, double bx, double by, double bw, double bh,
                  struct err *err);
int draw_status(struct ctx *x, double bx, double by, double bw, double bh,
                struct err *err);
int draw_multiples(struct ctx *x, double bx, double by, double bw, double bh,
                   struct err *err);

/* Data range of items (actual, plan, previous that are present). Returns
 * false when nothing is present. */
bool items_range(const struct chart_item *items, size_t n, double *lo,
                 double *hi);

#endif
