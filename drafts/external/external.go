// Package external finds and runs the programs outside Statute Workbench
// that some exports and imports need: LibreOffice or a Chromium-based
// browser to print HTML to PDF, and poppler's pdftotext to read the text
// of a PDF. The domain keeps no PDF library of its own: none written in
// Go shapes Arabic (joins its letters and lays it out right to left),
// and those two programs do.
//
// A program is looked for, in this order, under each of its command names
// on the PATH, then in the folders its installers use on Windows
// (%ProgramFiles%, %ProgramFiles(x86)%, %LocalAppData%…) and on macOS
// (/Applications, Homebrew's and MacPorts' bin folders): an app started
// from the Windows Start menu or the macOS Dock does not see a PATH a
// user set in a shell. Where a program is found is not remembered: each
// export or import looks again, so that a program installed while the
// app runs is found without restarting it.
//
// Finding goes through a Lookup, which holds what it reads of the system
// (the PATH search, the environment, whether a file exists), so that
// tests find programs in a folder of their own, or none, whatever is
// installed on the machine that runs them.
package external

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"statute/drafts"
)

// A Program is an outside program and where it is usually installed.
type Program struct {
	// Name is how sentences name it: «LibreOffice».
	Name string
	// Commands are the names it is run by from the PATH, best first.
	Commands []string
	// Windows are its usual paths on Windows, each starting with the
	// environment variable of a folder: `%ProgramFiles%\LibreOffice\…`.
	Windows []string
	// MacOS are its usual paths on macOS.
	MacOS []string
}

// The programs the domain runs.
var (
	LibreOffice = Program{
		Name:     "LibreOffice",
		Commands: []string{"soffice", "libreoffice"},
		Windows: []string{
			`%ProgramFiles%\LibreOffice\program\soffice.exe`,
			`%ProgramFiles(x86)%\LibreOffice\program\soffice.exe`,
		},
		MacOS: []string{"/Applications/LibreOffice.app/Contents/MacOS/soffice"},
	}
	// Chromium is any Chromium-based browser: Chromium, Google Chrome or
	// Microsoft Edge print a page to PDF alike.
	Chromium = Program{
		Name:     "Chromium",
		Commands: []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable", "msedge", "chrome"},
		Windows: []string{
			`%ProgramFiles%\Google\Chrome\Application\chrome.exe`,
			`%ProgramFiles(x86)%\Google\Chrome\Application\chrome.exe`,
			`%LocalAppData%\Google\Chrome\Application\chrome.exe`,
			`%ProgramFiles(x86)%\Microsoft\Edge\Application\msedge.exe`,
			`%ProgramFiles%\Microsoft\Edge\Application\msedge.exe`,
			`%LocalAppData%\Chromium\Application\chrome.exe`,
		},
		MacOS: []string{
			"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
			"/Applications/Chromium.app/Contents/MacOS/Chromium",
			"/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
		},
	}
	// PDFToText is poppler's pdftotext. On Windows it comes in a zip
	// (poppler for Windows) that people unpack anywhere, so the PATH is
	// where it is mostly found; the folders below are those of the usual
	// package managers (Chocolatey, Scoop, conda) and of an unpacked
	// release put under Program Files.
	PDFToText = Program{
		Name:     "pdftotext",
		Commands: []string{"pdftotext"},
		Windows: []string{
			`%ProgramData%\chocolatey\bin\pdftotext.exe`,
			`%UserProfile%\scoop\shims\pdftotext.exe`,
			`%ProgramFiles%\poppler\Library\bin\pdftotext.exe`,
			`%ProgramFiles%\poppler\bin\pdftotext.exe`,
			`%LocalAppData%\poppler\Library\bin\pdftotext.exe`,
		},
		MacOS: []string{"/opt/homebrew/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/local/bin/pdftotext"},
	}
)

// A Lookup is what Find reads of the system. System is the machine's.
type Lookup struct {
	// OS is runtime.GOOS, or the system a test pretends to be.
	OS string
	// LookPath finds a command on the PATH, as exec.LookPath does.
	LookPath func(name string) (string, error)
	// Getenv reads an environment variable.
	Getenv func(key string) string
	// IsFile reports whether path is a file that exists.
	IsFile func(path string) bool
}

// System is the Lookup of the machine the program runs on.
func System() Lookup {
	return Lookup{OS: runtime.GOOS, LookPath: exec.LookPath, Getenv: os.Getenv, IsFile: isFile}
}

func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// Find returns the path of p, looked for on the PATH under each of its
// commands, then in its usual install folders for the system l names; ""
// when it is in none of them.
func (l Lookup) Find(p Program) string {
	for _, name := range p.Commands {
		if path, err := l.LookPath(name); err == nil && path != "" {
			return path
		}
	}
	var places []string
	switch l.OS {
	case "windows":
		for _, w := range p.Windows {
			if path, ok := l.expand(w); ok {
				places = append(places, path)
			}
		}
	case "darwin":
		places = p.MacOS
	}
	for _, path := range places {
		if l.IsFile(path) {
			return path
		}
	}
	return ""
}

// expand replaces the %VARIABLE% that starts a Windows path by its value;
// false when the variable is not set (%ProgramFiles(x86)% on a 32-bit
// Windows), as the path then names nothing.
func (l Lookup) expand(path string) (string, bool) {
	if !strings.HasPrefix(path, "%") {
		return path, true
	}
	name, rest, ok := strings.Cut(path[1:], "%")
	if !ok {
		return path, true
	}
	dir := l.Getenv(name)
	if dir == "" {
		return "", false
	}
	return strings.TrimRight(dir, `\/`) + rest, true
}

// The sentences this package says.
var (
	msgTimedOut = drafts.NewMessage("external.timed-out",
		"%s did not finish within %s and was stopped: try again, and close other programs if the computer is busy")
	msgFailed = drafts.NewMessage("external.failed",
		"%s stopped with an error (%s): check that it starts on its own, or reinstall it")
	msgTempDir = drafts.NewMessage("external.temp-dir",
		"a temporary folder could not be made (%v): check that the disk is not full")
)

// Run runs the program at path, named name in sentences, with args and
// dir as its working folder, stopping it after timeout, and returns what
// it wrote on its standard output. Unavailable: it could not be started,
// it failed (its last line on standard error is named) or it ran out of
// time; ctx's own error when ctx ends first.
func Run(ctx context.Context, timeout time.Duration, name, path, dir string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Dir = dir
	ownGroup(cmd)
	// A program that leaves helpers holding its output open must not
	// keep Run waiting after it is stopped.
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	switch {
	case err == nil:
		return stdout.Bytes(), nil
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return nil, msgTimedOut.Wrap(drafts.Unavailable, err, name, timeout)
	case ctx.Err() != nil:
		return nil, ctx.Err()
	}
	return nil, msgFailed.Wrap(drafts.Unavailable, err, name, lastLine(stderr.Bytes(), err))
}

// lastLine is the last line a program wrote on its standard error, which
// usually says why it failed, or err when it wrote none.
func lastLine(stderr []byte, err error) string {
	lines := strings.Split(strings.TrimSpace(string(stderr)), "\n")
	if last := strings.TrimSpace(lines[len(lines)-1]); last != "" {
		return last
	}
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err.Error()
	}
	return err.Error()
}

// TempDir makes a private folder for one run of a program: its input,
// its output and its profile (LibreOffice's and Chromium's, so that a run
// never shares the one of a window the user has open). The caller removes
// it with os.RemoveAll. Unavailable: the temporary folder is not writable.
func TempDir() (string, error) {
	dir, err := os.MkdirTemp("", "statute-")
	if err != nil {
		return "", msgTempDir.Wrap(drafts.Unavailable, err, err)
	}
	return filepath.Clean(dir), nil
}
