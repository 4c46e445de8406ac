package export

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"statute/drafts"
	"statute/drafts/external"
)

// The PDF export (Format PDF) is the HTML export printed to PDF by a
// program installed beside the app: a Chromium-based browser (Chromium,
// Google Chrome or Microsoft Edge) or LibreOffice, found by package
// external. No PDF library written in Go joins Arabic letters and lays
// them out right to left; both programs do, and embed the fonts they use.
//
// Chromium is preferred when both are installed: it prints the page as
// the HTML export's stylesheet lays it out (A4, 2 cm margins, headings
// kept with their text, tracked changes underlined and struck through),
// as a browser shows it. LibreOffice reads HTML as a Writer document and
// ignores part of that stylesheet (sizes in em, the headings' font), so
// it is given a few rules of its own (libreOfficeStyles) that it does
// read; its PDF is then close to Chromium's, with a little more space
// between lines. LibreOffice is also tried when Chromium fails (Ubuntu's
// Chromium, a snap, cannot read the system's temporary folder). Either
// PDF holds the text, in logical order, which pdftotext and screen
// readers get back, and can be searched.
//
// Any HTML export can be printed so (PDFOf): the consolidated text, with
// or without its tracked changes, and whatever other page the package
// writes as HTML. Each run works in a private temporary folder, holding
// the page, the PDF and the program's own profile (so that it never
// shares the profile of a LibreOffice or browser window the user has
// open), removed afterwards; a run is stopped after PDFTimeout.

// PDFTimeout is how long a converter may take to print one export: a
// first run of LibreOffice with a fresh profile takes several seconds,
// and a draft of a few hundred articles a few more.
const PDFTimeout = 3 * time.Minute

// The sentences of the PDF export.
var (
	msgNoPDFConverter = drafts.NewMessage("export.pdf-no-converter",
		"a PDF is printed by LibreOffice or by a Chromium-based browser (Chromium, Google Chrome, Microsoft Edge), and none is installed: install LibreOffice (libreoffice.org; on Debian or Ubuntu, the package libreoffice-writer) or Chromium (the package chromium on Debian, chromium-browser on Ubuntu), then export again; meanwhile, export as html and print the page to PDF from a browser")
	msgNoPDFWritten = drafts.NewMessage("export.pdf-not-written",
		"%s ran but wrote no PDF: export as html and print the page to PDF from a browser, or reinstall %s")
)

// libreOfficeStyles are rules LibreOffice's HTML import reads, added for
// it alone: it takes sizes in points, not em, and gives headings a sans
// font of its own unless they name one, and it does not read «header
// .title».
const libreOfficeStyles = `<style>
h1, h2, h3, h4, h5, h6 { font-family: "Amiri", "Traditional Arabic", "Times New Roman", serif; }
h1 { font-size: 18pt; } h2 { font-size: 16pt; } h3 { font-size: 15pt; } h4 { font-size: 14pt; } h5 { font-size: 13pt; }
h6 { font-size: 12pt; font-weight: bold; }
p { font-size: 12pt; line-height: 130%; margin-top: 0pt; margin-bottom: 4pt; }
p.title { font-size: 20pt; font-weight: bold; text-align: center; }
</style>
`

// PDFOf writes to w the PDF of the HTML page that write writes, printed by
// the converter l finds (Chromium first, else LibreOffice, which is also
// tried when Chromium fails). Nothing is written when it fails.
// Unavailable: neither is installed (the sentence says what to install),
// the converters failed, ran out of time or wrote no PDF (the first one's
// error), a temporary file could not be written, or w failed; write's own
// errors as they are.
func PDFOf(ctx context.Context, w io.Writer, l external.Lookup, write func(io.Writer) error) error {
	return PDFOfDocument(ctx, w, l, write, nil)
}

// PDFOfDocument is PDFOf for a document the package writes both as an
// HTML page (html) and as a Word file (word): Chromium prints the page,
// LibreOffice the Word file, which it lays out as Word would (LibreOffice
// reads an HTML page's print rules only in part: it ignores @page, so a
// landscape table comes out portrait). A nil word is PDFOf.
func PDFOfDocument(ctx context.Context, w io.Writer, l external.Lookup, html, word func(io.Writer) error) error {
	type converter struct {
		name, path string
		print      func(ctx context.Context, path, dir string, page []byte) (string, error)
		word       bool // prints the Word file rather than the page
	}
	var found []converter
	if path := l.Find(external.Chromium); path != "" {
		found = append(found, converter{external.Chromium.Name, path, printChromium, false})
	}
	if path := l.Find(external.LibreOffice); path != "" {
		if word != nil {
			found = append(found, converter{external.LibreOffice.Name, path, printWordWithLibreOffice, true})
		} else {
			found = append(found, converter{external.LibreOffice.Name, path, printLibreOffice, false})
		}
	}
	if len(found) == 0 {
		return msgNoPDFConverter.Err(drafts.Unavailable)
	}
	var page, doc []byte
	source := func(c converter) ([]byte, error) {
		write, b := html, &page
		if c.word {
			write, b = word, &doc
		}
		if *b == nil {
			var buf bytes.Buffer
			if err := write(&buf); err != nil {
				return nil, err
			}
			*b = buf.Bytes()
		}
		return *b, nil
	}
	var first error
	for _, c := range found {
		in, err := source(c)
		if err != nil {
			return err
		}
		pdf, err := printIn(ctx, c.name, c.path, in, c.print)
		if err == nil {
			if _, err := w.Write(pdf); err != nil {
				return drafts.Wrap(drafts.Unavailable, err, "the export could not be written: %v", err)
			}
			return nil
		}
		if ctx.Err() != nil {
			return err
		}
		// The next converter may succeed where this one failed (Ubuntu's
		// Chromium, a snap, reads no file in the system's temporary
		// folder): the first one's error is the one said.
		if first == nil {
			first = err
		}
	}
	return first
}

// printIn prints page to PDF with the converter at path, named name, in a
// private temporary folder removed afterwards, and returns the PDF.
func printIn(ctx context.Context, name, path string, page []byte,
	print func(ctx context.Context, path, dir string, page []byte) (string, error)) ([]byte, error) {
	dir, err := external.TempDir()
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	out, err := print(ctx, path, dir, page)
	if err != nil {
		return nil, err
	}
	pdf, err := os.ReadFile(out)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && !bytes.HasPrefix(pdf, []byte("%PDF-"))) {
		return nil, msgNoPDFWritten.Err(drafts.Unavailable, name, name)
	}
	if err != nil {
		return nil, msgNoPDFWritten.Wrap(drafts.Unavailable, err, name, name)
	}
	return pdf, nil
}

// printChromium prints page with Chromium (or Chrome, or Edge) at path,
// working in dir, and returns where the PDF is to be.
func printChromium(ctx context.Context, path, dir string, page []byte) (string, error) {
	in, out := filepath.Join(dir, "export.html"), filepath.Join(dir, "export.pdf")
	if err := os.WriteFile(in, page, 0o600); err != nil {
		return "", msgNoPDFWritten.Wrap(drafts.Unavailable, err, external.Chromium.Name, external.Chromium.Name)
	}
	args := []string{
		"--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
		"--disable-extensions", "--disable-background-networking", "--disable-component-update",
		"--disable-sync", "--user-data-dir=" + filepath.Join(dir, "profile"),
		// Without the page's date, title and address printed around it:
		// the flag's name before and since Chrome 110.
		"--print-to-pdf-no-header", "--no-pdf-header-footer",
		"--print-to-pdf=" + out, fileURL(in),
	}
	if asRoot() {
		// Chromium refuses to start its sandbox as root (in a container,
		// or a CI runner); the page is ours, with no script, and nothing
		// is fetched from elsewhere.
		args = append([]string{"--no-sandbox"}, args...)
	}
	_, err := external.Run(ctx, PDFTimeout, external.Chromium.Name, path, dir, args...)
	return out, err
}

// printLibreOffice prints page with LibreOffice at path, working in dir,
// and returns where the PDF is to be.
func printLibreOffice(ctx context.Context, path, dir string, page []byte) (string, error) {
	in, outDir := filepath.Join(dir, "export.html"), filepath.Join(dir, "out")
	if err := os.WriteFile(in, withStyles(page, libreOfficeStyles), 0o600); err != nil {
		return "", msgNoPDFWritten.Wrap(drafts.Unavailable, err, external.LibreOffice.Name, external.LibreOffice.Name)
	}
	_, err := external.Run(ctx, PDFTimeout, external.LibreOffice.Name, path, dir,
		"-env:UserInstallation="+fileURL(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--nologo", "--nodefault",
		// Read as a Writer document, not a web page, so that the PDF has
		// A4 pages and Writer's PDF export.
		"--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
		"--outdir", outDir, in)
	return filepath.Join(outDir, "export.pdf"), err
}

// printWordWithLibreOffice prints the Word file doc with LibreOffice at
// path, working in dir, and returns where the PDF is to be.
func printWordWithLibreOffice(ctx context.Context, path, dir string, doc []byte) (string, error) {
	in, outDir := filepath.Join(dir, "export.docx"), filepath.Join(dir, "out")
	if err := os.WriteFile(in, doc, 0o600); err != nil {
		return "", msgNoPDFWritten.Wrap(drafts.Unavailable, err, external.LibreOffice.Name, external.LibreOffice.Name)
	}
	_, err := external.Run(ctx, PDFTimeout, external.LibreOffice.Name, path, dir,
		"-env:UserInstallation="+fileURL(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--nologo", "--nodefault",
		"--convert-to", "pdf:writer_pdf_Export", "--outdir", outDir, in)
	return filepath.Join(outDir, "export.pdf"), err
}

// withStyles adds styles to an HTML page at the end of its head, where
// they come after the page's own rules and win over them.
func withStyles(page []byte, styles string) []byte {
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		return page
	}
	return slices.Concat(page[:i], []byte(styles), page[i:])
}

// fileURL is the file: URL of an absolute path, as both programs take
// it: file:///tmp/x on Unix, file:///C:/Users/x on Windows.
func fileURL(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// asRoot reports whether the program runs as the superuser (never on
// Windows, where Getuid is -1).
func asRoot() bool { return runtime.GOOS != "windows" && os.Geteuid() == 0 }
