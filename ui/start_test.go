package ui_test

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/ui"
)

func TestStartSeedsTheSampleOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "statute.db")
	for run := 1; run <= 2; run++ {
		a := newApp(t, "FED")
		w := test.NewWindow(nil) // closed below, which closes the database
		wb, err := ui.Start(a, w, ui.Options{DB: db, Sample: assets.SampleDraft, Lang: "en"})
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if err := wb.Wait(); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if !shows(w, "المادة الأولى") {
			t.Errorf("run %d shows %q, want the sample's first article", run, labels(w))
		}
		w.Close()
	}
	s, err := boltstore.Open(db, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	infos, err := s.Drafts()
	if err != nil || len(infos) != 1 {
		t.Errorf("after two starts the database holds %d drafts (%v), want the sample once", len(infos), err)
	}
}

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

func TestStartShowsAHeldDatabaseAndQuits(t *testing.T) {
	db := heldDatabase(t)
	a := newApp(t, "FED")
	w := test.NewTempWindow(t, nil)
	_, err := ui.Start(a, w, ui.Options{DB: db, Sample: assets.SampleDraft, Lang: "en"})
	if !drafts.IsKind(err, drafts.Unavailable) {
		t.Errorf("Start on a held database = %v, want an Unavailable error", err)
	}
	if !containsText(topDialogText(w), "is open in another program") {
		t.Errorf("the window shows %q, want a dialog saying the database is open elsewhere", topDialogText(w))
	}
}

func TestAnErrorIsSaidInArabicInTheArabicInterface(t *testing.T) {
	db := heldDatabase(t)
	a := newApp(t, "FED")
	w := test.NewTempWindow(t, nil)
	if _, err := ui.Start(a, w, ui.Options{DB: db, Sample: assets.SampleDraft, Lang: "ar"}); !drafts.IsKind(err, drafts.Unavailable) {
		t.Fatalf("Start on a held database = %v, want an Unavailable error", err)
	}
	ts := topDialogText(w)
	if !containsText(ts, "مفتوحة في برنامج آخر") || !containsText(ts, db) || !containsText(ts, "خطأ") {
		t.Errorf("the Arabic interface shows %q, want «خطأ» and the Arabic sentence naming %s", ts, db)
	}
	if containsText(ts, "is open in another program") {
		t.Errorf("the Arabic interface shows the English sentence: %q", ts)
	}
}
