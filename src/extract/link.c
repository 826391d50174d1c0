/* extract/link.c - which catalogue indicator a figure measures.
 *
 * A figure is linked through the noun phrase that governs it, not through
 * one exact alias: the sentence is folded once (case and diacritics off,
 * offsets kept) and every row of the indicators' lexicon found in it is a
 * "hit" (xcfg: names and aliases, head terms, needs and excludes). For a
 * figure, the hits in its own phrase (from the start of its part of the
 * sentence to its verb), in its unit and in the words after a counted
 * unit ("10 xã đạt chuẩn nông thôn mới") are tried first, nearest first.
 * Only when its own phrase names nothing ("..., tăng 9,01%", "đạt 58,2
 * tỷ đồng") are the hits further back in the sentence tried: the figure
 * is then about the subject named before it. A phrase that names
 * something the catalogue lacks ("thu nội địa đạt ...") links to nothing.
 *
 * A hit stands for its indicator only if the figure fits it: its unit is
 * of the indicator's kind (money, %, or the counted thing), a head term
 * has one of its "needs" near it, and none of its "excludes" is near the
 * figure. A rise or fall of an indicator that declares "change" is that
 * other indicator ("tỷ lệ hộ nghèo giảm 1,6%" is the poverty reduction).
 * Two indicators that fit equally well are both named as candidates and
 * the figure is left for review. */
#define _GNU_SOURCE /* memrchr */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "text/text.h"
#include "util/xalloc.h"

/* Syllables that name nothing by themselves: verbs of reporting, period
 * and place words, comparison and function words. A figure whose own
 * phrase holds only these (and numbers and proper names) is about the
 * subject named before it. */
static const struct word stop_words[] = {
    WORD("đạt"),   WORD("ước"),    WORD("tính"),  WORD("tăng"),  WORD("giảm"),  WORD("so"),
    WORD("với"),   WORD("cùng"),   WORD("kỳ"),    WORD("kế"),    WORD("hoạch"), WORD("dự"),
    WORD("toán"),  WORD("năm"),    WORD("quý"),   WORD("tháng"), WORD("đầu"),   WORD("cuối"),
    WORD("cả"),    WORD("của"),    WORD("và"),    WORD("là"),    WORD("có"),    WORD("bằng"),
    WORD("chiếm"), WORD("bình"),   WORD("quân"),  WORD("trong"), WORD("đó"),    WORD("trên"),
    WORD("địa"),   WORD("bàn"),    WORD("toàn"),  WORD("tỉnh"),  WORD("huyện"), WORD("xã"),
    WORD("thị"),   WORD("thành"),  WORD("phố"),   WORD("phường"), WORD("đã"),   WORD("được"),
    WORD("sẽ"),    WORD("hơn"),    WORD("khoảng"), WORD("mức"),  WORD("lên"),   WORD("xuống"),
    WORD("còn"),   WORD("vượt"),   WORD("đến"),   WORD("từ"),    WORD("tới"),   WORD("theo"),
    WORD("nay"),   WORD("này"),    WORD("ta"),    WORD("lũy"),   WORD("sơ"),    WORD("bộ"),
    WORD("riêng"), WORD("chung"),  WORD("về"),    WORD("tiếp"),  WORD("tục"),   WORD("gần"),
    WORD("hết"),   WORD("hằng"),   WORD("hàng"),  WORD("i"),     WORD("ii"),    WORD("iii"),
    WORD("iv"),    WORD("ngày"),   WORD("trở"),   WORD("thời"),  WORD("điểm"),  WORD("giai"),
    WORD("đoạn"),  WORD("mới"),    WORD("thêm"),  WORD("nhất"),  WORD("cao"),   WORD("thấp"),
    WORD("ở"),     WORD("tại"),    WORD("như"),   WORD("cụ"),    WORD("thể"),   WORD("đồng"),
    WORD("thời"),  WORD("ngoài"),  WORD("ra"),    WORD("báo"),   WORD("đề"),    WORD("phấn"),
    WORD("đấu"),   WORD("mục"),    WORD("tiêu"),  WORD("chỉ"),   WORD("nghị"),  WORD("quyết"),
    WORD("giao"),  WORD("tương"),  WORD("ứng"),   WORD("lần"),   WORD("gấp"),   WORD("trước"),
    WORD("qua"),   WORD("nhiệm"),  WORD("trung"), WORD("ương"),  WORD("hđnd"),  WORD("kh"),
    WORD("nq"),    WORD("thực"),   WORD("hiện"),  WORD("đạt"),   WORD("hoàn"),  WORD("tốc"),
    WORD("độ"),    WORD("khu"),    WORD("vực"),   WORD("cộng"),  WORD("dồn"),   WORD("giá"),
    WORD("sánh"),  WORD("tế"),     WORD("nhà"),   WORD("nước"),  WORD("các"),   WORD("những"),
    /* "đạt tỷ lệ 10,28%": a rate of the subject before */
    WORD("tỷ"),    WORD("tỉ"),     WORD("lệ"),    WORD("diện"),  WORD("tích"),  WORD_END};
/* Words after which the rest of a phrase names its owner or place, not
 * what is measured: "kim ngạch xuất khẩu của các doanh nghiệp ...". */
static const struct word owner_words[] = {WORD("của"), WORD("tại"), WORD("ở"), WORD("trên"),
                                          WORD("thuộc"), WORD_END};

/* FNV-1a of 'n' bytes at 's'. */
static unsigned hash_bytes(const char *s, size_t n) {
  unsigned h = 2166136261u;
  for (size_t k = 0; k < n; k++)
    h = (h ^ (unsigned char)s[k]) * 16777619u;
  return h;
}

void link_init(struct xcfg *x) {
  x->stop = xcalloc(STOP_SLOTS, sizeof *x->stop);
  for (int k = 0; stop_words[k].s; k++) {
    unsigned h = hash_bytes(stop_words[k].s, stop_words[k].n) % STOP_SLOTS;
    while (x->stop[h] && x->stop[h] != &stop_words[k])
      h = (h + 1) % STOP_SLOTS;
    x->stop[h] = &stop_words[k];
  }
}

/* Is the word of 'n' bytes at 'i' a stop word? (The set is hashed once
 * per context by link_init: this runs for every word a figure's phrase
 * holds.) */
static bool is_stop(const struct xcfg *x, const struct sent *st, size_t i,
                    size_t n) {
  for (unsigned h = hash_bytes(st->lw + i, n) % STOP_SLOTS; x->stop[h];
       h = (h + 1) % STOP_SLOTS)
    if (x->stop[h]->n == n && memcmp(x->stop[h]->s, st->lw + i, n) == 0)
      return true;
  return false;
}

/* Is byte 'i' inside a hit of indicator 'idx' (any role)? */
static bool covered(const struct xcfg *x, const struct link_hits *h, size_t idx,
                    size_t i) {
  for (size_t k = 0; k < h->n; k++)
    if (h->v[k].a <= i && i < h->v[k].b && x->ind[h->v[k].row].idx == idx)
      return true;
  return false;
}

/* The syllables of [a, b) that name something: not stop words, numbers,
 * proper names (capitalised inside the sentence) nor, with 'idx' not
 * NPOS, inside a hit of that indicator. */
static int content_words(const struct xcfg *x, const struct link_hits *h,
                         size_t idx, const struct sent *st, size_t a,
                         size_t b) {
  int words = 0;
  for (size_t i = a; i < b;) {
    if (!(st->wb[i] & WB_WORD)) {
      i++;
      continue;
    }
    size_t j = i + 1;
    while (j < st->len && (st->wb[j] & WB_PART))
      j++;
    bool digit = st->lw[i] >= '0' && st->lw[i] <= '9';
    bool owner = false;
    for (int k = 0; owner_words[k].s && !owner; k++)
      owner = owner_words[k].n == j - i &&
              memcmp(st->lw + i, owner_words[k].s, j - i) == 0;
    if (owner)
      break;
    size_t e = skip_sp_back(st, i);
    bool name = e > 0 && upper_at(st, i) && st->lw[e - 1] != '.' &&
                st->lw[e - 1] != ':';
    if (!digit && !name && !is_stop(x, st, i, j - i) &&
        !(idx != NPOS && covered(x, h, idx, i)))
      words++;
    i = j;
  }
  return words;
}

static bool fold_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Does row 'ri' of the lexicon match the folded sentence 'f' ('n'
 * bytes) at 'p', as whole words? Then it is a hit. (Its first three bytes
 * are those of its group in the index.) */
static void try_row(const struct xcfg *x, struct link_hits *h, const char *f,
                    const uint32_t *at, size_t n, size_t p, size_t ri) {
  const struct xname *r = &x->ind[ri];
  if (r->len > n - p || memcmp(f + p, r->key, r->len) != 0)
    return;
  if (fold_word((unsigned char)r->key[r->len - 1]) &&
      fold_word((unsigned char)f[p + r->len]))
    return;
  xgrow((void **)&h->v, &h->cap, h->n + 1, sizeof *h->v);
  h->v[h->n++] = (struct link_hit){at[p], at[p + r->len], ri};
  h->roles[r->idx] |= (unsigned char)(1u << r->role);
}

void link_scan(const struct xcfg *x, const struct sent *st, size_t upto,
               struct link_hits *h) {
  h->n = 0;
  h->done = true;
  if (!x || !x->n_ind || !x->fold)
    return;
  size_t ni = x->cfg->n_indicators;
  if (!h->roles)
    h->roles = xcalloc(ni + 1, 1);
  memset(h->roles, 0, ni + 1);
  /* the folded sentence, and for each of its bytes the offset in 'st' of
   * the code point it comes from */
  size_t len = upto < st->len ? upto : st->len;
  size_t cap = len * 2 + 8;
  char *f = xmalloc(cap);
  uint32_t *at = xmalloc(cap * sizeof *at);
  size_t n = 0;
  for (size_t i = 0; i < len;) {
    unsigned char c = (unsigned char)st->lw[i];
    if (c < 0x80) {
      if (!(c == ' ' && n > 0 && f[n - 1] == ' ')) {
        at[n] = (uint32_t)i;
        f[n++] = (char)c;
      }
      i++;
      continue;
    }
    int cp;
    int cl = text_utf8_decode(st->lw + i, len - i, &cp);
    if (cl <= 0)
      cl = 1;
    if (cp > 0 && cp < FOLD_MAX) {
      const struct xfold *e = &x->fold[cp];
      for (unsigned k = 0; k < e->n; k++) {
        at[n] = (uint32_t)i;
        f[n++] = e->b[k];
      }
    } else {
      for (int k = 0; k < cl; k++) {
        at[n] = (uint32_t)i;
        f[n++] = st->lw[i + (size_t)k];
      }
    }
    i += (size_t)cl;
  }
  at[n] = (uint32_t)len;
  f[n] = f[n + 1] = f[n + 2] = '\0';
  for (size_t p = 0; p < n; p++) {
    /* a row starts at a word's start, or with a sign: "/người" */
    bool start = !(p > 0 && fold_word((unsigned char)f[p - 1]));
    if (!start && fold_word((unsigned char)f[p]))
      continue;
    unsigned key = (unsigned)(unsigned char)f[p] << 16 |
                   (unsigned)(unsigned char)f[p + 1] << 8 |
                   (unsigned char)f[p + 2];
    size_t sl = (key * 2654435761u) & (x->ind_slots - 1);
    while (x->ind_key[sl] != IND_EMPTY && x->ind_key[sl] != key)
      sl = (sl + 1) & (x->ind_slots - 1);
    if (x->ind_key[sl] == key)
      for (size_t j = x->ind_from[sl]; j < x->ind_end[sl]; j++)
        try_row(x, h, f, at, n, p, x->ind_at[j]);
    for (size_t j = 0; j < x->n_one; j++)
      try_row(x, h, f, at, n, p, x->ind_one[j]);
  }
  free(f);
  free(at);
}

void link_hits_free(struct link_hits *h) {
  free(h->v);
  free(h->roles);
  memset(h, 0, sizeof *h);
}

/* The scale words, folded, as a unit is when it is classed. */
static const struct word scale_words[] = {WORD("nghin"), WORD("ngan"), WORD("trieu"), WORD("ty"),
                                          WORD("ti"),    WORD("van"),  WORD("tram"),  WORD_END};

void link_unit(const char *u, struct xunit *out) {
  memset(out, 0, sizeof *out);
  if (!u || !*u)
    return;
  char tmp[128], *owned;
  const char *l = text_fold_buf(u, strlen(u), tmp, sizeof tmp, &owned);
  out->fam = UF_WORD;
  if (strstr(l, "dong") || strstr(l, "usd") || strchr(l, '$')) {
    out->fam = UF_MONEY;
  } else if (strchr(l, '%') || strstr(l, "phan tram")) {
    out->fam = UF_PCT;
  } else {
    for (int k = 0; scale_words[k].s; k++) { /* "triệu lượt" -> "lượt" */
      size_t sl = scale_words[k].n;
      if (strncmp(l, scale_words[k].s, sl) == 0 && l[sl] == ' ') {
        l += sl + 1;
        k = -1;
      }
    }
    size_t k = 0;
    while (l[k] && l[k] != ' ' && l[k] != '/' && k + 1 < sizeof out->head) {
      out->head[k] = l[k];
      k++;
    }
    out->head[k] = '\0';
  }
  free(owned);
}

static bool same_family(const struct xunit *a, const struct xunit *b) {
  return a->fam == b->fam && (a->fam != UF_WORD || strcmp(a->head, b->head) == 0);
}

/* Does the figure's unit suit indicator 'i'? A percent of plan suits
 * every indicator, and so does a rise or fall in percent or a multiple. */
static bool unit_fits(const struct xcfg *x, size_t i,
                      const struct link_query *q) {
  const struct indicator *d = &x->cfg->indicators[i];
  if (d->kinds && !(d->kinds & (1u << q->kind)))
    return false;
  if (q->kind == FACT_PLAN_PCT)
    return true;
  /* "gấp 1,9 lần năm 2020": a multiple of an amount, not of a rate */
  if (q->n->unit_class == UNIT_TIMES)
    return x->ind_unit[i].fam != UF_PCT;
  if (q->n->unit_class == UNIT_PERCENT &&
      (q->change || q->kind == FACT_CHANGE_PCT))
    return true;
  for (size_t k = x->units_at[i]; k < x->units_at[i + 1]; k++)
    if (same_family(&q->fu, &x->units[k]))
      return true;
  return false;
}

/* Is there a row of 'role' for indicator 'idx' among the hits within
 * [a, b) (with 'by_start', among those starting there: "đạt 100%" after
 * "15 chỉ tiêu" starts before the next number)? */
static bool role_in(const struct xcfg *x, const struct link_hits *h,
                    size_t idx, enum term_role role, size_t a, size_t b,
                    bool by_start) {
  if (!(h->roles[idx] & (1u << role)))
    return false;
  for (size_t i = 0; i < h->n; i++) {
    const struct xname *r = &x->ind[h->v[i].row];
    if (r->idx == idx && r->role == role && h->v[i].a >= a &&
        (by_start ? h->v[i].a < b : h->v[i].b <= b))
      return true;
  }
  return false;
}

static bool role_near(const struct xcfg *x, const struct link_hits *h,
                      size_t idx, enum term_role role, size_t a, size_t b) {
  return role_in(x, h, idx, role, a, b, false);
}

/* Does an exclude of indicator 'idx' overlap the hit 'hi' ("giá bán lẻ
 * hàng hóa" around "bán lẻ hàng hóa")? */
static bool excluded_around(const struct xcfg *x, const struct link_hits *h,
                            size_t idx, size_t hi) {
  if (!(h->roles[idx] & (1u << TERM_EXCLUDE)))
    return false;
  for (size_t i = 0; i < h->n; i++) {
    const struct xname *r = &x->ind[h->v[i].row];
    if (r->idx == idx && r->role == TERM_EXCLUDE &&
        h->v[i].a < h->v[hi].b && h->v[i].b > h->v[hi].a)
      return true;
  }
  return false;
}

/* The end of the words that tell what a counted figure is: "10 xã đạt
 * chuẩn nông thôn mới, ..." up to the clause's end. */
static size_t tail_end(const struct xcfg *x, const struct sent *st,
                       const struct num *n) {
  size_t e = clause_end(st, n->end, true);
  if (e - n->end > 80)
    e = n->end + 80;
  if (n->unit_class == UNIT_ENTITY || n->unit_class == UNIT_PLAN)
    return e;
  /* "90% gia đình đạt danh hiệu ...": a percent of a thing named after it */
  size_t w = skip_sp(st, n->end);
  if (n->unit_class == UNIT_PERCENT && w < e && (st->wb[w] & WB_WORD)) {
    size_t j = w + 1;
    while (j < st->len && (st->wb[j] & WB_PART))
      j++;
    if (!is_stop(x, st, w, j - w) && !word_at(st, w, "dự") &&
        !word_at(st, w, "so"))
      return e;
  }
  return n->end;
}

/* Where the words that may rule an indicator in or out end: the clause,
 * a little past the figure ("trồng 927 ha rừng", "... lượt khách quốc
 * tế"). */
static size_t near_end(const struct sent *st, const struct num *n) {
  size_t e = clause_end(st, n->end, true);
  return e - n->end > 40 ? n->end + 40 : e;
}

/* 'e', or the start of the next number after the figure if sooner: an
 * exclude there is the next figure's ("37 doanh nghiệp và 12 hợp tác
 * xã"). */
static size_t before_next(const struct sent *st, const struct num *n,
                          size_t e) {
  for (size_t i = n->end; i < e; i++)
    if (st->lw[i] >= '0' && st->lw[i] <= '9')
      return i;
  return e;
}

/* How near hit 'h' is to the figure: 0 for the unit, then by bytes. */
static size_t distance(const struct link_hit *h, const struct num *n) {
  if (h->b <= n->start)
    return n->start - h->b;
  return h->a >= n->start ? h->a - n->start : 0;
}

/* Where the words that rule indicators in or out of figure 'q' are looked
 * for, found once per figure: its excludes from the start of its clause
 * ("Theo giá thực tế, tổng sản phẩm ... tăng 9,08%") or the hit, if
 * before, to a little past it but not into the next figure; its needs in
 * its clause, a count's up to the end of its clause ("14/26 chỉ tiêu chủ
 * yếu về ..., bảo đảm ... đạt và vượt kế hoạch"). */
static void query_bounds(const struct xcfg *x, const struct sent *st,
                         struct link_query *q) {
  q->clause = clause_start(st, q->n->start, false);
  /* a count's own part: "21 chỉ tiêu đạt và vượt, 3 chỉ tiêu không đạt" */
  q->need_start = q->n->unit_class == UNIT_PLAN
                      ? clause_start(st, q->n->start, true)
                      : q->clause;
  q->tail = tail_end(x, st, q->n);
  q->near = near_end(st, q->n);
  if (q->tail > q->near)
    q->near = q->tail;
  q->ex_end = before_next(st, q->n, q->near);
  q->need_end = q->n->unit_class == UNIT_PLAN
                    ? before_next(st, q->n, clause_end(st, q->n->end, false))
                    : q->near;
}

/* The indicator hit 'hi' stands for, if the figure fits it, else -1.
 * Its excludes are looked for as query_bounds says, and around the hit. */
static long hit_fits(const struct xcfg *x, const struct link_hits *h,
                     size_t hi, const struct link_query *q) {
  const struct xname *r = &x->ind[h->v[hi].row];
  if (r->role != TERM_ALIAS && r->role != TERM_HEAD)
    return -1;
  const struct indicator *d = &x->cfg->indicators[r->idx];
  size_t a = h->v[hi].a < q->clause ? h->v[hi].a : q->clause;
  if (role_near(x, h, r->idx, TERM_EXCLUDE, a, q->ex_end) ||
      excluded_around(x, h, r->idx, hi))
    return -1;
  if (r->role == TERM_HEAD && d->n_needs &&
      !role_in(x, h, r->idx, TERM_NEED, q->need_start, q->need_end, true))
    return -1;
  if (!unit_fits(x, r->idx, q))
    return -1;
  /* "GRDP tăng 8%" is the growth; "theo giá thực tế, ... tăng 9%" is not
   * if the growth rules itself out there */
  long ci = x->change_of[r->idx];
  if (ci >= 0 && (q->change || q->kind == FACT_CHANGE_PCT ||
                  q->kind == FACT_CHANGE) &&
      !role_near(x, h, (size_t)ci, TERM_EXCLUDE, 0, q->near))
    return ci;
  return (long)r->idx;
}

/* For an indicator 'i' that counts things (xã, doanh nghiệp): does the
 * first count of [from, to), the subject a later figure is about, count
 * the same things? */
static bool subject_fits(const struct xcfg *x, const struct sent *st,
                         const struct link_query *q, size_t i, size_t from,
                         size_t to) {
  if (x->ind_unit[i].fam != UF_WORD)
    return true;
  for (size_t k = 0; k < q->nn; k++) {
    const struct num *m = &q->nums[k];
    if (m->start < from || m->start >= to)
      continue;
    if (m->unit_class != UNIT_ENTITY)
      return true;
    char u[64];
    size_t ul = m->uend - m->ustart < sizeof u - 1 ? m->uend - m->ustart
                                                   : sizeof u - 1;
    memcpy(u, st->s + m->ustart, ul);
    u[ul] = '\0';
    struct xunit fu;
    link_unit(u, &fu);
    for (size_t j = x->units_at[i]; j < x->units_at[i + 1]; j++)
      if (same_family(&fu, &x->units[j]))
        return true;
    return false;
  }
  return true;
}

/* Is [b, a) only "và" or a comma between two terms? */
static bool joined(const struct sent *st, size_t b, size_t a) {
  b = skip_sp(st, b);
  a = skip_sp_back(st, a);
  if (a == b + 1 && st->lw[b] == ',')
    return true;
  return a == b + strlen("và") && word_at(st, b, "và");
}

/* The best hit for the figure among those within [lo, hi) (before the
 * figure when 'before'), by nearness, then length, then role; fills
 * 'out' and returns true, or leaves the candidates in 'out' when two
 * indicators fit as well. */
static bool best_hit(const struct xcfg *x, const struct sent *st,
                     const struct link_hits *h, const struct link_query *q,
                     size_t lo, size_t hi, bool before,
                     struct link_result *out) {
  const struct num *n = q->n;
  size_t best_d = NPOS, best_len = 0, best_a = NPOS, best_e = NPOS;
  long best = -1;
  enum term_role best_role = TERM_HEAD;
  out->n_cand = 0;
  for (size_t i = 0; i < h->n; i++) {
    const struct link_hit *t = &h->v[i];
    size_t phrase_end = t->b;
    /* a hit counts in the part of the sentence it ends in ("nông, lâm
     * nghiệp, thủy sản" spans commas); the digits are no part of one */
    if (t->b <= lo || t->b > hi || (t->a >= n->start && t->a < n->ustart))
      continue;
    if (before && t->b > n->start)
      continue;
    /* the verb and fillers before the figure name nothing: "..., tăng
     * trưởng 12,81%" */
    if (!before && t->a >= q->vstart && t->b <= n->start)
      continue;
    long idx = hit_fits(x, h, i, q);
    if (idx < 0)
      continue;
    /* "3 thôn đạt chuẩn nông thôn mới kiểu mẫu, đạt 150% kế hoạch": the
     * subject before is counted in a unit the indicator does not take */
    if (before && !subject_fits(x, st, q, (size_t)idx, lo, hi))
      continue;
    /* "thu ngân sách từ thuế thu nhập cá nhân đạt ...": words after the
     * term that name something else make it another thing. In the
     * figure's own phrase, up to its verb; in a part before it, the words
     * right after the term, up to a verb or number. */
    if (t->b <= n->start) {
      size_t stop = t->b < q->vstart ? q->vstart : t->b;
      if (before) {
        stop = t->b;
        while (stop < hi && !(st->lw[stop] >= '0' && st->lw[stop] <= '9')) {
          if ((st->wb[stop] & WB_WORD)) {
            size_t j = stop + 1;
            while (j < st->len && (st->wb[j] & WB_PART))
              j++;
            if (is_stop(x, st, stop, j - stop))
              break;
            stop = j;
            continue;
          }
          stop++;
        }
      }
      if (stop > hi)
        stop = hi;
      if (content_words(x, h, x->ind[t->row].idx, st, t->b, stop) > 3)
        continue;
      phrase_end = stop;
    }
    size_t dd = distance(t, n), len = t->b - t->a;
    enum term_role role = x->ind[t->row].role;
    if (dd == best_d && len == best_len && role == best_role) {
      if (idx == best)
        continue;
      /* as good as the best: both are candidates */
      const char *codes[2] = {x->cfg->indicators[best].code,
                              x->cfg->indicators[idx].code};
      for (int c = 0; c < 2; c++) {
        bool have = false;
        for (size_t k = 0; k < out->n_cand; k++)
          have = have || strcmp(out->cand[k], codes[c]) == 0;
        if (!have && out->n_cand < LINK_CANDS)
          out->cand[out->n_cand++] = codes[c];
      }
      continue;
    }
    if (dd < best_d || (dd == best_d && (len > best_len ||
                                         (len == best_len && role < best_role)))) {
      best_d = dd;
      best_len = len;
      best_role = role;
      best = idx;
      best_a = t->a;
      best_e = phrase_end;
      out->n_cand = 0;
    }
  }
  if (best < 0)
    return false;
  if (out->n_cand > 1) /* ambiguous: left for review */
    return true;
  /* "công nghiệp - xây dựng và dịch vụ chiếm 70%": two things joined
   * share the figure, which is neither's */
  for (size_t i = 0; i < h->n; i++) {
    if (h->v[i].b > best_a || !joined(st, h->v[i].b, best_a))
      continue;
    long other = hit_fits(x, h, i, q);
    if (other >= 0 && other != best) {
      out->n_cand = 0;
      return true;
    }
  }
  out->n_cand = 0;
  out->code = x->cfg->indicators[best].code;
  out->label_start = best_a;
  out->label_end = best_e;
  return true;
}

/* Do two words or more that name something follow the unit at once,
 * with no lexicon row among them? */
static bool named_after(const struct xcfg *x, const struct link_hits *h,
                        const struct sent *st, const struct num *n) {
  size_t i = skip_sp(st, n->end), words = 0;
  while (i < st->len && (st->wb[i] & WB_WORD) &&
         !(st->lw[i] >= '0' && st->lw[i] <= '9')) {
    size_t j = i + 1;
    while (j < st->len && (st->wb[j] & WB_PART))
      j++;
    if (is_stop(x, st, i, j - i) || upper_at(st, i))
      break;
    for (size_t k = 0; k < h->n; k++)
      if (h->v[k].a <= i && i < h->v[k].b)
        return false;
    words++;
    i = skip_sp(st, j);
  }
  return words >= 2;
}

/* Does a separator of a list stand at 'i': a comma, or a dash between
 * spaces ("Công nghiệp - dịch vụ")? Returns its length, or 0. */
static size_t list_sep(const struct sent *st, size_t i) {
  if (st->lw[i] == ',' || st->lw[i] == ';')
    return 1;
  if (i > 0 && st->lw[i - 1] == ' ') {
    if (st->lw[i] == '-' && i + 1 < st->len && st->lw[i + 1] == ' ')
      return 1;
    if (i + 3 < st->len && memcmp(st->lw + i, "\xE2\x80\x93 ", 4) == 0)
      return 3;
  }
  return 0;
}

/* Figures "respectively" ("tương ứng", "lần lượt là") of a list of names
 * before them: if 'q' is the i-th of the figures after such a word in its
 * clause, [*a, *b) is the i-th name of the list before the word (from the
 * clause's start or its last colon). */
static bool respective(const struct link_hits *h, const struct sent *st,
                       const struct link_query *q, size_t *a, size_t *b) {
  size_t cl = clause_start(st, q->n->start, false);
  size_t r = word_find(st, cl, q->n->start, "tương ứng");
  if (r == NPOS)
    r = word_find(st, cl, q->n->start, "lần lượt");
  if (r == NPOS)
    return false;
  size_t idx = 0;
  for (size_t k = 0; k < q->nn; k++)
    if (q->nums[k].start > r && q->nums[k].start < q->n->start &&
        !q->nums[k].range_low)
      idx++;
  const char *colon = memrchr(st->lw + cl, ':', r - cl);
  size_t from = colon ? (size_t)(colon - st->lw) + 1 : cl;
  size_t seg = 0, start = from;
  for (size_t i = from; i < r; i++) {
    size_t l = list_sep(st, i);
    /* not inside a name: "công nghiệp - xây dựng", "nông, lâm nghiệp" */
    for (size_t k = 0; l && k < h->n; k++)
      if (h->v[k].a < i && i < h->v[k].b)
        l = 0;
    if (!l)
      continue;
    if (seg == idx) {
      *a = start;
      *b = i;
      return true;
    }
    seg++;
    start = i + l;
    i += l - 1;
  }
  if (seg == idx && seg > 0) { /* the last name, up to the word */
    *a = start;
    *b = r;
    return true;
  }
  return false;
}

void link_figure(const struct xcfg *x, const struct sent *st,
                 const struct link_hits *h, const struct link_query *query,
                 struct link_result *out) {
  memset(out, 0, sizeof *out);
  out->label_start = NPOS;
  if (!x || !x->cfg || !h->n)
    return;
  struct link_query qq = *query; /* with its unit and bounds found once */
  link_unit(qq.unit, &qq.fu);
  query_bounds(x, st, &qq);
  const struct link_query *q = &qq;
  const struct num *n = q->n;
  size_t own = clause_start(st, q->vstart, true);
  size_t end = q->tail;
  /* "Công nghiệp - dịch vụ - nông nghiệp ... với tỉ trọng tương ứng
   * 64,93% - 25,08% - 2,73%": the figures go with the names by position */
  size_t seg_a, seg_b;
  if (respective(h, st, q, &seg_a, &seg_b)) {
    best_hit(x, st, h, q, seg_a, seg_b, true, out);
    return;
  }
  /* "1.500 ha cây mắc ca": the thing measured named right after the
   * unit, and not an indicator's */
  if (n->unit_class == UNIT_MEASURE && named_after(x, h, st, n))
    return;
  /* the figure's own phrase, unit and counted words first */
  if (best_hit(x, st, h, q, own, end, false, out))
    return;
  if (content_words(x, h, NPOS, st, own, q->vstart) > 1)
    return; /* it names something the catalogue lacks */
  /* then the parts of the sentence before it, nearest first, up to one
   * that names something: the subject the figure is about */
  /* a count names what it counts: "22/26 chỉ tiêu đạt và vượt kế hoạch;
   * 4 chỉ tiêu chưa đạt" is not about the 22 */
  if (n->unit_class == UNIT_PLAN)
    return;
  size_t cb = own;
  while (cb > 0) {
    size_t ca = clause_start(st, cb - 1, true);
    if (best_hit(x, st, h, q, ca, cb, true, out))
      return;
    /* "(cả màu quy thóc)", "(GRDP, giá so sánh)": an aside is passed over */
    if (ca > 0 && st->lw[ca - 1] == '(') {
      cb = ca - 1;
      continue;
    }
    size_t subj = ca;
    while (subj < cb && !(st->lw[subj] >= '0' && st->lw[subj] <= '9'))
      subj++;
    if (content_words(x, h, NPOS, st, ca, subj) > 1)
      return;
    cb = ca;
  }
}
