package export_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"statute/drafts"
	"statute/drafts/export"
)

// WriteFile leaves either the file as it was or the whole export, and
// nothing else in the folder, whatever goes wrong.
func TestWriteFileReplacesTheWholeFileOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "statute-v2.md")
	text := func(s string) func(io.Writer) error {
		return func(w io.Writer) error {
			_, err := io.WriteString(w, s)
			return err
		}
	}
	read := func() string {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	entries := func() int {
		t.Helper()
		es, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}

	if err := export.WriteFile(path, text("# first\n")); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "# first\n" {
		t.Fatalf("the new file holds %q", got)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}

	// An export that fails half way leaves the file as it was.
	boom := errors.New("the export failed half way")
	err := export.WriteFile(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "# second, half"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("a failing export gives %v, want its own error", err)
	}
	if got := read(); got != "# first\n" || entries() != 1 {
		t.Errorf("after a failed export the file holds %q and the folder %d entries, want the first text alone", got, entries())
	}

	// A replaced file keeps its permissions.
	if err := export.WriteFile(path, text("# second\n")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "# second\n" || entries() != 1 {
		t.Errorf("the file holds %q and the folder %d entries, want the second text alone", got, entries())
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("the replaced file's permissions are %v, want 0600 as before", st.Mode().Perm())
	}

	// Through a link, the file it points to is replaced, and the link kept.
	if runtime.GOOS != "windows" {
		link := filepath.Join(dir, "latest.md")
		if err := os.Symlink(path, link); err != nil {
			t.Fatal(err)
		}
		if err := export.WriteFile(link, text("# third\n")); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link is no longer a link (%v)", err)
		}
		if got := read(); got != "# third\n" {
			t.Errorf("the file the link points to holds %q, want the third text", got)
		}
	}
}

func TestWriteFileRefusesWhatItCannotWrite(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, path string
		kind       drafts.ErrorKind
	}{
		{"a folder", dir, drafts.Invalid},
		{"in a folder that does not exist", filepath.Join(dir, "no such folder", "statute.md"), drafts.Unavailable},
	} {
		t.Run(c.name, func(t *testing.T) {
			called := false
			err := export.WriteFile(c.path, func(io.Writer) error { called = true; return nil })
			var e *drafts.Error
			if !errors.As(err, &e) || e.Kind != c.kind || e.ID == "" {
				t.Fatalf("WriteFile(%s) = %v, want a %s sentence with its message ID", c.path, err, c.kind)
			}
			if c.kind == drafts.Invalid && called {
				t.Error("the export was made for a path that cannot be written")
			}
			if es, _ := os.ReadDir(dir); len(es) != 0 {
				t.Errorf("the folder holds %d entries after a refusal, want none", len(es))
			}
		})
	}
}
