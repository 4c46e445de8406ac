// Package workload generates large, realistic and deterministic data for
// benchmarks: the Markdown text of an Arabic draft statute of any size, a
// revised version of it, and the chambers' amendments to a draft.
//
// The text follows the layout of the sample draft in assets/ (titles,
// chapters, sections, «#### المادة 12» headings, inserted «مكررة» articles,
// enumerations, law numbers, Eastern digits, French terms in parentheses)
// and is built from a vocabulary of real legal phrases, so that a parser, a
// differ or a store meets what it will meet in use. The same arguments give
// the same bytes on every machine and Go release, so figures compare.
package workload

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"statute/drafts"
	"statute/drafts/arabic"
)

const draftTitle = "مشروع القانون الأساسي لغرف الصناعة التقليدية"

var preamble = []string{
	"يندرج هذا المشروع في إطار تنزيل أحكام الدستور الصادر بتنفيذه الظهير الشريف رقم 1.11.91، ولا سيما ما يتعلق منها بالجهوية المتقدمة وبمشاركة الهيئات المهنية في إعداد السياسات العمومية.",
	"ويهدف إلى ملاءمة النظام الأساسي لغرف الصناعة التقليدية مع التقسيم الجهوي للمملكة ومع مقتضيات القانون رقم 50.17 المتعلق بمزاولة أنشطة الصناعة التقليدية، وإلى تقوية دور الغرف الاثنتي عشرة في تأطير الصناع التقليديين (artisans).",
}

// epoch is when the generated drafts were "imported" and the amendment
// round began: fixed, so that output does not depend on the clock.
var epoch = time.Date(2025, time.July, 21, 8, 0, 0, 0, time.UTC)

// wordsPerArticle is the mean length of a generated article, close to that
// of the articles of Moroccan statutes of professional chambers.
const wordsPerArticle = 80

type division struct {
	level  drafts.Level
	number string // «الأول»
	title  string
	parent int
}

func (d *division) heading() string { return d.level.Arabic() + " " + d.number + ": " + d.title }

type article struct {
	base    int // the number: 7 for «7», «7 مكررة» and «7 مكررة مرتين»
	suffix  int // 0, 1 for «مكررة», 2 for «مكررة مرتين»
	heading string
	// blocks are the article's paragraphs grouped as written: the lines of
	// a block are consecutive (an enumeration), blocks are set apart by a
	// blank line. Every line is one paragraph of the parsed article.
	blocks [][]string
	div    int
}

func (a *article) number() string {
	n := strconv.Itoa(a.base)
	switch a.suffix {
	case 1:
		return n + " مكررة"
	case 2:
		return n + " مكررة مرتين"
	}
	return n
}

func (a *article) key() string {
	return strconv.Itoa(a.base) + [...]string{"", "bis", "ter"}[a.suffix]
}

func (a *article) paragraphs() []string {
	var ps []string
	for _, b := range a.blocks {
		ps = append(ps, b...)
	}
	return ps
}

type model struct {
	divs []division
	arts []article
}

// DraftText returns the Markdown text of a draft statute of n articles,
// about 80 words each: 1000 articles make about a megabyte. Articles are
// numbered in digits from 1, with about one in fifty an inserted «مكررة»
// article, in titles of five chapters of about twenty articles.
func DraftText(n int, seed int64) []byte {
	text, _ := generate(n, seed).render()
	return text
}

// RevisedText returns a second version of DraftText(n, seed), as a drafting
// committee would produce it: about 5% of articles reworded (a few words
// replaced, inserted or deleted), about 1% added as «مكررة» articles, about
// 1% removed, and, after every other removal, a short run of the following
// articles renumbered to close the gap.
func RevisedText(n int, seed int64) []byte {
	text, _ := revise(generate(n, seed), seed).render()
	return text
}

// Draft returns the draft that DraftText(n, seed) holds, built directly
// rather than parsed, for benchmarks of packages that take a *drafts.Draft.
// Article keys follow the domain's scheme ("7", "7bis", "7ter"); Line is the
// line of each article's heading in the text.
func Draft(n int, seed int64) *drafts.Draft {
	return generate(n, seed).draft(seed, 1)
}

// RevisedDraft returns the draft that RevisedText(n, seed) holds, as
// version 2 of Draft(n, seed).
func RevisedDraft(n int, seed int64) *drafts.Draft {
	return revise(generate(n, seed), seed).draft(seed, 2)
}

func generate(n int, seed int64) *model {
	n = max(n, 0)
	r := newSource(seed, streamDraft)
	m := &model{}
	chapters := max(1, (n+10)/20)
	titles := (chapters + 4) / 5
	title := -1
	// Numbers come first, bodies after: a body refers to later articles
	// and needs the last number.
	for c := range chapters {
		if c%5 == 0 {
			t := c / 5
			name := "أحكام عامة"
			switch {
			case t > 0 && t == titles-1:
				name = "أحكام انتقالية وختامية"
			case t > 0:
				name = titleTopics[(t-1)%len(titleTopics)]
			}
			m.divs = append(m.divs, division{level: drafts.Title, number: ordinal(t + 1), title: name, parent: -1})
			title = len(m.divs) - 1
		}
		m.divs = append(m.divs, division{level: drafts.Chapter, number: ordinal(c%5 + 1),
			title: chapterTopics[c%len(chapterTopics)], parent: title})
		chapter := len(m.divs) - 1
		count := n*(c+1)/chapters - n*c/chapters
		if c%3 == 2 && count >= 6 {
			for s, part := range []int{count / 2, count - count/2} {
				m.divs = append(m.divs, division{level: drafts.Section, number: ordinal(s + 1),
					title: sectionTopics[(c+s)%len(sectionTopics)], parent: chapter})
				m.number(r, part, len(m.divs)-1)
			}
			continue
		}
		m.number(r, count, chapter)
	}
	last := 0
	if len(m.arts) > 0 {
		last = m.arts[len(m.arts)-1].base
	}
	for i := range m.arts {
		a := &m.arts[i]
		if r.chance(0.35) {
			a.heading = pick(r, articleHeadings)
		}
		a.blocks = body(r, a.base, last)
	}
	return m
}

// number appends count articles to division div, numbered after the last
// one; an inserted article never opens a division.
func (m *model) number(r *source, count, div int) {
	for j := range count {
		a := article{base: 1, div: div}
		if len(m.arts) > 0 {
			p := m.arts[len(m.arts)-1]
			switch {
			case j > 0 && p.suffix == 0 && r.chance(0.02):
				a.base, a.suffix = p.base, 1
			case j > 0 && p.suffix == 1 && r.chance(0.2):
				a.base, a.suffix = p.base, 2
			default:
				a.base = p.base + 1
			}
		}
		m.arts = append(m.arts, a)
	}
}

// render writes the model as Markdown and returns, for each article, the
// line of its heading.
func (m *model) render() ([]byte, []int) {
	var b bytes.Buffer
	b.Grow(len(m.arts)*1100 + 1024)
	line := 1
	write := func(s string) {
		b.WriteString(s)
		b.WriteByte('\n')
		line++
	}
	write("# " + draftTitle)
	write("")
	for _, p := range preamble {
		write(p)
		write("")
	}
	lines := make([]int, len(m.arts))
	var open []int
	for i := range m.arts {
		a := &m.arts[i]
		chain := m.chain(a.div)
		k := 0
		for k < len(open) && k < len(chain) && open[k] == chain[k] {
			k++
		}
		for _, d := range chain[k:] {
			write(divisionMarks[m.divs[d].level] + " " + m.divs[d].heading())
			write("")
		}
		open = chain
		marks := "####"
		if a.div >= 0 && m.divs[a.div].level == drafts.Section {
			marks = "#####"
		}
		h := marks + " المادة " + a.number()
		if a.heading != "" {
			h += ": " + a.heading
		}
		lines[i] = line
		write(h)
		write("")
		for _, blk := range a.blocks {
			for _, l := range blk {
				write(l)
			}
			write("")
		}
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), lines
}

var divisionMarks = map[drafts.Level]string{drafts.Title: "##", drafts.Chapter: "###", drafts.Section: "####"}

// chain lists the divisions that hold division d, outermost first, d last.
func (m *model) chain(d int) []int {
	var c []int
	for ; d >= 0; d = m.divs[d].parent {
		c = append([]int{d}, c...)
	}
	return c
}

func (m *model) draft(seed int64, version int) *drafts.Draft {
	_, lines := m.render()
	d := &drafts.Draft{
		ID:          "workload-" + strconv.FormatInt(seed, 10),
		Title:       draftTitle,
		Language:    "ar",
		Version:     version,
		ArticleWord: drafts.DefaultArticleWord,
		Preamble:    append([]string(nil), preamble...),
		Imported:    epoch,
		Articles:    make([]drafts.Article, len(m.arts)),
	}
	// Only divisions that hold an article appear in the text, so only
	// they go in the draft, renumbered in order.
	index := make(map[int]int)
	var keep func(i int) int
	keep = func(i int) int {
		if i < 0 {
			return -1
		}
		if j, ok := index[i]; ok {
			return j
		}
		parent := keep(m.divs[i].parent)
		dv := &m.divs[i]
		d.Divisions = append(d.Divisions, drafts.Division{Level: dv.level, Heading: dv.heading(),
			Number: dv.number, Title: dv.title, Parent: parent})
		index[i] = len(d.Divisions) - 1
		return index[i]
	}
	for i := range m.arts {
		a := &m.arts[i]
		d.Articles[i] = drafts.Article{Key: a.key(), Number: a.number(), Heading: a.heading,
			Paragraphs: a.paragraphs(), Position: i, Division: keep(a.div), Line: lines[i]}
	}
	return d
}

// ordinal writes n as a masculine ordinal, as divisions are numbered:
// «الأول», «الحادي عشر», «الثاني والعشرون»; digits from 100 on.
func ordinal(n int) string {
	units := [...]string{"", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"}
	tens := [...]string{"", "العاشر", "العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون", "التسعون"}
	switch {
	case n < 1 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return units[n]
	case n == 10:
		return tens[1]
	case n == 11:
		return "الحادي عشر"
	case n < 20:
		return units[n-10] + " عشر"
	case n%10 == 0:
		return tens[n/10]
	case n%10 == 1:
		return "الحادي و" + tens[n/10]
	}
	return units[n%10] + " و" + tens[n/10]
}

// easternDigits writes the Western digits of s in Eastern Arabic digits.
func easternDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return arabic.EasternDigit(int(r - '0'))
		}
		return r
	}, s)
}
