package review_test

import (
	"slices"
	"strings"
	"testing"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/parse"
	"statute/drafts/review"
)

func amendment(id, chamber, article string, kind drafts.AmendmentKind, number, text string, st drafts.Status) drafts.Amendment {
	return drafts.Amendment{ID: id, Chamber: chamber, Article: article, Kind: kind, NewNumber: number, Text: text, Status: st}
}

// Proposals that differ in form only (harakat, tatweel, alef forms,
// digits, spacing, blank lines) are one entry, with every chamber that
// made them; different ones stay apart.
func TestIdenticalProposalsAreOneEntry(t *testing.T) {
	sub := drafts.StatusSubmitted
	as := []drafts.Amendment{
		amendment("FM-1", "FM", "3", drafts.Wording, "", "تخضع الغرف لوصاية الدولة وفق القانون رقم 50.17.", sub),
		amendment("CS-1", "CS", "3", drafts.Wording, "", "تَخْضَعُ الغرف لوصايـة الدولة  وفق القانون رقم ٥٠.١٧.\n\n", sub),
		amendment("MS-1", "MS", "3", drafts.Wording, "", "تخضع الغرف لوصاية الدولة وفق القانون رقم 18.09.", sub),
		amendment("SM-1", "SM", "3", drafts.Repeal, "", "", sub),
		amendment("TTA-1", "TTA", "3", drafts.Repeal, "", "", sub),
		amendment("FM-2", "FM", "3", drafts.Wording, "", "تخضع الغرف لوصاية الدولة وفق القانون رقم 50.17.", sub),
	}
	entries := review.Group(as)
	var got [][]string
	for _, e := range entries {
		var ids []string
		for _, a := range e.Amendments {
			ids = append(ids, a.ID)
		}
		got = append(got, ids)
	}
	want := [][]string{{"FM-1", "CS-1", "FM-2"}, {"MS-1"}, {"SM-1", "TTA-1"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("entries %q, want %q", got, want)
	}
	if !slices.Equal(entries[0].Chambers, []string{"FM", "CS"}) {
		t.Errorf("the first entry's chambers are %q, want FM and CS, each once", entries[0].Chambers)
	}
}

// The overview counts each chamber's amendments by status, and names the
// numbers proposed for new articles that the draft has already or that
// different proposals ask for.
func TestOverview(t *testing.T) {
	d, err := parse.Parse(assets.SampleDraft, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sub, draft, wd := drafts.StatusSubmitted, drafts.StatusDraft, drafts.StatusWithdrawn
	as := []drafts.Amendment{
		amendment("FM-1", "FM", "3", drafts.Wording, "", "نص", sub),
		amendment("FM-2", "FM", "5", drafts.Repeal, "", "", draft),
		amendment("CS-1", "CS", "7", drafts.Insert, "7 مكررة", "مادة جديدة", sub), // the draft has 7bis
		amendment("CS-2", "CS", "9", drafts.Insert, "9 مكررة", "نص أول", sub),     // two proposals ask for 9bis
		amendment("MS-1", "MS", "9", drafts.Insert, "9bis", "نص ثان", sub),        //
		amendment("RSK-1", "RSK", "9", drafts.Insert, "9 مكررة مرتين", "نص", sub), // alone: no clash
		amendment("SM-1", "SM", "9", drafts.Insert, "9 مكررة مرتين", "نَص", sub),  // the same proposal
		amendment("TTA-1", "TTA", "10", drafts.Insert, "10 مكررة", "نص", wd),      // withdrawn
		amendment("TTA-2", "TTA", "10", drafts.Insert, "10 مكررة", "نص آخر", sub), // alone once TTA-1 is withdrawn
	}
	o := review.Summarize(d, as)
	var chambers []string
	for _, c := range o.Chambers {
		chambers = append(chambers, c.Chamber)
	}
	var want []string
	for _, p := range drafts.Parties() {
		if slices.ContainsFunc(as, func(a drafts.Amendment) bool { return a.Chamber == p.Code }) {
			want = append(want, p.Code)
		}
	}
	if !slices.Equal(chambers, want) {
		t.Errorf("chambers %q, want %q: each that has amendments, in the order of the parties", chambers, want)
	}
	for _, c := range o.Chambers {
		if c.Chamber == "FM" && (c.Total != 2 || c.ByStatus[sub] != 1 || c.ByStatus[draft] != 1) {
			t.Errorf("FM counts %+v, want one submitted and one draft", c)
		}
		if c.Chamber == "TTA" && (c.Total != 2 || c.ByStatus[wd] != 1) {
			t.Errorf("TTA counts %+v, want one withdrawn of two", c)
		}
	}
	var clashes []string
	for _, c := range o.Clashes {
		clashes = append(clashes, c.Key)
		if c.Key == "7bis" && !c.Existing {
			t.Error("7bis is not marked as an article the draft has")
		}
		if c.Key == "9bis" && !slices.Equal(c.Amendments, []string{"CS-2", "MS-1"}) {
			t.Errorf("9bis is asked for by %q, want CS-2 and MS-1", c.Amendments)
		}
	}
	if want := []string{"7bis", "9bis"}; !slices.Equal(clashes, want) {
		t.Errorf("clashes %q, want %q", clashes, want)
	}
}

// The board's filters keep the amendments of one chamber, kind or status,
// and its order by chamber follows the parties' order.
func TestFilter(t *testing.T) {
	sub, wd := drafts.StatusSubmitted, drafts.StatusWithdrawn
	as := []drafts.Amendment{
		amendment("MS-1", "MS", "3", drafts.Wording, "", "أ", sub),
		amendment("FM-1", "FM", "3", drafts.Repeal, "", "", sub),
		amendment("TTA-1", "TTA", "3", drafts.Wording, "", "ب", wd),
		amendment("FM-2", "FM", "3", drafts.Wording, "", "ج", sub),
	}
	ids := func(as []drafts.Amendment) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	for _, c := range []struct {
		f    review.Filter
		want []string
	}{
		{review.Filter{}, []string{"MS-1", "FM-1", "TTA-1", "FM-2"}},
		{review.Filter{Chamber: "FM"}, []string{"FM-1", "FM-2"}},
		{review.Filter{Kind: drafts.Wording}, []string{"MS-1", "TTA-1", "FM-2"}},
		{review.Filter{Status: wd}, []string{"TTA-1"}},
		{review.Filter{ByChamber: true}, []string{"TTA-1", "FM-1", "FM-2", "MS-1"}},
		{review.Filter{Chamber: "FM", Kind: drafts.Repeal}, []string{"FM-1"}},
	} {
		if got := ids(c.f.Apply(as)); !slices.Equal(got, c.want) {
			t.Errorf("%+v keeps %q, want %q", c.f, got, c.want)
		}
	}
	if as[0].ID != "MS-1" {
		t.Error("Apply reordered the amendments it was given")
	}
}

// Proposals whose changes touch the same words compete, naming the words;
// one changing other words competes with none; identical ones are one
// entry and do not compete with themselves.
func TestCompeting(t *testing.T) {
	base := "تخضع الغرف لوصاية الدولة وفق الشروط المنصوص عليها في هذا القانون."
	sub := drafts.StatusSubmitted
	based := func(as ...drafts.Amendment) []drafts.Amendment {
		for i := range as {
			as[i].BaseHash = drafts.HashText(base)
		}
		return as
	}
	es := review.Group(based(
		amendment("CS-1", "CS", "3", drafts.Wording, "", strings.Replace(base, "في هذا القانون", "في القانون رقم 50.17", 1), sub),
		amendment("MS-1", "MS", "3", drafts.Wording, "", strings.Replace(base, "في هذا القانون", "في هذا النظام", 1), sub),
		amendment("FM-1", "FM", "3", drafts.Wording, "", strings.Replace(base, "لوصاية الدولة", "لوصاية الدولة المالية", 1), sub),
		amendment("SM-1", "SM", "3", drafts.Wording, "", strings.Replace(base, "في هذا القانون", "في القانون رقم 50.17", 1), sub),
	))
	if len(es) != 3 {
		t.Fatalf("%d entries, want CS's and SM's identical proposals as one", len(es))
	}
	cs := review.Competing(base, es, nil)
	if len(cs) != 1 || !slices.Equal(cs[0].Entries, []int{0, 1}) || !strings.Contains(cs[0].Words, "هذا") {
		t.Errorf("contests %+v, want CS/SM's and MS's proposals competing over «هذا القانون»", cs)
	}

	// A proposal made on an earlier wording competes by its change carried
	// onto this one, and not at all when it was not carried.
	older := amendment("DT-1", "DT", "3", drafts.Wording, "", "نص سابق", sub)
	older.BaseHash = drafts.HashText("نص سابق آخر")
	es = append(es, review.Entry{Amendments: []drafts.Amendment{older}, Chambers: []string{"DT"}})
	if cs := review.Competing(base, es, nil); len(cs) != 1 || slices.Contains(cs[0].Entries, 3) {
		t.Errorf("contests %+v: DT's proposal, made on another wording and not carried, competes", cs)
	}
	carried := map[string]string{"DT-1": strings.Replace(base, "لوصاية الدولة", "لوصاية الحكومة", 1)}
	cs = review.Competing(base, es, carried)
	i := slices.IndexFunc(cs, func(c review.Contest) bool { return slices.Contains(c.Entries, 3) })
	if len(cs) != 2 || i < 0 || !slices.Equal(cs[i].Entries, []int{2, 3}) || !strings.Contains(cs[i].Words, "الدولة") {
		t.Errorf("contests %+v, want DT's carried change competing with FM's over «الدولة»", cs)
	}
}
