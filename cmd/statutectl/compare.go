package main

import (
	"flag"
	"fmt"
	"path/filepath"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/parse"
)

var cmdCompare = &command{
	name: "compare",
	args: "OLD NEW [--lenient] [--format plain|json] [--article-word W]",
	summary: "compare two draft files article by article: added, removed, renumbered and changed articles,\n" +
		"each change as a word diff (the database is not used)",
	positional: 2,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		lenient := fs.Bool("lenient", false, "treat words that differ only in harakat, tatweel or alef forms as equal")
		format := fs.String("format", "plain", "the output `format`: plain or json")
		word := fs.String("article-word", "", "the `word` that heads articles in both files (default: detected)")
		return func(c *ctx, args []string) error {
			if *format != "plain" && *format != "json" {
				return usagef("unknown format %q: use plain or json", *format)
			}
			var ds [2]*drafts.Draft
			for i, path := range args {
				data, err := readInput(c.stdin, path, parse.MaxDraftBytes, "a draft")
				if err != nil {
					return err
				}
				d, err := parse.Parse(data, parse.Options{ArticleWord: *word, Source: filepath.Base(path)})
				if err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
				ds[i] = d
			}
			r := diff.Compare(ds[0], ds[1], diff.Options{Lenient: *lenient})
			if *format == "json" {
				out, err := r.JSON()
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(c.stdout, "%s\n", out)
				return err
			}
			return r.WritePlain(c.stdout)
		}
	},
}
