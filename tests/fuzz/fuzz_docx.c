/* tests/fuzz/fuzz_docx.c - libFuzzer target for the .docx reader: each
 * input is word/document.xml (and, split at the first NUL byte, the rest
 * is word/styles.xml) of a package made in memory with libzip, read by
 * doc_read_mem. Every cell of every table must have text, and every
 * paragraph be NUL-free text without a newline. Seeds: documents as
 * tests/doc/make_report.py writes them (unzip -p report.docx
 * word/document.xml). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_zip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  const char *nul = memchr(s, '\0', size);
  size_t first = nul ? (size_t)(nul - s) : size;
  const char *names[] = {"word/document.xml", "word/styles.xml"};
  const char *parts[] = {s, nul ? nul + 1 : ""};
  size_t lens[] = {first, nul ? size - first - 1 : 0};
  char *zip = NULL;
  size_t len = make_zip(names, parts, lens, nul ? 2 : 1, &zip);
  struct document doc;
  struct err err;
  if (doc_read_mem("fuzz.docx", zip, len, &doc, &err) == 0)
    check(&doc);
  else if (!err.msg[0])
    abort(); /* a failure must say why */
  doc_free(&doc);
  free(zip);
  return 0;
}
