package round_test

import (
	"path/filepath"
	"testing"

	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/round"
	"statute/drafts/workload"
)

// workloadRound is a store holding the generated round of the issue's
// benchmarks: a 1,000-article draft and 20,000 amendments, all submitted,
// every other one accepted on the decision log (10,000 entries) and the
// rest undecided.
func workloadRound(b *testing.B) *round.Round {
	b.Helper()
	s, err := boltstore.Open(filepath.Join(b.TempDir(), "statute.db"), boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if err := s.Close(); err != nil {
			b.Error(err)
		}
	})
	d := workload.Draft(1000, 1)
	if err := s.AddDraft(d); err != nil {
		b.Fatal(err)
	}
	as := workload.Amendments(d, 20000, 1)
	for _, a := range as {
		a.Status = drafts.StatusSubmitted
	}
	if err := s.AddAmendments(as...); err != nil {
		b.Fatal(err)
	}
	r := round.New(s)
	var accepted []string
	for i, a := range as {
		if i%2 == 0 {
			accepted = append(accepted, a.ID)
		}
	}
	// One write for the 10,000 entries (DecideAll): the setup's time is
	// not what is measured.
	if _, err := r.DecideAll(drafts.Federation, accepted, drafts.Accept, "", ""); err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkConsolidateRound is the consolidation on a store: one
// op reads the draft, the 20,000 submitted amendments and the log of
// 10,000 acceptances, merges every article's accepted amendments and
// finds every conflict (round.Consolidate). The target is 2 s an op.
func BenchmarkConsolidateRound(b *testing.B) {
	r := workloadRound(b)
	b.ReportAllocs()
	for b.Loop() {
		c, err := r.Consolidate("")
		if err != nil {
			b.Fatal(err)
		}
		if len(c.Undecided) != 10000 || len(c.Articles)+len(c.Conflicts) == 0 {
			b.Fatalf("the consolidation holds %d undecided, %d articles and %d conflicts", len(c.Undecided), len(c.Articles), len(c.Conflicts))
		}
	}
}
