// Package ui is the Statute Workbench desktop interface, in Fyne: the main
// window that shows a draft statute article by article with its outline and
// its amendments, the first-run and settings dialogs, the app theme and the
// interface languages (Arabic, French, English).
//
// Fyne lays out neither Arabic text nor an Arabic caret right, so every
// piece of statute text, and every Arabic interface line, is shown by the
// widgets of ui/textwidget (Text, Tracked, Editor) rather than by Fyne's
// Label and Entry.
package ui
