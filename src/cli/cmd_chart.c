/* cli/cmd_chart.c - chitieu chart: draw one chart as PNG or SVG, for
 * slides and quick looks, from numbers given on the command line or, with
 * --indicator, from the store (the report model of report/report.h). The
 * drawing itself is chart_write_file() (chart/chart.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "cli/cli.h"
#include "report/report.h"
#include "store/store.h"
#include "text/suggest.h"
#include "text/text.h"
#include "util/xalloc.h"

static const char usage[] =
    "Usage: chitieu chart --kind KIND -o FILE.png|FILE.svg [options]\n"
    "       chitieu chart --kind trend|comparison --indicator CODE --period P\n"
    "                     [--locality CODE] -o FILE.png|FILE.svg\n"
    "Draw one plan-vs-actual chart from numbers given here, or from the\n"
    "database: the trend of an indicator in a locality over five years to\n"
    "the period, or the comparison of the units below the locality.\n"
    "\n"
    "  --indicator CODE   from the database: indicator of indicators.yaml\n"
    "  --period P         2024, 2024-Q3 (year to date), 2024-H1, 2024-9M\n"
    "  --locality CODE    a code or a name; default: the top locality below\n"
    "                     Việt Nam\n"
    "  --kind KIND        trend, comparison, bullet, variance or status\n"
    "  -o, --output FILE  where to write; .png (2x) or .svg\n"
    "  --title T          title (first line)\n"
    "  --subtitle T       second title line, e.g. the place and period\n"
    "  --unit U           unit for the axis title: \"%\", \"tỷ đồng\"\n"
    "  --direction D      higher (default) or lower: which way is better\n"
    "  --labels L         categories, comma-separated: \"2021,2022,2023\"\n"
    "  --actual V         values, semicolon-separated, Vietnamese style:\n"
    "                     \"7,01;6,5;-;~6,2\" (- or empty: no figure yet;\n"
    "                     ~ marks an estimate, \"ước\")\n"
    "  --plan V           plan values, the same way\n"
    "  --previous V       previous-year values, the same way\n"
    "  --counts M;N;X;D   status: met, near, missed, no data\n"
    "  --decimals N       decimals of value labels (default: as needed)\n"
    "  --size WxH         chart size in points (default 480x300)\n";

enum {
  OPT_KIND = OPT_CMD_BASE,
  OPT_TITLE,
  OPT_SUBTITLE,
  OPT_UNIT,
  OPT_DIRECTION,
  OPT_LABELS,
  OPT_ACTUAL,
  OPT_PLAN,
  OPT_PREVIOUS,
  OPT_COUNTS,
  OPT_DECIMALS,
  OPT_SIZE,
  OPT_INDICATOR,
  OPT_PERIOD,
  OPT_LOCALITY
};

struct opts {
  struct cli *cli;
  struct chart c;
  bool have_kind;
  const char *out;
  const char *labels, *actual, *plan, *previous, *counts;
  const char *indicator, *period, *locality;
  bool have_size;
  double w, h;
};

static const char *const kinds[] = {"trend",    "comparison", "bullet",
                                    "variance", "status",     NULL};

/* Parse one number "7,01", "-3,2", "1.234,5"; returns 0 or -1. */
static int parse_num(const char *s, double *v) {
  while (*s == ' ')
    s++;
  bool neg = *s == '-';
  if (neg)
    s++;
  size_t len = strlen(s);
  while (len > 0 && s[len - 1] == ' ')
    len--;
  double x;
  if (len == 0 || text_number_parse(s, len, &x) != len)
    return -1;
  *v = neg ? -x : x;
  return 0;
}

/* Split 'list' at 'sep' into at most 'max' malloc'd fields; returns the
 * count. */
static size_t split(const char *list, char sep, char **out, size_t max) {
  size_t n = 0;
  const char *p = list;
  while (n < max) {
    const char *e = strchr(p, sep);
    size_t len = e ? (size_t)(e - p) : strlen(p);
    out[n++] = xstrndup(p, len);
    if (!e)
      break;
    p = e + 1;
  }
  return n;
}

/* Fill 'field' (actual, plan or previous) of items from 'list'. */
static int parse_values(struct opts *o, const char *list, const char *name,
                        struct chart_item *items, size_t n_items,
                        size_t field) {
  char *v[CHART_LAYOUT_MAX];
  size_t n = split(list, ';', v, CHART_LAYOUT_MAX);
  int rc = 0;
  if (n > n_items)
    rc = msg_usage(o->cli, "--%s has %zu values but there are %zu labels", name,
                   n, n_items);
  for (size_t i = 0; i < n && rc == 0; i++) {
    struct chart_value *cv = field == 0   ? &items[i].actual
                             : field == 1 ? &items[i].plan
                                          : &items[i].previous;
    const char *s = v[i];
    while (*s == ' ')
      s++;
    if (*s == '\0' || strcmp(s, "-") == 0)
      continue;
    bool est = *s == '~';
    if (est)
      s++;
    if (parse_num(s, &cv->v) != 0) {
      rc = msg_usage(o->cli, "--%s: '%s' is not a number", name, v[i]);
      break;
    }
    cv->has = true;
    cv->estimated = est;
  }
  for (size_t i = 0; i < n; i++)
    free(v[i]);
  return rc;
}

static int handle(void *ud, int opt, const char *arg) {
  struct opts *o = ud;
  switch (opt) {
  case OPT_KIND:
    for (int k = 0; kinds[k]; k++)
      if (strcmp(arg, kinds[k]) == 0) {
        o->c.kind = (enum chart_kind)k;
        o->have_kind = true;
        return 0;
      }
    {
      size_t n = 0;
      while (kinds[n])
        n++;
      const char *near = text_suggest(arg, kinds, n);
      if (near)
        return msg_usage(o->cli, "unknown kind '%s'; did you mean '%s'?", arg,
                         near);
      return msg_usage(o->cli,
                       "unknown kind '%s' (trend, comparison, bullet, "
                       "variance or status)",
                       arg);
    }
  case 'o':
    o->out = arg;
    return 0;
  case OPT_INDICATOR:
    o->indicator = arg;
    return 0;
  case OPT_PERIOD:
    o->period = arg;
    return 0;
  case OPT_LOCALITY:
    o->locality = arg;
    return 0;
  case OPT_TITLE:
    o->c.title = arg;
    return 0;
  case OPT_SUBTITLE:
    o->c.subtitle = arg;
    return 0;
  case OPT_UNIT:
    o->c.unit = arg;
    return 0;
  case OPT_DIRECTION:
    if (strcmp(arg, "higher") == 0)
      o->c.direction = DIR_HIGHER;
    else if (strcmp(arg, "lower") == 0)
      o->c.direction = DIR_LOWER;
    else
      return msg_usage(o->cli, "direction must be higher or lower, not '%s'",
                       arg);
    return 0;
  case OPT_LABELS:
    o->labels = arg;
    return 0;
  case OPT_ACTUAL:
    o->actual = arg;
    return 0;
  case OPT_PLAN:
    o->plan = arg;
    return 0;
  case OPT_PREVIOUS:
    o->previous = arg;
    return 0;
  case OPT_COUNTS:
    o->counts = arg;
    return 0;
  case OPT_DECIMALS: {
    char *end;
    long d = strtol(arg, &end, 10);
    if (*end || d < 0 || d > 6)
      return msg_usage(o->cli, "--decimals must be 0 to 6");
    o->c.decimals = (int)d;
    return 0;
  }
  case OPT_SIZE:
    if (sscanf(arg, "%lfx%lf", &o->w, &o->h) != 2 || o->w < 100 || o->h < 60 ||
        o->w > 5000 || o->h > 5000)
      return msg_usage(o->cli, "--size must be WxH points, e.g. 480x300");
    o->have_size = true;
    return 0;
  }
  return EXIT_USAGE;
}

static int parse_counts(struct opts *o) {
  char *v[4];
  size_t n = split(o->counts, ';', v, 4);
  int *dst[4] = {&o->c.n_met, &o->c.n_near, &o->c.n_missed, &o->c.n_nodata};
  int rc = 0;
  for (size_t i = 0; i < n; i++) {
    char *end;
    long x = strtol(v[i], &end, 10);
    if (*v[i] == '\0' || *end || x < 0 || x > 100000)
      rc = msg_usage(o->cli, "--counts: '%s' is not a count", v[i]);
    else
      *dst[i] = (int)x;
    free(v[i]);
  }
  return rc;
}

/* chitieu chart --indicator: the chart from the database. */
static int chart_from_store(struct cli *cli, struct opts *o) {
  if (o->c.kind != CHART_TREND && o->c.kind != CHART_COMPARISON)
    return msg_usage(cli, "with --indicator, --kind is trend or comparison");
  if (!o->period)
    return msg_usage(cli, "--period is required with --indicator");
  struct report_chart_opts ro = {
      .kind = o->c.kind,
      .indicator = o->indicator,
      .fonts_dir = cli->fonts_dir,
      .path = o->out,
      .w = o->w,
      .h = o->c.kind == CHART_COMPARISON && !o->have_size ? 0 : o->h};
  if (period_parse(o->period, &ro.period) != 0)
    return msg_usage(cli, "bad period '%s' (2024, 2024-Q3, 2024-H1, 2024-9M)",
                     o->period);
  struct config *cfg = cli_config(cli);
  if (!cfg)
    return EXIT_FAIL;
  if (!config_indicator(cfg, o->indicator)) {
    msg_unknown_code(cfg, "indicator", o->indicator, NULL);
    config_free(cfg);
    return EXIT_FAIL;
  }
  ro.locality = o->locality ? o->locality : config_default_locality(cfg);
  /* a code, or a name or gazetteer unit (added to cfg if not configured) */
  char loc_code[64];
  if (o->locality) {
    int lrc = cli_locality_option(cli, cfg, o->locality,
                                  cli_period_date(o->period), loc_code,
                                  sizeof loc_code);
    if (lrc != EXIT_OK) {
      config_free(cfg);
      return lrc;
    }
    ro.locality = loc_code;
  }
  struct err err;
  err_clear(&err);
  int rc = EXIT_OK;
  struct store *st = store_open(cli->db, STORE_READ, &err);
  if (!st || report_chart_write(st, cfg, &ro, &err) != 0) {
    msg_error(&err);
    rc = EXIT_FAIL;
  } else {
    msg_info(cli, "wrote %s", o->out);
  }
  store_close(st);
  config_free(cfg);
  return rc;
}

int cmd_chart(struct cli *cli, int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_GLOBAL_OPTIONS,
      {"kind", required_argument, NULL, OPT_KIND},
      {"output", required_argument, NULL, 'o'},
      {"title", required_argument, NULL, OPT_TITLE},
      {"subtitle", required_argument, NULL, OPT_SUBTITLE},
      {"unit", required_argument, NULL, OPT_UNIT},
      {"direction", required_argument, NULL, OPT_DIRECTION},
      {"labels", required_argument, NULL, OPT_LABELS},
      {"actual", required_argument, NULL, OPT_ACTUAL},
      {"plan", required_argument, NULL, OPT_PLAN},
      {"previous", required_argument, NULL, OPT_PREVIOUS},
      {"counts", required_argument, NULL, OPT_COUNTS},
      {"decimals", required_argument, NULL, OPT_DECIMALS},
      {"size", required_argument, NULL, OPT_SIZE},
      {"indicator", required_argument, NULL, OPT_INDICATOR},
      {"period", required_argument, NULL, OPT_PERIOD},
      {"locality", required_argument, NULL, OPT_LOCALITY},
      {NULL, 0, NULL, 0}};
  struct opts o;
  memset(&o, 0, sizeof o);
  o.cli = cli;
  o.c.decimals = -1;
  o.w = 480;
  o.h = 300;
  int rc = EXIT_OK;
  int first =
      cli_parse(cli, argc, argv, "o:", longopts, usage, handle, &o, &rc);
  if (first < 0)
    return rc;
  if (first < argc)
    return msg_usage(cli, "unexpected argument '%s'", argv[first]);
  if (!o.have_kind)
    return msg_usage(cli, "--kind is required");
  if (!o.out)
    return msg_usage(cli, "-o FILE.png or FILE.svg is required");
  if (o.indicator)
    return chart_from_store(cli, &o);
  if (o.period || o.locality)
    return msg_usage(cli, "--period and --locality need --indicator");

  char *labels[CHART_LAYOUT_MAX];
  size_t n = 0;
  struct chart_item items[CHART_LAYOUT_MAX];
  memset(items, 0, sizeof items);
  if (o.c.kind == CHART_STATUS) {
    if (!o.counts)
      return msg_usage(cli, "a status chart needs --counts MET;NEAR;MISSED;"
                            "NODATA");
    if (parse_counts(&o) != 0)
      return EXIT_USAGE;
  } else {
    if (!o.labels || !o.actual)
      return msg_usage(cli, "--labels and --actual are required");
    n = split(o.labels, ',', labels, CHART_LAYOUT_MAX);
    for (size_t i = 0; i < n; i++)
      items[i].label = labels[i];
    if (parse_values(&o, o.actual, "actual", items, n, 0) ||
        (o.plan && parse_values(&o, o.plan, "plan", items, n, 1)) ||
        (o.previous && parse_values(&o, o.previous, "previous", items, n, 2)))
      rc = EXIT_USAGE;
    o.c.items = items;
    o.c.n_items = n;
  }
  if (rc == EXIT_OK) {
    struct err err;
    err_clear(&err);
    if (chart_write_file(&o.c, o.out, cli->fonts_dir, o.w, o.h, &err) != 0) {
      msg_error(&err);
      rc = EXIT_FAIL;
    } else {
      msg_info(cli, "wrote %s", o.out);
    }
  }
  for (size_t i = 0; i < n; i++)
    free(labels[i]);
  return rc;
}
