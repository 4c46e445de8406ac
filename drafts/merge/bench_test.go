package merge_test

import (
	"slices"
	"testing"

	"statute/drafts"
	"statute/drafts/merge"
	"statute/drafts/workload"
)

// consolidation is the work of consolidating a round: each article's text
// and its accepted amendments.
type consolidation struct {
	bases []string
	sides [][]merge.Side
}

// workloadConsolidation takes every other amendment of the generated round
// of 20,000 amendments to 1,000 articles as accepted, and groups the
// wordings and repeals among them by article. (Inserted articles are new
// articles, which the merge does not consolidate.)
func workloadConsolidation(tb testing.TB) consolidation {
	d := workload.Draft(1000, 1)
	as := workload.Amendments(d, 20000, 1)
	if len(as) != 20000 {
		tb.Fatalf("the workload has %d amendments; want 20000", len(as))
	}
	byArticle := make(map[string]int)
	var c consolidation
	for i, a := range as {
		if i%2 == 1 || a.Kind == drafts.Insert {
			continue
		}
		k, ok := byArticle[a.Article]
		if !ok {
			k = len(c.bases)
			byArticle[a.Article] = k
			c.bases = append(c.bases, d.Article(a.Article).Text())
			c.sides = append(c.sides, nil)
		}
		c.sides[k] = append(c.sides[k], merge.Side{ID: a.ID, Text: a.Text, Repeal: a.Kind == drafts.Repeal})
	}
	return c
}

// The workload's consolidation merges some articles and finds conflicts in
// others (its contentious articles draw many proposals), and an article
// with a repeal among its amendments is repealed or in conflict over it.
func TestWorkloadConsolidation(t *testing.T) {
	c := workloadConsolidation(t)
	var merged, repealed, conflicted, sides int
	for k, base := range c.bases {
		sides += len(c.sides[k])
		r := merge.Merge(base, c.sides[k])
		switch {
		case len(r.Conflicts) > 0:
			conflicted++
		case r.Repealed:
			repealed++
		default:
			merged++
		}
		if slices.ContainsFunc(c.sides[k], func(s merge.Side) bool { return s.Repeal }) &&
			!r.Repealed && (len(r.Conflicts) != 1 || !r.Conflicts[0].Repeal) {
			t.Errorf("article %d has a repeal among its amendments, but the merge gives %+v", k, r)
		}
	}
	t.Logf("%d accepted amendments to %d articles: %d merged, %d repealed, %d in conflict", sides, len(c.bases), merged, repealed, conflicted)
	if sides < 8000 || merged == 0 || conflicted == 0 {
		t.Errorf("%d amendments: %d articles merged, %d in conflict; want many amendments and both outcomes", sides, merged, conflicted)
	}
}

// BenchmarkConsolidateWorkload consolidates the accepted half of a round
// of 20,000 amendments to 1,000 articles: one op merges every article and
// finds every conflict. The target is 2 s an op.
func BenchmarkConsolidateWorkload(b *testing.B) {
	c := workloadConsolidation(b)
	b.ReportAllocs()
	for b.Loop() {
		for k, base := range c.bases {
			merge.Merge(base, c.sides[k])
		}
	}
}
