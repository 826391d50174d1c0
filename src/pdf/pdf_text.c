/* pdf/pdf_text.c - text on the page: checking and normalising UTF-8,
 * measuring with the font's own widths, word-wrapping paragraphs and
 * table cells, lines, rectangles and tables. libharu's JUSTIFY spreads
 * letters, not words, so we wrap ourselves (PDF_NOTES.md). */
#include "pdf/pdf_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_font.h>
#include <hpdf_fontdef.h>

#include "text/text.h"
#include "util/buf.h"
#include "util/xalloc.h"

static HPDF_Font font_of(struct pdf_doc *doc, bool bold) {
  return doc->font[bold ? 1 : 0];
}

char *pdf_text_prepare(struct pdf_doc *doc, const char *utf8, bool bold,
                       struct err *err) {
  if (!utf8)
    utf8 = "";
  size_t len = strlen(utf8), bad;
  if (text_utf8_check(utf8, len, &bad) != 0) {
    err_set(err, NULL, 0, 0, "text is not valid UTF-8 at byte %zu: \"%.40s\"",
            bad, utf8);
    return NULL;
  }
  char *nfc = text_nfc(utf8);
  HPDF_FontAttr attr = (HPDF_FontAttr)font_of(doc, bold)->attr;
  /* every character must be in the font: libharu would draw a box */
  for (size_t i = 0; nfc[i];) {
    int cp;
    i += (size_t)text_utf8_decode(nfc + i, strlen(nfc + i), &cp);
    if (cp == '\n')
      continue;
    bool ok = cp >= 0x20 && cp <= 0xFFFF &&
              (cp == ' ' ||
               HPDF_TTFontDef_GetGlyphid(attr->fontdef, (HPDF_UINT16)cp) != 0);
    if (!ok) {
      err_set(err, NULL, 0, 0, "character U+%04X is not in the font: \"%.40s\"",
              (unsigned)cp, utf8);
      free(nfc);
      return NULL;
    }
  }
  return nfc;
}

/* The width of 'len' bytes of NFC text 's' in points. */
static double width_n(struct pdf_doc *doc, const char *s, size_t len,
                      double size, bool bold) {
  if (len == 0)
    return 0;
  HPDF_TextWidth tw = HPDF_Font_TextWidth(font_of(doc, bold),
                                          (const HPDF_BYTE *)s, (HPDF_UINT)len);
  return tw.width * size / 1000.0;
}

double pdf_text_width(struct pdf_doc *doc, const char *utf8, double size,
                      bool bold) {
  if (!utf8)
    return 0;
  size_t bad;
  if (text_utf8_check(utf8, strlen(utf8), &bad) != 0)
    return 0;
  char *nfc = text_nfc(utf8);
  double w = width_n(doc, nfc, strlen(nfc), size, bold);
  free(nfc);
  return w;
}

/* Translucency through a cached ExtGState per alpha. */
static void set_alpha(struct pdf_doc *doc, HPDF_Page page, double a) {
  /* the ExtGState is named in the page's resources, not a form's */
  doc->rec_alpha = true;
  for (int i = 0; i < doc->n_alphas; i++)
    if (fabs(doc->alphas[i].alpha - a) < 1e-3) {
      HPDF_Page_SetExtGState(page, doc->alphas[i].gs);
      return;
    }
  HPDF_ExtGState gs = HPDF_CreateExtGState(doc->pdf);
  HPDF_ExtGState_SetAlphaFill(gs, (HPDF_REAL)a);
  HPDF_ExtGState_SetAlphaStroke(gs, (HPDF_REAL)a);
  if (doc->n_alphas < 16)
    doc->alphas[doc->n_alphas++] = (struct pdf_alpha){a, gs};
  HPDF_Page_SetExtGState(page, gs);
}

void pdf_text_begin(HPDF_Page page) {
  if (HPDF_Page_GetGMode(page) != HPDF_GMODE_TEXT_OBJECT)
    HPDF_Page_BeginText(page);
}

void pdf_text_end(HPDF_Page page) {
  if (HPDF_Page_GetGMode(page) == HPDF_GMODE_TEXT_OBJECT)
    HPDF_Page_EndText(page);
}

static bool same_rgb(HPDF_RGBColor have, struct rgba c) {
  return have.r == (HPDF_REAL)c.r && have.g == (HPDF_REAL)c.g &&
         have.b == (HPDF_REAL)c.b;
}

void pdf_set_fill(struct pdf_doc *doc, HPDF_Page page, struct rgba c) {
  if (HPDF_Page_GetFillingColorSpace(page) != HPDF_CS_DEVICE_RGB ||
      !same_rgb(HPDF_Page_GetRGBFill(page), c))
    HPDF_Page_SetRGBFill(page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
  if (c.a < 1)
    set_alpha(doc, page, c.a);
}

void pdf_set_stroke(struct pdf_doc *doc, HPDF_Page page, struct rgba c) {
  if (HPDF_Page_GetStrokingColorSpace(page) != HPDF_CS_DEVICE_RGB ||
      !same_rgb(HPDF_Page_GetRGBStroke(page), c))
    HPDF_Page_SetRGBStroke(page, (HPDF_REAL)c.r, (HPDF_REAL)c.g,
                           (HPDF_REAL)c.b);
  if (c.a < 1)
    set_alpha(doc, page, c.a);
}

void pdf_set_line_width(HPDF_Page page, double width) {
  if (HPDF_Page_GetLineWidth(page) != (HPDF_REAL)width)
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)width);
}

void pdf_set_dash(HPDF_Page page, const double *dash, int n) {
  HPDF_UINT16 pat[8];
  if (n > 8)
    n = 8;
  for (int i = 0; i < n; i++)
    pat[i] = (HPDF_UINT16)fmax(1, round(dash[i]));
  HPDF_DashMode have = HPDF_Page_GetDash(page);
  bool same = have.num_ptn == (HPDF_UINT)n && have.phase == 0;
  for (int i = 0; same && i < n; i++)
    same = have.ptn[i] == pat[i];
  if (!same)
    HPDF_Page_SetDash(page, n > 0 ? pat : NULL, (HPDF_UINT)n, 0);
}

/* Draw checked NFC text 's' ('len' bytes) at baseline 'y'. */
static void text_out(struct pdf_doc *doc, HPDF_Page page, double x, double y,
                     const char *s, size_t len, const struct pdf_style *st) {
  if (len == 0)
    return;
  double w =
      st->align == CANVAS_LEFT ? 0 : width_n(doc, s, len, st->size, st->bold);
  if (st->align == CANVAS_CENTER)
    x -= w / 2;
  else if (st->align == CANVAS_RIGHT)
    x -= w;
  char *line = xstrndup(s, len);
  bool alpha = st->color.a < 1;
  if (alpha) {
    pdf_text_end(page);
    HPDF_Page_GSave(page);
  }
  pdf_set_fill(doc, page, st->color);
  pdf_text_begin(page);
  HPDF_Font font = font_of(doc, st->bold);
  if (HPDF_Page_GetCurrentFont(page) != font ||
      HPDF_Page_GetCurrentFontSize(page) != (HPDF_REAL)st->size)
    HPDF_Page_SetFontAndSize(page, font, (HPDF_REAL)st->size);
  HPDF_Page_TextOut(page, pdf_x(doc, x), pdf_y(doc, page, y), line);
  if (alpha) {
    pdf_text_end(page);
    HPDF_Page_GRestore(page);
  }
  free(line);
}

int pdf_text(struct pdf_doc *doc, double x, double y, const char *utf8,
             const struct pdf_style *st, struct err *err) {
  HPDF_Page page = pdf_cur_page(doc, err);
  if (!page)
    return -1;
  char *nfc = pdf_text_prepare(doc, utf8, st->bold, err);
  if (!nfc)
    return -1;
  /* a newline has no glyph: draw only the first line */
  text_out(doc, page, x, y, nfc, strcspn(nfc, "\n"), st);
  free(nfc);
  return pdf_check(doc, "drawing text", err);
}

/* Lines of wrapped text: offsets into the NFC string. */
struct lines {
  size_t *start, *len;
  size_t n, cap_s, cap_l;
};

static void lines_add(struct lines *l, size_t start, size_t len) {
  xgrow((void **)&l->start, &l->cap_s, l->n + 1, sizeof *l->start);
  xgrow((void **)&l->len, &l->cap_l, l->n + 1, sizeof *l->len);
  l->start[l->n] = start;
  l->len[l->n++] = len;
}

static void lines_free(struct lines *l) {
  free(l->start);
  free(l->len);
}

static size_t char_len(const char *s) {
  size_t k = 1;
  while (s[k] && ((unsigned char)s[k] & 0xC0) == 0x80)
    k++;
  return k;
}

/* Greedy word wrap of 's' into 'w' points; a word wider than the box is
 * broken between characters. */
static void wrap(struct pdf_doc *doc, const char *s, double size, bool bold,
                 double w, struct lines *out) {
  size_t i = 0, n = strlen(s);
  while (i <= n) {
    size_t para_end = i + strcspn(s + i, "\n");
    size_t ls = i; /* line start */
    while (ls < para_end && s[ls] == ' ')
      ls++;
    if (ls >= para_end)
      lines_add(out, ls, 0);
    while (ls < para_end) {
      size_t fit = 0, j = ls;
      /* extend word by word */
      while (j < para_end) {
        size_t we = j;
        while (we < para_end && s[we] == ' ')
          we++;
        while (we < para_end && s[we] != ' ')
          we++;
        if (width_n(doc, s + ls, we - ls, size, bold) > w)
          break;
        fit = we - ls;
        j = we;
      }
      if (fit == 0) {
        /* the first word alone is too wide: break it by characters */
        size_t k = ls;
        while (k < para_end && s[k] != ' ') {
          size_t c = char_len(s + k);
          if (k > ls && width_n(doc, s + ls, k + c - ls, size, bold) > w)
            break;
          k += c;
        }
        fit = k - ls;
      }
      lines_add(out, ls, fit);
      ls += fit;
      while (ls < para_end && s[ls] == ' ')
        ls++;
    }
    i = para_end + 1;
  }
}

int pdf_paragraph(struct pdf_doc *doc, double x, double y, double w,
                  const char *utf8, const struct pdf_style *st, bool draw,
                  double *height, struct err *err) {
  HPDF_Page page = NULL;
  if (draw) {
    page = pdf_cur_page(doc, err);
    if (!page)
      return -1;
  }
  char *nfc = pdf_text_prepare(doc, utf8, st->bold, err);
  if (!nfc)
    return -1;
  struct lines l = {0};
  wrap(doc, nfc, st->size, st->bold, w, &l);
  double lh = st->size * (st->leading > 0 ? st->leading : 1.3);
  double ax = st->align == CANVAS_CENTER  ? x + w / 2
              : st->align == CANVAS_RIGHT ? x + w
                                          : x;
  if (draw)
    for (size_t i = 0; i < l.n; i++)
      text_out(doc, page, ax, y + st->size + i * lh, nfc + l.start[i], l.len[i],
               st);
  if (height)
    *height = (double)l.n * lh;
  lines_free(&l);
  free(nfc);
  return pdf_check(doc, "drawing a paragraph", err);
}

int pdf_line(struct pdf_doc *doc, double x0, double y0, double x1, double y1,
             double width, struct rgba color, struct err *err) {
  HPDF_Page page = pdf_cur_page(doc, err);
  if (!page)
    return -1;
  bool alpha = color.a < 1;
  pdf_text_end(page);
  if (alpha)
    HPDF_Page_GSave(page);
  pdf_set_stroke(doc, page, color);
  pdf_set_line_width(page, width);
  pdf_set_dash(page, NULL, 0);
  HPDF_Page_MoveTo(page, pdf_x(doc, x0), pdf_y(doc, page, y0));
  HPDF_Page_LineTo(page, pdf_x(doc, x1), pdf_y(doc, page, y1));
  HPDF_Page_Stroke(page);
  if (alpha)
    HPDF_Page_GRestore(page);
  return pdf_check(doc, "drawing a line", err);
}

int pdf_rect(struct pdf_doc *doc, double x, double y, double w, double h,
             const struct rgba *fill, const struct rgba *stroke, double width,
             struct err *err) {
  HPDF_Page page = pdf_cur_page(doc, err);
  if (!page)
    return -1;
  if (!fill && !stroke)
    return 0;
  bool alpha = (fill && fill->a < 1) || (stroke && stroke->a < 1);
  pdf_text_end(page);
  if (alpha)
    HPDF_Page_GSave(page);
  if (fill)
    pdf_set_fill(doc, page, *fill);
  if (stroke) {
    pdf_set_stroke(doc, page, *stroke);
    pdf_set_line_width(page, width);
    pdf_set_dash(page, NULL, 0);
  }
  pdf_rectangle(doc, page, x, y, x + w, y + h);
  if (fill && stroke)
    HPDF_Page_FillStroke(page);
  else if (fill)
    HPDF_Page_Fill(page);
  else
    HPDF_Page_Stroke(page);
  if (alpha)
    HPDF_Page_GRestore(page);
  return pdf_check(doc, "drawing a rectangle", err);
}

/* Table cells, checked and wrapped once. */
#define CELL_LINES 4

struct cell {
  char *nfc;
  struct lines l;
  bool bold;
};

static int cell_prepare(struct pdf_doc *doc, const char *s, bool bold,
                        double size, double w, struct cell *c,
                        struct err *err) {
  memset(c, 0, sizeof *c);
  c->bold = bold;
  c->nfc = pdf_text_prepare(doc, s ? s : "", bold, err);
  if (!c->nfc)
    return -1;
  wrap(doc, c->nfc, size, bold, w, &c->l);
  if (c->l.n > CELL_LINES)
    c->l.n = CELL_LINES; /* the rest is cut: a cell is not a document */
  return 0;
}

static void cell_free(struct cell *c) {
  free(c->nfc);
  lines_free(&c->l);
}

/* Check and wrap the cells of one row (row -1: the header); returns the
 * row height or -1 with 'err'. */
static double row_prepare(struct pdf_doc *doc, const struct pdf_table *t,
                          int row, double size, double pad, struct cell *cells,
                          struct err *err) {
  double lines = 1;
  for (int j = 0; j < t->n_cols; j++) {
    size_t k = (size_t)row * (size_t)t->n_cols + (size_t)j;
    const char *s = row < 0 ? t->cols[j].title : t->cells[k];
    bool bold = row < 0 || (t->bold && t->bold[k]);
    if (cell_prepare(doc, s, bold, size, t->cols[j].width - 2 * pad, &cells[j],
                     err) != 0) {
      for (int i = 0; i < j; i++)
        cell_free(&cells[i]);
      return -1;
    }
    lines = fmax(lines, (double)cells[j].l.n);
  }
  return lines * size * 1.25 + 2 * pad;
}

/* Draw the columns [c0, c1) of a prepared row at 'y'. */
static void row_draw(struct pdf_doc *doc, HPDF_Page page,
                     const struct pdf_table *t, int row, double x, double y,
                     double size, double pad, struct cell *cells, int c0,
                     int c1) {
  double cx = x;
  for (int j = 0; j < c1; j++) {
    const struct pdf_col *col = &t->cols[j];
    if (j < c0) {
      cx += col->width;
      continue;
    }
    size_t k = (size_t)row * (size_t)t->n_cols + (size_t)j;
    struct pdf_style st = {size, cells[j].bold, {0, 0, 0, 1}, col->align, 1.25};
    if (row >= 0 && t->colors)
      st.color = t->colors[k];
    double ax = col->align == CANVAS_CENTER  ? cx + col->width / 2
                : col->align == CANVAS_RIGHT ? cx + col->width - pad
                                             : cx + pad;
    for (size_t i = 0; i < cells[j].l.n; i++)
      text_out(doc, page, ax, y + pad + size * 0.95 + (double)i * size * 1.25,
               cells[j].nfc + cells[j].l.start[i], cells[j].l.len[i], &st);
    cx += col->width;
  }
}

double pdf_table_height(struct pdf_doc *doc, const struct pdf_table *t,
                        struct err *err) {
  double size = t->size > 0 ? t->size : 9;
  double pad = size * 0.4, height = 0;
  struct cell *cells = xcalloc((size_t)t->n_cols + 1, sizeof *cells);
  for (int r = -1; r < t->n_rows; r++) {
    double h = row_prepare(doc, t, r, size, pad, cells, err);
    if (h < 0) {
      height = -1;
      break;
    }
    height += h;
    for (int j = 0; j < t->n_cols; j++)
      cell_free(&cells[j]);
  }
  free(cells);
  return height;
}

int pdf_table_draw(struct pdf_doc *doc, const struct pdf_table *t, int first,
                   double x, double y, double bottom, double *y_end,
                   struct err *err) {
  HPDF_Page page = pdf_cur_page(doc, err);
  if (!page)
    return -1;
  double size = t->size > 0 ? t->size : 9;
  double pad = size * 0.4, width = 0;
  size_t nc = (size_t)t->n_cols;
  int fixed = t->fixed_cols < t->n_cols ? t->fixed_cols : t->n_cols;
  for (size_t j = 0; j < nc; j++)
    width += t->cols[j].width;
  struct cell *head = xcalloc(nc + 1, sizeof *head);
  struct cell *rows = NULL; /* the rows that fit, prepared */
  double *rh = NULL;
  size_t cap_rows = 0, cap_rh = 0;
  int n = 0, drawn = -1;
  double hh = row_prepare(doc, t, -1, size, pad, head, err);
  if (hh < 0)
    goto out;
  /* nothing at all unless the header and one row fit; a table without
   * rows is its header alone */
  double yy = y + hh;
  for (int r = first; r < t->n_rows; r++) {
    xgrow((void **)&rows, &cap_rows, ((size_t)n + 1) * nc, sizeof *rows);
    xgrow((void **)&rh, &cap_rh, (size_t)n + 1, sizeof *rh);
    struct cell *row = rows + (size_t)n * nc;
    double h = row_prepare(doc, t, r, size, pad, row, err);
    if (h < 0)
      goto out;
    if (yy + h > bottom) {
      for (size_t j = 0; j < nc; j++)
        cell_free(&row[j]);
      break;
    }
    rh[n++] = h;
    yy += h;
  }
  drawn = n;
  bool empty = first >= t->n_rows && y + hh <= bottom;
  if (n > 0 || empty) {
    /* the furniture, the same on every page of a table and on the pages
     * of tables alike: header, stripes, rules, the leading columns */
    struct rgba dark = {0.2, 0.2, 0.2, 1};
    if (pdf_form_begin(doc, x, y, err)) {
      drawn = -1;
      goto out;
    }
    struct rgba grey = {0.90, 0.90, 0.90, 1};
    pdf_rect(doc, x, y, width, hh, &grey, NULL, 0, err);
    row_draw(doc, page, t, -1, x, y, size, pad, head, 0, t->n_cols);
    double ry = y + hh;
    for (int i = 0; i < n; i++) {
      if (t->zebra && i % 2 == 1) {
        struct rgba z = {0.96, 0.96, 0.96, 1};
        pdf_rect(doc, x, ry, width, rh[i], &z, NULL, 0, err);
      }
      row_draw(doc, page, t, first + i, x, ry, size, pad,
               rows + (size_t)i * nc, 0, fixed);
      if (t->rules)
        pdf_line(doc, x, ry + rh[i], x + width, ry + rh[i], 0.3,
                 (struct rgba){0.75, 0.75, 0.75, 1}, err);
      ry += rh[i];
    }
    if (n > 0)
      pdf_line(doc, x, y + hh, x + width, y + hh, 0.8, dark, err);
    pdf_line(doc, x, yy, x + width, yy, 0.8, dark, err);
    if (pdf_form_end(doc, err)) {
      drawn = -1;
      goto out;
    }
    ry = y + hh;
    for (int i = 0; i < n; i++) {
      row_draw(doc, page, t, first + i, x, ry, size, pad,
               rows + (size_t)i * nc, fixed, t->n_cols);
      ry += rh[i];
    }
  }
  if (y_end)
    *y_end = n > 0 || empty ? yy : y;
out:
  for (size_t i = 0; i < (size_t)n * nc; i++)
    cell_free(&rows[i]);
  for (size_t j = 0; j < nc; j++)
    cell_free(&head[j]);
  free(rows);
  free(rh);
  free(head);
  if (drawn >= 0 && pdf_check(doc, "drawing a table", err) != 0)
    return -1;
  return drawn;
}
