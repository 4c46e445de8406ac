package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/review"
	"statute/drafts/round"
	"statute/ui/textwidget"
)

// board is the federation's review board, on the article view: filters
// over the article's amendments (chamber, kind, status) and their order,
// the identical proposals shown as one entry with all their chambers
// (review.Group), and the round's overview. Only the federation's legal
// staff review; a chamber's laptop shows its amendments one by one.
type board struct {
	filter review.Filter
	// competingOnly keeps the proposals that compete with another.
	competingOnly bool
	// competes says, by the ID of an entry's first amendment, what the
	// entry competes with: the line its card shows.
	competes map[string]string
	// The article shown and all its amendments, before the filter: a
	// change of filter shows them again without reading the store.
	art *drafts.Article
	all []drafts.Amendment

	bar fyne.CanvasObject // the filters and the overview button, made once
}

// reviewing reports whether the window is the federation's review board.
func (wb *Workbench) reviewing() bool {
	return wb.hasRole && wb.role.Code == drafts.FederationCode
}

// boardBar returns the board's filters and overview button, made the first
// time; a language change rebuilds the window, and with it the bar.
func (wb *Workbench) boardBar() fyne.CanvasObject {
	b := &wb.board
	if b.bar != nil {
		return b.bar
	}
	chambers := drafts.Chambers()
	chamberNames := []string{tr("All chambers")}
	for _, c := range chambers {
		chamberNames = append(chamberNames, chamberLabel(c))
	}
	chamber := newChoice(chamberNames)
	kinds := []drafts.AmendmentKind{"", drafts.Wording, drafts.Repeal, drafts.Insert}
	kind := newChoice([]string{tr("All kinds"), tr("New wording"), tr("Repeal"), tr("New article")})
	statuses := []drafts.Status{"", drafts.StatusSubmitted, drafts.StatusWithdrawn}
	status := newChoice([]string{tr("All statuses"), tr("Submitted"), tr("Withdrawn")})
	order := newChoice([]string{tr("Oldest first"), tr("By chamber")})
	competing := newChoice([]string{tr("All proposals"), tr("Competing proposals only")})
	lists := []*choiceList{chamber, kind, status, order, competing}
	for _, c := range lists {
		c.SetSelectedIndex(0)
	}
	changed := func(string) {
		f := review.Filter{Kind: kinds[max(kind.SelectedIndex(), 0)], Status: statuses[max(status.SelectedIndex(), 0)], ByChamber: order.SelectedIndex() == 1}
		if i := chamber.SelectedIndex(); i > 0 {
			f.Chamber = chambers[i-1].Code
		}
		only := competing.SelectedIndex() == 1
		if (f != b.filter || only != b.competingOnly) && b.art != nil {
			b.filter, b.competingOnly = f, only
			wb.showAmendments(b.art, b.all, wb.log)
		}
	}
	for _, c := range lists {
		c.OnChanged = changed
	}
	overview := mirrorIcon(widget.NewButtonWithIcon(tr("Overview of the round"), theme.InfoIcon(), wb.ShowOverview))
	b.bar = container.NewVBox(inReadingOrder(container.NewGridWithColumns(2), chamber, kind, status, order, competing), newFlowRow(rightToLeft(), overview, wb.sideBySideButton(), mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Consolidate…")), theme.DocumentIcon(), wb.Consolidate)),
		mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Export…")), theme.DocumentSaveIcon(), wb.ShowExport)),
		mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Import a draft…")), theme.FolderOpenIcon(), wb.ImportDraft)),
		mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Exchange packages…")), theme.MailComposeIcon(), wb.ShowExchange))))
	return b.bar
}

// inReadingOrder fills grid with objs, each row in the reading order of the
// interface: right to left in Arabic.
func inReadingOrder(grid *fyne.Container, objs ...fyne.CanvasObject) *fyne.Container {
	cols := 2
	for i := 0; i < len(objs); i += cols {
		row := objs[i:min(i+cols, len(objs))]
		if rightToLeft() {
			row = reversed(row)
		}
		grid.Objects = append(grid.Objects, row...)
	}
	return grid
}

// entries are the amendments to art as the window lists them: for the
// review board, the identical proposals as one entry, each knowing what it
// competes with (review.Competing), only those that compete when asked;
// one entry each otherwise.
func (wb *Workbench) entries(art *drafts.Article, as []drafts.Amendment) []review.Entry {
	if wb.reviewing() {
		return wb.board.group(art, as, wb.other)
	}
	es := make([]review.Entry, len(as))
	for i := range as {
		es[i] = review.Entry{Amendments: as[i : i+1], Chambers: []string{as[i].Chamber}}
	}
	return es
}

// sameProposal is the line that heads an entry of several amendments:
// «الاقتراح نفسه من فاس مكناس (FM)، الدار البيضاء سطات (CS)».
func sameProposal(e review.Entry) string {
	return tr("The same proposal from {{.Chambers}}", map[string]any{"Chambers": chamberNames(e.Chambers)})
}

// chamberNames names the chambers of codes as the interface does, joined.
func chamberNames(codes []string) string {
	names := make([]string, len(codes))
	for i, code := range codes {
		names[i] = code
		if c, err := drafts.ChamberByCode(code); err == nil {
			names[i] = chamberLabel(c)
		}
	}
	return strings.Join(names, tr(", "))
}

// group makes the board's entries of an article's amendments: identical
// proposals as one, what each competes with noted for its card (those
// made on an earlier wording by their change carried onto this one, from
// other, the article's readings), and only those that compete when the
// board is asked for them.
func (b *board) group(art *drafts.Article, as []drafts.Amendment, other map[string]round.Reading) []review.Entry {
	es := review.Group(as)
	b.competes = map[string]string{}
	competing := map[int]bool{}
	carried := map[string]string{}
	for id, rd := range other {
		if rd.How == round.Carried {
			carried[id] = rd.Text
		}
	}
	for _, c := range review.Competing(art.Text(), es, carried) {
		for _, i := range c.Entries {
			competing[i] = true
			var others []string
			for _, j := range c.Entries {
				if j != i {
					others = append(others, chamberNames(es[j].Chambers))
				}
			}
			with := strings.Join(others, tr(", "))
			line := tr("Competes with {{.Others}} over the whole article", map[string]any{"Others": with})
			if c.Words != "" {
				line = tr("Competes with {{.Others}} over «{{.Words}}»", map[string]any{"Others": with, "Words": c.Words})
			}
			id := es[i].Amendments[0].ID
			if prev, ok := b.competes[id]; ok {
				line = prev + "\n" + line
			}
			b.competes[id] = line
		}
	}
	if !b.competingOnly {
		return es
	}
	var kept []review.Entry
	for i, e := range es {
		if competing[i] {
			kept = append(kept, e)
		}
	}
	return kept
}

// ShowOverview shows the round's overview: each chamber's amendments by
// status, and the numbers proposed for new articles that clash. It reads
// the round's amendments off the UI goroutine.
func (wb *Workbench) ShowOverview() {
	d := wb.draft
	if d == nil {
		return
	}
	wb.background(func() func() {
		as, err := wb.store.Amendments(round.Visible(drafts.Federation, d.ID))
		return func() {
			if err != nil {
				showError(wb.win, err)
				return
			}
			m := infoModal(wb.win, tr("Overview of the round"), container.NewVScroll(textwidget.NewText(overviewText(review.Summarize(d, as), d))))
			m.Resize(fyne.NewSize(560, 420))
			m.Show()
		}
	})
}

// overviewText is the overview as the dialog says it.
func overviewText(o review.Overview, d *drafts.Draft) string {
	var b strings.Builder
	if len(o.Chambers) == 0 {
		b.WriteString(tr("No chamber has submitted an amendment yet."))
	}
	for _, c := range o.Chambers {
		name := c.Chamber
		if ch, err := drafts.ChamberByCode(c.Chamber); err == nil {
			name = chamberLabel(ch)
		}
		var parts []string
		for _, st := range []drafts.Status{drafts.StatusSubmitted, drafts.StatusWithdrawn, drafts.StatusDraft} {
			if n := c.ByStatus[st]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", statusLabel(st), n))
			}
		}
		b.WriteString(name + ": " + strings.Join(parts, tr(", ")) + "\n")
	}
	for _, c := range o.Clashes {
		ids := make([]string, len(c.Amendments))
		for i, id := range c.Amendments {
			ids[i] = "\u2066" + id + "\u2069"
		}
		key := "\u2066" + c.Key + "\u2069"
		if a := d.Article(c.Key); c.Existing && a != nil {
			key = d.ArticleTitle(a)
		}
		if c.Existing {
			b.WriteString("\n" + tr("The number {{.Number}} is proposed for a new article, but the draft has it ({{.IDs}}).", map[string]any{"Number": key, "IDs": strings.Join(ids, tr(", "))}))
		} else {
			b.WriteString("\n" + tr("Different proposals ask for the number {{.Number}} ({{.IDs}}).", map[string]any{"Number": key, "IDs": strings.Join(ids, tr(", "))}))
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
