package pdftext_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"statute/drafts/pdftext"
)

// The marks pdftotext wraps runs in, spelled out in the cases below.
const (
	lre = "\u202a"
	rle = "\u202b"
	pdf = "\u202c"
)

// Lines as pdftotext -layout gives them from the fixtures (the sample
// draft printed by LibreOffice), and what a reader of the draft expects.
func TestRepairPutsALineInReadingOrder(t *testing.T) {
	for _, c := range []struct{ name, raw, want string }{
		{"numbers drawn before the space that follows them",
			rle + "الظهير الشريف رقم " + lre + " 1.11.91" + pdf + "بتاريخ " + lre + " 27" + pdf + "من شعبان" + pdf,
			"الظهير الشريف رقم 1.11.91 بتاريخ 27 من شعبان"},
		{"a date in brackets",
			rle + lre + " 29( 1432" + pdf + "يوليو " + lre + " ،)2011" + pdf + "ولا سيما" + pdf,
			"1432 (29 يوليو 2011)، ولا سيما"},
		{"a French phrase in brackets, kept whole",
			rle + " الغرفة (" + lre + " :)Chambre d'artisanat" + pdf + "غرفة الصناعة التقليدية" + pdf,
			"الغرفة (Chambre d'artisanat): غرفة الصناعة التقليدية"},
		{"a dash opening an item", rle + lre + " -" + pdf + "الصانع التقليدي" + pdf, "- الصانع التقليدي"},
		{"a numbered item", rle + lre + " .10" + pdf + "غرفة الصناعة التقليدية لجهة كلميم واد نون؛" + pdf, "10. غرفة الصناعة التقليدية لجهة كلميم واد نون؛"},
		{"an article number with a hyphen", rle + "المادة " + lre + " :1-12" + pdf + "تمثيلية النساء والشباب" + pdf, "المادة 12-1: تمثيلية النساء والشباب"},
		{"Eastern digits with a thousands separator",
			rle + "التي تفوق قيمتها " + lre + " ١٠٬٠٠٠" + pdf + "درهم إلا بعد تأشير السلطة الحكومية الوصية" + lre + "." + pdf + pdf,
			"التي تفوق قيمتها ١٠٬٠٠٠ درهم إلا بعد تأشير السلطة الحكومية الوصية."},
		{"an Eastern article number", rle + "المادة " + lre + "٤" + pdf + pdf, "المادة ٤"},
		{"a percentage", rle + "خمسة عشر في المائة (" + lre + " )%15" + pdf + "من ميزانية التسيير" + pdf, "خمسة عشر في المائة (15%) من ميزانية التسيير"},
		{"presentation forms", "\uFE8D\uFEDF\uFEE4\uFE8E\uFea9\uFE93 \uFEFB \uFEE3\uFEEE\uFE8E\uFEE3", "المادة لا موام"},
		{"a haraka read after a space", rle + "تُحد َث غرفة للصناعة التقليدية" + pdf, "تُحدَث غرفة للصناعة التقليدية"},
		{"a lam-alef read as alef then lam after the article", rle + "مشروع القانون األساسي" + pdf, "مشروع القانون الأساسي"},
		{"two of them in a word", rle + "بالشخصية االعتبارية واالستقالل" + pdf, "بالشخصية الاعتبارية والاستقالل"},
		{"«ولا» read as «وال»", rle + "وال سيما" + pdf, "ولا سيما"},
		{"«إلا» read as «إال»", rle + "إال بعد تأشير" + pdf, "إلا بعد تأشير"},
		{"a French line is left as it is", "Article 2 : les chambres (voir l'article 31)", "Article 2 : les chambres (voir l'article 31)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, _ := pdftext.Repair(c.raw + "\n\f")
			if got != c.want+"\n" {
				t.Errorf("Repair gave\n%q, want\n%q", got, c.want+"\n")
			}
		})
	}
}

// What can be told from the rest of the document: «ألحكام» is «لأحكام»
// where «أحكام» is a word of the text, and «ألزم» stays; a space read
// inside a word is removed where a piece is no word, and kept between
// two words («عضو يوجد» where «يوجد» is found elsewhere).
func TestRepairUsesTheDocumentsOwnWords(t *testing.T) {
	raw := strings.Join([]string{
		rle + "المادة 1: تعر يفات" + pdf,
		rle + "تطبق أحكام هذا القانون طبقا ألحكام المادة 2 و يكون ألزم الأطراف بما يوجد في الاتفاق؛" + pdf,
		rle + "وتسو يقها والاعتبار ية يعتبر مقالا كل عضو يوجد في حالة تناف." + pdf,
	}, "\n")
	got, rep := pdftext.Repair(raw)
	want := "المادة 1: تعريفات\n" +
		"تطبق أحكام هذا القانون طبقا لأحكام المادة 2 ويكون ألزم الأطراف بما يوجد في الاتفاق؛\n" +
		"وتسويقها والاعتبارية يعتبر مقالا كل عضو يوجد في حالة تناف.\n"
	if got != want {
		t.Errorf("Repair gave\n%s\nwant\n%s", got, want)
	}
	if rep.LamAlef != 1 || rep.Joined != 4 {
		t.Errorf("reported %d lam-alef repairs and %d joins, want 1 and 4", rep.LamAlef, rep.Joined)
	}
}

// A page of a layout: indent spaces, then the line (right to left: a
// full line starts at the left margin, a short one further right).
func page(lines ...string) string { return strings.Join(lines, "\n") + "\n\f" }

func indent(n int, s string) string { return strings.Repeat(" ", n) + rle + s + pdf }

// Headers and footers on every page and lone page numbers go; the title
// printed under a header of the same words stays; the lines of a
// paragraph are joined, across a page break too, and a paragraph ends at
// a short line or a full stop, colon or semicolon.
func TestRepairRemovesRunningLinesAndJoinsParagraphs(t *testing.T) {
	full := strings.Repeat("كلمة ", 20)
	raw := page(
		indent(30, "الجريدة الرسمية"),
		indent(30, "قانون الغرف"),
		indent(50, "المادة 1"),
		indent(0, full+"أول"),
		indent(1, full+"ثان"),
		indent(60, "نهاية الفقرة"),
		indent(0, full+"بند:"),
		indent(2, "- أول؛"),
		indent(40, "صفحة 1"),
	) + page(
		indent(30, "الجريدة الرسمية"),
		indent(0, full+"يتواصل"),
		indent(70, "هنا."),
		indent(50, "المادة 2"),
		indent(35, "- ٢ -"),
	) + page(
		indent(30, "الجريدة الرسمية"),
		indent(0, full+"متصل"),
		indent(3, "بالصفحة التالية"),
		indent(50, "3"),
	)
	got, rep := pdftext.Repair(raw)
	want := "قانون الغرف\nالمادة 1\n" +
		full + "أول " + full + "ثان نهاية الفقرة\n" +
		full + "بند:\n- أول؛\n" +
		full + "يتواصل هنا.\nالمادة 2\n" +
		full + "متصل بالصفحة التالية\n"
	if got != want {
		t.Errorf("Repair gave\n%s\nwant\n%s", got, want)
	}
	if rep.Pages != 3 || strings.Join(rep.Removed, "|") != "الجريدة الرسمية|صفحة 1|- ٢ -|3" {
		t.Errorf("report: %d pages, removed %q", rep.Pages, rep.Removed)
	}
}

func TestRepairTellsScannedAndReversedText(t *testing.T) {
	_, rep := pdftext.Repair("\f\f\f")
	if !rep.Scanned() {
		t.Errorf("three pages with no text: %+v, want scanned", rep)
	}
	_, rep = pdftext.Repair(page(rle+"فرغلل ةينوناقلا ةعيبطلا :3 ةداملا"+pdf, rle+"يلاملا لالقتسالاو ةيرابتعالا ةيصخشلاب عتمتت ةينهم ةيمومع تاسسؤم ةيديلقتلا ةعانصلا فرغ"+pdf))
	if rep.Reversed == "" {
		t.Errorf("reversed text: %+v, want Reversed set", rep)
	}
	_, rep = pdftext.Repair(page(rle+"المادة 3: الطبيعة القانونية للغرف"+pdf, rle+"غرف الصناعة التقليدية مؤسسات عمومية مهنية تتمتع بالشخصية الاعتبارية والاستقلال المالي"+pdf))
	if rep.Reversed != "" || rep.Scanned() {
		t.Errorf("text in reading order: %+v, want neither reversed nor scanned", rep)
	}
}

// Whatever pdftotext writes, Repair returns valid UTF-8, one paragraph a
// line, with no embedding mark or form feed left.
func FuzzRepair(f *testing.F) {
	f.Add(rle + "المادة " + lre + " :2" + pdf + "تعريفات" + pdf + "\n\f")
	f.Add(page(indent(30, "رأس"), indent(0, "نص"), indent(40, "- 1 -")) + page(indent(30, "رأس"), indent(0, "نص"), indent(40, "- 2 -")))
	f.Add("\u202b\u202a\u202b\u202c\u202a")
	f.Add("األ اال إال وال ألحكام أحكام و يكون تعر يفات ُأ ع ِ ّد")
	f.Fuzz(func(t *testing.T, raw string) {
		got, _ := pdftext.Repair(raw)
		if !utf8.ValidString(got) && utf8.ValidString(raw) {
			t.Fatalf("invalid UTF-8 out of valid input: %q", got)
		}
		if strings.ContainsAny(got, lre+rle+pdf+"\u202d\u202e\f") {
			t.Fatalf("marks left in %q", got)
		}
		if got != "" && !strings.HasSuffix(got, "\n") {
			t.Fatalf("no final newline: %q", got)
		}
		for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
			if got != "" && (l == "" || l != strings.TrimSpace(l)) {
				t.Fatalf("an empty or untrimmed line %q in %q", l, got)
			}
		}
	})
}

// A page on two columns, which pdftotext -layout writes side by side,
// reads down the right column first, then the left one.
func TestRepairReadsColumnsInOrder(t *testing.T) {
	full := strings.Repeat("نص ", 15) // 45 columns wide
	var lines []string
	for i := range 8 {
		right := indent(0, fmt.Sprintf("%sيمين%d", full, i))
		left := indent(0, fmt.Sprintf("%sيسار%d", full, i))
		if i == 7 {
			right, left = indent(30, "يمين7."), indent(30, "يسار7.")
		}
		lines = append(lines, left+strings.Repeat(" ", 8)+right)
	}
	got, _ := pdftext.Repair(page(lines...))
	paras := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(paras) != 2 || !strings.HasPrefix(paras[0], full+"يمين0") || !strings.HasSuffix(paras[0], "يمين7.") ||
		!strings.HasPrefix(paras[1], full+"يسار0") || strings.Contains(paras[0], "يسار") {
		t.Errorf("Repair gave\n%s\nwant the right column's paragraph, then the left one's", got)
	}
}
