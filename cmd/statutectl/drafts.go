package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/parse"
	"statute/drafts/round"
)

var cmdImport = &command{
	name: "import",
	args: "FILE [--title T] [--article-word W] [--version-of DRAFT] [--dry-run]",
	summary: "read a draft statute from a text, Markdown or Word (.docx) file, or a PDF (- for standard input), and\n" +
		"store it; lines that look like headings but were read as text, and what a Word file holds that was left out\n" +
		"(tables, footnotes…), are named on standard error. A PDF's text is read by poppler's pdftotext (Debian:\n" +
		"poppler-utils), its page headers, footers and numbers removed and its Arabic repaired; a scanned PDF, or one\n" +
		"whose Arabic comes out reversed, is refused: import the Word file instead.\n" +
		"--dry-run stores nothing: it prints the outline the file was read as (as outline does) and those lines",
	positional: 1,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		title := fs.String("title", "", "the draft's `title`, if not its first line")
		word := fs.String("article-word", "", "the `word` that heads articles, such as الفصل in older dahirs (default: detected)")
		versionOf := fs.String("version-of", "", "store the file as the next version of `DRAFT` instead of a new draft")
		dryRun := fs.Bool("dry-run", false, "read and check the file as import does, print its outline and warnings, and store nothing")
		return func(c *ctx, args []string) error {
			d, warnings, err := readDraftWarnings(c.stdin, args[0], parse.Options{Title: *title, ArticleWord: *word})
			if err != nil {
				return err
			}
			var s drafts.Store
			if !*dryRun || *versionOf != "" {
				// A dry run opens the database only to check --version-of,
				// and only to read: it never creates or changes the file.
				if s, err = c.open(!*dryRun); err != nil {
					return err
				}
			}
			next := 0 // the version --version-of makes
			if *versionOf != "" {
				d.ID = drafts.NormalizeID(*versionOf)
				latest, err := s.Draft(d.ID)
				if err != nil {
					return err
				}
				next = latest.Version + 1
			}
			if *dryRun {
				for _, line := range outline(d) {
					fmt.Fprintln(c.stdout, line)
				}
				printWarnings(c.stderr, warnings)
				as := "a new draft"
				if next > 0 {
					as = fmt.Sprintf("version %d of %s", next, d.ID)
				}
				notes := 0
				for _, w := range warnings {
					if w.Line == 0 {
						notes++
					}
				}
				read := plural(len(warnings)-notes, "warning")
				if notes > 0 {
					read += ", " + plural(notes, "note")
				}
				fmt.Fprintf(c.stderr, "dry run: %s, %s, as %s titled «%s»; nothing was stored\n",
					plural(len(d.Articles), "article"), read, as, d.Title)
				return nil
			}
			if err := round.New(s).Import(d); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "%s\t%d articles\tversion %d\t%s\n", d.ID, len(d.Articles), d.Version, d.Title)
			printWarnings(c.stderr, warnings)
			return nil
		}
	},
}

// printWarnings names, one a line, the lines of a draft file that look
// like headings but were read as text (parse.Warning), then the notes on
// what the file holds that was left out, such as a Word file's tables.
func printWarnings(w io.Writer, warnings []parse.Warning) { printWarningsOf(w, "", warnings) }

// printWarningsOf is printWarnings for the file named file, named before
// each line when it is not "" (compare reads two).
func printWarningsOf(w io.Writer, file string, warnings []parse.Warning) {
	if file != "" {
		file += ": "
	}
	for _, warning := range warnings {
		kind := "warning"
		if warning.Line == 0 {
			kind = "note"
		}
		fmt.Fprintf(w, "statutectl: %s%s: %s\n", file, kind, warning)
	}
}

var cmdBackup = &command{
	name:    "backup",
	args:    "[--out FILE]",
	summary: "write a verified copy of the database: into its backups folder (the newest 10 kept, and one a day\nfor 30 days), or to FILE; prints the copy's path",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		out := fs.String("out", "", "write the copy to `FILE` (which must not exist) instead")
		return func(c *ctx, _ []string) error {
			s, err := c.open(false)
			if err != nil {
				return err
			}
			dest := *out
			if dest == "" {
				dest, err = s.Backup()
			} else {
				err = c.bolt.BackupTo(dest)
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, dest)
			return nil
		}
	},
}

var cmdBackups = &command{
	name:    "backups",
	args:    "",
	summary: "list the database's automatic backups, newest first: time made (UTC), size, path",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		return func(c *ctx, _ []string) error {
			path, err := c.path()
			if err != nil {
				return err
			}
			list, err := boltstore.Backups(path)
			if err != nil {
				return err
			}
			if len(list) == 0 {
				fmt.Fprintf(c.stderr, "No backups yet in %s: 'statutectl backup' makes one.\n", boltstore.BackupDir(path))
			}
			for _, b := range list {
				fmt.Fprintf(c.stdout, "%s\t%s\t%s\n", b.Made.Format("2006-01-02 15:04:05"), size(b.Size), b.Path)
			}
			return nil
		}
	},
}

var cmdRestore = &command{
	name:       "restore",
	args:       "FILE",
	summary:    "put the backup FILE in place of the database, once FILE is verified sound; the file it replaces is kept\nbeside it (its name is printed). The app must be closed",
	positional: 1,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		return func(c *ctx, args []string) error {
			path, err := c.path()
			if err != nil {
				return err
			}
			kept, err := boltstore.Restore(path, args[0])
			if err != nil {
				return err
			}
			if kept != "" {
				fmt.Fprintf(c.stdout, "restored %s\nthe database it replaced is kept as %s\n", args[0], kept)
			} else {
				fmt.Fprintf(c.stdout, "restored %s\n", args[0])
			}
			return nil
		}
	},
}

var cmdSeed = &command{
	name:    "seed",
	args:    "",
	summary: "store the sample draft the app opens on, if the database holds no draft yet (as the app's first start does);\nprints the draft that is then the latest",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		return func(c *ctx, _ []string) error {
			s, err := c.open(true)
			if err != nil {
				return err
			}
			r := round.New(s)
			if _, err := r.Seed(assets.SampleDraft); err != nil {
				return err
			}
			d, err := r.Latest()
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "%s\t%d articles\tversion %d\t%s\n", d.ID, len(d.Articles), d.Version, d.Title)
			return nil
		}
	},
}

var cmdCheck = &command{
	name:    "check",
	args:    "",
	summary: "verify the whole database: its pages, every record against its checksum, and the decision log's chain;\nsays what it read, or names the damage (exit 1)",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		return func(c *ctx, _ []string) error {
			s, err := c.open(false)
			if err != nil {
				return err
			}
			r, err := s.Verify()
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "sound: %s, %s, %s, %s, %s\n", plural(r.Drafts, "draft"), plural(r.Versions, "version"),
				plural(r.Articles, "article"), plural(r.Amendments, "amendment"), plural(r.Decisions, "decision"))
			return nil
		}
	},
}

var cmdDrafts = &command{
	name:    "drafts",
	args:    "",
	summary: "list the stored drafts: ID, version, articles, import date, title",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		return func(c *ctx, _ []string) error {
			s, err := c.open(false)
			if err != nil {
				return err
			}
			infos, err := s.Drafts()
			if err != nil {
				return err
			}
			if len(infos) == 0 {
				fmt.Fprintln(c.stderr, "No drafts yet: import one with 'statutectl import FILE'.")
			}
			for _, d := range infos {
				fmt.Fprintf(c.stdout, "%s\tv%d\t%d articles\t%s\t%s\n", d.ID, d.Version, d.Articles, d.Imported.Local().Format("2006-01-02 15:04"), d.Title)
			}
			return nil
		}
	},
}

var cmdArticles = &command{
	name: "articles",
	args: "[--draft DRAFT] [--version N] [--undecided]",
	summary: "list a draft's articles: key, number as written, first words;\n" +
		"--undecided lists only those with submitted amendments the federation has not decided on yet,\n" +
		"with their count before the first words (as the app's outline shows them to the federation)",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		draftID := fs.String("draft", "", "the `DRAFT` to list (default: the latest imported)")
		version := fs.Int("version", 0, "the draft's version `N` (default: its latest)")
		undecided := fs.Bool("undecided", false, "only the articles with undecided submitted amendments, and how many")
		return func(c *ctx, _ []string) error {
			d, err := c.draftAt(*draftID, *version)
			if err != nil {
				return err
			}
			if !*undecided {
				for i := range d.Articles {
					a := &d.Articles[i]
					fmt.Fprintf(c.stdout, "%s\t%s\t%s\n", a.Key, a.Number, firstWords(a.Text(), 8))
				}
				return nil
			}
			if latest, err := c.store.Draft(d.ID); err != nil {
				return err
			} else if latest.Version != d.Version {
				return usagef("--undecided counts on the latest version of the draft (%d): leave out --version", latest.Version)
			}
			counts, err := round.New(c.store).UndecidedCounts(d, round.Visible(drafts.Federation, d.ID))
			if err != nil {
				return err
			}
			for i := range d.Articles {
				a := &d.Articles[i]
				if n := counts[a.Key]; n > 0 {
					fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\n", a.Key, a.Number, plural(n, "undecided amendment"), firstWords(a.Text(), 8))
				}
			}
			return nil
		}
	},
}

var cmdShow = &command{
	name: "show",
	args: "ARTICLE [--draft DRAFT] [--version N] [--text]",
	summary: "print one article, with the titles and chapters it belongs to; --text prints its text alone,\n" +
		"ready to edit into a wording for propose, decide or resolve --text-file",
	positional: 1,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		draftID := fs.String("draft", "", "the `DRAFT` to read (default: the latest imported)")
		version := fs.Int("version", 0, "the draft's version `N` (default: its latest)")
		textOnly := fs.Bool("text", false, "print the article's text alone, one paragraph a line")
		return func(c *ctx, args []string) error {
			d, err := c.draftAt(*draftID, *version)
			if err != nil {
				return err
			}
			a, err := parse.Find(d, args[0])
			if err != nil {
				return err
			}
			if !*textOnly {
				for _, div := range d.Path(a) {
					fmt.Fprintln(c.stdout, div.Heading)
				}
				fmt.Fprintln(c.stdout, d.ArticleTitle(a))
			}
			for _, p := range a.Paragraphs {
				fmt.Fprintln(c.stdout, p)
			}
			if *textOnly {
				return nil
			}
			as, err := round.New(c.store).AmendmentsAt(d, drafts.AmendmentFilter{Article: a.Key})
			if err != nil {
				return err
			}
			if len(as) > 0 {
				// A note to the reader, not part of the article: on
				// standard error, so that the article saved to a file
				// and edited into a wording does not carry it.
				fmt.Fprintf(c.stderr, "(%s: see 'statutectl amendments --article %s')\n", plural(len(as), "amendment"), a.Key)
			}
			return nil
		}
	},
}

var cmdVersions = &command{
	name:    "versions",
	args:    "[--draft DRAFT]",
	summary: "list a draft's versions, oldest first: version, import date, articles, source",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		draftID := fs.String("draft", "", "the `DRAFT` whose versions to list (default: the latest imported)")
		return func(c *ctx, _ []string) error {
			latest, err := c.draft(*draftID)
			if err != nil {
				return err
			}
			for v := 1; v <= latest.Version; v++ {
				d := latest
				if v < latest.Version {
					if d, err = c.store.DraftVersion(latest.ID, v); err != nil {
						return err
					}
				}
				fmt.Fprintf(c.stdout, "v%d\t%s\t%d articles\t%s\n", d.Version, d.Imported.Local().Format("2006-01-02 15:04"), len(d.Articles), d.Source)
			}
			return nil
		}
	},
}

var cmdOutline = &command{
	name:    "outline",
	args:    "[--draft DRAFT] [--version N]",
	summary: "print the tree of a draft's titles, chapters and articles, indented by depth",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		draftID := fs.String("draft", "", "the `DRAFT` to print (default: the latest imported)")
		version := fs.Int("version", 0, "the draft's version `N` (default: its latest)")
		return func(c *ctx, _ []string) error {
			d, err := c.draftAt(*draftID, *version)
			if err != nil {
				return err
			}
			for _, line := range outline(d) {
				fmt.Fprintln(c.stdout, line)
			}
			return nil
		}
	},
}

// outline is d's outline (Draft.Outline) one line each, indented two
// spaces a level; an article is named by its heading line and its key:
// «  المادة 3: الطبيعة القانونية للغرف\t[3]».
func outline(d *drafts.Draft) []string {
	var lines []string
	for _, e := range d.Outline() {
		line := strings.Repeat("  ", e.Depth) + e.Heading
		if e.Key != "" {
			line += "\t[" + e.Key + "]"
		}
		lines = append(lines, line)
	}
	return lines
}

var cmdChambers = &command{
	name:    "chambers",
	args:    "",
	summary: "list the twelve regional chambers and the federation, with their codes",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		return func(c *ctx, _ []string) error {
			for _, ch := range drafts.Parties() {
				fmt.Fprintf(c.stdout, "%s\t%s\t%s\n", ch.Code, ch.Name(), ch.FrenchName())
			}
			return nil
		}
	},
}

// firstWords shortens a text to its first n words, for one-line listings.
func firstWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + " …"
}

// readInput reads a file given on the command line ("-" for standard input),
// refusing what is not a regular file or is larger than limit. The text is
// read straight into a string: a draft is parsed from it without a copy.
func readInput(stdin io.Reader, path string, limit int64, what string) (string, error) {
	var r io.Reader = stdin
	var b strings.Builder
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return "", drafts.Errorf(drafts.NotFound, "%s: no such file", path)
			}
			return "", drafts.Errorf(drafts.Invalid, "%s: cannot be read: %v", path, unwrapPath(err))
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return "", drafts.Errorf(drafts.Invalid, "%s: cannot be read: %v", path, unwrapPath(err))
		}
		if !st.Mode().IsRegular() {
			return "", drafts.Errorf(drafts.Invalid, "%s is not a file: give the path of %s", path, what)
		}
		if st.Size() > limit {
			return "", drafts.Errorf(drafts.Invalid, "%s is %s, more than %s can be (%s): is it the right file?", path, size(st.Size()), what, size(limit))
		}
		b.Grow(int(st.Size()))
		r = f
	}
	n, err := io.Copy(&b, io.LimitReader(r, limit+1))
	if err != nil {
		return "", drafts.Errorf(drafts.Invalid, "%s: cannot be read: %v", path, unwrapPath(err))
	}
	if n > limit {
		return "", drafts.Errorf(drafts.Invalid, "%s is more than %s can be (%s): is it the right file?", path, what, size(limit))
	}
	return b.String(), nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
