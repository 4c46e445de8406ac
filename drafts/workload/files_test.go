package workload_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"statute/drafts/workload"
)

var outDir = flag.String("out", "", "write the 1,000-article draft and its revision as v1.md and v2.md into this folder, to measure 'statutectl compare' against 'git diff'")

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
