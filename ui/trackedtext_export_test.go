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

// MeasureByWords measures a display string word by word, as tracked
// changes are placed, with the app's text size and style.
func MeasureByWords(s string, size float32) float32 {
	return byWords(func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width })(s)
}
