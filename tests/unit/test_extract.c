/* tests/unit/test_extract.c - one Vietnamese sentence per rule of the
 * extractor, with words and numbers different from the eval corpus. Each
 * check extracts a short text without config and looks at the facts. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/format.h"
#include "harness.h"

/* Without config: one context for all the checks. */
static struct extract_ctx *no_cfg;

/* Extract 'text' (a title line is prepended when 'title' is set). */
static struct extract_doc run(const char *text) {
  struct extract_doc doc;
  struct err err;
  err_clear(&err);
  if (extract_text(no_cfg, "t.txt", text, strlen(text), &doc, &err) != 0)
    memset(&doc, 0, sizeof doc);
  return doc;
}

/* The fact whose value is 'v', or NULL. */
static const struct fact *with(const struct extract_doc *d, double v) {
  for (size_t i = 0; i < d->facts.n; i++)
    if (fabs(d->facts.v[i].value - v) < 1e-9)
      return &d->facts.v[i];
  return NULL;
}

#define KIND(d, v, k)                                                          \
  do {                                                                         \
    const struct fact *f_ = with(&(d), (v));                                   \
    OK(f_ != NULL);                                                            \
    if (f_)                                                                    \
      STR_EQ(fact_kind_name(f_->kind), (k));                                   \
  } while (0)

static void numbers_and_units(void) {
  struct extract_doc d = run("Huyện Tân Lạc: năm 2022 tổng thu ngân sách đạt "
                             "2.245.645 triệu đồng; sản lượng cá đạt 104,267 "
                             "tấn; diện tích lúa đạt 3.210ha.\n");
  OK(with(&d, 2245645) != NULL);
  OK(with(&d, 104.267) != NULL); /* a single comma is decimal */
  OK(with(&d, 3210) != NULL);    /* unit glued to the digits */
  if (with(&d, 2245645))
    STR_EQ(with(&d, 2245645)->unit, "triệu đồng");
  extract_doc_free(&d);
  d = run("Năm 2021, kim ngạch xuất khẩu đạt 2 tỷ 150 triệu USD.\n");
  OK(with(&d, 2150) != NULL);
  if (with(&d, 2150))
    STR_EQ(with(&d, 2150)->unit, "triệu USD");
  extract_doc_free(&d);
}

static void not_facts(void) {
  struct extract_doc d =
      run("Hội nghị lần thứ 12, khóa XV, nhiệm kỳ 2020-2025 họp ngày 14/3/2022 "
          "lúc 08:30, theo Nghị quyết số 15-NQ/TU; kỷ niệm 60 năm thành lập "
          "huyện; tỉnh đứng thứ 9/63 tỉnh, thành phố; phòng chống Covid-19 "
          "trong 3 năm. Lượt xem: 2.412\n1.1. Sản xuất nông nghiệp\n");
  INT_EQ(d.facts.n, 0);
  extract_doc_free(&d);
  d = run("");
  INT_EQ(d.facts.n, 0);
  extract_doc_free(&d);
}

static void kinds(void) {
  struct extract_doc d =
      run("Năm 2022, thu ngân sách trên địa bàn ước đạt 812,4 tỷ đồng, bằng "
          "118,2% dự toán và bằng 96,5% cùng kỳ; vốn đầu tư tăng 12,75%; "
          "thu nhập bình quân tăng 2,3 triệu đồng so cùng kỳ; số hộ nghèo giảm "
          "4,1%.\n");
  KIND(d, 812.4, "actual");
  KIND(d, 118.2, "plan_pct");
  KIND(d, -3.5, "change_pct"); /* 96,5% of last year */
  KIND(d, 12.75, "change_pct");
  KIND(d, 2.3, "change");
  KIND(d, -4.1, "change_pct");
  OK(with(&d, 812.4) && with(&d, 812.4)->estimated);
  OK(with(&d, 118.2) && with(&d, 118.2)->estimated); /* same clause */
  extract_doc_free(&d);
  d = run("Năm 2020, thu nội địa vượt 27% dự toán; tỷ lệ che phủ rừng "
          "tăng lên 44,5%; sản lượng chè gấp 2 lần năm 2015.\n");
  KIND(d, 127, "plan_pct");
  KIND(d, 44.5, "actual");
  KIND(d, 2, "actual");
  extract_doc_free(&d);
}

static void targets_and_counts(void) {
  struct extract_doc d =
      run("Năm 2025, huyện phấn đấu thu ngân sách đạt 95 tỷ đồng, tốc độ tăng "
          "trưởng đạt 9,5%; xác định 21 chỉ tiêu chủ yếu, 7 nhiệm vụ trọng tâm "
          "và 4 giải pháp.\n");
  KIND(d, 95, "target");
  KIND(d, 9.5, "target");
  KIND(d, 21, "count");
  KIND(d, 7, "count");
  KIND(d, 4, "count");
  extract_doc_free(&d);
  d = run("Năm 2021, có 17/22 chỉ tiêu đạt và vượt kế hoạch; 3 chỉ tiêu đạt "
          "trên 80%.\n");
  const struct fact *f = with(&d, 17);
  OK(f && f->has_of && f->of == 22);
  KIND(d, 80, "plan_pct");
  OK(with(&d, 80) && with(&d, 80)->approx == APPROX_GT);
  extract_doc_free(&d);
  d = run("Tình hình năm 2022\n\nThứ Hai, 12/12/2022\n\nNăm 2023, tỉnh sẽ "
          "đón 3,2 triệu lượt khách.\n");
  KIND(d, 3.2, "target"); /* a year after the document's date */
  extract_doc_free(&d);
}

static void bounds_and_ranges(void) {
  struct extract_doc d =
      run("Năm 2022, xã có khoảng 1.200 hộ; đón hơn 45.000 lượt khách; tỷ lệ "
          "hộ nghèo dưới 3%; giá trị thu trên 1 ha đạt 150-160 triệu đồng.\n");
  OK(with(&d, 1200) && with(&d, 1200)->approx == APPROX_ABOUT);
  OK(with(&d, 45000) && with(&d, 45000)->approx == APPROX_GT);
  OK(with(&d, 3) && with(&d, 3)->approx == APPROX_LT);
  OK(with(&d, 150) && with(&d, 150)->approx == APPROX_GT);
  OK(with(&d, 160) && with(&d, 160)->approx == APPROX_LT);
  OK(with(&d, 1) == NULL); /* "trên 1 ha" is a base */
  extract_doc_free(&d);
}

static void periods_and_places(void) {
  struct extract_doc d =
      run("Kinh tế Cao Bằng quý III\n\nQuý III/2023, doanh thu đạt 12 tỷ đồng. "
          "9 tháng, thu ngân sách đạt 900 tỷ đồng. Huyện Bảo Lạc đón khoảng "
          "5.000 lượt khách; cả nước đạt 6,5%.\n");
  const struct fact *f = with(&d, 12);
  OK(f && strcmp(f->period, "2023-Q3") == 0);
  f = with(&d, 900);
  OK(f && strcmp(f->period, "2023-9M") == 0);
  f = with(&d, 5000);
  OK(f && f->locality && strcmp(f->locality, "Bảo Lạc") == 0);
  f = with(&d, 6.5);
  OK(f && f->locality && strcmp(f->locality, "Việt Nam") == 0);
  STR_EQ(d.locality, "Cao Bằng");
  extract_doc_free(&d);
  /* "so với cùng kỳ năm 2019" is a baseline, not the year */
  d = run("Năm 2020, sản lượng đạt 30 tấn, tăng 4% so với cùng kỳ năm "
          "2019.\n");
  OK(with(&d, 4) && with(&d, 4)->year == 2020);
  extract_doc_free(&d);
}

static void input_forms(void) {
  /* BOM, CRLF, NFD ("đạt" with combining marks) */
  const char *t = "\xEF\xBB\xBFNăm 2022, sản lượng \x64\xCC\x9B" /* junk ok */
                  "\r\ntổng thu đạt 5 tỷ đồng.\r\n";
  struct extract_doc d = run(t);
  OK(with(&d, 5) != NULL);
  extract_doc_free(&d);
  struct err err;
  err_clear(&err);
  const char bad[] = "Năm 2022 \xC3\x28 đạt 5 tỷ đồng";
  OK(extract_text(no_cfg, "bad.txt", bad, sizeof bad - 1, &d, &err) == -1);
  OK(strstr(err.msg, "10") != NULL || err.col > 0 || err.line > 0);
}

static void formats(void) {
  struct extract_doc d = run("Năm 2022, huyện đạt 7,5% \"tăng\".\n");
  OK(d.facts.n == 1);
  struct buf b = BUF_INIT;
  if (d.facts.n) {
    extract_format_fact(&b, EXTRACT_JSONL, &d, &d.facts.v[0]);
    OK(strstr(b.s, "\"value\":7.5") != NULL);
    OK(strstr(b.s, "\\\"tăng\\\"") != NULL);
    OK(strstr(b.s, "\"locality_code\":null") != NULL);
    buf_reset(&b);
    extract_format_fact(&b, EXTRACT_TSV, &d, &d.facts.v[0]);
    OK(strchr(b.s, '\t') != NULL);
  }
  enum extract_format fmt;
  OK(extract_format_parse("tsv", &fmt) == 0 && fmt == EXTRACT_TSV);
  OK(extract_format_parse("xml", &fmt) == -1);
  enum fact_kind k;
  OK(fact_kind_parse("plan_pct", &k) == 0 && k == FACT_PLAN_PCT);
  buf_free(&b);
  extract_doc_free(&d);
}

/* The place of a figure: a paragraph opened by "Tại huyện X," is about
 * X; a known place inside the name of a battle or a bridge is not a
 * place; a comparison year is not carried to the next sentence. */
static void places_and_baselines(void) {
  struct locality locs[2];
  memset(locs, 0, sizeof locs);
  locs[0].code = (char *)"lang-son";
  locs[0].name = (char *)"Lạng Sơn";
  locs[0].level = (char *)"tỉnh";
  locs[0].parent_idx = -1;
  locs[1].code = (char *)"dong-dang";
  locs[1].name = (char *)"Đồng Đăng";
  locs[1].level = (char *)"thị trấn";
  locs[1].parent = (char *)"lang-son";
  locs[1].parent_idx = 0;
  struct config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.localities = locs;
  cfg.n_localities = 2;
  const char *t = "Kinh tế tỉnh Lạng Sơn năm 2025\n"
                  "Thời gian đăng: 20/12/2025\n"
                  "Tại huyện Cao Lộc, thu ngân sách đạt 210 tỷ đồng, cao hơn "
                  "năm 2024. Huyện đón 41.000 lượt khách.\n"
                  "Lễ hội Đồng Đăng thu hút 12.500 lượt khách.\n";
  struct extract_doc d;
  struct err err;
  err_clear(&err);
  struct extract_ctx *ctx = extract_ctx_new(&cfg);
  OK(extract_text(ctx, "p.txt", t, strlen(t), &d, &err) == 0);
  /* the context serves many documents: a second one gives the same */
  struct extract_doc d2;
  OK(extract_text(ctx, "p.txt", t, strlen(t), &d2, &err) == 0);
  OK(d2.facts.n == d.facts.n);
  extract_doc_free(&d2);
  extract_ctx_free(ctx);
  const struct fact *f = with(&d, 41000);
  OK(f && f->locality && strcmp(f->locality, "Cao Lộc") == 0);
  OK(f && f->year == 2025);
  f = with(&d, 12500);
  OK(f && f->locality && strcmp(f->locality, "Lạng Sơn") == 0);
  extract_doc_free(&d);
}

/* Indicator codes from the phrase that governs a figure: the nearest and
 * longest alias wins; two indicators named alike are both candidates and
 * neither is chosen; a one-byte alias counts as a whole word only; a
 * figure whose unit does not suit the indicator is not linked to it. */
static void indicator_aliases(void) {
  char *aliases[] = {(char *)"thu ngân sách nhà nước"};
  struct indicator ind[4];
  memset(ind, 0, sizeof ind);
  ind[0].code = (char *)"one";
  ind[0].name = (char *)"Q";
  ind[0].unit = (char *)"tỷ đồng";
  ind[1].code = (char *)"tax";
  ind[1].name = (char *)"thu ngân sách";
  ind[1].unit = (char *)"tỷ đồng";
  ind[1].aliases = aliases;
  ind[1].n_aliases = 1;
  ind[2].code = (char *)"tax2";
  ind[2].name = (char *)"Thu ngân sách";
  ind[2].unit = (char *)"tỷ đồng";
  ind[3].code = (char *)"visits";
  ind[3].name = (char *)"lượt khách";
  ind[3].unit = (char *)"lượt";
  struct config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.indicators = ind;
  cfg.n_indicators = 4;
  const char *t = "Năm 2022, thu ngân sách nhà nước đạt 15 tỷ đồng. Năm "
                  "2022, thu ngân sách đạt 12 tỷ đồng. Năm 2022, chỉ số Q "
                  "đạt 7 tỷ đồng. Năm 2022, chỉ số Qa đạt 3 tỷ đồng. Năm "
                  "2022, lượt khách đạt 9 tỷ đồng, đón 8 nghìn lượt.\n";
  struct extract_doc d;
  struct err err;
  err_clear(&err);
  struct extract_ctx *ctx = extract_ctx_new(&cfg);
  OK(extract_text(ctx, "i.txt", t, strlen(t), &d, &err) == 0);
  extract_ctx_free(ctx);
  const struct fact *f = with(&d, 15);
  OK(f && f->indicator && strcmp(f->indicator, "tax") == 0);
  f = with(&d, 12);
  OK(f && !f->indicator && f->candidates &&
     strcmp(f->candidates, "tax tax2") == 0);
  f = with(&d, 7);
  OK(f && f->indicator && strcmp(f->indicator, "one") == 0);
  f = with(&d, 3);
  OK(f && !f->indicator && !f->candidates);
  f = with(&d, 9);
  OK(f && !f->indicator);
  f = with(&d, 8); /* "8 nghìn lượt" */
  OK(f && f->indicator && strcmp(f->indicator, "visits") == 0);
  extract_doc_free(&d);
}

/* The facts' strings live in the document's pool: a repeated unit or
 * place is one copy, and each label is its own. */
static void pooled_strings(void) {
  struct extract_doc d = run("Năm 2022, thu ngân sách đạt 15 tỷ đồng; chi "
                             "ngân sách đạt 12 tỷ đồng.\n");
  const struct fact *a = with(&d, 15), *b = with(&d, 12);
  OK(a && b && a->unit == b->unit);
  OK(a && b && a->label != b->label);
  OK(a && strcmp(a->unit, "tỷ đồng") == 0);
  extract_doc_free(&d);
  extract_doc_free(NULL);
}

/* Crashes found by tests/fuzz/fuzz_extract, kept as regressions. */
static void fuzz_regressions(void) {
  /* an acronym opening the title: read past the end of a name list */
  struct extract_doc d = run("h/LL: 9 th\xC3\xA1n");
  INT_EQ(d.facts.n, 0);
  extract_doc_free(&d);
}

int main(void) {
  no_cfg = extract_ctx_new(NULL);
  fuzz_regressions();
  numbers_and_units();
  not_facts();
  kinds();
  targets_and_counts();
  bounds_and_ranges();
  periods_and_places();
  places_and_baselines();
  indicator_aliases();
  pooled_strings();
  input_forms();
  formats();
  extract_ctx_free(no_cfg);
  extract_ctx_free(NULL);
  return DONE();
}
