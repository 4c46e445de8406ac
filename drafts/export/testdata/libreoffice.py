"""Reads a .docx file with LibreOffice, as a reviewer would, for the export's tests.

Usage: python3 libreoffice.py FILE.docx PROFILE_DIR

Starts a headless LibreOffice of its own (its profile in PROFILE_DIR, so that
runs do not share one), opens FILE three times, and prints one JSON object:
  paragraphs: [style, text] of each paragraph as opened (deleted text shown)
  redlines:   [type, author, date] of each tracked change, in document order
  accepted:   [style, text] of each paragraph once every change is accepted
  rejected:   [style, text] of each paragraph once every change is rejected
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


def main():
    path, profile = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
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

        result = {}
        doc = load()
        result["paragraphs"] = paragraphs(doc)
        redlines = []
        e = doc.Redlines.createEnumeration()
        while e.hasMoreElements():
            r = e.nextElement()
            d = r.RedlineDateTime
            redlines.append([r.RedlineType, r.RedlineAuthor,
                             "%04d-%02d-%02dT%02d:%02d:%02d" % (d.Year, d.Month, d.Day, d.Hours, d.Minutes, d.Seconds)])
        result["redlines"] = redlines
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
