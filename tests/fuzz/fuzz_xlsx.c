/* tests/fuzz/fuzz_xlsx.c - libFuzzer target for the .xlsx reader: each
 * input is the sheet xl/worksheets/sheet1.xml (and, split at the first NUL
 * byte, the rest is xl/sharedStrings.xml) of a workbook made in memory
 * with libzip, read by doc_read_mem. Every cell of every table must have
 * text. Seeds: sheets as tests/doc/make_report.py writes them (unzip -p
 * FILE.xlsx xl/worksheets/sheet1.xml). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_zip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
