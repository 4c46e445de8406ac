package export

import (
	"io"
	"strings"
	"unicode/utf16"

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
// and the columns have widths for an A4 landscape page, on which the sheet
// is set to print, its header row repeated on each page. The header row is
// bold, frozen, and carries an autofilter, so that a reader can narrow the
// rows by chamber or decision in the spreadsheet itself. The proposed
// text is one rich-text cell whose inserted words are underlined and bold
// and whose deleted words are struck through and italic, as in the HTML.
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

// columnWidths are the widths of the columns in characters.
var columnWidths = [6]float64{16, 45, 50, 24, 35, 32}

// WriteComparisonXLSX writes the table c to w as an XLSX workbook.
// Unavailable: w failed; Internal: the workbook could not be made.
func WriteComparisonXLSX(w io.Writer, c *Comparison) (err error) {
	tw := wordsFor(c.Draft)
	french := tw == &frenchWords
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
	a4, landscape := 9, "landscape"
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape}); err != nil {
		return fail(err)
	}
	last, _ := excelize.CoordinatesToCellName(len(tw.headers), len(c.Rows)+1)
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
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
		cells[0] = excelize.Cell{StyleID: body, Value: clip(row.Article)}
		cells[1] = excelize.Cell{StyleID: body, Value: clip(row.Current)}
		cells[2] = excelize.Cell{StyleID: body, Value: richChanges(row.Changes)}
		cells[3] = excelize.Cell{StyleID: body, Value: clip(strings.Join(tw.chamberLine(row), "\n"))}
		cells[4] = excelize.Cell{StyleID: body, Value: clip(strings.Join(tw.justificationLines(row), "\n"))}
		cells[5] = excelize.Cell{StyleID: body, Value: clip(strings.Join(tw.decisionLines(row), "\n"))}
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, cells); err != nil {
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
// bold, deleted ones struck through and italic, the others plain.
var (
	plainRun    = &excelize.Font{Family: cellFont, Size: 11}
	insertedRun = &excelize.Font{Family: cellFont, Size: 11, Bold: true, Underline: "single"}
	deletedRun  = &excelize.Font{Family: cellFont, Size: 11, Italic: true, Strike: true}
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

// WriteComparison writes the table c to w in format f: HTML, XLSX or CSV.
// Invalid: the table is not written in f (yet). Unavailable: w failed.
func WriteComparison(w io.Writer, c *Comparison, f Format) error {
	if err := (Request{What: Table, Format: f}).Check(); err != nil {
		return err
	}
	switch f {
	case Excel:
		return WriteComparisonXLSX(w, c)
	case CSV:
		return WriteComparisonCSV(w, c)
	}
	return WriteComparisonHTML(w, c)
}
