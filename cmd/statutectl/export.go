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
	args: "--what consolidated|table --format docx|html|md|txt|akn|pdf|xlsx|csv --out FILE [--tracked] [--version N] [--chamber C] [--status S] [--articles A-B] [--draft DRAFT]",
	summary: "write a draft version's consolidated text, or its table of amendments, to FILE (- for standard output),\n" +
		"replacing FILE only once all is written, and print its path; import reads an md or txt file back to the same draft.\n" +
		"--what consolidated: --format md, txt, html (one self-contained page, printable), pdf (that page printed by\n" +
		"Chromium, Chrome or Edge, else LibreOffice), docx (a Word document, headings in Word's heading styles) or akn\n" +
		"(Akoma Ntoso 3.0 XML: the version as an act, and the amendments made on it that the federation sees, each an\n" +
		"amendment document with its change as ins/del, its justification and the federation's decision); --tracked,\n" +
		"html, pdf or docx, marks the version's changes against the version before it: in html and pdf each names its\n" +
		"amendments, in docx they are Word's own tracked changes, each by the chamber whose amendment made it (the\n" +
		"federation for the staff's), to accept or reject.\n" +
		"--what table: the comparative table of the amendments to the version that the federation sees (made on it, or\n" +
		"on an earlier version and still undecided), in the text's order, identical proposals in one row with all their\n" +
		"chambers: article, current text, proposed text with its changes marked, chambers, justifications, decision and\n" +
		"note; --format html (printed A4 landscape), pdf (that page printed), docx (a Word document, A4 landscape, right\n" +
		"to left, changes marked by formatting, not as tracked changes), xlsx (right to left, filterable) or csv (UTF-8\n" +
		"with a BOM, for Excel); --chamber, --status and --articles narrow it.",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		what := fs.String("what", string(export.Consolidated), "`WHAT` to export: consolidated, the text of a version, or table, its amendments")
		format := fs.String("format", "", "the file's `format`: md, txt, html, docx, pdf or akn for the text; docx, html, pdf, xlsx or csv for the table")
		out := fs.String("out", "", "the `FILE` to write, - for standard output")
		tracked := fs.Bool("tracked", false, "the text with its changes against the version before marked (html, docx or pdf; not for version 1)")
		version := fs.Int("version", 0, "the draft's version `N` (default: its latest)")
		chamber := fs.String("chamber", "", "the table of chamber `C`'s amendments only (its code: FM, CS…, or FED)")
		status := fs.String("status", "", "the table of the amendments in status `S` only: undecided (or submitted), accepted, accepted-with-changes, rejected, withdrawn or superseded")
		articles := fs.String("articles", "", "the table of the amendments to article `A` only, or to articles A to B («3-7»), new articles after them included")
		draftID := fs.String("draft", "", "the `DRAFT` to export (default: the latest imported)")
		return func(c *ctx, _ []string) error {
			q := export.Request{
				What: export.What(*what), Format: export.Format(*format), Draft: *draftID, Version: *version,
				Tracked: *tracked, Chamber: *chamber, Status: *status, Articles: *articles,
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
			// Refused for what it asks, the export touches no file, not
			// even a temporary one beside FILE.
			if err := export.Preflight(r, q); err != nil {
				return err
			}
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
