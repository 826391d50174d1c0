/* text/suggest.h - "did you mean": the edit distance between what was
 * typed and the names known, and codes as slugs. One place for every
 * command, the config checks and the CSV import. */
#ifndef CHITIEU_TEXT_SUGGEST_H
#define CHITIEU_TEXT_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

/* Levenshtein distance between the UTF-8 strings 'a' and 'b', in code
 * points, so that "huyen" is one edit from "huyện". */
size_t text_edit_distance(const char *a, const char *b);
/* The same for the 'la' and 'lb' bytes at 'a' and 'b', or 'limit' + 1 as
 * soon as it is sure to be more than 'limit' (for searches over many
 * names). */
int text_edit_distance_within(const char *a, size_t la, const char *b,
                              size_t lb, int limit);

/* The string of 'cands' ('n' of them, NULL entries skipped) nearest to
 * 's' if it is near enough to be a likely typo (two edits, or a third of
 * the longer word, and not a rewrite of the whole word), else NULL. A
 * candidate that differs from 's' only in case or diacritics always
 * counts. Returns one of 'cands' (borrowed). */
const char *text_suggest(const char *s, const char *const *cands, size_t n);

/* Is 's' a code: one or more of [a-z0-9] and 'sep' ('-' for localities,
 * '_' for indicators), not starting or ending with 'sep'? */
bool text_is_slug(const char *s, char sep);

/* The slug of 's' into 'out' ('cap' bytes): folded (lower case, no
 * diacritics, "đ" -> "d"), every run of other characters one 'sep', none
 * at either end: "MUONG-LAY" -> "muong-lay", "Mường Lay" -> "muong-lay".
 * Returns 'out' (empty if nothing is left). */
char *text_slug(const char *s, char sep, char *out, size_t cap);

#endif
