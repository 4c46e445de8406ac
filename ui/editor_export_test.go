package ui

import "fyne.io/fyne/v2"

// Hooks for the editor's external tests.

// Editor is the editing widget, exported for tests.
type Editor = editor

// NewEditor is newEditor.
func NewEditor(clip fyne.Clipboard) *Editor { return newEditor(clip) }

// Caret returns the caret's logical byte offset.
func (e *editor) Caret() int { return e.caret }

// Selection returns the selected logical byte range.
func (e *editor) Selection() (int, int) { return e.selection() }

// SetCaret puts the caret before logical offset o, with no selection.
func (e *editor) SetCaret(o int) {
	e.caret, e.anchor, e.preferEnd, e.hasGoal = o, o, false, false
	e.Refresh()
}

// CaretPos returns where the caret is drawn, top-left, in the widget.
func (e *editor) CaretPos() fyne.Position { return e.caretPos(e.caret, e.preferEnd) }

// CaretPosAt returns where the caret would be drawn before offset o.
func (e *editor) CaretPosAt(o int) fyne.Position { return e.caretPos(o, false) }

// LineHeight is the height of one drawn line.
func (e *editor) LineHeight() float32 { return e.layout().lineH }
