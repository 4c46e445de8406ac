package importer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/importer"
	"statute/drafts/parse"
)

// ReadFile reads a draft's file as Read reads its bytes, named by its base
// name, and refuses what is no file, naming it.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "مشروع.txt")
	if err := os.WriteFile(path, []byte("نظام\n\nالمادة 1\nنص أول.\n* المادة 2: عنوان\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, warnings, err := importer.ReadFile(path, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Source != "مشروع.txt" || len(d.Articles) != 1 || len(warnings) != 1 || warnings[0].Line != 5 {
		t.Errorf("read %d articles from %q with warnings %v, want one, from the base name, and line 5 named", len(d.Articles), d.Source, warnings)
	}
	for _, c := range []struct {
		name, path string
		kind       drafts.ErrorKind
	}{
		{"no such file", filepath.Join(dir, "missing.md"), drafts.NotFound},
		{"a folder", dir, drafts.Invalid},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := importer.ReadFile(c.path, parse.Options{})
			if !drafts.IsKind(err, c.kind) || !strings.Contains(err.Error(), filepath.Base(c.path)) {
				t.Errorf("ReadFile(%s) = %v, want %s naming the file", c.path, err, c.kind)
			}
		})
	}
}
