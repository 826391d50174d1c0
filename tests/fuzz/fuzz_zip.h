/* tests/fuzz/fuzz_zip.h - what the targets of the zip-based readers
 * (fuzz_docx, fuzz_xlsx) share: a package made in memory from their input,
 * and the checks every document read must pass. Included by each target
 * (one translation unit each), hence static. */
#ifndef CHITIEU_FUZZ_ZIP_H
#define CHITIEU_FUZZ_ZIP_H

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "doc/doc.h"

/* A zip of the members 'names' with 'parts' of 'lens' bytes into '*out'. */
static size_t make_zip(const char *const *names, const char *const *parts,
                       const size_t *lens, size_t n, char **out) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
  zip_source_keep(src);
  zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  for (size_t i = 0; i < n; i++)
    zip_file_add(z, names[i], zip_source_buffer(z, parts[i], lens[i], 0),
                 ZIP_FL_OVERWRITE);
  zip_close(z);
  zip_stat_t st;
  zip_source_stat(src, &st);
  *out = malloc(st.size + 1);
  zip_source_open(src);
  zip_int64_t got = zip_source_read(src, *out, st.size);
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&ze);
  return got > 0 ? (size_t)got : 0;
}

static void check(const struct document *doc) {
  for (size_t i = 0; i < doc->n_paras; i++)
    if (!doc->paras[i].text[0] || strchr(doc->paras[i].text, '\n'))
      abort();
  for (size_t t = 0; t < doc->n_tables; t++) {
    const struct doc_table *x = &doc->tables[t];
    if (x->header_rows > x->n_rows ||
        x->label_col >= (int)(x->n_cols ? x->n_cols : 1))
      abort();
    for (size_t r = 0; r < x->n_rows; r++)
      for (size_t c = 0; c < x->n_cols; c++) {
        const struct doc_cell *cell = doc_table_cell(x, r, c);
        if (!cell->text || cell->row0 > (int)r || cell->col0 > (int)c)
          abort();
      }
  }
}

#endif
