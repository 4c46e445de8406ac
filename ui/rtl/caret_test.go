package rtl_test

import (
	"testing"

	"statute/ui/rtl"
)

func TestCaretX(t *testing.T) {
	// «غرف 12»: visually [12][ فرغ]; each character is 10 wide.
	text := "غرف 12"
	l := layoutOne(text, rtl.RTL)
	tests := []struct {
		name   string
		offset int
		x      float32
	}{
		{"before the first letter: right edge", 0, 60},
		{"before the second letter", 2, 50},
		{"before the space", 6, 30},
		{"before the number: its left edge", 7, 0},
		{"inside the number", 8, 10},
		{"line end: after the number", 9, 20},
		{"inside a UTF-8 sequence snaps back", 1, 60},
		{"past the end clamps", 99, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rtl.CaretX(l, tt.offset, fakeMeasure); got != tt.x {
				t.Errorf("CaretX(%d) = %v, want %v", tt.offset, got, tt.x)
			}
		})
	}
}

func TestCaretXHarakat(t *testing.T) {
	// The caret never stands between a letter and its fatha.
	l := layoutOne("كَتَبَ", rtl.RTL)
	afterKaf := len("ك")
	if got, want := rtl.CaretX(l, afterKaf, fakeMeasure), rtl.CaretX(l, 0, fakeMeasure); got != want {
		t.Errorf("caret between kaf and fatha at %v, want it before the kaf at %v", got, want)
	}
	if got, want := rtl.VisualLeft(l, 0), len("كَ"); got != want {
		t.Errorf("Left from the start moves to %d, want %d (after the fatha)", got, want)
	}
}

func TestCaretRoundTrip(t *testing.T) {
	texts := []struct {
		text string
		dir  rtl.Direction
	}{
		{"غرف 12", rtl.RTL},
		{"المادة 1: تحدث غرف", rtl.RTL},
		{"غرفة (Chambre d'artisanat) للجهة", rtl.RTL},
		{"القانون رقم 18.09", rtl.RTL},
		{"Article 3 : الغرفة 12 et", rtl.Auto},
		{"كَتَبَ الكتابَ", rtl.RTL},
	}
	for _, tt := range texts {
		t.Run(tt.text, func(t *testing.T) {
			l := layoutOne(tt.text, tt.dir)
			walked := walk(l)
			for _, o := range walked {
				x := rtl.CaretX(l, o, fakeMeasure)
				back := rtl.OffsetAt(l, x, fakeMeasure)
				// Two offsets may share an x where runs of opposite
				// direction meet; the caret must land on the same spot.
				if bx := rtl.CaretX(l, back, fakeMeasure); bx != x {
					t.Errorf("offset %d: caret at %v, click there gives offset %d at %v", o, x, back, bx)
				}
				// A click slightly off the caret still finds it.
				if near := rtl.OffsetAt(l, x+3, fakeMeasure); rtl.CaretX(l, near, fakeMeasure) != x {
					t.Errorf("offset %d: click at %v+3 gives offset %d", o, x, near)
				}
			}
			if got, want := rtl.OffsetAt(l, -100, fakeMeasure), rtl.LeftmostOffset(l); got != want {
				t.Errorf("click far left gives %d, want leftmost %d", got, want)
			}
			if got, want := rtl.OffsetAt(l, 1e6, fakeMeasure), rtl.RightmostOffset(l); rtl.CaretX(l, got, fakeMeasure) != rtl.CaretX(l, want, fakeMeasure) {
				t.Errorf("click far right gives %d, want rightmost %d", got, want)
			}
		})
	}
}

// walk follows the Right arrow from the leftmost caret to the end.
func walk(l rtl.Line) []int {
	var out []int
	o := rtl.LeftmostOffset(l)
	for {
		out = append(out, o)
		next := rtl.VisualRight(l, o)
		if next == o || len(out) > 10*(l.End-l.Start+1) {
			return out
		}
		o = next
	}
}

// clusterStarts lists the caret offsets a user can reach: grapheme
// boundaries and the line end.
func clusterStarts(text string) map[int]bool {
	out := map[int]bool{len(text): true}
	for i, r := range text {
		if r >= 0x064B && r <= 0x065F || r == 0x0670 {
			continue
		}
		out[i] = true
	}
	return out
}

func TestVisualWalk(t *testing.T) {
	tests := []struct {
		name string
		text string
		dir  rtl.Direction
		want []int // Right arrow from the leftmost caret
	}{
		// Visually [12][ فرغ]: the number left to right, then the Arabic
		// word from its left end (logical end) to its right (logical start).
		{"Arabic then number", "غرف 12", rtl.RTL, []int{7, 8, 9, 6, 4, 2, 0}},
		// Visually «ab رغ cd». Offsets 3 (before غ, its right edge) and 7
		// (before the second space, its left edge) share x = 50; the spot
		// between the first space and ر is the trailing edge of ر, which no
		// offset owns, so Right goes from x 20 to 40.
		{"French with an Arabic word", "ab غر cd", rtl.LTR, []int{0, 1, 2, 5, 3, 7, 8, 9, 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := layoutOne(tt.text, tt.dir)
			got := walk(l)
			if len(got) != len(tt.want) {
				t.Fatalf("Right walk %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("Right walk %v, want %v", got, tt.want)
				}
			}
		})
	}
	for _, tt := range []struct {
		text string
		dir  rtl.Direction
	}{
		{"Article 3 : الغرفة 12 et", rtl.Auto},
		{"غرفة (Chambre d'artisanat) وفق القانون رقم 18.09", rtl.RTL},
		{"المادة ٤: كَتَبَ «الكتاب» 2025", rtl.RTL},
	} {
		t.Run("every caret once: "+tt.text, func(t *testing.T) {
			l := layoutOne(tt.text, tt.dir)
			right := walk(l)
			want := clusterStarts(tt.text)
			seen := map[int]bool{}
			for _, o := range right {
				if seen[o] {
					t.Errorf("offset %d visited twice in %v", o, right)
				}
				if !want[o] {
					t.Errorf("offset %d is not a caret position", o)
				}
				seen[o] = true
			}
			if len(seen) != len(want) {
				t.Errorf("visited %d caret positions, want %d", len(seen), len(want))
			}
			// Left walks the same path back.
			for i := len(right) - 1; i > 0; i-- {
				if got := rtl.VisualLeft(l, right[i]); got != right[i-1] {
					t.Errorf("Left from %d gives %d, want %d", right[i], got, right[i-1])
				}
			}
			if got := rtl.VisualLeft(l, right[0]); got != right[0] {
				t.Errorf("Left at the left end moves to %d", got)
			}
			// The caret never moves left on Right.
			for i := 1; i < len(right); i++ {
				if rtl.CaretX(l, right[i], fakeMeasure) < rtl.CaretX(l, right[i-1], fakeMeasure) {
					t.Errorf("Right from %d to %d moves the caret left", right[i-1], right[i])
				}
			}
		})
	}
}
