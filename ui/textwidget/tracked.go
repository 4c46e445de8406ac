package textwidget

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/theme"

	"statute/drafts/diff"
	"statute/ui/rtl"
)

// Span styles of a tracked-change view.
const (
	trackedInsert = iota + 1
	trackedDelete
	trackedForm
)

// trackedMarks is how each change is drawn. Each mark has a line as well
// as a colour, so that a black-and-white printout still tells insertions
// (underlined) from deletions (struck through) and respellings (dotted).
// Inserted text takes the primary colour rather than the success green,
// whose contrast on a light background is too low to read; a respelling
// keeps the body colour, as its words are unchanged, and only its dots are
// coloured.
//
// Deleted text must stay readable, as legal staff read exactly what an
// amendment takes out. It keeps the body colour, at full contrast; the
// strike-through is thin, in the error colour, at the height the font
// gives for it (see fontMetrics), and a faint tint of the error colour
// lies behind it, which a black-and-white printout shows as light grey.
// Red letters under a red line of the same weight read as one red bar.
func trackedMarks(style int) textMark {
	switch style {
	case trackedInsert:
		return underlined
	case trackedDelete:
		return textMark{line: markStrike, lineColor: theme.ColorNameError, tint: theme.ColorNameError}
	case trackedForm:
		return textMark{line: markDots, lineColor: theme.ColorNameWarning}
	}
	return textMark{}
}

// Tracked shows a word diff as tracked changes, laid out as NewText lays
// out text: the equal, deleted and inserted text in diff order, with
// insertions underlined, deletions struck through and respellings (Form
// changes, shown in their new spelling) underlined with dots.
type Tracked struct{ rtlText }

// NewTracked shows changes, as drafts/diff gives them; nil shows nothing
// until SetChanges.
func NewTracked(changes []diff.Change) *Tracked {
	t := &Tracked{rtlText{wrap: true, mark: trackedMarks}}
	t.text, t.spans = mergeChanges(changes)
	t.ExtendBaseWidget(t)
	return t
}

// SetChanges replaces the changes shown.
func (t *Tracked) SetChanges(changes []diff.Change) {
	t.text, t.spans = mergeChanges(changes)
	t.Refresh()
}

// Inserted returns the texts shown as inserted, in text order.
func (t *Tracked) Inserted() []string { return t.marked(trackedInsert) }

// Deleted returns the texts shown as deleted, in text order.
func (t *Tracked) Deleted() []string { return t.marked(trackedDelete) }

func (t *Tracked) marked(style int) []string {
	var out []string
	for _, s := range t.spans {
		if s.Style == style {
			out = append(out, t.text[s.Start:s.End])
		}
	}
	return out
}

// mergeChanges returns the text a tracked-change view shows and the spans
// that mark its changes. Spans leave out the white space around a change,
// so that no mark runs under the space before the next word. A deletion
// directly followed by an insertion (18.09 replaced by 50.17) gets a space
// between them: the two never stood side by side in either version, and
// run together they would read as one number, or join as one Arabic word.
func mergeChanges(changes []diff.Change) (string, []rtl.Span) {
	var b strings.Builder
	var spans []rtl.Span
	prev := diff.Equal
	for _, c := range changes {
		if c.Text == "" {
			continue
		}
		if replaces(prev, c.Op) && !endsInSpace(b.String()) && !startsWithSpace(c.Text) {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(c.Text)
		prev = c.Op
		style := 0
		switch c.Op {
		case diff.Insert:
			style = trackedInsert
		case diff.Delete:
			style = trackedDelete
		case diff.Form:
			style = trackedForm
		}
		if style == 0 {
			continue
		}
		lead := len(c.Text) - len(strings.TrimLeftFunc(c.Text, unicode.IsSpace))
		trail := len(c.Text) - len(strings.TrimRightFunc(c.Text, unicode.IsSpace))
		if s, e := start+lead, b.Len()-trail; s < e {
			spans = append(spans, rtl.Span{Start: s, End: e, Style: style})
		}
	}
	return b.String(), spans
}

// replaces reports whether b following a stands for old text replaced by
// new, or the other way round.
func replaces(a, b diff.Op) bool {
	return a == diff.Delete && b == diff.Insert || a == diff.Insert && b == diff.Delete
}

func endsInSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s == "" || unicode.IsSpace(r)
}
