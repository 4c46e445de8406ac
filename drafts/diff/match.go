package diff

import (
	"cmp"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"

	"statute/drafts"
)

// Thresholds of the matching of articles by text.
const (
	// minSimilarity is the Jaccard similarity of word sets from which two
	// articles with different keys are taken for one, renumbered.
	minSimilarity = 0.6
	// keyBonus favours the article of the same key over one merely as
	// similar: a renumbering must be clearly better to win.
	keyBonus = 0.25
	// minKept is the share of its text an article must keep, under its
	// key, to be taken as itself without a search for a better match.
	minKept = 1 - keyBonus
)

// textKept returns the share of two texts, in bytes, that a word diff
// leaves in place: its equal (and form) runs over all its runs.
func textKept(cs []Change) float64 {
	kept, changed := 0, 0
	for _, c := range cs {
		if c.Op == Equal || c.Op == Form {
			kept += len(c.Text)
		} else {
			changed += len(c.Text)
		}
	}
	if kept+changed == 0 {
		return 1
	}
	return float64(kept) / float64(kept+changed)
}

// A matcher pairs the articles of two drafts. oldMatch[i] is the index in
// the new draft of old article i, or -1; newMatch the reverse.
type matcher struct {
	olds, news         []drafts.Article
	oldMatch, newMatch []int
	similarity         map[int]float64 // by new index, for pairs matched by similarity
	differ             *Differ
	diffs              map[int]madeDiff // word diffs made while matching, by new index
	sameText           []bool           // by new index: paired with an article of the same text
}

// A madeDiff is the word diff of old article old and a new one.
type madeDiff struct {
	old int
	cs  []Change
}

func newMatcher(olds, news []drafts.Article, d *Differ) *matcher {
	m := &matcher{olds: olds, news: news, oldMatch: make([]int, len(olds)), newMatch: make([]int, len(news)),
		differ: d, diffs: make(map[int]madeDiff), sameText: make([]bool, len(news))}
	for i := range m.oldMatch {
		m.oldMatch[i] = -1
	}
	for j := range m.newMatch {
		m.newMatch[j] = -1
	}
	return m
}

func (m *matcher) pair(i, j int) {
	m.oldMatch[i], m.newMatch[j] = j, i
}

// byKey pairs the articles that kept their key, heading and text.
func (m *matcher) byKey() {
	oldByKey := make(map[string]int, len(m.olds))
	for i := range m.olds {
		oldByKey[m.olds[i].Key] = i
	}
	for j := range m.news {
		b := &m.news[j]
		if i, ok := oldByKey[b.Key]; ok && m.oldMatch[i] < 0 {
			if a := &m.olds[i]; a.Heading == b.Heading && slices.Equal(a.Paragraphs, b.Paragraphs) {
				m.pair(i, j)
				m.sameText[j] = true
			}
		}
	}
}

// byText pairs, in order, the articles left whose texts are identical and
// not empty: an article renumbered without a change of wording. Texts are
// matched by a hash of their paragraphs, then compared, so that no text is
// copied.
func (m *matcher) byText() {
	seed := maphash.MakeSeed()
	hash := func(a *drafts.Article) uint64 {
		var h maphash.Hash
		h.SetSeed(seed)
		for _, p := range a.Paragraphs {
			h.WriteString(p)
			h.WriteByte('\n')
		}
		return h.Sum64()
	}
	oldByText := make(map[uint64][]int)
	for i := range m.olds {
		if m.oldMatch[i] < 0 && len(m.olds[i].Paragraphs) > 0 {
			h := hash(&m.olds[i])
			oldByText[h] = append(oldByText[h], i)
		}
	}
	if len(oldByText) == 0 {
		return
	}
	for j := range m.news {
		b := &m.news[j]
		if m.newMatch[j] >= 0 || len(b.Paragraphs) == 0 {
			continue
		}
		h := hash(b)
		for k, i := range oldByText[h] {
			if m.oldMatch[i] < 0 && slices.Equal(m.olds[i].Paragraphs, b.Paragraphs) {
				m.pair(i, j)
				m.sameText[j] = true
				oldByText[h] = slices.Delete(oldByText[h], k, k+1)
				break
			}
		}
	}
}

// A candidate is a possible pair of the similarity pass: old article i and
// new article j.
type candidate struct {
	i, j  int
	sim   float64
	score float64
}

// bySimilarity pairs the articles left by best score (see Compare). When
// every article left has its same-key partner left too, nothing was added,
// removed or renumbered, and the articles pair by key without computing any
// similarity.
func (m *matcher) bySimilarity() {
	var olds, news []int
	oldByKey := make(map[string]int)
	for i := range m.olds {
		if m.oldMatch[i] < 0 {
			olds = append(olds, i)
			oldByKey[m.olds[i].Key] = i
		}
	}
	for j := range m.news {
		if m.newMatch[j] < 0 {
			news = append(news, j)
		}
	}
	if len(olds) == 0 || len(news) == 0 {
		return
	}
	sameKey := make(map[int]int) // new index → old index
	for _, j := range news {
		if i, ok := oldByKey[m.news[j].Key]; ok {
			sameKey[j] = i
		}
	}
	if len(sameKey) == len(olds) && len(sameKey) == len(news) {
		for j, i := range sameKey {
			m.pair(i, j)
		}
		return
	}
	// An article that kept its key and three quarters of its text is
	// taken as itself, reworded, without a search for a better match: its
	// own score would be near 1, and no other could beat it by much. Its
	// word diff, which the report needs anyway, tells; the costlier word
	// sets are left to the articles still in doubt.
	for _, j := range news {
		i, ok := sameKey[j]
		if !ok {
			continue
		}
		cs := m.differ.Words(m.olds[i].Text(), m.news[j].Text())
		m.diffs[j] = madeDiff{i, cs}
		if textKept(cs) >= minKept {
			m.pair(i, j)
			delete(sameKey, j)
		}
	}
	olds = slices.DeleteFunc(olds, func(i int) bool { return m.oldMatch[i] >= 0 })
	news = slices.DeleteFunc(news, func(j int) bool { return m.newMatch[j] >= 0 })
	if len(olds) == 0 || len(news) == 0 {
		return
	}

	ws := newWordSets(m.olds, olds, m.news, news)
	var cands []candidate
	for y, j := range news {
		if i, ok := sameKey[j]; ok {
			x, _ := slices.BinarySearch(olds, i)
			s := ws.similarity(x, y)
			cands = append(cands, candidate{i, j, s, s + keyBonus})
		}
	}
	for _, c := range ws.join(minSimilarity) {
		c.i, c.j = olds[c.i], news[c.j]
		if m.olds[c.i].Key != m.news[c.j].Key {
			c.score = c.sim
			cands = append(cands, c)
		}
	}
	// Best score first; ties by position, so the result is deterministic.
	slices.SortFunc(cands, func(a, b candidate) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(a.j, b.j); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	m.similarity = make(map[int]float64)
	for _, c := range cands {
		if m.oldMatch[c.i] < 0 && m.newMatch[c.j] < 0 {
			m.pair(c.i, c.j)
			if m.olds[c.i].Key != m.news[c.j].Key {
				m.similarity[c.j] = c.sim
			}
		}
	}
}

// wordSets holds the folded word sets of the articles left to match, in
// the order of the index lists given to newWordSets: each a sorted list of
// word ranks, the rarest words first.
type wordSets struct {
	old, new [][]int32
	// The same sets as bitsets, when the words are few enough that
	// intersecting two bitsets is faster than merging two lists.
	oldBits, newBits [][]uint64
}

// maxBitsetWords bounds the vocabulary for which sets are also bitsets.
const maxBitsetWords = 8192

func newWordSets(olds []drafts.Article, oldIdx []int, news []drafts.Article, newIdx []int) *wordSets {
	var ids tokenTable
	var df []int32   // document frequency by word id
	var last []int32 // the last article (counted from 1) that had the word
	var key []byte
	article := int32(0)
	collect := func(a *drafts.Article) []int32 {
		article++
		var set []int32
		for _, p := range a.Paragraphs {
			for i := 0; i < len(p); {
				j := nextToken(p, i)
				if tok := p[i:j]; isWordToken(tok) {
					key = appendFoldKey(key[:0], tok)
					id, ok := ids.getBytes(key)
					if !ok {
						id = rune(len(df))
						if string(key) == tok {
							ids.put(tok, id)
						} else {
							ids.put(string(key), id)
						}
						df = append(df, 0)
						last = append(last, 0)
					}
					if last[id] != article {
						last[id] = article
						df[id]++
						set = append(set, id)
					}
				}
				i = j
			}
		}
		return set
	}
	ws := &wordSets{old: make([][]int32, len(oldIdx)), new: make([][]int32, len(newIdx))}
	for x, i := range oldIdx {
		ws.old[x] = collect(&olds[i])
	}
	for y, j := range newIdx {
		ws.new[y] = collect(&news[j])
	}
	// Rank words from rarest to commonest, so that the prefix filter of
	// join looks at the words that tell articles apart.
	order := make([]int32, len(df))
	for id := range order {
		order[id] = int32(id)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(df[a], df[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	rank := make([]int32, len(df))
	for r, id := range order {
		rank[id] = int32(r)
	}
	for _, sets := range [][][]int32{ws.old, ws.new} {
		for _, set := range sets {
			for k, id := range set {
				set[k] = rank[id]
			}
			slices.Sort(set)
		}
	}
	if len(df) <= maxBitsetWords {
		ws.oldBits, ws.newBits = bitsets(ws.old, len(df)), bitsets(ws.new, len(df))
	}
	return ws
}

func bitsets(sets [][]int32, words int) [][]uint64 {
	n := (words + 63) / 64
	all := make([]uint64, n*len(sets))
	out := make([][]uint64, len(sets))
	for k, set := range sets {
		b := all[k*n : (k+1)*n : (k+1)*n]
		for _, w := range set {
			b[w/64] |= 1 << (w % 64)
		}
		out[k] = b
	}
	return out
}

// similarity returns the Jaccard similarity of old set x and new set y.
func (ws *wordSets) similarity(x, y int) float64 {
	if ws.oldBits == nil {
		return jaccard(ws.old[x], ws.new[y])
	}
	inter := 0
	for k, b := range ws.oldBits[x] {
		inter += bits.OnesCount64(b & ws.newBits[y][k])
	}
	union := len(ws.old[x]) + len(ws.new[y]) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// join returns the pairs (i into old, j into new) whose similarity is at
// least t. Two sets that similar share at least one of their first
// |x|-⌈t|x|⌉+1 rarest words (the prefix filter of set-similarity joins),
// so only the pairs that do are measured.
func (ws *wordSets) join(t float64) []candidate {
	prefix := func(set []int32) []int32 {
		n := len(set)
		need := int(math.Ceil(t * float64(n)))
		return set[:n-need+1]
	}
	index := make(map[int32][]int32)
	for x, set := range ws.old {
		if len(set) > 0 {
			for _, w := range prefix(set) {
				index[w] = append(index[w], int32(x))
			}
		}
	}
	var out []candidate
	seen := make([]int, len(ws.old)) // the last y+1 that looked at x
	for y, set := range ws.new {
		if len(set) == 0 {
			continue
		}
		for _, w := range prefix(set) {
			for _, x := range index[w] {
				if seen[x] == y+1 {
					continue
				}
				seen[x] = y + 1
				other := ws.old[x]
				if float64(len(other)) < t*float64(len(set)) || float64(len(set)) < t*float64(len(other)) {
					continue
				}
				if s := ws.similarity(int(x), y); s >= t {
					out = append(out, candidate{i: int(x), j: y, sim: s})
				}
			}
		}
	}
	return out
}

// jaccard returns |x∩y| / |x∪y| of two sorted sets; 0 if both are empty.
func jaccard(x, y []int32) float64 {
	inter := 0
	for a, b := 0, 0; a < len(x) && b < len(y); {
		switch {
		case x[a] < y[b]:
			a++
		case x[a] > y[b]:
			b++
		default:
			inter++
			a++
			b++
		}
	}
	union := len(x) + len(y) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}
