package keys_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/keys"
)

// The file names say whose key a file holds, and which file it is.
func TestFileNames(t *testing.T) {
	if got := keys.PublicFileName("fm"); got != "statute-key-FM.pub" {
		t.Errorf("PublicFileName: %q", got)
	}
	if got := keys.BackupFileName("FED"); got != "statute-key-FED.backup" {
		t.Errorf("BackupFileName: %q", got)
	}
}

// The public-key file is four lines that a person can read, and reads
// back to its role and key.
func TestPublicFileRoundTrip(t *testing.T) {
	id, _ := newIdentity(t, "FM")
	file := keys.MarshalPublic(id.Role, id.Public)
	want := "Statute Workbench public key 1\nrole: FM\nkey: " + base64.StdEncoding.EncodeToString(id.Public) +
		"\nfingerprint: " + keys.Fingerprint(id.Public) + "\n"
	if string(file) != want {
		t.Errorf("file:\n%s\nwant:\n%s", file, want)
	}
	role, pub, err := keys.ParsePublic(file)
	if err != nil {
		t.Fatal(err)
	}
	if role != "FM" || !bytes.Equal(pub, id.Public) {
		t.Errorf("read %s %x, want FM %x", role, pub, id.Public)
	}
}

// A file saved on Windows, with CRLF line ends and a byte-order mark, or
// sent without its last line feed, or with empty lines after it, reads the
// same.
func TestPublicFileAsEditorsSaveIt(t *testing.T) {
	id, _ := newIdentity(t, "FED")
	file := string(keys.MarshalPublic(id.Role, id.Public))
	for name, f := range map[string]string{
		"crlf and bom":   "\xEF\xBB\xBF" + strings.ReplaceAll(file, "\n", "\r\n"),
		"crlf":           strings.ReplaceAll(file, "\n", "\r\n"),
		"no last end":    strings.TrimSuffix(file, "\n"),
		"trailing lines": file + "\n\r\n",
	} {
		role, pub, err := keys.ParsePublic([]byte(f))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if role != "FED" || !bytes.Equal(pub, id.Public) {
			t.Errorf("%s: read %s %x", name, role, pub)
		}
	}
}

// A field missing, duplicated, out of order or misspelled is refused,
// naming the line where the field was expected.
func TestPublicFileFields(t *testing.T) {
	id, _ := newIdentity(t, "TTA")
	lines := strings.Split(strings.TrimSuffix(string(keys.MarshalPublic(id.Role, id.Public)), "\n"), "\n")
	header, role, key, fp := lines[0], lines[1], lines[2], lines[3]
	for _, c := range []struct {
		name  string
		lines []string
		says  string
	}{
		{"role missing", []string{header, key, fp}, "line 2 of the public-key file should start with «role: »"},
		{"key missing", []string{header, role, fp}, "line 3 of the public-key file should start with «key: »"},
		{"fingerprint missing", []string{header, role, key}, "line 4 of the public-key file should start with «fingerprint: »"},
		{"only the header", []string{header}, "line 2"},
		{"role twice", []string{header, role, role, key, fp}, "line 3"},
		{"key twice", []string{header, role, key, key, fp}, "line 4"},
		{"fingerprint twice", []string{header, role, key, fp, fp}, "goes on after its fingerprint, at line 5"},
		{"key before role", []string{header, key, role, fp}, "line 2"},
		{"fingerprint before key", []string{header, role, fp, key}, "line 3"},
		{"empty line between", []string{header, role, "", key, fp}, "line 3"},
		{"no space after the colon", []string{header, "role:TTA", key, fp}, "line 2"},
		{"capital field", []string{header, "Role: TTA", key, fp}, "line 2"},
		{"more after", []string{header, role, key, fp, "", "comment: mine"}, "at line 6"},
	} {
		_, _, err := keys.ParsePublic([]byte(strings.Join(c.lines, "\n") + "\n"))
		t.Run(c.name, func(t *testing.T) { wantError(t, err, drafts.Invalid, c.says) })
	}
}

// A file whose key or fingerprint was changed is refused: the fingerprint
// no longer matches the key.
func TestPublicFileTampered(t *testing.T) {
	id, _ := newIdentity(t, "ORI")
	other, _ := newIdentity(t, "ORI")
	file := string(keys.MarshalPublic(id.Role, id.Public))
	const says = "the file's fingerprint does not match its key: it was altered; ask for the file again"

	swapped := strings.Replace(file, base64.StdEncoding.EncodeToString(id.Public), base64.StdEncoding.EncodeToString(other.Public), 1)
	_, _, err := keys.ParsePublic([]byte(swapped))
	wantError(t, err, drafts.Invalid, says)

	fp := keys.Fingerprint(id.Public)
	digit := byte('0' + (fp[0]-'0'+1)%10)
	_, _, err = keys.ParsePublic([]byte(strings.Replace(file, fp, string(digit)+fp[1:], 1)))
	wantError(t, err, drafts.Invalid, says)
	_, _, err = keys.ParsePublic([]byte(strings.Replace(file, fp, strings.ReplaceAll(fp, " ", ""), 1)))
	wantError(t, err, drafts.Invalid, says)

	// Another role written in the file reads, but names another chamber:
	// the fingerprint is of the key only, so people check the role too.
	_, _, err = keys.ParsePublic([]byte(strings.Replace(file, "role: ORI", "role: XYZ", 1)))
	wantError(t, err, drafts.Invalid, "«XYZ»")
	_, _, err = keys.ParsePublic([]byte(strings.Replace(file, "role: ORI", "role: ori", 1)))
	wantError(t, err, drafts.Invalid, "«ori»")
}

// A key that is not 32 bytes of base64 is refused.
func TestPublicFileBadKey(t *testing.T) {
	for name, key := range map[string][]byte{"31 bytes": make([]byte, 31), "33 bytes": make([]byte, 33), "none": nil} {
		file := keys.MarshalPublic("FM", key)
		_, _, err := keys.ParsePublic(file)
		t.Run(name, func(t *testing.T) { wantError(t, err, drafts.Invalid, "not 32 bytes written in base64") })
	}
	file := string(keys.MarshalPublic("FM", make([]byte, 32)))
	for name, bad := range map[string]string{
		"not base64":    strings.Replace(file, "key: AAAA", "key: AA!A", 1),
		"no padding":    strings.Replace(file, "AAA=\n", "AAA\n", 1),
		"url alphabet":  strings.Replace(file, "key: AAAA", "key: AA-_", 1),
		"space in it":   strings.Replace(file, "key: AAAA", "key: AA AA", 1),
		"space after":   strings.Replace(file, "AAA=\n", "AAA= \n", 1),
		"cut in middle": strings.Replace(file, "key: AAAAAAAA", "key: ", 1),
	} {
		_, _, err := keys.ParsePublic([]byte(bad))
		t.Run(name, func(t *testing.T) { wantError(t, err, drafts.Invalid, "base64") })
	}
}

// A file of another kind is refused with a sentence that names it, where
// that is easy to tell: the key backup, a zip (a Word document or a
// package), a PDF, a later version of the file; else as not a public-key
// file at all. An oversized file is refused without being read.
func TestPublicFileOfAnotherKind(t *testing.T) {
	id, _ := newIdentity(t, "FM")
	for _, c := range []struct {
		name string
		file []byte
		says string
	}{
		{"the backup", keys.MarshalBackup(id), "the protected backup of a private key, not a public-key file"},
		{"a docx", []byte("PK\x03\x04\x14\x00\x06\x00[Content_Types].xml"), "zip archive"},
		{"a pdf", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), "PDF document"},
		{"version 2", []byte("Statute Workbench public key 2\nrole: FM\n"), "of version 2, which this version of the app does not read: update the app"},
		{"empty", nil, "not a Statute Workbench public-key file"},
		{"text", []byte("Bonjour,\nvoici notre clé.\n"), "not a Statute Workbench public-key file"},
		{"header lower case", bytes.ToLower(keys.MarshalPublic(id.Role, id.Public)), "not a Statute Workbench public-key file"},
		{"not utf-8", append(keys.MarshalPublic(id.Role, id.Public), 0xFF), "not a Statute Workbench public-key file"},
		{"oversize", append(keys.MarshalPublic(id.Role, id.Public), bytes.Repeat([]byte("\n"), 4096)...), "not a public-key file: it is"},
	} {
		_, _, err := keys.ParsePublic(c.file)
		t.Run(c.name, func(t *testing.T) { wantError(t, err, drafts.Invalid, c.says) })
	}
	// Up to 4 KB is read: a file of that size with empty lines at the end.
	file := keys.MarshalPublic(id.Role, id.Public)
	file = append(file, bytes.Repeat([]byte("\n"), keys.MaxPublicFile-len(file))...)
	if _, _, err := keys.ParsePublic(file); err != nil {
		t.Errorf("a file of 4 KB: %v", err)
	}
}

// The key backup holds the identity as it is, sealed: read back, it is
// the same identity, and opens with the same passphrase to the same key.
func TestBackupRoundTrip(t *testing.T) {
	id, made := newIdentity(t, "FED")
	file := keys.MarshalBackup(id)
	if bytes.Contains(file, []byte(base64.StdEncoding.EncodeToString(made.Seed()))) {
		t.Fatal("the backup holds the private key in the clear")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(file, &fields); err != nil {
		t.Fatal(err)
	}
	if string(fields["format"]) != `"statute-key-backup/1"` || string(fields["role"]) != `"FED"` || len(fields) != 5 {
		t.Errorf("backup fields %v", fields)
	}
	if !bytes.HasPrefix(file, []byte("{\n  \"format\": \"statute-key-backup/1\",\n  \"role\": \"FED\",\n  \"public\": ")) {
		t.Errorf("backup does not start with its format, role and key, indented:\n%s", file)
	}
	back, err := keys.ParseBackup(file)
	if err != nil {
		t.Fatal(err)
	}
	if !sameIdentity(back, id) {
		t.Errorf("read back %+v, want %+v", back, id)
	}
	priv, err := keys.Open(back, passphrase)
	if err != nil {
		t.Fatal(err)
	}
	if !priv.Equal(made) {
		t.Error("the restored identity opens to another key")
	}
	_, err = keys.Open(back, []byte("not the passphrase"))
	wantError(t, err, drafts.Forbidden)
	// Notepad's byte-order mark is accepted.
	if _, err := keys.ParseBackup(append([]byte("\xEF\xBB\xBF"), file...)); err != nil {
		t.Errorf("a backup with a byte-order mark: %v", err)
	}
}

// sameIdentity reports whether a and b hold the same role, key, seal and
// date.
func sameIdentity(a, b *drafts.Identity) bool {
	ka, kb := a.Private, b.Private
	return a.Role == b.Role && bytes.Equal(a.Public, b.Public) && a.Made.Equal(b.Made) &&
		ka.KDF == kb.KDF && ka.Time == kb.Time && ka.Memory == kb.Memory && ka.Threads == kb.Threads &&
		ka.Cipher == kb.Cipher && bytes.Equal(ka.Salt, kb.Salt) && bytes.Equal(ka.Nonce, kb.Nonce) && bytes.Equal(ka.Box, kb.Box)
}

// editBackup is the backup of id with its JSON changed by edit.
func editBackup(t *testing.T, id *drafts.Identity, edit func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(keys.MarshalBackup(id), &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A backup with a field the app does not write, a format it does not
// know, a role or key that is wrong, costs out of bounds (a memory of
// 4 GiB, which would stall the laptop), or more than 16 KB is refused
// before anyone types a passphrase.
func TestBackupRefused(t *testing.T) {
	id, _ := newIdentity(t, "FM")
	private := func(m map[string]any) map[string]any { return m["private"].(map[string]any) }
	for _, c := range []struct {
		name string
		edit func(m map[string]any)
		says string
	}{
		{"unknown field", func(m map[string]any) { m["plain"] = "AAAA" }, "not a Statute Workbench key backup"},
		{"unknown sealed field", func(m map[string]any) { private(m)["seed"] = "AAAA" }, "not a Statute Workbench key backup"},
		{"no format", func(m map[string]any) { delete(m, "format") }, "not a Statute Workbench key backup"},
		{"other format", func(m map[string]any) { m["format"] = "statute-package/1" }, "not a Statute Workbench key backup"},
		{"later format", func(m map[string]any) { m["format"] = "statute-key-backup/2" }, "«statute-key-backup/2»"},
		{"unknown role", func(m map[string]any) { m["role"] = "XYZ" }, "«XYZ»"},
		{"short key", func(m map[string]any) { m["public"] = base64.StdEncoding.EncodeToString(make([]byte, 16)) }, "16 bytes"},
		{"no date", func(m map[string]any) { delete(m, "made") }, "date"},
		{"bad date", func(m map[string]any) { m["made"] = "1 December 2026" }, "«1 December 2026»"},
		{"memory 4 GiB", func(m map[string]any) { private(m)["memory"] = 4 * 1024 * 1024 }, "4194304 KiB"},
		{"100 passes", func(m map[string]any) { private(m)["time"] = 100 }, "100 Argon2id passes"},
		{"32 lanes", func(m map[string]any) { private(m)["threads"] = 32 }, "32 Argon2id lanes"},
		{"8 byte salt", func(m map[string]any) { private(m)["salt"] = "AAAAAAAAAAA=" }, "salt of 8 bytes"},
		{"no nonce", func(m map[string]any) { delete(private(m), "nonce") }, "nonce of 0 bytes"},
		{"other kdf", func(m map[string]any) { private(m)["kdf"] = "pbkdf2" }, "«pbkdf2»"},
		{"negative memory", func(m map[string]any) { private(m)["memory"] = -1 }, "not a Statute Workbench key backup"},
	} {
		_, err := keys.ParseBackup(editBackup(t, id, c.edit))
		t.Run(c.name, func(t *testing.T) { wantError(t, err, drafts.Invalid, c.says) })
	}
	file := keys.MarshalBackup(id)
	for _, c := range []struct {
		name string
		file []byte
		says string
	}{
		{"oversize", append(bytes.Clone(file), bytes.Repeat([]byte(" "), keys.MaxBackupFile)...), "not a key backup: it is"},
		{"two objects", append(bytes.Clone(file), file...), "not a Statute Workbench key backup"},
		{"cut short", file[:len(file)/2], "not a Statute Workbench key backup"},
		{"public-key file", keys.MarshalPublic(id.Role, id.Public), "this is a public-key file, not a key backup"},
		{"a docx", []byte("PK\x03\x04"), "not a Statute Workbench key backup"},
		{"empty", nil, "not a Statute Workbench key backup"},
	} {
		_, err := keys.ParseBackup(c.file)
		t.Run(c.name, func(t *testing.T) { wantError(t, err, drafts.Invalid, c.says) })
	}
}

// FuzzParsePublic reads any bytes as a public-key file: it must not
// panic, refuse only as Invalid, and what it accepts must write back to a
// file that reads the same.
func FuzzParsePublic(f *testing.F) {
	pub := ed25519.NewKeyFromSeed(make([]byte, 32)).Public().(ed25519.PublicKey)
	file := keys.MarshalPublic("FM", pub)
	f.Add(file)
	f.Add(append([]byte("\xEF\xBB\xBF"), bytes.ReplaceAll(file, []byte("\n"), []byte("\r\n"))...))
	f.Add(keys.MarshalPublic("FED", make([]byte, 32)))
	f.Add([]byte("Statute Workbench public key 1\nrole: FM\nkey: \nfingerprint: \n"))
	f.Add([]byte("Statute Workbench public key 2\n"))
	f.Add([]byte(`{"format":"statute-key-backup/1"}`))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		role, pub, err := keys.ParsePublic(b)
		if err != nil {
			if k := drafts.KindOf(err); k != drafts.Invalid {
				t.Fatalf("error of kind %s: %v", k, err)
			}
			return
		}
		if len(pub) != 32 {
			t.Fatalf("accepted a key of %d bytes", len(pub))
		}
		role2, pub2, err := keys.ParsePublic(keys.MarshalPublic(role, pub))
		if err != nil {
			t.Fatalf("accepted %q, but not what it writes back: %v", b, err)
		}
		if role2 != role || !bytes.Equal(pub2, pub) {
			t.Fatalf("read %s %x, then %s %x", role, pub, role2, pub2)
		}
	})
}

// FuzzParseBackup reads any bytes as a key backup: it must not panic,
// refuse only as Invalid, and what it accepts must write back to a
// backup that reads the same.
func FuzzParseBackup(f *testing.F) {
	id, _, err := keys.New("FED", passphrase, fast)
	if err != nil {
		f.Fatal(err)
	}
	file := keys.MarshalBackup(id)
	f.Add(file)
	f.Add(append([]byte("\xEF\xBB\xBF"), file...))
	f.Add(bytes.Replace(file, []byte(`"memory": 8192`), []byte(`"memory": 4194304`), 1))
	f.Add(bytes.Replace(file, []byte(`"made": "`), []byte(`"made": "9999-12-31T23:59:59-01:00", "x": "`), 1))
	f.Add([]byte(`{"format":"statute-key-backup/1","role":"FM","public":"","made":"","private":{}}`))
	f.Add(keys.MarshalPublic(id.Role, id.Public))
	f.Add([]byte("{}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := keys.ParseBackup(b)
		if err != nil {
			if k := drafts.KindOf(err); k != drafts.Invalid {
				t.Fatalf("error of kind %s: %v", k, err)
			}
			return
		}
		again, err := keys.ParseBackup(keys.MarshalBackup(got))
		if err != nil {
			t.Fatalf("accepted %q, but not what it writes back: %v", b, err)
		}
		if !sameIdentity(again, got) {
			t.Fatalf("read %+v, then %+v", got, again)
		}
	})
}
