/* util/interrupt.h - what SIGINT, SIGTERM and SIGHUP leave behind:
 * nothing. See interrupt.c for the design. */
#ifndef CHITIEU_UTIL_INTERRUPT_H
#define CHITIEU_UTIL_INTERRUPT_H

#include <stdbool.h>

/* Catch SIGINT, SIGTERM and SIGHUP (each unless it was ignored when
 * chitieu started, as nohup and background jobs of scripts ask): the
 * handler removes the files registered below and re-raises the signal with
 * its default action, so chitieu still ends killed by it. cli_main calls
 * this once, before any command runs. */
void interrupt_install(void);

/* Register 'path' (borrowed: it must stay valid until interrupt_untrack)
 * as a file to remove if a signal ends chitieu. Returns the slot to give
 * interrupt_untrack, or -1 when INTERRUPT_SLOTS files are registered
 * already. Any thread may call these two. */
#define INTERRUPT_SLOTS 16
int interrupt_track(const char *path);
/* Forget slot 'slot' (from interrupt_track; -1 is ignored). */
void interrupt_untrack(int slot);

/* A test's pause point. With the environment variable CHITIEU_TEST_PAUSE
 * set to NAME or NAME:N, the point 'name' reached for the 'n'-th time
 * (any time for plain NAME) prints "chitieu: test pause at NAME N" (and
 * " (DETAIL)" when 'detail' is not NULL) on stderr and waits until a
 * signal comes: a test then interrupts chitieu at that exact moment, or
 * sends SIGCONT to let it go on (it also goes on by itself after 60
 * seconds). Without the variable this is one getenv; the points are where
 * a test needs them (util/file.c, store/hooks.c), never in a loop over
 * bytes. */
void interrupt_test_pause(const char *name, long n, const char *detail);
/* Does CHITIEU_TEST_PAUSE ask for point 'name' the 'n'-th time? */
bool interrupt_test_wanted(const char *name, long n);

#endif
