package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/ui"
)

// A flow row keeps its buttons' sizes between refreshes, and asks them
// again when it is refreshed: a button whose text grew is then laid out
// as wide as its text.
func TestAFlowRowAsksItsButtonsTheirSizesWhenRefreshed(t *testing.T) {
	first, second := widget.NewButton("OK", nil), widget.NewButton("Cancel", nil)
	row := ui.NewFlowRow(first, second)
	w := test.NewTempWindow(t, row)
	w.Resize(fyne.NewSize(600, 200))
	first.SetText("A much longer text than before")
	row.Refresh()
	if got, need := first.Size().Width, first.MinSize().Width; got < need-0.5 {
		t.Errorf("after the row's refresh its first button is %.0f wide, its text needs %.0f", got, need)
	}
	if first.Position().X+first.Size().Width > second.Position().X {
		t.Errorf("the first button (at %v, %v) runs into the second (at %v)", first.Position(), first.Size(), second.Position())
	}
}
