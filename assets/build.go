package assets

import (
	"runtime"
	"runtime/debug"
	"time"
)

// BuildInfo says what a binary is, for an About dialog or a version
// command: the app's ID, name and version (FyneApp.toml's, the constants
// of version.go), and what the Go toolchain stamped into it.
type BuildInfo struct {
	AppID, Name, Version string
	// Revision is the commit of the source the binary was built from,
	// RevisionTime that commit's time, and Modified says the source held
	// changes not committed. They are stamped by a go build (or fyne
	// package) in a git checkout; Revision is "" and RevisionTime zero
	// when they were not (-buildvcs=false, a source archive, go test).
	Revision     string
	RevisionTime time.Time
	Modified     bool
	// GoVersion is the Go toolchain that built the binary ("go1.26.0").
	GoVersion string
}

// Build is what this binary is. It never fails: what the binary does not
// know is left empty.
func Build() BuildInfo {
	b := BuildInfo{AppID: AppID, Name: AppName, Version: Version, GoVersion: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	return b.withSettings(info)
}

// withSettings fills in what info says of the toolchain and the source.
func (b BuildInfo) withSettings(info *debug.BuildInfo) BuildInfo {
	if info.GoVersion != "" {
		b.GoVersion = info.GoVersion
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.time":
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				b.RevisionTime = t
			}
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// ShortRevision is the revision's first twelve hex digits, as a person
// quotes a commit; "" when the revision is not known.
func (b BuildInfo) ShortRevision() string {
	if len(b.Revision) > 12 {
		return b.Revision[:12]
	}
	return b.Revision
}
