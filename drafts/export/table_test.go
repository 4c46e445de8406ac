package export_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/export"
	"statute/drafts/round"
	"statute/drafts/workload"
)

// tableRound is a round on the sample draft as the federation reviews it:
//
//   - FM and CS propose the same new wording of article 3 (CS's with
//     harakat: the same proposal), both accepted together with a note;
//     RSK proposes another wording of it, rejected with a note;
//   - SM proposes to repeal article 5, undecided;
//   - DT proposes a new article «7 مكررة ثلاث مرات» after «7 مكررة
//     مرتين», accepted with the staff's changes;
//   - MS proposed new wording of article 15 and withdrew it;
//   - GON and LSH propose the same wording of the first article, one
//     accepted, the other rejected;
//   - TTA and BMK propose different wordings of article 6, both replaced
//     by the federation's synthesis, adopted;
//   - ORI has an unsubmitted draft of article 2, which no table shows.
//
// Amendments have fixed IDs and times, so that the table is the same on
// every run; decisions are dated when recorded (fixDates).
func tableRound(t testing.TB) (*round.Round, *drafts.Draft) {
	t.Helper()
	d := mustParse(t, assets.SampleDraft)
	s := storeWith(t, d).Store()
	text := func(key string) string { return d.Article(key).Text() }
	art3 := strings.Replace(text("3"), "في هذا القانون", "في القانون رقم 50.17", 1)
	start := time.Date(2025, 7, 21, 9, 0, 0, 0, time.UTC)
	n := 0
	amend := func(id, key string, kind drafts.AmendmentKind, wording, why string, st drafts.Status) *drafts.Amendment {
		n++
		a := &drafts.Amendment{
			ID: id, DraftID: d.ID, DraftVersion: d.Version, BaseHash: d.Article(key).TextHash(), Article: key,
			Kind: kind, Text: wording, Justification: why, Chamber: id[:strings.Index(id, "-")],
			Created: start.Add(time.Duration(n) * time.Hour), Status: st,
		}
		a.Updated = a.Created
		if kind == drafts.Insert {
			a.NewNumber = "7 مكررة ثلاث مرات"
		}
		return a
	}
	sub := drafts.StatusSubmitted
	as := []*drafts.Amendment{
		amend("FM-0001", "3", drafts.Wording, art3, "الإحالة على القانون رقم 50.17", sub),
		amend("CS-0001", "3", drafts.Wording, strings.Replace(art3, "القانون رقم", "القانونِ رقم", 1), "توضيح المرجع", sub),
		amend("RSK-0001", "3", drafts.Wording, strings.Replace(text("3"), "في هذا القانون", "في هذا النظام الأساسي", 1), "الدقة", sub),
		amend("SM-0001", "5", drafts.Repeal, "", "يحدد المقر بنص تنظيمي", sub),
		amend("DT-0001", "7ter", drafts.Insert, "تنشر الغرفة كل سنة تقريرا عن أنشطتها.", "الشفافية", sub),
		amend("MS-0001", "15", drafts.Wording, strings.Replace(text("15"), "ست (6) سنوات", "خمس (5) سنوات", 1), "تقليص مدة الانتداب", drafts.StatusWithdrawn),
		amend("GON-0001", "1", drafts.Wording, text("1")+" ويحدد كيفيات تطبيقه.", "الوضوح", sub),
		amend("LSH-0001", "1", drafts.Wording, text("1")+" ويحدد كيفيات تطبيقه.", "الانسجام", sub),
		amend("TTA-0001", "6", drafts.Wording, text("6")+" وتنشر ميزانيتها.", "الشفافية المالية", sub),
		amend("BMK-0001", "6", drafts.Wording, "أجهزة الغرفة هي الجمعية العامة والمكتب والرئيس.", "التبسيط", sub),
		amend("FED-0001", "6", drafts.Wording, text("6")+" وتنشر الغرفة ميزانيتها.", "تسوية بين مقترحي الغرفتين", sub),
		amend("ORI-0001", "2", drafts.Wording, text("2")+" مسودة.", "", drafts.StatusDraft),
	}
	if err := s.AddAmendments(as...); err != nil {
		t.Fatal(err)
	}
	r := round.New(s)
	fed := drafts.Federation
	if _, err := r.DecideAll(fed, []string{"FM-0001", "CS-0001"}, drafts.Accept, "", "موافقة جميع الغرف"); err != nil {
		t.Fatal(err)
	}
	for _, dec := range []struct {
		id       string
		verdict  drafts.Verdict
		text     string
		replaces []string
		note     string
	}{
		{"RSK-0001", drafts.Reject, "", nil, "الإحالة على القانون أدق"},
		{"DT-0001", drafts.AcceptWithChanges, "تنشر الغرفة تقريرا سنويا عن أنشطتها.", nil, "صياغة أوجز"},
		{"GON-0001", drafts.Accept, "", nil, ""},
		{"LSH-0001", drafts.Reject, "", nil, "سبق قبول المقترح نفسه"},
		{"FED-0001", drafts.Supersede, "", []string{"TTA-0001", "BMK-0001"}, "جمع بين المقترحين"},
	} {
		if _, err := r.Decide(fed, dec.id, dec.verdict, dec.text, dec.replaces, dec.note); err != nil {
			t.Fatal(err)
		}
	}
	return r, d
}

// decided is the day every decision of a golden table is dated.
var decided = time.Date(2026, 11, 2, 10, 30, 0, 0, time.UTC)

// fixDates dates every decision of c decided, so that a golden file does
// not change with the day the test runs.
func fixDates(c *export.Comparison) {
	for i := range c.Rows {
		for j := range c.Rows[i].Decisions {
			if dc := &c.Rows[i].Decisions[j]; !dc.At.IsZero() {
				dc.At = decided
			}
		}
	}
}

// comparison builds the table q asks of tableRound's store.
func comparison(t *testing.T, r *round.Round, q export.Request) *export.Comparison {
	t.Helper()
	q.What = export.Table
	if q.Format == "" {
		q.Format = export.HTML
	}
	c, err := export.BuildComparison(r, q)
	if err != nil {
		t.Fatalf("%+v: %v", q, err)
	}
	fixDates(c)
	return c
}

// articles lists the rows' article cells, as a reader scans the first
// column.
func articles(c *export.Comparison) []string {
	var out []string
	for _, row := range c.Rows {
		out = append(out, row.Article)
	}
	return out
}

// chambers lists a row's chamber codes.
func chambers(row export.ComparisonRow) []string {
	var out []string
	for _, c := range row.Chambers {
		out = append(out, c.Code)
	}
	return out
}

// The whole table: one row per proposal, in the order of the text,
// identical proposals in one row with all their chambers, nobody's
// unsubmitted draft; each row as a reader checks it.
func TestComparisonRows(t *testing.T) {
	r, d := tableRound(t)
	c := comparison(t, r, export.Request{})
	if c.Draft.ID != d.ID || c.Draft.Version != 1 || len(c.Filters) != 0 {
		t.Fatalf("the table is of draft %s version %d, filters %v; want %s version 1 and none", c.Draft.ID, c.Draft.Version, c.Filters, d.ID)
	}
	want := []string{
		"المادة الأولى", "المادة 3", "المادة 3", "المادة 5 (نسخ)", "المادة 6", "المادة 6", "المادة 6",
		"مادة جديدة (7 مكررة ثلاث مرات) بعد المادة 7 مكررة مرتين", "المادة 15",
	}
	if got := articles(c); !slices.Equal(got, want) {
		t.Fatalf("the rows' articles are\n%q\nwant\n%q", got, want)
	}
	first, art3 := c.Rows[0], c.Rows[1]
	if got := chambers(first); !slices.Equal(got, []string{"GON", "LSH"}) {
		t.Errorf("the first article's identical proposals name %v, want GON and LSH in one row", got)
	}
	if len(first.Decisions) != 2 || first.Decisions[0].Verdict != "مقبول" || first.Decisions[1].Verdict != "مرفوض" ||
		!slices.Equal(first.Decisions[1].Chambers, []string{"LSH"}) || first.Decisions[1].Note != "سبق قبول المقترح نفسه" {
		t.Errorf("the first article's decisions are %+v, want GON's acceptance and LSH's rejection with its note", first.Decisions)
	}
	if got := chambers(art3); !slices.Equal(got, []string{"FM", "CS"}) || art3.Chambers[0].Name != "فاس مكناس" {
		t.Errorf("article 3's shared proposal names %+v, want FM (فاس مكناس) then CS", art3.Chambers)
	}
	if len(art3.Justifications) != 2 || art3.Justifications[1].Text != "توضيح المرجع" || !slices.Equal(art3.Justifications[1].Chambers, []string{"CS"}) {
		t.Errorf("article 3's justifications are %+v, want each chamber's own", art3.Justifications)
	}
	if len(art3.Decisions) != 1 || art3.Decisions[0].Outcome != export.Accepted || art3.Decisions[0].By != "الجامعة" ||
		art3.Decisions[0].Note != "موافقة جميع الغرف" || !art3.Decisions[0].At.Equal(decided) {
		t.Errorf("article 3's decisions are %+v, want one acceptance by the federation with its note", art3.Decisions)
	}
	if art3.Current != d.Article("3").Text() || !strings.Contains(art3.Proposed, "في القانون رقم 50.17") {
		t.Errorf("article 3's row shows %q against %q", art3.Proposed, art3.Current)
	}
	if got := diff.Plain(art3.Changes); !strings.Contains(got, "في [-هذا-] القانون {+رقم 50.17+}") {
		t.Errorf("article 3's changes read %q", got)
	}
	repeal := c.Rows[3]
	if repeal.Proposed != "" || len(repeal.Changes) != 1 || repeal.Changes[0].Op != diff.Delete || repeal.Decisions[0].Outcome != export.Undecided ||
		repeal.Decisions[0].Verdict != "لم يُبتّ فيه بعد" || !repeal.Decisions[0].At.IsZero() {
		t.Errorf("the repeal's row is %+v, want its text all deleted, undecided", repeal)
	}
	synthesis := c.Rows[6]
	if got := chambers(synthesis); !slices.Equal(got, []string{"FED"}) || synthesis.Decisions[0].Verdict != "معتمد بدلا من TTA-0001، BMK-0001" {
		t.Errorf("the synthesis's row names %v, decided %q", got, synthesis.Decisions[0].Verdict)
	}
	if v := c.Rows[4].Decisions[0].Verdict; v != "حلّ محله التعديل FED-0001" {
		t.Errorf("TTA's replaced proposal reads %q", v)
	}
	added := c.Rows[7]
	if added.Current != "" || len(added.Changes) != 1 || added.Changes[0].Op != diff.Insert ||
		added.Decisions[0].Outcome != export.AcceptedWithChanges || added.Decisions[0].Text != "تنشر الغرفة تقريرا سنويا عن أنشطتها." {
		t.Errorf("the new article's row is %+v, want its text all inserted, accepted with the staff's wording", added)
	}
	if w := c.Rows[8]; w.Decisions[0].Outcome != export.Withdrawn || w.Decisions[0].By != "" {
		t.Errorf("the withdrawn proposal stands %+v", w.Decisions)
	}
}

// Each filter narrows the table to the amendments that pass it, and the
// table says so above its rows.
func TestComparisonFilters(t *testing.T) {
	r, _ := tableRound(t)
	for _, c := range []struct {
		q       export.Request
		rows    []string // the rows' articles
		filters []string
	}{
		{export.Request{Chamber: "fm"}, []string{"المادة 3"}, []string{"الغرفة: FM (فاس مكناس)"}},
		{export.Request{Chamber: "ORI"}, nil, []string{"الغرفة: ORI (الشرق)"}},
		{export.Request{Status: "undecided"}, []string{"المادة 5 (نسخ)"}, []string{"الوضعية: لم يُبتّ فيه بعد"}},
		{export.Request{Status: "Submitted"}, []string{"المادة 5 (نسخ)"}, []string{"الوضعية: لم يُبتّ فيه بعد"}},
		{export.Request{Status: "accepted"}, []string{"المادة الأولى", "المادة 3", "المادة 6", "مادة جديدة (7 مكررة ثلاث مرات) بعد المادة 7 مكررة مرتين"}, []string{"الوضعية: مقبول"}},
		{export.Request{Status: "accepted-with-changes"}, []string{"مادة جديدة (7 مكررة ثلاث مرات) بعد المادة 7 مكررة مرتين"}, []string{"الوضعية: مقبول مع تعديل"}},
		{export.Request{Status: "reject"}, []string{"المادة الأولى", "المادة 3"}, []string{"الوضعية: مرفوض"}},
		{export.Request{Status: "withdrawn"}, []string{"المادة 15"}, []string{"الوضعية: مسحوب من طرف الغرفة"}},
		{export.Request{Status: "superseded"}, []string{"المادة 6", "المادة 6"}, []string{"الوضعية: حلّ محله تعديل تركيبي"}},
		{export.Request{Articles: "3-5"}, []string{"المادة 3", "المادة 3", "المادة 5 (نسخ)"}, []string{"المواد: 3 – 5"}},
		{export.Request{Articles: "المادة 7 مكررة مرتين"}, []string{"مادة جديدة (7 مكررة ثلاث مرات) بعد المادة 7 مكررة مرتين"}, []string{"المواد: 7 مكررة مرتين"}},
		{export.Request{Articles: "1"}, []string{"المادة الأولى"}, []string{"المواد: الأولى"}},
		{export.Request{Articles: "6–15", Status: "accepted", Chamber: "FED"}, []string{"المادة 6"}, []string{"الغرفة: FED (الجامعة)", "الوضعية: مقبول", "المواد: 6 – 15"}},
	} {
		got := comparison(t, r, c.q)
		if rows := articles(got); !slices.Equal(rows, c.rows) || !slices.Equal(got.Filters, c.filters) {
			t.Errorf("%+v: rows %q, filters %q; want %q and %q", c.q, rows, got.Filters, c.rows, c.filters)
		}
	}
	// Filtered by chamber, a row keeps only that chamber: the table of
	// its amendments.
	if row := comparison(t, r, export.Request{Chamber: "CS"}).Rows[0]; !slices.Equal(chambers(row), []string{"CS"}) {
		t.Errorf("CS's table names %v in its row", chambers(row))
	}
}

// A filter that is not one is refused with a sentence that says what to
// type, and nothing is written.
func TestComparisonBadFilters(t *testing.T) {
	r, _ := tableRound(t)
	for _, c := range []struct {
		q    export.Request
		kind drafts.ErrorKind
		want string
	}{
		{export.Request{Status: "approved"}, drafts.Invalid, `there is no status "approved" for the table: use undecided (or submitted), accepted`},
		{export.Request{Status: "draft"}, drafts.Invalid, `there is no status "draft"`},
		{export.Request{Chamber: "Fes"}, drafts.Invalid, `there is no chamber "Fes": use one of TTA, ORI, FM`},
		{export.Request{Articles: "99"}, drafts.NotFound, "the draft has no article 99"},
		{export.Request{Articles: "3-99"}, drafts.NotFound, "the draft has no article 99"},
		{export.Request{Articles: "7-3"}, drafts.Invalid, "the range of articles 7-3 runs backwards: 7 comes after 3 in the draft; give the first article first"},
		{export.Request{Articles: "ثلاثة إلى سبعة"}, drafts.Invalid, "«ثلاثة إلى سبعة» is neither an article nor a range of articles: give one article as 3, or a range as 3-7"},
		{export.Request{Format: export.AkomaNtoso}, drafts.Invalid, "the table of amendments is not written as akn: use docx, html, pdf, xlsx or csv"},
	} {
		q := c.q
		q.What = export.Table
		if q.Format == "" {
			q.Format = export.CSV
		}
		var out bytes.Buffer
		_, err := export.Write(r, &out, q)
		if !drafts.IsKind(err, c.kind) || !strings.Contains(err.Error(), c.want) || out.Len() != 0 {
			t.Errorf("%+v: %v (%s), %d bytes written; want %s %q and nothing written", c.q, err, drafts.KindOf(err), out.Len(), c.kind, c.want)
		}
	}
}

// The table as HTML: golden, and as a reader of the printed page checks
// it: right to left, landscape, header on each page, rows kept whole,
// marks that survive black and white, their legend, the filters.
func TestComparisonHTML(t *testing.T) {
	r, _ := tableRound(t)
	c := comparison(t, r, export.Request{})
	var out bytes.Buffer
	if err := export.WriteComparison(&out, c, export.HTML); err != nil {
		t.Fatal(err)
	}
	golden(t, "table.html", out.Bytes())
	p := readPage(t, out.Bytes())
	if p.lang != "ar" || p.dir != "rtl" || p.external {
		t.Errorf("<html lang=%q dir=%q>, refers outside: %v; want ar, rtl, self-contained", p.lang, p.dir, p.external)
	}
	page := out.String()
	for _, want := range []string{
		"size: A4 landscape", "thead { display: table-header-group; }", "tr { break-inside: avoid;",
		"ins { text-decoration: underline; font-weight: bold;", "del { text-decoration: line-through; font-style: italic; border: 1px dotted",
		"<ins>كلمات مضافة: تحتها خط وبخط غليظ</ins>", "<del>كلمات محذوفة: مشطوب عليها وبخط مائل داخل إطار منقط</del>",
		"<th scope=\"col\">النص الحالي</th>", "في <del>هذا </del>القانون<ins> رقم 50.17</ins>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if n := strings.Count(page, "<tr id="); n != len(c.Rows) {
		t.Errorf("%d rows in the page, want %d", n, len(c.Rows))
	}
	filtered := comparison(t, r, export.Request{Chamber: "SM", Articles: "5"})
	out.Reset()
	if err := export.WriteComparison(&out, filtered, export.HTML); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `<p class="filters">الغرفة: SM (سوس ماسة)؛ المواد: 5</p>`) {
		t.Errorf("the filtered page does not state its filters:\n%s", out.String())
	}
}

// The table as CSV: golden; a BOM, CRLF line ends, one record per row
// with the changes spelled out, read back by encoding/csv.
func TestComparisonCSV(t *testing.T) {
	r, _ := tableRound(t)
	c := comparison(t, r, export.Request{})
	var out bytes.Buffer
	if err := export.WriteComparison(&out, c, export.CSV); err != nil {
		t.Fatal(err)
	}
	golden(t, "table.csv", out.Bytes())
	b := out.Bytes()
	if !bytes.HasPrefix(b, []byte("\uFEFF")) || !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Fatal("the CSV does not start with a BOM or end with CRLF")
	}
	if !bytes.Contains(b, []byte("\"[- هذا]\n[+ رقم 50.17]\"")) || bytes.Count(b, []byte("\r\n")) != len(c.Rows)+1 {
		t.Error("a line break inside a cell is not a bare LF, or a record does not end with CRLF")
	}
	records, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != len(c.Rows)+1 || records[0][3] != "التغييرات مفصلة" || len(records[0]) != 7 {
		t.Fatalf("%d records of %d fields, want a header and %d rows of 7", len(records), len(records[0]), len(c.Rows))
	}
	art3 := records[2]
	if art3[0] != "المادة 3" || art3[3] != "[- هذا]\n[+ رقم 50.17]" || art3[4] != "FM (فاس مكناس)\nFM-0001\nCS (الدار البيضاء سطات)\nCS-0001" ||
		art3[6] != "مقبول — الجامعة — 02/11/2026\nملاحظة: موافقة جميع الغرف" {
		t.Errorf("article 3's record is %q", art3)
	}
	// A field that would start a formula in a spreadsheet is made inert.
	formula := comparison(t, r, export.Request{Articles: "3", Chamber: "RSK"})
	formula.Rows[0].Justifications[0].Text = "=HYPERLINK(\"http://example.com\")"
	out.Reset()
	if err := export.WriteComparison(&out, formula, export.CSV); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `,"'=HYPERLINK(""http://example.com"")",`) {
		t.Errorf("a justification that reads as a formula is written as it is:\n%s", out.String())
	}
	if repeal := records[4]; repeal[2] != "" || !strings.HasPrefix(repeal[3], "[- يوجد مقر الغرفة") || !strings.Contains(repeal[3], " ¶ تحدد") {
		t.Errorf("the repeal's record is %q", repeal)
	}
}

// frenchTableRound is a round on a short French draft: FM proposes a new
// article «2 bis» after article 2, undecided.
func frenchTableRound(t *testing.T) *round.Round {
	t.Helper()
	d := mustParse(t, []byte("Statut\nArticle premier\nLe présent statut s'applique.\nArticle 2\nLa chambre siège au chef-lieu.\n"))
	s := storeWith(t, d).Store()
	a := &drafts.Amendment{DraftID: d.ID, DraftVersion: 1, BaseHash: d.Article("2").TextHash(), Article: "2", Kind: drafts.Insert,
		NewNumber: "2 bis", Text: "La chambre publie un rapport.", Justification: "Transparence", Chamber: "FM", Status: drafts.StatusSubmitted}
	if err := s.AddAmendments(a); err != nil {
		t.Fatal(err)
	}
	return round.New(s)
}

// A French draft's table speaks French and reads left to right.
func TestComparisonFrench(t *testing.T) {
	r := frenchTableRound(t)
	var out bytes.Buffer
	if _, err := export.Write(r, &out, export.Request{What: export.Table, Format: export.HTML, Status: "undecided"}); err != nil {
		t.Fatal(err)
	}
	p := readPage(t, out.Bytes())
	page := out.String()
	for _, want := range []string{"<th scope=\"col\">Texte actuel</th>", "Nouvel article (2 bis) après l&#39;article 2", "FM (Fès-Meknès)", "non encore décidé", "Statut : non encore décidé"} {
		if !strings.Contains(page, want) {
			t.Errorf("the French table lacks %q", want)
		}
	}
	if p.lang != "fr" || p.dir != "ltr" {
		t.Errorf("<html lang=%q dir=%q>, want fr and ltr", p.lang, p.dir)
	}
	out.Reset()
	if _, err := export.Write(r, &out, export.Request{What: export.Table, Format: export.Excel}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	view, err := f.GetSheetView(sheet, 0)
	if sheet != "Tableau comparatif" || err != nil || view.RightToLeft == nil || *view.RightToLeft {
		t.Errorf("the French sheet %q is right to left: %+v (%v)", sheet, view, err)
	}
	id, err := f.GetCellStyle(sheet, "A2")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := f.GetStyle(id); err != nil || st.Alignment == nil || st.Alignment.ReadingOrder != 1 || st.Alignment.Horizontal != "left" {
		t.Errorf("the French cells are aligned %+v (%v), want left to right", st.Alignment, err)
	}
	if v, _ := f.GetCellValue(sheet, "A2"); v != "Nouvel article (2 bis) après l'article 2" {
		t.Errorf("the French table's first row reads %q", v)
	}
}

// ArticleRange reads what people type, and says which articles it names.
func TestArticleRange(t *testing.T) {
	d := mustParse(t, assets.SampleDraft)
	number := func(i int) string { return d.Articles[i].Number }
	for _, c := range []struct{ in, first, last string }{
		{"3", "3", "3"},
		{" 3 - 7 ", "3", "7"},
		{"الأولى-3", "الأولى", "3"},
		{"المادة 3 إلى المادة 5", "3", "5"},
		{"7 مكررة", "7 مكررة", "7 مكررة"},
		{"7bis-7 مكررة مرتين", "7 مكررة", "7 مكررة مرتين"},
		{"٣-٥", "3", "5"},
	} {
		first, last, err := export.ArticleRange(d, c.in)
		if err != nil || number(first) != c.first || number(last) != c.last {
			t.Errorf("%q: %v; want articles %s to %s", c.in, err, c.first, c.last)
		}
	}
}

// FuzzArticleRange: whatever is typed, a range is read in the draft's
// order, or refused as Invalid or NotFound; never a panic.
func FuzzArticleRange(f *testing.F) {
	d := mustParse(f, assets.SampleDraft)
	for _, s := range []string{"3", "3-7", "7-3", "2-1", "الأولى-3", "7 مكررة", "3..5", "—", "-", "3-", "إلى", "\xff-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		first, last, err := export.ArticleRange(d, s)
		if err != nil {
			if k := drafts.KindOf(err); k != drafts.Invalid && k != drafts.NotFound {
				t.Fatalf("%q: %v is %s, want Invalid or NotFound", s, err, k)
			}
			return
		}
		if first < 0 || first > last || last >= len(d.Articles) {
			t.Fatalf("%q: articles %d to %d of %d", s, first, last, len(d.Articles))
		}
	})
}

// workloadTable is a store holding the large round: the
// 1,000-article draft and its 20,000 amendments, all submitted (the
// generator leaves some as drafts, which no table shows), every other
// one accepted.
func workloadTable(b *testing.B) *round.Round {
	b.Helper()
	d := workload.Draft(1000, 1)
	s := storeWith(b, d).Store()
	as := workload.Amendments(d, 20000, 1)
	var accepted []string
	for i, a := range as {
		a.Status = drafts.StatusSubmitted
		if i%2 == 0 {
			accepted = append(accepted, a.ID)
		}
	}
	if err := s.AddAmendments(as...); err != nil {
		b.Fatal(err)
	}
	r := round.New(s)
	if _, err := r.DecideAll(drafts.Federation, accepted, drafts.Accept, "", ""); err != nil {
		b.Fatal(err)
	}
	return r
}

// benchmarkTable exports the workload's whole table in format f, as
// statutectl export does: the amendments and the log read, grouped,
// diffed, written. The targets are 5 s an op for XLSX, 3 s for
// Word.
func benchmarkTable(b *testing.B, f export.Format) {
	r := workloadTable(b)
	// Every amendment is in the table once: 20,000 in some 8,900 rows,
	// as the generator often has chambers propose the same thing.
	c, err := export.BuildComparison(r, export.Request{What: export.Table, Format: f})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, row := range c.Rows {
		for _, ch := range row.Chambers {
			n += len(ch.Amendments)
		}
	}
	if n != 20000 {
		b.Fatalf("the table holds %d amendments in %d rows, want 20,000", n, len(c.Rows))
	}
	var out bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		res, err := export.Write(r, &out, export.Request{What: export.Table, Format: f})
		if err != nil {
			b.Fatal(err)
		}
		if res.Rows != len(c.Rows) {
			b.Fatalf("%d rows written, want %d", res.Rows, len(c.Rows))
		}
	}
	b.SetBytes(int64(out.Len()))
}

func BenchmarkTableXLSXWorkload(b *testing.B) { benchmarkTable(b, export.Excel) }
func BenchmarkTableDOCXWorkload(b *testing.B) { benchmarkTable(b, export.Word) }
func BenchmarkTableHTMLWorkload(b *testing.B) { benchmarkTable(b, export.HTML) }
func BenchmarkTableCSVWorkload(b *testing.B)  { benchmarkTable(b, export.CSV) }

// The table as XLSX, read back as a spreadsheet program reads it: one
// sheet shown right to left, its header bold and frozen with a filter,
// printed landscape with the header on each page, each cell right-aligned
// with a right-to-left reading order, and the proposed text as rich text
// whose inserted words are underlined and bold and deleted ones struck.
func TestComparisonXLSX(t *testing.T) {
	r, _ := tableRound(t)
	c := comparison(t, r, export.Request{})
	var out bytes.Buffer
	if err := export.WriteComparison(&out, c, export.Excel); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 1 || sheets[0] != "الجدول المقارن" {
		t.Fatalf("sheets %q, want one, «الجدول المقارن»", sheets)
	}
	sheet := sheets[0]
	view, err := f.GetSheetView(sheet, 0)
	if err != nil || view.RightToLeft == nil || !*view.RightToLeft {
		t.Errorf("the sheet view is %+v (%v), want right to left", view, err)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v (%v), want the header row frozen", panes, err)
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 {
		t.Errorf("page layout %+v (%v), want A4 landscape", layout, err)
	}
	props, err := f.GetSheetProps(sheet)
	if err != nil || props.FitToPage == nil || !*props.FitToPage || layout.FitToWidth == nil || *layout.FitToWidth != 1 {
		t.Errorf("sheet properties %+v, layout %+v (%v): want the sheet printed fitted to the page's width", props, layout, err)
	}
	// Rows are as tall as their text: article 3's two paragraphs of some
	// 150 and 130 letters take several lines in their column.
	if h, err := f.GetRowHeight(sheet, 3); err != nil || h < 4*15 || h > 409 {
		t.Errorf("article 3's row is %.0f points high (%v), want room for its lines", h, err)
	}
	names := map[string]string{}
	for _, n := range f.GetDefinedName() {
		names[n.Name] = n.RefersTo
	}
	if names["_xlnm._FilterDatabase"] != "'الجدول المقارن'!$A$1:$F$10" || names["_xlnm.Print_Titles"] != "'الجدول المقارن'!$1:$1" {
		t.Errorf("defined names %q, want the filter over the header and %d rows, and the header printed on each page", names, len(c.Rows))
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(c.Rows)+1 || !slices.Equal(rows[0], []string{"المادة", "النص الحالي", "النص المقترح (التغييرات معلمة)", "الغرفة", "التعليل", "القرار والملاحظة"}) {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	for i, row := range c.Rows {
		got := rows[i+1]
		if got[0] != row.Article || got[1] != row.Current || !strings.HasPrefix(got[3], row.Chambers[0].Code+" (") {
			t.Errorf("row %d reads %q, want %s with its text and chambers", i+2, got, row.Article)
		}
	}
	for _, cell := range []string{"A1", "A3", "C3", "F3"} {
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if a := st.Alignment; a == nil || a.ReadingOrder != 2 || a.Horizontal != "right" || !a.WrapText {
			t.Errorf("%s is aligned %+v, want right, right-to-left reading order, wrapped", cell, a)
		}
		if bold := st.Font != nil && st.Font.Bold; bold != (cell == "A1") {
			t.Errorf("%s is bold: %v; want only the header bold", cell, bold)
		}
	}
	runs, err := f.GetCellRichText(sheet, "C3")
	if err != nil {
		t.Fatal(err)
	}
	var ins, del, plain []string
	for _, run := range runs {
		switch {
		case run.Font != nil && run.Font.Underline == "single" && run.Font.Bold:
			ins = append(ins, run.Text)
		case run.Font != nil && run.Font.Strike && strings.HasSuffix(run.Font.Color, "7F7F7F"):
			del = append(del, run.Text)
		default:
			plain = append(plain, run.Text)
		}
	}
	if !slices.Equal(ins, []string{" رقم 50.17"}) || !slices.Equal(del, []string{"هذا "}) || !strings.HasPrefix(strings.Join(plain, ""), "غرف الصناعة") {
		t.Errorf("article 3's proposed text has inserted runs %q, deleted %q", ins, del)
	}
}

// The table of a later version holds the amendments made on it, and those
// made on an earlier version that still wait for a decision: carried onto
// the version's wording as consolidation would apply them, or, where
// their change collides with the article's later ones, shown against the
// wording they were made on; each says so beside its article. What was
// decided on the earlier version stays in that version's table.
func TestComparisonCarriesUndecidedAmendments(t *testing.T) {
	v1 := mustParse(t, assets.SampleDraft)
	v2 := mustParse(t, assets.SampleDraft)
	a15 := v2.Article("15")
	a15.Paragraphs[0] = strings.Replace(a15.Paragraphs[0], "ست (6) سنوات", "خمس (5) سنوات", 1)
	r := storeWith(t, v1, v2)
	text := func(d *drafts.Draft, key string) string { return d.Article(key).Text() }
	at := time.Date(2025, 7, 21, 9, 0, 0, 0, time.UTC)
	amend := func(id string, d *drafts.Draft, key, wording string) *drafts.Amendment {
		at = at.Add(time.Hour)
		return &drafts.Amendment{
			ID: id, DraftID: v1.ID, DraftVersion: d.Version, BaseHash: d.Article(key).TextHash(), Article: key, Kind: drafts.Wording,
			Text: wording, Justification: "تعليل", Chamber: id[:strings.Index(id, "-")], Created: at, Updated: at, Status: drafts.StatusSubmitted,
		}
	}
	if err := r.Store().AddAmendments(
		amend("CS-0001", v1, "3", text(v1, "3")+" وفق القانون."),
		amend("RSK-0001", v1, "3", text(v1, "3")+" حسب الأحوال."),
		amend("FM-0001", v1, "15", text(v1, "15")+" ويحدد مرسوم كيفيات ذلك."),
		amend("SM-0001", v1, "15", strings.Replace(text(v1, "15"), "ست (6) سنوات", "سبع (7) سنوات", 1)),
		amend("DT-0001", v2, "4", text(v2, "4")+" بمرسوم."),
	); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Decide(drafts.Federation, "RSK-0001", drafts.Reject, "", nil, ""); err != nil {
		t.Fatal(err)
	}

	c := comparison(t, r, export.Request{})
	want := []string{
		"المادة 3 (مقترح على الإصدار 1)", "المادة ٤",
		"المادة 15 (مقترح على الإصدار 1)",
		"المادة 15 (مقترح على الإصدار 1، يتعارض مع تغييرات لاحقة للمادة، ومعروض على صيغتها التي اقترح عليها)",
	}
	if got := articles(c); c.Draft.Version != 2 || !slices.Equal(got, want) {
		t.Fatalf("version %d's table has the rows\n%q\nwant\n%q", c.Draft.Version, got, want)
	}
	carried, stale := c.Rows[2], c.Rows[3]
	if carried.Current != text(v2, "15") || diff.Plain(carried.Changes) != text(v2, "15")+" {+ويحدد مرسوم كيفيات ذلك.+}" {
		t.Errorf("FM's amendment, carried onto version 2, reads %q", diff.Plain(carried.Changes))
	}
	if stale.Current != text(v1, "15") || !strings.Contains(diff.Plain(stale.Changes), "[-ست-]{+سبع+} ([-6-]{+7+})") {
		t.Errorf("SM's stale amendment reads %q against %q", diff.Plain(stale.Changes), stale.Current)
	}
	if got := articles(comparison(t, r, export.Request{Version: 1})); !slices.Equal(got, []string{"المادة 3", "المادة 3", "المادة 15", "المادة 15"}) {
		t.Errorf("version 1's table has the rows %q, want the four amendments made on it", got)
	}
}

// A table with no row is still a table: its header, and in HTML a
// sentence that says no amendment meets its conditions.
func TestComparisonEmpty(t *testing.T) {
	r, _ := tableRound(t)
	for _, f := range []export.Format{export.HTML, export.Excel, export.CSV} {
		var out bytes.Buffer
		res, err := export.Write(r, &out, export.Request{What: export.Table, Format: f, Chamber: "DOD"})
		if err != nil || res.Rows != 0 {
			t.Fatalf("%s: %v, %+v", f, err, res)
		}
		switch f {
		case export.HTML:
			if !strings.Contains(out.String(), `<td colspan="6">لا يوجد أي تعديل يستجيب لهذه الشروط.</td>`) {
				t.Errorf("the empty HTML table does not say it is empty:\n%s", out.String())
			}
		case export.CSV:
			if n := strings.Count(out.String(), "\r\n"); n != 1 {
				t.Errorf("the empty CSV has %d lines, want its header", n)
			}
		case export.Excel:
			x, err := excelize.OpenReader(&out)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := x.GetRows(x.GetSheetName(0))
			if err != nil || len(rows) != 1 || rows[0][0] != "المادة" {
				t.Errorf("the empty XLSX has rows %q (%v), want its header", rows, err)
			}
			x.Close()
		}
	}
}
