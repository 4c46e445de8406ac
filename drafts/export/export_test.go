package export_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/export"
	goldenfile "statute/drafts/internal/golden"
	"statute/drafts/parse"
	"statute/drafts/round"
	"statute/drafts/workload"
)

// golden compares got with the file testdata/name (golden.Check).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

// allLevels is a small draft with a preamble, every level of division
// (book, part, title, chapter, section), a division that takes its title
// from the next line, one with no title, articles with and without
// headings, inserted «مكررة» articles and an enumeration.
const allLevels = `مشروع قانون تجريبي
ديباجة أولى.
ديباجة ثانية.
الكتاب الأول: أحكام تمهيدية
القسم الأول
أحكام عامة
الباب الأول: الموضوع
الفصل الأول: التعريفات
الفرع الأول: المصطلحات
المادة الأولى: الموضوع
يحدد هذا القانون ما يلي:
- أولا؛
- ثانيا.
المادة 1 مكررة
نص المادة المكررة.
المادة 1 مكررة مرتين: مادة مكررة مرتين
نص.
الفرع الثاني
المادة ٢
(نسخت)
الكتاب الثاني: أحكام ختامية
المادة 3 - تدخل أحكام هذا القانون حيز التنفيذ من تاريخ نشره.
`

func mustParse(t testing.TB, text []byte) *drafts.Draft {
	t.Helper()
	d, err := parse.Parse(text, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sameDraft says how b, read back from an export, differs from a in what a
// reader of the draft sees: title, preamble, divisions, and each article's
// key, number, heading, paragraphs and division; "" when it does not.
func sameDraft(a, b *drafts.Draft) string {
	switch {
	case a.Title != b.Title:
		return "title «" + a.Title + "» became «" + b.Title + "»"
	case !slices.Equal(a.Preamble, b.Preamble):
		return "the preamble changed"
	case !slices.Equal(a.Divisions, b.Divisions):
		return "the divisions changed"
	case len(a.Articles) != len(b.Articles):
		return "the number of articles changed"
	}
	for i := range a.Articles {
		x, y := a.Articles[i], b.Articles[i]
		if x.Key != y.Key || x.Number != y.Number || x.Heading != y.Heading || x.Division != y.Division || !slices.Equal(x.Paragraphs, y.Paragraphs) {
			return "article " + x.Key + " changed"
		}
	}
	return ""
}

// roundTrip exports d in format f and imports the result back, as
// statutectl import does.
func roundTrip(t *testing.T, d *drafts.Draft, f export.Format) []byte {
	t.Helper()
	var out bytes.Buffer
	res, err := export.WriteDraft(&out, d, f)
	if err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	if res.Draft != d || res.ArticleWord != "" {
		t.Errorf("%s: the result names draft %p and article word %q, want %p and none", f, res.Draft, res.ArticleWord, d)
	}
	again, err := parse.Parse(out.Bytes(), parse.Options{})
	if err != nil {
		t.Fatalf("%s: the export does not import: %v\n%s", f, err, out.Bytes())
	}
	if diff := sameDraft(d, again); diff != "" {
		t.Fatalf("%s: imported back, %s", f, diff)
	}
	return out.Bytes()
}

func TestRoundTrip(t *testing.T) {
	cases := map[string]*drafts.Draft{
		"sample":     mustParse(t, assets.SampleDraft),
		"all-levels": mustParse(t, []byte(allLevels)),
		"workload":   workload.Draft(1000, 1),
	}
	// What these drafts must hold for the round trip to mean something.
	levels := map[drafts.Level]bool{}
	for _, dv := range cases["all-levels"].Divisions {
		levels[dv.Level] = true
	}
	if len(levels) != 5 {
		t.Fatalf("the all-levels draft has %d levels of division, want 5", len(levels))
	}
	for name, d := range cases {
		if len(d.Preamble) == 0 || !slices.ContainsFunc(d.Articles, func(a drafts.Article) bool { return strings.Contains(a.Number, "مكررة") }) {
			t.Fatalf("%s: want a preamble and «مكررة» articles", name)
		}
	}
	// And a draft in French, and a dahir whose articles are headed
	// «الفصل», from the parser's own test files.
	for _, name := range []string{"french.md", "dahir.txt"} {
		text, err := os.ReadFile(filepath.Join("..", "parse", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		cases[name] = mustParse(t, text)
	}
	for name, d := range cases {
		for _, f := range []export.Format{export.Markdown, export.Text} {
			t.Run(name+"."+string(f), func(t *testing.T) {
				roundTrip(t, d, f)
			})
		}
	}
}

// The Markdown export is parse.Format's text, and the plain text the same
// lines without marks; golden files show both.
func TestFormats(t *testing.T) {
	d := mustParse(t, []byte(allLevels))
	md := roundTrip(t, d, export.Markdown)
	if !bytes.Equal(md, parse.Format(d)) {
		t.Error("the Markdown export is not parse.Format's text")
	}
	golden(t, "all-levels.md", md)
	txt := roundTrip(t, d, export.Text)
	golden(t, "all-levels.txt", txt)
	if bytes.Contains(txt, []byte("#")) {
		t.Errorf("the plain text holds Markdown marks:\n%s", txt)
	}
	sample := mustParse(t, assets.SampleDraft)
	golden(t, "sample.txt", roundTrip(t, sample, export.Text))
}

// A draft imported with a word import does not find by itself exports
// with that word, and the result says import must be told it.
func TestForcedArticleWord(t *testing.T) {
	d, err := parse.Parse([]byte("نظام\nالبند 1\nنص.\nالبند 2: عنوان\nنص.\n"), parse.Options{ArticleWord: "البند"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []export.Format{export.Markdown, export.Text} {
		var out bytes.Buffer
		res, err := export.WriteDraft(&out, d, f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if res.ArticleWord != "البند" {
			t.Errorf("%s: the result says article word %q, want البند", f, res.ArticleWord)
		}
		again, err := parse.Parse(out.Bytes(), parse.Options{ArticleWord: res.ArticleWord})
		if err != nil {
			t.Fatal(err)
		}
		if diff := sameDraft(d, again); diff != "" {
			t.Errorf("%s: %s", f, diff)
		}
	}
}

// A consolidated article whose wording holds a line import reads as a
// heading cannot be exported so that it imports back: the export is
// refused, naming the article, and nothing is written.
func TestRefusesWhatWouldNotReadBack(t *testing.T) {
	for _, line := range []string{"المادة 9: نص ملصق مع عنوانه", "الباب الثالث: أحكام", "---"} {
		d := mustParse(t, assets.SampleDraft)
		a := d.Article("6")
		a.Paragraphs = append(a.Paragraphs, line)
		for _, f := range []export.Format{export.Markdown, export.Text} {
			var out bytes.Buffer
			_, err := export.WriteDraft(&out, d, f)
			if !drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), "article 6 of draft") || !strings.Contains(err.Error(), "«"+line+"»") {
				t.Errorf("%q, %s: %v, want an Invalid error naming article 6 and the line", line, f, err)
			}
			if out.Len() != 0 {
				t.Errorf("%q, %s: %d bytes written by a refused export", line, f, out.Len())
			}
		}
	}
}

// A new article whose number was typed with the article word («المادة 2
// مكررة») has a heading import does not read as one: the export names
// that article and its heading, not the article before it.
func TestRefusesAHeadingThatIsNotOne(t *testing.T) {
	d := mustParse(t, assets.SampleDraft)
	a := d.Article("2")
	inserted := drafts.Article{Key: "2bis", Number: "المادة 2 مكررة", Paragraphs: []string{"نص جديد."}, Division: a.Division}
	d.Articles = slices.Insert(d.Articles, 2, inserted)
	var out bytes.Buffer
	_, err := export.WriteDraft(&out, d, export.Text)
	if !drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), "article المادة 2 مكررة of draft") ||
		!strings.Contains(err.Error(), "its heading «المادة المادة 2 مكررة»") || out.Len() != 0 {
		t.Errorf("%v, %d bytes written; want an Invalid error naming the new article's heading, and nothing written", err, out.Len())
	}
}

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		q    export.Request
		want string // "" for a request accepted
	}{
		{export.Request{Format: export.Markdown}, ""},
		{export.Request{What: export.Consolidated, Format: export.Text}, ""},
		{export.Request{Format: export.Word}, ""},
		{export.Request{Format: export.Word, Tracked: true}, ""},
		{export.Request{Format: export.PDF}, ""},
		{export.Request{Format: export.PDF, Tracked: true}, ""},
		{export.Request{Format: export.Excel}, "the consolidated text is not written as xlsx: use md, txt, docx, html, akn or pdf (xlsx is for the table of amendments)"},
		{export.Request{Format: "rtf"}, `there is no export format "rtf": use md, txt, docx, html, akn or pdf for the text, docx, html, pdf, xlsx or csv for the table`},
		{export.Request{}, "say which format to export in: md, txt, docx, html, akn or pdf"},
		{export.Request{Format: export.AkomaNtoso}, ""},
		{export.Request{Format: export.AkomaNtoso, Tracked: true}, "tracked changes is written in html, docx or pdf only"},
		{export.Request{Format: export.AkomaNtoso, Chamber: "FM"}, "by chamber, status or article"},
		{export.Request{What: export.Table, Format: export.CSV}, ""},
		{export.Request{What: export.Table, Format: export.Excel}, ""},
		{export.Request{What: export.Table, Format: export.HTML, Chamber: "fm", Status: "Accepted", Articles: "3-7"}, ""},
		{export.Request{What: export.Table, Format: export.CSV, Status: "submitted"}, ""},
		{export.Request{What: export.Table}, "say which format to write the table of amendments in: docx, html, pdf, xlsx or csv"},
		{export.Request{What: export.Table, Format: export.Word}, ""},
		{export.Request{What: export.Table, Format: export.Word, Chamber: "FM", Status: "undecided", Articles: "3"}, ""},
		{export.Request{What: export.Table, Format: export.PDF}, ""},
		{export.Request{What: export.Table, Format: export.Markdown}, "the table of amendments is not written as md: use docx, html, pdf, xlsx or csv"},
		{export.Request{What: export.Table, Format: export.AkomaNtoso}, "not written as akn"},
		{export.Request{What: export.Table, Format: "ods"}, `there is no export format "ods"`},
		{export.Request{What: export.Table, Format: export.HTML, Tracked: true}, "tracked changes are for the consolidated text"},
		{export.Request{What: export.Table, Format: export.CSV, Status: "approved"}, `there is no status "approved" for the table: use undecided (or submitted), accepted, accepted-with-changes, rejected, withdrawn or superseded`},
		{export.Request{What: export.Table, Format: export.CSV, Chamber: "XX"}, `there is no chamber "XX": use one of TTA, ORI`},
		{export.Request{What: export.Table, Format: export.Excel, Status: "draft"}, `there is no status "draft"`},
		{export.Request{What: "tabel", Format: export.CSV}, `there is no export "tabel"`},
		{export.Request{Format: export.HTML}, ""},
		{export.Request{Format: export.HTML, Tracked: true}, ""},
		{export.Request{Format: export.Markdown, Tracked: true}, "tracked changes is written in html, docx or pdf only"},
		{export.Request{Format: export.Text, Tracked: true}, "tracked changes is written in html, docx or pdf only"},
		{export.Request{Format: export.Markdown, Chamber: "FM"}, "by chamber, status or article is for the table of amendments (table)"},
		{export.Request{Format: export.Text, Status: "submitted"}, "by chamber, status or article"},
		{export.Request{Format: export.HTML, Articles: "3-7"}, "by chamber, status or article"},
	} {
		err := c.q.Check()
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%+v: %v, want it accepted", c.q, err)
		case c.want != "" && (!drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%+v: %v, want an Invalid error saying %q", c.q, err, c.want)
		}
	}
	var avail []export.Format
	for _, f := range export.Formats() {
		if f.Available() {
			avail = append(avail, f)
		}
	}
	if !slices.Equal(avail, []export.Format{export.Markdown, export.Text, export.Word, export.HTML, export.AkomaNtoso, export.PDF}) || len(export.Formats()) != 8 {
		t.Errorf("formats %v, available %v; want the issue's eight, md, txt, docx, html, akn and pdf available", export.Formats(), avail)
	}
}

// storeWith opens a new store holding the given versions of one draft.
func storeWith(t testing.TB, versions ...*drafts.Draft) *round.Round {
	t.Helper()
	s, err := boltstore.Open(filepath.Join(t.TempDir(), "statute.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	id := ""
	for _, d := range versions {
		d.ID = id
		if err := s.AddDraft(d); err != nil {
			t.Fatal(err)
		}
		id = d.ID
	}
	return round.New(s)
}

// Write exports a stored version: the latest by default, another by its
// number, and refuses a version that does not exist with the store's
// sentence.
func TestWriteStoredVersions(t *testing.T) {
	v1 := mustParse(t, assets.SampleDraft)
	v2 := mustParse(t, assets.SampleDraft)
	v2.Articles = v2.Articles[:10]
	r := storeWith(t, v1, v2)
	for _, c := range []struct {
		version, articles int
	}{{0, 10}, {2, 10}, {1, len(v1.Articles)}} {
		var out bytes.Buffer
		res, err := export.Write(r, &out, export.Request{Format: export.Markdown, Version: c.version})
		if err != nil {
			t.Fatalf("version %d: %v", c.version, err)
		}
		again := mustParse(t, out.Bytes())
		if len(again.Articles) != c.articles || res.Draft.ID != v1.ID {
			t.Errorf("version %d: %d articles of draft %s, want %d of %s", c.version, len(again.Articles), res.Draft.ID, c.articles, v1.ID)
		}
	}
	var out bytes.Buffer
	_, err := export.Write(r, &out, export.Request{Format: export.Text, Draft: strings.ToLower(v1.ID), Version: 3})
	want := "draft " + v1.ID + " has no version 3: its versions run from 1 to 2"
	if !drafts.IsKind(err, drafts.NotFound) || err.Error() != want || out.Len() != 0 {
		t.Errorf("version 3: %v, %d bytes written; want NotFound %q and nothing written", err, out.Len(), want)
	}
	if _, err := export.Write(r, &out, export.Request{Format: export.Excel}); !drafts.IsKind(err, drafts.Invalid) || out.Len() != 0 {
		t.Errorf("xlsx: %v, %d bytes written; want Invalid and nothing", err, out.Len())
	}
}

// Preflight refuses, before any file is chosen, what Write refuses for
// what the request asks, in the very same sentence: tracked changes of
// version 1, a version the draft lacks, a format Check refuses; and lets
// through what Write can make.
func TestPreflightRefusesWhatWriteRefusesForTheRequest(t *testing.T) {
	v1 := mustParse(t, assets.SampleDraft)
	v2 := mustParse(t, assets.SampleDraft)
	v2.Articles = v2.Articles[:10]
	r := storeWith(t, v1, v2)
	for _, c := range []struct {
		name string
		q    export.Request
		kind drafts.ErrorKind // "": exported
	}{
		{"tracked changes of version 1", export.Request{Format: export.HTML, Tracked: true, Version: 1}, drafts.Invalid},
		{"tracked changes of version 2", export.Request{Format: export.HTML, Tracked: true}, ""},
		{"a version the draft lacks", export.Request{Format: export.HTML, Version: 3}, drafts.NotFound},
		{"a draft the store lacks", export.Request{Format: export.HTML, Draft: "NOPE"}, drafts.NotFound},
		{"a format Check refuses", export.Request{Format: export.Excel}, drafts.Invalid},
		{"the table of version 1", export.Request{What: export.Table, Format: export.CSV, Version: 1}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := export.Preflight(r, c.q)
			var out bytes.Buffer
			_, werr := export.Write(r, &out, c.q)
			if c.kind == "" {
				if err != nil || werr != nil {
					t.Errorf("Preflight says %v, Write %v; want both to pass", err, werr)
				}
				return
			}
			if !drafts.IsKind(err, c.kind) || werr == nil || err.Error() != werr.Error() || out.Len() != 0 {
				t.Errorf("Preflight says %v, Write %v (%d bytes); want %v, the same sentence from both and nothing written", err, werr, out.Len(), c.kind)
			}
		})
	}
}

// BenchmarkExportConsolidatedWorkload exports the consolidated text of the
// 1,000-article workload as Markdown from a store, as statutectl export
// does: the version read, formatted, read back and written. The issue's
// target is 1 s an op.
func BenchmarkExportConsolidatedWorkload(b *testing.B) {
	r := storeWith(b, workload.Draft(1000, 1), workload.RevisedDraft(1000, 1))
	var out bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		res, err := export.Write(r, &out, export.Request{Format: export.Markdown})
		if err != nil {
			b.Fatal(err)
		}
		if res.Draft.Version != 2 || out.Len() < 500_000 {
			b.Fatalf("exported version %d in %d bytes", res.Draft.Version, out.Len())
		}
	}
	b.SetBytes(int64(out.Len()))
}
