// Package assets holds the files embedded in the Statute Workbench binaries:
// the sample draft statute that a first-time user can open to try the app
// without a real draft at hand (and that tests and demos parse), and the
// application icon used by the window and by packaging (FyneApp.toml points
// at the same file).
package assets

import _ "embed"

// SampleDraftName is the file name under which the sample draft is offered,
// for example when it is saved or shown as the source of an imported draft.
const SampleDraftName = "sample-draft.md"

// SampleDraft is a sample draft statute in Arabic, in the Markdown layout
// the app imports: a «# » title, a preamble, titles, chapters and sections,
// and articles in every heading form the parser must accept («المادة
// الأولى», «المادة 2», «المادة ٤», «المادة 7 مكررة», «المادة 12-1»…).
// Its wording is our own, not a real text.
//
//go:embed sample-draft.md
var SampleDraft []byte

// Icon is the 512×512 PNG application icon.
//
//go:embed icon.png
var Icon []byte

// The ID, name and version (AppID, AppName, Version) are written into
// version.go from FyneApp.toml, the one place they are set.
//
//go:generate go run ./internal/genversion
