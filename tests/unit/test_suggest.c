/* tests/unit/test_suggest.c - text/suggest.c ("did you mean", slugs) and
 * text/legacy.c (TCVN3, VNI and their mojibake told from UTF-8). */
#include <string.h>

#include "harness.h"
#include "text/legacy.h"
#include "text/suggest.h"

static void test_distance(void) {
  INT_EQ((int)text_edit_distance("huyen", "huyện"), 1); /* code points */
  INT_EQ((int)text_edit_distance("", "abc"), 3);
  INT_EQ((int)text_edit_distance("grdp_growht", "grdp_growth"), 2);
  INT_EQ((int)text_edit_distance("kitten", "sitting"), 3);
}

static void test_suggest(void) {
  const char *codes[] = {"grdp_growth", "poverty_rate", NULL, "muong-lay"};
  STR_EQ(text_suggest("grdp_growht", codes, 4), "grdp_growth");
  STR_EQ(text_suggest("muong-lai", codes, 4), "muong-lay");
  OK(text_suggest("budget", codes, 4) == NULL); /* near none */
  OK(text_suggest("x", codes, 0) == NULL);
  const char *groups[] = {"Kinh tế", "Xã hội"};
  STR_EQ(text_suggest("Kinh te", groups, 2), "Kinh tế"); /* diacritics */
  STR_EQ(text_suggest("XA HOI", groups, 2), "Xã hội");   /* and case */
}

static void test_slug(void) {
  char s[64];
  OK(text_is_slug("muong-lay", '-'));
  OK(text_is_slug("grdp_growth", '_'));
  OK(text_is_slug("x300", '-'));
  OK(!text_is_slug("MUONG-LAY", '-'));
  OK(!text_is_slug("muong lay", '-'));
  OK(!text_is_slug("-muong", '-'));
  OK(!text_is_slug("muong-", '-'));
  OK(!text_is_slug("", '-'));
  OK(!text_is_slug("grdp-growth", '_'));
  STR_EQ(text_slug("MUONG-LAY", '-', s, sizeof s), "muong-lay");
  STR_EQ(text_slug("Mường Lay", '-', s, sizeof s), "muong-lay");
  STR_EQ(text_slug("  Điện  Biên Phủ! ", '-', s, sizeof s), "dien-bien-phu");
  STR_EQ(text_slug("GRDP-Growth", '_', s, sizeof s), "grdp_growth");
  STR_EQ(text_slug("#?", '-', s, sizeof s), "");
  STR_EQ(text_slug("abcdefgh", '-', s, 4), "abc"); /* cut, terminated */
}

static enum text_legacy detect(const char *s, bool valid) {
  return text_legacy_detect(s, strlen(s), valid);
}

static void test_legacy(void) {
  /* "Năm 2020, tổng thu ngân sách nhà nước ... đạt 107,1% dự toán." in
   * TCVN3 (iconv -t TCVN5712-1) */
  const char *tcvn = "N\xA8m 2020, t\xE6ng thu ng\xA9n s\xB8" "ch nh\xB5 "
                     "n\xAD\xED" "c tr\xAAn \xAE\xDE" "a b\xB5n th\xDE x\xB7 "
                     "M\xAD\xEAng Lay \xAE\xB9t 107,1% d\xF9 to\xB8n.\n";
  INT_EQ(detect(tcvn, false), TEXT_LEGACY_TCVN3);
  /* the same in VNI: the vowel, then its marks */
  const char *vni = "Na\xEAm 2020, to\xE5ng thu nga\xE2n sa\xF9" "ch nha\xF8 "
                    "n\xF6\xF4\xF9" "c tre\xE2n \xF1\xF2" "a ba\xF8n "
                    "th\xF2 xa\xF5 M\xF6\xF4\xF8ng Lay \xF1" "a\xEFt 107,1%.\n";
  INT_EQ(detect(vni, false), TEXT_LEGACY_VNI);
  /* TCVN3 read as Latin-1, saved as UTF-8 */
  const char *moji = "N\xC2\xA8m 2020, t\xC3\xA6ng thu ng\xC2\xA9n "
                     "s\xC2\xB8" "ch nh\xC2\xB5 n\xC2\xAD\xC3\xAD" "c "
                     "\xC2\xAE\xC2\xB9t 107,1% d\xC3\xB9 to\xC2\xB8n, "
                     "t\xC2\xA8ng tr\xC2\xAD\xC3\xABng.\n";
  INT_EQ(detect(moji, true), TEXT_LEGACY_MOJIBAKE);
  /* not legacy: Vietnamese UTF-8 (with a degree sign), French Latin-1,
   * UTF-8 with one stray byte, plain ASCII */
  INT_EQ(detect("Nhiệt độ 25 \xC2\xB0" "C, tăng trưởng đạt 7,01%.", true),
         TEXT_LEGACY_NONE);
  INT_EQ(detect("Le caf\xE9 \xE9tait tr\xE8s bon \xE0 Paris, pr\xE8s de la "
                "gare; les \xE9l\xE8ves \xE9taient l\xE0.",
                false),
         TEXT_LEGACY_NONE);
  INT_EQ(detect("Năm 2024 tăng trưởng \xFF đạt 7% và thu ngân sách đạt "
                "112,5% dự toán, tỷ lệ hộ nghèo giảm còn 5,8%.",
                false),
         TEXT_LEGACY_NONE);
  INT_EQ(detect("GRDP 2024 grew 7.01%.", true), TEXT_LEGACY_NONE);
  struct err err;
  err_clear(&err);
  OK(text_legacy_check(tcvn, strlen(tcvn), false, "a.txt", &err) == -1);
  OK(strstr(err.msg, "iconv -f TCVN5712-1 -t UTF-8") != NULL);
  STR_EQ(err.file, "a.txt");
  OK(text_legacy_check("ok", 2, true, "b.txt", &err) == 0);
}

int main(void) {
  test_distance();
  test_suggest();
  test_slug();
  test_legacy();
  return DONE();
}
