package drafts_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"statute/drafts"
)

// fixedDecision is an entry whose hash is pinned by TestCanonicalGolden.
func fixedDecision() drafts.Decision {
	return drafts.Decision{
		Seq: 2, ID: "DEC-7K3QX9AB", Amendment: "FED-0000000A", DraftID: "D-1", DraftVersion: 3,
		Verdict: drafts.Supersede, Replaces: []string{"FM-00000001", "CS-00000002"},
		Note: "صياغة موحدة للمقترحين", By: drafts.FederationCode,
		At:   time.Date(2026, 3, 4, 10, 5, 6, 7000, time.FixedZone("Casablanca", 3600)),
		Prev: strings.Repeat("ab", 32),
	}
}

// The canonical encoding is the one documented on Canonical, field by
// field, and its hash is fixed: a change of either would orphan every
// log already kept.
func TestCanonicalGolden(t *testing.T) {
	d := fixedDecision()
	var want []byte
	for _, f := range []string{
		"statute-decision/1", "2", "DEC-7K3QX9AB", "FED-0000000A", "D-1", "3", "supersede", "",
		"صياغة موحدة للمقترحين", "FED", "2026-03-04T09:05:06.000007000Z", strings.Repeat("ab", 32),
		"2", "FM-00000001", "CS-00000002",
	} {
		want = binary.BigEndian.AppendUint32(want, uint32(len(f)))
		want = append(want, f...)
	}
	if got := d.Canonical(); !bytes.Equal(got, want) {
		t.Fatalf("Canonical:\n got %q\nwant %q", got, want)
	}
	sum := sha256.Sum256(want)
	if got := d.Sum(); got != hex.EncodeToString(sum[:]) {
		t.Fatalf("Sum = %s, not the SHA-256 of the canonical encoding", got)
	}
	const golden = "0eee9db1ff5fe545f4fa344b43bcc3134fe99ca6e44d5ab285d25c436b943e38"
	if got := d.Sum(); got != golden {
		t.Errorf("the hash of the fixed entry changed: got %s, want %s", got, golden)
	}
	// The same instant in another zone, or a copy, encodes the same.
	e := d
	e.At = d.At.UTC()
	e.Replaces = append([]string(nil), d.Replaces...)
	if e.Sum() != d.Sum() {
		t.Error("the same decision with its time in UTC hashes differently")
	}
}

// chain makes a log of n sound entries, as a store would.
func chain(n int) []drafts.Decision {
	log := make([]drafts.Decision, n)
	prev := drafts.GenesisPrev
	at := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	for i := range log {
		d := drafts.Decision{
			Seq: uint64(i + 1), ID: fmt.Sprintf("DEC-%08d", i+1), Amendment: fmt.Sprintf("FM-%08d", i+1),
			DraftID: "D-1", DraftVersion: 1, Verdict: drafts.Accept, Note: "مقبول", By: "FED",
			At: at.Add(time.Duration(i) * time.Minute), Prev: prev,
		}
		if i == 1 {
			d.Verdict, d.Text = drafts.AcceptWithChanges, "نص معدل"
		}
		d.Hash = d.Sum()
		prev = d.Hash
		log[i] = d
	}
	return log
}

func TestVerifyLogSound(t *testing.T) {
	for n := range 4 {
		if err := drafts.VerifyLog(chain(n)); err != nil {
			t.Errorf("a sound log of %d entries: %v", n, err)
		}
	}
}

// Any byte of an entry changed, as stored, makes the entry unreadable or
// the log fail to verify, naming that entry.
func TestVerifyLogAnyByteChanged(t *testing.T) {
	log := chain(3)
	stored := log[1].MarshalEntry()
	for i := range stored {
		b := bytes.Clone(stored)
		b[i] ^= 0x01
		e, err := drafts.ParseEntry(b)
		if err != nil {
			if !drafts.IsKind(err, drafts.Invalid) {
				t.Fatalf("byte %d: ParseEntry failed with a %s error: %v", i, drafts.KindOf(err), err)
			}
			continue
		}
		changed := append([]drafts.Decision(nil), log...)
		changed[1] = e
		err = drafts.VerifyLog(changed)
		if !drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), "entry 2") {
			t.Fatalf("byte %d changed (%q): VerifyLog = %v, want an Invalid error naming entry 2", i, b[i], err)
		}
	}
}

func TestVerifyLogNamesTheBreak(t *testing.T) {
	tests := []struct {
		name   string
		change func(log []drafts.Decision) []drafts.Decision
		want   string
	}{
		{"note altered", func(l []drafts.Decision) []drafts.Decision { l[1].Note = "مرفوض"; return l },
			"entry 2 of the decision log (DEC-00000002) was altered"},
		{"verdict altered", func(l []drafts.Decision) []drafts.Decision { l[2].Verdict = drafts.Reject; return l },
			"entry 3 of the decision log (DEC-00000003) was altered"},
		{"time altered", func(l []drafts.Decision) []drafts.Decision { l[0].At = l[0].At.Add(time.Nanosecond); return l },
			"entry 1 of the decision log (DEC-00000001) was altered"},
		{"altered and rehashed", func(l []drafts.Decision) []drafts.Decision {
			l[1].Note = "مرفوض"
			l[1].Hash = l[1].Sum()
			return l
		}, "entry 3 of the decision log (DEC-00000003) does not follow"},
		{"first removed", func(l []drafts.Decision) []drafts.Decision { return l[1:] }, "entry 1 of the decision log was removed"},
		{"middle removed", func(l []drafts.Decision) []drafts.Decision { return append(l[:1], l[2:]...) },
			"entry 2 of the decision log was removed"},
		{"two swapped", func(l []drafts.Decision) []drafts.Decision { l[1], l[2] = l[2], l[1]; return l },
			"out of order at entry 2: entry 3 stands in its place"},
		{"one repeated", func(l []drafts.Decision) []drafts.Decision { return append(l[:2], l[1]) },
			"out of order at entry 3: entry 2 stands in its place"},
		{"removed and renumbered", func(l []drafts.Decision) []drafts.Decision {
			l = append(l[:1], l[2:]...)
			l[1].Seq = 2
			l[1].Hash = l[1].Sum()
			return l
		}, "entry 2 of the decision log (DEC-00000003) does not follow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := drafts.VerifyLog(tt.change(chain(3)))
			if !drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("VerifyLog = %v, want an Invalid error saying %q", err, tt.want)
			}
		})
	}
}

func TestEntryRoundTrip(t *testing.T) {
	for _, d := range append(chain(3), fixedDecision()) {
		d.Hash = d.Sum()
		got, err := drafts.ParseEntry(d.MarshalEntry())
		if err != nil {
			t.Fatalf("ParseEntry(MarshalEntry(%s)): %v", d.ID, err)
		}
		if !bytes.Equal(got.MarshalEntry(), d.MarshalEntry()) || got.Hash != d.Hash || !got.At.Equal(d.At) {
			t.Fatalf("entry %s read back as %+v", d.ID, got)
		}
	}
}

// FuzzParseEntry reads whatever bytes a log may hold: ParseEntry returns
// an entry or an Invalid error, and what it reads it writes back exactly.
func FuzzParseEntry(f *testing.F) {
	for _, d := range append(chain(3), fixedDecision()) {
		f.Add(d.MarshalEntry())
	}
	f.Add([]byte{})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := drafts.ParseEntry(b)
		if err != nil {
			if !drafts.IsKind(err, drafts.Invalid) {
				t.Fatalf("ParseEntry failed with a %s error: %v", drafts.KindOf(err), err)
			}
			return
		}
		if got := d.MarshalEntry(); !bytes.Equal(got, b) {
			t.Fatalf("read %q, writes back %q", b, got)
		}
		// A log of that one entry verifies or names entry 1.
		if err := drafts.VerifyLog([]drafts.Decision{d}); err != nil && !strings.Contains(err.Error(), "entry 1") {
			t.Fatalf("VerifyLog of one entry: %v", err)
		}
	})
}

func TestDecisionValidate(t *testing.T) {
	valid := func() drafts.Decision {
		return drafts.Decision{Amendment: "FM-00000001", Verdict: drafts.Accept, By: "FED", Note: "مقبول"}
	}
	tests := []struct {
		name   string
		change func(d *drafts.Decision)
		want   string // a fragment of the message; "" for valid
	}{
		{"accept", func(d *drafts.Decision) {}, ""},
		{"reject without note", func(d *drafts.Decision) { d.Verdict, d.Note = drafts.Reject, "" }, ""},
		{"accept with changes", func(d *drafts.Decision) { d.Verdict, d.Text = drafts.AcceptWithChanges, "نص" }, ""},
		{"supersede", func(d *drafts.Decision) { d.Verdict, d.Replaces = drafts.Supersede, []string{"CS-00000002"} }, ""},
		{"no amendment", func(d *drafts.Decision) { d.Amendment = " " }, "names no amendment"},
		{"unknown verdict", func(d *drafts.Decision) { d.Verdict = "maybe" }, "unknown decision"},
		{"unknown by", func(d *drafts.Decision) { d.By = "XX" }, "unknown chamber"},
		{"changes without wording", func(d *drafts.Decision) { d.Verdict, d.Text = drafts.AcceptWithChanges, " \n" }, "needs the wording"},
		{"wording on accept", func(d *drafts.Decision) { d.Text = "نص" }, "only an acceptance with changes"},
		{"supersede without replaces", func(d *drafts.Decision) { d.Verdict = drafts.Supersede }, "must name the amendments"},
		{"replaces on reject", func(d *drafts.Decision) { d.Verdict, d.Replaces = drafts.Reject, []string{"CS-00000002"} }, "only a synthesis"},
		{"replaces itself", func(d *drafts.Decision) { d.Verdict, d.Replaces = drafts.Supersede, []string{"FM-00000001"} }, "cannot replace itself"},
		{"replaces twice", func(d *drafts.Decision) {
			d.Verdict, d.Replaces = drafts.Supersede, []string{"CS-00000002", "CS-00000002"}
		}, "named twice"},
		{"note with escape", func(d *drafts.Decision) { d.Note = "a\x1b[2Jb" }, "note holds a control character (U+001B)"},
		{"text with NUL", func(d *drafts.Decision) { d.Verdict, d.Text = drafts.AcceptWithChanges, "a\x00" }, "wording holds a control character (U+0000)"},
		{"note not UTF-8", func(d *drafts.Decision) { d.Note = "\xff" }, "note is not valid UTF-8"},
		{"huge note", func(d *drafts.Decision) { d.Note = strings.Repeat("x", drafts.MaxJustificationBytes+1) }, "over the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := valid()
			tt.change(&d)
			err := d.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if !drafts.IsKind(err, drafts.Invalid) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Validate = %v, want an Invalid error saying %q", err, tt.want)
			}
		})
	}
}

func TestCurrentDecision(t *testing.T) {
	log := chain(3)
	log[2].Amendment = log[0].Amendment // a revision of entry 1's decision
	log = append(log, drafts.Decision{Seq: 4, Amendment: "FED-00000009", Verdict: drafts.Supersede, Replaces: []string{"FM-00000002"}})
	if got := drafts.CurrentDecision(log, "FM-00000001"); got == nil || got.Seq != 3 {
		t.Errorf("a revised decision: current is %+v, want entry 3", got)
	}
	if got := drafts.CurrentDecision(log, "FM-00000002"); got == nil || got.Seq != 4 || got.Verdict != drafts.Supersede {
		t.Errorf("a replaced amendment: current is %+v, want the supersede, entry 4", got)
	}
	if got := drafts.CurrentDecision(log, "FM-00000077"); got != nil {
		t.Errorf("an undecided amendment: current is %+v, want none", got)
	}
}

// CurrentDecisions finds, in one pass, the current decision CurrentDecision
// finds for each amendment: the latest entry naming it, decided or
// replaced.
func TestCurrentDecisions(t *testing.T) {
	log := chain(3)
	log[2].Amendment = log[0].Amendment
	log = append(log, drafts.Decision{Seq: 4, Amendment: "FED-00000009", Verdict: drafts.Supersede, Replaces: []string{"FM-00000002"}})
	all := drafts.CurrentDecisions(log)
	if len(all) != 3 {
		t.Errorf("%d amendments have a current decision, want FM-00000001, FM-00000002 and FED-00000009: %v", len(all), all)
	}
	for _, id := range []string{"FM-00000001", "FM-00000002", "FED-00000009", "FM-00000077"} {
		if got, want := all[id], drafts.CurrentDecision(log, id); got != want {
			t.Errorf("%s: current %+v, want %+v", id, got, want)
		}
	}
	if got := all["FM-00000002"]; got == nil || got.Seq != 4 {
		t.Errorf("the replaced amendment's current decision is %+v, want the supersede, entry 4", got)
	}
}

func TestParseVerdict(t *testing.T) {
	for _, v := range drafts.Verdicts() {
		if got, err := drafts.ParseVerdict(" " + strings.ToUpper(string(v)) + " "); err != nil || got != v {
			t.Errorf("ParseVerdict(%q) = %q, %v", v, got, err)
		}
	}
	if _, err := drafts.ParseVerdict("withdraw"); !drafts.IsKind(err, drafts.Invalid) {
		t.Errorf("ParseVerdict(withdraw) = %v, want Invalid: withdrawal is the chamber's act", err)
	}
}

// DecisionID gives every entry of a log an ID of its own without reading
// the log: the IDs of 200,000 entries are all different, in the form a
// person types them back (NormalizeID leaves them as they are).
func TestDecisionIDsAreUnique(t *testing.T) {
	seen := make(map[string]uint64, 200000)
	for seq := uint64(1); seq <= 200000; seq++ {
		id := drafts.DecisionID(seq)
		if len(id) != len("DEC-7K3QX9AB") || id[:4] != "DEC-" || drafts.NormalizeID(id) != id {
			t.Fatalf("entry %d has the ID %q", seq, id)
		}
		if other, ok := seen[id]; ok {
			t.Fatalf("entries %d and %d share the ID %s", other, seq, id)
		}
		seen[id] = seq
	}
}
