/* tests/fuzz/fuzz_xlsx.c - libFuzzer target for the .xlsx reader: each
 * input is the sheet xl/worksheets/sheet1.xml (and, split at the first NUL
 * byte, the rest is xl/sharedStrings.xml) of a workbook made in memory
 * with libzip, read by doc_read_mem. Every cell of every table must have
 * text. Seeds: sheets as tests/doc/make_report.py writes them (unzip -p
 * FILE.xlsx xl/worksheets/sheet1.xml). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "doc/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  const char *nul = memchr(s, '\0', size);
  size_t first = nul ? (size_t)(nul - s) : size;
  const char *names[] = {"xl/workbook.xml", "xl/worksheets/sheet1.xml",
                         "xl/sharedStrings.xml"};
  static const char book[] =
      "<workbook><sheets><sheet name=\"S\"/></sheets></workbook>";
  const char *parts[] = {book, s, nul ? nul + 1 : ""};
  size_t lens[] = {sizeof book - 1, first, nul ? size - first - 1 : 0};
  char *zip = NULL;
  size_t len = make_zip(names, parts, lens, nul ? 3 : 2, &zip);
  struct document doc;
  struct err err;
  if (doc_read_mem("fuzz.xlsx", zip, len, &doc, &err) == 0)
    check(&doc);
  else if (!err.msg[0])
    abort(); /* a failure must say why */
  doc_free(&doc);
  free(zip);
  return 0;
}
