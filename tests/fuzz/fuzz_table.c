/* tests/fuzz/fuzz_table.c - libFuzzer target for the table builder every
 * reader shares (doc_table_build: merged cells resolved, header rows and
 * the label column guessed). The input is cells of 4 bytes (row, column,
 * rows spanned, columns spanned, each mod 32) followed by their text up to
 * a NUL byte. The grid must cover every cell and span, every merged cell
 * must point to a top-left cell that is its own origin, and the header
 * rows and the label column must lie in the table. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct doc_tcell v[256];
  size_t n = 0, i = 0;
  while (i + 4 <= size && n < 256) {
    struct doc_tcell *c = &v[n++];
    memset(c, 0, sizeof *c);
    c->row = data[i] % 32;
    c->col = data[i + 1] % 32;
    c->rows = data[i + 2] % 32;
    c->cols = data[i + 3] % 32;
    i += 4;
    size_t start = i;
    while (i < size && data[i])
      i++;
    c->text = strndup((const char *)data + start, i - start);
    i++;
  }
  struct document doc;
  memset(&doc, 0, sizeof doc);
  struct err err;
  err_clear(&err);
  struct doc_table *t =
      doc_table_build(&doc, "fuzz", "table", v, n, 0, NULL, 0, &err);
  if (t) {
    for (size_t r = 0; r < t->n_rows; r++)
      for (size_t c = 0; c < t->n_cols; c++) {
        const struct doc_cell *x = doc_table_cell(t, r, c);
        if (!x->text || x->row0 > (int)r || x->col0 > (int)c)
          abort();
        const struct doc_cell *o = doc_table_cell(t, (size_t)x->row0,
                                                  (size_t)x->col0);
        if (o->row0 != x->row0 || o->col0 != x->col0)
          abort();
      }
    if (t->header_rows > t->n_rows || t->label_col >= (int)t->n_cols)
      abort();
  }
  for (size_t k = 0; k < n; k++)
    free(v[k].text);
  doc_free(&doc);
  return 0;
}
