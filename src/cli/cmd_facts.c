/* cli/cmd_facts.c - chitieu facts: the current value of every key that
 * matches, with its source; or, with --history, every candidate of one key
 * with the winner marked. Output as a table, CSV or JSON on stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/store.h"
#include "text/period.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/json.h"

static const char usage[] =
    "Usage: chitieu facts [--locality CODE [--children]] [--indicator CODE]\n"
    "                     [--group G] [--period P] [--kind K]\n"
    "                     [--format table|csv|json]\n"
    "       chitieu facts --history LOCALITY INDICATOR PERIOD [--kind K]\n"
    "List the current value of each (locality, indicator, period, kind)\n"
    "with its source. Sources rank: manual entry > CSV import > accepted\n"
    "fact > extracted fact (newest document first). Year-to-date periods\n"
    "match: 2024-H1 = 2024-Q2, 2024-9M = 2024-Q3, 2024-Q4 = 2024.\n"
    "\n"
    "  --locality CODE   one locality (a code, or a name: 'Mường Lay') ...\n"
    "  --children        ... and every locality below it\n"
    "  --indicator CODE  one indicator\n"
    "  --group G         the indicators of one group (\"Kinh tế\", ...)\n"
    "  --period P        one period\n"
    "  --kind K          target, actual, plan_pct, change_pct, ...\n"
    "  --format F        table (default), csv or json\n"
    "  --history         every candidate of one key, superseded ones too;\n"
    "                    '*' marks the value reports use\n";

enum {
  OPT_LOCALITY = OPT_CMD_BASE,
  OPT_CHILDREN,
  OPT_INDICATOR,
  OPT_GROUP,
  OPT_PERIOD,
  OPT_KIND,
  OPT_FORMAT,
  OPT_HISTORY
};

enum format { FMT_TABLE, FMT_CSV, FMT_JSON };

struct opts {
  struct cli *cli;
  struct store_query q;
  enum format fmt;
  bool history;
  const char *operand[3];
  int n_operands;
};

static int handle(void *ud, int opt, const char *arg) {
  struct opts *o = ud;
  struct period p;
  switch (opt) {
  case OPT_LOCALITY:
    o->q.locality = arg;
    return 0;
  case OPT_CHILDREN:
    o->q.children = true;
    return 0;
  case OPT_INDICATOR:
    o->q.indicator = arg;
    return 0;
  case OPT_GROUP:
    o->q.group = arg;
    return 0;
  case OPT_PERIOD:
    if (period_parse(arg, &p) != 0)
      return msg_usage(o->cli, "bad period '%s'", arg);
    o->q.period = arg;
    return 0;
  case OPT_KIND:
    if (cli_kind_arg(o->cli, arg, &o->q.kind) != 0)
      return EXIT_USAGE;
    o->q.has_kind = true;
    return 0;
  case OPT_FORMAT:
    if (strcmp(arg, "table") == 0)
      o->fmt = FMT_TABLE;
    else if (strcmp(arg, "csv") == 0)
      o->fmt = FMT_CSV;
    else if (strcmp(arg, "json") == 0)
      o->fmt = FMT_JSON;
    else
      return msg_usage(o->cli, "unknown format '%s' (table, csv or json)", arg);
    return 0;
  case OPT_HISTORY:
    o->history = true;
    return 0;
  default:
    return EXIT_USAGE;
  }
}

static int parse(struct cli *cli, int argc, char **argv, struct opts *o) {
  static const struct option longopts[] = {
      CLI_GLOBAL_OPTIONS,
      {"locality", required_argument, NULL, OPT_LOCALITY},
      {"children", no_argument, NULL, OPT_CHILDREN},
      {"indicator", required_argument, NULL, OPT_INDICATOR},
      {"group", required_argument, NULL, OPT_GROUP},
      {"period", required_argument, NULL, OPT_PERIOD},
      {"kind", required_argument, NULL, OPT_KIND},
      {"format", required_argument, NULL, OPT_FORMAT},
      {"history", no_argument, NULL, OPT_HISTORY},
      {NULL, 0, NULL, 0}};
  return cli_parse_operands(cli, argc, argv, "", longopts, usage, handle, o,
                            o->operand, 3, &o->n_operands);
}

/* Where a value comes from, for people: "d.csv:12 (v2)", "bc.txt",
 * "manual". */
static void source_ref(struct buf *out, const struct store_row *r) {
  if (strcmp(r->source, "csv") == 0)
    buf_addf(out, "%s:%ld (v%d)", r->doc ? r->doc : "?", r->line, r->version);
  else if (r->doc)
    buf_adds(out, r->doc);
  else
    buf_adds(out, r->source);
}

/* A CSV field, quoted when it needs to be. */
static void csv_field(struct buf *out, const char *s) {
  if (!s)
    return;
  if (!strpbrk(s, ",\"\n\r")) {
    buf_adds(out, s);
    return;
  }
  buf_addc(out, '"');
  for (; *s; s++) {
    if (*s == '"')
      buf_addc(out, '"');
    buf_addc(out, *s);
  }
  buf_addc(out, '"');
}

static const char *kind_str(enum fact_kind k) { return fact_kind_name(k); }

/* A fact's review status (new, accepted, rejected, edited), or for an
 * entry "active" or "superseded". */
static const char *status_str(const struct store_row *r) {
  if (r->status[0])
    return r->status;
  return r->superseded ? "superseded" : "active";
}

/* A value in CSV and JSON: json_number, the one number writer of the
 * JSON outputs (extract's too): whole numbers as digits ("1100"), others
 * as the shortest decimal that reads back the same ("7.01", "0.68"). */
static void put_number(struct buf *out, double v) { json_number(out, v); }

static void put_csv(struct buf *out, const struct store_rows *rows,
                    bool history) {
  buf_adds(out, history ? "winner,status," : "");
  buf_adds(out, "locality,indicator,period,kind,value,source,doc,line,"
                "version,note\n");
  for (size_t i = 0; i < rows->n; i++) {
    const struct store_row *r = &rows->v[i];
    if (history)
      buf_addf(out, "%s,%s,", r->winner ? "*" : "", status_str(r));
    buf_addf(out, "%s,%s,%s,%s,", r->locality, r->indicator, r->period,
             kind_str(r->kind));
    put_number(out, r->value);
    buf_addf(out, ",%s,", r->source);
    csv_field(out, r->doc);
    buf_addf(out, ",%ld,%d,", r->line, r->version);
    csv_field(out, strcmp(r->source, "fact") ? r->sentence : NULL);
    buf_addc(out, '\n');
  }
}

static void put_json(struct buf *out, const struct store_rows *rows,
                     bool history) {
  buf_adds(out, "[");
  for (size_t i = 0; i < rows->n; i++) {
    const struct store_row *r = &rows->v[i];
    buf_adds(out, i ? ",\n {" : "\n {");
    buf_adds(out, "\"locality\": ");
    json_string_or_null(out, r->locality);
    buf_adds(out, ", \"indicator\": ");
    json_string_or_null(out, r->indicator);
    buf_adds(out, ", \"period\": ");
    json_string_or_null(out, r->period);
    buf_addf(out, ", \"kind\": \"%s\", \"value\": ", kind_str(r->kind));
    put_number(out, r->value);
    buf_addf(out, ", \"estimated\": %s, \"source\": \"%s\", \"doc\": ",
             r->estimated ? "true" : "false", r->source);
    json_string_or_null(out, r->doc);
    buf_addf(out, ", \"line\": %ld, \"version\": %d, \"id\": %lld", r->line,
             r->version, r->id);
    buf_adds(out, ", \"text\": ");
    json_string_or_null(out, r->sentence);
    if (history)
      buf_addf(out, ", \"winner\": %s, \"status\": \"%s\"",
               r->winner ? "true" : "false", status_str(r));
    buf_adds(out, "}");
  }
  buf_adds(out, rows->n ? "\n]\n" : "]\n");
}

static void put_table(struct buf *out, const struct store_rows *rows,
                      bool history) {
  for (size_t i = 0; i < rows->n; i++) {
    const struct store_row *r = &rows->v[i];
    char num[64];
    text_number_format(num, sizeof num, r->value, -1);
    if (history)
      buf_addf(out, "%s %-10s ", r->winner ? "*" : " ", status_str(r));
    buf_addf(out, "%-16s %-20s %-9s %-10s %14s  %-6s ", r->locality,
             r->indicator, r->period, kind_str(r->kind), num, r->source);
    source_ref(out, r);
    if (history && r->sentence && strcmp(r->source, "fact") != 0)
      buf_addf(out, "  \"%s\"", r->sentence);
    buf_addc(out, '\n');
  }
}

int cmd_facts(struct cli *cli, int argc, char **argv) {
  struct opts o = {.cli = cli};
  int rc = parse(cli, argc, argv, &o);
  if (rc >= 0)
    return rc;
  if (o.history && o.n_operands != 3)
    return msg_usage(cli, "--history needs LOCALITY INDICATOR PERIOD");
  if (!o.history && o.n_operands)
    return msg_usage(cli, "unexpected argument '%s'", o.operand[0]);
  if (o.history && o.operand[2]) {
    struct period p;
    if (period_parse(o.operand[2], &p) != 0)
      return msg_usage(cli, "bad period '%s'", o.operand[2]);
  }
  /* a locality by name ("Mường Lay", "Châu Thành, Tiền Giang"); a code
   * is taken as it is, the store knowing codes the configuration lacks */
  char loc_code[64], hist_code[64];
  if (o.q.locality && !cli_is_code(o.q.locality)) {
    rc = cli_locality_lookup(cli, o.q.locality, cli_period_date(o.q.period),
                             loc_code, sizeof loc_code);
    if (rc != EXIT_OK)
      return rc;
    o.q.locality = loc_code;
  }
  if (o.history && !cli_is_code(o.operand[0])) {
    rc = cli_locality_lookup(cli, o.operand[0], cli_period_date(o.operand[2]),
                             hist_code, sizeof hist_code);
    if (rc != EXIT_OK)
      return rc;
    o.operand[0] = hist_code;
  }
  struct err err;
  err_clear(&err);
  struct store *st = store_open(cli->db, STORE_READ, &err);
  if (!st) {
    msg_error(&err);
    return EXIT_FAIL;
  }
  /* a mistyped locality, indicator or group lists nothing: say so, and
   * what it nearly spells */
  if (store_filter_check(st, o.history ? o.operand[0] : o.q.locality,
                         o.history ? o.operand[1] : o.q.indicator,
                         o.history ? NULL : o.q.group, &err) != 0) {
    msg_error(&err);
    store_close(st);
    return EXIT_FAIL;
  }
  struct store_rows rows;
  if (o.history)
    rc = store_history(st, o.operand[0], o.operand[1], o.operand[2], o.q.kind,
                       !o.q.has_kind, &rows, &err);
  else
    rc = store_values_list(st, &o.q, &rows, &err);
  store_close(st);
  if (rc != 0) {
    msg_error(&err);
    store_rows_free(&rows);
    return EXIT_FAIL;
  }
  struct buf out = BUF_INIT;
  if (o.fmt == FMT_CSV)
    put_csv(&out, &rows, o.history);
  else if (o.fmt == FMT_JSON)
    put_json(&out, &rows, o.history);
  else
    put_table(&out, &rows, o.history);
  rc = EXIT_OK;
  if (out.len && fwrite(out.s, 1, out.len, stdout) != out.len)
    rc = EXIT_FAIL;
  if (fflush(stdout) != 0)
    rc = EXIT_FAIL;
  if (rc != EXIT_OK)
    msg_errorf("writing output failed");
  buf_free(&out);
  store_rows_free(&rows);
  return rc;
}
