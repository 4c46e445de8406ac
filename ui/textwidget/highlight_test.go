package textwidget_test

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/canvas"

	"statute/ui/textwidget"
)

// SetHighlighted marks several matches, in different paragraphs, each
// underlined where its word is drawn and nowhere else; setting the text
// again without matches takes the marks away.
func TestTextMarksSeveralMatches(t *testing.T) {
	text := "يحدد هذا القانون كيفيات انتخاب أعضائها.\nيتكون أعضاؤها من صناع تقليديين."
	w := textwidget.NewText("")
	trackedWindow(t, w, 1000)
	words := []string{"أعضائها", "أعضاؤها"}
	var ranges []textwidget.Range
	for _, word := range words {
		i := strings.Index(text, word)
		ranges = append(ranges, textwidget.Range{Start: i, End: i + len(word)})
	}
	w.SetHighlighted(text, ranges)
	if got := w.Highlighted(); !slices.Equal(got, words) {
		t.Fatalf("Highlighted() = %q, want %q", got, words)
	}
	lines, marks := drawn(w)
	if len(lines) != 2 {
		t.Fatalf("%d lines drawn, want the 2 paragraphs", len(lines))
	}
	if len(marks) != len(words) {
		t.Errorf("%d marks drawn, want one under each of the %d matches", len(marks), len(words))
	}
	for li, word := range words {
		i := slices.IndexFunc(lines[li].texts, func(x *canvas.Text) bool { return bare(x.Text) == visual(word) })
		if i < 0 {
			t.Errorf("line %d: %q not drawn as a piece of its own; it reads %q", li+1, word, lines[li].read())
			continue
		}
		piece := lines[li].texts[i]
		x0, x1 := piece.Position().X, piece.Position().X+piece.Size().Width
		bottom := piece.Position().Y + piece.Size().Height
		under := slices.IndexFunc(marks, func(m *canvas.Line) bool {
			return near(m.Position1.X, x0) && near(m.Position2.X, x1) && m.Position1.Y <= bottom && m.Position1.Y > piece.Position().Y+piece.Size().Height/2
		})
		if under < 0 {
			t.Errorf("%q, drawn from x=%v to %v, is not underlined", word, x0, x1)
		}
	}

	w.SetHighlighted(text, nil)
	if _, marks := drawn(w); len(marks) != 0 || len(w.Highlighted()) != 0 {
		t.Errorf("with no matches %d marks are drawn, %q marked; want none", len(marks), w.Highlighted())
	}
	// Ranges that do not fit the text are left out.
	w.SetHighlighted("نص", []textwidget.Range{{Start: 2, End: 99}, {Start: 3, End: 1}})
	if len(w.Highlighted()) != 0 {
		t.Errorf("ranges outside the text marked %q", w.Highlighted())
	}
}
