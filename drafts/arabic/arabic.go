package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tatweel (kashida) stretches a word; it carries no meaning.
const Tatweel = '\u0640'

// Normalize prepares text for storage: it removes a UTF-8 byte-order mark,
// turns CRLF and lone CR into LF, maps Arabic presentation forms (U+FB50–
// U+FDFF, U+FE70–U+FEFF, common in text copied from PDFs) back to base
// letters and puts the result in NFC. Tatweel and harakat are kept as
// written. The input must be valid UTF-8.
func Normalize(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if hasPresentationForms(s) {
		var b strings.Builder
		b.Grow(len(s))
		for _, r := range s {
			switch {
			case r == '\uFEFF':
				// a stray zero-width no-break space: drop it
			case IsPresentationForm(r):
				b.WriteString(norm.NFKC.String(string(r)))
			default:
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	return toNFC(s)
}

// toNFC is norm.NFC.String with a fast path: the x/text normalizer checks
// Arabic text at a few tens of MB/s, which would be most of the cost of
// reading a 1 MB draft. Text made of ASCII, Latin-1, Arabic letters with
// harakat in canonical order, and common punctuation is already in NFC; the
// normalizer runs from the first line that holds anything else.
func toNFC(s string) string {
	lineStart := 0
	prevCCC := uint8(0)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				lineStart = i + 1
			}
			prevCCC = 0
			i++
			continue
		}
		var r rune
		n := 2
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// most of an Arabic text: decoded here, faster than by utf8
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r < 0x300, r >= 0x2010 && r <= 0x2027, r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			prevCCC = 0
		case r >= 0x0600 && r <= 0x06FF && (r < 0x0653 || r > 0x0655):
			// Arabic: letters are starters; a mark needs checking only
			// when it follows another mark of a higher combining class.
			ccc := uint8(0)
			if IsHaraka(r) || r >= 0x0610 && r <= 0x061A {
				ccc = norm.NFC.PropertiesString(s[i : i+n]).CCC()
			}
			if ccc != 0 && prevCCC > ccc {
				return s[:lineStart] + norm.NFC.String(s[lineStart:])
			}
			prevCCC = ccc
		default:
			return s[:lineStart] + norm.NFC.String(s[lineStart:])
		}
		i += n
	}
	return s
}

// IsPresentationForm reports whether r is an Arabic presentation form that
// has a compatibility mapping to base letters.
func IsPresentationForm(r rune) bool {
	if !(r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF) {
		return false
	}
	return r == 0xFEFF || norm.NFKD.PropertiesString(string(r)).Decomposition() != nil
}

func hasPresentationForms(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < 0xEF {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if IsPresentationForm(r) {
			return true
		}
		i += n
	}
	return false
}

// IsHaraka reports whether r is an Arabic diacritic (tashkeel): the
// harakat U+064B–U+065F, the superscript alef U+0670 and the Quranic
// marks U+06D6–U+06ED. They combine with the letter before them.
func IsHaraka(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r >= 0x06D6 && r <= 0x06ED && r != 0x06DD && r != 0x06DE && r != 0x06E9
}

// Fold maps a word to the form that lenient comparison and search use:
// harakat and tatweel removed, alef forms (أ إ آ ٱ) read as ا, alef maqsura
// ى read as ي, Eastern Arabic digits read as Western digits, and Latin
// letters in lower case. Two words that fold alike differ only in form.
func Fold(s string) string { return foldWith(s, foldRune) }

// FoldIndex is Fold that also says where each byte of the folded text
// comes from: at[i] is the offset in s of the character that gave folded
// byte i, and at[len(folded)] is len(s). A match found in the folded text
// at [i, j) covers s[at[i]:at[j]], harakat of its last letter included.
func FoldIndex(s string) (folded string, at []int) { return foldIndex(s, foldRune) }

// SearchFold is the form a search matches a query and a text by: Fold,
// and the hamza read alike on every seat but the alef, ؤ and ئ and the
// hamza on the line ء all as ء. The seat of a hamza changes with the
// grammar («أعضاؤها», «أعضائها», «أعضاءها») and with the speller
// («مسؤول», «مسئول»), so that a reader looking for «اعضاء» means them all.
// The lenient diff does not fold them (Fold): a new seat there is a new
// case ending, which a reviewer is shown.
func SearchFold(s string) string { return foldWith(s, searchFoldRune) }

// foldWith is s with each character folded by fold, or left out when fold
// does not keep it.
func foldWith(s string, fold func(rune) (rune, bool)) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, keep := fold(r); keep {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// SearchFoldIndex is SearchFold that also says where each byte of the
// folded text comes from, as FoldIndex does for Fold.
func SearchFoldIndex(s string) (folded string, at []int) { return foldIndex(s, searchFoldRune) }

func foldIndex(s string, fold func(rune) (rune, bool)) (folded string, at []int) {
	var b strings.Builder
	b.Grow(len(s))
	at = make([]int, 0, len(s)+1)
	for i, r := range s {
		f, keep := fold(r)
		if !keep {
			continue
		}
		for range utf8.RuneLen(f) {
			at = append(at, i)
		}
		b.WriteRune(f)
	}
	return b.String(), append(at, len(s))
}

// searchFoldRune is SearchFold for one character.
func searchFoldRune(r rune) (rune, bool) {
	if r == 'ؤ' || r == 'ئ' {
		return 'ء', true
	}
	return foldRune(r)
}

// foldRune is Fold for one character: what it reads as, or false when it
// is dropped.
func foldRune(r rune) (rune, bool) {
	switch {
	case r == Tatweel || IsHaraka(r):
		return 0, false
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return 'ا', true
	case r == 'ى':
		return 'ي', true
	}
	if d, ok := DigitValue(r); ok {
		return '0' + rune(d), true
	}
	if r < utf8.RuneSelf || unicode.IsUpper(r) {
		return unicode.ToLower(r), true
	}
	return r, true
}

// WesternDigits replaces Eastern Arabic digits (٠-٩, and the Persian ۰-۹)
// with Western digits, leaving everything else alone.
func WesternDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if d, ok := DigitValue(r); ok {
			return '0' + rune(d)
		}
		return r
	}, s)
}

// IsArabicLetter reports whether r is a letter of the Arabic script.
func IsArabicLetter(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}
