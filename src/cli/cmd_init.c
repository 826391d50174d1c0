/* cli/cmd_init.c - chitieu init: create the database, or bring an older
 * one to this chitieu's schema, and copy the configured indicators and
 * localities into it when the config folder is there. */
#include <stdio.h>

#include "cli/cli.h"
#include "store/store.h"
#include "util/file.h"

static const char usage[] =
    "Usage: chitieu init [--db FILE]\n"
    "Create the database (default chitieu.db) or migrate an older one to\n"
    "this version's schema. Running it again changes nothing. When the\n"
    "config folder exists, its indicators and localities are copied in.\n";

int cmd_init(struct cli *cli, int argc, char **argv) {
  static const struct option longopts[] = {CLI_GLOBAL_OPTIONS,
                                           {NULL, 0, NULL, 0}};
  int rc = EXIT_OK;
  int first = cli_parse(cli, argc, argv, "", longopts, usage, NULL, NULL, &rc);
  if (first < 0)
    return rc;
  if (first < argc)
    return msg_usage(cli, "unexpected argument '%s'", argv[first]);
  struct err err;
  err_clear(&err);
  struct store *st = store_open(cli->db, STORE_WRITE, &err);
  if (!st) {
    msg_error(&err);
    return EXIT_FAIL;
  }
  if (file_is_dir(cli->config_dir)) {
    struct config *cfg = cli_config(cli);
    if (!cfg) {
      store_close(st);
      return EXIT_FAIL;
    }
    rc = store_sync_config(st, cfg, &err);
    config_free(cfg);
    if (rc != 0) {
      msg_error(&err);
      store_close(st);
      return EXIT_FAIL;
    }
  }
  msg_info(cli, "database %s ready (schema %d)", cli->db,
           store_schema_version(st));
  store_close(st);
  return EXIT_OK;
}
