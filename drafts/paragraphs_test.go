package drafts_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"statute/drafts"
)

func TestParagraphs(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"one break", "تحدث غرفة.\nتتولى الغرفة ما يلي:", []string{"تحدث غرفة.", "تتولى الغرفة ما يلي:"}},
		{"a blank line", "تحدث غرفة.\n\nتتولى الغرفة ما يلي:", []string{"تحدث غرفة.", "تتولى الغرفة ما يلي:"}},
		{"blank lines of spaces", "تحدث غرفة.\n  \n\t\n\n- بند؛", []string{"تحدث غرفة.", "- بند؛"}},
		{"spaces at the ends of lines", "  تحدث غرفة.  \n\t- بند؛ \u200F", []string{"تحدث غرفة.", "- بند؛"}},
		{"CRLF, CR and page breaks", "أولا\r\n\r\nثانيا\rثالثا\f\vرابعا", []string{"أولا", "ثانيا", "ثالثا", "رابعا"}},
		{"breaks at the ends", "\n\nالمادة 5 من القانون رقم 18.09\n\n", []string{"المادة 5 من القانون رقم 18.09"}},
		{"spaces inside a line kept", "مبلغ  ١٠٬٠٠٠  درهم", []string{"مبلغ  ١٠٬٠٠٠  درهم"}},
		{"nothing but blanks", " \n\t\n", nil},
		{"empty", "", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := drafts.Paragraphs(c.text); !slices.Equal(got, c.want) {
				t.Errorf("Paragraphs(%q) = %q, want %q", c.text, got, c.want)
			}
			want := strings.Join(c.want, "\n")
			if got := drafts.NormalizeParagraphs(c.text); got != want {
				t.Errorf("NormalizeParagraphs(%q) = %q, want %q", c.text, got, want)
			}
		})
	}
}

// An article's text is in the normal form already: its paragraphs joined
// by one line feed.
func TestArticleTextIsNormal(t *testing.T) {
	a := drafts.Article{Paragraphs: []string{"يُقصد بما يلي:", "- الصانع التقليدي؛", "- الغرفة."}}
	if got := drafts.NormalizeParagraphs(a.Text()); got != a.Text() {
		t.Errorf("NormalizeParagraphs(%q) = %q, want it unchanged", a.Text(), got)
	}
	if got := drafts.Paragraphs(a.Text()); !slices.Equal(got, a.Paragraphs) {
		t.Errorf("Paragraphs(Text()) = %q, want the article's paragraphs %q", got, a.Paragraphs)
	}
}

// reformat writes text as a person might: every line break doubled or
// tripled, with spaces at the ends of lines and on blank lines; how is
// chosen by the bytes of seed.
func reformat(text, seed string) string {
	pads := []string{"\n\n", "\n \n", "  \n\n\n", "\n\t\n", "\r\n\r\n", "\n"}
	var b strings.Builder
	k := 0
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			sep := pads[0]
			if seed != "" {
				sep = pads[int(seed[k%len(seed)])%len(pads)]
				k++
			}
			b.WriteString(sep)
		}
		b.WriteString(line)
	}
	return b.String()
}

// FuzzNormalizeParagraphs checks the paragraph rule on any text: the
// normal form is a fixed point, has no blank line and no edge space at a
// line's end, keeps every other character in order, and does not depend on
// how many blank lines stood between the paragraphs.
func FuzzNormalizeParagraphs(f *testing.F) {
	for _, s := range []string{
		"",
		"تحدث غرفة.\n\nتتولى الغرفة ما يلي:\n\n- أ؛\n\n- ب.",
		"  a  \r\n\r\n\tb\u200F \f c",
		"\n\n\n",
		"مبلغ  ١٠٬٠٠٠\u00A0درهم\u2028سطر",
		"\xff\n\n\xfe ",
	} {
		f.Add(s, "seed")
	}
	f.Fuzz(func(t *testing.T, text, seed string) {
		n := drafts.NormalizeParagraphs(text)
		if again := drafts.NormalizeParagraphs(n); again != n {
			t.Fatalf("not idempotent: %q normalizes to %q, then to %q", text, n, again)
		}
		ps := drafts.Paragraphs(text)
		if n != drafts.JoinParagraphs(ps) {
			t.Fatalf("NormalizeParagraphs(%q) = %q, not its paragraphs %q joined", text, n, ps)
		}
		for _, p := range ps {
			if p == "" || drafts.TrimLine(p) != p || strings.ContainsAny(p, "\n\r\v\f") {
				t.Fatalf("paragraph %q of %q is blank, untrimmed or holds a line end", p, text)
			}
		}
		if !slices.Equal(drafts.Paragraphs(n), ps) {
			t.Fatalf("the normal form %q has paragraphs %q, the text %q", n, drafts.Paragraphs(n), ps)
		}
		if got := drafts.NormalizeParagraphs(reformat(n, seed)); got != n {
			t.Fatalf("%q with blank lines added normalizes to %q, want %q", n, got, n)
		}
		// Only edge space goes: the other characters stay, in order.
		keep := func(s string) string {
			return strings.Map(func(r rune) rune {
				if r != utf8.RuneError && drafts.IsEdgeSpace(r) {
					return -1
				}
				return r
			}, s)
		}
		if keep(n) != keep(text) {
			t.Fatalf("NormalizeParagraphs(%q) = %q lost or added more than edge space", text, n)
		}
	})
}
