package boltstore

import (
	"cmp"
	"encoding/binary"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
)

// The decision log is the decisions bucket: each entry under its sequence
// number, as drafts.Decision.MarshalEntry writes it, sealed like every
// record. Entries are only ever added, by AppendDecision (or AddDecided),
// which links the new entry to the last in the same write transaction:
// bbolt runs one write transaction at a time, so two writers cannot both
// follow the same entry.
//
// The log's head, in the meta bucket (schema 4 on), records how many
// entries were appended and the Hash of the last: an append reads the
// head and the last entry, checks that they agree with each other and
// with the bucket's count of entries ever appended, and writes the new
// entry and the new head, whatever the length of the log. The whole log,
// its chain and its head are checked by every read of the log (readLog),
// and by the verification of the whole file before a Store's first write.

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
	msgLogHeadMissing = drafts.NewMessage("decision.log-head-missing",
		"the record of the decision log's last entry is missing")
	msgLogBeyondHead = drafts.NewMessage("decision.log-beyond-head",
		"entry %d of the decision log was added after the entry recorded as its last")
	msgLogHeadAltered = drafts.NewMessage("decision.log-head-altered",
		"the record of the decision log's last entry names an entry the log does not hold")
	msgLogLastAltered = drafts.NewMessage("decision.log-last-altered",
		"entry %d of the decision log (%s) was altered: it is not the last entry recorded")
	msgNewNotSubmitted = drafts.NewMessage("decision.new-not-submitted",
		"the amendment to store and decide in one write is %s: it must be submitted")
)

// prepareDecision validates d on its own and puts it in the form it is
// stored in: canonical IDs and chamber code. Forbidden: d.By is not the
// federation.
func prepareDecision(d *drafts.Decision) (drafts.Decision, error) {
	if d == nil {
		return drafts.Decision{}, drafts.Errorf(drafts.Invalid, "no decision was given")
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
		return r, err
	}
	by, err := drafts.ChamberByCode(r.By)
	if err != nil {
		return r, err
	}
	if by.Code != drafts.FederationCode {
		return r, drafts.OnlyFederation(by.Code)
	}
	r.By = by.Code
	return r, nil
}

// AppendDecision adds d to the end of the decision log; see
// drafts.Store.AppendDecision.
func (s *Store) AppendDecision(d *drafts.Decision) error {
	r, err := prepareDecision(d)
	if err != nil {
		return err
	}
	err = s.update("record the decision", func(tx *bolt.Tx) error { return s.appendDecision(tx, &r) })
	if err != nil {
		return s.fail(err, "record the decision")
	}
	*d = r
	return nil
}

// DecisionCount returns the number of entries appended to the decision
// log: the decisions bucket's sequence, which each append moves on by
// one; see drafts.Store.DecisionCount.
func (s *Store) DecisionCount() (uint64, error) {
	var n uint64
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketDecisions))
		if b == nil {
			return notOurs(s.path, errMissing("decisions bucket"))
		}
		n = b.Sequence()
		return nil
	})
	if err != nil {
		return 0, s.fail(err, "read the decision log")
	}
	return n, nil
}

// AppendDecisions adds ds to the end of the decision log, in order, in one
// transaction; see drafts.Store.AppendDecisions.
func (s *Store) AppendDecisions(ds ...*drafts.Decision) error {
	rs := make([]drafts.Decision, len(ds))
	for i, d := range ds {
		r, err := prepareDecision(d)
		if err != nil {
			return err
		}
		rs[i] = r
	}
	err := s.update("record the decisions", func(tx *bolt.Tx) error {
		for i := range rs {
			if err := s.appendDecision(tx, &rs[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return s.fail(err, "record the decisions")
	}
	for i, d := range ds {
		*d = rs[i]
	}
	return nil
}

// AddDecided stores the new submitted amendment a and appends the decision
// d on it, in one transaction: both or neither; see
// drafts.Store.AddDecided.
func (s *Store) AddDecided(a *drafts.Amendment, d *drafts.Decision) error {
	if a == nil {
		return drafts.Errorf(drafts.Invalid, "the amendment is missing")
	}
	if a.Status != drafts.StatusSubmitted {
		return msgNewNotSubmitted.Err(drafts.Invalid, a.Status)
	}
	rec, err := prepare(*a, time.Now().UTC())
	if err != nil {
		return err
	}
	if d == nil {
		return drafts.Errorf(drafts.Invalid, "no decision was given")
	}
	// Validated with the amendment's ID, which may not be given yet: the
	// decision is checked again once the amendment has one.
	dd := *d
	dd.Amendment = cmp.Or(rec.ID, "NEW-AMENDMENT")
	r, err := prepareDecision(&dd)
	if err != nil {
		return err
	}
	recs := []drafts.Amendment{rec}
	err = s.update("store the amendment and its decision", func(tx *bolt.Tx) error {
		if err := s.addAmendments(tx, recs); err != nil {
			return err
		}
		r.Amendment = recs[0].ID
		if err := r.Validate(); err != nil {
			return err
		}
		return s.appendDecision(tx, &r)
	})
	if err != nil {
		return s.fail(err, "store the amendment and its decision")
	}
	*a, *d = recs[0], r
	return nil
}

// appendDecision writes the prepared decision r as the next entry of the
// log in tx, after checking the amendments it names, and sets what the
// store sets (see drafts.Store.AppendDecision).
func (s *Store) appendDecision(tx *bolt.Tx, r *drafts.Decision) error {
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
	b := tx.Bucket([]byte(bucketDecisions))
	if b == nil {
		return notOurs(s.path, errMissing("decisions bucket"))
	}
	head, err := s.logTail(tx, b)
	if err != nil {
		return err
	}
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	r.Seq, r.DraftID, r.DraftVersion, r.At, r.Prev = seq, a.DraftID, a.DraftVersion, time.Now().UTC(), head.hash
	r.ID = drafts.DecisionID(seq)
	r.Hash = r.Sum()
	k := u64key(seq)
	if err := b.Put(k, seal(k, r.MarshalEntry())); err != nil {
		return err
	}
	return putHead(tx, logHead{count: seq, hash: r.Hash})
}

// headSchema is the schema that records the log's head.
const headSchema = 4

// A logHead is the record of the log's end: the number of entries
// appended, and the Hash of the last (drafts.GenesisPrev for none).
type logHead struct {
	count uint64
	hash  string
}

// headValue is a head as stored under keyLogHead: the count (uint64),
// then the hash, sealed.
func headValue(h logHead) []byte {
	v := binary.BigEndian.AppendUint64(make([]byte, 0, 8+len(h.hash)+sumLen), h.count)
	return seal([]byte(keyLogHead), append(v, h.hash...))
}

func putHead(tx *bolt.Tx, h logHead) error {
	return tx.Bucket([]byte(bucketMeta)).Put([]byte(keyLogHead), headValue(h))
}

// readHead reads the log's head. Invalid: it is missing, damaged or
// malformed.
func (s *Store) readHead(tx *bolt.Tx) (logHead, error) {
	v := tx.Bucket([]byte(bucketMeta)).Get([]byte(keyLogHead))
	if v == nil {
		return logHead{}, msgLogHeadMissing.Err(drafts.Invalid)
	}
	body, err := s.open([]byte(keyLogHead), v, func() string { return "the record of the decision log's last entry" })
	if err != nil {
		return logHead{}, err
	}
	if len(body) != 8+hashLen {
		return logHead{}, notOurs(s.path, errMissing("record of the decision log's last entry"))
	}
	return logHead{count: binary.BigEndian.Uint64(body), hash: string(body[8:])}, nil
}

// logTail reads the log's head and checks it against the bucket's count
// and the last entry, which it reads, unlike the entries before it: what
// an append needs to link to the last entry in time independent of the
// log's length. A mismatch is damage, as readLog reports it.
func (s *Store) logTail(tx *bolt.Tx, b *bolt.Bucket) (logHead, error) {
	h, err := s.readHead(tx)
	if err != nil {
		return logHead{}, s.logDamage(err)
	}
	count := b.Sequence()
	switch {
	case h.count < count:
		return logHead{}, s.logDamage(msgLogBeyondHead.Err(drafts.Invalid, h.count+1))
	case h.count > count:
		return logHead{}, s.logDamage(drafts.LogRemoved(count + 1))
	}
	k, v := b.Cursor().Last()
	if count == 0 {
		switch {
		case k != nil:
			return logHead{}, s.logDamage(msgLogBeyondHead.Err(drafts.Invalid, 1))
		case h.hash != drafts.GenesisPrev:
			return logHead{}, s.logDamage(msgLogHeadAltered.Err(drafts.Invalid))
		}
		return h, nil
	}
	if len(k) != 8 || v == nil {
		return logHead{}, s.logDamage(drafts.LogRemoved(count))
	}
	switch last := binary.BigEndian.Uint64(k); {
	case last < count:
		return logHead{}, s.logDamage(drafts.LogRemoved(last + 1))
	case last > count:
		return logHead{}, s.logDamage(msgLogBeyondHead.Err(drafts.Invalid, count+1))
	}
	body, err := s.open(k, v, func() string { return entryName(count, v) })
	if err != nil {
		return logHead{}, s.logDamage(err)
	}
	e, err := drafts.ParseEntry(body)
	switch {
	case err != nil:
		return logHead{}, s.logDamage(err)
	case e.Seq != count:
		return logHead{}, s.logDamage(drafts.LogReordered(count, e.Seq))
	case e.Sum() != e.Hash:
		return logHead{}, s.logDamage(drafts.LogAltered(count, e.ID))
	case e.Hash != h.hash:
		return logHead{}, s.logDamage(msgLogLastAltered.Err(drafts.Invalid, count, drafts.Visible(e.ID)))
	}
	return h, nil
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
// of the last entries is found too, then (schema 4 on) against its head,
// so that the last entry altered, hash and all, or removed with the count
// lowered, is found as well. A failure is an Invalid error naming the
// first entry at fault, and the store then refuses every write. A file of
// schema 2, open for reading only, has no log: it reads empty; one of
// schema 3 has no head.
func (s *Store) readLog(tx *bolt.Tx) ([]drafts.Decision, error) {
	b := tx.Bucket([]byte(bucketDecisions))
	if b == nil {
		if s.schema < 3 {
			return nil, nil
		}
		return nil, notOurs(s.path, errMissing("decisions bucket"))
	}
	var log []drafts.Decision
	damaged := s.logDamage
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
	n := uint64(len(log))
	switch {
	case n < b.Sequence():
		return nil, damaged(drafts.LogRemoved(n + 1))
	case n > b.Sequence():
		return nil, damaged(msgLogCount.Err(drafts.Invalid, n, b.Sequence()))
	}
	if s.schema < headSchema {
		return log, nil // a file not yet migrated has no head
	}
	h, err := s.readHead(tx)
	switch {
	case err != nil:
		return nil, damaged(err)
	case h.count < n:
		return nil, damaged(msgLogBeyondHead.Err(drafts.Invalid, h.count+1))
	case h.count > n:
		return nil, damaged(drafts.LogRemoved(n + 1))
	case n == 0 && h.hash != drafts.GenesisPrev:
		return nil, damaged(msgLogHeadAltered.Err(drafts.Invalid))
	case n > 0 && h.hash != log[n-1].Hash:
		return nil, damaged(msgLogLastAltered.Err(drafts.Invalid, n, drafts.Visible(log[n-1].ID)))
	}
	return log, nil
}

// logDamage turns a failure to read the log into the store's report of
// damage, after which nothing is written.
func (s *Store) logDamage(err error) error {
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
