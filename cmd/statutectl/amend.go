package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"unicode/utf8"

	"statute/drafts"
	"statute/drafts/arabic"
	"statute/drafts/diff"
	"statute/drafts/parse"
)

var cmdPropose = &command{
	name: "propose",
	args: "--chamber CODE --article ARTICLE (--text T | --text-file F | --repeal | --insert-after --number N (--text T | --text-file F)) [--why T] [--author NAME] [--submit]",
	summary: "record a chamber's amendment to an article: new wording, a repeal, or a new article after it;\n" +
		"prints the amendment's ID",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		draftID := fs.String("draft", "", "the `DRAFT` to amend (default: the latest imported)")
		chamber := fs.String("chamber", "", "the chamber's `CODE` (see 'statutectl chambers')")
		article := fs.String("article", "", "the `ARTICLE` to amend, or to insert after")
		text := fs.String("text", "", "the proposed wording")
		textFile := fs.String("text-file", "", "read the proposed wording from `FILE` (- for standard input)")
		repeal := fs.Bool("repeal", false, "propose to repeal the article")
		insert := fs.Bool("insert-after", false, "propose a new article after ARTICLE (give --number)")
		number := fs.String("number", "", "the new article's proposed number `N`, such as \"7 مكررة\"")
		why := fs.String("why", "", "the justification (التعليل)")
		whyFile := fs.String("why-file", "", "read the justification from `FILE`")
		author := fs.String("author", "", "the `NAME` of the person proposing")
		submit := fs.Bool("submit", false, "submit at once (a submitted amendment is locked)")
		return func(c *ctx, _ []string) error {
			if *chamber == "" || *article == "" {
				return usagef("give --chamber and --article")
			}
			if *text != "" && *textFile != "" || *why != "" && *whyFile != "" {
				return usagef("give the text (or the justification) once: inline or from a file, not both")
			}
			if *repeal && *insert {
				return usagef("--repeal and --insert-after exclude each other")
			}
			if *number != "" && !*insert {
				return usagef("--number goes with --insert-after")
			}
			body, err := textArg(c, *text, *textFile)
			if err != nil {
				return err
			}
			justification, err := textArg(c, *why, *whyFile)
			if err != nil {
				return err
			}
			ch, err := drafts.ChamberByCode(*chamber)
			if err != nil {
				return err
			}
			s, err := c.open(true)
			if err != nil {
				return err
			}
			d, err := c.draft(*draftID)
			if err != nil {
				return err
			}
			a, err := parse.Find(d, *article)
			if err != nil {
				return err
			}
			am := &drafts.Amendment{
				DraftID: d.ID, DraftVersion: d.Version, BaseHash: a.TextHash(), Article: a.Key,
				Kind: drafts.Wording, Text: body, Justification: justification,
				Chamber: ch.Code, Author: strings.TrimSpace(*author), Status: drafts.StatusDraft,
			}
			switch {
			case *repeal:
				am.Kind = drafts.Repeal
			case *insert:
				am.Kind = drafts.Insert
				am.NewNumber = strings.TrimSpace(*number)
				if am.NewNumber != "" {
					key, err := parse.Key(am.NewNumber)
					if err != nil {
						return err
					}
					if d.Article(key) != nil {
						return drafts.Errorf(drafts.Conflict, "the draft already has an article %s: choose another number for the new article", am.NewNumber)
					}
				}
			default:
				if *text == "" && *textFile == "" {
					return usagef("give the new wording with --text or --text-file, or use --repeal or --insert-after")
				}
				if body == "" {
					return drafts.Errorf(drafts.Invalid, "the proposed wording is empty: write the new text of article %s, or propose a repeal", a.Number)
				}
				if body == a.Text() {
					return drafts.Errorf(drafts.Invalid, "the proposed wording is the same as the current text of article %s: change it, or propose nothing", a.Number)
				}
			}
			if *submit {
				am.Status = drafts.StatusSubmitted
			}
			if err := s.AddAmendments(am); err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, am.ID)
			return nil
		}
	},
}

var cmdSubmit = &command{
	name:       "submit",
	args:       "AMENDMENT",
	summary:    "submit a chamber's amendment to the federation; it can no longer be edited",
	positional: 1,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		return func(c *ctx, args []string) error {
			s, err := c.open(true)
			if err != nil {
				return err
			}
			am, err := s.Amendment(drafts.NormalizeID(args[0]))
			if err != nil {
				return err
			}
			if am.Status == drafts.StatusSubmitted {
				return drafts.Errorf(drafts.Conflict, "amendment %s is already submitted", am.ID)
			}
			am.Status = drafts.StatusSubmitted
			if err := s.UpdateAmendment(am); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "%s\tsubmitted\n", am.ID)
			return nil
		}
	},
}

var cmdAmendments = &command{
	name:    "amendments",
	args:    "[--article A] [--chamber C] [--status S] [--draft DRAFT]",
	summary: "list amendments in the order of the draft: ID, chamber, article, kind, status, first words",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		draftID := fs.String("draft", "", "the `DRAFT` (default: the latest imported)")
		article := fs.String("article", "", "only those on `ARTICLE`")
		chamber := fs.String("chamber", "", "only those of the chamber `CODE`")
		status := fs.String("status", "", "only those with `STATUS` draft or submitted")
		return func(c *ctx, _ []string) error {
			d, err := c.draft(*draftID)
			if err != nil {
				return err
			}
			f := drafts.AmendmentFilter{DraftID: d.ID, Status: drafts.Status(*status)}
			switch f.Status {
			case "", drafts.StatusDraft, drafts.StatusSubmitted:
			default:
				return usagef("unknown status %q: use %s or %s", *status, drafts.StatusDraft, drafts.StatusSubmitted)
			}
			if *chamber != "" {
				ch, err := drafts.ChamberByCode(*chamber)
				if err != nil {
					return err
				}
				f.Chamber = ch.Code
			}
			if *article != "" {
				a, err := parse.Find(d, *article)
				if err != nil {
					return err
				}
				f.Article = a.Key
			}
			as, err := c.store.Amendments(f)
			if err != nil {
				return err
			}
			for i := range as {
				am := &as[i]
				fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\t%s\t%s\n", am.ID, am.Chamber, articleNumber(d, am.Article), kindLabel(am), am.Status, summary(am))
			}
			return nil
		}
	},
}

var cmdDiff = &command{
	name:       "diff",
	args:       "AMENDMENT [--lenient] [--format plain|json]",
	summary:    "print an amendment as a word-level tracked diff of the article: [-deleted-]{+inserted+}",
	positional: 1,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		lenient := fs.Bool("lenient", false, "treat words that differ only in harakat, tatweel or alef forms as equal (shown as [~old~>new~])")
		format := fs.String("format", "plain", "the output `format`: plain or json")
		return func(c *ctx, args []string) error {
			if *format != "plain" && *format != "json" {
				return usagef("unknown format %q: use plain or json", *format)
			}
			s, err := c.open(false)
			if err != nil {
				return err
			}
			am, err := s.Amendment(drafts.NormalizeID(args[0]))
			if err != nil {
				return err
			}
			d, err := s.DraftVersion(am.DraftID, am.DraftVersion)
			if err != nil {
				return err
			}
			a := d.Article(am.Article)
			if a == nil {
				return drafts.Errorf(drafts.Internal, "amendment %s targets article %s, which its draft version does not hold", am.ID, am.Article)
			}
			changes := diff.OfAmendment(a.Text(), am, diff.Options{Lenient: *lenient})
			if *format == "json" {
				cs, err := diff.JSON(changes)
				if err != nil {
					return err
				}
				ins, del, form := diff.Stats(changes)
				out, err := json.MarshalIndent(struct {
					Amendment *drafts.Amendment `json:"amendment"`
					Number    string            `json:"article_number"`
					Inserted  int               `json:"inserted_words"`
					Deleted   int               `json:"deleted_words"`
					Form      int               `json:"form_only_words"`
					Changes   json.RawMessage   `json:"changes"`
				}{am, a.Number, ins, del, form, cs}, "", "  ")
				if err != nil {
					return err
				}
				fmt.Fprintf(c.stdout, "%s\n", out)
				return nil
			}
			fmt.Fprintf(c.stdout, "%s · %s · %s · %s\n", am.ID, am.Chamber, articleHeading(d, a), kindLabel(am))
			if am.Justification != "" {
				fmt.Fprintf(c.stdout, "التعليل: %s\n", am.Justification)
			}
			fmt.Fprintln(c.stdout)
			fmt.Fprintln(c.stdout, diff.Plain(changes))
			return nil
		}
	},
}

// textArg returns a text given inline or read from a file ("-" for standard
// input), normalized as drafts are.
func textArg(c *ctx, inline, file string) (string, error) {
	if file != "" {
		data, err := readInput(c.stdin, file, drafts.MaxTextBytes, "an amendment's text")
		if err != nil {
			return "", err
		}
		inline = data
	}
	if !utf8.ValidString(inline) {
		return "", drafts.Errorf(drafts.Invalid, "the text is not valid UTF-8: save it as UTF-8 and try again")
	}
	return strings.TrimSpace(arabic.Normalize(inline)), nil
}

func articleNumber(d *drafts.Draft, key string) string {
	if a := d.Article(key); a != nil {
		return a.Number
	}
	return key
}

func kindLabel(am *drafts.Amendment) string {
	if am.Kind == drafts.Insert {
		return "insert " + am.NewNumber
	}
	return string(am.Kind)
}

func summary(am *drafts.Amendment) string {
	if am.Kind == drafts.Repeal {
		return firstWords(am.Justification, 8)
	}
	return firstWords(am.Text, 8)
}
