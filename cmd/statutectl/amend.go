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
	"statute/drafts/round"
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
			if _, err := c.open(true); err != nil {
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
			am := round.Blank(ch, d, a)
			am.Text, am.Justification, am.Author = body, justification, strings.TrimSpace(*author)
			switch {
			case *repeal:
				am.Kind, am.Text = drafts.Repeal, ""
			case *insert:
				am.Kind, am.NewNumber = drafts.Insert, strings.TrimSpace(*number)
			default:
				if *text == "" && *textFile == "" {
					return usagef("give the new wording with --text or --text-file, or use --repeal or --insert-after")
				}
			}
			r := round.New(c.store)
			if *submit {
				err = r.Submit(ch, d, am)
			} else {
				err = r.Save(ch, d, am)
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, am.ID)
			return nil
		}
	},
}

var cmdSubmit = actOnAmendment("submit",
	"submit a chamber's draft amendment to the federation; it needs a change and a justification,\nand can no longer be edited afterwards",
	func(r *round.Round, by drafts.Chamber, id string) (string, error) {
		a, err := r.SubmitStored(by, id)
		if err != nil {
			return "", err
		}
		return string(a.Status), nil
	})

var cmdWithdraw = actOnAmendment("withdraw",
	"withdraw a submitted amendment: it stays on record as withdrawn, for the federation to see",
	func(r *round.Round, by drafts.Chamber, id string) (string, error) {
		a, err := r.Withdraw(by, id)
		if err != nil {
			return "", err
		}
		return string(a.Status), nil
	})

var cmdDelete = actOnAmendment("delete",
	"delete a draft amendment that was never submitted (a submitted one can only be withdrawn)",
	func(r *round.Round, by drafts.Chamber, id string) (string, error) {
		return "deleted", r.Delete(by, id)
	})

// actOnAmendment is a command that does one thing to one stored amendment
// through the round's rules, as the chamber --chamber names (by default
// the amendment's own), and prints the amendment's ID and what it now is.
func actOnAmendment(name, summary string, act func(r *round.Round, by drafts.Chamber, id string) (string, error)) *command {
	return &command{
		name:       name,
		args:       "AMENDMENT [--chamber CODE]",
		summary:    summary,
		positional: 1,
		setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
			chamber := fs.String("chamber", "", "the chamber `CODE` acting (default: the amendment's own)")
			return func(c *ctx, args []string) error {
				r, by, err := c.actor(*chamber, args[0])
				if err != nil {
					return err
				}
				now, err := act(r, by, args[0])
				if err != nil {
					return err
				}
				fmt.Fprintf(c.stdout, "%s\t%s\n", drafts.NormalizeID(args[0]), now)
				return nil
			}
		},
	}
}

// actor opens the database for writing and says who acts on amendment id:
// the chamber named, or else the amendment's own. statutectl serves the
// federation's staff and scripts, who act for a chamber; the app acts for
// its laptop's chamber only.
func (c *ctx) actor(code, id string) (*round.Round, drafts.Chamber, error) {
	s, err := c.open(true)
	if err != nil {
		return nil, drafts.Chamber{}, err
	}
	r := round.New(s)
	if code != "" {
		ch, err := drafts.ChamberByCode(code)
		return r, ch, err
	}
	ch, err := r.OwnerOf(id)
	return r, ch, err
}

var cmdAmendments = &command{
	name: "amendments",
	args: "[--article A] [--chamber C] [--status S] [--seen-by CODE] [--draft DRAFT]",
	summary: "list amendments in the order of the draft: ID, chamber, article, kind, status, first words;\n" +
		"one made on an earlier version names its article there, with the version (v1); --article finds it\n" +
		"under the article it concerns now",
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		draftID := fs.String("draft", "", "the `DRAFT` (default: the latest imported)")
		article := fs.String("article", "", "only those on `ARTICLE`")
		chamber := fs.String("chamber", "", "only those of the chamber `CODE`")
		status := fs.String("status", "", "only those with `STATUS` draft, submitted or withdrawn")
		seenBy := fs.String("seen-by", "", "only those the chamber `CODE` may see, as the app shows them (FED: every submitted one)")
		return func(c *ctx, _ []string) error {
			d, err := c.draft(*draftID)
			if err != nil {
				return err
			}
			f := drafts.AmendmentFilter{DraftID: d.ID}
			if *seenBy != "" {
				viewer, err := drafts.ChamberByCode(*seenBy)
				if err != nil {
					return err
				}
				f = round.Visible(viewer, d.ID)
			}
			if *status != "" {
				st, err := drafts.ParseStatus(*status)
				if err != nil {
					return usagef("%v", err)
				}
				f.Status = st
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
			// An article's amendments made on earlier versions are found
			// where their article is now.
			as, err := round.New(c.store).AmendmentsAt(d, f)
			if err != nil {
				return err
			}
			for i := range as {
				am := &as[i]
				number := articleNumber(d, am.Article)
				if am.DraftVersion != d.Version {
					number = fmt.Sprintf("%s (v%d)", am.Article, am.DraftVersion)
				}
				fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\t%s\t%s\n", am.ID, am.Chamber, number, kindLabel(am), am.Status, summary(am))
			}
			return nil
		}
	},
}

var cmdDiff = &command{
	name:       "diff",
	args:       "AMENDMENT [--lenient] [--format plain|json] [--version N]",
	summary:    "print an amendment as a word-level tracked diff of the article: [-deleted-]{+inserted+},\nagainst the latest version (carried onto it from an earlier one, or stale)",
	positional: 1,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		lenient := fs.Bool("lenient", false, "treat words that differ only in harakat, tatweel or alef forms as equal (shown as [~old~>new~])")
		format := fs.String("format", "plain", "the output `format`: plain or json")
		version := fs.Int("version", 0, "show it against the draft's version `N` (default: the latest), carried onto it or stale")
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
			d, err := c.draftAt(am.DraftID, *version)
			if err != nil {
				return err
			}
			rb, err := round.New(s).Rebase(d, am)
			if err != nil {
				return err
			}
			note := ""
			switch {
			case rb.Carried:
				note = fmt.Sprintf(" · made on version %d, carried onto version %d", am.DraftVersion, d.Version)
			case rb.Stale:
				note = fmt.Sprintf(" · stale: made on version %d, whose wording version %d changed where it does; shown against version %d", am.DraftVersion, d.Version, am.DraftVersion)
				if d, err = s.DraftVersion(am.DraftID, am.DraftVersion); err != nil {
					return err
				}
				rb.Key = am.Article
			}
			a := d.Article(rb.Key)
			if a == nil {
				a = &drafts.Article{Key: am.Article, Number: am.Article}
			}
			shown := *am
			shown.Text = rb.Text
			changes := diff.OfAmendment(rb.Base, &shown, diff.Options{Lenient: *lenient})
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
					Version   int               `json:"shown_on_version"`
					Carried   bool              `json:"carried,omitempty"`
					Stale     bool              `json:"stale,omitempty"`
					Changes   json.RawMessage   `json:"changes"`
				}{am, a.Number, ins, del, form, d.Version, rb.Carried, rb.Stale, cs}, "", "  ")
				if err != nil {
					return err
				}
				fmt.Fprintf(c.stdout, "%s\n", out)
				return nil
			}
			fmt.Fprintf(c.stdout, "%s · %s · %s · %s%s\n", am.ID, am.Chamber, d.ArticleTitle(a), kindLabel(am), note)
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
