package ui_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/round"
	"statute/ui"
	"statute/ui/textwidget"
)

// The federation reads identical proposals once: the fixture's CS and MS
// proposed the same wording of article 3, which is one entry naming both,
// with one tracked change, and each chamber's card under it.
func TestTheBoardShowsIdenticalProposalsOnce(t *testing.T) {
	f := newFixture(t)
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	if !shows(w, "The same proposal from Casablanca-Settat (CS), Marrakech-Safi (MS)") {
		t.Errorf("the board shows %q, want one entry for CS's and MS's identical proposal", labels(w))
	}
	tracked := 0
	for _, o := range objects(w) {
		if _, ok := o.(*textwidget.Tracked); ok {
			tracked++
		}
	}
	if tracked != 1 {
		t.Errorf("the board shows %d tracked changes, want the identical proposal's once", tracked)
	}
	for _, card := range []string{"Casablanca-Settat (CS) — New wording — Submitted", "Marrakech-Safi (MS) — New wording — Submitted"} {
		if !shows(w, card) {
			t.Errorf("no card %q under the entry", card)
		}
	}
}

// The board's filters keep one chamber's amendments, and say how many of
// the article's are shown; a chamber's laptop has no board.
func TestTheBoardFiltersByChamber(t *testing.T) {
	f := newFixture(t)
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	lists := choiceLists(w)
	if len(lists) != 5 {
		t.Fatalf("the board has %d drop-down lists, want chamber, kind, status, order and competing", len(lists))
	}
	lists[0].SetSelected(lists[0].Options[indexOf(lists[0].Options, "Marrakech-Safi (MS)")])
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if !shows(w, "1 of 2 shown") || !shows(w, "Marrakech-Safi (MS) — New wording — Submitted") || shows(w, "Casablanca-Settat (CS) — New wording — Submitted") {
		t.Errorf("filtered on MS, the board shows %q", labels(w))
	}

	_, w = f.open(t, newApp(t, "FM"), ui.Options{Lang: "en", Article: "3"})
	if n := len(choiceLists(w)); n != 0 {
		t.Errorf("a chamber's window shows %d of the board's lists", n)
	}
}

// The overview counts each chamber's amendments by status.
func TestTheBoardsOverview(t *testing.T) {
	f := newFixture(t)
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	test.Tap(button(t, w, "Overview of the round"))
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(topDialogText(w), "\n")
	for _, want := range []string{"Casablanca-Settat (CS): Submitted 1", "Marrakech-Safi (MS): Submitted 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("the overview says %q, want %q", text, want)
		}
	}
	if strings.Contains(text, "Fès-Meknès") {
		t.Errorf("the overview counts Fès-Meknès's unsubmitted draft: %q", text)
	}
}

func indexOf(options []string, s string) int {
	for i, o := range options {
		if o == s {
			return i
		}
	}
	return -1
}

// choiceLists are the drop-down lists the window's content shows.
func choiceLists(w fyne.Window) []*widget.Select {
	var out []*widget.Select
	for _, o := range objects(w) {
		if s := ui.ChoiceList(o); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// Proposals whose changes touch the same words are flagged as competing,
// naming the other chambers and the words; the board can keep only them.
func TestTheBoardFlagsCompetingProposals(t *testing.T) {
	f := newFixture(t)
	r := round.New(f.store)
	sm, _ := drafts.ChamberByCode("SM")
	art := f.draft.Article("3")
	a := round.Blank(sm, f.draft, art)
	a.Text = strings.Replace(art.Text(), "تتمتع بالشخصية الاعتبارية", "تتمتع بالشخصية المعنوية", 1)
	a.Justification = "سبب"
	if err := r.Submit(sm, f.draft, a); err != nil {
		t.Fatal(err)
	}
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	var flags []string
	for _, l := range labels(w) {
		if strings.HasPrefix(l, "Competes with ") {
			flags = append(flags, l)
		}
	}
	if len(flags) != 2 || !strings.Contains(flags[0]+flags[1], "Souss-Massa (SM)") || !strings.Contains(flags[0]+flags[1], "Casablanca-Settat (CS), Marrakech-Safi (MS)") || !strings.Contains(flags[0], "الاعتبارية") {
		t.Errorf("competing flags %q, want CS/MS's entry and SM's each naming the other and the words", flags)
	}
	lists := choiceLists(w)
	if len(lists) != 5 {
		t.Fatalf("the board has %d lists, want five", len(lists))
	}
	lists[4].SetSelected(lists[4].Options[1])
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if !shows(w, "Souss-Massa (SM) — New wording — Submitted") {
		t.Errorf("competing only: the board shows %q, want SM's proposal still", labels(w))
	}
}
