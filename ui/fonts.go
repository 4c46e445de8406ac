package ui

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"

	"statute/drafts"
)

// An installedFont is an Arabic font family found on this computer, which
// the user may prefer to the built-in DejaVu Sans: Naskh faces such as
// Amiri read better in long legal texts.
type installedFont struct {
	Family string
	// Regular and Bold are font files; Bold may be "", when the regular
	// face is used for bold text too.
	Regular, Bold string
}

// knownFonts are the families offered, with the file names of their
// regular and bold faces in lower case, as the common packages and
// systems install them (Debian's fonts-hosny-amiri and fonts-noto-core,
// Windows' own Arabic fonts, the fonts' own releases).
var knownFonts = []struct {
	family        string
	regular, bold []string
}{
	{"Amiri", []string{"amiri-regular.ttf"}, []string{"amiri-bold.ttf"}},
	{"Noto Naskh Arabic", []string{"notonaskharabic-regular.ttf", "notonaskharabicui-regular.ttf"}, []string{"notonaskharabic-bold.ttf", "notonaskharabicui-bold.ttf"}},
	{"Noto Sans Arabic", []string{"notosansarabic-regular.ttf", "notosansarabicui-regular.ttf"}, []string{"notosansarabic-bold.ttf", "notosansarabicui-bold.ttf"}},
	{"Scheherazade New", []string{"scheherazadenew-regular.ttf"}, []string{"scheherazadenew-bold.ttf"}},
	{"Sakkal Majalla", []string{"majalla.ttf"}, []string{"majallab.ttf"}},
	{"Traditional Arabic", []string{"trado.ttf"}, []string{"tradbdo.ttf"}},
	{"Simplified Arabic", []string{"simpo.ttf"}, []string{"simpbdo.ttf"}},
}

// maxFontFiles bounds the walk of the font folders: a folder that holds
// far more is not a font folder, and the settings dialog must not hang.
const maxFontFiles = 50_000

// fontDirs returns the folders searched for installed fonts: those the
// options name, else the system's.
// The sentences said about fonts.
var (
	msgFontUnreadable = drafts.NewMessage("font.unreadable", "the font file %s could not be read: choose another font in Settings")
	msgNotAFont       = drafts.NewMessage("font.not-a-font", "%s is not a font file Statute Workbench can use: choose another font in Settings, or reinstall %s")
	msgFontGone       = drafts.NewMessage("font.gone", "the font %s is no longer installed: the built-in DejaVu Sans is used; Settings can choose another")
)

func (o Options) fontDirs() []string {
	if o.FontDirs != nil {
		return o.FontDirs
	}
	return systemFontDirs()
}

// systemFontDirs returns the folders fonts are installed in on this
// system, the user's first.
func systemFontDirs() []string {
	home, _ := os.UserHomeDir() // "" is skipped below
	var dirs []string
	switch runtime.GOOS {
	case "windows":
		dirs = append(dirs, filepath.Join(os.Getenv("LOCALAPPDATA"), "Microsoft", "Windows", "Fonts"), filepath.Join(os.Getenv("WINDIR"), "Fonts"))
	case "darwin":
		dirs = append(dirs, filepath.Join(home, "Library", "Fonts"), "/Library/Fonts", "/System/Library/Fonts")
	default:
		data := os.Getenv("XDG_DATA_HOME")
		if data == "" && home != "" {
			data = filepath.Join(home, ".local", "share")
		}
		dirs = append(dirs, filepath.Join(data, "fonts"), filepath.Join(home, ".fonts"))
		sys := os.Getenv("XDG_DATA_DIRS")
		if sys == "" {
			sys = "/usr/local/share:/usr/share"
		}
		for _, d := range filepath.SplitList(sys) {
			dirs = append(dirs, filepath.Join(d, "fonts"))
		}
	}
	return slices.DeleteFunc(dirs, func(d string) bool { return !filepath.IsAbs(d) })
}

// installedFonts lists the known Arabic families found in the font
// folders dirs, in the order of knownFonts. Unreadable folders are skipped.
func installedFonts(dirs []string) []installedFont {
	found := map[string]string{} // lower-case file name → path, first found wins
	seen := 0
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // an unreadable folder: look in the others
			}
			if seen++; seen > maxFontFiles {
				return filepath.SkipAll
			}
			if !d.IsDir() {
				name := strings.ToLower(d.Name())
				if _, ok := found[name]; !ok {
					found[name] = path
				}
			}
			return nil
		})
	}
	first := func(names []string) string {
		for _, n := range names {
			if p, ok := found[n]; ok {
				return p
			}
		}
		return ""
	}
	var out []installedFont
	for _, k := range knownFonts {
		if r := first(k.regular); r != "" {
			out = append(out, installedFont{Family: k.family, Regular: r, Bold: first(k.bold)})
		}
	}
	return out
}

// fontFaces are the regular and bold faces the theme draws text with.
type fontFaces struct {
	family        string
	regular, bold fyne.Resource
}

// loadFont reads the family's faces from their files, checking that each
// is a font: a damaged or mislabelled file gives an error rather than
// garbled text.
func loadFont(f installedFont) (*fontFaces, error) {
	read := func(path string) (fyne.Resource, error) {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, msgFontUnreadable.Wrap(drafts.Unavailable, err, path)
		}
		if _, err := font.ParseTTF(bytes.NewReader(data)); err != nil {
			return nil, msgNotAFont.Wrap(drafts.Invalid, err, path, f.Family)
		}
		return fontResource(filepath.Base(path), data), nil
	}
	regular, err := read(f.Regular)
	if err != nil {
		return nil, err
	}
	faces := &fontFaces{family: f.Family, regular: regular, bold: regular}
	if f.Bold != "" {
		if faces.bold, err = read(f.Bold); err != nil {
			return nil, err
		}
	}
	return faces, nil
}

// findFont loads the family named family installed in dirs.
func findFont(dirs []string, family string) (*fontFaces, error) {
	for _, f := range installedFonts(dirs) {
		if f.Family == family {
			return loadFont(f)
		}
	}
	return nil, msgFontGone.Err(drafts.NotFound, family)
}
