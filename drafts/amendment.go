package drafts

import (
	"crypto/rand"
	"encoding/base32"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// AmendmentKind says what an amendment does to its target article.
type AmendmentKind string

// The kinds of amendment.
const (
	// Wording proposes new wording for the target article (تغيير).
	Wording AmendmentKind = "wording"
	// Repeal proposes to repeal the target article (نسخ).
	Repeal AmendmentKind = "repeal"
	// Insert proposes a new article after the target (إضافة), numbered
	// NewNumber, such as «2 مكررة».
	Insert AmendmentKind = "insert"
)

// Status is where an amendment stands in the review.
type Status string

// The statuses of an amendment. The federation's decisions are not
// statuses: a decided amendment stays submitted, and its decision is read
// from the decision log (Decision), the one record of them.
const (
	// StatusDraft: the chamber is still writing it; it can be edited or
	// deleted, and no one else sees it.
	StatusDraft Status = "draft"
	// StatusSubmitted: the chamber has submitted it; it is locked, and the
	// federation sees it.
	StatusSubmitted Status = "submitted"
	// StatusWithdrawn: the chamber took it back after submitting it; it
	// stays on record, locked, for the federation to see.
	StatusWithdrawn Status = "withdrawn"
)

// Statuses lists the statuses in the order an amendment passes through them.
func Statuses() []Status { return []Status{StatusDraft, StatusSubmitted, StatusWithdrawn} }

// CanMove reports whether an amendment may go from one status to another:
// a draft is submitted, a submitted amendment withdrawn; nothing goes back.
// Stores hold to it whoever asks.
func CanMove(from, to Status) bool {
	return from == StatusDraft && to == StatusSubmitted || from == StatusSubmitted && to == StatusWithdrawn
}

var msgLocked = NewMessage("amendment.locked",
	"amendment %s has been %s, and so is locked: it can no longer be changed")

// Locked is the Conflict of a change to amendment id, which is no longer a
// draft but st: stores and the round's rules say it alike.
func Locked(id string, st Status) *Error { return msgLocked.Err(Conflict, id, st) }

// ParseStatus reads a status as typed by a person. Invalid: no such status.
func ParseStatus(s string) (Status, error) {
	st := Status(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Statuses() {
		if st == known {
			return st, nil
		}
	}
	return "", msgUnknownStatus.Err(Invalid, s, StatusDraft, StatusSubmitted, StatusWithdrawn)
}

// MaySee reports whether the chamber viewer may see an amendment owned by
// owner in status st: a chamber sees all of its own, and the federation
// also every other chamber's amendment once submitted, never a chamber's
// unsubmitted draft.
func MaySee(viewer, owner string, st Status) bool {
	return viewer == owner || viewer == FederationCode && st != StatusDraft
}

// Limits on what one amendment may hold; generous for a legal text, small
// enough that a pasted file by mistake is refused.
const (
	MaxTextBytes          = 64 << 10
	MaxJustificationBytes = 32 << 10
	MaxAuthorBytes        = 200
	MaxNumberBytes        = 60
)

// An Amendment is one chamber's proposal for one article.
type Amendment struct {
	ID           string `json:"id"`
	DraftID      string `json:"draft_id"`
	DraftVersion int    `json:"draft_version"`
	// BaseHash is the HashText of the target article's text when the
	// amendment was made, so that a later change of the base is detected.
	BaseHash string        `json:"base_hash"`
	Article  string        `json:"article"` // the target article's key
	Kind     AmendmentKind `json:"kind"`
	// NewNumber is the proposed number of an inserted article, as
	// written: «2 مكررة». Empty for other kinds.
	NewNumber     string    `json:"new_number,omitempty"`
	Text          string    `json:"text,omitempty"` // the proposed wording; empty for a repeal
	Justification string    `json:"justification,omitempty"`
	Chamber       string    `json:"chamber"` // a chamber code, or FederationCode
	Author        string    `json:"author,omitempty"`
	Created       time.Time `json:"created"`
	Updated       time.Time `json:"updated"`
	Status        Status    `json:"status"`
}

// The sentences Validate says, one per outcome.
var (
	msgNoDraftID      = NewMessage("amendment.no-draft", "the amendment names no draft")
	msgNoArticle      = NewMessage("amendment.no-article", "the amendment names no article: say which article it amends")
	msgEmptyWording   = NewMessage("amendment.empty-wording", "the proposed wording is empty: write the new text of the article, or propose a repeal")
	msgNumberNotTaken = NewMessage("amendment.number-not-insert", "only an inserted article takes a new number")
	msgRepealText     = NewMessage("amendment.repeal-text", "a repeal carries no new wording: remove the text, or propose new wording instead")
	msgNoNumber       = NewMessage("amendment.no-number", "a new article needs its proposed number, such as «%s مكررة»")
	msgEmptyInsert    = NewMessage("amendment.empty-insert", "the new article's text is empty: write the article to insert")
	msgUnknownKind    = NewMessage("amendment.unknown-kind", "unknown kind of amendment %q: use %s, %s or %s")
	msgTextTooLarge   = NewMessage("amendment.text-too-large", "the proposed text is %d KB, over the limit of %d KB: an amendment concerns one article")
	msgWhyTooLarge    = NewMessage("amendment.justification-too-large", "the justification is %d KB, over the limit of %d KB")
	msgAuthorTooLong  = NewMessage("amendment.author-too-long", "the author's name is longer than %d bytes")
	msgNumberTooLong  = NewMessage("amendment.number-too-long", "the proposed number is longer than %d bytes")
	msgUnknownStatus  = NewMessage("amendment.unknown-status", "unknown status %q: use %s, %s or %s")
	// Per field, so that each reads whole in every language.
	msgNotUTF8 = map[string]Message{
		"text":          NewMessage("amendment.text-not-utf8", "the proposed wording is not valid UTF-8 text"),
		"justification": NewMessage("amendment.justification-not-utf8", "the justification is not valid UTF-8 text"),
		"author":        NewMessage("amendment.author-not-utf8", "the author's name is not valid UTF-8 text"),
		"number":        NewMessage("amendment.number-not-utf8", "the proposed number is not valid UTF-8 text"),
	}
	msgInvisible = map[string]Message{
		"text":          NewMessage("amendment.text-control", "the proposed wording holds a control character (U+%04X) that cannot be seen or printed: retype it, or paste it as plain text"),
		"justification": NewMessage("amendment.justification-control", "the justification holds a control character (U+%04X) that cannot be seen or printed: retype it, or paste it as plain text"),
		"author":        NewMessage("amendment.author-control", "the author's name holds a control character (U+%04X) that cannot be seen or printed: retype it"),
		"number":        NewMessage("amendment.number-control", "the proposed number holds a control character (U+%04X) that cannot be seen or printed: retype it"),
	}
)

// Validate checks the amendment on its own (not against its draft) and
// returns an Invalid error that says what to correct.
func (a *Amendment) Validate() error {
	if a.DraftID == "" {
		return msgNoDraftID.Err(Invalid)
	}
	if strings.TrimSpace(a.Article) == "" {
		return msgNoArticle.Err(Invalid)
	}
	if _, err := ChamberByCode(a.Chamber); err != nil {
		e := *err.(*Error)
		e.Kind = Invalid
		return &e
	}
	for _, f := range []struct{ name, text string }{
		{"text", a.Text}, {"justification", a.Justification}, {"author", a.Author}, {"number", a.NewNumber},
	} {
		if !utf8.ValidString(f.text) {
			return msgNotUTF8[f.name].Err(Invalid)
		}
		if r, ok := Invisible(f.text); ok {
			return msgInvisible[f.name].Err(Invalid, r)
		}
	}
	text := strings.TrimSpace(a.Text)
	switch a.Kind {
	case Wording:
		if text == "" {
			return msgEmptyWording.Err(Invalid)
		}
		if a.NewNumber != "" {
			return msgNumberNotTaken.Err(Invalid)
		}
	case Repeal:
		if text != "" {
			return msgRepealText.Err(Invalid)
		}
		if a.NewNumber != "" {
			return msgNumberNotTaken.Err(Invalid)
		}
	case Insert:
		if strings.TrimSpace(a.NewNumber) == "" {
			return msgNoNumber.Err(Invalid, a.Article)
		}
		if text == "" {
			return msgEmptyInsert.Err(Invalid)
		}
	default:
		return msgUnknownKind.Err(Invalid, a.Kind, Wording, Repeal, Insert)
	}
	switch {
	case len(a.Text) > MaxTextBytes:
		return msgTextTooLarge.Err(Invalid, len(a.Text)>>10, MaxTextBytes>>10)
	case len(a.Justification) > MaxJustificationBytes:
		return msgWhyTooLarge.Err(Invalid, len(a.Justification)>>10, MaxJustificationBytes>>10)
	case len(a.Author) > MaxAuthorBytes:
		return msgAuthorTooLong.Err(Invalid, MaxAuthorBytes)
	case len(a.NewNumber) > MaxNumberBytes:
		return msgNumberTooLong.Err(Invalid, MaxNumberBytes)
	}
	if !slices.Contains(Statuses(), a.Status) {
		return msgUnknownStatus.Err(Invalid, a.Status, StatusDraft, StatusSubmitted, StatusWithdrawn)
	}
	return nil
}

// Visible returns s with every character Invisible finds shown as U+FFFD,
// the replacement character: for text from before such characters were
// refused, or from outside, on its way to a person or a terminal.
func Visible(s string) string {
	if _, bad := Invisible(s); !bad {
		return s
	}
	return strings.Map(func(r rune) rune {
		if invisible(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// Invisible finds the first character of s that a reader cannot see and a
// terminal may act on: NUL, escape sequences and the other control
// characters (C0, DEL and C1), tab and line breaks aside. It is what
// import refuses in a draft, refused in the texts of an amendment too.
func Invisible(s string) (rune, bool) {
	for _, r := range s {
		if invisible(r) {
			return r, true
		}
	}
	return 0, false
}

func invisible(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7F && r < 0xA0
}

// idEncoding is Crockford-like base32 without padding: no I, L, O or U, so an
// ID read aloud or copied by hand is not mistaken.
var idEncoding = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// NewID returns a new random identifier with the given prefix, such as
// "FM-7K3QX9AB". IDs are made on many laptops that never talk to each
// other, so they are random rather than sequential.
func NewID(prefix string) string {
	var b [5]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("drafts: no randomness: " + err.Error()) // crypto/rand does not fail on supported systems
	}
	return prefix + "-" + idEncoding.EncodeToString(b[:])
}

// NormalizeID puts an ID typed by a person into canonical form: upper case,
// with the letters O, I and L read as the digits they resemble.
func NormalizeID(id string) string {
	id = strings.ToUpper(strings.TrimSpace(id))
	prefix, rest, ok := strings.Cut(id, "-")
	if !ok {
		return id
	}
	return prefix + "-" + lookalikes.Replace(rest)
}

var lookalikes = strings.NewReplacer("O", "0", "I", "1", "L", "1")
