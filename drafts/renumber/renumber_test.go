package renumber_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/parse"
	"statute/drafts/renumber"
)

// draft parses a draft written as the sample is: a title, then articles.
func draft(t *testing.T, text string) *drafts.Draft {
	t.Helper()
	d, err := parse.ParseString("# مشروع\n\n"+text, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestRenumberingNumbersTheArticlesInOrderAndRewritesTheReferences(t *testing.T) {
	d := draft(t, `#### المادة الأولى
تطبق أحكام المادة 2 مكررة والمادتين 3 و4.

#### المادة 2
يحدد بنص تنظيمي ما تنص عليه الفقرة الثانية من المادة 4 من هذا القانون.

#### المادة 2 مكررة
تسري أحكام المواد 2 إلى 4، مع مراعاة المادة 12 من القانون رقم 50.17.

#### المادة 3
وفقا للمادة الأولى وبالمادة 3 وللمادة 9.

#### المادة 4
لا إحالة هنا.
`)
	p := renumber.Make(d)
	var table []string
	for _, r := range p.Table {
		table = append(table, r.OldKey+"→"+r.NewKey)
	}
	if want := []string{"2bis→3", "3→4", "4→5"}; !slices.Equal(table, want) {
		t.Errorf("table %q, want %q", table, want)
	}
	got := make([]string, len(p.Draft.Articles))
	for i, a := range p.Draft.Articles {
		got[i] = a.Number + ": " + strings.Join(a.Paragraphs, "\n")
	}
	want := []string{
		"الأولى: تطبق أحكام المادة 3 والمادتين 4 و5.",
		"2: يحدد بنص تنظيمي ما تنص عليه الفقرة الثانية من المادة 5 من هذا القانون.",
		"3: تسري أحكام المواد 2 إلى 5، مع مراعاة المادة 12 من القانون رقم 50.17.",
		"4: وفقا للمادة الأولى وبالمادة 4 وللمادة 9.",
		"5: لا إحالة هنا.",
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("article %d reads\n%s\nwant\n%s", i+1, got[i], want[i])
		}
	}
	// The reference to article 9, which the draft lacks, is reported and
	// left as written.
	var missing []string
	for _, r := range p.References {
		missing = append(missing, r.Missing...)
	}
	if !slices.Equal(missing, []string{"9"}) {
		t.Errorf("missing %q, want [9]", missing)
	}
	// The draft planned is left as it was.
	if d.Articles[2].Key != "2bis" || !strings.Contains(d.Articles[0].Text(), "المادة 2 مكررة") {
		t.Error("Make changed the draft it planned")
	}
	if !p.Changes() {
		t.Error("the plan says it changes nothing")
	}
}

// A draft already numbered 1 to n, whose references are all in place,
// needs no renumbering; renumbering twice changes nothing the second time.
func TestRenumberingIsIdempotent(t *testing.T) {
	d, err := parse.Parse(assets.SampleDraft, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := renumber.Make(d)
	if !first.Changes() || len(first.Table) == 0 {
		t.Fatal("the sample draft, which has bis and ter articles, needs no renumbering?")
	}
	second := renumber.Make(first.Draft)
	if second.Changes() {
		t.Errorf("renumbering a renumbered draft changes %d numbers and %d references", len(second.Table), len(second.References))
	}
	for i, a := range first.Draft.Articles {
		key, err := parse.Key(a.Number)
		if err != nil || key != a.Key || a.Key != strconv.Itoa(i+1) {
			t.Errorf("article %d is numbered %q, key %q (read back as %q, %v)", i+1, a.Number, a.Key, key, err)
		}
	}
}

// Whatever the text, renumbering numbers the articles 1 to n, keeps their
// count and order, and a second renumbering changes nothing.
func FuzzRenumber(f *testing.F) {
	f.Add("#### المادة 1\nتطبق المادة 2 مكررة.\n\n#### المادة 2 مكررة\nالمواد 1 إلى 2 مكررة.")
	f.Add("#### المادة الأولى\nالمادتين ٢ و٣، المادة 7 من القانون رقم 1.2.\n\n#### المادة ٣\nللمادة الأولى")
	f.Add(string(assets.SampleDraft))
	f.Fuzz(func(t *testing.T, text string) {
		d, err := parse.ParseString("# مشروع\n\n"+text, parse.Options{})
		if err != nil {
			return // not a draft: the parser says why, elsewhere
		}
		p := renumber.Make(d)
		if len(p.Draft.Articles) != len(d.Articles) {
			t.Fatalf("%d articles became %d", len(d.Articles), len(p.Draft.Articles))
		}
		for i, a := range p.Draft.Articles {
			if a.Heading != d.Articles[i].Heading || len(a.Paragraphs) != len(d.Articles[i].Paragraphs) {
				t.Fatalf("article %d's heading or paragraphs changed in number", i+1)
			}
		}
		if again := renumber.Make(p.Draft); again.Changes() {
			t.Fatalf("a second renumbering changes %+v %+v", again.Table, again.References)
		}
	})
}
