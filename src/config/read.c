/* config/read.c - the schema of each configuration file: which keys a
 * mapping may have, which are required, their types and defaults, and how
 * they fill the structs of config.h. Problems found in one file are added
 * to the reader; references to other files (a parent locality, a
 * dashboard's indicators) are remembered and checked in check.c. */
#include <stdlib.h>
#include <string.h>

#include "config/config_int.h"
#include "text/text.h"
#include "util/file.h"
#include "util/xalloc.h"

/* Administrative levels a locality may have. */
static const char *const levels[] = {
    "quốc gia", "tỉnh",   "thành phố", "thị xã",  "huyện", "quận",
    "xã",       "phường", "thị trấn",  "đặc khu", NULL};

static const char *const charts[] = {
    "trend",  "comparison",      "bullet", "variance",
    "status", "small_multiples", NULL};

static const char *const sections[] = {"summary", "localities",
                                       "key_indicators", "sources", NULL};

static const char *const page_sizes[] = {"A4", "A3", NULL};

static size_t count(const char *const *v) {
  size_t n = 0;
  while (v[n])
    n++;
  return n;
}

/* Is 's' one of the NULL-terminated 'set'? */
static bool one_of(const char *s, const char *const *set) {
  for (size_t i = 0; set[i]; i++)
    if (strcmp(s, set[i]) == 0)
      return true;
  return false;
}

/* The words of 'set' joined with ", " for messages. */
static void join(char *dst, size_t n, const char *const *set) {
  dst[0] = 0;
  for (size_t i = 0; set[i]; i++) {
    size_t len = strlen(dst);
    snprintf(dst + len, n - len, "%s%s", i ? ", " : "", set[i]);
  }
}

/* Check that the value 's' of 'key' (node 'v') is one of 'set'; reports
 * and returns false if not. */
static bool check_enum(struct reader *r, struct yfile *f, yaml_node_t *v,
                       const char *key, const char *s, const char *const *set) {
  if (!s || one_of(s, set))
    return true;
  char all[256];
  join(all, sizeof all, set);
  const char *near = lev_suggest(s, set, count(set));
  if (near)
    problem(r, f, v, "'%s' must be one of %s, not '%s'; did you mean '%s'?",
            key, all, s, near);
  else
    problem(r, f, v, "'%s' must be one of %s, not '%s'", key, all, s);
  return false;
}

/* Is 's' an ASCII slug of lower-case letters, digits and 'sep', not
 * starting or ending with 'sep'? */
static bool is_slug(const char *s, char sep) {
  if (!*s || *s == sep)
    return false;
  for (const char *p = s; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == sep))
      return false;
  return s[strlen(s) - 1] != sep;
}

/* A required code: an ASCII slug with 'sep' between words. */
static char *read_code(struct reader *r, struct yfile *f, yaml_node_t *map,
                       yaml_node_t *v, char sep) {
  char *code = ystr_req(r, f, map, v, "code");
  if (code && !is_slug(code, sep)) {
    problem(r, f, v,
            "'code' must be an ASCII slug (a-z, 0-9 and '%c'), not '%s'", sep,
            code);
    free(code);
    return NULL;
  }
  return code;
}

static bool digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9')
      return false;
  return true;
}

/* Is 's' a period as DESIGN.md writes them: 2024, 2024-Q3, 2024-H1,
 * 2024-9M, 2024-M05 or a plan span 2021-2025? */
static bool is_period(const char *s) {
  size_t n = strlen(s);
  if (n < 4 || !digits(s, 4))
    return false;
  if (n == 4)
    return true;
  if (s[4] != '-')
    return false;
  const char *t = s + 5;
  if (n == 7 && t[0] == 'Q' && t[1] >= '1' && t[1] <= '4')
    return true;
  if (n == 7 && t[0] == 'H' && (t[1] == '1' || t[1] == '2'))
    return true;
  if (n == 7 && strcmp(t, "9M") == 0)
    return true;
  if (n == 8 && t[0] == 'M' && digits(t + 1, 2)) {
    int m = atoi(t + 1);
    return m >= 1 && m <= 12;
  }
  return n == 9 && digits(t, 4) && strncmp(t, s, 4) > 0;
}

static char *read_period(struct reader *r, struct yfile *f, yaml_node_t *v) {
  char *p = ystr(r, f, v, "period");
  if (p && !is_period(p)) {
    problem(r, f, v,
            "'period' must look like 2024, 2024-Q3, 2024-H1, 2024-9M, "
            "2024-M05 or 2021-2025, not '%s'",
            p);
    free(p);
    return NULL;
  }
  return p;
}

/* A YYYY-MM-DD date. */
static bool is_date(const char *s) {
  if (strlen(s) != 10 || !digits(s, 4) || s[4] != '-' || s[7] != '-' ||
      !digits(s + 5, 2) || !digits(s + 8, 2))
    return false;
  int m = atoi(s + 5), d = atoi(s + 8);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* The root mapping of 'f' and its list under 'key' ("indicators:"), or
 * NULL after reporting what is wrong. */
static yaml_node_t *top_list(struct reader *r, struct yfile *f,
                             const char *const *keys, yaml_node_t **vals,
                             const char *key) {
  yaml_node_t *root = yroot(f);
  if (!root) {
    problem(r, f, NULL, "empty file: expected '%s:' and a list", key);
    return NULL;
  }
  if (ymap_fields(r, f, root, "the file", keys, vals) != 0)
    return NULL;
  yaml_node_t *list = NULL;
  for (size_t i = 0; keys[i]; i++)
    if (strcmp(keys[i], key) == 0)
      list = vals[i];
  if (!list) {
    problem(r, f, root, "missing required key '%s'", key);
    return NULL;
  }
  if (list->type != YAML_SEQUENCE_NODE) {
    problem(r, f, list, "'%s' must be a list of mappings ('- code: ...')", key);
    return NULL;
  }
  return list;
}

static size_t seq_len(const yaml_node_t *v) {
  return (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
}

/* ---- indicators.yaml ---- */

/* An indicator's group must be one of the groups listed (or the standard
 * ones): a group of one misspelt indicator would be a report section of
 * its own. */
static void check_group(struct reader *r, struct yfile *f, yaml_node_t *v,
                        const struct config *cfg, const char *group) {
  for (size_t i = 0; i < cfg->n_groups; i++)
    if (strcmp(cfg->groups[i], group) == 0)
      return;
  const char *near =
      lev_suggest(group, (const char *const *)cfg->groups, cfg->n_groups);
  if (near)
    problem(r, f, v, "unknown group '%s'; did you mean '%s'?", group, near);
  else
    problem(r, f, v, "unknown group '%s' (see 'groups')", group);
}

enum {
  I_CODE,
  I_NAME,
  I_SHORT,
  I_GROUP,
  I_UNIT,
  I_DECIMALS,
  I_DIRECTION,
  I_NEAR,
  I_ADDITIVE,
  I_ALIASES,
  I_TERMS,
  I_NEEDS,
  I_EXCLUDES,
  I_UNITS,
  I_CHANGE,
  I_KINDS,
  I_N
};
static const char *const indicator_keys[] = {
    "code",     "name",  "short_name", "group",    "unit",  "decimals",
    "direction", "near_pct", "additive", "aliases", "terms", "needs",
    "excludes", "units", "change",     "kinds", NULL};

/* Read the indicator at 'map' into 'ind'. Returns 0, or -1 if it has no
 * usable code (then 'ind' is cleared). */
static int read_indicator(struct reader *r, struct yfile *f, yaml_node_t *map,
                          const struct config *cfg, struct indicator *ind,
                          size_t idx, struct pos *pos) {
  yaml_node_t *v[I_N];
  memset(ind, 0, sizeof *ind);
  if (ymap_fields(r, f, map, "an indicator", indicator_keys, v) != 0)
    return -1;
  ind->line = yline(map);
  ind->code = read_code(r, f, map, v[I_CODE], '_');
  *pos = (struct pos){f->path, yline(v[I_CODE]), ycol(v[I_CODE])};
  ind->name = ystr_req(r, f, map, v[I_NAME], "name");
  ind->short_name = ystr(r, f, v[I_SHORT], "short_name");
  if (!ind->short_name && ind->name)
    ind->short_name = xstrdup(ind->name);
  ind->group = ystr_req(r, f, map, v[I_GROUP], "group");
  if (ind->group)
    check_group(r, f, v[I_GROUP], cfg, ind->group);
  ind->unit = ystr_req(r, f, map, v[I_UNIT], "unit");
  ind->decimals = yint(r, f, v[I_DECIMALS], "decimals", 1);
  if (ind->decimals < 0 || ind->decimals > 6) {
    problem(r, f, v[I_DECIMALS], "'decimals' must be between 0 and 6, not %d",
            ind->decimals);
    ind->decimals = 1;
  }
  static const char *const dirs[] = {"higher", "lower", NULL};
  char *dir = ystr(r, f, v[I_DIRECTION], "direction");
  if (dir && check_enum(r, f, v[I_DIRECTION], "direction", dir, dirs))
    ind->direction = strcmp(dir, "lower") == 0 ? DIR_LOWER : DIR_HIGHER;
  free(dir);
  ind->near_pct = ynum(r, f, v[I_NEAR], "near_pct", 90);
  if (ind->near_pct <= 0 || ind->near_pct > 100) {
    problem(r, f, v[I_NEAR], "'near_pct' must be above 0 and at most 100");
    ind->near_pct = 90;
  }
  ind->additive = ybool(r, f, v[I_ADDITIVE], "additive", false);
  yaml_node_t **nodes = NULL;
  ind->aliases =
      ystrlist(r, f, v[I_ALIASES], "aliases", &ind->n_aliases, &nodes);
  for (size_t i = 0; i < ind->n_aliases; i++) {
    struct alias_pos a = {text_lower(ind->aliases[i], strlen(ind->aliases[i])),
                          ind->aliases[i],
                          idx,
                          f->path,
                          yline(nodes[i]),
                          ycol(nodes[i])};
    xgrow((void **)&r->aliases, &r->cap_aliases, r->n_aliases + 1,
          sizeof *r->aliases);
    r->aliases[r->n_aliases++] = a;
  }
  free(nodes);
  ind->terms = ystrlist(r, f, v[I_TERMS], "terms", &ind->n_terms, NULL);
  ind->needs = ystrlist(r, f, v[I_NEEDS], "needs", &ind->n_needs, NULL);
  ind->excludes =
      ystrlist(r, f, v[I_EXCLUDES], "excludes", &ind->n_excludes, NULL);
  ind->units = ystrlist(r, f, v[I_UNITS], "units", &ind->n_units, NULL);
  static const char *const kinds[] = {"actual", "target", "plan_pct",
                                      "change_pct", "change", "count", NULL};
  size_t nk = 0;
  char **ks = ystrlist(r, f, v[I_KINDS], "kinds", &nk, NULL);
  for (size_t k = 0; k < nk; k++) {
    if (!check_enum(r, f, v[I_KINDS], "kinds", ks[k], kinds))
      continue;
    for (unsigned j = 0; kinds[j]; j++)
      if (strcmp(ks[k], kinds[j]) == 0)
        ind->kinds |= 1u << j;
  }
  for (size_t k = 0; k < nk; k++)
    free(ks[k]);
  free(ks);
  ind->change = ystr(r, f, v[I_CHANGE], "change");
  if (ind->change)
    reader_ref(r, REF_INDICATOR, ind->change, f, v[I_CHANGE]);
  return ind->code ? 0 : -1;
}

void read_indicators(struct reader *r, struct config *cfg, const char *path) {
  struct yfile *f = yfile_open(r, path);
  if (!f)
    return;
  static const char *const keys[] = {"groups", "indicators", NULL};
  yaml_node_t *vals[2];
  yaml_node_t *list = top_list(r, f, keys, vals, "indicators");
  if (vals[0] && yroot(f) && yroot(f)->type == YAML_MAPPING_NODE)
    cfg->groups = ystrlist(r, f, vals[0], "groups", &cfg->n_groups, NULL);
  if (!cfg->groups) {
    static const char *const dflt[] = {"Kinh tế", "Xã hội", "Môi trường",
                                       "Quốc phòng - An ninh", "Xây dựng Đảng"};
    cfg->n_groups = sizeof dflt / sizeof *dflt;
    cfg->groups = xcalloc(cfg->n_groups, sizeof *cfg->groups);
    for (size_t i = 0; i < cfg->n_groups; i++)
      cfg->groups[i] = xstrdup(dflt[i]);
  }
  if (!list)
    return;
  size_t n = seq_len(list);
  cfg->indicators = xcalloc(n ? n : 1, sizeof *cfg->indicators);
  r->ind_pos = xcalloc(n ? n : 1, sizeof *r->ind_pos);
  for (size_t i = 0; i < n; i++) {
    yaml_node_t *map = ynode(f, list->data.sequence.items.start[i]);
    struct indicator *ind = &cfg->indicators[cfg->n_indicators];
    size_t a0 = r->n_aliases, r0 = r->n_refs;
    if (read_indicator(r, f, map, cfg, ind, cfg->n_indicators,
                       &r->ind_pos[cfg->n_indicators]) != 0) {
      /* Without a code it cannot be referred to: drop it and its aliases,
       * the problem is reported. */
      while (r->n_aliases > a0)
        free(r->aliases[--r->n_aliases].key);
      r->n_refs = r0;
      indicator_clear(ind);
      continue;
    }
    cfg->n_indicators++;
  }
}

/* ---- localities.yaml ---- */

enum {
  L_CODE,
  L_NAME,
  L_LEVEL,
  L_PARENT,
  L_ALIASES,
  L_FROM,
  L_TO,
  L_MERGED,
  L_GSO,
  L_N
};
static const char *const locality_keys[] = {
    "code",       "name",     "level",       "parent", "aliases",
    "valid_from", "valid_to", "merged_into", "gso",    NULL};

/* A gazetteer code: 2, 3 or 5 digits, after an 'm' for the tree from 1
 * July 2025 (2 or 5 digits then). */
static bool gso_code_ok(const char *s) {
  bool m = s[0] == 'm';
  const char *d = s + m;
  size_t n = strspn(d, "0123456789");
  return !d[n] && (n == 2 || n == 5 || (n == 3 && !m));
}

/* A year between 1945 and 2100, or 0 when 'v' is absent. */
static int read_year(struct reader *r, struct yfile *f, yaml_node_t *v,
                     const char *key) {
  int y = yint(r, f, v, key, 0);
  if (v && y && (y < 1945 || y > 2100)) {
    problem(r, f, v, "'%s' must be a year (1945-2100), not %d", key, y);
    return 0;
  }
  return y;
}

static int read_locality(struct reader *r, struct yfile *f, yaml_node_t *map,
                         struct locality *loc, struct pos *pos) {
  yaml_node_t *v[L_N];
  memset(loc, 0, sizeof *loc);
  loc->parent_idx = -1;
  if (ymap_fields(r, f, map, "a locality", locality_keys, v) != 0)
    return -1;
  loc->line = yline(map);
  loc->code = read_code(r, f, map, v[L_CODE], '-');
  *pos = (struct pos){f->path, yline(v[L_CODE]), ycol(v[L_CODE])};
  loc->name = ystr_req(r, f, map, v[L_NAME], "name");
  loc->level = ystr_req(r, f, map, v[L_LEVEL], "level");
  if (!check_enum(r, f, v[L_LEVEL], "level", loc->level, levels)) {
    free(loc->level);
    loc->level = NULL;
  }
  loc->parent = ystr(r, f, v[L_PARENT], "parent");
  reader_ref(r, REF_LOCALITY, loc->parent, f, v[L_PARENT]);
  loc->aliases = ystrlist(r, f, v[L_ALIASES], "aliases", &loc->n_aliases, NULL);
  loc->valid_from = read_year(r, f, v[L_FROM], "valid_from");
  loc->valid_to = read_year(r, f, v[L_TO], "valid_to");
  if (loc->valid_from && loc->valid_to && loc->valid_to < loc->valid_from)
    problem(r, f, v[L_TO], "'valid_to' (%d) is before 'valid_from' (%d)",
            loc->valid_to, loc->valid_from);
  loc->merged_into = ystr(r, f, v[L_MERGED], "merged_into");
  reader_ref(r, REF_LOCALITY, loc->merged_into, f, v[L_MERGED]);
  if (loc->merged_into && !loc->valid_to)
    problem(r, f, v[L_MERGED],
            "'merged_into' needs 'valid_to', the last "
            "year the locality existed");
  loc->gso = ystr(r, f, v[L_GSO], "gso");
  if (loc->gso && !gso_code_ok(loc->gso)) {
    problem(r, f, v[L_GSO],
            "'gso' is a gazetteer code: 2, 3 or 5 digits, with 'm' before "
            "one from 1 July 2025 ('095', 'm11'), not '%s'",
            loc->gso);
    free(loc->gso);
    loc->gso = NULL;
  }
  return loc->code ? 0 : -1;
}

void read_localities(struct reader *r, struct config *cfg, const char *path) {
  struct yfile *f = yfile_open(r, path);
  if (!f)
    return;
  static const char *const keys[] = {"localities", NULL};
  yaml_node_t *vals[1];
  yaml_node_t *list = top_list(r, f, keys, vals, "localities");
  if (!list)
    return;
  size_t n = seq_len(list);
  cfg->localities = xcalloc(n ? n : 1, sizeof *cfg->localities);
  r->loc_pos = xcalloc(n ? n : 1, sizeof *r->loc_pos);
  for (size_t i = 0; i < n; i++) {
    yaml_node_t *map = ynode(f, list->data.sequence.items.start[i]);
    struct locality *loc = &cfg->localities[cfg->n_localities];
    size_t r0 = r->n_refs;
    if (read_locality(r, f, map, loc, &r->loc_pos[cfg->n_localities]) != 0) {
      /* Its references were recorded with borrowed strings: forget them
       * before the strings go. */
      r->n_refs = r0;
      locality_clear(loc);
      continue;
    }
    cfg->n_localities++;
  }
}

/* The base name of 'path' without ".yaml" or ".yml"; caller frees. */
static char *stem(const char *path) {
  const char *b = file_basename(path);
  size_t n = strlen(b);
  if (n > 5 && strcmp(b + n - 5, ".yaml") == 0)
    n -= 5;
  else if (n > 4 && strcmp(b + n - 4, ".yml") == 0)
    n -= 4;
  return xstrndup(b, n);
}

/* ---- dashboards/NAME.yaml ---- */

enum { B_TITLE, B_GROUP, B_INDICATORS, B_CHART, B_N };
static const char *const block_keys[] = {"title", "group", "indicators",
                                         "chart", NULL};

static void read_block(struct reader *r, struct yfile *f, yaml_node_t *map,
                       struct dashboard_block *b) {
  yaml_node_t *v[B_N];
  if (ymap_fields(r, f, map, "a block", block_keys, v) != 0)
    return;
  b->group = ystr(r, f, v[B_GROUP], "group");
  reader_ref(r, REF_GROUP, b->group, f, v[B_GROUP]);
  yaml_node_t **nodes = NULL;
  b->indicators =
      ystrlist(r, f, v[B_INDICATORS], "indicators", &b->n_indicators, &nodes);
  for (size_t i = 0; i < b->n_indicators; i++)
    reader_ref(r, REF_INDICATOR, b->indicators[i], f, nodes[i]);
  free(nodes);
  if (!b->group && !b->n_indicators)
    problem(r, f, map, "a block needs 'group' or 'indicators'");
  else if (b->group && v[B_INDICATORS])
    problem(r, f, v[B_INDICATORS],
            "a block has either 'group' or 'indicators', not both");
  b->title = ystr(r, f, v[B_TITLE], "title");
  if (!b->title && b->group)
    b->title = xstrdup(b->group);
  b->chart = ystr(r, f, v[B_CHART], "chart");
  if (!b->chart)
    b->chart = xstrdup("bullet");
  else if (!check_enum(r, f, v[B_CHART], "chart", b->chart, charts)) {
    free(b->chart);
    b->chart = xstrdup("bullet");
  }
}

enum {
  D_TITLE,
  D_LOCALITY,
  D_CHILDREN,
  D_PERIOD,
  D_BLOCKS,
  D_PAGE,
  D_LANDSCAPE,
  D_N
};
static const char *const dashboard_keys[] = {
    "title",  "locality",  "children",  "period",
    "blocks", "page_size", "landscape", NULL};

void read_dashboard(struct reader *r, struct config *cfg, const char *path) {
  struct yfile *f = yfile_open(r, path);
  if (!f)
    return;
  yaml_node_t *v[D_N];
  yaml_node_t *root = yroot(f);
  if (!root) {
    problem(r, f, NULL, "empty file: expected a dashboard");
    return;
  }
  if (ymap_fields(r, f, root, "a dashboard", dashboard_keys, v) != 0)
    return;
  xgrow((void **)&cfg->dashboards, &(size_t){cfg->n_dashboards},
        cfg->n_dashboards + 1, sizeof *cfg->dashboards);
  struct dashboard *d = &cfg->dashboards[cfg->n_dashboards++];
  memset(d, 0, sizeof *d);
  d->name = stem(path);
  d->path = xstrdup(path);
  d->title = ystr_req(r, f, root, v[D_TITLE], "title");
  d->locality = ystr_req(r, f, root, v[D_LOCALITY], "locality");
  reader_ref(r, REF_LOCALITY, d->locality, f, v[D_LOCALITY]);
  d->children = ybool(r, f, v[D_CHILDREN], "children", true);
  d->period = read_period(r, f, v[D_PERIOD]);
  d->page_size = ystr(r, f, v[D_PAGE], "page_size");
  if (!d->page_size ||
      !check_enum(r, f, v[D_PAGE], "page_size", d->page_size, page_sizes)) {
    free(d->page_size);
    d->page_size = xstrdup("A4");
  }
  d->landscape = ybool(r, f, v[D_LANDSCAPE], "landscape", false);
  yaml_node_t *blocks = v[D_BLOCKS];
  if (!blocks) {
    problem(r, f, root, "missing required key 'blocks'");
    return;
  }
  if (blocks->type != YAML_SEQUENCE_NODE) {
    problem(r, f, blocks, "'blocks' must be a list of mappings");
    return;
  }
  size_t n = seq_len(blocks);
  d->blocks = xcalloc(n ? n : 1, sizeof *d->blocks);
  for (size_t i = 0; i < n; i++) {
    yaml_node_t *map = ynode(f, blocks->data.sequence.items.start[i]);
    read_block(r, f, map, &d->blocks[d->n_blocks++]);
  }
}

/* ---- meetings/NAME.yaml ---- */

enum {
  M_TITLE,
  M_DATE,
  M_PLACE,
  M_CHAIR,
  M_PERIOD,
  M_LOCALITY,
  M_CHILDREN,
  M_SECTIONS,
  M_KEY,
  M_PASSWORD,
  M_PRINT_ONLY,
  M_COMPARISON_TABLES,
  M_N
};
static const char *const meeting_keys[] = {
    "title",          "date",     "place",      "chair",
    "period",         "locality", "children",   "sections",
    "key_indicators", "password", "print_only", "comparison_tables", NULL};

int read_meeting(struct reader *r, struct meeting *m, const char *path) {
  struct yfile *f = yfile_open(r, path);
  if (!f)
    return -1;
  yaml_node_t *v[M_N];
  yaml_node_t *root = yroot(f);
  if (!root) {
    problem(r, f, NULL, "empty file: expected a meeting");
    return -1;
  }
  if (ymap_fields(r, f, root, "a meeting", meeting_keys, v) != 0)
    return -1;
  m->name = stem(path);
  m->path = xstrdup(path);
  m->title = ystr_req(r, f, root, v[M_TITLE], "title");
  m->date = ystr_req(r, f, root, v[M_DATE], "date");
  if (m->date && !is_date(m->date))
    problem(r, f, v[M_DATE], "'date' must be YYYY-MM-DD, not '%s'", m->date);
  m->place = ystr(r, f, v[M_PLACE], "place");
  m->chair = ystr(r, f, v[M_CHAIR], "chair");
  m->period = read_period(r, f, v[M_PERIOD]);
  if (!v[M_PERIOD])
    problem(r, f, root, "missing required key 'period'");
  m->locality = ystr_req(r, f, root, v[M_LOCALITY], "locality");
  reader_ref(r, REF_LOCALITY, m->locality, f, v[M_LOCALITY]);
  m->children = ybool(r, f, v[M_CHILDREN], "children", true);
  yaml_node_t **nodes = NULL;
  m->sections =
      ystrlist(r, f, v[M_SECTIONS], "sections", &m->n_sections, &nodes);
  for (size_t i = 0; i < m->n_sections; i++)
    check_enum(r, f, nodes[i], "sections", m->sections[i], sections);
  free(nodes);
  if (!v[M_SECTIONS]) {
    m->n_sections = count(sections);
    m->sections = xcalloc(m->n_sections, sizeof *m->sections);
    for (size_t i = 0; i < m->n_sections; i++)
      m->sections[i] = xstrdup(sections[i]);
  }
  m->key_indicators =
      ystrlist(r, f, v[M_KEY], "key_indicators", &m->n_key_indicators, &nodes);
  for (size_t i = 0; i < m->n_key_indicators; i++)
    reader_ref(r, REF_INDICATOR, m->key_indicators[i], f, nodes[i]);
  free(nodes);
  m->password = ystr(r, f, v[M_PASSWORD], "password");
  m->print_only = ybool(r, f, v[M_PRINT_ONLY], "print_only", false);
  m->comparison_tables =
      ybool(r, f, v[M_COMPARISON_TABLES], "comparison_tables", true);
  return 0;
}
