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
// workload.db in -out. It takes seconds, so it runs only when -out is
// given; TestWorkloadDatabaseWriter checks the same writer on a small
// round at every run.
func TestWriteWorkloadDatabase(t *testing.T) {
	if *outDir == "" {
		t.Skip("writes workload.db (20,000 amendments, seconds) only when asked: go test ./drafts/workload -run TestWrite -out DIR")
	}
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeWorkloadDatabase(t, filepath.Join(*outDir, "workload.db"), 1000, 20000)
}

// The writer on a small round, written twice to the same path: the second
// run replaces the first database rather than adding to it.
func TestWorkloadDatabaseWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workload.db")
	writeWorkloadDatabase(t, path, 40, 300)
	writeWorkloadDatabase(t, path, 40, 300)
}

// writeWorkloadDatabase writes a database of the generated draft of
// articles articles with n amendments to path, replacing any file there,
// and checks that it reopens with the draft whole and all n amendments.
func writeWorkloadDatabase(t *testing.T, path string, articles, n int) {
	t.Helper()
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := workload.Draft(articles, 1)
	if err := s.AddDraft(d); err != nil {
		t.Fatal(err)
	}
	if err := s.AddAmendments(workload.Amendments(d, n, 1)...); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}()
	ds, err := s.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].ID != d.ID {
		t.Fatalf("%s holds %d drafts, want the one written (%s)", path, len(ds), d.ID)
	}
	back, err := s.Draft(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Articles) != articles {
		t.Errorf("the stored draft has %d articles, want %d", len(back.Articles), articles)
	}
	as, err := s.Amendments(drafts.AmendmentFilter{DraftID: d.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != n {
		t.Errorf("the database holds %d amendments, want %d", len(as), n)
	}
}
