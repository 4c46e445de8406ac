package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/review"
	"statute/drafts/round"
	"statute/ui/textwidget"
)

// decideButtons are the federation's buttons on a submitted amendment a,
// of entry e on article art: accept, accept with changes, reject, each
// asking in a dialog for a note, on the federation's own synthesis
// supersede (supersedeButton), and the amendment's history of decisions;
// on one a consolidation applied, its history only. Deciding from a card of identical proposals decides every amendment of
// the entry, as the dialog says.
//
// The buttons have no icon. A Fyne button's icon is a themed SVG, which
// Fyne colours and parses again each time the icon is refreshed or asked
// its size: on the busiest article's first page, the four icons of every
// card took two thirds of the switch to it. The buttons' words say what
// each does; the dialog each opens says it again in its title.
func (wb *Workbench) decideButtons(art *drafts.Article, e review.Entry, a drafts.Amendment) []fyne.CanvasObject {
	history := widget.NewButton(tr("History"), func() { wb.showHistory(a) })
	if o, ok := wb.other[a.ID]; ok && o.How == round.Applied {
		// A consolidation applied it: its decision is spent (the round
		// refuses another), and its history is all there is to see.
		return []fyne.CanvasObject{history}
	}
	verdict := func(v drafts.Verdict) fyne.CanvasObject {
		return widget.NewButton(verdictButton(v), func() { wb.decide(art, e, a, v) })
	}
	buttons := []fyne.CanvasObject{
		verdict(drafts.Accept),
		verdict(drafts.AcceptWithChanges),
		verdict(drafts.Reject),
	}
	if s := wb.supersedeButton(art, a); s != nil {
		buttons = append(buttons, s)
	}
	return append(buttons, history)
}

// verdictButton is the text of the card's button that decides verdict v.
func verdictButton(v drafts.Verdict) string {
	switch v {
	case drafts.Accept:
		return tr("Accept")
	case drafts.AcceptWithChanges:
		return tr("Accept with changes")
	case drafts.Reject:
		return tr("Reject")
	}
	return string(v)
}

// decider is the open decide dialog: its editors, and for an acceptance
// with changes the two changes it shows apart.
type decider struct {
	wording, note  *textwidget.Editor
	chamber, staff *textwidget.Tracked // nil but for an acceptance with changes
	base           string              // the chamber's wording, which the staff change
	pending        *time.Timer         // the debounced diff of the staff's change
	closed         bool
}

// updateStaff diffs the staff's wording against the chamber's again.
func (dc *decider) updateStaff() {
	if !dc.closed {
		dc.staff.SetChanges(diff.Words(dc.base, dc.wording.Text(), diff.Options{}))
	}
}

// decide asks for the federation's verdict v on amendment a and the
// identical ones of its entry e, with a note, and for an acceptance with
// changes the wording the staff adopt: the dialog shows the chamber's
// change (the article to the chamber's wording) apart from the staff's
// (the chamber's wording to the staff's), the latter diffed again as they
// type, once typing pauses (Timings.Preview, as the propose screen's
// preview). Confirmed, each amendment of the entry is decided, off the UI
// goroutine, and the amendments shown again; a refusal is said in the
// round's sentence.
func (wb *Workbench) decide(art *drafts.Article, e review.Entry, a drafts.Amendment, v drafts.Verdict) {
	dc := &decider{base: a.Text}
	var body []fyne.CanvasObject
	if len(e.Amendments) > 1 {
		ids := make([]string, len(e.Amendments))
		for i := range e.Amendments {
			ids[i] = "\u2066" + e.Amendments[i].ID + "\u2069"
		}
		body = append(body, textwidget.NewStyledText(tr("The decision applies to the identical amendments: {{.IDs}}", map[string]any{"IDs": strings.Join(ids, tr(", "))}), fyne.TextStyle{Bold: true}))
	} else {
		body = append(body, textwidget.NewText(amendmentReference(&a)))
	}
	if v == drafts.AcceptWithChanges {
		dc.wording = textwidget.NewEditor(wb.app)
		dc.wording.SetText(a.Text)
		dc.chamber = textwidget.NewTracked(diff.OfAmendment(art.Text(), &a, diff.Options{}))
		dc.staff = textwidget.NewTracked(nil)
		dc.updateStaff()
		dc.wording.OnChanged = func(string) {
			if dc.pending != nil {
				dc.pending.Reset(wb.opts.Timings.Preview)
				return
			}
			dc.pending = time.AfterFunc(wb.opts.Timings.Preview, func() { fyne.Do(dc.updateStaff) })
		}
		body = append(body,
			label(tr("Wording adopted by the federation")), dc.wording,
			label(tr("The chamber's change")), dc.chamber,
			label(tr("The staff's change to the chamber's wording")), dc.staff)
	}
	dc.note = textwidget.NewEditor(wb.app)
	body = append(body, label(tr("Note (why; the chamber sees it)")), dc.note)

	wb.deciding = dc
	scroll := container.NewVScroll(container.NewVBox(body...))
	m := confirmModal(wb.win, decideTitle(v), tr("Record the decision"), tr("Cancel"), scroll, false, func(ok bool) {
		dc.closed = true
		if dc.pending != nil {
			dc.pending.Stop()
		}
		if wb.deciding == dc {
			wb.deciding = nil
		}
		if !ok {
			return
		}
		text := ""
		if dc.wording != nil {
			text = dc.wording.Text()
		}
		wb.recordDecision(e, v, text, dc.note.Text())
	})
	for _, e := range []*textwidget.Editor{dc.wording, dc.note} {
		if e != nil {
			e.SetScroll(scroll)
			e.SetOnEscape(m.dismiss)
		}
	}
	m.Resize(fyne.NewSize(640, 520))
	m.Show()
}

// recordDecision decides every amendment of entry e at once, off the UI
// goroutine (round.DecideAll: all or none), then shows the amendments
// again, or the refusal; a locked key is asked for, and the decision
// recorded once it is open (unlockFor).
func (wb *Workbench) recordDecision(e review.Entry, v drafts.Verdict, text, note string) {
	ids := make([]string, len(e.Amendments))
	for i := range e.Amendments {
		ids[i] = e.Amendments[i].ID
	}
	wb.background(func() func() {
		_, err := wb.round.DecideAll(drafts.Federation, ids, v, text, note)
		return func() {
			if wb.unlockFor(err, func() { wb.recordDecision(e, v, text, note) }) {
				return
			}
			if err != nil {
				showError(wb.win, err)
			}
			wb.reloadAmendments()
		}
	})
}

// decideTitle is the title of the dialog that records verdict v.
func decideTitle(v drafts.Verdict) string {
	switch v {
	case drafts.Accept:
		return tr("Accept the amendment")
	case drafts.AcceptWithChanges:
		return tr("Accept the amendment with changes")
	case drafts.Reject:
		return tr("Reject the amendment")
	}
	return string(v)
}

// verdictLabel is a decision's verdict as the interface says it, for the
// amendment id it is read about: a supersede reads «superseded by X» on
// the amendments it replaces, and «adopted in place of …» on the
// federation's synthesis itself.
func verdictLabel(d *drafts.Decision, id string) string {
	switch d.Verdict {
	case drafts.Accept:
		return tr("accepted")
	case drafts.AcceptWithChanges:
		return tr("accepted with changes")
	case drafts.Reject:
		return tr("rejected")
	case drafts.Supersede:
		if d.Amendment != id {
			return tr("superseded by {{.ID}}", map[string]any{"ID": "\u2066" + d.Amendment + "\u2069"})
		}
		ids := make([]string, len(d.Replaces))
		for i, r := range d.Replaces {
			ids[i] = "\u2066" + r + "\u2069"
		}
		return tr("adopted in place of {{.IDs}}", map[string]any{"IDs": strings.Join(ids, tr(", "))})
	}
	return string(d.Verdict)
}

// decisionLine is the line under an amendment's reference that says its
// current decision d: «القرار: مقبول — 02/11/2026 09:30 — ملاحظة…», the
// note left out when there is none.
func decisionLine(a *drafts.Amendment, d *drafts.Decision) string {
	s := tr("Decision: {{.Verdict}} — {{.Date}}", map[string]any{
		"Verdict": verdictLabel(d, a.ID),
		"Date":    "\u2066" + d.At.Local().Format(dateLayout) + "\u2069",
	})
	if d.Note != "" {
		s += " — " + d.Note
	}
	return s
}

// showHistory reads amendment a's decision log entries off the UI
// goroutine, and shows them oldest first: when, the verdict, the note,
// and the staff's wording for an acceptance with changes.
func (wb *Workbench) showHistory(a drafts.Amendment) {
	wb.background(func() func() {
		h, err := wb.round.History(a.ID)
		return func() {
			if err != nil {
				showError(wb.win, err)
				return
			}
			m := infoModal(wb.win, tr("History of the decisions on {{.ID}}", map[string]any{"ID": "\u2066" + a.ID + "\u2069"}),
				container.NewVScroll(textwidget.NewText(historyText(&a, h))))
			m.Resize(fyne.NewSize(560, 420))
			m.Show()
		}
	})
}

// historyText is the history dialog's text: one paragraph per entry.
func historyText(a *drafts.Amendment, h []drafts.Decision) string {
	if len(h) == 0 {
		return tr("No decision yet.")
	}
	parts := make([]string, len(h))
	for i := range h {
		d := &h[i]
		s := "\u2066" + d.At.Local().Format(dateLayout) + "\u2069 — " + verdictLabel(d, a.ID)
		if d.Note != "" {
			s += " — " + d.Note
		}
		if d.Verdict == drafts.AcceptWithChanges {
			s += "\n" + tr("Wording adopted: {{.Text}}", map[string]any{"Text": d.Text})
		}
		parts[i] = s
	}
	return strings.Join(parts, "\n\n")
}
