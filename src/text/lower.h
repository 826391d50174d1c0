/* text/lower.h - lower case that keeps byte offsets, for matching words
 * in a sentence while reporting positions in the original text. */
#ifndef CHITIEU_TEXT_LOWER_H
#define CHITIEU_TEXT_LOWER_H

#include <stddef.h>

/* Lower-case the valid UTF-8 's' ('len' bytes) in place, changing only
 * the characters whose lower case has the same UTF-8 length (all of
 * Vietnamese: "Đ" -> "đ", "Ầ" -> "ầ"). Offsets stay valid. */
void text_lower_same(char *s, size_t len);

/* The same for the one code point 'cp' of 'n' bytes at 's' (decoded by
 * the caller, who walks the text anyway). */
void text_lower_one(char *s, int cp, int n);

/* Build the table text_lower_same reads, once (text_init calls it; see
 * there). */
void text_lower_init(void);

#endif
