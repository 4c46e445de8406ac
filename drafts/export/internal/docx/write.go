package docx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"statute/drafts/export/internal/xmltext"
)

// zipTime is the time of every entry: the first a zip can hold, so that
// the bytes depend on the document alone.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// countingWriter counts what it passes on, for WriteTo's result.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// WriteTo writes the document to w as a .docx file. The only errors are
// w's.
func (d *Document) WriteTo(w io.Writer) (int64, error) {
	cw := &countingWriter{w: w}
	z := zip.NewWriter(cw)
	parts := []struct {
		name string
		body func(*bufio.Writer)
	}{
		{"[Content_Types].xml", d.contentTypes},
		{"_rels/.rels", func(b *bufio.Writer) { b.WriteString(packageRels) }},
		{"docProps/core.xml", d.core},
		{"docProps/app.xml", func(b *bufio.Writer) { b.WriteString(appProps) }},
		{"word/document.xml", d.document},
		{"word/styles.xml", d.styles},
		{"word/settings.xml", d.settings},
		{"word/_rels/document.xml.rels", d.documentRels},
	}
	if d.pageNumbers() {
		parts = append(parts, struct {
			name string
			body func(*bufio.Writer)
		}{"word/footer1.xml", d.footer})
	}
	// Each part is written straight into its zip entry: a table of
	// thousands of rows is tens of megabytes of XML, which a buffer
	// would hold whole and copy as it grew.
	b := bufio.NewWriterSize(nil, 64<<10)
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return cw.n, err
		}
		b.Reset(f)
		p.body(b)
		if err := b.Flush(); err != nil {
			return cw.n, err
		}
	}
	err := z.Close()
	return cw.n, err
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// pageNumbers reports whether a section of the document numbers its
// pages, which then share one footer part.
func (d *Document) pageNumbers() bool {
	if d.opt.Section.PageNumbers {
		return true
	}
	for _, bl := range d.blocks {
		if bl.end != nil && bl.end.PageNumbers {
			return true
		}
	}
	return false
}

func (d *Document) contentTypes(b *bufio.Writer) {
	b.WriteString(contentTypes)
	if d.pageNumbers() {
		b.WriteString(`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`)
	}
	b.WriteString(`</Types>`)
}

func (d *Document) documentRels(b *bufio.Writer) {
	b.WriteString(documentRels)
	if d.pageNumbers() {
		b.WriteString(`<Relationship Id="` + footerID + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>`)
	}
	b.WriteString(`</Relationships>`)
}

// footerID is the relationship of the footer that numbers the pages.
const footerID = "rId3"

// relsNS is the namespace of relationship IDs, declared where a part
// refers to another.
const relsNS = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// footer writes the footer that holds the page's number: a PAGE field,
// whose «1» Word and LibreOffice replace as they lay the pages out.
func (d *Document) footer(b *bufio.Writer) {
	b.WriteString(xmlHeader + `<w:ftr ` + wordNS + ` ` + relsNS + `><w:p><w:pPr>`)
	if d.opt.RTL {
		b.WriteString(`<w:bidi/>`)
	}
	b.WriteString(`<w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`)
}

// contentTypes, documentRels: the parts every document has, their
// closing tags written after those of the parts some have.
const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`

const packageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>`

const appProps = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>Statute Workbench</Application></Properties>`

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func (d *Document) core(b *bufio.Writer) {
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(name, s string) {
		if s == "" {
			return
		}
		b.WriteString("<" + name + ">")
		escape(b, s)
		b.WriteString("</" + name + ">")
	}
	elem("dc:title", d.opt.Title)
	elem("dc:creator", d.opt.Creator)
	elem("dc:language", d.opt.Lang)
	if !d.opt.Created.IsZero() {
		b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + d.opt.Created.UTC().Format(time.RFC3339) + `</dcterms:created>`)
	}
	b.WriteString(`</cp:coreProperties>`)
}

// langs is the w:lang of the document's defaults: the Latin language and
// the complex-script one.
func (d *Document) langs() string {
	latin, bidi := "fr-FR", "ar-MA"
	if !d.opt.RTL && d.opt.Lang != "" {
		latin = d.opt.Lang
	}
	if d.opt.RTL && d.opt.Lang != "" {
		bidi = d.opt.Lang
	}
	return `<w:lang w:val="` + latin + `" w:bidi="` + bidi + `"/>`
}

func (d *Document) settings(b *bufio.Writer) {
	b.WriteString(xmlHeader + `<w:settings ` + wordNS + `>`)
	b.WriteString(`<w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/>`)
	b.WriteString(`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>`)
	b.WriteString(`<w:themeFontLang w:val="fr-FR" w:bidi="ar-MA"/>`)
	b.WriteString(`</w:settings>`)
}

// headingSizes are the sizes of Heading1 to Heading6 in half-points.
var headingSizes = [6]int{36, 34, 32, 30, 28, 28}

func (d *Document) styles(b *bufio.Writer) {
	o := d.opt
	fonts := `<w:rFonts w:ascii="` + attr(o.Font) + `" w:hAnsi="` + attr(o.Font) + `" w:cs="` + attr(o.ComplexFont) + `"/>`
	size := func(hp int) string {
		n := strconv.Itoa(hp)
		return `<w:sz w:val="` + n + `"/><w:szCs w:val="` + n + `"/>`
	}
	bidi := ""
	if o.RTL {
		bidi = `<w:bidi/>`
	}
	b.WriteString(xmlHeader + `<w:styles ` + wordNS + `>`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + fonts + size(o.Size) + d.langs() + `</w:rPr></w:rPrDefault>`)
	b.WriteString(`<w:pPrDefault><w:pPr>` + bidi + `<w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>`)
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:spacing w:after="360"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/>` + size(40) + `</w:rPr></w:style>`)
	for i, hp := range headingSizes {
		n := strconv.Itoa(i + 1)
		jc := `<w:jc w:val="center"/>`
		if i == 5 {
			jc = ""
		}
		b.WriteString(`<w:style w:type="paragraph" w:styleId="Heading` + n + `"><w:name w:val="heading ` + n + `"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>` +
			`<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>` + jc + `<w:outlineLvl w:val="` + strconv.Itoa(i) + `"/></w:pPr>` +
			`<w:rPr><w:b/><w:bCs/>` + size(hp) + `</w:rPr></w:style>`)
	}
	b.WriteString(`</w:styles>`)
}

// writer writes word/document.xml, numbering the revisions as it goes.
type writer struct {
	b   *bufio.Writer
	d   *Document
	ids int // the last revision ID given
}

func (d *Document) document(b *bufio.Writer) {
	w := &writer{b: b, d: d}
	ns := wordNS
	if d.pageNumbers() {
		ns += ` ` + relsNS
	}
	b.WriteString(xmlHeader + `<w:document ` + ns + `><w:body>`)
	var last *Paragraph
	for _, bl := range d.blocks {
		switch {
		case bl.p != nil:
			w.paragraph(bl.p, nil)
			last = bl.p
		case bl.t != nil:
			w.table(bl.t)
			last = nil
		case bl.end != nil:
			w.paragraph(&Paragraph{}, bl.end)
			last = nil
		}
	}
	if last != nil && last.Mark != nil {
		w.paragraph(&Paragraph{}, nil) // the document's last mark, which no revision may remove
	}
	w.section(d.opt.Section)
	b.WriteString(`</w:body></w:document>`)
}

func (w *writer) paragraph(p *Paragraph, end *Section) {
	b := w.b
	b.WriteString(`<w:p><w:pPr>`)
	if p.Style != "" && p.Style != Normal {
		b.WriteString(`<w:pStyle w:val="` + attr(string(p.Style)) + `"/>`)
	}
	if p.KeepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if w.d.opt.RTL {
		b.WriteString(`<w:bidi/>`)
	}
	if p.Compact {
		b.WriteString(`<w:spacing w:after="40" w:line="240" w:lineRule="auto"/>`)
	}
	switch p.Align {
	case Start:
		b.WriteString(`<w:jc w:val="left"/>`) // the start, in a w:bidi paragraph too
	case Center:
		b.WriteString(`<w:jc w:val="center"/>`)
	case End:
		b.WriteString(`<w:jc w:val="right"/>`)
	case Justify:
		b.WriteString(`<w:jc w:val="both"/>`)
	}
	if p.Mark != nil {
		b.WriteString(`<w:rPr>`)
		w.revision(p.Mark, true)
		b.WriteString(`</w:rPr>`)
	}
	if end != nil {
		w.section(*end)
	}
	b.WriteString(`</w:pPr>`)
	for i := 0; i < len(p.Runs); {
		c := p.Runs[i].Change
		j := i + 1
		for j < len(p.Runs) && p.Runs[j].Change == c {
			j++
		}
		if c != nil {
			w.revision(c, false)
		}
		for _, r := range p.Runs[i:j] {
			w.run(&r)
		}
		if c != nil {
			w.closeRevision(c)
		}
		i = j
	}
	b.WriteString(`</w:p>`)
}

// revision opens w:ins or w:del for r, or writes it empty (mark) for a
// paragraph's mark.
func (w *writer) revision(r *Revision, mark bool) {
	w.ids++
	tag := "w:ins"
	if r.Kind == Deletion {
		tag = "w:del"
	}
	w.b.WriteString("<" + tag + ` w:id="` + strconv.Itoa(w.ids) + `" w:author="`)
	escapeAttr(w.b, r.Author)
	w.b.WriteString(`"`)
	if !r.Date.IsZero() {
		// Word writes and reads local wall time, marked Z all the same.
		w.b.WriteString(` w:date="` + r.Date.In(w.d.opt.Zone).Format("2006-01-02T15:04:05") + `Z"`)
	}
	if mark {
		w.b.WriteString(`/>`)
	} else {
		w.b.WriteString(`>`)
	}
}

func (w *writer) closeRevision(r *Revision) {
	if r.Kind == Deletion {
		w.b.WriteString(`</w:del>`)
	} else {
		w.b.WriteString(`</w:ins>`)
	}
}

func (w *writer) run(r *Run) {
	b := w.b
	b.WriteString(`<w:r>`)
	if r.Bold || r.Italic || r.Strike || r.Color != "" || r.Size > 0 || r.Underline || r.Box || r.Fill != "" || w.d.opt.RTL {
		b.WriteString(`<w:rPr>`)
		w.runProperties(r)
		b.WriteString(`</w:rPr>`)
	}
	textTag := "w:t"
	if r.Change != nil && r.Change.Kind == Deletion {
		textTag = "w:delText"
	}
	// Tabs and line feeds are elements of their own between pieces of text.
	s := r.Text
	for s != "" {
		i := 0
		for i < len(s) && s[i] != '\t' && s[i] != '\n' {
			i++
		}
		if i > 0 {
			b.WriteByte('<')
			b.WriteString(textTag)
			b.WriteString(` xml:space="preserve">`)
			escape(b, s[:i])
			b.WriteString("</")
			b.WriteString(textTag)
			b.WriteByte('>')
		}
		if i < len(s) {
			if s[i] == '\t' {
				b.WriteString(`<w:tab/>`)
			} else {
				b.WriteString(`<w:br/>`)
			}
			i++
		}
		s = s[i:]
	}
	b.WriteString(`</w:r>`)
}

func (w *writer) table(t *Table) {
	b := w.b
	b.WriteString(`<w:tbl><w:tblPr>`)
	if w.d.opt.RTL {
		b.WriteString(`<w:bidiVisual/>`)
	}
	total := 0
	for _, x := range t.Widths {
		total += x
	}
	b.WriteString(`<w:tblW w:w="` + strconv.Itoa(total) + `" w:type="dxa"/>`)
	b.WriteString(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for _, x := range t.Widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(x) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for i, row := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if i < t.HeaderRows {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		col := 0 // the grid column the cell starts at
		for _, c := range row {
			span := max(c.Span, 1)
			width := 0
			for k := col; k < col+span && k < len(t.Widths); k++ {
				width += t.Widths[k]
			}
			col += span
			b.WriteString(`<w:tc><w:tcPr>`)
			if width > 0 {
				b.WriteString(`<w:tcW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/>`)
			}
			if span > 1 {
				b.WriteString(`<w:gridSpan w:val="` + strconv.Itoa(span) + `"/>`)
			}
			switch c.Merge {
			case Restart:
				b.WriteString(`<w:vMerge w:val="restart"/>`)
			case Continue:
				b.WriteString(`<w:vMerge/>`)
			}
			if c.Fill != "" {
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + attr(c.Fill) + `"/>`)
			}
			b.WriteString(`</w:tcPr>`)
			if len(c.Paragraphs) == 0 {
				w.paragraph(&Paragraph{}, nil)
			}
			for k := range c.Paragraphs {
				w.paragraph(&c.Paragraphs[k], nil)
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

// section writes the properties of a section laid out by s.
func (w *writer) section(s Section) {
	width, height := 11906, 16838 // A4 in twentieths of a point
	orient := ""
	if s.Landscape {
		width, height = height, width
		orient = ` w:orient="landscape"`
	}
	m := s.Margin
	if m <= 0 {
		m = 1134
	}
	ms := strconv.Itoa(m)
	w.b.WriteString(`<w:sectPr>`)
	if s.PageNumbers {
		w.b.WriteString(`<w:footerReference w:type="default" r:id="` + footerID + `"/>`)
	}
	w.b.WriteString(`<w:pgSz w:w="` + strconv.Itoa(width) + `" w:h="` + strconv.Itoa(height) + `"` + orient + `/>` +
		`<w:pgMar w:top="` + ms + `" w:right="` + ms + `" w:bottom="` + ms + `" w:left="` + ms + `" w:header="709" w:footer="709" w:gutter="0"/>`)
	if w.d.opt.RTL {
		w.b.WriteString(`<w:bidi/>`)
	}
	w.b.WriteString(`</w:sectPr>`)
}

// runProperties writes the properties of run r, in the order the schema
// gives them.
func (w *writer) runProperties(r *Run) {
	b := w.b
	if r.Bold {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	if r.Italic {
		b.WriteString(`<w:i/><w:iCs/>`)
	}
	if r.Strike {
		b.WriteString(`<w:strike/>`)
	}
	if r.Color != "" {
		b.WriteString(`<w:color w:val="` + attr(r.Color) + `"/>`)
	}
	if r.Size > 0 {
		n := strconv.Itoa(r.Size)
		b.WriteString(`<w:sz w:val="` + n + `"/><w:szCs w:val="` + n + `"/>`)
	}
	if r.Underline {
		b.WriteString(`<w:u w:val="single"/>`)
	}
	if r.Box {
		b.WriteString(`<w:bdr w:val="dotted" w:sz="4" w:space="0" w:color="auto"/>`)
	}
	if r.Fill != "" {
		b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + attr(r.Fill) + `"/>`)
	}
	if w.d.opt.RTL {
		b.WriteString(`<w:rtl/>`)
	}
}

// attr is s escaped for an attribute.
func attr(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r >= utf8.RuneSelf || strings.ContainsRune(`<>&"'`, r) }) {
		return s // a colour, a style's name: nothing to escape
	}
	var buf bytes.Buffer
	b := bufio.NewWriter(&buf)
	escapeAttr(b, s)
	b.Flush()
	return buf.String()
}

// escape writes s as XML text (xmltext.Escape).
func escape(b *bufio.Writer, s string) { xmltext.Escape(b, s, false) }

// escapeAttr writes s as an attribute's value (xmltext.Escape).
func escapeAttr(b *bufio.Writer, s string) { xmltext.Escape(b, s, true) }
