package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/ui/textwidget"
)

// choiceList is Fyne's Select (a drop-down list) mirrored in a
// right-to-left interface: its arrow on the left, its text on the right,
// and the Left and Right keys moving the choice the way they move on the
// screen (Left to the next option, which in Arabic is read after). In a
// left-to-right interface it is the Select as Fyne draws it.
type choiceList struct {
	widget.Select
	rtl bool
}

// CreateRenderer implements fyne.Widget.
func (s *choiceList) CreateRenderer() fyne.WidgetRenderer {
	r := s.Select.CreateRenderer()
	if !s.rtl {
		return r
	}
	return &mirroredRenderer{WidgetRenderer: r, w: s}
}

// TypedKey implements fyne.Focusable. Escape and Enter, which a Select
// ignores, go on to the window, as they would were the list not focused:
// in a dialog, they dismiss it or press its default button.
func (s *choiceList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
		if c := fyne.CurrentApp().Driver().CanvasForObject(s); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(ev)
		}
		return
	}
	if s.rtl {
		switch ev.Name {
		case fyne.KeyLeft:
			ev = &fyne.KeyEvent{Name: fyne.KeyRight, Physical: ev.Physical}
		case fyne.KeyRight:
			ev = &fyne.KeyEvent{Name: fyne.KeyLeft, Physical: ev.Physical}
		}
	}
	s.Select.TypedKey(ev)
}

// mirroredRenderer lays a widget out as its own renderer does, then
// mirrors every part of it left for right.
type mirroredRenderer struct {
	fyne.WidgetRenderer
	w fyne.Widget
}

func (r *mirroredRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.mirror(size)
}

// Refresh refreshes the widget as its renderer does, which lays it out
// again unmirrored, then mirrors it.
func (r *mirroredRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.mirror(r.w.Size())
	canvas.Refresh(r.w)
}

func (r *mirroredRenderer) mirror(size fyne.Size) {
	for _, o := range r.Objects() {
		p := o.Position()
		o.Move(fyne.NewPos(size.Width-p.X-o.Size().Width, p.Y))
	}
}

// optionRows offers a few options of which one is chosen, as radio
// buttons do; each option is one row, a circle beside its label, and a
// tap anywhere on the row chooses it. The labels are laid out by
// textwidget, so that Arabic reads right.
//
// In a right-to-left interface each circle is on the right of its label,
// and the options run from the right: the first is the rightmost. In a
// left-to-right one it is all mirrored. The rows stand side by side when
// the width allows, one under the other when not, each then as wide as
// the widget.
//
// It takes the keyboard focus on a tap or with Tab. The arrows then move
// the choice, as they do in a group of radio buttons: Up and Down to the
// previous and next option, Left and Right to the option on that side on
// the screen (so Left is the next option in Arabic), round from the last
// to the first; Space chooses the option marked, should none be chosen.
// Escape calls OnEscape.
type optionRows struct {
	widget.BaseWidget
	options  []string
	labels   []*textwidget.Text // one per option, made once: tests find them
	rtl      bool
	selected int // -1: none
	cursor   int // the option the keyboard is on
	hovered  int // -1: none
	focused  bool
	placed   []placedRow // where the rows were last laid out

	// OnChanged is called with the index of the option chosen, when the
	// user changes it.
	OnChanged func(int)
	// OnEscape is called when Escape is typed while the widget has the
	// keyboard focus.
	OnEscape func()
}

var (
	_ fyne.Tappable     = (*optionRows)(nil)
	_ fyne.Focusable    = (*optionRows)(nil)
	_ desktop.Hoverable = (*optionRows)(nil)
)

// newOptionRows offers options, in reading order, none chosen; rtl lays
// them out right to left.
func newOptionRows(options []string, rtl bool) *optionRows {
	o := &optionRows{options: options, rtl: rtl, selected: -1, hovered: -1}
	for _, text := range options {
		o.labels = append(o.labels, textwidget.NewLine(text, fyne.TextStyle{}))
	}
	o.ExtendBaseWidget(o)
	return o
}

// Selected is the index of the option chosen, -1 when none is.
func (o *optionRows) Selected() int { return o.selected }

// SetSelected chooses option i, without calling OnChanged.
func (o *optionRows) SetSelected(i int) {
	if i < 0 || i >= len(o.options) || i == o.selected {
		return
	}
	o.selected, o.cursor = i, i
	o.Refresh()
}

// choose makes option i the choice, as the user did.
func (o *optionRows) choose(i int) {
	if i < 0 || i >= len(o.options) {
		return
	}
	o.cursor = i
	if i == o.selected {
		o.Refresh()
		return
	}
	o.selected = i
	o.Refresh()
	if o.OnChanged != nil {
		o.OnChanged(i)
	}
}

// Tapped implements fyne.Tappable: the row under the tap is chosen.
func (o *optionRows) Tapped(ev *fyne.PointEvent) {
	i := o.rowAt(ev.Position)
	if i < 0 {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil && !o.focused {
		c.Focus(o)
	}
	o.choose(i)
}

// rowAt is the index of the row at pos, -1 for none.
func (o *optionRows) rowAt(pos fyne.Position) int {
	for i, r := range o.placed {
		if pos.X >= r.pos.X && pos.X < r.pos.X+r.size.Width && pos.Y >= r.pos.Y && pos.Y < r.pos.Y+r.size.Height {
			return i
		}
	}
	return -1
}

// FocusGained implements fyne.Focusable.
func (o *optionRows) FocusGained() {
	o.focused = true
	o.Refresh()
}

// FocusLost implements fyne.Focusable.
func (o *optionRows) FocusLost() {
	o.focused = false
	o.Refresh()
}

// TypedRune implements fyne.Focusable: a space chooses the option the
// keyboard is on.
func (o *optionRows) TypedRune(r rune) {
	if r == ' ' {
		o.choose(o.cursor)
	}
}

// TypedKey implements fyne.Focusable.
func (o *optionRows) TypedKey(ev *fyne.KeyEvent) {
	n := len(o.options)
	if n == 0 {
		return
	}
	next := func(d int) { o.choose((o.cursor + d + n) % n) }
	switch ev.Name {
	case fyne.KeySpace:
		o.choose(o.cursor)
	case fyne.KeyDown:
		next(1)
	case fyne.KeyUp:
		next(-1)
	case fyne.KeyRight:
		if o.rtl {
			next(-1)
		} else {
			next(1)
		}
	case fyne.KeyLeft:
		if o.rtl {
			next(1)
		} else {
			next(-1)
		}
	case fyne.KeyEscape:
		if o.OnEscape != nil {
			o.OnEscape()
		}
	}
}

// MouseIn implements desktop.Hoverable.
func (o *optionRows) MouseIn(ev *desktop.MouseEvent) { o.hover(o.rowAt(ev.Position)) }

// MouseMoved implements desktop.Hoverable.
func (o *optionRows) MouseMoved(ev *desktop.MouseEvent) { o.hover(o.rowAt(ev.Position)) }

// MouseOut implements desktop.Hoverable.
func (o *optionRows) MouseOut() { o.hover(-1) }

func (o *optionRows) hover(i int) {
	if i != o.hovered {
		o.hovered = i
		o.Refresh()
	}
}

// Cursor implements desktop.Cursorable: the pointer says the rows are
// to be clicked.
func (o *optionRows) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer implements fyne.Widget.
func (o *optionRows) CreateRenderer() fyne.WidgetRenderer {
	r := &optionRowsRenderer{o: o}
	for _, label := range o.labels {
		r.rows = append(r.rows, optionRow{
			back:  canvas.NewRectangle(color.Transparent),
			ring:  canvas.NewCircle(color.Transparent),
			fill:  canvas.NewImageFromResource(nil),
			out:   canvas.NewImageFromResource(nil),
			label: label,
		})
	}
	r.update()
	return r
}

// A placedRow is where a row goes in the widget.
type placedRow struct {
	pos  fyne.Position
	size fyne.Size
}

// metrics are the sizes a row is built from, in the widget's theme.
type rowMetrics struct {
	pad, inner, icon, ring float32
}

func (o *optionRows) metrics() rowMetrics {
	th := o.Theme()
	inner := th.Size(theme.SizeNameInnerPadding)
	icon := th.Size(theme.SizeNameInlineIcon)
	return rowMetrics{pad: th.Size(theme.SizeNamePadding), inner: inner, icon: icon, ring: icon + inner}
}

// rowSize is the least size of the row showing a label of the given
// size: a padding, the circle's ring, a padding, the label, and an inner
// padding at the far end that keeps the next option's circle apart from
// it.
func (o *optionRows) rowSize(m rowMetrics, label fyne.Size) fyne.Size {
	return fyne.NewSize(m.pad+m.ring+m.pad+label.Width+m.inner, max(label.Height, m.ring+m.inner))
}

// place places rows showing labels of the given sizes in a widget of the
// given size: side by side from the reading side when they fit in its
// width (or it has none yet), else one under the other.
func (o *optionRows) place(size fyne.Size, labels []fyne.Size) []placedRow {
	m := o.metrics()
	out := make([]placedRow, len(labels))
	var total float32
	for _, l := range labels {
		total += o.rowSize(m, l).Width
	}
	if size.Width == 0 || total <= size.Width {
		x := float32(0)
		for i, l := range labels {
			s := o.rowSize(m, l)
			out[i] = placedRow{pos: fyne.NewPos(x, 0), size: fyne.NewSize(s.Width, size.Height)}
			if size.Height == 0 {
				out[i].size.Height = s.Height
			}
			if o.rtl {
				out[i].pos.X = size.Width - x - s.Width
			}
			x += s.Width
		}
		return out
	}
	y := float32(0)
	for i, l := range labels {
		s := o.rowSize(m, l)
		out[i] = placedRow{pos: fyne.NewPos(0, y), size: fyne.NewSize(size.Width, s.Height)}
		y += s.Height
	}
	return out
}

// An optionRow is what draws one option: its hover background, the ring
// that shows the focus, the circle (fill and outline) and the label.
type optionRow struct {
	back      *canvas.Rectangle
	ring      *canvas.Circle
	fill, out *canvas.Image
	label     *textwidget.Text
}

type optionRowsRenderer struct {
	o    *optionRows
	rows []optionRow
}

func (r *optionRowsRenderer) Layout(size fyne.Size) {
	m := r.o.metrics()
	labels := make([]fyne.Size, len(r.rows))
	for i, row := range r.rows {
		labels[i] = row.label.MinSize()
	}
	r.o.placed = r.o.place(size, labels)
	for i, p := range r.o.placed {
		row := r.rows[i]
		row.back.Move(p.pos)
		row.back.Resize(p.size)
		// The circle at the row's reading side, the label after it.
		ringX := p.pos.X + m.pad
		labelX := ringX + m.ring + m.pad
		if r.o.rtl {
			ringX = p.pos.X + p.size.Width - m.pad - m.ring
			labelX = ringX - m.pad - labels[i].Width
		}
		midY := p.pos.Y + p.size.Height/2
		row.ring.Move(fyne.NewPos(ringX, midY-m.ring/2))
		row.ring.Resize(fyne.NewSquareSize(m.ring))
		for _, img := range []*canvas.Image{row.fill, row.out} {
			img.Move(fyne.NewPos(ringX+m.inner/2, midY-m.icon/2))
			img.Resize(fyne.NewSquareSize(m.icon))
		}
		row.label.Move(fyne.NewPos(labelX, midY-labels[i].Height/2))
		row.label.Resize(labels[i])
	}
}

func (r *optionRowsRenderer) MinSize() fyne.Size {
	m := r.o.metrics()
	labels := make([]fyne.Size, len(r.rows))
	var widest fyne.Size
	for i, row := range r.rows {
		labels[i] = row.label.MinSize()
		widest = widest.Max(r.o.rowSize(m, labels[i]))
	}
	// As wide as the widest row, which it can stack the rows in; as high
	// as the rows take at the width it has.
	var h float32
	for _, p := range r.o.place(fyne.NewSize(r.o.Size().Width, 0), labels) {
		h = max(h, p.pos.Y+p.size.Height)
	}
	return fyne.NewSize(widest.Width, h)
}

// Resize lays the rows out again when the new width changes whether they
// stand side by side, which changes the widget's height.
func (o *optionRows) Resize(size fyne.Size) {
	old := o.Size()
	o.BaseWidget.Resize(size)
	if old.Width != size.Width {
		o.Refresh()
	}
}

func (r *optionRowsRenderer) Refresh() {
	r.update()
	r.Layout(r.o.Size())
	for _, row := range r.rows {
		row.label.Refresh()
	}
	canvas.Refresh(r.o)
}

// update colours the rows as Fyne colours its radio buttons: the chosen
// circle filled with the primary colour, the ring of the option the
// keyboard is on in the focus colour while the widget has the focus, and
// the row under the pointer in the hover colour, all of it.
func (r *optionRowsRenderer) update() {
	o := r.o
	th := o.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	for i, row := range r.rows {
		out := theme.NewThemedResource(th.Icon(theme.IconNameRadioButton))
		out.ColorName = theme.ColorNameInputBorder
		in := theme.NewThemedResource(th.Icon(theme.IconNameRadioButtonFill))
		in.ColorName = theme.ColorNameInputBackground
		if i == o.selected {
			in.ColorName = theme.ColorNamePrimary
			out.ColorName = theme.ColorNameForeground
		}
		row.fill.Resource, row.out.Resource = in, out
		row.fill.Refresh()
		row.out.Refresh()
		row.ring.FillColor = color.Transparent
		if o.focused && i == o.cursor {
			row.ring.FillColor = th.Color(theme.ColorNameFocus, v)
		}
		row.back.FillColor = color.Transparent
		if i == o.hovered {
			row.back.FillColor = th.Color(theme.ColorNameHover, v)
		}
		row.back.CornerRadius = th.Size(theme.SizeNameInputRadius)
		row.ring.Refresh()
		row.back.Refresh()
	}
}

func (r *optionRowsRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, 5*len(r.rows))
	for _, row := range r.rows {
		objs = append(objs, row.back, row.ring, row.fill, row.out, row.label)
	}
	return objs
}

func (r *optionRowsRenderer) Destroy() {}
