package boltstore_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
	"statute/drafts/boltstore"
)

// FuzzOpen opens whatever bytes a file may hold. Open must never panic nor
// hang: it refuses the file with an Invalid error and leaves it as it was, or
// gives a store whose every read (and Verify) returns data or a domain
// error. (Writes are
// left out: each commit waits for the disk, which would starve the fuzzer.)
func FuzzOpen(f *testing.F) {
	valid := validFile(f)
	// Only the pages in use: the fuzzer mutates and minimizes less.
	valid = valid[:highWaterMark(valid)*pageSize]
	f.Add(valid)
	f.Add([]byte{})
	f.Add(valid[:len(valid)/2])
	f.Add(make([]byte, 4*pageSize))
	f.Add(garbage(4*pageSize, 4))
	// A file with a decision log and its head (schema 4).
	withLog := fileWithLog(f)
	f.Add(withLog[:highWaterMark(withLog)*pageSize])
	f.Add(boltFile(f, func(tx *bolt.Tx) error {
		_, err := tx.CreateBucket([]byte("widgets"))
		return err
	}))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "statute.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := boltstore.Open(path, boltstore.Options{Timeout: 100 * time.Millisecond})
		if err != nil {
			if kind := drafts.KindOf(err); kind != drafts.Invalid {
				t.Fatalf("Open failed with a %s error: %v", kind, err)
			}
			after, rerr := os.ReadFile(path)
			if rerr != nil {
				t.Fatal(rerr)
			}
			if !bytes.Equal(after, data) {
				t.Fatal("Open wrote to a file it refused")
			}
			return
		}
		defer func() {
			if err := s.Close(); err != nil {
				t.Error(err)
			}
		}()
		domain := func(what string, err error) {
			if err == nil {
				return
			}
			if _, ok := err.(*drafts.Error); !ok {
				t.Errorf("%s: %v is a %T, not a *drafts.Error", what, err, err)
			}
		}
		infos, err := s.Drafts()
		domain("Drafts", err)
		for _, info := range infos {
			_, err := s.Draft(info.ID)
			domain("Draft", err)
		}
		_, err = s.LatestDraft()
		domain("LatestDraft", err)
		list, err := s.Amendments(drafts.AmendmentFilter{})
		domain("Amendments", err)
		for _, a := range list {
			_, err := s.Amendment(a.ID)
			domain("Amendment", err)
		}
		_, err = s.Decisions(drafts.DecisionFilter{})
		domain("Decisions", err)
		_, err = s.Verify()
		domain("Verify", err)
	})
}

// fileWithLog is validFile's database with its amendment submitted and
// two entries in its decision log.
func fileWithLog(t testing.TB) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "log.db")
	if err := os.WriteFile(path, validFile(t), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetStatus("ORI-7K3QX9AB", drafts.StatusDraft, drafts.StatusSubmitted); err != nil {
		t.Fatal(err)
	}
	for _, v := range []drafts.Verdict{drafts.Accept, drafts.Reject} {
		if err := s.AppendDecision(&drafts.Decision{Amendment: "ORI-7K3QX9AB", Verdict: v, By: "FED", Note: "ملاحظة"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
