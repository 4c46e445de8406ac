package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"statute/drafts"
	"statute/drafts/boltstore"
)

// Exit codes: scripts tell a refused request from a mistyped command.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// A command is one verb of statutectl.
type command struct {
	name    string
	args    string // the synopsis after the name
	summary string
	// run does the work; flags are parsed into the command's own FlagSet
	// by setup, and positional arguments come in args.
	setup func(fs *flag.FlagSet) func(c *ctx, args []string) error
	// positional is the number of positional arguments the command takes,
	// and optional how many more it may take.
	positional, optional int
}

// ctx carries what every command needs.
type ctx struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	dbPath         string
	store          drafts.Store
	bolt           *boltstore.Store // the same store, for what only a file has (a copy to a path)
}

// usageError is a mistake in how statutectl was called: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

var commands []*command

func init() {
	commands = []*command{
		cmdImport, cmdDrafts, cmdVersions, cmdArticles, cmdOutline, cmdShow, cmdChambers,
		cmdCheck, cmdBackup, cmdBackups, cmdRestore, cmdSeed, cmdPropose, cmdSubmit, cmdWithdraw, cmdDelete, cmdAmendments, cmdDiff, cmdCompare, cmdCompareVersions, cmdRenumber,
		cmdDecide, cmdLog, cmdConsolidate, cmdResolve, cmdExport,
		cmdKeys, cmdTrust, cmdPack, cmdUnpack, cmdWatch, cmdVersion,
	}
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	code, _ := execute(args, stdin, stdout, stderr)
	return code
}

// execute runs one command line and returns its exit code and, when the
// command was refused or failed, the error it said on stderr.
func execute(args []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	c := &ctx{stdin: stdin, stdout: stdout, stderr: stderr}
	defer func() {
		if c.store != nil {
			if err := c.store.Close(); err != nil {
				fmt.Fprintf(stderr, "statutectl: closing the database: %v\n", err)
			}
		}
	}()

	global := flag.NewFlagSet("statutectl", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.StringVar(&c.dbPath, "db", "", "")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout)
			return exitOK, nil
		}
		fmt.Fprintf(stderr, "statutectl: %v\n", err)
		fmt.Fprintln(stderr, "Run 'statutectl help' for usage.")
		return exitUsage, nil
	}
	rest := global.Args()
	if len(rest) == 0 {
		usage(stderr)
		return exitUsage, nil
	}
	name, rest := rest[0], rest[1:]
	if name == "help" {
		return help(rest, stdout, stderr), nil
	}
	cmd := lookup(name)
	if cmd == nil {
		fmt.Fprintf(stderr, "statutectl: unknown command %q\nRun 'statutectl help' for the list of commands.\n", name)
		return exitUsage, nil
	}

	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.dbPath, "db", c.dbPath, "the database file (default: $"+boltstore.EnvDB+", or the app's)")
	do := cmd.setup(fs)
	positional, err := parseInterspersed(fs, rest)
	if err == nil && (len(positional) < cmd.positional || len(positional) > cmd.positional+cmd.optional) {
		if cmd.optional > 0 {
			err = usagef("%s takes %s to %s", name, plural(cmd.positional, "argument"), plural(cmd.positional+cmd.optional, "argument"))
		} else {
			err = usagef("%s takes %s", name, plural(cmd.positional, "argument"))
		}
	}
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			commandUsage(stdout, cmd, fs)
			return exitOK, nil
		}
		fmt.Fprintf(stderr, "statutectl %s: %v\n", name, err)
		fmt.Fprintf(stderr, "Usage: statutectl %s %s\n", name, cmd.args)
		return exitUsage, nil
	}
	if err := do(c, positional); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "statutectl %s: %v\n", name, err)
			fmt.Fprintf(stderr, "Usage: statutectl %s %s\n", name, cmd.args)
			return exitUsage, nil
		}
		fmt.Fprintf(stderr, "statutectl: %s\n", oneLine(err))
		return exitError, err
	}
	return exitOK, nil
}

// parseInterspersed lets flags come before or after positional arguments
// ("import draft.md --title T"), which the flag package alone does not.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

func plural(n int, word string) string {
	switch n {
	case 0:
		return "no " + word + "s"
	case 1:
		return "one " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// path is the database the command works on.
func (c *ctx) path() (string, error) {
	if c.dbPath != "" {
		return c.dbPath, nil
	}
	return boltstore.DefaultPath()
}

// open opens the database for the command. Commands that only read refuse a
// missing database rather than creating an empty one.
func (c *ctx) open(write bool) (drafts.Store, error) {
	if c.store != nil {
		return c.store, nil
	}
	path, err := c.path()
	if err != nil {
		return nil, err
	}
	if !write {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, drafts.Errorf(drafts.NotFound, "there is no database at %s yet: import a draft first with 'statutectl import FILE'", path)
		}
	}
	s, err := boltstore.Open(path, boltstore.Options{ReadOnly: !write})
	if err != nil {
		return nil, err
	}
	c.store, c.bolt = s, s
	return s, nil
}

// openBrief opens the database for writing, held only while in use
// (boltstore.Options.Brief): for a command that runs for long beside
// the app.
func (c *ctx) openBrief() (drafts.Store, error) {
	path, err := c.path()
	if err != nil {
		return nil, err
	}
	s, err := boltstore.Open(path, boltstore.Options{Brief: true})
	if err != nil {
		return nil, err
	}
	c.store, c.bolt = s, s
	return s, nil
}

// draft returns the draft named by id, or the latest imported one.
func (c *ctx) draft(id string) (*drafts.Draft, error) {
	s, err := c.open(false)
	if err != nil {
		return nil, err
	}
	if id == "" {
		d, err := s.LatestDraft()
		if drafts.IsKind(err, drafts.NotFound) {
			return nil, drafts.Errorf(drafts.NotFound, "the database holds no draft yet: import one with 'statutectl import FILE'")
		}
		return d, err
	}
	return s.Draft(drafts.NormalizeID(id))
}

// draftAt is draft at one version: the latest when version is 0.
func (c *ctx) draftAt(id string, version int) (*drafts.Draft, error) {
	d, err := c.draft(id)
	if err != nil || version == 0 || version == d.Version {
		return d, err
	}
	if version < 0 || version > d.Version {
		return nil, drafts.Errorf(drafts.NotFound, "draft %s has no version %d: its versions are 1 to %d ('statutectl versions' lists them)", d.ID, version, d.Version)
	}
	return c.store.DraftVersion(d.ID, version)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "statutectl: the command-line companion of Statute Workbench.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: statutectl [--db PATH] COMMAND [ARGUMENTS]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, strings.ReplaceAll(c.summary, "\n", "\n"+strings.Repeat(" ", 14)))
	}
	fmt.Fprintf(w, "  %-11s %s\n", "help", "show this list, or 'help COMMAND' for one command's options")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "The database is --db PATH, else $%s, else the desktop app's own file.\n", boltstore.EnvDB)
	fmt.Fprintln(w, "Without --draft, commands work on the draft imported last.")
	fmt.Fprintln(w, "Articles are named as you read them: 4, ٤, الأولى, 2 مكررة, 2bis, 2-1.")
	fmt.Fprintln(w, "Exit status: 0 done, 1 refused or failed (one line on stderr says why), 2 wrong usage.")
}

func help(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	cmd := lookup(args[0])
	if cmd == nil {
		fmt.Fprintf(stderr, "statutectl help: unknown command %q\n", args[0])
		return exitUsage
	}
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	fs.String("db", "", "the database file (default: $"+boltstore.EnvDB+", or the app's)")
	cmd.setup(fs)
	commandUsage(stdout, cmd, fs)
	return exitOK
}

func commandUsage(w io.Writer, cmd *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: statutectl %s %s\n\n%s\n\nOptions:\n", cmd.name, cmd.args, cmd.summary)
	var lines []string
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		lines = append(lines, fmt.Sprintf("%-26s %s", line, usage))
	})
	sort.Strings(lines)
	fmt.Fprintln(w, strings.Join(lines, "\n"))
}
