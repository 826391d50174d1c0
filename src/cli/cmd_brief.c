/* cli/cmd_brief.c - chitieu brief: the briefing pack of a meeting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "report/report.h"
#include "store/store.h"
#include "text/suggest.h"
#include "util/file.h"
#include "util/xalloc.h"

static const char usage[] =
    "Usage: chitieu brief MEETING [-o FILE]\n"
    "Write the briefing pack of a meeting: cover, table of contents with\n"
    "links and bookmarks, summary of every locality, one section per\n"
    "locality, one comparison page per key indicator, and the sources of\n"
    "every figure. MEETING is a meeting file (config/meetings/NAME.yaml or\n"
    "any path) or the NAME of one in the config folder.\n"
    "\n"
    "  -o FILE         output (default REPORTS/NAME.pdf)\n"
    "\n"
    "With 'password' in the meeting file the pack opens only with it; with\n"
    "'print_only' it may be printed but not copied or changed.\n"
    "SOURCE_DATE_EPOCH, when set, fixes the dates in the PDF: without a\n"
    "password, the same database and config then give the same bytes.\n";

struct opts {
  const char *out;
};

static int handle(void *ud, int opt, const char *arg) {
  struct opts *o = ud;
  if (opt == 'o') {
    o->out = arg;
    return 0;
  }
  return EXIT_USAGE;
}

int cmd_brief(struct cli *cli, int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_GLOBAL_OPTIONS,
      {"output", required_argument, NULL, 'o'},
      {NULL, 0, NULL, 0}};
  struct opts o = {0};
  int rc = EXIT_OK;
  int first =
      cli_parse(cli, argc, argv, "o:", longopts, usage, handle, &o, &rc);
  if (first < 0)
    return rc;
  if (first >= argc)
    return msg_usage(cli, "which meeting? (a file of config/meetings/)");
  if (first + 1 < argc)
    return msg_usage(cli, "unexpected argument '%s'", argv[first + 1]);
  const char *arg = argv[first];

  struct config *cfg = cli_config(cli);
  if (!cfg)
    return EXIT_FAIL;
  struct err err;
  err_clear(&err);
  struct meeting *own = NULL;
  const struct meeting *mt = config_meeting(cfg, arg);
  if (!mt && !strchr(arg, '/') && access(arg, F_OK) != 0) {
    /* a name, not a path: the meeting it nearly spells */
    const char **names = xcalloc(cfg->n_meetings + 1, sizeof *names);
    for (size_t i = 0; i < cfg->n_meetings; i++)
      names[i] = cfg->meetings[i].name;
    const char *near = text_suggest(arg, names, cfg->n_meetings);
    if (near)
      msg_errorf("unknown meeting '%s'; did you mean '%s'?", arg, near);
    else
      msg_errorf("unknown meeting '%s' (none such in %s/meetings)", arg,
                 cli->config_dir);
    free(names);
    config_free(cfg);
    return EXIT_FAIL;
  }
  if (!mt) {
    own = config_meeting_load(cfg, arg, &err);
    if (!own) {
      msg_error(&err);
      config_free(cfg);
      return EXIT_FAIL;
    }
    mt = own;
  }
  char out[4096];
  if (o.out)
    snprintf(out, sizeof out, "%s", o.out);
  else
    snprintf(out, sizeof out, "%s/%s.pdf", cli->out_dir, mt->name);

  struct store *st = store_open(cli->db, STORE_READ, &err);
  if (!st) {
    msg_error(&err);
    config_meeting_free(own);
    config_free(cfg);
    return EXIT_FAIL;
  }
  char today[16];
  struct report_opts ro = {.fonts_dir = cli->fonts_dir, .generated = today};
  ro.epoch = report_now(today, sizeof today);
  /* one snapshot for the thousands of queries of a report */
  int began = store_read_begin(st, &err) == 0;
  if (!began || report_brief_write(st, cfg, mt, &ro, out, &err)) {
    msg_error(&err);
    rc = EXIT_FAIL;
  } else {
    msg_info(cli, "wrote %s", out);
  }
  if (began)
    store_read_end(st);
  store_close(st);
  config_meeting_free(own);
  config_free(cfg);
  return rc;
}
