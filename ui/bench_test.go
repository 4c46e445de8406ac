package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"statute/ui"
)

// benchWorkbench opens the sample draft in a 1280×800 window, as the
// federation sees it, in English, with the given timings, and waits until
// it is shown.
func benchWorkbench(b *testing.B, timings ui.Timings) (*ui.Workbench, fyne.Window, *fixture) {
	b.Helper()
	f := newFixture(b)
	a := test.NewTempApp(b)
	a.Preferences().SetString(ui.PrefRole, "FED")
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	wb, err := ui.New(a, w, f.store, ui.Options{Lang: "en", Timings: timings})
	if err != nil {
		b.Fatal(err)
	}
	if err := wb.Wait(); err != nil {
		b.Fatal(err)
	}
	return wb, w, f
}

// BenchmarkShowArticle measures switching to another article of the
// sample draft: text, outline selection and amendment list.
func BenchmarkShowArticle(b *testing.B) {
	wb, _, f := benchWorkbench(b, ui.Timings{})
	n := len(f.draft.Articles)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		wb.Show(i % n)
	}
}
