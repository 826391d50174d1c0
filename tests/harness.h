/* tests/harness.h - the smallest test harness that says what failed.
 *
 *   int main(void) { INT_EQ(1 + 1, 2); STR_EQ(s, "7,01"); return DONE(); }
 *
 * Each check prints "FILE:LINE: ..." on failure and counts; DONE() prints
 * "N passed, N failed" and returns the exit status. A part that cannot run
 * here (a tool missing) says so with SKIP("why"): then DONE() returns 77,
 * ctest's skip code (tests/CMakeLists.txt), unless a check failed, so a
 * test never passes without having checked what it claims. */
#ifndef CHITIEU_TESTS_HARNESS_H
#define CHITIEU_TESTS_HARNESS_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int harness_pass, harness_fail, harness_skip;

#define HARNESS_REPORT(ok, ...)                                                \
  do {                                                                         \
    if (ok) {                                                                  \
      harness_pass++;                                                          \
    } else {                                                                   \
      harness_fail++;                                                          \
      fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);                          \
      fprintf(stderr, __VA_ARGS__);                                            \
      fputc('\n', stderr);                                                     \
    }                                                                          \
  } while (0)

#define OK(cond) HARNESS_REPORT((cond), "failed: %s", #cond)

#define INT_EQ(got, want)                                                      \
  do {                                                                         \
    long long g_ = (long long)(got), w_ = (long long)(want);                   \
    HARNESS_REPORT(g_ == w_, "%s: got %lld, want %lld", #got, g_, w_);         \
  } while (0)

#define STR_EQ(got, want)                                                      \
  do {                                                                         \
    const char *g_ = (got), *w_ = (want);                                      \
    HARNESS_REPORT(g_ && w_ && strcmp(g_, w_) == 0,                            \
                   "%s: got \"%s\", want \"%s\"", #got, g_ ? g_ : "(null)",    \
                   w_ ? w_ : "(null)");                                        \
  } while (0)

#define DBL_EQ(got, want)                                                      \
  do {                                                                         \
    double g_ = (got), w_ = (want);                                            \
    HARNESS_REPORT(fabs(g_ - w_) <= 1e-9 * (1 + fabs(w_)),                     \
                   "%s: got %.10g, want %.10g", #got, g_, w_);                 \
  } while (0)

/* Note that the checks of a part were not run, and why (one line). */
#define SKIP(...)                                                              \
  do {                                                                         \
    harness_skip++;                                                            \
    printf("%s:%d: skipped: ", __FILE__, __LINE__);                            \
    printf(__VA_ARGS__);                                                       \
    putchar('\n');                                                             \
  } while (0)

#define DONE()                                                                 \
  (printf("%d passed, %d failed, %d parts skipped\n", harness_pass,           \
          harness_fail, harness_skip),                                         \
   harness_fail ? 1 : harness_skip ? 77 : 0)

#endif
