package rtl

import (
	"slices"
	"unicode/utf8"
)

// Caret positions are the grapheme cluster boundaries of a line, End
// included. A caret "before offset o" sits on the leading edge of the
// cluster starting at o: its left side in a left-to-right run, its right
// side in a right-to-left run. The caret at End sits on the trailing edge
// of the line's last logical cluster. Where two runs of opposite direction
// meet, two offsets may share one x; arrow keys still visit both.

// snapBack moves offset o back to the start of its grapheme cluster, within
// the line and within its run: a mark after a paragraph separator or an
// isolate control can land in another run than its base, and the run edge
// is then the caret stop.
func snapBack(l Line, o int) int {
	if o <= l.Start {
		return l.Start
	}
	if o >= l.End {
		return l.End
	}
	lim := l.Start
	if k := runOf(l, o); k >= 0 {
		lim = l.Runs[k].Start
	}
	for o > lim {
		if !utf8.RuneStart(l.Text[o]) {
			o--
			continue
		}
		r, _ := utf8.DecodeRuneInString(l.Text[o:])
		if !isExtend(r) {
			break
		}
		_, n := utf8.DecodeLastRuneInString(l.Text[lim:o])
		o -= n
	}
	return o
}

// runOf returns the visual index of the run holding logical offset o
// (o < End), or -1.
func runOf(l Line, o int) int {
	for i, r := range l.Runs {
		if r.Start <= o && o < r.End {
			return i
		}
	}
	return -1
}

// CaretX returns the x of the caret before logical offset o, measured from
// the left edge of the line's drawn text (Display's string), so a widget
// that right-aligns the line adds its own left margin. Offsets inside a
// cluster snap to its start; offsets outside the line clamp to it. Runs are
// measured in logical form, as fyne.MeasureText shapes them.
func CaretX(l Line, o int, m Measure) float32 {
	return caretX(l, snapBack(l, o), runXs(l, m), m)
}

// runXs returns the x of the left edge of each visual run.
func runXs(l Line, m Measure) []float32 {
	xs := make([]float32, len(l.Runs))
	var x float32
	for i, r := range l.Runs {
		xs[i] = x
		x += m(l.Text[r.Start:r.End])
	}
	return xs
}

// caretX is CaretX for a snapped offset, with the runs' x given.
func caretX(l Line, o int, xs []float32, m Measure) float32 {
	if len(l.Runs) == 0 {
		return 0
	}
	at := o
	if o == l.End {
		// The caret after the last cluster belongs to that cluster's run.
		at = l.End - 1
	}
	k := runOf(l, at)
	r := l.Runs[k]
	if r.RTL {
		return xs[k] + m(l.Text[o:r.End])
	}
	return xs[k] + m(l.Text[r.Start:o])
}

// stop is a caret position with its visual sort key.
type stop struct {
	offset int
	slot   int // clusters drawn to its left
	run    int // visual index of the run it belongs to
}

// stops returns every caret position of the line in visual order, left to
// right. Each offset appears once; offsets sharing a slot are ordered by run,
// so that walking keeps going through the run it came from.
func stops(l Line) []stop {
	if len(l.Runs) == 0 {
		return []stop{{offset: l.Start}}
	}
	var out []stop
	slot := 0
	for k, r := range l.Runs {
		var starts []int
		for i := r.Start; i < r.End; i = ClusterEnd(l.Text[:r.End], i) {
			starts = append(starts, i)
		}
		n := len(starts)
		for j, s := range starts {
			// Cluster j (logical) is drawn at visual position p within the run.
			p := j
			if r.RTL {
				p = n - 1 - j
			}
			lead := slot + p
			if r.RTL {
				lead++
			}
			out = append(out, stop{offset: s, slot: lead, run: k})
		}
		slot += n
	}
	// The End caret: trailing edge of the last logical cluster.
	end := -1
	for i := range out {
		if out[i].offset < l.End && (end < 0 || out[i].offset > out[end].offset) {
			end = i
		}
	}
	if end >= 0 {
		s := out[end]
		trail := s.slot + 1
		if l.Runs[s.run].RTL {
			trail = s.slot - 1
		}
		out = append(out, stop{offset: l.End, slot: trail, run: s.run})
	}
	slices.SortStableFunc(out, func(a, b stop) int {
		if a.slot != b.slot {
			return a.slot - b.slot
		}
		return a.run - b.run
	})
	return out
}

// OffsetAt returns the logical offset whose caret is nearest to x, measured
// from the left edge of the line's drawn text, as CaretX.
func OffsetAt(l Line, x float32, m Measure) int {
	best, bestD := l.Start, float32(-1)
	xs := runXs(l, m)
	for _, s := range stops(l) {
		d := caretX(l, s.offset, xs, m) - x
		if d < 0 {
			d = -d
		}
		if bestD < 0 || d < bestD {
			best, bestD = s.offset, d
		}
	}
	return best
}

// VisualRight returns the caret offset one step to the right of o, for the
// Right arrow key; at the right end of the line it returns o's own caret
// offset. Walking a line from its leftmost stop visits every caret offset
// exactly once.
func VisualRight(l Line, o int) int { return step(l, o, 1) }

// VisualLeft returns the caret offset one step to the left of o, for the
// Left arrow key.
func VisualLeft(l Line, o int) int { return step(l, o, -1) }

func step(l Line, o, d int) int {
	o = snapBack(l, o)
	st := stops(l)
	for i, s := range st {
		if s.offset == o {
			if j := i + d; j >= 0 && j < len(st) {
				return st[j].offset
			}
			return o
		}
	}
	return o
}

// LeftmostOffset and RightmostOffset return the caret offsets at the visual
// ends of the line, for Home and End.
func LeftmostOffset(l Line) int { return stops(l)[0].offset }

// RightmostOffset returns the caret offset at the right end of the line.
func RightmostOffset(l Line) int {
	st := stops(l)
	return st[len(st)-1].offset
}
