package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"statute/drafts"
)

// userError is what a dialog says about err: the domain's sentence, which
// tells the user what to do. The detail of an internal failure goes to the
// log, where it helps whoever fixes it, not the user.
func userError(err error) error {
	var e *drafts.Error
	if errors.As(err, &e) {
		if e.Kind == drafts.Internal {
			fyne.LogError(e.Message, e.Err)
		}
		return errors.New(e.Message)
	}
	fyne.LogError("unexpected error", err)
	return errors.New("something went wrong that the app did not expect; the details are in its log: please report them")
}

// showError shows err in a dialog over w.
func showError(w fyne.Window, err error) {
	dialog.ShowError(userError(err), w)
}

// showFatal shows err in a dialog over w and quits the app once the user
// has read it: used when there is nothing the window can show without it.
func showFatal(a fyne.App, w fyne.Window, err error) {
	d := dialog.NewError(userError(err), w)
	d.SetOnClosed(a.Quit)
	if s := w.Canvas().Size(); s.Width < 480 || s.Height < 240 {
		w.Resize(fyne.NewSize(560, 280))
	}
	d.Show()
}
