#!/usr/bin/env python3
"""tests/doc/make_report.py OUTDIR - one report written as .txt, .docx and
.html, and bad documents, for the tests of doc/ (tests/cli/doc_*.sh).

The .docx is written the way Word lays out an official report: the heading
block (issuer, number, national motto, place and date) in a borderless
two-column table, styled title and headings, runs split by formatting, a
page break, a table of figures (the "Biểu") with merged header cells
(vMerge, gridSpan), and a header and a footer that hold figures which must
never become facts. The .txt holds the same paragraphs, one a line with
blank lines between, as a person would save it; the .html the same as a
saved news page with a menu, related links, comments and a footer around
the article. Only the standard library is used (zipfile).

tests/doc/report.pdf is the .docx made here converted once, as an office
exports from Word, with LibreOffice 7.4:
    soffice --headless --convert-to pdf report.docx
and committed (35 KB), since LibreOffice is not needed to run the tests."""
import html
import os
import sys
import zipfile

HEAD_LEFT = ["UBND HUYỆN MƯỜNG ẢNG", "Số: 245/BC-UBND"]
HEAD_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc",
              "Mường Ảng, ngày 15 tháng 10 năm 2024"]
TITLE = "BÁO CÁO"
SUBTITLE = ("Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 9 tháng "
            "năm 2024 huyện Mường Ảng")
# (heading level or 0, text); runs are split at '|' in the .docx.
BODY = [
    (1, "I. KẾT QUẢ ĐẠT ĐƯỢC"),
    (0, "Năm 2024, huyện Mường Ảng phấn đấu tốc độ tăng trưởng giá trị sản "
        "xuất đạt 8%; thu ngân sách trên địa bàn 46 tỷ đồng; |tỷ lệ hộ nghèo "
        "giảm còn 20,5%; sản lượng lương thực có hạt 26.800 tấn."),
    (0, "Sau 9 tháng, tốc độ tăng trưởng giá trị sản xuất ước đạt 7,9%. "
        "|Thu ngân sách trên địa bàn| ước đạt 35,2 tỷ đồng, bằng 76,5% dự "
        "toán, tăng 9,1% so với cùng kỳ."),
    (0, "Sản lượng lương thực có hạt ước đạt 21.300 tấn, bằng 79,5% kế "
        "hoạch năm. Toàn huyện đón khoảng 31.800 lượt khách du lịch, bằng "
        "79,5% kế hoạch."),
    (0, "Công tác giải quyết việc làm được quan tâm, 9 tháng đã tạo việc "
        "làm mới cho 910 lao động, bằng 82,7% kế hoạch. Toàn Đảng bộ kết "
        "nạp 65 đảng viên, đạt 81,3% kế hoạch năm."),
    (1, "II. BIỂU CHỈ TIÊU"),
    (0, "Biểu 1. Một số chỉ tiêu chủ yếu 9 tháng năm 2024"),
]
CLOSING = ("Trên đây là báo cáo kết quả thực hiện nhiệm vụ 9 tháng năm 2024 "
           "của Ủy ban nhân dân huyện Mường Ảng.")
# The Biểu: two header rows (STT, Chỉ tiêu, ĐVT, KH, ƯTH merged down;
# "So sánh (%)" over two columns), then the rows.
TABLE_HEAD = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024",
              "Ước thực hiện 9 tháng", "So sánh (%)"]
TABLE_SUB = ["TH/KH", "TH/CK"]
TABLE_ROWS = [
    ["1", "Tốc độ tăng trưởng giá trị sản xuất", "%", "8", "7,9", "98,8", ""],
    ["2", "Thu ngân sách trên địa bàn", "tỷ đồng", "46", "35,2", "76,5",
     "109,1"],
    ["3", "Sản lượng lương thực có hạt", "tấn", "26.800", "21.300", "79,5",
     "102,3"],
    ["4", "Khách du lịch", "lượt", "40.000", "31.800", "79,5", "112,4"],
    ["5", "Lao động có việc làm mới", "người", "1.100", "910", "82,7",
     "104,0"],
    ["6", "Kết nạp đảng viên", "người", "80", "65", "81,3", "95,6"],
]
HEADER_TEXT = "Báo cáo 9 tháng: thu ngân sách tăng 99% so với cùng kỳ"
FOOTER_TEXT = "Trang 1, đạt 100% kế hoạch"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def esc(s):
    return html.escape(s, quote=True)


def run(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return (f'<w:r>{rpr}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>')


def para(text, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    runs = "".join(run(part, bold=i % 2 == 1)
                   for i, part in enumerate(text.split("|")))
    return f"<w:p>{ppr}{runs}</w:p>"


def cell(text, pr=""):
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{para(text)}</w:tc>"


def heading_block():
    left = "".join(para(t) for t in HEAD_LEFT)
    right = "".join(para(t) for t in HEAD_RIGHT)
    return ("<w:tbl><w:tblPr><w:tblBorders/></w:tblPr>"
            "<w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>"
            f"<w:tc>{left}</w:tc><w:tc>{right}</w:tc></w:tr></w:tbl>")


def figures_table():
    vr, vc = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    head = "".join(cell(t, vr) for t in TABLE_HEAD[:5])
    head += cell(TABLE_HEAD[5], '<w:gridSpan w:val="2"/>')
    sub = "".join(cell("", vc) for _ in range(5))
    sub += "".join(cell(t) for t in TABLE_SUB)
    rows = [f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{head}</w:tr>",
            f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{sub}</w:tr>"]
    for r in TABLE_ROWS:
        rows.append("<w:tr>" + "".join(cell(t) for t in r) + "</w:tr>")
    grid = "<w:tblGrid>" + "<w:gridCol/>" * 7 + "</w:tblGrid>"
    return f"<w:tbl>{grid}{''.join(rows)}</w:tbl>"


def document_xml():
    body = [heading_block(), para(TITLE, "Title"), para(SUBTITLE)]
    for level, text in BODY:
        if text.startswith("II."):
            body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        body.append(para(text, f"Heading{level}" if level else None))
    body.append(figures_table())
    body.append(para(CLOSING))
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId2"/>'
            '<w:footerReference w:type="default" r:id="rId3"/></w:sectPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
            f'{"".join(body)}{sect}</w:body></w:document>')


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
</w:styles>"""
CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title></dc:title><dc:creator>UBND</dc:creator></cp:coreProperties>"""


def part_ftr(tag, text):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:{tag} xmlns:w="{W_NS}">{para(text)}</w:{tag}>')


def write_docx(path, document=None, extra=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/document.xml", document or document_xml())
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/header1.xml", part_ftr("hdr", HEADER_TEXT))
        z.writestr("word/footer1.xml", part_ftr("ftr", FOOTER_TEXT))
        z.writestr("docProps/core.xml", CORE)
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def paragraphs():
    """The report's paragraphs in reading order, as plain text."""
    out = HEAD_LEFT + HEAD_RIGHT + [TITLE, SUBTITLE]
    out += [text.replace("|", "") for _, text in BODY]
    return out + [CLOSING]


def write_txt(path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(paragraphs()) + "\n")


def write_html(path):
    """The report as a saved news page: the article among a menu, related
    links, a sidebar, comments, a footer and a script, all with figures
    that must not become facts."""
    def p(text):
        parts = text.split("|")
        # runs in bold, and the second one a link, as pages link words
        out = []
        for i, part in enumerate(parts):
            if i == 1:
                out.append(f'<a href="/tag/{i}">{esc(part)}</a>')
            elif i % 2:
                out.append(f"<b>{esc(part)}</b>")
            else:
                out.append(esc(part))
        return "<p>" + "".join(out) + "</p>"

    rows = ["<tr>" + "".join(f"<th rowspan=2>{esc(t)}</th>"
                             for t in TABLE_HEAD[:5]) +
            f"<th colspan=2>{esc(TABLE_HEAD[5])}</th></tr>",
            "<tr>" + "".join(f"<th>{esc(t)}</th>" for t in TABLE_SUB) +
            "</tr>"]
    for r in TABLE_ROWS:
        rows.append("<tr>" + "".join(f"<td>{esc(t)}</td>" for t in r) +
                    "</tr>")
    table = ("<table><thead>" + "".join(rows[:2]) + "</thead><tbody>" +
             "".join(rows[2:]) + "</tbody></table>")
    body = [p(t) for t in HEAD_LEFT + HEAD_RIGHT]
    body.append(f"<h1>{esc(TITLE)}</h1>")
    body.append(p(SUBTITLE))
    for level, text in BODY:
        body.append(f"<h2>{esc(text)}</h2>" if level else p(text))
    body.append(table)
    body.append(p(CLOSING))
    body.append('<div class="related-news"><h3>Tin liên quan</h3><ul>'
                '<li><a href="/a">Tuần Giáo: thu ngân sách đạt 120% dự '
                'toán</a></li><li><a href="/b">Điện Biên: tốc độ tăng '
                'trưởng kinh tế đạt 7,5%</a></li></ul></div>')
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{esc(SUBTITLE)} - Báo Điện Biên Phủ</title>
<meta property="og:title" content="{esc(SUBTITLE)}">
<meta property="article:published_time" content="2024-10-15T08:00:00+07:00">
<script>var note = "thu ngân sách tăng 50% so với cùng kỳ";</script>
<style>p {{ margin: 0 }}</style></head>
<body>
<header class="site-header"><div class="logo">Báo Điện Biên Phủ</div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/kt">Kinh tế</a></li>
<li><a href="/xh">Xã hội</a></li></ul></nav></header>
<div class="menu-top">Thời sự | Kinh tế | Văn hóa | Thể thao</div>
<div class="container"><div class="col-main">
<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/kt">Kinh tế</a></div>
<article class="detail">
{chr(10).join(body)}
</article>
<!-- Đọc nhiều: huyện đạt 200% kế hoạch -->
<div id="comments" class="comment-list"><h3>Bình luận</h3>
<div class="comment"><p>Bạn đọc Lò Văn A: năm nay thu ngân sách chắc đạt 150% kế hoạch, tăng 30% so với cùng kỳ.</p></div></div>
</div>
<aside class="sidebar"><h3>Đọc nhiều</h3><p>Điện Biên: GRDP 9 tháng tăng 7,8% so với cùng kỳ năm trước, đứng thứ 3 khu vực.</p></aside>
</div>
<footer class="site-footer"><p>Báo Điện Biên Phủ. Năm 2024 lượng truy cập tăng 100% so với năm trước.</p></footer>
</body></html>
"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)


def write_scan_pdf(path):
    """A PDF whose page holds no text, only a drawing, as a scan has."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Contents 4 0 R /Resources << >> >>"]
    stream = b"0.5 g 72 600 450 150 re f"
    objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream +
                b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += (b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, xref))
    open(path, "wb").write(bytes(out))


def read_pgm(path):
    """A binary PGM (P5, as pdftoppm -gray writes): width, height, bytes."""
    data = open(path, "rb").read()
    fields, i = [], 0
    while len(fields) < 4:
        while data[i:i + 1].isspace():
            i += 1
        j = i
        while not data[j:j + 1].isspace():
            j += 1
        fields.append(data[i:j])
        i = j
    w, h = int(fields[1]), int(fields[2])
    return w, h, bytearray(data[i + 1:i + 1 + w * h])


def scanned(w, h, px, seed=17):
    """The page as a scanner gives it: skewed by shifting each row a
    little more than the one above (about 0.4 degree), with salt and pepper
    noise on 0.3% of the pixels and a grey cast."""
    import random
    rnd = random.Random(seed)
    out = bytearray(b"\xff" * (w * h))
    for y in range(h):
        shift = (y * 7) // 1000
        row = px[y * w:(y + 1) * w]
        out[y * w + shift:(y + 1) * w] = row[:w - shift]
    for _ in range(w * h * 3 // 1000):
        out[rnd.randrange(w * h)] = rnd.choice((0, 255))
    return bytes(min(v, 235) for v in out)


def write_png(path, w, h, px, dpi=200):
    import struct
    import zlib

    def chunk(kind, body):
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)
    raw = b"".join(b"\0" + px[y * w:(y + 1) * w] for y in range(h))
    ppm = int(dpi / 0.0254)
    png = (b"\x89PNG\r\n\x1a\n" +
           chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) +
           chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)) +
           chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
    open(path, "wb").write(png)


def write_image_pdf(path, w, h, px, dpi=200):
    """A PDF of one page that is only the image, as a scanner makes."""
    import zlib
    pw, ph = w * 72 / dpi, h * 72 / dpi
    image = zlib.compress(px, 6)
    content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] "
            b"/Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>"
            % (pw, ph),
            b"<< /Length %d >>\nstream\n" % len(content) + content +
            b"\nendstream",
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d "
            b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter "
            b"/FlateDecode /Length %d >>\nstream\n" % (w, h, len(image)) +
            image + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += (b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, xref))
    open(path, "wb").write(bytes(out))


def write_bad(out):
    # A zip bomb: 50 MB of spaces in the document, about 50 KB packed.
    bomb = ('<?xml version="1.0"?><w:document xmlns:w="' + W_NS +
            '"><w:body><w:p><w:r><w:t>' + " " * (50 << 20) +
            "</w:t></w:r></w:p></w:body></w:document>")
    write_docx(os.path.join(out, "bomb.docx"), document=bomb)
    # External entity (XXE) and entity expansion.
    xxe = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM '
           '"file:///etc/passwd">]><w:document xmlns:w="' + W_NS +
           '"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>'
           "</w:document>")
    write_docx(os.path.join(out, "xxe.docx"), document=xxe)
    # Truncated: the first half of a good .docx.
    good = os.path.join(out, "report.docx")
    data = open(good, "rb").read()
    open(os.path.join(out, "truncated.docx"), "wb").write(data[:len(data) // 2])
    # Corrupt: the packed bytes of word/document.xml changed.
    at = data.index(b"word/document.xml") + 17 + 60
    bad = bytearray(data)
    for i in range(at, at + 16):
        bad[i] ^= 0x5A
    open(os.path.join(out, "corrupt.docx"), "wb").write(bytes(bad))
    # A legacy Word file: the OLE2 signature and a WordDocument stream name.
    ole = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504 +
           "WordDocument".encode("utf-16-le") + b"\0" * 512)
    open(os.path.join(out, "legacy.doc"), "wb").write(ole)
    write_scan_pdf(os.path.join(out, "scan.pdf"))
    # The committed PDF cut in half.
    pdf = open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "report.pdf"), "rb").read()
    open(os.path.join(out, "truncated.pdf"), "wb").write(pdf[:len(pdf) // 2])


def col_name(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(path, sheets):
    """An .xlsx of 'sheets', a list of (name, rows); a cell is a str (a
    shared string), an int or float (a number), ("inline", str), ("formula",
    formula, cached value or None) or None (no cell)."""
    strings, index = [], {}

    def sst(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    parts = []
    for name, rows in sheets:
        xml_rows = []
        for r, row in enumerate(rows, 1):
            cells = []
            for c, v in enumerate(row):
                ref = f"{col_name(c)}{r}"
                if v is None:
                    continue
                if isinstance(v, tuple) and v[0] == "inline":
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t>'
                                 f'{esc(v[1])}</t></is></c>')
                elif isinstance(v, tuple):
                    cached = "" if v[2] is None else f"<v>{v[2]}</v>"
                    cells.append(f'<c r="{ref}"><f>{esc(v[1])}</f>{cached}</c>')
                elif isinstance(v, str):
                    cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
                else:
                    cells.append(f'<c r="{ref}"><v>{v!r}</v></c>')
            xml_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
        parts.append('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<worksheet xmlns="http://schemas.openxmlformats.org/'
                     'spreadsheetml/2006/main"><sheetData>'
                     f'{"".join(xml_rows)}</sheetData></worksheet>')
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    book = "".join(f'<sheet name="{esc(n)}" sheetId="{i}" r:id="rId{i}"/>'
                   for i, (n, _) in enumerate(sheets, 1))
    rels = "".join(f'<Relationship Id="rId{i}" Type="{rel}/worksheet" '
                   f'Target="worksheets/sheet{i}.xml"/>'
                   for i in range(1, len(sheets) + 1))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><workbook '
                   f'xmlns="{ns}" xmlns:r="{rel}"><sheets>{book}</sheets>'
                   "</workbook>")
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/'
                   f'relationships">{rels}</Relationships>')
        for i, xml in enumerate(parts, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        z.writestr("xl/sharedStrings.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}">'
                   + "".join(f"<si><t>{esc(s)}</t></si>" for s in strings)
                   + "</sst>")


def csv_rows(path):
    """The rows of a CSV import file, numbers as numbers (the columns year
    to actual), as a spreadsheet holds them."""
    import csv
    rows = []
    with open(path, encoding="utf-8") as f:
        for i, row in enumerate(csv.reader(f)):
            if i:
                row = row[:8] + [None if x == "" else
                                 (int(x) if x.isdigit() else float(x))
                                 for x in row[8:]]
            rows.append(row)
    return rows


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "scan":
        # make_report.py scan PAGE.pgm OUTDIR: the page rendered at 200 dpi
        # (pdftoppm -r 200 -gray) as a scanned .png and an image-only .pdf
        w, h, px = read_pgm(sys.argv[2])
        px = scanned(w, h, px)
        write_png(os.path.join(sys.argv[3], "scan.png"), w, h, px)
        write_image_pdf(os.path.join(sys.argv[3], "scanned.pdf"), w, h, px)
        return
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    write_txt(os.path.join(out, "report.txt"))
    write_docx(os.path.join(out, "report.docx"))
    write_html(os.path.join(out, "report.html"))
    write_bad(out)


if __name__ == "__main__":
    main()
