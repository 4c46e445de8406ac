package diff_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/workload"
)

// Articles of the chambers' statute, different enough from one another
// that none passes for another.
var statute = []struct{ key, number, heading, text string }{
	{"1", "الأولى", "إحداث الغرف", "تحدث بكل جهة من جهات المملكة غرفة للصناعة التقليدية تتمتع بالشخصية الاعتبارية والاستقلال المالي."},
	{"2", "2", "", "تتولى الغرفة تمثيل مصالح الصناع التقليديين والحرفيين لدى السلطات العمومية والجماعات الترابية."},
	{"3", "3", "", "يحدد مقر الغرفة بقرار للسلطة الحكومية المكلفة بالصناعة التقليدية."},
	{"4", "4", "", "تتألف الجمعية العامة للغرفة من جميع الأعضاء المنتخبين لمدة ست سنوات."},
	{"5", "5", "", "ينتخب رئيس الغرفة ونوابه من بين أعضاء الجمعية العامة بالاقتراع السري.\nلا يجوز الجمع بين رئاسة غرفتين."},
	{"6", "6", "", "تتكون موارد الغرفة من واجبات الانخراط وإعانات الدولة ومداخيل الخدمات المقدمة."},
	{"7", "7", "", "تعرض الميزانية على مصادقة الوزير المكلف بالمالية قبل فاتح يناير من كل سنة."},
	{"8", "8", "أحكام ختامية", "ينسخ القانون رقم 18.09 المتعلق بالنظام الأساسي لغرف الصناعة التقليدية."},
}

// draftOf builds a draft from articles given as key, number, heading and
// text; the text's lines are its paragraphs.
func draftOf(version int, arts ...[4]string) *drafts.Draft {
	d := &drafts.Draft{ID: "D-TEST", Title: "مشروع النظام الأساسي", Language: "ar", Version: version, ArticleWord: "المادة"}
	for i, a := range arts {
		d.Articles = append(d.Articles, drafts.Article{
			Key: a[0], Number: a[1], Heading: a[2], Paragraphs: strings.Split(a[3], "\n"),
			Position: i, Division: -1,
		})
	}
	return d
}

func baseArticles() [][4]string {
	var out [][4]string
	for _, a := range statute {
		out = append(out, [4]string{a.key, a.number, a.heading, a.text})
	}
	return out
}

// summary renders a report's article list as «kind old→new» items.
func summary(r *diff.Report) string {
	var parts []string
	for _, a := range r.Articles {
		parts = append(parts, fmt.Sprintf("%s %s→%s", a.Kind, a.OldKey, a.NewKey))
	}
	return strings.Join(parts, "; ")
}

func TestCompare(t *testing.T) {
	edit := func(arts [][4]string, key, from, to string) [][4]string {
		for i := range arts {
			if arts[i][0] == key {
				arts[i][3] = strings.Replace(arts[i][3], from, to, 1)
			}
		}
		return arts
	}
	// renumber gives the articles from index i on the keys and numbers
	// i+1+by.
	renumber := func(arts [][4]string, from, by int) [][4]string {
		for i := from; i < len(arts); i++ {
			k := fmt.Sprint(i + 1 + by)
			arts[i][0], arts[i][1] = k, k
		}
		return arts
	}
	tests := []struct {
		name      string
		new       [][4]string
		opt       diff.Options
		want      string // summary
		counts    [5]int // added, removed, renumbered, changed, unchanged
		wantPlain []string
	}{
		{
			name:   "identical",
			new:    baseArticles(),
			want:   "",
			counts: [5]int{0, 0, 0, 0, 8},
		},
		{
			name:      "word changed",
			new:       edit(baseArticles(), "4", "ست", "خمس"),
			want:      "changed 4→4",
			counts:    [5]int{0, 0, 0, 1, 7},
			wantPlain: []string{"~ المادة 4 (key 4)\n", "لمدة [-ست-]{+خمس+} سنوات"},
		},
		{
			name: "article added with a bis number",
			new: func() [][4]string {
				a := baseArticles()
				return append(a[:3], append([][4]string{{"3bis", "3 مكررة", "", "تحدث لدى كل غرفة لجنة دائمة للتكوين المهني والتنمية الجهوية."}}, a[3:]...)...)
			}(),
			want:      "added →3bis",
			counts:    [5]int{1, 0, 0, 0, 8},
			wantPlain: []string{"+ المادة 3 مكررة (key 3bis)\n    {+تحدث لدى كل غرفة لجنة دائمة"},
		},
		{
			name: "article removed stays at its old place",
			new: func() [][4]string {
				a := baseArticles()
				return append(a[:5:5], a[6:]...)
			}(),
			want:      "removed 6→",
			counts:    [5]int{0, 1, 0, 0, 7},
			wantPlain: []string{"- المادة 6 (key 6)\n    [-تتكون موارد الغرفة"},
		},
		{
			name: "article inserted and the rest renumbered",
			new: func() [][4]string {
				a := baseArticles()
				a = append(a[:2:2], append([][4]string{{"3", "3", "", "تحدث لدى كل غرفة لجنة دائمة للتكوين المهني والتنمية الجهوية."}}, a[2:]...)...)
				return renumber(a, 3, 0)
			}(),
			want:      "added →3; renumbered 3→4; renumbered 4→5; renumbered 5→6; renumbered 6→7; renumbered 7→8; renumbered 8→9",
			counts:    [5]int{1, 0, 6, 0, 2},
			wantPlain: []string{"> المادة 3 → المادة 4 (key 3 → 4)\n\n"},
		},
		{
			name: "article removed, the rest renumbered, one of them edited",
			new: func() [][4]string {
				a := baseArticles()
				a = append(a[:1:1], a[2:]...) // article 2 removed
				a = renumber(a, 1, 0)
				a[4][3] = strings.Replace(a[4][3], "وإعانات الدولة", "وإعانات الدولة والجماعات الترابية", 1) // old 6, now 5
				return a
			}(),
			want:      "removed 2→; renumbered 3→2; renumbered 4→3; renumbered 5→4; renumbered 6→5; renumbered 7→6; renumbered 8→7",
			counts:    [5]int{0, 1, 6, 0, 1},
			wantPlain: []string{"> المادة 6 → المادة 5 (key 6 → 5), ", "% similar\n", "{+والجماعات الترابية+}"},
		},
		{
			name: "two articles swap places",
			new: func() [][4]string {
				a := baseArticles()
				a[2][3], a[3][3] = a[3][3], a[2][3]
				return a
			}(),
			want:   "renumbered 4→3; renumbered 3→4",
			counts: [5]int{0, 0, 2, 0, 6},
		},
		{
			name: "rewritten article keeps its key",
			new: func() [][4]string {
				a := baseArticles()
				a[6][3] = "تحدد كيفيات إعداد الميزانية وتنفيذها بنص تنظيمي."
				return a
			}(),
			want:   "changed 7→7",
			counts: [5]int{0, 0, 0, 1, 7},
		},
		{
			name: "heading changed",
			new: func() [][4]string {
				a := baseArticles()
				a[7][2] = "أحكام انتقالية وختامية"
				return a
			}(),
			want:      "changed 8→8",
			counts:    [5]int{0, 0, 0, 1, 7},
			wantPlain: []string{"\n    heading: أحكام [-ختامية-]{+انتقالية وختامية+}\n"},
		},
		{
			name: "form-only change, strict",
			new:  edit(baseArticles(), "3", "مقر", "مَقَرّ"),
			want: "changed 3→3", counts: [5]int{0, 0, 0, 1, 7},
			wantPlain: []string{"[-مقر-]{+مَقَرّ+}"},
		},
		{
			name: "form-only change, lenient",
			new:  edit(baseArticles(), "3", "مقر", "مَقَرّ"),
			opt:  diff.Options{Lenient: true},
			want: "changed 3→3", counts: [5]int{0, 0, 0, 1, 7},
			wantPlain: []string{"~ المادة 3 (key 3), form only\n", "[~مقر~>مَقَرّ~]"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, new := draftOf(1, baseArticles()...), draftOf(2, tt.new...)
			r := diff.Compare(old, new, tt.opt)
			if got := summary(r); got != tt.want {
				t.Errorf("articles:\n got %s\nwant %s", got, tt.want)
			}
			if got := [5]int{r.Added, r.Removed, r.Renumbered, r.Changed, r.Unchanged}; got != tt.counts {
				t.Errorf("counts (added, removed, renumbered, changed, unchanged) = %v, want %v", got, tt.counts)
			}
			if n := r.Unchanged + r.Changed + r.Renumbered + r.Added; n != len(new.Articles) {
				t.Errorf("the report accounts for %d new articles, the draft has %d", n, len(new.Articles))
			}
			if n := r.Unchanged + r.Changed + r.Renumbered + r.Removed; n != len(old.Articles) {
				t.Errorf("the report accounts for %d old articles, the draft had %d", n, len(old.Articles))
			}
			checkArticleDiffs(t, old, new, r, tt.opt)
			var b bytes.Buffer
			if err := r.WritePlain(&b); err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.wantPlain {
				if !strings.Contains(b.String(), want) {
					t.Errorf("the plain report lacks %q:\n%s", want, b.String())
				}
			}
		})
	}
}

// checkArticleDiffs checks that every article diff rebuilds the texts of
// the articles it names.
func checkArticleDiffs(t *testing.T, old, new *drafts.Draft, r *diff.Report, opt diff.Options) {
	t.Helper()
	for _, a := range r.Articles {
		var ot, nt, oh, nh string
		if a.OldKey != "" {
			oa := old.Article(a.OldKey)
			ot, oh = oa.Text(), oa.Heading
		}
		if a.NewKey != "" {
			na := new.Article(a.NewKey)
			nt, nh = na.Text(), na.Heading
		}
		if a.Text == nil && ot != nt {
			t.Errorf("%s %s→%s: no text diff, but the texts differ", a.Kind, a.OldKey, a.NewKey)
		}
		if a.Text != nil {
			checkChanges(t, ot, nt, opt, a.Text)
		}
		if a.Heading != nil {
			checkChanges(t, oh, nh, opt, a.Heading)
		} else if oh != nh {
			t.Errorf("%s %s→%s: no heading diff, but the headings differ", a.Kind, a.OldKey, a.NewKey)
		}
	}
}

func TestCompareEmptyAndNil(t *testing.T) {
	d := draftOf(1, baseArticles()...)
	r := diff.Compare(nil, d, diff.Options{})
	if r.Added != len(d.Articles) || len(r.Articles) != len(d.Articles) {
		t.Errorf("from nothing: %d added, want %d", r.Added, len(d.Articles))
	}
	r = diff.Compare(d, &drafts.Draft{}, diff.Options{})
	if r.Removed != len(d.Articles) {
		t.Errorf("to nothing: %d removed, want %d", r.Removed, len(d.Articles))
	}
	b, err := diff.Compare(&drafts.Draft{}, &drafts.Draft{}, diff.Options{}).JSON()
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Articles []any }
	if err := json.Unmarshal(b, &got); err != nil || got.Articles == nil {
		t.Errorf("two empty drafts: JSON %s should list no articles as [], err %v", b, err)
	}
}

// The report of small comparisons, in both forms, as a reviewer reads it.
func TestCompareGolden(t *testing.T) {
	changed := baseArticles()
	changed[3][3] = strings.Replace(changed[3][3], "ست سنوات", "خمس سنوات", 1) // 4 changed
	changed = append(changed[:5:5], changed[6:]...)                            // 6 removed
	changed = append(changed[:2:2], append([][4]string{{"2bis", "2 مكررة", "", "تحدث لدى كل غرفة لجنة دائمة للتكوين المهني."}}, changed[2:]...)...)
	changed[7][2] = "أحكام انتقالية وختامية" // 8's heading

	renumbered := baseArticles()
	renumbered = append(renumbered[:1:1], renumbered[2:]...) // 2 removed, the rest renumbered
	for i := 1; i < len(renumbered); i++ {
		renumbered[i][0], renumbered[i][1] = fmt.Sprint(i+1), fmt.Sprint(i+1)
	}
	renumbered[4][3] = strings.Replace(renumbered[4][3], "وإعانات الدولة", "وإعانات الدولة والجماعات الترابية", 1)
	renumbered[1][3] = strings.Replace(renumbered[1][3], "مقر", "مَقَرّ", 1)

	for _, tt := range []struct {
		name string
		new  [][4]string
		opt  diff.Options
	}{
		{"compare", changed, diff.Options{}},
		{"compare-renumbered", renumbered, diff.Options{Lenient: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			old, new := draftOf(1, baseArticles()...), draftOf(2, tt.new...)
			r := diff.Compare(old, new, tt.opt)
			checkArticleDiffs(t, old, new, r, tt.opt)
			var b bytes.Buffer
			if err := r.WritePlain(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name+".plain", b.Bytes())
			js, err := r.JSON()
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name+".json", js)
		})
	}
}

// Comparing generated drafts: a revision with an inserted article, a
// removed one and 5% of articles edited is reported as exactly that.
func TestCompareGenerated(t *testing.T) {
	old := sampleDraft(200, 3)
	new := reviseDraft(old, 3)
	r := diff.Compare(old, new, diff.Options{})
	if r.Added != 1 || r.Removed != 1 {
		t.Errorf("%d added, %d removed; want 1 and 1", r.Added, r.Removed)
	}
	edited := 0
	for i := range old.Articles {
		if i%20 == 7 {
			edited++
		}
	}
	changedText := 0
	for _, a := range r.Articles {
		if (a.Kind == diff.Changed || a.Kind == diff.Renumbered) && a.Text != nil {
			changedText++
		}
	}
	// One edited article may be the removed one.
	if changedText < edited-1 || changedText > edited {
		t.Errorf("%d articles with a text diff, want about %d", changedText, edited)
	}
	checkArticleDiffs(t, old, new, r, diff.Options{})
	// Same input, same report.
	a, err := r.JSON()
	if err != nil {
		t.Fatal(err)
	}
	b, err := diff.Compare(old, new, diff.Options{}).JSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two comparisons of the same drafts differ")
	}
}

// A revision from package workload (rewordings, «مكررة» articles added,
// articles removed and runs renumbered after them) is reported as such,
// every article accounted for and every diff true to both texts.
func TestCompareWorkload(t *testing.T) {
	old, new := workload.Draft(400, 7), workload.RevisedDraft(400, 7)
	for _, opt := range []diff.Options{{}, {Lenient: true}} {
		r := diff.Compare(old, new, opt)
		if r.Added == 0 || r.Removed == 0 || r.Renumbered == 0 || r.Changed == 0 {
			t.Errorf("lenient=%v: %d added, %d removed, %d renumbered, %d changed: want some of each", opt.Lenient, r.Added, r.Removed, r.Renumbered, r.Changed)
		}
		if n := r.Unchanged + r.Changed + r.Renumbered + r.Added; n != len(new.Articles) {
			t.Errorf("the report accounts for %d new articles, the draft has %d", n, len(new.Articles))
		}
		if n := r.Unchanged + r.Changed + r.Renumbered + r.Removed; n != len(old.Articles) {
			t.Errorf("the report accounts for %d old articles, the draft had %d", n, len(old.Articles))
		}
		for _, a := range r.Articles {
			if a.Kind == diff.Added && !strings.Contains(a.NewKey, "bis") && !strings.Contains(a.NewKey, "ter") {
				t.Errorf("article %s reported added: the workload adds only «مكررة» articles", a.NewKey)
			}
		}
		checkArticleDiffs(t, old, new, r, opt)
	}
}
