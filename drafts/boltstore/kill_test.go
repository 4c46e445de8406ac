package boltstore_test

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"statute/drafts"
	"statute/drafts/boltstore"
)

var killRounds = flag.Int("kill-rounds", 50, "how many times TestKilledWhileWriting kills a writer")

// childDB names, in a child process of TestKilledWhileWriting, the
// database to write into until it is killed.
const childDB = "STATUTE_KILL_TEST_DB"

// TestKilledWhileWriting runs a child process that records amendments one
// by one, saying each once stored, and kills it (SIGKILL on Unix) at a
// random moment, again and again: after each kill the file must open, be
// consistent (bbolt's check and every checksum) and hold every amendment
// the child said it stored, whole. A laptop's battery or a killed app must
// never lose what was acknowledged.
func TestKilledWhileWriting(t *testing.T) {
	if os.Getenv(childDB) != "" {
		t.Skip("this is the child process of TestKilledWhileWriting")
	}
	path := filepath.Join(t.TempDir(), "statute.db")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := addDraft(t, s, sampleDraft())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	acknowledged := map[string]string{} // ID → text
	for round := range *killRounds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), childDB+"="+path, "STATUTE_KILL_TEST_DRAFT="+d.ID, "STATUTE_KILL_TEST_ROUND="+strconv.Itoa(round))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			defer close(lines)
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
		}()
		deadline := time.After(time.Duration(5+r.IntN(60)) * time.Millisecond)
	read:
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					break read
				}
				if id, text, ok := strings.Cut(l, "\t"); ok {
					acknowledged[id] = text
				}
			case <-deadline:
				break read
			}
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		// What the child said before it died counts too.
		for l := range lines {
			if id, text, ok := strings.Cut(l, "\t"); ok {
				acknowledged[id] = text
			}
		}
		if err := cmd.Wait(); err == nil {
			t.Fatalf("round %d: the child ended before it was killed", round)
		}

		s, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("round %d: after the kill the file does not open: %v", round, err)
		}
		if err := s.Check(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if _, err := s.Verify(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		for id, text := range acknowledged {
			a, err := s.Amendment(id)
			if err != nil || a.Text != text {
				t.Fatalf("round %d: acknowledged amendment %s reads %v, %v; want its text %q", round, id, a, err, text)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d kills, %d acknowledged amendments all found whole", *killRounds, len(acknowledged))
}

// TestKillChild is the child of TestKilledWhileWriting: it records
// amendments until it is killed, printing each one's ID and text once
// stored.
func TestKillChild(t *testing.T) {
	path := os.Getenv(childDB)
	if path == "" {
		t.Skip("run by TestKilledWhileWriting only")
	}
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := &drafts.Draft{ID: os.Getenv("STATUTE_KILL_TEST_DRAFT"), Version: 1}
	for i := 0; ; i++ {
		text := fmt.Sprintf("نص مقترح رقم %d في الجولة %s", i, os.Getenv("STATUTE_KILL_TEST_ROUND"))
		a := wording(d, []string{"1", "2", "2bis", "3"}[i%4], "FM", text)
		if err := s.AddAmendments(a); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("%s\t%s\n", a.ID, text)
	}
}
