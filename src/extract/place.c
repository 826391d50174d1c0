/* extract/place.c - the places a document and its sentences are about.
 *
 * A place is named after a level word ("tỉnh Điện Biên", "huyện Bảo Yên",
 * "thị xã Sa Pa", "TP. Lào Cai", "xã An Bình"), as a known name of the
 * localities config ("Bắc Giang hiện có ...", "của Quảng Ninh"), or as the
 * whole country ("cả nước", "toàn quốc": Việt Nam). Names are matched
 * without diacritics or case (text_fold), and kept as written when the
 * config does not know them. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "text/lower.h"
#include "text/text.h"
#include "util/xalloc.h"

#define MAX_NAME_WORDS 4

/* The level words: a place's name follows them. Each row says where it
 * counts: LEVEL_TEXT anywhere, LEVEL_HEADING only in a document's heading
 * block, where the Party committee of a level names its place ("HUYỆN ỦY
 * MƯỜNG ẢNG", "TỈNH ỦY ĐIỆN BIÊN"). A row whose word ends with "." may be
 * followed by the name without a space ("TP.Lào Cai"). The rows are tried
 * in order: a longer word before a shorter one it starts with. The index
 * by first byte is made from the rows (place_init), never by hand. */
enum { LEVEL_TEXT = 1, LEVEL_HEADING = 2 };
struct level_word {
  struct word w;
  const char *level; /* as in localities.yaml */
  int role;          /* LEVEL_* */
};

#define LW(w, level) {WORD(w), level, LEVEL_TEXT | LEVEL_HEADING}
#define LH(w, level) {WORD(w), level, LEVEL_HEADING}
static const struct level_word levels[] = {
    LH("thành ủy", "thành phố"), LH("thành uỷ", "thành phố"),
    LH("thị ủy", "thị xã"),      LH("thị uỷ", "thị xã"),
    LH("tỉnh ủy", "tỉnh"),       LH("tỉnh uỷ", "tỉnh"),
    LH("huyện ủy", "huyện"),     LH("huyện uỷ", "huyện"),
    LH("quận ủy", "quận"),       LH("quận uỷ", "quận"),
    LW("thành phố", "thành phố"), LW("thị xã", "thị xã"),
    LW("thị trấn", "thị trấn"),   LW("tỉnh", "tỉnh"),
    LW("huyện", "huyện"),         LW("quận", "quận"),
    LW("phường", "phường"),       LW("xã", "xã"),
    LW("tp.", "thành phố"),       LW("tp", "thành phố"),
    LW("tx.", "thị xã"),          {WORD_END, NULL, 0}};
#define N_LEVELS (sizeof levels / sizeof *levels - 1)

/* The rows of 'levels' by their first byte: level_from[c] ..
 * level_from[c + 1] of level_rows are their indexes, in table order.
 * Built once by place_init, read only after. */
static unsigned char level_from[257];
static unsigned char level_rows[N_LEVELS];
static bool levels_ready;

void place_init(void) {
  if (levels_ready)
    return;
  unsigned char count[256] = {0};
  for (size_t k = 0; k < N_LEVELS; k++)
    count[(unsigned char)levels[k].w.s[0]]++;
  level_from[0] = 0;
  for (int c = 0; c < 256; c++)
    level_from[c + 1] = (unsigned char)(level_from[c] + count[c]);
  unsigned char at[256];
  memcpy(at, level_from, sizeof at);
  for (size_t k = 0; k < N_LEVELS; k++)
    level_rows[at[(unsigned char)levels[k].w.s[0]]++] = (unsigned char)k;
  levels_ready = true;
}

/* Words that start names of bodies, not places ("Ban Chấp hành"). */
static const struct word not_place[] = {
    WORD("hội"),   WORD("ban"),  WORD("đảng"), WORD("ủy"),   WORD("uỷ"),     WORD("sở"),    WORD("bộ"),    WORD("chủ"),
    WORD("phó"),   WORD("bí"),   WORD("nghị"), WORD("kế"),   WORD("chương"), WORD("quốc"),  WORD("trung"), WORD("nhà"),
    WORD("thủ"),   WORD("lễ"),   WORD("giải"), WORD("đại"),  WORD("tỉnh"),   WORD("huyện"), WORD("thị"),   WORD("xã"),
    WORD("thành"), WORD("tin"),  WORD("tình"), WORD("kinh"), WORD("chi"),    WORD("cục"),   WORD("phòng"), WORD("trường"),
    WORD("công"),  WORD("lượt"), WORD("thời"), WORD("ngày"), WORD("thứ"),    WORD("chào"),  WORD("trang"), WORD("tổng"),
    WORD("khu"),   WORD("cảng"), WORD("dự"),   WORD("đề"),   WORD("ủy"),     WORD("mặt"),   WORD_END};

/* Words that make a known place name part of the name of something
 * else: "Chiến thắng Điện Biên Phủ", "sân bay Nội Bài", "cầu Mỹ Thuận". */
static const struct word names_thing[] = {
    WORD("chiến thắng"), WORD("chiến dịch"), WORD("giải phóng"), WORD("kỷ niệm"),     WORD("lễ hội"),
    WORD("sân bay"),     WORD("cảng"),       WORD("báo"),        WORD("đài"),         WORD("bệnh viện"),
    WORD("trường"),      WORD("công ty"),    WORD("cầu"),        WORD("đường"),       WORD("phố"),
    WORD("sông"),        WORD("hồ"),         WORD("núi"),        WORD("đèo"),         WORD("di tích"),
    WORD("bảo tàng"),    WORD("nhà máy"),    WORD("thủy điện"),  WORD("cửa khẩu"),    WORD("hiệp định"),
    WORD("chợ"),         WORD("ga"),         WORD("bến xe"),     WORD("khu du lịch"), WORD("vụ"),
    WORD_END}; /* "vụ Đông Xuân" is a crop season, not huyện Đông Xuân */

/* Is the word at 'i' an acronym ("NTM", "UBND")? */
static bool acronym_at(const struct sent *st, size_t i, size_t n) {
  if (n < 2)
    return false;
  for (size_t k = 0; k < n; k++) {
    unsigned char c = (unsigned char)st->s[i + k];
    if (c >= 0x80 && st->s[i + k] == st->lw[i + k])
      return false;
    if (c < 0x80 && !(c >= 'A' && c <= 'Z'))
      return false;
  }
  return true;
}

/* Is every letter of the word at 'i' ('n' bytes) a capital ("MƯỜNG",
 * "LAY")? */
static bool all_caps(const struct sent *st, size_t i, size_t n) {
  for (size_t k = i; k < i + n; k++)
    if (((unsigned char)st->s[k] & 0xC0) != 0x80 && !(st->wb[k] & WB_UPPER))
      return false;
  return n > 0;
}

/* Capitalised words from 'i': their end, and how many in '*nw'; the ends
 * of each prefix go to 'ends'. Words in capitals only ('caps', a name
 * written in capitals: "THỊ XÃ MƯỜNG LAY") may look like acronyms; else
 * an acronym ends the run. */
static size_t cap_run(const struct sent *st, size_t i, size_t *ends, int *nw,
                      bool caps) {
  size_t j = i;
  *nw = 0;
  while (*nw < MAX_NAME_WORDS && j < st->len && upper_at(st, j)) {
    size_t l = word_len(st, j);
    if (!l || (caps ? !all_caps(st, j, l) : acronym_at(st, j, l)))
      break;
    ends[(*nw)++] = j + l;
    j += l;
    if (j + 1 < st->len && st->lw[j] == ' ' && upper_at(st, j + 1))
      j++;
    else
      break;
  }
  return *nw ? ends[*nw - 1] : i;
}

const char *place_resolve(const struct xcfg *x, const char *name, size_t len,
                          const char *level) {
  if (!x || !x->n_loc)
    return NULL;
  char tmp[256], *owned;
  const char *key = text_fold_buf(name, len, tmp, sizeof tmp, &owned);
  size_t lo = 0, hi = x->n_loc;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (strcmp(x->loc[mid].key, key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  const char *code = NULL;
  for (size_t k = lo; k < x->n_loc && strcmp(x->loc[k].key, key) == 0; k++) {
    const struct locality *l = &x->cfg->localities[x->loc[k].idx];
    if (!code)
      code = l->code;
    if (level && l->level && strcmp(l->level, level) == 0) {
      code = l->code;
      break;
    }
  }
  free(owned);
  return code;
}

long place_gaz_index(const struct xcfg *x, const char *name, size_t len) {
  if (!x || !x->n_gaz)
    return -1;
  char tmp[256], *owned;
  const char *key = text_fold_buf(name, len, tmp, sizeof tmp, &owned);
  size_t lo = 0, hi = x->n_gaz;
  long found = -1;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(x->gaz[mid], key);
    if (c == 0) {
      found = (long)mid;
      break;
    }
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  free(owned);
  return found;
}

/* A name written in capitals in title case: "MƯỜNG LAY" -> "Mường Lay"
 * (each word's first letter kept, the rest lower-cased in place). */
static void title_case(char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    while (i < len && s[i] == ' ')
      i++;
    size_t a = i + 1; /* after the first letter */
    while (a < len && ((unsigned char)s[a] & 0xC0) == 0x80)
      a++;
    size_t e = a;
    while (e < len && s[e] != ' ')
      e++;
    if (a < e)
      text_lower_same(s + a, e - a);
    i = e;
  }
}

static void add_place(struct place **v, size_t *n, size_t *cap, size_t pos,
                      const char *name, size_t len, const char *code,
                      bool caps, bool known) {
  xgrow((void **)v, cap, *n + 1, sizeof **v);
  (*v)[*n].pos = pos;
  (*v)[*n].name = xstrndup(name, len);
  if (caps)
    title_case((*v)[*n].name, len);
  (*v)[*n].code = code ? xstrdup(code) : NULL;
  (*v)[*n].by_level = false;
  (*v)[*n].known = known || code;
  (*n)++;
}

/* The longest prefix of the run at 'i' that the config knows, or else
 * the gazetteer ('*code' NULL then): "Sở Tài chính Nghệ An" holds no
 * configured place, but "Nghệ An" is a province. */
static int known_prefix(const struct xcfg *x, const struct sent *st, size_t i,
                        const size_t *ends, int nw, const char *level,
                        const char **code) {
  for (int k = nw; k > 0; k--) {
    *code = place_resolve(x, st->s + i, ends[k - 1] - i, level);
    if (*code)
      return k;
  }
  for (int k = nw; k > 0; k--)
    if (place_gaz_index(x, st->s + i, ends[k - 1] - i) >= 0)
      return k;
  return 0;
}

/* Is a name after the level word 'lv' at 'i', whose first word starts
 * at 'j', written in capitals? The level word and the name's first word
 * are, and either the level word is a whole word ("THỊ XÃ SA PA") or that
 * first word is no acronym ("TP LAI CHÂU"; "TP. HCM" names no place). */
static bool caps_after(const struct sent *st, size_t i,
                       const struct level_word *lv, size_t j) {
  size_t l = word_len(st, j);
  if (!l || !all_caps(st, j, l))
    return false;
  size_t a = word_len(st, i); /* "TP" of "TP.", "THỊ" of "THỊ XÃ" */
  if (!all_caps(st, i, a))
    return false;
  bool abbrev = lv->w.s[lv->w.n - 1] == '.' || lv->w.n <= 2;
  return !abbrev || !acronym_at(st, j, l);
}

/* Words before a level word that make it plural: "các tỉnh Bắc Trung Bộ"
 * names a region's provinces, not a province. */
static const struct word plural_words[] = {WORD("các"), WORD("những"), WORD("nhiều"),
                                           WORD("một số"), WORD_END};

/* "tỉnh Điện Biên": a place after a level word at 'i'. */
static size_t level_place(const struct xcfg *x, const struct sent *st, size_t i,
                          const struct level_word *lv, struct place **v,
                          size_t *n, size_t *cap) {
  size_t j = skip_sp(st, i + lv->w.n);
  if (words_before(st, i, plural_words, NULL) != NPOS)
    return j;
  size_t ends[MAX_NAME_WORDS];
  int nw;
  bool caps = caps_after(st, i, lv, j);
  cap_run(st, j, ends, &nw, caps);
  if (!nw)
    return i + lv->w.n;
  const char *code = NULL;
  int k = known_prefix(x, st, j, ends, nw, lv->level, &code);
  size_t e = k ? ends[k - 1] : ends[nw - 1];
  add_place(v, n, cap, i, st->s + j, e - j, code, caps, k > 0);
  (*v)[*n - 1].by_level = true;
  return e;
}

/* The level word at 'i' (a word's start) of a row with one of the roles
 * 'role', or NULL. */
static const struct level_word *level_at(const struct sent *st, size_t i,
                                         int role) {
  unsigned char c = (unsigned char)st->lw[i];
  for (unsigned r = level_from[c]; r < level_from[c + 1]; r++) {
    const struct level_word *lv = &levels[level_rows[r]];
    if (!(lv->role & role))
      continue;
    if (word_at_n(st, i, lv->w.s, lv->w.n) ||
        (lv->w.s[lv->w.n - 1] == '.' && i + lv->w.n <= st->len &&
         memcmp(st->lw + i, lv->w.s, lv->w.n) == 0))
      return lv;
  }
  return NULL;
}

bool place_level_at(const struct sent *st, size_t i) {
  return i < st->len && (st->wb[i] & WB_WORD) && level_at(st, i, LEVEL_TEXT);
}

bool place_heading_level_at(const struct sent *st, size_t i) {
  return i < st->len && (st->wb[i] & WB_WORD) &&
         level_at(st, i, LEVEL_HEADING);
}

/* Words that open the name of a firm or a bank. */
static const struct word firm_words[] = {WORD("công ty"), WORD("tập đoàn"), WORD("ngân hàng"),
                                         WORD("doanh nghiệp"), WORD_END};

/* Is 'i' inside the name of a firm: after one of firm_words, a few words
 * before it with no comma between? */
static bool in_firm_name(const struct sent *st, size_t i) {
  size_t a = i > 48 ? i - 48 : 0;
  for (int k = 0; firm_words[k].s; k++) {
    size_t p = word_find_n(st, a, i, firm_words[k].s, firm_words[k].n);
    if (p != NPOS && !memchr(st->lw + p, ',', i - p))
      return true;
  }
  return false;
}

/* Words of a ranking before "cả nước" ("đứng thứ 8 cả nước", "dẫn đầu
 * cả nước", "top 10 cả nước"), looked for among the few words before it. */
static const struct word rank_words[] = {WORD("đứng thứ"), WORD("đứng đầu"), WORD("dẫn đầu"),
                                         WORD("xếp thứ"),  WORD("top"),      WORD("vị trí"),
                                         WORD("thứ"),      WORD("cao nhất"), WORD("nhóm"),
                                         WORD_END};
static bool ranked(const struct sent *st, size_t i) {
  size_t a = i > 24 ? i - 24 : 0;
  return words_in(st, a, i, rank_words);
}

/* The places of 'st' after the level words of 'role'. */
static struct place *scan(const struct xcfg *x, const struct sent *st,
                          size_t *n, int role) {
  struct place *v = NULL;
  size_t cap = 0;
  *n = 0;
  size_t i = 0;
  while (i < st->len) {
    if (!(st->wb[i] & WB_WORD)) {
      i++;
      continue;
    }
    const struct level_word *lv = level_at(st, i, role);
    if (lv) {
      size_t e = level_place(x, st, i, lv, &v, n, &cap);
      i = e > i ? e : i + 1;
      continue;
    }
    /* "đứng thứ 8 cả nước", "dẫn đầu cả nước": a ranking, not the place */
    if ((word_at(st, i, "cả nước") || word_at(st, i, "toàn quốc")) &&
        !ranked(st, i)) {
      add_place(&v, n, &cap, i, "Việt Nam", strlen("Việt Nam"),
                place_resolve(x, "Việt Nam", strlen("Việt Nam"), NULL), false,
                true);
      i += 4;
      continue;
    }
    if (x && x->n_loc && upper_at(st, i)) {
      size_t ends[MAX_NAME_WORDS];
      int nw;
      /* a name in capitals ("CỤC THỐNG KÊ ĐIỆN BIÊN") may start at any
       * of the run's words: the next is tried if this one starts none */
      size_t l = word_len(st, i);
      bool caps = all_caps(st, i, l) && !acronym_at(st, i, l);
      cap_run(st, i, ends, &nw, caps);
      const char *code = NULL;
      int k = nw >= 1 ? known_prefix(x, st, i, ends, nw, NULL, &code) : 0;
      /* a one-word name is too often a common word; a name the config
       * lacks inside a firm's name is the firm's ("Công ty CP Lọc hóa dầu
       * Bình Sơn") */
      bool thing = words_before(st, i, names_thing, NULL) != NPOS ||
                   (!code && k && in_firm_name(st, i));
      if (!thing && (k >= 2 || (k == 1 && nw == 1 && word_len(st, i) > 4))) {
        add_place(&v, n, &cap, i, st->s + i, ends[k - 1] - i, code, caps,
                  true);
        i = ends[k - 1];
        continue;
      }
      i = nw ? ends[caps ? 0 : nw - 1] : i + 1;
      continue;
    }
    size_t wl = word_len(st, i);
    i += wl ? wl : 1;
  }
  return v;
}

struct place *place_scan(const struct xcfg *x, const struct sent *st,
                         size_t *n) {
  return scan(x, st, n, LEVEL_TEXT);
}

struct place *place_scan_heading(const struct xcfg *x, const struct sent *st,
                                 size_t *n) {
  return scan(x, st, n, LEVEL_HEADING);
}

void place_free(struct place *pl, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(pl[i].name);
    free(pl[i].code);
  }
  free(pl);
}

static void keep(char **dst, const char *s, size_t len) {
  if (!*dst)
    *dst = xstrndup(s, len);
}

/* "Phú Lương: Nhiều chỉ tiêu ...", "MƯỜNG LAY: ..." (kept in title
 * case). */
static void title_colon(struct place_main *m, const struct sent *st) {
  size_t ends[MAX_NAME_WORDS];
  int nw;
  size_t l = word_len(st, 0);
  bool caps = all_caps(st, 0, l) && !acronym_at(st, 0, l);
  size_t e = cap_run(st, 0, ends, &nw, caps);
  if (nw && e < st->len && st->s[e] == ':' && !m->title_colon) {
    keep(&m->title_colon, st->s, e);
    if (caps)
      title_case(m->title_colon, e);
  }
}

/* The first run of two or more capitalised words not naming a body. */
static void title_run(struct place_main *m, const struct sent *st) {
  size_t i = 0;
  while (i < st->len && !m->title_run) {
    if (upper_at(st, i) && !word_byte_before(st, i)) {
      size_t ends[MAX_NAME_WORDS];
      int nw;
      size_t e = cap_run(st, i, ends, &nw, false);
      if (!nw) { /* an acronym: "LL", "UBND" */
        i += word_len(st, i) ? word_len(st, i) : 1;
        continue;
      }
      int k;
      bool body = words_before(st, ends[0], not_place, &k) == i;
      if (nw >= 2 && !body && i > 0)
        keep(&m->title_run, st->s + i, e - i);
      else if (nw >= 2 && !body && i == 0 && e < st->len && st->lw[e] == ' ')
        keep(&m->title_run, st->s + i, e - i);
      i = e > i ? e : i + 1;
    } else {
      i++;
    }
  }
}

/* The title and the first LEAD_SENTENCES after it name the place if any
 * sentence does; mentions are counted over the whole text only when they
 * do not. */
#define LEAD_SENTENCES 3

void place_main_init(struct place_main *m, const struct xcfg *x) {
  memset(m, 0, sizeof *m);
  m->x = x;
  if (x && x->cfg && x->cfg->n_localities)
    m->count = xcalloc(x->cfg->n_localities, sizeof *m->count);
}

/* Count a mention of a name the gazetteer knows (and the config not). */
static void count_gaz(struct place_main *m, const char *name) {
  long g = place_gaz_index(m->x, name, strlen(name));
  if (g < 0)
    return;
  if (!m->gaz_count) {
    m->gaz_count = xcalloc(m->x->n_gaz, sizeof *m->gaz_count);
    m->gaz_names = xcalloc(m->x->n_gaz, sizeof *m->gaz_names);
  }
  if (!m->gaz_count[g]++)
    m->gaz_names[g] = xstrdup(name);
}



void place_main_sentence(struct place_main *m, const struct sent *st,
                         const struct place *pl, size_t n) {
  for (size_t k = 0; k < n; k++) {
    bool lvl = pl[k].by_level;
    bool country = strcmp(pl[k].name, "Việt Nam") == 0;
    if (st->title && lvl && !country)
      keep(&m->title_level, pl[k].name, strlen(pl[k].name));
    if (st->title && pl[k].known && !country)
      keep(&m->title_known, pl[k].name, strlen(pl[k].name));
    if (pl[k].known && !pl[k].code && !country)
      count_gaz(m, pl[k].name);
    if (!st->title && m->lead_seen < LEAD_SENTENCES && lvl && !country)
      keep(&m->lead_level, pl[k].name, strlen(pl[k].name));
    if (pl[k].code && m->count && !country) {
      const struct config *cfg = m->x->cfg;
      for (size_t i = 0; i < cfg->n_localities; i++) {
        if (strcmp(cfg->localities[i].code, pl[k].code) == 0) {
          m->count[i]++;
          break;
        }
      }
    }
  }
  if (st->title) {
    title_colon(m, st);
    title_run(m, st);
    return;
  }
  m->lead_seen++;
  /* the place is decided: the rest of the text cannot change it */
  m->done = m->lead_seen >= LEAD_SENTENCES &&
            (m->title_level || m->title_colon || m->title_known ||
             m->title_run || m->lead_level);
}

/* The locality with most mentions, its own and its children's; the top
 * of the tree (the country) is left out. */
static const struct locality *most_named(const struct place_main *m) {
  const struct config *cfg = m->x->cfg;
  if (!cfg || !m->count)
    return NULL;
  size_t *score = xcalloc(cfg->n_localities + 1, sizeof *score);
  for (size_t i = 0; i < cfg->n_localities; i++) {
    long p = (long)i;
    while (p >= 0 && m->count[i]) {
      score[p] += m->count[i];
      p = cfg->localities[p].parent_idx;
    }
  }
  const struct locality *best = NULL;
  size_t best_score = 0;
  for (size_t i = 0; i < cfg->n_localities; i++) {
    if (cfg->localities[i].parent_idx < 0 && cfg->n_localities > 1)
      continue;
    if (score[i] > best_score) {
      best_score = score[i];
      best = &cfg->localities[i];
    }
  }
  free(score);
  return best;
}

void place_main_finish(struct place_main *m, struct extract_doc *doc,
                       const struct locality *dflt) {
  char *pick[] = {m->title_level, m->title_colon, m->title_known,
                  m->title_run, m->lead_level};
  for (int k = 0; k < 5 && !doc->locality; k++) {
    if (pick[k] && !(dflt && pick[k] == m->title_run))
      doc->locality = xstrdup(pick[k]);
  }
  if (!doc->locality && dflt) { /* it takes the place of the guesses */
    doc->locality = xstrdup(dflt->name);
    doc->locality_code = xstrdup(dflt->code);
  } else if (!doc->locality) {
    const struct locality *l = most_named(m);
    if (l)
      doc->locality = xstrdup(l->name);
  }
  if (!doc->locality && m->gaz_count) {
    /* else the province or district the gazetteer knows, named most (at
     * least twice) */
    size_t best = 0, best_n = 1;
    for (size_t g = 0; g < m->x->n_gaz; g++) {
      if (m->gaz_count[g] > best_n) {
        best_n = m->gaz_count[g];
        best = g;
      }
    }
    if (best_n > 1)
      doc->locality = xstrdup(m->gaz_names[best]); /* as first written */
  }
  if (doc->locality && !doc->locality_code) {
    const char *code =
        place_resolve(m->x, doc->locality, strlen(doc->locality), NULL);
    doc->locality_code = code ? xstrdup(code) : NULL;
  }
  for (int k = 0; k < 5; k++)
    free(pick[k]);
  free(m->count);
  for (size_t g = 0; m->gaz_names && g < m->x->n_gaz; g++)
    free(m->gaz_names[g]);
  free(m->gaz_count);
  free(m->gaz_names);
  memset(m, 0, sizeof *m);
}
