package diff

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// maxSlide bounds how far slide moves an edit, so that a long run of
// repeated words costs no more than a short one.
const maxSlide = 64

// slide moves each lone insertion or deletion to the place where it reads
// best, among the places where it would make the same change: go-diff
// cannot tell (it sees only opaque runes), and for a new item of an
// enumeration «- الهبات والوصايا؛» it would otherwise pick a span that
// starts at the item's text and ends in the next item's dash. It scores the
// boundaries as go-diff's semantic cleanup scores characters: a line break
// beats the end of a sentence, which beats white space, which beats
// punctuation.
func (d *Differ) slide(old, new string) {
	segs := d.segs
	for i := 1; i+1 < len(segs); i++ {
		s := &segs[i]
		if s.op == Equal || segs[i-1].op != Equal || segs[i+1].op != Equal {
			continue
		}
		// The edited tokens, in the text they belong to, and the span of
		// that text from the start of the equality before them to the end
		// of the one after.
		text, ends, e0, e1 := new, d.newEnd, s.n0, s.n1
		lo, hi := segs[i-1].n0, segs[i+1].n1
		if s.op == Delete {
			text, ends, e0, e1 = old, d.oldEnd, s.o0, s.o1
			lo, hi = segs[i-1].o0, segs[i+1].o1
		}
		tok := func(k int) string { return text[bound(ends, k):ends[k]] }
		// Leftmost place: the edit moves left while it ends with the token
		// before it.
		left := 0
		for left < maxSlide && e0-left-1 >= lo && tok(e0-left-1) == tok(e1-left-1) {
			left++
		}
		best, bestScore := 0, -1
		for shift := -left; shift <= maxSlide; shift++ {
			a, b := e0+shift, e1+shift
			if shift > 0 && (b-1 >= hi || tok(a-1) != tok(b-1)) {
				break
			}
			score := boundaryScore(text, ends, a, lo, hi) + boundaryScore(text, ends, b, lo, hi)
			// >= favours the rightmost of equal places, as go-diff does: an
			// edit then carries its trailing space, not its leading one.
			if score >= bestScore {
				best, bestScore = shift, score
			}
		}
		if best == 0 {
			continue
		}
		// The edit moves in both texts: its span in one, its point in the
		// other.
		s.o0, s.o1, s.n0, s.n1 = s.o0+best, s.o1+best, s.n0+best, s.n1+best
		segs[i-1].o1, segs[i-1].n1 = segs[i-1].o1+best, segs[i-1].n1+best
		segs[i+1].o0, segs[i+1].n0 = segs[i+1].o0+best, segs[i+1].n0+best
	}
	// Drop the equalities a move emptied.
	d.segs = slices.DeleteFunc(segs, func(s segment) bool { return s.o0 == s.o1 && s.n0 == s.n1 })
}

// boundaryScore scores a cut before token k of text, within the tokens
// lo..hi-1 that the edit may move over: 6 at either end of that span, 5
// at a blank line, 4 at a line break, 3 after punctuation followed by
// white space, 2 at white space, 1 at punctuation, 0 inside a run of
// words.
func boundaryScore(text string, ends []int, k, lo, hi int) int {
	if k <= lo || k >= hi {
		return 6
	}
	l, r := text[bound(ends, k-1):ends[k-1]], text[bound(ends, k):ends[k]]
	lc, _ := utf8.DecodeLastRuneInString(l)
	rc, _ := decode(r, 0)
	lclass, rclass := class(lc), class(rc)
	switch {
	case lclass == classSpace && strings.Count(l, "\n") > 1 || rclass == classSpace && strings.Count(r, "\n") > 1:
		return 5
	case lclass == classSpace && strings.IndexByte(l, '\n') >= 0 || rclass == classSpace && strings.IndexByte(r, '\n') >= 0:
		return 4
	case lclass == classOther && rclass == classSpace:
		return 3
	case lclass == classSpace || rclass == classSpace:
		return 2
	case lclass == classOther || rclass == classOther:
		return 1
	}
	return 0
}
