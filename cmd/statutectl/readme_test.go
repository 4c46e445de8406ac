package main

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"statute/drafts/boltstore"
)

// The README's tutorial, "statutectl in five minutes", is a ```sh block
// that a new user runs from the repository root. TestReadmeTutorial runs
// it as written, with bash -e, against a statutectl built here in place of
// `go run ./cmd/statutectl`, with HOME and the settings folders in a
// temporary folder so that nothing can reach the user's own database, and
// checks what each step prints against what the README says it prints.

const (
	readmePath       = "../../README.md"
	tutorialHeading  = "## statutectl in five minutes"
	readmeInvocation = "go run ./cmd/statutectl"
)

// tutorialStep is one command of the tutorial: one line, or a line with its
// here-document.
type tutorialStep struct {
	line    int    // in the README, 1-based
	text    string // as written
	comment string // what follows " # " on its first line, the README's word on its output
}

// tutorialSteps reads the tutorial's block out of readme.
func tutorialSteps(readme string) ([]tutorialStep, error) {
	lines := strings.Split(strings.ReplaceAll(readme, "\r\n", "\n"), "\n")
	at := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == tutorialHeading {
			at = i
			break
		}
	}
	if at < 0 {
		return nil, fmt.Errorf("no heading %q", tutorialHeading)
	}
	open := -1
	for i := at + 1; i < len(lines) && !strings.HasPrefix(lines[i], "## "); i++ {
		if lines[i] == "```sh" {
			open = i
			break
		}
	}
	if open < 0 {
		return nil, fmt.Errorf("no ```sh block under %q", tutorialHeading)
	}
	heredoc := regexp.MustCompile(`<<-?\s*'?([A-Za-z_]+)'?`)
	var steps []tutorialStep
	for i := open + 1; ; i++ {
		if i >= len(lines) {
			return nil, fmt.Errorf("the ```sh block under %q is not closed", tutorialHeading)
		}
		l := lines[i]
		if l == "```" {
			break
		}
		if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		s := tutorialStep{line: i + 1, text: l}
		if m := regexp.MustCompile(`\s#\s(.*)$`).FindStringSubmatch(l); m != nil {
			s.comment = m[1]
		}
		if m := heredoc.FindStringSubmatch(l); m != nil {
			for i++; i < len(lines) && lines[i] != m[1]; i++ {
				if lines[i] == "```" {
					return nil, fmt.Errorf("README.md:%d: the here-document %s is not closed", s.line, m[1])
				}
				s.text += "\n" + lines[i]
			}
			s.text += "\n" + m[1]
		}
		for strings.HasSuffix(s.text, `\`) && i+1 < len(lines) {
			i++
			s.text += "\n" + lines[i]
		}
		steps = append(steps, s)
	}
	return steps, nil
}

func TestTutorialSteps(t *testing.T) {
	readme := "# x\n\n" + tutorialHeading + "\n\ntext\n\n```sh\n" +
		"a=1                     # first\n" +
		"# a comment line\n" +
		"\n" +
		"cat > f <<'EOF'\n" +
		"x # not a comment\n" +
		"EOF\n" +
		"b \\\n  c\n" +
		"```\n\n## next\n"
	steps, err := tutorialSteps(readme)
	if err != nil {
		t.Fatal(err)
	}
	want := []tutorialStep{
		{line: 8, text: "a=1                     # first", comment: "first"},
		{line: 11, text: "cat > f <<'EOF'\nx # not a comment\nEOF"},
		{line: 14, text: "b \\\n  c"},
	}
	if fmt.Sprint(steps) != fmt.Sprint(want) {
		t.Errorf("steps = %+v\nwant %+v", steps, want)
	}
	if _, err := tutorialSteps(strings.Replace(readme, "```sh", "```", 1)); err == nil {
		t.Error("a README without the ```sh block was read")
	}
}

// tutorialCheck is what the README says a step prints, for the steps that
// call statutectl (by the words after it) or echo an ID.
type tutorialCheck struct {
	calls string         // "import", "propose --chamber CS", …
	want  *regexp.Regexp // the whole output must match
}

var (
	tutorialID     = `[0-9A-HJKMNP-TV-Z]{8}`
	tutorialTime   = `\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ`
	tutorialChecks = []tutorialCheck{
		{`import "$tmp/v2.md"`, regexp.MustCompile(`^D-` + tutorialID + "\t36 articles\tversion 2\tمشروع القانون الأساسي لغرف الصناعة التقليدية\n$")},
		{"import", regexp.MustCompile(`^D-` + tutorialID + "\t36 articles\tversion 1\tمشروع القانون الأساسي لغرف الصناعة التقليدية\n$")},
		{"versions", regexp.MustCompile("^v1\t[^\n]+\tsample-draft.md\nv2\t[^\n]+\tv2.md\n$")},
		{"show 15 --version 1", regexp.MustCompile("(?s)^الباب الثالث: العضوية والانتخابات\n.*\nالمادة 15.*ست \\(6\\) سنوات")},
		{"outline", regexp.MustCompile("(?s)^الباب الأول: أحكام عامة\n  الفصل الأول: الموضوع والتعريفات\n    المادة الأولى\t\\[1\\]\n.*\n +المادة 15[^\n]*\t\\[15\\]\n")},
		{"articles", regexp.MustCompile("^1\tالأولى\tيحدد هذا القانون (?s:.*)\n33\t33\t[^\n]+\n$")},
		{"show", regexp.MustCompile("(?s)^الباب الأول: أحكام عامة\n.*\nالمادة الأولى\nيحدد هذا القانون النظام الأساسي")},
		{"chambers", regexp.MustCompile("(?s)^TTA\t.*\nFM\tغرفة الصناعة التقليدية لجهة فاس مكناس\t.*\nFED\t[^\n]+\n$")},
		{`echo "$fm"`, regexp.MustCompile(`^FM-` + tutorialID + "\n$")},
		{`echo "$cs"`, regexp.MustCompile(`^CS-` + tutorialID + "\n$")},
		{"propose --chamber SM", regexp.MustCompile(`^SM-` + tutorialID + "\n$")},
		{"amendments", regexp.MustCompile("^FM-" + tutorialID + "\tFM\t3\twording\tdraft\t[^\n]+\nCS-" + tutorialID + "\tCS\t5\trepeal\tsubmitted\t[^\n]+\nSM-" + tutorialID +
			"\tSM\t7 مكررة مرتين\tinsert 7 مكررة ثلاث مرات\tdraft\t[^\n]+\n$")},
		{"diff", regexp.MustCompile(`(?s)^FM-` + tutorialID + ` · FM · المادة 3: .*في \[-هذا-\] القانون \{\+رقم 50\.17\+\}\.`)},
		{"submit", regexp.MustCompile("^FM-" + tutorialID + "\tsubmitted\n$")},
		{"withdraw", regexp.MustCompile("^FM-" + tutorialID + "\twithdrawn\n$")},
		{"check", regexp.MustCompile("^sound: one draft, one version, 36 articles, 3 amendments, 2 decisions\n$")},
		{"delete", regexp.MustCompile("^RSK-" + tutorialID + "\tdeleted\n$")},
		{`decide "$cs" reject`, regexp.MustCompile("^CS-" + tutorialID + "\treject\tentry 1\n$")},
		{`decide "$cs" accept-with-changes`, regexp.MustCompile("^CS-" + tutorialID + "\taccept-with-changes\tentry 2\n$")},
		{"log verify", regexp.MustCompile("^verified: 2 entries, each chained to the one before by its SHA-256\n$")},
		{"log", regexp.MustCompile("^1\t" + tutorialTime + "\tFED\treject\tCS-" + tutorialID + "\tالمقر يحدده القانون\n2\t" + tutorialTime +
			"\tFED\taccept-with-changes\tCS-" + tutorialID + "\tبعد المراجعة\n$")},
		{"compare", regexp.MustCompile(`(?s)~ المادة 15 .*\[-ست-\]\{\+خمس\+\} \(\[-6-\]\{\+5\+\}\).*\n1 changed, 0 added, 0 removed, 0 renumbered, 35 unchanged\n$`)},
	}
	// Tracked-change fragments a comment quotes, such as [-هذا-] or {+رقم 50.17+}.
	quotedChange = regexp.MustCompile(`\[-[^\]]*-\]|\{\+[^}]*\+\}`)
)

// checkFor finds what the README says s prints: by the statutectl command
// it calls, or the variable it echoes.
func checkFor(s tutorialStep) (tutorialCheck, bool) {
	text := s.text
	if i := strings.Index(text, readmeInvocation+" "); i >= 0 {
		text = text[i+len(readmeInvocation)+1:]
	}
	for _, c := range tutorialChecks {
		if strings.HasPrefix(text, c.calls+" ") || text == c.calls || strings.HasPrefix(s.text, c.calls) {
			return c, true
		}
	}
	return tutorialCheck{}, false
}

func TestReadmeTutorial(t *testing.T) {
	if testing.Short() {
		t.Skip("builds statutectl and runs the README's tutorial with bash")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
			t.Fatalf("the README's tutorial needs bash: %v", err)
		}
		t.Skipf("the README's tutorial is a bash script and bash was not found (%v): on Windows, install Git for Windows (Git Bash)", err)
	}
	if sys := os.Getenv("SystemRoot"); runtime.GOOS == "windows" && sys != "" &&
		strings.HasPrefix(strings.ToLower(bash), strings.ToLower(filepath.Join(sys, "System32"))+`\`) {
		t.Skipf("the bash found, %s, is WSL's, which cannot run a Windows statutectl on Windows paths: put Git Bash first on the PATH", bash)
	}
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	steps, err := tutorialSteps(string(readme))
	if err != nil {
		t.Fatalf("README.md: %v", err)
	}

	tmp := t.TempDir()
	bin := buildStatutectl(t, tmp)

	// The script: each step as written, `go run ./cmd/statutectl` made
	// the binary, after a line on standard output that marks where the
	// step's output starts.
	var script strings.Builder
	seen := map[string]bool{}
	for i, s := range steps {
		code := s.text
		if s.comment != "" {
			first, rest, _ := strings.Cut(code, "\n")
			code = strings.TrimSuffix(strings.TrimRight(strings.TrimSuffix(first, s.comment), " \t"), "#") + "\n" + rest
		}
		if strings.Contains(strings.ReplaceAll(code, readmeInvocation, ""), "statutectl") {
			t.Errorf("README.md:%d calls statutectl other than as %q: %s", s.line, readmeInvocation, s.text)
		}
		c, ok := checkFor(s)
		if ok {
			seen[c.calls] = true
		}
		fmt.Fprintf(&script, "printf '\\n@@step %d\\n'\n%s\n", i, strings.ReplaceAll(s.text, readmeInvocation, `"$STATUTECTL"`))
	}
	for _, c := range tutorialChecks {
		if !seen[c.calls] {
			t.Errorf("the tutorial has no step %q any more: update this test with the README", c.calls)
		}
	}
	scriptPath := filepath.Join(tmp, "tutorial.sh")
	if err := os.WriteFile(scriptPath, []byte(script.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	// A user's environment, except where databases and settings live.
	home := filepath.Join(tmp, "home")
	scratch := filepath.Join(tmp, "tmp")
	for _, d := range []string{home, scratch} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); strings.ToUpper(k) {
		case "STATUTE_DB", "BASH_ENV", "ENV", "CDPATH", "HOME", "USERPROFILE", "XDG_CONFIG_HOME", "APPDATA", "TMPDIR":
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "STATUTECTL="+bin, "HOME="+home, "USERPROFILE="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "APPDATA="+filepath.Join(home, "AppData"), "TMPDIR="+scratch)

	cmd := exec.Command(bash, "-e", scriptPath)
	cmd.Dir = filepath.Dir(readmePath)
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()

	// Each step's output, by the marks.
	outputs := map[int]string{}
	last := -1
	for _, part := range strings.Split(stdout.String(), "\n@@step ")[1:] {
		n, out, _ := strings.Cut(part, "\n")
		k, err := strconv.Atoi(n)
		if err != nil {
			t.Fatalf("cannot read the step marks in the tutorial's output: %q", part)
		}
		outputs[k], last = out, k
	}
	if runErr != nil {
		s := steps[max(last, 0)]
		t.Fatalf("the README's tutorial stopped (%v) at README.md:%d:\n%s\nstderr:\n%s\nits output:\n%s", runErr, s.line, s.text, stderr.String(), outputs[last])
	}
	if stderr.Len() > 0 {
		t.Errorf("the tutorial wrote to standard error:\n%s", stderr.String())
	}
	for i, s := range steps {
		out := outputs[i]
		if c, ok := checkFor(s); ok && !c.want.MatchString(out) {
			t.Errorf("README.md:%d: %s\nprinted:\n%s\nwant output matching %s", s.line, s.text, out, c.want)
		}
		for _, q := range quotedChange.FindAllString(s.comment, -1) {
			if !strings.Contains(out, q) {
				t.Errorf("README.md:%d says it prints %s, but it printed:\n%s", s.line, q, out)
			}
		}
	}

	// The tutorial's database is in the scratch folder, and nothing was
	// written where the app keeps its own.
	dbs, _ := filepath.Glob(filepath.Join(scratch, "*", "tutorial.db"))
	if len(dbs) != 1 {
		t.Errorf("the tutorial's database is not in the temporary folder it made: found %q", dbs)
	}
	filepath.WalkDir(home, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			t.Errorf("the tutorial wrote %s in the home folder: it must use only its scratch database", path)
		}
		return nil
	})
}

// The README states statutectl's exit codes as cli.go has them.
func TestReadmeExitCodes(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(readme)), " ")
	for _, want := range []string{
		"The exit status is " + strconv.Itoa(exitOK) + " when the command is done, " + strconv.Itoa(exitError) + " when a request is refused or fails",
		"and " + strconv.Itoa(exitUsage) + " on wrong usage",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("README.md does not say %q", want)
		}
	}
}

// badInputs are the cases of the README's table of bad input, by the text
// of its first column: each gives the command line to run on a database
// holding the sample draft (db), made ready by the case where it needs to
// be. FILE in args is replaced by a file holding file.
var badInputs = map[string]struct {
	file    []byte
	args    []string
	prepare func(t *testing.T, db string) (dbArg string)
}{
	"a zip that is not a Word document given to `import`":   {file: zipOf("notes.txt", "المادة 1"), args: []string{"import", "FILE"}},
	"an Excel workbook given to `import`":                   {file: zipOf("xl/workbook.xml", "<workbook/>"), args: []string{"import", "FILE"}},
	"a Word document cut short (a download not finished)":   {file: zipOf("word/document.xml", "<document/>")[:40], args: []string{"import", "FILE"}},
	"a Word document protected by a password":               {file: []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00"), args: []string{"import", "FILE"}},
	"a text file saved as UTF-16":                           {file: []byte("\xff\xfeL\x00a\x00"), args: []string{"import", "FILE"}},
	"a text file saved as UTF-16 without a byte-order mark": {file: []byte("'\x06D\x06E\x06'\x06/\x06)\x06 \x001\x00\n\x00"), args: []string{"import", "FILE"}},
	"a text file in Windows-1256":                           {file: []byte("\xc7\xe1\xe3\xc7\xcf\xc9 1\n"), args: []string{"import", "FILE"}},
	"an empty file":                                         {file: []byte{}, args: []string{"import", "FILE"}},
	"a Word 97–2003 document (.doc) given to `import`":      {file: []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"), args: []string{"import", "FILE"}},
	"a file of 17 MB":                                       {file: bytes.Repeat([]byte("نص "), 17<<20/5), args: []string{"import", "FILE"}},
	"text holding an escape character":                      {file: []byte("ع\nالمادة 1\nنص \x1b[31m\n"), args: []string{"import", "FILE"}},
	"text with no article headings":                         {file: []byte("نص بلا مواد.\nسطر آخر.\n"), args: []string{"import", "FILE"}},
	"two articles with the same number":                     {file: []byte("# م\n\n#### المادة 1\nنص أول.\n\n#### المادة 1\nنص ثان.\n"), args: []string{"import", "FILE"}},
	"an amendment holding an escape sequence":               {args: []string{"propose", "--chamber", "FM", "--article", "1", "--text", "نص \x1b[31mأحمر"}},
	"a folder given as the database": {args: []string{"show", "1"}, prepare: func(t *testing.T, db string) string {
		return t.TempDir()
	}},
	"random bytes given as the database": {args: []string{"show", "1"}, prepare: func(t *testing.T, db string) string {
		return writeFile(t, "random.db", bytes.Repeat([]byte{0x5A, 0xA5, 0x13, 0x37}, 4096))
	}},
	"another program's bbolt file": {args: []string{"show", "1"}, prepare: func(t *testing.T, db string) string {
		path := filepath.Join(t.TempDir(), "other.db")
		bdb, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := bdb.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err }); err != nil {
			t.Fatal(err)
		}
		if err := bdb.Close(); err != nil {
			t.Fatal(err)
		}
		return path
	}},
	"a database from a newer version": {args: []string{"show", "1"}, prepare: func(t *testing.T, db string) string {
		bdb, err := bolt.Open(db, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := bdb.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("meta")).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, boltstore.SchemaVersion+1))
		}); err != nil {
			t.Fatal(err)
		}
		if err := bdb.Close(); err != nil {
			t.Fatal(err)
		}
		return db
	}},
	"a database with a byte of an article changed": {args: []string{"show", "15"}, prepare: func(t *testing.T, db string) string {
		data, err := os.ReadFile(db)
		if err != nil {
			t.Fatal(err)
		}
		i := bytes.Index(data, []byte("ست (6) سنوات"))
		if i < 0 {
			t.Fatal("article 15's text is not in the file as written")
		}
		data[i+bytes.IndexByte(data[i:], '6')] = '9'
		if err := os.WriteFile(db, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return db
	}},
	"a decision log with a byte of an entry changed, to `log verify`": {args: []string{"log", "verify"}, prepare: func(t *testing.T, db string) string {
		id := strings.TrimSpace(mustCtl(t, db, "propose", "--chamber", "FM", "--article", "1", "--repeal", "--why", "سبب", "--submit"))
		mustCtl(t, db, "decide", id, "reject", "--note", "خارج الموضوع")
		changeLogByte(t, db, "خارج الموضوع")
		return db
	}},
	"a package altered after it was signed (a word changed)": {args: []string{"unpack", "PKG"}, prepare: func(t *testing.T, db string) string {
		pkg := packageFor(t, db, "FM")
		writePackage(t, db, bytes.Replace(pkg, []byte("50.17"), []byte("50.18"), 1))
		return db
	}},
	"a package cut short (a copy not finished)": {args: []string{"unpack", "PKG"}, prepare: func(t *testing.T, db string) string {
		pkg := packageFor(t, db, "FM")
		writePackage(t, db, pkg[:len(pkg)*2/3])
		return db
	}},
	"a package signed by a key not registered here": {args: []string{"unpack", "PKG"}, prepare: func(t *testing.T, db string) string {
		writePackage(t, db, packageFor(t, db, "FM"))
		// The federation's register loses FM's key: a new database, with
		// the federation's key and the draft, but no chamber's.
		other := filepath.Join(t.TempDir(), "other.db")
		backup := filepath.Join(filepath.Dir(db), "fed.backup")
		mustCtl(t, db, "keys", "backup", "--out", backup)
		mustCtl(t, other, "keys", "import", backup, "--passphrase-file", filepath.Join(filepath.Dir(db), "fed.pass"))
		if err := os.Rename(other, db+".other"); err != nil {
			t.Fatal(err)
		}
		return db + ".other"
	}},
	"a chamber's package given to a chamber's laptop": {args: []string{"unpack", "PKG"}, prepare: func(t *testing.T, db string) string {
		pkg := packageFor(t, db, "FM")
		sm := filepath.Join(t.TempDir(), "sm.db")
		mustCtl(t, sm, "keys", "init", "--role", "SM", "--passphrase-file", writeFile(t, "sm.pass", []byte("souss-massa-2026\n")))
		writePackage(t, sm, pkg)
		return sm
	}},
	"the federation's passphrase mistyped, to `decide`": {args: []string{"decide", "FM-00000000", "accept", "--passphrase-file", "PASS"}, prepare: func(t *testing.T, db string) string {
		packageFor(t, db, "FM")
		return db
	}},
	"a database another program holds for more than a second": {args: []string{"propose", "--chamber", "FM", "--article", "1", "--repeal", "--why", "سبب"}, prepare: func(t *testing.T, db string) string {
		held, err := boltstore.Open(db, boltstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { held.Close() })
		return db
	}},
}

// The README's table of bad input is true: each row, run, is refused with
// the sentence it quotes, exit status 1, and nothing written.
func TestReadmeBadInputTable(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`(?m)^\| (.+?) \| «(.+)» \|$`)
	rows := row.FindAllStringSubmatch(string(readme), -1)
	seen := map[string]bool{}
	for _, r := range rows {
		given, says := r[1], r[2]
		c, ok := badInputs[given]
		if !ok {
			continue // another table's row
		}
		seen[given] = true
		t.Run(given, func(t *testing.T) {
			db, _ := importSample(t)
			if c.prepare != nil {
				db = c.prepare(t, db)
			}
			args := append([]string(nil), c.args...)
			for i, a := range args {
				switch a {
				case "FILE":
					args[i] = writeFile(t, "input", c.file)
				case "PKG":
					args[i] = packagePath(db)
				case "PASS":
					args[i] = writeFile(t, "wrong.pass", []byte("not-the-passphrase\n"))
				}
			}
			var before []byte
			if info, err := os.Stat(db); err == nil && info.Mode().IsRegular() {
				before, _ = os.ReadFile(db)
			}
			out, errOut, code := ctl(t, db, "", args...)
			if code != exitError || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, says) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and one line saying «%s»", code, out, errOut, says)
			}
			if before != nil {
				if after, _ := os.ReadFile(db); !bytes.Equal(after, before) {
					t.Error("the database changed")
				}
			}
		})
	}
	for given := range badInputs {
		if !seen[given] {
			t.Errorf("the README's table of bad input has no row %q any more: update this test with the README", given)
		}
	}
}

// packagePath is where a case of the table writes the package it gives,
// beside the database it was made for.
func packagePath(db string) string {
	return filepath.Join(filepath.Dir(strings.TrimSuffix(db, ".other")), "given.statpkg")
}

func writePackage(t *testing.T, db string, data []byte) {
	t.Helper()
	if err := os.WriteFile(packagePath(db), data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// zipOf is a zip archive holding one file.
func zipOf(name, content string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create(name)
	if err == nil {
		_, err = w.Write([]byte(content))
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		panic(err)
	}
	return b.Bytes()
}
