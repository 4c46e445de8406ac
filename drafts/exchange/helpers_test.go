package exchange_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/exchange"
	"statute/drafts/keys"
	"statute/drafts/round"
)

// pass is every test laptop's passphrase.
var pass = []byte("كلمة السر 2026")

// A laptop is one database file, standing for one installation.
type laptop struct {
	t    *testing.T
	path string
	s    *boltstore.Store
	r    *round.Round
	role drafts.Chamber
}

// newLaptop opens a fresh database with a key pair for role, unlocked.
func newLaptop(t *testing.T, role string) *laptop {
	t.Helper()
	c, err := drafts.ChamberByCode(role)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), role+".db")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	l := &laptop{t: t, path: path, s: s, r: round.New(s), role: c}
	// Cheap Argon2id costs: the tests make dozens of laptops, and the race
	// detector slows the default costs tenfold. TestMakeKey makes one as
	// the app and statutectl do.
	id, _, err := keys.New(role, pass, keys.Params{Time: 1, Memory: 8 * 1024, Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetIdentity(id); err != nil {
		t.Fatal(err)
	}
	if err := l.r.Unlock(pass); err != nil {
		t.Fatal(err)
	}
	return l
}

// federation is a federation's laptop holding the sample draft.
func federation(t *testing.T) *laptop {
	t.Helper()
	l := newLaptop(t, drafts.FederationCode)
	if ok, err := l.r.Seed(assets.SampleDraft); err != nil || !ok {
		t.Fatalf("Seed = %v, %v", ok, err)
	}
	return l
}

func (l *laptop) identity() *drafts.Identity {
	l.t.Helper()
	id, err := l.s.Identity()
	if err != nil {
		l.t.Fatal(err)
	}
	return id
}

// trusts registers other's public key, through its public-key file.
func (l *laptop) trusts(other *laptop) {
	l.t.Helper()
	id := other.identity()
	role, pub, err := keys.ParsePublic(keys.MarshalPublic(id.Role, id.Public))
	if err != nil {
		l.t.Fatal(err)
	}
	if _, err := exchange.Trust(l.s, role, pub, drafts.TrustedFromFile, false, ""); err != nil {
		l.t.Fatal(err)
	}
}

// pack makes the laptop's package at the time given.
func (l *laptop) pack(at time.Time) []byte {
	l.t.Helper()
	data, _, err := exchange.Pack(l.r, "", at)
	if err != nil {
		l.t.Fatal(err)
	}
	return data
}

// take imports a package and fails the test on a refusal.
func (l *laptop) take(data []byte) *exchange.Report {
	l.t.Helper()
	rep, err := exchange.Import(l.s, data, "test.statpkg")
	if err != nil {
		l.t.Fatalf("%s: Import: %v", l.role.Code, err)
	}
	return rep
}

// latest is the draft the laptop holds.
func (l *laptop) latest() *drafts.Draft {
	l.t.Helper()
	d, err := l.r.Latest()
	if err != nil {
		l.t.Fatal(err)
	}
	return d
}

// propose submits the chamber's new wording of article key.
func (l *laptop) propose(key, words string) *drafts.Amendment {
	l.t.Helper()
	d := l.latest()
	art := d.Article(key)
	a := round.Blank(l.role, d, art)
	a.Text = art.Text() + " " + words
	a.Justification = "تعليل " + words
	if err := l.r.Submit(l.role, d, a); err != nil {
		l.t.Fatal(err)
	}
	return a
}

// bytes is the database file as it is now, for comparing.
func (l *laptop) bytes() []byte {
	l.t.Helper()
	b, err := os.ReadFile(l.path)
	if err != nil {
		l.t.Fatal(err)
	}
	return b
}

// unchangedBy checks that fn leaves the database file byte for byte as
// it was.
func (l *laptop) unchangedBy(what string, fn func()) {
	l.t.Helper()
	before := l.bytes()
	fn()
	if !bytes.Equal(before, l.bytes()) {
		l.t.Errorf("%s changed the database of %s", what, l.role.Code)
	}
}

// three are the federation and two chambers, each with the other side's
// key registered, the chambers holding the federation's draft.
func three(t *testing.T) (fed, fm, sm *laptop) {
	t.Helper()
	fed, fm, sm = federation(t), newLaptop(t, "FM"), newLaptop(t, "SM")
	for _, c := range []*laptop{fm, sm} {
		fed.trusts(c)
		c.trusts(fed)
	}
	draft := fed.pack(time.Now())
	fm.take(draft)
	sm.take(draft)
	return fed, fm, sm
}

// errID is the message ID of a domain error, or "" for another.
func errID(err error) string {
	if e, ok := err.(*drafts.Error); ok {
		return e.ID
	}
	return ""
}
