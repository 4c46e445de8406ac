package ui_test

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"statute/drafts/parse"
	"statute/drafts/workload"
	"statute/ui"
)

// BenchmarkImportConfirmation reads the workload's 1,000-article draft
// from a Markdown file and shows its import confirmation (the outline of
// every division and article), in Arabic, as a federation's laptop does
// after the file dialog; Cancel closes it each time.
func BenchmarkImportConfirmation(b *testing.B) {
	path := filepath.Join(b.TempDir(), "workload.md")
	if err := os.WriteFile(path, parse.Format(workload.Draft(workloadArticles, workloadSeed)), 0o644); err != nil {
		b.Fatal(err)
	}
	f := newFixture(b)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	wb, err := ui.New(workloadApp(b), w, f.store, ui.Options{Lang: "ar", Files: &pickedFiles{open: path}})
	if err != nil {
		b.Fatal(err)
	}
	if err := wb.Wait(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		wb.ImportDraft()
		if err := wb.Wait(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cancel := dialogButtons(w, "إلغاء")
		if len(cancel) != 1 {
			b.Fatalf("no import confirmation was shown: %q", topDialogText(w))
		}
		test.Tap(cancel[0])
		b.StartTimer()
	}
}
