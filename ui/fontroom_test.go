package ui_test

import (
	"bytes"
	"math"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"

	"statute/ui"
)

// Fyne's OpenGL painter draws a text into a picture as tall as the font's
// line rounded up, the baseline rounded down: every Arabic letter and mark,
// the dots of a final ي first, must fit in that picture at every text size,
// or the window shows «في» as «فى». Checked for the built-in faces, and for
// Amiri as the app loads an installed font.
func TestArabicFitsInTheLineFynePaints(t *testing.T) {
	faces := map[string]fyne.Resource{}
	th := ui.NewTheme(1)
	for name, style := range map[string]fyne.TextStyle{
		"DejaVu Sans": {}, "DejaVu Sans Bold": {Bold: true}, "DejaVu Sans Oblique": {Italic: true},
	} {
		faces[name] = th.Font(style)
	}
	amiri, err := os.ReadFile("textwidget/testdata/fonts/Amiri-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	faces["Amiri (installed)"] = ui.InstalledFontResource("Amiri-Regular.ttf", amiri)

	for name, res := range faces {
		t.Run(name, func(t *testing.T) {
			f, err := font.ParseTTF(bytes.NewReader(res.Content()))
			if err != nil {
				t.Fatal(err)
			}
			ext, _ := f.FontHExtents()
			upem := float64(f.Upem())
			cut := 0
			for _, r := range []rune("يىئجحخعغقنسشصضرزوؤلمهةكبتثفادذطظ\u0650\u064d«»()0123456789") {
				g, ok := f.NominalGlyph(r)
				if !ok {
					continue
				}
				e, _ := f.GlyphExtents(g)
				bottom := float64(-(e.YBearing + e.Height))
				for px := 10.0; px <= 60; px += 0.5 { // text size × screen scale
					k := px / upem
					baseline := math.Ceil(float64(ext.Ascender) * k)
					height := math.Ceil(float64(ext.Ascender-ext.Descender) * k)
					if baseline+bottom*k > height+0.01 {
						if cut < 5 {
							t.Errorf("%q at %.1f px reaches %.2f px below the %v px Fyne paints", r, px, baseline+bottom*k-height, height)
						}
						cut++
					}
				}
			}
			if cut > 0 {
				t.Errorf("%d glyph sizes cut at the bottom", cut)
			}
		})
	}
}
