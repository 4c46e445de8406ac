// Package ui is the Statute Workbench desktop interface, in Fyne: the main
// window that shows a draft statute article by article with its outline and
// its amendments, the first-run, settings and About dialogs, the
// federation's review board with its consolidation and export, the import
// of a draft's file, the app theme and the interface languages (Arabic,
// French, English).
//
// Export and import decide nothing themselves: the formats offered, what
// can be exported, how a file is read and what it holds are package
// export's and package importer's to say, so that the app offers a new
// format or reads a new kind of file when they do, and says their
// refusals in the user's language by message ID. The file dialogs and the
// desktop's opener come through Options (Files, OpenURL), so that tests
// drive them without a dialog of the desktop's. Fyne's save dialog would
// empty a file the user chooses to replace before a byte of the export is
// written; the app's "file" repository opens nothing until it is written
// to (filerepo.go), so that a failed export leaves the file as it was.
//
// Whose laptop this is comes from the database's key pair when it holds
// one (identity.go): choosing a role makes the key pair under a
// passphrase, and the federation's key, asked for once a session, signs
// its decisions and packages. Packages travel between laptops through
// the exchange dialog and the watched sync folder (exchange.go); what
// they may carry, whether one is taken in and what became of each
// amendment are package exchange's to say, in its sentences, which the
// app shows, asking only what they ask a person: to confirm a change of
// role, to compare a first contact's fingerprint, to replace a key.
//
// Fyne lays out neither Arabic text nor an Arabic caret right, so every
// piece of statute text, and every Arabic interface line, is shown by the
// widgets of ui/textwidget (Text, Tracked, Editor) rather than by Fyne's
// Label and Entry.
//
// Fyne's other widgets lay themselves out left to right whatever the
// language. So the app's dialogs are its own (modal), with the title laid
// out by textwidget and the buttons mirrored in Arabic; a choice among a
// few options is optionRows, each option a row with its circle on the
// reading side, and a choice of several a pickRow for each option, its
// box on the reading side; drop-down lists are Fyne's Select mirrored
// (choiceList); a card's row of buttons goes on over more lines where the
// window is narrow, each line from the reading side (flowRow); two
// columns put the first on the reading side (sideColumns); and a button's
// icon goes on the side its text starts from (mirrorIcon).
package ui
