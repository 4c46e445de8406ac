package merge_test

import (
	"reflect"
	"testing"

	"statute/drafts/merge"
)

const sentence = "تحدث غرفة للصناعة التقليدية في كل جهة من جهات المملكة."

// wording is a side that proposes text.
func wording(id, text string) merge.Side { return merge.Side{ID: id, Text: text} }

// repeal is a side that repeals the article.
func repeal(id string) merge.Side { return merge.Side{ID: id, Repeal: true} }

// A merge that succeeds: the consolidated text and the hunks, with the
// amendments that made each.
func TestMergeClean(t *testing.T) {
	tests := []struct {
		name  string
		base  string
		sides []merge.Side
		want  string
		hunks []merge.Hunk
	}{{
		name: "two chambers, different words of one sentence",
		base: sentence,
		sides: []merge.Side{
			wording("FM-0001", "تحدث غرفة للصناعة التقليدية في كل عمالة من جهات المملكة."),
			wording("OR-0001", "تحدث غرفة للصناعة التقليدية في كل جهة من جهات المملكة المغربية."),
		},
		want: "تحدث غرفة للصناعة التقليدية في كل عمالة من جهات المملكة المغربية.",
		hunks: []merge.Hunk{
			{Sides: []string{"FM-0001"}, Start: len("تحدث غرفة للصناعة التقليدية في كل "), End: len("تحدث غرفة للصناعة التقليدية في كل جهة"), Base: "جهة", Text: "عمالة"},
			{Sides: []string{"OR-0001"}, Start: len(sentence) - len("."), End: len(sentence) - len("."), Base: "", Text: "المغربية"},
		},
	}, {
		name: "identical proposals from three chambers count once",
		base: sentence,
		sides: []merge.Side{
			wording("SM-0003", "تحدث غرفة للصناعة التقليدية في كل جهة من جهات التراب الوطني."),
			wording("FM-0002", "تحدث غرفة للصناعة التقليدية في كل جهة من جهات التراب الوطني."),
			wording("OR-0009", "تحدث غرفة للصناعة التقليدية في كل جهة من جهات التراب الوطني."),
		},
		want: "تحدث غرفة للصناعة التقليدية في كل جهة من جهات التراب الوطني.",
		hunks: []merge.Hunk{
			{Sides: []string{"FM-0002", "OR-0009", "SM-0003"}, Start: len(sentence) - len("المملكة."), End: len(sentence) - len("."), Base: "المملكة", Text: "التراب الوطني"},
		},
	}, {
		name: "the same insertion at one point by two sides",
		base: "يتألف المجلس من الأعضاء.",
		sides: []merge.Side{
			wording("CS-0001", "يتألف المجلس من الأعضاء المنتخبين."),
			wording("DT-0001", "يتألف المجلس من الأعضاء المنتخبين."),
		},
		want: "يتألف المجلس من الأعضاء المنتخبين.",
		hunks: []merge.Hunk{
			{Sides: []string{"CS-0001", "DT-0001"}, Start: len("يتألف المجلس من الأعضاء"), End: len("يتألف المجلس من الأعضاء"), Text: "المنتخبين"},
		},
	}, {
		name:  "a side equal to the base changes nothing",
		base:  sentence,
		sides: []merge.Side{wording("FM-0004", sentence), wording("OR-0004", "  "+sentence+"\n\n")},
		want:  sentence,
	}, {
		name: "a space doubled is no change, nor a conflict with a change of the next word",
		base: "يتألف المجلس من الأعضاء.",
		sides: []merge.Side{
			wording("CS-0001", "يتألف المجلس  من الأعضاء."),
			wording("DT-0001", "يتألف المجلس من الممثلين."),
		},
		want: "يتألف المجلس من الممثلين.",
		hunks: []merge.Hunk{
			{Sides: []string{"DT-0001"}, Start: len("يتألف المجلس من "), End: len("يتألف المجلس من الأعضاء"), Base: "الأعضاء", Text: "الممثلين"},
		},
	}, {
		name: "a paragraph added by one side, a word changed in another paragraph by the other",
		base: "الفقرة الأولى من المادة.\nالفقرة الثانية من المادة.",
		sides: []merge.Side{
			wording("FM-0005", "الفقرة الأولى من المادة.\n\nفقرة جديدة.\n\nالفقرة الثانية من المادة."),
			wording("OR-0005", "الفقرة الأولى من المادة.\nالفقرة الأخيرة من المادة."),
		},
		want: "الفقرة الأولى من المادة.\nفقرة جديدة.\nالفقرة الأخيرة من المادة.",
		hunks: []merge.Hunk{
			{Sides: []string{"FM-0005"}, Start: len("الفقرة الأولى من المادة.\n"), End: len("الفقرة الأولى من المادة.\n"), Text: "فقرة جديدة."},
			{Sides: []string{"OR-0005"}, Start: len("الفقرة الأولى من المادة.\nالفقرة "), End: len("الفقرة الأولى من المادة.\nالفقرة الثانية"), Base: "الثانية", Text: "الأخيرة"},
		},
	}, {
		name:  "a repeal alone",
		base:  sentence,
		sides: []merge.Side{repeal("SM-0002")},
		hunks: []merge.Hunk{{Sides: []string{"SM-0002"}, End: len(sentence), Base: sentence, Repeal: true}},
	}, {
		name:  "two repeals are one",
		base:  sentence,
		sides: []merge.Side{repeal("SM-0002"), repeal("FM-0007")},
		hunks: []merge.Hunk{{Sides: []string{"FM-0007", "SM-0002"}, End: len(sentence), Base: sentence, Repeal: true}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := merge.Merge(tt.base, tt.sides)
			if len(got.Conflicts) > 0 {
				t.Fatalf("Merge reports conflicts %+v; want the text %q", got.Conflicts, tt.want)
			}
			if got.Text != tt.want {
				t.Errorf("Merge gives\n%q\nwant\n%q", got.Text, tt.want)
			}
			repealed := len(tt.hunks) > 0 && tt.hunks[0].Repeal
			if got.Repealed != repealed {
				t.Errorf("Repealed = %v; want %v", got.Repealed, repealed)
			}
			if !reflect.DeepEqual(got.Hunks, tt.hunks) {
				t.Errorf("hunks:\n%+v\nwant\n%+v", got.Hunks, tt.hunks)
			}
			for _, h := range got.Hunks {
				if !h.Repeal && tt.base[h.Start:h.End] != h.Base {
					t.Errorf("hunk %+v: the base at its offsets reads %q", h, tt.base[h.Start:h.End])
				}
			}
		})
	}
}

// A merge that conflicts: nothing is picked, and each conflict shows the
// base and each side's version.
func TestMergeConflicts(t *testing.T) {
	tests := []struct {
		name      string
		base      string
		sides     []merge.Side
		conflicts []merge.Conflict
	}{{
		name: "overlapping edits",
		base: sentence,
		sides: []merge.Side{
			wording("FM-0001", "تحدث غرفة للصناعة التقليدية في كل عمالة من جهات المملكة."),
			wording("OR-0001", "تحدث غرفة للصناعة التقليدية في كل إقليم أو عمالة من جهات المملكة."),
		},
		conflicts: []merge.Conflict{{Start: len("تحدث غرفة للصناعة التقليدية في كل "), End: len("تحدث غرفة للصناعة التقليدية في كل جهة"), Base: "جهة", Versions: []merge.Version{
			{Sides: []string{"FM-0001"}, Text: "عمالة"},
			{Sides: []string{"OR-0001"}, Text: "إقليم أو عمالة"},
		}}},
	}, {
		name: "adjacent edits conflict, as in git",
		base: sentence,
		sides: []merge.Side{
			wording("FM-0001", "تحدث غرفة للصناعة التقليدية في كل عمالة من جهات المملكة."),
			wording("OR-0001", "تحدث غرفة للصناعة التقليدية في كل جهة ضمن جهات المملكة."),
		},
		conflicts: []merge.Conflict{{Start: len("تحدث غرفة للصناعة التقليدية في كل "), End: len("تحدث غرفة للصناعة التقليدية في كل جهة من"), Base: "جهة من", Versions: []merge.Version{
			{Sides: []string{"FM-0001"}, Text: "عمالة من"},
			{Sides: []string{"OR-0001"}, Text: "جهة ضمن"},
		}}},
	}, {
		name: "different insertions at one point",
		base: "يتألف المجلس من الأعضاء.",
		sides: []merge.Side{
			wording("CS-0001", "يتألف المجلس من الأعضاء المنتخبين."),
			wording("DT-0001", "يتألف المجلس من الأعضاء المعينين."),
			wording("FM-0001", "يتألف المجلس من الأعضاء المنتخبين."),
		},
		conflicts: []merge.Conflict{{Start: len("يتألف المجلس من الأعضاء"), End: len("يتألف المجلس من الأعضاء"), Versions: []merge.Version{
			{Sides: []string{"CS-0001", "FM-0001"}, Text: "المنتخبين"},
			{Sides: []string{"DT-0001"}, Text: "المعينين"},
		}}},
	}, {
		name:  "repeal and new wording",
		base:  sentence,
		sides: []merge.Side{wording("FM-0001", "تحدث غرفة في كل جهة."), repeal("SM-0002"), repeal("OR-0003")},
		conflicts: []merge.Conflict{{End: len(sentence), Base: sentence, Repeal: true, Versions: []merge.Version{
			{Sides: []string{"FM-0001"}, Text: "تحدث غرفة في كل جهة."},
			{Sides: []string{"OR-0003", "SM-0002"}, Repeal: true},
		}}},
	}, {
		name:  "repeal and a wording equal to the base",
		base:  sentence,
		sides: []merge.Side{repeal("SM-0002"), wording("FM-0001", sentence)},
		conflicts: []merge.Conflict{{End: len(sentence), Base: sentence, Repeal: true, Versions: []merge.Version{
			{Sides: []string{"FM-0001"}, Text: sentence},
			{Sides: []string{"SM-0002"}, Repeal: true},
		}}},
	}, {
		name: "a conflict bridged by a third side covers the region of all three",
		base: "أ ب ج د هـ و",
		sides: []merge.Side{
			wording("A", "أ س ج د هـ و"),
			wording("B", "أ ب ص ض هـ و"),
			wording("C", "أ ب ج د ط و"),
			wording("D", "أ ب ج د هـ ظ ع"),
		},
		conflicts: []merge.Conflict{{Start: len("أ "), End: len("أ ب ج د هـ و"), Base: "ب ج د هـ و", Versions: []merge.Version{
			{Sides: []string{"A"}, Text: "س ج د هـ و"},
			{Sides: []string{"B"}, Text: "ب ص ض هـ و"},
			{Sides: []string{"C"}, Text: "ب ج د ط و"},
			{Sides: []string{"D"}, Text: "ب ج د هـ ظ ع"},
		}}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := merge.Merge(tt.base, tt.sides)
			if got.Text != "" || got.Repealed {
				t.Errorf("Merge picks text %q (repealed %v) despite its conflicts", got.Text, got.Repealed)
			}
			if !reflect.DeepEqual(got.Conflicts, tt.conflicts) {
				t.Errorf("conflicts:\n%+v\nwant\n%+v", got.Conflicts, tt.conflicts)
			}
			for _, c := range got.Conflicts {
				if tt.base[c.Start:c.End] != c.Base {
					t.Errorf("conflict %+v: the base at its offsets reads %q", c, tt.base[c.Start:c.End])
				}
			}
		})
	}
}

// A conflict is written for a person as git's diff3 style writes one.
func TestConflictDiff3(t *testing.T) {
	r := merge.Merge("يتألف المجلس من الأعضاء.", []merge.Side{
		wording("DT-0001", "يتألف المجلس من الأعضاء المعينين."),
		wording("CS-0001", "يتألف المجلس من الممثلين المنتخبين."),
		repeal("SM-0001"),
	})
	if len(r.Conflicts) != 1 {
		t.Fatalf("got %d conflicts; want 1", len(r.Conflicts))
	}
	want := "<<<<<<< CS-0001\nيتألف المجلس من الممثلين المنتخبين.\n" +
		"||||||| base\nيتألف المجلس من الأعضاء.\n" +
		"======= DT-0001\nيتألف المجلس من الأعضاء المعينين.\n" +
		"======= SM-0001 (repeal)\n" +
		">>>>>>>\n"
	if got := r.Conflicts[0].Diff3(); got != want {
		t.Errorf("Diff3:\n%s\nwant\n%s", got, want)
	}
	r = merge.Merge("أ ب ج", []merge.Side{wording("A", "أ س ج"), wording("B", "أ ص ج")})
	want = "<<<<<<< A\nس\n||||||| base\nب\n======= B\nص\n>>>>>>>\n"
	if got := r.Conflicts[0].Diff3(); got != want {
		t.Errorf("Diff3:\n%s\nwant\n%s", got, want)
	}
}
