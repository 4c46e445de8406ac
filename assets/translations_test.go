package assets_test

import (
	"encoding/json"
	"io/fs"
	"sort"
	"testing"

	"statute/assets"
)

// TestTranslationsCoverTheSameMessages checks that every language file
// parses and names the same messages, so that no language falls back to
// English for a message another one translates.
func TestTranslationsCoverTheSameMessages(t *testing.T) {
	keys := map[string][]string{}
	for _, lang := range []string{"ar", "fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			data, err := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/"+lang+".json")
			if err != nil {
				t.Fatal(err)
			}
			var msgs map[string]any
			if err := json.Unmarshal(data, &msgs); err != nil {
				t.Fatalf("%s.json does not parse: %v", lang, err)
			}
			if msgs["meta.code"] != lang {
				t.Errorf("%s.json says its language is %v", lang, msgs["meta.code"])
			}
			for k := range msgs {
				keys[lang] = append(keys[lang], k)
			}
			sort.Strings(keys[lang])
		})
	}
	for _, lang := range []string{"ar", "fr"} {
		if a, b := keys[lang], keys["en"]; len(a) != len(b) {
			t.Errorf("%s.json has %d messages, en.json %d", lang, len(a), len(b))
			continue
		}
		for i := range keys["en"] {
			if keys[lang][i] != keys["en"][i] {
				t.Errorf("%s.json and en.json differ at %q / %q", lang, keys[lang][i], keys["en"][i])
				break
			}
		}
	}
}
