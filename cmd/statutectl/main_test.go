package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
)

// ctl runs statutectl in-process on the database db and returns what it
// printed and its exit code.
func ctl(t *testing.T, db, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"--db", db}, args...), strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// mustCtl runs statutectl and fails the test unless it succeeds.
func mustCtl(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, errOut, code := ctl(t, db, "", args...)
	if code != exitOK {
		t.Fatalf("statutectl %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
	}
	return out
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// importSample makes a database holding the sample draft and returns its
// path and the draft's ID.
func importSample(t *testing.T) (db, id string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "statute.db")
	sample := writeFile(t, "sample-draft.md", assets.SampleDraft)
	out := mustCtl(t, db, "import", sample)
	fields := strings.Split(strings.TrimSpace(out), "\t")
	if len(fields) < 2 || !strings.HasPrefix(fields[0], "D-") {
		t.Fatalf("import printed %q, want the draft ID and article count", out)
	}
	n, err := strconv.Atoi(strings.TrimSuffix(fields[1], " articles"))
	if err != nil || n < 25 {
		t.Fatalf("import printed %q, want at least 25 articles", out)
	}
	return db, fields[0]
}

func TestWalkThrough(t *testing.T) {
	db, id := importSample(t)

	if out := mustCtl(t, db, "drafts"); !strings.HasPrefix(out, id+"\tv1\t") || strings.Count(out, "\n") != 1 {
		t.Errorf("drafts = %q, want one line for %s version 1", out, id)
	}

	lines := strings.Split(strings.TrimSpace(mustCtl(t, db, "articles")), "\n")
	if len(lines) < 25 {
		t.Fatalf("articles listed %d lines, want at least 25", len(lines))
	}
	if first := strings.Split(lines[0], "\t"); first[0] != "1" || first[1] != "الأولى" || first[2] == "" {
		t.Errorf("first article line = %q, want key 1, number الأولى and its first words", lines[0])
	}
	if again := mustCtl(t, db, "articles", "--draft", strings.ToLower(id)); strings.Count(again, "\n") != len(lines) {
		t.Error("articles --draft with the ID in lower case lists another draft")
	}

	// One article, named the ways a reader names it.
	first := mustCtl(t, db, "show", "1")
	for _, ref := range []string{"الأولى", "المادة الأولى", "١"} {
		if got := mustCtl(t, db, "show", ref); got != first {
			t.Errorf("show %s differs from show 1:\n%s", ref, got)
		}
	}
	if !strings.Contains(first, "المادة الأولى") {
		t.Errorf("show 1 = %q, want the heading «المادة الأولى»", first)
	}
	if four := mustCtl(t, db, "show", "٤"); four != mustCtl(t, db, "show", "4") {
		t.Error("show ٤ and show 4 differ")
	}

	chambers := mustCtl(t, db, "chambers")
	if strings.Count(chambers, "\n") != 13 || !strings.Contains(chambers, "FM\tغرفة الصناعة التقليدية لجهة فاس مكناس\t") {
		t.Errorf("chambers = %q, want 12 chambers and the federation", chambers)
	}

	// Two chambers propose on article 3, one repeals article 5.
	text3 := articleText(t, db, "3")
	words := strings.Fields(text3)
	proposed := strings.Replace(text3, words[1], words[1]+" والمستدامة", 1)
	fm := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "3", "--text", proposed, "--why", "إضافة بعد الاستدامة", "--author", "أحمد"))
	cs := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "cs", "--article", "5", "--repeal", "--why", "تكرار"))
	sm := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "SM", "--article", "2", "--insert-after", "--number", "2 مكررة", "--text", "تحدث لدى كل غرفة لجنة للتكوين.", "--why", "التكوين المستمر", "--submit"))
	for _, am := range []string{fm, cs, sm} {
		if !regexp.MustCompile(`^[A-Z]{2,3}-[0-9A-Z]{8}$`).MatchString(am) {
			t.Fatalf("propose printed %q, want an amendment ID", am)
		}
	}

	list := strings.Split(strings.TrimSpace(mustCtl(t, db, "amendments")), "\n")
	if len(list) != 3 || !strings.HasPrefix(list[0], sm) || !strings.HasPrefix(list[1], fm) || !strings.HasPrefix(list[2], cs) {
		t.Errorf("amendments = %q, want SM (on 2), FM (on 3), CS (on 5) in the order of the draft", list)
	}
	if got := mustCtl(t, db, "amendments", "--chamber", "FM"); !strings.HasPrefix(got, fm) || strings.Count(got, "\n") != 1 {
		t.Errorf("amendments --chamber FM = %q", got)
	}
	if got := mustCtl(t, db, "amendments", "--status", "submitted"); !strings.HasPrefix(got, sm) || strings.Count(got, "\n") != 1 {
		t.Errorf("amendments --status submitted = %q", got)
	}
	if got := mustCtl(t, db, "amendments", "--article", "الثالثة"); got != "" && !strings.HasPrefix(got, fm) {
		t.Errorf("amendments --article الثالثة = %q", got)
	}

	plain := mustCtl(t, db, "diff", fm)
	if !strings.Contains(plain, "{+والمستدامة+}") || strings.Contains(plain, "[-") {
		t.Errorf("diff %s = %q, want exactly one insertion {+والمستدامة+}", fm, plain)
	}
	if repeal := mustCtl(t, db, "diff", cs); !strings.Contains(repeal, "[-") || strings.Contains(repeal, "{+") {
		t.Errorf("diff of a repeal = %q, want only deletions", repeal)
	}

	var js struct {
		Amendment drafts.Amendment `json:"amendment"`
		Inserted  int              `json:"inserted_words"`
		Changes   []struct {
			Op   string `json:"op"`
			Text string `json:"text"`
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(mustCtl(t, db, "diff", fm, "--format", "json")), &js); err != nil {
		t.Fatalf("diff --format json is not JSON: %v", err)
	}
	var rebuilt strings.Builder
	for _, c := range js.Changes {
		if c.Op != "delete" {
			rebuilt.WriteString(c.Text)
		}
	}
	if js.Amendment.ID != fm || js.Inserted != 1 || rebuilt.String() != proposed {
		t.Errorf("diff json: id %s, %d inserted, rebuilt %q; want %s, 1, the proposal", js.Amendment.ID, js.Inserted, rebuilt.String(), fm)
	}

	if out := mustCtl(t, db, "submit", fm); !strings.Contains(out, "submitted") {
		t.Errorf("submit printed %q", out)
	}
	if _, errOut, code := ctl(t, db, "", "submit", fm); code != exitError || !strings.Contains(errOut, "already submitted") {
		t.Errorf("submitting twice: exit %d, %q", code, errOut)
	}
}

func articleText(t *testing.T, db, ref string) string {
	t.Helper()
	out := mustCtl(t, db, "show", ref)
	// show prints the divisions, then the heading, then the paragraphs.
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "المادة") {
			return strings.Join(lines[i+1:], "\n")
		}
	}
	t.Fatalf("show %s printed no article heading: %q", ref, out)
	return ""
}

func TestBadInputChangesNothing(t *testing.T) {
	db, _ := importSample(t)
	dup := "# مشروع\n\n#### المادة 1\nنص أول.\n\n#### المادة 1\nنص ثان.\n"
	big := bytes.Repeat([]byte("المادة "), 3<<20)
	tests := []struct {
		name string
		args []string
		file []byte // written to a file whose path replaces "FILE" in args
		want string // in the one line on stderr
	}{
		{"empty file", []string{"import", "FILE"}, []byte{}, "empty"},
		{"binary file", []string{"import", "FILE"}, []byte("\x00\x01\x02\x00\x00\x08\x00binary"), "not a text file"},
		{"a zip that is not a draft", []string{"import", "FILE"}, []byte("PK\x03\x04\x00\x00\x08\x00binary"), "Word"},
		{"invalid UTF-8", []string{"import", "FILE"}, []byte("المادة 1\nنص \xff\xfe\n"), "UTF-8"},
		{"no article headings", []string{"import", "FILE"}, []byte("نص بلا مواد.\nسطر آخر.\n"), "no article headings"},
		{"two articles numbered alike", []string{"import", "FILE"}, []byte(dup), "line"},
		{"file too large", []string{"import", "FILE"}, big, "right file"},
		{"missing file", []string{"import", "/nonexistent/draft.md"}, nil, "no such file"},
		{"unknown chamber", []string{"propose", "--chamber", "XX", "--article", "1", "--text", "نص"}, nil, "unknown chamber"},
		{"unknown article", []string{"propose", "--chamber", "FM", "--article", "999", "--text", "نص"}, nil, "999"},
		{"unreadable article", []string{"show", "abc"}, nil, "abc"},
		{"empty proposal", []string{"propose", "--chamber", "FM", "--article", "1", "--text-file", "FILE"}, []byte("  \n"), "empty"},
		{"same wording submitted", []string{"propose", "--chamber", "FM", "--article", "1", "--text", "SAME", "--why", "سبب", "--submit"}, nil, "same as the current text"},
		{"submitted without a reason", []string{"propose", "--chamber", "FM", "--article", "1", "--text", "نص جديد", "--submit"}, nil, "justification is empty"},
		{"escape sequence in the wording", []string{"propose", "--chamber", "FM", "--article", "1", "--text", "نص \x1b[31mأحمر"}, nil, "control character (U+001B)"},
		{"NUL in the justification", []string{"propose", "--chamber", "FM", "--article", "1", "--text", "نص", "--why", "سبب\x00"}, nil, "control character (U+0000)"},
		{"existing number", []string{"propose", "--chamber", "FM", "--article", "1", "--insert-after", "--number", "2", "--text", "نص"}, nil, "already has an article"},
		{"unknown amendment", []string{"diff", "FM-00000000"}, nil, "FM-00000000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := fileHash(t, db)
			args := append([]string(nil), tt.args...)
			for i, a := range args {
				switch a {
				case "FILE":
					args[i] = writeFile(t, "input.md", tt.file)
				case "SAME":
					args[i] = articleText(t, db, "1")
				}
			}
			out, errOut, code := ctl(t, db, "", args...)
			if code != exitError {
				t.Fatalf("exit %d (stdout %q, stderr %q), want %d", code, out, errOut, exitError)
			}
			if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr = %q, want one line mentioning %q", errOut, tt.want)
			}
			if fileHash(t, db) != before {
				t.Error("the database changed")
			}
		})
	}
}

func TestUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, exitUsage, "Usage: statutectl"},
		{[]string{"frobnicate"}, exitUsage, "unknown command"},
		{[]string{"help"}, exitOK, "compare"},
		{[]string{"help", "propose"}, exitOK, "--insert-after"},
		{[]string{"propose", "--help"}, exitOK, "--chamber"},
		{[]string{"import"}, exitUsage, "takes one argument"},
		{[]string{"show", "1", "--nope"}, exitUsage, "flag provided but not defined"},
		{[]string{"propose", "--article", "1"}, exitUsage, "--chamber"},
		{[]string{"diff", "X", "--format", "xml"}, exitUsage, "unknown format"},
		{[]string{"articles"}, exitError, "import a draft first"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := ctl(t, db, "", tt.args...)
			if code != tt.code || !strings.Contains(out+errOut, tt.want) {
				t.Errorf("exit %d, output %q; want exit %d mentioning %q", code, out+errOut, tt.code, tt.want)
			}
		})
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Error("a read-only command created the database")
	}
	// Every command is in the help.
	out, _, _ := ctl(t, db, "", "help")
	for _, c := range commands {
		if !strings.Contains(out, "  "+c.name+" ") {
			t.Errorf("help does not list %s", c.name)
		}
	}
}

func TestDatabaseHeldElsewhere(t *testing.T) {
	db, _ := importSample(t)
	s, err := boltstore.Open(db, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, errOut, code := ctl(t, db, "", "articles")
	if code != exitError || !strings.Contains(errOut, "open in another program") {
		t.Errorf("exit %d, %q; want a clear refusal while the app holds the database", code, errOut)
	}
}

func TestCompareFiles(t *testing.T) {
	old := writeFile(t, "v1.md", []byte("# مشروع\n\n#### المادة 1\nتحدث غرف للصناعة التقليدية.\n\n#### المادة 2\nتسير الغرفة جمعية عامة.\n\n#### المادة 3\nتنسخ أحكام القانون رقم 18.09.\n"))
	new := writeFile(t, "v2.md", []byte("# مشروع\n\n#### المادة 1\nتحدث غرف جهوية للصناعة التقليدية.\n\n#### المادة 2\nتسير الغرفة جمعية عامة.\n\n#### المادة 4\nيعمل بهذا القانون من تاريخ نشره.\n"))
	out := mustCtl(t, "unused.db", "compare", old, new)
	if !strings.Contains(out, "{+جهوية+}") || !strings.Contains(out, "18.09") {
		t.Errorf("compare = %q, want the insertion in article 1 and the removed article 3", out)
	}
	if strings.Contains(out, "تسير الغرفة") {
		t.Errorf("compare printed the unchanged article 2: %q", out)
	}
}

// buildStatutectl builds the binary into dir without cgo, as shipped, and
// returns its path.
func buildStatutectl(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "statutectl")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build with CGO_ENABLED=0: %v\n%s", err, out)
	}
	return bin
}

// The real binary, built without cgo as shipped: exit codes and streams.
func TestBinary(t *testing.T) {
	bin := buildStatutectl(t, t.TempDir())
	db := filepath.Join(t.TempDir(), "statute.db")
	sample := writeFile(t, "sample-draft.md", assets.SampleDraft)
	for _, tt := range []struct {
		args []string
		env  string
		code int
	}{
		{[]string{"--db", db, "import", sample}, "", 0},
		{[]string{"articles"}, "STATUTE_DB=" + db, 0},
		{[]string{"--db", db, "show", "9999"}, "", 1},
		{[]string{"--db", db, "bogus"}, "", 2},
	} {
		cmd := exec.Command(bin, tt.args...)
		cmd.Env = append(os.Environ(), tt.env)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, _ := cmd.Output()
		if got := cmd.ProcessState.ExitCode(); got != tt.code {
			t.Errorf("statutectl %v: exit %d (stderr %q), want %d", tt.args, got, stderr.String(), tt.code)
		}
		if tt.code == 0 && len(out) == 0 {
			t.Errorf("statutectl %v printed nothing", tt.args)
		}
		if tt.code != 0 && stderr.Len() == 0 {
			t.Errorf("statutectl %v failed silently", tt.args)
		}
	}
}

func TestSeedSubmitWithdrawDelete(t *testing.T) {
	db := filepath.Join(t.TempDir(), "statute.db")
	seeded := mustCtl(t, db, "seed")
	if !strings.HasPrefix(seeded, "D-") || !strings.Contains(seeded, "version 1") {
		t.Fatalf("seed printed %q, want the sample draft's ID and version 1", seeded)
	}
	if again := mustCtl(t, db, "seed"); again != seeded {
		t.Errorf("seeding again printed %q, want the same draft %q", again, seeded)
	}

	text := articleText(t, db, "3") + " وفق القانون رقم 50.17"
	draft := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "3", "--text", text))
	kept := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "4", "--repeal", "--why", "تكرار"))

	// A draft without a reason cannot be submitted; another chamber cannot
	// touch it; its own chamber deletes it.
	if _, errOut, code := ctl(t, db, "", "submit", draft); code != exitError || !strings.Contains(errOut, "justification is empty") {
		t.Errorf("submit without a justification: exit %d, %q", code, errOut)
	}
	if _, errOut, code := ctl(t, db, "", "delete", draft, "--chamber", "CS"); code != exitError || !strings.Contains(errOut, "belongs to the chamber FM") {
		t.Errorf("delete by another chamber: exit %d, %q", code, errOut)
	}
	if out := mustCtl(t, db, "delete", draft); out != draft+"\tdeleted\n" {
		t.Errorf("delete printed %q", out)
	}

	if out := mustCtl(t, db, "submit", kept, "--chamber", "fm"); out != kept+"\tsubmitted\n" {
		t.Errorf("submit printed %q", out)
	}
	if _, errOut, code := ctl(t, db, "", "delete", kept); code != exitError || !strings.Contains(errOut, "withdraw it instead") {
		t.Errorf("deleting a submitted amendment: exit %d, %q", code, errOut)
	}
	if out := mustCtl(t, db, "withdraw", kept); out != kept+"\twithdrawn\n" {
		t.Errorf("withdraw printed %q", out)
	}
	unsent := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "3", "--text", text))
	if mine := mustCtl(t, db, "amendments", "--seen-by", "FM"); !strings.Contains(mine, unsent) || !strings.Contains(mine, kept) {
		t.Errorf("amendments --seen-by FM = %q, want FM's draft and its withdrawn repeal", mine)
	}
	if seen := mustCtl(t, db, "amendments", "--seen-by", "FED"); !strings.HasPrefix(seen, kept+"\tFM\t") || strings.Count(seen, "\n") != 1 {
		t.Errorf("amendments --seen-by FED = %q, want the submitted repeal only, not FM's draft", seen)
	}
	list := mustCtl(t, db, "amendments", "--status", "withdrawn")
	if !strings.HasPrefix(list, kept+"\tFM\t") || strings.Count(list, "\n") != 1 {
		t.Errorf("amendments --status withdrawn = %q, want the withdrawn repeal only", list)
	}
	if all := mustCtl(t, db, "amendments"); strings.Contains(all, draft) || !strings.Contains(all, unsent) {
		t.Errorf("the deleted draft is still listed: %q", all)
	}
}

// Text from a database written before control characters were refused is
// printed without them: nothing stored can drive the terminal.
func TestOutputShowsNoControlCharacters(t *testing.T) {
	var b bytes.Buffer
	w := visibleWriter{&b}
	in := "FM-1\tنص \x1b[31mأحمر\x00 \u009b2J\nسطر ثان\n"
	n, err := fmt.Fprint(w, in)
	if err != nil || n != len(in) {
		t.Fatalf("Fprint = %d, %v; want %d, nil", n, err, len(in))
	}
	if want := "FM-1\tنص \uFFFD[31mأحمر\uFFFD \uFFFD2J\nسطر ثان\n"; b.String() != want {
		t.Errorf("printed %q, want %q", b.String(), want)
	}
}

// A byte of an article's text changed in the file, as a failing disk
// would: every command, reading or writing, refuses with a sentence naming
// the damage, and the file stays as it is.
func TestADamagedDatabaseIsRefusedByEveryCommand(t *testing.T) {
	db, _ := importSample(t)
	am := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "3", "--text", articleText(t, db, "3")+" جهوية", "--why", "سبب"))
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("ست (6) سنوات"))
	if i < 0 {
		t.Fatal("article 15's «ست (6) سنوات» is not in the file as written")
	}
	data[i+bytes.IndexByte(data[i:], '6')] = '9'
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	sample := writeFile(t, "sample-draft.md", assets.SampleDraft)
	for _, args := range [][]string{
		{"check"},
		{"show", "15"},
		{"articles"},
		{"propose", "--chamber", "CS", "--article", "2", "--repeal", "--why", "سبب"},
		{"submit", am},
		{"import", sample},
	} {
		out, errOut, code := ctl(t, db, "", args...)
		if code != exitError || !strings.Contains(errOut, "is damaged: article 15 of version 1 of draft") || out != "" {
			t.Errorf("statutectl %s: exit %d, stdout %q, stderr %q; want it refused, naming article 15", args[0], code, out, errOut)
		}
		if after, _ := os.ReadFile(db); !bytes.Equal(after, data) {
			t.Fatalf("statutectl %s wrote to the damaged file", args[0])
		}
	}
	// What does not meet the damage may still be read.
	if out := mustCtl(t, db, "drafts"); !strings.Contains(out, "36 articles") {
		t.Errorf("drafts = %q", out)
	}
}

// A backup brings back exactly what was there when it was made, even over
// a database damaged since; the file it replaces is kept.
func TestBackupAndRestore(t *testing.T) {
	db, _ := importSample(t)
	first := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "3", "--text", articleText(t, db, "3")+" جهوية", "--why", "سبب"))
	before := mustCtl(t, db, "amendments")
	backup := strings.TrimSpace(mustCtl(t, db, "backup"))
	if filepath.Dir(backup) != filepath.Join(filepath.Dir(db), "backups") {
		t.Errorf("backup wrote %s, want a file in the backups folder beside the database", backup)
	}
	list := mustCtl(t, db, "backups")
	if !strings.HasPrefix(strings.Split(list, "\n")[0], time.Now().UTC().Format("2006-01-02")) || !strings.Contains(list, backup) || strings.Count(list, "\n") != 2 {
		t.Errorf("backups = %q, want the one import made and %s, newest first", list, backup)
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	if got := mustCtl(t, db, "backup", "--out", out); got != out+"\n" {
		t.Errorf("backup --out printed %q", got)
	}
	if _, errOut, code := ctl(t, db, "", "backup", "--out", out); code != exitError || !strings.Contains(errOut, "already exists") {
		t.Errorf("backup over an existing file: exit %d, %q", code, errOut)
	}

	// Later work, then damage.
	mustCtl(t, db, "propose", "--chamber", "CS", "--article", "5", "--repeal", "--why", "تكرار")
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("ست (6) سنوات"))
	data[i+bytes.IndexByte(data[i:], '6')] = '9'
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, code := ctl(t, db, "", "check"); code != exitError {
		t.Fatal("check passed a damaged database")
	}

	// Refused: a file that is not a sound database.
	bad := writeFile(t, "bad.db", []byte("not a database"))
	if _, errOut, code := ctl(t, db, "", "restore", bad); code != exitError || !strings.Contains(errOut, "cannot be restored") {
		t.Errorf("restore of a non-database: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, data) {
		t.Fatal("a refused restore changed the database")
	}

	restored := mustCtl(t, db, "restore", backup)
	kept := strings.TrimPrefix(strings.Split(strings.TrimSpace(restored), "\n")[1], "the database it replaced is kept as ")
	if keptData, err := os.ReadFile(kept); err != nil || !bytes.Equal(keptData, data) {
		t.Errorf("the replaced database is not kept as it was at %q (%v)", kept, err)
	}
	if got := mustCtl(t, db, "amendments"); got != before || !strings.Contains(got, first) {
		t.Errorf("after restore, amendments = %q, want exactly what was there at the backup: %q", got, before)
	}
	if got := mustCtl(t, db, "check"); !strings.HasPrefix(got, "sound: ") {
		t.Errorf("check after restore = %q", got)
	}
}

// A draft's versions are listed, any article of any version can be shown,
// two versions compared, and the outline prints the tree of titles,
// chapters and articles.
func TestVersionsOutlineAndShowAVersion(t *testing.T) {
	db := filepath.Join(t.TempDir(), "statute.db")
	id := strings.Fields(mustCtl(t, db, "seed"))[0]
	old := "في هذا القانون"
	newText := strings.Replace(string(assets.SampleDraft), old, "في القانون رقم 50.17", 1)
	if newText == string(assets.SampleDraft) {
		t.Fatalf("the sample draft no longer says %q", old)
	}
	v2 := writeFile(t, "v2.md", []byte(newText))
	mustCtl(t, db, "import", v2, "--version-of", id)

	versions := strings.Split(strings.TrimSpace(mustCtl(t, db, "versions")), "\n")
	if len(versions) != 2 || !strings.HasPrefix(versions[0], "v1\t") || !strings.HasPrefix(versions[1], "v2\t") {
		t.Fatalf("versions printed %q, want v1 then v2", versions)
	}
	if got := mustCtl(t, db, "show", "3", "--version", "1"); !strings.Contains(got, old) {
		t.Errorf("show 3 --version 1 printed %q, want the first version's «%s»", got, old)
	}
	if got := mustCtl(t, db, "show", "3"); strings.Contains(got, old) || !strings.Contains(got, "50.17") {
		t.Errorf("show 3 printed %q, want the latest version's wording", got)
	}

	before := fileHash(t, db)
	_, stderr, code := ctl(t, db, "", "show", "3", "--version", "9")
	if code != 1 || !strings.Contains(stderr, "has no version 9: its versions are 1 to 2") {
		t.Errorf("show --version 9: exit %d, %q; want exit 1 naming the versions there are", code, stderr)
	}
	if fileHash(t, db) != before {
		t.Error("a refused show changed the database")
	}

	cmp := mustCtl(t, db, "compare-versions", "1", "2")
	if !strings.Contains(cmp, "[-هذا-]") || !strings.Contains(cmp, "{+رقم 50.17+}") || !strings.HasSuffix(cmp, "1 changed, 0 added, 0 removed, 0 renumbered, 35 unchanged\n") {
		t.Errorf("compare-versions 1 2 printed %q, want article 3's change and 35 unchanged", cmp)
	}
	if _, stderr, code := ctl(t, db, "", "compare-versions", "1", "two"); code != 2 || !strings.Contains(stderr, "is not a version number") {
		t.Errorf("compare-versions 1 two: exit %d, %q; want a usage error", code, stderr)
	}

	lines := strings.Split(strings.TrimSpace(mustCtl(t, db, "outline")), "\n")
	want := []string{
		"الباب الأول: أحكام عامة",
		"  الفصل الأول: الموضوع والتعريفات",
		"    المادة الأولى\t[1]",
		"    المادة 2: تعريفات\t[2]",
		"    المادة 3: الطبيعة القانونية للغرف\t[3]",
		"  الفصل الثاني: إحداث الغرف ومقارها",
	}
	if len(lines) < len(want) || !slices.Equal(lines[:len(want)], want) {
		t.Errorf("outline begins %q, want %q", lines[:min(len(lines), len(want))], want)
	}
	articles := 0
	for _, l := range lines {
		if strings.Contains(l, "\t[") {
			articles++
		}
	}
	if articles != 36 {
		t.Errorf("outline lists %d articles, want the draft's 36", articles)
	}
}

// renumber shows the old → new table and the references it rewrites,
// changes nothing without --apply, makes the next version with it, and
// then finds nothing left to renumber.
func TestRenumber(t *testing.T) {
	db := filepath.Join(t.TempDir(), "statute.db")
	mustCtl(t, db, "seed")
	before := fileHash(t, db)
	plan := mustCtl(t, db, "renumber")
	for _, want := range []string{
		"المادة 7 مكررة → المادة 8\t(key 7bis → 8)",
		"المادة 33 → المادة 36\t(key 33 → 36)",
		"«المادة 7 مكررة مرتين» → «المادة 9»",
		"29 articles renumbered, 5 references rewritten\n",
		"'statutectl renumber --apply' makes this version 2",
	} {
		if !strings.Contains(plan, want) {
			t.Errorf("renumber printed:\n%s\nwant %q", plan, want)
		}
	}
	if fileHash(t, db) != before {
		t.Fatal("renumber without --apply changed the database")
	}
	if out := mustCtl(t, db, "renumber", "--apply"); !strings.HasSuffix(out, "\tversion 2\n") {
		t.Errorf("renumber --apply printed %q, want the new version 2", out)
	}
	if got := mustCtl(t, db, "show", "36"); !strings.Contains(got, "المادة 36") {
		t.Errorf("show 36 after renumbering printed %q", got)
	}
	if got := mustCtl(t, db, "show", "8", "--version", "1"); !strings.Contains(got, "المادة 8") {
		t.Errorf("version 1 is not kept as it was: show 8 --version 1 printed %q", got)
	}
	before = fileHash(t, db)
	_, stderr, code := ctl(t, db, "", "renumber", "--apply")
	if code != 1 || !strings.Contains(stderr, "there is nothing to renumber") {
		t.Errorf("a second renumber --apply: exit %d, %q; want exit 1, nothing to renumber", code, stderr)
	}
	if fileHash(t, db) != before {
		t.Error("a refused renumber changed the database")
	}
}

// The round with statutectl: three chambers amend article 3, two
// in different words and one overlapping; staff accept all three and get
// exactly one conflict; they resolve it and consolidate; the new version
// holds the resolution, the old one is untouched, the undecided amendment
// carries over, and the log verifies.
func TestConsolidateWithStatutectl(t *testing.T) {
	db := filepath.Join(t.TempDir(), "statute.db")
	mustCtl(t, db, "seed")
	base := mustCtl(t, db, "show", "3")
	old := "غرف الصناعة التقليدية مؤسسات عمومية مهنية تتمتع بالشخصية الاعتبارية والاستقلال المالي، وتخضع لوصاية الدولة وفق الشروط المنصوص عليها في هذا القانون."
	if !strings.Contains(base, old) {
		t.Fatalf("article 3 no longer reads %q", old)
	}
	rest := "\nتمثل الغرفة لدى السلطات العمومية المصالح المهنية للصناع التقليديين ومقاولات وتعاونيات الصناعة التقليدية التي توجد مقارها أو محلات مزاولة نشاطها بدائرة نفوذها."
	wording := func(from, to string) string {
		return writeFile(t, "w.txt", []byte(strings.Replace(old, from, to, 1)+rest))
	}
	submit := func(chamber, article, file string) string {
		return strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", chamber, "--article", article, "--text-file", file, "--why", "سبب", "--submit"))
	}
	fm := submit("FM", "3", wording("والاستقلال المالي", "والاستقلال المالي والإداري"))
	cs := submit("CS", "3", wording("في هذا القانون", "في القانون رقم 50.17"))
	ms := submit("MS", "3", wording("في هذا القانون", "في هذا النظام"))
	sm := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "SM", "--article", "5", "--repeal", "--why", "سبب", "--submit"))
	rsk := submit("RSK", "3", writeFile(t, "rsk.txt", []byte(old+strings.Replace(rest, "تمثل الغرفة", "تمثل كل غرفة", 1))))
	for _, id := range []string{fm, cs, ms} {
		mustCtl(t, db, "decide", id, "accept", "--note", "مقبول")
	}

	out, stderr, code := ctl(t, db, "", "consolidate")
	if code != 1 || !strings.Contains(stderr, "accepted amendments still conflict in 1 of the draft's articles") {
		t.Fatalf("consolidate with a conflict: exit %d, %q; want exit 1", code, stderr)
	}
	if strings.Count(out, "\nconflict in المادة 3:") != 1 || !strings.Contains(out, "<<<<<<< ") || !strings.Contains(out, "one conflict to resolve; 2 undecided amendments carried over") {
		t.Errorf("consolidate printed:\n%s\nwant exactly one conflict, in article 3, in diff3 style, and SM's amendment carried over", out)
	}
	if got := mustCtl(t, db, "versions"); strings.Count(got, "\n") != 1 {
		t.Fatalf("a consolidation with a conflict stored a version: %q", got)
	}

	resolved := strings.Replace(strings.Replace(old, "والاستقلال المالي", "والاستقلال المالي والإداري", 1), "في هذا القانون", "في النظام رقم 50.17", 1)
	syn := strings.TrimSpace(mustCtl(t, db, "resolve", "3", "--text-file", writeFile(t, "resolved.txt", []byte(resolved+rest)), "--note", "دمج"))
	if !strings.HasPrefix(syn, "FED-") {
		t.Errorf("resolve printed %q, want the federation's synthesis ID", syn)
	}
	preview := mustCtl(t, db, "consolidate", "--preview")
	line, _, _ := strings.Cut(preview, "\n")
	if !strings.HasPrefix(line, "المادة 3\tchanged\t") || !strings.Contains(line, syn) || !strings.Contains(preview, "    "+resolved) {
		t.Errorf("consolidate --preview printed:\n%s\nwant article 3 changed by %s (and those it replaces), with its new text", preview, syn)
	}
	if done := mustCtl(t, db, "consolidate"); !strings.HasSuffix(done, "\tversion 2\n") {
		t.Errorf("consolidate printed %q, want version 2 stored", done)
	}
	if got := mustCtl(t, db, "versions"); !strings.Contains(got, "\tconsolidated from version 1\n") {
		t.Errorf("versions printed %q, want version 2 said to be consolidated from version 1", got)
	}
	if got := mustCtl(t, db, "show", "3"); !strings.Contains(got, resolved) {
		t.Errorf("the new version's article 3:\n%s\nwant the resolution", got)
	}
	if got := mustCtl(t, db, "show", "3", "--version", "1"); !strings.Contains(got, old+rest) || strings.Contains(got, resolved) {
		t.Errorf("version 1's article 3 changed:\n%s", got)
	}
	if got := mustCtl(t, db, "amendments", "--status", "submitted"); !strings.Contains(got, sm) {
		t.Errorf("SM's undecided amendment is gone: %s", got)
	}
	// RSK's undecided amendment, made on version 1, is carried onto
	// version 2: its change shown against the resolved wording.
	if got := mustCtl(t, db, "diff", rsk); !strings.Contains(got, "made on version 1, carried onto version 2") ||
		!strings.Contains(got, "في النظام رقم 50.17") || !strings.Contains(got, "{+كل غرفة+}") {
		t.Errorf("diff of RSK's undecided amendment after consolidation:\n%s\nwant it carried onto version 2", got)
	}
	if got := mustCtl(t, db, "log", "verify"); !strings.HasPrefix(got, "verified: ") {
		t.Errorf("log verify printed %q", got)
	}
}

// After a renumbering, amendments --article finds an amendment under the
// article it concerns now, and says the number it was made on.
func TestAmendmentsFollowARenumbering(t *testing.T) {
	db := filepath.Join(t.TempDir(), "statute.db")
	mustCtl(t, db, "seed")
	id := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "8", "--repeal", "--why", "سبب"))
	mustCtl(t, db, "renumber", "--apply")
	if got := mustCtl(t, db, "amendments", "--article", "10"); !strings.HasPrefix(got, id+"\tFM\t8 (v1)\trepeal") {
		t.Errorf("amendments --article 10 printed %q, want FM's repeal of old article 8", got)
	}
	if got := mustCtl(t, db, "amendments", "--article", "8"); got != "" {
		t.Errorf("amendments --article 8 printed %q, want nothing: new article 8 is old 7 مكررة", got)
	}
}

// Two accepted new articles that ask for one number are settled by
// resolve with that number: the federation's one new article, stored by
// consolidate in their place.
func TestResolveANewNumberWithStatutectl(t *testing.T) {
	db := filepath.Join(t.TempDir(), "statute.db")
	mustCtl(t, db, "seed")
	insert := func(chamber, text string) string {
		id := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", chamber, "--article", "7 مكررة مرتين", "--insert-after",
			"--number", "7 مكررة ثلاث مرات", "--text", text, "--why", "سبب", "--submit"))
		mustCtl(t, db, "decide", id, "accept")
		return id
	}
	insert("SM", "تنشر الغرفة كل سنة تقريرا عن أنشطتها.")
	insert("FM", "تنشر الغرفة كل ستة أشهر تقريرا عن أنشطتها.")
	if out, _, code := ctl(t, db, "", "consolidate"); code != exitError || !strings.Contains(out, "one conflict to resolve") {
		t.Fatalf("consolidate with two new articles 7 مكررة ثلاث مرات: exit %d\n%s", code, out)
	}
	settled := "تنشر الغرفة كل سنة تقريرا مفصلا عن أنشطتها."
	syn := strings.TrimSpace(mustCtl(t, db, "resolve", "7 مكررة ثلاث مرات", "--text-file", writeFile(t, "settled.txt", []byte(settled+"\n"))))
	if !strings.HasPrefix(syn, "FED-") {
		t.Fatalf("resolve printed %q, want the federation's synthesis ID", syn)
	}
	if done := mustCtl(t, db, "consolidate"); !strings.HasSuffix(done, "\tversion 2\n") {
		t.Fatalf("consolidate printed %q, want version 2 stored", done)
	}
	if got := mustCtl(t, db, "show", "7 مكررة ثلاث مرات"); !strings.Contains(got, settled) {
		t.Errorf("the new version's article 7 مكررة ثلاث مرات:\n%s\nwant the settled wording", got)
	}
}

// show's output saved to a file holds the article and nothing else: the
// note that it has amendments goes to standard error; --text prints the
// text alone, as a wording for --text-file.
func TestShowTextIsTheArticleAlone(t *testing.T) {
	db, _ := importSample(t)
	text := articleText(t, db, "3")
	mustCtl(t, db, "propose", "--chamber", "FM", "--article", "3", "--text", strings.Replace(text, "تمثل الغرفة", "تمثل كل غرفة", 1), "--why", "تدقيق", "--submit")
	out, errOut, code := ctl(t, db, "", "show", "3")
	if code != exitOK || strings.Contains(out, "amendment") || !strings.Contains(errOut, "one amendment: see 'statutectl amendments --article 3'") {
		t.Errorf("show 3: exit %d, stdout %q, stderr %q; want the article on stdout and the note of its amendment on stderr", code, out, errOut)
	}
	if got := mustCtl(t, db, "show", "3", "--text"); got != text+"\n" {
		t.Errorf("show 3 --text printed %q, want the article's text alone, %q", got, text+"\n")
	}
}
