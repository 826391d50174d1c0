/* extract/pool.c - the strings of a document's facts, kept compactly.
 *
 * A large document has hundreds of thousands of facts, and most of their
 * strings repeat: a handful of places, codes, units and indicators. One
 * malloc per string costs its header and rounding (a 9-byte unit takes 32
 * bytes); here every string is copied once into 64 KiB blocks, and the
 * repeated ones are interned, so a fact's strings cost about the length
 * of its label. The pool is freed with the document (extract_doc_free). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/xalloc.h"

#define BLOCK_SIZE (64 * 1024)

struct pool_block {
  struct pool_block *next;
  size_t used, cap;
  char data[];
};

struct extract_pool {
  struct pool_block *head;
  const char **tab; /* interned strings, open addressing; NULL = free */
  size_t n, cap;    /* 'cap' is a power of two */
};

struct extract_pool *pool_new(void) {
  return xcalloc(1, sizeof(struct extract_pool));
}

void pool_free(struct extract_pool *p) {
  if (!p)
    return;
  struct pool_block *b = p->head;
  while (b) {
    struct pool_block *next = b->next;
    free(b);
    b = next;
  }
  free(p->tab);
  free(p);
}

const char *pool_str(struct extract_pool *p, const char *s, size_t len) {
  struct pool_block *b = p->head;
  if (!b || b->cap - b->used < len + 1) {
    size_t cap = len + 1 > BLOCK_SIZE ? len + 1 : BLOCK_SIZE;
    b = xmalloc(sizeof *b + cap);
    b->used = 0;
    b->cap = cap;
    b->next = p->head;
    p->head = b;
  }
  char *r = b->data + b->used;
  memcpy(r, s, len);
  r[len] = '\0';
  b->used += len + 1;
  return r;
}

/* FNV-1a of the 'len' bytes at 's'. */
static uint64_t hash(const char *s, size_t len) {
  uint64_t h = 14695981039346656037ULL;
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
  return h;
}

/* The slot of 's' in 'tab' (of 'cap' slots): where it is, or the free
 * slot where it would go. */
static size_t slot(const char **tab, size_t cap, const char *s, size_t len) {
  size_t i = (size_t)hash(s, len) & (cap - 1);
  while (tab[i] && !(strncmp(tab[i], s, len) == 0 && tab[i][len] == '\0'))
    i = (i + 1) & (cap - 1);
  return i;
}

static void grow(struct extract_pool *p) {
  size_t cap = p->cap ? p->cap * 2 : 64;
  const char **tab = xcalloc(cap, sizeof *tab);
  for (size_t i = 0; i < p->cap; i++)
    if (p->tab[i])
      tab[slot(tab, cap, p->tab[i], strlen(p->tab[i]))] = p->tab[i];
  free(p->tab);
  p->tab = tab;
  p->cap = cap;
}

const char *pool_intern(struct extract_pool *p, const char *s, size_t len) {
  if ((p->n + 1) * 2 > p->cap)
    grow(p);
  size_t i = slot(p->tab, p->cap, s, len);
  if (!p->tab[i]) {
    p->tab[i] = pool_str(p, s, len);
    p->n++;
  }
  return p->tab[i];
}
