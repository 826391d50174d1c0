/* pdf/pdf_int.h - the insides of a pdf_doc, shared by the files of
 * src/pdf/. Private to the module. */
#ifndef CHITIEU_PDF_PDF_INT_H
#define CHITIEU_PDF_PDF_INT_H

#include <hpdf.h>
#include <math.h>

#include "pdf/pdf.h"
#include "util/buf.h"

struct pdf_alpha {
  double alpha;
  HPDF_ExtGState gs;
};

struct pdf_dest {
  int page;
  double y;
  HPDF_Destination d;
};

struct pdf_doc {
  HPDF_Doc pdf;
  HPDF_Font font[2]; /* regular, bold */
  char *font_path[2];
  /* the first libharu error, kept by the error handler (sticky) */
  HPDF_STATUS code, detail;
  HPDF_Page *pages;
  size_t n_pages, cap_pages;
  int cur;
  HPDF_Outline *outlines;
  size_t n_outlines, cap_outlines;
  struct pdf_dest *dests; /* made so far: a bookmark and the contents'
                             link to one place share theirs */
  size_t n_dests, cap_dests;
  struct pdf_alpha alphas[16];
  int n_alphas;
  /* Furniture (form.c): while a form is recorded, the current page's
   * content goes into 'rec' instead of the page ('page_stream' keeps the
   * page's own), and coordinates are taken relative to the PDF point
   * (org_x, org_y). */
  struct pdf_forms *forms;
  HPDF_Stream rec_stream, page_stream;
  struct buf rec;
  bool rec_alpha; /* the form being recorded uses translucency */
  double org_x, org_y;
};

/* 0, or -1 with 'err' describing the document's first libharu error in
 * the words of 'what' ("drawing text"). */
int pdf_check(struct pdf_doc *doc, const char *what, struct err *err);

/* The current page, or NULL with 'err' when there is none. */
HPDF_Page pdf_cur_page(struct pdf_doc *doc, struct err *err);

/* Check 'utf8' (valid UTF-8, every character in the font) and return its
 * NFC form (caller frees), or NULL with 'err'. */
char *pdf_text_prepare(struct pdf_doc *doc, const char *utf8, bool bold,
                       struct err *err);

/* A page's content stream is written lean: libharu keeps each page's
 * graphics state, and these functions write an operator only when it
 * changes that state (a table's hundred cells in one colour and font set
 * them once). Text runs share one text object: pdf_text_begin opens
 * "BT" if none is open, and every other kind of drawing first closes it
 * with pdf_text_end ("ET"), as does leaving a page (pdf_page_add,
 * pdf_page_select, pdf_doc_save). */
void pdf_text_begin(HPDF_Page page);
void pdf_text_end(HPDF_Page page);

/* Set the fill or stroke colour of 'page', alpha through a cached
 * ExtGState (the caller wraps translucent drawing in GSave/GRestore,
 * outside any text object). */
void pdf_set_fill(struct pdf_doc *doc, HPDF_Page page, struct rgba c);
void pdf_set_stroke(struct pdf_doc *doc, HPDF_Page page, struct rgba c);
void pdf_set_line_width(HPDF_Page page, double width);
/* No dash, or 'n' (<= 8) dash lengths in whole points. */
void pdf_set_dash(HPDF_Page page, const double *dash, int n);

/* A length or coordinate rounded to 1/8 pt (0,044 mm: finer than any
 * printer). An eighth is exact in a float, so libharu writes "12.375"
 * where a decimal rounding would come out as "12.37999": coordinates are
 * a good part of a page's bytes. */
static inline HPDF_REAL pdf_pt(double v) {
  return (HPDF_REAL)(round(v * 8) / 8);
}

/* The PDF coordinates (y up, relative to the origin of a form being
 * recorded) of the top-down page coordinates 'x' and 'y', rounded. The
 * origin is a multiple of 1/8 pt, so a shape rounds the same in a form as
 * on the page. */
static inline HPDF_REAL pdf_x(const struct pdf_doc *doc, double x) {
  return pdf_pt(x - doc->org_x);
}
static inline HPDF_REAL pdf_y(const struct pdf_doc *doc, HPDF_Page page,
                              double y) {
  return pdf_pt(HPDF_Page_GetHeight(page) - y - doc->org_y);
}

/* The rectangle between the top-down corners (x0, y0) and (x1, y1), each
 * corner rounded, so that rectangles sharing an edge still share it. */
static inline void pdf_rectangle(const struct pdf_doc *doc, HPDF_Page page,
                                 double x0, double y0, double x1, double y1) {
  HPDF_REAL l = pdf_x(doc, fmin(x0, x1)), r = pdf_x(doc, fmax(x0, x1));
  HPDF_REAL b = pdf_y(doc, page, fmax(y0, y1));
  HPDF_REAL t = pdf_y(doc, page, fmin(y0, y1));
  HPDF_Page_Rectangle(page, l, b, r - l, t - b);
}

/* Forget the forms of 'doc' (form.c). */
void pdf_forms_free(struct pdf_doc *doc);

#endif
