/* tests/fuzz/fuzz_csv.c - libFuzzer target for the CSV importer. Each
 * input is written to a temporary file and imported through the store API
 * with the shipped config: first as a dry run without a database, then
 * for real into a temporary database (WAL needs a file, so not :memory:),
 * with --add-missing when the input's length is odd. A rejected file must
 * say why and leave the database as it was (same row count); an accepted
 * one must pass the integrity check. The database is recreated every few
 * hundred inputs so that it stays small. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "config/config.h"
#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], csv[96], db[96];
static struct config *cfg;
static struct store *st;
static unsigned runs;

static void db_reset(void) {
  store_close(st);
  char side[128];
  unlink(db);
  snprintf(side, sizeof side, "%s-wal", db);
  unlink(side);
  snprintf(side, sizeof side, "%s-shm", db);
  unlink(side);
  struct err err;
  err_clear(&err);
  st = store_open(db, STORE_WRITE, &err);
  if (!st || store_sync_config(st, cfg, &err) != 0)
    abort();
}

static void setup(void) {
  strcpy(dir, "/tmp/fuzz_csv_XXXXXX");
  if (!mkdtemp(dir))
    abort();
  snprintf(csv, sizeof csv, "%s/fuzz.csv", dir);
  snprintf(db, sizeof db, "%s/fuzz.db", dir);
  struct err err;
  err_clear(&err);
  cfg = config_load(CHITIEU_SRC "/config", &err);
  if (!cfg)
    abort();
  db_reset();
}

/* Rows of 'entries' through a second connection: the importer's own
 * statements must not be what tells us nothing changed. */
static long count_entries(void) {
  sqlite3 *h;
  sqlite3_stmt *s;
  long n = -1;
  if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    abort();
  if (sqlite3_prepare_v2(h, "SELECT count(*) FROM entries", -1, &s, NULL) ==
          SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW)
    n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(h);
  if (n < 0)
    abort();
  return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!cfg)
    setup();
  if (++runs % 300 == 0)
    db_reset();
  FILE *fp = fopen(csv, "wb");
  if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
    abort();
  struct store_import_opts opts = {.cfg = cfg, .add_missing = size & 1};
  struct store_import_result res;
  struct err err;
  /* Dry run, no database yet. */
  opts.dry_run = true;
  memset(&res, 0, sizeof res);
  err_clear(&err);
  if (store_import_csv(NULL, csv, &opts, &res, &err) != 0 && !err.msg[0])
    abort();
  /* For real. */
  opts.dry_run = false;
  memset(&res, 0, sizeof res);
  err_clear(&err);
  long before = count_entries();
  if (store_import_csv(st, csv, &opts, &res, &err) != 0) {
    if (!err.msg[0] || count_entries() != before)
      abort(); /* rejected files say why and change nothing */
  } else if (store_check(st, &err) != 0) {
    abort();
  }
  return 0;
}
