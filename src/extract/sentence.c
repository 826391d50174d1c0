/* extract/sentence.c - a document as sentences.
 *
 * A line is a paragraph (the first non-empty line after the heading block
 * is the title), unless it was wrapped inside a sentence (no stop at its
 * end, a lower-case letter at the next line's start). Inside a
 * line a sentence ends at ".", "!", "?" or "…" followed by a space and a
 * capital letter or a digit, unless the word before the dot is a short
 * capitalised abbreviation ("TP. Lào Cai", "TX. Mường Lay"). Sentences
 * longer than MAX_SENT bytes are cut at a space, so that the work per
 * sentence stays bounded and a huge file is processed in linear time. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "text/lower.h"
#include "util/xalloc.h"

#define MAX_SENT 4096

/* Is the word ending at 'i' (exclusive) an abbreviation like "TP"? */
static bool abbrev_before(const char *s, size_t start, size_t i) {
  size_t j = i;
  while (j > start && ((s[j - 1] >= 'A' && s[j - 1] <= 'Z') ||
                       (s[j - 1] >= 'a' && s[j - 1] <= 'z')))
    j--;
  size_t n = i - j;
  if (n == 0 || n > 3)
    return false;
  if (j > start && (unsigned char)s[j - 1] >= 0x80)
    return false;
  return s[j] >= 'A' && s[j] <= 'Z';
}

/* Does a new sentence start at 'i' (after spaces)? */
static bool starts_sentence(const char *s, size_t len, size_t i) {
  if (i >= len)
    return true;
  unsigned char c = (unsigned char)s[i];
  if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
    return true;
  if (c < 0x80)
    return c == '"' || c == '(';
  /* a capital letter outside ASCII: its lower case differs */
  char tmp[4];
  size_t n = 1;
  while (n < 4 && i + n < len && ((unsigned char)s[i + n] & 0xC0) == 0x80)
    n++;
  memcpy(tmp, s + i, n);
  text_lower_same(tmp, n);
  return memcmp(tmp, s + i, n) != 0 || (c == 0xE2 && n == 3); /* quotes */
}

/* The bytes that may end a sentence: ".", "!", "?" and the lead byte of
 * "…". */
static const bool may_end[256] = {['.'] = 1, ['!'] = 1, ['?'] = 1,
                                  [0xE2] = 1};

/* Where the sentence starting at 'i' in the line [i, end) ends. */
static size_t sentence_end(const char *s, size_t start, size_t end) {
  size_t fast = end - start > MAX_SENT ? start + MAX_SENT : end;
  for (size_t i = start; i < end; i++) {
    /* most bytes end nothing: skip them (before MAX_SENT, where no cut
     * at a space is due) */
    while (i < fast && !may_end[(unsigned char)s[i]])
      i++;
    if (i >= end)
      break;
    if (i - start >= MAX_SENT && s[i] == ' ')
      return i;
    size_t t = 0;
    if (s[i] == '.' || s[i] == '!' || s[i] == '?')
      t = 1;
    else if (i + 2 < end && memcmp(s + i, "\xE2\x80\xA6", 3) == 0)
      t = 3;
    if (!t)
      continue;
    size_t j = i + t;
    while (j < end && (s[j] == '.' || s[j] == '/'))
      j++;
    if (j >= end)
      return end;
    if (s[j] != ' ')
      continue;
    if (t == 1 && s[i] == '.' && abbrev_before(s, start, i))
      continue;
    size_t k = j;
    while (k < end && s[k] == ' ')
      k++;
    if (starts_sentence(s, end, k))
      return j;
  }
  return end;
}

static void emit(const char *text, size_t a, size_t b, int para, bool title,
                 void (*fn)(void *, const struct sent *), void *ud) {
  while (a < b && (text[a] == ' ' || text[a] == '\t'))
    a++;
  /* bullets: "•" */
  while (a + 2 < b && memcmp(text + a, "\xE2\x80\xA2", 3) == 0) {
    a += 3;
    while (a < b && (text[a] == ' ' || text[a] == '\t'))
      a++;
  }
  while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t'))
    b--;
  if (a >= b)
    return;
  struct sent st;
  st.s = text + a;
  st.len = b - a;
  st.off = a;
  st.para = para;
  st.title = title;
  /* the lower-cased copy and the byte classes in one block */
  char *block = xmalloc(2 * (b - a) + 1);
  memcpy(block, text + a, b - a);
  block[b - a] = '\0';
  for (char *p = memchr(block, '\n', b - a); p;
       p = memchr(p + 1, '\n', (size_t)(block + (b - a) - p - 1)))
    *p = ' '; /* a wrapped line: the rules read one space */
  unsigned char *wb = (unsigned char *)block + (b - a) + 1;
  sent_lower(block, b - a, wb);
  st.lw = block;
  st.wb = wb;
  fn(ud, &st);
  free(block);
}

/* Is the line [a, end) cut inside a sentence that the next line goes
 * on with ("... cho biết 9\ntháng đầu năm 2025, ...", as texts copied
 * from web pages and PDFs are)? It ends with no stop (. ! ? : ; …) and
 * the next line starts with a lower-case letter. */
static bool wrapped(const char *text, size_t a, size_t end, size_t len) {
  size_t e = end;
  while (e > a && (text[e - 1] == ' ' || text[e - 1] == '\t' ||
                   text[e - 1] == '\r'))
    e--;
  if (e == a)
    return false;
  char c = text[e - 1];
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
      (e >= a + 3 && memcmp(text + e - 3, "\xE2\x80\xA6", 3) == 0))
    return false;
  size_t k = end + 1;
  while (k < len && (text[k] == ' ' || text[k] == '\t'))
    k++;
  if (k >= len || text[k] == '\n')
    return false;
  unsigned char f = (unsigned char)text[k];
  if (f < 0x80)
    return f >= 'a' && f <= 'z';
  return !starts_sentence(text, len, k); /* a letter not in capitals */
}

void sentence_split(const char *text, size_t len, size_t from,
                    void (*fn)(void *ud, const struct sent *st), void *ud) {
  size_t i = from;
  int para = 0;
  bool seen = false;
  while (i < len) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - text) : len;
    /* a line wrapped inside a sentence goes on in the next one */
    while (end < len && wrapped(text, i, end, len)) {
      nl = memchr(text + end + 1, '\n', len - end - 1);
      end = nl ? (size_t)(nl - text) : len;
    }
    bool blank = true;
    for (size_t k = i; k < end && blank; k++)
      blank = text[k] == ' ' || text[k] == '\t';
    if (!blank) {
      bool title = !seen;
      seen = true;
      size_t a = i;
      while (a < end) {
        size_t b = sentence_end(text, a, end);
        emit(text, a, b, para, title, fn, ud);
        a = b;
      }
      para++;
    }
    i = end + 1;
  }
}
