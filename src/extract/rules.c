/* extract/rules.c - from the numbers of a sentence to facts: the kind from
 * the words around each figure, its bounds, whether it is an estimate, its
 * year and period, its place and its label.
 *
 * Reading a figure from right to left: the words just before it are
 * bounds ("hơn", "khoảng", "dưới"), estimates ("ước", "sơ bộ") or plain
 * verbs ("đạt", "được"); before them comes the verb that decides the kind
 * ("tăng", "giảm", "tăng lên", "bằng", "vượt", "gấp"). After it come a
 * reference ("kế hoạch", "dự toán", "cùng kỳ") and "trở lên". A planned
 * figure is recognised by its cue ("phấn đấu", "mục tiêu", "kế hoạch 11%")
 * or by being about a year after the document's date. */
#define _GNU_SOURCE /* memmem */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "text/text.h"
#include "util/xalloc.h"

enum verb {
  VERB_NONE,
  VERB_TO,   /* "tăng lên 62%", "xuống còn 23 hộ" */
  VERB_UP,   /* "tăng 28,93%" */
  VERB_DOWN, /* "giảm 1,29%", "thấp hơn cùng kỳ 14.919 tấn" */
  VERB_VUOT, /* "vượt 53% dự toán" */
  VERB_BANG, /* "bằng 103,5% cùng kỳ" */
  VERB_GAP   /* "gấp 2 lần" */
};

/* What was read around one figure. */
struct reading {
  size_t vstart; /* where the verb and fillers begin */
  enum verb verb;
  enum fact_approx approx;
  bool from;       /* "từ 70% đến ...", "từ 28 hộ xuống còn ..." */
  bool plan_ref;   /* "... kế hoạch", "so với dự toán" after it */
  bool prev_ref;   /* "... cùng kỳ", "so với năm trước" after it */
  bool local_plan; /* "kế hoạch 11%", "mục tiêu năm 2024 đạt 9%" */
  bool average;    /* "bình quân" */
  bool dat;        /* "đạt" just before */
  const char *plan_of; /* whose plan: "tinh" for "dự toán tỉnh giao" */
};

struct filler {
  struct word w;
  enum fact_approx approx;
};

/* Words between a verb and its figure; longest first. */
static const struct filler fillers[] = {
    {WORD("xấp xỉ"), APPROX_ABOUT},   {WORD("khoảng"), APPROX_ABOUT},
    {WORD("gần"), APPROX_ABOUT},      {WORD("chừng"), APPROX_ABOUT},
    {WORD("hơn"), APPROX_GT},         {WORD("trên"), APPROX_GT},
    {WORD("ít nhất"), APPROX_GT},     {WORD("tối thiểu"), APPROX_GT},
    {WORD("chưa đến"), APPROX_LT},    {WORD("chưa tới"), APPROX_LT},
    {WORD("dưới"), APPROX_LT},        {WORD("không quá"), APPROX_LT},
    {WORD("tối đa"), APPROX_LT},      {WORD("ước đạt"), APPROX_NONE},
    {WORD("ước tính"), APPROX_NONE},  {WORD("ước thực hiện"), APPROX_NONE},
    {WORD("ước"), APPROX_NONE},       {WORD("dự kiến"), APPROX_NONE},
    {WORD("dự báo"), APPROX_NONE},    {WORD("dự ước"), APPROX_NONE},
    {WORD("sơ bộ"), APPROX_NONE},     {WORD("đạt được"), APPROX_NONE},
    {WORD("đạt"), APPROX_NONE},       {WORD("được"), APPROX_NONE},
    {WORD("bình quân"), APPROX_NONE}, {WORD("đã"), APPROX_NONE},
    {WORD("là"), APPROX_NONE},        {WORD("chỉ"), APPROX_NONE},
    {WORD("mới"), APPROX_NONE},       {WORD("lên tới"), APPROX_NONE},
    {WORD("lên đến"), APPROX_NONE},   {WORD("ở mức"), APPROX_NONE},
    {WORD("mức"), APPROX_NONE},       {WORD("đến"), APPROX_NONE},
    {WORD("thực hiện"), APPROX_NONE}, {WORD("có"), APPROX_NONE},
    {WORD("với"), APPROX_NONE},       {WORD("thêm"), APPROX_NONE},
    {WORD("hằng năm"), APPROX_NONE},  {WORD("hàng năm"), APPROX_NONE},
    {WORD("mỗi năm"), APPROX_NONE},
    {WORD_END, APPROX_NONE}};

struct verb_word {
  struct word w;
  enum verb v;
};

/* "tăng trưởng 7,14%" is not here: a growth rate reached is the figure
 * itself (actual), while "GRDP tăng 8,04%" is a change. */
static const struct verb_word verbs[] = {
    {WORD("tăng lên"), VERB_TO},   {WORD("nâng lên"), VERB_TO},  {WORD("lên"), VERB_TO},
    {WORD("giảm xuống"), VERB_TO}, {WORD("xuống còn"), VERB_TO}, {WORD("giảm còn"), VERB_TO},
    {WORD("xuống"), VERB_TO},      {WORD("còn"), VERB_TO},       {WORD("tăng thêm"), VERB_UP},
    {WORD("tăng"), VERB_UP},       {WORD("cao hơn"), VERB_UP},   {WORD("giảm"), VERB_DOWN},
    {WORD("thấp hơn"), VERB_DOWN}, {WORD("vượt"), VERB_VUOT},    {WORD("bằng"), VERB_BANG},
    {WORD("gấp"), VERB_GAP},       {WORD_END, VERB_NONE}};

static const struct word plan_words[] = {WORD("kế hoạch"), WORD("kh"),         WORD("dự toán"),
                                         WORD("mục tiêu"), WORD("nghị quyết"), WORD("nq"),
                                         WORD("chỉ tiêu"), WORD("kịch bản"),   WORD("nhiệm vụ"),
                                         WORD_END};
/* Plans named just before a figure: "kế hoạch 11% trở lên". */
static const struct word plan_heads[] = {
    WORD("kế hoạch"),          WORD("dự toán"),           WORD("mục tiêu"),
    WORD("chỉ tiêu giao"),     WORD("nghị quyết"),        WORD("chỉ tiêu kế hoạch"),
    WORD("nghị quyết đề ra"),  WORD("kế hoạch đề ra"),    WORD("mục tiêu đề ra"),
    WORD("kế hoạch tỉnh giao"), WORD("kế hoạch huyện giao"), WORD("dự toán giao"),
    WORD("kế hoạch giao"),     WORD("kh"),                WORD_END};
static const struct word prev_words[] = {
    WORD("cùng kỳ"),  WORD("năm trước"),   WORD("năm ngoái"), WORD("cùng thời điểm"),
    WORD("vụ trước"), WORD("tháng trước"), WORD("quý trước"), WORD_END};

/* Cues that make the figures after them in the sentence planned. */
struct cue {
  struct word w;
  bool modal; /* plans only the figures of its own part of the sentence */
};
static const struct cue target_cues[] = {
    {WORD("phấn đấu"), false},      {WORD("đặt mục tiêu"), false}, {WORD("mục tiêu"), false},
    {WORD("kỳ vọng"), false},       {WORD("quyết tâm"), false},    {WORD("sẽ"), false},
    {WORD("được xác định"), false}, {WORD("các chỉ tiêu:"), false}, {WORD("chỉ tiêu:"), false},
    {WORD("định hướng"), false},
    /* a resolution's modal targets: "tỷ lệ che phủ rừng phải đạt 45%" */
    {WORD("phải đạt"), true},       {WORD("cần đạt"), true},       {WORD("bảo đảm"), true},
    {WORD("đảm bảo"), true},        {WORD("phải"), true},          {WORD_END, false}};
/* A "mục tiêu" after these is a reference, not a plan. */
static const struct word cue_blockers[] = {
    WORD("so với"),    WORD("so"),   WORD("vượt"),         WORD("đạt"),   WORD("hoàn thành"),
    WORD("thực hiện"), WORD("bằng"), WORD("các"),          WORD("những"), WORD("cao hơn"),
    WORD("thấp hơn"),  WORD("được"), WORD("chương trình"), WORD_END};

static const struct word est_cues[] = {WORD("ước"),    WORD("dự kiến"), WORD("dự báo"),
                                       WORD("dự ước"), WORD("sơ bộ"),   WORD_END};

/* Counted things are figures only with a verb of achieving or having. */
static const struct word entity_cues[] = {
    WORD("đạt"),        WORD("có"),         WORD("là"),        WORD("thành lập"),  WORD("kết nạp"),
    WORD("xây dựng"),   WORD("hoàn thành"), WORD("công nhận"), WORD("đón"),        WORD("thu hút"),
    WORD("chấp thuận"), WORD("cho"),        WORD("gồm"),       WORD("trồng"),      WORD("hỗ trợ"),
    WORD("giải quyết"), WORD("tạo"),        WORD("thêm"),      WORD("duy trì"),    WORD("phấn đấu"),
    WORD("tăng"),       WORD("giảm"),       WORD("với"),       WORD("còn"),        WORD("cấp"),
    WORD("làm"),        WORD("khởi công"),  WORD("bàn giao"),  WORD("phát triển"), WORD("đào tạo"),
    WORD("tiếp nhận"),  WORD("kiểm tra"),   WORD("thực hiện"), WORD("cải tạo"),    WORD_END};

/* Strip the words between the verb and the figure at 'pos'. */
static size_t strip_fillers(const struct sent *st, size_t pos,
                            struct reading *r) {
  for (;;) {
    bool hit = false;
    size_t e = skip_sp_back(st, pos);
    for (int k = 0; fillers[k].w.s; k++) {
      size_t a = word_ending_at(st, e, fillers[k].w.s, fillers[k].w.n);
      if (a == NPOS)
        continue;
      /* "vượt" is a verb; "trên" after "giá trị ... trên" is fine */
      if (fillers[k].approx != APPROX_NONE && r->approx == APPROX_NONE)
        r->approx = fillers[k].approx;
      if (strcmp(fillers[k].w.s, "bình quân") == 0)
        r->average = true;
      if (strncmp(fillers[k].w.s, "đạt", strlen("đạt")) == 0 ||
          strcmp(fillers[k].w.s, "ước đạt") == 0)
        r->dat = true;
      pos = a;
      hit = true;
      break;
    }
    if (!hit) {
      size_t a = word_before(st, pos, "từ");
      if (a != NPOS) {
        r->from = true;
        pos = a;
        continue;
      }
      return pos;
    }
  }
}

/* "năm 2024" just before: "mục tiêu năm 2024 đạt trên 9%". */
static size_t strip_year(const struct sent *st, size_t pos) {
  size_t e = skip_sp_back(st, pos);
  if (e >= 4 && e - 4 < st->len) {
    const char *p = st->lw + e - 4;
    bool dig = true;
    for (int k = 0; k < 4; k++)
      dig = dig && p[k] >= '0' && p[k] <= '9';
    if (dig) {
      size_t a = word_before(st, e - 4, "năm");
      if (a != NPOS)
        return a;
    }
  }
  return pos;
}

/* Who set a plan, as the words after its noun say: "dự toán trung ương
 * giao", "kế hoạch HĐND tỉnh giao", "Nghị quyết Đại hội". The first found
 * wins: "HĐND tỉnh" is the council's. */
struct issuer {
  struct word w;
  const char *code;
};
static const struct issuer issuers[] = {
    {WORD("hđnd"), "hdnd"},           {WORD("hội đồng nhân dân"), "hdnd"},
    {WORD("trung ương"), "trung_uong"}, {WORD("tư"), "trung_uong"},
    {WORD("tw"), "trung_uong"},       {WORD("thủ tướng"), "trung_uong"},
    {WORD("chính phủ"), "trung_uong"}, {WORD("đại hội"), "nghi_quyet"},
    {WORD("tỉnh"), "tinh"},           {WORD("huyện"), "huyen"},
    {WORD("thị xã"), "huyen"},        {WORD_END, NULL}};

/* The issuer of the plan whose noun ends at 'e' ('nq': the noun is a
 * resolution), looked for in the next few words of the clause. */
static const char *plan_issuer(const struct sent *st, size_t e, bool nq) {
  size_t end = clause_end(st, e, true);
  if (end > e + 48)
    end = e + 48;
  for (size_t i = skip_sp(st, e); i < end; i++) {
    if (!(st->wb[i] & WB_WORD))
      continue;
    for (int k = 0; issuers[k].w.s; k++)
      if (word_at_n(st, i, issuers[k].w.s, issuers[k].w.n))
        return issuers[k].code;
  }
  return nq ? "nghi_quyet" : NULL;
}

/* Heads that make a percent after them a rate of change of what they
 * name: "tốc độ tăng thu ngân sách bình quân 10%", "mức tăng 13,25%". */
static const struct word rate_of_change[] = {WORD("tốc độ tăng"), WORD("mức tăng"),
                                             WORD("tốc độ tăng trưởng"), WORD("tăng bình quân"),
                                             WORD_END};

/* Words before "tăng trưởng" that make it a noun: "tốc độ tăng trưởng". */
static const struct word growth_nouns[] = {WORD("tốc độ"),  WORD("mức"),     WORD("đạt"),
                                           WORD("mục tiêu"), WORD("kế hoạch"), WORD("chỉ tiêu"),
                                           WORD("về"),      WORD("có"),      WORD("là"),
                                           WORD_END};

/* Read what is around the figure 'n'. */
static void read_around(const struct sent *st, const struct num *n,
                        struct reading *r) {
  memset(r, 0, sizeof *r);
  r->approx = n->approx;
  size_t pos = strip_fillers(st, n->start, r);
  int k;
  r->verb = VERB_NONE;
  size_t ev = skip_sp_back(st, pos);
  for (k = 0; verbs[k].w.s; k++) {
    size_t b = word_ending_at(st, ev, verbs[k].w.s, verbs[k].w.n);
    if (b != NPOS) {
      r->verb = verbs[k].v;
      pos = b;
      break;
    }
  }
  /* "cao hơn vụ trước 1,2 tạ/ha", "thấp hơn cùng kỳ 14.919 tấn", "thấp
   * hơn năm 2023 là 1.200 tấn": the earlier period between the verb and
   * the figure */
  if (r->verb == VERB_NONE) {
    size_t a = words_before(st, pos, prev_words, &k);
    size_t y = strip_year(st, pos); /* "thấp hơn năm 2023 là 1.200 tấn" */
    if (a == NPOS && y != pos)
      a = y;
    if (a != NPOS) {
      size_t so = word_before(st, a, "so với");
      if (so == NPOS)
        so = word_before(st, a, "so");
      a = so != NPOS ? so : a;
      size_t ea = skip_sp_back(st, a);
      for (k = 0; verbs[k].w.s; k++) {
        size_t b = word_ending_at(st, ea, verbs[k].w.s, verbs[k].w.n);
        if (b != NPOS && (verbs[k].v == VERB_UP || verbs[k].v == VERB_DOWN)) {
          r->verb = verbs[k].v;
          r->prev_ref = true;
          pos = b;
          break;
        }
      }
    }
  }
  /* "..., tăng trưởng 12,81%", "kinh tế tăng trưởng bình quân 7,5%": a
   * growth told as a verb is a change; the rate reached ("tốc độ tăng
   * trưởng đạt 7%", "mục tiêu tăng trưởng 8%") is not */
  if (r->verb == VERB_NONE && !r->dat) {
    size_t b = word_ending_at(st, ev, "tăng trưởng", strlen("tăng trưởng"));
    if (b != NPOS && words_before(st, b, growth_nouns, &k) == NPOS) {
      r->verb = VERB_UP;
      pos = b;
    }
  }
  /* "ước tăng hơn 51%": fillers before the verb too */
  if (r->verb != VERB_NONE)
    pos = strip_fillers(st, pos, r);
  size_t py = strip_year(st, pos);
  size_t ph = words_before(st, py, plan_heads, &k);
  r->local_plan = ph != NPOS && r->verb == VERB_NONE;
  if (r->local_plan) /* "kế hoạch tỉnh giao 8%" */
    r->plan_of = plan_issuer(st, ph + plan_heads[k].n,
                             strncmp(plan_heads[k].s, "nghị quyết", 10) == 0);
  /* "thấp hơn chỉ tiêu 95%" (the figure right after it), but not the
   * count in "12 chỉ tiêu đạt trên 90%" */
  size_t ct = word_before(st, n->start, "chỉ tiêu");
  if (ct != NPOS) {
    size_t e0 = skip_sp_back(st, ct);
    if (!(e0 > 0 && st->lw[e0 - 1] >= '0' && st->lw[e0 - 1] <= '9'))
      r->local_plan = true;
  }
  r->vstart = pos;
  /* after: "so với kế hoạch", "cùng kỳ", "trở lên" */
  size_t e = skip_sp(st, n->end);
  if (word_at(st, e, "trở lên")) {
    r->approx = APPROX_GT;
    e = skip_sp(st, e + strlen("trở lên"));
  }
  if (word_at(st, e, "so với"))
    e = skip_sp(st, e + strlen("so với"));
  else if (word_at(st, e, "so"))
    e = skip_sp(st, e + strlen("so"));
  for (k = 0; plan_words[k].s; k++)
    if (word_at_n(st, e, plan_words[k].s, plan_words[k].n)) {
      r->plan_ref = true;
      bool nq = k == 4 || k == 5; /* "nghị quyết", "nq" */
      r->plan_of = plan_issuer(st, e + plan_words[k].n, nq);
      break;
    }
  for (k = 0; prev_words[k].s; k++)
    if (word_at_n(st, e, prev_words[k].s, prev_words[k].n))
      r->prev_ref = true;
  /* "bằng 87,5% so với (thực hiện) năm 2022": an earlier year */
  if (e > n->end && !r->plan_ref) {
    size_t y = e;
    if (word_at(st, y, "thực hiện"))
      y = skip_sp(st, y + strlen("thực hiện"));
    else if (word_at(st, y, "kết quả"))
      y = skip_sp(st, y + strlen("kết quả"));
    if (word_at(st, y, "năm")) {
      y = skip_sp(st, y + strlen("năm"));
      if (y + 4 <= st->len && st->lw[y] >= '1' && st->lw[y] <= '2' &&
          st->lw[y + 3] >= '0' && st->lw[y + 3] <= '9' &&
          !word_byte_at(st, y + 4))
        r->prev_ref = true;
    }
  }
}

/* Words before a cue that make it a noun: "với quyết tâm cao, năm 2023
 * thu ngân sách đạt 500 tỷ đồng" tells of resolve, not of a plan. */
static const struct word noun_before[] = {WORD("với"), WORD("bằng"), WORD("sự"),
                                          WORD("nhờ"), WORD("có"),   WORD_END};

/* Is the cue 'w' at 'p' used as a noun ("với quyết tâm cao", "sự kỳ
 * vọng")? Only for the cues that are also nouns. */
static bool cue_noun(const struct sent *st, size_t p, const char *w) {
  if (strcmp(w, "quyết tâm") != 0 && strcmp(w, "kỳ vọng") != 0)
    return false;
  if (words_before(st, p, noun_before, NULL) != NPOS)
    return true;
  size_t e = skip_sp(st, p + strlen(w));
  return word_at(st, e, "cao") || word_at(st, e, "chính trị") ||
         word_at(st, e, "lớn");
}

#define N_TARGET_CUES (sizeof target_cues / sizeof *target_cues - 1)

/* The earliest target cue of the sentence, or NPOS. A plain "mục tiêu"
 * governs only its own clause (up to ";"). Without 'weak', "sẽ" (which
 * also foretells results) is not a cue. 'first' holds where each cue
 * first occurs in the sentence (NPOS: nowhere), found for its first
 * figure and kept for the others. */
static size_t target_cue(const struct sent *st, size_t at, bool weak,
                         const size_t *first) {
  size_t best = NPOS;
  for (size_t k = 0; k < N_TARGET_CUES; k++) {
    const struct word *cw = &target_cues[k].w;
    if (!weak && cw->n == strlen("sẽ") && memcmp(cw->s, "sẽ", cw->n) == 0)
      continue;
    size_t from = first[k];
    while (from < st->len) {
      size_t p = word_find_n(st, from, st->len, cw->s, cw->n);
      if (p == NPOS)
        break;
      int b;
      size_t e = skip_sp_back(st, p);
      bool pct = e > 0 && st->lw[e - 1] == '%';
      /* a modal ("phải", "bảo đảm") plans only the figure of its own part
       * of the sentence: "Để bảo đảm tiến độ, các huyện đã ..." */
      bool far = (strcmp(cw->s, "mục tiêu") == 0 &&
                  p < clause_start(st, at, false)) ||
                 (target_cues[k].modal && p < clause_start(st, at, true));
      if (!pct && !far && !cue_noun(st, p, cw->s) &&
          words_before(st, p, cue_blockers, &b) == NPOS) {
        if (p < best)
          best = p;
        break;
      }
      from = p + 1;
    }
  }
  return best;
}

/* Does the sentence open a list of planned figures ("đó là:", "các chỉ
 * tiêu:")? */
static bool opens_list(const struct sent *st) {
  const char *colon = memchr(st->lw, ':', st->len);
  if (!colon)
    return false;
  size_t c = (size_t)(colon - st->lw);
  static const struct word heads[] = {WORD("chỉ tiêu"), WORD("mục tiêu"), WORD("xác định"), WORD_END};
  for (int k = 0; heads[k].s; k++)
    if (word_find_n(st, 0, c, heads[k].s, heads[k].n) != NPOS)
      return true;
  return false;
}

/* Does the sentence announce a set of targets ("nghị quyết đã đề ra một
 * số chỉ tiêu chủ yếu", "xác định các mục tiêu")? Then the figures after
 * it in its paragraph are planned, "đã" or not: the plan was set, the
 * figures are its. A verb of setting must come before the noun ("hoàn
 * thành 15/18 chỉ tiêu đề ra" is a result). */
static const struct word setting_verbs[] = {WORD("đề ra"),    WORD("đặt ra"),     WORD("xác định"),
                                            WORD("thông qua"), WORD("ban hành"), WORD("phê duyệt"),
                                            WORD("đặt mục tiêu"), WORD_END};
static const struct word plan_nouns[] = {WORD("chỉ tiêu"), WORD("mục tiêu"), WORD("nhiệm vụ"),
                                         WORD("kế hoạch"), WORD("nghị quyết"), WORD_END};

static size_t setting_at(const struct sent *st) {
  for (int k = 0; setting_verbs[k].s; k++) {
    size_t p = word_find_n(st, 0, st->len, setting_verbs[k].s, setting_verbs[k].n);
    if (p == NPOS)
      continue;
    size_t e = p + setting_verbs[k].n;
    /* "đặt mục tiêu" names its plan itself */
    if (strcmp(setting_verbs[k].s, "đặt mục tiêu") == 0)
      return e;
    for (int j = 0; plan_nouns[j].s; j++)
      if (word_find_n(st, e, st->len, plan_nouns[j].s, plan_nouns[j].n) != NPOS)
        return e;
  }
  return NPOS;
}

static bool announces_targets(const struct sent *st) {
  /* every such sentence holds "chỉ tiêu" or "mục tiêu": one memmem first */
  if (!memmem(st->lw, st->len, "tiêu", strlen("tiêu")))
    return false;
  size_t e = setting_at(st);
  return e != NPOS && (word_find(st, e, st->len, "chỉ tiêu") != NPOS ||
                       word_find(st, e, st->len, "mục tiêu") != NPOS) &&
         memchr(st->lw, '%', st->len) == NULL;
}

/* The year of the plan a title or lead sentence adopts: "Thông qua Nghị
 * quyết ... phát triển kinh tế - xã hội năm 2024". */
static int adopted_year(const struct sent *st, const struct when *w,
                        size_t nw) {
  size_t e = setting_at(st);
  if (e == NPOS)
    return 0;
  for (size_t i = 0; i < nw; i++)
    if (w[i].pos > e && !w[i].compare && w[i].p.kind == PERIOD_YEAR &&
        w[i].p.year)
      return w[i].p.year;
  return 0;
}

/* Does the sentence tell of something done ("đã", "ước")? */
static bool tells_done(const struct sent *st) {
  return word_find(st, 0, st->len, "đã") != NPOS ||
         word_find(st, 0, st->len, "ước") != NPOS;
}

/* An entity count ("350 doanh nghiệp") needs a verb in its clause, or a
 * verb right after it ("58 xã đạt chuẩn"), or the "X/Y" form. */
static bool entity_counted(const struct sent *st, const struct num *n) {
  if (n->has_of)
    return true;
  size_t a = clause_start(st, n->start, false);
  /* "đại hội có 199 đại biểu, đại diện cho hơn 1.200 đảng viên" */
  if (word_find(st, clause_start(st, n->start, true), n->start, "đại diện") !=
      NPOS)
    return false;
  if (words_in(st, a, n->start, entity_cues))
    return true;
  size_t e = skip_sp(st, n->end);
  return word_at(st, e, "đạt") || word_at(st, e, "hoàn thành") ||
         word_at(st, e, "được");
}

/* Is there an indicator count ("4/14 chỉ tiêu") before 'n' in its
 * clause? Then "đạt 100%" is a percent of plan. */
static bool after_count(const struct num *v, size_t k, const struct sent *st) {
  /* its own part of the sentence: "4/14 chỉ tiêu đạt 100%", not "17/17
   * chỉ tiêu, đạt mức tăng trưởng GRDP 8%" */
  size_t a = clause_start(st, v[k].start, true);
  for (size_t j = 0; j < k; j++)
    if (v[j].unit_class == UNIT_PLAN && v[j].start >= a)
      return true;
  return false;
}

/* Words of rates and shares: their "đạt X%" is the rate itself. */
static const struct word rate_words[] = {
    WORD("tỷ lệ"),    WORD("tỉ lệ"),   WORD("tốc độ"), WORD("tăng trưởng"), WORD("chỉ số"),  WORD("tỷ trọng"),
    WORD("tỉ trọng"), WORD("che phủ"), WORD("cơ cấu"), WORD("mức"),         WORD("tỷ suất"), WORD_END};

/* "giá trị sản xuất ước đạt 53%, tăng 23,7%": a quantity that reaches a
 * percent and also grows by one reaches that percent of its plan. */
static bool share_of_plan(const struct sent *st, const struct num *v, size_t k,
                          const struct reading *r) {
  if (!r->dat)
    return false;
  size_t a = clause_start(st, v[k].start, false);
  if (words_in(st, a, v[k].start, rate_words))
    return false;
  const struct num *nx = &v[k + 1];
  if (nx->unit_class != UNIT_PERCENT ||
      clause_start(st, nx->start, false) != clause_start(st, v[k].start, false))
    return false;
  return word_before(st, nx->start, "tăng") != NPOS ||
         word_before(st, nx->start, "giảm") != NPOS;
}

/* "thu nhập ... 72,82 triệu đồng/năm, vượt 1,39 triệu đồng": "vượt" with
 * no reference of its own right after a figure of its clause with the
 * same kind of unit tells how far that figure passed its plan. */
static bool beyond_before(const struct sent *st, const struct num *v,
                          size_t k, const struct reading *r) {
  if (r->verb != VERB_VUOT || r->plan_ref || r->prev_ref || k == 0)
    return false;
  const struct num *p = &v[k - 1];
  if (p->unit_class != v[k].unit_class ||
      clause_start(st, p->start, false) != clause_start(st, v[k].start, false))
    return false;
  /* only a comma between the figure before and "vượt" */
  size_t e = skip_sp(st, p->end);
  if (e < st->len && st->lw[e] == ',')
    e = skip_sp(st, e + 1);
  return e == r->vstart;
}

/* Choose the kind and value of figure 'k'. Returns false if it is none. */
static bool decide_kind(const struct sent *st, const struct num *v, size_t k,
                        size_t nn, const struct reading *r, bool list,
                        enum fact_kind *kind, double *value) {
  const struct num *n = &v[k];
  *value = n->value;
  switch (n->unit_class) {
  case UNIT_PLAN:
    *kind = FACT_COUNT;
    return true;
  case UNIT_TIMES:
    *kind = FACT_ACTUAL;
    return r->verb == VERB_GAP;
  case UNIT_PERCENT:
    if (beyond_before(st, v, k, r)) {
      *kind = FACT_CHANGE; /* "giảm 1,64%, vượt 0,64%": above plan by */
    } else if (r->plan_ref) {
      /* "vượt 53% dự toán", "tăng 10% dự toán": above the plan by X% */
      *kind = FACT_PLAN_PCT;
      if (r->verb == VERB_VUOT || r->verb == VERB_UP)
        *value = 100 + n->value;
      else if (r->verb == VERB_DOWN)
        *value = 100 - n->value;
    } else if (r->prev_ref && r->verb == VERB_BANG) {
      *kind = FACT_CHANGE_PCT;
      *value = round((n->value - 100) * 1e9) / 1e9; /* 108,2 -> 8,2 */
    } else if (r->verb == VERB_UP || r->verb == VERB_DOWN) {
      *kind = FACT_CHANGE_PCT;
      *value = r->verb == VERB_DOWN ? -n->value : n->value;
    } else if (after_count(v, k, st) ||
               (k + 1 < nn && share_of_plan(st, v, k, r))) {
      *kind = FACT_PLAN_PCT;
    } else {
      *kind = FACT_ACTUAL;
    }
    return true;
  default:
    /* in a list of targets, "trên 45.000 doanh nghiệp" is one */
    if (n->unit_class == UNIT_ENTITY && !entity_counted(st, n) &&
        !(list && r->approx != APPROX_NONE))
      return false;
    /* "vượt 21 hợp tác xã so với kế hoạch", "72,82 triệu đồng, vượt 1,39
     * triệu đồng": above the plan by so many */
    if (r->verb == VERB_VUOT && (r->plan_ref || beyond_before(st, v, k, r))) {
      *kind = FACT_CHANGE;
      return true;
    }
    if (r->verb == VERB_UP || r->verb == VERB_DOWN) {
      *kind = FACT_CHANGE;
      *value = r->verb == VERB_DOWN ? -n->value : n->value;
    } else {
      *kind = FACT_ACTUAL;
    }
    return true;
  }
}

/* "từ 28 hộ xuống còn 23 hộ": the starting figure of a change. */
static bool is_base(const struct sent *st, const struct num *n,
                    const struct reading *r) {
  if (!r->from)
    return false;
  size_t e = skip_sp(st, n->end);
  return word_at(st, e, "xuống") || word_at(st, e, "lên") ||
         word_at(st, e, "xuống còn");
}

/* The year and period of figure 'n'. Sets '*past' when the figure is of
 * an earlier time named after it ("7,8% của cùng kỳ 2018"). */
/* Does 'fig' open the parentheses right after the year named at 'pos'
 * ("năm 2023 (7,14%)"), not "năm 2022 (kế hoạch 11%)"? */
static bool paren_after(const struct sent *st, size_t pos, size_t fig) {
  size_t i = pos;
  while (i < st->len && i < fig && st->lw[i] != '(')
    i++;
  if (i >= fig || i - pos > 12)
    return false;
  return skip_sp(st, i + 1) == fig;
}

/* Is 'pos' inside brackets (an unclosed '(' before it)? */
static bool in_paren(const struct sent *st, size_t pos) {
  size_t o = pos;
  while (o > 0 && st->lw[o - 1] != '(' && st->lw[o - 1] != ')')
    o--;
  return o > 0 && st->lw[o - 1] == '(';
}

/* Is 'pos' inside brackets that close before 'fig'? */
static bool closed_paren(const struct sent *st, size_t pos, size_t fig) {
  return in_paren(st, pos) && fig > pos && memchr(st->lw + pos, ')', fig - pos);
}

static struct period pick_period(const struct state *stt, const struct sent *st,
                                 const struct when *w, size_t nw,
                                 const struct num *n, bool *past,
                                 bool *carried) {
  *past = false;
  *carried = false;
  struct period p = stt->cur;
  for (size_t i = 0; i < nw; i++) {
    if (w[i].owner && w[i].pos >= n->end && w[i].pos < n->end + 40) {
      *past = true;
      return w[i].p;
    }
  }
  const struct when *best = NULL;
  for (size_t i = 0; i < nw; i++) {
    /* "GRDP ước tăng 7,48% (năm 2023 tăng 5,00%); GRDP bình quân ...": a
     * period in brackets closed before the figure is the brackets' */
    /* a local period ("cuối năm 2024", a ranking's year) dates its own
     * item of a list only */
    if (w[i].pos < n->start && !w[i].compare &&
        !closed_paren(st, w[i].pos, n->start) &&
        !(w[i].local && w[i].pos < clause_start(st, n->start, false)))
      best = &w[i];
    /* "cao hơn năm 2023 (7,14%)": the baseline's own figure */
    if (w[i].compare && w[i].pos < n->start &&
        paren_after(st, w[i].pos, n->start)) {
      *past = true;
      return w[i].p;
    }
  }
  /* "18/19 chỉ tiêu năm 2023 đạt ...", "từ 7% trở lên trong năm 2023":
   * with none before it, a period later in the figure's own part of the
   * sentence */
  for (size_t i = 0; i < nw && !best; i++) {
    if (w[i].pos >= n->end && !w[i].compare && !w[i].local &&
        clause_start(st, w[i].pos, true) <= n->start)
      best = &w[i];
  }
  if (best) {
    p = best->p;
    if (!p.year)
      p.year = stt->cur.year;
  } else {
    *carried = true;
  }
  return p;
}

/* The place of figure 'n': the nearest named before it, else the
 * paragraph's ("Tại huyện Tuần Giáo, ..." opening it), else the
 * document's. */
/* The first of the figures before 'k' in the ';'-item holding 'pos' and
 * after it, or NPOS. */
static size_t item_has_figure(const struct sent *st, const struct num *v,
                              size_t k, size_t pos) {
  size_t end = clause_end(st, pos, false);
  for (size_t j = 0; j < k; j++)
    if (v[j].start > pos && v[j].start < end)
      return j;
  return NPOS;
}

static void pick_place(const struct state *stt, const struct sent *st,
                       const struct place *pl, size_t np, const struct num *v,
                       size_t k, const char **name, const char **code) {
  const struct num *n = &v[k];
  *name = NULL; /* the document's */
  *code = NULL;
  if (stt->place_para == st->para) {
    *name = stt->para_place;
    *code = stt->para_code;
  }
  /* "xã Vũ Minh đạt 13/19 tiêu chí; xã Minh Tâm đạt 14/19 tiêu chí; 13
   * xã còn lại đạt ...": in a list itemised by place (two earlier items
   * or more each with a place and a figure), an item's place is its own */
  size_t own = clause_start(st, n->start, false);
  int items = 0;
  size_t last_item = NPOS;
  for (size_t i = 0; i < np; i++) {
    if (pl[i].pos >= own || item_has_figure(st, v, k, pl[i].pos) == NPOS)
      continue;
    size_t item = clause_start(st, pl[i].pos, false);
    if (item != last_item)
      items++;
    last_item = item;
  }
  for (size_t i = 0; i < np; i++) {
    if (pl[i].pos >= n->start)
      continue;
    if (items >= 2 && pl[i].pos < own &&
        item_has_figure(st, v, k, pl[i].pos) != NPOS)
      continue;
    *name = pl[i].name;
    *code = pl[i].code;
  }
}

static void fact_push(struct fact_list *l, const struct fact *f) {
  xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
  l->v[l->n++] = *f;
}

/* Everything the rules need about the sentence being read. */
struct sctx {
  const struct xcfg *x;
  struct extract_doc *doc;
  struct state *stt;
  const struct sent *st;
  struct num *nums;
  size_t nn;
  struct when *w;
  size_t nw;
  const struct place *pl;
  size_t np;
  bool list;        /* inside a list of planned figures */
  bool last_target; /* the sentence's last figure is planned */
  char *prev_label;
  size_t prev_clause;
  struct link_hits hits; /* the lexicon rows of the sentence, once found */
  struct link_result link; /* the last figure's indicator */
  struct reading prev_reading; /* what was read around the last figure */
  bool cues_found; /* 'cue_first' is filled */
  size_t cue_first[N_TARGET_CUES];
  int done; /* tells_done(st), or -1 before it is asked */
};

/* tells_done of the sentence, found once. */
static bool sent_done(struct sctx *c) {
  if (c->done < 0)
    c->done = tells_done(c->st);
  return c->done;
}

static bool estimated(const struct sctx *c, const struct num *n) {
  size_t a = clause_start(c->st, n->start, false);
  return words_in(c->st, a, n->start, est_cues);
}

/* Does the figure's phrase name a plan ("Dự toán thu ngân sách ... là
 * 14.032,3 tỷ đồng", "(trong đó dự toán HĐND tỉnh giao: 25.716 tỷ
 * đồng)")? */
static const struct word plan_subjects[] = {WORD("dự toán"), WORD("kế hoạch"), WORD("chỉ tiêu giao"),
                                            WORD_END};
static const struct word subject_openers[] = {WORD("trước đó"), WORD("trong đó"), WORD("riêng"),
                                              WORD_END};
static bool plan_subject(const struct sent *st, size_t vstart) {
  size_t a = clause_start(st, vstart, true);
  if (skip_sp(st, a) >= vstart && a > 0 && st->lw[a - 1] == ':')
    a = clause_start(st, a - 1, true); /* "dự toán ...: 25.716 tỷ đồng" */
  a = skip_sp(st, a);
  for (int k = 0; subject_openers[k].s; k++)
    if (word_at_n(st, a, subject_openers[k].s, subject_openers[k].n))
      a = skip_sp(st, a + subject_openers[k].n);
  for (int k = 0; plan_subjects[k].s; k++)
    if (a < vstart && word_at_n(st, a, plan_subjects[k].s, plan_subjects[k].n))
      return true;
  return false;
}

/* Deadlines: "đến năm 2030 đạt trên 85.000 tỷ đồng". */
static const struct word deadline_words[] = {WORD("đến năm"), WORD("tới năm"), WORD("đến hết năm"),
                                             WORD("vào năm"), WORD_END};

/* Is figure 'n' planned? */
static bool planned(struct sctx *c, const struct num *n,
                    const struct reading *r, int year, enum fact_kind kind) {
  if (kind == FACT_COUNT) {
    /* "phấn đấu đạt và vượt 25/25 chỉ tiêu" is planned; "phấn đấu đạt 17
     * chỉ tiêu" tells the plan's size, a count */
    size_t a = clause_start(c->st, n->start, false);
    return n->has_of && (word_find(c->st, a, n->start, "phấn đấu") != NPOS ||
                         word_find(c->st, a, n->start, "quyết tâm") != NPOS);
  }
  if (r->local_plan || c->list || plan_subject(c->st, r->vstart))
    return true;
  /* "năm nay huyện sẽ thu vượt khoảng 10% dự toán" foretells a result:
   * a share of the plan is planned only by a firm cue or a later year */
  bool weak = !(kind == FACT_PLAN_PCT && r->plan_ref) && !estimated(c, n);
  if (!c->cues_found) {
    for (size_t k = 0; k < N_TARGET_CUES; k++)
      c->cue_first[k] = word_find_n(c->st, 0, c->st->len, target_cues[k].w.s,
                                    target_cues[k].w.n);
    c->cues_found = true;
  }
  size_t cue = target_cue(c->st, n->start, weak, c->cue_first);
  if (cue != NPOS && cue < n->start)
    return true;
  if (c->doc->year && year > c->doc->year)
    return true;
  /* a figure of the year whose plan the document adopts, or one due "đến
   * năm 2030", unless it is told as done or estimated */
  if (sent_done(c) || estimated(c, n))
    return false;
  if (c->stt->plan_year && year == c->stt->plan_year)
    return true;
  size_t a = clause_start(c->st, n->start, false);
  return (words_in(c->st, a, n->start, deadline_words)) &&
         (!c->doc->year || year > c->doc->year);
}

/* How far into the sentence the words of its figures may be read: past
 * the last figure to the end of its part of the sentence (its counted
 * words, its excludes and needs), bounded. */
static size_t scan_end(const struct sent *st, const struct num *v, size_t n) {
  if (!n)
    return 0;
  size_t e = clause_end(st, v[n - 1].end, false);
  return e - v[n - 1].end > 160 ? v[n - 1].end + 160 : e;
}

static void one_figure(struct sctx *c, size_t k) {
  const struct sent *st = c->st;
  const struct num *n = &c->nums[k];
  struct reading r;
  read_around(st, n, &r);
  size_t cl = clause_start(st, n->start, false);
  if (k > 0 && c->nums[k - 1].range_low) {
    /* "tăng khoảng 21-22%": the upper end reads as the lower */
    enum fact_approx a = r.approx;
    r = c->prev_reading;
    r.approx = a;
  } else if (r.verb == VERB_NONE && !r.plan_ref && k > 0 &&
             c->prev_clause == cl && n->unit_class == c->nums[k - 1].unit_class &&
             word_before(st, r.vstart, "và") != NPOS) {
    /* "tăng 1,84% so với tháng trước và 12,36% so với cùng kỳ": a figure
     * after "và" with no verb of its own shares the one before it */
    r.verb = c->prev_reading.verb;
  }
  c->prev_reading = r;
  enum fact_kind kind;
  double value;
  if (!decide_kind(st, c->nums, k, c->nn, &r, c->list, &kind, &value))
    return;
  bool past, carried;
  struct period p = pick_period(c->stt, st, c->w, c->nw, n, &past, &carried);
  /* "Năm 2025, huyện phấn đấu ... Huyện đã hoàn thành 15 công trình": what
   * is done is not of a year after the document's date */
  if (carried && c->doc->year && p.year > c->doc->year &&
      word_find(st, 0, n->start, "đã") != NPOS) {
    p.kind = PERIOD_YEAR;
    p.year = c->doc->year;
  }
  bool base = is_base(st, n, &r);
  if (!base && !past && planned(c, n, &r, p.year, kind)) {
    kind = FACT_TARGET;
    value = n->value;
  }
  struct fact f;
  memset(&f, 0, sizeof f);
  f.kind = kind;
  f.value = value;
  f.of = n->of;
  f.has_of = n->has_of;
  f.approx = r.from && !base && r.approx == APPROX_NONE ? APPROX_GT : r.approx;
  if (r.verb == VERB_VUOT && kind != FACT_PLAN_PCT && kind != FACT_CHANGE &&
      n->unit_class != UNIT_PLAN && f.approx == APPROX_NONE &&
      word_before(st, r.vstart, "và") == NPOS)
    f.approx = APPROX_GT;
  f.estimated = kind != FACT_TARGET && !past && estimated(c, n);
  if (kind == FACT_TARGET || kind == FACT_PLAN_PCT)
    f.plan_of = r.plan_of;
  if ((r.average || n->per_year) && p.kind == PERIOD_SPAN)
    p.kind = PERIOD_AVERAGE;
  f.year = p.year;
  if (p.year)
    period_format(&p, f.period, sizeof f.period);
  struct extract_pool *pool = c->doc->pool;
  if (n->unit_class == UNIT_TIMES)
    f.unit = pool_intern(pool, "lần", strlen("lần"));
  else
    f.unit = pool_intern(pool, st->s + n->ustart, n->uend - n->ustart);
  const char *pname, *pcode;
  pick_place(c->stt, st, c->pl, c->np, c->nums, k, &pname, &pcode);
  f.locality = pname ? pool_intern(pool, pname, strlen(pname)) : NULL;
  f.locality_code = pcode ? pool_intern(pool, pcode, strlen(pcode)) : NULL;
  const char *prev = cl == c->prev_clause ? c->prev_label : NULL;
  char *label = label_for(st, n, r.vstart, prev);
  /* the indicator from the phrase that governs the figure; the upper end
   * of a range is the lower end's */
  if (!(k > 0 && c->nums[k - 1].range_low)) {
    if (!c->hits.done)
      link_scan(c->x, st, scan_end(st, c->nums, c->nn), &c->hits);
    /* "tăng 8%", "12-14%/năm", "tốc độ tăng thu ngân sách ... 10%": a
     * rise or fall, not a level */
    size_t own = clause_start(st, r.vstart, true);
    bool change = r.verb == VERB_UP || r.verb == VERB_DOWN || n->per_year ||
                  (n->unit_class == UNIT_PERCENT &&
                   words_in(st, own, r.vstart, rate_of_change));
    struct link_query q = {.n = n, .vstart = r.vstart, .kind = kind,
                           .change = change, .unit = f.unit,
                           .nums = c->nums, .nn = c->nn};
    link_figure(c->x, st, &c->hits, &q, &c->link);
    if (c->link.code && c->link.label_start != NPOS &&
        c->link.label_start < r.vstart) {
      size_t le = c->link.label_end;
      if (le == NPOS || le > r.vstart)
        le = r.vstart;
      char *named = label_span(st, c->link.label_start, le);
      if (named) {
        free(label);
        label = named;
      }
    }
  }
  f.label = pool_str(pool, label, strlen(label));
  free(c->prev_label);
  c->prev_label = label;
  c->prev_clause = cl;
  const char *code = c->link.code;
  f.indicator = code ? pool_intern(pool, code, strlen(code)) : NULL;
  /* "tỷ lệ hộ nghèo giảm 1,64%, vượt 0,64% kế hoạch": above a rate's
   * plan by points, not a percent of it */
  const struct indicator *ind = code ? config_indicator(c->x->cfg, code) : NULL;
  if (ind && f.kind == FACT_PLAN_PCT && r.verb == VERB_VUOT &&
      strcmp(ind->unit, "%") == 0) {
    f.kind = FACT_CHANGE;
    f.value = n->value;
  }
  if (c->link.n_cand > 1) {
    char cands[256] = "";
    for (size_t i = 0; i < c->link.n_cand; i++) {
      if (i)
        strncat(cands, " ", sizeof cands - strlen(cands) - 1);
      strncat(cands, c->link.cand[i], sizeof cands - strlen(cands) - 1);
    }
    f.candidates = pool_intern(pool, cands, strlen(cands));
  }
  f.sent_start = st->off;
  f.sent_end = st->off + st->len;
  f.span_start = st->off + n->start;
  f.span_end = st->off + n->end;
  c->last_target = kind == FACT_TARGET;
  if (!pname) {
    struct state *stt = c->stt;
    xgrow((void **)&stt->doc_place, &stt->cap_doc_place,
          stt->n_doc_place + 1, sizeof *stt->doc_place);
    stt->doc_place[stt->n_doc_place++] = c->doc->facts.n;
  }
  fact_push(&c->doc->facts, &f);
}

/* Cues that govern a whole list of planned figures, which may go on in
 * the next sentences of the paragraph: "phấn đấu tốc độ tăng trưởng đạt
 * 8,5%; ... Tỷ lệ lao động qua đào tạo đạt 64%; ...". The cue must come
 * before the sentence's first figure ("huyện có 7 xã ...; phấn đấu có
 * thêm 1 xã" opens no list). */
static const struct word list_cues[] = {WORD("phấn đấu"), WORD("đặt mục tiêu"), WORD("quyết tâm"),
                                        WORD_END};

/* Does the sentence name a year other than the one in force? Then it no
 * longer continues the planned figures of the sentence before. */
static bool names_other_year(const struct state *stt, const struct when *w,
                             size_t nw) {
  for (size_t i = 0; i < nw; i++)
    if (!w[i].compare && w[i].p.year && w[i].p.year != stt->cur.year)
      return true;
  return false;
}

/* Carry the sentence's first period to the next sentences (not one in
 * brackets: "(năm 2023 tăng 5,00%)"). */
static void update_state(struct state *stt, const struct sent *st,
                         const struct when *w, size_t nw) {
  for (size_t i = 0; i < nw; i++) {
    if (w[i].compare || w[i].local || in_paren(st, w[i].pos))
      continue;
    struct period p = w[i].p;
    if (!p.year)
      p.year = stt->cur.year;
    if (p.year) {
      stt->cur = p;
      stt->have_cur = true;
    }
    return;
  }
}

/* Words that open a paragraph about one place: "Tại huyện Tuần Giáo,",
 * "Riêng thành phố Điện Biên Phủ,", "Ở xã Thanh Chăn,". */
static const struct word place_openers[] = {WORD("tại"),     WORD("ở"),       WORD("riêng"),
                                            WORD("đối với"), WORD("về phía"), WORD_END};

/* A paragraph whose first sentence opens with a place (a level word and
 * a name, maybe after "Tại") is about that place: its figures without a
 * place of their own take it. */
static void paragraph_place(const struct xcfg *x, struct state *stt,
                            const struct sent *st) {
  if (st->para == stt->last_para)
    return;
  stt->last_para = st->para;
  stt->place_para = -1;
  if (st->title)
    return;
  size_t at = 0;
  for (int k = 0; place_openers[k].s; k++) {
    if (word_at_n(st, 0, place_openers[k].s, place_openers[k].n)) {
      at = skip_sp(st, place_openers[k].n);
      break;
    }
  }
  /* only a place after a level word at 'at' will do: the places are
   * scanned only then */
  if (!place_level_at(st, at))
    return;
  size_t np;
  const struct place *pl = sent_places(x, stt, st, &np);
  if (np && pl[0].pos == at && pl[0].by_level &&
      strcmp(pl[0].name, "Việt Nam") != 0) {
    free(stt->para_place);
    free(stt->para_code);
    stt->para_place = xstrdup(pl[0].name);
    stt->para_code = pl[0].code ? xstrdup(pl[0].code) : NULL;
    stt->place_para = st->para;
  }
}

const struct place *sent_places(const struct xcfg *x, struct state *stt,
                                const struct sent *st, size_t *n) {
  if (!stt->pl_done) {
    stt->pl = place_scan(x, st, &stt->np);
    stt->pl_done = true;
  }
  *n = stt->np;
  return stt->pl;
}

void rules_sentence(const struct xcfg *x, struct extract_doc *doc,
                    struct state *stt, const struct sent *st) {
  paragraph_place(x, stt, st);
  struct sctx c;
  memset(&c, 0, sizeof c);
  c.x = x;
  c.doc = doc;
  c.stt = stt;
  c.st = st;
  c.prev_clause = NPOS;
  c.w = when_scan(st, doc->year, &c.nw);
  c.done = -1;
  if (stt->list_para != st->para || sent_done(&c) ||
      (stt->list_cont && names_other_year(stt, c.w, c.nw)))
    stt->list_para = -1;
  c.list = stt->list_para >= 0;
  if ((opens_list(st) && !sent_done(&c)) || announces_targets(st)) {
    stt->list_para = st->para;
    stt->list_cont = false;
  }
  if (stt->n_sent++ < 4 && !stt->plan_year)
    stt->plan_year = adopted_year(st, c.w, c.nw);
  c.nums = number_scan(st, &c.nn);
  if (c.nn) {
    c.pl = sent_places(x, stt, st, &c.np);
    for (size_t k = 0; k < c.nn; k++)
      one_figure(&c, k);
  }
  /* a list of targets may go on in the next sentence */
  if (c.nn && c.last_target && stt->list_para < 0 && !sent_done(&c) &&
      words_in(st, 0, c.nums[0].start, list_cues)) {
    stt->list_para = st->para;
    stt->list_cont = true;
  }
  update_state(stt, st, c.w, c.nw);
  link_hits_free(&c.hits);
  free(c.prev_label);
  free(c.nums);
  free(c.w);
}
