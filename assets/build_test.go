package assets

import (
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// A binary names the app's version and ID, and the Go it was built with,
// whatever else it knows; a test binary has no revision stamped.
func TestBuildNamesTheVersion(t *testing.T) {
	b := Build()
	if b.Version != Version || b.AppID != AppID || b.Name != AppName {
		t.Errorf("Build() = %+v, want version %s, ID %s, name %q", b, Version, AppID, AppName)
	}
	if !strings.HasPrefix(b.GoVersion, "go") {
		t.Errorf("Build().GoVersion = %q, want a Go version", b.GoVersion)
	}
}

// What go build stamps of a git checkout is read: the commit, its time,
// and whether the source held changes.
func TestBuildReadsTheRevision(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.0", Settings: []debug.BuildSetting{
		{Key: "-compiler", Value: "gc"},
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "0d19b41a8e2f4c6b9d0e1f2a3b4c5d6e7f8a9b0c"},
		{Key: "vcs.time", Value: "2026-11-30T17:04:05Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	b := BuildInfo{Version: Version}.withSettings(info)
	if b.GoVersion != "go1.26.0" || b.Revision != "0d19b41a8e2f4c6b9d0e1f2a3b4c5d6e7f8a9b0c" || !b.Modified {
		t.Errorf("read %+v", b)
	}
	if want := time.Date(2026, 11, 30, 17, 4, 5, 0, time.UTC); !b.RevisionTime.Equal(want) {
		t.Errorf("the revision's time is %v, want %v", b.RevisionTime, want)
	}
	if got := b.ShortRevision(); got != "0d19b41a8e2f" {
		t.Errorf("ShortRevision() = %q, want 0d19b41a8e2f", got)
	}
	// Built without -buildvcs, or outside git: nothing is made up.
	b = BuildInfo{}.withSettings(&debug.BuildInfo{GoVersion: "go1.26.0"})
	if b.Revision != "" || !b.RevisionTime.IsZero() || b.Modified || b.ShortRevision() != "" {
		t.Errorf("with no vcs settings read %+v, want no revision", b)
	}
}
