/* pdf/pdf.h - the document writer of chitieu, over libharu.
 *
 * A 'struct pdf_doc' is one PDF being built: Noto Sans Regular and Bold
 * embedded (subset) as UTF-8 fonts, pages, text, paragraphs, tables,
 * lines and rectangles, bookmarks, internal links, document info and
 * optional encryption, and charts drawn as vectors through a canvas
 * (pdf_canvas_new). It knows nothing of the store or the config.
 *
 * Coordinates are points (1/72 inch) from the TOP-LEFT corner of the page,
 * y growing down, as in the charts; text is placed by its baseline. All
 * text is UTF-8: invalid UTF-8 and characters the font lacks are errors,
 * and text is normalised to NFC before drawing (NFD would misplace the
 * Vietnamese accents).
 *
 * libharu errors are sticky: the first one is kept in the document and
 * every later call fails with it (PDF_NOTES.md). Each function here turns
 * it into 'struct err'; after an error the document can only be freed.
 *
 *   struct pdf_doc *doc = pdf_doc_new("fonts", &err);
 *   pdf_page_add(doc, PDF_A4, PDF_PORTRAIT, &err);
 *   pdf_text(doc, 56, 80, "Thị xã Mường Lay", &PDF_H1, &err);
 *   pdf_doc_save(doc, "reports/muong-lay.pdf", &err);
 *   pdf_doc_free(doc);
 */
#ifndef CHITIEU_PDF_PDF_H
#define CHITIEU_PDF_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "chart/canvas.h"
#include "chart/chart.h"
#include "util/err.h"

struct pdf_doc;

enum pdf_size { PDF_A4, PDF_A3 };
enum pdf_orient { PDF_PORTRAIT, PDF_LANDSCAPE };

/* How text looks. 'leading' is the line height as a multiple of 'size'
 * (0: 1.3). 'align' is used by pdf_text and pdf_paragraph. */
struct pdf_style {
  double size;
  bool bold;
  struct rgba color;
  enum canvas_align align;
  double leading;
};

/* Ready-made styles: body text 10 pt, small 8 pt grey, headings. */
extern const struct pdf_style PDF_BODY, PDF_SMALL, PDF_H1, PDF_H2;

/* A new document with 'fonts_dir'/NotoSans-Regular.ttf and NotoSans-Bold.ttf
 * embedded, compression on, and no pages. Returns NULL with 'err' naming
 * the font file when one is missing or not a usable TrueType font. */
struct pdf_doc *pdf_doc_new(const char *fonts_dir, struct err *err);
/* Free 'doc' and everything in it (NULL is fine). */
void pdf_doc_free(struct pdf_doc *doc);

/* Document info: title and author (UTF-8, either may be NULL); the creator
 * is "chitieu". The creation and modification dates come from
 * SOURCE_DATE_EPOCH when it is set (so two runs give the same bytes), else
 * from the clock. Returns 0 or -1 with 'err'. */
int pdf_doc_info(struct pdf_doc *doc, const char *title, const char *author,
                 const char *subject, struct err *err);

/* Encrypt with 'owner_pw' (required) and 'user_pw' (may be NULL or "" to
 * open without a password). 'print_only': readers may print (at high
 * resolution) but not copy or change. Encrypted files are never
 * byte-reproducible (libharu takes the /ID from the clock). */
int pdf_doc_encrypt(struct pdf_doc *doc, const char *owner_pw,
                    const char *user_pw, bool print_only, struct err *err);

/* Write the document to 'path' through a temporary file in the same folder
 * renamed into place, so a failure never leaves a truncated file nor
 * replaces a good one. A missing or unwritable folder is an error naming
 * it. The document stays usable (it may be saved again). */
int pdf_doc_save(struct pdf_doc *doc, const char *path, struct err *err);

/* Add a page at the end and make it current. Returns its index (0-based)
 * or -1 with 'err'. */
int pdf_page_add(struct pdf_doc *doc, enum pdf_size size,
                 enum pdf_orient orient, struct err *err);
/* Make page 'index' current again (e.g. to fill a table of contents once
 * the page numbers are known). Returns 0 or -1 with 'err'. */
int pdf_page_select(struct pdf_doc *doc, int index, struct err *err);
/* The number of pages, the current page's index (-1 if none), and its
 * size in points (0 if none). */
int pdf_page_count(const struct pdf_doc *doc);
int pdf_page_current(const struct pdf_doc *doc);
double pdf_page_width(const struct pdf_doc *doc);
double pdf_page_height(const struct pdf_doc *doc);

/* Draw 'utf8' on the current page with its baseline at 'y'; 'x' is its
 * left end, centre or right end according to 'st->align'. One line only:
 * text after a newline is not drawn (use pdf_paragraph). */
int pdf_text(struct pdf_doc *doc, double x, double y, const char *utf8,
             const struct pdf_style *st, struct err *err);
/* The width of 'utf8' in points at 'size' (exact, no kerning). Invalid
 * UTF-8 measures 0. */
double pdf_text_width(struct pdf_doc *doc, const char *utf8, double size,
                      bool bold);

/* Word-wrap 'utf8' into a box 'w' points wide whose top is at 'y'
 * ("\n" breaks lines; a word wider than the box is broken), drawing it
 * when 'draw' is true. '*height' receives the height used (lines times
 * size times leading). Returns 0 or -1 with 'err'. */
int pdf_paragraph(struct pdf_doc *doc, double x, double y, double w,
                  const char *utf8, const struct pdf_style *st, bool draw,
                  double *height, struct err *err);

/* A line, and a rectangle filled and/or outlined ('fill', 'stroke' may be
 * NULL). 'width' is the line width in points. */
int pdf_line(struct pdf_doc *doc, double x0, double y0, double x1, double y1,
             double width, struct rgba color, struct err *err);
int pdf_rect(struct pdf_doc *doc, double x, double y, double w, double h,
             const struct rgba *fill, const struct rgba *stroke, double width,
             struct err *err);

/* A bookmark titled 'utf8' pointing at page 'page' at height 'y', under
 * bookmark 'parent' (-1: top level). Returns the new bookmark's id (>= 0,
 * to use as a parent) or -1 with 'err'. */
int pdf_outline_add(struct pdf_doc *doc, int parent, const char *utf8, int page,
                    double y, struct err *err);
/* Make the rectangle ('x', 'y', 'w', 'h') of the current page a link to
 * page 'page' at height 'y_target' (no border drawn). */
int pdf_link(struct pdf_doc *doc, double x, double y, double w, double h,
             int page, double y_target, struct err *err);

/* A simple table: a header row, then rows of cells. */
struct pdf_col {
  const char *title; /* header text (bold) */
  double width;      /* points */
  enum canvas_align align;
};

struct pdf_table {
  const struct pdf_col *cols;
  int n_cols;
  const char *const *cells;  /* n_rows * n_cols strings, row-major; NULL
                                is an empty cell */
  const struct rgba *colors; /* optional per-cell text colour, same shape */
  const bool *bold;          /* optional per-cell bold flag, same shape */
  int n_rows;
  double size; /* font size (0: 9 pt) */
  bool zebra;  /* light grey behind every other row */
  bool rules;  /* thin rule under every row */
  int fixed_cols; /* leading columns that repeat from page to page (the
                     row names): drawn once with the header (pdf_form_begin) */
};

/* Draw the header of 't' at 'y' and then its rows from 'first' for as long
 * as they fit above 'bottom'. Returns the number of rows drawn, 0 when not
 * even one fits (add a page and call again with the same 'first': the
 * header is repeated on the new page), or -1 with 'err'. '*y_end' (may be
 * NULL) receives the y below the last row. Cell text wraps inside its
 * column, at most 4 lines, so any row fits on an empty A4 page. A table
 * without rows ('first' >= 'n_rows') draws its header alone and returns 0. */
int pdf_table_draw(struct pdf_doc *doc, const struct pdf_table *t, int first,
                   double x, double y, double bottom, double *y_end,
                   struct err *err);
/* The height of 't' drawn whole (header and every row) on one page, or -1
 * with 'err'. */
double pdf_table_height(struct pdf_doc *doc, const struct pdf_table *t,
                        struct err *err);

/* Furniture: drawing that repeats from page to page at the same place
 * relative to the top-down point (x, y): a table's header and row names,
 * a chart's title and legend. Between pdf_form_begin and pdf_form_end the
 * drawing calls on 'doc' are recorded; the first time these exact
 * drawings are met they go on the current page, from the second time on
 * the page paints a form XObject that holds them once for the whole file.
 * Forms do not nest, and no page may be added or selected inside one. */
int pdf_form_begin(struct pdf_doc *doc, double x, double y, struct err *err);
int pdf_form_end(struct pdf_doc *doc, struct err *err);

/* A canvas (chart/canvas.h) that draws onto the current page of 'doc':
 * shapes are cairo paths replayed as PDF vector paths, text is libharu
 * text in the document's fonts (searchable). Free with canvas_free(); the
 * document stays the caller's. Errors are reported by pdf_canvas_status. */
struct canvas *pdf_canvas_new(struct pdf_doc *doc);
/* The first error met while drawing through 'cv', as 0 or -1 with 'err'. */
int pdf_canvas_status(struct canvas *cv, struct err *err);

/* Draw the chart 'c' into the box ('x', 'y', 'w', 'h') of the current
 * page (a pdf_canvas_new, chart_draw and canvas_free in one). 'layout' may
 * be NULL. */
int pdf_chart(struct pdf_doc *doc, const struct chart *c, double x, double y,
              double w, double h, struct chart_layout *layout, struct err *err);

#endif
