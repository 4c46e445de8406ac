package ui

import "statute/assets"

// SetBuildInfo makes About say b is this build, until restore is called.
func SetBuildInfo(b assets.BuildInfo) (restore func()) {
	was := buildInfo
	buildInfo = func() assets.BuildInfo { return b }
	return func() { buildInfo = was }
}
