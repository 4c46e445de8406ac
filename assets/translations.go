package assets

import "embed"

// Translations holds the interface translations of the app, one go-i18n
// JSON file per language (ar.json, fr.json, en.json) in the folder
// "translations", in the form Fyne's lang.AddTranslationsFS reads.
//
//go:embed translations/*.json
var Translations embed.FS

// TranslationsDir is the folder of Translations that holds the files.
const TranslationsDir = "translations"
