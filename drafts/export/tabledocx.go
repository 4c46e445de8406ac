package export

import (
	"io"
	"strconv"
	"strings"
	"time"

	"statute/drafts/diff"
	"statute/drafts/export/internal/docx"
)

// The table as Word (Format Word) is one .docx file for the general
// assembly to print and the staff to annotate, laid out as the HTML table
// is: one A4 landscape section with narrow margins (1.27 cm, Word's
// «narrow») and the page's number at its foot; above the table the title,
// the draft's title and version, the filters the table was narrowed to,
// and a legend of the marks; then one Word table, right to left for an
// Arabic draft (w:bidiVisual: its first column, the article, on the right)
// and left to right for a French one, whose header row Word repeats at
// the top of each page it spans and whose rows it keeps whole on a page
// where one fits. The three texts (current, proposed, justification) are
// the widest columns, the current and proposed texts wider than in the
// HTML table, and cells are single-spaced: with rows kept whole, a page
// of the workload's table (articles of some 600 letters) held one row
// with the HTML's widths and spacing, and holds two so.
//
// The proposed text's changes only look like tracked changes: inserted
// words are underlined and bold, deleted ones struck through, italic,
// grey and boxed by a dotted border, as the legend says. They are not
// Word's revisions (w:ins, w:del), although Word could draw those: the
// table is a record of proposals, each beside the text it would change,
// and «Accept all changes» in Word must leave it as it is rather than
// turn every row into its proposal and drop what it deletes. Each mark
// has signs besides its colour, so that it survives black-and-white
// printing; a strike on Arabic falls on the letters' joining line, which
// is why a deletion has its slant and its box too.

// tableShares are the columns' shares of the page's width, in per cent,
// in the order of the headers.
var tableShares = [6]int{7, 26, 28, 11, 15, 13}

// The table document's page and text: A4 landscape with Word's narrow
// margins (in twentieths of a point), and 10-point text (in half-points).
const (
	a4Long      = 16838
	tableMargin = 720
	tableSize   = 20
)

// The colours of the marks: a dark green for an insertion, a grey for a
// deletion; both print as shades of grey, beside their other signs.
const (
	insertedColor = "005A00"
	deletedColor  = "7F7F7F"
	headerFill    = "E6E6E6"
)

// tableWidths are the columns' widths in twentieths of a point: the
// page's width between its margins, shared out, the last column taking
// what rounding leaves.
func tableWidths() []int {
	total := a4Long - 2*tableMargin
	ws := make([]int, len(tableShares))
	left := total
	for i, share := range tableShares[:len(tableShares)-1] {
		ws[i] = total * share / 100
		left -= ws[i]
	}
	ws[len(ws)-1] = left
	return ws
}

// WriteComparisonDOCX writes the table c to w as a Word document.
// Unavailable: w failed.
func WriteComparisonDOCX(w io.Writer, c *Comparison) error {
	tw := wordsFor(c.Draft)
	opt := wordOptions(c.Draft, time.UTC) // no revision to date
	opt.Title = tw.title + " — " + c.Draft.Title
	opt.Size = tableSize
	opt.Section = docx.Section{Landscape: true, Margin: tableMargin, PageNumbers: true}
	doc := docx.New(opt)
	centred := func(runs ...docx.Run) {
		doc.Add(docx.Paragraph{Align: docx.Center, KeepNext: true, Runs: runs})
	}
	doc.Add(docx.Paragraph{Style: docx.Title, Runs: []docx.Run{{Text: tw.title}}})
	centred(docx.Run{Text: c.Draft.Title, Bold: true})
	centred(docx.Run{Text: tw.version + " " + strconv.Itoa(c.Draft.Version)})
	if len(c.Filters) > 0 {
		centred(docx.Run{Text: strings.Join(c.Filters, tw.list)})
	}
	centred(markedRun(diff.Insert, tw.legendIns), docx.Run{Text: tw.list}, markedRun(diff.Delete, tw.legendDel))

	t := docx.Table{Widths: tableWidths(), HeaderRows: 1, Rows: make([][]docx.Cell, 0, len(c.Rows)+1)}
	head := make([]docx.Cell, len(tw.headers))
	for i, s := range tw.headers {
		head[i] = docx.Cell{Fill: headerFill, Paragraphs: []docx.Paragraph{{Compact: true, Runs: []docx.Run{{Text: s, Bold: true}}}}}
	}
	t.Rows = append(t.Rows, head)
	for i := range c.Rows {
		row := &c.Rows[i]
		t.Rows = append(t.Rows, []docx.Cell{
			{Paragraphs: []docx.Paragraph{{Compact: true, Runs: []docx.Run{{Text: row.Article, Bold: true}}}}},
			{Paragraphs: plainParagraphs(strings.Split(row.Current, "\n"))},
			{Paragraphs: markedParagraphs(row.Changes)},
			{Paragraphs: plainParagraphs(tw.chamberLine(row))},
			{Paragraphs: plainParagraphs(tw.justificationLines(row))},
			{Paragraphs: plainParagraphs(tw.decisionLines(row))},
		})
	}
	if len(c.Rows) == 0 {
		t.Rows = append(t.Rows, []docx.Cell{{Span: len(tw.headers), Paragraphs: []docx.Paragraph{{Compact: true, Runs: []docx.Run{{Text: tw.empty}}}}}})
	}
	doc.AddTable(t)

	return writeDocument(w, doc)
}

// plainParagraphs are the lines of a cell, one paragraph each but for
// the empty ones; a line feed inside a line is a line break.
func plainParagraphs(lines []string) []docx.Paragraph {
	ps := make([]docx.Paragraph, 0, len(lines))
	for _, s := range lines {
		if s != "" {
			ps = append(ps, docx.Paragraph{Compact: true, Runs: []docx.Run{{Text: s}}})
		}
	}
	return ps
}

// markedParagraphs are the proposed text, its changes marked (see the
// notes above), a new paragraph at each line feed as in the HTML table.
func markedParagraphs(cs []diff.Change) []docx.Paragraph {
	var ps []docx.Paragraph
	p := docx.Paragraph{Compact: true}
	for _, c := range cs {
		for i, part := range strings.Split(c.Text, "\n") {
			if i > 0 {
				ps = append(ps, p)
				p = docx.Paragraph{Compact: true}
			}
			if part != "" {
				p.Runs = append(p.Runs, markedRun(c.Op, part))
			}
		}
	}
	return append(ps, p)
}

// markedRun is text s as a change of kind op looks in the table: an
// insertion underlined and bold, a deletion struck, italic, grey and
// boxed; the rest plain. None is a revision.
func markedRun(op diff.Op, s string) docx.Run {
	switch op {
	case diff.Insert:
		return docx.Run{Text: s, Bold: true, Underline: true, Color: insertedColor}
	case diff.Delete:
		return docx.Run{Text: s, Strike: true, Italic: true, Color: deletedColor, Box: true}
	}
	return docx.Run{Text: s}
}
