/* doc/html.c - a saved web page into the paragraphs of its article.
 *
 * The page is parsed by libxml2's HTML parser (no network; errors
 * recovered, as browsers do). What is not the article is dropped by its
 * markup: scripts, styles, forms, <nav>, <aside>, <header> and <footer>
 * outside the article, and any element whose class or id names a menu,
 * related links, comments, sharing, tags, a sidebar, a banner or a footer
 * ("menu", "related", "tin-lien-quan", "comment", "binh-luan", ...).
 *
 * The article is then the element that holds it: an <article>, an element
 * marked itemprop="articleBody", or a <main>, the one with the most
 * paragraph text; else, by text density, the element whose paragraphs
 * carry the most text that is not link text (a <p> of 20 bytes or more
 * counts its length times the share of it not in links for its parent,
 * and half of that for its grandparent). Inside it, every block (p, div,
 * li, h1-h6, td, ...) is a paragraph, except one that is mostly link text
 * (a list of related links left inside). A table with a number in it is a
 * table of the document (colspan, rowspan, <thead> for its header rows),
 * out of the text; a table without one is text.
 *
 * The page's first <h1>, when outside the article, opens the paragraphs
 * (it is the article's title). Title: og:title, else <title>, else the
 * <h1>. Date: article:published_time, itemprop datePublished or <time
 * datetime>, else the first short line of the page with a date
 * ("Thứ Sáu, 05/07/2024 15:40", "ngày 5 tháng 7 năm 2024"). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "doc/doc_int.h"
#include "util/xalloc.h"

#define MAX_DEPTH 256
#define MAX_SPAN 1000

/* Lower-case ASCII element name 'n' is one of the NULL-terminated 'set'. */
static int name_in(const xmlNode *n, const char *const *set) {
  if (!n || n->type != XML_ELEMENT_NODE)
    return 0;
  for (; *set; set++)
    if (strcasecmp((const char *)n->name, *set) == 0)
      return 1;
  return 0;
}

static int is_el(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE &&
         strcasecmp((const char *)n->name, name) == 0;
}

static const char *const never[] = {
    "script", "style",  "noscript", "template", "iframe", "svg",
    "form",   "button", "select",   "textarea", "object", "embed",
    "canvas", "nav",    "aside",    "menu",     "dialog", NULL};

/* Words in a class or id that mark what is not the article. */
static const char *const junk_words[] = {
    "menu",      "navbar",   "breadcrumb", "related",  "relate",
    "lienquan",  "lien-quan", "comment",   "binhluan", "binh-luan",
    "sidebar",   "share",    "social",     "footer",   "banner",
    "advert",    "quangcao", "widget",     "popup",    "cookie",
    "subscribe", "tag-list", "tags",       "most-read", "docnhieu",
    NULL};

/* 1 if attribute 'attr' of 'n' holds one of junk_words. */
static int junk_attr(const xmlNode *n, const char *attr) {
  char *v = doc_xml_attr(n, attr);
  if (!v)
    return 0;
  for (char *p = v; *p; p++)
    if (*p >= 'A' && *p <= 'Z')
      *p = (char)(*p - 'A' + 'a');
  int hit = 0;
  for (const char *const *w = junk_words; *w && !hit; w++)
    hit = strstr(v, *w) != NULL;
  free(v);
  return hit;
}

/* 1 if 'n' (inside the article or not: 'in_article') is not content. */
static int is_junk(const xmlNode *n, int in_article) {
  if (n->type == XML_COMMENT_NODE)
    return 1;
  if (n->type != XML_ELEMENT_NODE)
    return 0;
  if (name_in(n, never))
    return 1;
  if (!in_article && (is_el(n, "header") || is_el(n, "footer")))
    return 1;
  if (is_el(n, "body") || is_el(n, "html") || is_el(n, "article"))
    return 0;
  return junk_attr(n, "class") || junk_attr(n, "id") ||
         junk_attr(n, "role");
}

/* The length of the text under 'n' and, in '*links', of its link text. */
static size_t text_len(const xmlNode *n, size_t *links, int in_link,
                       int depth) {
  size_t len = 0;
  if (depth > MAX_DEPTH)
    return 0;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) {
      size_t k = strlen((const char *)c->content);
      len += k;
      if (in_link)
        *links += k;
    } else if (c->type == XML_ELEMENT_NODE && !is_junk(c, 1)) {
      len += text_len(c, links, in_link || is_el(c, "a"), depth + 1);
    }
  }
  return len;
}

/* Scores by text density, as the header comment says. */
struct score {
  const xmlNode *node;
  double score;
};

struct scores {
  struct score *v;
  size_t n, cap;
};

static void add_score(struct scores *s, const xmlNode *n, double x) {
  if (!n || n->type != XML_ELEMENT_NODE)
    return;
  for (size_t i = 0; i < s->n; i++)
    if (s->v[i].node == n) {
      s->v[i].score += x;
      return;
    }
  xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v);
  s->v[s->n].node = n;
  s->v[s->n++].score = x;
}

static void score_walk(const xmlNode *n, struct scores *s, int depth) {
  if (depth > MAX_DEPTH)
    return;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || is_junk(c, 0))
      continue;
    if (is_el(c, "p") || is_el(c, "pre") || is_el(c, "blockquote")) {
      size_t links = 0, len = text_len(c, &links, 0, 0);
      if (len >= 20) {
        double x = (double)(len - links);
        add_score(s, c->parent, x);
        add_score(s, c->parent ? c->parent->parent : NULL, x / 2);
      }
    }
    score_walk(c, s, depth + 1);
  }
}

/* The paragraph text under 'n' that is not link text, for choosing among
 * <article> elements. */
static size_t para_text(const xmlNode *n) {
  size_t links = 0, len = text_len(n, &links, 0, 0);
  return len - links;
}

/* Marked containers of the article, the one with most text. */
static void find_marked(const xmlNode *n, const xmlNode **best,
                        size_t *best_len, int depth) {
  if (depth > MAX_DEPTH)
    return;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || is_junk(c, 0))
      continue;
    int marked = is_el(c, "article") || is_el(c, "main");
    if (!marked) {
      char *ip = doc_xml_attr(c, "itemprop");
      marked = ip && strcmp(ip, "articleBody") == 0;
      free(ip);
    }
    if (marked) {
      size_t len = para_text(c);
      if (len > *best_len) {
        *best = c;
        *best_len = len;
      }
    }
    find_marked(c, best, best_len, depth + 1);
  }
}

static const xmlNode *find_article(const xmlNode *body) {
  const xmlNode *best = NULL;
  size_t best_len = 0;
  find_marked(body, &best, &best_len, 0);
  if (best && best_len >= 100)
    return best;
  struct scores s = {0};
  score_walk(body, &s, 0);
  const xmlNode *top = NULL;
  double top_score = 0;
  for (size_t i = 0; i < s.n; i++)
    if (s.v[i].score > top_score) {
      top = s.v[i].node;
      top_score = s.v[i].score;
    }
  free(s.v);
  return top ? top : body;
}

/* Writing the article's paragraphs. */
struct writer {
  struct document *doc;
  const char *file;
  struct err *err;
  struct buf para;
  size_t link_bytes; /* of para, inside <a> */
  int heading;
};

static void flush(struct writer *w) {
  /* a block that is mostly links is a list of links, not text */
  if (w->para.len && w->link_bytes * 2 <= w->para.len)
    doc_para_add(w->doc, buf_str(&w->para), w->para.len, 0, w->heading);
  buf_reset(&w->para);
  w->link_bytes = 0;
  w->heading = 0;
}

static const char *const blocks[] = {
    "p",      "div",     "li",      "ul",         "ol",      "dl",
    "dt",     "dd",      "h1",      "h2",         "h3",      "h4",
    "h5",     "h6",      "table",   "tr",         "td",      "th",
    "tbody",  "thead",   "tfoot",   "blockquote", "pre",     "section",
    "article", "header", "footer",  "main",       "figure",  "figcaption",
    "address", "hr",     "caption", "center",     "time",    NULL};

static void write_node(struct writer *w, const xmlNode *n, int in_link,
                       int depth);

/* 1 if some cell under table 't' is a number. */
static int table_has_number(const xmlNode *n, int depth) {
  if (depth > MAX_DEPTH)
    return 0;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (is_el(c, "td") || is_el(c, "th")) {
      xmlChar *t = xmlNodeGetContent(c);
      char *s = doc_clean(t ? (const char *)t : "",
                          t ? strlen((const char *)t) : 0);
      xmlFree(t);
      double v;
      int num = doc_cell_number(s, &v);
      free(s);
      if (num)
        return 1;
    } else if (c->type == XML_ELEMENT_NODE && !is_el(c, "table") &&
               table_has_number(c, depth + 1)) {
      return 1;
    }
  }
  return 0;
}

/* The rows of table 't' (through thead, tbody, tfoot), in order; '*head'
 * counts the leading rows in <thead>. */
static void table_rows(const xmlNode *t, const xmlNode ***v, size_t *n,
                       size_t *cap, size_t *head) {
  for (const xmlNode *c = t->children; c; c = c->next) {
    if (is_el(c, "tr")) {
      xgrow((void **)v, cap, *n + 1, sizeof **v);
      (*v)[(*n)++] = c;
    } else if (is_el(c, "thead") || is_el(c, "tbody") || is_el(c, "tfoot")) {
      size_t before = *n;
      table_rows(c, v, n, cap, head);
      if (is_el(c, "thead") && *head == before)
        *head = *n;
    }
  }
}

/* Table 't' as a table of the document: colspan and rowspan resolved by
 * the columns that rows above still cover. */
static void write_table(struct writer *w, const xmlNode *t) {
  const xmlNode **rows = NULL;
  size_t n_rows = 0, cap_rows = 0, head = 0;
  table_rows(t, &rows, &n_rows, &cap_rows, &head);
  size_t *cover = xcalloc(MAX_SPAN * 2, sizeof *cover); /* rows left */
  struct doc_tcell *v = NULL;
  size_t n = 0, cap = 0;
  for (size_t r = 0; r < n_rows; r++) {
    size_t col = 0;
    for (const xmlNode *c = rows[r]->children; c; c = c->next) {
      if (!is_el(c, "td") && !is_el(c, "th"))
        continue;
      while (col < MAX_SPAN * 2 && cover[col])
        col++;
      if (col >= MAX_SPAN * 2)
        break;
      size_t cs = (size_t)doc_xml_attr_long(c, "colspan", 1, MAX_SPAN);
      size_t rs = (size_t)doc_xml_attr_long(c, "rowspan", 1, MAX_SPAN);
      cs = cs ? cs : 1;
      rs = rs ? rs : 1;
      if (col + cs > MAX_SPAN * 2)
        cs = MAX_SPAN * 2 - col;
      xmlChar *text = xmlNodeGetContent(c);
      xgrow((void **)&v, &cap, n + 1, sizeof *v);
      memset(&v[n], 0, sizeof v[n]);
      v[n].row = r;
      v[n].col = col;
      v[n].rows = rs;
      v[n].cols = cs;
      v[n].text = xstrdup(text ? (const char *)text : "");
      xmlFree(text);
      n++;
      for (size_t k = col; k < col + cs; k++)
        cover[k] = rs;
      col += cs;
    }
    for (size_t k = 0; k < MAX_SPAN * 2; k++)
      if (cover[k])
        cover[k]--;
  }
  /* a rowspan past the last row ends with the table */
  for (size_t i = 0; i < n; i++)
    if (v[i].row + v[i].rows > n_rows)
      v[i].rows = n_rows - v[i].row;
  if (!doc_table_build(w->doc, w->file, "table", v, n, head, NULL, 0,
                       w->err) &&
      w->err->msg[0])
    err_clear(w->err); /* too large a table: left out, not an error */
  for (size_t i = 0; i < n; i++)
    free(v[i].text);
  free(v);
  free(cover);
  free(rows);
}

static void write_children(struct writer *w, const xmlNode *n, int in_link,
                           int depth) {
  for (const xmlNode *c = n->children; c; c = c->next)
    write_node(w, c, in_link, depth + 1);
}

static void write_node(struct writer *w, const xmlNode *n, int in_link,
                       int depth) {
  if (depth > MAX_DEPTH || is_junk(n, 1))
    return;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content) {
      size_t k = strlen((const char *)n->content);
      buf_add(&w->para, (const char *)n->content, k);
      if (in_link)
        w->link_bytes += k;
    }
    return;
  }
  if (n->type != XML_ELEMENT_NODE)
    return;
  if (is_el(n, "br")) {
    flush(w);
    return;
  }
  if (is_el(n, "table") && table_has_number(n, 0)) {
    flush(w);
    write_table(w, n);
    return;
  }
  if (!name_in(n, blocks)) {
    /* inline: a space where an image or input stood keeps words apart */
    if (is_el(n, "img") || is_el(n, "input"))
      buf_addc(&w->para, ' ');
    write_children(w, n, in_link || is_el(n, "a"), depth);
    return;
  }
  flush(w);
  const char *name = (const char *)n->name;
  if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' &&
      !name[2])
    w->heading = name[1] - '0';
  write_children(w, n, in_link, depth);
  flush(w);
}

/* The content of <meta property|name|itemprop=KEY content=...>. */
static char *meta(const xmlNode *n, const char *key, int depth) {
  if (depth > MAX_DEPTH)
    return NULL;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (is_el(c, "meta")) {
      static const char *const attrs[] = {"property", "name", "itemprop"};
      for (size_t k = 0; k < 3; k++) {
        char *v = doc_xml_attr(c, attrs[k]);
        int hit = v && strcasecmp(v, key) == 0;
        free(v);
        if (hit)
          return doc_xml_attr(c, "content");
      }
    }
    char *r = meta(c, key, depth + 1);
    if (r)
      return r;
  }
  return NULL;
}

/* The first element 'name' under 'n', outside junk. */
static const xmlNode *first_el(const xmlNode *n, const char *name,
                               int depth) {
  if (depth > MAX_DEPTH)
    return NULL;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || is_junk(c, 0))
      continue;
    if (is_el(c, name))
      return c;
    const xmlNode *r = first_el(c, name, depth + 1);
    if (r)
      return r;
  }
  return NULL;
}

static int is_inside(const xmlNode *n, const xmlNode *root) {
  for (; n; n = n->parent)
    if (n == root)
      return 1;
  return 0;
}

/* "2024-07-05T15:40:00+07:00" into the document's date. */
static int iso_date(struct document *doc, const char *s) {
  int y, m, d;
  if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || y < 1900 ||
      y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
    return 0;
  doc->year = y;
  doc->month = m;
  doc->day = d;
  return 1;
}

/* The first short text of the page with a date in it. */
static void date_line(struct document *doc, const xmlNode *n, int depth) {
  if (depth > MAX_DEPTH || doc->year)
    return;
  for (const xmlNode *c = n->children; c && !doc->year; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content &&
        strlen((const char *)c->content) < 100)
      doc_date_parse(doc, (const char *)c->content);
    else if (c->type == XML_ELEMENT_NODE && !name_in(c, never))
      date_line(doc, c, depth + 1);
  }
}

static void read_meta(struct document *doc, const xmlNode *root,
                      const xmlNode *h1) {
  char *t = meta(root, "og:title", 0);
  if (!t) {
    const xmlNode *title = first_el(root, "title", 0);
    xmlChar *s = title ? xmlNodeGetContent(title) : NULL;
    t = s ? xstrdup((const char *)s) : NULL;
    xmlFree(s);
  }
  if (!t && h1) {
    xmlChar *s = xmlNodeGetContent(h1);
    t = s ? xstrdup((const char *)s) : NULL;
    xmlFree(s);
  }
  if (t) {
    char *c = doc_clean(t, strlen(t));
    free(t);
    if (*c)
      doc->title = c;
    else
      free(c);
  }
  static const char *const date_keys[] = {
      "article:published_time", "datePublished", "pubdate",
      "publishdate", "date", NULL};
  for (const char *const *k = date_keys; *k && !doc->year; k++) {
    char *d = meta(root, *k, 0);
    iso_date(doc, d);
    free(d);
  }
  const xmlNode *time = first_el(root, "time", 0);
  if (!doc->year && time) {
    char *d = doc_xml_attr(time, "datetime");
    iso_date(doc, d);
    free(d);
  }
  const xmlNode *body = first_el(root, "body", 0);
  if (!doc->year)
    date_line(doc, body ? body : root, 0);
}

/* 1 if the first 4 KiB of the page declare a character set. */
static int has_charset(const char *data, size_t len) {
  size_t n = len < 4096 ? len : 4096;
  for (size_t i = 0; i + 7 <= n; i++)
    if (strncasecmp(data + i, "charset", 7) == 0)
      return 1;
  return 0;
}

int html_read(const char *name, const char *data, size_t len,
              struct document *doc, struct err *err) {
  if (len > DOC_PART_MAX)
    return err_set(err, name, 0, 0, "a web page of more than %u MiB",
                   DOC_PART_MAX >> 20);
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (!ctxt)
    return err_set(err, name, 0, 0, "out of memory");
  /* Without a declared character set, a page saved today is UTF-8 (the
   * HTML parser's own default would be Latin-1). */
  const char *enc = has_charset(data, len) ? NULL : "UTF-8";
  htmlDocPtr d = htmlCtxtReadMemory(
      ctxt, data, (int)len, name, enc,
      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
          HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
  htmlFreeParserCtxt(ctxt);
  const xmlNode *root = d ? xmlDocGetRootElement(d) : NULL;
  if (!root) {
    xmlFreeDoc(d);
    return err_set(err, name, 0, 0, "not a readable web page");
  }
  const xmlNode *body = first_el(root, "body", 0);
  if (!body)
    body = root;
  const xmlNode *article = find_article(body);
  const xmlNode *h1 = first_el(body, "h1", 0);
  struct writer w = {doc, name, err, BUF_INIT, 0, 0};
  if (h1 && !is_inside(h1, article)) {
    w.heading = 1;
    write_children(&w, h1, 0, 0);
    w.heading = 1;
    flush(&w);
  }
  write_node(&w, article, 0, 0);
  flush(&w);
  buf_free(&w.para);
  read_meta(doc, root, h1);
  xmlFreeDoc(d);
  return 0;
}
