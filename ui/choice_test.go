package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/ui"
	"statute/ui/internal/snapshot"
)

// kindLabels are the propose screen's kinds of amendment, in reading
// order, as each language says them.
var kindLabels = map[string][3]string{
	"ar": {"صيغة جديدة", "نسخ", "مادة جديدة بعد هذه المادة"},
	"fr": {"Nouvelle rédaction", "Abrogation", "Nouvel article après celui-ci"},
}

var kinds = [3]drafts.AmendmentKind{drafts.Wording, drafts.Repeal, drafts.Insert}

// kindRow is what a user sees of one kind of amendment on the propose
// screen: where its label and its circle are drawn (from x0 to x1, in the
// window), and whether its circle is filled, as the chosen one is.
type kindRow struct {
	label, circle [2]float32
	y             float32 // the middle of the label, in the window
	chosen        bool
}

// kindRows finds the rows of the propose screen's choice of kind, in
// reading order.
func kindRows(t *testing.T, wb *ui.Workbench, language string) [3]kindRow {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	choice := wb.ProposeKindChoice().(fyne.CanvasObject)
	at := d.AbsolutePositionForObject(choice)
	var rows [3]kindRow
	var circles []kindRow // each circle's outline and fill are drawn at the same place
	found := 0
	for _, o := range test.LaidOutObjects(choice) {
		x0, x1 := at.X+o.Position().X, at.X+o.Position().X+o.Size().Width
		y := at.Y + o.Position().Y + o.Size().Height/2
		switch o := o.(type) {
		case *canvas.Image:
			r := kindRow{circle: [2]float32{x0, x1}}
			if th, ok := o.Resource.(*theme.ThemedResource); ok && th.ColorName == theme.ColorNamePrimary {
				r.chosen = true
			}
			circles = append(circles, r)
		case interface{ Text() string }:
			for i, l := range kindLabels[language] {
				if o.Text() == l {
					// The circle drawn before a label is its own.
					c := circles[len(circles)-2:]
					rows[i] = kindRow{label: [2]float32{x0, x1}, circle: c[0].circle, chosen: c[0].chosen || c[1].chosen, y: y}
					found++
				}
			}
		}
	}
	if found != 3 {
		t.Fatalf("the choice of kind shows %d of the labels %q", found, kindLabels[language])
	}
	return rows
}

// The issue: in Arabic, Fyne's radio buttons drew each circle on the left
// of its label, so a click just right of «مادة جديدة بعد هذه المادة» hit
// the circle of «نسخ» and made the amendment a repeal. Now each circle is
// on the right of its label, and a tap anywhere on the row, the circle,
// the label or the space between them, chooses that kind.
func TestATapAnywhereOnAKindsRowChoosesIt(t *testing.T) {
	f := newFixture(t)
	wb, w := openPropose(t, f, "FM", "ar")
	rows := kindRows(t, wb, "ar")
	insert := rows[2]
	for _, c := range []struct {
		name string
		x    float32
	}{
		{"just right of the label", insert.label[1] + 1},
		{"between the label and its circle", (insert.label[1] + insert.circle[0]) / 2},
		{"on the circle", (insert.circle[0] + insert.circle[1]) / 2},
		{"on the label", (insert.label[0] + insert.label[1]) / 2},
		{"just left of the label", insert.label[0] - 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			chooseKind(t, w, kindLabels["ar"][0])
			if got := wb.ProposeKind(); got != drafts.Wording {
				t.Fatalf("tapping «صيغة جديدة» chose %s", got)
			}
			test.TapCanvas(w.Canvas(), fyne.NewPos(c.x, insert.y))
			if got := wb.ProposeKind(); got != drafts.Insert {
				t.Errorf("a tap at x=%v (label %v, circle %v) chose %s, want a new article", c.x, insert.label, insert.circle, got)
			}
			now := kindRows(t, wb, "ar")
			if !now[2].chosen || now[1].chosen || now[0].chosen {
				t.Errorf("after the tap the filled circle is not the new article's alone: %+v", now)
			}
		})
	}
}

// In Arabic each circle is on the right of its label and the first kind
// is the rightmost; in French the circle is on the left and the first
// kind leftmost.
func TestTheKindsReadFromTheLanguagesSide(t *testing.T) {
	for _, lang := range []string{"ar", "fr"} {
		t.Run(lang, func(t *testing.T) {
			f := newFixture(t)
			wb, _ := openPropose(t, f, "FM", lang)
			rows := kindRows(t, wb, lang)
			for i, r := range rows {
				right := r.circle[0] >= r.label[1]
				left := r.circle[1] <= r.label[0]
				if lang == "ar" && !right || lang == "fr" && !left {
					t.Errorf("%q: circle at %v, label at %v: want the circle on the %s", kindLabels[lang][i], r.circle, r.label,
						map[string]string{"ar": "right", "fr": "left"}[lang])
				}
			}
			x := func(i int) float32 { return rows[i].label[0] }
			if ordered := x(0) > x(1) && x(1) > x(2); lang == "ar" && !ordered {
				t.Errorf("the kinds are at x=%v, %v, %v: want them from right to left", x(0), x(1), x(2))
			}
			if ordered := x(0) < x(1) && x(1) < x(2); lang == "fr" && !ordered {
				t.Errorf("the kinds are at x=%v, %v, %v: want them from left to right", x(0), x(1), x(2))
			}
			if !rows[0].chosen {
				t.Error("a new amendment does not start as new wording")
			}
		})
	}
}

// The choice of kind is used from the keyboard: the arrows move it across
// the screen (Left goes to the next kind in Arabic, the previous one in
// French), Down to the next kind whatever the language, round from the
// last to the first.
func TestTheKindIsChosenWithTheArrows(t *testing.T) {
	for _, c := range []struct {
		lang string
		keys []fyne.KeyName
		want []drafts.AmendmentKind
	}{
		{"ar", []fyne.KeyName{fyne.KeyLeft, fyne.KeyLeft, fyne.KeyRight, fyne.KeyDown, fyne.KeyDown}, []drafts.AmendmentKind{drafts.Repeal, drafts.Insert, drafts.Repeal, drafts.Insert, drafts.Wording}},
		{"fr", []fyne.KeyName{fyne.KeyRight, fyne.KeyRight, fyne.KeyLeft, fyne.KeyUp, fyne.KeyUp}, []drafts.AmendmentKind{drafts.Repeal, drafts.Insert, drafts.Repeal, drafts.Wording, drafts.Insert}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			f := newFixture(t)
			wb, w := openPropose(t, f, "FM", c.lang)
			choice := wb.ProposeKindChoice()
			w.Canvas().Focus(choice)
			for i, k := range c.keys {
				w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k})
				if got := wb.ProposeKind(); got != c.want[i] {
					t.Fatalf("after %v the kind is %s, want %s", c.keys[:i+1], got, c.want[i])
				}
			}
			if w.Canvas().Focused() != choice {
				t.Error("the choice of kind lost the keyboard focus")
			}
		})
	}
}

// A snapshot of the choice of kind in Arabic, as drawn: each circle on
// the right of its label, the first kind on the right, chosen.
func TestKindChoiceSnapshot(t *testing.T) {
	f := newFixture(t)
	wb, w := openPropose(t, f, "FM", "ar")
	w.Canvas().Unfocus()
	choice := wb.ProposeKindChoice().(fyne.CanvasObject)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(choice)
	snapshot.AssertImage(t, "kind_choice_ar", crop(w.Canvas(), at, choice.Size()))
}

// A drop-down list in Arabic is mirrored: its arrow on the left, its text
// on the right, and Left moves to the next option (read after, on the
// left in a right-to-left list); in French it is Fyne's, arrow on the
// right and Right to the next.
func TestDropDownListsReadFromTheLanguagesSide(t *testing.T) {
	for _, c := range []struct {
		lang string
		next fyne.KeyName
	}{{"ar", fyne.KeyLeft}, {"fr", fyne.KeyRight}} {
		t.Run(c.lang, func(t *testing.T) {
			f := newFixture(t)
			wb, w := f.open(t, newApp(t, "FM"), ui.Options{Lang: c.lang, Article: "3"})
			wb.ShowSettings()
			var list fyne.CanvasObject
			for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
				if ui.ChoiceList(o) != nil {
					list = o // the chamber, first
					break
				}
			}
			if list == nil {
				t.Fatalf("Settings show no list: %q", topDialogText(w))
			}
			var arrow, text fyne.CanvasObject
			for _, o := range test.LaidOutObjects(list) {
				switch o.(type) {
				case *widget.Icon:
					arrow = o
				case *widget.RichText:
					text = o
				}
			}
			if arrow == nil || text == nil {
				t.Fatal("the list draws no arrow or no text")
			}
			width := list.Size().Width
			if onLeft := arrow.Position().X < width/2; onLeft != (c.lang == "ar") {
				t.Errorf("the arrow is at x=%v in a %v-wide list (the text at x=%v)", arrow.Position().X, width, text.Position().X)
			}
			if textRight := text.Position().X > arrow.Position().X; textRight != (c.lang == "ar") {
				t.Errorf("the text is at x=%v, the arrow at x=%v", text.Position().X, arrow.Position().X)
			}
			sel := ui.ChoiceList(list)
			before := sel.SelectedIndex()
			w.Canvas().Focus(list.(fyne.Focusable))
			w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: c.next})
			if got := sel.SelectedIndex(); got != before+1 {
				t.Errorf("after %s the list chose option %d, want the next, %d", c.next, got, before+1)
			}
		})
	}
}

// In a window too narrow for the kinds side by side, they stand one under
// the other, each circle still against the reading side.
func TestTheKindsStackInANarrowWindow(t *testing.T) {
	f := newFixture(t)
	wb, w := openPropose(t, f, "FM", "ar")
	// The desktop driver lays a window out again when a widget's least
	// size changes, as the choice's height does once it is narrow; the
	// test driver does not, so the window is laid out a second time.
	w.Resize(fyne.NewSize(401, 800))
	w.Resize(fyne.NewSize(400, 800))
	rows := kindRows(t, wb, "ar")
	for i := 1; i < len(rows); i++ {
		if rows[i].y <= rows[i-1].y {
			t.Errorf("«%s» is at y=%v, «%s» at y=%v: want each kind under the one before", kindLabels["ar"][i], rows[i].y, kindLabels["ar"][i-1], rows[i-1].y)
		}
		if rows[i].circle != rows[0].circle {
			t.Errorf("the circle of «%s» is at %v, of «%s» at %v: want them in one column", kindLabels["ar"][i], rows[i].circle, kindLabels["ar"][0], rows[0].circle)
		}
	}
	for i, r := range rows {
		if r.circle[0] < r.label[1] {
			t.Errorf("«%s»: circle at %v, label at %v: want the circle on the right", kindLabels["ar"][i], r.circle, r.label)
		}
	}
	// A tap beside the last kind's label chooses it there too.
	test.TapCanvas(w.Canvas(), fyne.NewPos(rows[2].label[1]+1, rows[2].y))
	if got := wb.ProposeKind(); got != drafts.Insert {
		t.Errorf("a tap just right of «مادة جديدة بعد هذه المادة» chose %s", got)
	}
}
