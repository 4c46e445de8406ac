package ui

import (
	"os"
	"sync"

	"fyne.io/fyne/v2/lang"

	"statute/assets"
	"statute/drafts"
)

// Languages are the interface languages, in the order settings offer them.
var Languages = []string{"ar", "fr", "en"}

// languageNames name each language in itself, as a language menu should.
var languageNames = map[string]string{"ar": "العربية", "fr": "Français", "en": "English"}

// Keys every translation file carries about its own language.
const (
	keyLangCode = "meta.code"      // "ar", "fr", "en"
	keyLangDir  = "meta.direction" // "rtl" or "ltr"
)

// systemLocaleVars are the variables go-locale (and so Fyne's lang) reads on
// Unix systems, most important first, before it looks at LANGUAGE.
var systemLocaleVars = []string{"LC_ALL", "LC_MESSAGES", "LANG"}

var langMu sync.Mutex

// systemLanguage is $LANGUAGE as the process started, restored when the
// user goes back to the system's language.
var systemLanguage, hadSystemLanguage = os.LookupEnv("LANGUAGE")

// SetLanguage loads the app's translations and makes code ("ar", "fr" or
// "en") the interface language; "" follows the system locale.
//
// Fyne's lang package has no call to choose a language: it matches the
// system's preferred languages, which on Unix come from $LANGUAGE (unless
// the locale is C or POSIX). So a choice is made by setting LANGUAGE for
// this process, then reloading. On Windows and macOS go-locale asks the
// system instead, and a choice other than the system's needs Fyne support.
func SetLanguage(code string) error {
	if code != "" && languageNames[code] == "" {
		return drafts.Errorf(drafts.Invalid, "unknown interface language %q: use ar, fr or en", code)
	}
	langMu.Lock()
	defer langMu.Unlock()
	if code == "" {
		err := os.Unsetenv("LANGUAGE")
		if hadSystemLanguage {
			err = os.Setenv("LANGUAGE", systemLanguage)
		}
		if err != nil {
			return drafts.Wrap(drafts.Internal, err, "the interface language could not be set")
		}
	} else {
		if err := os.Setenv("LANGUAGE", code); err != nil {
			return drafts.Wrap(drafts.Internal, err, "the interface language could not be set")
		}
		for _, v := range systemLocaleVars {
			val := os.Getenv(v)
			if val == "" {
				continue
			}
			if val == "C" || val == "POSIX" {
				// C would make LANGUAGE ignored; C.UTF-8 is the same
				// locale for the C library and lets it be read.
				if err := os.Setenv(v, "C.UTF-8"); err != nil {
					return drafts.Wrap(drafts.Internal, err, "the interface language could not be set")
				}
			}
			break
		}
	}
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		return drafts.Wrap(drafts.Internal, err, "the interface translations could not be loaded")
	}
	return nil
}

// CurrentLanguage is the interface language in use: "ar", "fr" or "en".
func CurrentLanguage() string {
	return lang.X(keyLangCode, "en")
}

// rightToLeft reports whether the interface reads right to left, and so
// its layout is mirrored.
func rightToLeft() bool {
	return lang.X(keyLangDir, "ltr") == "rtl"
}

// chamberLabel names a chamber (or the federation) for a choice list, in
// the interface language.
func chamberLabel(c drafts.Chamber) string {
	if c.Code == drafts.FederationCode {
		if CurrentLanguage() == "ar" {
			return c.Region
		}
		return lang.L("The federation (legal staff)")
	}
	if CurrentLanguage() == "ar" {
		return c.Region + " (" + c.Code + ")"
	}
	return c.French + " (" + c.Code + ")"
}

// roles lists the choices for who a laptop belongs to: the twelve chambers,
// then the federation.
func roles() []drafts.Chamber {
	return drafts.Parties()
}
