package boltstore

import (
	"os"
	"time"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
)

// A store opened with Options.Brief holds its file only while it is in
// use, and lets go of it a moment (linger) after its last transaction: the
// app keeps its store for hours, and statutectl, run beside it by the
// legal staff or a script, must get in between. bbolt locks the whole
// file for as long as it is open, so the app closes it when idle and opens
// it again on the next read or write, waiting at most Options.Timeout for
// whoever holds it then. A file another program wrote to in between is
// checked page by page again before bbolt reads it (verify); one nobody
// touched is opened at once.

// linger is how long a brief store keeps the file after its last use: a
// burst of reads (an article shown, its amendments counted) opens it once.
const linger = 100 * time.Millisecond

// view runs fn in a read transaction on the file, held for the length of
// it (and a moment after) in a brief store.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	db, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.release()
	return db.View(fn)
}

// acquire returns the open database, opening it again if a brief store
// had let it go. Each acquire is matched by a release.
func (s *Store) acquire() (*bolt.DB, error) {
	if !s.opt.Brief {
		return s.db, nil
	}
	s.hold.Lock()
	defer s.hold.Unlock()
	if s.closed {
		return nil, drafts.Errorf(drafts.Unavailable, "the database %s is closed: open it again", s.path)
	}
	if s.linger != nil {
		s.linger.Stop()
		s.linger = nil
	}
	if s.db == nil {
		db, err := s.reopen()
		if err != nil {
			return nil, err
		}
		s.db = db
	}
	s.users++
	return s.db, nil
}

// release ends a use begun by acquire; the last one lets the file go
// after a moment.
func (s *Store) release() {
	if !s.opt.Brief {
		return
	}
	s.hold.Lock()
	defer s.hold.Unlock()
	s.users--
	if s.users == 0 && !s.closed {
		s.linger = time.AfterFunc(linger, s.letGo)
	}
}

// letGo closes the file if nobody uses it, remembering its transaction ID
// so that the next open can tell whether another program wrote to it.
func (s *Store) letGo() {
	s.hold.Lock()
	defer s.hold.Unlock()
	if s.users > 0 || s.db == nil {
		return
	}
	if err := s.db.View(func(tx *bolt.Tx) error {
		s.txid = uint64(tx.ID())
		return nil
	}); err != nil {
		s.txid = 0
	}
	if err := s.db.Close(); err != nil {
		s.txid = 0
	}
	s.db = nil
}

// reopen opens the file again for a brief store: at once if nobody wrote
// to it since it was let go, else after the page-by-page check that Open
// makes of a file it has not seen.
func (s *Store) reopen() (*bolt.DB, error) {
	if s.txid == 0 || s.fileTxid() != s.txid {
		ro, _, err := verify(s.path, s.opt.Timeout)
		if err != nil {
			return nil, err
		}
		if err := ro.Close(); err != nil {
			return nil, drafts.Wrap(drafts.Internal, err, "the database %s could not be reopened", s.path)
		}
	}
	db, err := bolt.Open(s.path, 0o600, s.boltOptions())
	if err != nil {
		return nil, openError(s.path, err)
	}
	return db, nil
}

// fileTxid reads the ID of the last transaction written to the file, from
// its meta pages, without opening it in bbolt; 0 when it cannot be read.
func (s *Store) fileTxid() uint64 {
	f, err := os.Open(s.path)
	if err != nil {
		return 0
	}
	defer f.Close()
	m, ok := readMeta(f, 0)
	if !ok {
		return 0
	}
	m, err = currentMeta(f, int(m.pageSize))
	if err != nil {
		return 0
	}
	return m.txid
}

// Revision is a number that changes whenever anyone (this store or
// another program) writes to the file: the app asks it every few seconds
// to show what statutectl changed.
func (s *Store) Revision() (uint64, error) {
	if txid := s.fileTxid(); txid != 0 {
		return txid, nil
	}
	var id uint64
	err := s.view(func(tx *bolt.Tx) error {
		id = uint64(tx.ID())
		return nil
	})
	return id, s.fail(err, "read the database's revision")
}

// closeHeld closes the file, if held, for Close.
func (s *Store) closeHeld() error {
	if !s.opt.Brief {
		return s.db.Close()
	}
	s.hold.Lock()
	defer s.hold.Unlock()
	s.closed = true
	if s.linger != nil {
		s.linger.Stop()
	}
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	return err
}
