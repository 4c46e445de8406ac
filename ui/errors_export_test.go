package ui

import "fyne.io/fyne/v2"

// UserError is what a dialog says about err, for the external tests.
var UserError = userError

// InstalledFontResource is an installed font's data as the app uses it.
func InstalledFontResource(name string, data []byte) fyne.Resource { return fontResource(name, data) }

// OnUIThread runs f, a test's tap or key, as the app's goroutine runs
// an event: never while a result read in the background is being shown,
// which the test driver shows on the reading goroutine. An event that
// starts such a read and goes on touching the window (an entry's Return
// that makes a key pair, then refreshes the entry) needs it.
func OnUIThread(f func()) {
	uiThread.Lock()
	defer uiThread.Unlock()
	f()
}
