/* doc/doc_int.h - what the readers of doc/ share: building paragraphs and
 * tables, the zip package with its limits, safe XML parsing. */
#ifndef CHITIEU_DOC_DOC_INT_H
#define CHITIEU_DOC_DOC_INT_H

#include <libxml/tree.h>
#include <zip.h>

#include "doc/doc.h"

/* Clean 'len' bytes of valid UTF-8 at 's' into a new string (caller
 * frees): control characters and white space (also U+00A0 and the other
 * Unicode spaces) folded to one space, trimmed, NFC. Never NULL. */
char *doc_clean(const char *s, size_t len);

/* Add a paragraph of 'len' bytes at 's' (cleaned as by doc_clean); an
 * empty one is not added. */
void doc_para_add(struct document *doc, const char *s, size_t len, int page,
                  int heading);

/* Parse cell text 's' as one number: a Vietnamese number, optionally
 * signed ('-', '+', U+2212) and followed by '%'. Returns 1 with '*out', or
 * 0 if the text is anything more or less than that. */
int doc_cell_number(const char *s, double *out);

/* A cell as a reader found it, before the grid is built: its place, its
 * span (1, 1 if not merged) and its text. 'has_number' says the format
 * itself gave a number ('number'); otherwise the text is parsed. */
struct doc_tcell {
  size_t row, col, rows, cols;
  char *text; /* owned by the reader; copied by doc_table_build */
  bool has_number;
  double number;
};

/* Build a table of 'doc' from the 'n' cells 'v' (any order; a later cell
 * overwrites an earlier one at the same place), its grid as large as the
 * cells reach. 'marked_header' is the number of rows the format marks as
 * header rows (0: guess them), 'name' the sheet's name or NULL. Returns
 * the table, or NULL with 'err' if the grid would exceed DOC_CELLS_MAX
 * cells ('where' names the part). A table with no cell adds nothing and
 * returns NULL with no error. */
struct doc_table *doc_table_build(struct document *doc, const char *file,
                                  const char *where, struct doc_tcell *v,
                                  size_t n, size_t marked_header,
                                  const char *name, int page,
                                  struct err *err);

/* Guess what the format did not say: the date from a line "..., ngày 15
 * tháng 10 năm 2024" among the first paragraphs, the issuer from the first
 * upper-case line of the heading block that is not the national motto,
 * the title from the first heading (or the first upper-case line after
 * the heading block that is not the motto). Keeps what is already set. */
void doc_meta_guess(struct document *doc);

/* Set the date of 'doc' from "ngày D tháng M năm Y" or "D/M/Y" in 's' if
 * one is found there (and it is a valid date). Returns 1 if set. */
int doc_date_parse(struct document *doc, const char *s);

/* A zip package open for reading, with the limits of doc.h. */
struct zpkg {
  zip_t *z;
  const char *name; /* the file, for errors */
  size_t unpacked;  /* bytes unpacked so far */
};

/* Open the zip in 'data' ('len' bytes, which must outlive the package).
 * Returns 0, or -1 with 'err' for a damaged or truncated zip. */
int zpkg_open(struct zpkg *p, const char *name, const char *data, size_t len,
              struct err *err);
/* 1 if the package has a member 'part'. */
int zpkg_has(struct zpkg *p, const char *part);
/* Unpack member 'part' into 'out' (replacing its content), within the
 * limits. A missing member is an error unless 'optional' (then 1 is
 * returned and 'out' is empty). Returns 0, 1 or -1 with 'err'. */
int zpkg_read(struct zpkg *p, const char *part, struct buf *out,
              bool optional, struct err *err);
void zpkg_close(struct zpkg *p);

/* Parse the XML 'data' of member 'part' of 'file': a DOCTYPE is refused,
 * no entity is substituted, nothing is fetched. Returns the tree (free
 * with xmlFreeDoc) or NULL with 'err'. */
xmlDocPtr doc_xml_parse(const char *file, const char *part, const char *data,
                        size_t len, struct err *err);
/* 1 if 'n' is an element with the local name 'local'. */
int doc_xml_is(const xmlNode *n, const char *local);
/* The first child element of 'n' named 'local', or NULL. */
xmlNode *doc_xml_child(const xmlNode *n, const char *local);
/* The value of attribute 'attr' (any namespace) of 'n' as a new string
 * (caller frees with free()), or NULL. */
char *doc_xml_attr(const xmlNode *n, const char *attr);
/* The attribute as a number from 0 to 'max' ('dflt' if absent or not a
 * number in range). */
long doc_xml_attr_long(const xmlNode *n, const char *attr, long dflt,
                       long max);

/* Lines of text with their boxes (points from the page's top left), as a
 * PDF's text layer or OCR gives them, in reading order page by page. */
/* A piece of a line: text with no gap wider than a space or two in it
 * (in a table, a cell's text on that line). */
struct piece {
  char *text;
  double x1, x2;
};

struct line {
  char *text; /* as found (not yet cleaned) */
  struct piece *pieces; /* left to right; OCR gives one a line */
  size_t n_pieces, cap_pieces;
  double x1, y1, x2, y2;
  int page;    /* 1-based */
  bool table;  /* a table's cell */
  bool margin; /* a running header or footer */
};

struct lines {
  struct line *v;
  size_t n, cap;
};

/* Paragraphs of 'doc' from the lines 'L' (marked on the way: running
 * headers and footers, tables); 'height' holds each page's height. */
void doc_lines_build(struct document *doc, struct lines *L,
                     const double *height);
void doc_lines_free(struct lines *L);

/* OCR (doc/ocr.c, tesseract with the Vietnamese data): the pages of the
 * poppler document 'pd' (a PopplerDocument *) rendered at OCR_DPI (those
 * 'pages' marks, 0-based, or all if NULL; with NULL, finding no text is an
 * error), or the image in 'data' ('len' bytes: PNG, JPEG, TIFF), into
 * 'L'. Returns 0, or -1 with 'err' naming what to install when OCR cannot
 * run. */
int ocr_pdf(const char *name, void *pd, const bool *pages, struct lines *L,
            struct err *err);
int ocr_image(const char *name, const char *data, size_t len,
              struct document *doc, struct err *err);

int docx_read(struct zpkg *p, struct document *doc, struct err *err);
int xlsx_read(struct zpkg *p, struct document *doc, struct err *err);
int html_read(const char *name, const char *data, size_t len,
              struct document *doc, struct err *err);
int pdf_read(const char *name, const char *data, size_t len,
             struct document *doc, struct err *err);

#endif
