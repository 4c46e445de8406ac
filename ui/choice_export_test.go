package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
)

// ChoiceList returns the Fyne Select that o is, when o is one of the
// app's drop-down lists (a Select mirrored in Arabic), for the external
// tests to choose in it as a user would; nil otherwise.
func ChoiceList(o fyne.CanvasObject) *widget.Select {
	if c, ok := o.(*choiceList); ok {
		return &c.Select
	}
	return nil
}

// PassphraseEntry returns the Fyne Entry that o is, when o is one of the
// app's passphrase fields, for the external tests to type in it; nil
// otherwise.
func PassphraseEntry(o fyne.CanvasObject) *widget.Entry {
	if e, ok := o.(*passphraseField); ok {
		return &e.Entry
	}
	return nil
}

// ProposeKind is the kind of amendment the open propose screen has chosen.
func (wb *Workbench) ProposeKind() drafts.AmendmentKind { return wb.propose.selectedKind() }

// ProposeKindChoice is the open propose screen's choice of kind.
func (wb *Workbench) ProposeKindChoice() fyne.Focusable { return wb.propose.kind }
