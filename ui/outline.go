package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/ui/textwidget"
)

// outline is the draft's table of contents: its divisions as branches and
// its articles as leaves, each article with the number of amendments the
// role may see. Node IDs are "d<division index>" and "a<article index>".
type outline struct {
	tree     *widget.Tree
	draft    *drafts.Draft
	children map[widget.TreeNodeID][]widget.TreeNodeID
	counts   []int // by article index
	// shown remembers which node each row shows: selecting a node
	// refreshes every visible row, and setting an unchanged text again
	// would measure it again, which made switching articles slow.
	shown map[fyne.CanvasObject]widget.TreeNodeID
	// selecting is set while the outline follows the article shown, so
	// that doing so does not ask to show it again.
	selecting bool
}

func newOutline(onArticle func(i int)) *outline {
	o := &outline{children: map[widget.TreeNodeID][]widget.TreeNodeID{}, shown: map[fyne.CanvasObject]widget.TreeNodeID{}}
	o.tree = widget.NewTree(
		func(id widget.TreeNodeID) []widget.TreeNodeID { return o.children[id] },
		func(id widget.TreeNodeID) bool { return id == "" || strings.HasPrefix(id, "d") },
		func(bool) fyne.CanvasObject {
			count := widget.NewLabel("")
			count.Importance = widget.LowImportance
			return container.New(layout.NewBorderLayout(nil, nil, count, nil), textwidget.NewLine("", fyne.TextStyle{}), count)
		},
		o.update,
	)
	o.tree.OnSelected = func(id widget.TreeNodeID) {
		if i, ok := articleIndex(id); ok && !o.selecting {
			onArticle(i)
		}
	}
	return o
}

// setDraft fills the outline with d and the number of amendments per
// article key.
func (o *outline) setDraft(d *drafts.Draft, counts map[string]int) {
	o.draft = d
	clear(o.shown)
	o.children = outlineChildren(d)
	o.counts = make([]int, len(d.Articles))
	for i := range d.Articles {
		o.counts[i] = counts[d.Articles[i].Key]
	}
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
	if o.draft == nil {
		return
	}
	if last, ok := o.shown[obj]; ok && last == id {
		return
	}
	o.shown[obj] = id
	if i, ok := articleIndex(id); ok && i < len(o.draft.Articles) {
		text.SetText(articleTitle(o.draft, &o.draft.Articles[i]))
		if n := strconv.Itoa(o.counts[i]); n != count.Text {
			count.SetText(n)
			// The count's width changed: lay the row out again.
			c.Refresh()
		}
		return
	}
	if div, err := strconv.Atoi(strings.TrimPrefix(id, "d")); err == nil && div < len(o.draft.Divisions) {
		text.SetText(o.draft.Divisions[div].Heading)
		if count.Text != "" {
			count.SetText("")
			c.Refresh()
		}
	}
}

// selectArticle follows the article shown: selects it and scrolls to it.
func (o *outline) selectArticle(i int) {
	id := "a" + strconv.Itoa(i)
	o.selecting = true
	o.tree.Select(id)
	o.selecting = false
	o.tree.ScrollTo(id)
}
