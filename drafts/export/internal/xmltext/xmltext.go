// Package xmltext writes text into the XML the exports write by hand (Word
// and Akoma Ntoso), escaped the one way both need: the markup characters
// as entities, the characters XML 1.0 forbids dropped (control characters
// other than tab, line feed and carriage return, U+FFFE and U+FFFF, and
// bytes that are not UTF-8), a carriage return as a reference so that a
// reader does not fold it into a line feed, and, in an attribute's value,
// a tab or a line feed as a reference too, since a reader would otherwise
// read each as a space. Text that needs none of that is written in
// stretches, not a character at a time: Arabic is all multi-byte.
package xmltext

import (
	"bufio"
	"unicode/utf8"
)

// Escape writes s to b as XML character data or, with attr, as the value
// of an attribute quoted with double quotes.
func Escape(b *bufio.Writer, s string, attr bool) {
	start := 0 // the first byte not written yet
	for i := 0; i < len(s); {
		c := s[i]
		var with string // what s[i] (and the bytes of its rune) become
		n := 1
		if c < utf8.RuneSelf {
			switch {
			case c == '<':
				with = "&lt;"
			case c == '>':
				with = "&gt;"
			case c == '&':
				with = "&amp;"
			case c == '"':
				with = "&quot;"
			case c == '\r':
				with = "&#xD;"
			case c == '\t' && attr:
				with = "&#x9;"
			case c == '\n' && attr:
				with = "&#xA;"
			case c == '\t' || c == '\n':
				i++
				continue
			case c < 0x20:
				// forbidden in XML 1.0: dropped
			default:
				i++
				continue
			}
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError && r != 0xFFFE && r != 0xFFFF || r == utf8.RuneError && n == 3 {
				i += n
				continue
			}
			// not UTF-8, or forbidden in XML 1.0: dropped
		}
		b.WriteString(s[start:i])
		b.WriteString(with)
		i += n
		start = i
	}
	b.WriteString(s[start:])
}
