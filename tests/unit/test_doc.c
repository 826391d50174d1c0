/* tests/unit/test_doc.c - doc/: formats told by content, the .docx reader
 * (paragraphs, headings, heading block, pages, tables with merged cells,
 * header rows and labels) and its limits (zip bomb, DOCTYPE and entities,
 * damaged and truncated zips). The packages are made here with libzip. */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "doc/doc.h"
#include "doc/doc_int.h"
#include "harness.h"
#include "util/buf.h"

struct member {
  const char *name;
  const char *data;
  size_t len; /* 0: strlen(data) */
};

/* A zip of the 'n' members 'm' in 'out', deflated (or stored if 'store'). */
static void make_zip(const struct member *m, size_t n, int store,
                     struct buf *out) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
  zip_source_keep(src);
  zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  for (size_t i = 0; i < n; i++) {
    size_t len = m[i].len ? m[i].len : strlen(m[i].data);
    zip_source_t *s = zip_source_buffer(z, m[i].data, len, 0);
    zip_int64_t idx = zip_file_add(z, m[i].name, s, ZIP_FL_OVERWRITE);
    zip_set_file_compression(z, (zip_uint64_t)idx,
                             store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
  }
  zip_close(z);
  zip_stat_t st;
  zip_source_stat(src, &st);
  buf_reset(out);
  buf_reserve(out, (size_t)st.size);
  zip_source_open(src);
  zip_int64_t got = zip_source_read(src, out->s, st.size);
  zip_source_close(src);
  out->len = got > 0 ? (size_t)got : 0;
  out->s[out->len] = '\0';
  zip_source_free(src);
  zip_error_fini(&ze);
}

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static const char styles_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles " W ">"
    "<w:style w:type=\"paragraph\" w:styleId=\"u1\"><w:name w:val=\"heading "
    "1\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name "
    "w:val=\"Title\"/></w:style></w:styles>";

/* A cell: its properties (may be "") and its text. */
#define TC(pr, text)                                                           \
  "<w:tc><w:tcPr>" pr "</w:tcPr><w:p><w:r><w:t>" text "</w:t></w:r></w:p>"  \
  "</w:tc>"
#define VR "<w:vMerge w:val=\"restart\"/>"
#define VC "<w:vMerge/>"

static const char document_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<w:document " W "><w:body>"
    /* the heading block: a table with no number */
    "<w:tbl><w:tr>"
    "<w:tc><w:p><w:r><w:t>UBND HUYỆN MƯỜNG ẢNG</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Số: 245/BC-UBND</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r>"
    "</w:p><w:p><w:r><w:t>Độc lập - Tự do - Hạnh phúc</w:t></w:r></w:p>"
    "<w:p><w:r><w:t xml:space=\"preserve\">Mường Ảng, ngày 15 </w:t></w:r>"
    "<w:r><w:t>tháng 10 năm 2024</w:t></w:r></w:p></w:tc>"
    "</w:tr></w:tbl>"
    "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>BÁO "
    "CÁO</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"u1\"/></w:pPr><w:r><w:t>I. KẾT QUẢ</w:t>"
    "</w:r></w:p>"
    /* runs, a tab, a line break, a deleted revision, a field code */
    "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Thu ngân "
    "sách </w:t></w:r><w:r><w:t>ước</w:t></w:r><w:r><w:tab/><w:t>đạt</w:t>"
    "<w:br/><w:t xml:space=\"preserve\"> 35,2 tỷ đồng</w:t></w:r>"
    "<w:del><w:r><w:delText>XÓA</w:delText></w:r></w:del>"
    "<w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>.</w:t></w:r>"
    "</w:p>"
    "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
    "<w:p><w:r><w:t>Biểu 1</w:t></w:r></w:p>"
    /* a table of figures: header rows by vMerge and gridSpan */
    "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/>"
    "<w:gridCol/></w:tblGrid>"
    "<w:tr>" TC(VR, "STT") TC(VR, "Chỉ tiêu") TC(VR, "Kế hoạch năm 2024")
        TC("<w:gridSpan w:val=\"2\"/>", "So sánh (%)") "</w:tr>"
    "<w:tr>" TC(VC, "") TC(VC, "") TC(VC, "") TC("", "TH/KH")
        TC("", "TH/CK") "</w:tr>"
    "<w:tr>" TC("", "1") TC("", "Thu ngân sách") TC("", "46")
        TC("", "76,5") TC("", "109,1") "</w:tr>"
    "<w:tr>" TC(VR, "2") TC("", "Sản lượng lương thực") TC("", "26.800")
        TC("", "79,5") TC("", "−2,5") "</w:tr>"
    "<w:tr>" TC(VC, "") TC("", "Khách du lịch") TC("", "40.000")
        TC("", "") TC("", "n/a") "</w:tr>"
    "</w:tbl>"
    "<w:p><w:r><w:t>Hết.</w:t></w:r></w:p>"
    "<w:sectPr/></w:body></w:document>";

static const char footer_xml[] =
    "<?xml version=\"1.0\"?><w:ftr " W "><w:p><w:r><w:t>Trang 1, đạt 100% kế "
    "hoạch</w:t></w:r></w:p></w:ftr>";

static void read_docx(const char *docxml, struct document *doc, int *rc,
                      struct err *err) {
  struct member m[] = {{"[Content_Types].xml", "<Types/>", 0},
                       {"word/document.xml", docxml, 0},
                       {"word/styles.xml", styles_xml, 0},
                       {"word/footer1.xml", footer_xml, 0}};
  struct buf z = BUF_INIT;
  make_zip(m, 4, 0, &z);
  err_clear(err);
  *rc = doc_read_mem("r.docx", z.s, z.len, doc, err);
  buf_free(&z);
}

static void test_docx(void) {
  struct document doc;
  struct err err;
  int rc;
  read_docx(document_xml, &doc, &rc, &err);
  INT_EQ(rc, 0);
  if (rc != 0) {
    fprintf(stderr, "%s\n", err.msg);
    doc_free(&doc);
    return;
  }
  INT_EQ(doc.format, DOC_DOCX);
  INT_EQ(doc.n_paras, 10);
  const char *want[] = {"UBND HUYỆN MƯỜNG ẢNG",
                        "Số: 245/BC-UBND",
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc",
                        "Mường Ảng, ngày 15 tháng 10 năm 2024",
                        "BÁO CÁO",
                        "I. KẾT QUẢ",
                        "Thu ngân sách ước đạt 35,2 tỷ đồng.",
                        "Biểu 1",
                        "Hết."};
  for (size_t i = 0; i < 10 && i < doc.n_paras; i++)
    STR_EQ(doc.paras[i].text, want[i]);
  INT_EQ(doc.paras[5].heading, 1);
  INT_EQ(doc.paras[6].heading, 1);
  INT_EQ(doc.paras[7].heading, 0);
  INT_EQ(doc.paras[7].page, 1);
  INT_EQ(doc.paras[8].page, 2);
  INT_EQ(doc.n_pages, 2);
  INT_EQ(doc.year, 2024);
  INT_EQ(doc.month, 10);
  INT_EQ(doc.day, 15);
  STR_EQ(doc.issuer, "UBND HUYỆN MƯỜNG ẢNG");
  STR_EQ(doc.title, "BÁO CÁO");
  /* the footer is not read */
  for (size_t i = 0; i < doc.n_paras; i++)
    OK(strstr(doc.paras[i].text, "Trang") == NULL);

  INT_EQ(doc.n_tables, 1);
  if (doc.n_tables != 1) {
    doc_free(&doc);
    return;
  }
  const struct doc_table *t = &doc.tables[0];
  INT_EQ(t->n_rows, 5);
  INT_EQ(t->n_cols, 5);
  INT_EQ(t->header_rows, 2);
  INT_EQ(t->label_col, 1);
  INT_EQ(t->page, 2);
  INT_EQ(t->para_index, 9);
  const char *cells[5][5] = {
      {"STT", "Chỉ tiêu", "Kế hoạch năm 2024", "So sánh (%)", "So sánh (%)"},
      {"STT", "Chỉ tiêu", "Kế hoạch năm 2024", "TH/KH", "TH/CK"},
      {"1", "Thu ngân sách", "46", "76,5", "109,1"},
      {"2", "Sản lượng lương thực", "26.800", "79,5", "−2,5"},
      {"2", "Khách du lịch", "40.000", "", "n/a"}};
  for (size_t r = 0; r < 5; r++)
    for (size_t c = 0; c < 5; c++)
      STR_EQ(doc_table_cell(t, r, c)->text, cells[r][c]);
  const struct doc_cell *so = doc_table_cell(t, 0, 3);
  INT_EQ(so->cols, 2);
  INT_EQ(so->rows, 1);
  INT_EQ(doc_table_cell(t, 0, 4)->col0, 3);
  INT_EQ(doc_table_cell(t, 1, 0)->row0, 0);
  INT_EQ(doc_table_cell(t, 0, 0)->rows, 2);
  INT_EQ(doc_table_cell(t, 3, 0)->rows, 2);
  INT_EQ(doc_table_cell(t, 4, 0)->row0, 3);
  OK(doc_table_cell(t, 3, 2)->is_number);
  DBL_EQ(doc_table_cell(t, 3, 2)->number, 26800);
  DBL_EQ(doc_table_cell(t, 3, 4)->number, -2.5);
  DBL_EQ(doc_table_cell(t, 2, 3)->number, 76.5);
  OK(!doc_table_cell(t, 4, 4)->is_number);
  OK(!doc_table_cell(t, 4, 3)->is_number);

  /* the text the extractor reads: paragraphs, one a line, no table */
  struct buf text = BUF_INIT;
  doc_text(&doc, &text);
  OK(strstr(text.s, "Mường Ảng, ngày 15 tháng 10 năm 2024\nBÁO CÁO\n") !=
     NULL);
  OK(strstr(text.s, "26.800") == NULL);
  buf_free(&text);
  doc_free(&doc);
}

/* Bad input: each a one-line error naming the file and the part. */
static void expect_error(const char *what, const char *data, size_t len,
                         const char *msg_part) {
  struct document doc;
  struct err err;
  err_clear(&err);
  int rc = doc_read_mem("bad.docx", data, len, &doc, &err);
  INT_EQ(rc, -1);
  STR_EQ(err.file, "bad.docx");
  HARNESS_REPORT(strstr(err.msg, msg_part) != NULL, "%s: got \"%s\"", what,
                 err.msg);
  OK(strchr(err.msg, '\n') == NULL);
  doc_free(&doc);
}

static void test_limits(void) {
  struct buf z = BUF_INIT;
  /* 20 MB of spaces: deflates about 1000:1 */
  size_t big = 20u << 20;
  char *spaces = malloc(big);
  memset(spaces, ' ', big);
  memcpy(spaces, "<a>", 3);
  memcpy(spaces + big - 4, "</a>", 4);
  struct member bomb[] = {{"word/document.xml", spaces, big}};
  make_zip(bomb, 1, 0, &z);
  OK(z.len < big / 200);
  expect_error("bomb", z.s, z.len,
               "word/document.xml: unpacks to 1");
  expect_error("bomb", z.s, z.len, "the limit of 200 (a zip bomb?)");
  free(spaces);

  /* stored, not packed, but over the limit of one member */
  size_t huge = DOC_PART_MAX + 1;
  char *bytes = malloc(huge);
  for (size_t i = 0; i < huge; i++)
    bytes[i] = (char)('a' + (i * 7919u) % 26);
  struct member large[] = {{"word/document.xml", bytes, huge}};
  make_zip(large, 1, 1, &z);
  expect_error("large", z.s, z.len,
               "word/document.xml: unpacks to 67108865 bytes, more than the "
               "limit of 64 MiB");
  free(bytes);

  /* entities: never defined, expanded or fetched */
  static const char xxe[] =
      "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "
      "\"file:///etc/passwd\">]><w:document " W
      "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
  struct member ent[] = {{"word/document.xml", xxe, 0}};
  make_zip(ent, 1, 0, &z);
  expect_error("xxe", z.s, z.len,
               "word/document.xml: XML with a DOCTYPE (DTDs and entities "
               "are not read)");
  static const char lol[] =
      "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><l>&b;</l>";
  struct member laughs[] = {{"word/document.xml", lol, 0}};
  make_zip(laughs, 1, 0, &z);
  expect_error("laughs", z.s, z.len, "XML with a DOCTYPE");

  /* bad XML names the part and the line */
  struct member badxml[] = {
      {"word/document.xml", "<?xml version=\"1.0\"?>\n<w:document>\n<w:bo", 0}};
  make_zip(badxml, 1, 0, &z);
  expect_error("xml", z.s, z.len, "word/document.xml: line 3: bad XML");

  /* a byte of the packed document changed: the CRC tells */
  struct member good[] = {{"word/document.xml", document_xml, 0}};
  make_zip(good, 1, 0, &z);
  char *hit = memmem(z.s, z.len, "word/document.xml", 17);
  OK(hit != NULL);
  if (hit) {
    size_t at = (size_t)(hit - z.s) + 17 + 40;
    z.s[at] = (char)(z.s[at] ^ 0x55);
    expect_error("crc", z.s, z.len, "word/document.xml: damaged (");
  }
  /* truncated: the zip's directory is gone */
  make_zip(good, 1, 0, &z);
  expect_error("truncated", z.s, z.len / 2,
               "zip directory: the file is damaged or truncated");
  /* a zip without the main part */
  struct member other[] = {{"readme.txt", "hello", 0}};
  make_zip(other, 1, 0, &z);
  expect_error("other", z.s, z.len, "neither a .docx nor an .xlsx");
  buf_free(&z);
}

static void test_sniff(void) {
  struct err err;
  enum doc_format f;
  INT_EQ(doc_sniff("a", "Năm 2024", 9, &f, &err), 0);
  INT_EQ(f, DOC_TEXT);
  INT_EQ(doc_sniff("a", "  <!DOCTYPE html><html>", 23, &f, &err), 0);
  INT_EQ(f, DOC_HTML);
  INT_EQ(doc_sniff("a", "%PDF-1.7\n", 9, &f, &err), 0);
  INT_EQ(f, DOC_PDF);
  static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1....W\0o\0r\0d\0D"
                            "\0o\0c\0u\0m\0e\0n\0t\0";
  INT_EQ(doc_sniff("old.doc", ole, sizeof ole - 1, &f, &err), -1);
  STR_EQ(err.msg, "a legacy Word .doc file: save it as .docx");
  static const char xls[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1....W\0o\0r\0k\0b"
                            "\0o\0o\0k\0";
  INT_EQ(doc_sniff("old.xls", xls, sizeof xls - 1, &f, &err), -1);
  STR_EQ(err.msg, "a legacy Excel .xls file: save it as .xlsx");
  double v = 0;
  OK(doc_cell_number("1.234,5", &v));
  DBL_EQ(v, 1234.5);
  OK(doc_cell_number("-12 %", &v));
  DBL_EQ(v, -12);
  OK(!doc_cell_number("12 tấn", &v));
  OK(!doc_cell_number("", &v));
  OK(!doc_cell_number("II", &v));
}

#define S "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""

static void test_xlsx(void) {
  static const char book[] =
      "<?xml version=\"1.0\"?><workbook " S " xmlns:r=\"http://schemas."
      "openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
      "<sheet name=\"Biểu 1\" sheetId=\"1\" r:id=\"rId7\"/>"
      "<sheet name=\"Trống\" sheetId=\"2\" r:id=\"rId8\"/></sheets>"
      "</workbook>";
  static const char rels[] =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
      "openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId7\" Target=\"worksheets/a.xml\"/>"
      "<Relationship Id=\"rId8\" Target=\"/xl/worksheets/b.xml\"/>"
      "</Relationships>";
  static const char sst[] =
      "<?xml version=\"1.0\"?><sst " S "><si><t>Chỉ tiêu</t></si>"
      "<si><r><t>So </t></r><r><t>sánh</t></r><rPh><t>x</t></rPh></si>"
      "<si><t>GRDP</t></si></sst>";
  static const char sheet[] =
      "<?xml version=\"1.0\"?><worksheet " S "><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" "
      "t=\"s\"><v>1</v></c><c r=\"D1\" s=\"3\"/></row>"
      "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>KH</t></is></c>"
      "<c r=\"C2\" t=\"str\"><f>\"TH\"</f><v>TH</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\">"
      "<v>7.5</v></c><c r=\"C3\"><f>B3*0.96</f><v>7.2</v></c></row>"
      "</sheetData><mergeCells><mergeCell ref=\"A1:A2\"/><mergeCell "
      "ref=\"B1:C1\"/></mergeCells></worksheet>";
  static const char empty[] =
      "<?xml version=\"1.0\"?><worksheet " S "><sheetData/></worksheet>";
  struct member m[] = {{"xl/workbook.xml", book, 0},
                       {"xl/_rels/workbook.xml.rels", rels, 0},
                       {"xl/sharedStrings.xml", sst, 0},
                       {"xl/worksheets/a.xml", sheet, 0},
                       {"xl/worksheets/b.xml", empty, 0}};
  struct buf z = BUF_INIT;
  make_zip(m, 5, 0, &z);
  struct document doc;
  struct err err;
  err_clear(&err);
  int rc = doc_read_mem("s.xlsx", z.s, z.len, &doc, &err);
  INT_EQ(rc, 0);
  INT_EQ(doc.format, DOC_XLSX);
  INT_EQ(doc.n_tables, 2);
  if (rc == 0 && doc.n_tables == 2) {
    const struct doc_table *t = &doc.tables[0];
    STR_EQ(t->name, "Biểu 1");
    INT_EQ(t->n_rows, 3);
    INT_EQ(t->n_cols, 3);
    INT_EQ(t->header_rows, 2);
    INT_EQ(t->label_col, 0);
    STR_EQ(doc_table_cell(t, 0, 0)->text, "Chỉ tiêu");
    STR_EQ(doc_table_cell(t, 1, 0)->text, "Chỉ tiêu");
    STR_EQ(doc_table_cell(t, 0, 2)->text, "So sánh");
    INT_EQ(doc_table_cell(t, 0, 1)->cols, 2);
    STR_EQ(doc_table_cell(t, 1, 1)->text, "KH");
    STR_EQ(doc_table_cell(t, 1, 2)->text, "TH");
    OK(doc_table_cell(t, 2, 1)->is_number);
    DBL_EQ(doc_table_cell(t, 2, 1)->number, 7.5);
    DBL_EQ(doc_table_cell(t, 2, 2)->number, 7.2);
    STR_EQ(doc.tables[1].name, "Trống");
    INT_EQ(doc.tables[1].n_rows, 0);
  }
  doc_free(&doc);
  /* a formula nobody calculated */
  static const char nocache[] =
      "<?xml version=\"1.0\"?><worksheet " S "><sheetData><row r=\"4\">"
      "<c r=\"AB4\"><f>1+1</f></c></row></sheetData></worksheet>";
  m[3].data = nocache;
  make_zip(m, 5, 0, &z);
  err_clear(&err);
  INT_EQ(doc_read_mem("s.xlsx", z.s, z.len, &doc, &err), -1);
  STR_EQ(err.file, "s.xlsx:Biểu 1!AB4");
  doc_free(&doc);
  buf_free(&z);
}

static void test_html(void) {
  /* no <article>: the article is found by text density */
  static const char page[] =
      "<html><head><title>Tin - Báo</title></head><body>"
      "<div id=\"menu\"><a href=\"/\">Trang chủ</a> <a href=\"/k\">Kinh "
      "tế</a></div>"
      "<h1>Mường Ảng: thu ngân sách đạt 76,5%</h1>"
      "<div class=\"meta\">Thứ Sáu, 05/07/2024 15:40</div>"
      "<div class=\"content\"><p>Thu ngân sách trên địa bàn ước đạt 35,2 "
      "tỷ đồng.</p><p>Sản lượng lương thực <a href=\"/t\">có hạt</a> đạt "
      "21.300 tấn.</p><ul><li><a href=\"/1\">Tin khác một</a></li></ul>"
      "<table><tr><th rowspan=\"2\">Chỉ tiêu</th><th colspan=\"2\">Năm"
      "</th></tr><tr><th>2023</th><th>2024</th></tr><tr><td>GRDP</td>"
      "<td>7,1</td><td>7,5</td></tr></table>"
      "<p>Hết.<br>Nguồn: UBND</p></div>"
      "<div class=\"comment\"><p>Bạn đọc: tôi nghĩ đạt 150% kế hoạch rồi "
      "đấy.</p></div>"
      "<div class=\"footer\"><p>Bản quyền thuộc về báo, năm 2024.</p></div>"
      "</body></html>";
  struct document doc;
  struct err err;
  err_clear(&err);
  INT_EQ(doc_read_mem("p.html", page, sizeof page - 1, &doc, &err), 0);
  INT_EQ(doc.format, DOC_HTML);
  const char *want[] = {"Mường Ảng: thu ngân sách đạt 76,5%",
                        "Thu ngân sách trên địa bàn ước đạt 35,2 tỷ đồng.",
                        "Sản lượng lương thực có hạt đạt 21.300 tấn.",
                        "Hết.", "Nguồn: UBND"};
  INT_EQ(doc.n_paras, 5);
  for (size_t i = 0; i < 5 && i < doc.n_paras; i++)
    STR_EQ(doc.paras[i].text, want[i]);
  if (doc.n_paras)
    INT_EQ(doc.paras[0].heading, 1);
  STR_EQ(doc.title, "Tin - Báo");
  INT_EQ(doc.year, 2024);
  INT_EQ(doc.month, 7);
  INT_EQ(doc.day, 5);
  INT_EQ(doc.n_tables, 1);
  if (doc.n_tables == 1) {
    const struct doc_table *t = &doc.tables[0];
    INT_EQ(t->n_rows, 3);
    INT_EQ(t->n_cols, 3);
    INT_EQ(t->header_rows, 2);
    STR_EQ(doc_table_cell(t, 1, 0)->text, "Chỉ tiêu");
    STR_EQ(doc_table_cell(t, 0, 2)->text, "Năm");
    STR_EQ(doc_table_cell(t, 1, 2)->text, "2024");
    DBL_EQ(doc_table_cell(t, 2, 2)->number, 7.5);
    INT_EQ(t->label_col, 0);
  }
  doc_free(&doc);
}

/* The report exported by LibreOffice (tests/doc/report.pdf). */
static void test_pdf(void) {
  struct document doc;
  struct err err;
  err_clear(&err);
  int rc = doc_read("tests/doc/report.pdf", &doc, &err);
  INT_EQ(rc, 0);
  if (rc != 0) {
    fprintf(stderr, "%s: %s\n", err.file, err.msg);
    doc_free(&doc);
    return;
  }
  INT_EQ(doc.format, DOC_PDF);
  INT_EQ(doc.n_pages, 2);
  OK(doc.n_paras >= 12);
  if (doc.n_paras >= 12) {
    STR_EQ(doc.paras[0].text, "UBND HUYỆN MƯỜNG ẢNG");
    STR_EQ(doc.paras[doc.n_paras - 1].text,
           "Trên đây là báo cáo kết quả thực hiện nhiệm vụ 9 tháng năm 2024 "
           "của Ủy ban nhân dân huyện Mường Ảng.");
    INT_EQ(doc.paras[0].page, 1);
    INT_EQ(doc.paras[doc.n_paras - 1].page, 2);
  }
  STR_EQ(doc.issuer, "UBND HUYỆN MƯỜNG ẢNG");
  INT_EQ(doc.year, 2024);
  INT_EQ(doc.month, 10);
  /* the running header and footer, and the table, are not text */
  struct buf text = BUF_INIT;
  doc_text(&doc, &text);
  OK(strstr(text.s, "Trang 1") == NULL);
  OK(strstr(text.s, "99%") == NULL);
  OK(strstr(text.s, "109,1") == NULL);
  OK(strstr(text.s, "đảng viên Trên") == NULL);
  buf_free(&text);
  /* the Biểu rebuilt from the positions of its text */
  INT_EQ(doc.n_tables, 1);
  if (doc.n_tables == 1) {
    const struct doc_table *t = &doc.tables[0];
    INT_EQ(t->page, 2);
    INT_EQ(t->n_rows, 8);
    INT_EQ(t->n_cols, 7);
    INT_EQ(t->header_rows, 2);
    INT_EQ(t->label_col, 1);
    static const char *const rows[6][7] = {
        {"1", "Tốc độ tăng trưởng giá trị sản xuất", "%", "8", "7,9",
         "98,8", ""},
        {"2", "Thu ngân sách trên địa bàn", "tỷ đồng", "46", "35,2", "76,5",
         "109,1"},
        {"3", "Sản lượng lương thực có hạt", "tấn", "26.800", "21.300",
         "79,5", "102,3"},
        {"4", "Khách du lịch", "lượt", "40.000", "31.800", "79,5", "112,4"},
        {"5", "Lao động có việc làm mới", "người", "1.100", "910", "82,7",
         "104,0"},
        {"6", "Kết nạp đảng viên", "người", "80", "65", "81,3", "95,6"}};
    for (size_t r = 0; r < 6 && t->n_rows == 8 && t->n_cols == 7; r++)
      for (size_t c = 0; c < 7; c++)
        STR_EQ(doc_table_cell(t, r + 2, c)->text, rows[r][c]);
    STR_EQ(doc_table_cell(t, 0, 3)->text, "Kế hoạch năm 2024");
    STR_EQ(doc_table_cell(t, 1, 6)->text, "TH/CK");
  }
  doc_free(&doc);
}

int main(void) {
  test_pdf();
  test_html();
  test_xlsx();
  test_sniff();
  test_docx();
  test_limits();
  return DONE();
}
