/* tests/unit/test_pdf.c - the PDF writer: Vietnamese text and a chart on
 * a page, read back with poppler (pdftotext, pdffonts) and checked with
 * qpdf; tables across pages, bookmarks, links, errors, reproducible bytes
 * and the atomic save. Tests needing a missing tool say so and pass. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "pdf/pdf.h"
#include "util/buf.h"
#include "util/file.h"

static char dir[] = "/tmp/chitieu-pdf-XXXXXX";

static const char *fonts_dir(void) {
  static char path[1024];
  const char *src = getenv("SRC");
  snprintf(path, sizeof path, "%s/fonts", src ? src : ".");
  return path;
}

static char *tmp_path(const char *name) {
  static char p[8][1200];
  static int k;
  k = (k + 1) % 8;
  snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
  return p[k];
}

static bool have(const char *tool) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
  return system(cmd) == 0;
}

/* Run 'cmd' and return its stdout (caller frees) or NULL if it failed. */
static char *run(const char *cmd) {
  FILE *p = popen(cmd, "r");
  if (!p)
    return NULL;
  struct buf b = BUF_INIT;
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
    buf_add(&b, chunk, n);
  int st = pclose(p);
  if (st != 0) {
    buf_free(&b);
    return NULL;
  }
  return buf_detach(&b);
}

static const struct chart_item poverty[] = {
    {"2022", CHART_V(9.1), CHART_V(9.5), CHART_NONE},
    {"2023", CHART_V(7.9), CHART_V(8.0), CHART_NONE},
    {"2024", CHART_EST(6.5), CHART_V(7.01), CHART_NONE},
};

/* A one-page report: heading, paragraph, chart, table. */
static struct pdf_doc *sample(struct err *err) {
  struct pdf_doc *doc = pdf_doc_new(fonts_dir(), err);
  if (!doc)
    return NULL;
  pdf_doc_info(doc, "Báo cáo Mường Lay", "UBND thị xã Mường Lay",
               "Chỉ tiêu 2024", err);
  pdf_page_add(doc, PDF_A4, PDF_PORTRAIT, err);
  pdf_text(doc, 56, 80, "Thị xã Mường Lay", &PDF_H1, err);
  double h = 0;
  pdf_paragraph(doc, 56, 95, 480,
                "Tỷ lệ hộ nghèo giảm còn 6,5% (ước), đạt kế hoạch 7,01%. "
                "Ẳng Tở, Nậm Pồ, Điện Biên Phủ: các chữ có dấu phải giữ "
                "đúng dấu khi in.",
                &PDF_BODY, true, &h, err);
  struct chart c = {0};
  c.kind = CHART_TREND;
  c.title = "Tỷ lệ hộ nghèo";
  c.unit = "%";
  c.direction = DIR_LOWER;
  c.decimals = -1;
  c.items = poverty;
  c.n_items = 3;
  pdf_chart(doc, &c, 56, 95 + h + 10, 300, 200, NULL, err);
  static const struct pdf_col cols[] = {{"Chỉ tiêu", 200, CANVAS_LEFT},
                                        {"Kế hoạch", 80, CANVAS_RIGHT},
                                        {"Thực hiện", 80, CANVAS_RIGHT}};
  static const char *const cells[] = {"Tỷ lệ hộ nghèo",   "7,01", "6,5",
                                      "Tăng trưởng GRDP", "7,0",  "7,2"};
  struct pdf_table t = {cols, 3, cells, NULL, NULL, 2, 9, true, true, 1};
  pdf_table_draw(doc, &t, 0, 56, 95 + h + 230, 800, NULL, err);
  return doc;
}

static void test_roundtrip(void) {
  struct err err;
  err_clear(&err);
  struct pdf_doc *doc = sample(&err);
  OK(doc != NULL);
  if (!doc)
    return;
  STR_EQ(err.msg, "");
  const char *out = tmp_path("a.pdf");
  INT_EQ(pdf_doc_save(doc, out, &err), 0);
  pdf_doc_free(doc);
  if (!have("pdftotext") || !have("qpdf") || !have("pdffonts")) {
    SKIP("the round trip's poppler and qpdf checks: pdftotext, qpdf or "
         "pdffonts missing (Debian poppler-utils, qpdf)");
    return;
  }
  char cmd[2600];
  snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 %s - 2>%s", out,
           tmp_path("stderr.txt"));
  char *text = run(cmd);
  OK(text != NULL);
  if (text) {
    OK(strstr(text, "Mường Lay") != NULL);
    OK(strstr(text, "Tỷ lệ hộ nghèo") != NULL);
    OK(strstr(text, "7,01") != NULL);
    OK(strstr(text, "Ẳng Tở") != NULL);
    OK(strstr(text, "Thực hiện") != NULL);
  }
  free(text);
  /* poppler prints no warning (the /ToUnicode map is valid) */
  struct stat st;
  OK(stat(tmp_path("stderr.txt"), &st) == 0 && st.st_size == 0);
  snprintf(cmd, sizeof cmd, "qpdf --check %s >/dev/null 2>&1", out);
  INT_EQ(system(cmd), 0);
  snprintf(cmd, sizeof cmd, "pdffonts %s 2>&1", out);
  char *fonts = run(cmd);
  OK(fonts != NULL);
  if (fonts) {
    /* both styles, each a subset ("ABCDEF+" prefix), embedded, subset and
     * with a /ToUnicode map: "emb sub uni" = "yes yes yes" */
    int n = 0;
    for (char *l = strtok(fonts, "\n"); l; l = strtok(NULL, "\n")) {
      if (!strstr(l, "+NotoSans-"))
        continue;
      n++;
      OK(strstr(l, "CID TrueType") != NULL);
      OK(strstr(l, "yes yes yes") != NULL);
    }
    INT_EQ(n, 2);
  }
  free(fonts);
  snprintf(cmd, sizeof cmd, "pdfinfo %s 2>&1", out);
  char *info = run(cmd);
  if (info) {
    OK(strstr(info, "Báo cáo Mường Lay") != NULL);
    OK(strstr(info, "chitieu") != NULL);
  }
  free(info);
}

static void test_reproducible(void) {
  struct err err;
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  for (int i = 0; i < 2; i++) {
    struct pdf_doc *doc = sample(&err);
    OK(doc && pdf_doc_save(doc, tmp_path(i ? "r2.pdf" : "r1.pdf"), &err) == 0);
    pdf_doc_free(doc);
  }
  unsetenv("SOURCE_DATE_EPOCH");
  struct buf a = BUF_INIT, b = BUF_INIT;
  OK(file_read(tmp_path("r1.pdf"), &a, &err) == 0);
  OK(file_read(tmp_path("r2.pdf"), &b, &err) == 0);
  OK(a.len > 0 && a.len == b.len && memcmp(a.s, b.s, a.len) == 0);
  OK(strstr(a.s, "D:20231114") != NULL); /* 1700000000 */
  buf_free(&a);
  buf_free(&b);
}

static void test_table_pages(void) {
  struct err err;
  struct pdf_doc *doc = pdf_doc_new(fonts_dir(), &err);
  OK(doc != NULL);
  if (!doc)
    return;
  enum { N = 90 };
  static char num[N][32];
  static const char *cells[N * 2];
  for (int i = 0; i < N; i++) {
    snprintf(num[i], sizeof num[i], "%d,5", i);
    cells[2 * i] = i == 7 ? "Một tên rất dài của một chỉ tiêu, đủ dài để "
                            "phải xuống dòng trong ô của bảng"
                          : "Xã Lay Nưa";
    cells[2 * i + 1] = num[i];
  }
  static const struct pdf_col cols[] = {{"Địa phương", 150, CANVAS_LEFT},
                                        {"Giá trị", 60, CANVAS_RIGHT}};
  struct pdf_table t = {cols, 2, cells, NULL, NULL, N, 9, true, false, 1};
  int first = 0, pages = 0;
  while (first < N && pages < 10) {
    INT_EQ(pdf_page_add(doc, PDF_A4, PDF_PORTRAIT, &err), pages);
    double y_end = 0;
    int k = pdf_table_draw(doc, &t, first, 56, 56, 786, &y_end, &err);
    OK(k > 0);
    if (k <= 0)
      break;
    OK(y_end <= 786);
    first += k;
    pages++;
  }
  INT_EQ(first, N);
  OK(pages >= 2);
  /* near the bottom nothing fits: 0 rows, nothing drawn */
  double y_end = 0;
  INT_EQ(pdf_table_draw(doc, &t, 0, 56, 780, 786, &y_end, &err), 0);
  DBL_EQ(y_end, 780);

  /* an empty table is its header */
  struct pdf_table empty = t;
  empty.n_rows = 0;
  INT_EQ(pdf_table_draw(doc, &empty, 0, 56, 600, 786, &y_end, &err), 0);
  OK(y_end > 600 && y_end < 630);

  /* bookmarks and links */
  int top = pdf_outline_add(doc, -1, "Phần I. Tổng quan", 0, 0, &err);
  OK(top >= 0);
  OK(pdf_outline_add(doc, top, "Mường Lay", 1, 100, &err) >= 0);
  OK(pdf_outline_add(doc, -1, "x", 99, 0, &err) < 0);
  INT_EQ(pdf_page_select(doc, 0, &err), 0);
  INT_EQ(pdf_link(doc, 56, 56, 200, 12, 1, 0, &err), 0);
  const char *out = tmp_path("table.pdf");
  INT_EQ(pdf_doc_save(doc, out, &err), 0);
  pdf_doc_free(doc);
  if (have("pdftotext") && have("qpdf")) {
    char cmd[2600];
    snprintf(cmd, sizeof cmd, "qpdf --check %s >/dev/null 2>&1", out);
    INT_EQ(system(cmd), 0);
    /* the header repeats on the second page */
    snprintf(cmd, sizeof cmd, "pdftotext -f 2 -l 2 %s - 2>/dev/null", out);
    char *p2 = run(cmd);
    OK(p2 && strstr(p2, "Địa phương") != NULL);
    free(p2);
    snprintf(cmd, sizeof cmd, "qpdf --json --json-key=outlines %s", out);
    char *js = run(cmd);
    OK(js && strstr(js, "Phần I. Tổng quan") != NULL);
    free(js);
  }
}

static void test_errors(void) {
  struct err err;
  /* missing font folder: the error names the file */
  OK(pdf_doc_new("no-such-fonts", &err) == NULL);
  OK(strstr(err.file, "NotoSans-Regular.ttf") != NULL);
  /* a file that is not a font */
  FILE *fp = fopen(tmp_path("NotoSans-Regular.ttf"), "w");
  fputs("not a font", fp);
  fclose(fp);
  OK(pdf_doc_new(dir, &err) == NULL);
  OK(strstr(err.file, "NotoSans-Regular.ttf") != NULL);
  OK(strstr(err.msg, "TrueType") != NULL);
  unlink(tmp_path("NotoSans-Regular.ttf"));

  struct pdf_doc *doc = pdf_doc_new(fonts_dir(), &err);
  OK(doc != NULL);
  if (!doc)
    return;
  OK(pdf_text(doc, 0, 0, "x", &PDF_BODY, &err) < 0); /* no page yet */
  pdf_page_add(doc, PDF_A4, PDF_LANDSCAPE, &err);
  OK(pdf_page_width(doc) > pdf_page_height(doc));
  OK(pdf_text(doc, 10, 10, "M\xC6\xB0\xE1", &PDF_BODY, &err) < 0);
  OK(strstr(err.msg, "UTF-8") != NULL);
  OK(pdf_text(doc, 10, 10, "漢字", &PDF_BODY, &err) < 0);
  OK(strstr(err.msg, "U+6F22") != NULL);
  /* NFD input is drawn as NFC: same width */
  double w1 = pdf_text_width(doc, "Mường", 10, false);
  double w2 = pdf_text_width(doc, "Mu\xCC\x9Bo\xCC\x9B\xCC\x80ng", 10, false);
  DBL_EQ(w1, w2);
  OK(w1 > 20 && w1 < 40);
  /* the document is still good after rejected text */
  INT_EQ(pdf_text(doc, 10, 20, "Mường", &PDF_BODY, &err), 0);

  /* a missing folder, and a failed save keeps the old file */
  INT_EQ(pdf_doc_save(doc, "no-such-dir/x.pdf", &err), -1);
  OK(strstr(err.msg, "does not exist") != NULL);
  const char *good = tmp_path("good.pdf");
  fp = fopen(good, "w");
  fputs("old", fp);
  fclose(fp);
  chmod(dir, 0500);
  int rc = pdf_doc_save(doc, good, &err);
  chmod(dir, 0700);
  if (geteuid() != 0) {
    INT_EQ(rc, -1);
    struct buf b = BUF_INIT;
    OK(file_read(good, &b, &err) == 0 && strcmp(b.s, "old") == 0);
    buf_free(&b);
  }
  INT_EQ(pdf_doc_save(doc, good, &err), 0);

  /* encryption: still readable text, high-resolution print allowed */
  INT_EQ(pdf_doc_encrypt(doc, "chủ", NULL, true, &err), 0);
  const char *enc = tmp_path("enc.pdf");
  INT_EQ(pdf_doc_save(doc, enc, &err), 0);
  pdf_doc_free(doc);
  if (have("qpdf")) {
    char cmd[2600];
    snprintf(cmd, sizeof cmd, "qpdf --show-encryption %s 2>&1", enc);
    char *s = run(cmd);
    OK(s && strstr(s, "print high resolution: allowed") != NULL);
    OK(s && strstr(s, "extract for any purpose: not allowed") != NULL);
    free(s);
  }
}

/* CHITIEU_BENCH=N: time N charts (6 a page, all kinds in turn) into one
 * PDF and print the time and size (docs/charts.md quotes it). */
static void bench(int n) {
  struct err err;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  struct pdf_doc *doc = pdf_doc_new(fonts_dir(), &err);
  if (!doc)
    return;
  static const struct chart_item loc[] = {
      {"Mường Lay", CHART_V(7.01), CHART_V(6.5), CHART_NONE},
      {"Điện Biên Phủ", CHART_V(8.2), CHART_V(8.0), CHART_NONE},
      {"Mường Nhé", CHART_V(5.1), CHART_V(7.0), CHART_NONE},
      {"Tủa Chùa", CHART_NONE, CHART_V(6.0), CHART_NONE}};
  for (int i = 0; i < n; i++) {
    if (i % 6 == 0)
      pdf_page_add(doc, PDF_A4, PDF_PORTRAIT, &err);
    struct chart c = {0};
    c.kind = (enum chart_kind)(i % 5);
    c.title = "Tỷ lệ hộ nghèo";
    c.unit = "%";
    c.decimals = -1;
    c.items = c.kind == CHART_TREND || c.kind == CHART_VARIANCE ? poverty : loc;
    c.n_items = c.kind == CHART_TREND || c.kind == CHART_VARIANCE ? 3 : 4;
    c.n_met = 14;
    c.n_near = 5;
    c.n_missed = 4;
    c.n_nodata = 3;
    double x = 40 + (i % 2) * 262, y = 40 + ((i / 2) % 3) * 255;
    if (pdf_chart(doc, &c, x, y, 250, 240, NULL, &err) != 0) {
      fprintf(stderr, "bench: %s\n", err.msg);
      break;
    }
  }
  const char *out = tmp_path("bench.pdf");
  pdf_doc_save(doc, out, &err);
  pdf_doc_free(doc);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  struct stat st;
  stat(out, &st);
  printf("bench: %d charts, %d pages: %.2f s, %.2f MB\n", n, (n + 5) / 6,
         (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
         (double)st.st_size / 1e6);
}

/* The 134 Vietnamese letters with diacritics (and đ, Đ, ₫ and the
 * punctuation reports use) are in both shipped fonts, which are subsets
 * (fonts/README.md), and come back from pdftotext in both weights. */
static void test_letters(void) {
  static const char *const lines[] = {
      "àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị",
      "òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ đ",
      "ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ ÈÉẺẼẸ ÊỀẾỂỄỆ ÌÍỈĨỊ",
      "ÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ ÙÚỦŨỤ ƯỪỨỬỮỰ ỲÝỶỸỴ Đ",
      "1.234,5 ₫ – — “” ‘’ … · • ± × ÷ ° % ‰ № ² ½ © µ Ω"};
  struct err err;
  err_clear(&err);
  struct pdf_doc *doc = pdf_doc_new(fonts_dir(), &err);
  OK(doc != NULL);
  if (!doc)
    return;
  OK(pdf_page_add(doc, PDF_A4, PDF_PORTRAIT, &err) == 0);
  struct pdf_style st = PDF_BODY;
  st.size = 14;
  for (int bold = 0; bold < 2; bold++) {
    st.bold = bold;
    for (int i = 0; i < 5; i++)
      INT_EQ(pdf_text(doc, 40, 60 + (bold * 5 + i) * 30, lines[i], &st, &err),
             0);
  }
  STR_EQ(err.msg, "");
  const char *out = tmp_path("letters.pdf");
  INT_EQ(pdf_doc_save(doc, out, &err), 0);
  pdf_doc_free(doc);
  if (!have("pdftotext")) {
    SKIP("the letters' pdftotext check: no pdftotext (Debian "
         "poppler-utils)");
    return;
  }
  char cmd[1400];
  snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 %s -", out);
  char *text = run(cmd);
  OK(text != NULL);
  for (int i = 0; text && i < 5; i++) {
    /* each line twice: regular, then bold */
    const char *a = strstr(text, lines[i]);
    OK(a != NULL && strstr(a + 1, lines[i]) != NULL);
  }
  free(text);
}

/* Furniture: a form drawn on three pages is written inline on the first
 * and as one form XObject painted by the second and third; a form met
 * once stays inline; the text is on every page; forms do not nest and
 * hold no page change. */
static void test_forms(void) {
  struct err err;
  err_clear(&err);
  struct pdf_doc *doc = pdf_doc_new(fonts_dir(), &err);
  OK(doc != NULL);
  if (!doc)
    return;
  struct rgba grey = {0.9, 0.9, 0.9, 1};
  for (int p = 0; p < 3; p++) {
    INT_EQ(pdf_page_add(doc, PDF_A4, PDF_PORTRAIT, &err), p);
    /* the same furniture at a different place on each page */
    double y = 100 + 50 * p;
    INT_EQ(pdf_form_begin(doc, 40, y, &err), 0);
    INT_EQ(pdf_form_begin(doc, 40, y, &err), -1); /* no nesting */
    INT_EQ(pdf_page_add(doc, PDF_A4, PDF_PORTRAIT, &err), -1);
    pdf_rect(doc, 40, y, 200, 20, &grey, NULL, 0, &err);
    pdf_text(doc, 44, y + 14, "Chỉ tiêu chung", &PDF_BODY, &err);
    INT_EQ(pdf_form_end(doc, &err), 0);
    INT_EQ(pdf_form_end(doc, &err), -1); /* none open */
    char own[32];
    snprintf(own, sizeof own, "Trang riêng %d", p + 1);
    INT_EQ(pdf_text(doc, 44, y + 40, own, &PDF_BODY, &err), 0);
  }
  INT_EQ(pdf_form_begin(doc, 40, 600, &err), 0);
  pdf_text(doc, 44, 614, "Chỉ một lần", &PDF_BODY, &err);
  INT_EQ(pdf_form_end(doc, &err), 0);
  const char *out = tmp_path("forms.pdf");
  INT_EQ(pdf_doc_save(doc, out, &err), 0);
  pdf_doc_free(doc);
  struct buf b = BUF_INIT;
  OK(file_read(out, &b, &err) == 0);
  /* the file has binary streams: search it byte by byte */
  int forms = 0;
  const char *key = "/Subtype /Form";
  for (size_t i = 0; b.s && i + strlen(key) <= b.len; i++)
    forms += memcmp(b.s + i, key, strlen(key)) == 0;
  INT_EQ(forms, 1);
  buf_free(&b);
  if (!have("pdftotext") || !have("qpdf")) {
    SKIP("the forms' qpdf and pdftotext checks: pdftotext or qpdf missing "
         "(Debian poppler-utils, qpdf)");
    return;
  }
  char cmd[1400];
  snprintf(cmd, sizeof cmd, "qpdf --check %s >/dev/null 2>&1", out);
  INT_EQ(system(cmd), 0);
  for (int p = 1; p <= 3; p++) {
    snprintf(cmd, sizeof cmd, "pdftotext -f %d -l %d -enc UTF-8 %s -", p, p,
             out);
    char *text = run(cmd);
    OK(text && strstr(text, "Chỉ tiêu chung"));
    char own[32];
    snprintf(own, sizeof own, "Trang riêng %d", p);
    OK(text && strstr(text, own));
    OK(text && (p == 3) == (strstr(text, "Chỉ một lần") != NULL));
    free(text);
  }
}

int main(void) {
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  test_roundtrip();
  test_letters();
  test_forms();
  test_reproducible();
  test_table_pages();
  test_errors();
  if (getenv("CHITIEU_BENCH"))
    bench(atoi(getenv("CHITIEU_BENCH")));
  char cmd[1200];
  if (!getenv("KEEP_TMP")) {
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
      fprintf(stderr, "could not remove %s\n", dir);
  } else {
    printf("kept %s\n", dir);
  }
  cairo_debug_reset_static_data();
  return DONE();
}
