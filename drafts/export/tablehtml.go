package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"statute/drafts"
)

// The table as HTML (Format HTML) is one self-contained page like the
// text's (see the notes on the HTML export), in the draft's language and
// direction, laid out for printing on A4 in landscape: above the table the
// draft's title and version, the filters the table was narrowed to, and a
// legend of the change marks; then one <table> whose header (<thead>) a
// browser repeats at the top of each printed page, and whose rows it keeps
// whole on a page where one fits. The proposed text is marked as the
// tracked text is, <ins> and <del> with the same two signs besides colour,
// so that the marks survive black-and-white printing.

// tableStyles is the stylesheet of the table, screen and print.
const tableStyles = `body { font-family: ` + fonts + `; font-size: 11pt; line-height: 1.5; margin: 1em; color: #000; background: #fff; }
header .title { font-size: 1.4em; font-weight: bold; text-align: center; margin: 0 0 0.3em; }
header p { text-align: center; margin: 0.2em 0; }
.legend { font-size: 0.9em; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 0.3em 0.4em; vertical-align: top; text-align: start; overflow-wrap: break-word; }
th { background: #e6e6e6; font-weight: bold; }
td p { margin: 0 0 0.3em; }
col.article { width: 9%; } col.current { width: 22%; } col.proposed { width: 25%; }
col.chamber { width: 12%; } col.why { width: 17%; } col.decision { width: 15%; }
` + markStyles + `@media print {
  @page { size: A4 landscape; margin: 1.2cm; }
  body { margin: 0; font-size: 9.5pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th { background: none; }
` + markPrint + `}
`

// WriteComparisonHTML writes the table c to w as one HTML page.
// Unavailable: w failed.
func WriteComparisonHTML(w io.Writer, c *Comparison) error {
	b := bufio.NewWriterSize(w, 64<<10)
	h := &htmlWriter{b: b, d: c.Draft}
	tw := wordsFor(c.Draft)
	h.open(tw.title+" — "+c.Draft.Title, tableStyles)
	h.raw("<header><p class=\"title\">")
	h.text(tw.title)
	h.raw("</p>\n<p>")
	h.text(c.Draft.Title)
	h.raw("</p>\n<p>")
	h.text(tw.version + " " + strconv.Itoa(c.Draft.Version))
	h.raw("</p>\n")
	if len(c.Filters) > 0 {
		h.raw("<p class=\"filters\">")
		h.text(strings.Join(c.Filters, tw.list))
		h.raw("</p>\n")
	}
	h.raw("<p class=\"legend\"><ins>")
	h.text(tw.legendIns)
	h.raw("</ins>" + tw.list + "<del>")
	h.text(tw.legendDel)
	h.raw("</del></p>\n</header>\n")
	h.raw("<table>\n<colgroup><col class=\"article\"><col class=\"current\"><col class=\"proposed\"><col class=\"chamber\"><col class=\"why\"><col class=\"decision\"></colgroup>\n<thead>\n<tr>")
	for _, s := range tw.headers {
		h.raw("<th scope=\"col\">")
		h.text(s)
		h.raw("</th>")
	}
	h.raw("</tr>\n</thead>\n<tbody>\n")
	for i := range c.Rows {
		h.comparisonRow(tw, &c.Rows[i])
	}
	if len(c.Rows) == 0 {
		h.raw("<tr><td colspan=\"6\">")
		h.text(tw.empty)
		h.raw("</td></tr>\n")
	}
	h.raw("</tbody>\n</table>\n</body>\n</html>\n")
	if err := b.Flush(); err != nil {
		return drafts.Wrap(drafts.Unavailable, err, "the export could not be written: %v", err)
	}
	return nil
}

// comparisonRow writes one row of the table.
func (h *htmlWriter) comparisonRow(tw *tableWords, row *ComparisonRow) {
	h.raw("<tr id=\"")
	h.text(row.Chambers[0].Amendments[0])
	h.raw("\">\n<th scope=\"row\">")
	h.text(row.Article)
	h.raw("</th>\n<td>")
	h.paragraphs(strings.Split(row.Current, "\n"))
	h.raw("</td>\n<td><p>")
	h.changes(row.Changes, nil, "</p>\n<p>")
	h.raw("</p></td>\n<td>")
	h.paragraphs(tw.chamberLine(row))
	h.raw("</td>\n<td>")
	h.paragraphs(tw.justificationLines(row))
	h.raw("</td>\n<td>")
	h.paragraphs(tw.decisionLines(row))
	h.raw("</td>\n</tr>\n")
}

// paragraphs writes each of ps that is not empty as a <p>, a line break
// in it as <br>.
func (h *htmlWriter) paragraphs(ps []string) {
	for _, p := range ps {
		if p == "" {
			continue
		}
		h.raw("<p>")
		for i, line := range strings.Split(p, "\n") {
			if i > 0 {
				h.raw("<br>")
			}
			h.text(line)
		}
		h.raw("</p>")
	}
}
