/* cli/cmd_extract.c - chitieu extract: print the facts found in text files,
 * one per line, without touching the database.
 *
 * With --jobs N (N > 1) the files are extracted on N threads (the main
 * one and N - 1 workers), all with one read-only extract_ctx. The main
 * thread writes each file's lines, and reports its error, in the order of
 * the command line, so the output and the messages are those of --jobs 1
 * byte for byte; while the next file to write is not ready, it extracts
 * one itself rather than sleep. No file is taken more than
 * WINDOW_PER_JOB files per job ahead of the writer, so the memory held is
 * a few documents' output, not the whole run's. */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "doc/doc.h"
#include "extract/extract.h"
#include "extract/format.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/xalloc.h"

static const char usage[] =
    "Usage: chitieu extract [--format jsonl|tsv|text] [--no-config] "
    "[--jobs N]\n"
    "                       [--locality CODE] [--date YYYY-MM-DD] FILE...\n"
    "Print the targets and results found in Vietnamese text files, one fact\n"
    "per line. Nothing is stored (see 'chitieu ingest').\n"
    "\n"
    "  --format FMT    jsonl (default): one JSON object a line with doc,\n"
    "                  locality, year, period, label, indicator, kind, value,\n"
    "                  of, unit, approx, estimated, sentence, span;\n"
    "                  tsv: the same fields tab-separated with a header;\n"
    "                  text: a line for people to read\n"
    "  --no-config     do not resolve labels and places against the config\n"
    "  --jobs N        extract N files at once (default: the number of\n"
    "                  online CPUs); the output is the same for any N, in\n"
    "                  the order of the files\n"
    "  --locality CODE the place of the texts that name none (a locality\n"
    "                  code or name of the config)\n"
    "  --date DAY      the date of the texts that carry none (YYYY-MM-DD)\n"
    "\n"
    "A text's own heading block, byline or title wins over --locality and\n"
    "--date: they fill in what it leaves unsaid (docs/extraction.md).\n"
    "\n"
    "Text files must be UTF-8 (with or without BOM; NFC or NFD; LF or\n"
    "CRLF). Documents are told by their content: .docx, .pdf (a scan by\n"
    "OCR), images, saved web pages (see docs/documents.md).\n";

enum { OPT_FORMAT = OPT_CMD_BASE, OPT_NO_CONFIG, OPT_JOBS, OPT_LOCALITY,
       OPT_DATE };

/* Output is written every OUT_CHUNK bytes: a big document's JSON is
 * several times its size. */
#define OUT_CHUNK (64 * 1024)
/* A worker formats the facts of a document up to this size itself; a
 * larger one is handed to the writer whole, which formats and writes it
 * chunk by chunk as --jobs 1 does, so that its output is never held. */
#define FORMAT_MAX (1u << 20)
#define WINDOW_PER_JOB 4
#define STDOUT_BUF (256 * 1024)
#define MAX_JOBS 256

struct opts {
  struct cli *cli;
  enum extract_format fmt;
  int no_config;
  long jobs; /* 0: the number of online CPUs */
  const char *locality;   /* --locality, or NULL */
  int year, month, day;   /* --date, or 0 */
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
  if (opt == OPT_JOBS) {
    char *end;
    long n = strtol(arg, &end, 10);
    if (end == arg || *end || n < 1 || n > MAX_JOBS)
      return msg_usage(o->cli, "--jobs takes a number from 1 to %d, not '%s'",
                       MAX_JOBS, arg);
    o->jobs = n;
    return 0;
  }
  if (opt == OPT_LOCALITY) {
    o->locality = arg;
    return 0;
  }
  if (opt == OPT_DATE)
    return cli_date_arg(o->cli, arg, &o->year, &o->month, &o->day);
  return EXIT_USAGE;
}

/* One file's result: its document and, unless 'whole' is set, its lines
 * in 'out', cut at 'cuts' where --jobs 1 writes. A 'whole' document is
 * formatted by the writer. */
struct slot {
  bool done;
  int rc; /* 0, or -1 with 'err' */
  struct err err;
  struct extract_doc doc;
  bool whole;
  struct buf out;
  size_t *cuts;
  size_t n_cuts, cap_cuts;
};

static void slot_clear(struct slot *s) {
  extract_doc_free(&s->doc);
  buf_reset(&s->out);
  s->n_cuts = 0;
  s->done = false;
  s->whole = false;
  s->rc = 0;
}

static void slot_free(struct slot *s) {
  extract_doc_free(&s->doc);
  buf_free(&s->out);
  free(s->cuts);
}

static int write_out(const char *s, size_t n) {
  if (n && fwrite(s, 1, n, stdout) != n) {
    msg_errorf("writing output failed");
    return -1;
  }
  return 0;
}

/* Format the facts of 'doc' into 's->out', noting where --jobs 1 writes. */
static void format_doc(struct slot *s, enum extract_format fmt) {
  size_t last = 0;
  for (size_t k = 0; k < s->doc.facts.n; k++) {
    extract_format_fact(&s->out, fmt, &s->doc, &s->doc.facts.v[k]);
    if (s->out.len - last >= OUT_CHUNK) {
      xgrow((void **)&s->cuts, &s->cap_cuts, s->n_cuts + 1, sizeof *s->cuts);
      s->cuts[s->n_cuts++] = s->out.len;
      last = s->out.len;
    }
  }
}

/* Extract file 'path' into 's'. With 'format', a document up to
 * FORMAT_MAX bytes is formatted here too. */
static void extract_one(const struct extract_ctx *ctx, const char *path,
                        enum extract_format fmt, bool format,
                        struct slot *s) {
  err_clear(&s->err);
  /* A .docx, .html or .pdf is read by doc/ into the text of its
   * paragraphs, one a line; a text file is extracted as it is. */
  struct buf b = BUF_INIT;
  s->rc = file_read(path, &b, &s->err);
  if (s->rc == 0)
    s->rc = doc_text_convert(path, &b, &s->err);
  if (s->rc == 0)
    s->rc = extract_text(ctx, path, buf_str(&b), b.len, &s->doc, &s->err);
  buf_free(&b);
  if (s->rc != 0)
    return;
  s->whole = !format || s->doc.len > FORMAT_MAX;
  if (!s->whole)
    format_doc(s, fmt);
}

/* Write the result in 's'; returns EXIT_OK or EXIT_FAIL. 'out' is the
 * writer's buffer for a whole document; it may hold the TSV header, which
 * goes out with the first document read, in the same writes as with
 * --jobs 1. */
static int write_slot(struct slot *s, enum extract_format fmt,
                      struct buf *out) {
  int rc = EXIT_OK;
  if (s->rc != 0) {
    msg_error(&s->err);
    return EXIT_FAIL;
  }
  if (s->whole || out->len) {
    for (size_t k = 0; k < s->doc.facts.n; k++) {
      extract_format_fact(out, fmt, &s->doc, &s->doc.facts.v[k]);
      if (out->len >= OUT_CHUNK) {
        if (write_out(out->s, out->len) != 0)
          rc = EXIT_FAIL;
        buf_reset(out);
      }
    }
    if (write_out(out->s, out->len) != 0)
      rc = EXIT_FAIL;
    buf_reset(out);
    return rc;
  }
  size_t at = 0;
  for (size_t k = 0; k < s->n_cuts; k++) {
    if (write_out(s->out.s + at, s->cuts[k] - at) != 0)
      rc = EXIT_FAIL;
    at = s->cuts[k];
  }
  if (write_out(s->out.s + at, s->out.len - at) != 0)
    rc = EXIT_FAIL;
  return rc;
}

/* The work shared by the threads. File i goes to slots[i % n_slots]. */
struct work {
  const struct extract_ctx *ctx;
  enum extract_format fmt;
  char **files;
  size_t n_files;
  struct slot *slots;
  size_t n_slots;
  pthread_mutex_t mu;
  pthread_cond_t done; /* a slot was filled */
  pthread_cond_t room; /* a slot was written and emptied */
  size_t next;         /* the next file to take */
  size_t written;      /* files written so far */
};

/* May a file be taken now? (With w->mu held.) */
static bool can_take(const struct work *w) {
  return w->next < w->n_files && w->next < w->written + w->n_slots;
}

/* Take the next file and extract it (called and returning with w->mu
 * held). */
static void take_one(struct work *w) {
  size_t i = w->next++;
  struct slot *s = &w->slots[i % w->n_slots];
  pthread_mutex_unlock(&w->mu);
  extract_one(w->ctx, w->files[i], w->fmt, true, s);
  pthread_mutex_lock(&w->mu);
  s->done = true;
  pthread_cond_signal(&w->done);
}

static void *worker(void *ud) {
  struct work *w = ud;
  pthread_mutex_lock(&w->mu);
  for (;;) {
    while (w->next < w->n_files && !can_take(w))
      pthread_cond_wait(&w->room, &w->mu);
    if (w->next >= w->n_files)
      break;
    take_one(w);
  }
  pthread_mutex_unlock(&w->mu);
  return NULL;
}

/* Extract 'files' on 'jobs' threads, writing in order. Returns EXIT_OK or
 * EXIT_FAIL. If no worker can be started, the main thread does it all. */
static int run_threads(const struct extract_ctx *ctx, enum extract_format fmt,
                       char **files, size_t n_files, size_t jobs,
                       struct buf *out) {
  struct work w;
  memset(&w, 0, sizeof w);
  w.ctx = ctx;
  w.fmt = fmt;
  w.files = files;
  w.n_files = n_files;
  w.n_slots = jobs * WINDOW_PER_JOB;
  w.slots = xcalloc(w.n_slots, sizeof *w.slots);
  pthread_mutex_init(&w.mu, NULL);
  pthread_cond_init(&w.done, NULL);
  pthread_cond_init(&w.room, NULL);
  pthread_t *tid = xcalloc(jobs - 1, sizeof *tid);
  size_t started = 0;
  while (started < jobs - 1 &&
         pthread_create(&tid[started], NULL, worker, &w) == 0)
    started++;
  int rc = EXIT_OK;
  for (size_t i = 0; i < n_files; i++) {
    struct slot *s = &w.slots[i % w.n_slots];
    pthread_mutex_lock(&w.mu);
    while (!s->done) {
      if (can_take(&w))
        take_one(&w);
      else
        pthread_cond_wait(&w.done, &w.mu);
    }
    pthread_mutex_unlock(&w.mu);
    if (write_slot(s, fmt, out) != EXIT_OK)
      rc = EXIT_FAIL;
    slot_clear(s);
    pthread_mutex_lock(&w.mu);
    w.written++;
    pthread_cond_broadcast(&w.room);
    pthread_mutex_unlock(&w.mu);
  }
  for (size_t t = 0; t < started; t++)
    pthread_join(tid[t], NULL);
  free(tid);
  for (size_t k = 0; k < w.n_slots; k++)
    slot_free(&w.slots[k]);
  free(w.slots);
  pthread_cond_destroy(&w.room);
  pthread_cond_destroy(&w.done);
  pthread_mutex_destroy(&w.mu);
  return rc;
}

/* One file after the other on this thread, each written as it is
 * formatted. */
static int run_serial(const struct extract_ctx *ctx, enum extract_format fmt,
                      char **files, size_t n_files, struct buf *out) {
  int rc = EXIT_OK;
  struct slot s;
  memset(&s, 0, sizeof s);
  for (size_t i = 0; i < n_files; i++) {
    extract_one(ctx, files[i], fmt, false, &s);
    if (write_slot(&s, fmt, out) != EXIT_OK)
      rc = EXIT_FAIL;
    slot_clear(&s);
  }
  slot_free(&s);
  return rc;
}

static size_t default_jobs(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (size_t)n;
}

int cmd_extract(struct cli *cli, int argc, char **argv) {
  static const struct option longopts[] = {
      CLI_GLOBAL_OPTIONS,
      {"format", required_argument, NULL, OPT_FORMAT},
      {"no-config", no_argument, NULL, OPT_NO_CONFIG},
      {"jobs", required_argument, NULL, OPT_JOBS},
      {"locality", required_argument, NULL, OPT_LOCALITY},
      {"date", required_argument, NULL, OPT_DATE},
      {NULL, 0, NULL, 0}};
  struct opts o = {cli, EXTRACT_JSONL, 0, 0, NULL, 0, 0, 0};
  int rc = EXIT_OK;
  int first = cli_parse(cli, argc, argv, "", longopts, usage, handle, &o, &rc);
  if (first < 0)
    return rc;
  if (first >= argc)
    return msg_usage(cli, "no input files");
  if (o.locality && o.no_config)
    return msg_usage(cli, "--locality needs the config (not --no-config)");

  struct config *cfg = NULL;
  if (!o.no_config) {
    cfg = cli_config(cli);
    if (!cfg)
      return EXIT_FAIL;
  }
  struct extract_ctx *ctx = extract_ctx_new(cfg);
  if (o.locality && extract_ctx_set_locality(ctx, o.locality) != 0) {
    extract_ctx_free(ctx);
    config_free(cfg);
    return msg_usage(cli, "--locality: the config knows no locality '%s'",
                     o.locality);
  }
  extract_ctx_set_date(ctx, o.year, o.month, o.day);
  /* Facts are several times the size of their text: written to a file or
   * a pipe they go out in large writes (a terminal keeps its lines). */
  static char stdout_buf[STDOUT_BUF]; /* glibc ignores the size without */
  if (!isatty(STDOUT_FILENO))
    setvbuf(stdout, stdout_buf, _IOFBF, sizeof stdout_buf);
  struct buf out = BUF_INIT;
  if (o.fmt == EXTRACT_TSV)
    extract_format_header(&out, o.fmt);
  size_t n_files = (size_t)(argc - first);
  size_t jobs = o.jobs ? (size_t)o.jobs : default_jobs();
  if (jobs > n_files)
    jobs = n_files;
  if (jobs > 1)
    rc = run_threads(ctx, o.fmt, argv + first, n_files, jobs, &out);
  else
    rc = run_serial(ctx, o.fmt, argv + first, n_files, &out);
  buf_free(&out);
  extract_ctx_free(ctx);
  config_free(cfg);
  if (fflush(stdout) != 0) {
    msg_errorf("writing output failed");
    rc = EXIT_FAIL;
  }
  return rc;
}
