package exchange

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"statute/drafts"
)

// The format's fixed parts.
const (
	// Magic is the first line of every package file.
	Magic = "Statute Workbench package 1"
	// FormatTag is the body's format field.
	FormatTag = "statute-package/1"
	// Ext is the package files' extension.
	Ext = ".statpkg"
	// MaxSize is the largest package read: a draft of a thousand articles
	// in several versions, or a chamber's thousands of amendments, are a
	// few megabytes.
	MaxSize = 64 << 20
	// signaturePrefix starts the last line.
	signaturePrefix = "signature: "
)

// The kinds of package.
const (
	// KindDraft: the federation's draft, every version of it, its decision
	// log and its own amendments (the syntheses the log names).
	KindDraft = "draft"
	// KindAmendments: a chamber's submitted and withdrawn amendments to
	// one draft.
	KindAmendments = "amendments"
)

// A Body is what a package says, signed as a whole.
type Body struct {
	Format string `json:"format"` // FormatTag
	Kind   string `json:"kind"`   // KindDraft or KindAmendments
	From   string `json:"from"`   // the signer's role
	Key    []byte `json:"key"`    // the signer's Ed25519 public key
	// Made is when the package was made, by its signer's clock, in UTC.
	Made    time.Time `json:"made"`
	DraftID string    `json:"draft_id"`
	// Version is the latest version of the draft the signer holds.
	Version int `json:"version"`
	// Drafts are, in a draft package, every version of the draft, from 1.
	Drafts []drafts.Draft `json:"drafts,omitempty"`
	// Decisions are, in a draft package, the federation's whole decision
	// log, in order.
	Decisions []drafts.Decision `json:"decisions,omitempty"`
	// Amendments are a chamber's own (amendments package), or the
	// federation's own that its log names (draft package).
	Amendments []Item `json:"amendments,omitempty"`
}

// An Item is one amendment in a package, with its revision.
type Item struct {
	// Revision counts the amendment's changes since it left its chamber:
	// 1 submitted, 2 withdrawn (Revision). A newer revision replaces an
	// older one; an older never replaces a newer.
	Revision int `json:"revision"`
	drafts.Amendment
}

// Revision is the revision of an amendment in status st: what a package
// says of it. A submitted amendment is locked, so its one change after
// that is its withdrawal.
func Revision(st drafts.Status) int {
	switch st {
	case drafts.StatusSubmitted:
		return 1
	case drafts.StatusWithdrawn:
		return 2
	}
	return 0
}

// A Package is a package read and its signature checked against the key
// it names (whether that key is trusted is Import's question).
type Package struct {
	Body
	// ID is the hex SHA-256 of the file's bytes.
	ID string
	// Size is the file's size in bytes.
	Size int
}

var (
	msgTooLarge = drafts.NewMessage("exchange.too-large",
		"the package is larger than %d MB: it is not a Statute Workbench package, or it is damaged")
	msgNotPackage = drafts.NewMessage("exchange.not-package",
		"this file is not a Statute Workbench package (a .statpkg file): choose the package the other side sent")
	msgCutShort = drafts.NewMessage("exchange.cut-short",
		"the package is cut short or damaged: copy it again from the sender (if it is still being copied or synchronized, wait until it is whole)")
	msgBadSignature = drafts.NewMessage("exchange.bad-signature",
		"the package was altered after it was signed (its signature does not match its content): do not use it; ask the sender for the package again")
	msgMalformed = drafts.NewMessage("exchange.malformed",
		"the package is damaged or was made by hand (%s): ask the sender for the package again")
	msgNewerFormat = drafts.NewMessage("exchange.newer-format",
		"the package was made by a newer version of Statute Workbench (%s): update the app and statutectl")
)

// encode is the body's one byte form: compact JSON of the Body, in its
// fields' order, without HTML escaping, with every time in UTC.
func encode(b *Body) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// signed is what a signature covers: the first line and the body line,
// each with its line feed.
func signed(body []byte) []byte {
	m := make([]byte, 0, len(Magic)+1+len(body)+1)
	m = append(append(m, Magic...), '\n')
	return append(append(m, body...), '\n')
}

// Seal writes the package file of b, signed with priv: b.Key is set to
// priv's public half, and every time put in UTC.
func Seal(b *Body, priv ed25519.PrivateKey) ([]byte, error) {
	b.Format = FormatTag
	b.Key = priv.Public().(ed25519.PublicKey)
	b.Made = b.Made.UTC()
	for i := range b.Drafts {
		b.Drafts[i].Imported = b.Drafts[i].Imported.UTC()
	}
	for i := range b.Decisions {
		b.Decisions[i].At = b.Decisions[i].At.UTC()
	}
	for i := range b.Amendments {
		a := &b.Amendments[i].Amendment
		a.Created, a.Updated = a.Created.UTC(), a.Updated.UTC()
	}
	body, err := encode(b)
	if err != nil {
		return nil, drafts.Wrap(drafts.Internal, err, "the package could not be encoded")
	}
	m := signed(body)
	sig := ed25519.Sign(priv, m)
	return append(append(m, signaturePrefix...), base64.StdEncoding.EncodeToString(sig)+"\n"...), nil
}

// ReadAll reads a package from r, refusing more than MaxSize bytes.
func ReadAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, drafts.Wrap(drafts.Unavailable, err, "the package could not be read: %v", err)
	}
	if len(data) > MaxSize {
		return nil, msgTooLarge.Err(drafts.Invalid, MaxSize>>20)
	}
	return data, nil
}

// Read parses a package file and checks its signature against the key it
// names, and its form: exactly three lines (Magic, the body, the
// signature), the body in its one canonical form (encode), known kind and
// roles. It does not say whether the key is trusted. Invalid, with a
// sentence for each: too large, not a package, cut short, altered,
// malformed, or of a newer format.
func Read(data []byte) (*Package, error) {
	if len(data) > MaxSize {
		return nil, msgTooLarge.Err(drafts.Invalid, MaxSize>>20)
	}
	first, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(first) != Magic {
		if bytes.HasPrefix(data, []byte("Statute Workbench package ")) {
			return nil, msgNewerFormat.Err(drafts.Invalid, drafts.Visible(string(bytes.TrimRight(first, "\r"))))
		}
		if bytes.HasPrefix([]byte(Magic), data) {
			return nil, msgCutShort.Err(drafts.Invalid)
		}
		return nil, msgNotPackage.Err(drafts.Invalid)
	}
	body, last, ok := bytes.Cut(rest, []byte("\n"))
	if !ok {
		return nil, msgCutShort.Err(drafts.Invalid)
	}
	sigLine, tail, ok := bytes.Cut(last, []byte("\n"))
	switch {
	case !ok:
		return nil, msgCutShort.Err(drafts.Invalid)
	case len(tail) > 0:
		return nil, msgMalformed.Err(drafts.Invalid, "something follows the signature")
	case !bytes.HasPrefix(sigLine, []byte(signaturePrefix)):
		return nil, msgMalformed.Err(drafts.Invalid, "no signature line")
	}
	sig, err := base64.StdEncoding.Strict().DecodeString(string(sigLine[len(signaturePrefix):]))
	if err != nil || len(sig) != ed25519.SignatureSize {
		return nil, msgBadSignature.Err(drafts.Invalid)
	}
	p := &Package{Size: len(data)}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p.Body); err != nil {
		// A body that is not JSON was altered: a signature cannot be
		// checked without its key, and says the same thing.
		return nil, msgBadSignature.Wrap(drafts.Invalid, err)
	}
	if dec.More() {
		return nil, msgBadSignature.Err(drafts.Invalid)
	}
	// What was signed is the file's own first two lines: verified where
	// they lie, without a copy of a body of megabytes.
	if len(p.Key) != ed25519.PublicKeySize || !ed25519.Verify(p.Key, data[:len(Magic)+1+len(body)+1], sig) {
		return nil, msgBadSignature.Err(drafts.Invalid)
	}
	// Signed, so made by the key's holder: what follows refuses a package
	// our own code would not have made.
	if p.Format != FormatTag {
		return nil, msgNewerFormat.Err(drafts.Invalid, drafts.Visible(p.Format))
	}
	again, err := encode(&p.Body)
	if err != nil || !bytes.Equal(again, body) {
		return nil, msgMalformed.Err(drafts.Invalid, "its content is not in its one written form")
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	p.ID = hex.EncodeToString(sum[:])
	return p, nil
}

// check refuses a body whose parts do not fit its kind.
func (p *Package) check() error {
	bad := func(format string, args ...any) error {
		return msgMalformed.Err(drafts.Invalid, fmt.Sprintf(format, args...))
	}
	from, err := drafts.ChamberByCode(p.From)
	if err != nil || from.Code != p.From {
		return bad("it comes from an unknown role %q", drafts.Visible(p.From))
	}
	if p.DraftID == "" || p.Version < 1 {
		return bad("it names no draft")
	}
	switch p.Kind {
	case KindDraft:
		if p.From != drafts.FederationCode {
			return bad("a draft package comes from the federation, not %s", p.From)
		}
		if len(p.Drafts) != p.Version {
			return bad("it holds %d versions of the draft, not %d", len(p.Drafts), p.Version)
		}
		for i, d := range p.Drafts {
			if d.ID != p.DraftID || d.Version != i+1 {
				return bad("its version %d is not version %d of draft %s", i+1, i+1, p.DraftID)
			}
		}
		if err := drafts.VerifyLog(p.Decisions); err != nil {
			return bad("its decision log does not hold together")
		}
	case KindAmendments:
		if p.From == drafts.FederationCode || len(p.Drafts) > 0 || len(p.Decisions) > 0 {
			return bad("an amendments package holds a chamber's amendments only")
		}
	default:
		return bad("unknown kind %q", drafts.Visible(p.Kind))
	}
	seen := make(map[string]bool, len(p.Amendments))
	for i := range p.Amendments {
		it := &p.Amendments[i]
		switch {
		case it.Chamber != p.From:
			return bad("amendment %s is of %s, in a package from %s", drafts.Visible(it.ID), drafts.Visible(it.Chamber), p.From)
		case it.DraftID != p.DraftID:
			return bad("amendment %s amends another draft", drafts.Visible(it.ID))
		case !strings.HasPrefix(it.ID, p.From+"-") || seen[it.ID]:
			return bad("amendment «%s» is there twice, or its ID is not one of %s", drafts.Visible(it.ID), p.From)
		case it.DraftVersion < 1 || it.DraftVersion > p.Version:
			return bad("amendment %s was made on version %d, which the package does not know", drafts.Visible(it.ID), it.DraftVersion)
		case it.Revision != Revision(it.Status) || it.Revision == 0:
			return bad("amendment %s is %s at revision %d", drafts.Visible(it.ID), drafts.Visible(string(it.Status)), it.Revision)
		}
		seen[it.ID] = true
	}
	return nil
}
