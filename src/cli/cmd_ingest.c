/* cli/cmd_ingest.c - chitieu ingest: extract text files and store their
 * facts, one transaction per document. Folders are walked for *.txt files
 * in sorted order; a file already stored (same SHA-256) is skipped before
 * extraction. A progress bar goes to stderr when it is a terminal. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "extract/extract.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/sha256.h"
#include "util/xalloc.h"

static const char usage[] =
    "Usage: chitieu ingest FILE|DIR...\n"
    "Extract the targets and results of Vietnamese text files and store\n"
    "them with their source sentences. Folders are searched for *.txt\n"
    "files (sorted by path). Each document is stored whole or not at all;\n"
    "a document stored before (same bytes) is skipped. Facts whose\n"
    "indicator or locality is unknown wait for 'chitieu review'.\n";

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

/* Add the *.txt files under 'dir' to 'out', sorted. Hidden entries are
 * skipped. Returns 0, or -1 after printing why the folder is unreadable. */
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
    } else if (has_txt_suffix(here.v[i])) {
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
  long added, stored, failed, facts, resolved;
};

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
  char sha[65];
  sha256_hex(buf_str(&b), b.len, sha);
  int rc = store_document_exists(st, sha, &err);
  if (rc != 0) {
    buf_free(&b);
    if (rc < 0) {
      report(&err, bar);
      return -1;
    }
    t->stored++;
    return 0;
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
    for (size_t i = 0; i < doc.facts.n; i++) {
      const struct fact *f = &doc.facts.v[i];
      int has_loc = f->locality_code || (!f->locality && doc.locality_code);
      t->facts++;
      t->resolved += f->indicator && has_loc;
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

int cmd_ingest(struct cli *cli, int argc, char **argv) {
  static const struct option longopts[] = {CLI_GLOBAL_OPTIONS,
                                           {NULL, 0, NULL, 0}};
  int rc = EXIT_OK;
  int first = cli_parse(cli, argc, argv, "", longopts, usage, NULL, NULL, &rc);
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
  bool bar = !cli->quiet && isatty(STDERR_FILENO);
  struct tally t = {0};
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
  msg_info(cli,
           "ingested %ld documents (%ld already stored), %ld facts: %ld "
           "resolved, %ld unresolved",
           t.added, t.stored, t.facts, t.resolved, t.facts - t.resolved);
out:
  store_close(st);
  extract_ctx_free(ctx);
  config_free(cfg);
  for (size_t i = 0; i < files.n; i++)
    free(files.v[i]);
  free(files.v);
  return rc;
}
