/* tests/unit/test_text.c - UTF-8 checks, NFC, folding, Vietnamese numbers. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "harness.h"
#include "util/buf.h"
#include "util/json.h"
#include "text/lower.h"
#include "text/period.h"
#include "text/text.h"

static double num(const char *s, size_t *used) {
  double v = -1;
  *used = text_number_parse(s, strlen(s), &v);
  return v;
}

static void test_number_parse(void) {
  size_t n;
  DBL_EQ(num("7,01%", &n), 7.01);
  INT_EQ(n, 4);
  DBL_EQ(num("30.000 du khách", &n), 30000);
  INT_EQ(n, 6);
  DBL_EQ(num("2.245.645", &n), 2245645);
  DBL_EQ(num("3.104/5.000", &n), 3104);
  INT_EQ(n, 5);
  DBL_EQ(num("5.000", &n), 5000);
  DBL_EQ(num("10.412,7 tỷ", &n), 10412.7);
  INT_EQ(n, 8);
  DBL_EQ(num("104,267 tấn", &n), 104.267); /* the comma is decimal */
  DBL_EQ(num("1,551,260 lượt", &n), 1551260);
  DBL_EQ(num("6.5 million", &n), 6.5);
  DBL_EQ(num("112,5%", &n), 112.5);
  DBL_EQ(num("2023.", &n), 2023);
  INT_EQ(n, 4);
  DBL_EQ(num("14/26", &n), 14);
  INT_EQ(n, 2);
  num("abc", &n);
  INT_EQ(n, 0);
}

static void test_number_format(void) {
  char b[64];
  STR_EQ(text_number_format(b, sizeof b, 1234.5, 1), "1.234,5");
  STR_EQ(text_number_format(b, sizeof b, 7.01, 2), "7,01");
  STR_EQ(text_number_format(b, sizeof b, 2245645, 0), "2.245.645");
  STR_EQ(text_number_format(b, sizeof b, -1234567.891, 2), "-1.234.567,89");
  STR_EQ(text_number_format(b, sizeof b, 7.0100, -1), "7,01");
  STR_EQ(text_number_format(b, sizeof b, 100, -1), "100");
  STR_EQ(text_number_format(b, sizeof b, -0.001, 1), "0,0");
  STR_EQ(text_number_format(b, sizeof b, 999.96, 1), "1.000,0");
}

static void test_utf8(void) {
  size_t bad = 0;
  INT_EQ(text_utf8_check("Mường Lay", strlen("Mường Lay"), &bad), 0);
  INT_EQ(text_utf8_check("ab\xC3(", 4, &bad), -1);
  INT_EQ(bad, 2);
  INT_EQ(text_utf8_check("\xED\xA0\x80", 3, &bad), -1); /* surrogate */
  INT_EQ(text_utf8_check("\xC0\xAF", 2, &bad), -1);     /* overlong */

  /* NFD "Mường" (u + horn + grave ...) becomes NFC */
  const char nfd[] = "Mu\xCC\x9Bo\xCC\x9B\xCC\x80ng";
  char *n = text_nfc(nfd);
  STR_EQ(n, "Mường");
  free(n);

  struct err err;
  size_t len;
  const char in[] = "\xEF\xBB\xBF"
                    "D\xC3\xB2ng 1\r\nD\xC3\xB2ng 2\r";
  char *t = text_normalize(in, sizeof in - 1, "x.txt", &len, &err);
  STR_EQ(t, "Dòng 1\nDòng 2\n");
  INT_EQ(len, strlen("Dòng 1\nDòng 2\n"));
  free(t);
  const char badtxt[] = "d\xC3\xB2ng 1\nd\xFF";
  OK(text_normalize(badtxt, sizeof badtxt - 1, "x.txt", &len, &err) == NULL);
  INT_EQ(err.line, 2);
  STR_EQ(err.file, "x.txt");
  OK(strstr(err.msg, "byte offset 9") != NULL);
}

static void test_fold(void) {
  char *f = text_fold("Mường  Ảng", strlen("Mường  Ảng"));
  STR_EQ(f, "muong ang");
  free(f);
  f = text_fold("ĐIỆN BIÊN", strlen("ĐIỆN BIÊN"));
  STR_EQ(f, "dien bien");
  free(f);
  f = text_lower("Tổng Thu NGÂN SÁCH", strlen("Tổng Thu NGÂN SÁCH"));
  STR_EQ(f, "tổng thu ngân sách");
  free(f);
  INT_EQ(text_utf8_len("Mường"), 5);
}

static void test_period(void) {
  struct period p;
  char b[64];
  INT_EQ(period_parse("2024-Q3", &p), 0);
  INT_EQ(p.kind, PERIOD_QUARTER);
  INT_EQ(p.n, 3);
  STR_EQ(period_label(&p, b, sizeof b), "quý III/2024");
  INT_EQ(period_parse("2024-9M", &p), 0);
  struct period y = period_ytd(p);
  STR_EQ(period_format(&y, b, sizeof b), "2024-Q3");
  INT_EQ(period_parse("2024-h1", &p), 0);
  STR_EQ(period_format(&p, b, sizeof b), "2024-H1");
  INT_EQ(period_parse("2021-2025", &p), 0);
  INT_EQ(p.kind, PERIOD_SPAN);
  INT_EQ(p.year, 2025);
  struct period q = period_prev_year(p);
  STR_EQ(period_format(&q, b, sizeof b), "2020-2024");
  INT_EQ(period_parse("2024-M05", &p), 0);
  STR_EQ(period_label(&p, b, sizeof b), "tháng 5/2024");
  INT_EQ(period_parse("2024-Q5", &p), -1);
  INT_EQ(period_parse("24", &p), -1);
  INT_EQ(period_parse("2025-2021", &p), -1);
  INT_EQ(period_parse("2024-Q4", &p), 0);
  y = period_ytd(p);
  STR_EQ(period_format(&y, b, sizeof b), "2024");
}

/* A long text is normalised in chunks: the result must be the NFC of the
 * whole, wherever a chunk ends (after a newline, between CR and LF, in a
 * line without newlines, next to combining marks). */
static void test_normalize_chunks(void) {
  static const char *const pieces[] = {
      "Mu\xCC\x9Bo\xCC\x9B\xCC\x80ng Lay ", /* NFD "Mường Lay " */
      "\r\n",
      "\r",
      "\n",
      "ta\xCC\x86ng 7,5%",
      "\xCC\x81",
      "a",
      " ",
      "\0"};
  enum { N = 200000 };
  char *in = malloc(N + 1);
  unsigned seed = 1;
  size_t n = 0;
  while (n < N - 32) {
    seed = seed * 1103515245u + 12345u;
    const char *p = pieces[(seed >> 16) % 9];
    size_t l = (seed >> 16) % 9 == 8 ? 1 : strlen(p);
    memcpy(in + n, p, l);
    n += l;
  }
  /* The reference: CR and CRLF to LF, NUL to space, then NFC at once. */
  char *ref = malloc(n + 1);
  size_t r = 0;
  for (size_t i = 0; i < n; i++) {
    if (in[i] == '\r' && i + 1 < n && in[i + 1] == '\n')
      continue;
    ref[r++] = in[i] == '\r' ? '\n' : in[i] == '\0' ? ' ' : in[i];
  }
  ref[r] = '\0';
  char *want = text_nfc(ref);
  struct err err;
  size_t len;
  char *got = text_normalize(in, n, "x.txt", &len, &err);
  OK(got != NULL);
  INT_EQ(len, strlen(want));
  OK(strcmp(got, want) == 0);
  free(got);
  /* One long line of non-ASCII letters and marks only, cut before ASCII
   * or not at all. */
  n = 0;
  while (n < N - 8) {
    memcpy(in + n, "\xE1\xBB\x87\xCC\x81", 5); /* ệ + acute */
    n += 5;
  }
  in[n] = '\0';
  free(want);
  want = text_nfc(in);
  got = text_normalize(in, n, "x.txt", &len, &err);
  OK(got != NULL && strcmp(got, want) == 0);
  free(got);
  free(want);
  free(ref);
  free(in);
}

/* text_lower_same by its table is utf8proc_tolower where the lengths
 * agree, for every code point of the Basic Multilingual Plane. */
static void test_lower_same(void) {
  int bad = 0;
  for (utf8proc_int32_t cp = 1; cp < 0x10000; cp++) {
    if (cp >= 0xD800 && cp < 0xE000)
      continue;
    utf8proc_uint8_t in[8], lo[8];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, in + 1);
    in[0] = 'A';
    in[n + 1] = 'b';
    char s[8];
    memcpy(s, in, (size_t)n + 2);
    text_lower_same(s, (size_t)n + 2);
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), lo);
    const utf8proc_uint8_t *want = m == n ? lo : in + 1;
    if (s[0] != 'a' || memcmp(s + 1, want, (size_t)n) != 0 ||
        s[n + 1] != 'b')
      bad++;
  }
  INT_EQ(bad, 0);
}

/* json_number writes a whole number as its digits (below 10^21) and any
 * other value as the shortest decimal that reads back as the value;
 * values with up to four decimals take a shorter way, checked here
 * against the plain search. */
static void json_ref(char *tmp, double v) {
  if (v == floor(v) && fabs(v) < 1e21) {
    snprintf(tmp, 40, "%.0f", v == 0 ? 0.0 : v);
    return;
  }
  for (int p = 1; p <= 17; p++) {
    snprintf(tmp, 40, "%.*g", p, v);
    if (strtod(tmp, NULL) == v)
      break;
  }
}

static void test_json_number(void) {
  static const struct {
    double v;
    const char *want;
  } cases[] = {{53.5, "53.5"},         {-0.05, "-0.05"},
               {0.1 + 0.2, "0.30000000000000004"},
               {1234.5678, "1234.5678"}, {0.0001, "0.0001"},
               {1e-5, "1e-05"},          {12345678901.5, "12345678901.5"},
               {7.01, "7.01"},           {112.5, "112.5"},
               {10, "10"},               {5000, "5000"},
               {30000, "30000"},         {123000, "123000"},
               {-7, "-7"},               {0, "0"},
               {-0.0, "0"},              {-1e6, "-1000000"},
               {1e15, "1000000000000000"},
               {9007199254740994.0, "9007199254740994"},
               {1e20, "100000000000000000000"},
               {1e21, "1e+21"},          {-1e300, "-1e+300"},
               {NAN, "null"},            {INFINITY, "null"}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    struct buf b = BUF_INIT;
    json_number(&b, cases[i].v);
    STR_EQ(b.s, cases[i].want);
    buf_free(&b);
  }
  int differ = 0;
  for (long i = -200000; i <= 200000; i += 7) {
    double vs[] = {i / 10.0, i / 100.0, i / 1000.0, i / 10000.0,
                   i * 1234.567, i / 3.0, i * 1000.0, i * 1e12};
    for (size_t k = 0; k < sizeof vs / sizeof *vs; k++) {
      char want[40];
      json_ref(want, vs[k]);
      struct buf b = BUF_INIT;
      json_number(&b, vs[k]);
      differ += strcmp(b.s, want) != 0 || strtod(b.s, NULL) != vs[k];
      buf_free(&b);
    }
  }
  INT_EQ(differ, 0);
}

/* json_string escapes what JSON needs escaped, at any position (the plain
 * runs are found eight bytes at a time), and keeps UTF-8 as it is. */
static void json_ref_string(struct buf *b, const char *s, size_t n) {
  buf_addc(b, '"');
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\')
      buf_addf(b, "\\%c", c);
    else if (c == '\n')
      buf_adds(b, "\\n");
    else if (c == '\t')
      buf_adds(b, "\\t");
    else if (c == '\r')
      buf_adds(b, "\\r");
    else if (c < 0x20)
      buf_addf(b, "\\u%04x", c);
    else
      buf_addc(b, (char)c);
  }
  buf_addc(b, '"');
}

static void test_json_string(void) {
  static const char in[] = "GRDP \"ước\" 7,01%\\\n\t\r\x01\x1f";
  struct buf b = BUF_INIT;
  json_string(&b, in, sizeof in - 1);
  STR_EQ(b.s, "\"GRDP \\\"ước\\\" 7,01%\\\\\\n\\t\\r\\u0001\\u001f\"");
  buf_free(&b);
  static const char specials[] = {'"', '\\', '\n', '\t', '\r', 1, 0x1f, 0};
  int differ = 0;
  for (size_t len = 0; len <= 20; len++) {
    for (size_t at = 0; at < len; at++) {
      for (size_t k = 0; k < sizeof specials; k++) {
        char s[24];
        memset(s, 'a', len);
        memcpy(s, "đạt", len < 5 ? len : 5);
        s[at] = specials[k];
        struct buf got = BUF_INIT, want = BUF_INIT;
        buf_adds(&got, "x"); /* appends after what the buffer holds */
        buf_adds(&want, "x");
        json_string(&got, s, len);
        json_ref_string(&want, s, len);
        differ += got.len != want.len || memcmp(got.s, want.s, got.len) != 0;
        buf_free(&got);
        buf_free(&want);
      }
    }
  }
  INT_EQ(differ, 0);
}

/* The tables behind text_fold, text_normalize and text_lower_same are
 * built by whichever thread first needs them (pthread_once): four threads
 * start on them at once, before anything else in this program used them,
 * and must all get what one thread gets. (Run under ThreadSanitizer, this
 * is the test that would report a table written while another thread
 * reads it.) */
#define FIRST_USE_THREADS 4
static const char first_use_text[] = "Tổng Thu NGÂN SÁCH\nxã Mường  Ảng";

static void *first_use(void *arg) {
  struct buf *out = arg;
  size_t n;
  struct err err;
  err_clear(&err);
  char *norm = text_normalize(first_use_text, sizeof first_use_text - 1,
                              "t.txt", &n, &err);
  char *fold = text_fold(first_use_text, sizeof first_use_text - 1);
  char low[sizeof first_use_text];
  memcpy(low, first_use_text, sizeof low);
  text_lower_same(low, sizeof low - 1);
  buf_addf(out, "%s|%s|%s", norm ? norm : "(null)", fold, low);
  free(norm);
  free(fold);
  return NULL;
}

static void test_first_use_threads(void) {
  pthread_t t[FIRST_USE_THREADS];
  struct buf got[FIRST_USE_THREADS];
  for (int i = 0; i < FIRST_USE_THREADS; i++) {
    got[i] = (struct buf)BUF_INIT;
    INT_EQ(pthread_create(&t[i], NULL, first_use, &got[i]), 0);
  }
  for (int i = 0; i < FIRST_USE_THREADS; i++)
    pthread_join(t[i], NULL);
  for (int i = 0; i < FIRST_USE_THREADS; i++) {
    STR_EQ(got[i].s, "Tổng Thu NGÂN SÁCH\nxã Mường  Ảng|"
                     "tong thu ngan sach xa muong ang|"
                     "tổng thu ngân sách\nxã mường  ảng");
    buf_free(&got[i]);
  }
}

int main(void) {
  test_first_use_threads(); /* first: the tables are not built yet */
  test_json_number();
  test_json_string();
  test_period();
  test_number_parse();
  test_number_format();
  test_utf8();
  test_fold();
  test_lower_same();
  test_normalize_chunks();
  return DONE();
}
