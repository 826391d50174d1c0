/* pdf/pdf.c - the document: libharu set up with the Noto Sans fonts as
 * embedded UTF-8 fonts (with a correct /ToUnicode map), the sticky error
 * handler, pages, bookmarks, links, document info, encryption and the
 * atomic save. Text and tables are in pdf_text.c, the chart canvas in
 * canvas_pdf.c. */
#include "pdf/pdf_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf_objects.h>
#include <hpdf_doc.h>

#include "util/buf.h"
#include "util/file.h"
#include "util/xalloc.h"

/* Record the first libharu error only: later ones are its echoes. */
static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void *ud) {
  struct pdf_doc *doc = ud;
  if (doc->code == 0) {
    doc->code = code;
    doc->detail = detail;
  }
}

static const char *code_text(HPDF_STATUS code) {
  switch (code) {
  case HPDF_FILE_OPEN_ERROR:
    return "cannot open file";
  case HPDF_FILE_IO_ERROR:
    return "file input/output error";
  case HPDF_TTF_INVALID_FOMAT:
    return "not a TrueType font";
  case HPDF_INVALID_PARAMETER:
    return "invalid parameter";
  case HPDF_PAGE_INVALID_GMODE:
    return "drawing call out of order";
  case HPDF_FAILD_TO_ALLOC_MEM:
    return "out of memory";
  default:
    return "libharu error";
  }
}

int pdf_check(struct pdf_doc *doc, const char *what, struct err *err) {
  if (doc->code == 0)
    return 0;
  return err_set(err, NULL, 0, 0, "%s failed: %s (libharu 0x%04X, detail %u)",
                 what, code_text(doc->code), (unsigned)doc->code,
                 (unsigned)doc->detail);
}

HPDF_Page pdf_cur_page(struct pdf_doc *doc, struct err *err) {
  if (pdf_check(doc, "drawing", err) != 0)
    return NULL;
  if (doc->cur < 0) {
    err_set(err, NULL, 0, 0, "no page to draw on (add a page first)");
    return NULL;
  }
  return doc->pages[doc->cur];
}

/* A /ToUnicode CMap for a font whose codes are Unicode code points (what
 * libharu's UTF-8 encoder writes): one bfrange per 256 codes, skipping the
 * surrogates. Replaces libharu's own, which poppler finds invalid. */
static void tounicode_text(struct buf *b) {
  buf_adds(b, "/CIDInit /ProcSet findresource begin\n"
              "12 dict begin\nbegincmap\n"
              "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
              "/Supplement 0 >> def\n"
              "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
              "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  int blocks[256], n = 0;
  for (int hi = 0; hi < 256; hi++)
    if (hi < 0xD8 || hi > 0xDF)
      blocks[n++] = hi;
  for (int i = 0; i < n; i += 100) {
    int m = n - i < 100 ? n - i : 100;
    buf_addf(b, "%d beginbfrange\n", m);
    for (int k = i; k < i + m; k++)
      buf_addf(b, "<%02X00> <%02XFF> <%02X00>\n", blocks[k], blocks[k],
               blocks[k]);
    buf_adds(b, "endbfrange\n");
  }
  buf_adds(b, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
              "end\nend\n");
}

static int tounicode_attach(struct pdf_doc *doc, HPDF_Font font) {
  HPDF_Dict s = HPDF_DictStream_New(doc->pdf->mmgr, doc->pdf->xref);
  if (!s)
    return -1;
  s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  struct buf b = BUF_INIT;
  tounicode_text(&b);
  HPDF_STATUS st =
      HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)b.s, (HPDF_UINT)b.len);
  buf_free(&b);
  if (st != HPDF_OK)
    return -1;
  return HPDF_Dict_Add(font, "ToUnicode", s) == HPDF_OK ? 0 : -1;
}

static unsigned long be32(const unsigned char *p) {
  return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
         (unsigned long)p[2] << 8 | p[3];
}

/* libharu crashes on some files that are not fonts, so look first: a
 * TrueType (glyf) font whose table directory fits the file and has the
 * tables libharu reads. Returns 0 or -1 with 'err' naming 'path'. */
static int ttf_check(const char *path, struct err *err) {
  static const char *const need[] = {"cmap", "glyf", "head", "hhea",
                                     "hmtx", "loca", "maxp", "name"};
  struct buf b = BUF_INIT;
  if (file_read(path, &b, err) != 0)
    return -1;
  const unsigned char *d = (const unsigned char *)b.s;
  int rc = -1;
  if (b.len < 12 || (be32(d) != 0x00010000UL && memcmp(d, "true", 4) != 0)) {
    err_set(err, path, 0, 0, "not a TrueType font (no TrueType header)");
    goto out;
  }
  size_t n = (size_t)(d[4] << 8 | d[5]);
  if (12 + 16 * n > b.len) {
    err_set(err, path, 0, 0, "not a usable TrueType font (truncated)");
    goto out;
  }
  int found = 0;
  for (size_t i = 0; i < n; i++) {
    const unsigned char *t = d + 12 + 16 * i;
    unsigned long off = be32(t + 8), len = be32(t + 12);
    if (off > b.len || len > b.len - off) {
      err_set(err, path, 0, 0,
              "not a usable TrueType font (table '%.4s' "
              "beyond the end of the file)",
              (const char *)t);
      goto out;
    }
    for (size_t k = 0; k < sizeof need / sizeof need[0]; k++)
      if (memcmp(t, need[k], 4) == 0)
        found++;
  }
  if (found < (int)(sizeof need / sizeof need[0])) {
    err_set(err, path, 0, 0,
            "not a usable TrueType font (tables missing; "
            "CFF/OpenType fonts are not supported)");
    goto out;
  }
  rc = 0;
out:
  buf_free(&b);
  return rc;
}

/* Load 'dir'/'name' as embedded UTF-8 font slot 'i'. */
static int font_load(struct pdf_doc *doc, int i, const char *dir,
                     const char *name, struct err *err) {
  struct buf path = BUF_INIT;
  buf_addf(&path, "%s/%s", dir, name);
  doc->font_path[i] = buf_detach(&path);
  const char *p = doc->font_path[i];
  FILE *fp = fopen(p, "rb");
  if (!fp)
    return err_set(err, p, 0, 0, "font file is missing or unreadable: %s",
                   strerror(errno));
  fclose(fp);
  if (ttf_check(p, err) != 0)
    return -1;
  const char *fname = HPDF_LoadTTFontFromFile(doc->pdf, p, HPDF_TRUE);
  if (!fname || doc->code)
    return err_set(err, p, 0, 0,
                   "not a usable TrueType font (%s, libharu "
                   "0x%04X)",
                   code_text(doc->code), (unsigned)doc->code);
  doc->font[i] = HPDF_GetFont(doc->pdf, fname, "UTF-8");
  if (!doc->font[i] || doc->code)
    return err_set(err, p, 0, 0,
                   "cannot use font with UTF-8 (libharu "
                   "0x%04X)",
                   (unsigned)doc->code);
  if (tounicode_attach(doc, doc->font[i]) != 0 || doc->code)
    return err_set(err, p, 0, 0, "cannot attach /ToUnicode map");
  return 0;
}

const struct pdf_style PDF_BODY = {10, false, {0, 0, 0, 1}, CANVAS_LEFT, 1.3};
const struct pdf_style PDF_SMALL = {
    8, false, {0.35, 0.35, 0.35, 1}, CANVAS_LEFT, 1.3};
const struct pdf_style PDF_H1 = {18, true, {0, 0, 0, 1}, CANVAS_LEFT, 1.2};
const struct pdf_style PDF_H2 = {13, true, {0, 0, 0, 1}, CANVAS_LEFT, 1.25};

struct pdf_doc *pdf_doc_new(const char *fonts_dir, struct err *err) {
  struct pdf_doc *doc = xcalloc(1, sizeof *doc);
  doc->cur = -1;
  doc->pdf = HPDF_New(on_error, doc);
  if (!doc->pdf) {
    err_set(err, NULL, 0, 0, "cannot start libharu");
    free(doc);
    return NULL;
  }
  HPDF_SetCompressionMode(doc->pdf, HPDF_COMP_ALL);
  /* the call order PDF_NOTES.md found to work */
  HPDF_UseUTFEncodings(doc->pdf);
  HPDF_SetCurrentEncoder(doc->pdf, "UTF-8");
  if (pdf_check(doc, "setting up UTF-8", err) != 0 ||
      font_load(doc, 0, fonts_dir, "NotoSans-Regular.ttf", err) != 0 ||
      font_load(doc, 1, fonts_dir, "NotoSans-Bold.ttf", err) != 0) {
    pdf_doc_free(doc);
    return NULL;
  }
  HPDF_SetInfoAttr(doc->pdf, HPDF_INFO_CREATOR, "chitieu");
  return doc;
}

void pdf_doc_free(struct pdf_doc *doc) {
  if (!doc)
    return;
  pdf_forms_free(doc);
  HPDF_Free(doc->pdf);
  free(doc->font_path[0]);
  free(doc->font_path[1]);
  free(doc->pages);
  free(doc->outlines);
  free(doc->dests);
  free(doc);
}

/* The date of SOURCE_DATE_EPOCH, or now. */
static HPDF_Date info_date(void) {
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  time_t t = time(NULL);
  if (sde && *sde) {
    char *end;
    long long v = strtoll(sde, &end, 10);
    if (*end == '\0' && v >= 0)
      t = (time_t)v;
  }
  struct tm tm;
  gmtime_r(&t, &tm);
  HPDF_Date d = {
      tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
      tm.tm_sec,         'Z',           0,          0};
  return d;
}

/* Set one text info attribute from UTF-8 (validated, NFC). */
static int info_text(struct pdf_doc *doc, HPDF_InfoType type, const char *s,
                     struct err *err) {
  if (!s)
    return 0;
  char *nfc = pdf_text_prepare(doc, s, false, err);
  if (!nfc)
    return -1;
  HPDF_SetCurrentEncoder(doc->pdf, "UTF-8");
  HPDF_SetInfoAttr(doc->pdf, type, nfc);
  free(nfc);
  return pdf_check(doc, "setting document info", err);
}

int pdf_doc_info(struct pdf_doc *doc, const char *title, const char *author,
                 const char *subject, struct err *err) {
  if (info_text(doc, HPDF_INFO_TITLE, title, err) != 0 ||
      info_text(doc, HPDF_INFO_AUTHOR, author, err) != 0 ||
      info_text(doc, HPDF_INFO_SUBJECT, subject, err) != 0)
    return -1;
  HPDF_Date d = info_date();
  HPDF_SetInfoDateAttr(doc->pdf, HPDF_INFO_CREATION_DATE, d);
  HPDF_SetInfoDateAttr(doc->pdf, HPDF_INFO_MOD_DATE, d);
  return pdf_check(doc, "setting document dates", err);
}

int pdf_doc_encrypt(struct pdf_doc *doc, const char *owner_pw,
                    const char *user_pw, bool print_only, struct err *err) {
  if (!owner_pw || !*owner_pw)
    return err_set(err, NULL, 0, 0, "encryption needs an owner password");
  if (user_pw && strcmp(user_pw, owner_pw) == 0)
    return err_set(err, NULL, 0, 0, "the user and owner passwords must differ");
  HPDF_SetPassword(doc->pdf, owner_pw, user_pw ? user_pw : "");
  /* bit 12 (2048): print at high resolution, not only low; bit 10 (512):
   * screen readers may extract the text */
  HPDF_UINT perm = HPDF_ENABLE_PRINT | 2048 | 512;
  if (!print_only)
    perm |= HPDF_ENABLE_COPY;
  HPDF_SetPermission(doc->pdf, perm);
  HPDF_SetEncryptionMode(doc->pdf, HPDF_ENCRYPT_R3, 16);
  return pdf_check(doc, "setting encryption", err);
}

int pdf_doc_save(struct pdf_doc *doc, const char *path, struct err *err) {
  if (pdf_check(doc, "building the document", err) != 0)
    return -1;
  struct file_atomic fa;
  if (file_atomic_open(&fa, path, err) != 0)
    return -1;
  /* libharu writes by file name: close our stream, let it write the
   * temporary file, then rename */
  file_atomic_close_stream(&fa);
  for (size_t i = 0; i < doc->n_pages; i++)
    pdf_text_end(doc->pages[i]);
  HPDF_SaveToFile(doc->pdf, fa.tmp);
  if (doc->code) {
    err_set(err, path, 0, 0, "writing the PDF failed: %s (libharu 0x%04X)",
            code_text(doc->code), (unsigned)doc->code);
    file_atomic_abort(&fa);
    /* a failed save must not poison a later attempt */
    HPDF_ResetError(doc->pdf);
    doc->code = doc->detail = 0;
    return -1;
  }
  return file_atomic_commit(&fa, err);
}

int pdf_page_add(struct pdf_doc *doc, enum pdf_size size,
                 enum pdf_orient orient, struct err *err) {
  if (pdf_check(doc, "adding a page", err) != 0)
    return -1;
  if (doc->page_stream)
    return err_set(err, NULL, 0, 0, "adding a page inside a form");
  if (doc->cur >= 0)
    pdf_text_end(doc->pages[doc->cur]);
  HPDF_Page page = HPDF_AddPage(doc->pdf);
  if (page) {
    HPDF_Page_SetSize(
        page, size == PDF_A3 ? HPDF_PAGE_SIZE_A3 : HPDF_PAGE_SIZE_A4,
        orient == PDF_LANDSCAPE ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    /* every page names the fonts alike (F1 regular, F2 bold), so that a
     * form recorded on one page can be painted on any (form.c) */
    HPDF_Page_GetLocalFontName(page, doc->font[0]);
    HPDF_Page_GetLocalFontName(page, doc->font[1]);
  }
  if (!page || pdf_check(doc, "adding a page", err) != 0)
    return -1;
  xgrow((void **)&doc->pages, &doc->cap_pages, doc->n_pages + 1,
        sizeof *doc->pages);
  doc->pages[doc->n_pages] = page;
  doc->cur = (int)doc->n_pages++;
  return doc->cur;
}

int pdf_page_select(struct pdf_doc *doc, int index, struct err *err) {
  if (index < 0 || (size_t)index >= doc->n_pages)
    return err_set(err, NULL, 0, 0, "no page %d (the document has %zu)",
                   index + 1, doc->n_pages);
  if (doc->page_stream)
    return err_set(err, NULL, 0, 0, "changing pages inside a form");
  if (doc->cur >= 0)
    pdf_text_end(doc->pages[doc->cur]);
  doc->cur = index;
  return 0;
}

int pdf_page_count(const struct pdf_doc *doc) { return (int)doc->n_pages; }
int pdf_page_current(const struct pdf_doc *doc) { return doc->cur; }

double pdf_page_width(const struct pdf_doc *doc) {
  return doc->cur < 0 ? 0 : HPDF_Page_GetWidth(doc->pages[doc->cur]);
}

double pdf_page_height(const struct pdf_doc *doc) {
  return doc->cur < 0 ? 0 : HPDF_Page_GetHeight(doc->pages[doc->cur]);
}

/* A destination on page 'page' at top-down height 'y'. */
static HPDF_Destination dest(struct pdf_doc *doc, int page, double y,
                             struct err *err) {
  if (page < 0 || (size_t)page >= doc->n_pages) {
    err_set(err, NULL, 0, 0, "no page %d to point at (the document has %zu)",
            page + 1, doc->n_pages);
    return NULL;
  }
  for (size_t i = 0; i < doc->n_dests; i++)
    if (doc->dests[i].page == page && doc->dests[i].y == y)
      return doc->dests[i].d;
  HPDF_Page p = doc->pages[page];
  HPDF_Destination d = HPDF_Page_CreateDestination(p);
  double top = HPDF_Page_GetHeight(p) - y;
  /* zoom 0 is rejected (0x1039): keep the reader's zoom with 1 */
  if (d)
    HPDF_Destination_SetXYZ(d, 0, (HPDF_REAL)top, 1);
  if (!d || pdf_check(doc, "making a link target", err) != 0)
    return NULL;
  xgrow((void **)&doc->dests, &doc->cap_dests, doc->n_dests + 1,
        sizeof *doc->dests);
  doc->dests[doc->n_dests++] = (struct pdf_dest){page, y, d};
  return d;
}

int pdf_outline_add(struct pdf_doc *doc, int parent, const char *utf8, int page,
                    double y, struct err *err) {
  if (parent >= (int)doc->n_outlines)
    return err_set(err, NULL, 0, 0, "no bookmark %d to nest under", parent);
  char *nfc = pdf_text_prepare(doc, utf8, false, err);
  if (!nfc)
    return -1;
  HPDF_Destination d = dest(doc, page, y, err);
  if (!d) {
    free(nfc);
    return -1;
  }
  HPDF_Outline o =
      HPDF_CreateOutline(doc->pdf, parent < 0 ? NULL : doc->outlines[parent],
                         nfc, HPDF_GetEncoder(doc->pdf, "UTF-8"));
  free(nfc);
  if (o) {
    HPDF_Outline_SetDestination(o, d);
    HPDF_Outline_SetOpened(o, HPDF_TRUE);
  }
  if (!o || pdf_check(doc, "adding a bookmark", err) != 0)
    return -1;
  xgrow((void **)&doc->outlines, &doc->cap_outlines, doc->n_outlines + 1,
        sizeof *doc->outlines);
  doc->outlines[doc->n_outlines] = o;
  return (int)doc->n_outlines++;
}

int pdf_link(struct pdf_doc *doc, double x, double y, double w, double h,
             int page, double y_target, struct err *err) {
  HPDF_Page p = pdf_cur_page(doc, err);
  if (!p)
    return -1;
  HPDF_Destination d = dest(doc, page, y_target, err);
  if (!d)
    return -1;
  double ph = HPDF_Page_GetHeight(p);
  HPDF_Rect r = {(HPDF_REAL)x, (HPDF_REAL)(ph - y - h), (HPDF_REAL)(x + w),
                 (HPDF_REAL)(ph - y)};
  HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(p, r, d);
  if (a)
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
  return pdf_check(doc, "adding a link", err);
}
