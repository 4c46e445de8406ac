package parse_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"statute/drafts"
	"statute/drafts/parse"
)

// The example: a Markdown draft of ten articles, four of them
// written in ways the parser did not read as headings. Before warnings,
// it imported six articles and said nothing. Now «## Article 7 bis» (a
// Markdown heading, in the other article word, with a number no article
// has) is taken, and the three others are named by line, while the line
// that refers to article 2 inside article 6 is left alone.
func TestLookalikeHeadingsAreTakenOrWarnedAbout(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "lookalike.md"))
	if err != nil {
		t.Fatal(err)
	}
	d, ws, err := parse.ParseWithWarnings(data, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, a := range d.Articles {
		keys = append(keys, a.Key)
	}
	if want := []string{"1", "2", "4", "6", "7", "7bis", "8"}; !slices.Equal(keys, want) {
		t.Errorf("articles %v, want %v", keys, want)
	}
	if a := d.Article("7bis"); a == nil || a.Number != "7 bis" || a.Text() != "يحدد النظام الداخلي للغرفة طريقة تسيير المكتب." || a.Division != 1 {
		t.Errorf("article 7bis = %+v, want «7 bis» with its one paragraph, in the second title", a)
	}
	if a := d.Article("7"); a == nil || len(a.Paragraphs) != 1 {
		t.Errorf("article 7 = %+v, want its one paragraph, without «## Article 7 bis»", a)
	}
	lines := strings.Split(string(data), "\n")
	want := []struct {
		line    int
		article string
		id      string
	}{
		{13, "2", "parse.warning.list-item"},
		{21, "4", "parse.warning.list-item"},
		{44, "8", "parse.warning.no-separator"},
	}
	if len(ws) != len(want) {
		t.Fatalf("%d warnings, want %d: %v", len(ws), len(want), ws)
	}
	for i, w := range want {
		got := ws[i]
		if got.Line != w.line || got.Article != w.article || got.ID != w.id || got.Text != strings.TrimSpace(lines[w.line-1]) {
			t.Errorf("warning %d = line %d in article %q (%s) %q, want line %d in article %s (%s) %q",
				i, got.Line, got.Article, got.ID, got.Text, w.line, w.article, w.id, lines[w.line-1])
		}
		if !strings.Contains(got.String(), "line "+strconv.Itoa(w.line)+", in article "+w.article+": «"+got.Text+"»: "+got.Why) {
			t.Errorf("warning %d says %q, want its line, article, text and reason", i, got.String())
		}
	}
	if !strings.Contains(ws[0].Why, "«المادة 3»") || !strings.Contains(ws[0].Why, "remove the list mark") {
		t.Errorf("the list item's warning says %q, want the heading it starts with and what to do", ws[0].Why)
	}
	if !strings.Contains(ws[2].Why, "«المادة 9»") || !strings.Contains(ws[2].Why, "put «:» or «-» after the number") {
		t.Errorf("the plain line's warning says %q, want the heading it starts with and what to do", ws[2].Why)
	}
	// Parse reads the same draft, without the warnings.
	plain, err := parse.Parse(data, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := sameDraft(d, plain); diff != "" {
		t.Errorf("Parse and ParseWithWarnings differ: %s", diff)
	}
}

// Each kind of line that looks like a heading, alone in a small draft of
// articles 1, 2 and 4: whether it is warned about, with which sentence,
// and whether it became an article.
func TestWhichLookalikesAreWarnedAbout(t *testing.T) {
	const head = "# مشروع\n\n## المادة 1\n\nنص أول.\n\n## المادة 2\n\nنص ثان.\n"
	const tail = "\n\n## المادة 4\n\nنص رابع.\n"
	tests := []struct {
		name, line string
		opt        parse.Options
		id         string // the warning's message, or "" for none
		keys       string // the articles read
	}{
		{"bulleted heading", "* المادة 3", parse.Options{}, "parse.warning.list-item", "1 2 4"},
		{"dashed heading", "- المادة 3: الاختصاصات", parse.Options{}, "parse.warning.list-item", "1 2 4"},
		{"numbered heading", "3. المادة 3", parse.Options{}, "parse.warning.list-item", "1 2 4"},
		{"lettered heading", "أ) المادة الثالثة", parse.Options{}, "parse.warning.list-item", "1 2 4"},
		{"bulleted division", "* الباب الثاني", parse.Options{}, "parse.warning.list-item", "1 2 4"},
		{"list item naming an article the draft has", "- المادة 2", parse.Options{}, "", "1 2 4"},
		{"list item naming an article of another text", "- المادة 25", parse.Options{}, "", "1 2 4"},
		{"list item referring to an article", "- المادة 3 من القانون رقم 18.09", parse.Options{}, "", "1 2 4"},
		{"no separator after the number", "المادة 3 تحدث لجنة دائمة.", parse.Options{}, "parse.warning.no-separator", "1 2 4"},
		{"a note in parentheses after the number", "## المادة 3 (جديدة)", parse.Options{}, "parse.warning.no-separator", "1 2 4"},
		{"bold, no separator", "**المادة 3 الاختصاصات**", parse.Options{}, "parse.warning.no-separator", "1 2 4"},
		{"reference to another text", "المادة 3 من القانون رقم 18.09 تبقى سارية.", parse.Options{}, "", "1 2 4"},
		{"reference after a comma", "المادة 3، كما وقع تغييرها، تطبق.", parse.Options{}, "", "1 2 4"},
		{"reference to an article the draft has", "المادة 2 تطبق على الجامعة.", parse.Options{}, "", "1 2 4"},
		{"reference to a far article", "المادة 30 تطبق على الجامعة.", parse.Options{}, "", "1 2 4"},
		{"Markdown heading of no article", "## أحكام انتقالية", parse.Options{}, "parse.warning.markdown-heading", "1 2 4"},
		{"Markdown division without a number it can read", "## الباب التمهيدي الجديد", parse.Options{}, "parse.warning.markdown-heading", "1 2 4"},
		{"roman numeral", "## المادة III", parse.Options{}, "parse.warning.roman", "1 2 4"},
		{"plain heading in the other word", "Article 3: Compétences", parse.Options{}, "parse.warning.other-word", "1 2 4"},
		{"Markdown heading in the other word", "## Article 3", parse.Options{}, "", "1 2 3 4"},
		{"Markdown heading in the other word, bis", "## Article 2 bis: Compétences", parse.Options{}, "", "1 2 2bis 4"},
		{"Markdown heading in the other word, number taken", "## Article 2", parse.Options{}, "parse.warning.repeat", "1 2 4"},
		{"Markdown heading in the other word, word forced", "## Article 3", parse.Options{ArticleWord: "المادة"}, "parse.warning.other-word", "1 2 4"},
		{"an ordinary paragraph", "نص ثالث.", parse.Options{}, "", "1 2 4"},
		{"an ordinary list item", "- أولا: الصناع التقليديون", parse.Options{}, "", "1 2 4"},
	}
	for _, c := range tests {
		t.Run(c.name, func(t *testing.T) {
			text := head + "\n" + c.line + "\n\nنص ثالث." + tail
			d, ws, err := parse.ParseStringWithWarnings(text, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, a := range d.Articles {
				keys = append(keys, a.Key)
			}
			if got := strings.Join(keys, " "); got != c.keys {
				t.Errorf("articles %s, want %s", got, c.keys)
			}
			if c.id == "" {
				if len(ws) != 0 {
					t.Errorf("warnings %v, want none", ws)
				}
				return
			}
			if len(ws) != 1 || ws[0].ID != c.id || ws[0].Line != 11 || ws[0].Text != c.line || ws[0].Article != "2" || ws[0].Why == "" {
				t.Fatalf("warnings %+v, want one %s on line 11, in article 2", ws, c.id)
			}
		})
	}
}

// In the title and preamble, Markdown headings are the usual way to write
// them: only one that starts with a heading word is named.
func TestLookalikesBeforeTheFirstHeading(t *testing.T) {
	text := "# مشروع قانون\n\n## ديباجة\n\n## الباب الأول أحكام عامة\n\n* المادة 1\n\n## المادة 2\n\nنص.\n"
	d, ws, err := parse.ParseStringWithWarnings(text, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "مشروع قانون" || len(d.Articles) != 1 || len(d.Preamble) != 3 {
		t.Fatalf("title %q, preamble %q, %d articles; want the title, three preamble lines and article 2", d.Title, d.Preamble, len(d.Articles))
	}
	if len(ws) != 2 || ws[0].Line != 5 || ws[0].ID != "parse.warning.markdown-heading" || ws[1].Line != 7 || ws[1].ID != "parse.warning.list-item" ||
		ws[0].Article != "" || !strings.HasPrefix(ws[0].String(), "line 5, in the title and preamble: «## الباب الأول أحكام عامة»: ") {
		t.Errorf("warnings %+v, want the division heading read as text (line 5) and the list item (line 7), in the preamble", ws)
	}
}

// The other article word is taken in a French draft too, and only after
// the first heading: a title line «# المادة 9» stays the title (with a
// warning, as it reads as a heading), so that Format's output reads back
// the same.
func TestOtherArticleWordOnlyInTheBody(t *testing.T) {
	text := "# المادة 9\n\n## Article premier\n\nTexte.\n\n## المادة 2\n\nنص.\n\n## Article 3\n\nTexte.\n"
	d, ws, err := parse.ParseStringWithWarnings(text, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "المادة 9" || d.ArticleWord != "Article" || len(d.Articles) != 3 || d.Articles[1].Key != "2" {
		t.Fatalf("title %q, word %q, articles %+v; want the title kept and articles 1, 2, 3", d.Title, d.ArticleWord, d.Articles)
	}
	if len(ws) != 1 || ws[0].Line != 1 || ws[0].Article != "" || ws[0].ID != "parse.warning.other-word" {
		t.Errorf("warnings %+v, want one about the title line", ws)
	}
	again, err := parse.Parse(parse.Format(d), parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := sameDraft(d, again); diff != "" {
		t.Errorf("Parse(Format(d)): %s", diff)
	}
}

// A UTF-16 file without a byte-order mark is named as such, in either byte
// order, Arabic or Latin; Word documents and UTF-8 with a NUL byte are
// still files with NUL bytes.
func TestUTF16WithoutByteOrderMark(t *testing.T) {
	for _, text := range []string{
		"مشروع قانون\r\nالمادة 1\r\nنص المادة.\r\n",
		"Projet de loi\nArticle premier\nTexte de l'article.\n",
	} {
		units := utf16.Encode([]rune(text))
		le := make([]byte, 0, 2*len(units))
		be := make([]byte, 0, 2*len(units))
		for _, u := range units {
			le = append(le, byte(u), byte(u>>8))
			be = append(be, byte(u>>8), byte(u))
		}
		for _, c := range []struct {
			order string
			data  []byte
		}{{"UTF-16LE", le}, {"UTF-16BE", be}} {
			_, err := parse.Parse(c.data, parse.Options{})
			var e *drafts.Error
			if !errors.As(err, &e) || e.Kind != drafts.Invalid || e.ID != "parse.utf16-no-bom" ||
				!strings.Contains(e.Message, "this file is UTF-16 without a byte-order mark ("+c.order+")") || !strings.Contains(e.Message, "save it as UTF-8") {
				t.Errorf("%s of %q: %v, want it named as UTF-16 without a byte-order mark, %s", c.order, text[:10], err, c.order)
			}
		}
	}
	for _, data := range []string{
		"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml",
		"المادة 1\nنص\x00 المادة.\n",
		"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00\x00\x00\x00\x00",
	} {
		_, err := parse.Parse([]byte(data), parse.Options{})
		if err == nil || !strings.Contains(err.Error(), "it holds NUL bytes") {
			t.Errorf("%q: %v, want a file with NUL bytes", data, err)
		}
	}
}
