package export_test

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
	"testing"

	"statute/drafts/export"
)

// An xnode is an element of word/document.xml, read whole.
type xnode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []xnode    `xml:",any"`
	Text    string     `xml:",chardata"`
}

// all returns the elements named local under n, n itself included, in
// document order, without looking inside those it finds.
func (n *xnode) all(local string) []*xnode {
	if n.XMLName.Local == local {
		return []*xnode{n}
	}
	var out []*xnode
	for i := range n.Nodes {
		out = append(out, n.Nodes[i].all(local)...)
	}
	return out
}

// has reports whether n holds an element named local.
func (n *xnode) has(local string) bool {
	for i := range n.Nodes {
		if n.Nodes[i].XMLName.Local == local || n.Nodes[i].has(local) {
			return true
		}
	}
	return false
}

// child is n's first child named local, or nil.
func (n *xnode) child(local string) *xnode {
	for i := range n.Nodes {
		if n.Nodes[i].XMLName.Local == local {
			return &n.Nodes[i]
		}
	}
	return nil
}

// attr is n's attribute named local.
func (n *xnode) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// text is what a reader reads in n: its paragraphs one a line, a line
// break as a line feed.
func (n *xnode) text() string {
	var ps []string
	for _, p := range n.all("p") {
		ps = append(ps, p.inline())
	}
	return strings.Join(ps, "\n")
}

// inline is the text inside n, a line break as a line feed.
func (n *xnode) inline() string {
	var b strings.Builder
	var walk func(*xnode)
	walk = func(e *xnode) {
		switch e.XMLName.Local {
		case "t", "delText":
			b.WriteString(e.Text)
		case "br":
			b.WriteString("\n")
		}
		for i := range e.Nodes {
			walk(&e.Nodes[i])
		}
	}
	walk(n)
	return b.String()
}

// wordTable is the table document's parts as a reader checks them.
type wordTable struct {
	body   *xnode   // w:body
	before []string // the paragraphs above the table
	table  *xnode
	rows   []*xnode   // w:tr
	cells  [][]string // each row's cells' texts
}

// readWordTable unzips a Word file and reads its one table.
func readWordTable(t *testing.T, b []byte) wordTable {
	t.Helper()
	parts, _ := unzip(t, b)
	var doc xnode
	if err := xml.Unmarshal(parts["word/document.xml"], &doc); err != nil {
		t.Fatalf("word/document.xml does not parse: %v", err)
	}
	w := wordTable{body: doc.child("body")}
	if w.body == nil {
		t.Fatal("word/document.xml has no body")
	}
	for i := range w.body.Nodes {
		n := &w.body.Nodes[i]
		switch n.XMLName.Local {
		case "p":
			if w.table == nil {
				w.before = append(w.before, n.text())
			}
		case "tbl":
			if w.table != nil {
				t.Fatal("more than one table")
			}
			w.table = n
		}
	}
	if w.table == nil {
		t.Fatal("no table")
	}
	w.rows = w.table.all("tr")
	for _, tr := range w.rows {
		var row []string
		for _, tc := range tr.all("tc") {
			row = append(row, tc.text())
		}
		w.cells = append(w.cells, row)
	}
	return w
}

// cellRuns are the texts of a cell's runs whose properties have every
// one of the elements marks (such as "u" and "b"), joined where they
// follow one another.
func cellRuns(tc *xnode, marks ...string) []string {
	var out []string
	joined := false
	for _, r := range tc.all("r") {
		pr := r.child("rPr")
		ok := pr != nil
		for _, m := range marks {
			ok = ok && pr.child(m) != nil
		}
		if !ok {
			joined = false
			continue
		}
		s := r.inline()
		if joined {
			out[len(out)-1] += s
		} else {
			out = append(out, s)
		}
		joined = true
	}
	return out
}

// The table as Word: golden, and as a reader of the printed table checks
// it: A4 landscape, right to left, the header row repeated on each page,
// rows kept whole, the texts widest; above it the title and the legend;
// one row per proposal naming all its chambers; the changes marked on
// the right words by formatting alone, never as tracked changes.
func TestComparisonDOCX(t *testing.T) {
	r, _ := tableRound(t)
	c := comparison(t, r, export.Request{})
	var out bytes.Buffer
	if err := export.WriteComparison(&out, c, export.Word); err != nil {
		t.Fatal(err)
	}
	parts, _ := unzip(t, out.Bytes())
	golden(t, "table.document.xml", parts["word/document.xml"])
	w := readWordTable(t, out.Bytes())

	sect := w.body.child("sectPr")
	if sect == nil {
		t.Fatal("no section properties")
	}
	pg, mar := sect.child("pgSz"), sect.child("pgMar")
	if pg == nil || pg.attr("orient") != "landscape" || pg.attr("w") != "16838" || pg.attr("h") != "11906" || mar == nil || mar.attr("left") != "720" {
		t.Errorf("the page is %+v with margins %+v, want A4 landscape with narrow margins", pg, mar)
	}
	if sect.child("bidi") == nil || sect.child("footerReference") == nil {
		t.Error("the section is not right to left, or has no footer for its page numbers")
	}
	if !strings.Contains(string(parts["word/footer1.xml"]), `w:instr=" PAGE "`) {
		t.Error("the footer does not number the pages")
	}

	if want := []string{"الجدول المقارن للتعديلات المقترحة", c.Draft.Title, "الإصدار 1",
		"كلمات مضافة: تحتها خط وبخط غليظ؛ كلمات محذوفة: مشطوب عليها وبخط مائل داخل إطار منقط"}; !slices.Equal(w.before, want) {
		t.Errorf("above the table:\n%q\nwant\n%q", w.before, want)
	}
	tblPr := w.table.child("tblPr")
	if tblPr == nil || tblPr.child("bidiVisual") == nil {
		t.Error("the table is not right to left (w:bidiVisual)")
	}
	var widths []int
	for _, g := range w.table.all("gridCol") {
		n, _ := strconv.Atoi(g.attr("w"))
		widths = append(widths, n)
	}
	if len(widths) != 6 || min(widths[1], widths[2], widths[4]) <= max(widths[0], widths[3], widths[5]) {
		t.Errorf("the columns are %v wide, want six, the current and proposed texts and the justification widest", widths)
	}
	if total := widths[0] + widths[1] + widths[2] + widths[3] + widths[4] + widths[5]; total != 16838-2*720 {
		t.Errorf("the columns take %d of the page's 15398 between its margins", total)
	}
	if len(w.rows) != len(c.Rows)+1 {
		t.Fatalf("%d rows, want the header and %d", len(w.rows), len(c.Rows))
	}
	for i, tr := range w.rows {
		pr := tr.child("trPr")
		if pr == nil || pr.child("cantSplit") == nil {
			t.Errorf("row %d may break across pages", i)
		}
		if header := pr != nil && pr.child("tblHeader") != nil; header != (i == 0) {
			t.Errorf("row %d repeats on each page: %v; want only the header", i, header)
		}
	}
	if want := []string{"المادة", "النص الحالي", "النص المقترح (التغييرات معلمة)", "الغرفة", "التعليل", "القرار والملاحظة"}; !slices.Equal(w.cells[0], want) {
		t.Errorf("the header reads %q", w.cells[0])
	}
	for i, row := range c.Rows {
		got := w.cells[i+1]
		if len(got) != 6 || got[0] != row.Article || got[1] != row.Current {
			t.Errorf("row %d reads %q, want %s and its current text", i+1, got, row.Article)
			continue
		}
		for _, ch := range row.Chambers {
			for _, id := range ch.Amendments {
				if !strings.Contains(got[3], ch.Code+" ("+ch.Name+")\n") || !strings.Contains(got[3], id) {
					t.Errorf("row %d's chambers read %q, want %s (%s) and %s", i+1, got[3], ch.Code, ch.Name, id)
				}
			}
		}
	}
	// Article 3's shared proposal: one row naming FM and CS, its
	// inserted and deleted words marked.
	if got := w.cells[2][3]; got != "FM (فاس مكناس)\nFM-0001\nCS (الدار البيضاء سطات)\nCS-0001" {
		t.Errorf("article 3's shared proposal names %q", got)
	}
	proposed := w.rows[2].all("tc")[2]
	if ins := cellRuns(proposed, "u", "b", "bCs"); !slices.Equal(ins, []string{" رقم 50.17"}) {
		t.Errorf("article 3's underlined bold words are %q, want « رقم 50.17»", ins)
	}
	if del := cellRuns(proposed, "strike", "i", "iCs", "bdr", "color"); !slices.Equal(del, []string{"هذا "}) {
		t.Errorf("article 3's struck words are %q, want «هذا »", del)
	}
	if got, want := w.cells[2][2], strings.Replace(c.Rows[1].Current, "في هذا القانون", "في هذا القانون رقم 50.17", 1); got != want {
		t.Errorf("article 3's proposed cell reads\n%q\nwant the text with both its deleted and inserted words\n%q", got, want)
	}
	// The repeal: the whole current text struck, nothing underlined.
	repeal := w.rows[4].all("tc")[2]
	if all, del := cellRuns(repeal), cellRuns(repeal, "strike"); w.cells[4][2] != c.Rows[3].Current || !slices.Equal(all, del) {
		t.Errorf("the repeal's proposed cell reads %q, struck %q; want the current text, all struck", w.cells[4][2], del)
	}
	if w.body.has("ins") || w.body.has("del") || w.body.has("delText") {
		t.Error("the table holds tracked changes, which «Accept all» would apply")
	}
}

// The filters narrow the Word table's rows as the table's, and are
// stated above it; a French draft's table reads left to right.
func TestComparisonDOCXFiltersAndFrench(t *testing.T) {
	r, _ := tableRound(t)
	c := comparison(t, r, export.Request{Status: "undecided", Articles: "3-5"})
	var out bytes.Buffer
	if err := export.WriteComparison(&out, c, export.Word); err != nil {
		t.Fatal(err)
	}
	w := readWordTable(t, out.Bytes())
	if len(w.cells) != 2 || w.cells[1][0] != "المادة 5 (نسخ)" || !strings.HasPrefix(w.cells[1][3], "SM (") {
		t.Errorf("the undecided amendments to articles 3 to 5 are the rows %q, want SM's repeal of article 5 alone", w.cells)
	}
	if !slices.Contains(w.before, "الوضعية: لم يُبتّ فيه بعد؛ المواد: 3 – 5") {
		t.Errorf("the filters are not stated above the table: %q", w.before)
	}

	out.Reset()
	if _, err := export.Write(frenchTableRound(t), &out, export.Request{What: export.Table, Format: export.Word}); err != nil {
		t.Fatal(err)
	}
	w = readWordTable(t, out.Bytes())
	if w.body.has("bidiVisual") || w.body.has("bidi") || w.body.has("rtl") {
		t.Error("the French table is marked right to left")
	}
	if w.before[0] != "Tableau comparatif des amendements proposés" || len(w.cells) != 2 ||
		w.cells[0][1] != "Texte actuel" || w.cells[1][0] != "Nouvel article (2 bis) après l'article 2" || !strings.HasPrefix(w.cells[1][3], "FM (Fès-Meknès)\nFM-") {
		t.Errorf("the French table reads %q above, rows %q", w.before, w.cells)
	}
}

// A Word table with no row keeps its header, and says across it that no
// amendment meets its conditions.
func TestComparisonDOCXEmpty(t *testing.T) {
	r, _ := tableRound(t)
	var out bytes.Buffer
	res, err := export.Write(r, &out, export.Request{What: export.Table, Format: export.Word, Chamber: "DOD"})
	if err != nil || res.Rows != 0 {
		t.Fatalf("%v, %+v", err, res)
	}
	w := readWordTable(t, out.Bytes())
	if len(w.rows) != 2 || w.cells[0][0] != "المادة" || !slices.Equal(w.cells[1], []string{"لا يوجد أي تعديل يستجيب لهذه الشروط."}) {
		t.Fatalf("the empty table's rows read %q", w.cells)
	}
	if span := w.rows[1].all("gridSpan"); len(span) != 1 || span[0].attr("val") != "6" {
		t.Error("the sentence of the empty table does not span its six columns")
	}
}
