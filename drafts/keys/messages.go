package keys

import "statute/drafts"

// The sentences this package says. Each names what to do: most often to
// try the passphrase again, or to ask the other side for its file again.
var (
	msgShortPassphrase = drafts.NewMessage("keys.short-passphrase",
		"the passphrase is %d characters; choose one of at least %d, such as a few words you will remember")
	msgWrongPassphrase = drafts.NewMessage("keys.wrong-passphrase",
		"wrong passphrase for the key of %s: try again (letters, digits and case count)")
	msgDamaged = drafts.NewMessage("keys.damaged",
		"the private key of %s does not match its public key: it is damaged; restore it from its backup")
	msgRole = drafts.NewMessage("keys.role",
		"the key is for «%s», which is neither a chamber's code nor %s: it was altered or is damaged; ask for it again")
	msgPublicSize = drafts.NewMessage("keys.public-size",
		"the public key of %s is %d bytes, where an Ed25519 key is %d: it is damaged; restore it from its backup")

	msgSealUnknown = drafts.NewMessage("keys.seal-unknown",
		"the key of %s is sealed with «%s» and «%s», which this version of the app does not open: update the app, or use a backup made by this version")
	msgSealTime = drafts.NewMessage("keys.seal-time",
		"the key of %s asks for %d Argon2id passes, where the app allows %d to %d: the backup is damaged or was not made by the app; use another backup")
	msgSealMemory = drafts.NewMessage("keys.seal-memory",
		"the key of %s asks for %d KiB of memory, where the app allows %d to %d KiB: the backup is damaged or was not made by the app; use another backup")
	msgSealThreads = drafts.NewMessage("keys.seal-threads",
		"the key of %s asks for %d Argon2id lanes, where the app allows %d to %d: the backup is damaged or was not made by the app; use another backup")
	msgSealSalt = drafts.NewMessage("keys.seal-salt",
		"the key of %s has a salt of %d bytes, where the app allows %d to %d: the backup is damaged or was not made by the app; use another backup")
	msgSealNonce = drafts.NewMessage("keys.seal-nonce",
		"the key of %s has a nonce of %d bytes, where AES-256-GCM takes %d: the backup is damaged or was not made by the app; use another backup")
	msgSealBox = drafts.NewMessage("keys.seal-box",
		"the sealed key of %s is %d bytes, where it should be %d: the backup is damaged or was not made by the app; use another backup")
	msgRandom = drafts.NewMessage("keys.random",
		"the machine gave no random numbers to make or seal a key with: try again, and report it if it happens again")
	msgCipher = drafts.NewMessage("keys.cipher",
		"the cipher that seals keys could not be set up: report it, with the app's log")

	msgNotPublic = drafts.NewMessage("keys.not-public",
		"not a Statute Workbench public-key file: choose the .pub file the other side sent, whose first line reads «Statute Workbench public key 1»")
	msgPublicTooLarge = drafts.NewMessage("keys.public-too-large",
		"not a public-key file: it is %d bytes, where a public-key file is four lines of at most %d bytes; choose the .pub file the other side sent")
	msgPublicIsBackup = drafts.NewMessage("keys.public-is-backup",
		"this is the protected backup of a private key, not a public-key file: keep it to yourself, and send or import the .pub file instead")
	msgPublicIsZip = drafts.NewMessage("keys.public-is-zip",
		"this is a zip archive (a Word document or a package, for instance), not a public-key file: choose the .pub file the other side sent")
	msgPublicIsPDF = drafts.NewMessage("keys.public-is-pdf",
		"this is a PDF document, not a public-key file: choose the .pub file the other side sent")
	msgPublicVersion = drafts.NewMessage("keys.public-version",
		"this public-key file is of version %s, which this version of the app does not read: update the app")
	msgPublicLine = drafts.NewMessage("keys.public-line",
		"line %d of the public-key file should start with «%s: »: the file was altered or cut short; ask for the file again")
	msgPublicTrailing = drafts.NewMessage("keys.public-trailing",
		"the public-key file goes on after its fingerprint, at line %d: it was altered; ask for the file again")
	msgPublicKey = drafts.NewMessage("keys.public-key",
		"the key in the public-key file is not 32 bytes written in base64: the file was altered or cut short; ask for the file again")
	msgPublicFingerprint = drafts.NewMessage("keys.public-fingerprint",
		"the file's fingerprint does not match its key: it was altered; ask for the file again")

	msgNotBackup = drafts.NewMessage("keys.not-backup",
		"not a Statute Workbench key backup, or a damaged one: choose the .backup file the app saved")
	msgBackupTooLarge = drafts.NewMessage("keys.backup-too-large",
		"not a key backup: it is %d bytes, where a key backup is at most %d bytes; choose the .backup file the app saved")
	msgBackupIsPublic = drafts.NewMessage("keys.backup-is-public",
		"this is a public-key file, not a key backup: it holds no private key; choose the .backup file the app saved")
	msgBackupVersion = drafts.NewMessage("keys.backup-version",
		"this key backup is of format «%s», which this version of the app does not read: update the app")
	msgBackupMade = drafts.NewMessage("keys.backup-made",
		"the key backup's date «%s» is not a date and time the app writes: the backup is damaged; use another backup")
)
