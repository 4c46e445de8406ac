package main

import (
	"flag"
	"fmt"
	"strings"

	"statute/drafts"
	"statute/drafts/round"
)

var cmdConsolidate = &command{
	name: "consolidate",
	args: "[--draft DRAFT] [--preview] [--passphrase-file F]",
	summary: "make the draft's next version from the accepted amendments: lists what each does to its article\n" +
		"and the conflicts to resolve (exit 1 while any remain); --preview also prints each article's new text\n" +
		"and stores nothing",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		draftID := fs.String("draft", "", "the `DRAFT` to consolidate (default: the latest imported)")
		preview := fs.Bool("preview", false, "print the consolidated articles and store nothing")
		passFile := fs.String("passphrase-file", "", "on the federation's laptop, read its key's passphrase from the first line of `FILE` instead of asking on the terminal")
		return func(c *ctx, _ []string) error {
			// Opened for writing before it is read, unless previewing: the
			// version made is of what was read.
			if _, err := c.open(!*preview); err != nil {
				return err
			}
			r := round.New(c.store)
			if !*preview {
				if err := c.unlockFederation(r, *passFile); err != nil {
					return err
				}
			}
			cons, err := r.Consolidate(*draftID)
			if err != nil {
				return err
			}
			word := cons.From.Word()
			changed, repealed, added := 0, 0, 0
			for _, o := range cons.Articles {
				var what string
				switch {
				case o.Inserted:
					what, added = "new", added+1
				case o.Repealed:
					what, repealed = "repealed", repealed+1
				default:
					what, changed = "changed", changed+1
				}
				var from []string
				for _, s := range o.Sources {
					from = append(from, s.Amendment)
				}
				fmt.Fprintf(c.stdout, "%s %s\t%s\t%s\n", word, o.Number, what, strings.Join(from, ", "))
				if *preview && !o.Repealed {
					for line := range strings.Lines(o.Text) {
						fmt.Fprintf(c.stdout, "    %s", line)
					}
					fmt.Fprintln(c.stdout)
				}
			}
			for _, ac := range cons.Conflicts {
				if ac.NumberTaken {
					fmt.Fprintf(c.stdout, "\nconflict: new articles ask for number %s, which the draft has\n", ac.Key)
				} else {
					fmt.Fprintf(c.stdout, "\nconflict in %s %s:\n", word, ac.Key)
				}
				for _, k := range ac.Conflicts {
					fmt.Fprintln(c.stdout, k.Diff3())
				}
			}
			if n := len(cons.Stale); n > 0 {
				fmt.Fprintf(c.stdout, "%s made on an earlier wording that its change collides with, not applied (stale): %s\n", plural(n, "accepted amendment"), strings.Join(cons.Stale, ", "))
			}
			fmt.Fprintf(c.stdout, "%d changed, %d repealed, %d new; %s to resolve; %s carried over\n",
				changed, repealed, added, plural(len(cons.Conflicts), "conflict"), plural(len(cons.Undecided), "undecided amendment"))
			switch {
			case len(cons.Conflicts) > 0:
				return round.ConflictsError(cons)
			case *preview:
				return nil
			}
			if err := r.StoreConsolidation(cons); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "%s\tversion %d\n", cons.Draft.ID, cons.Draft.Version)
			return nil
		}
	},
}

var cmdResolve = &command{
	name: "resolve",
	args: "ARTICLE --text-file F [--draft DRAFT] [--note T] [--passphrase-file F]",
	summary: "settle an article's conflicting accepted amendments with the wording in F: the federation's synthesis,\n" +
		"which supersedes them in the decision log; prints the synthesis's ID. ARTICLE may be the number that\n" +
		"accepted new articles clash over: the synthesis is then the one new article of that number",
	positional: 1,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		draftID := fs.String("draft", "", "the `DRAFT` (default: the latest imported)")
		textFile := fs.String("text-file", "", "read the article's settled wording from `FILE` (- for standard input)")
		note := fs.String("note", "", "why, in a sentence or two")
		passFile := fs.String("passphrase-file", "", "on the federation's laptop, read its key's passphrase from the first line of `FILE` instead of asking on the terminal")
		return func(c *ctx, args []string) error {
			if *textFile == "" {
				return usagef("give the settled wording with --text-file F")
			}
			text, err := textArg(c, "", *textFile)
			if err != nil {
				return err
			}
			if _, err := c.open(true); err != nil {
				return err
			}
			r := round.New(c.store)
			if err := c.unlockFederation(r, *passFile); err != nil {
				return err
			}
			syn, err := r.Resolve(drafts.Federation, *draftID, args[0], text, *note)
			if err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, syn.ID)
			return nil
		}
	},
}
