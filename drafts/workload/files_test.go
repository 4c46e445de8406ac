package workload_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/workload"
)

var outDir = flag.String("out", "", "write the 1,000-article draft and its revision as v1.md and v2.md, and a database of the draft with 20,000 amendments as workload.db, into this folder, for the README's performance figures")

// The two files the README's performance figures are measured on.
func TestWriteDraftFiles(t *testing.T) {
	dir := *outDir
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"v1.md": workload.DraftText(1000, 1), "v2.md": workload.RevisedText(1000, 1)}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		back, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("%s was not written whole: %v", path, err)
		}
		if len(data) < 800_000 || len(data) > 1_500_000 {
			t.Errorf("%s is %d bytes, want about 1 MB", name, len(data))
		}
	}
	if bytes.Equal(files["v1.md"], files["v2.md"]) {
		t.Error("the revision is identical to the first version")
	}
}

// TestWriteWorkloadDatabase writes the database the app's memory is
// measured on: the 1,000-article draft and its 20,000 amendments, as
// workload.db in -out.
func TestWriteWorkloadDatabase(t *testing.T) {
	dir := *outDir
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, "workload.db")
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}()
	d := workload.Draft(1000, 1)
	if err := s.AddDraft(d); err != nil {
		t.Fatal(err)
	}
	if err := s.AddAmendments(workload.Amendments(d, 20000, 1)...); err != nil {
		t.Fatal(err)
	}
	as, err := s.Amendments(drafts.AmendmentFilter{DraftID: d.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 20000 {
		t.Errorf("the database holds %d amendments, want 20000", len(as))
	}
}
