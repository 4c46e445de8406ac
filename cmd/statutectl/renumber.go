package main

import (
	"flag"
	"fmt"
	"strings"

	"statute/drafts/renumber"
	"statute/drafts/round"
)

var cmdRenumber = &command{
	name: "renumber",
	args: "[--draft DRAFT] [--apply]",
	summary: "number a draft's articles 1 to n in order and rewrite the references in its text;\n" +
		"prints the old → new table and each reference changed, and with --apply makes it the next version",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		draftID := fs.String("draft", "", "the `DRAFT` to renumber (default: the latest imported)")
		apply := fs.Bool("apply", false, "store the renumbered draft as the draft's next version (after a backup)")
		return func(c *ctx, _ []string) error {
			if *apply {
				// Opened for writing before it is read: the plan and the
				// version it makes are of one file, held throughout.
				if _, err := c.open(true); err != nil {
					return err
				}
			}
			d, err := c.draft(*draftID)
			if err != nil {
				return err
			}
			p := renumber.Make(d)
			for _, r := range p.Table {
				fmt.Fprintf(c.stdout, "%s %s → %s %s\t(key %s → %s)\n", d.Word(), r.OldNumber, d.Word(), r.NewNumber, r.OldKey, r.NewKey)
			}
			changed := 0
			for _, r := range p.References {
				where := fmt.Sprintf("%s %s, paragraph %d", d.Word(), r.Article, r.Paragraph+1)
				if r.New != r.Old {
					changed++
					fmt.Fprintf(c.stdout, "%s: «%s» → «%s»\n", where, r.Old, r.New)
				}
				if len(r.Missing) > 0 {
					fmt.Fprintf(c.stdout, "%s: «%s» names %s, which the draft does not have: left as written\n", where, r.Old, strings.Join(r.Missing, ", "))
				}
			}
			fmt.Fprintf(c.stdout, "%s renumbered, %s rewritten\n", plural(len(p.Table), "article"), plural(changed, "reference"))
			if !*apply {
				if p.Changes() {
					fmt.Fprintf(c.stdout, "nothing stored yet: 'statutectl renumber --apply' makes this version %d of %s\n", d.Version+1, d.ID)
				}
				return nil
			}
			if err := round.New(c.store).Renumber(p); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "%s\tversion %d\n", p.Draft.ID, p.Draft.Version)
			return nil
		}
	},
}
