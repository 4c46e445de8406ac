package textwidget

import "fyne.io/fyne/v2"

// MeasureByWords measures a display string word by word, as tracked
// changes are placed, with the theme's text size and the regular style.
func MeasureByWords(s string, size float32) float32 {
	return byWords(func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width })(s)
}
