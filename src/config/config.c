/* config/config.c - loading the configuration folder: indicators.yaml,
 * localities.yaml, dashboards/NAME.yaml and meetings/NAME.yaml are read into
 * one struct config, every problem is collected (config_check reports them all,
 * config_load the first), and look-ups by code. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "config/config_int.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/xalloc.h"

static void strv_free(char **v, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(v[i]);
  free(v);
}

void indicator_clear(struct indicator *ind) {
  free(ind->code);
  free(ind->name);
  free(ind->short_name);
  free(ind->group);
  free(ind->unit);
  strv_free(ind->aliases, ind->n_aliases);
  strv_free(ind->terms, ind->n_terms);
  strv_free(ind->needs, ind->n_needs);
  strv_free(ind->excludes, ind->n_excludes);
  strv_free(ind->units, ind->n_units);
  free(ind->change);
  memset(ind, 0, sizeof *ind);
}

void locality_clear(struct locality *loc) {
  free(loc->code);
  free(loc->name);
  free(loc->level);
  free(loc->parent);
  strv_free(loc->aliases, loc->n_aliases);
  free(loc->merged_into);
  free(loc->gso);
  memset(loc, 0, sizeof *loc);
  loc->parent_idx = -1;
}

void dashboard_clear(struct dashboard *d) {
  free(d->name);
  free(d->path);
  free(d->title);
  free(d->locality);
  free(d->period);
  for (size_t i = 0; i < d->n_blocks; i++) {
    free(d->blocks[i].title);
    free(d->blocks[i].group);
    strv_free(d->blocks[i].indicators, d->blocks[i].n_indicators);
    free(d->blocks[i].chart);
  }
  free(d->blocks);
  free(d->page_size);
  memset(d, 0, sizeof *d);
}

void meeting_clear(struct meeting *m) {
  free(m->name);
  free(m->path);
  free(m->title);
  free(m->date);
  free(m->place);
  free(m->chair);
  free(m->period);
  free(m->locality);
  strv_free(m->sections, m->n_sections);
  strv_free(m->key_indicators, m->n_key_indicators);
  free(m->password);
  memset(m, 0, sizeof *m);
}

void config_free(struct config *cfg) {
  if (!cfg)
    return;
  for (size_t i = 0; i < cfg->n_indicators; i++)
    indicator_clear(&cfg->indicators[i]);
  free(cfg->indicators);
  for (size_t i = 0; i < cfg->n_localities; i++)
    locality_clear(&cfg->localities[i]);
  free(cfg->localities);
  for (size_t i = 0; i < cfg->n_dashboards; i++)
    dashboard_clear(&cfg->dashboards[i]);
  free(cfg->dashboards);
  for (size_t i = 0; i < cfg->n_meetings; i++)
    meeting_clear(&cfg->meetings[i]);
  free(cfg->meetings);
  strv_free(cfg->groups, cfg->n_groups);
  free(cfg->dir);
  free(cfg);
}

/* "DIR/NAME"; caller frees. */
static char *join_path(const char *dir, const char *name) {
  struct buf b = BUF_INIT;
  size_t n = strlen(dir);
  buf_adds(&b, dir);
  if (n && dir[n - 1] != '/')
    buf_addc(&b, '/');
  buf_adds(&b, name);
  return buf_detach(&b);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The paths of the *.yaml and *.yml files of 'dir' in name order (so that
 * problems come out in the same order everywhere), '*n' of them. A
 * missing folder has no files. Caller frees the paths and the array. */
static char **list_yaml(const char *dir, size_t *n) {
  *n = 0;
  DIR *d = opendir(dir);
  if (!d)
    return NULL;
  char **v = NULL;
  size_t cap = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t len = strlen(e->d_name);
    if (e->d_name[0] == '.')
      continue;
    if (!((len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0) ||
          (len > 4 && strcmp(e->d_name + len - 4, ".yml") == 0)))
      continue;
    xgrow((void **)&v, &cap, *n + 1, sizeof *v);
    v[(*n)++] = join_path(dir, e->d_name);
  }
  closedir(d);
  if (*n)
    qsort(v, *n, sizeof *v, cmp_str);
  return v;
}

/* The rank of 'file' among the files read by 'r' (in reading order), or
 * -1 for a problem with no file of 'r'. */
static long file_rank(const struct reader *r, const char *file) {
  for (size_t i = 0; i < r->n_files; i++)
    if (strcmp(r->files[i]->path, file) == 0)
      return (long)i;
  return -1;
}

/* Does problem 'a' come after 'b' in reading order: by file, then line
 * and column? */
static bool after(const struct reader *r, const struct err *a,
                  const struct err *b) {
  long fa = file_rank(r, a->file), fb = file_rank(r, b->file);
  if (fa != fb)
    return fa > fb;
  if (a->line != b->line)
    return a->line > b->line;
  return a->col > b->col;
}

/* Put the problems from 'from' on in reading order, so that a file's
 * problems read top to bottom whichever check found them (insertion sort:
 * stable, and the lists are short). */
static void sort_problems(const struct reader *r, struct err_list *errs,
                          size_t from) {
  for (size_t i = from + 1; i < errs->n; i++) {
    struct err e = errs->v[i];
    size_t j = i;
    while (j > from && after(r, &errs->v[j - 1], &e)) {
      errs->v[j] = errs->v[j - 1];
      j--;
    }
    errs->v[j] = e;
  }
}

/* Read everything under 'dir' into a new config, adding every problem to
 * 'errs'. Always returns a config (possibly partial). */
static struct config *load(const char *dir, struct err_list *errs) {
  struct config *cfg = xcalloc(1, sizeof *cfg);
  struct reader r = {0};
  size_t from = errs->n;
  r.errs = errs;
  cfg->dir = xstrdup(dir);
  if (!file_is_dir(dir)) {
    err_list_addf(errs, dir, 0, 0, "not a configuration folder");
    return cfg;
  }
  char *path = join_path(dir, "indicators.yaml");
  read_indicators(&r, cfg, path);
  free(path);
  path = join_path(dir, "localities.yaml");
  read_localities(&r, cfg, path);
  free(path);

  size_t n;
  char *sub = join_path(dir, "dashboards");
  char **files = list_yaml(sub, &n);
  for (size_t i = 0; i < n; i++)
    read_dashboard(&r, cfg, files[i]);
  strv_free(files, n);
  free(sub);

  sub = join_path(dir, "meetings");
  files = list_yaml(sub, &n);
  cfg->meetings = xcalloc(n ? n : 1, sizeof *cfg->meetings);
  for (size_t i = 0; i < n; i++) {
    struct meeting *m = &cfg->meetings[cfg->n_meetings];
    if (read_meeting(&r, m, files[i]) == 0)
      cfg->n_meetings++;
    else
      meeting_clear(m);
  }
  strv_free(files, n);
  free(sub);

  check_config(&r, cfg);
  sort_problems(&r, errs, from);
  reader_free(&r);
  return cfg;
}

struct config *config_load(const char *dir, struct err *err) {
  struct err_list errs = {0};
  struct config *cfg = load(dir, &errs);
  if (errs.n) {
    if (err)
      *err = errs.v[0];
    config_free(cfg);
    cfg = NULL;
  }
  err_list_free(&errs);
  return cfg;
}

size_t config_check(const char *dir, struct err_list *errors) {
  size_t before = errors->n;
  config_free(load(dir, errors));
  return errors->n - before;
}

const struct indicator *config_indicator(const struct config *cfg,
                                         const char *code) {
  if (!cfg || !code)
    return NULL;
  for (size_t i = 0; i < cfg->n_indicators; i++)
    if (strcmp(cfg->indicators[i].code, code) == 0)
      return &cfg->indicators[i];
  return NULL;
}

const struct locality *config_locality(const struct config *cfg,
                                       const char *code) {
  if (!cfg || !code)
    return NULL;
  for (size_t i = 0; i < cfg->n_localities; i++)
    if (strcmp(cfg->localities[i].code, code) == 0)
      return &cfg->localities[i];
  return NULL;
}

const struct meeting *config_meeting(const struct config *cfg,
                                     const char *name_or_path) {
  if (!cfg || !name_or_path)
    return NULL;
  for (size_t i = 0; i < cfg->n_meetings; i++)
    if (strcmp(cfg->meetings[i].name, name_or_path) == 0 ||
        strcmp(cfg->meetings[i].path, name_or_path) == 0)
      return &cfg->meetings[i];
  return NULL;
}

const struct dashboard *config_dashboard(const struct config *cfg,
                                         const char *name_or_path) {
  if (!cfg || !name_or_path)
    return NULL;
  for (size_t i = 0; i < cfg->n_dashboards; i++)
    if (strcmp(cfg->dashboards[i].name, name_or_path) == 0 ||
        strcmp(cfg->dashboards[i].path, name_or_path) == 0)
      return &cfg->dashboards[i];
  return NULL;
}

struct meeting *config_meeting_load(const struct config *cfg, const char *path,
                                    struct err *err) {
  struct err_list errs = {0};
  struct reader r = {0};
  r.errs = &errs;
  struct meeting *m = xcalloc(1, sizeof *m);
  read_meeting(&r, m, path);
  if (cfg)
    check_refs(&r, cfg);
  sort_problems(&r, &errs, 0);
  reader_free(&r);
  if (errs.n) {
    if (err)
      *err = errs.v[0];
    config_meeting_free(m);
    m = NULL;
  }
  err_list_free(&errs);
  return m;
}

void config_meeting_free(struct meeting *m) {
  if (!m)
    return;
  meeting_clear(m);
  free(m);
}

bool config_locality_within(const struct config *cfg, const char *code,
                            const char *ancestor) {
  const struct locality *loc = config_locality(cfg, code);
  if (!loc || !ancestor)
    return false;
  /* Bounded by the number of localities, in case of a cycle. */
  for (size_t steps = 0; steps <= cfg->n_localities; steps++) {
    if (strcmp(loc->code, ancestor) == 0)
      return true;
    if (loc->parent_idx < 0)
      return false;
    loc = &cfg->localities[loc->parent_idx];
  }
  return false;
}

const char *config_default_locality(const struct config *cfg) {
  for (size_t i = 0; i < cfg->n_localities; i++) {
    const struct locality *l = &cfg->localities[i];
    if (l->parent && l->parent_idx >= 0 &&
        !cfg->localities[l->parent_idx].parent)
      return l->code;
  }
  return cfg->n_localities ? cfg->localities[0].code : NULL;
}
