/* tests/fuzz/fuzz_extract.c - libFuzzer target: any bytes given to
 * extract_text (without config) must give facts or a clean error, never a
 * crash, a leak or undefined behaviour. Spans must lie inside the text. */
#include <stdint.h>
#include <stdlib.h>

#include "extract/extract.h"
#include "extract/format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct extract_doc doc;
  struct err err;
  err_clear(&err);
  static struct extract_ctx *ctx; /* built once, as the CLI does */
  if (!ctx)
    ctx = extract_ctx_new(NULL);
  if (extract_text(ctx, "fuzz.txt", (const char *)data, size, &doc, &err) ==
      0) {
    struct buf out = BUF_INIT;
    for (size_t i = 0; i < doc.facts.n; i++) {
      const struct fact *f = &doc.facts.v[i];
      if (f->span_end > doc.len || f->sent_end > doc.len ||
          f->span_start > f->span_end)
        abort();
      extract_format_fact(&out, EXTRACT_JSONL, &doc, f);
      extract_format_fact(&out, EXTRACT_TSV, &doc, f);
      extract_format_fact(&out, EXTRACT_TEXT, &doc, f);
    }
    buf_free(&out);
    extract_doc_free(&doc);
  }
  return 0;
}
