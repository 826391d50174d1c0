/* config/config_int.h - what the files of src/config/ share: a parsed YAML
 * file, the reader that turns its nodes into config structs while
 * collecting problems, and the references checked once everything is read.
 * libyaml types stay inside src/config/. */
#ifndef CHITIEU_CONFIG_CONFIG_INT_H
#define CHITIEU_CONFIG_CONFIG_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

#include "config/config.h"
#include "text/suggest.h"
#include "util/err.h"

/* One YAML file parsed into a document (the first one in the file). */
struct yfile {
  char *path;
  yaml_document_t doc;
  bool loaded;
};

/* What a code found in a file refers to, checked after all files are read
 * (a parent may come after its child). */
enum ref_kind { REF_LOCALITY, REF_INDICATOR, REF_GROUP };

struct ref {
  enum ref_kind kind;
  const char *code; /* borrowed from the config being built */
  const char *file; /* borrowed from the reader's files */
  int line, col;
};

/* Where an indicator alias was written, for finding aliases claimed by two
 * indicators. */
struct alias_pos {
  char *key;        /* text_lower of the alias; owned */
  const char *text; /* the alias as written; borrowed from the indicator */
  size_t ind;
  const char *file;
  int line, col;
};

/* Where a code was defined. */
struct pos {
  const char *file;
  int line, col;
};

/* The state of one load or check: the files read so far (kept open until
 * the end, so that positions stay valid), the problems, and what is left
 * to check across files. */
struct reader {
  struct yfile **files;
  size_t n_files, cap_files;
  struct err_list *errs;
  struct ref *refs;
  size_t n_refs, cap_refs;
  struct alias_pos *aliases;
  size_t n_aliases, cap_aliases;
  struct pos *ind_pos; /* parallel to config.indicators */
  struct pos *loc_pos; /* parallel to config.localities */
};

/* yaml.c */
/* Parse 'path' and keep it in 'r'. Returns the file, or NULL after adding
 * the problem (cannot read, syntax error) to 'r'. */
struct yfile *yfile_open(struct reader *r, const char *path);
void reader_free(struct reader *r);
/* Add a problem at node 'n' of file 'f' (n may be NULL: no position). */
void problem(struct reader *r, const struct yfile *f, const yaml_node_t *n,
             const char *fmt, ...) ERR_PRINTF(4, 5);
yaml_node_t *ynode(struct yfile *f, int id);
yaml_node_t *yroot(struct yfile *f);
/* Fill 'vals' (one slot per name of the NULL-terminated 'keys') with the
 * value nodes of the mapping 'map', reporting unknown keys (with the
 * nearest known one), duplicate keys and keys that are not plain strings.
 * 'what' names the mapping in messages. Returns 0, or -1 if 'map' is not a
 * mapping (reported). */
int ymap_fields(struct reader *r, struct yfile *f, yaml_node_t *map,
                const char *what, const char *const *keys, yaml_node_t **vals);
/* The value of 'v' for key 'key' as a new NFC string (caller frees), NULL
 * if 'v' is NULL or a YAML null; a non-scalar or invalid UTF-8 is
 * reported. */
char *ystr(struct reader *r, struct yfile *f, yaml_node_t *v, const char *key);
/* Like ystr, but a missing or null value is reported against 'map'. */
char *ystr_req(struct reader *r, struct yfile *f, yaml_node_t *map,
               yaml_node_t *v, const char *key);
/* Integer, number and boolean values; 'dflt' when 'v' is NULL or on a
 * (reported) error. */
int yint(struct reader *r, struct yfile *f, yaml_node_t *v, const char *key,
         int dflt);
double ynum(struct reader *r, struct yfile *f, yaml_node_t *v, const char *key,
            double dflt);
bool ybool(struct reader *r, struct yfile *f, yaml_node_t *v, const char *key,
           bool dflt);
/* A list of strings: a sequence of scalars. Returns the array (caller
 * frees each string and the array) and its length in '*n'; NULL with *n 0
 * if 'v' is NULL. If 'nodes' is not NULL it receives a new array of the
 * item nodes (caller frees). */
char **ystrlist(struct reader *r, struct yfile *f, yaml_node_t *v,
                const char *key, size_t *n, yaml_node_t ***nodes);
int yline(const yaml_node_t *n);
int ycol(const yaml_node_t *n);

/* Remember a reference to check later. */
void reader_ref(struct reader *r, enum ref_kind kind, const char *code,
                const struct yfile *f, const yaml_node_t *n);

/* "Did you mean": the nearest of 'cands' ('n' of them, NULL entries
 * skipped) to 's' if it is near enough to be a likely typo, else NULL;
 * text_suggest, the helper the commands use too. */
static inline const char *lev_suggest(const char *s, const char *const *cands,
                                      size_t n) {
  return text_suggest(s, cands, n);
}

/* read.c: read one file into 'cfg', adding problems to 'r'. */
void read_indicators(struct reader *r, struct config *cfg, const char *path);
void read_localities(struct reader *r, struct config *cfg, const char *path);
void read_dashboard(struct reader *r, struct config *cfg, const char *path);
/* Read a meeting file into 'm' (zeroed by the caller). Returns 0, or -1 if
 * the file could not be read at all. */
int read_meeting(struct reader *r, struct meeting *m, const char *path);

/* check.c: the checks across files, once all are read. */
void check_config(struct reader *r, struct config *cfg);
/* Check the references gathered in 'r' against 'cfg'. */
void check_refs(struct reader *r, const struct config *cfg);

/* config.c */
void indicator_clear(struct indicator *ind);
void locality_clear(struct locality *loc);
void meeting_clear(struct meeting *m);
void dashboard_clear(struct dashboard *d);

#endif
