package ui

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/ui/rtl"
)

// statuteText is how the app shows a piece of statute text. Every place
// that shows Arabic statute text makes it through newStatuteText or
// newStatuteLine, which lay it out with ui/rtl: Fyne draws runs left to
// right in typing order, so Arabic words, digits and French words come out
// scrambled unless each line is reordered first (shared/docs/ARABIC.md).
type statuteText interface {
	fyne.CanvasObject
	// SetText replaces the text shown.
	SetText(text string)
	// Text returns the text shown, in logical order.
	Text() string
}

// newStatuteText shows a paragraph or more of statute text, wrapped at word
// boundaries to the available width, each paragraph aligned to the side its
// direction starts from (right for Arabic); "\n" separates paragraphs.
func newStatuteText(text string) statuteText {
	t := &rtlText{text: text, wrap: true}
	t.ExtendBaseWidget(t)
	return t
}

// newStatuteLine shows one line of statute text (a heading, an outline
// entry), unwrapped, aligned like newStatuteText.
func newStatuteLine(text string, style fyne.TextStyle) statuteText {
	t := &rtlText{text: text, style: style}
	t.ExtendBaseWidget(t)
	return t
}

// rtlText is a read-only text widget laid out by ui/rtl.
type rtlText struct {
	widget.BaseWidget
	text  string
	style fyne.TextStyle
	wrap  bool
}

// Text returns the text in logical (typing) order, as given to SetText.
func (t *rtlText) Text() string { return t.text }

func (t *rtlText) SetText(text string) {
	if text == t.text {
		return
	}
	t.text = text
	t.Refresh()
}

// Resize re-wraps the text at the new width; the new height then reaches
// the container through MinSize.
func (t *rtlText) Resize(size fyne.Size) {
	old := t.Size()
	t.BaseWidget.Resize(size)
	if t.wrap && old.Width != size.Width {
		t.Refresh()
	}
}

func (t *rtlText) CreateRenderer() fyne.WidgetRenderer {
	return &rtlTextRenderer{t: t}
}

type rtlTextRenderer struct {
	t     *rtlText
	texts []*canvas.Text
	// what the texts were laid out for
	text  string
	width float32
	size  float32
	style fyne.TextStyle
	lines []placedLine
	min   fyne.Size
}

// A placedLine is one laid-out line: its display string and where it goes.
type placedLine struct {
	display string
	y       float32 // from the widget's top, below the padding
	width   float32
	rtl     bool // aligned right, as a right-to-left paragraph starts there
}

// layout lays the text out for a content width (math.MaxFloat32 for no
// wrapping), reusing the last layout when nothing changed.
func (r *rtlTextRenderer) layout(width float32) {
	th := r.t.Theme()
	size := th.Size(theme.SizeNameText)
	pad := th.Size(theme.SizeNameInnerPadding)
	inner := width - 2*pad
	if !r.t.wrap || inner <= 0 {
		inner = math.MaxFloat32
	}
	if r.lines != nil && r.text == r.t.text && r.width == inner && r.size == size && r.style == r.t.style {
		return
	}
	r.text, r.width, r.size, r.style = r.t.text, inner, size, r.t.style
	style := r.t.style
	measure := func(s string) float32 { return fyne.MeasureText(s, size, style).Width }
	lineHeight := fyne.MeasureText("Mg", size, style).Height
	r.lines = r.lines[:0]
	var y, widest float32
	for _, para := range strings.Split(r.t.text, "\n") {
		for _, l := range rtl.Layout(para, rtl.Auto, inner, measure) {
			r.lines = append(r.lines, placedLine{display: display(l), y: y, width: l.Width, rtl: l.Level%2 == 1})
			widest = max(widest, l.Width)
			y += lineHeight
		}
	}
	r.min = fyne.NewSize(2*pad, y+2*pad)
	if !r.t.wrap {
		r.min.Width += widest
	}
}

func (r *rtlTextRenderer) Layout(size fyne.Size) {
	r.layout(size.Width)
	pad := theme.SizeForWidget(theme.SizeNameInnerPadding, r.t)
	fg := theme.ColorForWidget(theme.ColorNameForeground, r.t)
	for len(r.texts) < len(r.lines) {
		r.texts = append(r.texts, canvas.NewText("", fg))
	}
	r.texts = r.texts[:len(r.lines)]
	for i, l := range r.lines {
		c := r.texts[i]
		c.Text, c.Color, c.TextSize, c.TextStyle = l.display, fg, r.size, r.style
		x := pad // a left-to-right paragraph starts on the left
		if l.rtl {
			x = size.Width - pad - l.width
		}
		c.Move(fyne.NewPos(x, pad+l.y))
		c.Resize(fyne.NewSize(l.width, c.MinSize().Height))
	}
}

func (r *rtlTextRenderer) MinSize() fyne.Size {
	r.layout(r.t.Size().Width)
	return r.min
}

func (r *rtlTextRenderer) Refresh() {
	r.Layout(r.t.Size())
	for _, c := range r.texts {
		c.Refresh()
	}
}

func (r *rtlTextRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(r.texts))
	for i, c := range r.texts {
		objs[i] = c
	}
	return objs
}

func (r *rtlTextRenderer) Destroy() {}

// display is rtl.Display without the spaces at the line's ends: a wrapped
// line keeps the space it broke at, which would push the drawn text off
// its alignment by a space's width.
func display(l rtl.Line) string {
	const lro, pdf = "\u202D", "\u202C"
	d := rtl.Display(l)
	inner := strings.TrimSuffix(strings.TrimPrefix(d, lro), pdf)
	if len(inner)+len(lro)+len(pdf) != len(d) {
		return strings.TrimSpace(d)
	}
	return lro + strings.TrimSpace(inner) + pdf
}
