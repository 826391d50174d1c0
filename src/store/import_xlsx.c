/* store/import_xlsx.c - import official figures from a sheet of an .xlsx
 * laid out like the CSV (the same header in row 1, a figure a row).
 *
 * The sheet (the first, or the one named) is read by doc/ and written out
 * as the CSV rows the CSV import reads, row N of the sheet on line N, so
 * that both share every check; an error on line N comes back as the
 * sheet's cell: "FILE:SHEET!CELL: reason". The cell is the one whose text
 * the reason quotes, else the column the reason names (locality,
 * indicator, year, ...), else the row's first cell. Numbers are written
 * as the shortest decimal that reads back the value Excel stored. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "store/store.h"
#include "util/json.h"

/* The CSV's columns, in order: what a reason's words point to. */
static const char *const column_words[] = {
    "locality_code", "locality_name", "level", "parent_code",
    "indicator_code", "indicator_name", "unit", "direction",
    "year",          "quarter",       "target", "actual"};

/* Append the cell's field to 'csv', quoted when it must be. */
static void add_field(struct buf *csv, const struct doc_cell *x) {
  if (x->is_number && !strpbrk(x->text, ",\"")) {
    json_number(csv, x->number);
    return;
  }
  if (!strpbrk(x->text, ",\"")) {
    buf_adds(csv, x->text);
    return;
  }
  buf_addc(csv, '"');
  for (const char *p = x->text; *p; p++) {
    if (*p == '"')
      buf_addc(csv, '"');
    buf_addc(csv, *p);
  }
  buf_addc(csv, '"');
}

/* One past the last cell of row 'r' with text, 0 for an empty row. */
static size_t row_width(const struct doc_table *t, size_t r) {
  size_t last = 0;
  for (size_t c = 0; c < t->n_cols; c++)
    if (*doc_table_cell(t, r, c)->text)
      last = c + 1;
  return last;
}

/* The sheet 't' as CSV text, row N on line N, as wide as the header (or
 * wider, for a row that has more); empty rows as empty lines. */
static void sheet_csv(const struct doc_table *t, struct buf *csv) {
  size_t header = t->n_rows ? row_width(t, 0) : 0;
  for (size_t r = 0; r < t->n_rows; r++) {
    size_t last = row_width(t, r);
    if (last && last < header)
      last = header;
    for (size_t c = 0; c < last; c++) {
      if (c)
        buf_addc(csv, ',');
      add_field(csv, doc_table_cell(t, r, c));
    }
    buf_addc(csv, '\n');
  }
}

/* The column the error 'msg' about row 'r' of 't' points to. */
static size_t error_column(const struct doc_table *t, size_t r,
                           const char *msg) {
  const char *q = strchr(msg, '\'');
  const char *e = q ? strchr(q + 1, '\'') : NULL;
  if (q && e && r < t->n_rows)
    for (size_t c = 0; c < t->n_cols; c++) {
      const char *s = doc_table_cell(t, r, c)->text;
      if (strlen(s) == (size_t)(e - q - 1) && *s &&
          strncmp(s, q + 1, (size_t)(e - q - 1)) == 0)
        return c;
    }
  /* The longest column name the message starts with or mentions. */
  static const struct {
    const char *word;
    size_t col;
  } words[] = {{"locality", 0}, {"indicator", 4}, {"direction", 7},
               {"year", 8},     {"quarter", 9},   {"target", 10},
               {"actual", 11}};
  for (size_t k = 0; k < sizeof column_words / sizeof *column_words; k++)
    if (strstr(msg, column_words[k]))
      return k;
  for (size_t k = 0; k < sizeof words / sizeof *words; k++)
    if (strstr(msg, words[k].word))
      return words[k].col;
  return 0;
}

/* Turn 'err' (PATH:LINE: reason, from the CSV import) into
 * PATH:SHEET!CELL: reason. */
static void error_to_cell(const char *path, const struct doc_table *t,
                          struct err *err) {
  if (err->line <= 0)
    return;
  size_t r = (size_t)err->line - 1;
  size_t c = error_column(t, r, err->msg);
  char col[4];
  int n = 0;
  for (size_t k = c + 1; k && n < 3; k = (k - 1) / 26)
    col[n++] = (char)('A' + (k - 1) % 26);
  char ref[16];
  int k = 0;
  while (n)
    ref[k++] = col[--n];
  snprintf(ref + k, sizeof ref - (size_t)k, "%zu", r + 1);
  char where[sizeof err->file];
  snprintf(where, sizeof where, "%s:%s!%s", path, t->name ? t->name : "",
           ref);
  snprintf(err->file, sizeof err->file, "%s", where);
  err->line = 0;
  err->col = 0;
}

int store_import_xlsx(struct store *st, const char *path, const char *sheet,
                      const struct store_import_opts *opts,
                      struct store_import_result *res, struct err *err) {
  memset(res, 0, sizeof *res);
  struct document doc;
  if (doc_read(path, &doc, err) != 0) {
    doc_free(&doc);
    return -1;
  }
  int rc = -1;
  const struct doc_table *t = NULL;
  if (doc.format != DOC_XLSX) {
    err_set(err, path, 0, 0, "not an .xlsx workbook");
    goto out;
  }
  for (size_t i = 0; i < doc.n_tables && !t; i++)
    if (!sheet || strcmp(doc.tables[i].name, sheet) == 0)
      t = &doc.tables[i];
  if (!t) {
    struct buf names = BUF_INIT;
    for (size_t i = 0; i < doc.n_tables; i++)
      buf_addf(&names, "%s'%s'", i ? ", " : "", doc.tables[i].name);
    if (sheet)
      err_set(err, path, 0, 0, "no sheet '%s' (the sheets: %s)", sheet,
              buf_str(&names));
    else
      err_set(err, path, 0, 0, "the workbook has no sheet");
    buf_free(&names);
    goto out;
  }
  struct buf csv = BUF_INIT;
  sheet_csv(t, &csv);
  rc = store_import_csv_text(st, path, buf_str(&csv), csv.len, opts, res,
                             err);
  buf_free(&csv);
  if (rc != 0)
    error_to_cell(path, t, err);
out:
  doc_free(&doc);
  return rc;
}
