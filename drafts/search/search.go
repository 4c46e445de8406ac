// Package search finds words in a draft the way a reader means them: «احكام»
// finds «أحكام», «الأسـاسي» and «الأساسيّ», «اعضاء» finds «أعضاؤها» and
// «أعضائها», and ٤ finds 4, because harakat, tatweel, alef forms, the seats
// of the hamza and digit shapes are folded away on both sides
// (arabic.SearchFold). Hits come with their place in the original text,
// for highlighting it.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"statute/drafts"
	"statute/drafts/arabic"
)

// A Hit is one occurrence of the query.
type Hit struct {
	Article   string `json:"article"`   // the article's key
	Paragraph int    `json:"paragraph"` // the index of the paragraph in the article
	// Start and End are the byte range of the match in the paragraph as
	// written, harakat of its last letter included.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Find returns the hits of query in d's articles, in the order of the
// draft, at most limit of them (no limit when limit <= 0). Runs of spaces
// in the query read as one space; an empty query finds nothing.
func Find(d *drafts.Draft, query string, limit int) []Hit {
	q := fold(query)
	if q == "" {
		return nil
	}
	var hits []Hit
	for i := range d.Articles {
		var more bool
		if hits, more = inArticle(hits, &d.Articles[i], q, limit); !more {
			break
		}
	}
	return hits
}

// InArticle returns the hits of query in the paragraphs of article a, in
// order, matched as Find matches them: for marking them where the article
// is shown.
func InArticle(a *drafts.Article, query string) []Hit {
	q := fold(query)
	if q == "" {
		return nil
	}
	hits, _ := inArticle(nil, a, q, 0)
	return hits
}

// inArticle appends the hits of the folded query q in a to hits, until
// there are limit of them (no limit when limit <= 0); false when it
// reached the limit.
func inArticle(hits []Hit, a *drafts.Article, q string, limit int) ([]Hit, bool) {
	for p, text := range a.Paragraphs {
		more := matches(text, q, func(start, end int) bool {
			hits = append(hits, Hit{Article: a.Key, Paragraph: p, Start: start, End: end})
			return limit <= 0 || len(hits) < limit
		})
		if !more {
			return hits, false
		}
	}
	return hits, true
}

// A HeadingHit is an occurrence of the query in a heading: a division's
// («الباب الأول: أحكام عامة») or an article's title («الطبيعة القانونية
// للغرف»).
type HeadingHit struct {
	// Division is the division's index in the draft's Divisions, or -1 for
	// an article's title.
	Division int `json:"division"`
	// Article is the key of the article, or of the division's first
	// article ("" for a division without articles).
	Article string `json:"article"`
	// Start and End are the byte range of the match in the heading (the
	// division's Heading, or the article's Heading) as written.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Headings returns the hits of query in d's headings: the divisions' in
// the order of the draft, then the articles' titles, at most limit of them
// (no limit when limit <= 0). Matching is as for Find.
func Headings(d *drafts.Draft, query string, limit int) []HeadingHit {
	q := fold(query)
	if q == "" {
		return nil
	}
	first := make([]string, len(d.Divisions)) // each division's first article
	for _, a := range d.Articles {
		// Up the chain of divisions the article is in; a chain longer than
		// the divisions would be a loop in a damaged draft.
		for i, n := a.Division, 0; i >= 0 && i < len(d.Divisions) && n < len(d.Divisions); i, n = d.Divisions[i].Parent, n+1 {
			if first[i] == "" {
				first[i] = a.Key
			}
		}
	}
	var hits []HeadingHit
	add := func(div int, article string) func(int, int) bool {
		return func(start, end int) bool {
			hits = append(hits, HeadingHit{Division: div, Article: article, Start: start, End: end})
			return limit <= 0 || len(hits) < limit
		}
	}
	for i, div := range d.Divisions {
		if !matches(div.Heading, q, add(i, first[i])) {
			return hits
		}
	}
	for _, a := range d.Articles {
		if !matches(a.Heading, q, add(-1, a.Key)) {
			return hits
		}
	}
	return hits
}

// fold is the query as it is matched: normalized, its runs of spaces
// made one space, and folded.
func fold(query string) string {
	return arabic.SearchFold(strings.Join(strings.Fields(arabic.Normalize(query)), " "))
}

// matches calls add with the byte range, in text as written, of each
// occurrence of the folded query q, until add returns false; it returns
// false when add did.
func matches(text, q string, add func(start, end int) bool) bool {
	folded, at := arabic.SearchFoldIndex(text)
	for from := 0; ; {
		i := strings.Index(folded[from:], q)
		if i < 0 {
			return true
		}
		i += from
		if !add(at[i], at[i+len(q)]) {
			return false
		}
		from = i + len(q)
	}
}

// Context returns the words around a hit, for a list of results: the words
// the hit touches and up to words words on each side, with the match
// marked by the returned offsets in the context string. Words are as
// arabic.WordEnd has them, the diff's words: «18.09» is one, and a
// parenthesis, a dash or a comma standing between spaces is none. The
// punctuation that clings to the first and last word («(artisan)»,
// «الأولى،») is kept with them.
func Context(paragraph string, h Hit, words int) (context string, start, end int) {
	type span struct{ start, end int }
	var ws []span
	for i := 0; i < len(paragraph); {
		s, e := arabic.NextWord(paragraph, i)
		if s == e {
			break
		}
		ws = append(ws, span{s, e})
		i = e
	}
	// a is the first word that holds or follows the start of the hit, b
	// the last that holds or precedes its end.
	a := 0
	for a < len(ws) && ws[a].end <= h.Start {
		a++
	}
	b := len(ws) - 1
	for b >= 0 && ws[b].start >= h.End {
		b--
	}
	from, to := h.Start, h.End
	if k := max(0, a-words); k < len(ws) && ws[k].start < from {
		from = ws[k].start
	}
	if k := min(len(ws)-1, b+words); k >= 0 && ws[k].end > to {
		to = ws[k].end
	}
	for from > 0 {
		r, n := utf8.DecodeLastRuneInString(paragraph[:from])
		if unicode.IsSpace(r) || arabic.IsWordRune(r) {
			break
		}
		from -= n
	}
	for to < len(paragraph) {
		r, n := utf8.DecodeRuneInString(paragraph[to:])
		if unicode.IsSpace(r) || arabic.IsWordRune(r) {
			break
		}
		to += n
	}
	return paragraph[from:to], h.Start - from, h.End - from
}
