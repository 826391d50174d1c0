/* tests/fuzz/fuzz_yaml.c - libFuzzer target for the config loader. Each
 * input is read as the kind of file it says it is: with a "localities:"
 * key as localities.yaml (beside a small indicators.yaml), with "blocks:"
 * as a dashboard, with "sections:" or "key_indicators:" as a meeting,
 * with "indicators:" or "groups:" as indicators.yaml (beside a small
 * localities.yaml), anything else as a meeting. A meeting is loaded
 * against the shipped config; the other kinds are written into a folder
 * on a memory file system (/dev/shm when there is one) and loaded and
 * checked: config_load must return a config or problems with positions,
 * never crash or leak, and for one input in four config_check must agree
 * with it.
 *
 * Everything that is not the input is set up once (LLVMFuzzerInitialize):
 * the folders, their companion files and the shipped config (found
 * through CHITIEU_SRC, compiled in). The companions are a few lines, not
 * the shipped 30 KB, so that the time goes to the input; references to a
 * locality, a group or an indicator still resolve (or not) across files. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir_ind[64], dir_loc[64], dir_dash[64], meeting[96];
static struct config *shipped;

static const char small_localities[] = "localities:\n"
                                       "  - code: viet-nam\n"
                                       "    name: Việt Nam\n"
                                       "    level: quốc gia\n"
                                       "  - code: dien-bien\n"
                                       "    name: Điện Biên\n"
                                       "    level: tỉnh\n"
                                       "    parent: viet-nam\n"
                                       "    aliases: [tỉnh Điện Biên]\n"
                                       "  - code: muong-lay\n"
                                       "    name: Mường Lay\n"
                                       "    level: thị xã\n"
                                       "    parent: dien-bien\n";

static const char small_indicators[] =
    "groups:\n"
    "  - Kinh tế\n"
    "  - Xã hội\n"
    "indicators:\n"
    "  - code: grdp_growth\n"
    "    name: Tốc độ tăng trưởng kinh tế (GRDP)\n"
    "    group: Kinh tế\n"
    "    unit: \"%\"\n"
    "    decimals: 2\n"
    "    aliases: [tăng trưởng GRDP]\n"
    "  - code: poverty_rate\n"
    "    name: Tỷ lệ hộ nghèo\n"
    "    group: Xã hội\n"
    "    unit: \"%\"\n"
    "    direction: lower\n";

static void put(const char *dir, const char *name, const void *s, size_t n) {
  char path[128];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *fp = fopen(path, "wb");
  if (!fp || fwrite(s, 1, n, fp) != n || fclose(fp) != 0)
    abort();
}

/* Remove the folders at exit (libFuzzer ends with exit()). */
static void cleanup(void) {
  static const char *const files[] = {
      "%s/localities.yaml",      "%s/indicators.yaml", "%s/meeting.yaml",
      "%s/dashboards/fuzz.yaml", "%s/dashboards",      "%s"};
  const char *dirs[] = {dir_ind, dir_loc, dir_dash};
  for (size_t d = 0; d < 3; d++)
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
      char path[160];
      snprintf(path, sizeof path, files[i], dirs[d]);
      remove(path);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  snprintf(dir_ind, sizeof dir_ind, "%s/fuzz_yaml_XXXXXX", base);
  snprintf(dir_loc, sizeof dir_loc, "%s/fuzz_yaml_XXXXXX", base);
  snprintf(dir_dash, sizeof dir_dash, "%s/fuzz_yaml_XXXXXX", base);
  if (!mkdtemp(dir_ind) || !mkdtemp(dir_loc) || !mkdtemp(dir_dash))
    abort();
  atexit(cleanup);
  put(dir_ind, "localities.yaml", small_localities,
      sizeof small_localities - 1);
  put(dir_loc, "indicators.yaml", small_indicators,
      sizeof small_indicators - 1);
  put(dir_dash, "localities.yaml", small_localities,
      sizeof small_localities - 1);
  put(dir_dash, "indicators.yaml", small_indicators,
      sizeof small_indicators - 1);
  char sub[96];
  snprintf(sub, sizeof sub, "%s/dashboards", dir_dash);
  if (mkdir(sub, 0700) != 0)
    abort();
  snprintf(meeting, sizeof meeting, "%s/meeting.yaml", dir_ind);
  struct err err;
  err_clear(&err);
  shipped = config_load(CHITIEU_SRC "/config", &err);
  if (!shipped)
    abort();
  return 0;
}

/* Load 'dir', whatever it holds, and if 'check', check it too:
 * config_check is the same load collecting every problem, so the
 * agreement of the two needs asking only for some inputs. */
static void load_and_check(const char *dir, bool check) {
  struct err err;
  err_clear(&err);
  struct config *cfg = config_load(dir, &err);
  if (!cfg && !err.msg[0])
    abort(); /* a failure must say why */
  config_free(cfg);
  if (!check)
    return;
  struct err_list errs = {0};
  size_t n = config_check(dir, &errs);
  if ((n == 0) != (cfg != NULL))
    abort(); /* load and check must agree */
  err_list_free(&errs);
}

/* Does the input hold the key 'key' (with its colon)? */
static bool has(const uint8_t *data, size_t size, const char *key) {
  size_t n = strlen(key);
  for (const uint8_t *p = data; size >= n;) {
    const uint8_t *c = memchr(p, key[0], size - n + 1);
    if (!c)
      return false;
    if (memcmp(c, key, n) == 0)
      return true;
    size -= (size_t)(c - p) + 1;
    p = c + 1;
  }
  return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (has(data, size, "localities:")) {
    put(dir_loc, "localities.yaml", data, size);
    load_and_check(dir_loc, size % 4 == 0);
  } else if (has(data, size, "blocks:")) {
    put(dir_dash, "dashboards/fuzz.yaml", data, size);
    load_and_check(dir_dash, size % 4 == 0);
  } else if (!has(data, size, "sections:") &&
             !has(data, size, "key_indicators:") &&
             (has(data, size, "indicators:") || has(data, size, "groups:"))) {
    put(dir_ind, "indicators.yaml", data, size);
    load_and_check(dir_ind, size % 4 == 0);
  } else {
    /* A meeting file given by path, against the shipped config. */
    put(dir_ind, "meeting.yaml", data, size);
    struct err err;
    err_clear(&err);
    struct meeting *m = config_meeting_load(shipped, meeting, &err);
    if (!m && !err.msg[0])
      abort();
    config_meeting_free(m);
  }
  return 0;
}
