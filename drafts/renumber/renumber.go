// Package renumber plans the renumbering of a draft: its articles numbered
// 1 to n in their order («2 مكررة» becomes 3 and every later article moves
// up one), the table of old and new numbers, and the references to
// articles inside the text rewritten to the new numbers, for review before
// a new version of the draft is made of it.
//
// A reference is a word for article or articles — «المادة», «المادتين»,
// «المادتان», «المواد», with the prefixes «و», «ف», «ب», «ل», «ك» as written
// («بالمادة», «للمادة», «وفق المادة») — followed by one or more article
// numbers joined by «و», «،» or «إلى»/«الى» («المادتين 4 و5», «المواد 3
// إلى 5»). «الفقرة الثانية من المادة 7» is a reference to article 7. A
// reference followed by «من» and the name of another text («من القانون
// رقم 50.17», «من الظهير», «من المرسوم», «من مدونة…») is to that text, and
// is left alone; «من هذا القانون» is to this one. A number the draft has
// no article for is reported, not changed.
//
// A number that changes is written in digits of the kind it was written
// in (Western, or Eastern «٤»), and one written in words in Western
// digits, as Moroccan drafts number all but the first article; an article
// 1 whose number was written in words keeps «الأولى», and so does a
// reference to it written in words. A number that does not change stays
// as written.
// Ranges keep their ends: «المواد 3 إلى 5» names the new numbers of old
// 3 and old 5, which still hold what lay between them.
package renumber

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"statute/drafts"
	"statute/drafts/parse"
)

// SourcePrefix begins the Source of a renumbered draft, before the
// version it was renumbered from: "renumbered from version 2".
const SourcePrefix = "renumbered from version "

// A Renumbering is one article whose number changes.
type Renumbering struct {
	OldKey, NewKey       string
	OldNumber, NewNumber string // as written
}

// A Reference is one reference to articles in the text, found in the
// article with key Article (its old key), in its paragraph Paragraph
// (0-based).
type Reference struct {
	Article   string
	Paragraph int
	// Old is the reference as written («المادتين 4 و5»), New as rewritten;
	// New equals Old when nothing in it changes.
	Old, New string
	// Missing lists the numbers it names that the draft has no article
	// for: they are left as written.
	Missing []string
}

// A Plan is a renumbering made ready for review.
type Plan struct {
	// Table lists the articles whose number changes, in order.
	Table []Renumbering
	// References lists the references whose text changes, and those that
	// name a missing article.
	References []Reference
	// Draft is the renumbered draft: a copy of the one planned, with the
	// same ID, new keys, numbers and texts, and nothing else changed.
	Draft *drafts.Draft
	// Base is the version of the draft planned.
	Base int
}

// Changes reports whether applying the plan would change the draft.
func (p *Plan) Changes() bool {
	if len(p.Table) > 0 {
		return true
	}
	for _, r := range p.References {
		if r.New != r.Old {
			return true
		}
	}
	return false
}

// Make plans the renumbering of d; d itself is left as it is.
func Make(d *drafts.Draft) *Plan {
	newKey := make(map[string]string, len(d.Articles))
	inWords := make(map[string]bool, len(d.Articles)) // new keys written in words
	out := *d
	out.Articles = make([]drafts.Article, len(d.Articles))
	out.Source = SourcePrefix + strconv.Itoa(d.Version)
	p := &Plan{Draft: &out, Base: d.Version}
	for i := range d.Articles {
		a := d.Articles[i]
		key := strconv.Itoa(i + 1)
		number := a.Number
		switch {
		case i == 0 && !hasDigit(a.Number):
			inWords[key] = true // «الأولى» stays
		case a.Key != key:
			number = inDigitsOf(a.Number, key)
		}
		newKey[a.Key] = key
		if a.Key != key || a.Number != number {
			p.Table = append(p.Table, Renumbering{OldKey: a.Key, NewKey: key, OldNumber: a.Number, NewNumber: number})
		}
		a.Key, a.Number = key, number
		a.Paragraphs = append([]string(nil), a.Paragraphs...)
		out.Articles[i] = a
	}
	for i := range out.Articles {
		a := &out.Articles[i]
		for j, para := range a.Paragraphs {
			text, refs := rewrite(para, newKey, inWords)
			for k := range refs {
				refs[k].Article, refs[k].Paragraph = d.Articles[i].Key, j
			}
			p.References = append(p.References, refs...)
			a.Paragraphs[j] = text
		}
	}
	return p
}

// The words that name an article or articles, folded of their prefixes.
var articleWords = map[string]bool{"المادة": true, "المادتين": true, "المادتان": true, "المواد": true}

// The names of other texts after «من» that make a reference external.
var otherTexts = []string{"القانون", "قانون", "الظهير", "ظهير", "المرسوم", "مرسوم", "مدونة", "النظام", "القرار", "الدستور"}

// rewrite returns para with its references renumbered by newKey, and the
// references that changed or name a missing article.
func rewrite(para string, newKey map[string]string, inWords map[string]bool) (string, []Reference) {
	var b strings.Builder
	var refs []Reference
	last := 0
	for i := 0; i < len(para); {
		w, end := wordAt(para, i)
		if w == "" {
			_, size := utf8.DecodeRuneInString(para[i:])
			i += size
			continue
		}
		if !articleWords[unprefixed(w)] {
			i = end
			continue
		}
		nums, refEnd := numbersAfter(para, end)
		if len(nums) == 0 || external(para, refEnd) {
			i = end
			continue
		}
		ref := Reference{Old: para[i:refEnd]}
		var nb strings.Builder
		at := i
		for _, n := range nums {
			nb.WriteString(para[at:n.start])
			nk, ok := newKey[n.key]
			switch {
			case !ok:
				ref.Missing = append(ref.Missing, para[n.start:n.end])
				nb.WriteString(para[n.start:n.end])
			case nk == n.key, inWords[nk] && !hasDigit(para[n.start:n.end]):
				nb.WriteString(para[n.start:n.end]) // the same article, as written
			default:
				nb.WriteString(inDigitsOf(para[n.start:n.end], nk))
			}
			at = n.end
		}
		nb.WriteString(para[at:refEnd])
		ref.New = nb.String()
		if ref.New != ref.Old || len(ref.Missing) > 0 {
			refs = append(refs, ref)
		}
		b.WriteString(para[last:i])
		b.WriteString(ref.New)
		last, i = refEnd, refEnd
	}
	if last == 0 {
		return para, refs
	}
	b.WriteString(para[last:])
	return b.String(), refs
}

// joiners join the numbers of one reference: «المادتين 4 و5», «المواد 3
// إلى 5», «المواد 3، 4 و6».
var joiners = []string{"،", ",", "إلى", "الى", "و"}

type numberSpan struct {
	key        string
	start, end int
}

// numbersAfter reads the article numbers after an article word ending at
// i, joined by «و», «،», «,» or «إلى»/«الى», and where the reference ends.
func numbersAfter(s string, i int) ([]numberSpan, int) {
	var nums []numberSpan
	end := i
	for {
		key, start, e, ok := parse.NumberAt(s, i)
		if !ok {
			break
		}
		nums = append(nums, numberSpan{key, start, e})
		end = e
		// A joiner, then another number, or the reference ends here.
		j := skipSpaces(s, e)
		joined := false
		for _, joiner := range joiners {
			if strings.HasPrefix(s[j:], joiner) {
				j += len(joiner)
				joined = true
				break
			}
		}
		if !joined {
			return nums, end
		}
		if _, _, _, ok := parse.NumberAt(s, j); !ok {
			return nums, end
		}
		i = j
	}
	return nums, end
}

// external reports whether the reference ending at i is to another text:
// «من القانون رقم…», not «من هذا القانون».
func external(s string, i int) bool {
	j := skipSpaces(s, i)
	w, e := wordAt(s, j)
	if w != "من" {
		return false
	}
	next, _ := wordAt(s, skipSpaces(s, e))
	for _, t := range otherTexts {
		if next == t {
			return true
		}
	}
	return false
}

// wordAt returns the word of letters starting at i, and its end; "" when
// no letter is at i.
func wordAt(s string, i int) (string, int) {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		j += size
	}
	if j > i && i > 0 {
		// Only at the start of a word.
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsLetter(r) {
			return "", j
		}
	}
	return s[i:j], j
}

// unprefixed strips the conjunctions and prepositions Arabic writes
// attached to a word: «وبالمادة» → «المادة», «للمادة» → «المادة».
func unprefixed(w string) string {
	for _, p := range []string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(w, p); ok && articleWords[unprefixedPrep(rest)] {
			return unprefixedPrep(rest)
		}
	}
	return unprefixedPrep(w)
}

func unprefixedPrep(w string) string {
	if rest, ok := strings.CutPrefix(w, "لل"); ok {
		return "ال" + rest
	}
	for _, p := range []string{"ب", "ك"} {
		if rest, ok := strings.CutPrefix(w, p); ok && strings.HasPrefix(rest, "ال") {
			return rest
		}
	}
	return w
}

func skipSpaces(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// inDigitsOf writes the number n in the digits written uses: Eastern
// Arabic digits («٤») when it has any, Western ones otherwise.
func inDigitsOf(written, n string) string {
	if strings.IndexFunc(written, func(r rune) bool { return r >= '٠' && r <= '٩' }) < 0 {
		return n
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '٠' + (r - '0')
		}
		return r
	}, n)
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}
