/* cli/msg.c - the only place chitieu writes errors and notices. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "text/suggest.h"
#include "util/xalloc.h"

/* Errors follow the output written before them, also when both go to the
 * same file. */
void msg_error(const struct err *err) {
  char line[1024];
  fflush(stdout);
  fprintf(stderr, "chitieu: %s\n", err_format(err, line, sizeof line));
}

void msg_errorf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fflush(stdout);
  fputs("chitieu: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

int msg_usage(const struct cli *cli, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "chitieu %s: ", cli->command ? cli->command : "");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\nTry 'chitieu %s --help'.\n",
          cli->command ? cli->command : "");
  va_end(ap);
  return EXIT_USAGE;
}

void msg_info(const struct cli *cli, const char *fmt, ...) {
  if (cli->quiet)
    return;
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

int msg_unknown_code(const struct config *cfg, const char *what,
                     const char *code, const char *hint) {
  bool loc = strcmp(what, "locality") == 0;
  size_t n = loc ? cfg->n_localities : cfg->n_indicators;
  const char **codes = xcalloc(n + 1, sizeof *codes);
  for (size_t i = 0; i < n; i++)
    codes[i] = loc ? cfg->localities[i].code : cfg->indicators[i].code;
  const char *near = text_suggest(code, codes, n);
  if (near)
    msg_errorf("unknown %s '%s'; did you mean '%s'?", what, code, near);
  else if (hint)
    msg_errorf("unknown %s '%s' (%s)", what, code, hint);
  else
    msg_errorf("unknown %s '%s'", what, code);
  free(codes);
  return EXIT_FAIL;
}
