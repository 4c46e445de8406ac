package textwidget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// revealCaret scrolls the container.Scroll the owner put the editor in
// (SetScroll) so that the caret's line shows, with the padding
// around it: no further than needed, as text editors do.
func (e *Editor) revealCaret() {
	s := e.scroll
	if s == nil || s.Content == nil {
		return
	}
	d := e.app.Driver()
	if d.CanvasForObject(e) == nil {
		return // not shown
	}
	// Typing may have grown the editor since the last frame; the scroll
	// lays its content out again only on the next one, and would clamp
	// the offset to the old height.
	c := s.Content
	if want := c.MinSize().Max(s.Size()); c.Size() != want {
		c.Resize(want)
	}
	ly := e.layout()
	p := e.caretPos(e.caret, e.preferEnd)
	origin := d.AbsolutePositionForObject(e).Subtract(d.AbsolutePositionForObject(c))
	top := origin.Y + p.Y - ly.pad
	bottom := origin.Y + p.Y + ly.lineH + ly.pad
	revealBand(s, top, bottom)
}

// revealBand scrolls s vertically, as little as it can, so that the band
// from top to bottom of its content shows; of a band taller than s, the
// top shows.
func revealBand(s *container.Scroll, top, bottom float32) {
	off := s.Offset
	h := s.Size().Height
	switch {
	case top < off.Y:
		off.Y = top
	case bottom > off.Y+h:
		off.Y = min(top, bottom-h)
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(off.X, max(0, off.Y)))
}
