/* cli/cmd_localities.c - chitieu localities: list the units of the
 * national gazetteer (places/), the provinces or everything under one
 * unit, on a date or in both trees, or find the units of a name, with
 * "did you mean" when there is none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "places/places.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/xalloc.h"

static const char usage[] =
    "Usage: chitieu localities [--under CODE|NAME] [--at DATE] [--search TEXT]\n"
    "                          [--map]\n"
    "List the administrative units of Việt Nam that chitieu knows: the 63\n"
    "provinces, 696 districts and 10,047 communes valid until 30 June 2025\n"
    "and the 34 provinces and 3,321 communes from 1 July 2025. Without\n"
    "options, the provinces of both trees. One unit a line: its code, level,\n"
    "name, parent's code, validity, and the code localities.yaml gives it.\n"
    "Codes are the GSO's, with 'm' (mới) before those of the new tree: 11\n"
    "is the province Điện Biên until 30 June 2025, m11 the one after.\n"
    "\n"
    "  --under CODE|NAME  every unit below this one\n"
    "  --at DATE          only the units valid on DATE (2023, 2025-06,\n"
    "                     2026-01-15; a year or month means its last day)\n"
    "  --search TEXT      the unit of a code (095, muong-lay), the units of a\n"
    "                     name (\"Mường Lay\", \"TX. Mường Lay\", \"Châu Thành,\n"
    "                     Tiền Giang\"), else those whose name contains TEXT;\n"
    "                     exit status 1 if none\n"
    "  --map              under each unit, the reform's mapping: '->' the new\n"
    "                     units an old one went into, '<-' the old units a new\n"
    "                     one took in, '(part)' where only a part went\n";

enum { OPT_UNDER = OPT_CMD_BASE, OPT_AT, OPT_SEARCH, OPT_MAP };

struct opts {
  struct cli *cli;
  const char *under, *search;
  int at;
  bool map;
};

static int handle(void *ud, int opt, const char *arg) {
  struct opts *o = ud;
  switch (opt) {
  case OPT_UNDER:
    o->under = arg;
    return 0;
  case OPT_AT:
    if (places_date_parse(arg, &o->at) != 0)
      return msg_usage(o->cli, "bad date '%s' (YYYY, YYYY-MM or YYYY-MM-DD)",
                       arg);
    return 0;
  case OPT_SEARCH:
    o->search = arg;
    return 0;
  case OPT_MAP:
    o->map = true;
    return 0;
  default:
    return EXIT_USAGE;
  }
}

/* Add 's' padded with spaces to 'width' characters (not bytes). */
static void add_padded(struct buf *out, const char *s, size_t width) {
  buf_adds(out, s);
  for (size_t n = text_utf8_len(s); n < width; n++)
    buf_addc(out, ' ');
  buf_addc(out, ' ');
}

static void add_day(struct buf *out, int day) {
  if (day)
    buf_addf(out, "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
}

/* The mapping lines of unit 'i' for --map: "    -> m00008 phường Ngọc
 * Hà (part)". */
static void put_map(struct buf *out, const struct cli_places *cp, int i) {
  const struct places *pl = cli_places_gazetteer(cp);
  const struct place *u = places_get(pl, i);
  char d[512];
  for (int k = 0; k < u->n_into + u->n_from; k++) {
    bool into = k < u->n_into;
    const struct place_link *l = into ? &u->into[k] : &u->from[k - u->n_into];
    const struct place *v = places_get(pl, l->unit);
    buf_addf(out, "    %s %-7s %s%s\n", into ? "->" : "<-", v->code,
             places_describe(pl, v, into && v->parent >= 0, d, sizeof d),
             l->partial ? " (part)" : "");
  }
}

static void put_unit(struct buf *out, const struct cli_places *cp, int i,
                     bool map) {
  const struct places *pl = cli_places_gazetteer(cp);
  const struct place *u = places_get(pl, i);
  const struct place *parent = places_get(pl, u->parent);
  add_padded(out, u->code, 7);
  add_padded(out, u->level, 9);
  add_padded(out, u->name, 24);
  add_padded(out, parent ? parent->code : "-", 6);
  add_day(out, u->valid_from);
  buf_adds(out, "..");
  add_day(out, u->valid_to);
  const char *c = cli_places_config_code(cp, i);
  if (c)
    buf_addf(out, "  %s", c);
  buf_addc(out, '\n');
  if (map)
    put_map(out, cp, i);
}

/* What --under names when it is the root of localities.yaml (Việt Nam). */
enum { COUNTRY = -2 };

/* The unit 'arg' names, resolved by cli_locality; COUNTRY for the root of
 * the configured tree; -1 (message printed) if none or several, or
 * another configured locality the gazetteer lacks. */
static int unit_named(struct opts *o, const struct cli_places *cp,
                      const char *arg, int *rc) {
  const char *code;
  *rc = cli_locality(o->cli, cp, arg, o->at, &code);
  if (*rc != EXIT_OK)
    return -1;
  int u = cli_places_unit_of(cp, code);
  if (u < 0) {
    const struct place *p = places_find_code(cli_places_gazetteer(cp), code, 0);
    u = p ? places_index(cli_places_gazetteer(cp), p) : -1;
  }
  const struct config *cfg = cli_places_config(cp);
  const struct locality *loc = cfg ? config_locality(cfg, code) : NULL;
  if (u < 0 && loc && !loc->parent)
    return COUNTRY;
  if (u < 0) {
    msg_errorf("locality '%s' is configured, not in the gazetteer", arg);
    *rc = EXIT_FAIL;
  }
  return u;
}

/* Every unit below 'u', depth first, valid on 'at'. */
static void put_below(struct buf *out, const struct cli_places *cp, int u,
                      int at, bool map, size_t *n) {
  const struct places *pl = cli_places_gazetteer(cp);
  for (int c = places_get(pl, u)->first_child; c >= 0;
       c = places_get(pl, c)->next_sibling) {
    if (places_valid_at(places_get(pl, c), at)) {
      put_unit(out, cp, c, map);
      (*n)++;
    }
    put_below(out, cp, c, at, map, n);
  }
}

/* The units whose folded name contains TEXT's, on 'at', under 'under'. */
static size_t put_containing(struct buf *out, const struct cli_places *cp,
                             const char *text, int at, int under, bool map) {
  const struct places *pl = cli_places_gazetteer(cp);
  char *f = text_fold(text, strlen(text));
  size_t n = 0;
  for (int i = 0; *f && i < places_count(pl); i++) {
    const struct place *u = places_get(pl, i);
    if (strstr(u->fold, f) && places_valid_at(u, at) &&
        (under < 0 || places_within(pl, i, under))) {
      put_unit(out, cp, i, map);
      n++;
    }
  }
  free(f);
  return n;
}

static int search(struct opts *o, const struct cli_places *cp, int under,
                  struct buf *out) {
  const struct places *pl = cli_places_gazetteer(cp);
  struct place_query q = {o->at, &under, under >= 0};
  int max = places_count(pl);
  struct place_match *m = xcalloc((size_t)max, sizeof *m);
  int n = places_lookup(pl, o->search, strlen(o->search), &q, m, max);
  /* a code: its unit */
  int by_code = cli_places_unit_of(cp, o->search);
  if (by_code < 0 && places_find_code(pl, o->search, o->at))
    by_code = places_index(pl, places_find_code(pl, o->search, o->at));
  if (by_code >= 0) {
    m[0].unit = by_code;
    m[0].flags = PLACE_AT_DATE | PLACE_IN_CONTEXT;
    n = 1;
  }
  size_t shown = 0;
  for (int i = 0; i < n; i++) {
    /* a search lists what is there, on the date and under the unit */
    if ((o->at && !(m[i].flags & PLACE_AT_DATE)) ||
        (under >= 0 && !(m[i].flags & PLACE_IN_CONTEXT)))
      continue;
    put_unit(out, cp, m[i].unit, o->map);
    shown++;
  }
  free(m);
  if (!shown)
    shown = put_containing(out, cp, o->search, o->at, under, o->map);
  if (shown)
    return EXIT_OK;
  /* a configured locality the gazetteer lacks (Việt Nam, a cluster) */
  const struct config *cfg = cli_places_config(cp);
  const struct locality *loc = cfg ? config_locality(cfg, o->search) : NULL;
  if (loc && under < 0) {
    add_padded(out, loc->code, 7);
    add_padded(out, loc->level ? loc->level : "-", 9);
    add_padded(out, loc->name, 24);
    add_padded(out, loc->parent ? loc->parent : "-", 6);
    buf_adds(out, "(localities.yaml only)\n");
    return EXIT_OK;
  }
  const struct place *s = places_suggest(pl, o->search, strlen(o->search), o->at);
  char d[512];
  if (s)
    msg_errorf("no locality '%s'; did you mean '%s' (%s)?", o->search,
               places_describe(pl, s, true, d, sizeof d), s->code);
  else
    msg_errorf("no locality '%s'", o->search);
  return EXIT_FAIL;
}

int cmd_localities(struct cli *cli, int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_GLOBAL_OPTIONS,
      {"under", required_argument, NULL, OPT_UNDER},
      {"at", required_argument, NULL, OPT_AT},
      {"search", required_argument, NULL, OPT_SEARCH},
      {"map", no_argument, NULL, OPT_MAP},
      {NULL, 0, NULL, 0}};
  struct opts o = {.cli = cli};
  int rc = EXIT_OK;
  int first = cli_parse(cli, argc, argv, "", longopts, usage, handle, &o, &rc);
  if (first < 0)
    return rc;
  if (first < argc)
    return msg_usage(cli, "unexpected argument '%s'", argv[first]);
  struct cli_places *cp = cli_places_open(cli, false);
  if (!cp)
    return EXIT_FAIL;
  const struct places *pl = cli_places_gazetteer(cp);
  /* a 'gso' code of localities.yaml the gazetteer does not have */
  const struct config *cfg = cli_places_config(cp);
  bool bad_gso = false;
  for (size_t i = 0; cfg && i < cfg->n_localities; i++) {
    const struct locality *loc = &cfg->localities[i];
    if (loc->gso && !places_find_code(pl, loc->gso, 0)) {
      char path[4200];
      snprintf(path, sizeof path, "%s/localities.yaml", cli->config_dir);
      struct err err;
      err_set(&err, path, loc->line, 0,
              "locality '%s': gso '%s' is no unit of the gazetteer",
              loc->code, loc->gso);
      msg_error(&err);
      bad_gso = true;
    }
  }
  struct buf out = BUF_INIT;
  int under = -1;
  if (o.under)
    under = unit_named(&o, cp, o.under, &rc);
  if (rc == EXIT_OK && o.search) {
    rc = search(&o, cp, under == COUNTRY ? -1 : under, &out);
  } else if (rc == EXIT_OK && under >= 0) {
    size_t n = 0;
    put_below(&out, cp, under, o.at, o.map, &n);
  } else if (rc == EXIT_OK) {
    /* the provinces; under the country, everything below them too */
    for (int i = 0; i < places_count(pl); i++) {
      if (places_get(pl, i)->tier != 1)
        continue;
      if (places_valid_at(places_get(pl, i), o.at))
        put_unit(&out, cp, i, o.map);
      size_t n = 0;
      if (under == COUNTRY)
        put_below(&out, cp, i, o.at, o.map, &n);
    }
  }
  cli_places_close(cp);
  if (bad_gso && rc == EXIT_OK)
    rc = EXIT_FAIL;
  if (out.len && (fwrite(out.s, 1, out.len, stdout) != out.len ||
                  fflush(stdout) != 0)) {
    msg_errorf("writing output failed");
    rc = EXIT_FAIL;
  }
  buf_free(&out);
  return rc;
}
