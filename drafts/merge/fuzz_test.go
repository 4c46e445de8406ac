package merge_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/merge"
)

// Texts the fuzz targets start from.
var fuzzSeeds = []string{
	sentence,
	"يتألف المجلس من الأعضاء المنتخبين، ومن ممثل عن السلطة الحكومية.",
	"الفقرة الأولى من المادة.\nالفقرة الثانية من المادة 12.",
	"- الهبات والوصايا؛\n- الإعانات؛\n- مداخيل أخرى.",
	"أ ب أ ب أ ب",
	"",
}

// words returns the tokens of text that are not white space, in the form
// the merge gives its result.
func words(text string) []string {
	var out []string
	for _, tok := range diff.Tokens(drafts.NormalizeParagraphs(text)) {
		if r, _ := utf8.DecodeRuneInString(tok); !unicode.IsSpace(r) {
			out = append(out, tok)
		}
	}
	return out
}

// checkOffsets fails the test if a hunk or conflict does not quote the
// base at its offsets.
func checkOffsets(t *testing.T, base string, r merge.Result) {
	t.Helper()
	base = drafts.NormalizeParagraphs(base)
	for _, h := range r.Hunks {
		if h.Start > h.End || h.End > len(base) || base[h.Start:h.End] != h.Base {
			t.Fatalf("hunk %+v does not quote the base at its offsets", h)
		}
	}
	for _, c := range r.Conflicts {
		if c.Start > c.End || c.End > len(base) || base[c.Start:c.End] != c.Base {
			t.Fatalf("conflict %+v does not quote the base at its offsets", c)
		}
		if len(c.Versions) < 2 {
			t.Fatalf("conflict %+v has fewer than two versions", c)
		}
	}
}

// The order of the amendments never changes the result.
func FuzzMergeOrder(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, strings.Replace(s, "من", "في", 1), strings.Replace(s, "المادة", "الفقرة", -1), s+" أيضا", uint8(i), uint8(i*7))
	}
	perms := [][3]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}
	f.Fuzz(func(t *testing.T, base, a, b, c string, repeals, perm uint8) {
		sides := []merge.Side{{ID: "A", Text: a}, {ID: "B", Text: b}, {ID: "C", Text: c}}
		for i := range sides {
			sides[i].Repeal = repeals&(1<<i) != 0 && repeals&0x80 != 0
		}
		want := merge.Merge(base, sides)
		checkOffsets(t, base, want)
		if want.Text != "" && (want.Repealed || len(want.Conflicts) > 0) {
			t.Fatalf("result %+v has a text beside a repeal or conflicts", want)
		}
		p := perms[int(perm)%len(perms)]
		shuffled := []merge.Side{sides[p[0]], sides[p[1]], sides[p[2]]}
		if got := merge.Merge(base, shuffled); !reflect.DeepEqual(got, want) {
			t.Fatalf("sides in the order %v give\n%+v\nin the order A B C\n%+v", p, got, want)
		}
	})
}

// Identical amendments count once: a wording proposed by two chambers
// merges as if one had proposed it, and alone it gives its own words; a
// wording equal to the base, or none, leaves the base as it is.
func FuzzMergeIdentical(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, strings.Replace(s, "من", "في", 1), s+" أيضا")
	}
	f.Fuzz(func(t *testing.T, base, a, b string) {
		normal := drafts.NormalizeParagraphs(base)
		if r := merge.Merge(base, nil); r.Text != normal || len(r.Hunks) > 0 || len(r.Conflicts) > 0 {
			t.Fatalf("no amendment to %q gives %+v; want the text as it is", normal, r)
		}
		if r := merge.Merge(base, []merge.Side{{ID: "A", Text: base}, {ID: "B", Text: "\n" + base + " "}}); r.Text != normal || len(r.Hunks) > 0 {
			t.Fatalf("wordings equal to the base %q give %+v; want the text as it is", normal, r)
		}
		one := merge.Merge(base, []merge.Side{{ID: "A", Text: a}})
		if len(one.Conflicts) > 0 {
			t.Fatalf("one wording conflicts with itself: %+v", one.Conflicts)
		}
		if !slices.Equal(words(one.Text), words(a)) {
			t.Fatalf("one wording %q merges to %q", a, one.Text)
		}
		two := merge.Merge(base, []merge.Side{{ID: "A", Text: a}, {ID: "B", Text: a}})
		if len(two.Conflicts) > 0 || two.Text != one.Text {
			t.Fatalf("the same wording twice gives %+v; once %q", two, one.Text)
		}
		for _, h := range two.Hunks {
			if !slices.Equal(h.Sides, []string{"A", "B"}) {
				t.Fatalf("hunk %+v of the same wording twice does not name both", h)
			}
		}
		withB := merge.Merge(base, []merge.Side{{ID: "A", Text: a}, {ID: "C", Text: b}})
		withAB := merge.Merge(base, []merge.Side{{ID: "A", Text: a}, {ID: "B", Text: a}, {ID: "C", Text: b}})
		if withAB.Text != withB.Text || len(withAB.Conflicts) != len(withB.Conflicts) {
			t.Fatalf("adding a copy of A to A and C changes the result:\n%+v\nfrom\n%+v", withAB, withB)
		}
	})
}

// An edit of the base: the unit it starts at, as an index among the base's
// words (words), and what it does there.
type edit struct {
	at   int    // the word replaced or deleted, or inserted before
	kind uint8  // editReplace, editDelete or editInsert
	word string // the new word, for a replacement or an insertion
}

const (
	editReplace = iota
	editDelete
	editInsert
)

// span returns the edit's span among the base's words, [start, end).
func (e edit) span() (int, int) {
	if e.kind == editInsert {
		return e.at, e.at
	}
	return e.at, e.at + 1
}

// apply returns the text of base with the edits made, word by word, with
// spaces around the new words so that they stand apart.
func apply(base string, edits ...edit) string {
	var b strings.Builder
	k := 0
	at := func(i int, tok string) {
		for _, e := range edits {
			if e.at != i {
				continue
			}
			switch e.kind {
			case editInsert:
				b.WriteString(" " + e.word + " ")
			case editReplace:
				b.WriteString(" " + e.word + " ")
				tok = ""
			case editDelete:
				tok = " "
			}
		}
		b.WriteString(tok)
	}
	for _, tok := range diff.Tokens(drafts.NormalizeParagraphs(base)) {
		if r, _ := utf8.DecodeRuneInString(tok); unicode.IsSpace(r) {
			b.WriteString(tok)
			continue
		}
		at(k, tok)
		k++
	}
	at(k, "")
	return b.String()
}

// wordsAfter returns the base's words with the edits made.
func wordsAfter(ws []string, edits ...edit) []string {
	var out []string
	for i := 0; i <= len(ws); i++ {
		keep := i < len(ws)
		for _, e := range edits {
			if e.at != i {
				continue
			}
			switch e.kind {
			case editInsert:
				out = append(out, e.word)
			case editReplace:
				out = append(out, e.word)
				keep = false
			case editDelete:
				keep = false
			}
		}
		if keep {
			out = append(out, ws[i])
		}
	}
	return out
}

// freshWords returns n words that base does not hold.
func freshWords(base string, n int) []string {
	have := make(map[string]bool)
	for _, w := range words(base) {
		have[w] = true
	}
	var out []string
	for k := 1; len(out) < n; k++ {
		if w := strings.Repeat("ظ", k); !have[w] {
			out = append(out, w)
		}
	}
	return out
}

// makeEdit turns fuzzed numbers into an edit of a base of n words whose
// diff is the edit itself, whatever the diff's choices: the new words are
// fresh, and a deleted word differs from both its neighbours (a paragraph
// break between words counts as a neighbour that differs).
func makeEdit(ws []string, at uint16, kind uint8, word string) (edit, bool) {
	e := edit{kind: kind % 3, word: word}
	if e.kind == editInsert {
		e.at = int(at) % (len(ws) + 1)
		return e, true
	}
	if len(ws) == 0 {
		return e, false
	}
	e.at = int(at) % len(ws)
	if e.kind == editDelete && (e.at > 0 && ws[e.at-1] == ws[e.at] || e.at+1 < len(ws) && ws[e.at+1] == ws[e.at]) {
		return e, false
	}
	return e, true
}

// Edits of different words, not next to each other, always merge, and the
// result holds both.
func FuzzMergeDisjoint(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, uint16(i), uint16(i+3), uint8(i), uint8(i+1))
	}
	f.Fuzz(func(t *testing.T, base string, at1, at2 uint16, kind1, kind2 uint8) {
		ws := words(base)
		fresh := freshWords(base, 2)
		e1, ok1 := makeEdit(ws, at1, kind1, fresh[0])
		e2, ok2 := makeEdit(ws, at2, kind2, fresh[1])
		if !ok1 || !ok2 {
			return
		}
		s1, t1 := e1.span()
		s2, t2 := e2.span()
		if t1 >= s2 && t2 >= s1 {
			// They overlap or touch. (Words on either side of a paragraph
			// break are not next to each other in the merge, which counts
			// the break as a unit; the test counts them as next.)
			return
		}
		a, b := apply(base, e1), apply(base, e2)
		r := merge.Merge(base, []merge.Side{{ID: "A", Text: a}, {ID: "B", Text: b}})
		if len(r.Conflicts) > 0 {
			t.Fatalf("edits %+v and %+v of %q conflict: %+v", e1, e2, base, r.Conflicts)
		}
		if want := wordsAfter(ws, e1, e2); !slices.Equal(words(r.Text), want) {
			t.Fatalf("edits %+v and %+v of %q merge to %q; want the words %q", e1, e2, base, r.Text, want)
		}
	})
}

// Different edits of the same word always conflict.
func FuzzMergeSameWord(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, uint16(i), uint8(i), uint8(i+1))
	}
	f.Fuzz(func(t *testing.T, base string, at uint16, kind1, kind2 uint8) {
		ws := words(base)
		fresh := freshWords(base, 2)
		e1, ok1 := makeEdit(ws, at, kind1, fresh[0])
		e2, ok2 := makeEdit(ws, at, kind2, fresh[1])
		if !ok1 || !ok2 || (e1.kind == editInsert) != (e2.kind == editInsert) || e1.kind == editDelete && e2.kind == editDelete {
			return // not two different edits of one word, or of one point
		}
		a, b := apply(base, e1), apply(base, e2)
		r := merge.Merge(base, []merge.Side{{ID: "A", Text: a}, {ID: "B", Text: b}})
		if len(r.Conflicts) != 1 || r.Text != "" {
			t.Fatalf("edits %+v and %+v of %q give %+v; want one conflict", e1, e2, base, r)
		}
		c := r.Conflicts[0]
		if len(c.Versions) != 2 || !slices.Equal(c.Versions[0].Sides, []string{"A"}) || !slices.Equal(c.Versions[1].Sides, []string{"B"}) {
			t.Fatalf("the conflict %+v should show A's version and B's", c)
		}
	})
}
