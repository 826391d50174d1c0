/* tests/unit/test_places.c - the national gazetteer: its counts, a seeded
 * sample of 500 units of each tree named with their province resolving to
 * their own code and period, the Châu Thành cases, the same name before
 * and after the reform, level words and abbreviations, codes, the
 * mapping, "did you mean" and the loader's errors. */
#include "harness.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "places/places.h"
#include "text/period.h"

#define MAXC 64

static int lookup(const struct places *p, const char *name, int date,
                  const int *within, int n_within, struct place_match *out) {
  struct place_query q = {date, within, n_within};
  return places_lookup(p, name, strlen(name), &q, out, MAXC);
}

static const char *code_of(const struct places *p, const struct place_match *m) {
  return places_get(p, m->unit)->code;
}

static int index_of(const struct places *p, const char *code) {
  const struct place *u = places_find_code(p, code, 0);
  return u ? places_index(p, u) : -1;
}

static void test_counts(const struct places *p) {
  int n[2][4] = {{0}};
  for (int i = 0; i < places_count(p); i++) {
    const struct place *u = places_get(p, i);
    int tree = u->valid_from >= PLACES_NEW_FROM;
    n[tree][u->tier]++;
    if (tree)
      OK(u->valid_to == 0 && u->code[0] == 'm');
    else
      OK(u->valid_to == PLACES_OLD_TO && u->valid_from == 0);
  }
  INT_EQ(n[0][1], 63);
  INT_EQ(n[0][2], 696);
  INT_EQ(n[0][3], 10047);
  INT_EQ(n[1][1], 34);
  INT_EQ(n[1][2], 3321); /* the new communes are the provinces' children */
  INT_EQ(n[1][3], 0);
}

/* The seeded generator of the sample (a 64-bit LCG, so the sample is the
 * same on every machine). */
static uint32_t next_rand(uint64_t *s) {
  *s = *s * 6364136223846793005u + 1442695040888963407u;
  return (uint32_t)(*s >> 33);
}

static int province_of(const struct places *p, int u) {
  while (places_get(p, u)->parent >= 0)
    u = places_get(p, u)->parent;
  return u;
}

/* 500 units of one tree, each named "LEVEL NAME, LEVEL PROVINCE" (a path)
 * and, apart, with its province as the query's context: the unit is among
 * the candidates, valid on the date, and any other candidate is a unit of
 * the same name, level and province (two communes of one name in two
 * districts); then naming the district too makes it the only one. */
static void test_sample(const struct places *p, bool new_tree) {
  uint64_t seed = new_tree ? 2026 : 2023;
  int date = new_tree ? 20260315 : 20230615;
  int tested = 0, unique = 0;
  char name[512], prov[256];
  while (tested < 500) {
    int i = (int)(next_rand(&seed) % (uint32_t)places_count(p));
    const struct place *u = places_get(p, i);
    if ((u->valid_from >= PLACES_NEW_FROM) != new_tree)
      continue;
    tested++;
    int pr = province_of(p, i);
    places_describe(p, u, false, name, sizeof name);
    if (pr != i) {
      places_describe(p, places_get(p, pr), false, prov, sizeof prov);
      strcat(name, ", ");
      strcat(name, prov);
    }
    struct place_match m[MAXC], m2[MAXC];
    int n = lookup(p, name, date, NULL, 0, m);
    int found = 0, same = 1;
    for (int k = 0; k < n && k < MAXC; k++) {
      const struct place *v = places_get(p, m[k].unit);
      found += m[k].unit == i;
      same &= strcmp(v->fold, u->fold) == 0 &&
              strcmp(v->level, u->level) == 0 &&
              province_of(p, m[k].unit) == pr && places_valid_at(v, date);
    }
    HARNESS_REPORT(found == 1 && same, "%s: %d candidates, %s among them",
                   name, n, found ? "it is" : "it is not");
    unique += n == 1;
    /* the name alone, the province as the context */
    places_describe(p, u, false, name, sizeof name);
    int n2 = lookup(p, name, date, &pr, 1, m2);
    OK(n2 == n);
    if (n == 1) {
      OK(n2 == 1 && m2[0].unit == i &&
         (m2[0].flags & (PLACE_LEVEL | PLACE_AT_DATE | PLACE_IN_CONTEXT)) ==
             (PLACE_LEVEL | PLACE_AT_DATE | PLACE_IN_CONTEXT));
      continue;
    }
    /* ambiguous within the province: an old commune, named with its
     * district as well */
    OK(!new_tree && u->tier == 3);
    places_describe(p, u, true, name, sizeof name);
    n = lookup(p, name, date, NULL, 0, m);
    HARNESS_REPORT(n == 1 && m[0].unit == i, "%s: %d candidates", name, n);
  }
  printf("%s tree: 500 units, %d unique with their province, the others "
         "with their district\n",
         new_tree ? "new" : "old", unique);
  OK(unique > 450);
}

static void test_chau_thanh(const struct places *p) {
  struct place_match m[MAXC];
  /* ten provinces have a huyện Châu Thành */
  int n = lookup(p, "huyện Châu Thành", 20230101, NULL, 0, m);
  INT_EQ(n, 10);
  for (int k = 0; k < n; k++)
    STR_EQ(places_get(p, m[k].unit)->level, "huyện");
  STR_EQ(code_of(p, &m[0]), "708"); /* by code */
  int tg = index_of(p, "82");
  n = lookup(p, "huyện Châu Thành", 20230101, &tg, 1, m);
  INT_EQ(n, 1);
  STR_EQ(code_of(p, &m[0]), "821");
  n = lookup(p, "H. Châu Thành, tỉnh Tiền Giang", 20230101, NULL, 0, m);
  INT_EQ(n, 1);
  STR_EQ(code_of(p, &m[0]), "821");
  n = lookup(p, "Châu Thành, Tiền Giang", 20230101, NULL, 0, m);
  INT_EQ(n, 1);
  STR_EQ(code_of(p, &m[0]), "821");
  /* the district as context: thị trấn Châu Thành of huyện Châu Thành, Bến
   * Tre (831), not the huyện itself since the level says thị trấn */
  int bt = index_of(p, "831");
  n = lookup(p, "thị trấn Châu Thành", 20230101, &bt, 1, m);
  INT_EQ(n, 1);
  STR_EQ(code_of(p, &m[0]), "28810");
  /* without a level word, both levels in the district's province */
  int btp = index_of(p, "83");
  n = lookup(p, "Châu Thành", 20230101, &btp, 1, m);
  INT_EQ(n, 2);
  /* after the reform: five communes named Châu Thành; Tiền Giang's old
   * territory (in Đồng Tháp now) decides */
  n = lookup(p, "xã Châu Thành", 20260101, NULL, 0, m);
  INT_EQ(n, 5);
  n = lookup(p, "xã Châu Thành", 20260101, &tg, 1, m);
  INT_EQ(n, 1);
  STR_EQ(code_of(p, &m[0]), "m28519");
  OK(m[0].flags & PLACE_IN_CONTEXT);
  /* a context that none of them is in leaves them all, unflagged */
  int hn = index_of(p, "01");
  n = lookup(p, "huyện Châu Thành", 20230101, &hn, 1, m);
  INT_EQ(n, 10);
  OK(!(m[0].flags & PLACE_IN_CONTEXT));
}

static void test_dates(const struct places *p) {
  struct place_match m[MAXC];
  int db = index_of(p, "11");
  /* a 2023 figure about huyện Mường Ảng, a 2026 one about xã Mường Ảng */
  INT_EQ(lookup(p, "huyện Mường Ảng", 20231231, &db, 1, m), 1);
  STR_EQ(code_of(p, &m[0]), "102");
  INT_EQ(lookup(p, "xã Mường Ảng", 20261231, &db, 1, m), 1);
  STR_EQ(code_of(p, &m[0]), "m03256");
  /* the same name and level in both trees: the date decides */
  INT_EQ(lookup(p, "quận Ba Đình, Hà Nội", 20230101, NULL, 0, m), 1);
  STR_EQ(code_of(p, &m[0]), "001");
  INT_EQ(lookup(p, "phường Ba Đình, Hà Nội", 20260101, NULL, 0, m), 1);
  STR_EQ(code_of(p, &m[0]), "m00004");
  /* the place named decides over the date: in 2023 the phường Ba Đình of
   * Hà Nội is the one from 2025, not at the date; those of 2023 are in
   * Thanh Hóa */
  INT_EQ(lookup(p, "phường Ba Đình, Hà Nội", 20230101, NULL, 0, m), 1);
  STR_EQ(code_of(p, &m[0]), "m00004");
  OK(!(m[0].flags & PLACE_AT_DATE) && (m[0].flags & PLACE_IN_CONTEXT));
  INT_EQ(lookup(p, "phường Ba Đình", 20230101, NULL, 0, m), 2);
  INT_EQ(lookup(p, "Điện Biên", 20230101, NULL, 0, m), 1);
  STR_EQ(code_of(p, &m[0]), "11");
  OK(m[0].flags & PLACE_BY_RANK);
  INT_EQ(lookup(p, "tỉnh Điện Biên", 20260101, NULL, 0, m), 1);
  STR_EQ(code_of(p, &m[0]), "m11");
  /* no date: both */
  INT_EQ(lookup(p, "tỉnh Điện Biên", 0, NULL, 0, m), 2);
  /* a name only the other tree has still resolves, not at the date */
  INT_EQ(lookup(p, "huyện Mường Ảng", 20261231, NULL, 0, m), 1);
  STR_EQ(code_of(p, &m[0]), "102");
  OK(!(m[0].flags & PLACE_AT_DATE));
  /* every pair of units of one name, level and province, one in each
   * tree, goes to the old one in 2023 and to the new one in 2026 */
  int pairs = 0;
  for (int i = 0; i < places_count(p) && pairs < 200; i++) {
    const struct place *u = places_get(p, i);
    if (u->code[0] != 'm' || u->tier != 2)
      continue;
    for (int k = 0; k < u->n_from; k++) {
      const struct place *o = places_get(p, u->from[k].unit);
      if (strcmp(o->name, u->name) || strcmp(o->level, u->level))
        continue;
      char name[256];
      places_describe(p, u, false, name, sizeof name);
      int po = province_of(p, u->from[k].unit), pn = province_of(p, i);
      struct place_match mo[MAXC], mn[MAXC];
      int no = lookup(p, name, 20230101, &po, 1, mo);
      int nn = lookup(p, name, 20260101, &pn, 1, mn);
      if (no != 1) /* a name two old districts of the province share */
        continue;
      pairs++;
      OK(mo[0].unit == u->from[k].unit);
      OK(nn == 1 && mn[0].unit == i);
    }
  }
  printf("%d names in both trees resolved by their date\n", pairs);
  INT_EQ(pairs, 200);
}

static void test_names(const struct places *p) {
  struct place_match m[MAXC];
  static const char *const mlay[] = {
      "Thị xã Mường Lay", "TX. Mường Lay",  "TX Mường Lay", "tx.Mường Lay",
      "THỊ XÃ MƯỜNG LAY", "thi xa Muong Lay", "  Thị xã   Mường Lay  "};
  for (size_t i = 0; i < sizeof mlay / sizeof mlay[0]; i++) {
    int n = lookup(p, mlay[i], 20240101, NULL, 0, m);
    HARNESS_REPORT(n == 1 && strcmp(code_of(p, &m[0]), "095") == 0,
                   "'%s': %d candidates", mlay[i], n);
  }
  INT_EQ(lookup(p, "TP. Điện Biên Phủ", 20240101, NULL, 0, m), 1);
  STR_EQ(code_of(p, &m[0]), "094");
  INT_EQ(lookup(p, "Thành phố Hồ Chí Minh", 20240101, NULL, 0, m), 1);
  STR_EQ(code_of(p, &m[0]), "79");
  /* hyphens and apostrophes with or without spaces, short forms */
  static const struct {
    const char *name;
    const char *code;
  } forms[] = {{"Bà Rịa - Vũng Tàu", "77"},  {"Bà Rịa-Vũng Tàu", "77"},
               {"tỉnh Bà Rịa – Vũng Tàu", "77"}, {"BRVT", "77"},
               {"TP Phan Rang - Tháp Chàm", "582"},
               {"Phan Rang-Tháp Chàm", "582"},
               {"TP.HCM", "79"},             {"TP. HCM", "79"},
               {"Thành phố Hồ Chí Minh", "79"}, {"huyện Ea H'Leo", "645"},
               {"huyện Ea H’Leo", "645"},   {"huyện Ea H' Leo", "645"}};
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    int n = lookup(p, forms[i].name, 20240101, NULL, 0, m);
    HARNESS_REPORT(n == 1 && strcmp(code_of(p, &m[0]), forms[i].code) == 0,
                   "'%s': %d candidates, first %s", forms[i].name, n,
                   n ? code_of(p, &m[0]) : "-");
  }
  /* a name that starts like a level word */
  INT_EQ(lookup(p, "Quán Thánh", 20240101, NULL, 0, m), 1);
  STR_EQ(code_of(p, &m[0]), "00013");
  /* a level word that fits no unit of that name */
  INT_EQ(lookup(p, "huyện Mường Lay", 20240101, NULL, 0, m), 1);
  OK(!(m[0].flags & PLACE_LEVEL));
  INT_EQ(lookup(p, "Mường Lâyy", 20240101, NULL, 0, m), 0);
  INT_EQ(lookup(p, "", 20240101, NULL, 0, m), 0);
  INT_EQ(lookup(p, ",", 20240101, NULL, 0, m), 0);
  const struct place *s = places_suggest(p, "thị xã Mường Lâyy",
                                          strlen("thị xã Mường Lâyy"), 20240101);
  OK(s && strcmp(s->code, "095") == 0);
  s = places_suggest(p, "Chau Thanhh", 11, 20260101);
  OK(s && strcmp(s->name, "Châu Thành") == 0 && s->code[0] == 'm');
  OK(places_suggest(p, "Xyzzyqwerty", 11, 0) == NULL);
  char d[256];
  STR_EQ(places_describe(p, places_find_code(p, "03172", 0), true, d, sizeof d),
         "thị trấn Mường Chà, huyện Mường Chà, tỉnh Điện Biên");
  STR_EQ(places_describe(p, places_find_code(p, "m11", 0), false, d, sizeof d),
         "tỉnh Điện Biên");
}

static void test_codes_and_links(const struct places *p) {
  const struct place *u = places_find_code(p, "11", 20230101);
  OK(u && strcmp(u->code, "11") == 0);
  u = places_find_code(p, "11", 20260101);
  OK(u && strcmp(u->code, "m11") == 0);
  u = places_find_code(p, "094", 20260101); /* no new unit: the old one */
  OK(u && strcmp(u->code, "094") == 0);
  OK(places_find_code(p, "muong-lay", 0) == NULL);
  /* Tiền Giang and Đồng Tháp went into the new Đồng Tháp, in full */
  const struct place *tg = places_find_code(p, "82", 0);
  INT_EQ(tg->n_into, 1);
  STR_EQ(places_get(p, tg->into[0].unit)->code, "m82");
  OK(!tg->into[0].partial);
  const struct place *dt = places_find_code(p, "m82", 0);
  INT_EQ(dt->n_from, 2);
  /* phường Cống Vị was split between two new wards */
  u = places_find_code(p, "00007", 0);
  INT_EQ(u->n_into, 2);
  OK(u->into[0].partial && u->into[1].partial);
  /* every link is seen from both ends, and every old commune goes on */
  int links = 0, partial = 0;
  for (int i = 0; i < places_count(p); i++) {
    const struct place *v = places_get(p, i);
    if (v->tier == 3)
      OK(v->n_into >= 1);
    for (int k = 0; k < v->n_into; k++) {
      const struct place *w = places_get(p, v->into[k].unit);
      int back = 0;
      for (int j = 0; j < w->n_from; j++)
        back += w->from[j].unit == i && w->from[j].partial == v->into[k].partial;
      OK(back == 1);
      links++;
      partial += v->into[k].partial;
    }
  }
  INT_EQ(links, 10604 + 63);
  INT_EQ(partial, 1012);
  /* across the reform: a new commune is within the old district of the
   * old communes it took in */
  OK(places_within(p, index_of(p, "m03256"), index_of(p, "102")));
  OK(places_within(p, index_of(p, "m03256"), index_of(p, "11")));
  OK(places_within(p, index_of(p, "03256"), index_of(p, "m11")));
  OK(!places_within(p, index_of(p, "m03256"), index_of(p, "01")));
  /* children lists */
  int n = 0;
  for (int c = places_find_code(p, "11", 0)->first_child; c >= 0;
       c = places_get(p, c)->next_sibling)
    n++;
  INT_EQ(n, 10);
}

static void test_dates_parse(void) {
  static const struct {
    const char *period;
    int date;
  } periods[] = {{"2024", 20241231},     {"2024-Q1", 20240331},
                 {"2024-Q2", 20240630},  {"2025-Q3", 20250930},
                 {"2024-H1", 20240630},  {"2024-9M", 20240930},
                 {"2024-M02", 20240229}, {"2023-M02", 20230228},
                 {"2021-2025", 20251231}};
  for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++) {
    struct period p;
    OK(period_parse(periods[i].period, &p) == 0);
    INT_EQ(places_period_date(&p), periods[i].date);
  }
  int d = 0;
  OK(places_date_parse("2023", &d) == 0 && d == 20231231);
  OK(places_date_parse("2024-02", &d) == 0 && d == 20240229);
  OK(places_date_parse("2025-07-01", &d) == 0 && d == 20250701);
  OK(places_date_parse("2025-02-30", &d) == -1);
  OK(places_date_parse("2025-13", &d) == -1);
  OK(places_date_parse("20250701", &d) == -1);
  OK(places_date_parse("2025-7-1", &d) == -1);
  OK(places_date_parse("abcd", &d) == -1);
}

static void load_fails(const char *tsv, const char *msg) {
  struct err err;
  err_clear(&err);
  struct places *p = places_load_mem(tsv, strlen(tsv), "t.tsv", &err);
  HARNESS_REPORT(!p && strstr(err.msg, msg), "'%s': got '%s'", msg, err.msg);
  places_free(p);
}

static void test_load_errors(void) {
  load_fails("", "no units");
  load_fails("1\ttỉnh\tA\t\t\t\n", "fields");
  load_fails("1\tbang\tA\t\t\t\t\n", "unknown level 'bang'");
  load_fails("1\ttỉnh\tA\t9\t\t\t\n", "unknown parent '9'");
  load_fails("1\ttỉnh\tA\t\t\t\t\n1\ttỉnh\tB\t\t\t\t\n", "code '1' twice");
  load_fails("1\ttỉnh\tA\t\t2025\t\t\n", "YYYY-MM-DD");
  load_fails("1\ttỉnh\tA\t\t\t\tm1\n", "unknown unit 'm1'");
  load_fails("1\ttỉnh\tA\t\t\t\t\n2\thuyện\tB\t1\t\t\t\n3\txã\tC\t2\t\t\t\n"
             "4\txã\tD\t3\t\t\t\n",
             "no units below");
  struct err err;
  const char *ok = "# a comment\n1\ttỉnh\tA\t\t\t2025-06-30\tm1\n"
                   "m1\ttỉnh\tA\t\t2025-07-01\t\t\n";
  struct places *p = places_load_mem(ok, strlen(ok), "t.tsv", &err);
  OK(p && places_count(p) == 2);
  places_free(p);
}

int main(void) {
  struct err err;
  err_clear(&err);
  struct places *p = places_load(&err);
  OK(p != NULL);
  if (!p) {
    fprintf(stderr, "%s\n", err.msg);
    return DONE();
  }
  test_counts(p);
  test_sample(p, false);
  test_sample(p, true);
  test_chau_thanh(p);
  test_dates(p);
  test_names(p);
  test_codes_and_links(p);
  test_dates_parse();
  test_load_errors();
  places_free(p);
  return DONE();
}
