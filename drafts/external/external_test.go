package external_test

import (
	"context"
	"errors"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"statute/drafts"
	"statute/drafts/external"
)

// fakeSystem is a machine with the given commands on its PATH, the given
// environment and the given files.
func fakeSystem(goos string, onPath map[string]string, env map[string]string, files ...string) external.Lookup {
	return external.Lookup{
		OS: goos,
		LookPath: func(name string) (string, error) {
			if p, ok := onPath[name]; ok {
				return p, nil
			}
			return "", exec.ErrNotFound
		},
		Getenv: func(k string) string { return env[k] },
		IsFile: func(path string) bool {
			for _, f := range files {
				if f == path {
					return true
				}
			}
			return false
		},
	}
}

func TestFindPrefersThePATHThenTheInstallFolders(t *testing.T) {
	winEnv := map[string]string{
		"ProgramFiles":      `C:\Program Files`,
		"ProgramFiles(x86)": `C:\Program Files (x86)`,
		"LocalAppData":      `C:\Users\fm\AppData\Local`,
	}
	for _, c := range []struct {
		name string
		l    external.Lookup
		p    external.Program
		want string
	}{
		{"soffice on the PATH", fakeSystem("linux", map[string]string{"soffice": "/usr/bin/soffice"}, nil), external.LibreOffice, "/usr/bin/soffice"},
		{"only the libreoffice command", fakeSystem("linux", map[string]string{"libreoffice": "/usr/bin/libreoffice"}, nil), external.LibreOffice, "/usr/bin/libreoffice"},
		{"nothing on Linux", fakeSystem("linux", nil, nil, "/Applications/LibreOffice.app/Contents/MacOS/soffice"), external.LibreOffice, ""},
		{"LibreOffice in Program Files (x86)", fakeSystem("windows", nil, winEnv, `C:\Program Files (x86)\LibreOffice\program\soffice.exe`), external.LibreOffice,
			`C:\Program Files (x86)\LibreOffice\program\soffice.exe`},
		{"Edge when Chrome is absent", fakeSystem("windows", nil, winEnv, `C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe`), external.Chromium,
			`C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe`},
		{"Chrome installed for one user", fakeSystem("windows", nil, winEnv, `C:\Users\fm\AppData\Local\Google\Chrome\Application\chrome.exe`), external.Chromium,
			`C:\Users\fm\AppData\Local\Google\Chrome\Application\chrome.exe`},
		{"a 32-bit Windows has no Program Files (x86)", fakeSystem("windows", nil, map[string]string{"ProgramFiles": `C:\Program Files`}, `\LibreOffice\program\soffice.exe`), external.LibreOffice, ""},
		{"LibreOffice.app", fakeSystem("darwin", nil, nil, "/Applications/LibreOffice.app/Contents/MacOS/soffice"), external.LibreOffice,
			"/Applications/LibreOffice.app/Contents/MacOS/soffice"},
		{"Homebrew's poppler on an Apple silicon Mac", fakeSystem("darwin", nil, nil, "/opt/homebrew/bin/pdftotext"), external.PDFToText, "/opt/homebrew/bin/pdftotext"},
		{"the PATH before the folders", fakeSystem("darwin", map[string]string{"pdftotext": "/Users/fm/bin/pdftotext"}, nil, "/opt/homebrew/bin/pdftotext"), external.PDFToText,
			"/Users/fm/bin/pdftotext"},
		{"google-chrome on Linux", fakeSystem("linux", map[string]string{"google-chrome": "/opt/google/chrome/google-chrome"}, nil), external.Chromium, "/opt/google/chrome/google-chrome"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.l.Find(c.p); got != c.want {
				t.Errorf("Find(%s) = %q, want %q", c.p.Name, got, c.want)
			}
		})
	}
}

func TestRunSaysWhatFailed(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the programs run here are POSIX shell commands")
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	out, err := external.Run(context.Background(), time.Minute, "the test", sh, t.TempDir(), "-c", "echo done")
	if err != nil || strings.TrimSpace(string(out)) != "done" {
		t.Fatalf("got %q, %v; want its output", out, err)
	}
	_, err = external.Run(context.Background(), time.Minute, "LibreOffice", sh, "", "-c", "echo starting >&2; echo 'Error: source file could not be loaded' >&2; exit 1")
	if !drafts.IsKind(err, drafts.Unavailable) || !strings.Contains(err.Error(), "LibreOffice stopped with an error (Error: source file could not be loaded)") {
		t.Errorf("a failing program: got %v, want Unavailable naming it and its last line", err)
	}
	_, err = external.Run(context.Background(), 50*time.Millisecond, "pdftotext", sh, "", "-c", "exec sleep 5")
	if !drafts.IsKind(err, drafts.Unavailable) || !strings.Contains(err.Error(), "pdftotext did not finish within 50ms and was stopped") {
		t.Errorf("a program out of time: got %v, want Unavailable saying it was stopped", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err = external.Run(ctx, time.Minute, "pdftotext", sh, "", "-c", "exec sleep 5"); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled run: got %v, want context.Canceled", err)
	}
	_, err = external.Run(context.Background(), time.Minute, "pdftotext", "/nonexistent/pdftotext", "")
	if !drafts.IsKind(err, drafts.Unavailable) {
		t.Errorf("a program that is not there: got %v, want Unavailable", err)
	}
}
