package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/round"
	"statute/ui/textwidget"
)

// headingRow is the article's heading with the button that shows the
// article in the draft's earlier versions (ShowEarlierVersions) at the
// row's end, on the left in a right-to-left interface: beside the
// heading rather than on a line of its own, it leaves the article's text
// its place in a small window. The button stands at the top of its own
// column, so that it keeps its height beside a heading of several lines.
// The row takes the heading's place in the article view while a draft
// with more than one version is shown (showEarlierVersionsButton).
func (wb *Workbench) headingRow(rtl bool) fyne.CanvasObject {
	b := mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Earlier versions…")), theme.HistoryIcon(), wb.ShowEarlierVersions))
	col := container.NewVBox(b)
	if rtl {
		return container.NewBorder(nil, nil, col, nil, wb.header)
	}
	return container.NewBorder(nil, nil, nil, col, wb.header)
}

// showEarlierVersionsButton shows the heading with the earlier versions
// button when the draft shown has earlier versions, and the heading alone
// otherwise.
func (wb *Workbench) showEarlierVersionsButton() {
	box, ok := wb.textScroll.Content.(*fyne.Container)
	if !ok || wb.earlier == nil || len(box.Objects) != 3 {
		return
	}
	head := fyne.CanvasObject(wb.header)
	if wb.draft != nil && wb.draft.Version > 1 {
		head = wb.earlier
	}
	if box.Objects[1] != head {
		box.Objects[1] = head
		box.Refresh()
	}
}

// ShowEarlierVersions shows the article shown as each earlier version of
// the draft had it (round.ArticleVersions, read off the UI goroutine): a
// choice list of those versions, the latest first, each named by its
// number, import date and source file; and for the one chosen, the
// article's wording there, its changes from there to the version shown
// as a tracked diff, and the amendments that made them when a
// consolidation recorded them. An article new since a version says so.
// Escape closes it.
func (wb *Workbench) ShowEarlierVersions() {
	d := wb.draft
	if d == nil || wb.current < 0 || wb.current >= len(d.Articles) {
		return
	}
	art := &d.Articles[wb.current]
	r := wb.round
	wb.background(func() func() {
		avs, err := r.ArticleVersions(d, art.Key)
		return func() {
			if err != nil {
				showError(wb.win, err)
				return
			}
			wb.earlierVersionsDialog(d, art, avs)
		}
	})
}

// earlierVersionsDialog is the dialog of ShowEarlierVersions, on the
// versions read.
func (wb *Workbench) earlierVersionsDialog(d *drafts.Draft, art *drafts.Article, avs []round.ArticleVersion) {
	title := tr("{{.Article}} in earlier versions", map[string]any{"Article": d.Word() + " " + art.Number})
	if len(avs) == 0 {
		infoModal(wb.win, title, textwidget.NewText(tr("The draft has no earlier version."))).Show()
		return
	}
	// The latest earlier version first: the one most often asked about.
	avs = slices.Clone(avs)
	slices.Reverse(avs)
	names := make([]string, len(avs))
	for i, av := range avs {
		names[i] = versionName(av)
	}
	shown := container.NewVBox()
	choice := newChoice(names)
	choice.OnChanged = func(string) {
		if i := choice.SelectedIndex(); i >= 0 {
			shown.Objects = earlierVersion(d, art, avs[i])
			shown.Refresh()
		}
	}
	choice.SetSelectedIndex(0)
	top := container.NewVBox(label(tr("Version")), choice)
	body := container.NewBorder(top, nil, nil, nil, container.NewVScroll(shown))
	m := infoModal(wb.win, title, body)
	win := wb.win.Canvas().Size()
	m.Resize(fyne.NewSize(min(900, win.Width-40), min(680, win.Height-40)))
	m.Show()
}

// versionName names an earlier version in the choice list: «الإصدار 1 —
// 01/12/2026 02:40 — sample-draft.md», or for a version made by
// consolidation or renumbering, how and from which version.
func versionName(av round.ArticleVersion) string {
	name := tr("Version {{.Version}} — {{.Date}}", map[string]any{
		"Version": av.Version,
		"Date":    "\u2066" + av.Imported.Local().Format(dateLayout) + "\u2069",
	})
	switch {
	case av.Made == round.Consolidated:
		name += " — " + tr("consolidated from version {{.N}}", map[string]any{"N": av.From})
	case av.Made == round.Renumbered:
		name += " — " + tr("renumbered from version {{.N}}", map[string]any{"N": av.From})
	case av.Source != "":
		name += " — \u2066" + av.Source + "\u2069"
	}
	return name
}

// earlierVersion is what the dialog shows of the article in version av:
// its wording there, and its changes since to the wording of art in d,
// with the amendments that made them.
func earlierVersion(d *drafts.Draft, art *drafts.Article, av round.ArticleVersion) []fyne.CanvasObject {
	if !av.Found {
		return []fyne.CanvasObject{textwidget.NewText(tr("Version {{.Version}} did not have this article: it was added in a later version.", map[string]any{"Version": av.Version}))}
	}
	objs := []fyne.CanvasObject{
		label(tr("Wording in version {{.Version}}: {{.Article}}", map[string]any{"Version": av.Version, "Article": d.Word() + " " + av.Number})),
		textwidget.NewText(av.Text),
		label(tr("Changes from version {{.From}} to version {{.To}}", map[string]any{"From": av.Version, "To": d.Version})),
	}
	if av.Text == art.Text() {
		return append(objs, textwidget.NewText(tr("None: the wording is the same in both versions.")))
	}
	objs = append(objs, textwidget.NewTracked(diff.Words(av.Text, art.Text(), diff.Options{})))
	if len(av.Sources) == 0 {
		return append(objs, textwidget.NewStyledText(tr("No amendment is recorded as the source of these changes."), fyne.TextStyle{Italic: true}))
	}
	objs = append(objs, label(tr("Amendments that made these changes")))
	for _, s := range av.Sources {
		objs = append(objs, textwidget.NewText(chamberNames([]string{s.Chamber})+" — \u2066"+s.Amendment+"\u2069"))
	}
	return objs
}
