package word_test

import (
	"testing"

	"statute/drafts/parse"
	"statute/drafts/word"
	"statute/drafts/workload"
)

// BenchmarkReadWorkload reads the 1,000-article workload draft from a
// .docx laid out as the app's DOCX export writes it (about 110 KB zipped,
// its document.xml 1.5 MB), to the draft parse makes of it.
func BenchmarkReadWorkload(b *testing.B) {
	d, err := parse.Parse(workload.DraftText(1000, 1), parse.Options{})
	if err != nil {
		b.Fatal(err)
	}
	data := exportLike(b, d)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		got, _, err := word.Read("workload.docx", data, parse.Options{})
		if err != nil || len(got.Articles) != len(d.Articles) {
			b.Fatalf("read %v articles, err %v", got, err)
		}
	}
}
