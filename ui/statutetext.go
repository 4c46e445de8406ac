package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// statuteText is how the app shows a piece of statute text. Every place
// that shows Arabic statute text makes it through newStatuteText or
// newStatuteLine, so that the right-to-left layout (ui/rtl), which puts
// words and digits in reading order, replaces the bodies of these two
// functions and nothing else.
type statuteText interface {
	fyne.CanvasObject
	// SetText replaces the text shown.
	SetText(text string)
}

// newStatuteText shows a paragraph or more of statute text, right-aligned
// and wrapped at word boundaries to the available width; "\n" separates
// paragraphs.
func newStatuteText(text string) statuteText {
	l := widget.NewLabel(text)
	l.Alignment = fyne.TextAlignTrailing
	l.Wrapping = fyne.TextWrapWord
	return l
}

// newStatuteLine shows one line of statute text (a heading, an outline
// entry), right-aligned and cut with an ellipsis where it does not fit.
func newStatuteLine(text string, style fyne.TextStyle) statuteText {
	l := widget.NewLabel(text)
	l.Alignment = fyne.TextAlignTrailing
	l.Truncation = fyne.TextTruncateEllipsis
	l.TextStyle = style
	return l
}
