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
// version before it, the very changes the Word export tracks (tracked.go
// finds them once for both): articles matched as diff.Compare matches
// them, divisions by their place in the tree. In a block that changed
// (the title, the preamble, a division's heading line, an article's
// heading line or its paragraphs) the words the version added are inside
// <ins> and the words it removed inside <del> (diff.Words); what the
// version added whole (a paragraph, a division, an article) is wholly
// inside <ins>, and what it removed is written wholly inside <del> in its
// old place (a removed article after the article that preceded it). Each
// <ins> and <del> names in its title attribute who made it, as Word's
// revisions do: the amendment and its chamber, or the federation for the
// staff's own changes («مصدر التغيير: FED (…)»). A note under each
// article that changed names for the reader the amendments its changes
// come from (Article.Sources: each chamber's code and region, and the
// amendment's ID), and under a removed article the accepted repeal that
// removed it.
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
// changes against it; with nil, d's text alone. Its marks then name no
// one: who made each change is read from the round, which Write does.
// Unavailable: w failed.
func WriteHTML(w io.Writer, d, prev *drafts.Draft) error {
	return writeHTML(w, d, prev, nil)
}

// writeHTML is WriteHTML, with prev's changes credited as who says.
func writeHTML(w io.Writer, d, prev *drafts.Draft, who *authorship) error {
	b := bufio.NewWriterSize(w, 64<<10)
	h := &htmlWriter{b: b, d: d}
	h.draft(blocks(d, prev, who), prev != nil)
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

// draft writes the page of the blocks bs; tracked, a note under each
// article that changed names its sources.
func (h *htmlWriter) draft(bs []block, tracked bool) {
	h.open(h.d.Title, styles)
	for i := range bs {
		b := &bs[i]
		if len(b.olds) == 0 && len(b.news) == 0 && b.part != bodyPart {
			continue
		}
		switch b.part {
		case titlePart:
			h.raw("<header>")
			h.block(b, "<p class=\"title\">", "</p>")
			h.raw("</header>\n")
		case preamblePart:
			h.raw("<div class=\"preamble\">\n")
			h.block(b, "<p>", "</p>\n")
			h.raw("</div>\n")
		case divisionPart:
			n := fmt.Sprint(int(b.level))
			h.block(b, "<h"+n+">", "</h"+n+">\n")
		case headingPart:
			if b.removed {
				h.raw("<section class=\"article removed\" id=\"removed-")
			} else {
				h.raw("<section class=\"article\" id=\"art-")
			}
			h.text(b.art.Key)
			h.raw("\">\n")
			h.block(b, "<h6>", "</h6>\n")
		case bodyPart:
			h.block(b, "<p>", "</p>\n")
			if tracked && b.changed {
				who := h.sources(b.art.Sources)
				if b.removed {
					who = h.credit(b.authors[0])
				}
				if who != "" {
					h.raw("<p class=\"sources\">")
					h.text(who)
					h.raw("</p>\n")
				}
			}
			h.raw("</section>\n")
		}
	}
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

// block writes b's paragraphs, each between open and close: wholly
// inside <ins> or <del> when the other side has none, else with its word
// changes marked. Each mark's title names who made it.
func (h *htmlWriter) block(b *block, open, close string) {
	switch {
	case b.inserted(), b.deleted():
		op, ps := diff.Insert, b.news
		if b.deleted() {
			op, ps = diff.Delete, b.olds
		}
		who := h.credit(b.authors[0])
		for _, p := range ps {
			h.raw(open)
			h.mark(op, p, who)
			h.raw(close)
		}
	case b.changes == nil:
		for _, p := range b.news {
			h.raw(open)
			h.text(p)
			h.raw(close)
		}
	default:
		h.raw(open)
		h.changes(b.changes, func(i int) string {
			if by := b.by[i]; by >= 0 {
				return h.credit(b.authors[by])
			}
			return ""
		}, close+open)
		h.raw(close)
	}
}

// changes writes the changes cs, the i-th's marks titled who(i) (none
// when who is nil); a line break in them writes between, which ends a
// paragraph and starts the next (the caller opened the first and closes
// the last).
func (h *htmlWriter) changes(cs []diff.Change, who func(i int) string, between string) {
	for i, c := range cs {
		title := ""
		if who != nil {
			title = who(i)
		}
		for j, s := range strings.Split(c.Text, "\n") {
			if j > 0 {
				h.raw(between)
			}
			h.mark(c.Op, s, title)
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

// credit names who made a change, as sources does; "" for no one.
func (h *htmlWriter) credit(a author) string {
	if a.src.Chamber == "" {
		return ""
	}
	return h.sources([]drafts.Source{a.src})
}

// sources names the amendments an article's changes come from, for a
// reader of the draft's language: «مصدر التغيير: التعديل ID من FM (فاس
// مكناس)؛ …»; a source without an amendment (the federation's own
// change) by its chamber alone.
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
		switch {
		case s.Amendment == "":
			parts = append(parts, name)
		case fr:
			parts = append(parts, "amendement "+s.Amendment+" de "+name)
		default:
			parts = append(parts, "التعديل "+s.Amendment+" من "+name)
		}
	}
	if fr {
		return "Modifié par : " + strings.Join(parts, " ; ")
	}
	return "مصدر التغيير: " + strings.Join(parts, "؛ ")
}
