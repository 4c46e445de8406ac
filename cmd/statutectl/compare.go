package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/importer"
	"statute/drafts/parse"
)

var cmdCompare = &command{
	name: "compare",
	args: "OLD NEW [--lenient] [--format plain|json] [--article-word W]",
	summary: "compare two draft files article by article: added, removed, renumbered and changed articles,\n" +
		"each change as a word diff (the database is not used); lines that look like headings but were read as\n" +
		"text, and notes on what a Word or PDF file left out, are named on standard error, as import names them",
	positional: 2,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		lenient := fs.Bool("lenient", false, "treat words that differ only in harakat, tatweel or alef forms as equal")
		format := fs.String("format", "plain", "the output `format`: plain or json")
		word := fs.String("article-word", "", "the `word` that heads articles in both files (default: detected)")
		return func(c *ctx, args []string) error {
			if *format != "plain" && *format != "json" {
				return usagef("unknown format %q: use plain or json", *format)
			}
			// The two files are read and parsed at once, one per core:
			// most of the command's time is parsing.
			var (
				ds       [2]*drafts.Draft
				warnings [2][]parse.Warning
				errs     [2]error
				wg       sync.WaitGroup
			)
			for i, path := range args {
				wg.Add(1)
				go func() {
					defer wg.Done()
					ds[i], warnings[i], errs[i] = readDraftWarnings(c.stdin, path, parse.Options{ArticleWord: *word})
				}()
			}
			wg.Wait()
			if err := errors.Join(errs[:]...); err != nil {
				return err
			}
			// A line that looks like a heading but was read as text
			// changes what is compared: say so, as import does.
			for i, path := range args {
				printWarningsOf(c.stderr, path, warnings[i])
			}
			return writeReport(c, diff.Compare(ds[0], ds[1], diff.Options{Lenient: *lenient}), *format)
		}
	},
}

var cmdCompareVersions = &command{
	name:       "compare-versions",
	args:       "A B [--draft DRAFT] [--lenient] [--format plain|json]",
	summary:    "compare two stored versions of a draft, as compare does two files",
	positional: 2,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		draftID := fs.String("draft", "", "the `DRAFT` whose versions to compare (default: the latest imported)")
		lenient := fs.Bool("lenient", false, "treat words that differ only in harakat, tatweel or alef forms as equal")
		format := fs.String("format", "plain", "the output `format`: plain or json")
		return func(c *ctx, args []string) error {
			if *format != "plain" && *format != "json" {
				return usagef("unknown format %q: use plain or json", *format)
			}
			var ds [2]*drafts.Draft
			for i, a := range args {
				v, err := strconv.Atoi(strings.TrimPrefix(a, "v"))
				if err != nil || v < 1 {
					return usagef("%q is not a version number: write it as 1, 2… ('statutectl versions' lists them)", a)
				}
				if ds[i], err = c.draftAt(*draftID, v); err != nil {
					return err
				}
			}
			return writeReport(c, diff.Compare(ds[0], ds[1], diff.Options{Lenient: *lenient}), *format)
		}
	},
}

// writeReport writes a comparison in the format asked for.
func writeReport(c *ctx, r *diff.Report, format string) error {
	if format == "json" {
		out, err := r.JSON()
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(c.stdout, "%s\n", out)
		return err
	}
	return r.WritePlain(c.stdout)
}

// readDraftWarnings reads a draft's file given on the command line (- for
// standard input) as import reads it (importer.Read), with the lines that
// look like headings but were read as text and the notes on the file.
func readDraftWarnings(stdin io.Reader, path string, opt parse.Options) (*drafts.Draft, []parse.Warning, error) {
	data, err := readInput(stdin, path, importer.MaxFileBytes, "a draft's file")
	if err != nil {
		return nil, nil, err
	}
	return importer.Read(filepath.Base(path), []byte(data), opt)
}
