package word

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"statute/drafts"
)

// Limits on what a file may make the reader do. A real draft's Word file
// is a few hundred kilobytes of XML, a 1,000-article one a few megabytes.
const (
	// MaxEntries is the most files a .docx may hold.
	MaxEntries = 5000
	// MaxPartBytes is the most one XML part may unpack to.
	MaxPartBytes = 64 << 20
	// MaxTotalBytes is the most all the parts read may unpack to together.
	MaxTotalBytes = 160 << 20
	// MaxDepth is the deepest XML elements may nest: Word nests a run's text
	// about six deep, and each table inside a table adds three.
	MaxDepth = 256
	// MaxParagraphs is the most paragraphs a body may hold: a 1,000-article
	// draft has about 5,000. Each costs more kept than its few bytes of XML.
	MaxParagraphs = 200_000
	// MaxDefinitions is the most styles, and the most lists, a file may
	// define: Word's own files define a few hundred styles.
	MaxDefinitions = 20_000
)

// The sentences of refusals.
var (
	msgNotZip = drafts.NewMessage("word.not-zip",
		"%s starts like a Word document but cannot be opened as one (the file is damaged or incomplete): open it in Word or LibreOffice, save it again as a Word document (.docx), and import that")
	msgDamaged = drafts.NewMessage("word.damaged",
		"%s is damaged: its part %s cannot be read: open the file in Word or LibreOffice, save it again as a Word document (.docx), and import that")
	msgBadXML = drafts.NewMessage("word.bad-xml",
		"%s is damaged: its part %s is not well-formed XML (line %d): open the file in Word or LibreOffice, save it again as a Word document (.docx), and import that")
	msgZip = drafts.NewMessage("word.zip",
		"%s is a zip archive, not a Word document: if the draft is inside it, extract that file and import it")
	msgExcel = drafts.NewMessage("word.excel",
		"%s is an Excel workbook (.xlsx), not a Word document: import the Word or text file of the draft")
	msgPowerPoint = drafts.NewMessage("word.powerpoint",
		"%s is a PowerPoint presentation (.pptx), not a Word document: import the Word or text file of the draft")
	msgODT = drafts.NewMessage("word.odt",
		"%s is an OpenDocument text (.odt), not a Word document: open it in LibreOffice or Word, save it as a Word document (.docx), and import that")
	msgOpenDocument = drafts.NewMessage("word.opendocument",
		"%s is an OpenDocument spreadsheet or presentation (.ods, .odp), not a Word document: import the Word or text file of the draft")
	msgTooManyEntries = drafts.NewMessage("word.too-many-entries",
		"%s holds %d files inside it, more than a Word document does (at most %d): it was not read, as it may be made to harm; import the draft's own Word file")
	msgBomb = drafts.NewMessage("word.zip-bomb",
		"%s unpacks to more than a Word document does (its part %s, over %d MB): it was not read, as it may be made to harm; import the draft's own Word file")
	msgTooMany = drafts.NewMessage("word.too-many",
		"%s holds more in its part %s than a draft's Word document does (over %d paragraphs, styles or lists): it was not read, as it may be made to harm; import the draft's own Word file")
	msgTooDeep = drafts.NewMessage("word.too-deep",
		"%s nests the elements of its part %s more than %d deep, which no Word document does: it was not read, as it may be made to harm; open the file in Word or LibreOffice, save it again as .docx, and import that")
)

// errTooBig marks a part read past its limit.
var errTooBig = errors.New("part unpacks past its limit")

// An archive is the zip of a .docx, its parts named as in the zip with
// no leading slash, compared without case as the format wants.
type archive struct {
	name  string // the file's name, for sentences
	files map[string]*zip.File
	read  int64 // bytes unpacked so far, over all parts
}

func openArchive(name string, data []byte) (*archive, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, msgNotZip.Wrap(drafts.Invalid, err, name)
	}
	if len(zr.File) > MaxEntries {
		return nil, msgTooManyEntries.Err(drafts.Invalid, name, len(zr.File), MaxEntries)
	}
	a := &archive{name: name, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		a.files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	return a, nil
}

// has reports whether the zip holds the part.
func (a *archive) has(part string) bool {
	_, ok := a.files[strings.ToLower(part)]
	return ok
}

// open opens a part for reading through the limits; ok is false when the
// zip has no such part.
func (a *archive) open(part string) (io.ReadCloser, bool, error) {
	f, ok := a.files[strings.ToLower(part)]
	if !ok {
		return nil, false, nil
	}
	if f.UncompressedSize64 > MaxPartBytes || a.read+int64(f.UncompressedSize64) > MaxTotalBytes {
		return nil, true, msgBomb.Err(drafts.Invalid, a.name, part, MaxPartBytes>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, true, msgDamaged.Wrap(drafts.Invalid, err, a.name, part)
	}
	return &limited{rc: rc, a: a, left: MaxPartBytes}, true, nil
}

// limited reads a part, failing with errTooBig once it has given its limit
// or the archive's: the sizes a zip declares are not to be trusted.
type limited struct {
	rc   io.ReadCloser
	a    *archive
	left int64
}

func (l *limited) Read(p []byte) (int, error) {
	room := min(l.left, MaxTotalBytes-l.a.read)
	if room <= 0 {
		return 0, errTooBig
	}
	if int64(len(p)) > room {
		p = p[:room]
	}
	n, err := l.rc.Read(p)
	l.left -= int64(n)
	l.a.read += int64(n)
	if errors.Is(err, zip.ErrFormat) {
		// What archive/zip says when a part unpacks to more than the
		// size it declares: a bomb that lies to pass a check of sizes.
		err = errTooBig
	}
	return n, err
}

func (l *limited) Close() error { return l.rc.Close() }

// small reads a short part whole, such as an OpenDocument's mimetype.
func (a *archive) small(part string, max int64) string {
	rc, ok, err := a.open(part)
	if !ok || err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, max))
	return string(b)
}

// notWord is the refusal of a zip with no Word document in it, naming what
// it is when that can be told.
func (a *archive) notWord() error {
	switch {
	case a.has("xl/workbook.xml"):
		return msgExcel.Err(drafts.Invalid, a.name)
	case a.has("ppt/presentation.xml"):
		return msgPowerPoint.Err(drafts.Invalid, a.name)
	}
	switch mime := strings.TrimSpace(a.small("mimetype", 100)); {
	case mime == "application/vnd.oasis.opendocument.text":
		return msgODT.Err(drafts.Invalid, a.name)
	case strings.HasPrefix(mime, "application/vnd.oasis.opendocument."):
		return msgOpenDocument.Err(drafts.Invalid, a.name)
	}
	return msgZip.Err(drafts.Invalid, a.name)
}

// The relationship types the reader follows, by their last segment (the
// transitional and the strict schemas differ before it).
const (
	relDocument  = "officeDocument"
	relStyles    = "styles"
	relNumbering = "numbering"
	relHeader    = "header"
	relFooter    = "footer"
)

// A rel is one relationship of a part: its type's last segment and the
// part it points to, resolved against the source part's folder.
type rel struct {
	kind, target string
}

// rels reads the relationships of the part named source ("" for the
// package's own), from its _rels file; none when there is no such file.
func (a *archive) rels(source string) ([]rel, error) {
	dir, base := path.Split(source)
	relsPart := dir + "_rels/" + base + ".rels"
	w, ok, err := a.walk(relsPart)
	if !ok || err != nil {
		return nil, err
	}
	defer w.close()
	var out []rel
	err = w.document(func(se xml.StartElement) error {
		return w.within(func(se xml.StartElement) error {
			if se.Name.Local == "Relationship" && attr(se, "TargetMode") != "External" {
				kind := attr(se, "Type")
				kind = kind[strings.LastIndex(kind, "/")+1:]
				target := attr(se, "Target")
				if strings.HasPrefix(target, "/") {
					target = path.Clean(target)[1:]
				} else {
					target = path.Join(dir, target)
				}
				out = append(out, rel{kind: kind, target: target})
			}
			return w.skip()
		})
	})
	return out, err
}

// attr is the value of the attribute of that local name, in any namespace.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
