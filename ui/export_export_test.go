package ui

import "fyne.io/fyne/v2"

// ChooseExport chooses option i (0 the consolidated text, 1 the
// comparative table) of the open export dialog, as a tap on it does.
func ChooseExport(wb *Workbench, i int) { wb.exporting.what.choose(i) }

// ExportOffersTracked reports whether the open export dialog offers the
// tracked changes.
func ExportOffersTracked(wb *Workbench) bool { return wb.exporting.tracked.Visible() }

// WarningText is how the import confirmation says a warning.
var WarningText = warningText

// ExportTracked is the open export dialog's row of the tracked changes,
// to tap as a user does.
func ExportTracked(wb *Workbench) fyne.Tappable { return wb.exporting.tracked }

// OnWatchEvent has f called once each package of the watched folder is
// shown.
func (wb *Workbench) OnWatchEvent(f func()) { wb.watching.seen.Store(&f) }
