// Package ui is the Statute Workbench desktop interface, in Fyne: the main
// window that shows a draft statute article by article with its outline and
// its amendments, the first-run and settings dialogs, the app theme and the
// interface languages (Arabic, French, English).
//
// Every piece of Arabic statute text goes through newStatuteText or
// newStatuteLine, so that the right-to-left layout engine can replace how it
// is drawn in one place.
package ui
