/* extract/label.c - what a figure measures, as the text names it, and its
 * catalogue code.
 *
 * The label is the noun phrase before the figure's verb, within its part
 * of the sentence ("tổng thu ngân sách ước đạt 136,5 tỷ đồng" -> "tổng thu
 * ngân sách"). A figure with no phrase of its own takes the label of the
 * figure before it in the clause ("bằng 100,03% kế hoạch và bằng 103,5%
 * cùng kỳ"); a count names itself ("18 chỉ tiêu chủ yếu" -> "chỉ tiêu chủ
 * yếu"). The indicator is decided by link.c, which may name a longer
 * phrase further back as the label (label_span). */
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

char *label_span(const struct sent *st, size_t a, size_t b) {
  trim(st, &a, &b);
  if (b > a + 2 && b - a < 160)
    return xstrndup(st->s + a, b - a);
  return NULL;
}
