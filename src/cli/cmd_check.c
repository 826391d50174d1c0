/* cli/cmd_check.c - chitieu check: validate the configuration folder and
 * print every problem found, not just the first, as
 * "chitieu: FILE:LINE:COL: message". Meeting files kept outside the
 * folder can be named as operands and are checked against it. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"

static const char usage[] =
    "Usage: chitieu check [--config DIR] [MEETING.yaml...]\n"
    "Validate the configuration: indicators.yaml, localities.yaml,\n"
    "dashboards/*.yaml and meetings/*.yaml in the configuration folder, and\n"
    "the meeting files given as operands. Every problem is printed on\n"
    "stderr as FILE:LINE:COL: message (syntax errors, unknown keys, wrong\n"
    "types, duplicate codes, unknown references, cycles in the locality\n"
    "tree, aliases claimed by two indicators). Exit status 1 if there is\n"
    "any, else a one-line summary and 0.\n";

/* "1 meeting", "2 meetings". */
static const char *plural(size_t n) { return n == 1 ? "" : "s"; }

int cmd_check(struct cli *cli, int argc, char **argv) {
  static const struct option longopts[] = {CLI_GLOBAL_OPTIONS,
                                           {NULL, 0, NULL, 0}};
  int rc = EXIT_OK;
  int first = cli_parse(cli, argc, argv, "", longopts, usage, NULL, NULL, &rc);
  if (first < 0)
    return rc;

  struct err_list errs = {0};
  if (config_check(cli->config_dir, &errs) > 0) {
    for (size_t i = 0; i < errs.n; i++)
      msg_error(&errs.v[i]);
    err_list_free(&errs);
    return EXIT_FAIL;
  }
  err_list_free(&errs);

  struct err err;
  err_clear(&err);
  struct config *cfg = config_load(cli->config_dir, &err);
  if (!cfg) {
    msg_error(&err);
    return EXIT_FAIL;
  }
  size_t n_meetings = cfg->n_meetings;
  for (int i = first; i < argc; i++) {
    struct meeting *m = config_meeting_load(cfg, argv[i], &err);
    if (!m) {
      msg_error(&err);
      rc = EXIT_FAIL;
      continue;
    }
    n_meetings++;
    config_meeting_free(m);
  }
  if (rc == EXIT_OK && !cli->quiet) {
    printf("config: %zu indicator%s, %zu localit%s, %zu dashboard%s, "
           "%zu meeting%s: ok\n",
           cfg->n_indicators, plural(cfg->n_indicators), cfg->n_localities,
           cfg->n_localities == 1 ? "y" : "ies", cfg->n_dashboards,
           plural(cfg->n_dashboards), n_meetings, plural(n_meetings));
    if (fflush(stdout) != 0) {
      msg_errorf("writing output failed");
      rc = EXIT_FAIL;
    }
  }
  config_free(cfg);
  return rc;
}
