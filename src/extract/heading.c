/* extract/heading.c - the heading block of an administrative document,
 * and the date line a web page prints before its title.
 *
 * An official document opens with its issuing body in capitals over its
 * locality ("ỦY BAN NHÂN DÂN" / "THỊ XÃ MƯỜNG LAY", "UBND TỈNH ĐIỆN
 * BIÊN", "HUYỆN ỦY MƯỜNG ẢNG"), the Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA
 * VIỆT NAM" (for the Party, "ĐẢNG CỘNG SẢN VIỆT NAM") and the tiêu ngữ
 * "Độc lập - Tự do - Hạnh phúc", its number
 * ("Số: 245/BC-UBND"), its place and date ("Mường Lay, ngày 15 tháng 12
 * năm 2023") and the kind of document ("BÁO CÁO"). Text taken out of a
 * two-column table may put two of them on one line ("ỦY BAN NHÂN DÂN
 * CỘNG HÒA XÃ HỘI ..."): a line is read piece by piece. A web page may
 * open with its date line ("Thứ Hai, 15/12/2023", "Cập nhật: 15/12/2023
 * 08:30", "Ngày đăng: 15/12/2023").
 *
 * The block is the run of such lines at the top of the text; it holds at
 * least a Quốc hiệu, a tiêu ngữ, a number or a date line (a line in
 * capitals alone is a title). The document's place is the last place the
 * issuing body's lines name after a level word or as a known locality
 * (the lowest of "ĐẢNG BỘ TỈNH ĐIỆN BIÊN" / "HUYỆN ỦY MƯỜNG ẢNG"), else
 * the place of the date line when the block names no body; its date is
 * the date line's. The block's lines are not read for facts: its "tháng
 * 12 năm 2023" is no period, and the title is the first line after it. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/xalloc.h"

/* The lines looked at for a heading block, blank ones not counted. */
#define HEADING_LINES 14

static bool isdig(char c) { return c >= '0' && c <= '9'; }

/* The words that open an issuing body's line ("ỦY BAN NHÂN DÂN", "SỞ Y
 * TẾ", "BAN CHẤP HÀNH"); a Party committee of a level ("HUYỆN ỦY") is a
 * level word of place.c. */
static const struct word body_words[] = {
    WORD("ủy ban"),  WORD("uỷ ban"),     WORD("ubnd"),    WORD("hội đồng"), WORD("hđnd"),
    WORD("đảng bộ"), WORD("đảng ủy"),    WORD("đảng uỷ"), WORD("chi bộ"),   WORD("ban"),
    WORD("bch"),     WORD("cục"),        WORD("chi cục"), WORD("tổng cục"), WORD("sở"),
    WORD("bộ"),      WORD("phòng"),      WORD("văn phòng"), WORD("trung tâm"), WORD("mặt trận"),
    WORD("mttq"),    WORD("hội"),        WORD("liên đoàn"), WORD("đoàn"),   WORD("công an"),
    WORD("trường"),  WORD("chính phủ"),  WORD("quốc hội"), WORD("kho bạc"), WORD("chi nhánh"),
    WORD_END};

/* The kinds of document, printed in capitals under the heading. */
static const struct word kinds[] = {
    WORD("báo cáo"),  WORD("nghị quyết"), WORD("kế hoạch"),  WORD("quyết định"), WORD("thông báo"),
    WORD("tờ trình"), WORD("chỉ thị"),    WORD("kết luận"),  WORD("chương trình"), WORD("đề án"),
    WORD("công văn"), WORD("thông cáo"),  WORD("hướng dẫn"), WORD_END};

/* What may stand before a web page's date: weekdays and labels. */
static const struct word date_labels[] = {
    WORD("thời gian đăng"), WORD("ngày cập nhật"), WORD("cập nhật lúc"), WORD("cập nhật"), WORD("ngày đăng"),
    WORD("đăng ngày"),      WORD("đăng lúc"),      WORD("xuất bản"),     WORD("đăng"),     WORD("lúc"),
    WORD("thứ hai"),        WORD("thứ ba"),        WORD("thứ tư"),       WORD("thứ năm"),  WORD("thứ sáu"),
    WORD("thứ bảy"),        WORD("thứ 2"),         WORD("thứ 3"),        WORD("thứ 4"),    WORD("thứ 5"),
    WORD("thứ 6"),          WORD("thứ 7"),         WORD("chủ nhật"),     WORD_END};

/* Does 'phrase' (lower case, words and dashes) start at 'i' of 'st', spaces
 * and dashes ("-", "–", "—") aside, ending at a word's end? Its end, or
 * NPOS. Written in columns, a heading's spacing is anyone's. */
static size_t phrase_at(const struct sent *st, size_t i, const char *phrase) {
  if (i >= st->len || (st->wb[i] & WB_START) == 0 || word_byte_before(st, i))
    return NPOS;
  const char *p = phrase;
  size_t j = i;
  for (;;) {
    while (*p == ' ' || *p == '-')
      p++;
    if (!*p)
      break;
    for (;;) {
      if (j < st->len && (st->lw[j] == ' ' || st->lw[j] == '\t' ||
                          st->lw[j] == '-'))
        j++;
      else if (j + 2 < st->len && memcmp(st->lw + j, "\xE2\x80", 2) == 0 &&
               ((unsigned char)st->lw[j + 2] == 0x93 ||
                (unsigned char)st->lw[j + 2] == 0x94))
        j += 3;
      else
        break;
    }
    /* one word of the phrase */
    while (*p && *p != ' ' && *p != '-') {
      if (j >= st->len || st->lw[j] != *p)
        return NPOS;
      j++;
      p++;
    }
  }
  return word_byte_at(st, j) ? NPOS : j;
}

/* The Quốc hiệu, and the Party's own line in its place. */
static const char *const nations[] = {"cộng hòa xã hội chủ nghĩa việt nam",
                                      "cộng hoà xã hội chủ nghĩa việt nam",
                                      "đảng cộng sản việt nam", NULL};

static size_t nation_at(const struct sent *st, size_t i) {
  for (int k = 0; nations[k]; k++) {
    size_t e = phrase_at(st, i, nations[k]);
    if (e != NPOS)
      return e;
  }
  return NPOS;
}

static size_t motto_at(const struct sent *st, size_t i) {
  return phrase_at(st, i, "độc lập - tự do - hạnh phúc");
}

/* "Số: 245/BC-UBND", "Số 12-BC/HU", "Số: /BC-UBND": its end, or NPOS. */
static size_t number_at(const struct sent *st, size_t i) {
  if (!word_at(st, i, "số"))
    return NPOS;
  size_t j = skip_sp(st, i + strlen("số"));
  if (j < st->len && st->lw[j] == ':')
    j = skip_sp(st, j + 1);
  size_t a = j;
  bool mark = false;
  while (j < st->len && st->lw[j] != ' ' && st->lw[j] != '\t') {
    mark = mark || st->lw[j] == '/' || st->lw[j] == '-';
    j++;
  }
  return j > a && mark ? j : NPOS;
}

/* Digits of a day or month, or the blank left for them ("ngày  tháng",
 * "ngày ... tháng"): the end, the value (0 if blank) in '*v'. */
static size_t blank_or_num(const struct sent *st, size_t i, int *v) {
  *v = 0;
  size_t j = skip_sp(st, i);
  size_t n = 0;
  while (j < st->len && isdig(st->lw[j]) && n < 3) {
    *v = *v * 10 + (st->lw[j] - '0');
    j++;
    n++;
  }
  if (n)
    return skip_sp(st, j);
  for (;;) { /* dots, "…" and spaces */
    if (j < st->len && (st->lw[j] == '.' || st->lw[j] == ' ' ||
                        st->lw[j] == '\t' || st->lw[j] == '_'))
      j++;
    else if (j + 2 < st->len && memcmp(st->lw + j, "\xE2\x80\xA6", 3) == 0)
      j += 3;
    else
      return j;
  }
}

/* A year at 'i' ending a word, else 0. */
static int year4(const struct sent *st, size_t i) {
  if (i >= st->len || word_byte_at(st, i + 4))
    return 0;
  return when_year_at(st->lw + i, st->len - i);
}

struct date {
  int year, month, day;
};

/* "ngày 15 tháng 12 năm 2023" (day and month may be left blank) at 'i':
 * its end, or NPOS. */
static size_t long_date_at(const struct sent *st, size_t i, struct date *d) {
  if (!word_at(st, i, "ngày"))
    return NPOS;
  size_t j = blank_or_num(st, i + strlen("ngày"), &d->day);
  if (!word_at(st, j, "tháng"))
    return NPOS;
  j = blank_or_num(st, j + strlen("tháng"), &d->month);
  if (!word_at(st, j, "năm"))
    return NPOS;
  j = skip_sp(st, j + strlen("năm"));
  d->year = year4(st, j);
  if (!d->year || d->day > 31 || d->month > 12)
    return NPOS;
  return j + 4;
}

/* "15/12/2023", "15-12-2023" at 'i': its end, or NPOS. */
static size_t short_date_at(const struct sent *st, size_t i, struct date *d) {
  size_t j = i;
  int part[2];
  for (int k = 0; k < 2; k++) {
    size_t n = 0;
    part[k] = 0;
    while (j < st->len && isdig(st->lw[j]) && n < 3) {
      part[k] = part[k] * 10 + (st->lw[j++] - '0');
      n++;
    }
    if (!n || n > 2 || j >= st->len || (st->lw[j] != '/' && st->lw[j] != '-'))
      return NPOS;
    j++;
  }
  int y = year4(st, j);
  if (!y || part[0] < 1 || part[0] > 31 || part[1] < 1 || part[1] > 12)
    return NPOS;
  d->day = part[0];
  d->month = part[1];
  d->year = y;
  return j + 4;
}

/* A date in words or in digits at 'i', the digits maybe after "ngày"
 * ("ngày 15/12/2023"): its end, or NPOS. */
static size_t any_date_at(const struct sent *st, size_t i, struct date *d) {
  size_t e = long_date_at(st, i, d);
  if (e == NPOS)
    e = short_date_at(st, i, d);
  if (e == NPOS && word_at(st, i, "ngày"))
    e = short_date_at(st, skip_sp(st, i + strlen("ngày")), d);
  return e;
}

/* Is [i, len) only times and their furniture ("08:30", "03:40:18 PM",
 * "(GMT+7)", "|")? */
static bool only_times(const struct sent *st, size_t i) {
  for (; i < st->len; i++) {
    char c = st->lw[i];
    if (!(isdig(c) || strchr(" \t:|,-.()+apmgt", c)))
      return false;
  }
  return true;
}

/* The labels, weekdays, separators and times from 'i' (before a web
 * page's date): where they end. */
static size_t skip_labels(const struct sent *st, size_t i) {
  for (;;) {
    size_t j = skip_sp(st, i);
    while (j < st->len && strchr(":,|-\t ", st->lw[j]))
      j++;
    int k;
    size_t e = NPOS;
    for (k = 0; date_labels[k].s && e == NPOS; k++)
      if (word_at_n(st, j, date_labels[k].s, date_labels[k].n))
        e = j + date_labels[k].n;
    /* a time: "08:30" */
    if (e == NPOS && j + 4 < st->len && isdig(st->lw[j]) &&
        (st->lw[j + 1] == ':' || st->lw[j + 2] == ':')) {
      e = j;
      while (e < st->len && (isdig(st->lw[e]) || st->lw[e] == ':'))
        e++;
    }
    if (e == NPOS)
      return j;
    i = e;
  }
}

/* A date line from 'i' to the end: "Thứ Hai, 15/12/2023", "Cập nhật:
 * 15/12/2023 08:30", "Mường Lay, ngày 15 tháng 12 năm 2023". A place
 * before the comma goes to '*pa'..'*pe' (else *pa == NPOS). */
static bool date_line(const struct sent *st, size_t i, struct date *d,
                      size_t *pa, size_t *pe) {
  *pa = NPOS;
  size_t j = skip_labels(st, i);
  size_t e = any_date_at(st, j, d);
  if (e == NPOS && j == skip_sp(st, i)) {
    /* "Mường Lay, ngày ...": a name of capitalised words and a comma */
    size_t c = j;
    while (c < st->len && c < j + 60 && st->lw[c] != ',')
      c++;
    size_t k = c < st->len ? skip_sp(st, c + 1) : NPOS;
    bool name = c > j && c < st->len && upper_at(st, j);
    /* letters, dots and single spaces: two spaces are a column's edge */
    for (size_t q = j; name && q < c; q++)
      name = (st->wb[q] & WB_PART) || st->lw[q] == '.' ||
             (st->lw[q] == ' ' && st->lw[q + 1] != ' ');
    if (name && (e = any_date_at(st, k, d)) != NPOS) {
      *pa = j;
      *pe = skip_sp_back(st, c);
    }
  }
  return e != NPOS && only_times(st, e);
}

/* Is every letter of [a, b) a capital, with one at least? */
static bool caps_only(const struct sent *st, size_t a, size_t b) {
  bool any = false;
  for (size_t k = a; k < b; k++) {
    unsigned char c = (unsigned char)st->s[k];
    if (!(st->wb[k] & WB_START) || isdig((char)c))
      continue;
    if (!(st->wb[k] & WB_UPPER))
      return false;
    any = true;
  }
  return any;
}

/* What the lines read so far found. */
struct block {
  bool official; /* a Quốc hiệu, tiêu ngữ, number or date line */
  bool dated;    /* a number or date line: the body's lines are done */
  bool body;     /* an issuing body's line */
  struct place *pl; /* the body's last place; owned */
  char *date_place; /* the date line's place; owned */
  struct date date;
};

static void keep_place(struct block *b, struct place *pl, size_t n) {
  if (!n)
    return;
  if (b->pl) {
    free(b->pl->name);
    free(b->pl->code);
    free(b->pl);
  }
  b->pl = xmalloc(sizeof *b->pl);
  *b->pl = pl[n - 1];
  pl[n - 1].name = NULL;
  pl[n - 1].code = NULL;
}

/* The piece [a, b) of a line: an issuing body's words in capitals, or a
 * locality after a level word. False if it is neither. */
static bool body_piece(const struct xcfg *x, const struct sent *line,
                       size_t a, size_t b, struct block *blk) {
  if (blk->dated || !caps_only(line, a, b))
    return false;
  struct sent st = *line;
  st.s += a;
  st.lw += a;
  st.wb += a;
  st.len = b - a;
  size_t n;
  struct place *pl = place_scan_heading(x, &st, &n);
  bool body = false;
  for (int k = 0; body_words[k].s && !body; k++)
    body = word_at_n(&st, 0, body_words[k].s, body_words[k].n);
  /* "THỊ XÃ MƯỜNG LAY", "HUYỆN ỦY MƯỜNG ẢNG": a place from the start */
  body = body || place_heading_level_at(&st, 0);
  if (body) {
    blk->body = true;
    keep_place(blk, pl, n);
  }
  place_free(pl, n);
  return body;
}

/* Where the date line whose date is at 'k' starts, no earlier than 'i':
 * at its place ("THỊ XÃ MƯỜNG LAY    Mường Lay, ngày ..."), the words
 * before the comma back to two spaces or a tab, the column's edge. */
static size_t date_start(const struct sent *st, size_t i, size_t k) {
  size_t p = skip_sp_back(st, k);
  if (p <= i || st->lw[p - 1] != ',')
    return k;
  p--;
  while (p > i && st->lw[p - 1] != '\t' &&
         !(st->lw[p - 1] == ' ' && p - 1 > i && st->lw[p - 2] == ' '))
    p--;
  return skip_sp(st, p);
}

/* Where the first of a Quốc hiệu, tiêu ngữ, number or date starts in
 * [i, len) of 'st' (at a word's start), or len. */
static size_t next_mark(const struct sent *st, size_t i) {
  for (size_t k = i + 1; k < st->len; k++) {
    if (!(st->wb[k] & WB_WORD))
      continue;
    struct date d;
    if (nation_at(st, k) != NPOS || motto_at(st, k) != NPOS ||
        number_at(st, k) != NPOS)
      return k;
    if (any_date_at(st, k, &d) != NPOS)
      return date_start(st, i, k);
  }
  return st->len;
}

/* Read one line of the heading; false if it is not one. */
static bool heading_line(const struct xcfg *x, const struct sent *st,
                         struct block *b) {
  size_t i = skip_sp(st, 0);
  bool any = false;
  while (i < st->len) {
    size_t e;
    struct date d;
    size_t pa, pe;
    if ((e = nation_at(st, i)) != NPOS || (e = motto_at(st, i)) != NPOS) {
      b->official = true;
    } else if ((e = number_at(st, i)) != NPOS) {
      b->official = b->dated = true;
    } else if (date_line(st, i, &d, &pa, &pe)) {
      b->official = b->dated = true;
      if (!b->date.year)
        b->date = d;
      if (pa != NPOS && !b->date_place)
        b->date_place = xstrndup(st->s + pa, pe - pa);
      e = st->len;
    } else if (word_at(st, i, "v/v")) {
      e = st->len; /* "V/v báo cáo ...": what the letter is about */
    } else if (b->official && caps_only(st, i, st->len) &&
               words_before(st, st->len, kinds, NULL) == i) {
      e = st->len; /* "BÁO CÁO" */
    } else {
      e = next_mark(st, i);
      if (!body_piece(x, st, i, e, b))
        return false;
    }
    any = true;
    i = skip_sp(st, e);
    while (i < st->len && strchr("-_=*.", st->lw[i]))
      i++; /* rules under the body and the motto */
    i = skip_sp(st, i);
  }
  return any;
}

/* A line of rules only ("-----", "___"): part of any heading. */
static bool rule_line(const char *s, size_t a, size_t e) {
  bool any = false;
  for (size_t k = a; k < e; k++) {
    if (strchr("-_=*", s[k]))
      any = true;
    else if (s[k] != ' ' && s[k] != '\t')
      return false;
  }
  return any;
}

/* The line [a, z) of 'text' as a sentence, lower-cased and classed: the
 * block returned holds both and is the caller's to free. */
static char *line_sent(const char *text, size_t a, size_t z,
                       struct sent *st) {
  memset(st, 0, sizeof *st);
  st->s = text + a;
  st->len = z - a;
  st->off = a;
  char *block = xmalloc(2 * st->len + 1);
  memcpy(block, st->s, st->len);
  block[st->len] = '\0';
  unsigned char *wb = (unsigned char *)block + st->len + 1;
  sent_lower(block, st->len, wb);
  st->lw = block;
  st->wb = wb;
  return block;
}

/* The next non-blank line of 'text' from '*i': its bounds without the
 * spaces around, and '*i' moved past it. False at the end. */
static bool next_line(const char *text, size_t len, size_t *i, size_t *a,
                      size_t *z) {
  while (*i < len) {
    const char *nl = memchr(text + *i, '\n', len - *i);
    size_t e = nl ? (size_t)(nl - text) : len;
    *a = *i;
    while (*a < e && (text[*a] == ' ' || text[*a] == '\t'))
      (*a)++;
    *z = e;
    while (*z > *a && (text[*z - 1] == ' ' || text[*z - 1] == '\t'))
      (*z)--;
    *i = e + 1;
    if (*a < *z)
      return true;
  }
  return false;
}

bool heading_date_line(const char *text, size_t len, size_t from, int *year,
                       int *month, int *day) {
  size_t i = from, a, z;
  for (int n = 0; n < 3 && next_line(text, len, &i, &a, &z); n++) {
    if (z - a > 120) /* a paragraph, not a date line */
      continue;
    struct sent st;
    char *block = line_sent(text, a, z, &st);
    struct date d;
    size_t pa, pe;
    bool ok = date_line(&st, 0, &d, &pa, &pe);
    free(block);
    if (ok) {
      *year = d.year;
      *month = d.month;
      *day = d.day;
      return true;
    }
  }
  return false;
}

void heading_scan(const struct xcfg *x, const char *text, size_t len,
                  struct heading *h) {
  memset(h, 0, sizeof *h);
  struct block b;
  memset(&b, 0, sizeof b);
  size_t i = 0, end = 0, a, z;
  int lines = 0;
  while (lines < HEADING_LINES && next_line(text, len, &i, &a, &z)) {
    lines++;
    if (rule_line(text, a, z))
      continue;
    if (z - a > 400) /* a paragraph */
      break;
    struct sent st;
    char *block = line_sent(text, a, z, &st);
    bool ok = heading_line(x, &st, &b);
    free(block);
    if (!ok)
      break;
    end = i < len ? i : len;
  }
  if (b.official) {
    h->end = end;
    h->year = b.date.year;
    h->month = b.date.month;
    h->day = b.date.day;
    if (b.pl) {
      h->place = b.pl->name;
      h->code = b.pl->code;
      b.pl->name = b.pl->code = NULL;
    } else if (b.date_place && !b.body) {
      const char *code =
          place_resolve(x, b.date_place, strlen(b.date_place), NULL);
      h->place = b.date_place;
      h->code = code ? xstrdup(code) : NULL;
      b.date_place = NULL;
    }
  }
  if (b.pl) {
    free(b.pl->name);
    free(b.pl->code);
    free(b.pl);
  }
  free(b.date_place);
}

void heading_free(struct heading *h) {
  free(h->place);
  free(h->code);
  memset(h, 0, sizeof *h);
}
