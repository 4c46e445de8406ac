package diff

import (
	"fmt"
	"io"
	"strings"

	"statute/drafts"
)

// The structure around the articles, which Compare also reports: the
// preamble, the divisions (books, parts, titles, chapters, sections) and
// which division holds each article.
//
// Divisions are matched by their place in the tree, named by level and
// number as written («الباب الأول» inside nothing, «الفصل الثاني» inside
// «الباب الأول»), not by position: a chapter added in the middle does not
// make every later chapter look renamed. A division with no number is
// named by its heading. A matched division whose heading changed is
// renamed; one only in the old draft is removed, one only in the new is
// added. A matched article whose innermost division is not the counterpart
// of its old one has moved.

// A DivisionKind says what happened to a division.
type DivisionKind string

// The kinds of division change.
const (
	DivisionAdded   DivisionKind = "added"
	DivisionRemoved DivisionKind = "removed"
	DivisionRenamed DivisionKind = "renamed"
)

// A DivisionDiff is what happened to one division.
type DivisionDiff struct {
	Kind       DivisionKind `json:"kind"`
	OldHeading string       `json:"old_heading,omitempty"`
	NewHeading string       `json:"new_heading,omitempty"`
	// Heading is the word diff of the heading, for a renamed division.
	Heading []Change `json:"heading,omitempty"`
}

// DivisionKeys names each division of d by its path in the tree: the
// level and number (or heading) of it and of each division above it.
// Compare matches the divisions of two versions by these names, and so
// do the exports that mark a version's changes.
func DivisionKeys(d *drafts.Draft) []string {
	keys := make([]string, len(d.Divisions))
	var key func(i int) string
	key = func(i int) string {
		if keys[i] != "" {
			return keys[i]
		}
		div := &d.Divisions[i]
		name := div.Number
		if name == "" {
			name = div.Heading
		}
		k := fmt.Sprintf("%d:%s", div.Level, name)
		if p := div.Parent; p >= 0 && p < len(d.Divisions) && p != i {
			k = key(p) + "/" + k
		}
		keys[i] = k
		return k
	}
	for i := range d.Divisions {
		key(i)
	}
	return keys
}

// compareStructure fills in r's preamble, divisions and moved articles;
// oldOf maps each new article's index to the old article matched with it,
// or -1.
func (r *Report) compareStructure(old, new *drafts.Draft, oldOf []int, d *Differ) {
	if strings.Join(old.Preamble, "\n") != strings.Join(new.Preamble, "\n") {
		r.Preamble = d.Words(strings.Join(old.Preamble, "\n"), strings.Join(new.Preamble, "\n"))
	}

	oldKeys, newKeys := DivisionKeys(old), DivisionKeys(new)
	oldByKey := make(map[string]int, len(oldKeys))
	for i, k := range oldKeys {
		if _, dup := oldByKey[k]; !dup {
			oldByKey[k] = i
		}
	}
	matched := make([]bool, len(old.Divisions))
	for j, k := range newKeys {
		b := &new.Divisions[j]
		i, ok := oldByKey[k]
		if !ok || matched[i] {
			r.Divisions = append(r.Divisions, DivisionDiff{Kind: DivisionAdded, NewHeading: b.Heading})
			continue
		}
		matched[i] = true
		if a := &old.Divisions[i]; a.Heading != b.Heading {
			r.Divisions = append(r.Divisions, DivisionDiff{Kind: DivisionRenamed, OldHeading: a.Heading, NewHeading: b.Heading, Heading: d.Words(a.Heading, b.Heading)})
		}
	}
	for i := range old.Divisions {
		if !matched[i] {
			r.Divisions = append(r.Divisions, DivisionDiff{Kind: DivisionRemoved, OldHeading: old.Divisions[i].Heading})
		}
	}

	place := func(d *drafts.Draft, keys []string, a *drafts.Article) (key string, headings []string) {
		if a.Division >= 0 && a.Division < len(keys) {
			key = keys[a.Division]
		}
		for _, div := range d.Path(a) {
			headings = append(headings, div.Heading)
		}
		return key, headings
	}
	for j := range new.Articles {
		i := oldOf[j]
		if i < 0 {
			continue
		}
		ok, oh := place(old, oldKeys, &old.Articles[i])
		nk, nh := place(new, newKeys, &new.Articles[j])
		if ok != nk {
			r.Moved = append(r.Moved, Move{Key: new.Articles[j].Key, Number: new.Articles[j].Number, From: oh, To: nh})
		}
	}
}

// A Move is an article found in another division than before.
type Move struct {
	Key    string `json:"key"`    // in the new draft
	Number string `json:"number"` // as written in the new draft
	// From and To are the headings of the divisions that held it, outermost
	// first.
	From []string `json:"from"`
	To   []string `json:"to"`
}

// writeStructure writes the preamble's, the divisions' and the moves'
// part of the plain report.
func (r *Report) writeStructure(w io.Writer) {
	if r.Preamble != nil {
		fmt.Fprintf(w, "\n~ preamble\n    %s\n", indentLines(Plain(r.Preamble)))
	}
	for _, dv := range r.Divisions {
		switch dv.Kind {
		case DivisionAdded:
			fmt.Fprintf(w, "\n+ %s\n", dv.NewHeading)
		case DivisionRemoved:
			fmt.Fprintf(w, "\n- %s\n", dv.OldHeading)
		case DivisionRenamed:
			fmt.Fprintf(w, "\n~ %s → %s\n    %s\n", dv.OldHeading, dv.NewHeading, Plain(dv.Heading))
		}
	}
	for _, m := range r.Moved {
		fmt.Fprintf(w, "\n↷ %s %s (key %s) moved\n    from: %s\n    to:   %s\n", r.newWord, m.Number, m.Key, placeLabel(m.From), placeLabel(m.To))
	}
}

// structureSummary is the line that counts the changes around the
// articles, or "" when there are none.
func (r *Report) structureSummary() string {
	var parts []string
	if r.Preamble != nil {
		parts = append(parts, "preamble changed")
	}
	count := map[DivisionKind]int{}
	for _, dv := range r.Divisions {
		count[dv.Kind]++
	}
	for _, k := range []DivisionKind{DivisionRenamed, DivisionAdded, DivisionRemoved} {
		if n := count[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s %s", n, plural(n, "division", "divisions"), k))
		}
	}
	if n := len(r.Moved); n > 0 {
		parts = append(parts, fmt.Sprintf("%d %s moved to another division", n, plural(n, "article", "articles")))
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func placeLabel(headings []string) string {
	if len(headings) == 0 {
		return "(outside any division)"
	}
	return strings.Join(headings, " / ")
}

func indentLines(s string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ")
}
