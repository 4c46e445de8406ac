package boltstore_test

import (
	"cmp"
	"reflect"
	"slices"
	"testing"

	"statute/drafts"
	"statute/drafts/workload"
)

// TestWorkloadRound stores a generated round (a 200-article draft, 2,400
// amendments from all twelve chambers) in one call and checks what the
// review screens read back: every amendment intact, in the order of the
// draft's articles and, for one article, oldest first.
func TestWorkloadRound(t *testing.T) {
	s := newStore(t)
	d := addDraft(t, s, workload.Draft(200, 7))
	as := workload.Amendments(d, 2400, 7)
	addAmendments(t, s, as...)

	position := map[string]int{}
	for i, a := range d.Articles {
		position[a.Key] = i
	}
	want := make([]drafts.Amendment, len(as))
	for i, a := range as {
		want[i] = *a
	}
	slices.SortStableFunc(want, func(a, b drafts.Amendment) int {
		return cmp.Or(cmp.Compare(position[a.Article], position[b.Article]), a.Created.Compare(b.Created))
	})

	all, err := s.Amendments(drafts.AmendmentFilter{DraftID: d.ID})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(all, want) {
		t.Fatalf("the listing (%d amendments) is not the stored round (%d) in article order, oldest first", len(all), len(want))
	}

	filters := []struct {
		name string
		f    drafts.AmendmentFilter
	}{
		{"first article", drafts.AmendmentFilter{DraftID: d.ID, Article: d.Articles[0].Key}},
		{"middle article", drafts.AmendmentFilter{DraftID: d.ID, Article: d.Articles[len(d.Articles)/2].Key}},
		{"one chamber", drafts.AmendmentFilter{DraftID: d.ID, Chamber: "GON"}},
		{"submitted", drafts.AmendmentFilter{DraftID: d.ID, Status: drafts.StatusSubmitted}},
		{"all fields", drafts.AmendmentFilter{DraftID: d.ID, Article: d.Articles[3].Key, Chamber: "TTA", Status: drafts.StatusDraft}},
		{"one chamber, any draft", drafts.AmendmentFilter{Chamber: "DOD"}},
	}
	for _, tt := range filters {
		f := tt.f
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Amendments(f)
			if err != nil {
				t.Fatal(err)
			}
			var subset []drafts.Amendment
			for _, a := range want {
				if f.Match(&a) {
					subset = append(subset, a)
				}
			}
			if len(got) != len(subset) || len(got) > 0 && !reflect.DeepEqual(got, subset) {
				t.Errorf("got %d amendments, want the %d of the full listing that pass %+v, in its order", len(got), len(subset), f)
			}
		})
	}
}

// TestAmendmentCountsMatchTheListing checks the outline's counts, read
// from the index alone, against counting the listed amendments, for the
// filters the app uses, with amendments to two versions of the draft.
func TestAmendmentCountsMatchTheListing(t *testing.T) {
	s := newStore(t)
	d := addDraft(t, s, workload.Draft(120, 3))
	addAmendments(t, s, workload.Amendments(d, 900, 3)...)
	v2 := workload.Draft(120, 3)
	v2.ID = d.ID
	v2 = addDraft(t, s, v2)
	second := workload.Amendments(v2, 300, 4)
	for _, a := range second {
		a.ID = "" // the generator restarts its counters; the store numbers them
	}
	addAmendments(t, s, second...)
	filters := []drafts.AmendmentFilter{
		{DraftID: d.ID},
		{DraftID: d.ID, Chamber: "fm"},
		{DraftID: d.ID, Status: drafts.StatusDraft},
		{DraftID: d.ID, Article: d.Articles[7].Key},
		{},
		{DraftID: "no-such-draft"},
	}
	for _, f := range filters {
		t.Run(f.DraftID+"/"+f.Chamber+"/"+string(f.Status)+"/"+f.Article, func(t *testing.T) {
			as, err := s.Amendments(f)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]int{}
			for _, a := range as {
				want[a.Article]++
			}
			got, err := s.AmendmentCounts(f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("counts %v, want %v (from %d listed amendments)", got, want, len(as))
			}
		})
	}
}
