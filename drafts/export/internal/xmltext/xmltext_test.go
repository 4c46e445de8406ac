package xmltext_test

import (
	"bufio"
	"encoding/xml"
	"strings"
	"testing"

	"statute/drafts/export/internal/xmltext"
)

func escaped(s string, attr bool) string {
	var out strings.Builder
	b := bufio.NewWriter(&out)
	xmltext.Escape(b, s, attr)
	b.Flush()
	return out.String()
}

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, text, attr string }{
		{"نص عربي", "نص عربي", "نص عربي"},
		{`a<b>&c"d'e`, "a&lt;b&gt;&amp;c&quot;d'e", "a&lt;b&gt;&amp;c&quot;d'e"},
		{"a\tb\nc\rd", "a\tb\nc&#xD;d", "a&#x9;b&#xA;c&#xD;d"},
		{"a\x00\x1fb\uFFFE\uFFFFc\xffd\uFFFD", "abcd\uFFFD", "abcd\uFFFD"},
	} {
		if got := escaped(c.in, false); got != c.text {
			t.Errorf("text %q: %q, want %q", c.in, got, c.text)
		}
		if got := escaped(c.in, true); got != c.attr {
			t.Errorf("attribute %q: %q, want %q", c.in, got, c.attr)
		}
	}
}

// Whatever the text, what Escape writes is read back by an XML reader as
// the text without the characters XML forbids, in an element and in an
// attribute alike.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "نص", "<&>\"'", "\x00\x1f\uFFFE\uFFFF", "\xff\xfe", "]]>", "\r\n", "a\tb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := `<e a="` + escaped(s, true) + `">` + escaped(s, false) + `</e>`
		var e struct {
			A    string `xml:"a,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte(doc), &e); err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		want := strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
				return -1
			}
			return r
		}, strings.ToValidUTF8(s, ""))
		if e.Text != want || e.A != want {
			t.Errorf("%q read back as %q and %q, want %q", s, e.Text, e.A, want)
		}
	})
}
