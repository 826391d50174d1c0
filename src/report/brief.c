/* report/brief.c - the briefing pack of a meeting: cover, table of
 * contents with links and bookmarks, summary of every locality, one
 * section per locality, one comparison page per key indicator, and an
 * appendix with the source of every figure shown. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_int.h"
#include "text/text.h"
#include "util/xalloc.h"

#define TOC_LINES 44 /* entries on one page of the table of contents */

struct toc_entry {
  char *title;
  int level; /* 0 section, 1 locality or indicator */
  int page;
  double y;
};

struct toc {
  struct toc_entry *v;
  size_t n, cap;
};

static void toc_add(struct toc *t, const char *title, int level, int page,
                    double y) {
  void *p = t->v;
  xgrow(&p, &t->cap, t->n + 1, sizeof *t->v);
  t->v = p;
  t->v[t->n++] = (struct toc_entry){xstrdup(title), level, page, y};
}

static void toc_free(struct toc *t) {
  for (size_t i = 0; i < t->n; i++)
    free(t->v[i].title);
  free(t->v);
}

/* Start a section, on a new page when 'new_page' (else where the cursor
 * is): bookmark it (under 'parent') and list it in the table of contents.
 * Returns the bookmark id or -1. */
static int section(struct cursor *c, struct toc *toc, const char *title,
                   int level, int parent, bool new_page, struct err *err) {
  if (new_page && cursor_page(c, err))
    return -1;
  if (block_heading(c, title, err))
    return -1;
  int page = pdf_page_current(c->doc);
  /* links and bookmarks land a little above the heading */
  double y = c->y - 40 > c->top ? c->y - 40 : c->top;
  toc_add(toc, title, level, page, y);
  return pdf_outline_add(c->doc, parent, title, page, y, err);
}

static bool has_section(const struct meeting *m, const char *name) {
  if (m->n_sections == 0)
    return true;
  for (size_t i = 0; i < m->n_sections; i++)
    if (!strcmp(m->sections[i], name))
      return true;
  return false;
}

static int draw_cover(struct cursor *c, const struct meeting *mt,
                      const char *loc, const char *plabel,
                      const char *data_date, const struct report_opts *o,
                      struct err *err) {
  if (cursor_page(c, err))
    return -1;
  double w = cursor_width(c);
  double h = 0;
  struct pdf_style st = PDF_SMALL;
  st.align = CANVAS_CENTER;
  st.size = 11;
  double mid = c->left + w / 2;
  if (pdf_text(c->doc, mid, 120, "TÀI LIỆU PHỤC VỤ CUỘC HỌP", &st, err))
    return -1;
  struct pdf_style h1 = PDF_H1;
  h1.size = 22;
  h1.align = CANVAS_CENTER;
  if (pdf_paragraph(c->doc, c->left + 20, 180, w - 40, mt->title, &h1, true, &h,
                    err))
    return -1;
  double y = 180 + h + 24;
  struct pdf_style h2 = PDF_H2;
  h2.align = CANVAS_CENTER;
  char line[512];
  snprintf(line, sizeof line, "%s — %s", loc, plabel);
  if (pdf_paragraph(c->doc, c->left, y, w, line, &h2, true, &h, err))
    return -1;
  y += h + 40;
  struct pdf_style body = PDF_BODY;
  body.size = 12;
  body.align = CANVAS_CENTER;
  int yy = 0, mm = 0, dd = 0;
  if (mt->date && sscanf(mt->date, "%d-%d-%d", &yy, &mm, &dd) == 3)
    snprintf(line, sizeof line, "Ngày họp: %02d/%02d/%04d", dd, mm, yy);
  else
    snprintf(line, sizeof line, "Ngày họp: %s", mt->date ? mt->date : "");
  if (pdf_text(c->doc, mid, y, line, &body, err))
    return -1;
  y += 22;
  if (mt->place) {
    snprintf(line, sizeof line, "Địa điểm: %s", mt->place);
    if (pdf_paragraph(c->doc, c->left, y - 12, w, line, &body, true, &h, err))
      return -1;
    y += h + 8;
  }
  if (mt->chair) {
    snprintf(line, sizeof line, "Chủ trì: %s", mt->chair);
    if (pdf_paragraph(c->doc, c->left, y - 12, w, line, &body, true, &h, err))
      return -1;
    y += h + 8;
  }
  if (data_date[0]) {
    y += 12;
    snprintf(line, sizeof line, "Nguồn: %s", data_date);
    struct pdf_style small = body;
    small.size = 10;
    if (pdf_text(c->doc, mid, y, line, &small, err))
      return -1;
  }
  snprintf(line, sizeof line, "Lập ngày %s bằng chitieu.%s", o->generated,
           mt->password ? " Tài liệu có mật khẩu: không sao chép, chuyển tiếp."
                        : "");
  if (pdf_paragraph(c->doc, c->left, c->bottom - 30, w, line, &st, true, &h,
                    err))
    return -1;
  return 0;
}

/* Summary: the main locality's status, then a row per locality. */
/* The children of the meeting's locality that have no figure at all (they
 * get no section), named so that none is dropped silently. */
static int draw_without_data(struct cursor *c, const struct config *cfg,
                             const struct meeting *mt,
                             const struct report_model *models, size_t n,
                             struct err *err) {
  struct buf b = BUF_INIT;
  size_t missing = 0;
  for (size_t i = 0; mt->children && i < cfg->n_localities; i++) {
    const struct locality *l = &cfg->localities[i];
    if (!l->parent || strcmp(l->parent, mt->locality))
      continue;
    bool shown = false;
    for (size_t k = 0; k < n && !shown; k++)
      shown = models[k].loc == l;
    if (shown)
      continue;
    buf_adds(&b, missing++ ? ", " : "");
    buf_adds(&b, l->name);
  }
  int rc = 0;
  if (missing) {
    char head[128];
    snprintf(head, sizeof head,
             "%zu đơn vị chưa có số liệu nào nên không có "
             "mục riêng: ",
             missing);
    struct buf line = BUF_INIT;
    buf_adds(&line, head);
    buf_adds(&line, b.s);
    buf_addc(&line, '.');
    struct pdf_style st = PDF_SMALL;
    double h = 0;
    rc = pdf_paragraph(c->doc, c->left, c->y, cursor_width(c), line.s, &st,
                       false, &h, err);
    if (rc == 0)
      rc = cursor_need(c, h + 4, err);
    if (rc == 0)
      rc = pdf_paragraph(c->doc, c->left, c->y, cursor_width(c), line.s, &st,
                         true, &h, err);
    c->y += h + 4;
    buf_free(&line);
  }
  buf_free(&b);
  return rc;
}

static int draw_summary(struct cursor *c, const struct report_model *models,
                        size_t n, struct err *err) {
  if (block_status(c, &models[0], err))
    return -1;
  static const char *const titles[] = {
      "STT",       "Đơn vị",          "Cấp",      "Đạt", "Gần đạt",
      "Không đạt", "Chưa có số liệu", "Tỷ lệ đạt"};
  double w = cursor_width(c);
  double fr[] = {0.06, 0.26, 0.12, 0.09, 0.1, 0.11, 0.13, 0.13};
  enum canvas_align al[] = {CANVAS_RIGHT, CANVAS_LEFT,  CANVAS_LEFT,
                            CANVAS_RIGHT, CANVAS_RIGHT, CANVAS_RIGHT,
                            CANVAS_RIGHT, CANVAS_RIGHT};
  struct pdf_col cols[8];
  for (int i = 0; i < 8; i++)
    cols[i] = (struct pdf_col){titles[i], fr[i] * w, al[i]};
  char **cells = xcalloc(n * 8, sizeof *cells);
  for (size_t i = 0; i < n; i++) {
    const struct report_model *m = &models[i];
    size_t judged = m->counts[STATUS_MET] + m->counts[STATUS_NEAR] +
                    m->counts[STATUS_MISSED] + m->counts[STATUS_NODATA];
    char b[8][128];
    snprintf(b[0], sizeof b[0], "%zu", i + 1);
    snprintf(b[1], sizeof b[1], "%s", m->loc->name);
    snprintf(b[2], sizeof b[2], "%s", m->loc->level ? m->loc->level : "");
    snprintf(b[3], sizeof b[3], "%zu", m->counts[STATUS_MET]);
    snprintf(b[4], sizeof b[4], "%zu", m->counts[STATUS_NEAR]);
    snprintf(b[5], sizeof b[5], "%zu", m->counts[STATUS_MISSED]);
    snprintf(b[6], sizeof b[6], "%zu", m->counts[STATUS_NODATA]);
    snprintf(b[7], sizeof b[7], "%zu/%zu chỉ tiêu", m->counts[STATUS_MET],
             judged);
    for (int j = 0; j < 8; j++)
      cells[i * 8 + j] = xstrdup(b[j]);
  }
  struct pdf_table t = {.cols = cols,
                        .n_cols = 8,
                        .cells = (const char *const *)cells,
                        .n_rows = (int)n,
                        .size = 8.5,
                        .zebra = true};
  int rc = block_table_flow(c, &t, 8, err);
  for (size_t i = 0; i < n * 8; i++)
    free(cells[i]);
  free(cells);
  return rc;
}

/* Fill the reserved table-of-contents pages: one line per entry, linked
 * to its page. */
static int draw_toc(struct cursor *c, const struct toc *toc, int first_page,
                    struct err *err) {
  struct pdf_style st = PDF_BODY;
  struct pdf_style right = PDF_BODY;
  right.align = CANVAS_RIGHT;
  for (size_t i = 0; i < toc->n; i++) {
    int page = first_page + (int)(i / TOC_LINES);
    if (i % TOC_LINES == 0) {
      if (pdf_page_select(c->doc, page, err))
        return -1;
      c->y = c->top + 24;
      if (i == 0) {
        struct pdf_style h1 = PDF_H1;
        if (pdf_text(c->doc, c->left, c->y + 14, "Mục lục", &h1, err))
          return -1;
        c->y += 34;
      }
    }
    const struct toc_entry *e = &toc->v[i];
    double x = c->left + (e->level ? 18 : 0);
    st.bold = e->level == 0;
    char num[16];
    snprintf(num, sizeof num, "%d", e->page + 1);
    if (pdf_text(c->doc, x, c->y + 10, e->title, &st, err) ||
        pdf_text(c->doc, c->right, c->y + 10, num, &right, err) ||
        pdf_link(c->doc, c->left, c->y, cursor_width(c), 14, e->page, e->y,
                 err))
      return -1;
    c->y += 15.5;
  }
  return 0;
}

/* The main locality and its children that have any figure. */
static int build_models(struct store *st, const struct config *cfg,
                        const struct meeting *mt, struct period p,
                        struct report_model **out, size_t *n_out,
                        struct err *err) {
  struct report_model *v = xcalloc(1, sizeof *v);
  size_t n = 0, cap = 1;
  if (report_model_build(st, cfg, mt->locality, p, NULL, 0, &v[0], err)) {
    free(v);
    return -1;
  }
  n = 1;
  for (size_t i = 0; mt->children && i < cfg->n_localities; i++) {
    const struct locality *l = &cfg->localities[i];
    if (!l->parent || strcmp(l->parent, mt->locality))
      continue;
    void *q = v;
    xgrow(&q, &cap, n + 1, sizeof *v);
    v = q;
    if (report_model_build(st, cfg, l->code, p, NULL, 0, &v[n], err)) {
      for (size_t k = 0; k < n; k++)
        report_model_free(&v[k]);
      free(v);
      return -1;
    }
    if (v[n].n_rows)
      n++;
    else
      report_model_free(&v[n]);
  }
  *out = v;
  *n_out = n;
  return 0;
}

#define TREND_FULL 150.0 /* a trend chart's height, points */
#define TREND_MIN 110.0  /* the lowest it goes to keep a unit on a page */

static int draw_locality(struct cursor *c, struct toc *toc, int parent,
                         const struct meeting *mt, const struct report_model *m,
                         bool new_page, struct sources *src, struct err *err) {
  char title[256];
  locality_title(m->loc, title, sizeof title);
  if (section(c, toc, title, 1, parent, new_page, err) < 0 ||
      block_status(c, m, err))
    return -1;
  /* the key indicators' trends, then the full table */
  struct report_model keys = *m;
  struct report_row *rows = xcalloc(m->n_rows + 1, sizeof *rows);
  keys.rows = rows;
  keys.n_rows = 0;
  /* at most six trends (two rows), so that a unit fits on a page or two */
  for (size_t i = 0; i < m->n_rows && keys.n_rows < 6; i++) {
    bool key = mt->n_key_indicators == 0;
    for (size_t k = 0; k < mt->n_key_indicators; k++)
      key |= !strcmp(mt->key_indicators[k], m->rows[i].ind->code);
    if (key)
      rows[keys.n_rows++] = m->rows[i];
  }
  /* A unit on one page when lower charts make it fit: they shrink down
   * to TREND_MIN points, else the table goes on over the page. The height
   * loses a point per row of charts for each point taken off the charts. */
  double chh = TREND_FULL, full;
  int chart_rows;
  int rc = block_trends_table_height(c, &keys, m, src, TREND_FULL, &full,
                                     &chart_rows, err);
  double room = c->bottom - c->y - 1;
  if (rc == 0 && full > room && chart_rows > 0) {
    double cut = (full - room) / chart_rows;
    if (TREND_FULL - cut >= TREND_MIN)
      chh = floor(TREND_FULL - cut);
  }
  if (rc == 0)
    rc = block_trends(c, &keys, NULL, src, chh, err);
  free(rows);
  if (rc == 0)
    rc = block_table(c, m, NULL, src, err);
  return rc;
}

/* The key indicators of the pack: the meeting's, else the first six of
 * the main locality's model. Returns how many were put in 'out' (at most
 * 'max'). */
static size_t key_indicators(const struct config *cfg, const struct meeting *mt,
                             const struct report_model *main_model,
                             const struct indicator **out, size_t max) {
  size_t n = 0;
  for (size_t k = 0; k < mt->n_key_indicators && n < max; k++) {
    const struct indicator *ind = config_indicator(cfg, mt->key_indicators[k]);
    if (ind)
      out[n++] = ind;
  }
  for (size_t i = 0;
       mt->n_key_indicators == 0 && i < main_model->n_rows && n < 6 && n < max;
       i++)
    out[n++] = main_model->rows[i].ind;
  return n;
}

#define KEYS_MAX 64

static int write_pack(struct cursor *c, const struct config *cfg,
                      const struct meeting *mt, const struct report_model *ms,
                      size_t n, const char *loc, const char *plabel,
                      const char *data_date, const struct report_opts *o,
                      struct sources *src, struct err *err) {
  struct toc toc = {0};
  int rc = -1;
  const struct indicator *keys[KEYS_MAX];
  size_t n_keys = key_indicators(cfg, mt, &ms[0], keys, KEYS_MAX);
  bool summary = has_section(mt, "summary");
  bool locs = has_section(mt, "localities");
  bool compare = has_section(mt, "key_indicators") && n > 1 && n_keys > 0;
  bool sources = has_section(mt, "sources");
  const char *running = c->running_title;
  c->running_title = NULL; /* the cover has none */
  if (draw_cover(c, mt, loc, plabel, data_date, o, err))
    goto out;
  c->running_title = running;
  /* reserve the pages of the table of contents */
  size_t entries =
      summary + (locs ? 1 + n : 0) + (compare ? 1 + n_keys : 0) + sources;
  int toc_first = pdf_page_count(c->doc);
  for (size_t i = 0; i < (entries + TOC_LINES - 1) / TOC_LINES; i++)
    if (cursor_page(c, err))
      goto out;
  if (pdf_outline_add(c->doc, -1, "Mục lục", toc_first, c->top, err) < 0)
    goto out;
  if (summary && (section(c, &toc, "Tổng hợp kết quả thực hiện chỉ tiêu", 0, -1,
                          true, err) < 0 ||
                  draw_summary(c, ms, n, err) ||
                  draw_without_data(c, cfg, mt, ms, n, err)))
    goto out;
  if (locs) {
    int parent = section(c, &toc, "Kết quả theo đơn vị", 0, -1, true, err);
    if (parent < 0)
      goto out;
    struct pdf_style st = PDF_SMALL;
    double h;
    if (pdf_paragraph(c->doc, c->left, c->y, cursor_width(c),
                      "Mỗi đơn vị một mục: tình hình thực hiện, xu hướng các "
                      "chỉ tiêu chủ yếu và bảng toàn bộ chỉ tiêu.",
                      &st, true, &h, err))
      goto out;
    c->y += h + 4;
    /* the first unit starts under the part's heading */
    for (size_t i = 0; i < n; i++)
      if (draw_locality(c, &toc, parent, mt, &ms[i], i > 0, src, err))
        goto out;
  }
  if (compare) {
    int parent =
        section(c, &toc, "So sánh các đơn vị theo chỉ tiêu", 0, -1, true, err);
    if (parent < 0)
      goto out;
    for (size_t k = 0; k < n_keys; k++) {
      if (k > 0 && cursor_page(c, err))
        goto out;
      int page = pdf_page_current(c->doc);
      double y = c->y - 20 > c->top ? c->y - 20 : c->top;
      toc_add(&toc, keys[k]->name, 1, page, y);
      if (pdf_outline_add(c->doc, parent, keys[k]->name, page, y, err) < 0 ||
          block_comparison(c, keys[k], ms + 1, n - 1, plabel,
                           mt->comparison_tables, src, err))
        goto out;
    }
  }
  if (sources) {
    if (section(c, &toc, "Phụ lục: nguồn số liệu", 0, -1, true, err) < 0)
      goto out;
    struct pdf_style st = PDF_SMALL;
    double h;
    if (pdf_paragraph(c->doc, c->left, c->y, cursor_width(c),
                      "Số trong ngoặc vuông ở các bảng và biểu đồ chỉ tới "
                      "nguồn dưới đây: văn bản và câu có số liệu đó, tệp "
                      "CSV đã nhập, hoặc số nhập tay. Khi có nhiều nguồn cho "
                      "cùng một số, số được chọn theo thứ tự: nhập tay, tệp "
                      "CSV, số đã duyệt, số trích từ văn bản mới nhất.",
                      &st, true, &h, err))
      goto out;
    c->y += h + 6;
    if (src->n == 0) {
      if (pdf_paragraph(c->doc, c->left, c->y, cursor_width(c),
                        "Chưa có số liệu nào được trình bày.", &st, true, &h,
                        err))
        goto out;
    } else if (sources_draw(c, src, NULL, err)) {
      goto out;
    }
  }
  if (draw_toc(c, &toc, toc_first, err))
    goto out;
  rc = 0;
out:
  toc_free(&toc);
  return rc;
}

int report_brief_write(struct store *st, const struct config *cfg,
                       const struct meeting *mt, const struct report_opts *o,
                       const char *path, struct err *err) {
  struct period p;
  if (!mt->period || period_parse(mt->period, &p))
    return err_set(err, mt->path, 0, 0, "bad period '%s'",
                   mt->period ? mt->period : "");
  const struct locality *l = config_locality(cfg, mt->locality);
  if (!l)
    return err_set(err, mt->path, 0, 0, "unknown locality '%s'",
                   mt->locality ? mt->locality : "");
  struct report_model *ms = NULL;
  size_t n = 0;
  if (build_models(st, cfg, mt, p, &ms, &n, err))
    return -1;
  char data_date[160] = "";
  char plabel[64], loc[256], footer[512];
  period_label(&p, plabel, sizeof plabel);
  locality_title(l, loc, sizeof loc);
  snprintf(footer, sizeof footer, "%s · %s · lập ngày %s", mt->title, plabel,
           o->generated);
  struct sources src = {0};
  int rc = -1;
  struct pdf_doc *doc = pdf_doc_new(o->fonts_dir, err);
  if (!doc)
    goto out;
  struct cursor c = {.doc = doc,
                     .size = PDF_A4,
                     .orient = PDF_PORTRAIT,
                     .running_title = mt->title};
  if (report_data_date(st, ms, n, data_date, sizeof data_date, err) ||
      write_pack(&c, cfg, mt, ms, n, loc, plabel, data_date, o, &src, err) ||
      cursor_footers(&c, footer, err) ||
      pdf_doc_info(doc, mt->title, loc, "chitieu briefing pack", err))
    goto out;
  if (mt->password || mt->print_only) {
    /* libharu wants an owner password different from the user's: the
     * owner's is derived from the meeting's (docs/reports.md). PDF
     * permissions are advice to readers, not protection. */
    char owner[512];
    snprintf(owner, sizeof owner, "%s#chitieu-owner",
             mt->password ? mt->password : "");
    if (pdf_doc_encrypt(doc, owner, mt->password, mt->print_only, err))
      goto out;
  }
  if (pdf_doc_save(doc, path, err))
    goto out;
  rc = 0;
out:
  pdf_doc_free(doc);
  sources_free(&src);
  for (size_t i = 0; i < n; i++)
    report_model_free(&ms[i]);
  free(ms);
  return rc;
}
