// Package pdftext reads the text of a draft out of a PDF file, for
// import: the ministry's texts, and the official bulletin, are published
// as PDF.
//
// A PDF holds glyphs placed on pages, not paragraphs: the text is
// recovered by poppler's pdftotext (run through package external, in
// its -layout mode, which keeps each printed line on a line of its own
// with its indentation, and gives Arabic in logical order for a PDF made
// with a font's character map, as word processors make them). What comes
// out is then repaired (Repair) of what PDF extraction does to Arabic and
// to a statute's layout:
//
//   - presentation forms (the shaped letters U+FB50–U+FEFF that some
//     PDFs map their glyphs to) are folded back to letters;
//   - digits, Latin words and punctuation inside Arabic lines come out as
//     runs in the order they are drawn, wrapped in embedding marks
//     (U+202A…U+202C): each run is put back in reading order, its numbers
//     and Latin words kept whole («رقم 50.17», «(artisans)»), and the marks
//     removed;
//   - a lam-alef ligature comes out as alef then lam with some fonts
//     (DejaVu Sans: «األساسي» for «الأساسي», «وال» for «ولا»): see
//     repairLamAlef for what is repaired and what cannot be told apart;
//   - some fonts kern a letter that does not join to the next (ر, ز, و,
//     د, ذ) so close to a following ي that pdftotext reads a space
//     between them («تعر يفات», Amiri): see joinSplitWords;
//   - a haraka read after a space («تُحد َث») is put back on its letter;
//   - page headers and footers repeated on most pages, their numbers
//     aside («الجريدة الرسمية - الصفحة 3»), and lone page numbers («3»,
//     «- 3 -», «صفحة 3», «٣», «3/12»), are removed;
//   - a page printed on two columns, which -layout writes side by side,
//     is read column by column, the right one first for Arabic;
//   - the lines of a paragraph are joined into one (one paragraph a line,
//     as parse reads text): a line that stops short of the far edge of the
//     text (the left one for Arabic, the right one for French), or ends
//     with a full stop, a semicolon or a question mark, or comes before
//     an item of a list, ends its paragraph; a word broken across two
//     lines without a hyphen is joined only when the document has the
//     whole word elsewhere and not both halves.
//
// What a PDF does not tell is not guessed: an «ال» inside a word may be a
// reversed «لا» or right as it is, and stays; a paragraph whose sentence
// ended at the end of a printed line comes out as two; harakat on several
// letters of one word may stay displaced.
//
// Two kinds of PDF cannot be read so and are refused, with the advice to
// import the Word file instead: a scanned document (pictures of pages,
// with no text or almost none), and a PDF whose Arabic comes out in
// visual order, its letters reversed («ةداملا» for «المادة»), as PDFs
// made by tools that knew nothing of bidirectional text are.
package pdftext

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"statute/drafts"
	"statute/drafts/external"
	"statute/drafts/parse"
)

// Timeout is how long pdftotext may take on one file.
const Timeout = 2 * time.Minute

// The sentences this package says.
var (
	msgNoPDFToText = drafts.NewMessage("pdftext.no-pdftotext",
		"%s is a PDF file, whose text is read by pdftotext (from poppler), which is not installed: install it (on Debian or Ubuntu, the package poppler-utils; on macOS, brew install poppler; on Windows, poppler for Windows, with its bin folder on the PATH) and import again, or import the Word file instead")
	msgScanned = drafts.NewMessage("pdftext.scanned",
		"%s holds pictures of its pages, not their text (a scanned document?): import cannot read it; import the Word file the text was made from instead")
	msgVisualOrder = drafts.NewMessage("pdftext.visual-order",
		"the Arabic of %s comes out of the PDF with its letters in reverse order («%s»), as the program that made it stored them: import the Word file the text was made from instead")
	msgCopy = drafts.NewMessage("pdftext.copy",
		"%s could not be copied to a temporary folder for pdftotext (%v): check that the disk is not full")
	msgTooMuchText = drafts.NewMessage("pdftext.too-much-text",
		"%s holds more text than a draft can (%d MB): is it the right file?")
)

// Read returns the text of the PDF file data (named name, for sentences),
// repaired for import (Repair), and what was repaired, using the
// pdftotext that l finds. Invalid: the PDF is scanned, its Arabic comes
// out reversed, or its text is larger than a draft can be. Unavailable:
// pdftotext is not installed (the sentence says what to install), failed
// on the file (a damaged or password-protected PDF) or ran out of time.
func Read(ctx context.Context, l external.Lookup, name string, data []byte) (string, Report, error) {
	path := l.Find(external.PDFToText)
	if path == "" {
		return "", Report{}, msgNoPDFToText.Err(drafts.Unavailable, name)
	}
	dir, err := external.TempDir()
	if err != nil {
		return "", Report{}, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "import.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return "", Report{}, msgCopy.Wrap(drafts.Unavailable, err, name, err)
	}
	out, err := external.Run(ctx, Timeout, external.PDFToText.Name, path, dir,
		"-enc", "UTF-8", "-layout", "-eol", "unix", "-q", in, "-")
	if err != nil {
		return "", Report{}, err
	}
	if len(out) > parse.MaxDraftBytes*2 {
		return "", Report{}, msgTooMuchText.Err(drafts.Invalid, name, parse.MaxDraftBytes>>20)
	}
	text, rep := Repair(string(out))
	switch {
	case rep.Scanned():
		return "", rep, msgScanned.Err(drafts.Invalid, name)
	case rep.Reversed != "":
		return "", rep, msgVisualOrder.Err(drafts.Invalid, name, rep.Reversed)
	}
	return text, rep, nil
}
