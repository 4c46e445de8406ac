package arabic_test

import (
	"slices"
	"testing"

	"statute/drafts/arabic"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"mixed line", "المادة 18.09 (artisan) الأولى، والثانية",
			[]string{"المادة", "18.09", "artisan", "الأولى", "والثانية"}},
		{"harakat and tatweel stay in the word", "القانُونُ الأسـاسيّ", []string{"القانُونُ", "الأسـاسيّ"}},
		{"zero-width joiners inside a word", "مي\u200Cخواهم و\u200Dا \u200Cب", []string{"مي\u200Cخواهم", "و\u200Dا", "ب"}},
		{"numbers with inner separators", "1.11.91 و١٠٬٠٠٠ و٣٫٥ 2025/07 10,000", []string{"1.11.91", "و", "١٠٬٠٠٠", "و", "٣٫٥", "2025/07", "10,000"}},
		{"a separator not between digits", "18. .5 2025/ 3,", []string{"18", "5", "2025", "3"}},
		{"letters and digits touching are two words", "المادة12 ١٢bis", []string{"المادة", "12", "١٢", "bis"}},
		{"punctuation only", "، - ( ) : «» …", nil},
		{"invalid UTF-8 is not a word", "ab\xffcd", []string{"ab", "cd"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for i := 0; ; {
				s, e := arabic.NextWord(tt.in, i)
				if s == e {
					if s != len(tt.in) {
						t.Fatalf("NextWord(%q, %d) = %d, %d: empty before the end", tt.in, i, s, e)
					}
					break
				}
				if arabic.WordEnd(tt.in, s) != e {
					t.Fatalf("WordEnd(%q, %d) = %d, NextWord's end is %d", tt.in, s, arabic.WordEnd(tt.in, s), e)
				}
				got = append(got, tt.in[s:e])
				i = e
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("words of %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsWordRune(t *testing.T) {
	for _, r := range "aZéب\u0640\u064Eّ٤۴4" {
		if !arabic.IsWordRune(r) {
			t.Errorf("IsWordRune(%q) = false", r)
		}
	}
	for _, r := range " \n\u00A0،؛.,:()-«»\u200C\u200D\uFFFD" {
		if arabic.IsWordRune(r) {
			t.Errorf("IsWordRune(%q) = true", r)
		}
	}
	if arabic.WordEnd("\u200Cب", 0) != 0 {
		t.Error("a zero-width non-joiner starts a word")
	}
}
