package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"statute/drafts"
	"statute/drafts/export"
	"statute/drafts/round"
)

var cmdExport = &command{
	name: "export",
	args: "--what consolidated|table --format docx|html|md|txt|akn|pdf|xlsx|csv --out FILE [--tracked] [--version N] [--chamber C] [--status S] [--articles A-B] [--draft DRAFT]",
	summary: "write a draft version's consolidated text, or its table of amendments, to FILE (- for standard output),\n" +
		"replacing FILE only once all is written, and print its path; import reads an md or txt file back to the same draft.\n" +
		"--what consolidated: --format md, txt, html (one self-contained page, printable), docx (a Word document, headings\n" +
		"in Word's heading styles) or akn (Akoma Ntoso 3.0 XML: the version as an act, and the amendments made on it that\n" +
		"the federation sees, each an amendment document with its change as ins/del, its justification and the\n" +
		"federation's decision); --tracked, html or docx, marks the version's changes against the version before it: in\n" +
		"html each names its amendments, in docx they are Word's own tracked changes, each by the chamber whose amendment\n" +
		"made it (the federation for the staff's), to accept or reject.\n" +
		"--what table: the comparative table of the amendments to the version that the federation sees (made on it, or\n" +
		"on an earlier version and still undecided), in the text's order, identical proposals in one row with all their\n" +
		"chambers: article, current text, proposed text with its changes marked, chambers, justifications, decision and\n" +
		"note; --format html (printed A4 landscape), docx (a Word document, A4 landscape, right to left, changes marked\n" +
		"by formatting, not as tracked changes), xlsx (right to left, filterable) or csv (UTF-8 with a BOM, for Excel);\n" +
		"--chamber, --status and --articles narrow it.\n" +
		"The pdf format is to come: it is refused for now (exit 2)",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		what := fs.String("what", string(export.Consolidated), "`WHAT` to export: consolidated, the text of a version, or table, its amendments")
		format := fs.String("format", "", "the file's `format`: md, txt, html, docx or akn for the text; docx, html, xlsx or csv for the table (pdf to come)")
		out := fs.String("out", "", "the `FILE` to write, - for standard output")
		tracked := fs.Bool("tracked", false, "the text with its changes against the version before marked (html or docx; not for version 1)")
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
				if err := writeFileAtomic(*out, write); err != nil {
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

// writeFileAtomic writes path with write: into a new file in the same
// folder, renamed onto path once written and synced, so that path is
// either what it was or the whole new text, never a part of it. A file
// path replaces keeps its permissions; a new one is readable by all.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	target := path
	mode := fs.FileMode(0o644)
	if st, err := os.Lstat(path); err == nil {
		if st.Mode()&fs.ModeSymlink != 0 {
			// The file the link points to is replaced, not the link.
			if target, err = filepath.EvalSymlinks(path); err != nil {
				return drafts.Errorf(drafts.Invalid, "%s: cannot be written: %v", path, unwrapPath(err))
			}
			if st, err = os.Stat(target); err != nil {
				return drafts.Errorf(drafts.Invalid, "%s: cannot be written: %v", path, unwrapPath(err))
			}
		}
		if !st.Mode().IsRegular() {
			return drafts.Errorf(drafts.Invalid, "%s is not a file: give the path of the file to write", path)
		}
		mode = st.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.partial")
	if err != nil {
		return drafts.Errorf(drafts.Unavailable, "%s: cannot be written: %v", path, unwrapPath(err))
	}
	fail := func(err error) error {
		f.Close()
		return errors.Join(err, removeIfThere(f.Name()))
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		return fail(err)
	}
	err = bw.Flush()
	if err == nil {
		err = f.Chmod(mode)
	}
	if err == nil {
		err = f.Sync()
	}
	if err == nil {
		err = f.Close()
	}
	if err == nil {
		err = os.Rename(f.Name(), target)
	}
	if err != nil {
		return fail(drafts.Errorf(drafts.Unavailable, "%s: cannot be written: %v", path, unwrapPath(err)))
	}
	return nil
}

// removeIfThere removes path, which may not exist.
func removeIfThere(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
