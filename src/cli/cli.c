/* cli/cli.c - global options and the command table. */
#include "cli/cli.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/hooks.h"
#include "util/file.h"
#include "util/interrupt.h"

struct command {
  const char *name;
  cmd_fn *fn;
  const char *summary;
};

static const struct command commands[] = {
    {"extract", cmd_extract, "print the facts found in text files"},
    {"ingest", cmd_ingest, "extract text files and store their facts"},
    {"import", cmd_import, "load official figures from a CSV file"},
    {"set", cmd_set, "enter a target or result by hand"},
    {"facts", cmd_facts, "list stored facts and current values"},
    {"review", cmd_review, "list and settle unresolved facts"},
    {"check", cmd_check, "validate the configuration"},
    {"chart", cmd_chart, "draw one chart as PNG or SVG"},
    {"report", cmd_report, "write a quarterly dashboard PDF"},
    {"brief", cmd_brief, "write a meeting briefing pack PDF"},
    {"localities", cmd_localities, "list the gazetteer's units, find a place"},
    {"init", cmd_init, "create or migrate the database"},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *fp) {
  fprintf(fp, "Usage: chitieu [OPTIONS] COMMAND [ARGS]\n"
              "Track the targets and results (chỉ tiêu) of Vietnamese local "
              "governments\nand print them as PDF dashboards and briefing "
              "packs.\n\nCommands:\n");
  for (size_t i = 0; i < N_COMMANDS; i++)
    if (commands[i].fn)
      fprintf(fp, "  %-9s %s\n", commands[i].name, commands[i].summary);
  fprintf(fp, "\n" CLI_GLOBAL_HELP "  --version       print the version\n"
              "\n'chitieu COMMAND --help' describes a command.\n"
              "Exit status: 0 ok, 1 failure, 2 usage error.\n");
}

int cli_common_option(struct cli *cli, int opt, const char *arg) {
  switch (opt) {
  case OPT_DB:
    cli->db = arg;
    return 1;
  case OPT_CONFIG:
    cli->config_dir = arg;
    return 1;
  case OPT_FONTS:
    cli->fonts_dir = arg;
    return 1;
  case OPT_REPORTS:
    cli->out_dir = arg;
    return 1;
  case 'q':
    cli->quiet = true;
    return 1;
  default:
    return 0;
  }
}

int cli_parse(struct cli *cli, int argc, char **argv, const char *shortopts,
              const struct option *longopts, const char *usage_text,
              int (*handle)(void *ud, int opt, const char *arg), void *ud,
              int *exit_code) {
  char opts[64];
  snprintf(opts, sizeof opts, ":hq%s", shortopts ? shortopts : "");
  optind = 1;
  opterr = 0;
  int opt;
  while ((opt = getopt_long(argc, argv, opts, longopts, NULL)) != -1) {
    if (opt == 'h') {
      fputs(usage_text, stdout);
      fputs("\n" CLI_GLOBAL_HELP, stdout);
      *exit_code = EXIT_OK;
      return -1;
    }
    if (opt == '?') {
      if (optopt)
        *exit_code = msg_usage(cli, "unknown option '-%c'", optopt);
      else
        *exit_code = msg_usage(cli, "unknown option '%s'", argv[optind - 1]);
      return -1;
    }
    if (opt == ':') {
      *exit_code =
          msg_usage(cli, "option '%s' needs a value", argv[optind - 1]);
      return -1;
    }
    if (cli_common_option(cli, opt, optarg))
      continue;
    int rc = handle ? handle(ud, opt, optarg) : EXIT_USAGE;
    if (rc != 0) {
      *exit_code = rc;
      return -1;
    }
  }
  return optind;
}

int cli_parse_operands(struct cli *cli, int argc, char **argv,
                       const char *shortopts, const struct option *longopts,
                       const char *usage_text,
                       int (*handle)(void *ud, int opt, const char *arg),
                       void *ud, const char **operands, int max, int *n) {
  int rc = EXIT_OK;
  int first = cli_parse(cli, argc, argv, shortopts, longopts, usage_text,
                        handle, ud, &rc);
  if (first < 0)
    return rc;
  /* getopt_long has moved the operands behind the options */
  *n = 0;
  for (int i = first; i < argc; i++) {
    if (*n == max)
      return msg_usage(cli, "unexpected argument '%s'", argv[i]);
    operands[(*n)++] = argv[i];
  }
  return -1;
}

struct config *cli_config(struct cli *cli) {
  struct err err;
  err_clear(&err);
  struct config *cfg = config_load(cli->config_dir, &err);
  if (!cfg)
    msg_error(&err);
  return cfg;
}

/* A default folder ('name', relative to the current directory) that is not
 * there is looked for next to the executable: "../NAME" from build/chitieu,
 * or "NAME" beside an installed binary. 'store' keeps the string alive. */
static const char *beside_exe(const char *name, char *store, size_t n) {
  if (file_is_dir(name))
    return name;
  char exe[4096];
  ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (len <= 0)
    return name;
  exe[len] = '\0';
  char *slash = strrchr(exe, '/');
  if (!slash)
    return name;
  *slash = '\0';
  static const char *const rel[] = {"%s/../%s", "%s/%s",
                                    "%s/../share/chitieu/%s"};
  for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
    snprintf(store, n, rel[i], exe, name);
    if (file_is_dir(store))
      return store;
  }
  return name;
}

static const char *env_or(const char *name, const char *dflt) {
  const char *v = getenv(name);
  return v && *v ? v : dflt;
}

int cli_main(int argc, char **argv) {
  /* LC_CTYPE only: printf must keep '.' in SQL, JSON and PDF operators. */
  setlocale(LC_CTYPE, "");
  /* A full disk or a file size limit (RLIMIT_FSIZE) must fail a write with
   * EFBIG and run the error path (drop the temporary PDF, roll back), not
   * kill chitieu halfway. */
  signal(SIGXFSZ, SIG_IGN);
  /* SIGINT, SIGTERM and SIGHUP remove the temporary file being written
   * and end chitieu as the signal would (util/interrupt.c). */
  interrupt_install();
  store_test_hooks_install();
  struct cli cli = {
      .db = env_or("CHITIEU_DB", "chitieu.db"),
      .config_dir = env_or("CHITIEU_CONFIG", "config"),
      .fonts_dir = env_or("CHITIEU_FONTS", "fonts"),
      .out_dir = env_or("CHITIEU_REPORTS", "reports"),
  };
  static char fonts_store[4200], config_store[4200];
  if (!getenv("CHITIEU_FONTS") || !*getenv("CHITIEU_FONTS"))
    cli.fonts_dir = beside_exe("fonts", fonts_store, sizeof fonts_store);
  if (!getenv("CHITIEU_CONFIG") || !*getenv("CHITIEU_CONFIG"))
    cli.config_dir = beside_exe("config", config_store, sizeof config_store);
  /* Common options may come before the command. */
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      return EXIT_OK;
    }
    if (!strcmp(a, "--version")) {
      printf("chitieu 0.1.0\n");
      return EXIT_OK;
    }
    if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
      cli.quiet = true;
      continue;
    }
    static const struct {
      const char *name;
      int opt;
    } valued[] = {{"--db", OPT_DB},
                  {"--config", OPT_CONFIG},
                  {"--fonts", OPT_FONTS},
                  {"--reports", OPT_REPORTS}};
    int found = 0;
    for (size_t k = 0; k < sizeof valued / sizeof valued[0]; k++) {
      size_t n = strlen(valued[k].name);
      if (!strncmp(a, valued[k].name, n) && a[n] == '=') {
        cli_common_option(&cli, valued[k].opt, a + n + 1);
        found = 1;
      } else if (!strcmp(a, valued[k].name)) {
        if (i + 1 >= argc) {
          fprintf(stderr, "chitieu: option '%s' needs a value\n", a);
          return EXIT_USAGE;
        }
        cli_common_option(&cli, valued[k].opt, argv[++i]);
        found = 1;
      }
    }
    if (!found) {
      fprintf(stderr, "chitieu: unknown option '%s'\nTry 'chitieu --help'.\n",
              a);
      return EXIT_USAGE;
    }
  }
  if (i >= argc) {
    usage(stderr);
    return EXIT_USAGE;
  }
  const char *name = argv[i];
  if (!strcmp(name, "help")) {
    if (i + 1 < argc) {
      char *hargv[] = {argv[i + 1], (char *)"--help", NULL};
      for (size_t k = 0; k < N_COMMANDS; k++)
        if (!strcmp(commands[k].name, argv[i + 1]) && commands[k].fn) {
          cli.command = commands[k].name;
          return commands[k].fn(&cli, 2, hargv);
        }
    }
    usage(stdout);
    return EXIT_OK;
  }
  for (size_t k = 0; k < N_COMMANDS; k++) {
    if (strcmp(commands[k].name, name) != 0 || !commands[k].fn)
      continue;
    cli.command = commands[k].name;
    return commands[k].fn(&cli, argc - i, argv + i);
  }
  fprintf(stderr, "chitieu: unknown command '%s'\nTry 'chitieu --help'.\n",
          name);
  return EXIT_USAGE;
}
