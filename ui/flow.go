package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// flowRow is a row of buttons that goes on over more lines where the width
// it is given is too narrow for them all, each line starting from the side
// the interface reads from: the first object on the right in Arabic. A
// card's actions keep to a narrow window this way, rather than widening
// it. Like a wrapped text, its height follows its width: it asks for the
// width of its widest object, and for as many lines as its width gives.
type flowRow struct {
	widget.BaseWidget
	objs []fyne.CanvasObject // in reading order
	rtl  bool
}

// newFlowRow is a flowRow of objs, given in reading order.
func newFlowRow(rtl bool, objs ...fyne.CanvasObject) *flowRow {
	f := &flowRow{objs: objs, rtl: rtl}
	f.ExtendBaseWidget(f)
	return f
}

// Resize lays the objects out at the new size (BaseWidget.Resize has the
// renderer do it); the new height then reaches the container through
// MinSize. The buttons themselves are not refreshed: nothing in them
// changed, and refreshing every card's buttons at every width made
// switching to an article of two hundred amendments ten times slower.

// CreateRenderer implements fyne.Widget.
func (f *flowRow) CreateRenderer() fyne.WidgetRenderer { return &flowRenderer{f: f} }

type flowRenderer struct {
	f    *flowRow
	mins []fyne.Size // the objects' minimum sizes; nil: to be asked
}

// sizes are the objects' minimum sizes, asked once until the row is
// refreshed: a button measures its text each time it is asked, and the
// list a card is in asks each row its size many times over as it is laid
// out. A row's buttons keep their texts; a theme change, which changes
// their sizes, refreshes the buttons first, then the row (Fyne applies a
// theme from the leaves up), which asks them again.
func (r *flowRenderer) sizes() []fyne.Size {
	if r.mins == nil {
		r.mins = make([]fyne.Size, len(r.f.objs))
		for i, o := range r.f.objs {
			r.mins[i] = o.MinSize()
		}
	}
	return r.mins
}

// lines splits the objects, of minimum sizes mins, into lines no wider
// than width, each as many as fit, as index ranges; an object wider than
// width has a line of its own.
func (r *flowRenderer) lines(width float32, mins []fyne.Size) [][2]int {
	pad := theme.Padding()
	var out [][2]int
	first, used := 0, float32(0)
	for i, m := range mins {
		if i > first && used+pad+m.Width > width {
			out, first, used = append(out, [2]int{first, i}), i, 0
		}
		if i > first {
			used += pad
		}
		used += m.Width
	}
	if first < len(mins) {
		out = append(out, [2]int{first, len(mins)})
	}
	return out
}

// width is the width the lines are made for: the width given, or before
// any, as wide as the objects in one line need.
func (r *flowRenderer) width() float32 {
	if w := r.f.Size().Width; w > 0 {
		return w
	}
	return float32(1 << 30)
}

func (r *flowRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	mins := r.sizes()
	y := float32(0)
	for _, line := range r.lines(size.Width, mins) {
		h := float32(0)
		for i := line[0]; i < line[1]; i++ {
			h = max(h, mins[i].Height)
		}
		x := float32(0)
		if r.f.rtl {
			x = size.Width
		}
		for i := line[0]; i < line[1]; i++ {
			o, m := r.f.objs[i], mins[i]
			o.Resize(fyne.NewSize(m.Width, h))
			if r.f.rtl {
				x -= m.Width
				o.Move(fyne.NewPos(x, y))
				x -= pad
			} else {
				o.Move(fyne.NewPos(x, y))
				x += m.Width + pad
			}
		}
		y += h + pad
	}
}

func (r *flowRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	mins := r.sizes()
	var size fyne.Size
	for _, m := range mins {
		size.Width = max(size.Width, m.Width)
	}
	for n, line := range r.lines(r.width(), mins) {
		h := float32(0)
		for i := line[0]; i < line[1]; i++ {
			h = max(h, mins[i].Height)
		}
		if n > 0 {
			size.Height += pad
		}
		size.Height += h
	}
	return size
}

// Refresh asks the objects their sizes again and lays the row out. Its
// buttons are not refreshed with it: a card's row is refreshed whenever
// the list it is in is, and Fyne refreshes every object of the window
// itself when the theme changes.
func (r *flowRenderer) Refresh() {
	r.mins = nil
	r.Layout(r.f.Size())
}

func (r *flowRenderer) Objects() []fyne.CanvasObject { return r.f.objs }

func (r *flowRenderer) Destroy() {}
