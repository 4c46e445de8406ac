// Package search finds words in a draft the way a reader means them: «احكام»
// finds «أحكام», «الأسـاسي» and «الأساسيّ», and ٤ finds 4, because harakat,
// tatweel, alef forms and digit shapes are folded away on both sides
// (arabic.Fold). Hits come with their place in the original text, for
// highlighting it.
package search

import (
	"strings"

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
	q := arabic.Fold(strings.Join(strings.Fields(arabic.Normalize(query)), " "))
	if q == "" {
		return nil
	}
	var hits []Hit
	for _, a := range d.Articles {
		for p, text := range a.Paragraphs {
			folded, at := arabic.FoldIndex(text)
			for from := 0; ; {
				i := strings.Index(folded[from:], q)
				if i < 0 {
					break
				}
				i += from
				hits = append(hits, Hit{Article: a.Key, Paragraph: p, Start: at[i], End: at[i+len(q)]})
				if limit > 0 && len(hits) == limit {
					return hits
				}
				from = i + len(q)
			}
		}
	}
	return hits
}

// Context returns the words around a hit, for a list of results: up to
// about words words on each side, with the match marked by the returned
// offsets in the context string.
func Context(paragraph string, h Hit, words int) (context string, start, end int) {
	from := h.Start
	for n := 0; from > 0 && n <= words; {
		from--
		if paragraph[from] == ' ' {
			n++
		}
	}
	if from > 0 {
		from++
	}
	to := h.End
	for n := 0; to < len(paragraph) && n <= words; to++ {
		if paragraph[to] == ' ' {
			n++
			if n > words {
				break
			}
		}
	}
	return paragraph[from:to], h.Start - from, h.End - from
}
