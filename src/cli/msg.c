/* cli/msg.c - the only place chitieu writes errors and notices. */
#include <stdarg.h>
#include <stdio.h>

#include "cli/cli.h"

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
