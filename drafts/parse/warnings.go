package parse

import (
	"fmt"
	"unicode/utf8"

	"statute/drafts"
)

// A Warning is a line of the document that looks like a heading but was
// read as text (a paragraph of an article, or a line of the title and
// preamble), so that an import can say so before anything is stored.
// Why is an English sentence that says what the line looked like and what
// to do; ID and Args are the message it was made from, for an interface
// that says it in its user's language.
//
// A Warning whose Line is 0 is a note on the file as a whole, from an
// importer that reads more than text: what a Word document holds that was
// left out, such as its tables. Text and Article are then empty.
type Warning struct {
	Line int    // 1-based, in the file as read; 0 for a note on the whole file
	Text string // the line as written, trimmed
	// Article is the key of the article whose text the line became, or ""
	// when it went to the title or preamble.
	Article string
	Why     string
	ID      string
	Args    []any
}

// String is the warning on one line: «line 14, in article 2: «* المادة 3»:
// this list item …»; a note on the whole file is its sentence alone.
func (w Warning) String() string {
	if w.Line == 0 {
		return w.Why
	}
	where := "in the title and preamble"
	if w.Article != "" {
		where = "in article " + w.Article
	}
	return fmt.Sprintf("line %d, %s: «%s»: %s", w.Line, where, w.Text, w.Why)
}

// The sentences of warnings.
var (
	msgWarnListItem = drafts.NewMessage("parse.warning.list-item",
		"this list item starts like the heading «%s», so it was read as text: if it is a heading, remove the list mark before it")
	msgWarnMarkdown = drafts.NewMessage("parse.warning.markdown-heading",
		"this Markdown heading is not an article or division heading, so it was read as text: if it starts an article, write «%s» and the article's number, such as «%s 12»")
	msgWarnNoSeparator = drafts.NewMessage("parse.warning.no-separator",
		"this line starts like the heading «%s» but goes on with no separator after the number, so it was read as text: if it starts that article, put «:» or «-» after the number")
	msgWarnOtherWord = drafts.NewMessage("parse.warning.other-word",
		"this line reads as the heading «%s», but this draft heads its articles with «%s», so it was read as text: if it starts an article, write «%s %s»")
	msgWarnRepeat = drafts.NewMessage("parse.warning.repeat",
		"this Markdown heading reads as «%s», but the draft already has an article %s (line %d), so it was read as text: renumber it if it is another article")
	msgWarnRoman = drafts.NewMessage("parse.warning.roman",
		"this line reads as the heading «%s», but article numbers in roman numerals are not read, so it was read as text: write «%s %s»")
)

func warn(l *line, article string, m drafts.Message, args ...any) Warning {
	return Warning{Line: l.no, Text: l.text, Article: article, Why: fmt.Sprintf(m.Format, args...), ID: m.ID, Args: args}
}

// A landing is a line read as text that scan found to look like a
// heading, and where it went: at is the index of the article whose text
// it became, or -1 for the title and preamble.
type landing struct {
	line int // index in the lines
	at   int
}

// warnings decides which of the lines that look like headings but were
// read as text are worth a warning, and says why. A line marked as a
// Markdown heading («#», «**») always is: the author meant a heading. A
// list item («* », «- », «1. ») or a plain line that starts with the article
// word and a number («المادة 9 تحدث …») is one only where an article seems
// to be missing: its number is no article's key, and lies between the
// numbers of the article it fell into and of the next one (or is the next
// number after the last). A line that refers to an article of the draft,
// or to one of another text, as «المادة 5 من القانون رقم 18.09 …» does,
// gets no warning.
func warnings(d *drafts.Draft, lines []line, landed []landing, word headingWord) []Warning {
	if len(landed) == 0 {
		return nil
	}
	keys := make(map[string]int, len(d.Articles))
	for i := range d.Articles {
		keys[d.Articles[i].Key] = d.Articles[i].Line
	}
	missing := func(key string, at int) bool {
		if _, ok := keys[key]; ok {
			return false
		}
		b, ok := base(key)
		if !ok {
			return false
		}
		lo := 0
		if at >= 0 {
			lo, _ = base(d.Articles[at].Key)
		}
		hi := lo + 1
		if at+1 < len(d.Articles) {
			if next, ok := base(d.Articles[at+1].Key); ok {
				hi = max(hi, next)
			}
		}
		return lo <= b && b <= hi
	}
	var ws []Warning
	for _, ld := range landed {
		l := &lines[ld.line]
		h := l.head
		article := ""
		if ld.at >= 0 {
			article = d.Articles[ld.at].Key
		}
		articleWord := h.word.kind != wordNone && (h.word.kind == word.kind || h.word.level == 0)
		marked := l.text != l.clean && !h.list
		switch {
		case h.list:
			if h.reach == reachHeading && h.word.level != 0 && h.word.kind != word.kind ||
				articleWord && h.reach >= reachNumber && !reference(h) && missing(h.num.key, ld.at) {
				ws = append(ws, warn(l, article, msgWarnListItem, h.lead))
			}
		case !articleWord || h.reach < reachNumber:
			// No article word and number: only a Markdown heading gets a
			// warning, and in the title and preamble, which take such
			// lines, only one that starts with a heading word.
			if l.text[0] == '#' && (ld.at >= 0 || h.reach >= reachWord) {
				ws = append(ws, warn(l, article, msgWarnMarkdown, word.display, word.display))
			}
		case !marked && (reference(h) || !missing(h.num.key, ld.at)):
			// A plain line that refers to an article, most likely.
		case h.reach == reachNumber:
			ws = append(ws, warn(l, article, msgWarnNoSeparator, h.lead))
		case h.num.roman:
			ws = append(ws, warn(l, article, msgWarnRoman, h.lead, word.display, h.num.key))
		case l.text[0] == '#' && h.word.kind != word.kind && keys[h.num.key] > 0:
			ws = append(ws, warn(l, article, msgWarnRepeat, h.lead, h.num.key, keys[h.num.key]))
		default:
			ws = append(ws, warn(l, article, msgWarnOtherWord, h.lead, word.display, word.display, h.num.raw))
		}
	}
	return ws
}

// referenceWords are the words that, after «المادة 5», make it a
// reference in a sentence rather than a heading: «المادة 5 من القانون»,
// «المادة 5 أعلاه», «l'article 5 de la loi», «articles 5 et 6» (folded).
var referenceWords = map[string]bool{
	"من": true, "في": true, "اعلاه": true, "ادناه": true, "المذكوره": true, "المشار": true,
	"السالفه": true, "السابقه": true, "بعده": true, "قبله": true, "و": true, "او": true,
	"الي": true, "حتي": true, "الفقره": true, "البند": true,
	"de": true, "du": true, "des": true, "d": true, "et": true, "ou": true, "a": true, "à": true,
	"ci": true, "precitee": true, "précitée": true, "susvisee": true, "susvisée": true,
	"alinea": true, "alinéa": true, "paragraphe": true,
}

// reference reports whether what follows the number of a line that reads
// as a heading only up to its number makes the line a sentence that
// refers to an article: a reference word, or a comma or semicolon.
func reference(h *heading) bool {
	if h.reach != reachNumber {
		return false
	}
	s := h.rest
	i := skipSpace(s, 0)
	r, _ := utf8.DecodeRuneInString(s[i:])
	switch r {
	case ',', '،', ';', '؛':
		return true
	}
	return referenceWords[fold(s[i:wordEnd(s, i)])]
}

// base is the leading number of an article key: 7 for "7", "7bis", "7-1".
func base(key string) (int, bool) {
	n, i := 0, 0
	for i < len(key) && key[i] >= '0' && key[i] <= '9' {
		n = n*10 + int(key[i]-'0')
		i++
	}
	return n, i > 0
}

// listItem returns what follows a list mark at the start of a cleaned
// line: «* », «- », «+ », «• », «1. », «1) », «١. », «أ) », «a) ».
func listItem(s string) (string, bool) {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '*', '-', '+', '•', '◦', '▪', '–', '—':
	default:
		i := 0
		for {
			if _, size := digitAt(s, i); size > 0 {
				i += size
				continue
			}
			break
		}
		if i == 0 {
			// One letter, then «)» or «.»: «أ)», «a.».
			if r == utf8.RuneError || wordEnd(s, 0) != n {
				return "", false
			}
			i = n
		}
		if i >= len(s) || s[i] != '.' && s[i] != ')' {
			return "", false
		}
		n = i + 1
	}
	if skipSpace(s, n) == n {
		return "", false
	}
	rest := stripMarkdown(trimSpace(s[n:]))
	return rest, rest != ""
}
