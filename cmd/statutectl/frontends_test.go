package main

import (
	"bytes"
	"path/filepath"
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
				for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
					if r, ok := o.(*widget.RadioGroup); ok {
						r.SetSelected("New article after this one")
					}
				}
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
