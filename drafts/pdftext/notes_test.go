package pdftext_test

import (
	"strings"
	"testing"

	"statute/drafts/pdftext"
)

// What Repair removed and put back is said in notes an import shows; a
// text that needed nothing gives none.
func TestReportNotes(t *testing.T) {
	raw := "الجريدة الرسمية\nالمادة 1\nنص األول.\n1\n\fالجريدة الرسمية\nالمادة 2\nنص ثان.\n2\n\fالجريدة الرسمية\nالمادة 3\nنص ثالث.\n3\n"
	_, rep := pdftext.Repair(raw)
	notes := rep.Notes()
	var said []string
	for _, n := range notes {
		if n.Line != 0 || n.ID == "" || n.Why == "" {
			t.Errorf("note %+v: want a note on the whole file, with its ID and sentence", n)
		}
		said = append(said, n.Why)
	}
	all := strings.Join(said, "\n")
	if len(rep.Removed) == 0 || !strings.Contains(all, "were left out") || !strings.Contains(all, "الجريدة الرسمية") {
		t.Errorf("removed %q; notes:\n%s\nwant the running header named", rep.Removed, all)
	}
	if _, clean := pdftext.Repair("المادة 1\nنص.\n"); len(clean.Notes()) != 0 {
		t.Errorf("a text needing no repair gives notes %+v", clean.Notes())
	}
}
