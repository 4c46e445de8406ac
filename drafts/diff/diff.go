// Package diff shows what changed between two wordings of Arabic legal text,
// word by word, the way a legal reviewer marks up a draft: words deleted,
// words inserted, and (in lenient mode) words whose spelling changed but not
// their meaning. It also compares two whole drafts article by article,
// recognising renumbered articles.
//
// Words are compared as tokens (see Tokens), so a law number such as
// «18.09» changed to «18.10» is one word replaced, never a digit. Each
// distinct token stands for one rune, and github.com/sergi/go-diff diffs
// the runes, without a time limit, so that the same two texts always give
// the same changes; its semantic cleanup then merges edits split by a lone
// common word. The texts are first cut at the words they share uniquely
// (patience diff's anchors), and edits are slid to where they read best
// (an inserted line starts a line), which go-diff, seeing only runes,
// cannot judge.
//
// Words compares the texts it is given as they are, white space included.
// OfAmendment, the diff both front-ends show of an amendment, first puts
// the article and the wording in the one form of paragraphs that
// drafts.NormalizeParagraphs gives: blank lines between paragraphs are
// no change.
package diff

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"statute/drafts"
)

// Op is what a Change does to the text.
type Op int

// The operations of a change.
const (
	// Equal: the text is in both versions.
	Equal Op = iota
	// Insert: the text is only in the new version.
	Insert
	// Delete: the text is only in the old version.
	Delete
	// Form: the words are the same but written differently (harakat,
	// tatweel, hamza on the alef, alef maqsura, Eastern digits…); Old is
	// how the old version wrote them. Only lenient diffs report it.
	Form
)

var opNames = [...]string{Equal: "equal", Insert: "insert", Delete: "delete", Form: "form"}

// String returns the op's name as used in JSON: "equal", "insert",
// "delete" or "form".
func (o Op) String() string {
	if o >= 0 && int(o) < len(opNames) {
		return opNames[o]
	}
	return "op?"
}

// MarshalText writes the op's name, so that JSON carries "insert" rather
// than a number a reader must look up.
func (o Op) MarshalText() ([]byte, error) {
	if o < 0 || int(o) >= len(opNames) {
		return nil, drafts.Errorf(drafts.Internal, "unknown diff operation %d", int(o))
	}
	return []byte(opNames[o]), nil
}

// UnmarshalText reads an op's name.
func (o *Op) UnmarshalText(b []byte) error {
	for i, name := range opNames {
		if string(b) == name {
			*o = Op(i)
			return nil
		}
	}
	return drafts.Errorf(drafts.Invalid, "unknown diff operation %q: use equal, insert, delete or form", b)
}

// A Change is one run of text and what happened to it. Text is the text as
// it reads in the new version (or, for a Delete, as it read in the old).
// Old is set only for a Form change: the old spelling of Text.
type Change struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
	Old  string `json:"old,omitempty"`
}

// Options tune a word diff.
type Options struct {
	// Lenient compares words by their folded form (arabic.Fold): words that
	// differ only in harakat, tatweel, alef forms, alef maqsura, Eastern
	// digits or Latin case are reported as Form changes instead of a
	// deletion and an insertion. Runs of white space are then compared by
	// their line breaks only. The default, strict, compares words exactly.
	Lenient bool
}

var differs = [2]sync.Pool{
	{New: func() any { return NewDiffer(Options{}) }},
	{New: func() any { return NewDiffer(Options{Lenient: true}) }},
}

// Words returns the word-level changes that turn old into new.
// Concatenating the Text of the Equal, Delete changes and the Old of the
// Form changes gives back old; the Text of Equal, Insert and Form changes
// gives back new. Adjacent deletions and insertions are grouped, the
// deletion first.
func Words(old, new string, opt Options) []Change {
	pool := &differs[0]
	if opt.Lenient {
		pool = &differs[1]
	}
	d := pool.Get().(*Differ)
	cs := d.Words(old, new)
	pool.Put(d)
	return cs
}

// A Differ computes word diffs with fixed options, reusing its buffers from
// one diff to the next. It is not safe for concurrent use; Words is, and
// keeps a pool of Differs.
type Differ struct {
	opt Options
	dmp *diffmatchpatch.DiffMatchPatch
	// exact maps each token seen in this diff to its rune (strict mode),
	// folded each fold key (lenient mode).
	exact  tokenTable
	folded tokenTable
	oldEnd []int // token end offsets
	newEnd []int
	ascii  [utf8.RuneSelf]rune // the rune of each one-byte ASCII token seen
	oldR   []rune              // one rune per token diffed
	newR   []rune
	key    []byte // the fold key of a token, in lenient mode
	// Scratch space of anchors.
	count, at   []int32
	tails, prev []int32
	cands, anch []anchor
	lineO       []int // line starts, for long texts
	lineN       []int
	segs        []segment
}

// NewDiffer returns a Differ that diffs with opt.
func NewDiffer(opt Options) *Differ {
	dmp := diffmatchpatch.New()
	// No deadline: with one, the result depends on the machine's load.
	dmp.DiffTimeout = 0
	return &Differ{opt: opt, dmp: dmp}
}

// Options returns the options the differ diffs with.
func (d *Differ) Options() Options { return d.opt }

// A segment is a run of tokens, old[o0:o1] and new[n0:n1] in token
// indices, with one operation.
type segment struct {
	op             Op
	o0, o1, n0, n1 int
}

// The runes that stand for tokens: the Private Use Area of the BMP, then the
// supplementary planes. They are all beyond ASCII, which go-diff's semantic
// cleanup needs: it scores any such rune as punctuation, every boundary
// between tokens scores alike, and its shifting of an edit (which counts
// in runes but slices in bytes) always comes back to a whole rune.
const (
	puaFirst   = 0xE000
	puaCount   = 0xF8FF - puaFirst + 1
	planeFirst = 0x10000
	maxTokens  = puaCount + (utf8.MaxRune - planeFirst + 1)
)

func tokenRune(i int) rune {
	if i < puaCount {
		return rune(puaFirst + i)
	}
	return rune(planeFirst + i - puaCount)
}

// Words returns the changes that turn old into new; see the function
// Words.
func (d *Differ) Words(old, new string) []Change {
	if old == new {
		if old == "" {
			return nil
		}
		return []Change{{Op: Equal, Text: old}}
	}
	defer d.reset()
	d.tokenize(old, new)
	// The tokens the texts begin and end with in common are equal whatever
	// the diff; only those between need encoding and diffing.
	lo, ln := len(d.oldEnd), len(d.newEnd)
	p := 0
	for p < lo && p < ln && d.oldEnd[p] == d.newEnd[p] && old[bound(d.oldEnd, p):d.oldEnd[p]] == new[bound(d.newEnd, p):d.newEnd[p]] {
		p++
	}
	q := 0
	for q < lo-p && q < ln-p && old[bound(d.oldEnd, lo-1-q):d.oldEnd[lo-1-q]] == new[bound(d.newEnd, ln-1-q):d.newEnd[ln-1-q]] {
		q++
	}
	d.segs = d.segs[:0]
	d.addSegment(Equal, 0, p, 0, p)
	if (lo-q-p)+(ln-q-p) <= maxWordTokens {
		d.diffWords(old, new, p, lo-q, p, ln-q)
	} else {
		d.diffLines(old, new, p, lo-q, p, ln-q)
	}
	d.addSegment(Equal, lo-q, lo, ln-q, ln)
	d.slide(old, new)
	return d.changes(old, new)
}

// Limits on the work of one diff. Without a deadline, go-diff takes time
// in proportion to the length of the texts times the number of edits, so
// two long texts that have little in common would take seconds. Texts of
// more than maxWordTokens tokens (those between the tokens they begin and
// end with in common) are first diffed line by line, as go-diff's own line
// mode does, and then word by word within each block of changed lines that
// is small enough; a larger block is shown as deleted and inserted whole.
// Articles and amendments stay well within the limits.
const (
	maxWordTokens = 4000
	maxLines      = 10000
)

func (d *Differ) addSegment(op Op, o0, o1, n0, n1 int) {
	if o0 < o1 || n0 < n1 {
		d.segs = append(d.segs, segment{op, o0, o1, n0, n1})
	}
}

// replace records tokens o0..o1-1 of old as deleted and n0..n1-1 of new
// as inserted.
func (d *Differ) replace(o0, o1, n0, n1 int) {
	d.addSegment(Delete, o0, o1, n0, n0)
	d.addSegment(Insert, o1, o1, n0, n1)
}

// diffWords diffs tokens o0..o1-1 of old with n0..n1-1 of new.
func (d *Differ) diffWords(old, new string, o0, o1, n0, n1 int) {
	var ok bool
	if d.oldR, ok = d.encode(d.oldR[:0], old, d.oldEnd, o0, o1); ok {
		d.newR, ok = d.encode(d.newR[:0], new, d.newEnd, n0, n1)
	}
	keep := len(d.segs)
	if ok {
		diffs := d.mainRunes(d.oldR, d.newR)
		if needsSemanticCleanup(diffs) {
			diffs = d.dmp.DiffCleanupSemantic(diffs)
		}
		ok = walk(diffs, d.oldR, d.newR, func(op Op, i0, i1, j0, j1 int) {
			d.addSegment(op, o0+i0, o0+i1, n0+j0, n0+j1)
		})
	}
	if !ok {
		d.segs = d.segs[:keep]
		d.replace(o0, o1, n0, n1)
	}
}

// tokenIndex is the inverse of tokenRune.
func tokenIndex(r rune) int {
	if r >= puaFirst && r < puaFirst+puaCount {
		return int(r - puaFirst)
	}
	return puaCount + int(r-planeFirst)
}

// walk calls seg for each diff of diffs with the span of a and b it covers,
// after checking that the diff's runes are those of a and b there. It
// reports false if they are not, which would be a bug in go-diff: the
// caller then falls back to a coarser diff rather than return a wrong one.
func walk(diffs []diffmatchpatch.Diff, a, b []rune, seg func(op Op, i0, i1, j0, j1 int)) bool {
	i, j := 0, 0
	for _, df := range diffs {
		i0, j0 := i, j
		op := Equal
		for _, r := range df.Text {
			switch df.Type {
			case diffmatchpatch.DiffEqual:
				if i >= len(a) || j >= len(b) || a[i] != r || b[j] != r {
					return false
				}
				i++
				j++
			case diffmatchpatch.DiffDelete:
				if i >= len(a) || a[i] != r {
					return false
				}
				op = Delete
				i++
			case diffmatchpatch.DiffInsert:
				if j >= len(b) || b[j] != r {
					return false
				}
				op = Insert
				j++
			}
		}
		seg(op, i0, i, j0, j)
	}
	return i == len(a) && j == len(b)
}

// reset empties the token tables, ready for the next diff.
func (d *Differ) reset() {
	d.exact.reset()
	d.folded.reset()
	clear(d.ascii[:])
}

// encode appends one rune for each of the tokens from..to-1 of s to dst. It
// reports false when the texts hold more distinct tokens than there are
// runes to stand for them.
func (d *Differ) encode(dst []rune, s string, ends []int, from, to int) ([]rune, bool) {
	start := bound(ends, from)
	for _, end := range ends[from:to] {
		tok := s[start:end]
		start = end
		// Spaces and ASCII punctuation are half the tokens: they skip the map.
		if len(tok) == 1 && tok[0] < utf8.RuneSelf {
			if r := d.ascii[tok[0]]; r != 0 {
				dst = append(dst, r)
				continue
			}
		}
		var (
			r    rune
			seen bool
			ok   = true
		)
		switch {
		case !d.opt.Lenient:
			if r, seen = d.exact.get(tok); !seen {
				r, ok = d.exact.add(tok)
			}
		case mayFold(tok):
			// The fold key is built in d.key, which the next token
			// reuses: the table copies it if it keeps it.
			d.key = appendFoldKey(d.key[:0], tok)
			if r, seen = d.folded.getBytes(d.key); !seen {
				r, ok = d.folded.add(string(d.key))
			}
		default:
			// Folding would leave the token as it is, which a scan of its
			// bytes tells faster than folding: it is its own key.
			if r, seen = d.folded.get(tok); !seen {
				r, ok = d.folded.add(tok)
			}
		}
		if !ok {
			return dst, false
		}
		if len(tok) == 1 && tok[0] < utf8.RuneSelf {
			d.ascii[tok[0]] = r
		}
		dst = append(dst, r)
	}
	return dst, true
}

// changes turns the segments into Changes: deletions and insertions that
// touch are grouped, deletion first, and in lenient mode the equal runs are
// split where the spelling differs.
func (d *Differ) changes(old, new string) []Change {
	oldTok := func(i, j int) string { return old[bound(d.oldEnd, i):bound(d.oldEnd, j)] }
	newTok := func(i, j int) string { return new[bound(d.newEnd, i):bound(d.newEnd, j)] }
	cs := make([]Change, 0, len(d.segs)+2)
	emit := func(c Change) {
		if c.Text == "" && c.Old == "" {
			return
		}
		if n := len(cs); n > 0 && cs[n-1].Op == c.Op && c.Op != Form {
			// Two runs of one op meet only where a fallback or a split left
			// them side by side; their texts are contiguous.
			cs[n-1].Text += c.Text
			return
		}
		cs = append(cs, c)
	}
	segs := d.segs
	for i := 0; i < len(segs); {
		s := segs[i]
		if s.op == Equal {
			// A lenient equality may pair words of different forms; most
			// are equal byte for byte, which one comparison settles.
			if d.opt.Lenient && oldTok(s.o0, s.o1) != newTok(s.n0, s.n1) {
				d.splitForms(s, oldTok, newTok, emit)
			} else {
				emit(Change{Op: Equal, Text: newTok(s.n0, s.n1)})
			}
			i++
			continue
		}
		// A group of deletions and insertions: contiguous in both texts.
		o0, o1, n0, n1 := s.o0, s.o1, s.n0, s.n1
		for i++; i < len(segs) && segs[i].op != Equal; i++ {
			o1, n1 = segs[i].o1, segs[i].n1
		}
		emit(Change{Op: Delete, Text: oldTok(o0, o1)})
		emit(Change{Op: Insert, Text: newTok(n0, n1)})
	}
	return cs
}

// splitForms emits an equal segment of a lenient diff as Equal and Form
// changes. Words that differ in form with only equal white space between
// them (on one line) make one Form change:
// «[~القانُون الأسـاسي~>القانون الاساسي~]» reads better than two.
func (d *Differ) splitForms(s segment, oldTok, newTok func(i, j int) string, emit func(Change)) {
	k := s.o1 - s.o0
	eqStart := 0 // start of the pending equal run, relative to s
	for j := 0; j < k; {
		if oldTok(s.o0+j, s.o0+j+1) == newTok(s.n0+j, s.n0+j+1) {
			j++
			continue
		}
		// A run of form changes from j to end, bridging equal white space.
		end := j + 1
		for next := end; next < k; {
			o, n := oldTok(s.o0+next, s.o0+next+1), newTok(s.n0+next, s.n0+next+1)
			if o != n {
				next++
				end = next
				continue
			}
			if isSpaceToken(o) && strings.IndexByte(o, '\n') < 0 {
				next++
				continue
			}
			break
		}
		emit(Change{Op: Equal, Text: newTok(s.n0+eqStart, s.n0+j)})
		emit(Change{Op: Form, Text: newTok(s.n0+j, s.n0+end), Old: oldTok(s.o0+j, s.o0+end)})
		eqStart, j = end, end
	}
	emit(Change{Op: Equal, Text: newTok(s.n0+eqStart, s.n0+k)})
}

// bound returns the start offset of token i, given the end offsets.
func bound(ends []int, i int) int {
	if i == 0 {
		return 0
	}
	return ends[i-1]
}

// OfAmendment is the word diff that an amendment makes to base, the text of
// the article it targets: new wording against base, a repeal deleting it
// all, an inserted article all new. Both texts are first put in the form
// of drafts.NormalizeParagraphs, the form a wording is stored in: a wording
// written with blank lines between its paragraphs, or with spaces at the
// ends of its lines, differs from the article by its words only, and a
// paragraph it adds reads as inserted text in its place.
func OfAmendment(base string, a *drafts.Amendment, opt Options) []Change {
	base = drafts.NormalizeParagraphs(base)
	switch a.Kind {
	case drafts.Repeal:
		return Words(base, "", opt)
	case drafts.Insert:
		return Words("", drafts.NormalizeParagraphs(a.Text), opt)
	}
	return Words(base, drafts.NormalizeParagraphs(a.Text), opt)
}
