package ui

import (
	"fyne.io/fyne/v2"

	"statute/drafts/diff"
)

// NewTrackedText is newTrackedText for the external tests.
func NewTrackedText(changes []diff.Change) fyne.Widget {
	return newTrackedText(changes).(fyne.Widget)
}

// NewStatuteTextForTracking is newStatuteText for the external tests.
func NewStatuteTextForTracking(text string) fyne.Widget {
	return newStatuteText(text).(fyne.Widget)
}
