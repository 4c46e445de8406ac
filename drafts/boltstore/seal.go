package boltstore

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"strings"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
)

// Every record the store writes (a draft's header, each article, each
// article's entry in the keys bucket, each import, each amendment and its
// index entry, and every kind of record added later) ends with a checksum
// of its key and content: a CRC-32C, which catches the flipped bits and
// torn sectors of a failing disk or a bad copy. bbolt checks its own page
// structure, not what the pages hold, so without it a damaged article
// would be read as altered statute text. Reads check the records they
// read; Verify checks the whole file, and runs before a Store first writes,
// so that nothing is ever written into a damaged file.

// sumLen is the length of the checksum that ends a sealed record.
const sumLen = 4

var crcTable = crc32.MakeTable(crc32.Castagnoli)

func checksum(k, v []byte) uint32 {
	return crc32.Update(crc32.Checksum(k, crcTable), crcTable, v)
}

// seal appends the checksum of k and v to v, which must be the caller's
// own slice, and returns the record to store under k.
func seal(k, v []byte) []byte {
	return binary.BigEndian.AppendUint32(v, checksum(k, v))
}

// unsealed returns the content of the record v stored under k, or false
// when its checksum does not match.
func unsealed(k, v []byte) ([]byte, bool) {
	if len(v) < sumLen {
		return nil, false
	}
	body := v[:len(v)-sumLen]
	return body, checksum(k, body) == binary.BigEndian.Uint32(v[len(v)-sumLen:])
}

var (
	msgDamaged = drafts.NewMessage("database.damaged",
		"the database %s is damaged: %s does not match its checksum. Nothing more will be written to it: keep the file as it is, and restore the database from a backup copy")
	msgDamagedPages = drafts.NewMessage("database.damaged-pages",
		"the database %s is damaged: %s. Nothing more will be written to it: keep the file as it is, and restore the database from a backup copy")
)

// open checks the record v stored under k and returns its content. A
// mismatch is an Invalid error naming what is damaged (what), and from
// then on the store refuses every write. A database of schema 1, written
// before records were sealed, is read as it is.
func (s *Store) open(k, v []byte, what func() string) ([]byte, error) {
	if !s.sealed {
		return v, nil
	}
	body, ok := unsealed(k, v)
	if !ok {
		return nil, s.damage(msgDamaged.Err(drafts.Invalid, s.path, what()))
	}
	return body, nil
}

// damage remembers that the file is damaged, so that no write follows,
// and returns err.
func (s *Store) damage(err *drafts.Error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.damaged == nil {
		s.damaged = err
	}
	return err
}

// update runs fn in a write transaction, once the whole file has been
// verified in this Store's life and found sound; a damaged file is never
// written to.
func (s *Store) update(doing string, fn func(tx *bolt.Tx) error) error {
	if err := s.writable(); err != nil {
		return err
	}
	db, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.release()
	return s.fail(db.Update(fn), doing)
}

// writable verifies the file the first time it is to be written, and
// says whether it is damaged.
func (s *Store) writable() error {
	s.mu.Lock()
	verified, damaged := s.verified, s.damaged
	s.mu.Unlock()
	if damaged != nil {
		return damaged
	}
	if verified {
		return nil
	}
	if _, err := s.Verify(); err != nil {
		return err
	}
	s.mu.Lock()
	s.verified = true
	s.mu.Unlock()
	return nil
}

// Report says what Verify read.
type Report = drafts.StoreReport

// Verify reads the whole file: bbolt's check of its pages, then every
// record against its checksum and its form. It returns what it read, or an
// Invalid error naming the first damage found (and the store then refuses
// every write).
func (s *Store) Verify() (Report, error) {
	var r Report
	var problems []string
	err := s.view(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			problems = append(problems, err.Error())
		}
		if len(problems) > 0 {
			return nil
		}
		return s.verifyRecords(tx, &r, false)
	})
	if err == nil && len(problems) > 0 {
		err = s.damage(msgDamagedPages.Err(drafts.Invalid, s.path, strings.Join(problems, "; ")))
	}
	if err != nil {
		var de *drafts.Error
		if e, ok := err.(*drafts.Error); ok && e.ID != msgDamaged.ID && e.ID != msgDamagedPages.ID {
			// Any other failure to read a record is damage too.
			de = msgDamagedPages.Err(drafts.Invalid, s.path, e.Message)
			de.Err = e
			err = s.damage(de)
		}
		return r, s.fail(err, "verify")
	}
	return r, nil
}

// verifyRecords reads every record. With deep, each is also decoded, as
// for a schema 1 file, whose records carry no checksum; otherwise a sealed
// record that matches its checksum is what was written, and only its
// checksum is computed.
func (s *Store) verifyRecords(tx *bolt.Tx, r *Report, deep bool) error {
	all := tx.Bucket([]byte(bucketDrafts))
	err := all.ForEach(func(id, _ []byte) error {
		versions := all.Bucket(id)
		if versions == nil {
			return notOurs(s.path, fmt.Errorf("draft %q is not a bucket", id))
		}
		r.Drafts++
		return versions.ForEach(func(vk, _ []byte) error {
			v := versions.Bucket(vk)
			if v == nil || len(vk) != 4 {
				return notOurs(s.path, fmt.Errorf("draft %q has a malformed version", id))
			}
			r.Versions++
			version := int(binary.BigEndian.Uint32(vk))
			if deep {
				d, err := s.readDraft(v, string(id), version)
				if err != nil {
					return err
				}
				r.Articles += len(d.Articles)
			} else {
				h := header{Draft: new(drafts.Draft)}
				if err := s.decodeHeader(v, &h, string(id), version); err != nil {
					return err
				}
				arts := v.Bucket([]byte(bucketArticles))
				if arts == nil {
					return notOurs(s.path, errMissing("articles bucket"))
				}
				err := arts.ForEach(func(k, js []byte) error {
					r.Articles++
					if len(k) != 4 {
						return notOurs(s.path, errMissing("article position"))
					}
					_, err := s.open(k, js, func() string { return articleName(v, k, string(id), version) })
					return err
				})
				if err != nil {
					return err
				}
			}
			keys := v.Bucket([]byte(bucketKeys))
			if keys == nil {
				return notOurs(s.path, errMissing("keys bucket"))
			}
			return keys.ForEach(func(k, e []byte) error {
				_, _, err := s.articleEntry(k, e, string(id), version)
				return err
			})
		})
	})
	if err != nil {
		return err
	}
	err = tx.Bucket([]byte(bucketImports)).ForEach(func(k, v []byte) error {
		_, err := s.importEntry(k, v)
		return err
	})
	if err != nil {
		return err
	}
	amends := tx.Bucket([]byte(bucketAmendments))
	err = amends.ForEach(func(id, v []byte) error {
		r.Amendments++
		if deep {
			_, _, err := s.readAmendment(amends, string(id))
			return err
		}
		body, err := s.open(id, v, func() string { return "amendment " + string(id) })
		if err != nil {
			return err
		}
		if _, _, ok := decodeRecord(body); !ok {
			return notOurs(s.path, errMissing("amendment record"))
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = tx.Bucket([]byte(bucketIndex)).ForEach(func(k, v []byte) error {
		_, _, _, err := s.indexEntry(k, v)
		return err
	})
	if err != nil {
		return err
	}
	log, err := s.readLog(tx)
	r.Decisions = len(log)
	if err != nil {
		return err
	}
	return s.verifyExchange(tx)
}

// articleEntry reads the entry of the article with key k in the keys
// bucket of a draft version.
func (s *Store) articleEntry(k, v []byte, draftID string, version int) (pos int, hash string, err error) {
	body, err := s.open(k, v, func() string {
		return fmt.Sprintf("the entry of article «%s» in version %d of draft %s", k, version, draftID)
	})
	if err != nil {
		return 0, "", err
	}
	pos, hash, ok := parseArticleEntry(body)
	if !ok {
		return 0, "", notOurs(s.path, errMissing("article entry"))
	}
	return pos, hash, nil
}

// indexEntry reads one entry of the amendment index.
func (s *Store) indexEntry(k, v []byte) (id, chamber, status []byte, err error) {
	body, err := s.open(k, v, func() string { return "an entry of the amendment index" })
	if err != nil {
		return nil, nil, nil, err
	}
	id, chamber, status, ok := parseIndexValue(body)
	if !ok {
		return nil, nil, nil, notOurs(s.path, errMissing("index entry"))
	}
	return id, chamber, status, nil
}

// migrate brings a database of an older schema up to SchemaVersion, in
// one transaction: it seals the records of a schema 1 database, after
// reading every one of them (a file that does not read whole is left as
// it is), adds the decision log to one of schema 2 or less, and records
// the log's head once the whole log has been read and checked (a log
// found damaged leaves the file as it is).
func (s *Store) migrate(tx *bolt.Tx) error {
	if s.schema < 2 {
		if err := s.sealRecords(tx); err != nil {
			return err
		}
	}
	for _, name := range topBuckets {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return err
		}
	}
	log, err := s.readLog(tx)
	if err != nil {
		return err
	}
	head := logHead{count: uint64(len(log)), hash: drafts.GenesisPrev}
	if len(log) > 0 {
		head.hash = log[len(log)-1].Hash
	}
	if err := putHead(tx, head); err != nil {
		return err
	}
	return tx.Bucket([]byte(bucketMeta)).Put([]byte(keySchema), binary.BigEndian.AppendUint32(nil, SchemaVersion))
}

// sealRecords seals every record of a schema 1 database, once all of them
// have been read.
func (s *Store) sealRecords(tx *bolt.Tx) error {
	var r Report
	if err := s.verifyRecords(tx, &r, true); err != nil {
		return err
	}
	var sealAll func(b *bolt.Bucket) error
	sealAll = func(b *bolt.Bucket) error {
		type kv struct{ k, v []byte }
		var recs []kv
		var subs [][]byte
		// Collected first: a bucket is not changed while it is walked.
		err := b.ForEach(func(k, v []byte) error {
			if v == nil {
				subs = append(subs, append([]byte(nil), k...))
				return nil
			}
			recs = append(recs, kv{append([]byte(nil), k...), seal(k, append([]byte(nil), v...))})
			return nil
		})
		if err != nil {
			return err
		}
		for _, r := range recs {
			if err := b.Put(r.k, r.v); err != nil {
				return err
			}
		}
		for _, k := range subs {
			if err := sealAll(b.Bucket(k)); err != nil {
				return err
			}
		}
		return nil
	}
	for _, name := range topBuckets {
		b := tx.Bucket([]byte(name))
		if name == bucketMeta || b == nil {
			continue
		}
		if err := sealAll(b); err != nil {
			return err
		}
	}
	return nil
}
