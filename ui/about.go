package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/assets"
	"statute/ui/textwidget"
)

// buildInfo is what this binary is (assets.Build); tests put a build of
// their own in its place, so that a snapshot does not change with the Go
// toolchain or the commit.
var buildInfo = assets.Build

// aboutBuild is what this binary is, as About says it: assets.Build,
// with the name, ID and version of the app's metadata when `fyne
// package` set them (a plain go build leaves them empty, and the
// constants of package assets are the truth), and the package's build
// number, 0 when there is none.
func (wb *Workbench) aboutBuild() (b assets.BuildInfo, number int) {
	b = buildInfo()
	meta := wb.app.Metadata()
	if meta.Name != "" {
		b.Name = meta.Name
	}
	if meta.ID != "" {
		b.AppID = meta.ID
	}
	if meta.Version != "" {
		b.Version = meta.Version
	}
	return b, max(meta.Build, 0)
}

// ShowAbout opens «حول التطبيق» (About): which build of the app this is
// (its name, version and package build number, app ID, the revision of
// the source and its date when the build knows them, the Go that built
// it), where it keeps its data (the database file and the backups
// folder), and, once the laptop has a key pair, its role and key
// fingerprint as Settings show them (keyLines). It is what a user reads
// out when asking for help. Settings and F1 open it.
func (wb *Workbench) ShowAbout() {
	b, number := wb.aboutBuild()
	version := ltrLine(b.Version)
	if number > 0 {
		version = textwidget.NewText(tr("{{.Version}} (build {{.Build}})", map[string]any{"Version": "\u2068" + b.Version + "\u2069", "Build": number}))
	}
	revision := fyne.CanvasObject(textwidget.NewText(tr("Not known: built without its revision")))
	if b.Revision != "" {
		lines := []fyne.CanvasObject{pathLine(b.ShortRevision())}
		if b.Modified {
			lines = append(lines, textwidget.NewText(tr("built with changes not yet committed")))
		}
		revision = container.NewVBox(lines...)
	}
	loc := wb.store.Location()
	pairs := []any{
		tr("Application"), ltrLine(b.Name),
		tr("Version"), version,
		tr("App ID"), pathLine(b.AppID),
		tr("Source revision"), revision,
	}
	if !b.RevisionTime.IsZero() {
		pairs = append(pairs, tr("Revision date"), ltrLine(b.RevisionTime.UTC().Format("2006-01-02 15:04 MST")))
	}
	pairs = append(pairs,
		tr("Go version"), ltrLine(b.GoVersion),
		tr("Database"), pathLine(loc.File),
		tr("Backups"), pathLine(loc.Backups),
	)
	body := []fyne.CanvasObject{newForm(pairs...)}
	if id := wb.identity(); id != nil {
		// Under the form, the whole width: the fingerprint's large digits
		// beside the labels' column would be wider than a small window.
		body = append(body, widget.NewSeparator(), textwidget.NewLine(tr("This laptop's key"), fyne.TextStyle{Bold: true}))
		body = append(body, keyLines(id)...)
	}
	d := infoModal(wb.win, tr("About"), container.NewVScroll(container.NewVBox(body...)))
	size := wb.win.Canvas().Size()
	d.Resize(fyne.NewSize(640, min(max(size.Height-6*theme.Padding(), 360), 600)))
	d.Show()
}

// aboutButton is Settings' button to About, at the start of its row of
// buttons: it leaves Settings as Cancel does (dismiss), as its other
// buttons that open a dialog of their own do, then opens About.
func (wb *Workbench) aboutButton(dismiss func()) *widget.Button {
	return mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("About…")), theme.InfoIcon(), func() {
		dismiss()
		wb.ShowAbout()
	}))
}

// ltrLine shows a value that reads left to right (a version, a name in
// Latin letters, a date) in a line of its own, set apart as pathLine's
// paths are, so that no Arabic around it reorders it.
func ltrLine(s string) fyne.CanvasObject {
	return textwidget.NewStyledText("\u2068"+s+"\u2069", fyne.TextStyle{})
}
