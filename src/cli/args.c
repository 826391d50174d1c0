/* cli/args.c - option arguments that several commands take, parsed and
 * reported the same way everywhere. */
#include "cli/cli.h"
#include "extract/extract.h"
#include "text/suggest.h"

int cli_kind_arg(const struct cli *cli, const char *arg, enum fact_kind *kind) {
  if (fact_kind_parse(arg, kind) == 0)
    return 0;
  const char *names[FACT_KIND_COUNT];
  for (int k = 0; k < FACT_KIND_COUNT; k++)
    names[k] = fact_kind_name((enum fact_kind)k);
  const char *near = text_suggest(arg, names, FACT_KIND_COUNT);
  if (near)
    return msg_usage(cli, "unknown kind '%s'; did you mean '%s'?", arg, near);
  return msg_usage(cli, "unknown kind '%s'", arg);
}

int cli_date_arg(const struct cli *cli, const char *arg, int *y, int *m,
                 int *d) {
  if (extract_date_parse(arg, y, m, d) == 0)
    return 0;
  return msg_usage(cli, "--date takes a day as YYYY-MM-DD, not '%s'", arg);
}
