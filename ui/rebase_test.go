package ui_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/round"
	"statute/drafts/workload"
	"statute/ui"
	"statute/ui/internal/snapshot"
	"statute/ui/textwidget"
)

// What version 2 of the sample draft changes in article 3, and what the
// amendments made on version 1 change in it.
const (
	v2Old, v2New = "في هذا القانون", "في القانون رقم 50.17"
	fmOld, fmNew = "تمثل الغرفة", "تمثل كل غرفة"     // elsewhere: carried over
	msOld, msNew = "في هذا القانون", "في هذا النظام" // the same words: stale
)

// The lines that head the change of an amendment made on version 1, as an
// Arabic reader sees them on version 2.
const (
	carriedLine = "نُقل من الإصدار 1: قُدّم على صيغة سابقة للمادة، وينطبق تغييره على صيغتها الحالية."
	staleLine   = "متجاوز: قُدّم على الإصدار 1، ويتعارض تغييره مع تعديلات لاحقة على المادة؛ لذا يُعرض مقابل الصيغة التي قُدّم عليها."
	asMadeLine  = "قُدّم على الإصدار 1: يُعرض مقابل صيغة المادة التي قُدّم عليها."
)

// newRevisedFixture is a store seeded with the sample draft, where FM and
// MS submitted amendments to article 3 of version 1, then version 2 was
// stored, rewording article 3 where MS's amendment changes it and not
// where FM's does. before runs once the amendments are stored, before
// version 2 is (nil: nothing). The fixture's draft is version 2.
func newRevisedFixture(t *testing.T, before func(r *round.Round, v1 *drafts.Draft)) *fixture {
	t.Helper()
	f := newSampleFixture(t)
	s, r, v1 := f.store, round.New(f.store), f.draft
	a3 := v1.Article("3")
	for _, c := range []struct{ chamber, old, new string }{{"FM", fmOld, fmNew}, {"MS", msOld, msNew}} {
		if !strings.Contains(a3.Text(), c.old) {
			t.Fatalf("article 3 does not say «%s»", c.old)
		}
		err := s.AddAmendments(&drafts.Amendment{
			ID: c.chamber + "-7K3QX9AB", Created: fixtureTime, Updated: fixtureTime,
			DraftID: v1.ID, DraftVersion: v1.Version, BaseHash: a3.TextHash(), Article: "3",
			Kind: drafts.Wording, Chamber: c.chamber, Status: drafts.StatusSubmitted,
			Text:          strings.Replace(a3.Text(), c.old, c.new, 1),
			Justification: "توضيح الصيغة.",
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if before != nil {
		before(r, v1)
	}
	next := *v1
	next.Articles = slices.Clone(v1.Articles)
	art := &next.Articles[a3.Position]
	art.Paragraphs = strings.Split(strings.Replace(a3.Text(), v2Old, v2New, 1), "\n")
	if err := s.AddDraft(&next); err != nil {
		t.Fatal(err)
	}
	v2, err := r.Latest()
	if err != nil || v2.Version != 2 {
		t.Fatalf("version 2 was not stored: %v", err)
	}
	return &fixture{store: s, draft: v2}
}

// newSampleFixture is a store seeded with the sample draft alone, no
// amendment in it.
func newSampleFixture(t *testing.T) *fixture {
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
	r := round.New(s)
	if _, err := r.Seed(assets.SampleDraft); err != nil {
		t.Fatal(err)
	}
	d, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{store: s, draft: d}
}

// trackedAfter returns the first tracked diff the window shows after the
// line that reads line.
func trackedAfter(t *testing.T, w fyne.Window, line string) *textwidget.Tracked {
	t.Helper()
	seen := false
	for _, o := range objects(w) {
		if tr, ok := o.(*textwidget.Tracked); ok && seen {
			return tr
		}
		if tx, ok := o.(interface{ Text() string }); ok && tx.Text() == line {
			seen = true
		}
	}
	if !seen {
		t.Fatalf("no line reads «%s»; the window shows %q", line, labels(w))
	}
	t.Fatalf("no tracked diff follows «%s»", line)
	return nil
}

// Undecided amendments made on version 1 are shown on version 2: FM's,
// which changes words version 2 left alone, as a tracked diff of version
// 2's wording, with a line that says it was carried over; MS's, which
// changes the words version 2 changed, flagged stale and shown against
// version 1's wording.
func TestUndecidedAmendmentsAreShownRebased(t *testing.T) {
	f := newRevisedFixture(t, nil)
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Article: "3"})

	carried := trackedAfter(t, w, carriedLine)
	if !strings.Contains(carried.Text(), v2New) || strings.Contains(carried.Text(), v2Old) {
		t.Errorf("FM's change is shown against «%s», want version 2's wording (with «%s»)", carried.Text(), v2New)
	}
	if ins, del := carried.Inserted(), carried.Deleted(); !slices.Equal(ins, []string{"كل غرفة"}) || !slices.Equal(del, []string{"الغرفة"}) {
		t.Errorf("FM's change shows %q inserted and %q deleted, want «كل غرفة» for «الغرفة»", ins, del)
	}

	stale := trackedAfter(t, w, staleLine)
	if !strings.Contains(stale.Text(), "في هذا") || strings.Contains(stale.Text(), v2New) {
		t.Errorf("MS's change is shown against «%s», want version 1's wording, which it was made on", stale.Text())
	}
	if ins, del := stale.Inserted(), stale.Deleted(); !slices.Equal(ins, []string{"النظام"}) || !slices.Equal(del, []string{"القانون"}) {
		t.Errorf("MS's change shows %q inserted and %q deleted, want «النظام» for «القانون»", ins, del)
	}
	// The picture shows MS's stale card under version 2 of the article.
	settleLayout(w)
	wb.AmendmentsScroll().ScrollToBottom()
	snapshot.Assert(t, w.Canvas(), "rebased_ar")
}

// A chamber sees its own amendment carried over onto the new version, as
// the federation does.
func TestAChamberSeesItsAmendmentCarriedOver(t *testing.T) {
	f := newRevisedFixture(t, nil)
	_, w := f.open(t, newApp(t, "FM"), ui.Options{Lang: "ar", Article: "3"})
	carried := trackedAfter(t, w, carriedLine)
	if !strings.Contains(carried.Text(), v2New) || !slices.Equal(carried.Inserted(), []string{"كل غرفة"}) {
		t.Errorf("FM sees its change as «%s» (inserted %q), want it on version 2's wording", carried.Text(), carried.Inserted())
	}
	if shows(w, staleLine) {
		t.Errorf("FM sees a stale amendment; MS's is not its own")
	}
}

// A decided amendment made on version 1 is shown as it was decided,
// against version 1's wording, with a line that says so; nothing is
// carried over.
func TestADecidedAmendmentIsShownAgainstTheWordingItWasMadeOn(t *testing.T) {
	f := newRevisedFixture(t, func(r *round.Round, v1 *drafts.Draft) {
		if _, err := r.Decide(drafts.Federation, "FM-7K3QX9AB", drafts.Reject, "", nil, "لا حاجة إليه"); err != nil {
			t.Fatal(err)
		}
	})
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Article: "3"})
	if shows(w, carriedLine) {
		t.Errorf("FM's rejected amendment is shown carried over")
	}
	made := trackedAfter(t, w, asMadeLine)
	if !strings.Contains(made.Text(), v2Old) || strings.Contains(made.Text(), v2New) || !slices.Equal(made.Inserted(), []string{"كل غرفة"}) {
		t.Errorf("FM's rejected amendment is shown as «%s» (inserted %q), want its change to version 1's wording", made.Text(), made.Inserted())
	}
	// MS's, still undecided, is rebased as ever.
	trackedAfter(t, w, staleLine)
}

// BenchmarkSwitchToRevisedBusyArticle is BenchmarkSwitchToBusiestArticle
// after a version 2 of the workload's draft that rewords the busiest
// article: each of its amendments, made on version 1, is rebased onto
// version 2 (carried over or stale) when the article is shown.
func BenchmarkSwitchToRevisedBusyArticle(b *testing.B) {
	path, d := workloadDB(b)
	count := map[string]int{}
	for _, a := range workload.Amendments(d, workloadAmendments, workloadSeed) {
		count[a.Article]++
	}
	busiest := busiestArticle(d, count)
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	v1, err := s.LatestDraft()
	if err != nil {
		b.Fatal(err)
	}
	next := *v1
	next.Articles = slices.Clone(v1.Articles)
	art := &next.Articles[busiest]
	art.Paragraphs = slices.Clone(art.Paragraphs)
	art.Paragraphs[len(art.Paragraphs)-1] += " وذلك وفق أحكام هذا القانون"
	if err := s.AddDraft(&next); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	wb := shownWorkload(b, path)
	alternate(b, wb, d, busiest, count)
}

// A repeal made on version 1 applies to whatever wording the article has:
// it is carried over, version 2's whole text struck out; a new article
// proposed after it on version 1 is shown as proposed, with a line that
// says on which version.
func TestARepealAndANewArticleMadeOnAnEarlierVersion(t *testing.T) {
	const newText = "تحدث بكل جهة غرفة للصناعة التقليدية."
	f := newRevisedFixture(t, func(r *round.Round, v1 *drafts.Draft) {
		a3 := v1.Article("3")
		err := r.Store().AddAmendments(
			&drafts.Amendment{
				ID: "RSK-7K3QX9AB", Created: fixtureTime, Updated: fixtureTime,
				DraftID: v1.ID, DraftVersion: v1.Version, BaseHash: a3.TextHash(), Article: "3",
				Kind: drafts.Repeal, Chamber: "RSK", Status: drafts.StatusSubmitted,
				Justification: "المادة زائدة.",
			},
			&drafts.Amendment{
				ID: "ORI-7K3QX9AB", Created: fixtureTime, Updated: fixtureTime,
				DraftID: v1.ID, DraftVersion: v1.Version, BaseHash: a3.TextHash(), Article: "3",
				Kind: drafts.Insert, NewNumber: "3 مكررة", Chamber: "ORI", Status: drafts.StatusSubmitted,
				Text: newText, Justification: "مادة ناقصة.",
			})
		if err != nil {
			t.Fatal(err)
		}
	})
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Article: "3"})
	repeal := trackedAfter(t, w, "نُقل من الإصدار 1: قُدّم على صيغة سابقة للمادة، ويسري النسخ على صيغتها الحالية.")
	if del := strings.Join(repeal.Deleted(), " "); !strings.Contains(del, v2New) || len(repeal.Inserted()) != 0 {
		t.Errorf("RSK's repeal strikes out %q and inserts %q, want version 2's whole text struck out", del, repeal.Inserted())
	}
	added := trackedAfter(t, w, "قُدّم على الإصدار 1، قبل تغيّر صيغة هذه المادة: تُعرض المادة الجديدة كما اقتُرحت.")
	if !slices.Equal(added.Inserted(), []string{newText}) {
		t.Errorf("ORI's new article shows %q inserted, want its text", added.Inserted())
	}
}

// An amendment a consolidation applied is shown on the version it made as
// it was made, with a line naming that version, and offers the federation
// its history only: deciding on it again could not change that version.
func TestAnAppliedAmendmentOffersItsHistoryOnly(t *testing.T) {
	const appliedLine = "طُبّق في الإصدار 2: يُعرض مقابل صيغة الإصدار 1 التي قُدّم عليها."
	f := newSampleFixture(t)
	r := round.New(f.store)
	art := f.draft.Article("3")
	fmc, err := drafts.ChamberByCode("FM")
	if err != nil {
		t.Fatal(err)
	}
	fm := round.Blank(fmc, f.draft, art)
	fm.Text, fm.Justification = strings.Replace(art.Text(), fmOld, fmNew, 1), "توضيح الصيغة."
	if err := r.Submit(fmc, f.draft, fm); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Decide(drafts.Federation, fm.ID, drafts.Accept, "", nil, ""); err != nil {
		t.Fatal(err)
	}
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.StoreConsolidation(c); err != nil {
		t.Fatal(err)
	}
	if f.draft, err = r.Latest(); err != nil {
		t.Fatal(err)
	}
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Article: "3"})
	made := trackedAfter(t, w, appliedLine)
	if !slices.Equal(made.Inserted(), []string{"كل غرفة"}) {
		t.Errorf("FM's applied amendment shows %q inserted, want its own change, «كل غرفة»", made.Inserted())
	}
	var buttons []string
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok {
			buttons = append(buttons, b.Text)
		}
	}
	for _, verb := range []string{"قبول", "رفض"} {
		if slices.Contains(buttons, verb) {
			t.Errorf("the applied amendment's card offers «%s»", verb)
		}
	}
	if !slices.Contains(buttons, "السجل") {
		t.Errorf("the applied amendment's card has no History; the window's buttons are %q", buttons)
	}
}

// A proposal made on version 1 and carried onto version 2 competes on the
// board with one made on version 2 that changes the same words.
func TestACarriedProposalCompetes(t *testing.T) {
	f := newRevisedFixture(t, nil)
	r := round.New(f.store)
	cs, err := drafts.ChamberByCode("CS")
	if err != nil {
		t.Fatal(err)
	}
	art := f.draft.Article("3")
	a := round.Blank(cs, f.draft, art)
	a.Text, a.Justification = strings.Replace(art.Text(), fmOld, "تمثل الغرف", 1), "صيغة الجمع."
	if err := r.Submit(cs, f.draft, a); err != nil {
		t.Fatal(err)
	}
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Article: "3"})
	var lines []string
	for _, l := range labels(w) {
		if strings.HasPrefix(l, "يتعارض مع اقتراح") {
			lines = append(lines, l)
		}
	}
	if len(lines) != 2 || !strings.Contains(lines[0]+lines[1], "فاس") || !strings.Contains(lines[0]+lines[1], "«الغرفة»") {
		t.Errorf("competition lines %q, want CS's and FM's carried proposal competing over «الغرفة»", lines)
	}
}
