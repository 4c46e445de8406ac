package round_test

import (
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/round"
)

// submitted stores a submitted amendment by c to article key of d.
func submitted(t *testing.T, r *round.Round, c drafts.Chamber, d *drafts.Draft, key string) *drafts.Amendment {
	t.Helper()
	a := reworded(c, d, key)
	if err := r.Submit(c, d, a); err != nil {
		t.Fatalf("Submit: %v", err)
	}
	return a
}

func TestDecideAndRevise(t *testing.T) {
	r, d := newRound(t)
	a := submitted(t, r, fm, d, "3")
	if h, err := r.History(a.ID); err != nil || len(h) != 0 {
		t.Fatalf("History before any decision = %v, %v; want none", h, err)
	}
	first, err := r.Decide(fed, strings.ToLower(a.ID), drafts.Reject, "", nil, "خارج الموضوع")
	if err != nil {
		t.Fatalf("Decide: %v", err)
	}
	second, err := r.Decide(fed, a.ID, drafts.AcceptWithChanges, "\n\nالفقرة الأولى\n\n\nالفقرة الثانية\n", nil, "بعد إعادة النظر")
	if err != nil {
		t.Fatalf("Decide again: %v", err)
	}
	if second.Text != "الفقرة الأولى\nالفقرة الثانية" {
		t.Errorf("the adopted wording is stored as %q, not with one break between its paragraphs", second.Text)
	}
	h, err := r.History(a.ID)
	if err != nil || len(h) != 2 || h[0].Verdict != drafts.Reject || h[0].Note != "خارج الموضوع" || h[1].Seq != second.Seq {
		t.Fatalf("History = %+v, %v; want the rejection, then its revision", h, err)
	}
	if cur, err := r.Current(a.ID); err != nil || cur.Verdict != drafts.AcceptWithChanges || cur.Prev != first.Hash {
		t.Fatalf("Current = %+v, %v", cur, err)
	}
	if got, err := r.Store().Amendment(a.ID); err != nil || got.Status != drafts.StatusSubmitted {
		t.Fatalf("the decided amendment = %+v, %v; want it still submitted", got, err)
	}
	_, err = r.Withdraw(fm, a.ID)
	wantKind(t, err, drafts.Conflict, "has been decided (accept-with-changes, entry 2 of the decision log)")
}

func TestSupersede(t *testing.T) {
	r, d := newRound(t)
	one := submitted(t, r, fm, d, "3")
	two := submitted(t, r, cs, d, "3")
	synthesis := submitted(t, r, fed, d, "3")
	dec, err := r.Decide(fed, synthesis.ID, drafts.Supersede, "", []string{strings.ToLower(one.ID), two.ID}, "صياغة موحدة")
	if err != nil {
		t.Fatalf("Decide supersede: %v", err)
	}
	if len(dec.Replaces) != 2 || dec.Replaces[0] != one.ID {
		t.Errorf("Replaces = %v", dec.Replaces)
	}
	for _, id := range []string{one.ID, two.ID} {
		cur, err := r.Current(id)
		if err != nil || cur == nil || cur.Verdict != drafts.Supersede || cur.Amendment != synthesis.ID {
			t.Errorf("the current decision of replaced %s = %+v, %v; want superseded by %s", id, cur, err, synthesis.ID)
		}
	}
}

// Each refusal has one kind, and changes nothing in the log.
func TestDecideRefusals(t *testing.T) {
	r, d := newRound(t)
	sent := submitted(t, r, fm, d, "3")
	other := submitted(t, r, cs, d, "3")
	synthesis := submitted(t, r, fed, d, "3")
	draft := reworded(cs, d, "4")
	if err := r.Save(cs, d, draft); err != nil {
		t.Fatal(err)
	}
	withdrawn := submitted(t, r, cs, d, "5")
	if _, err := r.Withdraw(cs, withdrawn.ID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		by       drafts.Chamber
		id       string
		verdict  drafts.Verdict
		text     string
		replaces []string
		note     string
		kind     drafts.ErrorKind
		says     string
	}{
		{"a chamber", fm, sent.ID, drafts.Accept, "", nil, "", drafts.Forbidden, "only the federation decides"},
		{"no such amendment", fed, "FM-ZZZZZZZZ", drafts.Accept, "", nil, "", drafts.NotFound, "no amendment FM-ZZZZZZZZ"},
		{"a draft", fed, draft.ID, drafts.Accept, "", nil, "", drafts.Conflict, "is draft, not submitted"},
		{"withdrawn", fed, withdrawn.ID, drafts.Reject, "", nil, "", drafts.Conflict, "is withdrawn, not submitted"},
		{"unknown verdict", fed, sent.ID, "postpone", "", nil, "", drafts.Invalid, "unknown decision"},
		{"changes without wording", fed, sent.ID, drafts.AcceptWithChanges, " \n ", nil, "", drafts.Invalid, "needs the wording"},
		{"wording on a rejection", fed, sent.ID, drafts.Reject, "نص", nil, "", drafts.Invalid, "only an acceptance with changes"},
		{"supersede replacing nothing", fed, synthesis.ID, drafts.Supersede, "", nil, "", drafts.Invalid, "must name the amendments"},
		{"replaces on an acceptance", fed, sent.ID, drafts.Accept, "", []string{other.ID}, "", drafts.Invalid, "only a synthesis"},
		{"supersede by a chamber's amendment", fed, sent.ID, drafts.Supersede, "", []string{other.ID}, "", drafts.Invalid, "a synthesis that replaces others is an amendment the federation writes"},
		{"replaces itself", fed, synthesis.ID, drafts.Supersede, "", []string{synthesis.ID}, "", drafts.Invalid, "cannot replace itself"},
		{"replaces a missing one", fed, synthesis.ID, drafts.Supersede, "", []string{"CS-ZZZZZZZZ"}, "", drafts.Invalid, "no amendment CS-ZZZZZZZZ to replace"},
		{"replaces a draft", fed, synthesis.ID, drafts.Supersede, "", []string{draft.ID}, "", drafts.Invalid, "a synthesis replaces only submitted"},
		{"replaces a withdrawn one", fed, synthesis.ID, drafts.Supersede, "", []string{withdrawn.ID}, "", drafts.Invalid, "is withdrawn, not submitted"},
		{"note with a control character", fed, sent.ID, drafts.Reject, "", nil, "\x1b]0;x\x07", drafts.Invalid, "note holds a control character (U+001B)"},
		{"wording with a control character", fed, sent.ID, drafts.AcceptWithChanges, "نص\x1b[0m", nil, "", drafts.Invalid, "wording holds a control character (U+001B)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := r.Decide(tt.by, tt.id, tt.verdict, tt.text, tt.replaces, tt.note)
			wantKind(t, err, tt.kind, tt.says)
			log, lerr := r.Store().Decisions(drafts.DecisionFilter{})
			if lerr != nil || len(log) != 0 {
				t.Fatalf("after a refusal the log holds %v, %v; want nothing", log, lerr)
			}
		})
	}
	_, err := r.History("FM-ZZZZZZZZ")
	wantKind(t, err, drafts.NotFound, "no amendment FM-ZZZZZZZZ")
}

// Identical proposals are decided together: both, or neither when one of
// them can no longer be decided.
func TestDecideAllIsAllOrNone(t *testing.T) {
	r, d := newRound(t)
	fm := propose(t, r, d, "FM", "3", "تمثل الغرفة", "تمثل كل غرفة")
	cs := propose(t, r, d, "CS", "3", "تمثل الغرفة", "تمثل كل غرفة")
	ms := propose(t, r, d, "MS", "3", "تمثل الغرفة", "تمثل كل غرفة")
	if _, err := r.Withdraw(mustChamber("MS"), ms.ID); err != nil {
		t.Fatal(err)
	}
	_, err := r.DecideAll(drafts.Federation, []string{fm.ID, ms.ID}, drafts.Accept, "", "")
	wantKind(t, err, drafts.Conflict, ms.ID)
	if cur, err := r.Current(fm.ID); err != nil || cur != nil {
		t.Fatalf("FM's amendment after the refusal: %+v, %v; want undecided", cur, err)
	}
	if _, err := r.DecideAll(drafts.Federation, []string{fm.ID, cs.ID}, drafts.Accept, "", "مقترحان متطابقان"); err != nil {
		t.Fatal(err)
	}
	for _, a := range []*drafts.Amendment{fm, cs} {
		if cur, err := r.Current(a.ID); err != nil || cur == nil || cur.Verdict != drafts.Accept {
			t.Errorf("%s's amendment: %+v, %v; want accepted", a.Chamber, cur, err)
		}
	}
	_, err = r.DecideAll(mustChamber("FM"), []string{fm.ID}, drafts.Reject, "", "")
	wantKind(t, err, drafts.Forbidden, "")
}
