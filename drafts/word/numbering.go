package word

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"statute/drafts/arabic"
)

// A level is one level (w:lvl) of a list in numbering.xml.
type level struct {
	start   int
	format  string // w:numFmt: decimal, arabicAbjad, bullet…
	text    string // w:lvlText: «المادة %1:»
	restart int    // w:lvlRestart: restart after a use of a level above this one (1-based); -1 when not given
	suffix  string // w:suff: tab (the default), space or nothing
	legal   bool   // w:isLgl: every counter in decimal
}

// An abstractNum is a list's definition: its nine levels.
type abstractNum struct {
	levels    [9]*level
	styleLink string // w:numStyleLink: the levels are those of a numbering style's list
}

// A num is a list instance (the w:numId paragraphs name): its definition
// and the levels it overrides, such as a start again at 1.
type num struct {
	abstract string
	start    [9]int // w:startOverride + 1; 0 when not given
	levels   [9]*level
}

// numbering counts as Word does: the counters belong to the definition,
// which every list instance of it continues, unless an instance starts a
// level again (w:startOverride), which it does at its first paragraph.
type numbering struct {
	abstracts map[string]*abstractNum
	nums      map[string]*num
	styles    *styles
	counters  map[string]*counters
	restarted map[string]*[9]bool // by numId: the override was applied
}

type counters struct {
	n       [9]int
	started [9]bool
}

// readNumbering reads numbering.xml; a document without one numbers
// nothing.
func (a *archive) readNumbering(part string, st *styles) (*numbering, error) {
	nb := &numbering{
		abstracts: make(map[string]*abstractNum), nums: make(map[string]*num), styles: st,
		counters: make(map[string]*counters), restarted: make(map[string]*[9]bool),
	}
	err := a.definitions(part, func(w *walker, se xml.StartElement) error {
		switch {
		case isW(se.Name, "abstractNum"):
			an := &abstractNum{}
			nb.abstracts[attr(se, "abstractNumId")] = an
			return w.within(func(se xml.StartElement) error {
				switch {
				case isW(se.Name, "lvl"):
					i := clampLevel(attr(se, "ilvl"))
					lv, err := w.level()
					an.levels[i] = lv
					return err
				case isW(se.Name, "numStyleLink"):
					an.styleLink = val(se)
				}
				return w.skip()
			})
		case isW(se.Name, "num"):
			n := &num{}
			nb.nums[attr(se, "numId")] = n
			return w.within(func(se xml.StartElement) error {
				switch {
				case isW(se.Name, "abstractNumId"):
					n.abstract = val(se)
				case isW(se.Name, "lvlOverride"):
					i := clampLevel(attr(se, "ilvl"))
					return w.within(func(se xml.StartElement) error {
						switch {
						case isW(se.Name, "startOverride"):
							n.start[i] = number(val(se)) + 1
						case isW(se.Name, "lvl"):
							lv, err := w.level()
							n.levels[i] = lv
							return err
						}
						return w.skip()
					})
				}
				return w.skip()
			})
		}
		return w.skip()
	})
	return nb, err
}

// level reads a w:lvl whose start was just read.
func (w *walker) level() (*level, error) {
	lv := &level{restart: -1, format: "decimal"}
	err := w.within(func(se xml.StartElement) error {
		switch {
		case isW(se.Name, "start"):
			lv.start = number(val(se))
		case isW(se.Name, "numFmt"):
			lv.format = val(se)
		case isW(se.Name, "lvlText"):
			lv.text = val(se)
		case isW(se.Name, "lvlRestart"):
			lv.restart = number(val(se))
		case isW(se.Name, "suff"):
			lv.suffix = val(se)
		case isW(se.Name, "isLgl"):
			lv.legal = on(se)
		}
		return w.skip()
	})
	return lv, err
}

// maxCounter bounds a counter's start: a file may say anything.
const maxCounter = 1_000_000

func number(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return min(n, maxCounter)
}

// definition is the list definition a list instance counts in, following
// a numbering style's link once.
func (nb *numbering) definition(n *num) (string, *abstractNum) {
	id := n.abstract
	an := nb.abstracts[id]
	if an != nil && an.styleLink != "" {
		if st := nb.styles.byID[an.styleLink]; st != nil && st.num.set {
			if linked := nb.nums[st.num.id]; linked != nil && linked != n && nb.abstracts[linked.abstract] != nil {
				id = linked.abstract
				an = nb.abstracts[id]
			}
		}
	}
	return id, an
}

// label counts a numbered paragraph and returns its text with the number
// Word shows in front of it («المادة 3: مهام الغرفة»); the text alone for
// a list that is not defined. Word puts a tab or a space between a number
// and the text, which reads as a heading's separator where the number is
// a heading's («المادة %1» then the article's title): there the text
// follows after «: ».
func (nb *numbering) label(ref numRef, text string) string {
	n := nb.nums[ref.id]
	if n == nil {
		return text
	}
	id, an := nb.definition(n)
	if an == nil {
		return text
	}
	levelOf := func(i int) *level {
		if n.levels[i] != nil {
			return n.levels[i]
		}
		if an.levels[i] != nil {
			return an.levels[i]
		}
		return &level{format: "decimal", restart: -1}
	}
	c := nb.counters[id]
	if c == nil {
		c = &counters{}
		nb.counters[id] = c
	}
	done := nb.restarted[ref.id]
	if done == nil {
		done = &[9]bool{}
		nb.restarted[ref.id] = done
	}
	i := ref.level
	lv := levelOf(i)
	switch {
	case n.start[i] > 0 && !done[i]:
		done[i] = true
		c.n[i], c.started[i] = n.start[i]-1, true
	case !c.started[i]:
		c.n[i], c.started[i] = lv.start, true
	default:
		c.n[i]++
	}
	for k := i + 1; k < len(c.n); k++ {
		threshold := k
		if r := levelOf(k).restart; r >= 0 {
			threshold = r
		}
		if i < threshold {
			c.started[k] = false
		}
	}
	if lv.format == "bullet" {
		if strings.TrimSpace(text) == "" {
			return text
		}
		return "- " + text
	}
	var b strings.Builder
	t := lv.text
	for j := 0; j < len(t); j++ {
		if t[j] == '%' && j+1 < len(t) && t[j+1] >= '1' && t[j+1] <= '9' {
			k := int(t[j+1] - '1')
			lk := levelOf(k)
			v := lk.start
			if c.started[k] {
				v = c.n[k]
			}
			format := lk.format
			if lv.legal {
				format = "decimal"
			}
			b.WriteString(formatNumber(v, format, t))
			j++
			continue
		}
		b.WriteByte(t[j])
	}
	label := b.String()
	switch {
	case label == "":
		return text
	case lv.suffix == "nothing" || text == "":
		return label + text
	case namesHeading(label):
		return label + ": " + strings.TrimLeft(text, " \t")
	}
	return label + " " + text
}

// namesHeading reports whether a number Word generates reads as a
// heading's: a word, then a number with no separator after it
// («المادة 3», "Article 3"), unlike a list's «1.» or «أ)».
func namesHeading(label string) bool {
	last, _ := utf8.DecodeLastRuneInString(label)
	return strings.IndexFunc(label, unicode.IsSpace) > 0 && (unicode.IsLetter(last) || unicode.IsDigit(last))
}

// formatNumber writes a counter as a level's format says; levelText, the
// level's text, tells Arabic ordinal words apart in gender («المادة
// الأولى», «الفصل الأول»). A format the reader does not know, and a value
// a format cannot write, come out in decimal.
func formatNumber(v int, format, levelText string) string {
	switch format {
	case "none":
		return ""
	case "decimalZero":
		if v >= 0 && v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "upperRoman", "lowerRoman":
		if r := roman(v); r != "" {
			if format == "lowerRoman" {
				return strings.ToLower(r)
			}
			return r
		}
	case "upperLetter", "lowerLetter":
		if v >= 1 && v <= 26*30 {
			c := byte('A')
			if format == "lowerLetter" {
				c = 'a'
			}
			return strings.Repeat(string(rune(c+byte((v-1)%26))), (v-1)/26+1)
		}
	case "arabicAbjad", "arabicAlpha":
		letters := abjad
		if format == "arabicAlpha" {
			letters = alphabet
		}
		if v >= 1 && v <= len(letters) {
			return string(letters[v-1])
		}
	case "hindiNumbers":
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return arabic.EasternDigit(int(r - '0'))
			}
			return r
		}, strconv.Itoa(v))
	case "ordinalText", "cardinalText":
		if hasArabic(levelText) {
			if w := ordinalWords(v, masculine(levelText)); w != "" {
				return w
			}
		}
	}
	return strconv.Itoa(v)
}

// The letters Word counts with in arabicAbjad (أبجد هوز…) and arabicAlpha
// (أ ب ت ث…) lists.
var (
	abjad    = []rune("أبجدهوزحطيكلمنسعفصقرشتثخذضظغ")
	alphabet = []rune("أبتثجحخدذرزسشصضطظعغفقكلمنهوي")
)

func roman(v int) string {
	if v < 1 || v > 3999 {
		return ""
	}
	var b strings.Builder
	for _, p := range []struct {
		n int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for v >= p.n {
			b.WriteString(p.s)
			v -= p.n
		}
	}
	return b.String()
}

func hasArabic(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= 0x0600 && r <= 0x06FF }) >= 0
}

// masculine reports whether a level's text numbers a masculine noun: the
// divisions («الباب», «الفصل», «الكتاب», «القسم», «الفرع»); «المادة» is
// feminine.
func masculine(levelText string) bool {
	for _, w := range []string{"باب", "فصل", "كتاب", "قسم", "فرع"} {
		if strings.Contains(levelText, w) {
			return true
		}
	}
	return false
}

// ordinalWords writes 1 to 99 as an Arabic ordinal, as headings number
// articles («الأولى», «الحادية عشرة», «الثانية والعشرون») or divisions
// («الأول», «الحادي عشر»); "" beyond.
func ordinalWords(v int, masc bool) string {
	units := [...]string{"", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة"}
	eleven, teen := "الحادية", " عشرة"
	if masc {
		units = [...]string{"", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"}
		eleven, teen = "الحادي", " عشر"
	}
	tens := [...]string{"", "", "العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون", "التسعون"}
	switch {
	case v < 1 || v > 99:
		return ""
	case v <= 10:
		return units[v]
	case v == 11:
		return eleven + teen
	case v < 20:
		return units[v-10] + teen
	case v%10 == 0:
		return tens[v/10]
	case v%10 == 1:
		return eleven + " و" + tens[v/10]
	}
	return units[v%10] + " و" + tens[v/10]
}
