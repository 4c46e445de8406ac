package main

import (
	"archive/zip"
	"encoding/json"
	"io"
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
		{[]string{"--format", "csv", "--what", "table", "--status", "approved"}, exitUsage, `there is no status "approved" for the table`},
		{[]string{"--format", "csv", "--what", "table", "--articles", "7-3"}, exitError, "the range of articles 7-3 runs backwards"},
		{[]string{"--format", "xlsx", "--what", "table", "--articles", "99"}, exitError, "the draft has no article 99"},
		{[]string{"--format", "md", "--tracked"}, exitUsage, "tracked changes is written in html, docx or pdf only"},
		{[]string{"--format", "md", "--chamber", "FM"}, exitUsage, "by chamber, status or article is for the table"},
		{[]string{"--format", "txt", "--status", "submitted"}, exitUsage, "by chamber, status or article"},
		{[]string{"--format", "html", "--articles", "3-7"}, exitUsage, "by chamber, status or article"},
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

// export --format docx writes the version as a Word document, an
// article's heading in Heading6; --tracked writes its changes against the
// version before as Word's tracked changes, by the chamber that made them.
func TestExportWord(t *testing.T) {
	db, _ := importSample(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "v1.docx")
	if got := mustCtl(t, db, "export", "--format", "docx", "--out", out); got != out+"\n" {
		t.Errorf("export --format docx printed %q, want the file's path", got)
	}
	doc := wordPart(t, out)
	if n := strings.Count(doc, `<w:pStyle w:val="Heading6"/>`); n != 36 || strings.Contains(doc, "<w:ins ") {
		t.Errorf("version 1 as Word has %d article headings, want 36 and no tracked change", n)
	}

	text3 := articleText(t, db, "3")
	fm := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "3", "--text", text3+"\nفقرة مضافة.", "--why", "توضيح", "--submit"))
	mustCtl(t, db, "decide", fm, "accept")
	mustCtl(t, db, "consolidate")
	tracked := filepath.Join(dir, "v2.docx")
	mustCtl(t, db, "export", "--what", "consolidated", "--format", "docx", "--tracked", "--out", tracked)
	doc = wordPart(t, tracked)
	if !strings.Contains(doc, `w:author="FM — فاس مكناس"`) || !strings.Contains(doc, "فقرة مضافة.</w:t></w:r></w:ins>") || strings.Contains(doc, "<w:del ") {
		t.Errorf("version 2 tracked does not hold FM's added paragraph as an insertion by FM, and nothing deleted:\n%s", doc)
	}
}

// wordPart is the word/document.xml of the Word file at path.
func wordPart(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a Word file: %v", path, err)
	}
	defer z.Close()
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// export --format akn writes the version and the amendments the
// federation sees as one Akoma Ntoso file: the act's 36 articles, and a
// submitted amendment as an amendment document whose change is marked,
// while a chamber's unsubmitted draft stays out of it.
func TestExportAkomaNtoso(t *testing.T) {
	db, _ := importSample(t)
	text3 := articleText(t, db, "3")
	fm := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "3", "--text", text3+"\nفقرة مضافة.", "--why", "توضيح", "--submit"))
	cs := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "CS", "--article", "3", "--text", text3+"\nمسودة.", "--why", "لم تقدم"))
	mustCtl(t, db, "decide", fm, "reject", "--note", "لا حاجة إليها")
	out := filepath.Join(t.TempDir(), "round.akn")
	if got := mustCtl(t, db, "export", "--format", "akn", "--out", out); got != out+"\n" {
		t.Errorf("export --format akn printed %q, want the file's path", got)
	}
	doc := readString(t, out)
	for _, want := range []string{
		`<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">`,
		`<FRBRcountry value="ma"/>`, `<FRBRlanguage language="ara"/>`,
		`<FRBRnumber value="` + fm + `"/>`, "<ins>فقرة مضافة.</ins>", `outcome="#rejected"`, "لا حاجة إليها",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the Akoma Ntoso file does not hold %s", want)
		}
	}
	if n := strings.Count(doc, "<article "); n != 36 || strings.Count(doc, "<amendment ") != 1 || strings.Contains(doc, cs) {
		t.Errorf("%d articles and %d amendments, CS's draft %s in it: %v; want 36, FM's amendment only", n, strings.Count(doc, "<amendment "), cs, strings.Contains(doc, cs))
	}
	if _, stderr, code := ctl(t, db, "", "export", "--format", "akn", "--tracked", "--out", out); code != exitUsage || !strings.Contains(stderr, "html, docx or pdf only") {
		t.Errorf("akn --tracked: exit %d, %q; want a usage error saying tracked changes are html, docx or pdf only", code, stderr)
	}
}

// export --what table writes the comparative table of the version's
// amendments: each format with its own mark of a change, the filters
// narrowing it, a chamber's unsubmitted draft never in it.
func TestExportTable(t *testing.T) {
	db, _ := importSample(t)
	text3 := articleText(t, db, "3")
	wording := strings.Replace(text3, "في هذا القانون", "في القانون رقم 50.17", 1)
	fm := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "3", "--text", wording, "--why", "الإحالة", "--submit"))
	cs := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "CS", "--article", "3", "--text", wording, "--why", "التوضيح", "--submit"))
	sm := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "SM", "--article", "5", "--repeal", "--why", "بنص تنظيمي", "--submit"))
	ori := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "ORI", "--article", "4", "--text", "نص لم يقدم بعد."))
	mustCtl(t, db, "decide", sm, "reject", "--note", "المقر يحدده القانون")
	dir := t.TempDir()

	out := filepath.Join(dir, "table.csv")
	if got := mustCtl(t, db, "export", "--what", "table", "--format", "csv", "--out", out); got != out+"\n" {
		t.Errorf("export --what table printed %q, want the file's path", got)
	}
	table := readString(t, out)
	if !strings.HasPrefix(table, "\uFEFF") || strings.Count(table, "\r\n") < 3 || strings.Contains(table, ori) {
		t.Errorf("the CSV lacks its BOM or CRLF, or shows ORI's draft:\n%s", table)
	}
	if !strings.Contains(table, fm) || !strings.Contains(table, cs) || !strings.Contains(table, "[- هذا]\n[+ رقم 50.17]") ||
		!strings.Contains(table, "مرفوض — الجامعة — ") || !strings.Contains(table, "ملاحظة: المقر يحدده القانون") {
		t.Errorf("the CSV does not show FM's and CS's proposal in one row with its changes, and SM's rejection with its note:\n%s", table)
	}

	page := mustCtl(t, db, "export", "--what", "table", "--format", "html", "--out", "-", "--status", "undecided", "--articles", "3-5")
	if !strings.Contains(page, `<html lang="ar" dir="rtl">`) || strings.Count(page, "<tr id=") != 1 || !strings.Contains(page, "<del>هذا </del>") ||
		!strings.Contains(page, "الوضعية: لم يُبتّ فيه بعد؛ المواد: 3 – 5") {
		t.Errorf("the undecided amendments to articles 3 to 5 are not one row with its marks and filters stated:\n%s", page)
	}

	xlsx := filepath.Join(dir, "table.xlsx")
	mustCtl(t, db, "export", "--what", "table", "--format", "xlsx", "--out", xlsx, "--chamber", "SM")
	if b, err := os.ReadFile(xlsx); err != nil || !strings.HasPrefix(string(b), "PK") {
		t.Errorf("the XLSX is not a zip file: %v", err)
	}

	docx := filepath.Join(dir, "table.docx")
	mustCtl(t, db, "export", "--what", "table", "--format", "docx", "--out", docx, "--articles", "3")
	doc := wordPart(t, docx)
	if !strings.Contains(doc, `w:orient="landscape"`) || !strings.Contains(doc, "<w:bidiVisual/>") || !strings.Contains(doc, fm) || !strings.Contains(doc, cs) ||
		strings.Contains(doc, sm) || !strings.Contains(doc, "المواد: 3") || strings.Contains(doc, "<w:ins ") || strings.Contains(doc, "<w:del ") {
		t.Errorf("the Word table of article 3 is not a landscape right-to-left table of FM's and CS's proposal, its filter stated, without tracked changes:\n%s", doc)
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
