/* store/schema.c - the database schema as a list of forward migrations.
 *
 * migrations[i] takes a database from schema version i to i + 1 (PRAGMA
 * user_version). A released step is never edited: a change is a new step
 * at the end, and STORE_SCHEMA_VERSION grows with the list. store_open()
 * runs the missing steps in one transaction, so a database is always at
 * one whole version. */
#include "store/store_int.h"

#include <stddef.h>

#define NOW "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

/* Version 1: localities and indicators (synced from config or registered
 * by a CSV import), documents and their facts, imports and entries (CSV
 * and manual figures), and the views that rank every candidate value. */
static const char *const migration_1[] = {
    "CREATE TABLE localities (\n"
    "  code   TEXT PRIMARY KEY,\n"
    "  name   TEXT NOT NULL,\n"
    "  level  TEXT,\n"
    "  parent TEXT,\n"
    "  origin TEXT NOT NULL DEFAULT 'config'\n"
    "         CHECK (origin IN ('config', 'csv'))\n"
    ");\n",

    "CREATE INDEX localities_parent ON localities(parent);\n",

    "CREATE TABLE indicators (\n"
    "  code      TEXT PRIMARY KEY,\n"
    "  name      TEXT NOT NULL,\n"
    "  grp       TEXT,\n"
    "  unit      TEXT,\n"
    "  direction TEXT NOT NULL DEFAULT 'higher'\n"
    "            CHECK (direction IN ('higher', 'lower')),\n"
    "  origin    TEXT NOT NULL DEFAULT 'config'\n"
    "            CHECK (origin IN ('config', 'csv'))\n"
    ");\n",

    "CREATE TABLE documents (\n"
    "  id            INTEGER PRIMARY KEY,\n"
    "  sha256        TEXT NOT NULL UNIQUE,\n"
    "  name          TEXT NOT NULL,\n"
    "  path          TEXT,\n"
    "  text          TEXT NOT NULL,\n"
    "  doc_date      TEXT,\n"
    "  locality      TEXT,\n"
    "  locality_code TEXT REFERENCES localities(code),\n"
    "  ingested_at   TEXT NOT NULL DEFAULT " NOW "\n"
    ");\n",

    "CREATE TABLE facts (\n"
    "  id            INTEGER PRIMARY KEY,\n"
    "  doc_id        INTEGER NOT NULL REFERENCES documents(id),\n"
    "  locality      TEXT,\n"
    "  locality_code TEXT REFERENCES localities(code),\n"
    "  year          INTEGER,\n"
    "  period        TEXT NOT NULL,\n"
    "  period_key    TEXT NOT NULL,\n"
    "  label         TEXT,\n"
    "  indicator     TEXT REFERENCES indicators(code),\n"
    "  kind          TEXT NOT NULL CHECK (kind IN ('actual', 'target',\n"
    "                'plan_pct', 'change_pct', 'change', 'count')),\n"
    "  value         REAL NOT NULL,\n"
    "  of            REAL,\n"
    "  unit          TEXT,\n"
    "  approx        TEXT CHECK (approx IN ('gt', 'lt', 'about')),\n"
    "  estimated     INTEGER NOT NULL DEFAULT 0,\n"
    "  sentence      TEXT NOT NULL,\n"
    "  sent_start    INTEGER NOT NULL,\n"
    "  sent_end      INTEGER NOT NULL,\n"
    "  span_start    INTEGER NOT NULL,\n"
    "  span_end      INTEGER NOT NULL,\n"
    "  status        TEXT NOT NULL DEFAULT 'new' CHECK (status IN\n"
    "                ('new', 'accepted', 'rejected', 'edited')),\n"
    "  supersedes    INTEGER REFERENCES facts(id),\n"
    "  reviewed_at   TEXT,\n"
    "  created_at    TEXT NOT NULL DEFAULT " NOW "\n"
    ");\n",

    "CREATE INDEX facts_doc ON facts(doc_id);\n",

    "CREATE INDEX facts_key ON facts(locality_code, indicator, period_key,\n"
    "                                kind);\n",

    "CREATE TABLE imports (\n"
    "  id          INTEGER PRIMARY KEY,\n"
    "  file        TEXT NOT NULL,\n"
    "  path        TEXT,\n"
    "  sha256      TEXT NOT NULL,\n"
    "  version     INTEGER NOT NULL,\n"
    "  rows        INTEGER NOT NULL,\n"
    "  entries     INTEGER NOT NULL,\n"
    "  imported_at TEXT NOT NULL DEFAULT " NOW ",\n"
    "  UNIQUE (file, version)\n"
    ");\n",

    "CREATE TABLE entries (\n"
    "  id            INTEGER PRIMARY KEY,\n"
    "  locality_code TEXT NOT NULL REFERENCES localities(code),\n"
    "  indicator     TEXT NOT NULL REFERENCES indicators(code),\n"
    "  period        TEXT NOT NULL,\n"
    "  period_key    TEXT NOT NULL,\n"
    "  kind          TEXT NOT NULL CHECK (kind IN ('target', 'actual')),\n"
    "  value         REAL NOT NULL,\n"
    "  source        TEXT NOT NULL CHECK (source IN ('manual', 'csv')),\n"
    "  import_id     INTEGER REFERENCES imports(id),\n"
    "  line          INTEGER,\n"
    "  note          TEXT,\n"
    /* CSV rows leave it NULL: their time is imports.imported_at. */
    "  created_at    TEXT DEFAULT " NOW ",\n"
    "  superseded    INTEGER NOT NULL DEFAULT 0,\n"
    "  superseded_by INTEGER,\n"
    "  CHECK ((source = 'csv') = (import_id IS NOT NULL))\n"
    ");\n",

    "CREATE INDEX entries_key ON entries(locality_code, indicator,\n"
    "                                    period_key, kind);\n",

    /* No index on import_id: only a re-import looks rows up by it, and
     * one scan then costs less than keeping the index on every insert. */

    /* Every candidate value of every key, ranked: 1 manual, 2 CSV,
     * 3 accepted fact, 4 extracted fact. Rejected and edited facts and
     * superseded entries stay visible here with superseded = 1. */
    "CREATE VIEW candidates AS\n"
    "SELECT 'manual' AS source, 1 AS rank, e.id AS id,\n"
    "       e.locality_code AS locality, e.indicator AS indicator,\n"
    "       e.period AS period, e.period_key AS period_key, e.kind AS kind,\n"
    "       e.value AS value, 0 AS estimated, NULL AS approx, NULL AS doc,\n"
    "       0 AS line, 0 AS version, e.note AS sentence,\n"
    "       e.created_at AS at, '' AS status, e.superseded AS superseded,\n"
    "       '' AS doc_date\n"
    "  FROM entries e WHERE e.source = 'manual'\n"
    "UNION ALL\n"
    "SELECT 'csv', 2, e.id, e.locality_code, e.indicator, e.period,\n"
    "       e.period_key, e.kind, e.value, 0, NULL, i.file, e.line,\n"
    "       i.version, e.note, i.imported_at, '', e.superseded, ''\n"
    "  FROM entries e JOIN imports i ON i.id = e.import_id\n"
    " WHERE e.source = 'csv'\n"
    "UNION ALL\n"
    "SELECT 'fact', CASE f.status WHEN 'new' THEN 4 ELSE 3 END, f.id,\n"
    "       f.locality_code, f.indicator, f.period, f.period_key, f.kind,\n"
    "       f.value, f.estimated, f.approx, d.name, 0, 0, f.sentence,\n"
    "       d.ingested_at, f.status, f.status IN ('rejected', 'edited'),\n"
    "       coalesce(d.doc_date, '')\n"
    "  FROM facts f JOIN documents d ON d.id = f.doc_id\n"
    " WHERE f.locality_code IS NOT NULL AND f.indicator IS NOT NULL;\n",

    /* The current value of every key: the best candidate still standing.
     * Within a rank the source's own period wins over a year-to-date
     * equivalent ("2024" over "2024-Q4"), then the newest document
     * (its own date, then ingest order), then the newest row. */
    "CREATE VIEW current_values AS\n"
    "SELECT * FROM (\n"
    "  SELECT c.*, row_number() OVER (\n"
    "           PARTITION BY locality, indicator, period_key, kind\n"
    "           ORDER BY rank, period = period_key DESC, doc_date DESC,\n"
    "                    id DESC) AS pick\n"
    "    FROM candidates c WHERE superseded = 0)\n"
    " WHERE pick = 1;\n",
    NULL};

/* Version 2: the facts table rebuilt (store_open runs migrations with
 * foreign keys off and checks them before committing).
 * - A fact no longer stores its sentence: it is the bytes [sent_start,
 *   sent_end) of its document's text, which the document row holds
 *   already; storing it again tripled what an ingest writes. The views cut
 *   it out of the text, so every query reads the same as in version 1.
 * - Its CHECKs compare with '=' and OR instead of IN (...): SQLite builds
 *   a temporary table for an IN list of more than two values each time the
 *   INSERT runs, which cost more than the rest of storing the fact. */
static const char *const migration_2[] = {
    "CREATE TABLE facts_v2 (\n"
    "  id            INTEGER PRIMARY KEY,\n"
    "  doc_id        INTEGER NOT NULL REFERENCES documents(id),\n"
    "  locality      TEXT,\n"
    "  locality_code TEXT REFERENCES localities(code),\n"
    "  year          INTEGER,\n"
    "  period        TEXT NOT NULL,\n"
    "  period_key    TEXT NOT NULL,\n"
    "  label         TEXT,\n"
    "  indicator     TEXT REFERENCES indicators(code),\n"
    "  kind          TEXT NOT NULL CHECK (kind = 'actual' OR\n"
    "                kind = 'target' OR kind = 'plan_pct' OR\n"
    "                kind = 'change_pct' OR kind = 'change' OR\n"
    "                kind = 'count'),\n"
    "  value         REAL NOT NULL,\n"
    "  of            REAL,\n"
    "  unit          TEXT,\n"
    "  approx        TEXT CHECK (approx = 'gt' OR approx = 'lt' OR\n"
    "                approx = 'about'),\n"
    "  estimated     INTEGER NOT NULL DEFAULT 0,\n"
    "  sent_start    INTEGER NOT NULL,\n"
    "  sent_end      INTEGER NOT NULL,\n"
    "  span_start    INTEGER NOT NULL,\n"
    "  span_end      INTEGER NOT NULL,\n"
    "  status        TEXT NOT NULL DEFAULT 'new' CHECK (status = 'new' OR\n"
    "                status = 'accepted' OR status = 'rejected' OR\n"
    "                status = 'edited'),\n"
    "  supersedes    INTEGER REFERENCES facts(id),\n"
    "  reviewed_at   TEXT,\n"
    "  created_at    TEXT NOT NULL DEFAULT " NOW "\n"
    ");\n",

    "INSERT INTO facts_v2 (id, doc_id, locality, locality_code, year,\n"
    "  period, period_key, label, indicator, kind, value, of, unit, approx,\n"
    "  estimated, sent_start, sent_end, span_start, span_end, status,\n"
    "  supersedes, reviewed_at, created_at)\n"
    "SELECT id, doc_id, locality, locality_code, year, period, period_key,\n"
    "  label, indicator, kind, value, of, unit, approx, estimated,\n"
    "  sent_start, sent_end, span_start, span_end, status, supersedes,\n"
    "  reviewed_at, created_at FROM facts;\n",

    "DROP VIEW current_values;\n", "DROP VIEW candidates;\n",
    "DROP TABLE facts;\n", "ALTER TABLE facts_v2 RENAME TO facts;\n",
    "CREATE INDEX facts_doc ON facts(doc_id);\n",
    "CREATE INDEX facts_key ON facts(locality_code, indicator, period_key,\n"
    "                                kind);\n",

    /* Version 1's views, with the fact's sentence cut out of the text
     * (byte offsets, hence the BLOB casts). */
    "CREATE VIEW candidates AS\n"
    "SELECT 'manual' AS source, 1 AS rank, e.id AS id,\n"
    "       e.locality_code AS locality, e.indicator AS indicator,\n"
    "       e.period AS period, e.period_key AS period_key, e.kind AS kind,\n"
    "       e.value AS value, 0 AS estimated, NULL AS approx, NULL AS doc,\n"
    "       0 AS line, 0 AS version, e.note AS sentence,\n"
    "       e.created_at AS at, '' AS status, e.superseded AS superseded,\n"
    "       '' AS doc_date\n"
    "  FROM entries e WHERE e.source = 'manual'\n"
    "UNION ALL\n"
    "SELECT 'csv', 2, e.id, e.locality_code, e.indicator, e.period,\n"
    "       e.period_key, e.kind, e.value, 0, NULL, i.file, e.line,\n"
    "       i.version, e.note, i.imported_at, '', e.superseded, ''\n"
    "  FROM entries e JOIN imports i ON i.id = e.import_id\n"
    " WHERE e.source = 'csv'\n"
    "UNION ALL\n"
    "SELECT 'fact', CASE f.status WHEN 'new' THEN 4 ELSE 3 END, f.id,\n"
    "       f.locality_code, f.indicator, f.period, f.period_key, f.kind,\n"
    "       f.value, f.estimated, f.approx, d.name, 0, 0,\n"
    "       CAST(substr(CAST(d.text AS BLOB), f.sent_start + 1,\n"
    "                   max(f.sent_end - f.sent_start, 0)) AS TEXT),\n"
    "       d.ingested_at, f.status, f.status IN ('rejected', 'edited'),\n"
    "       coalesce(d.doc_date, '')\n"
    "  FROM facts f JOIN documents d ON d.id = f.doc_id\n"
    " WHERE f.locality_code IS NOT NULL AND f.indicator IS NOT NULL;\n",

    "CREATE VIEW current_values AS\n"
    "SELECT * FROM (\n"
    "  SELECT c.*, row_number() OVER (\n"
    "           PARTITION BY locality, indicator, period_key, kind\n"
    "           ORDER BY rank, period = period_key DESC, doc_date DESC,\n"
    "                    id DESC) AS pick\n"
    "    FROM candidates c WHERE superseded = 0)\n"
    " WHERE pick = 1;\n",
    NULL};

/* Version 3: a fact keeps the indicators that fitted it equally
 * ('candidates', space-separated codes), whose plan it is ('plan_of') and
 * whether it waits for review ('review', see store_fact_needs_review).
 * The facts stored before keep the queue version 2 gave them. */
static const char *const migration_3[] = {
    "ALTER TABLE facts ADD COLUMN candidates TEXT;\n",
    "ALTER TABLE facts ADD COLUMN plan_of TEXT CHECK (plan_of = 'trung_uong'\n"
    "  OR plan_of = 'tinh' OR plan_of = 'huyen' OR plan_of = 'hdnd' OR\n"
    "  plan_of = 'nghi_quyet');\n",
    "ALTER TABLE facts ADD COLUMN review INTEGER NOT NULL DEFAULT 0;\n",
    "UPDATE facts SET review = 1\n"
    " WHERE indicator IS NULL OR locality_code IS NULL;\n",
    NULL};

static const char *const *const migrations[] = {migration_1, migration_2,
                                                migration_3};

/* The build must agree with itself: one step per schema version. */
_Static_assert(sizeof migrations / sizeof migrations[0] == STORE_SCHEMA_VERSION,
               "one migration per schema version");

const char *const *store_migration(int from) {
  if (from < 0 || from >= STORE_SCHEMA_VERSION)
    return NULL;
  return migrations[from];
}
