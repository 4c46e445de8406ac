// Package ui is the Statute Workbench desktop interface, in Fyne: the main
// window that shows a draft statute article by article with its outline and
// its amendments, the first-run and settings dialogs, the app theme and the
// interface languages (Arabic, French, English).
//
// Fyne lays the runs of a line out in typing order, which scrambles Arabic
// next to digits or French words, and its Entry moves the caret the wrong
// way in Arabic. So every piece of statute text, and every Arabic interface
// line, is drawn by the widgets of this package on top of ui/rtl:
// newStatuteText and newStatuteLine (read-only text), newTrackedText (a
// word diff with insertions underlined and deletions struck through) and
// the editor (text being written).
package ui
