package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"strings"

	"statute/drafts"
	"statute/drafts/diff"
)

// The table as CSV (Format CSV) is for spreadsheets and scripts: UTF-8
// that starts with a byte-order mark (Excel reads a file without one in
// the system's code page, and Arabic comes out garbled), fields quoted as
// RFC 4180 says, records ended by CRLF as Excel ends them (a line break
// inside a cell is a bare LF, as Excel writes it). The first line
// holds the headings in the draft's language; then one line per row of
// the table, in the table's columns, except that the proposed text is
// written as it would read, without marks (a cell holds no underline), and
// a column after it spells its changes out: each place where words change,
// on a line of its own, as «[- deleted words] [+ inserted words]», the
// deletion first, equal words left out. A paragraph break inside a change
// is written « ¶ ». Cells that hold several items (chambers, reasons,
// decisions) put each on its own line.
//
// A spreadsheet program reads a CSV field that starts with =, +, -, @ or a
// tab as a formula, which a chamber's wording or justification could then
// run on the reader's machine; such a field is written with an apostrophe
// before it, as OWASP advises (inert).

// csvChangesHeader heads the CSV's column of spelled-out changes.
var csvChangesHeader = map[string]string{"ar": "التغييرات مفصلة", "fr": "Modifications détaillées"}

// WriteComparisonCSV writes the table c to w as CSV. Unavailable: w
// failed.
func WriteComparisonCSV(w io.Writer, c *Comparison) error {
	b := bufio.NewWriterSize(w, 64<<10)
	b.WriteString("\uFEFF")
	// encoding/csv's UseCRLF would end the lines inside a cell with CRLF
	// too, where Excel keeps a bare LF; each record is therefore written
	// alone, and its final LF made CRLF.
	var rec bytes.Buffer
	cw := csv.NewWriter(&rec)
	write := func(fields ...string) {
		for i, f := range fields {
			fields[i] = inert(f)
		}
		rec.Reset()
		cw.Write(fields)
		cw.Flush()
		b.Write(rec.Bytes()[:rec.Len()-1])
		b.WriteString("\r\n")
	}
	tw := wordsFor(c.Draft)
	h := tw.headers
	write(h[0], h[1], h[2], csvChangesHeader[tw.lang], h[3], h[4], h[5])
	for i := range c.Rows {
		row := &c.Rows[i]
		write(
			row.Article, row.Current, row.Proposed, spelledChanges(tw, row.Changes),
			strings.Join(tw.chamberLine(row), "\n"),
			strings.Join(tw.justificationLines(row), "\n"),
			strings.Join(tw.decisionLines(row), "\n"),
		)
	}
	if err := b.Flush(); err != nil {
		return drafts.Wrap(drafts.Unavailable, err, "the export could not be written: %v", err)
	}
	return nil
}

// spelledChanges spells changes out, one place a line: «[- old] [+ new]».
func spelledChanges(tw *tableWords, cs []diff.Change) string {
	var lines []string
	var del, ins strings.Builder
	flush := func() {
		var parts []string
		if s := spelled(del.String()); s != "" {
			parts = append(parts, tw.changesDel+s+"]")
		}
		if s := spelled(ins.String()); s != "" {
			parts = append(parts, tw.changesIns+s+"]")
		}
		if len(parts) > 0 {
			lines = append(lines, strings.Join(parts, " "))
		}
		del.Reset()
		ins.Reset()
	}
	for _, c := range cs {
		switch c.Op {
		case diff.Delete:
			del.WriteString(c.Text)
		case diff.Insert:
			ins.WriteString(c.Text)
		case diff.Form:
			del.WriteString(c.Old)
			ins.WriteString(c.Text)
		default:
			flush()
		}
	}
	flush()
	return strings.Join(lines, "\n")
}

// spelled is changed words as the CSV spells them: trimmed, a paragraph
// break shown as «¶».
func spelled(s string) string {
	fields := strings.Split(strings.TrimSpace(s), "\n")
	for i, f := range fields {
		fields[i] = strings.TrimSpace(f)
	}
	return strings.Join(fields, " ¶ ")
}

// inert is field as a spreadsheet program reads it as text: with an
// apostrophe before a first character that would start a formula.
func inert(field string) string {
	if field != "" && strings.ContainsRune("=+-@\t\r", rune(field[0])) {
		return "'" + field
	}
	return field
}
