// Package round holds the rules of an amendment round, once for the desktop
// app and statutectl alike: a chamber proposes amendments to the articles
// of a draft, edits and deletes its drafts, submits them to the federation
// and may withdraw what it submitted; each chamber sees its own amendments,
// and the federation every submitted one.
//
// Every operation checks who asks and the amendment's state, then stores
// it through a drafts.Store in one write. The store keeps its own
// invariants whoever calls it (a submitted amendment is locked); this
// package adds the rules a person is told about: a number already taken,
// a submission that changes nothing or gives no reason. Each refusal is a
// *drafts.Error of one kind per outcome, with a sentence that says what to
// do, under a stable message ID for translation.
//
// The federation decides on submitted amendments (Decide): each decision
// is an entry of the store's append-only decision log, and a revision is a
// later entry; a decided amendment stays submitted and can no longer be
// withdrawn. The operations of the round's later stages (consolidation,
// exports, packages between laptops) belong here too, so that no
// front-end holds a rule of its own.
package round

import (
	"slices"
	"strings"

	"statute/drafts"
	"statute/drafts/parse"
	"statute/drafts/renumber"
)

// The sentences this package says.
var (
	msgNotYours = drafts.NewMessage("round.not-yours",
		"amendment %s belongs to the chamber %s: only that chamber can change, submit, withdraw or delete it")
	msgNotYoursNew = drafts.NewMessage("round.not-yours-new",
		"the chamber %s cannot write an amendment in the name of the chamber %s: each chamber proposes its own")
	msgNoArticle = drafts.NewMessage("round.no-article",
		"the draft has no article «%s»: check the article's number")
	msgNumberIsArticle = drafts.NewMessage("round.number-is-article",
		"the draft already has an article %s: choose another number for the new article")
	msgNumberProposed = drafts.NewMessage("round.number-proposed",
		"your chamber already proposes a new article %s (amendment %s): choose another number, or change that amendment")
	msgUnchanged = drafts.NewMessage("round.unchanged",
		"the proposed wording is the same as the current text of article %s: change it before submitting, or propose nothing")
	msgNoJustification = drafts.NewMessage("round.no-justification",
		"the justification is empty: say why your chamber proposes this amendment before submitting it")
	msgAlreadySubmitted = drafts.NewMessage("round.already-submitted",
		"amendment %s is already submitted")
	msgNotSubmitted = drafts.NewMessage("round.not-submitted",
		"amendment %s is %s, not submitted: only a submitted amendment can be withdrawn")
	msgNotDeletable = drafts.NewMessage("round.not-deletable",
		"amendment %s has been %s: it stays on record and cannot be deleted; withdraw it instead")
	msgNoDraft = drafts.NewMessage("round.no-draft",
		"the database holds no draft yet: import one first")
	msgSampleBroken = drafts.NewMessage("round.sample-broken",
		"the embedded sample draft does not parse")
)

// Round is the amendment round kept in one store.
type Round struct {
	store    drafts.Store
	places   places   // where each earlier version's articles are in a later one
	versions versions // the earlier versions read last
	logs     logs     // the decision log read last
	key      session  // the laptop's key, once unlocked (keys.go)
}

// New returns the round kept in s.
func New(s drafts.Store) *Round { return &Round{store: s} }

// Store is the store the round is kept in, for reading.
func (r *Round) Store() drafts.Store { return r.store }

// Seed stores sample (a draft in Markdown) when the store holds no draft
// yet, and says whether it did: a new database opens on the sample, so
// that a first start shows a statute to work on. A store that holds
// drafts is only listed (no draft is read), so seeding costs nothing on
// later starts.
func (r *Round) Seed(sample []byte) (bool, error) {
	infos, err := r.store.Drafts()
	if err != nil || len(infos) > 0 {
		return false, err
	}
	d, err := parse.Parse(sample, parse.Options{Source: "sample-draft.md"})
	if err != nil {
		return false, msgSampleBroken.Wrap(drafts.Internal, err)
	}
	if err := r.store.AddDraft(d); err != nil {
		return false, err
	}
	return true, nil
}

// Import stores d as a new draft, or as the next version of the draft
// d.ID names, after an automatic backup of the store: what was there
// before can always be had back. The errors are the store's Backup's and
// AddDraft's.
func (r *Round) Import(d *drafts.Draft) error {
	if _, err := r.store.Backup(); err != nil {
		return err
	}
	return r.store.AddDraft(d)
}

var (
	msgNothingToRenumber = drafts.NewMessage("renumber.nothing", "draft %s is already numbered 1 to %d, its references in place: there is nothing to renumber")
	msgRenumberStale     = drafts.NewMessage("renumber.stale", "draft %s has a version %d newer than the version %d the renumbering was planned on: plan it again")
)

// Renumber makes the renumbered draft p planned the next version of its
// draft, after an automatic backup (Import), and sets that draft's
// version. Invalid: the plan changes
// nothing. Conflict: a newer version of the draft was stored since the
// plan was made from version p.Base.
func (r *Round) Renumber(p *renumber.Plan) error {
	d := p.Draft
	if !p.Changes() {
		return msgNothingToRenumber.Err(drafts.Invalid, d.ID, len(d.Articles))
	}
	latest, err := r.store.Draft(d.ID)
	if err != nil {
		return err
	}
	if latest.Version != p.Base {
		return msgRenumberStale.Err(drafts.Conflict, d.ID, latest.Version, p.Base)
	}
	return r.Import(d)
}

// Latest returns the latest version of the draft imported last.
// NotFound: the store holds no draft yet.
func (r *Round) Latest() (*drafts.Draft, error) {
	d, err := r.store.LatestDraft()
	if drafts.IsKind(err, drafts.NotFound) {
		return nil, msgNoDraft.Err(drafts.NotFound)
	}
	return d, err
}

// Visible is the filter of the amendments to draft id that viewer may
// see: a chamber its own, the federation its own and every submitted one.
func Visible(viewer drafts.Chamber, draftID string) drafts.AmendmentFilter {
	return drafts.AmendmentFilter{DraftID: draftID, Viewer: viewer.Code}
}

// Blank is a new amendment by chamber `by` to article art of d: new
// wording, not yet written, as a draft. Fill in its kind and texts, then
// Save or Submit it.
func Blank(by drafts.Chamber, d *drafts.Draft, art *drafts.Article) *drafts.Amendment {
	return &drafts.Amendment{
		DraftID: d.ID, DraftVersion: d.Version, BaseHash: art.TextHash(), Article: art.Key,
		Kind: drafts.Wording, Chamber: by.Code, Status: drafts.StatusDraft,
	}
}

// Check says what stands in the way of storing a as chamber by's draft of
// an amendment to d, or nil; submitting adds what a submission needs.
// Invalid: a fails Validate, names no article of d, or (submitting) changes
// nothing or gives no justification. Conflict: its new article's number is
// taken by an article of d or by another of the chamber's proposals.
// Forbidden: a is another chamber's. The wording is checked as it would
// be stored, its paragraphs normalized (see Save).
func (r *Round) Check(by drafts.Chamber, d *drafts.Draft, a *drafts.Amendment, submitting bool) error {
	return r.check(by, d, a, submitting, nil)
}

// check is Check for an amendment that will take the place of the
// amendments replacing names: a new article's number they propose is not
// taken by them.
func (r *Round) check(by drafts.Chamber, d *drafts.Draft, a *drafts.Amendment, submitting bool, replacing []string) error {
	if a.Chamber != by.Code {
		return msgNotYoursNew.Err(drafts.Forbidden, by.Code, a.Chamber)
	}
	if n := drafts.NormalizeParagraphs(a.Text); n != a.Text {
		b := *a
		b.Text = n
		a = &b
	}
	if err := a.Validate(); err != nil {
		return err
	}
	art := d.Article(a.Article)
	if art == nil {
		return msgNoArticle.Err(drafts.Invalid, a.Article)
	}
	if a.Kind == drafts.Insert {
		if err := r.checkNumber(d, a, replacing); err != nil {
			return err
		}
	}
	if !submitting {
		return nil
	}
	if a.Kind == drafts.Wording && sameWords(a.Text, art.Text()) {
		return msgUnchanged.Err(drafts.Invalid, art.Number)
	}
	if strings.TrimSpace(a.Justification) == "" {
		return msgNoJustification.Err(drafts.Invalid)
	}
	return nil
}

// checkNumber refuses a new article's number that d already has, or that
// another live proposal of the same chamber already proposes.
func (r *Round) checkNumber(d *drafts.Draft, a *drafts.Amendment, replacing []string) error {
	key, err := parse.Key(a.NewNumber)
	if err != nil {
		return err
	}
	if d.Article(key) != nil {
		return msgNumberIsArticle.Err(drafts.Conflict, a.NewNumber)
	}
	mine, err := r.store.Amendments(drafts.AmendmentFilter{DraftID: d.ID, Chamber: a.Chamber})
	if err != nil {
		return err
	}
	for i := range mine {
		o := &mine[i]
		if o.ID == a.ID || o.Kind != drafts.Insert || o.Status == drafts.StatusWithdrawn || slices.Contains(replacing, o.ID) {
			continue
		}
		if k, err := parse.Key(o.NewNumber); err == nil && k == key {
			return msgNumberProposed.Err(drafts.Conflict, a.NewNumber, o.ID)
		}
	}
	return nil
}

// sameWords reports whether two wordings read the same, spacing aside.
func sameWords(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

// Save stores a as chamber by's draft amendment to d: a new one when a.ID
// is empty (a.ID is then set), else the stored draft it names, replaced.
// Its wording is stored with its paragraphs separated by exactly one line
// break and trimmed, as an article's are (drafts.NormalizeParagraphs): a
// wording written with blank lines between paragraphs, as the draft itself
// is, is stored as the same paragraphs; a.Text is set to what was stored.
// The errors are Check's, and the store's: NotFound (no such stored
// amendment), Conflict (the stored one is no longer a draft).
func (r *Round) Save(by drafts.Chamber, d *drafts.Draft, a *drafts.Amendment) error {
	return r.write(by, d, a, false)
}

// Submit stores a, new or a stored draft, and submits it in the same
// write: it is then locked, and the federation sees it. The errors are
// Save's, and Check's for a submission.
func (r *Round) Submit(by drafts.Chamber, d *drafts.Draft, a *drafts.Amendment) error {
	return r.write(by, d, a, true)
}

func (r *Round) write(by drafts.Chamber, d *drafts.Draft, a *drafts.Amendment, submit bool) error {
	if err := r.mayAct(by); err != nil {
		return err
	}
	if a.ID != "" {
		if _, err := r.owned(by, a.ID); err != nil {
			return err
		}
	}
	b, err := r.checked(by, d, a, submit)
	if err != nil {
		return err
	}
	if b.ID == "" {
		err = r.store.AddAmendments(&b)
	} else {
		err = r.store.UpdateAmendment(&b)
	}
	if err != nil {
		return err
	}
	*a = b
	return nil
}

// checked is a as Save (or, submitting, Submit) stores it, its wording's
// paragraphs normalized and its status set, once Check finds nothing in
// the way (a synthesis taking the place of the amendments replacing:
// check).
func (r *Round) checked(by drafts.Chamber, d *drafts.Draft, a *drafts.Amendment, submit bool, replacing ...string) (drafts.Amendment, error) {
	b := *a
	b.Status = drafts.StatusDraft
	b.Text = drafts.NormalizeParagraphs(b.Text)
	if b.Kind == drafts.Insert {
		// The number as an article's heading will carry it: «المادة 2
		// مكررة» typed whole would head the new article «المادة المادة 2
		// مكررة». A number that does not read is refused by Check.
		if n, err := parse.Number(b.NewNumber); err == nil {
			b.NewNumber = n
		}
	}
	if err := r.check(by, d, &b, submit, replacing); err != nil {
		return b, err
	}
	if submit {
		b.Status = drafts.StatusSubmitted
	}
	return b, nil
}

// SubmitStored submits chamber by's stored draft amendment id.
// NotFound: no amendment has that ID. Forbidden: it is another chamber's.
// Conflict: it is no longer a draft. Invalid: as Check for a submission.
func (r *Round) SubmitStored(by drafts.Chamber, id string) (*drafts.Amendment, error) {
	a, err := r.owned(by, id)
	if err != nil {
		return nil, err
	}
	if a.Status != drafts.StatusDraft {
		if a.Status == drafts.StatusSubmitted {
			return nil, msgAlreadySubmitted.Err(drafts.Conflict, a.ID)
		}
		return nil, drafts.Locked(a.ID, a.Status)
	}
	d, err := r.store.DraftVersion(a.DraftID, a.DraftVersion)
	if err != nil {
		return nil, err
	}
	if err := r.Submit(by, d, a); err != nil {
		return nil, err
	}
	return a, nil
}

// Withdraw takes back chamber by's submitted amendment id: it stays on
// record as withdrawn, locked, and the federation sees that. NotFound: no
// amendment has that ID. Forbidden: it is another chamber's. Conflict: it
// is not submitted, or the federation has decided on it (the store's
// SetStatus).
func (r *Round) Withdraw(by drafts.Chamber, id string) (*drafts.Amendment, error) {
	a, err := r.owned(by, id)
	if err != nil {
		return nil, err
	}
	if a.Status != drafts.StatusSubmitted {
		return nil, msgNotSubmitted.Err(drafts.Conflict, a.ID, a.Status)
	}
	return r.store.SetStatus(a.ID, drafts.StatusSubmitted, drafts.StatusWithdrawn)
}

// Delete removes chamber by's draft amendment id; what was submitted stays
// on record (withdraw it instead). NotFound: no amendment has that ID.
// Forbidden: it is another chamber's. Conflict: it is no longer a draft.
func (r *Round) Delete(by drafts.Chamber, id string) error {
	a, err := r.owned(by, id)
	if err != nil {
		return err
	}
	if a.Status != drafts.StatusDraft {
		return msgNotDeletable.Err(drafts.Conflict, a.ID, a.Status)
	}
	return r.store.DeleteAmendment(a.ID)
}

// OwnerOf is the chamber that owns the stored amendment id. NotFound: no
// amendment has that ID.
func (r *Round) OwnerOf(id string) (drafts.Chamber, error) {
	a, err := r.store.Amendment(drafts.NormalizeID(id))
	if err != nil {
		return drafts.Chamber{}, err
	}
	return drafts.ChamberByCode(a.Chamber)
}

// owned reads the stored amendment id and checks that chamber by owns it.
func (r *Round) owned(by drafts.Chamber, id string) (*drafts.Amendment, error) {
	if err := r.mayAct(by); err != nil {
		return nil, err
	}
	a, err := r.store.Amendment(drafts.NormalizeID(id))
	if err != nil {
		return nil, err
	}
	if a.Chamber != by.Code {
		return nil, msgNotYours.Err(drafts.Forbidden, a.ID, a.Chamber)
	}
	return a, nil
}
