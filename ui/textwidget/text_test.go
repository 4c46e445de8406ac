package textwidget_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"statute/ui/textwidget"
)

// A heading longer than the narrow widths below, in Arabic letters only,
// so that a drawn line reads back by reversing it.
const longHeading = "السجل الوطني للصناعة التقليدية ومهام الغرف الجهوية"

func TestStyledTextWrapsToItsWidth(t *testing.T) {
	text := textwidget.NewStyledText(longHeading, fyne.TextStyle{Bold: true})
	win := trackedWindow(t, text, 160)
	if w := text.MinSize().Width; w >= 160 {
		t.Errorf("minimum width %v: a wrapping heading would widen a 160-wide window", w)
	}
	lines, _ := drawn(text)
	if len(lines) < 2 {
		t.Fatalf("the heading is drawn on %d line(s) at 160 wide, want it wrapped", len(lines))
	}
	var words []string
	for i, l := range lines {
		for _, c := range l.texts {
			if !c.TextStyle.Bold {
				t.Errorf("line %d is not bold", i)
			}
			if c.Position().X < 0 || c.Position().X+c.Size().Width > win.Canvas().Size().Width {
				t.Errorf("line %d spans x %v to %v, outside the 160 wide window", i, c.Position().X, c.Position().X+c.Size().Width)
			}
		}
		words = append(words, visual(l.read()))
	}
	if got := strings.Join(words, " "); got != longHeading {
		t.Errorf("the lines read %q, want the heading %q", got, longHeading)
	}
	if h := text.MinSize().Height; h < float32(len(lines))*lines[0].texts[0].Size().Height {
		t.Errorf("minimum height %v is less than the %d lines drawn", h, len(lines))
	}
}

func TestTruncatedLineShowsItsBeginningWithAnEllipsis(t *testing.T) {
	text := textwidget.NewTruncated(longHeading, fyne.TextStyle{})
	full := text.LineSize().Width
	win := trackedWindow(t, text, full+10)
	if w := text.MinSize().Width; w >= full/4 {
		t.Errorf("minimum width %v, want far less than the line's %v: an outline row must not widen the outline", w, full)
	}
	lines, _ := drawn(text)
	if len(lines) != 1 || visual(lines[0].read()) != longHeading {
		t.Fatalf("with room for it, %d line(s) drawn, want the heading whole on one", len(lines))
	}

	for _, width := range []float32{full / 2, full / 4, 30} {
		win.Resize(fyne.NewSize(width, 60))
		lines, _ := drawn(text)
		if len(lines) != 1 {
			t.Fatalf("width %v: %d lines drawn, want one", width, len(lines))
		}
		c := lines[0].texts[0]
		if c.Position().X < 0 || c.Position().X+c.Size().Width > width {
			t.Errorf("width %v: the line spans x %v to %v, past the widget's edges", width, c.Position().X, c.Position().X+c.Size().Width)
		}
		read := visual(lines[0].read())
		shown, ok := strings.CutSuffix(read, "…")
		if !ok || shown == "" || !strings.HasPrefix(longHeading, shown) {
			t.Errorf("width %v: the line reads %q, want the heading's beginning followed by «…»", width, read)
		}
		if x := c.Position().X + c.Size().Width; width > 60 && x < width-10 {
			t.Errorf("width %v: the Arabic line ends at x %v, not on the right", width, x)
		}
		if text.Text() != longHeading {
			t.Errorf("Text() = %q, want the whole heading still", text.Text())
		}
	}
}
