package exchange_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/exchange"
	"statute/drafts/keys"
	"statute/drafts/round"
)

// The round trip of the issue: the federation sends the draft, two
// chambers amend and send back, the federation's board shows exactly
// their amendments.
func TestDraftOutAmendmentsBack(t *testing.T) {
	fed, fm, sm := three(t)
	want := fed.latest()
	for _, c := range []*laptop{fm, sm} {
		got := c.latest()
		if got.ID != want.ID || got.Version != want.Version || len(got.Articles) != len(want.Articles) {
			t.Fatalf("%s holds draft %s v%d (%d articles), want %s v%d (%d)", c.role.Code, got.ID, got.Version, len(got.Articles), want.ID, want.Version, len(want.Articles))
		}
		for i := range want.Articles {
			if got.Articles[i].Text() != want.Articles[i].Text() {
				t.Fatalf("%s: article %s differs from the federation's", c.role.Code, want.Articles[i].Key)
			}
		}
	}
	a1 := fm.propose("3", "وفق القانون رقم 50.17")
	a2 := fm.propose("5", "بعد استشارة المجلس")
	b1 := sm.propose("3", "في أجل ثلاثين يوما")

	rep := fed.take(fm.pack(time.Now()))
	if rep.Count(exchange.New) != 2 || len(rep.Lines) != 2 || !rep.Written || rep.Backup == "" {
		t.Fatalf("FM's package: %d new of %d lines, written %v, backup %q; want 2 new, written after a backup", rep.Count(exchange.New), len(rep.Lines), rep.Written, rep.Backup)
	}
	fed.take(sm.pack(time.Now()))

	board, err := fed.s.Amendments(round.Visible(drafts.Federation, want.ID))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range board {
		got = append(got, a.ID)
		if a.Status != drafts.StatusSubmitted {
			t.Errorf("%s is %s on the board, want submitted", a.ID, a.Status)
		}
	}
	for _, id := range []string{a1.ID, a2.ID, b1.ID} {
		if !strings.Contains(strings.Join(got, " "), id) {
			t.Errorf("the board lacks %s: %v", id, got)
		}
	}
	if len(got) != 3 {
		t.Errorf("the board shows %d amendments, want exactly the chambers' 3: %v", len(got), got)
	}
	stored, err := fed.s.Amendment(a1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Text != a1.Text || stored.Justification != a1.Justification || !stored.Created.Equal(a1.Created) {
		t.Errorf("the federation stores %+v, want FM's amendment as sent: %+v", stored, a1)
	}
	last, err := exchange.Last(fed.s)
	if err != nil {
		t.Fatal(err)
	}
	if roles := exchange.Roles(last); strings.Join(roles, ",") != "FM,SM" {
		t.Errorf("last packages from %v, want FM and SM", roles)
	}
}

// Every byte of a small package flipped in turn is refused, and the
// federation's database is left as it was.
func TestEveryByteFlippedIsRefused(t *testing.T) {
	fed, fm, _ := three(t)
	fm.propose("3", "كلمة")
	pkg := fm.pack(time.Now())
	if len(pkg) > 4000 {
		t.Fatalf("the package is %d bytes: want a small one", len(pkg))
	}
	fed.unchangedBy("flipped packages", func() {
		for i := range pkg {
			bad := bytes.Clone(pkg)
			bad[i] ^= 0x01
			if _, err := exchange.Import(fed.s, bad, "bad.statpkg"); err == nil {
				t.Fatalf("byte %d flipped (%q): the package was taken", i, pkg[max(i-10, 0):min(i+10, len(pkg))])
			} else if !drafts.IsKind(err, drafts.Invalid) {
				t.Errorf("byte %d flipped: %v (%s), want Invalid", i, err, drafts.KindOf(err))
			}
		}
	})
	if rep := fed.take(pkg); rep.Count(exchange.New) != 1 {
		t.Errorf("the package itself: %d new, want 1", rep.Count(exchange.New))
	}
}

// A package edited by hand (a word changed in a text editor) is refused.
func TestEditedByHandIsRefused(t *testing.T) {
	fed, fm, _ := three(t)
	fm.propose("3", "وفق القانون رقم 50.17")
	pkg := fm.pack(time.Now())
	edited := bytes.Replace(pkg, []byte("50.17"), []byte("50.18"), 1)
	fed.unchangedBy("an edited package", func() {
		_, err := exchange.Import(fed.s, edited, "edited.statpkg")
		if errID(err) != "exchange.bad-signature" {
			t.Errorf("edited package: %v, want the sentence that it was altered", err)
		}
	})
}

// Packages from keys the federation did not register, or signed by one
// chamber while claiming to be another, are refused.
func TestWrongKeys(t *testing.T) {
	fed, fm, sm := three(t)
	fm.propose("3", "كلمة")

	// A laptop nobody registered, for FM.
	stranger := newLaptop(t, "FM")
	stranger.trusts(fed)
	stranger.take(fed.pack(time.Now()))
	stranger.propose("4", "مزورة")
	fed.unchangedBy("an unknown key", func() {
		_, err := exchange.Import(fed.s, stranger.pack(time.Now()), "x.statpkg")
		if errID(err) != "exchange.wrong-key" || !drafts.IsKind(err, drafts.Forbidden) {
			t.Errorf("FM's package signed by an unregistered key: %v, want the wrong-key refusal", err)
		}
	})

	// A chamber claiming to be another: SM's key, a package saying FM.
	// Made by hand here, as only a forger would: Pack signs as the
	// laptop's role.
	smID, smKey, err := sm.r.Key()
	if err != nil {
		t.Fatal(err)
	}
	fmDraft := fm.latest()
	art := fmDraft.Article("3")
	forged := &exchange.Body{Kind: exchange.KindAmendments, From: "FM", Made: time.Now(), DraftID: fmDraft.ID, Version: fmDraft.Version,
		Amendments: []exchange.Item{{Revision: 1, Amendment: drafts.Amendment{ID: "FM-AAAAAAAA", DraftID: fmDraft.ID, DraftVersion: 1,
			BaseHash: art.TextHash(), Article: "3", Kind: drafts.Wording, Text: art.Text() + " زور", Justification: "زور",
			Chamber: "FM", Created: time.Now(), Updated: time.Now(), Status: drafts.StatusSubmitted}}}}
	data, err := exchange.Seal(forged, smKey)
	if err != nil || !drafts.SameKey(smID.Public, forged.Key) {
		t.Fatal(err)
	}
	fed.unchangedBy("a chamber claiming to be another", func() {
		_, err := exchange.Import(fed.s, data, "forged.statpkg")
		if errID(err) != "exchange.claims-other" {
			t.Errorf("SM's key claiming FM: %v, want the claims-other refusal", err)
		}
	})

	// A key never registered for any role, and no key for the role.
	dt := newLaptop(t, "DT")
	dt.trusts(fed)
	dt.take(fed.pack(time.Now()))
	dt.propose("3", "كلمة")
	_, err = exchange.Import(fed.s, dt.pack(time.Now()), "dt.statpkg")
	if !exchange.IsUnknownKey(err) {
		t.Errorf("DT's first package: %v, want the unknown-key refusal that asks to compare fingerprints", err)
	}
	// Once a person compared fingerprints and registered it, it comes in.
	p, rerr := exchange.Read(dt.pack(time.Now()))
	if rerr != nil {
		t.Fatal(rerr)
	}
	if _, err := exchange.Trust(fed.s, p.From, p.Key, drafts.TrustedOnContact, false, ""); err != nil {
		t.Fatal(err)
	}
	if rep := fed.take(dt.pack(time.Now())); rep.Count(exchange.New) != 1 {
		t.Errorf("DT after registering its key: %d new, want 1", rep.Count(exchange.New))
	}
}

// The same package twice changes nothing; an older one after a newer
// never replaces the newer revision.
func TestDuplicateAndReplay(t *testing.T) {
	fed, fm, _ := three(t)
	a := fm.propose("3", "كلمة")
	older := fm.pack(time.Now().Add(-time.Hour))
	fed.take(older)

	fed.unchangedBy("the same package again", func() {
		rep := fed.take(older)
		if rep.Seen == nil || rep.Written || rep.Count(exchange.Unchanged) != 1 {
			t.Errorf("again: seen %v, written %v, %d unchanged; want seen, nothing written, 1 unchanged", rep.Seen, rep.Written, rep.Count(exchange.Unchanged))
		}
	})

	if _, err := fm.r.Withdraw(fm.role, a.ID); err != nil {
		t.Fatal(err)
	}
	rep := fed.take(fm.pack(time.Now()))
	if rep.Count(exchange.Updated) != 1 {
		t.Fatalf("the withdrawal: %d updated, want 1", rep.Count(exchange.Updated))
	}
	if got, _ := fed.s.Amendment(a.ID); got.Status != drafts.StatusWithdrawn {
		t.Fatalf("after the withdrawal came in, %s is %s", a.ID, got.Status)
	}
	// The older package (submitted) replayed: the withdrawal stays.
	fed.unchangedBy("an older package replayed", func() {
		rep := fed.take(older)
		if rep.Written || rep.Count(exchange.Unchanged) != 1 {
			t.Errorf("replay: written %v, %d unchanged; want nothing written", rep.Written, rep.Count(exchange.Unchanged))
		}
	})
	if got, _ := fed.s.Amendment(a.ID); got.Status != drafts.StatusWithdrawn {
		t.Errorf("the older package brought %s back to %s", a.ID, got.Status)
	}
}

// A withdrawal that comes after the federation decided is refused on its
// line; the decision stands.
func TestWithdrawnAfterDecision(t *testing.T) {
	fed, fm, _ := three(t)
	a := fm.propose("3", "كلمة")
	fed.take(fm.pack(time.Now()))
	if _, err := fed.r.Decide(drafts.Federation, a.ID, drafts.Accept, "", nil, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := fm.r.Withdraw(fm.role, a.ID); err != nil {
		t.Fatal(err)
	}
	rep := fed.take(fm.pack(time.Now()))
	if rep.Count(exchange.Refused) != 1 || errID(rep.Lines[0].Note) != "exchange.decided-kept" {
		t.Errorf("withdrawn after the decision: %+v, want refused, the decision kept", rep.Lines)
	}
	if got, _ := fed.s.Amendment(a.ID); got.Status != drafts.StatusSubmitted {
		t.Errorf("%s is %s, want submitted and decided", a.ID, got.Status)
	}
}

// Amendments made on an older version than the federation's come in,
// flagged stale; a package for a draft the federation does not hold is
// refused.
func TestStaleAndOtherDraft(t *testing.T) {
	fed, fm, _ := three(t)
	fm.propose("3", "كلمة")
	v2 := fed.latest()
	v2.Articles[0].Paragraphs = append(v2.Articles[0].Paragraphs, "فقرة جديدة.")
	if err := fed.r.Import(v2); err != nil {
		t.Fatal(err)
	}
	rep := fed.take(fm.pack(time.Now()))
	if rep.Count(exchange.New) != 1 || errID(rep.Lines[0].Note) != "exchange.stale" {
		t.Errorf("made on version 1, taken at version 2: %+v, want new and flagged stale", rep.Lines)
	}

	other := federation(t)
	other.trusts(fm)
	other.unchangedBy("a package for another draft", func() {
		// other's sample draft has its own ID: FM's draft is not there.
		_, err := exchange.Import(other.s, fm.pack(time.Now()), "fm.statpkg")
		if errID(err) != "exchange.other-draft" {
			t.Errorf("another draft: %v, want the other-draft refusal", err)
		}
	})
}

// A truncated file, a huge one, and files that are not packages are
// refused with their own sentences.
func TestBadFiles(t *testing.T) {
	fed, fm, _ := three(t)
	fm.propose("3", "كلمة")
	pkg := fm.pack(time.Now())
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"cut in half", pkg[:len(pkg)/2], "exchange.cut-short"},
		{"cut before the signature's end", pkg[:len(pkg)-5], "exchange.cut-short"},
		{"first bytes only", pkg[:10], "exchange.cut-short"},
		{"empty", nil, "exchange.cut-short"},
		{"huge", append(bytes.Clone(pkg), make([]byte, exchange.MaxSize)...), "exchange.too-large"},
		{"a Word file", []byte("PK\x03\x04 not a package"), "exchange.not-package"},
		{"a newer format", []byte("Statute Workbench package 2\n{}\nsignature: x\n"), "exchange.newer-format"},
		{"a line after the signature", append(bytes.Clone(pkg), "more\n"...), "exchange.malformed"},
	}
	fed.unchangedBy("bad files", func() {
		for _, c := range cases {
			_, err := exchange.Import(fed.s, c.data, c.name)
			if errID(err) != c.want || !drafts.IsKind(err, drafts.Invalid) {
				t.Errorf("%s: %v, want %s", c.name, err, c.want)
			}
		}
	})
	if _, err := exchange.ReadAll(bytes.NewReader(make([]byte, exchange.MaxSize+10))); errID(err) != "exchange.too-large" {
		t.Errorf("ReadAll of a huge file: %v", err)
	}
}

// A wrong passphrase does not unlock the key, and a locked key signs
// nothing and decides nothing.
func TestPassphrase(t *testing.T) {
	fed, fm, _ := three(t)
	fm.propose("3", "كلمة")
	fm.r.Lock()
	if err := fm.r.Unlock([]byte("not the passphrase")); !drafts.IsKind(err, drafts.Forbidden) {
		t.Errorf("wrong passphrase: %v, want Forbidden", err)
	}
	fm.unchangedBy("packing locked", func() {
		if _, _, err := exchange.Pack(fm.r, "", time.Now()); !round.IsLocked(err) {
			t.Errorf("packing with the key locked: %v, want the locked refusal", err)
		}
	})
	fed.take(fm.pack2(t))
	fed.r.Lock()
	as, _ := fed.s.Amendments(drafts.AmendmentFilter{Chamber: "FM"})
	fed.unchangedBy("deciding locked", func() {
		if _, err := fed.r.Decide(drafts.Federation, as[0].ID, drafts.Accept, "", nil, ""); !round.IsLocked(err) {
			t.Errorf("deciding with the federation's key locked: %v, want the locked refusal", err)
		}
	})
	if err := fed.r.Unlock(pass); err != nil {
		t.Fatal(err)
	}
	if _, err := fed.r.Decide(drafts.Federation, as[0].ID, drafts.Accept, "", nil, ""); err != nil {
		t.Errorf("deciding unlocked: %v", err)
	}
}

// pack2 unlocks the chamber's key and packs.
func (l *laptop) pack2(t *testing.T) []byte {
	if err := l.r.Unlock(pass); err != nil {
		t.Fatal(err)
	}
	return l.pack(time.Now())
}

// A chamber's laptop cannot become the federation, nor decide as it.
func TestChamberCannotBecomeFederation(t *testing.T) {
	_, fm, _ := three(t)
	a := fm.propose("3", "كلمة")
	fm.unchangedBy("taking the federation's role", func() {
		if _, err := exchange.MakeKey(fm.s, drafts.FederationCode, pass, true); errID(err) != "exchange.federation-needs-key" {
			t.Errorf("a chamber making the federation's key: %v, want the refusal", err)
		}
		if _, err := fm.r.Decide(drafts.Federation, a.ID, drafts.Accept, "", nil, ""); errID(err) != "round.not-federation-laptop" {
			t.Errorf("a chamber deciding: %v, want the refusal", err)
		}
		if _, err := fm.r.Withdraw(mustChamber(t, "SM"), a.ID); errID(err) != "round.laptop-of" {
			t.Errorf("FM's laptop acting for SM: %v, want the refusal", err)
		}
	})
	// A change to another chamber asks for confirmation first.
	if _, err := exchange.MakeKey(fm.s, "SM", pass, false); !exchange.NeedsConfirmation(err) {
		t.Errorf("FM to SM unconfirmed: %v, want a confirmation asked", err)
	}
}

// The federation's decisions travel back with its draft: the chamber sees
// what became of its amendments.
func TestDecisionsTravelBack(t *testing.T) {
	fed, fm, _ := three(t)
	a := fm.propose("3", "كلمة")
	b := fm.propose("5", "أخرى")
	fed.take(fm.pack(time.Now()))
	if _, err := fed.r.Decide(drafts.Federation, a.ID, drafts.Accept, "", nil, "مقبول"); err != nil {
		t.Fatal(err)
	}
	if _, err := fed.r.Decide(drafts.Federation, b.ID, drafts.Reject, "", nil, "مرفوض"); err != nil {
		t.Fatal(err)
	}
	rep := fm.take(fed.pack(time.Now()))
	if rep.Decisions != 2 {
		t.Errorf("%d decisions came in, want 2", rep.Decisions)
	}
	for id, want := range map[string]drafts.Verdict{a.ID: drafts.Accept, b.ID: drafts.Reject} {
		d, err := fm.r.Current(id)
		if err != nil || d == nil || d.Verdict != want {
			t.Errorf("FM sees %s decided %v (%v), want %s", id, d, err, want)
		}
	}
	// And it can no longer withdraw what was decided.
	if _, err := fm.r.Withdraw(fm.role, a.ID); !drafts.IsKind(err, drafts.Conflict) {
		t.Errorf("withdrawing a decided amendment on FM's laptop: %v, want Conflict", err)
	}
}

func mustChamber(t *testing.T, code string) drafts.Chamber {
	c, err := drafts.ChamberByCode(code)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// MakeKey makes the key pair at the stated costs, on a database that had
// none as a president's first start has it, and it opens with its
// passphrase only.
func TestMakeKey(t *testing.T) {
	s, err := boltstore.Open(filepath.Join(t.TempDir(), "new.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := exchange.MakeKey(s, "SM", []byte("short"), false); !drafts.IsKind(err, drafts.Invalid) {
		t.Errorf("a short passphrase: %v, want it refused", err)
	}
	id, err := exchange.MakeKey(s, "SM", pass, false)
	if err != nil {
		t.Fatal(err)
	}
	p := keys.DefaultParams
	if id.Private.KDF != "argon2id" || id.Private.Time != p.Time || id.Private.Memory != p.Memory || id.Private.Threads != p.Threads {
		t.Errorf("the key pair is sealed with %+v, want argon2id at the default costs %+v", id.Private, p)
	}
	r := round.New(s)
	if err := r.Unlock([]byte("another passphrase")); !drafts.IsKind(err, drafts.Forbidden) {
		t.Errorf("a wrong passphrase: %v, want Forbidden", err)
	}
	if err := r.Unlock(pass); err != nil {
		t.Errorf("its passphrase: %v", err)
	}
	if _, err := exchange.MakeKey(s, "SM", pass, true); errID(err) != "exchange.same-role" {
		t.Errorf("the same role again: %v, want nothing to do", err)
	}
}

// A signed package whose parts do not hold together (one our code would
// not make) is refused whole, with what is wrong.
func TestSignedButMalformed(t *testing.T) {
	fed, fm, _ := three(t)
	_, key, err := fm.r.Key()
	if err != nil {
		t.Fatal(err)
	}
	d := fm.latest()
	art := d.Article("3")
	item := func(mod func(*exchange.Item)) exchange.Item {
		it := exchange.Item{Revision: 1, Amendment: drafts.Amendment{ID: "FM-AAAAAAAA", DraftID: d.ID, DraftVersion: 1,
			BaseHash: art.TextHash(), Article: "3", Kind: drafts.Wording, Text: art.Text() + " زيادة", Justification: "تعليل",
			Chamber: "FM", Created: time.Now(), Updated: time.Now(), Status: drafts.StatusSubmitted}}
		mod(&it)
		return it
	}
	for name, it := range map[string]exchange.Item{
		"a version the package does not know": item(func(it *exchange.Item) { it.DraftVersion = 7 }),
		"version 0":                           item(func(it *exchange.Item) { it.DraftVersion = 0 }),
		"another chamber's amendment":         item(func(it *exchange.Item) { it.Chamber = "SM"; it.ID = "SM-AAAAAAAA" }),
		"an ID of another chamber":            item(func(it *exchange.Item) { it.ID = "SM-AAAAAAAA" }),
		"a revision that is not its status's": item(func(it *exchange.Item) { it.Revision = 2 }),
		"a draft amendment":                   item(func(it *exchange.Item) { it.Status, it.Revision = drafts.StatusDraft, 0 }),
		"another draft's amendment":           item(func(it *exchange.Item) { it.DraftID = "D-ZZZZZZZZ" }),
	} {
		b := &exchange.Body{Kind: exchange.KindAmendments, From: "FM", Made: time.Now(), DraftID: d.ID, Version: 1, Amendments: []exchange.Item{it}}
		data, err := exchange.Seal(b, key)
		if err != nil {
			t.Fatal(err)
		}
		fed.unchangedBy(name, func() {
			if _, err := exchange.Import(fed.s, data, "x.statpkg"); errID(err) != "exchange.malformed" {
				t.Errorf("%s: %v, want the package refused as malformed", name, err)
			}
		})
	}
}
