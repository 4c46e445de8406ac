package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/diff"
)

// showAmendments lists the amendments to the article shown: who proposed
// what, as a tracked-change diff of the article, in what state, and why.
func (wb *Workbench) showAmendments(art *drafts.Article, as []drafts.Amendment) {
	rtl := rightToLeft()
	wb.amendTitle.SetText(lang.N("{{.Count}} amendments", len(as), map[string]any{"Count": len(as)}))
	objs := make([]fyne.CanvasObject, 0, 4*len(as)+1)
	if wb.hasRole {
		objs = append(objs, buttonRow(widget.NewButtonWithIcon(lang.L("Propose an amendment"), theme.ContentAddIcon(), wb.ProposeAmendment)))
	}
	for i := range as {
		a := &as[i]
		objs = append(objs, newStatuteLine(amendmentSummary(a), fyne.TextStyle{Bold: true}))
		if wb.hasRole && a.Chamber == wb.role.Code && a.Status == drafts.StatusDraft {
			edit := *a
			objs = append(objs, buttonRow(widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() { wb.editAmendment(edit) })))
		}
		switch {
		case a.BaseHash == art.TextHash():
			objs = append(objs, newTrackedText(diff.OfAmendment(art.Text(), a, diff.Options{})))
		case a.Text != "":
			// made against another wording of the article: no diff to show
			objs = append(objs, newStatuteText(a.Text))
		}
		if a.Justification != "" {
			objs = append(objs,
				widget.NewLabelWithStyle(lang.L("Justification"), alignment(rtl), fyne.TextStyle{Italic: true}),
				newStatuteText(a.Justification))
		}
		objs = append(objs, widget.NewSeparator())
	}
	wb.amendList.Objects = objs
	wb.amendList.Refresh()
}

// amendmentSummary says in one line who proposed an amendment, what it
// does and where it stands.
func amendmentSummary(a *drafts.Amendment) string {
	who := a.Chamber
	if c, err := drafts.ChamberByCode(a.Chamber); err == nil {
		who = chamberLabel(c)
	}
	var kind string
	switch a.Kind {
	case drafts.Wording:
		kind = lang.L("New wording")
	case drafts.Repeal:
		kind = lang.L("Repeal")
	case drafts.Insert:
		kind = lang.L("New article {{.Number}} after this one", map[string]any{"Number": a.NewNumber})
	default:
		kind = string(a.Kind)
	}
	status := string(a.Status)
	switch a.Status {
	case drafts.StatusDraft:
		status = lang.L("Draft")
	case drafts.StatusSubmitted:
		status = lang.L("Submitted")
	}
	return who + " — " + kind + " — " + status
}
