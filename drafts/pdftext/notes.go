package pdftext

import (
	"fmt"
	"strings"

	"statute/drafts"
	"statute/drafts/parse"
)

// The notes an import shows on what Repair changed in a PDF's text, so
// that whoever imports it knows what to check before storing the draft.
var (
	msgNoteRemoved = drafts.NewMessage("pdftext.note.removed",
		"lines repeated on the PDF's pages (%d: page headers, footers or page numbers, such as «%s») were left out")
	msgNoteRepaired = drafts.NewMessage("pdftext.note.repaired",
		"%d words of the PDF's text were repaired (a lam-alef put back in order, or a word split by a space or a line joined again): check the articles' text, or import the Word file when there is one")
)

// Notes says what Repair left out and changed, as notes on the whole file
// (parse.Warning with Line 0), the way the Word reader says what it left
// out: none when the text came out of the PDF as it was.
func (r Report) Notes() []parse.Warning {
	var ws []parse.Warning
	note := func(m drafts.Message, args ...any) {
		ws = append(ws, parse.Warning{Why: fmt.Sprintf(m.Format, args...), ID: m.ID, Args: args})
	}
	if len(r.Removed) > 0 {
		note(msgNoteRemoved, len(r.Removed), strings.TrimSpace(r.Removed[0]))
	}
	if n := r.LamAlef + r.Joined; n > 0 {
		note(msgNoteRepaired, n)
	}
	return ws
}
