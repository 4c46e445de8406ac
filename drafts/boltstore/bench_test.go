package boltstore_test

import (
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/workload"
)

// A round at full size: a 1,000-article draft and 20,000 amendments.
const (
	benchArticles   = 1000
	benchAmendments = 20000
	benchSeed       = 2025
	benchDraftID    = "D-BENCH000"
)

// benchData builds the draft and its amendments, the same on every run.
func benchData(tb testing.TB, articles, amendments int) (*drafts.Draft, []*drafts.Amendment) {
	tb.Helper()
	d := workload.Draft(articles, benchSeed)
	d.ID, d.Version = benchDraftID, 1
	as := workload.Amendments(d, amendments, benchSeed)
	if len(as) != amendments {
		tb.Fatalf("workload made %d amendments, want %d", len(as), amendments)
	}
	return d, as
}

func clones(as []*drafts.Amendment) []*drafts.Amendment {
	out := make([]*drafts.Amendment, len(as))
	for i, a := range as {
		c := *a
		out[i] = &c
	}
	return out
}

// filledStore holds the benchmark's draft and all its amendments.
func filledStore(b *testing.B) (*boltstore.Store, *drafts.Draft) {
	d, as := benchData(b, benchArticles, benchAmendments)
	s := newStore(b)
	addDraft(b, s, d)
	addAmendments(b, s, clones(as)...)
	return s, d
}

func BenchmarkAddAmendments(b *testing.B) {
	d, as := benchData(b, benchArticles, benchAmendments)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		s, err := boltstore.Open(filepath.Join(b.TempDir(), "statute.db"), boltstore.Options{})
		if err != nil {
			b.Fatal(err)
		}
		addDraft(b, s, d)
		batch := clones(as)
		b.StartTimer()
		if err := s.AddAmendments(batch...); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(benchAmendments), "amendments/op")
}

func BenchmarkAmendmentsOfArticle(b *testing.B) {
	s, d := filledStore(b)
	b.ReportAllocs()
	found, i := 0, 0
	for b.Loop() {
		list, err := s.Amendments(drafts.AmendmentFilter{DraftID: d.ID, Article: d.Articles[i%len(d.Articles)].Key})
		if err != nil {
			b.Fatal(err)
		}
		found += len(list)
		i++
	}
	b.ReportMetric(float64(found)/float64(i), "amendments/op")
}

func BenchmarkAmendmentsOfChamber(b *testing.B) {
	s, d := filledStore(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Amendments(drafts.AmendmentFilter{DraftID: d.ID, Chamber: "FM"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDraft(b *testing.B) {
	s, d := filledStore(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Draft(d.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen measures the check of every page that Open makes before
// bbolt reads the file, on a full round.
func BenchmarkOpen(b *testing.B) {
	s, _ := filledStore(b)
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		again, err := boltstore.Open(s.Path(), boltstore.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := again.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBriefStoreAfterIdle is the app's read of one article's
// amendments after the store let the file go (the user paused): the file
// is opened again, unchanged since, then read.
func BenchmarkBriefStoreAfterIdle(b *testing.B) {
	s, d := filledStore(b)
	path := s.Path()
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	brief, err := boltstore.Open(path, boltstore.Options{Brief: true})
	if err != nil {
		b.Fatal(err)
	}
	defer brief.Close()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		b.StopTimer()
		time.Sleep(150 * time.Millisecond) // past the linger: the file is let go
		b.StartTimer()
		if _, err := brief.Amendments(drafts.AmendmentFilter{DraftID: d.ID, Article: d.Articles[i%len(d.Articles)].Key}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkAppendDecision appends one decision to a log already holding
// 1,000 or 10,000 entries (the setup of a large round decides thousands,
// each in its own write): an op reads the log's head and last entry, not
// the log, so its time does not grow with the log.
func BenchmarkAppendDecision(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			d, as := benchData(b, benchArticles, n)
			s := newStore(b)
			addDraft(b, s, d)
			for _, a := range as {
				a.Status = drafts.StatusSubmitted
			}
			addAmendments(b, s, as...)
			for _, a := range as {
				if err := s.AppendDecision(&drafts.Decision{Amendment: a.ID, Verdict: drafts.Accept, By: "FED"}); err != nil {
					b.Fatal(err)
				}
			}
			i := 0
			for b.Loop() {
				if err := s.AppendDecision(&drafts.Decision{Amendment: as[i%n].ID, Verdict: drafts.Reject, By: "FED"}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
