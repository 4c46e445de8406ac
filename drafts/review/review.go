// Package review gathers what the federation's legal staff read when they
// review a round: an article's amendments with the identical proposals
// made one entry, and an overview of the round (amendments per chamber and
// status, proposed new-article numbers that clash).
//
// Two amendments of one article make the same proposal when they are of
// the same kind, propose the same number for a new article, and their
// wordings are equal under the lenient diff's rules (diff.LenientKey):
// they differ in harakat, tatweel, alef forms, digit shapes or spacing
// only. Staff then read and decide the proposal once, seeing every chamber
// that made it.
package review

import (
	"slices"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/merge"
	"statute/drafts/parse"
)

// An Entry is one proposal: the amendments that make it, oldest first,
// and their chambers, each once, in that order.
type Entry struct {
	Amendments []drafts.Amendment
	Chambers   []string
}

// Group makes one entry of each proposal among as, in the order of each
// proposal's first amendment in as.
func Group(as []drafts.Amendment) []Entry {
	var entries []Entry
	at := map[string]int{}
	for _, a := range as {
		k := proposalKey(&a)
		i, ok := at[k]
		if !ok {
			i = len(entries)
			at[k] = i
			entries = append(entries, Entry{})
		}
		e := &entries[i]
		e.Amendments = append(e.Amendments, a)
		if !slices.Contains(e.Chambers, a.Chamber) {
			e.Chambers = append(e.Chambers, a.Chamber)
		}
	}
	return entries
}

// proposalKey is what two amendments making the same proposal share.
func proposalKey(a *drafts.Amendment) string {
	number := a.NewNumber
	if k, err := parse.Key(a.NewNumber); err == nil {
		number = k
	}
	text := ""
	if a.Kind != drafts.Repeal {
		text = diff.LenientKey(a.Text)
	}
	return a.Article + "\x00" + string(a.Kind) + "\x00" + number + "\x00" + text
}

// A ChamberCount is how many amendments one chamber has in each status.
type ChamberCount struct {
	Chamber  string
	ByStatus map[drafts.Status]int
	Total    int
}

// A Clash is a number proposed for a new article that cannot be given as
// proposed: the draft has an article of that number, or several
// different proposals ask for it.
type Clash struct {
	Key string // the number's key: "7quater"
	// Existing is set when the draft already has an article of that
	// number.
	Existing bool
	// Amendments are the IDs of the amendments that propose it, oldest
	// first.
	Amendments []string
}

// An Overview sums a round up.
type Overview struct {
	// Chambers counts the amendments of each chamber that has any, in the
	// order of drafts.Parties.
	Chambers []ChamberCount
	// Clashes lists the clashing numbers in the order they are first
	// proposed.
	Clashes []Clash
}

// Summarize sums up the amendments as of draft d.
func Summarize(d *drafts.Draft, as []drafts.Amendment) Overview {
	var o Overview
	counts := map[string]*ChamberCount{}
	for _, a := range as {
		c := counts[a.Chamber]
		if c == nil {
			c = &ChamberCount{Chamber: a.Chamber, ByStatus: map[drafts.Status]int{}}
			counts[a.Chamber] = c
		}
		c.ByStatus[a.Status]++
		c.Total++
	}
	for _, p := range drafts.Parties() {
		if c := counts[p.Code]; c != nil {
			o.Chambers = append(o.Chambers, *c)
		}
	}

	// Proposals of a new article by the number they ask for; a withdrawn
	// one asks for nothing any more.
	type asking struct {
		ids       []string
		proposals map[string]bool
	}
	byNumber := map[string]*asking{}
	var order []string
	for _, a := range as {
		if a.Kind != drafts.Insert || a.Status == drafts.StatusWithdrawn {
			continue
		}
		key, err := parse.Key(a.NewNumber)
		if err != nil {
			continue // Validate refused it already; nothing to place
		}
		n := byNumber[key]
		if n == nil {
			n = &asking{proposals: map[string]bool{}}
			byNumber[key] = n
			order = append(order, key)
		}
		n.ids = append(n.ids, a.ID)
		n.proposals[proposalKey(&drafts.Amendment{Article: a.Article, Kind: a.Kind, NewNumber: key, Text: a.Text})] = true
	}
	for _, key := range order {
		n := byNumber[key]
		existing := d != nil && d.Article(key) != nil
		if existing || len(n.proposals) > 1 {
			o.Clashes = append(o.Clashes, Clash{Key: key, Existing: existing, Amendments: n.ids})
		}
	}
	return o
}

// A Filter says which of an article's amendments the board shows, and in
// what order; the zero value shows them all, oldest first.
type Filter struct {
	Chamber string               // a chamber code, or "" for all
	Kind    drafts.AmendmentKind // or "" for all
	Status  drafts.Status        // or "" for all
	// ByChamber orders them by chamber, in the order of drafts.Parties,
	// and oldest first within a chamber.
	ByChamber bool
}

// Apply returns the amendments of as that f passes, in its order; as is
// left as it is.
func (f Filter) Apply(as []drafts.Amendment) []drafts.Amendment {
	out := make([]drafts.Amendment, 0, len(as))
	for _, a := range as {
		if (f.Chamber == "" || a.Chamber == f.Chamber) && (f.Kind == "" || a.Kind == f.Kind) && (f.Status == "" || a.Status == f.Status) {
			out = append(out, a)
		}
	}
	if f.ByChamber {
		rank := map[string]int{}
		for i, p := range drafts.Parties() {
			rank[p.Code] = i
		}
		slices.SortStableFunc(out, func(a, b drafts.Amendment) int { return rank[a.Chamber] - rank[b.Chamber] })
	}
	return out
}

// A Contest is a part of an article that proposals change in different
// ways: they compete, and at most one of them can be accepted as it is.
type Contest struct {
	// Entries are the indexes, in the entries given to Competing, of the
	// competing proposals.
	Entries []int
	// Words is the article's text they change differently ("" where they
	// insert different words at one point, or a repeal competes with a
	// wording: the whole article).
	Words string
}

// Competing finds the proposals among es (one article's, grouped) whose
// changes to base overlap or touch, by the consolidation's own merge of
// all of them at once: what it would call a conflict if all were
// accepted. New articles do not compete here: their numbers are the
// overview's clashes. A proposal made on another wording of the article
// than base competes with its wording on base, carried (by ID, as
// round.Readings carries it, "" for a repeal), when it is in carried; not
// at all otherwise: its changes are not to this text.
func Competing(base string, es []Entry, carried map[string]string) []Contest {
	var sides []merge.Side
	owner := map[string]int{}
	hash := drafts.HashText(base)
	for i, e := range es {
		a := e.Amendments[0]
		text, onBase := a.Text, a.BaseHash == hash
		if t, ok := carried[a.ID]; ok && !onBase {
			text, onBase = t, true
		}
		if a.Kind == drafts.Insert || !onBase {
			continue
		}
		id := a.ID
		owner[id] = i
		sides = append(sides, merge.Side{ID: id, Text: text, Repeal: a.Kind == drafts.Repeal})
	}
	var out []Contest
	for _, c := range merge.Merge(base, sides).Conflicts {
		var entries []int
		for _, v := range c.Versions {
			for _, id := range v.Sides {
				if i, ok := owner[id]; ok && !slices.Contains(entries, i) {
					entries = append(entries, i)
				}
			}
		}
		slices.Sort(entries)
		words := c.Base
		if c.Repeal {
			words = ""
		}
		out = append(out, Contest{Entries: entries, Words: words})
	}
	return out
}
