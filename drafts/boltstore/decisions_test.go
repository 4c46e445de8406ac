package boltstore_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
	"statute/drafts/boltstore"
)

// decisionRound is a store with a draft and three submitted amendments to
// its article 2: two chambers' and the federation's synthesis of them.
func decisionRound(t *testing.T) (s *boltstore.Store, fm, cs, fed *drafts.Amendment) {
	t.Helper()
	s = newStore(t)
	d := addDraft(t, s, sampleDraft())
	fm = wording(d, "2", "FM", "تتولى الغرفة تمثيل الصناع.")
	cs = wording(d, "2", "CS", "تتولى الغرفة تكوين الصناع.")
	fed = wording(d, "2", "FED", "تتولى الغرفة تمثيل الصناع وتكوينهم.")
	for _, a := range []*drafts.Amendment{fm, cs, fed} {
		a.Status = drafts.StatusSubmitted
	}
	addAmendments(t, s, fm, cs, fed)
	return s, fm, cs, fed
}

func decide(t *testing.T, s *boltstore.Store, d drafts.Decision) drafts.Decision {
	t.Helper()
	if d.By == "" {
		d.By = drafts.FederationCode
	}
	if err := s.AppendDecision(&d); err != nil {
		t.Fatalf("AppendDecision(%s %s): %v", d.Verdict, d.Amendment, err)
	}
	return d
}

// The store numbers the entries and chains each to the one before; a
// revision is a new entry and the first stays as it was.
func TestAppendDecisionChainsTheLog(t *testing.T) {
	s, fm, cs, fed := decisionRound(t)
	first := decide(t, s, drafts.Decision{Amendment: strings.ToLower(fm.ID), Verdict: drafts.Accept, Note: "مقبول", By: "fed"})
	if first.Seq != 1 || first.Prev != drafts.GenesisPrev || first.Hash != first.Sum() ||
		first.Amendment != fm.ID || first.DraftID != fm.DraftID || first.DraftVersion != 1 ||
		first.By != "FED" || !strings.HasPrefix(first.ID, "DEC-") || first.At.IsZero() {
		t.Fatalf("first entry as the store set it: %+v", first)
	}
	revised := decide(t, s, drafts.Decision{Amendment: fm.ID, Verdict: drafts.AcceptWithChanges, Text: "تتولى الغرفة تمثيل الصناع التقليديين.", Note: "بعد المراجعة"})
	synth := decide(t, s, drafts.Decision{Amendment: fed.ID, Verdict: drafts.Supersede, Replaces: []string{cs.ID}})
	if revised.Seq != 2 || revised.Prev != first.Hash || synth.Seq != 3 || synth.Prev != revised.Hash {
		t.Fatalf("the chain: %+v\n%+v", revised, synth)
	}
	all, err := s.Decisions(drafts.DecisionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || !slices.EqualFunc(all, []drafts.Decision{first, revised, synth}, func(a, b drafts.Decision) bool {
		return bytes.Equal(a.MarshalEntry(), b.MarshalEntry())
	}) {
		t.Fatalf("the log reads back as %+v", all)
	}
	if err := drafts.VerifyLog(all); err != nil {
		t.Fatalf("VerifyLog of the stored log: %v", err)
	}
	mine, err := s.Decisions(drafts.DecisionFilter{Amendment: fm.ID})
	if err != nil || len(mine) != 2 || drafts.CurrentDecision(mine, fm.ID).Verdict != drafts.AcceptWithChanges {
		t.Fatalf("FM's history: %+v, %v", mine, err)
	}
	replaced, err := s.Decisions(drafts.DecisionFilter{Amendment: cs.ID})
	if err != nil || len(replaced) != 1 || replaced[0].Verdict != drafts.Supersede {
		t.Fatalf("CS's history: %+v, %v", replaced, err)
	}
	// A decided amendment stays submitted, and is no longer withdrawn.
	if a, err := s.Amendment(fm.ID); err != nil || a.Status != drafts.StatusSubmitted {
		t.Fatalf("the decided amendment: %+v, %v", a, err)
	}
	for _, id := range []string{fm.ID, cs.ID} {
		_, err = s.SetStatus(id, drafts.StatusSubmitted, drafts.StatusWithdrawn)
		assertError(t, err, drafts.Conflict, "has been decided")
	}
	r, err := s.Verify()
	if err != nil || r.Decisions != 3 {
		t.Fatalf("Verify: %+v, %v", r, err)
	}
}

// Writers at once each get their own place in one chain.
func TestConcurrentDecisionsDoNotForkTheLog(t *testing.T) {
	s, fm, cs, fed := decisionRound(t)
	var wg sync.WaitGroup
	errs := make(chan error, 12)
	for i := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := []string{fm.ID, cs.ID, fed.ID}[i%3]
			errs <- s.AppendDecision(&drafts.Decision{Amendment: id, Verdict: drafts.Reject, By: "FED"})
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Decisions(drafts.DecisionFilter{})
	if err != nil || len(all) != 12 {
		t.Fatalf("Decisions: %d entries, %v", len(all), err)
	}
	if err := drafts.VerifyLog(all); err != nil {
		t.Fatal(err)
	}
}

func TestAppendDecisionRefusals(t *testing.T) {
	s, fm, cs, fed := decisionRound(t)
	d := sampleDraft()
	d.Title = "مشروع آخر"
	other := addDraft(t, s, d)
	elsewhere := wording(other, "2", "FM", "نص آخر.")
	elsewhere.Status = drafts.StatusSubmitted
	unsent := wording(other, "1", "CS", "نص لم يقدم.")
	addAmendments(t, s, elsewhere, unsent)
	withdrawn := wording(other, "1", "RSK", "نص مسحوب.")
	withdrawn.Status = drafts.StatusSubmitted
	addAmendments(t, s, withdrawn)
	if _, err := s.SetStatus(withdrawn.ID, drafts.StatusSubmitted, drafts.StatusWithdrawn); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		d    drafts.Decision
		kind drafts.ErrorKind
		says string
	}{
		{"a chamber deciding", drafts.Decision{Amendment: fm.ID, Verdict: drafts.Accept, By: "FM"}, drafts.Forbidden, "only the federation decides on amendments: the chamber FM cannot"},
		{"no such amendment", drafts.Decision{Amendment: "FM-ZZZZZZZZ", Verdict: drafts.Accept}, drafts.NotFound, "there is no amendment FM-ZZZZZZZZ"},
		{"a draft", drafts.Decision{Amendment: unsent.ID, Verdict: drafts.Accept}, drafts.Conflict, "is draft: only a submitted amendment is decided"},
		{"withdrawn", drafts.Decision{Amendment: withdrawn.ID, Verdict: drafts.Reject}, drafts.Conflict, "is withdrawn: only a submitted"},
		{"no wording", drafts.Decision{Amendment: fm.ID, Verdict: drafts.AcceptWithChanges}, drafts.Invalid, "needs the wording"},
		{"replaces nothing", drafts.Decision{Amendment: fed.ID, Verdict: drafts.Supersede}, drafts.Invalid, "must name the amendments"},
		{"replaces unknown", drafts.Decision{Amendment: fed.ID, Verdict: drafts.Supersede, Replaces: []string{"CS-ZZZZZZZZ"}}, drafts.Invalid, "no amendment CS-ZZZZZZZZ to replace"},
		{"replaces a draft", drafts.Decision{Amendment: fed.ID, Verdict: drafts.Supersede, Replaces: []string{cs.ID, unsent.ID}}, drafts.Invalid, "a synthesis replaces only submitted"},
		{"replaces another draft's", drafts.Decision{Amendment: fed.ID, Verdict: drafts.Supersede, Replaces: []string{elsewhere.ID}}, drafts.Invalid, "amends another draft"},
		{"control character", drafts.Decision{Amendment: fm.ID, Verdict: drafts.Reject, Note: "\x1b[31m"}, drafts.Invalid, "control character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := stateOf(t, s)
			if tt.d.By == "" {
				tt.d.By = "FED"
			}
			err := s.AppendDecision(&tt.d)
			assertError(t, err, tt.kind, tt.says)
			assertUnchanged(t, before, s)
		})
	}
}

// logEntryKey is where entry seq of the log is kept.
func logEntryKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

// A byte of an entry changed in the file, as a failing disk would, is
// found by every read of the log and by Verify, named by its place in the
// log; nothing is then written, and the file stays as it is.
func TestAChangedLogEntryIsNamed(t *testing.T) {
	s, fm, cs, _ := decisionRound(t)
	decide(t, s, drafts.Decision{Amendment: fm.ID, Verdict: drafts.Accept})
	decide(t, s, drafts.Decision{Amendment: cs.ID, Verdict: drafts.Reject, Note: "خارج الموضوع"})
	decide(t, s, drafts.Decision{Amendment: fm.ID, Verdict: drafts.Reject})
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Every copy: bbolt leaves earlier copies of a page in free space.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("خارج الموضوع")) {
		t.Fatal("the note is not in the file")
	}
	data = bytes.ReplaceAll(data, []byte("خارج الموضوع"), []byte("داخل الموضوع"))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for name, call := range map[string]func() error{
		"Decisions": func() error { _, err := s.Decisions(drafts.DecisionFilter{}); return err },
		"Verify":    func() error { _, err := s.Verify(); return err },
		"AppendDecision": func() error {
			return s.AppendDecision(&drafts.Decision{Amendment: fm.ID, Verdict: drafts.Accept, By: "FED"})
		},
		"SetStatus": func() error { _, err := s.SetStatus(fm.ID, drafts.StatusSubmitted, drafts.StatusWithdrawn); return err },
	} {
		err := call()
		assertError(t, err, drafts.Invalid, "entry 2 of the decision log")
		if !strings.Contains(err.Error(), "restore the database from a backup") {
			t.Errorf("%s: %q does not say what to do", name, err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
		t.Error("the store wrote to a file whose log is damaged")
	}
}

// An entry altered by someone who also made its checksum match is still
// found, by its hash; so are an entry removed and two entries swapped.
func TestATamperedLogIsNamed(t *testing.T) {
	reseal := func(k, v []byte) []byte {
		tab := crc32.MakeTable(crc32.Castagnoli)
		return binary.BigEndian.AppendUint32(v, crc32.Update(crc32.Checksum(k, tab), tab, v))
	}
	tests := []struct {
		name   string
		tamper func(b *bolt.Bucket) error
		says   string
	}{
		{"note rewritten", func(b *bolt.Bucket) error {
			v := b.Get(logEntryKey(2))
			body := bytes.Replace(bytes.Clone(v[:len(v)-4]), []byte("خارج"), []byte("داخل"), 1)
			return b.Put(logEntryKey(2), reseal(logEntryKey(2), body))
		}, "entry 2 of the decision log (DEC-"},
		{"middle removed", func(b *bolt.Bucket) error { return b.Delete(logEntryKey(2)) }, "entry 2 of the decision log was removed"},
		{"last removed", func(b *bolt.Bucket) error { return b.Delete(logEntryKey(3)) }, "entry 3 of the decision log was removed"},
		{"two swapped", func(b *bolt.Bucket) error {
			two, three := bytes.Clone(b.Get(logEntryKey(2))), bytes.Clone(b.Get(logEntryKey(3)))
			two, three = reseal(logEntryKey(3), two[:len(two)-4]), reseal(logEntryKey(2), three[:len(three)-4])
			if err := b.Put(logEntryKey(2), three); err != nil {
				return err
			}
			return b.Put(logEntryKey(3), two)
		}, "out of order at entry 2: entry 3 stands in its place"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "statute.db")
			s, err := boltstore.Open(path, boltstore.Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := addDraft(t, s, sampleDraft())
			var ams []*drafts.Amendment
			for _, c := range []string{"FM", "CS", "MS"} {
				a := wording(d, "2", c, "نص "+c)
				a.Status = drafts.StatusSubmitted
				ams = append(ams, a)
			}
			addAmendments(t, s, ams...)
			decide(t, s, drafts.Decision{Amendment: ams[0].ID, Verdict: drafts.Accept})
			decide(t, s, drafts.Decision{Amendment: ams[1].ID, Verdict: drafts.Reject, Note: "خارج الموضوع"})
			decide(t, s, drafts.Decision{Amendment: ams[2].ID, Verdict: drafts.Reject})
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			updateFile(t, path, func(tx *bolt.Tx) error { return tt.tamper(tx.Bucket([]byte("decisions"))) })
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s, err = boltstore.Open(path, boltstore.Options{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.Decisions(drafts.DecisionFilter{})
			assertError(t, err, drafts.Invalid, tt.says)
			_, err = s.Verify()
			assertError(t, err, drafts.Invalid, tt.says)
			err = s.AppendDecision(&drafts.Decision{Amendment: ams[0].ID, Verdict: drafts.Reject, By: "FED"})
			assertError(t, err, drafts.Invalid, tt.says)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
				t.Error("the store wrote to a file whose log is damaged")
			}
		})
	}
}

// A schema 2 database gets an empty decision log when first opened for
// writing, and reads as one with no decisions before.
func TestASchema2DatabaseGetsADecisionLog(t *testing.T) {
	path, _ := filled(t)
	updateFile(t, path, func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket([]byte("decisions")); err != nil {
			return err
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, 2))
	})
	ro, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if log, err := ro.Decisions(drafts.DecisionFilter{}); err != nil || len(log) != 0 {
		t.Fatalf("the log of a schema 2 file: %v, %v", log, err)
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	as, err := s.Amendments(drafts.AmendmentFilter{})
	if err != nil || len(as) != 1 {
		t.Fatal(as, err)
	}
	if _, err := s.SetStatus(as[0].ID, drafts.StatusDraft, drafts.StatusSubmitted); err != nil {
		t.Fatal(err)
	}
	decide(t, s, drafts.Decision{Amendment: as[0].ID, Verdict: drafts.Accept})
	if r, err := s.Verify(); err != nil || r.Decisions != 1 {
		t.Fatalf("Verify: %+v, %v", r, err)
	}
}

// Several decisions appended at once are all recorded, chained in order,
// or, when one is refused, none is and the file is as it was.
func TestAppendDecisionsAllOrNone(t *testing.T) {
	s, fm, cs, fed := decisionRound(t)
	if _, err := s.SetStatus(fed.ID, drafts.StatusSubmitted, drafts.StatusWithdrawn); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	refused := []*drafts.Decision{
		{Amendment: fm.ID, Verdict: drafts.Accept, By: drafts.FederationCode},
		{Amendment: fed.ID, Verdict: drafts.Accept, By: drafts.FederationCode},
	}
	if err := s.AppendDecisions(refused...); !drafts.IsKind(err, drafts.Conflict) || !strings.Contains(err.Error(), fed.ID) {
		t.Fatalf("deciding FM's and the withdrawn synthesis at once: %v, want a conflict naming %s", err, fed.ID)
	}
	if log, err := s.Decisions(drafts.DecisionFilter{}); err != nil || len(log) != 0 {
		t.Fatalf("after the refusal the log holds %d entries (%v), want none", len(log), err)
	}
	if after, err := os.ReadFile(s.Path()); err != nil || !bytes.Equal(before, after) {
		t.Errorf("the refused decisions changed the file (%v)", err)
	}
	both := []*drafts.Decision{
		{Amendment: fm.ID, Verdict: drafts.Accept, Note: "مقترحان متطابقان", By: drafts.FederationCode},
		{Amendment: cs.ID, Verdict: drafts.Accept, Note: "مقترحان متطابقان", By: drafts.FederationCode},
	}
	if err := s.AppendDecisions(both...); err != nil {
		t.Fatal(err)
	}
	log, err := s.Decisions(drafts.DecisionFilter{})
	if err != nil || len(log) != 2 || log[0].Amendment != fm.ID || log[1].Amendment != cs.ID || log[1].Prev != log[0].Hash || both[1].Hash != log[1].Hash {
		t.Fatalf("the log after both: %+v (%v), want FM's then CS's, chained", log, err)
	}
}
