package word_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/export"
	"statute/drafts/parse"
	"statute/drafts/word"
	"statute/drafts/workload"
)

// read reads a fixture's .docx as import does, failing the test on error.
func read(t *testing.T, data []byte) (*drafts.Draft, []parse.Warning) {
	t.Helper()
	d, warnings, err := word.Read("draft.docx", data, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d, warnings
}

// articles lists a draft's articles as a user reads them in the outline:
// «number: heading | paragraph | paragraph».
func articles(d *drafts.Draft) []string {
	var out []string
	for _, a := range d.Articles {
		s := a.Number
		if a.Heading != "" {
			s += ": " + a.Heading
		}
		for _, p := range a.Paragraphs {
			s += " | " + p
		}
		out = append(out, s)
	}
	return out
}

func sameStrings(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

// Headings are known by their style, through the styles they are based
// on: an article heading in the other article word counts when it is
// styled as a heading, a title in the Title style is the draft's title,
// and a heading-styled paragraph that heads nothing is named by its style.
func TestHeadingsByStyle(t *testing.T) {
	styles := headingStyles +
		// «عنوان مادة» is based on «عنوان فرعي», itself on heading 4.
		`<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="عنوان فرعي"/><w:basedOn w:val="Heading4"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="ArticleHead"><w:name w:val="عنوان مادة"/><w:basedOn w:val="Sub"/></w:style>` +
		// Two styles based on each other: no heading, and no endless loop.
		`<w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="Loop A"/><w:basedOn w:val="LoopB"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="Loop B"/><w:basedOn w:val="LoopA"/></w:style>` +
		// A paragraph outline level makes a heading of a plain style too.
		`<w:style w:type="paragraph" w:styleId="Plain"><w:name w:val="Plain"/></w:style>`
	body := p("", "نظام داخلي") +
		p("Heading1", "الباب الأول: أحكام عامة") +
		p("ArticleHead", "المادة 1: الموضوع") +
		p("LoopA", "نص المادة الأولى.") +
		p("Heading4", "Article 1 bis") +
		p("", "نص مادة مدرجة.") +
		pp("Plain", `<w:outlineLvl w:val="3"/>`, run("المادة 2")) +
		p("", "نص المادة الثانية.") +
		p("Heading5", "ملاحظة تمهيدية") +
		p("", "نص آخر.")
	d, warnings := read(t, fixture{body: body, styles: styles}.docx(t))
	sameStrings(t, "articles", articles(d), []string{
		"1: الموضوع | نص المادة الأولى.",
		"1 bis | نص مادة مدرجة.",
		"2 | نص المادة الثانية. | ملاحظة تمهيدية | نص آخر.",
	})
	if d.Title != "نظام داخلي" || len(d.Divisions) != 1 || d.Divisions[0].Title != "أحكام عامة" {
		t.Errorf("title %q, divisions %+v", d.Title, d.Divisions)
	}
	if len(warnings) != 1 {
		t.Fatalf("warnings %v, want one about «ملاحظة تمهيدية»", warnings)
	}
	w := warnings[0]
	if w.ID != "word.warning.heading-style" || w.Text != "ملاحظة تمهيدية" || w.Article != "2" ||
		!strings.Contains(w.Why, "heading style «heading 5»") || !strings.Contains(w.Why, "«المادة 12»") {
		t.Errorf("warning %+v", w)
	}
}

// The Title style makes the draft's title even after a blank paragraph.
func TestTitleStyle(t *testing.T) {
	body := p("", "") + p("Title", "مشروع نظام") + p("", "ديباجة.") + p("", "المادة 1") + p("", "نص.")
	d, _ := read(t, fixture{body: body, styles: headingStyles}.docx(t))
	if d.Title != "مشروع نظام" || !slices.Equal(d.Preamble, []string{"ديباجة."}) {
		t.Errorf("title %q, preamble %q", d.Title, d.Preamble)
	}
}

// numberingXML defines three lists: articles numbered «المادة 1:» in
// digits (1), articles in ordinal words under divisions in ordinal words
// that do not restart them (2), and an enumeration in the letters of the
// abjad (3); list 4 is list 1 started again at 10.
const numberingXML = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="المادة %1:"/><w:suff w:val="space"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ordinalText"/><w:lvlText w:val="الباب %1"/><w:suff w:val="nothing"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="ordinalText"/><w:lvlText w:val="المادة %2"/><w:lvlRestart w:val="0"/></w:lvl>` +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="arabicAbjad"/><w:lvlText w:val="%1)"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>`

func numbered(id, level int, style, text string) string {
	return pp(style, `<w:numPr><w:ilvl w:val="`+strconv.Itoa(level)+`"/><w:numId w:val="`+strconv.Itoa(id)+`"/></w:numPr>`, run(text))
}

// Article numbers that Word generates are read as Word shows them:
// counted from the list's start, written in the level's format, started
// again where an instance of the list says so, and continued through a
// style that numbers its paragraphs.
func TestNumberingWritesArticleNumbers(t *testing.T) {
	styles := headingStyles +
		`<w:style w:type="paragraph" w:styleId="ArticleNum"><w:name w:val="Article numbered"/><w:basedOn w:val="Heading2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`
	body := p("Title", "نظام") +
		numbered(1, 0, "Heading2", "الموضوع") +
		p("", "نص المادة الأولى:") +
		numbered(3, 0, "", "الغرف؛") +
		numbered(3, 1, "", "ومنها الجامعة؛") +
		numbered(3, 0, "", "الجامعة.") +
		p("ArticleNum", "تعريفات") + // numbered by its style
		p("", "نص المادة الثانية.") +
		numbered(4, 0, "Heading2", "") + // list 1 started again at 10
		p("", "نص المادة العاشرة.") +
		numbered(4, 0, "Heading2", "") +
		p("", "نص المادة الحادية عشرة.")
	d, _ := read(t, fixture{body: body, styles: styles, numbering: numberingXML}.docx(t))
	sameStrings(t, "articles", articles(d), []string{
		"1: الموضوع | نص المادة الأولى: | أ) الغرف؛ | - ومنها الجامعة؛ | ب) الجامعة.",
		"2: تعريفات | نص المادة الثانية.",
		"10 | نص المادة العاشرة.",
		"11 | نص المادة الحادية عشرة.",
	})

	// Divisions and articles in ordinal words: the articles go on
	// counting from one division to the next.
	body = p("Title", "نظام") +
		numbered(2, 0, "Heading1", ": أحكام عامة") +
		numbered(2, 1, "Heading2", "") + p("", "نص.") +
		numbered(2, 1, "Heading2", "") + p("", "نص.") +
		numbered(2, 0, "Heading1", ": الأجهزة") +
		numbered(2, 1, "Heading2", "") + p("", "نص.")
	d, _ = read(t, fixture{body: body, styles: headingStyles, numbering: numberingXML}.docx(t))
	var keys, numbers, divisions []string
	for _, a := range d.Articles {
		keys, numbers = append(keys, a.Key), append(numbers, a.Number)
	}
	for _, dv := range d.Divisions {
		divisions = append(divisions, dv.Heading)
	}
	sameStrings(t, "keys", keys, []string{"1", "2", "3"})
	sameStrings(t, "numbers", numbers, []string{"الأولى", "الثانية", "الثالثة"})
	sameStrings(t, "divisions", divisions, []string{"الباب الأول: أحكام عامة", "الباب الثاني: الأجهزة"})
}

// Word puts a tab between a heading's number and its title, whether the
// number is generated («المادة %1», then a tab) or typed: it reads as the
// heading's separator, and in text as a space. A paragraph whose numPr
// gives only a level is numbered in its style's list.
func TestTabsAfterHeadingNumbers(t *testing.T) {
	numbering := `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="المادة %1"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>`
	styles := headingStyles +
		`<w:style w:type="paragraph" w:styleId="Art"><w:name w:val="Article"/><w:basedOn w:val="Heading2"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>`
	tab := `<w:r><w:tab/></w:r>`
	body := p("Title", "نظام") +
		pp("Heading1", "", run("الباب الأول")+tab+run("أحكام عامة")) +
		p("Art", "الموضوع") +
		pp("", "", run("يحدد")+tab+run("هذا النظام ما يلي:")) +
		pp("Art", `<w:numPr><w:ilvl w:val="1"/></w:numPr>`, run("أولا؛")) +
		p("Art", "")
	body += p("", "نص المادة الثانية.")
	d, _ := read(t, fixture{body: body, styles: styles, numbering: numbering}.docx(t))
	sameStrings(t, "articles", articles(d), []string{"1: الموضوع | يحدد هذا النظام ما يلي: | 1. أولا؛", "2 | نص المادة الثانية."})
	if len(d.Divisions) != 1 || d.Divisions[0].Heading != "الباب الأول: أحكام عامة" {
		t.Errorf("divisions %+v", d.Divisions)
	}
}

// A word split over runs, as Word splits text where its formatting,
// spelling marks or revision IDs change, reads as one word; a tab is a
// space, a line break starts a line, a non-breaking hyphen is «-».
func TestRunsSplitInsideWords(t *testing.T) {
	body := p("", "نظام") +
		`<w:p><w:r><w:t>الم</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>ادة</w:t></w:r><w:r><w:t xml:space="preserve"> 1</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>نص</w:t></w:r><w:r><w:tab/><w:t>أول</w:t></w:r><w:r><w:br/><w:t>سطر ثان.</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>المادة 1</w:t><w:noBreakHyphen/><w:t>1</w:t></w:r></w:p>` +
		`<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> بند.</w:t></w:r></w:p>`
	d, _ := read(t, fixture{body: body}.docx(t))
	sameStrings(t, "articles", articles(d), []string{"1 | نص أول | سطر ثان.", "1-1 | • بند."})
}

// Tracked changes read as if accepted: what was inserted or moved to a
// place is kept, what was deleted or moved from a place is not, and a
// paragraph whose mark was deleted joins the next (the last one stays).
// A note says so.
func TestTrackedChangesReadAsAccepted(t *testing.T) {
	ins := func(s string) string { return `<w:ins w:id="1" w:author="الوزارة">` + run(s) + `</w:ins>` }
	del := func(s string) string {
		return `<w:del w:id="2" w:author="الوزارة"><w:r><w:delText>` + s + `</w:delText></w:r></w:del>`
	}
	body := p("", "نظام") +
		p("", "المادة 1") +
		`<w:p>` + run("تتمتع الغرفة ") + del("بالاستقلال") + ins("بالشخصية الاعتبارية") + run(".") + `</w:p>` +
		`<w:p><w:moveFrom w:id="3" w:author="x">` + run("جملة نقلت.") + `</w:moveFrom>` + run("فقرة ثانية") + `</w:p>` +
		`<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="x"/></w:rPr></w:pPr>` + run("بداية فقرة ") + `</w:p>` +
		`<w:p>` + run("ونهايتها.") + `<w:moveTo w:id="5" w:author="x">` + run(" جملة نقلت.") + `</w:moveTo></w:p>` +
		`<w:del w:id="6" w:author="x"><w:p>` + run("المادة 2") + `</w:p></w:del>` +
		`<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="x"/></w:rPr></w:pPr>` + run("آخر فقرة.") + `</w:p>`
	d, warnings := read(t, fixture{body: body}.docx(t))
	sameStrings(t, "articles", articles(d), []string{"1 | تتمتع الغرفة بالشخصية الاعتبارية. | فقرة ثانية | بداية فقرة ونهايتها. جملة نقلت. | آخر فقرة."})
	if len(warnings) != 1 || warnings[0].ID != "word.note.revisions" || warnings[0].Line != 0 || warnings[0].Args[0] != 7 {
		t.Errorf("warnings %+v, want the note on 7 tracked changes", warnings)
	}
}

// Text inside content controls, smart tags, custom XML, hyperlinks and
// fields reads as the reader sees it: a field's result, never its code;
// hidden text is not read.
func TestTextInsideContainers(t *testing.T) {
	body := p("", "نظام") +
		`<w:sdt><w:sdtPr><w:alias w:val="رقم"/></w:sdtPr><w:sdtContent><w:p>` + run("المادة 1") + `</w:p></w:sdtContent></w:sdt>` +
		`<w:p><w:smartTag w:uri="x" w:element="place">` + run("الرباط") + `</w:smartTag>` +
		`<w:hyperlink r:id="rId9">` + run(" عاصمة") + `</w:hyperlink>` +
		`<w:sdt><w:sdtContent>` + run(" المملكة") + `</w:sdtContent></w:sdt>` +
		`<w:customXml w:element="x">` + run("،") + `</w:customXml>` +
		`<w:fldSimple w:instr=" DOCPROPERTY Year ">` + run(" 2025") + `</w:fldSimple>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + run(" والمادة 5") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:rPr><w:vanish/></w:rPr><w:t>نص مخفي</w:t></w:r>` + run(".") + `</w:p>`
	d, warnings := read(t, fixture{body: body}.docx(t))
	sameStrings(t, "articles", articles(d), []string{"1 | الرباط عاصمة المملكة، 2025 والمادة 5."})
	if len(warnings) != 0 {
		t.Errorf("warnings %v", warnings)
	}
}

// What is not the text (tables, footnotes, endnotes, comments, headers
// with text, text boxes, a table of contents) is left out, each kind said
// once in a note with how many there are; an empty header is not counted.
func TestLeftOutWithNotes(t *testing.T) {
	styles := headingStyles + `<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>`
	table := `<w:tbl><w:tr><w:tc><w:p>` + run("المادة 9") + `</w:p></w:tc><w:tc><w:p>` + run("نص في جدول") + `</w:p></w:tc></w:tr></w:tbl>`
	body := p("Title", "نظام") +
		`<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>` +
		p("TOC1", "المادة 1 ... 3") + p("TOC1", "المادة 2 ... 4") + `</w:sdtContent></w:sdt>` +
		p("TOC1", "المادة 2 ... 4") + // a table of contents outside a content control
		p("", "المادة 1") +
		`<w:p>` + run("نص") + `<w:r><w:footnoteReference w:id="1"/></w:r>` + run(" أول") + `<w:r><w:endnoteReference w:id="1"/></w:r>` +
		`<w:commentRangeStart w:id="0"/>` + run(".") + `<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>` +
		table + table +
		`<w:p><w:r><w:drawing><wps:txbx><w:txbxContent><w:p>` + run("المادة 7") + `</w:p></w:txbxContent></wps:txbx></w:drawing></w:r>` + run("فقرة ثانية.") + `</w:p>` +
		`<w:p><mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:drawing><wps:txbx><w:txbxContent><w:p>` + run("x") + `</w:p></w:txbxContent></wps:txbx></w:drawing></w:r></mc:Choice></mc:AlternateContent>` + run("فقرة ثالثة.") + `</w:p>`
	headers := []string{p("", "مشروع — للمناقشة"), p("", "")}
	d, warnings := read(t, fixture{body: body, styles: styles, headers: headers}.docx(t))
	sameStrings(t, "articles", articles(d), []string{"1 | نص أول. | فقرة ثانية. | فقرة ثالثة."})
	var ids []string
	args := map[string]any{}
	for _, w := range warnings {
		if w.Line != 0 || w.Text != "" || w.Why == "" || w.String() != w.Why {
			t.Errorf("note %+v is not a note on the whole file", w)
		}
		ids = append(ids, w.ID)
		args[w.ID] = w.Args[0]
	}
	sameStrings(t, "notes", ids, []string{"word.note.tables", "word.note.footnotes", "word.note.endnotes",
		"word.note.comments", "word.note.headers", "word.note.text-boxes", "word.note.contents"})
	for id, n := range map[string]int{"word.note.tables": 2, "word.note.footnotes": 1, "word.note.headers": 1, "word.note.text-boxes": 2, "word.note.contents": 3} {
		if args[id] != n {
			t.Errorf("%s counts %v, want %d", id, args[id], n)
		}
	}
}

// The app's DOCX export lays a draft out in heading styles, an article's
// heading line as one paragraph: such a file reads back to the same
// draft, for the sample, a French draft and 300 generated articles.
func TestExportLayoutReadsBack(t *testing.T) {
	french, err := os.ReadFile(filepath.Join("..", "parse", "testdata", "french.md"))
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string][]byte{"sample": assets.SampleDraft, "french": french, "workload": workload.DraftText(300, 7)} {
		t.Run(name, func(t *testing.T) {
			want, err := parse.Parse(text, parse.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, warnings := read(t, exportLike(t, want))
			sameDraft(t, got, want)
			if len(warnings) != 0 {
				t.Errorf("warnings %v", warnings)
			}
			// Without its styles part, the headings read by their text.
			got, _ = read(t, fixture{body: exportLikeBody(want)}.docx(t))
			sameDraft(t, got, want)
		})
	}
}

// sameDraft compares what import keeps of a draft: title, preamble,
// divisions and articles (keys, numbers, headings, paragraphs, places).
func sameDraft(t *testing.T, got, want *drafts.Draft) {
	t.Helper()
	if got.Title != want.Title || !slices.Equal(got.Preamble, want.Preamble) || got.ArticleWord != want.ArticleWord || got.Language != want.Language {
		t.Errorf("title %q, preamble %q, word %q, language %q; want %q, %q, %q, %q",
			got.Title, got.Preamble, got.ArticleWord, got.Language, want.Title, want.Preamble, want.ArticleWord, want.Language)
	}
	if !slices.Equal(got.Divisions, want.Divisions) {
		t.Errorf("divisions\n got %+v\nwant %+v", got.Divisions, want.Divisions)
	}
	sameStrings(t, "articles", articles(got), articles(want))
	for i := range min(len(got.Articles), len(want.Articles)) {
		if g, w := got.Articles[i], want.Articles[i]; g.Key != w.Key || g.Division != w.Division || g.Position != w.Position {
			t.Errorf("article %d: key %q division %d position %d, want %q %d %d", i, g.Key, g.Division, g.Position, w.Key, w.Division, w.Position)
		}
	}
}

// Files LibreOffice wrote (soffice --headless, the sample draft converted
// from HTML headings, the others built through its UNO interface): a
// short draft whose article headings are numbered by a list «المادة %1:»
// in heading styles, with a table and a footnote; and one with a table of
// contents, a header, and tracked changes (words inserted, replaced, a
// paragraph's text deleted).
func TestLibreOfficeFiles(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "libreoffice-sample.docx"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := parse.Parse(assets.SampleDraft, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, warnings := read(t, data)
	sameDraft(t, got, want)
	if len(warnings) != 0 {
		t.Errorf("warnings %v", warnings)
	}

	data, err = os.ReadFile(filepath.Join("testdata", "libreoffice-numbered.docx"))
	if err != nil {
		t.Fatal(err)
	}
	d, warnings := read(t, data)
	sameStrings(t, "articles", articles(d), []string{
		"1: الموضوع | يحدد هذا النظام الداخلي كيفيات سير أجهزة الغرفة.",
		"2: تعريفات | يقصد في مدلول هذا النظام بما يلي:",
		"3: الجمعية العامة | تتألف الجمعية العامة من جميع أعضاء الغرفة، وتجتمع مرتين في السنة.",
		"4: المكتب | يتألف المكتب من الرئيس ونوابه. | وينتخب الرئيس لمدة ست (6) سنوات.",
	})
	if d.Title != "نظام داخلي تجريبي لغرفة الصناعة التقليدية" || len(d.Divisions) != 2 || d.Articles[2].Division != 1 {
		t.Errorf("title %q, divisions %+v", d.Title, d.Divisions)
	}
	var ids []string
	for _, w := range warnings {
		ids = append(ids, w.ID)
	}
	sameStrings(t, "notes", ids, []string{"word.note.tables", "word.note.footnotes"})

	data, err = os.ReadFile(filepath.Join("testdata", "libreoffice-tracked.docx"))
	if err != nil {
		t.Fatal(err)
	}
	d, warnings = read(t, data)
	sameStrings(t, "articles", articles(d), []string{
		"1: الموضوع | يحدد هذا النظام قواعد سير الغرفة.",
		"2 | تتمتع الغرفة بالشخصية الاعتبارية والاستقلال المالي.",
		"3 | تسري أحكام هذا النظام على جميع الغرف.",
	})
	ids = nil
	for _, w := range warnings {
		ids = append(ids, w.ID)
	}
	sameStrings(t, "notes", ids, []string{"word.note.headers", "word.note.contents", "word.note.revisions"})
}

// The app's own DOCX export reads back to the draft it wrote, for the
// sample and for 300 generated articles. The export lands on another
// branch: until it is merged, Word is not among its formats and this test
// has nothing to read.
func TestOwnDocxExportReadsBack(t *testing.T) {
	if !export.Word.Available() {
		t.Skip("the DOCX export is not merged yet: export refuses docx")
	}
	for name, text := range map[string][]byte{"sample": assets.SampleDraft, "workload": workload.DraftText(300, 7)} {
		t.Run(name, func(t *testing.T) {
			want, err := parse.Parse(text, parse.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if _, err := export.WriteDraft(&b, want, export.Word); err != nil {
				t.Fatal(err)
			}
			got, warnings := read(t, b.Bytes())
			sameDraft(t, got, want)
			if len(warnings) != 0 {
				t.Errorf("warnings %v", warnings)
			}
		})
	}
}
