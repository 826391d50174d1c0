/* cli/cmd_import.c - chitieu import: official figures from CSV files and
 * from .xlsx sheets laid out like them, each file all or nothing (see
 * store/import.c and store/import_xlsx.c). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "store/store.h"

static const char usage[] =
    "Usage: chitieu import [--dry-run] [--add-missing] [--sheet NAME] "
    "FILE.csv|FILE.xlsx...\n"
    "Load targets and results from CSV files with the header\n"
    "  locality_code,locality_name,level,parent_code,indicator_code,\n"
    "  indicator_name,unit,direction,year,quarter,target,actual\n"
    "quarter 0 is the whole year, 1-4 the year to date; an empty actual is\n"
    "'not reported'. One bad row rejects the whole file (FILE:LINE: why)\n"
    "and leaves the database as it was. Importing a file name again\n"
    "replaces its figures as a new version; the old ones stay as history.\n"
    "An .xlsx (told by its content) is read from its first sheet, laid out\n"
    "like the CSV; its errors name the cell (FILE:SHEET!CELL: why).\n"
    "\n"
    "  --dry-run       check the file only; write nothing\n"
    "  --add-missing   register locality and indicator codes the config\n"
    "                  does not know, from the file's own name, level,\n"
    "                  parent, unit and direction columns (a new locality's\n"
    "                  parent must be known or in the same file)\n"
    "  --sheet NAME    the sheet of an .xlsx to read (default: the first)\n";

enum { OPT_DRY_RUN = OPT_CMD_BASE, OPT_ADD_MISSING, OPT_SHEET };

struct opts {
  struct store_import_opts imp;
  const char *sheet; /* --sheet, or NULL */
};

static int handle(void *ud, int opt, const char *arg) {
  struct opts *o = ud;
  (void)arg;
  if (opt == OPT_DRY_RUN)
    o->imp.dry_run = true;
  else if (opt == OPT_ADD_MISSING)
    o->imp.add_missing = true;
  else if (opt == OPT_SHEET)
    o->sheet = arg;
  else
    return EXIT_USAGE;
  return 0;
}

/* 1 if the file at 'path' is a zip (an .xlsx, or a package the .xlsx
 * import refuses with its reason), else 0 (a CSV). */
static int is_zip(const char *path) {
  FILE *f = fopen(path, "rb");
  char magic[4] = {0};
  int zip = f && fread(magic, 1, 4, f) == 4 && memcmp(magic, "PK\3\4", 4) == 0;
  if (f)
    fclose(f);
  return zip;
}

/* Import one file and say what happened. */
static int import_one(struct cli *cli, struct store *st, const char *path,
                      const struct opts *o) {
  struct err err;
  err_clear(&err);
  struct store_import_result res;
  int rc;
  if (is_zip(path))
    rc = store_import_xlsx(st, path, o->sheet, &o->imp, &res, &err);
  else if (o->sheet)
    rc = err_set(&err, path, 0, 0, "--sheet is for .xlsx files");
  else
    rc = store_import_csv(st, path, &o->imp, &res, &err);
  if (rc != 0) {
    msg_error(&err);
    return EXIT_FAIL;
  }
  if (o->imp.dry_run)
    msg_info(cli, "%s: %ld rows, %ld figures OK (dry run, nothing written)",
             path, res.rows, res.entries);
  else if (res.unchanged)
    msg_info(cli, "%s: unchanged since version %d, nothing to do", path,
             res.version);
  else
    msg_info(cli,
             "imported %s: %ld rows, %ld figures (version %d; %ld earlier "
             "figures kept as history)",
             path, res.rows, res.entries, res.version, res.superseded);
  if (res.new_localities || res.new_indicators)
    msg_info(cli,
             "%s: %s%ld new localities and %ld new indicators from "
             "the file",
             path, o->imp.dry_run ? "would register " : "registered ",
             res.new_localities, res.new_indicators);
  return EXIT_OK;
}

int cmd_import(struct cli *cli, int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_GLOBAL_OPTIONS,
      {"dry-run", no_argument, NULL, OPT_DRY_RUN},
      {"add-missing", no_argument, NULL, OPT_ADD_MISSING},
      {"sheet", required_argument, NULL, OPT_SHEET},
      {NULL, 0, NULL, 0}};
  struct opts o = {{NULL, false, false}, NULL};
  int rc = EXIT_OK;
  int first = cli_parse(cli, argc, argv, "", longopts, usage, handle, &o, &rc);
  if (first < 0)
    return rc;
  if (first >= argc)
    return msg_usage(cli, "no CSV file given");
  struct config *cfg = cli_config(cli);
  if (!cfg)
    return EXIT_FAIL;
  struct err err;
  err_clear(&err);
  o.imp.cfg = cfg;
  /* A dry run writes nothing, not even a new database file: it reads the
   * codes of an existing one, or checks against the config alone. */
  struct store *st = NULL;
  if (o.imp.dry_run && access(cli->db, F_OK) == 0)
    st = store_open(cli->db, STORE_READ, &err);
  else if (!o.imp.dry_run)
    st = store_open(cli->db, STORE_WRITE, &err);
  int failed = (o.imp.dry_run && access(cli->db, F_OK) == 0 && !st) ||
               (!o.imp.dry_run && !st);
  if (!failed && !o.imp.dry_run && store_sync_config(st, cfg, &err) != 0)
    failed = 1;
  if (failed) {
    msg_error(&err);
    store_close(st);
    config_free(cfg);
    return EXIT_FAIL;
  }
  for (int i = first; i < argc; i++)
    if (import_one(cli, st, argv[i], &o) != EXIT_OK)
      rc = EXIT_FAIL;
  store_close(st);
  config_free(cfg);
  return rc;
}
