package round

import (
	"slices"
	"strconv"
	"strings"

	"statute/drafts"
	"statute/drafts/merge"
	"statute/drafts/parse"
)

// A Consolidation is the next version of a draft made ready from the
// amendments the federation accepted, for review before it is stored
// (StoreConsolidation).
//
// What each amendment brings is read from its current decision: accepted,
// its wording (or its repeal); accepted with changes, the staff's wording;
// the federation's synthesis that supersedes others, its wording, the
// others nothing; rejected, nothing; no decision yet, nothing now: it is
// undecided and carries over. The accepted amendments of one article are
// merged against its text at once, word by word (drafts/merge): the
// result does not depend on their order, identical changes count once,
// changes to different words combine, and changes that overlap or touch
// conflict, as do a repeal and a new wording of one article. New articles
// go after the article they follow, in the order of their proposed
// numbers' keys, then of their IDs; new articles asking for one number
// after different articles go after the first of those in the draft's
// order; two different new articles asking for one number conflict, and
// so does one asking for a number the draft has.
// An accepted amendment made on an earlier version is carried onto this
// one as Rebase carries it: applied where its change still applies to the
// article's present wording, reported stale where it collides (or where
// its article is gone); one that an earlier consolidation already applied
// (an article of a later version names it as a source) brings nothing
// again.
type Consolidation struct {
	// From is the version consolidated.
	From *drafts.Draft
	// Draft is the next version: From's articles with the accepted
	// changes, the repealed ones left out and the new ones in place, each
	// changed or new article naming its sources. nil while conflicts
	// remain.
	Draft *drafts.Draft
	// Articles lists what the accepted amendments do to each article they
	// touch, in the order of the next version.
	Articles []Outcome
	// Conflicts lists, by article, what a person must resolve (Resolve)
	// before the version can be made.
	Conflicts []ArticleConflict
	// Undecided are the IDs of the submitted amendments no decision was
	// made on yet: they carry over to the next version.
	Undecided []string
	// Stale are the IDs of accepted amendments made on an earlier wording
	// of their article whose change collides with its present one (or
	// whose article is gone): not applied.
	Stale []string

	// read is what the amendments brought, as this consolidation read
	// them (gather): Resolutions shows the same sides it merged.
	read *gathered
}

// An Outcome is what the accepted amendments do to one article.
type Outcome struct {
	Key string // the article's key; a new article's proposed one
	// Number is the article's number as written.
	Number string
	// Inserted is set for a new article; Repealed for an article repealed.
	Inserted, Repealed bool
	// Text is the article's consolidated text ("" when repealed).
	Text string
	// Sources are the amendments whose changes it holds, and those a
	// synthesis among them replaces.
	Sources []drafts.Source
}

// An ArticleConflict is what must be resolved in one article, or in the
// new articles asking for one number.
type ArticleConflict struct {
	Key string
	// NumberTaken is set when new articles ask for a number the draft
	// already has.
	NumberTaken bool
	Conflicts   []merge.Conflict
}

var msgNothingToConsolidate = drafts.NewMessage("consolidate.nothing",
	"no amendment to draft %s version %d has been accepted yet: decide on the submitted amendments first ('statutectl decide')")

// Consolidate makes the next version of the draft id ("" for the draft
// imported last) ready from the amendments accepted on its latest
// version. It reads and changes nothing else.
func (r *Round) Consolidate(id string) (*Consolidation, error) {
	d, err := r.draft(id)
	if err != nil {
		return nil, err
	}
	g, err := r.gather(d)
	if err != nil {
		return nil, err
	}
	c := &Consolidation{From: d, Undecided: g.undecided, Stale: g.stale, read: g}
	sides, inserts, chamberOf := g.sides, g.inserts, g.chamberOf

	next := *d
	next.Articles = nil
	next.Source = consolidatedPrefix + strconv.Itoa(d.Version)
	sources := func(ids ...[]string) []drafts.Source {
		var out []drafts.Source
		add := func(id string) {
			if !slices.ContainsFunc(out, func(s drafts.Source) bool { return s.Amendment == id }) {
				out = append(out, drafts.Source{Amendment: id, Chamber: chamberOf[id]})
			}
		}
		for _, group := range ids {
			for _, id := range group {
				add(id)
				// A synthesis made the article what it is in place of
				// the amendments it replaces: they are its sources too.
				for _, r := range g.replaces[id] {
					add(r)
				}
			}
		}
		slices.SortFunc(out, func(a, b drafts.Source) int { return strings.Compare(a.Amendment, b.Amendment) })
		return out
	}
	for i := range d.Articles {
		art := d.Articles[i]
		if ss := sides[art.Key]; len(ss) > 0 {
			res := merge.Merge(art.Text(), ss)
			var hunkSides [][]string
			for _, h := range res.Hunks {
				hunkSides = append(hunkSides, h.Sides)
			}
			o := Outcome{Key: art.Key, Number: art.Number, Repealed: res.Repealed, Text: res.Text, Sources: sources(hunkSides...)}
			switch {
			case len(res.Conflicts) > 0:
				c.Conflicts = append(c.Conflicts, ArticleConflict{Key: art.Key, Conflicts: res.Conflicts})
				next.Articles = append(next.Articles, art) // as it is, until resolved
			case res.Repealed:
				c.Articles = append(c.Articles, o)
			default:
				c.Articles = append(c.Articles, o)
				art.Paragraphs = strings.Split(res.Text, "\n")
				art.Sources = o.Sources
				next.Articles = append(next.Articles, art)
			}
		} else {
			next.Articles = append(next.Articles, art)
		}
		c.placeInserts(d, &next, art, inserts[art.Key], sources)
	}
	if len(c.Articles) == 0 && len(c.Conflicts) == 0 {
		return nil, msgNothingToConsolidate.Err(drafts.Invalid, d.ID, d.Version)
	}
	if len(c.Conflicts) == 0 {
		for i := range next.Articles {
			next.Articles[i].Position = i
		}
		c.Draft = &next
	}
	return c, nil
}

// gathered is what a draft's submitted amendments bring to its next
// version, read by the rule Consolidation states; Consolidate, Resolve and
// Resolutions all read it so, from gather.
type gathered struct {
	// sides are the wordings (or repeals) the accepted amendments give
	// each article, by its key in the version consolidated, carried onto
	// its present wording where they were made on an earlier one.
	sides map[string][]merge.Side
	// inserts are the accepted new articles, their Text the wording
	// accepted, by the key of the article they go after: for each number
	// asked, the first in the draft's order of the articles its
	// amendments follow, so that one number is one new article or one
	// conflict.
	inserts map[string][]drafts.Amendment
	// chamberOf gives each submitted amendment's chamber, by ID.
	chamberOf map[string]string
	// replaces gives, by the ID of each synthesis applied, the
	// amendments it takes the place of.
	replaces         map[string][]string
	undecided, stale []string
}

// brings is the wording amendment a brings to a consolidation under its
// current decision dec, and whether it brings any: accepted, its own;
// accepted with changes, the staff's; the federation's synthesis, its
// own; superseded, rejected or undecided, none.
func brings(a *drafts.Amendment, dec *drafts.Decision) (string, bool) {
	if dec == nil {
		return "", false
	}
	switch dec.Verdict {
	case drafts.Accept:
		return a.Text, true
	case drafts.AcceptWithChanges:
		return dec.Text, true
	case drafts.Supersede:
		return a.Text, dec.Amendment == a.ID // the synthesis; those it replaces bring nothing
	}
	return "", false
}

// gather reads d's draft's submitted amendments and its decision log, and
// sorts out what each brings to the version after d.
func (r *Round) gather(d *drafts.Draft) (*gathered, error) {
	as, err := r.store.Amendments(drafts.AmendmentFilter{DraftID: d.ID, Status: drafts.StatusSubmitted})
	if err != nil {
		return nil, err
	}
	log, err := r.store.Decisions(drafts.DecisionFilter{DraftID: d.ID})
	if err != nil {
		return nil, err
	}
	done, err := r.consolidated(d)
	if err != nil {
		return nil, err
	}
	g := &gathered{sides: map[string][]merge.Side{}, inserts: map[string][]drafts.Amendment{}, chamberOf: map[string]string{}, replaces: map[string][]string{}}
	current := drafts.CurrentDecisions(log)
	byNumber := map[string][]drafts.Amendment{} // new articles, by the key of their number
	for _, a := range as {
		g.chamberOf[a.ID] = a.Chamber
		dec := current[a.ID]
		if dec == nil {
			g.undecided = append(g.undecided, a.ID)
			continue
		}
		text, ok := brings(&a, dec)
		if !ok || done[a.ID] {
			continue
		}
		if dec.Verdict == drafts.Supersede {
			g.replaces[a.ID] = dec.Replaces
		}
		a.Text = text
		rb, err := r.Rebase(d, &a)
		if err != nil {
			return nil, err
		}
		if rb.Stale || rb.Key == "" {
			g.stale = append(g.stale, a.ID)
			continue
		}
		if a.Kind == drafts.Insert {
			a.Article = rb.Key
			key, err := parse.Key(a.NewNumber)
			if err != nil {
				continue // Validate refused it when it was stored
			}
			byNumber[key] = append(byNumber[key], a)
			continue
		}
		g.sides[rb.Key] = append(g.sides[rb.Key], merge.Side{ID: a.ID, Text: rb.Text, Repeal: a.Kind == drafts.Repeal})
	}
	at := map[string]int{} // each article's place in d
	for i := range d.Articles {
		at[d.Articles[i].Key] = i
	}
	for _, ins := range byNumber {
		after := ins[0].Article
		for _, a := range ins[1:] {
			if at[a.Article] < at[after] {
				after = a.Article
			}
		}
		g.inserts[after] = append(g.inserts[after], ins...)
	}
	return g, nil
}

// consolidated returns the IDs of the amendments an earlier consolidation
// of d's draft applied (appliedIn).
func (r *Round) consolidated(d *drafts.Draft) (map[string]bool, error) {
	in, err := r.appliedIn(d)
	done := make(map[string]bool, len(in))
	for id := range in {
		done[id] = true
	}
	return done, err
}

// appliedWith is appliedIn, with the amendments an applied synthesis
// replaces (by current, the current decisions) counted applied in its
// version: a version made before its sources named them still settled
// them.
func (r *Round) appliedWith(d *drafts.Draft, current map[string]*drafts.Decision) (map[string]int, error) {
	in, err := r.appliedIn(d)
	if err != nil {
		return nil, err
	}
	for id, v := range in {
		if dec := current[id]; dec != nil && dec.Verdict == drafts.Supersede && dec.Amendment == id {
			for _, rid := range dec.Replaces {
				if in[rid] == 0 {
					in[rid] = v
				}
			}
		}
	}
	return in, nil
}

// appliedIn gives, by ID, the version that applied each amendment an
// earlier consolidation of d's draft applied: the first version after the
// first, up to d, with an article that names it as its source.
func (r *Round) appliedIn(d *drafts.Draft) (map[string]int, error) {
	in := map[string]int{}
	for v := 2; v <= d.Version; v++ {
		dv := d
		if v < d.Version {
			var err error
			if dv, err = r.version(d.ID, v); err != nil {
				return nil, err
			}
		}
		for i := range dv.Articles {
			for _, s := range dv.Articles[i].Sources {
				if in[s.Amendment] == 0 {
					in[s.Amendment] = v
				}
			}
		}
	}
	return in, nil
}

// placeInserts puts after art in next the new articles the accepted
// amendments ins propose to follow it, or the conflicts they make.
func (c *Consolidation) placeInserts(d, next *drafts.Draft, art drafts.Article, ins []drafts.Amendment, sources func(...[]string) []drafts.Source) {
	byKey := map[string][]merge.Side{}
	number := map[string]string{}
	var keys []string
	for _, a := range ins {
		key, err := parse.Key(a.NewNumber)
		if err != nil {
			continue // Validate refused it when it was stored
		}
		if _, ok := byKey[key]; !ok {
			keys = append(keys, key)
			number[key] = a.NewNumber
		}
		byKey[key] = append(byKey[key], merge.Side{ID: a.ID, Text: a.Text})
	}
	slices.Sort(keys)
	for _, key := range keys {
		res := merge.Merge("", byKey[key])
		if taken := d.Article(key) != nil; taken || len(res.Conflicts) > 0 {
			c.Conflicts = append(c.Conflicts, ArticleConflict{Key: key, NumberTaken: taken, Conflicts: res.Conflicts})
			continue
		}
		var ids []string
		for _, s := range byKey[key] {
			ids = append(ids, s.ID)
		}
		src := sources(ids)
		c.Articles = append(c.Articles, Outcome{Key: key, Number: number[key], Inserted: true, Text: res.Text, Sources: src})
		next.Articles = append(next.Articles, drafts.Article{
			Key: key, Number: number[key], Paragraphs: strings.Split(res.Text, "\n"),
			Division: art.Division, Sources: src,
		})
	}
}

var (
	msgConsolidationConflicts = drafts.NewMessage("consolidate.conflicts",
		"accepted amendments still conflict in %d of the draft's articles: resolve each first ('statutectl resolve ARTICLE --text-file F')")
	msgConsolidationStale = drafts.NewMessage("consolidate.stale",
		"draft %s has a version %d newer than the version %d consolidated: consolidate again")
)

// StoreConsolidation stores c's draft as the next version of its draft,
// after an automatic backup (Import), and sets that draft's version. The
// earlier versions stay as they were. Invalid: conflicts remain. Conflict:
// another version was stored since c was made.
func (r *Round) StoreConsolidation(c *Consolidation) error {
	if err := r.mayAct(drafts.Federation); err != nil {
		return err
	}
	if c.Draft == nil {
		return ConflictsError(c)
	}
	latest, err := r.store.Draft(c.From.ID)
	if err != nil {
		return err
	}
	if latest.Version != c.From.Version {
		return msgConsolidationStale.Err(drafts.Conflict, c.From.ID, latest.Version, c.From.Version)
	}
	return r.Import(c.Draft)
}

// draft is the latest version of draft id, or of the draft imported last
// when id is "".
func (r *Round) draft(id string) (*drafts.Draft, error) {
	if id == "" {
		return r.Latest()
	}
	return r.store.Draft(drafts.NormalizeID(id))
}

var msgNothingToResolve = drafts.NewMessage("resolve.nothing",
	"no accepted amendment changes article %s of draft %s: there is nothing to resolve there")

// Resolve settles what the accepted amendments of one article make of it
// with the wording a person wrote: the federation's synthesis amendment of
// the article, submitted, which supersedes every amendment accepted on it
// (a decision of the log, with note), stored and decided in one write
// (the store's AddDecided): both or neither. Consolidating again then
// applies the synthesis alone to that article. It returns the synthesis
// as stored.
//
// article may also be the number of new articles that accepted amendments
// propose, which the draft does not have: the synthesis is then one new
// article of that number, in the wording text, after the article the
// first of them follows, and supersedes them all. Two new articles that
// ask for one number are settled so, with one wording, or by rejecting
// one of them.
//
// Forbidden: by is not the federation. NotFound: the draft has no such
// article, and no accepted amendment proposes a new article of that
// number. Invalid: no accepted amendment changes the article, or the
// wording changes nothing (Submit's refusals).
func (r *Round) Resolve(by drafts.Chamber, draftID, article, text, note string) (*drafts.Amendment, error) {
	if by.Code != drafts.FederationCode {
		return nil, drafts.OnlyFederation(by.Code)
	}
	if err := r.mayAct(by); err != nil {
		return nil, err
	}
	d, err := r.draft(draftID)
	if err != nil {
		return nil, err
	}
	art, err := parse.Find(d, article)
	if drafts.IsKind(err, drafts.NotFound) {
		// Perhaps the number of new articles that accepted amendments
		// propose.
		if syn, ok, nerr := r.resolveNumber(by, d, article, text, note); ok || nerr != nil {
			return syn, nerr
		}
	}
	if err != nil {
		return nil, err
	}
	g, err := r.gather(d)
	if err != nil {
		return nil, err
	}
	var accepted []string
	for _, side := range g.sides[art.Key] {
		accepted = append(accepted, side.ID)
	}
	if len(accepted) == 0 {
		return nil, msgNothingToResolve.Err(drafts.Invalid, art.Key, d.ID)
	}
	syn := Blank(by, d, art)
	syn.Text = text
	return r.supersede(by, d, syn, accepted, note)
}

// resolveNumber settles the new articles that accepted amendments to d
// propose under the number of key, when any do (ok): the federation's
// synthesis is one new article of that number, in the wording text, after
// the article the first of them follows in d, and supersedes them all.
// The errors are Resolve's, and Conflict: d already has an article of
// that number (Check's): a new article needs another number.
func (r *Round) resolveNumber(by drafts.Chamber, d *drafts.Draft, number, text, note string) (*drafts.Amendment, bool, error) {
	key, err := parse.Key(number)
	if err != nil {
		return nil, false, nil
	}
	g, err := r.gather(d)
	if err != nil {
		return nil, false, err
	}
	var accepted []string
	var first *drafts.Amendment
	for _, ins := range g.inserts {
		for i := range ins {
			if k, err := parse.Key(ins[i].NewNumber); err != nil || k != key {
				continue
			}
			accepted = append(accepted, ins[i].ID)
			if first == nil {
				first = &ins[i]
			}
		}
	}
	art := (*drafts.Article)(nil)
	if first != nil {
		art = d.Article(first.Article)
	}
	if art == nil {
		return nil, false, nil
	}
	syn := Blank(by, d, art)
	syn.Kind, syn.NewNumber, syn.Text = drafts.Insert, first.NewNumber, text
	syn, err = r.supersede(by, d, syn, accepted, note)
	return syn, true, err
}

// supersede stores syn, the federation's synthesis, submitted, and its
// decision superseding the amendments accepted, in one write (the store's
// AddDecided): a refused decision leaves no synthesis submitted and
// undecided. note is the decision's, and the synthesis's justification,
// which says what it settles when note is empty.
func (r *Round) supersede(by drafts.Chamber, d *drafts.Draft, syn *drafts.Amendment, accepted []string, note string) (*drafts.Amendment, error) {
	syn.Justification = note
	if syn.Justification == "" {
		// Stored with the round's records, which are in the draft's
		// language, not the interface's.
		syn.Justification = "تسوية الجامعة للتعارض بين التعديلات: " + strings.Join(accepted, "، ")
	}
	b, err := r.checked(by, d, syn, true, accepted...)
	if err != nil {
		return nil, err
	}
	b.ID = drafts.NewID(by.Code)
	dec, err := r.decision(by, &b, drafts.Supersede, "", accepted, note)
	if err != nil {
		return nil, err
	}
	if err := r.store.AddDecided(&b, dec); err != nil {
		return nil, err
	}
	return &b, nil
}

// ConflictsError is the error of a consolidation that still holds
// conflicts, as StoreConsolidation would refuse it.
func ConflictsError(c *Consolidation) error {
	return msgConsolidationConflicts.Err(drafts.Invalid, len(c.Conflicts))
}
