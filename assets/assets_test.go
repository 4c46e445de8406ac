package assets_test

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"statute/assets"
)

func TestSampleDraft(t *testing.T) {
	text := assets.SampleDraft
	checks := []struct {
		name string
		ok   func() bool
	}{
		{"is not empty", func() bool { return len(bytes.TrimSpace(text)) > 0 }},
		{"is valid UTF-8", func() bool { return utf8.Valid(text) }},
		{"is in NFC", func() bool { return norm.NFC.IsNormal(text) }},
		{"starts with a «# » title", func() bool {
			first, _, _ := strings.Cut(string(text), "\n")
			return strings.HasPrefix(first, "# ") && strings.TrimSpace(first[2:]) != ""
		}},
		{"has no CR or BOM", func() bool { return !bytes.ContainsAny(text, "\r\uFEFF") }},
		{"ends with a newline", func() bool { return bytes.HasSuffix(text, []byte("\n")) }},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if !c.ok() {
				t.Errorf("the sample draft %s: check %s", c.name, assets.SampleDraftName)
			}
		})
	}
}

// The sample exists to exercise every heading form the app accepts; if one
// goes missing in an edit, the demos stop showing it.
func TestSampleDraftHeadingForms(t *testing.T) {
	lines := strings.Split(string(assets.SampleDraft), "\n")
	forms := []struct{ name, line string }{
		{"first article in words", "#### المادة الأولى"},
		{"an article in digits with a heading", "#### المادة 2: تعريفات"},
		{"an Eastern-digit article", "#### المادة ٤"},
		{"an ordinal further on", "#### المادة الحادية عشرة: شروط الترشح"},
		{"a bis article", "#### المادة 7 مكررة: الخدمات الرقمية"},
		{"a ter article", "#### المادة 7 مكررة مرتين"},
		{"a hyphenated inserted article", "#### المادة 12-1: تمثيلية النساء والشباب"},
		{"a title", "## الباب الأول: أحكام عامة"},
		{"a section", "#### الفرع الأول: الهيئة الناخبة"},
		{"an article inside a section", "##### المادة 13: اللوائح الانتخابية"},
	}
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			for _, l := range lines {
				if l == f.line {
					return
				}
			}
			t.Errorf("the sample draft has no line %q", f.line)
		})
	}
}

func TestIcon(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(assets.Icon))
	if err != nil {
		t.Fatalf("the icon is not a PNG: %v", err)
	}
	if cfg.Width != cfg.Height {
		t.Errorf("the icon is %d×%d; want a square", cfg.Width, cfg.Height)
	}
	if cfg.Width < 256 {
		t.Errorf("the icon is %d px wide; want at least 256 px for packaging", cfg.Width)
	}
	if _, err := png.Decode(bytes.NewReader(assets.Icon)); err != nil {
		t.Errorf("the icon's pixels do not decode: %v", err)
	}
}
