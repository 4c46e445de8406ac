package rtl

import (
	"reflect"
	"unicode/utf8"

	"github.com/go-text/typesetting/bidi"
	xbidi "golang.org/x/text/unicode/bidi"
)

// Direction is a paragraph's base direction.
type Direction uint8

const (
	// Auto takes the direction of the first strong character outside
	// isolates (UBA rules P2–P3), left to right when there is none.
	Auto Direction = iota
	// LTR is a left-to-right paragraph (a French article).
	LTR
	// RTL is a right-to-left paragraph (an Arabic article).
	RTL
)

// Run is a maximal stretch of one embedding level within a line.
type Run struct {
	// Start and End are the run's logical byte range in the paragraph.
	Start, End int
	// RTL reports an odd level: the run's characters are drawn right to left.
	RTL bool
	// Level is the resolved embedding level after rule L1.
	Level int
}

// Layout wraps a paragraph and reorders each line: Wrap then Reorder.
func Layout(text string, dir Direction, width float32, m Measure) []Line {
	lines := Wrap(text, width, m)
	Reorder(lines, dir)
	return lines
}

// Reorder resolves the bidi embedding levels of the paragraph the lines
// belong to (once, over the whole paragraph, as the algorithm requires) and
// sets each line's Level and Runs, the latter in visual order after rules
// L1 (trailing whitespace takes the paragraph level) and L2 (reversal).
// All lines must share one Text.
func Reorder(lines []Line, dir Direction) {
	if len(lines) == 0 {
		return
	}
	text := lines[0].Text
	var r resolver
	r.resolve(text, dir)
	for i := range lines {
		r.line(&lines[i])
	}
}

// resolver holds the per-rune state of one paragraph.
type resolver struct {
	offsets []int         // byte offset of each rune, plus len(text)
	classes []xbidi.Class // original bidi class of each rune
	levels  []int8        // paragraph levels, rules L1 clauses 1–3 applied
	paraLvl []int8        // embedding level of the UBA paragraph holding each rune
	para    bidi.Paragraph
}

func (r *resolver) resolve(text string, dir Direction) {
	n := utf8.RuneCountInString(text)
	r.offsets = make([]int, 0, n+1)
	r.classes = make([]xbidi.Class, 0, n)
	runes := make([]rune, 0, n)
	for i, c := range text {
		r.offsets = append(r.offsets, i)
		runes = append(runes, c)
		p, _ := xbidi.LookupRune(c)
		r.classes = append(r.classes, p.Class())
	}
	r.offsets = append(r.offsets, len(text))
	r.levels = make([]int8, n)
	r.paraLvl = make([]int8, n)
	// Rule P1: a paragraph separator ends a UBA paragraph; the bidi package
	// stops there, so each piece is resolved on its own.
	start := 0
	for i := 0; i <= n; i++ {
		if i < n && r.classes[i] != xbidi.B {
			continue
		}
		end := i
		if i < n {
			end = i + 1 // the separator belongs to the paragraph it ends
		}
		r.resolvePara(runes, start, end, dir)
		start = end
	}
}

// resolvePara resolves runes[start:end], one UBA paragraph.
func (r *resolver) resolvePara(runes []rune, start, end int, dir Direction) {
	if start == end {
		return
	}
	lvl := int8(0)
	switch dir {
	case RTL:
		lvl = 1
	case Auto:
		lvl = firstStrongLevel(r.classes[start:end])
	}
	bd := bidi.LeftToRight
	if lvl == 1 {
		bd = bidi.RightToLeft
	}
	runs := r.para.Segment(runes[start:end], bd)
	levels := runLevels(&runs)
	for i := start; i < end; i++ {
		r.paraLvl[i] = lvl
		if k := i - start; k < len(levels) {
			r.levels[i] = levels[k]
		} else {
			// The paragraph separator itself, which the package trims (L1: it
			// takes the paragraph level).
			r.levels[i] = lvl
		}
	}
}

// firstStrongLevel applies rules P2–P3: the level of the first L, R or AL
// outside isolates, 0 when there is none.
func firstStrongLevel(classes []xbidi.Class) int8 {
	depth := 0
	for _, c := range classes {
		switch c {
		case xbidi.LRI, xbidi.RLI, xbidi.FSI:
			depth++
		case xbidi.PDI:
			if depth > 0 {
				depth--
			}
		case xbidi.L:
			if depth == 0 {
				return 0
			}
		case xbidi.R, xbidi.AL:
			if depth == 0 {
				return 1
			}
		}
	}
	return 0
}

// runLevels returns the level of every character. bidi.Runs only splits at
// changes of direction and exposes the level of each run's first character,
// which loses levels 2 inside 0 (numbers after Arabic in a French line) and
// every nested embedding; the per-character levels are in its unexported
// field "levels", read here through reflection (read-only). Should a later
// version rename it, the fallback gives each character its run's level,
// which is still right for right-to-left statute lines (levels 1 and 2 only),
// and the conformance test reports the loss.
func runLevels(runs *bidi.Runs) []int8 {
	v := reflect.ValueOf(runs).Elem().FieldByName("levels")
	if v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Int8 {
		out := make([]int8, v.Len())
		for i := range out {
			out[i] = int8(v.Index(i).Int())
		}
		return out
	}
	var out []int8
	for i := 0; i < runs.NumRuns(); i++ {
		run := runs.Run(i)
		for k := run.Start; k < run.End; k++ {
			out = append(out, int8(run.Level))
		}
	}
	return out
}

// isL1Whitespace reports the classes that rule L1 resets at a line end:
// whitespace, isolate and embedding controls, and boundary neutrals.
func isL1Whitespace(c xbidi.Class) bool {
	switch c {
	case xbidi.WS, xbidi.LRI, xbidi.RLI, xbidi.FSI, xbidi.PDI,
		xbidi.LRE, xbidi.RLE, xbidi.LRO, xbidi.RLO, xbidi.PDF, xbidi.BN:
		return true
	}
	return false
}

// runeIndex returns the index of the rune starting at or containing byte
// offset off.
func (r *resolver) runeIndex(off int) int {
	lo, hi := 0, len(r.offsets)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if r.offsets[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

func (r *resolver) line(l *Line) {
	l.Runs = nil
	first, last := r.runeIndex(l.Start), r.runeIndex(l.End)
	if l.End >= len(l.Text) {
		last = len(r.offsets) - 1
	}
	if first < len(r.paraLvl) {
		l.Level = int(r.paraLvl[first])
	} else if len(r.paraLvl) > 0 {
		l.Level = int(r.paraLvl[len(r.paraLvl)-1])
	}
	if first >= last {
		return
	}
	levels := append([]int8(nil), r.levels[first:last]...)
	// Rule L1, clause four: whitespace at the end of the line.
	for k := len(levels) - 1; k >= 0 && isL1Whitespace(r.classes[first+k]); k-- {
		levels[k] = r.paraLvl[first+k]
	}
	// Level runs in logical order.
	var runs []Run
	lo, hi := levels[0], levels[0]
	for k := 0; k < len(levels); {
		e := k + 1
		for e < len(levels) && levels[e] == levels[k] {
			e++
		}
		lv := levels[k]
		runs = append(runs, Run{Start: r.offsets[first+k], End: r.offsets[first+e], RTL: lv%2 == 1, Level: int(lv)})
		lo, hi = min(lo, lv), max(hi, lv)
		k = e
	}
	// Rule L2: from the highest level down to the lowest odd one, reverse
	// every maximal sequence of runs at that level or higher.
	if lo%2 == 0 {
		lo++
	}
	for lv := hi; lv >= lo; lv-- {
		for k := 0; k < len(runs); {
			if runs[k].Level < int(lv) {
				k++
				continue
			}
			e := k + 1
			for e < len(runs) && runs[e].Level >= int(lv) {
				e++
			}
			for a, b := k, e-1; a < b; a, b = a+1, b-1 {
				runs[a], runs[b] = runs[b], runs[a]
			}
			k = e
		}
	}
	l.Runs = runs
}
