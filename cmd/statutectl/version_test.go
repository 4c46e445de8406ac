package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"statute/assets"
	"statute/drafts/boltstore"
)

// versionFields runs statutectl version on db and returns its fields by
// name, failing the test on a line that is not name<TAB>value.
func versionFields(t *testing.T, db string) (fields map[string]string, names []string) {
	t.Helper()
	out := mustCtl(t, db, "version")
	fields = map[string]string{}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		name, value, ok := strings.Cut(line, "\t")
		if !ok || value == "" || strings.Contains(value, "\t") {
			t.Fatalf("statutectl version printed the line %q, want name<TAB>value", line)
		}
		fields[name] = value
		names = append(names, name)
	}
	return fields, names
}

// Without a database, version says what the build is and where the
// database would be, and creates none.
func TestVersionWithoutADatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none", "statute.db")
	f, names := versionFields(t, db)
	if want := []string{"version", "id", "revision", "built", "go", "database", "backups"}; strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("version printed the fields %q, want %q", names, want)
	}
	for name, want := range map[string]string{
		"version":  assets.Version,
		"id":       assets.AppID,
		"database": db,
		"backups":  boltstore.BackupDir(db),
		// A test binary has no revision stamped, as with -buildvcs=false.
		"revision": "unknown",
		"built":    "unknown",
	} {
		if f[name] != want {
			t.Errorf("version printed %s %q, want %q", name, f[name], want)
		}
	}
	if !strings.HasPrefix(f["go"], "go1.") {
		t.Errorf("version printed go %q, want the Go version", f["go"])
	}
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Errorf("version made the database's folder (%v)", err)
	}
}

// With a database and no key pair, there is no role to say; once keys
// init made one, version names the role and the key's fingerprint, as
// keys does.
func TestVersionNamesTheKey(t *testing.T) {
	db, _ := importSample(t)
	f, _ := versionFields(t, db)
	if f["database"] != db {
		t.Errorf("version printed database %q, want %q", f["database"], db)
	}
	if _, ok := f["role"]; ok {
		t.Errorf("without a key pair version printed role %q", f["role"])
	}
	pass := writeFile(t, "fm.pass", []byte("فاس مكناس 2026\n"))
	out := mustCtl(t, db, "keys", "init", "--role", "FM", "--passphrase-file", pass)
	print := regexp.MustCompile(`fingerprint\t([0-9 ]+)`).FindStringSubmatch(out)
	if print == nil {
		t.Fatalf("keys init printed %q, want a fingerprint", out)
	}
	f, names := versionFields(t, db)
	if f["role"] != "FM" || f["fingerprint"] != print[1] {
		t.Errorf("version printed role %q, fingerprint %q; want FM, %s", f["role"], f["fingerprint"], print[1])
	}
	if got := strings.Join(names[len(names)-2:], " "); got != "role fingerprint" {
		t.Errorf("version ends with %q, want the role then the fingerprint", got)
	}
}

// A build stamped from git shows its revision, marked when the source was
// modified, and the revision's time in UTC.
func TestVersionShowsTheRevision(t *testing.T) {
	var out strings.Builder
	c := &ctx{stdout: &out, dbPath: filepath.Join(t.TempDir(), "statute.db")}
	b := assets.Build()
	b.Revision, b.Modified = "0d19b41a8e2f4c6b9d0e1f2a3b4c5d6e7f8a9b0c", true
	b.RevisionTime = time.Date(2026, 11, 30, 18, 4, 0, 0, time.FixedZone("CET", 3600))
	if err := c.version(b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"revision\t0d19b41a8e2f4c6b9d0e1f2a3b4c5d6e7f8a9b0c+modified\n", "built\t2026-11-30T17:04:00Z\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("version printed %q, want %q", out.String(), want)
		}
	}
}

// While the app holds the database, version still says what the build is
// and where the database is, then says why the key could not be read.
func TestVersionWhileTheAppHoldsTheDatabase(t *testing.T) {
	db, _ := importSample(t)
	s, err := boltstore.Open(db, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out, errOut, code := ctl(t, db, "", "version")
	if code != exitError || !strings.Contains(errOut, "open in another program") {
		t.Errorf("exit %d, stderr %q; want the database said held", code, errOut)
	}
	if !strings.Contains(out, "version\t"+assets.Version+"\n") || !strings.Contains(out, "database\t"+db+"\n") {
		t.Errorf("version printed %q, want the version and the database", out)
	}
}
