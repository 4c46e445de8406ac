package drafts

import (
	"bytes"
	"time"
)

// An Identity is one installation's key pair for its role: one of the
// twelve chambers, or the federation. It signs the packages the laptop
// sends (drafts/exchange), and, held by the federation's database, it is
// what makes a laptop the federation's. The public half is plain; the
// private half is kept sealed under a passphrase its holder chose
// (drafts/keys makes, seals and opens it), so that a lost laptop does not
// let its finder sign as the chamber. A store keeps one current Identity;
// a new one (a change of role) replaces it, and the old public halves stay
// on record.
type Identity struct {
	Role    string    `json:"role"`    // a chamber code, or FederationCode
	Public  []byte    `json:"public"`  // the Ed25519 public key, 32 bytes
	Private SealedKey `json:"private"` // the private key, sealed
	Made    time.Time `json:"made"`    // when the pair was made, in UTC
}

// A SealedKey is a private key encrypted under a key derived from a
// passphrase. Every parameter the opening needs is recorded with it, so
// that stronger parameters later do not strand the keys made before.
type SealedKey struct {
	KDF     string `json:"kdf"`     // "argon2id"
	Time    uint32 `json:"time"`    // Argon2id passes
	Memory  uint32 `json:"memory"`  // Argon2id memory, in KiB
	Threads uint8  `json:"threads"` // Argon2id lanes
	Salt    []byte `json:"salt"`
	Cipher  string `json:"cipher"` // "aes-256-gcm"
	Nonce   []byte `json:"nonce"`
	Box     []byte `json:"box"` // the sealed Ed25519 seed, tag included
}

// How a public key came into a register (TrustedKey.How).
const (
	// TrustedFromFile: the other side's public-key file was imported.
	TrustedFromFile = "file"
	// TrustedOnContact: a package came signed by a key not yet
	// registered, and a person compared fingerprints and confirmed it.
	TrustedOnContact = "contact"
)

// A TrustedKey is one entry of a register of the other sides' public keys:
// the federation registers each chamber's, and a chamber the federation's.
// The register only grows: registering a new key for a role that has one
// (a chamber's new laptop) is a deliberate replacement, recorded as a new
// entry that names the key it replaces, and the role's current key is its
// latest entry.
type TrustedKey struct {
	Seq    uint64    `json:"seq"`  // the entry's place in the register, from 1; set by the store
	Role   string    `json:"role"` // whose key: a chamber code, or FederationCode
	Public []byte    `json:"public"`
	How    string    `json:"how"` // TrustedFromFile or TrustedOnContact
	At     time.Time `json:"at"`  // when it was registered, in UTC; set by the store
	// Replaces is the public key this one replaced, nil for a role's first.
	Replaces []byte `json:"replaces,omitempty"`
	// Note says why a key was replaced, as the person wrote it.
	Note string `json:"note,omitempty"`
}

// CurrentKeys maps each role of a register, in the order entries were
// made, to its current key: the latest entry for it.
func CurrentKeys(register []TrustedKey) map[string]TrustedKey {
	cur := make(map[string]TrustedKey, len(register))
	for _, k := range register {
		cur[k.Role] = k
	}
	return cur
}

// SameKey reports whether two public keys are one.
func SameKey(a, b []byte) bool { return len(a) > 0 && bytes.Equal(a, b) }

// A PackageRecord is what a store keeps of a package it took in: enough
// to know one when it comes again, and to tell the federation which
// chamber sent what, and when.
type PackageRecord struct {
	// ID is the hex SHA-256 of the package file's bytes.
	ID   string `json:"id"`
	Kind string `json:"kind"` // "draft" or "amendments"
	From string `json:"from"` // the signer's role
	// Key is the signer's public key.
	Key     []byte    `json:"key"`
	Made    time.Time `json:"made"`     // when it was packed, by its signer's clock, in UTC
	Took    time.Time `json:"received"` // when it was taken in here, in UTC; set by the store
	DraftID string    `json:"draft_id"`
	Version int       `json:"version"`
	// What came in, counted.
	New       int `json:"new"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Refused   int `json:"refused"`
	// File is the name the package had when it was taken in.
	File string `json:"file,omitempty"`
}

// A Receipt is what one verified package brings into a store, already
// sorted into what changes: Store.Receive writes it in one transaction.
type Receipt struct {
	Package PackageRecord
	// Drafts are versions of a draft to store as they are: ID, version,
	// time and sources. A version already stored must be identical.
	Drafts []*Draft
	// New are amendments to store as they are, IDs and times included.
	New []*Amendment
	// Withdraw are stored submitted amendments the package says were
	// withdrawn, as the package has them: their status and Updated time
	// are stored, the rest is as stored already.
	Withdraw []*Amendment
	// Decisions are entries of the federation's decision log to append as
	// they are, after the entries already stored, which they must extend.
	Decisions []Decision
}
