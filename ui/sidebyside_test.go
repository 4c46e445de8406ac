package ui_test

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"statute/drafts/round"
	"statute/ui"
	"statute/ui/internal/snapshot"
	"statute/ui/textwidget"
)

// nextVersion stores version 2 of the fixture's draft, article 3
// reworded: the fixture's amendments to it were made on version 1's
// wording, which has no diff against the new one.
func nextVersion(t *testing.T, f *fixture) {
	t.Helper()
	d := *f.draft
	d.Version++
	d.Articles = slices.Clone(d.Articles)
	a3 := d.Article("3")
	a3.Paragraphs = []string{"غرف الصناعة التقليدية هيئات مهنية."}
	if err := round.New(f.store).Import(&d); err != nil {
		t.Fatal(err)
	}
}

// column is what the side by side dialog shows of one amendment: its
// first line (who proposed it) with where it is, and its tracked change.
type column struct {
	head    string
	x, y    float32 // the first line's left and top, in the window
	right   float32 // the first line's right edge
	tracked *textwidget.Tracked
	texts   []string
}

// sideColumns are the two columns of the top dialog, first then second:
// each begins with a bold line naming the chamber and ends before the
// next one.
func sideColumns(t *testing.T, w fyne.Window) []column {
	t.Helper()
	var cols []column
	for _, p := range shownIn(w.Canvas().Overlays().Top()) {
		switch o := p.o.(type) {
		case *textwidget.Tracked:
			if len(cols) > 0 {
				cols[len(cols)-1].tracked = o
			}
		case interface{ Text() string }:
			s := o.Text()
			if strings.Contains(s, " — Submitted") || strings.Contains(s, " — مقدم") {
				cols = append(cols, column{head: s, x: p.pos.X, y: p.pos.Y, right: p.pos.X + p.o.Size().Width})
			} else if len(cols) > 0 {
				cols[len(cols)-1].texts = append(cols[len(cols)-1].texts, s)
			}
		}
	}
	if len(cols) != 2 {
		t.Fatalf("the dialog shows %d amendments, want 2: %q", len(cols), topDialogText(w))
	}
	return cols
}

// choose picks option i of the dialog's choice list n (0: the first
// amendment's, 1: the second's), as a user does.
func choose(t *testing.T, w fyne.Window, n, i int) {
	t.Helper()
	var lists []interface{ SetSelectedIndex(int) }
	for _, o := range dialogObjects(t, w) {
		if l, ok := o.(interface{ SetSelectedIndex(int) }); ok {
			lists = append(lists, l)
		}
	}
	if len(lists) != 2 {
		t.Fatalf("the dialog has %d choice lists, want 2", len(lists))
	}
	lists[n].SetSelectedIndex(i)
}

// Side by side shows the first two amendments at first, then the two
// chosen, each with its tracked change and justification; in English the
// first column is on the left.
func TestSideBySideShowsTheTwoAmendmentsChosen(t *testing.T) {
	f := newFixture(t)
	addRSK(t, f)
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	test.Tap(button(t, w, "Side by side…"))
	cols := sideColumns(t, w)
	if !strings.HasPrefix(cols[0].head, "Casablanca-Settat (CS)") || !strings.HasPrefix(cols[1].head, "Marrakech-Safi (MS)") {
		t.Errorf("the columns show %q and %q, want CS's and MS's", cols[0].head, cols[1].head)
	}
	// The options name each amendment by chamber and ID: RSK's is third.
	choose(t, w, 1, 2)
	cols = sideColumns(t, w)
	if !strings.HasPrefix(cols[1].head, "Rabat-Salé-Kénitra (RSK)") {
		t.Fatalf("after choosing RSK's, the second column shows %q", cols[1].head)
	}
	if cols[1].tracked == nil || !slices.ContainsFunc(cols[1].tracked.Inserted(), func(s string) bool { return strings.Contains(s, "جهوية") }) {
		t.Errorf("RSK's column has no tracked change inserting «جهوية»")
	}
	if cols[0].tracked == nil || slices.ContainsFunc(cols[0].tracked.Inserted(), func(s string) bool { return strings.Contains(s, "جهوية") }) {
		t.Errorf("CS's column has no tracked change of its own")
	}
	if !containsText(cols[0].texts, "Amendment \u2066CS-7K3QX9AB\u2069") || !containsText(cols[0].texts, "توضيح الطبيعة القانونية للغرف.") {
		t.Errorf("CS's column shows %q, want its ID and justification", cols[0].texts)
	}
	if !(cols[0].right <= cols[1].x && cols[0].y == cols[1].y) {
		t.Errorf("the first column's head ends at x=%.0f, the second starts at x=%.0f (tops %.0f, %.0f): want them side by side, the first on the left",
			cols[0].right, cols[1].x, cols[0].y, cols[1].y)
	}
}

// An amendment made on an earlier wording of the article reads in its
// column as on its card: the line that says how, and its change.
func TestSideBySideShowsAnAmendmentMadeOnAnEarlierWording(t *testing.T) {
	f := newFixture(t)
	nextVersion(t, f)
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	test.Tap(button(t, w, "Side by side…"))
	for i, c := range sideColumns(t, w) {
		if !containsText(c.texts, "version 1") {
			t.Errorf("column %d shows %q, want the line that says it was made on version 1", i+1, c.texts)
		}
		if c.tracked == nil || !slices.ContainsFunc(c.tracked.Inserted(), func(s string) bool { return strings.Contains(s, "مستقلة") }) {
			t.Errorf("column %d has no tracked change inserting the amendment's «مستقلة»", i+1)
		}
	}
}

// With fewer than two amendments, the dialog says there is nothing to
// compare.
func TestSideBySideNeedsTwoAmendments(t *testing.T) {
	f := newFixture(t)
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "2"})
	test.Tap(button(t, w, "Side by side…"))
	if ts := topDialogText(w); !containsText(ts, "This article does not have two amendments to compare.") {
		t.Errorf("the dialog says %q", ts)
	}
}

// In Arabic the first column is on the right (its image is kept and was
// looked at).
func TestSideBySideInArabic(t *testing.T) {
	f := newFixture(t)
	addRSK(t, f)
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Article: "3"})
	test.Tap(button(t, w, ui.UILine("مقارنة تعديلين…")))
	choose(t, w, 1, 2)
	cols := sideColumns(t, w)
	if !(cols[1].right <= cols[0].x && cols[0].y == cols[1].y) {
		t.Errorf("the second column's head ends at x=%.0f, the first starts at x=%.0f: want the first on the right", cols[1].right, cols[0].x)
	}
	snapshot.Assert(t, w.Canvas(), "side_by_side_ar")
}

// The dialog keeps within the window at every size; at 800×600 with text
// at 1.5 the second column goes under the first.
func TestSideBySideHoldsAtEverySize(t *testing.T) {
	f := newFixture(t)
	for _, ws := range windowSizes {
		t.Run(ws.name, func(t *testing.T) {
			_, w := f.openScaled(t, ws.size, ws.scale, ui.Options{Lang: "ar", Role: "FED", Article: "3"})
			test.Tap(button(t, w, ui.UILine("مقارنة تعديلين…")))
			checkDialogHolds(t, w, ws.size)
			cols := sideColumns(t, w)
			if ws.scale == 1.5 && cols[1].y <= cols[0].y {
				t.Errorf("at %s the second column starts at y=%.0f, the first at %.0f: want it under the first", ws.name, cols[1].y, cols[0].y)
			}
			if ws.scale == 1.5 {
				snapshot.AssertImage(t, "side_by_side_ar_"+ws.name, w.Canvas().Capture())
			}
		})
	}
}
