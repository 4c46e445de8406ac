// Command statute is the Statute Workbench desktop app.
//
// With --screenshot FILE it renders the main window to a PNG and exits,
// for checks under Xvfb and for the README's pictures.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"statute/assets"
	"statute/drafts/boltstore"
	"statute/ui"
)

func main() {
	var opts ui.Options
	flag.StringVar(&opts.DB, "db", "", "the database file (default: $"+boltstore.EnvDB+", or one in the user's settings folder)")
	flag.StringVar(&opts.Article, "article", "", "the article to show first, such as 3, «المادة 3» or 2bis")
	flag.StringVar(&opts.Lang, "lang", "", "the interface language for this session: ar, fr or en")
	flag.StringVar(&opts.Role, "role", "", "whose laptop this is for this session: a chamber code such as FM, or FED")
	shot := flag.String("screenshot", "", "render the main window to this PNG file and exit")
	flag.Parse()
	opts.Sample = assets.SampleDraft
	opts.Screenshot = *shot != ""

	a := app.NewWithID("ma.artisanat.statuteworkbench")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Statute Workbench")
	w.Resize(fyne.NewSize(1280, 800))
	wb, err := ui.Start(a, w, opts)
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

func fail(err error) {
	fmt.Fprintf(os.Stderr, "statute: %v\n", err)
	os.Exit(1)
}
