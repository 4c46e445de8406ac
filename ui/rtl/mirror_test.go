package rtl_test

import (
	"bufio"
	"strconv"
	"strings"
	"testing"

	"statute/ui/rtl"
)

// TestMirrorTableMatchesUCD checks the generated table against the
// installed BidiMirroring.txt, through what users see: each mirrored
// character, alone in an Arabic line, is drawn as its mirror.
func TestMirrorTableMatchesUCD(t *testing.T) {
	const path = "/usr/share/unicode/BidiMirroring.txt"
	f := openUCD(t, path)
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		from, to, ok := strings.Cut(line, ";")
		if !ok {
			continue
		}
		a, err1 := strconv.ParseUint(strings.TrimSpace(from), 16, 32)
		b, err2 := strconv.ParseUint(strings.TrimSpace(to), 16, 32)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad line %q", sc.Text())
		}
		n++
		// "ب" + c: the character sits in a right-to-left run.
		text := "ب" + string(rune(a))
		got := rtl.Display(layoutOne(text, rtl.RTL))
		if want := lro + string(rune(b)) + "ب" + pdf; got != want {
			t.Errorf("U+%04X in Arabic displays %s, want its mirror U+%04X", a, visible(got), b)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 400 {
		t.Errorf("read %d mirroring pairs, want the full table", n)
	}
}
