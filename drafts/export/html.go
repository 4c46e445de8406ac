package export

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"

	"statute/drafts"
	"statute/drafts/diff"
)

// The HTML export (Format HTML) is one self-contained HTML5 file: UTF-8,
// its styles inline in one <style> element, no script and nothing fetched
// from elsewhere, so that it opens, prints and travels by mail as it is.
// Its root names the draft's language and direction: lang="ar" dir="rtl"
// for an Arabic draft, lang="fr" dir="ltr" for a French one. The draft's
// title heads the page (<header>), then its preamble, its divisions as
// <h1> (book) to <h5> (section) by level, and each article as a
// <section id="art-KEY"> holding its heading (<h6>) and its paragraphs
// (<p>). Every text of the draft is escaped. A print stylesheet (@media
// print) sets A4 pages with 2 cm margins and keeps a heading on the page
// of the text it heads.
//
// With Request.Tracked the file shows the version's changes against the
// version before it, article by article, matched as diff.Compare matches
// them: in a changed article the words the version added are inside <ins>
// and the words it removed inside <del> (diff.Words); a new article is
// wholly inside <ins>, and a removed one is written wholly inside <del> in
// its old place (after the article that preceded it). Each <ins> and <del>
// names in its title attribute, and a note under its article names for the
// reader, the amendments the article's changes come from (Article.Sources:
// each chamber's code and region, and the amendment's ID). Changes to the
// title, the preamble and the divisions are not marked.
//
// Tracked changes must survive printing in black and white, where the
// colours screens use for them are lost and both kinds of mark may come
// out the same grey: so an insertion is underlined and set in bold, and a
// deletion struck through, set in italic, and boxed by a dotted border.
// Each mark is thus told apart by two signs besides its colour, and a
// reader who misses the thin line still sees the weight or the slant.

// styles is the stylesheet of the HTML export, screen and print.
const styles = `body { font-family: ` + fonts + `; font-size: 13pt; line-height: 1.6; max-width: 48em; margin: 2em auto; padding: 0 1em; color: #000; background: #fff; }
header .title { font-size: 1.6em; font-weight: bold; text-align: center; margin: 0 0 1em; }
.preamble { font-style: italic; }
h1, h2, h3, h4, h5 { text-align: center; margin: 1.2em 0 0.6em; }
h6 { font-size: 1em; margin: 1em 0 0.3em; }
section.article p { margin: 0 0 0.4em; text-align: justify; }
` + markStyles + `.sources { font-size: 0.85em; margin: 0.2em 0 0.8em; border-top: 1px solid #888; padding-top: 0.2em; }
@media print {
  @page { size: A4; margin: 2cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 12pt; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; break-inside: avoid; page-break-inside: avoid; }
` + markPrint + `}
`

// fonts are the fonts the HTML exports ask for, the first a reader has.
const fonts = `"Amiri", "Traditional Arabic", "Times New Roman", serif`

// markStyles and markPrint mark insertions and deletions, on screen and in
// print, in every HTML export alike (see the notes above).
const (
	markStyles = `ins { text-decoration: underline; font-weight: bold; color: #005a00; }
del { text-decoration: line-through; font-style: italic; border: 1px dotted currentColor; color: #a00000; }
`
	markPrint = "  ins, del { color: #000; }\n"
)

// WriteHTML writes d to w as one HTML file (see the package's notes on
// the HTML export). With prev, the version before d, the file shows d's
// changes against it; with nil, d's text alone. Unavailable: w failed.
func WriteHTML(w io.Writer, d, prev *drafts.Draft) error {
	b := bufio.NewWriterSize(w, 64<<10)
	h := &htmlWriter{b: b, d: d}
	h.draft(prev)
	if err := b.Flush(); err != nil {
		return drafts.Wrap(drafts.Unavailable, err, "the export could not be written: %v", err)
	}
	return nil
}

type htmlWriter struct {
	b *bufio.Writer
	d *drafts.Draft
}

func (h *htmlWriter) raw(s string)  { h.b.WriteString(s) }
func (h *htmlWriter) text(s string) { h.b.WriteString(html.EscapeString(s)) }

func (h *htmlWriter) draft(prev *drafts.Draft) {
	d := h.d
	h.open(d.Title, styles)
	if d.Title != "" {
		h.raw("<header><p class=\"title\">")
		h.text(d.Title)
		h.raw("</p></header>\n")
	}
	if len(d.Preamble) > 0 {
		h.raw("<div class=\"preamble\">\n")
		for _, p := range d.Preamble {
			h.raw("<p>")
			h.text(p)
			h.raw("</p>\n")
		}
		h.raw("</div>\n")
	}
	var (
		changes = map[string]*diff.ArticleDiff{} // by new key
		removed = map[string][]*drafts.Article{} // by the new key of the article they follow, "" for the start
	)
	if prev != nil {
		rep := diff.Compare(prev, d, diff.Options{})
		for i := range rep.Articles {
			if a := &rep.Articles[i]; a.Kind != diff.Removed {
				changes[a.NewKey] = a
			}
		}
		after := ""
		for i := range prev.Articles {
			a := &prev.Articles[i]
			if k, ok := rep.NewKey(a.Key); ok {
				after = k
			} else {
				removed[after] = append(removed[after], a)
			}
		}
	}
	written := 0 // divisions written so far, in document order
	divisions := func(upTo int) {
		for ; written <= upTo && written < len(d.Divisions); written++ {
			dv := d.Divisions[written]
			n := fmt.Sprint(int(dv.Level))
			h.raw("<h" + n + ">")
			h.text(divisionHeading(d, dv))
			h.raw("</h" + n + ">\n")
		}
	}
	h.removed(removed[""])
	for i := range d.Articles {
		a := &d.Articles[i]
		divisions(a.Division)
		h.article(a, changes[a.Key], prev != nil)
		h.removed(removed[a.Key])
	}
	divisions(len(d.Divisions) - 1)
	h.raw("</body>\n</html>\n")
}

// open writes the page's start up to its <body>: its language and
// direction, from the draft's, its title and its stylesheet css.
func (h *htmlWriter) open(title, css string) {
	lang, dir := "ar", "rtl"
	if h.d.Language == "fr" {
		lang, dir = "fr", "ltr"
	}
	h.raw("<!DOCTYPE html>\n<html lang=\"" + lang + "\" dir=\"" + dir + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
	h.text(title)
	h.raw("</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n")
}

// article writes a: as it reads, or with its changes c when tracked (c
// nil then means it did not change).
func (h *htmlWriter) article(a *drafts.Article, c *diff.ArticleDiff, tracked bool) {
	h.raw("<section class=\"article\" id=\"art-")
	h.text(a.Key)
	h.raw("\">\n<h6>")
	who := h.sources(a.Sources)
	switch {
	case c == nil:
		h.text(h.d.ArticleTitle(a))
		h.raw("</h6>\n")
		for _, p := range a.Paragraphs {
			h.raw("<p>")
			h.text(p)
			h.raw("</p>\n")
		}
	case c.Kind == diff.Added:
		h.mark(diff.Insert, h.d.ArticleTitle(a), who)
		h.raw("</h6>\n")
		for _, p := range a.Paragraphs {
			h.raw("<p>")
			h.mark(diff.Insert, p, who)
			h.raw("</p>\n")
		}
	default:
		h.text(h.d.Word() + " ")
		if c.OldNumber != c.NewNumber {
			h.mark(diff.Delete, c.OldNumber, who)
			h.mark(diff.Insert, c.NewNumber, who)
		} else {
			h.text(a.Number)
		}
		if c.Heading != nil {
			h.raw(": ")
			h.changes(c.Heading, who, false)
		} else if a.Heading != "" {
			h.text(": " + a.Heading)
		}
		h.raw("</h6>\n")
		if c.Text != nil {
			h.raw("<p>")
			h.changes(c.Text, who, true)
			h.raw("</p>\n")
		} else {
			for _, p := range a.Paragraphs {
				h.raw("<p>")
				h.text(p)
				h.raw("</p>\n")
			}
		}
	}
	if tracked && c != nil && who != "" {
		h.raw("<p class=\"sources\">")
		h.text(who)
		h.raw("</p>\n")
	}
	h.raw("</section>\n")
}

// removed writes the articles of the previous version that this one
// removed, each wholly struck through.
func (h *htmlWriter) removed(as []*drafts.Article) {
	for _, a := range as {
		h.raw("<section class=\"article removed\" id=\"removed-")
		h.text(a.Key)
		h.raw("\">\n<h6>")
		h.mark(diff.Delete, h.d.ArticleTitle(a), "")
		h.raw("</h6>\n")
		for _, p := range a.Paragraphs {
			h.raw("<p>")
			h.mark(diff.Delete, p, "")
			h.raw("</p>\n")
		}
		h.raw("</section>\n")
	}
}

// changes writes the changes cs; with paragraphs, a line break in them
// ends a paragraph and starts the next (the caller opened the first and
// closes the last).
func (h *htmlWriter) changes(cs []diff.Change, who string, paragraphs bool) {
	for _, c := range cs {
		parts := []string{c.Text}
		if paragraphs {
			parts = strings.Split(c.Text, "\n")
		}
		for i, s := range parts {
			if i > 0 {
				h.raw("</p>\n<p>")
			}
			h.mark(c.Op, s, who)
		}
	}
}

// mark writes s inside <ins> or <del> for an insertion or a deletion,
// titled who; as it is otherwise. An empty s writes nothing.
func (h *htmlWriter) mark(op diff.Op, s, who string) {
	if s == "" {
		return
	}
	tag := ""
	switch op {
	case diff.Insert:
		tag = "ins"
	case diff.Delete:
		tag = "del"
	default:
		h.text(s)
		return
	}
	h.raw("<" + tag)
	if who != "" {
		h.raw(" title=\"")
		h.text(who)
		h.raw("\"")
	}
	h.raw(">")
	h.text(s)
	h.raw("</" + tag + ">")
}

// sources names the amendments an article's changes come from, for a
// reader of the draft's language: «تعديل FM (فاس مكناس) رقم ID؛ …».
func (h *htmlWriter) sources(ss []drafts.Source) string {
	if len(ss) == 0 {
		return ""
	}
	fr := h.d.Language == "fr"
	var parts []string
	for _, s := range ss {
		name := s.Chamber
		if c, err := drafts.ChamberByCode(s.Chamber); err == nil {
			region := c.Region
			if fr {
				region = c.French
			}
			name += " (" + region + ")"
		}
		if fr {
			parts = append(parts, "amendement "+s.Amendment+" de "+name)
		} else {
			parts = append(parts, "التعديل "+s.Amendment+" من "+name)
		}
	}
	if fr {
		return "Modifié par : " + strings.Join(parts, " ; ")
	}
	return "مصدر التغيير: " + strings.Join(parts, "؛ ")
}
