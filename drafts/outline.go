package drafts

// An OutlineEntry is one line of a draft's outline: a division, or an
// article under the divisions that hold it.
type OutlineEntry struct {
	// Depth is how many divisions hold the entry: 0 for a top division,
	// or for an article outside any division.
	Depth int
	// Heading is the division's heading line as written, or the
	// article's heading line (ArticleTitle): «المادة 3: الطبيعة القانونية للغرف».
	Heading string
	// Key is the article's key, "" for a division.
	Key string
}

// Outline is the tree of d's divisions and articles in document order, as
// an import shows what it read before storing it and statutectl's outline
// prints it. The divisions are in document order and an article follows
// every division up to its own, so that a division with no article of
// its own still stands in its place.
func (d *Draft) Outline() []OutlineEntry {
	depth := func(i int) int {
		n := 0
		for p := d.Divisions[i].Parent; p >= 0 && p < len(d.Divisions); p = d.Divisions[p].Parent {
			n++
		}
		return n
	}
	out := make([]OutlineEntry, 0, len(d.Divisions)+len(d.Articles))
	next := 0 // the first division not listed yet
	divisions := func(upTo int) {
		for ; next <= upTo && next < len(d.Divisions); next++ {
			out = append(out, OutlineEntry{Depth: depth(next), Heading: d.Divisions[next].Heading})
		}
	}
	for i := range d.Articles {
		a := &d.Articles[i]
		divisions(a.Division)
		e := OutlineEntry{Heading: d.ArticleTitle(a), Key: a.Key}
		if a.Division >= 0 && a.Division < len(d.Divisions) {
			e.Depth = depth(a.Division) + 1
		}
		out = append(out, e)
	}
	divisions(len(d.Divisions) - 1)
	return out
}
