/* cli/cmd_set.c - chitieu set: enter a target or result by hand. A manual
 * figure outranks CSV imports and facts from texts; entering the same key
 * again keeps the earlier figure as history. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "store/store.h"
#include "text/period.h"
#include "text/text.h"

static const char usage[] =
    "Usage: chitieu set LOCALITY INDICATOR PERIOD [--target X] [--actual Y]\n"
    "                   [--note TEXT]\n"
    "Enter the plan and/or the result of one indicator by hand, e.g.\n"
    "  chitieu set muong-lay grdp_growth 2024 --target 7,5 --actual 7,01\n"
    "LOCALITY is a code from localities.yaml or the gazetteer, or a name\n"
    "('chitieu localities'). "
    "PERIOD is 2024, 2024-Q1..Q4, 2024-H1, 2024-9M, 2024-M05\n"
    "or 2021-2025.\n"
    "Numbers may be written the Vietnamese way (7,01; 1.234,5) or plain\n"
    "(7.01; 1234.5). A manual figure wins over every other source.\n"
    "\n"
    "  --target X      the planned value\n"
    "  --actual Y      the achieved value\n"
    "  --note TEXT     where the figure comes from\n";

enum { OPT_TARGET = OPT_CMD_BASE, OPT_ACTUAL, OPT_NOTE };

struct opts {
  struct cli *cli;
  const char *target, *actual, *note;
  const char *operand[4];
  int n_operands;
};

static int handle(void *ud, int opt, const char *arg) {
  struct opts *o = ud;
  if (opt == OPT_TARGET)
    o->target = arg;
  else if (opt == OPT_ACTUAL)
    o->actual = arg;
  else if (opt == OPT_NOTE)
    o->note = arg;
  else
    return EXIT_USAGE;
  return 0;
}

/* Options may come before, between or after the operands. */
static int parse(struct cli *cli, int argc, char **argv, struct opts *o) {
  static const struct option longopts[] = {
      CLI_GLOBAL_OPTIONS,
      {"target", required_argument, NULL, OPT_TARGET},
      {"actual", required_argument, NULL, OPT_ACTUAL},
      {"note", required_argument, NULL, OPT_NOTE},
      {NULL, 0, NULL, 0}};
  return cli_parse_operands(cli, argc, argv, "", longopts, usage, handle, o,
                            o->operand, 4, &o->n_operands);
}

/* Enter the figures of 'o' in one transaction (both or neither), then
 * say what was stored. */
static int set_figures(struct cli *cli, struct store *st, const struct opts *o,
                       const double *target, const double *actual) {
  struct err err;
  err_clear(&err);
  long long ids[2] = {0, 0};
  if (store_entry_set_pair(st, o->operand[0], o->operand[1], o->operand[2],
                           target, actual, o->note, ids, &err) != 0) {
    msg_error(&err);
    return EXIT_FAIL;
  }
  char num[64];
  if (target)
    msg_info(cli, "set %s %s %s target = %s (manual entry %lld)", o->operand[0],
             o->operand[1], o->operand[2],
             text_number_format(num, sizeof num, *target, -1), ids[0]);
  if (actual)
    msg_info(cli, "set %s %s %s actual = %s (manual entry %lld)", o->operand[0],
             o->operand[1], o->operand[2],
             text_number_format(num, sizeof num, *actual, -1), ids[1]);
  return EXIT_OK;
}

int cmd_set(struct cli *cli, int argc, char **argv) {
  struct opts o = {.cli = cli};
  int rc = parse(cli, argc, argv, &o);
  if (rc >= 0)
    return rc;
  if (o.n_operands != 3)
    return msg_usage(cli, "expected LOCALITY INDICATOR PERIOD");
  if (!o.target && !o.actual)
    return msg_usage(cli, "give --target, --actual or both");
  /* Check the numbers before writing either of them. */
  double target, actual;
  if (o.target && store_value_parse(o.target, &target) != 0)
    return msg_usage(cli, "not a number: '%s'", o.target);
  if (o.actual && store_value_parse(o.actual, &actual) != 0)
    return msg_usage(cli, "not a number: '%s'", o.actual);
  /* a bad period is a usage error, as for every command */
  struct period period;
  if (period_parse(o.operand[2], &period) != 0)
    return msg_usage(cli,
                     "bad period '%s' (2024, 2024-Q3, 2024-H1, 2024-9M, "
                     "2024-M05, 2021-2025)",
                     o.operand[2]);
  struct config *cfg = cli_config(cli);
  if (!cfg)
    return EXIT_FAIL;
  /* LOCALITY: a code, or a name or gazetteer unit (added to cfg, and so
   * registered by store_sync_config, if not configured) */
  char loc_code[64];
  rc = cli_locality_option(cli, cfg, o.operand[0],
                           cli_period_date(o.operand[2]), loc_code,
                           sizeof loc_code);
  if (rc != EXIT_OK) {
    config_free(cfg);
    return rc;
  }
  o.operand[0] = loc_code;
  struct err err;
  err_clear(&err);
  struct store *st = store_open(cli->db, STORE_WRITE, &err);
  if (!st || store_sync_config(st, cfg, &err) != 0) {
    msg_error(&err);
    store_close(st);
    config_free(cfg);
    return EXIT_FAIL;
  }
  rc = set_figures(cli, st, &o, o.target ? &target : NULL,
                   o.actual ? &actual : NULL);
  store_close(st);
  config_free(cfg);
  return rc;
}
