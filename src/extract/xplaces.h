/* extract/xplaces.h - the names the extractor takes from the national
 * gazetteer (places/). Kept apart from extract_int.h, whose 'struct
 * place' (a place named in a sentence) is not the gazetteer's. */
#ifndef CHITIEU_EXTRACT_XPLACES_H
#define CHITIEU_EXTRACT_XPLACES_H

#include <stddef.h>

/* The folded names (text_fold) of every province and district of the
 * gazetteer, old tree and new, sorted and without repeats, as one array
 * of owned strings ('*n' of them; free with xplaces_names_free). A
 * commune's name is too often a common word ("Tân Tiến", "Thống Nhất")
 * to be taken for a place without a level word, so communes are left
 * out, and so are names of one word: folded, "Chủ" (tịch) would be thị
 * xã Chũ. NULL with '*n' 0 if the gazetteer cannot be loaded. */
char **xplaces_names(size_t *n);
void xplaces_names_free(char **v, size_t n);

#endif
