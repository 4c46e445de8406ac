package export

import (
	"strings"

	"statute/drafts"
	"statute/drafts/diff"
)

// The text exports that show a version's changes (HTML and Word) read
// them from one walk of the two versions, blocks: which blocks of text
// stayed, came, went or changed word by word, in what order, and who made
// each change. Each format only says how a block looks, so that the page
// and the Word file never disagree about what changed or who changed it.

// A part is what a block of the text is.
type part int

const (
	titlePart    part = iota // the draft's title
	preamblePart             // its preamble's paragraphs
	divisionPart             // a division's heading line
	headingPart              // an article's heading line
	bodyPart                 // an article's paragraphs, always right after its heading line
)

// A block is one part of the text as the previous version had it (olds)
// and as the version has it (news), one string a paragraph. A block
// either side lacks (olds or news empty) is wholly inserted or deleted,
// by authors[0]; one both sides have is the same on both (changes nil)
// or changed word by word (changes).
type block struct {
	part  part
	level drafts.Level // a division's
	// art is the article a heading line or body is of: the version's, or
	// the previous version's when removed is set. changed is set when
	// the article was added, removed, renumbered or changed, as
	// diff.Compare reports it.
	art              *drafts.Article
	removed, changed bool
	olds, news       []string
	// changes are the word changes between olds and news, each side's
	// paragraphs joined by line feeds (a line feed inserted or deleted
	// starts or joins a paragraph), nil when the two are the same.
	changes []diff.Change
	// authors are who made the block's changes: one per hunk of changes,
	// or the one author of a block wholly inserted or deleted. by[i] is
	// the hunk of changes[i], its author's index in authors, -1 for text
	// kept.
	authors []author
	by      []int
}

// inserted and deleted report whether b is wholly new, or wholly gone.
func (b *block) inserted() bool { return len(b.olds) == 0 && len(b.news) > 0 }
func (b *block) deleted() bool  { return len(b.news) == 0 && len(b.olds) > 0 }

// blocks walks d's text in order: as it reads without prev; with prev,
// the version before it, with its changes against it, by who made them
// (authorship; nil names no one). Articles are matched as diff.Compare
// matches them; a removed article stands where it stood (after the
// article that preceded it, and after the divisions that stand for those
// that preceded it); divisions are matched by their place in the tree
// (diff.DivisionKeys), a division of prev no longer there standing where it
// stood, before the first article of prev that came after it.
func blocks(d, prev *drafts.Draft, who *authorship) []block {
	if prev == nil {
		return clean(d)
	}
	t := &walk{who: who}
	var fed side // unnamed and undated without authorship
	if who != nil {
		fed.fixed = who.federation
	}
	t.add(block{part: titlePart}, lines(prev.Title), lines(d.Title), fed)
	t.add(block{part: preamblePart}, prev.Preamble, d.Preamble, fed)

	rep := diff.Compare(prev, d, diff.Options{})
	oldAt := map[string]int{} // each article of prev by key
	for i := range prev.Articles {
		oldAt[prev.Articles[i].Key] = i
	}
	newAt := map[string]int{}
	matched := make([]int, len(d.Articles)) // the article of prev each of d's is, or -1
	for j := range d.Articles {
		newAt[d.Articles[j].Key] = j
		matched[j] = -1
		if i, ok := oldAt[d.Articles[j].Key]; ok {
			matched[j] = i
		}
	}
	changed := make([]bool, len(d.Articles))
	for _, ad := range rep.Articles {
		switch ad.Kind {
		case diff.Added:
			matched[newAt[ad.NewKey]] = -1
		case diff.Renumbered, diff.Changed:
			matched[newAt[ad.NewKey]] = oldAt[ad.OldKey]
		}
		if ad.Kind != diff.Removed {
			changed[newAt[ad.NewKey]] = true
		}
	}
	removed := map[int][]int{} // prev's removed articles, by the index in d of the article they follow (-1: none)
	after := -1
	newOf := make([]int, len(prev.Articles))
	for i := range newOf {
		newOf[i] = -1
	}
	for j, i := range matched {
		if i >= 0 {
			newOf[i] = j
		}
	}
	for i := range prev.Articles {
		if newOf[i] >= 0 {
			after = newOf[i]
		} else {
			removed[after] = append(removed[after], i)
		}
	}

	oldKeys, newKeys := diff.DivisionKeys(prev), diff.DivisionKeys(d)
	oldDiv := map[string]int{}
	for i, k := range oldKeys {
		if _, dup := oldDiv[k]; !dup {
			oldDiv[k] = i
		}
	}
	divMatch := make([]int, len(d.Divisions))
	divKept := make([]bool, len(prev.Divisions))
	for j, k := range newKeys {
		divMatch[j] = -1
		if i, ok := oldDiv[k]; ok && !divKept[i] {
			divMatch[j], divKept[i] = i, true
		}
	}
	oldWritten := 0 // prev's divisions passed so far, in its order
	oldDivisions := func(upTo int) {
		for ; oldWritten <= upTo && oldWritten < len(prev.Divisions); oldWritten++ {
			if !divKept[oldWritten] {
				dv := prev.Divisions[oldWritten]
				t.add(block{part: divisionPart, level: dv.Level}, []string{divisionHeading(prev, dv)}, nil, fed)
			}
		}
	}
	newWritten := 0
	newDivisions := func(upTo int) {
		for ; newWritten <= upTo && newWritten < len(d.Divisions); newWritten++ {
			dv := d.Divisions[newWritten]
			var olds []string
			if i := divMatch[newWritten]; i >= 0 {
				olds = []string{divisionHeading(prev, prev.Divisions[i])}
			}
			t.add(block{part: divisionPart, level: dv.Level}, olds, []string{divisionHeading(d, dv)}, fed)
		}
	}
	// The divisions of d that stand for those of prev up to each: a
	// removed article comes after them, as it came after those in prev.
	upTo := make([]int, len(prev.Divisions))
	for j, i := range divMatch {
		if i >= 0 {
			upTo[i] = j + 1 // 0 for none
		}
	}
	for i := range upTo {
		if i > 0 {
			upTo[i] = max(upTo[i], upTo[i-1])
		}
	}
	addRemoved := func(after int) {
		for _, i := range removed[after] {
			a := &prev.Articles[i]
			oldDivisions(a.Division)
			if a.Division >= 0 && a.Division < len(upTo) {
				newDivisions(upTo[a.Division] - 1)
			}
			by := side{fixed: who.removed(a.Key)}
			t.add(block{part: headingPart, art: a, removed: true, changed: true}, []string{articleLine(prev, a)}, nil, by)
			t.add(block{part: bodyPart, art: a, removed: true, changed: true}, a.Paragraphs, nil, by)
		}
	}
	addRemoved(-1)
	for j := range d.Articles {
		a := &d.Articles[j]
		if i := matched[j]; i >= 0 {
			oldDivisions(prev.Articles[i].Division)
		}
		newDivisions(a.Division)
		heading, body := block{part: headingPart, art: a, changed: changed[j]}, block{part: bodyPart, art: a, changed: changed[j]}
		if i := matched[j]; i >= 0 {
			old := &prev.Articles[i]
			t.add(heading, []string{articleLine(prev, old)}, []string{articleLine(d, a)}, fed)
			t.add(body, old.Paragraphs, a.Paragraphs, side{art: a})
		} else {
			by := side{fixed: who.added(a)}
			t.add(heading, nil, []string{articleLine(d, a)}, by)
			t.add(body, nil, a.Paragraphs, by)
		}
		addRemoved(j)
	}
	oldDivisions(len(prev.Divisions) - 1)
	newDivisions(len(d.Divisions) - 1)
	return t.out
}

// clean is d's text alone, as blocks that did not change.
func clean(d *drafts.Draft) []block {
	var out []block
	same := func(b block, ps []string) {
		b.olds, b.news = ps, ps
		out = append(out, b)
	}
	same(block{part: titlePart}, lines(d.Title))
	same(block{part: preamblePart}, d.Preamble)
	written := 0
	divisions := func(upTo int) {
		for ; written <= upTo && written < len(d.Divisions); written++ {
			dv := d.Divisions[written]
			same(block{part: divisionPart, level: dv.Level}, []string{divisionHeading(d, dv)})
		}
	}
	for i := range d.Articles {
		a := &d.Articles[i]
		divisions(a.Division)
		same(block{part: headingPart, art: a}, []string{articleLine(d, a)})
		same(block{part: bodyPart, art: a}, a.Paragraphs)
	}
	divisions(len(d.Divisions) - 1)
	return out
}

// A walk gathers the blocks of a tracked text.
type walk struct {
	who *authorship
	out []block
}

// A side is who made the changes of one block: fixed, or by hunk of an
// article's body (art set).
type side struct {
	fixed author
	art   *drafts.Article
}

func (t *walk) author(s side, g hunk) author {
	if s.art != nil {
		return t.who.of(s.art, g)
	}
	return s.fixed
}

// add adds b holding olds turned into news, its changes made by s.
func (t *walk) add(b block, olds, news []string, s side) {
	b.olds, b.news = olds, news
	switch {
	case len(olds) == 0:
		b.authors = []author{t.author(s, hunk{ins: strings.Join(news, "\n")})}
	case len(news) == 0:
		b.authors = []author{t.author(s, hunk{to: len(strings.Join(olds, "\n"))})}
	default:
		old, new := strings.Join(olds, "\n"), strings.Join(news, "\n")
		if old == new {
			break
		}
		cs := diff.Words(old, new, diff.Options{})
		for _, g := range hunks(cs) {
			b.authors = append(b.authors, t.author(s, g))
		}
		b.changes, b.by = cs, make([]int, len(cs))
		at, open := -1, false // the hunk of the change, whether one is open
		for i, c := range cs {
			b.by[i] = -1
			switch c.Op {
			case diff.Insert, diff.Delete:
				if !open {
					at++
					open = true
				}
				b.by[i] = at
			default:
				open = false
			}
		}
	}
	t.out = append(t.out, b)
}

// articleLine is article a's heading line as the text export writes it:
// d.ArticleTitle, an article stored without its number written named by
// its key.
func articleLine(d *drafts.Draft, a *drafts.Article) string {
	if a.Number == "" {
		b := *a
		b.Number = a.Key
		return d.ArticleTitle(&b)
	}
	return d.ArticleTitle(a)
}

// lines is s as the paragraphs of a one-line block: none when empty.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
