package diff_test

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"statute/drafts"
)

// The generator below writes articles in the register of the chambers'
// statute, deterministically from a seed, so that tests and benchmarks
// diff realistic text without reading files.

var vocabulary = strings.Fields(`
غرفة الصناعة التقليدية الجهة الرئيس المكتب الجمعية العامة الأعضاء الحرفيين
الصناع التقليديين التعاونيات المقاولات يتولى يحدد يصادق يجتمع تنشر تحدث
القانون النظام الأساسي المرسوم القرار الوزير المكلف بالصناعة التقليدية
الميزانية المداولات الدورة العادية الاستثنائية الانتخابات اللجان الدائمة
المالية التكوين المهني التنمية الجهوية الشراكة الاتفاقيات الخبرة الاستشارة
المصالح الإدارية الكاتب العام النائب الأول الثاني أمين المال المقرر
الأحكام العامة الانتقالية الختامية الشروط الكيفيات الآجال الإجراءات
من في على إلى عن مع بعد قبل حسب طبق وفق لدى كل جميع أو و ثم غير
يجب يمكن لا ما الذي التي الذين عند خلال مدة سنة أشهر يوما أيام
بمقتضى تطبيقا لأحكام المادة الفقرة البند أعلاه أدناه المذكور المشار إليه
`)

var numbers = []string{"18.09", "1.11.91", "2025/07", "10,000", "٣٫٥", "١٠٬٠٠٠", "12", "٤", "30", "15"}

var punctuation = []string{"،", "؛", ".", ":"}

// sampleArticle returns an article of about n words, in paragraphs.
func sampleArticle(seed int64, n int) string {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	var b strings.Builder
	for i := 0; i < n; i++ {
		switch {
		case i == 0:
		case i%27 == 0:
			b.WriteString(".\n")
		case r.IntN(9) == 0:
			b.WriteString(punctuation[r.IntN(len(punctuation))])
			b.WriteByte(' ')
		default:
			b.WriteByte(' ')
		}
		if r.IntN(12) == 0 {
			b.WriteString(numbers[r.IntN(len(numbers))])
		} else {
			b.WriteString(vocabulary[r.IntN(len(vocabulary))])
		}
	}
	b.WriteByte('.')
	return b.String()
}

// mutate makes k word-level edits to s: replacements, insertions and
// deletions, as an amendment does.
func mutate(s string, seed int64, k int) string {
	r := rand.New(rand.NewPCG(uint64(seed), 0xed17))
	words := strings.Split(s, " ")
	for range k {
		i := r.IntN(len(words))
		switch r.IntN(3) {
		case 0:
			words[i] = vocabulary[r.IntN(len(vocabulary))]
		case 1:
			words = append(words[:i], append([]string{vocabulary[r.IntN(len(vocabulary))]}, words[i:]...)...)
		default:
			if len(words) > 1 {
				words = append(words[:i], words[i+1:]...)
			}
		}
	}
	return strings.Join(words, " ")
}

// sampleDraft returns a draft of n articles of about 1 KB each.
func sampleDraft(n int, seed int64) *drafts.Draft {
	d := &drafts.Draft{ID: "D-BENCH", Title: "مشروع النظام الأساسي لغرف الصناعة التقليدية", Language: "ar", Version: 1, ArticleWord: "المادة"}
	for i := range n {
		key := fmt.Sprint(i + 1)
		d.Articles = append(d.Articles, drafts.Article{
			Key: key, Number: key, Position: i, Division: -1,
			Paragraphs: strings.Split(sampleArticle(seed*100_000+int64(i), 100), "\n"),
		})
	}
	return d
}

// reviseDraft returns the next version of d with every twentieth article
// edited (5%), one article inserted after the first third with the rest
// renumbered, and one article removed near the end.
func reviseDraft(d *drafts.Draft, seed int64) *drafts.Draft {
	nd := *d
	nd.Version++
	nd.Articles = nil
	n := len(d.Articles)
	for i, a := range d.Articles {
		if i == n-10 {
			continue // removed
		}
		if i == n/3 {
			nd.Articles = append(nd.Articles, drafts.Article{Paragraphs: []string{sampleArticle(seed+999_999, 90)}})
		}
		if i%20 == 7 {
			a.Paragraphs = strings.Split(mutate(a.Text(), seed+int64(i), 4), "\n")
		}
		nd.Articles = append(nd.Articles, a)
	}
	for i := range nd.Articles {
		a := &nd.Articles[i]
		a.Key, a.Number, a.Position, a.Division = fmt.Sprint(i+1), fmt.Sprint(i+1), i, -1
	}
	return &nd
}
