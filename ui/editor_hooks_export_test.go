package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// More hooks for the editor's external tests.

// NewLineEditor is a single-line editor, as the search field uses.
func NewLineEditor(clip fyne.Clipboard) *Editor {
	e := newEditor(clip)
	e.singleLine = true
	return e
}

// SetScroll tells the editor the scroll it is in, as an owner does.
func (e *editor) SetScroll(s *container.Scroll) { e.scroll = s }

// SetOnEscape sets what Escape does.
func (e *editor) SetOnEscape(f func()) { e.onEscape = f }

// SetOnSubmit sets what Enter does in a single line.
func (e *editor) SetOnSubmit(f func()) { e.onSubmit = f }

// SetHint sets the placeholder.
func (e *editor) SetHint(s string) { e.placeHolder = s; e.Refresh() }
