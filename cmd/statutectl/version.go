package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/keys"
)

// unknown is what version prints of what the binary was not told: the
// revision of a binary built with -buildvcs=false or outside git.
const unknown = "unknown"

var cmdVersion = &command{
	name: "version",
	args: "",
	summary: "what this build is and where it works: version, app ID, source revision and its time, Go version,\n" +
		"the database and backups folder it uses, and this laptop's role and key fingerprint when it has a key pair",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		return func(c *ctx, _ []string) error { return c.version(assets.Build()) }
	},
}

// version prints b, then the database statutectl would use, one field a
// line as name<TAB>value. The key pair's role and fingerprint follow
// when the database exists and holds one; a missing database is not
// created, and one that cannot be read is said after the fields.
func (c *ctx) version(b assets.BuildInfo) error {
	revision, built := unknown, unknown
	if b.Revision != "" {
		revision = b.Revision
		if b.Modified {
			revision += "+modified"
		}
	}
	if !b.RevisionTime.IsZero() {
		built = b.RevisionTime.UTC().Format(time.RFC3339)
	}
	path, err := c.path()
	if err != nil {
		return err
	}
	for _, f := range [][2]string{
		{"version", b.Version},
		{"id", b.AppID},
		{"revision", revision},
		{"built", built},
		{"go", b.GoVersion},
		{"database", path},
		{"backups", boltstore.BackupDir(path)},
	} {
		fmt.Fprintf(c.stdout, "%s\t%s\n", f[0], f[1])
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	s, err := c.open(false)
	if err != nil {
		return err
	}
	id, err := s.Identity()
	switch {
	case drafts.IsKind(err, drafts.NotFound):
		return nil
	case err != nil:
		return err
	}
	fmt.Fprintf(c.stdout, "role\t%s\n", id.Role)
	fmt.Fprintf(c.stdout, "fingerprint\t%s\n", keys.Fingerprint(id.Public))
	return nil
}
