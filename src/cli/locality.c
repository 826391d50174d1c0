/* cli/locality.c - the gazetteer at the command line: the configured
 * localities tied to its units, and the one function every option that
 * takes a locality calls (cli_locality), which accepts a configured code,
 * a gazetteer code or a name, says "did you mean" on a miss and lists the
 * candidates of an ambiguous name. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "places/places.h"
#include "text/period.h"
#include "text/text.h"
#include "util/file.h"
#include "util/xalloc.h"

struct cli_places {
  struct places *pl;
  struct config *cfg;
  bool own_cfg;
  int *unit_of; /* per configured locality: its gazetteer unit, or -1 */
  size_t n_tied; /* the configured localities 'unit_of' covers */
};

/* The tree a configured locality is looked up in: the new one if the
 * configuration says it began with the reform, else the old one (the
 * configuration describes the units the office's history is in). */
static int config_date(const struct locality *loc) {
  return loc->valid_from >= 2025 ? PLACES_NEW_FROM : PLACES_OLD_TO;
}

/* Tie each configured locality to the gazetteer unit of its name and
 * level under its parent's unit, when there is exactly one. The top of
 * the tree (Việt Nam) and units the gazetteer lacks stay untied. */
static void tie_config(struct cli_places *cp) {
  const struct config *cfg = cp->cfg;
  cp->unit_of = xmalloc((cfg->n_localities + 1) * sizeof *cp->unit_of);
  cp->n_tied = cfg->n_localities;
  for (size_t i = 0; i < cfg->n_localities; i++) {
    const struct locality *loc = &cfg->localities[i];
    cp->unit_of[i] = -1;
    if (loc->gso) {
      /* said in localities.yaml; an unknown one stays untied (and
       * 'chitieu localities' says so) */
      const struct place *u = places_find_code(cp->pl, loc->gso, 0);
      if (u)
        cp->unit_of[i] = places_index(cp->pl, u);
      continue;
    }
    if (!loc->level || !loc->name)
      continue;
    char name[512];
    snprintf(name, sizeof name, "%s %s", loc->level, loc->name);
    int parent = -1;
    /* parents come first in a checked configuration, but need not */
    if (loc->parent_idx >= 0 && (size_t)loc->parent_idx < i)
      parent = cp->unit_of[loc->parent_idx];
    struct place_query q = {config_date(loc), &parent, parent >= 0};
    struct place_match m[2];
    int n = places_lookup(cp->pl, name, strlen(name), &q, m, 2);
    /* the level may differ under a known parent: units are raised
     * (huyện Việt Yên became thị xã Việt Yên in 2024, its xã phường) */
    if (n != 1 && parent >= 0) {
      /* units of the level elsewhere, the raised one under the parent:
       * the name alone (xã An Bình of Thuận Thành is phường An Bình) */
      n = places_lookup(cp->pl, loc->name, strlen(loc->name), &q, m, 2);
    }
    if (n == 1 && (m[0].flags & PLACE_IN_CONTEXT) &&
        ((m[0].flags & PLACE_LEVEL) || parent >= 0))
      cp->unit_of[i] = m[0].unit;
  }
}

struct cli_places *cli_places_open(struct cli *cli, bool need_config) {
  struct err err;
  err_clear(&err);
  struct config *cfg = NULL;
  if (need_config || file_is_dir(cli->config_dir)) {
    cfg = cli_config(cli);
    if (!cfg)
      return NULL;
  }
  struct places *pl = places_load(&err);
  if (!pl) {
    msg_error(&err);
    config_free(cfg);
    return NULL;
  }
  struct cli_places *cp = xcalloc(1, sizeof *cp);
  cp->pl = pl;
  cp->cfg = cfg;
  cp->own_cfg = true;
  if (cfg)
    tie_config(cp);
  return cp;
}

struct cli_places *cli_places_with(const struct config *cfg) {
  struct err err;
  struct places *pl = places_load(&err);
  if (!pl) {
    msg_error(&err);
    return NULL;
  }
  struct cli_places *cp = xcalloc(1, sizeof *cp);
  cp->pl = pl;
  cp->cfg = (struct config *)cfg;
  if (cfg)
    tie_config(cp);
  return cp;
}

void cli_places_close(struct cli_places *cp) {
  if (!cp)
    return;
  places_free(cp->pl);
  if (cp->own_cfg)
    config_free(cp->cfg);
  free(cp->unit_of);
  free(cp);
}

const struct places *cli_places_gazetteer(const struct cli_places *cp) {
  return cp->pl;
}

const struct config *cli_places_config(const struct cli_places *cp) {
  return cp->cfg;
}

const char *cli_places_config_code(const struct cli_places *cp, int unit) {
  if (!cp->cfg)
    return NULL;
  for (size_t i = 0; i < cp->n_tied; i++)
    if (cp->unit_of[i] == unit)
      return cp->cfg->localities[i].code;
  return NULL;
}

int cli_places_unit_of(const struct cli_places *cp, const char *config_code) {
  if (!cp->cfg)
    return -1;
  for (size_t i = 0; i < cp->n_tied; i++)
    if (strcmp(cp->cfg->localities[i].code, config_code) == 0)
      return cp->unit_of[i];
  return -1;
}

/* The configured locality whose name or alias is 'arg' (folded), or
 * NULL; '*n' counts them. */
static const struct locality *config_named(const struct config *cfg,
                                           const char *arg, int *n) {
  *n = 0;
  if (!cfg)
    return NULL;
  const struct locality *found = NULL;
  char *f = text_fold(arg, strlen(arg));
  for (size_t i = 0; i < cfg->n_localities; i++) {
    const struct locality *loc = &cfg->localities[i];
    bool hit = false;
    char *g = text_fold(loc->name, strlen(loc->name));
    hit = strcmp(f, g) == 0;
    free(g);
    for (size_t k = 0; !hit && k < loc->n_aliases; k++) {
      g = text_fold(loc->aliases[k], strlen(loc->aliases[k]));
      hit = strcmp(f, g) == 0;
      free(g);
    }
    if (hit && !found)
      found = loc;
    *n += hit;
  }
  free(f);
  return found;
}

/* The code a unit goes by: its configured code when it has one (so the
 * figures stored under it are found), else its gazetteer code. */
static const char *unit_code(const struct cli_places *cp, int unit) {
  const char *c = cli_places_config_code(cp, unit);
  return c ? c : places_get(cp->pl, unit)->code;
}

int cli_locality(const struct cli *cli, const struct cli_places *cp,
                 const char *arg, int date, const char **code) {
  (void)cli;
  *code = NULL;
  /* a configured code, then a gazetteer code */
  if (cp->cfg && config_locality(cp->cfg, arg)) {
    *code = config_locality(cp->cfg, arg)->code;
    return EXIT_OK;
  }
  const struct place *u = places_find_code(cp->pl, arg, date);
  if (u) {
    *code = unit_code(cp, places_index(cp->pl, u));
    return EXIT_OK;
  }
  /* a name, in the office's province when the name is shared */
  int scope = -1;
  const char *dflt = cp->cfg ? config_default_locality(cp->cfg) : NULL;
  if (dflt)
    scope = cli_places_unit_of(cp, dflt);
  struct place_query q = {date, &scope, scope >= 0};
  struct place_match m[12];
  int n = places_lookup(cp->pl, arg, strlen(arg), &q, m, 12);
  if (n == 1) {
    *code = unit_code(cp, m[0].unit);
    return EXIT_OK;
  }
  /* a shared name of which the office has configured one: that one */
  int tied = -1, n_tied = 0;
  for (int i = 0; i < n && i < 12; i++)
    if (cli_places_config_code(cp, m[i].unit)) {
      tied = m[i].unit;
      n_tied++;
    }
  if (n <= 12 && n_tied == 1) {
    *code = unit_code(cp, tied);
    return EXIT_OK;
  }
  /* a configured name the gazetteer lacks ("cả nước", a cluster) */
  int n_cfg = 0;
  const struct locality *loc = config_named(cp->cfg, arg, &n_cfg);
  if (n == 0 && n_cfg == 1) {
    *code = loc->code;
    return EXIT_OK;
  }
  char d[512];
  if (n > 1) {
    int prov = m[0].unit;
    while (places_get(cp->pl, prov)->parent >= 0)
      prov = places_get(cp->pl, prov)->parent;
    msg_errorf("locality '%s' is ambiguous, %d units have that name: give a "
               "code, or the name with its province ('%s, %s'):",
               arg, n, arg, places_get(cp->pl, prov)->name);
    for (int i = 0; i < n && i < 12; i++)
      fprintf(stderr, "  %-10s %s\n", unit_code(cp, m[i].unit),
              places_describe(cp->pl, places_get(cp->pl, m[i].unit), true, d,
                              sizeof d));
    if (n > 12)
      fprintf(stderr, "  ... and %d more\n", n - 12);
    return EXIT_FAIL;
  }
  const struct place *s = places_suggest(cp->pl, arg, strlen(arg), date);
  if (s)
    msg_errorf("unknown locality '%s'; did you mean '%s' (%s)?", arg,
               places_describe(cp->pl, s, true, d, sizeof d),
               unit_code(cp, places_index(cp->pl, s)));
  else
    msg_errorf("unknown locality '%s'", arg);
  return EXIT_FAIL;
}

/* The year of a day (YYYYMMDD), 0 for 0. */
static int year_of(int day) { return day / 10000; }

/* Append gazetteer unit 'u' to the configured localities under the
 * locality 'parent' (a code of 'cfg', or NULL for the root). */
static void append_locality(struct config *cfg, const struct place *u,
                            const char *parent) {
  cfg->localities = xrealloc(cfg->localities, (cfg->n_localities + 1) *
                                                  sizeof *cfg->localities);
  struct locality *loc = &cfg->localities[cfg->n_localities++];
  memset(loc, 0, sizeof *loc);
  loc->code = xstrdup(u->code);
  loc->name = xstrdup(u->name);
  loc->level = xstrdup(u->level);
  loc->parent = parent ? xstrdup(parent) : NULL;
  loc->valid_from = year_of(u->valid_from);
  loc->valid_to = year_of(u->valid_to);
  loc->parent_idx = -1;
  for (size_t i = 0; parent && i + 1 < cfg->n_localities; i++)
    if (strcmp(cfg->localities[i].code, parent) == 0)
      loc->parent_idx = (long)i;
}

/* The configured code of gazetteer unit 'unit', adding it (and the units
 * above it that are not configured) to 'cfg' if need be. */
static const char *adopt(const struct cli_places *cp, struct config *cfg,
                         int unit) {
  const struct place *u = places_get(cp->pl, unit);
  const char *tied = cli_places_config_code(cp, unit);
  if (tied)
    return tied;
  if (config_locality(cfg, u->code))
    return u->code;
  const char *parent = NULL;
  if (u->parent >= 0)
    parent = adopt(cp, cfg, u->parent);
  else
    for (size_t i = 0; i < cfg->n_localities && !parent; i++)
      if (!cfg->localities[i].parent)
        parent = cfg->localities[i].code; /* the root, Việt Nam */
  char *keep = parent ? xstrdup(parent) : NULL; /* the array may move */
  append_locality(cfg, u, keep);
  free(keep);
  return u->code;
}

int cli_period_date(const char *period) {
  struct period p;
  if (!period || period_parse(period, &p) != 0)
    return 0;
  return places_period_date(&p);
}

int cli_locality_option(struct cli *cli, struct config *cfg, const char *arg,
                        int date, char *code, size_t n) {
  const struct locality *loc = cfg ? config_locality(cfg, arg) : NULL;
  /* a configured code, or one that is no gazetteer code ("x300", a code
   * the store may know): as it is, for the command's own checks */
  const char *digits = arg[0] == 'm' ? arg + 1 : arg;
  if (loc ||
      (cli_is_code(arg) && strspn(digits, "0123456789") != strlen(digits))) {
    snprintf(code, n, "%s", arg);
    return EXIT_OK;
  }
  struct cli_places *cp = cli_places_with(cfg);
  if (!cp)
    return EXIT_FAIL;
  const char *c;
  int rc = cli_locality(cli, cp, arg, date, &c);
  if (rc == EXIT_OK) {
    snprintf(code, n, "%s", c);
    const struct place *u = places_find_code(cp->pl, c, 0);
    if (cfg && u && !config_locality(cfg, c)) {
      /* a unit the configuration lacks, with the units below it for the
       * reports' comparisons */
      adopt(cp, cfg, places_index(cp->pl, u));
      for (int k = u->first_child; k >= 0;
           k = places_get(cp->pl, k)->next_sibling)
        adopt(cp, cfg, k);
    }
  }
  cli_places_close(cp);
  return rc;
}

bool cli_is_code(const char *s) {
  if (!*s)
    return false;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
      return false;
  return true;
}

int cli_locality_lookup(struct cli *cli, const char *arg, int date,
                        char *code, size_t n) {
  struct config *cfg = NULL;
  if (file_is_dir(cli->config_dir)) {
    cfg = cli_config(cli);
    if (!cfg)
      return EXIT_FAIL;
  }
  int rc = cli_locality_option(cli, cfg, arg, date, code, n);
  config_free(cfg);
  return rc;
}
