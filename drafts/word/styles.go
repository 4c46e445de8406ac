package word

import (
	"encoding/xml"
	"strconv"
	"strings"

	"statute/drafts"
)

// A style is a paragraph style of styles.xml, with what the reader needs
// of it.
type style struct {
	name, basedOn string
	outline       int // w:outlineLvl, 0-based; -1 when the style sets none
	num           numRef
}

// A numRef is a paragraph's or style's w:numPr.
type numRef struct {
	set   bool // a numPr was given (numId 0 among them: numbering removed)
	id    string
	level int
	// levelSet: w:ilvl was given; a paragraph that names only a numId
	// takes its style's level.
	levelSet bool
}

// styles are a document's paragraph styles by ID, and the one a paragraph
// with no w:pStyle has.
type styles struct {
	byID map[string]*style
	def  string
}

// readStyles reads styles.xml; a document without one has no styles.
func (a *archive) readStyles(part string) (*styles, error) {
	s := &styles{byID: make(map[string]*style)}
	err := a.definitions(part, func(w *walker, se xml.StartElement) error {
		if !isW(se.Name, "style") || attr(se, "type") != "paragraph" {
			return w.skip()
		}
		id := attr(se, "styleId")
		st := &style{outline: -1}
		if d := attr(se, "default"); d == "1" || d == "true" || d == "on" {
			s.def = id
		}
		s.byID[id] = st
		return w.within(func(se xml.StartElement) error {
			switch {
			case isW(se.Name, "name"):
				st.name = val(se)
			case isW(se.Name, "basedOn"):
				st.basedOn = val(se)
			case isW(se.Name, "pPr"):
				return w.within(func(se xml.StartElement) error {
					switch {
					case isW(se.Name, "outlineLvl"):
						st.outline = outlineLevel(val(se))
					case isW(se.Name, "numPr"):
						return w.numPr(se, &st.num)
					}
					return w.skip()
				})
			}
			return w.skip()
		})
	})
	return s, err
}

// definitions calls each for every definition at the top of the part
// named part (a style, a list), refusing more than MaxDefinitions; a
// document without that part has none.
func (a *archive) definitions(part string, each func(w *walker, se xml.StartElement) error) error {
	if part == "" {
		return nil
	}
	w, ok, err := a.walk(part)
	if !ok || err != nil {
		return err
	}
	defer w.close()
	count := 0
	return w.document(func(xml.StartElement) error {
		return w.within(func(se xml.StartElement) error {
			if count++; count > MaxDefinitions {
				return msgTooMany.Err(drafts.Invalid, a.name, part, MaxDefinitions)
			}
			return each(w, se)
		})
	})
}

// numPr reads a w:numPr into n.
func (w *walker) numPr(_ xml.StartElement, n *numRef) error {
	n.set = true
	return w.within(func(se xml.StartElement) error {
		switch {
		case isW(se.Name, "numId"):
			n.id = val(se)
		case isW(se.Name, "ilvl"):
			n.level, n.levelSet = clampLevel(val(se)), true
		}
		return w.skip()
	})
}

// outlineLevel reads w:outlineLvl: 0 to 8 are the heading levels, 9 is
// body text (a paragraph may say so against its heading style), and
// anything else is read as not set (-1).
func outlineLevel(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 9 {
		return -1
	}
	return n
}

func clampLevel(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 8 {
		return 0
	}
	return n
}

// maxChain bounds the basedOn chain followed: Word allows no cycle, but a
// file made elsewhere may hold one, and a long chain is no better.
const maxChain = 32

// chain is the style of that ID and the styles it is based on, nearest
// first, each once.
func (s *styles) chain(id string) []*style {
	var out []*style
	seen := make(map[string]bool, 4)
	for id != "" && !seen[id] && len(out) < maxChain {
		seen[id] = true
		st, ok := s.byID[id]
		if !ok {
			break
		}
		out = append(out, st)
		id = st.basedOn
	}
	return out
}

// A look is what a paragraph's style makes of it.
type look struct {
	name    string // the style's name, for warnings
	heading int    // 1 to 9; 0 for text
	title   bool
	// contents: a paragraph of a table of contents («toc 1», "TOC
	// Heading"), which repeats the headings and is no part of the text.
	contents bool
	num      numRef
}

// look resolves a paragraph's style, given its own outline level (-1 for
// none) and numbering: the paragraph's own settings first, then its
// style's, then those of the styles it is based on.
func (s *styles) look(id string, outline int, num numRef) look {
	if id == "" {
		id = s.def
	}
	chain := s.chain(id)
	var l look
	if len(chain) > 0 {
		l.name = chain[0].name
		if l.name == "" {
			l.name = id
		}
	}
	decided := outline >= 0
	if outline >= 0 && outline < 9 {
		l.heading = outline + 1
	}
	for _, st := range chain {
		n := strings.ToLower(strings.TrimSpace(st.name))
		if strings.HasPrefix(n, "toc ") || n == "toc heading" {
			l.contents = true
		}
		if !decided {
			switch {
			case st.outline >= 0:
				decided = true
				if st.outline < 9 {
					l.heading = st.outline + 1
				}
			case n == "title":
				l.title, decided = true, true
			case strings.HasPrefix(n, "heading "):
				if lv, err := strconv.Atoi(n[len("heading "):]); err == nil && lv >= 1 && lv <= 9 {
					l.heading, decided = lv, true
				}
			}
		}
		// A paragraph's numPr that gives only a level numbers it in its
		// style's list.
		if num.id == "" && st.num.id != "" {
			num.set, num.id = true, st.num.id
			if !num.levelSet {
				num.level = st.num.level
			}
		}
	}
	if num.id == "0" {
		num = numRef{}
	}
	l.num = num
	return l
}
