/* doc/xml.c - XML parts parsed safely with libxml2, and the few tree
 * helpers the readers share. Office parts never carry a DOCTYPE, so one
 * is refused before parsing: no DTD is loaded, no entity is defined, so
 * none can be expanded (a "billion laughs") or fetched (XXE). Entities are
 * not substituted (no XML_PARSE_NOENT) and the network is off
 * (XML_PARSE_NONET) besides. Errors come from the parser's own context,
 * not libxml2's global one, so that threads may parse at once. */
#include <errno.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "doc/doc_int.h"
#include "util/xalloc.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void) { xmlInitParser(); }

/* 1 if 'data' holds "<!DOCTYPE" or "<!ENTITY" (outside comments or not:
 * an Office part has neither anywhere). */
static int has_dtd(const char *data, size_t len) {
  for (const char *p = data; p < data + len;) {
    p = memchr(p, '<', (size_t)(data + len - p));
    if (!p)
      return 0;
    size_t rest = (size_t)(data + len - p);
    if (rest >= 9 && (memcmp(p, "<!DOCTYPE", 9) == 0 ||
                      memcmp(p, "<!ENTITY", 8) == 0))
      return 1;
    p++;
  }
  return 0;
}

xmlDocPtr doc_xml_parse(const char *file, const char *part, const char *data,
                        size_t len, struct err *err) {
  pthread_once(&xml_once, xml_init);
  if (has_dtd(data, len)) {
    err_set(err, file, 0, 0,
            "%s: XML with a DOCTYPE (DTDs and entities are not read)", part);
    return NULL;
  }
  if (len > (size_t)0x7fffffff) {
    err_set(err, file, 0, 0, "%s: too large", part);
    return NULL;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    err_set(err, file, 0, 0, "%s: out of memory", part);
    return NULL;
  }
  xmlDocPtr d = xmlCtxtReadMemory(ctxt, data, (int)len, part, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR |
                                      XML_PARSE_NOWARNING);
  if (!d || !xmlDocGetRootElement(d)) {
    const xmlError *e = &ctxt->lastError;
    if (e->message) {
      char msg[200];
      snprintf(msg, sizeof msg, "%s", e->message);
      size_t n = strlen(msg);
      while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
      err_set(err, file, 0, 0, "%s: line %d: bad XML (%s)", part, e->line,
              msg);
    } else {
      err_set(err, file, 0, 0, "%s: bad XML (no root element)", part);
    }
    xmlFreeDoc(d);
    d = NULL;
  }
  xmlFreeParserCtxt(ctxt);
  return d;
}

int doc_xml_is(const xmlNode *n, const char *local) {
  return n && n->type == XML_ELEMENT_NODE &&
         strcmp((const char *)n->name, local) == 0;
}

xmlNode *doc_xml_child(const xmlNode *n, const char *local) {
  for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
    if (doc_xml_is(c, local))
      return c;
  return NULL;
}

char *doc_xml_attr(const xmlNode *n, const char *attr) {
  if (!n)
    return NULL;
  for (xmlAttr *a = n->properties; a; a = a->next) {
    if (strcmp((const char *)a->name, attr) != 0)
      continue;
    xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
    char *s = xstrdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
  }
  return NULL;
}

long doc_xml_attr_long(const xmlNode *n, const char *attr, long dflt,
                       long max) {
  char *s = doc_xml_attr(n, attr);
  if (!s)
    return dflt;
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  int ok = end != s && !*end && errno == 0 && v >= 0 && v <= max;
  free(s);
  return ok ? v : dflt;
}
