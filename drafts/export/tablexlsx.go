package export

import (
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"statute/drafts"
	"statute/drafts/diff"
)

// The table as XLSX (Format Excel) is one worksheet, written with
// excelize's streaming writer so that a round of 20,000 amendments is
// written in seconds and without holding the sheet twice. For an Arabic
// draft the sheet reads right to left (its first column on the right),
// and every cell is right-aligned with a right-to-left reading order, so
// that a line that starts with digits or a French word still reads from
// the right; a French draft's reads left to right. Cells wrap their text,
// each row is as tall as its longest cell needs (estimated: see
// rowHeight), and the sheet is set to print on A4 landscape fitted to the
// page's width, its header row repeated on each page. The header row is
// bold, frozen, and carries an autofilter, so that a reader can narrow the
// rows by chamber or decision in the spreadsheet itself. The proposed
// text is one rich-text cell whose inserted words are underlined and bold
// and whose deleted words are struck through and grey (deletedRun).
//
// A cell holds at most 32,767 characters (UTF-16 units) in Excel: a longer
// text, which no article of a statute is, is cut there, ending in «[…]».

// maxCellUnits is the most UTF-16 units a spreadsheet cell holds.
const maxCellUnits = 32767

// cellFont is the font of the sheet's cells: Arial has Arabic wherever
// Excel runs, and LibreOffice puts a metric twin in its place.
const cellFont = "Arial"

// sheetNames name the sheet in the draft's language.
var sheetNames = map[bool]string{false: "الجدول المقارن", true: "Tableau comparatif"}

// columnWidths are the widths of the columns in characters: together
// about 160, which an A4 landscape page holds at some 80 % (the sheet is
// printed fitted to the page's width).
var columnWidths = [6]float64{13, 38, 42, 18, 26, 24}

// lineHeight is the height in points of a line of 11-point text,
// maxRowHeight the tallest a row may be, and charsPerUnit the characters
// a line of a cell is counted to hold per unit of its column's width.
const (
	lineHeight   = 15
	maxRowHeight = 409
	charsPerUnit = 1.2
)

// rowHeight is the height in points a row of cells needs for its lines to
// show, wrapped in their columns: spreadsheet programs do not all size a
// row to its wrapped text on opening (LibreOffice drew the rows one line
// high, their text over the next rows), so it is set. Counting 1.2
// characters to a unit errs on the tall side: LibreOffice fits some 1.4
// Arabic letters of Arial to a unit.
func rowHeight(cells [6]string) float64 {
	lines := 1
	for i, text := range cells {
		n, per := 0, int(columnWidths[i]*charsPerUnit)
		for _, p := range strings.Split(text, "\n") {
			n += max(1, (utf8.RuneCountInString(p)+per-1)/per)
		}
		lines = max(lines, n)
	}
	return min(maxRowHeight, float64(lines*lineHeight)+4)
}

// WriteComparisonXLSX writes the table c to w as an XLSX workbook.
// Unavailable: w failed; Internal: the workbook could not be made.
func WriteComparisonXLSX(w io.Writer, c *Comparison) (err error) {
	tw := wordsFor(c.Draft)
	french := tw.lang == "fr"
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = drafts.Wrap(drafts.Internal, cerr, "the workbook could not be closed: %v", cerr)
		}
	}()
	fail := func(err error) error {
		return drafts.Wrap(drafts.Internal, err, "the workbook could not be made: %v", err)
	}
	sheet := sheetNames[french]
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fail(err)
	}
	horizontal, order := "right", uint64(2) // 2: right to left
	if french {
		horizontal, order = "left", 1
	}
	align := &excelize.Alignment{Horizontal: horizontal, Vertical: "top", WrapText: true, ReadingOrder: order}
	font := &excelize.Font{Family: cellFont, Size: 11}
	body, err := f.NewStyle(&excelize.Style{Alignment: align, Font: font})
	if err != nil {
		return fail(err)
	}
	head, err := f.NewStyle(&excelize.Style{
		Alignment: align, Font: &excelize.Font{Family: cellFont, Size: 11, Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E6E6E6"}},
	})
	if err != nil {
		return fail(err)
	}
	rtl := !french
	if err := f.SetSheetView(sheet, 0, &excelize.ViewOptions{RightToLeft: &rtl}); err != nil {
		return fail(err)
	}
	a4, landscape, wide, tall, fit := 9, "landscape", 1, 0, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return fail(err)
	}
	// AutoFilter first: it replaces the sheet's properties with its own.
	last, _ := excelize.CoordinatesToCellName(len(tw.headers), len(c.Rows)+1)
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return fail(err)
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fail(err)
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet}); err != nil {
		return fail(err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fail(err)
	}
	for i, width := range columnWidths {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return fail(err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fail(err)
	}
	cells := make([]any, len(tw.headers))
	for i, s := range tw.headers {
		cells[i] = excelize.Cell{StyleID: head, Value: s}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return fail(err)
	}
	for i := range c.Rows {
		row := &c.Rows[i]
		proposed := row.Proposed
		if row.Kind == drafts.Repeal {
			proposed = row.Current // shown struck through
		}
		texts := [6]string{
			row.Article, row.Current, proposed,
			strings.Join(tw.chamberLine(row), "\n"),
			strings.Join(tw.justificationLines(row), "\n"),
			strings.Join(tw.decisionLines(row), "\n"),
		}
		for j, text := range texts {
			cells[j] = excelize.Cell{StyleID: body, Value: clip(text)}
		}
		cells[2] = excelize.Cell{StyleID: body, Value: richChanges(row.Changes)}
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, cells, excelize.RowOpts{Height: rowHeight(texts)}); err != nil {
			return fail(err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fail(err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return drafts.Wrap(drafts.Unavailable, err, "the export could not be written: %v", err)
	}
	return nil
}

// The fonts of the proposed text's runs: inserted words underlined and
// bold, deleted ones struck through and grey, the others plain. Each mark
// thus has two signs that survive black-and-white printing; the HTML's
// italic is not one here, as Arial has no Arabic italic (LibreOffice only
// slants it) and a cell has no dotted box around a word.
var (
	plainRun    = &excelize.Font{Family: cellFont, Size: 11}
	insertedRun = &excelize.Font{Family: cellFont, Size: 11, Bold: true, Underline: "single"}
	deletedRun  = &excelize.Font{Family: cellFont, Size: 11, Strike: true, Color: "7F7F7F"}
)

// clipMark ends a text cut to fit a cell.
const clipMark = " […]"

// clip cuts s to what a cell holds.
func clip(s string) string {
	if len(s) <= maxCellUnits/2 || units(s) <= maxCellUnits {
		return s
	}
	return cut(s, maxCellUnits-units(clipMark)) + clipMark
}

// units counts s in UTF-16 units, as a spreadsheet counts a cell.
func units(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// cut is the longest start of s of at most n UTF-16 units.
func cut(s string, n int) string {
	for i, r := range s {
		if n -= utf16.RuneLen(r); n < 0 {
			return s[:i]
		}
	}
	return s
}

// richChanges is the proposed text as rich-text runs, cut to what a cell
// holds.
func richChanges(cs []diff.Change) []excelize.RichTextRun {
	runs := make([]excelize.RichTextRun, 0, len(cs))
	room := maxCellUnits - units(clipMark)
	for _, c := range cs {
		font := plainRun
		switch c.Op {
		case diff.Insert:
			font = insertedRun
		case diff.Delete:
			font = deletedRun
		}
		if n := units(c.Text); n > room {
			return append(runs, excelize.RichTextRun{Text: cut(c.Text, room), Font: font}, excelize.RichTextRun{Text: clipMark, Font: plainRun})
		} else if n > 0 {
			room -= n
			runs = append(runs, excelize.RichTextRun{Text: c.Text, Font: font})
		}
	}
	return runs
}
