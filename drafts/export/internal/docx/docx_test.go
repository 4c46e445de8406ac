package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"statute/drafts/export/internal/docx"
)

// parts unzips a written document.
func parts(t testing.TB, d *docx.Document) map[string]string {
	t.Helper()
	var b bytes.Buffer
	n, err := d.WriteTo(&b)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(b.Len()) {
		t.Errorf("WriteTo says %d bytes, wrote %d", n, b.Len())
	}
	z, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(data)
		if !f.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s is dated %v, want the fixed 1980-01-01", f.Name, f.Modified)
		}
	}
	for name, data := range out {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			wellFormed(t, name, data)
		}
	}
	return out
}

// wellFormed fails unless data parses as XML.
func wellFormed(t testing.TB, name, data string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(data))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v\n%s", name, err, data)
		}
	}
}

// texts are the contents of every w:t (or w:delText, with del) of an XML
// part, in order.
func texts(t testing.TB, data, tag string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(data))
	var out []string
	in := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == tag {
				in = true
				out = append(out, "")
			}
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				out[len(out)-1] += string(e)
			}
		}
	}
}

// A comparative table on a landscape page between portrait text: the
// layout the table of amendments needs, built from the package's blocks
// alone.
func TestTableInALandscapeSection(t *testing.T) {
	d := docx.New(docx.Options{RTL: true, Lang: "ar-MA"})
	d.Add(docx.Paragraph{Style: docx.Title, Runs: []docx.Run{{Text: "الجدول المقارن"}}})
	d.EndSection(docx.Section{})
	at := time.Date(2026, 7, 1, 9, 30, 0, 0, time.UTC)
	d.AddTable(docx.Table{
		Widths:     []int{4000, 4000, 2000},
		HeaderRows: 1,
		Rows: [][]docx.Cell{
			{{Paragraphs: []docx.Paragraph{{Runs: []docx.Run{{Text: "النص الأصلي", Bold: true}}}}, Fill: "D9D9D9"}, {}, {}},
			{
				{Paragraphs: []docx.Paragraph{{Runs: []docx.Run{{Text: "قديم", Change: docx.Del("FM — فاس مكناس", at)}}}}},
				{Paragraphs: []docx.Paragraph{{Runs: []docx.Run{{Text: "جديد", Underline: true, Change: docx.Ins("FM — فاس مكناس", at)}}, Compact: true}}},
				{Paragraphs: []docx.Paragraph{{Runs: []docx.Run{{Text: "FM"}}}}},
			},
			{
				{Paragraphs: []docx.Paragraph{{Runs: []docx.Run{{Text: "مقترح", Strike: true, Color: "A00000", Fill: "E6E6E6", Box: true}}}}, Span: 2, Merge: docx.Restart},
				{Merge: docx.Continue},
			},
		},
	})
	d.EndSection(docx.Section{Landscape: true})
	d.Add(docx.Paragraph{Runs: []docx.Run{{Text: "بعد الجدول"}}})
	doc := parts(t, d)["word/document.xml"]
	for _, want := range []string{
		`<w:bidiVisual/>`, `<w:tblHeader/>`, `<w:cantSplit/>`, `<w:gridCol w:w="4000"/>`, `w:fill="D9D9D9"`,
		`<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`, `<w:pgSz w:w="11906" w:h="16838"/>`,
		`<w:delText xml:space="preserve">قديم</w:delText>`, `<w:u w:val="single"/>`,
		`<w:tcW w:w="8000" w:type="dxa"/><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>`, `<w:tcW w:w="2000" w:type="dxa"/><w:vMerge/>`,
		`<w:pPr><w:bidi/><w:spacing w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:ins w:id="2"`,
		`<w:strike/><w:color w:val="A00000"/><w:bdr w:val="dotted" w:sz="4" w:space="0" w:color="auto"/><w:shd w:val="clear" w:color="auto" w:fill="E6E6E6"/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if n := strings.Count(doc, "<w:sectPr>"); n != 3 {
		t.Errorf("%d sections, want 3 (portrait, landscape, portrait)", n)
	}
	if n := strings.Count(doc, "<w:spacing "); n != 1 {
		t.Errorf("%d paragraphs spaced on their own, want the one compact cell", n)
	}
	if n := strings.Count(doc, "<w:tblHeader/>"); n != 1 {
		t.Errorf("%d header rows, want 1", n)
	}
	if i, j := strings.Index(doc, `w:orient="landscape"`), strings.Index(doc, "بعد الجدول"); i < 0 || i > j {
		t.Error("the landscape section does not end before the text that follows the table")
	}
	// The date is the wall time in the document's zone: UTC here.
	if !strings.Contains(doc, `w:date="2026-07-01T09:30:00Z"`) {
		t.Error("the revision is not dated 2026-07-01T09:30:00Z")
	}
}

// A section that numbers its pages has a footer with the page's number,
// which the package names and the section refers to; a document that
// numbers none has no footer at all.
func TestPageNumbers(t *testing.T) {
	d := docx.New(docx.Options{RTL: true, Section: docx.Section{Landscape: true, PageNumbers: true}})
	d.Add(docx.Paragraph{Runs: []docx.Run{{Text: "نص"}}})
	d.EndSection(docx.Section{})
	d.Add(docx.Paragraph{Runs: []docx.Run{{Text: "جدول"}}})
	ps := parts(t, d)
	footer, ok := ps["word/footer1.xml"]
	if !ok {
		t.Fatalf("no footer among the parts %v", slices.Sorted(maps.Keys(ps)))
	}
	for _, want := range []string{`<w:fldSimple w:instr=" PAGE ">`, `<w:jc w:val="center"/>`, `<w:bidi/>`} {
		if !strings.Contains(footer, want) {
			t.Errorf("the footer lacks %s:\n%s", want, footer)
		}
	}
	if !strings.Contains(ps["[Content_Types].xml"], `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`) {
		t.Error("[Content_Types].xml does not name the footer")
	}
	if !strings.Contains(ps["word/_rels/document.xml.rels"], `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>`) {
		t.Error("the document's relationships do not name the footer")
	}
	doc := ps["word/document.xml"]
	// The first section does not number its pages; the last does.
	if n := strings.Count(doc, `<w:footerReference w:type="default" r:id="rId3"/>`); n != 1 || !strings.Contains(doc, `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`) {
		t.Errorf("%d sections refer to the footer, want 1 with its namespace declared:\n%s", n, doc)
	}
	if i, j := strings.Index(doc, "footerReference"), strings.Index(doc, "جدول"); i < j {
		t.Error("the section without page numbers refers to the footer")
	}

	plain := parts(t, docx.New(docx.Options{}))
	if _, ok := plain["word/footer1.xml"]; ok || strings.Contains(plain["[Content_Types].xml"], "footer") || strings.Contains(plain["word/document.xml"], "xmlns:r=") {
		t.Error("a document without page numbers has a footer")
	}
}

// Revisions are numbered once through the file, marks and runs, text and
// tables alike; a paragraph's runs that share a revision share one w:ins.
func TestRevisionIDsAreUnique(t *testing.T) {
	d := docx.New(docx.Options{RTL: true, Zone: time.FixedZone("+01", 3600)})
	at := time.Date(2026, 7, 1, 23, 30, 0, 0, time.UTC)
	ins, del := docx.Ins("FM", at), docx.Del("CS", at)
	d.Add(docx.Paragraph{Runs: []docx.Run{{Text: "أ", Change: ins}, {Text: "ب", Bold: true, Change: ins}, {Text: "ج"}, {Text: "د", Change: del}}, Mark: ins})
	d.AddTable(docx.Table{Widths: []int{1000}, Rows: [][]docx.Cell{{{Paragraphs: []docx.Paragraph{{Runs: []docx.Run{{Text: "هـ", Change: del}}, Mark: del}}}}}})
	d.Add(docx.Paragraph{Runs: []docx.Run{{Text: "و", Change: del}}, Mark: del})
	doc := parts(t, d)["word/document.xml"]
	var ids []string
	for _, s := range strings.Split(doc, `w:id="`)[1:] {
		ids = append(ids, s[:strings.IndexByte(s, '"')])
	}
	want := []string{"1", "2", "3", "4", "5", "6", "7"} // mark, ins run pair, del run; cell mark, cell run; mark, run
	if !slices.Equal(ids, want) {
		t.Errorf("revision IDs %v, want %v", ids, want)
	}
	if n := strings.Count(doc, "<w:ins "); n != 2 {
		t.Errorf("%d w:ins, want 2 (the mark, and one around both inserted runs)", n)
	}
	// A deleted last paragraph cannot hold the document's last mark: an
	// empty paragraph follows it.
	if !strings.HasSuffix(doc, `<w:p><w:pPr><w:bidi/></w:pPr></w:p><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/><w:bidi/></w:sectPr></w:body></w:document>`) {
		t.Errorf("the document does not end with an empty paragraph after the deleted one:\n%s", doc[max(0, len(doc)-400):])
	}
	// 23:30 UTC is half past midnight the next day at UTC+1.
	if !strings.Contains(doc, `w:date="2026-07-02T00:30:00Z"`) {
		t.Error("revision dates are not the wall time of the zone")
	}
}

// Alignment is logical: End is w:jc="right", which a w:bidi paragraph
// reads as its end; Start is "left", its start.
func TestAlignmentIsLogical(t *testing.T) {
	for _, c := range []struct {
		a    docx.Align
		want string
	}{{docx.Start, `<w:jc w:val="left"/>`}, {docx.End, `<w:jc w:val="right"/>`}, {docx.Center, `<w:jc w:val="center"/>`}, {docx.Justify, `<w:jc w:val="both"/>`}} {
		d := docx.New(docx.Options{RTL: true})
		d.Add(docx.Paragraph{Align: c.a, Runs: []docx.Run{{Text: "نص"}}})
		if doc := parts(t, d)["word/document.xml"]; !strings.Contains(doc, "<w:bidi/>"+c.want) {
			t.Errorf("align %d: want %s after w:bidi", c.a, c.want)
		}
	}
}

// One document gives the same bytes each time.
func TestDeterministic(t *testing.T) {
	build := func() []byte {
		d := docx.New(docx.Options{Title: "عنوان", Creator: "FED", Created: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)})
		d.Add(docx.Paragraph{Style: docx.Heading(3), Runs: []docx.Run{{Text: "الباب الأول"}}})
		var b bytes.Buffer
		if _, err := d.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if !bytes.Equal(build(), build()) {
		t.Error("two writes of one document differ")
	}
	if docx.Heading(0) != "Heading1" || docx.Heading(9) != "Heading6" || docx.Heading(4) != "Heading4" {
		t.Error("Heading does not keep to levels 1 to 6")
	}
}

// A failing writer's error is returned.
func TestWriteError(t *testing.T) {
	d := docx.New(docx.Options{})
	d.Add(docx.Paragraph{Runs: []docx.Run{{Text: strings.Repeat("نص ", 100000)}}})
	boom := errors.New("disk full")
	if _, err := d.WriteTo(failing{boom}); !errors.Is(err, boom) {
		t.Errorf("%v, want the writer's error", err)
	}
}

type failing struct{ err error }

func (f failing) Write([]byte) (int, error) { return 0, f.err }

// Any text goes in a run and comes out as itself, less what XML 1.0
// cannot hold (and bytes that are not UTF-8, as U+FFFD); tabs and line
// feeds become elements of their own, outside w:t; every part stays
// well-formed.
func FuzzRunText(f *testing.F) {
	for _, s := range []string{"", "نص عربي", "a<b>&c\"d'e", "\x00\x01\x1f\t\n\r", "\ufffe\uffff\U0001F600", "\xff\xfe", "]]>", "</w:t><w:t>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := docx.New(docx.Options{Title: s})
		d.Add(docx.Paragraph{Runs: []docx.Run{{Text: s}, {Text: s, Change: docx.Del(s, time.Time{})}}})
		p := parts(t, d)
		doc := p["word/document.xml"]
		got := strings.Join(texts(t, doc, "t"), "")
		if !utf8.ValidString(doc) {
			t.Error("document.xml is not UTF-8")
		}
		if !utf8.ValidString(s) {
			return // each byte that is not UTF-8 is a U+FFFD; well-formed is what counts
		}
		var want strings.Builder
		for _, r := range s {
			if r == 0xD || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || r >= 0x10000 {
				want.WriteRune(r)
			}
		}
		if got != want.String() {
			t.Errorf("w:t reads %q, want %q", got, want.String())
		}
		if del := strings.Join(texts(t, doc, "delText"), ""); del != got {
			t.Errorf("w:delText reads %q, want %q", del, got)
		}
	})
}
