package round

import (
	"slices"
	"strings"

	"statute/drafts"
	"statute/drafts/merge"
	"statute/drafts/parse"
)

// A Resolution is what a person needs to resolve one of a consolidation's
// conflicts: the accepted amendments that conflict, with their wordings,
// so that the article can be written with a chosen version and every
// clean change (Text).
type Resolution struct {
	ArticleConflict
	// Article is the article in conflict; nil for new articles asking
	// for one number, which Resolve cannot settle: the federation decides
	// again on them (rejects all but one).
	Article *drafts.Article
	// Sides are the accepted amendments merged on the article, as
	// Consolidate merged them; for new articles, those asking for the
	// number. Sorted by ID.
	Sides []merge.Side
	// Chambers gives each side's chamber code, by amendment ID.
	Chambers map[string]string
	// Number is the number the new articles ask for, as the first of
	// them writes it («3 مكررة»); "" for an article.
	Number string
}

// Text is the article written with version v of conflict k, the same
// amendments' wording in its other conflicts where they have one, the
// article's own text elsewhere, and every change that merged cleanly
// (merge.Compose, merge.Alike). With k < 0, every conflict keeps the
// article's text: the clean changes alone.
func (res *Resolution) Text(k, v int) string {
	if res.Article == nil {
		return ""
	}
	pick := merge.AsIs
	if k >= 0 {
		pick = merge.Alike(res.Conflicts, k, v)
	}
	return merge.Compose(res.Article.Text(), res.Sides, pick)
}

// Resolutions gives, for each of c's conflicts in order, the accepted
// amendments in it, as c's consolidation read and merged them: nothing is
// read again. Decisions made since c was made are not in it: consolidate
// again to see them. The errors are the store's, for a c not made by
// Consolidate, whose amendments are then read as Consolidate reads them.
func (r *Round) Resolutions(c *Consolidation) ([]Resolution, error) {
	if len(c.Conflicts) == 0 {
		return nil, nil
	}
	d, g := c.From, c.read
	if g == nil {
		// Not made by Consolidate: read as it reads.
		var err error
		if g, err = r.gather(d); err != nil {
			return nil, err
		}
	}
	inserts := map[string][]merge.Side{} // by the key of the number asked
	numbers := map[string]string{}       // that number as written, by key
	for _, ins := range g.inserts {
		for _, a := range ins {
			if key, err := parse.Key(a.NewNumber); err == nil {
				inserts[key] = append(inserts[key], merge.Side{ID: a.ID, Text: a.Text})
				if numbers[key] == "" {
					numbers[key] = a.NewNumber
				}
			}
		}
	}
	sides, chamberOf := g.sides, g.chamberOf
	out := make([]Resolution, len(c.Conflicts))
	for i, ac := range c.Conflicts {
		res := Resolution{ArticleConflict: ac, Chambers: map[string]string{}}
		if ac.NumberTaken || d.Article(ac.Key) == nil {
			res.Sides, res.Number = inserts[ac.Key], numbers[ac.Key]
		} else {
			res.Article = d.Article(ac.Key)
			res.Sides = sides[ac.Key]
		}
		res.Sides = slices.Clone(res.Sides)
		slices.SortFunc(res.Sides, func(a, b merge.Side) int { return strings.Compare(a.ID, b.ID) })
		for _, s := range res.Sides {
			res.Chambers[s.ID] = chamberOf[s.ID]
		}
		out[i] = res
	}
	return out, nil
}
