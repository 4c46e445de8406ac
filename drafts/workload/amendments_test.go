package workload_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"statute/drafts"
	"statute/drafts/workload"
)

func TestAmendmentsAreDeterministic(t *testing.T) {
	d := workload.Draft(300, 1)
	a, b := workload.Amendments(d, 500, 9), workload.Amendments(d, 500, 9)
	if !reflect.DeepEqual(a, b) {
		t.Error("Amendments(d, 500, 9) differs between two calls")
	}
	if c := workload.Amendments(d, 500, 10); reflect.DeepEqual(a, c) {
		t.Error("Amendments with seeds 9 and 10 are identical; seeds should give different rounds")
	}
}

func TestAmendmentsAreValid(t *testing.T) {
	d := workload.Draft(1000, 1)
	as := workload.Amendments(d, 2000, 1)
	if len(as) != 2000 {
		t.Fatalf("got %d amendments; want 2000", len(as))
	}
	ids := make(map[string]bool)
	for _, a := range as {
		if err := a.Validate(); err != nil {
			t.Fatalf("amendment %s does not validate: %v", a.ID, err)
		}
		if ids[a.ID] {
			t.Fatalf("ID %s is used twice", a.ID)
		}
		ids[a.ID] = true
		if !strings.HasPrefix(a.ID, a.Chamber+"-") {
			t.Errorf("amendment %s belongs to %s; its ID should start with the chamber's code", a.ID, a.Chamber)
		}
		art := d.Article(a.Article)
		if art == nil {
			t.Fatalf("amendment %s targets article %q, which the draft does not have", a.ID, a.Article)
		}
		if a.BaseHash != art.TextHash() || a.DraftID != d.ID || a.DraftVersion != d.Version {
			t.Errorf("amendment %s does not record its base: article %s of %s v%d", a.ID, art.Key, d.ID, d.Version)
		}
		if a.Kind == drafts.Wording && a.Text == art.Text() {
			t.Errorf("amendment %s proposes the article's current wording", a.ID)
		}
		if a.Kind == drafts.Insert && a.NewNumber != art.Number+" مكررة" && a.NewNumber != art.Number+" مرتين" {
			t.Errorf("amendment %s inserts «%s» after article «%s»", a.ID, a.NewNumber, art.Number)
		}
		if a.Updated.Before(a.Created) {
			t.Errorf("amendment %s was updated before it was created", a.ID)
		}
	}
}

// A round looks like one: every chamber takes part, all kinds occur, the
// proposals spread over a month, some chambers agree word for word, and
// some articles draw many proposals.
func TestAmendmentsSpread(t *testing.T) {
	d := workload.Draft(1000, 1)
	as := workload.Amendments(d, 1200, 4)
	chambers := make(map[string]int)
	kinds := make(map[drafts.AmendmentKind]int)
	statuses := make(map[drafts.Status]int)
	perArticle := make(map[string]int)
	texts := make(map[string]map[string]bool) // wording → chambers proposing it
	first, last := as[0].Created, as[0].Created
	for _, a := range as {
		chambers[a.Chamber]++
		kinds[a.Kind]++
		statuses[a.Status]++
		perArticle[a.Article]++
		if a.Kind == drafts.Wording {
			if texts[a.Text] == nil {
				texts[a.Text] = make(map[string]bool)
			}
			texts[a.Text][a.Chamber] = true
		}
		if a.Created.Before(first) {
			first = a.Created
		}
		if a.Created.After(last) {
			last = a.Created
		}
	}
	for _, c := range drafts.Chambers() {
		if chambers[c.Code] != 100 {
			t.Errorf("chamber %s has %d amendments; want 100 of 1200 (each takes its turn)", c.Code, chambers[c.Code])
		}
	}
	if kinds[drafts.Wording] < 900 || kinds[drafts.Repeal] < 60 || kinds[drafts.Insert] < 60 {
		t.Errorf("kinds %v; want mostly wording, with some repeals and insertions", kinds)
	}
	if statuses[drafts.StatusDraft] == 0 || statuses[drafts.StatusSubmitted] == 0 {
		t.Errorf("statuses %v; want both draft and submitted", statuses)
	}
	if span := last.Sub(first); span < 25*24*time.Hour || span > 31*24*time.Hour {
		t.Errorf("amendments span %v; want about a month", span)
	}
	shared := 0
	for _, cs := range texts {
		if len(cs) > 1 {
			shared++
		}
	}
	if shared == 0 {
		t.Error("no two chambers propose the same wording; identical proposals must occur")
	}
	busiest := 0
	for _, k := range perArticle {
		busiest = max(busiest, k)
	}
	if busiest < 5 {
		t.Errorf("the busiest article draws %d amendments; want some articles to draw many", busiest)
	}
}

func TestAmendmentsEdgeCases(t *testing.T) {
	oneArticle := func(number string, paragraphs ...string) *drafts.Draft {
		return &drafts.Draft{ID: "d1", Version: 3, Articles: []drafts.Article{{Key: "k", Number: number, Paragraphs: paragraphs}}}
	}
	cases := []struct {
		name string
		d    *drafts.Draft
		n    int
		want int
	}{
		{"no draft", nil, 10, 0},
		{"no amendments asked", workload.Draft(10, 1), 0, 0},
		{"a negative count", workload.Draft(10, 1), -5, 0},
		{"a draft without articles", &drafts.Draft{ID: "d"}, 10, 0},
		{"articles without keys", &drafts.Draft{ID: "d", Articles: []drafts.Article{{Number: "1"}}}, 10, 0},
		{"an unstored draft", &drafts.Draft{Articles: workload.Draft(5, 1).Articles}, 30, 30},
		{"a first article in words", oneArticle("الأولى", "يحدد هذا القانون النظام الأساسي للغرف."), 40, 40},
		{"a ter article", oneArticle("7 مكررة مرتين", "يجوز للغرفة أن تبرم اتفاقيات شراكة."), 40, 40},
		{"an empty article", oneArticle("3"), 40, 40},
		{"blank paragraphs", oneArticle("3", " ", ""), 40, 40},
		{"invalid UTF-8", oneArticle("3", "نص \xff\xfe غير سليم"), 40, 40},
		{"an article too long for an amendment", oneArticle("3", strings.Repeat("كلمة ", drafts.MaxTextBytes/5)), 40, 40},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			as := workload.Amendments(c.d, c.n, 2)
			if len(as) != c.want {
				t.Fatalf("got %d amendments; want %d", len(as), c.want)
			}
			for _, a := range as {
				if err := a.Validate(); err != nil {
					t.Fatalf("amendment %s to article «%s» does not validate: %v", a.ID, a.Article, err)
				}
			}
		})
	}
}

func FuzzAmendments(f *testing.F) {
	f.Add("يحدد هذا القانون النظام الأساسي للغرف.\n- أولا؛\n- ثانيا.", "الأولى", int64(1))
	f.Add("تخضع الغرفة لوصاية الدولة داخل أجل ثلاثين (30) يوما.", "7 مكررة", int64(2))
	f.Add("", "", int64(3))
	f.Add("\xff", "7 مكررة مرتين", int64(-4))
	f.Fuzz(func(t *testing.T, text, number string, seed int64) {
		d := &drafts.Draft{ID: "fuzz", Version: 1, Articles: []drafts.Article{
			{Key: "1", Number: number, Paragraphs: strings.Split(text, "\n")},
			{Key: "2", Number: "2", Paragraphs: []string{text}},
		}}
		for _, a := range workload.Amendments(d, 30, seed) {
			if err := a.Validate(); err != nil {
				t.Fatalf("amendment %s (%s of «%s») does not validate: %v", a.ID, a.Kind, a.Article, err)
			}
		}
	})
}

func BenchmarkAmendments(b *testing.B) {
	d := workload.Draft(1000, 1)
	b.ReportAllocs()
	for b.Loop() {
		workload.Amendments(d, 1000, 1)
	}
}
