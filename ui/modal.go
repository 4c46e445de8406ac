package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/ui/textwidget"
)

// modal is the app's dialog: a title, a body and a row of buttons over a
// window, which must be answered before the window can be used again.
//
// It stands in for Fyne's dialogs, which lay themselves out left to right
// whatever the language: their title is a Label at the top left, drawn
// with no bidi reordering, and their buttons are in the left-to-right
// order. Here the title is laid out by textwidget, so it reads right and
// stands on the right in Arabic, and the button row is mirrored in a
// right-to-left interface (see newModal).
//
// Fyne's dialogs answer neither Escape nor Enter (in v2.7.1). This one
// does, while no field of it has the keyboard focus, as when it opens:
// Escape does what its dismiss button does, if it has one, and Enter
// presses its default button, if it has one (see modalKeys).
type modal struct {
	win    fyne.Window
	pop    *widget.PopUp
	title  *textwidget.Text
	closed []func()
	shown  bool

	// dismiss is what Escape does; nil: the dialog must be answered.
	dismiss func()
	// enter is the button Enter presses; nil: Enter does nothing.
	enter *widget.Button
}

// newModal is a dialog over w titled title, showing body above buttons,
// which are given in the order Fyne's own dialogs use in a left-to-right
// layout: the dismiss button first (on the left), the confirming one
// last. In a right-to-left interface the row is mirrored, so that the
// confirming button is on the left and the dismiss one on the right. The
// rule is Fyne's left-to-right layout mirrored rather than any other
// order because that is what a right-to-left desktop does to a dialog
// (GTK's, as GNOME shows it in Arabic, and Windows' mirror the whole
// window): read from the side the language starts from, the buttons come
// in the same order in Arabic as in French, dismiss first and confirm
// last, at the end of the reading direction.
//
// Each button hides the dialog before it does what it does.
func newModal(w fyne.Window, title string, body fyne.CanvasObject, buttons ...*widget.Button) *modal {
	m := &modal{win: w, title: textwidget.NewLine(title, fyne.TextStyle{Bold: true})}
	row := make([]fyne.CanvasObject, len(buttons))
	for i, b := range buttons {
		tapped := b.OnTapped
		b.OnTapped = func() {
			m.Hide()
			if tapped != nil {
				tapped()
			}
		}
		row[i] = b
	}
	if rightToLeft() {
		slices.Reverse(row)
	}
	bottom := fyne.CanvasObject(layout.NewSpacer())
	if len(row) > 0 {
		bottom = container.NewCenter(container.NewGridWithRows(1, row...))
	}
	pad := theme.Padding()
	content := container.New(layout.NewCustomPaddedLayout(pad, pad*2, pad*3, pad*3),
		container.NewBorder(container.NewVBox(m.title, layout.NewSpacer()), bottom, nil, nil, body))
	m.pop = widget.NewModalPopUp(content, w.Canvas())
	return m
}

// infoModal is a dialog that only says something: its one button, OK,
// closes it, as do Escape and Enter.
func infoModal(w fyne.Window, title string, body fyne.CanvasObject) *modal {
	ok := widget.NewButton(tr("OK"), nil)
	m := newModal(w, title, body, ok)
	m.dismiss, m.enter = m.Hide, ok
	return m
}

// confirmModal asks before an action: done is called with true once the
// confirm button is pressed, with false when the dialog is dismissed (the
// dismiss button, or Escape). Enter confirms when enterConfirms: not for
// an action that cannot be undone, which a stray Enter must not set off.
// Buttons in first go before the dismiss button, at the row's start (on
// the right in Arabic), as a dialog's Help does; tapped, they hide the
// dialog first, and done is not called.
func confirmModal(w fyne.Window, title, confirm, dismiss string, body fyne.CanvasObject, enterConfirms bool, done func(ok bool), first ...*widget.Button) *modal {
	no := widget.NewButtonWithIcon(dismiss, theme.CancelIcon(), func() { done(false) })
	yes := widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), func() { done(true) })
	yes.Importance = widget.HighImportance
	for _, b := range []*widget.Button{no, yes} {
		mirrorIcon(b)
	}
	m := newModal(w, title, body, append(first, no, yes)...)
	m.dismiss = func() {
		m.Hide()
		done(false)
	}
	if enterConfirms {
		m.enter = yes
	}
	return m
}

// mirrorIcon puts a button's icon on the side its text starts from: on
// the right in a right-to-left interface, where Fyne would put it after
// the text.
func mirrorIcon(b *widget.Button) *widget.Button {
	if rightToLeft() && b.Icon != nil {
		b.IconPlacement = widget.ButtonIconTrailingText
	}
	return b
}

// Resize sets the dialog's size; it is never smaller than its content.
func (m *modal) Resize(size fyne.Size) { m.pop.Resize(size) }

// SetOnClosed adds f to what is done once the dialog is hidden, however
// it was answered.
func (m *modal) SetOnClosed(f func()) { m.closed = append(m.closed, f) }

// Show shows the dialog over its window, and takes the keys typed there
// until it is hidden.
func (m *modal) Show() {
	if m.shown {
		return
	}
	m.shown = true
	modalKeys.push(m)
	m.pop.Show()
}

// Hide hides the dialog, gives the window its keys back, and runs what
// SetOnClosed asked for.
func (m *modal) Hide() {
	if !m.shown {
		return
	}
	m.shown = false
	m.pop.Hide()
	modalKeys.remove(m)
	for _, f := range m.closed {
		f()
	}
}

// typedKey answers Escape and Enter.
func (m *modal) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if m.dismiss != nil {
			m.dismiss()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if m.enter != nil && !m.enter.Disabled() && m.enter.OnTapped != nil {
			m.enter.OnTapped()
		}
	}
}

// modalKeys routes the keys typed on a canvas while dialogs of ours are
// open on it: Fyne hands a key that no widget has the focus for to the
// canvas's one typed-key handler, which the window uses for its own keys
// (PageDown, Escape closing the propose screen). While a dialog is open,
// those go to the dialog on top instead, and none to the window behind
// it; the window's handler is put back when the last one is hidden. A
// handler the window sets while a dialog is open is overwritten then.
// Used on the UI goroutine only.
var modalKeys = modalStacks{}

type modalStacks map[fyne.Canvas]*modalStack

type modalStack struct {
	canvas fyne.Canvas
	window func(*fyne.KeyEvent) // the window's own handler
	open   []*modal             // the last is on top
}

func (s modalStacks) push(m *modal) {
	c := m.win.Canvas()
	st := s[c]
	if st == nil {
		st = &modalStack{canvas: c, window: c.OnTypedKey()}
		s[c] = st
		c.SetOnTypedKey(st.typedKey)
	}
	st.open = append(st.open, m)
}

func (s modalStacks) remove(m *modal) {
	c := m.win.Canvas()
	st := s[c]
	if st == nil {
		return
	}
	st.open = slices.DeleteFunc(st.open, func(o *modal) bool { return o == m })
	if len(st.open) == 0 {
		c.SetOnTypedKey(st.window)
		delete(s, c)
	}
}

// typedKey gives the key to the dialog on top, when it is the canvas's
// top overlay (not a menu opened over it).
func (st *modalStack) typedKey(ev *fyne.KeyEvent) {
	top := st.open[len(st.open)-1]
	if st.canvas.Overlays().Top() == top.pop {
		top.typedKey(ev)
	}
}
