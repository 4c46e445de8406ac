package parse_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"statute/drafts/parse"
)

// vocabulary is the kind of words a statute of the chambers is written in.
var vocabulary = strings.Fields(`الغرفة الصناعة التقليدية الصناع التقليديين الجمعية العامة المكتب الرئيس
السلطة الحكومية الوصية المكلفة الجهة المملكة القانون المرسوم النظام الأساسي الداخلي الأعضاء المنتخبين
الانتخابات اللوائح الانتخابية الميزانية الموارد المالية النفقات المراقبة الوصاية التكوين التأطير المواكبة
التعاونيات المقاولات السجل الوطني الأنشطة المهنية تمثيل مصالح لدى يحدد تحدد يجوز يتعين يجب على في من
إلى مع وفق طبقا لأحكام المادة أعلاه أدناه بمقرر بقرار بنص تنظيمي داخل أجل ثلاثين يوما تاريخ الدورة
العادية الاستثنائية النصاب القانوني الأغلبية المطلقة الأصوات المعبر عنها الشراكة التعاون الاتفاقيات`)

// generateDraft writes a draft of n articles of about 80 words each, in
// titles of 100 and chapters of 25 articles, with the heading forms of a
// real draft. The same n always gives the same text.
func generateDraft(n int) []byte {
	r := rand.New(rand.NewPCG(2025, 7))
	var b strings.Builder
	b.WriteString("# مشروع القانون الأساسي لغرف الصناعة التقليدية\n\n")
	b.WriteString("يندرج هذا المشروع في إطار تنزيل أحكام الدستور.\n\n")
	for i := 1; i <= n; i++ {
		if i%100 == 1 {
			fmt.Fprintf(&b, "## الباب %d: أحكام الباب %d\n\n", i/100+1, i/100+1)
		}
		if i%25 == 1 {
			fmt.Fprintf(&b, "### الفصل %d\n%s %s\n\n", i/25+1, vocabulary[r.IntN(len(vocabulary))], vocabulary[r.IntN(len(vocabulary))])
		}
		switch {
		case i == 1:
			b.WriteString("#### المادة الأولى\n\n")
		case i%50 == 7:
			fmt.Fprintf(&b, "#### المادة %d مكررة: %s %s\n\n", i-1, vocabulary[r.IntN(len(vocabulary))], vocabulary[r.IntN(len(vocabulary))])
		case i%10 == 3:
			fmt.Fprintf(&b, "#### المادة %s – %s\n\n", strings.Map(func(c rune) rune { return c - '0' + '٠' }, fmt.Sprint(i)), vocabulary[r.IntN(len(vocabulary))])
		default:
			fmt.Fprintf(&b, "#### المادة %d\n\n", i)
		}
		words := 0
		for words < 80 {
			if words > 0 && r.IntN(3) == 0 {
				b.WriteString("- ")
			}
			m := 10 + r.IntN(20)
			for j := 0; j < m; j++ {
				if j > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(vocabulary[r.IntN(len(vocabulary))])
			}
			b.WriteString("؛\n\n")
			words += m
		}
	}
	return []byte(b.String())
}

func TestGeneratedDraft(t *testing.T) {
	data := generateDraft(1000)
	d, err := parse.Parse(data, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Articles) != 1000 || len(d.Divisions) != 50 {
		t.Fatalf("%d articles and %d divisions, want 1000 and 50", len(d.Articles), len(d.Divisions))
	}
	if len(data) < 800<<10 || len(data) > 1600<<10 {
		t.Errorf("the generated draft is %d KB, want about 1 MB", len(data)>>10)
	}
	if k := d.Articles[6].Key; k != "6bis" {
		t.Errorf("article 6 is followed by %q, want 6bis", k)
	}
}

func BenchmarkParse(b *testing.B) {
	data := generateDraft(1000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse.Parse(data, parse.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseCRLF parses the same draft with Windows line ends, which
// send it through arabic.Normalize.
func BenchmarkParseCRLF(b *testing.B) {
	data := []byte(strings.ReplaceAll(string(generateDraft(1000)), "\n", "\r\n"))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse.Parse(data, parse.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFormat(b *testing.B) {
	d, err := parse.Parse(generateDraft(1000), parse.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		parse.Format(d)
	}
}

func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse.Key("المادة الحادية والعشرون مكررة"); err != nil {
			b.Fatal(err)
		}
	}
}
