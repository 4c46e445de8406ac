// Package boltstore keeps drafts and amendments in one bbolt file on the
// user's machine: the drafts.Store that the app and statutectl both open. It
// is the only package of Statute Workbench that knows bbolt.
//
// A store is one file held by one program at a time: a second Open fails
// within Options.Timeout with an Unavailable error instead of waiting.
// Open refuses, without writing to it, a file that is not a sound Statute
// Workbench database, so a wrong path or a damaged copy cannot be made worse.
package boltstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"statute/drafts"
)

// EnvDB names the environment variable that, when set, gives the database
// path, for tests, scripts and a federation laptop holding several rounds.
const EnvDB = "STATUTE_DB"

// DefaultTimeout is how long Open waits for a file held by another program.
const DefaultTimeout = time.Second

// Options tune Open.
type Options struct {
	// Timeout bounds the wait for a file another program holds; zero
	// means DefaultTimeout.
	Timeout time.Duration
	// ReadOnly opens an existing database for reading only; other
	// read-only openers may share it.
	ReadOnly bool
	// Brief holds the file only while the store is in use (and a moment
	// after), so that another program can use it in between: for the app,
	// which keeps its store open for hours beside statutectl (hold.go).
	Brief bool
}

// initialMmapSize is the address space mapped for the file from the start.
// bbolt remaps as the file grows, and each remap during a commit copies every
// key and value the transaction holds: storing 20,000 amendments at once
// remapped a dozen times and allocated 410 MB instead of 107 MB. Where a
// mapping is only address space (64-bit Unix), 256 MB covers a federation's
// database without a remap. On Windows bbolt grows the file to the mapping's
// size, so the default stays.
var initialMmapSize = func() int {
	if runtime.GOOS == "windows" || strconv.IntSize < 64 {
		return 0
	}
	return 256 << 20
}()

// Store is a drafts.Store in a bbolt file. It is safe for concurrent use.
type Store struct {
	db   *bolt.DB // nil while a brief store has let the file go
	path string
	opt  Options
	// sealed: every record ends with its checksum (schema 2 on).
	sealed bool
	// schema is the file's schema, SchemaVersion once opened for writing.
	schema uint32

	mu       sync.Mutex
	verified bool          // the whole file was verified before the first write
	damaged  *drafts.Error // the damage found, after which nothing is written

	// A brief store's hold on the file (hold.go), guarded by hold.
	hold   sync.Mutex
	users  int         // transactions under way
	linger *time.Timer // lets the file go once idle
	txid   uint64      // the file's last transaction when let go
	closed bool
}

var _ drafts.Store = (*Store)(nil)

// DefaultPath is where the app and statutectl keep their database: $STATUTE_DB
// when set, else StatuteWorkbench/statute.db in the user's configuration
// folder.
func DefaultPath() (string, error) {
	if p := os.Getenv(EnvDB); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", drafts.Wrap(drafts.Unavailable, err,
			"no configuration folder was found for this user: set %s to the path of the database", EnvDB)
	}
	return filepath.Join(dir, "StatuteWorkbench", "statute.db"), nil
}

// Open opens the database at path, creating it (and its folder) when missing
// unless opt.ReadOnly. Unavailable: another program holds the file. Invalid:
// the file is not a Statute Workbench database, is damaged, or was written
// by a newer version. NotFound: a read-only open of a missing database.
func Open(path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, drafts.Errorf(drafts.Invalid, "no database path was given")
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) || err == nil && info.Size() == 0 && !info.IsDir():
		// An empty file is what a crash leaves between creating the file
		// and bbolt's first write; it holds nothing to lose.
		if opt.ReadOnly {
			return nil, drafts.Errorf(drafts.NotFound, "there is no database at %s yet: import a draft first, or check the path", path)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, drafts.Wrap(drafts.Unavailable, err, "the folder for the database %s could not be created: check its permissions", path)
		}
	case err != nil:
		return nil, openError(path, err)
	case info.IsDir():
		return nil, drafts.Errorf(drafts.Invalid, "%s is a folder, not a database file: give the path of the database file", path)
	default:
		db, empty, err := verify(path, opt.Timeout)
		if err != nil {
			return nil, err
		}
		if opt.ReadOnly {
			if empty {
				return nil, closeAfter(drafts.Errorf(drafts.NotFound, "there is no database at %s yet: import a draft first, or check the path", path), db)
			}
			st := &Store{db: db, path: path, opt: opt}
			if err := db.View(func(tx *bolt.Tx) error {
				var err error
				st.schema, err = fileSchema(tx, path)
				st.sealed = st.schema >= 2
				return err
			}); err != nil {
				return nil, closeAfter(err, db)
			}
			return st, nil
		}
		if err := db.Close(); err != nil {
			return nil, drafts.Wrap(drafts.Internal, err, "the database %s could not be reopened for writing", path)
		}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opt.Timeout, InitialMmapSize: initialMmapSize})
	if err != nil {
		return nil, openError(path, err)
	}
	s := &Store{db: db, path: path, opt: opt}
	// Checked in a read transaction first: an Update commits, and so
	// writes, even when it changes nothing.
	fresh := false
	err = db.View(func(tx *bolt.Tx) error {
		if fresh = isEmpty(tx); fresh {
			return nil
		}
		var err error
		s.schema, err = fileSchema(tx, path)
		s.sealed = s.schema >= 2
		return err
	})
	switch {
	case err == nil && fresh:
		err = db.Update(s.initSchema)
	case err == nil && s.schema < SchemaVersion:
		// A database of an older schema is brought up to date now (a
		// schema 1 file once all of it has been read).
		err = db.Update(s.migrate)
		if err == nil {
			s.sealed, s.schema = true, SchemaVersion
		}
	}
	if err != nil {
		return nil, closeAfter(s.fail(err, "prepare"), db)
	}
	if opt.Brief {
		s.users = 1
		s.release()
	}
	return s, nil
}

// boltOptions are the options the file is opened with.
func (s *Store) boltOptions() *bolt.Options {
	return &bolt.Options{Timeout: s.opt.Timeout, InitialMmapSize: initialMmapSize, ReadOnly: s.opt.ReadOnly}
}

// closeAfter closes a database that is being given up on because of err,
// and returns err, with the failure to close as a further cause if any.
func closeAfter(err error, db *bolt.DB) error {
	cerr := db.Close()
	if cerr == nil {
		return err
	}
	var de *drafts.Error
	if !errors.As(err, &de) {
		return drafts.Wrap(drafts.Internal, errors.Join(err, cerr), "the database %s could not be opened, nor closed", db.Path())
	}
	e := *de
	e.Err = errors.Join(e.Err, cerr)
	return &e
}

// verify opens an existing file read-only and checks, without writing, that
// it is a Statute Workbench database bbolt can read safely. empty reports a
// bbolt file with no bucket at all: one whose creation was cut short.
func verify(path string, timeout time.Duration) (db *bolt.DB, empty bool, err error) {
	// A damaged file can still fault past the checks: make that a panic
	// recover can catch, then refuse the file.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = notOurs(path, fmt.Errorf("bbolt panicked: %v", r))
			if db != nil {
				err = closeAfter(err, db)
				db = nil
			}
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: true})
	if err != nil {
		return nil, false, openError(path, err)
	}
	fail := func(err error) (*bolt.DB, bool, error) { return nil, false, closeAfter(err, db) }
	f, err := os.Open(path)
	if err != nil {
		return fail(openError(path, err))
	}
	err = checkPages(f, db.Info().PageSize)
	if cerr := f.Close(); err == nil && cerr != nil {
		return fail(openError(path, cerr))
	}
	if err != nil {
		return fail(notOurs(path, err))
	}
	err = db.View(func(tx *bolt.Tx) error {
		if tx.Bucket([]byte(bucketMeta)) == nil {
			if empty = isEmpty(tx); empty {
				return nil
			}
		}
		return checkSchema(tx, path)
	})
	if err != nil {
		return fail(err)
	}
	return db, empty, nil
}

// initSchema records the schema in a new database.
func (s *Store) initSchema(tx *bolt.Tx) error {
	if !isEmpty(tx) {
		// Another program created it between our look and this Update.
		var err error
		s.schema, err = fileSchema(tx, s.path)
		s.sealed = s.schema >= 2
		return err
	}
	s.sealed, s.schema = true, SchemaVersion
	for _, name := range topBuckets {
		if _, err := tx.CreateBucket([]byte(name)); err != nil {
			return err
		}
	}
	meta := tx.Bucket([]byte(bucketMeta))
	for k, v := range map[string][]byte{
		keyApp:     []byte(appMagic),
		keySchema:  binary.BigEndian.AppendUint32(nil, SchemaVersion),
		keyCreated: []byte(time.Now().UTC().Format(time.RFC3339)),
		keyLogHead: headValue(logHead{hash: drafts.GenesisPrev}),
	} {
		if err := meta.Put([]byte(k), v); err != nil {
			return err
		}
	}
	return nil
}

// isEmpty reports a database without a single bucket.
func isEmpty(tx *bolt.Tx) bool {
	k, _ := tx.Cursor().First()
	return k == nil
}

// The sentences said about the database file itself.
var (
	msgNewerSchema = drafts.NewMessage("database.newer-schema", "the database %s was written by a newer version of Statute Workbench (schema %d; this version reads schema %d): update the app and statutectl")
	msgNotOurs     = drafts.NewMessage("database.not-ours", "%s is not a Statute Workbench database (or it is damaged): check the path, or restore it from a backup")
	msgHeld        = drafts.NewMessage("database.held", "the database %s is open in another program (the Statute Workbench app or statutectl): close it and try again")
	msgPermission  = drafts.NewMessage("database.permission", "the database %s cannot be opened: permission denied; check the file's permissions")
	msgCannotOpen  = drafts.NewMessage("database.cannot-open", "the database %s cannot be opened: %s")
)

// fileSchema checks that the file is one of ours, in a schema this
// version reads, and returns that schema (records are sealed from 2 on).
func fileSchema(tx *bolt.Tx, path string) (uint32, error) {
	if err := checkSchema(tx, path); err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint32(tx.Bucket([]byte(bucketMeta)).Get([]byte(keySchema))), nil
}

// checkSchema refuses a file that is not one of ours, or was written by a
// newer version.
func checkSchema(tx *bolt.Tx, path string) error {
	meta := tx.Bucket([]byte(bucketMeta))
	if meta == nil || string(meta.Get([]byte(keyApp))) != appMagic {
		return notOurs(path, errors.New("no Statute Workbench meta bucket"))
	}
	v := meta.Get([]byte(keySchema))
	if len(v) != 4 || binary.BigEndian.Uint32(v) == 0 {
		return notOurs(path, errors.New("no schema version"))
	}
	if n := binary.BigEndian.Uint32(v); n > SchemaVersion {
		return msgNewerSchema.Err(drafts.Invalid, path, n, SchemaVersion)
	}
	n := binary.BigEndian.Uint32(v)
	for _, name := range topBuckets {
		if tx.Bucket([]byte(name)) == nil && n >= max(sinceSchema[name], 1) {
			return notOurs(path, fmt.Errorf("no %s bucket", name))
		}
	}
	return nil
}

func notOurs(path string, cause error) error {
	return msgNotOurs.Wrap(drafts.Invalid, cause, path)
}

// openError turns a failure to open the file into the sentence for the user.
func openError(path string, err error) error {
	var pe *fs.PathError
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return msgHeld.Wrap(drafts.Unavailable, err, path)
	case errors.Is(err, fs.ErrPermission):
		return msgPermission.Wrap(drafts.Unavailable, err, path)
	case errors.As(err, &pe):
		return msgCannotOpen.Wrap(drafts.Unavailable, err, path, pe.Err.Error())
	}
	// Everything else comes from reading bbolt's own pages.
	return notOurs(path, err)
}

// Path is the file the store keeps its data in.
func (s *Store) Path() string { return s.path }

// Close releases the file, so another program can open it.
func (s *Store) Close() error {
	if err := s.closeHeld(); err != nil {
		return drafts.Wrap(drafts.Internal, err, "the database %s could not be closed", s.path)
	}
	return nil
}

// Check runs bbolt's consistency check over the whole file and returns an
// Internal error listing what it found, or nil.
func (s *Store) Check() error {
	var problems []string
	err := s.view(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			problems = append(problems, err.Error())
		}
		return nil
	})
	if err != nil {
		return s.fail(err, "check")
	}
	if len(problems) > 0 {
		return drafts.Errorf(drafts.Internal, "the database %s is inconsistent: %s", s.path, strings.Join(problems, "; "))
	}
	return nil
}

// fail passes domain errors through and turns bbolt's into Internal or
// Unavailable ones that say what could not be done.
func (s *Store) fail(err error, doing string) error {
	var de *drafts.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &de):
		return err
	case errors.Is(err, berrors.ErrDatabaseReadOnly):
		return drafts.Wrap(drafts.Unavailable, err, "the database %s is open read-only: open it for writing to %s", s.path, doing)
	case errors.Is(err, berrors.ErrDatabaseNotOpen):
		return drafts.Wrap(drafts.Unavailable, err, "the database %s is closed: open it again to %s", s.path, doing)
	}
	return drafts.Wrap(drafts.Internal, err, "could not %s in the database %s", doing, s.path)
}
