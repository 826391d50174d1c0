/* extract/number.c - the numbers of a sentence that can be figures.
 *
 * A figure is a number with a unit: "7,01%", "30.000 du khách", "12,5 tỷ
 * đồng", "3.104/5.000 hộ", "125-135 triệu đồng", "3 tỷ 362 triệu USD".
 * Numbers are read by text_number_parse (decimal comma, thousands dot; a
 * single comma is always decimal, so "104,267 tấn" is 104.267 tonnes).
 * What is not a figure is dropped here: dates ("20/3/2023", "26-27/12"),
 * times ("17:09"), spans of years ("2021-2025"), ordinals and numbers of
 * documents ("lần thứ 17", "số 28-NQ/TW", "Covid-19"), rankings ("thứ
 * 7/14") and numbers without a unit ("Lượt xem: 3757", "năm 2023"). */
#include <string.h>

#include "extract/extract_int.h"
#include "text/text.h"
#include "util/xalloc.h"

static bool isdig(char c) { return c >= '0' && c <= '9'; }

struct unit_word {
  struct word w;
  int cls;
};

/* Units, longest first where one is a prefix of another. */
static const struct unit_word units[] = {{WORD("lượt du khách"), UNIT_MEASURE},
                                         {WORD("lượt khách"), UNIT_MEASURE},
                                         {WORD("lượt người"), UNIT_MEASURE},
                                         {WORD("lượt"), UNIT_MEASURE},
                                         {WORD("du khách"), UNIT_MEASURE},
                                         {WORD("khách"), UNIT_MEASURE},
                                         {WORD("đồng"), UNIT_MEASURE},
                                         {WORD("usd"), UNIT_MEASURE},
                                         {WORD("đô la"), UNIT_MEASURE},
                                         {WORD("điểm phần trăm"), UNIT_MEASURE},
                                         {WORD("điểm %"), UNIT_MEASURE},
                                         {WORD("tấn"), UNIT_MEASURE},
                                         {WORD("tạ"), UNIT_MEASURE},
                                         {WORD("kg"), UNIT_MEASURE},
                                         {WORD("ha"), UNIT_MEASURE},
                                         {WORD("héc-ta"), UNIT_MEASURE},
                                         {WORD("km"), UNIT_MEASURE},
                                         {WORD("m2"), UNIT_MEASURE},
                                         {WORD("m3"), UNIT_MEASURE},
                                         {WORD("mw"), UNIT_MEASURE},
                                         {WORD("kwh"), UNIT_MEASURE},
                                         {WORD("lít"), UNIT_MEASURE},
                                         {WORD("con"), UNIT_MEASURE},
                                         {WORD("hộ gia đình"), UNIT_ENTITY},
                                         {WORD("hộ"), UNIT_ENTITY},
                                         {WORD("hợp tác xã"), UNIT_ENTITY},
                                         {WORD("tổ hợp tác"), UNIT_ENTITY},
                                         {WORD("xã"), UNIT_ENTITY},
                                         {WORD("phường"), UNIT_ENTITY},
                                         {WORD("thị trấn"), UNIT_ENTITY},
                                         {WORD("huyện"), UNIT_ENTITY},
                                         {WORD("thôn"), UNIT_ENTITY},
                                         {WORD("bản"), UNIT_ENTITY},
                                         {WORD("làng"), UNIT_ENTITY},
                                         {WORD("khu dân cư"), UNIT_ENTITY},
                                         {WORD("doanh nghiệp"), UNIT_ENTITY},
                                         {WORD("dự án"), UNIT_ENTITY},
                                         {WORD("đảng viên"), UNIT_ENTITY},
                                         {WORD("chi bộ"), UNIT_ENTITY},
                                         {WORD("tổ chức cơ sở đảng"), UNIT_ENTITY},
                                         {WORD("tổ chức đảng"), UNIT_ENTITY},
                                         {WORD("căn nhà"), UNIT_ENTITY},
                                         {WORD("ngôi nhà"), UNIT_ENTITY},
                                         {WORD("căn"), UNIT_ENTITY},
                                         {WORD("nhà"), UNIT_ENTITY},
                                         {WORD("tiêu chí"), UNIT_ENTITY},
                                         {WORD("đơn vị cấp huyện"), UNIT_ENTITY},
                                         {WORD("học sinh"), UNIT_ENTITY},
                                         {WORD("trường học"), UNIT_ENTITY},
                                         {WORD("trường"), UNIT_ENTITY},
                                         {WORD("công trình"), UNIT_ENTITY},
                                         {WORD("sản phẩm"), UNIT_ENTITY},
                                         {WORD("mô hình"), UNIT_ENTITY},
                                         {WORD("phòng học"), UNIT_ENTITY},
                                         {WORD("giường bệnh"), UNIT_ENTITY},
                                         {WORD("bác sĩ"), UNIT_ENTITY},
                                         {WORD("cụm công nghiệp"), UNIT_ENTITY},
                                         {WORD("khu công nghiệp"), UNIT_ENTITY},
                                         {WORD("người"), UNIT_ENTITY},
                                         {WORD("lao động"), UNIT_ENTITY},
                                         {WORD("việc làm"), UNIT_ENTITY},
                                         {WORD("hội viên"), UNIT_ENTITY},
                                         {WORD("đoàn viên"), UNIT_ENTITY},
                                         {WORD("nhóm nhiệm vụ"), UNIT_PLAN},
                                         {WORD("nhóm giải pháp"), UNIT_PLAN},
                                         {WORD("nhóm chỉ tiêu"), UNIT_PLAN},
                                         {WORD("chỉ tiêu"), UNIT_PLAN},
                                         {WORD("nhiệm vụ"), UNIT_PLAN},
                                         {WORD("giải pháp"), UNIT_PLAN},
                                         {WORD("khâu đột phá"), UNIT_PLAN},
                                         {WORD("đột phá"), UNIT_PLAN},
                                         {WORD("chương trình"), UNIT_PLAN},
                                         {WORD("lần"), UNIT_TIMES},
                                         {WORD_END, 0}};

static const struct word scales[] = {WORD("nghìn"), WORD("ngàn"), WORD("triệu"),
                                     WORD("tỷ"),    WORD("tỉ"),   WORD_END};

/* Words that make the next number an ordinal, a date part or a name. */
static const struct word not_before[] = {
    WORD("thứ"),     WORD("số"),         WORD("khóa"),       WORD("khoá"),        WORD("ngày"),    WORD("tháng"),
    WORD("năm"),     WORD("quý"),        WORD("giai đoạn"),  WORD("nhiệm kỳ"),    WORD("thời kỳ"), WORD("đề án"),
    WORD("chỉ thị"), WORD("quyết định"), WORD("nghị quyết"), WORD("kế hoạch số"), WORD("top"),     WORD("tốp"),
    WORD("lớp"),     WORD("phiên"),      WORD("điều"),       WORD("khoản"),       WORD("mục"),     WORD("chương"),
    WORD("lần"),     WORD("đợt"),        WORD("tuần"),       WORD("lúc"),         WORD("vào"),     WORD("mỗi"),
    WORD_END};

/* Is 'c' a dash: "-" or "–" (U+2013)? Returns its byte length or 0. */
static size_t dash_at(const struct sent *st, size_t i) {
  if (i < st->len && st->lw[i] == '-')
    return 1;
  if (i + 2 < st->len && memcmp(st->lw + i, "\xE2\x80\x93", 3) == 0)
    return 3;
  return 0;
}

/* The unit word at 'i', or NULL; its length in '*n'. */
static const struct unit_word *unit_at(const struct sent *st, size_t i,
                                       size_t *n) {
  if (i >= st->len)
    return NULL;
  for (int k = 0; units[k].w.s; k++) {
    const char *w = units[k].w.s;
    size_t l = units[k].w.n;
    if (st->lw[i] != w[0])
      continue;
    /* "16.000ha": a unit may follow the digits directly */
    bool glued = i > 0 && isdig(st->lw[i - 1]) &&
                 strncmp(st->lw + i, w, l) == 0 &&
                 !word_byte_at(st, i + l);
    if (glued || word_at_n(st, i, w, l)) {
      *n = l;
      return &units[k];
    }
  }
  return NULL;
}

/* "/người/năm", "/ha", "/xã" after a unit: up to two per-unit parts. */
static size_t per_parts(const struct sent *st, size_t i) {
  for (int k = 0; k < 2; k++) {
    if (i + 1 >= st->len || st->lw[i] != '/' ||
        !word_byte_at(st, i + 1) || isdig(st->lw[i + 1]))
      break;
    i += 1 + word_len(st, i + 1);
  }
  return i;
}

/* Read the unit after a number ending at 'e' into 'nm'. Handles scale
 * words and "3 tỷ 362 triệu USD". Returns false if there is none. */
static bool read_unit(const struct sent *st, size_t e, struct num *nm) {
  size_t u = skip_sp(st, e);
  if (u < st->len && st->lw[u] == '%') {
    nm->ustart = u;
    nm->uend = u + 1;
    nm->unit_class = UNIT_PERCENT;
    nm->end = u + 1;
    /* "giảm 5,3% điểm": percentage points, an amount */
    size_t d = skip_sp(st, u + 1);
    if (word_at(st, d, "điểm")) {
      nm->uend = nm->end = d + strlen("điểm");
      nm->unit_class = UNIT_MEASURE;
      return true;
    }
    if (u + 5 < st->len + 1 && strncmp(st->lw + u + 1, "/năm", 5) == 0) {
      nm->per_year = true;
      nm->end = u + 1 + 5;
    }
    return true;
  }
  size_t ustart = u, n = 0;
  bool scaled = false;
  for (int k = 0; scales[k].s; k++) {
    if (word_at_n(st, u, scales[k].s, scales[k].n)) {
      u = skip_sp(st, u + scales[k].n);
      scaled = true;
      /* "3 tỷ 362 triệu USD" = 3362 triệu USD */
      double m;
      size_t c = text_number_parse(st->lw + u, st->len - u, &m);
      if (c && k >= 3 && word_at(st, skip_sp(st, u + c), "triệu")) {
        nm->value = nm->value * 1000 + m;
        ustart = skip_sp(st, u + c);
        u = skip_sp(st, ustart + strlen("triệu"));
      }
      break;
    }
  }
  /* "71,7 nghìn tỷ đồng": a second scale word */
  for (int k = 0; scaled && scales[k].s; k++) {
    if (word_at_n(st, u, scales[k].s, scales[k].n)) {
      u = skip_sp(st, u + scales[k].n);
      break;
    }
  }
  const struct unit_word *uw = unit_at(st, u, &n);
  if (!uw) {
    if (!scaled)
      return false;
    size_t se = skip_sp_back(st, u);
    nm->ustart = ustart;
    nm->uend = se;
    nm->end = se;
    nm->unit_class = UNIT_MEASURE;
    return true;
  }
  if (scaled && uw->cls != UNIT_MEASURE && uw->cls != UNIT_ENTITY)
    return false;
  nm->ustart = ustart;
  nm->uend = per_parts(st, u + n);
  nm->end = nm->uend;
  nm->unit_class = uw->cls;
  return true;
}

/* Should the number at 'i' be skipped because of what precedes it? */
static bool bad_start(const struct sent *st, size_t i) {
  if (word_byte_before(st, i))
    return true;
  if (i > 0) {
    char p = st->lw[i - 1];
    if (p == '/' || p == ':' || p == '.' || p == ',')
      return i >= 2 && st->lw[i - 2] != ' ';
    if (p == '-' && i >= 2 && st->lw[i - 2] != ' ')
      return true;
  }
  int k;
  size_t a = words_before(st, i, not_before, &k);
  /* "trong số 14/44 chỉ tiêu", "tổng số 30 hộ" are counts */
  if (a != NPOS && strcmp(not_before[k].s, "số") == 0 &&
      (word_before(st, a, "trong") != NPOS ||
       word_before(st, a, "tổng") != NPOS))
    return false;
  /* "bình quân hằng năm 12%": a rate per year, not the year 12 */
  if (a != NPOS && strcmp(not_before[k].s, "năm") == 0 &&
      (word_before(st, a, "hằng") != NPOS ||
       word_before(st, a, "hàng") != NPOS ||
       word_before(st, a, "mỗi") != NPOS))
    return false;
  return a != NPOS;
}

/* After the first number of "A-B" or "A/B", read B. Returns its end or 0. */
static size_t second_number(const struct sent *st, size_t i, double *v) {
  if (i >= st->len || !isdig(st->lw[i]))
    return 0;
  size_t c = text_number_parse(st->lw + i, st->len - i, v);
  return c ? i + c : 0;
}

static bool is_year(double v) { return v >= 1900 && v <= 2100 && v == (int)v; }

/* Try to read one candidate at 'i'. Returns the position to continue from;
 * '*ok' tells whether 'out' (and for a range 'out2') were filled. */
static size_t read_candidate(const struct sent *st, size_t i, struct num *out,
                             struct num *out2, int *nout) {
  double v;
  size_t c = text_number_parse(st->lw + i, st->len - i, &v);
  *nout = 0;
  if (!c)
    return i + 1;
  size_t e = i + c;
  memset(out, 0, sizeof *out);
  out->start = i;
  out->nend = e;
  out->value = v;
  /* "17:09" */
  if (e + 1 < st->len && st->lw[e] == ':' && isdig(st->lw[e + 1]))
    return e + 1;
  if (bad_start(st, i))
    return e;
  /* "14/26 chỉ tiêu", but "20/3/2023" and "19/5" are dates */
  if (e < st->len && st->lw[e] == '/') {
    double y;
    size_t e2 = second_number(st, e + 1, &y);
    if (!e2)
      return e;
    if (e2 < st->len && (st->lw[e2] == '/' || st->lw[e2] == '-'))
      return e2;
    out->of = y;
    out->has_of = true;
    out->nend = e2;
    if (!read_unit(st, e2, out) || out->unit_class == UNIT_TIMES)
      return e2;
    *nout = 1;
    return out->end;
  }
  /* "125-135 triệu đồng", "2021 - 2025", "26-27/12/2022" */
  size_t d0 = skip_sp(st, e);
  size_t dl = dash_at(st, d0);
  if (dl) {
    size_t b = skip_sp(st, d0 + dl);
    double y;
    size_t e2 = second_number(st, b, &y);
    if (e2) {
      if (e2 < st->len && st->lw[e2] == '/')
        return e2;
      if (is_year(v) && is_year(y))
        return e2;
      struct num hi = *out;
      if (!read_unit(st, e2, &hi) || hi.unit_class == UNIT_TIMES)
        return e2;
      *out2 = hi;
      out2->start = b;
      out2->nend = e2;
      out2->value = y;
      out2->approx = APPROX_LT;
      out->ustart = hi.ustart;
      out->uend = hi.uend;
      out->unit_class = hi.unit_class;
      out->per_year = hi.per_year;
      out->end = e;
      out->approx = APPROX_GT;
      out->range_low = true;
      *nout = 2;
      return hi.end;
    }
  }
  if (!read_unit(st, e, out))
    return e;
  /* "3 Chương trình mục tiêu quốc gia" names a set */
  if (out->unit_class == UNIT_PLAN &&
      word_at(st, skip_sp(st, out->uend), "mục tiêu quốc gia"))
    return out->end;
  /* "trên 1 ha canh tác": a per-unit base, not a figure */
  if (v == 1 &&
      (word_before(st, i, "trên") != NPOS || word_before(st, i, "mỗi") != NPOS))
    return out->end;
  *nout = 1;
  return out->end;
}

struct num *number_scan(const struct sent *st, size_t *n) {
  struct num *v = NULL;
  size_t cap = 0;
  *n = 0;
  size_t i = 0;
  while (i < st->len) {
    if (!isdig(st->lw[i])) {
      i++;
      continue;
    }
    struct num a, b;
    int k;
    size_t next = read_candidate(st, i, &a, &b, &k);
    if (k > 0) {
      xgrow((void **)&v, &cap, *n + (size_t)k, sizeof *v);
      v[(*n)++] = a;
      if (k == 2)
        v[(*n)++] = b;
    }
    /* step over the rest of a number we did not take */
    if (next <= i)
      next = i + 1;
    while (next < st->len && isdig(st->lw[next]))
      next++;
    i = next;
  }
  return v;
}
