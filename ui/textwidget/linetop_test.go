package textwidget_test

import (
	"strings"
	"testing"

	"statute/ui/textwidget"
)

// LineTop says where each word of a wrapped text is drawn: at the top of
// the line that shows it, in the paragraph it is in.
func TestLineTopIsWhereTheWordIsDrawn(t *testing.T) {
	text := longHeading + "\n" + "بدائرة نفوذها"
	w := textwidget.NewText(text)
	trackedWindow(t, w, 160)
	lines, _ := drawn(w)
	if len(lines) < 3 {
		t.Fatalf("the text is drawn on %d line(s) at 160 wide, want its first paragraph wrapped", len(lines))
	}
	off := 0
	for para := range strings.SplitSeq(text, "\n") {
		for word := range strings.FieldsSeq(para) {
			at := off + strings.Index(para, word)
			top, ok := w.LineTop(at)
			if !ok {
				t.Fatalf("LineTop(%d) for «%s» says the text has no such line", at, word)
			}
			var y []float32
			for _, l := range lines {
				if strings.Contains(l.read(), visual(word)) {
					y = append(y, l.texts[0].Position().Y)
				}
			}
			if len(y) != 1 || !near(y[0], top) {
				t.Errorf("«%s» is drawn on lines at y %v, LineTop says %v", word, y, top)
			}
		}
		off += len(para) + 1
	}
	if _, ok := w.LineTop(len(text)); ok {
		t.Error("LineTop past the text's end gives a line")
	}
}
