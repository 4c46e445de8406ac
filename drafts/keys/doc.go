// Package keys makes, seals and opens the key pairs that identify the
// installations of Statute Workbench, and writes and reads the two files
// they travel in.
//
// # Identities
//
// Each installation holds one identity (drafts.Identity) for its role: a
// chamber's code («FM», «CS»…) or FED for the federation. It is an
// Ed25519 key pair: the private half signs the packages the laptop sends,
// the public half lets the other side check them. The public half is
// handed out; the private half never leaves the laptop in the clear.
//
// # The passphrase
//
// The private key is stored sealed under a passphrase its holder chose
// (at least MinPassphrase characters), so that whoever finds a lost
// laptop, or a copy of its database, cannot sign as its chamber without
// guessing it. New makes a pair and seals it; Open unseals it; Reseal
// changes the passphrase of the same pair.
//
// What is sealed is the key's 32-byte Ed25519 seed. The sealing key is
// derived from the passphrase with Argon2id (RFC 9106), over a random
// 16-byte salt, giving 32 bytes; by default with 3 passes, 64 MiB of
// memory and 4 lanes (DefaultParams, RFC 9106's second recommended
// option), so that each guess costs a thief that much time and memory. The
// seed is then sealed with AES-256-GCM under a random 12-byte nonce, which
// gives 48 bytes (the seed and GCM's 16-byte tag). The additional data
// the seal authenticates is the bytes "statute-key/1", then the role's
// code, then the 32 bytes of the public key: a sealed key copied onto
// another role or next to another public key does not open.
//
// The costs, salt and nonce are recorded with the sealed key
// (drafts.SealedKey), so that keys sealed with older costs still open.
// Because a sealed key may come from a file, Open first checks them
// against bounds: 1 to 16 passes, 8 MiB to 1 GiB of memory, 1 to 16
// lanes, a salt of 16 to 64 bytes, a nonce of exactly 12 bytes and a
// sealed seed of exactly 48; a file asking for more cannot stall the
// machine. A wrong passphrase is a Forbidden error; the seal cannot tell
// it from a sealed key that was altered, which fails the same way.
//
// # The fingerprint
//
// Before trusting a public key that came by file or by e-mail, two
// people compare its Fingerprint over the phone: 30 decimal digits in 6
// groups of 5, «04512 99310 12345 67890 12345 67890», which read the same
// in Arabic and in French. It is the SHA-256 of "statute-fingerprint/1"
// followed by the key's 32 bytes; each group is the next 5 bytes of the
// hash read as a big-endian number, modulo 100000, written with 5 digits.
//
// # The public-key file
//
// What a chamber gives the federation, and the federation each chamber
// (MarshalPublic, ParsePublic, saved as PublicFileName: «statute-key-FM.pub»),
// is four lines of UTF-8 text, each ending in a line feed:
//
//	Statute Workbench public key 1
//	role: FM
//	key: <the 32-byte public key, in standard base64 with padding>
//	fingerprint: <the key's fingerprint, as above>
//
// The first line names the format and its version. The fields come once
// each, in this order, each as its name, a colon, a space and its value.
// The reader also accepts CRLF line ends, a UTF-8 byte-order mark and
// empty lines at the end, nothing else; it refuses a file larger than
// 4 KB, a role that is neither a chamber's code nor FED, a key that is not
// 32 bytes, and a fingerprint that is not the key's, which shows the file
// was altered.
//
// # The key backup
//
// How an identity moves to a new laptop (MarshalBackup, ParseBackup,
// saved as BackupFileName: «statute-key-FM.backup»): a JSON object of at
// most 16 KB, with exactly these fields:
//
//   - format: "statute-key-backup/1", the format and its version;
//   - role: the chamber's code, or FED;
//   - public: the 32-byte public key, in standard base64;
//   - made: when the pair was made, in RFC 3339, in UTC;
//   - private: the sealed key as the identity holds it: kdf
//     ("argon2id"), time (passes), memory (KiB), threads (lanes), salt
//     (base64), cipher ("aes-256-gcm"), nonce (base64) and box (the
//     sealed seed with its tag, base64).
//
// The backup holds the private key sealed, never in the clear: restoring
// it needs the passphrase it was sealed with. The reader refuses unknown
// fields and sealed keys out of the bounds above, without opening them.
//
// Every error is a *drafts.Error whose sentence, declared as a
// drafts.Message under an ID starting with «keys.», says what to do.
package keys
