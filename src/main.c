/* main.c - chitieu: targets and results of Vietnamese local governments.
 * Everything lives in the module libraries; cli/ parses the command. */
#include "cli/cli.h"

int main(int argc, char **argv) { return cli_main(argc, argv); }
