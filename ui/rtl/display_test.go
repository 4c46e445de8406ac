package rtl_test

import (
	"testing"

	"github.com/go-text/typesetting/bidi"

	"statute/ui/rtl"
)

func TestDisplay(t *testing.T) {
	tests := []struct {
		name string
		text string
		dir  rtl.Direction
		want string // between the override pair
	}{
		{"article heading with digit and colon", "المادة 1: تحدث غرف", rtl.RTL, "فرغ ثدحت :1 ةداملا"},
		{"law number stays left to right", "القانون رقم 18.09", rtl.RTL, "18.09 مقر نوناقلا"},
		{"eastern digits", "المادة ٤", rtl.RTL, "٤ ةداملا"},
		{"eastern digits, several", "المادة ١٢", rtl.RTL, "١٢ ةداملا"},
		{"French in parentheses alone", "(artisans)", rtl.RTL, "(artisans)"},
		{"French in parentheses after Arabic", "غرفة (Chambre d'artisanat)", rtl.RTL, "(Chambre d'artisanat) ةفرغ"},
		{"guillemets mirrored", "«المادة الأولى»", rtl.RTL, "«ىلوألا ةداملا»"},
		{"brackets mirrored", "[غرف] {جهة} <نص>", rtl.RTL, "<صن> {ةهج} [فرغ]"},
		{"harakat stay after their letter", "كَتَبَ", rtl.RTL, "بَتَكَ"},
		{"shadda with fatha stays on its letter", "مُدّة", rtl.RTL, "ةدّمُ"},
		{"superscript alef stays on its letter", "هٰذا", rtl.RTL, "اذهٰ"},
		{"French article, left to right", "Article 2 : les chambres", rtl.Auto, "Article 2 : les chambres"},
		// UBA: "Article 3 : " level 0, "الغرفة " 1, "12" 2 (W2 makes it AN),
		// " et" 0: the Arabic and its number swap as one block.
		{"mixed line in a French paragraph", "Article 3 : الغرفة 12 et", rtl.Auto, "Article 3 : 12 ةفرغلا et"},
		{"auto picks right to left from the first strong letter", "12 غرفة", rtl.Auto, "ةفرغ 12"},
		{"direction marks are not drawn", "غرفة\u200F 5", rtl.RTL, "5 ةفرغ"},
		{"empty paragraph", "", rtl.RTL, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rtl.Display(layoutOne(tt.text, tt.dir))
			if want := lro + tt.want + pdf; got != want {
				t.Errorf("Display(%q)\n got %s\nwant %s", tt.text, visible(got), visible(want))
			}
		})
	}
}

// TestDisplayIsOneLeftToRightRun checks the premise of the display string:
// whatever paragraph direction the painter assumes, the bidi algorithm (the
// one go-text's shaper segments with) puts everything between the override
// pair in a single left-to-right run, so our order is kept.
func TestDisplayIsOneLeftToRightRun(t *testing.T) {
	for _, text := range []string{"المادة 1: تحدث غرف", "غرفة (Chambre d'artisanat)", "القانون رقم 18.09"} {
		for _, dir := range []bidi.Direction{bidi.LeftToRight, bidi.RightToLeft} {
			t.Run(text, func(t *testing.T) {
				display := []rune(rtl.Display(layoutOne(text, rtl.RTL)))
				var p bidi.Paragraph
				runs := p.Segment(display, dir)
				for i := 0; i < runs.NumRuns(); i++ {
					r := runs.Run(i)
					if r.Start <= 1 && r.End >= len(display)-1 {
						if !r.IsLeftToRight() {
							t.Errorf("text of %q is one run but right to left", text)
						}
						return
					}
				}
				t.Errorf("text of %q is split into %d bidi runs; want one left-to-right run", text, runs.NumRuns())
			})
		}
	}
}

func TestRuns(t *testing.T) {
	text := "القانون رقم 18.09"
	l := layoutOne(text, rtl.RTL)
	num := len("القانون رقم ")
	want := []rtl.Run{
		{Start: num, End: len(text), RTL: false, Level: 2},
		{Start: 0, End: num, RTL: true, Level: 1},
	}
	if len(l.Runs) != len(want) {
		t.Fatalf("runs %+v, want %+v", l.Runs, want)
	}
	for i := range want {
		if l.Runs[i] != want[i] {
			t.Errorf("run %d = %+v, want %+v", i, l.Runs[i], want[i])
		}
	}
	if l.Level != 1 {
		t.Errorf("paragraph level %d, want 1", l.Level)
	}
}

func TestPieces(t *testing.T) {
	text := "تحدث غرف للصناعة التقليدية"
	word := func(w string) (int, int) {
		for i := 0; i+len(w) <= len(text); i++ {
			if text[i:i+len(w)] == w {
				return i, i + len(w)
			}
		}
		t.Fatalf("%q not in %q", w, text)
		return 0, 0
	}
	s1, e1 := word("غرف")
	_, e2 := word("للصناعة")
	tests := []struct {
		name  string
		spans []rtl.Span
		want  []rtl.Piece
	}{
		{"no spans gives the display string", nil, []rtl.Piece{
			{Text: lro + "ةيديلقتلا ةعانصلل فرغ ثدحت" + pdf, Start: 0, End: len(text)},
		}},
		{"one highlighted word in the middle", []rtl.Span{{Start: s1, End: e1, Style: 1}}, []rtl.Piece{
			{Text: lro + "ةيديلقتلا ةعانصلل " + pdf, Start: e1, End: len(text)},
			{Text: lro + "فرغ" + pdf, Style: 1, Start: s1, End: e1},
			{Text: lro + " ثدحت" + pdf, Start: 0, End: s1},
		}},
		{"span at the line start is drawn rightmost", []rtl.Span{{Start: 0, End: len("تحدث"), Style: 2}}, []rtl.Piece{
			{Text: lro + "ةيديلقتلا ةعانصلل فرغ " + pdf, Start: len("تحدث"), End: len(text)},
			{Text: lro + "ثدحت" + pdf, Style: 2, Start: 0, End: len("تحدث")},
		}},
		{"span at the line end is drawn leftmost", []rtl.Span{{Start: len(text) - len("التقليدية"), End: len(text), Style: 3}}, []rtl.Piece{
			{Text: lro + "ةيديلقتلا" + pdf, Style: 3, Start: len(text) - len("التقليدية"), End: len(text)},
			{Text: lro + " ةعانصلل فرغ ثدحت" + pdf, Start: 0, End: len(text) - len("التقليدية")},
		}},
		{"adjacent spans of two styles", []rtl.Span{{Start: s1, End: e1, Style: 1}, {Start: e1, End: e2, Style: 2}}, []rtl.Piece{
			{Text: lro + "ةيديلقتلا " + pdf, Start: e2, End: len(text)},
			{Text: lro + "ةعانصلل " + pdf, Style: 2, Start: e1, End: e2},
			{Text: lro + "فرغ" + pdf, Style: 1, Start: s1, End: e1},
			{Text: lro + " ثدحت" + pdf, Start: 0, End: s1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rtl.Pieces(layoutOne(text, rtl.RTL), tt.spans)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d pieces %+v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("piece %d = {%s %d %d-%d}, want {%s %d %d-%d}", i,
						visible(got[i].Text), got[i].Style, got[i].Start, got[i].End,
						visible(tt.want[i].Text), tt.want[i].Style, tt.want[i].Start, tt.want[i].End)
				}
			}
		})
	}
}

func TestPiecesMixedRuns(t *testing.T) {
	// A highlight over the law number and the word before it spans an
	// Arabic run and a left-to-right run: each run keeps its own order.
	text := "القانون رقم 18.09 المتعلق"
	start := len("القانون ")
	end := len("القانون رقم 18.09")
	got := rtl.Pieces(layoutOne(text, rtl.RTL), []rtl.Span{{Start: start, End: end, Style: 1}})
	var joined string
	for _, p := range got {
		joined += p.Text[len(lro) : len(p.Text)-len(pdf)]
	}
	if want := "قلعتملا 18.09 مقر نوناقلا"; joined != want {
		t.Errorf("pieces read %q, want %q", joined, want)
	}
	var styled string
	for _, p := range got {
		if p.Style == 1 {
			styled += p.Text[len(lro) : len(p.Text)-len(pdf)]
		}
	}
	if want := "18.09 مقر"; styled != want {
		t.Errorf("highlighted text reads %q, want %q", styled, want)
	}
}

func TestPiecesSnapSpanEdgeOutOfCluster(t *testing.T) {
	// A span ending between a letter and its fatha must not strand the mark.
	text := "كَتَبَ"
	got := rtl.Pieces(layoutOne(text, rtl.RTL), []rtl.Span{{Start: 0, End: len("ك"), Style: 1}})
	want := []string{lro + "بَتَ" + pdf, lro + "كَ" + pdf}
	if len(got) != len(want) {
		t.Fatalf("got %d pieces, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Text != want[i] {
			t.Errorf("piece %d = %s, want %s", i, visible(got[i].Text), visible(want[i]))
		}
	}
}
