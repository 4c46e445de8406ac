package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"statute/drafts"
	"statute/drafts/arabic"
)

// wordKind tells heading words apart. Only the kinds that can mark an
// article are counted when the document's article word is detected.
type wordKind uint8

const (
	wordNone     wordKind = iota
	wordMadda             // المادة
	wordArticle           // Article
	wordFasl              // الفصل: a chapter, or an article in older dahirs
	wordCustom            // Options.ArticleWord
	wordDivision          // any other division word
	wordKinds
)

// A headingWord is a word that starts a heading line.
type headingWord struct {
	kind    wordKind
	level   drafts.Level // the division it heads, if it can head one
	display string       // how Draft.ArticleWord spells it
}

func (w headingWord) articleCandidate() bool {
	return w.kind != wordNone && w.kind != wordDivision
}

// knownWords maps folded heading words (see fold) to what they head.
var knownWords = map[string]headingWord{
	"الماده":   {kind: wordMadda, display: "المادة"},
	"ماده":     {kind: wordMadda, display: "المادة"},
	"article":  {kind: wordArticle, display: "Article"},
	"art":      {kind: wordArticle, display: "Article"},
	"الفصل":    {kind: wordFasl, level: drafts.Chapter, display: "الفصل"},
	"الكتاب":   {kind: wordDivision, level: drafts.Book},
	"القسم":    {kind: wordDivision, level: drafts.Part},
	"الباب":    {kind: wordDivision, level: drafts.Title},
	"الفرع":    {kind: wordDivision, level: drafts.Section},
	"livre":    {kind: wordDivision, level: drafts.Book},
	"partie":   {kind: wordDivision, level: drafts.Part},
	"titre":    {kind: wordDivision, level: drafts.Title},
	"chapitre": {kind: wordDivision, level: drafts.Chapter},
	"section":  {kind: wordDivision, level: drafts.Section},
}

// articleWordOption reads Options.ArticleWord.
func articleWordOption(s string) (headingWord, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return headingWord{}, nil
	}
	if !utf8.ValidString(s) || strings.IndexFunc(s, isSpace) >= 0 || len(s) > 40 {
		return headingWord{}, drafts.Errorf(drafts.Invalid, "the article word %q is not one word: give the single word that starts each article heading, such as المادة, الفصل or Article", s)
	}
	f := fold(strings.TrimSuffix(s, "."))
	if w, ok := knownWords[f]; ok && w.kind != wordDivision {
		return w, nil
	}
	if f == "" || strings.IndexFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return headingWord{}, drafts.Errorf(drafts.Invalid, "the article word %q is not a word: give the word that starts each article heading, such as المادة, الفصل or Article", s)
	}
	return headingWord{kind: wordCustom, display: s}, nil
}

// fold maps a word to the form heading words and numbers are compared in:
// arabic.Fold, and taa marbuta read as haa («الثانيه» is a common typing).
func fold(s string) string {
	f := arabic.Fold(s)
	if strings.IndexRune(f, 'ة') >= 0 {
		f = strings.ReplaceAll(f, "ة", "ه")
	}
	return f
}

// readHeading reads a cleaned line as a heading. It returns the heading
// word, its number and the text after the separator, or a zero word if the
// line is not a heading.
func readHeading(s string, forced headingWord) (headingWord, number, string) {
	w, n, rest, r := readLine(s, forced)
	if r != reachHeading {
		return headingWord{}, number{}, ""
	}
	return w, n, rest
}

// A reach says how far the start of a line reads as a heading: the lines
// that fall short after a heading word and a number are the ones a person
// may have meant as headings.
type reach uint8

const (
	reachNone    reach = iota // no heading word
	reachWord                 // a heading word, then no number
	reachNumber               // a heading word and a number, then more than a heading holds
	reachHeading              // a heading
)

// readLine reads a cleaned line as readHeading does, and says how far it
// read: the word is returned from reachWord on, the number from
// reachNumber on. The rest is what follows the separator for
// reachHeading, and what follows the number for reachNumber.
func readLine(s string, forced headingWord) (headingWord, number, string, reach) {
	end := wordEnd(s, 0)
	if end == 0 || end > 40 || forced.kind != wordCustom && !mayStartHeadingWord(s) {
		return headingWord{}, number{}, "", reachNone
	}
	if forced.kind != wordCustom && s[0] >= utf8.RuneSelf {
		// The Arabic heading words have four to six letters; counting
		// them spares the many other words that start with «ال» a fold.
		if n := letterCount(s[:end]); n < 4 || n > 6 {
			return headingWord{}, number{}, "", reachNone
		}
	}
	f := fold(s[:end])
	w, ok := knownWords[f]
	if forced.kind == wordCustom && f == fold(forced.display) {
		w, ok = forced, true
	}
	if !ok {
		return headingWord{}, number{}, "", reachNone
	}
	if f == "art" && end < len(s) && s[end] == '.' {
		end++
	}
	n, ok := readNumber(s, end)
	if !ok {
		return w, number{}, "", reachWord
	}
	rest, ok := afterNumber(s, n.end)
	if !ok {
		return w, n, s[n.end:], reachNumber
	}
	if rest != "" && !isTitle(rest, maxArticleTitleWords) && !standsAlone(rest, forced) {
		// The text after the separator would be an article's first
		// paragraph, but on a line of its own it would read as a heading
		// or as nothing: «Art. 1 – Art. 2.». Such a line is text.
		return w, n, s[n.end:], reachNumber
	}
	return w, n, rest, reachHeading
}

// standsAlone reports whether s, on a line of its own, reads as a line of
// text.
func standsAlone(s string, forced headingWord) bool {
	if isRule(s) {
		return false
	}
	c := stripMarkdown(s)
	if c == "" {
		return false
	}
	w, _, _ := readHeading(c, forced)
	return w.kind == wordNone
}

// mayStartHeadingWord is a cheap test on the first letter of a line, which
// spares most lines of text the folding of their first word: the known
// heading words start with an alef («ال…»), a mim («مادة») or one of the
// first letters of the French words.
func mayStartHeadingWord(s string) bool {
	if c := s[0] | 0x20; c < utf8.RuneSelf {
		return c == 'a' || c == 'l' || c == 'p' || c == 't' || c == 'c' || c == 's'
	}
	r, n := utf8.DecodeRuneInString(s)
	if r == 'م' {
		return true
	}
	if r != 'ا' && r != 'أ' && r != 'إ' && r != 'آ' && r != 'ٱ' {
		return false
	}
	// Most lines of Arabic text start with the article «ال» too: the
	// letter after it (الماده، الفصل، الفرع، الكتاب، القسم، الباب) tells.
	i := skipMarks(s, n)
	if r, n = utf8.DecodeRuneInString(s[i:]); r != 'ل' {
		return false
	}
	r, _ = utf8.DecodeRuneInString(s[skipMarks(s, i+n):])
	return r == 'م' || r == 'ف' || r == 'ك' || r == 'ق' || r == 'ب'
}

// letterCount counts the runes of a word that are not harakat or tatweel.
func letterCount(word string) int {
	n := 0
	for _, r := range word {
		if r != arabic.Tatweel && !arabic.IsHaraka(r) {
			n++
		}
	}
	return n
}

// skipMarks skips the harakat and tatweel at s[i:].
func skipMarks(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != arabic.Tatweel && !arabic.IsHaraka(r) {
			return i
		}
		i += n
	}
	return i
}

// afterNumber checks that only the end of the line or a separator follows a
// heading's number, and returns what follows the separator.
func afterNumber(s string, i int) (string, bool) {
	i = skipSpace(s, i)
	if i == len(s) {
		return "", true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	if !isSeparator(r) {
		return "", false
	}
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isSeparator(r) && !isSpace(r) {
			break
		}
		i += n
	}
	return s[i:], true
}

// A number is an article's or division's number as read from text.
type number struct {
	raw   string // as written: «الحادية عشرة», «2 مكررة»
	key   string // normalized: "11", "2bis"
	roman bool   // written in roman numerals, which only divisions use
	end   int    // byte offset after the number
}

// Ordinals in words, folded. Compound-only units (الحادية) make 11, 21…
var (
	units = map[string]int{
		"الاولي": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5,
		"السادسه": 6, "السابعه": 7, "الثامنه": 8, "التاسعه": 9, "العاشره": 10,
		"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5,
		"السادس": 6, "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10,
	}
	compoundUnits = map[string]int{"الحاديه": 1, "الحادي": 1}
	tens          = map[string]int{
		"العشرون": 20, "العشرين": 20, "الثلاثون": 30, "الثلاثين": 30,
		"الاربعون": 40, "الاربعين": 40, "الخمسون": 50, "الخمسين": 50,
		"الستون": 60, "الستين": 60, "السبعون": 70, "السبعين": 70,
		"الثمانون": 80, "الثمانين": 80, "التسعون": 90, "التسعين": 90,
		"المائه": 100, "المئه": 100,
	}
	// Words that mean "first" or "the only one".
	firstWords = map[string]bool{
		"premier": true, "premiere": true, "première": true, "unique": true,
		"فريده": true, "الفريده": true, "الوحيده": true,
	}
	latinSuffixes = map[string]bool{
		"bis": true, "ter": true, "quater": true, "quinquies": true, "sexies": true,
		"septies": true, "octies": true, "novies": true, "nonies": true, "decies": true,
	}
	// The Latin suffix for «مكرر N مرات»: N repetitions make the (N+1)th.
	timesSuffixes = map[string]string{
		"ثلاث": "quater", "ثلاثه": "quater", "اربع": "quinquies", "اربعه": "quinquies",
		"خمس": "sexies", "خمسه": "sexies", "ست": "septies", "سته": "septies",
	}
	ordinalSuffixes = map[string]bool{"er": true, "re": true, "ere": true, "ère": true}
)

// readNumber reads an article or division number starting at s[i:] (after
// spaces). Divisions may use roman numerals; the caller checks roman.
func readNumber(s string, i int) (number, bool) {
	start := skipSpace(s, i)
	j := start
	var key strings.Builder
	n := number{}
	if _, size := digitAt(s, j); size > 0 {
		if j = readDigits(s, j, &key); j < 0 {
			return number{}, false
		}
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if r != '-' && r != '.' && r != '‐' && r != '‑' && r != '–' {
				break
			}
			if _, ds := digitAt(s, j+size); ds == 0 {
				break
			}
			if r == '.' {
				key.WriteByte('.')
			} else {
				key.WriteByte('-')
			}
			if j = readDigits(s, j+size, &key); j < 0 {
				return number{}, false
			}
		}
		// «1er», «1re»: "first" with the digit
		if e := wordEnd(s, j); e > j && ordinalSuffixes[fold(s[j:e])] {
			if key.String() != "1" {
				return number{}, false
			}
			j = e
		}
	} else {
		e := wordEnd(s, j)
		if e == j {
			return number{}, false
		}
		w := fold(s[j:e])
		switch {
		case firstWords[w]:
			key.WriteByte('1')
			j = e
		default:
			v, end, ok := readOrdinal(s, j)
			if !ok {
				v, ok = readRoman(s[j:e])
				if !ok {
					return number{}, false
				}
				n.roman = true
				end = e
			}
			key.WriteString(itoa(v))
			j = end
		}
	}
	// A letter right after the number must be a suffix («2bis», «2مكررة»).
	attached := wordEnd(s, j) > j
	if e, suffix := readSuffix(s, j); suffix != "" {
		key.WriteString(suffix)
		j = e
	} else if attached {
		return number{}, false
	}
	n.raw = s[start:j]
	n.key = key.String()
	n.end = j
	return n, true
}

// readSuffix reads «مكرر(ة)», «مكرر مرتين», «مكرر ثلاث مرات» or a Latin
// bis, ter… after a number, returning the end and the Latin suffix.
func readSuffix(s string, i int) (int, string) {
	k := skipSpace(s, i)
	e := wordEnd(s, k)
	if e == k {
		return i, ""
	}
	w := fold(s[k:e])
	if latinSuffixes[w] {
		return e, w
	}
	if w != "مكرر" && w != "مكرره" {
		return i, ""
	}
	k2 := skipSpace(s, e)
	e2 := wordEnd(s, k2)
	w2 := fold(s[k2:e2])
	if w2 == "مرتين" {
		return e2, "ter"
	}
	if suffix, ok := timesSuffixes[w2]; ok {
		k3 := skipSpace(s, e2)
		e3 := wordEnd(s, k3)
		if fold(s[k3:e3]) == "مرات" {
			return e3, suffix
		}
	}
	return e, "bis"
}

// readOrdinal reads an Arabic ordinal in words, of one to three words:
// «الأولى», «الحادية عشرة», «الثانية والعشرون», «الثانية و العشرون».
func readOrdinal(s string, i int) (int, int, bool) {
	e1 := wordEnd(s, i)
	w1 := fold(s[i:e1])
	if t, ok := tens[w1]; ok {
		return t, e1, true
	}
	u, unit := units[w1]
	cu, compound := compoundUnits[w1]
	if !unit && !compound {
		return 0, 0, false
	}
	if compound {
		u = cu
	}
	k := skipSpace(s, e1)
	e2 := wordEnd(s, k)
	w2 := fold(s[k:e2])
	if u < 10 {
		if w2 == "عشر" || w2 == "عشره" {
			return 10 + u, e2, true
		}
		if rest, ok := strings.CutPrefix(w2, "و"); ok {
			if rest == "" {
				k3 := skipSpace(s, e2)
				e3 := wordEnd(s, k3)
				if t, ok := tens[fold(s[k3:e3])]; ok && t < 100 {
					return t + u, e3, true
				}
			} else if t, ok := tens[rest]; ok && t < 100 {
				return t + u, e2, true
			}
		}
	}
	if compound {
		return 0, 0, false
	}
	return u, e1, true
}

// readRoman reads a roman numeral in canonical form, such as "IV" or
// "Ier", up to 3999.
func readRoman(w string) (int, bool) {
	upper := strings.ToUpper(w)
	if u, ok := strings.CutSuffix(upper, "ER"); ok && u == "I" {
		return 1, true
	}
	if u, ok := strings.CutSuffix(upper, "RE"); ok && u == "I" {
		return 1, true
	}
	total := 0
	for i := 0; i < len(upper); i++ {
		v := romanValue(upper[i])
		if v == 0 {
			return 0, false
		}
		if i+1 < len(upper) && romanValue(upper[i+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total > 3999 || toRoman(total) != upper {
		return 0, false
	}
	return total, true
}

func romanValue(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	case 'D':
		return 500
	case 'M':
		return 1000
	}
	return 0
}

func toRoman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// maxDigits bounds the digits of one part of a number: no statute has a
// millionth article, and a longer run is a figure, not an article number.
const maxDigits = 6

// readDigits appends the run of digits at s[i:] to key in Western digits
// without leading zeros, and returns its end, or -1 if the run is longer
// than maxDigits.
func readDigits(s string, i int, key *strings.Builder) int {
	leading := true
	for n := 0; ; n++ {
		d, size := digitAt(s, i)
		if size == 0 {
			break
		}
		if n == maxDigits {
			return -1
		}
		i += size
		if leading && d == '0' {
			continue
		}
		leading = false
		key.WriteByte(d)
	}
	if leading {
		key.WriteByte('0')
	}
	return i
}

// digitAt returns the Western form of the digit at s[i:] and its size, or a
// zero size.
func digitAt(s string, i int) (byte, int) {
	if i >= len(s) {
		return 0, 0
	}
	if c := s[i]; c >= '0' && c <= '9' {
		return c, 1
	} else if c < utf8.RuneSelf {
		return 0, 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if d, ok := arabic.DigitValue(r); ok {
		return byte('0' + d), size
	}
	return 0, 0
}

// wordEnd returns the end of the run of letters (and the marks and tatweel
// that go with them) starting at s[i:].
func wordEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x0621 && r <= 0x064A || r == arabic.Tatweel || arabic.IsHaraka(r) || unicode.IsLetter(r) || unicode.IsMark(r) {
			i += size
			continue
		}
		return i
	}
	return i
}

// isSeparator reports whether r may separate a heading's number from its
// title.
func isSeparator(r rune) bool {
	switch r {
	case ':', '：', '-', '‐', '‑', '–', '—', '−', '.':
		return true
	}
	return false
}

// isSpace reports whether r is white space or an invisible mark that text
// copied from word processors carries at the edges of lines: what a
// paragraph is trimmed of (drafts.IsEdgeSpace).
func isSpace(r rune) bool { return drafts.IsEdgeSpace(r) }

// trimSpace trims a line as a paragraph is trimmed (drafts.TrimLine).
func trimSpace(s string) string { return drafts.TrimLine(s) }

func skipSpace(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\v' && c != '\f' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// stripMarkdown removes the Markdown markup that may wrap a heading or a
// title: a «#» prefix and «**bold**» (or «__bold__» when the line starts
// with it). The result is stable: stripping it again changes nothing, even
// behind a new «# ».
func stripMarkdown(s string) string {
	for {
		prev := s
		if strings.HasPrefix(s, "#") {
			s = trimSpace(strings.TrimLeft(s, "#"))
		}
		if strings.Contains(s, "**") {
			s = trimSpace(strings.ReplaceAll(s, "**", ""))
		}
		if strings.HasPrefix(s, "__") {
			s = trimSpace(strings.ReplaceAll(s, "__", ""))
		}
		if s == prev {
			return s
		}
	}
}

// isRule reports whether a line is a Markdown thematic break («---»,
// «***», «___»), which separates nothing in a draft.
func isRule(s string) bool {
	var mark rune
	n := 0
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t':
		case (r == '-' || r == '*' || r == '_') && (mark == 0 || r == mark):
			mark = r
			n++
		default:
			return false
		}
	}
	return n >= 3
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return string(b[i:])
}
