package boltstore_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
	"statute/drafts/boltstore"
)

const notOurs = "is not a Statute Workbench database (or it is damaged): check the path, or restore it from a backup"

func TestOpenCreatesFolderAndFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "config", "StatuteWorkbench")
	path := filepath.Join(dir, "statute.db")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closeAndCheck(t, s) })
	if runtime.GOOS == "windows" {
		return // no Unix permission bits to check
	}
	for p, want := range map[string]os.FileMode{dir: 0o700 | os.ModeDir, path: 0o600} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode() != want {
			t.Errorf("%s has mode %v, want %v", p, info.Mode(), want)
		}
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "statute.db")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := addDraft(t, s, sampleDraft())
	addAmendments(t, s, wording(d, "3", "SM", "نص"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, readOnly := range []bool{false, true} {
		s, err := boltstore.Open(path, boltstore.Options{ReadOnly: readOnly})
		if err != nil {
			t.Fatalf("reopening (read-only %v): %v", readOnly, err)
		}
		got, err := s.LatestDraft()
		if err != nil || got.ID != d.ID {
			t.Errorf("after reopening (read-only %v): latest draft %v, %v; want %s", readOnly, got, err, d.ID)
		}
		if list, err := s.Amendments(drafts.AmendmentFilter{}); err != nil || len(list) != 1 {
			t.Errorf("after reopening (read-only %v): %d amendments, %v; want 1", readOnly, len(list), err)
		}
		closeAndCheck(t, s)
	}
}

func TestOpenLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "statute.db")
	holder, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	addDraft(t, holder, sampleDraft())
	for _, readOnly := range []bool{false, true} {
		_, err := boltstore.Open(path, boltstore.Options{Timeout: 100 * time.Millisecond, ReadOnly: readOnly})
		assertError(t, err, drafts.Unavailable,
			"the database "+path+" is open in another program (the Statute Workbench app or statutectl): close it and try again")
	}
	if err := holder.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := boltstore.Open(path, boltstore.Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("once the holder closed it: %v", err)
	}
	closeAndCheck(t, s)
}

func TestReadOnly(t *testing.T) {
	dir := t.TempDir()
	t.Run("missing file", func(t *testing.T) {
		path := filepath.Join(dir, "none", "statute.db")
		_, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
		assertError(t, err, drafts.NotFound, "there is no database at "+path)
		if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
			t.Errorf("a read-only open created %s", filepath.Dir(path))
		}
	})
	t.Run("empty file", func(t *testing.T) {
		path := filepath.Join(dir, "empty.db")
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
		assertError(t, err, drafts.NotFound, "there is no database at "+path)
	})
	t.Run("writes refused, readers share", func(t *testing.T) {
		path := filepath.Join(dir, "statute.db")
		s, err := boltstore.Open(path, boltstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := addDraft(t, s, sampleDraft())
		a := wording(d, "1", "FM", "نص")
		addAmendments(t, s, a)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		r1, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer closeAndCheck(t, r1)
		r2, err := boltstore.Open(path, boltstore.Options{ReadOnly: true, Timeout: 100 * time.Millisecond})
		if err != nil {
			t.Fatalf("a second reader: %v", err)
		}
		defer closeAndCheck(t, r2)
		before := stateOf(t, r1)
		assertError(t, r1.AddDraft(sampleDraft()), drafts.Unavailable, "is open read-only")
		assertError(t, r1.AddAmendments(wording(d, "2", "FM", "نص")), drafts.Unavailable, "is open read-only")
		a.Text = "نص آخر"
		assertError(t, r1.UpdateAmendment(a), drafts.Unavailable, "is open read-only")
		assertUnchanged(t, before, r2)
	})
}

func TestEmptyFileBecomesADatabase(t *testing.T) {
	// A crash between creating the file and bbolt's first write leaves an
	// empty file; there is nothing in it to protect.
	path := filepath.Join(t.TempDir(), "statute.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	addDraft(t, s, sampleDraft())
	closeAndCheck(t, s)
}

func TestOpenAfterInterruptedCreation(t *testing.T) {
	// bbolt wrote its first pages, then the program stopped before the
	// schema was recorded: the file holds no bucket and is taken as new.
	path := filepath.Join(t.TempDir(), "statute.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = boltstore.Open(path, boltstore.Options{ReadOnly: true})
	assertError(t, err, drafts.NotFound, "there is no database")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	addDraft(t, s, sampleDraft())
	closeAndCheck(t, s)
}

// validFile returns the bytes of a small database holding a draft and an
// amendment.
func validFile(t testing.TB) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "valid.db")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Fixed IDs keep the file's layout the same from run to run.
	d := sampleDraft()
	d.ID = "D-7K3QX9AB"
	addDraft(t, s, d)
	a := wording(d, "2", "ORI", "نص مقترح")
	a.ID = "ORI-7K3QX9AB"
	addAmendments(t, s, a)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// boltFile writes a bbolt file with what fill puts in it and returns its bytes.
func boltFile(t testing.TB, fill func(tx *bolt.Tx) error) []byte {
	t.Helper()
	return updateFile(t, filepath.Join(t.TempDir(), "other.db"), fill)
}

// ourFile makes a database with Open, changes it with bbolt directly, and
// returns its bytes.
func ourFile(t testing.TB, change func(tx *bolt.Tx) error) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ours.db")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	addDraft(t, s, sampleDraft())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return updateFile(t, path, change)
}

// updateFile runs fn in a bbolt transaction on the file at path, which it
// creates if missing, and returns the file's bytes.
func updateFile(t testing.TB, path string, fn func(tx *bolt.Tx) error) []byte {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func garbage(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// pageSize is bbolt's page size for files made on this machine.
var pageSize = os.Getpagesize()

// damagedFiles are files Open must refuse, without writing to them.
func damagedFiles(t testing.TB) map[string][]byte {
	valid := validFile(t)
	hwm := highWaterMark(valid)
	meta := func(tx *bolt.Tx) *bolt.Bucket { return tx.Bucket([]byte("meta")) }
	withPage := func(page int, change func(p []byte)) []byte {
		b := bytes.Clone(valid)
		change(b[page*pageSize : (page+1)*pageSize])
		return b
	}
	files := map[string][]byte{
		"a text file":          []byte("المادة الأولى\nتحدث غرف الصناعة التقليدية.\n"),
		"a few bytes":          {0xED},
		"garbage":              garbage(16*pageSize, 1),
		"zeros":                make([]byte, 16*pageSize),
		"truncated to 100":     valid[:100],
		"truncated to a page":  valid[:pageSize],
		"truncated to 3 pages": valid[:3*pageSize],
		"half its pages":       valid[:hwm/2*pageSize],
		"one page short":       valid[:(hwm-1)*pageSize],
		"another app's bbolt file": boltFile(t, func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("widgets"))
			if err != nil {
				return err
			}
			return b.Put([]byte("gear"), []byte("42"))
		}),
		"another app's meta bucket": boltFile(t, func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("meta"))
			if err != nil {
				return err
			}
			return b.Put([]byte("app"), []byte("Other App"))
		}),
		"no schema version": ourFile(t, func(tx *bolt.Tx) error { return meta(tx).Delete([]byte("schema")) }),
		"a bucket missing":  ourFile(t, func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte("amendments")) }),
		"both meta pages garbage": func() []byte {
			b := bytes.Clone(valid)
			copy(b, garbage(2*pageSize, 2))
			return b
		}(),
	}
	// Damage inside the pages in use, with the meta pages intact: bbolt
	// itself would panic, fault or loop on these.
	for _, page := range pagesInUse(t, valid) {
		files["page "+strconv.Itoa(page)+" renumbered"] = withPage(page, func(p []byte) { binary.NativeEndian.PutUint64(p, 1<<40) })
		files["page "+strconv.Itoa(page)+" typeless"] = withPage(page, func(p []byte) { binary.NativeEndian.PutUint16(p[8:], 0x80) })
		files["page "+strconv.Itoa(page)+" overflowing"] = withPage(page, func(p []byte) { binary.NativeEndian.PutUint32(p[12:], 1<<20) })
		files["page "+strconv.Itoa(page)+" overcounted"] = withPage(page, func(p []byte) { binary.NativeEndian.PutUint16(p[10:], 0xFFFE) })
		files["page "+strconv.Itoa(page)+" far elements"] = withPage(page, func(p []byte) {
			for off := 16; off+16 <= 16+16*4; off += 16 {
				binary.NativeEndian.PutUint32(p[off+4:], 1<<30)
			}
		})
		files["page "+strconv.Itoa(page)+" keys out of order"] = withPage(page, func(p []byte) {
			// The first key made the greatest, or, for a one-key page,
			// the key made empty.
			if binary.NativeEndian.Uint16(p[10:]) == 1 {
				binary.NativeEndian.PutUint32(p[16+8:], 0)
				return
			}
			pos := 16 + int(binary.NativeEndian.Uint32(p[16+4:]))
			if binary.NativeEndian.Uint16(p[8:]) == 0x01 {
				pos = 16 + int(binary.NativeEndian.Uint32(p[16:]))
			}
			if pos < len(p) {
				p[pos] = 0xFF
			}
		})
		files["page "+strconv.Itoa(page)+" points at itself"] = withPage(page, func(p []byte) {
			// As a branch whose children are the page itself.
			binary.NativeEndian.PutUint16(p[8:], 0x01)
			for off := 16; off+16 <= 16+16*int(binary.NativeEndian.Uint16(p[10:])) && off+16 <= len(p); off += 16 {
				binary.NativeEndian.PutUint64(p[off+8:], uint64(page))
			}
		})
	}
	return files
}

// highWaterMark reads, from the meta page bbolt uses, the number of pages
// in use: those past it are free space.
func highWaterMark(file []byte) int {
	var hwm, txid uint64
	for _, off := range []int{0, pageSize} {
		m := file[off+16:]
		if t := binary.NativeEndian.Uint64(m[48:]); t >= txid {
			txid, hwm = t, binary.NativeEndian.Uint64(m[40:])
		}
	}
	return int(hwm)
}

// pagesInUse lists the pages past the meta pages that bbolt reads: those
// below the high-water mark that are not free.
func pagesInUse(t testing.TB, file []byte) []int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pages.db")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, PreLoadFreelist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	}()
	var pages []int
	err = db.View(func(tx *bolt.Tx) error {
		for id := 2; ; id++ {
			info, err := tx.Page(id)
			if err != nil || info == nil {
				return err
			}
			if info.Type != "free" {
				pages = append(pages, id)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func TestOpenIgnoresDamageInFreeSpace(t *testing.T) {
	valid := validFile(t)
	hwm := highWaterMark(valid)
	if len(valid) <= hwm*pageSize {
		t.Fatalf("the file (%d bytes) has no free space past its %d pages", len(valid), hwm)
	}
	data := bytes.Clone(valid)
	copy(data[hwm*pageSize:], garbage(len(data)-hwm*pageSize, 3))
	path := filepath.Join(t.TempDir(), "statute.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if list, err := s.Amendments(drafts.AmendmentFilter{}); err != nil || len(list) != 1 {
		t.Errorf("Amendments = %d, %v; want the one stored", len(list), err)
	}
	closeAndCheck(t, s)
}

func TestOpenRefusesDamagedFiles(t *testing.T) {
	for name, data := range damagedFiles(t) {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "statute.db")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			for _, readOnly := range []bool{false, true} {
				s, err := boltstore.Open(path, boltstore.Options{ReadOnly: readOnly})
				if err == nil {
					t.Errorf("Open (read-only %v) accepted it", readOnly)
					if cerr := s.Close(); cerr != nil {
						t.Error(cerr)
					}
					continue
				}
				assertError(t, err, drafts.Invalid, path+" "+notOurs)
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(after, data) {
				t.Errorf("Open wrote to the file it refused")
			}
		})
	}
}

// TestRandomDamage flips a few bytes in the pages in use, then opens the
// file and, when Open accepts it, reads and writes: nothing may panic, and
// every failure must be a domain error.
func TestRandomDamage(t *testing.T) {
	valid := validFile(t)
	valid = valid[:highWaterMark(valid)*pageSize]
	pages := pagesInUse(t, valid)
	want := func() []byte {
		path := filepath.Join(t.TempDir(), "sound.db")
		if err := os.WriteFile(path, valid, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		return stateOf(t, s).listing
	}()
	const files = 60
	accepted, damaged := 0, 0
	for seed := range uint64(files) {
		r := rand.New(rand.NewPCG(seed, 7))
		data := bytes.Clone(valid)
		for range 1 + r.IntN(4) {
			page := pages[r.IntN(len(pages))]
			data[page*pageSize+r.IntN(pageSize)] ^= byte(1 + r.IntN(255))
		}
		path := filepath.Join(t.TempDir(), "statute.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := boltstore.Open(path, boltstore.Options{})
		if err != nil {
			// A flipped schema number reads as a newer version.
			if !strings.Contains(err.Error(), "newer version") {
				assertError(t, err, drafts.Invalid, notOurs)
			}
			assertError(t, err, drafts.Invalid, "")
			if after, rerr := os.ReadFile(path); rerr != nil || !bytes.Equal(after, data) {
				t.Errorf("seed %d: Open wrote to a file it refused (%v)", seed, rerr)
			}
			continue
		}
		accepted++
		if _, verr := s.Verify(); verr != nil {
			// Damage found: nothing may be written to the file.
			assertError(t, verr, drafts.Invalid, "is damaged")
			d := sampleDraft()
			if err := s.AddDraft(d); err == nil {
				t.Errorf("seed %d: AddDraft wrote into a file Verify found damaged (%v)", seed, verr)
			}
			if err := s.Close(); err != nil {
				t.Error(err)
			}
			if after, rerr := os.ReadFile(path); rerr != nil || !bytes.Equal(after, data) {
				t.Errorf("seed %d: a damaged file was written to (%v)", seed, rerr)
			}
			damaged++
			continue
		}
		// Verify found nothing: the damage missed every record, and the
		// store reads what the sound file holds.
		if got := stateOf(t, s).listing; !bytes.Equal(got, want) {
			t.Errorf("seed %d: Verify passed, but the store reads\n%s\nwhere the sound file holds\n%s", seed, got, want)
		}
		domain := func(what string, err error) {
			if _, ok := err.(*drafts.Error); err != nil && !ok {
				t.Errorf("seed %d: %s: %v is a %T, not a *drafts.Error", seed, what, err, err)
			}
		}
		_, err = s.Drafts()
		domain("Drafts", err)
		_, err = s.LatestDraft()
		domain("LatestDraft", err)
		_, err = s.Amendments(drafts.AmendmentFilter{})
		domain("Amendments", err)
		d := sampleDraft()
		d.ID = "D-7K3QX9AB"
		domain("AddDraft", s.AddDraft(d))
		domain("AddAmendments", s.AddAmendments(wording(d, "1", "FM", "نص")))
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}
	t.Logf("%d of %d damaged files were opened; Verify found the damage in %d of them (the rest was in unused bytes)", accepted, files, damaged)
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	data := ourFile(t, func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, boltstore.SchemaVersion+1))
	})
	path := filepath.Join(t.TempDir(), "statute.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, readOnly := range []bool{false, true} {
		_, err := boltstore.Open(path, boltstore.Options{ReadOnly: readOnly})
		assertError(t, err, drafts.Invalid, fmt.Sprintf("was written by a newer version of Statute Workbench (schema %d; this version reads schema %d): update the app",
			boltstore.SchemaVersion+1, boltstore.SchemaVersion))
	}
	if after, err := os.ReadFile(path); err != nil || !bytes.Equal(after, data) {
		t.Errorf("Open wrote to a newer database (%v)", err)
	}
}

func TestOpenFolder(t *testing.T) {
	dir := t.TempDir()
	_, err := boltstore.Open(dir, boltstore.Options{})
	assertError(t, err, drafts.Invalid, "is a folder, not a database file")
	_, err = boltstore.Open("", boltstore.Options{})
	assertError(t, err, drafts.Invalid, "no database path")
}

func TestDefaultPath(t *testing.T) {
	t.Run("from the environment", func(t *testing.T) {
		t.Setenv(boltstore.EnvDB, "/x/y.db")
		got, err := boltstore.DefaultPath()
		if err != nil || got != "/x/y.db" {
			t.Errorf("DefaultPath = %q, %v; want /x/y.db", got, err)
		}
	})
	t.Run("in the user's configuration folder", func(t *testing.T) {
		t.Setenv(boltstore.EnvDB, "")
		config, err := os.UserConfigDir()
		if err != nil {
			t.Fatal(err)
		}
		got, err := boltstore.DefaultPath()
		if want := filepath.Join(config, "StatuteWorkbench", "statute.db"); err != nil || got != want {
			t.Errorf("DefaultPath = %q, %v; want %q", got, err, want)
		}
	})
}

func TestClosedStore(t *testing.T) {
	s := newStore(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	_, err := s.Drafts()
	assertError(t, err, drafts.Unavailable, "is closed: open it again")
	assertError(t, s.AddDraft(sampleDraft()), drafts.Unavailable, "is closed")
	if err := s.Close(); err != nil {
		t.Errorf("closing twice: %v", err)
	}
}
