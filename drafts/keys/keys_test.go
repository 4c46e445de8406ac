package keys_test

import (
	"bytes"
	"crypto/ed25519"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"statute/drafts"
	"statute/drafts/keys"
)

// fast are the lowest costs Open allows, so that the tests run quickly;
// TestDefaultParams uses the real ones.
var fast = keys.Params{Time: 1, Memory: 8 * 1024, Threads: 1}

// passphrase is what the tests seal with: Arabic words and digits, as a
// chamber's clerk might choose.
var passphrase = []byte("زيت الزيتون 2026")

// newIdentity makes an identity for role, sealed under passphrase.
func newIdentity(t testing.TB, role string) (*drafts.Identity, ed25519.PrivateKey) {
	t.Helper()
	id, priv, err := keys.New(role, passphrase, fast)
	if err != nil {
		t.Fatal(err)
	}
	return id, priv
}

// wantError checks that err is a *drafts.Error of kind, from a keys.*
// message, whose sentence holds each of says.
func wantError(t *testing.T, err error, kind drafts.ErrorKind, says ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one of kind %s", kind)
	}
	if k := drafts.KindOf(err); k != kind {
		t.Fatalf("error of kind %s (%v), want %s", k, err, kind)
	}
	e := err.(*drafts.Error)
	if !strings.HasPrefix(e.ID, "keys.") && !strings.HasPrefix(e.ID, "chamber.") {
		t.Errorf("error %q has message ID %q, want a declared one", err, e.ID)
	}
	for _, s := range says {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not say %q", err, s)
		}
	}
}

// clone is a deep copy of id, to damage without touching the original.
func clone(id *drafts.Identity) *drafts.Identity {
	c := *id
	c.Public = bytes.Clone(id.Public)
	c.Private.Salt = bytes.Clone(id.Private.Salt)
	c.Private.Nonce = bytes.Clone(id.Private.Nonce)
	c.Private.Box = bytes.Clone(id.Private.Box)
	return &c
}

// A new identity opens, with its passphrase, to the key it was made with,
// which signs what its public key verifies; the key is stored sealed.
func TestNewThenOpenSigns(t *testing.T) {
	id, made := newIdentity(t, " fm ")
	if id.Role != "FM" {
		t.Errorf("role %q, want the canonical code FM", id.Role)
	}
	if len(id.Public) != ed25519.PublicKeySize {
		t.Fatalf("public key of %d bytes", len(id.Public))
	}
	k := id.Private
	if k.KDF != "argon2id" || k.Cipher != "aes-256-gcm" || k.Time != 1 || k.Memory != 8*1024 || k.Threads != 1 {
		t.Errorf("sealed with %s (t=%d, m=%d, p=%d) and %s", k.KDF, k.Time, k.Memory, k.Threads, k.Cipher)
	}
	if len(k.Salt) != 16 || len(k.Nonce) != 12 || len(k.Box) != 48 {
		t.Errorf("salt %d bytes, nonce %d, box %d; want 16, 12, 48", len(k.Salt), len(k.Nonce), len(k.Box))
	}
	if bytes.Contains(k.Box, made.Seed()) {
		t.Error("the sealed key holds the seed in the clear")
	}
	if id.Made.IsZero() || id.Made.Location() != time.UTC {
		t.Errorf("made %v, want a time in UTC", id.Made)
	}
	priv, err := keys.Open(id, passphrase)
	if err != nil {
		t.Fatal(err)
	}
	if !priv.Equal(made) {
		t.Error("Open gives another key than New did")
	}
	msg := []byte("تعديل المادة 12 من مشروع النظام الأساسي")
	if !ed25519.Verify(id.Public, msg, ed25519.Sign(priv, msg)) {
		t.Error("the opened key signs what the public key does not verify")
	}
	other, _ := newIdentity(t, "FM")
	if bytes.Equal(other.Public, id.Public) || bytes.Equal(other.Private.Salt, id.Private.Salt) || bytes.Equal(other.Private.Nonce, id.Private.Nonce) {
		t.Error("two identities share a key, a salt or a nonce")
	}
}

// This test uses DefaultParams, the costs the app seals with (RFC 9106's
// second recommended option), to check that they make and open a key.
func TestDefaultParams(t *testing.T) {
	if p := keys.DefaultParams; p.Time != 3 || p.Memory != 64*1024 || p.Threads != 4 {
		t.Fatalf("DefaultParams %+v, want t=3, 64 MiB, p=4", p)
	}
	id, made, err := keys.New("FED", passphrase, keys.DefaultParams)
	if err != nil {
		t.Fatal(err)
	}
	if k := id.Private; k.Time != 3 || k.Memory != 65536 || k.Threads != 4 {
		t.Errorf("sealed with t=%d, m=%d, p=%d", k.Time, k.Memory, k.Threads)
	}
	priv, err := keys.Open(id, passphrase)
	if err != nil {
		t.Fatal(err)
	}
	if !priv.Equal(made) {
		t.Error("Open gives another key than New did")
	}
}

// A wrong passphrase, even one that differs only in case or by a space,
// is refused as Forbidden, naming the role.
func TestWrongPassphrase(t *testing.T) {
	id, _ := newIdentity(t, "CS")
	for _, p := range []string{"زيت الزيتون 2025", "زيت الزيتون 2026 ", "password", string(passphrase[1:])} {
		_, err := keys.Open(id, []byte(p))
		wantError(t, err, drafts.Forbidden, "wrong passphrase for the key of CS")
	}
	lower, _, err := keys.New("CS", []byte("Souk Lahad"), fast)
	if err != nil {
		t.Fatal(err)
	}
	_, err = keys.Open(lower, []byte("souk lahad"))
	wantError(t, err, drafts.Forbidden, "case count")
}

// Any byte of the sealed box, the salt or the nonce changed, the key does
// not open. Within their lengths the seal cannot tell the damage from a
// wrong passphrase, so each is refused as Forbidden, as a wrong
// passphrase is; the original still opens.
func TestEveryByteFlipped(t *testing.T) {
	id, _ := newIdentity(t, "MS")
	fields := map[string]func(*drafts.Identity) []byte{
		"box":   func(id *drafts.Identity) []byte { return id.Private.Box },
		"salt":  func(id *drafts.Identity) []byte { return id.Private.Salt },
		"nonce": func(id *drafts.Identity) []byte { return id.Private.Nonce },
	}
	for name, field := range fields {
		for i := range field(id) {
			bad := clone(id)
			field(bad)[i] ^= 0x01
			if _, err := keys.Open(bad, passphrase); drafts.KindOf(err) != drafts.Forbidden {
				t.Errorf("%s byte %d flipped: error %v, want Forbidden", name, i, err)
			}
		}
	}
	if _, err := keys.Open(id, passphrase); err != nil {
		t.Fatalf("the original no longer opens: %v", err)
	}
}

// A sealed key whose names, costs or lengths are out of the bounds the
// app allows is refused as Invalid, before anything is derived (a memory
// of 4 GiB is not tried); one changed within them is Forbidden.
func TestSealOutOfBounds(t *testing.T) {
	id, _ := newIdentity(t, "SM")
	for _, c := range []struct {
		name   string
		damage func(k *drafts.SealedKey)
		says   string
	}{
		{"kdf", func(k *drafts.SealedKey) { k.KDF = "scrypt" }, "«scrypt»"},
		{"cipher", func(k *drafts.SealedKey) { k.Cipher = "chacha20-poly1305" }, "update the app"},
		{"no passes", func(k *drafts.SealedKey) { k.Time = 0 }, "0 Argon2id passes"},
		{"17 passes", func(k *drafts.SealedKey) { k.Time = 17 }, "17 Argon2id passes"},
		{"a million passes", func(k *drafts.SealedKey) { k.Time = 1 << 20 }, "1048576 Argon2id passes"},
		{"4 GiB", func(k *drafts.SealedKey) { k.Memory = 4 * 1024 * 1024 }, "4194304 KiB"},
		{"4 MiB", func(k *drafts.SealedKey) { k.Memory = 4 * 1024 }, "4096 KiB"},
		{"no lanes", func(k *drafts.SealedKey) { k.Threads = 0 }, "0 Argon2id lanes"},
		{"255 lanes", func(k *drafts.SealedKey) { k.Threads = 255 }, "255 Argon2id lanes"},
		{"short salt", func(k *drafts.SealedKey) { k.Salt = k.Salt[:15] }, "salt of 15 bytes"},
		{"long salt", func(k *drafts.SealedKey) { k.Salt = make([]byte, 65) }, "salt of 65 bytes"},
		{"short nonce", func(k *drafts.SealedKey) { k.Nonce = k.Nonce[:11] }, "nonce of 11 bytes"},
		{"long nonce", func(k *drafts.SealedKey) { k.Nonce = append(k.Nonce, 0) }, "nonce of 13 bytes"},
		{"short box", func(k *drafts.SealedKey) { k.Box = k.Box[:47] }, "47 bytes"},
		{"long box", func(k *drafts.SealedKey) { k.Box = append(k.Box, 0) }, "49 bytes"},
		{"no box", func(k *drafts.SealedKey) { k.Box = nil }, "0 bytes"},
	} {
		bad := clone(id)
		c.damage(&bad.Private)
		_, err := keys.Open(bad, passphrase)
		t.Run(c.name, func(t *testing.T) { wantError(t, err, drafts.Invalid, "SM", c.says) })
	}
	// Within bounds, other costs derive another key: the seal does not open.
	for _, damage := range []func(k *drafts.SealedKey){
		func(k *drafts.SealedKey) { k.Time = 2 },
		func(k *drafts.SealedKey) { k.Memory = 9 * 1024 },
		func(k *drafts.SealedKey) { k.Threads = 2 },
		func(k *drafts.SealedKey) { k.Salt = append(k.Salt, 0) },
	} {
		bad := clone(id)
		damage(&bad.Private)
		_, err := keys.Open(bad, passphrase)
		wantError(t, err, drafts.Forbidden)
	}
}

// The seal is bound to its role and its public key: moved onto another
// role, or next to another key, it does not open (Forbidden, as the seal
// cannot tell this from a wrong passphrase); a role that names no chamber
// or a public key of the wrong length is Invalid.
func TestSealBoundToRoleAndKey(t *testing.T) {
	id, _ := newIdentity(t, "DT")
	other, _ := newIdentity(t, "DT")

	bad := clone(id)
	bad.Role = "GON"
	_, err := keys.Open(bad, passphrase)
	wantError(t, err, drafts.Forbidden, "GON")

	bad = clone(id)
	bad.Public = other.Public
	_, err = keys.Open(bad, passphrase)
	wantError(t, err, drafts.Forbidden)

	bad = clone(id)
	bad.Private = other.Private // the same passphrase, another pair
	_, err = keys.Open(bad, passphrase)
	wantError(t, err, drafts.Forbidden)

	bad = clone(id)
	bad.Role = "dt"
	_, err = keys.Open(bad, passphrase)
	wantError(t, err, drafts.Invalid, "«dt»")

	bad = clone(id)
	bad.Role = "XYZ"
	_, err = keys.Open(bad, passphrase)
	wantError(t, err, drafts.Invalid, "«XYZ»", "FED")

	bad = clone(id)
	bad.Role = strings.Repeat("X", 10000) + "\n"
	_, err = keys.Open(bad, passphrase)
	wantError(t, err, drafts.Invalid, "«"+strings.Repeat("X", 40)+"…»")
	if len(err.Error()) > 300 {
		t.Errorf("a role of 10,000 letters is quoted in full: %d bytes of error", len(err.Error()))
	}

	bad = clone(id)
	bad.Public = bad.Public[:31]
	_, err = keys.Open(bad, passphrase)
	wantError(t, err, drafts.Invalid, "31 bytes")
}

// Reseal changes the passphrase, not the key pair: the new one opens it to
// the same key, the old one no longer does, the salt and nonce are new,
// and the identity it was given is left as it was.
func TestReseal(t *testing.T) {
	id, made := newIdentity(t, "RSK")
	newPass := []byte("Rabat, Salé et Kénitra")
	re, err := keys.Reseal(id, passphrase, newPass, fast)
	if err != nil {
		t.Fatal(err)
	}
	if re.Role != id.Role || !bytes.Equal(re.Public, id.Public) || !re.Made.Equal(id.Made) {
		t.Errorf("resealed identity %s %x %v, want %s %x %v", re.Role, re.Public, re.Made, id.Role, id.Public, id.Made)
	}
	if bytes.Equal(re.Private.Salt, id.Private.Salt) || bytes.Equal(re.Private.Nonce, id.Private.Nonce) {
		t.Error("the salt or the nonce was kept")
	}
	priv, err := keys.Open(re, newPass)
	if err != nil {
		t.Fatal(err)
	}
	if !priv.Equal(made) {
		t.Error("the resealed key is another key")
	}
	_, err = keys.Open(re, passphrase)
	wantError(t, err, drafts.Forbidden)
	if _, err := keys.Open(id, passphrase); err != nil {
		t.Errorf("the original identity no longer opens with its passphrase: %v", err)
	}

	_, err = keys.Reseal(id, newPass, passphrase, fast)
	wantError(t, err, drafts.Forbidden, "wrong passphrase")
	_, err = keys.Reseal(id, passphrase, []byte("court"), fast)
	wantError(t, err, drafts.Invalid, "5 characters", "at least 8")
	_, err = keys.Reseal(id, passphrase, newPass, keys.Params{Time: 1, Memory: 2 << 20, Threads: 1})
	wantError(t, err, drafts.Invalid, "2097152 KiB")
}

// A passphrase shorter than 8 characters is refused, counted in letters,
// not bytes: seven Arabic letters (14 bytes) are too few, eight are enough.
func TestShortPassphrase(t *testing.T) {
	for _, c := range []struct {
		pass string
		n    int
	}{{"", 0}, {"1234567", 7}, {"تقليدية", 7}} {
		_, _, err := keys.New("FM", []byte(c.pass), fast)
		wantError(t, err, drafts.Invalid, fmt.Sprintf("the passphrase is %d characters", c.n), "at least 8")
	}
	if _, _, err := keys.New("FM", []byte("التقليدي"), fast); err != nil {
		t.Errorf("eight Arabic letters refused: %v", err)
	}
}

// A role that is neither a chamber's code nor FED is refused, by
// drafts.ChamberByCode, which lists the codes; so are costs out of bounds.
func TestNewRefuses(t *testing.T) {
	_, _, err := keys.New("XX", passphrase, fast)
	wantError(t, err, drafts.NotFound, `"XX"`, "FM", "FED")
	_, _, err = keys.New("FM", passphrase, keys.Params{Time: 1, Memory: 8 * 1024, Threads: 0})
	wantError(t, err, drafts.Invalid, "0 Argon2id lanes")
}

var fingerprintForm = regexp.MustCompile(`^[0-9]{5}( [0-9]{5}){5}$`)

// A fingerprint is 6 groups of 5 digits, the same for the same key every
// time, and different for different keys; the zero key's is fixed here,
// so that a change of the computation, which would make people read
// different digits for the same key, is noticed.
func TestFingerprint(t *testing.T) {
	a, _ := newIdentity(t, "FM")
	b, _ := newIdentity(t, "FM")
	fa, fb := keys.Fingerprint(a.Public), keys.Fingerprint(b.Public)
	for _, f := range []string{fa, fb} {
		if !fingerprintForm.MatchString(f) {
			t.Errorf("fingerprint %q, want 6 groups of 5 digits", f)
		}
	}
	if keys.Fingerprint(bytes.Clone(a.Public)) != fa {
		t.Error("the same key gives another fingerprint")
	}
	if fa == fb {
		t.Errorf("two keys share the fingerprint %s", fa)
	}
	flipped := bytes.Clone(a.Public)
	flipped[31] ^= 1
	if keys.Fingerprint(flipped) == fa {
		t.Error("a key one bit apart shares the fingerprint")
	}
	if got, want := keys.Fingerprint(make([]byte, 32)), zeroKeyFingerprint; got != want {
		t.Errorf("the zero key's fingerprint is %s, want %s", got, want)
	}
}

// zeroKeyFingerprint is the fingerprint of 32 zero bytes, computed apart
// from the package (SHA-256 of "statute-fingerprint/1" and the key, by
// another program), as the package documents it.
const zeroKeyFingerprint = "26616 41120 76992 65853 79349 89297"
