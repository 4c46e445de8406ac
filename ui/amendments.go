package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/review"
	"statute/drafts/round"
	"statute/ui/textwidget"
)

// amendmentPage is how many amendments an article shows at first, and how
// many more each "Show more" adds: a contentious article can draw over a
// hundred, and laying all their diffs out at once would make moving to it
// slow. The federation's review board pages alike: its cards' decide
// buttons have no icon, the part of a Fyne button that costs
// (decideButtons).
const amendmentPage = 20

// showRead lists the amendments to art as read off the UI goroutine.
func (wb *Workbench) showRead(art *drafts.Article, read articleRead) {
	wb.other, wb.decided = read.other, read.decided
	wb.showAmendments(art, read.as, read.log)
}

// showAmendments lists the amendments to the article shown: who proposed
// what, as a tracked-change diff of the article, in what state, the
// federation's current decision on it (from log, the draft's decision
// log), and why.
func (wb *Workbench) showAmendments(art *drafts.Article, as []drafts.Amendment, log []drafts.Decision) {
	wb.log = log
	wb.amendTitle.SetText(trN("{{.Count}} amendments", len(as), map[string]any{"Count": len(as)}))
	objs := make([]fyne.CanvasObject, 0, 5*min(len(as), amendmentPage)+3)
	if wb.hasRole {
		propose := mirrorIcon(widget.NewButtonWithIcon(tr("Propose an amendment"), theme.ContentAddIcon(), wb.ProposeAmendment))
		if wb.reviewing() {
			objs = append(objs, buttonRow(propose))
		} else {
			// A chamber sends its amendments and takes the federation's
			// draft from here, where it works; the federation has it on
			// its board's bar.
			send := mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Exchange packages…")), theme.MailComposeIcon(), wb.ShowExchange))
			objs = append(objs, newFlowRow(rightToLeft(), propose, send))
		}
	}
	if wb.reviewing() {
		wb.board.art, wb.board.all = art, as
		objs = append(objs, wb.boardBar())
		shown := wb.board.filter.Apply(as)
		if len(shown) < len(as) {
			objs = append(objs, textwidget.NewStyledText(tr("{{.Shown}} of {{.Total}} shown", map[string]any{"Shown": len(shown), "Total": len(as)}), fyne.TextStyle{Italic: true}))
		}
		as = shown
	}
	wb.listed = 0
	wb.amendList.Objects = wb.appendAmendments(objs, art, wb.entries(art, as))
	wb.amendList.Refresh()
	wb.scroll.Refresh()
}

// showLoadingAmendments says the article's amendments are still being
// read, rather than that it has none.
func (wb *Workbench) showLoadingAmendments() {
	wb.amendTitle.SetText(tr("Loading the amendments…"))
	wb.amendList.Objects = nil
	wb.amendList.Refresh()
	wb.scroll.Refresh()
}

// appendAmendments adds to objs the next page of es, and a button that
// shows the page after it when some are left. An entry of one amendment is
// its card; an entry of several identical proposals shows their change
// once, then each one's card.
func (wb *Workbench) appendAmendments(objs []fyne.CanvasObject, art *drafts.Article, es []review.Entry) []fyne.CanvasObject {
	page, rest := es, []review.Entry(nil)
	if n := max(amendmentPage, wb.keepListed); len(es) > n {
		page, rest = es[:n], es[n:]
	}
	wb.keepListed = 0
	wb.listed += len(page)
	for _, e := range page {
		if len(e.Amendments) > 1 {
			objs = append(objs, textwidget.NewStyledText(sameProposal(e), fyne.TextStyle{Bold: true}))
			objs = wb.appendChange(objs, art, &e.Amendments[0])
		}
		if line, ok := wb.board.competes[e.Amendments[0].ID]; ok && wb.reviewing() {
			objs = append(objs, textwidget.NewStyledText(line, fyne.TextStyle{Italic: true}))
		}
		for i := range e.Amendments {
			a := &e.Amendments[i]
			objs = append(objs,
				textwidget.NewStyledText(amendmentSummary(a), fyne.TextStyle{Bold: true}),
				textwidget.NewStyledText(amendmentReference(a), fyne.TextStyle{}))
			// A chamber sees the federation's decisions on its own
			// amendments, with the staff's note: the note says why, and
			// the chamber is owed the reason as much as the verdict.
			if d := wb.decided[a.ID]; d != nil {
				objs = append(objs, textwidget.NewStyledText(decisionLine(a, d), fyne.TextStyle{Bold: true}))
			}
			if actions := wb.amendmentActions(art, e, *a); actions != nil {
				objs = append(objs, actions)
			}
			if len(e.Amendments) == 1 {
				objs = wb.appendChange(objs, art, a)
			}
			if a.Justification != "" {
				objs = append(objs,
					label(tr("Justification")),
					textwidget.NewText(a.Justification))
			}
		}
		objs = append(objs, widget.NewSeparator())
	}
	if len(rest) == 0 {
		return objs
	}
	more := mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Show more ({{.Left}} not shown yet)", map[string]any{"Left": len(rest)})), theme.MoreVerticalIcon(), func() {
		list := wb.amendList
		// The button's row is the last object; the next page replaces it.
		list.Objects = wb.appendAmendments(list.Objects[:len(list.Objects)-1], art, rest)
		list.Refresh()
		wb.scroll.Refresh()
	}))
	return append(objs, buttonRow(more))
}

// appendChange adds to objs what amendment a changes in art: its tracked
// diff against the article's text; for one made on another wording of the
// article (an earlier version's), what round.Readings made of it, with a
// line that says so.
func (wb *Workbench) appendChange(objs []fyne.CanvasObject, art *drafts.Article, a *drafts.Amendment) []fyne.CanvasObject {
	if a.BaseHash == art.TextHash() {
		return append(objs, textwidget.NewTracked(diff.OfAmendment(art.Text(), a, diff.Options{})))
	}
	o, ok := wb.other[a.ID]
	if !ok {
		// Not read with the list: its wording, as it was proposed.
		if a.Text != "" {
			objs = append(objs, textwidget.NewText(a.Text))
		}
		return objs
	}
	version := map[string]any{"N": a.DraftVersion}
	switch o.How {
	case round.Carried:
		line := tr("Carried over from version {{.N}}: made on an earlier wording of the article, its change applies to the current wording.", version)
		if a.Kind == drafts.Repeal {
			line = tr("Carried over from version {{.N}}: made on an earlier wording of the article, the repeal applies to the current wording.", version)
		}
		objs = append(objs, textwidget.NewStyledText(line, fyne.TextStyle{Italic: true}))
	case round.Stale:
		objs = append(objs, textwidget.NewStyledText(tr("Stale: made on version {{.N}}, its change collides with later changes to the article; it is shown against the wording it was made on.", version), fyne.TextStyle{Bold: true}))
	case round.AsMade:
		objs = append(objs, textwidget.NewStyledText(tr("Made on version {{.N}}: shown against the wording of the article it was made on.", version), fyne.TextStyle{Italic: true}))
	case round.Applied:
		objs = append(objs, textwidget.NewStyledText(tr("Applied in version {{.Applied}}: shown against the wording of version {{.N}} it was made on.", map[string]any{"N": a.DraftVersion, "Applied": o.Applied}), fyne.TextStyle{Italic: true}))
	case round.NewArticle:
		objs = append(objs, textwidget.NewStyledText(tr("Made on version {{.N}}, before this article's wording changed: the new article is shown as proposed.", version), fyne.TextStyle{Italic: true}))
	}
	shown := *a
	shown.Text = o.Text
	return append(objs, textwidget.NewTracked(diff.OfAmendment(o.Base, &shown, diff.Options{})))
}

// amendmentActions are the buttons, in a row read from the reading side
// (flowRow), for what the role may do with amendment a, of entry e on article art: with one of its own, edit or
// delete a draft, withdraw a submitted one not yet decided; the
// federation, on any submitted one, decide (decideButtons). nil when
// there is nothing to do.
func (wb *Workbench) amendmentActions(art *drafts.Article, e review.Entry, a drafts.Amendment) fyne.CanvasObject {
	var buttons []fyne.CanvasObject
	if wb.hasRole && a.Chamber == wb.role.Code {
		buttons = wb.ownActions(a)
	}
	if wb.reviewing() && a.Status == drafts.StatusSubmitted {
		buttons = append(buttons, wb.decideButtons(art, e, a)...)
	}
	if len(buttons) == 0 {
		return nil
	}
	// The federation's four buttons (six on its own undecided synthesis:
	// Withdraw and Supersede… besides) would widen a narrow window in one
	// line: they go on over another line
	// instead, each line starting from the reading side.
	return newFlowRow(rightToLeft(), buttons...)
}

// ownActions are the buttons for what a chamber may do with one of its
// own amendments: edit or delete a draft, withdraw a submitted one. A
// decided amendment can no longer be withdrawn (the store refuses it), so
// it offers nothing.
func (wb *Workbench) ownActions(a drafts.Amendment) []fyne.CanvasObject {
	var buttons []fyne.CanvasObject
	switch a.Status {
	case drafts.StatusDraft:
		buttons = append(buttons,
			mirrorIcon(widget.NewButtonWithIcon(tr("Edit"), theme.DocumentCreateIcon(), func() { wb.editAmendment(a) })),
			mirrorIcon(widget.NewButtonWithIcon(tr("Delete"), theme.DeleteIcon(), func() {
				wb.confirmThen(tr("Delete the draft"), tr("Delete"),
					tr("This draft amendment has not been submitted: deleting it removes it for good. Delete it?"),
					func() error { return wb.round.Delete(wb.role, a.ID) })
			})))
	case drafts.StatusSubmitted:
		if wb.decided[a.ID] != nil {
			return nil
		}
		buttons = append(buttons, mirrorIcon(widget.NewButtonWithIcon(tr("Withdraw"), theme.ContentUndoIcon(), func() {
			wb.confirmThen(tr("Withdraw the amendment"), tr("Withdraw"),
				tr("A withdrawn amendment stays on record, marked as withdrawn, and the federation sees that. It cannot be submitted again. Withdraw it?"),
				func() error {
					_, err := wb.round.Withdraw(wb.role, a.ID)
					return err
				})
		})))
	}
	return buttons
}

// amendmentReference is the line that names an amendment as people do on
// the phone, by its ID, with the date and time (the laptop's clock) it
// last changed: «رقم التعديل FM-7K3QX9AB — آخر تغيير 30/11/2026 14:05».
// The ID and the date are isolated so that they read left to right, whole,
// in an Arabic line.
func amendmentReference(a *drafts.Amendment) string {
	return tr("Amendment {{.ID}} — last changed {{.Date}}", map[string]any{
		"ID":   "\u2066" + a.ID + "\u2069",
		"Date": "\u2066" + a.Updated.Local().Format(dateLayout) + "\u2069",
	})
}

// dateLayout is how the interface writes a date and time: day first, as
// in Morocco, in every language; a no-break space keeps the time on the
// date's line.
const dateLayout = "02/01/2006\u00a015:04"

// reversed is objs in the other order: a row of buttons read right to left.
func reversed(objs []fyne.CanvasObject) []fyne.CanvasObject {
	out := slices.Clone(objs)
	slices.Reverse(out)
	return out
}

// confirmThen asks before doing act (a change to the store), does it off
// the UI goroutine, then shows the article's amendments again, or why act
// was refused.
func (wb *Workbench) confirmThen(title, verb, question string, act func() error) {
	// Deleting and withdrawing cannot be undone: Enter does not confirm.
	d := confirmModal(wb.win, title, verb, tr("Cancel"), textwidget.NewText(question), false, func(ok bool) {
		if !ok {
			return
		}
		wb.background(func() func() {
			err := act()
			return func() {
				if err != nil {
					showError(wb.win, err)
				}
				wb.reloadAmendments()
			}
		})
	})
	d.Resize(fyne.NewSize(480, 240))
	d.Show()
}

// amendmentSummary says in one line who proposed an amendment, what it
// does and where it stands.
func amendmentSummary(a *drafts.Amendment) string {
	who := a.Chamber
	if c, err := drafts.ChamberByCode(a.Chamber); err == nil {
		who = chamberLabel(c)
	}
	if a.Author != "" {
		who += " — " + a.Author
	}
	var kind string
	switch a.Kind {
	case drafts.Wording:
		kind = tr("New wording")
	case drafts.Repeal:
		kind = tr("Repeal")
	case drafts.Insert:
		kind = tr("New article {{.Number}} after this one", map[string]any{"Number": a.NewNumber})
	default:
		kind = string(a.Kind)
	}
	return who + " — " + kind + " — " + statusLabel(a.Status)
}

// statusLabel is an amendment's status as the interface says it.
func statusLabel(st drafts.Status) string {
	switch st {
	case drafts.StatusDraft:
		return tr("Draft")
	case drafts.StatusSubmitted:
		return tr("Submitted")
	case drafts.StatusWithdrawn:
		return tr("Withdrawn")
	}
	return string(st)
}
