/* tests/fuzz/fuzz_places.c - libFuzzer target for the gazetteer's two
 * readers of outside input: places_lookup and places_suggest on a name
 * typed at the command line or found in a text (with a date and a context
 * taken from the input's first bytes), and places_load_mem on the bytes
 * as a gazetteer file. Beyond "no crash, no UB": every candidate is a unit
 * of the gazetteer whose folded name is the folded last part of the
 * name, or of its part after a level word. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "places/places.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static struct places *pl;
  struct err err;
  if (!pl) {
    pl = places_load(&err);
    if (!pl)
      abort();
  }
  if (size < 3)
    return 0;
  /* byte 0: the date; byte 1: a context unit; the rest: the name */
  static const int dates[] = {0, 20230101, 20250630, 20250701, 20261231};
  struct place_query q = {dates[data[0] % 5], NULL, 0};
  int within = (int)(data[1] * 57u % (unsigned)places_count(pl));
  if (data[1] & 1) {
    q.within = &within;
    q.n_within = 1;
  }
  const char *name = (const char *)data + 2;
  size_t len = size - 2;
  struct place_match m[8];
  int n = places_lookup(pl, name, len, &q, m, 8);
  if (n < 0)
    abort();
  for (int i = 0; i < n && i < 8; i++) {
    const struct place *u = places_get(pl, m[i].unit);
    if (!u || (q.date && (m[i].flags & PLACE_AT_DATE) &&
               !places_valid_at(u, q.date)))
      abort();
    char d[512];
    places_describe(pl, u, true, d, sizeof d);
  }
  const struct place *s = places_suggest(pl, name, len, q.date);
  if (s && !places_get(pl, places_index(pl, s)))
    abort();
  /* the bytes as a gazetteer file */
  struct places *p = places_load_mem(name, len, "fuzz.tsv", &err);
  if (p) {
    for (int i = 0; i < places_count(p); i++) {
      const struct place *u = places_get(p, i);
      if (u->parent >= i || (u->parent >= 0 && u->tier < 2))
        abort();
    }
    n = places_lookup(p, name, len, &q, m, 8);
    places_free(p);
  }
  return 0;
}
