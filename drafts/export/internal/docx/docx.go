package docx

import (
	"time"
)

// Options are what a whole document shares.
type Options struct {
	// RTL makes the document right to left: an Arabic one.
	RTL bool
	// Lang is the language of the text, as BCP 47: "ar-MA", "fr-FR".
	Lang string
	// Font is the Latin font, ComplexFont the Arabic one; "" for Times
	// New Roman and Traditional Arabic.
	Font, ComplexFont string
	// Size is the body text's size in half-points; 0 is 28 (14 pt).
	Size int
	// Title and Creator are the document's title and author, as file
	// managers and Word's properties show them; Created its creation time
	// (written in UTC; none when zero).
	Title, Creator string
	Created        time.Time
	// Zone is where revision dates are written as wall time (see the
	// package's notes); nil is time.Local.
	Zone *time.Location
	// Section is the page layout of the last section (all of the
	// document when EndSection is never called).
	Section Section
}

// A Section is a page layout.
type Section struct {
	// Landscape turns the A4 page on its side.
	Landscape bool
	// Margin is each page margin in twentieths of a point; 0 is 1134
	// (2 cm).
	Margin int
	// PageNumbers puts each page's number at the foot of its pages,
	// centred.
	PageNumbers bool
}

// Style names a paragraph style that styles.xml defines.
type Style string

// The paragraph styles.
const (
	Normal Style = "Normal"
	Title  Style = "Title"
)

// Heading is the style of a heading of level n, from 1 (the outermost)
// to 6; n out of range is taken as the nearest level.
func Heading(n int) Style {
	n = min(max(n, 1), 6)
	return Style("Heading" + string(rune('0'+n)))
}

// Align is a paragraph's alignment, logical: Start is where its lines
// begin (the right of a right-to-left paragraph).
type Align int

// The alignments; the zero Align is the style's (Start for body text,
// Center for the title and the headings of levels 1 to 5).
const (
	StyleAlign Align = iota
	Start
	Center
	End
	Justify
)

// A Paragraph is one paragraph of text.
type Paragraph struct {
	Style Style // "" is Normal
	Align Align
	Runs  []Run
	// Mark, when set, makes the paragraph's mark an insertion or a
	// deletion: with every run revised alike, the paragraph as a whole.
	Mark *Revision
	// KeepNext keeps the paragraph on the page of the next one (headings
	// do so by their style).
	KeepNext bool
	// Compact sets the paragraph's lines single-spaced, with 2 points
	// after it rather than the body text's 6: for the cells of a table,
	// where every line counts.
	Compact bool
}

// A Run is text in one format.
type Run struct {
	Text                            string
	Bold, Italic, Underline, Strike bool
	// Size in half-points; 0 is the paragraph style's.
	Size int
	// Color is the text's colour and Fill its background, as RRGGBB; ""
	// for the style's. Marks meant to survive black-and-white printing
	// need more than a colour: underline, strike, weight.
	Color, Fill string
	// Box draws a dotted border around the text: with Strike and Italic,
	// a deletion that only looks like one.
	Box bool
	// Change, when set, makes the run an insertion or a deletion.
	Change *Revision
}

// RevisionKind says whether a revision inserts or deletes.
type RevisionKind int

// The kinds of revision.
const (
	Insertion RevisionKind = iota + 1
	Deletion
)

// A Revision is a tracked change: what it does, who made it and when.
type Revision struct {
	Kind   RevisionKind
	Author string
	// Date is when; written as wall time in Options.Zone, none when zero.
	Date time.Time
}

// Ins returns an insertion by author at date.
func Ins(author string, date time.Time) *Revision {
	return &Revision{Kind: Insertion, Author: author, Date: date}
}

// Del returns a deletion by author at date.
func Del(author string, date time.Time) *Revision {
	return &Revision{Kind: Deletion, Author: author, Date: date}
}

// A Table is a grid of cells.
type Table struct {
	// Widths are the columns' widths in twentieths of a point, in reading
	// order (the first is the right-most in a right-to-left document).
	Widths []int
	// HeaderRows is how many of the first rows repeat at the top of each
	// page the table spans.
	HeaderRows int
	Rows       [][]Cell
}

// A Cell is one cell of a table.
type Cell struct {
	Paragraphs []Paragraph // none is one empty paragraph
	// Fill is the cell's background as RRGGBB, "" for none.
	Fill string
	// Span is how many columns the cell covers; 0 is one. A row's cells
	// then number fewer than the table's columns.
	Span int
	// Merge joins cells of one column across rows: Restart begins a
	// merged cell, Continue goes on with the one above (its paragraphs
	// are not shown).
	Merge Merge
}

// Merge says how a cell joins the cells above and below it.
type Merge int

// The merges; the zero Merge is a cell of its own.
const (
	NoMerge Merge = iota
	Restart
	Continue
)

// A Document is a Word document being built; the zero Document is not
// ready for use: make one with New.
type Document struct {
	opt    Options
	blocks []block
}

// block is a paragraph, a table or the end of a section.
type block struct {
	p   *Paragraph
	t   *Table
	end *Section
}

// New returns an empty document with options opt.
func New(opt Options) *Document {
	if opt.Font == "" {
		opt.Font = "Times New Roman"
	}
	if opt.ComplexFont == "" {
		opt.ComplexFont = "Traditional Arabic"
	}
	if opt.Size == 0 {
		opt.Size = 28
	}
	if opt.Zone == nil {
		opt.Zone = time.Local
	}
	return &Document{opt: opt}
}

// Add appends a paragraph.
func (d *Document) Add(p Paragraph) { d.blocks = append(d.blocks, block{p: &p}) }

// AddTable appends a table.
func (d *Document) AddTable(t Table) { d.blocks = append(d.blocks, block{t: &t}) }

// EndSection ends the section laid out so far with layout s; what comes
// after is laid out by the next EndSection, or by Options.Section.
func (d *Document) EndSection(s Section) { d.blocks = append(d.blocks, block{end: &s}) }
