package rtl_test

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"statute/ui/rtl"
)

const bidiCharacterTest = "/usr/share/unicode/BidiCharacterTest.txt"

// TestConformance runs the Unicode conformance suite through Reorder, the
// code Layout uses, comparing resolved levels and visual order (UBA up to
// rule L2).
func TestConformance(t *testing.T) {
	f := openUCD(t, bidiCharacterTest)
	defer f.Close()
	var total, passed int
	failures := map[string]int{}
	var examples []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Split(line, ";")
		if len(fields) != 5 {
			t.Fatalf("line %d: want 5 fields, got %d", lineNo, len(fields))
		}
		var b strings.Builder
		var cps []rune
		for _, h := range strings.Fields(fields[0]) {
			v, err := strconv.ParseUint(h, 16, 32)
			if err != nil {
				t.Fatalf("line %d: bad code point %q", lineNo, h)
			}
			cps = append(cps, rune(v))
			b.WriteRune(rune(v))
		}
		dir := map[string]rtl.Direction{"0": rtl.LTR, "1": rtl.RTL, "2": rtl.Auto}[fields[1]]
		wantLevels := strings.Fields(fields[3])
		wantOrder := strings.Fields(fields[4])
		total++

		text := b.String()
		lines := []rtl.Line{{Text: text, Start: 0, End: len(text)}}
		rtl.Reorder(lines, dir)
		gotLevels, gotOrder := levelsAndOrder(text, lines[0].Runs)

		ok := len(gotLevels) == len(wantLevels)
		for i := 0; ok && i < len(wantLevels); i++ {
			if wantLevels[i] != "x" && wantLevels[i] != strconv.Itoa(gotLevels[i]) {
				ok = false
			}
		}
		var order []string
		for _, i := range gotOrder {
			if wantLevels[i] != "x" {
				order = append(order, strconv.Itoa(i))
			}
		}
		if strings.Join(order, " ") != strings.Join(wantOrder, " ") {
			ok = false
		}
		if ok {
			passed++
			continue
		}
		class := classify(cps)
		failures[class]++
		if failures[class] <= 2 {
			examples = append(examples, "line "+strconv.Itoa(lineNo)+" ("+class+"): "+line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("BidiCharacterTest: %d of %d cases pass", passed, total)
	if total < 90000 {
		t.Errorf("read only %d cases from %s; want the full suite (91,707 in Unicode 15)", total, bidiCharacterTest)
	}
	if passed != total {
		for class, n := range failures {
			t.Logf("failing class %s: %d cases", class, n)
		}
		for _, e := range examples {
			t.Log(e)
		}
		t.Errorf("%d conformance cases fail", total-passed)
	}
}

// openUCD opens one of the Unicode reference files Debian's unicode-data
// package installs in /usr/share/unicode. Where the file is absent (Windows,
// macOS, a Linux without the package) the test is skipped with a message
// saying how to get it, except in CI, where it fails: there the package is
// installed and a missing file means the suite did not run.
func openUCD(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err == nil {
		return f
	}
	skip, msg := ucdAbsent(path, err, os.Getenv("CI"))
	if skip {
		t.Skip(msg)
	}
	t.Fatal(msg)
	return nil
}

// ucdAbsent decides what a test does when path could not be opened (err),
// with ci the value of $CI: skip (with msg as the reason) only when the
// file does not exist outside CI; any other error, or CI, is a failure.
func ucdAbsent(path string, err error, ci string) (skip bool, msg string) {
	inCI, _ := strconv.ParseBool(ci)
	if !errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Sprintf("%s cannot be read: %v", path, err)
	}
	how := "it comes with Debian's unicode-data package (sudo apt-get install unicode-data)"
	if inCI {
		return false, fmt.Sprintf("%s is missing in CI (CI=%s), so the test cannot run: %s", path, ci, how)
	}
	return true, fmt.Sprintf("%s is absent, so this Unicode reference test is skipped: %s", path, how)
}

func TestUCDAbsent(t *testing.T) {
	const path = "/usr/share/unicode/BidiCharacterTest.txt"
	gone := &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist}
	denied := &fs.PathError{Op: "open", Path: path, Err: fs.ErrPermission}
	for _, c := range []struct {
		name string
		err  error
		ci   string
		skip bool
	}{
		{"absent on a developer's machine", gone, "", true},
		{"absent, CI=false", gone, "false", true},
		{"absent in CI", gone, "true", false},
		{"absent in CI, CI=1", gone, "1", false},
		{"unreadable", denied, "", false},
		{"unreadable in CI", denied, "true", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			skip, msg := ucdAbsent(path, c.err, c.ci)
			if skip != c.skip {
				t.Errorf("skip = %v, want %v (%s)", skip, c.skip, msg)
			}
			if !strings.Contains(msg, path) {
				t.Errorf("%q does not name the file", msg)
			}
			if c.err == gone && !strings.Contains(msg, "unicode-data") {
				t.Errorf("%q does not say how to get the file", msg)
			}
		})
	}
}

// levelsAndOrder expands visual runs to per-character levels (indexed by
// character) and the visual order of character indexes.
func levelsAndOrder(text string, runs []rtl.Run) (levels []int, order []int) {
	n := utf8.RuneCountInString(text)
	levels = make([]int, n)
	index := map[int]int{} // byte offset → character index
	i := 0
	for off := range text {
		index[off] = i
		i++
	}
	for _, r := range runs {
		var idx []int
		for off := range text[r.Start:r.End] {
			k := index[r.Start+off]
			levels[k] = r.Level
			idx = append(idx, k)
		}
		if r.RTL {
			for a, b := 0, len(idx)-1; a < b; a, b = a+1, b-1 {
				idx[a], idx[b] = idx[b], idx[a]
			}
		}
		order = append(order, idx...)
	}
	return levels, order
}

// classify names what makes a failing case unusual, for the report.
func classify(cps []rune) string {
	var isolates, embeddings bool
	for _, c := range cps {
		switch {
		case c >= 0x2066 && c <= 0x2069:
			isolates = true
		case c >= 0x202A && c <= 0x202E:
			embeddings = true
		}
	}
	switch {
	case isolates && embeddings:
		return "isolates+embeddings"
	case isolates:
		return "isolates"
	case embeddings:
		return "embeddings/overrides"
	}
	return "implicit (no explicit controls)"
}
