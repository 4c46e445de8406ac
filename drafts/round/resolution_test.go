package round_test

import (
	"slices"
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/round"
)

// The resolution of the round: the article written with either
// conflicting chamber's wording holds the other chamber's clean change
// too, and each side names its chamber.
func TestResolutionTextHoldsTheCleanChanges(t *testing.T) {
	r, d := newRound(t)
	fm := propose(t, r, d, "FM", "3", "والاستقلال المالي", "والاستقلال المالي والإداري")
	cs := propose(t, r, d, "CS", "3", "في هذا القانون", "في القانون رقم 50.17")
	ms := propose(t, r, d, "MS", "3", "في هذا القانون", "في هذا النظام")
	for _, a := range []*drafts.Amendment{fm, cs, ms} {
		decide(t, r, a.ID, drafts.Accept)
	}
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := r.Resolutions(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].Article == nil || rs[0].Article.Key != "3" {
		t.Fatalf("resolutions %+v, want article 3's", rs)
	}
	res := rs[0]
	if got := res.Chambers; got[fm.ID] != "FM" || got[cs.ID] != "CS" || got[ms.ID] != "MS" {
		t.Errorf("chambers %v", got)
	}
	base := d.Article("3").Text()
	clean := strings.Replace(base, "والاستقلال المالي", "والاستقلال المالي والإداري", 1)
	versions := res.Conflicts[0].Versions
	for v, ver := range versions {
		want := clean
		switch ver.Sides[0] {
		case cs.ID:
			want = strings.Replace(clean, "في هذا القانون", "في القانون رقم 50.17", 1)
		case ms.ID:
			want = strings.Replace(clean, "في هذا القانون", "في هذا النظام", 1)
		default:
			t.Fatalf("version %d names %v", v, ver.Sides)
		}
		if got := res.Text(0, v); got != want {
			t.Errorf("with %v's wording:\n got %s\nwant %s", ver.Sides, got, want)
		}
	}
	if got := res.Text(-1, 0); got != clean {
		t.Errorf("with the clean changes alone:\n got %s\nwant %s", got, clean)
	}
}

// Two new articles asking for one number are listed with their
// amendments, and have no article to resolve.
func TestResolutionOfNewArticlesAskingOneNumber(t *testing.T) {
	r, d := newRound(t)
	var ids []string
	for _, p := range []struct{ code, text string }{{"FM", "تحدث لجنة جهوية."}, {"CS", "يحدث مجلس جهوي."}} {
		c, err := drafts.ChamberByCode(p.code)
		if err != nil {
			t.Fatal(err)
		}
		a := round.Blank(c, d, d.Article("3"))
		a.Kind, a.NewNumber, a.Text, a.Justification = drafts.Insert, "3 مكررة", p.text, "سبب"
		if err := r.Submit(c, d, a); err != nil {
			t.Fatal(err)
		}
		decide(t, r, a.ID, drafts.Accept)
		ids = append(ids, a.ID)
	}
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := r.Resolutions(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].Article != nil || rs[0].NumberTaken {
		t.Fatalf("resolutions %+v, want one of two new articles", rs)
	}
	var got []string
	for _, s := range rs[0].Sides {
		got = append(got, s.ID)
	}
	slices.Sort(got)
	slices.Sort(ids)
	if !slices.Equal(got, ids) || rs[0].Chambers[ids[0]] == "" {
		t.Errorf("sides %v (chambers %v), want %v", got, rs[0].Chambers, ids)
	}
	if rs[0].Number != "3 مكررة" {
		t.Errorf("the number asked reads %q, want «3 مكررة» as written", rs[0].Number)
	}
}
