package merge_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"statute/assets"
	"statute/drafts/merge"
)

// oracleVocabulary returns n distinct Arabic words of the sample draft, in
// the order they first appear.
func oracleVocabulary(t *testing.T, n int) []string {
	seen := make(map[string]bool)
	var out []string
	for _, w := range words(string(assets.SampleDraft)) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.Is(unicode.Arabic, r) || !unicode.IsLetter(r) || seen[w] {
			continue
		}
		seen[w] = true
		if out = append(out, w); len(out) == n {
			return out
		}
	}
	t.Fatalf("the sample draft has %d distinct Arabic words; want %d", len(out), n)
	return nil
}

// randomEdits returns ws with one or two random edits: a word replaced,
// deleted, or inserted.
func randomEdits(rng *rand.Rand, ws, vocab []string) []string {
	out := slices.Clone(ws)
	for range 1 + rng.IntN(2) {
		w := vocab[rng.IntN(len(vocab))]
		switch k := rng.IntN(3); {
		case k == 0 && len(out) > 0:
			out[rng.IntN(len(out))] = w
		case k == 1 && len(out) > 1:
			i := rng.IntN(len(out))
			out = slices.Delete(out, i, i+1)
		default:
			out = slices.Insert(out, rng.IntN(len(out)+1), w)
		}
	}
	return out
}

// git runs git with args in dir, with no user or system configuration,
// and returns its output and exit code.
func git(t *testing.T, dir string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "HOME="+dir)
	out, err := cmd.Output()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), 0
	case errors.As(err, &exit) && exit.ExitCode() > 0 && exit.ExitCode() < 128:
		return string(out), exit.ExitCode()
	}
	t.Fatalf("git %s: %v", strings.Join(args, " "), err)
	return "", 0
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@`)

// A change is a hunk of a diff as the oracle compares them: the span of
// the base's words, [start, end), and the words put there.
type change struct {
	start, end int
	words      string
}

// gitChanges returns the changes that git's diff of the files base and
// side, one word a line, makes.
func gitChanges(t *testing.T, dir, base, side string) []change {
	out, _ := git(t, dir, "diff", "--no-index", "-U0", "--diff-algorithm=myers", "--no-indent-heuristic", base, side)
	var cs []change
	for _, line := range strings.Split(out, "\n") {
		if m := hunkHeader.FindStringSubmatch(line); m != nil {
			a, _ := strconv.Atoi(m[1])
			n := 1
			if m[2] != "" {
				n, _ = strconv.Atoi(m[2])
			}
			if n == 0 {
				cs = append(cs, change{start: a, end: a}) // an insertion after line a
			} else {
				cs = append(cs, change{start: a - 1, end: a - 1 + n})
			}
			continue
		}
		if len(cs) > 0 && strings.HasPrefix(line, "+") && !strings.HasPrefix(line, "+++") {
			c := &cs[len(cs)-1]
			c.words = strings.TrimSpace(c.words + " " + line[1:])
		}
	}
	return cs
}

// ourChanges returns the changes that the merge makes for side alone.
func ourChanges(base, side string) []change {
	var cs []change
	for _, h := range merge.Merge(base, []merge.Side{{ID: "S", Text: side}}).Hunks {
		start := len(words(base[:h.Start]))
		cs = append(cs, change{start, start + len(words(h.Base)), strings.Join(words(h.Text), " ")})
	}
	return cs
}

func writeLines(t *testing.T, path string, ws []string) {
	t.Helper()
	text := strings.Join(ws, "\n")
	if len(ws) > 0 {
		text += "\n"
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// On random pairs of word edits, the merge agrees with git merge-file run
// on files of one word a line: where git merges cleanly, the merge gives
// the same words; where git conflicts, so does the merge. Where they
// disagree, the test requires a reason it can check: the word diff of one
// side differs from git's line diff of it (both are minimal, but where
// words repeat there can be several minimal diffs, and git's Myers breaks
// ties otherwise than go-diff's), so the two merges did not start from the
// same hunks.
func TestMergeAgreesWithGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatalf("this test runs git merge-file as an oracle, and git is not installed: %v", err)
	}
	vocab := oracleVocabulary(t, 40)
	rng := rand.New(rand.NewPCG(2026, 12))
	dir := t.TempDir()
	paths := map[string]string{}
	for _, name := range []string{"base", "a", "b"} {
		paths[name] = filepath.Join(dir, name)
	}
	const cases = 400
	var clean, conflicts, diffsDiffer int
	for c := range cases {
		// A small vocabulary for some cases, so that words repeat.
		v := vocab
		if c%3 == 0 {
			v = vocab[:6]
		}
		base := make([]string, 4+rng.IntN(14))
		for i := range base {
			base[i] = v[rng.IntN(len(v))]
		}
		a := randomEdits(rng, base, v)
		b := randomEdits(rng, base, v)
		if c%10 == 0 {
			b = slices.Clone(a) // two chambers proposing the same
		}
		writeLines(t, paths["base"], base)
		writeLines(t, paths["a"], a)
		writeLines(t, paths["b"], b)
		out, code := git(t, dir, "merge-file", "-p", "--diff3", "-L", "a", "-L", "base", "-L", "b", "a", "base", "b")
		baseText, aText, bText := strings.Join(base, " "), strings.Join(a, " "), strings.Join(b, " ")
		got := merge.Merge(baseText, []merge.Side{{ID: "A", Text: aText}, {ID: "B", Text: bText}})
		ours := len(got.Conflicts) > 0
		gitConflicts := code > 0
		agree := ours == gitConflicts && (ours || slices.Equal(words(got.Text), strings.Fields(out)))
		if gitConflicts {
			conflicts++
		} else {
			clean++
		}
		if agree {
			continue
		}
		// A disagreement must come from different diffs.
		sameDiffs := slices.Equal(gitChanges(t, dir, "base", "a"), ourChanges(baseText, aText)) &&
			slices.Equal(gitChanges(t, dir, "base", "b"), ourChanges(baseText, bText))
		if sameDiffs {
			t.Errorf("case %d: base %q, a %q, b %q:\ngit (exit %d):\n%s\nours: %s", c, baseText, aText, bText, code, out, describe(got))
			continue
		}
		diffsDiffer++
		t.Logf("case %d: base %q, a %q, b %q: git (exit %d) gives %q, ours %s; git's diffs %v and %v, ours %v and %v",
			c, baseText, aText, bText, code, strings.Fields(out), describe(got),
			gitChanges(t, dir, "base", "a"), gitChanges(t, dir, "base", "b"), ourChanges(baseText, aText), ourChanges(baseText, bText))
	}
	t.Logf("%d cases: git merged %d cleanly and conflicted on %d; %d disagreements, each where git's diff of a side differs from ours", cases, clean, conflicts, diffsDiffer)
	if clean < cases/5 || conflicts < cases/5 {
		t.Errorf("git merged %d of %d cases cleanly and conflicted on %d: the cases should exercise both", clean, cases, conflicts)
	}
	if diffsDiffer > cases/10 {
		t.Errorf("%d of %d cases disagree with git: more than one in ten", diffsDiffer, cases)
	}
}

func describe(r merge.Result) string {
	if len(r.Conflicts) == 0 {
		return fmt.Sprintf("clean: %q", r.Text)
	}
	return fmt.Sprintf("conflicts: %+v", r.Conflicts)
}
