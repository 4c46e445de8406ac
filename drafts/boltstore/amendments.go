package boltstore

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
)

// prepare validates an amendment on its own and puts it in the form it is
// stored in: canonical IDs and chamber code, times set.
func prepare(a drafts.Amendment, now time.Time) (drafts.Amendment, error) {
	if err := a.Validate(); err != nil {
		return a, err
	}
	c, err := drafts.ChamberByCode(a.Chamber)
	if err != nil {
		return a, err
	}
	a.Chamber = c.Code
	a.DraftID = normalizeID(a.DraftID)
	a.Article = strings.TrimSpace(a.Article)
	if a.ID != "" {
		a.ID = normalizeID(a.ID)
		if err := validID("amendment", a.ID); err != nil {
			return a, err
		}
	}
	if a.Created.IsZero() {
		a.Created = now
	}
	if a.Updated.IsZero() {
		a.Updated = now
	}
	return a, nil
}

// normalizeID is drafts.NormalizeID, without its cost for an ID already in
// canonical form, as stored ones are: a batch holds thousands.
func normalizeID(id string) string {
	_, rest, _ := strings.Cut(id, "-")
	if strings.TrimSpace(id) == id && strings.ToUpper(id) == id && !strings.ContainsAny(rest, "OIL") {
		return id
	}
	return drafts.NormalizeID(id)
}

// inBatch names which amendment of several an error is about.
func inBatch(i, n int, err error) error {
	e, ok := err.(*drafts.Error)
	if n == 1 || !ok {
		return err
	}
	c := *e
	c.Message = fmt.Sprintf("amendment %d of %d: %s", i+1, n, e.Message)
	return &c
}

// errMissing is the cause recorded when a stored structure is not there.
func errMissing(what string) error { return fmt.Errorf("missing or malformed %s", what) }

// targets checks amendments against the draft versions they amend, looking
// each target article up once per transaction.
type targets struct {
	s     *Store
	tx    *bolt.Tx
	keys  map[versionRef]*bolt.Bucket
	cache map[articleRef][]byte
}

type versionRef struct {
	draft   string
	version int
}

type articleRef struct {
	versionRef
	key string
}

func (s *Store) newTargets(tx *bolt.Tx) *targets {
	return &targets{s: s, tx: tx, keys: map[versionRef]*bolt.Bucket{}, cache: map[articleRef][]byte{}}
}

// check finds a's target article and returns its position, setting a's
// BaseHash when empty. NotFound: no such draft or version. Invalid: no such
// article, or a BaseHash of another text.
func (t *targets) check(a *drafts.Amendment) (int, error) {
	ref := articleRef{versionRef{a.DraftID, a.DraftVersion}, a.Article}
	entry, ok := t.cache[ref]
	if !ok {
		keys, ok := t.keys[ref.versionRef]
		if !ok {
			if a.DraftVersion == latest {
				return 0, drafts.Errorf(drafts.NotFound, "the amendment names no version of draft %s: versions count from 1", a.DraftID)
			}
			v, _, err := versionBucket(t.tx, a.DraftID, a.DraftVersion)
			if err != nil {
				return 0, err
			}
			keys = v.Bucket([]byte(bucketKeys))
			if keys == nil {
				return 0, notOurs(t.s.path, errMissing("keys bucket"))
			}
			t.keys[ref.versionRef] = keys
		}
		entry = keys.Get([]byte(a.Article))
		t.cache[ref] = entry
	}
	if entry == nil {
		return 0, drafts.Errorf(drafts.Invalid, "version %d of draft %s has no article «%s»: check the article's number",
			a.DraftVersion, a.DraftID, a.Article)
	}
	pos, hash, err := t.s.articleEntry([]byte(a.Article), entry, a.DraftID, a.DraftVersion)
	if err != nil {
		return 0, err
	}
	switch a.BaseHash {
	case "":
		a.BaseHash = hash
	case hash:
	default:
		return 0, drafts.Errorf(drafts.Invalid,
			"the amendment to article «%s» was made against a different text of the article: reread the article in version %d of draft %s and make the amendment again",
			a.Article, a.DraftVersion, a.DraftID)
	}
	return pos, nil
}

// pending is one amendment ready to be written.
type pending struct {
	id, idx, entry, record []byte
}

// AddAmendments stores new amendments, all or none, in one transaction,
// giving each an ID where it has none. It sets each one's ID, BaseHash
// (when empty), Created and Updated (when zero), and canonical chamber code.
// Invalid: one fails Validate, its draft version has no such target
// article, or its BaseHash is not that article's. NotFound: its draft or
// version does not exist. Conflict: its ID is already stored.
func (s *Store) AddAmendments(as ...*drafts.Amendment) error {
	if len(as) == 0 {
		return nil
	}
	now := time.Now().UTC()
	recs := make([]drafts.Amendment, len(as))
	for i, a := range as {
		if a == nil {
			return inBatch(i, len(as), drafts.Errorf(drafts.Invalid, "the amendment is missing"))
		}
		r, err := prepare(*a, now)
		if err != nil {
			return inBatch(i, len(as), err)
		}
		recs[i] = r
	}
	err := s.update("store the amendments", func(tx *bolt.Tx) error { return s.addAmendments(tx, recs) })
	if err != nil {
		return s.fail(err, "store the amendments")
	}
	for i, a := range as {
		*a = recs[i]
	}
	return nil
}

// addAmendments writes the prepared amendments recs in tx, after checking
// each against its target article, giving each an ID where it has none;
// see AddAmendments.
func (s *Store) addAmendments(tx *bolt.Tx, recs []drafts.Amendment) error {
	amends := tx.Bucket([]byte(bucketAmendments))
	index := tx.Bucket([]byte(bucketIndex))
	t := s.newTargets(tx)
	enc := newRecordEncoder()
	batch := make(map[string]bool, len(recs))
	writes := make([]pending, len(recs))
	for i := range recs {
		r := &recs[i]
		pos, err := t.check(r)
		if err != nil {
			return inBatch(i, len(recs), err)
		}
		taken := func(id string) bool { return batch[id] || amends.Get([]byte(id)) != nil }
		if r.ID == "" {
			r.ID = freshID(r.Chamber, taken)
		} else if taken(r.ID) {
			return inBatch(i, len(recs), drafts.Errorf(drafts.Conflict,
				"an amendment with ID %s is already stored: it was imported before, or give this one no ID", r.ID))
		}
		batch[r.ID] = true
		seq, err := amends.NextSequence()
		if err != nil {
			return err
		}
		idx := indexKey(r.DraftID, r.DraftVersion, pos, r.Created, seq)
		record, err := enc.record(idx, r)
		if err != nil {
			return err
		}
		writes[i] = pending{id: []byte(r.ID), idx: idx, entry: seal(idx, indexValue(r)), record: seal([]byte(r.ID), record)}
	}
	// bbolt inserts into a node's sorted slice; keys in order append
	// instead of shifting, which keeps a large batch linear.
	slices.SortFunc(writes, func(a, b pending) int { return bytes.Compare(a.id, b.id) })
	for _, w := range writes {
		if err := amends.Put(w.id, w.record); err != nil {
			return err
		}
	}
	slices.SortFunc(writes, func(a, b pending) int { return bytes.Compare(a.idx, b.idx) })
	for _, w := range writes {
		if err := index.Put(w.idx, w.entry); err != nil {
			return err
		}
	}
	return nil
}

// UpdateAmendment replaces a stored amendment's content, keeping its
// Created time and setting Updated. NotFound: no amendment has that ID.
// Conflict: the stored one is submitted, and so locked. Invalid: as for
// AddAmendments.
func (s *Store) UpdateAmendment(a *drafts.Amendment) error {
	if a == nil {
		return drafts.Errorf(drafts.Invalid, "no amendment was given")
	}
	if strings.TrimSpace(a.ID) == "" {
		return drafts.Errorf(drafts.NotFound, "the amendment has no ID: store it as a new amendment instead")
	}
	now := time.Now().UTC()
	r, err := prepare(*a, now)
	if err != nil {
		return err
	}
	err = s.update("update the amendment", func(tx *bolt.Tx) error {
		amends := tx.Bucket([]byte(bucketAmendments))
		index := tx.Bucket([]byte(bucketIndex))
		oldIdx, stored, err := s.readAmendment(amends, r.ID)
		if err != nil {
			return err
		}
		if err := lockedAgainst(&stored, r.Status); err != nil {
			return err
		}
		pos, err := s.newTargets(tx).check(&r)
		if err != nil {
			return err
		}
		r.Created, r.Updated = stored.Created, now
		if len(oldIdx) < 8 {
			return notOurs(s.path, errMissing("index key"))
		}
		idx := indexKey(r.DraftID, r.DraftVersion, pos, r.Created, binary.BigEndian.Uint64(oldIdx[len(oldIdx)-8:]))
		record, err := newRecordEncoder().record(idx, &r)
		if err != nil {
			return err
		}
		if err := index.Delete(oldIdx); err != nil {
			return err
		}
		if err := index.Put(idx, seal(idx, indexValue(&r))); err != nil {
			return err
		}
		return amends.Put([]byte(r.ID), seal([]byte(r.ID), record))
	})
	if err != nil {
		return s.fail(err, "update the amendment")
	}
	*a = r
	return nil
}

// lockedAgainst refuses a change of content to an amendment that is no
// longer a draft, and a change that moves it to a status other than
// draft or submitted.
func lockedAgainst(stored *drafts.Amendment, to drafts.Status) error {
	if stored.Status != drafts.StatusDraft {
		return drafts.Locked(stored.ID, stored.Status)
	}
	if to != drafts.StatusDraft && !drafts.CanMove(drafts.StatusDraft, to) {
		return drafts.Errorf(drafts.Conflict, "a draft amendment cannot be %s: submit it first", to)
	}
	return nil
}

// SetStatus moves a stored amendment from status from to status to,
// leaving its content as it is, and returns it as stored. NotFound: no
// amendment has that ID. Conflict: its status is not from, the move is
// not one drafts.CanMove allows, or the amendment has been decided.
func (s *Store) SetStatus(id string, from, to drafts.Status) (*drafts.Amendment, error) {
	id = drafts.NormalizeID(id)
	if !drafts.CanMove(from, to) {
		return nil, drafts.Errorf(drafts.Conflict, "an amendment cannot go from %s to %s", from, to)
	}
	var a drafts.Amendment
	err := s.update("change the amendment's status", func(tx *bolt.Tx) error {
		amends := tx.Bucket([]byte(bucketAmendments))
		idx, stored, err := s.readAmendment(amends, id)
		if err != nil {
			return err
		}
		if stored.Status != from {
			return drafts.Errorf(drafts.Conflict, "amendment %s is %s, not %s: it was changed meanwhile", id, stored.Status, from)
		}
		if from == drafts.StatusSubmitted {
			d, err := s.decidedIn(tx, id)
			if err != nil {
				return err
			}
			if d != nil {
				return msgDecidedNotWithdrawn.Err(drafts.Conflict, id, d.Verdict, d.Seq)
			}
		}
		stored.Status, stored.Updated = to, time.Now().UTC()
		record, err := newRecordEncoder().record(idx, &stored)
		if err != nil {
			return err
		}
		if err := tx.Bucket([]byte(bucketIndex)).Put(idx, seal(idx, indexValue(&stored))); err != nil {
			return err
		}
		a = stored
		return amends.Put([]byte(id), seal([]byte(id), record))
	})
	if err != nil {
		return nil, s.fail(err, "change the amendment's status")
	}
	return &a, nil
}

// DeleteAmendment removes a draft amendment. NotFound: no amendment has
// that ID. Conflict: it is no longer a draft.
func (s *Store) DeleteAmendment(id string) error {
	id = drafts.NormalizeID(id)
	err := s.update("delete the amendment", func(tx *bolt.Tx) error {
		amends := tx.Bucket([]byte(bucketAmendments))
		idx, stored, err := s.readAmendment(amends, id)
		if err != nil {
			return err
		}
		if stored.Status != drafts.StatusDraft {
			return drafts.Errorf(drafts.Conflict,
				"amendment %s has been %s: it stays on record and cannot be deleted; withdraw it instead", id, stored.Status)
		}
		if err := tx.Bucket([]byte(bucketIndex)).Delete(idx); err != nil {
			return err
		}
		return amends.Delete([]byte(id))
	})
	if err != nil {
		return s.fail(err, "delete the amendment")
	}
	return nil
}

// canonicalFilter puts a filter's IDs and codes in their stored form.
func canonicalFilter(f drafts.AmendmentFilter) drafts.AmendmentFilter {
	f.DraftID = drafts.NormalizeID(f.DraftID)
	f.Article = strings.TrimSpace(f.Article)
	f.Chamber = strings.ToUpper(strings.TrimSpace(f.Chamber))
	f.Viewer = strings.ToUpper(strings.TrimSpace(f.Viewer))
	return f
}

// readAmendment decodes one stored amendment and the index key it sits
// under. NotFound: no amendment has that ID.
func (s *Store) readAmendment(amends *bolt.Bucket, id string) (idx []byte, a drafts.Amendment, err error) {
	v := amends.Get([]byte(id))
	if v == nil {
		return nil, a, drafts.Errorf(drafts.NotFound, "there is no amendment %s: check its ID", id)
	}
	v, err = s.open([]byte(id), v, func() string { return "amendment " + id })
	if err != nil {
		return nil, a, err
	}
	idx, js, ok := decodeRecord(v)
	if !ok {
		return nil, a, notOurs(s.path, errMissing("amendment record"))
	}
	return bytes.Clone(idx), a, decode(js, &a, s.path)
}

// Amendment returns one amendment. NotFound: no amendment has that ID.
func (s *Store) Amendment(id string) (*drafts.Amendment, error) {
	id = drafts.NormalizeID(id)
	var a drafts.Amendment
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		_, a, err = s.readAmendment(tx.Bucket([]byte(bucketAmendments)), id)
		return err
	})
	if err != nil {
		return nil, s.fail(err, "read the amendment")
	}
	return &a, nil
}

// Amendments returns the amendments that pass f, in the order of their
// target articles in the draft and, for one article, oldest first (by
// Created). A draft's amendments come version by version, since the order
// of articles is that of one version; without f.DraftID, drafts come in the
// order they were first imported.
func (s *Store) Amendments(f drafts.AmendmentFilter) ([]drafts.Amendment, error) {
	f = canonicalFilter(f)
	list := []drafts.Amendment{}
	err := s.view(func(tx *bolt.Tx) error {
		prefixes, err := s.scanPrefixes(tx, f)
		if err != nil {
			return err
		}
		amends := tx.Bucket([]byte(bucketAmendments))
		c := tx.Bucket([]byte(bucketIndex)).Cursor()
		for _, p := range prefixes {
			for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
				id, chamber, status, err := s.indexEntry(k, v)
				if err != nil {
					return err
				}
				if !f.MatchOwner(string(chamber), drafts.Status(status)) {
					continue
				}
				_, a, err := s.readAmendment(amends, string(id))
				if err != nil {
					return err
				}
				if f.Match(&a) {
					list = append(list, a)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, s.fail(err, "list the amendments")
	}
	return list, nil
}

// AmendmentCounts counts the amendments that pass f by target article key,
// from the index alone: its keys name the article's version and position,
// its values the chamber and status.
func (s *Store) AmendmentCounts(f drafts.AmendmentFilter) (map[string]int, error) {
	f = canonicalFilter(f)
	counts := map[string]int{}
	err := s.view(func(tx *bolt.Tx) error {
		// The article keys of each version, by position.
		keysAt := map[versionRef][]string{}
		articleAt := func(draftID string, version, pos int) (string, error) {
			ref := versionRef{draftID, version}
			keys, ok := keysAt[ref]
			if !ok {
				v, _, err := versionBucket(tx, draftID, version)
				if err != nil {
					return "", notOurs(s.path, err)
				}
				b := v.Bucket([]byte(bucketKeys))
				if b == nil {
					return "", notOurs(s.path, errMissing("keys bucket"))
				}
				err = b.ForEach(func(k, v []byte) error {
					p, _, err := s.articleEntry(k, v, draftID, version)
					if err != nil {
						return err
					}
					// No draft has a million articles: a larger position
					// is damage, and would make keys huge.
					if p >= 1<<20 {
						return notOurs(s.path, errMissing("article entry"))
					}
					for len(keys) <= p {
						keys = append(keys, "")
					}
					keys[p] = string(k)
					return nil
				})
				if err != nil {
					return "", err
				}
				keysAt[ref] = keys
			}
			if pos >= len(keys) || keys[pos] == "" {
				return "", notOurs(s.path, errMissing("indexed article"))
			}
			return keys[pos], nil
		}
		c := tx.Bucket([]byte(bucketIndex)).Cursor()
		prefixes, err := s.scanPrefixes(tx, f)
		if err != nil {
			return err
		}
		for _, p := range prefixes {
			for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
				_, chamber, status, err := s.indexEntry(k, v)
				if err != nil {
					return err
				}
				if !f.MatchOwner(string(chamber), drafts.Status(status)) {
					continue
				}
				draftID, version, pos, ok := parseIndexKey(k)
				if !ok {
					return notOurs(s.path, errMissing("index key"))
				}
				key, err := articleAt(draftID, version, pos)
				if err != nil {
					return err
				}
				counts[key]++
			}
		}
		return nil
	})
	if err != nil {
		return nil, s.fail(err, "count the amendments")
	}
	return counts, nil
}

// scanPrefixes returns the index prefixes that hold every amendment f can
// match, in listing order: one draft's, narrowed to its article in each
// version when f names one, or every draft's in import order.
func (s *Store) scanPrefixes(tx *bolt.Tx, f drafts.AmendmentFilter) ([][]byte, error) {
	if f.DraftID == "" {
		var ps [][]byte
		seen := map[string]bool{}
		c := tx.Bucket([]byte(bucketImports)).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			id, err := s.importEntry(k, v)
			if err != nil {
				return nil, err
			}
			if !seen[string(id)] {
				seen[string(id)] = true
				ps = append(ps, indexPrefix(string(id)))
			}
		}
		return ps, nil
	}
	if f.Article == "" {
		if f.Version > 0 {
			return [][]byte{binary.BigEndian.AppendUint32(indexPrefix(f.DraftID), uint32(f.Version))}, nil
		}
		return [][]byte{indexPrefix(f.DraftID)}, nil
	}
	versions := tx.Bucket([]byte(bucketDrafts)).Bucket([]byte(f.DraftID))
	if versions == nil {
		return nil, nil
	}
	var ps [][]byte
	c := versions.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if f.Version > 0 && (len(k) != 4 || int(binary.BigEndian.Uint32(k)) != f.Version) {
			continue
		}
		if v := versions.Bucket(k); v != nil && len(k) == 4 {
			if keys := v.Bucket([]byte(bucketKeys)); keys != nil {
				e := keys.Get([]byte(f.Article))
				if e == nil {
					continue
				}
				pos, _, err := s.articleEntry([]byte(f.Article), e, f.DraftID, int(binary.BigEndian.Uint32(k)))
				if err != nil {
					return nil, err
				}
				ps = append(ps, articlePrefix(f.DraftID, int(binary.BigEndian.Uint32(k)), pos))
			}
		}
	}
	return ps, nil
}
