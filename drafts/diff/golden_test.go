package diff_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"statute/drafts/diff"
	goldenfile "statute/drafts/internal/golden"
)

// golden compares got with the file testdata/name (golden.Check).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

// readPair reads a .input file: the old text after a line «-- old --» and
// the new after «-- new --», each without its final newline.
func readPair(t *testing.T, path string) (old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	o, rest, ok1 := strings.Cut(strings.TrimPrefix(s, "-- old --\n"), "\n-- new --\n")
	if !ok1 || !strings.HasPrefix(s, "-- old --\n") {
		t.Fatalf("%s: want «-- old --» then «-- new --» sections", path)
	}
	return o, strings.TrimSuffix(rest, "\n")
}

func TestGoldenWords(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.input"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no testdata/*.input files")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input")
		t.Run(name, func(t *testing.T) {
			old, new := readPair(t, in)
			var plain bytes.Buffer
			for _, mode := range []struct {
				name string
				opt  diff.Options
			}{{"strict", diff.Options{}}, {"lenient", diff.Options{Lenient: true}}} {
				cs := diff.Words(old, new, mode.opt)
				checkChanges(t, old, new, mode.opt, cs)
				ins, del, form := diff.Stats(cs)
				fmt.Fprintf(&plain, "-- %s: %d inserted, %d deleted, %d form --\n%s\n", mode.name, ins, del, form, diff.Plain(cs))
				js, err := diff.JSON(cs)
				if err != nil {
					t.Fatal(err)
				}
				golden(t, name+"."+mode.name+".json", js)
			}
			golden(t, name+".plain", plain.Bytes())
		})
	}
}
