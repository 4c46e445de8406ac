// Package export writes a draft out of the program, as files people open
// elsewhere. Each export is an operation of the domain, called by the app
// and by statutectl alike; front-ends only choose what to export and where
// the bytes go (an io.Writer).
//
// What works now is the consolidated text of a draft version (the version
// as stored: the text a consolidation made, or one imported) in four
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
// self-contained page, and the only format that shows the version's
// changes against the version before it (Request.Tracked); html.go says
// how it is laid out and how changes are marked.
//
// The fourth, Akoma Ntoso (akn), is for other systems that read legal
// documents: one XML file in the OASIS LegalDocML vocabulary, valid
// against its schema, holding the version as an act and the amendments
// the chambers made on it, each as an amendment document with its change
// marked and the federation's decision. akn.go says why it is a
// documentCollection, how documents are identified (FRBR, eIds) and where
// each part of an amendment goes.
//
// Every Markdown or text export is read back before a byte is written:
// text that would import as another draft (an amendment's wording that holds a line such
// as «المادة 5: …», which import reads as a heading) is refused, naming
// the article, rather than written wrong.
//
// What comes next, under the names the issue gives them (Request): the
// other formats of the consolidated text (docx, pdf) and the table
// of amendments (Table; xlsx, csv), chosen by chamber and status. Request.Check refuses
// them for now with a sentence that names what is available.
package export
