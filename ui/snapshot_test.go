package ui_test

import (
	"testing"

	"statute/ui"
	"statute/ui/internal/snapshot"
)

// TestMainWindowSnapshots keeps the main window as markup (what is shown,
// where, in which style) and, for Arabic, as an image drawn with the app
// theme's DejaVu fonts, so that joining and alignment can be looked at.
func TestMainWindowSnapshots(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		lang, role string
		image      bool
	}{
		{"ar", "FM", true},
		{"fr", "FED", false},
	} {
		t.Run(c.lang, func(t *testing.T) {
			a := newApp(t, "")
			_, w := f.open(t, a, ui.Options{Lang: c.lang, Role: c.role, Article: "3"})
			name := "main_" + c.lang
			snapshot.AssertMarkup(t, w.Canvas(), name)
			if c.image {
				snapshot.AssertImage(t, name, w.Canvas().Capture())
			}
		})
	}
}
