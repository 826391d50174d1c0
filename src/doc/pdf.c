/* doc/pdf.c - a PDF's text layer into paragraphs with their pages
 * (poppler-glib).
 *
 * Poppler gives each page's text in reading order, one line of text a
 * line, with a box per character. The lines are rebuilt into paragraphs
 * from their boxes:
 *   - running headers and footers are left out: a line in the top or
 *     bottom band of the page (HEAD_BAND of its height); a page's first
 *     line above HEAD_APART of the height with a gap of 1.5 lines under
 *     it, or its last line below FOOT_APART with a gap of 2 lines above
 *     it; a line in the top or bottom REPEAT_BAND of the page whose text,
 *     digits aside, stands at the same height on two pages or more;
 *   - a table is left out of the text: a run of baselines each shared by
 *     three text pieces or more side by side (the cells of a row), with
 *     the lines between and the narrow lines right under them (cells
 *     wrapped onto more lines);
 *   - a line continues the paragraph of the line before unless the gap
 *     between them is larger than PARA_GAP times the usual gap between
 *     lines of the page, the line starts higher up the page (the next
 *     column), or the line before is short (SHORT_LINE of the text's
 *     width short of its right edge: a paragraph's last line) and this one
 *     starts at the left edge or a first-line indent from it (a centred
 *     line, as in the heading block, starts further in).
 * A PDF without a text layer (fewer than SCAN_CHARS characters a page: a
 * scan) is read by OCR (doc/ocr.c), which gives lines with boxes as well;
 * in a typed PDF, a page with an image and almost no text (a signed page,
 * scanned) is read by OCR when it is installed, else left out. One
 * protected by a password is refused.
 * Pages are read one at a time: memory holds the text's lines and one
 * page, besides the document itself. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "doc/doc_int.h"
#include "text/text.h"
#include "util/xalloc.h"

#define PIECE_GAP 6.0 /* points between two pieces of a line */
#define SCAN_CHARS 16 /* a page with fewer characters may be a scan */
#define HEAD_BAND 0.07
#define REPEAT_BAND 0.2 /* running lines repeat in the top or bottom 20% */
#define HEAD_APART 0.12 /* a first line above this, set apart: a header */
#define FOOT_APART 0.80 /* a last line below this, set apart: a footer */
#define PARA_GAP 1.3
#define SHORT_LINE 0.15 /* of the text's width, short of its right edge */
#define INDENT_MAX 40.0 /* points from the left edge: a first-line indent */
#define MAX_PAGES 100000

/* Append the piece of 'n' bytes at 's' from 'x1' to 'x2' to 'l'. */
static void add_piece(struct line *l, const char *s, size_t n, double x1,
                      double x2) {
  xgrow((void **)&l->pieces, &l->cap_pieces, l->n_pieces + 1,
        sizeof *l->pieces);
  struct piece *p = &l->pieces[l->n_pieces++];
  p->text = xstrndup(s, n);
  p->x1 = x1;
  p->x2 = x2;
}

/* Split page 'page' (1-based) into lines with their boxes. */
static void page_lines(PopplerPage *pg, int page, struct lines *out) {
  char *text = poppler_page_get_text(pg);
  if (!text)
    return;
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  if (!poppler_page_get_text_layout(pg, &rects, &n_rects))
    n_rects = 0;
  size_t len = strlen(text), i = 0, cp = 0;
  while (i < len) {
    size_t start = i;
    struct line l = {0};
    l.page = page;
    l.x1 = l.y1 = INFINITY;
    l.x2 = l.y2 = -INFINITY;
    size_t ps = 0, pe = 0; /* the open piece's bytes, if pe > ps */
    double px1 = 0, px2 = 0;
    while (i < len && text[i] != '\n') {
      int c;
      int k = text_utf8_decode(text + i, len - i, &c);
      if (cp < n_rects && c != ' ') {
        const PopplerRectangle *r = &rects[cp];
        l.x1 = fmin(l.x1, r->x1);
        l.y1 = fmin(l.y1, r->y1);
        l.x2 = fmax(l.x2, r->x2);
        l.y2 = fmax(l.y2, r->y2);
        if (pe > ps && r->x1 - px2 > PIECE_GAP) {
          add_piece(&l, text + ps, pe - ps, px1, px2);
          pe = ps;
        }
        if (pe <= ps) {
          ps = i;
          px1 = r->x1;
        }
        pe = i + (size_t)k;
        px2 = r->x2;
      }
      i += (size_t)k;
      cp++;
    }
    if (pe > ps)
      add_piece(&l, text + ps, pe - ps, px1, px2);
    l.text = xstrndup(text + start, i - start);
    if (i < len) { /* the newline has its box too */
      i++;
      cp++;
    }
    if (!isfinite(l.x1)) { /* no box: a line of spaces, or no layout */
      l.x1 = l.y1 = l.x2 = l.y2 = 0;
    }
    xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
    out->v[out->n++] = l;
  }
  g_free(rects);
  g_free(text);
}

/* The text of 'l' with digits dropped, for telling a running header. */
static char *no_digits(const char *s) {
  char *t = xstrdup(s), *w = t;
  for (const char *p = s; *p; p++)
    if (*p < '0' || *p > '9')
      *w++ = *p;
  *w = '\0';
  return t;
}

static double usual_step(const struct lines *L, size_t from, size_t to);

/* The first and last lines of the page 'from'..'to' that stand apart from
 * the text, as the header comment says. */
static void mark_apart(struct lines *L, size_t from, size_t to, double h) {
  if (to - from < 3 || h <= 0)
    return;
  double step = usual_step(L, from, to);
  struct line *first = &L->v[from], *next = &L->v[from + 1];
  if (first->y2 < h * HEAD_APART && next->y1 - first->y2 > 1.5 * step)
    first->margin = true;
  struct line *last = &L->v[to - 1], *prev = &L->v[to - 2];
  if (last->y1 > h * FOOT_APART && last->y1 - prev->y2 > 2 * step)
    last->margin = true;
}

static void mark_margins(struct lines *L, const double *height) {
  for (size_t i = 0; i < L->n; i++) {
    struct line *l = &L->v[i];
    double h = height[l->page - 1];
    if (h > 0 && (l->y2 < h * HEAD_BAND || l->y1 > h * (1 - HEAD_BAND)))
      l->margin = true;
  }
  for (size_t from = 0; from < L->n;) {
    size_t to = from;
    while (to < L->n && L->v[to].page == L->v[from].page)
      to++;
    mark_apart(L, from, to, height[L->v[from].page - 1]);
    from = to;
  }
  /* The same text at the same height on another page. Only the first
   * and the last three lines of each page can be running ones. */
  size_t *cand = xcalloc(L->n + 1, sizeof *cand);
  size_t nc = 0;
  for (size_t i = 0; i < L->n; i++) {
    size_t first = i, last = i;
    while (first > 0 && L->v[first - 1].page == L->v[i].page &&
           i - first < 3)
      first--;
    while (last + 1 < L->n && L->v[last + 1].page == L->v[i].page &&
           last - i < 3)
      last++;
    int head = first == 0 || L->v[first - 1].page != L->v[i].page;
    int tail = last + 1 >= L->n || L->v[last + 1].page != L->v[i].page;
    double h = height[L->v[i].page - 1];
    int edge = h > 0 && (L->v[i].y2 < h * REPEAT_BAND ||
                         L->v[i].y1 > h * (1 - REPEAT_BAND));
    if ((head || tail) && edge)
      cand[nc++] = i;
  }
  char **key = xcalloc(nc + 1, sizeof *key);
  for (size_t k = 0; k < nc; k++)
    key[k] = no_digits(L->v[cand[k]].text);
  for (size_t a = 0; a < nc; a++)
    for (size_t b = a + 1; b < nc; b++) {
      struct line *la = &L->v[cand[a]], *lb = &L->v[cand[b]];
      if (la->page != lb->page && fabs(la->y1 - lb->y1) <= 2 && *key[a] &&
          strcmp(key[a], key[b]) == 0)
        la->margin = lb->margin = true;
    }
  for (size_t k = 0; k < nc; k++)
    free(key[k]);
  free(key);
  free(cand);
}

/* Mark the lines of tables, page by page, as the header comment says. */
static void mark_tables(struct lines *L, size_t from, size_t to,
                        double text_left, double text_right) {
  /* lines whose baseline (y2) at least two other lines share */
  bool *row = xcalloc(to - from + 1, sizeof *row);
  for (size_t i = from; i < to; i++) {
    int same = 0;
    for (size_t j = from; j < to; j++)
      if (j != i && L->v[j].x2 > L->v[j].x1 &&
          fabs(L->v[j].y2 - L->v[i].y2) < 2 &&
          (L->v[j].x1 >= L->v[i].x2 || L->v[j].x2 <= L->v[i].x1))
        same++;
    row[i - from] = same >= 2;
  }
  double width = text_right - text_left;
  /* The band from the first row line to the last, and the narrow lines
   * right under it. */
  double top = INFINITY, bottom = -INFINITY;
  for (size_t i = from; i < to; i++)
    if (row[i - from]) {
      top = fmin(top, L->v[i].y1);
      bottom = fmax(bottom, L->v[i].y2);
    }
  if (isfinite(top)) {
    for (size_t i = from; i < to; i++) {
      struct line *l = &L->v[i];
      if (l->y1 >= top - 1 && l->y2 <= bottom + 1)
        l->table = true;
    }
    /* wrapped cells of the last row: the narrow lines under the band, one
     * after the other, up to the first line that is not narrow */
    double lowest = bottom;
    for (;;) {
      struct line *next = NULL;
      for (size_t i = from; i < to; i++) {
        struct line *l = &L->v[i];
        if (!l->table && l->x2 > l->x1 && l->y2 > lowest + 1 &&
            (!next || l->y2 < next->y2))
          next = l;
      }
      if (!next || next->y2 > lowest + 2 * (next->y2 - next->y1) ||
          !(width > 0 && next->x2 - next->x1 < width * 0.4))
        break;
      next->table = true;
      lowest = next->y2;
    }
  }
  free(row);
}

/* The usual gap from one line's top to the next one's, on a page: the
 * median of the positive steps. */
static double usual_step(const struct lines *L, size_t from, size_t to) {
  double *d = xcalloc(to - from + 1, sizeof *d);
  size_t n = 0;
  for (size_t i = from + 1; i < to; i++) {
    double s = L->v[i].y1 - L->v[i - 1].y1;
    if (s > 0.5)
      d[n++] = s;
  }
  double m = 0;
  if (n) {
    for (size_t i = 1; i < n; i++) /* insertion sort: a page's lines */
      for (size_t j = i; j > 0 && d[j - 1] > d[j]; j--) {
        double t = d[j];
        d[j] = d[j - 1];
        d[j - 1] = t;
      }
    m = d[n / 2];
  }
  free(d);
  return m;
}

/* 1 if 'a' and 'b' stand on one baseline. */
static int same_baseline(const struct line *a, const struct line *b) {
  return fabs(a->y2 - b->y2) < 2;
}

/* The table in lines 'from'..'to' of 'L' (table lines, maybe running
 * ones among them) as a table of 'doc'. A baseline with three pieces or
 * more starts a row; a line on a baseline with fewer (a cell's text
 * wrapped) belongs to the row above. Columns start where the pieces of
 * the rows holding a number start (header cells are often centred); a
 * piece goes to the last column that starts left of its middle. Merged
 * cells are not told apart from empty ones: without the rulings, a header
 * over two columns stays in the first. */
static void build_table(struct document *doc, const struct lines *L,
                        size_t from, size_t to) {
  size_t n = to - from;
  int *row_of = xcalloc(n + 1, sizeof *row_of);
  double *starts = xcalloc(1, sizeof *starts);
  size_t n_starts = 0, cap_starts = 1;
  int rows = 0;
  for (size_t i = from; i < to; i++) {
    const struct line *l = &L->v[i];
    if (l->margin)
      continue;
    size_t pieces = 0;
    int number = 0, first = 1;
    for (size_t j = from; j < to; j++)
      if (!L->v[j].margin && same_baseline(&L->v[j], l)) {
        pieces += L->v[j].n_pieces;
        if (j < i)
          first = 0;
        for (size_t k = 0; k < L->v[j].n_pieces; k++) {
          double v;
          char *c = doc_clean(L->v[j].pieces[k].text,
                              strlen(L->v[j].pieces[k].text));
          number |= doc_cell_number(c, &v);
          free(c);
        }
      }
    if (pieces >= 3 && first)
      rows++;
    row_of[i - from] = rows ? rows - 1 : 0;
    if (pieces >= 3 && number)
      for (size_t k = 0; k < l->n_pieces; k++) {
        xgrow((void **)&starts, &cap_starts, n_starts + 1, sizeof *starts);
        starts[n_starts++] = l->pieces[k].x1;
      }
  }
  /* a line on a row's baseline that came before it in reading order */
  for (size_t i = from; i < to; i++)
    for (size_t j = from; j < i; j++)
      if (same_baseline(&L->v[i], &L->v[j]))
        row_of[j - from] = row_of[i - from] > row_of[j - from]
                               ? row_of[i - from]
                               : row_of[j - from];
  /* column starts: the piece starts sorted, those within PIECE_GAP one */
  for (size_t a = 1; a < n_starts; a++)
    for (size_t b = a; b > 0 && starts[b - 1] > starts[b]; b--) {
      double t = starts[b];
      starts[b] = starts[b - 1];
      starts[b - 1] = t;
    }
  size_t cols = 0;
  for (size_t a = 0; a < n_starts; a++)
    if (!cols || starts[a] - starts[cols - 1] > PIECE_GAP)
      starts[cols++] = starts[a];
  if (!cols || !rows) {
    free(starts);
    free(row_of);
    return;
  }
  struct buf *cell = xcalloc((size_t)rows * cols, sizeof *cell);
  for (size_t i = from; i < to; i++) {
    const struct line *l = &L->v[i];
    if (l->margin)
      continue;
    for (size_t k = 0; k < l->n_pieces; k++) {
      double mid = (l->pieces[k].x1 + l->pieces[k].x2) / 2;
      size_t c = 0;
      while (c + 1 < cols && starts[c + 1] <= mid)
        c++;
      struct buf *b = &cell[(size_t)row_of[i - from] * cols + c];
      if (b->len)
        buf_addc(b, ' ');
      buf_adds(b, l->pieces[k].text);
    }
  }
  struct doc_tcell *v = xcalloc((size_t)rows * cols, sizeof *v);
  for (size_t r = 0; r < (size_t)rows; r++)
    for (size_t c = 0; c < cols; c++) {
      struct doc_tcell *t = &v[r * cols + c];
      t->row = r;
      t->col = c;
      t->rows = t->cols = 1;
      t->text = buf_detach(&cell[r * cols + c]);
    }
  struct err err;
  err_clear(&err);
  doc_table_build(doc, "", "", v, (size_t)rows * cols, 0, NULL,
                  L->v[from].page, &err);
  for (size_t k = 0; k < (size_t)rows * cols; k++)
    free(v[k].text);
  free(v);
  free(cell);
  free(starts);
  free(row_of);
}

/* The lines of 'L' into paragraphs of 'doc'; 'left' and 'right' are the
 * edges of the text on the pages. */
static void write_paras(struct document *doc, struct lines *L, double left,
                        double right) {
  double width = right - left;
  struct buf p = BUF_INIT;
  int page = 0;
  const struct line *prev = NULL;
  double step = 0;
  size_t page_start = 0;
  for (size_t i = 0; i < L->n; i++) {
    const struct line *l = &L->v[i];
    if (l->page != page) {
      page_start = i;
      size_t end = i;
      while (end < L->n && L->v[end].page == l->page)
        end++;
      step = usual_step(L, page_start, end);
    }
    if (l->margin || l->table) {
      if (l->table) { /* a table ends the paragraph before it */
        doc_para_add(doc, buf_str(&p), p.len, page, 0);
        buf_reset(&p);
        prev = NULL;
        size_t end = i;
        while (end < L->n && L->v[end].page == l->page &&
               (L->v[end].table || L->v[end].margin))
          end++;
        build_table(doc, L, i, end);
        i = end - 1;
      }
      continue;
    }
    int blank = !*l->text || l->x2 <= l->x1;
    /* a short line ends its paragraph when the next starts at the left
     * edge (centred lines, as in a heading block, start further in) */
    int after_short = prev && width > 0 &&
                      prev->x2 < right - width * SHORT_LINE &&
                      l->x1 < left + INDENT_MAX;
    int brk = !prev || l->page != prev->page || blank ||
              l->y1 < prev->y1 - 0.5 || after_short ||
              (step > 0 && l->y1 - prev->y1 > step * PARA_GAP);
    if (brk) {
      doc_para_add(doc, buf_str(&p), p.len, page, 0);
      buf_reset(&p);
      page = l->page;
    }
    if (!blank) {
      if (p.len)
        buf_addc(&p, ' ');
      buf_adds(&p, l->text);
      prev = l;
    } else {
      prev = NULL;
    }
  }
  doc_para_add(doc, buf_str(&p), p.len, page, 0);
  buf_free(&p);
}

void doc_lines_build(struct document *doc, struct lines *L,
                     const double *height) {
  double left = INFINITY, right = -INFINITY;
  for (size_t k = 0; k < L->n; k++)
    if (L->v[k].x2 > L->v[k].x1) {
      left = fmin(left, L->v[k].x1);
      right = fmax(right, L->v[k].x2);
    }
  mark_margins(L, height);
  for (size_t from = 0; from < L->n;) {
    size_t to = from;
    while (to < L->n && L->v[to].page == L->v[from].page)
      to++;
    mark_tables(L, from, to, left, right);
    from = to;
  }
  write_paras(doc, L, left, right);
}

void doc_lines_free(struct lines *L) {
  for (size_t i = 0; i < L->n; i++) {
    for (size_t k = 0; k < L->v[i].n_pieces; k++)
      free(L->v[i].pieces[k].text);
    free(L->v[i].pieces);
    free(L->v[i].text);
  }
  free(L->v);
  memset(L, 0, sizeof *L);
}

/* Put the lines OCR found ('O', on the pages 'scanned' marks) in place of
 * the text layer's of those pages in 'L', page by page; 'O' is emptied. */
static void merge_pages(struct lines *L, struct lines *O, const bool *scanned,
                        int n) {
  struct lines M = {0};
  size_t a = 0, b = 0;
  for (int p = 1; p <= n; p++) {
    for (; a < L->n && L->v[a].page == p; a++) {
      struct line *l = &L->v[a];
      if (scanned[p - 1]) {
        for (size_t k = 0; k < l->n_pieces; k++)
          free(l->pieces[k].text);
        free(l->pieces);
        free(l->text);
        continue;
      }
      xgrow((void **)&M.v, &M.cap, M.n + 1, sizeof *M.v);
      M.v[M.n++] = *l;
    }
    for (; b < O->n && O->v[b].page == p; b++) {
      xgrow((void **)&M.v, &M.cap, M.n + 1, sizeof *M.v);
      M.v[M.n++] = O->v[b];
    }
  }
  free(L->v);
  free(O->v);
  memset(O, 0, sizeof *O);
  *L = M;
}

/* Poppler sets up its global parameters when the first document is made,
 * without a lock: documents are made one at a time, so that threads
 * (extract --jobs) may read PDFs at once. */
static pthread_mutex_t open_lock = PTHREAD_MUTEX_INITIALIZER;

int pdf_read(const char *name, const char *data, size_t len,
             struct document *doc, struct err *err) {
  GBytes *bytes = g_bytes_new_static(data, len);
  GError *gerr = NULL;
  pthread_mutex_lock(&open_lock);
  PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, &gerr);
  pthread_mutex_unlock(&open_lock);
  g_bytes_unref(bytes);
  if (!pd) {
    int enc = gerr && gerr->domain == POPPLER_ERROR &&
              gerr->code == POPPLER_ERROR_ENCRYPTED;
    if (enc)
      err_set(err, name, 0, 0,
              "the PDF is protected by a password: save a copy without "
              "one");
    else
      err_set(err, name, 0, 0, "not a readable PDF (%s)",
              gerr && gerr->message ? gerr->message : "damaged");
    if (gerr)
      g_error_free(gerr);
    return -1;
  }
  int n = poppler_document_get_n_pages(pd);
  if (n > MAX_PAGES)
    n = MAX_PAGES;
  struct lines L = {0};
  double *height = xcalloc((size_t)n + 1, sizeof *height);
  bool *scanned = xcalloc((size_t)n + 1, sizeof *scanned);
  size_t chars = 0, n_scanned = 0;
  for (int i = 0; i < n; i++) {
    PopplerPage *pg = poppler_document_get_page(pd, i);
    if (!pg)
      continue;
    double w, h;
    poppler_page_get_size(pg, &w, &h);
    height[i] = h;
    size_t from = L.n, here = 0;
    page_lines(pg, i + 1, &L);
    for (size_t k = from; k < L.n; k++)
      here += strlen(L.v[k].text);
    chars += here;
    /* A page with an image and (almost) no text is a scanned page. */
    if (here < SCAN_CHARS) {
      GList *images = poppler_page_get_image_mapping(pg);
      scanned[i] = images != NULL;
      n_scanned += images != NULL;
      poppler_page_free_image_mapping(images);
    }
    g_object_unref(pg);
  }
  doc->n_pages = n;
  int rc = 0;
  if (chars < SCAN_CHARS * (size_t)(n ? n : 1)) {
    /* No text layer: a scan, read by OCR when it is installed. */
    doc_lines_free(&L);
    rc = ocr_pdf(name, pd, NULL, &L, err);
  } else if (n_scanned) {
    /* Typed pages with scanned ones among them (a signed page): those
     * are read by OCR if it is installed, else left out. */
    struct lines O = {0};
    struct err oerr;
    if (ocr_pdf(name, pd, scanned, &O, &oerr) == 0)
      merge_pages(&L, &O, scanned, n);
    doc_lines_free(&O);
  }
  free(scanned);
  if (rc == 0)
    doc_lines_build(doc, &L, height);
  g_object_unref(pd);
  doc_lines_free(&L);
  free(height);
  return rc;
}
