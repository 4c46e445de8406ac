package textwidget

import (
	"image/color"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/ui/rtl"
)

// Text shows read-only text: a paragraph or more (NewText, NewStyledText),
// one line (NewLine), one line cut to the width it is given (NewTruncated),
// or a paragraph with a search match marked (NewHighlighted; SetHighlighted
// marks several). Each line is aligned to the side its direction starts
// from: right for Arabic, left for French.
type Text struct{ rtlText }

// NewText shows a paragraph or more, wrapped at word boundaries to the
// width it is given; "\n" separates paragraphs.
func NewText(text string) *Text {
	t := &Text{rtlText{text: text, wrap: true}}
	t.ExtendBaseWidget(t)
	return t
}

// NewStyledText shows a paragraph or more in style (a heading, a label),
// wrapped as NewText's: its minimum width is small, so that it never
// widens what holds it.
func NewStyledText(text string, style fyne.TextStyle) *Text {
	t := &Text{rtlText{text: text, style: style, wrap: true}}
	t.ExtendBaseWidget(t)
	return t
}

// NewLine shows one line (a short label, a number) in style, unwrapped:
// its minimum width is the line's. A line that may be longer than the
// space it gets is better shown by NewStyledText or NewTruncated.
func NewLine(text string, style fyne.TextStyle) *Text {
	t := &Text{rtlText{text: text, style: style}}
	t.ExtendBaseWidget(t)
	return t
}

// NewTruncated shows one line in style, as NewLine does, where it fits;
// given less width than the line needs, it shows the line's beginning (in
// reading order: the right end of an Arabic line) followed by «…». Its
// minimum width is the ellipsis's, for rows of a fixed height such as an
// outline's.
func NewTruncated(text string, style fyne.TextStyle) *Text {
	t := &Text{rtlText{text: text, style: style, truncate: true}}
	t.ExtendBaseWidget(t)
	return t
}

// NewHighlighted shows text as NewText does, with text[start:end] (byte
// offsets) marked as a match: in the primary colour and underlined, so
// that a black-and-white printout still shows it.
func NewHighlighted(text string, start, end int) *Text {
	t := &Text{rtlText{text: text, wrap: true, spans: []rtl.Span{{Start: start, End: end, Style: highlight}}, mark: highlightMarks}}
	t.ExtendBaseWidget(t)
	return t
}

// A Range is the byte range [Start, End) of a text.
type Range struct{ Start, End int }

// SetHighlighted replaces the text and marks each of matches (byte ranges
// of text, on character boundaries) as NewHighlighted marks one; with no
// matches nothing is marked. Ranges outside the text are left out.
func (t *Text) SetHighlighted(text string, matches []Range) {
	var spans []rtl.Span
	for _, m := range matches {
		if 0 <= m.Start && m.Start < m.End && m.End <= len(text) {
			spans = append(spans, rtl.Span{Start: m.Start, End: m.End, Style: highlight})
		}
	}
	if text == t.text && slices.Equal(spans, t.spans) {
		return
	}
	t.text, t.spans, t.mark = text, spans, highlightMarks
	t.Refresh()
}

// Highlighted returns the texts marked as matches, in the order marked.
func (t *Text) Highlighted() []string {
	var out []string
	for _, s := range t.spans {
		if s.Style == highlight {
			out = append(out, t.text[s.Start:s.End])
		}
	}
	return out
}

// LineTop returns how far below the widget's top the line that shows the
// byte at offset i of the text is drawn, as the text is wrapped at the
// widget's width: where to scroll to show a match. False before the
// widget has a width, for a text that does not wrap, and for an offset
// outside the text.
func (t *Text) LineTop(i int) (float32, bool) {
	th := t.Theme()
	size := th.Size(theme.SizeNameText)
	pad := th.Size(theme.SizeNameInnerPadding)
	inner := t.Size().Width - 2*pad
	if !t.wrap || inner <= 0 || i < 0 || i >= len(t.text) {
		return 0, false
	}
	measure := measurer(size, t.style)
	lineHeight := fyne.MeasureText("Mg", size, t.style).Height
	var y float32
	off := 0
	for _, para := range strings.Split(t.text, "\n") {
		// As the renderer lays it out (layout): one line after another.
		lines := rtl.Layout(para, rtl.Auto, inner, measure)
		if i <= off+len(para) {
			for _, l := range lines[:len(lines)-1] {
				if i < off+l.End {
					break
				}
				y += lineHeight
			}
			return pad + y, true
		}
		y += float32(len(lines)) * lineHeight
		off += len(para) + 1
	}
	return 0, false
}

// highlight is the span style of a match.
const highlight = 1

func highlightMarks(style int) textMark {
	if style == highlight {
		return underlined
	}
	return textMark{}
}

// SetText replaces the text; a match marked by NewHighlighted goes, as
// its offsets were into the old text.
func (t *Text) SetText(text string) {
	if text == t.text {
		return
	}
	t.text = text
	t.spans = nil
	t.Refresh()
}

// rtlText is the read-only text widget that Text and Tracked are, laid out
// by ui/rtl. Spans, when set, mark parts of the text (tracked changes, a
// match): each line is then drawn as pieces, one text object per style
// change, with the marks of the piece's style drawn over or under it.
type rtlText struct {
	widget.BaseWidget
	text  string
	style fyne.TextStyle
	wrap  bool
	// truncate cuts a line too long for the width given, with an
	// ellipsis; only for text without spans.
	truncate bool
	// spans are logical byte ranges of text, across paragraphs; mark says
	// how each span style is drawn.
	spans []rtl.Span
	mark  func(style int) textMark
}

// A textMark is how a span style is drawn. Every mark that carries meaning
// has a line besides its colour, so that it survives black-and-white
// printing and colour blindness.
type textMark struct {
	// color is the theme colour of the piece's text; "" keeps the
	// foreground colour.
	color fyne.ThemeColorName
	// line is drawn under or through the piece, in lineColor.
	line      markLine
	lineColor fyne.ThemeColorName
	// tint, if set, is a theme colour laid faintly (at tintAlpha) behind
	// the piece, over the height of its line.
	tint fyne.ThemeColorName
}

// tintAlpha is the opacity of a tint: light enough that the text on it
// keeps nearly all its contrast, in the light theme as in the dark, and
// dark enough to show as a grey on a black-and-white printout.
const tintAlpha = 0.2

// tinted returns c at tintAlpha of its opacity.
func tinted(c color.Color) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(math.Round(float64(n.A) * tintAlpha))
	return n
}

// markLine is the kind of line drawn with a piece.
type markLine uint8

const (
	markNone markLine = iota
	markUnderline
	markStrike
	markDots
)

// underlined is the mark of inserted text and of a match.
var underlined = textMark{color: theme.ColorNamePrimary, line: markUnderline, lineColor: theme.ColorNamePrimary}

// Text returns the text shown, in logical (typing) order, whole even
// where a truncated line shows only its beginning.
func (t *rtlText) Text() string { return t.text }

// LineSize is the size the text takes unwrapped and uncut, each paragraph
// on one line, with the padding around it: what NewLine's minimum size
// would be. A layout that can give the text its full width uses it.
func (t *rtlText) LineSize() fyne.Size {
	th := t.Theme()
	size := th.Size(theme.SizeNameText)
	pad := th.Size(theme.SizeNameInnerPadding)
	measure := measurer(size, t.style)
	var widest float32
	paras := strings.Split(t.text, "\n")
	for _, para := range paras {
		for _, l := range rtl.Layout(para, rtl.Auto, math.MaxFloat32, measure) {
			widest = max(widest, plainWidth(l, measure))
		}
	}
	lineH := fyne.MeasureText("Mg", size, t.style).Height
	return fyne.NewSize(widest+2*pad, float32(len(paras))*lineH+2*pad)
}

// measurer measures strings in the given text size and style.
func measurer(size float32, style fyne.TextStyle) rtl.Measure {
	return func(s string) float32 { return fyne.MeasureText(s, size, style).Width }
}

// plainWidth is the drawn width of a line of unmarked text.
func plainWidth(l rtl.Line, measure rtl.Measure) float32 {
	if startsWithSpace(l.Text[l.Start:l.End]) {
		// l.Width counts the spaces Display drops.
		return measure(Display(l))
	}
	return l.Width
}

// Resize re-wraps (or cuts) the text at the new width; the new height
// then reaches the container through MinSize.
func (t *rtlText) Resize(size fyne.Size) {
	old := t.Size()
	t.BaseWidget.Resize(size)
	if (t.wrap || t.truncate) && old.Width != size.Width {
		t.Refresh()
	}
}

// CreateRenderer implements fyne.Widget.
func (t *rtlText) CreateRenderer() fyne.WidgetRenderer {
	return &rtlTextRenderer{t: t}
}

type rtlTextRenderer struct {
	t     *rtlText
	tints []*canvas.Rectangle
	texts []*canvas.Text
	marks []*canvas.Line
	// what the texts were laid out for
	text  string
	spans []rtl.Span
	width float32
	size  float32
	style fyne.TextStyle
	font  fyne.Resource
	// metrics are the font's, ok false when it has none
	metrics   fontMetrics
	metricsOK bool
	lines     []placedLine
	lineH     float32
	min       fyne.Size
}

// A placedLine is one laid-out line: its pieces and where it goes.
type placedLine struct {
	pieces []placedPiece
	y      float32 // from the widget's top, below the padding
	width  float32
	rtl    bool // aligned right, as a right-to-left paragraph starts there
}

// A placedPiece is a display string drawn in one style, x from the line's
// left edge. A line of unmarked text is one piece: the whole line.
type placedPiece struct {
	display string
	x       float32
	width   float32
	style   int
}

// layout lays the text out for a content width (math.MaxFloat32 for no
// wrapping), reusing the last layout when nothing changed.
func (r *rtlTextRenderer) layout(width float32) {
	th := r.t.Theme()
	size := th.Size(theme.SizeNameText)
	pad := th.Size(theme.SizeNameInnerPadding)
	inner := width - 2*pad
	fits := r.t.wrap || r.t.truncate // laid out to the width given
	if !fits || inner <= 0 {
		inner = math.MaxFloat32
	}
	font := th.Font(r.t.style)
	if r.lines != nil && r.text == r.t.text && slices.Equal(r.spans, r.t.spans) &&
		r.width == inner && r.size == size && r.style == r.t.style && r.font == font {
		return
	}
	if r.font != font {
		r.metrics, r.metricsOK = metricsOf(font)
	}
	r.text, r.spans, r.width, r.size, r.style, r.font = r.t.text, r.t.spans, inner, size, r.t.style, font
	style := r.t.style
	measure := measurer(size, style)
	lineHeight := fyne.MeasureText("Mg", size, style).Height
	r.lineH = lineHeight
	r.lines = r.lines[:0]
	var ellipsis float32
	if r.t.truncate {
		ellipsis = measure(ellipsisText)
	}
	if fits && width <= 0 {
		// Not placed yet: a container asks for the minimum size before it
		// gives the text its width. Until then the text is one line per
		// paragraph, as unwrapped, and nothing is drawn, so nothing is
		// measured: containers then lay it out again at its width.
		r.min = fyne.NewSize(2*pad+ellipsis, float32(strings.Count(r.t.text, "\n")+1)*lineHeight+2*pad)
		return
	}
	var y, widest float32
	off := 0
	for _, para := range strings.Split(r.t.text, "\n") {
		spans := paraSpans(r.t.spans, off, off+len(para))
		off += len(para) + 1
		lines := rtl.Layout(para, rtl.Auto, inner, measure)
		if r.t.truncate {
			lines = truncated(para, inner, ellipsis, measure)
		}
		for _, l := range lines {
			pl := placedLine{y: y, rtl: l.Level%2 == 1}
			if spans == nil {
				pl.width = plainWidth(l, measure)
				pl.pieces = []placedPiece{{display: Display(l), width: pl.width}}
			} else {
				pl.pieces, pl.width = placePieces(l, spans, byWords(measure))
			}
			r.lines = append(r.lines, pl)
			widest = max(widest, pl.width)
			y += lineHeight
		}
	}
	r.min = fyne.NewSize(2*pad, y+2*pad)
	switch {
	case r.t.truncate:
		r.min.Width += ellipsis
	case !r.t.wrap:
		r.min.Width += widest
	}
}

// ellipsisText ends a line cut short.
const ellipsisText = "…"

// truncated lays para out on one line: whole when it fits in width,
// otherwise its beginning, cut at a space where one is near enough (else
// between letters), followed by an ellipsis. The ellipsis is neutral, so
// it goes where the line ends in reading order: on the left of Arabic.
func truncated(para string, width, ellipsis float32, measure rtl.Measure) []rtl.Line {
	whole := rtl.Layout(para, rtl.Auto, math.MaxFloat32, measure)
	if len(whole) != 1 || plainWidth(whole[0], measure) <= width {
		return whole[:1]
	}
	first := rtl.Wrap(para, max(0, width-ellipsis), measure)[0]
	cut := strings.TrimRightFunc(para[:first.End], unicode.IsSpace)
	// A paragraph that reads right to left stays so when its beginning is
	// a neutral: the first strong letter after the cut decides, as before.
	return rtl.Layout(cut+ellipsisText, paraDirection(whole[0]), math.MaxFloat32, measure)
}

// paraDirection is the base direction a laid-out line resolved to.
func paraDirection(l rtl.Line) rtl.Direction {
	if l.Level%2 == 1 {
		return rtl.RTL
	}
	return rtl.LTR
}

// paraSpans returns the spans that overlap the paragraph [start, end) of
// the text, clipped to it and made relative to its start; nil when none
// do, so that the paragraph is drawn one text per line.
func paraSpans(spans []rtl.Span, start, end int) []rtl.Span {
	var out []rtl.Span
	for _, sp := range spans {
		s, e := max(sp.Start, start), min(sp.End, end)
		if s < e {
			out = append(out, rtl.Span{Start: s - start, End: e - start, Style: sp.Style})
		}
	}
	return out
}

// placePieces splits a line into styled pieces in visual order and places
// them left to right by measuring each piece's display string, which keeps
// the order of the line's plain display string. Spaces at the line's two
// ends are dropped, as Display does.
func placePieces(l rtl.Line, spans []rtl.Span, measure rtl.Measure) ([]placedPiece, float32) {
	ps := rtl.Pieces(l, spans)
	trim := func(i int, f func(string, func(rune) bool) string) bool {
		in := f(overridden(ps[i].Text), unicode.IsSpace)
		if in == "" {
			return false
		}
		ps[i].Text = overrideLTR + in + overridePop
		return true
	}
	for len(ps) > 0 && !trim(0, strings.TrimLeftFunc) {
		ps = ps[1:]
	}
	for len(ps) > 0 && !trim(len(ps)-1, strings.TrimRightFunc) {
		ps = ps[:len(ps)-1]
	}
	if len(ps) == 0 {
		// A line of spaces still takes its place, as in plain text.
		return []placedPiece{{display: overrideLTR + overridePop}}, 0
	}
	out := make([]placedPiece, len(ps))
	var x float32
	for i, p := range ps {
		w := measure(p.Text)
		out[i] = placedPiece{display: p.Text, x: x, width: w, style: p.Style}
		x += w
	}
	return out, x
}

// byWords measures a display string as the sum of its words and of the
// spaces between them, each measured on its own: Fyne keeps the width of
// every string it measured, and words come back from article to article
// where whole pieces of a line do not. The sum is exact for Arabic, whose
// letters never join across a space (as ui/rtl's wrapping assumes). Words
// of an overridden string are measured overridden, as they are drawn.
func byWords(m rtl.Measure) rtl.Measure {
	return func(s string) float32 {
		inner := overridden(s)
		wrapped := len(inner) != len(s)
		var w float32
		for len(inner) > 0 {
			space := startsWithSpace(inner)
			end := strings.IndexFunc(inner, func(r rune) bool { return unicode.IsSpace(r) != space })
			if end < 0 {
				end = len(inner)
			}
			part := inner[:end]
			if wrapped && !space {
				part = overrideLTR + part + overridePop
			}
			w += m(part)
			inner = inner[end:]
		}
		return w
	}
}

// The override pair wrapped around every display string.
const overrideLTR, overridePop = "\u202D", "\u202C"

// overridden returns the display string d without its override pair.
func overridden(d string) string {
	return strings.TrimSuffix(strings.TrimPrefix(d, overrideLTR), overridePop)
}

func (r *rtlTextRenderer) Layout(size fyne.Size) {
	r.layout(size.Width)
	pad := theme.SizeForWidget(theme.SizeNameInnerPadding, r.t)
	fg := theme.ColorForWidget(theme.ColorNameForeground, r.t)
	// Underlines and dots are thick enough to show on paper; the text
	// size already carries the user's scale. A strike-through is as thin
	// as the font makes it, as it crosses the letters.
	stroke := max(1, r.size/10)
	strikeY, strikeW := strikeLine(r.metrics, r.metricsOK, r.size, r.lineH)
	nt, nm, nr := 0, 0, 0
	for _, l := range r.lines {
		left := pad // a left-to-right paragraph starts on the left
		if l.rtl {
			left = size.Width - pad - l.width
		}
		for _, p := range l.pieces {
			if nt == len(r.texts) {
				r.texts = append(r.texts, canvas.NewText("", fg))
			}
			c := r.texts[nt]
			nt++
			var m textMark
			if p.style != 0 && r.t.mark != nil {
				m = r.t.mark(p.style)
			}
			c.Text, c.Color, c.TextSize, c.TextStyle = p.display, fg, r.size, r.style
			if m.color != "" {
				c.Color = theme.ColorForWidget(m.color, r.t)
			}
			pos := fyne.NewPos(left+p.x, pad+l.y)
			c.Move(pos)
			// The line height, rather than the text's MinSize, which
			// would shape the whole line again.
			c.Resize(fyne.NewSize(p.width, r.lineH))
			if m.tint != "" {
				if nr == len(r.tints) {
					r.tints = append(r.tints, canvas.NewRectangle(nil))
				}
				tr := r.tints[nr]
				nr++
				tr.FillColor = tinted(theme.ColorForWidget(m.tint, r.t))
				tr.Move(pos)
				tr.Resize(c.Size())
			}
			if m.line == markNone {
				continue
			}
			lc := fg
			if m.lineColor != "" {
				lc = theme.ColorForWidget(m.lineColor, r.t)
			}
			for _, seg := range markSegments(m.line, pos, c.Size(), stroke, strikeY, strikeW) {
				if nm == len(r.marks) {
					r.marks = append(r.marks, canvas.NewLine(lc))
				}
				ml := r.marks[nm]
				nm++
				ml.StrokeColor, ml.StrokeWidth = lc, seg.width
				ml.Position1, ml.Position2 = seg.a, seg.b
			}
		}
	}
	r.tints, r.texts, r.marks = r.tints[:nr], r.texts[:nt], r.marks[:nm]
}

// A segment is a straight line of a mark, from a to b, width thick.
type segment struct {
	a, b  fyne.Position
	width float32
}

// markSegments returns the line segments that draw a mark for a text box
// at pos of the given size. Underlines and dots are stroke thick; a
// strike-through is strikeW thick, its middle strikeY below the top of
// the box (see strikeLine).
func markSegments(kind markLine, pos fyne.Position, size fyne.Size, stroke, strikeY, strikeW float32) []segment {
	seg := func(x0, x1, y, w float32) segment {
		return segment{fyne.NewPos(x0, y), fyne.NewPos(x1, y), w}
	}
	x0, x1 := pos.X, pos.X+size.Width
	// Underlines sit inside the box's bottom, the font's descender, below
	// the descenders of Arabic letters. (A font's own underline position
	// is made for Latin letters: DejaVu Sans puts it through the tails of
	// Arabic ones.)
	under := pos.Y + size.Height - stroke
	switch kind {
	case markUnderline:
		return []segment{seg(x0, x1, under, stroke)}
	case markStrike:
		// The text's top is drawn on a whole unit, and the baseline from
		// there.
		top := float32(math.Round(float64(pos.Y)))
		return []segment{seg(x0, x1, snap(top+strikeY, strikeW), strikeW)}
	case markDots:
		// Dots of two strokes with gaps of two, the last one cut at the
		// piece's end.
		var out []segment
		for x := x0; x < x1; x += 4 * stroke {
			out = append(out, seg(x, min(x+2*stroke, x1), under, stroke))
		}
		return out
	}
	return nil
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
	for _, m := range r.marks {
		m.Refresh()
	}
	for _, t := range r.tints {
		t.Refresh()
	}
}

// Objects returns the tints first, so that they are drawn behind the text,
// then the texts, then the lines of the marks over them.
func (r *rtlTextRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(r.tints)+len(r.texts)+len(r.marks))
	for _, t := range r.tints {
		objs = append(objs, t)
	}
	for _, c := range r.texts {
		objs = append(objs, c)
	}
	for _, m := range r.marks {
		objs = append(objs, m)
	}
	return objs
}

func (r *rtlTextRenderer) Destroy() {}

// Display is rtl.Display without the spaces at the line's ends, as the
// widgets draw a line: a wrapped line keeps the space it broke at, which
// would push the drawn text off its alignment by a space's width. It is
// what to give a Fyne widget that draws one line as it is told (a Select's
// option, say).
func Display(l rtl.Line) string {
	d := rtl.Display(l)
	inner := overridden(d)
	if len(inner)+len(overrideLTR)+len(overridePop) != len(d) {
		return strings.TrimSpace(d)
	}
	return overrideLTR + strings.TrimSpace(inner) + overridePop
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}
