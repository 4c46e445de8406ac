package pdftext_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"statute/drafts/parse"
	"statute/drafts/pdftext"
	"statute/drafts/workload"
)

// printed is the generated 1,000-article draft as pdftotext -layout gives
// a PDF of it: lines of up to 100 letters, justified (a full line starts
// at the left margin, a paragraph's last one further right), each wrapped
// in embedding marks, 45 lines a page under a running header and over a
// page number.
func printed(b *testing.B) string {
	var lines []string
	for _, para := range strings.Split(strings.TrimSpace(string(workload.DraftText(1000, 1))), "\n") {
		para = strings.TrimLeft(para, "# ")
		if para == "" {
			continue
		}
		var cur []string
		width := 0
		flush := func(last bool) {
			text := strings.Join(cur, " ")
			indent := 0
			if last {
				indent = 100 - utf8.RuneCountInString(text)
			}
			lines = append(lines, strings.Repeat(" ", max(0, indent))+rle+text+pdf)
			cur, width = nil, 0
		}
		for _, w := range strings.Fields(para) {
			if n := utf8.RuneCountInString(w); width+n+1 > 100 && len(cur) > 0 {
				flush(false)
			}
			cur = append(cur, w)
			width += utf8.RuneCountInString(w) + 1
		}
		flush(true)
	}
	var out strings.Builder
	for i := 0; i < len(lines); i += 45 {
		out.WriteString(strings.Repeat(" ", 40) + rle + "مشروع قانون للتجربة" + pdf + "\n")
		for _, l := range lines[i:min(i+45, len(lines))] {
			out.WriteString(l + "\n")
		}
		fmt.Fprintf(&out, "%s- %d -\n\f", strings.Repeat(" ", 50), i/45+1)
	}
	return out.String()
}

// BenchmarkRepair repairs the text of a 1,000-article draft's PDF, as
// import does after pdftotext.
func BenchmarkRepair(b *testing.B) {
	raw := printed(b)
	text, rep := pdftext.Repair(raw)
	d, err := parse.ParseString(text, parse.Options{})
	if err != nil || len(d.Articles) != 1000 {
		b.Fatalf("the repaired text reads as %v articles (%v), want 1,000", d, err)
	}
	b.ReportMetric(float64(rep.Pages), "pages")
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		pdftext.Repair(raw)
	}
}
