package round

import (
	"slices"
	"sync"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/merge"
)

// An amendment is made on one version of a draft, to the article of one
// key in it. When a later version is stored (a renumbering, a
// consolidation, one imported from the ministry), the amendment still
// concerns that article, whatever number it has now: the two versions are
// compared (diff.Compare, which matches articles by text as well as by
// key) and the amendment is shown where its article went. An amendment to
// an article the later version no longer has has no place in it.

// places keeps, for each pair of an earlier and a later version of a
// draft, the earlier keys that each later key comes from: comparing two
// versions of a thousand articles takes milliseconds, and a window asks at
// every article shown.
type places struct {
	mu    sync.Mutex
	froms map[placesKey]map[string][]string // later key → earlier keys
}

type placesKey struct {
	draft         string
	early, latest int
}

// from returns, for each key of version d, the keys of version early of
// the same draft whose article it is now.
func (r *Round) from(d *drafts.Draft, early int) (map[string][]string, error) {
	k := placesKey{d.ID, early, d.Version}
	r.places.mu.Lock()
	m, ok := r.places.froms[k]
	r.places.mu.Unlock()
	if ok {
		return m, nil
	}
	old, err := r.version(d.ID, early)
	if err != nil {
		return nil, err
	}
	rep := diff.Compare(old, d, diff.Options{})
	m = map[string][]string{}
	for i := range old.Articles {
		if key, kept := rep.NewKey(old.Articles[i].Key); kept {
			m[key] = append(m[key], old.Articles[i].Key)
		}
	}
	r.places.mu.Lock()
	if r.places.froms == nil {
		r.places.froms = map[placesKey]map[string][]string{}
	}
	r.places.froms[k] = m
	r.places.mu.Unlock()
	return m, nil
}

// versions keeps the last few versions of drafts the round read: a
// stored version never changes (a new one is stored next to it), and
// showing an article's amendments made on an earlier version reads that
// version for each of them (Rebase, Readings).
type versions struct {
	mu   sync.Mutex
	kept map[versionKey]*drafts.Draft
}

type versionKey struct {
	id      string
	version int
}

// keptVersions is how many versions a round keeps: a round's few, each a
// few megabytes for a draft of a thousand articles.
const keptVersions = 4

// version returns version v of draft id, read from the store the first
// time. The draft returned is shared: it must not be changed.
func (r *Round) version(id string, v int) (*drafts.Draft, error) {
	k := versionKey{id, v}
	r.versions.mu.Lock()
	d, ok := r.versions.kept[k]
	r.versions.mu.Unlock()
	if ok {
		return d, nil
	}
	d, err := r.store.DraftVersion(id, v)
	if err != nil {
		return nil, err
	}
	r.versions.mu.Lock()
	if len(r.versions.kept) >= keptVersions || r.versions.kept == nil {
		r.versions.kept = map[versionKey]*drafts.Draft{}
	}
	r.versions.kept[k] = d
	r.versions.mu.Unlock()
	return d, nil
}

// AmendmentsAt returns the amendments that pass f (f.DraftID is d's) as of
// version d: with f.Article, those made on d to that article and those
// made on earlier versions to the article that is now it, earlier versions
// first; without, every version's. The errors are the store's.
func (r *Round) AmendmentsAt(d *drafts.Draft, f drafts.AmendmentFilter) ([]drafts.Amendment, error) {
	f.DraftID = d.ID
	if f.Article == "" {
		return r.store.Amendments(f)
	}
	key := f.Article
	var out []drafts.Amendment
	for v := 1; v <= d.Version; v++ {
		keys := []string{key}
		if v < d.Version {
			m, err := r.from(d, v)
			if err != nil {
				return nil, err
			}
			keys = m[key]
		}
		for _, k := range keys {
			f.Version, f.Article = v, k
			as, err := r.store.Amendments(f)
			if err != nil {
				return nil, err
			}
			out = append(out, as...)
		}
	}
	return out, nil
}

// CountsAt counts the amendments that pass f by the key, in version d, of
// the article each concerns (see AmendmentsAt); those whose article d no
// longer has are not counted.
func (r *Round) CountsAt(d *drafts.Draft, f drafts.AmendmentFilter) (map[string]int, error) {
	f.DraftID, f.Article = d.ID, ""
	counts := map[string]int{}
	for v := 1; v <= d.Version; v++ {
		f.Version = v
		cs, err := r.store.AmendmentCounts(f)
		if err != nil {
			return nil, err
		}
		if v == d.Version {
			for k, n := range cs {
				counts[k] += n
			}
			continue
		}
		m, err := r.from(d, v)
		if err != nil {
			return nil, err
		}
		for now, was := range m {
			for _, k := range was {
				counts[now] += cs[k]
			}
		}
	}
	return counts, nil
}

// A Rebased amendment is one shown against a version of its draft.
type Rebased struct {
	// Key is the article's key in the version, "" when the version no
	// longer has it.
	Key string
	// Base is the article's text the amendment's change is shown against;
	// Text is the amendment's wording against it ("" for a repeal).
	Base, Text string
	// Carried is set when the amendment was made on an earlier wording of
	// the article and its change was carried onto this one by the
	// three-way merge: what it changes is what it changed.
	Carried bool
	// Stale is set when it was made on an earlier wording whose later
	// changes collide with its own, or on an article this version no
	// longer has: it is shown against the wording it was made on, and
	// must be decided on as such, or made again.
	Stale bool
}

// Rebase shows a, an amendment of d's draft, against version d: as it is
// when it was made on the article's wording in d; carried onto that
// wording by the same word-by-word merge as consolidation's when it was
// made on an earlier one and the changes do not collide; stale otherwise.
// The errors are the store's.
func (r *Round) Rebase(d *drafts.Draft, a *drafts.Amendment) (Rebased, error) {
	if a.Kind == drafts.Insert {
		// A new article goes after the article it follows, wherever
		// that is now; there is no wording to carry.
		key, ok, err := r.KeyAt(d, a)
		if err != nil || !ok {
			return Rebased{Text: a.Text, Stale: err == nil}, err
		}
		return Rebased{Key: key, Text: a.Text}, nil
	}
	key := a.Article
	if a.DraftVersion != d.Version {
		m, err := r.from(d, a.DraftVersion)
		if err != nil {
			return Rebased{}, err
		}
		key = ""
		for now, was := range m {
			if slices.Contains(was, a.Article) {
				key = now
			}
		}
	}
	now := d.Article(key)
	if now == nil {
		key = ""
	}
	if now != nil && a.BaseHash == now.TextHash() {
		return Rebased{Key: key, Base: now.Text(), Text: a.Text}, nil
	}
	old, err := r.version(d.ID, a.DraftVersion)
	if err != nil {
		return Rebased{}, err
	}
	made := old.Article(a.Article)
	if made == nil || now == nil || made.TextHash() != a.BaseHash {
		base := ""
		if made != nil {
			base = made.Text()
		}
		return Rebased{Key: key, Base: base, Text: a.Text, Stale: true}, nil
	}
	res := merge.Merge(made.Text(), []merge.Side{{ID: "version", Text: now.Text()}, {ID: a.ID, Text: a.Text, Repeal: a.Kind == drafts.Repeal}})
	switch {
	case a.Kind == drafts.Repeal:
		return Rebased{Key: key, Base: now.Text(), Carried: true}, nil
	case len(res.Conflicts) > 0:
		return Rebased{Key: key, Base: made.Text(), Text: a.Text, Stale: true}, nil
	}
	return Rebased{Key: key, Base: now.Text(), Text: res.Text, Carried: true}, nil
}

// KeyAt is the key, in version d, of the article amendment a concerns
// (see AmendmentsAt); false when d no longer has it.
func (r *Round) KeyAt(d *drafts.Draft, a *drafts.Amendment) (string, bool, error) {
	if a.DraftVersion == d.Version {
		return a.Article, true, nil
	}
	m, err := r.from(d, a.DraftVersion)
	if err != nil {
		return "", false, err
	}
	for now, was := range m {
		if slices.Contains(was, a.Article) {
			return now, true, nil
		}
	}
	return "", false, nil
}

// A Reading is how an amendment made on another wording of its article
// than a version's reads against that version (Readings).
type Reading struct {
	// Rebased is the amendment shown against the version: Base the
	// wording its change is shown against, Text its wording there.
	Rebased
	// How says why it is shown so.
	How ReadingKind
	// Applied is the version a consolidation made with its change, when
	// How is Applied.
	Applied int
}

// A ReadingKind says why an amendment made on another wording is shown
// as it is.
type ReadingKind int

const (
	// Carried: still to be applied (undecided, or accepted and not yet
	// consolidated), its change carried onto the version's wording.
	Carried ReadingKind = iota + 1
	// Stale: still to be applied, but its change collides with the
	// article's later changes: shown against the wording it was made on.
	Stale
	// AsMade: rejected, superseded or withdrawn: shown against the
	// wording it was made on, as it was decided.
	AsMade
	// Applied: a consolidation applied it (in version Reading.Applied):
	// shown against the wording it was made on.
	Applied
	// NewArticle: a new article, which does not depend on the wording of
	// the one it follows: shown as proposed.
	NewArticle
)

// Readings says, by ID, how each of as (amendments to the article of d
// with key key, as AmendmentsAt gives them) that was made on another
// wording of it reads against d, given the draft's decision log. Those
// still to be applied, undecided or accepted but not yet consolidated, are
// shown as Rebase shows them, as consolidation would apply them; the
// others against the wording they were made on. Amendments made on d's
// wording are left out, and nothing is read for them: nil when all are.
// The errors are the store's.
func (r *Round) Readings(d *drafts.Draft, key string, as []drafts.Amendment, log []drafts.Decision) (map[string]Reading, error) {
	art := d.Article(key)
	if art == nil {
		return nil, nil
	}
	hash := art.TextHash()
	var out map[string]Reading
	var applied map[string]int
	var current map[string]*drafts.Decision
	for i := range as {
		a := &as[i]
		if a.BaseHash == hash {
			continue
		}
		if out == nil {
			out = map[string]Reading{}
			var err error
			current = drafts.CurrentDecisions(log)
			if applied, err = r.appliedWith(d, current); err != nil {
				return nil, err
			}
		}
		dec := current[a.ID]
		_, brought := brings(a, dec)
		pending := a.Status == drafts.StatusDraft || a.Status == drafts.StatusSubmitted && (dec == nil || brought)
		switch v := applied[a.ID]; {
		case v > 0:
			rd, err := r.asMade(d, a)
			rd.How, rd.Applied = Applied, v
			if err != nil {
				return nil, err
			}
			out[a.ID] = rd
		case pending:
			rb, err := r.Rebase(d, a)
			if err != nil {
				return nil, err
			}
			rd := Reading{Rebased: rb}
			switch {
			case rb.Stale:
				rd.How = Stale
			case rb.Carried:
				rd.How = Carried
			case a.Kind == drafts.Insert:
				rd.How = NewArticle
			}
			out[a.ID] = rd
		default:
			rd, err := r.asMade(d, a)
			if err != nil {
				return nil, err
			}
			out[a.ID] = rd
		}
	}
	return out, nil
}

// asMade is a, shown against the wording of its article it was made on.
func (r *Round) asMade(d *drafts.Draft, a *drafts.Amendment) (Reading, error) {
	rd := Reading{Rebased: Rebased{Text: a.Text}, How: AsMade}
	if a.Kind == drafts.Insert {
		rd.How = NewArticle
		return rd, nil
	}
	old, err := r.version(d.ID, a.DraftVersion)
	if err != nil {
		return Reading{}, err
	}
	if was := old.Article(a.Article); was != nil {
		rd.Base = was.Text()
	}
	return rd, nil
}
