package boltstore_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
	"statute/drafts/boltstore"
)

// filled writes a database with the sample draft and one amendment, closed,
// and returns its path and the draft's ID.
func filled(t *testing.T) (string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "statute.db")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := addDraft(t, s, sampleDraft())
	addAmendments(t, s, wording(d, "2bis", "FM", "يحدد عدد أعضاء الغرفة في ٥٠ عضوا."))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, d.ID
}

// flip changes the first occurrence of old in the file at path to new (of
// the same length), as a failing disk would, and returns the new bytes.
func flip(t *testing.T, path, old, new string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte(old))
	if i < 0 || len(old) != len(new) {
		t.Fatalf("%q is not in the file, or %q is not as long", old, new)
	}
	copy(data[i:], new)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return data
}

// A changed letter in an article's text is found by every read that meets
// it and by Verify, and from then on nothing is written to the file.
func TestADamagedArticleIsNamedAndNothingIsWritten(t *testing.T) {
	path, id := filled(t)
	damaged := flip(t, path, "٤٥ عضوا", "٤٩ عضوا") // «(6)» becoming «(9)», in Eastern digits
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatalf("Open: %v (the pages are sound: the damage is in a record)", err)
	}
	const says = "does not match its checksum"
	for name, call := range map[string]func() error{
		"LatestDraft": func() error { _, err := s.LatestDraft(); return err },
		"Draft":       func() error { _, err := s.Draft(id); return err },
		"Article":     func() error { _, err := s.Article(id, 1, "2bis"); return err },
		"Verify":      func() error { _, err := s.Verify(); return err },
		"AddDraft":    func() error { d := sampleDraft(); return s.AddDraft(d) },
		"AddAmendments": func() error {
			return s.AddAmendments(wording(&drafts.Draft{ID: id, Version: 1}, "1", "CS", "نص"))
		},
	} {
		err := call()
		assertError(t, err, drafts.Invalid, says)
		if !strings.Contains(err.Error(), "article 2bis of version 1 of draft "+id) {
			t.Errorf("%s: %q does not name the damaged article", name, err)
		}
	}
	// Reads that do not meet the article still work.
	if infos, err := s.Drafts(); err != nil || len(infos) != 1 {
		t.Errorf("Drafts = %v, %v", infos, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, damaged) {
		t.Error("the damaged file was written to")
	}
}

// A store that has not read the damaged record yet still verifies the
// whole file before its first write.
func TestTheFirstWriteVerifiesTheFile(t *testing.T) {
	path, id := filled(t)
	damaged := flip(t, path, "٥٠ عضوا", "٥٩ عضوا") // inside the stored amendment
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.AddAmendments(wording(&drafts.Draft{ID: id, Version: 1}, "1", "CS", "نص"))
	assertError(t, err, drafts.Invalid, "amendment FM-")
	if after, _ := os.ReadFile(path); !bytes.Equal(after, damaged) {
		t.Error("the damaged file was written to")
	}
}

func TestVerifyReportsASoundFile(t *testing.T) {
	path, _ := filled(t)
	s, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.Verify()
	if err != nil || r.Drafts != 1 || r.Versions != 1 || r.Articles != 4 || r.Amendments != 1 {
		t.Errorf("Verify = %+v, %v; want 1 draft, 1 version, 4 articles, 1 amendment", r, err)
	}
}

// A database written before records carried checksums (schema 1) is read
// as it is, and sealed when first opened for writing.
func TestASchema1DatabaseIsSealedOnItsFirstWritableOpen(t *testing.T) {
	path, id := filled(t)
	unseal(t, path)
	ro, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	before := stateOf(t, ro).listing
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatalf("Open for writing a schema 1 file: %v", err)
	}
	if after := stateOf(t, s).listing; !bytes.Equal(after, before) {
		t.Errorf("sealing changed what the store holds:\nbefore %s\nafter  %s", before, after)
	}
	if _, err := s.Verify(); err != nil {
		t.Errorf("Verify after sealing: %v", err)
	}
	addAmendments(t, s, wording(&drafts.Draft{ID: id, Version: 1}, "1", "CS", "نص"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Sealed now: a flipped byte is found.
	flip(t, path, "٤٥ عضوا", "٤٩ عضوا")
	s, err = boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.LatestDraft()
	assertError(t, err, drafts.Invalid, "does not match its checksum")
}

// unseal turns the file at path back into schema 1: every record without
// its checksum.
func unseal(t *testing.T, path string) {
	t.Helper()
	updateFile(t, path, func(tx *bolt.Tx) error {
		var strip func(b *bolt.Bucket) error
		strip = func(b *bolt.Bucket) error {
			type kv struct{ k, v []byte }
			var recs []kv
			var subs [][]byte
			if err := b.ForEach(func(k, v []byte) error {
				if v == nil {
					subs = append(subs, bytes.Clone(k))
				} else {
					recs = append(recs, kv{bytes.Clone(k), bytes.Clone(v[:len(v)-4])})
				}
				return nil
			}); err != nil {
				return err
			}
			for _, r := range recs {
				if err := b.Put(r.k, r.v); err != nil {
					return err
				}
			}
			for _, k := range subs {
				if err := strip(b.Bucket(k)); err != nil {
					return err
				}
			}
			return nil
		}
		for _, name := range []string{"drafts", "imports", "amendments", "index"} {
			if err := strip(tx.Bucket([]byte(name))); err != nil {
				return err
			}
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, 1))
	})
}

// The automatic backups kept: the newest ten, and the newest of each of
// the last thirty days.
func TestBackupsKeptAreTheNewestTenAndOneADay(t *testing.T) {
	path, _ := filled(t)
	dir := boltstore.BackupDir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	// Made around the last noon (UTC), so that no day boundary falls
	// among the backups made a minute apart.
	noon := now.Truncate(24 * time.Hour).Add(12 * time.Hour)
	if noon.After(now) {
		noon = noon.Add(-24 * time.Hour)
	}
	put := func(at time.Time) {
		name := filepath.Join(dir, "statute-"+at.Format("20060102-150405.000")+".db")
		if err := os.WriteFile(name, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 15 { // before the last noon, a minute apart
		put(noon.Add(-time.Duration(i+1) * time.Minute))
	}
	for day := 2; day <= 40; day++ { // two a day before that
		put(noon.Add(-time.Duration(day) * 24 * time.Hour))
		put(noon.Add(-time.Duration(day)*24*time.Hour - time.Hour))
	}
	other := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(other, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	made, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	list, err := boltstore.Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	// The new one and nine of the minute-apart ones; then days 2 to 29
	// before the last noon, the newer of each day's two (day 30 is 30
	// days old or more by now).
	if len(list) != 10+28 || list[0].Path != made {
		t.Fatalf("%d backups kept, the newest %v; want 38, the newest %s", len(list), list[0], made)
	}
	for _, b := range list[10:] {
		if age := now.Sub(b.Made); age >= 30*24*time.Hour {
			t.Errorf("kept %s, %v old", b.Path, age)
		}
	}
	days := map[string]int{}
	for _, b := range list[10:] {
		days[b.Made.Format("2006-01-02")]++
	}
	for d, n := range days {
		if n != 1 {
			t.Errorf("%d backups kept for %s, want one", n, d)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a file that is not a backup was removed: %v", err)
	}
	if _, err := boltstore.Restore(filepath.Join(t.TempDir(), "x.db"), list[0].Path); err != nil {
		t.Errorf("restoring the new backup elsewhere: %v", err)
	}
}

// A brief store (the app's) lets go of the file when idle: another
// program opens it within its wait, writes, and the brief store then
// reads what it wrote, its Revision changed; while the brief store is in
// the middle of a transaction, the other waits.
func TestABriefStoreSharesTheFile(t *testing.T) {
	path, id := filled(t)
	app, err := boltstore.Open(path, boltstore.Options{Brief: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	before, err := app.Amendments(drafts.AmendmentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	rev, err := app.Revision()
	if err != nil {
		t.Fatal(err)
	}

	ctl, err := boltstore.Open(path, boltstore.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("statutectl beside the app: %v", err)
	}
	a := wording(&drafts.Draft{ID: id, Version: 1}, "1", "CS", "نص من سطر الأوامر")
	addAmendments(t, ctl, a)
	// While statutectl holds the file, the app waits at most its timeout.
	short, err := boltstore.Open(path, boltstore.Options{Brief: true, Timeout: 50 * time.Millisecond, ReadOnly: true})
	if err == nil {
		short.Close()
		t.Error("a second opener got the file while statutectl held it for writing")
	} else {
		assertError(t, err, drafts.Unavailable, "is open in another program")
	}
	if err := ctl.Close(); err != nil {
		t.Fatal(err)
	}

	after, err := app.Amendments(drafts.AmendmentFilter{})
	if err != nil || len(after) != len(before)+1 {
		t.Fatalf("the app reads %d amendments (%v), want the %d it had and statutectl's", len(after), err, len(before))
	}
	if now, err := app.Revision(); err != nil || now == rev {
		t.Errorf("Revision = %d, %v after statutectl wrote; it was %d", now, err, rev)
	}
	// And the app writes after it.
	addAmendments(t, app, wording(&drafts.Draft{ID: id, Version: 1}, "2", "FM", "نص من التطبيق"))
	if _, err := app.Verify(); err != nil {
		t.Error(err)
	}
}
