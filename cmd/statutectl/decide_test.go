package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

// decisionDB is a database with the sample draft and three submitted
// amendments to article 5: Casablanca-Settat's, Fès-Meknès's, and the
// federation's synthesis of them.
func decisionDB(t *testing.T) (db, cs, fm, fed string) {
	t.Helper()
	db, cs, fm, fed, _ = decisionDraft(t)
	return db, cs, fm, fed
}

// decisionDraft is decisionDB, with the draft's ID.
func decisionDraft(t *testing.T) (db, cs, fm, fed, draftID string) {
	t.Helper()
	db, draftID = importSample(t)
	propose := func(chamber string, args ...string) string {
		return strings.TrimSpace(mustCtl(t, db, append([]string{"propose", "--chamber", chamber, "--article", "5", "--submit"}, args...)...))
	}
	cs = propose("CS", "--repeal", "--why", "يحدد المقر بنص تنظيمي")
	fm = propose("FM", "--repeal", "--why", "المقر شأن تنظيمي")
	fed = propose("FED", "--text", "يحدد مقر الغرفة بنص تنظيمي.", "--why", "صياغة موحدة")
	return db, cs, fm, fed, draftID
}

var logLine = regexp.MustCompile(`^(\d+)\t(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\tFED\t([a-z-]+)\t([^\t]+)\t(.*)$`)

func TestDecideAndLog(t *testing.T) {
	db, cs, fm, fed, draftID := decisionDraft(t)
	if out, errOut, _ := ctl(t, db, "", "log"); out != "" || !strings.Contains(errOut, "No decisions yet") {
		t.Errorf("log of no decisions: %q, %q", out, errOut)
	}
	if out := mustCtl(t, db, "decide", strings.ToLower(cs), "reject", "--note", "المقر يحدده القانون"); out != cs+"\treject\tentry 1\n" {
		t.Errorf("decide printed %q", out)
	}
	wording := writeFile(t, "wording.txt", []byte("يوجد مقر الغرفة بعاصمة الجهة.\n"))
	if out := mustCtl(t, db, "decide", cs, "accept-with-changes", "--text-file", wording, "--note", "بعد المراجعة"); out != cs+"\taccept-with-changes\tentry 2\n" {
		t.Errorf("decide again printed %q", out)
	}
	if out := mustCtl(t, db, "decide", fed, "supersede", "--replaces", " "+fm+" , "+cs); out != fed+"\tsupersede\tentry 3\n" {
		t.Errorf("decide supersede printed %q", out)
	}
	lines := strings.Split(strings.TrimSuffix(mustCtl(t, db, "log"), "\n"), "\n")
	want := [][]string{
		{"1", "reject", cs, "المقر يحدده القانون"},
		{"2", "accept-with-changes", cs, "بعد المراجعة"},
		{"3", "supersede", fed + " replaces " + fm + "," + cs, ""},
	}
	if len(lines) != len(want) {
		t.Fatalf("log printed %q, want %d entries", lines, len(want))
	}
	for i, l := range lines {
		m := logLine.FindStringSubmatch(l)
		if m == nil || m[1] != want[i][0] || m[3] != want[i][1] || m[4] != want[i][2] || m[5] != want[i][3] {
			t.Errorf("log line %d = %q, want entry %v", i+1, l, want[i])
		}
	}
	if mine := mustCtl(t, db, "log", "--amendment", fm); strings.Count(mine, "\n") != 1 || !strings.HasPrefix(mine, "3\t") {
		t.Errorf("log --amendment %s = %q, want the supersede only", fm, mine)
	}
	if other := mustCtl(t, db, "log", "--draft", "D-ZZZZZZZZ"); other != "" {
		t.Errorf("log --draft of another draft = %q, want nothing", other)
	}
	if ours := mustCtl(t, db, "log", "--draft", strings.ToLower(draftID)); strings.Count(ours, "\n") != 3 {
		t.Errorf("log --draft %s = %q, want its 3 entries", draftID, ours)
	}
	// A note of several lines is listed on one.
	mustCtl(t, db, "decide", fm, "reject", "--note", "السطر الأول\nالسطر الثاني")
	if all := mustCtl(t, db, "log"); !strings.HasSuffix(all, "\tFED\treject\t"+fm+"\tالسطر الأول السطر الثاني\n") || strings.Count(all, "\n") != 4 {
		t.Errorf("log after a note of two lines = %q", all)
	}
	if out := mustCtl(t, db, "log", "verify"); out != "verified: 4 entries, each chained to the one before by its SHA-256\n" {
		t.Errorf("log verify printed %q", out)
	}
	// A decided amendment cannot be withdrawn.
	if _, errOut, code := ctl(t, db, "", "withdraw", cs); code != exitError || !strings.Contains(errOut, "has been decided (supersede, entry 3 of the decision log)") {
		t.Errorf("withdrawing a superseded amendment: exit %d, %q", code, errOut)
	}
}

// Refusals exit 1 with the round's sentence, and write nothing.
func TestDecideRefusals(t *testing.T) {
	db, cs, _, fed := decisionDB(t)
	unsent := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "MS", "--article", "4", "--repeal", "--why", "تكرار"))
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"decide", unsent, "accept"}, exitError, "is draft, not submitted: only a submitted amendment is decided"},
		{[]string{"decide", "FM-ZZZZZZZZ", "accept"}, exitError, "there is no amendment FM-ZZZZZZZZ"},
		{[]string{"decide", cs, "accept-with-changes"}, exitError, "needs the wording the federation adopts"},
		{[]string{"decide", cs, "accept", "--text", "نص"}, exitError, "only an acceptance with changes carries a wording"},
		{[]string{"decide", fed, "supersede"}, exitError, "must name the amendments it replaces"},
		{[]string{"decide", cs, "supersede", "--replaces", fed}, exitError, "a synthesis that replaces others is an amendment the federation writes"},
		{[]string{"decide", fed, "supersede", "--replaces", unsent}, exitError, "a synthesis replaces only submitted amendments"},
		{[]string{"decide", cs, "reject", "--note", "نص \x1b[31mأحمر"}, exitError, "the note holds a control character (U+001B)"},
		{[]string{"decide", cs, "postpone"}, exitUsage, "unknown decision \"postpone\""},
		{[]string{"decide", cs}, exitUsage, "decide takes 2 arguments"},
		{[]string{"log", "check"}, exitUsage, "the one argument log takes is verify"},
		{[]string{"log", "verify", "--amendment", cs}, exitUsage, "log verify checks the whole log"},
	} {
		before := fileHash(t, db)
		out, errOut, code := ctl(t, db, "", c.args...)
		if code != c.code || out != "" || !strings.Contains(errOut, c.says) {
			t.Errorf("statutectl %s: exit %d, stdout %q, stderr %q; want exit %d saying %q", strings.Join(c.args, " "), code, out, errOut, c.code, c.says)
		}
		if fileHash(t, db) != before {
			t.Errorf("statutectl %s changed the database", strings.Join(c.args, " "))
		}
	}
	if out := mustCtl(t, db, "log", "verify"); out != "verified: no entries, each chained to the one before by its SHA-256\n" {
		t.Errorf("log verify of an empty log printed %q", out)
	}
}

// changeLogByte changes one byte of the note of a log entry in the file
// at db, in every copy of the page bbolt keeps, as a failing disk or a
// hand with a hex editor would.
func changeLogByte(t *testing.T, db, note string) []byte {
	t.Helper()
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	n := bytes.Count(data, []byte(note))
	if n == 0 {
		t.Fatalf("the note %q is not in the file", note)
	}
	changed := []byte(note)
	changed[len(changed)-1] ^= 0x01 // the last letter becomes another
	data = bytes.ReplaceAll(data, []byte(note), changed)
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return data
}

// A byte of an entry changed in the file: log verify exits 1 naming the
// entry, and so do log and check; the database is left as it is.
func TestLogVerifyNamesAChangedEntry(t *testing.T) {
	db, cs, fm, _ := decisionDB(t)
	mustCtl(t, db, "decide", cs, "reject", "--note", "المقر يحدده القانون")
	mustCtl(t, db, "decide", fm, "reject", "--note", "خارج الموضوع")
	mustCtl(t, db, "decide", cs, "accept", "--note", "بعد المراجعة")
	changed := changeLogByte(t, db, "خارج الموضوع")
	for _, args := range [][]string{{"log", "verify"}, {"log"}, {"check"}} {
		out, errOut, code := ctl(t, db, "", args...)
		if code != exitError || out != "" || strings.Count(errOut, "\n") != 1 ||
			!strings.Contains(errOut, "entry 2 of the decision log (DEC-") || !strings.Contains(errOut, "restore the database from a backup") {
			t.Errorf("statutectl %s on a changed log: exit %d, stdout %q, stderr %q; want exit 1 naming entry 2",
				strings.Join(args, " "), code, out, errOut)
		}
	}
	if _, errOut, code := ctl(t, db, "", "decide", fm, "accept"); code != exitError || !strings.Contains(errOut, "entry 2 of the decision log") {
		t.Errorf("decide on a changed log: exit %d, %q; want it refused", code, errOut)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, changed) {
		t.Error("statutectl wrote to a database whose log is damaged")
	}
}

// articles --undecided lists the articles where the federation has
// submitted amendments left to decide, with their count, as the app's
// outline does; without the flag the listing stays as scripts read it.
func TestArticlesUndecided(t *testing.T) {
	db, cs, fm, fed := decisionDB(t)
	plain := mustCtl(t, db, "articles")
	if strings.Contains(plain, "undecided") || strings.Count(plain, "\n") < 25 {
		t.Fatalf("articles printed %q, want every article without counts", plain)
	}
	line := regexp.MustCompile(`^5\t[^\t]+\t3 undecided amendments\t[^\t]+\n$`)
	if out := mustCtl(t, db, "articles", "--undecided"); !line.MatchString(out) {
		t.Errorf("articles --undecided = %q, want article 5 with its 3 undecided amendments", out)
	}
	mustCtl(t, db, "decide", cs, "reject")
	if out := mustCtl(t, db, "articles", "--undecided"); !strings.HasPrefix(out, "5\t") || !strings.Contains(out, "\t2 undecided amendments\t") {
		t.Errorf("articles --undecided after a rejection = %q, want 2 left", out)
	}
	mustCtl(t, db, "decide", fed, "supersede", "--replaces", fm)
	if out := mustCtl(t, db, "articles", "--undecided"); out != "" {
		t.Errorf("articles --undecided with everything decided = %q, want nothing", out)
	}
	if _, errOut, code := ctl(t, db, "", "articles", "--undecided", "--version", "0"); code != exitOK || errOut != "" {
		t.Errorf("--version 0 is the latest: exit %d, %q", code, errOut)
	}
	if mustCtl(t, db, "articles") != plain {
		t.Error("articles without --undecided changed after the decisions")
	}
}
