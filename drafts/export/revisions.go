package export

import (
	"slices"
	"strings"
	"time"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/round"
)

// An author is who made a change of a version, and when: a tracked
// change's author and date in a Word file; src, the amendment that made
// it and its chamber, names it on the HTML page (no amendment for the
// federation's own change, no chamber either when no one is named).
type author struct {
	name string
	at   time.Time
	src  drafts.Source
}

// authorship says who made each change of version d against prev, the
// version before it, by the rule the package's notes on Word state: the
// chamber whose amendment's own change holds the change, dated by the
// decision that accepted the amendment; else the federation, dated by the
// version.
type authorship struct {
	d          *drafts.Draft
	federation author
	// own are, by amendment ID, the hunks of each amendment that an
	// article of d names as a source, against the previous version's
	// wording of its article; by are their authors.
	own map[string][]hunk
	by  map[string]author
	// repealedBy gives the amendment that repealed each article of prev
	// that d no longer has, by its key in prev.
	repealedBy map[string]string
}

// A hunk is one place where two texts differ: the old text's bytes
// [from, to) gave way to ins.
type hunk struct {
	from, to int
	ins      string
}

// hunks returns the places where the changes cs differ, offsets in the old
// text.
func hunks(cs []diff.Change) []hunk {
	var (
		out  []hunk
		at   int
		open bool
	)
	for _, c := range cs {
		if c.Op == diff.Equal || c.Op == diff.Form {
			open = false
			n := len(c.Text)
			if c.Op == diff.Form {
				n = len(c.Old)
			}
			at += n
			continue
		}
		if !open {
			out = append(out, hunk{from: at, to: at})
			open = true
		}
		h := &out[len(out)-1]
		if c.Op == diff.Delete {
			at += len(c.Text)
			h.to = at
		} else {
			h.ins += c.Text
		}
	}
	return out
}

// contains reports whether h, one of an amendment's own hunks, holds g,
// a hunk of the version: g replaces old text inside what h replaces (or
// inserts where h does) with text that h's inserts hold.
func (h hunk) contains(g hunk) bool {
	return h.from <= g.from && g.to <= h.to && strings.Contains(h.ins, g.ins)
}

// newAuthorship reads from r who made d's changes against prev: the
// amendments d's articles name as their sources, the repeals of the
// articles it dropped, and the decisions on them.
func newAuthorship(r *round.Round, d, prev *drafts.Draft) (*authorship, error) {
	rep := diff.Compare(prev, d, diff.Options{})
	fed := drafts.Federation
	at := &authorship{
		d:          d,
		federation: author{name: chamberName(d, fed), at: d.Imported, src: drafts.Source{Chamber: fed.Code}},
		own:        map[string][]hunk{},
		by:         map[string]author{},
		repealedBy: map[string]string{},
	}
	_, current, err := r.Log(d.ID)
	if err != nil {
		return nil, err
	}
	as, err := r.Store().Amendments(drafts.AmendmentFilter{DraftID: d.ID, Status: drafts.StatusSubmitted})
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*drafts.Amendment, len(as))
	for i := range as {
		byID[as[i].ID] = &as[i]
	}
	oldKey := map[string]string{} // by new key
	for i := range rep.Articles {
		if a := &rep.Articles[i]; a.Kind != diff.Added && a.Kind != diff.Removed {
			oldKey[a.NewKey] = a.OldKey
		}
	}
	who := func(a *drafts.Amendment) {
		if _, ok := at.by[a.ID]; ok {
			return
		}
		w := author{name: a.Chamber, at: d.Imported, src: drafts.Source{Amendment: a.ID, Chamber: a.Chamber}}
		if c, err := drafts.ChamberByCode(a.Chamber); err == nil {
			w.name = chamberName(d, c)
		}
		if dec := current[a.ID]; dec != nil {
			w.at = dec.At
		}
		at.by[a.ID] = w
	}
	for i := range d.Articles {
		art := &d.Articles[i]
		if len(art.Sources) == 0 {
			continue
		}
		base := "" // a new article's
		if k, ok := oldKey[art.Key]; ok {
			base = prev.Article(k).Text()
		}
		for _, s := range art.Sources {
			a := byID[s.Amendment]
			if a == nil {
				continue
			}
			who(a)
			text := a.Text
			if a.Kind != drafts.Insert && a.DraftVersion != prev.Version {
				if rb, err := r.Rebase(prev, a); err == nil && !rb.Stale {
					text = rb.Text
				}
			}
			at.own[a.ID] = hunks(diff.Words(base, text, diff.Options{}))
		}
	}
	for i := range rep.Articles {
		ad := &rep.Articles[i]
		if ad.Kind != diff.Removed {
			continue
		}
		for j := range as {
			a := &as[j]
			if a.Kind != drafts.Repeal || a.Article != ad.OldKey || a.DraftVersion > prev.Version {
				continue
			}
			if dec := current[a.ID]; dec != nil && (dec.Verdict == drafts.Accept || dec.Verdict == drafts.AcceptWithChanges ||
				(dec.Verdict == drafts.Supersede && dec.Amendment == a.ID)) {
				who(a)
				at.repealedBy[ad.OldKey] = a.ID
				break
			}
		}
	}
	return at, nil
}

// chamberName is how a revision names its author: the chamber's code
// and its region in the draft's language, «FM — فاس مكناس», «FM —
// Fès-Meknès»; the federation «FED — جامعة غرف الصناعة التقليدية».
func chamberName(d *drafts.Draft, c drafts.Chamber) string {
	name := c.Region
	if d.Language == "fr" {
		name = c.French
	}
	return c.Code + " — " + name
}

// of is the author of hunk g of article art of d (its body, against the
// previous version's wording): the first of its sources whose own change
// holds g, a chamber's before the federation's; else the federation.
func (at *authorship) of(art *drafts.Article, g hunk) author {
	if at == nil {
		return author{}
	}
	found := ""
	for _, s := range art.Sources {
		if found != "" && s.Chamber == drafts.FederationCode {
			continue // a chamber's is wanted now
		}
		if slices.ContainsFunc(at.own[s.Amendment], func(h hunk) bool { return h.contains(g) }) {
			found = s.Amendment
			if s.Chamber != drafts.FederationCode {
				break
			}
		}
	}
	if found == "" {
		return at.federation
	}
	return at.by[found]
}

// added is the author of article art, new in d: the first of its sources,
// a chamber's before the federation's; else the federation.
func (at *authorship) added(art *drafts.Article) author {
	if at == nil {
		return author{}
	}
	for _, fedToo := range []bool{false, true} {
		for _, s := range art.Sources {
			if w, ok := at.by[s.Amendment]; ok && (fedToo || s.Chamber != drafts.FederationCode) {
				return w
			}
		}
	}
	return at.federation
}

// removed is the author of the removal of prev's article key: the chamber
// whose accepted repeal removed it, else the federation.
func (at *authorship) removed(key string) author {
	if at == nil {
		return author{}
	}
	if id, ok := at.repealedBy[key]; ok {
		return at.by[id]
	}
	return at.federation
}
