package merge_test

import (
	"testing"

	"statute/drafts/merge"
)

// Compose writes the article as a person resolves it: the chosen wording
// in the conflict region and every clean change of the others.
func TestComposeChosenSideWithCleanChanges(t *testing.T) {
	sides := []merge.Side{
		wording("FM-0001", "تحدث غرفة للصناعة التقليدية في كل عمالة من جهات المملكة."),
		wording("OR-0001", "تحدث غرفة للصناعة التقليدية في كل إقليم من جهات المملكة."),
		wording("SM-0001", "تحدث غرفة للصناعة التقليدية في كل جهة من جهات المملكة المغربية."),
	}
	r := merge.Merge(sentence, sides)
	if len(r.Conflicts) != 1 || len(r.Conflicts[0].Versions) != 2 {
		t.Fatalf("conflicts = %+v, want one of two versions", r.Conflicts)
	}
	c := r.Conflicts[0]
	if c.Base != "جهة" || c.Versions[0].Text != "عمالة" || c.Versions[1].Text != "إقليم" {
		t.Fatalf("conflict = %+v", c)
	}
	for v, want := range []string{
		"تحدث غرفة للصناعة التقليدية في كل عمالة من جهات المملكة المغربية.",
		"تحدث غرفة للصناعة التقليدية في كل إقليم من جهات المملكة المغربية.",
	} {
		if got := merge.Compose(sentence, sides, merge.Alike(r.Conflicts, 0, v)); got != want {
			t.Errorf("version %d (%v):\n got %q\nwant %q", v, c.Versions[v].Sides, got, want)
		}
	}
	if got, want := merge.Compose(sentence, sides, merge.AsIs), "تحدث غرفة للصناعة التقليدية في كل جهة من جهات المملكة المغربية."; got != want {
		t.Errorf("as is:\n got %q\nwant %q", got, want)
	}
}

// Choosing a chamber's wording in one region takes its wording in its
// other regions too, and the article's where it has none.
func TestComposeAlikeAcrossRegions(t *testing.T) {
	base := "يتألف المجلس من الأعضاء المنتخبين ويرأسه الرئيس."
	sides := []merge.Side{
		wording("CS-0001", "يتألف المكتب من الأعضاء المنتخبين ويرأسه الكاتب."),
		wording("DT-0001", "يتألف الجمع من الأعضاء المنتخبين ويرأسه الرئيس."),
		wording("MS-0001", "يتألف المجلس من الأعضاء المنتخبين ويرأسه الأمين."),
	}
	r := merge.Merge(base, sides)
	if len(r.Conflicts) != 2 {
		t.Fatalf("conflicts = %+v, want two", r.Conflicts)
	}
	// CS's version of the first region: CS's wording in the second too.
	if got, want := merge.Compose(base, sides, merge.Alike(r.Conflicts, 0, 0)), "يتألف المكتب من الأعضاء المنتخبين ويرأسه الكاتب."; got != want {
		t.Errorf("CS:\n got %q\nwant %q", got, want)
	}
	// DT's version of the first region: DT leaves the second as it is.
	if got, want := merge.Compose(base, sides, merge.Alike(r.Conflicts, 0, 1)), "يتألف الجمع من الأعضاء المنتخبين ويرأسه الرئيس."; got != want {
		t.Errorf("DT:\n got %q\nwant %q", got, want)
	}
	// MS's version of the second region: the first as the article has it.
	v := 1
	if r.Conflicts[1].Versions[0].Sides[0] == "MS-0001" {
		v = 0
	}
	if got, want := merge.Compose(base, sides, merge.Alike(r.Conflicts, 1, v)), "يتألف المجلس من الأعضاء المنتخبين ويرأسه الأمين."; got != want {
		t.Errorf("MS:\n got %q\nwant %q", got, want)
	}
}

// In a conflict of repeal and wording, a wording chosen is that wording;
// the repeal chosen leaves the article's text to edit.
func TestComposeRepealConflict(t *testing.T) {
	sides := []merge.Side{repeal("FM-0001"), wording("OR-0001", "تحدث غرفة في كل جهة.")}
	r := merge.Merge(sentence, sides)
	if len(r.Conflicts) != 1 || !r.Conflicts[0].Repeal {
		t.Fatalf("conflicts = %+v, want one of repeal", r.Conflicts)
	}
	if got := merge.Compose(sentence, sides, merge.Alike(r.Conflicts, 0, 1)); got != "تحدث غرفة في كل جهة." {
		t.Errorf("wording chosen: %q", got)
	}
	if got := merge.Compose(sentence, sides, merge.Alike(r.Conflicts, 0, 0)); got != sentence {
		t.Errorf("repeal chosen: %q, want the article", got)
	}
}

// Without conflicts, Compose is the merge's text.
func TestComposeClean(t *testing.T) {
	sides := []merge.Side{
		wording("FM-0001", "تحدث غرفة للصناعة التقليدية في كل عمالة من جهات المملكة."),
		wording("OR-0001", "تحدث غرفة للصناعة التقليدية في كل جهة من جهات المملكة المغربية."),
	}
	want := merge.Merge(sentence, sides).Text
	if want == "" {
		t.Fatal("the merge has no text")
	}
	if got := merge.Compose(sentence, sides, merge.AsIs); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
