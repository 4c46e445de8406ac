package round_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/renumber"
	"statute/drafts/round"
)

var (
	fm  = mustChamber("FM")
	cs  = mustChamber("CS")
	fed = drafts.Federation
)

func mustChamber(code string) drafts.Chamber {
	c, err := drafts.ChamberByCode(code)
	if err != nil {
		panic(err)
	}
	return c
}

// newRound opens a fresh database seeded with the sample draft.
func newRound(t *testing.T) (*round.Round, *drafts.Draft) {
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
	if seeded, err := r.Seed(assets.SampleDraft); err != nil || !seeded {
		t.Fatalf("Seed = %v, %v; want the sample stored", seeded, err)
	}
	d, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	return r, d
}

// reworded is a new-wording amendment by c to article key of d, with a
// word added and a justification.
func reworded(c drafts.Chamber, d *drafts.Draft, key string) *drafts.Amendment {
	art := d.Article(key)
	a := round.Blank(c, d, art)
	a.Text = art.Text() + " وفق القانون رقم 50.17"
	a.Justification = "إحالة على القانون"
	return a
}

func wantKind(t *testing.T, err error, kind drafts.ErrorKind, fragment string) {
	t.Helper()
	if !drafts.IsKind(err, kind) {
		t.Fatalf("error = %v (kind %q), want kind %q", err, drafts.KindOf(err), kind)
	}
	if !strings.Contains(err.Error(), fragment) {
		t.Errorf("error = %q, want it to say %q", err, fragment)
	}
	var e *drafts.Error
	if !errorsAs(err, &e) || e.ID == "" {
		t.Errorf("error %q has no message ID to translate it by", err)
	}
}

func errorsAs(err error, e **drafts.Error) bool {
	x, ok := err.(*drafts.Error)
	*e = x
	return ok
}

func visibleIDs(t *testing.T, r *round.Round, viewer drafts.Chamber, d *drafts.Draft) map[string]drafts.Status {
	t.Helper()
	as, err := r.Store().Amendments(round.Visible(viewer, d.ID))
	if err != nil {
		t.Fatal(err)
	}
	counts, err := r.Store().AmendmentCounts(round.Visible(viewer, d.ID))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	if total != len(as) {
		t.Errorf("%s: counts say %d amendments, the listing has %d", viewer.Code, total, len(as))
	}
	out := map[string]drafts.Status{}
	for _, a := range as {
		out[a.ID] = a.Status
	}
	return out
}

func TestSeedStoresTheSampleOnce(t *testing.T) {
	r, d := newRound(t)
	if len(d.Articles) < 25 || d.Version != 1 {
		t.Fatalf("seeded draft has %d articles, version %d", len(d.Articles), d.Version)
	}
	if seeded, err := r.Seed(assets.SampleDraft); err != nil || seeded {
		t.Fatalf("second Seed = %v, %v; want nothing stored again", seeded, err)
	}
	infos, err := r.Store().Drafts()
	if err != nil || len(infos) != 1 {
		t.Fatalf("Drafts() = %v, %v; want one draft", infos, err)
	}
}

func TestAnEmptyStoreSaysImportFirst(t *testing.T) {
	s, err := boltstore.Open(filepath.Join(t.TempDir(), "statute.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = round.New(s).Latest()
	wantKind(t, err, drafts.NotFound, "import one first")
	if _, err := round.New(s).Seed([]byte("نص بلا مواد")); !drafts.IsKind(err, drafts.Internal) {
		t.Errorf("seeding with a sample that does not parse: %v, want an Internal error", err)
	}
}

func TestWhoSeesWhat(t *testing.T) {
	r, d := newRound(t)
	draft := reworded(fm, d, "3")
	if err := r.Save(fm, d, draft); err != nil {
		t.Fatal(err)
	}
	sent := reworded(fm, d, "4")
	if err := r.Submit(fm, d, sent); err != nil {
		t.Fatal(err)
	}
	other := reworded(cs, d, "3")
	if err := r.Submit(cs, d, other); err != nil {
		t.Fatal(err)
	}
	synthesis := reworded(fed, d, "3")
	if err := r.Save(fed, d, synthesis); err != nil {
		t.Fatal(err)
	}

	if got := visibleIDs(t, r, fm, d); len(got) != 2 || got[draft.ID] != drafts.StatusDraft || got[sent.ID] != drafts.StatusSubmitted {
		t.Errorf("FM sees %v, want its draft and its submitted amendment only", got)
	}
	if got := visibleIDs(t, r, cs, d); len(got) != 1 || got[other.ID] == "" {
		t.Errorf("CS sees %v, want its own amendment only", got)
	}
	got := visibleIDs(t, r, fed, d)
	if len(got) != 3 || got[sent.ID] == "" || got[other.ID] == "" || got[synthesis.ID] == "" {
		t.Errorf("the federation sees %v, want the two submitted amendments and its own draft", got)
	}
	if _, ok := got[draft.ID]; ok {
		t.Error("the federation sees FM's unsubmitted draft")
	}

	if _, err := r.Withdraw(fm, sent.ID); err != nil {
		t.Fatal(err)
	}
	if got := visibleIDs(t, r, fed, d); got[sent.ID] != drafts.StatusWithdrawn {
		t.Errorf("after withdrawal the federation sees %s as %q, want withdrawn", sent.ID, got[sent.ID])
	}
}

func TestSubmitNeedsAChangeAndAReason(t *testing.T) {
	r, d := newRound(t)
	art := d.Article("3")
	unchanged := round.Blank(fm, d, art)
	unchanged.Text = art.Text() + "\n"
	unchanged.Justification = "سبب"
	wantKind(t, r.Submit(fm, d, unchanged), drafts.Invalid, "same as the current text")

	// A draft may hold the article's text while the chamber writes.
	if err := r.Save(fm, d, unchanged); err != nil {
		t.Fatalf("saving an unchanged draft: %v", err)
	}
	_, err := r.SubmitStored(fm, unchanged.ID)
	wantKind(t, err, drafts.Invalid, "same as the current text")

	noReason := reworded(fm, d, "3")
	noReason.Justification = " \n "
	wantKind(t, r.Submit(fm, d, noReason), drafts.Invalid, "justification is empty")
	repeal := round.Blank(fm, d, art)
	repeal.Kind, repeal.Text = drafts.Repeal, ""
	wantKind(t, r.Submit(fm, d, repeal), drafts.Invalid, "justification is empty")

	if got := visibleIDs(t, r, fed, d); len(got) != 0 {
		t.Errorf("refused submissions reached the federation: %v", got)
	}
	stored, err := r.Store().Amendment(unchanged.ID)
	if err != nil || stored.Status != drafts.StatusDraft {
		t.Errorf("the refused submission left %v, %v; want the draft as it was", stored, err)
	}
}

func TestSubmittedIsLockedAndCanBeWithdrawn(t *testing.T) {
	r, d := newRound(t)
	a := reworded(fm, d, "5")
	if err := r.Save(fm, d, a); err != nil {
		t.Fatal(err)
	}
	if _, err := r.SubmitStored(fm, strings.ToLower(a.ID)); err != nil {
		t.Fatalf("SubmitStored: %v", err)
	}
	_, err := r.SubmitStored(fm, a.ID)
	wantKind(t, err, drafts.Conflict, "already submitted")

	edit := *a
	edit.Text += " تعديل"
	edit.Status = drafts.StatusDraft
	wantKind(t, r.Save(fm, d, &edit), drafts.Conflict, "locked")
	wantKind(t, r.Delete(fm, a.ID), drafts.Conflict, "stays on record")

	_, err = r.Withdraw(cs, a.ID)
	wantKind(t, err, drafts.Forbidden, "belongs to the chamber FM")
	w, err := r.Withdraw(fm, a.ID)
	if err != nil || w.Status != drafts.StatusWithdrawn || w.Text != a.Text {
		t.Fatalf("Withdraw = %+v, %v; want it withdrawn with its text kept", w, err)
	}
	_, err = r.Withdraw(fm, a.ID)
	wantKind(t, err, drafts.Conflict, "only a submitted amendment can be withdrawn")
	wantKind(t, r.Save(fm, d, &edit), drafts.Conflict, "withdrawn, and so is locked")
}

func TestDeleteADraft(t *testing.T) {
	r, d := newRound(t)
	a := reworded(fm, d, "6")
	if err := r.Save(fm, d, a); err != nil {
		t.Fatal(err)
	}
	wantKind(t, r.Delete(cs, a.ID), drafts.Forbidden, "only that chamber")
	if err := r.Delete(fm, a.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := r.Store().Amendment(a.ID); !drafts.IsKind(err, drafts.NotFound) {
		t.Errorf("after Delete, reading it gives %v; want NotFound", err)
	}
	if err := r.Delete(fm, a.ID); !drafts.IsKind(err, drafts.NotFound) {
		t.Errorf("deleting it again gives %v; want NotFound", err)
	}
}

func TestEditingAnotherChambersAmendmentIsForbidden(t *testing.T) {
	r, d := newRound(t)
	a := reworded(fm, d, "3")
	if err := r.Save(fm, d, a); err != nil {
		t.Fatal(err)
	}
	b := *a
	b.Chamber = cs.Code
	wantKind(t, r.Save(cs, d, &b), drafts.Forbidden, "belongs to the chamber FM")
	c := reworded(fm, d, "4")
	wantKind(t, r.Save(cs, d, c), drafts.Forbidden, "in the name of the chamber FM")
}

func TestNewArticleNumbers(t *testing.T) {
	r, d := newRound(t)
	insert := func(c drafts.Chamber, number string) *drafts.Amendment {
		a := round.Blank(c, d, d.Article("2"))
		a.Kind, a.NewNumber, a.Text, a.Justification = drafts.Insert, number, "تحدث لجنة جهوية للتنسيق.", "التنسيق"
		return a
	}
	taken := d.Articles[3].Number
	wantKind(t, r.Save(fm, d, insert(fm, taken)), drafts.Conflict, "already has an article "+taken)

	first := insert(fm, "2 مكررة")
	if err := r.Save(fm, d, first); err != nil {
		t.Fatal(err)
	}
	// The same chamber again, written another way.
	wantKind(t, r.Save(fm, d, insert(fm, "2bis")), drafts.Conflict, "already proposes a new article 2bis (amendment "+first.ID+")")
	// Saving the first again is no clash with itself.
	first.Text += " للتنسيق"
	if err := r.Save(fm, d, first); err != nil {
		t.Fatalf("saving the same proposal again: %v", err)
	}
	// Another chamber may propose the same number: the federation sees both.
	if err := r.Save(cs, d, insert(cs, "2 مكررة")); err != nil {
		t.Fatalf("another chamber's 2 مكررة: %v", err)
	}
	wantKind(t, r.Save(fm, d, insert(fm, "مكررة")), drafts.Invalid, "not an article number")
}

func TestTextThatCannotBeSeenIsRefused(t *testing.T) {
	r, d := newRound(t)
	for name, set := range map[string]func(a *drafts.Amendment){
		"escape in the wording":    func(a *drafts.Amendment) { a.Text += "\x1b[31m" },
		"NUL in the justification": func(a *drafts.Amendment) { a.Justification = "سبب\x00" },
		"bell in the author":       func(a *drafts.Amendment) { a.Author = "أحمد\a" },
		"C1 control in the number": func(a *drafts.Amendment) { a.Kind, a.NewNumber = drafts.Insert, "3\u0085 مكررة" },
	} {
		t.Run(name, func(t *testing.T) {
			a := reworded(fm, d, "3")
			set(a)
			wantKind(t, r.Save(fm, d, a), drafts.Invalid, "control character")
		})
	}
	ok := reworded(fm, d, "3")
	ok.Text += "\n\tفقرة ثانية"
	if err := r.Save(fm, d, ok); err != nil {
		t.Errorf("tab and line break refused: %v", err)
	}
	if got := visibleIDs(t, r, fm, d); len(got) != 1 {
		t.Errorf("stored %d amendments, want only the one without control characters", len(got))
	}
}

// A wording written with blank lines between its paragraphs, as the draft
// itself is written, is stored as the same paragraphs, one line break
// apart: reading it back gives the article's form, and a wording that only
// adds blank lines to the article changes nothing.
func TestWordingIsStoredWithOneBreakBetweenParagraphs(t *testing.T) {
	r, d := newRound(t)
	art := d.Article("2") // a sentence and a list of six items
	if len(art.Paragraphs) < 3 {
		t.Fatalf("article 2 has %d paragraphs; the test needs several", len(art.Paragraphs))
	}
	a := round.Blank(fm, d, art)
	added := "- الجامعة الوطنية: جامعة غرف الصناعة التقليدية؛"
	typed := append([]string{}, art.Paragraphs[:2]...)
	typed = append(typed, added+"   ")
	typed = append(typed, art.Paragraphs[2:]...)
	a.Text = "\n" + strings.Join(typed, "\n\n \n") + "\n\n"
	a.Justification = "تعريف الجامعة"
	if err := r.Save(fm, d, a); err != nil {
		t.Fatal(err)
	}
	stored, err := r.Store().Amendment(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := append(append(append([]string{}, art.Paragraphs[:2]...), added), art.Paragraphs[2:]...)
	if got := strings.Split(stored.Text, "\n"); !slices.Equal(got, want) {
		t.Errorf("stored wording has the lines\n%q\nwant the paragraphs\n%q", got, want)
	}
	if a.Text != stored.Text {
		t.Errorf("Save left a.Text %q, but stored %q", a.Text, stored.Text)
	}

	// The article with blank lines only is the article: nothing to submit.
	same := round.Blank(fm, d, art)
	same.Text = strings.Join(art.Paragraphs, "\n\n\n")
	same.Justification = "سبب"
	wantKind(t, r.Submit(fm, d, same), drafts.Invalid, "same as the current text")
}

// A renumbering is stored as the draft's next version, once: a plan made
// on a version that is no longer the latest is refused, as is one that
// changes nothing.
func TestRenumber(t *testing.T) {
	r, d := newRound(t)
	plan := renumber.Make(d)
	stale := renumber.Make(d)
	if err := r.Renumber(plan); err != nil {
		t.Fatal(err)
	}
	if plan.Draft.Version != d.Version+1 {
		t.Errorf("the renumbered draft is version %d, want %d", plan.Draft.Version, d.Version+1)
	}
	if err := r.Renumber(stale); !drafts.IsKind(err, drafts.Conflict) {
		t.Errorf("a plan made on version %d, after version %d was stored: %v, want a conflict", d.Version, plan.Draft.Version, err)
	}
	latest, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Renumber(renumber.Make(latest)); !drafts.IsKind(err, drafts.Invalid) {
		t.Errorf("renumbering a renumbered draft: %v, want invalid: nothing to renumber", err)
	}
}

// A new article's number typed with the article word is stored without
// it, so that the new article's heading does not say it twice.
func TestANewNumberIsStoredWithoutTheArticleWord(t *testing.T) {
	r, d := newRound(t)
	fm := mustChamber("FM")
	a := round.Blank(fm, d, d.Article("2"))
	a.Kind, a.NewNumber, a.Text, a.Justification = drafts.Insert, "المادة 2 مكررة", "تحدث لجنة جهوية للتنسيق.", "التنسيق"
	if err := r.Submit(fm, d, a); err != nil {
		t.Fatal(err)
	}
	stored, err := r.Store().Amendment(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.NewNumber != "2 مكررة" {
		t.Errorf("the new article's number is stored as %q, want «2 مكررة»", stored.NewNumber)
	}
}
