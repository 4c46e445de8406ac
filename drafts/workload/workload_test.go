package workload_test

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"statute/drafts"
	"statute/drafts/workload"
)

// written is an article as the text shows it, read by the simplest reading
// of the layout; the real parser lives elsewhere and is not used here.
type written struct {
	number, heading string
	paragraphs      []string
	line            int
}

var articleHeading = regexp.MustCompile(`^#{2,6} المادة (.+?)(?:: (.+))?$`)

func readArticles(t testing.TB, text []byte) []written {
	t.Helper()
	var arts []written
	inArticle := false
	for i, l := range strings.Split(string(text), "\n") {
		if m := articleHeading.FindStringSubmatch(l); m != nil {
			arts = append(arts, written{number: m[1], heading: m[2], line: i + 1})
			inArticle = true
			continue
		}
		if strings.HasPrefix(l, "#") {
			inArticle = false
			continue
		}
		if inArticle && strings.TrimSpace(l) != "" {
			arts[len(arts)-1].paragraphs = append(arts[len(arts)-1].paragraphs, l)
		}
	}
	return arts
}

var generators = []struct {
	name  string
	text  func(n int, seed int64) []byte
	draft func(n int, seed int64) *drafts.Draft
}{
	{"DraftText", workload.DraftText, workload.Draft},
	{"RevisedText", workload.RevisedText, workload.RevisedDraft},
}

func TestTextIsDeterministic(t *testing.T) {
	for _, g := range generators {
		for _, n := range []int{1, 40, 1000} {
			t.Run(g.name, func(t *testing.T) {
				a, b := g.text(n, 7), g.text(n, 7)
				if !bytes.Equal(a, b) {
					t.Errorf("%s(%d, 7) gave different bytes on two calls", g.name, n)
				}
				if c := g.text(n, 8); bytes.Equal(a, c) {
					t.Errorf("%s(%d, 7) and %s(%d, 8) are identical; seeds should give different drafts", g.name, n, g.name, n)
				}
			})
		}
	}
}

func TestDraftTextSize(t *testing.T) {
	text := workload.DraftText(1000, 1)
	if mb := float64(len(text)) / 1e6; mb < 0.8 || mb > 1.5 {
		t.Errorf("DraftText(1000, 1) is %.2f MB; want 0.8–1.5 MB", mb)
	}
	arts := readArticles(t, text)
	if len(arts) != 1000 {
		t.Fatalf("DraftText(1000, 1) has %d article headings; want 1000", len(arts))
	}
	words := 0
	for _, a := range arts {
		for _, p := range a.paragraphs {
			words += len(strings.Fields(p))
		}
	}
	if avg := float64(words) / 1000; avg < 70 || avg > 90 {
		t.Errorf("articles average %.1f words; want about 80", avg)
	}
}

// The workload must hold every form a parser meets in real drafts.
func TestDraftTextLayout(t *testing.T) {
	text := workload.DraftText(1000, 1)
	s := string(text)
	checks := []struct {
		name string
		ok   bool
	}{
		{"valid UTF-8", utf8.Valid(text)},
		{"NFC", norm.NFC.IsNormal(text)},
		{"no CR", !bytes.ContainsRune(text, '\r')},
		{"a «# » title first", strings.HasPrefix(s, "# مشروع القانون الأساسي لغرف الصناعة التقليدية\n")},
		{"a title", strings.Contains(s, "\n## الباب العاشر: ")},
		{"a chapter", strings.Contains(s, "\n### الفصل الخامس: ")},
		{"a section with articles", regexp.MustCompile(`\n#### الفرع الأول: .+\n\n##### المادة \d+`).MatchString(s)},
		{"the first article", strings.Contains(s, "\n#### المادة 1\n") || strings.Contains(s, "\n#### المادة 1: ")},
		{"an inserted article", regexp.MustCompile(`\n#{4,5} المادة \d+ مكررة[\n:]`).MatchString(s)},
		{"a ter article", strings.Contains(s, " مكررة مرتين")},
		{"an article with a heading", regexp.MustCompile(`\n#{4,5} المادة \d+: \S`).MatchString(s)},
		{"«-» items", strings.Contains(s, "\n- ")},
		{"«•» items", strings.Contains(s, "\n• ")},
		{"«أ)» items", strings.Contains(s, "\nأ) ")},
		{"«1.» items", strings.Contains(s, "\n1. ")},
		{"«أولا:» items", strings.Contains(s, "\nأولا: ")},
		{"law numbers", strings.Contains(s, "القانون رقم 18.09") && strings.Contains(s, "القانون رقم 50.17")},
		{"Eastern digits", strings.ContainsAny(s, "٠١٢٣٤٥٦٧٨٩")},
		{"French in parentheses", regexp.MustCompile(`\([a-zé' ]+\)`).MatchString(s)},
		{"references to articles", regexp.MustCompile(`المادة \d+ (أعلاه|أدناه)`).MatchString(s)},
		{"one newline at the end", strings.HasSuffix(s, ".\n")},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if !c.ok {
				t.Errorf("DraftText(1000, 1) lacks %s", c.name)
			}
		})
	}
}

// Draft and RevisedDraft must describe exactly what the texts say, or a
// benchmark that uses one for the other measures nonsense.
func TestDraftMatchesText(t *testing.T) {
	for _, g := range generators {
		for _, n := range []int{0, 1, 2, 5, 19, 21, 60, 1000} {
			t.Run(g.name, func(t *testing.T) {
				checkMatches(t, g.text(n, 3), g.draft(n, 3))
			})
		}
	}
}

func checkMatches(t *testing.T, text []byte, d *drafts.Draft) {
	t.Helper()
	arts := readArticles(t, text)
	if len(arts) != len(d.Articles) {
		t.Fatalf("the text has %d articles, the draft %d", len(arts), len(d.Articles))
	}
	lines := make(map[string]bool)
	for _, l := range strings.Split(string(text), "\n") {
		lines[l] = true
	}
	keys := make(map[string]bool)
	for i, w := range arts {
		a := &d.Articles[i]
		if a.Number != w.number || a.Heading != w.heading || a.Line != w.line || a.Position != i ||
			!slices.Equal(a.Paragraphs, w.paragraphs) {
			t.Fatalf("article %d: the draft has %q %q at line %d, the text %q %q at line %d (or their paragraphs differ)",
				i, a.Number, a.Heading, a.Line, w.number, w.heading, w.line)
		}
		if keys[a.Key] {
			t.Fatalf("article key %q is used twice", a.Key)
		}
		keys[a.Key] = true
		if a.Division < 0 || a.Division >= len(d.Divisions) {
			t.Fatalf("article %s lies in no division", a.Key)
		}
		if h := d.Path(a); !lines["## "+h[0].Heading] {
			t.Fatalf("article %s lies in %q, which the text does not have", a.Key, h[0].Heading)
		}
	}
}

func TestRevision(t *testing.T) {
	const n = 1000
	base, rev := workload.Draft(n, 5), workload.RevisedDraft(n, 5)
	if base.ID != rev.ID || rev.Version != base.Version+1 {
		t.Errorf("the revision is %s v%d; want %s v%d", rev.ID, rev.Version, base.ID, base.Version+1)
	}
	baseByKey := make(map[string]string)
	baseTexts := make(map[string]bool)
	for _, a := range base.Articles {
		baseByKey[a.Key] = a.Text()
		baseTexts[a.Text()] = true
	}
	revTexts := make(map[string]bool)
	var reworded, added, renumbered int
	for _, a := range rev.Articles {
		text := a.Text()
		revTexts[text] = true
		old, had := baseByKey[a.Key]
		switch {
		case !baseTexts[text] && had:
			reworded++
		case !baseTexts[text]:
			added++
		case had && old != text:
			renumbered++
		}
	}
	removed := 0
	for text := range baseTexts {
		if !revTexts[text] {
			removed++
		}
	}
	removed -= reworded
	counts := []struct {
		what     string
		got      int
		min, max int
	}{
		{"reworded", reworded, 30, 70},
		{"added", added, 5, 20},
		{"removed", removed, 5, 20},
		{"renumbered", renumbered, 3, 60},
	}
	for _, c := range counts {
		t.Run(c.what, func(t *testing.T) {
			if c.got < c.min || c.got > c.max {
				t.Errorf("%d of %d articles %s; want %d–%d", c.got, n, c.what, c.min, c.max)
			}
		})
	}
}

func FuzzDraftText(f *testing.F) {
	for _, s := range []struct {
		n    uint16
		seed int64
	}{{0, 0}, {1, 1}, {7, -3}, {45, 99}, {250, 1 << 40}} {
		f.Add(s.n, s.seed)
	}
	f.Fuzz(func(t *testing.T, n uint16, seed int64) {
		size := int(n % 300)
		checkMatches(t, workload.DraftText(size, seed), workload.Draft(size, seed))
		checkMatches(t, workload.RevisedText(size, seed), workload.RevisedDraft(size, seed))
		if got := len(workload.Draft(size, seed).Articles); got != size {
			t.Fatalf("Draft(%d, %d) has %d articles", size, seed, got)
		}
	})
}

func BenchmarkDraftText(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		b.SetBytes(int64(len(workload.DraftText(1000, 1))))
	}
}

func BenchmarkRevisedText(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		b.SetBytes(int64(len(workload.RevisedText(1000, 1))))
	}
}
