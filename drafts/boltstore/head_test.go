package boltstore_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
	"statute/drafts/boltstore"
)

// AddDecided stores the federation's synthesis and its supersede decision
// in one write: the synthesis is stored submitted, and the log's next
// entry decides it.
func TestAddDecided(t *testing.T) {
	s, fm, cs, _ := decisionRound(t)
	decide(t, s, drafts.Decision{Amendment: fm.ID, Verdict: drafts.Accept})
	d, err := s.Draft(fm.DraftID)
	if err != nil {
		t.Fatal(err)
	}
	syn := wording(d, "2", "FED", "تتولى الغرفة تمثيل الصناع وتكوينهم وتأطيرهم.")
	syn.Status = drafts.StatusSubmitted
	dec := drafts.Decision{Verdict: drafts.Supersede, Replaces: []string{fm.ID, cs.ID}, Note: "تسوية", By: "FED"}
	if err := s.AddDecided(syn, &dec); err != nil {
		t.Fatalf("AddDecided: %v", err)
	}
	if syn.ID == "" || dec.Amendment != syn.ID || dec.Seq != 2 || dec.Hash != dec.Sum() {
		t.Fatalf("AddDecided set the amendment %q and the decision %+v", syn.ID, dec)
	}
	stored, err := s.Amendment(syn.ID)
	if err != nil || stored.Status != drafts.StatusSubmitted || stored.Text != syn.Text {
		t.Fatalf("the synthesis as stored: %+v, %v", stored, err)
	}
	log, err := s.Decisions(drafts.DecisionFilter{Amendment: cs.ID})
	if err != nil || len(log) != 1 || log[0].Amendment != syn.ID || log[0].Verdict != drafts.Supersede {
		t.Fatalf("CS's history: %+v, %v; want the synthesis superseding it", log, err)
	}
	if _, err := s.SetStatus(syn.ID, drafts.StatusSubmitted, drafts.StatusWithdrawn); !drafts.IsKind(err, drafts.Conflict) {
		t.Errorf("withdrawing the decided synthesis: %v, want a conflict", err)
	}
}

// A decision AddDecided cannot record leaves no amendment behind, nor
// any change to the file; so does an amendment it cannot store.
func TestAddDecidedRefusalsStoreNothing(t *testing.T) {
	s, fm, cs, _ := decisionRound(t)
	d, err := s.Draft(fm.DraftID)
	if err != nil {
		t.Fatal(err)
	}
	unsent := wording(d, "1", "CS", "نص لم يقدم.")
	addAmendments(t, s, unsent)
	synthesis := func() *drafts.Amendment {
		a := wording(d, "2", "FED", "صياغة الجامعة.")
		a.Status = drafts.StatusSubmitted
		return a
	}
	supersede := func(ids ...string) drafts.Decision {
		return drafts.Decision{Verdict: drafts.Supersede, Replaces: ids, By: "FED"}
	}
	draft := synthesis()
	draft.Status = drafts.StatusDraft
	noArticle := synthesis()
	noArticle.Article = "99"
	byChamber := supersede(fm.ID)
	byChamber.By = "FM"
	tests := []struct {
		name string
		a    *drafts.Amendment
		d    drafts.Decision
		kind drafts.ErrorKind
		says string
	}{
		{"replaces unknown", synthesis(), supersede(fm.ID, "CS-ZZZZZZZZ"), drafts.Invalid, "no amendment CS-ZZZZZZZZ to replace"},
		{"replaces a draft", synthesis(), supersede(cs.ID, unsent.ID), drafts.Invalid, "a synthesis replaces only submitted"},
		{"replaces nothing", synthesis(), supersede(), drafts.Invalid, "must name the amendments"},
		{"a chamber deciding", synthesis(), byChamber, drafts.Forbidden, "only the federation decides"},
		{"not submitted", draft, supersede(fm.ID), drafts.Invalid, "it must be submitted"},
		{"no such article", noArticle, supersede(fm.ID), drafts.Invalid, "has no article «99»"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := stateOf(t, s)
			err := s.AddDecided(tt.a, &tt.d)
			assertError(t, err, tt.kind, tt.says)
			assertUnchanged(t, before, s)
		})
	}
}

// headOf reads the record of the log's end from the file: the count of
// entries and the last one's hash.
func headOf(t *testing.T, path string) (uint64, string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n uint64
	var hash string
	err = db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket([]byte("meta")).Get([]byte("log-head"))
		if len(v) != 8+64+4 {
			t.Fatalf("the log's head is %d bytes: %q", len(v), v)
		}
		n, hash = binary.BigEndian.Uint64(v), string(v[8:72])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n, hash
}

// The file records the log's end (its count and last hash) with each
// entry appended; a new database records an empty log.
func TestTheLogsHeadIsRecorded(t *testing.T) {
	s, fm, cs, _ := decisionRound(t)
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if n, hash := headOf(t, path); n != 0 || hash != drafts.GenesisPrev {
		t.Errorf("the head of an empty log: %d, %s", n, hash)
	}
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	decide(t, s, drafts.Decision{Amendment: fm.ID, Verdict: drafts.Accept})
	last := decide(t, s, drafts.Decision{Amendment: cs.ID, Verdict: drafts.Reject})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if n, hash := headOf(t, path); n != 2 || hash != last.Hash {
		t.Errorf("the head after two entries: %d, %s; want 2, %s", n, hash, last.Hash)
	}
}

// A schema 3 database, whose log has no head, gets it when first opened
// for writing, from its log read whole; read-only, it reads as before.
func TestASchema3DatabaseGetsItsLogsHead(t *testing.T) {
	s, fm, cs, _ := decisionRound(t)
	decide(t, s, drafts.Decision{Amendment: fm.ID, Verdict: drafts.Accept})
	second := decide(t, s, drafts.Decision{Amendment: cs.ID, Verdict: drafts.Reject})
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	asSchema3 := func(tx *bolt.Tx) error {
		meta := tx.Bucket([]byte("meta"))
		if err := meta.Delete([]byte("log-head")); err != nil {
			return err
		}
		return meta.Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, 3))
	}
	updateFile(t, path, asSchema3)
	ro, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if log, err := ro.Decisions(drafts.DecisionFilter{}); err != nil || len(log) != 2 {
		t.Fatalf("the log of a schema 3 file read-only: %d entries, %v", len(log), err)
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	third := decide(t, s, drafts.Decision{Amendment: fm.ID, Verdict: drafts.Reject})
	if third.Seq != 3 || third.Prev != second.Hash {
		t.Errorf("the entry after the migration: %+v, want entry 3 after %s", third, second.Hash)
	}
	if r, err := s.Verify(); err != nil || r.Decisions != 3 {
		t.Errorf("Verify after the migration: %+v, %v", r, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if n, hash := headOf(t, path); n != 3 || hash != third.Hash {
		t.Errorf("the head after the migration: %d, %s", n, hash)
	}

	// A schema 3 file whose log is damaged is refused, unwritten.
	updateFile(t, path, func(tx *bolt.Tx) error {
		if err := asSchema3(tx); err != nil {
			return err
		}
		return tx.Bucket([]byte("decisions")).Delete(logEntryKey(2))
	})
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := boltstore.Open(path, boltstore.Options{}); err == nil {
		s.Close()
		t.Fatal("a schema 3 file with an entry removed opened for writing")
	} else {
		assertError(t, err, drafts.Invalid, "entry 2 of the decision log was removed")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the migration wrote to a file whose log is damaged")
	}
}

// reseal makes a changed record's checksum match again, as someone who
// tampers on purpose would.
func reseal(k, v []byte) []byte {
	tab := crc32.MakeTable(crc32.Castagnoli)
	return binary.BigEndian.AppendUint32(v, crc32.Update(crc32.Checksum(k, tab), tab, v))
}

// rehashed is the stored entry v with its note changed and its hash made
// to match, resealed under k: an alteration only the next entry's link,
// or the log's head, can reveal.
func rehashed(t *testing.T, k, v []byte, note string) []byte {
	t.Helper()
	e, err := drafts.ParseEntry(v[:len(v)-4])
	if err != nil {
		t.Fatal(err)
	}
	e.Note = note
	e.Hash = e.Sum()
	return reseal(k, e.MarshalEntry())
}

// Damage at the log's end is found by reads and Verify, named as the
// chain's checks name it, and, by an append, from the log's head and last
// entry alone: in an app that has been writing for hours (its whole file
// verified before its first write), another program's change at the end
// is refused all the same, and nothing is written.
func TestDamageAtTheLogsEndIsNamed(t *testing.T) {
	tests := []struct {
		name   string
		tamper func(tx *bolt.Tx) error
		says   string
	}{
		{"last rewritten, its hash too", func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("decisions"))
			return b.Put(logEntryKey(3), rehashed(t, logEntryKey(3), b.Get(logEntryKey(3)), "ملاحظة أخرى"))
		}, "entry 3 of the decision log (DEC-"},
		{"last removed", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("decisions")).Delete(logEntryKey(3))
		}, "entry 3 of the decision log was removed"},
		{"last removed, the count lowered", func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("decisions"))
			if err := b.Delete(logEntryKey(3)); err != nil {
				return err
			}
			return b.SetSequence(2)
		}, "entry 3 of the decision log was removed"},
		{"an entry added after the head", func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("decisions"))
			if err := b.SetSequence(4); err != nil {
				return err
			}
			v := bytes.Clone(b.Get(logEntryKey(3)))
			e, err := drafts.ParseEntry(v[:len(v)-4])
			if err != nil {
				return err
			}
			e.Seq, e.Prev, e.ID = 4, e.Hash, "DEC-ZZZZZZZZ"
			e.Hash = e.Sum()
			return b.Put(logEntryKey(4), reseal(logEntryKey(4), e.MarshalEntry()))
		}, "entry 4 of the decision log was added after the entry recorded as its last"},
		{"head removed", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("meta")).Delete([]byte("log-head"))
		}, "the record of the decision log's last entry is missing"},
		{"head damaged", func(tx *bolt.Tx) error {
			meta := tx.Bucket([]byte("meta"))
			v := bytes.Clone(meta.Get([]byte("log-head")))
			v[12] ^= 1
			return meta.Put([]byte("log-head"), v)
		}, "the record of the decision log's last entry does not match its checksum"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "statute.db")
			app, err := boltstore.Open(path, boltstore.Options{Brief: true, Timeout: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			defer app.Close()
			d := addDraft(t, app, sampleDraft())
			var ams []*drafts.Amendment
			for _, c := range []string{"FM", "CS", "MS"} {
				a := wording(d, "2", c, "نص "+c)
				a.Status = drafts.StatusSubmitted
				ams = append(ams, a)
			}
			addAmendments(t, app, ams...)
			for _, a := range ams {
				decide(t, app, drafts.Decision{Amendment: a.ID, Verdict: drafts.Accept, Note: "ملاحظة"})
			}
			// Another program changes the file while the app lets it go.
			before := updateFile(t, path, tt.tamper)

			err = app.AppendDecision(&drafts.Decision{Amendment: ams[0].ID, Verdict: drafts.Reject, By: "FED"})
			assertError(t, err, drafts.Invalid, tt.says)
			if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
				t.Error("the store wrote to a file whose log is damaged")
			}
			fresh, err := boltstore.Open(path, boltstore.Options{ReadOnly: true, Timeout: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			defer fresh.Close()
			_, err = fresh.Decisions(drafts.DecisionFilter{})
			assertError(t, err, drafts.Invalid, tt.says)
			_, err = fresh.Verify()
			assertError(t, err, drafts.Invalid, tt.says)
		})
	}
}
