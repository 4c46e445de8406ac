package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/ui"
	"statute/ui/internal/snapshot"
)

// dialogBox is the box of the dialog on top of w, in the window.
func dialogBox(t *testing.T, w fyne.Window) (fyne.Position, fyne.Size) {
	t.Helper()
	pop, ok := w.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		t.Fatalf("no dialog is shown (on top: %T)", w.Canvas().Overlays().Top())
	}
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(pop.Content), pop.Content.Size()
}

// drawnText is where the dialog on top of w draws the line that reads
// text, from x0 to x1 in the window: the text, not the box it is in.
func drawnText(t *testing.T, w fyne.Window, text string) (x0, x1 float32) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		l, ok := o.(interface{ Text() string })
		if !ok || l.Text() != text {
			continue
		}
		at := d.AbsolutePositionForObject(o)
		x0, x1 = at.X+o.Size().Width, at.X
		for _, c := range test.LaidOutObjects(o) {
			if c, ok := c.(*canvas.Text); ok && c.Text != "" {
				x0, x1 = min(x0, at.X+c.Position().X), max(x1, at.X+c.Position().X+c.Size().Width)
			}
		}
		return x0, x1
	}
	t.Fatalf("the dialog does not show %q; it shows %q", text, topDialogText(w))
	return 0, 0
}

// dialogButton finds the button named text in the dialog on top of w.
func dialogButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("the dialog has no button %q; it shows %q", text, topDialogText(w))
	return nil
}

// typeKey types a key that no widget has the focus for, as when a dialog
// has just opened.
func typeKey(w fyne.Window, k fyne.KeyName) {
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k})
}

// A dialog's title stands on the side the language starts from (right in
// Arabic) and reads right, and its buttons are in the mirrored order of
// the left-to-right layout: Cancel then the verb from the left in French,
// the verb then Cancel from the left in Arabic, so that read from the
// language's side Cancel comes first in both.
func TestDialogsAreLaidOutInTheLanguagesDirection(t *testing.T) {
	for _, c := range []struct {
		lang, title, verb, cancel string
	}{
		{"ar", "حذف المسودة", "حذف", "إلغاء"},
		{"fr", "Supprimer le brouillon", "Supprimer", "Annuler"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			f := newFixture(t)
			_, w := f.open(t, newApp(t, "FM"), ui.Options{Lang: c.lang, Article: "3"})
			test.Tap(button(t, w, c.verb))
			at, size := dialogBox(t, w)
			x0, x1 := drawnText(t, w, c.title)
			mid := at.X + size.Width/2
			right := at.X + size.Width
			if c.lang == "ar" && (x0 < mid || right-x1 > 40) {
				t.Errorf("the title is drawn from x=%v to %v in a dialog from %v to %v: want it against the right side", x0, x1, at.X, right)
			}
			if c.lang == "fr" && (x1 > mid || x0-at.X > 40) {
				t.Errorf("the title is drawn from x=%v to %v in a dialog from %v to %v: want it against the left side", x0, x1, at.X, right)
			}
			d := fyne.CurrentApp().Driver()
			verb, cancel := d.AbsolutePositionForObject(dialogButton(t, w, c.verb)).X, d.AbsolutePositionForObject(dialogButton(t, w, c.cancel)).X
			if c.lang == "ar" && verb > cancel {
				t.Errorf("«%s» is at x=%v, «%s» at x=%v: want the verb on the left, Cancel on the right", c.verb, verb, c.cancel, cancel)
			}
			if c.lang == "fr" && verb < cancel {
				t.Errorf("«%s» is at x=%v, «%s» at x=%v: want Cancel on the left, the verb on the right", c.verb, verb, c.cancel, cancel)
			}
		})
	}
}

// Escape dismisses a dialog, and does nothing else: the screen behind it
// stays as it was. Enter does not set off an action that cannot be
// undone (submitting locks the amendment).
func TestEscapeDismissesADialogAndEnterDoesNotSubmit(t *testing.T) {
	f := newFixture(t)
	wb, w := openPropose(t, f, "RSK", "en")
	text, _, just := wb.ProposeEditors()
	typeAtEnd(text, " جهوية")
	typeAtEnd(just, "للتوضيح.")
	w.Canvas().Unfocus()
	test.Tap(button(t, w, "Submit"))
	if !containsText(topDialogText(w), "Submit it?") {
		t.Fatalf("Submit shows %q, want the question", topDialogText(w))
	}
	typeKey(w, fyne.KeyReturn)
	if !containsText(topDialogText(w), "Submit it?") {
		t.Errorf("after Enter the window shows %q, want the question still", topDialogText(w))
	}
	typeKey(w, fyne.KeyEscape)
	settle(t, wb)
	if w.Canvas().Overlays().Top() != nil {
		t.Errorf("after Escape the dialog still shows %q", topDialogText(w))
	}
	if !wb.Proposing() {
		t.Error("Escape in the dialog closed the propose screen behind it")
	}
	for _, a := range mine(t, f, "RSK") {
		if a.Status != "draft" {
			t.Errorf("the amendment was %s", a.Status)
		}
	}
	// The window has its keys back: Escape now closes the screen.
	typeKey(w, fyne.KeyEscape)
	settle(t, wb)
	if wb.Proposing() {
		t.Error("once the dialog is gone, Escape does not close the propose screen")
	}
}

// Enter closes a dialog that only says something, as its OK button does.
func TestEnterClosesAMessage(t *testing.T) {
	f := newFixture(t)
	wb, w := f.open(t, newApp(t, "FM"), ui.Options{Lang: "en", Article: "3"})
	wb.BackUpNow()
	settle(t, wb)
	if !containsText(topDialogText(w), "backed up") {
		t.Fatalf("Back up now shows %q", topDialogText(w))
	}
	typeKey(w, fyne.KeyEnter)
	if w.Canvas().Overlays().Top() != nil {
		t.Errorf("after Enter the message still shows %q", topDialogText(w))
	}
}

// A snapshot of a dialog in Arabic: the title on the right, joined and in
// reading order, the question right-aligned, the verb on the left and
// Cancel on the right.
func TestDialogSnapshot(t *testing.T) {
	f := newFixture(t)
	_, w := f.open(t, newApp(t, "FM"), ui.Options{Lang: "ar", Article: "3"})
	test.Tap(button(t, w, "حذف"))
	at, size := dialogBox(t, w)
	snapshot.AssertImage(t, "dialog_ar", crop(w.Canvas(), at, size))
}
