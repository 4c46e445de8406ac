package boltstore_test

import (
	"crypto/ed25519"
	"encoding/binary"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/keys"
)

// identity makes a key pair for role, cheaply: the store keeps it, the
// strength of its sealing is drafts/keys' to test.
func identity(t testing.TB, role string) *drafts.Identity {
	t.Helper()
	id, _, err := keys.New(role, []byte("passphrase-1"), keys.Params{Time: 1, Memory: 8 * 1024, Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func newKey(t testing.TB) []byte {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return pub
}

// The laptop's key pair: none at first, the latest set afterwards, kept
// across opening again, read-only too; an incomplete one is refused.
func TestIdentity(t *testing.T) {
	s := newStore(t)
	if _, err := s.Identity(); !drafts.IsKind(err, drafts.NotFound) {
		t.Fatalf("Identity of a new database: %v, want NotFound", err)
	}
	before := stateOf(t, s)
	assertError(t, s.SetIdentity(&drafts.Identity{Role: "FM", Public: []byte{1, 2}}), drafts.Invalid, "incomplete")
	bad := identity(t, "FM")
	bad.Role = "XX"
	assertError(t, s.SetIdentity(bad), drafts.NotFound, "unknown chamber")
	assertUnchanged(t, before, s)

	fm, sm := identity(t, "FM"), identity(t, "SM")
	for _, id := range []*drafts.Identity{fm, sm} {
		if err := s.SetIdentity(id); err != nil {
			t.Fatal(err)
		}
	}
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	got, err := ro.Identity()
	if err != nil || got.Role != "SM" || !drafts.SameKey(got.Public, sm.Public) || !got.Made.Equal(sm.Made) {
		t.Fatalf("Identity after reopening: %+v, %v; want SM's, the latest set", got, err)
	}
	if _, err := keys.Open(got, []byte("passphrase-1")); err != nil {
		t.Errorf("the stored key pair does not open: %v", err)
	}
}

// The register only grows: a key is registered once, for one role; a
// role's key is replaced only by an entry that names the key it replaces.
func TestRegister(t *testing.T) {
	s := newStore(t)
	k1, k2, k3 := newKey(t), newKey(t), newKey(t)
	first := &drafts.TrustedKey{Role: "fm", Public: k1, How: drafts.TrustedFromFile}
	if err := s.Trust(first); err != nil {
		t.Fatal(err)
	}
	if first.Seq != 1 || first.Role != "FM" || first.At.IsZero() {
		t.Errorf("the first entry as stored: %+v", first)
	}
	before := stateOf(t, s)
	for _, c := range []struct {
		k        drafts.TrustedKey
		kind     drafts.ErrorKind
		fragment string
	}{
		{drafts.TrustedKey{Role: "FM", Public: k1}, drafts.Conflict, "already registered for FM"},
		{drafts.TrustedKey{Role: "SM", Public: k1}, drafts.Conflict, "registered for FM, not SM"},
		{drafts.TrustedKey{Role: "FM", Public: k2}, drafts.Conflict, "deliberate"},
		{drafts.TrustedKey{Role: "FM", Public: k2, Replaces: k3}, drafts.Conflict, "replaced meanwhile"},
		{drafts.TrustedKey{Role: "SM", Public: k2, Replaces: k1}, drafts.Conflict, "replaced meanwhile"},
		{drafts.TrustedKey{Role: "FM", Public: k2[:10]}, drafts.Invalid, "not an Ed25519 key"},
		{drafts.TrustedKey{Role: "XX", Public: k2}, drafts.NotFound, "unknown chamber"},
	} {
		k := c.k
		assertError(t, s.Trust(&k), c.kind, c.fragment)
	}
	assertUnchanged(t, before, s)

	replacement := &drafts.TrustedKey{Role: "FM", Public: k2, How: drafts.TrustedFromFile, Replaces: k1, Note: "حاسوب جديد"}
	if err := s.Trust(replacement); err != nil {
		t.Fatal(err)
	}
	if err := s.Trust(&drafts.TrustedKey{Role: "SM", Public: k3, How: drafts.TrustedOnContact}); err != nil {
		t.Fatal(err)
	}
	reg, err := s.Register()
	if err != nil || len(reg) != 3 {
		t.Fatalf("Register: %d entries, %v; want 3", len(reg), err)
	}
	cur := drafts.CurrentKeys(reg)
	if !drafts.SameKey(cur["FM"].Public, k2) || cur["FM"].Note != "حاسوب جديد" || !drafts.SameKey(cur["SM"].Public, k3) {
		t.Errorf("current keys: %+v", cur)
	}
	if !drafts.SameKey(reg[0].Public, k1) {
		t.Error("the replaced key is no longer on record")
	}
}

// A receipt is written whole or not at all; its package is recorded, and
// the same package is refused a second time.
func TestReceive(t *testing.T) {
	fed := newStore(t)
	d := addDraft(t, fed, sampleDraft())
	// The chamber's laptop receives the federation's version 1 as it is.
	s := newStore(t)
	art := d.Article("2")
	a := &drafts.Amendment{ID: "FM-AAAAAAAA", DraftID: d.ID, DraftVersion: 1, BaseHash: art.TextHash(), Article: "2",
		Kind: drafts.Wording, Text: art.Text() + " جديد", Justification: "تعليل", Chamber: "FM",
		Created: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC), Updated: time.Date(2026, 11, 30, 11, 0, 0, 0, time.UTC), Status: drafts.StatusSubmitted}
	pkg := drafts.PackageRecord{ID: strings.Repeat("a", 64), Kind: "amendments", From: "FM", Key: newKey(t), Made: time.Now(), DraftID: d.ID, Version: 1}

	// A later part that fails (a log entry that does not follow) leaves
	// nothing of the earlier parts.
	before := stateOf(t, s)
	broken := drafts.Decision{Seq: 2, ID: "DEC-2", Amendment: a.ID, DraftID: d.ID, DraftVersion: 1, Verdict: drafts.Accept, By: "FED", At: time.Now(), Prev: drafts.GenesisPrev}
	broken.Hash = broken.Sum()
	b := *a
	err := s.Receive(&drafts.Receipt{Package: pkg, Drafts: []*drafts.Draft{d}, New: []*drafts.Amendment{&b}, Decisions: []drafts.Decision{broken}})
	assertError(t, err, drafts.Conflict, "does not extend")
	assertUnchanged(t, before, s)
	// A version that does not follow those stored.
	v2 := *d
	v2.Version = 2
	assertError(t, s.Receive(&drafts.Receipt{Package: pkg, Drafts: []*drafts.Draft{&v2}}), drafts.Conflict, "versions up to 0")
	assertUnchanged(t, before, s)

	good := drafts.Decision{Seq: 1, ID: "DEC-1", Amendment: a.ID, DraftID: d.ID, DraftVersion: 1, Verdict: drafts.Accept, By: "FED", At: time.Now().UTC(), Prev: drafts.GenesisPrev}
	good.Hash = good.Sum()
	b = *a
	r := &drafts.Receipt{Package: pkg, Drafts: []*drafts.Draft{d}, New: []*drafts.Amendment{&b}, Decisions: []drafts.Decision{good}}
	if err := s.Receive(r); err != nil {
		t.Fatal(err)
	}
	got, err := s.DraftVersion(d.ID, 1)
	if err != nil || got.Version != 1 || !got.Imported.Equal(d.Imported) || len(got.Articles) != len(d.Articles) {
		t.Fatalf("the draft received: %+v, %v; want version 1 as sent, its import time kept", got, err)
	}
	stored, err := s.Amendment(a.ID)
	if err != nil || !stored.Created.Equal(a.Created) || !stored.Updated.Equal(a.Updated) || stored.Text != a.Text {
		t.Errorf("the amendment received: %+v, %v; want it as sent, times kept", stored, err)
	}
	log, err := s.Decisions(drafts.DecisionFilter{})
	if err != nil || len(log) != 1 || log[0].Hash != good.Hash {
		t.Errorf("the log received: %+v, %v; want the federation's entry as it is", log, err)
	}
	rec, err := s.Package(pkg.ID)
	if err != nil || rec.From != "FM" || rec.Took.IsZero() {
		t.Errorf("the package's record: %+v, %v", rec, err)
	}
	// The decided amendment cannot be withdrawn by a later package.
	before = stateOf(t, s)
	w := *a
	w.Status = drafts.StatusWithdrawn
	pkg2 := pkg
	pkg2.ID = strings.Repeat("b", 64)
	assertError(t, s.Receive(&drafts.Receipt{Package: pkg2, Withdraw: []*drafts.Amendment{&w}}), drafts.Conflict, "can no longer be withdrawn")
	assertError(t, s.Receive(&drafts.Receipt{Package: pkg}), drafts.Conflict, "already imported")
	assertUnchanged(t, before, s)
	if recs, err := s.Packages(); err != nil || len(recs) != 1 {
		t.Errorf("Packages: %d, %v; want the one taken in", len(recs), err)
	}
}

// A schema 4 database gets the exchange's buckets when first opened for
// writing; read-only, it reads as one without keys.
func TestASchema4DatabaseGetsTheExchangeBuckets(t *testing.T) {
	s := newStore(t)
	addDraft(t, s, sampleDraft())
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	updateFile(t, path, func(tx *bolt.Tx) error {
		for _, name := range []string{"identities", "register", "packages"} {
			if err := tx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, 4))
	})
	ro, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.Identity(); !drafts.IsKind(err, drafts.NotFound) {
		t.Errorf("Identity of a schema 4 file read-only: %v, want NotFound", err)
	}
	if reg, err := ro.Register(); err != nil || len(reg) != 0 {
		t.Errorf("Register of a schema 4 file: %v, %v", reg, err)
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetIdentity(identity(t, "FED")); err != nil {
		t.Errorf("SetIdentity after the migration: %v", err)
	}
	if _, err := s.Verify(); err != nil {
		t.Errorf("Verify after the migration: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// A damaged record of the exchange (a flipped bit in the key pair) is
// found by Verify and named; the store then writes nothing.
func TestDamagedIdentityIsFound(t *testing.T) {
	s := newStore(t)
	if err := s.SetIdentity(identity(t, "FM")); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	updateFile(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("identities"))
		k, v := b.Cursor().First()
		v = append([]byte(nil), v...)
		v[10] ^= 0x04
		return b.Put(k, v)
	})
	ro, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, err = ro.Verify()
	assertError(t, err, drafts.Invalid, "the laptop's key pair does not match its checksum")
}
