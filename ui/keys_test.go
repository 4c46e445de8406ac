package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"statute/ui"
	"statute/ui/textwidget"
)

// typeShortcut gives a shortcut to the window as Fyne's desktop driver
// does: to the widget that has the keyboard if it takes shortcuts, else
// to the window.
func typeShortcut(w fyne.Window, s fyne.Shortcut) {
	if f, ok := w.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

func TestTextSizeKeysAsKeyboardsTypeThem(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	_, w := f.open(t, a, ui.Options{Lang: "en"})
	ctrl := fyne.KeyModifierShortcutDefault
	shift := fyne.KeyModifierShift
	// The names are those Fyne's GLFW driver gives: a key is named by the
	// character it types without Shift, the keypad's + and − by theirs
	// (GLFW's key name), the keypad's 0 as 0.
	for _, c := range []struct {
		name   string
		key    fyne.KeyName
		mod    fyne.KeyModifier
		search bool // typed while the search field has the keyboard
		want   float64
	}{
		{"Ctrl+Shift+= (Plus on US, Arabic and French layouts)", fyne.KeyEqual, ctrl | shift, false, 1.1},
		{"Ctrl+Shift+Plus", fyne.KeyPlus, ctrl | shift, false, 1.2},
		{"Ctrl and the keypad's +", fyne.KeyPlus, ctrl, false, 1.3},
		{"Ctrl and the keypad's −", fyne.KeyMinus, ctrl, false, 1.2},
		{"Ctrl+Shift+Minus", fyne.KeyMinus, ctrl | shift, false, 1.1},
		{"Ctrl and the keypad's 0", fyne.Key0, ctrl, false, 1},
		{"Ctrl+Shift+= in the search field", fyne.KeyEqual, ctrl | shift, true, 1.1},
		{"Ctrl+Minus in the search field", fyne.KeyMinus, ctrl, true, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.search {
				w.Canvas().Focus(searchField(t, w))
			} else {
				w.Canvas().Unfocus()
			}
			typeShortcut(w, &desktop.CustomShortcut{KeyName: c.key, Modifier: c.mod})
			th, ok := a.Settings().Theme().(*ui.Theme)
			if !ok {
				t.Fatalf("the app theme is %T, not the app's", a.Settings().Theme())
			}
			if th.Scale() != c.want || a.Preferences().Float(ui.PrefTextScale) != c.want {
				t.Errorf("text scale = %v (preference %v), want %v", th.Scale(), a.Preferences().Float(ui.PrefTextScale), c.want)
			}
		})
	}
}

// outlineTree finds the window's outline.
func outlineTree(t *testing.T, w fyne.Window) fyne.Focusable {
	t.Helper()
	for _, o := range objects(w) {
		if tree, ok := o.(interface {
			fyne.Focusable
			OpenAllBranches()
		}); ok {
			return tree
		}
	}
	t.Fatal("no outline in the window")
	return nil
}

func TestTheOutlineMovesWithUpAndDownAndOpensWithEnter(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "2"})
	tree := outlineTree(t, w)
	// A click on article 3's row opens it and gives the outline the
	// keyboard.
	rows, _ := outlineRows(w)
	clicked := false
	for _, r := range rows {
		if r.title.o.(*textwidget.Text).Text() == "المادة 3: الطبيعة القانونية للغرف" {
			test.TapCanvas(w.Canvas(), r.row.pos.AddXY(r.row.o.Size().Width/2, r.row.o.Size().Height/2))
			clicked = true
		}
	}
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if !clicked || !shows(w, "Position 3 of 36") || w.Canvas().Focused() != tree {
		t.Fatalf("after a click on article 3's row the window shows %q, the keyboard with %T; want article 3, the keyboard with the outline", labels(w), w.Canvas().Focused())
	}
	press := func(k fyne.KeyName) func() {
		return func() { tree.TypedKey(&fyne.KeyEvent{Name: k}) }
	}
	steps := []struct {
		name string
		keys []fyne.KeyName
		pos  string
	}{
		// After article 3 come the second chapter's heading, then article ٤.
		{"Down twice moves without opening", []fyne.KeyName{fyne.KeyDown, fyne.KeyDown}, "Position 3 of 36"},
		{"Enter opens the row", []fyne.KeyName{fyne.KeyReturn}, "Position 4 of 36"},
		{"Up three times to article 2", []fyne.KeyName{fyne.KeyUp, fyne.KeyUp, fyne.KeyUp}, "Position 4 of 36"},
		{"the keypad's Enter opens it", []fyne.KeyName{fyne.KeyEnter}, "Position 2 of 36"},
		{"Space still opens", []fyne.KeyName{fyne.KeyDown, fyne.KeySpace}, "Position 3 of 36"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			for _, k := range s.keys {
				press(k)()
			}
			if err := wb.Wait(); err != nil {
				t.Fatal(err)
			}
			if !shows(w, s.pos) {
				t.Errorf("the window shows %q, want %q", labels(w), s.pos)
			}
			if w.Canvas().Focused() != tree {
				t.Error("the outline lost the keyboard")
			}
		})
	}
}
