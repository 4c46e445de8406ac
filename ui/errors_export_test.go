package ui

import "fyne.io/fyne/v2"

// UserError is what a dialog says about err, for the external tests.
var UserError = userError

// InstalledFontResource is an installed font's data as the app uses it.
func InstalledFontResource(name string, data []byte) fyne.Resource { return fontResource(name, data) }
