/* cli/cli.h - the command line: global options, the command table, and the
 * one place that prints errors. Exit codes: 0 ok, 1 failure, 2 usage. */
#ifndef CHITIEU_CLI_CLI_H
#define CHITIEU_CLI_CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "config/config.h"
#include "extract/extract.h"
#include "util/err.h"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Settings shared by every command. Each has a default, an environment
 * variable and an option, the option winning. */
struct cli {
  const char *db;         /* --db FILE, $CHITIEU_DB, "chitieu.db" */
  const char *config_dir; /* --config DIR, $CHITIEU_CONFIG, "config" */
  const char *fonts_dir;  /* --fonts DIR, $CHITIEU_FONTS, "fonts" */
  const char *out_dir;    /* --reports DIR, $CHITIEU_REPORTS, "reports" */
  bool quiet;             /* -q: no progress or summary lines */
  const char *command;    /* the command being run, for messages */
};

/* The long options every command accepts, to splice into its own table. */
enum {
  OPT_DB = 1000,
  OPT_CONFIG,
  OPT_FONTS,
  OPT_REPORTS,
  OPT_CMD_BASE = 1100 /* commands number their own options from here */
};
#define CLI_GLOBAL_OPTIONS                                                     \
  {"db", required_argument, NULL, OPT_DB},                                     \
      {"config", required_argument, NULL, OPT_CONFIG},                         \
      {"fonts", required_argument, NULL, OPT_FONTS},                           \
      {"reports", required_argument, NULL, OPT_REPORTS},                       \
      {"quiet", no_argument, NULL, 'q'}, {                                     \
    "help", no_argument, NULL, 'h'                                             \
  }

/* The lines of help shared by every command. */
#define CLI_GLOBAL_HELP                                                        \
  "Common options:\n"                                                          \
  "  --db FILE       SQLite database (default chitieu.db, or $CHITIEU_DB)\n"   \
  "  --config DIR    configuration folder (default config, or "                \
  "$CHITIEU_CONFIG)\n"                                                         \
  "  --fonts DIR     font folder (default fonts, or $CHITIEU_FONTS)\n"         \
  "  --reports DIR   output folder for reports (default reports, or "          \
  "$CHITIEU_REPORTS)\n"                                                        \
  "  -q, --quiet     no progress bar or summary\n"                             \
  "  -h, --help      this help\n"

int cli_main(int argc, char **argv);

/* Handle one of the common options 'opt' (from getopt_long) with 'arg'.
 * Returns 1 if it was one, 0 if not. */
int cli_common_option(struct cli *cli, int opt, const char *arg);

/* Parse the options of a command: 'shortopts' and 'longopts' are the
 * command's own (longopts must include CLI_GLOBAL_OPTIONS); 'handle' is
 * called for every option that is not common. Prints 'usage' for -h
 * (returns EXIT_OK via '*done'), and a usage error for unknown options.
 * Returns the index of the first operand, or -1 with '*exit_code' set when
 * the command should stop. */
int cli_parse(struct cli *cli, int argc, char **argv, const char *shortopts,
              const struct option *longopts, const char *usage,
              int (*handle)(void *ud, int opt, const char *arg), void *ud,
              int *exit_code);

/* cli_parse, then the operands (wherever they stand among the options)
 * into 'operands', at most 'max' of them, their count in '*n'. Returns -1
 * when the command should go on, else the exit code to return. */
int cli_parse_operands(struct cli *cli, int argc, char **argv,
                       const char *shortopts, const struct option *longopts,
                       const char *usage,
                       int (*handle)(void *ud, int opt, const char *arg),
                       void *ud, const char **operands, int max, int *n);

/* Load the configuration folder, printing the error on failure. */
struct config *cli_config(struct cli *cli);

/* Print "chitieu: FILE:LINE:COL: message" on stderr. */
void msg_error(const struct err *err);
/* Print "chitieu: message" on stderr. */
void msg_errorf(const char *fmt, ...) ERR_PRINTF(1, 2);
/* Print "chitieu COMMAND: message" and "Try 'chitieu COMMAND --help'." on
 * stderr; returns EXIT_USAGE. */
int msg_usage(const struct cli *cli, const char *fmt, ...) ERR_PRINTF(2, 3);
/* Print an informational line on stderr unless quiet. */
void msg_info(const struct cli *cli, const char *fmt, ...) ERR_PRINTF(2, 3);
/* Print "chitieu: unknown WHAT 'code'" for a locality or indicator code
 * ('what' "locality" or "indicator") the configuration 'cfg' does not
 * know, with "; did you mean 'X'?" when one of its codes is near, else
 * with 'hint' in parentheses (may be NULL). Returns EXIT_FAIL. */
int msg_unknown_code(const struct config *cfg, const char *what,
                     const char *code, const char *hint);

/* The option arguments several commands take, parsed in one place: a fact
 * kind ("actual", ..., with "did you mean" on a typo) into '*kind', a day
 * YYYY-MM-DD into '*y', '*m', '*d'. Each returns 0, or EXIT_USAGE after
 * printing the one-line error. */
int cli_kind_arg(const struct cli *cli, const char *arg, enum fact_kind *kind);
int cli_date_arg(const struct cli *cli, const char *arg, int *y, int *m,
                 int *d);

/* The commands; each returns an exit code. */
typedef int cmd_fn(struct cli *cli, int argc, char **argv);
cmd_fn cmd_init, cmd_extract, cmd_ingest, cmd_import, cmd_facts, cmd_review,
    cmd_set, cmd_check, cmd_chart, cmd_report, cmd_brief, cmd_localities;

/* cli/locality.c: the national gazetteer (places/), with each configured
 * locality tied to the gazetteer unit of its name and level. */
struct cli_places;
struct places;
/* Load the gazetteer and the configuration folder (if 'need_config', or
 * when the folder exists); prints the error and returns NULL on failure. */
struct cli_places *cli_places_open(struct cli *cli, bool need_config);
/* The same with a configuration already loaded (borrowed; may be NULL). */
struct cli_places *cli_places_with(const struct config *cfg);
void cli_places_close(struct cli_places *cp);
const struct places *cli_places_gazetteer(const struct cli_places *cp);
/* The configuration read with it, or NULL. */
const struct config *cli_places_config(const struct cli_places *cp);
/* The configured code of gazetteer unit 'unit', or NULL. */
const char *cli_places_config_code(const struct cli_places *cp, int unit);
/* The gazetteer unit of a configured locality, or -1. */
int cli_places_unit_of(const struct cli_places *cp, const char *config_code);
/* The one function every option that takes a locality calls: 'arg' is a
 * configured code ("muong-lay"), a gazetteer code ("095", "m03151", or a
 * bare GSO code of the unit valid on 'date'), or a name ("Mường Lay",
 * "Thị xã Mường Lay", "Châu Thành, Tiền Giang"), resolved on 'date'
 * (YYYYMMDD, 0 = any) in the configured province when shared, and to the
 * configured unit when only one of the units of the name is. Sets
 * '*code' to the code stored figures go by (the configured code of a
 * unit that has one, else its gazetteer code; borrowed from 'cp') and
 * returns EXIT_OK; else prints "did you mean" or the candidates and
 * returns EXIT_FAIL. */
int cli_locality(const struct cli *cli, const struct cli_places *cp,
                 const char *arg, int date, const char **code);
/* What the commands call for a --locality option or operand 'arg' with
 * the configuration 'cfg' (may be NULL): a configured code, or a code
 * that is no gazetteer code ("x300"), as it is (no gazetteer loaded; the
 * command checks it as before), else cli_locality on 'date'
 * (cli_period_date of the command's period, 0 if none). A gazetteer unit the configuration lacks
 * is added to 'cfg' (with the units above and below it), so that reports
 * and the store take it like a configured one. Writes the code into
 * 'code' ('n' bytes); returns EXIT_OK, or EXIT_FAIL with the message
 * printed. */
int cli_locality_option(struct cli *cli, struct config *cfg, const char *arg,
                        int date, char *code, size_t n);
/* Is 's' written like a code (a-z, 0-9, '-'), not a name? */
bool cli_is_code(const char *s);
/* cli_locality_option for a command that reads stored figures without a
 * configuration of its own: the configuration folder is read if there is
 * one. */
int cli_locality_lookup(struct cli *cli, const char *arg, int date,
                        char *code, size_t n);
/* The last day of the period 'period' ("2024-Q3" 20240930, "2024"
 * 20241231), or 0 if it is not one. */
int cli_period_date(const char *period);

#endif
