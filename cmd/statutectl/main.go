// Command statutectl is the command-line companion of Statute Workbench, for
// the federation's legal staff and for automation: it imports drafts, lists
// and shows articles, records amendments and prints their word diffs, on the
// same database as the desktop app.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"statute/drafts"
)

func main() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		// A command lives for milliseconds: collecting garbage costs it
		// more than it frees. The limit still bounds a large input.
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(256 << 20)
	}
	out := bufio.NewWriter(os.Stdout)
	code := run(os.Args[1:], os.Stdin, visibleWriter{out}, visibleWriter{os.Stderr})
	if err := out.Flush(); err != nil && code == exitOK {
		fmt.Fprintf(os.Stderr, "statutectl: writing the output: %v\n", err)
		code = exitError
	}
	os.Exit(code)
}

// visibleWriter passes text on with the characters a reader cannot see
// and a terminal may act on (escape sequences, NUL…; drafts.Invisible)
// shown as U+FFFD: amendments stored before they were refused must not
// drive the terminal. Each Write is a whole formatted string, so no
// character is split between two.
type visibleWriter struct{ w io.Writer }

func (v visibleWriter) Write(p []byte) (int, error) {
	if _, bad := drafts.Invisible(string(p)); !bad {
		return v.w.Write(p)
	}
	if _, err := io.WriteString(v.w, drafts.Visible(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
