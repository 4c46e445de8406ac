package ui

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/ui/textwidget"
)

// outline is the draft's table of contents: its divisions as branches and
// its articles as leaves, each article with a count: for a chamber, the
// number of amendments it may see; for the federation, the number of
// submitted amendments still undecided, the round's submitted amendments
// minus those with a current decision, from one read of the decision log
// per refresh, off the UI goroutine (round.UndecidedCountsIn). Node IDs are
// "d<division index>" and "a<article index>".
//
// A title too long for the outline's width is cut short with «…» (rows
// have one height; the article's heading shows it whole), and the counts
// stand in one column whatever the depth of their article. Up and Down
// move through the rows, Enter or Space opens the article.
type outline struct {
	tree     *outlineTree
	view     fyne.CanvasObject // the tree, at least sideEms wide
	draft    *drafts.Draft
	children map[widget.TreeNodeID][]widget.TreeNodeID
	maxDepth int    // the deepest article's, the top level 0
	counts   []int  // by article index
	widest   string // the widest count, as shown
	rtl      bool
	// shown remembers which node each row shows: selecting a node
	// refreshes every visible row, and setting an unchanged text again
	// would measure it again, which made switching articles slow.
	shown map[fyne.CanvasObject]widget.TreeNodeID
	// drawnWith is the theme the rows in shown were drawn with.
	drawnWith fyne.Theme
	// selecting is set while the outline follows the article shown, so
	// that doing so does not ask to show it again.
	selecting bool
}

// titleEms is how much of a title, in text sizes, the outline shows at its
// narrowest: the article's number and a word or two of its heading.
const titleEms = 6

// outlineTree is the outline's Fyne tree, which opens the focused row on
// Enter as well as on Space, and passes on the window's keys.
type outlineTree struct {
	widget.Tree
	// other takes the keys the tree does not use (PageDown, PageUp, F8,
	// Escape), so that they move between articles while it has the
	// keyboard, as they do when nothing has.
	other func(*fyne.KeyEvent)
}

// TypedKey implements fyne.Focusable: Enter (the main key or the keypad's)
// opens the focused row, as Space does.
func (t *outlineTree) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		ev = &fyne.KeyEvent{Name: fyne.KeySpace, Physical: ev.Physical}
	case fyne.KeyPageDown, fyne.KeyPageUp, fyne.KeyF8, fyne.KeyEscape:
		if t.other != nil {
			t.other(ev)
			return
		}
	}
	t.Tree.TypedKey(ev)
}

func newOutline(onArticle func(i int)) *outline {
	o := &outline{children: map[widget.TreeNodeID][]widget.TreeNodeID{}, shown: map[fyne.CanvasObject]widget.TreeNodeID{}, rtl: rightToLeft()}
	t := &outlineTree{}
	t.ChildUIDs = func(id widget.TreeNodeID) []widget.TreeNodeID { return o.children[id] }
	t.IsBranch = func(id widget.TreeNodeID) bool { return id == "" || strings.HasPrefix(id, "d") }
	t.CreateNode = func(bool) fyne.CanvasObject {
		count := widget.NewLabel("")
		count.Importance = widget.LowImportance
		count.Alignment = fyne.TextAlignTrailing
		row := &outlineRow{o: o}
		tap := &rowTap{onTap: func() { o.tapped(row.id) }}
		tap.ExtendBaseWidget(tap)
		row.box = container.New(row, textwidget.NewTruncated("", fyne.TextStyle{}), count, tap)
		return row.box
	}
	t.UpdateNode = o.update
	t.ExtendBaseWidget(t)
	o.tree = t
	o.view = container.New(minWidth{o.minWidth}, t)
	o.tree.OnSelected = func(id widget.TreeNodeID) {
		if i, ok := articleIndex(id); ok && !o.selecting {
			onArticle(i)
		}
	}
	return o
}

// minWidth lays out one object over its whole space, and asks for at
// least the width least returns.
type minWidth struct{ least func() float32 }

func (l minWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := fyne.NewSize(l.least(), 0)
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// minWidth is the narrowest the outline, or the search results in its
// place, may be: the deepest article's row with titleEms of its title and
// its count. Divider drags and small windows stop there.
func (o *outline) minWidth() float32 {
	th := o.tree.Theme()
	pad, icon := th.Size(theme.SizeNamePadding), th.Size(theme.SizeNameInlineIcon)
	return 2*pad + icon + float32(o.maxDepth)*o.indentStep() + o.countWidth() + titleEms*th.Size(theme.SizeNameText)
}

// outlineRow lays out a row's title and count. The count column is as
// wide as the widest count and stands at the same place in every row: at
// the right end of left-to-right rows; in Arabic at the left end of the
// row, in the room the tree leaves there for indentation and for an arrow
// that an article's row does not have (the tree does not mirror: it
// indents from the left whatever the language).
type outlineRow struct {
	o       *outline
	box     *fyne.Container // the row's content, which the tree places
	id      widget.TreeNodeID
	article bool
}

func (l *outlineRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	title, count, tap := objs[0], objs[1], objs[2]
	tap.Move(fyne.NewPos(0, 0))
	tap.Resize(size)
	if !l.article {
		title.Move(fyne.NewPos(0, 0))
		title.Resize(size)
		return
	}
	cw := min(l.o.countWidth(), size.Width)
	if !l.o.rtl {
		x := size.Width - cw
		title.Move(fyne.NewPos(0, 0))
		title.Resize(fyne.NewSize(x, size.Height))
		count.Move(fyne.NewPos(x, 0))
		count.Resize(fyne.NewSize(cw, size.Height))
		return
	}
	// The tree places the row's content after the indentation and the
	// arrow's room: the count goes back to the row's left padding, and
	// the title starts after it should a shallow row leave too little room.
	from := l.box.Position().X
	left := theme.Padding() - from
	start := min(max(0, left+cw), size.Width)
	title.Move(fyne.NewPos(start, 0))
	title.Resize(fyne.NewSize(size.Width-start, size.Height))
	count.Move(fyne.NewPos(left, 0))
	count.Resize(fyne.NewSize(cw, size.Height))
	// A tap on the count is the row's too.
	tap.Move(fyne.NewPos(min(0, left), 0))
	tap.Resize(fyne.NewSize(size.Width-min(0, left), size.Height))
}

// rowTap takes the taps on a row's content, over its title and count. A
// tap on a row of Fyne's tree selects it and gives the tree the keyboard,
// looking the tree's window up by the widget.Tree, which an extended tree
// (outlineTree) is not known by: the keyboard would stay where it was, and
// Up, Down and Enter would not reach the outline. So the outline selects
// and focuses itself.
type rowTap struct {
	widget.BaseWidget
	onTap func()
}

func (r *rowTap) Tapped(*fyne.PointEvent) { r.onTap() }

func (r *rowTap) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// tapped selects the row id, which opens an article, and gives the outline
// the keyboard.
func (o *outline) tapped(id widget.TreeNodeID) {
	if id == "" {
		return
	}
	o.tree.Select(id)
	if c := fyne.CurrentApp().Driver().CanvasForObject(o.tree); c != nil && c.Focused() != o.tree {
		c.Focus(o.tree)
	}
}

func (l *outlineRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t, c := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(t.Width+l.o.countWidth(), max(t.Height, c.Height))
}

// countWidth is the width of the count column: the widest count's label.
func (o *outline) countWidth() float32 {
	w := o.widest
	if w == "" {
		w = "0"
	}
	return fyne.MeasureText(w, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
}

// indentStep is how much further right the tree draws each level: the
// width of a branch's arrow and a padding (Fyne's treeNode.Indent).
func (o *outline) indentStep() float32 {
	th := o.tree.Theme()
	return th.Size(theme.SizeNameInlineIcon) + th.Size(theme.SizeNamePadding)
}

// setDraft fills the outline with d and the count per article key (the
// outline's).
func (o *outline) setDraft(d *drafts.Draft, counts map[string]int) {
	o.draft = d
	clear(o.shown)
	o.children = outlineChildren(d)
	o.maxDepth = 0
	var measure func(id widget.TreeNodeID, depth int)
	measure = func(id widget.TreeNodeID, depth int) {
		for _, c := range o.children[id] {
			if strings.HasPrefix(c, "a") {
				o.maxDepth = max(o.maxDepth, depth)
			}
			measure(c, depth+1)
		}
	}
	measure("", 0)
	o.counts = make([]int, len(d.Articles))
	most := 0
	for i := range d.Articles {
		o.counts[i] = counts[d.Articles[i].Key]
		most = max(most, o.counts[i])
	}
	o.widest = strconv.Itoa(most)
	o.tree.Refresh()
	o.tree.OpenAllBranches()
}

// outlineChildren places each division under its parent and each article
// under its innermost division, in the order of the text: a division comes
// where its first article does, and one without articles after its
// parent's other children.
func outlineChildren(d *drafts.Draft) map[widget.TreeNodeID][]widget.TreeNodeID {
	children := map[widget.TreeNodeID][]widget.TreeNodeID{}
	placed := make([]bool, len(d.Divisions))
	var place func(div int)
	place = func(div int) {
		if div < 0 || div >= len(d.Divisions) || placed[div] {
			return
		}
		placed[div] = true
		parent := d.Divisions[div].Parent
		place(parent)
		children[divisionID(parent)] = append(children[divisionID(parent)], divisionID(div))
	}
	for i := range d.Articles {
		div := d.Articles[i].Division
		if div >= len(d.Divisions) {
			div = -1
		}
		place(div)
		children[divisionID(div)] = append(children[divisionID(div)], "a"+strconv.Itoa(i))
	}
	for div := range d.Divisions {
		place(div)
	}
	return children
}

func divisionID(div int) widget.TreeNodeID {
	if div < 0 {
		return ""
	}
	return "d" + strconv.Itoa(div)
}

func articleIndex(id widget.TreeNodeID) (int, bool) {
	if !strings.HasPrefix(id, "a") {
		return 0, false
	}
	i, err := strconv.Atoi(id[1:])
	return i, err == nil
}

func (o *outline) update(id widget.TreeNodeID, _ bool, obj fyne.CanvasObject) {
	c := obj.(*fyne.Container)
	text, count := c.Objects[0].(*textwidget.Text), c.Objects[1].(*widget.Label)
	row := c.Layout.(*outlineRow)
	if o.draft == nil {
		return
	}
	if th := o.tree.Theme(); th != o.drawnWith {
		// Another text size or font: every row is drawn again, including
		// those that were not in the window when the theme changed (the
		// propose screen was open, say).
		clear(o.shown)
		o.drawnWith = th
	}
	if last, ok := o.shown[obj]; ok && last == id {
		return
	}
	o.shown[obj] = id
	if i, ok := articleIndex(id); ok && i < len(o.draft.Articles) {
		setText(text, articleTitle(o.draft, &o.draft.Articles[i]))
		setLabel(count, strconv.Itoa(o.counts[i]))
		count.Show()
		row.id, row.article = id, true
	} else if div, err := strconv.Atoi(strings.TrimPrefix(id, "d")); err == nil && div < len(o.draft.Divisions) {
		setText(text, o.draft.Divisions[div].Heading)
		count.SetText("")
		count.Hide()
		row.id, row.article = id, false
	}
	// The row may stand at another depth, or be of the other kind: lay it
	// out again, without redrawing what did not change.
	row.Layout(c.Objects, c.Size())
}

// setText shows s in t, and draws it again in the theme of the moment
// when it already showed s.
func setText(t *textwidget.Text, s string) {
	if t.Text() == s {
		t.Refresh()
		return
	}
	t.SetText(s)
}

// setLabel is setText for a Label.
func setLabel(l *widget.Label, s string) {
	if l.Text == s {
		l.Refresh()
		return
	}
	l.SetText(s)
}

// selectArticle follows the article shown: selects it and scrolls to it.
func (o *outline) selectArticle(i int) {
	id := "a" + strconv.Itoa(i)
	o.selecting = true
	o.tree.Select(id)
	o.selecting = false
	o.tree.ScrollTo(id)
}
