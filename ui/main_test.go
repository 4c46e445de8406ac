package ui_test

import (
	"os"
	"testing"
	"time"
)

// TestMain shows dates in UTC, whatever the machine's time zone: the
// snapshots keep the dates the cards show.
func TestMain(m *testing.M) {
	time.Local = time.UTC
	os.Exit(m.Run())
}
