package search_test

import (
	"slices"
	"testing"

	"statute/drafts/arabic"
	"statute/drafts/diff"
	"statute/drafts/search"
)

// wordSpan is a word's byte range in a line.
type wordSpan struct{ start, end int }

// diffWords returns the word tokens of a diff of line (words and numbers,
// not white space or punctuation).
func diffWords(line string) []wordSpan {
	var ws []wordSpan
	at := 0
	for _, tok := range diff.Tokens(line) {
		if arabic.WordEnd(tok, 0) == len(tok) {
			ws = append(ws, wordSpan{at, at + len(tok)})
		}
		at += len(tok)
	}
	return ws
}

// A search result's context and a diff split a line into the same words:
// the context of the hit on the i-th word with k words on each side holds
// the diff's words i-k to i+k, whole, and no other.
func TestContextWordsAreDiffWords(t *testing.T) {
	lines := []struct {
		text  string
		words []string
	}{
		{"المادة 18.09 (artisan) الأولى، والثانية",
			[]string{"المادة", "18.09", "artisan", "الأولى", "والثانية"}},
		{"يحدد القانونُ رقم ١٠٬٠٠٠ - الأسـاسي: (Art. 2025/07) و.",
			[]string{"يحدد", "القانونُ", "رقم", "١٠٬٠٠٠", "الأسـاسي", "Art", "2025/07", "و"}},
		{"مي\u200Cخواهم 3.5% «الغرفة»؛ ١٢المادة",
			[]string{"مي\u200Cخواهم", "3.5", "الغرفة", "١٢", "المادة"}},
	}
	for _, line := range lines {
		ws := diffWords(line.text)
		var got []string
		for _, w := range ws {
			got = append(got, line.text[w.start:w.end])
		}
		if !slices.Equal(got, line.words) {
			t.Fatalf("diff words of %q = %q, want %q", line.text, got, line.words)
		}
		for i, w := range ws {
			h := search.Hit{Article: "1", Start: w.start, End: w.end}
			for k := range 4 {
				ctx, s, e := search.Context(line.text, h, k)
				from := h.Start - s
				if from < 0 || ctx[s:e] != line.text[w.start:w.end] || line.text[from:from+len(ctx)] != ctx {
					t.Fatalf("Context(%q, word %d, %d) = %q [%d:%d]: not around the hit", line.text, i, k, ctx, s, e)
				}
				var in []string
				for _, x := range ws {
					inside := x.start >= from && x.end <= from+len(ctx)
					cut := x.start < from && x.end > from || x.start < from+len(ctx) && x.end > from+len(ctx)
					if cut {
						t.Errorf("Context(%q, word %d, %d) = %q cuts the diff's word %q", line.text, i, k, ctx, line.text[x.start:x.end])
					}
					if inside {
						in = append(in, line.text[x.start:x.end])
					}
				}
				if want := line.words[max(0, i-k):min(len(ws), i+k+1)]; !slices.Equal(in, want) {
					t.Errorf("Context(%q, word %d, %d) = %q holds the words %q, want %q", line.text, i, k, ctx, in, want)
				}
			}
		}
	}
}

// A hit found by Find, inside a word, gets the whole word as its context.
func TestContextOfAHitInsideAWord(t *testing.T) {
	p := "المادة 18.09 (artisan) الأولى، والثانية"
	for _, tt := range []struct{ query, want string }{
		{"الاولي", "الأولى،"},
		{"8.0", "18.09"},
		{"rtis", "(artisan)"},
		{"ثاني", "والثانية"},
	} {
		hits := search.Find(draft(p), tt.query, 0)
		if len(hits) != 1 {
			t.Fatalf("Find(%q) = %v, want one hit", tt.query, hits)
		}
		if ctx, _, _ := search.Context(p, hits[0], 0); ctx != tt.want {
			t.Errorf("Context of %q with no words around = %q, want %q", tt.query, ctx, tt.want)
		}
	}
}
