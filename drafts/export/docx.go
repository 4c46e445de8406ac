package export

import (
	"bufio"
	"io"
	"strings"
	"time"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/export/internal/docx"
)

// The Word export (Format Word) is one .docx file that Word and
// LibreOffice open as a document of their own: an Arabic draft right to
// left (paragraphs w:bidi, runs w:rtl, Arabic sizes and weights given
// for complex script), a French one left to right. Its layout is what the
// Word import reads back, so it keeps to one shape: the draft's title in
// the Title style; each paragraph of the preamble in Normal; each
// division's heading line (as the text export writes it, «الباب الأول:
// أحكام عامة») in the heading style of its level, Heading1 (book) to
// Heading5 (section); each article's heading line exactly as the text
// export writes it («المادة 3: مهام الغرفة») in Heading6, whatever the
// levels of division the draft uses, so that one style always means an
// article; then each of the article's paragraphs as one Word paragraph in
// Normal, justified. Every heading style carries its outline level, so
// that Word's navigation pane and LibreOffice's navigator show the draft's
// tree, articles under their divisions. Nothing else is written: no
// header, footer, numbering or field, whose text an import would have to
// tell apart from the draft's.
//
// With Request.Tracked the file holds the version's changes against the
// version before it as Word's own tracked changes (w:ins, w:del), so that
// the staff accept or reject them in Word or LibreOffice: accepting them
// all gives exactly the version's text, rejecting them all exactly the
// previous version's. Articles are matched as diff.Compare matches them,
// and in a changed article the words are marked as diff.Words finds them,
// its heading line and its paragraphs alike; a paragraph the version added
// or removed is inserted or deleted whole, its paragraph mark too. A new
// article is inserted whole, a removed one deleted whole in its old place
// (after the article that preceded it); the title, the preamble and the
// divisions are marked the same way when they changed, divisions matched
// by their place in the tree as diff.Compare matches them. These are the
// changes the HTML page marks too: tracked.go finds them for both.
//
// Each change names its author and date, as a reviewer's would. A change
// an amendment made is the chamber's: the amendment among the article's
// sources (Article.Sources) whose own change (its wording against the
// previous version's article) holds that change, a chamber's before the
// federation's synthesis; its date is that of the decision that accepted
// the amendment. A new article is its amendment's, a removed one its
// accepted repeal's. A change no single amendment made (the staff's own
// wording in an acceptance with changes, where several amendments merged,
// a renumbering, a heading, a text imported as a new version) is the
// federation's, dated by the version. Authors are named by the chamber's
// code and region, in the draft's language: «FM — فاس مكناس». Dates are
// written as the exporting machine's local time, which is how Word reads
// them.

// wordOptions are the Word document's options for d.
func wordOptions(d *drafts.Draft, zone *time.Location) docx.Options {
	o := docx.Options{RTL: true, Lang: "ar-MA", Title: d.Title, Creator: drafts.Federation.Name(), Created: d.Imported, Zone: zone}
	if d.Language == "fr" {
		o.RTL, o.Lang, o.Creator = false, "fr-FR", drafts.Federation.FrenchName()
	}
	return o
}

// writeWord writes d to w as a Word document: with prev, the version
// before d, its changes against it, by who made them (who); with nil,
// d's text alone. Revision dates are wall times in zone. Unavailable: w
// failed.
func writeWord(w io.Writer, d, prev *drafts.Draft, who *authorship, zone *time.Location) error {
	doc := docx.New(wordOptions(d, zone))
	ww := &wordWriter{doc: doc}
	bs := blocks(d, prev, who)
	for i := range bs {
		ww.block(&bs[i])
	}
	return writeDocument(w, doc)
}

type wordWriter struct {
	doc *docx.Document
}

// para adds a paragraph of style st holding s.
func (w *wordWriter) para(st docx.Style, s string) {
	w.doc.Add(docx.Paragraph{Style: st, Align: align(st), Runs: []docx.Run{{Text: s}}})
}

// align is how paragraphs of style st are aligned: the body justified,
// the rest as their style says.
func align(st docx.Style) docx.Align {
	if st == docx.Normal {
		return docx.Justify
	}
	return docx.StyleAlign
}

// articleStyle is the style of every article's heading line.
const articleStyle = docx.Style("Heading6")

// wordStyle is the style of b's paragraphs.
func wordStyle(b *block) docx.Style {
	switch b.part {
	case titlePart:
		return docx.Title
	case divisionPart:
		return docx.Heading(int(b.level))
	case headingPart:
		return articleStyle
	}
	return docx.Normal
}

// block writes b's paragraphs: wholly inserted or deleted, their marks
// too, when the other side has none; else with its word changes, a line
// feed inserted or deleted marking a paragraph's mark so.
func (w *wordWriter) block(b *block) {
	st := wordStyle(b)
	switch {
	case b.inserted(), b.deleted():
		k, ps := docx.Insertion, b.news
		if b.deleted() {
			k, ps = docx.Deletion, b.olds
		}
		rev := w.rev(k, b.authors[0])
		for _, p := range ps {
			w.doc.Add(docx.Paragraph{Style: st, Align: align(st), Runs: []docx.Run{{Text: p, Change: rev}}, Mark: rev})
		}
		return
	case b.changes == nil:
		for _, p := range b.news {
			w.para(st, p)
		}
		return
	}
	p := docx.Paragraph{Style: st, Align: align(st)}
	var (
		at       = -1 // the hunk whose revisions ins and del are
		ins, del *docx.Revision
	)
	for i, c := range b.changes {
		var rev *docx.Revision
		if by := b.by[i]; by >= 0 {
			if by != at {
				who := b.authors[by]
				ins, del = w.rev(docx.Insertion, who), w.rev(docx.Deletion, who)
				at = by
			}
			rev = ins
			if c.Op == diff.Delete {
				rev = del
			}
		}
		for i, part := range strings.Split(c.Text, "\n") {
			if i > 0 {
				p.Mark = rev
				w.doc.Add(p)
				p = docx.Paragraph{Style: st, Align: align(st)}
			}
			if part != "" {
				p.Runs = append(p.Runs, docx.Run{Text: part, Change: rev})
			}
		}
	}
	w.doc.Add(p)
}

// rev is a revision of kind k by a.
func (w *wordWriter) rev(k docx.RevisionKind, a author) *docx.Revision {
	return &docx.Revision{Kind: k, Author: a.name, Date: a.at}
}

// writeDocument writes doc to w, buffered. Unavailable: w failed.
func writeDocument(w io.Writer, doc *docx.Document) error {
	b := bufio.NewWriterSize(w, 64<<10)
	_, err := doc.WriteTo(b)
	if err == nil {
		err = b.Flush()
	}
	if err != nil {
		return drafts.Wrap(drafts.Unavailable, err, "the export could not be written: %v", err)
	}
	return nil
}
