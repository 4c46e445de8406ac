package diff

import (
	"unicode"
	"unicode/utf8"

	"statute/drafts"
	"statute/drafts/arabic"
)

// mayFold reports whether appendFoldKey might give other bytes than tok:
// whether tok is white space or holds a byte of a character that folds
// (ASCII capitals; in U+0600–U+067F the alef forms, alef maqsura, tatweel,
// harakat and digits) or of any character beyond U+067F, which it does not
// try to tell apart. A test holds it to appendFoldKey for every rune.
func mayFold(tok string) bool {
	if isSpaceToken(tok) {
		return true
	}
	for i := 0; i < len(tok); i++ {
		switch c := tok[i]; {
		case c < utf8.RuneSelf:
			if c >= 'A' && c <= 'Z' {
				return true
			}
		case (c == 0xD8 || c == 0xD9) && i+1 < len(tok) && tok[i+1]&0xC0 == 0x80:
			c1 := tok[i+1]
			if c == 0xD8 && (c1 == 0xA2 || c1 == 0xA3 || c1 == 0xA5) || c == 0xD9 && (c1 == 0x80 || c1 >= 0x89 && c1 != 0x8A) {
				return true
			}
			i++
		default:
			return true
		}
	}
	return false
}

// appendFoldKey appends to dst the key under which lenient mode compares
// tok: for white space, the line breaks it holds (so that a doubled space
// is a change of form but a new paragraph is not), and for any other token
// its arabic.Fold, computed here into a reused buffer because Fold, which
// allocates and looks every Arabic letter up in Unicode's tables, would
// take a fifth of a lenient diff. A test holds the two to the same result.
func appendFoldKey(dst []byte, tok string) []byte {
	if isSpaceToken(tok) {
		start := len(dst)
		for i := 0; i < len(tok); i++ {
			if tok[i] == '\n' {
				dst = append(dst, '\n')
			}
		}
		if len(dst) == start {
			dst = append(dst, ' ')
		}
		return dst
	}
	for i := 0; i < len(tok); {
		c := tok[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		if (c == 0xD8 || c == 0xD9) && i+1 < len(tok) && tok[i+1]&0xC0 == 0x80 {
			// U+0600–U+067F, most of the text, without decoding.
			c1 := tok[i+1]
			i += 2
			switch r := rune(c&0x1F)<<6 | rune(c1&0x3F); {
			case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
				dst = append(dst, "ا"...)
			case r == 'ى':
				dst = append(dst, "ي"...)
			case r == arabic.Tatweel || arabic.IsHaraka(r):
			default:
				if d, ok := arabic.DigitValue(r); ok {
					dst = append(dst, byte('0'+d))
				} else {
					dst = append(dst, c, c1)
				}
			}
			continue
		}
		r, n := decode(tok, i)
		i += n
		switch {
		case r >= 0x0600 && r <= 0x06FF:
			switch {
			case r == arabic.Tatweel || arabic.IsHaraka(r):
				continue
			case r == 'ٱ':
				r = 'ا'
			case r == 'ى':
				r = 'ي'
			}
			if d, ok := arabic.DigitValue(r); ok {
				dst = append(dst, byte('0'+d))
				continue
			}
		case unicode.IsUpper(r):
			r = unicode.ToLower(r)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// LenientKey is the form under which lenient mode compares a text: its
// paragraphs normalized (drafts.NormalizeParagraphs), each word folded and
// each run of white space reduced to a space or its line breaks. Two texts
// with the same key differ in form only: harakat, tatweel, alef forms,
// digit shapes, spacing.
func LenientKey(s string) string {
	var b []byte
	for _, tok := range Tokens(drafts.NormalizeParagraphs(s)) {
		b = appendFoldKey(b, tok)
	}
	return string(b)
}
