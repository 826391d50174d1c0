/* tests/unit/test_store.c - the store: schema and migrations, ingest,
 * precedence of sources, CSV import (all or nothing, versions), manual
 * entry, review, and the clear errors for locked, newer and foreign
 * files. Each test works in its own temporary folder. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "store/store.h"
#include "store/store_int.h"
#include "util/sha256.h"

static char dir[256];

static const char *tmp_path(const char *name) {
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return path;
}

static void write_file(const char *path, const char *text) {
  FILE *fp = fopen(path, "wb");
  OK(fp != NULL);
  if (!fp)
    return;
  fputs(text, fp);
  fclose(fp);
}

/* Literals in the hand-made structs are cast: -Wwrite-strings. */
/* A config made by hand: a province with one district, two indicators. */
static struct locality locs[2] = {
    {.code = (char *)"dien-bien",
     .name = (char *)"Điện Biên",
     .level = (char *)"tỉnh",
     .parent_idx = -1},
    {.code = (char *)"muong-lay",
     .name = (char *)"Mường Lay",
     .level = (char *)"thị xã",
     .parent = (char *)"dien-bien",
     .parent_idx = 0},
};
static struct indicator inds[2] = {
    {.code = (char *)"grdp_growth",
     .name = (char *)"Tốc độ tăng trưởng kinh tế",
     .group = (char *)"Kinh tế",
     .unit = (char *)"%"},
    {.code = (char *)"poverty_rate",
     .name = (char *)"Tỷ lệ hộ nghèo",
     .group = (char *)"Xã hội",
     .unit = (char *)"%",
     .direction = DIR_LOWER},
};
static struct config cfg = {.localities = locs,
                            .n_localities = 2,
                            .indicators = inds,
                            .n_indicators = 2};

static void test_sha256(void) {
  char hex[65];
  STR_EQ(sha256_hex("", 0, hex),
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  STR_EQ(sha256_hex("abc", 3, hex),
         "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  STR_EQ(sha256_hex(m, strlen(m), hex),
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  /* a million 'a': many blocks (FIPS 180-4 test vector) */
  static char big[1000000];
  memset(big, 'a', sizeof big);
  STR_EQ(sha256_hex(big, sizeof big, hex),
         "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_value_parse(void) {
  double v = 0;
  OK(store_value_parse("7,01", &v) == 0);
  DBL_EQ(v, 7.01);
  OK(store_value_parse("7.01", &v) == 0);
  DBL_EQ(v, 7.01);
  OK(store_value_parse("1.234,5", &v) == 0);
  DBL_EQ(v, 1234.5);
  OK(store_value_parse("-2,5", &v) == 0);
  DBL_EQ(v, -2.5);
  OK(store_value_parse("12abc", &v) != 0);
  OK(store_value_parse("", &v) != 0);
}

/* A document with three facts: two resolved, one that two indicators fit
 * equally (it waits for review). */
static void make_doc(struct extract_doc *doc, const char *name, double grdp) {
  static char text[] = "GRDP tăng 7,01%. Hộ nghèo còn 30%. Cái gì đó 5 ha.";
  memset(doc, 0, sizeof *doc);
  doc->name = (char *)name;
  doc->text = text;
  doc->len = strlen(text);
  doc->year = 2024;
  doc->month = 7;
  doc->day = 1;
  doc->locality = (char *)"Mường Lay";
  doc->locality_code = (char *)"muong-lay";
  static struct fact f[3];
  memset(f, 0, sizeof f);
  f[0] = (struct fact){.year = 2024,
                       .period = "2024-H1",
                       .label = (char *)"GRDP",
                       .indicator = (char *)"grdp_growth",
                       .kind = FACT_ACTUAL,
                       .value = grdp,
                       .unit = (char *)"%",
                       .sent_start = 0,
                       .sent_end = 16,
                       .span_start = 10,
                       .span_end = 15};
  f[1] = (struct fact){.year = 2024,
                       .period = "2024",
                       .label = (char *)"Hộ nghèo",
                       .indicator = (char *)"poverty_rate",
                       .kind = FACT_ACTUAL,
                       .value = 30,
                       .unit = (char *)"%",
                       .sent_start = 17,
                       .sent_end = 35,
                       .span_start = 31,
                       .span_end = 34};
  f[2] = (struct fact){.year = 2024,
                       .period = "2024",
                       .label = (char *)"Cái gì đó",
                       .candidates = "grdp_growth poverty_rate",
                       .kind = FACT_ACTUAL,
                       .value = 5,
                       .unit = (char *)"ha",
                       .sent_start = 36,
                       .sent_end = (size_t)doc->len};
  /* Sentence bounds in bytes, from the text itself. */
  const char *s2 = strstr(text, "Hộ"), *s3 = strstr(text, "Cái");
  f[0].sent_end = (size_t)(s2 - 1 - text);
  f[1].sent_start = (size_t)(s2 - text);
  f[1].sent_end = (size_t)(s3 - 1 - text);
  f[2].sent_start = (size_t)(s3 - text);
  doc->facts.v = f;
  doc->facts.n = 3;
}

static int value(struct store *st, const char *loc, const char *ind,
                 const char *period, enum fact_kind kind, double *v,
                 char *source) {
  struct store_value sv;
  struct err err;
  int rc = store_value_get(st, loc, ind, period, kind, &sv, &err);
  if (rc == 1) {
    *v = sv.value;
    strcpy(source, sv.source);
  }
  store_value_clear(&sv);
  return rc;
}

static void test_ingest_and_precedence(void) {
  struct err err;
  err_clear(&err);
  struct store *st = store_open(tmp_path("a.db"), STORE_WRITE, &err);
  OK(st != NULL);
  if (!st)
    return;
  INT_EQ(store_schema_version(st), STORE_SCHEMA_VERSION);
  OK(store_sync_config(st, &cfg, &err) == 0);

  struct extract_doc doc;
  make_doc(&doc, "bc.txt", 7.01);
  int added = -1;
  OK(store_ingest(st, &doc, "x/bc.txt", "aaaa", &added, &err) == 0);
  INT_EQ(added, 1);
  OK(store_ingest(st, &doc, "x/bc.txt", "aaaa", &added, &err) == 0);
  INT_EQ(added, 0);

  /* H1 is Q2 year to date. */
  double v = 0;
  char src[16] = "";
  INT_EQ(value(st, "muong-lay", "grdp_growth", "2024-Q2", FACT_ACTUAL, &v, src),
         1);
  DBL_EQ(v, 7.01);
  STR_EQ(src, "fact");
  INT_EQ(value(st, "muong-lay", "grdp_growth", "2024-Q3", FACT_ACTUAL, &v, src),
         0);

  /* A newer document for the same key wins over the older one. */
  struct extract_doc doc2;
  make_doc(&doc2, "bc2.txt", 7.5);
  doc2.month = 8;
  OK(store_ingest(st, &doc2, "x/bc2.txt", "bbbb", &added, &err) == 0);
  INT_EQ(value(st, "muong-lay", "grdp_growth", "2024-H1", FACT_ACTUAL, &v, src),
         1);
  DBL_EQ(v, 7.5);

  /* The unresolved fact waits for review. */
  struct store_fact_list l;
  OK(store_review_list(st, &l, &err) == 0);
  INT_EQ(l.n, 2);
  if (l.n) {
    STR_EQ(l.v[0].label, "Cái gì đó");
    STR_EQ(l.v[0].sentence, "Cái gì đó 5 ha.");
  }
  long long unresolved = l.n ? l.v[0].id : 0;
  store_fact_list_free(&l);

  /* CSV beats facts, manual beats CSV. */
  write_file(tmp_path("kh.csv"),
             "locality_code,locality_name,level,parent_code,indicator_code,"
             "indicator_name,unit,direction,year,quarter,target,actual\n"
             "muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,"
             "higher,2024,2,7.0,6.9\n"
             "muong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,GRDP,%,"
             "higher,2024,0,7.2,\n");
  struct store_import_result res;
  OK(store_import_csv(st, tmp_path("kh.csv"), NULL, &res, &err) == 0);
  INT_EQ(res.rows, 2);
  INT_EQ(res.entries, 3);
  INT_EQ(res.version, 1);
  INT_EQ(value(st, "muong-lay", "grdp_growth", "2024-H1", FACT_ACTUAL, &v, src),
         1);
  DBL_EQ(v, 6.9);
  STR_EQ(src, "csv");
  /* Q4 is the year. */
  INT_EQ(value(st, "muong-lay", "grdp_growth", "2024-Q4", FACT_TARGET, &v, src),
         1);
  DBL_EQ(v, 7.2);
  long long id = 0;
  OK(store_entry_set(st, "muong-lay", "grdp_growth", "2024-Q2", FACT_ACTUAL,
                     7.05, "số liệu Cục Thống kê", &id, &err) == 0);
  INT_EQ(value(st, "muong-lay", "grdp_growth", "2024-H1", FACT_ACTUAL, &v, src),
         1);
  DBL_EQ(v, 7.05);
  STR_EQ(src, "manual");
  OK(store_entry_set(st, "muong-lay", "grdp_growth", "2024-H1", FACT_ACTUAL,
                     7.06, NULL, &id, &err) == 0);
  INT_EQ(value(st, "muong-lay", "grdp_growth", "2024-Q2", FACT_ACTUAL, &v, src),
         1);
  DBL_EQ(v, 7.06);
  OK(store_entry_set(st, "nowhere", "grdp_growth", "2024", FACT_ACTUAL, 1, NULL,
                     &id, &err) != 0);
  STR_EQ(err.msg, "unknown locality 'nowhere'");

  /* History keeps everything: 2 manual, 1 csv, 2 facts; one winner. */
  struct store_rows h;
  OK(store_history(st, "muong-lay", "grdp_growth", "2024-Q2", FACT_ACTUAL,
                   false, &h, &err) == 0);
  INT_EQ(h.n, 5);
  int winners = 0;
  for (size_t i = 0; i < h.n; i++)
    winners += h.v[i].winner;
  INT_EQ(winners, 1);
  if (h.n) {
    OK(h.v[0].winner);
    DBL_EQ(h.v[0].value, 7.06);
  }
  store_rows_free(&h);

  /* Review: reject, accept with an indicator (an edit), edit. */
  OK(store_review_accept(st, unresolved, NULL, NULL, &err) != 0);
  STR_EQ(err.msg, "fact 3 has no indicator code; give --indicator CODE");
  struct store_edit e = {.indicator = "poverty_rate"};
  long long nid = 0;
  OK(store_review_accept(st, unresolved, &e, &nid, &err) == 0);
  OK(nid > unresolved);
  struct store_fact f;
  INT_EQ(store_fact_get(st, unresolved, &f, &err), 1);
  STR_EQ(f.status, "edited");
  store_fact_clear(&f);
  INT_EQ(store_fact_get(st, nid, &f, &err), 1);
  STR_EQ(f.status, "accepted");
  STR_EQ(f.indicator, "poverty_rate");
  INT_EQ(f.supersedes, unresolved);
  store_fact_clear(&f);
  OK(store_review_reject(st, unresolved, &err) != 0);
  /* The accepted fact (rank 3) beats the newer extracted one (rank 4). */
  INT_EQ(value(st, "muong-lay", "poverty_rate", "2024", FACT_ACTUAL, &v, src),
         1);
  DBL_EQ(v, 5);
  OK(store_review_reject(st, nid, &err) == 0);
  INT_EQ(value(st, "muong-lay", "poverty_rate", "2024", FACT_ACTUAL, &v, src),
         1);
  DBL_EQ(v, 30);
  struct store_edit e2 = {.has_value = true, .value = 31, .period = "2024"};
  OK(store_review_edit(st, 2, &e2, &nid, &err) == 0);
  INT_EQ(value(st, "muong-lay", "poverty_rate", "2024", FACT_ACTUAL, &v, src),
         1);
  DBL_EQ(v, 31);

  /* Queries: children of the province, by group. */
  struct store_query q = {
      .locality = "dien-bien", .children = true, .group = "Kinh tế"};
  struct store_rows r;
  OK(store_values_list(st, &q, &r, &err) == 0);
  INT_EQ(r.n, 3); /* grdp: 2024-Q2 actual, 2024 target, 2024-Q2? */
  store_rows_free(&r);
  q.children = false;
  OK(store_values_list(st, &q, &r, &err) == 0);
  INT_EQ(r.n, 0);
  store_rows_free(&r);
  OK(store_check(st, &err) == 0);
  store_close(st);
}

static long count_entries(const char *db) {
  sqlite3 *raw = NULL;
  sqlite3_stmt *s = NULL;
  long n = -1;
  sqlite3_open(db, &raw);
  if (sqlite3_prepare_v2(raw, "SELECT count(*) FROM entries", -1, &s, NULL) ==
          SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW)
    n = sqlite3_column_int(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(raw);
  return n;
}

static void test_import(void) {
  struct err err;
  err_clear(&err);
  char db[512];
  snprintf(db, sizeof db, "%s", tmp_path("imp.db"));
  struct store *st = store_open(db, STORE_WRITE, &err);
  OK(st != NULL);
  if (!st)
    return;
  OK(store_sync_config(st, &cfg, &err) == 0);
  const char *hdr =
      "locality_code,locality_name,level,parent_code,indicator_code,"
      "indicator_name,unit,direction,year,quarter,target,actual\n";
  char text[2048];
  snprintf(text, sizeof text,
           "%smuong-lay,Mường Lay,thị xã,dien-bien,grdp_growth,G,%%,higher,"
           "2023,0,7,6.5\n"
           "huoi-leng,Huổi Lèng,huyện,dien-bien,tourists,Khách,lượt,higher,"
           "2023,1,100,40\n",
           hdr);
  write_file(tmp_path("d.csv"), text);
  struct store_import_result res;
  /* Unknown codes: rejected unless --add-missing. */
  OK(store_import_csv(st, tmp_path("d.csv"), NULL, &res, &err) != 0);
  INT_EQ(err.line, 3);
  STR_EQ(err.msg, "unknown locality 'huoi-leng' (not in the config; "
                  "--add-missing registers it from this file)");
  INT_EQ(count_entries(db), 0);
  struct store_import_opts o = {.dry_run = true, .add_missing = true};
  OK(store_import_csv(st, tmp_path("d.csv"), &o, &res, &err) == 0);
  INT_EQ(res.entries, 4);
  INT_EQ(res.new_localities, 1);
  INT_EQ(count_entries(db), 0);
  o.dry_run = false;
  OK(store_import_csv(st, tmp_path("d.csv"), &o, &res, &err) == 0);
  INT_EQ(count_entries(db), 4);
  INT_EQ(res.new_indicators, 1);
  /* Same bytes again: nothing changes. */
  OK(store_import_csv(st, tmp_path("d.csv"), &o, &res, &err) == 0);
  OK(res.unchanged);
  INT_EQ(count_entries(db), 4);

  /* Bad rows, one of each kind: the file is rejected at that line. */
  static const struct {
    const char *row, *msg;
  } bad[] = {
      {"muong-lay,M,x,dien-bien,grdp_growth,G,%,higher,2023,5,7,6\n",
       "quarter must be 0 (whole year) to 4, not '5'"},
      {"muong-lay,M,x,dien-bien,grdp_growth,G,%,higher,2023,0,7,abc\n",
       "actual is not a number: 'abc'"},
      {"muong-lay,M,x,dien-bien,grdp_growth,G,%,higher,2023,0,7\n",
       "expected 12 columns, found 11"},
      {"muong-lay,M,x,dien-bien,nope,G,%,higher,2023,0,7,6\n",
       "unknown indicator 'nope' (not in the config; --add-missing "
       "registers it from this file)"},
      {"muong-lay,M,x,dien-bien,grdp_growth,G,%,higher,2022,0,7,6\n",
       "duplicate row for muong-lay grdp_growth 2022 quarter 0 (first on "
       "line 2)"},
      {"muong-lay,M\xC3,x,dien-bien,grdp_growth,G,%,higher,2023,0,7,6\n",
       "invalid UTF-8 at byte offset 187 (byte 0xC3); save the file as "
       "UTF-8"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    snprintf(text, sizeof text,
             "%smuong-lay,M,x,dien-bien,grdp_growth,G,%%,higher,2022,0,7,6\n"
             "%s",
             hdr, bad[i].row);
    write_file(tmp_path("d.csv"), text);
    err_clear(&err);
    OK(store_import_csv(st, tmp_path("d.csv"), NULL, &res, &err) != 0);
    STR_EQ(err.msg, bad[i].msg);
    INT_EQ(err.line, 3);
    INT_EQ(count_entries(db), 4);
  }

  /* A new version of d.csv supersedes the first one's rows. */
  snprintf(text, sizeof text,
           "%smuong-lay,M,x,dien-bien,grdp_growth,G,%%,higher,2023,0,7,6.6\n",
           hdr);
  write_file(tmp_path("d.csv"), text);
  OK(store_import_csv(st, tmp_path("d.csv"), NULL, &res, &err) == 0);
  INT_EQ(res.version, 2);
  INT_EQ(res.superseded, 4);
  INT_EQ(count_entries(db), 6);
  double v;
  char src[16];
  INT_EQ(value(st, "muong-lay", "grdp_growth", "2023", FACT_ACTUAL, &v, src),
         1);
  DBL_EQ(v, 6.6);
  INT_EQ(value(st, "huoi-leng", "tourists", "2023-Q1", FACT_ACTUAL, &v, src),
         0);
  store_close(st);
}

static void test_open_errors(void) {
  struct err err;
  /* A file that is not a database. */
  write_file(tmp_path("junk.db"), "this is not a database, just text that "
                                  "is long enough to fill a header page..");
  err_clear(&err);
  OK(store_open(tmp_path("junk.db"), STORE_WRITE, &err) == NULL);
  STR_EQ(err.msg, "file is not a database");
  /* Reading a file that is not there. */
  OK(store_open(tmp_path("none.db"), STORE_READ, &err) == NULL);
  STR_EQ(err.msg,
         "no database here; run 'chitieu init' or ingest something first");

  /* A database from a newer chitieu. */
  char db[512];
  snprintf(db, sizeof db, "%s", tmp_path("new.db"));
  struct store *st = store_open(db, STORE_WRITE, &err);
  OK(st != NULL);
  store_close(st);
  sqlite3 *raw = NULL;
  sqlite3_open(db, &raw);
  sqlite3_exec(raw, "PRAGMA user_version = 99", NULL, NULL, NULL);
  sqlite3_close(raw);
  OK(store_open(db, STORE_WRITE, &err) == NULL);
  char want[128];
  snprintf(want, sizeof want,
           "database was made by a newer chitieu (schema 99); this one knows "
           "%d",
           STORE_SCHEMA_VERSION);
  STR_EQ(err.msg, want);
  OK(store_open(db, STORE_READ, &err) == NULL);
  STR_EQ(err.msg, want);

  /* Another connection holds the write lock: a clear error, no hang. */
  snprintf(db, sizeof db, "%s", tmp_path("lock.db"));
  st = store_open(db, STORE_WRITE, &err);
  OK(st != NULL);
  if (!st)
    return;
  OK(store_sync_config(st, &cfg, &err) == 0);
  sqlite3_open(db, &raw);
  OK(sqlite3_exec(raw, "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK);
  OK(store_entry_set(st, "muong-lay", "grdp_growth", "2024", FACT_TARGET, 7,
                     NULL, NULL, &err) != 0);
  STR_EQ(err.msg, "database is locked by another process");
  /* Readers still read while the writer holds its lock (WAL). */
  struct store *rd = store_open(db, STORE_READ, &err);
  OK(rd != NULL);
  store_close(rd);
  sqlite3_exec(raw, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close(raw);
  OK(store_entry_set(st, "muong-lay", "grdp_growth", "2024", FACT_TARGET, 7,
                     NULL, NULL, &err) == 0);
  store_close(st);

  /* A foreign SQLite file is not migrated. */
  snprintf(db, sizeof db, "%s", tmp_path("other.db"));
  sqlite3_open(db, &raw);
  sqlite3_exec(raw, "CREATE TABLE t(x)", NULL, NULL, NULL);
  sqlite3_close(raw);
  OK(store_open(db, STORE_WRITE, &err) == NULL);
  STR_EQ(err.msg, "not a chitieu database (it has tables but no schema "
                  "version)");
}

/* A version 1 database, made with version 1's own SQL, is migrated to
 * version 2 on opening for writing: the facts lose their stored sentence,
 * and every query still yields it, cut out of the document's text. */
static void test_migrate_v1(void) {
  const char *db = tmp_path("v1.db");
  sqlite3 *raw = NULL;
  OK(sqlite3_open(db, &raw) == SQLITE_OK);
  for (const char *const *sql = store_migration(0); *sql; sql++)
    OK(sqlite3_exec(raw, *sql, NULL, NULL, NULL) == SQLITE_OK);
  static const char data[] =
      "PRAGMA user_version = 1;"
      "INSERT INTO localities (code, name) VALUES ('muong-lay', 'Mường Lay');"
      "INSERT INTO indicators (code, name) VALUES ('grdp_growth', 'GRDP');"
      "INSERT INTO documents (id, sha256, name, text) VALUES (1, 'cc', "
      "'bc.txt', 'Mở đầu. GRDP tăng 7,01%. Hết.');"
      /* bytes 13..30: "GRDP tăng 7,01%." */
      "INSERT INTO facts (doc_id, locality_code, year, period, period_key, "
      "indicator, kind, value, sentence, sent_start, sent_end, span_start, "
      "span_end) VALUES (1, 'muong-lay', 2024, '2024', '2024', "
      "'grdp_growth', 'actual', 7.01, 'GRDP tăng 7,01%.', 13, 30, 24, 29);"
      /* queued for review by version 1's rule: it stays queued */
      "INSERT INTO facts (doc_id, locality_code, year, period, period_key, "
      "kind, value, sentence, sent_start, sent_end, span_start, span_end) "
      "VALUES (1, 'muong-lay', 2024, '2024', '2024', 'actual', 7.01, "
      "'GRDP tăng 7,01%.', 13, 30, 24, 29);";
  OK(sqlite3_exec(raw, data, NULL, NULL, NULL) == SQLITE_OK);
  sqlite3_close(raw);

  struct err err;
  err_clear(&err);
  struct store *st = store_open(db, STORE_WRITE, &err);
  OK(st != NULL);
  if (!st)
    return;
  INT_EQ(store_schema_version(st), STORE_SCHEMA_VERSION);
  struct store_fact_list q;
  OK(store_review_list(st, &q, &err) == 0);
  INT_EQ(q.n, 1);
  if (q.n)
    INT_EQ(q.v[0].id, 2);
  store_fact_list_free(&q);
  struct store_fact f;
  INT_EQ(store_fact_get(st, 1, &f, &err), 1);
  STR_EQ(f.sentence, "GRDP tăng 7,01%.");
  store_fact_clear(&f);
  struct store_value v;
  INT_EQ(store_value_get(st, "muong-lay", "grdp_growth", "2024", FACT_ACTUAL,
                         &v, &err),
         1);
  STR_EQ(v.sentence, "GRDP tăng 7,01%.");
  DBL_EQ(v.value, 7.01);
  store_value_clear(&v);
  /* A corrected copy keeps the span, so the same sentence. */
  struct store_edit e = {.has_value = true, .value = 7.1};
  long long nid = 0;
  OK(store_review_edit(st, 1, &e, &nid, &err) == 0);
  INT_EQ(store_fact_get(st, nid, &f, &err), 1);
  STR_EQ(f.sentence, "GRDP tăng 7,01%.");
  store_fact_clear(&f);
  OK(store_check(st, &err) == 0);
  store_close(st);

  /* The column is gone. */
  OK(sqlite3_open(db, &raw) == SQLITE_OK);
  OK(sqlite3_exec(raw, "SELECT sentence FROM facts", NULL, NULL, NULL) !=
     SQLITE_OK);
  sqlite3_close(raw);
}

int main(void) {
  snprintf(dir, sizeof dir, "/tmp/test_store.XXXXXX");
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  test_sha256();
  test_value_parse();
  test_ingest_and_precedence();
  test_import();
  test_open_errors();
  test_migrate_v1();
  char cmd[512];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0)
    fprintf(stderr, "could not remove %s\n", dir);
  return DONE();
}
