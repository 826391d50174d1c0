/* extract/extract_int.h - the extractor's own structures, shared by its
 * files: a sentence with a lower-cased copy for matching (sentence.c), the
 * words helpers (words.c), number candidates (number.c), time (when.c),
 * places (place.c), the kind rules (rules.c) and labels (label.c).
 *
 * Every position is a byte offset into the sentence; the lower-cased copy
 * has the same length and offsets as the original (text_lower_same). */
#ifndef CHITIEU_EXTRACT_EXTRACT_INT_H
#define CHITIEU_EXTRACT_EXTRACT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "extract/extract.h"
#include "text/period.h"

#define NPOS ((size_t)-1)

/* One sentence of the document. 's' points into the document's NFC text
 * (not NUL-terminated), 'lw' is its lower-cased copy (NUL-terminated,
 * owned), 'wb' the class of each byte (WB_*, in the same block). */
struct sent {
  const char *s;
  char *lw;
  const unsigned char *wb;
  size_t len;
  size_t off; /* offset of the sentence in the document */
  int para;   /* paragraph number (a line of the document) */
  bool title; /* the document's first line */
};

/* A number with its unit, found in a sentence. */
struct num {
  size_t start, end; /* the number and its unit */
  size_t nend;       /* end of the digits (before the unit) */
  double value;
  double of;
  bool has_of;
  size_t ustart, uend;     /* the unit as written, "" if none */
  bool per_year;           /* "5,61%/năm" */
  int unit_class;          /* enum unit_class */
  enum fact_approx approx; /* from a range: "125-135" */
  bool range_low;          /* first half of a range */
};

enum unit_class {
  UNIT_NONE = 0,
  UNIT_PERCENT, /* "%" */
  UNIT_MEASURE, /* money, mass, area, visits: always a figure */
  UNIT_ENTITY,  /* households, communes, firms: a figure when counted */
  UNIT_PLAN,    /* indicators, tasks, solutions: kind count */
  UNIT_TIMES    /* "gấp 2 lần" */
};

/* A year or period named in a sentence. */
struct when {
  size_t pos;
  struct period p;
  bool compare; /* "so với năm 2022", "cùng kỳ năm 2021": a baseline */
  bool owner;   /* "của cùng kỳ 2018": the figure before it is of then */
  bool local;   /* "năm tới": not carried to the next sentences */
};

/* A place named in a sentence: "huyện Bảo Yên", "TP. Lào Cai". */
struct place {
  size_t pos;
  char *name;    /* without the level word; owned */
  char *code;    /* resolved code or NULL; owned */
  bool by_level; /* named after a level word */
  bool known;    /* a name the config or the gazetteer knows */
};

/* The config prepared for matching: locality names and aliases folded
 * (text_fold) and sorted for binary search; the indicators' lexicon (names,
 * aliases, terms, needs, excludes) folded, each row with its role. */
enum term_role {
  TERM_ALIAS = 0, /* a name or alias: names the indicator by itself */
  TERM_HEAD,      /* a head term ("terms"): names it if the rest fits */
  TERM_NEED,      /* one of these must be near a head term ("needs") */
  TERM_EXCLUDE    /* near the figure, rules the indicator out */
};
struct xname {
  char *key;  /* folded name; owned */
  size_t len; /* strlen(key) */
  size_t idx; /* index in cfg->localities or cfg->indicators */
  enum term_role role; /* indicator rows only */
};
/* What text_fold makes of one code point below FOLD_MAX: its bytes. */
#define FOLD_MAX 0x2100
struct xfold {
  char b[4];
  unsigned char n;
};
/* The family of a unit: money ("tỷ đồng", "triệu USD"), a percent, or
 * the thing counted, by its first word once the scale words are off
 * ("nghìn lượt khách": "luot"). See link_unit. */
enum { UF_NONE = 0, UF_MONEY, UF_PCT, UF_WORD };
struct xunit {
  unsigned char fam;
  char head[23]; /* folded, for UF_WORD */
};
/* An empty slot of the lexicon's index (no three bytes make it). */
#define IND_EMPTY 0xFFFFFFFFu
struct xcfg {
  const struct config *cfg; /* may be NULL */
  struct xname *loc;
  size_t n_loc;
  struct xname *ind; /* the lexicon, in the config's order */
  size_t n_ind;
  /* The lexicon by its first three bytes: an open-addressing table of
   * 'ind_slots' (a power of two) keys c0 << 16 | c1 << 8 | c2, each with
   * the rows ind_at[ind_from[h] .. ind_end[h]) (positions in 'ind', in
   * config order) that can match where those bytes stand: the rows
   * starting with them, and the two-byte rows under each byte that may
   * end them (NUL, space, ')' and ','). One-byte rows are in 'ind_one'. */
  unsigned *ind_key;
  size_t *ind_from, *ind_end, *ind_at;
  size_t ind_slots;
  size_t *ind_one;
  size_t n_one, cap_one;
  struct xfold *fold; /* FOLD_MAX entries, NULL without a config */
  const struct word **stop; /* link.c's stop words, hashed (STOP_SLOTS) */
  /* each indicator's units ('units', else 'unit'), classed: those of
   * indicator i are units[units_at[i] .. units_at[i + 1]); ind_unit[i]
   * its 'unit' */
  struct xunit *units, *ind_unit;
  size_t *units_at;
  long *change_of; /* each indicator's 'change' indicator, or -1 */
  /* the gazetteer's province and district names, folded and sorted
   * (xplaces_names), without a config none */
  char **gaz;
  size_t n_gaz;
};

/* Build and free the matching tables of 'cfg' (NULL gives empty ones). */
void xcfg_init(struct xcfg *x, const struct config *cfg);
void xcfg_free(struct xcfg *x);

/* What the document carries from sentence to sentence. */
struct state {
  int doc_year;      /* from the document's date, 0 if unknown */
  struct period cur; /* the period in force */
  bool have_cur;
  int list_para;    /* paragraph of an open list of targets, or -1 */
  int plan_year;    /* the year whose plan the document adopts ("Thông qua
                       Nghị quyết ... năm 2024"), 0 if none */
  int n_sent;       /* sentences read so far */
  bool list_cont;   /* the list was opened by "phấn đấu" (a sentence of
                       targets), not by a colon */
  char *main_place; /* borrowed from the doc */
  char *main_code;
  int last_para;    /* paragraph of the sentence before, or -1 */
  int place_para;   /* paragraph opened by "Tại huyện X, ...", or -1 */
  char *para_place; /* that place and its code; owned */
  char *para_code;
  /* the places of the sentence being read, once scanned */
  struct place *pl;
  size_t np;
  bool pl_done;
  /* facts that take the document's place, known only at its end */
  size_t *doc_place;
  size_t n_doc_place, cap_doc_place;
};

/* pool.c */
/* A document's string pool (see extract_doc.pool); free with pool_free
 * (NULL is fine). */
struct extract_pool *pool_new(void);
void pool_free(struct extract_pool *p);
/* A copy of the 'len' bytes at 's', NUL-terminated, owned by 'p'. */
const char *pool_str(struct extract_pool *p, const char *s, size_t len);
/* The same, but one copy per distinct string (places, units, codes). */
const char *pool_intern(struct extract_pool *p, const char *s, size_t len);

/* sentence.c */
/* Split 'text' ('len' bytes) from offset 'from' (the end of its heading
 * block) into sentences; calls 'fn' with each. */
void sentence_split(const char *text, size_t len, size_t from,
                    void (*fn)(void *ud, const struct sent *st), void *ud);

/* words.c */
/* A word list entry with its length, so that matching a list never
 * measures its words (strlen was a tenth of the time). Lists end with
 * WORD_END. */
struct word {
  const char *s;
  size_t n;
};
#define WORD(lit) {lit, sizeof lit - 1}
#define WORD_END {NULL, 0}

/* The bytes of a sentence by what they are part of: a letter or digit
 * (ASCII, or any letter outside it; general punctuation U+2000-U+206F,
 * the no-break space and guillemets are not). Set once per sentence, so
 * that a word boundary is a look-up. */
enum {
  WB_START = 1, /* first byte of a word character */
  WB_PART = 2,  /* any byte of one */
  WB_END = 4,   /* last byte of one */
  WB_UPPER = 8, /* lower-casing changed it or the bytes of its character
                   after it: at a character's start, a capital */
  WB_WHEN = 16, /* a word starts here with a byte that starts one of
                   when.c's period heads (when_head_bytes) */
  WB_WORD = 32  /* a word starts here: a word character not after one */
};
/* Does a word character end just before 'i' / start at 'i'? */
static inline bool word_byte_before(const struct sent *st, size_t i) {
  return i > 0 && i <= st->len && (st->wb[i - 1] & WB_END);
}
static inline bool word_byte_at(const struct sent *st, size_t i) {
  return i < st->len && (st->wb[i] & WB_START);
}
/* Lower-case the 'len' bytes of 'lw' in place (text_lower_same) and fill
 * 'wb' with their classes. */
void sent_lower(char *lw, size_t len, unsigned char *wb);
/* Build the table sent_lower reads (extract_ctx_new calls it, before any
 * thread can). */
void sent_lower_init(void);
/* Does 'w' ('n' bytes, lower case) occur as whole words at 'i'? */
bool word_at_n(const struct sent *st, size_t i, const char *w, size_t n);
/* First whole-word occurrence of 'w' in [from, to), or NPOS. */
size_t word_find_n(const struct sent *st, size_t from, size_t to,
                   const char *w, size_t n);
/* If the text before 'pos' (spaces skipped) ends with the words 'w',
 * return where they start, else NPOS. */
size_t word_before_n(const struct sent *st, size_t pos, const char *w,
                     size_t n);
/* word_before_n with the spaces already skipped: 'w' ends at 'e'. Inline,
 * for loops over word lists that skip the spaces once. */
static inline size_t word_ending_at(const struct sent *st, size_t e,
                                    const char *w, size_t n) {
  return e >= n && st->lw[e - 1] == w[n - 1] && word_at_n(st, e - n, w, n)
             ? e - n
             : NPOS;
}
/* The same for a NUL-terminated 'w': inline, so that the length of a
 * literal is known when compiling. */
static inline bool word_at(const struct sent *st, size_t i, const char *w) {
  return word_at_n(st, i, w, strlen(w));
}
static inline size_t word_find(const struct sent *st, size_t from, size_t to,
                               const char *w) {
  return word_find_n(st, from, to, w, strlen(w));
}
static inline size_t word_before(const struct sent *st, size_t pos,
                                 const char *w) {
  return word_before_n(st, pos, w, strlen(w));
}
/* The first of 'ws' that ends just before 'pos'. */
size_t words_before(const struct sent *st, size_t pos, const struct word *ws,
                    int *which);
/* Does one of 'ws' occur in [from, to)? */
bool words_in(const struct sent *st, size_t from, size_t to,
              const struct word *ws);
/* Skip spaces forward from 'i'. */
size_t skip_sp(const struct sent *st, size_t i);
/* Skip spaces backwards from 'i' (returns the end of the previous text). */
size_t skip_sp_back(const struct sent *st, size_t i);
/* Start of the clause holding 'pos': after the last ';' (or sentence
 * start). With 'comma', after the last ',', ':' or '(' too. */
size_t clause_start(const struct sent *st, size_t pos, bool comma);
size_t clause_end(const struct sent *st, size_t pos, bool comma);
/* Is the byte at 'i' an upper-case letter's start? */
static inline bool upper_at(const struct sent *st, size_t i) {
  return i < st->len && (st->wb[i] & WB_UPPER);
}
/* Length of the word at 'i' (letters only). */
size_t word_len(const struct sent *st, size_t i);

/* number.c */
/* Find the numbers of 'st' that have a unit and are not dates, times,
 * ordinals or document numbers. Returns an array (caller frees) and its
 * length in '*n'. */
struct num *number_scan(const struct sent *st, size_t *n);

/* when.c */
/* The document's own date from its first lines from offset 'from'; fills
 * doc->year etc. if found. */
void when_doc_date(struct extract_doc *doc, size_t from);
/* The ASCII bytes a period head may start with, upper case too: 'set'
 * (128 entries) is true for them. Derived from when.c's table, for
 * sent_lower's WB_WHEN. */
void when_head_bytes(bool set[128]);
/* Years and periods named in 'st'; array (caller frees), count in '*n'. */
struct when *when_scan(const struct sent *st, int doc_year, size_t *n);
/* The year (1900-2100, four digits not followed by a fifth) at 's', or
 * 0. */
int when_year_at(const char *s, size_t len);
/* "giữa nhiệm kỳ 2020 – 2025" names the year of a mid-term review. */
int when_midterm_year(const char *text, size_t len);

/* heading.c */
/* What the heading block at the top of a text says (see heading.c). */
struct heading {
  size_t end;           /* offset of the text after the block, 0 if none */
  char *place, *code;   /* the document's place and its code, or NULL */
  int year, month, day; /* the date line's, 0 if none */
};
void heading_scan(const struct xcfg *x, const char *text, size_t len,
                  struct heading *h);
void heading_free(struct heading *h);
/* A date line among the first three lines from 'from' ("Thứ Năm, ngày 7
 * tháng 12 năm 2023", "Ngày đăng: 15/12/2023"): true with its date. */
bool heading_date_line(const char *text, size_t len, size_t from, int *year,
                       int *month, int *day);

/* place.c */
/* Build the index of the level words (extract_ctx_new calls it, before
 * any thread can). */
void place_init(void);
struct place *place_scan(const struct xcfg *x, const struct sent *st,
                         size_t *n);
/* The same for a line of a heading block, where the Party committee of a
 * level names a place too ("HUYỆN ỦY MƯỜNG ẢNG"). */
struct place *place_scan_heading(const struct xcfg *x, const struct sent *st,
                                 size_t *n);
void place_free(struct place *pl, size_t n);
/* Does a level word ("huyện", "TP.") start at 'i'? (A place named after
 * it starts there.) */
bool place_level_at(const struct sent *st, size_t i);
/* The same with the level words of a heading block ("HUYỆN ỦY"). */
bool place_heading_level_at(const struct sent *st, size_t i);
/* The search for the document's main locality, fed with the places of
 * its sentences in order while 'done' is false: the title's place named
 * after a level word, before a colon, known to the config or as a run of
 * capitalised words; else a place after a level word in the first
 * sentences; else the locality named most often. */
struct place_main {
  const struct xcfg *x;
  char *title_level, *title_colon, *title_known, *title_run, *lead_level;
  size_t lead_seen;
  size_t *count; /* mentions per config locality */
  size_t *gaz_count; /* mentions per gazetteer name (xcfg.gaz) */
  char **gaz_names;  /* each one's first spelling; owned */
  bool done;     /* decided: no more sentences needed */
};
void place_main_init(struct place_main *m, const struct xcfg *x);
void place_main_sentence(struct place_main *m, const struct sent *st,
                         const struct place *pl, size_t n);
/* Fill doc->locality and locality_code, and free what 'm' holds. 'dflt'
 * (or NULL) is the place to take when the title and the first sentences
 * name none by a level word, a colon or a known name: it wins over the
 * guesses (a run of capitalised words in the title, the most named). */
void place_main_finish(struct place_main *m, struct extract_doc *doc,
                       const struct locality *dflt);
/* The index in x->gaz of the folded 'name' ('len' bytes), or -1. */
long place_gaz_index(const struct xcfg *x, const char *name, size_t len);
/* Resolve 'name' to a code, preferring 'level' if given; NULL if none. */
const char *place_resolve(const struct xcfg *x, const char *name, size_t len,
                          const char *level);

/* rules.c */
/* The places of 'st', scanned once (kept in 'stt'). */
const struct place *sent_places(const struct xcfg *x, struct state *stt,
                                const struct sent *st, size_t *n);
/* Turn the numbers of one sentence into facts appended to doc->facts;
 * those that take the document's place get a NULL locality and their
 * index in stt->doc_place. */
void rules_sentence(const struct xcfg *x, struct extract_doc *doc,
                    struct state *stt, const struct sent *st);

/* label.c */
/* The label of the number at 'n' in 'st' ('prev' is the label of the
 * figure before it in the clause, or NULL). Caller frees. */
char *label_for(const struct sent *st, const struct num *n, size_t vstart,
                const char *prev);
/* The phrase [a, b) of 'st' trimmed of spaces, punctuation and openers,
 * as a new string (caller frees), or NULL if too short or too long. */
char *label_span(const struct sent *st, size_t a, size_t b);

/* link.c */
/* The lexicon rows found in a sentence (see link.c): byte offsets into
 * the sentence and the row in xcfg.ind. */
struct link_hit {
  size_t a, b;
  size_t row;
};
struct link_hits {
  struct link_hit *v;
  size_t n, cap;
  unsigned char *roles; /* per indicator, the roles among the hits (bit
                           1 << enum term_role): most have none */
  bool done; /* scanned for the sentence being read */
};
/* Find the rows of the lexicon in the first 'upto' bytes of 'st' (folded
 * once): no figure reads words far past the last figure. */
void link_scan(const struct xcfg *x, const struct sent *st, size_t upto,
               struct link_hits *h);
void link_hits_free(struct link_hits *h);
/* A figure to link: its number, where its verb and fillers start, its
 * kind, whether it is a rise or fall ("tăng 8%"), and its unit. */
struct link_query {
  const struct num *n;
  size_t vstart;
  enum fact_kind kind;
  bool change;
  const char *unit;
  /* filled by link_figure: the unit's family, and where the words that
   * rule indicators in or out are looked for (link.c, query_bounds) */
  struct xunit fu;
  size_t clause, tail, near, ex_end, need_start, need_end;
  const struct num *nums; /* the sentence's figures (for the subjects) */
  size_t nn;
};
#define LINK_CANDS 4
struct link_result {
  const char *code;   /* borrowed from the config, NULL if none */
  size_t label_start; /* where the phrase that names it starts, or NPOS */
  size_t label_end;   /* and ends */
  const char *cand[LINK_CANDS]; /* when two or more fit equally: those */
  size_t n_cand;
};
void link_figure(const struct xcfg *x, const struct sent *st,
                 const struct link_hits *h, const struct link_query *q,
                 struct link_result *out);
/* Build and free what link.c reads from 'x' (its stop words hashed). */
#define STOP_SLOTS 512
void link_init(struct xcfg *x);
/* Class the unit 'u' (as written) into 'out'. */
void link_unit(const char *u, struct xunit *out);

#endif
