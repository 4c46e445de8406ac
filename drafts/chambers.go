package drafts

import "strings"

// A Chamber is one of the twelve regional chambers of traditional crafts, or
// the federation whose legal staff consolidate their amendments.
type Chamber struct {
	Code   string // our short code, used in files and keys: "FM", "CS"…
	Region string // the region's name in Arabic: «فاس مكناس»
	French string // the region's name in French: "Fès-Meknès"
}

// FederationCode names the federation's legal staff where a chamber code is
// expected (the owner of a laptop, the author of a synthesis amendment).
const FederationCode = "FED"

// chambers are the twelve regional chambers in the official order of the
// regions. Read through Chambers, which hands out a copy: the list is the
// country's, not a caller's to change.
var chambers = [...]Chamber{
	{"TTA", "طنجة تطوان الحسيمة", "Tanger-Tétouan-Al Hoceïma"},
	{"ORI", "الشرق", "L'Oriental"},
	{"FM", "فاس مكناس", "Fès-Meknès"},
	{"RSK", "الرباط سلا القنيطرة", "Rabat-Salé-Kénitra"},
	{"BMK", "بني ملال خنيفرة", "Béni Mellal-Khénifra"},
	{"CS", "الدار البيضاء سطات", "Casablanca-Settat"},
	{"MS", "مراكش آسفي", "Marrakech-Safi"},
	{"DT", "درعة تافيلالت", "Drâa-Tafilalet"},
	{"SM", "سوس ماسة", "Souss-Massa"},
	{"GON", "كلميم واد نون", "Guelmim-Oued Noun"},
	{"LSH", "العيون الساقية الحمراء", "Laâyoune-Sakia El Hamra"},
	{"DOD", "الداخلة وادي الذهب", "Dakhla-Oued Ed-Dahab"},
}

// Federation is the national federation of the chambers.
var Federation = Chamber{FederationCode, "جامعة غرف الصناعة التقليدية", "Fédération des Chambres d'Artisanat"}

// Chambers returns the twelve regional chambers in the official order of
// the regions.
func Chambers() []Chamber { return append([]Chamber(nil), chambers[:]...) }

// Parties returns everyone who may hold an amendment, the owner of a
// laptop: the twelve chambers, then the federation.
func Parties() []Chamber { return append(Chambers(), Federation) }

// Name is the chamber's full Arabic name: «غرفة الصناعة التقليدية لجهة …».
func (c Chamber) Name() string {
	if c.Code == FederationCode {
		return c.Region
	}
	return "غرفة الصناعة التقليدية لجهة " + c.Region
}

// FrenchName is the chamber's full French name.
func (c Chamber) FrenchName() string {
	if c.Code == FederationCode {
		return c.French
	}
	return "Chambre d'Artisanat de la région " + c.French
}

var msgUnknownChamber = NewMessage("chamber.unknown", "unknown chamber %q: use one of %s, or %s for the federation")

// ChamberByCode finds a chamber (or the federation) by its code, ignoring
// case. It returns a NotFound error that lists the valid codes.
func ChamberByCode(code string) (Chamber, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == FederationCode {
		return Federation, nil
	}
	for _, c := range chambers {
		if c.Code == code {
			return c, nil
		}
	}
	codes := make([]string, len(chambers))
	for i, c := range chambers {
		codes[i] = c.Code
	}
	return Chamber{}, msgUnknownChamber.Err(NotFound, code, strings.Join(codes, ", "), FederationCode)
}
