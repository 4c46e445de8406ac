package exchange_test

import (
	"crypto/ed25519"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/exchange"
	"statute/drafts/keys"
	"statute/drafts/workload"
)

// Taking in a whole round: twelve chambers' packages holding 20,000
// amendments between them, each signature checked, each package one write
// after a backup, into a federation that holds a 300-article draft and
// the twelve keys. The issue asks for 2 s or less.
func BenchmarkImportTwelvePackages(b *testing.B) {
	dir := b.TempDir()
	base := filepath.Join(dir, "base.db")
	s, err := boltstore.Open(base, boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	d := workload.Draft(300, 1)
	if err := s.AddDraft(d); err != nil {
		b.Fatal(err)
	}
	fast := keys.Params{Time: 1, Memory: 8 * 1024, Threads: 1} // the setup, not the import, makes the keys
	id, _, err := keys.New(drafts.FederationCode, pass, fast)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.SetIdentity(id); err != nil {
		b.Fatal(err)
	}
	byChamber := map[string][]exchange.Item{}
	for _, a := range workload.Amendments(d, 20000, 1) {
		a.DraftID, a.DraftVersion, a.Status = d.ID, d.Version, drafts.StatusSubmitted
		a.ID = drafts.NewID(a.Chamber)
		a.BaseHash = d.Article(a.Article).TextHash()
		byChamber[a.Chamber] = append(byChamber[a.Chamber], exchange.Item{Revision: 1, Amendment: *a})
	}
	var pkgs [][]byte
	n := 0
	for _, c := range drafts.Chambers() {
		pub, priv, err := ed25519.GenerateKey(nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Trust(&drafts.TrustedKey{Role: c.Code, Public: pub, How: drafts.TrustedFromFile}); err != nil {
			b.Fatal(err)
		}
		body := &exchange.Body{Kind: exchange.KindAmendments, From: c.Code, Made: time.Now(), DraftID: d.ID, Version: d.Version, Amendments: byChamber[c.Code]}
		data, err := exchange.Seal(body, priv)
		if err != nil {
			b.Fatal(err)
		}
		pkgs, n = append(pkgs, data), n+len(body.Amendments)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	if n != 20000 {
		b.Fatalf("%d amendments in the packages, want 20,000", n)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(dir, fmt.Sprintf("fed-%d.db", i))
		copyFile(b, base, path)
		s, err := boltstore.Open(path, boltstore.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		im := &exchange.Importer{Store: s} // as a watched folder's look takes them in
		for _, data := range pkgs {
			rep, err := im.Import(data, "p.statpkg")
			if err != nil || rep.Count(exchange.New) == 0 {
				b.Fatalf("Import: %v", err)
			}
		}
		b.StopTimer()
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		os.RemoveAll(filepath.Join(dir, "backups"))
		os.Remove(path)
		b.StartTimer()
	}
}

func copyFile(b *testing.B, from, to string) {
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
