/* doc/doc.c - the document structure: telling a format by its content,
 * handing the bytes to its reader, and what every reader shares (clean
 * paragraphs, tables built from the cells found, the guessed metadata). */
#include "doc/doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "doc/doc_int.h"
#include "text/text.h"
#include "util/file.h"
#include "util/xalloc.h"

const char *doc_format_name(enum doc_format fmt) {
  switch (fmt) {
  case DOC_TEXT:
    return "text";
  case DOC_DOCX:
    return "docx";
  case DOC_XLSX:
    return "xlsx";
  case DOC_HTML:
    return "html";
  case DOC_PDF:
    return "pdf";
  case DOC_IMAGE:
    return "image";
  }
  return "?";
}

/* 1 if 'needle' ('n' bytes) occurs in the first 'len' bytes of 'hay'. */
static int has_bytes(const char *hay, size_t len, const char *needle,
                     size_t n) {
  if (n == 0 || n > len)
    return n == 0;
  const char *p = hay, *last = hay + (len - n);
  while (p <= last) {
    p = memchr(p, needle[0], (size_t)(last - p) + 1);
    if (!p)
      return 0;
    if (memcmp(p, needle, n) == 0)
      return 1;
    p++;
  }
  return 0;
}

/* 1 if the markup at 's' looks like the start of an HTML page: after white
 * space and a BOM, "<!doctype html", "<html", "<head", "<body", or an XML
 * declaration or comment followed (within the first 4 KiB) by "<html". */
static int looks_html(const char *s, size_t len) {
  size_t i = 0;
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
                     s[i] == '\n'))
    i++;
  if (i >= len || s[i] != '<')
    return 0;
  static const char *const opens[] = {"<!doctype html", "<html", "<head",
                                      "<body"};
  for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
    size_t n = strlen(opens[k]);
    if (len - i >= n && strncasecmp(s + i, opens[k], n) == 0)
      return 1;
  }
  size_t window = len - i < 4096 ? len - i : 4096;
  for (size_t k = i; k + 5 <= i + window; k++)
    if (strncasecmp(s + k, "<html", 5) == 0)
      return 1;
  return 0;
}

/* What an OLE2 compound file (legacy Office) is, by the names of its
 * streams, stored as UTF-16LE in the directory. */
static int refuse_ole(const char *name, const char *data, size_t len,
                      struct err *err) {
  static const char word[] = "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t";
  static const char book[] = "W\0o\0r\0k\0b\0o\0o\0k";
  static const char enc[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e";
  if (has_bytes(data, len, enc, sizeof enc - 1))
    return err_set(err, name, 0, 0,
                   "the document is protected by a password: save it "
                   "without one");
  if (has_bytes(data, len, word, sizeof word - 1))
    return err_set(err, name, 0, 0,
                   "a legacy Word .doc file: save it as .docx");
  if (has_bytes(data, len, book, sizeof book - 1))
    return err_set(err, name, 0, 0,
                   "a legacy Excel .xls file: save it as .xlsx");
  return err_set(err, name, 0, 0,
                 "a legacy Office file: save it as .docx or .xlsx");
}

/* A zip: .docx and .xlsx by their main part; OpenDocument by its
 * 'mimetype' member, which comes first and unpacked. */
static int sniff_zip(const char *name, const char *data, size_t len,
                     enum doc_format *fmt, struct err *err) {
  if (has_bytes(data, len < 200 ? len : 200,
                "application/vnd.oasis.opendocument.text", 39))
    return err_set(err, name, 0, 0,
                   "an OpenDocument text (.odt): save it as .docx");
  if (has_bytes(data, len < 200 ? len : 200,
                "application/vnd.oasis.opendocument.spreadsheet", 46))
    return err_set(err, name, 0, 0,
                   "an OpenDocument spreadsheet (.ods): save it as .xlsx");
  struct zpkg p;
  if (zpkg_open(&p, name, data, len, err) != 0)
    return -1;
  int rc = 0;
  if (zpkg_has(&p, "word/document.xml"))
    *fmt = DOC_DOCX;
  else if (zpkg_has(&p, "xl/workbook.xml"))
    *fmt = DOC_XLSX;
  else
    rc = err_set(err, name, 0, 0,
                 "a zip file that is neither a .docx nor an .xlsx "
                 "(no word/document.xml, no xl/workbook.xml)");
  zpkg_close(&p);
  return rc;
}

/* PNG, JPEG and TIFF by their signatures. */
static int is_image(const char *data, size_t len) {
  const unsigned char *u = (const unsigned char *)data;
  return (len >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0) ||
         (len >= 3 && u[0] == 0xFF && u[1] == 0xD8 && u[2] == 0xFF) ||
         (len >= 4 && (memcmp(data, "II*\0", 4) == 0 ||
                       memcmp(data, "MM\0*", 4) == 0));
}

/* A file its user named *.txt is text, whatever its bytes: an image saved
 * under that name gets the extractor's UTF-8 error, not OCR. */
static int named_txt(const char *name) {
  size_t n = name ? strlen(name) : 0;
  return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

int doc_sniff(const char *name, const char *data, size_t len,
              enum doc_format *fmt, struct err *err) {
  *fmt = DOC_TEXT;
  if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
    return sniff_zip(name, data, len, fmt, err);
  if (len >= 4 && memcmp(data, "PK\x05\x06", 4) == 0)
    return err_set(err, name, 0, 0, "an empty zip file");
  if (len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return refuse_ole(name, data, len, err);
  /* Some writers put bytes before the header; readers accept 1 KiB. */
  if (has_bytes(data, len < 1024 ? len : 1024, "%PDF-", 5)) {
    *fmt = DOC_PDF;
    return 0;
  }
  if (is_image(data, len) && !named_txt(name)) {
    *fmt = DOC_IMAGE;
    return 0;
  }
  if (len >= 5 && memcmp(data, "{\\rtf", 5) == 0)
    return err_set(err, name, 0, 0, "an RTF file: save it as .docx");
  if (looks_html(data, len))
    *fmt = DOC_HTML;
  return 0;
}

/* A text file: one paragraph a line, after the same checks and
 * normalisation as the extractor's. */
static int text_read(const char *name, const char *data, size_t len,
                     struct document *doc, struct err *err) {
  size_t n = 0;
  char *t = text_normalize(data, len, name, &n, err);
  if (!t)
    return -1;
  const char *p = t, *end = t + n;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *eol = nl ? nl : end;
    doc_para_add(doc, p, (size_t)(eol - p), 0, 0);
    p = nl ? nl + 1 : end;
  }
  free(t);
  return 0;
}

int doc_read_mem(const char *name, const char *data, size_t len,
                 struct document *doc, struct err *err) {
  memset(doc, 0, sizeof *doc);
  enum doc_format fmt;
  if (doc_sniff(name, data, len, &fmt, err) != 0)
    return -1;
  doc->format = fmt;
  int rc = 0;
  if (fmt == DOC_DOCX || fmt == DOC_XLSX) {
    struct zpkg p;
    if (zpkg_open(&p, name, data, len, err) != 0)
      return -1;
    rc = fmt == DOC_DOCX ? docx_read(&p, doc, err) : xlsx_read(&p, doc, err);
    zpkg_close(&p);
  } else if (fmt == DOC_HTML) {
    rc = html_read(name, data, len, doc, err);
  } else if (fmt == DOC_PDF) {
    rc = pdf_read(name, data, len, doc, err);
  } else if (fmt == DOC_IMAGE) {
    rc = ocr_image(name, data, len, doc, err);
  } else {
    rc = text_read(name, data, len, doc, err);
  }
  if (rc == 0)
    doc_meta_guess(doc);
  return rc;
}

int doc_read(const char *path, struct document *doc, struct err *err) {
  struct buf b = BUF_INIT;
  memset(doc, 0, sizeof *doc);
  if (file_read(path, &b, err) != 0) {
    buf_free(&b);
    return -1;
  }
  int rc = doc_read_mem(path, buf_str(&b), b.len, doc, err);
  buf_free(&b);
  return rc;
}

void doc_free(struct document *doc) {
  if (!doc)
    return;
  for (size_t i = 0; i < doc->n_paras; i++)
    free(doc->paras[i].text);
  free(doc->paras);
  for (size_t i = 0; i < doc->n_tables; i++) {
    struct doc_table *t = &doc->tables[i];
    for (size_t k = 0; k < t->n_rows * t->n_cols; k++)
      free(t->cells[k].text);
    free(t->cells);
    free(t->name);
  }
  free(doc->tables);
  free(doc->title);
  free(doc->issuer);
  memset(doc, 0, sizeof *doc);
}

void doc_text(const struct document *doc, struct buf *out) {
  for (size_t i = 0; i < doc->n_paras; i++) {
    buf_adds(out, doc->paras[i].text);
    buf_addc(out, '\n');
  }
}

int doc_text_convert(const char *path, struct buf *bytes, struct err *err) {
  enum doc_format fmt;
  if (doc_sniff(path, buf_str(bytes), bytes->len, &fmt, err) != 0)
    return -1;
  if (fmt == DOC_TEXT)
    return 0;
  if (fmt == DOC_XLSX)
    return err_set(err, path, 0, 0,
                   "a spreadsheet has no sentences: load its figures with "
                   "'chitieu import'");
  struct document doc;
  if (doc_read_mem(path, buf_str(bytes), bytes->len, &doc, err) != 0) {
    doc_free(&doc);
    return -1;
  }
  struct buf t = BUF_INIT;
  doc_text(&doc, &t);
  doc_free(&doc);
  buf_free(bytes);
  *bytes = t;
  return 0;
}

const struct doc_cell *doc_table_cell(const struct doc_table *t, size_t row,
                                      size_t col) {
  return &t->cells[row * t->n_cols + col];
}

/* White space as the cleaner sees it: C0 controls, DEL, the Unicode space
 * separators, line and paragraph separators. */
static int is_space_cp(int cp) {
  if (cp < 0x20 || cp == 0x7F || cp == 0x85 || cp == 0x2028 || cp == 0x2029)
    return 1;
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

char *doc_clean(const char *s, size_t len) {
  struct buf b = BUF_INIT;
  buf_reserve(&b, len);
  int space = 0;
  size_t i = 0;
  while (i < len) {
    int cp;
    int n = text_utf8_decode(s + i, len - i, &cp);
    /* Zero-width characters and soft hyphens are invisible in the page
     * and would split words for the extractor. */
    if (cp == 0x200B || cp == 0xFEFF || cp == 0x00AD || cp == 0x200C ||
        cp == 0x200D) {
      i += (size_t)n;
      continue;
    }
    if (is_space_cp(cp)) {
      space = b.len > 0;
      i += (size_t)n;
      continue;
    }
    if (space)
      buf_addc(&b, ' ');
    space = 0;
    if (cp == 0xFFFD && n == 1)
      buf_adds(&b, "\xEF\xBF\xBD");
    else
      buf_add(&b, s + i, (size_t)n);
    i += (size_t)n;
  }
  if (b.s)
    b.s[b.len] = '\0';
  char *out = text_nfc(buf_str(&b));
  buf_free(&b);
  return out;
}

void doc_para_add(struct document *doc, const char *s, size_t len, int page,
                  int heading) {
  char *t = doc_clean(s, len);
  if (!*t) {
    free(t);
    return;
  }
  xgrow((void **)&doc->paras, &doc->cap_paras, doc->n_paras + 1,
        sizeof *doc->paras);
  struct doc_para *p = &doc->paras[doc->n_paras++];
  p->text = t;
  p->page = page;
  p->heading = heading;
}

int doc_cell_number(const char *s, double *out) {
  size_t len = strlen(s);
  int neg = 0;
  if (len && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s++;
    len--;
  } else if (len >= 3 && memcmp(s, "\xE2\x88\x92", 3) == 0) {
    neg = 1;
    s += 3;
    len -= 3;
  }
  double v;
  size_t n = text_number_parse(s, len, &v);
  if (n == 0)
    return 0;
  const char *rest = s + n;
  if (*rest == ' ')
    rest++;
  if (*rest == '%')
    rest++;
  if (*rest)
    return 0;
  *out = neg ? -v : v;
  return 1;
}

/* 1 if no cell of row 'r' is a number, years (whole numbers from 1900 to
 * 2100, as in "Năm 2024" split over two rows) aside. */
static int row_is_header(const struct doc_table *t, size_t r) {
  for (size_t c = 0; c < t->n_cols; c++) {
    const struct doc_cell *x = doc_table_cell(t, r, c);
    if (!x->is_number)
      continue;
    double y = x->number;
    if (!(y >= 1900 && y <= 2100 && y == (double)(long)y))
      return 0;
  }
  return 1;
}

static int table_has_number(const struct doc_table *t) {
  for (size_t k = 0; k < t->n_rows * t->n_cols; k++)
    if (t->cells[k].is_number)
      return 1;
  return 0;
}

/* Header rows and the label column, as doc.h says. */
static void table_guess(struct doc_table *t, size_t marked) {
  size_t h = marked;
  if (!table_has_number(t)) {
    t->header_rows = h ? h : t->n_rows > 1;
    t->label_col = t->n_cols ? 0 : -1;
    return;
  }
  if (!h)
    while (h < t->n_rows && row_is_header(t, h))
      h++;
  /* A header cell merged downwards takes the rows it covers. */
  for (int changed = 1; changed;) {
    changed = 0;
    for (size_t r = 0; r < h && r < t->n_rows; r++)
      for (size_t c = 0; c < t->n_cols; c++) {
        const struct doc_cell *x = doc_table_cell(t, r, c);
        size_t below = r + (size_t)x->rows;
        if ((size_t)x->row0 == r && (size_t)x->col0 == c && below > h) {
          h = below;
          changed = 1;
        }
      }
  }
  if (h >= t->n_rows)
    h = t->n_rows - 1;
  t->header_rows = h;
  t->label_col = -1;
  for (size_t c = 0; c < t->n_cols && t->label_col < 0; c++) {
    size_t filled = 0, text = 0;
    for (size_t r = h; r < t->n_rows; r++) {
      const struct doc_cell *x = doc_table_cell(t, r, c);
      if (!*x->text)
        continue;
      filled++;
      text += !x->is_number;
    }
    if (filled && text * 2 > filled)
      t->label_col = (int)c;
  }
}

/* After overlapping merges (a later one over part of an earlier one), a
 * cell may point to an origin that is no longer one: it becomes its own,
 * and each origin's span shrinks to the cells that still point to it. */
static void merges_settle(struct doc_table *t) {
  for (size_t r = 0; r < t->n_rows; r++)
    for (size_t c = 0; c < t->n_cols; c++) {
      struct doc_cell *x = &t->cells[r * t->n_cols + c];
      const struct doc_cell *o =
          &t->cells[(size_t)x->row0 * t->n_cols + (size_t)x->col0];
      if (o->row0 != x->row0 || o->col0 != x->col0) {
        x->row0 = (int)r;
        x->col0 = (int)c;
        x->rows = x->cols = 1;
      }
    }
  for (size_t r = 0; r < t->n_rows; r++)
    for (size_t c = 0; c < t->n_cols; c++) {
      struct doc_cell *o = &t->cells[r * t->n_cols + c];
      if ((size_t)o->row0 != r || (size_t)o->col0 != c)
        continue;
      int cols = 1, rows = 1;
      while (cols < o->cols &&
             t->cells[r * t->n_cols + c + (size_t)cols].row0 == (int)r &&
             t->cells[r * t->n_cols + c + (size_t)cols].col0 == (int)c)
        cols++;
      for (int ok = 1; ok && rows < o->rows; rows += ok)
        for (int k = 0; k < cols && ok; k++) {
          const struct doc_cell *x =
              &t->cells[(r + (size_t)rows) * t->n_cols + c + (size_t)k];
          ok = x->row0 == (int)r && x->col0 == (int)c;
        }
      o->rows = rows;
      o->cols = cols;
    }
}

struct doc_table *doc_table_build(struct document *doc, const char *file,
                                  const char *where, struct doc_tcell *v,
                                  size_t n, size_t marked_header,
                                  const char *name, int page,
                                  struct err *err) {
  size_t rows = 0, cols = 0;
  for (size_t i = 0; i < n; i++) {
    if (v[i].rows < 1)
      v[i].rows = 1;
    if (v[i].cols < 1)
      v[i].cols = 1;
    if (v[i].row >= DOC_CELLS_MAX || v[i].col >= DOC_CELLS_MAX ||
        v[i].rows > DOC_CELLS_MAX || v[i].cols > DOC_CELLS_MAX) {
      err_set(err, file, 0, 0, "%s: a table larger than %u cells", where,
              DOC_CELLS_MAX);
      return NULL;
    }
    /* A span reaches the grid's edge only through cells that exist. */
    if (v[i].row + 1 > rows)
      rows = v[i].row + 1;
    if (v[i].col + 1 > cols)
      cols = v[i].col + 1;
  }
  if (!rows || !cols)
    return NULL;
  if (rows > DOC_CELLS_MAX / cols) {
    err_set(err, file, 0, 0, "%s: a table larger than %u cells", where,
            DOC_CELLS_MAX);
    return NULL;
  }
  /* Spans are clipped to the grid the cells themselves make, except
   * that a vertical or horizontal merge may close the table. */
  for (size_t i = 0; i < n; i++) {
    if (v[i].row + v[i].rows > rows)
      v[i].rows = rows - v[i].row;
    if (v[i].col + v[i].cols > cols)
      v[i].cols = cols - v[i].col;
  }
  xgrow((void **)&doc->tables, &doc->cap_tables, doc->n_tables + 1,
        sizeof *doc->tables);
  struct doc_table *t = &doc->tables[doc->n_tables++];
  memset(t, 0, sizeof *t);
  t->name = name ? xstrdup(name) : NULL;
  t->page = page;
  t->para_index = doc->n_paras;
  t->n_rows = rows;
  t->n_cols = cols;
  t->cells = xcalloc(rows * cols, sizeof *t->cells);
  for (size_t r = 0; r < rows; r++)
    for (size_t c = 0; c < cols; c++) {
      struct doc_cell *x = &t->cells[r * cols + c];
      x->row0 = (int)r;
      x->col0 = (int)c;
      x->rows = x->cols = 1;
    }
  for (size_t i = 0; i < n; i++) {
    char *text = doc_clean(v[i].text ? v[i].text : "",
                           v[i].text ? strlen(v[i].text) : 0);
    double num = v[i].number;
    bool is_num = v[i].has_number || doc_cell_number(text, &num);
    for (size_t r = v[i].row; r < v[i].row + v[i].rows; r++)
      for (size_t c = v[i].col; c < v[i].col + v[i].cols; c++) {
        struct doc_cell *x = &t->cells[r * cols + c];
        free(x->text);
        x->text = xstrdup(text);
        x->is_number = is_num;
        x->number = is_num ? num : 0;
        x->row0 = (int)v[i].row;
        x->col0 = (int)v[i].col;
        x->rows = x->cols = 1;
      }
    struct doc_cell *o = &t->cells[v[i].row * cols + v[i].col];
    o->rows = (int)v[i].rows;
    o->cols = (int)v[i].cols;
    free(text);
  }
  for (size_t k = 0; k < rows * cols; k++)
    if (!t->cells[k].text)
      t->cells[k].text = xstrdup("");
  merges_settle(t);
  table_guess(t, marked_header);
  return t;
}

/* Read the whole number at '*s' (ASCII digits, at most 9). Returns it, or
 * -1 if there is none; '*s' moves past it. */
static long read_uint(const char **s) {
  long v = 0;
  int n = 0;
  while (**s >= '0' && **s <= '9' && n < 9) {
    v = v * 10 + (**s - '0');
    (*s)++;
    n++;
  }
  return n ? v : -1;
}

static int valid_date(long y, long m, long d) {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int doc_date_parse(struct document *doc, const char *s) {
  char *f = text_fold(s, strlen(s));
  int found = 0;
  /* "Mường Ảng, ngày 15 tháng 10 năm 2024" */
  for (const char *p = strstr(f, "ngay "); p && !found;
       p = strstr(p + 1, "ngay ")) {
    const char *q = p + 5;
    long d = read_uint(&q);
    if (d < 0 || strncmp(q, " thang ", 7) != 0)
      continue;
    q += 7;
    long m = read_uint(&q);
    if (m < 0 || strncmp(q, " nam ", 5) != 0)
      continue;
    q += 5;
    long y = read_uint(&q);
    if (valid_date(y, m, d)) {
      doc->year = (int)y;
      doc->month = (int)m;
      doc->day = (int)d;
      found = 1;
    }
  }
  /* "Thứ Sáu, 05/07/2024 15:40" */
  for (const char *p = f; *p && !found; p++) {
    if (*p < '0' || *p > '9' || (p > f && p[-1] >= '0' && p[-1] <= '9'))
      continue;
    const char *q = p;
    long d = read_uint(&q);
    if (*q != '/')
      continue;
    q++;
    long m = read_uint(&q);
    if (*q != '/')
      continue;
    q++;
    const char *ys = q;
    long y = read_uint(&q);
    if (q - ys == 4 && valid_date(y, m, d)) {
      doc->year = (int)y;
      doc->month = (int)m;
      doc->day = (int)d;
      found = 1;
    }
  }
  free(f);
  return found;
}

/* 1 if 's' has at least two letters and none of them is lower case. */
static int is_upper_line(const char *s) {
  size_t len = strlen(s), i = 0;
  int upper = 0;
  while (i < len) {
    int cp;
    i += (size_t)text_utf8_decode(s + i, len - i, &cp);
    utf8proc_category_t c = utf8proc_category(cp);
    if (c == UTF8PROC_CATEGORY_LL)
      return 0;
    upper += c == UTF8PROC_CATEGORY_LU;
  }
  return upper >= 2;
}

/* The lines of the heading block that are not the issuer nor a title: the
 * national motto, the Party's name, "Số: 245/BC-UBND". */
static int is_motto(const char *s) {
  char *f = text_fold(s, strlen(s));
  static const char *const openers[] = {"cong hoa", "doc lap", "dang cong san",
                                        "so:", "so "};
  int hit = 0;
  for (size_t k = 0; k < sizeof openers / sizeof *openers && !hit; k++)
    hit = strncmp(f, openers[k], strlen(openers[k])) == 0;
  free(f);
  return hit;
}

void doc_meta_guess(struct document *doc) {
  enum { HEAD = 12 };
  size_t head = doc->n_paras < HEAD ? doc->n_paras : HEAD;
  for (size_t i = 0; i < head && !doc->year; i++)
    doc_date_parse(doc, doc->paras[i].text);
  for (size_t i = 0; i < head && i < 6 && !doc->issuer; i++) {
    const char *s = doc->paras[i].text;
    if (is_upper_line(s) && !is_motto(s))
      doc->issuer = xstrdup(s);
  }
  for (size_t i = 0; i < doc->n_paras && !doc->title; i++)
    if (doc->paras[i].heading)
      doc->title = xstrdup(doc->paras[i].text);
  for (size_t i = 0; i < head && !doc->title; i++) {
    const char *s = doc->paras[i].text;
    if (is_upper_line(s) && !is_motto(s) &&
        !(doc->issuer && strcmp(s, doc->issuer) == 0))
      doc->title = xstrdup(s);
  }
}
