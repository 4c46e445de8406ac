package ui_test

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

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/round"
	"statute/ui"
)

var autosaveKills = flag.Int("autosave-kills", 50, "how many times TestAutosaveKilled kills the app")

// autosaveChildDB names, in the child process of TestAutosaveKilled, the
// database the app writes into.
const autosaveChildDB = "STATUTE_AUTOSAVE_KILL_DB"

// TestAutosaveKilled runs the app (Fyne's test driver, in a child process)
// writing an amendment word by word, each word autosaved, and kills the
// process at a random moment, again and again: after each kill the file
// opens, passes bbolt's check and every checksum, and holds the wording as
// last acknowledged saved, or later.
func TestAutosaveKilled(t *testing.T) {
	if os.Getenv(autosaveChildDB) != "" {
		t.Skip("this is the child process of TestAutosaveKilled")
	}
	path := filepath.Join(t.TempDir(), "statute.db")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := round.New(s).Seed(assets.SampleDraft); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	var saved []string // the last wording acknowledged in each round
	for kill := range *autosaveKills {
		cmd := exec.Command(os.Args[0], "-test.run=^TestAutosaveChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), autosaveChildDB+"="+path, "STATUTE_AUTOSAVE_KILL_ROUND="+strconv.Itoa(kill))
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
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				lines <- sc.Text()
			}
		}()
		last := ""
		// The kill comes a random moment after the app is up and writing.
		var deadline <-chan time.Time
	read:
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					break read
				}
				if l == "ready" {
					deadline = time.After(time.Duration(r.IntN(80)) * time.Millisecond)
				}
				if q, ok := strings.CutPrefix(l, "saved "); ok {
					if last, err = strconv.Unquote(q); err != nil {
						t.Fatal(err)
					}
				}
			case <-deadline:
				break read
			}
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		for l := range lines {
			if q, ok := strings.CutPrefix(l, "saved "); ok {
				if last, err = strconv.Unquote(q); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := cmd.Wait(); err == nil {
			t.Fatalf("kill %d: the app ended before it was killed", kill)
		}
		saved = append(saved, last)

		s, err := boltstore.Open(path, boltstore.Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("kill %d: after the kill the file does not open: %v", kill, err)
		}
		if err := s.Check(); err != nil {
			t.Fatalf("kill %d: %v", kill, err)
		}
		if _, err := s.Verify(); err != nil {
			t.Fatalf("kill %d: %v", kill, err)
		}
		as, err := s.Amendments(drafts.AmendmentFilter{Chamber: "RSK"})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		for i, ack := range saved {
			if ack == "" {
				continue
			}
			found := false
			for _, a := range as {
				found = found || strings.HasPrefix(a.Text, ack)
			}
			if !found {
				t.Fatalf("kill %d: the wording acknowledged in round %d is not stored (or was cut): %q", kill, i, ack)
			}
		}
	}
	n := 0
	for _, s := range saved {
		if s != "" {
			n++
		}
	}
	t.Logf("%d kills; %d of them after an autosave, every acknowledged wording found whole", *autosaveKills, n)
}

// TestAutosaveChild is the app of TestAutosaveKilled: it writes an
// amendment word by word, autosaving after each word, and says each
// wording once saved.
func TestAutosaveChild(t *testing.T) {
	path := os.Getenv(autosaveChildDB)
	if path == "" {
		t.Skip("run by TestAutosaveKilled only")
	}
	s, err := boltstore.Open(path, boltstore.Options{Brief: true})
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	wb, err := ui.New(test.NewTempApp(t), w, s, ui.Options{Lang: "en", Role: "RSK", Article: "3", Timings: heldTimers})
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	wb.ProposeAmendment()
	text, _, _ := wb.ProposeEditors()
	fmt.Println("ready")
	for i := 0; ; i++ {
		typeAtEnd(text, fmt.Sprintf(" كلمة%d-%s", i, os.Getenv("STATUTE_AUTOSAVE_KILL_ROUND")))
		wb.Autosave()
		if err := wb.Wait(); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("saved %s\n", strconv.Quote(text.Text()))
	}
}
