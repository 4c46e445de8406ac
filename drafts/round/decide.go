package round

import (
	"slices"
	"sync"

	"statute/drafts"
)

// The sentences the federation's decisions say.
var (
	msgDecideNotSubmitted = drafts.NewMessage("round.decide-not-submitted",
		"amendment %s is %s, not submitted: only a submitted amendment is decided")
	msgSynthesisNotFederation = drafts.NewMessage("round.synthesis-not-federation",
		"amendment %s is the chamber %s's: a synthesis that replaces others is an amendment the federation writes")
	msgNoAmendment = drafts.NewMessage("round.no-amendment",
		"there is no amendment %s: check its ID")
	msgReplacedMissing = drafts.NewMessage("round.replaced-missing",
		"there is no amendment %s to replace: check its ID")
	msgReplacedNotSubmitted = drafts.NewMessage("round.replaced-not-submitted",
		"amendment %s is %s, not submitted: a synthesis replaces only submitted amendments")
	msgReplacedOtherDraft = drafts.NewMessage("round.replaced-other-draft",
		"amendment %s amends another draft than the synthesis %s: a synthesis replaces amendments to its own draft")
	msgDecideApplied = drafts.NewMessage("round.decide-applied",
		"amendment %s was applied in version %d of the draft: a decision can no longer change that text; propose an amendment to the latest version instead")
)

// Decide records the federation's decision on the submitted amendment id,
// as the next entry of the decision log, and returns the entry as stored.
// A decision is revised by deciding again: the later entry is the
// current one, and the earlier stays on record. verdict is one of
// drafts.Verdicts; text is the wording the staff adopt, for an acceptance
// with changes only, stored with its paragraphs normalized as an
// amendment's are; replaces, for a supersede only, names the submitted
// amendments of the same draft that the federation's synthesis id takes
// the place of; note says why, and may be empty.
//
// Forbidden: by is not the federation, or this laptop holds a chamber's
// key, or the federation's still locked (mayAct). NotFound: no amendment has that
// ID. Conflict: it is not submitted (a draft, or withdrawn), or a
// consolidation already applied it (or, for a supersede, one it replaces)
// in a version of the draft: that version stays as it is. Invalid: the
// decision fails drafts.Decision.Validate (an acceptance with changes
// without a wording, a supersede that replaces nothing, a control
// character…), or a supersede decides on a chamber's amendment rather than
// the federation's, or replaces an amendment that is missing, not
// submitted, or of another draft.
func (r *Round) Decide(by drafts.Chamber, id string, verdict drafts.Verdict, text string, replaces []string, note string) (*drafts.Decision, error) {
	if by.Code != drafts.FederationCode {
		return nil, drafts.OnlyFederation(by.Code)
	}
	if err := r.mayAct(by); err != nil {
		return nil, err
	}
	a, err := r.amendment(id)
	if err != nil {
		return nil, err
	}
	d, err := r.decision(by, a, verdict, text, replaces, note)
	if err != nil {
		return nil, err
	}
	if err := r.notApplied(a.DraftID, append([]string{a.ID}, d.Replaces...)); err != nil {
		return nil, err
	}
	if err := r.store.AppendDecision(d); err != nil {
		return nil, err
	}
	return d, nil
}

// DecideAll records the federation's one decision on each of the
// submitted amendments ids (identical proposals, decided together), as
// Decide does, in one write: all are decided, or none is and the error
// says why the first refused was. Supersede is decided with Decide.
// The errors are Decide's.
func (r *Round) DecideAll(by drafts.Chamber, ids []string, verdict drafts.Verdict, text, note string) ([]*drafts.Decision, error) {
	if by.Code != drafts.FederationCode {
		return nil, drafts.OnlyFederation(by.Code)
	}
	if err := r.mayAct(by); err != nil {
		return nil, err
	}
	ds := make([]*drafts.Decision, len(ids))
	drafted := map[string][]string{} // the amendments decided, by draft
	for i, id := range ids {
		a, err := r.amendment(id)
		if err != nil {
			return nil, err
		}
		if ds[i], err = r.decision(by, a, verdict, text, nil, note); err != nil {
			return nil, err
		}
		drafted[a.DraftID] = append(drafted[a.DraftID], a.ID)
	}
	for draft, ids := range drafted {
		if err := r.notApplied(draft, ids); err != nil {
			return nil, err
		}
	}
	if err := r.store.AppendDecisions(ds...); err != nil {
		return nil, err
	}
	return ds, nil
}

// decision makes by's decision on amendment a, stored or about to be, and
// checks it as Decide says.
func (r *Round) decision(by drafts.Chamber, a *drafts.Amendment, verdict drafts.Verdict, text string, replaces []string, note string) (*drafts.Decision, error) {
	if a.Status != drafts.StatusSubmitted {
		return nil, msgDecideNotSubmitted.Err(drafts.Conflict, a.ID, a.Status)
	}
	d := &drafts.Decision{Amendment: a.ID, Verdict: verdict, Note: note, By: by.Code}
	if verdict == drafts.AcceptWithChanges {
		d.Text = drafts.NormalizeParagraphs(text)
	} else {
		d.Text = text
	}
	for _, rid := range replaces {
		d.Replaces = append(d.Replaces, drafts.NormalizeID(rid))
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if verdict == drafts.Supersede {
		if a.Chamber != drafts.FederationCode {
			return nil, msgSynthesisNotFederation.Err(drafts.Invalid, a.ID, a.Chamber)
		}
		for _, rid := range d.Replaces {
			o, err := r.store.Amendment(rid)
			switch {
			case drafts.IsKind(err, drafts.NotFound):
				return nil, msgReplacedMissing.Err(drafts.Invalid, drafts.Visible(rid))
			case err != nil:
				return nil, err
			case o.Status != drafts.StatusSubmitted:
				return nil, msgReplacedNotSubmitted.Err(drafts.Invalid, o.ID, o.Status)
			case o.DraftID != a.DraftID:
				return nil, msgReplacedOtherDraft.Err(drafts.Invalid, o.ID, a.ID)
			}
		}
	}
	return d, nil
}

// notApplied refuses ids, amendments of draft id, when a consolidation
// applied one of them (Conflict): its decision is spent. Only a draft
// with a consolidated version is read further than its header.
func (r *Round) notApplied(id string, ids []string) error {
	infos, err := r.store.Drafts()
	if err != nil {
		return err
	}
	i := slices.IndexFunc(infos, func(d drafts.DraftInfo) bool { return d.ID == id })
	if i < 0 || infos[i].Version < 2 {
		return nil
	}
	latest, err := r.store.Draft(id)
	if err != nil {
		return err
	}
	_, current, err := r.Log(id)
	if err != nil {
		return err
	}
	applied, err := r.appliedWith(latest, current)
	if err != nil {
		return err
	}
	for _, a := range ids {
		if v := applied[a]; v > 0 {
			return msgDecideApplied.Err(drafts.Conflict, a, v)
		}
	}
	return nil
}

// Log returns the decision log of draft id, oldest first, and each
// amendment's current decision by ID (drafts.CurrentDecisions). The round
// keeps the log it read last and reads it again only when entries were
// appended since (the store's DecisionCount): a window that shows an
// article's cards with their decisions asks at every article, and reading
// and checking a log of 10,000 entries each time took most of the switch
// to an article. The log returned is shared: it must not be changed. The
// whole log is checked when it is read (the store's Decisions), and by
// the store's Verify. The errors are the store's.
func (r *Round) Log(id string) ([]drafts.Decision, map[string]*drafts.Decision, error) {
	n, err := r.store.DecisionCount()
	if err != nil {
		return nil, nil, err
	}
	r.logs.mu.Lock()
	defer r.logs.mu.Unlock()
	if k := r.logs.kept; k != nil && k.draft == id && k.count == n {
		return k.log, k.current, nil
	}
	log, err := r.store.Decisions(drafts.DecisionFilter{DraftID: id})
	if err != nil {
		return nil, nil, err
	}
	r.logs.kept = &keptLog{draft: id, count: n, log: log, current: drafts.CurrentDecisions(log)}
	return log, r.logs.kept.current, nil
}

// logs keeps the decision log a round read last (Log).
type logs struct {
	mu   sync.Mutex
	kept *keptLog
}

type keptLog struct {
	draft   string
	count   uint64
	log     []drafts.Decision
	current map[string]*drafts.Decision
}

// History returns the entries of the decision log about amendment id,
// oldest first: those that decide it, and a supersede that replaces it.
// The last is its current decision; none means it is undecided. NotFound:
// no amendment has that ID. Invalid: the log is damaged (the store's
// Decisions).
func (r *Round) History(id string) ([]drafts.Decision, error) {
	a, err := r.amendment(id)
	if err != nil {
		return nil, err
	}
	return r.store.Decisions(drafts.DecisionFilter{Amendment: a.ID})
}

// Current returns amendment id's current decision, the last of its
// History, or nil when it is undecided. The errors are History's.
func (r *Round) Current(id string) (*drafts.Decision, error) {
	h, err := r.History(id)
	if err != nil || len(h) == 0 {
		return nil, err
	}
	return &h[len(h)-1], nil
}

// amendment reads the stored amendment id. NotFound: no amendment has that
// ID, said in a sentence the app translates.
func (r *Round) amendment(id string) (*drafts.Amendment, error) {
	id = drafts.NormalizeID(id)
	a, err := r.store.Amendment(id)
	if drafts.IsKind(err, drafts.NotFound) {
		return nil, msgNoAmendment.Wrap(drafts.NotFound, err, drafts.Visible(id))
	}
	return a, err
}
