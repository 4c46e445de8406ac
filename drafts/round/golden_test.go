package round_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"statute/drafts"
	goldenfile "statute/drafts/internal/golden"
	"statute/drafts/merge"
	"statute/drafts/renumber"
	"statute/drafts/round"
)

// golden compares got with testdata/golden/name (golden.Check).
func golden(t *testing.T, name string, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", "golden", name), []byte(got))
}

// names gives the amendments of a test the names a golden file knows them
// by, in the order the test made them: «FM#1», «CS#2»… Their IDs are
// random, and so is any order made by ID, so a golden file lists them by
// these names, sorted.
type names map[string]string

func named(as ...*drafts.Amendment) names {
	n := names{}
	for i, a := range as {
		n[a.ID] = fmt.Sprintf("%s#%d", a.Chamber, i+1)
	}
	return n
}

// list is ids by name, sorted.
func (n names) list(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = n[id]
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// describe writes out a consolidation as a reviewer checks it: each
// article it makes, what it is, who made it and its text; each conflict
// in diff3 style; the accepted amendments it could not apply; the
// undecided ones it carries over.
func (n names) describe(c *round.Consolidation) string {
	var b strings.Builder
	for _, o := range c.Articles {
		what := "changed"
		switch {
		case o.Inserted:
			what = "new"
		case o.Repealed:
			what = "repealed"
		}
		var from []string
		for _, s := range o.Sources {
			from = append(from, s.Amendment)
		}
		fmt.Fprintf(&b, "== article %s [key %s]: %s, from %s\n", o.Number, o.Key, what, n.list(from))
		if !o.Repealed {
			b.WriteString(o.Text + "\n")
		}
	}
	for _, ac := range c.Conflicts {
		fmt.Fprintf(&b, "== conflict in %s (number taken: %v)\n", ac.Key, ac.NumberTaken)
		for _, k := range ac.Conflicts {
			k.Versions = slices.Clone(k.Versions)
			for i := range k.Versions {
				k.Versions[i].Sides = slices.Clone(k.Versions[i].Sides)
				for j, id := range k.Versions[i].Sides {
					k.Versions[i].Sides[j] = n[id]
				}
				slices.Sort(k.Versions[i].Sides)
			}
			slices.SortFunc(k.Versions, func(a, b merge.Version) int { return strings.Compare(a.Sides[0], b.Sides[0]) })
			b.WriteString(k.Diff3() + "\n")
		}
	}
	fmt.Fprintf(&b, "== stale: %s\n", n.list(c.Stale))
	fmt.Fprintf(&b, "== undecided: %s\n", n.list(c.Undecided))
	if c.Draft != nil {
		fmt.Fprintf(&b, "== next version made from version %d: %d articles\n", c.From.Version, len(c.Draft.Articles))
	}
	return b.String()
}

// consolidate is the round's consolidation, written out.
func (n names) consolidate(t *testing.T, r *round.Round) (*round.Consolidation, string) {
	t.Helper()
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	return c, n.describe(c)
}

// submit submits a made by its chamber on d.
func submit(t *testing.T, r *round.Round, d *drafts.Draft, a *drafts.Amendment) *drafts.Amendment {
	t.Helper()
	c, err := drafts.ChamberByCode(a.Chamber)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Submit(c, d, a); err != nil {
		t.Fatal(err)
	}
	return a
}

// Several chambers on one article: two in different words combine, a
// third overlapping one is the one conflict, shown with the base and
// both sides.
func TestGoldenSeveralChambersOnOneArticle(t *testing.T) {
	r, d := newRound(t)
	fm := propose(t, r, d, "FM", "3", "والاستقلال المالي", "والاستقلال المالي والإداري")
	cs := propose(t, r, d, "CS", "3", "في هذا القانون", "في القانون رقم 50.17")
	ms := propose(t, r, d, "MS", "3", "في هذا القانون", "في هذا النظام")
	sm := propose(t, r, d, "SM", "5", "مقر الغرفة", "مقر كل غرفة")
	n := named(fm, cs, ms, sm)
	for _, a := range []*drafts.Amendment{fm, cs, ms} {
		decide(t, r, a.ID, drafts.Accept)
	}
	_, before := n.consolidate(t, r)
	// Without the overlapping one, the two others combine.
	decide(t, r, ms.ID, drafts.Reject)
	_, after := n.consolidate(t, r)
	golden(t, "several-chambers.txt", "-- all three accepted\n"+before+"-- the overlapping one rejected\n"+after)
}

// Identical proposals count once, each chamber named as a source.
func TestGoldenIdenticalProposals(t *testing.T) {
	r, d := newRound(t)
	fm := propose(t, r, d, "FM", "4", "في كل جهة", "في كل جهة ترابية")
	cs := propose(t, r, d, "CS", "4", "في كل جهة", "في كل جهة ترابية")
	decide(t, r, fm.ID, drafts.Accept)
	decide(t, r, cs.ID, drafts.Accept)
	n := named(fm, cs)
	_, got := n.consolidate(t, r)
	golden(t, "identical.txt", got)
}

// A repeal alone repeals; a repeal with new wording of the same article
// is a conflict.
func TestGoldenRepeal(t *testing.T) {
	r, d := newRound(t)
	repeal := func(code, key string) *drafts.Amendment {
		a := round.Blank(mustChamber(code), d, d.Article(key))
		a.Kind, a.Text, a.Justification = drafts.Repeal, "", "لا حاجة إليها"
		return submit(t, r, d, a)
	}
	fm := repeal("FM", "6")
	cs := repeal("CS", "5")
	ms := propose(t, r, d, "MS", "5", "مقر الغرفة", "مقر كل غرفة")
	n := named(fm, cs, ms)
	for _, a := range []*drafts.Amendment{fm, cs, ms} {
		decide(t, r, a.ID, drafts.Accept)
	}
	_, got := n.consolidate(t, r)
	golden(t, "repeal.txt", got)
}

// New articles go after their target with their proposed numbers, in
// order; two asking for one number, or for a number the draft has, are
// conflicts.
func TestGoldenInsertedArticles(t *testing.T) {
	r, d := newRound(t)
	insert := func(code, after, number, text string) *drafts.Amendment {
		a := round.Blank(mustChamber(code), d, d.Article(after))
		a.Kind, a.NewNumber, a.Text, a.Justification = drafts.Insert, number, text, "سد فراغ"
		return submit(t, r, d, a)
	}
	fm := insert("FM", "2", "2 مكررة مرتين", "تحدث لدى كل غرفة لجنة للتكوين.")
	cs := insert("CS", "2", "2 مكررة", "تحدث لجنة جهوية للتنسيق.")
	ms := insert("MS", "4", "4 مكررة", "تنشر الغرفة تقريرا سنويا.")
	sm := insert("SM", "4", "4 مكررة", "تعقد الغرفة جمعا عاما كل سنة.")
	n := named(fm, cs, ms, sm)
	for _, a := range []*drafts.Amendment{fm, cs} {
		decide(t, r, a.ID, drafts.Accept)
	}
	_, clean := n.consolidate(t, r)
	for _, a := range []*drafts.Amendment{ms, sm} {
		decide(t, r, a.ID, drafts.Accept)
	}
	_, clash := n.consolidate(t, r)
	golden(t, "inserted.txt", "-- two new articles after article 2\n"+clean+"-- and two asking for 4 مكررة\n"+clash)
}

// An amendment accepted after the next version changed its article is
// carried when its change still applies, and listed as stale, not
// applied, when it collides.
func TestGoldenStaleAmendment(t *testing.T) {
	r, d := newRound(t)
	cs := propose(t, r, d, "CS", "3", "في هذا القانون", "في القانون رقم 50.17")
	fm := propose(t, r, d, "FM", "3", "تمثل الغرفة", "تمثل كل غرفة")
	ms := propose(t, r, d, "MS", "3", "في هذا القانون", "في هذا النظام")
	decide(t, r, cs.ID, drafts.Accept)
	n := named(cs, fm, ms)
	c, first := n.consolidate(t, r)
	if err := r.StoreConsolidation(c); err != nil {
		t.Fatal(err)
	}
	decide(t, r, fm.ID, drafts.Accept)
	decide(t, r, ms.ID, drafts.Accept)
	_, second := n.consolidate(t, r)
	golden(t, "stale.txt", "-- version 2 from CS's amendment\n"+first+"-- then FM's and MS's, made on version 1, accepted\n"+second)
}

// Renumbering: the table of old to new numbers, each reference rewritten,
// and the articles whose text changes.
func TestGoldenRenumbering(t *testing.T) {
	_, d := newRound(t)
	p := renumber.Make(d)
	var b strings.Builder
	for _, n := range p.Table {
		fmt.Fprintf(&b, "%s → %s\n", n.OldNumber, n.NewNumber)
	}
	for _, ref := range p.References {
		fmt.Fprintf(&b, "article %s, paragraph %d: «%s» → «%s»", ref.Article, ref.Paragraph+1, ref.Old, ref.New)
		if len(ref.Missing) > 0 {
			fmt.Fprintf(&b, " (no article %s)", strings.Join(ref.Missing, ", "))
		}
		b.WriteString("\n")
	}
	old := map[string]string{}
	for _, a := range d.Articles {
		old[a.Number] = a.Text()
	}
	newKey := map[string]string{}
	for _, n := range p.Table {
		newKey[n.NewNumber] = n.OldNumber
	}
	var changed []string
	for _, a := range p.Draft.Articles {
		was := a.Number
		if o, ok := newKey[a.Number]; ok {
			was = o
		}
		if old[was] != a.Text() {
			changed = append(changed, fmt.Sprintf("== article %s (was %s)\n%s\n", a.Number, was, a.Text()))
		}
	}
	b.WriteString(strings.Join(changed, ""))
	golden(t, "renumbering.txt", b.String())
}
