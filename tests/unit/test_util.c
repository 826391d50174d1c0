/* tests/unit/test_util.c - util/interrupt.c: the registry of temporary
 * files and the test pause point's variable; a real signal is sent to a
 * child, which must remove its registered file and die of the signal. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "util/interrupt.h"

static void test_slots(void) {
  int slot[INTERRUPT_SLOTS];
  for (int i = 0; i < INTERRUPT_SLOTS; i++) {
    slot[i] = interrupt_track("a file");
    OK(slot[i] >= 0);
  }
  INT_EQ(interrupt_track("one too many"), -1);
  interrupt_untrack(slot[3]);
  INT_EQ(interrupt_track("again"), slot[3]); /* a freed slot is reused */
  for (int i = 0; i < INTERRUPT_SLOTS; i++)
    interrupt_untrack(slot[i]);
  interrupt_untrack(-1); /* ignored */
  int s = interrupt_track("after");
  OK(s >= 0);
  interrupt_untrack(s);
}

static void test_wanted(void) {
  unsetenv("CHITIEU_TEST_PAUSE");
  OK(!interrupt_test_wanted("commit", 1));
  setenv("CHITIEU_TEST_PAUSE", "commit", 1);
  OK(interrupt_test_wanted("commit", 1));
  OK(interrupt_test_wanted("commit", 7));
  OK(!interrupt_test_wanted("write-open", 1));
  setenv("CHITIEU_TEST_PAUSE", "commit:7", 1);
  OK(interrupt_test_wanted("commit", 7));
  OK(!interrupt_test_wanted("commit", 1));
  setenv("CHITIEU_TEST_PAUSE", "commitx", 1);
  OK(!interrupt_test_wanted("commit", 1));
  setenv("CHITIEU_TEST_PAUSE", "commit:7x", 1);
  OK(!interrupt_test_wanted("commit", 7));
  unsetenv("CHITIEU_TEST_PAUSE");
}

/* A child registers a file it created and is sent 'sig': the file must
 * be gone and the child dead of 'sig'. With the signal ignored before
 * interrupt_install, it must stay ignored (the child then exits 0). */
static void test_signal(int sig, bool ignored) {
  char path[] = "/tmp/chitieu-interrupt-XXXXXX";
  int fd = mkstemp(path);
  OK(fd >= 0);
  if (fd < 0)
    return;
  close(fd);
  int ready[2];
  OK(pipe(ready) == 0);
  pid_t pid = fork();
  if (pid == 0) {
    if (ignored)
      signal(sig, SIG_IGN);
    interrupt_install();
    interrupt_track(path);
    (void)!write(ready[1], "r", 1);
    sleep(ignored ? 1 : 30); /* the signal ends it (or is ignored) */
    _exit(0);
  }
  char c;
  OK(read(ready[0], &c, 1) == 1);
  kill(pid, sig);
  int status = 0;
  waitpid(pid, &status, 0);
  struct stat st;
  if (ignored) {
    OK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    OK(stat(path, &st) == 0); /* kept: the signal did nothing */
  } else {
    OK(WIFSIGNALED(status) && WTERMSIG(status) == sig);
    OK(stat(path, &st) != 0); /* removed by the handler */
  }
  unlink(path);
  close(ready[0]);
  close(ready[1]);
}

int main(void) {
  test_slots();
  test_wanted();
  test_signal(SIGINT, false);
  test_signal(SIGTERM, false);
  test_signal(SIGHUP, false);
  test_signal(SIGTERM, true);
  return DONE();
}
