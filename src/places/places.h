/* places/places.h - the national gazetteer: every province, district and
 * commune of Việt Nam in the tree of 1 March 2025 (valid until 30 June
 * 2025) and in the two-level tree from 1 July 2025, with the mapping of
 * each old unit onto the new one(s), and lookup by name + date + context
 * returning candidates.
 *
 * The data (data/gazetteer/gazetteer.tsv, made from the GSO lists) is
 * compiled into the binary, so loading needs no file and no path.
 *
 * Codes. A unit's code is its GSO code ("mã số đơn vị hành chính") as the
 * GSO writes it, with its leading zeros: "11" the province Điện Biên, "095"
 * thị xã Mường Lay, "03172" thị trấn Mường Chà. A GSO code is unique only
 * with its date (a new commune often keeps the code of an old one it
 * absorbed, and the new provinces reuse old province codes), so the units
 * of the tree from 1 July 2025 carry an "m" (mới, new) before it: "m11"
 * the province Điện Biên from 1 July 2025, "m03172" a new commune. These
 * codes never change; places_find_code also takes a bare GSO code and a
 * date.
 *
 * Dates are integers YYYYMMDD (20250701); 0 means "any date".
 *
 * Resolving a place named in a text: call places_lookup with the name as
 * written (with its level word), the date of the figure's period
 * (places_period_date) or of the document, and as 'within' the units the
 * document is about (its heading's or title's province and district,
 * resolved first the same way). One candidate with PLACE_IN_CONTEXT is the
 * place; several are a fact for review that names them; none is an
 * unknown place (places_suggest for "did you mean"). */
#ifndef CHITIEU_PLACES_PLACES_H
#define CHITIEU_PLACES_PLACES_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

/* The last day of the old tree and the first of the new one. */
#define PLACES_OLD_TO 20250630
#define PLACES_NEW_FROM 20250701

/* One old unit's place in a new one, or the reverse: 'unit' is an index
 * into the gazetteer, 'partial' says the old unit went in only in part
 * (it was split between several new units). */
struct place_link {
  int unit;
  bool partial;
};

/* One administrative unit. All strings are borrowed from the gazetteer
 * and live until places_free. */
struct place {
  const char *code;  /* "094", "m03172" (see above) */
  const char *name;  /* without the level word: "Mường Lay" */
  const char *level; /* lower case: "tỉnh", "thành phố", "quận", "huyện",
                        "thị xã", "phường", "xã", "thị trấn", "đặc khu" */
  const char *fold;  /* text_fold of 'name': "muong lay" */
  int tier;          /* 1 province, 2 district, 3 commune */
  int parent;        /* index of the parent, -1 for a province */
  int valid_from;    /* first day (YYYYMMDD), 0 = before the tree's date */
  int valid_to;      /* last day, 0 = still valid */
  /* an old unit: the new units it went into; a new unit: the old units
   * that went into it */
  const struct place_link *into, *from;
  int n_into, n_from;
  int first_child, next_sibling; /* indices, -1 for none */
};

struct places;

/* Load the gazetteer compiled into the binary. Returns it (free with
 * places_free) or NULL with 'err' set (a damaged build). */
struct places *places_load(struct err *err);
/* Load a gazetteer from 'data' ('len' bytes, the format of
 * data/gazetteer/README.md); 'name' names it in errors. */
struct places *places_load_mem(const char *data, size_t len, const char *name,
                               struct err *err);
void places_free(struct places *p);

/* The number of units and the unit at index 'i' (0 <= i < count). */
int places_count(const struct places *p);
const struct place *places_get(const struct places *p, int i);
/* The index of 'u', a unit of 'p'. */
int places_index(const struct places *p, const struct place *u);

/* Is unit 'u' valid on 'date' (0: always true)? */
bool places_valid_at(const struct place *u, int date);

/* The unit with code 'code': a gazetteer code ("094", "m03172"), or a bare
 * GSO code of a unit of the new tree when 'date' is on or after 1 July
 * 2025 ("03172" at 20260101 is "m03172"). NULL if none. */
const struct place *places_find_code(const struct places *p, const char *code,
                                     int date);

/* What a look-up knows besides the name. */
struct place_query {
  int date;           /* the day the name is meant for, 0 = any */
  const int *within;  /* units the place is likely in or is (the
                         document's province and district), or NULL */
  int n_within;
};

/* How a candidate met the query (bits of place_match.flags). */
enum {
  PLACE_LEVEL = 1,      /* the name carried a level word, and it fits */
  PLACE_AT_DATE = 2,    /* valid on the query's date (or no date given) */
  PLACE_IN_CONTEXT = 4, /* in (or one of) the query's 'within' units, or
                           no context given */
  PLACE_BY_RANK = 8,    /* chosen as the only province among units of that
                           name, the name having no level word */
  PLACE_SPELT = 16      /* among names that fold alike ("Hoằng Phụ",
                           "Hoằng Phú"), the one spelt as asked */
};

struct place_match {
  int unit;     /* index into the gazetteer */
  unsigned flags;
};

/* Find the units called 'name' ('len' bytes of UTF-8): a bare name
 * ("Mường Lay", "muong lay"), or one with its level word or its usual
 * abbreviation ("Thị xã Mường Lay", "TX. Mường Lay", "TP Điện Biên Phủ",
 * "H. Châu Thành", "TP.HCM"), in any case and with or without diacritics,
 * with or without spaces around a hyphen ("Bà Rịa-Vũng Tàu"); or a path
 * from the unit up, comma separated ("Châu Thành, Tiền Giang", "xã Tân
 * Phú, huyện Châu Thành, tỉnh Bến Tre"), each part narrowing the next.
 *
 * The units of that name (and level; names are compared folded) are
 * narrowed to those spelt as asked (diacritics and all), then to the
 * query's context, then to its date, each step kept only if it leaves at
 * least one unit: so a name that exists only outside the context or the
 * date still resolves, its flags saying so (a level word that fits none
 * of the units of the name is ignored, without PLACE_LEVEL). Without a level word, a name shared by
 * one province and lower units is the province (PLACE_BY_RANK).
 *
 * Writes up to 'max' candidates to 'out', provinces first, then by code;
 * returns how many there are in all (0: not found; 1: resolved; more:
 * ambiguous, the candidates to show). */
int places_lookup(const struct places *p, const char *name, size_t len,
                  const struct place_query *q, struct place_match *out,
                  int max);

/* For a name places_lookup does not know: the unit whose name is closest
 * (a few edits away, level word aside), preferring one valid on 'date';
 * NULL if nothing is close. */
const struct place *places_suggest(const struct places *p, const char *name,
                                   size_t len, int date);

/* Is unit 'u' the same as or below unit 'anc' (both indices)? Across the
 * reform, a unit is also within 'anc' when one of the units it maps to or
 * from is. */
bool places_within(const struct places *p, int u, int anc);

/* Write "thị xã Mường Lay, tỉnh Điện Biên" (the unit with its level word,
 * then its parents up to the province) into 'dst' ('n' bytes); 'parents'
 * false: "thị xã Mường Lay" only. Returns 'dst'. */
char *places_describe(const struct places *p, const struct place *u,
                      bool parents, char *dst, size_t n);

/* The last day of period 'p' (text/period.h): "2024-Q3" 20240930, "2024-H1"
 * 20240630, "2024-M02" 20240229, a year or a span its last year's 31
 * December. */
struct period;
int places_period_date(const struct period *p);

/* Parse a date for look-ups: "2023" (its last day, 20231231), "2025-06"
 * (the last day of the month), "2025-07-01". Returns 0 and sets '*date',
 * or -1. */
int places_date_parse(const char *s, int *date);

#endif
