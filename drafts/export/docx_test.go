package export_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/export"
	"statute/drafts/round"
	"statute/drafts/workload"
)

// unzip returns the parts of a .docx file by name, in the zip's order.
func unzip(t testing.TB, b []byte) (map[string][]byte, []string) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("the file is not a zip: %v", err)
	}
	parts := map[string][]byte{}
	var names []string
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = data
		names = append(names, f.Name)
	}
	return parts, names
}

// A wordRun is a run as Word shows it: its text, and the revision it is
// in, if any.
type wordRun struct {
	text   string
	change string // "", "ins" or "del"
	author string
	date   string
}

// A wordPara is a paragraph as Word shows it.
type wordPara struct {
	style string
	bidi  bool
	jc    string
	mark  string // the revision of its mark: "", "ins" or "del"
	runs  []wordRun
}

// A line is a paragraph's style and text, as a reader compares versions.
type line struct{ style, text string }

// wordDocument reads word/document.xml as Word does, and checks on the
// way the rules Word holds a tracked document to: deleted text only in
// w:delText inside w:del, never w:t; w:ins and w:del children of a
// paragraph, never nested; every revision's w:id unique.
func wordDocument(t testing.TB, docx []byte) []wordPara {
	t.Helper()
	parts, _ := unzip(t, docx)
	body, ok := parts["word/document.xml"]
	if !ok {
		t.Fatal("no word/document.xml")
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	var (
		paras []wordPara
		stack []string
		ids   = map[string]bool{}
		rev   wordRun // the open w:ins or w:del
		text  *strings.Builder
	)
	attr := func(e xml.StartElement, name string) string {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	parent := func() string {
		if len(stack) < 2 {
			return ""
		}
		return stack[len(stack)-2]
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("word/document.xml does not parse: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			name := e.Name.Local
			stack = append(stack, name)
			switch name {
			case "p":
				paras = append(paras, wordPara{})
			case "pStyle":
				paras[len(paras)-1].style = attr(e, "val")
			case "bidi":
				if parent() == "pPr" {
					paras[len(paras)-1].bidi = true
				}
			case "jc":
				paras[len(paras)-1].jc = attr(e, "val")
			case "ins", "del":
				id := attr(e, "id")
				if id == "" || ids[id] {
					t.Errorf("w:%s has w:id %q, empty or used before", name, id)
				}
				ids[id] = true
				if parent() == "rPr" && len(stack) >= 3 && stack[len(stack)-3] == "pPr" {
					paras[len(paras)-1].mark = name
					continue
				}
				if parent() != "p" {
					t.Errorf("w:%s inside w:%s, want it a child of w:p (stack %v)", name, parent(), stack)
				}
				if slices.Contains(stack[:len(stack)-1], "ins") || slices.Contains(stack[:len(stack)-1], "del") {
					t.Errorf("w:%s nested in another revision", name)
				}
				rev = wordRun{change: name, author: attr(e, "author"), date: attr(e, "date")}
			case "t", "delText":
				inDel := slices.Contains(stack, "del")
				if name == "t" && inDel {
					t.Error("deleted text in w:t, want w:delText")
				}
				if name == "delText" && !inDel {
					t.Error("w:delText outside w:del")
				}
				text = &strings.Builder{}
			}
		case xml.CharData:
			if text != nil {
				text.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t", "delText":
				p := &paras[len(paras)-1]
				r := wordRun{text: text.String()}
				if slices.Contains(stack, "ins") || slices.Contains(stack, "del") {
					r.change, r.author, r.date = rev.change, rev.author, rev.date
				}
				p.runs = append(p.runs, r)
				text = nil
			}
			stack = stack[:len(stack)-1]
		}
	}
	return paras
}

// resolve is the document once every change is accepted (or rejected):
// the paragraphs it then holds, with their styles. A paragraph whose mark
// goes joins the next, which keeps its own style, as Word and LibreOffice
// join an emptied paragraph into the next one.
func resolve(paras []wordPara, accept bool) []line {
	drop, keep := "del", "ins"
	if !accept {
		drop, keep = "ins", "del"
	}
	_ = keep
	var out []line
	carry := ""
	for _, p := range paras {
		var s strings.Builder
		s.WriteString(carry)
		for _, r := range p.runs {
			if r.change != drop {
				s.WriteString(r.text)
			}
		}
		if p.mark == drop {
			carry = s.String()
			continue
		}
		carry = ""
		style := p.style
		if style == "" {
			style = "Normal"
		}
		out = append(out, line{style, s.String()})
	}
	// An empty last paragraph holds the document's last mark, or ends a
	// section: no text of the draft.
	for len(out) > 0 && out[len(out)-1].text == "" {
		out = out[:len(out)-1]
	}
	return out
}

// linesDiffer says where got first differs from want, "" when it does not.
func linesDiffer(got, want []line) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("paragraph %d is %v, want %v", i+1, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		return fmt.Sprintf("%d paragraphs, want %d", len(got), len(want))
	}
	return ""
}

// exportWord writes d as a clean Word file.
func exportWord(t testing.TB, d *drafts.Draft) []byte {
	t.Helper()
	var out bytes.Buffer
	res, err := export.WriteDraft(&out, d, export.Word)
	if err != nil {
		t.Fatal(err)
	}
	if res.Draft != d {
		t.Errorf("the result names draft %p, want %p", res.Draft, d)
	}
	return out.Bytes()
}

// textLines are the lines of d's plain-text export: what a reader reads,
// heading lines included, in order.
func textLines(t testing.TB, d *drafts.Draft) []string {
	t.Helper()
	var out bytes.Buffer
	if _, err := export.WriteDraft(&out, d, export.Text); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(out.String(), "\n") {
		if l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// The sample draft as Word: the same lines as the text export, one
// paragraph each, each in the style of what it is (Title, a heading per
// division level, Heading6 for each article, Normal for the rest), right
// to left, and no change marked.
func TestWordConsolidated(t *testing.T) {
	d := mustParse(t, assets.SampleDraft)
	b := exportWord(t, d)
	parts, names := unzip(t, b)
	wantParts := []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/styles.xml", "word/settings.xml", "word/_rels/document.xml.rels"}
	if !slices.Equal(names, wantParts) {
		t.Errorf("the zip holds %v, want %v", names, wantParts)
	}
	golden(t, "sample.document.xml", onePerLine(parts["word/document.xml"]))
	if !bytes.Equal(b, exportWord(t, d)) {
		t.Error("two exports of one draft differ")
	}
	paras := wordDocument(t, b)
	got := resolve(paras, true)
	var texts []string
	for _, l := range got {
		texts = append(texts, l.text)
	}
	if want := textLines(t, d); !slices.Equal(texts, want) {
		t.Errorf("the document reads\n%s\nwant the text export's lines\n%s", strings.Join(texts, "\n"), strings.Join(want, "\n"))
	}
	styles := map[string]int{}
	for _, l := range got {
		styles[l.style]++
	}
	want := map[string]int{"Title": 1, "Heading6": len(d.Articles)}
	for _, dv := range d.Divisions {
		want["Heading"+string(rune('0'+dv.Level))]++
	}
	n := 0
	for _, a := range d.Articles {
		n += len(a.Paragraphs)
	}
	want["Normal"] = n + len(d.Preamble)
	if !mapsEqual(styles, want) {
		t.Errorf("paragraphs by style %v, want %v", styles, want)
	}
	for _, a := range d.Articles {
		if !slices.Contains(got, line{"Heading6", d.ArticleTitle(&a)}) {
			t.Errorf("no Heading6 paragraph reads «%s»", d.ArticleTitle(&a))
		}
	}
	for _, p := range paras {
		if !p.bidi || p.jc == "right" || p.mark != "" {
			t.Errorf("a paragraph with bidi %v, jc %q and mark %q; want w:bidi, never jc=right (the end of a right-to-left line), no revision", p.bidi, p.jc, p.mark)
		}
		for _, r := range p.runs {
			if r.change != "" {
				t.Errorf("run «%s» is a revision (%s) in a text without tracked changes", r.text, r.change)
			}
		}
	}
	styleXML := string(parts["word/styles.xml"])
	for lv := 1; lv <= 6; lv++ {
		id := "Heading" + string(rune('0'+lv))
		re := regexp.MustCompile(`w:styleId="` + id + `">.*?<w:outlineLvl w:val="` + string(rune('0'+lv-1)) + `"/>.*?</w:style>`)
		if !re.MatchString(styleXML) {
			t.Errorf("style %s has no outline level %d", id, lv-1)
		}
	}
	for _, want := range []string{`w:cs="Traditional Arabic"`, `<w:szCs w:val=`, `<w:bCs/>`, `w:bidi="ar-MA"`} {
		if !strings.Contains(styleXML, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	doc := string(parts["word/document.xml"])
	if strings.Count(doc, "<w:r>") != strings.Count(doc, "<w:rtl/>") {
		t.Error("a run of the Arabic draft lacks w:rtl")
	}
	if core := string(parts["docProps/core.xml"]); !strings.Contains(core, "<dc:title>"+d.Title+"</dc:title>") {
		t.Errorf("core.xml names no title:\n%s", core)
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// onePerLine is an XML part as written, with each paragraph (and the
// section's properties) starting a line of its own, for golden files a
// person can read and diff.
func onePerLine(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("<w:p>"), []byte("\n<w:p>"))
	b = bytes.ReplaceAll(b, []byte("<w:sectPr>"), []byte("\n<w:sectPr>"))
	return append(b, '\n')
}

// A French draft reads left to right: no w:bidi, no w:rtl, French first.
func TestWordFrenchIsLeftToRight(t *testing.T) {
	d := mustParse(t, []byte("Projet de loi\nArticle premier\nLe texte.\nArticle 2\nUn autre texte.\n"))
	b := exportWord(t, d)
	parts, _ := unzip(t, b)
	for name, data := range parts {
		for _, mark := range []string{"<w:bidi/>", "<w:rtl/>", "<w:bidiVisual/>"} {
			if bytes.Contains(data, []byte(mark)) {
				t.Errorf("%s holds %s in a French draft", name, mark)
			}
		}
	}
	if !bytes.Contains(parts["word/styles.xml"], []byte(`w:val="fr-FR"`)) {
		t.Error("styles.xml does not say the text is French")
	}
	got := resolve(wordDocument(t, b), true)
	want := []line{{"Title", "Projet de loi"}, {"Heading6", "Article premier"}, {"Normal", "Le texte."}, {"Heading6", "Article 2"}, {"Normal", "Un autre texte."}}
	if !slices.Equal(got, want) {
		t.Errorf("the document reads %v, want %v", got, want)
	}
}

// Text that means something in XML is written as text, and the characters
// XML 1.0 forbids are left out: the file still parses and reads the rest.
func TestWordEscapes(t *testing.T) {
	d := mustParse(t, assets.SampleDraft)
	d.Title = `عنوان <b> & "مقتبس"`
	para := "إذا كان المبلغ < 100 درهم & \"الرسم\" 'مؤدى' </w:t></w:r><w:r><w:t>x"
	d.Articles[0].Paragraphs = []string{para, "قبل\x00\x01\x0b\x1b\ufffe\uffffبعد"}
	d.Articles[1].Heading = `عنوان <i>`
	b := exportWord(t, d)
	got := resolve(wordDocument(t, b), true)
	for _, want := range []line{{"Title", d.Title}, {"Normal", para}, {"Normal", "قبلبعد"}, {"Heading6", d.ArticleTitle(&d.Articles[1])}} {
		if !slices.Contains(got, want) {
			t.Errorf("the document does not read %q", want)
		}
	}
}

// tracked is a version 2 of the sample made by a real round, and what
// each change should be credited to.
type tracked struct {
	r                       *round.Round
	v1, v2                  *drafts.Draft
	fm, cs, ms, rsk, dt, sm *drafts.Amendment
}

// decide has the federation decide amendment a.
func decide(t testing.TB, r *round.Round, a *drafts.Amendment, v drafts.Verdict, text string) {
	t.Helper()
	if _, err := r.Decide(drafts.Federation, a.ID, v, text, nil, "ملاحظة"); err != nil {
		t.Fatal(err)
	}
}

// submit has chamber code propose a as filled in by fill.
func submit(t testing.TB, r *round.Round, d *drafts.Draft, code, key string, fill func(a *drafts.Amendment, art *drafts.Article)) *drafts.Amendment {
	t.Helper()
	c, err := drafts.ChamberByCode(code)
	if err != nil {
		t.Fatal(err)
	}
	art := d.Article(key)
	a := round.Blank(c, d, art)
	a.Justification = "سبب"
	fill(a, art)
	if err := r.Submit(c, d, a); err != nil {
		t.Fatal(err)
	}
	return a
}

// newTracked makes version 2 of the sample by a round: Fès-Meknès adds
// words to article 3 and Marrakech-Safi other words to it; Casablanca-
// Settat removes a word from article 5 and adds a paragraph to it;
// Rabat-Salé-Kénitra proposes a new article after article 6, accepted
// with a change of the staff's; Drâa-Tafilalet repeals article 8;
// Souss-Massa shortens a time limit in article 7, which the staff accept
// with a word of their own added («وكتابيا»).
func newTracked(t testing.TB) *tracked {
	t.Helper()
	r := storeWith(t, mustParse(t, assets.SampleDraft))
	v1, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	tr := &tracked{r: r, v1: v1}
	tr.fm = proposeAndAccept(t.(*testing.T), r, v1, "FM", "3", "والاستقلال المالي", "والاستقلال المالي والإداري")
	tr.ms = proposeAndAccept(t.(*testing.T), r, v1, "MS", "3", "تتمتع", "تتمتع بقوة القانون")
	tr.cs = submit(t, r, v1, "CS", "5", func(a *drafts.Amendment, art *drafts.Article) {
		a.Text = strings.Replace(art.Text(), "ملحقات إقليمية", "ملحقات", 1) + "\nفقرة جديدة تضيفها الغرفة."
	})
	decide(t, r, tr.cs, drafts.Accept, "")
	tr.rsk = submit(t, r, v1, "RSK", "6", func(a *drafts.Amendment, art *drafts.Article) {
		a.Kind, a.NewNumber, a.Text = drafts.Insert, "6 مكررة", "تحدث لجنة جهوية للصناعة التقليدية."
	})
	decide(t, r, tr.rsk, drafts.AcceptWithChanges, "تحدث لجنة جهوية دائمة للصناعة التقليدية.")
	tr.dt = submit(t, r, v1, "DT", "8", func(a *drafts.Amendment, art *drafts.Article) {
		a.Kind, a.Text = drafts.Repeal, ""
	})
	decide(t, r, tr.dt, drafts.Accept, "")
	tr.sm = submit(t, r, v1, "SM", "7", func(a *drafts.Amendment, art *drafts.Article) {
		a.Text = strings.Replace(art.Text(), "ثلاثين (30)", "خمسة عشر (15)", 1)
	})
	decide(t, r, tr.sm, drafts.AcceptWithChanges, strings.Replace(tr.sm.Text, "وجوبا", "وجوبا وكتابيا", 1))
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.StoreConsolidation(c); err != nil {
		t.Fatal(err)
	}
	if tr.v2, err = r.Latest(); err != nil || tr.v2.Version != 2 {
		t.Fatalf("version %v, %v; want 2", tr.v2, err)
	}
	return tr
}

// morocco is the zone the tracked tests write dates in: UTC+1, as Morocco
// keeps most of the year.
var morocco = time.FixedZone("+01", 3600)

// wordDate is how a Word file dates a change made at t, read in zone z.
func wordDate(t time.Time, z *time.Location) string {
	return t.In(z).Format("2006-01-02T15:04:05") + "Z"
}

// exportTracked writes tr's version 2 with its changes, dates in zone
// morocco.
func exportTracked(t testing.TB, tr *tracked) []byte {
	t.Helper()
	var out bytes.Buffer
	res, err := export.WriteIn(tr.r, &out, export.Request{Format: export.Word, Tracked: true}, morocco)
	if err != nil {
		t.Fatal(err)
	}
	if res.Draft.Version != 2 {
		t.Fatalf("exported version %d, want 2", res.Draft.Version)
	}
	return out.Bytes()
}

// A revision as a reviewer sees it in Word's list: what, by whom, when.
type revision struct{ change, author, date, text string }

// revisions lists the document's revised runs, in order.
func revisions(paras []wordPara) []revision {
	var out []revision
	for _, p := range paras {
		for _, r := range p.runs {
			if r.change != "" {
				out = append(out, revision{r.change, r.author, r.date, r.text})
			}
		}
	}
	return out
}

// Version 2 made by a round, tracked: accepting every change gives
// exactly version 2 (the paragraphs its clean export holds, styles and
// all), rejecting them exactly version 1; each change is credited to the
// chamber whose amendment made it, dated by the decision that accepted
// it, and the staff's own word to the federation.
func TestWordTracked(t *testing.T) {
	tr := newTracked(t)
	b := exportTracked(t, tr)
	paras := wordDocument(t, b)
	if d := linesDiffer(resolve(paras, true), resolve(wordDocument(t, exportWord(t, tr.v2)), true)); d != "" {
		t.Errorf("accepting every change does not give version 2: %s", d)
	}
	if d := linesDiffer(resolve(paras, false), resolve(wordDocument(t, exportWord(t, tr.v1)), true)); d != "" {
		t.Errorf("rejecting every change does not give version 1: %s", d)
	}

	// The golden file names amendments and dates by what they are: IDs
	// are drawn at random and decisions dated now.
	parts, _ := unzip(t, b)
	doc := regexp.MustCompile(`w:date="[^"]*"`).ReplaceAll(parts["word/document.xml"], []byte(`w:date="DATE"`))
	golden(t, "sample-tracked.document.xml", onePerLine(doc))

	name := func(code string) string {
		c, err := drafts.ChamberByCode(code)
		if err != nil {
			t.Fatal(err)
		}
		return c.Code + " — " + c.Region
	}
	decided := func(a *drafts.Amendment) string {
		dec, err := tr.r.Current(a.ID)
		if err != nil || dec == nil {
			t.Fatalf("amendment %s: %v, %v", a.ID, dec, err)
		}
		return wordDate(dec.At, morocco)
	}
	fed := revision{author: "FED — جامعة غرف الصناعة التقليدية", date: wordDate(tr.v2.Imported, morocco)}
	revs := revisions(paras)
	for _, want := range []revision{
		{"ins", name("FM"), decided(tr.fm), " والإداري"},
		{"ins", name("MS"), decided(tr.ms), "بقوة القانون "},
		{"del", name("CS"), decided(tr.cs), "إقليمية "},
		{"ins", name("CS"), decided(tr.cs), "فقرة جديدة تضيفها الغرفة."},
		{"ins", name("RSK"), decided(tr.rsk), "المادة 6 مكررة"},
		{"ins", name("RSK"), decided(tr.rsk), "تحدث لجنة جهوية دائمة للصناعة التقليدية."},
		{"del", name("DT"), decided(tr.dt), "المادة 8"},
		{"del", name("DT"), decided(tr.dt), tr.v1.Article("8").Paragraphs[1]},
		{"del", name("SM"), decided(tr.sm), "ثلاثين"},
		{"ins", name("SM"), decided(tr.sm), "خمسة عشر"},
		{"ins", fed.author, fed.date, "وكتابيا "},
	} {
		if !slices.Contains(revs, want) {
			t.Errorf("no revision %+v among\n%+v", want, revs)
		}
	}
	for _, r := range revs {
		if r.author == "" || r.date == "" {
			t.Errorf("revision %+v names no author or date", r)
		}
	}
	// Whole paragraphs come and go with their marks: article 8's heading
	// and paragraphs, the new article's heading and paragraph, and CS's
	// new paragraph.
	marks := map[string]int{}
	for _, p := range paras {
		marks[p.mark]++
	}
	if want := 1 + len(tr.v1.Article("8").Paragraphs); marks["del"] != want {
		t.Errorf("%d deleted paragraph marks, want %d (article 8)", marks["del"], want)
	}
	if want := 2 + 1; marks["ins"] != want {
		t.Errorf("%d inserted paragraph marks, want %d (article 6 مكررة and CS's paragraph)", marks["ins"], want)
	}
}

// Version 1 has no version before it: tracked changes are refused with a
// sentence that says so, and nothing is written.
func TestWordTrackedRefusesTheFirstVersion(t *testing.T) {
	d := mustParse(t, assets.SampleDraft)
	r := storeWith(t, d)
	var out bytes.Buffer
	_, err := export.Write(r, &out, export.Request{Format: export.Word, Tracked: true})
	if !drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), "version 1 has no version before it") || out.Len() != 0 {
		t.Errorf("%v, %d bytes written; want Invalid and nothing written", err, out.Len())
	}
}

// BenchmarkWordWorkload exports the 1,000-article workload's latest
// version as Word from a store, as statutectl export does: clean, and
// tracked against the version before. The target is 1 s an op.
func BenchmarkWordWorkload(b *testing.B) {
	r := storeWith(b, workload.Draft(1000, 1), workload.RevisedDraft(1000, 1))
	for _, tracked := range []bool{false, true} {
		name := "clean"
		if tracked {
			name = "tracked"
		}
		b.Run(name, func(b *testing.B) {
			var out bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				out.Reset()
				res, err := export.Write(r, &out, export.Request{Format: export.Word, Tracked: tracked})
				if err != nil {
					b.Fatal(err)
				}
				if res.Draft.Version != 2 || out.Len() < 100_000 {
					b.Fatalf("exported version %d in %d bytes", res.Draft.Version, out.Len())
				}
			}
			b.SetBytes(int64(out.Len()))
		})
	}
}

// A version that changes what no amendment does (its title, preamble and
// divisions; an article's number and heading; a new first article, the
// last one removed), imported as it is: accepting every change still
// gives it exactly, rejecting them the version before, and every change
// is the federation's, dated by the version.
func TestWordTrackedStructure(t *testing.T) {
	for name, edit := range map[string]func(d *drafts.Draft){
		"title, preamble and a division renamed": func(d *drafts.Draft) {
			d.Title += " (صيغة محينة)"
			d.Preamble = append(d.Preamble[:1:1], "فقرة جديدة من الديباجة.")
			d.Divisions[1].Heading, d.Divisions[1].Title = "الفصل الأول: الموضوع", "الموضوع"
		},
		"no preamble, a division gone": func(d *drafts.Draft) {
			d.Preamble = nil
			gone := d.Articles[len(d.Articles)-1].Division
			d.Divisions = d.Divisions[:gone]
			for i := range d.Articles {
				d.Articles[i].Division = min(d.Articles[i].Division, gone-1)
			}
		},
		"number and heading changed, first added, last removed": func(d *drafts.Draft) {
			d.Articles[2].Number, d.Articles[2].Key = "3 مكررة", "3bis"
			d.Articles[3].Heading = "عنوان جديد"
			d.Articles[1].Heading = ""
			d.Articles = d.Articles[:len(d.Articles)-1]
			first := drafts.Article{Key: "0", Number: "0", Heading: "تمهيد", Paragraphs: []string{"فقرة.", "فقرة ثانية."}, Division: -1}
			d.Articles = append([]drafts.Article{first}, d.Articles...)
		},
	} {
		t.Run(name, func(t *testing.T) {
			v1, v2 := mustParse(t, assets.SampleDraft), mustParse(t, assets.SampleDraft)
			edit(v2)
			r := storeWith(t, v1, v2)
			var out bytes.Buffer
			if _, err := export.WriteIn(r, &out, export.Request{Format: export.Word, Tracked: true}, morocco); err != nil {
				t.Fatal(err)
			}
			paras := wordDocument(t, out.Bytes())
			if d := linesDiffer(resolve(paras, true), resolve(wordDocument(t, exportWord(t, v2)), true)); d != "" {
				t.Errorf("accepting every change does not give version 2: %s", d)
			}
			if d := linesDiffer(resolve(paras, false), resolve(wordDocument(t, exportWord(t, v1)), true)); d != "" {
				t.Errorf("rejecting every change does not give version 1: %s", d)
			}
			stored, err := r.Latest()
			if err != nil {
				t.Fatal(err)
			}
			revs := revisions(paras)
			if len(revs) == 0 {
				t.Fatal("no change marked")
			}
			for _, rv := range revs {
				if rv.author != "FED — جامعة غرف الصناعة التقليدية" || rv.date != wordDate(stored.Imported, morocco) {
					t.Errorf("%+v: want the federation's, dated %s", rv, wordDate(stored.Imported, morocco))
				}
			}
		})
	}
}

// A French draft tracked reads left to right, its authors named in French.
func TestWordTrackedFrench(t *testing.T) {
	v1 := mustParse(t, []byte("Projet de loi\nArticle premier\nLe texte.\nArticle 2\nUn autre texte.\n"))
	r := storeWith(t, v1)
	d, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	fm := proposeAndAccept(t, r, d, "FM", "2", "autre texte", "autre texte complété")
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.StoreConsolidation(c); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := export.WriteIn(r, &out, export.Request{Format: export.Word, Tracked: true}, morocco); err != nil {
		t.Fatal(err)
	}
	paras := wordDocument(t, out.Bytes())
	dec, err := r.Current(fm.ID)
	if err != nil {
		t.Fatal(err)
	}
	if revs := revisions(paras); !slices.Equal(revs, []revision{{"ins", "FM — Fès-Meknès", wordDate(dec.At, morocco), " complété"}}) {
		t.Errorf("revisions %+v, want FM's one insertion, named in French", revs)
	}
	for _, p := range paras {
		if p.bidi {
			t.Error("a paragraph of the French draft is right to left")
		}
	}
}

// Two chambers' amendments of article 3 clash, and the federation
// resolves them with a synthesis that keeps Casablanca-Settat's word,
// Marrakech-Safi's other word, and adds one of its own: each word goes
// to the chamber that proposed it, the staff's own to the federation,
// all dated by the synthesis's decision.
func TestWordTrackedSynthesis(t *testing.T) {
	r := storeWith(t, mustParse(t, assets.SampleDraft))
	v1, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	proposeAndAccept(t, r, v1, "CS", "3", "والاستقلال المالي", "والاستقلال المالي والإداري")
	ms := submit(t, r, v1, "MS", "3", func(a *drafts.Amendment, art *drafts.Article) {
		a.Text = strings.Replace(strings.Replace(art.Text(), "والاستقلال المالي", "والاستقلال المالي والتدبيري", 1), "مهنية", "مهنية جهوية", 1)
	})
	decide(t, r, ms, drafts.Accept, "")
	synthesis := strings.Replace(strings.Replace(strings.Replace(v1.Article("3").Text(), "والاستقلال المالي", "والاستقلال المالي والإداري", 1),
		"مهنية", "مهنية جهوية", 1), "في هذا القانون", "في هذا القانون ونصوصه التطبيقية", 1)
	syn, err := r.Resolve(drafts.Federation, "", "3", synthesis, "دمج")
	if err != nil {
		t.Fatal(err)
	}
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.StoreConsolidation(c); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := export.WriteIn(r, &out, export.Request{Format: export.Word, Tracked: true}, morocco); err != nil {
		t.Fatal(err)
	}
	dec, err := r.Current(syn.ID)
	if err != nil {
		t.Fatal(err)
	}
	at := wordDate(dec.At, morocco)
	got := revisions(wordDocument(t, out.Bytes()))
	want := []revision{
		{"ins", "MS — مراكش آسفي", at, "جهوية "},
		{"ins", "CS — الدار البيضاء سطات", at, " والإداري"},
		{"ins", "FED — جامعة غرف الصناعة التقليدية", at, " ونصوصه التطبيقية"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("revisions\n%+v\nwant\n%+v", got, want)
	}
}

// Every draft reads in Word as its text export does, line for line: one
// with every level of division, a French one, a dahir headed «الفصل», and
// an article stored without its number written (named by its key).
func TestWordReadsAsTheTextExport(t *testing.T) {
	cases := map[string]*drafts.Draft{"all-levels": mustParse(t, []byte(allLevels))}
	for _, name := range []string{"french.md", "dahir.txt"} {
		text, err := os.ReadFile(filepath.Join("..", "parse", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		cases[name] = mustParse(t, text)
	}
	for name, d := range cases {
		t.Run(name, func(t *testing.T) {
			var texts []string
			for _, l := range resolve(wordDocument(t, exportWord(t, d)), true) {
				texts = append(texts, l.text)
			}
			if want := textLines(t, d); !slices.Equal(texts, want) {
				t.Errorf("the document reads\n%s\nwant\n%s", strings.Join(texts, "\n"), strings.Join(want, "\n"))
			}
		})
	}
	d := mustParse(t, []byte(allLevels))
	d.Articles[0].Number = ""
	if got := resolve(wordDocument(t, exportWord(t, d)), true); !slices.Contains(got, line{"Heading6", d.Word() + " " + d.Articles[0].Key + ": " + d.Articles[0].Heading}) {
		t.Errorf("the article without a number is not headed by its key:\n%v", got)
	}
}
