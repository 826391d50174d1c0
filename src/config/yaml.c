/* config/yaml.c - libyaml behind a small interface: parse a file into a
 * document, then read its nodes as strings, numbers, booleans, lists and
 * mappings with known keys. Every problem becomes a "FILE:LINE:COL:
 * message" in the reader's list (libyaml marks are 0-based, ours 1-based),
 * and reading goes on, so that one check reports everything. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "config/config_int.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/xalloc.h"

int yline(const yaml_node_t *n) { return n ? (int)n->start_mark.line + 1 : 0; }

int ycol(const yaml_node_t *n) { return n ? (int)n->start_mark.column + 1 : 0; }

void problem(struct reader *r, const struct yfile *f, const yaml_node_t *n,
             const char *fmt, ...) {
  struct err e;
  va_list ap;
  va_start(ap, fmt);
  err_setv(&e, f ? f->path : NULL, yline(n), ycol(n), fmt, ap);
  va_end(ap);
  err_list_add(r->errs, &e);
}

/* Turn a failed libyaml parse of 'text' into a problem at the mark where
 * it was found, with libyaml's own words: "did not find expected key
 * (while parsing a block mapping)". Reader errors (bad UTF-8) give only a
 * byte offset, turned here into a line and column. */
static void syntax_problem(struct reader *r, const char *path,
                           const yaml_parser_t *p, const char *text,
                           size_t len) {
  const yaml_mark_t *m = &p->problem_mark;
  const char *what = p->problem ? p->problem : "cannot parse";
  if (p->error == YAML_READER_ERROR) {
    int line = 1, col = 1;
    for (size_t i = 0; i < p->problem_offset && i < len; i++) {
      if (text[i] == '\n') {
        line++;
        col = 1;
      } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
        col++;
      }
    }
    err_list_addf(r->errs, path, line, col, "%s", what);
  } else if (p->context) {
    err_list_addf(r->errs, path, (int)m->line + 1, (int)m->column + 1,
                  "syntax error: %s (%s)", what, p->context);
  } else {
    err_list_addf(r->errs, path, (int)m->line + 1, (int)m->column + 1,
                  "syntax error: %s", what);
  }
}

struct yfile *yfile_open(struct reader *r, const char *path) {
  struct buf text = BUF_INIT;
  struct err e;
  err_clear(&e);
  if (file_read(path, &text, &e) != 0) {
    err_list_add(r->errs, &e);
    buf_free(&text);
    return NULL;
  }
  struct yfile *f = xcalloc(1, sizeof *f);
  f->path = xstrdup(path);
  yaml_parser_t p;
  if (!yaml_parser_initialize(&p))
    abort(); /* only fails for lack of memory */
  yaml_parser_set_input_string(&p, (const unsigned char *)buf_str(&text),
                               text.len);
  if (!yaml_parser_load(&p, &f->doc))
    syntax_problem(r, path, &p, buf_str(&text), text.len);
  else
    f->loaded = true;
  yaml_parser_delete(&p);
  buf_free(&text);
  /* Keep the file even when it failed: its path is still referenced. */
  xgrow((void **)&r->files, &r->cap_files, r->n_files + 1, sizeof *r->files);
  r->files[r->n_files++] = f;
  return f->loaded ? f : NULL;
}

void reader_free(struct reader *r) {
  for (size_t i = 0; i < r->n_files; i++) {
    if (r->files[i]->loaded)
      yaml_document_delete(&r->files[i]->doc);
    free(r->files[i]->path);
    free(r->files[i]);
  }
  free(r->files);
  for (size_t i = 0; i < r->n_aliases; i++)
    free(r->aliases[i].key);
  free(r->aliases);
  free(r->refs);
  free(r->ind_pos);
  free(r->loc_pos);
  memset(r, 0, sizeof *r);
}

yaml_node_t *ynode(struct yfile *f, int id) {
  return yaml_document_get_node(&f->doc, id);
}

yaml_node_t *yroot(struct yfile *f) {
  return yaml_document_get_root_node(&f->doc);
}

/* The scalar text of 'n', or NULL if it is not a scalar. */
static const char *scalar(const yaml_node_t *n) {
  if (!n || n->type != YAML_SCALAR_NODE)
    return NULL;
  return (const char *)n->data.scalar.value;
}

static bool is_plain(const yaml_node_t *n) {
  return n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

/* Is 'n' a YAML null ("", "~", "null" written plain)? */
static bool is_null(const yaml_node_t *n) {
  const char *s = scalar(n);
  if (!s || !is_plain(n))
    return false;
  return !*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
         strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

/* Report that 'v' (the value of 'key') is not of type 'type' ("an
 * integer"), saying so plainly when the value was quoted: "90" is a
 * string in YAML, 90 a number. */
static void type_problem(struct reader *r, struct yfile *f, yaml_node_t *v,
                         const char *key, const char *type);

/* A short name for the kind of node 'n', for "must be a string, not a
 * list" messages. */
static const char *kind_name(const yaml_node_t *n) {
  if (n->type == YAML_SEQUENCE_NODE)
    return "a list";
  if (n->type == YAML_MAPPING_NODE)
    return "a mapping";
  return "a scalar";
}

static void type_problem(struct reader *r, struct yfile *f, yaml_node_t *v,
                         const char *key, const char *type) {
  const char *s = scalar(v);
  if (!s)
    problem(r, f, v, "'%s' must be %s, not %s", key, type, kind_name(v));
  else if (!is_plain(v))
    problem(r, f, v, "'%s' must be %s, not the quoted string '%s'", key, type,
            s);
  else
    problem(r, f, v, "'%s' must be %s, not '%s'", key, type, s);
}

int ymap_fields(struct reader *r, struct yfile *f, yaml_node_t *map,
                const char *what, const char *const *keys, yaml_node_t **vals) {
  size_t nkeys = 0;
  while (keys[nkeys])
    vals[nkeys++] = NULL;
  if (!map || map->type != YAML_MAPPING_NODE) {
    problem(r, f, map, "%s must be a mapping (key: value), not %s", what,
            map ? kind_name(map) : "empty");
    return -1;
  }
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
       p < map->data.mapping.pairs.top; p++) {
    yaml_node_t *k = ynode(f, p->key);
    const char *name = scalar(k);
    if (!name) {
      problem(r, f, k, "a key of %s must be a plain string", what);
      continue;
    }
    size_t i = 0;
    while (i < nkeys && strcmp(keys[i], name) != 0)
      i++;
    if (i == nkeys) {
      const char *near = lev_suggest(name, keys, nkeys);
      if (near)
        problem(r, f, k, "unknown key '%s' in %s; did you mean '%s'?", name,
                what, near);
      else
        problem(r, f, k, "unknown key '%s' in %s", name, what);
      continue;
    }
    if (vals[i]) {
      problem(r, f, k, "duplicate key '%s' (first at line %d)", name,
              yline(vals[i]));
      continue;
    }
    vals[i] = ynode(f, p->value);
  }
  return 0;
}

char *ystr(struct reader *r, struct yfile *f, yaml_node_t *v, const char *key) {
  if (!v || is_null(v))
    return NULL;
  const char *s = scalar(v);
  if (!s) {
    problem(r, f, v, "'%s' must be a string, not %s", key, kind_name(v));
    return NULL;
  }
  size_t bad;
  if (strlen(s) != v->data.scalar.length ||
      text_utf8_check(s, v->data.scalar.length, &bad) != 0) {
    problem(r, f, v, "'%s' is not valid UTF-8", key);
    return NULL;
  }
  return text_nfc(s);
}

char *ystr_req(struct reader *r, struct yfile *f, yaml_node_t *map,
               yaml_node_t *v, const char *key) {
  if (!v || is_null(v)) {
    problem(r, f, v ? v : map, "missing required key '%s'", key);
    return NULL;
  }
  return ystr(r, f, v, key);
}

int yint(struct reader *r, struct yfile *f, yaml_node_t *v, const char *key,
         int dflt) {
  if (!v)
    return dflt;
  const char *s = scalar(v);
  char *end = NULL;
  long x = 0;
  if (s && is_plain(v) && *s) {
    errno = 0;
    x = strtol(s, &end, 10);
  }
  if (!end || *end || errno == ERANGE || x < INT_MIN || x > INT_MAX) {
    type_problem(r, f, v, key, "an integer");
    return dflt;
  }
  return (int)x;
}

double ynum(struct reader *r, struct yfile *f, yaml_node_t *v, const char *key,
            double dflt) {
  if (!v)
    return dflt;
  const char *s = scalar(v);
  char *end = NULL;
  double x = 0;
  if (s && is_plain(v) && *s) {
    errno = 0;
    x = strtod(s, &end);
  }
  if (!end || *end || errno == ERANGE) {
    type_problem(r, f, v, key, "a number");
    return dflt;
  }
  return x;
}

bool ybool(struct reader *r, struct yfile *f, yaml_node_t *v, const char *key,
           bool dflt) {
  if (!v)
    return dflt;
  const char *s = scalar(v);
  if (s && is_plain(v) && strcmp(s, "true") == 0)
    return true;
  if (s && is_plain(v) && strcmp(s, "false") == 0)
    return false;
  type_problem(r, f, v, key, "true or false");
  return dflt;
}

char **ystrlist(struct reader *r, struct yfile *f, yaml_node_t *v,
                const char *key, size_t *n, yaml_node_t ***nodes) {
  *n = 0;
  if (nodes)
    *nodes = NULL;
  if (!v || is_null(v))
    return NULL;
  if (v->type != YAML_SEQUENCE_NODE) {
    problem(r, f, v, "'%s' must be a list ([a, b] or '- a' lines), not %s", key,
            kind_name(v));
    return NULL;
  }
  size_t cap =
      (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
  char **out = xcalloc(cap ? cap : 1, sizeof *out);
  if (nodes)
    *nodes = xcalloc(cap ? cap : 1, sizeof **nodes);
  for (yaml_node_item_t *it = v->data.sequence.items.start;
       it < v->data.sequence.items.top; it++) {
    yaml_node_t *item = ynode(f, *it);
    char *s = NULL;
    if (item && item->type == YAML_SCALAR_NODE && !is_null(item))
      s = ystr(r, f, item, key);
    else
      problem(r, f, item, "items of '%s' must be strings", key);
    if (!s)
      continue;
    if (nodes)
      (*nodes)[*n] = item;
    out[(*n)++] = s;
  }
  return out;
}

void reader_ref(struct reader *r, enum ref_kind kind, const char *code,
                const struct yfile *f, const yaml_node_t *n) {
  if (!code)
    return;
  xgrow((void **)&r->refs, &r->cap_refs, r->n_refs + 1, sizeof *r->refs);
  r->refs[r->n_refs++] = (struct ref){kind, code, f->path, yline(n), ycol(n)};
}
