package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"statute/assets"
	"statute/drafts/external"
)

// unchanged fails the test unless compare's JSON report says the two
// drafts it compared hold the same articles, preamble and divisions.
func unchanged(t *testing.T, report string, articles int) {
	t.Helper()
	var r struct {
		Articles                                       []json.RawMessage
		Added, Removed, Renumbered, Changed, Unchanged int
		Preamble, Divisions, Moved                     []json.RawMessage
	}
	if err := json.Unmarshal([]byte(report), &r); err != nil {
		t.Fatalf("%v: %s", err, report)
	}
	if len(r.Articles)+r.Added+r.Removed+r.Renumbered+r.Changed+len(r.Preamble)+len(r.Divisions)+len(r.Moved) != 0 || r.Unchanged != articles {
		t.Errorf("compare found changes, or %d unchanged articles of %d: %s", r.Unchanged, articles, report)
	}
}

// An export imported back is the draft exported: compare finds nothing
// changed, in either format, from the sample draft and from a
// consolidated version holding a new «مكررة» article.
func TestExportImportsBack(t *testing.T) {
	db, id := importSample(t)
	dir := t.TempDir()
	sample := writeFile(t, "sample-draft.md", assets.SampleDraft)
	version := 1
	for _, f := range []string{"md", "txt"} {
		out := filepath.Join(dir, "v1."+f)
		if got := mustCtl(t, db, "export", "--what", "consolidated", "--format", f, "--out", out); got != out+"\n" {
			t.Errorf("export --format %s printed %q, want the file's path", f, got)
		}
		unchanged(t, mustCtl(t, db, "compare", sample, out, "--format", "json"), 36)
		mustCtl(t, db, "import", out, "--version-of", id)
		version++
		unchanged(t, mustCtl(t, db, "compare-versions", "1", strconv.Itoa(version), "--format", "json"), 36)
	}

	// A consolidated version: article 3 reworded, an article inserted
	// after article 2.
	text3 := articleText(t, db, "3")
	fm := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "3", "--text", text3+"\nفقرة مضافة.", "--why", "توضيح", "--submit"))
	sm := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "SM", "--article", "2", "--insert-after", "--number", "2 مكررة", "--text", "تحدث لدى كل غرفة لجنة للتكوين.", "--why", "التكوين", "--submit"))
	for _, am := range []string{fm, sm} {
		mustCtl(t, db, "decide", am, "accept")
	}
	mustCtl(t, db, "consolidate")
	consolidated := version + 1 // 4
	for _, f := range []string{"md", "txt"} {
		out := filepath.Join(dir, "consolidated."+f)
		mustCtl(t, db, "export", "--what", "consolidated", "--format", f, "--out", out)
		text, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(text), "المادة 2 مكررة") || !strings.Contains(string(text), "فقرة مضافة.") {
			t.Errorf("the %s export of the consolidated version lacks the new article or the new paragraph", f)
		}
		mustCtl(t, db, "import", out, "--version-of", id)
		unchanged(t, mustCtl(t, db, "compare-versions", strconv.Itoa(consolidated), strconv.Itoa(consolidated+1), "--format", "json"), 37)
		// Exported again, the version imported back is the same text.
		again := filepath.Join(dir, "again."+f)
		mustCtl(t, db, "export", "--format", f, "--out", again)
		if string(text) != readString(t, again) {
			t.Errorf("%s: the version imported back exports another text", f)
		}
		mustCtl(t, db, "export", "--format", f, "--out", again, "--version", strconv.Itoa(consolidated))
		if string(text) != readString(t, again) {
			t.Errorf("%s: --version %d exports another text than the version's own export", f, consolidated)
		}
	}
	if got := mustCtl(t, db, "export", "--format", "md", "--out", "-", "--version", "1"); got != readString(t, filepath.Join(dir, "v1.md")) {
		t.Errorf("export --out - of version 1 differs from its export to a file:\n%s", got)
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A failed export leaves an existing FILE as it was, and no file of its
// own behind: refused at the command line, refused by the store, or
// refused because the text would not import back.
func TestFailedExportLeavesFileUntouched(t *testing.T) {
	db, _ := importSample(t)
	text6 := articleText(t, db, "6")
	fm := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "6",
		"--text", "المادة 6: مهام الغرفة\n"+text6, "--why", "نسخ مع العنوان", "--submit"))
	mustCtl(t, db, "decide", fm, "accept")
	mustCtl(t, db, "consolidate")

	dir := t.TempDir()
	out := filepath.Join(dir, "export.md")
	const before = "an earlier export\n"
	if err := os.WriteFile(out, []byte(before), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--format", "docx"}, exitUsage, "the docx format is not available yet: use md, txt, html or pdf"},
		{[]string{"--format", "xlsx", "--what", "table"}, exitUsage, "the table of amendments is not available yet"},
		{[]string{"--format", "md", "--tracked"}, exitUsage, "tracked changes is written in html or pdf only"},
		{[]string{"--format", "md", "--chamber", "FM"}, exitUsage, "by chamber or status"},
		{[]string{"--format", "txt", "--status", "submitted"}, exitUsage, "by chamber or status"},
		{[]string{"--format", "rtf"}, exitUsage, `there is no export format "rtf"`},
		{[]string{"--format", "md", "--version", "7"}, exitError, "has no version 7: its versions run from 1 to 2"},
		{[]string{"--format", "md"}, exitError, "article 6 of draft"},
	} {
		args := append([]string{"export", "--out", out}, c.args...)
		stdout, stderr, code := ctl(t, db, "", args...)
		if code != c.code || !strings.Contains(stderr, c.says) || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d saying %q", strings.Join(args, " "), code, stdout, stderr, c.code, c.says)
		}
		if got := readString(t, out); got != before {
			t.Errorf("%s: the file now holds %q", strings.Join(args, " "), got)
		}
		if entries, err := os.ReadDir(dir); err != nil || len(entries) != 1 {
			t.Errorf("%s: the folder holds %d files, want the one file: %v", strings.Join(args, " "), len(entries), err)
		}
	}
	// The version before the consolidation exports, and replaces FILE.
	mustCtl(t, db, "export", "--out", out, "--format", "md", "--version", "1")
	unchanged(t, mustCtl(t, db, "compare", writeFile(t, "sample-draft.md", assets.SampleDraft), out, "--format", "json"), 36)
}

func TestExportNeedsOut(t *testing.T) {
	db, _ := importSample(t)
	if _, stderr, code := ctl(t, db, "", "export", "--format", "md"); code != exitUsage || !strings.Contains(stderr, "--out FILE") {
		t.Errorf("export without --out: exit %d, %q; want a usage error naming --out", code, stderr)
	}
}

// export --format html writes the version as one HTML page; --tracked
// marks its changes against the version before, naming the amendment,
// and is refused on version 1 with a sentence, leaving no file.
func TestExportHTML(t *testing.T) {
	db, id := importSample(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "v1.html")
	stdout, stderr, code := ctl(t, db, "", "export", "--what", "consolidated", "--format", "html", "--tracked", "--out", out)
	want := "draft " + id + " version 1 has no version before it to track changes against"
	if code != exitError || !strings.Contains(stderr, want) || stdout != "" {
		t.Errorf("--tracked on version 1: exit %d, stdout %q, stderr %q; want exit %d saying %q", code, stdout, stderr, exitError, want)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the refused export left %s: %v", out, err)
	}
	if got := mustCtl(t, db, "export", "--format", "html", "--out", out); got != out+"\n" {
		t.Errorf("export --format html printed %q, want the file's path", got)
	}
	page := readString(t, out)
	if !strings.Contains(page, `<html lang="ar" dir="rtl">`) || strings.Count(page, `<section class="article"`) != 36 || strings.Contains(page, "<ins") {
		t.Errorf("version 1 as HTML is not an Arabic right-to-left page of 36 articles without marks:\n%s", page)
	}

	text3 := articleText(t, db, "3")
	fm := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "3", "--text", text3+"\nفقرة مضافة.", "--why", "توضيح", "--submit"))
	mustCtl(t, db, "decide", fm, "accept")
	mustCtl(t, db, "consolidate")
	tracked := filepath.Join(dir, "v2.html")
	mustCtl(t, db, "export", "--what", "consolidated", "--format", "html", "--tracked", "--out", tracked)
	page = readString(t, tracked)
	if !strings.Contains(page, "فقرة مضافة.</ins>") || !strings.Contains(page, fm) || strings.Contains(page, "<del") {
		t.Errorf("version 2 tracked does not mark FM's added paragraph as inserted, naming %s, and nothing deleted:\n%s", fm, page)
	}
	if again := mustCtl(t, db, "export", "--format", "html", "--out", "-", "--version", "1"); again != readString(t, out) {
		t.Error("export --version 1 --out - writes another page than the first export of version 1")
	}
}

// export --format pdf prints the version's page to a PDF file, with a
// converter installed (LibreOffice in CI).
func TestExportPDF(t *testing.T) {
	l := external.System()
	if l.Find(external.LibreOffice) == "" && l.Find(external.Chromium) == "" {
		if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
			t.Fatal("neither LibreOffice nor Chromium is installed, and CI must run this test")
		}
		t.Skip("neither LibreOffice nor Chromium is installed")
	}
	db, _ := importSample(t)
	out := filepath.Join(t.TempDir(), "v1.pdf")
	if got := mustCtl(t, db, "export", "--format", "pdf", "--out", out); got != out+"\n" {
		t.Errorf("export --format pdf printed %q, want the file's path", got)
	}
	if pdf := readString(t, out); !strings.HasPrefix(pdf, "%PDF-") || len(pdf) < 10<<10 {
		t.Errorf("%s is %d bytes starting %q, not a PDF of the draft", out, len(pdf), pdf[:min(8, len(pdf))])
	}
}
