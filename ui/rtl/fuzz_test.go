package rtl_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"statute/ui/rtl"
)

// FuzzLayout feeds arbitrary paragraphs (user input in the editor) through
// the whole pipeline and checks the invariants the widgets rely on.
func FuzzLayout(f *testing.F) {
	for _, s := range []string{
		article, "", " ", "كَتَبَ", "Article 3 : الغرفة 12 et", "غرفة (Chambre d'artisanat)",
		"\u202Bمضمن\u202C abc", "\u2067عزل\u2069 12", "a\nب\u2029c", "\xff\xfe", "غ\u0651\u064E\u0670",
	} {
		f.Add(s, float32(50), uint8(1), 2, 7)
	}
	f.Fuzz(func(t *testing.T, text string, width float32, dir uint8, s0, s1 int) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "?")
		}
		lines := rtl.Layout(text, rtl.Direction(dir%3), width, fakeMeasure)
		next := 0
		for _, l := range lines {
			if l.Start != next || l.End < l.Start {
				t.Fatalf("line [%d,%d) after %d", l.Start, l.End, next)
			}
			next = l.End
			covered := 0
			for _, r := range l.Runs {
				if r.Start < l.Start || r.End > l.End || r.Start >= r.End {
					t.Fatalf("run %+v outside line [%d,%d)", r, l.Start, l.End)
				}
				covered += r.End - r.Start
			}
			if covered != l.End-l.Start {
				t.Fatalf("runs cover %d bytes of %d", covered, l.End-l.Start)
			}
			d := rtl.Display(l)
			if !utf8.ValidString(d) || !strings.HasPrefix(d, lro) || !strings.HasSuffix(d, pdf) {
				t.Fatalf("display %q", d)
			}
			if s0 < 0 {
				s0 = -s0
			}
			if s1 < 0 {
				s1 = -s1
			}
			for _, p := range rtl.Pieces(l, []rtl.Span{{Start: s0 % (len(text) + 1), End: s1 % (len(text) + 1), Style: 1}}) {
				if !utf8.ValidString(p.Text) {
					t.Fatalf("piece %q", p.Text)
				}
			}
			if l.End-l.Start > 120 {
				// The caret checks below are cubic in the line length;
				// real lines are a window wide.
				continue
			}
			seen := map[int]bool{}
			for o := rtl.LeftmostOffset(l); !seen[o]; o = rtl.VisualRight(l, o) {
				seen[o] = true
				if o < l.Start || o > l.End {
					t.Fatalf("caret %d outside line [%d,%d)", o, l.Start, l.End)
				}
				x := rtl.CaretX(l, o, fakeMeasure)
				if back := rtl.OffsetAt(l, x, fakeMeasure); rtl.CaretX(l, back, fakeMeasure) != x {
					t.Fatalf("click at caret %d (x %v) lands on %d", o, x, back)
				}
			}
		}
		if next != len(text) {
			t.Fatalf("lines end at %d of %d", next, len(text))
		}
	})
}
