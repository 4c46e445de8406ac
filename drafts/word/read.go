package word

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"statute/drafts"
	"statute/drafts/parse"
)

// The notes on what a file holds besides its text, and the warning about a
// heading-styled paragraph read as text.
var (
	msgNoteTables = drafts.NewMessage("word.note.tables",
		"the file holds tables (%d), which were left out: import reads the paragraphs of the text only; if a table holds an article's text, put that text in paragraphs and import again")
	msgNoteFootnotes = drafts.NewMessage("word.note.footnotes",
		"the file holds footnotes (%d), which were left out: if a note belongs to an article's text, put it in the article and import again")
	msgNoteEndnotes = drafts.NewMessage("word.note.endnotes",
		"the file holds endnotes (%d), which were left out: if a note belongs to an article's text, put it in the article and import again")
	msgNoteComments = drafts.NewMessage("word.note.comments",
		"the file holds comments (%d), which were left out")
	msgNoteHeaders = drafts.NewMessage("word.note.headers",
		"the file's headers and footers (%d holding text) were left out")
	msgNoteTextBoxes = drafts.NewMessage("word.note.text-boxes",
		"the file holds text boxes or drawings with text (%d), which were left out: if one holds an article's text, put that text in paragraphs and import again")
	msgNoteContents = drafts.NewMessage("word.note.contents",
		"the file's table of contents (%d lines) was left out: it repeats the headings")
	msgNoteRevisions = drafts.NewMessage("word.note.revisions",
		"the file holds tracked changes (%d), read as if accepted: insertions kept, deletions left out; check the outline, or accept or reject the changes in Word and import again")
	msgWarnHeadingStyle = drafts.NewMessage("word.warning.heading-style",
		"this paragraph has the heading style «%s» but is not an article or division heading, so it was read as text: if it starts an article, write «%s» and the article's number, such as «%s 12»; if not, give it a text style")
	msgInTables = drafts.NewMessage("word.in-tables",
		"%s holds no article headings outside its tables (%d), which import leaves out: if the draft's text is in a table, convert the table to text in Word (Table Layout, Convert to Text) or LibreOffice (Table, Convert, Table to Text), save, and import again")
	msgNoText = drafts.NewMessage("word.no-text",
		"%s is a Word document with no text in its body: is it the right file?")
)

// Read reads a draft statute from the .docx whose bytes are data, as
// parse.ParseWithWarnings reads one from text (name is the file's name,
// for the sentences of errors; opt.Source is set to it when empty). The
// warnings are those of parse, with a heading-styled paragraph read as
// text named by its style, and then one note (a Warning whose Line is 0)
// for each kind of content the file holds that was left out (LeftOut).
// It stores nothing. The errors are Invalid.
func Read(name string, data []byte, opt parse.Options) (*drafts.Draft, []parse.Warning, error) {
	doc, err := ReadDocument(name, data)
	if err != nil {
		return nil, nil, err
	}
	if opt.Source == "" {
		opt.Source = name
	}
	text, styled := doc.text()
	marked := make(map[string]string, len(styled))
	for _, st := range styled {
		marked[st.marked] = st.text
	}
	if strings.TrimSpace(text) == "" && doc.LeftOut.Tables == 0 {
		return nil, nil, msgNoText.Err(drafts.Invalid, name)
	}
	d, warnings, err := parse.ParseStringWithWarnings(text, opt)
	var perr *drafts.Error
	if err != nil && doc.LeftOut.Tables > 0 && errors.As(err, &perr) && perr.Line == 0 && opt.ArticleWord == "" {
		// Nothing outside the tables reads as a draft (no article
		// heading, or no text at all): the draft is most likely in them,
		// as in a two-column Arabic and French layout.
		return nil, nil, msgInTables.Wrap(drafts.Invalid, err, name, doc.LeftOut.Tables)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	// A heading-styled paragraph read as text keeps its text, not the
	// Markdown mark it was given for parse.
	unmark := func(ps []string) {
		for i, p := range ps {
			if strings.HasPrefix(p, "#") {
				if st, ok := marked[p]; ok {
					ps[i] = st
				}
			}
		}
	}
	unmark(d.Preamble)
	for i := range d.Articles {
		unmark(d.Articles[i].Paragraphs)
	}
	for i := range warnings {
		w := &warnings[i]
		st, ok := styled[w.Line]
		if !ok {
			continue
		}
		w.Text = st.text
		if w.ID == "parse.warning.markdown-heading" {
			*w = warning(w.Line, st.text, w.Article, msgWarnHeadingStyle, append([]any{st.style}, w.Args...)...)
		}
	}
	return d, append(warnings, doc.LeftOut.notes()...), nil
}

// A styledLine is a line that the reader marked as a Markdown heading, as
// its paragraph was written.
type styledLine struct {
	text, style string
	marked      string // the line as given to parse, trimmed
}

// text is the document as text parse reads: a line per paragraph (and per
// line break in one), a heading-styled paragraph marked as a Markdown
// heading. It also returns the lines so marked, by line number.
func (doc *Document) text() (string, map[int]styledLine) {
	var b strings.Builder
	size := 0
	for _, p := range doc.Paragraphs {
		size += len(p.Text) + 8
	}
	b.Grow(size)
	styled := make(map[int]styledLine)
	line := 0
	for _, p := range doc.Paragraphs {
		text := tabs(p.Text, p.Heading > 0)
		if p.Heading > 0 || p.Title {
			// A heading is one line: a break in it, which Word shows as
			// a new line of the same heading, separates the heading's
			// number from its title, or the title's parts.
			var parts []string
			for _, part := range strings.Split(text, "\n") {
				if part = strings.TrimSpace(part); part != "" {
					parts = append(parts, part)
				}
			}
			sep := ": "
			if p.Title {
				sep = " "
			}
			text = strings.Join(parts, sep)
		}
		for _, l := range strings.Split(text, "\n") {
			line++
			if (p.Heading > 0 || p.Title) && strings.TrimSpace(l) != "" {
				mark := "######"[:min(max(p.Heading, 1), 6)] + " "
				styled[line] = styledLine{text: strings.TrimSpace(l), style: p.Style, marked: strings.TrimSpace(mark + l)}
				b.WriteString(mark)
			}
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String(), styled
}

func warning(line int, text, article string, m drafts.Message, args ...any) parse.Warning {
	return parse.Warning{Line: line, Text: text, Article: article, Why: fmt.Sprintf(m.Format, args...), ID: m.ID, Args: args}
}

// notes are the notes on what was left out, one for each kind the file
// holds.
func (l LeftOut) notes() []parse.Warning {
	var ws []parse.Warning
	for _, n := range []struct {
		count int
		m     drafts.Message
	}{
		{l.Tables, msgNoteTables}, {l.Footnotes, msgNoteFootnotes}, {l.Endnotes, msgNoteEndnotes},
		{l.Comments, msgNoteComments}, {l.HeadersFooters, msgNoteHeaders}, {l.TextBoxes, msgNoteTextBoxes},
		{l.Contents, msgNoteContents}, {l.Revisions, msgNoteRevisions},
	} {
		if n.count > 0 {
			ws = append(ws, warning(0, "", "", n.m, n.count))
		}
	}
	return ws
}

// tabs writes a paragraph's tabs as text: a space, or in a heading, where
// a tab after the heading's number stands for its separator («المادة 3»,
// a tab, «مهام الغرفة»), «: » after a letter or digit.
func tabs(text string, heading bool) string {
	if !strings.Contains(text, "\t") {
		return text
	}
	var b strings.Builder
	for i, part := range strings.Split(text, "\t") {
		if i > 0 {
			before := strings.TrimRight(b.String(), " ")
			last, _ := utf8.DecodeLastRuneInString(before)
			if heading && before != "" && strings.TrimSpace(part) != "" && (unicode.IsLetter(last) || unicode.IsDigit(last)) {
				b.Reset()
				b.WriteString(before)
				b.WriteString(": ")
				part = strings.TrimLeft(part, " ")
			} else if !strings.HasSuffix(b.String(), " ") {
				b.WriteByte(' ')
			}
		}
		b.WriteString(part)
	}
	return b.String()
}
