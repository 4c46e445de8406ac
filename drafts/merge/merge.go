// Package merge consolidates the accepted amendments of one article: it
// merges all their wordings against the article's text at once, as a
// three-way merge (git's) does for two, and reports where they conflict
// rather than pick one.
//
// # What is compared
//
// The article and every wording are first put in the form of
// drafts.NormalizeParagraphs and split into the diff package's tokens
// (diff.Tokens). The merge works on units: every token that is not white
// space (a word, a number, a punctuation mark), and a paragraph break for
// every line break. White space within a line is not a unit: it travels
// with the unit after it, and is never compared. So two chambers that
// change two words with a space between never conflict over the space
// (only, by git's rule below, because the words are next to each other),
// and a wording that only doubles or drops a space between words changes
// nothing; white space is taken from whoever wrote the unit after it (the
// article's where no one changed it). A unit written with no space before
// it (a comma after a word) stays glued only where it still reads as the
// same token; elsewhere it gets one space. Splitting or joining paragraphs
// is a change, of the paragraph-break unit.
//
// The one-word-a-line files that git merges have no spaces either: where
// git's diffs of the two sides are the same as ours, the merge agrees with
// git merge-file, word for word, clean or in conflict (the tests check it
// against git).
//
// # Hunks and conflicts
//
// Each wording is diffed against the article, unit by unit, with the
// minimal diff of go-diff's Myers algorithm (no time limit, so the same
// texts always give the same hunks); a lone insertion or deletion that
// could stand at several places, such as one more «القانون» after a run of
// them, is slid to the last, as git's diff does. (diff.Words, the diff
// shown to reviewers, is not used: its semantic cleanup joins two edits
// split by a lone common word into one, which reads better but would make
// two amendments that change different words conflict.) A hunk is a span
// of the article's units [Start, End) and the units a wording puts there:
// a replacement, a
// deletion, or, when the span is empty, an insertion. Hunks that are the
// same (same span, same units) are one hunk, whichever wordings made them:
// identical changes count once. Two different hunks conflict when their
// spans overlap or touch: git's rule, by which a change of one word and a
// change of the next conflict, and two insertions at the same point with
// different words conflict. Conflicting hunks are grouped transitively into
// one conflict region; each conflict shows, as git's diff3 style does, the
// article's text of the region and each wording's text for it, naming the
// amendments that wrote it.
//
// Once a person has chosen a version of each conflict region (or the
// article's own text), Compose writes the article with those choices and
// every clean change: the text a person reads and edits before it is
// adopted.
//
// A repeal alone, or several, repeal the article. A repeal together with
// any wording, even one equal to the article, is a conflict: a person must
// choose.
//
// The result does not depend on the order of the sides: hunks are sorted
// by their span and then by their units, names within a hunk or a version
// are sorted, and where identical hunks differ in white space only, the
// one whose text sorts first is used.
//
// Inserted articles (drafts.Insert) are new articles, not wordings of the
// base, and are not merged here.
package merge

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"statute/drafts"
	"statute/drafts/diff"
)

// A Side is one accepted amendment of the article.
type Side struct {
	// ID names the amendment in the result, such as "FM-0007" or
	// "FM-0007 (FM)"; it should be unique among the sides.
	ID string
	// Text is the proposed wording. It is ignored for a repeal.
	Text string
	// Repeal is set when the amendment repeals the article.
	Repeal bool
}

// A Hunk is one change the consolidated text makes to the article, and
// the amendments that proposed it.
type Hunk struct {
	// Sides names the amendments that made this change, sorted.
	Sides []string
	// Start and End are the byte offsets in the article's text (in the
	// form of drafts.NormalizeParagraphs) of the words replaced; equal for
	// an insertion.
	Start, End int
	// Base is the article's text replaced: the article's text [Start:End].
	Base string
	// Text is the text put in its place.
	Text string
	// Repeal is set for a repeal's hunk, which deletes the whole article.
	Repeal bool
}

// A Version is what some of the sides of a conflict make of its region.
type Version struct {
	// Sides names the amendments that give the region this text, sorted.
	Sides []string
	// Text is the region as these amendments word it.
	Text string
	// Repeal is set for the version of the repeals in a conflict between
	// repeal and new wording.
	Repeal bool
}

// A Conflict is a region of the article that the amendments change in
// different ways, which a person must resolve.
type Conflict struct {
	// Start and End are the byte offsets of the region in the article's
	// text (in the form of drafts.NormalizeParagraphs); equal where two
	// amendments insert different words at the same point.
	Start, End int
	// Base is the article's text of the region.
	Base string
	// Versions are the texts the amendments give the region, at least
	// two, sorted by the first of their Sides. Amendments that leave the
	// region as it is are not listed.
	Versions []Version
	// Repeal is set for a conflict between repeal and new wording: the
	// region is then the whole article.
	Repeal bool
}

// A Result is the consolidation of an article's accepted amendments.
type Result struct {
	// Text is the consolidated text, in the form of
	// drafts.NormalizeParagraphs; "" when the article is repealed or when
	// there are conflicts.
	Text string
	// Repealed is set when the amendments repeal the article.
	Repealed bool
	// Conflicts lists the regions a person must resolve, in the order of
	// the text. Text is only valid if there are none.
	Conflicts []Conflict
	// Hunks are the changes that merged, in the order of the text, with
	// the amendments that made each.
	Hunks []Hunk
}

// A unit is one thing the merge compares: a token that is not white
// space, or a paragraph break ("\n"), with the white space before it.
type unit struct {
	sep, tok string
	// lineStart is set when the unit began a paragraph (or the text) where
	// it was written: it had no white space before it.
	lineStart bool
	// start and end are the token's byte offsets in its text.
	start, end int
}

const paragraphBreak = "\n"

// units splits text, in the form of drafts.NormalizeParagraphs, into units.
func units(text string) []unit {
	var out []unit
	sep, lineStart, at := "", true, 0
	for _, tok := range diff.Tokens(text) {
		start := at
		at += len(tok)
		if r, _ := utf8.DecodeRuneInString(tok); unicode.IsSpace(r) {
			if strings.ContainsAny(tok, "\n\r\v\f") {
				out = append(out, unit{tok: paragraphBreak, lineStart: lineStart, start: start, end: at})
				sep, lineStart = "", true
			} else {
				sep += tok
			}
			continue
		}
		out = append(out, unit{sep: sep, tok: tok, lineStart: lineStart, start: start, end: at})
		sep, lineStart = "", false
	}
	return out
}

// render writes units as text: a paragraph break as a line feed, any other
// unit after its white space, but for the first of a line, which has none,
// and one that began a line where it was written and now follows another
// unit on its line, which gets one space.
//
// A unit written right after another, with no white space between (a
// comma after a word), stays glued to what is before it only if it still
// reads as the same token there: a word glued to a dash it followed in the
// article is written with a space after another wording's word, and a
// comma glued after a number that another wording's number now follows
// («0,» and «0») with a space after it, or it would read as «0,0».
func render(us []unit) string {
	var b strings.Builder
	atLineStart := true
	// Where the last units written since the last white space start: the
	// glue is judged on the last three, so that a long run of punctuation
	// costs no more than a short one.
	var run [3]int
	inRun := 0
	mark := func() {
		if inRun == len(run) {
			copy(run[:], run[1:])
			inRun--
		}
		run[inRun] = b.Len()
		inRun++
	}
	for _, u := range us {
		if u.tok == paragraphBreak {
			b.WriteString("\n")
			atLineStart = true
			continue
		}
		switch {
		case atLineStart:
			inRun = 0
		case u.sep == "" && (u.lineStart || !glues(b.String()[run[0]:], u.tok)):
			b.WriteByte(' ')
			inRun = 0
		case u.sep != "":
			b.WriteString(u.sep)
			inRun = 0
		}
		mark()
		b.WriteString(u.tok)
		atLineStart = false
	}
	return drafts.NormalizeParagraphs(b.String())
}

// glues reports whether tok, written right after text, reads as the token
// tok.
func glues(text, tok string) bool {
	toks := diff.Tokens(text + tok)
	return toks[len(toks)-1] == tok
}

// A hunk is a change of one side: the base units [b0, b1) replaced by repl.
type hunk struct {
	b0, b1 int
	repl   []unit
	key    string // the span and the units of repl, which identify the change
	text   string // repl rendered
	raw    string // repl's units and all their white space, to choose among identical hunks
	sides  []int  // the sides that made it
}

// interner gives each distinct token a rune, for go-diff to diff.
type interner map[string]rune

func (in interner) encode(us []unit) []rune {
	rs := make([]rune, len(us))
	for i, u := range us {
		r, ok := in[u.tok]
		if !ok {
			r = tokenRune(len(in))
			in[u.tok] = r
		}
		rs[i] = r
	}
	return rs
}

// tokenRune is the rune of the i-th distinct token: the Private Use Area,
// then the supplementary planes, as package diff does.
func tokenRune(i int) rune {
	const puaFirst, puaCount = 0xE000, 0xF8FF - 0xE000 + 1
	if i < puaCount {
		return rune(puaFirst + i)
	}
	return rune(0x10000 + i - puaCount)
}

// hunks returns the hunks that turn base, encoded as b, into side, encoded
// as s. A lone insertion or deletion that could stand in more than one
// place (a word added to a run of the same word) is slid to the last of
// them, as git's diff slides it, so that a merge meets the same hunks as
// git's; it stops short of touching the side's next hunk.
func hunks(dmp *diffmatchpatch.DiffMatchPatch, b, s []rune, side []unit) []hunk {
	if slices.Equal(b, s) {
		return nil
	}
	type span struct{ b0, b1, s0, s1 int }
	var spans []span
	i, j := 0, 0
	open := false
	for _, d := range dmp.DiffMainRunes(b, s, false) {
		n := utf8.RuneCountInString(d.Text)
		if d.Type == diffmatchpatch.DiffEqual {
			open = false
			i += n
			j += n
			continue
		}
		if !open {
			spans = append(spans, span{i, i, j, j})
			open = true
		}
		if d.Type == diffmatchpatch.DiffDelete {
			i += n
		} else {
			j += n
		}
		spans[len(spans)-1].b1, spans[len(spans)-1].s1 = i, j
	}
	out := make([]hunk, len(spans))
	for k, sp := range spans {
		limit := len(b) // the hunk must end before limit, or at len(b)
		if k+1 < len(spans) {
			limit = spans[k+1].b0 - 1
		}
		switch {
		case sp.b0 == sp.b1: // an insertion: side[s0] is base[b0] again at side[s1]
			for sp.b0 < limit && sp.s1 < len(s) && s[sp.s0] == b[sp.b0] {
				sp.b0, sp.b1, sp.s0, sp.s1 = sp.b0+1, sp.b1+1, sp.s0+1, sp.s1+1
			}
		case sp.s0 == sp.s1: // a deletion
			for sp.b1 < limit && b[sp.b0] == b[sp.b1] {
				sp.b0, sp.b1, sp.s0, sp.s1 = sp.b0+1, sp.b1+1, sp.s0+1, sp.s1+1
			}
		}
		out[k] = hunk{b0: sp.b0, b1: sp.b1, repl: side[sp.s0:sp.s1]}
	}
	return out
}

// rawText writes units with all their white space, and whether each began
// a line: two lists of units with the same rawText render alike wherever
// they stand.
func rawText(us []unit) string {
	var b strings.Builder
	for _, u := range us {
		b.WriteString(u.sep)
		if u.lineStart {
			b.WriteByte(1)
		}
		b.WriteString(u.tok)
	}
	return b.String()
}

// hunkKey identifies a change by its span and its units, white space
// aside.
func hunkKey(b0, b1 int, repl []unit) string {
	var k strings.Builder
	writeInt(&k, b0)
	writeInt(&k, b1)
	for _, u := range repl {
		k.WriteString(u.tok)
		k.WriteByte(0)
	}
	return k.String()
}

func writeInt(b *strings.Builder, n int) {
	b.WriteByte(byte(n >> 24))
	b.WriteByte(byte(n >> 16))
	b.WriteByte(byte(n >> 8))
	b.WriteByte(byte(n))
}

// Merge consolidates sides, the accepted amendments of an article whose
// text is base; see the package documentation for the rules.
func Merge(base string, sides []Side) Result { return merge(base, sides, nil) }

// merge is Merge, and Compose when pick is set: then each conflict region
// takes the version pick chooses (its index in the conflict's Versions),
// or the base's text for -1, and Text is the article so written.
func merge(base string, sides []Side, pick func(k int, c Conflict) int) Result {
	base = drafts.NormalizeParagraphs(base)
	var repeals, wordings []int
	for i, s := range sides {
		if s.Repeal {
			repeals = append(repeals, i)
		} else {
			wordings = append(wordings, i)
		}
	}
	if len(repeals) > 0 {
		return repealResult(base, sides, repeals, wordings)
	}
	bu := units(base)
	in := make(interner)
	br := in.encode(bu)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0

	own := make([][]hunk, len(sides)) // each side's hunks, its own white space
	distinct := make(map[string]*hunk)
	for _, i := range wordings {
		su := units(drafts.NormalizeParagraphs(sides[i].Text))
		own[i] = hunks(dmp, br, in.encode(su), su)
		for k := range own[i] {
			h := &own[i][k]
			h.key = hunkKey(h.b0, h.b1, h.repl)
			h.text = render(h.repl)
			h.raw = rawText(h.repl)
			h.sides = []int{i}
			d, ok := distinct[h.key]
			if !ok {
				c := *h
				c.sides = []int{i}
				distinct[h.key] = &c
				continue
			}
			d.sides = append(d.sides, i)
			if h.raw < d.raw {
				d.text, d.raw, d.repl = h.text, h.raw, h.repl
			}
		}
	}
	all := make([]*hunk, 0, len(distinct))
	for _, h := range distinct {
		all = append(all, h)
	}
	slices.SortFunc(all, func(a, b *hunk) int {
		if a.b0 != b.b0 {
			return a.b0 - b.b0
		}
		if a.b1 != b.b1 {
			return a.b1 - b.b1
		}
		return strings.Compare(a.key, b.key)
	})

	var r Result
	var merged []unit
	next := 0 // the first base unit not yet copied to merged
	for g := 0; g < len(all); {
		lo, hi := all[g].b0, all[g].b1
		e := g + 1
		for e < len(all) && all[e].b0 <= hi {
			hi = max(hi, all[e].b1)
			e++
		}
		start, end := span(bu, lo, hi)
		if e == g+1 {
			h := all[g]
			r.Hunks = append(r.Hunks, Hunk{Sides: names(sides, h.sides), Start: start, End: end, Base: base[start:end], Text: h.text})
			merged = append(merged, bu[next:h.b0]...)
			merged = append(merged, h.repl...)
			next = h.b1
		} else if c, agreed, versions := conflict(base, bu, sides, own, all[g:e], lo, hi); agreed != nil {
			// Different hunks that touch, whose sides all word the region
			// alike in the end (one side's two changes, another's one
			// covering both): no conflict, one change.
			v := c.Versions[0]
			r.Hunks = append(r.Hunks, Hunk{Sides: v.Sides, Start: start, End: end, Base: base[start:end], Text: v.Text})
			merged = append(merged, bu[next:lo]...)
			merged = append(merged, agreed...)
			next = hi
		} else {
			if pick != nil {
				merged = append(merged, bu[next:lo]...)
				if v := pick(len(r.Conflicts), c); v >= 0 && v < len(versions) {
					merged = append(merged, versions[v]...)
				} else {
					merged = append(merged, bu[lo:hi]...)
				}
				next = hi
			}
			r.Conflicts = append(r.Conflicts, c)
		}
		g = e
	}
	if len(r.Conflicts) > 0 && pick == nil {
		return r
	}
	merged = append(merged, bu[next:]...)
	r.Text = render(merged)
	return r
}

// span returns the byte offsets in the base of its units [lo, hi).
func span(bu []unit, lo, hi int) (int, int) {
	if lo < hi {
		return bu[lo].start, bu[hi-1].end
	}
	if lo > 0 {
		return bu[lo-1].end, bu[lo-1].end
	}
	return 0, 0
}

// names returns the sorted IDs of the sides at indices is.
func names(sides []Side, is []int) []string {
	out := make([]string, len(is))
	for k, i := range is {
		out[k] = sides[i].ID
	}
	slices.Sort(out)
	return out
}

// conflict describes the region [lo, hi) of the base, where the hunks hs
// conflict: each side's text for the region is the base's with that side's
// own hunks in it applied.
//
// When every side involved words the region alike, the conflict has one
// version, and agreed is the region's units as one of them wrote it: the
// one whose white space sorts first, so that the sides' order does not
// matter. agreed is nil otherwise. versions are the units of each of c's
// Versions, chosen among its sides' alike.
func conflict(base string, bu []unit, sides []Side, own [][]hunk, hs []*hunk, lo, hi int) (c Conflict, agreed []unit, versions [][]unit) {
	start, end := span(bu, lo, hi)
	c = Conflict{Start: start, End: end, Base: base[start:end]}
	var involved []int
	for _, h := range hs {
		involved = append(involved, h.sides...)
	}
	slices.Sort(involved)
	involved = slices.Compact(involved)
	byText := make(map[string][]int)
	unitsOf := make(map[string][]unit)
	for _, i := range involved {
		var us []unit
		at := lo
		for _, h := range own[i] {
			if h.b0 < lo || h.b1 > hi {
				continue
			}
			us = append(us, bu[at:h.b0]...)
			us = append(us, h.repl...)
			at = h.b1
		}
		us = append(us, bu[at:hi]...)
		t := render(us)
		byText[t] = append(byText[t], i)
		if u, ok := unitsOf[t]; !ok || rawText(us) < rawText(u) {
			unitsOf[t] = us
		}
		if agreed == nil || rawText(us) < rawText(agreed) {
			agreed = append([]unit{}, us...) // not nil, even for a region deleted
		}
	}
	for t, is := range byText {
		c.Versions = append(c.Versions, Version{Sides: names(sides, is), Text: t})
	}
	sortVersions(c.Versions)
	if len(c.Versions) != 1 {
		agreed = nil
	}
	for _, v := range c.Versions {
		versions = append(versions, unitsOf[v.Text])
	}
	return c, agreed, versions
}

func sortVersions(vs []Version) {
	slices.SortFunc(vs, func(a, b Version) int {
		if c := slices.Compare(a.Sides, b.Sides); c != 0 {
			return c
		}
		return strings.Compare(a.Text, b.Text)
	})
}

// repealResult is the result when some sides, at indices repeals, repeal
// the article: a repeal if no other side words it, else one conflict over
// the whole article.
func repealResult(base string, sides []Side, repeals, wordings []int) Result {
	if len(wordings) == 0 {
		return Result{Repealed: true, Hunks: []Hunk{{Sides: names(sides, repeals), End: len(base), Base: base, Repeal: true}}}
	}
	c := Conflict{End: len(base), Base: base, Repeal: true,
		Versions: []Version{{Sides: names(sides, repeals), Repeal: true}}}
	byText := make(map[string][]int)
	for _, i := range wordings {
		t := drafts.NormalizeParagraphs(sides[i].Text)
		byText[t] = append(byText[t], i)
	}
	for t, is := range byText {
		c.Versions = append(c.Versions, Version{Sides: names(sides, is), Text: t})
	}
	sortVersions(c.Versions)
	return Result{Conflicts: []Conflict{c}}
}

// Diff3 writes the conflict as git's diff3 style does, one version after
// another between marker lines, each marker naming its amendments: the
// first version after «<<<<<<<», the article's text after «|||||||
// base», each other version after «=======», and «>>>>>>>» to close. A
// repeal is written as «(repeal)» in the marker, with no text.
func (c Conflict) Diff3() string {
	var b strings.Builder
	block := func(marker string, v Version) {
		b.WriteString(marker + " " + strings.Join(v.Sides, ", "))
		if v.Repeal {
			b.WriteString(" (repeal)")
		}
		b.WriteString("\n")
		if v.Text != "" {
			b.WriteString(v.Text + "\n")
		}
	}
	for k, v := range c.Versions {
		if k == 0 {
			block("<<<<<<<", v)
			block("|||||||", Version{Sides: []string{"base"}, Text: c.Base})
			continue
		}
		block("=======", v)
	}
	b.WriteString(">>>>>>>\n")
	return b.String()
}
