package drafts_test

import (
	"slices"
	"testing"

	"statute/drafts"
)

// The outline lists each division where it stands, even one with no
// article of its own, and each article one level under the division that
// holds it.
func TestOutlineListsDivisionsAndArticlesInDocumentOrder(t *testing.T) {
	d := &drafts.Draft{
		Divisions: []drafts.Division{
			{Level: drafts.Title, Heading: "الباب الأول: أحكام عامة", Parent: -1},
			{Level: drafts.Chapter, Heading: "الفصل الأول: التعريف", Parent: 0},
			{Level: drafts.Title, Heading: "الباب الثاني: أحكام ختامية", Parent: -1},
		},
		Articles: []drafts.Article{
			{Key: "1", Number: "1", Heading: "تمهيد", Division: -1},
			{Key: "2", Number: "2", Division: 1},
		},
	}
	want := []drafts.OutlineEntry{
		{Depth: 0, Heading: "المادة 1: تمهيد", Key: "1"},
		{Depth: 0, Heading: "الباب الأول: أحكام عامة"},
		{Depth: 1, Heading: "الفصل الأول: التعريف"},
		{Depth: 2, Heading: "المادة 2", Key: "2"},
		{Depth: 0, Heading: "الباب الثاني: أحكام ختامية"},
	}
	if got := d.Outline(); !slices.Equal(got, want) {
		t.Errorf("outline:\n%v\nwant\n%v", got, want)
	}
}
