package pdftext_test

import (
	"cmp"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/external"
	"statute/drafts/parse"
	"statute/drafts/pdftext"
)

// needPDFToText skips the test where pdftotext is not installed, and
// fails it in CI, which installs poppler-utils.
func needPDFToText(t *testing.T) {
	t.Helper()
	if external.System().Find(external.PDFToText) != "" {
		return
	}
	if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
		t.Fatal("pdftotext is not installed (Debian: poppler-utils), and CI must run this test")
	}
	t.Skip("pdftotext is not installed (Debian: poppler-utils)")
}

func readFixture(t *testing.T, name string) (string, pdftext.Report, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return pdftext.Read(context.Background(), external.System(), name, data)
}

// The sample draft printed to PDF by LibreOffice, with a running header
// and page numbers, on one column or two, reads back as the sample: the same title, the same
// articles (keys, numbers as written, headings) in the same divisions,
// and the same words in each article. An article's paragraph may come
// out as two where one of its sentences ended at the end of a printed
// line: nothing on the page tells that line from a paragraph's last.
// With DejaVu Sans, whose lam-alef ligatures come out reversed, an «ال»
// inside a word cannot be told from a reversed «لا» (see repairLamAlef):
// those words are compared with both read as «ال».
func TestReadTheSamplePrinted(t *testing.T) {
	needPDFToText(t)
	want, err := parse.Parse(assets.SampleDraft, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file     string
		lamAlef  bool // inner lam-alefs come out reversed
		articles int  // the sample's first articles it holds, 0 for all
	}{
		{"sample-amiri.pdf", false, 0},
		{"sample-dejavu.pdf", true, 0},
		// On two columns, as the official bulletin is printed.
		{"bulletin-columns.pdf", false, 12},
	} {
		t.Run(c.file, func(t *testing.T) {
			text, rep, err := readFixture(t, c.file)
			if err != nil {
				t.Fatal(err)
			}
			got, err := parse.ParseString(text, parse.Options{})
			if err != nil {
				t.Fatalf("%v\n%s", err, text)
			}
			want := *want
			if c.articles > 0 {
				want.Articles = want.Articles[:c.articles]
				want.Divisions = want.Divisions[:want.Articles[c.articles-1].Division+1]
			}
			fold := func(s string) string {
				if c.lamAlef {
					return alefsFirst(s)
				}
				return s
			}
			if got.Title != want.Title || len(got.Articles) != len(want.Articles) || len(got.Divisions) != len(want.Divisions) {
				t.Fatalf("read «%s» with %d articles and %d divisions, want «%s», %d and %d:\n%s",
					got.Title, len(got.Articles), len(got.Divisions), want.Title, len(want.Articles), len(want.Divisions), text)
			}
			for i := range want.Divisions {
				if g, w := got.Divisions[i], want.Divisions[i]; g.Level != w.Level || g.Number != w.Number || fold(g.Title) != fold(w.Title) {
					t.Errorf("division %d: %+v, want %+v", i, g, w)
				}
			}
			for i := range want.Articles {
				g, w := &got.Articles[i], &want.Articles[i]
				if g.Key != w.Key || g.Number != w.Number || fold(g.Heading) != fold(w.Heading) || g.Division != w.Division {
					t.Errorf("article %d: %s «%s» «%s» in division %d, want %s «%s» «%s» in %d", i, g.Key, g.Number, g.Heading, g.Division, w.Key, w.Number, w.Heading, w.Division)
					continue
				}
				if gt, wt := fold(strings.Join(g.Paragraphs, " ")), fold(strings.Join(w.Paragraphs, " ")); gt != wt {
					t.Errorf("article %s reads\n%s\nwant\n%s", w.Key, gt, wt)
					continue
				}
				ends := paragraphEnds(w.Paragraphs)
				for at, p := range paragraphEnds(g.Paragraphs) {
					if _, ok := ends[at]; !ok && !strings.HasSuffix(p, ".") {
						t.Errorf("article %s: a paragraph ends after «%s», which is no paragraph's end in the sample", w.Key, p)
					}
				}
			}
			if len(rep.Removed) == 0 || rep.Pages < 3 {
				t.Errorf("report %+v: want the running header and page numbers removed from several pages", rep)
			}
		})
	}
}

// paragraphEnds maps where each paragraph but the last ends, in runes
// into the paragraphs joined by spaces, to the paragraph.
func paragraphEnds(ps []string) map[int]string {
	ends := map[int]string{}
	at := 0
	for _, p := range ps[:max(0, len(ps)-1)] {
		at += utf8.RuneCountInString(p)
		ends[at] = p
		at++
	}
	return ends
}

// alefsFirst writes each run of alefs and lams with its alefs first, so
// that «لا» and «ال», which a reversed ligature makes one of the other,
// compare equal.
func alefsFirst(s string) string {
	rs := []rune(s)
	isAL := func(r rune) bool { return strings.ContainsRune("اأإآل", r) }
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && isAL(rs[j]) {
			j++
		}
		slices.SortStableFunc(rs[i:j], func(a, b rune) int { return cmp.Compare(b2i(a == 'ل'), b2i(b == 'ل')) })
		i = max(j, i+1)
	}
	return string(rs)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A scanned PDF and one whose Arabic comes out reversed are refused as
// Invalid, naming the file and pointing to the Word file.
func TestReadRefusesWhatItCannotRead(t *testing.T) {
	needPDFToText(t)
	for _, c := range []struct{ file, says string }{
		{"scanned.pdf", "holds pictures of its pages, not their text"},
		{"visual-order.pdf", "with its letters in reverse order"},
	} {
		_, _, err := readFixture(t, c.file)
		if !drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), c.file) ||
			!strings.Contains(err.Error(), c.says) || !strings.Contains(err.Error(), "import the Word file") {
			t.Errorf("%s: got %v, want Invalid naming it, saying %q and to import the Word file", c.file, err, c.says)
		}
	}
	_, _, err := pdftext.Read(context.Background(), external.System(), "broken.pdf", []byte("%PDF-1.7\nnot a PDF"))
	if !drafts.IsKind(err, drafts.Unavailable) && !drafts.IsKind(err, drafts.Invalid) {
		t.Errorf("a damaged PDF: got %v, want a sentence", err)
	}
}

// Without pdftotext the sentence names the package to install on each
// system, and the Word file as the other way.
func TestReadWithoutPDFToTextSaysWhatToInstall(t *testing.T) {
	none := external.Lookup{
		OS:       "windows",
		LookPath: func(string) (string, error) { return "", exec.ErrNotFound },
		Getenv:   func(string) string { return "" },
		IsFile:   func(string) bool { return false },
	}
	_, _, err := pdftext.Read(context.Background(), none, "statut.pdf", []byte("%PDF-1.7"))
	if !drafts.IsKind(err, drafts.Unavailable) {
		t.Fatalf("got %v, want Unavailable", err)
	}
	for _, says := range []string{"statut.pdf", "poppler-utils", "brew install poppler", "poppler for Windows", "Word file"} {
		if !strings.Contains(err.Error(), says) {
			t.Errorf("%q does not say %q", err, says)
		}
	}
}
