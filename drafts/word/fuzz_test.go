package word_test

import (
	"os"
	"path/filepath"
	"testing"

	"statute/drafts"
	"statute/drafts/parse"
	"statute/drafts/word"
)

// checkRead reads data as import does and checks what any input must
// give: a draft with articles and warnings on lines, notes without, or an
// Invalid error; never a panic, nor a read without bound.
func checkRead(t *testing.T, data []byte) {
	d, warnings, err := word.Read("fuzz.docx", data, parse.Options{})
	if err != nil {
		if k := drafts.KindOf(err); k != drafts.Invalid {
			t.Fatalf("error of kind %s: %v", k, err)
		}
		return
	}
	if len(d.Articles) == 0 {
		t.Fatal("a draft with no articles was read")
	}
	for _, w := range warnings {
		if w.ID == "" || w.Why == "" || (w.Line == 0) != (w.Text == "") {
			t.Fatalf("warning %+v", w)
		}
	}
}

// FuzzRead reads any bytes as a .docx.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"libreoffice-numbered.docx", "libreoffice-sample.docx", "libreoffice-tracked.docx"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(fixture{body: p("Heading1", "المادة 1") + p("", "نص."), styles: headingStyles}.docx(f))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(checkRead)
}

// FuzzDocumentXML reads a well-formed zip whose document, styles and
// numbering parts hold any text, which reaches the XML readers far more
// often than bytes of a zip do.
func FuzzDocumentXML(f *testing.F) {
	f.Add(p("Title", "نظام")+numbered(1, 0, "Heading2", "الموضوع")+p("", "نص.")+numbered(3, 1, "", "بند")+numbered(4, 0, "", ""), headingStyles, numberingXML)
	f.Add(`<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:t>المادة</w:t></w:r></w:p><w:p><w:r><w:t> 1</w:t></w:r></w:p><w:p><w:ins><w:r><w:t>نص</w:t><w:sym w:char="F0B7"/></w:r></w:ins></w:p>`,
		`<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="A"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`,
		`<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="A"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	f.Add(`<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:sdt><w:sdtContent><w:p><w:r><w:t>المادة 1</w:t></w:r></w:p></w:sdtContent></w:sdt><w:p><w:r><w:t>x</w:t></w:r></w:p>`, "", "")
	f.Fuzz(func(t *testing.T, body, styles, numbering string) {
		checkRead(t, fixture{body: body, styles: styles, numbering: numbering}.docx(t))
	})
}
