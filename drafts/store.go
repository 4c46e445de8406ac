package drafts

import (
	"slices"
	"time"
)

// AmendmentFilter selects amendments; an empty field matches all.
type AmendmentFilter struct {
	DraftID string
	Article string // an article key
	Chamber string // the owner's chamber code
	Status  Status
	// Viewer, a chamber code, keeps only what that chamber may see
	// (MaySee): its own, and for the federation every submitted one.
	Viewer string
	// Version keeps only the amendments made on that version of the draft
	// (their DraftVersion); 0 keeps every version's. With Article, it
	// names that version's article of that key.
	Version int
}

// Match reports whether a passes the filter.
func (f AmendmentFilter) Match(a *Amendment) bool {
	return (f.DraftID == "" || a.DraftID == f.DraftID) &&
		(f.Article == "" || a.Article == f.Article) &&
		(f.Version == 0 || a.DraftVersion == f.Version) &&
		f.MatchOwner(a.Chamber, a.Status)
}

// MatchOwner is the part of Match that needs only an amendment's chamber
// and status, so that a store can filter from an index.
func (f AmendmentFilter) MatchOwner(chamber string, st Status) bool {
	return (f.Chamber == "" || chamber == f.Chamber) &&
		(f.Status == "" || st == f.Status) &&
		(f.Viewer == "" || MaySee(f.Viewer, chamber, st))
}

// A StoreLocation says where a store keeps its data (a file) and its
// automatic backups (a folder).
type StoreLocation struct {
	File, Backups string
}

// A BackupInfo describes one automatic backup of a store.
type BackupInfo struct {
	Path string
	Made time.Time
	Size int64
}

// A StoreReport says what a verification of the store read.
type StoreReport struct {
	Drafts, Versions, Articles, Amendments, Decisions int
}

// DecisionFilter selects entries of the decision log; an empty field
// matches all.
type DecisionFilter struct {
	DraftID string
	// Amendment keeps the entries that decide that amendment or name it
	// among those a synthesis replaces.
	Amendment string
}

// Match reports whether d passes the filter.
func (f DecisionFilter) Match(d *Decision) bool {
	return (f.DraftID == "" || d.DraftID == f.DraftID) &&
		(f.Amendment == "" || d.Amendment == f.Amendment || slices.Contains(d.Replaces, f.Amendment))
}

// Store keeps drafts, their versions, their amendments and the decision
// log. Every method
// returns *Error values; the kinds named below are the ones a caller is
// expected to handle, and any other failure is Internal. A method that fails
// changes nothing.
type Store interface {
	// AddDraft stores d as a new draft, or, when d.ID names a stored draft,
	// as its next version. It sets d.ID, d.Version and d.Imported.
	// Invalid: d has no articles, or two articles share a key.
	AddDraft(d *Draft) error
	// Drafts lists the stored drafts (their latest versions), oldest first.
	Drafts() ([]DraftInfo, error)
	// Draft returns the latest version of a draft. NotFound: no such draft.
	Draft(id string) (*Draft, error)
	// DraftVersion returns one version of a draft. NotFound: no such
	// draft or version.
	DraftVersion(id string, version int) (*Draft, error)
	// LatestDraft returns the latest version of the draft imported last.
	// NotFound: the store holds no draft.
	LatestDraft() (*Draft, error)

	// AddAmendments stores new amendments, all or none, giving each an ID
	// where it has none. Invalid: one fails Validate, or its draft version
	// has no such target article. NotFound: its draft does not exist.
	// Conflict: its ID is already stored.
	AddAmendments(as ...*Amendment) error
	// UpdateAmendment replaces a stored draft amendment's content, and
	// may submit it in the same write (a.Status submitted). NotFound: no
	// amendment has that ID. Conflict: the stored one is no longer a
	// draft, and so locked. Invalid: as for AddAmendments.
	UpdateAmendment(a *Amendment) error
	// SetStatus moves a stored amendment from status from to status to,
	// leaving its content as it is, and returns it as stored. NotFound: no
	// amendment has that ID. Conflict: its status is not from (it moved
	// meanwhile), CanMove does not allow the move, or the amendment has
	// been decided (an entry of the decision log names it): a decision is
	// not undone by withdrawing what it decided.
	SetStatus(id string, from, to Status) (*Amendment, error)
	// DeleteAmendment removes a draft amendment. NotFound: no amendment
	// has that ID. Conflict: it is no longer a draft: what was submitted
	// stays on record.
	DeleteAmendment(id string) error
	// Amendment returns one amendment. NotFound: no amendment has that ID.
	Amendment(id string) (*Amendment, error)
	// Amendments returns the amendments that pass f, in the order of their
	// target articles in the draft and, for one article, oldest first.
	Amendments(f AmendmentFilter) ([]Amendment, error)
	// AmendmentCounts counts the amendments that pass f by the key of
	// their target article, without reading them: an outline of a round
	// of thousands needs the counts, not the texts.
	AmendmentCounts(f AmendmentFilter) (map[string]int, error)

	// AppendDecision adds d to the end of the decision log, in one write
	// that also checks the amendments it names, so that no decision is
	// recorded on an amendment that moved meanwhile. It sets d.Seq (the
	// next number), d.ID, d.DraftID and d.DraftVersion (the decided
	// amendment's), d.At (now, in UTC), d.Prev (the Hash of the entry
	// before, read in the same write: writers cannot fork the chain) and
	// d.Hash; and puts the IDs and d.By in canonical form. No entry is
	// ever changed or removed: a decision is revised by a later one.
	// Forbidden: d.By is not the federation, the only one who decides.
	// NotFound: no amendment has d.Amendment's ID. Conflict: it is not
	// submitted. Invalid: d fails Validate, or an amendment it replaces
	// is not a submitted amendment of the same draft; or the log is
	// damaged. An append reads the record of the log's end, not the
	// entries before it, so that it takes the same time however long the
	// log: it finds damage at the end (an entry removed, altered or added
	// there), and the whole log is checked by Decisions and Verify.
	AppendDecision(d *Decision) error
	// AppendDecisions appends ds to the decision log in order, each as
	// AppendDecision does, in one write: all or none, so that deciding
	// several amendments at once (identical proposals) never stops
	// half-way. The errors are AppendDecision's, for the first refused.
	AppendDecisions(ds ...*Decision) error
	// AddDecided stores a, a new submitted amendment, and appends d, a
	// decision on it, to the decision log, in one write: both or neither,
	// so that no amendment is left submitted and undecided by a decision
	// that failed (the federation's synthesis that supersedes others). It
	// sets a as AddAmendments does, d.Amendment to a's ID, and d as
	// AppendDecision does. The errors are AddAmendments' for a and
	// AppendDecision's for d, and Invalid: a is not submitted.
	AddDecided(a *Amendment, d *Decision) error
	// DecisionCount returns how many entries have been appended to the
	// decision log, read without reading them: a reader that keeps the
	// log it read knows by it whether the log has grown since.
	DecisionCount() (uint64, error)
	// Decisions returns the entries of the decision log that pass f, in
	// the order they were appended. The whole log is read and checked
	// (VerifyLog) whatever f selects. Invalid: an entry cannot be read,
	// or was altered, removed or reordered, named in the error; the store
	// then refuses every write.
	Decisions(f DecisionFilter) ([]Decision, error)

	// SetIdentity makes id the laptop's current key pair; the one before,
	// if any, stays on record. Invalid: id is incomplete or names no known
	// role.
	SetIdentity(id *Identity) error
	// Identity returns the laptop's current key pair. NotFound: it has
	// none, and works as before keys existed.
	Identity() (*Identity, error)
	// Trust adds k to the register of the other sides' public keys,
	// setting k.Seq and k.At. Conflict: that key is registered already
	// (for its role or another), or k's role has a key and k.Replaces does
	// not name it: a replacement is deliberate. Invalid: k is incomplete.
	Trust(k *TrustedKey) error
	// Register returns every entry of the register of keys, in the order
	// made (CurrentKeys picks each role's current key).
	Register() ([]TrustedKey, error)
	// Packages lists the packages taken in, in the order they were.
	Packages() ([]PackageRecord, error)
	// Package returns the record of one package taken in, by its ID.
	// NotFound: it never was.
	Package(id string) (*PackageRecord, error)
	// Receive writes what a verified package brings (Receipt), in one
	// write: all of it or nothing. It sets r.Package.Took, and on each new
	// amendment what AddAmendments sets. Conflict: the package was taken
	// in before, a draft version does not follow those stored, an
	// amendment to withdraw is no longer submitted or was decided, a new
	// amendment's ID is stored already, or the log entries do not extend
	// the stored log. Invalid: as AddAmendments, or a log entry is not
	// the federation's or breaks the chain.
	Receive(r *Receipt) error

	// Verify reads the whole store and checks every record against its
	// checksum. Invalid: damage was found, named in the error; the store
	// then refuses every write.
	Verify() (StoreReport, error)

	// Backup writes a verified copy of the store where its automatic
	// backups are kept, removes those no longer kept, and returns the
	// copy's name. Invalid: the store is damaged (it is not copied as if
	// sound). Unavailable: the copy could not be written.
	Backup() (string, error)

	// Revision is a number that changes whenever anyone writes to the
	// store, this program or another beside it.
	Revision() (uint64, error)

	// Backups lists the store's automatic backups, newest first.
	Backups() ([]BackupInfo, error)

	// Location says where the store keeps its data and its automatic
	// backups, for people to find them.
	Location() StoreLocation

	// Close releases the store; its file can then be opened elsewhere.
	Close() error
}
