package textwidget

import (
	"math"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/ui/rtl"
)

// Editor is a text field for Arabic, and for Arabic mixed with digits and
// French, that keeps the text in logical (typing) order and lays it out as
// Text does: wrapped at words, each line reordered, right-aligned when it
// reads right to left. The caret, the arrow keys, clicks and the selection
// go by ui/rtl's mapping between logical offsets and the drawn line, so
// Left moves the caret leftwards on screen, which in Arabic is reading on.
// "\n" separates paragraphs.
//
// Ctrl+Left and Ctrl+Right move by a word on screen, Ctrl+Backspace and
// Ctrl+Delete delete a word, a double click selects one; words are those of
// drafts/diff (letters with their harakat, numbers whole). Home and End go
// to the edges of the line, Ctrl+Home and Ctrl+End to the start and the end
// of the whole text. Shift with a caret key selects; select all, copy,
// cut, paste, undo and redo work as in any field. Undo takes back typing a
// word at a time, and typing over a selection all at once, the selected
// text coming back with it.
//
// Make one with NewEditor or NewLineEditor. An owner that puts the editor
// in a container.Scroll tells it so with SetScroll, and the caret is kept in
// view there; SetOnEscape gives it Escape, which a focused widget would
// otherwise swallow. A line editor (the search field) is one line: Enter
// calls what SetOnSubmit set, line breaks pasted become spaces, the line
// does not wrap but slides sideways to keep the caret visible.
//
// Not done: input-method preview. Fyne v2.7.1 has no pre-edit API: its GLFW
// driver registers only key and character callbacks, and GLFW 3.3 opens its
// X input context as XIMPreeditNothing, so a composing IME draws its own
// pre-edit window and the editor sees committed runes only.
type Editor struct {
	widget.BaseWidget

	// OnChanged is called after the user changed the text (typing,
	// deleting, cutting, pasting, undo, redo), not after SetText.
	OnChanged func(string)

	app  fyne.App // its driver finds the editor's canvas and place
	clip fyne.Clipboard

	text          string
	caret, anchor int // byte offsets; a selection runs between them
	// preferEnd places a caret at a wrap point (the end of one line and the
	// start of the next) at the end of the earlier line.
	preferEnd bool
	// goalX keeps the caret's x through Up and Down.
	goalX   float32
	hasGoal bool
	shift   bool
	focused bool
	drag    bool // a mouse drag is selecting

	undo, redo []editState
	lastKind   editKind
	lastRune   rune
	lastCaret  int
	// replacing tells that the typing under way began by replacing a
	// selection: it is one undo step, whatever words it types.
	replacing bool

	// scroll, when the owner set it, is the container.Scroll the editor is
	// in (Fyne gives no parent pointers): keys that move the caret scroll it
	// into view there.
	scroll *container.Scroll
	// onEscape is called on Escape, which a focused widget keeps from the
	// window's own key handler; without it Escape does nothing.
	onEscape func()

	// singleLine makes a one-line field: no "\n", no wrapping, Enter calls
	// onSubmit (if set), and the line slides by scrollX to show the caret.
	singleLine  bool
	onSubmit    func()
	placeHolder string
	scrollX     float32
	// pressed tells that MouseDown placed the caret for the click that
	// Tapped reports later (after the double-click delay).
	pressed bool

	lay editorLayout
}

var (
	_ fyne.Focusable      = (*Editor)(nil)
	_ fyne.Tappable       = (*Editor)(nil)
	_ fyne.DoubleTappable = (*Editor)(nil)
	_ desktop.Mouseable   = (*Editor)(nil)
	_ fyne.Draggable      = (*Editor)(nil)
	_ fyne.Shortcutable   = (*Editor)(nil)
	_ desktop.Keyable     = (*Editor)(nil)
	_ desktop.Cursorable  = (*Editor)(nil)
)

type editState struct {
	text          string
	caret, anchor int
}

type editKind uint8

const (
	editNone editKind = iota
	editType
	editBackspace
	editDelete
)

// maxUndo bounds the undo history.
const maxUndo = 500

// editorLayout is the text laid out for one width, text and text size.
type editorLayout struct {
	text        string
	width, size float32
	height      float32 // only a single line is placed by it: centred
	pad, lineH  float32
	font        fyne.Resource // the theme's, which Settings can change
	lines       []editorLine
	valid       bool
}

// editorLine is one drawn line.
type editorLine struct {
	l          rtl.Line
	base       int     // offset of the line's paragraph in the editor's text
	x, y       float32 // left and top of the drawn text in the widget
	w          float32 // width of the drawn text, trailing spaces included
	runX       []float32
	lastInPara bool
}

func (l *editorLine) rtl() bool { return l.l.Level%2 == 1 }

// NewEditor returns an empty editor of one or more paragraphs, which
// wraps its lines to the width it is given. It copies to and pastes from
// a's clipboard, and asks a's driver for the canvas that gives it the
// keyboard when it is clicked and for where it is drawn.
func NewEditor(a fyne.App) *Editor {
	e := &Editor{app: a, clip: a.Clipboard()}
	e.ExtendBaseWidget(e)
	return e
}

// NewLineEditor returns an empty one-line editor, as a search field is.
func NewLineEditor(a fyne.App) *Editor {
	e := NewEditor(a)
	e.singleLine = true
	return e
}

// SetScroll tells the editor the container.Scroll it is in, where keys
// that move the caret scroll it into view.
func (e *Editor) SetScroll(s *container.Scroll) { e.scroll = s }

// SetOnEscape sets what Escape does; by default nothing.
func (e *Editor) SetOnEscape(f func()) { e.onEscape = f }

// SetOnSubmit sets what Enter does in a line editor; by default nothing.
func (e *Editor) SetOnSubmit(f func()) { e.onSubmit = f }

// SetPlaceHolder sets the hint shown while the editor is empty and
// unfocused, laid out as its text is (it may be Arabic).
func (e *Editor) SetPlaceHolder(text string) {
	e.placeHolder = text
	e.Refresh()
}

// SetText replaces the text, puts the caret at its start and forgets the
// undo history; OnChanged is not called.
func (e *Editor) SetText(text string) {
	e.text = e.clean(text)
	e.caret, e.anchor, e.preferEnd, e.hasGoal = 0, 0, false, false
	e.scrollX = 0
	e.undo, e.redo, e.lastKind = nil, nil, editNone
	e.Refresh()
}

// Text returns the text in logical (typing) order.
func (e *Editor) Text() string { return e.text }

// Selection returns the selected logical byte range, start before end;
// empty when nothing is selected.
func (e *Editor) Selection() (start, end int) {
	return min(e.caret, e.anchor), max(e.caret, e.anchor)
}

// Caret returns the caret's logical byte offset in the text.
func (e *Editor) Caret() int { return e.caret }

// SetCaret puts the caret before logical byte offset o, which must lie on
// a character boundary of the text, selecting nothing.
func (e *Editor) SetCaret(o int) {
	e.caret, e.anchor, e.preferEnd, e.hasGoal = o, o, false, false
	e.Refresh()
}

// CaretPos returns where the caret is drawn in the editor: the top of its
// line and its x.
func (e *Editor) CaretPos() fyne.Position { return e.caretPos(e.caret, e.preferEnd) }

// CaretPosAt returns where the caret would be drawn before offset o.
func (e *Editor) CaretPosAt(o int) fyne.Position { return e.caretPos(o, false) }

// LineHeight returns the height of one drawn line.
func (e *Editor) LineHeight() float32 { return e.layout().lineH }

func (e *Editor) measure(size float32) rtl.Measure {
	return func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
}

// layout lays the text out for the widget's current width, reusing the last
// layout when nothing changed.
func (e *Editor) layout() *editorLayout {
	th := e.Theme()
	size := th.Size(theme.SizeNameText)
	pad := th.Size(theme.SizeNameInnerPadding)
	width, height := e.Size().Width, float32(0)
	if e.singleLine {
		height = e.Size().Height
	}
	ly := &e.lay
	font := th.Font(fyne.TextStyle{})
	if ly.valid && ly.text == e.text && ly.width == width && ly.height == height && ly.size == size && ly.pad == pad && ly.font == font {
		return ly
	}
	*ly = editorLayout{text: e.text, width: width, height: height, size: size, pad: pad, font: font, valid: true, lines: ly.lines[:0]}
	ly.lineH = fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	inner := width - 2*pad
	if inner <= 0 || e.singleLine {
		inner = math.MaxFloat32
	}
	m := e.measure(size)
	base := 0
	var y float32
	for _, para := range strings.Split(e.text, "\n") {
		lines := rtl.Layout(para, rtl.Auto, inner, m)
		for i, l := range lines {
			el := editorLine{l: l, base: base, y: pad + y, lastInPara: i == len(lines)-1}
			if e.singleLine {
				el.y = max(0, (height-ly.lineH)/2)
			}
			for _, r := range l.Runs {
				el.runX = append(el.runX, el.w)
				el.w += m(para[r.Start:r.End])
			}
			el.x = pad
			if el.rtl() {
				// Trailing spaces sit on the left of a right-to-left line and
				// hang past the margin, so the text itself stays right-aligned.
				el.x = width - pad - el.w
			}
			ly.lines = append(ly.lines, el)
			y += ly.lineH
		}
		base += len(para) + 1
	}
	return ly
}

// lineOf returns the index of the line holding offset o; at a wrap point
// preferEnd picks the earlier line.
func (e *Editor) lineOf(o int, preferEnd bool) int {
	lines := e.layout().lines
	for i := range lines {
		l := &lines[i]
		s, end := l.base+l.l.Start, l.base+l.l.End
		if o >= s && o <= end && (o < end || preferEnd || l.lastInPara) {
			return i
		}
	}
	return len(lines) - 1
}

// caretPos returns the top-left of the caret for offset o in the widget.
func (e *Editor) caretPos(o int, preferEnd bool) fyne.Position {
	ly := e.layout()
	l := &ly.lines[e.lineOf(o, preferEnd)]
	return fyne.NewPos(e.left(l)+rtl.CaretX(l.l, o-l.base, e.measure(ly.size)), l.y)
}

// left returns the x of line l's drawn text, after any sideways slide of a
// single line.
func (e *Editor) left(l *editorLine) float32 { return l.x + e.scrollX }

// moveTo places the caret on line i at paragraph offset o, keeping the
// anchor when extending a selection.
func (e *Editor) moveTo(i, o int, extend bool) {
	l := &e.layout().lines[i]
	e.caret = l.base + o
	e.preferEnd = o == l.l.End && o > l.l.Start && !l.lastInPara
	if !extend {
		e.anchor = e.caret
	}
	e.lastKind = editNone
	e.Refresh()
}

// horizontal moves the caret one step visually; at the end of a line it
// goes on to the neighbouring line in reading order.
func (e *Editor) horizontal(right, extend bool) {
	e.hasGoal = false
	ly := e.layout()
	i := e.lineOf(e.caret, e.preferEnd)
	l := &ly.lines[i]
	o := e.caret - l.base
	var n int
	if right {
		n = rtl.VisualRight(l.l, o)
	} else {
		n = rtl.VisualLeft(l.l, o)
	}
	if n != o {
		e.moveTo(i, n, extend)
		return
	}
	// At the edge: Right reads on in a left-to-right line and back in a
	// right-to-left one.
	if forward := right != l.rtl(); forward {
		if i+1 < len(ly.lines) {
			e.moveTo(i+1, ly.lines[i+1].l.Start, extend)
		}
	} else if i > 0 {
		e.moveTo(i-1, ly.lines[i-1].l.End, extend)
	}
}

// textEdge moves the caret to the start of the whole text, or to its end.
func (e *Editor) textEdge(end, extend bool) {
	e.hasGoal, e.preferEnd = false, false
	e.caret = 0
	if end {
		e.caret = len(e.text)
	}
	if !extend {
		e.anchor = e.caret
	}
	e.lastKind = editNone
	e.Refresh()
}

// home moves to the edge the line starts from (the right one for Arabic);
// end to the other edge.
func (e *Editor) home(end, extend bool) {
	e.hasGoal = false
	i := e.lineOf(e.caret, e.preferEnd)
	l := &e.layout().lines[i]
	left := end == l.rtl()
	n := rtl.RightmostOffset(l.l)
	if left {
		n = rtl.LeftmostOffset(l.l)
	}
	e.moveTo(i, n, extend)
}

// vertical moves the caret to the line above or below, as near as possible
// to the x it had when vertical moves began.
func (e *Editor) vertical(down, extend bool) {
	ly := e.layout()
	i := e.lineOf(e.caret, e.preferEnd)
	if !e.hasGoal {
		e.goalX, e.hasGoal = e.caretPos(e.caret, e.preferEnd).X, true
	}
	j := i - 1
	if down {
		j = i + 1
	}
	if j < 0 || j >= len(ly.lines) {
		return
	}
	l := &ly.lines[j]
	goal := e.goalX
	e.moveTo(j, rtl.OffsetAt(l.l, goal-e.left(l), e.measure(ly.size)), extend)
	e.hasGoal, e.goalX = true, goal
}

// offsetAt returns the line and paragraph offset nearest to a point.
func (e *Editor) offsetAt(p fyne.Position) (int, int) {
	ly := e.layout()
	i := int(math.Floor(float64((p.Y - ly.pad) / ly.lineH)))
	i = max(0, min(i, len(ly.lines)-1))
	l := &ly.lines[i]
	return i, hitOffset(l, p.X-e.left(l), e.measure(ly.size))
}

// hitOffset returns the logical offset for a click at x from the line's
// left. Inside a run it is the nearest cluster boundary of that run: where
// two runs meet their edges share an x, and rtl.OffsetAt, which only sees
// caret positions, may then pick the neighbouring run's offset for a click
// that plainly lands in this one (before «1» in «… 12 …»). Outside every
// run (past a line end) rtl.OffsetAt decides.
func hitOffset(l *editorLine, x float32, m rtl.Measure) int {
	text := l.l.Text
	for k, run := range l.l.Runs {
		x0 := l.runX[k]
		if x < x0 || x >= x0+m(text[run.Start:run.End]) {
			continue
		}
		best, bestD := run.Start, float32(math.MaxFloat32)
		for o := run.Start; ; o = rtl.ClusterEnd(text[:run.End], o) {
			bx := x0 + m(text[run.Start:o])
			if run.RTL {
				bx = x0 + m(text[o:run.End])
			}
			if d := float32(math.Abs(float64(bx - x))); d < bestD {
				best, bestD = o, d
			}
			if o >= run.End {
				break
			}
		}
		return best
	}
	return rtl.OffsetAt(l.l, x, m)
}

// edit replaces text[a:b] by s as one user action of the given kind;
// consecutive typing is kept as one undo step per word, consecutive
// deleting as one step, and typing that began over a selection as one
// step until the caret moves or another kind of edit comes.
func (e *Editor) edit(a, b int, s string, kind editKind, r rune) {
	coalesce := kind != editNone && kind == e.lastKind && e.caret == e.lastCaret && e.caret == e.anchor
	if coalesce && kind == editType && !e.replacing && !unicode.IsSpace(r) && unicode.IsSpace(e.lastRune) {
		coalesce = false // a new word begins a new step
	}
	if !coalesce {
		e.pushUndo()
		e.replacing = kind == editType && a != b
	}
	e.redo = nil
	e.text = e.text[:a] + s + e.text[b:]
	e.caret = a + len(s)
	e.anchor, e.preferEnd, e.hasGoal = e.caret, false, false
	e.lastKind, e.lastRune, e.lastCaret = kind, r, e.caret
	e.changed()
}

func (e *Editor) pushUndo() {
	e.undo = append(e.undo, editState{e.text, e.caret, e.anchor})
	if len(e.undo) > maxUndo {
		e.undo = e.undo[len(e.undo)-maxUndo:]
	}
}

func (e *Editor) changed() {
	e.Refresh()
	if e.OnChanged != nil {
		e.OnChanged(e.text)
	}
}

// restore makes st current, keeping the current state on the other stack.
func (e *Editor) restore(from, to *[]editState) {
	if len(*from) == 0 {
		return
	}
	*to = append(*to, editState{e.text, e.caret, e.anchor})
	st := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	e.text, e.caret, e.anchor = st.text, st.caret, st.anchor
	e.preferEnd, e.hasGoal, e.lastKind = false, false, editNone
	e.changed()
}

func (e *Editor) insert(s string, kind editKind, r rune) {
	a, b := e.Selection()
	e.edit(a, b, s, kind, r)
}

// clean makes text fit the editor: "\r\n" becomes "\n", and a single line
// takes line breaks and tabs as spaces, so a pasted paragraph stays one
// query.
func (e *Editor) clean(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if e.singleLine {
		text = strings.Map(func(r rune) rune {
			switch r {
			case '\n', '\r', '\t', '\v', '\f', '\u2028', '\u2029':
				return ' '
			}
			return r
		}, text)
	}
	return text
}

// afterInput keeps the caret in view once a key, rune or shortcut moved it
// or changed the text.
func (e *Editor) afterInput(caret, length int) {
	if e.caret != caret || len(e.text) != length {
		e.revealCaret()
	}
}

// TypedRune inserts r at the caret, replacing the selection.
func (e *Editor) TypedRune(r rune) {
	defer e.afterInput(e.caret, len(e.text))
	if e.singleLine && (r == '\n' || r == '\r') {
		r = ' '
	}
	e.insert(string(r), editType, r)
}

// TypedKey handles editing and caret keys, and Escape for the owner.
func (e *Editor) TypedKey(k *fyne.KeyEvent) {
	defer e.afterInput(e.caret, len(e.text))
	switch k.Name {
	case fyne.KeyEscape:
		if e.onEscape != nil {
			e.onEscape()
		}
	case fyne.KeyBackspace, fyne.KeyDelete:
		if a, b := e.Selection(); a != b {
			e.edit(a, b, "", editNone, 0)
			return
		}
		if k.Name == fyne.KeyBackspace && e.caret > 0 {
			e.edit(rtl.ClusterStart(e.text, e.caret), e.caret, "", editBackspace, 0)
		} else if k.Name == fyne.KeyDelete && e.caret < len(e.text) {
			e.edit(e.caret, rtl.ClusterEnd(e.text, e.caret), "", editDelete, 0)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.singleLine {
			e.insert("\n", editNone, '\n')
		} else if e.onSubmit != nil {
			e.onSubmit()
		}
	case fyne.KeyLeft, fyne.KeyRight:
		e.horizontal(k.Name == fyne.KeyRight, e.shift)
	case fyne.KeyUp, fyne.KeyDown:
		e.vertical(k.Name == fyne.KeyDown, e.shift)
	case fyne.KeyPageUp, fyne.KeyPageDown:
		for range e.pageLines() {
			e.vertical(k.Name == fyne.KeyPageDown, e.shift)
		}
	case fyne.KeyHome, fyne.KeyEnd:
		e.home(k.Name == fyne.KeyEnd, e.shift)
	}
}

// pageLines is how many lines PageUp and PageDown move: the height of the
// scroll the editor is in, less one line kept for context, or ten lines
// when it is in none.
func (e *Editor) pageLines() int {
	ly := e.layout()
	if e.scroll == nil || ly.lineH <= 0 {
		return 10
	}
	return max(1, int(e.scroll.Size().Height/ly.lineH)-1)
}

// KeyDown notes Shift, which turns caret keys into selecting ones (the
// desktop driver sends Shift+arrow as a plain key, not as a shortcut).
func (e *Editor) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
}

// KeyUp implements desktop.Keyable.
func (e *Editor) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
}

// TypedShortcut handles the clipboard, select-all, undo and redo, and the
// word keys.
func (e *Editor) TypedShortcut(s fyne.Shortcut) {
	defer e.afterInput(e.caret, len(e.text))
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		e.copySelection(s.Clipboard, false)
	case *fyne.ShortcutCut:
		e.copySelection(s.Clipboard, true)
	case *fyne.ShortcutPaste:
		if c := e.clipboard(s.Clipboard); c != nil {
			if t := e.clean(c.Content()); t != "" {
				e.insert(t, editNone, 0)
			}
		}
	case *fyne.ShortcutSelectAll:
		e.anchor, e.caret, e.preferEnd, e.hasGoal = 0, len(e.text), false, false
		e.Refresh()
	case *fyne.ShortcutUndo:
		e.restore(&e.undo, &e.redo)
	case *fyne.ShortcutRedo:
		e.restore(&e.redo, &e.undo)
	case *desktop.CustomShortcut:
		e.customShortcut(s)
	}
}

func (e *Editor) customShortcut(s *desktop.CustomShortcut) {
	shift := s.Modifier&fyne.KeyModifierShift != 0
	ctrl := s.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
	// Word keys: Ctrl, or Option (Alt) as on macOS, with or without Shift.
	word := s.Modifier&^fyne.KeyModifierShift == fyne.KeyModifierControl || s.Modifier&^fyne.KeyModifierShift == fyne.KeyModifierAlt
	switch {
	case ctrl && shift && s.KeyName == fyne.KeyZ:
		e.restore(&e.redo, &e.undo)
	case ctrl && (s.KeyName == fyne.KeyHome || s.KeyName == fyne.KeyEnd):
		e.textEdge(s.KeyName == fyne.KeyEnd, shift)
	case word && (s.KeyName == fyne.KeyLeft || s.KeyName == fyne.KeyRight):
		e.wordMove(s.KeyName == fyne.KeyRight, shift)
	case word && !shift && (s.KeyName == fyne.KeyBackspace || s.KeyName == fyne.KeyDelete):
		e.deleteWord(s.KeyName == fyne.KeyDelete)
	case shift && !ctrl:
		e.shift = true
		e.TypedKey(&fyne.KeyEvent{Name: s.KeyName})
		e.shift = false
	default:
		// Not the editor's: the driver gives a shortcut to the focused
		// widget only, so the window's own (the text size, say) are
		// passed on to it.
		if c, ok := e.app.Driver().CanvasForObject(e).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
		}
	}
}

func (e *Editor) clipboard(c fyne.Clipboard) fyne.Clipboard {
	if e.clip != nil {
		return e.clip
	}
	return c
}

func (e *Editor) copySelection(c fyne.Clipboard, cut bool) {
	a, b := e.Selection()
	c = e.clipboard(c)
	if a == b || c == nil {
		return
	}
	c.SetContent(e.text[a:b])
	if cut {
		e.edit(a, b, "", editNone, 0)
	}
}

// MouseDown places the caret as soon as the button goes down: Fyne holds
// Tapped back until the double-click delay has passed, and a caret that
// came that late could land after letters typed meanwhile.
func (e *Editor) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	e.pressed = true
	e.requestFocus()
	i, o := e.offsetAt(ev.Position)
	e.hasGoal = false
	e.moveTo(i, o, e.shift || ev.Modifier&fyne.KeyModifierShift != 0)
}

// MouseUp implements desktop.Mouseable.
func (e *Editor) MouseUp(*desktop.MouseEvent) {}

// Tapped places the caret at the tapped point, unless MouseDown did; with
// Shift it extends the selection there.
func (e *Editor) Tapped(ev *fyne.PointEvent) {
	e.requestFocus()
	if e.pressed {
		e.pressed = false
		return
	}
	i, o := e.offsetAt(ev.Position)
	e.hasGoal = false
	e.moveTo(i, o, e.shift)
}

// requestFocus takes the keyboard on a click, as a text field does: Fyne
// leaves focusing to the widget.
func (e *Editor) requestFocus() {
	if c := e.app.Driver().CanvasForObject(e); c != nil && c.Focused() != e {
		c.Focus(e)
	}
}

// DoubleTapped selects the word under the pointer (or the spaces, or the
// punctuation mark).
func (e *Editor) DoubleTapped(ev *fyne.PointEvent) {
	e.pressed = false
	e.selectWordAt(ev.Position)
}

// Dragged selects from where the drag began to where the pointer is.
func (e *Editor) Dragged(ev *fyne.DragEvent) {
	e.hasGoal = false
	if !e.drag {
		e.drag = true
		i, o := e.offsetAt(ev.Position.Subtract(ev.Dragged))
		e.moveTo(i, o, e.shift)
	}
	i, o := e.offsetAt(ev.Position)
	e.moveTo(i, o, true)
}

// DragEnd implements fyne.Draggable.
func (e *Editor) DragEnd() { e.drag, e.pressed = false, false }

// FocusGained implements fyne.Focusable.
func (e *Editor) FocusGained() {
	e.focused = true
	e.Refresh()
}

// FocusLost implements fyne.Focusable.
func (e *Editor) FocusLost() {
	e.focused, e.shift = false, false
	e.Refresh()
}

// Resize re-wraps the text at the new width.
func (e *Editor) Resize(size fyne.Size) {
	old := e.Size()
	e.BaseWidget.Resize(size)
	if old != size {
		e.Refresh()
	}
}

// Cursor shows the text cursor over the editor.
func (e *Editor) Cursor() desktop.Cursor { return desktop.TextCursor }

// CreateRenderer implements fyne.Widget.
func (e *Editor) CreateRenderer() fyne.WidgetRenderer {
	r := &editorRenderer{e: e, bg: canvas.NewRectangle(nil), caret: canvas.NewRectangle(nil), hint: canvas.NewText("", nil)}
	if e.singleLine {
		r.clip = &clipBox{}
		r.clip.ExtendBaseWidget(r.clip)
	}
	r.Refresh()
	return r
}

// clipBox holds what a single line draws inside the field's border: Fyne
// clips a widget whose renderer has an IsClip method to the widget's
// bounds, so a line slid sideways does not spill over the field's edges.
// (Clipping the editor itself would cut its border: the software painter
// loses the right and bottom sides of a clipped rounded rectangle.)
type clipBox struct {
	widget.BaseWidget
	objs []fyne.CanvasObject
}

func (c *clipBox) CreateRenderer() fyne.WidgetRenderer { return clipBoxRenderer{c} }

type clipBoxRenderer struct{ c *clipBox }

// IsClip marks the renderer for Fyne's painters.
func (clipBoxRenderer) IsClip()                        {}
func (clipBoxRenderer) Layout(fyne.Size)               {}
func (clipBoxRenderer) MinSize() fyne.Size             { return fyne.Size{} }
func (clipBoxRenderer) Destroy()                       {}
func (r clipBoxRenderer) Objects() []fyne.CanvasObject { return r.c.objs }
func (r clipBoxRenderer) Refresh() {
	for _, o := range r.c.objs {
		o.Refresh()
	}
}

type editorRenderer struct {
	e     *Editor
	bg    *canvas.Rectangle
	sels  []*canvas.Rectangle
	texts []*canvas.Text
	hint  *canvas.Text // the placeholder
	caret *canvas.Rectangle
	objs  []fyne.CanvasObject
	clip  *clipBox // of a single line: holds all but the background
}

// slide keeps the caret of a single line inside the field, moving the line
// no further than needed and never leaving blank room at its start.
func (e *Editor) slide() {
	ly := e.layout()
	if !e.singleLine || len(ly.lines) != 1 {
		e.scrollX = 0
		return
	}
	l := &ly.lines[0]
	x := e.caretPos(e.caret, e.preferEnd).X
	if lo := ly.pad; x < lo {
		e.scrollX += lo - x
	} else if hi := ly.width - ly.pad; x > hi {
		e.scrollX -= x - hi
	}
	over := max(0, l.w-(ly.width-2*ly.pad))
	if l.rtl() {
		// Right-aligned: the line slides right to show its (left) end.
		e.scrollX = min(max(e.scrollX, 0), over)
	} else {
		e.scrollX = min(max(e.scrollX, -over), 0)
	}
}

func (r *editorRenderer) Layout(size fyne.Size) {
	e := r.e
	ly := e.layout()
	e.slide()
	th := e.Theme()
	fg := theme.ColorForWidget(theme.ColorNameForeground, e)
	r.bg.FillColor = theme.ColorForWidget(theme.ColorNameInputBackground, e)
	r.bg.StrokeColor = theme.ColorForWidget(theme.ColorNameInputBorder, e)
	if e.focused {
		r.bg.StrokeColor = theme.ColorForWidget(theme.ColorNamePrimary, e)
	}
	r.bg.StrokeWidth = th.Size(theme.SizeNameInputBorder)
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.bg.Resize(size)

	m := e.measure(ly.size)
	a, b := e.Selection()
	nsel := 0
	for len(r.texts) < len(ly.lines) {
		r.texts = append(r.texts, canvas.NewText("", fg))
	}
	r.texts = r.texts[:len(ly.lines)]
	for i := range ly.lines {
		l := &ly.lines[i]
		t := r.texts[i]
		x := e.left(l)
		t.Text, t.Color, t.TextSize = "", fg, ly.size
		if l.l.Start < l.l.End {
			t.Text = rtl.Display(l.l)
		}
		t.Move(fyne.NewPos(x, l.y))
		t.Resize(fyne.NewSize(l.w, ly.lineH))
		for _, span := range selectedSpans(l, a, b, m) {
			if nsel == len(r.sels) {
				r.sels = append(r.sels, canvas.NewRectangle(nil))
			}
			s := r.sels[nsel]
			nsel++
			s.FillColor = theme.ColorForWidget(theme.ColorNameSelection, e)
			s.Move(fyne.NewPos(x+span[0], l.y))
			s.Resize(fyne.NewSize(span[1]-span[0], ly.lineH))
		}
	}
	r.sels = r.sels[:nsel]
	r.layoutHint(ly)

	r.caret.FillColor = theme.ColorForWidget(theme.ColorNamePrimary, e)
	r.caret.Hidden = !e.focused
	cw := th.Size(theme.SizeNameInputBorder)
	p := e.caretPos(e.caret, e.preferEnd)
	r.caret.Move(fyne.NewPos(p.X-cw/2, p.Y))
	r.caret.Resize(fyne.NewSize(cw, ly.lineH))

	r.objs = r.objs[:0]
	r.objs = append(r.objs, r.bg)
	for _, s := range r.sels {
		r.objs = append(r.objs, s)
	}
	for _, t := range r.texts {
		r.objs = append(r.objs, t)
	}
	r.objs = append(r.objs, r.hint, r.caret)
	if c := r.clip; c != nil {
		// Inside the border, so the box's children move by its width.
		b := r.bg.StrokeWidth
		c.objs = append(c.objs[:0], r.objs[1:]...)
		for _, o := range c.objs {
			o.Move(o.Position().SubtractXY(b, b))
		}
		c.Move(fyne.NewPos(b, b))
		c.Resize(size.SubtractWidthHeight(2*b, 2*b))
		r.objs = append(r.objs[:1], c)
	}
}

// layoutHint lays the placeholder out like text (it is in the interface
// language, Arabic included) and shows it while the field is empty and
// unfocused.
func (r *editorRenderer) layoutHint(ly *editorLayout) {
	e, h := r.e, r.hint
	h.Hidden = e.text != "" || e.focused || e.placeHolder == ""
	if h.Hidden || len(ly.lines) == 0 {
		h.Text = ""
		return
	}
	m := e.measure(ly.size)
	lines := rtl.Layout(e.placeHolder, rtl.Auto, math.MaxFloat32, m)
	if len(lines) == 0 {
		return
	}
	w := m(e.placeHolder)
	x := ly.pad
	if lines[0].Level%2 == 1 {
		x = ly.width - ly.pad - w
	}
	h.Text, h.TextSize = rtl.Display(lines[0]), ly.size
	h.Color = theme.ColorForWidget(theme.ColorNamePlaceHolder, e)
	h.Move(fyne.NewPos(x, ly.lines[0].y))
	h.Resize(fyne.NewSize(w, ly.lineH))
}

// selectedSpans returns the x ranges, from the line's left, that show the
// logical selection [a, b) on line l: one per run it touches, since in a
// mixed line a logical range may be drawn in several pieces.
func selectedSpans(l *editorLine, a, b int, m rtl.Measure) [][2]float32 {
	a, b = a-l.base, b-l.base
	if a >= b || b <= l.l.Start || a >= l.l.End {
		return nil
	}
	text := l.l.Text
	var out [][2]float32
	for k, run := range l.l.Runs {
		s, e := max(a, run.Start), min(b, run.End)
		if s >= e {
			continue
		}
		x := l.runX[k]
		if run.RTL {
			out = append(out, [2]float32{x + m(text[e:run.End]), x + m(text[s:run.End])})
		} else {
			out = append(out, [2]float32{x + m(text[run.Start:s]), x + m(text[run.Start:e])})
		}
	}
	return out
}

func (r *editorRenderer) MinSize() fyne.Size {
	ly := r.e.layout()
	if r.e.singleLine {
		// As Fyne's Entry: room for an «M» and the padding around it.
		m := fyne.MeasureText("M", ly.size, fyne.TextStyle{})
		return fyne.NewSize(m.Width+3*ly.pad, m.Height+2*ly.pad)
	}
	return fyne.NewSize(2*ly.pad+ly.lineH, 2*ly.pad+float32(len(ly.lines))*ly.lineH)
}

func (r *editorRenderer) Refresh() {
	r.Layout(r.e.Size())
	for _, o := range r.objs {
		o.Refresh()
	}
}

func (r *editorRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *editorRenderer) Destroy() {}
