package ui_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/assets"
	"statute/drafts/boltstore"
	"statute/drafts/parse"
	"statute/ui"
)

func TestStartSeedsTheSampleOnce(t *testing.T) {
	sample, err := parse.Parse(assets.SampleDraft, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%d articles", len(sample.Articles))
	db := filepath.Join(t.TempDir(), "statute.db")
	for run := 1; run <= 2; run++ {
		test.NewTempApp(t)
		w := test.NewWindow(nil) // closed below, which closes the database
		if err := ui.Start(w, db, assets.SampleDraft); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		label := w.Content().(*fyne.Container).Objects[0].(*widget.Label)
		if !strings.Contains(label.Text, want) {
			t.Errorf("run %d shows %q, want %q", run, label.Text, want)
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

func TestStartReportsAHeldDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "statute.db")
	s, err := boltstore.Open(db, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	test.NewTempApp(t)
	err = ui.Start(test.NewTempWindow(t, nil), db, assets.SampleDraft)
	if err == nil || !strings.Contains(err.Error(), "open in another program") {
		t.Errorf("Start on a held database = %v, want a clear sentence", err)
	}
}
