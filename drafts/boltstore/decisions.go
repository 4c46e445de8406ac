package boltstore

import (
	"encoding/binary"
	"slices"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
)

// The decision log is the decisions bucket: each entry under its sequence
// number, as drafts.Decision.MarshalEntry writes it, sealed like every
// record. Entries are only ever added, by AppendDecision, which reads the
// whole log and checks its chain in the same write transaction before it
// links the new entry to the last: bbolt runs one write transaction at a
// time, so two writers cannot both follow the same entry.

var (
	msgDecideNotSubmitted = drafts.NewMessage("decision.not-submitted",
		"amendment %s is %s: only a submitted amendment is decided")
	msgReplacedNotFound = drafts.NewMessage("decision.replaced-not-found",
		"there is no amendment %s to replace: check its ID")
	msgReplacedNotSubmitted = drafts.NewMessage("decision.replaced-not-submitted",
		"amendment %s is %s: a synthesis replaces only submitted amendments")
	msgReplacedOtherDraft = drafts.NewMessage("decision.replaced-other-draft",
		"amendment %s amends another draft than the synthesis %s: a synthesis replaces amendments to its own draft")
	msgDecidedNotWithdrawn = drafts.NewMessage("decision.decided-not-withdrawn",
		"amendment %s has been decided (%s, entry %d of the decision log): it can no longer be withdrawn")
	msgLogCount = drafts.NewMessage("decision.log-count",
		"the decision log holds %d entries, more than the %d ever appended")
)

// AppendDecision adds d to the end of the decision log; see
// drafts.Store.AppendDecision.
func (s *Store) AppendDecision(d *drafts.Decision) error {
	if d == nil {
		return drafts.Errorf(drafts.Invalid, "no decision was given")
	}
	r := *d
	r.Amendment = drafts.NormalizeID(r.Amendment)
	r.Replaces = make([]string, len(d.Replaces))
	for i, id := range d.Replaces {
		r.Replaces[i] = drafts.NormalizeID(id)
	}
	if len(r.Replaces) == 0 {
		r.Replaces = nil
	}
	if err := r.Validate(); err != nil {
		return err
	}
	by, err := drafts.ChamberByCode(r.By)
	if err != nil {
		return err
	}
	if by.Code != drafts.FederationCode {
		return drafts.OnlyFederation(by.Code)
	}
	r.By = by.Code
	err = s.update("record the decision", func(tx *bolt.Tx) error {
		amends := tx.Bucket([]byte(bucketAmendments))
		_, a, err := s.readAmendment(amends, r.Amendment)
		if err != nil {
			return err
		}
		if a.Status != drafts.StatusSubmitted {
			return msgDecideNotSubmitted.Err(drafts.Conflict, a.ID, a.Status)
		}
		for _, id := range r.Replaces {
			_, o, err := s.readAmendment(amends, id)
			switch {
			case drafts.IsKind(err, drafts.NotFound):
				return msgReplacedNotFound.Err(drafts.Invalid, drafts.Visible(id))
			case err != nil:
				return err
			case o.Status != drafts.StatusSubmitted:
				return msgReplacedNotSubmitted.Err(drafts.Invalid, id, o.Status)
			case o.DraftID != a.DraftID:
				return msgReplacedOtherDraft.Err(drafts.Invalid, id, a.ID)
			}
		}
		log, err := s.readLog(tx)
		if err != nil {
			return err
		}
		b := tx.Bucket([]byte(bucketDecisions))
		if b == nil {
			return notOurs(s.path, errMissing("decisions bucket"))
		}
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		r.Seq, r.DraftID, r.DraftVersion, r.At, r.Prev = seq, a.DraftID, a.DraftVersion, time.Now().UTC(), drafts.GenesisPrev
		if len(log) > 0 {
			r.Prev = log[len(log)-1].Hash
		}
		r.ID = freshID("DEC", func(id string) bool {
			return slices.ContainsFunc(log, func(e drafts.Decision) bool { return e.ID == id })
		})
		r.Hash = r.Sum()
		k := u64key(seq)
		return b.Put(k, seal(k, r.MarshalEntry()))
	})
	if err != nil {
		return s.fail(err, "record the decision")
	}
	*d = r
	return nil
}

// Decisions returns the entries of the decision log that pass f, in log
// order, after reading and checking the whole log; see
// drafts.Store.Decisions.
func (s *Store) Decisions(f drafts.DecisionFilter) ([]drafts.Decision, error) {
	f.DraftID = drafts.NormalizeID(f.DraftID)
	f.Amendment = drafts.NormalizeID(f.Amendment)
	var list []drafts.Decision
	err := s.view(func(tx *bolt.Tx) error {
		log, err := s.readLog(tx)
		for i := range log {
			if f.Match(&log[i]) {
				list = append(list, log[i])
			}
		}
		return err
	})
	if err != nil {
		return nil, s.fail(err, "read the decision log")
	}
	if list == nil {
		list = []drafts.Decision{}
	}
	return list, nil
}

// readLog reads the whole decision log and checks it: each entry against
// its checksum and its form, then the chain (drafts.VerifyLog), then its
// length against the count of entries ever appended, so that the removal
// of the last entries is found too. A failure is an Invalid error naming
// the first entry at fault, and the store then refuses every write. A
// file of schema 2, open for reading only, has no log: it reads empty.
func (s *Store) readLog(tx *bolt.Tx) ([]drafts.Decision, error) {
	b := tx.Bucket([]byte(bucketDecisions))
	if b == nil {
		if s.schema < 3 {
			return nil, nil
		}
		return nil, notOurs(s.path, errMissing("decisions bucket"))
	}
	var log []drafts.Decision
	damaged := func(err error) error {
		e, ok := err.(*drafts.Error)
		if ok && (e.ID == msgDamaged.ID || e.ID == msgDamagedPages.ID) {
			return s.damage(e)
		}
		msg := err.Error()
		if ok {
			msg = e.Message
		}
		de := msgDamagedPages.Err(drafts.Invalid, s.path, msg)
		de.Err = err
		return s.damage(de)
	}
	err := b.ForEach(func(k, v []byte) error {
		if len(k) != 8 || v == nil {
			return notOurs(s.path, errMissing("decision log key"))
		}
		seq := binary.BigEndian.Uint64(k)
		body, err := s.open(k, v, func() string { return entryName(seq, v) })
		if err != nil {
			return err
		}
		e, err := drafts.ParseEntry(body)
		if err != nil {
			return err
		}
		log = append(log, e)
		return nil
	})
	if err != nil {
		return nil, damaged(err)
	}
	if err := drafts.VerifyLog(log); err != nil {
		return nil, damaged(err)
	}
	switch n := uint64(len(log)); {
	case n < b.Sequence():
		return nil, damaged(drafts.LogRemoved(n + 1))
	case n > b.Sequence():
		return nil, damaged(msgLogCount.Err(drafts.Invalid, n, b.Sequence()))
	}
	return log, nil
}

// entryName names an entry of the log in a report of damage: by its place
// in the log, and by its ID when that can still be read.
func entryName(seq uint64, v []byte) string {
	name := "entry " + strconv.FormatUint(seq, 10) + " of the decision log"
	if e, err := drafts.ParseEntry(v[:max(len(v)-sumLen, 0)]); err == nil {
		name += " (" + drafts.Visible(e.ID) + ")"
	}
	return name
}

// decidedIn returns the entry of the log that names amendment id, decided
// or replaced, latest first, or nil.
func (s *Store) decidedIn(tx *bolt.Tx, id string) (*drafts.Decision, error) {
	log, err := s.readLog(tx)
	if err != nil {
		return nil, err
	}
	return drafts.CurrentDecision(log, id), nil
}
