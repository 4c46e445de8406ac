package ui

import "time"

// Timings are the waits of the interface. A zero field means its default;
// tests set them to drive the timers themselves or not to wait.
type Timings struct {
	// Autosave is how often the propose screen writes unsaved work to the
	// store; 3s by default.
	Autosave time.Duration
	// Preview is how long typing must pause before the propose screen
	// diffs its preview again; 150ms by default.
	Preview time.Duration
	// SearchPause is how long typing must pause before the draft is
	// searched: every search lays its results out again, and a query
	// typed letter by letter would otherwise lay out a list for each
	// letter; 150ms by default.
	SearchPause time.Duration
	// Refresh is how often the window asks the store whether another
	// program (statutectl beside the app) changed it, and shows what did;
	// zero never asks, as in tests, where nothing else writes.
	Refresh time.Duration
}

// withDefaults fills the zero fields with their defaults.
func (t Timings) withDefaults() Timings {
	or := func(d, def time.Duration) time.Duration {
		if d == 0 {
			return def
		}
		return d
	}
	return Timings{
		Autosave:    or(t.Autosave, 3*time.Second),
		Preview:     or(t.Preview, 150*time.Millisecond),
		SearchPause: or(t.SearchPause, 150*time.Millisecond),
		Refresh:     t.Refresh,
	}
}
