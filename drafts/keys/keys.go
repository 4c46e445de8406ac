package keys

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"statute/drafts"
)

// Params are the Argon2id costs of turning a passphrase into the key that
// seals a private key: the higher, the longer a thief who has the sealed
// key takes to try each passphrase, and the longer its holder waits to
// open it. They are recorded in the SealedKey, so that keys sealed under
// older costs still open.
type Params struct {
	Time    uint32 // passes over the memory
	Memory  uint32 // memory, in KiB
	Threads uint8  // lanes, which may be computed in parallel
}

// DefaultParams are the costs a new key is sealed with: RFC 9106's second
// recommended option (t=3 passes, 64 MiB of memory, p=4 lanes), meant for
// machines with little memory to spare, which the chambers' laptops are.
var DefaultParams = Params{Time: 3, Memory: 64 * 1024, Threads: 4}

// The names of the key derivation and of the cipher that SealedKey records,
// the only ones Open knows.
const (
	KDF    = "argon2id"    // Argon2id, RFC 9106, deriving a 32-byte key
	Cipher = "aes-256-gcm" // AES-256 in Galois/Counter Mode
)

// MinPassphrase is the fewest characters (Unicode code points, spaces
// included) a passphrase may have.
const MinPassphrase = 8

// The bounds on what a sealed key may ask for. A sealed key read from
// outside (a backup) could name costs that would stall the machine for
// hours or exhaust its memory; Open refuses them before deriving anything.
const (
	MinTime, MaxTime       = 1, 16                 // Argon2id passes
	MinMemory, MaxMemory   = 8 * 1024, 1024 * 1024 // KiB: 8 MiB to 1 GiB
	MinThreads, MaxThreads = 1, 16                 // Argon2id lanes
	MinSalt, MaxSalt       = 16, 64                // bytes of salt
	NonceSize              = 12                    // bytes: AES-GCM's standard nonce, the only length read
	BoxSize                = ed25519.SeedSize + 16 // bytes: the sealed 32-byte seed and GCM's 16-byte tag
	saltSize               = 16                    // bytes of salt New and Reseal draw
)

// adPrefix starts the additional data of the seal, naming its version.
const adPrefix = "statute-key/1"

// New makes a key pair for role (a chamber's code, or FED, in any case)
// and seals its private half under passphrase with the costs p. The
// Identity records the role's canonical code, the public key, the sealed
// private key and when it was made; the private key is returned too, for
// the caller's first use, so that it need not ask for the passphrase again.
// The errors: NotFound for an unknown role (drafts.ChamberByCode's),
// Invalid for a passphrase shorter than MinPassphrase or costs out of
// bounds, Internal when the machine gives no randomness.
func New(role string, passphrase []byte, p Params) (*drafts.Identity, ed25519.PrivateKey, error) {
	c, err := drafts.ChamberByCode(role)
	if err != nil {
		return nil, nil, err
	}
	if err := checkPassphrase(passphrase); err != nil {
		return nil, nil, err
	}
	if err := checkParams(c.Code, p); err != nil {
		return nil, nil, err
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, msgRandom.Wrap(drafts.Internal, err)
	}
	sealed, err := seal(c.Code, pub, priv.Seed(), passphrase, p)
	if err != nil {
		return nil, nil, err
	}
	return &drafts.Identity{Role: c.Code, Public: pub, Private: sealed, Made: time.Now().UTC()}, priv, nil
}

// Open unseals the private key of id with passphrase. It checks the
// sealed key's names and costs first (Invalid when the app does not know
// them or they are out of bounds), then derives the key and opens the
// seal: a failed opening is Forbidden, for a wrong passphrase, which is
// by far the likeliest cause (a sealed key whose bytes, role or public key
// were changed fails the same way, and cannot be told apart from it).
// Last it checks that the private key is that of id.Public (Invalid).
// id must not be nil.
func Open(id *drafts.Identity, passphrase []byte) (ed25519.PrivateKey, error) {
	if err := checkIdentity(id); err != nil {
		return nil, err
	}
	k := id.Private
	aead, err := gcm(passphrase, k.Salt, Params{k.Time, k.Memory, k.Threads})
	if err != nil {
		return nil, err
	}
	seed, err := aead.Open(nil, k.Nonce, k.Box, additionalData(id.Role, id.Public))
	if err != nil {
		return nil, msgWrongPassphrase.Wrap(drafts.Forbidden, err, id.Role)
	}
	defer clear(seed)
	priv := ed25519.NewKeyFromSeed(seed)
	if subtle.ConstantTimeCompare(priv.Public().(ed25519.PublicKey), id.Public) != 1 {
		clear(priv)
		return nil, msgDamaged.Err(drafts.Invalid, id.Role)
	}
	return priv, nil
}

// Reseal returns id with its private key sealed under a new passphrase
// and the costs p: the same key pair, so the other sides' registers need
// no change, with a new salt and nonce. The old passphrase must open it;
// the errors are Open's, and New's for the new passphrase and costs. id is
// left as it is.
func Reseal(id *drafts.Identity, oldPass, newPass []byte, p Params) (*drafts.Identity, error) {
	priv, err := Open(id, oldPass)
	if err != nil {
		return nil, err
	}
	defer clear(priv)
	if err := checkPassphrase(newPass); err != nil {
		return nil, err
	}
	if err := checkParams(id.Role, p); err != nil {
		return nil, err
	}
	pub := append([]byte(nil), id.Public...)
	sealed, err := seal(id.Role, pub, priv.Seed(), newPass, p)
	if err != nil {
		return nil, err
	}
	return &drafts.Identity{Role: id.Role, Public: pub, Private: sealed, Made: id.Made}, nil
}

// Fingerprint is what two people read to each other, over the phone, to
// check that a public key is the one the other side holds: 30 decimal
// digits in 6 groups of 5, «04512 99310 …», which read the same in Arabic
// and in French and are not confused when said aloud. It is computed from
// the SHA-256 of "statute-fingerprint/1" followed by the key: each group
// is the next 5 bytes of the hash, read as a big-endian number, modulo
// 100000, with leading zeros. Two keys share a fingerprint by chance with
// a probability of about one in 10^30.
func Fingerprint(pub []byte) string {
	h := sha256.New()
	h.Write([]byte("statute-fingerprint/1"))
	h.Write(pub)
	sum := h.Sum(nil)
	groups := make([]string, 6)
	var b [8]byte
	for i := range groups {
		copy(b[3:], sum[5*i:5*i+5])
		groups[i] = fmt.Sprintf("%05d", binary.BigEndian.Uint64(b[:])%100000)
	}
	return strings.Join(groups, " ")
}

// shown is a value read from a file as a sentence quotes it: at most
// maxShown characters, with control characters, invalid bytes and line
// breaks as U+FFFD, so that a damaged or made-up file cannot fill or
// break the dialog that says what is wrong with it.
func shown(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == maxShown {
			b.WriteString("…")
			break
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			r = utf8.RuneError
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// maxShown is the most characters shown quotes of a value.
const maxShown = 40

// checkPassphrase refuses a passphrase shorter than MinPassphrase.
func checkPassphrase(passphrase []byte) error {
	if n := utf8.RuneCount(passphrase); n < MinPassphrase {
		return msgShortPassphrase.Err(drafts.Invalid, n, MinPassphrase)
	}
	return nil
}

// checkParams refuses costs out of bounds, for the key of role.
func checkParams(role string, p Params) error {
	switch {
	case p.Time < MinTime || p.Time > MaxTime:
		return msgSealTime.Err(drafts.Invalid, role, p.Time, MinTime, MaxTime)
	case p.Memory < MinMemory || p.Memory > MaxMemory:
		return msgSealMemory.Err(drafts.Invalid, role, p.Memory, MinMemory, MaxMemory)
	case p.Threads < MinThreads || p.Threads > MaxThreads:
		return msgSealThreads.Err(drafts.Invalid, role, p.Threads, MinThreads, MaxThreads)
	}
	return nil
}

// checkRole refuses a role that is not a chamber's canonical code nor FED.
func checkRole(role string) error {
	if c, err := drafts.ChamberByCode(role); err != nil || c.Code != role {
		return msgRole.Err(drafts.Invalid, shown(role), drafts.FederationCode)
	}
	return nil
}

// checkIdentity checks what can be checked of id without its passphrase:
// its role, the length of its public key, and that its sealed key names
// the app's derivation and cipher, costs within bounds, and a salt, nonce
// and box of the right lengths.
func checkIdentity(id *drafts.Identity) error {
	if err := checkRole(id.Role); err != nil {
		return err
	}
	if len(id.Public) != ed25519.PublicKeySize {
		return msgPublicSize.Err(drafts.Invalid, id.Role, len(id.Public), ed25519.PublicKeySize)
	}
	k := id.Private
	if k.KDF != KDF || k.Cipher != Cipher {
		return msgSealUnknown.Err(drafts.Invalid, id.Role, shown(k.KDF), shown(k.Cipher))
	}
	if err := checkParams(id.Role, Params{k.Time, k.Memory, k.Threads}); err != nil {
		return err
	}
	switch {
	case len(k.Salt) < MinSalt || len(k.Salt) > MaxSalt:
		return msgSealSalt.Err(drafts.Invalid, id.Role, len(k.Salt), MinSalt, MaxSalt)
	case len(k.Nonce) != NonceSize:
		return msgSealNonce.Err(drafts.Invalid, id.Role, len(k.Nonce), NonceSize)
	case len(k.Box) != BoxSize:
		return msgSealBox.Err(drafts.Invalid, id.Role, len(k.Box), BoxSize)
	}
	return nil
}

// additionalData binds a seal to its role and public key: the seal opens
// only with the very ones it was made with. The public key, of fixed
// length, comes last, so that no two pairs give the same bytes.
func additionalData(role string, pub []byte) []byte {
	ad := make([]byte, 0, len(adPrefix)+len(role)+len(pub))
	ad = append(ad, adPrefix...)
	ad = append(ad, role...)
	return append(ad, pub...)
}

// gcm derives the sealing key from passphrase and salt with Argon2id at
// the costs p, and returns AES-256-GCM under it.
func gcm(passphrase, salt []byte, p Params) (cipher.AEAD, error) {
	key := argon2.IDKey(passphrase, salt, p.Time, p.Memory, p.Threads, 32)
	defer clear(key)
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, msgCipher.Wrap(drafts.Internal, err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, msgCipher.Wrap(drafts.Internal, err)
	}
	return aead, nil
}

// seal seals seed, the private key of pub for role, under passphrase with
// the costs p, a new random salt and a new random nonce.
func seal(role string, pub ed25519.PublicKey, seed, passphrase []byte, p Params) (drafts.SealedKey, error) {
	salt := make([]byte, saltSize)
	nonce := make([]byte, NonceSize)
	if _, err := rand.Read(salt); err != nil {
		return drafts.SealedKey{}, msgRandom.Wrap(drafts.Internal, err)
	}
	if _, err := rand.Read(nonce); err != nil {
		return drafts.SealedKey{}, msgRandom.Wrap(drafts.Internal, err)
	}
	aead, err := gcm(passphrase, salt, p)
	if err != nil {
		return drafts.SealedKey{}, err
	}
	return drafts.SealedKey{
		KDF: KDF, Time: p.Time, Memory: p.Memory, Threads: p.Threads,
		Salt: salt, Cipher: Cipher, Nonce: nonce,
		Box: aead.Seal(nil, nonce, seed, additionalData(role, pub)),
	}, nil
}
