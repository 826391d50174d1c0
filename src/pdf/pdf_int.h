/* pdf/pdf_int.h - the insides of a pdf_doc, shared by the files of
 * src/pdf/. Private to the module. */
#ifndef CHITIEU_PDF_PDF_INT_H
#define CHITIEU_PDF_PDF_INT_H

#include <hpdf.h>
#include <math.h>

#include "pdf/pdf.h"

struct pdf_alpha {
  double alpha;
  HPDF_ExtGState gs;
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
  struct pdf_alpha alphas[16];
  int n_alphas;
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

/* Set the fill or stroke colour of 'page', alpha through a cached
 * ExtGState (the caller wraps translucent drawing in GSave/GRestore). */
void pdf_set_fill(struct pdf_doc *doc, HPDF_Page page, struct rgba c);
void pdf_set_stroke(struct pdf_doc *doc, HPDF_Page page, struct rgba c);

/* A length or coordinate rounded to 0,01 pt: finer than any printer, and
 * libharu then writes "12.34" instead of "12.33998", which is a good part
 * of a page's bytes. */
static inline HPDF_REAL pdf_r2(double v) {
  return (HPDF_REAL)(round(v * 100) / 100);
}

#endif
