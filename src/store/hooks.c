/* store/hooks.c - the "commit" test pause point.
 *
 * The moment a test most needs to interrupt is a write transaction that
 * has written its rows and not committed them: an ingest's document, an
 * import's version. SQLite calls a connection's commit hook exactly then,
 * and an auto extension installs the hook on every connection as it is
 * opened, so the store's own code carries no test code at all. The hook
 * only exists when CHITIEU_TEST_PAUSE names it. */
#include "store/hooks.h"

#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/interrupt.h"

/* The commits seen, for "commit:N". A test's counter, touched only when
 * the hook is installed. */
static atomic_long commits;

static int on_commit(void *arg) {
  sqlite3 *db = arg;
  long n = atomic_fetch_add(&commits, 1) + 1;
  if (interrupt_test_wanted("commit", n)) {
    char detail[64];
    snprintf(detail, sizeof detail, "%lld rows changed",
             (long long)sqlite3_total_changes(db));
    interrupt_test_pause("commit", n, detail);
  }
  return 0; /* go on with the commit */
}

/* The entry point of an extension, as SQLite calls it. */
static int on_open(sqlite3 *db, char **errmsg,
                   const sqlite3_api_routines *api) {
  (void)errmsg;
  (void)api;
  sqlite3_commit_hook(db, on_commit, db);
  return SQLITE_OK;
}

void store_test_hooks_install(void) {
  const char *want = getenv("CHITIEU_TEST_PAUSE");
  if (!want || strncmp(want, "commit", 6) != 0)
    return;
  /* SQLite's type for an entry point is void (*)(void), whatever its
   * real arguments: the cast is the documented way. */
  typedef int entry_fn(sqlite3 *, char **, const sqlite3_api_routines *);
  entry_fn *fn = on_open;
  void (*entry)(void);
  memcpy(&entry, &fn, sizeof entry);
  sqlite3_auto_extension(entry);
}
