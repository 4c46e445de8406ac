package word

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"statute/drafts"
)

// The WordprocessingML namespaces: the transitional one, which Word and
// LibreOffice write, and the strict one of ISO/IEC 29500 ("Strict Open
// XML" in Word's Save As).
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// A walker reads one XML part token by token, counting how deep it is, so
// that a part nested without end is refused before the decoder's own
// bookkeeping grows with it.
type walker struct {
	a     *archive
	part  string
	rc    io.ReadCloser
	d     *xml.Decoder
	depth int
}

// walk opens a part for reading; ok is false when the zip has no such part.
func (a *archive) walk(part string) (*walker, bool, error) {
	rc, ok, err := a.open(part)
	if !ok || err != nil {
		return nil, ok, err
	}
	d := xml.NewDecoder(rc)
	return &walker{a: a, part: part, rc: rc, d: d}, true, nil
}

func (w *walker) close() { w.rc.Close() }

// next returns the next token, refusing a part nested too deep and saying
// what went wrong in a sentence.
func (w *walker) next() (xml.Token, error) {
	t, err := w.d.Token()
	if err != nil {
		return nil, w.fail(err)
	}
	switch t.(type) {
	case xml.StartElement:
		w.depth++
		if w.depth > MaxDepth {
			return nil, msgTooDeep.Err(drafts.Invalid, w.a.name, w.part, MaxDepth)
		}
	case xml.EndElement:
		w.depth--
	}
	return t, nil
}

func (w *walker) fail(err error) error {
	var syntax *xml.SyntaxError
	switch {
	case errors.Is(err, errTooBig):
		return msgBomb.Err(drafts.Invalid, w.a.name, w.part, MaxPartBytes>>20)
	case errors.As(err, &syntax):
		return msgBadXML.Wrap(drafts.Invalid, err, w.a.name, w.part, syntax.Line)
	case err == io.EOF:
		line, _ := w.d.InputPos()
		return msgBadXML.Wrap(drafts.Invalid, io.ErrUnexpectedEOF, w.a.name, w.part, line)
	}
	return msgDamaged.Wrap(drafts.Invalid, err, w.a.name, w.part)
}

// document calls fn on the part's root element, which fn must read to its
// end, and checks that nothing but the root is there.
func (w *walker) document(fn func(xml.StartElement) error) error {
	for {
		t, err := w.d.Token()
		if err == io.EOF {
			return msgBadXML.Err(drafts.Invalid, w.a.name, w.part, 1)
		}
		if err != nil {
			return w.fail(err)
		}
		if se, ok := t.(xml.StartElement); ok {
			w.depth++
			return fn(se)
		}
	}
}

// within reads the children of the element whose start was just read, up
// to its end, calling fn on each child element's start; fn must read that
// child to its end (with within, skip or text).
func (w *walker) within(fn func(xml.StartElement) error) error {
	for {
		t, err := w.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// skip reads the element whose start was just read to its end.
func (w *walker) skip() error {
	for depth := 1; depth > 0; {
		t, err := w.next()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// skipFinding reads the element whose start was just read to its end, and
// reports whether an element of that local name is inside it.
func (w *walker) skipFinding(local string) (bool, error) {
	found := false
	for depth := 1; depth > 0; {
		t, err := w.next()
		if err != nil {
			return false, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			depth++
			found = found || t.Name.Local == local
		case xml.EndElement:
			depth--
		}
	}
	return found, nil
}

// text reads the character data of the element whose start was just read,
// to its end, into b; with spaced, line breaks and tabs become spaces.
func (w *walker) text(b *strings.Builder, spaced bool) error {
	for depth := 1; depth > 0; {
		t, err := w.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.CharData:
			if depth != 1 {
				break
			}
			if spaced && bytes.ContainsAny(t, "\n\r\t") {
				t = bytes.Map(func(r rune) rune {
					if r == '\n' || r == '\r' || r == '\t' {
						return ' '
					}
					return r
				}, t)
			}
			b.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// isW reports whether an element is WordprocessingML's, of that local name.
func isW(n xml.Name, local string) bool {
	return n.Local == local && (n.Space == nsW || n.Space == nsWStrict)
}

// val is an element's w:val.
func val(se xml.StartElement) string { return attr(se, "val") }

// on reads a toggle property such as <w:vanish/> or <w:vanish w:val="0"/>.
func on(se xml.StartElement) bool {
	switch val(se) {
	case "0", "false", "off":
		return false
	}
	return true
}
