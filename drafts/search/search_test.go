package search_test

import (
	"slices"
	"testing"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/parse"
	"statute/drafts/search"
)

func draft(paragraphs ...string) *drafts.Draft {
	return &drafts.Draft{Articles: []drafts.Article{{Key: "1", Paragraphs: paragraphs}}}
}

func TestFindIgnoresForm(t *testing.T) {
	tests := []struct {
		name, text, query, want string // want: the matched text as written, "" for no hit
	}{
		{"hamza on alef", "تطبق أحكام هذا القانون", "احكام", "أحكام"},
		{"query with hamza finds text without", "تطبق احكام هذا القانون", "أحكام", "احكام"},
		{"harakat in the text", "القانُونُ الأساسيُّ", "الاساسي", "الأساسيُّ"},
		{"harakat in the query", "القانون الأساسي", "القانُون", "القانون"},
		{"tatweel", "الأسـاسي للغرف", "الاساسي", "الأسـاسي"},
		{"alef maqsura", "يتعين على الغرفة", "علي", "على"},
		{"hamza on yaa seat", "وكيفيات انتخاب أعضائها", "اعضاء", "أعضائ"},
		{"hamza on waw seat", "يتكون أعضاؤها من صناع", "اعضاء", "أعضاؤ"},
		{"hamza on the line with harakat", "ينتخب أعضاءَها", "اعضاء", "أعضاءَ"},
		{"query with a seat finds another", "انتخاب أعضائها", "أعضاؤها", "أعضائها"},
		{"speller's seat", "الموظف المسئول", "المسؤول", "المسئول"},
		{"hamza is not yaa", "رييس الغرفة", "رئيس", ""},
		{"eastern digits", "المادة ٤ أعلاه", "4", "٤"},
		{"western digits found by eastern", "القانون رقم 18.09", "١٨.٠٩", "18.09"},
		{"french, any case", "الصناع التقليديون (Artisans)", "artisans", "Artisans"},
		{"two words, extra spaces in the query", "الجمعية العامة للغرفة", "  الجمعية   العامة ", "الجمعية العامة"},
		{"a different word", "الغرفة", "الغرف ة", ""},
		{"empty query", "الغرفة", "  ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := search.Find(draft(tt.text), tt.query, 0)
			if tt.want == "" {
				if len(hits) != 0 {
					t.Fatalf("Find(%q) = %v, want no hit", tt.query, hits)
				}
				return
			}
			if len(hits) != 1 {
				t.Fatalf("Find(%q) in %q = %v, want one hit", tt.query, tt.text, hits)
			}
			if got := tt.text[hits[0].Start:hits[0].End]; got != tt.want {
				t.Errorf("Find(%q) matched %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}

func TestFindInTheSample(t *testing.T) {
	d, err := parse.Parse(assets.SampleDraft, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	hits := search.Find(d, "القانون رقم 50.17", 0)
	if len(hits) < 2 {
		t.Fatalf("%d hits of the law number 50.17 in the sample, want several", len(hits))
	}
	prev := -1
	for _, h := range hits {
		a := d.Article(h.Article)
		if a == nil || a.Position < prev {
			t.Fatalf("hit %+v: unknown article or out of the draft's order", h)
		}
		prev = a.Position
		p := a.Paragraphs[h.Paragraph]
		if got := p[h.Start:h.End]; got != "القانون رقم 50.17" {
			t.Errorf("hit in article %s reads %q", h.Article, got)
		}
		ctx, s, e := search.Context(p, h, 3)
		if ctx[s:e] != "القانون رقم 50.17" || len(ctx) > len(p) {
			t.Errorf("context %q [%d:%d] does not hold the match", ctx, s, e)
		}
	}
	if limited := search.Find(d, "الغرفة", 3); len(limited) != 3 {
		t.Errorf("a limit of 3 gave %d hits", len(limited))
	}
}

// «اعضاء», typed without hamza as people search, finds the word in every
// case of the sample: «أعضائها» (article 1), «أعضاؤها» (article 2), and the
// match as written is the word up to its suffix.
func TestFindHamzaSeatsInTheSample(t *testing.T) {
	d, err := parse.Parse(assets.SampleDraft, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, h := range search.Find(d, "اعضاء", 0) {
		p := d.Article(h.Article).Paragraphs[h.Paragraph]
		found[p[h.Start:h.End]] = true
	}
	for _, w := range []string{"أعضاء", "أعضائ", "أعضاؤ"} {
		if !found[w] {
			t.Errorf("«اعضاء» does not find %q in the sample; found %v", w, found)
		}
	}
}

// InArticle finds in one article what Find finds there.
func TestInArticle(t *testing.T) {
	d, err := parse.Parse(assets.SampleDraft, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"اعضاء", "الغرفة", "50.17", " "} {
		for i := range d.Articles {
			a := &d.Articles[i]
			var want []search.Hit
			for _, h := range search.Find(d, q, 0) {
				if h.Article == a.Key {
					want = append(want, h)
				}
			}
			if got := search.InArticle(a, q); !slices.Equal(got, want) {
				t.Errorf("InArticle(article %s, %q) = %v; Find has %v there", a.Key, q, got, want)
			}
		}
	}
}

func TestHeadingsInTheSample(t *testing.T) {
	d, err := parse.Parse(assets.SampleDraft, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string // the headings hit, with the match as written in [brackets]
	}{
		// divisions first, then articles' titles (article 30's)
		{"احكام", []string{"الباب الأول: [أحكام] عامة", "الباب السابع: [أحكام] انتقالية وختامية", "[أحكام] انتقالية"}},
		{"الطبيعه القانونية", nil}, // ta marbuta is not folded: a different word
		{"الطبيعة القانونية", []string{"[الطبيعة القانونية] للغرف"}},
		{"الجمعية العامة", []string{"الفصل الأول: [الجمعية العامة]", "اختصاصات [الجمعية العامة]", "حل [الجمعية العامة]"}},
		{"   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got []string
			for _, h := range search.Headings(d, tt.query, 0) {
				heading := ""
				if h.Division >= 0 {
					heading = d.Divisions[h.Division].Heading
					// The division's first article lies inside it.
					a := d.Article(h.Article)
					if a == nil || !inDivision(d, a, h.Division) {
						t.Errorf("division %q: first article %q is not in it", heading, h.Article)
					}
				} else {
					heading = d.Article(h.Article).Heading
				}
				got = append(got, heading[:h.Start]+"["+heading[h.Start:h.End]+"]"+heading[h.End:])
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Headings(%q) = %q, want %q", tt.query, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Headings(%q)[%d] = %q, want %q", tt.query, i, got[i], tt.want[i])
				}
			}
		})
	}
	if limited := search.Headings(d, "ال", 2); len(limited) != 2 {
		t.Errorf("a limit of 2 gave %d hits", len(limited))
	}
}

func inDivision(d *drafts.Draft, a *drafts.Article, div int) bool {
	for _, p := range d.Path(a) {
		if p.Heading == d.Divisions[div].Heading {
			return true
		}
	}
	return false
}

func TestContext(t *testing.T) {
	p := "يحدد هذا القانون النظام الأساسي لغرف الصناعة التقليدية وينظم مهامها"
	hits := search.Find(draft(p), "النظام الاساسي", 0)
	if len(hits) != 1 {
		t.Fatalf("hits = %v", hits)
	}
	ctx, s, e := search.Context(p, hits[0], 2)
	if ctx != "هذا القانون النظام الأساسي لغرف الصناعة" || ctx[s:e] != "النظام الأساسي" {
		t.Errorf("Context = %q [%d:%d]", ctx, s, e)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("تطبق أحكام هذا القانونُ ٤", "احكام")
	f.Add("الأسـاسي", "ـ")
	f.Add("انتخاب أعضائها وأعضاؤُها", "اعضاء")
	f.Fuzz(func(t *testing.T, text, query string) {
		d := draft(text)
		hits := search.Find(d, query, 0)
		for _, h := range hits {
			if h.Start < 0 || h.End > len(text) || h.Start > h.End {
				t.Fatalf("hit %+v out of the text (%d bytes)", h, len(text))
			}
			search.Context(text, h, 2)
		}
		if in := search.InArticle(&d.Articles[0], query); !slices.Equal(in, hits) {
			t.Fatalf("InArticle = %v, Find = %v", in, hits)
		}
		d = &drafts.Draft{
			Divisions: []drafts.Division{{Heading: text, Parent: -1}},
			Articles:  []drafts.Article{{Key: "1", Heading: text, Division: 0}},
		}
		for _, h := range search.Headings(d, query, 0) {
			if h.Start < 0 || h.End > len(text) || h.Start > h.End || h.Article != "1" {
				t.Fatalf("heading hit %+v out of the text (%d bytes)", h, len(text))
			}
		}
	})
}
