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
	parse := func(t *testing.T, res fyne.Resource) *font.Face {
		t.Helper()
		f, err := font.ParseTTF(bytes.NewReader(res.Content()))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	// Each face, and the face its Arabic is drawn from: the upright one of
	// its weight when it has none (DejaVu Sans Oblique, DejaVu Sans Mono).
	type face struct{ line, glyphs fyne.Resource }
	th := ui.NewTheme(1)
	regular, bold := th.Font(fyne.TextStyle{}), th.Font(fyne.TextStyle{Bold: true})
	faces := map[string]face{
		"DejaVu Sans":             {regular, regular},
		"DejaVu Sans Bold":        {bold, bold},
		"DejaVu Sans Oblique":     {th.Font(fyne.TextStyle{Italic: true}), regular},
		"DejaVu Sans BoldOblique": {th.Font(fyne.TextStyle{Bold: true, Italic: true}), bold},
		"DejaVu Sans Mono":        {th.Font(fyne.TextStyle{Monospace: true}), regular},
	}
	amiri, err := os.ReadFile("textwidget/testdata/fonts/Amiri-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	installed := ui.InstalledFontResource("Amiri-Regular.ttf", amiri)
	faces["Amiri (installed)"] = face{installed, installed}

	for name, fc := range faces {
		t.Run(name, func(t *testing.T) {
			f, g := parse(t, fc.line), parse(t, fc.glyphs)
			ext, _ := f.FontHExtents()
			upem := float64(f.Upem())
			cut := 0
			for _, r := range []rune("يىئجحخعغقنسشصضرزوؤلمهةكبتثفادذطظ\u0650\u064d«»()0123456789") {
				gid, ok := g.NominalGlyph(r)
				if !ok {
					t.Fatalf("%s has no glyph for %q", name, r)
				}
				e, _ := g.GlyphExtents(gid)
				bottom := float64(-(e.YBearing + e.Height)) * upem / float64(g.Upem())
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
