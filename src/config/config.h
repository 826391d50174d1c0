/* config/config.h - what users configure, as plain C structs.
 *
 * Loaded from YAML (libyaml) in the config folder: indicators.yaml,
 * localities.yaml, dashboards/NAME.yaml and meetings/NAME.yaml. No libyaml
 * type leaks past src/config/. Strings are UTF-8 NFC, owned by the config
 * and valid until config_free(). */
#ifndef CHITIEU_CONFIG_CONFIG_H
#define CHITIEU_CONFIG_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

enum direction { DIR_HIGHER = 0, DIR_LOWER = 1 };

/* One tracked indicator ("chỉ tiêu") of config/indicators.yaml. */
struct indicator {
  char *code;       /* ASCII slug: "grdp_growth" */
  char *name;       /* "Tốc độ tăng trưởng kinh tế (GRDP)" */
  char *short_name; /* for charts: "Tăng trưởng GRDP" (= name if unset) */
  char *group;      /* "Kinh tế", "Xã hội", "Môi trường", ... */
  char *unit;       /* "%", "tỷ đồng", "triệu đồng/người" */
  int decimals;     /* places shown in tables (default 1) */
  enum direction direction;
  double near_pct;  /* "near" from this % of plan (default 90) */
  bool additive;    /* a parent's value is the sum of its children's */
  char **aliases;   /* phrases texts use, as written */
  size_t n_aliases;
  /* What identifies the indicator in a text beyond its aliases (see
   * docs/configuration.md, "Linking figures to indicators"): */
  char **terms;     /* head terms that name it, may be shared with others */
  size_t n_terms;
  char **needs;     /* one of these must be near a term ("chiếm", "tỷ trọng") */
  size_t n_needs;
  char **excludes;  /* near the figure, these rule it out ("quốc tế") */
  size_t n_excludes;
  char **units;     /* units its amounts take ("tỷ đồng", "lượt"); default:
                       the family of 'unit' */
  size_t n_units;
  unsigned kinds;   /* the fact kinds it takes, 1 << enum fact_kind order
                       (actual target plan_pct change_pct change count);
                       0 = all */
  char *change;     /* the indicator a rise or fall of this one is
                       ("poverty_rate" -> "poverty_reduction"), or NULL */
  int line;         /* where it starts in indicators.yaml */
};

/* One administrative unit of config/localities.yaml. */
struct locality {
  char *code;        /* ASCII slug: "muong-lay" */
  char *name;        /* "Mường Lay" */
  char *level;       /* "tỉnh", "thị xã", "huyện", "xã", ... */
  char *parent;      /* parent's code, NULL for the top */
  char **aliases;    /* other spellings: "TX Mường Lay", "Muong Lay" */
  size_t n_aliases;
  int valid_from;    /* first year it exists, 0 = always */
  int valid_to;      /* last year it exists, 0 = still */
  char *merged_into; /* code of the unit it was merged into, or NULL */
  char *gso;         /* the gazetteer unit it is ("095", "m11"), or NULL:
                        then found by name and level under its parent */
  long parent_idx;   /* index of the parent in config.localities, or -1 */
  int line;
};

/* One block of a dashboard: a group or a list of indicators, and the
 * chart drawn for it. */
struct dashboard_block {
  char *title;
  char *group;        /* all indicators of this group, or NULL */
  char **indicators;  /* or these codes */
  size_t n_indicators;
  char *chart;        /* trend|comparison|bullet|variance|status|small_multiples */
};

/* config/dashboards/NAME.yaml */
struct dashboard {
  char *name;     /* file base name without .yaml */
  char *path;
  char *title;
  char *locality; /* locality code */
  bool children;  /* include its children */
  char *period;   /* default period, or NULL */
  struct dashboard_block *blocks;
  size_t n_blocks;
  char *page_size;  /* "A4" (default) or "A3" */
  bool landscape;
};

/* config/meetings/NAME.yaml: a briefing pack. */
struct meeting {
  char *name;
  char *path;
  char *title;
  char *date;     /* "2024-10-15" */
  char *place;
  char *chair;
  char *period;   /* "2024-Q3" */
  char *locality; /* locality code */
  bool children;
  char **sections; /* summary, localities, key_indicators, sources */
  size_t n_sections;
  char **key_indicators;
  size_t n_key_indicators;
  char *password;   /* open password, or NULL */
  bool print_only;  /* forbid copying and editing */
  bool comparison_tables; /* a table under each comparison chart */
};

struct config {
  char *dir;
  char **groups; /* indicator groups in report order (indicators.yaml
                    'groups', or the five standard ones) */
  size_t n_groups;
  struct indicator *indicators;
  size_t n_indicators;
  struct locality *localities;
  size_t n_localities;
  struct dashboard *dashboards;
  size_t n_dashboards;
  struct meeting *meetings;
  size_t n_meetings;
};

/* Load and validate the whole config folder 'dir'. Returns the config
 * (free with config_free) or NULL with 'err' holding the first problem as
 * FILE:LINE:COL. */
struct config *config_load(const char *dir, struct err *err);

/* Validate 'dir' and append every problem found to 'errors' (syntax,
 * unknown keys with a suggestion, wrong types, duplicate codes, unknown
 * references, cycles, aliases claimed twice). Returns the number of
 * problems. */
size_t config_check(const char *dir, struct err_list *errors);

void config_free(struct config *cfg);

/* Look-ups by code; NULL if unknown. */
const struct indicator *config_indicator(const struct config *cfg,
                                         const char *code);
const struct locality *config_locality(const struct config *cfg,
                                       const char *code);
/* A meeting or dashboard by name (file base name) or path. */
const struct meeting *config_meeting(const struct config *cfg,
                                     const char *name_or_path);
const struct dashboard *config_dashboard(const struct config *cfg,
                                         const char *name_or_path);

/* Load one meeting file given by path (it may live outside the config
 * folder), checked against 'cfg'. Free with config_meeting_free. */
struct meeting *config_meeting_load(const struct config *cfg,
                                    const char *path, struct err *err);
void config_meeting_free(struct meeting *m);

/* The locality reports default to: the first one whose parent is the top
 * of the tree (the province under Việt Nam), else the first one; NULL for
 * an empty tree. */
const char *config_default_locality(const struct config *cfg);

/* Is 'code' the same as or below 'ancestor' in the locality tree? */
bool config_locality_within(const struct config *cfg, const char *code,
                            const char *ancestor);

#endif
