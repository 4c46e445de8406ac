package round

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"statute/drafts"
	"statute/drafts/renumber"
)

// An ArticleVersion is an article as an earlier version of its draft had
// it (ArticleVersions).
type ArticleVersion struct {
	// Version is the version's number; Imported when it was stored, and
	// Source where it came from (the file it was imported from, or what
	// made it), as the version list says (drafts.DraftInfo).
	Version  int
	Imported time.Time
	Source   string
	// Made says how the version was made, and From from which version
	// (0 for one imported from a file): Consolidate and renumber name it
	// in Source, in English, which an interface says in its own words.
	Made Making
	From int
	// Found is set when the version had the article; Key, Number and
	// Text are then its key, its number as written and its text there.
	// An article new in a later version was in no earlier one.
	Found       bool
	Key, Number string
	Text        string
	// Sources are the amendments whose changes the article took from
	// this version to the one it is read from: those a consolidation
	// named in each later version, up to and including that one (see
	// drafts.Article.Sources), each once, earliest version first. Empty
	// when no consolidation changed it, or when the later versions were
	// imported as written (their changes then have no known source).
	Sources []drafts.Source
}

// Making is how a version of a draft was made.
type Making int

const (
	// Imported: from a file (its Source), or the sample.
	Imported Making = iota
	// Consolidated: by Consolidate, from the accepted amendments to the
	// version before it.
	Consolidated
	// Renumbered: by Renumber, from the version before it.
	Renumbered
)

// consolidatedPrefix begins the Source of a version made by Consolidate,
// before the version it was made from.
const consolidatedPrefix = "consolidated from version "

// making says how a version whose Source is source was made, and from
// which version.
func making(source string) (Making, int) {
	for _, m := range []struct {
		prefix string
		how    Making
	}{{consolidatedPrefix, Consolidated}, {renumber.SourcePrefix, Renumbered}} {
		if rest, ok := strings.CutPrefix(source, m.prefix); ok {
			if v, err := strconv.Atoi(rest); err == nil && v > 0 {
				return m.how, v
			}
		}
	}
	return Imported, 0
}

// ArticleVersions returns the article of version d with key key as each
// earlier version of d's draft had it, version 1 first: followed through
// renumberings by the same matching of articles as AmendmentsAt (should
// two articles of a version have become this one, the first of them). It
// returns none for a first version, and an ArticleVersion without Found
// for each version that did not have the article yet. NotFound: d has no
// article key. The other errors are the store's.
func (r *Round) ArticleVersions(d *drafts.Draft, key string) ([]ArticleVersion, error) {
	art := d.Article(key)
	if art == nil {
		return nil, msgNoArticle.Err(drafts.NotFound, key)
	}
	out := make([]ArticleVersion, d.Version-1)
	// took[v] are the sources the article names in version v.
	took := make([][]drafts.Source, d.Version+1)
	took[d.Version] = art.Sources
	for v := 1; v < d.Version; v++ {
		old, err := r.version(d.ID, v)
		if err != nil {
			return nil, err
		}
		m, err := r.from(d, v)
		if err != nil {
			return nil, err
		}
		av := ArticleVersion{Version: v, Imported: old.Imported, Source: old.Source}
		av.Made, av.From = making(old.Source)
		if keys := m[key]; len(keys) > 0 {
			if a := old.Article(keys[0]); a != nil {
				av.Found, av.Key, av.Number, av.Text = true, a.Key, a.Number, a.Text()
				took[v] = a.Sources
			}
		}
		out[v-1] = av
	}
	// What the article took from version v to d is what each version
	// after v took from the one before it: the sources of d's article,
	// and of the article in each version in between.
	var later []drafts.Source
	for v := d.Version; v > 1; v-- {
		for _, s := range slices.Backward(took[v]) {
			if !slices.Contains(later, s) {
				later = append(later, s)
			}
		}
		out[v-2].Sources = slices.Clone(later)
		slices.Reverse(out[v-2].Sources)
	}
	return out, nil
}
