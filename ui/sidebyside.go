package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/ui/textwidget"
)

// sideBySideButton is the review board's button that shows two of the
// article's amendments side by side (ShowSideBySide).
func (wb *Workbench) sideBySideButton() *widget.Button {
	return mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Side by side…")), theme.VisibilityIcon(), wb.ShowSideBySide))
}

// ShowSideBySide shows two amendments of the article on the review board
// side by side, each in a column: who proposed it, its ID, its change as
// its card shows it (appendChange: a tracked diff of the article, or for
// one made on an earlier wording, how it reads now) and its
// justification. Two choice lists, naming
// each amendment by chamber and ID, pick which; they start on the first
// two. In Arabic the first column is on the right; where the window is
// too narrow for two columns, the second goes under the first.
func (wb *Workbench) ShowSideBySide() {
	art, as := wb.board.art, wb.board.all
	if art == nil || len(as) < 2 {
		infoModal(wb.win, tr("Two amendments side by side"),
			textwidget.NewText(tr("This article does not have two amendments to compare."))).Show()
		return
	}
	names := make([]string, len(as))
	for i := range as {
		names[i] = chamberNames([]string{as[i].Chamber}) + " — \u2066" + as[i].ID + "\u2069"
	}
	cols := newSideColumns(rightToLeft())
	var pickers [2]fyne.CanvasObject
	for i := range 2 {
		c := newChoice(names)
		c.SetSelectedIndex(i)
		cols.set(i, wb.sideColumn(art, &as[i]))
		c.OnChanged = func(string) {
			if j := c.SelectedIndex(); j >= 0 {
				cols.set(i, wb.sideColumn(art, &as[j]))
			}
		}
		pickers[i] = container.NewVBox(label([]string{tr("First amendment"), tr("Second amendment")}[i]), c)
	}
	// The choice lists stand over the columns they choose, and stack
	// with them where the window is narrow.
	top := newSideColumns(rightToLeft())
	top.set(0, pickers[0])
	top.set(1, pickers[1])
	body := container.NewBorder(top, nil, nil, nil, container.NewVScroll(cols))
	m := infoModal(wb.win, tr("Two amendments side by side"), body)
	// Wide enough for two columns, within the window.
	win := wb.win.Canvas().Size()
	m.Resize(fyne.NewSize(min(1000, win.Width-40), min(640, win.Height-40)))
	m.Show()
}

// sideColumn is amendment a of article art as a column of the side by
// side dialog.
func (wb *Workbench) sideColumn(art *drafts.Article, a *drafts.Amendment) fyne.CanvasObject {
	objs := []fyne.CanvasObject{
		textwidget.NewStyledText(amendmentSummary(a), fyne.TextStyle{Bold: true}),
		textwidget.NewText(amendmentReference(a)),
	}
	if d := wb.decided[a.ID]; d != nil {
		objs = append(objs, textwidget.NewStyledText(decisionLine(a, d), fyne.TextStyle{Bold: true}))
	}
	objs = wb.appendChange(objs, art, a)
	if a.Justification != "" {
		objs = append(objs, label(tr("Justification")), textwidget.NewText(a.Justification))
	}
	return container.NewVBox(objs...)
}

// sideColumns shows two objects side by side, the first on the reading side
// (on the right in Arabic), each half the width, or the second under the
// first where the width is too narrow for two columns of text. Like a
// wrapped text, its height follows its width.
type sideColumns struct {
	widget.BaseWidget
	objs [2]fyne.CanvasObject
	rtl  bool
}

// newSideColumns is an empty sideColumns; rtl puts the first on the right.
func newSideColumns(rtl bool) *sideColumns {
	c := &sideColumns{rtl: rtl}
	for i := range c.objs {
		c.objs[i] = container.NewVBox()
	}
	c.ExtendBaseWidget(c)
	return c
}

// set shows o as column i (0 or 1).
func (c *sideColumns) set(i int, o fyne.CanvasObject) {
	c.objs[i] = o
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *sideColumns) CreateRenderer() fyne.WidgetRenderer { return &sideColumnsRenderer{c: c} }

type sideColumnsRenderer struct{ c *sideColumns }

// sideBySide reports whether a width holds two columns: each of about 22
// times the text size, enough for a line of several words.
func (r *sideColumnsRenderer) sideBySide(width float32) bool {
	th := r.c.Theme()
	return width >= 2*22*th.Size(theme.SizeNameText)+th.Size(theme.SizeNamePadding)
}

func (r *sideColumnsRenderer) Layout(size fyne.Size) {
	pad := r.c.Theme().Size(theme.SizeNamePadding) * 2
	first, second := r.c.objs[0], r.c.objs[1]
	if !r.sideBySide(size.Width) {
		first.Move(fyne.NewPos(0, 0))
		first.Resize(fyne.NewSize(size.Width, first.MinSize().Height))
		y := first.MinSize().Height + pad
		second.Move(fyne.NewPos(0, y))
		second.Resize(fyne.NewSize(size.Width, second.MinSize().Height))
		return
	}
	w := (size.Width - pad) / 2
	x0, x1 := float32(0), w+pad
	if r.c.rtl {
		x0, x1 = x1, x0
	}
	first.Move(fyne.NewPos(x0, 0))
	first.Resize(fyne.NewSize(w, size.Height))
	second.Move(fyne.NewPos(x1, 0))
	second.Resize(fyne.NewSize(w, size.Height))
}

func (r *sideColumnsRenderer) MinSize() fyne.Size {
	pad := r.c.Theme().Size(theme.SizeNamePadding) * 2
	a, b := r.c.objs[0].MinSize(), r.c.objs[1].MinSize()
	width := r.c.Size().Width
	if width > 0 && !r.sideBySide(width) {
		return fyne.NewSize(max(a.Width, b.Width), a.Height+pad+b.Height)
	}
	return fyne.NewSize(max(a.Width, b.Width), max(a.Height, b.Height))
}

func (r *sideColumnsRenderer) Refresh() {
	r.Layout(r.c.Size())
	for _, o := range r.c.objs {
		o.Refresh()
	}
}

func (r *sideColumnsRenderer) Objects() []fyne.CanvasObject { return r.c.objs[:] }

func (r *sideColumnsRenderer) Destroy() {}
