/* text/utf8.c - UTF-8 validation, normalisation (utf8proc) and folding. */
#include "text/text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/legacy.h"
#include "text/lower.h"
#include "util/buf.h"
#include "util/xalloc.h"

static bool cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* The strict decoding of utf8proc_iterate (no overlongs, surrogates or
 * code points above U+10FFFF), written out: the extractor decodes a code
 * point at nearly every word boundary. Returns the length, or 0 if the
 * bytes at 's' are not valid UTF-8. */
static int decode(const unsigned char *s, size_t len, int *cp) {
  if (len == 0)
    return 0;
  unsigned char c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c < 0xC2 || c > 0xF4)
    return 0;
  if (c < 0xE0) {
    if (len < 2 || !cont(s[1]))
      return 0;
    *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    if (len < 3 || !cont(s[1]) || !cont(s[2]))
      return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
      return 0;
    *cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return 3;
  }
  if (len < 4 || !cont(s[1]) || !cont(s[2]) || !cont(s[3]))
    return 0;
  if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
    return 0;
  *cp = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) |
        (s[3] & 0x3F);
  return 4;
}

int text_utf8_decode(const char *s, size_t len, int *cp) {
  int n = decode((const unsigned char *)s, len, cp);
  if (n == 0) {
    *cp = 0xFFFD;
    return 1;
  }
  return n;
}

int text_utf8_check(const char *s, size_t len, size_t *bad) {
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    int cp;
    int n = decode((const unsigned char *)s + i, len - i, &cp);
    if (n == 0) {
      if (bad)
        *bad = i;
      return -1;
    }
    i += (size_t)n;
  }
  return 0;
}

char *text_nfc(const char *s) {
  utf8proc_uint8_t *out = utf8proc_NFC((const utf8proc_uint8_t *)s);
  if (!out)
    return xstrdup(s);
  /* utf8proc allocates with malloc: hand over a copy made by us so that
   * every string of ours is freed the same way. */
  char *r = xstrdup((const char *)out);
  free(out);
  return r;
}

/* Where to end the chunk of 's' that starts at 'i' (of 'len' bytes) so that
 * NFC of the chunks is NFC of the whole: after a newline, or else before an
 * ASCII byte (a starter that composes with nothing before it), never
 * between CR and LF. A text without either stays one chunk. */
static size_t chunk_end(const char *s, size_t i, size_t len) {
  enum { CHUNK = 1 << 16 };
  if (len - i <= CHUNK)
    return len;
  size_t lim = i + CHUNK;
  for (size_t j = lim; j > i; j--)
    if (s[j - 1] == '\n')
      return j;
  for (size_t j = lim; j < len; j++)
    if ((unsigned char)s[j] < 0x80 && s[j] != '\n')
      return j;
  return len;
}

/* Code points that are NFC in any sequence of them: a starter (combining
 * class 0) that NFC keeps, in the blocks Vietnamese text uses (Latin,
 * Latin Extended Additional, general punctuation, currency). utf8proc
 * gave NFC(a b) == a b for every pair of them; a text of those alone
 * needs no normalisation. Built once (pthread_once, see nfc_init), then
 * only read. */
static unsigned char nfc_safe[0x20C0];
static pthread_once_t nfc_once = PTHREAD_ONCE_INIT;

static void nfc_table_init(void) {
  for (int cp = 0; cp < 0x20C0; cp++) {
    bool block = cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00) ||
                 (cp >= 0x2000 && cp < 0x2070) || cp >= 0x20A0;
    if (!block || utf8proc_get_property(cp)->combining_class != 0)
      continue;
    utf8proc_uint8_t s[8];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, s);
    s[n] = 0;
    utf8proc_uint8_t *nfc = utf8proc_NFC(s);
    nfc_safe[cp] = nfc && strcmp((const char *)nfc, (const char *)s) == 0;
    free(nfc);
  }
}

static void nfc_init(void) { pthread_once(&nfc_once, nfc_table_init); }

/* Is the valid UTF-8 's' ('n' bytes) NFC by nfc_safe alone? */
static bool nfc_quick(const char *s, size_t n) {
  nfc_init();
  for (size_t i = 0; i < n;) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    int cp;
    i += (size_t)text_utf8_decode(s + i, n - i, &cp);
    if (cp >= 0x20C0 || !nfc_safe[cp])
      return false;
  }
  return true;
}

/* Append the NFC form of 's' ('n' bytes, valid UTF-8) to 'out', with CR
 * and CRLF turned into LF and NUL into a space. '*cr' says the previous
 * chunk ended with a CR (its LF is then dropped). 'tmp' is scratch. */
static void normalize_chunk(struct buf *out, struct buf *tmp, const char *s,
                            size_t n, bool *cr) {
  /* Most chunks have no CR or NUL and are NFC already: copied at once. */
  if (!(*cr && s[0] == '\n') && !memchr(s, '\r', n) && !memchr(s, 0, n) &&
      nfc_quick(s, n)) {
    *cr = false;
    buf_add(out, s, n);
    return;
  }
  bool ascii = true;
  buf_reset(tmp);
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\n' && *cr) {
      *cr = false;
      continue;
    }
    *cr = c == '\r';
    if (c == '\r')
      c = '\n';
    else if (c == '\0')
      c = ' '; /* a stray NUL must not cut the text short */
    ascii = ascii && (unsigned char)c < 0x80;
    buf_addc(tmp, c);
  }
  if (tmp->len == 0)
    return;
  if (ascii) { /* ASCII is already NFC */
    buf_add(out, tmp->s, tmp->len);
    return;
  }
  utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)tmp->s);
  /* utf8proc fails only when out of memory: keep the chunk as it is, as
   * text_nfc does. */
  buf_adds(out, nfc ? (const char *)nfc : tmp->s);
  free(nfc);
}

/* One pass of what most texts need: is 's' valid UTF-8 ('*bad' the
 * offset if not: returns -1), and is it already what text_normalize
 * makes of it: NFC by nfc_safe, no CR and no NUL (returns 1; else 0)? */
static int check_plain(const char *s, size_t len, size_t *bad) {
  nfc_init();
  bool plain = true;
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      plain = plain && c != '\r' && c != 0;
      i++;
      continue;
    }
    int cp;
    int n = decode((const unsigned char *)s + i, len - i, &cp);
    if (n == 0) {
      *bad = i;
      return -1;
    }
    plain = plain && cp < 0x20C0 && nfc_safe[cp];
    i += (size_t)n;
  }
  return plain;
}

char *text_normalize(const char *s, size_t len, const char *name,
                     size_t *outlen, struct err *err) {
  size_t bad = 0;
  int plain = check_plain(s, len, &bad);
  if (text_legacy_check(s, len, plain >= 0, name, err) != 0)
    return NULL; /* TCVN3, VNI: refused with how to convert them */
  if (plain < 0) {
    int line = 1;
    for (size_t i = 0; i < bad; i++)
      line += s[i] == '\n';
    err_set(err, name, line, 0,
            "invalid UTF-8 at byte offset %zu (byte 0x%02X); save the file "
            "as UTF-8",
            bad, (unsigned char)s[bad]);
    return NULL;
  }
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
    s += 3;
    len -= 3;
  }
  if (plain) {
    if (outlen)
      *outlen = len;
    return xstrndup(s, len);
  }
  /* In chunks of about 64 KiB: utf8proc works on a UTF-32 copy of its
   * input, four times its size, which for a 100 MB text would be 400 MB.
   * The output is usually as long as the input: reserve that at once. */
  struct buf out = BUF_INIT, tmp = BUF_INIT;
  out.s = xmalloc(len + 1);
  out.cap = len + 1;
  out.s[0] = '\0';
  bool cr = false;
  for (size_t i = 0; i < len;) {
    size_t end = chunk_end(s, i, len);
    normalize_chunk(&out, &tmp, s + i, end - i, &cr);
    i = end;
  }
  buf_free(&tmp);
  if (outlen)
    *outlen = out.len;
  return buf_detach(&out);
}

#define FOLD_OPTS                                                              \
  (UTF8PROC_CASEFOLD | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |                  \
   UTF8PROC_STRIPMARK)

/* text_fold maps code points below FOLD_MAX through a table made once
 * with utf8proc from each code point alone. That is the map of the whole
 * string as long as no output has a combining class (utf8proc would
 * reorder those): such code points, and those above, are marked 'slow'
 * and make the whole string go through utf8proc as before. */
#define FOLD_MAX 0x2100
struct fold_entry {
  unsigned char len, slow, space;
  char s[14];
};
static struct fold_entry fold_table[FOLD_MAX]; /* built once, like nfc_safe */
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static bool fold_space(utf8proc_int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0;
}

/* Each entry is the code point's map with the steps of fold() after it
 * done too: "đ" is "d", and a white space is flagged. */
static void fold_table_init(void) {
  for (int cp = 0; cp < FOLD_MAX; cp++) {
    struct fold_entry *e = &fold_table[cp];
    utf8proc_int32_t buf[8];
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, buf, 8, (utf8proc_option_t)FOLD_OPTS, NULL);
    e->slow = n < 0 || n > 8;
    e->space = n == 1 && fold_space(buf[0]);
    size_t len = 0;
    for (utf8proc_ssize_t k = 0; !e->slow && !e->space && k < n; k++) {
      utf8proc_uint8_t tmp[4];
      utf8proc_ssize_t m = utf8proc_encode_char(buf[k], tmp);
      if (utf8proc_get_property(buf[k])->combining_class != 0 || m <= 0 ||
          fold_space(buf[k]) || len + (size_t)m > sizeof e->s) {
        e->slow = 1;
        break;
      }
      if (buf[k] == 0x0111) {
        tmp[0] = 'd';
        m = 1;
      }
      memcpy(e->s + len, tmp, (size_t)m);
      len += (size_t)m;
    }
    e->len = (unsigned char)len;
  }
}

static void fold_init(void) { pthread_once(&fold_once, fold_table_init); }

/* The code point at 's' and its length, or 0 if it needs utf8proc. */
static int fold_next(const char *s, size_t len, int *cp) {
  unsigned char c = (unsigned char)s[0];
  int k = 1;
  if (c < 0x80)
    *cp = c;
  else if ((k = decode((const unsigned char *)s, len, cp)) == 0)
    return 0; /* invalid */
  if (*cp >= FOLD_MAX || fold_table[*cp].slow)
    return 0;
  return k;
}

enum { FOLD_OK, FOLD_SLOW, FOLD_ROOM };

/* text_fold of 's' by the table into 'out' ('cap' bytes with the NUL):
 * FOLD_OK, FOLD_SLOW if a code point needs utf8proc (or the text is not
 * valid UTF-8), FOLD_ROOM if it does not fit. */
static int fold_into(char *out, size_t cap, const char *s, size_t len) {
  fold_init();
  size_t o = 0;
  bool space = false;
  for (size_t i = 0; i < len;) {
    int cp, k = fold_next(s + i, len - i, &cp);
    if (!k)
      return FOLD_SLOW;
    const struct fold_entry *e = &fold_table[cp];
    i += (size_t)k;
    if (e->space) {
      space = true;
      continue;
    }
    if (!e->len)
      continue;
    if (o + 1u + e->len >= cap)
      return FOLD_ROOM;
    if (space && o)
      out[o++] = ' ';
    space = false;
    if (e->len == 1) { /* most: a letter without its marks */
      out[o++] = e->s[0];
    } else {
      memcpy(out + o, e->s, e->len);
      o += e->len;
    }
  }
  out[o] = '\0';
  return FOLD_OK;
}

/* text_fold of 's' by the table, or NULL if a code point needs utf8proc
 * (or the text is not valid UTF-8). */
static char *fold_fast(const char *s, size_t len) {
  for (size_t cap = len + 16;; cap *= 4) {
    char *out = xmalloc(cap);
    int r = fold_into(out, cap, s, len);
    if (r == FOLD_OK)
      return out;
    free(out);
    if (r == FOLD_SLOW)
      return NULL;
  }
}

/* Map 's' with utf8proc 'opts', then turn "đ" into "d" (if 'strip') and
 * fold runs of white space into one space. */
static char *fold(const char *s, size_t len, int strip) {
  int opts = UTF8PROC_CASEFOLD | UTF8PROC_STABLE |
             (strip ? UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK
                    : UTF8PROC_COMPOSE);
  if (strip) {
    char *r = fold_fast(s, len);
    if (r)
      return r;
  }
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s,
                                    (utf8proc_ssize_t)len, &mapped,
                                    (utf8proc_option_t)opts);
  if (n < 0)
    return xstrndup(s, len);
  struct buf b = BUF_INIT;
  int space = 0;
  for (utf8proc_ssize_t i = 0; i < n;) {
    int cp;
    int k = text_utf8_decode((const char *)mapped + i, (size_t)(n - i), &cp);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) {
      space = 1;
      i += k;
      continue;
    }
    if (space && b.len)
      buf_addc(&b, ' ');
    space = 0;
    if (strip && cp == 0x0111)
      buf_addc(&b, 'd');
    else
      buf_add(&b, (const char *)mapped + i, (size_t)k);
    i += k;
  }
  free(mapped);
  return buf_detach(&b);
}

void text_init(void) {
  text_lower_init();
  nfc_init();
  fold_init();
}

char *text_fold(const char *s, size_t len) { return fold(s, len, 1); }

const char *text_fold_buf(const char *s, size_t len, char *buf, size_t cap,
                          char **owned) {
  *owned = NULL;
  if (cap && fold_into(buf, cap, s, len) == FOLD_OK)
    return buf;
  *owned = fold(s, len, 1);
  return *owned;
}

char *text_lower(const char *s, size_t len) { return fold(s, len, 0); }

size_t text_utf8_len(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}
