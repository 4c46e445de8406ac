package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"statute/drafts/export"
)

// needLibreOffice returns the commands that run LibreOffice's Python
// bridge: a python3 that imports uno, with soffice on PATH. Without them
// the test is skipped on a developer's machine, and fails under CI, whose
// run installs them.
func needLibreOffice(t *testing.T) string {
	t.Helper()
	missing := func(what string) string {
		msg := what + ": install libreoffice-writer-nogui and python3-uno to run this test"
		if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
			t.Fatal(msg)
		}
		t.Skip(msg)
		return ""
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		return missing("no soffice on PATH")
	}
	// Debian's bridge is for the system's Python, which a python3 earlier
	// on PATH (pyenv, a virtualenv) may not be.
	var candidates []string
	if p, err := exec.LookPath("python3"); err == nil {
		candidates = append(candidates, p)
	}
	candidates = append(candidates, "/usr/bin/python3")
	for _, p := range candidates {
		if exec.Command(p, "-c", "import uno").Run() == nil {
			return p
		}
	}
	return missing("no python3 that imports uno")
}

// officeReading is what LibreOffice reads in a Word file (see
// testdata/libreoffice.py).
type officeReading struct {
	Paragraphs [][2]string `json:"paragraphs"`
	Redlines   [][3]string `json:"redlines"`
	Accepted   [][2]string `json:"accepted"`
	Rejected   [][2]string `json:"rejected"`
}

// officeLines are LibreOffice's paragraphs as lines, its style names
// («Standard», «Heading 3») turned into Word's, the empty paragraphs that
// end the file left out.
func officeLines(ps [][2]string) []line {
	var out []line
	for _, p := range ps {
		style := strings.ReplaceAll(p[0], " ", "")
		if style == "Standard" {
			style = "Normal"
		}
		out = append(out, line{style, p[1]})
	}
	for len(out) > 0 && out[len(out)-1].text == "" {
		out = out[:len(out)-1]
	}
	return out
}

// stretches are the tracked changes a reviewer sees in a list: each run
// of revised text (and paragraph marks) of one kind, author and date, as
// LibreOffice joins them.
func stretches(paras []wordPara) []revision {
	var out []revision
	add := func(r revision, joins bool) {
		if n := len(out); joins && n > 0 && out[n-1].change == r.change && out[n-1].author == r.author && out[n-1].date == r.date {
			return
		}
		out = append(out, r)
	}
	joins := false // whether the last thing seen was revised
	for _, p := range paras {
		for _, r := range p.runs {
			if r.change == "" {
				joins = false
				continue
			}
			add(revision{r.change, r.author, r.date, ""}, joins)
			joins = true
		}
		if p.mark == "" {
			joins = false
		}
	}
	return out
}

// LibreOffice opens the tracked Word file and reads what Word would: the
// text with every change shown, each change with its chamber and date,
// and accepting them all gives version 2, rejecting them all version 1.
func TestWordTrackedInLibreOffice(t *testing.T) {
	python := needLibreOffice(t)
	tr := newTracked(t)
	b := exportTracked(t, tr)
	dir := t.TempDir()
	path := filepath.Join(dir, "tracked.docx")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, filepath.Join("testdata", "libreoffice.py"), path, filepath.Join(dir, "profile"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("LibreOffice could not read the file: %v\n%s", err, stderr.String())
	}
	var got officeReading
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}

	paras := wordDocument(t, b)
	var shown []line
	for _, p := range paras {
		var s strings.Builder
		for _, r := range p.runs {
			s.WriteString(r.text)
		}
		style := p.style
		if style == "" {
			style = "Normal"
		}
		shown = append(shown, line{style, s.String()})
	}
	for len(shown) > 0 && shown[len(shown)-1].text == "" {
		shown = shown[:len(shown)-1]
	}
	if d := linesDiffer(officeLines(got.Paragraphs), shown); d != "" {
		t.Errorf("LibreOffice reads the file with its changes shown otherwise: %s", d)
	}
	if d := linesDiffer(officeLines(got.Accepted), resolve(wordDocument(t, exportWord(t, tr.v2)), true)); d != "" {
		t.Errorf("accepting every change in LibreOffice does not give version 2: %s", d)
	}
	if d := linesDiffer(officeLines(got.Rejected), resolve(wordDocument(t, exportWord(t, tr.v1)), true)); d != "" {
		t.Errorf("rejecting every change in LibreOffice does not give version 1: %s", d)
	}

	var want [][3]string
	for _, r := range stretches(paras) {
		kind := map[string]string{"ins": "Insert", "del": "Delete"}[r.change]
		want = append(want, [3]string{kind, r.author, strings.TrimSuffix(r.date, "Z")})
	}
	if !slices.Equal(got.Redlines, want) {
		t.Errorf("LibreOffice lists the changes\n%v\nwant\n%v", got.Redlines, want)
	}
	authors := map[string]bool{}
	for _, r := range got.Redlines {
		authors[strings.Fields(r[1])[0]] = true
	}
	for _, code := range []string{"FM", "MS", "CS", "RSK", "DT", "SM", "FED"} {
		if !authors[code] {
			t.Errorf("no change LibreOffice lists is by %s", code)
		}
	}
}

// officeTable is what LibreOffice reads in the Word table (see
// testdata/libreoffice.py's --table mode).
type officeTable struct {
	Paragraphs [][2]string `json:"paragraphs"`
	Redlines   [][3]string `json:"redlines"`
	Landscape  bool        `json:"landscape"`
	HeaderRows int         `json:"headerRows"`
	SplitRows  int         `json:"splitRows"`
	Cells      [][]string  `json:"cells"`
	Pages      int         `json:"pages"`
}

// LibreOffice opens the comparative table as Word would lay it out: a
// landscape page, one table whose header row repeats and whose rows do
// not break, each cell reading what the table holds, and not one tracked
// change, so that accepting all changes leaves the proposals as they are.
// It prints it to PDF, a page per few rows.
func TestWordTableInLibreOffice(t *testing.T) {
	python := needLibreOffice(t)
	r, _ := tableRound(t)
	c := comparison(t, r, export.Request{})
	var b bytes.Buffer
	if err := export.WriteComparison(&b, c, export.Word); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path, pdf := filepath.Join(dir, "table.docx"), filepath.Join(dir, "table.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, filepath.Join("testdata", "libreoffice.py"), "--table", path, filepath.Join(dir, "profile"), pdf)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("LibreOffice could not read the file: %v\n%s", err, stderr.String())
	}
	var got officeTable
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got.Redlines) != 0 {
		t.Errorf("LibreOffice finds tracked changes in the table: %v", got.Redlines)
	}
	if !got.Landscape || got.HeaderRows != 1 || got.SplitRows != 0 {
		t.Errorf("LibreOffice lays the table out landscape: %v, repeating %d header rows, %d rows that may break; want landscape, 1, 0",
			got.Landscape, got.HeaderRows, got.SplitRows)
	}
	want := readWordTable(t, b.Bytes())
	var above []string
	for _, p := range got.Paragraphs {
		above = append(above, p[1])
	}
	if !slices.Equal(above, want.before) {
		t.Errorf("LibreOffice reads above the table\n%q\nwant\n%q", above, want.before)
	}
	if len(got.Cells) != len(c.Rows)+1 {
		t.Fatalf("LibreOffice reads %d rows, want the header and %d", len(got.Cells), len(c.Rows))
	}
	for i, row := range got.Cells {
		if !slices.Equal(row, want.cells[i]) {
			t.Errorf("LibreOffice reads row %d as\n%q\nwant\n%q", i, row, want.cells[i])
		}
		if i > 0 && (row[0] != c.Rows[i-1].Article || row[1] != c.Rows[i-1].Current) {
			t.Errorf("LibreOffice reads row %d's article and text as %q, %q", i, row[0], row[1])
		}
	}
	if got.Pages < 2 {
		t.Errorf("the table takes %d page, want more: its rows are too tall for one landscape page", got.Pages)
	}
	if p, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(p, []byte("%PDF-")) {
		t.Errorf("LibreOffice did not print the table to PDF: %v", err)
	}
}
