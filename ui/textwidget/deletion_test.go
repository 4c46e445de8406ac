package textwidget_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-text/typesetting/font"

	"statute/drafts/diff"
	"statute/ui"
	"statute/ui/internal/snapshot"
	"statute/ui/textwidget"
)

// A testFont is a font file the tests draw with and read the tables of.
type testFont struct {
	name string
	data []byte
	// builtIn: the app theme's own DejaVu Sans, not a font set on top.
	builtIn bool
}

func dejaVuSans() testFont { return testFont{"DejaVu Sans", dejavusans.TTF, true} }

// amiri is Amiri (SIL Open Font License, testdata/fonts/OFL.txt), a Naskh
// font whose metrics differ from DejaVu's: 1000 units to the em rather
// than 2048, and its strike-through, joining line and ascender at other
// heights.
func amiri(t testing.TB) testFont {
	t.Helper()
	data, err := os.ReadFile("testdata/fonts/Amiri-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	return testFont{"Amiri", data, false}
}

// patched returns a copy of f, renamed, whose OS/2 table says the
// strike-through is size units thick with its top pos units above the
// baseline (0 and 0: the font does not say).
func (f testFont) patched(t testing.TB, name string, pos, size int16) testFont {
	t.Helper()
	data := slices.Clone(f.data)
	os2 := table(t, data, "OS/2")
	binary.BigEndian.PutUint16(os2[26:], uint16(size))
	binary.BigEndian.PutUint16(os2[28:], uint16(pos))
	return testFont{name, data, false}
}

// table returns the font table tag of an OpenType file, read from the
// file's table directory.
func table(t testing.TB, data []byte, tag string) []byte {
	t.Helper()
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		rec := data[12+16*i:]
		if string(rec[:4]) == tag {
			off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
			return data[off : off+length]
		}
	}
	t.Fatalf("no %s table", tag)
	return nil
}

// fontFacts are what a font's tables say, in ems.
type fontFacts struct {
	ascender               float64 // baseline below the top of a line
	strikeTop, strikeSize  float64 // yStrikeoutPosition, yStrikeoutSize
	xHeight                float64
	unitsPerEm, strikeUnit float64 // unitsPerEm; yStrikeoutSize in units
}

// facts reads f's tables byte by byte: head for the units per em, OS/2
// for the strike-through, and OS/2 or hhea for the ascender, as the OS/2
// table's USE_TYPO_METRICS flag says. The x-height, which an OS/2 table
// before version 2 leaves to the height of the glyph x, is read with
// go-text/typesetting.
func (f testFont) facts(t testing.TB) fontFacts {
	t.Helper()
	i16 := func(b []byte, off int) float64 { return float64(int16(binary.BigEndian.Uint16(b[off:]))) }
	head, hhea, os2 := table(t, f.data, "head"), table(t, f.data, "hhea"), table(t, f.data, "OS/2")
	em := float64(binary.BigEndian.Uint16(head[18:]))
	asc := i16(hhea, 4)
	if binary.BigEndian.Uint16(os2[62:])&(1<<7) != 0 {
		asc = i16(os2, 68)
	}
	face, err := font.ParseTTF(bytes.NewReader(f.data))
	if err != nil {
		t.Fatal(err)
	}
	return fontFacts{
		ascender:   asc / em,
		strikeTop:  i16(os2, 28) / em,
		strikeSize: i16(os2, 26) / em,
		xHeight:    float64(face.LineMetric(font.XHeight)) / em,
		unitsPerEm: em,
		strikeUnit: i16(os2, 26),
	}
}

// fontTheme is the app theme drawing text with another font, in a fixed
// variant (light or dark).
type fontTheme struct {
	*ui.Theme
	font    fyne.Resource // nil: the app theme's own
	variant fyne.ThemeVariant
}

func (t fontTheme) Font(s fyne.TextStyle) fyne.Resource {
	if t.font == nil || s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	return t.font
}

func (t fontTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// showWith shows w alone in a test window as wide as width, drawn with f
// at the text scale and in the theme variant given, and returns the
// window and its theme.
func showWith(t *testing.T, w fyne.Widget, f testFont, scale float64, variant fyne.ThemeVariant, width float32) (fyne.Window, fyne.Theme) {
	t.Helper()
	a := test.NewTempApp(t)
	th := fontTheme{ui.NewTheme(scale), nil, variant}
	if !f.builtIn {
		th.font = fyne.NewStaticResource(f.name+".ttf", f.data)
	}
	a.Settings().SetTheme(th)
	win := test.NewTempWindow(t, w)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(width, 200))
	win.Resize(fyne.NewSize(width, w.MinSize().Height))
	return win, th
}

// joiningLine is a deleted run of tatweels, the Arabic joining stroke
// drawn alone: the joining line itself, on which Arabic letters stand.
var joiningLine = strings.Repeat("ـ", 12)

// deletionWithJoiningLine is an article's text with a phrase deleted and
// a joining line deleted after it.
var deletionWithJoiningLine = []diff.Change{
	{Op: diff.Equal, Text: "تحدث غرف "},
	{Op: diff.Delete, Text: "للصناعة التقليدية"},
	{Op: diff.Equal, Text: " وفق القانون "},
	{Op: diff.Delete, Text: joiningLine},
}

// drawnStrike is a strike-through as found in a captured image, in
// pixel rows from the image's top.
type drawnStrike struct {
	top, bottom int     // its first and last rows
	joinTop     int     // the joining line's first row
	baseline    float64 // the joining line's bottom edge
}

func (s drawnStrike) middle() float64 { return float64(s.top+s.bottom+1) / 2 }

// findStrike looks, in the image of a light-theme window showing
// deletionWithJoiningLine, at the columns of the deleted joining line:
// the rows more than half red are the strike-through, the rows with dark
// pixels the joining line, whose bottom edge is the baseline (a tatweel
// stands on it).
func findStrike(t *testing.T, w fyne.Widget, img image.Image) drawnStrike {
	t.Helper()
	var piece *canvas.Text
	for _, o := range test.WidgetRenderer(w).Objects() {
		if c, ok := o.(*canvas.Text); ok && strings.Contains(c.Text, joiningLine) {
			piece = c
		}
	}
	if piece == nil {
		t.Fatal("the joining line is not drawn")
	}
	// Columns inside the piece, clear of its ends.
	x0, x1 := int(piece.Position().X)+2, int(piece.Position().X+piece.Size().Width)-2
	y0, y1 := int(piece.Position().Y), int(piece.Position().Y+piece.Size().Height)
	s := drawnStrike{top: -1, joinTop: -1}
	joinBottom := -1
	for y := y0; y <= y1; y++ {
		red, dark := 0, 0
		for x := x0; x < x1; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			r, g, b = r>>8, g>>8, b>>8
			switch {
			case r > 180 && g < 130 && b < 130:
				red++
			case r < 110 && g < 110 && b < 110:
				dark++
			}
		}
		if 2*red > x1-x0 {
			if s.top < 0 {
				s.top = y
			}
			s.bottom = y
		}
		if 2*dark > x1-x0 {
			if s.joinTop < 0 {
				s.joinTop = y
			}
			joinBottom = y
		}
	}
	if s.top < 0 || s.joinTop < 0 {
		t.Fatalf("rows %d–%d, columns %d–%d: no strike-through (first row %d) or no joining line (first row %d) found", y0, y1, x0, x1, s.top, s.joinTop)
	}
	s.baseline = float64(joinBottom + 1)
	return s
}

// TestStrikeFollowsTheFont checks, in the drawn image, that the line
// through deleted text is the font's own strike-through, as a word
// processor draws it: as high above the baseline and as thick as the
// font's OS/2 table says (at least a pixel), and so clear above the
// joining line of the Arabic letters, which it left a red bar when drawn
// through it. With DejaVu Sans and with Amiri, whose metrics differ, at
// 100 % and 150 % text.
func TestStrikeFollowsTheFont(t *testing.T) {
	for _, f := range []testFont{dejaVuSans(), amiri(t)} {
		facts := f.facts(t)
		for _, scale := range []float64{1, 1.5} {
			t.Run(fmt.Sprintf("%s/%v%%", f.name, scale*100), func(t *testing.T) {
				w := textwidget.NewTracked(deletionWithJoiningLine)
				win, th := showWith(t, w, f, scale, theme.VariantLight, 900)
				size := float64(th.Size(theme.SizeNameText))
				s := findStrike(t, w, win.Canvas().Capture())

				wantMiddle := s.baseline - (facts.strikeTop-facts.strikeSize/2)*size
				if got := s.middle(); math.Abs(got-wantMiddle) > 1 {
					t.Errorf("the strike-through's middle is %.1f px above the baseline, want %.1f (the font's yStrikeoutPosition %.3f em, yStrikeoutSize %.3f em, at %v px)",
						s.baseline-got, s.baseline-wantMiddle, facts.strikeTop, facts.strikeSize, size)
				}
				wantRows := max(1, int(math.Round(facts.strikeSize*size)))
				if rows := s.bottom - s.top + 1; rows != wantRows {
					t.Errorf("the strike-through is %d px thick, want %d (yStrikeoutSize %v of %v units, at %v px)", rows, wantRows, facts.strikeUnit, facts.unitsPerEm, size)
				}
				if s.bottom >= s.joinTop-1 {
					t.Errorf("the strike-through (rows %d–%d) touches the joining line (from row %d)", s.top, s.bottom, s.joinTop)
				}
			})
		}
	}
}

// TestStrikeWhereTheFontDoesNotSay checks a font whose OS/2 table gives
// no strike-through, and one that puts it on the joining line: the line
// goes at half the font's x-height, and in both cases clear above the
// joining line.
func TestStrikeWhereTheFontDoesNotSay(t *testing.T) {
	base := dejaVuSans()
	for _, f := range []testFont{
		base.patched(t, "No strike metric", 0, 0),
		// The top of the line 150 units up, its bottom 48 units down:
		// DejaVu's tatweel stands 184 units high.
		base.patched(t, "Strike on the joining line", 150, 102),
	} {
		facts := f.facts(t)
		for _, scale := range []float64{1, 1.5} {
			t.Run(fmt.Sprintf("%s/%v%%", f.name, scale*100), func(t *testing.T) {
				w := textwidget.NewTracked(deletionWithJoiningLine)
				win, th := showWith(t, w, f, scale, theme.VariantLight, 900)
				size := float64(th.Size(theme.SizeNameText))
				s := findStrike(t, w, win.Canvas().Capture())
				if s.bottom >= s.joinTop-1 {
					t.Errorf("the strike-through (rows %d–%d) touches the joining line (from row %d)", s.top, s.bottom, s.joinTop)
				}
				want := s.baseline - facts.xHeight/2*size
				if got := s.middle(); math.Abs(got-want) > 1 {
					t.Errorf("the strike-through's middle is %.1f px above the baseline, want %.1f, half the x-height", s.baseline-got, s.baseline-want)
				}
			})
		}
	}
}

// TestDeletionTint checks that deleted text, and only deleted text, lies
// on a tint, drawn behind it, so that a black-and-white printout still
// shows what was deleted: a faint tint of the error colour, in the light
// and the dark theme alike, under text left in the body colour at full
// contrast.
func TestDeletionTint(t *testing.T) {
	for name, variant := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		t.Run(name, func(t *testing.T) {
			// A replaced number, an inserted word, a deleted phrase that
			// wraps onto a second line.
			old := "تحدث غرف للصناعة التقليدية بكل جهة من جهات المملكة وفق القانون رقم 18.09."
			new := "تحدث غرف جهوية وفق القانون رقم 50.17."
			w := textwidget.NewTracked(diff.Words(old, new, diff.Options{}))
			_, th := showWith(t, w, dejaVuSans(), 1, variant, 260)
			fg := th.Color(theme.ColorNameForeground, variant)
			errColor := color.NRGBAModel.Convert(th.Color(theme.ColorNameError, variant)).(color.NRGBA)

			objs := test.WidgetRenderer(w).Objects()
			var tints []*canvas.Rectangle
			firstText := -1
			for i, o := range objs {
				switch o := o.(type) {
				case *canvas.Rectangle:
					if firstText >= 0 {
						t.Errorf("a tint is drawn after text, over it")
					}
					tints = append(tints, o)
				case *canvas.Text:
					if firstText < 0 {
						firstText = i
					}
				}
			}
			for _, r := range tints {
				c := color.NRGBAModel.Convert(r.FillColor).(color.NRGBA)
				if c.R != errColor.R || c.G != errColor.G || c.B != errColor.B || c.A == 0 || c.A > errColor.A/4 {
					t.Errorf("tint %v, want the error colour %v, faint (at most a quarter of its opacity)", c, errColor)
				}
			}

			// The words deleted, none of which is also among the words
			// kept or inserted.
			var deleted []string
			for _, d := range w.Deleted() {
				deleted = append(deleted, strings.Fields(d)...)
			}
			lines, _ := drawn(w)
			var deletedPieces int
			for _, l := range lines {
				for _, p := range l.texts {
					text := strings.TrimSpace(bare(p.Text))
					if text == "" {
						continue
					}
					isDeleted := !slices.ContainsFunc(strings.Fields(text), func(word string) bool {
						return !slices.Contains(deleted, word) && !slices.Contains(deleted, visual(word))
					})
					var under []*canvas.Rectangle
					for _, r := range tints {
						if r.Position().X < p.Position().X+p.Size().Width && r.Position().X+r.Size().Width > p.Position().X &&
							r.Position().Y < p.Position().Y+p.Size().Height && r.Position().Y+r.Size().Height > p.Position().Y {
							under = append(under, r)
						}
					}
					switch {
					case isDeleted && len(under) != 1:
						t.Errorf("deleted %q lies on %d tints, want 1", text, len(under))
					case isDeleted && (under[0].Position() != p.Position() || under[0].Size() != p.Size()):
						t.Errorf("deleted %q at %v, size %v, lies on a tint at %v, size %v", text, p.Position(), p.Size(), under[0].Position(), under[0].Size())
					case !isDeleted && len(under) != 0:
						t.Errorf("%q is not deleted but lies on a tint", text)
					}
					if isDeleted {
						deletedPieces++
						if p.Color != fg {
							t.Errorf("deleted %q is drawn in %v, want the body colour %v", text, p.Color, fg)
						}
					}
				}
			}
			if deletedPieces < 3 || len(tints) != deletedPieces {
				t.Errorf("%d deleted pieces drawn, %d tints; want a tint for each of the deleted number and the two lines of the deleted phrase", deletedPieces, len(tints))
			}
		})
	}
}

// TestDeletionSnapshots keeps, as markup and as images to be looked at,
// an amendment that deletes most of an article and a whole repeal, in the
// light theme (as printed): with DejaVu Sans at 100 % text and with Amiri
// at 150 %. Each deleted word must read through its strike-through.
func TestDeletionSnapshots(t *testing.T) {
	const (
		article = "تتمتع الغرفة بالشخصية الاعتبارية والاستقلال المالي، وتخضع لوصاية الدولة وفق الشروط المنصوص عليها في هذا القانون."
		wording = "تتمتع الغرفة بالشخصية الاعتبارية."
		repeal  = "يحدد مقر الغرفة بقرار للسلطة الحكومية المكلفة بالصناعة التقليدية."
	)
	for _, c := range []struct {
		name  string
		font  testFont
		scale float64
		width float32
	}{
		{"deletion_ar", dejaVuSans(), 1, 330},
		{"deletion_ar_amiri_150", amiri(t), 1.5, 420},
	} {
		t.Run(c.name, func(t *testing.T) {
			amended := textwidget.NewTracked(diff.Words(article, wording, diff.Options{}))
			repealed := textwidget.NewTracked([]diff.Change{{Op: diff.Delete, Text: repeal}})
			box := container.NewVBox(amended, repealed)
			a := test.NewTempApp(t)
			th := fontTheme{ui.NewTheme(c.scale), nil, theme.VariantLight}
			if !c.font.builtIn {
				th.font = fyne.NewStaticResource(c.font.name+".ttf", c.font.data)
			}
			a.Settings().SetTheme(th)
			win := test.NewTempWindow(t, box)
			win.SetPadded(false)
			win.Resize(fyne.NewSize(c.width, 400))
			win.Resize(fyne.NewSize(c.width, box.MinSize().Height))
			if len(amended.Deleted()) == 0 || len(repealed.Deleted()) != 1 {
				t.Fatalf("deleted: %q and %q", amended.Deleted(), repealed.Deleted())
			}
			snapshot.Assert(t, win.Canvas(), c.name)
		})
	}
}
