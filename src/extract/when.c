/* extract/when.c - the document's date and the years and periods a
 * sentence names.
 *
 * The document's own date is its heading's (heading.c), else the first
 * full date "d/m/yyyy" (or "d-m-yyyy") in its first three lines after the
 * heading: the byline ("17:09, 06/12/2024", "Thứ Năm, 30/11/2023", "Thời
 * gian đăng: 15/01/2021") or the lead ("Sáng ngày 16/02/2023"). Without
 * one, a mid-term review ("Sơ kết giữa nhiệm kỳ 2020 – 2025") dates itself
 * in the term's middle year (when_midterm_year; extract.c decides).
 *
 * In a sentence: "năm 2023", "quý I/2024", "6 tháng đầu năm", "9 tháng",
 * "tháng 12", "giai đoạn 2021-2025", "3 năm 2021 - 2023", "năm nay",
 * "năm tới". Years after "so với" or "cùng kỳ" are baselines; terms of
 * office ("nhiệm kỳ 2020-2025", "thời kỳ 2021-2030", "tầm nhìn đến năm
 * 2050") are not periods of figures. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/xalloc.h"

static bool isdig(char c) { return c >= '0' && c <= '9'; }

/* The years a text may name. */
#define YEAR_MIN 1900
#define YEAR_MAX 2100

/* A 4-digit year YEAR_MIN-YEAR_MAX at 's' (not followed by a digit), else
 * 0. */
static int year_at(const char *s, size_t len) {
  if (len < 4)
    return 0;
  for (int k = 0; k < 4; k++)
    if (!isdig(s[k]))
      return 0;
  if (len > 4 && isdig(s[4]))
    return 0;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
          (s[3] - '0');
  return y >= YEAR_MIN && y <= YEAR_MAX ? y : 0;
}

int when_year_at(const char *s, size_t len) { return year_at(s, len); }

/* Read 1-2 digits at 's'; returns count, value in '*v'. */
static size_t small_at(const char *s, size_t len, int *v) {
  size_t n = 0;
  *v = 0;
  while (n < 2 && n < len && isdig(s[n])) {
    *v = *v * 10 + (s[n] - '0');
    n++;
  }
  if (n < len && isdig(s[n]))
    return 0;
  return n;
}

/* Is 'i' inside parentheses on its line ("(12/12/1953-12/12/2023)")? */
static bool in_parens(const char *s, size_t i) {
  while (i > 0 && s[i - 1] != '\n') {
    if (s[i - 1] == ')')
      return false;
    if (s[i - 1] == '(')
      return true;
    i--;
  }
  return false;
}

/* A date "d/m/yyyy" or "d-m-yyyy" at 'i' of 's'; returns its year or 0.
 * Dates in parentheses are the dates of something else. */
static int date_at(const char *s, size_t len, size_t i) {
  if (i > 0 && (isdig(s[i - 1]) || s[i - 1] == '/'))
    return 0;
  if (in_parens(s, i))
    return 0;
  int d, m;
  size_t a = small_at(s + i, len - i, &d);
  if (!a || d < 1 || d > 31 || i + a >= len)
    return 0;
  char sep = s[i + a];
  if (sep != '/' && sep != '-')
    return 0;
  size_t b = small_at(s + i + a + 1, len - i - a - 1, &m);
  if (!b || m < 1 || m > 12 || i + a + 1 + b >= len || s[i + a + 1 + b] != sep)
    return 0;
  size_t y0 = i + a + 1 + b + 1;
  return year_at(s + y0, len - y0);
}

int when_midterm_year(const char *text, size_t len) {
  const char *key = "giữa nhiệm kỳ";
  size_t kl = strlen(key);
  for (size_t i = 0; i + kl < len; i++) {
    if (memcmp(text + i, key, kl) != 0)
      continue;
    /* the first "yyyy - yyyy" within the next 300 bytes */
    for (size_t j = i + kl; j < len && j < i + kl + 300; j++) {
      int a = year_at(text + j, len - j);
      if (!a)
        continue;
      size_t k = j + 4;
      while (k < len &&
             (text[k] == ' ' || text[k] == '-' ||
              (unsigned char)text[k] >= 0x80) &&
             k < j + 10)
        k++;
      int b = year_at(text + k, len - k);
      if (b > a)
        return a + (b - a + 1) / 2;
      break;
    }
  }
  return 0;
}

void when_doc_date(struct extract_doc *doc, size_t from) {
  const char *s = doc->text;
  size_t len = doc->len, i = from;
  int lines = 0;
  while (i < len && lines < 3) {
    const char *nl = memchr(s + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - s) : len;
    bool blank = true;
    for (size_t k = i; k < end; k++) {
      if (s[k] != ' ' && s[k] != '\t')
        blank = false;
      int y = isdig(s[k]) ? date_at(s, end, k) : 0;
      if (y) {
        int d, m;
        size_t a = small_at(s + k, end - k, &d);
        small_at(s + k + a + 1, end - k - a - 1, &m);
        doc->year = y;
        doc->month = m;
        doc->day = d;
        return;
      }
    }
    if (!blank)
      lines++;
    i = end + 1;
  }
}

/* Words before a year that make it a baseline: "so với năm 2022",
 * "cùng kỳ năm 2021", "cao hơn năm 2023", "thấp hơn năm trước". */
static const struct word baseline_before[] = {
    WORD("so với cùng kỳ"), WORD("so cùng kỳ"), WORD("so với"), WORD("so"), WORD("cùng kỳ"), WORD("với"),
    WORD("thời điểm"),      WORD("hơn"),        WORD("lần"), /* "gấp 6 lần năm 2024" */
    WORD_END};
/* Words between a baseline cue and its year: "so với cuối năm 2022",
 * "giảm 2% so với đầu năm". */
static const struct word baseline_point[] = {WORD("cuối"),      WORD("đầu"),    WORD("giữa"),
                                             WORD("hết"),       WORD("thực hiện"), /* "so với thực hiện năm 2023" */
                                             WORD("kết quả"),   WORD_END};
static const struct word term_before[] = {
    WORD("giá so sánh"),  WORD("so sánh"),        WORD("giá"),  WORD("nhiệm kỳ"), WORD("thời kỳ"),
    WORD("tầm nhìn đến"), WORD("định hướng đến"), WORD("khóa"), WORD("tầm nhìn"), WORD_END};

static const struct word term_spans[] = {WORD("nhiệm kỳ"), WORD("thời kỳ"), WORD_END};
/* A plan's span: "mục tiêu, nhiệm vụ, giải pháp 2025-2030". */
static const struct word plan_spans[] = {WORD("mục tiêu"),  WORD("kế hoạch"),     WORD("nhiệm vụ"),
                                         WORD("giải pháp"), WORD("định hướng"),   WORD("chỉ tiêu"),
                                         WORD("phương hướng"), WORD_END};

static void add(struct when **v, size_t *n, size_t *cap, struct when w) {
  xgrow((void **)v, cap, *n + 1, sizeof **v);
  (*v)[(*n)++] = w;
}

/* Roman numeral quarter at 'i' ("i", "ii", "iii", "iv"); returns length. */
static size_t roman_q(const struct sent *st, size_t i, int *q) {
  static const struct word r[] = {WORD("iv"), WORD("iii"), WORD("ii"), WORD("i"), WORD_END};
  static const int qv[] = {4, 3, 2, 1};
  for (int k = 0; r[k].s; k++) {
    size_t l = r[k].n;
    if (i + l <= st->len && memcmp(st->lw + i, r[k].s, l) == 0 &&
        !word_byte_at(st, i + l)) {
      *q = qv[k];
      return l;
    }
  }
  return 0;
}

/* Verbs of a ranking right after a year. */
static const struct word ranking_after[] = {WORD("xếp hạng"), WORD("xếp thứ"), WORD("đứng thứ"),
                                            WORD_END};

/* Classify the year word at 'pos' (the start of "năm" or the digits). */
static void mark_context(const struct sent *st, size_t pos, struct when *w,
                         bool *skip) {
  *skip = words_before(st, pos, term_before, NULL) != NPOS;
  int k;
  size_t p = words_before(st, pos, baseline_point, &k);
  size_t b = words_before(st, p != NPOS ? p : pos, baseline_before, &k);
  /* "Tỷ lệ hộ nghèo cuối năm 2024 còn 28,5%": a point in time dates its
   * own figures, it does not frame the sentences after it */
  if (p != NPOS)
    w->local = true;
  if (b != NPOS) {
    w->compare = true;
    if (word_before(st, b, "của") != NPOS)
      w->owner = true;
  }
  /* "chỉ số cải cách hành chính năm 2023 xếp hạng thứ 43/63": the year of
   * a ranking dates that ranking only */
  size_t e = skip_sp(st, pos + 4);
  while (e < st->len && e < pos + 16 && st->lw[e] != ' ')
    e++;
  if (words_in(st, e, e + 24 < st->len ? e + 24 : st->len, ranking_after))
    w->local = true;
}

/* "năm 2023", "năm 2021 - 2023", "năm nay", "năm tới". */
static size_t scan_nam(const struct sent *st, size_t i, int doc_year,
                       struct when **v, size_t *n, size_t *cap) {
  size_t j = skip_sp(st, i + strlen("năm"));
  struct when w = {i, {PERIOD_YEAR, 0, 0}, false, false, false};
  bool skip;
  mark_context(st, i, &w, &skip);
  int y = year_at(st->lw + j, st->len - j);
  if (y) {
    w.p.year = y;
    size_t k = skip_sp(st, j + 4);
    size_t dl =
        k < st->len && st->lw[k] == '-'                                   ? 1
        : (k + 2 < st->len && memcmp(st->lw + k, "\xE2\x80\x93", 3) == 0) ? 3
                                                                          : 0;
    if (dl) {
      size_t m = skip_sp(st, k + dl);
      int y2 = year_at(st->lw + m, st->len - m);
      if (y2 > y) {
        w.p.kind = PERIOD_SPAN;
        w.p.n = y;
        w.p.year = y2;
        j = m;
      }
    }
    if (!skip)
      add(v, n, cap, w);
    return j + 4;
  }
  if (doc_year && word_at(st, j, "nay")) {
    w.p.year = doc_year;
    add(v, n, cap, w);
  } else if (doc_year && (word_at(st, j, "tới") || word_at(st, j, "sau")) &&
             word_before(st, i, "những") == NPOS &&
             word_before(st, i, "các") == NPOS) {
    /* "năm tới": for this sentence only */
    w.p.year = doc_year + 1;
    w.local = true;
    add(v, n, cap, w);
  }
  return j;
}

/* "giai đoạn 2021-2025", "(2021 - 2023)": spans of years. */
static size_t scan_span(const struct sent *st, size_t i, struct when **v,
                        size_t *n, size_t *cap) {
  int y = year_at(st->lw + i, st->len - i);
  size_t k = skip_sp(st, i + 4);
  size_t dl = k < st->len && st->lw[k] == '-' ? 1
              : (k + 2 < st->len && memcmp(st->lw + k, "\xE2\x80\x93", 3) == 0)
                  ? 3
                  : 0;
  if (!dl)
    return i + 4;
  size_t m = skip_sp(st, k + dl);
  int y2 = year_at(st->lw + m, st->len - m);
  if (y2 <= y)
    return i + 4;
  /* "Nhiệm kỳ 2025-2030, Đảng bộ đặt mục tiêu ...": a term opening the
   * sentence is the period of what follows, unlike "Đại hội ... nhiệm kỳ
   * 2025-2030" naming a body */
  size_t t = words_before(st, i, term_spans, NULL);
  if (word_before(st, i, "giai đoạn") != NPOS || t == 0 ||
      words_before(st, i, plan_spans, NULL) != NPOS) {
    struct when w = {i, {PERIOD_SPAN, y2, y}, false, false, false};
    add(v, n, cap, w);
  }
  return m + 4;
}

/* "quý I/2024", "quý II", "quý III năm 2023". */
static size_t scan_quy(const struct sent *st, size_t i, struct when **v,
                       size_t *n, size_t *cap) {
  size_t j = skip_sp(st, i + strlen("quý"));
  int q;
  size_t l = roman_q(st, j, &q);
  if (!l)
    return j;
  struct when w = {i, {PERIOD_QUARTER, 0, q}, false, false, false};
  bool skip;
  mark_context(st, i, &w, &skip);
  size_t k = j + l;
  if (k < st->len && st->lw[k] == '/')
    w.p.year = year_at(st->lw + k + 1, st->len - k - 1);
  add(v, n, cap, w);
  return k;
}

/* "6 tháng đầu năm", "6 tháng", "9 tháng", "nửa đầu năm", "tháng 12". */
static size_t scan_thang(const struct sent *st, size_t i, struct when **v,
                         size_t *n, size_t *cap) {
  struct when w = {i, {PERIOD_YEAR, 0, 0}, false, false, false};
  bool skip;
  mark_context(st, i, &w, &skip);
  if (word_at(st, i, "6 tháng") || word_at(st, i, "nửa đầu năm")) {
    w.p.kind = PERIOD_HALF;
  } else if (word_at(st, i, "9 tháng")) {
    w.p.kind = PERIOD_9M;
  } else if (word_at(st, i, "tháng")) {
    size_t j = skip_sp(st, i + strlen("tháng"));
    int m;
    size_t l = small_at(st->lw + j, st->len - j, &m);
    if (!l || m < 1 || m > 12 ||
        (j + l < st->len && st->lw[j + l] == '/' &&
         !year_at(st->lw + j + l + 1, st->len - j - l - 1)))
      return i + 1;
    w.p.kind = PERIOD_MONTH;
    w.p.n = m;
    if (j + l < st->len && st->lw[j + l] == '/')
      w.p.year = year_at(st->lw + j + l + 1, st->len - j - l - 1);
  } else {
    return i + 1;
  }
  /* "6 tháng đầu năm 2019" carries its year */
  size_t e = word_find(st, i, i + 40 < st->len ? i + 40 : st->len, "năm");
  if (e != NPOS) {
    size_t j = skip_sp(st, e + strlen("năm"));
    w.p.year = year_at(st->lw + j, st->len - j);
  }
  if (!w.compare)
    add(v, n, cap, w);
  return i + 1;
}

/* The words a period starts with, and what reads it. A row's 'after_digit'
 * says whether it may follow a number ("5 tháng" is a duration, not the
 * month "tháng 5"). The years ("2023", "2021-2025", "cùng kỳ 2018") start
 * with a digit: the row HEAD_YEAR, with no word. when_scan tries only the
 * bytes that start some row: their set is made from this table
 * (when_head_bytes) for sent_lower, never kept by hand. */
enum head { HEAD_NAM, HEAD_QUY, HEAD_THANG, HEAD_YEAR };
struct period_head {
  struct word w;
  enum head head;
  bool after_digit;
};
static const struct period_head heads[] = {
    {WORD("năm"), HEAD_NAM, true},          {WORD("quý"), HEAD_QUY, true},
    {WORD("6 tháng"), HEAD_THANG, true},    {WORD("9 tháng"), HEAD_THANG, true},
    {WORD("nửa đầu năm"), HEAD_THANG, true}, {WORD("tháng"), HEAD_THANG, false},
    {WORD_END, HEAD_YEAR, true}};
#define N_HEADS (sizeof heads / sizeof *heads - 1)

void when_head_bytes(bool set[128]) {
  memset(set, 0, 128 * sizeof *set);
  for (size_t k = 0; k < N_HEADS; k++) {
    unsigned char c = (unsigned char)heads[k].w.s[0];
    if (c >= 0x80)
      continue; /* sent_lower marks ASCII bytes only: every head starts
                   with one */
    set[c] = true;
    if (c >= 'a' && c <= 'z')
      set[c - 'a' + 'A'] = true;
  }
  for (int y = YEAR_MIN; y <= YEAR_MAX; y += 100) /* first digits */
    set['0' + y / 1000] = true;
}

/* The row of 'heads' that starts at 'i', or NULL. */
static const struct period_head *head_at(const struct sent *st, size_t i) {
  for (size_t k = 0; k < N_HEADS; k++) {
    const struct period_head *h = &heads[k];
    if (st->lw[i] != h->w.s[0] || !word_at_n(st, i, h->w.s, h->w.n))
      continue;
    /* "5 tháng", "trong 3 tháng": a duration */
    if (!h->after_digit && i >= 2 && isdig(st->lw[skip_sp_back(st, i) - 1]))
      continue;
    return h;
  }
  return NULL;
}

struct when *when_scan(const struct sent *st, int doc_year, size_t *n) {
  struct when *v = NULL;
  size_t cap = 0;
  *n = 0;
  size_t i = 0;
  while (i < st->len) {
    /* every period starts a word with one of those bytes (WB_WHEN) */
    while (i < st->len && !(st->wb[i] & WB_WHEN))
      i++;
    if (i >= st->len)
      break;
    const struct period_head *h = head_at(st, i);
    int y = h ? 0 : year_at(st->lw + i, st->len - i);
    if (h && h->head == HEAD_NAM) {
      i = scan_nam(st, i, doc_year, &v, n, &cap);
    } else if (h && h->head == HEAD_QUY) {
      i = scan_quy(st, i, &v, n, &cap);
    } else if (h) {
      i = scan_thang(st, i, &v, n, &cap);
    } else if (y) {
      /* "cùng kỳ 2018" */
      struct when w = {i, {PERIOD_YEAR, y, 0}, false, false, false};
      bool skip;
      mark_context(st, i, &w, &skip);
      /* "Trong 2023, ...": a year named without "năm" */
      bool framed = word_before(st, i, "trong") != NPOS &&
                    !(i + 4 < st->len && (st->lw[i + 4] == '-' ||
                                          st->lw[i + 4] == '/'));
      if ((w.compare || framed) && !skip)
        add(&v, n, &cap, w);
      i = scan_span(st, i, &v, n, &cap);
    } else {
      i++;
    }
  }
  return v;
}
