package keys

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"statute/drafts"
)

// PublicHeader is the first line of a public-key file, naming its version.
const PublicHeader = "Statute Workbench public key 1"

// publicHeaderStem is PublicHeader without its version.
const publicHeaderStem = "Statute Workbench public key "

// MaxPublicFile is the largest public-key file ParsePublic reads, in
// bytes: the file is four short lines, and anything much larger is some
// other file chosen by mistake.
const MaxPublicFile = 4 << 10

// BackupFormat is the format tag of a key backup, naming its version.
const BackupFormat = "statute-key-backup/1"

// MaxBackupFile is the largest key backup ParseBackup reads, in bytes.
const MaxBackupFile = 16 << 10

// publicFields are the fields of a public-key file, in their order.
var publicFields = [...]string{"role", "key", "fingerprint"}

// bom is the UTF-8 byte-order mark, which some editors put first.
var bom = []byte("\xEF\xBB\xBF")

// PublicFileName is the name a role's public-key file is saved under:
// «statute-key-FM.pub». role is a chamber's code or FED, in any case.
func PublicFileName(role string) string { return "statute-key-" + canonical(role) + ".pub" }

// BackupFileName is the name a role's key backup is saved under:
// «statute-key-FM.backup».
func BackupFileName(role string) string { return "statute-key-" + canonical(role) + ".backup" }

// canonical is role's code as the app writes it, or role as it is when it
// names no chamber.
func canonical(role string) string {
	if c, err := drafts.ChamberByCode(role); err == nil {
		return c.Code
	}
	return role
}

// MarshalPublic writes the public-key file of a role's key: what a
// chamber gives the federation, and the federation each chamber, so that
// each can check the other's signatures. It is four lines of UTF-8 text,
// each ending in a line feed:
//
//	Statute Workbench public key 1
//	role: FM
//	key: <the 32 bytes of the Ed25519 key, in standard base64>
//	fingerprint: <Fingerprint of the key>
//
// role should be a chamber's code or FED, and pub a 32-byte key, as an
// Identity holds them; ParsePublic refuses a file made of anything else.
func MarshalPublic(role string, pub []byte) []byte {
	var b strings.Builder
	b.WriteString(PublicHeader + "\n")
	b.WriteString("role: " + role + "\n")
	b.WriteString("key: " + base64.StdEncoding.EncodeToString(pub) + "\n")
	b.WriteString("fingerprint: " + Fingerprint(pub) + "\n")
	return []byte(b.String())
}

// ParsePublic reads a public-key file as MarshalPublic writes it, and
// returns the role and the key it holds. It is strict, because the file
// may have passed through any hands: the first line must be PublicHeader,
// then the role, key and fingerprint fields must each come once, in that
// order, written «name: value»; only empty lines may follow. A file saved
// with CRLF line ends, or with a UTF-8 byte-order mark, is accepted. The
// role must be a chamber's code or FED, as the app writes it; the key
// must be 32 bytes; the fingerprint must be the key's, so that a key
// changed in the file, by mistake or not, is caught. Every error is
// Invalid, and says, where it is easy to tell, what the file is instead
// (the key backup, a Word document or a package, a PDF).
func ParsePublic(b []byte) (role string, pub []byte, err error) {
	if err := sniff(b, false); err != nil {
		return "", nil, err
	}
	if len(b) > MaxPublicFile {
		return "", nil, msgPublicTooLarge.Err(drafts.Invalid, len(b), MaxPublicFile)
	}
	b = bytes.TrimPrefix(b, bom)
	if !utf8.Valid(b) {
		return "", nil, msgNotPublic.Err(drafts.Invalid)
	}
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	if lines[0] != PublicHeader {
		if v, ok := strings.CutPrefix(lines[0], publicHeaderStem); ok && v != "" && len(v) <= 8 {
			return "", nil, msgPublicVersion.Err(drafts.Invalid, shown(v))
		}
		return "", nil, msgNotPublic.Err(drafts.Invalid)
	}
	var values [len(publicFields)]string
	for i, name := range publicFields {
		n := i + 1 // the line's index; its number is one more
		v, ok := "", false
		if n < len(lines) {
			v, ok = strings.CutPrefix(lines[n], name+": ")
		}
		if !ok {
			return "", nil, msgPublicLine.Err(drafts.Invalid, n+1, name)
		}
		values[i] = v
	}
	for n := len(publicFields) + 1; n < len(lines); n++ {
		if lines[n] != "" {
			return "", nil, msgPublicTrailing.Err(drafts.Invalid, n+1)
		}
	}
	role = values[0]
	if err := checkRole(role); err != nil {
		return "", nil, err
	}
	pub, err = base64.StdEncoding.Strict().DecodeString(values[1])
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return "", nil, msgPublicKey.Wrap(drafts.Invalid, err)
	}
	if values[2] != Fingerprint(pub) {
		return "", nil, msgPublicFingerprint.Err(drafts.Invalid)
	}
	return role, pub, nil
}

// sniff refuses b when its first bytes show it is a file of another kind,
// chosen by mistake: a zip (a Word document, or a package), a PDF, and,
// for the public-key reader (backup false), the key backup, or, for the
// backup reader, a public-key file.
func sniff(b []byte, backup bool) error {
	kind := drafts.Invalid
	head := bytes.TrimPrefix(b, bom)
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")), bytes.HasPrefix(b, []byte("PK\x05\x06")):
		if backup {
			return msgNotBackup.Err(kind)
		}
		return msgPublicIsZip.Err(kind)
	case bytes.HasPrefix(b, []byte("%PDF-")):
		if backup {
			return msgNotBackup.Err(kind)
		}
		return msgPublicIsPDF.Err(kind)
	case !backup && bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte("{")) &&
		bytes.Contains(b[:min(len(b), MaxBackupFile)], []byte(`"statute-key-backup/`)):
		return msgPublicIsBackup.Err(kind)
	case backup && bytes.HasPrefix(head, []byte(publicHeaderStem)):
		return msgBackupIsPublic.Err(kind)
	}
	return nil
}

// backupFile is the JSON object of a key backup.
type backupFile struct {
	Format  string           `json:"format"`
	Role    string           `json:"role"`
	Public  []byte           `json:"public"`
	Made    string           `json:"made"`
	Private drafts.SealedKey `json:"private"`
}

// MarshalBackup writes the protected backup of id: how the federation's
// key (or a chamber's) moves to a new laptop. It holds the private key
// sealed as id holds it, never in the clear, so the backup is only as
// useful to a finder as the passphrase is easy to guess. It is a JSON
// object, indented, in UTF-8:
//
//	{
//	  "format": "statute-key-backup/1",
//	  "role": "FM",
//	  "public": "<the 32-byte public key, base64>",
//	  "made": "<when the pair was made: RFC 3339, UTC>",
//	  "private": {
//	    "kdf": "argon2id", "time": 3, "memory": 65536, "threads": 4,
//	    "salt": "<base64>", "cipher": "aes-256-gcm",
//	    "nonce": "<base64>", "box": "<base64>"
//	  }
//	}
func MarshalBackup(id *drafts.Identity) []byte {
	data, err := json.MarshalIndent(backupFile{
		Format:  BackupFormat,
		Role:    id.Role,
		Public:  id.Public,
		Made:    id.Made.UTC().Format(time.RFC3339Nano),
		Private: id.Private,
	}, "", "  ")
	if err != nil {
		// Strings, numbers and bytes always marshal.
		panic(err)
	}
	return append(data, '\n')
}

// ParseBackup reads a key backup as MarshalBackup writes it, and returns
// the Identity it holds, still sealed: opening it needs its passphrase,
// through Open. It is strict: at most MaxBackupFile bytes, one JSON object
// with exactly the fields MarshalBackup writes and no unknown one (a
// UTF-8 byte-order mark may come first), the format tag BackupFormat, a
// known role, a 32-byte public key, a date, and a sealed key that names
// Argon2id and AES-256-GCM with costs and lengths within the bounds Open
// allows, so that a backup made up to stall the machine is refused before
// anyone types a passphrase. Every error is Invalid.
func ParseBackup(b []byte) (*drafts.Identity, error) {
	if err := sniff(b, true); err != nil {
		return nil, err
	}
	if len(b) > MaxBackupFile {
		return nil, msgBackupTooLarge.Err(drafts.Invalid, len(b), MaxBackupFile)
	}
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(b, bom)))
	dec.DisallowUnknownFields()
	var f backupFile
	if err := dec.Decode(&f); err != nil {
		return nil, msgNotBackup.Wrap(drafts.Invalid, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, msgNotBackup.Wrap(drafts.Invalid, err)
	}
	if f.Format != BackupFormat {
		if v, ok := strings.CutPrefix(f.Format, "statute-key-backup/"); ok && v != "" && len(v) <= 8 {
			return nil, msgBackupVersion.Err(drafts.Invalid, shown(f.Format))
		}
		return nil, msgNotBackup.Err(drafts.Invalid)
	}
	made, err := time.Parse(time.RFC3339Nano, f.Made)
	if made = made.UTC(); err != nil || made.Year() < 0 || made.Year() > 9999 {
		return nil, msgBackupMade.Wrap(drafts.Invalid, err, shown(f.Made))
	}
	id := &drafts.Identity{Role: f.Role, Public: f.Public, Private: f.Private, Made: made}
	if err := checkIdentity(id); err != nil {
		return nil, err
	}
	return id, nil
}
