package diff_test

import (
	"slices"
	"strings"
	"testing"

	"statute/drafts/diff"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"words and spaces", "المادة الأولى", []string{"المادة", " ", "الأولى"}},
		{"harakat stay in the word", "القانُونُ الأساسِيّ", []string{"القانُونُ", " ", "الأساسِيّ"}},
		{"tatweel stays in the word", "الأسـاسي", []string{"الأسـاسي"}},
		{"zero-width joiners stay in the word", "مي\u200Cخواهم و\u200Dا", []string{"مي\u200Cخواهم", " ", "و\u200Dا"}},
		{"law number", "القانون رقم 18.09 المتعلق", []string{"القانون", " ", "رقم", " ", "18.09", " ", "المتعلق"}},
		{"date", "بتاريخ 1.11.91", []string{"بتاريخ", " ", "1.11.91"}},
		{"eastern thousands", "مبلغ ١٠٬٠٠٠ درهم", []string{"مبلغ", " ", "١٠٬٠٠٠", " ", "درهم"}},
		{"eastern decimal", "نسبة ٣٫٥ في المائة", []string{"نسبة", " ", "٣٫٥", " ", "في", " ", "المائة"}},
		{"slash", "المرسوم 2025/07", []string{"المرسوم", " ", "2025/07"}},
		{"western thousands", "10,000 درهم", []string{"10,000", " ", "درهم"}},
		{"separator not followed by a digit ends the number", "المادة 4، 5. و6/", []string{"المادة", " ", "4", "،", " ", "5", ".", " ", "و", "6", "/"}},
		{"conjunction before a number", "و٣٫٥", []string{"و", "٣٫٥"}},
		{"each punctuation mark alone", "(الباقي لا تغيير فيه)؛ «نص» - آخر؟", []string{"(", "الباقي", " ", "لا", " ", "تغيير", " ", "فيه", ")", "؛", " ", "«", "نص", "»", " ", "-", " ", "آخر", "؟"}},
		{"colon and ellipsis", "أولا: ...", []string{"أولا", ":", " ", ".", ".", "."}},
		{"runs of white space and newlines", "فقرة\n\n  فقرة", []string{"فقرة", "\n\n  ", "فقرة"}},
		{"french in parentheses", "(Chambre d'artisanat)", []string{"(", "Chambre", " ", "d", "'", "artisanat", ")"}},
		{"invalid bytes one by one", "a\xff\xfeb", []string{"a", "\xff", "\xfe", "b"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diff.Tokens(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if s := strings.Join(got, ""); s != tt.in {
				t.Errorf("the tokens join to %q, not the input %q", s, tt.in)
			}
		})
	}
}
