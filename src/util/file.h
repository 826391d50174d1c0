/* util/file.h - whole-file reading and safe (temporary + rename) writing. */
#ifndef CHITIEU_UTIL_FILE_H
#define CHITIEU_UTIL_FILE_H

#include <stdio.h>

#include "util/buf.h"
#include "util/err.h"

/* Read all of 'path' into 'out' (appended). Returns 0, or -1 with 'err'
 * naming the file. */
int file_read(const char *path, struct buf *out, struct err *err);

/* A file being written safely: the bytes go to "PATH.tmp.PID" and only
 * file_atomic_commit() renames it onto 'path', so a failure never leaves a
 * truncated file at 'path' nor replaces a good one. The temporary file is
 * registered with util/interrupt.h while it exists, so that SIGINT or
 * SIGTERM removes it too. */
struct file_atomic {
  char *path;
  char *tmp;
  FILE *fp;
  int slot; /* interrupt_track's */
};

/* Open 'path' for atomic writing: checks that the folder exists and is
 * writable. Returns 0 or -1 with 'err'. Test pause points (see
 * interrupt_test_pause): "write-open" once the temporary file exists,
 * "write-rename" when it is written and about to be renamed. */
int file_atomic_open(struct file_atomic *fa, const char *path, struct err *err);
/* The name of the temporary file, for libraries that write by file name
 * (the FILE is then closed first: see file_atomic_close_stream). */
void file_atomic_close_stream(struct file_atomic *fa);
/* Flush, fsync, close and rename onto the final path. On failure the
 * temporary file is removed and -1 returned with 'err'. */
int file_atomic_commit(struct file_atomic *fa, struct err *err);
/* Drop the temporary file (after an error). Safe to call twice. */
void file_atomic_abort(struct file_atomic *fa);

/* The last path component of 'path' (borrowed pointer into 'path'). */
const char *file_basename(const char *path);
/* 1 if 'path' is an existing directory, else 0. */
int file_is_dir(const char *path);

#endif
