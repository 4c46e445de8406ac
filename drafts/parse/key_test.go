package parse_test

import (
	"errors"
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/parse"
)

func TestKey(t *testing.T) {
	tests := []struct{ ref, key string }{
		{"4", "4"},
		{"٤", "4"},
		{"المادة ٤", "4"},
		{" المادة 4 ", "4"},
		{"المادة4", "4"},
		{"2 مكررة", "2bis"},
		{"2مكررة", "2bis"},
		{"2 مكرر", "2bis"},
		{"2bis", "2bis"},
		{"2 bis", "2bis"},
		{"2 BIS", "2bis"},
		{"Article 2 bis", "2bis"},
		{"article 2bis", "2bis"},
		{"Art. 2 bis", "2bis"},
		{"المادة 2 مكررة", "2bis"},
		{"2 مكررة مرتين", "2ter"},
		{"2ter", "2ter"},
		{"2 مكرر ثلاث مرات", "2quater"},
		{"2 quater", "2quater"},
		{"الأولى", "1"},
		{"الاولى", "1"},
		{"المادة الأولى", "1"},
		{"المادة الاولى", "1"},
		{"الأول", "1"},
		{"premier", "1"},
		{"Article premier", "1"},
		{"1er", "1"},
		{"2-1", "2-1"},
		{"المادة 2-1", "2-1"},
		{"الحادية عشرة", "11"},
		{"الحادية عشر", "11"},
		{"الثانية عشرة", "12"},
		{"العشرون", "20"},
		{"الحادية والعشرون", "21"},
		{"الثلاثون", "30"},
		{"الفصل 230", "230"},
		{"فصل 3", "3"},
		{"المادة 5:", "5"},
		{"005", "5"},
		{"123456", "123456"},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			got, err := parse.Key(tt.ref)
			if err != nil || got != tt.key {
				t.Errorf("Key(%q) = %q, %v; want %q", tt.ref, got, err, tt.key)
			}
		})
	}
}

func TestKeyInvalid(t *testing.T) {
	refs := []string{"", "   ", "المادة", "bis", "مكررة", "two", "2 مكررة أخرى", "المادة 5 من القانون", "II", "الحادية", "2x", "1234567", "\xff", strings.Repeat("1", 300)}
	for _, ref := range refs {
		t.Run(ref, func(t *testing.T) {
			key, err := parse.Key(ref)
			if err == nil {
				t.Fatalf("Key(%q) = %q, want an error", ref, key)
			}
			var e *drafts.Error
			if !errors.As(err, &e) || e.Kind != drafts.Invalid {
				t.Fatalf("Key(%q): %v is not an Invalid *drafts.Error", ref, err)
			}
			if !strings.Contains(e.Message, "3") {
				t.Errorf("Key(%q): %q does not show an example the user can follow", ref, e.Message)
			}
		})
	}
}

func TestFind(t *testing.T) {
	d := mustParse(t, "عنوان\nالمادة الأولى\nأ\nالمادة 2\nب\nالمادة 2 مكررة\nج\nالمادة 2-1\nد\nالمادة 3\nه\nالمادة 9\nو\n", parse.Options{})
	found := []struct{ ref, key string }{
		{"الاولى", "1"}, {"2bis", "2bis"}, {"المادة 2 مكررة", "2bis"}, {"٣", "3"}, {"2-1", "2-1"},
	}
	for _, tt := range found {
		t.Run(tt.ref, func(t *testing.T) {
			a, err := parse.Find(d, tt.ref)
			if err != nil || a.Key != tt.key {
				t.Fatalf("Find(%q) = %v, %v; want article %s", tt.ref, a, err, tt.key)
			}
			if a != d.Article(tt.key) {
				t.Error("Find must return the draft's own article, not a copy")
			}
		})
	}
	missing := []struct {
		ref  string
		kind drafts.ErrorKind
		want []string
	}{
		{"2 مكررة مرتين", drafts.NotFound, []string{"no article 2ter", "from 1 to 9", "closest are 2, 2bis, 2-1"}},
		{"4", drafts.NotFound, []string{"no article 4", "from 1 to 9", "closest are 3"}},
		{"50", drafts.NotFound, []string{"no article 50", "from 1 to 9"}},
		{"خمسة", drafts.Invalid, []string{"is not an article number"}},
	}
	for _, tt := range missing {
		t.Run(tt.ref, func(t *testing.T) {
			a, err := parse.Find(d, tt.ref)
			if err == nil {
				t.Fatalf("Find(%q) = article %s, want an error", tt.ref, a.Key)
			}
			if drafts.KindOf(err) != tt.kind {
				t.Errorf("kind %s, want %s", drafts.KindOf(err), tt.kind)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q does not say %q", err.Error(), w)
				}
			}
		})
	}
	if _, err := parse.Find(&drafts.Draft{}, "1"); drafts.KindOf(err) != drafts.NotFound {
		t.Errorf("Find in an empty draft: %v, want NotFound", err)
	}
}

// A new article's number is kept as written, without the article word a
// person may type before it.
func TestNumberDropsTheArticleWord(t *testing.T) {
	for ref, want := range map[string]string{
		"المادة 2 مكررة":   "2 مكررة",
		"2 مكررة":          "2 مكررة",
		"Article 2 bis":    "2 bis",
		" المادة ٤ مكررة:": "٤ مكررة",
		"الفصل 7 مكرر":     "7 مكرر",
	} {
		got, err := parse.Number(ref)
		if err != nil || got != want {
			t.Errorf("Number(%q) = %q, %v; want %q", ref, got, err, want)
		}
		if k1, _ := parse.Key(ref); k1 != mustKey(t, want) {
			t.Errorf("Number(%q) = %q names article %s, want %s", ref, got, mustKey(t, want), k1)
		}
	}
	if _, err := parse.Number("مكررة"); err == nil {
		t.Error("Number(«مكررة») gave no error")
	}
}

func mustKey(t *testing.T, ref string) string {
	t.Helper()
	k, err := parse.Key(ref)
	if err != nil {
		t.Fatal(err)
	}
	return k
}
