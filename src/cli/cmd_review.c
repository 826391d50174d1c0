/* cli/cmd_review.c - chitieu review: list the facts whose indicator or
 * locality could not be resolved, and settle them one by one. Accepting
 * or rejecting sets a status; a correction is a new row and the old one
 * is kept (see store/review.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/store.h"
#include "text/period.h"
#include "text/text.h"
#include "util/buf.h"

static const char usage[] =
    "Usage: chitieu review\n"
    "       chitieu review accept ID [--indicator CODE] [--locality CODE]\n"
    "       chitieu review reject ID\n"
    "       chitieu review edit ID [--value X] [--indicator CODE]\n"
    "                              [--locality CODE] [--period P] [--kind K]\n"
    "Without a subcommand, list the facts waiting for review (several\n"
    "indicators fit them, or their indicator is known and their place is\n"
    "not): id, document, label, value, unit, locality, the indicator or\n"
    "the candidates ('a|b?'), and the start of the sentence. 'accept'\n"
    "takes a fact as it is, or with the codes\n"
    "given; 'reject' drops it from every report; 'edit' stores a corrected\n"
    "copy that supersedes it. Nothing is deleted.\n"
    "\n"
    "  --indicator CODE  the catalogue code the fact is about\n"
    "  --locality CODE   the locality the fact is about: a code, or a name\n"
    "                    ('chitieu localities')\n"
    "  --value X         the corrected number (7,01 or 7.01)\n"
    "  --period P        2024, 2024-Q3, 2024-H1, 2024-9M, 2021-2025, ...\n"
    "  --kind K          actual, target, plan_pct, change_pct, change, count\n";

enum {
  OPT_INDICATOR = OPT_CMD_BASE,
  OPT_LOCALITY,
  OPT_VALUE,
  OPT_PERIOD,
  OPT_KIND
};

struct opts {
  struct cli *cli;
  struct store_edit edit;
  const char *operand[3];
  int n_operands;
};

static int handle(void *ud, int opt, const char *arg) {
  struct opts *o = ud;
  struct period p;
  switch (opt) {
  case OPT_INDICATOR:
    o->edit.indicator = arg;
    return 0;
  case OPT_LOCALITY:
    o->edit.locality = arg;
    return 0;
  case OPT_VALUE:
    if (store_value_parse(arg, &o->edit.value) != 0)
      return msg_usage(o->cli, "not a number: '%s'", arg);
    o->edit.has_value = true;
    return 0;
  case OPT_PERIOD:
    if (period_parse(arg, &p) != 0)
      return msg_usage(o->cli, "bad period '%s'", arg);
    o->edit.period = arg;
    return 0;
  case OPT_KIND:
    if (cli_kind_arg(o->cli, arg, &o->edit.kind) != 0)
      return EXIT_USAGE;
    o->edit.has_kind = true;
    return 0;
  default:
    return EXIT_USAGE;
  }
}

/* Options may come before, between or after the operands. Returns -1
 * when parsing went through, else the exit code. */
static int parse(struct cli *cli, int argc, char **argv, struct opts *o) {
  static const struct option longopts[] = {
      CLI_GLOBAL_OPTIONS,
      {"indicator", required_argument, NULL, OPT_INDICATOR},
      {"locality", required_argument, NULL, OPT_LOCALITY},
      {"value", required_argument, NULL, OPT_VALUE},
      {"period", required_argument, NULL, OPT_PERIOD},
      {"kind", required_argument, NULL, OPT_KIND},
      {NULL, 0, NULL, 0}};
  return cli_parse_operands(cli, argc, argv, "", longopts, usage, handle, o,
                            o->operand, 3, &o->n_operands);
}

/* The first 'max' characters of 's' on one line, with "…" if cut. */
static void excerpt(struct buf *out, const char *s, size_t max) {
  size_t n = 0;
  for (const char *p = s; *p; n++) {
    int cp;
    int len = text_utf8_decode(p, strlen(p), &cp);
    if (n == max) {
      buf_adds(out, "…");
      return;
    }
    if (*p == '\n' || *p == '\t')
      buf_addc(out, ' ');
    else
      buf_add(out, p, (size_t)len);
    p += len;
  }
}

static int list(struct store *st) {
  struct store_fact_list l;
  struct err err;
  err_clear(&err);
  if (store_review_list(st, &l, &err) != 0) {
    msg_error(&err);
    return EXIT_FAIL;
  }
  struct buf out = BUF_INIT;
  if (l.n)
    buf_adds(&out,
             "id\tdoc\tlabel\tvalue\tunit\tlocality\tindicator\tsentence\n");
  for (size_t i = 0; i < l.n; i++) {
    const struct store_fact *f = &l.v[i];
    char num[64];
    text_number_format(num, sizeof num, f->value, -1);
    buf_addf(&out, "%lld\t%s\t%s\t%s\t%s\t%s\t", f->id, f->doc,
             f->label ? f->label : "", num, f->unit ? f->unit : "",
             f->locality_code ? f->locality_code
             : f->locality    ? f->locality
                              : "?");
    if (f->indicator) {
      buf_adds(&out, f->indicator);
    } else if (f->candidates) { /* "grdp_growth|grdp_current?" */
      for (const char *c = f->candidates; *c; c++)
        buf_addc(&out, *c == ' ' ? '|' : *c);
      buf_addc(&out, '?');
    } else {
      buf_addc(&out, '-');
    }
    buf_addc(&out, '\t');
    excerpt(&out, f->sentence ? f->sentence : "", 70);
    buf_addc(&out, '\n');
  }
  int rc = EXIT_OK;
  if (out.len && fwrite(out.s, 1, out.len, stdout) != out.len)
    rc = EXIT_FAIL;
  if (fflush(stdout) != 0)
    rc = EXIT_FAIL;
  if (rc != EXIT_OK)
    msg_errorf("writing output failed");
  buf_free(&out);
  store_fact_list_free(&l);
  return rc;
}

static int act(struct cli *cli, struct store *st, const struct opts *o) {
  const char *what = o->operand[0];
  char *end = NULL;
  long long id = o->n_operands == 2 ? strtoll(o->operand[1], &end, 10) : 0;
  if (o->n_operands != 2 || !end || *end || id <= 0)
    return msg_usage(cli, "'review %s' needs a fact ID", what);
  struct err err;
  err_clear(&err);
  long long new_id = id;
  int rc;
  bool any = o->edit.indicator || o->edit.locality || o->edit.period ||
             o->edit.has_value || o->edit.has_kind;
  if (strcmp(what, "accept") == 0) {
    if (o->edit.period || o->edit.has_value || o->edit.has_kind)
      return msg_usage(cli, "accept takes only --indicator and --locality; "
                            "use 'review edit' to change more");
    rc = store_review_accept(st, id, &o->edit, &new_id, &err);
  } else if (strcmp(what, "reject") == 0) {
    if (any)
      return msg_usage(cli, "reject takes no options");
    rc = store_review_reject(st, id, &err);
  } else if (strcmp(what, "edit") == 0) {
    if (!any)
      return msg_usage(cli, "edit needs --value, --indicator, --locality, "
                            "--period or --kind");
    rc = store_review_edit(st, id, &o->edit, &new_id, &err);
  } else {
    return msg_usage(cli, "unknown subcommand '%s' (accept, reject, edit)",
                     what);
  }
  if (rc != 0) {
    msg_error(&err);
    return EXIT_FAIL;
  }
  if (new_id != id)
    msg_info(cli, "fact %lld %s as fact %lld", id,
             strcmp(what, "edit") == 0 ? "corrected" : "accepted", new_id);
  else
    msg_info(cli, "fact %lld %s", id,
             strcmp(what, "reject") == 0 ? "rejected" : "accepted");
  return EXIT_OK;
}

int cmd_review(struct cli *cli, int argc, char **argv) {
  struct opts o = {.cli = cli};
  int rc = parse(cli, argc, argv, &o);
  if (rc >= 0)
    return rc;
  bool listing = o.n_operands == 0;
  if (listing && (o.edit.indicator || o.edit.locality || o.edit.period ||
                  o.edit.has_value || o.edit.has_kind))
    return msg_usage(cli, "options need a subcommand (accept, reject, edit)");
  struct config *cfg = NULL;
  char loc_code[64];
  struct err err;
  err_clear(&err);
  struct store *st = NULL;
  if (listing) {
    st = store_open(cli->db, STORE_READ, &err);
  } else {
    /* Codes given to accept and edit are checked against the config. */
    cfg = cli_config(cli);
    if (!cfg)
      return EXIT_FAIL;
    /* --locality: a code, or a name or gazetteer unit (added to cfg, and
     * so registered by store_sync_config, if not configured) */
    if (o.edit.locality) {
      rc = cli_locality_option(cli, cfg, o.edit.locality,
                               cli_period_date(o.edit.period), loc_code,
                               sizeof loc_code);
      if (rc != EXIT_OK) {
        config_free(cfg);
        return rc;
      }
      o.edit.locality = loc_code;
    }
    st = store_open(cli->db, STORE_WRITE, &err);
    if (st && store_sync_config(st, cfg, &err) != 0) {
      store_close(st);
      st = NULL;
    }
  }
  if (!st) {
    msg_error(&err);
    config_free(cfg);
    return EXIT_FAIL;
  }
  rc = listing ? list(st) : act(cli, st, &o);
  store_close(st);
  config_free(cfg);
  return rc;
}
