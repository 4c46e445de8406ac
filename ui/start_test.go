package ui_test

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/ui"
)

// heldDatabase is a database file that another program holds open until
// the test ends.
func heldDatabase(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "statute.db")
	s, err := boltstore.Open(db, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return db
}

// showHeld shows, as the app's start does, the error of opening a held
// database.
func showHeld(t *testing.T, lang string) (string, []string) {
	t.Helper()
	db := heldDatabase(t)
	a := newApp(t, "FED")
	w := test.NewTempWindow(t, nil)
	if err := ui.ApplyAppearance(a, ui.Options{Lang: lang}); err != nil {
		t.Fatal(err)
	}
	_, err := boltstore.Open(db, boltstore.Options{})
	if !drafts.IsKind(err, drafts.Unavailable) {
		t.Fatalf("opening a held database = %v, want an Unavailable error", err)
	}
	ui.ShowFatal(a, w, err)
	return db, topDialogText(w)
}

func TestAHeldDatabaseIsSaid(t *testing.T) {
	_, ts := showHeld(t, "en")
	if !containsText(ts, "is open in another program") {
		t.Errorf("the window shows %q, want a dialog saying the database is open elsewhere", ts)
	}
}

func TestAnErrorIsSaidInArabicInTheArabicInterface(t *testing.T) {
	db, ts := showHeld(t, "ar")
	if !containsText(ts, "مفتوحة في برنامج آخر") || !containsText(ts, db) || !containsText(ts, "خطأ") {
		t.Errorf("the Arabic interface shows %q, want «خطأ» and the Arabic sentence naming %s", ts, db)
	}
	if containsText(ts, "is open in another program") {
		t.Errorf("the Arabic interface shows the English sentence: %q", ts)
	}
}
