package rtl

import (
	"strings"
	"unicode/utf8"
)

// The override pair that makes a left-to-right painter keep the order
// Display computed: inside it, the painter's own bidi pass (if any) leaves
// every character where Display put it (step 3 of the package doc).
const (
	lro = "\u202D" // LEFT-TO-RIGHT OVERRIDE
	pdf = "\u202C" // POP DIRECTIONAL FORMATTING
)

// isBidiControl reports the invisible direction controls of the input. They
// are dropped from display strings: an embedding or isolate would break the
// override, and marks are only invisible where the font has them.
func isBidiControl(r rune) bool {
	switch r {
	case '\u061C', '\u200E', '\u200F':
		return true
	}
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}

//go:generate go run gen_mirror.go

// mirror returns the Bidi_Mirroring_Glyph of r, or r.
func mirror(r rune) rune {
	// Fast path: no mirrored characters among controls, digits, most of
	// ASCII, or Arabic to Tibetan.
	if r < '(' || r >= 0x0600 && r < 0x0F3A {
		return r
	}
	if m, ok := mirrorTable[r]; ok {
		return m
	}
	return r
}

// Display returns the string that shows the line right when drawn strictly
// left to right: its runs in visual order, right-to-left runs reversed by
// grapheme cluster (harakat stay after their letter) with paired and
// mirrored characters swapped ( «» () [] {} <> ‹› ), left-to-right runs as
// typed, and the whole inside LEFT-TO-RIGHT OVERRIDE … POP DIRECTIONAL
// FORMATTING. Line must have been through Reorder. Trailing spaces are kept
// (at the paragraph end of the line, the left for Arabic); right-align the
// result for a right-to-left paragraph.
func Display(l Line) string {
	var b strings.Builder
	b.Grow(l.End - l.Start + 2*len(lro))
	b.WriteString(lro)
	for _, run := range l.Runs {
		writeRun(&b, l.Text, run.Start, run.End, run.RTL)
	}
	b.WriteString(pdf)
	return b.String()
}

// writeRun appends text[start:end] in display form.
func writeRun(b *strings.Builder, text string, start, end int, rtl bool) {
	if !rtl {
		for _, r := range text[start:end] {
			if !isBidiControl(r) {
				b.WriteRune(r)
			}
		}
		return
	}
	// Walk clusters from the logical end: find each cluster's start by
	// stepping back over extending marks.
	e := end
	for e > start {
		s := e
		for s > start {
			r, n := utf8.DecodeLastRuneInString(text[start:s])
			s -= n
			if !isExtend(r) {
				break
			}
		}
		for i, r := range text[s:e] {
			if isBidiControl(r) {
				continue
			}
			if i == 0 {
				r = mirror(r)
			}
			b.WriteRune(r)
		}
		e = s
	}
}

// Span gives a style to the logical byte range [Start, End) of a paragraph,
// for tracked changes and search highlights. Text outside every span has
// style 0; where spans overlap, the later one wins.
type Span struct {
	Start, End int
	Style      int
}

// Piece is one styled fragment of a line in visual order, ready to be one
// inline RichText segment.
type Piece struct {
	// Text is the fragment's display string, wrapped in its own
	// LEFT-TO-RIGHT OVERRIDE … POP DIRECTIONAL FORMATTING: Fyne shapes every
	// segment on its own, so an override opened in one segment would not
	// reach the next, and an unwrapped Arabic fragment would be flipped
	// back by the shaper.
	Text  string
	Style int
	// Start and End are the fragment's logical byte range in the paragraph.
	Start, End int
}

// Pieces splits the line's visual runs at the edges of spans and returns the
// fragments left to right; inside a right-to-left run the fragments come in
// reverse logical order. Adjacent fragments of one run with the same style
// are merged. Keep span edges at word boundaries: each piece is shaped on
// its own, so a style edge inside an Arabic word breaks its joining (the
// letters on either side take their final and initial forms).
func Pieces(l Line, spans []Span) []Piece {
	var out []Piece
	for _, run := range l.Runs {
		// Logical cut points inside the run, in order.
		var frag []Piece
		s := run.Start
		for s < run.End {
			style, e := styleAt(spans, s, run.End)
			e = snapForward(l.Text, e, run.End)
			if n := len(frag); n > 0 && frag[n-1].Style == style {
				frag[n-1].End = e
			} else {
				frag = append(frag, Piece{Style: style, Start: s, End: e})
			}
			s = e
		}
		if run.RTL {
			for a, b := 0, len(frag)-1; a < b; a, b = a+1, b-1 {
				frag[a], frag[b] = frag[b], frag[a]
			}
		}
		for _, p := range frag {
			var b strings.Builder
			b.WriteString(lro)
			writeRun(&b, l.Text, p.Start, p.End, run.RTL)
			b.WriteString(pdf)
			p.Text = b.String()
			out = append(out, p)
		}
	}
	return out
}

// styleAt returns the style at logical offset s and where it next may
// change, at most limit.
func styleAt(spans []Span, s, limit int) (style, end int) {
	end = limit
	for _, sp := range spans {
		if sp.Start <= s && s < sp.End {
			style = sp.Style
		}
		if sp.Start > s && sp.Start < end {
			end = sp.Start
		}
		if sp.End > s && sp.End < end {
			end = sp.End
		}
	}
	return style, end
}

// snapForward moves a cut at i forward to the next grapheme cluster
// boundary (at most limit), so that a span edge never separates harakat
// from their letter or splits a UTF-8 sequence.
func snapForward(text string, i, limit int) int {
	for i < limit {
		if !utf8.RuneStart(text[i]) {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isExtend(r) {
			break
		}
		i += n
	}
	return i
}
