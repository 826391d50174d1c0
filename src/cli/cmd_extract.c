/* cli/cmd_extract.c - chitieu extract: print the facts found in text files,
 * one per line, without touching the database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "extract/extract.h"
#include "extract/format.h"
#include "util/buf.h"

static const char usage[] =
    "Usage: chitieu extract [--format jsonl|tsv|text] [--no-config] FILE...\n"
    "Print the targets and results found in Vietnamese text files, one fact\n"
    "per line. Nothing is stored (see 'chitieu ingest').\n"
    "\n"
    "  --format FMT    jsonl (default): one JSON object a line with doc,\n"
    "                  locality, year, period, label, indicator, kind, value,\n"
    "                  of, unit, approx, estimated, sentence, span;\n"
    "                  tsv: the same fields tab-separated with a header;\n"
    "                  text: a line for people to read\n"
    "  --no-config     do not resolve labels and places against the config\n"
    "\n"
    "Files must be UTF-8 (with or without BOM; NFC or NFD; LF or CRLF).\n";

enum { OPT_FORMAT = OPT_CMD_BASE, OPT_NO_CONFIG };

struct opts {
  struct cli *cli;
  enum extract_format fmt;
  int no_config;
};

static int handle(void *ud, int opt, const char *arg) {
  struct opts *o = ud;
  if (opt == OPT_FORMAT) {
    if (extract_format_parse(arg, &o->fmt) != 0)
      return msg_usage(o->cli, "unknown format '%s' (jsonl, tsv or text)",
                       arg);
    return 0;
  }
  if (opt == OPT_NO_CONFIG) {
    o->no_config = 1;
    return 0;
  }
  return EXIT_USAGE;
}

int cmd_extract(struct cli *cli, int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_GLOBAL_OPTIONS,
      {"format", required_argument, NULL, OPT_FORMAT},
      {"no-config", no_argument, NULL, OPT_NO_CONFIG},
      {NULL, 0, NULL, 0}};
  struct opts o = {cli, EXTRACT_JSONL, 0};
  int rc = EXIT_OK;
  int first = cli_parse(cli, argc, argv, "", longopts, usage, handle, &o, &rc);
  if (first < 0)
    return rc;
  if (first >= argc)
    return msg_usage(cli, "no input files");

  struct config *cfg = NULL;
  if (!o.no_config) {
    cfg = cli_config(cli);
    if (!cfg)
      return EXIT_FAIL;
  }
  struct extract_ctx *ctx = extract_ctx_new(cfg);
  struct buf out = BUF_INIT;
  if (o.fmt == EXTRACT_TSV)
    extract_format_header(&out, o.fmt);
  for (int i = first; i < argc; i++) {
    struct extract_doc doc;
    struct err err;
    err_clear(&err);
    if (extract_file(ctx, argv[i], &doc, &err) != 0) {
      msg_error(&err);
      rc = EXIT_FAIL;
      continue;
    }
    for (size_t k = 0; k < doc.facts.n; k++) {
      extract_format_fact(&out, o.fmt, &doc, &doc.facts.v[k]);
      /* write as we go: a big document's JSON is several times its size */
      if (out.len >= 64 * 1024) {
        if (fwrite(out.s, 1, out.len, stdout) != out.len) {
          msg_errorf("writing output failed");
          rc = EXIT_FAIL;
        }
        buf_reset(&out);
      }
    }
    if (out.len && fwrite(out.s, 1, out.len, stdout) != out.len) {
      msg_errorf("writing output failed");
      rc = EXIT_FAIL;
    }
    buf_reset(&out);
    extract_doc_free(&doc);
  }
  buf_free(&out);
  extract_ctx_free(ctx);
  config_free(cfg);
  if (fflush(stdout) != 0) {
    msg_errorf("writing output failed");
    rc = EXIT_FAIL;
  }
  return rc;
}
