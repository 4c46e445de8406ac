package ui_test

import (
	"encoding/json"
	"io/fs"
	"testing"

	"statute/assets"
	"statute/drafts"
	_ "statute/drafts/boltstore" // their sentences too
	_ "statute/drafts/exchange"
	_ "statute/drafts/export"
	_ "statute/drafts/external"
	_ "statute/drafts/importer"
	_ "statute/drafts/keys"
	_ "statute/drafts/parse"
	_ "statute/drafts/pdftext"
	_ "statute/drafts/round"
	_ "statute/drafts/word"
	"statute/ui"
)

// Every sentence the domain and the app may say is translated, under its
// message ID, into Arabic and French; en.json keeps the English as the
// code says it.
func TestEveryMessageIDHasItsArabicAndFrench(t *testing.T) {
	files := map[string]map[string]any{}
	for _, lang := range ui.Languages {
		data, err := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/"+lang+".json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		files[lang] = m
	}
	msgs := drafts.Messages()
	if len(msgs) < 40 {
		t.Fatalf("%d messages declared, want the domain's and the app's (40 or more)", len(msgs))
	}
	seen := map[string]bool{}
	for _, m := range msgs {
		if seen[m.ID] {
			t.Errorf("message ID %s is declared twice", m.ID)
		}
		seen[m.ID] = true
		key := "error." + m.ID
		for _, lang := range []string{"ar", "fr"} {
			if s, _ := files[lang][key].(string); s == "" || s == m.Format {
				t.Errorf("%s.json does not translate %s (%q)", lang, key, m.Format)
			}
		}
		if s, _ := files["en"][key].(string); s != m.Format {
			t.Errorf("en.json says %s as %q, the code as %q", key, s, m.Format)
		}
	}
}

// A sentence is said in the interface language, its status words too,
// and in English without a translation.
func TestErrorsAreSaidByTheirID(t *testing.T) {
	msg := drafts.Messages()
	var locked drafts.Message
	for _, m := range msg {
		if m.ID == "amendment.locked" {
			locked = m
		}
	}
	err := locked.Err(drafts.Conflict, "FM-ABCDEFGH", drafts.StatusWithdrawn)
	for _, c := range []struct{ lang, want string }{
		{"en", "amendment FM-ABCDEFGH has been withdrawn, and so is locked: it can no longer be changed"},
		{"fr", "l'amendement FM-ABCDEFGH a le statut « retiré » et est donc verrouillé : il ne peut plus être modifié"},
		{"ar", "التعديل \u2068FM-ABCDEFGH\u2069 في وضعية «مسحوب»، فهو مقفل: لم يعد ممكنا تغييره"},
	} {
		if err := ui.SetLanguage(c.lang); err != nil {
			t.Fatal(err)
		}
		if got := ui.UserError(err).Error(); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
	// A decision named in a sentence reads in its language too.
	var decided drafts.Message
	for _, m := range msg {
		if m.ID == "decision.decided-not-withdrawn" {
			decided = m
		}
	}
	err = decided.Err(drafts.Conflict, "FM-ABCDEFGH", drafts.Supersede, uint64(3))
	for _, c := range []struct{ lang, want string }{
		{"en", "amendment FM-ABCDEFGH has been decided (supersede, entry 3 of the decision log): it can no longer be withdrawn"},
		{"fr", "l'amendement FM-ABCDEFGH a fait l'objet d'une décision (« remplacement par une synthèse », entrée 3 du journal des décisions) : il ne peut plus être retiré"},
		{"ar", "صدر قرار في التعديل \u2068FM-ABCDEFGH\u2069 («إحلال تعديل تركيبي»، المدخل 3 من سجل القرارات): لم يعد ممكنا سحبه"},
	} {
		if err := ui.SetLanguage(c.lang); err != nil {
			t.Fatal(err)
		}
		if got := ui.UserError(err).Error(); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
	unknown := drafts.Errorf(drafts.Invalid, "a sentence with no ID")
	if got := ui.UserError(unknown).Error(); got != "a sentence with no ID" {
		t.Errorf("a sentence with no ID is said %q, want it as it is", got)
	}
}
