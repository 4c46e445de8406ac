package ui_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/ui"
)

func TestLanguagePicksTranslationsAndMirrorsArabic(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		lang     string
		next     string
		position string
		count    string
		mirrored bool
	}{
		{"en", "Next article", "Position 3 of 36", "2 amendments", false},
		{"fr", "Article suivant", "Position 3 sur 36", "2 amendements", false},
		{"ar", "المادة التالية", "الترتيب 3 من 36", "تعديلان", true},
	} {
		t.Run(c.lang, func(t *testing.T) {
			a := newApp(t, "FED")
			_, w := f.open(t, a, ui.Options{Lang: c.lang, Article: "3"})
			if got := ui.CurrentLanguage(); got != c.lang {
				t.Errorf("CurrentLanguage() = %q, want %q", got, c.lang)
			}
			button(t, w, c.next)
			if !shows(w, c.position) || !shows(w, c.count) {
				t.Errorf("the window shows %q, want %q and %q", labels(w), c.position, c.count)
			}
			if mirrored := holdsArticle(split(t, w).Leading); mirrored != c.mirrored {
				t.Errorf("article view on the left = %v, want %v (outline on the right in Arabic)", mirrored, c.mirrored)
			}
		})
	}
}

func TestLanguageCanBeSwitchedWhileRunning(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	wb.SetLanguage("fr")
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	button(t, w, "Article suivant")
	if !shows(w, "Position 3 sur 36") {
		t.Errorf("after switching to French the window shows %q", labels(w))
	}
}

func TestUnknownLanguageIsRefused(t *testing.T) {
	if err := ui.SetLanguage("de"); err == nil {
		t.Error("SetLanguage(de) gave no error")
	}
}

func TestSettingsChangeLanguageAndRole(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	wb.ShowSettings()
	var selects []*widget.Select
	var save *widget.Button
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if s := ui.ChoiceList(o); s != nil {
			selects = append(selects, s)
			continue
		}
		switch o := o.(type) {
		case *widget.Button:
			if o.Text == "Save" {
				save = o
			}
		}
	}
	if len(selects) != 3 || save == nil {
		t.Fatalf("the settings dialog shows %q, want a role, a language and a font choice and Save", topDialogText(w))
	}
	selects[0].SetSelected("Casablanca-Settat (CS)")
	selects[1].SetSelected("Français")
	ui.OnUIThread(func() { test.Tap(save) })
	// The new role's key pair is made under a passphrase.
	answerNewPassphrase(t, wb, w, testPassphrase)
	if got := a.Preferences().String(ui.PrefLanguage); got != "fr" {
		t.Errorf("stored language = %q, want fr", got)
	}
	if got := a.Preferences().String(ui.PrefRole); got != "CS" {
		t.Errorf("stored role = %q, want CS", got)
	}
	if !shows(w, "Vu par : Casablanca-Settat (CS)") || !shows(w, "1 amendement") {
		t.Errorf("after saving the window shows %q, want CS's view in French", labels(w))
	}
	// The outline counts CS's amendments only: one, to article 3.
	counts := outlineCounts(w)
	if !slices.Contains(counts, "1") || slices.Contains(counts, "2") {
		t.Errorf("the outline shows counts %q, want CS's 1 on article 3 (not the federation's 2)", counts)
	}
}

func TestTheArabicSettingsReadRightToLeft(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FM")
	wb, w := f.open(t, a, ui.Options{Lang: "ar", Article: "3"})
	wb.ShowSettings()
	var selects []*widget.Select
	var labels []fyne.CanvasObject
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if s := ui.ChoiceList(o); s != nil {
			selects = append(selects, s)
			continue
		}
		switch o := o.(type) {
		case interface{ Text() string }:
			if o.Text() == "الغرفة أو الجامعة" {
				labels = append(labels, o.(fyne.CanvasObject))
			}
		}
	}
	if len(selects) != 3 || len(labels) != 1 {
		t.Fatalf("the Arabic settings show %d choices and %d «الغرفة أو الجامعة» labels, want 3 and 1", len(selects), len(labels))
	}
	role := selects[0]
	if role.Alignment != fyne.TextAlignTrailing {
		t.Error("the chamber choice is not aligned to the right")
	}
	// Fyne draws a string left to right as given: the chamber's code must
	// come first in it, on the left, and its name after, on the right.
	shown := role.Selected
	code, name := strings.Index(shown, "(FM)"), strings.IndexFunc(shown, func(r rune) bool { return r >= 'ء' && r <= 'ي' })
	if code < 0 || name < 0 || code > name {
		t.Errorf("the chamber choice is drawn as %q, want «(FM)» on the left of the Arabic name", shown)
	}
	if lx, rx := a.Driver().AbsolutePositionForObject(labels[0]).X, a.Driver().AbsolutePositionForObject(role).X; lx <= rx {
		t.Errorf("the label «الغرفة أو الجامعة» is at x=%v, its choice at x=%v: want the label on the right", lx, rx)
	}
}

// Choosing the interface language is the app's own business: the process
// environment, which C code reads at any moment, is left as it was.
func TestSwitchingLanguageLeavesTheEnvironmentAlone(t *testing.T) {
	before := os.Environ()
	for _, code := range []string{"ar", "fr", "en", "", "ar"} {
		if err := ui.SetLanguage(code); err != nil {
			t.Fatal(err)
		}
		if code != "" && ui.CurrentLanguage() != code {
			t.Errorf("SetLanguage(%q) left the interface in %q", code, ui.CurrentLanguage())
		}
	}
	if after := os.Environ(); !slices.Equal(before, after) {
		t.Errorf("switching languages changed the environment:\nbefore %q\nafter  %q", before, after)
	}
	if err := ui.SetLanguage("de"); err == nil {
		t.Error("SetLanguage(de) was accepted")
	}
}

// Settings says where the database and its backups are, and backs it up
// on request: the copy is there, verified, and the window says where.
func TestSettingsBacksUpTheDatabase(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FM")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	wb.ShowSettings()
	loc := f.store.Location()
	var backUp *widget.Button
	var shown []string
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		switch o := o.(type) {
		case *widget.Button:
			if o.Text == "Back up now" {
				backUp = o
			}
		case interface{ Text() string }:
			shown = append(shown, o.Text())
		}
	}
	if !containsText(shown, loc.File) || !containsText(shown, loc.Backups) || backUp == nil {
		t.Fatalf("Settings shows %q, want the database %s, its backups %s and «Back up now»", shown, loc.File, loc.Backups)
	}
	test.Tap(backUp)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(loc.Backups)
	if err != nil || len(entries) != 1 {
		t.Fatalf("the backups folder holds %v (%v), want one backup", entries, err)
	}
	if ts := topDialogText(w); !containsText(ts, "backed up") || !containsText(ts, entries[0].Name()) {
		t.Errorf("after «Back up now» the window shows %q, want where the copy went", ts)
	}
}

// holdsArticle reports whether o is the article view: the article's text
// over its amendments, in a vertical split.
func holdsArticle(o fyne.CanvasObject) bool {
	for _, c := range test.LaidOutObjects(o) {
		if s, ok := c.(*container.Split); ok && !s.Horizontal {
			return true
		}
	}
	return false
}
