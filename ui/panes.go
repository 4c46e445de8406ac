package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// textShare is the most of the article view's height the article's text
// takes at first: the amendments, which staff go through one after the
// other, keep the rest.
const textShare = 0.4

// articlePanes lays the article view out: the article (its path, heading
// and text) above, in a scroll of its own, and its amendments below, in
// another, with a divider between them that can be dragged. The article
// takes the height its text needs, up to a share of the view: textShare at
// first, then wherever the divider was last dragged to. So the text the
// amendments change stays in view as the amendments scroll by, whoever
// reads them: the federation's staff deciding, a chamber checking its own
// against the article.
type articlePanes struct {
	split *container.Split // vertical: the text, then the amendments
	text  *container.Scroll
	view  *fyne.Container // what the window shows: the split, laid out by the panes
	// share is the most of the height the text takes.
	share float64
	// set is the divider's offset as fit last set it: another one means
	// it was dragged since.
	set float64
	// size is the view's size fit last fitted the text to.
	size fyne.Size
}

// newArticlePanes lays text over amendments, the text taking at most
// share of the height.
func newArticlePanes(text, amendments *container.Scroll, share float64) *articlePanes {
	p := &articlePanes{split: container.NewVSplit(text, amendments), text: text, share: share}
	p.split.Offset = share
	p.set = share
	p.view = container.New(p, p.split)
	return p
}

// Layout gives the split the whole view, the divider set for the text shown
// when the view's size changed (fit).
func (p *articlePanes) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	if size != p.size {
		p.size = size
		p.fit()
	}
	p.split.Move(fyne.NewPos(0, 0))
	p.split.Resize(size)
}

// MinSize is the split's: a little of each scroll and the divider.
func (p *articlePanes) MinSize([]fyne.CanvasObject) fyne.Size { return p.split.MinSize() }

// keepDragged takes the divider's place as the text's share when it was
// dragged since fit last set it.
func (p *articlePanes) keepDragged() {
	if p.split.Offset != p.set {
		p.share = p.split.Offset
	}
}

// fit sets the divider where the article shown takes the height its text
// needs at the view's width, up to share: called when another article is
// shown, and when the view changes size. Before the view has a size, it
// waits for its first layout.
func (p *articlePanes) fit() {
	p.keepDragged()
	// The divider is twice the theme's padding thick (container.Split).
	avail := p.size.Height - 2*theme.Padding()
	if avail <= 0 || p.size.Width <= 0 {
		return
	}
	settleAt(p.text.Content, p.size.Width)
	// Half a pixel more, so that rounding in the split's arithmetic does
	// not leave a text that fits with a scroll bar.
	need := float64(p.text.Content.MinSize().Height+0.5) / float64(avail)
	p.set = min(p.share, need)
	p.split.SetOffset(p.set)
}
