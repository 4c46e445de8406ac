package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"golang.org/x/term"

	"statute/drafts"
	"statute/drafts/exchange"
	"statute/drafts/export"
	"statute/drafts/keys"
	"statute/drafts/round"
)

// The laptop's key pair and the register of the other sides' keys.
// Passphrases come from --passphrase-file or a prompt on the terminal,
// never from a flag's value, which other users of the machine could read
// in its list of processes.

var cmdKeys = &command{
	name: "keys",
	args: "[init --role CODE | export --out FILE | backup --out FILE | import FILE] [--passphrase-file F] [--yes]",
	summary: "without arguments: this laptop's role and key fingerprint, and the keys it has registered;\n" +
		"init makes the key pair for a role (the passphrase protects it); export writes the public-key file for the other side;\n" +
		"backup writes the key pair protected by its passphrase (the federation's, to move it to a new laptop); import takes one in",
	optional: 2,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		role := fs.String("role", "", "the chamber `CODE` (or FED) the key pair is for")
		out := fs.String("out", "", "the `FILE` to write")
		passFile := fs.String("passphrase-file", "", "read the passphrase from the first line of `FILE` instead of asking on the terminal")
		yes := fs.Bool("yes", false, "confirm a change of role without asking")
		return func(c *ctx, args []string) error {
			sub := ""
			if len(args) > 0 {
				sub = args[0]
			}
			switch {
			case sub == "" && len(args) == 0:
				return c.showKeys()
			case sub == "init" && len(args) == 1:
				if *role == "" {
					return usagef("say whose key pair it is: keys init --role CODE")
				}
				return c.initKey(*role, *passFile, *yes)
			case (sub == "export" || sub == "backup") && len(args) == 1:
				if *out == "" {
					return usagef("say where to write it: --out FILE")
				}
				return c.exportKey(sub == "backup", *out)
			case sub == "import" && len(args) == 2:
				return c.importKey(args[1], *passFile, *yes)
			}
			return usagef("unknown keys command %q: use init, export, backup or import FILE", strings.Join(args, " "))
		}
	},
}

// identity is the laptop's key pair. NotFound: it has none.
func (c *ctx) identity() (*drafts.Identity, error) {
	s, err := c.open(false)
	if err != nil {
		return nil, err
	}
	id, err := s.Identity()
	if drafts.IsKind(err, drafts.NotFound) {
		return nil, drafts.Errorf(drafts.NotFound, "this laptop has no key pair yet: make one with 'statutectl keys init --role CODE'")
	}
	return id, err
}

func (c *ctx) showKeys() error {
	id, err := c.identity()
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "role\t%s\t%s\n", id.Role, roleName(id.Role))
	fmt.Fprintf(c.stdout, "fingerprint\t%s\n", keys.Fingerprint(id.Public))
	fmt.Fprintf(c.stdout, "made\t%s\n", id.Made.Local().Format(time.DateTime))
	reg, err := c.store.Register()
	if err != nil {
		return err
	}
	cur := drafts.CurrentKeys(reg)
	for _, p := range drafts.Parties() {
		if k, ok := cur[p.Code]; ok {
			line := fmt.Sprintf("registered\t%s\t%s\t%s %s", k.Role, keys.Fingerprint(k.Public), k.How, k.At.Local().Format(time.DateTime))
			if len(k.Replaces) > 0 {
				line += "\treplaces " + keys.Fingerprint(k.Replaces)
			}
			fmt.Fprintln(c.stdout, line)
		}
	}
	return nil
}

func roleName(code string) string {
	ch, err := drafts.ChamberByCode(code)
	if err != nil {
		return ""
	}
	return ch.Name()
}

func (c *ctx) initKey(role, passFile string, yes bool) error {
	s, err := c.open(true)
	if err != nil {
		return err
	}
	if _, err := drafts.ChamberByCode(role); err != nil {
		return err
	}
	// Asked before the passphrase: a refusal needs none.
	_, err = exchange.MakeKey(s, role, nil, false)
	switch {
	case exchange.NeedsConfirmation(err):
		if !yes {
			if err := c.confirmRoleChange(err); err != nil {
				return err
			}
		}
	case err != nil && !drafts.IsKind(err, drafts.Invalid):
		return err
	}
	pass, err := c.passphrase(passFile, "New passphrase for the key of "+strings.ToUpper(role), true)
	if err != nil {
		return err
	}
	id, err := exchange.MakeKey(s, role, pass, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "role\t%s\nfingerprint\t%s\n", id.Role, keys.Fingerprint(id.Public))
	return nil
}

func (c *ctx) exportKey(backup bool, out string) error {
	id, err := c.identity()
	if err != nil {
		return err
	}
	data := keys.MarshalPublic(id.Role, id.Public)
	if backup {
		data = keys.MarshalBackup(id)
	}
	if err := writeWhole(out, data); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s\t%s\t%s\n", out, id.Role, keys.Fingerprint(id.Public))
	return nil
}

func (c *ctx) importKey(file, passFile string, yes bool) error {
	text, err := readInput(c.stdin, file, keys.MaxBackupFile, "a key backup")
	if err != nil {
		return err
	}
	data := []byte(text)
	if _, err := keys.ParseBackup(data); err != nil {
		return err
	}
	s, err := c.open(true)
	if err != nil {
		return err
	}
	pass, err := c.passphrase(passFile, "Passphrase of the key in "+file, false)
	if err != nil {
		return err
	}
	id, err := exchange.ImportKey(s, data, pass, yes)
	if exchange.NeedsConfirmation(err) {
		if err := c.confirmRoleChange(err); err != nil {
			return err
		}
		id, err = exchange.ImportKey(s, data, pass, true)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "role\t%s\nfingerprint\t%s\n", id.Role, keys.Fingerprint(id.Public))
	return nil
}

var cmdTrust = &command{
	name: "trust",
	args: "FILE [--yes] [--replace [--note T]]",
	summary: "register the other side's public key, from its public-key file (or from a package it signed, on first contact);\n" +
		"shows the role and fingerprint and asks to confirm unless --yes: compare the fingerprint with the other side by phone first",
	positional: 1,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		yes := fs.Bool("yes", false, "register without asking")
		replace := fs.Bool("replace", false, "replace the key registered for that role (a chamber's new laptop)")
		note := fs.String("note", "", "why the key is replaced, kept in the register")
		return func(c *ctx, args []string) error {
			text, err := readInput(c.stdin, args[0], exchange.MaxSize, "a public-key file or a package")
			if err != nil {
				return err
			}
			data := []byte(text)
			role, pub, how := "", []byte(nil), drafts.TrustedFromFile
			if bytes.HasPrefix(data, []byte(exchange.Magic)) {
				p, err := exchange.Read(data)
				if err != nil {
					return err
				}
				role, pub, how = p.From, p.Key, drafts.TrustedOnContact
			} else if role, pub, err = keys.ParsePublic(data); err != nil {
				return err
			}
			s, err := c.open(true)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "role\t%s\t%s\nfingerprint\t%s\n", role, roleName(role), keys.Fingerprint(pub))
			if !*yes {
				ok, err := c.ask(fmt.Sprintf("Is this the fingerprint %s reads to you? Register this key for %s? [y/N] ", role, role))
				if err != nil || !ok {
					return errors.Join(drafts.Errorf(drafts.Conflict, "nothing registered"), err)
				}
			}
			k, err := exchange.Trust(s, role, pub, how, *replace, strings.TrimSpace(*note))
			if err != nil {
				if e, ok := err.(*drafts.Error); ok && e.ID == "keys.replace-needed" {
					return drafts.Errorf(drafts.Conflict, "%s: run trust again with --replace", strings.TrimSuffix(e.Message, "; confirm the replacement"))
				}
				return err
			}
			fmt.Fprintf(c.stdout, "registered\t%s\tentry %d\n", k.Role, k.Seq)
			return nil
		}
	},
}

var cmdPack = &command{
	name: "pack",
	args: "--out FILE|FOLDER [--draft DRAFT] [--passphrase-file F]",
	summary: "make this laptop's signed package: the federation's holds the latest draft version (with every earlier one,\n" +
		"its decisions and syntheses); a chamber's its submitted and withdrawn amendments. A FOLDER gets the package under its own name",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		out := fs.String("out", "", "the `FILE` to write, or a folder (a synchronized one) to write it into")
		draftID := fs.String("draft", "", "the `DRAFT` (default: the one imported last)")
		passFile := fs.String("passphrase-file", "", "read the passphrase from the first line of `FILE` instead of asking on the terminal")
		return func(c *ctx, _ []string) error {
			if *out == "" {
				return usagef("say where to write the package: --out FILE or --out FOLDER")
			}
			s, err := c.open(false)
			if err != nil {
				return err
			}
			r := round.New(s)
			if err := c.unlock(r, *passFile); err != nil {
				return err
			}
			data, name, err := exchange.Pack(r, *draftID, time.Now())
			if err != nil {
				return err
			}
			path := *out
			if st, err := os.Stat(path); err == nil && st.IsDir() {
				path = filepath.Join(path, name)
			}
			if err := writeWhole(path, data); err != nil {
				return err
			}
			p, err := exchange.Read(data)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "%s\t%s package of %s\tdraft %s version %d\t%d amendments", path, p.Kind, p.From, p.DraftID, p.Version, len(p.Amendments))
			if p.Kind == exchange.KindDraft {
				fmt.Fprintf(c.stdout, "\t%d decisions", len(p.Decisions))
			}
			fmt.Fprintln(c.stdout)
			return nil
		}
	},
}

var cmdUnpack = &command{
	name: "unpack",
	args: "FILE [FILE…]",
	summary: "verify packages and take each in, in one write, after one backup: one line per amendment (new, updated,\n" +
		"unchanged, refused and why) or draft version; exit 1 when a whole package is refused (altered, unknown key, not for this laptop)",
	positional: 1,
	optional:   1000,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		return func(c *ctx, args []string) error {
			s, err := c.open(true)
			if err != nil {
				return err
			}
			im := &exchange.Importer{Store: s}
			var refused []error
			for _, file := range args {
				prefix := ""
				if len(args) > 1 {
					prefix = filepath.Base(file) + "\t"
				}
				text, err := readInput(c.stdin, file, exchange.MaxSize, "a package")
				var rep *exchange.Report
				if err == nil {
					rep, err = im.Import([]byte(text), filepath.Base(file))
				}
				if err != nil {
					err = unpackError(err, file)
					if len(args) == 1 {
						return err
					}
					fmt.Fprintf(c.stdout, "%srefused\t%s\n", prefix, oneLine(err))
					refused = append(refused, err)
					continue
				}
				c.printReport(rep, prefix)
			}
			if len(refused) > 0 {
				return drafts.Errorf(drafts.KindOf(refused[0]), "%d of %d packages refused (see above); the others were taken in", len(refused), len(args))
			}
			return nil
		}
	},
}

// unpackError adds to the refusal of an unknown key how to register it.
func unpackError(err error, file string) error {
	if exchange.IsUnknownKey(err) {
		e := *err.(*drafts.Error)
		e.Message += " ('statutectl trust " + file + "' shows it and registers it)"
		return &e
	}
	return err
}

// printReport prints one line per line of rep, each prefixed by prefix,
// then a summary.
func (c *ctx) printReport(rep *exchange.Report, prefix string) {
	if rep.Seen != nil {
		fmt.Fprintf(c.stderr, "%sthis package was imported already, on %s: nothing changed\n", prefix, rep.Seen.Took.Local().Format(time.DateTime))
	} else if rep.Older {
		fmt.Fprintf(c.stderr, "%sthis package brings nothing newer than the last from %s: nothing changed\n", prefix, rep.Package.From)
	}
	for _, l := range rep.Lines {
		switch {
		case l.Amendment == "":
			fmt.Fprintf(c.stdout, "%s%s\tversion %d of draft %s\n", prefix, l.Outcome, l.Version, rep.Package.DraftID)
		case l.Decision != nil:
			fmt.Fprintf(c.stdout, "%sdecided\t%s\t%s\tarticle %s\t%s\n", prefix, l.Amendment, l.Chamber, l.Article, l.Decision.Verdict)
		default:
			line := fmt.Sprintf("%s%s\t%s\t%s\tarticle %s\t%s\t%s", prefix, l.Outcome, l.Amendment, l.Chamber, l.Article, l.Kind, l.Status)
			if l.Note != nil {
				line += "\t" + oneLine(l.Note)
			}
			fmt.Fprintln(c.stdout, line)
		}
	}
	if rep.Decisions > 0 {
		fmt.Fprintf(c.stdout, "%s%d new entries of the federation's decision log\n", prefix, rep.Decisions)
	}
	fmt.Fprintf(c.stderr, "%s%s from %s: %d new, %d updated, %d unchanged, %d refused\n", prefix, rep.Package.Kind, rep.Package.From,
		rep.Count(exchange.New), rep.Count(exchange.Updated), rep.Count(exchange.Unchanged), rep.Count(exchange.Refused))
}

// unlock opens the laptop's key for r when it has one, with the
// passphrase from passFile or the terminal.
func (c *ctx) unlock(r *round.Round, passFile string) error {
	id, err := r.Identity()
	if err != nil || id == nil {
		return err
	}
	pass, err := c.passphrase(passFile, "Passphrase of the key of "+id.Role, false)
	if err != nil {
		return err
	}
	return r.Unlock(pass)
}

// unlockFederation opens the federation's key for r when the database
// holds it: the federation's decisions need it. Other databases are left
// to the round's rules.
func (c *ctx) unlockFederation(r *round.Round, passFile string) error {
	id, err := r.Identity()
	if err != nil || id == nil || id.Role != drafts.FederationCode {
		return err
	}
	return c.unlock(r, passFile)
}

// passphrase reads a passphrase from the first line of file, or asks on
// the terminal (twice when confirm, for a new one).
func (c *ctx) passphrase(file, prompt string, confirm bool) ([]byte, error) {
	if file != "" {
		data, err := readInput(c.stdin, file, 4<<10, "a passphrase file")
		if err != nil {
			return nil, err
		}
		line, _, _ := strings.Cut(data, "\n")
		return []byte(strings.TrimSuffix(line, "\r")), nil
	}
	f, ok := c.stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil, usagef("there is no terminal to ask the passphrase on: give --passphrase-file FILE")
	}
	fmt.Fprint(c.stderr, prompt+": ")
	pass, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(c.stderr)
	if err != nil {
		return nil, drafts.Wrap(drafts.Unavailable, err, "the passphrase could not be read: %v", err)
	}
	if confirm {
		fmt.Fprint(c.stderr, "The same passphrase again: ")
		again, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(c.stderr)
		if err != nil {
			return nil, drafts.Wrap(drafts.Unavailable, err, "the passphrase could not be read: %v", err)
		}
		if !bytes.Equal(pass, again) {
			return nil, drafts.Errorf(drafts.Invalid, "the two passphrases differ: nothing changed; try again")
		}
	}
	return pass, nil
}

// confirmRoleChange asks the person to confirm what the refusal why says
// a change of the laptop's key pair means, and returns nil once they do.
func (c *ctx) confirmRoleChange(why error) error {
	ok, err := c.ask(oneLine(why) + "\nGo ahead? [y/N] ")
	if err != nil || !ok {
		return errors.Join(drafts.Errorf(drafts.Conflict, "nothing changed: the laptop keeps its key pair"), err)
	}
	return nil
}

// ask asks a yes-or-no question on stderr and reads the answer from
// standard input.
func (c *ctx) ask(question string) (bool, error) {
	fmt.Fprint(c.stderr, question)
	line, err := bufio.NewReader(c.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return false, err
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "o", "oui", "نعم":
		return true, nil
	}
	return false, nil
}

// writeWhole writes data to path whole or not at all (export.WriteFile):
// a package or key file half-written is never left where it is expected.
func writeWhole(path string, data []byte) error {
	return export.WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

var cmdWatch = &command{
	name: "watch",
	args: "DIR [--every 30s] [--once]",
	summary: "take in the packages that arrive in DIR (a shared drive, or a folder a sync engine keeps), with unpack's checks,\n" +
		"until interrupted; each one is reported as unpack reports it, prefixed by its file. The database is held only\n" +
		"while a package is taken in, so the app can run beside it",
	positional: 1,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		every := fs.Duration("every", exchange.DefaultRescan, "look at the whole folder this often, besides the changes the system reports")
		once := fs.Bool("once", false, "take in what DIR holds now, and stop")
		return func(c *ctx, args []string) error {
			if *every < time.Second {
				return usagef("--every must be a second or more")
			}
			s, err := c.openBrief()
			if err != nil {
				return err
			}
			report := func(e exchange.Event) {
				prefix := filepath.Base(e.File) + "\t"
				if e.Err != nil {
					fmt.Fprintf(c.stdout, "%srefused\t%s\n", prefix, oneLine(unpackError(e.Err, e.File)))
					return
				}
				c.printReport(e.Report, prefix)
			}
			if *once {
				evs, err := exchange.ScanOnce(s, args[0])
				for _, e := range evs {
					report(e)
				}
				return err
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			fmt.Fprintf(c.stderr, "watching %s (every %s); Ctrl+C stops\n", args[0], *every)
			return exchange.Watch(ctx, s, args[0], *every, report)
		}
	},
}
