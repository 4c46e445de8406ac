package workload

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// body writes an article of about wordsPerArticle words that may refer to
// articles 1…last around its own number base.
func body(r *source, base, last int) [][]string {
	// Paragraphs overshoot the target by about 17 words on average.
	target := r.between(wordsPerArticle*2/5, wordsPerArticle*7/6)
	var blocks [][]string
	words := 0
	if r.chance(0.25) {
		e := enumeration(r, base, last)
		blocks = append(blocks, e)
		words += countWords(e)
	}
	for words < target {
		p := paragraph(r, base, last)
		blocks = append(blocks, []string{p})
		words += countWords([]string{p})
	}
	return blocks
}

func countWords(lines []string) int {
	n := 0
	for _, l := range lines {
		n += len(strings.Fields(l))
	}
	return n
}

func paragraph(r *source, base, last int) string {
	k := r.between(1, 3)
	ss := make([]string, k)
	for i := range ss {
		s := sentence(r, base, last)
		if i > 0 && r.chance(0.4) {
			s = "و" + s
		}
		ss[i] = s
	}
	return strings.Join(ss, " ")
}

func sentence(r *source, base, last int) string {
	s := pick(r, subjects)
	v := pick(r, verbs)
	vf := v.masc
	if s.fem {
		vf = v.fem
	}
	po := withPrep(v.prep, pick(r, objects))
	c := complement(r, base, last)
	if r.chance(0.03) {
		return "ويعتبر باطلا كل " + pick(r, invalidated) + " يتم خلافا لأحكام هذه المادة."
	}
	switch r.intn(10) {
	case 4:
		return "يجوز " + withLam(s.text) + " أن " + vf + " " + po + " " + c + "."
	case 5:
		return "يتعين على " + s.text + " أن " + vf + " " + po + " " + c + "."
	case 6:
		return "لا يجوز " + withLam(s.text) + " أن " + vf + " " + po + " إلا " + pick(r, conditions) + "."
	case 7:
		if r.chance(0.5) {
			return "تحدد بنص تنظيمي كيفيات " + pick(r, objects) + "."
		}
		return "يحدد النظام الداخلي للغرفة كيفيات " + pick(r, objects) + " " + c + "."
	case 8:
		return "في حالة " + pick(r, events) + "، " + vf + " " + s.text + " " + po + " " + c + "."
	case 9:
		return "تخضع " + pick(r, controlled) + " " + pick(r, controls) + " " + c + "."
	}
	return vf + " " + s.text + " " + po + " " + c + "."
}

// withPrep puts a verb's preposition before its object: «ب» joins the
// word, the others stand apart.
func withPrep(prep, object string) string {
	switch prep {
	case "":
		return object
	case "ب":
		return prep + object
	}
	return prep + " " + object
}

// withLam joins «ل» to a noun phrase: «للغرفة», «لرئيس الغرفة».
func withLam(s string) string {
	if rest, ok := strings.CutPrefix(s, "ال"); ok {
		if strings.HasPrefix(rest, "ل") {
			return "ل" + rest // «للجنة», not «لللجنة»
		}
		return "لل" + rest
	}
	return "ل" + s
}

// complement fills one of the complements: a time limit, sometimes in
// Eastern digits; a reference to an article before (below base) or after
// (up to last) the current one; a law; an amount.
func complement(r *source, base, last int) string {
	c := pick(r, complements)
	if strings.Contains(c, "{A}") && base <= 1 || strings.Contains(c, "{B}") && base >= last {
		c = complements[0]
	}
	if strings.Contains(c, "{N}") {
		l := pick(r, limits)
		if r.chance(0.15) {
			l = easternDigits(l)
		}
		c = strings.Replace(c, "{N}", l, 1)
	}
	if strings.Contains(c, "{A}") {
		c = strings.Replace(c, "{A}", strconv.Itoa(r.between(max(1, base-40), base-1)), 1)
	}
	if strings.Contains(c, "{B}") {
		c = strings.Replace(c, "{B}", strconv.Itoa(r.between(base+1, min(last, base+40))), 1)
	}
	c = strings.Replace(c, "{L}", pick(r, laws), 1)
	c = strings.Replace(c, "{M}", pick(r, amounts), 1)
	return c
}

// enumeration writes an introductory line and three to five items in one
// of the five styles drafts use: «-», «•», «أ)», «1.», «أولا:».
func enumeration(r *source, base, last int) []string {
	s := pick(r, subjects)
	v := "يتولى"
	if s.fem {
		v = "تتولى"
	}
	intro := strings.NewReplacer("{V}", v, "{S}", s.text, "{O}", pick(r, organs)).Replace(pick(r, intros))
	k := r.between(3, 5)
	style := r.intn(5)
	lines := make([]string, 0, k+1)
	lines = append(lines, intro)
	for i := range k {
		item := pick(r, objects)
		if r.chance(0.4) {
			item += " " + complement(r, base, last)
		}
		end := "؛"
		if i == k-1 {
			end = "."
		}
		var mark string
		switch style {
		case 0:
			mark = "- "
		case 1:
			mark = "• "
		case 2:
			mark = letterMarks[i] + ") "
		case 3:
			mark = fmt.Sprintf("%d. ", i+1)
		default:
			mark = ordinalMarks[i] + ": "
		}
		lines = append(lines, mark+item+end)
	}
	return lines
}

// reword makes one to three edits in a copy of lines, as a drafter
// amending an article does: a time limit lengthened, an authority named
// differently, a qualifier added or struck out. Where none of the known
// phrases occurs, a qualifier is added at the end of a line. The result
// differs from lines whenever a line is not blank.
func reword(r *source, lines []string) []string {
	out := append([]string(nil), lines...)
	used := make([]bool, len(edits_))
	for edits := r.between(1, 3); edits > 0; edits-- {
		type site struct{ line, at int }
		var rule edit
		var sites []site
		for _, k := range r.perm(len(edits_)) {
			if used[k] {
				continue
			}
			rule = edits_[k]
			for i, l := range out {
				for at := 0; ; {
					j := strings.Index(l[at:], rule.from)
					if j < 0 {
						break
					}
					// «رئيس الغرفة أو من ينوب عنه» is not extended twice.
					if rule.to == "" || !strings.HasPrefix(l[at+j:], rule.to) {
						sites = append(sites, site{i, at + j})
					}
					at += j + len(rule.from)
				}
			}
			if len(sites) > 0 {
				used[k] = true
				break
			}
		}
		if len(sites) == 0 {
			break
		}
		s := pick(r, sites)
		l := out[s.line]
		from, to := s.at, s.at+len(rule.from)
		if rule.to == "" && from > 0 && l[from-1] == ' ' {
			from-- // strike the phrase and the space before it
		}
		out[s.line] = l[:from] + rule.to + l[to:]
	}
	if slices.Equal(out, lines) {
		var filled []int
		for i, l := range out {
			if strings.TrimSpace(l) != "" {
				filled = append(filled, i)
			}
		}
		if len(filled) > 0 {
			i := pick(r, filled)
			l := strings.TrimRight(out[i], " ")
			end := ""
			for _, p := range []string{".", "؛", ":", "،"} {
				if strings.HasSuffix(l, p) {
					l, end = strings.TrimSuffix(l, p), p
					break
				}
			}
			out[i] = l + " " + pick(r, qualifiers) + end
		}
	}
	return out
}
