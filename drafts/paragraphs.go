package drafts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// What a paragraph is, for the whole program: a draft's article as parsed
// (package parse), an amendment's wording as stored (package round) and
// as diffed (package diff) all go by these functions, so that a wording
// written the way the draft is written, with blank lines between its
// paragraphs, reads as the same paragraphs.
//
// A paragraph is a line of text: the lines of a text end at a line feed,
// a carriage return, a vertical tab or a form feed (a page break). Each
// line is trimmed of the white space and invisible marks at its two ends
// (IsEdgeSpace), and a line left empty is no paragraph: blank lines of any
// number separate paragraphs as one line break does.

// IsEdgeSpace reports whether r is trimmed from the ends of a line: white
// space, and the invisible marks that text copied from word processors
// carries at the edges of lines (direction marks, zero-width spaces and
// joiners, the byte-order mark, bidi embeddings and isolates).
func IsEdgeSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\v', '\f', '\r', '\n':
		return true
	case '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u2060', '\uFEFF',
		'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069':
		return true
	}
	return r >= utf8.RuneSelf && unicode.IsSpace(r)
}

// TrimLine returns the line s without the IsEdgeSpace characters at its
// two ends: the paragraph it holds, or "" for a blank line.
func TrimLine(s string) string {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if s == "" || !IsEdgeSpace(first) && !IsEdgeSpace(last) {
		return s // most lines: no need to walk them
	}
	return strings.TrimFunc(s, IsEdgeSpace)
}

// isLineEnd reports whether c ends a line.
func isLineEnd(c byte) bool { return c == '\n' || c == '\r' || c == '\v' || c == '\f' }

// Paragraphs splits text into its paragraphs: its lines, each trimmed
// (TrimLine), blank ones left out. A text of blank lines has none.
func Paragraphs(text string) []string {
	var out []string
	for len(text) > 0 {
		i := 0
		for i < len(text) && !isLineEnd(text[i]) {
			i++
		}
		if p := TrimLine(text[:i]); p != "" {
			out = append(out, p)
		}
		if i == len(text) {
			break
		}
		text = text[i+1:]
	}
	return out
}

// JoinParagraphs writes paragraphs as one text, one paragraph a line: the
// form of Article.Text.
func JoinParagraphs(paragraphs []string) string { return strings.Join(paragraphs, "\n") }

// NormalizeParagraphs returns text with its paragraphs (Paragraphs)
// separated by exactly one line feed, and nothing before the first or
// after the last: JoinParagraphs(Paragraphs(text)). It is how an
// amendment's wording is stored and diffed, and the form an article's text
// already has. A text already in that form is returned as it is.
func NormalizeParagraphs(text string) string {
	if isNormal(text) {
		return text
	}
	return JoinParagraphs(Paragraphs(text))
}

// isNormal reports whether text is already in the form NormalizeParagraphs
// gives, without allocating: no line end but single line feeds, and no
// blank line or edge space at either side of one.
func isNormal(text string) bool {
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) {
			c := text[i]
			if c == '\r' || c == '\v' || c == '\f' {
				return false
			}
			if c != '\n' {
				continue
			}
		}
		if line := text[start:i]; line == "" || TrimLine(line) != line {
			return false
		}
		start = i + 1
	}
	return true
}
