package round_test

import (
	"maps"
	"testing"

	"statute/drafts"
	"statute/drafts/renumber"
	"statute/drafts/round"
)

// The federation's outline counts, article by article, the submitted
// amendments no decision names yet: decided ones (whatever the verdict),
// those a synthesis replaced, drafts and withdrawn ones are not counted,
// and one made on an earlier version is counted where its article is now.
func TestUndecidedCounts(t *testing.T) {
	r, d := newRound(t)
	want := func(d *drafts.Draft, w map[string]int) {
		t.Helper()
		got, err := r.UndecidedCounts(d, round.Visible(fed, d.ID))
		if err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(got, w) {
			t.Errorf("undecided counts %v, want %v", got, w)
		}
	}
	want(d, map[string]int{})

	one := submitted(t, r, fm, d, "3")
	two := submitted(t, r, cs, d, "3")
	submitted(t, r, mustChamber("MS"), d, "3")
	rejected := submitted(t, r, fm, d, "5")
	eight := submitted(t, r, cs, d, "8")
	if err := r.Save(fm, d, reworded(fm, d, "9")); err != nil { // a draft: not the federation's to decide
		t.Fatal(err)
	}
	gone := submitted(t, r, fm, d, "9")
	if _, err := r.Withdraw(fm, gone.ID); err != nil {
		t.Fatal(err)
	}
	want(d, map[string]int{"3": 3, "5": 1, "8": 1})

	if _, err := r.Decide(fed, rejected.ID, drafts.Reject, "", nil, ""); err != nil {
		t.Fatal(err)
	}
	synthesis := submitted(t, r, fed, d, "3")
	if _, err := r.Decide(fed, synthesis.ID, drafts.Supersede, "", []string{one.ID, two.ID}, ""); err != nil {
		t.Fatal(err)
	}
	want(d, map[string]int{"3": 1, "8": 1})

	// After a renumbering, CS's amendment to old article 8 is undecided
	// under new article 10.
	if err := r.Renumber(renumber.Make(d)); err != nil {
		t.Fatal(err)
	}
	latest, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	want(latest, map[string]int{"3": 1, "10": 1})

	// The counts with the log already read are the same.
	log, err := r.Store().Decisions(drafts.DecisionFilter{DraftID: d.ID})
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.UndecidedCountsIn(latest, round.Visible(fed, d.ID), log)
	if err != nil || !maps.Equal(got, map[string]int{"3": 1, "10": 1}) {
		t.Errorf("UndecidedCountsIn = %v, %v; want the same counts", got, err)
	}
	if _, err := r.Decide(fed, eight.ID, drafts.Accept, "", nil, ""); err != nil {
		t.Fatal(err)
	}
	want(latest, map[string]int{"3": 1})
}
