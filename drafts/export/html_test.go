package export_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/export"
	"statute/drafts/round"
)

// page is what a reader of an exported HTML file can count in it.
type page struct {
	lang, dir string
	sections  map[string]int // article sections by id
	ins, del  int
	h         [7]int // <h1>…<h6> elements
	external  bool   // a link, script, image or frame
}

// readPage reads an HTML export as the XML-ish tree it must be: every
// element closed in order, and counts what a reader sees.
func readPage(t *testing.T, b []byte) page {
	t.Helper()
	p := page{sections: map[string]int{}}
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.AutoClose = []string{"meta"}
	dec.Entity = xml.HTMLEntity
	var stack []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the HTML does not parse: %v\n%s", err, b)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			name := e.Name.Local
			stack = append(stack, name) // <meta> too: the decoder closes it
			attr := func(k string) string {
				for _, a := range e.Attr {
					if a.Name.Local == k {
						return a.Value
					}
				}
				return ""
			}
			switch name {
			case "html":
				p.lang, p.dir = attr("lang"), attr("dir")
			case "section":
				p.sections[attr("id")]++
			case "ins":
				p.ins++
			case "del":
				p.del++
			case "h1", "h2", "h3", "h4", "h5", "h6":
				p.h[name[1]-'0']++
			case "link", "script", "img", "iframe", "object":
				p.external = true
			}
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1] != e.Name.Local {
				t.Fatalf("</%s> closes %v", e.Name.Local, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Fatalf("elements left open: %v", stack)
	}
	return p
}

// The sample draft as one HTML page: Arabic, right to left, self-contained
// with a print stylesheet, each article once as its own section, a
// heading per division, no change marked.
func TestHTMLConsolidated(t *testing.T) {
	d := mustParse(t, assets.SampleDraft)
	var out bytes.Buffer
	res, err := export.WriteDraft(&out, d, export.HTML)
	if err != nil {
		t.Fatal(err)
	}
	if res.Draft != d {
		t.Errorf("the result names draft %p, want %p", res.Draft, d)
	}
	golden(t, "sample.html", out.Bytes())
	p := readPage(t, out.Bytes())
	if p.lang != "ar" || p.dir != "rtl" {
		t.Errorf("<html lang=%q dir=%q>, want ar and rtl", p.lang, p.dir)
	}
	if p.external || bytes.Contains(out.Bytes(), []byte("http")) || bytes.Contains(out.Bytes(), []byte("url(")) {
		t.Error("the page refers to something outside itself")
	}
	for _, want := range []string{`<meta charset="utf-8">`, "@media print", "size: A4", "break-after: avoid"} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, a := range d.Articles {
		if n := p.sections["art-"+a.Key]; n != 1 {
			t.Errorf("article %s is in %d sections, want 1", a.Key, n)
		}
	}
	if len(p.sections) != len(d.Articles) || p.h[6] != len(d.Articles) {
		t.Errorf("%d sections and %d article headings, want %d", len(p.sections), p.h[6], len(d.Articles))
	}
	levels := 0
	for _, n := range p.h[1:6] {
		levels += n
	}
	if levels != len(d.Divisions) {
		t.Errorf("%d division headings, want %d", levels, len(d.Divisions))
	}
	for _, dv := range d.Divisions {
		tag := []string{"", "h1", "h2", "h3", "h4", "h5"}[dv.Level]
		if !strings.Contains(out.String(), "<"+tag+">"+dv.Heading+"</"+tag+">") {
			t.Errorf("division «%s» is not an <%s>", dv.Heading, tag)
		}
	}
	if p.ins != 0 || p.del != 0 {
		t.Errorf("%d <ins> and %d <del> in a text without tracked changes", p.ins, p.del)
	}
}

// Text that means something in HTML is written as text: a paragraph with
// <, & and quotes reads the same in the browser, and opens no element.
func TestHTMLEscapes(t *testing.T) {
	d := mustParse(t, assets.SampleDraft)
	d.Title = `عنوان <b> & "مقتبس"`
	para := `إذا كان المبلغ < 100 درهم & "الرسم" 'مؤدى' </section><script>alert(1)</script>`
	d.Articles[0].Paragraphs = []string{para}
	d.Articles[1].Heading = `عنوان <i>`
	var out bytes.Buffer
	if _, err := export.WriteDraft(&out, d, export.HTML); err != nil {
		t.Fatal(err)
	}
	p := readPage(t, out.Bytes())
	if p.external || len(p.sections) != len(d.Articles) {
		t.Errorf("the text opened elements: script %v, %d sections for %d articles", p.external, len(p.sections), len(d.Articles))
	}
	for _, s := range []string{para, d.Title, d.Articles[1].Heading} {
		if !strings.Contains(readText(t, out.Bytes()), s) {
			t.Errorf("the page does not read «%s»", s)
		}
	}
}

// readText is the page's text as a browser shows it, entities decoded.
func readText(t *testing.T, b []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.AutoClose = []string{"meta"}
	dec.Entity = xml.HTMLEntity
	var s strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if c, ok := tok.(xml.CharData); ok {
			s.Write(c)
		}
	}
	return s.String()
}

// proposeAndAccept has chamber code amend article key of d by replacing
// old with new, and the federation accept it.
func proposeAndAccept(t *testing.T, r *round.Round, d *drafts.Draft, code, key, old, new string) *drafts.Amendment {
	t.Helper()
	c, err := drafts.ChamberByCode(code)
	if err != nil {
		t.Fatal(err)
	}
	art := d.Article(key)
	if !strings.Contains(art.Text(), old) {
		t.Fatalf("article %s does not hold %q", key, old)
	}
	a := round.Blank(c, d, art)
	a.Text, a.Justification = strings.Replace(art.Text(), old, new, 1), "سبب"
	if err := r.Submit(c, d, a); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Decide(drafts.Federation, a.ID, drafts.Accept, "", nil, "ملاحظة"); err != nil {
		t.Fatal(err)
	}
	return a
}

// Version 2 of the sample, made by consolidating two chambers' accepted
// amendments: Fès-Meknès adds words to article 3, Casablanca-Settat
// removes a word from article 5. Tracked, the page marks exactly those:
// one <ins> and one <del>, each titled with its chamber and amendment, a
// note under each article naming them, and every article once.
func TestHTMLTracked(t *testing.T) {
	r := storeWith(t, mustParse(t, assets.SampleDraft))
	v1, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	fm := proposeAndAccept(t, r, v1, "FM", "3", "والاستقلال المالي", "والاستقلال المالي والإداري")
	cs := proposeAndAccept(t, r, v1, "CS", "5", "ملحقات إقليمية", "ملحقات")
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.StoreConsolidation(c); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	res, err := export.Write(r, &out, export.Request{Format: export.HTML, Tracked: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Draft.Version != 2 {
		t.Fatalf("exported version %d, want 2", res.Draft.Version)
	}
	// The amendments' IDs are drawn at random: the golden file names them
	// by their chamber.
	golden(t, "sample-tracked.html", []byte(strings.NewReplacer(fm.ID, "FM-ID", cs.ID, "CS-ID").Replace(out.String())))
	p := readPage(t, out.Bytes())
	if p.ins != 1 || p.del != 1 {
		t.Errorf("%d <ins> and %d <del>, want FM's one insertion and CS's one deletion", p.ins, p.del)
	}
	if p.dir != "rtl" || len(p.sections) != len(res.Draft.Articles) {
		t.Errorf("dir %q, %d sections; want rtl and the %d articles", p.dir, len(p.sections), len(res.Draft.Articles))
	}
	page := out.String()
	for _, m := range []struct {
		tag string
		a   *drafts.Amendment
		txt string
	}{{"ins", fm, "والإداري"}, {"del", cs, "إقليمية"}} {
		i := strings.Index(page, "<"+m.tag+" title=\"")
		if i < 0 {
			t.Errorf("no titled <%s>", m.tag)
			continue
		}
		mark := page[i : i+strings.Index(page[i:], "</"+m.tag+">")]
		if !strings.Contains(mark, m.a.ID) || !strings.Contains(mark, m.a.Chamber) || !strings.Contains(mark, m.txt) {
			t.Errorf("<%s> reads %s; want «%s» titled with amendment %s of %s", m.tag, mark, m.txt, m.a.ID, m.a.Chamber)
		}
		if strings.Count(page, `<p class="sources">`+"مصدر التغيير: التعديل "+m.a.ID) != 1 {
			t.Errorf("no note names amendment %s under its article", m.a.ID)
		}
	}
}

// A new article is wholly inserted, a removed one wholly deleted in its
// old place, after the article that preceded it.
func TestHTMLTrackedAddedAndRemoved(t *testing.T) {
	prev := mustParse(t, assets.SampleDraft)
	d := mustParse(t, assets.SampleDraft)
	gone := d.Articles[4]
	d.Articles = append(d.Articles[:4:4], d.Articles[5:]...)
	d.Articles = append(d.Articles, drafts.Article{Key: "99", Number: "99", Heading: "جديدة", Paragraphs: []string{"فقرة أولى.", "فقرة ثانية."}, Division: -1})
	var out bytes.Buffer
	if err := export.WriteHTML(&out, d, prev); err != nil {
		t.Fatal(err)
	}
	p := readPage(t, out.Bytes())
	if want := 1 + 2; p.ins != want {
		t.Errorf("%d <ins>, want the new article's heading and its 2 paragraphs", p.ins)
	}
	if want := 1 + len(gone.Paragraphs); p.del != want {
		t.Errorf("%d <del>, want the removed article's heading and its %d paragraphs", p.del, len(gone.Paragraphs))
	}
	page := out.String()
	before := strings.Index(page, `id="art-`+prev.Articles[3].Key+`"`)
	removed := strings.Index(page, `id="removed-`+gone.Key+`"`)
	after := strings.Index(page, `id="art-`+prev.Articles[5].Key+`"`)
	if !(before >= 0 && before < removed && removed < after) {
		t.Errorf("the removed article %s is at %d, want between %d and %d", gone.Key, removed, before, after)
	}
}

// Version 1 has no version before it: tracked changes are refused with a
// sentence that says so, and nothing is written.
func TestHTMLTrackedRefusesTheFirstVersion(t *testing.T) {
	d := mustParse(t, assets.SampleDraft)
	r := storeWith(t, d)
	var out bytes.Buffer
	_, err := export.Write(r, &out, export.Request{Format: export.HTML, Tracked: true})
	want := "draft " + d.ID + " version 1 has no version before it to track changes against"
	if !drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), want) || out.Len() != 0 {
		t.Errorf("%v, %d bytes written; want Invalid saying %q and nothing written", err, out.Len(), want)
	}
}

// A French draft's page is in French and reads left to right.
func TestHTMLFrenchIsLeftToRight(t *testing.T) {
	d := mustParse(t, []byte("Projet de loi\nArticle premier\nLe texte.\nArticle 2\nUn autre texte.\n"))
	if d.Language != "fr" {
		t.Fatalf("the draft is read as %q, want fr", d.Language)
	}
	var out bytes.Buffer
	if _, err := export.WriteDraft(&out, d, export.HTML); err != nil {
		t.Fatal(err)
	}
	p := readPage(t, out.Bytes())
	if p.lang != "fr" || p.dir != "ltr" || len(p.sections) != len(d.Articles) {
		t.Errorf("<html lang=%q dir=%q> with %d sections, want fr, ltr and %d", p.lang, p.dir, len(p.sections), len(d.Articles))
	}
}

// restructured stores a version 2 of the sample as the staff would import
// it after a round in which Drâa-Tafilalet's repeal of article 8 was
// accepted: article 8 gone, and, by the staff's hand, a word of the title
// and of the preamble changed, the first chapter renamed, and a chapter
// added to hold the last two articles. It returns the round and the
// repeal.
func restructured(t *testing.T) (*round.Round, *drafts.Amendment) {
	t.Helper()
	r := storeWith(t, mustParse(t, assets.SampleDraft))
	v1, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	dt := submit(t, r, v1, "DT", "8", func(a *drafts.Amendment, art *drafts.Article) {
		a.Kind, a.Text = drafts.Repeal, ""
	})
	decide(t, r, dt, drafts.Accept, "")

	v2 := mustParse(t, assets.SampleDraft)
	v2.Title = strings.Replace(v2.Title, "الأساسي", "التنظيمي", 1)
	v2.Preamble[0] = strings.Replace(v2.Preamble[0], "بالجهوية المتقدمة", "بالجهوية الموسعة", 1)
	v2.Divisions[1].Heading, v2.Divisions[1].Title = "الفصل الأول: الموضوع", "الموضوع"
	last := len(v2.Divisions) - 1
	v2.Divisions = append(v2.Divisions, drafts.Division{Level: drafts.Chapter, Heading: "الفصل الأول: أحكام ختامية", Number: "الأول", Title: "أحكام ختامية", Parent: last})
	n := len(v2.Articles)
	v2.Articles[n-2].Division, v2.Articles[n-1].Division = last+1, last+1
	eight := slices.IndexFunc(v2.Articles, func(a drafts.Article) bool { return a.Key == "8" })
	v2.Articles = slices.Delete(v2.Articles, eight, eight+1)
	v2.ID = v1.ID
	if err := r.Store().AddDraft(v2); err != nil {
		t.Fatal(err)
	}
	if v2.Version != 2 {
		t.Fatalf("stored as version %d, want 2", v2.Version)
	}
	return r, dt
}

// A marked is one run of a paragraph as a reader of the export sees it:
// inserted, deleted or kept ("ins", "del", ""), its text, and the code of
// the chamber the mark credits («DT», «FED»), "" for text kept.
type marked struct{ op, text, by string }

// A markedPara is an exported paragraph: its element (html) or style
// (Word), and its runs, adjacent runs of one op and chamber joined.
type markedPara struct {
	kind string
	runs []marked
}

// add appends m to p's runs, joining it to the last one like it.
func (p *markedPara) add(m marked) {
	if m.text == "" {
		return
	}
	if n := len(p.runs); n > 0 && p.runs[n-1].op == m.op && p.runs[n-1].by == m.by {
		p.runs[n-1].text += m.text
		return
	}
	p.runs = append(p.runs, m)
}

// chamberIn is the code of the chamber a mark's title names: «مصدر
// التغيير: التعديل ID من DT (درعة تافيلالت)», «مصدر التغيير: FED (…)».
var chamberIn = regexp.MustCompile(`([A-Z]+) \(`)

// htmlParas reads the paragraphs of an HTML export (its <p>, the notes
// under articles left out, and its <h1>…<h6>) with their marks.
func htmlParas(t *testing.T, b []byte) []markedPara {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.AutoClose = []string{"meta"}
	dec.Entity = xml.HTMLEntity
	var (
		out  []markedPara
		in   bool   // inside a paragraph
		mark marked // the open <ins> or <del>
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			attr := func(k string) string {
				for _, a := range e.Attr {
					if a.Name.Local == k {
						return a.Value
					}
				}
				return ""
			}
			switch name := e.Name.Local; name {
			case "p", "h1", "h2", "h3", "h4", "h5", "h6":
				if attr("class") != "sources" {
					out = append(out, markedPara{kind: name})
					in = true
				}
			case "ins", "del":
				mark = marked{op: name}
				if m := chamberIn.FindStringSubmatch(attr("title")); m != nil {
					mark.by = m[1]
				}
			}
		case xml.CharData:
			if in {
				m := mark
				m.text = string(e)
				out[len(out)-1].add(m)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "p", "h1", "h2", "h3", "h4", "h5", "h6":
				in = false
			case "ins", "del":
				mark = marked{}
			}
		}
	}
	return out
}

// wordParas are a Word export's paragraphs with their marks, as
// htmlParas reads a page's; the empty ones left out.
func wordParas(paras []wordPara) []markedPara {
	var out []markedPara
	for _, p := range paras {
		mp := markedPara{kind: p.style}
		for _, r := range p.runs {
			by, _, _ := strings.Cut(r.author, " — ")
			if r.change == "" {
				by = ""
			}
			mp.add(marked{op: r.change, text: r.text, by: by})
		}
		if len(mp.runs) > 0 {
			out = append(out, mp)
		}
	}
	return out
}

// runsOf drops the kinds of ps, which differ between the formats
// («h4» and «Heading4», «p» and «Normal»), and the empty paragraphs.
func runsOf(ps []markedPara) [][]marked {
	var out [][]marked
	for _, p := range ps {
		if len(p.runs) > 0 {
			out = append(out, p.runs)
		}
	}
	return out
}

// A version 2 whose title, preamble and a chapter's heading the staff
// changed, with a chapter added and article 8 repealed: the page marks
// the changed words of each, the new chapter inside <ins> where it
// stands, and article 8 wholly inside <del> where it stood, its note
// naming Drâa-Tafilalet's repeal; the staff's own changes are credited
// to the federation.
func TestHTMLTrackedStructureAndRepeal(t *testing.T) {
	r, dt := restructured(t)
	var out bytes.Buffer
	res, err := export.Write(r, &out, export.Request{Format: export.HTML, Tracked: true})
	if err != nil {
		t.Fatal(err)
	}
	paras := htmlParas(t, out.Bytes())
	fed := "FED"
	for _, want := range []markedPara{
		{"p", []marked{{"", "مشروع القانون ", ""}, {"del", "الأساسي", fed}, {"ins", "التنظيمي", fed}, {"", " لغرف الصناعة التقليدية", ""}}},
		{"h4", []marked{{"", "الفصل الأول: الموضوع", ""}, {"del", " والتعريفات", fed}}},
		{"h4", []marked{{"ins", "الفصل الأول: أحكام ختامية", fed}}},
		{"h6", []marked{{"del", "المادة 8", "DT"}}},
	} {
		if !slices.ContainsFunc(paras, func(p markedPara) bool { return p.kind == want.kind && slices.Equal(p.runs, want.runs) }) {
			t.Errorf("no <%s> reads %+v", want.kind, want.runs)
		}
	}
	if !slices.ContainsFunc(paras, func(p markedPara) bool {
		return slices.Contains(p.runs, marked{"del", "المتقدمة", fed}) && slices.Contains(p.runs, marked{"ins", "الموسعة", fed})
	}) {
		t.Error("the preamble's changed word is not marked")
	}
	page := out.String()
	v1, err := r.Store().DraftVersion(res.Draft.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	eight := slices.IndexFunc(v1.Articles, func(a drafts.Article) bool { return a.Key == "8" })
	before, after := v1.Articles[eight-1].Key, v1.Articles[eight+1].Key
	removed := strings.Index(page, `<section class="article removed" id="removed-8">`)
	if removed < 0 || !(strings.Index(page, `id="art-`+before+`"`) < removed && removed < strings.Index(page, `id="art-`+after+`"`)) {
		t.Errorf("article 8 is at %d, want it struck through between articles %s and %s", removed, before, after)
	}
	note := `<p class="sources">مصدر التغيير: التعديل ` + dt.ID + ` من DT (درعة تافيلالت)</p>`
	if !strings.Contains(page[max(removed, 0):], note) {
		t.Errorf("no note under article 8 reads %s", note)
	}
	n := len(res.Draft.Articles)
	chapter := strings.Index(page, "أحكام ختامية</ins>")
	if !(strings.Index(page, `id="art-`+res.Draft.Articles[n-3].Key+`"`) < chapter && chapter < strings.Index(page, `id="art-`+res.Draft.Articles[n-2].Key+`"`)) {
		t.Error("the new chapter is not inserted before the last two articles it holds")
	}
}

// The page and the Word file mark the same changes: paragraph by
// paragraph, the same words inserted, deleted and kept, in the same
// places, each mark credited to the same chamber; for a version made by a
// round (six amendments, a repeal among them), for one the staff
// restructured, and for one imported without its preamble and its last
// division, an article renumbered and another retitled.
func TestHTMLAndWordMarkTheSameChanges(t *testing.T) {
	for name, r := range map[string]func(t *testing.T) *round.Round{
		"a round":                func(t *testing.T) *round.Round { return newTracked(t).r },
		"structure and a repeal": func(t *testing.T) *round.Round { r, _ := restructured(t); return r },
		"a division gone, articles renumbered and retitled": func(t *testing.T) *round.Round {
			v1, v2 := mustParse(t, assets.SampleDraft), mustParse(t, assets.SampleDraft)
			v2.Preamble = nil
			gone := v2.Articles[len(v2.Articles)-1].Division
			v2.Divisions = v2.Divisions[:gone]
			for i := range v2.Articles {
				v2.Articles[i].Division = min(v2.Articles[i].Division, gone-1)
			}
			v2.Articles[2].Number, v2.Articles[2].Key = "3 مكررة", "3bis"
			v2.Articles[3].Heading = "عنوان جديد"
			return storeWith(t, v1, v2)
		},
	} {
		t.Run(name, func(t *testing.T) {
			r := r(t)
			var page, word bytes.Buffer
			if _, err := export.Write(r, &page, export.Request{Format: export.HTML, Tracked: true}); err != nil {
				t.Fatal(err)
			}
			if _, err := export.WriteIn(r, &word, export.Request{Format: export.Word, Tracked: true}, morocco); err != nil {
				t.Fatal(err)
			}
			h, w := runsOf(htmlParas(t, page.Bytes())), runsOf(wordParas(wordDocument(t, word.Bytes())))
			marks := 0
			for i := range max(len(h), len(w)) {
				if i >= len(h) || i >= len(w) || !slices.Equal(h[i], w[i]) {
					t.Fatalf("paragraph %d differs:\nhtml %+v\nword %+v", i, h[min(i, len(h)-1)], w[min(i, len(w)-1)])
				}
				for _, m := range h[i] {
					if m.op != "" {
						marks++
						if m.by == "" {
							t.Errorf("paragraph %d: %+v credits no chamber", i, m)
						}
					}
				}
			}
			if marks == 0 {
				t.Error("no change marked")
			}
		})
	}
}
