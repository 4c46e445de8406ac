package arabic_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"statute/drafts/arabic"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"bom and crlf", "\uFEFFالمادة 1\r\nنص\rآخر", "المادة 1\nنص\nآخر"},
		{"presentation forms from a PDF", "\uFEDF\uFEE4\uFE8E\uFEA9\uFE93", "لمادة"},
		{"lam-alef ligature", "\uFEFB", "لا"},
		{"stray zero-width no-break space", "نص\uFEFFآخر", "نصآخر"},
		{"harakat and tatweel kept", "القانُون الأسـاسي", "القانُون الأسـاسي"},
		{"decomposed hamza composed (NFC)", "\u0627\u0654", "أ"},
		{"french accents composed", "Fe\u0300s", "Fès"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := arabic.Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ a, b string }{
		{"أحكام", "احكام"},
		{"إحداث", "احداث"},
		{"القانُونُ", "القانون"},
		{"الأسـاسي", "الاساسي"},
		{"على", "علي"},
		{"٤٢", "42"},
		{"Article", "article"},
	}
	for _, tt := range tests {
		if fa, fb := arabic.Fold(tt.a), arabic.Fold(tt.b); fa != fb {
			t.Errorf("Fold(%q) = %q, Fold(%q) = %q: want them equal", tt.a, fa, tt.b, fb)
		}
	}
	if arabic.Fold("كتب") == arabic.Fold("كتاب") {
		t.Error("Fold must not make different words equal")
	}
}

func TestSearchFold(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"أعضاؤها", "أعضائها"},
		{"أعضاءها", "اعضائها"},
		{"مسؤول", "مسئول"},
		{"شؤون", "شئون"},
		{"أحكامُ", "احكام"}, // what Fold folds, SearchFold folds too
	} {
		if fa, fb := arabic.SearchFold(tt.a), arabic.SearchFold(tt.b); fa != fb {
			t.Errorf("SearchFold(%q) = %q, SearchFold(%q) = %q: want them equal", tt.a, fa, tt.b, fb)
		}
	}
	for _, tt := range []struct{ a, b string }{
		{"رئيس", "رييس"}, // a hamza is not its seat
		{"سؤال", "سوال"},
		{"هيئة", "هيأة"}, // the hamza on an alef is read as the alef
	} {
		if arabic.SearchFold(tt.a) == arabic.SearchFold(tt.b) {
			t.Errorf("SearchFold makes %q and %q equal", tt.a, tt.b)
		}
	}
	// The lenient diff still tells the seats apart.
	if arabic.Fold("أعضاؤها") == arabic.Fold("أعضائها") {
		t.Error("Fold reads ؤ and ئ alike; only SearchFold should")
	}
	s := "يتكون أعضاؤُها من صناع"
	folded, at := arabic.SearchFoldIndex(s)
	if folded != arabic.SearchFold(s) {
		t.Fatalf("SearchFoldIndex folds to %q, SearchFold to %q", folded, arabic.SearchFold(s))
	}
	i := strings.Index(folded, arabic.SearchFold("اعضاءها"))
	if i < 0 {
		t.Fatalf("%q does not hold the folded «اعضاءها»", folded)
	}
	if got := s[at[i]:at[i+len(arabic.SearchFold("اعضاءها"))]]; got != "أعضاؤُها" {
		t.Errorf("the match maps back to %q, want the word as written", got)
	}
}

func TestWesternDigits(t *testing.T) {
	if got := arabic.WesternDigits("المادة ٤ و۱۲"); got != "المادة 4 و12" {
		t.Errorf("got %q", got)
	}
}

// The fast path of Normalize must agree with the normalizer on every kind of
// text a draft holds.
func TestNormalizeIsNFC(t *testing.T) {
	inputs := []string{
		"المادة الأولى: يحدد هذا القانون",
		"شَدَّة: الشّدّة قبل الفتحة والفتحة قبل الشدة \u064e\u0651 \u0651\u064e",
		"كسرة ثم شدة \u0650\u0651 ثم سكون وفتحة \u0652\u064e",
		"«القانون رقم 18.09» – Article 2 bis… • ١٠٬٠٠٠ درهم",
		"alef + hamza above \u0627\u0654 and madda \u0627\u0653 and hamza below \u0627\u0655",
		"e\u0301 Fe\u0300s cafe\u0301",
		"\u2000 en quad and \u2126 ohm sign",
		"ligne 1\nسطر ثان بالشدة والضمة \u064f\u0651\nligne 3 e\u0301",
		"\u0645\u0670\u0644\u0643 superscript alef, \u0615 small high tah \u0651\u0615",
	}
	for _, s := range inputs {
		if got, want := arabic.Normalize(s), norm.NFC.String(s); got != want {
			t.Errorf("Normalize(%q) = %q, want NFC %q", s, got, want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add("المادة ٤ مكررة: «نص» \u064e\u0651")
	f.Add("\uFEFF\uFEDF\uFEE4\uFE8E\r\nFe\u0300s")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := arabic.Normalize(s)
		plain := !strings.ContainsAny(s, "\r\uFEFF")
		for _, r := range s {
			plain = plain && !arabic.IsPresentationForm(r)
		}
		if want := norm.NFC.String(s); plain && got != want {
			t.Errorf("Normalize(%q) = %q, want NFC %q", s, got, want)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("Normalize(%q) = %q is not NFC", s, got)
		}
		if strings.ContainsRune(got, '\r') || strings.HasPrefix(got, "\uFEFF") {
			t.Errorf("Normalize(%q) = %q keeps a CR or BOM", s, got)
		}
		if again := arabic.Normalize(got); again != got {
			t.Errorf("Normalize is not idempotent: %q then %q", got, again)
		}
	})
}

func TestFoldIndex(t *testing.T) {
	for _, s := range []string{"", "أحكامُ القانـون ٤", "Article 2 bis", "الشدّة والسكْون", "\xff\xfeنص"} {
		folded, at := arabic.FoldIndex(s)
		if folded != arabic.Fold(s) {
			t.Errorf("FoldIndex(%q) folds to %q, Fold to %q", s, folded, arabic.Fold(s))
		}
		if len(at) != len(folded)+1 || at[len(folded)] != len(s) {
			t.Fatalf("FoldIndex(%q): %d offsets for %d bytes", s, len(at), len(folded))
		}
		for i := 1; i < len(at); i++ {
			if at[i] < at[i-1] {
				t.Errorf("FoldIndex(%q): offsets go back at %d", s, i)
			}
		}
	}
	s := "أحكامُ عامة"
	folded, at := arabic.FoldIndex(s)
	i := strings.Index(folded, "احكام")
	if got := s[at[i]:at[i+len("احكام")]]; got != "أحكامُ" {
		t.Errorf("the folded match maps back to %q, want the word with its damma", got)
	}
}

func TestDigitValue(t *testing.T) {
	zeros := []rune{'0', '٠', '۰'}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		want, isDigit := -1, false
		for _, z := range zeros {
			if r >= z && r <= z+9 {
				want, isDigit = int(r-z), true
			}
		}
		if d, ok := arabic.DigitValue(r); ok != isDigit || ok && d != want {
			t.Errorf("DigitValue(%U) = %d, %v; want %d, %v", r, d, ok, want, isDigit)
		}
	}
	for d := range 10 {
		e := arabic.EasternDigit(d)
		if v, ok := arabic.DigitValue(e); !ok || v != d || e < '٠' || e > '٩' {
			t.Errorf("EasternDigit(%d) = %q, which reads as %d, %v", d, e, v, ok)
		}
	}
}
