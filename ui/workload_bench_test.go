package ui_test

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/round"
	"statute/drafts/workload"
	"statute/ui"
)

// The workload: the core's generated 1,000-article draft and one
// round of 20,000 amendments from the twelve chambers.
const (
	workloadArticles   = 1000
	workloadAmendments = 20000
	workloadSeed       = 1
)

// workloadDB writes the workload into a database file of b's and returns
// its path and the draft as stored.
func workloadDB(b *testing.B) (string, *drafts.Draft) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "workload.db")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	d := workload.Draft(workloadArticles, workloadSeed)
	if err := s.AddDraft(d); err != nil {
		b.Fatal(err)
	}
	if err := s.AddAmendments(workload.Amendments(d, workloadAmendments, workloadSeed)...); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return path, d
}

// openWorkload opens the database at path and shows the Workbench on it as
// the federation sees it (every amendment), in Arabic, in a 1280×800
// window; Wait tells when it is shown, and closeAll closes it.
// shownWorkload is openWorkload as the federation sees it, once the
// first article is shown; it closes when the benchmark ends.
func shownWorkload(b *testing.B, path string) *ui.Workbench {
	b.Helper()
	wb, closeAll := openWorkload(b, workloadApp(b), path)
	b.Cleanup(closeAll)
	if err := wb.Wait(); err != nil {
		b.Fatal(err)
	}
	return wb
}

func openWorkload(b *testing.B, a fyne.App, path string) (wb *ui.Workbench, closeAll func()) {
	b.Helper()
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 800))
	wb, err = ui.New(a, w, s, ui.Options{Lang: "ar"})
	if err != nil {
		b.Fatal(err)
	}
	return wb, func() {
		// Reads in flight must end before the store closes.
		if err := wb.Wait(); err != nil {
			b.Fatal(err)
		}
		w.Close()
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func workloadApp(b *testing.B) fyne.App {
	b.Helper()
	a := test.NewTempApp(b)
	a.Preferences().SetString(ui.PrefRole, drafts.FederationCode)
	return a
}

// BenchmarkOpenWorkload measures starting on the workload: opening the
// database file, reading the draft and the amendment counts, and showing
// the first article with its amendments (target: 1 s).
func BenchmarkOpenWorkload(b *testing.B) {
	path, _ := workloadDB(b)
	a := workloadApp(b)
	b.ReportAllocs()
	for b.Loop() {
		wb, closeAll := openWorkload(b, a, path)
		if err := wb.Wait(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		closeAll()
		b.StartTimer()
	}
}

// BenchmarkSwitchArticleWorkload measures showing another article of the
// workload, its text laid out and its amendment list built, stepping
// through the draft by 37 so that neighbours are not favoured (target:
// 50 ms). The busiest articles draw over a hundred amendments each; see
// BenchmarkSwitchToBusiestArticle.
func BenchmarkSwitchArticleWorkload(b *testing.B) {
	path, d := workloadDB(b)
	wb := shownWorkload(b, path)
	n := len(d.Articles)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		wb.Show(i * 37 % n)
		if err := wb.Wait(); err != nil {
			b.Fatal(err)
		}
	}
}

// busiestArticle is the index in d of the article count gives the most
// amendments.
func busiestArticle(d *drafts.Draft, count map[string]int) int {
	busiest := 0
	for i, a := range d.Articles {
		if count[a.Key] > count[d.Articles[busiest].Key] {
			busiest = i
		}
	}
	return busiest
}

// alternate is the benchmarks' loop: each op shows article busiest, or
// its neighbour, in turn, and waits until it is shown; it reports the
// busiest article's amendments.
func alternate(b *testing.B, wb *ui.Workbench, d *drafts.Draft, busiest int, count map[string]int) {
	other := (busiest + 1) % len(d.Articles)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			wb.Show(busiest)
		} else {
			wb.Show(other)
		}
		if err := wb.Wait(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(count[d.Articles[busiest].Key]), "amendments")
}

// BenchmarkSwitchToBusiestArticle alternates between the article with the
// most amendments and its neighbour.
func BenchmarkSwitchToBusiestArticle(b *testing.B) {
	path, d := workloadDB(b)
	count := map[string]int{}
	for _, a := range workload.Amendments(d, workloadAmendments, workloadSeed) {
		count[a.Article]++
	}
	wb := shownWorkload(b, path)
	busiest := busiestArticle(d, count)
	alternate(b, wb, d, busiest, count)
}

// BenchmarkSwitchToBusiestArticleHalfAccepted is
// BenchmarkSwitchToBusiestArticle on the round half decided:
// every amendment submitted, every other one accepted, a decision log of
// 10,000 entries, which each switch reads (the cards say their decisions).
func BenchmarkSwitchToBusiestArticleHalfAccepted(b *testing.B) {
	path, d := workloadDB(b)
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	as, err := s.Amendments(drafts.AmendmentFilter{})
	if err != nil {
		b.Fatal(err)
	}
	count := map[string]int{}
	var accepted []string
	for i, a := range as {
		count[a.Article]++
		if a.Status == drafts.StatusDraft {
			if _, err := s.SetStatus(a.ID, drafts.StatusDraft, drafts.StatusSubmitted); err != nil {
				b.Fatal(err)
			}
		}
		if i%2 == 0 && a.Status != drafts.StatusWithdrawn {
			accepted = append(accepted, a.ID)
		}
	}
	if _, err := round.New(s).DecideAll(drafts.Federation, accepted, drafts.Accept, "", ""); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	wb := shownWorkload(b, path)
	busiest := busiestArticle(d, count)
	alternate(b, wb, d, busiest, count)
	b.ReportMetric(float64(len(accepted)), "decisions")
}

// BenchmarkSupersedeDialogOnBusiestArticle measures opening the
// federation's supersede dialog on the busiest article: a row, with its
// tracked change, for each of the article's other submitted amendments.
func BenchmarkSupersedeDialogOnBusiestArticle(b *testing.B) {
	path, d := workloadDB(b)
	count := map[string]int{}
	for _, a := range workload.Amendments(d, workloadAmendments, workloadSeed) {
		count[a.Article]++
	}
	busiest := busiestArticle(d, count)
	art := &d.Articles[busiest]
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	const synthesis = "FED-2M4P6R8T"
	err = s.AddAmendments(&drafts.Amendment{
		ID: synthesis, Created: time.Now(), Updated: time.Now(),
		DraftID: d.ID, DraftVersion: d.Version, BaseHash: art.TextHash(), Article: art.Key,
		Kind: drafts.Wording, Chamber: drafts.FederationCode, Status: drafts.StatusSubmitted,
		Text: art.Text() + " (صيغة الجامعة)", Justification: "صيغة تجمع اقتراحات الغرف.",
	})
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	wb := shownWorkload(b, path)
	wb.Show(busiest)
	if err := wb.Wait(); err != nil {
		b.Fatal(err)
	}
	rows := 0
	b.ReportAllocs()
	for b.Loop() {
		rows = wb.OpenSupersede(synthesis)
		b.StopTimer()
		wb.CloseDialogs()
		b.StartTimer()
	}
	if rows == 0 {
		b.Fatal("the dialog offers nothing to replace")
	}
	b.ReportMetric(float64(rows), "rows")
}
