package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"statute/assets"
	"statute/drafts/external"
)

// lookalikeDraft has five articles as its author meant them: «* المادة 3»
// is a list item the parser reads as text (and names), «## Article 2 bis»
// a Markdown heading in the other article word that it takes.
const lookalikeDraft = "# مشروع تجريبي\n\n## المادة 1\n\nنص أول.\n\n## المادة 2\n\nنص ثان.\n\n## Article 2 bis\n\nنص مكرر.\n\n* المادة 3\n\nنص ثالث.\n\n## المادة 4\n\nنص رابع.\n"

// import --dry-run reads the file as import does, prints the outline that
// outline prints once it is imported and the lines read as text, and
// leaves the database byte for byte as it was, with or without
// --version-of.
func TestImportDryRun(t *testing.T) {
	db, id := importSample(t)
	file := writeFile(t, "lookalike.md", []byte(lookalikeDraft))
	before := fileHash(t, db)

	out, errOut, code := ctl(t, db, "", "import", "--dry-run", file)
	if code != exitOK {
		t.Fatalf("import --dry-run: exit %d, stderr %q", code, errOut)
	}
	wantWarning := "statutectl: warning: line 15, in article 2bis: «* المادة 3»: this list item starts like the heading «المادة 3»"
	if !strings.Contains(errOut, wantWarning) || strings.Count(errOut, "warning:") != 1 {
		t.Errorf("stderr %q, want one warning: %s", errOut, wantWarning)
	}
	if !strings.Contains(errOut, "dry run: 4 articles, one warning, as a new draft titled «مشروع تجريبي»; nothing was stored") {
		t.Errorf("stderr %q, want what was read and that nothing was stored", errOut)
	}
	if fileHash(t, db) != before {
		t.Fatal("import --dry-run changed the database")
	}
	if drafts := mustCtl(t, db, "drafts"); strings.Count(drafts, "\n") != 1 {
		t.Errorf("drafts = %q, want the sample alone", drafts)
	}

	// As the next version of a stored draft: the draft is checked, and
	// still nothing is written.
	_, errOut, code = ctl(t, db, "", "import", file, "--version-of", id, "--dry-run", "--title", "عنوان آخر")
	if code != exitOK || !strings.Contains(errOut, "as version 2 of "+id+" titled «عنوان آخر»") {
		t.Errorf("import --dry-run --version-of: exit %d, stderr %q, want version 2 of %s with the title given", code, errOut, id)
	}
	_, errOut, code = ctl(t, db, "", "import", file, "--version-of", "D-ZZZZZZZZ", "--dry-run")
	if code != exitError || !strings.Contains(errOut, "no draft") {
		t.Errorf("import --dry-run --version-of an unknown draft: exit %d, stderr %q, want it refused", code, errOut)
	}
	if fileHash(t, db) != before {
		t.Fatal("import --dry-run --version-of changed the database")
	}

	// The real import stores what the dry run showed, and names the same
	// line, after storing.
	stored, errStored, code := ctl(t, db, "", "import", file)
	if code != exitOK || !strings.Contains(stored, "\t4 articles\tversion 1\tمشروع تجريبي") || !strings.Contains(errStored, wantWarning) {
		t.Fatalf("import: exit %d, stdout %q, stderr %q; want the new draft and the warning", code, stored, errStored)
	}
	if outline := mustCtl(t, db, "outline"); outline != out {
		t.Errorf("the dry run printed\n%s\nand outline prints, once imported,\n%s", out, outline)
	}
	if !strings.Contains(out, "المادة 2 bis\t[2bis]") || strings.Contains(out, "[3]") {
		t.Errorf("outline %q, want article 2bis taken and no article 3", out)
	}
}

// A dry run needs no database: it creates none.
func TestImportDryRunWithoutADatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	file := writeFile(t, "draft.md", []byte("# م\n\n## المادة 1\n\nنص.\n"))
	out, errOut, code := ctl(t, db, "", "import", file, "--dry-run")
	if code != exitOK || out != "المادة 1\t[1]\n" || strings.Contains(errOut, "warning:") || !strings.Contains(errOut, "no warnings") {
		t.Errorf("exit %d, stdout %q, stderr %q; want the one article's outline and no warning", code, out, errOut)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("the dry run made %s (%v)", db, err)
	}
}

// A UTF-16 file without a byte-order mark is named as such by import and
// by its dry run, in either byte order, and nothing is stored.
func TestImportUTF16WithoutByteOrderMark(t *testing.T) {
	db, _ := importSample(t)
	before := fileHash(t, db)
	units := utf16.Encode([]rune("مشروع\nالمادة 1\nنص.\n"))
	for _, order := range []string{"UTF-16LE", "UTF-16BE"} {
		var data []byte
		for _, u := range units {
			if order == "UTF-16LE" {
				data = append(data, byte(u), byte(u>>8))
			} else {
				data = append(data, byte(u>>8), byte(u))
			}
		}
		file := writeFile(t, "draft.txt", data)
		for _, args := range [][]string{{"import", file}, {"import", "--dry-run", file}} {
			out, errOut, code := ctl(t, db, "", args...)
			want := "this file is UTF-16 without a byte-order mark (" + order + "): save it as UTF-8 text"
			if code != exitError || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, want) {
				t.Errorf("%s %v: exit %d, stdout %q, stderr %q; want exit 1 and «%s»", order, args, code, out, errOut, want)
			}
		}
	}
	if fileHash(t, db) != before {
		t.Error("the database changed")
	}
}

// A Word document is imported as a text file is: its dry run prints the
// outline and, on standard error, a note for each kind of content left
// out, and stores nothing; the import stores the same articles. The file
// is one LibreOffice wrote, with article headings numbered by a list
// («المادة %1:»), a table and a footnote.
func TestImportWordDocument(t *testing.T) {
	db, _ := importSample(t)
	before := fileHash(t, db)
	file := filepath.Join("..", "..", "drafts", "word", "testdata", "libreoffice-numbered.docx")

	out, errOut, code := ctl(t, db, "", "import", "--dry-run", file)
	wantOutline := "الباب الأول: أحكام عامة\n  المادة 1: الموضوع\t[1]\n  المادة 2: تعريفات\t[2]\n" +
		"الباب الثاني: الأجهزة\n  المادة 3: الجمعية العامة\t[3]\n  المادة 4: المكتب\t[4]\n"
	if code != exitOK || out != wantOutline {
		t.Fatalf("import --dry-run: exit %d, stdout %q, stderr %q; want the outline\n%s", code, out, errOut, wantOutline)
	}
	for _, want := range []string{
		"statutectl: note: the file holds tables (1), which were left out",
		"statutectl: note: the file holds footnotes (1), which were left out",
		"dry run: 4 articles, no warnings, 2 notes, as a new draft titled «نظام داخلي تجريبي لغرفة الصناعة التقليدية»; nothing was stored",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q, want %q", errOut, want)
		}
	}
	if fileHash(t, db) != before {
		t.Fatal("import --dry-run changed the database")
	}

	stored, errStored, code := ctl(t, db, "", "import", file)
	if code != exitOK || !strings.Contains(stored, "\t4 articles\tversion 1\t") || strings.Count(errStored, "statutectl: note:") != 2 {
		t.Fatalf("import: exit %d, stdout %q, stderr %q; want the new draft and the two notes", code, stored, errStored)
	}
	id := strings.Split(stored, "\t")[0]
	if text := mustCtl(t, db, "show", "3", "--draft", id, "--text"); text != "تتألف الجمعية العامة من جميع أعضاء الغرفة، وتجتمع مرتين في السنة.\n" {
		t.Errorf("article 3 reads %q, without its footnote", text)
	}
}

// import reads a PDF as it reads text: the sample printed to PDF by
// LibreOffice stores as 36 articles, and its dry run prints the outline
// the text file gives.
func TestImportPDF(t *testing.T) {
	if external.System().Find(external.PDFToText) == "" {
		if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
			t.Fatal("pdftotext is not installed (Debian: poppler-utils), and CI must run this test")
		}
		t.Skip("pdftotext is not installed (Debian: poppler-utils)")
	}
	db := filepath.Join(t.TempDir(), "pdf.db")
	file := "../../drafts/pdftext/testdata/sample-amiri.pdf"
	out, errOut, code := ctl(t, db, "", "import", "--dry-run", file)
	if code != exitOK || !strings.Contains(errOut, "dry run: 36 articles") {
		t.Fatalf("import --dry-run of the PDF: exit %d, stderr %q", code, errOut)
	}
	sample := writeFile(t, "sample-draft.md", assets.SampleDraft)
	if want, _, _ := ctl(t, db, "", "import", "--dry-run", sample); out != want {
		t.Errorf("the PDF's outline\n%s\nis not the text's\n%s", out, want)
	}
	if stored := mustCtl(t, db, "import", file); !strings.Contains(stored, "\t36 articles\tversion 1\tمشروع القانون الأساسي لغرف الصناعة التقليدية") {
		t.Errorf("import of the PDF printed %q, want the sample's 36 articles and title", stored)
	}
}

// compare names, as import does, the lines of either file that look like
// headings but were read as text: such a line changes what is compared.
func TestCompareNamesWarnings(t *testing.T) {
	file := writeFile(t, "lookalike.md", []byte(lookalikeDraft))
	sample := writeFile(t, "sample-draft.md", assets.SampleDraft)
	db := filepath.Join(t.TempDir(), "unused.db")
	_, errOut, code := ctl(t, db, "", "compare", sample, file)
	want := "statutectl: " + file + ": warning: line 15, in article 2bis: «* المادة 3»"
	if code != exitOK || !strings.Contains(errOut, want) || strings.Count(errOut, "warning:") != 1 {
		t.Errorf("compare: exit %d, stderr %q; want the one warning, naming its file: %s", code, errOut, want)
	}
}
