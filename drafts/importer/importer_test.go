package importer_test

import (
	"archive/zip"
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/external"
	"statute/drafts/importer"
	"statute/drafts/parse"
)

func TestReadText(t *testing.T) {
	d, warnings, err := importer.Read("draft.md", []byte("نظام\n\nالمادة 1\nنص أول.\n\nالمادة 2\nنص ثان.\n"), parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Articles) != 2 || d.Title != "نظام" || d.Source != "draft.md" || len(warnings) != 0 {
		t.Fatalf("read %d articles titled %q from %q, warnings %v", len(d.Articles), d.Title, d.Source, warnings)
	}
}

// A file is read for what its bytes say it is, whatever its name: each
// kind import does not read is refused as Invalid, naming the file and
// saying what to do.
func TestReadRefusesWhatItDoesNotRead(t *testing.T) {
	for _, c := range []struct {
		name, data, want string
	}{
		{"statute.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "save it as a Word document (.docx)"},
		{"statute.txt", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "Word 97–2003"},
		{"protected.docx", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1..E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00..", "remove the password"},
		{"notes.zip", zipOf(map[string]string{"notes.txt": "المادة 1"}), "is a zip archive, not a Word document"},
	} {
		_, _, err := importer.Read(c.name, []byte(c.data), parse.Options{})
		if !drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), c.name) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want Invalid naming it and saying %q", c.name, err, c.want)
		}
	}
}

func TestReadRefusesTooLarge(t *testing.T) {
	_, _, err := importer.Read("big.txt", make([]byte, importer.MaxFileBytes+1), parse.Options{})
	if !drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), "64 MB") {
		t.Fatalf("got %v, want Invalid naming the limit", err)
	}
}

func TestSniff(t *testing.T) {
	for data, want := range map[string]importer.Kind{
		"PK\x03\x04...":                    importer.Word,
		"%PDF-1.7\n":                       importer.PDF,
		"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1": importer.OldWord,
		"المادة 1":                         importer.Text,
		"":                                 importer.Text,
	} {
		if got := importer.Sniff([]byte(data)); got != want {
			t.Errorf("Sniff(%q) = %s, want %s", data, got, want)
		}
	}
}

// A Word document is read whatever its name says, with the notes on what
// it holds besides its text.
func TestReadWord(t *testing.T) {
	doc := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>نظام</w:t></w:r></w:p><w:p><w:r><w:t>المادة 1</w:t></w:r></w:p><w:p><w:r><w:t>نص.</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>`
	d, warnings, err := importer.Read("draft.txt", []byte(zipOf(map[string]string{"word/document.xml": doc})), parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Articles) != 1 || d.Articles[0].Text() != "نص." || d.Source != "draft.txt" {
		t.Errorf("read %+v", d.Articles)
	}
	if len(warnings) != 1 || warnings[0].ID != "word.note.tables" || warnings[0].Line != 0 {
		t.Errorf("warnings %+v, want the note on the table", warnings)
	}
}

func zipOf(parts map[string]string) string {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range parts {
		w, err := zw.Create(name)
		if err != nil {
			panic(err)
		}
		if _, err := w.Write([]byte(data)); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.String()
}

// A PDF is read through pdftotext and repaired: the sample draft printed
// by LibreOffice imports with its 36 articles and title, whatever the
// file is named; a scanned one is refused saying so.
func TestReadPDF(t *testing.T) {
	if external.System().Find(external.PDFToText) == "" {
		if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
			t.Fatal("pdftotext is not installed (Debian: poppler-utils), and CI must run this test")
		}
		t.Skip("pdftotext is not installed (Debian: poppler-utils)")
	}
	data, err := os.ReadFile("../pdftext/testdata/sample-amiri.pdf")
	if err != nil {
		t.Fatal(err)
	}
	d, warnings, err := importer.Read("statut.txt", data, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Articles) != 36 || d.Title != "مشروع القانون الأساسي لغرف الصناعة التقليدية" || d.Source != "statut.txt" {
		t.Errorf("read %d articles titled «%s» from %q, want the sample's 36 and its title", len(d.Articles), d.Title, d.Source)
	}
	// The fixture has a running header and page numbers: the import says
	// it left them out, in a note on the whole file.
	var removed bool
	for _, w := range warnings {
		removed = removed || w.Line == 0 && w.ID == "pdftext.note.removed"
	}
	if !removed {
		t.Errorf("warnings %+v, want a note on the page headers and numbers left out", warnings)
	}
	scanned, err := os.ReadFile("../pdftext/testdata/scanned.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := importer.Read("scan.pdf", scanned, parse.Options{}); !drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), "scan.pdf holds pictures") {
		t.Errorf("a scanned PDF: got %v, want Invalid saying so", err)
	}
}
