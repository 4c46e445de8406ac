package drafts

import (
	"crypto/rand"
	"encoding/base32"
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

// The statuses of an amendment. Decisions (accepted, rejected…) come with
// the review.
const (
	// StatusDraft: the chamber is still writing it; it can be edited.
	StatusDraft Status = "draft"
	// StatusSubmitted: the chamber has submitted it; it is locked.
	StatusSubmitted Status = "submitted"
)

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

// Validate checks the amendment on its own (not against its draft) and
// returns an Invalid error that says what to correct.
func (a *Amendment) Validate() error {
	if a.DraftID == "" {
		return Errorf(Invalid, "the amendment names no draft")
	}
	if strings.TrimSpace(a.Article) == "" {
		return Errorf(Invalid, "the amendment names no article: say which article it amends")
	}
	if _, err := ChamberByCode(a.Chamber); err != nil {
		e := *err.(*Error)
		e.Kind = Invalid
		return &e
	}
	for name, s := range map[string]string{"text": a.Text, "justification": a.Justification, "author": a.Author, "number": a.NewNumber} {
		if !utf8.ValidString(s) {
			return Errorf(Invalid, "the amendment's %s is not valid UTF-8 text", name)
		}
	}
	text := strings.TrimSpace(a.Text)
	switch a.Kind {
	case Wording:
		if text == "" {
			return Errorf(Invalid, "the proposed wording is empty: write the new text of the article, or propose a repeal")
		}
		if a.NewNumber != "" {
			return Errorf(Invalid, "only an inserted article takes a new number")
		}
	case Repeal:
		if text != "" {
			return Errorf(Invalid, "a repeal carries no new wording: remove the text, or propose new wording instead")
		}
		if a.NewNumber != "" {
			return Errorf(Invalid, "only an inserted article takes a new number")
		}
	case Insert:
		if strings.TrimSpace(a.NewNumber) == "" {
			return Errorf(Invalid, "a new article needs its proposed number, such as «%s مكررة»", a.Article)
		}
		if text == "" {
			return Errorf(Invalid, "the new article's text is empty: write the article to insert")
		}
	default:
		return Errorf(Invalid, "unknown kind of amendment %q: use %s, %s or %s", a.Kind, Wording, Repeal, Insert)
	}
	switch {
	case len(a.Text) > MaxTextBytes:
		return Errorf(Invalid, "the proposed text is %d KB, over the limit of %d KB: an amendment concerns one article", len(a.Text)>>10, MaxTextBytes>>10)
	case len(a.Justification) > MaxJustificationBytes:
		return Errorf(Invalid, "the justification is %d KB, over the limit of %d KB", len(a.Justification)>>10, MaxJustificationBytes>>10)
	case len(a.Author) > MaxAuthorBytes:
		return Errorf(Invalid, "the author's name is longer than %d bytes", MaxAuthorBytes)
	case len(a.NewNumber) > MaxNumberBytes:
		return Errorf(Invalid, "the proposed number is longer than %d bytes", MaxNumberBytes)
	}
	switch a.Status {
	case StatusDraft, StatusSubmitted:
	default:
		return Errorf(Invalid, "unknown status %q: use %s or %s", a.Status, StatusDraft, StatusSubmitted)
	}
	return nil
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
