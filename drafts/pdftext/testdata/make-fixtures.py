#!/usr/bin/python3
# Makes the PDF fixtures of package pdftext's tests from the sample draft,
# as a ministry's office would: a Writer document, right to left, with the
# draft's title as a page header and the page number in the footer, saved
# as PDF by LibreOffice. Run it from the repository's root with Debian's
# python3-uno, LibreOffice Writer and fonts-hosny-amiri installed:
#
#   /usr/bin/python3 drafts/pdftext/testdata/make-fixtures.py [NAME.pdf…]
#
# (with names, it writes only those files).
# It reads drafts/export/testdata/sample.txt (the sample as plain text, one
# paragraph a line) and writes, into drafts/pdftext/testdata:
#   sample-amiri.pdf    Amiri, header the title, footer «- N -»
#   sample-dejavu.pdf   DejaVu Sans, header the title, footer «صفحة N»
#   visual-order.pdf    two articles drawn left to right letter by letter
#                       (no bidi), as old tools wrote Arabic: pdftotext
#                       gives them back reversed
#   bulletin-columns.pdf  the sample up to article 10 on two columns, as
#                       the official bulletin is printed, Amiri, header
#                       «الجريدة الرسمية عدد 7400», footer «... - الصفحة N»
# The scanned fixture is made from the first of these with poppler and
# ImageMagick (see README in this folder).
import os, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", ".."))
lines = open(os.path.join(root, "drafts/export/testdata/sample.txt"), encoding="utf-8").read().split("\n")

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

profile = tempfile.mkdtemp(prefix="lo-profile-")
port = 2083
office = subprocess.Popen(["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible",
                           "--norestore", "--accept=socket,host=127.0.0.1,port=%d;urp;" % port])
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(60):
    try:
        ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port)
        break
    except Exception:
        time.sleep(0.5)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

def heading(line):
    return line.startswith(("الباب", "الفصل", "المادة", "الكتاب", "القسم", "الفرع")) and len(line) < 80

def write(name, font, footer, paras, visual=False, columns=1, header=None):
    if sys.argv[1:] and name not in sys.argv[1:]:
        return
    doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (prop("Hidden", True),))
    style = doc.StyleFamilies.getByName("PageStyles").getByName("Standard")
    style.HeaderIsOn = True
    style.FooterIsOn = True
    style.WritingMode = 0 if visual else 1  # LR_TB, RL_TB
    if columns > 1:
        cols = doc.createInstance("com.sun.star.text.TextColumns")
        cols.setColumnCount(columns)
        cols.AutomaticDistance = 600  # 6 mm between the columns
        style.TextColumns = cols
    base = doc.StyleFamilies.getByName("ParagraphStyles").getByName("Standard")
    for p in ("CharFontName", "CharFontNameComplex"):
        setattr(base, p, font)
    base.CharHeight = 12
    base.CharHeightComplex = 12
    text = doc.Text
    cur = text.createTextCursor()
    for i, line in enumerate(paras):
        cur.ParaAdjust = 0 if visual else 1  # LEFT (read as start), RIGHT
        cur.WritingMode = 0 if visual else 1
        bold = 150 if heading(line) else 100
        cur.CharWeight = bold
        cur.CharWeightComplex = bold
        if visual:
            # Each letter its own run, left to right: the PDF stores the
            # letters in visual order and pdftotext reads them reversed.
            line = "\u202d" + line + "\u202c"
        text.insertString(cur, line, False)
        if i < len(paras) - 1:
            text.insertControlCharacter(cur, PARAGRAPH_BREAK, False)
    for part, content in (("HeaderText", None), ("FooterText", footer)):
        t = getattr(style, part)
        c = t.createTextCursor()
        c.ParaAdjust = 3  # CENTER
        c.CharFontName = font
        c.CharFontNameComplex = font
        c.CharHeightComplex = 10
        if content is None:
            t.insertString(c, header or lines[0], False)
        else:
            before, after = content
            t.insertString(c, before, False)
            field = doc.createInstance("com.sun.star.text.TextField.PageNumber")
            field.NumberingType = 4  # ARABIC
            field.SubType = 1  # CURRENT
            t.insertTextContent(c, field, False)
            t.insertString(c, after, False)
    out = os.path.join(here, name)
    doc.storeToURL("file://" + out, (prop("FilterName", "writer_pdf_Export"),))
    doc.close(True)
    print("wrote", out)

body = [l for l in lines if l.strip()]
try:
    write("sample-amiri.pdf", "Amiri", ("- ", " -"), body)
    write("sample-dejavu.pdf", "DejaVu Sans", ("صفحة ", ""), body)
    start = body.index("المادة 3: الطبيعة القانونية للغرف")
    write("visual-order.pdf", "DejaVu Sans", ("", ""), body[start:start + 6], visual=True)
    end = body.index("المادة الحادية عشرة: شروط الترشح")
    write("bulletin-columns.pdf", "Amiri", ("الجريدة الرسمية - الصفحة ", ""), body[:end], columns=2,
          header="الجريدة الرسمية عدد 7400")
finally:
    desktop.terminate()
    office.wait()
