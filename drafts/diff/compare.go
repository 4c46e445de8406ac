package diff

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"statute/drafts"
)

// Kind says what happened to an article between two drafts.
type Kind string

// The kinds of article change.
const (
	// Added: the article is only in the new draft.
	Added Kind = "added"
	// Removed: the article is only in the old draft.
	Removed Kind = "removed"
	// Renumbered: the article moved to another key, its text perhaps
	// changed too.
	Renumbered Kind = "renumbered"
	// Changed: the article kept its key and its text or heading changed.
	Changed Kind = "changed"
)

// An ArticleDiff is what happened to one article.
type ArticleDiff struct {
	Kind Kind `json:"kind"`
	// The keys and numbers (as written) in the old and new drafts; the old
	// ones are empty for an added article, the new ones for a removed one.
	OldKey    string `json:"old_key,omitempty"`
	NewKey    string `json:"new_key,omitempty"`
	OldNumber string `json:"old_number,omitempty"`
	NewNumber string `json:"new_number,omitempty"`
	// Similarity is the Jaccard similarity of the two texts' word sets,
	// when the article was matched by its text rather than by its key or
	// by identical text.
	Similarity float64 `json:"similarity,omitempty"`
	// Heading is the word diff of the article's own title, when it changed.
	Heading []Change `json:"heading,omitempty"`
	// Text is the word diff of the article's text: one Insert for an added
	// article, one Delete for a removed one, nil when the text is the same.
	Text []Change `json:"text,omitempty"`
	// FormOnly is set when every change is a change of form (lenient mode).
	FormOnly bool `json:"form_only,omitempty"`
}

// A DraftRef names one of the two drafts compared.
type DraftRef struct {
	ID      string `json:"id,omitempty"`
	Title   string `json:"title,omitempty"`
	Version int    `json:"version,omitempty"`
}

// A Report compares two drafts article by article.
type Report struct {
	Old DraftRef `json:"old"`
	New DraftRef `json:"new"`
	// Articles lists the articles that changed, in the order of the new
	// draft; a removed article stands where it stood in the old draft,
	// after the article that preceded it there.
	Articles []ArticleDiff `json:"articles"`
	// The number of articles of each kind, and of those that kept their
	// key, heading and text.
	Added      int `json:"added"`
	Removed    int `json:"removed"`
	Renumbered int `json:"renumbered"`
	Changed    int `json:"changed"`
	Unchanged  int `json:"unchanged"`
	// Preamble is the word diff of the preamble, when it changed.
	Preamble []Change `json:"preamble,omitempty"`
	// Divisions lists the divisions renamed, added and removed: those of
	// the new draft in its order, then those removed, in the old one's.
	Divisions []DivisionDiff `json:"divisions,omitempty"`
	// Moved lists the articles, matched as above, that another division
	// holds than before, in the order of the new draft; an article moved
	// and otherwise the same still counts as unchanged.
	Moved []Move `json:"moved,omitempty"`

	oldWord, newWord string // the words that head articles, for WritePlain
}

// Compare reports how the articles of new differ from those of old. It
// matches articles in passes: the same key with the same heading and text
// (unchanged); the same text under another key (renumbered); the same key
// with three quarters of the text kept (changed); then, among the
// articles left, pairs by best score, where the score is the Jaccard
// similarity of the two folded word sets, plus a bonus of 0.25 for the same
// key, and a pair of different keys needs a similarity of at least 0.6, so
// that an article renumbered and reworded is found; what is left is added
// or removed. Word diffs are computed only for pairs whose texts differ.
// A nil draft counts as a draft without articles.
func Compare(old, new *drafts.Draft, opt Options) *Report {
	if old == nil {
		old = &drafts.Draft{}
	}
	if new == nil {
		new = &drafts.Draft{}
	}
	d := NewDiffer(opt)
	m := newMatcher(old.Articles, new.Articles, d)
	m.byKey()
	m.byText()
	m.bySimilarity()

	r := &Report{
		Old:     DraftRef{ID: old.ID, Title: old.Title, Version: old.Version},
		New:     DraftRef{ID: new.ID, Title: new.Title, Version: new.Version},
		oldWord: old.Word(),
		newWord: new.Word(),
	}
	// Removed articles follow the new position of their nearest matched
	// predecessor in the old draft; -1 is before everything.
	removedAfter := make(map[int][]int)
	anchor := -1
	for i, j := range m.oldMatch {
		if j >= 0 {
			anchor = j
			continue
		}
		removedAfter[anchor] = append(removedAfter[anchor], i)
	}
	r.addRemoved(old.Articles, removedAfter[-1])
	for j := range new.Articles {
		b := &new.Articles[j]
		i := m.newMatch[j]
		switch {
		case i < 0:
			r.Added++
			r.Articles = append(r.Articles, ArticleDiff{
				Kind: Added, NewKey: b.Key, NewNumber: b.Number,
				Heading: whole(Insert, b.Heading), Text: whole(Insert, b.Text()),
			})
		default:
			a := &old.Articles[i]
			ad := ArticleDiff{Kind: Changed, OldKey: a.Key, NewKey: b.Key, OldNumber: a.Number, NewNumber: b.Number}
			if a.Key != b.Key {
				ad.Kind = Renumbered
				ad.Similarity = m.similarity[j]
			}
			if a.Heading != b.Heading {
				ad.Heading = d.Words(a.Heading, b.Heading)
			}
			if !m.sameText[j] && !slices.Equal(a.Paragraphs, b.Paragraphs) {
				if c, ok := m.diffs[j]; ok && c.old == i {
					ad.Text = c.cs
				} else {
					ad.Text = d.Words(a.Text(), b.Text())
				}
			}
			switch {
			case ad.Kind == Renumbered:
				r.Renumbered++
			case ad.Heading == nil && ad.Text == nil:
				r.Unchanged++
				r.addRemoved(old.Articles, removedAfter[j])
				continue
			default:
				r.Changed++
			}
			ad.FormOnly = (ad.Heading != nil || ad.Text != nil) && formOnly(ad.Heading) && formOnly(ad.Text)
			r.Articles = append(r.Articles, ad)
		}
		r.addRemoved(old.Articles, removedAfter[j])
	}
	r.compareStructure(old, new, m.newMatch, d)
	return r
}

// NewKey is the key the old draft's article oldKey has in the new one:
// another when it was renumbered, none (false) when it was removed, its
// own otherwise. A key the old draft did not have is returned as it is.
func (r *Report) NewKey(oldKey string) (string, bool) {
	for i := range r.Articles {
		a := &r.Articles[i]
		if a.OldKey != oldKey {
			continue
		}
		switch a.Kind {
		case Removed:
			return "", false
		case Renumbered:
			return a.NewKey, true
		}
	}
	return oldKey, true
}

func (r *Report) addRemoved(olds []drafts.Article, idx []int) {
	for _, i := range idx {
		a := &olds[i]
		r.Removed++
		r.Articles = append(r.Articles, ArticleDiff{
			Kind: Removed, OldKey: a.Key, OldNumber: a.Number,
			Heading: whole(Delete, a.Heading), Text: whole(Delete, a.Text()),
		})
	}
}

func whole(op Op, s string) []Change {
	if s == "" {
		return nil
	}
	return []Change{{Op: op, Text: s}}
}

func formOnly(cs []Change) bool {
	for _, c := range cs {
		if c.Op == Insert || c.Op == Delete {
			return false
		}
	}
	return true
}

// WritePlain writes the report as text: a header line per article, such as
// «~ المادة 7 (key 7)», followed by its word diff in Plain form indented by
// four spaces (so that an enumeration's «- » is not taken for a header),
// and a summary line at the end. The header's first character says what
// happened: «+» added, «-» removed, «~» changed, «>» renumbered (old → new).
func (r *Report) WritePlain(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "--- %s\n+++ %s\n", r.Old.label(), r.New.label())
	var body strings.Builder
	for i := range r.Articles {
		a := &r.Articles[i]
		bw.WriteByte('\n')
		r.writeHeader(bw, a)
		body.Reset()
		if a.Heading != nil {
			body.WriteString("heading: ")
			writePlain(&body, a.Heading)
			body.WriteByte('\n')
		}
		if a.Text != nil {
			writePlain(&body, a.Text)
			body.WriteByte('\n')
		}
		for line := range strings.Lines(body.String()) {
			bw.WriteString("    ")
			bw.WriteString(line)
		}
	}
	r.writeStructure(bw)
	if s := r.structureSummary(); s != "" {
		fmt.Fprintf(bw, "\n%s", s)
	}
	fmt.Fprintf(bw, "\n%d changed, %d added, %d removed, %d renumbered, %d unchanged\n",
		r.Changed, r.Added, r.Removed, r.Renumbered, r.Unchanged)
	// A bufio.Writer keeps its first error and returns it here.
	if err := bw.Flush(); err != nil {
		return drafts.Wrap(drafts.Internal, err, "could not write the comparison report")
	}
	return nil
}

func (r *Report) writeHeader(w *bufio.Writer, a *ArticleDiff) {
	switch a.Kind {
	case Added:
		fmt.Fprintf(w, "+ %s %s (key %s)", r.newWord, a.NewNumber, a.NewKey)
	case Removed:
		fmt.Fprintf(w, "- %s %s (key %s)", r.oldWord, a.OldNumber, a.OldKey)
	case Changed:
		fmt.Fprintf(w, "~ %s %s (key %s)", r.newWord, a.NewNumber, a.NewKey)
	case Renumbered:
		fmt.Fprintf(w, "> %s %s → %s %s (key %s → %s)", r.oldWord, a.OldNumber, r.newWord, a.NewNumber, a.OldKey, a.NewKey)
		if a.Similarity > 0 {
			fmt.Fprintf(w, ", %d%% similar", int(a.Similarity*100+0.5))
		}
	}
	if a.FormOnly {
		w.WriteString(", form only")
	}
	w.WriteByte('\n')
}

func (d DraftRef) label() string {
	s := d.Title
	if s == "" {
		s = d.ID
	}
	if s == "" {
		s = "(untitled draft)"
	}
	if d.Version > 0 {
		s += fmt.Sprintf(" (version %d)", d.Version)
	}
	return s
}

// JSON encodes the report as indented JSON: the two drafts, the counts, and
// the changed articles with their word diffs (see the package's JSON for
// the form of a change).
func (r *Report) JSON() ([]byte, error) {
	out := *r
	if out.Articles == nil {
		out.Articles = []ArticleDiff{}
	}
	return marshal(&out)
}
