// Package export writes a draft out of the program, as files people open
// elsewhere. Each export is an operation of the domain, called by the app
// and by statutectl alike; front-ends only choose what to export and where
// the bytes go (an io.Writer).
//
// What works now is the consolidated text of a draft version (the version
// as stored: the text a consolidation made, or one imported) in three
// formats. Two of them import reads back to the same draft (same title,
// preamble, divisions and articles: keys, numbers, headings, paragraphs):
//
//   - Markdown (md): parse.Format, the layout import reads, with «#»
//     headings and a blank line between paragraphs.
//   - Plain text (txt): the same lines without Markdown: the title on the
//     first line, then the preamble, each division and article heading on
//     its own line («الباب الأول: أحكام عامة», «المادة 2: تعريفات»), and an
//     article's paragraphs one a line under its heading; a blank line ends
//     each block, for the eye only (import ignores blank lines).
//
// The third, HTML (html), is for reading and printing, not for import: one
// self-contained page, which shows on request the version's changes
// against the version before it (Request.Tracked); html.go says how it is
// laid out and how changes are marked. The fourth, PDF (pdf), is that
// page printed by Chromium or LibreOffice, whichever is installed
// (PDFOf, for any page the package writes as HTML); pdf.go says why
// through those programs and how each is run.
//
// Every Markdown or text export is read back before a byte is written:
// text that would import as another draft (an amendment's wording that holds a line such
// as «المادة 5: …», which import reads as a heading) is refused, naming
// the article, rather than written wrong.
//
// What comes next, under the names the issue gives them (Request): the
// other formats of the consolidated text (docx, akn) and the table
// of amendments (Table; xlsx, csv), chosen by chamber and status. Request.Check refuses
// them for now with a sentence that names what is available.
package export
