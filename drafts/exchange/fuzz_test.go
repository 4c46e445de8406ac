package exchange

import (
	"bytes"
	"crypto/ed25519"
	"testing"
	"time"

	"statute/drafts"
)

// seedPackage is a small sound package, and the key that signed it.
func seedPackage(f *testing.F) []byte {
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		f.Fatal(err)
	}
	made := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	b := &Body{Kind: KindAmendments, From: "FM", Made: made, DraftID: "D-AAAAAAAA", Version: 1,
		Amendments: []Item{{Revision: 1, Amendment: drafts.Amendment{ID: "FM-AAAAAAAA", DraftID: "D-AAAAAAAA", DraftVersion: 1,
			Article: "3", Kind: drafts.Wording, Text: "نص «جديد» <b> & co", Justification: "تعليل", Chamber: "FM",
			Created: made, Updated: made, Status: drafts.StatusSubmitted}}}}
	data, err := Seal(b, priv)
	if err != nil {
		f.Fatal(err)
	}
	return data
}

// Read never panics, and what it accepts is a package in its one written
// form: the body line is the canonical encoding of what was read.
func FuzzRead(f *testing.F) {
	pkg := seedPackage(f)
	f.Add(pkg)
	f.Add(pkg[:len(pkg)/2])
	f.Add(bytes.Replace(pkg, []byte(`"revision":1`), []byte(`"revision":2`), 1))
	f.Add([]byte(Magic + "\n{}\nsignature: AAAA\n"))
	f.Add([]byte("Statute Workbench package 1\r\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Read(data)
		if err != nil {
			if _, ok := err.(*drafts.Error); !ok {
				t.Fatalf("Read returned %T %v, want a *drafts.Error", err, err)
			}
			return
		}
		body, err := encode(&p.Body)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, signed(body)) {
			t.Fatalf("Read accepted a body that is not in its written form")
		}
		if err := p.check(); err != nil {
			t.Fatalf("Read accepted a package its check refuses: %v", err)
		}
	})
}
