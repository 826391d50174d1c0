/* doc/zip.c - the members of a zip package (.docx, .xlsx), unpacked
 * within limits. A zip bomb is stopped before a byte is unpacked, by the
 * sizes the zip's directory declares (one member, the whole package, and
 * the ratio of unpacked to packed size), and while unpacking, by never
 * reading more than was declared: libzip checks the CRC at the end. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc_int.h"

/* The ratio limit is for members over this size: small XML parts compress
 * far better than 200:1 when they are mostly markup. */
#define RATIO_FROM (1u << 20)

int zpkg_open(struct zpkg *p, const char *name, const char *data, size_t len,
              struct err *err) {
  memset(p, 0, sizeof *p);
  p->name = name;
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
  if (!src) {
    err_set(err, name, 0, 0, "zip: %s", zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return -1;
  }
  p->z = zip_open_from_source(src, ZIP_RDONLY, &ze);
  if (!p->z) {
    zip_source_free(src);
    err_set(err, name, 0, 0,
            "zip directory: the file is damaged or truncated (%s)",
            zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return -1;
  }
  zip_error_fini(&ze);
  return 0;
}

int zpkg_has(struct zpkg *p, const char *part) {
  return zip_name_locate(p->z, part, 0) >= 0;
}

/* Check the sizes 'st' declares for 'part' against the limits. */
static int check_sizes(struct zpkg *p, const char *part, const zip_stat_t *st,
                       struct err *err) {
  if (!(st->valid & ZIP_STAT_SIZE) || !(st->valid & ZIP_STAT_COMP_SIZE))
    return err_set(err, p->name, 0, 0, "%s: the zip gives no size", part);
  if (st->valid & ZIP_STAT_ENCRYPTION_METHOD &&
      st->encryption_method != ZIP_EM_NONE)
    return err_set(err, p->name, 0, 0,
                   "%s: the document is protected by a password", part);
  if (st->size > DOC_PART_MAX)
    return err_set(err, p->name, 0, 0,
                   "%s: unpacks to %llu bytes, more than the limit of %u MiB",
                   part, (unsigned long long)st->size, DOC_PART_MAX >> 20);
  if (p->unpacked + st->size > DOC_UNZIP_MAX)
    return err_set(err, p->name, 0, 0,
                   "%s: the package unpacks to more than the limit of %u MiB",
                   part, DOC_UNZIP_MAX >> 20);
  if (st->size > RATIO_FROM &&
      (st->comp_size == 0 || st->size / st->comp_size > DOC_RATIO_MAX))
    return err_set(err, p->name, 0, 0,
                   "%s: unpacks to %llu times its packed size, more than "
                   "the limit of %u (a zip bomb?)",
                   part,
                   (unsigned long long)(st->comp_size
                                            ? st->size / st->comp_size
                                            : st->size),
                   DOC_RATIO_MAX);
  return 0;
}

int zpkg_read(struct zpkg *p, const char *part, struct buf *out,
              bool optional, struct err *err) {
  buf_reset(out);
  zip_int64_t idx = zip_name_locate(p->z, part, 0);
  if (idx < 0) {
    if (optional)
      return 1;
    return err_set(err, p->name, 0, 0, "%s: missing from the package", part);
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(p->z, (zip_uint64_t)idx, 0, &st) != 0)
    return err_set(err, p->name, 0, 0, "%s: %s", part,
                   zip_strerror(p->z));
  if (check_sizes(p, part, &st, err) != 0)
    return -1;
  zip_file_t *f = zip_fopen_index(p->z, (zip_uint64_t)idx, 0);
  if (!f)
    return err_set(err, p->name, 0, 0, "%s: damaged (%s)", part,
                   zip_strerror(p->z));
  /* One byte more than declared: a member that has it lies about its
   * size; reading to the end makes libzip check the CRC. */
  size_t want = (size_t)st.size + 1, got = 0;
  buf_reserve(out, want);
  int rc = 0;
  while (got < want) {
    zip_int64_t n = zip_fread(f, out->s + got, want - got);
    if (n < 0) {
      rc = err_set(err, p->name, 0, 0, "%s: damaged (%s)", part,
                   zip_error_strerror(zip_file_get_error(f)));
      break;
    }
    if (n == 0)
      break;
    got += (size_t)n;
  }
  zip_fclose(f);
  if (rc == 0 && got != st.size)
    rc = err_set(err, p->name, 0, 0,
                 "%s: damaged (%zu bytes unpacked, the zip says %llu)", part,
                 got, (unsigned long long)st.size);
  if (rc != 0) {
    buf_reset(out);
    return -1;
  }
  out->len = got;
  out->s[got] = '\0';
  p->unpacked += got;
  return 0;
}

void zpkg_close(struct zpkg *p) {
  if (p->z)
    zip_discard(p->z);
  p->z = NULL;
}
