package importer_test

import (
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
	d, _, err := importer.Read("statut.txt", data, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Articles) != 36 || d.Title != "مشروع القانون الأساسي لغرف الصناعة التقليدية" || d.Source != "statut.txt" {
		t.Errorf("read %d articles titled «%s» from %q, want the sample's 36 and its title", len(d.Articles), d.Title, d.Source)
	}
	scanned, err := os.ReadFile("../pdftext/testdata/scanned.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := importer.Read("scan.pdf", scanned, parse.Options{}); !drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), "scan.pdf holds pictures") {
		t.Errorf("a scanned PDF: got %v, want Invalid saying so", err)
	}
}
