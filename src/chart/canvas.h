/* chart/canvas.h - the small drawing interface charts are written against.
 *
 * A chart builds every shape with cairo's path calls (cairo_rectangle,
 * cairo_move_to, cairo_arc, ...) on the canvas's 'cr', then ends the shape
 * through one of the canvas operations below. The image/SVG canvas
 * (canvas_cairo.c) simply calls cairo_fill/cairo_stroke and draws text with
 * cairo; the PDF canvas (pdf/canvas_pdf.c) copies the path and replays it
 * into a libharu page, and draws text with libharu, so chart labels stay
 * searchable text. Chart code never knows which canvas it has.
 *
 * Coordinates are points (1/72 inch), origin top-left, y growing down, as
 * in cairo. Text is placed by its baseline.
 */
#ifndef CHITIEU_CHART_CANVAS_H
#define CHITIEU_CHART_CANVAS_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>

#include "util/err.h"

/* A colour with alpha, each 0..1. */
struct rgba {
  double r, g, b, a;
};

enum canvas_align { CANVAS_LEFT, CANVAS_CENTER, CANVAS_RIGHT };

struct canvas;

struct canvas_ops {
  /* Fill the current path of 'cv->cr' with 'c' and clear the path. */
  void (*fill)(struct canvas *cv, struct rgba c);
  /* Stroke the current path with 'c', 'width' points wide, and clear it.
   * 'dash' (NULL for solid) holds 'n_dash' on/off lengths in points. */
  void (*stroke)(struct canvas *cv, struct rgba c, double width,
                 const double *dash, int n_dash);
  /* Draw the UTF-8 string 'utf8' with its baseline at 'y'; 'x' is its
   * left end, centre or right end according to 'align'. */
  void (*text)(struct canvas *cv, double x, double y, const char *utf8,
               double size, bool bold, struct rgba c, enum canvas_align align);
  /* The advance width of 'utf8' in points at 'size'. */
  double (*text_width)(struct canvas *cv, const char *utf8, double size,
                       bool bold);
  /* Save the graphics state; clip to the current path (clearing it);
   * restore the state saved last. */
  void (*save)(struct canvas *cv);
  void (*clip)(struct canvas *cv);
  void (*restore)(struct canvas *cv);
  /* Release the canvas (not the surface or page it draws on, unless the
   * constructor says so). */
  void (*free)(struct canvas *cv);
  /* Optional (NULL: nothing to do). What is drawn between a 'begin' and
   * an 'end' is furniture that may repeat, relative to (x, y), from chart
   * to chart: a title and legend, an axis. A PDF canvas writes such a
   * group once per document and paints it again where it repeats
   * (pdf_form_begin). Groups do not nest. */
  void (*group)(struct canvas *cv, bool begin, double x, double y);
};

struct canvas {
  const struct canvas_ops *ops;
  cairo_t *cr; /* where shapes' paths are built; owned by the canvas */
};

/* Shorthands, so chart code reads canvas_fill(cv, c). */
static inline void canvas_fill(struct canvas *cv, struct rgba c) {
  cv->ops->fill(cv, c);
}
static inline void canvas_stroke(struct canvas *cv, struct rgba c, double w,
                                 const double *dash, int n_dash) {
  cv->ops->stroke(cv, c, w, dash, n_dash);
}
static inline void canvas_text(struct canvas *cv, double x, double y,
                               const char *s, double size, bool bold,
                               struct rgba c, enum canvas_align align) {
  cv->ops->text(cv, x, y, s, size, bold, c, align);
}
static inline double canvas_text_width(struct canvas *cv, const char *s,
                                       double size, bool bold) {
  return cv->ops->text_width(cv, s, size, bold);
}
static inline void canvas_save(struct canvas *cv) { cv->ops->save(cv); }
static inline void canvas_clip(struct canvas *cv) { cv->ops->clip(cv); }
static inline void canvas_restore(struct canvas *cv) { cv->ops->restore(cv); }
static inline void canvas_group_begin(struct canvas *cv, double x, double y) {
  if (cv->ops->group)
    cv->ops->group(cv, true, x, y);
}
static inline void canvas_group_end(struct canvas *cv) {
  if (cv->ops->group)
    cv->ops->group(cv, false, 0, 0);
}
/* Free 'cv' (NULL is fine). */
static inline void canvas_free(struct canvas *cv) {
  if (cv)
    cv->ops->free(cv);
}

/* A canvas drawing onto the cairo surface 'surface' (image or SVG) with the
 * Noto Sans fonts of 'fonts_dir' (NotoSans-Regular.ttf, NotoSans-Bold.ttf)
 * loaded through FreeType, so PNG/SVG text uses exactly those files. The
 * surface stays the caller's. Returns NULL with 'err' naming a font file
 * that is missing or broken. */
struct canvas *canvas_cairo_new(cairo_surface_t *surface, const char *fonts_dir,
                                struct err *err);

/* The first cairo error met while drawing, as 0 or -1 with 'err'. */
int canvas_cairo_status(struct canvas *cv, struct err *err);

#endif
