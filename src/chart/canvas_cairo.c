/* chart/canvas_cairo.c - the canvas that draws straight onto a cairo
 * surface, for PNG and SVG export. Text uses the shipped Noto Sans files
 * opened with FreeType (cairo-ft), never whatever fontconfig would pick. */
#include "chart/canvas.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "text/text.h"
#include "util/buf.h"
#include "util/xalloc.h"

struct canvas_cairo {
  struct canvas cv;           /* first, so a struct canvas * is one of these */
  cairo_font_face_t *face[2]; /* regular, bold */
};

/* Each font face owns its own FreeType library and face, released by
 * cairo when the last reference to the font face goes (cairo may cache it
 * beyond our canvas). */
struct ft_owner {
  FT_Library lib;
  FT_Face face;
};

static const cairo_user_data_key_t ft_key;

static void ft_owner_free(void *p) {
  struct ft_owner *o = p;
  FT_Done_Face(o->face);
  FT_Done_FreeType(o->lib);
  free(o);
}

/* Open 'dir'/'name' as a cairo font face. Returns NULL with 'err'. */
static cairo_font_face_t *face_open(const char *dir, const char *name,
                                    struct err *err) {
  struct buf path = BUF_INIT;
  buf_addf(&path, "%s/%s", dir, name);
  cairo_font_face_t *cf = NULL;
  struct ft_owner *o = xcalloc(1, sizeof *o);
  FILE *fp = fopen(path.s, "rb");
  if (!fp) {
    err_set(err, path.s, 0, 0, "font file is missing or unreadable");
    goto out;
  }
  fclose(fp);
  if (FT_Init_FreeType(&o->lib) != 0) {
    err_set(err, path.s, 0, 0, "cannot start FreeType");
    goto out;
  }
  if (FT_New_Face(o->lib, path.s, 0, &o->face) != 0) {
    err_set(err, path.s, 0, 0, "not a usable TrueType font");
    goto out;
  }
  cf = cairo_ft_font_face_create_for_ft_face(o->face, 0);
  if (cairo_font_face_set_user_data(cf, &ft_key, o, ft_owner_free) != 0) {
    err_set(err, path.s, 0, 0, "cannot load font into cairo");
    cairo_font_face_destroy(cf);
    cf = NULL;
    goto out;
  }
  o = NULL; /* now owned by the font face */
out:
  if (o) {
    if (o->face)
      FT_Done_Face(o->face);
    if (o->lib)
      FT_Done_FreeType(o->lib);
    free(o);
  }
  buf_free(&path);
  return cf;
}

static void cc_fill(struct canvas *cv, struct rgba c) {
  cairo_set_source_rgba(cv->cr, c.r, c.g, c.b, c.a);
  cairo_fill(cv->cr);
}

static void cc_stroke(struct canvas *cv, struct rgba c, double width,
                      const double *dash, int n_dash) {
  cairo_set_source_rgba(cv->cr, c.r, c.g, c.b, c.a);
  cairo_set_line_width(cv->cr, width);
  cairo_set_dash(cv->cr, dash, dash ? n_dash : 0, 0);
  cairo_stroke(cv->cr);
}

static void use_font(struct canvas *cv, double size, bool bold) {
  struct canvas_cairo *cc = (struct canvas_cairo *)cv;
  cairo_set_font_face(cv->cr, cc->face[bold ? 1 : 0]);
  cairo_set_font_size(cv->cr, size);
}

/* 's' in NFC when it is valid UTF-8 (cairo does not compose accents),
 * else NULL: invalid text is not drawn. Caller frees. */
static char *nfc_of(const char *s) {
  size_t bad;
  if (!s || text_utf8_check(s, strlen(s), &bad) != 0)
    return NULL;
  return text_nfc(s);
}

static double cc_text_width(struct canvas *cv, const char *s, double size,
                            bool bold) {
  cairo_text_extents_t ext;
  char *nfc = nfc_of(s);
  if (!nfc)
    return 0;
  use_font(cv, size, bold);
  cairo_text_extents(cv->cr, nfc, &ext);
  free(nfc);
  return ext.x_advance;
}

static void cc_text(struct canvas *cv, double x, double y, const char *s,
                    double size, bool bold, struct rgba c,
                    enum canvas_align align) {
  if (!s || !*s)
    return;
  double w = 0;
  if (align != CANVAS_LEFT)
    w = cc_text_width(cv, s, size, bold);
  if (align == CANVAS_CENTER)
    x -= w / 2;
  else if (align == CANVAS_RIGHT)
    x -= w;
  char *nfc = nfc_of(s);
  if (!nfc)
    return;
  use_font(cv, size, bold);
  cairo_new_path(cv->cr);
  cairo_move_to(cv->cr, x, y);
  cairo_set_source_rgba(cv->cr, c.r, c.g, c.b, c.a);
  cairo_show_text(cv->cr, nfc);
  cairo_new_path(cv->cr);
  free(nfc);
}

static void cc_save(struct canvas *cv) { cairo_save(cv->cr); }
static void cc_clip(struct canvas *cv) { cairo_clip(cv->cr); }
static void cc_restore(struct canvas *cv) { cairo_restore(cv->cr); }

static void cc_free(struct canvas *cv) {
  struct canvas_cairo *cc = (struct canvas_cairo *)cv;
  cairo_destroy(cv->cr);
  cairo_font_face_destroy(cc->face[0]);
  cairo_font_face_destroy(cc->face[1]);
  free(cc);
}

static const struct canvas_ops cairo_ops = {cc_fill,       cc_stroke, cc_text,
                                            cc_text_width, cc_save,   cc_clip,
                                            cc_restore,    cc_free,
                                            NULL};

struct canvas *canvas_cairo_new(cairo_surface_t *surface, const char *fonts_dir,
                                struct err *err) {
  cairo_font_face_t *reg = face_open(fonts_dir, "NotoSans-Regular.ttf", err);
  if (!reg)
    return NULL;
  cairo_font_face_t *bold = face_open(fonts_dir, "NotoSans-Bold.ttf", err);
  if (!bold) {
    cairo_font_face_destroy(reg);
    return NULL;
  }
  struct canvas_cairo *cc = xcalloc(1, sizeof *cc);
  cc->cv.ops = &cairo_ops;
  cc->cv.cr = cairo_create(surface);
  cc->face[0] = reg;
  cc->face[1] = bold;
  /* Same metrics as the PDF: no hinting of advances. */
  cairo_font_options_t *fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options(cc->cv.cr, fo);
  cairo_font_options_destroy(fo);
  cairo_set_line_join(cc->cv.cr, CAIRO_LINE_JOIN_MITER);
  return &cc->cv;
}

int canvas_cairo_status(struct canvas *cv, struct err *err) {
  cairo_status_t st = cairo_status(cv->cr);
  if (st != CAIRO_STATUS_SUCCESS)
    return err_set(err, NULL, 0, 0, "drawing failed: %s",
                   cairo_status_to_string(st));
  return 0;
}
