/* tests/fuzz/fuzz_yaml.c - libFuzzer target for the config loader. The
 * loader only reads folders, so each input is written to a temporary
 * folder, in turn as indicators.yaml (beside the shipped localities.yaml),
 * as localities.yaml (beside the shipped indicators.yaml) and as a meeting
 * file checked against the shipped config. config_load and config_check
 * must return a config or problems with positions, never crash or leak.
 * The shipped config is found through CHITIEU_SRC (compiled in). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir_ind[64], dir_loc[64];
static struct config *shipped;

static char *slurp(const char *path, size_t *len) {
  FILE *fp = fopen(path, "rb");
  if (!fp)
    abort();
  fseek(fp, 0, SEEK_END);
  long n = ftell(fp);
  fseek(fp, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  if (fread(s, 1, (size_t)n, fp) != (size_t)n)
    abort();
  fclose(fp);
  *len = (size_t)n;
  return s;
}

static void put(const char *dir, const char *name, const void *s, size_t n) {
  char path[128];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *fp = fopen(path, "wb");
  if (!fp || fwrite(s, 1, n, fp) != n || fclose(fp) != 0)
    abort();
}

static void copy_shipped(const char *dir, const char *name) {
  char path[4200];
  size_t n;
  snprintf(path, sizeof path, "%s/config/%s", CHITIEU_SRC, name);
  char *s = slurp(path, &n);
  put(dir, name, s, n);
  free(s);
}

static void setup(void) {
  strcpy(dir_ind, "/tmp/fuzz_yaml_XXXXXX");
  strcpy(dir_loc, "/tmp/fuzz_yaml_XXXXXX");
  if (!mkdtemp(dir_ind) || !mkdtemp(dir_loc))
    abort();
  copy_shipped(dir_ind, "localities.yaml");
  copy_shipped(dir_loc, "indicators.yaml");
  struct err err;
  err_clear(&err);
  shipped = config_load(CHITIEU_SRC "/config", &err);
  if (!shipped)
    abort();
}

/* Load and check 'dir', whatever it holds. */
static void load_and_check(const char *dir) {
  struct err err;
  err_clear(&err);
  struct config *cfg = config_load(dir, &err);
  if (!cfg && !err.msg[0])
    abort(); /* a failure must say why */
  config_free(cfg);
  struct err_list errs = {0};
  size_t n = config_check(dir, &errs);
  if ((n == 0) != (cfg != NULL))
    abort(); /* load and check must agree */
  err_list_free(&errs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!shipped)
    setup();
  put(dir_ind, "indicators.yaml", data, size);
  load_and_check(dir_ind);
  put(dir_loc, "localities.yaml", data, size);
  load_and_check(dir_loc);
  /* A meeting file given by path. */
  char path[128];
  snprintf(path, sizeof path, "%s/meeting.yaml", dir_ind);
  put(dir_ind, "meeting.yaml", data, size);
  struct err err;
  err_clear(&err);
  struct meeting *m = config_meeting_load(shipped, path, &err);
  if (!m && !err.msg[0])
    abort();
  config_meeting_free(m);
  unlink(path);
  return 0;
}
