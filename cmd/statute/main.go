// Command statute is the Statute Workbench desktop app.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"statute/assets"
	"statute/drafts/boltstore"
	"statute/ui"
)

func main() {
	db := flag.String("db", "", "the database file (default: $"+boltstore.EnvDB+", or one in the user's settings folder)")
	flag.Parse()

	a := app.NewWithID("ma.artisanat.statuteworkbench")
	w := a.NewWindow("Statute Workbench")
	if err := ui.Start(w, *db, assets.SampleDraft); err != nil {
		fmt.Fprintf(os.Stderr, "statute: %v\n", err)
		os.Exit(1)
	}
	w.ShowAndRun()
}
