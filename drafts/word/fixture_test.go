package word_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"slices"
	"strings"
	"testing"

	"statute/drafts"
)

// A fixture is a .docx made in the test: the XML inside w:body, and the
// other parts a test needs. Word and LibreOffice write far more; the
// reader must need no more than this.
type fixture struct {
	body      string
	styles    string // the w:style elements, or "" for no styles part
	numbering string // the w:abstractNum and w:num elements, or ""
	// headers are the bodies (w:p elements) of headers, one part each.
	headers []string
	// extra are more parts, by name, such as a spreadsheet's.
	extra map[string]string
	// noDocument leaves word/document.xml out.
	noDocument bool
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"`

func (f fixture) docx(t testing.TB) []byte {
	t.Helper()
	parts := map[string]string{}
	var rels strings.Builder
	rel := func(id, kind, target string) {
		fmt.Fprintf(&rels, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>`, id, kind, target)
	}
	if !f.noDocument {
		parts["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
		parts["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
		parts["word/document.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + f.body + `<w:sectPr/></w:body></w:document>`
	}
	if f.styles != "" {
		parts["word/styles.xml"] = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNS + `>` + f.styles + `</w:styles>`
		rel("rIdS", "styles", "styles.xml")
	}
	if f.numbering != "" {
		parts["word/numbering.xml"] = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + wordNS + `>` + f.numbering + `</w:numbering>`
		rel("rIdN", "numbering", "numbering.xml")
	}
	for i, h := range f.headers {
		name := fmt.Sprintf("header%d.xml", i+1)
		parts["word/"+name] = `<?xml version="1.0" encoding="UTF-8"?><w:hdr ` + wordNS + `>` + h + `</w:hdr>`
		rel(fmt.Sprintf("rIdH%d", i), "header", name)
	}
	if rels.Len() > 0 {
		parts["word/_rels/document.xml.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`
	}
	for name, data := range f.extra {
		parts[name] = data
	}
	return zipOf(t, parts)
}

// zipOf writes a zip of the parts, in the order of their names.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// p is a paragraph of the given style ("" for none) holding one run of
// text; more is put inside the paragraph after its properties, before the
// run.
func p(style, text string) string {
	return pp(style, "", run(text))
}

// pp is a paragraph with its style, more properties and its content.
func pp(style, props, content string) string {
	pPr := props
	if style != "" {
		pPr = `<w:pStyle w:val="` + style + `"/>` + pPr
	}
	if pPr != "" {
		pPr = "<w:pPr>" + pPr + "</w:pPr>"
	}
	return "<w:p>" + pPr + content + "</w:p>"
}

// run is a run of text, with the right-to-left property Word gives Arabic.
func run(text string) string {
	if text == "" {
		return ""
	}
	return `<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">` + html.EscapeString(text) + `</w:t></w:r>`
}

// headingStyles are the heading styles as Word defines them: "heading N"
// with its outline level, based on Normal, and Title.
const headingStyles = `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading5"><w:name w:val="heading 5"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="4"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading6"><w:name w:val="heading 6"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="5"/></w:pPr></w:style>`

// exportLike writes d as a .docx the way the app's DOCX export lays a
// draft out: the title in the Title style, each division and article
// heading line in a heading style one level below the division that holds
// it («المادة 3: مهام الغرفة» as one paragraph), then one paragraph for
// each of the article's paragraphs, all right to left.
func exportLike(t testing.TB, d *drafts.Draft) []byte {
	t.Helper()
	return fixture{body: exportLikeBody(d), styles: headingStyles}.docx(t)
}

// exportLikeBody is the body of exportLike's document.
func exportLikeBody(d *drafts.Draft) string {
	var b strings.Builder
	bidi := `<w:bidi/>`
	b.WriteString(pp("Title", bidi, run(d.Title)))
	for _, para := range d.Preamble {
		b.WriteString(pp("", bidi, run(para)))
	}
	depth := make([]int, len(d.Divisions))
	for i, dv := range d.Divisions {
		if dv.Parent >= 0 {
			depth[i] = depth[dv.Parent] + 1
		}
	}
	written := 0
	divisions := func(upTo int) {
		for ; written <= upTo && written < len(d.Divisions); written++ {
			b.WriteString(pp(fmt.Sprintf("Heading%d", min(1+depth[written], 6)), bidi, run(d.Divisions[written].Heading)))
		}
	}
	for _, a := range d.Articles {
		divisions(a.Division)
		level := 1
		if a.Division >= 0 {
			level = 2 + depth[a.Division]
		}
		heading := d.Word() + " " + a.Number
		if a.Heading != "" {
			heading += ": " + a.Heading
		}
		b.WriteString(pp(fmt.Sprintf("Heading%d", min(level, 6)), bidi, run(heading)))
		for _, para := range a.Paragraphs {
			b.WriteString(pp("", bidi, run(para)))
		}
	}
	divisions(len(d.Divisions) - 1)
	return b.String()
}
