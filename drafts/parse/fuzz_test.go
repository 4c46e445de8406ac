package parse_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"statute/drafts"
	"statute/drafts/arabic"
	"statute/drafts/parse"
)

func FuzzParse(f *testing.F) {
	for _, in := range goldenInputs {
		data, err := os.ReadFile(filepath.Join("testdata", in.file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	if data, err := os.ReadFile(filepath.Join("testdata", "lookalike.md")); err != nil {
		f.Fatal(err)
	} else {
		f.Add(data)
	}
	for _, s := range []string{
		"عنوان\nالمادة 1\nنص.\n",
		"# ع\n## المادة 1\nنص\n* المادة 2\n## Article 2 bis\nنص\n## Article 1\n1. المادة 3: ت\nالمادة 4 تحدث\n## المادة IV\n",
		"# Article 1\n## Article 2\n## المادة 2\nTexte\n## المادة 3\nTexte\n",
		"M\x00a\x00d\x00\n\x00'\x06D\x06E\x06'\x06/\x06)\x06 \x001\x00",
		"\x00A\x00r\x00t\x00i\x00c\x00l\x00e\x00 \x001\x00\n",
		"الباب الأول\nأحكام\nالمادة الحادية والعشرون: عنوان\nنص\n",
		"# T\n## **الفصل 1**\nنص\nالفصل 2 مكرر مرتين\nنص\n",
		"Article premier\nTexte\nArticle 1er\n",
		"المادة 2-1 - \nنص\n---\n***\n",
		"\xef\xbb\xbfالمادة ١\r\nنص\r",
		"TITRE Ier\nSection unique\nArt. 2 bis. -\n(abrogé)\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, ws, err := parse.ParseWithWarnings(data, parse.Options{})
		if err != nil {
			var e *drafts.Error
			if !errors.As(err, &e) || e.Kind != drafts.Invalid || e.Message == "" {
				t.Fatalf("error %#v is not an Invalid *drafts.Error with a message", err)
			}
			return
		}
		if len(d.Articles) == 0 {
			t.Fatal("a draft with no articles was accepted")
		}
		lines := 1 // at most: a lone CR, a form feed or a vertical tab is read as a line break too
		for _, c := range data {
			if c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				lines++
			}
		}
		for i, w := range ws {
			if w.Line < 1 || w.Line > lines || i > 0 && w.Line <= ws[i-1].Line || w.Text == "" || w.Why == "" || w.ID == "" ||
				w.Article != "" && d.Article(w.Article) == nil {
				t.Fatalf("warning %+v: want a line of the file, in order, with its text, reason and article", w)
			}
		}
		keys := make(map[string]bool)
		for i, a := range d.Articles {
			if a.Key == "" || keys[a.Key] {
				t.Fatalf("article %d has an empty or repeated key %q", i, a.Key)
			}
			keys[a.Key] = true
			if a.Position != i || a.Division < -1 || a.Division >= len(d.Divisions) || len(a.Paragraphs) == 0 {
				t.Fatalf("article %q: position %d, division %d, %d paragraphs", a.Key, a.Position, a.Division, len(a.Paragraphs))
			}
			if k, err := parse.Key(a.Key); err != nil || k != a.Key {
				t.Fatalf("Key(%q) = %q, %v: a key must name itself", a.Key, k, err)
			}
		}
		for i, dv := range d.Divisions {
			if dv.Parent < -1 || dv.Parent >= i {
				t.Fatalf("division %d has parent %d", i, dv.Parent)
			}
		}
		normalized, err := parse.Parse([]byte(arabic.Normalize(string(data))), parse.Options{})
		if err != nil {
			t.Fatalf("the draft parses, but not once normalized: %v", err)
		}
		if diff := sameDraft(d, normalized); diff != "" {
			t.Fatalf("normalizing the draft first: %s", diff)
		}
		md := parse.Format(d)
		again, err := parse.Parse(md, parse.Options{})
		if err != nil {
			t.Fatalf("Parse(Format(d)): %v\n%s", err, md)
		}
		if diff := sameDraft(d, again); diff != "" {
			t.Fatalf("Parse(Format(d)): %s\n%q\n%q", diff, data, md)
		}
	})
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"4", "٤", "المادة ٤", "2 مكررة", "2مكررة مرتين", "Article 2 bis", "الحادية والعشرون", "premier", "1er", "2-1", "3.1", "الاولى", "Art. 5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ref string) {
		key, err := parse.Key(ref)
		if err != nil {
			if drafts.KindOf(err) != drafts.Invalid {
				t.Fatalf("Key(%q): %v is not an Invalid error", ref, err)
			}
			return
		}
		if key == "" {
			t.Fatalf("Key(%q) gave an empty key", ref)
		}
		for _, again := range []string{key, "المادة " + key, "Article " + key} {
			if k, err := parse.Key(again); err != nil || k != key {
				t.Fatalf("Key(%q) = %q, %v; want %q, as Key(%q)", again, k, err, key, ref)
			}
		}
	})
}
