package parse_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/arabic"
	"statute/drafts/parse"
)

// mustParse parses text that the test expects to be a valid draft.
func mustParse(t *testing.T, text string, opt parse.Options) *drafts.Draft {
	t.Helper()
	d, err := parse.Parse([]byte(text), opt)
	if err != nil {
		t.Fatalf("Parse failed: %v\ninput:\n%s", err, text)
	}
	return d
}

func TestHeadingForms(t *testing.T) {
	tests := []struct {
		name, heading string
		key, number   string
		title         string // the article's own title
		first         string // the first paragraph, when the heading line carries it
	}{
		{"ordinal first", "المادة الأولى", "1", "الأولى", "", ""},
		{"ordinal first without hamza", "المادة الاولى", "1", "الاولى", "", ""},
		{"ordinal with taa written as haa", "المادة الثانيه", "2", "الثانيه", "", ""},
		{"ordinal with harakat", "المادةُ الأولَى", "1", "الأولَى", "", ""},
		{"ordinal tenth", "المادة العاشرة", "10", "العاشرة", "", ""},
		{"ordinal eleventh", "المادة الحادية عشرة", "11", "الحادية عشرة", "", ""},
		{"ordinal twelfth", "المادة الثانية عشرة", "12", "الثانية عشرة", "", ""},
		{"ordinal nineteenth", "المادة التاسعة عشرة", "19", "التاسعة عشرة", "", ""},
		{"ordinal twentieth", "المادة العشرون", "20", "العشرون", "", ""},
		{"ordinal twenty-first", "المادة الحادية والعشرون", "21", "الحادية والعشرون", "", ""},
		{"ordinal with detached waw", "المادة الثانية و العشرون", "22", "الثانية و العشرون", "", ""},
		{"ordinal thirtieth", "المادة الثلاثون", "30", "الثلاثون", "", ""},
		{"ordinal forty-fifth", "المادة الخامسة والأربعون", "45", "الخامسة والأربعون", "", ""},
		{"ordinal ninety-ninth", "المادة التاسعة والتسعون", "99", "التاسعة والتسعون", "", ""},
		{"masculine ordinal", "المادة الأول", "1", "الأول", "", ""},
		{"digits", "المادة 3", "3", "3", "", ""},
		{"eastern digits", "المادة ٤", "4", "٤", "", ""},
		{"eastern digits, two", "المادة ١٢", "12", "١٢", "", ""},
		{"leading zero", "المادة 07", "7", "07", "", ""},
		{"mukarrara", "المادة 2 مكررة", "2bis", "2 مكررة", "", ""},
		{"mukarrar", "المادة 2 مكرر", "2bis", "2 مكرر", "", ""},
		{"mukarrara attached", "المادة 2مكررة", "2bis", "2مكررة", "", ""},
		{"mukarrara twice", "المادة 2 مكررة مرتين", "2ter", "2 مكررة مرتين", "", ""},
		{"mukarrar three times", "المادة 2 مكرر ثلاث مرات", "2quater", "2 مكرر ثلاث مرات", "", ""},
		{"ordinal mukarrara", "المادة الأولى مكررة", "1bis", "الأولى مكررة", "", ""},
		{"dashed number", "المادة 2-1", "2-1", "2-1", "", ""},
		{"title after colon", "المادة 3: مهام الغرفة", "3", "3", "مهام الغرفة", ""},
		{"title after spaced colon", "المادة 3 : مهام الغرفة", "3", "3", "مهام الغرفة", ""},
		{"title after en dash", "المادة الأولى – التعريف", "1", "الأولى", "التعريف", ""},
		{"title after em dash", "المادة الأولى — التعريف", "1", "الأولى", "التعريف", ""},
		{"title after hyphen", "المادة 2-1 - التعريف", "2-1", "2-1", "التعريف", ""},
		{"trailing colon", "المادة 5:", "5", "5", "", ""},
		{"long sentence is the first paragraph", "المادة 3 - تتولى الغرفة تمثيل مصالح الصناع التقليديين لدى السلطات العمومية والهيئات المنتخبة وجميع الإدارات", "3", "3", "",
			"تتولى الغرفة تمثيل مصالح الصناع التقليديين لدى السلطات العمومية والهيئات المنتخبة وجميع الإدارات"},
		{"sentence ending with a full stop is the first paragraph", "المادة 3: تحدث غرفة في كل جهة.", "3", "3", "", "تحدث غرفة في كل جهة."},
		{"sentence opening a list is the first paragraph", "المادة 3: تتولى الغرفة ما يلي:", "3", "3", "", "تتولى الغرفة ما يلي:"},
		{"repealed note is the first paragraph", "المادة 5: (نسخت)", "5", "5", "", "(نسخت)"},
		{"markdown heading", "#### المادة 6", "6", "6", "", ""},
		{"markdown bold", "**المادة 6**", "6", "6", "", ""},
		{"bold label with title", "**المادة 6:** الميزانية", "6", "6", "الميزانية", ""},
		{"markdown heading and bold", "## **المادة 6 مكررة**", "6bis", "6 مكررة", "", ""},
		{"direction marks around the line", "\u200fالمادة 8\u200f", "8", "8", "", ""},
		{"no-break spaces", "المادة\u00a09", "9", "9", "", ""},
		{"unique article", "مادة فريدة", "1", "فريدة", "", ""},
		{"french premier", "Article premier", "1", "premier", "", ""},
		{"french 1er", "Article 1er", "1", "1er", "", ""},
		{"french upper case", "ARTICLE PREMIER", "1", "PREMIER", "", ""},
		{"french bis", "Article 2 bis", "2bis", "2 bis", "", ""},
		{"french attached bis", "Article 2bis", "2bis", "2bis", "", ""},
		{"french ter", "Article 2 ter", "2ter", "2 ter", "", ""},
		{"french quater", "Article 2 quater", "2quater", "2 quater", "", ""},
		{"french abbreviation", "Art. 7. -", "7", "7", "", ""},
		{"french title", "Article 3 : Missions", "3", "3", "Missions", ""},
		{"french sentence", "Art. 3. - Il est créé une chambre dans chaque région.", "3", "3", "", "Il est créé une chambre dans chaque région."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, "عنوان\n"+tt.heading+"\nنص المادة.\n", parse.Options{})
			if len(d.Articles) != 1 {
				t.Fatalf("got %d articles, want 1: %+v", len(d.Articles), d.Articles)
			}
			a := d.Articles[0]
			if a.Key != tt.key || a.Number != tt.number || a.Heading != tt.title {
				t.Errorf("key %q, number %q, title %q; want %q, %q, %q", a.Key, a.Number, a.Heading, tt.key, tt.number, tt.title)
			}
			want := []string{"نص المادة."}
			if tt.first != "" {
				want = append([]string{tt.first}, want...)
			}
			if !slices.Equal(a.Paragraphs, want) {
				t.Errorf("paragraphs %q, want %q", a.Paragraphs, want)
			}
			if a.Line != 2 {
				t.Errorf("line %d, want 2", a.Line)
			}
		})
	}
}

func TestLinesThatAreNotHeadings(t *testing.T) {
	lines := []string{
		"المادة 5 من القانون رقم 18.09 المتعلق بالنظام الأساسي تبقى سارية.",
		"المادة الأولى من هذا القانون تطبق على الجميع.",
		"المادة 12 أعلاه",
		"المادة 5ب",
		"المادة",
		"الفصل 230 من القانون الجنائي",
		"الباب الأول من هذا القانون",
		"- المادة 3",
		"1. المادة 3",
		"أولا: المادة 3",
		"أ) المادة 3",
		"المادات 3",
		"Article 5 de la loi n° 18-09 reste applicable.",
		"Articles 3",
		"L'article 3",
		"Article II",
	}
	for _, line := range lines {
		t.Run(line, func(t *testing.T) {
			d := mustParse(t, "عنوان\nالمادة 1\nنص.\n"+line+"\n", parse.Options{})
			if len(d.Articles) != 1 {
				t.Fatalf("got %d articles, want 1: the line was read as a heading", len(d.Articles))
			}
			if got := d.Articles[0].Paragraphs; !slices.Equal(got, []string{"نص.", line}) {
				t.Errorf("paragraphs %q, want the line kept as a paragraph", got)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	text := "عنوان\n\nالمادة 1\n\n  أول فقرة  \n\n\n- بند أول؛\n• بند ثان؛\nأ) بند ثالث؛\n1. بند رابع؛\nأولا: بند خامس.\n---\n**فقرة بالخط العريض**\n\tآخر فقرة\t\n"
	d := mustParse(t, text, parse.Options{})
	want := []string{"أول فقرة", "- بند أول؛", "• بند ثان؛", "أ) بند ثالث؛", "1. بند رابع؛", "أولا: بند خامس.", "**فقرة بالخط العريض**", "آخر فقرة"}
	if got := d.Articles[0].Paragraphs; !slices.Equal(got, want) {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}
}

func TestDivisions(t *testing.T) {
	text := `# مشروع قانون
## الكتاب الأول
### القسم الأول: أحكام تمهيدية
#### الباب الأول
أحكام عامة
##### الفصل الأول - التعريفات
###### الفرع 1
المادة 1
نص.
الفصل الثاني
المادة 2
نص.
الباب الثاني: المهام
المادة 3
نص.
القسم الثاني
المادة 4
نص.
`
	d := mustParse(t, text, parse.Options{})
	want := []drafts.Division{
		{Level: drafts.Book, Heading: "الكتاب الأول", Number: "الأول", Parent: -1},
		{Level: drafts.Part, Heading: "القسم الأول: أحكام تمهيدية", Number: "الأول", Title: "أحكام تمهيدية", Parent: 0},
		{Level: drafts.Title, Heading: "الباب الأول: أحكام عامة", Number: "الأول", Title: "أحكام عامة", Parent: 1},
		{Level: drafts.Chapter, Heading: "الفصل الأول - التعريفات", Number: "الأول", Title: "التعريفات", Parent: 2},
		{Level: drafts.Section, Heading: "الفرع 1", Number: "1", Parent: 3},
		{Level: drafts.Chapter, Heading: "الفصل الثاني", Number: "الثاني", Parent: 2},
		{Level: drafts.Title, Heading: "الباب الثاني: المهام", Number: "الثاني", Title: "المهام", Parent: 1},
		{Level: drafts.Part, Heading: "القسم الثاني", Number: "الثاني", Parent: 0},
	}
	if !slices.Equal(d.Divisions, want) {
		t.Errorf("divisions:\n got %+v\nwant %+v", d.Divisions, want)
	}
	for i, wantDiv := range []int{4, 5, 6, 7} {
		if got := d.Articles[i].Division; got != wantDiv {
			t.Errorf("article %s is in division %d, want %d", d.Articles[i].Key, got, wantDiv)
		}
	}
	path := d.Path(&d.Articles[0])
	if len(path) != 5 || path[0].Level != drafts.Book || path[4].Level != drafts.Section {
		t.Errorf("path of article 1: %+v, want book → section", path)
	}
}

func TestFrenchDivisions(t *testing.T) {
	text := "Projet\nLIVRE Ier\nTitre premier : Dispositions générales\nChapitre IV\nSection unique - Siège\nArticle premier\nTexte.\n"
	d := mustParse(t, text, parse.Options{})
	var got []string
	for _, dv := range d.Divisions {
		got = append(got, dv.Level.String()+"|"+dv.Number+"|"+dv.Title)
	}
	want := []string{"book|Ier|", "title|premier|Dispositions générales", "chapter|IV|", "section|unique|Siège"}
	if !slices.Equal(got, want) {
		t.Errorf("divisions %q, want %q", got, want)
	}
	if d.Language != "fr" || d.ArticleWord != "Article" {
		t.Errorf("language %q, article word %q; want fr, Article", d.Language, d.ArticleWord)
	}
}

func TestArticleWord(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		opt      parse.Options
		word     string
		keys     []string
		chapters int
	}{
		{"madda makes fasl a chapter", "ع\nالفصل الأول\nالمادة 1\nنص.\nالفصل الثاني\nالمادة 2\nنص.\n", parse.Options{}, "المادة", []string{"1", "2"}, 2},
		{"fasl marks articles when there is no madda", "ظهير\nالفصل الأول\nنص.\nالفصل 2\nنص.\n", parse.Options{}, "الفصل", []string{"1", "2"}, 0},
		{"forced fasl", "ع\nالفصل 1\nنص.\nالمادة 5 من القانون\nالفصل 2\nنص.\n", parse.Options{ArticleWord: "الفصل"}, "الفصل", []string{"1", "2"}, 0},
		{"forced madda without hamza", "ع\nالمادة 1\nنص.\n", parse.Options{ArticleWord: "الماده"}, "المادة", []string{"1"}, 0},
		{"forced custom word", "ع\nالبند 1\nنص.\nالبند 2\nنص.\n", parse.Options{ArticleWord: "البند"}, "البند", []string{"1", "2"}, 0},
		{"article in french", "Loi\nChapitre 1\nArticle 1\nTexte.\n", parse.Options{}, "Article", []string{"1"}, 1},
		{"more article headings than madda", "Loi\nArticle 1\nTexte.\nArticle 2\nالمادة 2\nTexte.\n", parse.Options{}, "Article", []string{"1", "2"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.text, tt.opt)
			var keys []string
			for _, a := range d.Articles {
				keys = append(keys, a.Key)
			}
			chapters := 0
			for _, dv := range d.Divisions {
				if dv.Level == drafts.Chapter {
					chapters++
				}
			}
			if d.ArticleWord != tt.word || !slices.Equal(keys, tt.keys) || chapters != tt.chapters {
				t.Errorf("word %q, keys %q, %d chapters; want %q, %q, %d", d.ArticleWord, keys, chapters, tt.word, tt.keys, tt.chapters)
			}
		})
	}
}

func TestTitleAndPreamble(t *testing.T) {
	tests := []struct {
		name, text string
		opt        parse.Options
		title      string
		preamble   []string
	}{
		{"first line", "مشروع قانون\nديباجة أولى\n\nديباجة ثانية\nالمادة 1\nنص.\n", parse.Options{}, "مشروع قانون", []string{"ديباجة أولى", "ديباجة ثانية"}},
		{"markdown title", "# **مشروع قانون**\nالمادة 1\nنص.\n", parse.Options{}, "مشروع قانون", nil},
		{"option overrides and keeps the first line", "مشروع قانون\nالمادة 1\nنص.\n", parse.Options{Title: "عنوان آخر"}, "عنوان آخر", []string{"مشروع قانون"}},
		{"file name when no line comes first", "المادة 1\nنص.\n", parse.Options{Source: "dir/projet-2025.md"}, "projet-2025", nil},
		{"no title at all", "المادة 1\nنص.\n", parse.Options{}, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.text, tt.opt)
			if d.Title != tt.title || !slices.Equal(d.Preamble, tt.preamble) {
				t.Errorf("title %q, preamble %q; want %q, %q", d.Title, d.Preamble, tt.title, tt.preamble)
			}
			if d.Source != tt.opt.Source {
				t.Errorf("source %q, want %q", d.Source, tt.opt.Source)
			}
		})
	}
}

func TestLanguage(t *testing.T) {
	ar := mustParse(t, "مشروع\nArticle 1\nنص طويل بالعربية مع كلمة (artisan).\n", parse.Options{})
	fr := mustParse(t, "Projet\nالمادة 1\nUn texte en français avec un mot (الغرفة).\n", parse.Options{})
	if ar.Language != "ar" || fr.Language != "fr" {
		t.Errorf("languages %q and %q, want ar and fr", ar.Language, fr.Language)
	}
}

func TestNormalizedInput(t *testing.T) {
	// Presentation forms, as text copied from a PDF holds them: «المادة».
	madda := "\uFE8D\uFEDF\uFEE4\uFE8E\uFEA9\uFE93"
	crlf := "\uFEFFعنوان\r\n" + madda + " 1\r\nنص\u064Fأول.\r\rالمادة 2\rنص.\r\n"
	d := mustParse(t, crlf, parse.Options{})
	lf := mustParse(t, "عنوان\nالمادة 1\nنصُأول.\n\nالمادة 2\nنص.\n", parse.Options{})
	if d.Title != lf.Title || len(d.Articles) != 2 {
		t.Fatalf("title %q, %d articles; want %q and 2", d.Title, len(d.Articles), lf.Title)
	}
	for i := range d.Articles {
		if !slices.Equal(d.Articles[i].Paragraphs, lf.Articles[i].Paragraphs) || d.Articles[i].Line != lf.Articles[i].Line {
			t.Errorf("article %d: %q at line %d, want %q at line %d", i, d.Articles[i].Paragraphs, d.Articles[i].Line, lf.Articles[i].Paragraphs, lf.Articles[i].Line)
		}
	}
}

// TestNormalizedCharacters checks that every character reaches the draft
// as arabic.Normalize leaves it, whichever way Parse takes to normalize the
// text: each two-byte character, and the punctuation block, between two
// letters. (The C1 controls, U+0080–U+009F, are refused: see
// TestControlCharactersAreRefused.)
func TestNormalizedCharacters(t *testing.T) {
	var runes []rune
	for r := rune(0xA0); r <= 0x7FF; r++ {
		runes = append(runes, r)
	}
	for r := rune(0x2000); r <= 0x207F; r++ {
		runes = append(runes, r)
	}
	for _, r := range runes {
		body := "أ" + string(r) + "ب"
		d, err := parse.Parse([]byte("ع\nالمادة 1\n"+body+"\n"), parse.Options{})
		if err != nil {
			t.Fatalf("U+%04X: %v", r, err)
		}
		if got, want := d.Articles[0].Paragraphs[0], arabic.Normalize(body); got != want {
			t.Errorf("U+%04X: paragraph %+q, want %+q as normalized", r, got, want)
		}
	}
}

// A character that cannot be seen or printed is refused with its line, as
// an amendment holding it is: the text of an article becomes the wording
// a chamber edits. Page breaks, as in text taken out of a PDF, are read as
// line breaks.
func TestControlCharactersAreRefused(t *testing.T) {
	for _, r := range []rune{0x01, 0x1B, 0x7F, 0x80, 0x9B} {
		_, err := parse.Parse([]byte("ع\nالمادة 1\nأ"+string(r)+"ب\n"), parse.Options{})
		if !drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), fmt.Sprintf("line 3: the text holds a control character (U+%04X)", r)) {
			t.Errorf("U+%04X: %v; want it refused on line 3", r, err)
		}
	}
	d, err := parse.Parse([]byte("ع\nالمادة 1\nأ\fب\vج\n"), parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Articles[0].Paragraphs; !slices.Equal(got, []string{"أ", "ب", "ج"}) {
		t.Errorf("paragraphs %q, want the page breaks read as line breaks", got)
	}
}

func TestStructure(t *testing.T) {
	d := mustParse(t, "ع\nالمادة 1\nأ\nالباب الأول\nالمادة 2\nب\nالمادة 3\nج\n", parse.Options{})
	for i, a := range d.Articles {
		if a.Position != i {
			t.Errorf("article %s at position %d, want %d", a.Key, a.Position, i)
		}
	}
	if got := []int{d.Articles[0].Division, d.Articles[1].Division, d.Articles[2].Division}; !slices.Equal(got, []int{-1, 0, 0}) {
		t.Errorf("divisions %v, want [-1 0 0]", got)
	}
	if got := []int{d.Articles[0].Line, d.Articles[1].Line, d.Articles[2].Line}; !slices.Equal(got, []int{2, 5, 7}) {
		t.Errorf("lines %v, want [2 5 7]", got)
	}
	if d.ID != "" || d.Version != 0 || !d.Imported.IsZero() {
		t.Errorf("Parse set ID %q, version %d, imported %v: those belong to the store", d.ID, d.Version, d.Imported)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		opt  parse.Options
		line int
		want string // a phrase the message must hold
	}{
		{"empty file", nil, parse.Options{}, 0, "empty"},
		{"only blank lines", []byte("  \n\t\n\n"), parse.Options{}, 0, "empty"},
		{"only markdown markup", []byte("#\n---\n**\n"), parse.Options{}, 0, "empty"},
		{"NUL bytes", []byte("المادة 1\x00\x00نص"), parse.Options{}, 0, "not a text file"},
		{"control characters", []byte("\x01\x02\x03\x04\x05\x06\x07\x08ab"), parse.Options{}, 0, "not a text file"},
		{"UTF-16", []byte{0xFF, 0xFE, 'A', 0, 'r', 0}, parse.Options{}, 0, "UTF-16"},
		{"invalid UTF-8 on line 3", []byte("عنوان\nالمادة 1\nنص \xE1\xE4\xC7\xCF\xC9\n"), parse.Options{}, 3, "save it as UTF-8"},
		{"no article headings", []byte("عنوان\nنص بلا مواد.\n"), parse.Options{}, 0, "found no article headings such as «المادة 1»"},
		{"forced word not found", []byte("عنوان\nالمادة 1\nنص.\n"), parse.Options{ArticleWord: "الفصل"}, 0, "found no article headings such as «الفصل 1»"},
		{"article word of two words", []byte("عنوان\nالمادة 1\nنص.\n"), parse.Options{ArticleWord: "المادة رقم"}, 0, "not one word"},
		{"duplicate keys", []byte("عنوان\nالمادة 1\nنص.\nالمادة 2\nنص.\nالمادة الأولى\nنص.\n"), parse.Options{}, 6, "already headed at line 2"},
		{"duplicate bis", []byte("عنوان\nالمادة 2 مكرر\nنص.\nArticle 2 bis\nالمادة 2 مكررة\nنص.\n"), parse.Options{}, 5, "already headed at line 2"},
		{"article with no text", []byte("عنوان\nالمادة 1\nنص.\nالمادة 2\nالمادة 3\nنص.\n"), parse.Options{}, 4, "has no text"},
		{"last article with no text", []byte("عنوان\nالمادة 1\nنص.\nالمادة 2: التعريفات\n"), parse.Options{}, 4, "was read as its title"},
		{"text between a division and an article", []byte("عنوان\nالمادة 1\nنص.\nالباب الثاني: المهام\nتطبق أحكام هذا الباب على جميع الغرف.\nالمادة 2\nنص.\n"), parse.Options{}, 5, "belongs to no article"},
		{"over the size limit", []byte("المادة 1\n" + strings.Repeat("نص ", parse.MaxDraftBytes/5+1)), parse.Options{}, 0, "over the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := parse.Parse(tt.data, tt.opt)
			if err == nil {
				t.Fatalf("Parse succeeded with %d articles, want an error", len(d.Articles))
			}
			var e *drafts.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not a *drafts.Error", err, err)
			}
			if e.Kind != drafts.Invalid || e.Line != tt.line || !strings.Contains(e.Message, tt.want) {
				t.Errorf("got kind %s, line %d, %q; want kind invalid, line %d, a message with %q", e.Kind, e.Line, e.Message, tt.line, tt.want)
			}
		})
	}
}

// An article is split into paragraphs by the rule an amendment's wording is
// stored by (drafts.Paragraphs): its body, written with blank lines of any
// length and spaces at the ends of lines, reads as the paragraphs that
// drafts.Paragraphs finds in it.
func TestArticleParagraphsFollowTheParagraphRule(t *testing.T) {
	for _, body := range []string{
		"تحدث غرفة.\nتتولى الغرفة ما يلي:\n- أ؛\n- ب.",
		"تحدث غرفة.\n\nتتولى الغرفة ما يلي:\n\n\n- أ؛  \n \t\n- ب.\n\n",
		"  فقرة أولى \u200F\r\n\r\nفقرة ثانية\f(نسخت)",
		"المادة 5 من القانون رقم 18.09 تنص\n\n\tعلى ما يلي:",
	} {
		d := mustParse(t, "المادة 1\n"+body+"\nالمادة 2\nنص.", parse.Options{})
		want := drafts.Paragraphs(arabic.Normalize(body))
		if got := d.Articles[0].Paragraphs; !slices.Equal(got, want) {
			t.Errorf("article of body %q has paragraphs %q; drafts.Paragraphs gives %q", body, got, want)
		}
		if text := d.Articles[0].Text(); drafts.NormalizeParagraphs(body) != text {
			t.Errorf("article text %q; the body normalized as a wording is %q", text, drafts.NormalizeParagraphs(body))
		}
	}
}
