/* text/legacy.c - telling TCVN3, VNI and TCVN3-read-as-Latin-1 texts from
 * UTF-8 (see legacy.h).
 *
 * Vietnamese marks nearly every word, so a Vietnamese text in a one-byte
 * encoding has a byte of 0x80 or more in most words; the encodings differ
 * in where those bytes stand. TCVN3 replaces the vowel: the byte follows
 * a consonant ("t\xA8ng", tăng) and a good share of them are in
 * 0xA8-0xBF (ă â ê ô ơ ư đ and the a's with a tone). VNI writes the plain
 * vowel and then its mark: the byte follows a vowel or another mark
 * ("ta\xEAng"). Latin-1 or
 * Windows-1252 texts in other languages have few such bytes, after
 * consonants, and almost none in 0xA8-0xBF (symbols there). TCVN3 read
 * as Latin-1 and saved as UTF-8 shows those symbols, U+00A8-U+00BF, in
 * the middle of words, and no Vietnamese letter at all. */
#include "text/legacy.h"

#include <stdbool.h>
#include <string.h>

#include "text/text.h"

/* Only the start of a text is looked at. */
#define PREFIX (64 * 1024)
/* At least this many marked letters before anything is said. */
#define MIN_MARKS 8

static bool is_vowel(unsigned char c) {
  switch (c | 0x20) {
  case 'a':
  case 'e':
  case 'i':
  case 'o':
  case 'u':
  case 'y':
    return true;
  }
  return false;
}

static bool is_alpha(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* The bytes of a text that is not UTF-8. */
static enum text_legacy detect_bytes(const unsigned char *s, size_t n) {
  size_t high = 0, after_vowel = 0, tcvn_range = 0, words = 0, utf8 = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\n')
      words++;
    if (c < 0x80)
      continue;
    /* UTF-8 with a bad byte somewhere is not a legacy text. */
    int cp;
    int k = text_utf8_decode((const char *)s + i, n - i, &cp);
    if (k > 1) {
      utf8++;
      i += (size_t)k - 1;
      continue;
    }
    high++;
    unsigned char prev = i ? s[i - 1] : ' ';
    if (is_vowel(prev) || prev >= 0x80)
      after_vowel++;
    if (c >= 0xA8 && c <= 0xBF)
      tcvn_range++;
  }
  /* Not Vietnamese-dense: some other one-byte text. */
  if (high < MIN_MARKS || high * 5 < words || utf8 * 4 > high)
    return TEXT_LEGACY_NONE;
  if (after_vowel * 10 >= high * 6)
    return TEXT_LEGACY_VNI;
  if (after_vowel * 2 < high && tcvn_range * 10 >= high * 3)
    return TEXT_LEGACY_TCVN3;
  return TEXT_LEGACY_NONE;
}

/* Is 'cp' a letter only Vietnamese writes (ă â đ ê ô ơ ư and the letters
 * with tones of U+1EA0-U+1EF9, or a combining tone)? */
static bool vietnamese(int cp) {
  return cp == 0x102 || cp == 0x103 || cp == 0x110 || cp == 0x111 ||
         cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0 ||
         (cp >= 0x1EA0 && cp <= 0x1EF9) || (cp >= 0x300 && cp <= 0x323);
}

/* A valid UTF-8 text: TCVN3 bytes read as Latin-1, if U+00A8-U+00BF stand
 * inside words, several different ones, and no Vietnamese letter. */
static enum text_legacy detect_mojibake(const char *s, size_t n) {
  size_t inword = 0;
  unsigned seen = 0; /* which of U+00A8-U+00BF, a bit each */
  int prev = ' ';
  for (size_t i = 0; i < n;) {
    int cp;
    int k = text_utf8_decode(s + i, n - i, &cp);
    i += k > 0 ? (size_t)k : 1;
    if (vietnamese(cp))
      return TEXT_LEGACY_NONE;
    bool letter_before = is_alpha((unsigned char)(prev < 0x80 ? prev : 0)) ||
                         (prev >= 0xA8 && prev <= 0xFF);
    if (cp >= 0xA8 && cp <= 0xBF && letter_before) {
      inword++;
      seen |= 1u << (cp - 0xA8);
    }
    prev = cp;
  }
  int distinct = __builtin_popcount(seen);
  return inword >= MIN_MARKS && distinct >= 3 ? TEXT_LEGACY_MOJIBAKE
                                              : TEXT_LEGACY_NONE;
}

enum text_legacy text_legacy_detect(const char *s, size_t len, bool valid) {
  size_t n = len < PREFIX ? len : PREFIX;
  if (!valid)
    return detect_bytes((const unsigned char *)s, n);
  if (!memchr(s, 0xC2, n))
    return TEXT_LEGACY_NONE;
  return detect_mojibake(s, n);
}

int text_legacy_check(const char *s, size_t len, bool valid, const char *name,
                      struct err *err) {
  switch (text_legacy_detect(s, len, valid)) {
  case TEXT_LEGACY_TCVN3:
    return err_set(err, name, 0, 0,
                   "the text is in TCVN3 (ABC), a legacy Vietnamese font "
                   "encoding, not UTF-8; convert it first: iconv -f "
                   "TCVN5712-1 -t UTF-8 < FILE > NEW.txt");
  case TEXT_LEGACY_VNI:
    return err_set(err, name, 0, 0,
                   "the text is in VNI, a legacy Vietnamese font encoding, "
                   "not UTF-8; convert it to UTF-8 first (iconv does not "
                   "know VNI; Unikey's converter and LibreOffice do)");
  case TEXT_LEGACY_MOJIBAKE:
    return err_set(err, name, 0, 0,
                   "the text is TCVN3 read as Latin-1 and saved as UTF-8 "
                   "('t\xC2\xA8ng' for 't\xC4\x83ng'); undo it: iconv -f UTF-8 "
                   "-t LATIN1 < FILE | iconv -f TCVN5712-1 -t UTF-8 > NEW.txt");
  case TEXT_LEGACY_NONE:
    break;
  }
  return 0;
}
