/* places/places_int.h - the gazetteer's own structures: the units, their
 * links, and two hash indexes (by code, by folded name). */
#ifndef CHITIEU_PLACES_PLACES_INT_H
#define CHITIEU_PLACES_PLACES_INT_H

#include <stddef.h>

#include "places/places.h"

/* data/gazetteer/gazetteer.tsv, compiled in by the build (tools/embed.c);
 * NUL-terminated, 'places_data_len' not counting the NUL. */
extern const unsigned char places_data[];
extern const size_t places_data_len;

struct places {
  char *text;               /* a copy of the TSV, its fields NUL-ended */
  char *folds;              /* the folded names, NUL-separated, then the
                               keys that differ from them */
  const char **key;         /* per unit: its look-up key (places_key_tidy
                               of its folded name) */
  struct place *units;
  int n;
  struct place_link *links; /* every unit's 'into' and 'from' links */
  /* open addressing, -1 = empty slot; 'mask' = slots - 1 */
  int *by_code;
  size_t code_mask;
  int *by_name;             /* the first unit of each key */
  size_t name_mask;
  int *next_same;           /* the next unit of the same key */
};

/* Make folded name 'f' a look-up key, in place: no spaces around a hyphen
 * or an apostrophe ("Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu"; "Ea H' Leo"),
 * the typographic ones (U+2013, U+2019) written as ASCII. */
void places_key_tidy(char *f);

/* FNV-1a of the NUL-terminated 's'. */
size_t places_hash(const char *s);

/* The first unit whose look-up key is 'fold', or -1; the others follow
 * through next_same. */
int places_first_named(const struct places *p, const char *fold);

#endif
