package ui

import "time"

// SetSearchPause sets how long typing must pause before a search, and
// returns what restores it; tests of what a search shows need no pause.
func SetSearchPause(d time.Duration) (restore func()) {
	old := searchPause
	searchPause = d
	return func() { searchPause = old }
}
