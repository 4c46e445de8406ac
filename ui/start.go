package ui

import (
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"

	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/parse"
)

// Start is the app's wiring: it opens the database at opts.DB (the default
// one when empty) and fills w with a Workbench on it, which seeds the store
// with opts.Sample on first run. When the database cannot be opened it
// shows why in w, quits the app once that is dismissed, and returns the
// error. The store is closed when w is.
func Start(a fyne.App, w fyne.Window, opts Options) (*Workbench, error) {
	if err := applyAppearance(a, opts); err != nil {
		showFatal(a, w, err)
		return nil, err
	}
	path := opts.DB
	if path == "" {
		p, err := boltstore.DefaultPath()
		if err != nil {
			showFatal(a, w, err)
			return nil, err
		}
		path = p
	}
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		showFatal(a, w, err)
		return nil, err
	}
	var wb *Workbench
	w.SetOnClosed(func() {
		// However the app ends (the window's close button is intercepted
		// before this, but not a quit from the system), unsaved work is
		// stored first.
		if wb != nil {
			wb.SaveWork()
		}
		if err := s.Close(); err != nil {
			fyne.LogError("closing the database", err)
		}
	})
	wb, err = New(a, w, s, opts)
	if err != nil {
		showFatal(a, w, err)
		return nil, err
	}
	// When the system asks the app to end (a shutdown or logout, Ctrl+C
	// in a terminal), Fyne quits without closing the window: its
	// lifecycle's last call stores the work, rather than the app dying
	// with the last seconds of typing unsaved. The UI loop has ended by
	// then, so nothing else touches the window.
	a.Lifecycle().SetOnStopped(wb.SaveWork)
	quitOnHangup(a)
	return wb, nil
}

// quitOnHangup quits the app, which saves, on SIGHUP (the terminal it was
// started from closed); Fyne itself quits on SIGINT and SIGTERM.
func quitOnHangup(a fyne.App) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGHUP)
	go func() {
		<-ch
		signal.Stop(ch)
		fyne.Do(a.Quit)
	}()
}

// Seed returns the latest draft of s, first importing sample into an
// empty store.
func Seed(s drafts.Store, sample []byte) (*drafts.Draft, error) {
	d, err := s.LatestDraft()
	if !drafts.IsKind(err, drafts.NotFound) || sample == nil {
		return d, err
	}
	d, err = parse.Parse(sample, parse.Options{Source: "sample-draft.md"})
	if err != nil {
		return nil, drafts.Wrap(drafts.Internal, err, "the embedded sample draft does not parse")
	}
	if err := s.AddDraft(d); err != nil {
		return nil, err
	}
	return d, nil
}
