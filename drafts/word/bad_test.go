package word_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/parse"
	"statute/drafts/word"
)

// refused checks that reading data is refused as Invalid with the
// sentence of that ID, naming the file.
func refused(t *testing.T, data []byte, id, says string) {
	t.Helper()
	d, warnings, err := word.Read("draft.docx", data, parse.Options{})
	var e *drafts.Error
	if !errors.As(err, &e) || e.Kind != drafts.Invalid || e.ID != id || !strings.Contains(err.Error(), "draft.docx") || !strings.Contains(err.Error(), says) {
		t.Fatalf("got %v (%+v), want Invalid %s naming the file and saying %q", err, e, id, says)
	}
	if d != nil || warnings != nil {
		t.Errorf("a refused file gave a draft or warnings")
	}
}

// Files that are not Word documents are named for what they are, with
// what to do.
func TestNotAWordDocument(t *testing.T) {
	good := fixture{body: p("", "المادة 1") + p("", "نص.")}.docx(t)
	for _, c := range []struct {
		name, id, says string
		data           []byte
	}{
		{"a zip cut short", "word.not-zip", "damaged or incomplete", good[:len(good)/2]},
		{"not a zip at all", "word.not-zip", "save it again as a Word document", []byte("PK\x03\x04 not really")},
		{"another zip", "word.zip", "is a zip archive, not a Word document", zipOf(t, map[string]string{"notes.txt": "المادة 1"})},
		{"an Excel workbook", "word.excel", "Excel workbook (.xlsx)", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})},
		{"an Excel workbook as Excel writes it", "word.excel", "Excel workbook (.xlsx)", zipOf(t, map[string]string{
			"_rels/.rels":     `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
			"xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`,
		})},
		{"a PowerPoint presentation", "word.powerpoint", "PowerPoint presentation", zipOf(t, map[string]string{"ppt/presentation.xml": "<p/>"})},
		{"an OpenDocument text", "word.odt", "save it as a Word document (.docx)", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})},
		{"an OpenDocument spreadsheet", "word.opendocument", "OpenDocument spreadsheet or presentation", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})},
		{"a main part that is not XML", "word.bad-xml", "is not well-formed XML (line 1)", zipOf(t, map[string]string{"word/document.xml": "<w:document " + wordNS + "><w:body><w:p></w:body>"})},
		{"entities that would grow a billionfold", "word.bad-xml", "is not well-formed XML", zipOf(t, map[string]string{"word/document.xml": `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>` +
			`<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`})},
		{"an empty main part", "word.bad-xml", "word/document.xml", zipOf(t, map[string]string{"word/document.xml": ""})},
		{"no text", "word.no-text", "no text in its body", fixture{body: p("", "") + p("", "  ")}.docx(t)},
		{"a draft in a table", "word.in-tables", "convert the table to text", fixture{body: p("", "نظام") +
			`<w:tbl><w:tr><w:tc><w:p>` + run("المادة 1") + `</w:p><w:p>` + run("نص.") + `</w:p></w:tc><w:tc><w:p>` + run("Article 1") + `</w:p></w:tc></w:tr></w:tbl>`}.docx(t)},
	} {
		t.Run(c.name, func(t *testing.T) { refused(t, c.data, c.id, c.says) })
	}
}

// A file made to harm is refused before it costs much: a part that
// unpacks to more than the limit, whether its size says so or lies, too
// many entries, XML nested without end, more text than a draft holds.
func TestHostileFiles(t *testing.T) {
	t.Run("a zip bomb", func(t *testing.T) {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, err := zw.Create("word/document.xml")
		if err != nil {
			t.Fatal(err)
		}
		chunk := make([]byte, 1<<20)
		for range word.MaxPartBytes>>20 + 1 {
			if _, err := w.Write(chunk); err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if b.Len() > 1<<20 {
			t.Fatalf("the bomb weighs %d bytes", b.Len())
		}
		refused(t, b.Bytes(), "word.zip-bomb", "unpacks to more than a Word document does (its part word/document.xml, over 64 MB)")
	})
	t.Run("a part lying about its size", func(t *testing.T) {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		body := `<w:document ` + wordNS + `><w:body>` + strings.Repeat(p("", "المادة 1 نص"), 100) + `</w:body></w:document>`
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, body); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		data := b.Bytes()
		// Declare 100 bytes in the central directory, as a bomb does to
		// pass a check of declared sizes.
		at := bytes.LastIndex(data, []byte("PK\x01\x02"))
		putUint32(data[at+24:], 100)
		refused(t, data, "word.zip-bomb", "it may be made to harm")
	})
	t.Run("too many entries", func(t *testing.T) {
		parts := map[string]string{"word/document.xml": "<w:document/>"}
		for i := range word.MaxEntries {
			parts["word/media/image"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+itoa(i)+".png"] = ""
		}
		refused(t, zipOf(t, parts), "word.too-many-entries", "more than a Word document does (at most 5000)")
	})
	t.Run("XML nested without end", func(t *testing.T) {
		deep := strings.Repeat("<w:sdt><w:sdtContent>", 200_000) + strings.Repeat("</w:sdtContent></w:sdt>", 200_000)
		refused(t, fixture{body: deep}.docx(t), "word.too-deep", "more than 256 deep")
	})
	t.Run("too many paragraphs", func(t *testing.T) {
		refused(t, fixture{body: strings.Repeat("<w:p/>", word.MaxParagraphs+1)}.docx(t), "word.too-many", "over 200000 paragraphs, styles or lists")
	})
	t.Run("too many styles", func(t *testing.T) {
		style := `<w:style w:type="paragraph" w:styleId="S"/>`
		refused(t, fixture{body: p("", "المادة 1"), styles: strings.Repeat(style, word.MaxDefinitions+1)}.docx(t), "word.too-many", "its part word/styles.xml")
	})
	t.Run("too many lists", func(t *testing.T) {
		refused(t, fixture{body: p("", "المادة 1"), numbering: strings.Repeat(`<w:num w:numId="1"/>`, word.MaxDefinitions+1)}.docx(t), "word.too-many", "its part word/numbering.xml")
	})
	t.Run("more text than a draft", func(t *testing.T) {
		text := strings.Repeat("نص طويل ", 1000)
		refused(t, fixture{body: p("", "المادة 1") + strings.Repeat(p("", text), parse.MaxDraftBytes/len(text)+1)}.docx(t),
			"word.text-too-large", "over the limit of 16 MB for a draft")
	})
}

// A draft the parser refuses is refused with parse's sentence, after the
// file's name.
func TestParseErrorsNameTheFile(t *testing.T) {
	_, _, err := word.Read("draft.docx", fixture{body: p("", "المادة 1") + p("", "نص.") + p("", "المادة 1") + p("", "نص.")}.docx(t), parse.Options{})
	if !drafts.IsKind(err, drafts.Invalid) || !strings.HasPrefix(err.Error(), "draft.docx: line 3: ") || !strings.Contains(err.Error(), "repeats article 1") {
		t.Fatalf("got %v", err)
	}
}

// A document saved as Strict Open XML, in the other namespace, reads the
// same.
func TestStrictOpenXML(t *testing.T) {
	data := fixture{body: p("", "نظام") + p("", "المادة 1") + p("", "نص.")}.docx(t)
	strict := zipOf(t, unzip(t, data, func(s string) string {
		return strings.ReplaceAll(s, "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main")
	}))
	d, _ := read(t, strict)
	sameStrings(t, "articles", articles(d), []string{"1 | نص."})
}

func unzip(t *testing.T, data []byte, edit func(string) string) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = edit(string(b))
	}
	return parts
}

func putUint32(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
