package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The "done when", as the legal staff and two presidents would do
// it with statutectl: three database files stand for three laptops, and
// packages travel through one folder.
func TestThreeLaptopsExchangePackages(t *testing.T) {
	dir := t.TempDir()
	sync := filepath.Join(dir, "sync")
	if err := os.Mkdir(sync, 0o700); err != nil {
		t.Fatal(err)
	}
	db := func(name string) string { return filepath.Join(dir, name+".db") }
	passFile := func(name, pass string) string { return writeFile(t, name+".pass", []byte(pass+"\n")) }
	fedPass, fmPass, smPass := passFile("fed", "federation-2026"), passFile("fm", "فاس مكناس 2026"), passFile("sm", "souss-massa-2026")

	mustCtl(t, db("fed"), "seed")
	out := mustCtl(t, db("fed"), "keys", "init", "--role", "FED", "--passphrase-file", fedPass)
	fedPrint := regexp.MustCompile(`fingerprint\t([0-9 ]+)`).FindStringSubmatch(out)
	if fedPrint == nil || len(strings.Fields(fedPrint[1])) != 6 {
		t.Fatalf("keys init printed %q, want the fingerprint in six groups", out)
	}
	fedPub := filepath.Join(dir, "fed.pub")
	mustCtl(t, db("fed"), "keys", "export", "--out", fedPub)
	for _, c := range []struct{ name, code, pass string }{{"fm", "FM", fmPass}, {"sm", "SM", smPass}} {
		mustCtl(t, db(c.name), "keys", "init", "--role", c.code, "--passphrase-file", c.pass)
		pub := filepath.Join(dir, c.name+".pub")
		mustCtl(t, db(c.name), "keys", "export", "--out", pub)
		// Without --yes, trust shows the fingerprint and asks.
		out, _, code := ctl(t, db(c.name), "n\n", "trust", fedPub)
		if code != exitError || !strings.Contains(out, fedPrint[1]) {
			t.Fatalf("trust answered no: exit %d, printed %q; want the fingerprint shown and nothing registered", code, out)
		}
		if _, _, code := ctl(t, db(c.name), "y\n", "trust", fedPub); code != exitOK {
			t.Fatalf("trust answered yes: exit %d", code)
		}
		mustCtl(t, db("fed"), "trust", pub, "--yes")
	}
	keysOut := mustCtl(t, db("fed"), "keys")
	for _, want := range []string{"role\tFED", "registered\tFM", "registered\tSM"} {
		if !strings.Contains(keysOut, want) {
			t.Errorf("keys printed %q, want %q", keysOut, want)
		}
	}

	// The federation sends the draft; both chambers take it.
	mustCtl(t, db("fed"), "pack", "--out", sync, "--passphrase-file", fedPass)
	drafts, _ := filepath.Glob(filepath.Join(sync, "FED-*.statpkg"))
	if len(drafts) != 1 {
		t.Fatalf("the federation's package: %v", drafts)
	}
	for _, c := range []string{"fm", "sm"} {
		if out := mustCtl(t, db(c), "unpack", drafts[0]); !strings.HasPrefix(out, "new\tversion 1 of draft") {
			t.Errorf("%s took the draft: %q", c, out)
		}
	}

	// Two chambers amend and send back.
	fmID := strings.TrimSpace(mustCtl(t, db("fm"), "propose", "--chamber", "FM", "--article", "3", "--text", "نص جديد للمادة الثالثة", "--why", "ملاءمة", "--submit"))
	smID := strings.TrimSpace(mustCtl(t, db("sm"), "propose", "--chamber", "SM", "--article", "4", "--repeal", "--why", "تكرار", "--submit"))
	mustCtl(t, db("fm"), "pack", "--out", sync, "--passphrase-file", fmPass)
	smPkg := filepath.Join(dir, "sm.statpkg")
	mustCtl(t, db("sm"), "pack", "--out", smPkg, "--passphrase-file", smPass)

	// A third package, edited by hand, is refused and changes nothing.
	data, err := os.ReadFile(smPkg)
	if err != nil {
		t.Fatal(err)
	}
	edited := writeFile(t, "edited.statpkg", bytes.Replace(data, []byte(`"kind":"repeal"`), []byte(`"kind":"insert"`), 1))
	before := fileHash(t, db("fed"))
	if _, errOut, code := ctl(t, db("fed"), "", "unpack", edited); code != exitError || !strings.Contains(errOut, "altered") {
		t.Errorf("the edited package: exit %d, %q; want exit 1 and that it was altered", code, errOut)
	}
	if fileHash(t, db("fed")) != before {
		t.Error("the edited package changed the federation's database")
	}

	// The federation takes in both: one from the watched folder, one by
	// hand. A file written in the last second may still be arriving: watch
	// leaves it for its next look, so this one is made a minute old.
	fmPkgs, _ := filepath.Glob(filepath.Join(sync, "FM-*.statpkg"))
	if len(fmPkgs) != 1 {
		t.Fatalf("FM's package: %v", fmPkgs)
	}
	old := time.Now().Add(-time.Minute)
	if err := os.Chtimes(fmPkgs[0], old, old); err != nil {
		t.Fatal(err)
	}
	out = mustCtl(t, db("fed"), "watch", sync, "--once")
	if !strings.Contains(out, "new\t"+fmID) {
		t.Errorf("watch --once printed %q, want FM's amendment new", out)
	}
	if out := mustCtl(t, db("fed"), "unpack", smPkg); !strings.HasPrefix(out, "new\t"+smID) {
		t.Errorf("unpack printed %q, want SM's amendment new", out)
	}
	if out := mustCtl(t, db("fed"), "unpack", smPkg); !strings.HasPrefix(out, "unchanged\t"+smID) {
		t.Errorf("the same package again printed %q, want it unchanged", out)
	}

	// A chamber laptop cannot become the federation, nor decide.
	before = fileHash(t, db("fm"))
	if _, errOut, code := ctl(t, db("fm"), "", "keys", "init", "--role", "FED", "--passphrase-file", fmPass, "--yes"); code != exitError || !strings.Contains(errOut, "federation's own key") {
		t.Errorf("FM taking the federation's role: exit %d, %q", code, errOut)
	}
	if _, errOut, code := ctl(t, db("fm"), "", "decide", fmID, "accept"); code != exitError || !strings.Contains(errOut, "only the federation's laptop decides") {
		t.Errorf("FM deciding: exit %d, %q", code, errOut)
	}
	if fileHash(t, db("fm")) != before {
		t.Error("the refused role change changed FM's database")
	}

	// The review board shows exactly the two chambers' amendments.
	board := strings.Split(strings.TrimSpace(mustCtl(t, db("fed"), "amendments", "--seen-by", "FED")), "\n")
	if len(board) != 2 || !strings.HasPrefix(board[0], fmID) || !strings.HasPrefix(board[1], smID) {
		t.Errorf("the board lists %q, want exactly %s and %s", board, fmID, smID)
	}

	// Deciding needs the federation's passphrase; the decision travels back.
	if _, errOut, code := ctl(t, db("fed"), "", "decide", fmID, "accept", "--passphrase-file", fmPass); code != exitError || !strings.Contains(errOut, "wrong passphrase") {
		t.Errorf("deciding with the wrong passphrase: exit %d, %q", code, errOut)
	}
	mustCtl(t, db("fed"), "decide", fmID, "accept", "--passphrase-file", fedPass)
	back := filepath.Join(dir, "back.statpkg")
	mustCtl(t, db("fed"), "pack", "--out", back, "--passphrase-file", fedPass)
	if out := mustCtl(t, db("fm"), "unpack", back); !strings.Contains(out, "decided\t"+fmID+"\tFM\tarticle 3\taccept") {
		t.Errorf("FM took the federation's decisions: %q", out)
	}
}

// packageFor makes fedDB the federation's laptop (key FED, passphrase in
// fed.pass beside it) and a chamber's laptop for code, each with the
// other's key registered, the chamber holding the federation's draft
// and one submitted amendment; it returns the chamber's package.
func packageFor(t *testing.T, fedDB, code string) []byte {
	t.Helper()
	dir := filepath.Dir(fedDB)
	fedPass := filepath.Join(dir, "fed.pass")
	if err := os.WriteFile(fedPass, []byte("federation-2026\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustCtl(t, fedDB, "keys", "init", "--role", "FED", "--passphrase-file", fedPass)
	chamber := filepath.Join(t.TempDir(), code+".db")
	pass := writeFile(t, code+".pass", []byte("chamber-2026\n"))
	mustCtl(t, chamber, "keys", "init", "--role", code, "--passphrase-file", pass)
	fedPub, chamberPub := filepath.Join(dir, "fed.pub"), filepath.Join(dir, code+".pub")
	mustCtl(t, fedDB, "keys", "export", "--out", fedPub)
	mustCtl(t, chamber, "keys", "export", "--out", chamberPub)
	mustCtl(t, chamber, "trust", fedPub, "--yes")
	mustCtl(t, fedDB, "trust", chamberPub, "--yes")
	draft := filepath.Join(dir, "draft.statpkg")
	mustCtl(t, fedDB, "pack", "--out", draft, "--passphrase-file", fedPass)
	mustCtl(t, chamber, "unpack", draft)
	mustCtl(t, chamber, "propose", "--chamber", code, "--article", "3", "--text", "نص جديد للمادة الثالثة وفق القانون رقم 50.17", "--why", "ملاءمة", "--submit")
	out := filepath.Join(dir, "chamber.statpkg")
	mustCtl(t, chamber, "pack", "--out", out, "--passphrase-file", pass)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
