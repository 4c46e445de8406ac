package round_test

import (
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/round"
)

// After version 2 is consolidated, the amendments made on version 1 read
// against it as a reviewer expects: the one it applied, as made, naming
// version 2; those still to apply (undecided, or accepted since) carried
// onto the new wording or stale; a rejected one as it was decided.
func TestReadingsAgainstTheNextVersion(t *testing.T) {
	r, d := newRound(t)
	cs := propose(t, r, d, "CS", "3", "في هذا القانون", "في القانون رقم 50.17")
	fm := propose(t, r, d, "FM", "3", "تمثل الغرفة", "تمثل كل غرفة")     // undecided, elsewhere
	ms := propose(t, r, d, "MS", "3", "في هذا القانون", "في هذا النظام") // undecided, colliding
	sm := propose(t, r, d, "SM", "3", "مؤسسات عمومية", "مؤسسات عامة")    // accepted after version 2
	dt := propose(t, r, d, "DT", "3", "لوصاية الدولة", "لرقابة الدولة")  // rejected
	decide(t, r, cs.ID, drafts.Accept)
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.StoreConsolidation(c); err != nil {
		t.Fatal(err)
	}
	decide(t, r, sm.ID, drafts.Accept)
	decide(t, r, dt.ID, drafts.Reject)
	latest, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	as, err := r.AmendmentsAt(latest, drafts.AmendmentFilter{Article: "3"})
	if err != nil {
		t.Fatal(err)
	}
	log, err := r.Store().Decisions(drafts.DecisionFilter{DraftID: d.ID})
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Readings(latest, "3", as, log)
	if err != nil {
		t.Fatal(err)
	}
	now, was := latest.Article("3").Text(), d.Article("3").Text()
	want := map[string]round.Reading{
		cs.ID: {How: round.Applied, Applied: 2, Rebased: round.Rebased{Base: was, Text: cs.Text}},
		fm.ID: {How: round.Carried, Rebased: round.Rebased{Key: "3", Base: now, Text: strings.Replace(now, "تمثل الغرفة", "تمثل كل غرفة", 1), Carried: true}},
		ms.ID: {How: round.Stale, Rebased: round.Rebased{Key: "3", Base: was, Text: ms.Text, Stale: true}},
		sm.ID: {How: round.Carried, Rebased: round.Rebased{Key: "3", Base: now, Text: strings.Replace(now, "مؤسسات عمومية", "مؤسسات عامة", 1), Carried: true}},
		dt.ID: {How: round.AsMade, Rebased: round.Rebased{Base: was, Text: dt.Text}},
	}
	names := map[string]string{cs.ID: "CS's, applied", fm.ID: "FM's, undecided", ms.ID: "MS's, undecided", sm.ID: "SM's, accepted since", dt.ID: "DT's, rejected"}
	for id, w := range want {
		if g := got[id]; g != w {
			t.Errorf("%s amendment reads %+v\nwant %+v", names[id], g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d readings, want %d", len(got), len(want))
	}
	// The applied one's decision is spent: version 2 stays as it is.
	_, err = r.Decide(drafts.Federation, cs.ID, drafts.Reject, "", nil, "")
	wantKind(t, err, drafts.Conflict, "applied in version 2")
	syn := propose(t, r, latest, drafts.FederationCode, "3", "تمثل الغرفة", "تمثل الغرف")
	_, err = r.Decide(drafts.Federation, syn.ID, drafts.Supersede, "", []string{cs.ID}, "")
	wantKind(t, err, drafts.Conflict, "applied in version 2")
	if _, err := r.Decide(drafts.Federation, fm.ID, drafts.Accept, "", nil, ""); err != nil {
		t.Errorf("deciding an amendment still to apply: %v", err)
	}
}

// An amendment a synthesis replaced is applied in the version the
// synthesis made, even where that version names the synthesis alone as
// its article's source (as versions made before the replaced were named
// with it do).
func TestAmendmentsReplacedByAnAppliedSynthesisAreApplied(t *testing.T) {
	r, d := newRound(t)
	fm := propose(t, r, d, "FM", "3", "في هذا القانون", "في القانون رقم 50.17")
	cs := propose(t, r, d, "CS", "3", "في هذا القانون", "في هذا النظام")
	decide(t, r, fm.ID, drafts.Accept)
	decide(t, r, cs.ID, drafts.Accept)
	resolved := strings.Replace(d.Article("3").Text(), "في هذا القانون", "في النظام رقم 50.17", 1)
	syn, err := r.Resolve(drafts.Federation, "", "3", resolved, "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Draft.Articles {
		if c.Draft.Articles[i].Key == "3" {
			c.Draft.Articles[i].Sources = []drafts.Source{{Amendment: syn.ID, Chamber: drafts.FederationCode}}
		}
	}
	if err := r.StoreConsolidation(c); err != nil {
		t.Fatal(err)
	}
	latest, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	as, err := r.AmendmentsAt(latest, drafts.AmendmentFilter{Article: "3"})
	if err != nil {
		t.Fatal(err)
	}
	log, current, err := r.Log(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Readings(latest, "3", as, log)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []*drafts.Amendment{fm, cs} {
		if rd := got[a.ID]; rd.How != round.Applied || rd.Applied != 2 {
			t.Errorf("%s's amendment, replaced by the synthesis version 2 applied, reads %+v (decision %+v), want applied in version 2", a.Chamber, rd, current[a.ID])
		}
	}
	_, err = r.Decide(drafts.Federation, fm.ID, drafts.Reject, "", nil, "")
	wantKind(t, err, drafts.Conflict, "applied in version 2")
}
