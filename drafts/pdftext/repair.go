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
	raw         string // as pdftotext wrote it
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
	full := make([][]line, len(pages))
	for i, p := range pages {
		for _, s := range strings.Split(p, "\n") {
			if l := readLine(s); l.text != "" {
				full[i] = append(full[i], l)
			}
		}
	}
	removeRunning(full, &rep)
	// Each column of a page is read as a page of its own, in the order
	// the page reads.
	var doc [][]line
	for _, p := range full {
		for _, col := range columns(p) {
			var c []line
			for _, s := range col {
				if l := readLine(s); l.text != "" {
					c = append(c, l)
				}
			}
			doc = append(doc, c)
		}
	}
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
	l := line{raw: s}
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
// its numbers aside («الجريدة الرسمية - الصفحة 3»), once a page, so that
// a title printed under a header of the same words stays. A line that
// starts as a heading does is never taken for a header: with their
// numbers aside, the headings of articles look alike.
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
			if k := runningKey(p[i].text); !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	running := max(2, (len(doc)+1)/2)
	for pi, p := range doc {
		removed := map[string]bool{}
		var keep []line
		edge := edges(p)
		for i, l := range p {
			k := runningKey(l.text)
			if slices.Contains(edge, i) && !removed[k] &&
				(pageNumber.MatchString(l.text) || (count[k] >= running && !headingLike.MatchString(l.text))) {
				removed[k] = true
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

// runningKey is a line with its digits, of any shape, replaced by «#».
func runningKey(s string) string {
	return strings.Map(func(r rune) rune {
		if isDigit(r) {
			return '#'
		}
		return r
	}, s)
}

// headingLike matches a line that starts with the word of a division or
// of an article.
var headingLike = regexp.MustCompile(`^(?:المادة|الفصل|الباب|القسم|الكتاب|الفرع|البند|(?i:article|chapitre|titre|section|livre|partie))\s`)

// columns splits a page printed on several columns, which pdftotext
// -layout writes side by side, into its columns in reading order (from
// the right for Arabic), each line as pdftotext wrote its piece; a page
// on one column is returned whole. A column gap is a band of positions,
// in the middle three fifths of the page, that at most one line in
// twenty crosses, with text on both of its sides on two lines in five or
// more. A line that crosses the gap (a title over both columns) goes
// with the column that comes first.
func columns(p []line) [][]string {
	raws := make([]string, len(p))
	for i, l := range p {
		raws[i] = l.raw
	}
	if len(p) < 6 {
		return [][]string{raws}
	}
	occ := make([][]bool, len(p))
	width := 0
	rtl := 0
	for i, l := range p {
		for _, r := range l.raw {
			if !isMark(r) {
				occ[i] = append(occ[i], r != ' ')
			}
		}
		width = max(width, len(occ[i]))
		if l.rtl {
			rtl++
		}
	}
	cover := make([]int, width)
	for _, o := range occ {
		for x, b := range o {
			if b {
				cover[x]++
			}
		}
	}
	limit := len(p) / 20
	gap := -1
	for x := width / 5; x < width*4/5 && gap < 0; x++ {
		if cover[x] > limit {
			continue
		}
		y := x
		for y < width*4/5 && cover[y] <= limit {
			y++
		}
		if y-x >= 2 {
			left, right := 0, 0
			for _, o := range occ {
				if slices.Contains(o[:min(x, len(o))], true) {
					left++
				}
				if y < len(o) && slices.Contains(o[y:], true) {
					right++
				}
			}
			if 5*left >= 2*len(p) && 5*right >= 2*len(p) {
				gap = (x + y) / 2
			}
		}
		x = y
	}
	if gap < 0 {
		return [][]string{raws}
	}
	var left, right []string // of the gap
	for i, raw := range raws {
		if cover := occ[i]; gap < len(cover) && cover[gap] {
			if 2*rtl > len(p) {
				right = append(right, raw)
			} else {
				left = append(left, raw)
			}
			continue
		}
		at, col := len(raw), 0
		for j, r := range raw {
			if isMark(r) {
				continue
			}
			if col == gap {
				at = j
				break
			}
			col++
		}
		if l := raw[:at]; strings.TrimFunc(l, func(r rune) bool { return r == ' ' || isMark(r) }) != "" {
			left = append(left, l)
		}
		if r := raw[at:]; strings.TrimFunc(r, func(r rune) bool { return r == ' ' || isMark(r) }) != "" {
			right = append(right, r)
		}
	}
	if 2*rtl > len(p) {
		return [][]string{right, left}
	}
	return [][]string{left, right}
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
// «- », «• », «1. », «2) », «أ) », «أولا:».
var enumeration = regexp.MustCompile(`^(?:[-–•*]\s|[0-9٠-٩]+[.)\-]\s|\p{Arabic}\)\s|(?:أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)\s*[:-])`)

// paragraphs joins the lines of each paragraph. A line goes on with the
// next when it runs to the far edge of the page's text (the left edge for
// Arabic, the right for French) and is more than half as wide as the
// page's text, does not end with a full stop, semicolon or question mark,
// and the next line reads in the same direction and opens no item of a
// list. A word broken across the two lines is joined when the document
// has the joined word and not both pieces as words of their own.
func paragraphs(doc [][]line, words map[string]int, rep *Report) []string {
	var out []string
	var cur strings.Builder
	for _, p := range doc {
		// The edges of the page's text: those of most of its lines, as
		// one line with a French phrase, whose letters -layout counts
		// wider than Arabic ones, may stick out.
		lefts, rights := make([]int, len(p)), make([]int, len(p))
		for i, l := range p {
			lefts[i], rights[i] = l.left, l.right
		}
		slices.Sort(lefts)
		slices.Sort(rights)
		minLeft, maxRight := 0, 0
		if len(p) > 0 {
			minLeft, maxRight = lefts[len(p)/4], rights[len(p)-1-len(p)/4]
		}
		tol := max(4, (maxRight-minLeft)/6) // -layout places Arabic glyphs in its columns roughly
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
			// A colon at the end of a full line may be one inside a
			// sentence; the list it opens, if any, stops the line below.
			goesOn := full && !strings.ContainsAny(lastRune(l.text), ".؛;!?؟")
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
