package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"

	"statute/drafts"
	"statute/ui/textwidget"
)

// userError is what a dialog says about err: the domain's sentence, which
// tells the user what to do, in the interface language when it has a
// translation (the domain writes English, for logs and scripts). The
// detail of an internal failure goes to the log, where it helps whoever
// fixes it, not the user.
func userError(err error) error {
	var e *drafts.Error
	if errors.As(err, &e) {
		if e.Kind == drafts.Internal {
			fyne.LogError(e.Message, e.Err)
		}
		return errors.New(translateError(e))
	}
	fyne.LogError("unexpected error", err)
	return errors.New(tr("something went wrong that the app did not expect; the details are in its log: please report them"))
}

// translateError says e in the interface language: the translation of its
// message ID (keeping the English sentence's verbs, which may be numbered
// to change their order), its arguments as they are. Without an ID or a
// translation it is e's own sentence.
func translateError(e *drafts.Error) string {
	if e.ID == "" {
		return e.Message
	}
	format, ok := translation(errorKeyPrefix + e.ID)
	if !ok {
		return e.Message
	}
	return fmt.Sprintf(format, messageArgs(e.Args)...)
}

// messageArgs are the arguments of a domain sentence as its translation
// says them.
func messageArgs(in []any) []any {
	rtl := rightToLeft()
	args := make([]any, len(in))
	for i, a := range in {
		switch a := a.(type) {
		case drafts.Status:
			// «submitted» reads in the sentence's language.
			args[i] = trKey("status."+string(a), string(a))
		case drafts.Verdict:
			// So does a decision: «supersede».
			args[i] = trKey("verdict."+string(a), string(a))
		case string:
			if rtl {
				// A path or a French name inside an Arabic sentence is
				// set apart (first-strong isolate), or the bidi algorithm
				// moves its leading «/» to the Arabic side.
				args[i] = "\u2068" + a + "\u2069"
			} else {
				args[i] = a
			}
		default:
			args[i] = a
		}
	}
	return args
}

// showError shows err in a dialog over w.
func showError(w fyne.Window, err error) {
	errorDialog(w, err).Show()
}

// ShowFatal shows err in a dialog over w and quits the app once the user
// has read it: used when there is nothing the window can show without it.
func ShowFatal(a fyne.App, w fyne.Window, err error) {
	d := errorDialog(w, err)
	d.SetOnClosed(a.Quit)
	if s := w.Canvas().Size(); s.Width < 480 || s.Height < 240 {
		w.Resize(fyne.NewSize(560, 280))
	}
	d.Show()
}

// errorDialog is a dialog saying err, laid out as statute text is: an
// Arabic sentence around a file path or an article number reads wrongly
// in Fyne's own error dialog.
func errorDialog(w fyne.Window, err error) *modal {
	d := infoModal(w, tr("Error"), textwidget.NewText(userError(err).Error()))
	d.Resize(fyne.NewSize(480, 220))
	return d
}
