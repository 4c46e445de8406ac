package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/ui/textwidget"
)

// searchFieldEms is the width, in text sizes, below which the search field
// no longer shares a row with the buttons: it then gets a row of its own.
const searchFieldEms = 16

// topBar is the window's top bar: previous and next, the article's
// position, the search field, whose laptop it is, and Settings. It fits
// any width rather than widening the window: where the buttons' words do
// not fit it shows their icons only, where the search field would be too
// narrow it puts it on a second row, and the role is cut short last.
// Arabic mirrors it: previous on the right.
type topBar struct {
	widget.BaseWidget
	rtl bool
	// full are prev, next and settings with their words; icons the same
	// actions as icons only. One set is shown at a time; the window keeps
	// both enabled alike (navButtons).
	full, icons [3]*widget.Button
	position    *textwidget.Text
	role        *textwidget.Text // truncated
	search      fyne.CanvasObject
}

// navButtons are a bar action's two buttons, with words and icon only,
// enabled and disabled together.
type navButtons [2]*widget.Button

func (b navButtons) setEnabled(on bool) {
	for _, btn := range b {
		if on {
			btn.Enable()
		} else {
			btn.Disable()
		}
	}
}

// newTopBar makes the bar and its buttons; prev, next and settings are
// the three actions.
func newTopBar(rtl bool, prev, next, settings *widget.Button, position, role *textwidget.Text, search fyne.CanvasObject) *topBar {
	b := &topBar{rtl: rtl, full: [3]*widget.Button{prev, next, settings}, position: position, role: role, search: search}
	for i, f := range b.full {
		icon := widget.NewButtonWithIcon("", f.Icon, f.OnTapped)
		b.icons[i] = icon
	}
	b.ExtendBaseWidget(b)
	return b
}

// buttons returns the two buttons of action i (0 previous, 1 next, 2
// settings).
func (b *topBar) buttons(i int) navButtons { return navButtons{b.full[i], b.icons[i]} }

// A barPlan is how the bar is laid out at a width.
type barPlan struct {
	icons   bool    // the buttons show their icons only
	twoRows bool    // the search field has a row of its own
	height  float32 // of the whole bar
}

// plan chooses the layout for width: the words of the buttons and one row
// if the search field keeps searchFieldEms there, else icons only, else
// two rows.
func (b *topBar) plan(width float32) barPlan {
	th := b.Theme()
	gap := th.Size(theme.SizeNamePadding)
	field := searchFieldEms * th.Size(theme.SizeNameText)
	rowH := func(objs ...fyne.CanvasObject) float32 {
		var h float32
		for _, o := range objs {
			h = max(h, o.MinSize().Height)
		}
		return h
	}
	fixed := func(bs [3]*widget.Button) float32 {
		w := b.position.MinSize().Width + b.role.LineSize().Width + 5*gap
		for _, btn := range bs {
			w += btn.MinSize().Width
		}
		return w
	}
	one := rowH(b.full[0], b.position, b.role, b.search)
	switch {
	case fixed(b.full)+field <= width:
		return barPlan{height: one}
	case fixed(b.icons)+field <= width:
		return barPlan{icons: true, height: rowH(b.icons[0], b.position, b.role, b.search)}
	}
	return barPlan{icons: true, twoRows: true, height: rowH(b.icons[0], b.position, b.role) + gap + b.search.MinSize().Height}
}

// heightFor is the bar's height at width.
func (b *topBar) heightFor(width float32) float32 { return b.plan(width).height }

// CreateRenderer implements fyne.Widget.
func (b *topBar) CreateRenderer() fyne.WidgetRenderer {
	objs := []fyne.CanvasObject{b.position, b.role, b.search}
	for i := range b.full {
		objs = append(objs, b.full[i], b.icons[i])
	}
	return &topBarRenderer{b: b, objs: objs}
}

type topBarRenderer struct {
	b    *topBar
	objs []fyne.CanvasObject
}

func (r *topBarRenderer) Layout(size fyne.Size) {
	b := r.b
	p := b.plan(size.Width)
	shown, hidden := b.full, b.icons
	if p.icons {
		shown, hidden = b.icons, b.full
	}
	for i := range shown {
		hidden[i].Hide()
		shown[i].Show()
	}
	gap := b.Theme().Size(theme.SizeNamePadding)
	rowH := size.Height
	if p.twoRows {
		rowH = size.Height - gap - b.search.MinSize().Height
	}
	// Placed as if left to right, from the start edge and from the end
	// edge; mirrored for Arabic.
	place := func(o fyne.CanvasObject, x, w, y, h float32) {
		if b.rtl {
			x = size.Width - x - w
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, h))
	}
	x := float32(0)
	for _, o := range []fyne.CanvasObject{shown[0], shown[1], b.position} {
		w := o.MinSize().Width
		place(o, x, w, 0, rowH)
		x += w + gap
	}
	end := size.Width
	w := shown[2].MinSize().Width
	end -= w
	place(shown[2], end, w, 0, rowH)
	end -= gap
	if p.twoRows {
		// The role takes what is left of the first row, next to Settings,
		// cut short if need be; the field the whole second row.
		w = max(0, min(b.role.LineSize().Width, end-x))
		place(b.role, end-w, w, 0, rowH)
		place(b.search, 0, size.Width, rowH+gap, size.Height-rowH-gap)
		return
	}
	w = b.role.LineSize().Width
	end -= w
	place(b.role, end, w, 0, rowH)
	end -= gap
	place(b.search, x, max(0, end-x), 0, rowH)
}

// MinSize is the narrowest the bar can be, icons on two rows with the role
// cut to an ellipsis, and its height at its present width.
func (r *topBarRenderer) MinSize() fyne.Size {
	b := r.b
	gap := b.Theme().Size(theme.SizeNamePadding)
	w := b.position.MinSize().Width + b.role.MinSize().Width + 3*gap
	for _, btn := range b.icons {
		w += btn.MinSize().Width
	}
	return fyne.NewSize(max(w, b.search.MinSize().Width), b.heightFor(b.Size().Width))
}

func (r *topBarRenderer) Refresh() {
	for _, o := range r.objs {
		o.Refresh()
	}
	r.Layout(r.b.Size())
}

func (r *topBarRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *topBarRenderer) Destroy() {}

// windowLayout stacks the top bar, a separator and the rest of the window
// (the split of outline and article): the bar gets the height it needs at
// the window's width, which a Border layout could only learn a frame late.
type windowLayout struct{ bar *topBar }

func (l windowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := l.bar.heightFor(size.Width)
	l.bar.Move(fyne.NewPos(0, 0))
	l.bar.Resize(fyne.NewSize(size.Width, h))
	sep, rest := objs[1], objs[2]
	pad := theme.Padding()
	sh := sep.MinSize().Height
	sep.Move(fyne.NewPos(0, h+pad))
	sep.Resize(fyne.NewSize(size.Width, sh))
	top := h + 2*pad + sh
	rest.Move(fyne.NewPos(0, top))
	rest.Resize(fyne.NewSize(size.Width, max(0, size.Height-top)))
}

func (l windowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	sep, rest := objs[1], objs[2]
	bar := l.bar.MinSize()
	rm := rest.MinSize()
	return fyne.NewSize(max(bar.Width, rm.Width), bar.Height+2*theme.Padding()+sep.MinSize().Height+rm.Height)
}
