package word

import (
	"encoding/xml"
	"strings"

	"statute/drafts"
	"statute/drafts/parse"
)

// A Paragraph is one paragraph of a Word document's body, as the reader
// sees it.
type Paragraph struct {
	// Text is the paragraph's text with the number Word generates for it
	// in front («المادة 3: مهام الغرفة»); a line break inside the paragraph
	// is "\n", a tab "\t".
	Text string
	// Heading is the paragraph's heading level, 1 to 9, from its style or
	// outline level; 0 for text.
	Heading int
	// Title: the paragraph has the Title style.
	Title bool
	// Style is the name of the paragraph's style as the file gives it
	// ("heading 2", "Normal"), or "".
	Style string
}

// LeftOut counts what a document holds besides its body's paragraphs,
// which the reader leaves out.
type LeftOut struct {
	Tables    int // tables of the body, a table inside a table not counted apart
	Footnotes int // references to footnotes in the text
	Endnotes  int
	Comments  int
	// HeadersFooters counts the headers and footers that hold text.
	HeadersFooters int
	TextBoxes      int
	// Contents counts the paragraphs of a table of contents.
	Contents int
	// Revisions counts the tracked changes met (insertions kept,
	// deletions dropped, moves).
	Revisions int
}

// A Document is what ReadDocument finds in a .docx.
type Document struct {
	Paragraphs []Paragraph
	LeftOut    LeftOut
}

var msgTextTooLarge = drafts.NewMessage("word.text-too-large",
	"the text of %s is over the limit of %d MB for a draft: is it the right file?")

// ReadDocument reads the paragraphs of the body of the .docx whose bytes
// are data, in order; name is the file's name, for the sentences of
// errors. The errors are Invalid (see the package's documentation).
func ReadDocument(name string, data []byte) (*Document, error) {
	a, err := openArchive(name, data)
	if err != nil {
		return nil, err
	}
	main, err := a.mainPart()
	if err != nil {
		return nil, err
	}
	rels, err := a.rels(main)
	if err != nil {
		return nil, err
	}
	var stylesPart, numberingPart string
	var headers []string
	for _, r := range rels {
		switch r.kind {
		case relStyles:
			stylesPart = r.target
		case relNumbering:
			numberingPart = r.target
		case relHeader, relFooter:
			headers = append(headers, r.target)
		}
	}
	if rels == nil { // a file with no relationships: the usual places
		stylesPart, numberingPart = "word/styles.xml", "word/numbering.xml"
	}
	st, err := a.readStyles(stylesPart)
	if err != nil {
		return nil, err
	}
	nb, err := a.readNumbering(numberingPart, st)
	if err != nil {
		return nil, err
	}
	doc := &Document{}
	b := &body{a: a, styles: st, numbering: nb, doc: doc}
	if err := b.read(main); err != nil {
		return nil, err
	}
	for _, h := range headers {
		text, err := a.holdsText(h)
		if err != nil {
			return nil, err
		}
		if text {
			doc.LeftOut.HeadersFooters++
		}
	}
	return doc, nil
}

// mainPart finds the package's main part through its relationships, or a
// Word document's at its usual place; a zip with none is not a Word
// document, and the refusal says what it is when it can (as it does when
// the main part turns out to be another program's).
func (a *archive) mainPart() (string, error) {
	rels, err := a.rels("")
	if err != nil {
		return "", err
	}
	for _, r := range rels {
		if r.kind == relDocument && a.has(r.target) {
			return r.target, nil
		}
	}
	if a.has("word/document.xml") {
		return "word/document.xml", nil
	}
	return "", a.notWord()
}

// holdsText reports whether a part (a header or footer) has any text.
func (a *archive) holdsText(part string) (bool, error) {
	w, ok, err := a.walk(part)
	if !ok || err != nil {
		return false, err
	}
	defer w.close()
	found := false
	var b strings.Builder
	err = w.document(func(xml.StartElement) error {
		var look func(xml.StartElement) error
		look = func(se xml.StartElement) error {
			if isW(se.Name, "t") {
				b.Reset()
				if err := w.text(&b, false); err != nil {
					return err
				}
				found = found || strings.TrimSpace(b.String()) != ""
				return nil
			}
			if isW(se.Name, "del") || isW(se.Name, "instrText") {
				return w.skip()
			}
			return w.within(look)
		}
		return w.within(look)
	})
	return found, err
}

// body reads the main part.
type body struct {
	a         *archive
	styles    *styles
	numbering *numbering
	doc       *Document
	size      int // bytes of text so far
	// carried is the text of paragraphs whose mark was deleted, which
	// joins the next paragraph.
	carried strings.Builder
}

func (b *body) read(part string) error {
	w, ok, err := b.a.walk(part)
	if err != nil {
		return err
	}
	if !ok {
		return b.a.notWord()
	}
	defer w.close()
	err = w.document(func(root xml.StartElement) error {
		if !isW(root.Name, "document") {
			// The package's main part is a workbook's, a presentation's…
			return b.a.notWord()
		}
		return w.within(func(se xml.StartElement) error {
			if isW(se.Name, "body") {
				return w.within(func(se xml.StartElement) error { return b.block(w, se) })
			}
			return w.skip()
		})
	})
	if err == nil && b.carried.Len() > 0 {
		// The last paragraph's mark was deleted: its text stays, as the
		// document's last paragraph.
		b.doc.Paragraphs = append(b.doc.Paragraphs, Paragraph{Text: b.carried.String()})
	}
	return err
}

// block reads an element of the body, or of a container of paragraphs.
func (b *body) block(w *walker, se xml.StartElement) error {
	if se.Name.Space != nsW && se.Name.Space != nsWStrict {
		return w.skip()
	}
	switch se.Name.Local {
	case "p":
		return b.paragraph(w)
	case "tbl":
		b.doc.LeftOut.Tables++
		return w.skip()
	case "sdt":
		contents := false
		return w.within(func(se xml.StartElement) error {
			switch {
			case isW(se.Name, "sdtPr"):
				var err error
				contents, err = w.galleryIsContents()
				return err
			case isW(se.Name, "sdtContent") && contents:
				n, err := w.countParagraphs()
				b.doc.LeftOut.Contents += n
				return err
			case isW(se.Name, "sdtContent"):
				return w.within(func(se xml.StartElement) error { return b.block(w, se) })
			}
			return w.skip()
		})
	case "customXml", "ins", "moveTo":
		if se.Name.Local != "customXml" {
			b.doc.LeftOut.Revisions++
		}
		return w.within(func(se xml.StartElement) error { return b.block(w, se) })
	case "del", "moveFrom":
		b.doc.LeftOut.Revisions++
	}
	return w.skip()
}

// galleryIsContents reads a content control's properties, and reports
// whether it is a table of contents (the gallery Word's "Table of
// Contents" command fills).
func (w *walker) galleryIsContents() (bool, error) {
	found := false
	var look func(xml.StartElement) error
	look = func(se xml.StartElement) error {
		if isW(se.Name, "docPartGallery") && strings.EqualFold(val(se), "Table of Contents") {
			found = true
		}
		return w.within(look)
	}
	return found, w.within(look)
}

// countParagraphs skips an element, counting the paragraphs inside it.
func (w *walker) countParagraphs() (int, error) {
	n := 0
	var look func(xml.StartElement) error
	look = func(se xml.StartElement) error {
		if isW(se.Name, "p") {
			n++
		}
		return w.within(look)
	}
	return n, w.within(look)
}

// A para is a paragraph being read.
type para struct {
	style       string
	outline     int
	num         numRef
	markDeleted bool
	text        strings.Builder
}

func (b *body) paragraph(w *walker) error {
	if len(b.doc.Paragraphs) >= MaxParagraphs {
		return msgTooMany.Err(drafts.Invalid, b.a.name, w.part, MaxParagraphs)
	}
	p := &para{outline: -1}
	p.text.WriteString(b.carried.String())
	b.carried.Reset()
	err := w.within(func(se xml.StartElement) error {
		if isW(se.Name, "pPr") {
			return b.properties(w, p)
		}
		return b.inline(w, se, p)
	})
	if err != nil {
		return err
	}
	if p.markDeleted {
		b.doc.LeftOut.Revisions++
		b.carried.WriteString(p.text.String())
		return nil
	}
	l := b.styles.look(p.style, p.outline, p.num)
	if l.contents {
		b.doc.LeftOut.Contents++
		return nil
	}
	text := p.text.String()
	if l.num.set {
		text = b.numbering.label(l.num, text)
	}
	b.size += len(text) + 1
	if b.size > parse.MaxDraftBytes {
		return msgTextTooLarge.Err(drafts.Invalid, b.a.name, parse.MaxDraftBytes>>20)
	}
	b.doc.Paragraphs = append(b.doc.Paragraphs, Paragraph{Text: text, Heading: l.heading, Title: l.title, Style: l.name})
	return nil
}

// properties reads a paragraph's w:pPr: its style, outline level,
// numbering, and whether its mark is a tracked deletion. A w:pPrChange
// (the properties before a tracked change) is skipped.
func (b *body) properties(w *walker, p *para) error {
	return w.within(func(se xml.StartElement) error {
		switch {
		case isW(se.Name, "pStyle"):
			p.style = val(se)
		case isW(se.Name, "outlineLvl"):
			p.outline = outlineLevel(val(se))
		case isW(se.Name, "numPr"):
			return w.numPr(se, &p.num)
		case isW(se.Name, "rPr"):
			return w.within(func(se xml.StartElement) error {
				if isW(se.Name, "del") || isW(se.Name, "moveFrom") {
					p.markDeleted = true
				}
				return w.skip()
			})
		}
		return w.skip()
	})
}

// inline reads an element of a paragraph's content.
func (b *body) inline(w *walker, se xml.StartElement, p *para) error {
	if se.Name.Space != nsW && se.Name.Space != nsWStrict {
		// Math, and the markup-compatibility wrappers around drawings.
		found, err := w.skipFinding("txbxContent")
		if found {
			b.doc.LeftOut.TextBoxes++
		}
		return err
	}
	switch se.Name.Local {
	case "r":
		return b.run(w, p)
	case "ins", "moveTo":
		b.doc.LeftOut.Revisions++
		fallthrough
	case "hyperlink", "smartTag", "customXml", "fldSimple", "bdo", "dir", "sdtContent":
		return w.within(func(se xml.StartElement) error { return b.inline(w, se, p) })
	case "sdt":
		return w.within(func(se xml.StartElement) error {
			if isW(se.Name, "sdtContent") {
				return b.inline(w, se, p)
			}
			return w.skip()
		})
	case "del", "moveFrom":
		b.doc.LeftOut.Revisions++
	}
	return w.skip()
}

// run reads a w:r: its text, tabs and breaks, unless it is hidden (its
// properties, which say so, come first).
func (b *body) run(w *walker, p *para) error {
	hidden := false
	out := &p.text
	return w.within(func(se xml.StartElement) error {
		if se.Name.Space != nsW && se.Name.Space != nsWStrict {
			found, err := w.skipFinding("txbxContent")
			if found {
				b.doc.LeftOut.TextBoxes++
			}
			return err
		}
		if hidden && se.Name.Local != "rPr" {
			return w.skip()
		}
		switch se.Name.Local {
		case "t":
			// A line break or tab typed inside w:t shows as a space.
			return w.text(out, true)
		case "tab", "ptab":
			out.WriteByte('\t')
		case "br", "cr":
			out.WriteByte('\n')
		case "noBreakHyphen":
			out.WriteByte('-')
		case "sym":
			out.WriteString(symbol(attr(se, "char")))
		case "rPr":
			return w.within(func(se xml.StartElement) error {
				if isW(se.Name, "vanish") && on(se) {
					hidden = true
				}
				return w.skip()
			})
		case "footnoteReference":
			b.doc.LeftOut.Footnotes++
		case "endnoteReference":
			b.doc.LeftOut.Endnotes++
		case "commentReference":
			b.doc.LeftOut.Comments++
		case "drawing", "pict", "object":
			found, err := w.skipFinding("txbxContent")
			if found {
				b.doc.LeftOut.TextBoxes++
			}
			return err
		}
		return w.skip()
	})
}

// symbol is the character a w:sym shows. Word gives symbols of the Symbol
// and Wingdings fonts in the private use area (U+F000 + the font's code):
// the common bullets and dashes among them are written as the Unicode
// characters they look like; any other symbol of those fonts, which has no
// meaning as text, is left out.
func symbol(code string) string {
	var r rune
	for _, c := range code {
		var d rune
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return ""
		}
		r = r<<4 | d
		if r > 0x10FFFF {
			return ""
		}
	}
	if r >= 0xF000 && r <= 0xF0FF {
		switch r - 0xF000 {
		case 0xB7, 0xA7, 0x6C, 0x6E, 0xA8, 0x9F:
			return "•"
		case 0x2D:
			return "-"
		case 0xBE:
			return "—"
		}
		return ""
	}
	if r < 0x20 || r >= 0xD800 && r < 0xE000 || r >= 0xE000 && r < 0xF900 || r == 0xFFFE || r == 0xFFFF {
		return ""
	}
	return string(r)
}
