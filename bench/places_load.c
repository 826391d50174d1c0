/* bench/places_load.c - the national gazetteer's load: wall time of
 * places_load (parse the compiled-in TSV, resolve the links, fold and
 * index the names) over RUNS loads, its median, and the process's peak RSS
 * with one gazetteer loaded. Built and run by bench/places.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "places/places.h"

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  int runs = argc > 1 ? atoi(argv[1]) : 21;
  if (runs < 1 || runs > 1000)
    runs = 21;
  double *ms = malloc((size_t)runs * sizeof *ms);
  struct places *keep = NULL;
  int units = 0;
  for (int i = 0; i < runs; i++) {
    struct err err;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    struct places *p = places_load(&err);
    clock_gettime(CLOCK_MONOTONIC, &b);
    if (!p) {
      fprintf(stderr, "places_load: %s\n", err.msg);
      return 1;
    }
    ms[i] = (double)(b.tv_sec - a.tv_sec) * 1e3 +
            (double)(b.tv_nsec - a.tv_nsec) / 1e6;
    units = places_count(p);
    if (i == 0)
      keep = p; /* one stays loaded, as in a run of chitieu */
    else
      places_free(p);
  }
  qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("units\t%d\nruns\t%d\nload_ms_median\t%.2f\nload_ms_min\t%.2f\n"
         "load_ms_max\t%.2f\nmaxrss_kib\t%ld\n",
         units, runs, ms[runs / 2], ms[0], ms[runs - 1], ru.ru_maxrss);
  places_free(keep);
  free(ms);
  return 0;
}
