package ui

// Preference keys, in one place: a renamed key would silently lose what
// users chose.
const (
	// PrefRole holds the code of the chamber this laptop belongs to, or
	// drafts.FederationCode; empty until the first-run dialog is answered.
	PrefRole = "role"
	// PrefLanguage holds the interface language ("ar", "fr", "en"), or ""
	// to follow the system locale.
	PrefLanguage = "language"
	// PrefTextScale holds the text-size factor (1 = the theme's size).
	PrefTextScale = "text.scale"
	// PrefFont holds the family of the installed font chosen for the text,
	// or "" for the built-in DejaVu Sans.
	PrefFont = "font"
	// PrefAuthor holds the name last given as an amendment's author, to
	// prefill the next.
	PrefAuthor = "author"
	// PrefPlace holds where the reader was when the window last closed:
	// the draft's ID, the article's key and the offset in pixels of the
	// amendments' scroll, one per line. The window opens there again.
	PrefPlace = "place"
	// PrefTextShare holds the most of the article view's height the
	// article's text takes (0 to 1): where the divider between the text
	// and its amendments was last dragged to.
	PrefTextShare = "text.share"
	// PrefFolder holds the folder of the file last exported or imported,
	// where the next file dialog opens.
	PrefFolder = "files.folder"
	// PrefSyncFolder holds the shared or synchronized folder packages
	// travel through (the federation's app watches it; a chamber's sends
	// its package there), or "" for none.
	PrefSyncFolder = "exchange.folder"
)
