/* tests/unit/test_config.c - the config module: the shipped config/ loads
 * and holds what the rest of chitieu relies on; strings come out NFC;
 * problems carry the right FILE:LINE:COL and message; meetings load from
 * outside the folder. Run from the source tree ($SRC). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "harness.h"
#include "util/buf.h"

/* The shipped configuration folder. */
static char *shipped_dir(void) {
  const char *src = getenv("SRC");
  struct buf b = BUF_INIT;
  buf_addf(&b, "%s/config", src && *src ? src : ".");
  return buf_detach(&b);
}

/* Write 'text' to 'dir'/'name'. */
static void put(const char *dir, const char *name, const char *text) {
  struct buf p = BUF_INIT;
  buf_addf(&p, "%s/%s", dir, name);
  FILE *fp = fopen(p.s, "w");
  OK(fp != NULL);
  if (fp) {
    fputs(text, fp);
    fclose(fp);
  }
  buf_free(&p);
}

static const char min_indicators[] = "indicators:\n"
                                     "  - code: grdp_growth\n"
                                     "    name: Tăng trưởng\n"
                                     "    group: Kinh tế\n"
                                     "    unit: \"%\"\n"
                                     "    aliases: [tăng trưởng kinh tế]\n";

static const char min_localities[] =
    "localities:\n"
    "  - {code: viet-nam, name: Việt Nam, level: quốc gia}\n"
    "  - {code: dien-bien, name: Điện Biên, level: tỉnh, parent: viet-nam}\n";

/* A new empty folder under $TMPDIR with 'ind' and 'loc' as its two files
 * (either NULL: left out). Caller frees the path. */
static char *tmp_config(const char *ind, const char *loc) {
  const char *t = getenv("TMPDIR");
  struct buf b = BUF_INIT;
  buf_addf(&b, "%s/test_config.XXXXXX", t && *t ? t : "/tmp");
  char *dir = buf_detach(&b);
  OK(mkdtemp(dir) != NULL);
  if (ind)
    put(dir, "indicators.yaml", ind);
  if (loc)
    put(dir, "localities.yaml", loc);
  return dir;
}

static void rm_config(char *dir) {
  struct buf cmd = BUF_INIT;
  buf_addf(&cmd, "rm -rf '%s'", dir);
  OK(system(cmd.s) == 0);
  buf_free(&cmd);
  free(dir);
}

/* The first problem config_load reports for a folder made of 'ind' and
 * 'loc', formatted without the folder ("indicators.yaml:3:5: ..."). */
static void first_problem(const char *ind, const char *loc, char *out,
                          size_t n) {
  char *dir = tmp_config(ind, loc);
  struct err err;
  err_clear(&err);
  struct config *cfg = config_load(dir, &err);
  OK(cfg == NULL);
  config_free(cfg);
  char line[1024];
  err_format(&err, line, sizeof line);
  const char *p = strstr(line, dir);
  snprintf(out, n, "%s", p ? p + strlen(dir) + 1 : line);
  rm_config(dir);
}

static void test_shipped(void) {
  char *dir = shipped_dir();
  struct err err;
  err_clear(&err);
  struct config *cfg = config_load(dir, &err);
  if (!cfg) {
    char line[1024];
    fprintf(stderr, "%s\n", err_format(&err, line, sizeof line));
  }
  OK(cfg != NULL);
  if (!cfg) {
    free(dir);
    return;
  }
  OK(cfg->n_indicators >= 30);
  static const char *const workload[] = {
      "grdp_growth",      "budget_revenue", "income_per_capita",
      "poverty_rate",     "forest_cover",   "new_rural_communes",
      "food_output",      "tourists",       "clean_water",
      "health_insurance", "trained_labour", "standard_schools"};
  for (size_t i = 0; i < sizeof workload / sizeof *workload; i++)
    OK(config_indicator(cfg, workload[i]) != NULL);
  /* One code per indicator: the reference catalogue's other codes are
   * not there. */
  OK(config_indicator(cfg, "ntm_communes") == NULL);
  OK(config_indicator(cfg, "health_insurance_coverage") == NULL);

  const struct indicator *pov = config_indicator(cfg, "poverty_rate");
  OK(pov && pov->direction == DIR_LOWER && !pov->additive);
  const struct indicator *rev = config_indicator(cfg, "budget_revenue");
  OK(rev && rev->direction == DIR_HIGHER && rev->additive);
  if (rev) {
    STR_EQ(rev->unit, "tỷ đồng");
    STR_EQ(rev->group, "Kinh tế");
    DBL_EQ(rev->near_pct, 90);
    OK(rev->n_aliases > 0);
  }
  OK(cfg->n_groups >= 5);

  OK(config_locality(cfg, "viet-nam") != NULL);
  const struct locality *ml = config_locality(cfg, "muong-lay");
  OK(ml != NULL);
  if (ml) {
    STR_EQ(ml->name, "Mường Lay");
    STR_EQ(ml->level, "thị xã");
    STR_EQ(ml->parent, "dien-bien");
  }
  static const char *const districts[] = {
      "dien-bien-phu", "muong-lay", "huyen-dien-bien", "tuan-giao",
      "muong-cha",     "tua-chua",  "dien-bien-dong",  "muong-ang",
      "nam-po",        "muong-nhe"};
  for (size_t i = 0; i < sizeof districts / sizeof *districts; i++) {
    const struct locality *d = config_locality(cfg, districts[i]);
    OK(d && strcmp(d->parent, "dien-bien") == 0);
  }
  OK(config_locality_within(cfg, "na-lay", "dien-bien"));
  OK(config_locality_within(cfg, "na-lay", "viet-nam"));
  OK(config_locality_within(cfg, "dien-bien", "dien-bien"));
  OK(!config_locality_within(cfg, "dien-bien", "muong-lay"));
  OK(!config_locality_within(cfg, "muong-lat", "dien-bien"));
  OK(!config_locality_within(cfg, "nowhere", "viet-nam"));
  const struct locality *hd = config_locality(cfg, "hai-duong");
  OK(hd && hd->valid_to == 2025 && strcmp(hd->merged_into, "hai-phong") == 0);

  const struct dashboard *d = config_dashboard(cfg, "dien-bien");
  OK(d != NULL);
  if (d) {
    STR_EQ(d->locality, "dien-bien");
    STR_EQ(d->page_size, "A4");
    OK(d->n_blocks > 0);
  }
  const struct meeting *m = config_meeting(cfg, "giao-ban-quy-3-2024");
  OK(m != NULL);
  if (m) {
    STR_EQ(m->date, "2024-10-15");
    STR_EQ(m->period, "2024-Q3");
    OK(m->n_key_indicators > 0);
    INT_EQ(m->n_sections, 4);
  }
  OK(config_meeting(cfg, "nope") == NULL);
  config_free(cfg);

  struct err_list errs = {0};
  INT_EQ(config_check(dir, &errs), 0);
  err_list_free(&errs);
  free(dir);
}

/* Defaults, and NFD input coming out NFC. */
static void test_defaults_nfc(void) {
  char *dir = tmp_config("indicators:\n"
                         "  - code: forest_cover\n"
                         "    name: \"Ty\\u0309 le\\u0323\\u0302 che "
                         "phu\\u0309 ru\\u031b\\u0300ng\"\n"
                         "    group: Môi trường\n"
                         "    unit: \"%\"\n",
                         min_localities);
  struct err err;
  err_clear(&err);
  struct config *cfg = config_load(dir, &err);
  OK(cfg != NULL);
  const struct indicator *ind = config_indicator(cfg, "forest_cover");
  OK(ind != NULL);
  if (ind) {
    STR_EQ(ind->name, "Tỷ lệ che phủ rừng");
    STR_EQ(ind->short_name, "Tỷ lệ che phủ rừng");
    INT_EQ(ind->decimals, 1);
    INT_EQ(ind->direction, DIR_HIGHER);
    DBL_EQ(ind->near_pct, 90);
    OK(!ind->additive);
    INT_EQ(ind->n_aliases, 0);
    INT_EQ(ind->line, 2);
  }
  const struct locality *db = config_locality(cfg, "dien-bien");
  OK(db && db->parent_idx == 0 && db->valid_from == 0 && !db->merged_into);
  INT_EQ(cfg ? cfg->n_dashboards : 99, 0);
  config_free(cfg);
  rm_config(dir);
}

static void test_problems(void) {
  char got[1024];
  first_problem("indicators:\n  - code: a\n    alias: [x]\n    name: A\n"
                "    group: Kinh tế\n    unit: \"%\"\n",
                min_localities, got, sizeof got);
  STR_EQ(got, "indicators.yaml:3:5: unknown key 'alias' in an indicator; did "
              "you mean 'aliases'?");
  first_problem("indicators:\n  - code: x\n    name: X\n    group: Kinh tế\n"
                "    unit: \"%\"\n    decimals: 1.5\n",
                min_localities, got, sizeof got);
  STR_EQ(got, "indicators.yaml:6:15: 'decimals' must be an integer, not '1.5'");
  first_problem("indicators:\n  - code: x\n    name: X\n    group: Kinh tế\n"
                "    unit: \"%\"\n    direction: up\n",
                min_localities, got, sizeof got);
  STR_EQ(got, "indicators.yaml:6:16: 'direction' must be one of higher, "
              "lower, not 'up'");
  first_problem("indicators: [\n", min_localities, got, sizeof got);
  STR_EQ(got, "indicators.yaml:2:1: syntax error: did not find expected node "
              "content (while parsing a flow node)");
  first_problem(min_indicators,
                "localities:\n"
                "  - {code: a, name: A, level: tỉnh, parent: b}\n"
                "  - {code: b, name: B, level: tỉnh, parent: a}\n",
                got, sizeof got);
  STR_EQ(got, "localities.yaml:2:12: cycle in the locality tree: a -> b -> a");
  first_problem(min_indicators,
                "localities:\n"
                "  - {code: dien-bien, name: A, level: tỉnh, parent: "
                "viet-nan}\n"
                "  - {code: viet-nam, name: V, level: quốc gia}\n",
                got, sizeof got);
  STR_EQ(got, "localities.yaml:2:53: unknown locality 'viet-nan'; did you "
              "mean 'viet-nam'?");
  first_problem("indicators:\n"
                "  - {code: a, name: A, group: Kinh tế, unit: x, aliases: "
                "[Thu ngân sách]}\n"
                "  - {code: b, name: B, group: Kinh tế, unit: x, aliases: "
                "[thu NGÂN sách]}\n",
                min_localities, got, sizeof got);
  STR_EQ(got, "indicators.yaml:3:59: alias 'thu NGÂN sách' of 'b' is already "
              "claimed by 'a' (line 2)");
  first_problem(NULL, min_localities, got, sizeof got);
  OK(strstr(got, "indicators.yaml") != NULL);

  /* Aliases that differ only in diacritics are different phrases. */
  char *dir = tmp_config("indicators:\n"
                         "  - {code: a, name: A, group: Kinh tế, unit: x, "
                         "aliases: [hộ nghèo]}\n"
                         "  - {code: b, name: B, group: Kinh tế, unit: x, "
                         "aliases: [hổ nghèo]}\n",
                         min_localities);
  struct err_list errs = {0};
  INT_EQ(config_check(dir, &errs), 0);
  err_list_free(&errs);
  rm_config(dir);

  /* config_check collects every problem, in reading order. */
  dir = tmp_config("indicators:\n"
                   "  - code: A B\n"
                   "    name: X\n"
                   "    group: Kinh te\n"
                   "    unit: \"%\"\n"
                   "  - name: Y\n",
                   "localities:\n  - {code: x, name: X, level: huyen}\n");
  INT_EQ(config_check(dir, &errs), 6);
  if (errs.n == 6) {
    INT_EQ(errs.v[0].line, 2);
    STR_EQ(errs.v[1].msg, "unknown group 'Kinh te'; did you mean 'Kinh tế'?");
    STR_EQ(errs.v[2].msg, "missing required key 'code'");
    INT_EQ(errs.v[5].line, 2);
    INT_EQ(errs.v[5].col, 31);
    STR_EQ(errs.v[5].msg, "'level' must be one of quốc gia, tỉnh, thành phố, "
                          "thị xã, huyện, quận, xã, phường, thị trấn, đặc khu, "
                          "not 'huyen'; did you mean 'huyện'?");
  }
  err_list_free(&errs);
  rm_config(dir);
}

static void test_meeting_load(void) {
  char *cfgdir = shipped_dir();
  struct err err;
  err_clear(&err);
  struct config *cfg = config_load(cfgdir, &err);
  OK(cfg != NULL);
  char *dir = tmp_config(NULL, NULL);
  put(dir, "hop.yaml",
      "title: Họp\ndate: 2024-07-10\nperiod: 2024-H1\nlocality: muong-lay\n"
      "key_indicators: [tourists]\npassword: bí mật\nprint_only: true\n"
      "comparison_tables: false\n");
  put(dir, "bad.yaml",
      "title: Họp\ndate: 2024-07-10\nperiod: 2024-H1\nlocality: muong-lay\n"
      "key_indicators: [tourist]\n");
  struct buf p = BUF_INIT;
  buf_addf(&p, "%s/hop.yaml", dir);
  struct meeting *m = config_meeting_load(cfg, p.s, &err);
  OK(m != NULL);
  if (m) {
    STR_EQ(m->name, "hop");
    STR_EQ(m->password, "bí mật");
    OK(m->print_only && m->children && !m->comparison_tables);
    INT_EQ(m->n_sections, 4);
  }
  config_meeting_free(m);
  buf_reset(&p);
  buf_addf(&p, "%s/bad.yaml", dir);
  m = config_meeting_load(cfg, p.s, &err);
  OK(m == NULL);
  STR_EQ(err.msg, "unknown indicator 'tourist'; did you mean 'tourists'?");
  INT_EQ(err.line, 5);
  INT_EQ(err.col, 18);
  config_meeting_free(NULL);
  buf_free(&p);
  rm_config(dir);
  config_free(cfg);
  free(cfgdir);
}

int main(void) {
  test_shipped();
  test_defaults_nfc();
  test_problems();
  test_meeting_load();
  return DONE();
}
