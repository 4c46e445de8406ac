// Command statute is the Statute Workbench desktop app.
//
// With --screenshot FILE it renders the main window to a PNG and exits,
// for checks under Xvfb and for the README's pictures; --size WxH sets the
// window's size (1280x800 by default), at start and in screenshots.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/round"
	"statute/ui"
)

func main() {
	var opts ui.Options
	db := flag.String("db", "", "the database file (default: $"+boltstore.EnvDB+", or one in the user's settings folder)")
	flag.StringVar(&opts.Article, "article", "", "the article to show first, such as 3, «المادة 3» or 2bis")
	flag.StringVar(&opts.Lang, "lang", "", "the interface language for this session: ar, fr or en")
	flag.StringVar(&opts.Role, "role", "", "whose laptop this is for this session: a chamber code such as FM, or FED")
	shot := flag.String("screenshot", "", "render the main window to this PNG file and exit")
	size := defaultWindowSize
	flag.Var(&size, "size", "the window's size, WIDTHxHEIGHT in pixels (at FYNE_SCALE 1)")
	flag.Parse()
	opts.Screenshot = *shot != ""
	// What statutectl writes beside the window is shown within seconds.
	opts.Timings.Refresh = 2 * time.Second
	if err := needDisplay(); err != nil {
		fail(err)
	}

	a := app.NewWithID(assets.AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Statute Workbench")
	w.Resize(fyne.Size(size))
	wb, err := start(a, w, *db, opts)
	if err != nil && opts.Screenshot {
		fail(err)
	}
	code := 0
	if err != nil {
		code = 1 // the window shows why, and quits when that is read
	}
	shotErr := make(chan error, 1)
	if opts.Screenshot {
		w.SetFixedSize(true)
		go func() {
			shotErr <- wb.Screenshot(*shot)
			fyne.Do(a.Quit)
		}()
	}
	w.ShowAndRun()
	if opts.Screenshot {
		if err := <-shotErr; err != nil {
			fail(err)
		}
	}
	os.Exit(code)
}

// start is the app's wiring: it opens the database at path (the default
// one when empty), seeds it with the sample draft on first run, and fills w
// with a Workbench on it. When that fails it shows why in w, quits the app
// once that is read, and returns the error. However the app ends, the work
// being written is stored and the database closed.
func start(a fyne.App, w fyne.Window, path string, opts ui.Options) (*ui.Workbench, error) {
	if err := ui.ApplyAppearance(a, opts); err != nil {
		ui.ShowFatal(a, w, err)
		return nil, err
	}
	if path == "" {
		p, err := boltstore.DefaultPath()
		if err != nil {
			ui.ShowFatal(a, w, err)
			return nil, err
		}
		path = p
	}
	// Held only while in use: statutectl can read and write beside the
	// window, which shows its changes within seconds.
	s, err := boltstore.Open(path, boltstore.Options{Brief: true})
	if err != nil {
		ui.ShowFatal(a, w, err)
		return nil, err
	}
	var wb *ui.Workbench
	// However the app ends, once: the work being written is stored, a
	// backup of the database is made beside it, and the file is let go.
	finish := sync.OnceFunc(func() {
		if wb != nil {
			wb.SaveWork()
			// The sync folder's watch writes to the store: stopped first.
			wb.StopWatching()
		}
		if _, err := s.Backup(); err != nil {
			fyne.LogError("backing up the database", err)
		}
		if err := s.Close(); err != nil {
			fyne.LogError("closing the database", err)
		}
	})
	// The close button is intercepted before this while an amendment is
	// open, but a quit from the system is not.
	w.SetOnClosed(finish)
	if _, err := round.New(s).Seed(assets.SampleDraft); err != nil {
		ui.ShowFatal(a, w, err)
		return nil, err
	}
	opts.Restore = func(from string) (drafts.Store, error) {
		// The window reads nothing meanwhile: it waits for the new store.
		if err := s.Close(); err != nil {
			return nil, err
		}
		_, rerr := boltstore.Restore(path, from)
		ns, err := boltstore.Open(path, boltstore.Options{Brief: true})
		if err != nil {
			return nil, errors.Join(rerr, err)
		}
		s = ns
		return ns, rerr
	}
	wb, err = ui.New(a, w, s, opts)
	if err != nil {
		ui.ShowFatal(a, w, err)
		return nil, err
	}
	// When the system asks the app to end (a shutdown or logout, Ctrl+C in
	// a terminal), Fyne quits without closing the window: its lifecycle's
	// last call finishes. The UI loop has ended by then, so nothing else
	// touches the window.
	a.Lifecycle().SetOnStopped(finish)
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

func fail(err error) {
	fmt.Fprintf(os.Stderr, "statute: %v\n", err)
	os.Exit(1)
}
