package drafts

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Verdict is what the federation decides on a submitted amendment.
type Verdict string

// The verdicts. Withdrawal is not among them: it is the chamber's own act
// (StatusWithdrawn).
const (
	// Accept: the amendment is taken as proposed.
	Accept Verdict = "accept"
	// AcceptWithChanges: the amendment is taken in a wording the
	// federation's staff edited, carried by the decision (Decision.Text).
	AcceptWithChanges Verdict = "accept-with-changes"
	// Reject: the amendment is not taken.
	Reject Verdict = "reject"
	// Supersede: the decided amendment, a synthesis the federation wrote,
	// is taken in place of the amendments it names (Decision.Replaces),
	// which are then superseded.
	Supersede Verdict = "supersede"
)

// Verdicts lists the verdicts.
func Verdicts() []Verdict { return []Verdict{Accept, AcceptWithChanges, Reject, Supersede} }

// A Decision is one entry of the decision log: the federation's verdict
// on a submitted amendment, with who, when and why. The log is append-only:
// a decision is revised by a later entry on the same amendment, never
// overwritten, and an amendment's current decision is the latest entry
// that names it (CurrentDecision).
//
// A decided amendment keeps the status submitted: the log is the one
// record of decisions, so no status can disagree with it, and a revision
// changes nothing but the log. Once decided, an amendment can no longer be
// withdrawn (stores refuse it).
//
// Each entry carries the SHA-256 of the one before (Prev) over its
// canonical encoding (Canonical), so that an entry altered, removed or
// moved breaks the chain (VerifyLog).
type Decision struct {
	// Seq is the entry's place in the log, from 1, set by the store.
	Seq uint64 `json:"seq"`
	// ID names the decision, such as "DEC-7K3QX9AB"; set by the store.
	ID string `json:"id"`
	// Amendment is the ID of the decided amendment; DraftID and
	// DraftVersion are those it amends, set by the store.
	Amendment    string  `json:"amendment"`
	DraftID      string  `json:"draft_id"`
	DraftVersion int     `json:"draft_version"`
	Verdict      Verdict `json:"verdict"`
	// Text is the wording the staff adopted, for AcceptWithChanges only.
	Text string `json:"text,omitempty"`
	// Replaces lists the amendments a Supersede takes the place of.
	Replaces []string `json:"replaces,omitempty"`
	// Note says why; it may be empty.
	Note string `json:"note,omitempty"`
	// By is the code of who decided: FederationCode.
	By string `json:"by"`
	// At is when the decision was recorded, in UTC; set by the store.
	At time.Time `json:"at"`
	// Prev is the hex SHA-256 of the canonical encoding of the entry
	// before, or GenesisPrev for the first; set by the store.
	Prev string `json:"prev"`
	// Hash is the hex SHA-256 of this entry's canonical encoding, as
	// recorded; Sum computes it afresh.
	Hash string `json:"hash"`
}

// GenesisPrev is the Prev of the first entry of a log: 64 zeros.
var GenesisPrev = strings.Repeat("0", 64)

// canonicalTag starts every canonical encoding: the format and its
// version, so that a later format cannot be read as this one.
const canonicalTag = "statute-decision/1"

// canonicalTime writes times with all nine digits of nanoseconds, so that
// one instant has one form (RFC 3339 with nanoseconds, in UTC).
const canonicalTime = "2006-01-02T15:04:05.000000000Z"

// Canonical is the entry's canonical encoding, which its hash is taken
// over: a sequence of fields, each a 4-byte big-endian length followed by
// that many bytes of UTF-8, in this fixed order:
//
//	"statute-decision/1", Seq (decimal), ID, Amendment, DraftID,
//	DraftVersion (decimal), Verdict, Text, Note, By,
//	At (UTC, "2006-01-02T15:04:05.000000000Z"), Prev,
//	the number of Replaces (decimal), then each of Replaces in order.
//
// Decimals have no sign, leading zeros or spaces. Hash is not part of it.
func (d *Decision) Canonical() []byte {
	fields := []string{
		canonicalTag, strconv.FormatUint(d.Seq, 10), d.ID, d.Amendment, d.DraftID,
		strconv.Itoa(d.DraftVersion), string(d.Verdict), d.Text, d.Note, d.By,
		d.At.UTC().Format(canonicalTime), d.Prev, strconv.Itoa(len(d.Replaces)),
	}
	fields = append(fields, d.Replaces...)
	n := 0
	for _, f := range fields {
		n += 4 + len(f)
	}
	b := make([]byte, 0, n)
	for _, f := range fields {
		b = binary.BigEndian.AppendUint32(b, uint32(len(f)))
		b = append(b, f...)
	}
	return b
}

// Sum is the hex SHA-256 of the entry's canonical encoding: what its Hash
// should be, and the next entry's Prev.
func (d *Decision) Sum() string {
	h := sha256.Sum256(d.Canonical())
	return hex.EncodeToString(h[:])
}

// MarshalEntry is the entry as a log stores it: its canonical encoding
// followed by one more field, its recorded Hash.
func (d *Decision) MarshalEntry() []byte {
	b := d.Canonical()
	b = binary.BigEndian.AppendUint32(b, uint32(len(d.Hash)))
	return append(b, d.Hash...)
}

var msgEntryMalformed = NewMessage("decision.entry-malformed",
	"an entry of the decision log cannot be read (%s): the log was damaged or tampered with; keep the file as it is, and restore the database from a backup copy")

// maxReplaces bounds the amendments one synthesis replaces.
const maxReplaces = 1000

// ParseEntry reads an entry as MarshalEntry wrote it, accepting only that
// exact form: a byte that does not belong there is refused, never read
// past. Invalid: the bytes are not such an entry. The recorded Hash is
// returned as it is, not checked (VerifyLog checks it).
func ParseEntry(b []byte) (Decision, error) {
	var d Decision
	bad := func(what string) (Decision, error) {
		return Decision{}, msgEntryMalformed.Err(Invalid, what)
	}
	next := func() (string, bool) {
		if len(b) < 4 {
			return "", false
		}
		n := binary.BigEndian.Uint32(b)
		if uint64(len(b)-4) < uint64(n) {
			return "", false
		}
		f := string(b[4 : 4+n])
		b = b[4+n:]
		return f, utf8.ValidString(f)
	}
	var f [13]string
	for i := range f {
		var ok bool
		if f[i], ok = next(); !ok {
			return bad("a field is cut short or is not UTF-8")
		}
	}
	if f[0] != canonicalTag {
		return bad("it is not a decision of a known format")
	}
	seq, ok := canonicalUint(f[1])
	if !ok {
		return bad("its sequence number")
	}
	version, ok := canonicalUint(f[5])
	if !ok || version > 1<<31-1 {
		return bad("its draft version")
	}
	at, err := time.Parse(canonicalTime, f[10])
	if err != nil || at.Format(canonicalTime) != f[10] {
		return bad("its time")
	}
	count, ok := canonicalUint(f[12])
	if !ok || count > maxReplaces {
		return bad("its count of replaced amendments")
	}
	d = Decision{
		Seq: seq, ID: f[2], Amendment: f[3], DraftID: f[4], DraftVersion: int(version),
		Verdict: Verdict(f[6]), Text: f[7], Note: f[8], By: f[9], At: at, Prev: f[11],
	}
	for range count {
		r, ok := next()
		if !ok {
			return bad("a replaced amendment")
		}
		d.Replaces = append(d.Replaces, r)
	}
	if d.Hash, ok = next(); !ok {
		return bad("its hash")
	}
	if len(b) != 0 {
		return bad("bytes after its end")
	}
	return d, nil
}

// canonicalUint reads a decimal as Canonical writes it.
func canonicalUint(s string) (uint64, bool) {
	n, err := strconv.ParseUint(s, 10, 64)
	return n, err == nil && strconv.FormatUint(n, 10) == s
}

// The sentences VerifyLog says, one per way a log breaks.
var (
	msgLogAltered = NewMessage("decision.log-altered",
		"entry %d of the decision log (%s) was altered: its content does not match its hash")
	msgLogRemoved = NewMessage("decision.log-removed",
		"entry %d of the decision log was removed")
	msgLogReordered = NewMessage("decision.log-reordered",
		"the decision log is out of order at entry %d: entry %d stands in its place")
	msgLogBroken = NewMessage("decision.log-broken",
		"entry %d of the decision log (%s) does not follow the entry before it: the log was altered, or an entry removed or moved")
)

// LogRemoved is the Invalid error that says entry seq of the log was
// removed: for a store that finds its log shorter than its count.
func LogRemoved(seq uint64) *Error { return msgLogRemoved.Err(Invalid, seq) }

// LogAltered is the Invalid error that says entry seq of the log, of ID
// id, was altered: for a store whose record of the log's last entry
// (its hash) no longer matches that entry.
func LogAltered(seq uint64, id string) *Error { return msgLogAltered.Err(Invalid, seq, Visible(id)) }

// LogReordered is the Invalid error that says entry got of the log stands
// where entry want should.
func LogReordered(want, got uint64) *Error { return msgLogReordered.Err(Invalid, want, got) }

// DecisionID is the ID of entry seq of a decision log, such as
// "DEC-7K3QX9AB": eight characters that look random, one random byte
// mixed with the sequence number, so that no two entries of the first
// 2³² share an ID however the random bytes fall, and a store need not
// read the log to give a new entry an ID of its own.
func DecisionID(seq uint64) string {
	var b [5]byte
	if _, err := rand.Read(b[:1]); err != nil {
		panic("drafts: no randomness: " + err.Error()) // crypto/rand does not fail on supported systems
	}
	// The byte is kept as it is, so the ID tells which mix was applied:
	// two entries' IDs differ in their byte, or in their mixed numbers.
	binary.BigEndian.PutUint32(b[1:], uint32(seq)^(uint32(b[0])*0x9E3779B1+0x7F4A7C15))
	return "DEC-" + idEncoding.EncodeToString(b[:])
}

// VerifyLog checks a whole log, entries in the order stored, and returns
// an Invalid error naming the first entry (by sequence number) altered,
// removed or reordered, or nil. Entry i (from 1) must have Seq i, a Hash
// equal to its Sum, and a Prev equal to the Hash of entry i-1
// (GenesisPrev for the first). The removal of the last entries leaves a
// sound shorter chain: a store checks its length against its own count.
func VerifyLog(entries []Decision) error {
	prev := GenesisPrev
	for i := range entries {
		e := &entries[i]
		want := uint64(i + 1)
		if e.Seq != want {
			if slices.ContainsFunc(entries[i+1:], func(o Decision) bool { return o.Seq == want }) || e.Seq < want {
				return msgLogReordered.Err(Invalid, want, e.Seq)
			}
			return msgLogRemoved.Err(Invalid, want)
		}
		if e.Sum() != e.Hash {
			return msgLogAltered.Err(Invalid, e.Seq, Visible(e.ID))
		}
		if e.Prev != prev {
			return msgLogBroken.Err(Invalid, e.Seq, Visible(e.ID))
		}
		prev = e.Hash
	}
	return nil
}

// CurrentDecision returns the latest entry of log that decides amendment
// id, or names it among those a synthesis replaces, or nil when none does.
func CurrentDecision(log []Decision, id string) *Decision {
	for i := len(log) - 1; i >= 0; i-- {
		if log[i].Amendment == id || slices.Contains(log[i].Replaces, id) {
			return &log[i]
		}
	}
	return nil
}

// CurrentDecisions maps each amendment that an entry of log decides or
// names among those a synthesis replaces to its current decision, as
// CurrentDecision finds it: for a caller that looks up thousands of
// amendments, in one pass over the log rather than one per amendment.
func CurrentDecisions(log []Decision) map[string]*Decision {
	m := make(map[string]*Decision, len(log))
	for i := range log {
		e := &log[i]
		m[e.Amendment] = e
		for _, id := range e.Replaces {
			m[id] = e
		}
	}
	return m
}

var msgOnlyFederation = NewMessage("decision.only-federation",
	"only the federation decides on amendments: the chamber %s cannot")

// OnlyFederation is the Forbidden error of a decision by the chamber code,
// which is not the federation: stores and the round's rules say it alike.
func OnlyFederation(code string) *Error { return msgOnlyFederation.Err(Forbidden, code) }

// ParseVerdict reads a verdict as typed by a person. Invalid: no such
// verdict.
func ParseVerdict(s string) (Verdict, error) {
	v := Verdict(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Verdicts(), v) {
		return v, nil
	}
	return "", msgUnknownVerdict.Err(Invalid, s, Accept, AcceptWithChanges, Reject, Supersede)
}

// The sentences Decision.Validate says.
var (
	msgUnknownVerdict = NewMessage("decision.unknown-verdict",
		"unknown decision %q: use %s, %s, %s or %s")
	msgNoAmendment = NewMessage("decision.no-amendment",
		"the decision names no amendment")
	msgNoWording = NewMessage("decision.no-wording",
		"accepting with changes needs the wording the federation adopts: give the edited text")
	msgWordingNotTaken = NewMessage("decision.wording-not-taken",
		"only an acceptance with changes carries a wording: remove the text, or accept with changes")
	msgNoReplaces = NewMessage("decision.no-replaces",
		"a synthesis must name the amendments it replaces")
	msgReplacesNotTaken = NewMessage("decision.replaces-not-taken",
		"only a synthesis (supersede) names amendments it replaces")
	msgReplacesItself = NewMessage("decision.replaces-itself",
		"amendment %s cannot replace itself: name the amendments the synthesis takes the place of")
	msgReplacesTwice = NewMessage("decision.replaces-twice",
		"amendment %s is named twice among those replaced")
	msgTooManyReplaces = NewMessage("decision.too-many-replaces",
		"a synthesis replaces at most %d amendments")
	msgDecisionTextNotUTF8 = NewMessage("decision.text-not-utf8",
		"the adopted wording is not valid UTF-8 text")
	msgDecisionNoteNotUTF8 = NewMessage("decision.note-not-utf8",
		"the note is not valid UTF-8 text")
	msgDecisionTextControl = NewMessage("decision.text-control",
		"the adopted wording holds a control character (U+%04X) that cannot be seen or printed: retype it, or paste it as plain text")
	msgDecisionNoteControl = NewMessage("decision.note-control",
		"the note holds a control character (U+%04X) that cannot be seen or printed: retype it, or paste it as plain text")
	msgDecisionTextTooLarge = NewMessage("decision.text-too-large",
		"the adopted wording is %d KB, over the limit of %d KB")
	msgDecisionNoteTooLarge = NewMessage("decision.note-too-large",
		"the note is %d KB, over the limit of %d KB")
)

// Validate checks the decision on its own (not against the amendments it
// names) and returns an Invalid error that says what to correct: a known
// verdict; a wording exactly for AcceptWithChanges; replaced amendments
// exactly for Supersede, each once and not the decided one; texts of valid
// UTF-8 without control characters, within the limits of an amendment's;
// By a known chamber code.
func (d *Decision) Validate() error {
	if strings.TrimSpace(d.Amendment) == "" {
		return msgNoAmendment.Err(Invalid)
	}
	if !slices.Contains(Verdicts(), d.Verdict) {
		return msgUnknownVerdict.Err(Invalid, d.Verdict, Accept, AcceptWithChanges, Reject, Supersede)
	}
	if _, err := ChamberByCode(d.By); err != nil {
		e := *err.(*Error)
		e.Kind = Invalid
		return &e
	}
	for _, f := range []struct {
		text           string
		utf, ctl, size Message
		max            int
	}{
		{d.Text, msgDecisionTextNotUTF8, msgDecisionTextControl, msgDecisionTextTooLarge, MaxTextBytes},
		{d.Note, msgDecisionNoteNotUTF8, msgDecisionNoteControl, msgDecisionNoteTooLarge, MaxJustificationBytes},
	} {
		if !utf8.ValidString(f.text) {
			return f.utf.Err(Invalid)
		}
		if r, ok := Invisible(f.text); ok {
			return f.ctl.Err(Invalid, r)
		}
		if len(f.text) > f.max {
			return f.size.Err(Invalid, len(f.text)>>10, f.max>>10)
		}
	}
	hasText := strings.TrimSpace(d.Text) != ""
	switch {
	case d.Verdict == AcceptWithChanges && !hasText:
		return msgNoWording.Err(Invalid)
	case d.Verdict != AcceptWithChanges && d.Text != "":
		return msgWordingNotTaken.Err(Invalid)
	case d.Verdict == Supersede && len(d.Replaces) == 0:
		return msgNoReplaces.Err(Invalid)
	case d.Verdict != Supersede && len(d.Replaces) > 0:
		return msgReplacesNotTaken.Err(Invalid)
	case len(d.Replaces) > maxReplaces:
		return msgTooManyReplaces.Err(Invalid, maxReplaces)
	}
	for i, r := range d.Replaces {
		if r == d.Amendment {
			return msgReplacesItself.Err(Invalid, Visible(r))
		}
		if slices.Contains(d.Replaces[:i], r) {
			return msgReplacesTwice.Err(Invalid, Visible(r))
		}
	}
	return nil
}
