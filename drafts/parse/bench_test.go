package parse_test

import (
	"strings"
	"testing"

	"statute/drafts/parse"
	"statute/drafts/workload"
)

// The generated 1,000-article draft parses to exactly the draft the
// generator meant: every key, number, heading, paragraph and division.
func TestGeneratedDraft(t *testing.T) {
	for _, n := range []int{1, 60, 1000} {
		d, err := parse.Parse(workload.DraftText(n, 1), parse.Options{})
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		want := workload.Draft(n, 1)
		if len(d.Articles) != n || len(d.Divisions) != len(want.Divisions) {
			t.Fatalf("n=%d: %d articles and %d divisions, want %d and %d", n, len(d.Articles), len(d.Divisions), n, len(want.Divisions))
		}
		for i := range d.Articles {
			got, w := d.Articles[i], want.Articles[i]
			if got.Key != w.Key || got.Number != w.Number || got.Heading != w.Heading || got.Text() != w.Text() || got.Division != w.Division {
				t.Fatalf("n=%d: article %d is %+v, want %+v", n, i, got, w)
			}
		}
	}
}

func BenchmarkParse(b *testing.B) {
	data := workload.DraftText(1000, 1)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse.Parse(data, parse.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseCRLF parses the same draft with Windows line ends, which
// send it through arabic.Normalize.
func BenchmarkParseCRLF(b *testing.B) {
	data := []byte(strings.ReplaceAll(string(workload.DraftText(1000, 1)), "\n", "\r\n"))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse.Parse(data, parse.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFormat(b *testing.B) {
	d, err := parse.Parse(workload.DraftText(1000, 1), parse.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		parse.Format(d)
	}
}

func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse.Key("المادة الحادية والعشرون مكررة"); err != nil {
			b.Fatal(err)
		}
	}
}
