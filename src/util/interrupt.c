/* util/interrupt.c - what SIGINT, SIGTERM and SIGHUP leave behind.
 *
 * chitieu writes every output file as a temporary file renamed into place
 * (util/file.c) and the database in SQLite transactions. A process killed
 * by a signal's default action keeps the database right (the next
 * connection rolls an unfinished transaction back from the WAL) but
 * leaves its temporary file, "NAME.pdf.tmp.PID", beside the output. So
 * cli_main installs on_signal: it removes the temporary files being
 * written, then raises the signal again with its default action, so that
 * chitieu still ends killed by the signal (a shell sees 130 for SIGINT,
 * 143 for SIGTERM) and whatever it was doing stops there, the database's
 * open transaction included.
 *
 * The registry of those files is the one mutable global of chitieu, and
 * it has to be: a signal handler gets nothing but the signal's number.
 * It is a small array of atomic pointers (lock-free, so that a handler
 * that interrupts a registration sees a whole pointer or none), and the
 * handler calls only unlink and raise, which are async-signal-safe.
 *
 * A file is registered before it is created and forgotten after it is
 * renamed or removed: a signal in between makes the handler unlink a
 * name that is not there, which does no harm. */
#include "util/interrupt.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#if ATOMIC_POINTER_LOCK_FREE != 2
#error "the interrupt registry needs lock-free atomic pointers"
#endif

static _Atomic(const char *) tracked[INTERRUPT_SLOTS];

static void on_signal(int sig) {
  for (int i = 0; i < INTERRUPT_SLOTS; i++) {
    const char *p = atomic_load(&tracked[i]);
    if (p)
      unlink(p);
  }
  /* SA_RESETHAND made the action the default again: once this handler
   * returns, the signal raised here ends the process. */
  raise(sig);
}

void interrupt_install(void) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sa.sa_flags = SA_RESETHAND;
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
    sigaddset(&sa.sa_mask, sigs[i]); /* one handler at a time */
  for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
    struct sigaction old;
    if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
      continue;
    sigaction(sigs[i], &sa, NULL);
  }
}

int interrupt_track(const char *path) {
  for (int i = 0; i < INTERRUPT_SLOTS; i++) {
    const char *none = NULL;
    if (atomic_compare_exchange_strong(&tracked[i], &none, path))
      return i;
  }
  return -1;
}

void interrupt_untrack(int slot) {
  if (slot >= 0 && slot < INTERRUPT_SLOTS)
    atomic_store(&tracked[slot], NULL);
}

bool interrupt_test_wanted(const char *name, long n) {
  const char *want = getenv("CHITIEU_TEST_PAUSE");
  if (!want)
    return false;
  size_t len = strlen(name);
  if (strncmp(want, name, len) != 0)
    return false;
  if (want[len] == '\0')
    return true;
  if (want[len] != ':')
    return false;
  char *end;
  long k = strtol(want + len + 1, &end, 10);
  return *end == '\0' && k == n;
}

/* SIGCONT is blocked before the line is printed and then waited for, so
 * that one sent between the line and the wait is not lost; any other
 * signal takes its course (for SIGINT, SIGTERM and SIGHUP, on_signal).
 * Pause points are only in commands that run one thread. */
void interrupt_test_pause(const char *name, long n, const char *detail) {
  if (!interrupt_test_wanted(name, n))
    return;
  sigset_t cont, old;
  sigemptyset(&cont);
  sigaddset(&cont, SIGCONT);
  sigprocmask(SIG_BLOCK, &cont, &old);
  fprintf(stderr, "chitieu: test pause at %s %ld%s%s%s\n", name, n,
          detail ? " (" : "", detail ? detail : "", detail ? ")" : "");
  fflush(stderr);
  struct timespec limit = {60, 0};
  while (sigtimedwait(&cont, NULL, &limit) < 0 && errno == EINTR)
    ;
  sigprocmask(SIG_SETMASK, &old, NULL);
}
