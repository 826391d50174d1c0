/* store/hooks.h - the store's test pause point (see util/interrupt.h). */
#ifndef CHITIEU_STORE_HOOKS_H
#define CHITIEU_STORE_HOOKS_H

/* When CHITIEU_TEST_PAUSE names "commit" (or "commit:N"), make every
 * database connection opened from now on pause as a transaction is about
 * to commit, all its rows written: "chitieu: test pause at commit N (M
 * rows changed)", N counting the commits of the process, M the rows the
 * connection changed so far. Without the variable it does nothing.
 * cli_main calls it once. */
void store_test_hooks_install(void);

#endif
