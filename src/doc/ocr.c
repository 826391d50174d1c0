/* doc/ocr.c - text from scans: PDF pages without a text layer, and images
 * (PNG, JPEG, TIFF), read by tesseract with its Vietnamese data
 * (tesseract-ocr-vie).
 *
 * A PDF page is rendered by poppler at OCR_DPI onto a cairo image, made
 * grey and given to tesseract; an image is read by leptonica. Tesseract's
 * text lines, each with its box, become 'struct line' in points, so that a
 * scan goes through the same rebuilding of paragraphs, running headers and
 * tables as a PDF's text layer (doc/pdf.c). One tesseract instance reads
 * all the pages of one document; pages are rendered one at a time.
 * Limits: an image or page of more than OCR_MAX_PIXELS is refused. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <leptonica/allheaders.h>
#include <poppler.h>
#include <tesseract/capi.h>

#include "doc/doc_int.h"
#include "util/xalloc.h"

#define OCR_DPI 300
#define OCR_MAX_PIXELS (120u * 1000 * 1000)
#define OCR_LANG "vie"

/* A tesseract ready for Vietnamese, or NULL with 'err' saying what to
 * install. */
static TessBaseAPI *ocr_open(const char *name, struct err *err) {
  TessBaseAPI *api = TessBaseAPICreate();
  if (!api) {
    err_set(err, name, 0, 0, "out of memory");
    return NULL;
  }
  /* Warnings ("Estimating resolution", "Empty page") are not ours to
   * print: only cli/ writes to stderr. */
  if (TessBaseAPIInit3(api, NULL, OCR_LANG) != 0) {
    TessBaseAPIDelete(api);
    err_set(err, name, 0, 0,
            "a scan without text: reading it needs OCR, and tesseract's "
            "Vietnamese data is not installed (Debian package "
            "tesseract-ocr-vie)");
    return NULL;
  }
  TessBaseAPISetVariable(api, "debug_file", "/dev/null");
  TessBaseAPISetPageSegMode(api, PSM_AUTO);
  return api;
}

/* The text lines tesseract found in the image it holds, as lines of page
 * 'page' in points ('scale' pixels a point). */
static void ocr_lines(TessBaseAPI *api, int page, double scale,
                      struct lines *L) {
  if (TessBaseAPIRecognize(api, NULL) != 0)
    return;
  TessResultIterator *ri = TessBaseAPIGetIterator(api);
  if (!ri)
    return;
  do {
    char *text = TessResultIteratorGetUTF8Text(ri, RIL_TEXTLINE);
    int l, t, r, b;
    if (text && TessPageIteratorBoundingBox(
                    TessResultIteratorGetPageIterator(ri), RIL_TEXTLINE, &l,
                    &t, &r, &b)) {
      size_t n = strlen(text);
      while (n && (text[n - 1] == '\n' || text[n - 1] == ' '))
        n--;
      if (n) {
        xgrow((void **)&L->v, &L->cap, L->n + 1, sizeof *L->v);
        struct line *x = &L->v[L->n++];
        memset(x, 0, sizeof *x);
        x->text = xstrndup(text, n);
        x->x1 = l / scale;
        x->y1 = t / scale;
        x->x2 = r / scale;
        x->y2 = b / scale;
        x->page = page;
      }
    }
    TessDeleteText(text);
  } while (TessResultIteratorNext(ri, RIL_TEXTLINE));
  TessResultIteratorDelete(ri);
}

/* Clear the specks of a scan: dark pixels with no dark pixel on the ring
 * around them are dust, not ink, and beside a figure they read as a comma,
 * a colon or a full stop ("79;5", "31:800"). At 'dpi' below 250 a speck is
 * one pixel (the ring: its eight neighbours); at 250 and more, up to three
 * pixels across (the ring at two pixels' distance, the 3x3 inside is
 * cleared): a full stop is larger than that at either. 'gray' is 'w' x
 * 'h', one byte a pixel, changed in place. */
static void despeckle(unsigned char *gray, int w, int h, int dpi) {
  enum { DARK = 128 };
  int r = dpi >= 250 ? 2 : 1;
  for (int y = r; y + r < h; y++)
    for (int x = r; x + r < w; x++) {
      unsigned char *p = gray + (size_t)y * (size_t)w + (size_t)x;
      if (*p >= DARK)
        continue;
      int dark = 0;
      for (int dy = -r; dy <= r && !dark; dy++)
        for (int dx = -r; dx <= r && !dark; dx++)
          if ((dy == -r || dy == r || dx == -r || dx == r) &&
              p[(ptrdiff_t)dy * w + dx] < DARK)
            dark = 1;
      if (dark)
        continue;
      for (int dy = 1 - r; dy <= r - 1; dy++)
        for (int dx = 1 - r; dx <= r - 1; dx++)
          p[(ptrdiff_t)dy * w + dx] = 255;
      *p = 255;
    }
}

/* Render 'pg' at OCR_DPI into a grey image 'gray' (caller frees). */
static unsigned char *render_gray(PopplerPage *pg, int *w, int *h) {
  double pw, ph;
  poppler_page_get_size(pg, &pw, &ph);
  double scale = OCR_DPI / 72.0;
  *w = (int)ceil(pw * scale);
  *h = (int)ceil(ph * scale);
  if (*w <= 0 || *h <= 0 ||
      (double)*w * (double)*h > (double)OCR_MAX_PIXELS)
    return NULL;
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, *w, *h);
  cairo_t *cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  poppler_page_render_for_printing(pg, cr);
  cairo_destroy(cr);
  cairo_surface_flush(s);
  const unsigned char *px = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  unsigned char *gray = xmalloc((size_t)*w * (size_t)*h);
  for (int y = 0; y < *h; y++) {
    const uint32_t *row = (const uint32_t *)(px + (size_t)y * (size_t)stride);
    for (int x = 0; x < *w; x++) {
      uint32_t v = row[x];
      unsigned r = (v >> 16) & 0xFF, g = (v >> 8) & 0xFF, b = v & 0xFF;
      gray[(size_t)y * (size_t)*w + (size_t)x] =
          (unsigned char)((r * 30 + g * 59 + b * 11) / 100);
    }
  }
  cairo_surface_destroy(s);
  return gray;
}

int ocr_pdf(const char *name, void *pdv, const bool *pages, struct lines *L,
            struct err *err) {
  PopplerDocument *pd = pdv;
  TessBaseAPI *api = ocr_open(name, err);
  if (!api)
    return -1;
  int n = poppler_document_get_n_pages(pd);
  int rc = 0;
  for (int i = 0; i < n && rc == 0; i++) {
    if (pages && !pages[i])
      continue;
    PopplerPage *pg = poppler_document_get_page(pd, i);
    if (!pg)
      continue;
    int w, h;
    unsigned char *gray = render_gray(pg, &w, &h);
    g_object_unref(pg);
    if (!gray) {
      rc = err_set(err, name, 0, 0,
                   "page %d: too large to read by OCR (more than %u million "
                   "pixels at %d dpi)",
                   i + 1, OCR_MAX_PIXELS / 1000000, OCR_DPI);
      break;
    }
    despeckle(gray, w, h, OCR_DPI);
    TessBaseAPISetImage(api, gray, w, h, 1, w);
    TessBaseAPISetSourceResolution(api, OCR_DPI);
    ocr_lines(api, i + 1, OCR_DPI / 72.0, L);
    TessBaseAPIClear(api);
    free(gray);
  }
  TessBaseAPIEnd(api);
  TessBaseAPIDelete(api);
  if (rc == 0 && L->n == 0 && !pages)
    rc = err_set(err, name, 0, 0,
                 "a scan in which OCR found no text (an empty or unreadable "
                 "page?)");
  return rc;
}

int ocr_image(const char *name, const char *data, size_t len,
              struct document *doc, struct err *err) {
  PIX *pix = pixReadMem((const l_uint8 *)data, len);
  if (!pix)
    return err_set(err, name, 0, 0, "not a readable image (damaged?)");
  int w = pixGetWidth(pix), h = pixGetHeight(pix);
  if (w <= 0 || h <= 0 || (double)w * (double)h > (double)OCR_MAX_PIXELS) {
    pixDestroy(&pix);
    return err_set(err, name, 0, 0,
                   "an image too large to read by OCR (%d x %d pixels, more "
                   "than %u million)",
                   w, h, OCR_MAX_PIXELS / 1000000);
  }
  TessBaseAPI *api = ocr_open(name, err);
  if (!api) {
    pixDestroy(&pix);
    return -1;
  }
  /* The image's own resolution, else a scanner's usual 300 dpi. */
  int dpi = pixGetXRes(pix) > 50 ? pixGetXRes(pix) : OCR_DPI;
  PIX *g = pixConvertTo8(pix, 0);
  unsigned char *gray = xmalloc((size_t)w * (size_t)h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) {
      l_uint32 v = 255;
      if (g)
        pixGetPixel(g, x, y, &v);
      gray[(size_t)y * (size_t)w + (size_t)x] = (unsigned char)v;
    }
  pixDestroy(&g);
  despeckle(gray, w, h, dpi);
  TessBaseAPISetImage(api, gray, w, h, 1, w);
  TessBaseAPISetSourceResolution(api, dpi);
  struct lines L = {0};
  ocr_lines(api, 1, dpi / 72.0, &L);
  TessBaseAPIEnd(api);
  TessBaseAPIDelete(api);
  free(gray);
  pixDestroy(&pix);
  int rc = 0;
  if (L.n == 0) {
    rc = err_set(err, name, 0, 0, "an image in which OCR found no text");
  } else {
    double height = h * 72.0 / dpi;
    doc->n_pages = 1;
    doc_lines_build(doc, &L, &height);
  }
  doc_lines_free(&L);
  return rc;
}
