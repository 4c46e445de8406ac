package rtl_test

import (
	"strings"
	"testing"

	"statute/drafts/workload"
	"statute/ui/rtl"
)

// article45 is a 45-word Arabic article, the length of a typical article of
// a draft, which the editor lays out on every keystroke.
var article45 = strings.Join(strings.Fields(strings.Repeat(article+" وتتمتع بالشخصية الاعتبارية والاستقلال المالي ", 3))[:45], " ")

func layoutAll(paragraphs []string) int {
	n := 0
	for _, p := range paragraphs {
		for _, l := range rtl.Layout(p, rtl.RTL, 400, fakeMeasure) {
			n += len(rtl.Display(l))
		}
	}
	return n
}

func BenchmarkLayout45Words(b *testing.B) {
	if n := len(strings.Fields(article45)); n != 45 {
		b.Fatalf("article has %d words", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		layoutAll([]string{article45})
	}
}

func BenchmarkLayoutWorkload1000(b *testing.B) {
	d := workload.Draft(1000, 1)
	var paragraphs []string
	for i := range d.Articles {
		paragraphs = append(paragraphs, strings.Split(d.Articles[i].Text(), "\n")...)
	}
	b.ReportAllocs()
	for b.Loop() {
		layoutAll(paragraphs)
	}
}
