// Command statutectl is the command-line companion of Statute Workbench, for
// the federation's legal staff and for automation: it imports drafts, lists
// and shows articles, records amendments and prints their word diffs, on the
// same database as the desktop app.
package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime/debug"
)

func main() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		// A command lives for milliseconds: collecting garbage costs it
		// more than it frees. The limit still bounds a large input.
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(256 << 20)
	}
	out := bufio.NewWriter(os.Stdout)
	code := run(os.Args[1:], os.Stdin, out, os.Stderr)
	if err := out.Flush(); err != nil && code == exitOK {
		fmt.Fprintf(os.Stderr, "statutectl: writing the output: %v\n", err)
		code = exitError
	}
	os.Exit(code)
}
