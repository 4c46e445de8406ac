package diff_test

import (
	"io"
	"testing"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/workload"
)

// amendmentPairs returns the (article, proposed wording) pairs of the
// wording amendments of a generated round: what the comparative table
// diffs, one pair per proposal.
func amendmentPairs(tb testing.TB) (olds, news []string) {
	d := workload.Draft(300, 1)
	for _, a := range workload.Amendments(d, 600, 1) {
		if a.Kind != drafts.Wording {
			continue
		}
		olds = append(olds, d.Article(a.Article).Text())
		news = append(news, a.Text)
	}
	if len(olds) < 100 {
		tb.Fatalf("only %d wording amendments", len(olds))
	}
	return olds, news
}

// BenchmarkWords diffs articles of about 80 words against proposals that
// change a few words, as the comparative table does for every amendment:
// "workload" on pairs from package workload, "local" on the harsher pairs
// of this package's generator (a small vocabulary, so fewer words unique
// to one place, and four edits).
func BenchmarkWords(b *testing.B) {
	wOld, wNew := amendmentPairs(b)
	const local = 64
	lOld, lNew := make([]string, local), make([]string, local)
	for i := range local {
		lOld[i] = sampleArticle(int64(i), 80)
		lNew[i] = mutate(lOld[i], int64(i), 4)
	}
	for _, data := range []struct {
		name     string
		old, new []string
	}{{"workload", wOld, wNew}, {"local", lOld, lNew}} {
		for _, mode := range []struct {
			name string
			opt  diff.Options
		}{{"strict", diff.Options{}}, {"lenient", diff.Options{Lenient: true}}} {
			b.Run(data.name+"/"+mode.name, func(b *testing.B) {
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					diff.Words(data.old[i%len(data.old)], data.new[i%len(data.new)], mode.opt)
					i++
				}
			})
		}
	}
}

// BenchmarkCompare compares two generated 1,000-article drafts (about 1 MB
// each): the second rewords about 5% of the articles, adds and removes
// about 1% and renumbers short runs after removals. It includes writing
// the plain report, as the CLI does.
func BenchmarkCompare(b *testing.B) {
	old, new := workload.Draft(1000, 1), workload.RevisedDraft(1000, 1)
	b.Run("workload", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r := diff.Compare(old, new, diff.Options{})
			if err := r.WritePlain(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The local drafts insert an article a third of the way in, so that
	// two thirds of the articles are renumbered, and those reworded among
	// them must be found by similarity.
	lOld := sampleDraft(1000, 1)
	lNew := reviseDraft(lOld, 1)
	b.Run("local", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r := diff.Compare(lOld, lNew, diff.Options{})
			if err := r.WritePlain(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRound diffs every amendment of a full round, as the federation's
// comparative table does: the 20,000 amendments of the generated workload
// over its 1,000-article draft, each against the article it amends (a
// repeal against nothing, an inserted article against nothing). One op is
// the whole round; the target is 0.5 s.
func BenchmarkRound(b *testing.B) {
	d := workload.Draft(1000, 1)
	as := workload.Amendments(d, 20000, 1)
	olds, news := make([]string, len(as)), make([]string, len(as))
	for i, a := range as {
		switch a.Kind {
		case drafts.Wording:
			olds[i], news[i] = d.Article(a.Article).Text(), a.Text
		case drafts.Repeal:
			olds[i] = d.Article(a.Article).Text()
		case drafts.Insert:
			news[i] = a.Text
		}
	}
	for _, mode := range []struct {
		name string
		opt  diff.Options
	}{{"strict", diff.Options{}}, {"lenient", diff.Options{Lenient: true}}} {
		b.Run(mode.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for i := range olds {
					diff.Words(olds[i], news[i], mode.opt)
				}
			}
		})
	}
}
