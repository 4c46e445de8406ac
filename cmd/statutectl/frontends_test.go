package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/round"
	"statute/ui"
	"statute/ui/textwidget"
)

// The app and statutectl go through the one set of rules: the same action
// refused in either says the same sentence with the same kind of error.
func TestTheAppAndStatutectlRefuseAlike(t *testing.T) {
	for _, c := range []struct {
		name string
		// app does the action on the open propose screen, whose wording
		// editor has the keyboard.
		app func(w fyne.Window, wording fyne.Focusable)
		// cli is the same action in statutectl; TEXT stands for article
		// 3's text with a word added, SAME for it as it is.
		cli  []string
		want drafts.ErrorKind
	}{
		{
			"submitting the article's own wording",
			func(w fyne.Window, _ fyne.Focusable) { tapButton(t, w, "Submit") },
			[]string{"propose", "--chamber", "RSK", "--article", "3", "--text", "SAME", "--why", "سبب", "--submit"},
			drafts.Invalid,
		},
		{
			"submitting without a justification",
			func(w fyne.Window, wording fyne.Focusable) {
				test.Type(wording, "جهوية ")
				tapButton(t, w, "Submit")
			},
			[]string{"propose", "--chamber", "RSK", "--article", "3", "--text", "TEXT", "--submit"},
			drafts.Invalid,
		},
		{
			"a new article numbered as one the draft has",
			func(w fyne.Window, _ fyne.Focusable) {
				tapText(t, w, "New article after this one")
				editors := editorsIn(w) // number, wording, justification, author
				if len(editors) != 4 {
					t.Fatalf("the propose screen has %d editors, want 4", len(editors))
				}
				test.Tap(editors[0])
				test.Type(editors[0], "4")
				test.Tap(editors[1])
				test.Type(editors[1], "تحدث لجنة جهوية.")
				test.Tap(editors[2])
				test.Type(editors[2], "التنسيق")
				tapButton(t, w, "Submit")
			},
			[]string{"propose", "--chamber", "RSK", "--article", "3", "--insert-after", "--number", "4", "--text", "تحدث لجنة جهوية.", "--why", "التنسيق", "--submit"},
			drafts.Conflict,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "statute.db")
			s, _, d := seededStore(t, db)
			text := d.Article("3").Text()

			a := test.NewTempApp(t)
			w := test.NewTempWindow(t, nil)
			w.Resize(fyne.NewSize(1280, 800))
			// The screen's timers held: the test driver runs what they
			// bring back on their own goroutine, beside the test's.
			held := ui.Timings{Autosave: time.Hour, Preview: time.Hour}
			wb, err := ui.New(a, w, s, ui.Options{Lang: "en", Role: "RSK", Article: "3", Timings: held})
			if err != nil {
				t.Fatal(err)
			}
			if err := wb.Wait(); err != nil {
				t.Fatal(err)
			}
			wb.ProposeAmendment()
			wording, ok := w.Canvas().Focused().(fyne.Focusable)
			if !ok {
				t.Fatal("the propose screen gave the wording no keyboard")
			}
			c.app(w, wording)
			appErr := wb.ProposeRefusal()
			if err := wb.Wait(); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}

			args := append([]string{"--db", db}, c.cli...)
			for i, arg := range args {
				switch arg {
				case "TEXT":
					args[i] = "جهوية " + text
				case "SAME":
					args[i] = text
				}
			}
			var stdout, stderr bytes.Buffer
			code, cliErr := execute(args, strings.NewReader(""), &stdout, &stderr)
			if code != exitError || cliErr == nil {
				t.Fatalf("statutectl: exit %d, %q; want it refused", code, stderr.String())
			}

			if drafts.KindOf(appErr) != c.want || drafts.KindOf(cliErr) != c.want {
				t.Errorf("kinds: app %q (%v), statutectl %q (%v); want both %q", drafts.KindOf(appErr), appErr, drafts.KindOf(cliErr), cliErr, c.want)
			}
			sentence := strings.TrimSpace(strings.TrimPrefix(stderr.String(), "statutectl: "))
			if appErr == nil || appErr.Error() != sentence {
				t.Errorf("the app says %v, statutectl %q: want the same sentence", appErr, sentence)
			}
			if !shown(w, sentence) {
				t.Errorf("the propose screen does not show %q", sentence)
			}
			if as, _ := storedAmendments(t, db); len(as) != 0 {
				t.Errorf("the refused actions stored %d amendments", len(as))
			}
		})
	}
}

// editorsIn lists the window's text editors, top to bottom.
func editorsIn(w fyne.Window) []*textwidget.Editor {
	var out []*textwidget.Editor
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		if e, ok := o.(*textwidget.Editor); ok && e.Visible() {
			out = append(out, e)
		}
	}
	return out
}

func tapButton(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button in the window", label)
}

// shown reports whether the window shows text, in any widget that holds
// text.
// tapText taps the middle of the text shown that reads text, as a user
// clicks on a choice's label.
func tapText(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		if l, ok := o.(interface{ Text() string }); ok && l.Text() == text {
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
			test.TapCanvas(w.Canvas(), pos.AddXY(o.Size().Width/2, o.Size().Height/2))
			return
		}
	}
	t.Fatalf("nothing in the window reads %q", text)
}

func shown(w fyne.Window, text string) bool {
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		if t, ok := o.(interface{ Text() string }); ok && t.Text() == text {
			return true
		}
	}
	return false
}

func storedAmendments(t *testing.T, db string) ([]drafts.Amendment, error) {
	t.Helper()
	s, err := boltstore.Open(db, boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return s.Amendments(drafts.AmendmentFilter{})
}

// The app and statutectl show an amendment's changes alike. A wording
// written the way the draft is written, blank lines between paragraphs,
// shows only its new paragraph, inserted, in `statutectl diff` and in the
// app's list of the article's amendments: whether statutectl stored it
// (one break between paragraphs) or it was stored as typed, as it was
// before wordings were normalized.
func TestTheAppAndStatutectlShowTheChangesAlike(t *testing.T) {
	db := filepath.Join(t.TempDir(), "statute.db")
	s, _, d := seededStore(t, db)
	art := d.Article("3")
	added := "وتتمتع الغرفة بالأهلية القانونية للتقاضي."
	typed := "\n" + art.Paragraphs[0] + "\n\n\n" + art.Paragraphs[1] + "  \n\n" + added + "\n\n"
	old := round.Blank(mustChamber(t, "RSK"), d, art)
	old.Text, old.Justification, old.Status = typed, "سبب", drafts.StatusSubmitted
	if err := s.AddAmendments(old); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "wording.txt")
	if err := os.WriteFile(file, []byte(typed), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"--db", db, "propose", "--chamber", "FM", "--article", "3", "--text-file", file, "--why", "سبب", "--submit"}, strings.NewReader(""), &out, &errOut); code != exitOK {
		t.Fatalf("statutectl propose: exit %d, %s", code, errOut.String())
	}
	ids := []string{old.ID, strings.TrimSpace(out.String())}

	// What statutectl diff marks, for each amendment.
	var cli [][2][]string // inserted, deleted
	for _, id := range ids {
		out.Reset()
		if code := run([]string{"--db", db, "diff", id, "--format", "json"}, strings.NewReader(""), &out, &errOut); code != exitOK {
			t.Fatalf("statutectl diff %s: exit %d, %s", id, code, errOut.String())
		}
		var js struct {
			Changes []struct{ Op, Text string }
		}
		if err := json.Unmarshal(out.Bytes(), &js); err != nil {
			t.Fatal(err)
		}
		var marked [2][]string
		for _, c := range js.Changes {
			switch c.Op {
			case "insert":
				marked[0] = append(marked[0], strings.TrimSpace(c.Text))
			case "delete":
				marked[1] = append(marked[1], strings.TrimSpace(c.Text))
			case "equal":
			default:
				t.Errorf("statutectl diff %s: a %q change", id, c.Op)
			}
		}
		if !slices.Equal(marked[0], []string{added}) || len(marked[1]) != 0 {
			t.Errorf("statutectl diff %s marks %q inserted and %q deleted; want only %q inserted", id, marked[0], marked[1], added)
		}
		cli = append(cli, marked)
	}

	// What the app marks, in the article's list of amendments, as each
	// chamber sees its own (the federation's board shows the two, the
	// same proposal, once).
	s, err := boltstore.Open(db, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var app [][2][]string
	for _, role := range []string{"RSK", "FM"} {
		a := test.NewTempApp(t)
		w := test.NewTempWindow(t, nil)
		w.Resize(fyne.NewSize(1280, 800))
		wb, err := ui.New(a, w, s, ui.Options{Lang: "en", Role: role, Article: "3", Timings: ui.Timings{Autosave: time.Hour, Preview: time.Hour}})
		if err != nil {
			t.Fatal(err)
		}
		if err := wb.Wait(); err != nil {
			t.Fatal(err)
		}
		for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
			if tr, ok := o.(*textwidget.Tracked); ok {
				app = append(app, [2][]string{tr.Inserted(), tr.Deleted()})
			}
		}
	}
	if len(app) != len(cli) {
		t.Fatalf("the app shows %d amendments as tracked changes, want %d", len(app), len(cli))
	}
	for i := range app {
		// Both statutectl diffs mark the same (checked above): so must
		// each of the app's.
		if !slices.Equal(app[i][0], cli[0][0]) || !slices.Equal(app[i][1], cli[0][1]) {
			t.Errorf("the app's amendment %d marks %q inserted and %q deleted; statutectl diff %q and %q", i, app[i][0], app[i][1], cli[0][0], cli[0][1])
		}
	}
}

// seededStore opens a store at db seeded with the sample draft, with the
// round on it and the draft.
func seededStore(t *testing.T, db string) (*boltstore.Store, *round.Round, *drafts.Draft) {
	t.Helper()
	s, err := boltstore.Open(db, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := round.New(s)
	if _, err := r.Seed(assets.SampleDraft); err != nil {
		t.Fatal(err)
	}
	d, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	return s, r, d
}

func mustChamber(t *testing.T, code string) drafts.Chamber {
	t.Helper()
	c, err := drafts.ChamberByCode(code)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
