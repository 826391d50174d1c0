/* tests/fuzz/fuzz_html.c - libFuzzer target for the web page reader: each
 * input, after "<html>" so that it is read as a page whatever it holds, is
 * read by doc_read_mem. Paragraphs must be non-empty lines, table cells
 * must have text. Seeds: tests/doc/make_report.py's report.html. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *page = malloc(size + 7);
  memcpy(page, "<html>", 6);
  memcpy(page + 6, data, size);
  struct document doc;
  struct err err;
  if (doc_read_mem("fuzz.html", page, size + 6, &doc, &err) == 0) {
    for (size_t i = 0; i < doc.n_paras; i++)
      if (!doc.paras[i].text[0] || strchr(doc.paras[i].text, '\n'))
        abort();
    for (size_t t = 0; t < doc.n_tables; t++)
      for (size_t k = 0; k < doc.tables[t].n_rows * doc.tables[t].n_cols; k++)
        if (!doc.tables[t].cells[k].text)
          abort();
  }
  doc_free(&doc);
  free(page);
  return 0;
}
