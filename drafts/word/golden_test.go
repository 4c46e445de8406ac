package word_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	goldenfile "statute/drafts/internal/golden"
	"statute/drafts/word"
)

// golden compares got with the file testdata/name (golden.Check).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

// The paragraphs of each LibreOffice file as the reader sees them, one a
// line: its style and heading level, then its text (a line break as ⏎, a
// tab as ⇥), and at the end what was left out; a reviewer reads there
// what import understood of a real file.
func TestLibreOfficeParagraphsGolden(t *testing.T) {
	for _, name := range []string{"libreoffice-numbered", "libreoffice-tracked", "libreoffice-sample"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", name+".docx"))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := word.ReadDocument(name+".docx", data)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, p := range doc.Paragraphs {
				kind := "text"
				switch {
				case p.Title:
					kind = "title"
				case p.Heading > 0:
					kind = fmt.Sprintf("heading %d", p.Heading)
				}
				text := strings.NewReplacer("\n", "⏎", "\t", "⇥").Replace(p.Text)
				fmt.Fprintf(&b, "%s (%s)\t%s\n", kind, p.Style, text)
			}
			fmt.Fprintf(&b, "left out: %+v\n", doc.LeftOut)
			golden(t, name+".golden.txt", []byte(b.String()))
		})
	}
}
