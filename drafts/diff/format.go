package diff

import (
	"bytes"
	"encoding/json"
	"strings"

	"statute/drafts"
)

// The markers of Plain output. Deletions and insertions are marked as by
// `git diff --word-diff=plain`; a change of form has a marker of its own.
const (
	delOpen, delClose   = "[-", "-]"
	insOpen, insClose   = "{+", "+}"
	formOpen, formArrow = "[~", "~>"
	formClose           = "~]"
)

// Plain renders changes as text for a terminal or a log, as
// `git diff --word-diff=plain` does: «[-deleted-]», «{+inserted+}», and a
// change of form as «[~old~>new~]». Equal text is written as is. White
// space at the edges of a lone deletion or insertion (one with equal text
// on both sides) is written outside its markers, so that «المادة {+الجديدة+}
// تنص» reads as a sentence; the changes themselves keep it.
func Plain(cs []Change) string {
	var b strings.Builder
	writePlain(&b, cs)
	return b.String()
}

func writePlain(b *strings.Builder, cs []Change) {
	for i, c := range cs {
		switch c.Op {
		case Equal:
			b.WriteString(c.Text)
		case Form:
			b.WriteString(formOpen)
			b.WriteString(c.Old)
			b.WriteString(formArrow)
			b.WriteString(c.Text)
			b.WriteString(formClose)
		case Insert, Delete:
			open, closing := insOpen, insClose
			if c.Op == Delete {
				open, closing = delOpen, delClose
			}
			lead, body, trail := "", c.Text, ""
			if alone(cs, i) {
				lead, body, trail = splitSpace(c.Text)
				if body == "" {
					lead, body, trail = "", c.Text, ""
				}
			}
			b.WriteString(lead)
			b.WriteString(open)
			b.WriteString(body)
			b.WriteString(closing)
			b.WriteString(trail)
		}
	}
}

// alone reports whether cs[i] has no other change beside it.
func alone(cs []Change, i int) bool {
	return (i == 0 || cs[i-1].Op == Equal) && (i == len(cs)-1 || cs[i+1].Op == Equal)
}

// splitSpace splits s into its leading white space, its body and its
// trailing white space, by tokens.
func splitSpace(s string) (lead, body, trail string) {
	start, end := 0, len(s)
	if start < end && isSpaceToken(s) {
		start = nextToken(s, 0)
	}
	// White space is one token, so the last token starts after the last
	// non-space rune.
	for i := start; i < end; {
		j := nextToken(s, i)
		if j == end && isSpaceToken(s[i:]) {
			end = i
			break
		}
		i = j
	}
	return s[:start], s[start:end], s[end:]
}

// JSON encodes changes as a JSON array of objects {"op", "text", "old"},
// the op named "equal", "insert", "delete" or "form", and "old" present
// only for a change of form. Arabic text is written as is, not escaped.
func JSON(cs []Change) ([]byte, error) {
	if cs == nil {
		cs = []Change{}
	}
	return marshal(cs)
}

// marshal writes v as indented JSON without escaping <, > and &, which
// legal text uses and a reader of the file should see as written.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, drafts.Wrap(drafts.Internal, err, "could not encode the differences as JSON")
	}
	return buf.Bytes(), nil
}

// Stats counts the words inserted, deleted and changed in form: the words
// and numbers among the tokens of the changes («18.09» is one), not their
// white space or punctuation. A Form change counts the words of its new
// form.
func Stats(cs []Change) (ins, del, form int) {
	for _, c := range cs {
		switch c.Op {
		case Insert:
			ins += countWords(c.Text)
		case Delete:
			del += countWords(c.Text)
		case Form:
			form += countWords(c.Text)
		}
	}
	return ins, del, form
}

// countWords returns the number of word and number tokens of s.
func countWords(s string) int {
	n := 0
	for i := 0; i < len(s); {
		j := nextToken(s, i)
		if isWordToken(s[i:j]) {
			n++
		}
		i = j
	}
	return n
}
