/* pdf/form.c - furniture: what repeats from page to page, written once.
 *
 * A pack of 200 units draws the same table header, row names, chart
 * titles and legends on 200 pages. Each page's content stream is
 * compressed on its own, so that repetition is paid on every page (about
 * half of a unit page's bytes). Here a piece of furniture is recorded:
 * between pdf_form_begin and pdf_form_end, libharu's page functions write
 * into a buffer instead of the page (the page's content stream is swapped
 * for a callback stream), with coordinates relative to an origin. The
 * bytes are then looked up among those recorded before in the document:
 *
 * - the first time, they go onto the page inline, moved to the origin;
 * - the second time, a form XObject is made of them (once in the file)
 *   and this and every later page paints it with "Do".
 *
 * So furniture that never repeats costs nothing extra. libharu keeps the
 * page's graphics state: the recording is wrapped in GSave/GRestore and
 * starts from a state marked unknown, so that the lean operator writing
 * (pdf_set_fill and friends) states every colour, width and font the form
 * uses, whatever the page's state where it is painted. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_pages.h>

#include "pdf/pdf_int.h"
#include "util/xalloc.h"

struct pdf_form {
  uint64_t hash;
  char *bytes;
  size_t len;
  HPDF_Dict xobj; /* NULL until the bytes are met a second time */
};

struct pdf_forms {
  struct pdf_form *v;
  size_t n, cap;
  size_t *index;   /* open addressing by hash: 1 + position in 'v', 0 free */
  size_t n_index;  /* a power of two, at least twice 'n' */
};

/* The slot of 'index' for hash 'h': the one holding a form with these
 * bytes, or the free one where it would go. */
static size_t *slot_of(struct pdf_forms *fs, uint64_t h, const char *s,
                       size_t len) {
  size_t mask = fs->n_index - 1;
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    size_t *p = &fs->index[i];
    if (!*p)
      return p;
    const struct pdf_form *f = &fs->v[*p - 1];
    if (f->hash == h && f->len == len && !memcmp(f->bytes, s, len))
      return p;
  }
}

/* Room in the index for one more form. */
static void index_grow(struct pdf_forms *fs) {
  if (2 * (fs->n + 1) <= fs->n_index)
    return;
  free(fs->index);
  fs->n_index = fs->n_index ? 2 * fs->n_index : 64;
  fs->index = xcalloc(fs->n_index, sizeof *fs->index);
  for (size_t i = 0; i < fs->n; i++) {
    const struct pdf_form *f = &fs->v[i];
    *slot_of(fs, f->hash, f->bytes, f->len) = i + 1;
  }
}

static HPDF_PageAttr attr_of(HPDF_Page page) {
  return (HPDF_PageAttr)page->attr;
}

void pdf_forms_free(struct pdf_doc *doc) {
  if (doc->page_stream) /* given up while recording: give the page back */
    attr_of(doc->pages[doc->cur])->stream = doc->page_stream;
  doc->page_stream = NULL;
  if (doc->rec_stream)
    HPDF_Stream_Free(doc->rec_stream);
  doc->rec_stream = NULL;
  struct pdf_forms *f = doc->forms;
  if (f) {
    for (size_t i = 0; i < f->n; i++)
      free(f->v[i].bytes);
    free(f->v);
    free(f->index);
    free(f);
  }
  doc->forms = NULL;
  buf_free(&doc->rec);
}

static HPDF_STATUS rec_write(HPDF_Stream s, const HPDF_BYTE *p, HPDF_UINT n) {
  buf_add((struct buf *)s->attr, (const char *)p, n);
  return HPDF_OK;
}

static uint64_t fnv1a(const char *s, size_t n) {
  uint64_t h = 1469598103934665603u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h;
}

int pdf_form_begin(struct pdf_doc *doc, double x, double y, struct err *err) {
  HPDF_Page page = pdf_cur_page(doc, err);
  if (!page)
    return -1;
  if (doc->page_stream)
    return err_set(err, NULL, 0, 0, "a form is already being recorded");
  if (!doc->rec_stream) {
    doc->rec_stream =
        HPDF_CallbackWriter_New(doc->pdf->mmgr, rec_write, &doc->rec);
    if (!doc->rec_stream) {
      /* libharu has reported why, unless it was out of memory */
      if (pdf_check(doc, "starting a form", err) == 0)
        err_set(err, NULL, 0, 0, "out of memory starting a form");
      return -1;
    }
  }
  pdf_text_end(page);
  HPDF_PageAttr a = attr_of(page);
  buf_reset(&doc->rec);
  doc->rec_alpha = false;
  doc->page_stream = a->stream;
  a->stream = doc->rec_stream;
  doc->org_x = pdf_pt(x);
  doc->org_y = pdf_pt(HPDF_Page_GetHeight(page) - y);
  HPDF_Page_GSave(page);
  /* where the form is painted the state is unknown: mark it so */
  HPDF_GState gs = a->gstate;
  gs->cs_fill = gs->cs_stroke = HPDF_CS_EOF;
  gs->line_width = -1;
  gs->dash_mode.num_ptn = 99;
  gs->font = NULL;
  gs->font_size = 0;
  return pdf_check(doc, "starting a form", err);
}

/* A form XObject holding 'f's bytes, its fonts named as on 'page' (every
 * page names them alike: pdf_page_add). */
static HPDF_Dict form_new(struct pdf_doc *doc, HPDF_Page page,
                          const struct pdf_form *f) {
  HPDF_MMgr mm = doc->pdf->mmgr;
  HPDF_Dict x = HPDF_DictStream_New(mm, doc->pdf->xref);
  if (!x)
    return NULL;
  x->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
  x->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  HPDF_Dict_AddName(x, "Type", "XObject");
  HPDF_Dict_AddName(x, "Subtype", "Form");
  /* the content is placed by the painting page's matrix: let it reach
   * anywhere on the largest page */
  HPDF_Array bbox = HPDF_Array_New(mm);
  HPDF_Array_AddReal(bbox, -2000);
  HPDF_Array_AddReal(bbox, -2000);
  HPDF_Array_AddReal(bbox, 2000);
  HPDF_Array_AddReal(bbox, 2000);
  HPDF_Dict_Add(x, "BBox", bbox);
  HPDF_Dict res = HPDF_Dict_New(mm), fonts = HPDF_Dict_New(mm);
  for (int k = 0; k < 2; k++)
    HPDF_Dict_Add(fonts, HPDF_Page_GetLocalFontName(page, doc->font[k]),
                  doc->font[k]);
  HPDF_Dict_Add(res, "Font", fonts);
  HPDF_Dict_Add(x, "Resources", res);
  HPDF_Stream_Write(x->stream, (const HPDF_BYTE *)f->bytes, (HPDF_UINT)f->len);
  return x;
}

int pdf_form_end(struct pdf_doc *doc, struct err *err) {
  HPDF_Page page = pdf_cur_page(doc, err);
  if (!page)
    return -1;
  if (!doc->page_stream)
    return err_set(err, NULL, 0, 0, "no form is being recorded");
  pdf_text_end(page);
  HPDF_Page_GRestore(page);
  HPDF_PageAttr a = attr_of(page);
  a->stream = doc->page_stream;
  doc->page_stream = NULL;
  double ox = doc->org_x, oy = doc->org_y;
  doc->org_x = doc->org_y = 0;
  if (pdf_check(doc, "recording a form", err))
    return -1;
  if (!doc->forms)
    doc->forms = xcalloc(1, sizeof *doc->forms);
  struct pdf_forms *fs = doc->forms;
  uint64_t h = fnv1a(doc->rec.s, doc->rec.len);
  index_grow(fs);
  size_t *slot = slot_of(fs, h, doc->rec.s, doc->rec.len);
  struct pdf_form *f = *slot ? &fs->v[*slot - 1] : NULL;
  bool inline_ = !f || doc->rec_alpha;
  if (!f) {
    xgrow((void **)&fs->v, &fs->cap, fs->n + 1, sizeof *fs->v);
    *slot = fs->n + 1;
    f = &fs->v[fs->n++];
    *f = (struct pdf_form){h, xmalloc(doc->rec.len + 1), doc->rec.len, NULL};
    memcpy(f->bytes, doc->rec.s, doc->rec.len);
  } else if (!f->xobj && !inline_) {
    f->xobj = form_new(doc, page, f);
  }
  HPDF_Page_GSave(page);
  if (ox != 0 || oy != 0)
    HPDF_Page_Concat(page, 1, 0, 0, 1, (HPDF_REAL)ox, (HPDF_REAL)oy);
  if (inline_)
    HPDF_Stream_Write(a->stream, (const HPDF_BYTE *)f->bytes,
                      (HPDF_UINT)f->len);
  else if (f->xobj)
    HPDF_Page_ExecuteXObject(page, f->xobj);
  HPDF_Page_GRestore(page);
  return pdf_check(doc, "painting a form", err);
}
