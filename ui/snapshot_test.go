package ui_test

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"statute/ui"
)

var update = flag.Bool("update", false, "rewrite the snapshots under testdata/")

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
			markup := "main_" + c.lang + ".xml"
			img := "main_" + c.lang + ".png"
			if *update {
				write(t, markup, []byte(test.RenderToMarkup(w.Canvas())))
			}
			test.AssertRendersToMarkup(t, markup, w.Canvas())
			if !c.image {
				return
			}
			if *update {
				var buf bytes.Buffer
				if err := png.Encode(&buf, w.Canvas().Capture()); err != nil {
					t.Fatal(err)
				}
				write(t, img, buf.Bytes())
			}
			test.AssertRendersToImage(t, img, w.Canvas())
		})
	}
}

func write(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join("testdata", name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
