package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"statute/drafts"
	"statute/drafts/round"
	"statute/ui"
)

func TestNavigationMovesThroughTheArticles(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "2"})
	next := func() { test.Tap(button(t, w, "Next article")) }
	prev := func() { test.Tap(button(t, w, "Previous article")) }
	pageDown := func() { w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyPageDown}) }
	pageUp := func() { w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyPageUp}) }
	ctrl := func(k fyne.KeyName) func() {
		return func() {
			w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
		}
	}
	steps := []struct {
		name   string
		do     func()
		header string
		pos    string
	}{
		{"start at --article 2", func() {}, "المادة 2: تعريفات", "Position 2 of 36"},
		{"Next button", next, "المادة 3: الطبيعة القانونية للغرف", "Position 3 of 36"},
		{"Previous button", prev, "المادة 2: تعريفات", "Position 2 of 36"},
		{"Previous button again", prev, "المادة الأولى", "Position 1 of 36"},
		{"PageUp on the first article stays", pageUp, "المادة الأولى", "Position 1 of 36"},
		{"PageDown", pageDown, "المادة 2: تعريفات", "Position 2 of 36"},
		{"Ctrl+Down", ctrl(fyne.KeyDown), "المادة 3: الطبيعة القانونية للغرف", "Position 3 of 36"},
		{"Ctrl+Down to an Eastern-digit heading", ctrl(fyne.KeyDown), "المادة ٤", "Position 4 of 36"},
		{"Ctrl+Up", ctrl(fyne.KeyUp), "المادة 3: الطبيعة القانونية للغرف", "Position 3 of 36"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			s.do()
			if err := wb.Wait(); err != nil {
				t.Fatal(err)
			}
			if !shows(w, s.header) || !shows(w, s.pos) {
				t.Errorf("the window shows %q, want %q and %q", labels(w), s.header, s.pos)
			}
		})
	}
}

func TestPreviousIsDisabledOnTheFirstArticleAndNextOnTheLast(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	last := f.draft.Articles[len(f.draft.Articles)-1].Key
	for _, c := range []struct {
		article          string
		prevOff, nextOff bool
	}{
		{"1", true, false},
		{"3", false, false},
		{last, false, true},
	} {
		t.Run(c.article, func(t *testing.T) {
			_, w := f.open(t, a, ui.Options{Lang: "en", Article: c.article})
			if got := button(t, w, "Previous article").Disabled(); got != c.prevOff {
				t.Errorf("Previous disabled = %v, want %v", got, c.prevOff)
			}
			if got := button(t, w, "Next article").Disabled(); got != c.nextOff {
				t.Errorf("Next disabled = %v, want %v", got, c.nextOff)
			}
		})
	}
}

func TestAChamberSeesItsOwnAmendmentsAndTheFederationTheSubmitted(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		role   string
		count  string
		who    []string // amendments shown, with their state
		hidden []string // amendments that must not be shown
	}{
		{"FM", "1 amendment", []string{"Fès-Meknès (FM) — New wording — Draft"}, []string{"Casablanca-Settat (CS)"}},
		{"CS", "1 amendment", []string{"Casablanca-Settat (CS) — New wording — Submitted"}, []string{"Fès-Meknès (FM)"}},
		{"FED", "2 amendments", []string{"Casablanca-Settat (CS) — New wording — Submitted", "Marrakech-Safi (MS) — New wording — Submitted"}, []string{"Fès-Meknès (FM)"}},
		{"RSK", "0 amendments", nil, []string{"Fès-Meknès (FM)", "Casablanca-Settat (CS)", "Marrakech-Safi (MS)"}},
	} {
		t.Run(c.role, func(t *testing.T) {
			a := newApp(t, "")
			_, w := f.open(t, a, ui.Options{Lang: "en", Role: c.role, Article: "3"})
			if !shows(w, c.count) {
				t.Errorf("the window shows %q, want %q", labels(w), c.count)
			}
			for _, who := range c.who {
				if !containsText(labels(w), who) {
					t.Errorf("no «%s» shown in %q", who, labels(w))
				}
			}
			for _, who := range c.hidden {
				if containsText(labels(w), who) {
					t.Errorf("%s is shown to %s: %q", who, c.role, labels(w))
				}
			}
			if w.Canvas().Overlays().Top() != nil {
				t.Errorf("--role %s still asked whose laptop this is: %q", c.role, topDialogText(w))
			}
		})
	}
}

func TestUnknownArticleIsReported(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	t.Run("interactive: a dialog, and the first article", func(t *testing.T) {
		_, w := f.open(t, a, ui.Options{Lang: "en", Article: "99"})
		if !containsText(topDialogText(w), "no article 99") {
			t.Errorf("dialog shows %q, want the reason", topDialogText(w))
		}
		if !shows(w, "Position 1 of 36") {
			t.Errorf("the window shows %q, want the first article", labels(w))
		}
	})
	t.Run("screenshot: an error", func(t *testing.T) {
		w := test.NewTempWindow(t, nil)
		wb, err := ui.New(a, w, f.store, ui.Options{Lang: "en", Article: "99", Screenshot: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := wb.Wait(); err == nil {
			t.Error("an unknown --article in screenshot mode gave no error")
		}
	})
}

func TestTextSizeShortcuts(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	_, w := f.open(t, a, ui.Options{Lang: "en"})
	press := func(k fyne.KeyName) {
		w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	}
	for _, c := range []struct {
		name string
		key  fyne.KeyName
		want float64
	}{
		{"Ctrl+Plus", fyne.KeyPlus, 1.1},
		{"Ctrl+= (Plus without Shift)", fyne.KeyEqual, 1.2},
		{"Ctrl+Minus", fyne.KeyMinus, 1.1},
		{"Ctrl+0 resets", fyne.Key0, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			press(c.key)
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

// The counter says where the article stands in the draft in words that
// cannot be taken for an article number: article 15 is the 18th.
func TestThePositionCannotBeReadAsAnArticleNumber(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct{ lang, header, position, article string }{
		{"ar", "المادة 15", "الترتيب 18 من 36", "المادة 18"},
		{"fr", "المادة 15", "Position 18 sur 36", "Article 18"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: c.lang, Article: "15"})
			if !containsText(labels(w), c.header) || !shows(w, c.position) {
				t.Fatalf("the window shows %q, want the heading %q and the position %q", labels(w), c.header, c.position)
			}
			if containsText(labels(w), c.article) {
				t.Errorf("the window shows %q: «%s» reads as another article", labels(w), c.article)
			}
		})
	}
}

// The window opens again at the article, and the place in it, where the
// reader was when it closed; --article still wins.
func TestTheWindowReopensWhereTheReaderWas(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	small := fyne.NewSize(800, 300)
	wb, w := f.openSized(t, a, ui.Options{Lang: "en", Article: "3"}, small)
	labels(w) // as a frame would, lay everything out at its width
	scroll := wb.AmendmentsScroll()
	scroll.ScrollToBottom()
	y := scroll.Offset.Y
	if y <= 0 {
		t.Fatalf("the amendments to article 3 do not scroll in the window (offset %v): the test shows nothing", y)
	}
	wb.SaveWork()

	wb, w = f.openSized(t, a, ui.Options{Lang: "en"}, small)
	if !containsText(labels(w), "المادة 3") || !shows(w, "Position 3 of 36") {
		t.Fatalf("reopened on %q, want article 3", labels(w))
	}
	if got := wb.AmendmentsScroll().Offset.Y; got != y {
		t.Errorf("reopened scrolled to %v, want %v where the reader left it", got, y)
	}

	_, w = f.open(t, a, ui.Options{Lang: "en", Article: "5"})
	if !shows(w, "Position 5 of 36") {
		t.Errorf("--article 5 opened %q", labels(w))
	}
}

// A card names its amendment by ID, with the date it last changed: people
// name amendments by ID on the phone.
func TestACardShowsTheAmendmentsIDAndDate(t *testing.T) {
	f := newFixture(t)
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Article: "3"})
	as, err := f.store.Amendments(round.Visible(drafts.Federation, f.draft.ID))
	if err != nil || len(as) == 0 {
		t.Fatalf("the fixture has no amendment the federation sees: %v", err)
	}
	for _, a := range as {
		date := a.Updated.Local().Format("02/01/2006\u00a015:04")
		want := "رقم التعديل \u2066" + a.ID + "\u2069 — آخر تغيير \u2066" + date + "\u2069"
		if !shows(w, want) {
			t.Errorf("no card reads %q; the window shows %q", want, labels(w))
		}
	}
}
