package boltstore

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
)

// The records of the exchange between laptops (schema 5 on), each sealed
// like every record:
//
//	identities  sequence (uint64) → JSON of a drafts.Identity; the last is
//	            the laptop's current one, the earlier stay on record
//	register    sequence (uint64) → JSON of a drafts.TrustedKey; only grows
//	packages    package ID (64 hex digits) → JSON of a drafts.PackageRecord

var (
	msgBadIdentity = drafts.NewMessage("keys.bad-identity",
		"the key pair for %s is incomplete: make it again")
	msgKeyRegistered = drafts.NewMessage("keys.already-registered",
		"this key is already registered for %s")
	msgKeyOfOther = drafts.NewMessage("keys.key-of-other",
		"this key is already registered for %s, not %s: a key belongs to one chamber only")
	msgKeyReplace = drafts.NewMessage("keys.replace-needed",
		"%s already has a registered key: replacing it (a new laptop) is a deliberate act; confirm the replacement")
	msgReplacedMoved = drafts.NewMessage("keys.replaced-moved",
		"the key of %s was replaced meanwhile: look at the register again")
	msgPackageTaken = drafts.NewMessage("exchange.already-taken",
		"this package was already imported, on %s")
	msgVersionGap = drafts.NewMessage("exchange.version-gap",
		"version %d of draft %s cannot be stored: this laptop has versions up to %d")
	msgWithdrawnDecided = drafts.NewMessage("exchange.withdraw-moved",
		"amendment %s is %s here, not submitted: it changed meanwhile")
	msgLogNotPrefix = drafts.NewMessage("exchange.log-fork",
		"the federation's decision log does not extend this laptop's at entry %d: this laptop's log holds decisions the federation did not make")
)

// SetIdentity makes id the laptop's current identity (a new one replaces
// the one before, which stays on record). Invalid: id is incomplete or
// names no known role.
func (s *Store) SetIdentity(id *drafts.Identity) error {
	if id == nil || len(id.Public) != ed25519.PublicKeySize || len(id.Private.Box) == 0 {
		role := ""
		if id != nil {
			role = id.Role
		}
		return msgBadIdentity.Err(drafts.Invalid, drafts.Visible(role))
	}
	c, err := drafts.ChamberByCode(id.Role)
	if err != nil {
		return err
	}
	rec := *id
	rec.Role = c.Code
	js, err := json.Marshal(&rec)
	if err != nil {
		return drafts.Wrap(drafts.Internal, err, "the key pair could not be encoded")
	}
	return s.update("store the key pair", func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketIdentities))
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		k := u64key(seq)
		return b.Put(k, seal(k, js))
	})
}

// Identity returns the laptop's current identity. NotFound: it has none
// (a database from before keys, or whose role was never chosen).
func (s *Store) Identity() (*drafts.Identity, error) {
	var id *drafts.Identity
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketIdentities))
		if b == nil {
			return nil // schema 4 or less, read only
		}
		k, v := b.Cursor().Last()
		if k == nil {
			return nil
		}
		id = new(drafts.Identity)
		return s.readRecord(k, v, id, "the laptop's key pair")
	})
	if err != nil {
		return nil, s.fail(err, "read the key pair")
	}
	if id == nil {
		return nil, drafts.Errorf(drafts.NotFound, "this laptop has no key pair yet: choose its role first")
	}
	return id, nil
}

// Trust adds k to the register of the other sides' keys, setting k.Seq
// and k.At. Conflict: the key is already registered (for this role or
// another), or the role has a key and k.Replaces does not name it (a
// replacement is deliberate). Invalid: k is incomplete.
func (s *Store) Trust(k *drafts.TrustedKey) error {
	if k == nil || len(k.Public) != ed25519.PublicKeySize {
		return drafts.Errorf(drafts.Invalid, "the public key is missing or is not an Ed25519 key")
	}
	c, err := drafts.ChamberByCode(k.Role)
	if err != nil {
		return err
	}
	rec := *k
	rec.Role, rec.At = c.Code, time.Now().UTC()
	err = s.update("register the key", func(tx *bolt.Tx) error {
		reg, err := s.readRegister(tx)
		if err != nil {
			return err
		}
		for _, e := range drafts.CurrentKeys(reg) {
			if drafts.SameKey(e.Public, rec.Public) {
				if e.Role == rec.Role {
					return msgKeyRegistered.Err(drafts.Conflict, e.Role)
				}
				return msgKeyOfOther.Err(drafts.Conflict, e.Role, rec.Role)
			}
		}
		cur, has := drafts.CurrentKeys(reg)[rec.Role]
		switch {
		case has && len(rec.Replaces) == 0:
			return msgKeyReplace.Err(drafts.Conflict, rec.Role)
		case has && !bytes.Equal(cur.Public, rec.Replaces), !has && len(rec.Replaces) > 0:
			return msgReplacedMoved.Err(drafts.Conflict, rec.Role)
		}
		b := tx.Bucket([]byte(bucketRegister))
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		rec.Seq = seq
		js, err := json.Marshal(&rec)
		if err != nil {
			return err
		}
		key := u64key(seq)
		return b.Put(key, seal(key, js))
	})
	if err != nil {
		return err
	}
	*k = rec
	return nil
}

// Register returns the register of the other sides' keys, every entry in
// the order they were made (drafts.CurrentKeys picks the current ones).
func (s *Store) Register() ([]drafts.TrustedKey, error) {
	var reg []drafts.TrustedKey
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		reg, err = s.readRegister(tx)
		return err
	})
	if err != nil {
		return nil, s.fail(err, "read the register of keys")
	}
	return reg, nil
}

func (s *Store) readRegister(tx *bolt.Tx) ([]drafts.TrustedKey, error) {
	b := tx.Bucket([]byte(bucketRegister))
	if b == nil {
		return nil, nil // schema 4 or less, read only
	}
	var reg []drafts.TrustedKey
	err := b.ForEach(func(k, v []byte) error {
		var e drafts.TrustedKey
		if err := s.readRecord(k, v, &e, "an entry of the register of keys"); err != nil {
			return err
		}
		reg = append(reg, e)
		return nil
	})
	return reg, err
}

// Packages lists the packages taken in, in the order they were.
func (s *Store) Packages() ([]drafts.PackageRecord, error) {
	var recs []drafts.PackageRecord
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketPackages))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var p drafts.PackageRecord
			if err := s.readRecord(k, v, &p, "the record of package "+string(k)); err != nil {
				return err
			}
			recs = append(recs, p)
			return nil
		})
	})
	if err != nil {
		return nil, s.fail(err, "read the packages taken in")
	}
	sortPackages(recs)
	return recs, nil
}

// Package returns the record of the package id taken in. NotFound: it
// never was.
func (s *Store) Package(id string) (*drafts.PackageRecord, error) {
	var p *drafts.PackageRecord
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketPackages))
		if b == nil {
			return nil
		}
		v := b.Get([]byte(id))
		if v == nil {
			return nil
		}
		p = new(drafts.PackageRecord)
		return s.readRecord([]byte(id), v, p, "the record of package "+id)
	})
	if err != nil {
		return nil, s.fail(err, "read the packages taken in")
	}
	if p == nil {
		return nil, drafts.Errorf(drafts.NotFound, "package %s was never imported here", drafts.Visible(id))
	}
	return p, nil
}

// Receive stores what a verified package brings, in one transaction: its
// draft versions, new amendments, withdrawals, decision log entries and
// its record, all or none; it sets r.Package.Took. Conflict: the package
// was taken in before, a version does not follow the ones stored, an
// amendment to withdraw is no longer submitted or has been decided, an
// amendment is already stored, or the log entries do not extend the log
// stored. Invalid: as AddAmendments says for the new amendments, or an
// entry of the log is malformed.
func (s *Store) Receive(r *drafts.Receipt) error {
	if r == nil || len(r.Package.ID) != hashLen {
		return drafts.Errorf(drafts.Invalid, "the package has no ID")
	}
	type version struct {
		d        *drafts.Draft
		articles [][]byte
		entries  [][]byte
	}
	versions := make([]version, len(r.Drafts))
	for i, d := range r.Drafts {
		if err := validDraft(d); err != nil {
			return err
		}
		if err := validID("draft", d.ID); err != nil {
			return err
		}
		v := version{d: d}
		for j := range d.Articles {
			js, err := json.Marshal(&d.Articles[j])
			if err != nil {
				return drafts.Wrap(drafts.Internal, err, "article %q could not be encoded", d.Articles[j].Key)
			}
			v.articles = append(v.articles, js)
			v.entries = append(v.entries, articleEntry(j, d.Articles[j].TextHash()))
		}
		versions[i] = v
	}
	now := time.Now().UTC()
	recs := make([]drafts.Amendment, len(r.New))
	for i, a := range r.New {
		rec, err := prepare(*a, now)
		if err != nil {
			return inBatch(i, len(r.New), err)
		}
		recs[i] = rec
	}
	pkg := r.Package
	pkg.Took = now
	pjs, err := json.Marshal(&pkg)
	if err != nil {
		return drafts.Wrap(drafts.Internal, err, "the package's record could not be encoded")
	}
	err = s.update("import the package", func(tx *bolt.Tx) error {
		pb := tx.Bucket([]byte(bucketPackages))
		if v := pb.Get([]byte(pkg.ID)); v != nil {
			var old drafts.PackageRecord
			if err := s.readRecord([]byte(pkg.ID), v, &old, "the record of package "+pkg.ID); err != nil {
				return err
			}
			return msgPackageTaken.Err(drafts.Conflict, old.Took.Format(time.RFC3339))
		}
		all := tx.Bucket([]byte(bucketDrafts))
		for _, v := range versions {
			last := 0
			if b := all.Bucket([]byte(v.d.ID)); b != nil {
				if k, _ := b.Cursor().Last(); len(k) == 4 {
					last = int(u32(k))
				}
			}
			if v.d.Version != last+1 {
				return msgVersionGap.Err(drafts.Conflict, v.d.Version, v.d.ID, last)
			}
			if err := putDraft(tx, v.d, v.articles, v.entries); err != nil {
				return err
			}
		}
		if err := s.addAmendments(tx, recs); err != nil {
			return err
		}
		if len(r.Withdraw) > 0 {
			log, err := s.readLog(tx)
			if err != nil {
				return err
			}
			decided := drafts.CurrentDecisions(log)
			amends := tx.Bucket([]byte(bucketAmendments))
			for _, w := range r.Withdraw {
				id := normalizeID(w.ID)
				idx, stored, err := s.readAmendment(amends, id)
				if err != nil {
					return err
				}
				if stored.Status != drafts.StatusSubmitted {
					return msgWithdrawnDecided.Err(drafts.Conflict, id, stored.Status)
				}
				if d := decided[id]; d != nil {
					return msgDecidedNotWithdrawn.Err(drafts.Conflict, id, d.Verdict, d.Seq)
				}
				stored.Status, stored.Updated = drafts.StatusWithdrawn, w.Updated.UTC()
				if err := s.putAmendment(tx, idx, &stored); err != nil {
					return err
				}
			}
		}
		if err := s.mirrorLog(tx, r.Decisions); err != nil {
			return err
		}
		return pb.Put([]byte(pkg.ID), seal([]byte(pkg.ID), pjs))
	})
	if err != nil {
		return s.fail(err, "import the package")
	}
	r.Package.Took = now
	for i, a := range r.New {
		*a = recs[i]
	}
	return nil
}

// putAmendment writes a stored amendment back under its index key idx,
// its content changed but not its place.
func (s *Store) putAmendment(tx *bolt.Tx, idx []byte, a *drafts.Amendment) error {
	record, err := newRecordEncoder().record(idx, a)
	if err != nil {
		return err
	}
	if err := tx.Bucket([]byte(bucketIndex)).Put(idx, seal(idx, indexValue(a))); err != nil {
		return err
	}
	return tx.Bucket([]byte(bucketAmendments)).Put([]byte(a.ID), seal([]byte(a.ID), record))
}

// mirrorLog appends the federation's entries es, as they are, to the
// decision log in tx: the entries the log already holds must be the same
// (by their Hash), and the rest must follow on, each chained to the one
// before and sealed by its own Hash.
func (s *Store) mirrorLog(tx *bolt.Tx, es []drafts.Decision) error {
	if len(es) == 0 {
		return nil
	}
	b := tx.Bucket([]byte(bucketDecisions))
	head, err := s.logTail(tx, b)
	if err != nil {
		return err
	}
	for i := range es {
		e := &es[i]
		if e.Seq <= head.count {
			v := b.Get(u64key(e.Seq))
			body, err := s.open(u64key(e.Seq), v, func() string { return entryName(e.Seq, v) })
			if err != nil {
				return err
			}
			have, err := drafts.ParseEntry(body)
			if err != nil {
				return err
			}
			if have.Hash != e.Hash {
				return msgLogNotPrefix.Err(drafts.Conflict, e.Seq)
			}
			continue
		}
		if e.Seq != head.count+1 || e.Prev != head.hash {
			return msgLogNotPrefix.Err(drafts.Conflict, e.Seq)
		}
		if e.Sum() != e.Hash {
			return drafts.LogAltered(e.Seq, e.ID)
		}
		if e.By != drafts.FederationCode {
			return drafts.OnlyFederation(e.By)
		}
		if err := b.SetSequence(e.Seq); err != nil {
			return err
		}
		k := u64key(e.Seq)
		if err := b.Put(k, seal(k, e.MarshalEntry())); err != nil {
			return err
		}
		head = logHead{count: e.Seq, hash: e.Hash}
	}
	return putHead(tx, head)
}

// sortPackages puts package records in the order they were taken in.
func sortPackages(recs []drafts.PackageRecord) {
	slices.SortStableFunc(recs, func(a, b drafts.PackageRecord) int { return a.Took.Compare(b.Took) })
}

// readRecord opens the sealed JSON record v under k into x; what names it
// in a report of damage.
func (s *Store) readRecord(k, v []byte, x any, what string) error {
	body, err := s.open(k, v, func() string { return what })
	if err != nil {
		return err
	}
	if err := json.Unmarshal(body, x); err != nil {
		return notOurs(s.path, errMissing(what))
	}
	return nil
}

// verifyExchange reads every record of the exchange buckets.
func (s *Store) verifyExchange(tx *bolt.Tx) error {
	for name, what := range map[string]string{
		bucketIdentities: "the laptop's key pair",
		bucketRegister:   "an entry of the register of keys",
		bucketPackages:   "the record of a package taken in",
	} {
		b := tx.Bucket([]byte(name))
		if b == nil {
			continue // schema 4 or less, read only
		}
		err := b.ForEach(func(k, v []byte) error {
			var x json.RawMessage
			return s.readRecord(k, v, &x, what)
		})
		if err != nil {
			return err
		}
	}
	return nil
}
