package ui_test

import (
	"bytes"
	"image/png"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"statute/ui"
)

// newEditor shows an editor holding text in a focused test window of the
// given size, with the app theme (DejaVu, so measures and images do not
// depend on the fonts installed).
func newEditor(t *testing.T, text string, w, h float32) (*ui.Editor, fyne.Window, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(ui.NewTheme(1))
	e := ui.NewEditor(a.Clipboard())
	win := test.NewTempWindow(t, e)
	win.Resize(fyne.NewSize(w, h))
	win.Canvas().Focus(e)
	e.SetText(text)
	return e, win, a
}

func key(e *ui.Editor, names ...fyne.KeyName) {
	for _, n := range names {
		e.TypedKey(&fyne.KeyEvent{Name: n})
	}
}

// shiftKey presses keys with Shift held, as the desktop driver reports it.
func shiftKey(e *ui.Editor, names ...fyne.KeyName) {
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(e, names...)
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

func TestEditorTypingKeepsLogicalOrder(t *testing.T) {
	e, _, _ := newEditor(t, "", 600, 100)
	var changed []string
	e.OnChanged = func(s string) { changed = append(changed, s) }
	test.Type(e, "المادة ")
	test.Type(e, "12 ")
	test.Type(e, "loi")
	key(e, fyne.KeyReturn)
	test.Type(e, "تحدث")
	want := "المادة 12 loi\nتحدث"
	if got := e.Text(); got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
	if len(changed) == 0 || changed[len(changed)-1] != want {
		t.Errorf("OnChanged last got %q, want %q", changed[len(changed)-1:], want)
	}
	if e.Caret() != len(want) {
		t.Errorf("caret at %d after typing, want the end %d", e.Caret(), len(want))
	}
}

func reversed(s []int) []int {
	r := slices.Clone(s)
	slices.Reverse(r)
	return r
}

// walk presses k n times and returns the caret offsets and x visited,
// starting position included.
func walk(e *ui.Editor, k fyne.KeyName, n int) ([]int, []float32) {
	offs, xs := []int{e.Caret()}, []float32{e.CaretPos().X}
	for range n {
		key(e, k)
		offs = append(offs, e.Caret())
		xs = append(xs, e.CaretPos().X)
	}
	return offs, xs
}

func TestEditorArrowsMoveVisually(t *testing.T) {
	// «المادة 12 تحدث»: the Arabic words read right to left, the number
	// left to right in the middle. Offsets are bytes: each Arabic letter 2,
	// each digit and space 1.
	const text = "المادة 12 تحدث"
	leftward := []int{0, 2, 4, 6, 8, 10, 12, 14, 13, 15, 16, 18, 20, 22, 24}
	for _, c := range []struct {
		name  string
		k     fyne.KeyName
		start int
		want  []int
	}{
		// From the logical start (the right edge) Left reads on: through
		// «المادة», then inside «12» from after «1» to before it, since
		// digits run left to right, then through «تحدث».
		{"left", fyne.KeyLeft, 0, leftward},
		// Right goes back toward the start of the words: decreasing offsets
		// in Arabic.
		{"right", fyne.KeyRight, len(text), reversed(leftward)},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, _, _ := newEditor(t, text, 600, 100)
			e.SetCaret(c.start)
			offs, xs := walk(e, c.k, len(c.want)+1)
			if got := offs[:len(c.want)]; !slices.Equal(got, c.want) {
				t.Errorf("offsets visited = %v, want %v", got, c.want)
			}
			if last := offs[len(offs)-1]; last != c.want[len(c.want)-1] {
				t.Errorf("caret went on to %d past the edge of the only line", last)
			}
			for i := 1; i < len(xs); i++ {
				if moved := xs[i] - xs[i-1]; c.k == fyne.KeyLeft && moved > 0 || c.k == fyne.KeyRight && moved < 0 {
					t.Errorf("step %d (offset %d→%d) moved the caret the wrong way by %v", i, offs[i-1], offs[i], moved)
				}
			}
		})
	}
}

func TestEditorHomeEnd(t *testing.T) {
	for _, c := range []struct {
		name, text string
		homeRight  bool // Home goes to the right edge
	}{
		{"arabic", "المادة 12 تحدث", true},
		{"french", "Article 3 : la loi", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, _, _ := newEditor(t, c.text, 600, 100)
			e.SetCaret(strings.Index(c.text, " ") + 1)
			key(e, fyne.KeyHome)
			if e.Caret() != 0 {
				t.Errorf("Home: caret at %d, want the logical start 0", e.Caret())
			}
			home := e.CaretPos().X
			key(e, fyne.KeyEnd)
			if e.Caret() != len(c.text) {
				t.Errorf("End: caret at %d, want the logical end %d", e.Caret(), len(c.text))
			}
			end := e.CaretPos().X
			if (home > end) != c.homeRight {
				t.Errorf("Home x %v, End x %v: want Home on the right = %v", home, end, c.homeRight)
			}
		})
	}
}

func TestEditorDeletesALetterWithItsHarakat(t *testing.T) {
	// «عُدَّ»: ain with damma, dal with shadda and fatha.
	const text = "عُدَّ"
	for _, c := range []struct {
		name  string
		caret int
		k     fyne.KeyName
		want  []string // text after each press
	}{
		{"backspace", len(text), fyne.KeyBackspace, []string{"عُ", ""}},
		{"delete", 0, fyne.KeyDelete, []string{"دَّ", ""}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, _, _ := newEditor(t, text, 400, 100)
			e.SetCaret(c.caret)
			for i, want := range c.want {
				key(e, c.k)
				if got := e.Text(); got != want {
					t.Errorf("after %d presses: %q, want %q", i+1, got, want)
				}
			}
		})
	}
}

func TestEditorSelectCutPaste(t *testing.T) {
	e, _, a := newEditor(t, "قال الرئيس", 400, 100)
	// From the right edge, Shift+Left three times selects «قال».
	shiftKey(e, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyLeft)
	if s, end := e.Selection(); s != 0 || end != len("قال") {
		t.Fatalf("selection = [%d, %d), want [0, %d)", s, end, len("قال"))
	}
	e.TypedShortcut(&fyne.ShortcutCut{})
	if got := a.Clipboard().Content(); got != "قال" {
		t.Errorf("clipboard after cut = %q, want %q", got, "قال")
	}
	if got := e.Text(); got != " الرئيس" {
		t.Errorf("text after cut = %q", got)
	}
	key(e, fyne.KeyEnd)
	e.TypedRune(' ')
	e.TypedShortcut(&fyne.ShortcutPaste{})
	if got, want := e.Text(), " الرئيس قال"; got != want {
		t.Errorf("text after paste at the end = %q, want %q", got, want)
	}
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedShortcut(&fyne.ShortcutCopy{})
	if got, want := a.Clipboard().Content(), " الرئيس قال"; got != want {
		t.Errorf("clipboard after select all and copy = %q, want %q", got, want)
	}
}

func TestEditorUndoRedo(t *testing.T) {
	e, _, _ := newEditor(t, "", 400, 100)
	test.Type(e, "المادة الأولى")
	key(e, fyne.KeyBackspace, fyne.KeyBackspace)
	redo := &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	steps := []struct {
		name string
		s    fyne.Shortcut
		want string
	}{
		{"undo the backspaces together", &fyne.ShortcutUndo{}, "المادة الأولى"},
		{"undo the second word", &fyne.ShortcutUndo{}, "المادة "},
		{"undo the first word", &fyne.ShortcutUndo{}, ""},
		{"nothing more to undo", &fyne.ShortcutUndo{}, ""},
		{"redo with Ctrl+Y", &fyne.ShortcutRedo{}, "المادة "},
		{"redo with Ctrl+Shift+Z", redo, "المادة الأولى"},
		{"redo the backspaces", &fyne.ShortcutRedo{}, "المادة الأو"},
		{"nothing more to redo", &fyne.ShortcutRedo{}, "المادة الأو"},
	}
	for _, s := range steps {
		e.TypedShortcut(s.s)
		if got := e.Text(); got != s.want {
			t.Errorf("%s: %q, want %q", s.name, got, s.want)
		}
	}
	// A new edit after undoing drops what could be redone.
	e.TypedShortcut(&fyne.ShortcutUndo{})
	e.TypedRune('x')
	e.TypedShortcut(&fyne.ShortcutRedo{})
	if got, want := e.Text(), "المادة الأولىx"; got != want {
		t.Errorf("redo after a new edit: %q, want %q", got, want)
	}
}

func TestEditorClickPlacesTheCaret(t *testing.T) {
	const text = "المادة 12 تحدث Chambre الغرف"
	for _, word := range []string{"تحدث", "12", "Chambre", "الغرف"} {
		t.Run(word, func(t *testing.T) {
			e, _, _ := newEditor(t, text, 600, 100)
			off := strings.Index(text, word)
			// Click inside the word's first letter, nearer its leading edge:
			// where two runs meet, two offsets share the edge's x.
			_, n := utf8.DecodeRuneInString(word)
			p, next := e.CaretPosAt(off), e.CaretPosAt(off+n)
			p.X += (next.X - p.X) / 3
			test.TapAt(e, p.AddXY(0, e.LineHeight()/2))
			if e.Caret() != off {
				t.Errorf("click at x %v placed the caret at %d, want %d (before %q)", p.X, e.Caret(), off, word)
			}
		})
	}
}

func TestEditorDragSelects(t *testing.T) {
	const text = "المادة 12 تحدث"
	e, _, _ := newEditor(t, text, 600, 100)
	y := e.LineHeight() / 2
	from, to := e.CaretPosAt(0).X-1, e.CaretPosAt(len("المادة"))
	// As the desktop driver reports a drag: the pointer's position and the
	// move since the last event.
	mid := (from + to.X) / 2
	e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(mid, y)}, Dragged: fyne.NewDelta(mid-from, 0)})
	e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(to.X+1, y)}, Dragged: fyne.NewDelta(to.X+1-mid, 0)})
	e.DragEnd()
	if a, b := e.Selection(); a != 0 || b != len("المادة") {
		t.Errorf("dragging across «المادة» selected [%d, %d), want [0, %d)", a, b, len("المادة"))
	}
}

func TestEditorUpDownOnAWrappedParagraph(t *testing.T) {
	// Narrow enough to wrap into several lines.
	text := strings.Repeat("تحدث غرف الصناعة التقليدية ", 4)
	e, _, _ := newEditor(t, text, 220, 300)
	start := e.CaretPos()
	lh := e.LineHeight()
	var offs []int
	for i := 1; i <= 3; i++ {
		key(e, fyne.KeyDown)
		p := e.CaretPos()
		offs = append(offs, e.Caret())
		if p.Y != start.Y+float32(i)*lh {
			t.Errorf("Down %d: caret y %v, want %v", i, p.Y, start.Y+float32(i)*lh)
		}
		if math.Abs(float64(p.X-start.X)) > 30 {
			t.Errorf("Down %d: caret x %v strayed from %v", i, p.X, start.X)
		}
	}
	if !slices.IsSorted(offs) || offs[0] == 0 {
		t.Errorf("Down went through offsets %v, want increasing", offs)
	}
	key(e, fyne.KeyUp, fyne.KeyUp, fyne.KeyUp)
	if e.Caret() != 0 || e.CaretPos() != start {
		t.Errorf("after Up ×3 caret at %d %v, want back at 0 %v", e.Caret(), e.CaretPos(), start)
	}
}

func TestEditorLeftCrossesIntoTheNextLine(t *testing.T) {
	text := strings.Repeat("تحدث غرف الصناعة التقليدية ", 4)
	e, _, _ := newEditor(t, text, 220, 300)
	key(e, fyne.KeyEnd) // left edge of the first line
	y := e.CaretPos().Y
	end := e.Caret()
	key(e, fyne.KeyLeft)
	if e.CaretPos().Y != y+e.LineHeight() || e.Caret() != end {
		t.Errorf("Left at the end of line 1: caret %d at y %v, want %d on the next line", e.Caret(), e.CaretPos().Y, end)
	}
	key(e, fyne.KeyRight)
	if e.CaretPos().Y != y {
		t.Errorf("Right at the start of line 2 did not come back to line 1")
	}
}

func TestEditorSnapshot(t *testing.T) {
	// Wraps to two lines; after typing at the end, «ادة 1» is selected from
	// inside «المادة» into the number: two highlights, as «2» between them
	// is not selected, and the caret between «1» and «2».
	e, w, _ := newEditor(t, "المادة 12: تحدث غرف الصناعة التقليدية", 300, 110)
	key(e, fyne.KeyEnd)
	test.Type(e, " بالمغرب")
	e.SetCaret(4)
	shiftKey(e, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyLeft)
	if a, b := e.Selection(); a != 4 || b != 14 || e.Caret() != 14 {
		t.Fatalf("selection [%d, %d) caret %d, want [4, 14) caret 14", a, b, e.Caret())
	}
	if *update {
		write(t, "editor_ar.xml", []byte(test.RenderToMarkup(w.Canvas())))
		var buf bytes.Buffer
		if err := png.Encode(&buf, w.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
		write(t, "editor_ar.png", buf.Bytes())
	}
	test.AssertRendersToMarkup(t, "editor_ar.xml", w.Canvas())
	test.AssertRendersToImage(t, "editor_ar.png", w.Canvas())
}

// FuzzEditorKeys types and pastes arbitrary text and presses keys at
// random: the editor must not panic, must keep the caret inside the text on
// a character boundary, and undoing everything must give the text back.
func FuzzEditorKeys(f *testing.F) {
	f.Add("المادة 12: تحدث\nArticle 3 (loi)", []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
	f.Add("عُدَّ «غرف» 2024", []byte{4, 4, 8, 9, 1, 1, 10, 11, 5, 6})
	f.Add("", []byte{0, 2, 9, 11})
	a := test.NewTempApp(f)
	a.Settings().SetTheme(ui.NewTheme(1))
	e := ui.NewEditor(a.Clipboard())
	w := test.NewTempWindow(f, e)
	w.Resize(fyne.NewSize(160, 200))
	keys := []fyne.KeyName{fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd, fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyReturn}
	f.Fuzz(func(t *testing.T, text string, ops []byte) {
		if !utf8.ValidString(text) || len(ops) > 200 { // the undo history is bounded
			return
		}
		e.SetText(text)
		start := e.Text()
		for _, op := range ops {
			switch k := int(op) % (len(keys) + 3); {
			case k < len(keys):
				if op&0x80 != 0 {
					shiftKey(e, keys[k])
				} else {
					key(e, keys[k])
				}
			case k == len(keys):
				test.Type(e, "بَّ 7x ")
			case k == len(keys)+1:
				a.Clipboard().SetContent(text)
				e.TypedShortcut(&fyne.ShortcutPaste{})
			default:
				e.TypedShortcut(&fyne.ShortcutCut{})
			}
			if c := e.Caret(); c < 0 || c > len(e.Text()) || c < len(e.Text()) && !utf8.RuneStart(e.Text()[c]) {
				t.Fatalf("caret %d off a character boundary in %q", c, e.Text())
			}
			e.CaretPos() // must not panic
		}
		for range len(ops) + 1 {
			e.TypedShortcut(&fyne.ShortcutUndo{})
		}
		if got := e.Text(); got != start {
			t.Fatalf("undoing everything gave %q, want %q", got, start)
		}
	})
}

// BenchmarkEditorTypeInArticle types one letter into a wrapped 45-word
// article: each keystroke re-lays out the text.
func BenchmarkEditorTypeInArticle(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(ui.NewTheme(1))
	e := ui.NewEditor(a.Clipboard())
	w := test.NewTempWindow(b, e)
	w.Resize(fyne.NewSize(500, 400))
	text := strings.Repeat("تحدث غرف الصناعة التقليدية بموجب المادة 12 من هذا القانون، ", 5)
	e.SetText(text)
	e.SetCaret(strings.LastIndex(text, "المادة"))
	b.ReportAllocs()
	for b.Loop() {
		e.TypedRune('ب')
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
}
