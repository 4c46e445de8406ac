package diff

import (
	"unicode"
	"unicode/utf8"

	"statute/drafts/arabic"
)

// Tokens splits s into the units a word diff compares: words and numbers as
// arabic.WordEnd defines them (letters with their combining marks, tatweel
// and zero-width joiners; numbers kept whole with their inner separators,
// «18.09», «1.11.91», «١٠٬٠٠٠», «٣٫٥», «2025/07», «10,000»), runs of white
// space, and every other character on its own (punctuation, symbols, and
// any byte that is not valid UTF-8). Concatenating the tokens gives back s
// exactly.
func Tokens(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		end := nextToken(s, i)
		toks = append(toks, s[i:end])
		i = end
	}
	return toks
}

// nextToken returns the end of the token that starts at s[i].
func nextToken(s string, i int) int {
	// Most tokens of a text are single spaces between words: settle them
	// from the next byte (ASCII other than white space, or the lead byte
	// of the Arabic block, which holds no white space).
	if s[i] == ' ' {
		if i+1 == len(s) {
			return i + 1
		}
		if c := s[i+1]; c < utf8.RuneSelf && !isASCIISpace(c) || c >= 0xD8 && c <= 0xDB {
			return i + 1
		}
	}
	r, n := decode(s, i)
	switch class(r) {
	case classSpace:
		i += n
		for i < len(s) {
			r, n = decode(s, i)
			if class(r) != classSpace {
				break
			}
			i += n
		}
		return i
	case classWord:
		return arabic.WordEnd(s, i)
	}
	return i + n
}

// decode is utf8.DecodeRuneInString with fast paths for ASCII and for the
// two-byte sequences of Arabic letters, which make up most of the text.
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) {
		if c1 := s[i+1]; c1&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// The classes of characters that make tokens.
const (
	classOther = iota // punctuation, symbols, invalid bytes: one token each
	classSpace
	classWord // what starts a word or a number: arabic.IsWordRune
)

// classes caches the class of the runes below U+0800: ASCII, Latin, and
// the Arabic block.
var classes = func() (t [0x800]uint8) {
	for r := range rune(len(t)) {
		t[r] = slowClass(r)
	}
	return t
}()

func class(r rune) uint8 {
	if r >= 0 && r < rune(len(classes)) {
		return classes[r]
	}
	return slowClass(r)
}

func slowClass(r rune) uint8 {
	switch {
	case unicode.IsSpace(r):
		return classSpace
	case arabic.IsWordRune(r):
		return classWord
	}
	return classOther
}

// isSpaceToken reports whether tok, a token, is white space.
func isSpaceToken(tok string) bool {
	r, _ := decode(tok, 0)
	return class(r) == classSpace
}

// isWordToken reports whether tok, a token, is a word or a number.
func isWordToken(tok string) bool {
	r, _ := decode(tok, 0)
	return class(r) == classWord
}

// tokenize sets the token ends of old and new. The bytes the texts begin
// and end with in common are not split into tokens but for a few words
// next to the first and last difference (enough for slide to work with):
// each side stands as one pseudo-token, equal in both texts.
func (d *Differ) tokenize(old, new string) {
	n := min(len(old), len(new))
	pre := 0
	for pre < n && old[pre] == new[pre] {
		pre++
	}
	suf := 0
	for suf < n-pre && old[len(old)-1-suf] == new[len(new)-1-suf] {
		suf++
	}
	start := headCut(old, pre)
	endO := tailCut(old, len(old)-suf)
	endN := endO + len(new) - len(old)
	d.oldEnd = appendTokens(d.oldEnd[:0], old, start, endO)
	d.newEnd = appendTokens(d.newEnd[:0], new, start, endN)
}

// appendTokens appends the token ends of s, with s[:from] and s[to:] each
// counted as one token.
func appendTokens(dst []int, s string, from, to int) []int {
	if from > 0 {
		dst = append(dst, from)
	}
	for i := from; i < to; {
		i = nextToken(s, i)
		dst = append(dst, i)
	}
	if to < len(s) {
		dst = append(dst, len(s))
	}
	return dst
}

// keepWords is how many words on either side of the differences are split
// into tokens.
const keepWords = 8

// headCut returns a place in s[:pre], the bytes two texts begin with in
// common, before which they can be left whole: the start of a run of white
// space, keepWords runs before pre, where the tokens of both texts must
// break, or 0.
func headCut(s string, pre int) int {
	runs := 0
	for x := pre - 2; x > 0; x-- {
		// x starts a run of white space after a rune that is not: the
		// tokens of any text break there, and these two texts agree on
		// every byte before it and at it.
		if isASCIISpace(s[x]) && !isASCIISpace(s[x-1]) {
			if r, _ := utf8.DecodeLastRuneInString(s[:x]); class(r) != classSpace {
				if runs++; runs == keepWords {
					return x
				}
			}
		}
	}
	return 0
}

// tailCut returns a place in s[from:], the bytes two texts end with in
// common, after which they can be left whole: the start of a run of white
// space keepWords runs after from, with the rune before it also in the
// common part, or len(s).
func tailCut(s string, from int) int {
	runs := 0
	for y := from + utf8.UTFMax; y < len(s); y++ {
		if isASCIISpace(s[y]) && !isASCIISpace(s[y-1]) {
			if r, n := utf8.DecodeLastRuneInString(s[:y]); y-n >= from && class(r) != classSpace {
				if runs++; runs == keepWords {
					return y
				}
			}
		}
	}
	return len(s)
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}
