package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"statute/drafts"
	"statute/drafts/round"
)

// statutectl is the legal staff's tool: it decides as the federation. On a
// database that holds the federation's key, deciding needs its passphrase
// (--passphrase-file or the terminal); one that holds a chamber's key does
// not decide; one without keys decides as before keys existed.

var cmdDecide = &command{
	name: "decide",
	args: "AMENDMENT accept|accept-with-changes|reject|supersede [--text T | --text-file F] [--replaces ID,…] [--note T] [--passphrase-file F]",
	summary: "record the federation's decision on a submitted amendment, as the next entry of the decision log;\n" +
		"deciding again revises it by a later entry; prints the amendment's ID, the decision and its entry",
	positional: 2,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		text := fs.String("text", "", "the wording the federation adopts (accept-with-changes)")
		textFile := fs.String("text-file", "", "read the adopted wording from `FILE` (- for standard input)")
		replaces := fs.String("replaces", "", "the submitted amendments a supersede replaces, as `ID,ID,…`; AMENDMENT is the federation's synthesis")
		note := fs.String("note", "", "why, in a sentence or two")
		passFile := fs.String("passphrase-file", "", "on the federation's laptop, read its key's passphrase from the first line of `FILE` instead of asking on the terminal")
		return func(c *ctx, args []string) error {
			if *text != "" && *textFile != "" {
				return usagef("give the adopted wording once: inline or from a file, not both")
			}
			verdict, err := drafts.ParseVerdict(args[1])
			if err != nil {
				return usagef("%v", err)
			}
			wording, err := textArg(c, *text, *textFile)
			if err != nil {
				return err
			}
			var ids []string
			for _, id := range strings.Split(*replaces, ",") {
				if id = strings.TrimSpace(id); id != "" {
					ids = append(ids, id)
				}
			}
			s, err := c.open(true)
			if err != nil {
				return err
			}
			r := round.New(s)
			if err := c.unlockFederation(r, *passFile); err != nil {
				return err
			}
			d, err := r.Decide(drafts.Federation, args[0], verdict, wording, ids, strings.TrimSpace(*note))
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "%s\t%s\tentry %d\n", d.Amendment, d.Verdict, d.Seq)
			return nil
		}
	},
}

var cmdLog = &command{
	name: "log",
	args: "[verify] [--amendment ID] [--draft DRAFT]",
	summary: "list the decision log, oldest first: entry, time (UTC), who, decision, amendment, note;\n" +
		"'log verify' checks every entry's hash and its chain to the one before, and names the first entry\n" +
		"altered, removed or reordered (exit 1)",
	positional: 0,
	optional:   1,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		amendment := fs.String("amendment", "", "only the entries about the amendment `ID` (decided, or replaced)")
		draftID := fs.String("draft", "", "only the entries about amendments to `DRAFT`")
		return func(c *ctx, args []string) error {
			verify := len(args) == 1
			if verify && args[0] != "verify" {
				return usagef("unknown argument %q: the one argument log takes is verify", args[0])
			}
			if verify && (*amendment != "" || *draftID != "") {
				return usagef("log verify checks the whole log: it takes no --amendment or --draft")
			}
			s, err := c.open(false)
			if err != nil {
				return err
			}
			entries, err := s.Decisions(drafts.DecisionFilter{DraftID: *draftID, Amendment: *amendment})
			if err != nil {
				return err
			}
			if verify {
				// The store checked the chain as it read the log; checked
				// again here on what was read, so that the command says
				// only what VerifyLog itself found.
				if err := drafts.VerifyLog(entries); err != nil {
					return err
				}
				fmt.Fprintf(c.stdout, "verified: %s, each chained to the one before by its SHA-256\n", entriesCount(len(entries)))
				return nil
			}
			if len(entries) == 0 {
				fmt.Fprintln(c.stderr, "No decisions yet: record one with 'statutectl decide'.")
			}
			for _, e := range entries {
				fmt.Fprintf(c.stdout, "%d\t%s\t%s\t%s\t%s\t%s\n", e.Seq, e.At.UTC().Format(time.RFC3339), e.By, e.Verdict,
					decided(&e), oneLineText(e.Note))
			}
			return nil
		}
	},
}

// decided names what an entry decides: the amendment, and for a supersede
// those it replaces.
func decided(e *drafts.Decision) string {
	if len(e.Replaces) == 0 {
		return e.Amendment
	}
	return e.Amendment + " replaces " + strings.Join(e.Replaces, ",")
}

// oneLineText is a text on one line, with nothing a terminal acts on.
func oneLineText(s string) string {
	return strings.Join(strings.Fields(drafts.Visible(s)), " ")
}

func entriesCount(n int) string {
	switch n {
	case 0:
		return "no entries"
	case 1:
		return "one entry"
	}
	return fmt.Sprintf("%d entries", n)
}
