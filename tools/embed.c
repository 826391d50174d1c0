/* tools/embed.c - write a file as a C array, for data compiled into
 * chitieu (the gazetteer): embed FILE NAME OUT.c writes
 * "const unsigned char NAME[] = {...};" with a NUL after the file's bytes
 * and "const size_t NAME_len", the length without it. Run by the build. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: embed FILE NAME OUT.c\n");
    return 2;
  }
  FILE *in = fopen(argv[1], "rb");
  if (!in) {
    perror(argv[1]);
    return 1;
  }
  FILE *out = fopen(argv[3], "w");
  if (!out) {
    perror(argv[3]);
    return 1;
  }
  fprintf(out, "/* made by tools/embed.c from %s */\n#include <stddef.h>\n"
               "extern const unsigned char %s[];\n"
               "extern const size_t %s_len;\n"
               "const unsigned char %s[] = {\n",
          argv[1], argv[2], argv[2], argv[2]);
  size_t n = 0;
  int c;
  while ((c = getc(in)) != EOF) {
    fprintf(out, "%d,", c);
    if (++n % 32 == 0)
      fputc('\n', out);
  }
  fprintf(out, "0};\nconst size_t %s_len = %zu;\n", argv[2], n);
  int bad = ferror(in);
  fclose(in);
  if (fclose(out) != 0 || bad) {
    fprintf(stderr, "embed: writing %s failed\n", argv[3]);
    remove(argv[3]);
    return 1;
  }
  return 0;
}
