package rtl_test

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"statute/ui/rtl"
)

const (
	lro = "\u202D"
	pdf = "\u202C"
)

// fakeMeasure draws every character 10 units wide, except combining marks
// and direction controls, which take no room, as in a real font.
func fakeMeasure(s string) float32 {
	var w float32
	for _, r := range s {
		if unicode.In(r, unicode.Mn, unicode.Me) || r == '\u202D' || r == '\u202C' || r == '\u200F' || r == '\u200E' {
			continue
		}
		w += 10
	}
	return w
}

// countingMeasure wraps fakeMeasure and records how often each string was
// measured.
type countingMeasure map[string]int

func (c countingMeasure) measure(s string) float32 {
	c[s]++
	return fakeMeasure(s)
}

// layoutOne lays the whole paragraph out on one line.
func layoutOne(text string, dir rtl.Direction) rtl.Line {
	lines := rtl.Layout(text, dir, 1e9, fakeMeasure)
	return lines[0]
}

// visible strips the override pair, for messages.
func visible(s string) string {
	return strings.NewReplacer(lro, "⟨LRO⟩", pdf, "⟨PDF⟩").Replace(s)
}

// runeLen counts characters for expectations written in characters.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
