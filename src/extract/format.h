/* extract/format.h - facts as JSON Lines, TSV or readable text, written
 * into a buffer (only cli/ prints). */
#ifndef CHITIEU_EXTRACT_FORMAT_H
#define CHITIEU_EXTRACT_FORMAT_H

#include "extract/extract.h"
#include "util/buf.h"
#include "util/json.h"

enum extract_format { EXTRACT_JSONL, EXTRACT_TSV, EXTRACT_TEXT };

/* "jsonl", "tsv", "text"; returns 0 or -1. */
int extract_format_parse(const char *s, enum extract_format *fmt);
/* The TSV header line (nothing for the other formats). */
void extract_format_header(struct buf *out, enum extract_format fmt);
/* One fact of 'doc' as one line (with its newline). JSON fields: doc,
 * locality, locality_code, year, period, label, indicator, kind, value, of,
 * unit, approx, estimated, sentence, span [start, end). */
void extract_format_fact(struct buf *out, enum extract_format fmt,
                         const struct extract_doc *doc, const struct fact *f);

#endif
