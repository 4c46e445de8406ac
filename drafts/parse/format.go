package parse

import (
	"bytes"
	"strings"

	"statute/drafts"
)

// Format writes d as Markdown: «# title», the preamble, then each division
// and article as a heading one level below the division that holds it, and
// each paragraph on its own line, with blank lines between blocks so that
// Markdown viewers keep the paragraphs apart. Parse reads the result back
// to the same title, preamble, divisions and articles as d, for any d that
// Parse produced (with the same Options.ArticleWord if one was forced).
func Format(d *drafts.Draft) []byte {
	var b bytes.Buffer
	if d == nil {
		return nil
	}
	if d.Title != "" {
		b.WriteString("# ")
		b.WriteString(d.Title)
		b.WriteString("\n\n")
	}
	for _, p := range d.Preamble {
		b.WriteString(p)
		b.WriteString("\n\n")
	}
	depth := make([]int, len(d.Divisions))
	for i, dv := range d.Divisions {
		if dv.Parent >= 0 && dv.Parent < i {
			depth[i] = depth[dv.Parent] + 1
		}
	}
	word := d.Word()
	written := 0 // divisions written so far, in document order
	writeDivisions := func(upTo int) {
		for ; written <= upTo && written < len(d.Divisions); written++ {
			dv := d.Divisions[written]
			hashes(&b, 2+depth[written])
			b.WriteString(divisionHeading(dv, d.Language))
			b.WriteString("\n\n")
		}
	}
	for i := range d.Articles {
		a := &d.Articles[i]
		writeDivisions(a.Division)
		level := 2
		if a.Division >= 0 && a.Division < len(depth) {
			level = 3 + depth[a.Division]
		}
		hashes(&b, level)
		b.WriteString(word)
		b.WriteByte(' ')
		if a.Number != "" {
			b.WriteString(a.Number)
		} else {
			b.WriteString(a.Key)
		}
		if a.Heading != "" {
			b.WriteString(": ")
			b.WriteString(a.Heading)
		}
		b.WriteString("\n\n")
		for _, p := range a.Paragraphs {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	writeDivisions(len(d.Divisions) - 1)
	out := bytes.TrimRight(b.Bytes(), "\n")
	if len(out) == 0 {
		return out
	}
	return append(out, '\n')
}

// divisionHeading is the division's heading line as written, or one made
// from its level, number and title.
func divisionHeading(dv drafts.Division, lang string) string {
	if dv.Heading != "" {
		return dv.Heading
	}
	word := dv.Level.Arabic()
	if lang == "fr" {
		word = dv.Level.French()
	}
	h := strings.TrimSpace(word + " " + dv.Number)
	if dv.Title != "" {
		h += ": " + dv.Title
	}
	return h
}

// hashes writes a Markdown heading prefix; Markdown has six levels.
func hashes(b *bytes.Buffer, n int) {
	n = min(max(n, 1), 6)
	b.WriteString("######"[:n])
	b.WriteByte(' ')
}
