/* extract/extract.c - the extractor's entry points: normalise a document,
 * find its date and main place, then read it sentence by sentence (see
 * rules.c). Memory is the text plus the facts: each sentence is read and
 * forgotten (its lower-cased copy too), the file as read is dropped once
 * normalised, and the facts' strings live in one pool (pool.c), so a
 * large file costs linear time and about twice its size. The document's
 * own place is known only after its first sentences (or, failing them,
 * at its end): the facts that take it get it at the end. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/xalloc.h"

static const char *const kind_names[FACT_KIND_COUNT] = {
    "actual", "target", "plan_pct", "change_pct", "change", "count"};

const char *fact_kind_name(enum fact_kind kind) {
  if ((int)kind < 0 || (int)kind >= FACT_KIND_COUNT)
    return "actual";
  return kind_names[kind];
}

int fact_kind_parse(const char *s, enum fact_kind *kind) {
  for (int k = 0; k < FACT_KIND_COUNT; k++) {
    if (strcmp(s, kind_names[k]) == 0) {
      *kind = (enum fact_kind)k;
      return 0;
    }
  }
  return -1;
}

const char *fact_approx_name(enum fact_approx a) {
  switch (a) {
  case APPROX_GT:
    return "gt";
  case APPROX_LT:
    return "lt";
  case APPROX_ABOUT:
    return "about";
  default:
    return NULL;
  }
}

int fact_approx_parse(const char *s, enum fact_approx *a) {
  if (!s || !*s || strcmp(s, "null") == 0)
    *a = APPROX_NONE;
  else if (strcmp(s, "gt") == 0)
    *a = APPROX_GT;
  else if (strcmp(s, "lt") == 0)
    *a = APPROX_LT;
  else if (strcmp(s, "about") == 0)
    *a = APPROX_ABOUT;
  else
    return -1;
  return 0;
}

/* The first "năm yyyy" of the text: the year to start from when the
 * document carries no date. */
static int first_year(const char *s, size_t len) {
  const char *key = "năm ";
  size_t kl = strlen(key);
  for (size_t i = 0; i + kl + 4 <= len; i++) {
    if (memcmp(s + i, key, kl) != 0)
      continue;
    const char *p = s + i + kl;
    bool ok = true;
    for (int k = 0; k < 4; k++)
      ok = ok && p[k] >= '0' && p[k] <= '9';
    if (ok && (i + kl + 4 == len || p[4] < '0' || p[4] > '9')) {
      int y = atoi(p);
      if (y >= 1900 && y <= 2100)
        return y;
    }
  }
  return 0;
}

struct run {
  const struct xcfg *x;
  struct extract_doc *doc;
  struct state stt;
  struct place_main main;
};

/* A sentence's places are scanned when the search for the document's
 * place needs them, or when the rules do (sent_places). */
static void on_sentence(void *ud, const struct sent *st) {
  struct run *r = ud;
  struct state *stt = &r->stt;
  stt->pl_done = false;
  stt->pl = NULL;
  stt->np = 0;
  if (!r->main.done) {
    size_t n;
    const struct place *pl = sent_places(r->x, stt, st, &n);
    place_main_sentence(&r->main, st, pl, n);
  }
  rules_sentence(r->x, r->doc, stt, st);
  place_free(stt->pl, stt->np);
}

/* The facts that take the document's place get it now that it is known. */
static void give_doc_place(struct extract_doc *doc, const struct state *stt) {
  const char *name = NULL, *code = NULL;
  if (doc->locality)
    name = pool_intern(doc->pool, doc->locality, strlen(doc->locality));
  if (doc->locality_code)
    code = pool_intern(doc->pool, doc->locality_code,
                       strlen(doc->locality_code));
  for (size_t k = 0; k < stt->n_doc_place; k++) {
    doc->facts.v[stt->doc_place[k]].locality = name;
    doc->facts.v[stt->doc_place[k]].locality_code = code;
  }
}

struct extract_ctx {
  struct xcfg x;
  /* for the documents that do not say (extract_ctx_set_*) */
  const struct locality *locality;
  int year, month, day;
};

struct extract_ctx *extract_ctx_new(const struct config *cfg) {
  /* the context is read-only from here on, and so are the text tables:
   * documents may be extracted with it on several threads */
  text_init();
  sent_lower_init();
  place_init();
  struct extract_ctx *ctx = xcalloc(1, sizeof *ctx);
  xcfg_init(&ctx->x, cfg);
  return ctx;
}

int extract_ctx_set_locality(struct extract_ctx *ctx, const char *s) {
  const struct config *cfg = ctx->x.cfg;
  if (!cfg)
    return -1;
  for (size_t i = 0; i < cfg->n_localities; i++) {
    if (strcmp(cfg->localities[i].code, s) == 0) {
      ctx->locality = &cfg->localities[i];
      return 0;
    }
  }
  const char *code = place_resolve(&ctx->x, s, strlen(s), NULL);
  for (size_t i = 0; code && i < cfg->n_localities; i++) {
    if (strcmp(cfg->localities[i].code, code) == 0) {
      ctx->locality = &cfg->localities[i];
      return 0;
    }
  }
  return -1;
}

void extract_ctx_set_date(struct extract_ctx *ctx, int year, int month,
                          int day) {
  ctx->year = year;
  ctx->month = month;
  ctx->day = day;
}

int extract_date_parse(const char *s, int *year, int *month, int *day) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int k = 0; k < 10; k++) {
    bool dash = k == 4 || k == 7;
    if (dash ? s[k] != '-' : !(s[k] >= '0' && s[k] <= '9'))
      return -1;
  }
  if (s[10])
    return -1;
  int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days[m - 1] ||
      (m == 2 && d == 29 && !leap))
    return -1;
  *year = y;
  *month = m;
  *day = d;
  return 0;
}

void extract_ctx_free(struct extract_ctx *ctx) {
  if (!ctx)
    return;
  xcfg_free(&ctx->x);
  free(ctx);
}

/* Extract the facts of 'doc', whose NFC text is in place. */
static void extract_run(const struct extract_ctx *ctx,
                        struct extract_doc *doc) {
  const struct xcfg *x = &ctx->x;
  doc->pool = pool_new();
  /* the date: the heading's, a byline's (a date in the first lines, or
   * a date line in words), the caller's, a mid-term's */
  struct heading h;
  heading_scan(x, doc->text, doc->len, &h);
  if (h.year) {
    doc->year = h.year;
    doc->month = h.month;
    doc->day = h.day;
  } else {
    when_doc_date(doc, h.end);
  }
  if (!doc->year)
    heading_date_line(doc->text, doc->len, h.end, &doc->year, &doc->month,
                      &doc->day);
  if (!doc->year && ctx->year) {
    doc->year = ctx->year;
    doc->month = ctx->month;
    doc->day = ctx->day;
  }
  if (!doc->year)
    doc->year = when_midterm_year(doc->text, doc->len);
  struct run r;
  memset(&r, 0, sizeof r);
  r.x = x;
  place_main_init(&r.main, x);
  /* the heading's place is the document's: no search for it */
  if (h.place) {
    doc->locality = h.place;
    doc->locality_code = h.code;
    h.place = h.code = NULL;
    r.main.done = true;
  }
  size_t body = h.end;
  heading_free(&h);
  r.doc = doc;
  r.stt.doc_year = doc->year;
  r.stt.list_para = -1;
  r.stt.last_para = -1;
  r.stt.place_para = -1;
  r.stt.cur.kind = PERIOD_YEAR;
  r.stt.cur.year = doc->year ? doc->year : first_year(doc->text, doc->len);
  sentence_split(doc->text, doc->len, body, on_sentence, &r);
  place_main_finish(&r.main, doc, ctx->locality);
  give_doc_place(doc, &r.stt);
  free(r.stt.doc_place);
  free(r.stt.para_place);
  free(r.stt.para_code);
}

/* Fill 'doc' with the NFC form of 'text'; 0, or -1 with 'err'. */
static int doc_open(struct extract_doc *doc, const char *name, const char *text,
                    size_t len, struct err *err) {
  memset(doc, 0, sizeof *doc);
  doc->name = xstrdup(name ? file_basename(name) : "");
  size_t n = 0;
  doc->text = text_normalize(text, len, name, &n, err);
  if (!doc->text) {
    free(doc->name);
    doc->name = NULL;
    return -1;
  }
  doc->len = n;
  return 0;
}

int extract_text(const struct extract_ctx *ctx, const char *name,
                 const char *text, size_t len, struct extract_doc *doc,
                 struct err *err) {
  if (doc_open(doc, name, text, len, err) != 0)
    return -1;
  extract_run(ctx, doc);
  return 0;
}

/* The file as read is freed as soon as its NFC copy is made, so that a
 * large file is held once while its facts are found. */
int extract_file(const struct extract_ctx *ctx, const char *path,
                 struct extract_doc *doc, struct err *err) {
  struct buf b = BUF_INIT;
  memset(doc, 0, sizeof *doc);
  if (file_read(path, &b, err) != 0) {
    buf_free(&b);
    return -1;
  }
  int rc = doc_open(doc, path, buf_str(&b), b.len, err);
  buf_free(&b);
  if (rc == 0)
    extract_run(ctx, doc);
  return rc;
}

void extract_doc_free(struct extract_doc *doc) {
  if (!doc)
    return;
  free(doc->facts.v);
  pool_free(doc->pool);
  free(doc->name);
  free(doc->text);
  free(doc->locality);
  free(doc->locality_code);
  memset(doc, 0, sizeof *doc);
}
