package arabic_test

import (
	"testing"

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

func TestWesternDigits(t *testing.T) {
	if got := arabic.WesternDigits("المادة ٤ و۱۲"); got != "المادة 4 و12" {
		t.Errorf("got %q", got)
	}
}
