package ui

import "sync"

// HoldFullLoad makes every Workbench stop after showing its first article,
// before it reads all the amendments, until release is called (once or
// more).
func HoldFullLoad() (release func()) {
	gate := make(chan struct{})
	fullLoadGate.Store(&gate)
	var once sync.Once
	return func() {
		once.Do(func() {
			fullLoadGate.Store(nil)
			close(gate)
		})
	}
}

// MergeAmendments exposes mergeAmendments to the external tests.
var MergeAmendments = mergeAmendments
