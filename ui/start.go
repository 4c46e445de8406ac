package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/parse"
)

// Start opens the database at dbPath (the default one when empty), imports
// sample as its first draft when it holds none, and fills the window.
func Start(w fyne.Window, dbPath string, sample []byte) error {
	if dbPath == "" {
		p, err := boltstore.DefaultPath()
		if err != nil {
			return err
		}
		dbPath = p
	}
	s, err := boltstore.Open(dbPath, boltstore.Options{})
	if err != nil {
		return err
	}
	d, err := Seed(s, sample)
	if err != nil {
		return closeAfter(s, err)
	}
	as, err := s.Amendments(drafts.AmendmentFilter{DraftID: d.ID})
	if err != nil {
		return closeAfter(s, err)
	}
	w.SetOnClosed(func() {
		if err := s.Close(); err != nil {
			fyne.LogError("closing the database", err)
		}
	})
	w.SetContent(container.NewPadded(widget.NewLabel(fmt.Sprintf(
		"Draft %s: %d articles, %d amendments.\nDatabase: %s\n\n"+
			"The article-by-article reading view comes in the next release;\nuntil then, use statutectl on the same database.",
		d.ID, len(d.Articles), len(as), dbPath))))
	w.Resize(fyne.NewSize(640, 240))
	return nil
}

// Seed returns the latest draft of s, first importing sample into an
// empty store.
func Seed(s drafts.Store, sample []byte) (*drafts.Draft, error) {
	d, err := s.LatestDraft()
	if !drafts.IsKind(err, drafts.NotFound) {
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

func closeAfter(s drafts.Store, err error) error {
	if cerr := s.Close(); cerr != nil {
		fyne.LogError("closing the database", cerr)
	}
	return err
}
