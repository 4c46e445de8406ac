package textwidget_test

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"github.com/go-text/typesetting/font"

	"statute/drafts/diff"
	"statute/ui"
	"statute/ui/internal/snapshot"
	"statute/ui/rtl"
	"statute/ui/textwidget"
)

// The amendment of the brief: a word inserted, a law number replaced.
const (
	amendOld = "تحدث غرف للصناعة التقليدية وفق القانون رقم 18.09."
	amendNew = "تحدث غرف جهوية للصناعة التقليدية وفق القانون رقم 50.17."
)

// trackedCases are diffs shown as tracked changes in the tests below.
var trackedCases = []struct {
	name     string
	old, new string
	lenient  bool
}{
	{"amendment", amendOld, amendNew, false},
	{"respelling", "تحدث غُرف للصناعة التقليدية.", "تحدث غرف للصناعة التقليدية.", true},
	{"mixed", "يحدد مرسوم (الفصل 3) شروط الانتخاب.", "يحدد قرار (الفصل 4) شروط الانتخاب وفق « code électoral ».", false},
	{"paragraphs", "المادة 1\nتحدث غرف.", "المادة 2\nتحدث غرف جهوية مستقلة.", false},
	{"french", "Les chambres sont créées par la loi 18.09.", "Les chambres régionales sont créées par la loi 50.17.", false},
}

// trackedWindow shows w in a test window of the given width with the app
// theme, so that text is measured and drawn with DejaVu.
func trackedWindow(t testing.TB, w fyne.CanvasObject, width float32) fyne.Window {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(ui.NewTheme(1))
	win := test.NewTempWindow(t, w)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(width, 300))
	return win
}

// drawnLine is one line of text as drawn: its text objects left to right.
type drawnLine struct {
	y     float32
	texts []*canvas.Text
}

// drawn returns the text objects of a statute text widget grouped into
// lines, top to bottom, and its mark lines.
func drawn(w fyne.Widget) ([]drawnLine, []*canvas.Line) {
	var lines []drawnLine
	var marks []*canvas.Line
	for _, o := range test.WidgetRenderer(w).Objects() {
		switch o := o.(type) {
		case *canvas.Text:
			y := o.Position().Y
			i := slices.IndexFunc(lines, func(l drawnLine) bool { return l.y == y })
			if i < 0 {
				lines = append(lines, drawnLine{y: y})
				i = len(lines) - 1
			}
			lines[i].texts = append(lines[i].texts, o)
		case *canvas.Line:
			marks = append(marks, o)
		}
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i].y < lines[j].y })
	for _, l := range lines {
		sort.Slice(l.texts, func(i, j int) bool { return l.texts[i].Position().X < l.texts[j].Position().X })
	}
	return lines, marks
}

// bare is a display string without its override marks: what the eye reads
// from left to right.
func bare(s string) string {
	return strings.TrimSuffix(strings.TrimPrefix(s, "\u202D"), "\u202C")
}

func (l drawnLine) read() string {
	var b strings.Builder
	for _, t := range l.texts {
		b.WriteString(bare(t.Text))
	}
	return b.String()
}

// visual is how a word typed in Arabic reads drawn left to right, its
// letters reversed (the test words carry no harakat).
func visual(word string) string {
	r := []rune(word)
	slices.Reverse(r)
	return string(r)
}

func near(a, b float32) bool { return math.Abs(float64(a-b)) < 0.01 }

// TestTrackedTextKeepsWordOrder checks that tracked marks do not move
// words: each drawn line reads, left to right, exactly as the same text
// shown plainly, and its pieces sit edge to edge, right-aligned for
// Arabic.
func TestTrackedTextKeepsWordOrder(t *testing.T) {
	for _, c := range trackedCases {
		for _, width := range []float32{1000, 260, 140} {
			t.Run(fmt.Sprintf("%s/%v", c.name, width), func(t *testing.T) {
				win := trackedWindow(t, nil, width)
				checkWordOrder(t, win, c.old, c.new, c.lenient, width)
			})
		}
	}
}

// checkWordOrder shows the diff of old and new as tracked changes and as
// plain text at the given width, and compares them line by line.
func checkWordOrder(t *testing.T, win fyne.Window, old, new string, lenient bool, width float32) {
	t.Helper()
	tracked := textwidget.NewTracked(diff.Words(old, new, diff.Options{Lenient: lenient}))
	text := tracked.Text()
	plain := textwidget.NewText(text)
	win.SetContent(plain)
	win.Resize(fyne.NewSize(width, 300))
	plainLines, _ := drawn(plain)
	win.SetContent(tracked)
	win.Resize(fyne.NewSize(width, 300))
	trackedLines, _ := drawn(tracked)

	if len(trackedLines) != len(plainLines) {
		t.Fatalf("width %v: %d tracked lines, %d plain lines", width, len(trackedLines), len(plainLines))
	}
	for i, tl := range trackedLines {
		pl := plainLines[i]
		if got, want := tl.read(), pl.read(); got != want {
			t.Errorf("width %v, line %d reads\n%q\nwant, as plain text,\n%q", width, i, got, want)
		}
		for j := 1; j < len(tl.texts); j++ {
			prev, cur := tl.texts[j-1], tl.texts[j]
			if !near(prev.Position().X+prev.Size().Width, cur.Position().X) {
				t.Errorf("width %v, line %d: piece %q ends at %v, next %q starts at %v",
					width, i, bare(prev.Text), prev.Position().X+prev.Size().Width, bare(cur.Text), cur.Position().X)
			}
		}
		// The tracked line is measured change by change, so the kerning
		// between the two letters on either side of a change's edge is
		// lost, even where changes of one kind are drawn as one piece:
		// «50.1P» then «.» is 2 px wider at 14 px than «50.1P.» in
		// DejaVu, «1Y» then «.» nearly 3. A quarter of the text size a
		// drawn edge, and 2.5 % of the line, allow for it; the text read
		// is checked above, and a gap between pieces just before.
		last, lastPlain := tl.texts[len(tl.texts)-1], pl.texts[len(pl.texts)-1]
		slack := max(1+0.25*float64(last.TextSize)*float64(len(tl.texts)-1), 0.025*float64(lastPlain.Position().X+lastPlain.Size().Width))
		if r, rp := last.Position().X+last.Size().Width, lastPlain.Position().X+lastPlain.Size().Width; math.Abs(float64(r-rp)) > slack {
			t.Errorf("width %v, line %d: tracked line ends at x=%v, plain at x=%v (%d pieces)", width, i, r, rp, len(tl.texts))
		}
	}
}

// FuzzTrackedText checks, for any pair of wordings an amendment may bring,
// that the tracked-change view reads line by line like the plain text.
func FuzzTrackedText(f *testing.F) {
	for _, c := range trackedCases {
		f.Add(c.old, c.new, c.lenient)
	}
	f.Add("", "نص جديد", false)
	f.Add("نص قديم", "", true)
	f.Add("أ(ب) 12 ج", "أ[ب] 13  د\n", false)
	// One app and window for all inputs: a test app per input stalls the
	// fuzzing workers.
	win := trackedWindow(f, nil, 180)
	// The letters the app's own font draws. Fyne draws a letter it lacks
	// (a rare one, such as «ؼ», which no Moroccan text uses) from a
	// fallback font, and measures it differently alone and within a line,
	// so that a piece and its line disagree by several pixels, as with
	// control characters below.
	var faces []*font.Face
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}} {
		face, err := font.ParseTTF(bytes.NewReader(fyne.CurrentApp().Settings().Theme().Font(style).Content()))
		if err != nil {
			f.Fatal(err)
		}
		faces = append(faces, face)
	}
	drawnByOurFont := func(r rune) bool {
		if unicode.IsSpace(r) || unicode.Is(unicode.Bidi_Control, r) {
			return true
		}
		for _, face := range faces {
			if _, ok := face.NominalGlyph(r); !ok {
				return false
			}
		}
		return true
	}
	f.Fuzz(func(t *testing.T, old, new string, lenient bool) {
		if !utf8.ValidString(old + new) {
			return
		}
		if strings.ContainsFunc(old+new, func(r rune) bool { return !drawnByOurFont(r) }) {
			return
		}
		if strings.ContainsFunc(old+new, func(r rune) bool { return r != '\n' && unicode.IsControl(r) }) {
			// Fyne measures control characters inconsistently (a tab
			// widens to the next tab stop of the string measured, U+001D
			// measures zero inside a longer string), and bytes that are
			// not UTF-8 likewise, so a piece and the whole line disagree
			// on their widths. Neither reaches the widget: amendments and
			// drafts holding them are refused (drafts.Amendment.Validate,
			// parse).
			return
		}
		checkWordOrder(t, win, old, new, lenient, 180)
	})
}

// TestTrackedTextMarks checks that a reader, even of a black-and-white
// printout, sees which words were deleted (a line through them), inserted
// (a line under them) or respelled (dots under them), and that unchanged
// words carry no line.
func TestTrackedTextMarks(t *testing.T) {
	type want struct {
		word string // as drawn, left to right
		kind string // "strike", "under", "dots" or "" for none
	}
	for _, c := range []struct {
		name     string
		old, new string
		lenient  bool
		words    []want
	}{
		{"amendment", amendOld, amendNew, false, []want{
			{"18.09", "strike"}, {"50.17", "under"}, {visual("جهوية"), "under"},
			{visual("غرف"), ""}, {visual("القانون"), ""},
		}},
		{"respelling", "تحدث غُرف للصناعة.", "تحدث غرف للصناعة.", true, []want{
			{visual("غرف"), "dots"}, {visual("تحدث"), ""},
		}},
		{"french", "la loi 18.09 relative aux chambres", "la loi 50.17 relative aux chambres régionales", false, []want{
			{"18.09", "strike"}, {"50.17", "under"}, {"régionales", "under"}, {"chambres", ""},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := textwidget.NewTracked(diff.Words(c.old, c.new, diff.Options{Lenient: c.lenient}))
			trackedWindow(t, w, 1000)
			lines, marks := drawn(w)
			if len(lines) != 1 {
				t.Fatalf("%d lines drawn, want 1", len(lines))
			}
			for _, wt := range c.words {
				i := slices.IndexFunc(lines[0].texts, func(x *canvas.Text) bool { return strings.Contains(bare(x.Text), wt.word) })
				if i < 0 {
					t.Errorf("%q not drawn; line reads %q", wt.word, lines[0].read())
					continue
				}
				piece := lines[0].texts[i]
				x0, x1 := piece.Position().X, piece.Position().X+piece.Size().Width
				top, bottom := piece.Position().Y, piece.Position().Y+piece.Size().Height
				var over []*canvas.Line
				for _, m := range marks {
					if m.Position1.X < x1 && m.Position2.X > x0 && m.Position1.Y >= top && m.Position1.Y <= bottom {
						over = append(over, m)
					}
				}
				for _, m := range over {
					if m.Position1.Y != m.Position2.Y {
						t.Errorf("%q: mark from %v to %v is not horizontal", wt.word, m.Position1, m.Position2)
					}
				}
				if wt.kind == "" {
					if len(over) != 0 {
						t.Errorf("%q is unchanged but has %d marks", wt.word, len(over))
					}
					continue
				}
				if len(over) == 0 {
					t.Errorf("%q has no mark, want %s", wt.word, wt.kind)
					continue
				}
				if wt.kind == "dots" {
					if len(over) < 3 {
						t.Errorf("%q: %d dots, want a dotted line", wt.word, len(over))
					}
				} else if len(over) != 1 {
					t.Errorf("%q: %d marks, want one %s line", wt.word, len(over), wt.kind)
				}
				first, last := over[0], over[len(over)-1]
				if !near(first.Position1.X, x0) || !near(last.Position2.X, x1) {
					t.Errorf("%q: marked from x=%v to %v, the word spans %v to %v", wt.word, first.Position1.X, last.Position2.X, x0, x1)
				}
				h := bottom - top
				y := first.Position1.Y
				switch wt.kind {
				case "strike":
					if y < top+h/3 || y > bottom-h/3 {
						t.Errorf("%q: strike line at y=%v, outside the middle of the text box %v–%v", wt.word, y, top, bottom)
					}
				case "under", "dots":
					if y < bottom-h/8 {
						t.Errorf("%q: underline at y=%v, not at the bottom of the text box %v–%v", wt.word, y, top, bottom)
					}
				}
			}
		})
	}
}

// TestTrackedTextSnapshots keeps tracked-change views of amendments as
// markup and as images, wrapped over two lines, to be looked at: joining,
// right-to-left order, whole numbers, visible marks.
func TestTrackedTextSnapshots(t *testing.T) {
	for _, c := range []struct {
		name     string
		old, new string
		lenient  bool
	}{
		{"tracked_ar", amendOld, amendNew, false},
		// A respelled word (harakat dropped) beside an inserted one.
		{"tracked_ar_form", "تحدث غُرف للصناعة التقليدية وفق القانون رقم 18.09.", amendNew, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := textwidget.NewTracked(diff.Words(c.old, c.new, diff.Options{Lenient: c.lenient}))
			win := trackedWindow(t, w, 330)
			win.Resize(fyne.NewSize(330, w.MinSize().Height))
			snapshot.Assert(t, win.Canvas(), c.name)
		})
	}
}

// BenchmarkTrackedTextLayout measures laying out an amended article at a
// new width, as on every resize of the window.
func BenchmarkTrackedTextLayout(b *testing.B) {
	old := strings.Repeat(amendOld+" ", 5)
	new := strings.Repeat(amendNew+" ", 5)
	w := textwidget.NewTracked(diff.Words(old, new, diff.Options{}))
	win := trackedWindow(b, w, 600)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		win.Resize(fyne.NewSize(float32(500+i%2*100), 600))
	}
}

// TestPiecesMeasuredWordByWordMatchTheWholeLine checks the shortcut that
// places tracked changes: a piece's width summed over its words must be
// the width Fyne draws the whole piece at, or marks would drift off their
// words.
func TestPiecesMeasuredWordByWordMatchTheWholeLine(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(ui.NewTheme(1))
	const size = 14
	for _, line := range []string{
		amendOld,
		amendNew,
		"تمثل الغرفة لدى السلطات العمومية المصالح المهنية للصناع التقليديين (artisans) ومقاولات الصناعة التقليدية.",
		"Les chambres d'artisanat sont régies par la loi n° 50.17 du 2 septembre 2020.",
		"المادةُ الأولى: يُحدِّدُ هذا القانونُ  النظامَ الأساسيَّ «لغرف» الصناعة التقليدية ١٠٬٠٠٠",
	} {
		for _, l := range rtl.Layout(line, rtl.Auto, math.MaxFloat32, func(s string) float32 {
			return fyne.MeasureText(s, size, fyne.TextStyle{}).Width
		}) {
			shown := rtl.Display(l)
			whole := fyne.MeasureText(shown, size, fyne.TextStyle{}).Width
			if got := textwidget.MeasureByWords(shown, size); math.Abs(float64(got-whole)) > 0.5 {
				t.Errorf("%q: %.2f word by word, %.2f whole", line, got, whole)
			}
		}
	}
}

// TestTrackedChangesCanBeSetLater checks that a view made empty, as the
// propose screen's preview is, shows the changes set later, and tells
// which texts it marks inserted and deleted.
func TestTrackedChangesCanBeSetLater(t *testing.T) {
	w := textwidget.NewTracked(nil)
	trackedWindow(t, w, 1000)
	if w.Text() != "" || len(w.Inserted()) != 0 || len(w.Deleted()) != 0 {
		t.Fatalf("an empty view shows %q, inserted %q, deleted %q", w.Text(), w.Inserted(), w.Deleted())
	}
	w.SetChanges(diff.Words(amendOld, amendNew, diff.Options{}))
	if got, want := w.Inserted(), []string{"جهوية", "50.17"}; !slices.Equal(got, want) {
		t.Errorf("inserted %q, want %q", got, want)
	}
	if got, want := w.Deleted(), []string{"18.09"}; !slices.Equal(got, want) {
		t.Errorf("deleted %q, want %q", got, want)
	}
	if lines, marks := drawn(w); len(lines) != 1 || len(marks) != 3 {
		t.Errorf("%d lines and %d marks drawn, want 1 line and a mark under or through each change", len(lines), len(marks))
	}
}
