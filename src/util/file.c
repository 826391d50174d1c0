/* util/file.c - whole-file reading and atomic writing. */
#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/interrupt.h"
#include "util/xalloc.h"

int file_read(const char *path, struct buf *out, struct err *err) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return err_set(err, path, 0, 0, "cannot open: %s", strerror(errno));
  /* A regular file is read in one call of its size plus one: a shorter
   * read is its end. Anything else (a pipe, a growing file) is read until
   * read() gives 0. */
  struct stat st;
  bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  size_t want = regular && st.st_size > 0 && (uintmax_t)st.st_size < SIZE_MAX
                    ? (size_t)st.st_size + 1
                    : 65536;
  for (;;) {
    buf_reserve(out, want);
    ssize_t n = read(fd, out->s + out->len, want);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      int e = errno;
      close(fd);
      return err_set(err, path, 0, 0, "read error: %s", strerror(e));
    }
    out->len += (size_t)n;
    out->s[out->len] = '\0';
    if (n == 0 || (regular && (size_t)n < want))
      break;
    want = 65536;
  }
  close(fd);
  return 0;
}

static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash)
    return xstrdup(".");
  if (slash == path)
    return xstrdup("/");
  return xstrndup(path, (size_t)(slash - path));
}

int file_atomic_open(struct file_atomic *fa, const char *path,
                     struct err *err) {
  memset(fa, 0, sizeof *fa);
  fa->slot = -1;
  char *dir = dir_of(path);
  struct stat st;
  /* Say which: missing ("-o new/x.pdf"), not a folder ("-o file/x.pdf",
   * ENOTDIR), or something else (permissions, loops). */
  int bad = stat(dir, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
  if (bad == ENOENT)
    err_set(err, path, 0, 0, "output folder '%s' does not exist", dir);
  else if (bad == ENOTDIR)
    err_set(err, path, 0, 0, "output folder '%s' is not a folder", dir);
  else if (bad)
    err_set(err, path, 0, 0, "output folder '%s': %s", dir, strerror(bad));
  if (bad) {
    free(dir);
    return -1;
  }
  if (access(dir, W_OK) != 0) {
    err_set(err, path, 0, 0, "output folder '%s' is not writable", dir);
    free(dir);
    return -1;
  }
  free(dir);
  struct buf b = BUF_INIT;
  buf_addf(&b, "%s.tmp.%ld", path, (long)getpid());
  fa->tmp = buf_detach(&b);
  fa->path = xstrdup(path);
  /* registered before it exists: see util/interrupt.c */
  fa->slot = interrupt_track(fa->tmp);
  if (fa->slot < 0) {
    err_set(err, path, 0, 0, "cannot write: %d files are being written",
            INTERRUPT_SLOTS);
    file_atomic_abort(fa);
    return -1;
  }
  fa->fp = fopen(fa->tmp, "wb");
  if (!fa->fp) {
    err_set(err, path, 0, 0, "cannot write: %s", strerror(errno));
    file_atomic_abort(fa);
    return -1;
  }
  interrupt_test_pause("write-open", 1, NULL);
  return 0;
}

void file_atomic_close_stream(struct file_atomic *fa) {
  if (fa->fp)
    fclose(fa->fp);
  fa->fp = NULL;
}

int file_atomic_commit(struct file_atomic *fa, struct err *err) {
  int rc = 0;
  if (fa->fp) {
    if (fflush(fa->fp) != 0 || fsync(fileno(fa->fp)) != 0)
      rc = err_set(err, fa->path, 0, 0, "write failed: %s", strerror(errno));
    if (fclose(fa->fp) != 0 && rc == 0)
      rc = err_set(err, fa->path, 0, 0, "write failed: %s", strerror(errno));
    fa->fp = NULL;
  }
  if (rc == 0)
    interrupt_test_pause("write-rename", 1, NULL);
  if (rc == 0 && rename(fa->tmp, fa->path) != 0)
    rc = err_set(err, fa->path, 0, 0, "cannot rename into place: %s",
                 strerror(errno));
  if (rc != 0) {
    file_atomic_abort(fa);
    return -1;
  }
  /* after the rename: a signal before it still removes the file */
  interrupt_untrack(fa->slot);
  fa->slot = -1;
  free(fa->tmp);
  free(fa->path);
  fa->tmp = fa->path = NULL;
  return 0;
}

void file_atomic_abort(struct file_atomic *fa) {
  if (fa->fp)
    fclose(fa->fp);
  fa->fp = NULL;
  if (fa->tmp)
    unlink(fa->tmp);
  interrupt_untrack(fa->slot);
  fa->slot = -1;
  free(fa->tmp);
  free(fa->path);
  fa->tmp = fa->path = NULL;
}

const char *file_basename(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

int file_is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
