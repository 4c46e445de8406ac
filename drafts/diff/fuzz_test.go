package diff_test

import (
	"strings"
	"testing"

	"statute/drafts/arabic"
	"statute/drafts/diff"
)

// FuzzWords checks, for any two texts and both modes, that the changes
// rebuild both texts exactly and are in canonical form, that the tokens
// rebuild each text, and that lenient mode folds each token as
// arabic.Fold does. Inputs need not be valid UTF-8: such bytes are
// tokens of their own and survive too.
func FuzzWords(f *testing.F) {
	seeds := [][2]string{
		{"", ""},
		{"المادة الأولى", "المادة 1"},
		{"تطبيقا للقانون رقم 18.09", "تطبيقا للقانون رقم 18.10"},
		{"القانُون الأسـاسي", "القانون الاساسي"},
		{"أحكام إحداث آثار ٱلغرف على", "احكام احداث اثار الغرف علي"},
		{"مبلغ ١٠٬٠٠٠ و٣٫٥ و2025/07 و10,000 و1.11.91", "مبلغ 10,000 و3.5 و2025/08"},
		{"(الباقي لا تغيير فيه)؛ «نص» - آخر؟", "الباقي: لا تغيير فيه، «نص»"},
		{"فقرة\n\n- بند؛\n- بند.", "فقرة\n- بند؛\n- بند جديد؛\n- بند."},
		{"مي\u200Cخواهم", "ميخواهم"},
		{"a\xffb\xfe", "a\xfeb"},
		{"A B A B A", "A A B B"},
		{"  \n ", "\n"},
		{"\uE000\uE001", "\uE001\U00010000"},
		{sampleArticle(1, 80), mutate(sampleArticle(1, 80), 1, 4)},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], false)
		f.Add(s[0], s[1], true)
	}
	f.Fuzz(func(t *testing.T, old, new string, lenient bool) {
		opt := diff.Options{Lenient: lenient}
		cs := diff.Words(old, new, opt)
		checkChanges(t, old, new, opt, cs)
		for _, s := range []string{old, new} {
			toks := diff.Tokens(s)
			if strings.Join(toks, "") != s {
				t.Fatalf("tokens of %q do not rebuild it: %q", s, toks)
			}
			for _, tok := range toks {
				if tok == "" {
					t.Fatalf("an empty token in %q", toks)
				}
				key := diff.FoldKey(tok)
				if strings.TrimSpace(tok) != "" && key != arabic.Fold(tok) {
					t.Fatalf("fold key of %q is %q, arabic.Fold gives %q", tok, key, arabic.Fold(tok))
				}
				if !diff.MayFold(tok) && key != tok {
					t.Fatalf("MayFold(%q) is false, but it folds to %q", tok, key)
				}
			}
		}
		// Rendering never fails on what Words returns.
		diff.Plain(cs)
		diff.Stats(cs)
		if _, err := diff.JSON(cs); err != nil {
			t.Fatal(err)
		}
	})
}
