package textwidget_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/ui"
	"statute/ui/internal/snapshot"
	"statute/ui/textwidget"
)

// newEditor shows an editor holding text in a focused test window of the
// given size, with the app theme (DejaVu, so measures and images do not
// depend on the fonts installed).
func newEditor(t *testing.T, text string, w, h float32) (*textwidget.Editor, fyne.Window, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(ui.NewTheme(1))
	e := textwidget.NewEditor(a)
	win := test.NewTempWindow(t, e)
	win.Resize(fyne.NewSize(w, h))
	win.Canvas().Focus(e)
	e.SetText(text)
	return e, win, a
}

func key(e *textwidget.Editor, names ...fyne.KeyName) {
	for _, n := range names {
		e.TypedKey(&fyne.KeyEvent{Name: n})
	}
}

// shiftKey presses keys with Shift held, as the desktop driver reports it.
func shiftKey(e *textwidget.Editor, names ...fyne.KeyName) {
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
func walk(e *textwidget.Editor, k fyne.KeyName, n int) ([]int, []float32) {
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
	snapshot.Assert(t, w.Canvas(), "editor_ar")
}

// FuzzEditorKeys types and pastes arbitrary text, presses keys and Ctrl
// keys (by word, and to the edges of the text) and double-clicks at
// random, in a wrapping editor and in a single line: neither may panic,
// the caret must stay inside the text on a character boundary, the single
// line must never hold a line break, and undoing everything must give the
// text back.
func FuzzEditorKeys(f *testing.F) {
	f.Add("المادة 12: تحدث\nArticle 3 (loi)", []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
	f.Add("عُدَّ «غرف» 2024", []byte{4, 4, 8, 9, 1, 1, 10, 11, 5, 6})
	f.Add("", []byte{0, 2, 9, 11})
	f.Add("غرف 50.17 Chambre\n\nتحدث", []byte{12, 13, 140, 141, 14, 15, 16, 0x90, 13, 14})
	f.Add("مرة واحدة\nكل شهر", []byte{16, 0x91, 9, 17, 0x90, 9, 12})
	a := test.NewTempApp(f)
	a.Settings().SetTheme(ui.NewTheme(1))
	multi := textwidget.NewEditor(a)
	line := textwidget.NewLineEditor(a)
	w := test.NewTempWindow(f, container.NewVBox(multi, line))
	w.Resize(fyne.NewSize(160, 300))
	keys := []fyne.KeyName{fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd, fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyReturn}
	// With Ctrl: word moves and deletions, the edges of the text.
	words := []fyne.KeyName{fyne.KeyLeft, fyne.KeyRight, fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyHome, fyne.KeyEnd}
	f.Fuzz(func(t *testing.T, text string, ops []byte) {
		if !utf8.ValidString(text) || len(ops) > 100 { // the undo history is bounded
			return
		}
		for _, e := range []*textwidget.Editor{multi, line} {
			e.SetText(text)
			start := e.Text()
			for _, op := range ops {
				switch k := int(op) % (len(keys) + 3 + len(words) + 1); {
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
				case k == len(keys)+2:
					e.TypedShortcut(&fyne.ShortcutCut{})
				case k < len(keys)+3+len(words):
					ctrl(e, op&0x80 != 0, words[k-len(keys)-3])
				default:
					e.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(float32(op), float32(op%64))})
				}
				if c := e.Caret(); c < 0 || c > len(e.Text()) || c < len(e.Text()) && !utf8.RuneStart(e.Text()[c]) {
					t.Fatalf("caret %d off a character boundary in %q", c, e.Text())
				}
				if s, end := e.Selection(); s < 0 || end > len(e.Text()) {
					t.Fatalf("selection [%d, %d) outside %q", s, end, e.Text())
				}
				if e == line && strings.ContainsAny(e.Text(), "\n\r") {
					t.Fatalf("the single line holds a line break: %q", e.Text())
				}
				e.CaretPos() // must not panic
			}
			for range 3*len(ops) + 1 {
				e.TypedShortcut(&fyne.ShortcutUndo{})
			}
			if got := e.Text(); got != start {
				t.Fatalf("undoing everything gave %q, want %q", got, start)
			}
		}
	})
}

// BenchmarkEditorTypeInArticle types one letter into a wrapped 45-word
// article: each keystroke re-lays out the text.
func BenchmarkEditorTypeInArticle(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(ui.NewTheme(1))
	e := textwidget.NewEditor(a)
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

// ctrl presses key with Ctrl (and Shift), as the desktop driver reports
// it: a shortcut.
func ctrl(e *textwidget.Editor, shift bool, names ...fyne.KeyName) {
	mod := fyne.KeyModifierControl
	if shift {
		mod |= fyne.KeyModifierShift
	}
	for _, n := range names {
		e.TypedShortcut(&desktop.CustomShortcut{KeyName: n, Modifier: mod})
	}
}

func selected(e *textwidget.Editor) string {
	a, b := e.Selection()
	return e.Text()[a:b]
}

func TestEditorCtrlArrowsMoveByWordOnScreen(t *testing.T) {
	const (
		arabic  = "المادة 12 تحدث"                  // bytes: المادة 0–12, «12» 13–15, تحدث 16–24
		mixed   = "المادة Chambre des métiers تحدث" // Chambre 13, des 21, métiers 25, تحدث 34
		french  = "Article 3 : la loi"
		harakat = "عُدَّ الغرفَة"
	)
	for _, c := range []struct {
		name, text string
		start      int
		k          fyne.KeyName
		want       []int // caret after each press, the last press at the line's end
	}{
		// Left reads on in Arabic: to the left edge of each word. The edge
		// of «12» is also the end of the space after it, which makes a
		// selection take the number whole.
		{"arabic left", arabic, 0, fyne.KeyLeft, []int{12, 15, 24, 24}},
		{"arabic right", arabic, 24, fyne.KeyRight, []int{16, 12, 0, 0}},
		// The French words inside Arabic are visited leftwards too, though
		// they read the other way.
		{"mixed left", mixed, 0, fyne.KeyLeft, []int{12, 25, 21, 33, 42, 42}},
		{"french left", french, len(french), fyne.KeyLeft, []int{15, 12, 8, 0, 0}},
		{"french right", french, 0, fyne.KeyRight, []int{7, 9, 14, 18, 18}},
		// Harakat go with their letter: the word ends after the last mark.
		{"harakat", harakat, 0, fyne.KeyLeft, []int{len("عُدَّ"), len(harakat)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, _, _ := newEditor(t, c.text, 600, 100)
			e.SetCaret(c.start)
			var got []int
			x := e.CaretPos().X
			for i := range c.want {
				ctrl(e, false, c.k)
				got = append(got, e.Caret())
				nx := e.CaretPos().X
				if moved := nx - x; c.k == fyne.KeyLeft && moved > 0 || c.k == fyne.KeyRight && moved < 0 {
					t.Errorf("press %d moved the caret the wrong way on screen, by %v", i+1, moved)
				}
				x = nx
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("Ctrl+%s went through %v, want %v", c.k, got, c.want)
			}
		})
	}
}

func TestEditorCtrlLeftCrossesIntoTheNextLine(t *testing.T) {
	text := strings.Repeat("تحدث غرف الصناعة التقليدية ", 4)
	e, _, _ := newEditor(t, text, 220, 300)
	y := e.CaretPos().Y
	for range 10 {
		ctrl(e, false, fyne.KeyLeft)
		if e.CaretPos().Y > y {
			break
		}
	}
	if e.CaretPos().Y != y+e.LineHeight() {
		t.Fatalf("Ctrl+Left never reached the second line: caret %d at y %v", e.Caret(), e.CaretPos().Y)
	}
	ctrl(e, false, fyne.KeyLeft)
	if got, want := text[:e.Caret()], "تحدث غرف الصناعة التقليدية تحدث"; strings.TrimSpace(got) != want {
		t.Errorf("after the first word of line 2 the caret follows %q, want %q", got, want)
	}
}

func TestEditorCtrlShiftArrowsSelectWords(t *testing.T) {
	e, _, _ := newEditor(t, "قال رئيس الغرفة", 400, 100)
	ctrl(e, true, fyne.KeyLeft, fyne.KeyLeft)
	if got := selected(e); got != "قال رئيس" {
		t.Errorf("Ctrl+Shift+Left twice selected %q, want %q", got, "قال رئيس")
	}
	// Right goes back to the right edge of «رئيس»: its start.
	ctrl(e, true, fyne.KeyRight)
	if got := selected(e); got != "قال " {
		t.Errorf("then Ctrl+Shift+Right left %q selected, want %q", got, "قال ")
	}
}

func TestEditorCtrlBackspaceAndDeleteRemoveWords(t *testing.T) {
	const text = "المادة 12: تحدثُ الغرف"
	for _, c := range []struct {
		name  string
		caret int
		k     fyne.KeyName
		want  []string // after each press
	}{
		// Back over the word, then over «: » and the number at once.
		{"backspace", len(text), fyne.KeyBackspace, []string{"المادة 12: تحدثُ ", "المادة 12: ", "المادة ", ""}},
		{"delete", 0, fyne.KeyDelete, []string{" 12: تحدثُ الغرف", ": تحدثُ الغرف", " الغرف", ""}},
		// From inside a word only its part before (after) the caret goes.
		{"backspace inside", len("المادة 12: تح"), fyne.KeyBackspace, []string{"المادة 12: دثُ الغرف"}},
		{"delete inside", len("المادة 12: تح"), fyne.KeyDelete, []string{"المادة 12: تح الغرف"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, _, _ := newEditor(t, text, 500, 100)
			e.SetCaret(c.caret)
			for i, want := range c.want {
				ctrl(e, false, c.k)
				if got := e.Text(); got != want {
					t.Errorf("after %d presses: %q, want %q", i+1, got, want)
				}
			}
			// Each press is one undo step.
			for i := len(c.want) - 2; i >= 0; i-- {
				e.TypedShortcut(&fyne.ShortcutUndo{})
				if got := e.Text(); got != c.want[i] {
					t.Errorf("undo back to press %d: %q, want %q", i+1, got, c.want[i])
				}
			}
			e.TypedShortcut(&fyne.ShortcutUndo{})
			if got := e.Text(); got != text {
				t.Errorf("undoing all: %q, want %q", got, text)
			}
		})
	}
}

func TestEditorCtrlBackspaceJoinsParagraphs(t *testing.T) {
	e, _, _ := newEditor(t, "الأولى\nالثانية", 400, 100)
	e.SetCaret(len("الأولى\n"))
	ctrl(e, false, fyne.KeyBackspace)
	if got, want := e.Text(), "الأولىالثانية"; got != want {
		t.Errorf("Ctrl+Backspace at a paragraph start: %q, want %q", got, want)
	}
}

func TestEditorDoubleClickSelectsAWord(t *testing.T) {
	const text = "المادةُ 50.17 تحدث Chambre، الغرف"
	for _, word := range []string{"المادةُ", "50.17", "تحدث", "Chambre", "الغرف"} {
		t.Run(word, func(t *testing.T) {
			e, _, _ := newEditor(t, text, 600, 100)
			off := strings.Index(text, word)
			// Inside the word's second character.
			_, n0 := utf8.DecodeRuneInString(word)
			_, n1 := utf8.DecodeRuneInString(word[n0:])
			p, next := e.CaretPosAt(off+n0), e.CaretPosAt(off+n0+n1)
			p.X = (p.X + next.X) / 2
			e.DoubleTapped(&fyne.PointEvent{Position: p.AddXY(0, e.LineHeight()/2)})
			if got := selected(e); got != word {
				t.Errorf("double click at x %v selected %q, want %q", p.X, got, word)
			}
		})
	}
}

// scrolled shows a tall editor inside a vertical scroll in a short window,
// wired as the propose screen does.
func scrolled(t *testing.T, text string) (*textwidget.Editor, *container.Scroll) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(ui.NewTheme(1))
	e := textwidget.NewEditor(a)
	s := container.NewVScroll(container.NewVBox(widget.NewLabel("above"), e, widget.NewLabel("below")))
	e.SetScroll(s)
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(300, 200))
	w.Canvas().Focus(e)
	e.SetText(text)
	return e, s
}

// caretShows tells whether the caret's line lies inside the scroll's view.
func caretShows(e *textwidget.Editor, s *container.Scroll) (bool, string) {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(e).Y + e.CaretPos().Y - d.AbsolutePositionForObject(s).Y
	ok := y >= 0 && y+e.LineHeight() <= s.Size().Height
	return ok, fmt.Sprintf("caret line at %v–%v in a view 0–%v (offset %v)", y, y+e.LineHeight(), s.Size().Height, s.Offset.Y)
}

func TestEditorScrollsTheCaretIntoView(t *testing.T) {
	paras := make([]string, 30)
	for i := range paras {
		paras[i] = fmt.Sprintf("الفقرة %d من المادة", i+1)
	}
	text := strings.Join(paras, "\n")
	steps := []struct {
		name string
		do   func(e *textwidget.Editor)
	}{
		{"Down ×20", func(e *textwidget.Editor) { key(e, slices.Repeat([]fyne.KeyName{fyne.KeyDown}, 20)...) }},
		{"Up ×15", func(e *textwidget.Editor) { key(e, slices.Repeat([]fyne.KeyName{fyne.KeyUp}, 15)...) }},
		{"PageDown", func(e *textwidget.Editor) { key(e, fyne.KeyPageDown, fyne.KeyPageDown) }},
		{"Ctrl+A selects to the end", func(e *textwidget.Editor) { e.TypedShortcut(&fyne.ShortcutSelectAll{}) }},
		{"typing new lines at the end grows the editor", func(e *textwidget.Editor) {
			key(e, fyne.KeyRight)
			for range 5 {
				key(e, fyne.KeyReturn)
				test.Type(e, "سطر")
			}
		}},
		{"PageUp ×10", func(e *textwidget.Editor) { key(e, slices.Repeat([]fyne.KeyName{fyne.KeyPageUp}, 10)...) }},
		{"Left at the top", func(e *textwidget.Editor) { key(e, fyne.KeyLeft) }},
	}
	e, s := scrolled(t, text)
	for _, st := range steps {
		st.do(e)
		if ok, where := caretShows(e, s); !ok {
			t.Errorf("%s: caret %d out of view: %s", st.name, e.Caret(), where)
		}
	}
	if e.Caret() > len("الفقرة 1 من المادة") {
		t.Errorf("after PageUp ×10 the caret is at %d, want on the first line", e.Caret())
	}
}

func TestEditorEscapeGoesToTheOwner(t *testing.T) {
	e, _, _ := newEditor(t, "نص", 300, 100)
	key(e, fyne.KeyEscape) // no hook: nothing happens
	escaped := 0
	e.SetOnEscape(func() { escaped++ })
	key(e, fyne.KeyEscape)
	if escaped != 1 || e.Text() != "نص" {
		t.Errorf("Escape called the hook %d times and left %q, want once and the text unchanged", escaped, e.Text())
	}
}

func TestLineEditorKeepsOneLine(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(ui.NewTheme(1))
	e := textwidget.NewLineEditor(a)
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(200, 60))
	w.Canvas().Focus(e)
	submitted := 0
	e.SetOnSubmit(func() { submitted++ })
	test.Type(e, "غرف")
	key(e, fyne.KeyReturn)
	a.Clipboard().SetContent(" الصناعة\nالتقليدية\r\nبالمغرب")
	e.TypedShortcut(&fyne.ShortcutPaste{})
	if want := "غرف الصناعة التقليدية بالمغرب"; e.Text() != want || submitted != 1 {
		t.Fatalf("text %q, Enter submitted %d times; want %q and once", e.Text(), submitted, want)
	}
	// The line is wider than the field: wherever the caret goes it shows.
	for _, k := range []fyne.KeyName{fyne.KeyHome, fyne.KeyEnd, fyne.KeyHome, fyne.KeyLeft, fyne.KeyLeft} {
		key(e, k)
		if x := e.CaretPos().X; x < 0 || x > e.Size().Width {
			t.Errorf("after %s the caret (offset %d) is drawn at x %v, outside the field 0–%v", k, e.Caret(), x, e.Size().Width)
		}
	}
	// A click lands where the slid line is drawn: inside «ا» of «بالمغرب»,
	// which shows after End.
	key(e, fyne.KeyEnd)
	off := strings.Index(e.Text(), "بالمغرب") + len("ب")
	p, next := e.CaretPosAt(off), e.CaretPosAt(off+len("ا"))
	p.X += (next.X - p.X) / 3
	test.TapAt(e, p.AddXY(0, e.LineHeight()/2))
	if e.Caret() != off {
		t.Errorf("a click at x %v put the caret at %d, want %d (before «ا»)", p.X, e.Caret(), off)
	}
}

// Ctrl+Home and Ctrl+End go to the start and the end of the whole text, not
// of the line, scrolling them into view; with Shift they select up to
// there from where the caret was.
func TestEditorCtrlHomeEndGoToTheEdgesOfTheText(t *testing.T) {
	paras := make([]string, 30)
	for i := range paras {
		paras[i] = fmt.Sprintf("الفقرة %d من المادة", i+1)
	}
	text := strings.Join(paras, "\n")
	e, s := scrolled(t, text)
	middle := strings.Index(text, "الفقرة 15")
	e.SetCaret(middle)

	ctrl(e, false, fyne.KeyEnd)
	if a, b := e.Selection(); e.Caret() != len(text) || a != b {
		t.Errorf("Ctrl+End: caret %d, selection [%d, %d); want the caret at the end %d, nothing selected", e.Caret(), a, b, len(text))
	}
	if ok, where := caretShows(e, s); !ok {
		t.Errorf("Ctrl+End: the caret is out of view: %s", where)
	}
	end := e.CaretPos()
	ctrl(e, false, fyne.KeyHome)
	if e.Caret() != 0 {
		t.Errorf("Ctrl+Home: caret %d, want 0", e.Caret())
	}
	if ok, where := caretShows(e, s); !ok {
		t.Errorf("Ctrl+Home: the caret is out of view: %s", where)
	}
	// The start of an Arabic text is on the right of the first line.
	if home := e.CaretPos(); home.Y >= end.Y || home.X <= e.Size().Width/2 {
		t.Errorf("Ctrl+Home drew the caret at %v (Ctrl+End at %v): want it at the right of the first line", home, end)
	}

	e.SetCaret(middle)
	ctrl(e, true, fyne.KeyEnd)
	if got, want := selected(e), text[middle:]; got != want {
		t.Errorf("Ctrl+Shift+End selected %q, want from the caret to the end %q", got, want)
	}
	e.SetCaret(middle)
	ctrl(e, true, fyne.KeyHome)
	if got, want := selected(e), text[:middle]; got != want {
		t.Errorf("Ctrl+Shift+Home selected %q, want from the start to the caret %q", got, want)
	}
}

// Typing over a selection is one undo step, however many words are typed:
// one undo brings back the text that was selected, selected again, and one
// redo the words typed over it.
func TestEditorTypingOverASelectionIsOneUndoStep(t *testing.T) {
	const text = "يجتمع مكتب الغرفة مرة واحدة كل شهر"
	e, _, _ := newEditor(t, text, 500, 100)
	start := strings.Index(text, "مرة واحدة")
	e.SetCaret(start)
	// Ctrl+Shift+Left selects a word reading on, in Arabic.
	ctrl(e, true, fyne.KeyLeft, fyne.KeyLeft)
	if got := selected(e); strings.TrimSpace(got) != "مرة واحدة" {
		t.Fatalf("selected %q, want «مرة واحدة»", got)
	}
	before := selected(e)
	test.Type(e, "مرتين على الأقل ")
	typed := e.Text()
	if !strings.Contains(typed, "مرتين على الأقل") || strings.Contains(typed, "واحدة") {
		t.Fatalf("typing over the selection gave %q", typed)
	}
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if got := e.Text(); got != text {
		t.Errorf("one undo gave %q, want the text as it was %q", got, text)
	}
	if got := selected(e); got != before {
		t.Errorf("after the undo %q is selected, want %q as before", got, before)
	}
	e.TypedShortcut(&fyne.ShortcutRedo{})
	if got := e.Text(); got != typed {
		t.Errorf("one redo gave %q, want the words typed %q", got, typed)
	}
	// Typing after moving on, with nothing selected, is undone a word at a
	// time again.
	key(e, fyne.KeyEnd)
	test.Type(e, " للتداول")
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if got, want := e.Text(), typed+" "; got != want {
		t.Errorf("undo after typing elsewhere gave %q, want the last word gone: %q", got, want)
	}
}
