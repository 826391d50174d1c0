/* doc/docx.c - a Word .docx into paragraphs and tables.
 *
 * word/document.xml's body is read in order: a <w:p> is a paragraph (its
 * runs' <w:t> text, tabs and line breaks as spaces; deleted revisions and
 * the fallbacks of alternate content left out), its heading level from
 * its style (word/styles.xml: "heading N", "Title", or an outline level).
 * Headers, footers, footnotes and comments live in other parts and are not
 * read, so they never reach the sentences.
 *
 * A <w:tbl> is one of two things. A table with a number in a cell is a
 * table of figures: its grid is built with <w:gridSpan> (a cell over
 * several columns), <w:vMerge> (a cell over several rows) and
 * <w:gridBefore>, the rows marked <w:tblHeader/> are its header, and its
 * text stays out of the paragraphs. A table without any number lays out
 * text, such as the heading block of an official report (issuer and
 * "Số: ..." on the left, the national motto and "Mường Ảng, ngày 15 tháng
 * 10 năm 2024" on the right): its cells' paragraphs are paragraphs, row by
 * row and cell by cell, since they carry the document's place and date.
 *
 * Pages: Word's own page marks (<w:lastRenderedPageBreak/>) when the file
 * has them, else the hard page breaks (<w:br w:type="page"/>,
 * <w:pageBreakBefore/>). The page of a paragraph or table is the page it
 * starts on. */
#include <stdlib.h>
#include <string.h>

#include "doc/doc_int.h"
#include "text/text.h"
#include "util/xalloc.h"

#define MAX_COLS 1000 /* gridSpan and gridBefore above this are ignored */
#define MAX_DEPTH 64  /* nested tables, content controls */

struct style {
  char *id;
  int level;
};

struct docx {
  struct document *doc;
  const char *file;
  struct err *err;
  int page;
  int rendered_breaks; /* the file has <w:lastRenderedPageBreak/> */
  struct style *styles;
  size_t n_styles, cap_styles;
};

/* The heading level a style's name or outline level gives, 0 if none. */
static int style_level(const xmlNode *style) {
  char *name = doc_xml_attr(doc_xml_child(style, "name"), "val");
  int level = 0;
  if (name) {
    char *f = text_fold(name, strlen(name));
    if (strncmp(f, "heading ", 8) == 0 && f[8] >= '1' && f[8] <= '9' &&
        !f[9])
      level = f[8] - '0';
    else if (strcmp(f, "title") == 0)
      level = 1;
    free(f);
    free(name);
  }
  if (!level) {
    long o = doc_xml_attr_long(
        doc_xml_child(doc_xml_child(style, "pPr"), "outlineLvl"), "val", -1,
        8);
    if (o >= 0)
      level = (int)o + 1;
  }
  return level;
}

/* The paragraph styles of word/styles.xml that are headings. */
static int read_styles(struct docx *x, struct zpkg *p) {
  struct buf b = BUF_INIT;
  int rc = zpkg_read(p, "word/styles.xml", &b, true, x->err);
  if (rc != 0) {
    buf_free(&b);
    return rc < 0 ? -1 : 0;
  }
  xmlDocPtr d = doc_xml_parse(x->file, "word/styles.xml", b.s, b.len, x->err);
  buf_free(&b);
  if (!d)
    return -1;
  for (xmlNode *s = xmlDocGetRootElement(d)->children; s; s = s->next) {
    if (!doc_xml_is(s, "style"))
      continue;
    int level = style_level(s);
    char *id = doc_xml_attr(s, "styleId");
    if (!level || !id) {
      free(id);
      continue;
    }
    xgrow((void **)&x->styles, &x->cap_styles, x->n_styles + 1,
          sizeof *x->styles);
    x->styles[x->n_styles].id = id;
    x->styles[x->n_styles++].level = level;
  }
  xmlFreeDoc(d);
  return 0;
}

/* The heading level of paragraph 'p' (its style, else its own outline
 * level), 0 for body text. */
static int para_level(const struct docx *x, const xmlNode *p) {
  const xmlNode *ppr = doc_xml_child(p, "pPr");
  char *id = doc_xml_attr(doc_xml_child(ppr, "pStyle"), "val");
  int level = 0;
  if (id) {
    for (size_t i = 0; i < x->n_styles && !level; i++)
      if (strcmp(x->styles[i].id, id) == 0)
        level = x->styles[i].level;
    /* Files written without styles.xml still name the built-in ones. */
    if (!level && strncmp(id, "Heading", 7) == 0 && id[7] >= '1' &&
        id[7] <= '9' && !id[8])
      level = id[7] - '0';
    free(id);
  }
  if (!level) {
    long o = doc_xml_attr_long(doc_xml_child(ppr, "outlineLvl"), "val", -1,
                               8);
    if (o >= 0)
      level = (int)o + 1;
  }
  return level;
}

/* 1 if the on/off property 'n' is on (present, and not val="0|false"). */
static int is_on(const xmlNode *n) {
  if (!n)
    return 0;
  char *v = doc_xml_attr(n, "val");
  int on = !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 ||
                   strcmp(v, "off") == 0);
  free(v);
  return on;
}

/* Append the text of the runs under 'n' to 'out', counting page breaks. */
static void runs_text(struct docx *x, const xmlNode *n, struct buf *out,
                      int depth) {
  if (depth > MAX_DEPTH)
    return;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (doc_xml_is(c, "t")) {
      xmlChar *t = xmlNodeGetContent(c);
      if (t)
        buf_adds(out, (const char *)t);
      xmlFree(t);
    } else if (doc_xml_is(c, "tab") || doc_xml_is(c, "cr")) {
      buf_addc(out, ' ');
    } else if (doc_xml_is(c, "br")) {
      char *type = doc_xml_attr(c, "type");
      if (type && strcmp(type, "page") == 0 && !x->rendered_breaks)
        x->page++;
      free(type);
      buf_addc(out, ' ');
    } else if (doc_xml_is(c, "lastRenderedPageBreak")) {
      x->page += x->rendered_breaks;
    } else if (doc_xml_is(c, "noBreakHyphen")) {
      buf_addc(out, '-');
    } else if (doc_xml_is(c, "Fallback") || doc_xml_is(c, "del") ||
               doc_xml_is(c, "moveFrom") || doc_xml_is(c, "pPr") ||
               doc_xml_is(c, "rPr") || doc_xml_is(c, "instrText")) {
      continue;
    } else if (doc_xml_is(c, "p")) {
      /* a text box's paragraph inside a run */
      buf_addc(out, ' ');
      runs_text(x, c, out, depth + 1);
      buf_addc(out, ' ');
    } else {
      runs_text(x, c, out, depth + 1);
    }
  }
}

/* Paragraph 'p' as a paragraph of the document. */
static void add_para(struct docx *x, const xmlNode *p) {
  if (!x->rendered_breaks &&
      is_on(doc_xml_child(doc_xml_child(p, "pPr"), "pageBreakBefore")))
    x->page++;
  int page = x->page;
  struct buf b = BUF_INIT;
  runs_text(x, p, &b, 0);
  doc_para_add(x->doc, buf_str(&b), b.len, page, para_level(x, p));
  buf_free(&b);
}

/* The text of every paragraph under 'n' (a cell), each followed by a
 * space, nested tables included. */
static void cell_text(struct docx *x, const xmlNode *n, struct buf *out,
                      int depth) {
  if (depth > MAX_DEPTH)
    return;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (doc_xml_is(c, "p")) {
      runs_text(x, c, out, depth + 1);
      buf_addc(out, ' ');
    } else if (c->type == XML_ELEMENT_NODE && !doc_xml_is(c, "tcPr")) {
      cell_text(x, c, out, depth + 1);
    }
  }
}

/* A table's rows and cells: rows may sit in content controls (<w:sdt>
 * <w:sdtContent>), as may cells; these are looked through. */
static void collect_kids(const xmlNode *n, const char *local,
                         const xmlNode ***v, size_t *cnt, size_t *cap,
                         int depth) {
  if (depth > MAX_DEPTH)
    return;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (doc_xml_is(c, local)) {
      xgrow((void **)v, cap, *cnt + 1, sizeof **v);
      (*v)[(*cnt)++] = c;
    } else if (doc_xml_is(c, "sdt") || doc_xml_is(c, "sdtContent") ||
               doc_xml_is(c, "customXml")) {
      collect_kids(c, local, v, cnt, cap, depth + 1);
    }
  }
}

struct grid {
  struct doc_tcell *v;
  size_t n, cap;
  size_t header;  /* leading rows marked tblHeader */
  bool has_number;
};

/* Cells of row 'tr' (row number 'r') into 'g'. 'open' holds, per grid
 * column, the index in g->v of the cell a vertical merge is open in, or
 * (size_t)-1. */
static void read_row(struct docx *x, const xmlNode *tr, size_t r,
                     struct grid *g, size_t *open) {
  const xmlNode *trpr = doc_xml_child(tr, "trPr");
  size_t c = (size_t)doc_xml_attr_long(doc_xml_child(trpr, "gridBefore"),
                                       "val", 0, MAX_COLS);
  if (is_on(doc_xml_child(trpr, "tblHeader")) && g->header == r)
    g->header = r + 1;
  const xmlNode **tcs = NULL;
  size_t n_tc = 0, cap_tc = 0;
  collect_kids(tr, "tc", &tcs, &n_tc, &cap_tc, 0);
  for (size_t i = 0; i < n_tc && c < MAX_COLS; i++) {
    const xmlNode *tcpr = doc_xml_child(tcs[i], "tcPr");
    size_t span = (size_t)doc_xml_attr_long(doc_xml_child(tcpr, "gridSpan"),
                                            "val", 1, MAX_COLS);
    if (span < 1)
      span = 1;
    if (c + span > MAX_COLS)
      span = MAX_COLS - c;
    const xmlNode *vm = doc_xml_child(tcpr, "vMerge");
    char *vval = vm ? doc_xml_attr(vm, "val") : NULL;
    bool cont = vm && (!vval || strcmp(vval, "continue") == 0);
    free(vval);
    if (cont && open[c] != (size_t)-1 && g->v[open[c]].col == c) {
      /* the cell above grows down over this one */
      struct doc_tcell *o = &g->v[open[c]];
      o->rows = r - o->row + 1;
      c += span;
      continue;
    }
    struct buf b = BUF_INIT;
    cell_text(x, tcs[i], &b, 0);
    xgrow((void **)&g->v, &g->cap, g->n + 1, sizeof *g->v);
    struct doc_tcell *t = &g->v[g->n];
    memset(t, 0, sizeof *t);
    t->row = r;
    t->col = c;
    t->rows = 1;
    t->cols = span;
    t->text = doc_clean(buf_str(&b), b.len);
    buf_free(&b);
    double num;
    if (doc_cell_number(t->text, &num))
      g->has_number = true;
    for (size_t k = c; k < c + span; k++)
      open[k] = vm ? g->n : (size_t)-1;
    g->n++;
    c += span;
  }
  free(tcs);
}

static void read_body(struct docx *x, const xmlNode *body, int depth);

/* Table 'tbl': a table of figures, or text laid out in cells. */
static int read_table(struct docx *x, const xmlNode *tbl, int depth) {
  int page = x->page;
  const xmlNode **trs = NULL;
  size_t n_tr = 0, cap_tr = 0;
  collect_kids(tbl, "tr", &trs, &n_tr, &cap_tr, 0);
  struct grid g = {0};
  size_t *open = xmalloc(MAX_COLS * sizeof *open);
  for (size_t k = 0; k < MAX_COLS; k++)
    open[k] = (size_t)-1;
  for (size_t r = 0; r < n_tr; r++)
    read_row(x, trs[r], r, &g, open);
  free(open);
  int rc = 0;
  if (g.has_number) {
    if (!doc_table_build(x->doc, x->file, "word/document.xml", g.v, g.n,
                         g.header, NULL, page, x->err) &&
        x->err->msg[0])
      rc = -1;
  } else {
    /* Layout: the cells' paragraphs in reading order. The page count was
     * advanced by the pass above; it is counted again here. */
    x->page = page;
    for (size_t r = 0; r < n_tr; r++) {
      const xmlNode **tcs = NULL;
      size_t n_tc = 0, cap_tc = 0;
      collect_kids(trs[r], "tc", &tcs, &n_tc, &cap_tc, 0);
      for (size_t i = 0; i < n_tc; i++)
        read_body(x, tcs[i], depth + 1);
      free(tcs);
    }
  }
  for (size_t i = 0; i < g.n; i++)
    free(g.v[i].text);
  free(g.v);
  free(trs);
  return rc;
}

/* The paragraphs and tables under 'body' (the body, a cell of a layout
 * table, a content control), in order. */
static void read_body(struct docx *x, const xmlNode *body, int depth) {
  if (depth > MAX_DEPTH)
    return;
  for (const xmlNode *c = body->children; c && !x->err->msg[0];
       c = c->next) {
    if (doc_xml_is(c, "p"))
      add_para(x, c);
    else if (doc_xml_is(c, "tbl"))
      read_table(x, c, depth + 1);
    else if (doc_xml_is(c, "sdt") || doc_xml_is(c, "sdtContent") ||
             doc_xml_is(c, "customXml") || doc_xml_is(c, "ins") ||
             doc_xml_is(c, "moveTo"))
      read_body(x, c, depth + 1);
  }
}

/* The title of docProps/core.xml, if it has one. */
static int read_core(struct docx *x, struct zpkg *p) {
  struct buf b = BUF_INIT;
  int rc = zpkg_read(p, "docProps/core.xml", &b, true, x->err);
  if (rc != 0) {
    buf_free(&b);
    return rc < 0 ? -1 : 0;
  }
  xmlDocPtr d = doc_xml_parse(x->file, "docProps/core.xml", b.s, b.len,
                              x->err);
  buf_free(&b);
  if (!d)
    return -1;
  xmlNode *t = doc_xml_child(xmlDocGetRootElement(d), "title");
  xmlChar *s = t ? xmlNodeGetContent(t) : NULL;
  if (s) {
    char *c = doc_clean((const char *)s, strlen((const char *)s));
    if (*c)
      x->doc->title = c;
    else
      free(c);
  }
  xmlFree(s);
  xmlFreeDoc(d);
  return 0;
}

int docx_read(struct zpkg *p, struct document *doc, struct err *err) {
  struct docx x;
  memset(&x, 0, sizeof x);
  x.doc = doc;
  x.file = p->name;
  x.err = err;
  x.page = 1;
  err_clear(err);
  struct buf b = BUF_INIT;
  xmlDocPtr d = NULL;
  int rc = -1;
  if (read_styles(&x, p) != 0 || read_core(&x, p) != 0)
    goto out;
  if (zpkg_read(p, "word/document.xml", &b, false, err) != 0)
    goto out;
  x.rendered_breaks = strstr(b.s, "lastRenderedPageBreak") != NULL;
  d = doc_xml_parse(x.file, "word/document.xml", b.s, b.len, err);
  buf_free(&b);
  if (!d)
    goto out;
  xmlNode *body = doc_xml_child(xmlDocGetRootElement(d), "body");
  if (!body) {
    err_set(err, x.file, 0, 0, "word/document.xml: no <w:body>");
    goto out;
  }
  read_body(&x, body, 0);
  if (err->msg[0])
    goto out;
  doc->n_pages = x.page;
  rc = 0;
out:
  buf_free(&b);
  xmlFreeDoc(d);
  for (size_t i = 0; i < x.n_styles; i++)
    free(x.styles[i].id);
  free(x.styles);
  return rc;
}
