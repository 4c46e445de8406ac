package ui_test

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/ui"
)

func TestFirstRunAsksWhoseLaptopThisIs(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		name string
		pref string
		opts ui.Options
		asks bool
	}{
		{"first run", "", ui.Options{Lang: "en"}, true},
		{"role in the preferences", "CS", ui.Options{Lang: "en"}, false},
		{"--role", "", ui.Options{Lang: "en", Role: "FM"}, false},
		{"screenshot mode never asks", "", ui.Options{Lang: "en", Screenshot: true}, false},
		{"unknown stored role asks again", "XX", ui.Options{Lang: "en"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := newApp(t, c.pref)
			_, w := f.open(t, a, c.opts)
			asked := containsText(topDialogText(w), "Who is this laptop for?")
			if asked != c.asks {
				t.Errorf("asked whose laptop this is = %v, want %v (dialog: %q)", asked, c.asks, topDialogText(w))
			}
		})
	}
}

func TestTheFirstRunAnswerIsKept(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	sel, confirm := firstRunQuestion(t, w)
	if !confirm.Disabled() {
		t.Error("Confirm is enabled before anything is chosen")
	}
	sel.SetSelected("Fès-Meknès (FM)")
	test.Tap(confirm)
	answerNewPassphrase(t, wb, w, testPassphrase)
	if got := a.Preferences().String(ui.PrefRole); got != "FM" {
		t.Errorf("stored role = %q, want FM", got)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Errorf("the dialog is still shown: %q", topDialogText(w))
	}
	if !shows(w, "Seen by: Fès-Meknès (FM)") || !shows(w, "1 amendment") {
		t.Errorf("the window shows %q, want FM's view of article 3", labels(w))
	}
}

// slowDraftStore holds the reading of the latest draft until release.
type slowDraftStore struct {
	drafts.Store
	gate chan struct{}
}

func (s *slowDraftStore) LatestDraft() (*drafts.Draft, error) {
	<-s.gate
	return s.Store.LatestDraft()
}

func TestAFirstRunAnswerGivenWhileTheDraftLoadsIsUsed(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "")
	s := &slowDraftStore{Store: f.store, gate: make(chan struct{})}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	wb, err := ui.New(a, w, s, ui.Options{Lang: "en", Article: "3"})
	if err != nil {
		t.Fatal(err)
	}
	sel, confirm := firstRunQuestion(t, w)
	sel.SetSelected("Fès-Meknès (FM)")
	test.Tap(confirm)
	typePassphrases(t, w, testPassphrase)
	tapDialog(t, w, "Make the key")
	close(s.gate)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if !shows(w, "Seen by: Fès-Meknès (FM)") || !shows(w, "1 amendment") {
		t.Errorf("the window shows %q, want FM's view of article 3 with its amendment", labels(w))
	}
	if counts := outlineCounts(w); !slices.Contains(counts, "1") {
		t.Errorf("the outline shows counts %q, want FM's 1 on article 3", counts)
	}
}

// firstRunQuestion finds the first-run dialog's choice of chamber (the
// second list, after the language) and its Confirm button.
func firstRunQuestion(t *testing.T, w fyne.Window) (*widget.Select, *widget.Button) {
	t.Helper()
	var sel *widget.Select
	var confirm *widget.Button
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if s := ui.ChoiceList(o); s != nil {
			sel = s
			continue
		}
		switch o := o.(type) {
		case *widget.Button:
			if o.Text == "Confirm" || o.Text == "Confirmer" || o.Text == "تأكيد" {
				confirm = o
			}
		}
	}
	if sel == nil || confirm == nil {
		t.Fatalf("the first-run dialog has no choice list or no Confirm button: %q", topDialogText(w))
	}
	return sel, confirm
}

// setLocale makes the process's locale the given one, as the system
// would, for the rest of the test.
func setLocale(t *testing.T, lang string) {
	t.Helper()
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
		t.Setenv(v, "")
	}
	t.Setenv("LANG", lang)
}

// Under the locale C, or one the app does not speak, the first run asks
// in Arabic, the users' first language, and offers the language too:
// choosing French asks the question again in French, and the choice is
// kept. A locale the app speaks is followed, and choosing its language
// stores nothing: the interface goes on following the system.
func TestTheFirstRunUnderAnUnknownLocaleAsksInArabicAndOffersTheLanguage(t *testing.T) {
	for _, c := range []struct {
		locale, question, stored string
	}{
		{"C", "لمن هذا الحاسوب؟", "fr"},
		{"C.UTF-8", "لمن هذا الحاسوب؟", "fr"},
		{"de_DE.UTF-8", "لمن هذا الحاسوب؟", "fr"},
		{"fr_FR.UTF-8", "À qui appartient cet ordinateur ?", ""},
	} {
		t.Run(c.locale, func(t *testing.T) {
			setLocale(t, c.locale)
			// Each answer makes the key pair of a database of its own.
			f := newFixture(t)
			a := newApp(t, "")
			wb, w := f.open(t, a, ui.Options{Article: "3"})
			if !containsText(topDialogText(w), c.question) {
				t.Fatalf("the first run asks %q, want «%s»", topDialogText(w), c.question)
			}
			var lists []*widget.Select
			for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
				if s := ui.ChoiceList(o); s != nil {
					lists = append(lists, s)
				}
			}
			if len(lists) != 2 || !slices.Contains(lists[0].Options, "Français") || !slices.Contains(lists[0].Options, "English") {
				t.Fatalf("the first run offers %d lists, the first %q: want the languages, then the chambers", len(lists), lists[0].Options)
			}
			lists[0].SetSelected("Français")
			if !containsText(topDialogText(w), "À qui appartient cet ordinateur ?") {
				t.Fatalf("after choosing Français the first run asks %q, want it in French", topDialogText(w))
			}
			sel, confirm := firstRunQuestion(t, w)
			sel.SetSelected("Fès-Meknès (FM)")
			test.Tap(confirm)
			typePassphrases(t, w, testPassphrase)
			tapDialog(t, w, "Créer la clé")
			if err := wb.Wait(); err != nil {
				t.Fatal(err)
			}
			if got := a.Preferences().String(ui.PrefLanguage); got != c.stored {
				t.Errorf("stored language = %q, want %q", got, c.stored)
			}
			if !shows(w, "Vu par : Fès-Meknès (FM)") {
				t.Errorf("after the first run the window shows %q, want FM's view in French", labels(w))
			}
		})
	}
}

// Left alone, the language choice stores nothing: the interface goes on
// following the system.
func TestTheFirstRunKeepsFollowingTheSystemLanguageWhenNotChosen(t *testing.T) {
	setLocale(t, "C")
	f := newFixture(t)
	a := newApp(t, "")
	wb, w := f.open(t, a, ui.Options{Article: "3"})
	sel, confirm := firstRunQuestion(t, w)
	sel.SetSelectedIndex(2)
	test.Tap(confirm)
	typePassphrases(t, w, testPassphrase)
	tapDialog(t, w, "إنشاء المفتاح")
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if got := a.Preferences().String(ui.PrefLanguage); got != "" {
		t.Errorf("stored language = %q, want none", got)
	}
	if ui.CurrentLanguage() != "ar" {
		t.Errorf("the interface is in %q, want Arabic", ui.CurrentLanguage())
	}
}

// The first-run question is answered from the keyboard: the chamber
// chosen in its list, Enter confirms.
func TestTheFirstRunIsAnsweredWithTheKeyboard(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	var chamber fyne.CanvasObject
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if ui.ChoiceList(o) != nil {
			chamber = o // the last list
		}
	}
	w.Canvas().Focus(chamber.(fyne.Focusable))
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	ui.OnUIThread(func() { w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	// Then the passphrase, twice, and Enter in the second field.
	entries := passwordEntries(w)
	if focused, ok := w.Canvas().Focused().(fyne.CanvasObject); len(entries) != 2 || !ok || ui.PassphraseEntry(focused) != entries[0] {
		t.Fatalf("after Enter the window shows %q, want the passphrase asked twice, the first field focused", topDialogText(w))
	}
	test.Type(entries[0], testPassphrase)
	ui.OnUIThread(func() { entries[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	test.Type(entries[1], testPassphrase)
	ui.OnUIThread(func() { entries[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if got := a.Preferences().String(ui.PrefRole); got != "TTA" {
		t.Errorf("stored role = %q, want TTA, the first chamber", got)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Errorf("after Enter the question is still shown: %q", topDialogText(w))
	}
}
