/* pdf/canvas_pdf.c - the canvas that puts charts into the PDF as vectors.
 *
 * Chart code builds each shape as a cairo path on a throw-away cairo_t (a
 * 1x1 A8 image surface: nothing is ever rasterised). When the shape is
 * ended, the path is copied under an identity matrix (device coordinates,
 * even when the shape used transforms) and replayed into the current
 * libharu page as MoveTo/LineTo/CurveTo/ClosePath with y flipped, then
 * filled or stroked there. Text goes through libharu in the document's
 * fonts, so chart labels are searchable. See PDF_NOTES.md for the numbers
 * that chose this way over raster images or cairo's own PDF surface. */
#include "pdf/pdf_int.h"

#include <math.h>
#include <stdlib.h>

#include "util/xalloc.h"

struct canvas_pdf {
  struct canvas cv; /* first, so a struct canvas * is one of these */
  cairo_surface_t *surface;
  struct pdf_doc *doc;
  struct err err; /* the first error, for pdf_canvas_status */
  bool failed;
};

static void fail(struct canvas_pdf *cp, const struct err *e) {
  if (!cp->failed)
    cp->err = *e;
  cp->failed = true;
}

/* The page to draw on, or NULL (error recorded). */
static HPDF_Page page_of(struct canvas_pdf *cp) {
  struct err e;
  HPDF_Page p = pdf_cur_page(cp->doc, &e);
  if (!p)
    fail(cp, &e);
  return p;
}

/* Is the subpath at 'd' ('left' elements) an axis-aligned rectangle as
 * cairo_rectangle builds it: move, three lines, close? Then it is written
 * as one "re" operator. */
static bool is_rect(const cairo_path_data_t *d, int left) {
  if (left < 2 + 2 + 2 + 2 + 1)
    return false;
  const cairo_path_data_t *e[5];
  int k = 0;
  for (int i = 0; i < left && k < 5; i += d[i].header.length)
    e[k++] = &d[i];
  if (k < 5 || e[0]->header.type != CAIRO_PATH_MOVE_TO ||
      e[1]->header.type != CAIRO_PATH_LINE_TO ||
      e[2]->header.type != CAIRO_PATH_LINE_TO ||
      e[3]->header.type != CAIRO_PATH_LINE_TO ||
      e[4]->header.type != CAIRO_PATH_CLOSE_PATH)
    return false;
  double x0 = e[0][1].point.x, y0 = e[0][1].point.y;
  double x1 = e[1][1].point.x, y1 = e[1][1].point.y;
  double x2 = e[2][1].point.x, y2 = e[2][1].point.y;
  double x3 = e[3][1].point.x, y3 = e[3][1].point.y;
  return y1 == y0 && x2 == x1 && y3 == y2 && x3 == x0;
}

/* Replay the current cairo path into 'page'; returns the number of path
 * segments (0: nothing to paint, which libharu would reject). Clears the
 * cairo path. A move is written only when a segment follows it. */
static int replay(struct canvas_pdf *cp, HPDF_Page page) {
  cairo_t *cr = cp->cv.cr;
  cairo_save(cr);
  cairo_identity_matrix(cr);
  cairo_path_t *path = cairo_copy_path(cr);
  cairo_restore(cr);
  cairo_new_path(cr);
  const struct pdf_doc *doc = cp->doc;
  int n = 0;
  bool open = false, moved = false;
  double mx = 0, my = 0;
  for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
    const cairo_path_data_t *d = &path->data[i];
    switch (d->header.type) {
    case CAIRO_PATH_MOVE_TO:
      if (is_rect(d, path->num_data - i)) {
        const cairo_path_data_t *opp = d + 2 + 2; /* the second line's end */
        pdf_rectangle(doc, page, d[1].point.x, d[1].point.y, opp[1].point.x,
                      opp[1].point.y);
        n++;
        open = moved = false;
        /* skip the three lines and the close */
        for (int k = 0; k < 4; k++)
          i += path->data[i].header.length;
        break;
      }
      mx = d[1].point.x;
      my = d[1].point.y;
      moved = true;
      open = false;
      break;
    case CAIRO_PATH_LINE_TO:
    case CAIRO_PATH_CURVE_TO:
      if (!moved && !open)
        break;
      if (moved) {
        HPDF_Page_MoveTo(page, pdf_x(doc, mx), pdf_y(doc, page, my));
        moved = false;
        open = true;
      }
      if (d->header.type == CAIRO_PATH_LINE_TO)
        HPDF_Page_LineTo(page, pdf_x(doc, d[1].point.x),
                         pdf_y(doc, page, d[1].point.y));
      else
        HPDF_Page_CurveTo(page, pdf_x(doc, d[1].point.x),
                          pdf_y(doc, page, d[1].point.y),
                          pdf_x(doc, d[2].point.x),
                          pdf_y(doc, page, d[2].point.y),
                          pdf_x(doc, d[3].point.x),
                          pdf_y(doc, page, d[3].point.y));
      n++;
      break;
    case CAIRO_PATH_CLOSE_PATH:
      if (open)
        HPDF_Page_ClosePath(page);
      break;
    }
  }
  cairo_path_destroy(path);
  return n;
}

static void check(struct canvas_pdf *cp, const char *what) {
  struct err e;
  if (pdf_check(cp->doc, what, &e) != 0)
    fail(cp, &e);
}

static void cp_fill(struct canvas *cv, struct rgba c) {
  struct canvas_pdf *cp = (struct canvas_pdf *)cv;
  HPDF_Page page = page_of(cp);
  if (!page) {
    cairo_new_path(cv->cr);
    return;
  }
  bool alpha = c.a < 1;
  pdf_text_end(page);
  if (alpha)
    HPDF_Page_GSave(page);
  pdf_set_fill(cp->doc, page, c);
  if (replay(cp, page) > 0)
    HPDF_Page_Fill(page);
  if (alpha)
    HPDF_Page_GRestore(page);
  check(cp, "drawing a chart");
}

static void cp_stroke(struct canvas *cv, struct rgba c, double width,
                      const double *dash, int n_dash) {
  struct canvas_pdf *cp = (struct canvas_pdf *)cv;
  HPDF_Page page = page_of(cp);
  if (!page) {
    cairo_new_path(cv->cr);
    return;
  }
  bool alpha = c.a < 1;
  pdf_text_end(page);
  if (alpha)
    HPDF_Page_GSave(page);
  pdf_set_stroke(cp->doc, page, c);
  pdf_set_line_width(page, width);
  /* libharu 2.3.0 takes whole points (PDF_NOTES.md) */
  pdf_set_dash(page, dash, dash ? n_dash : 0);
  if (replay(cp, page) > 0)
    HPDF_Page_Stroke(page);
  if (alpha)
    HPDF_Page_GRestore(page);
  check(cp, "drawing a chart");
}

static void cp_text(struct canvas *cv, double x, double y, const char *s,
                    double size, bool bold, struct rgba c,
                    enum canvas_align align) {
  struct canvas_pdf *cp = (struct canvas_pdf *)cv;
  if (cp->failed || !s || !*s)
    return;
  struct pdf_style st = {size, bold, c, align, 1.3};
  struct err e;
  if (pdf_text(cp->doc, x, y, s, &st, &e) != 0)
    fail(cp, &e);
}

static double cp_text_width(struct canvas *cv, const char *s, double size,
                            bool bold) {
  struct canvas_pdf *cp = (struct canvas_pdf *)cv;
  return pdf_text_width(cp->doc, s, size, bold);
}

static void cp_save(struct canvas *cv) {
  struct canvas_pdf *cp = (struct canvas_pdf *)cv;
  cairo_save(cv->cr);
  HPDF_Page page = page_of(cp);
  if (page) {
    pdf_text_end(page);
    HPDF_Page_GSave(page);
  }
}

static void cp_clip(struct canvas *cv) {
  struct canvas_pdf *cp = (struct canvas_pdf *)cv;
  HPDF_Page page = page_of(cp);
  if (!page) {
    cairo_new_path(cv->cr);
    return;
  }
  pdf_text_end(page);
  if (replay(cp, page) > 0) {
    HPDF_Page_Clip(page);
    HPDF_Page_EndPath(page);
  }
  check(cp, "clipping a chart");
}

static void cp_restore(struct canvas *cv) {
  struct canvas_pdf *cp = (struct canvas_pdf *)cv;
  cairo_restore(cv->cr);
  HPDF_Page page = page_of(cp);
  if (page) {
    pdf_text_end(page);
    HPDF_Page_GRestore(page);
  }
}

static void cp_group(struct canvas *cv, bool begin, double x, double y) {
  struct canvas_pdf *cp = (struct canvas_pdf *)cv;
  if (cp->failed)
    return;
  struct err e;
  if ((begin ? pdf_form_begin(cp->doc, x, y, &e) : pdf_form_end(cp->doc, &e)))
    fail(cp, &e);
}

static void cp_free(struct canvas *cv) {
  struct canvas_pdf *cp = (struct canvas_pdf *)cv;
  cairo_destroy(cv->cr);
  cairo_surface_destroy(cp->surface);
  free(cp);
}

static const struct canvas_ops pdf_ops = {cp_fill,       cp_stroke, cp_text,
                                          cp_text_width, cp_save,   cp_clip,
                                          cp_restore,    cp_free,
                                          cp_group};

struct canvas *pdf_canvas_new(struct pdf_doc *doc) {
  struct canvas_pdf *cp = xcalloc(1, sizeof *cp);
  cp->cv.ops = &pdf_ops;
  cp->doc = doc;
  cp->surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
  cp->cv.cr = cairo_create(cp->surface);
  return &cp->cv;
}

int pdf_canvas_status(struct canvas *cv, struct err *err) {
  struct canvas_pdf *cp = (struct canvas_pdf *)cv;
  if (cp->failed) {
    if (err)
      *err = cp->err;
    return -1;
  }
  cairo_status_t st = cairo_status(cv->cr);
  if (st != CAIRO_STATUS_SUCCESS)
    return err_set(err, NULL, 0, 0, "building chart paths failed: %s",
                   cairo_status_to_string(st));
  return 0;
}

int pdf_chart(struct pdf_doc *doc, const struct chart *c, double x, double y,
              double w, double h, struct chart_layout *layout,
              struct err *err) {
  struct canvas *cv = pdf_canvas_new(doc);
  int rc = chart_draw(c, cv, x, y, w, h, layout, err);
  if (rc == 0)
    rc = pdf_canvas_status(cv, err);
  canvas_free(cv);
  return rc;
}
