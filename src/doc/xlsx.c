/* doc/xlsx.c - an Excel .xlsx into tables, one per sheet.
 *
 * xl/workbook.xml names the sheets in their order, xl/_rels/workbook.xml.rels
 * where each one's part is, xl/sharedStrings.xml the strings cells point
 * to. A cell (<c r="B5" t="...">) is a number (no t, or t="n": its <v> as
 * a number, its text the value as stored, with a decimal point), a shared
 * string (t="s"), an inline string (t="inlineStr"), a formula's string
 * (t="str"), a boolean (TRUE/FALSE) or an error ("#DIV/0!", as text). A
 * formula cell is read by the value Excel cached in <v>; a formula without
 * one (a file written by a program that never calculated it) is an error,
 * "FILE:SHEET!CELL: ...", since its figure is unknown. <mergeCell
 * ref="A1:C1"> gives merged cells. Dates stay the serial numbers Excel
 * stores. Cells without a value (formatting only) do not widen the grid.
 *
 * The sheets' parts are parsed whole (a tree), within the zip's limits of
 * doc.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc_int.h"
#include "util/xalloc.h"

#define MAX_ROWS 1048576 /* Excel's own limits */
#define MAX_COLS 16384

struct strings {
  char **v;
  size_t n, cap;
};

/* Parse the reference "AB12" into 0-based 'row' and 'col'. Returns 0, or
 * -1 if 's' is not a cell reference within Excel's limits. */
static int parse_ref(const char *s, size_t *row, size_t *col) {
  size_t c = 0, r = 0;
  const char *p = s;
  while (*p >= 'A' && *p <= 'Z' && p - s < 3)
    c = c * 26 + (size_t)(*p++ - 'A' + 1);
  if (p == s || c > MAX_COLS)
    return -1;
  const char *d = p;
  while (*p >= '0' && *p <= '9' && p - d < 7)
    r = r * 10 + (size_t)(*p++ - '0');
  if (p == d || *p || r < 1 || r > MAX_ROWS)
    return -1;
  *row = r - 1;
  *col = c - 1;
  return 0;
}

/* The reference of 0-based 'row', 'col' ("B5") into 'out'. */
static void format_ref(size_t row, size_t col, char out[16]) {
  char letters[4];
  int n = 0;
  for (size_t c = col + 1; c && n < 3; c = (c - 1) / 26)
    letters[n++] = (char)('A' + (c - 1) % 26);
  int k = 0;
  while (n)
    out[k++] = letters[--n];
  snprintf(out + k, (size_t)(16 - k), "%zu", row + 1);
}

/* Fill 'err' as "FILE:SHEET!CELL: message". */
static int cell_error(struct err *err, const char *file, const char *sheet,
                      size_t row, size_t col, const char *msg) {
  char ref[16];
  format_ref(row, col, ref);
  char where[256];
  snprintf(where, sizeof where, "%s:%s!%s", file, sheet, ref);
  return err_set(err, where, 0, 0, "%s", msg);
}

/* The text under 'n', its <t> elements joined, phonetic runs (<rPh>) left
 * out, into 'out'. */
static void rich_text(const xmlNode *n, struct buf *out, int depth) {
  if (depth > 16)
    return;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (doc_xml_is(c, "t")) {
      xmlChar *t = xmlNodeGetContent(c);
      if (t)
        buf_adds(out, (const char *)t);
      xmlFree(t);
    } else if (c->type == XML_ELEMENT_NODE && !doc_xml_is(c, "rPh")) {
      rich_text(c, out, depth + 1);
    }
  }
}

/* Parse member 'part' (optional if 'optional'); NULL with '*missing' set
 * if absent, NULL with 'err' if bad. */
static xmlDocPtr parse_part(struct zpkg *p, const char *part, bool optional,
                            bool *missing, struct err *err) {
  struct buf b = BUF_INIT;
  *missing = false;
  int rc = zpkg_read(p, part, &b, optional, err);
  if (rc != 0) {
    buf_free(&b);
    *missing = rc > 0;
    return NULL;
  }
  xmlDocPtr d = doc_xml_parse(p->name, part, b.s, b.len, err);
  buf_free(&b);
  return d;
}

static int read_strings(struct zpkg *p, struct strings *ss, struct err *err) {
  bool missing;
  xmlDocPtr d = parse_part(p, "xl/sharedStrings.xml", true, &missing, err);
  if (!d)
    return missing ? 0 : -1;
  for (xmlNode *si = xmlDocGetRootElement(d)->children; si; si = si->next) {
    if (!doc_xml_is(si, "si"))
      continue;
    struct buf b = BUF_INIT;
    rich_text(si, &b, 0);
    xgrow((void **)&ss->v, &ss->cap, ss->n + 1, sizeof *ss->v);
    ss->v[ss->n++] = buf_detach(&b);
  }
  xmlFreeDoc(d);
  return 0;
}

/* The part of relationship 'id' in xl/_rels/workbook.xml.rels, as a zip
 * member name (caller frees), or NULL. */
static char *sheet_part(xmlDocPtr rels, const char *id) {
  for (xmlNode *r = rels ? xmlDocGetRootElement(rels)->children : NULL; r;
       r = r->next) {
    if (!doc_xml_is(r, "Relationship"))
      continue;
    char *rid = doc_xml_attr(r, "Id");
    int hit = rid && strcmp(rid, id) == 0;
    free(rid);
    if (!hit)
      continue;
    char *target = doc_xml_attr(r, "Target");
    if (!target)
      return NULL;
    struct buf b = BUF_INIT;
    if (target[0] == '/')
      buf_adds(&b, target + 1);
    else
      buf_addf(&b, "xl/%s", target);
    free(target);
    return buf_detach(&b);
  }
  return NULL;
}

/* The value of cell 'c' into 't' (its text; has_number/number for a
 * number). Returns 1 if the cell has a value, 0 if not, -1 for a formula
 * without its cached value. */
static int cell_value(const xmlNode *c, const struct strings *ss,
                      struct doc_tcell *t) {
  char *type = doc_xml_attr(c, "t");
  const xmlNode *v = doc_xml_child(c, "v");
  const xmlNode *f = doc_xml_child(c, "f");
  xmlChar *vs = v ? xmlNodeGetContent(v) : NULL;
  int rc = 1;
  struct buf b = BUF_INIT;
  if (type && strcmp(type, "inlineStr") == 0) {
    rich_text(doc_xml_child(c, "is"), &b, 0);
  } else if (!vs) {
    rc = f ? -1 : 0;
  } else if (type && strcmp(type, "s") == 0) {
    char *end;
    errno = 0;
    unsigned long i = strtoul((const char *)vs, &end, 10);
    if (*end || errno || i >= ss->n)
      rc = 0; /* an index outside the table: no value */
    else
      buf_adds(&b, ss->v[i]);
  } else if (type && strcmp(type, "b") == 0) {
    buf_adds(&b, strcmp((const char *)vs, "1") == 0 ? "TRUE" : "FALSE");
  } else if (type && (strcmp(type, "str") == 0 || strcmp(type, "e") == 0)) {
    buf_adds(&b, (const char *)vs);
  } else {
    char *end;
    errno = 0;
    double x = strtod((const char *)vs, &end);
    if (end != (const char *)vs && !*end && errno == 0) {
      t->has_number = true;
      t->number = x;
    }
    buf_adds(&b, (const char *)vs);
  }
  xmlFree(vs);
  free(type);
  t->text = buf_detach(&b);
  return rc;
}

/* One sheet into a table named 'name'. */
static int read_sheet(struct zpkg *p, const char *part, const char *name,
                      const struct strings *ss, struct document *doc,
                      struct err *err) {
  bool missing;
  xmlDocPtr d = parse_part(p, part, false, &missing, err);
  if (!d)
    return -1;
  xmlNode *root = xmlDocGetRootElement(d);
  struct doc_tcell *v = NULL;
  size_t n = 0, cap = 0;
  int rc = 0;
  size_t row = 0;
  xmlNode *data = doc_xml_child(root, "sheetData");
  for (xmlNode *r = data ? data->children : NULL; r && rc == 0; r = r->next) {
    if (!doc_xml_is(r, "row"))
      continue;
    long rn = doc_xml_attr_long(r, "r", 0, MAX_ROWS);
    if (rn > 0)
      row = (size_t)rn - 1;
    size_t col = 0;
    for (xmlNode *c = r->children; c && rc == 0; c = c->next) {
      if (!doc_xml_is(c, "c"))
        continue;
      char *ref = doc_xml_attr(c, "r");
      size_t rr, cc;
      if (ref && parse_ref(ref, &rr, &cc) == 0) {
        row = rr;
        col = cc;
      }
      free(ref);
      struct doc_tcell t;
      memset(&t, 0, sizeof t);
      t.row = row;
      t.col = col;
      t.rows = t.cols = 1;
      int has = cell_value(c, ss, &t);
      if (has < 0)
        rc = cell_error(err, p->name, name, row, col,
                        "a formula without its calculated value (open the "
                        "file in Excel or LibreOffice and save it again)");
      if (has > 0) {
        xgrow((void **)&v, &cap, n + 1, sizeof *v);
        v[n++] = t;
      } else {
        free(t.text);
      }
      col++;
    }
    row++;
  }
  /* Merges: the top-left cell's value over the whole range. */
  xmlNode *merges = doc_xml_child(root, "mergeCells");
  for (xmlNode *m = merges ? merges->children : NULL; m && rc == 0;
       m = m->next) {
    char *ref = doc_xml_attr(m, "ref");
    char *colon = ref ? strchr(ref, ':') : NULL;
    size_t r0, c0, r1, c1;
    if (colon) {
      *colon = '\0';
      if (parse_ref(ref, &r0, &c0) == 0 && parse_ref(colon + 1, &r1, &c1) == 0 &&
          r1 >= r0 && c1 >= c0) {
        for (size_t i = 0; i < n; i++)
          if (v[i].row == r0 && v[i].col == c0) {
            v[i].rows = r1 - r0 + 1;
            v[i].cols = c1 - c0 + 1;
          }
      }
    }
    free(ref);
  }
  if (rc == 0) {
    char where[300];
    snprintf(where, sizeof where, "%s (sheet %s)", part, name);
    err_clear(err);
    if (!doc_table_build(doc, p->name, where, v, n, 0, name, 0, err) &&
        err->msg[0])
      rc = -1;
    /* An empty sheet is still a sheet: --sheet may name it. */
    if (rc == 0 && n == 0) {
      xgrow((void **)&doc->tables, &doc->cap_tables, doc->n_tables + 1,
            sizeof *doc->tables);
      struct doc_table *t = &doc->tables[doc->n_tables++];
      memset(t, 0, sizeof *t);
      t->name = xstrdup(name);
      t->label_col = -1;
    }
  }
  for (size_t i = 0; i < n; i++)
    free(v[i].text);
  free(v);
  xmlFreeDoc(d);
  return rc;
}

int xlsx_read(struct zpkg *p, struct document *doc, struct err *err) {
  struct strings ss = {0};
  xmlDocPtr wb = NULL, rels = NULL;
  bool missing;
  int rc = -1;
  if (read_strings(p, &ss, err) != 0)
    goto out;
  wb = parse_part(p, "xl/workbook.xml", false, &missing, err);
  if (!wb)
    goto out;
  rels = parse_part(p, "xl/_rels/workbook.xml.rels", true, &missing, err);
  if (!rels && !missing)
    goto out;
  xmlNode *sheets = doc_xml_child(xmlDocGetRootElement(wb), "sheets");
  int index = 0;
  rc = 0;
  for (xmlNode *s = sheets ? sheets->children : NULL; s && rc == 0;
       s = s->next) {
    if (!doc_xml_is(s, "sheet"))
      continue;
    index++;
    char *name = doc_xml_attr(s, "name");
    char *id = doc_xml_attr(s, "id");
    char *part = id ? sheet_part(rels, id) : NULL;
    if (!part) {
      /* Without relationships, the parts Excel itself names. */
      struct buf b = BUF_INIT;
      buf_addf(&b, "xl/worksheets/sheet%d.xml", index);
      part = buf_detach(&b);
    }
    char *clean = doc_clean(name ? name : "", name ? strlen(name) : 0);
    rc = read_sheet(p, part, clean, &ss, doc, err);
    free(clean);
    free(part);
    free(id);
    free(name);
  }
out:
  for (size_t i = 0; i < ss.n; i++)
    free(ss.v[i]);
  free(ss.v);
  xmlFreeDoc(wb);
  xmlFreeDoc(rels);
  return rc;
}
