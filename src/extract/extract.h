/* extract/extract.h - indicator facts from one Vietnamese document.
 *
 * A document's text is normalised (text_normalize: UTF-8 checked, BOM and
 * CR dropped, NFC), split into sentences, and every number a careful reader
 * would take as a target or result becomes a 'struct fact' with its label,
 * kind, period, locality, bounds and the span of the source sentence.
 * Field meanings follow DESIGN.md (Fact) and the gold format of the eval
 * corpus. Extraction never fails on text: an unreadable sentence gives no
 * fact. Only I/O and invalid UTF-8 are errors. */
#ifndef CHITIEU_EXTRACT_EXTRACT_H
#define CHITIEU_EXTRACT_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"
#include "util/err.h"

enum fact_kind {
  FACT_ACTUAL = 0, /* achieved: đạt, ước đạt, thực hiện, hoàn thành */
  FACT_TARGET, /* planned: kế hoạch, mục tiêu, phấn đấu, dự toán */
  FACT_PLAN_PCT,   /* % of plan: "đạt 112,5% dự toán" */
  FACT_CHANGE_PCT, /* % change: "tăng 28,93%", "bằng 103,5% cùng kỳ" */
  FACT_CHANGE, /* absolute change: "tăng 1,49 triệu đồng so cùng kỳ" */
  FACT_COUNT   /* indicators/tasks: "14/26 chỉ tiêu", "11 nhiệm vụ" */
};
#define FACT_KIND_COUNT 6

enum fact_approx {
  APPROX_NONE = 0,
  APPROX_GT,   /* hơn, trên, vượt, từ ... trở lên */
  APPROX_LT,   /* dưới, chưa đến */
  APPROX_ABOUT /* khoảng, gần, xấp xỉ */
};

/* A fact's strings belong to its document (extract_doc.pool): they are
 * valid until extract_doc_free, and many facts share one copy. */
struct fact {
  const char *locality;      /* as written, without the level word */
  const char *locality_code; /* resolved against localities.yaml, or NULL */
  int year;                  /* the year the number is about */
  char period[24];           /* "2023", "2023-Q1", "2023-H1", "2023-9M",
                                "2021-2025" (plan span), "2020/2025" (average) */
  const char *label;         /* the indicator as the text names it */
  const char *indicator;     /* catalogue code, or NULL (goes to review) */
  const char *candidates;    /* when several indicators fit equally: their
                                codes, space-separated (indicator NULL) */
  enum fact_kind kind;
  double value;
  double of; /* denominator of "X/Y", valid if has_of */
  bool has_of;
  const char *unit; /* as written, scale word kept: "tỷ đồng", "%" */
  enum fact_approx approx;
  bool estimated;              /* ước, dự kiến, dự báo, sơ bộ */
  const char *plan_of;         /* whose plan a target or % of plan is:
                                  "trung_uong", "tinh", "huyen", "hdnd",
                                  "nghi_quyet", or NULL */
  size_t sent_start, sent_end; /* the sentence: byte offsets [start,end)
                                  into the document's NFC text */
  size_t span_start, span_end; /* the number (and its unit) */
};

struct fact_list {
  struct fact *v;
  size_t n, cap;
};

struct extract_pool; /* extract/pool.c */

/* One document and the facts found in it. */
struct extract_doc {
  char *name; /* base name of the file: "dev_01.txt" */
  char *text; /* the NFC text the offsets refer to */
  size_t len;
  int year, month, day; /* the document's own date, 0 if not found */
  char *locality;       /* the main locality, as written, or NULL */
  char *locality_code;  /* resolved, or NULL */
  struct fact_list facts;
  struct extract_pool *pool; /* owns the strings of the facts */
};

/* The config made ready for matching (names and aliases folded and
 * sorted), built once and shared by all the documents extracted with it.
 * 'cfg' may be NULL (no resolution of labels and places); it must outlive
 * the context. extract_ctx_free accepts NULL. Once made, the context is
 * only read: several threads may extract documents with one context at
 * once (each with its own extract_doc and err). */
struct extract_ctx;
struct extract_ctx *extract_ctx_new(const struct config *cfg);
void extract_ctx_free(struct extract_ctx *ctx);
/* What to take for the documents that do not say (docs/extraction.md):
 * call before extracting. A document's heading block, byline or title
 * wins; these fill in what it leaves unsaid. The place is a locality code
 * or name of the context's config: -1 if it knows none such (or has no
 * config), else 0. */
int extract_ctx_set_locality(struct extract_ctx *ctx, const char *s);
void extract_ctx_set_date(struct extract_ctx *ctx, int year, int month,
                          int day);
/* Parse "YYYY-MM-DD", a real day of 1900-2100: 0, or -1. */
int extract_date_parse(const char *s, int *year, int *month, int *day);

/* Extract the facts of 'text' ('len' bytes, any UTF-8 with or without BOM,
 * NFC or NFD, LF or CRLF) named 'name' (used as doc name and in errors),
 * with the indicator aliases and localities of 'ctx'. Fills 'doc' (free
 * with extract_doc_free). Returns 0, or -1 with 'err' for invalid UTF-8. */
int extract_text(const struct extract_ctx *ctx, const char *name,
                 const char *text, size_t len, struct extract_doc *doc,
                 struct err *err);

/* Read 'path' and extract as above; doc->name is the file's base name. */
int extract_file(const struct extract_ctx *ctx, const char *path,
                 struct extract_doc *doc, struct err *err);

void extract_doc_free(struct extract_doc *doc);

/* "actual", "target", "plan_pct", "change_pct", "change", "count". */
const char *fact_kind_name(enum fact_kind kind);
/* Parse a kind name; returns 0 or -1 if unknown. */
int fact_kind_parse(const char *s, enum fact_kind *kind);
/* "gt", "lt", "about", or NULL for APPROX_NONE. */
const char *fact_approx_name(enum fact_approx a);
int fact_approx_parse(const char *s, enum fact_approx *a);

#endif
