/* tests/unit/test_chart.c - chart geometry through the layout results,
 * round ticks, and a few pixels of the PNG export.
 *
 * With CHART_PNG_DIR set, every kind is also written there as KIND.png
 * (how docs/charts/ is made). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>

#include "chart/chart.h"
#include "harness.h"

#define NEAR(got, want) OK(fabs((got) - (want)) < 0.01)

static const char *fonts_dir(void) {
  static char path[1024];
  const char *src = getenv("SRC");
  snprintf(path, sizeof path, "%s/fonts", src ? src : ".");
  return path;
}

/* Tỷ lệ hộ nghèo of Mường Lay: lower is better; 2024 estimated, 2025
 * missing. */
static const struct chart_item poverty[] = {
    {"2020", CHART_V(12.3), CHART_V(12.0), CHART_NONE},
    {"2021", CHART_V(10.9), CHART_V(10.5), CHART_V(12.3)},
    {"2022", CHART_V(9.1), CHART_V(9.5), CHART_V(10.9)},
    {"2023", CHART_V(7.9), CHART_V(8.0), CHART_V(9.1)},
    {"2024", CHART_EST(6.5), CHART_V(7.01), CHART_V(7.9)},
    {"2025", CHART_NONE, CHART_V(5.5), CHART_NONE},
};

static struct chart trend_chart(void) {
  struct chart c = {0};
  c.kind = CHART_TREND;
  c.title = "Tỷ lệ hộ nghèo (chuẩn nghèo đa chiều)";
  c.subtitle = "Thị xã Mường Lay, 2020–2025";
  c.unit = "% hộ";
  c.direction = DIR_LOWER;
  c.decimals = -1;
  c.items = poverty;
  c.n_items = sizeof poverty / sizeof poverty[0];
  return c;
}

static const struct chart_item localities[] = {
    {"Mường Lay", CHART_V(7.01), CHART_V(6.5), CHART_NONE},
    {"Điện Biên Phủ", CHART_V(8.2), CHART_V(8.0), CHART_NONE},
    {"Huyện Mường Nhé (vùng đặc biệt khó khăn)", CHART_V(5.1), CHART_V(7.0),
     CHART_NONE},
    {"Tủa Chùa", CHART_NONE, CHART_V(6.0), CHART_NONE},
    {"Nậm Pồ", CHART_EST(6.4), CHART_V(6.5), CHART_NONE},
};

static const struct chart_item revenue[] = {
    {"Q1", CHART_V(120.5), CHART_V(100), CHART_NONE},
    {"Q2", CHART_V(240), CHART_V(260), CHART_NONE},
    {"Q3", CHART_EST(370), CHART_V(390), CHART_NONE},
    {"Q4", CHART_NONE, CHART_V(520), CHART_NONE},
};

static struct chart kind_chart(enum chart_kind k) {
  struct chart c = trend_chart();
  c.kind = k;
  if (k == CHART_COMPARISON || k == CHART_BULLET) {
    c.title = "Tốc độ tăng trưởng kinh tế (GRDP) 2024";
    c.subtitle = "Các huyện, thị xã tỉnh Điện Biên";
    c.unit = "%";
    c.direction = DIR_HIGHER;
    c.items = localities;
    c.n_items = sizeof localities / sizeof localities[0];
  }
  if (k == CHART_VARIANCE) {
    c.title = "Thu ngân sách nhà nước so với dự toán";
    c.subtitle = "Thị xã Mường Lay, lũy kế 2024";
    c.unit = "tỷ đồng";
    c.direction = DIR_HIGHER;
    c.items = revenue;
    c.n_items = 4;
  }
  if (k == CHART_STATUS) {
    c.title = "Kết quả thực hiện chỉ tiêu chủ yếu năm 2024";
    c.subtitle = "Thị xã Mường Lay";
    c.n_met = 14;
    c.n_near = 5;
    c.n_missed = 4;
    c.n_nodata = 3;
  }
  return c;
}

static const struct chart_item big1[] = {
    {"2022", CHART_V(1.2e6), CHART_V(1.0e6), CHART_NONE},
    {"2023", CHART_V(1.5e6), CHART_V(1.4e6), CHART_NONE},
    {"2024", CHART_EST(1.9e6), CHART_V(2.0e6), CHART_NONE}};
static const struct chart_item big2[] = {
    {"2022", CHART_V(0.4e6), CHART_V(0.5e6), CHART_NONE},
    {"2023", CHART_V(0.6e6), CHART_V(0.55e6), CHART_NONE},
    {"2024", CHART_V(0.7e6), CHART_V(0.8e6), CHART_NONE}};
static const struct chart_item big3[] = {
    {"2022", CHART_V(2.1e6), CHART_V(2.0e6), CHART_NONE},
    {"2023", CHART_NONE, CHART_V(2.2e6), CHART_NONE},
    {"2024", CHART_V(2.6e6), CHART_V(2.5e6), CHART_NONE}};
static const struct chart_panel panels[] = {{"Mường Lay", big1, 3},
                                            {"Điện Biên Phủ", big2, 3},
                                            {"Mường Nhé", big3, 3},
                                            {"Tủa Chùa", big2, 3}};

static struct chart multiples_chart(void) {
  struct chart c = {0};
  c.kind = CHART_MULTIPLES;
  c.title = "Tổng lượt khách du lịch";
  c.subtitle = "Cùng một thang đo cho mọi địa phương";
  c.unit = "lượt";
  c.decimals = -1;
  c.panels = panels;
  c.n_panels = 4;
  return c;
}

/* An image canvas of w x h points at scale 1. */
static cairo_surface_t *surface(int w, int h) {
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_destroy(cr);
  return s;
}

/* The grey level (0..255) of pixel (x, y). */
static int pixel(cairo_surface_t *s, int x, int y) {
  cairo_surface_flush(s);
  unsigned char *d = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  unsigned int v = *(unsigned int *)(d + y * stride + x * 4);
  return (int)(((v >> 16) & 255) + ((v >> 8) & 255) + (v & 255)) / 3;
}

static void test_nice_step(void) {
  DBL_EQ(chart_nice_step(0, 10, 5), 2);
  DBL_EQ(chart_nice_step(0, 7.01, 5), 2);
  DBL_EQ(chart_nice_step(0, 100, 5), 20);
  DBL_EQ(chart_nice_step(0, 0.03, 5), 0.01);
  DBL_EQ(chart_nice_step(-3, 12, 5), 5);
  DBL_EQ(chart_nice_step(0, 1e12, 5), 2e11);
}

static void test_trend_geometry(void) {
  struct err err;
  struct chart c = trend_chart();
  cairo_surface_t *s = surface(480, 300);
  struct canvas *cv = canvas_cairo_new(s, fonts_dir(), &err);
  OK(cv != NULL);
  if (!cv)
    return;
  struct chart_layout l;
  INT_EQ(chart_draw(&c, cv, 10, 10, 460, 280, &l, &err), 0);
  OK(!l.horizontal);
  INT_EQ(l.n_marks, 6);
  /* round ticks: 1-2-5 steps from zero */
  OK(l.n_ticks >= 3 && l.n_ticks <= 8);
  DBL_EQ(l.ticks[0], 0);
  double m = l.tick_step / pow(10, floor(log10(l.tick_step)));
  OK(fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 || fabs(m - 5) < 1e-9);
  for (int i = 1; i < l.n_ticks; i++)
    NEAR(l.ticks[i] - l.ticks[i - 1], l.tick_step);
  OK(l.ticks[l.n_ticks - 1] >= 12.3);
  /* the plan marker of 7,01 sits where the axis maps 7,01 */
  OK(l.marks[4].has_plan);
  NEAR(l.marks[4].plan_at, chart_layout_map(&l, 7.01));
  NEAR(l.marks[0].bar_end, chart_layout_map(&l, 12.3));
  NEAR(l.marks[0].y, chart_layout_map(&l, 12.3));
  NEAR(l.marks[0].y + l.marks[0].h, chart_layout_map(&l, 0));
  /* 2025 has no figure: no bar, a note, the plan still drawn */
  OK(!l.marks[5].has_bar);
  OK(l.marks[5].missing);
  OK(l.marks[5].has_plan);
  /* bars in time order, left to right */
  for (int i = 1; i < 5; i++)
    OK(l.marks[i].x > l.marks[i - 1].x);
  /* pixels: the inside of the 2020 bar is dark grey, the plot above the
   * highest tick is white */
  int bx = (int)(l.marks[0].x + 3), by = (int)(l.marks[0].y + l.marks[0].h - 3);
  OK(pixel(s, bx, by) < 90);
  OK(pixel(s, (int)(l.plot_x + l.plot_w - 2), (int)(l.plot_y - 2)) > 240);
  canvas_free(cv);
  cairo_surface_destroy(s);
}

static void test_negative_and_big(void) {
  struct err err;
  static const struct chart_item it[] = {
      {"2022", CHART_V(-3.2), CHART_V(2), CHART_NONE},
      {"2023", CHART_V(4.5), CHART_V(3), CHART_NONE}};
  struct chart c = {0};
  c.kind = CHART_TREND;
  c.unit = "%";
  c.decimals = 1;
  c.items = it;
  c.n_items = 2;
  cairo_surface_t *s = surface(300, 200);
  struct canvas *cv = canvas_cairo_new(s, fonts_dir(), &err);
  struct chart_layout l;
  INT_EQ(chart_draw(&c, cv, 0, 0, 300, 200, &l, &err), 0);
  OK(l.v0 <= -3.2 && l.v1 >= 4.5);
  /* the negative bar hangs below zero */
  NEAR(l.marks[0].y, chart_layout_map(&l, 0));
  NEAR(l.marks[0].y + l.marks[0].h, chart_layout_map(&l, -3.2));

  /* 10^12 and 0,01 on one kind of axis: scale words for big ones */
  static const struct chart_item bigs[] = {
      {"A", CHART_V(1.2e12), CHART_NONE, CHART_NONE},
      {"B", CHART_V(3.4e11), CHART_NONE, CHART_NONE}};
  c.items = bigs;
  c.unit = "đồng";
  INT_EQ(chart_draw(&c, cv, 0, 0, 300, 200, &l, &err), 0);
  STR_EQ(l.scale_word, "nghìn tỷ");
  static const struct chart_item smalls[] = {
      {"A", CHART_V(0.01), CHART_NONE, CHART_NONE},
      {"B", CHART_V(0.03), CHART_NONE, CHART_NONE}};
  c.items = smalls;
  c.unit = "tấn";
  INT_EQ(chart_draw(&c, cv, 0, 0, 300, 200, &l, &err), 0);
  STR_EQ(l.scale_word, "");
  OK(l.tick_step <= 0.01 + 1e-12);
  canvas_free(cv);
  cairo_surface_destroy(s);
}

static void test_comparison_and_bullet(void) {
  struct err err;
  cairo_surface_t *s = surface(520, 300);
  struct canvas *cv = canvas_cairo_new(s, fonts_dir(), &err);
  for (int k = CHART_COMPARISON; k <= CHART_BULLET; k++) {
    struct chart c = kind_chart((enum chart_kind)k);
    struct chart_layout l;
    INT_EQ(chart_draw(&c, cv, 0, 0, 520, 300, &l, &err), 0);
    OK(l.horizontal);
    INT_EQ(l.n_marks, 5);
    NEAR(l.marks[0].plan_at, chart_layout_map(&l, 6.5));
    NEAR(l.marks[0].bar_end, chart_layout_map(&l, 7.01));
    OK(!l.marks[3].has_bar);
    OK(l.marks[3].missing);
    /* rows go down */
    OK(l.marks[1].y > l.marks[0].y);
  }
  canvas_free(cv);
  cairo_surface_destroy(s);
}

static void test_variance_and_status(void) {
  struct err err;
  cairo_surface_t *s = surface(480, 320);
  struct canvas *cv = canvas_cairo_new(s, fonts_dir(), &err);
  struct chart c = kind_chart(CHART_VARIANCE);
  struct chart_layout l;
  INT_EQ(chart_draw(&c, cv, 0, 0, 480, 320, &l, &err), 0);
  /* Q1: 120,5 - 100 = +20,5 above zero, green (good: higher is better) */
  NEAR(l.marks[0].bar_end, chart_layout_map(&l, 20.5));
  OK(l.marks[0].bar_end < l.marks[0].plan_at);
  cairo_surface_flush(s);
  {
    unsigned char *d = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    int px = (int)(l.marks[0].x + l.marks[0].w / 2);
    int py = (int)(l.marks[0].y + l.marks[0].h / 2);
    unsigned int v = *(unsigned int *)(d + py * stride + px * 4);
    OK(((v >> 8) & 255) > ((v >> 16) & 255)); /* green over red */
    px = (int)(l.marks[1].x + l.marks[1].w / 2);
    py = (int)(l.marks[1].y + l.marks[1].h / 2);
    v = *(unsigned int *)(d + py * stride + px * 4);
    OK(((v >> 16) & 255) > ((v >> 8) & 255)); /* Q2 below plan: red */
  }
  OK(l.marks[3].missing);
  /* lower is better: the same numbers turn the colours round */
  c.direction = DIR_LOWER;
  INT_EQ(chart_draw(&c, cv, 0, 0, 480, 320, &l, &err), 0);

  c = kind_chart(CHART_STATUS);
  INT_EQ(chart_draw(&c, cv, 0, 0, 480, 200, &l, &err), 0);
  INT_EQ(l.n_marks, 4);
  NEAR(l.marks[0].w /
           (l.marks[0].w + l.marks[1].w + l.marks[2].w + l.marks[3].w),
       14.0 / 26);
  canvas_free(cv);
  cairo_surface_destroy(s);
}

static void test_multiples(void) {
  struct err err;
  cairo_surface_t *s = surface(520, 400);
  struct canvas *cv = canvas_cairo_new(s, fonts_dir(), &err);
  struct chart c = multiples_chart();
  struct chart_layout l;
  INT_EQ(chart_draw(&c, cv, 0, 0, 520, 400, &l, &err), 0);
  INT_EQ(l.n_marks, 12);
  STR_EQ(l.scale_word, "triệu");
  /* one scale: equal values give equal bar heights in different panels */
  NEAR(l.marks[3].h, l.marks[9].h); /* both 0,4 triệu */
  OK(l.marks[7].missing);           /* Mường Nhé 2023 */
  canvas_free(cv);
  cairo_surface_destroy(s);
}

/* A canvas that draws nothing and records the text it is given, to check
 * what a chart writes whatever the canvas (STYLE.md: charts never know
 * which canvas they have). Text is 0,5 em per character wide. */
struct rec_canvas {
  struct canvas cv;
  cairo_surface_t *s;
  char text[8192];
  int fills, strokes;
  int depth, groups; /* furniture groups open, and begun in all */
  bool nested;       /* a group was begun inside another */
};

static void rec_fill(struct canvas *cv, struct rgba c) {
  (void)c;
  ((struct rec_canvas *)cv)->fills++;
  cairo_new_path(cv->cr);
}
static void rec_stroke(struct canvas *cv, struct rgba c, double w,
                       const double *d, int n) {
  (void)c, (void)w, (void)d, (void)n;
  ((struct rec_canvas *)cv)->strokes++;
  cairo_new_path(cv->cr);
}
static double rec_width(struct canvas *cv, const char *s, double size,
                        bool bold) {
  (void)cv, (void)bold;
  size_t n = 0;
  for (; *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return (double)n * size * 0.5;
}
static void rec_text(struct canvas *cv, double x, double y, const char *s,
                     double size, bool bold, struct rgba c,
                     enum canvas_align a) {
  (void)x, (void)y, (void)size, (void)bold, (void)c, (void)a;
  struct rec_canvas *r = (struct rec_canvas *)cv;
  size_t len = strlen(r->text);
  snprintf(r->text + len, sizeof r->text - len, "%s|", s);
}
static void rec_nop(struct canvas *cv) { (void)cv; }
static void rec_group(struct canvas *cv, bool begin, double x, double y) {
  (void)x, (void)y;
  struct rec_canvas *r = (struct rec_canvas *)cv;
  if (begin) {
    r->nested |= r->depth > 0;
    r->depth++;
    r->groups++;
  } else {
    r->depth--;
  }
}
static void rec_clip(struct canvas *cv) { cairo_new_path(cv->cr); }
static const struct canvas_ops rec_ops = {rec_fill,  rec_stroke, rec_text,
                                          rec_width, rec_nop,    rec_clip,
                                          rec_nop,   rec_nop,    rec_group};

static void rec_init(struct rec_canvas *r) {
  memset(r, 0, sizeof *r);
  r->cv.ops = &rec_ops;
  r->s = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
  r->cv.cr = cairo_create(r->s);
}

static void rec_done(struct rec_canvas *r) {
  /* furniture groups are balanced and never nested (pdf_form_begin) */
  OK(r->depth == 0 && !r->nested);
  cairo_destroy(r->cv.cr);
  cairo_surface_destroy(r->s);
}

static void test_text_written(void) {
  struct err err;
  struct rec_canvas r;
  rec_init(&r);
  struct chart c = kind_chart(CHART_COMPARISON);
  INT_EQ(chart_draw(&c, &r.cv, 0, 0, 200, 260, NULL, &err), 0);
  OK(strstr(r.text, "|7,01|") != NULL);
  OK(strstr(r.text, "|107,8%|") != NULL); /* 7,01 / 6,5 */
  OK(strstr(r.text, "|chưa có số liệu|") != NULL);
  OK(strstr(r.text, "|6,4 (ước)|") != NULL);
  OK(strstr(r.text, "|% KH|") != NULL);
  /* the long label is cut with "…" on its second line */
  OK(strstr(r.text, "Huyện Mường") != NULL);
  OK(strstr(r.text, "…|") != NULL);
  OK(strstr(r.text, "(vùng đặc biệt khó khăn)") == NULL);
  INT_EQ(r.fills, 4); /* four bars: Tủa Chùa has none */
  OK(r.strokes > 5);

  /* trend: ticks in Vietnamese format, unit in the axis title */
  r.text[0] = '\0';
  static const struct chart_item it[] = {
      {"2023", CHART_V(1234.5), CHART_V(1500), CHART_NONE},
      {"2024", CHART_V(2500.25), CHART_V(2000), CHART_NONE}};
  c = trend_chart();
  c.unit = "tỷ đồng";
  c.items = it;
  c.n_items = 2;
  c.decimals = 1;
  INT_EQ(chart_draw(&c, &r.cv, 0, 0, 400, 260, NULL, &err), 0);
  OK(strstr(r.text, "|1.234,5|") != NULL);
  OK(strstr(r.text, "|2.500,3|") != NULL);
  OK(strstr(r.text, "|tỷ đồng|") != NULL);
  OK(strstr(r.text, "|3.000|") != NULL);
  /* one commune: ticks 0 and 1, not 0,2 steps */
  r.text[0] = '\0';
  static const struct chart_item one[] = {
      {"2023", CHART_V(1), CHART_V(1), CHART_NONE},
      {"2024", CHART_V(1), CHART_V(1), CHART_NONE}};
  c.unit = "xã";
  c.items = one;
  struct chart_layout l;
  INT_EQ(chart_draw(&c, &r.cv, 0, 0, 400, 260, &l, &err), 0);
  DBL_EQ(l.tick_step, 1);
  OK(strstr(r.text, "|0,2|") == NULL);
  /* millions of visitors: "triệu lượt" and short labels */
  r.text[0] = '\0';
  c = multiples_chart();
  INT_EQ(chart_draw(&c, &r.cv, 0, 0, 500, 400, NULL, &err), 0);
  OK(strstr(r.text, "|triệu lượt|") != NULL);
  OK(strstr(r.text, "|1,2|") != NULL);
  OK(strstr(r.text, "1.200.000") == NULL);
  /* variance: signs, lower is better */
  r.text[0] = '\0';
  c = kind_chart(CHART_VARIANCE);
  INT_EQ(chart_draw(&c, &r.cv, 0, 0, 400, 300, NULL, &err), 0);
  OK(strstr(r.text, "|+20,5|") != NULL);
  OK(strstr(r.text, "|-20|") != NULL);
  OK(strstr(r.text, "|+20,5%|") != NULL);
  /* no items at all: the note, no bars */
  r.text[0] = '\0';
  r.fills = 0;
  c = trend_chart();
  c.n_items = 0;
  INT_EQ(chart_draw(&c, &r.cv, 0, 0, 400, 260, NULL, &err), 0);
  OK(strstr(r.text, "|chưa có số liệu|") != NULL);
  INT_EQ(r.fills, 0);
  /* status */
  r.text[0] = '\0';
  c = kind_chart(CHART_STATUS);
  INT_EQ(chart_draw(&c, &r.cv, 0, 0, 400, 160, NULL, &err), 0);
  OK(strstr(r.text, "|14/26 chỉ tiêu đạt và vượt kế hoạch|") != NULL);
  rec_done(&r);
}

static void test_errors(void) {
  struct err err;
  cairo_surface_t *s = surface(100, 100);
  struct canvas *cv = canvas_cairo_new(s, "no-such-dir", &err);
  OK(cv == NULL);
  OK(strstr(err.file, "NotoSans-Regular.ttf") != NULL);
  cv = canvas_cairo_new(s, fonts_dir(), &err);
  struct chart c = trend_chart();
  static const struct chart_item bad[] = {
      {"M\xC6", CHART_V(1), CHART_NONE, CHART_NONE}};
  c.items = bad;
  c.n_items = 1;
  INT_EQ(chart_draw(&c, cv, 0, 0, 100, 100, NULL, &err), -1);
  OK(strstr(err.msg, "UTF-8") != NULL);
  c = trend_chart();
  INT_EQ(chart_draw(&c, cv, 0, 0, 20, 20, NULL, &err), -1);
  canvas_free(cv);
  cairo_surface_destroy(s);
  c = trend_chart();
  INT_EQ(chart_write_file(&c, "no-such-dir/x.png", fonts_dir(), 300, 200, &err),
         -1);
  OK(strstr(err.msg, "does not exist") != NULL);
  INT_EQ(chart_write_file(&c, "x.gif", fonts_dir(), 300, 200, &err), -1);
}

static void test_write_files(void) {
  struct err err;
  const char *dir = getenv("CHART_PNG_DIR");
  char tmp[] = "/tmp/chitieu-chart-XXXXXX";
  if (!dir) {
    dir = mkdtemp(tmp);
    OK(dir != NULL);
    if (!dir)
      return;
  }
  static const char *const names[] = {"trend",    "comparison", "bullet",
                                      "variance", "status",     "multiples"};
  for (int k = 0; k < 6; k++) {
    struct chart c = k == CHART_MULTIPLES ? multiples_chart()
                                          : kind_chart((enum chart_kind)k);
    char path[1200];
    double h = k == CHART_STATUS ? 170 : k == CHART_MULTIPLES ? 400 : 300;
    snprintf(path, sizeof path, "%s/%s.png", dir, names[k]);
    INT_EQ(chart_write_file(&c, path, fonts_dir(), 480, h, &err), 0);
    OK(access(path, R_OK) == 0);
    if (dir == tmp)
      unlink(path);
  }
  /* pixels of a PNG file: 2x size, the first bar dark where the layout
   * says it is, white outside the plot */
  {
    struct chart c = trend_chart();
    char path[1200];
    snprintf(path, sizeof path, "%s/px.png", dir);
    INT_EQ(chart_write_file(&c, path, fonts_dir(), 480, 300, &err), 0);
    cairo_surface_t *png = cairo_image_surface_create_from_png(path);
    OK(cairo_surface_status(png) == CAIRO_STATUS_SUCCESS);
    INT_EQ(cairo_image_surface_get_width(png), 960);
    INT_EQ(cairo_image_surface_get_height(png), 600);
    /* the same layout as chart_write_file: 8 pt margin */
    cairo_surface_t *s = surface(480, 300);
    struct canvas *cv = canvas_cairo_new(s, fonts_dir(), &err);
    struct chart_layout l;
    INT_EQ(chart_draw(&c, cv, 8, 8, 464, 284, &l, &err), 0);
    const struct chart_mark *m = &l.marks[0];
    OK(pixel(png, (int)(2 * (m->x + m->w / 2)), (int)(2 * (m->y + m->h / 2))) <
       90);
    OK(pixel(png, 4, 598) > 250);
    /* 2025 has no bar: its slot above the axis is white at bar height */
    const struct chart_mark *m5 = &l.marks[5];
    OK(m5->missing);
    OK(pixel(png, (int)(2 * (l.marks[4].x + (l.marks[4].x - l.marks[3].x))),
             (int)(2 * (l.plot_y + l.plot_h - 4))) > 200);
    canvas_free(cv);
    cairo_surface_destroy(s);
    cairo_surface_destroy(png);
    unlink(path);
  }
  if (dir == tmp)
    rmdir(tmp);
  /* SVG: a well-formed file with the text as glyphs */
  char stmp[] = "/tmp/chitieu-svg-XXXXXX";
  if (!mkdtemp(stmp))
    return;
  char path[1200];
  struct chart c = trend_chart();
  snprintf(path, sizeof path, "%s/trend.svg", stmp);
  INT_EQ(chart_write_file(&c, path, fonts_dir(), 480, 300, &err), 0);
  FILE *fp = fopen(path, "r");
  char head[256] = "";
  OK(fp && fread(head, 1, sizeof head - 1, fp) > 0);
  OK(strstr(head, "<svg") != NULL);
  if (fp)
    fclose(fp);
  unlink(path);
  rmdir(stmp);
}

/* "% KH" is judged as the report's tables judge it: good, near, bad. */
static void test_judge(void) {
  struct chart c = {.kind = CHART_COMPARISON, .near_pct = 90};
  INT_EQ(chart_judge(&c, 7.01, 7.0), CHART_GOOD);
  INT_EQ(chart_judge(&c, 6.5, 7.0), CHART_NEAR); /* 92,9% */
  INT_EQ(chart_judge(&c, 6.0, 7.0), CHART_BAD);  /* 85,7% */
  c.direction = DIR_LOWER; /* poverty: under plan is good */
  INT_EQ(chart_judge(&c, 5.86, 6.0), CHART_GOOD);
  INT_EQ(chart_judge(&c, 6.5, 6.0), CHART_NEAR); /* <= 6 x 100/90 */
  INT_EQ(chart_judge(&c, 7.0, 6.0), CHART_BAD);
  c.near_pct = 0; /* no band: good or bad only */
  INT_EQ(chart_judge(&c, 6.5, 6.0), CHART_BAD);
}

int main(void) {
  test_judge();
  test_nice_step();
  test_trend_geometry();
  test_negative_and_big();
  test_comparison_and_bullet();
  test_variance_and_status();
  test_multiples();
  test_text_written();
  test_errors();
  test_write_files();
  cairo_debug_reset_static_data();
  return DONE();
}
