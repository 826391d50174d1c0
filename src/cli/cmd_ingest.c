/* cli/cmd_ingest.c - chitieu ingest: extract documents and store their
 * facts, one transaction per document. Folders are walked in sorted order
 * for *.txt files and the documents doc/ reads (.docx, .html, .pdf, told
 * by content); any other document is named with the reason it is skipped.
 * A file already stored (same SHA-256) is skipped before extraction. A
 * progress bar goes to stderr when it is a terminal. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "doc/doc.h"
#include "extract/extract.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/sha256.h"
#include "util/xalloc.h"

static const char usage[] =
    "Usage: chitieu ingest [--locality CODE] [--date YYYY-MM-DD] FILE|DIR...\n"
    "Extract the targets and results of Vietnamese text files and\n"
    "documents (.docx, .html, .pdf) and store them with their source\n"
    "sentences. Folders are searched for *.txt files and documents (sorted\n"
    "by path); any other document (.xlsx, .doc) is named with why it is\n"
    "skipped. Each document is stored whole or not at all;\n"
    "a document stored before (same bytes) is skipped. A fact that\n"
    "several indicators fit, or whose indicator is known and place is\n"
    "not, waits for 'chitieu review'; a figure outside the catalogue is\n"
    "kept and waits for nobody.\n"
    "\n"
    "  --locality CODE the place of the texts that name none (a locality\n"
    "                  code or name of the config)\n"
    "  --date DAY      the date of the texts that carry none (YYYY-MM-DD)\n"
    "A text's own heading block, byline or title wins over both.\n";

struct paths {
  char **v;
  size_t n, cap;
};

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_txt_suffix(const char *name) {
  size_t n = strlen(name);
  return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* Whether a file found in a folder is ingested: a *.txt file, or a
 * document doc/ reads into paragraphs (told by its content). Any other
 * document (a spreadsheet, a legacy .doc, a damaged .docx) is named on
 * stderr with the reason it is skipped; other text files (notes, CSV)
 * are not documents and are left alone, as before. */
static int pick(const char *path) {
  if (has_txt_suffix(path))
    return 1;
  struct buf b = BUF_INIT;
  struct err err;
  err_clear(&err);
  enum doc_format fmt = DOC_TEXT;
  const char *why = NULL;
  /* The first 4 KiB tell every format but a zip's, which needs the zip's
   * directory at its end: only a zip is read whole. */
  char head[4096];
  size_t n = 0;
  FILE *f = fopen(path, "rb");
  if (f) {
    n = fread(head, 1, sizeof head, f);
    fclose(f);
  }
  int zip = n >= 4 && memcmp(head, "PK\3\4", 4) == 0;
  if (!f)
    why = "cannot be read";
  else if (zip && (file_read(path, &b, &err) != 0 ||
                   doc_sniff(path, buf_str(&b), b.len, &fmt, &err) != 0))
    why = err.msg;
  else if (!zip && doc_sniff(path, head, n, &fmt, &err) != 0)
    why = err.msg;
  else if (fmt == DOC_XLSX)
    why = "a spreadsheet: load its figures with 'chitieu import'";
  else if (fmt == DOC_IMAGE)
    why = "an image (a photo or a scanned page?): name it on the command "
          "line to read it by OCR";
  if (why)
    msg_errorf("%s: skipped: %s", path, why);
  buf_free(&b);
  return why == NULL && fmt != DOC_TEXT;
}

/* Add the files under 'dir' that pick() takes to 'out', sorted. Hidden
 * entries are skipped. Returns 0, or -1 after printing why the folder is
 * unreadable. */
static int walk(const char *dir, struct paths *out) {
  DIR *d = opendir(dir);
  if (!d) {
    msg_errorf("%s: cannot read the folder", dir);
    return -1;
  }
  struct paths here = {0};
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    struct buf p = BUF_INIT;
    buf_addf(&p, "%s/%s", dir, e->d_name);
    xgrow((void **)&here.v, &here.cap, here.n + 1, sizeof *here.v);
    here.v[here.n++] = buf_detach(&p);
  }
  closedir(d);
  if (here.n)
    qsort(here.v, here.n, sizeof *here.v, cmp_str);
  int rc = 0;
  for (size_t i = 0; i < here.n; i++) {
    if (file_is_dir(here.v[i])) {
      if (walk(here.v[i], out) != 0)
        rc = -1;
      free(here.v[i]);
    } else if (pick(here.v[i])) {
      xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
      out->v[out->n++] = here.v[i];
    } else {
      free(here.v[i]);
    }
  }
  free(here.v);
  return rc;
}

struct tally {
  long added, stored, failed, facts, resolved, review;
  long same, empty;   /* identical to one added by this run; empty files */
  struct shaset *run; /* the digests this run added */
};

/* A set of SHA-256 hex digests (open addressing on their first bytes). */
struct shaset {
  char (*v)[65]; /* "" = free */
  size_t n, cap;
};

static size_t sha_slot(const struct shaset *s, const char *sha) {
  size_t h = 0;
  for (int i = 0; i < 16; i++)
    h = h * 16 + (size_t)(sha[i] <= '9' ? sha[i] - '0' : sha[i] - 'a' + 10);
  size_t i = h & (s->cap - 1);
  while (s->v[i][0] && strcmp(s->v[i], sha) != 0)
    i = (i + 1) & (s->cap - 1);
  return i;
}

static bool sha_has(const struct shaset *s, const char *sha) {
  return s->cap && s->v[sha_slot(s, sha)][0];
}

static void sha_add(struct shaset *s, const char *sha) {
  if ((s->n + 1) * 2 > s->cap) {
    struct shaset t = {xcalloc(s->cap ? s->cap * 2 : 64, sizeof *t.v), 0,
                       s->cap ? s->cap * 2 : 64};
    for (size_t i = 0; i < s->cap; i++)
      if (s->v[i][0])
        sha_add(&t, s->v[i]);
    free(s->v);
    *s = t;
  }
  size_t i = sha_slot(s, sha);
  if (!s->v[i][0]) {
    memcpy(s->v[i], sha, 65);
    s->n++;
  }
}

/* Does 'b' hold nothing but a BOM and white space? */
static bool blank(const struct buf *b) {
  size_t i = b->len >= 3 && memcmp(b->s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  for (; i < b->len; i++)
    if (!strchr(" \t\r\n\f\v", b->s[i]))
      return false;
  return true;
}

/* Draw "[#####.....] 12/40 name" over the previous bar. */
static void progress(size_t done, size_t total, const char *name) {
  enum { WIDTH = 30 };
  size_t fill = total ? done * WIDTH / total : WIDTH;
  char bar[WIDTH + 1];
  for (size_t i = 0; i < WIDTH; i++)
    bar[i] = i < fill ? '#' : '.';
  bar[WIDTH] = '\0';
  fprintf(stderr, "\r[%s] %zu/%zu %-30.30s", bar, done, total, name);
  fflush(stderr);
}

/* Print 'err', first wiping the progress bar if one is drawn. */
static void report(const struct err *err, bool bar) {
  if (bar)
    fprintf(stderr, "\r%*s\r", 75, "");
  msg_error(err);
}

/* Ingest one file. Returns 0, 1 for a problem with this file only (the
 * next one may be fine), or -1 when the database itself failed. */
static int ingest_one(struct store *st, const struct extract_ctx *ctx,
                      const char *path, bool bar, struct tally *t) {
  struct err err;
  err_clear(&err);
  struct buf b = BUF_INIT;
  if (file_read(path, &b, &err) != 0) {
    report(&err, bar);
    return 1;
  }
  if (blank(&b)) {
    /* nothing to extract, and not worth a row: said, then skipped */
    if (bar)
      fprintf(stderr, "\r%*s\r", 75, "");
    msg_errorf("%s: skipped: empty file", path);
    buf_free(&b);
    t->empty++;
    return 0;
  }
  char sha[65];
  sha256_hex(buf_str(&b), b.len, sha);
  int rc = store_document_exists(st, sha, &err);
  if (rc != 0) {
    buf_free(&b);
    if (rc < 0) {
      report(&err, bar);
      return -1;
    }
    if (sha_has(t->run, sha))
      t->same++;
    else
      t->stored++;
    return 0;
  }
  /* A .docx, .html or .pdf becomes the text of its paragraphs, one a
   * line; the document is known by the SHA-256 of its file. */
  if (doc_text_convert(path, &b, &err) != 0) {
    buf_free(&b);
    report(&err, bar);
    return 1;
  }
  struct extract_doc doc;
  if (extract_text(ctx, file_basename(path), buf_str(&b), b.len, &doc, &err) !=
      0) {
    buf_free(&b);
    /* The extractor names the document by its base name; the user gave
     * a path. */
    if (strcmp(err.file, file_basename(path)) == 0)
      snprintf(err.file, sizeof err.file, "%s", path);
    report(&err, bar);
    return 1;
  }
  buf_free(&b);
  int added = 0;
  rc = store_ingest(st, &doc, path, sha, &added, &err);
  if (rc == 0 && added) {
    t->added++;
    sha_add(t->run, sha);
    for (size_t i = 0; i < doc.facts.n; i++) {
      const struct fact *f = &doc.facts.v[i];
      const char *code = f->locality_code;
      if (!f->locality && !code)
        code = doc.locality_code;
      t->facts++;
      t->resolved += f->indicator && code;
      t->review += store_fact_needs_review(f, code);
    }
  } else if (rc == 0) {
    t->stored++;
  }
  extract_doc_free(&doc);
  if (rc != 0) {
    report(&err, bar);
    return -1;
  }
  return 0;
}

enum { OPT_LOCALITY = OPT_CMD_BASE, OPT_DATE };

/* --locality and --date, for the texts that say neither. */
struct opts {
  struct cli *cli;
  const char *locality;
  int year, month, day;
};

static int handle(void *ud, int opt, const char *arg) {
  struct opts *o = ud;
  if (opt == OPT_LOCALITY) {
    o->locality = arg;
    return 0;
  }
  if (opt == OPT_DATE)
    return cli_date_arg(o->cli, arg, &o->year, &o->month, &o->day);
  return EXIT_USAGE;
}

int cmd_ingest(struct cli *cli, int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_GLOBAL_OPTIONS,
      {"locality", required_argument, NULL, OPT_LOCALITY},
      {"date", required_argument, NULL, OPT_DATE},
      {NULL, 0, NULL, 0}};
  struct opts o = {cli, NULL, 0, 0, 0};
  int rc = EXIT_OK;
  int first = cli_parse(cli, argc, argv, "", longopts, usage, handle, &o, &rc);
  if (first < 0)
    return rc;
  if (first >= argc)
    return msg_usage(cli, "no files or folders given");

  struct paths files = {0};
  for (int i = first; i < argc; i++) {
    if (file_is_dir(argv[i])) {
      if (walk(argv[i], &files) != 0)
        rc = EXIT_FAIL;
    } else {
      xgrow((void **)&files.v, &files.cap, files.n + 1, sizeof *files.v);
      files.v[files.n++] = xstrdup(argv[i]);
    }
  }
  struct config *cfg = cli_config(cli);
  struct extract_ctx *ctx = NULL;
  struct store *st = NULL;
  struct err err;
  err_clear(&err);
  if (!cfg) {
    rc = EXIT_FAIL;
    goto out;
  }
  st = store_open(cli->db, STORE_WRITE, &err);
  if (!st || store_sync_config(st, cfg, &err) != 0) {
    msg_error(&err);
    rc = EXIT_FAIL;
    goto out;
  }
  ctx = extract_ctx_new(cfg);
  if (o.locality && extract_ctx_set_locality(ctx, o.locality) != 0) {
    rc = msg_usage(cli, "--locality: the config knows no locality '%s'",
                   o.locality);
    goto out;
  }
  extract_ctx_set_date(ctx, o.year, o.month, o.day);
  bool bar = !cli->quiet && isatty(STDERR_FILENO);
  struct shaset run = {0};
  struct tally t = {.run = &run};
  for (size_t i = 0; i < files.n; i++) {
    if (bar)
      progress(i, files.n, file_basename(files.v[i]));
    int r = ingest_one(st, ctx, files.v[i], bar, &t);
    if (r != 0)
      rc = EXIT_FAIL;
    if (r < 0)
      break; /* the database failed: the next files would fail too */
  }
  if (bar)
    fprintf(stderr, "\r%*s\r", 75, "");
  /* Files identical to one this run stored are not "already stored":
   * counted apart, and so are empty files. */
  char same[96] = "", empty[64] = "";
  if (t.same && t.stored)
    snprintf(same, sizeof same,
             "%ld already stored, %ld identical to one "
             "already stored",
             t.stored, t.same);
  else if (t.same)
    snprintf(same, sizeof same, "%ld identical to one already stored", t.same);
  else
    snprintf(same, sizeof same, "%ld already stored", t.stored);
  if (t.empty)
    snprintf(empty, sizeof empty, "; %ld empty files skipped", t.empty);
  msg_info(cli,
           "ingested %ld documents (%s), %ld facts: %ld linked to an "
           "indicator and a place, %ld wait for review%s",
           t.added, same, t.facts, t.resolved, t.review, empty);
  free(run.v);
out:
  store_close(st);
  extract_ctx_free(ctx);
  config_free(cfg);
  for (size_t i = 0; i < files.n; i++)
    free(files.v[i]);
  free(files.v);
  return rc;
}
