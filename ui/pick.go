package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pickRow is one option of a choice of several: a box, ticked or not, on
// the reading side of what the option shows (on the right in Arabic), as
// optionRows puts its circles. What it shows may be several lines, a
// tracked change for one; the box stands by its first line. A tap
// anywhere on the row ticks or unticks it, and so does Space while it has
// the keyboard focus, which Tab moves from row to row. Fyne's Check puts
// its box on the left whatever the language, and draws its label with no
// bidi reordering.
type pickRow struct {
	widget.BaseWidget
	content fyne.CanvasObject
	rtl     bool
	checked bool
	focused bool
	hovered bool

	// OnChanged is called with the row's new state when the user ticks or
	// unticks it.
	OnChanged func(checked bool)
	// OnEscape is called when Escape is typed while the row has the
	// keyboard focus.
	OnEscape func()
}

var (
	_ fyne.Tappable     = (*pickRow)(nil)
	_ fyne.Focusable    = (*pickRow)(nil)
	_ desktop.Hoverable = (*pickRow)(nil)
)

// newPickRow is an unticked row showing content; rtl puts its box on the
// right.
func newPickRow(content fyne.CanvasObject, rtl bool) *pickRow {
	p := &pickRow{content: content, rtl: rtl}
	p.ExtendBaseWidget(p)
	return p
}

// Checked reports whether the row is ticked.
func (p *pickRow) Checked() bool { return p.checked }

// toggle ticks the row or unticks it, as the user did.
func (p *pickRow) toggle() {
	p.checked = !p.checked
	p.Refresh()
	if p.OnChanged != nil {
		p.OnChanged(p.checked)
	}
}

// Tapped implements fyne.Tappable.
func (p *pickRow) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil && !p.focused {
		c.Focus(p)
	}
	p.toggle()
}

// FocusGained implements fyne.Focusable.
func (p *pickRow) FocusGained() {
	p.focused = true
	p.Refresh()
}

// FocusLost implements fyne.Focusable.
func (p *pickRow) FocusLost() {
	p.focused = false
	p.Refresh()
}

// TypedRune implements fyne.Focusable: a space ticks or unticks the row,
// as it does Fyne's Check.
func (p *pickRow) TypedRune(r rune) {
	if r == ' ' {
		p.toggle()
	}
}

// TypedKey implements fyne.Focusable.
func (p *pickRow) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && p.OnEscape != nil {
		p.OnEscape()
	}
}

// MouseIn implements desktop.Hoverable.
func (p *pickRow) MouseIn(*desktop.MouseEvent) { p.hover(true) }

// MouseMoved implements desktop.Hoverable.
func (p *pickRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (p *pickRow) MouseOut() { p.hover(false) }

func (p *pickRow) hover(in bool) {
	if in != p.hovered {
		p.hovered = in
		p.Refresh()
	}
}

// Cursor implements desktop.Cursorable.
func (p *pickRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer implements fyne.Widget.
func (p *pickRow) CreateRenderer() fyne.WidgetRenderer {
	r := &pickRowRenderer{
		p:    p,
		back: canvas.NewRectangle(color.Transparent),
		ring: canvas.NewCircle(color.Transparent),
		box:  canvas.NewImageFromResource(nil),
	}
	r.update()
	return r
}

type pickRowRenderer struct {
	p    *pickRow
	back *canvas.Rectangle
	ring *canvas.Circle
	box  *canvas.Image
}

// metrics are the sizes the row is built from, in its theme: the padding,
// the inner padding, the box and the ring round it that shows the focus.
func (r *pickRowRenderer) metrics() (pad, inner, icon, ring float32) {
	th := r.p.Theme()
	inner = th.Size(theme.SizeNameInnerPadding)
	icon = th.Size(theme.SizeNameInlineIcon)
	return th.Size(theme.SizeNamePadding), inner, icon, icon + inner
}

func (r *pickRowRenderer) Layout(size fyne.Size) {
	pad, inner, icon, ring := r.metrics()
	r.back.Move(fyne.NewPos(0, 0))
	r.back.Resize(size)
	side := pad + ring + pad // the box's side of the row
	ringX, contentX := pad, side
	if r.p.rtl {
		ringX, contentX = size.Width-pad-ring, pad
	}
	r.ring.Move(fyne.NewPos(ringX, pad))
	r.ring.Resize(fyne.NewSquareSize(ring))
	r.box.Move(fyne.NewPos(ringX+inner/2, pad+inner/2))
	r.box.Resize(fyne.NewSquareSize(icon))
	r.p.content.Move(fyne.NewPos(contentX, pad))
	r.p.content.Resize(fyne.NewSize(max(size.Width-side-pad, 0), size.Height-2*pad))
}

func (r *pickRowRenderer) MinSize() fyne.Size {
	pad, _, _, ring := r.metrics()
	c := r.p.content.MinSize()
	return fyne.NewSize(pad+ring+pad+c.Width+pad, max(c.Height, ring)+2*pad)
}

func (r *pickRowRenderer) Refresh() {
	r.update()
	r.Layout(r.p.Size())
	canvas.Refresh(r.p)
}

// update draws the box ticked or not, the ring while the row has the
// focus, and the row's background while the pointer is on it.
func (r *pickRowRenderer) update() {
	p := r.p
	th := p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	box := theme.NewThemedResource(th.Icon(theme.IconNameCheckButton))
	box.ColorName = theme.ColorNameInputBorder
	if p.checked {
		box = theme.NewThemedResource(th.Icon(theme.IconNameCheckButtonChecked))
		box.ColorName = theme.ColorNamePrimary
	}
	r.box.Resource = box
	r.box.Refresh()
	r.ring.FillColor = color.Transparent
	if p.focused {
		r.ring.FillColor = th.Color(theme.ColorNameFocus, v)
	}
	r.ring.Refresh()
	r.back.FillColor = color.Transparent
	if p.hovered {
		r.back.FillColor = th.Color(theme.ColorNameHover, v)
	}
	r.back.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.back.Refresh()
}

func (r *pickRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.back, r.ring, r.box, r.p.content}
}

func (r *pickRowRenderer) Destroy() {}
