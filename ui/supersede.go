package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/ui/textwidget"
)

// replaceable are the amendments of the article shown that the
// federation's synthesis a may take the place of: the others submitted,
// decided or not (a supersede revises their decision). The round checks
// them again when the supersede is recorded (round.Decide).
func (wb *Workbench) replaceable(a drafts.Amendment) []drafts.Amendment {
	var out []drafts.Amendment
	for _, o := range wb.board.all {
		if o.ID != a.ID && o.Article == a.Article && o.Status == drafts.StatusSubmitted {
			out = append(out, o)
		}
	}
	return out
}

// supersedeButton is the button on the federation's own submitted,
// undecided amendment a to article art that puts it in place of others,
// or nil when it is not that, or there are no others to replace.
func (wb *Workbench) supersedeButton(art *drafts.Article, a drafts.Amendment) fyne.CanvasObject {
	if a.Chamber != drafts.FederationCode || a.Status != drafts.StatusSubmitted ||
		wb.decided[a.ID] != nil || len(wb.replaceable(a)) == 0 {
		return nil
	}
	return widget.NewButton(uiLine(tr("Supersede…")), func() { wb.supersede(art, a) })
}

// superseder is the open supersede dialog: a row per amendment it may
// replace, and the note.
type superseder struct {
	candidates []drafts.Amendment
	rows       []*pickRow
	note       *textwidget.Editor
}

// picked are the IDs of the amendments ticked, in the order listed.
func (s *superseder) picked() []string {
	var ids []string
	for i, r := range s.rows {
		if r.Checked() {
			ids = append(ids, s.candidates[i].ID)
		}
	}
	return ids
}

// supersede asks which of the article's other submitted amendments the
// federation's synthesis a takes the place of (each ticked on a row that
// shows its chamber, its ID and its change), and for a note; confirmed,
// it records the supersede off the UI goroutine and shows the amendments
// again, the replaced ones saying that a supersedes them. The confirm
// button waits for one to be ticked.
func (wb *Workbench) supersede(art *drafts.Article, a drafts.Amendment) {
	s := &superseder{candidates: wb.replaceable(a), note: textwidget.NewEditor(wb.app)}
	id := "\u2066" + a.ID + "\u2069"
	body := []fyne.CanvasObject{
		textwidget.NewText(tr("Tick the amendments to this article that the federation's synthesis takes the place of. Each will then read that {{.ID}} supersedes it.", map[string]any{"ID": id})),
	}
	no := widget.NewButtonWithIcon(tr("Cancel"), theme.CancelIcon(), nil)
	yes := widget.NewButtonWithIcon(tr("Supersede"), theme.ConfirmIcon(), nil)
	yes.Importance = widget.HighImportance
	yes.Disable()
	for i := range s.candidates {
		o := &s.candidates[i]
		parts := []fyne.CanvasObject{textwidget.NewStyledText(chamberNames([]string{o.Chamber})+" — \u2066"+o.ID+"\u2069", fyne.TextStyle{Bold: true})}
		if d := wb.decided[o.ID]; d != nil {
			parts = append(parts, textwidget.NewStyledText(decisionLine(o, d), fyne.TextStyle{Italic: true}))
		}
		parts = wb.appendChange(parts, art, o)
		row := newPickRow(container.NewVBox(parts...), rightToLeft())
		row.OnChanged = func(bool) {
			if len(s.picked()) > 0 {
				yes.Enable()
			} else {
				yes.Disable()
			}
		}
		s.rows = append(s.rows, row)
		body = append(body, row)
	}
	body = append(body, label(tr("Note (why; the chambers see it)")), s.note)
	done := func(ok bool) {
		if ok {
			wb.recordSupersede(a.ID, s.picked(), s.note.Text())
		}
	}
	no.OnTapped = func() { done(false) }
	yes.OnTapped = func() { done(true) }
	scroll := container.NewVScroll(container.NewVBox(body...))
	m := newModal(wb.win, tr("Put {{.ID}} in place of other amendments", map[string]any{"ID": id}), scroll, mirrorIcon(no), mirrorIcon(yes))
	m.dismiss = func() {
		m.Hide()
		done(false)
	}
	for _, r := range s.rows {
		r.OnEscape = m.dismiss
	}
	s.note.SetScroll(scroll)
	s.note.SetOnEscape(m.dismiss)
	m.Resize(fyne.NewSize(640, 520))
	m.Show()
}

// recordSupersede records, off the UI goroutine, that the federation's
// synthesis id takes the place of the amendments replaces, then shows the
// amendments again, or the round's refusal; a locked key is asked for
// first (unlockFor).
func (wb *Workbench) recordSupersede(id string, replaces []string, note string) {
	wb.background(func() func() {
		_, err := wb.round.Decide(drafts.Federation, id, drafts.Supersede, "", replaces, note)
		return func() {
			if wb.unlockFor(err, func() { wb.recordSupersede(id, replaces, note) }) {
				return
			}
			if err != nil {
				showError(wb.win, err)
			}
			wb.reloadAmendments()
		}
	})
}
