// Package importer reads a draft statute from a file of any kind import
// takes, for both front-ends: the app's Import screen and statutectl
// import call Read, and nothing else decides what a file is.
//
// A file's kind is told from its first bytes, not from its name, so that a
// file renamed by mistake is read for what it is or refused for what it
// is: a Word 97–2003 document (.doc) is refused with the way to save it as
// .docx, and a password-protected one with the way to remove the password.
// Text and Markdown are read by package parse, Word documents (.docx) by
// package word, which turns their paragraphs into the text parse reads (in
// a Word file, a line is a paragraph, or the part of one after a manual
// line break). The text of a PDF is read by poppler's pdftotext and
// repaired by package pdftext (which says what it repairs, and which PDFs
// it refuses), then read by parse as a text file is.
//
// Whatever the kind, Read returns the draft as parse gives it with the
// lines that looked like headings but were read as text (parse.Warning),
// and notes on the whole file (Warnings with no line): for a Word file
// what it holds that was left out (tables, footnotes…), for a PDF what
// its repair left out and changed (pdftext.Report.Notes). It stores
// nothing: the front-ends show them before they store.
package importer

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"statute/drafts"
	"statute/drafts/external"
	"statute/drafts/parse"
	"statute/drafts/pdftext"
	"statute/drafts/word"
)

// Kind is what a file holds, told from its first bytes.
type Kind string

// The kinds of file import knows.
const (
	Text    Kind = "text" // UTF-8 or UTF-16 text, Markdown included
	Word    Kind = "docx" // a zip: Office Open XML, or another zip, which package word names
	PDF     Kind = "pdf"
	OldWord Kind = "doc" // an OLE2 compound file: Word 97–2003
)

// MaxFileBytes is the largest file Read accepts: a Word or PDF file holds
// more than its text (styles, fonts, pictures), so it is larger than
// parse.MaxDraftBytes, the limit on the text itself.
const MaxFileBytes = 64 << 20

// The sentences this package says.
var (
	msgOldWord = drafts.NewMessage("import.old-word",
		"%s is a Word 97–2003 document (.doc), which import does not read: open it in Word or LibreOffice, save it as a Word document (.docx), and import that")
	msgEncrypted = drafts.NewMessage("import.encrypted",
		"%s is protected by a password, which import cannot open: open it in Word, remove the password (File, Info, Protect Document, Encrypt with Password), save it, and import that")
	msgTooLarge = drafts.NewMessage("import.too-large",
		"%s is %s, more than a draft's file can be (%s): is it the right file?")
)

// encryptedPackage is the name, in UTF-16LE, of the stream that holds a
// password-protected Office document: Word saves such a .docx inside an
// OLE2 file, which would otherwise read as a .doc.
var encryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")

// Sniff tells what data holds from its first bytes.
func Sniff(data []byte) Kind {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return Word
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return PDF
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return OldWord
	}
	return Text
}

// Read reads a draft from data, the bytes of the file named name (its
// base name, for Draft.Source and for the sentences of errors). It stores
// nothing. The errors are Invalid: a file of a kind import does not read,
// one too large, a Word file package word refuses, a PDF pdftext refuses
// (scanned, or its Arabic reversed), or text parse refuses (its error,
// prefixed with name); Unavailable: a PDF while pdftotext is not
// installed, or fails on it.
func Read(name string, data []byte, opt parse.Options) (*drafts.Draft, []parse.Warning, error) {
	if len(data) > MaxFileBytes {
		return nil, nil, msgTooLarge.Err(drafts.Invalid, name, Size(int64(len(data))), Size(MaxFileBytes))
	}
	if opt.Source == "" {
		opt.Source = name
	}
	var notes []parse.Warning // on the whole file: what a PDF's repair changed
	switch Sniff(data) {
	case OldWord:
		if bytes.Contains(data, encryptedPackage) {
			return nil, nil, msgEncrypted.Err(drafts.Invalid, name)
		}
		return nil, nil, msgOldWord.Err(drafts.Invalid, name)
	case Word:
		return word.Read(name, data, opt)
	case PDF:
		text, report, err := pdftext.Read(context.Background(), external.System(), name, data)
		if err != nil {
			return nil, nil, err
		}
		data = []byte(text)
		notes = report.Notes()
	}
	d, warnings, err := parse.ParseWithWarnings(data, opt)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return d, append(warnings, notes...), nil
}

// Size says a number of bytes for a person: «3.2 MB», «12 KB», «300 bytes».
func Size(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0") + " MB"
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
