package ui

import "statute/ui/textwidget"

// ResolveEditors are the open resolution dialog's editors: the article's
// wording and the note.
func (wb *Workbench) ResolveEditors() (wording, note *textwidget.Editor) {
	r := wb.consolidating.resolving
	return r.wording, r.note
}

// Consolidating reports whether the consolidation view is open.
func (wb *Workbench) Consolidating() bool { return wb.consolidating != nil }

// ShownVersion is the version of the draft the window shows.
func (wb *Workbench) ShownVersion() int { return wb.draft.Version }

// CloseConsolidation closes the consolidation view.
func (wb *Workbench) CloseConsolidation() { wb.consolidating.close() }

// SetPreviewPage sets how many articles the preview lists at a time, and
// puts it back at the test's end.
func SetPreviewPage(t interface{ Cleanup(func()) }, n int) {
	old := previewPage
	previewPage = n
	t.Cleanup(func() { previewPage = old })
}
