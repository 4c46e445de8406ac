package textwidget

import (
	"math"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"statute/drafts/arabic"
	"statute/drafts/diff"
	"statute/ui/rtl"
)

// Words, for the editor's word keys and double click, are the tokens of
// drafts/diff that start with a letter, mark or digit: letters with their
// harakat, tatweel and joiners, numbers with their inner separators
// («50.17»). White space and punctuation lie between words.

// token is one diff token of a paragraph, as byte offsets in the editor's
// text.
type token struct {
	start, end int
	word       bool
}

func isWordToken(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return arabic.IsWordRune(r)
}

// paragraphAt returns the bounds of the paragraph (text between "\n")
// holding offset o.
func paragraphAt(text string, o int) (int, int) {
	s := strings.LastIndexByte(text[:o], '\n') + 1
	e := strings.IndexByte(text[o:], '\n')
	if e < 0 {
		return s, len(text)
	}
	return s, o + e
}

// tokens returns the tokens of the paragraph holding o.
func tokens(text string, o int) []token {
	s, e := paragraphAt(text, o)
	var out []token
	at := s
	for _, t := range diff.Tokens(text[s:e]) {
		out = append(out, token{at, at + len(t), isWordToken(t)})
		at += len(t)
	}
	return out
}

// wordBefore returns where Ctrl+Backspace deletes back to from o: over the
// spaces and punctuation before o, then the word before them; at the start
// of a paragraph, the line break.
func wordBefore(text string, o int) int {
	if ps, _ := paragraphAt(text, o); o == ps {
		return max(0, o-1)
	}
	toks := tokens(text, o)
	i := len(toks) - 1
	for i >= 0 && toks[i].start >= o {
		i--
	}
	n := o
	for ; i >= 0 && !toks[i].word; i-- {
		n = toks[i].start
	}
	if i >= 0 {
		n = toks[i].start
	}
	return n
}

// wordAfter returns where Ctrl+Delete deletes up to from o: over the spaces
// and punctuation after o, then the word after them; at the end of a
// paragraph, the line break.
func wordAfter(text string, o int) int {
	if _, pe := paragraphAt(text, o); o == pe {
		return min(len(text), o+1)
	}
	toks := tokens(text, o)
	i := 0
	for i < len(toks) && toks[i].end <= o {
		i++
	}
	n := o
	for ; i < len(toks) && !toks[i].word; i++ {
		n = toks[i].end
	}
	if i < len(toks) {
		n = toks[i].end
	}
	return n
}

// deleteWord deletes the word before the caret (or after it, forward), or
// the selection when there is one, as one undo step.
func (e *Editor) deleteWord(forward bool) {
	a, b := e.Selection()
	if a == b {
		if forward {
			b = wordAfter(e.text, e.caret)
		} else {
			a = wordBefore(e.text, e.caret)
		}
	}
	if a != b {
		e.edit(a, b, "", editNone, 0)
	}
}

// glyph is one grapheme cluster of a line as drawn: its logical range and
// its left and right x from the line's left.
type glyph struct {
	start, end int
	x0, x1     float32
	word       bool
}

// glyphs returns the clusters of line l from left to right on screen.
func (e *Editor) glyphs(l *editorLine, m rtl.Measure) []glyph {
	text := l.l.Text
	toks := tokens(e.text, l.base+l.l.Start)
	inWord := func(o int) bool {
		for _, t := range toks {
			if o >= t.start && o < t.end {
				return t.word
			}
		}
		return false
	}
	var out []glyph
	for k, run := range l.l.Runs {
		x := l.runX[k]
		from := len(out)
		for s := run.Start; s < run.End; {
			n := rtl.ClusterEnd(text[:run.End], s)
			g := glyph{start: s, end: n, word: inWord(l.base + s)}
			if run.RTL {
				g.x0, g.x1 = x+m(text[n:run.End]), x+m(text[s:run.End])
			} else {
				g.x0, g.x1 = x+m(text[run.Start:s]), x+m(text[run.Start:n])
			}
			out = append(out, g)
			s = n
		}
		if run.RTL {
			for i, j := from, len(out)-1; i < j; i, j = i+1, j-1 {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// wordMove moves the caret to the next word edge on screen: Ctrl+Left to
// the left edge of the next word leftwards, Ctrl+Right to the right edge
// of the next word rightwards, so that in Arabic Ctrl+Left reads on. At
// the end of a line it goes on to the next line as the arrow keys do.
func (e *Editor) wordMove(right, extend bool) {
	e.hasGoal = false
	ly := e.layout()
	i := e.lineOf(e.caret, e.preferEnd)
	l := &ly.lines[i]
	m := e.measure(ly.size)
	if n, ok := wordStop(l, e.caret-l.base, right, e.glyphs(l, m), m); ok {
		e.moveTo(i, n, extend)
		return
	}
	e.horizontal(right, extend)
}

// wordStop returns the caret offset of line l for a word move from o, and
// false when o is already at that end of the line.
func wordStop(l *editorLine, o int, right bool, gs []glyph, m rtl.Measure) (int, bool) {
	const eps = 0.5
	dir := float32(-1)
	if right {
		dir = 1
	}
	cur := rtl.CaretX(l.l, o, m)
	// The word edges beyond the caret in the direction of the move; the
	// nearest is the goal.
	goal, found := float32(0), false
	for k, g := range gs {
		if !g.word {
			continue
		}
		var x float32
		if right {
			if k+1 < len(gs) && gs[k+1].word {
				continue
			}
			x = g.x1
		} else {
			if k > 0 && gs[k-1].word {
				continue
			}
			x = g.x0
		}
		if (x-cur)*dir > eps && (!found || (x-goal)*dir < 0) {
			goal, found = x, true
		}
	}
	// The caret stops of the line, left to right.
	var offs []int
	var xs []float32
	for s := rtl.LeftmostOffset(l.l); ; {
		offs, xs = append(offs, s), append(xs, rtl.CaretX(l.l, s, m))
		n := rtl.VisualRight(l.l, s)
		if n == s || len(offs) > len(l.l.Text)+1 {
			break
		}
		s = n
	}
	if !found {
		// No word beyond: the end of the line, if the caret is not there.
		i := 0
		if right {
			i = len(offs) - 1
		}
		return offs[i], (xs[i]-cur)*dir > eps
	}
	// The stop nearest the goal and not short of it (a stop may be missing
	// where runs meet), beyond the caret; on a tie the one further on in
	// reading order, so that a selection takes the whole word.
	forward := right != l.rtl()
	best, bestD := -1, float32(math.MaxFloat32)
	for k, x := range xs {
		if (x-cur)*dir <= eps {
			continue
		}
		d := (x - goal) * dir
		if d < -eps {
			d = -d + 1e4 // short of the goal: only if nothing reaches it
		}
		d = max(d, 0)
		if best < 0 || d < bestD-eps || d <= bestD+eps && (offs[k] > offs[best]) == forward {
			best, bestD = k, d
		}
	}
	if best < 0 {
		return o, false
	}
	return offs[best], true
}

// selectWordAt selects the word (or run of spaces, or punctuation mark)
// drawn under p.
func (e *Editor) selectWordAt(p fyne.Position) {
	ly := e.layout()
	i, o := e.offsetAt(p)
	l := &ly.lines[i]
	m := e.measure(ly.size)
	x := p.X - e.left(l)
	at := l.base + o
	// The cluster under the pointer, or the nearest one past a line end.
	best := float32(math.MaxFloat32)
	for _, g := range e.glyphs(l, m) {
		d := float32(0)
		if x < g.x0 {
			d = g.x0 - x
		} else if x > g.x1 {
			d = x - g.x1
		}
		if d < best {
			best, at = d, l.base+g.start
		}
	}
	for _, t := range tokens(e.text, at) {
		if at >= t.start && at < t.end {
			e.hasGoal = false
			e.anchor = t.start
			e.moveTo(i, t.end-l.base, true)
			return
		}
	}
}
