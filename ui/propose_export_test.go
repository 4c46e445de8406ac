package ui

import (
	"fyne.io/fyne/v2/container"

	"statute/ui/textwidget"
)

// Hooks for the propose screen's external tests, which hold its timers
// (Options.Timings) and drive them through Autosave and FlushPreview.

// ProposeEditors returns the open propose screen's wording, number and
// justification editors.
func (wb *Workbench) ProposeEditors() (text, number, justification *textwidget.Editor) {
	p := wb.propose
	return p.text, p.number, p.justification
}

// Autosave runs the autosave tick now.
func (wb *Workbench) Autosave() { wb.propose.autosave() }

// FlushPreview runs the debounced preview now.
func (wb *Workbench) FlushPreview() { wb.propose.updatePreview() }

// CloseWindow is what the window manager's close button does, and
// reports whether the window would then close (the test window, closed
// at the end of the test, cannot be closed twice).
func (wb *Workbench) CloseWindow() bool {
	closed := false
	wb.propose.closeWindow = func() { closed = true }
	wb.propose.windowClosing()
	if err := wb.Wait(); err != nil {
		return false
	}
	return closed
}

// Proposing reports whether the propose screen is open.
func (wb *Workbench) Proposing() bool { return wb.propose != nil }

// PreviewInserts returns the texts the preview marks as inserted.
func (wb *Workbench) PreviewInserts() []string { return wb.propose.preview.Inserted() }

// PreviewDeletes returns the texts the preview marks as deleted.
func (wb *Workbench) PreviewDeletes() []string { return wb.propose.preview.Deleted() }

// PreviewText returns the whole text the preview shows.
func (wb *Workbench) PreviewText() string { return wb.propose.preview.Text() }

// ProposeAuthor returns the open propose screen's author field.
func (wb *Workbench) ProposeAuthor() *textwidget.Editor { return wb.propose.author }

// ProposeSnapshot takes the screen's amendment as it stands and returns
// what stores it, for tests of saves that end out of order.
func (wb *Workbench) ProposeSnapshot() (write func() error) {
	p := wb.propose
	sv, err := p.snapshot(false)
	return func() error {
		if err != nil {
			return err
		}
		_, err := p.write(sv)
		return err
	}
}

// AmendmentsScroll is the scroll of the article's amendments.
func (wb *Workbench) AmendmentsScroll() *container.Scroll { return wb.scroll }

// TextScroll is the scroll of the article's text, above its amendments.
func (wb *Workbench) TextScroll() *container.Scroll { return wb.textScroll }
