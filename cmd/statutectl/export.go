package main

import (
	"flag"
	"fmt"
	"io"

	"statute/drafts/export"
	"statute/drafts/round"
)

var cmdExport = &command{
	name: "export",
	args: "--what consolidated|table --format docx|html|md|txt|akn|pdf|xlsx|csv --out FILE [--tracked] [--version N] [--chamber C] [--status S] [--draft DRAFT]",
	summary: "write a draft version's consolidated text to FILE (- for standard output), replacing FILE only once all is\n" +
		"written, and print its path; import reads an md or txt file back to the same draft.\n" +
		"Available now: --what consolidated with --format md, txt, html (one self-contained page, printable) or akn\n" +
		"(Akoma Ntoso 3.0 XML: the version as an act, and the amendments made on it that the federation sees, each an\n" +
		"amendment document with its change as ins/del, its justification and the federation's decision);\n" +
		"--tracked, html only, marks the version's changes against the version before it, each naming its amendments.\n" +
		"The other formats, --what table, --chamber and --status are to come: they are refused for now (exit 2)",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		what := fs.String("what", string(export.Consolidated), "`WHAT` to export: consolidated, the text of a version (table, the amendments, to come)")
		format := fs.String("format", "", "the file's `format`: md, txt, html or akn (docx, pdf, xlsx, csv to come)")
		out := fs.String("out", "", "the `FILE` to write, - for standard output")
		tracked := fs.Bool("tracked", false, "the text with its changes against the version before marked (html only; not for version 1)")
		version := fs.Int("version", 0, "the draft's version `N` (default: its latest)")
		chamber := fs.String("chamber", "", "the amendments of chamber `C` only, for the table (to come)")
		status := fs.String("status", "", "the amendments in status `S` only, for the table (to come)")
		draftID := fs.String("draft", "", "the `DRAFT` to export (default: the latest imported)")
		return func(c *ctx, _ []string) error {
			q := export.Request{
				What: export.What(*what), Format: export.Format(*format), Draft: *draftID, Version: *version,
				Tracked: *tracked, Chamber: *chamber, Status: *status,
			}
			if err := q.Check(); err != nil {
				return usageError{err.Error()}
			}
			if *out == "" {
				return usagef("say where to write the export: --out FILE, or --out - for standard output")
			}
			s, err := c.open(false)
			if err != nil {
				return err
			}
			r := round.New(s)
			var res *export.Result
			write := func(w io.Writer) (err error) {
				res, err = export.Write(r, w, q)
				return err
			}
			if *out == "-" {
				if err := write(c.stdout); err != nil {
					return err
				}
			} else {
				if err := export.WriteFile(*out, write); err != nil {
					return err
				}
				fmt.Fprintln(c.stdout, *out)
			}
			if res.ArticleWord != "" {
				fmt.Fprintf(c.stderr, "(import it back with --article-word %s: import does not find that word by itself)\n", res.ArticleWord)
			}
			return nil
		}
	},
}
