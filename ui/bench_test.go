package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"statute/ui"
)

// BenchmarkShowArticle measures switching to another article of the
// sample draft: text, outline selection and amendment list.
func BenchmarkShowArticle(b *testing.B) {
	f := newFixture(b)
	a := test.NewTempApp(b)
	a.Preferences().SetString(ui.PrefRole, "FED")
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	wb, err := ui.New(a, w, f.store, ui.Options{Lang: "en"})
	if err != nil {
		b.Fatal(err)
	}
	if err := wb.Wait(); err != nil {
		b.Fatal(err)
	}
	n := len(f.draft.Articles)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		wb.Show(i % n)
	}
}
