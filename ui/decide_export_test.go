package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/ui/textwidget"
)

// Hooks for the decide dialog's external tests, which hold its timer
// (Options.Timings) and run the debounced diff through FlushDecide.

// DecideEditors returns the open decide dialog's wording editor (nil but
// for an acceptance with changes) and note editor.
func (wb *Workbench) DecideEditors() (wording, note *textwidget.Editor) {
	return wb.deciding.wording, wb.deciding.note
}

// DecideChanges returns the open decide dialog's two changes, the
// chamber's and the staff's.
func (wb *Workbench) DecideChanges() (chamber, staff *textwidget.Tracked) {
	return wb.deciding.chamber, wb.deciding.staff
}

// FlushDecide runs the debounced diff of the staff's change now.
func (wb *Workbench) FlushDecide() { wb.deciding.updateStaff() }

// DecisionLine is the line a card shows under amendment a's reference
// for its current decision d, in the interface language.
func DecisionLine(a *drafts.Amendment, d *drafts.Decision) string { return decisionLine(a, d) }

// UILine is an interface line as a Fyne widget is given it to draw: a
// button's text, in Arabic in display order.
func UILine(s string) string { return uiLine(s) }

// OpenSupersede opens the supersede dialog of the federation's synthesis
// id, an amendment of the article shown, as its card's «Supersede…»
// button does, and returns how many amendments it offers to replace.
func (wb *Workbench) OpenSupersede(id string) int {
	for _, a := range wb.board.all {
		if a.ID == id {
			wb.supersede(wb.board.art, a)
			return len(wb.replaceable(a))
		}
	}
	return 0
}

// CloseDialogs answers each open dialog with its Cancel button, or hides
// it when it has none.
func (wb *Workbench) CloseDialogs() {
	c := wb.win.Canvas()
	for top := c.Overlays().Top(); top != nil; top = c.Overlays().Top() {
		cancelled := false
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := o.(*widget.Button); ok && b.Text == tr("Cancel") && b.OnTapped != nil {
				b.OnTapped()
				cancelled = true
				break
			}
		}
		if !cancelled {
			top.Hide()
		}
	}
}

// NewFlowRow is a left-to-right flowRow of objs.
func NewFlowRow(objs ...fyne.CanvasObject) fyne.Widget { return newFlowRow(false, objs...) }
