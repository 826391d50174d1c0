/* extract/label.c - what a figure measures, as the text names it, and its
 * catalogue code.
 *
 * The label is the noun phrase before the figure's verb, within its part
 * of the sentence ("tổng thu ngân sách ước đạt 136,5 tỷ đồng" -> "tổng thu
 * ngân sách"). A figure with no phrase of its own takes the label of the
 * figure before it in the clause ("bằng 100,03% kế hoạch và bằng 103,5%
 * cùng kỳ"); a count names itself ("18 chỉ tiêu chủ yếu" -> "chỉ tiêu chủ
 * yếu"). Codes come from the indicators' names and aliases, compared
 * without case or diacritics; the longest alias found in the label wins. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "text/text.h"
#include "util/xalloc.h"

/* Openers that are not part of the indicator's name. */
static const struct word openers[] = {
    WORD("trong đó"), WORD("riêng"),     WORD("cụ thể"),     WORD("về"),        WORD("còn"),
    WORD("và"),       WORD("theo đó"),   WORD("ngoài ra"),   WORD("đồng thời"), WORD("nổi bật như"),
    WORD("nổi bật"),  WORD("trong năm"), WORD("tính chung"), WORD("trước đó"),  WORD_END};

static bool space_or_punct(char c) {
  return c == ' ' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' ||
         c == '.' || c == '-' || c == '"';
}

/* Trim 'a'..'b' of spaces, punctuation and openers. */
static void trim(const struct sent *st, size_t *a, size_t *b) {
  for (;;) {
    while (*a < *b && space_or_punct(st->lw[*a]))
      (*a)++;
    bool again = false;
    for (int k = 0; openers[k].s; k++) {
      size_t l = openers[k].n;
      if (*a + l <= *b && word_at_n(st, *a, openers[k].s, l)) {
        *a += l;
        again = true;
        break;
      }
    }
    if (!again)
      break;
  }
  while (*b > *a && space_or_punct(st->lw[*b - 1]))
    (*b)--;
}

/* The noun phrase after the unit of a count: "chỉ tiêu chủ yếu". */
static char *unit_phrase(const struct sent *st, const struct num *n) {
  size_t a = n->ustart, b = n->uend;
  int words = 0;
  size_t i = b;
  while (i < st->len && st->lw[i] == ' ' && words < 5) {
    size_t l = word_len(st, i + 1);
    if (!l || word_at(st, i + 1, "đạt") || word_at(st, i + 1, "và") ||
        word_at(st, i + 1, "được") || word_at(st, i + 1, "hoàn thành"))
      break;
    i += 1 + l;
    words++;
  }
  b = i;
  return xstrndup(st->s + a, b - a);
}

/* Verbs of planning inside the phrase: "tỉnh phấn đấu trồng" -> "trồng". */
static const struct word plan_verbs[] = {WORD("phấn đấu"), WORD("đặt mục tiêu"), WORD("sẽ"),
                                         WORD_END};

char *label_for(const struct sent *st, const struct num *n, size_t vstart,
                const char *prev) {
  size_t b = vstart;
  size_t a = clause_start(st, b, true);
  for (int k = 0; plan_verbs[k].s; k++) {
    size_t l = plan_verbs[k].n;
    size_t p = word_find_n(st, a, b, plan_verbs[k].s, l);
    if (p != NPOS && p + l < b)
      a = p + l;
  }
  trim(st, &a, &b);
  if (b > a + 2 && b - a < 200)
    return xstrndup(st->s + a, b - a);
  if (n->unit_class == UNIT_PLAN || n->unit_class == UNIT_ENTITY)
    return unit_phrase(st, n);
  if (prev)
    return xstrdup(prev);
  return unit_phrase(st, n);
}

/* The alias of 'x' found in the folded 'key' that label_indicator takes:
 * the longest, and of equals the first in the config. An alias counts at
 * the start of the key or after " " or "(", and before its end, " ", ")"
 * or ",". Only the aliases indexed under the two bytes at each such
 * position are tried. */
const char *label_indicator(const struct xcfg *x, const char *label) {
  if (!x || !x->n_ind || !label)
    return NULL;
  char tmp[512], *owned;
  const char *key = text_fold_buf(label, strlen(label), tmp, sizeof tmp, &owned);
  size_t klen = strlen(key), best_len = 0, best_i = 0;
  const char *best = NULL;
  for (size_t p = 0; p < klen; p++) {
    if (p > 0 && key[p - 1] != ' ' && key[p - 1] != '(')
      continue;
    unsigned pair =
        (unsigned char)key[p] * 256u + (unsigned char)key[p + 1];
    for (size_t j = x->ind_by[pair]; j < x->ind_by[pair + 1]; j++) {
      size_t i = x->ind_at[j];
      size_t l = x->ind[i].len;
      if (l < best_len || (l == best_len && i > best_i) || l > klen - p)
        continue;
      char r = key[p + l];
      if ((r == '\0' || r == ' ' || r == ')' || r == ',') &&
          memcmp(key + p, x->ind[i].key, l) == 0) {
        best_len = l;
        best_i = i;
        best = x->cfg->indicators[x->ind[i].idx].code;
      }
    }
  }
  free(owned);
  return best;
}
