package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/ui"
)

// The app's starts: what a chamber's laptop does the first time and every
// time after, on the file the app keeps.

func newApp(t *testing.T, role string) fyne.App {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(ui.PrefRole, role)
	return a
}

// stored opens db read-only and returns its drafts and role's amendments.
func stored(t *testing.T, db, role string) ([]drafts.DraftInfo, []drafts.Amendment) {
	t.Helper()
	s, err := boltstore.Open(db, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	infos, err := s.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	as, err := s.Amendments(drafts.AmendmentFilter{Chamber: role})
	if err != nil {
		t.Fatal(err)
	}
	return infos, as
}

func TestStartSeedsTheSampleOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "statute.db")
	for run := 1; run <= 2; run++ {
		a := newApp(t, "FED")
		w := test.NewWindow(nil) // closed below, which closes the database
		wb, err := start(a, w, db, ui.Options{Lang: "en"})
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if err := wb.Wait(); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		w.Close()
	}
	if infos, _ := stored(t, db, "FED"); len(infos) != 1 || infos[0].Articles < 25 {
		t.Errorf("after two starts the database holds %v, want the sample draft once", infos)
	}
}

func TestStartOnAHeldDatabaseRefuses(t *testing.T) {
	db := filepath.Join(t.TempDir(), "statute.db")
	s, err := boltstore.Open(db, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := newApp(t, "FED")
	w := test.NewTempWindow(t, nil)
	if _, err := start(a, w, db, ui.Options{Lang: "en"}); !drafts.IsKind(err, drafts.Unavailable) {
		t.Errorf("start on a held database = %v, want an Unavailable error", err)
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Error("no dialog says why the app cannot start")
	}
}

func TestClosingTheAppAnyWaySavesTheAmendment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "statute.db")
	a := newApp(t, "RSK")
	w := test.NewWindow(nil) // closed below, as a quit from the system would
	w.Resize(fyne.NewSize(1280, 800))
	// The propose screen's timers held: the test driver runs what they
	// bring back on their own goroutine, beside the test's.
	held := ui.Timings{Autosave: time.Hour, Preview: time.Hour}
	wb, err := start(a, w, db, ui.Options{Lang: "en", Article: "3", Timings: held})
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	wb.ProposeAmendment()
	wording, ok := w.Canvas().Focused().(fyne.Focusable)
	if !ok || wording == nil {
		t.Fatal("the propose screen gave no field the keyboard")
	}
	test.Type(wording, "جهوية ")
	w.Close() // not the close button: no dialog, no intercept
	_, as := stored(t, db, "RSK")
	if len(as) != 1 || !strings.Contains(as[0].Text, "جهوية ") || as[0].Status != drafts.StatusDraft {
		t.Errorf("after the app closed the database holds %+v, want the typed wording as a draft", as)
	}
	// And a backup was made as it closed, holding the same.
	backups, err := boltstore.Backups(db)
	if err != nil || len(backups) != 1 {
		t.Fatalf("after the app closed, backups = %v, %v; want one", backups, err)
	}
	if _, bs := stored(t, backups[0].Path, "RSK"); len(bs) != 1 || bs[0].Text != as[0].Text {
		t.Errorf("the backup holds %+v, want the amendment as stored", bs)
	}
}
