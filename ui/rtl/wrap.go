package rtl

import (
	"unicode"
	"unicode/utf8"
)

// Measure returns the width of s drawn in the current font and size.
type Measure func(s string) float32

// Line is one wrapped line of a paragraph.
type Line struct {
	// Text is the whole paragraph; the line is Text[Start:End].
	Text string
	// Start and End are the line's logical byte range in Text. Lines of a
	// paragraph tile it: each line starts where the previous one ended, and
	// spaces at a break belong to the line before the break.
	Start, End int
	// Width is the measured width of the line without its trailing spaces,
	// which hang past the wrap width.
	Width float32
	// Level is the paragraph embedding level (0 left to right, 1 right to
	// left); set by Reorder.
	Level int
	// Runs are the line's runs in visual order, left to right; set by
	// Reorder.
	Runs []Run
}

// Wrap breaks a paragraph into lines no wider than width, in logical order,
// at white space only (isBreakSpace): never at punctuation or a no-break
// space, so a run of other characters such as «(artisan)،» stays on one
// line. Below, such a run is called a word, for short; it is not a word in
// the sense of statute/drafts/arabic. A run wider than width gets a line of
// its own and, only then, is split between grapheme clusters (never between
// a letter and its harakat). An empty paragraph gives one empty line, so a
// caret has a home.
//
// Each distinct word and space run is measured once per call; the width of
// a line is the sum of its parts, which is exact for Arabic because joining
// never crosses a space.
func Wrap(text string, width float32, m Measure) []Line {
	w := wrapper{text: text, width: width, m: m, cache: make(map[string]float32)}
	return w.wrap()
}

type wrapper struct {
	text  string
	width float32
	m     Measure
	cache map[string]float32
	lines []Line
}

func (w *wrapper) measure(s string) float32 {
	if v, ok := w.cache[s]; ok {
		return v
	}
	v := w.m(s)
	w.cache[s] = v
	return v
}

// isBreakSpace reports whether a line may break at r; no-break spaces and
// line separators are not break opportunities here.
func isBreakSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\u1680', '\u205F', '\u3000':
		return true
	}
	return r >= '\u2000' && r <= '\u200A' && r != '\u2007'
}

func (w *wrapper) wrap() []Line {
	text := w.text
	start := 0           // start of the current line
	var lineW float32    // width of the current line up to its last word
	var pendingW float32 // width of the spaces after the last word
	empty := true        // no word on the current line yet
	i := 0
	for i < len(text) {
		// A run of spaces.
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !isBreakSpace(r) {
				break
			}
			j += n
		}
		if j > i {
			pendingW = w.measure(text[i:j])
			if empty {
				// Leading spaces of the paragraph are drawn and counted.
				lineW += pendingW
				pendingW = 0
			}
			i = j
			continue
		}
		// A word.
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if isBreakSpace(r) {
				break
			}
			j += n
		}
		ww := w.measure(text[i:j])
		if !empty && lineW+pendingW+ww > w.width {
			w.lines = append(w.lines, Line{Text: text, Start: start, End: i, Width: lineW})
			start, lineW, pendingW, empty = i, 0, 0, true
		}
		if empty && lineW+ww > w.width {
			start, lineW = w.split(start, lineW, i, j)
		} else {
			lineW += pendingW + ww
		}
		pendingW = 0
		empty = false
		i = j
	}
	w.lines = append(w.lines, Line{Text: text, Start: start, End: len(text), Width: lineW})
	return w.lines
}

// split places the over-long word text[i:j] (after lineW worth of leading
// spaces from start) on lines of its own, breaking
// between grapheme clusters, and returns the start and width of the last
// piece, which stays open so that trailing spaces join it. Clusters are
// measured one by one (cached), never as growing prefixes; their sum
// overestimates a joined Arabic word, which only errs towards fitting.
func (w *wrapper) split(start int, lineW float32, i, j int) (int, float32) {
	pieceStart := start
	for k := i; k < j; {
		e := ClusterEnd(w.text, k)
		if e > j {
			e = j
		}
		cw := w.measure(w.text[k:e])
		if k > pieceStart && lineW+cw > w.width {
			w.lines = append(w.lines, Line{Text: w.text, Start: pieceStart, End: k, Width: lineW})
			pieceStart, lineW = k, 0
		}
		lineW += cw
		k = e
	}
	return pieceStart, lineW
}

// isExtend reports whether r continues the grapheme cluster before it:
// combining marks (harakat, shadda, superscript alef…) and the joiners.
// HarfBuzz clusters the same way when it flips a right-to-left run, which
// is what makes reversing by these clusters round-trip.
func isExtend(r rune) bool {
	// Fast path: Latin-1 and the Arabic letters U+0621–U+064A never extend.
	if r < 0x0300 || r >= 0x0621 && r <= 0x064A {
		return false
	}
	return r == '\u200C' || r == '\u200D' || unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc)
}

// ClusterEnd returns the end of the grapheme cluster (a letter with its
// harakat and joiners) starting at i: where a caret may stop next.
func ClusterEnd(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	i += n
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isExtend(r) {
			break
		}
		i += n
	}
	return i
}

// ClusterStart returns the start of the grapheme cluster that ends at i:
// where a caret stops when Backspace removes a letter with its harakat.
func ClusterStart(s string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		if !isExtend(r) {
			break
		}
	}
	return i
}
