"""Reads a .docx file with LibreOffice, as a reviewer would, for the export's tests.

Usage: python3 libreoffice.py FILE.docx PROFILE_DIR
       python3 libreoffice.py --table FILE.docx PROFILE_DIR OUT.pdf

Starts a headless LibreOffice of its own (its profile in PROFILE_DIR, so that
runs do not share one), opens FILE three times, and prints one JSON object:
  paragraphs: [style, text] of each paragraph as opened (deleted text shown)
  redlines:   [type, author, date] of each tracked change, in document order
  accepted:   [style, text] of each paragraph once every change is accepted
  rejected:   [style, text] of each paragraph once every change is rejected
With --table, for the comparative table, it opens FILE once, saves it as
OUT.pdf, and prints:
  paragraphs: [style, text] of each paragraph outside the table
  redlines:   as above (a table of proposals has none)
  landscape:  whether the first page style is landscape
  headerRows: how many rows the table repeats on each page (0 if none)
  splitRows:  how many of its rows may break across pages
  cells:      the text of each cell, row by row, in the table's order
  pages:      how many pages the document lays out
It stops the LibreOffice it started (the launcher and soffice.bin), whatever happens.
"""

import json
import os
import signal
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def paragraphs(doc):
    out = []
    e = doc.Text.createEnumeration()
    while e.hasMoreElements():
        p = e.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph"):
            out.append([p.ParaStyleName, p.getString()])
    return out


def redlines(doc):
    out = []
    e = doc.Redlines.createEnumeration()
    while e.hasMoreElements():
        r = e.nextElement()
        d = r.RedlineDateTime
        out.append([r.RedlineType, r.RedlineAuthor,
                    "%04d-%02d-%02dT%02d:%02d:%02d" % (d.Year, d.Month, d.Day, d.Hours, d.Minutes, d.Seconds)])
    return out


def read_table(desktop, url, pdf):
    """What the --table mode prints (see the module's notes)."""
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    result = {"paragraphs": paragraphs(doc), "redlines": redlines(doc)}
    style = doc.Text.createEnumeration().nextElement().PageStyleName or "Standard"
    result["landscape"] = bool(doc.StyleFamilies.getByName("PageStyles").getByName(style).IsLandscape)
    tables = doc.TextTables
    if tables.getCount() != 1:
        raise SystemExit("%d tables in the document, want 1" % tables.getCount())
    t = tables.getByIndex(0)
    result["headerRows"] = t.HeaderRowCount if t.RepeatHeadline else 0
    rows = t.Rows
    result["splitRows"] = sum(1 for i in range(rows.getCount()) if rows.getByIndex(i).IsSplitAllowed)
    cells = []
    for i in range(rows.getCount()):
        # A row whose cells span columns has fewer cells: read them by name.
        row = [t.getCellByName(n).getString() for n in t.getCellNames() if int("".join(c for c in n if c.isdigit())) == i + 1]
        cells.append(row)
    result["cells"] = cells
    result["pages"] = doc.CurrentController.PageCount
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(pdf)), (prop("FilterName", "writer_pdf_Export"),))
    doc.close(True)
    return result


def main():
    args = sys.argv[1:]
    table = args[:1] == ["--table"]
    if table:
        args = args[1:]
    path, profile = os.path.abspath(args[0]), os.path.abspath(args[1])
    pipe = "statute_export_%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        # soffice is a launcher that runs soffice.bin as its child: a group
        # of its own lets a failure stop both.
        start_new_session=True)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        # A first start makes the profile, which on a busy machine takes a
        # while: wait up to two minutes for LibreOffice to listen.
        ctx, deadline = None, time.monotonic() + 120
        while ctx is None:
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            except Exception:
                if office.poll() is not None:
                    raise SystemExit("LibreOffice stopped (exit %s) before it could be reached" % office.returncode)
                if time.monotonic() > deadline:
                    raise SystemExit("LibreOffice could not be reached in two minutes")
                time.sleep(0.1)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        url = uno.systemPathToFileUrl(path)

        def load():
            return desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))

        if table:
            json.dump(read_table(desktop, url, args[2]), sys.stdout, ensure_ascii=False)
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge goes down with LibreOffice
            return

        result = {}
        doc = load()
        result["paragraphs"] = paragraphs(doc)
        result["redlines"] = redlines(doc)
        for key, command in (("accepted", ".uno:AcceptAllTrackedChanges"), ("rejected", ".uno:RejectAllTrackedChanges")):
            dispatcher.executeDispatch(doc.CurrentController.Frame, command, "", 0, ())
            # Make sure the command is done: no tracked change is left.
            deadline = time.monotonic() + 30
            while doc.Redlines.createEnumeration().hasMoreElements():
                if time.monotonic() > deadline:
                    raise SystemExit("%s left tracked changes in the document" % command)
                time.sleep(0.1)
            result[key] = paragraphs(doc)
            doc.close(True)
            doc = load()
        doc.close(True)
        json.dump(result, sys.stdout, ensure_ascii=False)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down with LibreOffice
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(office.pid, signal.SIGKILL)  # whatever is left of it
        except ProcessLookupError:
            pass
        office.wait()


main()
