package parse_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/parse"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenInputs are the sample documents under testdata/, each with the
// options it is read with.
var goldenInputs = []struct {
	file string
	opt  parse.Options
}{
	{"arabic.md", parse.Options{}},
	{"french.md", parse.Options{}},
	{"dahir.txt", parse.Options{}},
	{"crlf_bom.txt", parse.Options{}},
}

func readInput(t *testing.T, file string, opt parse.Options) *drafts.Draft {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	opt.Source = file
	d, err := parse.Parse(data, opt)
	if err != nil {
		t.Fatalf("Parse(%s): %v", file, err)
	}
	return d
}

func TestGolden(t *testing.T) {
	for _, in := range goldenInputs {
		t.Run(in.file, func(t *testing.T) {
			d := readInput(t, in.file, in.opt)
			got, err := json.MarshalIndent(d, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", strings.TrimSuffix(in.file, filepath.Ext(in.file))+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Parse(%s) differs from %s (run go test -update and review the diff):\n%s", in.file, golden, got)
			}
		})
	}
}

// TestGoldenContents checks, beyond "same as last time", what a reader of
// each sample expects to find in it.
func TestGoldenContents(t *testing.T) {
	tests := []struct {
		file      string
		lang      string
		word      string
		keys      []string
		divisions int
	}{
		{"arabic.md", "ar", "المادة", []string{"1", "2", "2bis", "2ter", "2quater", "2-1", "4", "10", "11", "12", "20", "21", "33", "40"}, 6},
		{"french.md", "fr", "Article", []string{"1", "2", "2bis", "2ter", "3", "4", "5quater"}, 5},
		{"dahir.txt", "ar", "الفصل", []string{"1", "2", "3", "4", "4bis"}, 2},
		{"crlf_bom.txt", "ar", "المادة", []string{"1", "2"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := readInput(t, tt.file, parse.Options{})
			var keys []string
			for _, a := range d.Articles {
				keys = append(keys, a.Key)
			}
			if d.Language != tt.lang || d.ArticleWord != tt.word || !slices.Equal(keys, tt.keys) || len(d.Divisions) != tt.divisions {
				t.Errorf("language %q, word %q, keys %q, %d divisions; want %q, %q, %q, %d",
					d.Language, d.ArticleWord, keys, len(d.Divisions), tt.lang, tt.word, tt.keys, tt.divisions)
			}
		})
	}
}

// sameDraft reports how two parses of one draft differ in what Format must
// keep: title, preamble, divisions and articles (not their source lines).
func sameDraft(a, b *drafts.Draft) string {
	switch {
	case a.Title != b.Title:
		return "title " + a.Title + " became " + b.Title
	case !slices.Equal(a.Preamble, b.Preamble):
		return "the preamble changed"
	case a.ArticleWord != b.ArticleWord:
		return "the article word changed"
	case !slices.Equal(a.Divisions, b.Divisions):
		return "the divisions changed"
	case len(a.Articles) != len(b.Articles):
		return "the number of articles changed"
	}
	for i := range a.Articles {
		x, y := a.Articles[i], b.Articles[i]
		if x.Key != y.Key || x.Number != y.Number || x.Heading != y.Heading || x.Position != y.Position || x.Division != y.Division || !slices.Equal(x.Paragraphs, y.Paragraphs) {
			return "article " + x.Key + " changed"
		}
	}
	return ""
}

func TestFormatIdempotent(t *testing.T) {
	for _, in := range goldenInputs {
		t.Run(in.file, func(t *testing.T) {
			d := readInput(t, in.file, in.opt)
			md := parse.Format(d)
			again, err := parse.Parse(md, in.opt)
			if err != nil {
				t.Fatalf("Parse(Format(d)): %v\n%s", err, md)
			}
			if diff := sameDraft(d, again); diff != "" {
				t.Fatalf("Parse(Format(d)): %s\n%s", diff, md)
			}
			if md2 := parse.Format(again); !bytes.Equal(md, md2) {
				t.Errorf("Format is not stable:\n%s\n---\n%s", md, md2)
			}
		})
	}
}

func TestFormatForcedWord(t *testing.T) {
	opt := parse.Options{ArticleWord: "البند"}
	d := mustParse(t, "نظام\nالبند 1\nنص.\nالبند 2: عنوان\nنص.\n", opt)
	again, err := parse.Parse(parse.Format(d), opt)
	if err != nil {
		t.Fatal(err)
	}
	if diff := sameDraft(d, again); diff != "" {
		t.Error(diff)
	}
}

func TestFormatMarkdown(t *testing.T) {
	d := mustParse(t, "مشروع\nديباجة\nالباب الأول\nأحكام عامة\nالفصل الأول: التعريف\nالمادة الأولى – الموضوع\nنص أول.\nنص ثان.\nالمادة 2\nنص.\n", parse.Options{})
	want := `# مشروع

ديباجة

## الباب الأول: أحكام عامة

### الفصل الأول: التعريف

#### المادة الأولى: الموضوع

نص أول.

نص ثان.

#### المادة 2

نص.
`
	if got := string(parse.Format(d)); got != want {
		t.Errorf("Format:\n%s\nwant:\n%s", got, want)
	}
}

// TestFormatRoundTripMixedLines shuffles awkward lines (headings with and
// without titles, Markdown markup, notes, references that are not
// headings) into many small drafts and checks that every draft Parse
// accepts survives Format.
func TestFormatRoundTripMixedLines(t *testing.T) {
	pool := []string{
		"", "عنوان", "# عنوان", "## الباب الأول", "الباب الثاني:", "أحكام عامة", "الفصل 1", "الفصل الثاني - x",
		"**الفرع 1**", "المادة 1", "المادة الأولى: تعريف", "المادة 2 مكررة", "المادة 2 مكرر مرتين.",
		"المادة 3 - نص طويل جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا جدا.", "نص.", "- بند", "---", "* * *", "#",
		"**", "__x__", "Article 1er", "Art. 2 bis. – Titre", "Titre II", "Chapitre IV", "Section unique", ": x",
		"- المادة 4", "المادة 5: (نسخت)", "المادة 6: المادة 7", "المادة 8 – الباب الأول", "المادة 9: ---",
		"المادة ١٠", "المادة 2-1", "الفصل 5 من القانون", "# **المادة 11**", "(نسخت)", "المادة 12: #x",
		"المادة 13: # المادة 14.", "الباب الأول - المادة 15.", "\u200fالمادة 16\u200f", "Article 17 : Le texte.",
		"الحادية عشرة", "المادة الحادية", "المادة 18 مكررة مكررة", "الكتاب الأول", "القسم 2: x.", "Partie I", "Livre premier",
	}
	r := rand.New(rand.NewPCG(1, 2))
	accepted := 0
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(pool[r.IntN(len(pool))])
			b.WriteByte('\n')
		}
		d, err := parse.Parse([]byte(b.String()), parse.Options{})
		if err != nil {
			continue
		}
		accepted++
		md := parse.Format(d)
		again, err := parse.Parse(md, parse.Options{})
		if err != nil {
			t.Fatalf("Parse(Format(d)): %v\ninput %q\nformatted:\n%s", err, b.String(), md)
		}
		if diff := sameDraft(d, again); diff != "" {
			t.Fatalf("Parse(Format(d)): %s\ninput %q\nformatted:\n%s", diff, b.String(), md)
		}
	}
	if accepted < 1000 {
		t.Errorf("only %d of the drafts were accepted: the test no longer exercises Format", accepted)
	}
}
