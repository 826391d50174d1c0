/* cli/cmd_report.c - chitieu report: the dashboard PDF of one locality at
 * one period. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "report/report.h"
#include "store/store.h"
#include "text/suggest.h"
#include "util/xalloc.h"

static const char usage[] =
    "Usage: chitieu report --period PERIOD [--locality CODE] "
    "[--dashboard NAME|FILE] [-o FILE]\n"
    "Write the dashboard of a locality: status summary, plan against result\n"
    "per indicator group (charts and table), its child localities compared,\n"
    "and the source of every figure.\n"
    "\n"
    "  --period P        2024, 2024-Q3 (year to date), 2024-H1, 2024-9M\n"
    "  --locality CODE   locality: a code from localities.yaml or the\n"
    "                    gazetteer, or a name ('chitieu localities'); default\n"
    "                    the dashboard's, else the top locality below Việt Nam\n"
    "  --dashboard NAME  a dashboard of config/dashboards/ (name or path)\n"
    "  -o FILE           output (default REPORTS/LOCALITY-PERIOD.pdf)\n"
    "\n"
    "SOURCE_DATE_EPOCH, when set, fixes the dates in the PDF: the same\n"
    "database and config then give the same bytes.\n";

enum { OPT_PERIOD = OPT_CMD_BASE, OPT_LOCALITY, OPT_DASHBOARD };

struct opts {
  struct cli *cli;
  const char *period, *locality, *dashboard, *out;
};

static int handle(void *ud, int opt, const char *arg) {
  struct opts *o = ud;
  switch (opt) {
  case OPT_PERIOD:
    o->period = arg;
    return 0;
  case OPT_LOCALITY:
    o->locality = arg;
    return 0;
  case OPT_DASHBOARD:
    o->dashboard = arg;
    return 0;
  case 'o':
    o->out = arg;
    return 0;
  }
  return EXIT_USAGE;
}

int cmd_report(struct cli *cli, int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_GLOBAL_OPTIONS,
      {"period", required_argument, NULL, OPT_PERIOD},
      {"locality", required_argument, NULL, OPT_LOCALITY},
      {"dashboard", required_argument, NULL, OPT_DASHBOARD},
      {"output", required_argument, NULL, 'o'},
      {NULL, 0, NULL, 0}};
  struct opts o = {.cli = cli};
  int rc = EXIT_OK;
  int first =
      cli_parse(cli, argc, argv, "o:", longopts, usage, handle, &o, &rc);
  if (first < 0)
    return rc;
  if (first < argc)
    return msg_usage(cli, "unexpected argument '%s'", argv[first]);

  struct config *cfg = cli_config(cli);
  if (!cfg)
    return EXIT_FAIL;
  const struct dashboard *dash = NULL;
  if (o.dashboard) {
    dash = config_dashboard(cfg, o.dashboard);
    if (!dash) {
      const char **names = xcalloc(cfg->n_dashboards + 1, sizeof *names);
      for (size_t i = 0; i < cfg->n_dashboards; i++)
        names[i] = cfg->dashboards[i].name;
      const char *near = text_suggest(o.dashboard, names, cfg->n_dashboards);
      if (near)
        msg_errorf("unknown dashboard '%s'; did you mean '%s'?", o.dashboard,
                   near);
      else
        msg_errorf("unknown dashboard '%s' (none such in %s/dashboards)",
                   o.dashboard, cli->config_dir);
      free(names);
      config_free(cfg);
      return EXIT_FAIL;
    }
  }
  const char *pstr = o.period ? o.period : dash ? dash->period : NULL;
  struct period period;
  if (!pstr) {
    config_free(cfg);
    return msg_usage(cli, "--period is required (e.g. 2024 or 2024-Q3)");
  }
  if (period_parse(pstr, &period) != 0) {
    config_free(cfg);
    return msg_usage(cli, "bad period '%s' (2024, 2024-Q3, 2024-H1, 2024-9M)",
                     pstr);
  }
  const char *loc = o.locality ? o.locality
                    : dash     ? dash->locality
                               : config_default_locality(cfg);
  /* a code, or a name or gazetteer unit (added to cfg if not configured) */
  char loc_code[64];
  if (o.locality) {
    rc = cli_locality_option(cli, cfg, o.locality, cli_period_date(pstr),
                             loc_code, sizeof loc_code);
    if (rc != EXIT_OK) {
      config_free(cfg);
      return rc;
    }
    loc = loc_code;
  }
  if (!loc || !config_locality(cfg, loc)) {
    char hint[4200];
    snprintf(hint, sizeof hint, "see %s/localities.yaml", cli->config_dir);
    msg_unknown_code(cfg, "locality", loc ? loc : "", hint);
    config_free(cfg);
    return EXIT_FAIL;
  }
  char out[4096];
  if (o.out) {
    snprintf(out, sizeof out, "%s", o.out);
  } else {
    char ps[24];
    snprintf(out, sizeof out, "%s/%s-%s.pdf", cli->out_dir, loc,
             period_format(&period, ps, sizeof ps));
  }

  struct err err;
  err_clear(&err);
  struct store *st = store_open(cli->db, STORE_READ, &err);
  if (!st) {
    msg_error(&err);
    config_free(cfg);
    return EXIT_FAIL;
  }
  char today[16];
  struct report_opts ro = {.fonts_dir = cli->fonts_dir, .generated = today};
  ro.epoch = report_now(today, sizeof today);
  rc = EXIT_OK;
  /* one snapshot for the thousands of queries of a report */
  int began = store_read_begin(st, &err) == 0;
  if (!began ||
      report_dashboard_write(st, cfg, dash, loc, period, &ro, out, &err)) {
    msg_error(&err);
    rc = EXIT_FAIL;
  } else {
    msg_info(cli, "wrote %s", out);
  }
  if (began)
    store_read_end(st);
  store_close(st);
  config_free(cfg);
  return rc;
}
