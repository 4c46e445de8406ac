package ui

import (
	"encoding/json"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/jeandeaual/go-locale"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

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

// errorKeyPrefix puts the domain's sentences (drafts.Message, by ID) in the
// translation files apart from the interface's own strings.
const errorKeyPrefix = "error."

// The interface speaks one language at a time, process-wide: the one the
// user chose in Settings, else the system's. It is held here, in the app's
// own localizer, rather than in Fyne's lang package, which follows only
// the system's locale: choosing a language then changes nothing in the
// process environment, which is unsafe to touch in a program that runs C
// code, and works on Windows and macOS alike. Fyne's own few strings (in
// its file dialogs, say) still follow the system's locale.
var interfaceLanguage = struct {
	sync.RWMutex
	bundle    *i18n.Bundle
	code      string
	localizer *i18n.Localizer
}{code: "en"}

// SetLanguage makes code ("ar", "fr" or "en") the interface language; ""
// follows the system's preferred languages, and Arabic when none of them
// is one of the app's (see systemLanguage).
func SetLanguage(code string) error {
	if code != "" && languageNames[code] == "" {
		return drafts.Errorf(drafts.Invalid, "unknown interface language %q: use ar, fr or en", code)
	}
	if code == "" {
		code = systemLanguage()
	}
	l := &interfaceLanguage
	l.Lock()
	defer l.Unlock()
	if l.bundle == nil {
		b, err := loadTranslations()
		if err != nil {
			return drafts.Wrap(drafts.Internal, err, "the interface translations could not be loaded")
		}
		l.bundle = b
	}
	l.code, l.localizer = code, i18n.NewLocalizer(l.bundle, code)
	return nil
}

// loadTranslations reads the app's translation files, one per language.
func loadTranslations() (*i18n.Bundle, error) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, code := range Languages {
		if _, err := b.LoadMessageFileFS(assets.Translations, assets.TranslationsDir+"/"+code+".json"); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// systemLanguage is the first of the system's preferred languages that
// the app speaks, or else Arabic, the first language of its users: a
// laptop set up with the locale C (as a fresh install or a service may
// be), or in a language the app does not speak, is far likelier to be a
// chamber's than an English speaker's. A locale it cannot read (C,
// POSIX) counts as none. The first-run question offers the other
// languages.
func systemLanguage() string {
	locales, err := locale.GetLocales()
	if err != nil {
		return "ar"
	}
	for _, l := range locales {
		tag, err := language.Parse(l)
		if err != nil {
			continue
		}
		base, _ := tag.Base()
		if languageNames[base.String()] != "" {
			return base.String()
		}
	}
	return "ar"
}

// tr says the interface string id in the interface language, filling its
// {{.Name}} fields from data[0]; without a translation it is id itself.
func tr(id string, data ...any) string {
	return translate(id, id, -1, data)
}

// trN is tr for a string that depends on a count: «تعديلان», «3 تعديلات».
func trN(id string, count int, data ...any) string {
	return translate(id, id, count, data)
}

// trKey says the string under key, or fallback when there is none.
func trKey(key, fallback string) string {
	return translate(key, fallback, -1, nil)
}

func translate(id, fallback string, count int, data []any) string {
	l := &interfaceLanguage
	l.RLock()
	loc := l.localizer
	l.RUnlock()
	if loc == nil {
		return fallback
	}
	cfg := &i18n.LocalizeConfig{DefaultMessage: &i18n.Message{ID: id, Other: fallback}}
	if len(data) > 0 {
		cfg.TemplateData = data[0]
	}
	if count >= 0 {
		cfg.PluralCount = count
	}
	s, err := loc.Localize(cfg)
	if err != nil {
		fyne.LogError("translating "+id, err)
		return fallback
	}
	return s
}

// translation is the interface language's wording of the string under
// key, if it has one.
func translation(key string) (string, bool) {
	l := &interfaceLanguage
	l.RLock()
	loc := l.localizer
	l.RUnlock()
	if loc == nil {
		return "", false
	}
	s, err := loc.Localize(&i18n.LocalizeConfig{MessageID: key})
	return s, err == nil
}

// CurrentLanguage is the interface language in use: "ar", "fr" or "en".
func CurrentLanguage() string {
	return trKey(keyLangCode, "en")
}

// rightToLeft reports whether the interface reads right to left, and so
// its layout is mirrored.
func rightToLeft() bool {
	return trKey(keyLangDir, "ltr") == "rtl"
}

// chamberLabel names a chamber (or the federation) for a choice list, in
// the interface language.
func chamberLabel(c drafts.Chamber) string {
	if c.Code == drafts.FederationCode {
		if CurrentLanguage() == "ar" {
			return c.Region
		}
		return tr("The federation (legal staff)")
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
