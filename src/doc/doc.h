/* doc/doc.h - documents in: one reader per format into one structure.
 *
 * A file is read into a 'struct document': its paragraphs (with their page
 * where the format has pages, and their heading level), its tables (header
 * rows, merged cells resolved, the column that labels the rows, every cell
 * as text and, where it is one, as a number) and its metadata (title,
 * date, issuer where found). The format is told from the content (magic
 * bytes, the members of a zip), never from the file's name:
 *
 *   .docx   zip with word/document.xml       (libzip + libxml2)
 *   .xlsx   zip with xl/workbook.xml         (libzip + libxml2)
 *   .html   markup opening with <html>, <head>, <body> or <!DOCTYPE html>
 *   .pdf    "%PDF-"                          (poppler-glib; a scan by OCR)
 *   image   PNG, JPEG, TIFF signatures       (OCR: tesseract, Vietnamese)
 *   text    anything else (the extractor checks its UTF-8)
 *
 * Legacy .doc/.xls (OLE2 files), .odt/.ods and RTF are refused with a
 * line saying what to save them as. Every string is NFC UTF-8 and a
 * paragraph never holds a newline, so the paragraphs joined by '\n' are a
 * text the extractor reads as it reads a .txt file (doc_text_convert).
 *
 * Readers have limits, not trust: a zip member may unpack to at most
 * DOC_PART_MAX bytes, the whole package to DOC_UNZIP_MAX, and a member
 * over 1 MiB to at most DOC_RATIO_MAX times its packed size (zip bombs);
 * XML with a DOCTYPE is refused (no DTD is loaded, no entity defined or
 * expanded, nothing fetched from the network). Each error is one line
 * naming the file and the part: "report.docx: word/document.xml: ...". */
#ifndef CHITIEU_DOC_DOC_H
#define CHITIEU_DOC_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

#define DOC_PART_MAX (64u << 20)
#define DOC_UNZIP_MAX (256u << 20)
#define DOC_RATIO_MAX 200u
/* Cells a table may have (rows times columns after merges). */
#define DOC_CELLS_MAX (1u << 20)

enum doc_format {
  DOC_TEXT = 0,
  DOC_DOCX,
  DOC_XLSX,
  DOC_HTML,
  DOC_PDF,
  DOC_IMAGE, /* PNG, JPEG, TIFF: read by OCR */
};

/* One paragraph: a line of text with no newline in it. */
struct doc_para {
  char *text;  /* NFC, white space runs folded to one space, trimmed */
  int page;    /* 1-based; 0 where the format has no pages */
  int heading; /* 0 body text, 1..9 the heading level */
};

/* One cell of a table's grid. A merged cell (gridSpan/vMerge in .docx,
 * <mergeCell> in .xlsx, colspan/rowspan in HTML) is resolved: each grid
 * position it covers holds its text and number, and points to the merge's
 * top-left cell, which alone has 'rows' x 'cols' > 1. */
struct doc_cell {
  char *text;     /* NFC, trimmed; "" for an empty cell (never NULL) */
  bool is_number; /* the whole cell is one number ("1.234,5", "-3", "12%")
                     or, in .xlsx, a numeric cell */
  double number;
  int row0, col0; /* the top-left cell of its merge (itself if none) */
  int rows, cols; /* the merge's span, on the top-left cell; else 1, 1 */
};

struct doc_table {
  char *name;        /* the sheet's name (.xlsx), else NULL */
  int page;          /* 1-based, 0 where the format has no pages */
  size_t para_index; /* paragraphs of the document before the table */
  size_t n_rows, n_cols;
  struct doc_cell *cells; /* n_rows * n_cols, row by row */
  /* Leading rows that name the columns: the rows the format marks as
   * header rows (<w:tblHeader/>, <thead>), else the leading rows in which
   * no cell is a number other than a year (1900..2100), extended down to
   * cover the header cells merged downwards. Never all the rows of a table
   * that has a number. */
  size_t header_rows;
  /* The column naming each row ("Chỉ tiêu"): the first column whose
   * non-empty cells below the header are mostly not numbers, -1 if none. */
  int label_col;
};

struct document {
  enum doc_format format;
  struct doc_para *paras;
  size_t n_paras, cap_paras;
  struct doc_table *tables;
  size_t n_tables, cap_tables;
  int n_pages;          /* 0 where the format has no pages */
  char *title;          /* NULL if none found */
  char *issuer;         /* "UBND HUYỆN MƯỜNG ẢNG", NULL if none found */
  int year, month, day; /* the document's date, 0 if not found */
};

/* The format of 'data' ('len' bytes) as told by its content. Returns 0,
 * or -1 with 'err' (naming 'name') for a format chitieu refuses: a legacy
 * .doc or .xls ("save it as .docx"), .odt, .ods, RTF, a zip that is
 * neither .docx nor .xlsx, an image. */
int doc_sniff(const char *name, const char *data, size_t len,
              enum doc_format *fmt, struct err *err);

/* Read the document in 'data' ('len' bytes; 'name' names it in errors)
 * into 'doc' (free with doc_free, also after an error). A text file gives
 * one paragraph per line. Returns 0, or -1 with 'err'. */
int doc_read_mem(const char *name, const char *data, size_t len,
                 struct document *doc, struct err *err);
/* The same for the file at 'path'. */
int doc_read(const char *path, struct document *doc, struct err *err);
void doc_free(struct document *doc);

/* The text the extractor reads, in place: if 'bytes' (the content of the
 * file 'path') is a document other than text, it is replaced with the
 * document's paragraphs, one a line; text is left as it is (the extractor
 * checks its UTF-8 and normalises it). Tables are not in the text (their
 * figures would lose their columns): see 'struct doc_table'. An .xlsx has
 * no sentences and is refused (its figures go through 'chitieu import').
 * Returns 0, or -1 with 'err' ('bytes' then unchanged). */
int doc_text_convert(const char *path, struct buf *bytes, struct err *err);

/* The paragraphs of 'doc' joined by '\n' (with a final one) into 'out'. */
void doc_text(const struct document *doc, struct buf *out);

/* The cell at 'row', 'col' of 't' (both in range). */
const struct doc_cell *doc_table_cell(const struct doc_table *t, size_t row,
                                      size_t col);

/* "text", "docx", "xlsx", "html", "pdf", "image". */
const char *doc_format_name(enum doc_format fmt);

#endif
