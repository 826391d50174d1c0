/* extract/words.c - whole-word matching on a sentence's lower-cased copy.
 * A word byte is an ASCII letter or digit or any byte of a non-ASCII
 * letter; general punctuation (U+2000-U+206F: quotes, dashes, "…"), the
 * no-break space and guillemets are not. */
#define _GNU_SOURCE /* memrchr, memmem */
#include <pthread.h>
#include <string.h>

#include "extract/extract_int.h"
#include "text/lower.h"
#include "text/text.h"

static bool ascii_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

static bool cp_word(int cp) {
  if (cp < 0x80)
    return ascii_word((unsigned char)cp);
  if (cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xFFFD)
    return false;
  return !(cp >= 0x2000 && cp <= 0x206F);
}

/* sent_lower one code point at a time, for the table below and for what
 * it does not hold. */
static void lower_slow(char *lw, size_t len, unsigned char *wb) {
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)lw[i];
    if (c < 0x80) {
      bool up = c >= 'A' && c <= 'Z';
      if (up)
        lw[i] = (char)(c + 32);
      wb[i++] = (unsigned char)((ascii_word(c) ? WB_START | WB_PART | WB_END
                                               : 0) |
                                (up ? WB_UPPER : 0));
      continue;
    }
    int cp;
    int n = text_utf8_decode(lw + i, len - i, &cp);
    char was[4];
    memcpy(was, lw + i, (size_t)n);
    /* a letter and its lower case are both word characters */
    text_lower_one(lw + i, cp, n);
    if (!cp_word(cp)) { /* U+FFFD too: bytes that are not UTF-8 */
      memset(wb + i, 0, (size_t)n);
    } else {
      memset(wb + i, WB_PART, (size_t)n);
      wb[i] |= WB_START;
      wb[i + (size_t)n - 1] |= WB_END;
    }
    /* WB_UPPER where the bytes from there to the character's end changed */
    bool up = false;
    for (int k = n - 1; k >= 0; k--) {
      up = up || was[k] != lw[i + (size_t)k];
      if (up)
        wb[i + (size_t)k] |= WB_UPPER;
    }
    i += (size_t)n;
  }
}

/* What lower_slow does to each code point of two or three bytes below
 * CHARS_MAX (all of Vietnamese, and the punctuation around it), made
 * once from lower_slow itself: its lower case and the classes of its
 * bytes. */
#define CHARS_MAX 0x2100
struct char_entry {
  char lo[3];
  unsigned char wb[3];
};
static struct char_entry chars[CHARS_MAX];
/* The same for ASCII, with WB_WHEN on the bytes that start a period
 * (when_head_bytes). */
static char ascii_lo[128];
static unsigned char ascii_wb[128];
/* Built exactly once, by the first thread to ask (pthread_once), then
 * only read. */
static pthread_once_t chars_once = PTHREAD_ONCE_INIT;

static void chars_build(void) {
  bool when_first[128];
  when_head_bytes(when_first);
  for (int c = 0; c < 128; c++) {
    ascii_lo[c] = (char)c;
    lower_slow(&ascii_lo[c], 1, &ascii_wb[c]);
    if (when_first[c])
      ascii_wb[c] |= WB_WHEN;
    if (ascii_wb[c] & WB_START)
      ascii_wb[c] |= WB_WORD;
  }
  for (int cp = 0x80; cp < CHARS_MAX; cp++) {
    struct char_entry *e = &chars[cp];
    size_t n;
    if (cp < 0x800) {
      e->lo[0] = (char)(0xC0 | (cp >> 6));
      e->lo[1] = (char)(0x80 | (cp & 0x3F));
      n = 2;
    } else {
      e->lo[0] = (char)(0xE0 | (cp >> 12));
      e->lo[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
      e->lo[2] = (char)(0x80 | (cp & 0x3F));
      n = 3;
    }
    lower_slow(e->lo, n, e->wb);
  }
}

void sent_lower_init(void) { pthread_once(&chars_once, chars_build); }

static bool cont(unsigned char c) { return (c & 0xC0) == 0x80; }

void sent_lower(char *lw, size_t len, unsigned char *wb) {
  sent_lower_init();
  size_t i = 0;
  bool prev_end = false; /* a word character ends before 'i' */
  while (i < len) {
    unsigned char c = (unsigned char)lw[i];
    if (c < 0x80) {
      unsigned char t = ascii_wb[c];
      if (prev_end)
        t &= (unsigned char)~(WB_WHEN | WB_WORD);
      lw[i] = ascii_lo[c];
      wb[i++] = t;
      prev_end = t & WB_END;
      continue;
    }
    /* two bytes (U+0080-U+07FF), or three below CHARS_MAX (lead E0 with
     * a second byte from A0, E1, or E2 80-83): from the table */
    unsigned char c1 = i + 1 < len ? (unsigned char)lw[i + 1] : 0;
    unsigned char c2 = i + 2 < len ? (unsigned char)lw[i + 2] : 0;
    const struct char_entry *e = NULL;
    size_t n = 1;
    if (c >= 0xC2 && c < 0xE0 && cont(c1)) {
      e = &chars[((c & 0x1F) << 6) | (c1 & 0x3F)];
      n = 2;
    } else if (((c == 0xE0 && c1 >= 0xA0) || c == 0xE1 ||
                (c == 0xE2 && c1 < 0x84)) &&
               cont(c1) && cont(c2)) {
      e = &chars[((c & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F)];
      n = 3;
    }
    if (e) {
      memcpy(lw + i, e->lo, n);
      memcpy(wb + i, e->wb, n);
    } else {
      while (i + n < len && n < 4 && cont((unsigned char)lw[i + n]))
        n++;
      lower_slow(lw + i, n, wb + i);
    }
    if (!prev_end && (wb[i] & WB_START))
      wb[i] |= WB_WORD;
    prev_end = wb[i + n - 1] & WB_END;
    i += n;
  }
}

/* Are the 'n' bytes at 'a' and 'b' equal? The words are short: a loop
 * costs less than a call to memcmp. */
static bool same(const char *a, const char *b, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (a[k] != b[k])
      return false;
  return true;
}

bool word_at_n(const struct sent *st, size_t i, const char *w, size_t n) {
  /* most calls fail on the first byte */
  if (i >= st->len || st->lw[i] != w[0])
    return false;
  if (n > st->len - i || !same(st->lw + i + 1, w + 1, n - 1))
    return false;
  if (ascii_word((unsigned char)w[0]) || (unsigned char)w[0] >= 0x80) {
    if (word_byte_before(st, i))
      return false;
  }
  unsigned char last = (unsigned char)w[n - 1];
  if (ascii_word(last) || last >= 0x80) {
    if (word_byte_at(st, i + n))
      return false;
  }
  return true;
}

size_t word_find_n(const struct sent *st, size_t from, size_t to,
                   const char *w, size_t n) {
  if (to > st->len)
    to = st->len;
  for (size_t i = from; i + n <= to; i++) {
    const char *p = memchr(st->lw + i, w[0], to - n + 1 - i);
    if (!p)
      break;
    i = (size_t)(p - st->lw);
    if (word_at_n(st, i, w, n))
      return i;
  }
  return NPOS;
}

bool words_in(const struct sent *st, size_t from, size_t to,
              const struct word *ws) {
  for (int k = 0; ws[k].s; k++)
    if (word_find_n(st, from, to, ws[k].s, ws[k].n) != NPOS)
      return true;
  return false;
}

size_t skip_sp(const struct sent *st, size_t i) {
  while (i < st->len && st->lw[i] == ' ')
    i++;
  return i;
}

size_t skip_sp_back(const struct sent *st, size_t i) {
  while (i > 0 && st->lw[i - 1] == ' ')
    i--;
  return i;
}

size_t word_before_n(const struct sent *st, size_t pos, const char *w,
                     size_t n) {
  size_t e = skip_sp_back(st, pos);
  /* most calls fail on the last byte */
  if (e < n || st->lw[e - 1] != w[n - 1])
    return NPOS;
  size_t a = e - n;
  return word_at_n(st, a, w, n) ? a : NPOS;
}

size_t words_before(const struct sent *st, size_t pos, const struct word *ws,
                    int *which) {
  /* the end is the same for every word: only those ending with its last
   * byte are tried */
  size_t e = skip_sp_back(st, pos);
  for (int k = 0; ws[k].s; k++) {
    size_t n = ws[k].n;
    if (e < n || st->lw[e - 1] != ws[k].s[n - 1] ||
        !word_at_n(st, e - n, ws[k].s, n))
      continue;
    if (which)
      *which = k;
    return e - n;
  }
  return NPOS;
}

static bool is_break(char c, bool comma) {
  return c == ';' || (comma && (c == ',' || c == ':' || c == '(' || c == ')'));
}

size_t clause_start(const struct sent *st, size_t pos, bool comma) {
  if (!comma) { /* the whole sentence back is often searched: memrchr */
    const char *p = pos ? memrchr(st->lw, ';', pos) : NULL;
    return p ? (size_t)(p - st->lw) + 1 : 0;
  }
  size_t i = pos;
  while (i > 0 && !is_break(st->lw[i - 1], comma))
    i--;
  return i;
}

size_t clause_end(const struct sent *st, size_t pos, bool comma) {
  size_t i = pos;
  while (i < st->len && !is_break(st->lw[i], comma))
    i++;
  return i;
}


size_t word_len(const struct sent *st, size_t i) {
  if (!word_byte_at(st, i))
    return 0;
  size_t j = i + 1;
  while (j < st->len && (st->wb[j] & WB_PART))
    j++;
  return j - i;
}
