package pdftext

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"statute/drafts/arabic"
)

// A Report says what Repair found in a PDF's text and what it changed.
type Report struct {
	// Pages is the number of pages read; Letters the letters on them.
	Pages, Letters int
	// Removed lists the page headers, footers and page numbers removed,
	// each once, as read.
	Removed []string
	// Reversed, when not "", is a word that shows the text came out in
	// visual order (its letters reversed).
	Reversed string
	// LamAlef counts the words whose lam-alef was put back in order;
	// Joined the words put back together (a space read inside a word, or
	// a word broken across two lines).
	LamAlef, Joined int
}

// Scanned reports whether the pages hold too little text to be a draft's:
// fewer than 40 letters a page, as a scanned document's pictures give.
func (r Report) Scanned() bool { return r.Pages > 0 && r.Letters < 40*r.Pages }

// The embedding and direction marks pdftotext wraps runs in.
const (
	lre = '\u202A'
	rle = '\u202B'
	pdf = '\u202C'
	lro = '\u202D'
	rlo = '\u202E'
	lrm = '\u200E'
	rlm = '\u200F'
)

// A line is one printed line: its text in reading order, and its left
// and right edges in pdftotext's -layout columns.
type line struct {
	text        string
	left, right int
	rtl         bool
}

// Repair turns what pdftotext -layout wrote (pages separated by form
// feeds) into a draft's text, one paragraph a line, and reports what it
// found and did (see the package's notes). It is a pure function of its
// input.
func Repair(raw string) (string, Report) {
	var rep Report
	pages := strings.Split(raw, "\f")
	if len(pages) > 1 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1] // pdftotext ends every page with \f
	}
	rep.Pages = len(pages)
	doc := make([][]line, len(pages))
	for i, p := range pages {
		for _, s := range strings.Split(p, "\n") {
			if l := readLine(s); l.text != "" {
				doc[i] = append(doc[i], l)
			}
		}
	}
	removeRunning(doc, &rep)
	words := lexicon(doc)
	for _, p := range doc {
		for _, l := range p {
			for _, r := range l.text {
				if unicode.IsLetter(r) {
					rep.Letters++
				}
			}
		}
	}
	rep.Reversed = reversed(doc)
	var out strings.Builder
	for _, para := range paragraphs(doc, words, &rep) {
		para = joinSplitWords(para, words, &rep)
		para = repairLamAlef(para, words, &rep)
		out.WriteString(para)
		out.WriteByte('\n')
	}
	return out.String(), rep
}

// readLine reads one line of pdftotext's output: its indentation, then
// its text with the embedded runs put in reading order, presentation
// forms folded, harakat put back on their letters, and spaces squeezed.
func readLine(s string) line {
	s = strings.TrimRight(s, " \t\r")
	var l line
	for _, r := range s {
		if r == ' ' {
			l.left++
		} else if !isMark(r) {
			break
		}
	}
	for _, r := range s {
		if r == rle || r == rlo || arabic.IsArabicLetter(r) {
			l.rtl = true
			break
		}
		if r == lre || r == lro || unicode.IsLetter(r) {
			break
		}
	}
	text := arabic.Normalize(unembed(s))
	l.right = l.left + utf8.RuneCountInString(strings.TrimSpace(stripMarks(s)))
	l.text = strings.Join(strings.Fields(reattachHarakat(text)), " ")
	return l
}

func isMark(r rune) bool { return (r >= lre && r <= rlo) || r == lrm || r == rlm }

func stripMarks(s string) string {
	return strings.Map(func(r rune) rune {
		if isMark(r) {
			return -1
		}
		return r
	}, s)
}

// unembed removes the embedding marks of s, first putting each
// left-to-right run embedded in right-to-left text in reading order:
// pdftotext writes such a run as it is drawn, left to right, so that in
// «رقم ⟨LRE⟩ 1.11.91⟨PDF⟩بتاريخ» the space that follows the number
// comes before it.
func unembed(s string) string {
	rs := []rune(s)
	var (
		b     strings.Builder
		stack []rune
	)
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; r {
		case lre, lro:
			if n := len(stack); n > 0 && (stack[n-1] == rle || stack[n-1] == rlo) {
				j, depth := i+1, 1
				for ; j < len(rs); j++ {
					if rs[j] == lre || rs[j] == lro || rs[j] == rle || rs[j] == rlo {
						depth++
					} else if rs[j] == pdf {
						if depth--; depth == 0 {
							break
						}
					}
				}
				b.WriteString(readingOrder([]rune(stripMarks(string(rs[i+1 : min(j, len(rs))])))))
				i = j
				continue
			}
			stack = append(stack, r)
		case rle, rlo:
			stack = append(stack, r)
		case pdf:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case lrm, rlm:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// readingOrder puts a left-to-right run drawn inside right-to-left text
// in reading order: its pieces read from right to left, each number
// («1.11.91», «50.17», «2011») and each Latin phrase («Chambre
// d'artisanat») kept as it is written.
func readingOrder(rs []rune) string {
	var pieces []string
	for i := 0; i < len(rs); {
		j := i + 1
		switch {
		case isDigit(rs[i]):
			for j < len(rs) && (isDigit(rs[j]) || (strings.ContainsRune(".,/:٫٬", rs[j]) && j+1 < len(rs) && isDigit(rs[j+1]))) {
				j++
			}
		case unicode.Is(unicode.Latin, rs[i]):
			last := i
			for k := i + 1; k < len(rs); k++ {
				if unicode.Is(unicode.Latin, rs[k]) || isDigit(rs[k]) || unicode.Is(unicode.Mn, rs[k]) {
					last = k
				} else if !strings.ContainsRune(" '’-.,&/", rs[k]) {
					break
				}
			}
			j = last + 1
		}
		pieces = append(pieces, string(rs[i:j]))
		i = j
	}
	slices.Reverse(pieces)
	return strings.Join(pieces, "")
}

func isDigit(r rune) bool {
	_, ok := arabic.DigitValue(r)
	return ok
}

// reattachHarakat removes a space read between a letter and the haraka
// that follows it («تُحد َث» → «تُحدَث»): a word never starts with a
// haraka.
func reattachHarakat(s string) string {
	if !strings.ContainsFunc(s, arabic.IsHaraka) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && arabic.IsHaraka(rs[i+1]) &&
			(arabic.IsArabicLetter(rs[i-1]) || arabic.IsHaraka(rs[i-1])) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// pageNumber matches a line that is a page number alone: «3», «- 3 -»,
// «٣», «صفحة 3», «الصفحة 3 من 12», «Page 3 of 12», «3/12».
var pageNumber = regexp.MustCompile(`(?i)^[\s\-–—−_.|•·*()\[\]]*(?:(?:page|p\.|صفحة|الصفحة|ص)\s*)?[0-9٠-٩۰-۹]{1,4}(?:\s*(?:/|من|sur|of|de)\s*[0-9٠-٩۰-۹]{1,4})?[\s\-–—−_.|•·*()\[\]]*$`)

// removeRunning removes page headers and footers: among the first two and
// the last two lines of each page, a line that is a page number alone,
// and a line found there on at least half of the pages (two at least),
// once a page, so that a title printed under a header of the same words
// stays.
func removeRunning(doc [][]line, rep *Report) {
	const zone = 2
	edges := func(p []line) []int {
		var idx []int
		for i := range p {
			if i < zone || i >= len(p)-zone {
				idx = append(idx, i)
			}
		}
		return idx
	}
	count := map[string]int{}
	for _, p := range doc {
		seen := map[string]bool{}
		for _, i := range edges(p) {
			if t := p[i].text; !seen[t] {
				seen[t] = true
				count[t]++
			}
		}
	}
	running := max(2, (len(doc)+1)/2)
	for pi, p := range doc {
		removed := map[string]bool{}
		var keep []line
		edge := edges(p)
		for i, l := range p {
			if slices.Contains(edge, i) && !removed[l.text] && (pageNumber.MatchString(l.text) || count[l.text] >= running) {
				removed[l.text] = true
				if !slices.Contains(rep.Removed, l.text) {
					rep.Removed = append(rep.Removed, l.text)
				}
				continue
			}
			keep = append(keep, l)
		}
		doc[pi] = keep
	}
}

// lexicon counts the words of the text (its letters only, without the
// punctuation around them), for telling a whole word from a piece of one.
// The two sides of a space that may have been read inside a word
// (splitAt) are not counted: they are what the lexicon must judge.
func lexicon(doc [][]line) map[string]int {
	words := map[string]int{}
	for _, p := range doc {
		for _, l := range p {
			toks := strings.Fields(l.text)
			for i, f := range toks {
				if (i+1 < len(toks) && splitAt(f, toks[i+1])) || (i > 0 && splitAt(toks[i-1], f)) {
					continue
				}
				if w := bare(f); w != "" {
					words[w]++
				}
			}
		}
	}
	return words
}

// splitAt reports whether the space between the tokens a and b may have
// been read inside a word: a ends with a letter that does not join the
// next and b starts with ي (see joinSplitWords).
func splitAt(a, b string) bool {
	return strings.HasPrefix(b, "ي") && a != "" && a == bare(a) && strings.Contains(nonJoining, lastRune(a))
}

// bare is a token without the punctuation around it.
func bare(tok string) string {
	return strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && !isDigit(r) })
}

// reversed returns a word that shows the text reads in visual order, or
// "" when it reads in logical order. Arabic words often start with the
// article «ال» and end with «ة» or «ى», which never start a word: in
// reversed text, words end with «لا» and start with «ة» or «ى». The text
// is taken as reversed when such words outnumber the others two to one.
func reversed(doc [][]line) string {
	var logical, visual int
	example := ""
	for _, p := range doc {
		for _, l := range p {
			for _, f := range strings.Fields(l.text) {
				w := bare(f)
				if utf8.RuneCountInString(w) < 3 || strings.IndexFunc(w, func(r rune) bool { return !arabic.IsArabicLetter(r) }) >= 0 {
					continue
				}
				first, _ := utf8.DecodeRuneInString(w)
				last, _ := utf8.DecodeLastRuneInString(w)
				if strings.HasPrefix(w, "ال") || last == 'ة' || last == 'ى' {
					logical++
				}
				if strings.HasSuffix(w, "لا") || first == 'ة' || first == 'ى' {
					visual++
					if example == "" && (first == 'ة' || first == 'ى') {
						example = w
					}
				}
			}
		}
	}
	if visual >= 5 && visual > 2*logical {
		if example == "" {
			example = "لا…"
		}
		return example
	}
	return ""
}

// enumeration matches the start of a line that opens an item of a list:
// «- », «• », «1. », «2) », «أ) ».
var enumeration = regexp.MustCompile(`^(?:[-–•*]\s|[0-9٠-٩]+[.)\-]\s|\p{Arabic}\)\s)`)

// paragraphs joins the lines of each paragraph. A line goes on with the
// next when it runs to the far edge of the page's text (the left edge for
// Arabic, the right for French) and is more than half as wide as the
// page's text, does not end with a full stop,
// semicolon, colon or question mark, and the next line reads in the same
// direction and opens no item of a list. A word broken across the two
// lines is joined when the document has the joined word and not both
// pieces as words of their own.
func paragraphs(doc [][]line, words map[string]int, rep *Report) []string {
	var out []string
	var cur strings.Builder
	for _, p := range doc {
		minLeft, maxRight := 1<<30, 0
		for _, l := range p {
			minLeft, maxRight = min(minLeft, l.left), max(maxRight, l.right)
		}
		tol := max(4, (maxRight-minLeft)/10)
		for i, l := range p {
			if cur.Len() > 0 {
				prev := cur.String()
				last := prev[strings.LastIndexByte(prev, ' ')+1:]
				first, _, _ := strings.Cut(l.text, " ")
				if whole := bare(last) + bare(first); last == bare(last) && first == bare(first) &&
					words[whole] > 0 && !(words[last] > 0 && words[first] > 0) {
					cur.WriteString(l.text)
					rep.Joined++
				} else {
					cur.WriteByte(' ')
					cur.WriteString(l.text)
				}
			} else {
				cur.WriteString(l.text)
			}
			// A full line reaches the far edge and is more than half as
			// wide as the page's text (so that a heading counts as short
			// even where pdftotext gives no indentation).
			full := l.left <= minLeft+tol
			if !l.rtl {
				full = l.right >= maxRight-tol
			}
			full = full && 2*(l.right-l.left) > maxRight-minLeft
			goesOn := full && !strings.ContainsAny(lastRune(l.text), ".؛;:!?؟")
			if goesOn {
				var next *line
				if i+1 < len(p) {
					next = &p[i+1]
				}
				goesOn = next == nil || (next.rtl == l.rtl && !enumeration.MatchString(next.text))
			}
			if !goesOn {
				out = append(out, cur.String())
				cur.Reset()
			}
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

func lastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// nonJoining are the letters that do not join the letter after them,
// which some fonts kern under a following ي.
const nonJoining = "رزودذ"

// joinSplitWords removes a space pdftotext read inside a word, where a
// letter that does not join the next (ر, ز, و, د, ذ) is kerned close to
// a following ي («تعر يفات», «و يكون»). Such a space is also a real one
// between two words, the second often a verb («عضو يوجد»): it is
// removed after a lone «و», which is never a word, before what can only
// be the tail of a word (tail), and between two pieces neither of which
// is a word elsewhere in the document («تسو يقها»), unless the first
// has the article and reads as a whole noun («المقاعد يتناسب»).
func joinSplitWords(para string, words map[string]int, rep *Report) string {
	toks := strings.Split(para, " ")
	var out []string
	for _, t := range toks {
		if n := len(out); n > 0 && splitAt(out[n-1], t) {
			if prev := out[n-1]; prev == "و" || tail(bare(t), words) || (words[prev] == 0 && words[bare(t)] == 0 && !definite(prev)) {
				out[n-1] = prev + t
				rep.Joined++
				continue
			}
		}
		out = append(out, t)
	}
	return strings.Join(out, " ")
}

// tail reports whether s, which follows a space read after a letter that
// does not join, can only be the end of a word: it is no word of the
// document, and it is short (up to three letters: «يل», «يف», «ية») or
// ends as nouns and adjectives do («يفات», «يعية»), not as the verbs
// that start with ي («يتناسب», «يحدد»).
func tail(s string, words map[string]int) bool {
	if words[s] > 0 {
		return false
	}
	return utf8.RuneCountInString(s) <= 3 || strings.HasSuffix(s, "ة") || strings.HasSuffix(s, "ات")
}

// definite reports whether w starts with the article «ال», alone or after
// one of the letters written joined to it (و, ف, ب, ك, ل: «بال», «لل»).
func definite(w string) bool {
	for _, p := range []string{"ال", "وال", "فال", "بال", "كال", "لل"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// alefs are the forms of alef a lam-alef ligature holds.
const alefs = "اأإآ"

// repairLamAlef puts back the lam-alef ligatures that came out as alef
// then lam. Repaired: two alefs before a lam, which Arabic never writes
// («األساسي» → «الأساسي», «االعتبارية» → «الاعتبارية», «إال» → «إلا»);
// the article alone, «ال» (with «و» or «ف» before it: «وال» → «ولا»);
// and a word starting with «أل», «إل» or «آل» whose rest, without the
// lam, is a word of the document («ألحكام» → «لأحكام» where «أحكام» is
// found). Not repaired, because nothing in the text tells them apart: an
// «ال» inside a word, which is as often right («مال», «أعمال») as a
// ligature reversed («مالءمة» for «ملاءمة»).
func repairLamAlef(para string, words map[string]int, rep *Report) string {
	toks := strings.Split(para, " ")
	for i, t := range toks {
		fixed := t
		rs := []rune(fixed)
		for j := 0; j+2 < len(rs); j++ {
			if strings.ContainsRune(alefs, rs[j]) && strings.ContainsRune(alefs, rs[j+1]) && rs[j+2] == 'ل' {
				rs[j+1], rs[j+2] = rs[j+2], rs[j+1]
			}
		}
		fixed = string(rs)
		w := bare(fixed)
		pre := ""
		if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
			pre = w[:len("و")]
		}
		switch rest := strings.TrimPrefix(w, pre); {
		case rest == "ال":
			fixed = strings.Replace(fixed, w, pre+"لا", 1)
		case len(rest) > len("أل") && (strings.HasPrefix(rest, "أل") || strings.HasPrefix(rest, "إل") || strings.HasPrefix(rest, "آل")):
			alef, _ := utf8.DecodeRuneInString(rest)
			whole := string(alef) + rest[len("أل"):]
			if utf8.RuneCountInString(whole) >= 3 && words[whole] > 0 {
				fixed = strings.Replace(fixed, w, pre+"ل"+whole, 1)
			}
		}
		if fixed != t {
			toks[i] = fixed
			rep.LamAlef++
		}
	}
	return strings.Join(toks, " ")
}
