package exchange

import (
	"bytes"
	"encoding/json"
	"slices"
	"time"

	"statute/drafts"
	"statute/drafts/keys"
)

// Outcome is what became of one thing a package holds.
type Outcome string

// The outcomes, as a report lists them.
const (
	New       Outcome = "new"
	Updated   Outcome = "updated"
	Unchanged Outcome = "unchanged"
	Refused   Outcome = "refused"
	// Decided: in a draft package taken in by a chamber, the federation's
	// current decision on one of the chamber's own amendments (Line.Decision).
	Decided Outcome = "decided"
)

// A Line is one amendment (or draft version) of a package, and what
// became of it.
type Line struct {
	// Amendment is the amendment's ID; empty for a draft version.
	Amendment string
	Chamber   string
	Article   string // the target article's key
	Kind      drafts.AmendmentKind
	Status    drafts.Status
	// Version is the draft version the amendment was made on, or the
	// version a line of a draft package is about.
	Version int
	Outcome Outcome
	// Note says why it was refused, or what else to know (a stale
	// amendment, an older revision kept); nil when nothing.
	Note *drafts.Error
	// Decision is, in a draft package, the federation's current decision
	// on one of this laptop's own amendments.
	Decision *drafts.Decision
}

// A Report says what one import did.
type Report struct {
	File    string
	Package *Package
	Lines   []Line
	// Decisions counts the entries of the federation's log that came in.
	Decisions int
	// Seen is the record of the same package taken in before: nothing
	// was written again.
	Seen *drafts.PackageRecord
	// Older is set when nothing came in and the package is older than the
	// last from its signer: a replay, not recorded.
	Older bool
	// Written says whether the store was written to; Backup names the
	// automatic backup made before.
	Written bool
	Backup  string
}

// Count counts the lines of outcome o.
func (r *Report) Count(o Outcome) int {
	n := 0
	for _, l := range r.Lines {
		if l.Outcome == o {
			n++
		}
	}
	return n
}

var (
	msgOwnPackage = drafts.NewMessage("exchange.own-package",
		"this package was made on this laptop (with its own key): it is for the other side")
	msgForFederation = drafts.NewMessage("exchange.for-federation",
		"this package holds the amendments of %s for the federation: import it on the federation's laptop")
	msgForChambers = drafts.NewMessage("exchange.for-chambers",
		"this package holds a draft sent by the federation, for the chambers: the federation's laptop does not import it")
	msgNoIdentity = drafts.NewMessage("exchange.no-identity",
		"this laptop has no key pair yet: choose its role first; the federation's laptop takes in the chambers' amendments")
	msgUnknownKey = drafts.NewMessage("exchange.unknown-key",
		"the package says it comes from %s, signed with a key not registered here (fingerprint %s): compare this fingerprint with %s (by phone), then register the key")
	msgClaims = drafts.NewMessage("exchange.claims-other",
		"the package says it comes from %s but is signed with the key of %s: it is refused")
	msgWrongKey = drafts.NewMessage("exchange.wrong-key",
		"the package says it comes from %s but is not signed with its registered key (fingerprint %s, registered %s): if %s has a new laptop, register its new key deliberately")
	msgOldKey = drafts.NewMessage("exchange.old-key",
		"the package is signed with a key of %s that was replaced on %s: it is refused; ask %s for a package made with its current key")
	msgOtherDraft = drafts.NewMessage("exchange.other-draft",
		"the package amends draft %s, which this laptop does not hold: it is for another draft")
	msgAhead = drafts.NewMessage("exchange.ahead",
		"the package was made on version %d of draft %s, and this laptop holds versions up to %d only: import the federation's newer draft first")
	msgDraftDiffers = drafts.NewMessage("exchange.draft-differs",
		"version %d of draft %s on this laptop is not the one the federation sent: this package cannot be taken in here")
	msgNoTarget = drafts.NewMessage("exchange.no-target",
		"version %d of the draft has no article «%s» with the text the amendment was made on")
	msgNotSame = drafts.NewMessage("exchange.not-same",
		"an amendment %s was received before with other content: the one already here is kept")
	msgOlderRevision = drafts.NewMessage("exchange.older-revision",
		"this laptop has a newer revision of it (%s): kept")
	msgStale = drafts.NewMessage("exchange.stale",
		"made on version %d of the draft, which is now at version %d")
	msgDecidedKept = drafts.NewMessage("exchange.decided-kept",
		"withdrawn by its chamber, but the federation decided on it already (%s): it stays submitted and decided")
)

// Import verifies the package data (named name, for the record) and takes
// what it brings into s: in one write, after the store's automatic backup,
// or not at all. It returns what became of each amendment. The package is
// refused whole (an error, nothing written) when it is not a package, was
// altered, is signed by a key not registered for the role it claims, is
// not for this laptop (a chamber's amendments go to the federation, the
// federation's draft to the chambers), or is for a draft or version this
// laptop cannot take it on. Within a sound package, an amendment that
// cannot be taken is refused on its own line, and the rest comes in.
// Importing the same package again, or an older one, changes nothing.
func Import(s drafts.Store, data []byte, name string) (*Report, error) {
	return (&Importer{Store: s}).Import(data, name)
}

// An Importer takes several packages into one store (the files of a
// watched folder, or several chosen at once), each as Import does, in its
// own transaction, but with one automatic backup, made before the first
// that writes: it holds the store as it was before any of them.
type Importer struct {
	Store  drafts.Store
	backup string // the backup made, once made
}

// Import takes one package in; see the package function Import.
func (im *Importer) Import(data []byte, name string) (*Report, error) {
	s := im.Store
	p, err := Read(data)
	if err != nil {
		return nil, err
	}
	id, err := s.Identity()
	if err != nil && !drafts.IsKind(err, drafts.NotFound) {
		return nil, err
	}
	if id != nil && drafts.SameKey(id.Public, p.Key) {
		return nil, msgOwnPackage.Err(drafts.Invalid)
	}
	switch {
	case p.Kind == KindAmendments && id == nil:
		return nil, msgNoIdentity.Err(drafts.Forbidden)
	case p.Kind == KindAmendments && id.Role != drafts.FederationCode:
		return nil, msgForFederation.Err(drafts.Forbidden, p.From)
	case p.Kind == KindDraft && id != nil && id.Role == drafts.FederationCode:
		return nil, msgForChambers.Err(drafts.Forbidden)
	}
	if err := checkSigner(s, p); err != nil {
		return nil, err
	}
	rep := &Report{File: name, Package: p}
	if rec, err := s.Package(p.ID); err == nil {
		rep.Seen = rec
	} else if !drafts.IsKind(err, drafts.NotFound) {
		return nil, err
	}
	r := &drafts.Receipt{Package: drafts.PackageRecord{
		ID: p.ID, Kind: p.Kind, From: p.From, Key: p.Key, Made: p.Made,
		DraftID: p.DraftID, Version: p.Version, File: name,
	}}
	switch p.Kind {
	case KindDraft:
		err = takeDraft(s, p, id, r, rep)
	default:
		err = takeAmendments(s, p, r, rep)
	}
	if err != nil {
		return nil, err
	}
	r.Package.New, r.Package.Updated = rep.Count(New), rep.Count(Updated)
	r.Package.Unchanged, r.Package.Refused = rep.Count(Unchanged), rep.Count(Refused)
	changes := len(r.Drafts)+len(r.New)+len(r.Withdraw)+len(r.Decisions) > 0
	if rep.Seen != nil {
		if changes {
			// Taken in before, and yet it would change something: what
			// it brought was changed here since (a restored backup).
			// It comes in again under its record as it was.
			rep.Seen = nil
		} else {
			return rep, nil
		}
	}
	if !changes {
		newer, err := newerThanLast(s, p)
		if err != nil {
			return nil, err
		}
		if !newer {
			rep.Older = true
			return rep, nil
		}
	}
	if im.backup == "" {
		if im.backup, err = s.Backup(); err != nil {
			return nil, err
		}
	}
	rep.Backup = im.backup
	if err := s.Receive(r); err != nil {
		return nil, err
	}
	rep.Written = true
	return rep, nil
}

// checkSigner checks the package's key against the register: it must be
// the current key of the role the package claims.
func checkSigner(s drafts.Store, p *Package) error {
	reg, err := s.Register()
	if err != nil {
		return err
	}
	cur := drafts.CurrentKeys(reg)
	for _, k := range cur {
		if drafts.SameKey(k.Public, p.Key) && k.Role != p.From {
			return msgClaims.Err(drafts.Forbidden, p.From, k.Role)
		}
	}
	if k, ok := cur[p.From]; ok && drafts.SameKey(k.Public, p.Key) {
		return nil
	}
	for _, k := range reg {
		if drafts.SameKey(k.Public, p.Key) {
			replaced := cur[k.Role].At
			return msgOldKey.Err(drafts.Forbidden, k.Role, replaced.Local().Format(time.DateTime), k.Role)
		}
	}
	if k, ok := cur[p.From]; ok {
		return msgWrongKey.Err(drafts.Forbidden, p.From, keys.Fingerprint(k.Public), k.At.Local().Format(time.DateOnly), p.From)
	}
	return msgUnknownKey.Err(drafts.Forbidden, p.From, keys.Fingerprint(p.Key), p.From)
}

// IsUnknownKey reports the refusal of a package signed by a key that is
// not registered for any role: the one a person may settle by comparing
// fingerprints and registering the key (Signer, Trust).
func IsUnknownKey(err error) bool {
	e, ok := err.(*drafts.Error)
	return ok && e.ID == msgUnknownKey.ID
}

// IsStale reports the note of an amendment made on an older version of
// the draft than the latest: its line is flagged.
func IsStale(note error) bool {
	e, ok := note.(*drafts.Error)
	return ok && e != nil && e.ID == msgStale.ID
}

// newerThanLast reports whether p was made after the last package taken
// in from its signer.
func newerThanLast(s drafts.Store, p *Package) (bool, error) {
	recs, err := s.Packages()
	if err != nil {
		return false, err
	}
	for _, rec := range recs {
		if rec.From == p.From && !rec.Made.Before(p.Made) {
			return false, nil
		}
	}
	return true, nil
}

// takeAmendments sorts a chamber's amendments into the receipt.
func takeAmendments(s drafts.Store, p *Package, r *drafts.Receipt, rep *Report) error {
	latest, err := s.Draft(p.DraftID)
	if drafts.IsKind(err, drafts.NotFound) {
		return msgOtherDraft.Err(drafts.NotFound, p.DraftID)
	}
	if err != nil {
		return err
	}
	if p.Version > latest.Version {
		return msgAhead.Err(drafts.Conflict, p.Version, p.DraftID, latest.Version)
	}
	log, err := s.Decisions(drafts.DecisionFilter{DraftID: p.DraftID})
	if err != nil {
		return err
	}
	decided := drafts.CurrentDecisions(log)
	versions := map[int]*drafts.Draft{latest.Version: latest}
	version := func(v int) (*drafts.Draft, error) {
		if d, ok := versions[v]; ok {
			return d, nil
		}
		d, err := s.DraftVersion(p.DraftID, v)
		if drafts.IsKind(err, drafts.NotFound) {
			d, err = nil, nil
		}
		versions[v] = d
		return d, err
	}
	// The chamber's amendments already here, read at once rather than
	// one by one: a package holds thousands.
	have, err := s.Amendments(drafts.AmendmentFilter{DraftID: p.DraftID, Chamber: p.From})
	if err != nil {
		return err
	}
	stored := make(map[string]*drafts.Amendment, len(have))
	for i := range have {
		stored[have[i].ID] = &have[i]
	}
	for i := range p.Amendments {
		it := &p.Amendments[i]
		l := line(it)
		// IDs start with their chamber's code (Read checks it), so no
		// other chamber's amendment has this one's.
		st := stored[it.ID]
		switch {
		case st == nil:
			d, err := version(it.DraftVersion)
			if err != nil {
				return err
			}
			if l.Note = fits(d, it); l.Note == nil {
				l.Outcome = New
				a := it.Amendment
				r.New = append(r.New, &a)
				if it.DraftVersion < latest.Version {
					l.Note = msgStale.Err(drafts.Invalid, it.DraftVersion, latest.Version)
				}
			}
		default:
			l.Outcome, l.Note = compare(st, it, decided)
			if l.Outcome == Updated {
				a := it.Amendment
				r.Withdraw = append(r.Withdraw, &a)
			}
		}
		rep.Lines = append(rep.Lines, l)
	}
	return nil
}

// line starts the report's line on it, refused until found fit.
func line(it *Item) Line {
	return Line{Amendment: it.ID, Chamber: it.Chamber, Article: it.Article, Kind: it.Kind,
		Status: it.Status, Version: it.DraftVersion, Outcome: Refused}
}

// fits says why amendment it cannot be stored on version d of its draft
// (nil when it can): it fails Validate, or d has no such article with the
// text it was made on.
func fits(d *drafts.Draft, it *Item) *drafts.Error {
	if err := it.Validate(); err != nil {
		if e, ok := err.(*drafts.Error); ok {
			return e
		}
		return drafts.Errorf(drafts.Invalid, "%v", err)
	}
	var art *drafts.Article
	if d != nil {
		art = d.Article(it.Article)
	}
	if art == nil || it.BaseHash != "" && art.TextHash() != it.BaseHash {
		return msgNoTarget.Err(drafts.Invalid, it.DraftVersion, drafts.Visible(it.Article))
	}
	return nil
}

// compare says what a package's revision of a stored amendment changes.
func compare(stored *drafts.Amendment, it *Item, decided map[string]*drafts.Decision) (Outcome, *drafts.Error) {
	if !sameContent(stored, &it.Amendment) {
		return Refused, msgNotSame.Err(drafts.Conflict, stored.ID)
	}
	have := Revision(stored.Status)
	switch {
	case have > it.Revision:
		return Unchanged, msgOlderRevision.Err(drafts.Invalid, stored.Status)
	case have == it.Revision:
		return Unchanged, nil
	}
	if d := decided[stored.ID]; d != nil {
		return Refused, msgDecidedKept.Err(drafts.Conflict, d.Verdict)
	}
	return Updated, nil
}

// sameContent reports whether two records of one amendment say the same,
// their status and times of change aside.
func sameContent(a, b *drafts.Amendment) bool {
	return a.ID == b.ID && a.DraftID == b.DraftID && a.DraftVersion == b.DraftVersion &&
		a.BaseHash == b.BaseHash && a.Article == b.Article && a.Kind == b.Kind &&
		a.NewNumber == b.NewNumber && a.Text == b.Text && a.Justification == b.Justification &&
		a.Chamber == b.Chamber && a.Author == b.Author && a.Created.Equal(b.Created)
}

// takeDraft sorts the federation's draft package into the receipt: the
// versions this laptop lacks, the federation's amendments, and the log's
// entries it lacks.
func takeDraft(s drafts.Store, p *Package, id *drafts.Identity, r *drafts.Receipt, rep *Report) error {
	for i := range p.Drafts {
		d := &p.Drafts[i]
		l := Line{Version: d.Version, Outcome: New}
		have, err := s.DraftVersion(d.ID, d.Version)
		switch {
		case drafts.IsKind(err, drafts.NotFound):
			r.Drafts = append(r.Drafts, d)
		case err != nil:
			return err
		case !sameDraft(have, d):
			return msgDraftDiffers.Err(drafts.Conflict, d.Version, d.ID)
		default:
			l.Outcome = Unchanged
		}
		rep.Lines = append(rep.Lines, l)
	}
	for i := range p.Amendments {
		it := &p.Amendments[i]
		l := line(it)
		stored, err := s.Amendment(it.ID)
		switch {
		case drafts.IsKind(err, drafts.NotFound):
			if l.Note = fits(&p.Drafts[it.DraftVersion-1], it); l.Note == nil {
				l.Outcome = New
				a := it.Amendment
				r.New = append(r.New, &a)
			}
		case err != nil:
			return err
		default:
			l.Outcome, l.Note = compare(stored, it, nil)
		}
		if l.Note != nil && l.Outcome == Unchanged {
			l.Note = nil
		}
		rep.Lines = append(rep.Lines, l)
	}
	count, err := s.DecisionCount()
	if err != nil {
		return err
	}
	if int(count) < len(p.Decisions) {
		r.Decisions = p.Decisions[count:]
		rep.Decisions = len(r.Decisions)
	}
	if id == nil || len(p.Decisions) == 0 {
		return nil
	}
	// What became of this laptop's own amendments.
	// Withdrawn ones too: a chamber may have withdrawn, offline, what the
	// federation had decided meanwhile; the decision stands.
	own, err := s.Amendments(drafts.AmendmentFilter{DraftID: p.DraftID, Chamber: id.Role})
	if err != nil {
		return err
	}
	current := drafts.CurrentDecisions(p.Decisions)
	for _, a := range own {
		if d := current[a.ID]; d != nil && a.Status != drafts.StatusDraft {
			rep.Lines = append(rep.Lines, Line{Amendment: a.ID, Chamber: a.Chamber, Article: a.Article,
				Kind: a.Kind, Status: a.Status, Version: a.DraftVersion, Outcome: Decided, Decision: d})
		}
	}
	return nil
}

// sameDraft reports whether two records of one draft version say the
// same.
func sameDraft(a, b *drafts.Draft) bool {
	x, y := *a, *b
	x.Imported, y.Imported = x.Imported.UTC(), y.Imported.UTC()
	ja, err1 := json.Marshal(&x)
	jb, err2 := json.Marshal(&y)
	return err1 == nil && err2 == nil && bytes.Equal(ja, jb)
}

// Last maps each role to the latest package taken in from it.
func Last(s drafts.Store) (map[string]drafts.PackageRecord, error) {
	recs, err := s.Packages()
	if err != nil {
		return nil, err
	}
	last := map[string]drafts.PackageRecord{}
	for _, rec := range recs {
		if l, ok := last[rec.From]; !ok || rec.Made.After(l.Made) {
			last[rec.From] = rec
		}
	}
	return last, nil
}

// Roles lists the roles of a map of Last, in the order of drafts.Parties.
func Roles(last map[string]drafts.PackageRecord) []string {
	var roles []string
	for _, c := range drafts.Parties() {
		if _, ok := last[c.Code]; ok {
			roles = append(roles, c.Code)
		}
	}
	return slices.Clip(roles)
}
