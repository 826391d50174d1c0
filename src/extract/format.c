/* extract/format.c - facts as JSON Lines, TSV or a line for people. */
#include "extract/format.h"

#include <stdio.h>
#include <string.h>

#include "text/text.h"

int extract_format_parse(const char *s, enum extract_format *fmt) {
  if (strcmp(s, "jsonl") == 0)
    *fmt = EXTRACT_JSONL;
  else if (strcmp(s, "tsv") == 0)
    *fmt = EXTRACT_TSV;
  else if (strcmp(s, "text") == 0)
    *fmt = EXTRACT_TEXT;
  else
    return -1;
  return 0;
}

static const char tsv_header[] =
    "doc\tlocality\tlocality_code\tyear\tperiod\tlabel\tindicator\tkind\t"
    "value\tof\tunit\tapprox\testimated\tsentence\tspan_start\tspan_end\n";

void extract_format_header(struct buf *out, enum extract_format fmt) {
  if (fmt == EXTRACT_TSV)
    buf_adds(out, tsv_header);
}

/* Append the literal 'lit' (a key and its punctuation) without strlen. */
#define LIT(out, lit) buf_add(out, lit, sizeof lit - 1)

/* The space-separated words of 's' as a JSON array of strings, or null. */
static void json_words(struct buf *out, const char *s) {
  if (!s || !*s) {
    LIT(out, "null");
    return;
  }
  buf_addc(out, '[');
  for (const char *p = s; *p;) {
    const char *e = strchr(p, ' ');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (p != s)
      buf_addc(out, ',');
    char w[64];
    snprintf(w, sizeof w, "%.*s", (int)n, p);
    json_string_or_null(out, w);
    p += n;
    while (*p == ' ')
      p++;
  }
  buf_addc(out, ']');
}

static void jsonl(struct buf *out, const struct extract_doc *doc,
                  const struct fact *f) {
  LIT(out, "{\"doc\":");
  json_string_or_null(out, doc->name);
  LIT(out, ",\"locality\":");
  json_string_or_null(out, f->locality);
  LIT(out, ",\"locality_code\":");
  json_string_or_null(out, f->locality_code);
  LIT(out, ",\"year\":");
  if (f->year > 0)
    json_uint(out, (unsigned long long)f->year);
  else if (f->year)
    buf_addf(out, "%d", f->year);
  else
    LIT(out, "null");
  LIT(out, ",\"period\":");
  json_string_or_null(out, f->period[0] ? f->period : NULL);
  LIT(out, ",\"label\":");
  json_string_or_null(out, f->label);
  LIT(out, ",\"indicator\":");
  json_string_or_null(out, f->indicator);
  LIT(out, ",\"candidates\":");
  json_words(out, f->candidates);
  LIT(out, ",\"kind\":");
  json_string_or_null(out, fact_kind_name(f->kind));
  LIT(out, ",\"value\":");
  json_number(out, f->value);
  LIT(out, ",\"of\":");
  if (f->has_of)
    json_number(out, f->of);
  else
    LIT(out, "null");
  LIT(out, ",\"unit\":");
  json_string_or_null(out, f->unit);
  LIT(out, ",\"approx\":");
  json_string_or_null(out, fact_approx_name(f->approx));
  LIT(out, ",\"plan_of\":");
  json_string_or_null(out, f->plan_of);
  if (f->estimated)
    LIT(out, ",\"estimated\":true,\"sentence\":");
  else
    LIT(out, ",\"estimated\":false,\"sentence\":");
  json_string(out, doc->text + f->sent_start, f->sent_end - f->sent_start);
  LIT(out, ",\"span\":[");
  json_uint(out, f->span_start);
  buf_addc(out, ',');
  json_uint(out, f->span_end);
  LIT(out, "]}\n");
}

/* A TSV field: tabs and newlines become spaces. */
static void tfield(struct buf *out, const char *s, size_t n, bool last) {
  for (size_t i = 0; s && i < n; i++)
    buf_addc(out, s[i] == '\t' || s[i] == '\n' ? ' ' : s[i]);
  buf_addc(out, last ? '\n' : '\t');
}

static void tstr(struct buf *out, const char *s) {
  tfield(out, s ? s : "", s ? strlen(s) : 0, false);
}

static void tsv(struct buf *out, const struct extract_doc *doc,
                const struct fact *f) {
  char num[64];
  tstr(out, doc->name);
  tstr(out, f->locality);
  tstr(out, f->locality_code);
  snprintf(num, sizeof num, "%d", f->year);
  tstr(out, f->year ? num : "");
  tstr(out, f->period);
  tstr(out, f->label);
  tstr(out, f->indicator);
  tstr(out, fact_kind_name(f->kind));
  snprintf(num, sizeof num, "%.15g", f->value);
  tstr(out, num);
  snprintf(num, sizeof num, "%.15g", f->of);
  tstr(out, f->has_of ? num : "");
  tstr(out, f->unit);
  tstr(out, fact_approx_name(f->approx));
  tstr(out, f->estimated ? "true" : "false");
  tfield(out, doc->text + f->sent_start, f->sent_end - f->sent_start, false);
  snprintf(num, sizeof num, "%zu", f->span_start);
  tstr(out, num);
  snprintf(num, sizeof num, "%zu", f->span_end);
  tfield(out, num, strlen(num), true);
}

/* "dev_01.txt: Phú Lương 2024 actual 1.400 tỷ đồng (>, ước) - Giá trị ..." */
static void text(struct buf *out, const struct extract_doc *doc,
                 const struct fact *f) {
  char num[64], of[64];
  text_number_format(num, sizeof num, f->value, -1);
  buf_addf(out, "%s: %s %s %s ", doc->name, f->locality ? f->locality : "?",
           f->period[0] ? f->period : "?", fact_kind_name(f->kind));
  static const char *const signs[] = {"", "> ", "< ", "~ "};
  buf_adds(out, signs[f->approx]);
  buf_adds(out, num);
  if (f->has_of)
    buf_addf(out, "/%s", text_number_format(of, sizeof of, f->of, -1));
  buf_addf(out, " %s", f->unit ? f->unit : "");
  if (f->estimated)
    buf_adds(out, " (ước)");
  buf_addf(out, " - %s", f->label ? f->label : "");
  if (f->indicator)
    buf_addf(out, " [%s]", f->indicator);
  buf_addc(out, '\n');
}

void extract_format_fact(struct buf *out, enum extract_format fmt,
                         const struct extract_doc *doc, const struct fact *f) {
  if (fmt == EXTRACT_JSONL)
    jsonl(out, doc, f);
  else if (fmt == EXTRACT_TSV)
    tsv(out, doc, f);
  else
    text(out, doc, f);
}
