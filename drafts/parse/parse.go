// Package parse reads a draft statute from plain text or Markdown into a
// drafts.Draft, writes a draft back as Markdown, and turns the article
// references people type («المادة الأولى», "2 bis", «٤») into article keys.
//
// How a document is read, line by line:
//
//   - The text goes through arabic.Normalize first (byte-order mark, CRLF,
//     presentation forms copied from PDFs, NFC), unless a survey of its
//     bytes shows that Normalize would leave it unchanged, which is the
//     common case and saves most of the parse time. Blank lines mean
//     nothing, and neither do lines that hold only Markdown markup («#»,
//     «---»).
//   - A heading is a line that starts with a heading word and a number, with
//     only the end of the line or a separator (: - – — .) after the number:
//     «المادة 3: مهام الغرفة», «Article 2 bis. –», «الباب الأول». A line
//     that merely starts with a reference («المادة 5 من القانون رقم 18.09…»)
//     is not a heading. Markdown «#» prefixes and «**bold**» are ignored on
//     heading lines.
//   - Numbers are digits (Western or Eastern), ordinals in words from 1 to 99
//     in either gender, with or without hamza («الأولى», «الاولى»,
//     «الحادية عشرة», «الحادية والعشرون»), «premier», «1er», «unique» or
//     «فريدة», and for divisions also roman numerals («Titre II»). A number
//     may carry «مكرر/مكررة» (bis), «مكرر مرتين» (ter), «مكرر ثلاث مرات»
//     (quater), or a Latin bis, ter, quater…; «2-1» is kept as it is.
//   - The word that marks an article is a property of the document: «المادة»
//     or "Article" when such headings exist (the more frequent one wins), else
//     «الفصل» as in older dahirs, in which case «الفصل» no longer marks a
//     chapter. Options.ArticleWord forces the choice. A Markdown heading in
//     the other of «المادة» and "Article" («## Article 7 bis» in a draft of
//     «المادة») is an article too, when it comes after the first heading
//     and no heading in the document's word has its number; other lines in
//     that word are text.
//   - What follows the separator on an article's heading line is the
//     article's own title when it is short: at most ten words, not ending in
//     punctuation that closes or opens a sentence (. : ; ، ؛ ! ?). Otherwise it
//     is the article's first paragraph: «المادة 3 - تتولى الغرفة ما يلي:»
//     has no title and starts with that sentence. A note in parentheses,
//     «المادة 5: (نسخت)», is text too.
//   - A division (الكتاب, القسم, الباب, الفصل, الفرع; Livre, Partie, Titre,
//     Chapitre, Section) takes its title after a separator on its own line,
//     or from the next line if that line is short (at most sixteen words, no
//     closing punctuation) and comes before any article. Any other text
//     between a division heading and the next article belongs to no article
//     and is refused, naming its line, rather than dropped or misplaced.
//   - Every other non-empty line of an article is one paragraph, trimmed
//     as drafts.Paragraphs trims a line (so an amendment's wording, stored
//     by that rule, reads as the article does), kept as written (list items
//     «- », «أ) », «1.» included).
//   - An article needs at least one line of text: a heading with nothing
//     under it is refused, naming its line, because it is most often a
//     heading read by mistake. A repealed article keeps a line such as
//     «(نسخت)».
//   - The draft's title is the first line before any heading (or
//     Options.Title, or else the source file's name); the other lines before
//     the first heading are the preamble.
//   - Lines read as text that look like headings are reported, by line, as
//     Warnings (ParseWithWarnings): a list item that starts with a heading
//     («* المادة 3», «1. المادة 5»), a Markdown heading that heads no
//     article or division, and a line that starts with the article word and
//     a number but goes on as no heading does («المادة 9 تحدث …»). List
//     items and plain lines are reported only where an article seems
//     missing, so that references in the text («المادة 5 من القانون رقم
//     18.09 …», «- المادة 2») are not.
//   - The text must be UTF-8. UTF-16, with a byte-order mark or without
//     (detected from its 16-bit units), is refused with a sentence that
//     names it, as is any other file holding NUL bytes.
package parse

import (
	"path/filepath"
	"strings"
	"unicode/utf8"

	"statute/drafts"
	"statute/drafts/arabic"
)

// MaxDraftBytes is the largest draft Parse accepts. Real statutes are well
// under a megabyte; a bigger file is almost surely the wrong one.
const MaxDraftBytes = 16 << 20

// Options adjust how Parse reads a document.
type Options struct {
	// ArticleWord, when set, is the word that heads articles, overriding
	// detection: «المادة», «الفصل», "Article", or any single word.
	ArticleWord string
	// Title, when set, is the draft's title; the document's first line is
	// then kept in the preamble.
	Title string
	// Source is the name of the file the draft comes from, for Draft.Source.
	Source string
}

// Parse reads a draft statute. It sets the draft's Title, Language,
// ArticleWord, Preamble, Divisions, Articles and Source, not its ID,
// Version or Imported time. Bad input gives an Invalid *drafts.Error that
// names the problem and, where it lies on one line, the line.
func Parse(data []byte, opt Options) (*drafts.Draft, error) {
	d, _, err := ParseWithWarnings(data, opt)
	return d, err
}

// ParseString is Parse on text already held as a string, which spares a
// copy of the whole document.
func ParseString(text string, opt Options) (*drafts.Draft, error) {
	d, _, err := ParseStringWithWarnings(text, opt)
	return d, err
}

// ParseWithWarnings is Parse, and also returns the lines that look like
// headings but were read as text, in the order of the document (see
// Warning). An import shows them before it stores the draft: a heading
// read as text leaves an article out without an error.
func ParseWithWarnings(data []byte, opt Options) (*drafts.Draft, []Warning, error) {
	if len(data) > MaxDraftBytes {
		return nil, nil, tooLarge(len(data))
	}
	return ParseStringWithWarnings(string(data), opt)
}

// ParseStringWithWarnings is ParseWithWarnings on text held as a string.
func ParseStringWithWarnings(text string, opt Options) (*drafts.Draft, []Warning, error) {
	sv, err := checkBytes(text)
	if err != nil {
		return nil, nil, err
	}
	forced, err := articleWordOption(opt.ArticleWord)
	if err != nil {
		return nil, nil, err
	}
	if !sv.plain {
		text = arabic.Normalize(text)
	}
	if sv.pageBreak {
		text = pageBreaks.Replace(text)
	}
	lang := language(text)
	lines, counts := scan(text, forced)
	if len(lines) == 0 {
		return nil, nil, drafts.Errorf(drafts.Invalid, "the file is empty: it holds no text")
	}
	d := &drafts.Draft{
		Title:    strings.TrimSpace(opt.Title),
		Language: lang,
		Source:   opt.Source,
	}
	word := chooseWord(forced, counts, d.Language)
	if word.kind == wordNone {
		if forced.kind != wordNone {
			return nil, nil, drafts.Errorf(drafts.Invalid, "found no article headings such as «%s 1»: check the article word, or leave --article-word out to detect it", forced.display)
		}
		return nil, nil, drafts.Errorf(drafts.Invalid, "found no article headings such as «المادة 1» or «Article 1»; if this document uses another word, pass --article-word")
	}
	d.ArticleWord = word.display
	d.Articles = make([]drafts.Article, 0, counts[word.kind])
	landed, err := assemble(d, lines, word, otherWord(forced, word, counts), d.Title != "")
	if err != nil {
		return nil, nil, err
	}
	if d.Title == "" && opt.Source != "" {
		d.Title = strings.TrimSuffix(filepath.Base(opt.Source), filepath.Ext(opt.Source))
	}
	return d, warnings(d, lines, landed, word), nil
}

// otherWord is the article word, «المادة» or "Article", that the document
// also uses in headings though it heads its articles with the other one;
// wordNone when there is none, or when Options.ArticleWord chose the word.
func otherWord(forced, word headingWord, counts [wordKinds]int) wordKind {
	other := wordNone
	switch {
	case forced.kind != wordNone:
	case word.kind == wordMadda:
		other = wordArticle
	case word.kind == wordArticle:
		other = wordMadda
	}
	if counts[other] == 0 {
		return wordNone
	}
	return other
}

// checkBytes refuses what is not UTF-8 text before any work is done on it,
// and surveys the text on the way.
func checkBytes(data string) (survey, error) {
	if len(data) > MaxDraftBytes {
		return survey{}, tooLarge(len(data))
	}
	if strings.HasPrefix(data, "\xFF\xFE") || strings.HasPrefix(data, "\xFE\xFF") {
		return survey{}, drafts.Errorf(drafts.Invalid, "the file is in UTF-16 (\"Unicode\" in Notepad and Word): save it as UTF-8 text and import it again")
	}
	if strings.TrimSpace(data) == "" {
		return survey{}, drafts.Errorf(drafts.Invalid, "the file is empty: it holds no text")
	}
	sv := surveyBytes(data)
	if sv.nul {
		if order := utf16Order(data); order != "" {
			return survey{}, msgUTF16NoBOM.Err(drafts.Invalid, order)
		}
		return survey{}, drafts.Errorf(drafts.Invalid, "this is not a text file (it holds NUL bytes): if it is a Word or PDF document, save it as plain text (UTF-8) or Markdown first")
	}
	if sv.control*10 > len(data) {
		return survey{}, drafts.Errorf(drafts.Invalid, "this is not a text file (it is mostly control characters): if it is a Word or PDF document, save it as plain text (UTF-8) or Markdown first")
	}
	if sv.control > 0 {
		r, _ := utf8.DecodeRuneInString(data[sv.controlAt:])
		return survey{}, drafts.LineErrorf(1+strings.Count(data[:sv.controlAt], "\n"),
			"the text holds a control character (U+%04X) that cannot be seen or printed: remove it (it may have come with a copy out of another program) and import again", r)
	}
	if !sv.plain && !utf8.ValidString(data) {
		at := 0
		for at < len(data) {
			r, n := utf8.DecodeRuneInString(data[at:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			at += n
		}
		line := 1 + strings.Count(data[:at], "\n")
		return survey{}, drafts.LineErrorf(line, "the text is not valid UTF-8 (byte 0x%02X): the file is probably in another encoding such as Windows-1256; open it and save it as UTF-8", data[at])
	}
	return sv, nil
}

var msgUTF16NoBOM = drafts.NewMessage("parse.utf16-no-bom",
	"this file is UTF-16 without a byte-order mark (%s): save it as UTF-8 text and import it again")

// utf16Order says "UTF-16LE" or "UTF-16BE" when data, which holds NUL
// bytes, reads as text in that encoding: an even number of bytes whose
// 16-bit units, over the first 64 KB, are almost all the characters of a
// draft (Latin, Arabic, digits, punctuation, line breaks). Such a file is
// UTF-16 saved without its byte-order mark, which the NUL bytes of every
// space and Latin letter betray. It says "" for anything else, a Word or
// PDF file among them.
func utf16Order(data string) string {
	if len(data)%2 != 0 {
		return ""
	}
	sample := data[:min(len(data), 64<<10)]
	le, be := 0, 0
	for i := 0; i+1 < len(sample); i += 2 {
		if draftUnit(uint16(sample[i]) | uint16(sample[i+1])<<8) {
			le++
		}
		if draftUnit(uint16(sample[i])<<8 | uint16(sample[i+1])) {
			be++
		}
	}
	units := len(sample) / 2
	switch {
	case le*20 >= units*19 && le > be:
		return "UTF-16LE"
	case be*20 >= units*19 && be > le:
		return "UTF-16BE"
	}
	return ""
}

// draftUnit reports whether a UTF-16 unit is a character a draft is
// written with.
func draftUnit(u uint16) bool {
	switch {
	case u == '\t' || u == '\n' || u == '\r' || u == '\f':
		return true
	case u >= 0x20 && u < 0x7F, u >= 0xA0 && u <= 0x24F: // Latin
		return true
	case u >= 0x0600 && u <= 0x06FF, u >= 0x0750 && u <= 0x077F: // Arabic
		return true
	case u >= 0x2000 && u <= 0x206F: // punctuation, invisible marks
		return true
	case u >= 0xFB50 && u <= 0xFDFF, u >= 0xFE70 && u <= 0xFEFF: // presentation forms
		return true
	}
	return false
}

var pageBreaks = strings.NewReplacer("\f", "\n", "\v", "\n")

func tooLarge(n int) error {
	return drafts.Errorf(drafts.Invalid, "the file is %.1f MB, over the limit of %d MB for a draft: is it the right file?",
		float64(n)/(1<<20), MaxDraftBytes>>20)
}

// A survey is what one pass over the raw bytes learns.
type survey struct {
	nul     bool
	control int // control characters other than line breaks and tabs
	// controlAt is the offset of the first of them, if any.
	controlAt int
	// pageBreak: the text holds form feeds or vertical tabs, as text
	// taken out of a PDF does between pages; they are read as line breaks.
	pageBreak bool
	// plain: the text is valid UTF-8 and every character is one that
	// arabic.Normalize leaves alone whatever surrounds it (a starter that
	// is NFC on its own; no CR, byte-order mark or presentation form), so
	// Normalize would return the text unchanged. Most drafts are plain, and
	// checking it here costs a fraction of Normalize's own NFC check.
	plain bool
}

func surveyBytes(data string) survey {
	sv := survey{plain: true, controlAt: -1}
	control := func(at int) {
		if sv.control == 0 {
			sv.controlAt = at
		}
		sv.control++
	}
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7F {
				switch c {
				case '\n', '\t':
				case '\f', '\v':
					sv.pageBreak = true
				case 0:
					sv.nul = true
				case '\r':
					sv.plain = false
				default:
					control(i)
				}
			}
			i++
			continue
		}
		if c >= 0xC2 && c <= 0xDF && i+1 < len(data) && data[i+1]&0xC0 == 0x80 {
			if c == 0xC2 && data[i+1] < 0xA0 {
				control(i) // U+0080–U+009F, the C1 controls
			}
			if plainTwoByte[rune(c&0x1F)<<6|rune(data[i+1]&0x3F)] {
				i += 2
				continue
			}
		} else if c == 0xE2 && i+2 < len(data) && (data[i+1] == 0x80 || data[i+1] == 0x81) && data[i+2]&0xC0 == 0x80 {
			// U+2000–U+207F: punctuation and invisible marks
			if r := rune(data[i+1]&0x3F)<<6 | rune(data[i+2]&0x3F) | 0x2000; r >= 0x2002 && r <= 0x206F {
				i += 3
				continue
			}
		}
		sv.plain = false
		i++
	}
	return sv
}

// plainTwoByte says which two-byte runes isPlainRune accepts: the survey
// reads every byte of a draft, and a table is several times faster than a
// chain of comparisons on Arabic text.
var plainTwoByte = func() (t [0x800]bool) {
	for r := range t {
		t[r] = isPlainRune(rune(r))
	}
	return
}()

// isPlainRune reports whether a two-byte rune is NFC on its own and a
// starter (canonical combining class 0), so that no neighbour can make NFC
// change it: Latin-1 and Latin Extended-A and -B, Arabic letters, digits
// and punctuation (not the harakat, U+0610–U+061A, U+064B–U+065F, U+0670,
// U+06D6–U+06ED).
func isPlainRune(r rune) bool {
	return r >= 0x80 && r <= 0x24F ||
		r >= 0x0600 && r <= 0x060F || r >= 0x061B && r <= 0x064A ||
		r >= 0x0660 && r <= 0x066F || r >= 0x0671 && r <= 0x06D5 || r >= 0x06EE && r <= 0x06FF
}

// language says "ar" or "fr" by which script has more letters.
func language(s string) string {
	// A sample decides: a draft is in one language throughout, with
	// words of the other here and there.
	const sample = 64 << 10
	if len(s) > sample {
		s = s[:sample]
	}
	ar, latin := 0, 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				latin++
			}
		case r >= 0xC0 && r <= 0x24F:
			latin++
		case r >= 0x0620 && r <= 0x064A, r >= 0x0671 && r <= 0x06D3:
			ar++
		}
	}
	return majority(ar, latin)
}

func majority(arabic, latin int) string {
	if latin > arabic {
		return "fr"
	}
	return "ar"
}

// A line is one non-blank line of the document, classified on its own.
// Most lines are text; the few headings keep what was read of them apart,
// which keeps the lines of a large draft small.
type line struct {
	no    int    // 1-based
	text  string // trimmed, as written: the form kept in paragraphs
	clean string // without Markdown markup: the form read as a heading or title
	head  *heading
}

// A heading is what readLine found on a line: a heading (reach is
// reachHeading and list is false), or, on the few lines of text that look
// like one, how far the line reads as a heading, for warnings.
type heading struct {
	word  headingWord
	num   number
	rest  string // what follows the number and its separator; for reachNumber, all that follows the number
	reach reach
	list  bool   // read after a list mark («* », «1. »), so the line is text
	lead  string // the heading word and number as written, from reachNumber on
}

// notHeading stands for the heading of a line of text.
var notHeading heading

// heading is the line's heading, or notHeading for a line of text.
func (l *line) heading() *heading {
	if l.head == nil || l.head.reach != reachHeading || l.head.list {
		return &notHeading
	}
	return l.head
}

// scan splits the text into non-blank lines, reads each as a heading if it
// can be one, and counts the candidate article headings of each word.
func scan(text string, forced headingWord) ([]line, [wordKinds]int) {
	var counts [wordKinds]int
	lines := make([]line, 0, strings.Count(text, "\n")+1)
	no := 0
	for len(text) > 0 {
		no++
		raw := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			raw, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		trimmed := trimSpace(raw)
		if trimmed == "" || isRule(trimmed) {
			continue
		}
		clean := stripMarkdown(trimmed)
		if clean == "" {
			continue
		}
		l := line{no: no, text: trimmed, clean: clean}
		w, n, rest, r := readLine(clean, forced)
		switch {
		case r == reachHeading:
			l.head = &heading{word: w, num: n, rest: rest, reach: r, lead: clean[:n.end]}
			if !n.roman && w.articleCandidate() {
				counts[w.kind]++
			}
		case r == reachNumber || trimmed[0] == '#':
			// Text that may have been meant as a heading.
			l.head = &heading{word: w, num: n, reach: r}
			if r == reachNumber {
				l.head.lead, l.head.rest = clean[:n.end], rest
			}
		default:
			if item, ok := listItem(clean); ok {
				if w, n, rest, r := readLine(item, forced); r >= reachNumber {
					l.head = &heading{word: w, num: n, rest: rest, reach: r, list: true, lead: item[:n.end]}
				}
			}
		}
		lines = append(lines, l)
	}
	return lines, counts
}

// chooseWord decides which word marks articles in this document.
func chooseWord(forced headingWord, counts [wordKinds]int, lang string) headingWord {
	if forced.kind != wordNone {
		if counts[forced.kind] == 0 {
			return headingWord{}
		}
		return forced
	}
	madda, article := counts[wordMadda], counts[wordArticle]
	switch {
	case madda > article, madda > 0 && madda == article && lang == "ar":
		return knownWords["الماده"]
	case article > 0:
		return knownWords["article"]
	case counts[wordFasl] > 0:
		return knownWords["الفصل"]
	}
	return headingWord{}
}

// assemble builds the draft's structure from the classified lines, and
// returns the lines that look like headings but were read as text. other,
// when not wordNone, is the other article word («Article» in a draft of
// «المادة», and the reverse): a Markdown heading line («## Article 7 bis»)
// in that word is taken as an article when it comes after the first
// heading (the title line is not one) and its number is no other
// article's, since the author marked it as a heading and it can be
// nothing else.
func assemble(d *drafts.Draft, lines []line, word headingWord, other wordKind, haveTitle bool) ([]landing, error) {
	var (
		cur        *drafts.Article
		curDiv     = -1
		pending    = -1 // a division whose title may come on the next line
		lastDiv    = -1 // the last division heading, for text that follows it
		seen       = make(map[string]int, len(lines)/4)
		anyHeading bool
		landed     []landing
		ownKeys    map[string]bool // the numbers of the headings in word
	)
	if other != wordNone {
		ownKeys = make(map[string]bool)
		for i := range lines {
			if h := lines[i].heading(); h.word.kind == word.kind && !h.num.roman {
				ownKeys[h.num.key] = true
			}
		}
	}
	// taken reports whether a heading in the other word is an article.
	taken := func(l *line, h *heading) bool {
		if other == wordNone || h.word.kind != other || h.num.roman || l.text[0] != '#' || ownKeys[h.num.key] || !anyHeading {
			return false
		}
		_, dup := seen[h.num.key]
		return !dup
	}
	finish := func() error {
		if cur == nil {
			return nil
		}
		if len(cur.Paragraphs) == 0 {
			hint := ""
			if cur.Heading != "" {
				hint = ": «" + cur.Heading + "» was read as its title; end it with a full stop to make it the text"
			}
			return drafts.LineErrorf(cur.Line, "«%s %s» has no text: write the article under its heading, or keep a line such as «(نسخت)» for a repealed article%s",
				d.ArticleWord, cur.Number, hint)
		}
		d.Articles = append(d.Articles, *cur)
		cur = nil
		return nil
	}
	for i := range lines {
		l := &lines[i]
		h := l.heading()
		switch {
		case h.word.kind != wordNone && h.word.kind == word.kind && !h.num.roman, taken(l, h):
			if err := finish(); err != nil {
				return nil, err
			}
			if prev, dup := seen[h.num.key]; dup {
				return nil, drafts.LineErrorf(l.no, "«%s» repeats article %s, already headed at line %d: renumber one of them (an inserted article takes a number such as %s)",
					l.clean, h.num.key, prev, insertedExample(h.num.key, d.Language))
			}
			seen[h.num.key] = l.no
			anyHeading, pending = true, -1
			cur = &drafts.Article{Key: h.num.key, Number: h.num.raw, Position: len(d.Articles), Division: curDiv, Line: l.no}
			if h.rest != "" {
				if isTitle(h.rest, maxArticleTitleWords) {
					cur.Heading = h.rest
				} else {
					cur.Paragraphs = append(cur.Paragraphs, h.rest)
				}
			}
		case h.word.level != 0 && h.word.kind != word.kind:
			if err := finish(); err != nil {
				return nil, err
			}
			anyHeading = true
			parent := curDiv
			for parent >= 0 && d.Divisions[parent].Level >= h.word.level {
				parent = d.Divisions[parent].Parent
			}
			d.Divisions = append(d.Divisions, drafts.Division{Level: h.word.level, Heading: l.clean, Number: h.num.raw, Title: h.rest, Parent: parent})
			curDiv = len(d.Divisions) - 1
			lastDiv = i
			pending = -1
			if h.rest == "" {
				pending = curDiv
			}
		case cur != nil:
			cur.Paragraphs = append(cur.Paragraphs, l.text)
			if l.head != nil {
				landed = append(landed, landing{line: i, at: len(d.Articles)})
			}
		case pending >= 0 && isTitle(trimSeparators(l.clean), maxDivisionTitleWords):
			// The title moves onto the heading line, where separators
			// before it would be read as part of the separator.
			title := trimSeparators(l.clean)
			dv := &d.Divisions[pending]
			dv.Title = title
			dv.Heading = strings.TrimRightFunc(dv.Heading, isSeparatorOrSpace) + ": " + title
			pending = -1
		case !anyHeading:
			if l.head != nil {
				landed = append(landed, landing{line: i, at: -1})
			}
			if !haveTitle {
				d.Title, haveTitle = l.clean, true
			} else {
				d.Preamble = append(d.Preamble, l.text)
			}
		default:
			return nil, drafts.LineErrorf(l.no, "this text comes after the heading «%s» (line %d) and before any article, so it belongs to no article: move it under an article, or remove it",
				lines[lastDiv].clean, lines[lastDiv].no)
		}
	}
	return landed, finish()
}

func insertedExample(key, lang string) string {
	base := key
	if i := strings.IndexFunc(key, func(r rune) bool { return r < '0' || r > '9' }); i > 0 {
		base = key[:i]
	}
	if lang == "fr" {
		return "\"" + base + " bis\""
	}
	return "«" + base + " مكررة»"
}

// Titles are short; a longer line, or one that ends like a sentence, is
// text.
const (
	maxArticleTitleWords  = 10
	maxDivisionTitleWords = 16
)

func isSeparatorOrSpace(r rune) bool { return isSeparator(r) || isSpace(r) }

func trimSeparators(s string) string { return strings.TrimLeftFunc(s, isSeparatorOrSpace) }

func isTitle(s string, maxWords int) bool {
	if s == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if last == ')' && s[0] == '(' {
		return false // a note such as «(نسخت)» is text
	}
	switch last {
	case '.', ':', ';', '؛', '،', ',', '!', '?', '؟', '…':
		return false
	}
	words, inWord := 0, false
	for _, r := range s {
		if isSpace(r) {
			inWord = false
		} else if !inWord {
			inWord = true
			words++
			if words > maxWords {
				return false
			}
		}
	}
	return true
}
