package diff

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// mainRunes diffs a and b with go-diff, having first cut them at anchors:
// tokens that occur once in a and once in b, with the same neighbours, in
// the same order (the longest such sequence), as patience diff does. An
// anchor is the same word in the same place of the same phrase, which a
// sensible diff keeps anyway; go-diff, whose work grows with the length of
// the texts times the number of edits and which allocates at every step,
// then runs only on the stretches between anchors that hold more than a
// replaced, inserted or deleted word. This is most of the speed of Words.
func (d *Differ) mainRunes(a, b []rune) []diffmatchpatch.Diff {
	anchors := d.anchors(a, b)
	if len(anchors) == 0 {
		return d.dmp.DiffMainRunes(a, b, false)
	}
	var out []diffmatchpatch.Diff
	add := func(df diffmatchpatch.Diff) {
		if n := len(out); n > 0 && out[n-1].Type == df.Type {
			out[n-1].Text += df.Text
			return
		}
		out = append(out, df)
	}
	// eq0 is the start in a of the equality that ends at i, if any.
	i, j, eq0 := 0, 0, 0
	// gap diffs a[i:ai] with b[j:aj]. Most gaps hold one replaced, inserted
	// or deleted word once their common ends are trimmed; those are
	// settled here as go-diff would settle them, and only the others go to
	// it.
	gap := func(ai, aj int) {
		ga, gb := a[i:ai], b[j:aj]
		p := 0
		for p < len(ga) && p < len(gb) && ga[p] == gb[p] {
			p++
		}
		if p == len(ga) && p == len(gb) {
			return // the equality goes on
		}
		q := 0
		for q < len(ga)-p && q < len(gb)-p && ga[len(ga)-1-q] == gb[len(gb)-1-q] {
			q++
		}
		if eq0 < i+p {
			add(diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: string(a[eq0 : i+p])})
		}
		ma, mb := ga[p:len(ga)-q], gb[p:len(gb)-q]
		switch {
		case len(ma) == 0:
			add(diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: string(mb)})
		case len(mb) == 0:
			add(diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: string(ma)})
		case len(ma) == 1 && len(mb) == 1:
			add(diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: string(ma)})
			add(diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: string(mb)})
		default:
			for _, df := range d.dmp.DiffMainRunes(ma, mb, false) {
				add(df)
			}
		}
		eq0 = ai - q
	}
	for _, an := range anchors {
		gap(an.i, an.j)
		i, j = an.i+1, an.j+1
	}
	gap(len(a), len(b))
	if eq0 < len(a) {
		add(diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: string(a[eq0:])})
	}
	return out
}

type anchor struct{ i, j int }

// anchors returns the longest sequence, increasing in both texts, of the
// tokens that occur exactly once in a and once in b.
func (d *Differ) anchors(a, b []rune) []anchor {
	n := d.exact.Len()
	if d.opt.Lenient {
		n = d.folded.Len()
	}
	// count[2k] counts token k in a, count[2k+1] in b, up to 2; at[k] is
	// its place in b.
	d.count = slices.Grow(d.count[:0], 2*n)[:2*n]
	clear(d.count)
	d.at = slices.Grow(d.at[:0], n)[:n]
	for _, r := range a {
		if k := tokenIndex(r); d.count[2*k] < 2 {
			d.count[2*k]++
		}
	}
	for j, r := range b {
		k := tokenIndex(r)
		if d.count[2*k+1] < 2 {
			d.count[2*k+1]++
		}
		d.at[k] = int32(j)
	}
	cands := d.cands[:0]
	for i, r := range a {
		if k := tokenIndex(r); d.count[2*k] == 1 && d.count[2*k+1] == 1 && sameContext(a, b, i, int(d.at[k])) {
			cands = append(cands, anchor{i, int(d.at[k])})
		}
	}
	d.cands = cands
	if len(cands) == 0 {
		return nil
	}
	// Longest increasing subsequence of the places in b (patience
	// sorting): tails[l] is the candidate that ends the best sequence of
	// length l+1 found so far, prev links each candidate to the one before.
	tails := d.tails[:0]
	prev := slices.Grow(d.prev[:0], len(cands))[:len(cands)]
	for c := range cands {
		l, _ := slices.BinarySearchFunc(tails, cands[c].j, func(t int32, j int) int { return cmp.Compare(cands[t].j, j) })
		if l > 0 {
			prev[c] = tails[l-1]
		} else {
			prev[c] = -1
		}
		if l == len(tails) {
			tails = append(tails, int32(c))
		} else {
			tails[l] = int32(c)
		}
	}
	d.tails, d.prev = tails, prev
	out := d.anch[:0]
	for c := tails[len(tails)-1]; c >= 0; c = prev[c] {
		out = append(out, cands[c])
	}
	slices.Reverse(out)
	d.anch = out
	return out
}

// anchorContext is how many tokens on each side of an anchor must be the
// same in both texts: a word unique in both but moved elsewhere (a common
// amendment) has other neighbours and is no anchor.
const anchorContext = 2

// sameContext reports whether the tokens around a[i] and b[j] are the same,
// the ends of the texts counting as alike.
func sameContext(a, b []rune, i, j int) bool {
	for k := 1; k <= anchorContext; k++ {
		if (i-k >= 0) != (j-k >= 0) || i-k >= 0 && a[i-k] != b[j-k] {
			return false
		}
		if (i+k < len(a)) != (j+k < len(b)) || i+k < len(a) && a[i+k] != b[j+k] {
			return false
		}
	}
	return true
}

// needsSemanticCleanup reports whether go-diff's DiffCleanupSemantic would
// merge anything: whether an equality is no longer than the edits on
// either side of it (the test of its first pass, counted the same way).
// When none is, the cleanup would only shift edits sideways, which slide
// does anyway and with knowledge of the tokens; skipping it saves much of
// the time of a typical diff.
func needsSemanticCleanup(diffs []diffmatchpatch.Diff) bool {
	var ins1, del1, ins2, del2, lastEq int
	for _, df := range diffs {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			ins1, del1, ins2, del2, lastEq = ins2, del2, 0, 0, n
			continue
		case diffmatchpatch.DiffInsert:
			ins2 += n
		default:
			del2 += n
		}
		if lastEq > 0 && lastEq <= max(ins1, del1) && lastEq <= max(ins2, del2) {
			return true
		}
	}
	return false
}
