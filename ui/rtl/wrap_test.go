package rtl_test

import (
	"strings"
	"testing"

	"statute/ui/rtl"
)

const article = "المادة 1: تحدث غرف للصناعة التقليدية (Chambres d'artisanat) وفق القانون رقم 18.09"

func TestWrapAndDisplay(t *testing.T) {
	type want struct{ text, display string }
	tests := []struct {
		name  string
		text  string
		width float32
		want  []want
	}{
		{"whole article on one line", article, 1e9, []want{
			{article, "18.09 مقر نوناقلا قفو (Chambres d'artisanat) ةيديلقتلا ةعانصلل فرغ ثدحت :1 ةداملا"},
		}},
		// Ten characters a line: the brackets pair across lines, trailing
		// spaces take the paragraph level (rule L1) and the over-long
		// «d'artisanat)» is split between characters.
		{"ten characters a line", article, 100, []want{
			{"المادة 1: ", " :1 ةداملا"},
			{"تحدث غرف ", " فرغ ثدحت"},
			{"للصناعة ", " ةعانصلل"},
			{"التقليدية ", " ةيديلقتلا"},
			{"(Chambres ", " Chambres)"},
			{"d'artisana", "d'artisana"},
			{"t) وفق ", " قفو (t"},
			{"القانون ", " نوناقلا"},
			{"رقم 18.09", "18.09 مقر"},
		}},
		{"harakat never leave their letter", "كَتَبَ", 15, []want{
			{"كَ", "كَ"}, {"تَ", "تَ"}, {"بَ", "بَ"},
		}},
		{"zero width gives each character its own line", "غرف 12 صناعة", 0, []want{
			{"غ", "غ"}, {"ر", "ر"}, {"ف ", " ف"}, {"1", "1"}, {"2 ", " 2"},
			{"ص", "ص"}, {"ن", "ن"}, {"ا", "ا"}, {"ع", "ع"}, {"ة", "ة"},
		}},
		{"a word wider than the line is split last", "غرف مستخدمين", 40, []want{
			{"غرف ", " فرغ"}, {"مستخ", "ختسم"}, {"دمين", "نيمد"},
		}},
		{"empty paragraph keeps one line", "", 100, []want{{"", ""}}},
		{"leading spaces are kept and drawn", "  غرف", 100, []want{{"  غرف", "فرغ  "}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := rtl.Layout(tt.text, rtl.RTL, tt.width, fakeMeasure)
			if len(lines) != len(tt.want) {
				var got []string
				for _, l := range lines {
					got = append(got, l.Text[l.Start:l.End])
				}
				t.Fatalf("got %d lines %q, want %d", len(lines), got, len(tt.want))
			}
			for i, l := range lines {
				if got := l.Text[l.Start:l.End]; got != tt.want[i].text {
					t.Errorf("line %d = %q, want %q", i, got, tt.want[i].text)
				}
				if got, w := rtl.Display(l), lro+tt.want[i].display+pdf; got != w {
					t.Errorf("line %d displays %s, want %s", i, visible(got), visible(w))
				}
			}
		})
	}
}

// TestWrapInvariants checks, at many widths, what every caller relies on:
// lines tile the paragraph, none is wider than asked unless it holds a
// single cluster, and trailing spaces are not counted.
func TestWrapInvariants(t *testing.T) {
	text := article + " " + strings.Repeat("وتتمتع بالشخصية الاعتبارية والاستقلال المالي ", 3)
	for _, width := range []float32{0, 5, 10, 35, 60, 100, 150, 333, 1e9} {
		lines := rtl.Wrap(text, width, fakeMeasure)
		next := 0
		for i, l := range lines {
			if l.Start != next {
				t.Fatalf("width %v: line %d starts at %d, want %d", width, i, l.Start, next)
			}
			next = l.End
			body := strings.TrimRight(l.Text[l.Start:l.End], " ")
			if l.Width != fakeMeasure(body) {
				t.Errorf("width %v: line %d %q has Width %v, want %v", width, i, body, l.Width, fakeMeasure(body))
			}
			if l.Width > width && runeLen(strings.TrimLeft(body, " ")) > 1 && strings.Contains(body, " ") {
				t.Errorf("width %v: line %d %q is %v wide", width, i, body, l.Width)
			}
		}
		if next != len(text) {
			t.Errorf("width %v: lines end at %d, want %d", width, next, len(text))
		}
	}
}

func TestWrapMeasuresEachWordOnce(t *testing.T) {
	text := strings.Repeat("غرف الصناعة التقليدية ", 20)
	c := countingMeasure{}
	rtl.Wrap(text, 120, c.measure)
	for s, n := range c {
		if n > 1 {
			t.Errorf("%q measured %d times", s, n)
		}
		if strings.Contains(strings.TrimSpace(s), " ") {
			t.Errorf("measured %q, a string of several words", s)
		}
	}
}

func TestAutoDirection(t *testing.T) {
	tests := []struct {
		text  string
		level int
	}{
		{"Article 2 : les chambres", 0},
		{"المادة 2", 1},
		{"12 غرفة", 1},
		{"12", 0},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := layoutOne(tt.text, rtl.Auto).Level; got != tt.level {
				t.Errorf("paragraph level %d, want %d", got, tt.level)
			}
		})
	}
}
