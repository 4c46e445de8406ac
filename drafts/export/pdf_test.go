package export_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/arabic"
	"statute/drafts/export"
	"statute/drafts/external"
)

// inCI reports whether the tests run in CI, where a program a test needs
// must be installed: missing, it is a failure there, not a skip.
func inCI() bool {
	ci, _ := strconv.ParseBool(os.Getenv("CI"))
	return ci
}

// need returns the path of p, or skips the test when p is not installed
// (failing it in CI).
func need(t *testing.T, l external.Lookup, p external.Program) string {
	t.Helper()
	path := l.Find(p)
	if path == "" {
		if inCI() {
			t.Fatalf("%s is not installed, and CI must run this test", p.Name)
		}
		t.Skipf("%s is not installed", p.Name)
	}
	return path
}

// only is the system's Lookup with every program but p hidden.
func only(p external.Program) external.Lookup {
	l := external.System()
	find := l.LookPath
	l.LookPath = func(name string) (string, error) {
		if !slices.Contains(p.Commands, name) {
			return "", exec.ErrNotFound
		}
		return find(name)
	}
	isFile := l.IsFile
	l.IsFile = func(path string) bool { return slices.Contains(p.MacOS, path) && isFile(path) }
	return l
}

// nothing is a machine with no program installed.
func nothing() external.Lookup {
	return external.Lookup{
		OS:       "linux",
		LookPath: func(string) (string, error) { return "", exec.ErrNotFound },
		Getenv:   func(string) string { return "" },
		IsFile:   func(string) bool { return false },
	}
}

// pdfText is the text pdftotext reads from a PDF, without the embedding
// marks it wraps runs in, its words separated by single spaces.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := need(t, external.System(), external.PDFToText)
	in := filepath.Join(t.TempDir(), "export.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(path, "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// Lines are joined: each converter wraps the paragraphs its own way.
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r >= '\u202a' && r <= '\u202e' {
			return -1
		}
		return r
	}, string(out))), " ")
}

// arabicWords are the first words of s, up to n, that are written in
// Arabic letters only: those a PDF gives back as they are typed, whatever
// it does to digits and punctuation.
func arabicWords(s string, n int) []string {
	var words []string
	for _, w := range strings.Fields(s) {
		if len(words) == n || strings.IndexFunc(w, func(r rune) bool { return !arabic.IsArabicLetter(r) }) >= 0 {
			break
		}
		words = append(words, w)
	}
	return words
}

// The sample draft printed to PDF by each converter installed: a PDF
// file whose text, read back by pdftotext, holds every article's heading
// word and the first Arabic words of its first paragraph, in the order
// they are read (not reversed).
func TestPDFOfTheSample(t *testing.T) {
	d := mustParse(t, assets.SampleDraft)
	for _, c := range []struct {
		p        external.Program
		required bool // in CI
	}{
		{external.LibreOffice, true},
		// CI installs LibreOffice only; Chromium is tried where it is.
		{external.Chromium, false},
	} {
		t.Run(c.p.Name, func(t *testing.T) {
			l := only(c.p)
			if l.Find(c.p) == "" {
				if c.required && inCI() {
					t.Fatalf("%s is not installed, and CI must run this test", c.p.Name)
				}
				t.Skipf("%s is not installed", c.p.Name)
			}
			// The run's page, PDF and profile are made in the temporary
			// folder, and removed.
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			var out bytes.Buffer
			err := export.PDFOf(context.Background(), &out, l, func(w io.Writer) error { return export.WriteHTML(w, d, nil) })
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(out.Bytes(), []byte("%PDF-")) {
				t.Fatalf("the export starts with %q, not %%PDF-", out.Bytes()[:min(8, out.Len())])
			}
			text := pdfText(t, out.Bytes())
			if got := strings.Count(text, d.Word()); got < len(d.Articles) {
				t.Errorf("«%s» comes %d times in the PDF's text, fewer than the %d articles", d.Word(), got, len(d.Articles))
			}
			// pdftotext may read a space inside a word where the font
			// kerns two letters apart («لعضو ية» with Amiri): words are
			// compared without their spaces, in the order they read.
			squeezed := strings.ReplaceAll(text, " ", "")
			for _, a := range d.Articles {
				words := strings.Join(arabicWords(a.Paragraphs[0], 4), " ")
				if !strings.Contains(squeezed, strings.ReplaceAll(words, " ", "")) {
					t.Errorf("article %s: «%s» is not in the PDF's text", a.Key, words)
				}
			}
			if !strings.Contains(text, d.Title) {
				t.Errorf("the title «%s» is not in the PDF's text", d.Title)
			}
			if left, err := os.ReadDir(tmp); err != nil || len(left) != 0 {
				t.Errorf("the export left %v in the temporary folder (%v)", left, err)
			}
		})
	}
}

// With no converter installed the export says what to install, on each
// system, and writes nothing.
func TestPDFWithoutAConverterSaysWhatToInstall(t *testing.T) {
	var out bytes.Buffer
	wrote := false
	err := export.PDFOf(context.Background(), &out, nothing(), func(w io.Writer) error {
		wrote = true
		return nil
	})
	if !drafts.IsKind(err, drafts.Unavailable) {
		t.Fatalf("got %v, want Unavailable", err)
	}
	for _, says := range []string{"install LibreOffice", "libreoffice-writer", "Chromium", "export as html"} {
		if !strings.Contains(err.Error(), says) {
			t.Errorf("the sentence %q does not say %q", err, says)
		}
	}
	if out.Len() != 0 || wrote {
		t.Errorf("%d bytes written, page made: %v", out.Len(), wrote)
	}
}

// A version's tracked changes print to PDF as they show in HTML: the
// words a chamber's amendment added are in the PDF's text, next to those
// around them.
func TestPDFTracked(t *testing.T) {
	need(t, external.System(), external.LibreOffice)
	r := storeWith(t, mustParse(t, assets.SampleDraft))
	v1, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	proposeAndAccept(t, r, v1, "FM", "3", "والاستقلال المالي", "والاستقلال المالي والإداري")
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.StoreConsolidation(c); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	res, err := export.Write(r, &out, export.Request{Format: export.PDF, Tracked: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Draft.Version != 2 || !bytes.HasPrefix(out.Bytes(), []byte("%PDF-")) {
		t.Fatalf("exported version %d, starting %q; want version 2 as a PDF", res.Draft.Version, out.Bytes()[:min(8, out.Len())])
	}
	text := strings.ReplaceAll(pdfText(t, out.Bytes()), " ", "")
	for _, want := range []string{"والاستقلالالماليوالإداري", "FM"} {
		if !strings.Contains(text, want) {
			t.Errorf("«%s» is not in the tracked PDF's text", want)
		}
	}
}

// BenchmarkPDFOfTheSample prints the sample draft (36 articles, about 8
// pages) to PDF with each converter installed: a run starts the program
// with a fresh profile, which is most of its time.
func BenchmarkPDFOfTheSample(b *testing.B) {
	d := mustParse(b, assets.SampleDraft)
	for _, p := range []external.Program{external.LibreOffice, external.Chromium} {
		b.Run(p.Name, func(b *testing.B) {
			l := only(p)
			if l.Find(p) == "" {
				b.Skipf("%s is not installed", p.Name)
			}
			var out bytes.Buffer
			for b.Loop() {
				out.Reset()
				if err := export.PDFOf(context.Background(), &out, l, func(w io.Writer) error { return export.WriteHTML(w, d, nil) }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(out.Len()), "bytes/pdf")
		})
	}
}

// When Chromium fails (Ubuntu's, a snap, cannot read the system's
// temporary folder), LibreOffice prints the page.
func TestPDFFallsBackOnLibreOffice(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the failing Chromium is a shell script")
	}
	office := need(t, external.System(), external.LibreOffice)
	broken := filepath.Join(t.TempDir(), "chromium")
	if err := os.WriteFile(broken, []byte("#!/bin/sh\necho 'cannot read the page' >&2\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	l := nothing()
	l.LookPath = func(name string) (string, error) {
		switch name {
		case "chromium":
			return broken, nil
		case "soffice":
			return office, nil
		}
		return "", exec.ErrNotFound
	}
	var out bytes.Buffer
	d := mustParse(t, assets.SampleDraft)
	if err := export.PDFOf(context.Background(), &out, l, func(w io.Writer) error { return export.WriteHTML(w, d, nil) }); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("%PDF-")) {
		t.Fatalf("wrote %q, not a PDF", out.Bytes()[:min(8, out.Len())])
	}
	// With LibreOffice gone too, the sentence is Chromium's.
	l.LookPath = func(name string) (string, error) {
		if name == "chromium" {
			return broken, nil
		}
		return "", exec.ErrNotFound
	}
	out.Reset()
	err := export.PDFOf(context.Background(), &out, l, func(w io.Writer) error { return export.WriteHTML(w, d, nil) })
	if !drafts.IsKind(err, drafts.Unavailable) || !strings.Contains(err.Error(), "Chromium stopped with an error (cannot read the page)") || out.Len() != 0 {
		t.Errorf("got %v and %d bytes, want Chromium's error and nothing written", err, out.Len())
	}
}

// The comparative table prints on A4 pages in landscape by either
// converter: Chromium from its page, LibreOffice from its Word file (it
// would print the page in portrait, ignoring @page); both hold the row
// that groups FM's and CS's proposal.
func TestTablePDFIsLandscape(t *testing.T) {
	r, _ := tableRound(t)
	c := comparison(t, r, export.Request{})
	for _, p := range []external.Program{external.LibreOffice, external.Chromium} {
		t.Run(p.Name, func(t *testing.T) {
			l := only(p)
			if p.Name == external.Chromium.Name && l.Find(p) == "" {
				t.Skip("Chromium is not installed (CI has LibreOffice only)")
			}
			need(t, l, p)
			var out bytes.Buffer
			page := func(w io.Writer) error { return export.WriteComparisonHTML(w, c) }
			doc := func(w io.Writer) error { return export.WriteComparisonDOCX(w, c) }
			if err := export.PDFOfDocument(context.Background(), &out, l, page, doc); err != nil {
				t.Fatal(err)
			}
			f := filepath.Join(t.TempDir(), "table.pdf")
			if err := os.WriteFile(f, out.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			info, err := exec.Command("pdfinfo", f).CombinedOutput()
			if err != nil {
				t.Fatalf("pdfinfo: %v\n%s", err, info)
			}
			if !regexp.MustCompile(`Page size:\s+84[12]\.\d+ x 59[45]\.\d+ pts`).Match(info) {
				t.Errorf("the table's PDF is not A4 landscape:\n%s", info)
			}
			text := pdfText(t, out.Bytes())
			for _, want := range []string{"FM", "CS", "الجدول المقارن"} {
				if !strings.Contains(text, want) {
					t.Errorf("«%s» is not in the table's PDF", want)
				}
			}
		})
	}
}
