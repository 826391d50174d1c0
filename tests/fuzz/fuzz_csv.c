/* tests/fuzz/fuzz_csv.c - libFuzzer target for the CSV importer. Each
 * input is imported from memory through the store API with the shipped
 * config: one in four first as a dry run without a database, then each for
 * real, with --add-missing when the input's length is odd. A rejected file
 * must say why and leave the database as it was (same row counts); an
 * accepted one must pass the integrity check.
 *
 * Everything that is not the input is set up once (LLVMFuzzerInitialize):
 * the config, and a database in a temporary folder (WAL needs a file, so
 * not :memory:) with the config synced. Each input runs inside a
 * transaction the target opens and rolls back at the end, so the importer's
 * own transaction becomes a savepoint and the database is the same fresh
 * one for every input: nothing reaches the disk. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "store/store_int.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct config *cfg;
static struct store *st;

static void exec_or_die(const char *sql) {
  if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    abort();
}

static char dir[] = "/tmp/fuzz_csv_XXXXXX";

/* Close the database and remove its folder at exit (libFuzzer ends with
 * exit()). */
static void cleanup(void) {
  store_close(st);
  static const char *const files[] = {"%s/fuzz.db-wal", "%s/fuzz.db-shm",
                                      "%s/fuzz.db", "%s"};
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    char path[96];
    snprintf(path, sizeof path, files[i], dir);
    remove(path);
  }
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  char db[64];
  if (!mkdtemp(dir))
    abort();
  atexit(cleanup);
  snprintf(db, sizeof db, "%s/fuzz.db", dir);
  struct err err;
  err_clear(&err);
  cfg = config_load(CHITIEU_SRC "/config", &err);
  if (!cfg)
    abort();
  st = store_open(db, STORE_WRITE, &err);
  if (!st || store_sync_config(st, cfg, &err) != 0)
    abort();
  return 0;
}

/* The rows of the tables an import writes, summed with weights so that a
 * change to any of them shows. Prepared once. */
static long count_rows(void) {
  static sqlite3_stmt *s;
  if (!s && sqlite3_prepare_v2(st->db,
                               "SELECT (SELECT count(*) FROM entries) + "
                               "1000000 * (SELECT count(*) FROM imports) + "
                               "1000 * (SELECT count(*) FROM localities) + "
                               "100000 * (SELECT count(*) FROM indicators) + "
                               "(SELECT count(*) FROM entries WHERE "
                               "superseded)",
                               -1, &s, NULL) != SQLITE_OK)
    abort();
  long n = -1;
  if (sqlite3_step(s) == SQLITE_ROW)
    n = sqlite3_column_int64(s, 0);
  sqlite3_reset(s);
  if (n < 0)
    abort();
  return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct store_import_opts opts = {.cfg = cfg, .add_missing = size & 1};
  struct store_import_result res;
  struct err err;
  const char *text = (const char *)data;
  /* Dry run, no database: the same first pass as the import below but for
   * where the known codes come from, so one input in four is enough. */
  if (size % 4 == 0) {
    opts.dry_run = true;
    err_clear(&err);
    if (store_import_csv_text(NULL, "fuzz.csv", text, size, &opts, &res,
                              &err) != 0 &&
        !err.msg[0])
      abort();
  }
  /* For real, inside a transaction undone at the end. */
  opts.dry_run = false;
  err_clear(&err);
  exec_or_die("BEGIN");
  long before = count_rows();
  if (store_import_csv_text(st, "fuzz.csv", text, size, &opts, &res, &err) !=
      0) {
    if (!err.msg[0] || count_rows() != before)
      abort(); /* rejected files say why and change nothing */
  } else if (store_check(st, &err) != 0) {
    abort();
  }
  exec_or_die("ROLLBACK");
  return 0;
}
