package arabic

import (
	"unicode"
	"unicode/utf8"
)

// IsWordRune reports whether r is part of a word wherever it stands: a
// letter of any script (tatweel included, which Unicode counts a letter),
// a combining mark (the harakat, shadda, sukun…) or a digit of any script.
// White space, punctuation and symbols are not. See WordEnd for the two
// characters that belong to a word only inside one: the zero-width joiners
// and the separators inside a number.
func IsWordRune(r rune) bool {
	if r >= 0 && r < rune(len(wordClasses)) {
		return wordClasses[r] != notWord
	}
	return wordClass(r) != notWord
}

// WordEnd returns the end of the word that starts at s[i], or i when no
// word starts there (s[i] is not a word rune). A word is one of:
//
//   - a run of letters and combining marks, with the zero-width joiners
//     and non-joiners (U+200D, U+200C) inside it, which shape the letters
//     around them: «القانُونُ», «الأسـاسي», «Artisans»;
//   - a number: a run of digits with each separator that stands between
//     two digits (the point and comma, the Arabic decimal ٫ and thousands
//     ٬ separators, the slash), so that «18.09», «1.11.91», «١٠٬٠٠٠»,
//     «٣٫٥», «2025/07» and «10,000» are one word each.
//
// A run of letters and a run of digits that touch are two words. This is
// what a word is for the lenient and strict diffs (their word tokens), for
// counting changed words, and for the words of a search result's context.
func WordEnd(s string, i int) int {
	if i >= len(s) {
		return i
	}
	r, n := decodeAt(s, i)
	switch class(r) {
	case wordLetter:
		i += n
		for i < len(s) {
			// U+0620–U+065F (letters, tatweel, harakat) encode as D8 A0–BF
			// or D9 80–9F: most of a word, recognised without decoding.
			if c := s[i]; (c == 0xD8 || c == 0xD9) && i+1 < len(s) {
				if c1 := s[i+1]; c == 0xD8 && c1 >= 0xA0 && c1 <= 0xBF || c == 0xD9 && c1 >= 0x80 && c1 <= 0x9F {
					i += 2
					continue
				}
			}
			r, n = decodeAt(s, i)
			if class(r) != wordLetter && r != zwj && r != zwnj {
				break
			}
			i += n
		}
	case wordDigit:
		i += n
		for i < len(s) {
			r, n = decodeAt(s, i)
			if class(r) == wordDigit {
				i += n
				continue
			}
			if isNumberSeparator(r) && i+n < len(s) {
				if r2, n2 := decodeAt(s, i+n); class(r2) == wordDigit {
					i += n + n2
					continue
				}
			}
			break
		}
	}
	return i
}

// NextWord returns the bounds of the first word (see WordEnd) that starts
// at or after s[i], or len(s), len(s) when there is none. From i = 0 and
// then from each end it returns, it visits the words of s in order.
func NextWord(s string, i int) (start, end int) {
	for i < len(s) {
		if e := WordEnd(s, i); e > i {
			return i, e
		}
		_, n := decodeAt(s, i)
		i += n
	}
	return len(s), len(s)
}

// The zero-width joiners shape the letters around them; dropping them from
// a word would split it in two.
const (
	zwnj = '\u200C'
	zwj  = '\u200D'
)

// isNumberSeparator reports whether r joins the digits on both sides of it
// into one number: the point and comma, the Arabic decimal (٫) and
// thousands (٬) separators, and the slash of «2025/07».
func isNumberSeparator(r rune) bool {
	return r == '.' || r == ',' || r == '٫' || r == '٬' || r == '/'
}

// The word classes of runes.
const (
	notWord    = iota // white space, punctuation, symbols, invalid bytes
	wordLetter        // letters, combining marks (harakat), tatweel
	wordDigit         // digits
)

// wordClasses caches the class of the runes below U+0800: ASCII, Latin,
// and the Arabic block.
var wordClasses = func() (t [0x800]uint8) {
	for r := range rune(len(t)) {
		t[r] = wordClass(r)
	}
	return t
}()

func class(r rune) uint8 {
	if r >= 0 && r < rune(len(wordClasses)) {
		return wordClasses[r]
	}
	return wordClass(r)
}

func wordClass(r rune) uint8 {
	switch {
	case unicode.IsDigit(r):
		return wordDigit
	case unicode.IsLetter(r) || unicode.IsMark(r):
		return wordLetter
	}
	return notWord
}

// decodeAt is utf8.DecodeRuneInString(s[i:]) with fast paths for ASCII and
// for the two-byte sequences of Arabic letters, which make up most of a
// text.
func decodeAt(s string, i int) (rune, int) {
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
